#!/usr/bin/env python3
"""hardening - the attacker's side of tests/integration/hardening.

usage:
  hardening.py abuse SOCKET CASE         one protocol abuse against the milter
  hardening.py flood SOCKET N READY RELEASE
                                         N connections that negotiate, connect
                                         and idle; READY gets the counts once
                                         they are open; when RELEASE.half
                                         appears half of the served ones are
                                         closed (counts in READY.half); when
                                         RELEASE appears (or after 120 s) all,
                                         with the final counts in READY.final
  hardening.py stream PORT PLAN PROGRESS RESULT [PACE]
                                         the messages of PLAN through the SMTP
                                         server on PORT, three at a time (each
                                         sender waiting PACE seconds between
                                         messages); 4xx answers are tried again
                                         (like a sending MTA) for up to 120 s
  hardening.py account PLAN RESULT WORK  every message of PLAN delivered as
                                         policy says
  hardening.py portal-count DB            how many messages the portal store keeps
  hardening.py search TERMS WORK FILE... no term of TERMS in the files, nor in
                                         what the receivers under WORK got,
                                         except in originals for internal
                                         recipients or the TLS partner

The milter protocol as libmilter speaks it: a packet is a 4-byte big-endian
length (of what follows), one command byte and its payload. Everything talks
to a unix socket or 127.0.0.1. Terms are never printed in full: a found term
shows as its first four characters. Python standard library only.
"""
import email
import email.policy
import glob
import json
import os
import select
import smtplib
import socket
import sqlite3
import struct
import sys
import threading
import time

ORG = "anja@zorg-example.nl"
CONSUMER = "familie@gmail-example.com"
SENSITIVE = (
    "Mevrouw Wilhelmina Oosterbroek (BSN 1234.56.782) is vannacht opgenomen met een "
    "delier; zij krijgt haloperidol. Graag overleg over de overdracht."
)
CHUNK = 65000  # under libmilter's 64 KiB packet limit


def mask(term):
    return term[:4] + "*" * max(len(term) - 4, 1)


# --- the milter protocol ------------------------------------------------------


def packet(cmd, data=b""):
    return struct.pack(">I", len(data) + 1) + cmd + data


class Milter:
    """one connection to the milter, as an MTA would hold it"""

    def __init__(self, path, timeout=30):
        self.served = False
        self.s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.s.settimeout(timeout)
        self.s.connect(path)

    def close(self):
        try:
            self.s.close()
        except OSError:
            pass

    def send(self, cmd, data=b""):
        self.s.sendall(packet(cmd, data))

    def _read(self, n):
        buf = b""
        while len(buf) < n:
            got = self.s.recv(n - len(buf))
            if not got:
                raise EOFError("closed by the milter")
            buf += got
        return buf

    def recv(self):
        (n,) = struct.unpack(">I", self._read(4))
        body = self._read(n)
        return body[:1], body[1:]

    def ask(self, cmd, data=b""):
        self.send(cmd, data)
        return self.recv()

    def optneg(self):
        # version 6, every action, no protocol steps skipped
        c, _ = self.ask(b"O", struct.pack(">III", 6, 0x1FF, 0))
        if c != b"O":
            raise RuntimeError("option negotiation answered %r" % c)

    def connect(self, host=b"client.test", addr=b"127.0.0.1"):
        return self.ask(b"C", host + b"\0" + b"4" + struct.pack(">H", 25) + addr + b"\0")

    def start(self):
        self.optneg()
        c, _ = self.connect()
        if c != b"c":
            raise RuntimeError("connect answered %r" % c)

    def envelope(self, sender=ORG, rcpts=(CONSUMER,), qid=b"RAW0001"):
        self.send(b"D", b"M" + b"i\0" + qid + b"\0")
        c, _ = self.ask(b"M", b"<" + sender.encode() + b">\0")
        if c != b"c":
            return c
        for r in rcpts:
            c, _ = self.ask(b"R", b"<" + r.encode() + b">\0")
            if c != b"c":
                return c
        return c

    def headers(self, extra=0, subject="Overdracht"):
        for name, value in (
            ("From", "<%s>" % ORG),
            ("To", "<%s>" % CONSUMER),
            ("Subject", subject),
            ("MIME-Version", "1.0"),
            ("Content-Type", "text/plain; charset=utf-8"),
        ):
            c, _ = self.ask(b"L", name.encode() + b"\0" + value.encode() + b"\0")
            if c != b"c":
                return c
        for i in range(extra):
            c, _ = self.ask(b"L", b"X-Filler-%d\0waarde %d\0" % (i, i))
            if c != b"c":
                return c
        c, _ = self.ask(b"N")
        return c

    def body(self, data):
        for i in range(0, len(data), CHUNK):
            c, _ = self.ask(b"B", data[i : i + CHUNK])
            if c != b"c":
                return c
        return b"c"

    def eom(self):
        """end of message: the modifications, then the final reply"""
        self.send(b"E")
        mods = []
        while True:
            c, d = self.recv()
            if c in b"acrtdy":
                return mods, (c, d)
            mods.append((c, d))

    def silent(self, secs=1.5):
        """what the milter says within secs (libmilter ignores commands out of
        order without a reply): None, or the reply"""
        r, _, _ = select.select([self.s], [], [], secs)
        if not r:
            return None
        try:
            return self.recv()
        except EOFError:
            return (b"EOF", b"")


