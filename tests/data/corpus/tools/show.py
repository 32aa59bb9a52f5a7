#!/usr/bin/env python3
"""Print a message's headers and decoded text parts (for reviewing the corpus)."""
import email
import sys

sys.dont_write_bytecode = True
from email import policy

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from verify import texts  # noqa: E402

for path in sys.argv[1:]:
    msg = email.message_from_bytes(open(path, "rb").read(), policy=policy.default)
    print("#" * 8, path)
    for h in ("From", "To", "Cc", "Subject", "Date", "Content-Type"):
        if msg[h]:
            print("%s: %s" % (h, msg[h]))
    seen = set()
    for where, t in texts(msg, []):
        if where.endswith("text/html") and any(w.endswith("text/plain") for w, _ in texts(msg, [])):
            continue
        print("--- [%s]" % where)
        print(t.strip()[:3000])
    print()
