#!/usr/bin/env python3
"""Package the hand-written hold-out messages in src/*.txt into .eml files.

Only the MIME packaging is scripted here; every message text in src/ was
written by hand, one by one.  Run:  python3 build.py
(rewrites sensitive/, clean/ and MANIFEST.tsv; output is deterministic).

Spec format (one block per message):

    @@@ sensitive/some-name          <- label/name (label: sensitive|clean)
    From: Name <addr>                <- header lines, passed through
    To: ...                             (non-ASCII is RFC 2047 encoded)
    Subject: ...
    %charset: iso-8859-1             <- build options: charset, cte
    %cte: quoted-printable              (7bit|8bit|quoted-printable|base64),
    %crlf: 1                            crlf, alt (add an HTML alternative),
    %date: 2024-04-22 07:02             date, subjenc (q|b), borderline (note
    %borderline: why the label          for MANIFEST.tsv)
                                     <- blank line ends the headers
    body text ...                    <- text/plain body (or an @body section)
    @html                            <- text/html body (alone: HTML-only;
    ...                                 with a body: multipart/alternative)
    @attach name.csv text/csv [cte=base64] [charset=windows-1252]
    ...                              <- text attachment, or message/rfc822
"""
import base64, binascii, email.charset, email.header, email.utils, hashlib
import os, random, re, shutil, sys

HERE = os.path.dirname(os.path.abspath(__file__))


def parse_specs(text, fname):
    blocks = re.split(r'^@@@ ', text, flags=re.M)
    out = []
    for b in blocks[1:]:
        lines = b.split('\n')
        name = lines[0].strip()
        i = 1
        headers, opts = [], {}
        while i < len(lines) and not lines[i].startswith('@'):
            ln = lines[i]
            i += 1
            if not ln.strip():
                break               # blank line ends the header block
            if ln.startswith('%'):
                k, v = ln[1:].split(':', 1)
                opts[k.strip().lower()] = v.strip()
            elif ln[0] in ' \t' and headers:
                headers[-1] = (headers[-1][0], headers[-1][1] + ' ' + ln.strip())
            else:
                k, v = ln.split(':', 1)
                headers.append((k.strip(), v.strip()))
        sections = []
        cur = None
        for ln in lines[i:]:
            if ln.startswith('@body') or ln.startswith('@html') or ln.startswith('@attach'):
                cur = [ln, []]
                sections.append(cur)
            elif cur is None:
                if not ln.strip() and not sections:
                    continue
                cur = ['@body', [ln]]     # implicit body after the headers
                sections.append(cur)
            else:
                cur[1].append(ln)
        body = html = None
        atts = []
        for head, ls in sections:
            content = '\n'.join(ls).strip('\n') + '\n'
            if head.startswith('@body'):
                body = content
            elif head.startswith('@html'):
                html = content
            else:
                parts = head.split()
                a = {'filename': parts[1], 'ctype': parts[2], 'content': content}
                for p in parts[3:]:
                    k, v = p.split('=', 1)
                    a[k] = v
                atts.append(a)
        out.append(dict(name=name, headers=headers, opts=opts, body=body,
                        html=html, atts=atts, src=fname))
    return out


def enc_header_text(s, charset, subjenc):
    if all(ord(c) < 128 for c in s):
        return s
    try:
        s.encode(charset)
    except UnicodeEncodeError:
        charset = 'utf-8'
    cs = email.charset.Charset(charset)
    cs.header_encoding = email.charset.BASE64 if subjenc == 'b' else email.charset.QP
    return email.header.Header(s, cs, maxlinelen=76).encode(linesep='\n')


def enc_addrs(v, charset):
    res = []
    for name, addr in email.utils.getaddresses([v]):
        if name and not all(ord(c) < 128 for c in name):
            try:
                name.encode(charset)
            except UnicodeEncodeError:
                charset = 'utf-8'
            res.append(email.utils.formataddr((name, addr), charset=charset))
        else:
            res.append(email.utils.formataddr((name, addr)))
    return ', '.join(res)


