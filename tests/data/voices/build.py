#!/usr/bin/env python3
"""build - package the writers' hand-written text into labelled .eml files.

Each writer's folder holds src/batch-*.txt: messages separated by a line
`%%%%`, each a header block (From, To, Cc, Subject, Label, Kind, Lang, Note),
a blank line and the body (the header block ends at the first line that
is not one of those headers, blank or not); a line `=== attachment: NAME ===`
starts the text of an attached file. build.py turns every message into
WRITER/LABEL/NNN-KIND.eml and writes WRITER/MANIFEST.tsv. The text is the
writers'; only the packaging is chosen here, deterministically from the
writer and the message's number (same input, same files):

  text/plain UTF-8 (8bit or quoted-printable), multipart/alternative with an
  HTML copy, HTML only, or text/plain in windows-1252 / ISO-8859-1 base64
  when the text fits that charset; attachments as text parts (csv, txt, ics,
  vcf, html) in multipart/mixed; a fifth of the messages with CRLF.

usage: tests/data/voices/build.py [WRITER_DIR...]   (default: every folder
with a src/ below this one); exits 1 on a malformed message.
"""
import email.policy
import hashlib
import html
import os
import re
import sys
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr
import datetime

HERE = os.path.dirname(os.path.abspath(__file__))
REQUIRED = ("From", "To", "Subject", "Label", "Kind", "Lang")
KNOWN = REQUIRED + ("Cc", "Note")
ATTACH = re.compile(r"^=== attachment: (.+?) ===\s*$")
TYPES = {".csv": ("text", "csv"), ".txt": ("text", "plain"), ".ics": ("text", "calendar"),
         ".vcf": ("text", "vcard"), ".html": ("text", "html"), ".htm": ("text", "html"),
         ".xml": ("text", "xml"), ".json": ("application", "json")}


class Bad(Exception):
    pass


def parse(path):
    """messages of one batch file: (headers, body, [(name, text)])"""
    with open(path, encoding="utf-8") as fh:
        raw = fh.read()
    out = []
    for n, chunk in enumerate(re.split(r"^%%%%[ \t]*$", raw, flags=re.M)):
        if not chunk.strip():
            continue
        lines = chunk.strip("\n").split("\n")
        headers = {}
        i = 0
        while i < len(lines) and lines[i].strip():
            m = re.match(r"^([A-Za-z-]+):\s?(.*)$", lines[i])
            if not m or m.group(1).title() not in KNOWN:
                break  # the body, without the blank line before it
            headers[m.group(1).title()] = m.group(2).strip()
            i += 1
        if i < len(lines) and not lines[i].strip():
            i += 1  # the blank line between headers and body
        for k in REQUIRED:
            if k not in headers:
                raise Bad("%s: message %d: no %s header" % (path, n + 1, k))
        if headers["Label"] not in ("sensitive", "clean"):
            raise Bad("%s: message %d: Label must be sensitive or clean" % (path, n + 1))
        body, attachments, cur = [], [], None
        for line in lines[i:]:
            m = ATTACH.match(line)
            if m:
                cur = [m.group(1).strip(), []]
                attachments.append(cur)
            elif cur is not None:
                cur[1].append(line)
            else:
                body.append(line)
        if not "\n".join(body).strip() and not attachments and not headers["Subject"]:
            raise Bad("%s: message %d: nothing in it" % (path, n + 1))
        out.append((headers, "\n".join(body).strip("\n") + "\n",
                    [(a, "\n".join(t).strip("\n") + "\n") for a, t in attachments]))
    return out


def to_html(text):
    paras = re.split(r"\n\s*\n", text.strip("\n"))
    return ("<html><head><meta charset=\"utf-8\"></head><body>\n" +
            "\n".join("<p>%s</p>" % "<br>\n".join(html.escape(l) for l in p.split("\n")) for p in paras) +
            "\n</body></html>\n")


def pick(seed, n):
    return int(hashlib.sha256(seed.encode()).hexdigest()[:8], 16) % n


