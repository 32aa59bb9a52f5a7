#!/usr/bin/env python3
"""Check the corpus: every message parses with the email package (policy.default),
every part decodes, and every BSN / Belgian national register / BIS number in the
sensitive set passes its check; invoice-type numbers in clean/invoice pass the
11-test. Prints counts per kind. Exit 1 on any problem.

    python3 tests/data/corpus/tools/verify.py [CORPUS_DIR]"""

import email
import html
import os
import re
import sys

sys.dont_write_bytecode = True
from email import policy

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ids  # noqa: E402

BSN_LABEL = re.compile(r"(?i)\b(bsn|burgerservicenummer|sofi-?nummer|sofinummer|naming\w*/bsn)\b")
NRN_LABEL = re.compile(r"(?i)(rijksregister\w*|\binsz\b|\bniss\b|registre national|\bbis\b|\brrn\b|rr-nr|\bnn\b)")
BSN_NUM = re.compile(r"(?<![\d.\-/])(\d{4}\.\d{2}\.\d{3}|\d{3}[ .]\d{3}[ .]\d{3}|\d{9})(?![\d.\-/]\d)")
NRN_NUM = re.compile(r"(?<![\d])(\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}|\d{6}[ -]\d{3}[ -]\d{2}|\d{11})(?!\d)")
INV_LABEL = re.compile(r"(?i)(factuurnummer|factuurnr|ordernummer|bestelnummer|klantnummer|klantnr|debiteurnummer|contractnummer|"
                       r"creditnotanummer|registratienummer|invoice number|order number|account number|customer number|registration number|"
                       r"numéro de facture|numéro de commande|numéro client|factuur|bestelling|facture n°|invoice)")


def texts(msg, out, where="body"):
    for part in msg.walk():
        if part.is_multipart():
            continue
        ctype = part.get_content_type()
        if ctype == "message/rfc822":
            inner = part.get_payload()
            inner = inner[0] if isinstance(inner, list) else inner
            out.append(("rfc822-headers", " ".join("%s: %s" % (k, v) for k, v in inner.items())))
            texts(inner, out, "rfc822")
            continue
        if part.get_content_maintype() == "text" or ctype in ("application/xml", "application/json"):
            try:
                c = part.get_content()
            except Exception:
                c = part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
            if isinstance(c, bytes):
                c = c.decode(part.get_content_charset() or "utf-8")
            if ctype == "text/html":
                c = re.sub(r"(?is)<(style|script)[^>]*>.*?</\1>", " ", c)
                c = html.unescape(re.sub(r"<[^>]+>", " ", c))
            out.append((where + ":" + ctype, c))
        else:
            data = part.get_payload(decode=True)
            if data is None:
                raise ValueError("undecodable part %s" % ctype)
    return out