def protective(mods, final):
    """(ok, text): the end of a sensitive message to an outside recipient was
    not let through unscanned"""
    c, d = final
    kinds = "".join(m[0].decode("latin-1") for m in mods)
    text = "reply %r after [%s]" % (c.decode("latin-1"), kinds)
    if c == b"y":
        text += " " + d[:3].decode("latin-1", "replace")
        return d[:1] in (b"4", b"5"), text
    if c in (b"t", b"r"):
        return True, text
    if c == b"d":  # the portal path: kept, recipients taken off, nothing left
        return any(m[0] == b"-" for m in mods), text
    if c == b"a":  # held, or routed over TLS
        held = any(m[0] == b"q" for m in mods)
        routed = any(m[0] == b"h" and m[1].startswith(b"X-Sluis-Route\0") for m in mods)
        return held or routed, text
    return False, text  # continue, or anything else: not protected


def full_message(m, extra_headers=0, body=None, rcpts=(CONSUMER,)):
    c = m.envelope(rcpts=rcpts)
    if c != b"c":
        return None, "envelope answered %r" % c
    c = m.headers(extra_headers)
    if c != b"c":
        return None, "headers answered %r" % c
    c = m.body(body if body is not None else (SENSITIVE + "\r\n").encode())
    if c != b"c":
        return None, "body answered %r" % c
    return m.eom(), ""


def sensitive_eom(m, what, **kw):
    t0 = time.time()
    res, why = full_message(m, **kw)
    if res is None:
        # an early reject or tempfail protects as well
        return why.endswith(("'t'", "'r'", "'y'")), "%s: %s" % (what, why)
    ok, text = protective(*res)
    return ok, "%s: %s in %.1f s" % (what, text, time.time() - t0)


