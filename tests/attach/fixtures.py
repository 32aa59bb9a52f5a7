#!/usr/bin/env python3
"""fixtures - attachment test messages for tests/attach/run.

usage: python3 tests/attach/fixtures.py OUTDIR

Writes one .eml per fixture into OUTDIR: multipart/mixed, a text/plain body
"Zie bijlage." and one base64 attachment. Every attachment is built here
from the Python standard library alone, deterministically (the same bytes on
every run): PDF (own writer, Flate streams, RC4 encryption), OOXML and ODF
packages, zip (incl. ZipCrypto), gzip, JPEG and PNG, and the hostile ones
(bombs, loops, truncation, entity expansion, deep nesting).

All names are fictitious; every BSN passes the 11-test.
"""

import base64
import gzip
import hashlib
import io
import os
import struct
import sys
import zipfile
import zlib

# --------------------------------------------------------------- test data

BSN_1 = "123456782"  # Pieter Jansen
BSN_2 = "111222333"  # Françoise Dubois
BSN_3 = "203040508"  # Henk de Boer
BSN_4 = "318273603"  # Sanne Visser


def bsn_valid(s):
    d = [int(c) for c in s]
    return len(d) == 9 and (sum((9 - i) * d[i] for i in range(8)) - d[8]) % 11 == 0


for _b in (BSN_1, BSN_2, BSN_3, BSN_4):
    assert bsn_valid(_b), _b

DATE = (2024, 5, 1, 12, 0, 0)

# ------------------------------------------------------------------- mail


def eml(subject, filename, mime, data):
    """A multipart/mixed message with body "Zie bijlage." and one attachment."""
    boundary = "=_sluis_" + hashlib.md5(subject.encode()).hexdigest()[:16]
    b64 = base64.b64encode(data).decode("ascii")
    lines = [b64[i:i + 76] for i in range(0, len(b64), 76)]
    head = (
        'From: "Anja Bakker" <a.bakker@zorggroep.example>\n'
        "To: poli@ziekenhuis.example\n"
        "Subject: %s\n"
        "Date: Wed, 01 May 2024 12:00:00 +0200\n"
        "Message-ID: <%s@zorggroep.example>\n"
        "MIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="%s"\n'
        "\n"
        "--%s\n"
        "Content-Type: text/plain; charset=utf-8\n"
        "Content-Transfer-Encoding: 7bit\n"
        "\n"
        "Zie bijlage.\n"
        "--%s\n"
        'Content-Type: %s; name="%s"\n'
        'Content-Disposition: attachment; filename="%s"\n'
        "Content-Transfer-Encoding: base64\n"
        "\n" % (subject, hashlib.md5(subject.encode()).hexdigest(), boundary, boundary,
                boundary, mime, filename, filename))
    return (head + "\n".join(lines) + "\n--%s--\n" % boundary).encode("ascii")


# -------------------------------------------------------------------- PDF

PDF_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def rc4(key, data):
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) & 255
        s[i], s[j] = s[j], s[i]
    i = j = 0
    out = bytearray(len(data))
    for n, b in enumerate(data):
        i = (i + 1) & 255
        j = (j + s[i]) & 255
        s[i], s[j] = s[j], s[i]
        out[n] = b ^ s[(s[i] + s[j]) & 255]
    return bytes(out)


def pdf_string(text, codes=None):
    """A PDF literal string; codes maps non-ASCII characters to byte codes."""
    out = bytearray(b"(")
    for ch in text:
        if codes and ch in codes:
            out += b"\\%03o" % codes[ch]
        elif ch in "()\\":
            out += b"\\" + ch.encode("ascii")
        else:
            out += ch.encode("ascii")  # anything else is a bug in the fixture
    return bytes(out + b")")


class Pdf:
    """A PDF 1.4 file: numbered objects, an xref table, a trailer."""

    def __init__(self):
        self.objs = []
        self.key = None  # RC4 file key when encrypted
        self.trailer_extra = b""

    def reserve(self):
        self.objs.append(None)
        return len(self.objs)

    def set(self, num, body):
        self.objs[num - 1] = body

    def add(self, body):
        num = self.reserve()
        self.set(num, body)
        return num

    def obj_key(self, num):
        k = hashlib.md5(self.key + struct.pack("<I", num)[:3] + b"\0\0").digest()
        return k[:min(len(self.key) + 5, 16)]

    def add_stream(self, data, extra=b"", num=None):
        """A FlateDecode stream object (encrypted if the file is)."""
        if num is None:
            num = self.reserve()
        z = zlib.compress(data, 9)
        if self.key is not None:
            z = rc4(self.obj_key(num), z)
        self.set(num, b"<< /Length %d /Filter /FlateDecode%s >>\nstream\n" % (len(z), extra) + z +
                 b"\nendstream")
        return num

    def add_raw_stream(self, z, extra=b""):
        """A stream object whose Flate data is given already compressed."""
        return self.add(b"<< /Length %d /Filter /FlateDecode%s >>\nstream\n" % (len(z), extra) +
                        z + b"\nendstream")

    def encrypt_string(self, num, text):
        """An encrypted string, written as hex, for object num."""
        return b"<" + rc4(self.obj_key(num), text).hex().upper().encode() + b">"

    def bytes(self, root):
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for n, body in enumerate(self.objs, 1):
            assert body is not None, "object %d never set" % n
            offsets.append(len(out))
            out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(self.objs) + 1)
        for off in offsets:
            out += b"%010d 00000 n \n" % off
        out += b"trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
            len(self.objs) + 1, root, self.trailer_extra, xref)
        return bytes(out)