def check_file(path, label, kind, problems, stats):
    raw = open(path, "rb").read()
    msg = email.message_from_bytes(raw, policy=policy.default)
    for h in ("From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type"):
        if msg[h] is None:
            problems.append("%s: missing header %s" % (path, h))
    if msg.defects:
        problems.append("%s: defects %s" % (path, msg.defects))
    for part in msg.walk():
        if part.defects:
            problems.append("%s: part defects %s" % (path, part.defects))
        if not part.is_multipart() and part.get_content_type() != "message/rfc822" and "Content-Transfer-Encoding" not in part and part is not msg:
            problems.append("%s: part without Content-Transfer-Encoding" % path)
    if not msg.is_multipart() and "Content-Transfer-Encoding" not in msg:
        problems.append("%s: no Content-Transfer-Encoding" % path)
    segs = [("subject", str(msg["Subject"]))] + texts(msg, [])
    alltext = "\n".join(s for _, s in segs)
    found = {"bsn": 0, "nrn": 0}
    for where, s in segs:
        flat = s.replace("\r\n", "\n")
        for m in BSN_NUM.finditer(flat):
            ctx = flat[max(0, m.start() - 60):m.start()]
            if BSN_LABEL.search(ctx) or "fhir.nl" in ctx:
                num = re.sub(r"\D", "", m.group(0))
                found["bsn"] += 1
                if label == "sensitive" and not ids.elfproef_ok(num):
                    problems.append("%s: BSN %s fails 11-test" % (path, m.group(0)))
                if label == "clean":
                    problems.append("%s: labelled BSN in clean mail: %s" % (path, m.group(0)))
            if label == "clean" and kind == "invoice" and INV_LABEL.search(flat[max(0, m.start() - 40):m.start()]):
                stats.setdefault("invoice_numbers", []).append(re.sub(r"\D", "", m.group(0)))
        for m in NRN_NUM.finditer(flat):
            ctx = flat[max(0, m.start() - 60):m.start()]
            num = re.sub(r"\D", "", m.group(0))
            if NRN_LABEL.search(ctx) or (where.endswith("text/csv") and ids.nrn_ok(num)):
                found["nrn"] += 1
                if label == "sensitive" and not ids.nrn_ok(num):
                    problems.append("%s: national number %s fails mod-97" % (path, m.group(0)))
                if label == "clean":
                    problems.append("%s: labelled national number in clean mail: %s" % (path, m.group(0)))
    # the template placeholders must all have been filled
    if re.search(r"\{[A-Za-z][A-Za-z0-9_]*\}", alltext):
        problems.append("%s: unfilled placeholder %s" % (path, re.search(r"\{[A-Za-z][A-Za-z0-9_]*\}", alltext).group(0)))
    return found, msg


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    root = os.path.abspath(root)
    problems = []
    stats = {}
    counts = {}
    idcount = {"bsn": 0, "nrn": 0}
    structures = {"multipart": 0, "html-only": 0, "base64": 0, "quoted-printable": 0, "latin": 0, "crlf": 0, "rfc2047": 0, "flowed": 0, "rfc822": 0}
    for label in ("sensitive", "clean"):
        ldir = os.path.join(root, label)
        for kind in sorted(os.listdir(ldir)):
            kdir = os.path.join(ldir, kind)
            files = sorted(f for f in os.listdir(kdir) if f.endswith(".eml"))
            counts[(label, kind)] = len(files)
            for f in files:
                p = os.path.join(kdir, f)
                raw = open(p, "rb").read()
                try:
                    found, msg = check_file(p, label, kind, problems, stats)
                except Exception as e:  # noqa: BLE001
                    problems.append("%s: %r" % (p, e))
                    continue
                for k in found:
                    idcount[k] += found[k] if label == "sensitive" else 0
                if msg.is_multipart():
                    structures["multipart"] += 1
                if msg.get_content_type() == "text/html":
                    structures["html-only"] += 1
                low = raw.lower()
                structures["base64"] += b"content-transfer-encoding: base64" in low
                structures["quoted-printable"] += b"content-transfer-encoding: quoted-printable" in low
                structures["latin"] += (b"iso-8859-1" in low or b"windows-1252" in low)
                structures["crlf"] += b"\r\n" in raw
                structures["rfc2047"] += b"=?" in raw.split(b"\n\n")[0] or b"=?" in raw.split(b"\r\n\r\n")[0]
                structures["flowed"] += b"format=flowed" in low
                structures["rfc822"] += b"message/rfc822" in low
    for n in stats.get("invoice_numbers", []):
        if len(n) == 9 and not ids.elfproef_ok(n):
            problems.append("clean/invoice: number %s does not pass the 11-test" % n)
    tot = {"sensitive": 0, "clean": 0}
    for (label, kind), n in sorted(counts.items()):
        print("%-10s %-22s %4d" % (label, kind, n))
        tot[label] += n
    print("total: %d sensitive, %d clean" % (tot["sensitive"], tot["clean"]))
    print("identifiers checked in sensitive mail: %d BSN, %d national register/BIS" % (idcount["bsn"], idcount["nrn"]))
    print("11-test invoice/order/customer numbers in clean/invoice: %d" % len(stats.get("invoice_numbers", [])))
    print("structure: " + ", ".join("%s %d" % kv for kv in structures.items()))
    if problems:
        print("%d problems:" % len(problems))
        for p in problems[:60]:
            print("  " + p)
        sys.exit(1)
    print("all messages parse and decode; all identifiers pass their checks")


if __name__ == "__main__":
    main()
