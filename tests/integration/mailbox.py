#!/usr/bin/env python3
"""mailbox - what a receiver.py folder holds, as JSON, for tests.

usage: mailbox.py DIR [--after N] [--rcpt ADDR] [--notice KIND] [--contains TEXT]
                      [--wait SECONDS] [--count N] [--save FOLDER]

Prints a JSON list of the messages in DIR (NNN.eml with NNN.json beside
it, as receiver.py writes them), oldest first, each:
  {"n": NNN, "file", "from", "rcpt": [addresses without <>], "notice":
   X-Sluis-Notice or null, "subject", "text": the text/plain parts decoded
   (quoted-printable, base64, charset), "html": the text/html parts decoded,
   "links": every http(s) URL in both, "attachments": [{"filename",
   "content_type", "size", "sha256", "saved"}]}
Filters: --after N only messages numbered above N; --rcpt ADDR only those
to ADDR; --notice KIND only notices of that kind ("none": no notice);
--contains TEXT only those whose text or html holds TEXT. --wait SECONDS
waits until at least --count (default 1) messages match, and exits 1 if
they do not by then (printing what did). --save FOLDER writes each
attachment to FOLDER/NNN-INDEX (the path in "saved"). Python standard
library only.
"""
import argparse
import email
import email.policy
import glob
import hashlib
import json
import os
import re
import sys
import time

URL = re.compile(r"https?://[^\s<>\"')]+")


def read(path, save):
    n = int(os.path.basename(path)[:-4])
    raw = open(path, "rb").read()
    env = json.load(open(path[:-4] + ".json"))
    m = email.message_from_bytes(raw, policy=email.policy.default)
    text, html, atts = [], [], []
    for part in m.walk():
        if part.is_multipart():
            continue
        disp = part.get_content_disposition()
        ctype = part.get_content_type()
        if disp != "attachment" and ctype == "text/plain":
            text.append(part.get_content())
        elif disp != "attachment" and ctype == "text/html":
            html.append(part.get_content())
        elif disp == "attachment" or part.get_filename():
            data = part.get_payload(decode=True) or b""
            saved = None
            if save:
                os.makedirs(save, exist_ok=True)
                saved = os.path.join(save, "%03d-%d" % (n, len(atts)))
                with open(saved, "wb") as f:
                    f.write(data)
            atts.append({"filename": part.get_filename(), "content_type": ctype,
                         "size": len(data), "sha256": hashlib.sha256(data).hexdigest(),
                         "saved": saved})
    text, html = "\n".join(text), "\n".join(html)
    return {"n": n, "file": path, "from": env["from"],
            "rcpt": [r.strip("<>") for r in env["rcpt"]],
            "notice": m.get("X-Sluis-Notice"), "subject": str(m.get("Subject", "")),
            "text": text, "html": html, "links": URL.findall(text + "\n" + html),
            "attachments": atts}


def matching(args):
    out = []
    for path in sorted(glob.glob(os.path.join(args.dir, "[0-9]*.eml"))):
        n = int(os.path.basename(path)[:-4])
        if n <= args.after:
            continue
        try:
            x = read(path, args.save)
        except (OSError, ValueError):
            continue  # its .json not there yet
        if args.rcpt and args.rcpt.lower() not in [r.lower() for r in x["rcpt"]]:
            continue
        if args.notice and (x["notice"] or "none") != args.notice:
            continue
        if args.contains and args.contains not in x["text"] and args.contains not in x["html"]:
            continue
        out.append(x)
    return out


def main():
    ap = argparse.ArgumentParser(usage=__doc__)
    ap.add_argument("dir")
    ap.add_argument("--after", type=int, default=0)
    ap.add_argument("--rcpt")
    ap.add_argument("--notice")
    ap.add_argument("--contains")
    ap.add_argument("--wait", type=float, default=0)
    ap.add_argument("--count", type=int, default=1)
    ap.add_argument("--save")
    args = ap.parse_args()
    deadline = time.time() + args.wait
    while True:
        got = matching(args)
        if not args.wait or len(got) >= args.count or time.time() >= deadline:
            break
        time.sleep(0.2)
    json.dump(got, sys.stdout, indent=1)
    print()
    if args.wait and len(got) < args.count:
        sys.exit(1)


if __name__ == "__main__":
    main()