def text_content(lines, x=72, y=750, font=b"/F1", size=12, codes=None):
    """A content stream drawing lines of text, one under the other."""
    ops = [b"BT", b"%s %d Tf" % (font, size), b"%d TL" % (size + 6), b"%d %d Td" % (x, y)]
    for i, line in enumerate(lines):
        if i:
            ops.append(b"T*")
        ops.append(pdf_string(line, codes) + b" Tj")
    ops.append(b"ET")
    return b"\n".join(ops) + b"\n"


HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def pdf_pages(page_contents, font=HELVETICA, pdf=None):
    """A PDF with one page per content stream (bytes), sharing font /F1."""
    pdf = pdf or Pdf()
    catalog = pdf.reserve()
    pages = pdf.reserve()
    font_num = pdf.add(font)
    kids = []
    for content in page_contents:
        page = pdf.reserve()
        c = pdf.add_stream(content)
        pdf.set(page, b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
                b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (pages, font_num, c))
        kids.append(page)
    pdf.set(catalog, b"<< /Type /Catalog /Pages %d 0 R >>" % pages)
    pdf.set(pages, b"<< /Type /Pages /Kids [%s] /Count %d >>" %
            (b" ".join(b"%d 0 R" % k for k in kids), len(kids)))
    return pdf.bytes(catalog)


ACCENT_CODES = {"é": 0o200, "ë": 0o201, "ü": 0o202, "ç": 0o203}


def pdf_accents():
    """Type1 font with /Differences: byte codes 128.. are eacute edieresis
    udieresis ccedilla; the text needs them to come out right."""
    font = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding "
            b"<< /Type /Encoding /Differences [128 /eacute /edieresis /udieresis /ccedilla] >> >>")
    content = text_content([
        "Patiënt: Françoise Dubois",
        "BSN %s" % BSN_2,
        "Koffie in het café na het consult",
        "Brief van dr. Müller über de behandeling",
    ], codes=ACCENT_CODES)
    return pdf_pages([content], font=font)


PAGE_TEXTS = [
    ["Pagina een: verwijzing van Henk de Boer", "naar de polikliniek longziekten"],
    ["Pagina twee: anamnese kortademig bij inspanning", "BSN %s" % BSN_3],
    ["Pagina drie: beleid prednison afbouwen", "controle over zes weken"],
]


def pdf_three_pages():
    return pdf_pages([text_content(t) for t in PAGE_TEXTS])


def pdf_kerning():
    """Text drawn with TJ arrays: small kerning inside words and numbers."""
    content = (b"BT\n/F1 12 Tf\n72 750 Td\n"
               b"[(Ver) -20 (wij) 15 (zing) -10 ( cardiologie)] TJ\n"
               b"0 -20 Td\n"
               b"[(Diag) 30 (nose:) -30 ( hart) -12 (falen)] TJ\n"
               b"0 -20 Td\n"
               b"[(BSN ) 5 (12) -8 (345) 12 (6782)] TJ\n"
               b"0 -20 Td\n"
               b"[(Sanne) -15 ( Vis) 10 (ser)] TJ\n"
               b"ET\n")
    return pdf_pages([content])


def pdf_encrypted(user=b"geheim", owner=b"eigenaar"):
    """Standard security handler, V1 R2, RC4 40-bit, non-empty user password."""
    pad = lambda pw: (pw + PDF_PAD)[:32]
    p = -4
    file_id = hashlib.md5(b"sluis beveiligd.pdf").digest()
    o = rc4(hashlib.md5(pad(owner)).digest()[:5], pad(user))             # algorithm 3.3
    key = hashlib.md5(pad(user) + o + struct.pack("<i", p) + file_id).digest()[:5]  # 3.2
    u = rc4(key, PDF_PAD)                                                 # algorithm 3.4
    pdf = Pdf()
    pdf.key = key
    catalog = pdf.reserve()
    pages = pdf.reserve()
    font_num = pdf.add(HELVETICA)
    page = pdf.reserve()
    c = pdf.add_stream(text_content(["Vertrouwelijk: Pieter Jansen", "BSN %s" % BSN_1]))
    pdf.set(page, b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (pages, font_num, c))
    pdf.set(catalog, b"<< /Type /Catalog /Pages %d 0 R >>" % pages)
    pdf.set(pages, b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % page)
    info = pdf.reserve()
    pdf.set(info, b"<< /Title %s >>" % pdf.encrypt_string(info, b"Medisch dossier"))
    enc = pdf.add(b"<< /Filter /Standard /V 1 /R 2 /Length 40 /O <%s> /U <%s> /P %d >>" %
                  (o.hex().upper().encode(), u.hex().upper().encode(), p))
    fid = file_id.hex().upper().encode()
    pdf.trailer_extra = b" /Info %d 0 R /Encrypt %d 0 R /ID [<%s> <%s>]" % (info, enc, fid, fid)
    return pdf.bytes(catalog)