def leaf(ctype, text, charset, cte, extra=None):
    """One text part as bytes, body encoded in its own charset."""
    data = text.encode(charset)
    ascii_only = all(b < 128 for b in data)
    if cte == 'auto':
        cte = '7bit' if ascii_only else '8bit'
    if cte == '7bit' and not ascii_only:
        cte = 'quoted-printable'
    if cte == 'base64':
        payload = base64.encodebytes(data)
    elif cte == 'quoted-printable':
        payload = binascii.b2a_qp(data, istext=True)
        if not payload.endswith(b'\n'):
            payload += b'=\n'
    else:
        payload = data
    hdr = ['Content-Type: %s; charset="%s"' % (ctype, charset)
           if 'charset' not in ctype else 'Content-Type: %s' % ctype]
    hdr.append('Content-Transfer-Encoding: %s' % cte)
    if extra:
        hdr += extra
    return ('\n'.join(hdr) + '\n\n').encode('ascii') + payload


def boundary(seed, n):
    h = hashlib.sha1(('%s/%d' % (seed, n)).encode()).hexdigest()
    return '----=_Part_%s' % h[:24]


def multipart(subtype, parts, bnd):
    s = ('Content-Type: multipart/%s;\n boundary="%s"\n\n' % (subtype, bnd)).encode()
    s += b'This is a multi-part message in MIME format.\n'
    for p in parts:
        s += ('\n--%s\n' % bnd).encode() + p
        if not p.endswith(b'\n'):
            s += b'\n'
    s += ('\n--%s--\n' % bnd).encode()
    return s


def html_from_text(t):
    import html as H
    paras = [p for p in t.strip().split('\n\n')]
    body = ''.join('<p>%s</p>\n' % H.escape(p).replace('\n', '<br>\n') for p in paras)
    return ('<html><head><meta http-equiv="Content-Type" content="text/html; '
            'charset=utf-8"></head>\n<body style="font-family:Calibri,Arial,'
            'sans-serif;font-size:11pt">\n%s</body></html>\n' % body)


def build(spec, rnd):
    o = spec['opts']
    charset = o.get('charset', 'utf-8')
    cte = o.get('cte', 'auto')
    subjenc = o.get('subjenc', 'q' if charset != 'utf-8' else rnd.choice('qb'))
    seed = spec['name']
    hdrs = []
    have = {k.lower() for k, _ in spec['headers']}
    for k, v in spec['headers']:
        if k.lower() in ('from', 'to', 'cc', 'reply-to'):
            v = enc_addrs(v, charset if charset != 'us-ascii' else 'utf-8')
        elif k.lower() == 'subject':
            v = enc_header_text(v, charset if charset != 'us-ascii' else 'utf-8', subjenc)
        hdrs.append('%s: %s' % (k, v))
    if 'date' not in have:
        import datetime
        if 'date' in o:                       # %date: 2024-04-24 09:12
            d = datetime.datetime.strptime(o['date'], '%Y-%m-%d %H:%M')
            d = d.replace(second=rnd.randint(0, 59))
        else:
            while True:
                d = datetime.datetime(2024, 2, 1, 7, 0) + datetime.timedelta(
                    days=rnd.randint(0, 150), minutes=rnd.randint(0, 11 * 60),
                    seconds=rnd.randint(0, 59))
                if d.weekday() < 5:
                    break
        tz = '+0100' if d < datetime.datetime(2024, 3, 31, 2) else '+0200'
        days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
        months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug',
                  'Sep', 'Oct', 'Nov', 'Dec']
        hdrs.append('Date: %s, %02d %s %d %s %s' % (
            days[d.weekday()], d.day, months[d.month - 1], d.year,
            d.strftime('%H:%M:%S'), tz))
    if 'message-id' not in have:
        frm = dict((k.lower(), v) for k, v in spec['headers'])['from']
        dom = email.utils.parseaddr(frm)[1].split('@')[-1]
        hdrs.append('Message-ID: <%s@%s>' % (hashlib.sha1(seed.encode()).hexdigest()[:20], dom))
    hdrs.append('MIME-Version: 1.0')

    parts_text = None
    body, html = spec['body'], spec['html']
    textcte = cte
    if body is not None and html is not None:
        pt = leaf('text/plain', body, charset, textcte)
        ph = leaf('text/html', html, charset, textcte)
        main = multipart('alternative', [pt, ph], boundary(seed, 1))
    elif html is not None:
        main = leaf('text/html', html, charset, textcte)
    elif o.get('alt'):
        pt = leaf('text/plain', body, charset, textcte)
        h = html_from_text(body).replace('charset=utf-8', 'charset=' + charset)
        ph = leaf('text/html', h, charset, textcte)
        main = multipart('alternative', [pt, ph], boundary(seed, 1))
    else:
        main = leaf('text/plain', body, charset, textcte)
    if spec['atts']:
        parts = [main]
        for a in spec['atts']:
            disp = ['Content-Disposition: attachment; filename="%s"' % a['filename']]
            if a['ctype'] == 'message/rfc822':
                raw = a['content']
                parts.append(('Content-Type: message/rfc822\n'
                             + 'Content-Disposition: attachment; filename="%s"\n\n' % a['filename']
                             ).encode() + raw.encode('utf-8'))
                continue
            ct = a['ctype']
            if ct == 'text/calendar':
                ct = 'text/calendar; method=REQUEST; charset="%s"' % a.get('charset', charset)
                ct_name = ct + '; name="%s"' % a['filename']
                p = leaf(ct_name, a['content'], a.get('charset', charset), a.get('cte', 'auto'), disp)
            else:
                acs = a.get('charset', charset)
                ct_full = '%s; charset="%s"; name="%s"' % (ct, acs, a['filename'])
                p = leaf(ct_full, a['content'], acs, a.get('cte', 'auto'), disp)
            parts.append(p)
        main = multipart('mixed', parts, boundary(seed, 2))
    for h in hdrs:
        assert all(ord(c) < 128 for c in h), h
    data = ('\n'.join(hdrs) + '\n').encode('ascii') + main
    if o.get('crlf'):
        data = data.replace(b'\r\n', b'\n').replace(b'\n', b'\r\n')
    return data