def abuse(path, case):
    """(ok, detail) for one case"""
    m = Milter(path)
    try:
        if case == "short-length":  # two bytes of a length, then gone
            m.s.sendall(b"\0\0")
            return True, "sent 2 bytes and closed"
        if case == "truncated-optneg":
            m.s.sendall(packet(b"O", struct.pack(">III", 6, 0x1FF, 0))[:9])
            return True, "sent 9 of 17 bytes and closed"
        if case == "truncated-connect":
            m.optneg()
            p = packet(b"C", b"client.test\0" + b"4" + struct.pack(">H", 25) + b"127.0.0.1\0")
            m.s.sendall(p[: len(p) // 2])
            return True, "sent half a connect packet and closed"
        if case == "truncated-body":  # in the middle of a sensitive message
            m.start()
            m.envelope()
            m.headers()
            p = packet(b"B", (SENSITIVE * 40).encode())
            m.s.sendall(p[: len(p) // 2])
            return True, "sent half a body packet and closed"
        if case == "zero-length":
            m.optneg()
            m.s.sendall(b"\0\0\0\0")
            r = m.silent(3)
            return True, "a zero length: %s" % ("no answer" if r is None else r[0])
        if case == "huge-length":  # 0x7fffffff announced: must not wait for 2 GiB
            m.optneg()
            try:
                m.s.sendall(struct.pack(">I", 0x7FFFFFFF) + b"B" + b"x" * 4096)
                r = m.silent(10)
            except OSError:  # reset: closed while we were still sending
                r = (b"EOF", b"")
            return r is not None and r[0] == b"EOF", "length 0x7fffffff: %s" % (
                "connection closed" if r and r[0] == b"EOF" else "still open after 10 s: %r" % (r,)
            )
        if case == "longer-than-data":
            m.start()
            m.envelope()
            m.s.sendall(struct.pack(">I", 60000) + b"L" + b"Subject\0" + b"y" * 100)
            return True, "announced 60000 bytes, sent 109 and closed"
        if case == "unknown-command":
            m.start()
            m.send(b"Z", b"nonsense")
            r = m.silent(5)
            return r is not None and r[0] == b"EOF", "unknown command: %s" % (
                "connection closed" if r and r[0] == b"EOF" else repr(r)
            )
        if case == "body-before-mail":
            m.start()
            m.send(b"B", (SENSITIVE + "\r\n").encode())
            r1 = m.silent()
            m.send(b"E")
            r2 = m.silent()
            bad = [r for r in (r1, r2) if r is not None and r[0] in (b"a", b"c")]
            # the connection still serves a real message, protected
            ok, text = sensitive_eom(m, "then a sensitive message")
            return not bad and ok, "body and eom before MAIL answered %r, %r; %s" % (
                r1 and r1[0],
                r2 and r2[0],
                text,
            )
        if case == "eom-without-mail":
            m.start()
            m.send(b"E", (SENSITIVE + "\r\n").encode())
            r = m.silent()
            ok, text = sensitive_eom(m, "then a sensitive message")
            return ok and (r is None or r[0] != b"a"), "eom without MAIL answered %r; %s" % (
                r and r[0],
                text,
            )
        if case == "abort-then-eom":
            # libmilter lets RCPT, body and end of message through after an
            # abort; without a sender the answer must not be an accept
            m.start()
            m.envelope()
            m.headers()
            m.body((SENSITIVE + "\r\n").encode())
            m.send(b"A")
            m.send(b"R", b"<" + CONSUMER.encode() + b">\0")
            r1 = m.silent()
            m.send(b"B", (SENSITIVE + "\r\n").encode())
            r2 = m.silent()
            m.send(b"E")
            r3 = m.silent(10)
            while r3 is not None and r3[0] not in (b"a", b"c", b"r", b"t", b"d", b"y", b"EOF"):
                r3 = m.silent(10)  # modifications before the final answer
            ok, text = sensitive_eom(m, "then a sensitive message")
            return ok and (r3 is None or r3[0] not in (b"a", b"c")), (
                "after an abort: RCPT answered %r, body %r, end of message %r; %s"
                % (r1 and r1[0], r2 and r2[0], r3 and (r3[0] + r3[1][:3]), text)
            )
        if case == "eom-sensitive":
            m.start()
            return sensitive_eom(m, "a sensitive message to a consumer")
        if case == "eom-partner":
            m.start()
            return sensitive_eom(m, "a sensitive message to a partner", rcpts=("arts@tls-partner-example.nl",))
        if case == "many-headers":
            m.start()
            return sensitive_eom(m, "20000 headers and a sensitive body", extra_headers=20000)
        if case == "large-body":
            m.start()
            line = b"Regel zonder bijzonderheden, alleen vulling voor de omvang.\r\n"
            body = (SENSITIVE + "\r\n").encode() + line * (20 * 1024 * 1024 // len(line))
            return sensitive_eom(m, "a 20 MB body", body=body)
        return False, "unknown case %s" % case
    except (OSError, EOFError, RuntimeError, struct.error) as e:
        return False, "%s: %s" % (case, e)
    finally:
        m.close()


# --- a flood of idle connections ----------------------------------------------


def flood(path, n, ready, release):
    conns, counts = [], {"accepted": 0, "tempfail": 0, "refused": 0, "other": 0}
    t0 = time.time()
    for _ in range(n):
        try:
            m = Milter(path, timeout=5)
        except OSError:
            counts["refused"] += 1
            continue
        try:
            m.optneg()
            c, d = m.connect()
            if c == b"c":
                counts["accepted"] += 1
                m.served = True
                conns.append(m)
                continue
            if c == b"t" or (c == b"y" and d[:1] == b"4"):
                counts["tempfail"] += 1
            else:
                counts["other"] += 1
        except (OSError, EOFError, RuntimeError, struct.error):
            counts["other"] += 1
        conns.append(m)  # held open all the same, as an attacker would
    counts["open_secs"] = round(time.time() - t0, 1)
    write_json(ready, counts)
    served = [m for m in conns if m.served]
    closed, halved = set(), False
    deadline = time.time() + 120
    while not os.path.exists(release) and time.time() < deadline:
        if not halved and os.path.exists(release + ".half"):
            # close half of the connections that were served
            for m in served[: len(served) // 2]:
                m.close()
                closed.add(id(m))
            counts["closed_by_us"] = len(served) // 2
            write_json(ready + ".half", counts)
            halved = True
        live = [m for m in conns if id(m) not in closed]
        r, _, _ = select.select([m.s for m in live][:1000], [], [], 0.2) if live else ([], [], [])
        for m in live:
            if m.s in r:
                try:
                    if not m.s.recv(4096):
                        closed.add(id(m))
                        counts["closed_by_milter"] = counts.get("closed_by_milter", 0) + 1
                except OSError:
                    closed.add(id(m))
                    counts["closed_by_milter"] = counts.get("closed_by_milter", 0) + 1
        if not live:
            time.sleep(0.2)
    counts.setdefault("closed_by_milter", 0)
    for m in conns:
        m.close()
    write_json(ready + ".final", counts)


def write_json(path, obj):
    with open(path + ".tmp", "w") as f:
        json.dump(obj, f)
    os.rename(path + ".tmp", path)


# --- a stream of messages through Postfix -------------------------------------


def send_one(port, msg):
    data = open(msg["file"], "rb").read()
    try:
        s = smtplib.SMTP("127.0.0.1", port, timeout=60)
        try:
            s.ehlo("client.test")
            code, text = s.mail(msg["from"])
            if code < 400:
                for r in msg["to"]:
                    code, text = s.rcpt(r)
                    if code >= 400:
                        break
            if code < 400:
                code, text = s.data(data)
        except smtplib.SMTPResponseException as e:
            code, text = e.smtp_code, e.smtp_error
        except smtplib.SMTPServerDisconnected:
            code, text = 421, b"disconnected"
        try:
            s.quit()
        except (smtplib.SMTPException, OSError):
            pass
    except (OSError, smtplib.SMTPException) as e:
        code, text = 421, str(e).encode()
    return code, text.decode("utf-8", "replace").replace("\n", " ")


def stream(port, plan, progress, result, pace=0.0):
    msgs = [json.loads(l) for l in open(plan)]
    lock = threading.Lock()
    todo = list(msgs)
    out = {m["n"]: [] for m in msgs}
    done = [0]

    def worker():
        while True:
            with lock:
                if not todo:
                    return
                m = todo.pop(0)
            code, text = send_one(port, m)
            time.sleep(pace)
            with lock:
                out[m["n"]].append([code, text])
                done[0] += 1
                with open(progress + ".tmp", "w") as f:
                    f.write(str(done[0]))
                os.rename(progress + ".tmp", progress)

    threads = [threading.Thread(target=worker) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # a sending MTA tries again after a temporary failure
    deadline = time.time() + 120
    while time.time() < deadline:
        again = [m for m in msgs if 400 <= out[m["n"]][-1][0] < 500]
        if not again:
            break
        time.sleep(1)
        for m in again:
            out[m["n"]].append(list(send_one(port, m)))
    with open(result, "w") as f:
        for m in msgs:
            f.write(json.dumps({"n": m["n"], "replies": out[m["n"]]}) + "\n")


# --- what the receivers got ---------------------------------------------------


def received(work):
    """every message at the receivers: dicts with file, receiver, rcpt, tls,
    notice, raw, text (the decoded text parts)"""
    out = []
    for rcv in ("default", "tls"):
        for f in sorted(glob.glob(os.path.join(work, rcv, "*.eml"))):
            raw = open(f, "rb").read()
            try:
                env = json.load(open(f[:-4] + ".json"))
            except (OSError, ValueError):
                env = {"rcpt": [], "tls": None}
            m = email.message_from_bytes(raw, policy=email.policy.default)
            text = ""
            for part in m.walk():
                if part.get_content_maintype() == "text":
                    try:
                        text += part.get_content() + "\n"
                    except (LookupError, ValueError):
                        pass
            out.append(
                {
                    "file": f,
                    "receiver": rcv,
                    "rcpt": [r.strip("<>").lower() for r in env.get("rcpt", [])],
                    "tls": env.get("tls"),
                    "notice": m.get("X-Sluis-Notice"),
                    "raw": raw,
                    "text": text + str(m.get("Subject", "")),
                }
            )
    return out


def allowed_original(x):
    """an original that policy lets carry health data: to internal
    recipients only, or to the partner over TLS"""
    if x["notice"]:
        return False
    if x["receiver"] == "default":
        return bool(x["rcpt"]) and all(r.endswith("@zorg-example.nl") for r in x["rcpt"])
    return (x["tls"] or "").startswith("TLSv1") and all(r.endswith("@tls-partner-example.nl") for r in x["rcpt"])


def account(plan, result, work):
    msgs = [json.loads(l) for l in open(plan)]
    replies = {}
    for l in open(result):
        r = json.loads(l)
        replies[r["n"]] = r["replies"]
    got = received(work)
    by_rcpt = {}
    for x in got:
        for r in x["rcpt"]:
            by_rcpt.setdefault(r, []).append(x)
    problems, temp, dup = [], 0, 0
    for m in msgs:
        rs = replies.get(m["n"], [])
        codes = [c for c, _ in rs]
        temp += sum(1 for c in codes if 400 <= c < 500)
        if any(c >= 500 for c in codes):
            problems.append("message %d (%s): a permanent failure %s" % (m["n"], m["kind"], codes))
            continue
        if not codes or codes[-1] != 250:
            problems.append("message %d (%s): never accepted %s" % (m["n"], m["kind"], codes))
            continue
        rcpt = m["to"][0].lower()
        tag = m["tag"].encode()
        here = by_rcpt.get(rcpt, [])
        if m["kind"] == "portal":
            notes = [x for x in here if x["notice"] == "recipient"]
            clear = [x for x in here if not x["notice"]]
            if not notes or clear:
                problems.append(
                    "message %d (portal): %d recipient notices, %d originals at the receiver"
                    % (m["n"], len(notes), len(clear))
                )
            dup += max(len(notes) - 1, 0)
        else:
            want = "tls" if m["kind"] == "tls" else "default"
            copies = [x for x in here if not x["notice"] and x["receiver"] == want and tag in x["raw"]]
            if m["kind"] == "tls":
                copies = [x for x in copies if (x["tls"] or "").startswith("TLSv1")]
            if not copies:
                problems.append("message %d (%s): not at the %s receiver" % (m["n"], m["kind"], want))
            dup += max(len(copies) - 1, 0)
    print(
        "%d messages, %d temporary failures on the way, %d delivered twice, %d problems"
        % (len(msgs), temp, dup, len(problems))
    )
    for p in problems[:20]:
        print("  " + p)
    return not problems


def search(terms_file, work, files):
    terms = [t.strip() for t in open(terms_file, encoding="utf-8") if t.strip()]
    low = [t.lower().encode("utf-8") for t in terms]
    hits, allowed, nbytes, nfiles = [], 0, 0, 0
    for f in files:
        if not os.path.isfile(f):
            continue
        nfiles += 1
        data = open(f, "rb").read().lower()
        nbytes += len(data)
        for t, lt in zip(terms, low):
            if lt in data:
                hits.append("%s: %s (%d times)" % (f, mask(t), data.count(lt)))
    got = received(work)
    for x in got:
        blob = x["raw"].lower() + x["text"].lower().encode("utf-8", "replace")
        found = [t for t, lt in zip(terms, low) if lt in blob]
        if not found:
            continue
        if allowed_original(x):
            allowed += 1
            continue
        hits.append(
            "%s (%s, to %s): %s"
            % (
                x["file"],
                "notice " + x["notice"] if x["notice"] else "an original",
                ",".join(r.split("@")[1] for r in x["rcpt"]),
                " ".join(mask(t) for t in found),
            )
        )
    print(
        "searched %d files (%d bytes) and %d received messages for %d terms: %d hits outside "
        "what policy allows; %d originals to internal recipients or the TLS partner hold them"
        % (nfiles, nbytes, len(got), len(terms), len(hits), allowed)
    )
    for h in hits[:20]:
        print("  " + h)
    return not hits


def main():
    a = sys.argv[1:]
    if a[0] == "abuse":
        ok, text = abuse(a[1], a[2])
        print(text)
        return 0 if ok else 1
    if a[0] == "flood":
        flood(a[1], int(a[2]), a[3], a[4])
        return 0
    if a[0] == "stream":
        stream(int(a[1]), a[2], a[3], a[4], float(a[5]) if len(a) > 5 else 0.0)
        return 0
    if a[0] == "account":
        return 0 if account(a[1], a[2], a[3]) else 1
    if a[0] == "portal-count":
        db = sqlite3.connect("file:%s?mode=ro" % a[1], uri=True, timeout=10)
        print(db.execute("SELECT count(*) FROM messages").fetchone()[0])
        return 0
    if a[0] == "search":
        return 0 if search(a[1], a[2], a[3:]) else 1
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