def pdf_loop():
    """Pages node 2 lists itself among its /Kids; the page's /Parent chain
    runs 3 -> 4 -> 6 -> 4 -> ... and nothing on it has /Resources."""
    pdf = Pdf()
    for _ in range(6):
        pdf.reserve()
    pdf.set(1, b"<< /Type /Catalog /Pages 2 0 R >>")
    pdf.set(2, b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1 /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 7 0 R >> >> >>")
    pdf.set(3, b"<< /Type /Page /Parent 4 0 R /Contents 5 0 R >>")
    pdf.set(4, b"<< /Type /Pages /Parent 6 0 R /Kids [3 0 R] /Count 1 >>")
    pdf.add_stream(text_content(["Lus in de paginaboom"]), num=5)
    pdf.set(6, b"<< /Type /Pages /Parent 4 0 R /Kids [4 0 R] /Count 1 >>")
    pdf.add(HELVETICA)  # 7
    return pdf.bytes(1)


BIG_PDF_SPACES = 320 << 20  # inflated size of the content stream: >= 300 MiB


def pdf_big_stream():
    """One page whose content stream inflates to more than 320 MiB."""
    c = zlib.compressobj(9)
    parts = [c.compress(text_content(["Groot document"]))]
    chunk = b" " * (1 << 20)
    for _ in range(BIG_PDF_SPACES >> 20):
        parts.append(c.compress(chunk))
    parts.append(c.flush())
    z = b"".join(parts)
    pdf = Pdf()
    catalog = pdf.reserve()
    pages = pdf.reserve()
    font_num = pdf.add(HELVETICA)
    cnum = pdf.add_raw_stream(z)
    page = pdf.add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
                   b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" %
                   (pages, font_num, cnum))
    pdf.set(catalog, b"<< /Type /Catalog /Pages %d 0 R >>" % pages)
    pdf.set(pages, b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % page)
    return pdf.bytes(catalog)


def pdf_single(lines):
    return pdf_pages([text_content(lines)])


# -------------------------------------------------------------------- zip


def zinfo(name, method=zipfile.ZIP_DEFLATED):
    zi = zipfile.ZipInfo(name, date_time=DATE)
    zi.compress_type = method
    zi.external_attr = 0o644 << 16
    zi.create_system = 3
    return zi


def zip_bytes(members):
    """members: list of (name, bytes) or (name, bytes, method)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for m in members:
            name, data = m[0], m[1]
            method = m[2] if len(m) > 2 else zipfile.ZIP_DEFLATED
            zf.writestr(zinfo(name, method), data)
    return buf.getvalue()


def zip_bomb(size=1 << 30):
    """One member zeros.bin of size bytes of zeros, deflated (~1 MB)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zi = zinfo("zeros.bin")
        zi.file_size = size
        with zf.open(zi, "w") as w:
            chunk = b"\0" * (1 << 20)
            for _ in range(size >> 20):
                w.write(chunk)
    return buf.getvalue()


def zip_many(n=100000):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", allowZip64=True) as zf:
        for i in range(n):
            zf.writestr(zinfo("leeg%06d.txt" % i, zipfile.ZIP_STORED), b"")
    return buf.getvalue()


def zip_deep(levels=20):
    """levels zips, each inside the next; the innermost holds bodem.txt."""
    data = zip_bytes([("bodem.txt", b"Diepste laag: Sanne Visser BSN %s\n" % BSN_4.encode())])
    for i in range(1, levels - 1):
        data = zip_bytes([("laag%02d.zip" % i, data)])
    return zip_bytes([("laag%02d.zip" % (levels - 1), data)])


# ZipCrypto (traditional PKWARE encryption, APPNOTE 6.1)
CRC_TABLE = []
for _n in range(256):
    _c = _n
    for _ in range(8):
        _c = (_c >> 1) ^ 0xEDB88320 if _c & 1 else _c >> 1
    CRC_TABLE.append(_c)


class ZipCrypto:
    def __init__(self, password):
        self.k = [0x12345678, 0x23456789, 0x34567890]
        for b in password:
            self.update(b)

    def update(self, b):
        k = self.k
        k[0] = CRC_TABLE[(k[0] ^ b) & 0xFF] ^ (k[0] >> 8)
        k[1] = ((k[1] + (k[0] & 0xFF)) * 134775813 + 1) & 0xFFFFFFFF
        k[2] = CRC_TABLE[(k[2] ^ (k[1] >> 24)) & 0xFF] ^ (k[2] >> 8)

    def encrypt(self, data):
        out = bytearray(len(data))
        for i, p in enumerate(data):
            t = (self.k[2] | 2) & 0xFFFF
            out[i] = p ^ (((t * (t ^ 1)) >> 8) & 0xFF)
            self.update(p)
        return bytes(out)


