"""Small hand-rolled MIME writer, so that the corpus can exercise exactly the
encodings, charsets, boundaries and line endings we want (the email package
would normalise some of them away)."""

import base64
import html
import quopri
import re
import textwrap
from html.entities import codepoint2name


def can_encode(s, charset):
    try:
        s.encode(charset)
        return True
    except UnicodeEncodeError:
        return False


def enc_words(s, charset="utf-8", mode="B"):
    """RFC 2047 encoded-words for a header value, folded with '\n '."""
    if all(ord(c) < 128 for c in s):
        return s
    if not can_encode(s, charset):
        charset = "utf-8"
    words = []
    prefix = "=?%s?%s?" % (charset.upper() if charset != "utf-8" else "UTF-8", mode)
    room = 75 - len(prefix) - 2
    chunk = ""

    def encode(t):
        b = t.encode(charset)
        if mode == "B":
            return base64.b64encode(b).decode()
        out = []
        for byte in b:
            c = chr(byte)
            if c == " ":
                out.append("_")
            elif c.isalnum() and byte < 128:
                out.append(c)
            elif c in "!*+-/" and byte < 128:
                out.append(c)
            else:
                out.append("=%02X" % byte)
        return "".join(out)

    for ch in s:
        if len(encode(chunk + ch)) > room:
            words.append(prefix + encode(chunk) + "?=")
            chunk = ch
        else:
            chunk += ch
    if chunk:
        words.append(prefix + encode(chunk) + "?=")
    return "\n ".join(words)


def enc_subject(s, charset, mode, partial=False):
    """Encode a Subject; with partial=True only the non-ASCII words are
    encoded (as many mailers do), keeping ASCII words readable."""
    if all(ord(c) < 128 for c in s):
        return s
    if not partial:
        return enc_words(s, charset, mode)
    # encode runs of words containing non-ASCII characters
    toks = s.split(" ")
    out = []
    run = []
    for t in toks + [None]:
        if t is not None and any(ord(c) > 127 for c in t):
            run.append(t)
            continue
        if run:
            out.append(enc_words(" ".join(run), charset, mode))
            run = []
        if t is not None:
            out.append(t)
    # adjacent encoded-word and text are separated by a space which is kept
    return " ".join(out)


def fmt_addr(name, addr, charset="utf-8", mode="Q"):
    if not name:
        return addr
    if any(ord(c) > 127 for c in name):
        return "%s <%s>" % (enc_words(name, charset, mode), addr)
    if re.search(r'[(),.:;<>@\[\]"\\]', name):
        return '"%s" <%s>' % (name.replace('"', "'"), addr)
    return "%s <%s>" % (name, addr)


def fold(name, value):
    line = "%s: %s" % (name, value)
    if len(line) <= 78 or "\n" in value:
        return line
    out = []
    cur = ""
    for tok in re.split(r"(?<=[ ,])", line):
        if cur and len(cur) + len(tok) > 76:
            out.append(cur.rstrip(" "))
            cur = " " + tok.lstrip(" ")
        else:
            cur += tok
    out.append(cur)
    return "\n".join(out)


def wrap_text(text, width=72):
    out = []
    for line in text.split("\n"):
        if len(line) <= width or line.startswith(">") or line.startswith("|") or "\t" in line or re.match(r"^\s*[-=_]{5,}", line):
            out.append(line)
            continue
        indent = re.match(r"^(\s*(?:[-*•]\s+|\d+[.)]\s+)?)", line).group(1)
        sub = " " * len(indent) if indent.strip() else indent
        out.extend(textwrap.wrap(line, width, initial_indent="", subsequent_indent=sub,
                                 break_long_words=False, break_on_hyphens=False) or [""])
    return "\n".join(out)


def flow_text(text, width=72):
    """RFC 3676 format=flowed: soft breaks end in a space; space-stuffing."""
    out = []
    for line in text.split("\n"):
        line = line.rstrip(" ")
        if line.startswith(">"):
            out.append(line)
            continue
        if line.startswith(" ") or line.startswith("From "):
            line = " " + line
        if len(line) <= width:
            out.append(line)
            continue
        words = line.split(" ")
        cur = ""
        pieces = []
        for w in words:
            if cur and len(cur) + len(w) + 1 > width:
                pieces.append(cur + " ")
                cur = w
            else:
                cur = cur + " " + w if cur else w
        pieces.append(cur)
        out.extend(pieces)
    return "\n".join(out)


