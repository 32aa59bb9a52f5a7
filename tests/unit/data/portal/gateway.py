#!/usr/bin/env python3
"""gateway - a fake SMS gateway for tests/unit/test_view.

usage: gateway.py DIR PORTFILE

Listens on 127.0.0.1 on a free port (written to PORTFILE once listening).
Each POST is kept as DIR/NNN.body (its bytes) and DIR/NNN.json
({"path", "authorization", "content_type"}; null for a header not sent). The answer is 200
unless DIR/status holds another code, or "stall" (no answer for 30 s).
Python standard library only.
"""
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

out, portfile = sys.argv[1], sys.argv[2]
lock = threading.Lock()
count = [0]


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        n = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(n)
        with lock:
            count[0] += 1
            base = os.path.join(out, "%03d" % count[0])
            with open(base + ".body", "wb") as w:
                w.write(body)
            with open(base + ".json.tmp", "w") as w:
                json.dump({"path": self.path,
                           "authorization": self.headers.get("Authorization"),
                           "content_type": self.headers.get("Content-Type")}, w)
            os.rename(base + ".json.tmp", base + ".json")
        try:
            status = open(os.path.join(out, "status")).read().strip()
        except OSError:
            status = "200"
        if status == "stall":
            time.sleep(30)
            return
        self.send_response(int(status))
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


os.makedirs(out, exist_ok=True)
srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
srv.daemon_threads = True
with open(portfile + ".tmp", "w") as w:
    w.write(str(srv.server_address[1]))
os.rename(portfile + ".tmp", portfile)
srv.serve_forever()
