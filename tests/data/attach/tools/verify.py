#!/usr/bin/env python3
"""Check the attachment corpus.

    python3 tests/data/attach/tools/verify.py [DIR]

- every .eml parses without defects and has From, To, Date, Message-ID;
- every attachment decodes and its bytes match its type (PDF, OOXML, ODF,
  OLE2 .doc/.xls, RTF, zip, RFC 5322 for .eml); OOXML/ODF/zip containers open;
- the bland parts (Subject, text body, file names) contain no health words
  and no checksum-valid BSN or Belgian national number;
- manifest.tsv and the files agree; minimum counts per type and label;
- each message is under 300 KB and the folder under 20 MB.
Exit status 1 on any problem. Standard library only (pdftotext, if
installed, is used to check that "page 2" PDFs have no health words on
page 1)."""

import email
import email.policy
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

sys.dont_write_bytecode = True

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
TYPES = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "doc", "xls", "rtf", "zip", "eml"]
HEALTH = re.compile(r"(diagnos|medica|médica|patiënt|patient|cliënt|client|bewoner|résident|resident|ziek|malad|\bBSN\b|rijksregister|INSZ|NISS|\bNHS\b|"
                    r"dementie|diabet|zorgplan|ontslag|verwijs|\bMDO\b|\bMIC\b|incident|médecin|depress|kanker|cancer)", re.I)
PAGE1_HEALTH = re.compile(r"(diagnos|medicatie|médicament|patiënt|cliënt|bewoner|résident|\bBSN\b|rijksregister|INSZ|NISS|\bNHS\b|geb\.|née? le|DOB)", re.I)
problems = []


def bad(f, msg):
    problems.append("%s: %s" % (f, msg))


def bsn_ok(d):
    if len(d) != 9:
        return False
    s = sum((9 - i) * int(d[i]) for i in range(8)) - int(d[8])
    return s % 11 == 0 and d != "000000000"


def nrn_ok(d):
    if len(d) != 11:
        return False
    body, cc = d[:9], int(d[9:])
    return cc == 97 - int(body) % 97 or cc == 97 - int("2" + body) % 97


MAGIC = {
    "pdf": lambda b: b.startswith(b"%PDF-"),
    "doc": lambda b: b.startswith(bytes.fromhex("D0CF11E0A1B11AE1")),
    "xls": lambda b: b.startswith(bytes.fromhex("D0CF11E0A1B11AE1")),
    "rtf": lambda b: b.startswith(b"{\\rtf"),
}
OOXML = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml", "pptx": "ppt/presentation.xml"}
ODF = {"odt": "application/vnd.oasis.opendocument.text", "ods": "application/vnd.oasis.opendocument.spreadsheet"}


def check_container(f, name, data, depth=0):
    ext = name.rsplit(".", 1)[-1].lower()
    if ext in MAGIC:
        if not MAGIC[ext](data):
            bad(f, "%s does not look like .%s" % (name, ext))
        return
    if ext in OOXML or ext in ODF or ext == "zip":
        try:
            z = zipfile.ZipFile(io.BytesIO(data))
            names = z.namelist()
            if z.testzip() is not None:
                bad(f, "%s: corrupt member" % name)
        except zipfile.BadZipFile:
            bad(f, "%s is not a zip container" % name)
            return
        if ext in OOXML and OOXML[ext] not in names:
            bad(f, "%s lacks %s" % (name, OOXML[ext]))
        if ext in ODF and (names[0] != "mimetype" or z.read("mimetype").decode() != ODF[ext]):
            bad(f, "%s: ODF mimetype member wrong" % name)
        if ext == "zip":
            for n in names:
                check_container(f, n, z.read(n), depth + 1)
        return
    if ext == "eml":
        m = email.message_from_bytes(data, policy=email.policy.default)
        if not m["From"] or not m["Date"]:
            bad(f, "%s: inner message lacks headers" % name)
        try:
            m.get_body(("plain", "html")).get_content()
        except Exception as e:  # noqa: BLE001
            bad(f, "%s: inner body does not decode (%s)" % (name, e))


def bland_text(m):
    out = [str(m["Subject"] or "")]
    for part in m.walk():
        if part.is_multipart():
            continue
        fn = part.get_filename()
        if fn:
            out.append(fn)
        if part.get_content_disposition() == "attachment":
            continue
        if part.get_content_type() == "text/plain":
            out.append(part.get_content())
    return "\n".join(out)


