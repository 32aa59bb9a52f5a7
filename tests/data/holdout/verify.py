#!/usr/bin/env python3
"""Check that every hold-out message parses with Python's email package.

Parses each .eml with policy.default, checks the required headers, walks
every part and decodes it (get_content()), and validates the national
identifiers written in the sensitive messages (BSN 11-test, Belgian
national register / BIS check digits).  Prints counts; exit 1 on a problem.
"""
import email, email.policy, os, re, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
REQUIRED = ['From', 'To', 'Subject', 'Date', 'Message-ID', 'MIME-Version',
            'Content-Type']


def bsn_ok(s):
    d = [int(c) for c in s]
    return sum(w * x for w, x in zip([9, 8, 7, 6, 5, 4, 3, 2, -1], d)) % 11 == 0


def be_ok(s):
    d = re.sub(r'\D', '', s)
    if len(d) != 11:
        return False
    base, cc = int(d[:9]), int(d[9:])
    return 97 - base % 97 == cc or 97 - int('2' + d[:9]) % 97 == cc


def main():
    problems = []
    stats = Counter()
    for label in ('sensitive', 'clean'):
        for fn in sorted(os.listdir(os.path.join(HERE, label))):
            if not fn.endswith('.eml'):
                continue
            path = os.path.join(HERE, label, fn)
            raw = open(path, 'rb').read()
            stats[label] += 1
            if b'\r\n' in raw:
                stats['crlf'] += 1
            msg = email.message_from_bytes(raw, policy=email.policy.default)
            for h in REQUIRED:
                if msg[h] is None:
                    problems.append('%s: missing %s' % (fn, h))
            if msg.defects:
                problems.append('%s: defects %s' % (fn, msg.defects))
            if '=?' in raw.split(b'\n\n', 1)[0].decode('ascii', 'replace').split('Subject:', 1)[-1].split('\n')[0]:
                stats['rfc2047-subject'] += 1
            str(msg['Subject']); str(msg['From']); str(msg['To'])
            stats[msg.get_content_type()] += 1
            texts = [str(msg['Subject'])]
            for part in msg.walk():
                if part.is_multipart():
                    continue
                ct = part.get_content_type()
                c = part.get_content()
                if part.defects:
                    problems.append('%s: part defects %s' % (fn, part.defects))
                if isinstance(c, str):
                    texts.append(c)
                    cs = part.get_content_charset()
                    stats['charset:' + str(cs)] += 1
                    cte = part.get('Content-Transfer-Encoding', '7bit').lower()
                    stats['cte:' + cte] += 1
                elif ct == 'message/rfc822':
                    for sub in c.walk():
                        if not sub.is_multipart():
                            texts.append(sub.get_content())
                if part.get_filename():
                    stats['attach:' + part.get_filename().rsplit('.', 1)[-1]] += 1
            if label == 'sensitive':
                t = '\n'.join(texts)
                for m in re.finditer(r'(?i)(BSN|burgerservicenummer|service number)[^0-9]{0,40}(\d{9})\b', t):
                    if not bsn_ok(m.group(2)):
                        problems.append('%s: BSN %s fails 11-test' % (fn, m.group(2)))
                for m in re.finditer(r'\b\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}\b|(?<=INSZ )\d{11}\b|(?<=NISS : )\d{11}\b', t):
                    if not be_ok(m.group(0)):
                        problems.append('%s: Belgian number %s fails check' % (fn, m.group(0)))
    for k in sorted(stats):
        print('%-28s %d' % (k, stats[k]))
    for p in problems:
        print('PROBLEM', p)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
