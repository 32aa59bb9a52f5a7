#!/usr/bin/env python3
"""verify - check the voices corpus: every .eml parses without defects and
every part decodes; MANIFEST.tsv and the files agree; every writer is in
SPLITS; every address is fictitious (an organisation domain holding
`-example`, or a consumer mailbox domain); every BSN or Belgian national
number next to its label passes its checksum. Prints counts per writer and
part, and "N passed, N failed" (messages without a problem, problems); exits
1 on any problem.

usage: tests/data/voices/verify.py
"""
import email
import email.policy
import os
import re
import sys
from email.utils import getaddresses

HERE = os.path.dirname(os.path.abspath(__file__))
CONSUMER = {"gmail.com", "hotmail.com", "hotmail.nl", "outlook.com", "live.nl", "live.be", "ziggo.nl",
            "kpnmail.nl", "kpnplanet.nl", "xs4all.nl", "telenet.be", "skynet.be", "proximus.be", "yahoo.com",
            "yahoo.fr", "icloud.com", "orange.fr", "free.fr", "gmx.net", "planet.nl", "home.nl",
            "hetnet.nl", "upcmail.nl", "msn.com", "me.com", "protonmail.com", "wanadoo.fr",
            "laposte.net", "voo.be", "scarlet.be", "outlook.be", "hotmail.be", "hotmail.fr",
            "gmail.be", "casema.nl", "online.nl", "tiscali.nl", "chello.nl", "quicknet.nl",
            "telfort.nl", "wp.pl", "onet.pl", "o2.pl", "interia.pl", "yandex.ru", "mail.ru", "gmx.de", "web.de"}


def elfproef(d):
    return len(d) == 9 and sum(int(c) * w for c, w in zip(d, (9, 8, 7, 6, 5, 4, 3, 2, -1))) % 11 == 0


def nrn_ok(d):
    if len(d) != 11:
        return False
    base, check = int(d[:9]), int(d[9:])
    return 97 - base % 97 == check or 97 - int("2" + d[:9]) % 97 == check


def main():
    problems = []
    splits = {}
    with open(os.path.join(HERE, "SPLITS"), encoding="utf-8") as fh:
        for line in fh:
            f = line.split("#", 1)[0].split()
            if f:
                if len(f) != 2 or f[1] not in ("train", "train-extra", "test"):
                    problems.append("SPLITS: bad line %r" % line.strip())
                else:
                    splits[f[0]] = f[1]
    writers = sorted(d for d in os.listdir(HERE) if os.path.isdir(os.path.join(HERE, d, "src")))
    for w in writers:
        if w not in splits:
            problems.append("%s: not in SPLITS" % w)
    parts = {}
    for w in writers:
        wdir = os.path.join(HERE, w)
        with open(os.path.join(wdir, "MANIFEST.tsv"), encoding="utf-8") as fh:
            head = fh.readline().rstrip("\n").split("\t")
            rows = [dict(zip(head, l.rstrip("\n").split("\t"))) for l in fh]
        listed = {r["file"] for r in rows}
        found = {os.path.join(l, f) for l in ("sensitive", "clean") if os.path.isdir(os.path.join(wdir, l))
                 for f in os.listdir(os.path.join(wdir, l)) if f.endswith(".eml")}
        for f in sorted(listed ^ found):
            problems.append("%s/%s: in MANIFEST.tsv or on disk, not both" % (w, f))
        counts = {"sensitive": 0, "clean": 0}
        for r in rows:
            path = os.path.join(wdir, r["file"])
            if not os.path.exists(path):
                continue
            counts[r["label"]] += 1
            if not r["file"].startswith(r["label"] + "/"):
                problems.append("%s/%s: label %s but in another folder" % (w, r["file"], r["label"]))
            with open(path, "rb") as fh:
                m = email.message_from_bytes(fh.read(), policy=email.policy.default)
            text = []
            for p in m.walk():
                if p.defects:
                    problems.append("%s/%s: %s" % (w, r["file"], p.defects))
                if not p.is_multipart():
                    try:
                        c = p.get_content()
                        text.append(c if isinstance(c, str) else c.decode("utf-8", "replace"))
                    except (LookupError, ValueError) as e:
                        problems.append("%s/%s: a part does not decode: %s" % (w, r["file"], e))
            addrs = getaddresses([str(m.get(h, "")) for h in ("From", "To", "Cc")])
            for _, a in addrs:
                dom = a.rsplit("@", 1)[-1].lower() if "@" in a else ""
                if dom and "-example" not in dom and dom not in CONSUMER:
                    problems.append("%s/%s: address domain %s is neither -example nor a consumer mailbox"
                                    % (w, r["file"], dom))
            body = str(m.get("Subject", "")) + "\n" + "\n".join(text)
            for lab in re.finditer(r"(?i)\b(bsn|burgerservicenummer)\b\D{0,12}([\d. ]{9,13}\d)", body):
                d = re.sub(r"\D", "", lab.group(2))
                if len(d) == 9 and not elfproef(d):
                    problems.append("%s/%s: a BSN next to its label fails the 11-test" % (w, r["file"]))
            for lab in re.finditer(r"(?i)\b(rijksregisternummer|rrn|insz|niss|registre national)\b\D{0,16}"
                                   r"(\d[\d. -]{9,15}\d)", body):
                d = re.sub(r"\D", "", lab.group(2))
                if len(d) == 11 and not nrn_ok(d):
                    problems.append("%s/%s: a national number next to its label fails mod 97" % (w, r["file"]))
        part = splits.get(w, "?")
        parts.setdefault(part, [0, 0])
        parts[part][0] += counts["sensitive"]
        parts[part][1] += counts["clean"]
        print("%-24s %-11s %4d sensitive %4d clean" % (w, part, counts["sensitive"], counts["clean"]))
    for p in ("train", "train-extra", "test"):
        if p in parts:
            print("%-24s %-11s %4d sensitive %4d clean" % ("part", p, parts[p][0], parts[p][1]))
    for p in problems:
        print("problem: %s" % p)
    checked = sum(v[0] + v[1] for v in parts.values())
    bad = len({p.split(":", 1)[0] for p in problems})
    print("verify: %d problems" % len(problems))
    print("voices: %d passed, %d failed" % (checked - min(bad, checked), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
