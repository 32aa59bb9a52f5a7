#!/usr/bin/env python3
"""Check the attachment hold-out set.

    python3 tools/check_attach_holdout.py [DIR]

For every message: MIME structure, bland headers, the attachment's package
structure (PDF xref offsets and FlateDecode streams, zip integrity and XML
well-formedness for OOXML/ODF, OLE magic for .doc, brace balance for RTF),
and that an independent reader gets the text out: pdftotext for PDF,
LibreOffice (--convert-to txt / csv) for the rest.  The extracted words are
compared with the words the generator put in (re-planned in process, same
seed).  Exit status 1 when anything fails.
"""

import sys
sys.dont_write_bytecode = True
import email
import email.policy
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import ah_formats as F  # noqa: E402
import make_attach_holdout as G  # noqa: E402
from ah_people import bsn_ok, rrn_ok  # noqa: E402

BSN_RE = re.compile(r"(?<![\d.])(\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3} \d{3} \d{3})(?![\d.])")
RRN_RE = re.compile(r"(?<![\d.])(\d{11}|\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}|\d{6}[ -]\d{3}[ -]\d{2})(?![\d.])")


def identifiers(text):
    b = sorted({m for m in BSN_RE.findall(text) if bsn_ok(re.sub(r"\D", "", m))})
    r = sorted({m for m in RRN_RE.findall(text) if rrn_ok(m)})
    return b, r

problems = []


def fail(where, msg):
    problems.append("%s: %s" % (where, msg))


def check_pdf(where, data):
    if not data.startswith(b"%PDF-1.4\n"):
        fail(where, "bad PDF header")
    if not data.rstrip().endswith(b"%%EOF"):
        fail(where, "no %%EOF")
    m = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", data)
    if not m:
        return fail(where, "no startxref")
    xref = int(m.group(1))
    if data[xref:xref + 4] != b"xref":
        return fail(where, "startxref does not point at xref")
    head = re.match(rb"xref\n0 (\d+)\n", data[xref:])
    n = int(head.group(1))
    table = data[xref + head.end(): xref + head.end() + 20 * n]
    for k in range(1, n):
        ent = table[20 * k: 20 * k + 20]
        off = int(ent[:10])
        if not ent.endswith(b" n \n") or not data[off:].startswith(b"%d 0 obj" % k):
            fail(where, "xref entry %d wrong" % k)
    for sm in re.finditer(rb"/Length (\d+) /Filter /FlateDecode >>\nstream\n", data):
        ln = int(sm.group(1))
        raw = data[sm.end(): sm.end() + ln]
        if data[sm.end() + ln: sm.end() + ln + 10] != b"\nendstream":
            fail(where, "stream length wrong")
        try:
            zlib.decompress(raw)
        except zlib.error:
            fail(where, "stream not inflatable")


def check_zip_xml(where, data, kind):
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return fail(where, "not a zip")
    if zf.testzip() is not None:
        fail(where, "zip CRC error")
    names = zf.namelist()
    for n in names:
        if n.endswith(".xml") or n.endswith(".rels"):
            try:
                ET.fromstring(zf.read(n))
            except ET.ParseError as e:
                fail(where, "%s not well-formed: %s" % (n, e))
    if kind in ("odt", "ods"):
        first = zf.infolist()[0]
        if first.filename != "mimetype" or first.compress_type != zipfile.ZIP_STORED:
            fail(where, "mimetype not first/stored")
    if kind in ("docx", "xlsx") and "[Content_Types].xml" not in names:
        fail(where, "no [Content_Types].xml")
    return names


def check_rtf(where, data):
    if not data.startswith(b"{\\rtf1"):
        fail(where, "no {\\rtf1")
    depth = 0
    i = 0
    while i < len(data):
        c = data[i:i + 1]
        if c == b"\\":
            i += 2
            continue
        if c == b"{":
            depth += 1
        elif c == b"}":
            depth -= 1
            if depth < 0:
                break
        i += 1
    if depth != 0:
        fail(where, "unbalanced braces")