def zip_raw(entries):
    """A zip written by hand: entries of (name, data, password or None);
    members deflated, and ZipCrypto-encrypted where a password is given."""
    dos_time = (DATE[3] << 11) | (DATE[4] << 5) | (DATE[5] // 2)
    dos_date = ((DATE[0] - 1980) << 9) | (DATE[1] << 5) | DATE[2]
    out = bytearray()
    central = bytearray()
    for name, data, password in entries:
        nm = name.encode()
        crc = zlib.crc32(data)
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        comp = c.compress(data) + c.flush()
        flags = 0
        if password is not None:
            flags = 1
            head = hashlib.sha256(b"zipcrypto " + nm).digest()[:11] + bytes([crc >> 24])
            comp = ZipCrypto(password).encrypt(head + comp)
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, 8, dos_time, dos_date, crc,
                           len(comp), len(data), len(nm), 0) + nm + comp
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, (3 << 8) | 20, 20, flags, 8,
                               dos_time, dos_date, crc, len(comp), len(data), len(nm), 0, 0, 0,
                               0, 0o644 << 16, offset) + nm
    cd_offset = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central),
                       cd_offset, 0)
    return bytes(out)


ZIP_PASSWORD = b"wachtwoord"
ZIP_SECRET = b"Geheim: Pieter Jansen BSN %s diagnose schizofrenie\n" % BSN_1.encode()


def zip_encrypted():
    return zip_raw([
        ("open.txt", b"Dit bestand is niet versleuteld: afspraak dinsdag.\n", None),
        ("geheim.txt", ZIP_SECRET, ZIP_PASSWORD),
    ])


# ------------------------------------------------------------------ OOXML

NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
NS_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
NS_S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CT_OX = "application/vnd.openxmlformats-officedocument."
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def x(s):
    return (XML_DECL + s).encode("utf-8")


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def content_types(overrides):
    o = "".join('<Override PartName="%s" ContentType="%s"/>' % (p, t) for p, t in overrides)
    return x('<Types xmlns="%s"><Default Extension="rels" ContentType="application/'
             'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
             'ContentType="application/xml"/>%s</Types>' % (NS_CT, o))


def rels(items):
    """items: (id, type suffix, target)."""
    r = "".join('<Relationship Id="%s" Type="%s%s" Target="%s"/>' % (i, REL, t, tg)
                for i, t, tg in items)
    return x('<Relationships xmlns="%s">%s</Relationships>' % (NS_PKG_REL, r))


def w_p(*runs):
    """A paragraph; each run is text, or (text, bold)."""
    out = []
    for r in runs:
        text, bold = (r, False) if isinstance(r, str) else r
        out.append('<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' %
                   ("<w:rPr><w:b/></w:rPr>" if bold else "", esc(text)))
    return "<w:p>%s</w:p>" % "".join(out)


DOCX_HEADER = "Zorggroep De Linde - vertrouwelijk"
DOCX_FOOTER = "Voettekst: afdeling wijkverpleging Utrecht"
DOCX_COMMENT = "Graag medicatielijst toevoegen"
DOCX_NOTE = "Bron: ontslagbrief van 3 maart"


def docx_verwijzing():
    """Body paragraphs (runs split inside words), a table, a header, a footer,
    a comment and a footnote."""
    body = (
        w_p("Verwijsbrief cardiologie") +
        w_p("Betreft: dhr. ", ("Pieter Jansen", True)) +
        '<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>Pati</w:t></w:r><w:r><w:rPr><w:i/>'
        '</w:rPr><w:t xml:space="preserve">ënt is bekend met hartfalen.</w:t></w:r>'
        '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>'
        '<w:p><w:r><w:t xml:space="preserve">Zie de voetnoot.</w:t></w:r>'
        '<w:r><w:footnoteReference w:id="1"/></w:r></w:p>'
        '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>'
        '<w:gridCol w:w="3000"/><w:gridCol w:w="4000"/></w:tblGrid>' +
        "".join("<w:tr><w:tc>%s</w:tc><w:tc>%s</w:tc></w:tr>" % (w_p(a), w_p(b)) for a, b in [
            ("BSN", BSN_1), ("Geboortedatum", "12-03-1945"), ("Huisarts", "dr. M. de Vries")]) +
        "</w:tbl>" +
        w_p("Met vriendelijke groet, Anja Bakker") +
        '<w:sectPr><w:headerReference w:type="default" r:id="rIdH"/>'
        '<w:footerReference w:type="default" r:id="rIdF"/>'
        '<w:pgSz w:w="11906" w:h="16838"/></w:sectPr>')
    doc = x('<w:document xmlns:w="%s" xmlns:r="%s"><w:body>%s</w:body></w:document>' %
            (NS_W, NS_R, body))
    hdr = x('<w:hdr xmlns:w="%s" xmlns:r="%s">%s</w:hdr>' % (NS_W, NS_R, w_p(DOCX_HEADER)))
    ftr = x('<w:ftr xmlns:w="%s" xmlns:r="%s">%s</w:ftr>' % (NS_W, NS_R, w_p(DOCX_FOOTER)))
    com = x('<w:comments xmlns:w="%s"><w:comment w:id="0" w:author="A. Bakker" '
            'w:date="2024-05-01T12:00:00Z" w:initials="AB">%s</w:comment></w:comments>' %
            (NS_W, w_p(DOCX_COMMENT)))
    notes = x('<w:footnotes xmlns:w="%s">'
              '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
              '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
              '<w:continuationSeparator/></w:r></w:p></w:footnote>'
              '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>'
              '<w:r><w:t xml:space="preserve"> %s</w:t></w:r></w:p></w:footnote></w:footnotes>' %
              (NS_W, DOCX_NOTE))
    wml = CT_OX + "wordprocessingml."
    return zip_bytes([
        ("[Content_Types].xml", content_types([
            ("/word/document.xml", wml + "document.main+xml"),
            ("/word/header1.xml", wml + "header+xml"),
            ("/word/footer1.xml", wml + "footer+xml"),
            ("/word/comments.xml", wml + "comments+xml"),
            ("/word/footnotes.xml", wml + "footnotes+xml")])),
        ("_rels/.rels", rels([("rId1", "officeDocument", "word/document.xml")])),
        ("word/document.xml", doc),
        ("word/_rels/document.xml.rels", rels([
            ("rIdH", "header", "header1.xml"), ("rIdF", "footer", "footer1.xml"),
            ("rIdC", "comments", "comments.xml"), ("rIdN", "footnotes", "footnotes.xml")])),
        ("word/header1.xml", hdr),
        ("word/footer1.xml", ftr),
        ("word/comments.xml", com),
        ("word/footnotes.xml", notes),
    ])


