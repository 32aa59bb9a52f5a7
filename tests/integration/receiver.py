#!/usr/bin/env python3
"""receiver - a small SMTP server that stores what it receives, for tests.

usage: receiver.py DIR PORTFILE [--tls CERT KEY] [--unix PATH]

Listens on 127.0.0.1 on a free port (written to PORTFILE once listening)
and, with --unix, on a unix socket at PATH as well (made before PORTFILE).
Each message goes to DIR/NNN.eml byte for byte (dot-unstuffed, CRLF as
sent) with DIR/NNN.json beside it: envelope sender, recipients, and whether
the session was under TLS (and its version). With --tls it offers STARTTLS;
without, it does not. A file DIR/plan changes answers for tests: lines
"STEP REPLY" where STEP is GREETING, EHLO, MAIL, RCPT, DATA or END (after
the message) and REPLY a reply line ("451 4.3.0 try later") or "stall"
(no answer for 60 s); a line "FIRST n" lets the first n sessions after
the plan was written pass as if there were none. Python standard library
only.
"""
import json
import os
import socket
import ssl
import sys
import threading
import time


plan_sessions = {}  # sessions under each plan file, by its identity
plan_lock = threading.Lock()


def read_plan(out):
    plan = {}
    try:
        path = os.path.join(out, "plan")
        st = os.stat(path)
        for line in open(path):
            step, _, reply = line.strip().partition(" ")
            if step:
                plan[step] = reply
    except OSError:
        return plan
    with plan_lock:
        key = (st.st_ino, st.st_mtime_ns, st.st_size)
        plan_sessions[key] = seen = plan_sessions.get(key, 0) + 1
    if seen <= int(plan.get("FIRST", "0")):
        return {}
    return plan


def serve(conn, store, tls_ctx, out):
    state = {"tls": None, "from": None, "rcpt": []}
    f = conn.makefile("rwb", buffering=0)
    plan = read_plan(out)

    def send(line):
        f.write(line.encode() + b"\r\n")

    def planned(step):
        """answer as planned for step; True when the plan answered"""
        reply = plan.get(step)
        if reply is None:
            return False
        if reply == "stall":
            time.sleep(60)
            return True
        send(reply)
        return True

    if not planned("GREETING"):
        send("220 receiver.test ESMTP")
    while True:
        line = f.readline()
        if not line:
            return
        cmd = line.strip().decode("latin-1")
        verb = cmd[:4].upper()
        if verb in ("EHLO", "HELO", "MAIL", "RCPT", "DATA") and planned(verb):
            continue
        if verb in ("EHLO", "HELO"):
            if verb == "HELO":
                send("250 receiver.test")
                continue
            lines = ["receiver.test", "PIPELINING", "8BITMIME", "SIZE 104857600"]
            if tls_ctx and state["tls"] is None:
                lines.append("STARTTLS")
            for i, l in enumerate(lines):
                send(("250-" if i < len(lines) - 1 else "250 ") + l)
        elif verb == "STAR" and tls_ctx and state["tls"] is None:
            send("220 go ahead")
            conn = tls_ctx.wrap_socket(conn, server_side=True)
            state["tls"] = conn.version()
            f = conn.makefile("rwb", buffering=0)
        elif verb == "MAIL":
            state["from"] = cmd[10:].strip().split(" ")[0]
            state["rcpt"] = []
            send("250 ok")
        elif verb == "RCPT":
            state["rcpt"].append(cmd[8:].strip().split(" ")[0])
            send("250 ok")
        elif verb == "DATA":
            send("354 go ahead")
            data = bytearray()
            while True:
                l = f.readline()
                if not l or l in (b".\r\n", b".\n"):
                    break
                if l.startswith(b".."):
                    l = l[1:]
                data += l
            if planned("END"):
                continue
            store(bytes(data), state)
            send("250 stored")
        elif verb == "RSET":
            state["from"], state["rcpt"] = None, []
            send("250 ok")
        elif verb == "NOOP":
            send("250 ok")
        elif verb == "QUIT":
            send("221 bye")
            return
        else:
            send("502 not here")


def main():
    out, portfile = sys.argv[1], sys.argv[2]
    tls_ctx = None
    unix_path = None
    args = sys.argv[3:]
    while args:
        if args[0] == "--tls" and len(args) >= 3:
            tls_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            tls_ctx.load_cert_chain(args[1], args[2])
            args = args[3:]
        elif args[0] == "--unix" and len(args) >= 2:
            unix_path = args[1]
            args = args[2:]
        else:
            sys.exit(__doc__)
    os.makedirs(out, exist_ok=True)
    lock = threading.Lock()
    count = [0]

    def store(data, state):
        with lock:
            count[0] += 1
            base = os.path.join(out, "%03d" % count[0])
            with open(base + ".eml.tmp", "wb") as w:
                w.write(data)
            with open(base + ".json", "w") as w:
                json.dump({"from": state["from"], "rcpt": state["rcpt"], "tls": state["tls"]}, w)
            os.rename(base + ".eml.tmp", base + ".eml")

    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", 0))
    srv.listen(16)
    if unix_path:
        usrv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        usrv.bind(unix_path)
        usrv.listen(16)
        threading.Thread(target=accept_all, args=(usrv, store, tls_ctx, out), daemon=True).start()
    with open(portfile + ".tmp", "w") as w:
        w.write(str(srv.getsockname()[1]))
    os.rename(portfile + ".tmp", portfile)
    accept_all(srv, store, tls_ctx, out)


def accept_all(srv, store, tls_ctx, out):
    while True:
        conn, _ = srv.accept()
        threading.Thread(target=lambda c=conn: handle(c, store, tls_ctx, out), daemon=True).start()


def handle(conn, store, tls_ctx, out):
    try:
        serve(conn, store, tls_ctx, out)
    except (OSError, ssl.SSLError):
        pass
    finally:
        try:
            conn.close()
        except OSError:
            pass


if __name__ == "__main__":
    main()