def norm(s):
    s = unicodedata.normalize("NFC", s)
    s = s.replace("\u00a0", " ").replace("\u2022", " ").replace("\u2013", " ")
    return s


def tokens(s):
    return re.findall(r"[0-9A-Za-zÀ-ÿœŒ]+", norm(s))


def expected_tokens(part):
    c = part.content
    if "sheets" in c:
        # LibreOffice's csv export holds the first sheet only
        rows = c["sheets"][0][1]
        words = []
        for r in rows:
            for v in r:
                if isinstance(v, str):
                    words += tokens(v)
                elif isinstance(v, int) and not isinstance(v, bool):
                    words += tokens(str(v))
        return words
    words = tokens(c["title"]) if False else []
    for blk in c["blocks"]:
        k = blk[0]
        if k in ("h1", "h2", "p"):
            words += tokens(blk[1])
        elif k in ("lines", "ul"):
            for t in blk[1]:
                words += tokens(t)
        elif k == "kv":
            for a, b in blk[1]:
                words += tokens(a) + tokens(b)
        elif k == "table":
            for r in blk[1]:
                for v in r:
                    words += tokens(F.cell_text(v))
    return words


def main():
    root = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.dirname(HERE)
    plan = {("%s/%s/%03d.eml" % (m["label"], m["type"], m["n"])): m for m in G.plan_messages()}
    tmp = tempfile.mkdtemp(prefix="ahcheck")
    files = []   # (where, path on disk, kind, part)
    n_msgs = 0
    pages = {}
    idcount = {}
    try:
        for rel, m in sorted(plan.items()):
            path = os.path.join(root, rel)
            if not os.path.exists(path):
                fail(rel, "missing")
                continue
            n_msgs += 1
            raw = open(path, "rb").read()
            msg = email.message_from_bytes(raw, policy=email.policy.default)
            for h in ("From", "To", "Date", "Message-ID", "Subject"):
                if not msg[h]:
                    fail(rel, "no %s header" % h)
            for h in ("From", "To"):
                if "-example." not in str(msg[h]):
                    fail(rel, "%s not at an -example domain" % h)
            if msg.get_content_type() != "multipart/mixed":
                fail(rel, "not multipart/mixed")
            parts = list(msg.iter_parts())
            if len(parts) != 2 or parts[0].get_content_type() != "text/plain":
                fail(rel, "expected text/plain + one attachment")
                continue
            body = parts[0].get_content()
            if re.search(r"\d{9}", body) or re.search(r"\d{6}[ .-]?\d{3}[ .-]?\d{2}", body):
                fail(rel, "identifier-like number in body")
            att = parts[1]
            if att.get_content_disposition() != "attachment" or att["Content-Transfer-Encoding"] != "base64":
                fail(rel, "attachment headers")
            data = att.get_payload(decode=True)
            t = m["type"]
            if t == "zip":
                try:
                    zf = zipfile.ZipFile(io.BytesIO(data))
                    inner = [i for i in zf.infolist() if not i.is_dir()]
                    if zf.testzip() is not None:
                        fail(rel, "zip CRC")
                except zipfile.BadZipFile:
                    fail(rel, "bad zip")
                    continue
                if len(inner) != len(m["parts"]):
                    fail(rel, "zip member count")
                items = [(rel + "!" + i.filename, zf.read(i), p) for i, p in zip(inner, m["parts"])]
            else:
                items = [(rel, data, m["parts"][0])]
            for where, blob, part in items:
                kind = part.fmt
                if not where.endswith("." + kind) and "!" in where:
                    fail(where, "member extension")
                if kind == "pdf":
                    check_pdf(where, blob)
                elif kind in ("docx", "xlsx", "odt", "ods"):
                    check_zip_xml(where, blob, kind)
                elif kind == "doc":
                    if not blob.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
                        fail(where, "not an OLE compound file")
                elif kind == "rtf":
                    check_rtf(where, blob)
                fn = "f%03d.%s" % (len(files), kind)
                with open(os.path.join(tmp, fn), "wb") as fh:
                    fh.write(blob)
                files.append((where, fn, kind, part))

        # text extraction
        outdir = os.path.join(tmp, "out")
        os.makedirs(outdir)
        soffice = shutil.which("soffice")
        prof = ["-env:UserInstallation=file://%s/profile" % tmp]
        texts = [fn for _, fn, k, _ in files if k in ("docx", "odt", "doc", "rtf")]
        sheets = [fn for _, fn, k, _ in files if k in ("xlsx", "ods")]
        if soffice:
            subprocess.run([soffice, "--headless"] + prof + ["--convert-to", "txt:Text (encoded):UTF8", "--outdir", outdir] + [os.path.join(tmp, f) for f in texts],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            subprocess.run([soffice, "--headless"] + prof + ["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", outdir] + [os.path.join(tmp, f) for f in sheets],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        else:
            fail("-", "soffice not found; LibreOffice checks skipped")
        have_pdftotext = shutil.which("pdftotext") is not None
        if not have_pdftotext:
            fail("-", "pdftotext not found; PDF text checks skipped")
        worst = []
        for where, fn, kind, part in files:
            base = os.path.splitext(fn)[0]
            text = None
            if kind == "pdf":
                if have_pdftotext:
                    text = subprocess.run(["pdftotext", "-enc", "UTF-8", os.path.join(tmp, fn), "-"], capture_output=True).stdout.decode("utf-8", "replace")
                    info = subprocess.run(["pdfinfo", os.path.join(tmp, fn)], capture_output=True, text=True).stdout
                    pm = re.search(r"Pages:\s+(\d+)", info)
                    pages[where] = int(pm.group(1)) if pm else 0
                    if "Syntax Error" in subprocess.run(["pdfinfo", os.path.join(tmp, fn)], capture_output=True, text=True).stderr:
                        fail(where, "pdfinfo reports a syntax error")
            else:
                out = os.path.join(outdir, base + (".csv" if kind in ("xlsx", "ods") else ".txt"))
                if os.path.exists(out):
                    text = open(out, encoding="utf-8", errors="replace").read()
                elif soffice:
                    fail(where, "LibreOffice could not convert it")
            if text is None:
                continue
            ids = identifiers(text)
            idcount[where] = ids
            if part.label == "C" and (ids[0] or ids[1]):
                fail(where, "clean document holds a valid-looking identifier %s" % (ids,))
            got = set(tokens(text))
            want = expected_tokens(part)
            missing = [w for w in want if w not in got]
            cov = 1 - len(missing) / max(len(want), 1)
            worst.append((cov, where, missing[:8]))
            if cov < 0.98:
                fail(where, "only %.1f%% of the words came out (%s)" % (100 * cov, " ".join(missing[:10])))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    worst.sort()
    print("messages checked: %d, documents: %d" % (n_msgs, len(files)))
    print("lowest word coverage:")
    for cov, where, miss in worst[:6]:
        print("  %.3f %s %s" % (cov, where, " ".join(miss)))
    ns = sum(1 for w, p in [(f[0], f[3]) for f in files] if p.label == "S" and (idcount.get(w, ([], []))[0] or idcount.get(w, ([], []))[1]))
    if os.environ.get("AH_VERBOSE"):
        for where, fn, kind, part in files:
            print("  ids %-32s %-40s %s" % (where, part.template[:40], idcount.get(where)))
    print("sensitive documents with a valid BSN/RRN in the extracted text: %d of %d" % (ns, sum(1 for f in files if f[3].label == "S")))
    multi = sorted(w for w, n in pages.items() if n > 1)
    print("multi-page PDFs: %d (%s)" % (len(multi), ", ".join("%s:%d" % (w, pages[w]) for w in multi)))
    if problems:
        print("%d problem(s):" % len(problems))
        for p in problems:
            print("  " + p)
        sys.exit(1)
    print("all checks passed")


if __name__ == "__main__":
    main()
