#!/usr/bin/env python3
"""httpreceiver - a small HTTP server that records POSTs, for tests.

usage: httpreceiver.py DIR PORTFILE

Listens on 127.0.0.1 on a free port (written to PORTFILE once listening).
Each request goes to DIR/NNN.json: path, headers and body (as text). The
answer comes from DIR/plan when it exists: one line per request, in order,
a status code or "stall" (no answer for 60 s); the last line repeats.
Without a plan: 200. Python standard library only.
"""
import http.server
import json
import os
import sys
import threading
import time

DIR, PORTFILE = sys.argv[1], sys.argv[2]
os.makedirs(DIR, exist_ok=True)
lock = threading.Lock()
count = [0]


def next_answer():
    path = os.path.join(DIR, "plan")
    with lock:
        try:
            plan = [l.strip() for l in open(path) if l.strip()]
        except OSError:
            return "200"
        if len(plan) > 1:
            with open(path + ".tmp", "w") as f:
                f.write("\n".join(plan[1:]) + "\n")
            os.rename(path + ".tmp", path)
    return plan[0] if plan else "200"


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        with lock:
            n = count[0]
            count[0] += 1
        with open(os.path.join(DIR, "%03d.json" % (n + 1)), "w") as f:
            json.dump({"path": self.path, "headers": dict(self.headers),
                       "body": body.decode("utf-8", "replace")}, f)
        answer = next_answer()
        if answer == "stall":
            time.sleep(60)
            return
        code = int(answer)
        self.send_response(code)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
with open(PORTFILE + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(PORTFILE + ".tmp", PORTFILE)
server.serve_forever()