def build_one(writer, idx, headers, body, attachments):
    seed = "%s/%d" % (writer, idx)
    msg = EmailMessage()
    for k in ("From", "To", "Cc", "Subject"):
        if headers.get(k):
            msg[k] = headers[k]
    if "Subject" not in msg:
        msg["Subject"] = ""
    when = datetime.datetime(2026, 1, 5, 8, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=1)))
    when += datetime.timedelta(days=pick(seed + "d", 300), minutes=pick(seed + "m", 600))
    msg["Date"] = format_datetime(when)
    dom = parseaddr(headers["From"])[1].split("@")[-1] or "voices-example.nl"
    msg["Message-ID"] = "<%s@%s>" % (hashlib.sha256(seed.encode()).hexdigest()[:20], dom)
    style = pick(seed + "s", 20)
    if style < 11:
        cte = "quoted-printable" if style % 2 else "8bit"
        msg.set_content(body, subtype="plain", charset="utf-8", cte=cte)
        structure = "text/plain"
    elif style < 16:
        msg.set_content(body, subtype="plain", charset="utf-8", cte="quoted-printable")
        msg.add_alternative(to_html(body), subtype="html", charset="utf-8", cte="quoted-printable")
        structure = "multipart/alternative"
    elif style < 18:
        msg.set_content(to_html(body), subtype="html", charset="utf-8", cte="quoted-printable")
        structure = "text/html"
    else:
        charset = "windows-1252" if style == 18 else "iso-8859-1"
        try:
            body.encode(charset)
        except UnicodeEncodeError:
            charset = "utf-8"
        msg.set_content(body, subtype="plain", charset=charset, cte="base64")
        structure = "text/plain " + charset
    for name, text in attachments:
        maintype, subtype = TYPES.get(os.path.splitext(name)[1].lower(), ("text", "plain"))
        cte = "base64" if pick(seed + name, 2) else "quoted-printable"
        if maintype == "text":
            msg.add_attachment(text, subtype=subtype, charset="utf-8", cte=cte, filename=name)
        else:
            msg.add_attachment(text.encode("utf-8"), maintype=maintype, subtype=subtype, filename=name)
        structure += " +" + name.rsplit(".", 1)[-1]
    # boundaries from the seed, not at random: the same input, the same bytes
    for n, part in enumerate(p for p in msg.walk() if p.is_multipart()):
        part.set_boundary("=_%s_%d" % (hashlib.sha256((seed + "b").encode()).hexdigest()[:16], n))
    crlf = pick(seed + "l", 5) == 0
    policy = email.policy.SMTP if crlf else email.policy.default.clone(linesep="\n")
    return msg.as_bytes(policy=policy), structure, "CRLF" if crlf else "LF"


def slug(kind):
    return re.sub(r"[^a-z0-9]+", "-", kind.lower()).strip("-") or "mail"


def build(wdir):
    writer = os.path.basename(os.path.normpath(wdir))
    src = os.path.join(wdir, "src")
    batches = sorted(f for f in os.listdir(src) if f.endswith(".txt"))
    messages = []
    for b in batches:
        messages += parse(os.path.join(src, b))
    for label in ("sensitive", "clean"):
        d = os.path.join(wdir, label)
        if os.path.isdir(d):
            for f in os.listdir(d):
                if f.endswith(".eml"):
                    os.unlink(os.path.join(d, f))
        os.makedirs(d, exist_ok=True)
    rows = []
    for i, (headers, body, attachments) in enumerate(messages, 1):
        data, structure, eol = build_one(writer, i, headers, body, attachments)
        rel = "%s/%03d-%s.eml" % (headers["Label"], i, slug(headers["Kind"]))
        with open(os.path.join(wdir, rel), "wb") as fh:
            fh.write(data)
        rows.append((rel, headers["Label"], slug(headers["Kind"]), headers["Lang"], structure, eol,
                     headers.get("Note", "").replace("\t", " ")))
    with open(os.path.join(wdir, "MANIFEST.tsv"), "w", encoding="utf-8") as fh:
        fh.write("file\tlabel\tkind\tlang\tstructure\tline_endings\tnote\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")
    sens = sum(1 for r in rows if r[1] == "sensitive")
    print("%s: %d messages (%d sensitive, %d clean)" % (writer, len(rows), sens, len(rows) - sens))
    return len(rows)


def main(argv):
    dirs = argv or sorted(os.path.join(HERE, d) for d in os.listdir(HERE)
                          if os.path.isdir(os.path.join(HERE, d, "src")))
    try:
        total = sum(build(d) for d in dirs)
    except Bad as e:
        print("build: %s" % e, file=sys.stderr)
        return 1
    print("voices: %d messages" % total)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