def main():
    rows = {}
    with open(os.path.join(ROOT, "manifest.tsv"), encoding="utf-8") as fh:
        head = fh.readline().rstrip("\n").split("\t")
        for line in fh:
            r = dict(zip(head, line.rstrip("\n").split("\t")))
            rows[r["file"]] = r
    files = []
    for label in ("sensitive", "clean"):
        for typ in sorted(os.listdir(os.path.join(ROOT, label))):
            for fn in sorted(os.listdir(os.path.join(ROOT, label, typ))):
                if fn.endswith(".eml"):
                    files.append("%s/%s/%s" % (label, typ, fn))
    for f in files:
        if f not in rows:
            bad(f, "not in manifest.tsv")
    for f in rows:
        if f not in files:
            bad(f, "in manifest.tsv but missing")
    counts = {}
    total = 0
    pdftotext = shutil.which("pdftotext")
    for f in files:
        label, typ = f.split("/")[:2]
        counts[(typ, label)] = counts.get((typ, label), 0) + 1
        path = os.path.join(ROOT, f)
        size = os.path.getsize(path)
        total += size
        if size >= 300 * 1024:
            bad(f, "larger than 300 KB (%d)" % size)
        raw = open(path, "rb").read()
        m = email.message_from_bytes(raw, policy=email.policy.default)
        for h in ("From", "To", "Date", "Message-ID", "MIME-Version"):
            if m[h] is None:
                bad(f, "missing %s" % h)
        for part in m.walk():
            if part.defects:
                bad(f, "defects %s" % part.defects)
        atts = [p for p in m.iter_attachments() if p.get_content_disposition() == "attachment"]
        if not atts:
            bad(f, "no attachment")
        for p in atts:
            data = p.get_payload(decode=True)
            if not data:
                bad(f, "attachment %s empty or undecodable" % p.get_filename())
                continue
            if p["Content-Transfer-Encoding"].lower() != "base64":
                bad(f, "attachment not base64")
            name = p.get_filename() or ""
            ext = name.rsplit(".", 1)[-1].lower()
            if ext != typ:
                bad(f, "attachment %s is not .%s" % (name, typ))
            check_container(f, name, data)
            if typ == "pdf" and pdftotext and "health data only from page 2" in rows.get(f, {}).get("notes", "") and len(atts) == 1:
                with tempfile.NamedTemporaryFile(suffix=".pdf") as tmp:
                    tmp.write(data)
                    tmp.flush()
                    t1 = subprocess.run([pdftotext, "-f", "1", "-l", "1", tmp.name, "-"], capture_output=True, text=True).stdout
                    t2 = subprocess.run([pdftotext, "-f", "2", "-l", "99", tmp.name, "-"], capture_output=True, text=True).stdout
                if PAGE1_HEALTH.search(t1):
                    bad(f, "page 1 has %r" % PAGE1_HEALTH.search(t1).group(0))
                if not t2.strip():
                    bad(f, "no page 2")
        if typ == "eml":
            for p in atts:
                if p.get_content_type() != "application/octet-stream":
                    bad(f, ".eml attachment is %s, not application/octet-stream" % p.get_content_type())
        bl = bland_text(m)
        subj_names = "\n".join([str(m["Subject"] or "")] + [p.get_filename() or "" for p in atts])
        h = HEALTH.search(subj_names)
        if h:
            bad(f, "health word %r in subject or file name" % h.group(0))
        # phone numbers in signatures ("T +31 (0)38 1234567") are not identifiers
        bl_ids = "\n".join(l for l in bl.split("\n") if not re.match(r"^\s*(T|Tel\.?|Tél\.?)\s", l))
        for d in re.findall(r"(?<![\d.])(\d(?:[ .-]?\d){8,10})(?![\d])", bl_ids):
            digits = re.sub(r"\D", "", d)
            if (len(digits) == 9 and bsn_ok(digits)) or (len(digits) == 11 and nrn_ok(digits)):
                bad(f, "identifier-like number %s in the bland parts" % d)
    for typ in TYPES:
        if counts.get((typ, "sensitive"), 0) < 14:
            bad(typ, "fewer than 14 sensitive messages")
        if counts.get((typ, "clean"), 0) < 12:
            bad(typ, "fewer than 12 clean messages")
    nsens = sum(v for (t, l), v in counts.items() if l == "sensitive")
    if nsens < 160:
        bad("all", "fewer than 160 sensitive messages")
    if total >= 20 * 1024 * 1024:
        bad("all", "folder larger than 20 MB")
    for typ in TYPES:
        print("%-5s sensitive %3d  clean %3d" % (typ, counts.get((typ, "sensitive"), 0), counts.get((typ, "clean"), 0)))
    print("%d messages, %d sensitive, %.1f MB" % (len(files), nsens, total / 1024 / 1024))
    for p in problems:
        print("PROBLEM", p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