def docx_simple(paragraphs):
    doc = x('<w:document xmlns:w="%s" xmlns:r="%s"><w:body>%s<w:sectPr/></w:body></w:document>'
            % (NS_W, NS_R, "".join(w_p(p) for p in paragraphs)))
    return zip_bytes([
        ("[Content_Types].xml", content_types([
            ("/word/document.xml", CT_OX + "wordprocessingml.document.main+xml")])),
        ("_rels/.rels", rels([("rId1", "officeDocument", "word/document.xml")])),
        ("word/document.xml", doc),
    ])


def docx_truncated():
    """A docx cut in the middle of its (large) word/document.xml."""
    words = []
    h = b"kapot"
    vocab = ["zorg", "plan", "cliënt", "wond", "verband", "dosis", "avond", "ochtend", "pijn",
             "score", "bezoek", "familie", "arts", "overleg", "medicatie", "controle"]
    for _ in range(6000):
        h = hashlib.sha256(h).digest()
        words.append(vocab[h[0] % len(vocab)] + str(h[1]))
    paras = ["Begin van het verslag over Henk de Boer"] + [
        " ".join(words[i:i + 12]) for i in range(0, len(words), 12)]
    data = docx_simple(paras)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        zi = zf.getinfo("word/document.xml")
    start = zi.header_offset + 30 + len(zi.filename)
    return data[:start + zi.compress_size // 2]


def xlsx(sheets, shared, shared_xml=None):
    """sheets: list of (name, target file, sheet xml); written with the
    relationship ids in reverse so rId order differs from sheet order."""
    n = len(sheets)
    wb = x('<workbook xmlns="%s" xmlns:r="%s"><sheets>%s</sheets></workbook>' % (
        NS_S, NS_R, "".join('<sheet name="%s" sheetId="%d" r:id="rId%d"/>' %
                            (esc(nm), i + 1, n - i) for i, (nm, _, _) in enumerate(sheets))))
    wbrels = rels([("rId%d" % (n - i), "worksheet", "worksheets/" + tg)
                   for i, (_, tg, _) in enumerate(sheets)] +
                  [("rId%d" % (n + 1), "sharedStrings", "sharedStrings.xml")])
    if shared_xml is None:
        si = []
        for s in shared:
            if isinstance(s, tuple):  # rich text: runs
                si.append("<si>%s</si>" % "".join(
                    '<r>%s<t xml:space="preserve">%s</t></r>' % ("<rPr><b/></rPr>" if k else "",
                                                                  esc(t))
                    for k, t in enumerate(s)))
            else:
                si.append("<si><t>%s</t></si>" % esc(s))
        shared_xml = x('<sst xmlns="%s" count="%d" uniqueCount="%d">%s</sst>' %
                       (NS_S, len(shared), len(shared), "".join(si)))
    sml = CT_OX + "spreadsheetml."
    members = [
        ("[Content_Types].xml", content_types(
            [("/xl/workbook.xml", sml + "sheet.main+xml"),
             ("/xl/sharedStrings.xml", sml + "sharedStrings+xml")] +
            [("/xl/worksheets/" + tg, sml + "worksheet+xml") for _, tg, _ in sheets])),
        ("_rels/.rels", rels([("rId1", "officeDocument", "xl/workbook.xml")])),
        ("xl/workbook.xml", wb),
        ("xl/_rels/workbook.xml.rels", wbrels),
        ("xl/sharedStrings.xml", shared_xml),
    ]
    members += [("xl/worksheets/" + tg, data) for _, tg, data in sorted(sheets, key=lambda s: s[1])]
    return zip_bytes(members)


def sheet_xml(rows):
    """rows of cells: ('s', index) shared, ('i', text) inline, ('n', number)."""
    out = []
    for r, row in enumerate(rows, 1):
        cells = []
        for c, (kind, v) in enumerate(row):
            ref = "%s%d" % ("ABCDEFGH"[c], r)
            if kind == "s":
                cells.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, v))
            elif kind == "i":
                cells.append('<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, esc(v)))
            else:
                cells.append('<c r="%s"><v>%s</v></c>' % (ref, v))
        out.append('<row r="%d">%s</row>' % (r, "".join(cells)))
    return x('<worksheet xmlns="%s"><sheetData>%s</sheetData></worksheet>' % (NS_S, "".join(out)))


XLSX_SHARED = ["Naam", "BSN", "Diagnose", "Temperatuur", ("Pieter ", "Jansen"), "diabetes type 2",
               "Overzicht", "Aantal cliënten"]
XLSX_CLIENTS_ROWS = [
    "Naam | BSN | Diagnose | Temperatuur",
    "Pieter Jansen | %s | hartfalen | 38.5" % BSN_1,
    "Françoise Dubois | %s | diabetes type 2 | 37" % BSN_2,
]
XLSX_BLAD1_ROWS = ["Overzicht | mei 2024", "Aantal cliënten | 2"]


def xlsx_clients():
    """Sheets Blad1 and Cliënten; Blad1 is in sheet2.xml and Cliënten in
    sheet1.xml, so only workbook.xml and its rels tell which is which."""
    clients = sheet_xml([
        [("s", 0), ("s", 1), ("s", 2), ("s", 3)],
        [("s", 4), ("n", BSN_1), ("i", "hartfalen"), ("n", "38.5")],
        [("i", "Françoise Dubois"), ("n", BSN_2), ("s", 5), ("n", "37")],
    ])
    blad1 = sheet_xml([[("s", 6), ("i", "mei 2024")], [("s", 7), ("n", "2")]])
    return xlsx([("Blad1", "sheet2.xml", blad1), ("Cliënten", "sheet1.xml", clients)], XLSX_SHARED)


def xlsx_laughs():
    """sharedStrings.xml is a billion-laughs document (lol1..lol9)."""
    ents = ['<!ENTITY lol "lol">']
    prev = "lol"
    for i in range(1, 10):
        ents.append('<!ENTITY lol%d "%s">' % (i, ("&%s;" % prev) * 10))
        prev = "lol%d" % i
    sst = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE sst [\n%s\n]>\n'
           '<sst xmlns="%s" count="2" uniqueCount="2"><si><t>&lol9;</t></si>'
           '<si><t>Naam</t></si></sst>' % ("\n".join(ents), NS_S)).encode()
    sheet = sheet_xml([[("s", 1), ("s", 0)], [("i", "Henk de Boer"), ("n", BSN_3)]])
    return xlsx([("Blad1", "sheet1.xml", sheet)], None, shared_xml=sst)


