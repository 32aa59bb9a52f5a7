#!/usr/bin/env python3
"""smtp - a scripted SMTP client for the end-to-end tests.

usage: smtp.py PORT SCRIPT

SCRIPT is a list of steps, one per argument-group, separated by ';':
  send FROM TO[,TO...] FILE   one message (MAIL, RCPT, DATA) on the connection
  send FROM TO FILE MARK WAIT  the same, but after RCPT create MARK and wait
                              for WAIT before DATA (something happens meanwhile)
  pause FILE                  wait until FILE exists (another process acts)
  signal PATH                 create PATH (tell the other process to act)
Prints one line per message: "CODE TEXT". One connection for the whole
script, so messages share an SMTP session (and a milter connection).
"""
import os
import smtplib
import sys
import time


def wait_for(path):
    for _ in range(600):
        if os.path.exists(path):
            return
        time.sleep(0.05)


def main():
    port = int(sys.argv[1])
    steps = [s.split() for s in " ".join(sys.argv[2:]).split(";") if s.strip()]
    s = smtplib.SMTP("127.0.0.1", port, timeout=60)
    s.ehlo("client.test")
    for step in steps:
        if step[0] == "send":
            frm, to, path = step[1], step[2].split(","), step[3]
            with open(path, "rb") as f:
                data = f.read()
            try:
                code, msg = s.mail(frm)
                if code >= 400:
                    raise smtplib.SMTPResponseException(code, msg)
                for t in to:
                    code, msg = s.rcpt(t)
                    if code >= 400:
                        raise smtplib.SMTPResponseException(code, msg)
                if len(step) == 6:
                    open(step[4], "w").close()
                    wait_for(step[5])
                code, msg = s.data(data)
            except smtplib.SMTPResponseException as e:
                code, msg = e.smtp_code, e.smtp_error
                try:
                    s.rset()
                except smtplib.SMTPException:
                    pass
            except smtplib.SMTPServerDisconnected:
                code, msg = 421, b"disconnected"
            print(code, msg.decode("utf-8", "replace").replace("\n", " "), flush=True)
        elif step[0] == "pause":
            wait_for(step[1])
        elif step[0] == "signal":
            open(step[1], "w").close()
    try:
        s.quit()
    except smtplib.SMTPException:
        pass


if __name__ == "__main__":
    main()