class Part:
    def __init__(self, headers, body=None, parts=None, boundary=None):
        self.headers = headers  # list of (name, value)
        self.body = body        # bytes for leaf
        self.parts = parts      # list of Part for multipart
        self.boundary = boundary

    def render(self, top_headers=()):
        lines = [fold(n, v) for n, v in list(top_headers) + self.headers]
        head = "\n".join(lines).encode("ascii") + b"\n\n"
        if self.parts is None:
            body = self.body
            if not body.endswith(b"\n"):
                body += b"\n"
            return head + body
        chunks = [head]
        if self.preamble:
            chunks.append(self.preamble.encode("ascii") + b"\n")
        for p in self.parts:
            chunks.append(b"--" + self.boundary.encode() + b"\n")
            chunks.append(p.render())
            chunks.append(b"\n") if False else None
        chunks.append(b"--" + self.boundary.encode() + b"--\n")
        return b"".join(c for c in chunks if c)

    preamble = None


def encode_body(text, charset, cte):
    data = text.encode(charset)
    if cte == "quoted-printable":
        return quopri.encodestring(data)
    if cte == "base64":
        data = data.replace(b"\n", b"\r\n")
        return base64.encodebytes(data)
    return data


def pick_charset(text, charset):
    """The wanted charset if it can hold the text; ISO-8859-1 falls back to
    its superset windows-1252 (curly quotes, euro sign), then UTF-8."""
    chain = [charset]
    if charset.lower() == "iso-8859-1":
        chain.append("windows-1252")
    chain.append("utf-8")
    for cs in chain:
        if can_encode(text, cs):
            return cs
    return "utf-8"


def text_part(text, subtype="plain", charset="utf-8", cte=None, flowed=False, delsp=False,
              name=None, disposition=None, extra_ct=""):
    charset = pick_charset(text, charset)
    if flowed and subtype == "plain":
        text = flow_text(text)
    elif subtype == "plain" and cte not in ("quoted-printable", "base64"):
        text = wrap_text(text)
    if cte is None:
        cte = "7bit" if all(ord(c) < 128 for c in text) else "8bit"
    if cte == "7bit" and any(ord(c) > 127 for c in text):
        cte = "8bit"
    if cte in ("7bit", "8bit") and max((len(l) for l in text.split("\n")), default=0) > 900:
        cte = "quoted-printable"
    ct = "text/%s; charset=%s" % (subtype, charset if charset != "utf-8" else "utf-8")
    if charset != "utf-8":
        ct = "text/%s; charset=\"%s\"" % (subtype, charset)
    if flowed and subtype == "plain":
        ct += "; format=flowed"
        if delsp:
            ct += "; delsp=no"
    if name:
        ct += '; name="%s"' % name
    ct += extra_ct
    h = [("Content-Type", ct), ("Content-Transfer-Encoding", cte)]
    if disposition:
        h.append(("Content-Disposition", disposition))
    return Part(h, encode_body(text, charset, cte))


def binary_part(data, ctype, filename, disposition="attachment"):
    h = [("Content-Type", '%s; name="%s"' % (ctype, filename)),
         ("Content-Disposition", '%s; filename="%s"' % (disposition, filename)),
         ("Content-Transfer-Encoding", "base64")]
    return Part(h, base64.encodebytes(data))