PPTX_SLIDES = [
    ["Casusbespreking team Noord", "Cliënt: Sanne Visser"],
    ["Beleid: fysiotherapie twee keer per week", "BSN %s" % BSN_4],
]


def pptx_overdracht():
    def shape(i, text):
        return ('<p:sp><p:nvSpPr><p:cNvPr id="%d" name="Tekst %d"/><p:cNvSpPr/><p:nvPr/>'
                '</p:nvSpPr><p:spPr><a:xfrm><a:off x="457200" y="%d"/><a:ext cx="8229600" '
                'cy="914400"/></a:xfrm></p:spPr><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r>'
                '<a:rPr lang="nl-NL"/><a:t>%s</a:t></a:r></a:p></p:txBody></p:sp>' %
                (i + 2, i + 1, 457200 + i * 1143000, esc(text)))

    def slide(texts):
        return x('<p:sld xmlns:a="%s" xmlns:r="%s" xmlns:p="%s"><p:cSld><p:spTree><p:nvGrpSpPr>'
                 '<p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>%s'
                 '</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>' %
                 (NS_A, NS_R, NS_P, "".join(shape(i, t) for i, t in enumerate(texts))))

    master = x('<p:sldMaster xmlns:a="%s" xmlns:r="%s" xmlns:p="%s"><p:cSld><p:spTree>'
               '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
               '<p:grpSpPr/></p:spTree></p:cSld><p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" '
               'tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" '
               'accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" '
               'folHlink="folHlink"/><p:sldLayoutIdLst><p:sldLayoutId id="2147483649" '
               'r:id="rId1"/></p:sldLayoutIdLst></p:sldMaster>' % (NS_A, NS_R, NS_P))
    layout = x('<p:sldLayout xmlns:a="%s" xmlns:r="%s" xmlns:p="%s" type="blank"><p:cSld>'
               '<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/>'
               '</p:nvGrpSpPr><p:grpSpPr/></p:spTree></p:cSld><p:clrMapOvr>'
               '<a:masterClrMapping/></p:clrMapOvr></p:sldLayout>' % (NS_A, NS_R, NS_P))
    pres = x('<p:presentation xmlns:a="%s" xmlns:r="%s" xmlns:p="%s"><p:sldMasterIdLst>'
             '<p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst><p:sldIdLst>'
             '<p:sldId id="256" r:id="rId2"/><p:sldId id="257" r:id="rId3"/></p:sldIdLst>'
             '<p:sldSz cx="9144000" cy="6858000"/><p:notesSz cx="6858000" cy="9144000"/>'
             '</p:presentation>' % (NS_A, NS_R, NS_P))
    pml = CT_OX + "presentationml."
    return zip_bytes([
        ("[Content_Types].xml", content_types([
            ("/ppt/presentation.xml", pml + "presentation.main+xml"),
            ("/ppt/slideMasters/slideMaster1.xml", pml + "slideMaster+xml"),
            ("/ppt/slideLayouts/slideLayout1.xml", pml + "slideLayout+xml"),
            ("/ppt/slides/slide1.xml", pml + "slide+xml"),
            ("/ppt/slides/slide2.xml", pml + "slide+xml")])),
        ("_rels/.rels", rels([("rId1", "officeDocument", "ppt/presentation.xml")])),
        ("ppt/presentation.xml", pres),
        ("ppt/_rels/presentation.xml.rels", rels([
            ("rId1", "slideMaster", "slideMasters/slideMaster1.xml"),
            ("rId2", "slide", "slides/slide1.xml"), ("rId3", "slide", "slides/slide2.xml")])),
        ("ppt/slideMasters/slideMaster1.xml", master),
        ("ppt/slideMasters/_rels/slideMaster1.xml.rels", rels([
            ("rId1", "slideLayout", "../slideLayouts/slideLayout1.xml")])),
        ("ppt/slideLayouts/slideLayout1.xml", layout),
        ("ppt/slideLayouts/_rels/slideLayout1.xml.rels", rels([
            ("rId1", "slideMaster", "../slideMasters/slideMaster1.xml")])),
        ("ppt/slides/slide1.xml", slide(PPTX_SLIDES[0])),
        ("ppt/slides/_rels/slide1.xml.rels", rels([
            ("rId1", "slideLayout", "../slideLayouts/slideLayout1.xml")])),
        ("ppt/slides/slide2.xml", slide(PPTX_SLIDES[1])),
        ("ppt/slides/_rels/slide2.xml.rels", rels([
            ("rId1", "slideLayout", "../slideLayouts/slideLayout1.xml")])),
    ])


