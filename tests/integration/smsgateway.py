#!/usr/bin/env python3
"""smsgateway - a stand-in for an SMS gateway's HTTP API, for tests.

usage: smsgateway.py DIR PORTFILE TOKENFILE

The one fake of the end-to-end tests: there is no telephone network here.
It speaks what sluis-portal's sms_url expects of a gateway: a POST of JSON
{"to": "+31...", "text": "..."} with "Authorization: Bearer TOKEN", where
TOKEN is the content of TOKENFILE (whitespace around it ignored); any 2xx
answer means sent.

Listens on 127.0.0.1 on a free port (written to PORTFILE once listening).
Each text it accepts goes to DIR/NNN.json: {"to", "text", "path", "at"}
(written under a temporary name and renamed, so a reader never sees half a
file). What it refuses it does not record as sent, but counts in
DIR/refused.log, one line per request with the reason (never the text):
  401 no or wrong bearer token
  415 not application/json
  400 not a JSON object with the strings "to" (E.164: + and 8 to 15
      digits) and "text" (1 to 1600 characters)
  405 another method than POST
A file DIR/plan makes it answer with the status code it holds (one line,
e.g. "503") instead of accepting, for tests of a gateway that is down.
Python standard library only.
"""
import http.server
import json
import os
import re
import sys
import threading
import time

E164 = re.compile(r"^\+[1-9][0-9]{7,14}$")


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    out, portfile, tokenfile = sys.argv[1:]
    os.makedirs(out, exist_ok=True)
    with open(tokenfile) as f:
        token = f.read().strip()
    if not token:
        sys.exit("smsgateway: the token file is empty")
    lock = threading.Lock()
    # numbering goes on after what the folder already holds
    count = [max([int(f[:-5]) for f in os.listdir(out) if re.match(r"^[0-9]+\.json$", f)] + [0])]

    def refuse(handler, code, why):
        with lock:
            with open(os.path.join(out, "refused.log"), "a") as f:
                f.write("%d %s %s\n" % (code, handler.path, why))
        body = json.dumps({"error": why}).encode()
        handler.send_response(code)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_GET(self):
            refuse(self, 405, "only POST")

        do_PUT = do_DELETE = do_GET

        def do_POST(self):
            length = int(self.headers.get("Content-Length", "0") or "0")
            raw = self.rfile.read(length) if length > 0 else b""
            if self.headers.get("Authorization", "") != "Bearer " + token:
                return refuse(self, 401, "no or wrong bearer token")
            ctype = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
            if ctype != "application/json":
                return refuse(self, 415, "not application/json")
            try:
                msg = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, ValueError):
                return refuse(self, 400, "not JSON")
            if (not isinstance(msg, dict) or not isinstance(msg.get("to"), str) or
                    not isinstance(msg.get("text"), str)):
                return refuse(self, 400, "no strings to and text")
            if not E164.match(msg["to"]):
                return refuse(self, 400, "to is not an E.164 number")
            if not 1 <= len(msg["text"]) <= 1600:
                return refuse(self, 400, "text empty or too long")
            try:
                planned = open(os.path.join(out, "plan")).read().strip()
            except OSError:
                planned = ""
            if planned:
                return refuse(self, int(planned), "planned answer")
            with lock:
                count[0] += 1
                base = os.path.join(out, "%03d" % count[0])
                with open(base + ".tmp", "w") as f:
                    json.dump({"to": msg["to"], "text": msg["text"], "path": self.path,
                               "at": time.time()}, f)
                os.rename(base + ".tmp", base + ".json")
                n = count[0]
            body = json.dumps({"id": "sms-%d" % n, "status": "queued"}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    with open(portfile + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    os.rename(portfile + ".tmp", portfile)
    server.serve_forever()


if __name__ == "__main__":
    main()