def attachment(text, ctype, filename, charset="utf-8", cte="base64", bom=False, extra_ct=""):
    charset = pick_charset(text, charset)
    data = text.encode(charset)
    if bom and charset == "utf-8":
        data = b"\xef\xbb\xbf" + data
    if cte == "base64":
        body = base64.encodebytes(data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    elif cte == "quoted-printable":
        body = quopri.encodestring(data)
    else:
        body = data
        if cte == "7bit" and any(b > 127 for b in data):
            cte = "8bit"
    ct = '%s; charset="%s"; name="%s"' % (ctype, charset, filename) + extra_ct
    h = [("Content-Type", ct),
         ("Content-Disposition", 'attachment; filename="%s"' % filename),
         ("Content-Transfer-Encoding", cte)]
    return Part(h, body)


def multipart(subtype, parts, boundary, preamble=None, extra=""):
    p = Part([("Content-Type", 'multipart/%s; boundary="%s"%s' % (subtype, boundary, extra))],
             parts=parts, boundary=boundary)
    if preamble:
        p.preamble = preamble
    return p


def rfc822_part(msg_bytes, filename=None):
    h = [("Content-Type", "message/rfc822" + ('; name="%s"' % filename if filename else ""))]
    if filename:
        h.append(("Content-Disposition", 'attachment; filename="%s"' % filename))
    if any(b > 127 for b in msg_bytes):
        h.append(("Content-Transfer-Encoding", "8bit"))
    else:
        h.append(("Content-Transfer-Encoding", "7bit"))
    return Part(h, msg_bytes)


# ---------------------------------------------------------------- HTML

def entity(ch, mode):
    cp = ord(ch)
    if cp < 128:
        return ch
    if mode == "named" and cp in codepoint2name:
        return "&%s;" % codepoint2name[cp]
    if mode in ("numeric", "named"):
        return "&#%d;" % cp
    if mode == "hex":
        return "&#x%x;" % cp
    return ch


def esc(s, ent="none"):
    s = html.escape(s, quote=False)
    if ent != "none":
        s = "".join(entity(c, ent) for c in s)
    return s


STYLES = {
    "outlook": ('<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">\n'
                '<head>\n<meta http-equiv="Content-Type" content="text/html; charset={cs}">\n'
                '<meta name="Generator" content="Microsoft Word 15 (filtered medium)">\n'
                '<style><!--\n/* Font Definitions */\n@font-face\n\t{{font-family:Calibri;\n\tpanose-1:2 15 5 2 2 2 4 3 2 4;}}\n'
                'p.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{{margin:0cm;\n\tfont-size:11.0pt;\n\tfont-family:"Calibri",sans-serif;}}\n'
                'a:link, span.MsoHyperlink\n\t{{color:#0563C1;\n\ttext-decoration:underline;}}\n'
                'span.E-mailStijl17\n\t{{mso-style-type:personal-compose;}}\n'
                '@page WordSection1\n\t{{size:612.0pt 792.0pt;\n\tmargin:70.85pt 70.85pt 70.85pt 70.85pt;}}\n'
                'div.WordSection1\n\t{{page:WordSection1;}}\n--></style>\n</head>\n'
                '<body lang="NL" link="#0563C1" vlink="#954F72" style="word-wrap:break-word">\n<div class="WordSection1">\n{body}\n</div>\n</body>\n</html>\n'),
    "gmail": '<div dir="ltr">{body}</div>\n',
    "apple": ('<html><head><meta http-equiv="content-type" content="text/html; charset={cs}"></head>'
              '<body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;">{body}</body></html>\n'),
    "plain": '<html>\n<head>\n<meta charset="{cs}">\n</head>\n<body>\n{body}\n</body>\n</html>\n',
}


def html_from_text(text, style="plain", ent="none", cs="utf-8"):
    blocks = re.split(r"\n\s*\n", text.strip("\n"))
    out = []
    for b in blocks:
        lines = b.split("\n")
        if all(l.startswith(">") for l in lines):
            inner = "<br>\n".join(esc(l.lstrip(">").lstrip(" "), ent) for l in lines)
            out.append('<blockquote style="margin:0 0 0 .8ex;border-left:1px #ccc solid;padding-left:1ex">%s</blockquote>' % inner)
            continue
        inner = "<br>\n".join(esc(l, ent) for l in lines)
        if style == "outlook":
            out.append('<p class="MsoNormal">%s<o:p></o:p></p>\n<p class="MsoNormal"><o:p>&nbsp;</o:p></p>' % inner)
        elif style == "gmail":
            out.append("<div>%s</div><div><br></div>" % inner)
        elif style == "apple":
            out.append("<div>%s</div><div><br></div>" % inner)
        else:
            out.append("<p>%s</p>" % inner)
    return STYLES[style].format(body="\n".join(out), cs=cs)