# -------------------------------------------------------------------- ODF

ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
          'office:version="1.2"')


def odf(mimetype, body):
    content = x('<office:document-content %s><office:body>%s</office:body>'
                '</office:document-content>' % (ODF_NS, body))
    manifest = x('<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
                 'manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/"'
                 ' manifest:media-type="%s"/><manifest:file-entry manifest:full-path="content.xml"'
                 ' manifest:media-type="text/xml"/></manifest:manifest>' % mimetype)
    return zip_bytes([
        ("mimetype", mimetype.encode(), zipfile.ZIP_STORED),
        ("content.xml", content),
        ("META-INF/manifest.xml", manifest),
    ])


def odt_overdracht():
    cells = [("BSN", BSN_3), ("Diagnose", "COPD GOLD III"), ("Contactpersoon", "Anja Bakker")]
    rows = "".join(
        '<table:table-row><table:table-cell office:value-type="string"><text:p>%s</text:p>'
        '</table:table-cell><table:table-cell office:value-type="string"><text:p>%s</text:p>'
        '</table:table-cell></table:table-row>' % (a, esc(b)) for a, b in cells)
    body = ('<office:text><text:h text:outline-level="1">Overdracht wijkverpleging</text:h>'
            '<text:p>Cliënt <text:span>Henk</text:span> de Boer<text:s/>gebruikt zuurstof.</text:p>'
            '<table:table table:name="Tabel1"><table:table-column table:number-columns-repeated="2"/>'
            '%s</table:table><text:p>Einde overdracht.</text:p></office:text>' % rows)
    return odf("application/vnd.oasis.opendocument.text", body)


ODS_OVERZICHT_ROWS = ["Afdeling | Noord", "Aantal | 2"]
ODS_CLIENTS_ROWS = ["Naam | BSN | Diagnose", "Sanne Visser | %s | astma" % BSN_4,
                    "Henk de Boer | %s | COPD" % BSN_3]


def ods_clients():
    """Two sheets; numbers whose display text (Dutch format "318.273.603")
    differs from the value; trailing repeated empty cells and rows as real
    spreadsheets have them."""
    def cell(v):
        if isinstance(v, int):
            shown = "{:,}".format(v).replace(",", ".")
            return ('<table:table-cell office:value-type="float" office:value="%d">'
                    '<text:p>%s</text:p></table:table-cell>' % (v, shown))
        return ('<table:table-cell office:value-type="string"><text:p>%s</text:p>'
                '</table:table-cell>' % esc(v))

    def table(name, rows):
        r = "".join('<table:table-row>%s<table:table-cell table:number-columns-repeated="1021"/>'
                    '</table:table-row>' % "".join(cell(v) for v in row) for row in rows)
        return ('<table:table table:name="%s"><table:table-column '
                'table:number-columns-repeated="1024"/>%s<table:table-row '
                'table:number-rows-repeated="1048573"><table:table-cell '
                'table:number-columns-repeated="1024"/></table:table-row></table:table>' %
                (esc(name), r))

    body = "<office:spreadsheet>%s%s</office:spreadsheet>" % (
        table("Overzicht", [["Afdeling", "Noord"], ["Aantal", 2]]),
        table("Cliënten", [["Naam", "BSN", "Diagnose"], ["Sanne Visser", int(BSN_4), "astma"],
                           ["Henk de Boer", int(BSN_3), "COPD"]]))
    return odf("application/vnd.oasis.opendocument.spreadsheet", body)


# ------------------------------------------------------------- other types


def rtf_overdracht():
    """cp1252 escapes, \\u with a fallback character, skipped destinations."""
    return (rb"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\froman Times New Roman;}}"
            rb"{\*\generator Kladblok 1.0;}"
            b"\n" rb"\pard\f0\fs24 Cli\'ebnt: Fran\'e7oise Dubois\par" b"\n"
            rb"BSN " + BSN_2.encode() + rb"\par" b"\n"
            rb"Afspraak in het caf\u233\'e9 om 10 uur\par" b"\n}")