def features(data):
    """Technical features of a built message, for MANIFEST.tsv."""
    import email, email.policy
    msg = email.message_from_bytes(data, policy=email.policy.default)
    cs, ctes, atts = [], [], []
    for part in msg.walk():
        if part.is_multipart():
            continue
        c = part.get_content_charset()
        if c and c not in cs:
            cs.append(c)
        e = part.get('Content-Transfer-Encoding', '7bit').lower()
        if e not in ctes:
            ctes.append(e)
        if part.get_filename():
            atts.append(part.get_filename())
    if msg.get_content_type() == 'multipart/mixed':
        for part in msg.iter_parts():
            if part.get_content_type() == 'message/rfc822':
                atts.append(part.get_filename() or 'message/rfc822')
    raw_subj = data.split(b'\nSubject: ', 1)[1].split(b'\n', 1)[0]
    return [msg.get_content_type(), ','.join(cs), ','.join(ctes),
            'CRLF' if b'\r\n' in data else 'LF', ','.join(atts) or '-',
            'rfc2047' if b'=?' in raw_subj else 'ascii']


def main():
    specs = []
    for fn in sorted(os.listdir(os.path.join(HERE, 'src'))):
        if fn.endswith('.txt'):
            with open(os.path.join(HERE, 'src', fn), encoding='utf-8') as f:
                specs += parse_specs(f.read(), fn)
    names = [s['name'] for s in specs]
    dup = {n for n in names if names.count(n) > 1}
    if dup:
        sys.exit('duplicate names: %s' % sorted(dup))
    for lab in ('sensitive', 'clean'):
        d = os.path.join(HERE, lab)
        if os.path.isdir(d):
            shutil.rmtree(d)
        os.makedirs(d)
    rows = []
    for s in specs:
        lab, nm = s['name'].split('/', 1)
        assert lab in ('sensitive', 'clean'), s['name']
        rnd = random.Random(s['name'])
        data = build(s, rnd)
        with open(os.path.join(HERE, lab, nm + '.eml'), 'wb') as f:
            f.write(data)
        rows.append([lab + '/' + nm + '.eml', lab, nm.split('-')[0]]
                    + features(data) + [s['opts'].get('borderline', '')])
    rows.sort()
    with open(os.path.join(HERE, 'MANIFEST.tsv'), 'w', encoding='utf-8') as f:
        f.write('file\tlabel\tlang\tstructure\tcharsets\tencodings\t'
                'line_endings\tattachments\tsubject\tborderline_note\n')
        for r in rows:
            f.write('\t'.join(r) + '\n')
    print('%d messages written' % len(specs))


if __name__ == '__main__':
    main()
