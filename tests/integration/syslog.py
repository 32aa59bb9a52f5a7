#!/usr/bin/env python3
"""syslog - a stand-in for rsyslog's /dev/log, for tests that run programs
that log to syslog (Postfix, sluis-milter) where no syslog daemon runs.

usage: syslog.py SOCKET LOGFILE

Listens on the unix datagram socket SOCKET (mode 0666, as rsyslog makes
/dev/log) and appends each message to LOGFILE as one line, its priority
taken off: "Dec  6 02:30:00 postfix/smtpd[12]: connect from ...". The file is flushed after
every line, so a test can wait for a line to appear. Python standard
library only.
"""
import os
import re
import socket
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    path, logfile = sys.argv[1], sys.argv[2]
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    s.bind(path)
    os.chmod(path, 0o666)
    # "<22>" before "Dec  6 02:30:00 " (RFC 3164 as glibc's syslog(3) sends it)
    head = re.compile(rb"^<\d+>")
    with open(logfile, "ab", buffering=0) as out:
        while True:
            msg = s.recv(65536)
            msg = head.sub(b"", msg, count=1).rstrip(b"\n\0")
            out.write(msg.replace(b"\n", b" ") + b"\n")


if __name__ == "__main__":
    main()