def csv_gz():
    """A CSV of 1.9 MB in gzip (about 9:1, so a ratio limit of 2 applies
    even where ratios are only checked above 1 MiB)."""
    rows = ["naam;bsn;diagnose"] + ["Pieter Jansen;%s;COPD" % BSN_1] + [
        "Cliënt %05d;onbekend;geen" % i for i in range(70000)]
    data = ("\n".join(rows) + "\n").encode("utf-8")
    buf = io.BytesIO()
    with gzip.GzipFile(filename="lijst.csv", mode="wb", fileobj=buf, mtime=0) as g:
        g.write(data)
    return buf.getvalue()


def jpeg():
    """An 8x8 grey baseline JPEG with one-code Huffman tables."""
    def seg(marker, payload):
        return b"\xff" + bytes([marker]) + struct.pack(">H", len(payload) + 2) + payload
    counts = bytes([1] + [0] * 15)
    return (b"\xff\xd8" +
            seg(0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0") +
            seg(0xDB, b"\0" + b"\x01" * 64) +
            seg(0xC0, b"\x08\0\x08\0\x08\x01\x01\x11\0") +
            seg(0xC4, b"\x00" + counts + b"\x00") +
            seg(0xC4, b"\x10" + counts + b"\x00") +
            seg(0xDA, b"\x01\x01\x00\x00\x3f\x00") +
            b"\x3f" + b"\xff\xd9")


def png():
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data))
    raw = b"".join(b"\0" + bytes([(x * 40 + y * 20) & 255 for x in range(16)]) for y in range(16))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 0, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def unknown_binary():
    return b"\x7fSLB" + hashlib.sha256(b"onbekend").digest() * 64


# ---------------------------------------------------------------- fixtures

PDF = "application/pdf"
DOCX = CT_OX + "wordprocessingml.document"
XLSX = CT_OX + "spreadsheetml.sheet"
PPTX = CT_OX + "presentationml.presentation"
ZIP = "application/zip"

# (eml name, attachment file name, MIME type, builder)
FIXTURES = [
    ("pdf-accenten", "accenten.pdf", PDF, pdf_accents),
    ("pdf-drie-paginas", "drie-paginas.pdf", PDF, pdf_three_pages),
    ("pdf-kerning", "kerning.pdf", PDF, pdf_kerning),
    ("pdf-beveiligd", "beveiligd.pdf", PDF, pdf_encrypted),
    ("docx-verwijzing", "verwijzing.docx", DOCX, docx_verwijzing),
    ("xlsx-clienten", "clienten.xlsx", XLSX, xlsx_clients),
    ("pptx-overdracht", "overdracht.pptx", PPTX, pptx_overdracht),
    ("odt-overdracht", "overdracht.odt", "application/vnd.oasis.opendocument.text", odt_overdracht),
    ("ods-clienten", "clienten.ods", "application/vnd.oasis.opendocument.spreadsheet",
     ods_clients),
    ("rtf-overdracht", "overdracht.rtf", "application/rtf", rtf_overdracht),
    ("zip-stukken", "stukken.zip", ZIP, lambda: zip_bytes([
        ("brief.pdf", pdf_single(["Ontslagbrief Sanne Visser", "BSN %s" % BSN_4]),
         zipfile.ZIP_STORED),
        ("verslag.docx", docx_simple(["Verslag huisbezoek Henk de Boer", "BSN %s" % BSN_3]))])),
    ("zip-genest", "buiten.zip", ZIP, lambda: zip_bytes([("midden.zip", zip_bytes([
        ("binnen.zip", zip_bytes([
            ("notitie.docx", docx_simple(["Notitie diep verstopt: Pieter Jansen"]))]))]))])),
    ("gz-lijst", "lijst.csv.gz", "application/gzip", csv_gz),
    ("zip-versleuteld", "versleuteld.zip", ZIP, zip_encrypted),
    # hostile
    ("bom-zip", "bomb.zip", ZIP, zip_bomb),
    ("bom-pdf", "groot.pdf", PDF, pdf_big_stream),
    ("lus-pdf", "lus.pdf", PDF, pdf_loop),
    ("kapot-docx", "kapot.docx", DOCX, docx_truncated),
    ("lachen-xlsx", "lachen.xlsx", XLSX, xlsx_laughs),
    ("veel-zip", "veel.zip", ZIP, zip_many),
    ("diep-zip", "diep.zip", ZIP, zip_deep),
    ("foto-jpg", "foto.jpg", "image/jpeg", jpeg),
    ("scan-png", "scan.png", "image/png", png),
    ("onbekend-bin", "onbekend.bin", "application/octet-stream", unknown_binary),
]


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: fixtures.py OUTDIR\n")
        return 2
    out = argv[1]
    os.makedirs(out, exist_ok=True)
    for name, filename, mime, build in FIXTURES:
        data = build()
        with open(os.path.join(out, name + ".eml"), "wb") as f:
            f.write(eml("Bijlage %s" % filename, filename, mime, data))
        if os.environ.get("FIXTURES_RAW"):  # the bare attachments too, for checking by hand
            with open(os.path.join(out, filename), "wb") as f:
                f.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
