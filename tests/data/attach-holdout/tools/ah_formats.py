"""Hand-written document writers (Python standard library only).

Text documents are a title plus a list of blocks:
    ("h1", str) ("h2", str) ("p", str) ("lines", [str]) ("kv", [(k, v)])
    ("table", [[cell, ...], ...])  first row is the header
    ("ul", [str]) ("pb",)          page-break hint
Workbooks are {"sheets": [(name, rows)]} with cells str, int, float,
datetime.date or None.

Writers: pdf, docx, odt, rtf, html (for the .doc conversion), xlsx, ods.
Each takes an `opts` dict of style switches so that files of one type are
not all built the same way.
"""

import datetime
import io
import zipfile
import zlib
from xml.sax.saxutils import escape as _xesc

FIXED_ZIP_TIME = (2024, 1, 1, 0, 0, 0)


def xesc(s):
    return _xesc(s, {'"': "&quot;"})


def zadd(zf, name, data, compress=True, when=FIXED_ZIP_TIME):
    zi = zipfile.ZipInfo(name, date_time=when)
    zi.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    zi.external_attr = 0o644 << 16
    if isinstance(data, str):
        data = data.encode("utf-8")
    zf.writestr(zi, data)


def cell_text(v):
    if v is None:
        return ""
    if isinstance(v, datetime.date):
        return "%02d-%02d-%04d" % (v.day, v.month, v.year)
    if isinstance(v, float):
        return ("%.2f" % v).rstrip("0").rstrip(".") if v != int(v) else "%d" % v
    return str(v)


# ==========================================================================
# PDF
# ==========================================================================

# Helvetica advance widths (1/1000 em) for WinAnsi 32..126, from the
# standard AFM metrics; other characters use an average.
_HELV = [278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333,
         278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278,
         584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278,
         500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944,
         667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556,
         278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500,
         278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584]


def text_width(s, size, bold=False):
    w = 0
    for ch in s:
        o = ord(ch)
        w += _HELV[o - 32] if 32 <= o <= 126 else 560
    return w * size / 1000.0 * (1.07 if bold else 1.0)


def wrap(s, width, size, bold=False):
    words = s.split(" ")
    out, cur = [], ""
    for w in words:
        trial = w if not cur else cur + " " + w
        if text_width(trial, size, bold) <= width or not cur:
            cur = trial
        else:
            out.append(cur)
            cur = w
    out.append(cur)
    # hard-split words longer than the width
    res = []
    for line in out:
        while text_width(line, size, bold) > width and len(line) > 1:
            k = len(line)
            while k > 1 and text_width(line[:k], size, bold) > width:
                k -= 1
            res.append(line[:k])
            line = line[k:]
        res.append(line)
    return res


_PDF_REPL = {"\u2192": "->", "\u2264": "<=", "\u2265": ">=", "\u2212": "-", "\u2009": " "}


def pdf_bytes(s):
    s = "".join(_PDF_REPL.get(ch, ch) for ch in s)
    return s.encode("cp1252", errors="replace")


def pdf_str(s, octal=False):
    b = pdf_bytes(s)
    out = bytearray(b"(")
    for x in b:
        if x in (0x28, 0x29, 0x5C):
            out += b"\\" + bytes([x])
        elif x >= 128 and octal:
            out += ("\\%03o" % x).encode()
        else:
            out.append(x)
    out += b")"
    return bytes(out)


def pdf_layout(doc, opts):
    """Turn blocks into physical lines: list of pages, each a list of
    (y, [(x, font, size, text)])."""
    W, H = 595, 842
    left = opts.get("margin", 56)
    right = W - left
    top = H - opts.get("top", 60)
    bottom = opts.get("bottom", 64)
    base = opts.get("size", 10)
    lead = base * opts.get("leading", 1.35)
    usable = right - left
    lines = []  # (height, segs) or ("pb",)

    def add(segs, size):
        lines.append((size * 1.35 if size > base else lead, segs))

    def gap(h):
        lines.append((h, []))

    for blk in doc["blocks"]:
        kind = blk[0]
        if kind == "pb":
            lines.append(("pb",))
        elif kind in ("h1", "h2"):
            size = base + (5 if kind == "h1" else 2)
            gap(lead * 0.6)
            for ln in wrap(blk[1], usable, size, True):
                add([(left, "F2", size, ln)], size)
            gap(lead * 0.2)
        elif kind == "p":
            for ln in wrap(blk[1], usable, base):
                add([(left, "F1", base, ln)], base)
            gap(lead * 0.45)
        elif kind == "lines":
            for t in blk[1]:
                for ln in wrap(t, usable, base):
                    add([(left, "F1", base, ln)], base)
            gap(lead * 0.45)
        elif kind == "ul":
            for t in blk[1]:
                wl = wrap(t, usable - 16, base)
                for i, ln in enumerate(wl):
                    segs = [(left + 16, "F1", base, ln)]
                    if i == 0:
                        segs.insert(0, (left + 4, "F1", base, opts.get("bullet", "\u2022")))
                    add(segs, base)
            gap(lead * 0.45)
        elif kind == "kv":
            kw = max(text_width(k + ":", base, True) for k, _ in blk[1]) + 12
            kw = min(kw, usable * 0.45)
            for k, v in blk[1]:
                vl = wrap(v, usable - kw, base)
                kl = wrap(k + ":", kw - 6, base, True)
                for i in range(max(len(vl), len(kl))):
                    segs = []
                    if i < len(kl):
                        segs.append((left, "F2", base, kl[i]))
                    if i < len(vl) and vl[i]:
                        segs.append((left + kw, "F1", base, vl[i]))
                    add(segs, base)
            gap(lead * 0.45)
        elif kind == "table":
            rows = [[cell_text(x) for x in r] for r in blk[1]]
            ncol = max(len(r) for r in rows)
            rows = [r + [""] * (ncol - len(r)) for r in rows]
            size = base if ncol <= 4 else base - 1.5
            nat = [max(text_width(r[i], size, True) for r in rows) + 10 for i in range(ncol)]
            total = sum(nat)
            if total > usable:
                # shrink the widest columns first
                fair = usable / ncol
                small = sum(w for w in nat if w <= fair)
                nbig = sum(1 for w in nat if w > fair)
                share = (usable - small) / max(nbig, 1)
                widths = [w if w <= fair else share for w in nat]
            else:
                widths = nat
            xs = [left]
            for w in widths[:-1]:
                xs.append(xs[-1] + w)
            for ri, r in enumerate(rows):
                font = "F2" if ri == 0 else "F1"
                cells = [wrap(r[i], widths[i] - 8, size, ri == 0) if r[i] else [""] for i in range(ncol)]
                for li in range(max(len(cl) for cl in cells)):
                    segs = [(xs[i], font, size, cells[i][li]) for i in range(ncol) if li < len(cells[i]) and cells[i][li]]
                    lines.append((size * 1.35, segs))
            gap(lead * 0.6)
    pages, cur, y = [], [], top
    for item in lines:
        if item[0] == "pb":
            if opts.get("honour_pb", True) and cur:
                pages.append(cur)
                cur, y = [], top
            continue
        h, segs = item
        if y - h < bottom:
            pages.append(cur)
            cur, y = [], top
            if not segs:
                continue
        y -= h
        if segs:
            cur.append((round(y, 2), segs))
    if cur or not pages:
        pages.append(cur)
    return pages


def pdf_content(page, opts, rng):
    mode = opts.get("mode", "tm")
    octal = opts.get("octal", False)
    out = []
    fmt = lambda v: ("%.2f" % v).rstrip("0").rstrip(".")
    if mode == "td":
        out.append(b"BT")
        px, py = 0.0, 0.0
        curfont = None
        for y, segs in page:
            for x, font, size, text in segs:
                if (font, size) != curfont:
                    out.append(("/%s %s Tf" % (font, fmt(size))).encode())
                    curfont = (font, size)
                out.append(("%s %s Td" % (fmt(x - px), fmt(y - py))).encode())
                px, py = x, y
                out.append(pdf_str(text, octal) + b" Tj")
        out.append(b"ET")
    else:
        for y, segs in page:
            for x, font, size, text in segs:
                if mode == "tj":
                    parts = []
                    s = text
                    while s:
                        k = rng.randint(2, 9)
                        parts.append(pdf_str(s[:k], octal))
                        s = s[k:]
                        if s:
                            parts.append(str(rng.choice([-12, -8, -5, 6, 10, -20, 15])).encode())
                    op = b"[" + b" ".join(parts) + b"] TJ"
                else:
                    op = pdf_str(text, octal) + b" Tj"
                out.append(("BT /%s %s Tf 1 0 0 1 %s %s Tm " % (font, fmt(size), fmt(x), fmt(y))).encode() + op + b" ET")
    if opts.get("footer"):
        pass
    return b"\n".join(out) + b"\n"


def write_pdf(doc, opts, rng, when):
    pages = pdf_layout(doc, opts)
    n = len(pages)
    if opts.get("footer") and n > 1:
        for i, pg in enumerate(pages):
            pg.append((30, [(56, "F1", 8, opts["footer"] % (i + 1, n))]))
    objs = {}
    objs[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objs[3] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    objs[4] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
    kids = []
    num = 5
    for pg in pages:
        content = zlib.compress(pdf_content(pg, opts, rng), 9)
        pobj, cobj = num, num + 1
        num += 2
        kids.append(pobj)
        objs[pobj] = ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> /ProcSet [/PDF /Text] >> /Contents %d 0 R >>" % cobj).encode()
        objs[cobj] = ("<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content)).encode() + content + b"\nendstream"
    objs[2] = ("<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join("%d 0 R" % k for k in kids), n)).encode()
    info = num
    stamp = when.strftime("D:%Y%m%d%H%M%S") + "+01'00'"
    objs[info] = b"<< /Producer " + pdf_str(opts.get("producer", "pdfout 1.2")) + b" /CreationDate (" + stamp.encode() + b")" \
        + ((b" /Title " + pdf_str(doc["title"])) if opts.get("title_meta", True) else b"") + b" >>"
    buf = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for k in sorted(objs):
        offsets[k] = len(buf)
        buf += ("%d 0 obj\n" % k).encode() + objs[k] + b"\nendobj\n"
    xref = len(buf)
    size = max(objs) + 1
    buf += ("xref\n0 %d\n" % size).encode()
    buf += b"0000000000 65535 f \n"
    for k in range(1, size):
        buf += ("%010d 00000 n \n" % offsets[k]).encode()
    fid = "%032x" % rng.getrandbits(128)
    buf += ("trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n" % (size, info, fid, fid, xref)).encode()
    return bytes(buf)


# ==========================================================================
# DOCX
# ==========================================================================

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _core_xml(title, author, when):
    ts = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            '<dc:title>%s</dc:title><dc:creator>%s</dc:creator><cp:lastModifiedBy>%s</cp:lastModifiedBy><cp:revision>1</cp:revision>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created>'
            '<dcterms:modified xsi:type="dcterms:W3CDTF">%s</dcterms:modified></cp:coreProperties>'
            % (xesc(title), xesc(author), xesc(author), ts, ts))


def _app_xml(app):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>%s</Application></Properties>' % xesc(app))


_DOCX_STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="%s">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="nl-NL"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="200" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>
</w:styles>""" % W_NS


def _w_runs(text, rng, split, bold=False, size=None):
    """One or more <w:r> for text; with split, cut at random places (also
    inside words), as editors do after spell checks and revisions."""
    rpr = ""
    if bold or size:
        rpr = "<w:rPr>%s%s</w:rPr>" % ("<w:b/>" if bold else "", ('<w:sz w:val="%d"/>' % size) if size else "")
    pieces = [text]
    if split and len(text) > 6:
        cuts = sorted(rng.sample(range(1, len(text)), min(rng.randint(1, 3), len(text) - 1)))
        pieces, prev = [], 0
        for k in cuts:
            pieces.append(text[prev:k])
            prev = k
        pieces.append(text[prev:])
    return "".join('<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (rpr, xesc(p)) for p in pieces if p)


def _w_p(inner, style=None, extra_ppr=""):
    ppr = ""
    if style or extra_ppr:
        ppr = "<w:pPr>%s%s</w:pPr>" % (('<w:pStyle w:val="%s"/>' % style) if style else "", extra_ppr)
    return "<w:p>%s%s</w:p>" % (ppr, inner)


def _w_table(rows, rng, split, header_bold=True):
    ncol = max(len(r) for r in rows)
    width = 9000 // ncol
    out = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>']
    out += ['<w:gridCol w:w="%d"/>' % width] * ncol
    out.append("</w:tblGrid>")
    for ri, r in enumerate(rows):
        out.append("<w:tr>")
        for i in range(ncol):
            t = cell_text(r[i]) if i < len(r) else ""
            out.append('<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>%s</w:tc>'
                       % (width, _w_p(_w_runs(t, rng, split, bold=(ri == 0 and header_bold)) if t else "")))
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def write_docx(doc, opts, rng, when):
    split = opts.get("split_runs", False)
    direct = opts.get("direct_headings", False)   # bold+size runs instead of heading styles
    kv_table = opts.get("kv_table", False)
    lines_br = opts.get("lines_br", False)
    body = []
    for blk in doc["blocks"]:
        k = blk[0]
        if k in ("h1", "h2"):
            if direct:
                body.append(_w_p(_w_runs(blk[1], rng, split, bold=True, size=32 if k == "h1" else 26)))
            else:
                body.append(_w_p(_w_runs(blk[1], rng, split), "Heading1" if k == "h1" else "Heading2"))
        elif k == "p":
            body.append(_w_p(_w_runs(blk[1], rng, split)))
        elif k == "lines":
            if lines_br:
                inner = '<w:r><w:br/></w:r>'.join(_w_runs(t, rng, split) for t in blk[1])
                body.append(_w_p(inner))
            else:
                body.extend(_w_p(_w_runs(t, rng, split), extra_ppr='<w:spacing w:after="0"/>') for t in blk[1])
        elif k == "ul":
            for t in blk[1]:
                if opts.get("bullet_chars"):
                    body.append(_w_p(_w_runs("\u2022\u00a0" + t, rng, split)))
                else:
                    body.append(_w_p(_w_runs(t, rng, split), "ListBullet"))
        elif k == "kv":
            if kv_table:
                body.append(_w_table([[a, b] for a, b in blk[1]], rng, split, header_bold=False))
                body.append(_w_p(""))
            else:
                for a, b in blk[1]:
                    body.append(_w_p(_w_runs(a + ":", rng, False, bold=True) + "<w:r><w:tab/></w:r>" + _w_runs(b, rng, split),
                                     extra_ppr='<w:tabs><w:tab w:val="left" w:pos="2835"/></w:tabs><w:spacing w:after="0"/>'))
        elif k == "table":
            body.append(_w_table(blk[1], rng, split))
            body.append(_w_p(""))
        elif k == "pb":
            body.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<w:document xmlns:w="%s" xmlns:r="%s"><w:body>%s'
                '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>'
                '</w:body></w:document>' % (W_NS, R_NS, "".join(body)))
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
          '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
          '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
          '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
            '</Relationships>')
    drels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
             '</Relationships>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zadd(zf, "[Content_Types].xml", ct)
        zadd(zf, "_rels/.rels", rels)
        zadd(zf, "docProps/core.xml", _core_xml(doc["title"], opts.get("author", ""), when))
        zadd(zf, "docProps/app.xml", _app_xml(opts.get("app", "docgen")))
        zadd(zf, "word/document.xml", document)
        zadd(zf, "word/_rels/document.xml.rels", drels)
        zadd(zf, "word/styles.xml", _DOCX_STYLES)
    return buf.getvalue()


# ==========================================================================
# XLSX
# ==========================================================================

def col_name(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


_XLSX_STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="164" formatCode="dd\\-mm\\-yyyy"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""


def write_xlsx(book, opts, rng, when):
    shared = opts.get("shared_strings", True)
    date_style = opts.get("date_style", 1)   # 1: custom dd-mm-yyyy, 3: built-in 14, 0: dates as text
    sst, sst_index = [], {}
    sheets_xml = []
    for name, rows in book["sheets"]:
        ncol = max(len(r) for r in rows)
        out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
               'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
               '<dimension ref="A1:%s%d"/><sheetFormatPr defaultRowHeight="15"/><cols>' % (col_name(ncol - 1), len(rows))]
        for i in range(ncol):
            wmax = max(len(cell_text(r[i])) if i < len(r) else 0 for r in rows)
            out.append('<col min="%d" max="%d" width="%.1f" customWidth="1"/>' % (i + 1, i + 1, min(max(wmax, 8), 50) + 1.5))
        out.append("</cols><sheetData>")
        for ri, r in enumerate(rows):
            out.append('<row r="%d">' % (ri + 1))
            for ci, v in enumerate(r):
                ref = "%s%d" % (col_name(ci), ri + 1)
                bold = ' s="2"' if ri == 0 and opts.get("bold_header", True) and isinstance(v, str) else ""
                if v is None or v == "":
                    continue
                if isinstance(v, bool):
                    v = "ja" if v else "nee"
                if isinstance(v, datetime.date):
                    if date_style:
                        serial = (v - datetime.date(1899, 12, 30)).days
                        out.append('<c r="%s" s="%d"><v>%d</v></c>' % (ref, date_style, serial))
                        continue
                    v = cell_text(v)
                if isinstance(v, (int, float)):
                    out.append('<c r="%s"><v>%s</v></c>' % (ref, repr(v) if isinstance(v, float) else str(v)))
                elif shared:
                    if v not in sst_index:
                        sst_index[v] = len(sst)
                        sst.append(v)
                    out.append('<c r="%s" t="s"%s><v>%d</v></c>' % (ref, bold, sst_index[v]))
                else:
                    sp = ' xml:space="preserve"' if v != v.strip() else ""
                    out.append('<c r="%s" t="inlineStr"%s><is><t%s>%s</t></is></c>' % (ref, bold, sp, xesc(v)))
            out.append("</row>")
        out.append('</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>')
        sheets_xml.append((name, "".join(out)))
    n = len(sheets_xml)
    ct = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>']
    for i in range(n):
        ct.append('<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' % (i + 1))
    if shared:
        ct.append('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
    ct.append('<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
              '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
            '</Relationships>')
    wb = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
          '<bookViews><workbookView activeTab="0"/></bookViews><sheets>']
    for i, (name, _) in enumerate(sheets_xml):
        wb.append('<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (xesc(name[:31]), i + 1, i + 1))
    wb.append("</sheets></workbook>")
    wrels = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">']
    for i in range(n):
        wrels.append('<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>' % (i + 1, i + 1))
    wrels.append('<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' % (n + 1))
    if shared:
        wrels.append('<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' % (n + 2))
    wrels.append("</Relationships>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zadd(zf, "[Content_Types].xml", "".join(ct))
        zadd(zf, "_rels/.rels", rels)
        zadd(zf, "docProps/core.xml", _core_xml(opts.get("title", ""), opts.get("author", ""), when))
        zadd(zf, "docProps/app.xml", _app_xml(opts.get("app", "sheetgen")))
        zadd(zf, "xl/workbook.xml", "".join(wb))
        zadd(zf, "xl/_rels/workbook.xml.rels", "".join(wrels))
        zadd(zf, "xl/styles.xml", _XLSX_STYLES)
        for i, (_, x) in enumerate(sheets_xml):
            zadd(zf, "xl/worksheets/sheet%d.xml" % (i + 1), x)
        if shared:
            total = sum(1 for _ in sst)
            s = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">' % (total, len(sst))]
            for v in sst:
                sp = ' xml:space="preserve"' if v != v.strip() else ""
                s.append("<si><t%s>%s</t></si>" % (sp, xesc(v)))
            s.append("</sst>")
            zadd(zf, "xl/sharedStrings.xml", "".join(s))
    return buf.getvalue()


# ==========================================================================
# ODF (odt / ods)
# ==========================================================================

ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
          'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/" '
          'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
          'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"')


def odf_text(s):
    """Escape and encode runs of spaces and tabs the ODF way."""
    out, i = [], 0
    while i < len(s):
        ch = s[i]
        if ch == " ":
            j = i
            while j < len(s) and s[j] == " ":
                j += 1
            n = j - i
            if i == 0:
                out.append('<text:s text:c="%d"/>' % n if n > 1 else "<text:s/>")
            else:
                out.append(" ")
                if n > 1:
                    out.append('<text:s text:c="%d"/>' % (n - 1) if n > 2 else "<text:s/>")
            i = j
        elif ch == "\t":
            out.append("<text:tab/>")
            i += 1
        else:
            out.append(xesc(ch))
            i += 1
    return "".join(out)


def _odf_spans(s, rng, split):
    if not split or len(s) < 8:
        return odf_text(s)
    k = rng.randint(1, len(s) - 1)
    return odf_text(s[:k]) + '<text:span text:style-name="T2">' + odf_text(s[k:]) + "</text:span>"


def _odf_meta(title, when, gen):
    ts = when.strftime("%Y-%m-%dT%H:%M:%S")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta %s office:version="1.2"><office:meta>'
            '<meta:generator>%s</meta:generator><dc:title>%s</dc:title><meta:creation-date>%s</meta:creation-date>'
            '</office:meta></office:document-meta>' % (ODF_NS, xesc(gen), xesc(title), ts))


def _odf_package(mimetype, content, styles, meta):
    buf = io.BytesIO()
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="%s"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>' % mimetype)
    with zipfile.ZipFile(buf, "w") as zf:
        zadd(zf, "mimetype", mimetype, compress=False)
        zadd(zf, "content.xml", content)
        zadd(zf, "styles.xml", styles)
        zadd(zf, "meta.xml", meta)
        zadd(zf, "META-INF/manifest.xml", manifest)
    return buf.getvalue()


_ODT_STYLES = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles %s office:version="1.2"><office:styles>'
               '<style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.2cm"/>'
               '<style:text-properties style:font-name="Liberation Sans" fo:font-size="11pt" fo:language="nl" fo:country="NL"/></style:default-style>'
               '<style:style style:name="Standard" style:family="paragraph" style:class="text"/>'
               '<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Standard" style:class="text">'
               '<style:paragraph-properties fo:margin-top="0.42cm" fo:margin-bottom="0.21cm" fo:keep-with-next="always"/><style:text-properties fo:font-weight="bold"/></style:style>'
               '<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="1" style:class="text"><style:text-properties fo:font-size="16pt" fo:font-weight="bold"/></style:style>'
               '<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="2" style:class="text"><style:text-properties fo:font-size="13pt" fo:font-weight="bold"/></style:style>'
               '<style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"/>'
               '</office:styles><office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/></style:page-layout></office:automatic-styles>'
               '<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/></office:master-styles></office:document-styles>' % ODF_NS)


def write_odt(doc, opts, rng, when):
    split = opts.get("split_spans", False)
    kv_table = opts.get("kv_table", True)
    body = []
    tcount = [0]

    def table(rows, header=True):
        tcount[0] += 1
        ncol = max(len(r) for r in rows)
        x = ['<table:table table:name="Tabel%d" table:style-name="Tbl">' % tcount[0],
             '<table:table-column table:number-columns-repeated="%d"/>' % ncol]
        if header:
            x.append("<table:table-header-rows>")
        for ri, r in enumerate(rows):
            x.append("<table:table-row>")
            for i in range(ncol):
                t = cell_text(r[i]) if i < len(r) else ""
                inner = ('<text:span text:style-name="T1">%s</text:span>' % odf_text(t)) if (ri == 0 and header and t) else _odf_spans(t, rng, split)
                x.append('<table:table-cell office:value-type="string"><text:p text:style-name="Table_20_Contents">%s</text:p></table:table-cell>' % inner)
            x.append("</table:table-row>")
            if ri == 0 and header:
                x.append("</table:table-header-rows>")
        x.append("</table:table>")
        return "".join(x)

    for blk in doc["blocks"]:
        k = blk[0]
        if k in ("h1", "h2"):
            lvl = 1 if k == "h1" else 2
            body.append('<text:h text:style-name="Heading_20_%d" text:outline-level="%d">%s</text:h>' % (lvl, lvl, odf_text(blk[1])))
        elif k == "p":
            body.append('<text:p text:style-name="Standard">%s</text:p>' % _odf_spans(blk[1], rng, split))
        elif k == "lines":
            if opts.get("line_breaks"):
                body.append('<text:p text:style-name="Standard">%s</text:p>' % "<text:line-break/>".join(odf_text(t) for t in blk[1]))
            else:
                body.extend('<text:p text:style-name="Standard">%s</text:p>' % odf_text(t) for t in blk[1])
        elif k == "ul":
            body.append('<text:list text:style-name="L1">')
            for t in blk[1]:
                body.append('<text:list-item><text:p text:style-name="P1">%s</text:p></text:list-item>' % _odf_spans(t, rng, split))
            body.append("</text:list>")
        elif k == "kv":
            if kv_table:
                body.append(table([[a, b] for a, b in blk[1]], header=False))
            else:
                for a, b in blk[1]:
                    body.append('<text:p text:style-name="Standard"><text:span text:style-name="T1">%s:</text:span><text:tab/>%s</text:p>' % (odf_text(a), odf_text(b)))
        elif k == "table":
            body.append(table(blk[1]))
        elif k == "pb":
            body.append('<text:p text:style-name="PB"/>')
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content %s office:version="1.2">'
               '<office:automatic-styles>'
               '<style:style style:name="Tbl" style:family="table"><style:table-properties style:width="17cm" table:align="margins"/></style:style>'
               '<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>'
               '<style:style style:name="T2" style:family="text"><style:text-properties fo:language="nl" fo:country="NL"/></style:style>'
               '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Standard" style:list-style-name="L1"/>'
               '<style:style style:name="PB" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:break-after="page"/></style:style>'
               '<text:list-style style:name="L1"><text:list-level-style-bullet text:level="1" text:bullet-char="\u2022">'
               '<style:list-level-properties text:space-before="0.4cm" text:min-label-width="0.4cm"/></text:list-level-style-bullet></text:list-style>'
               '</office:automatic-styles><office:body><office:text>%s</office:text></office:body></office:document-content>'
               % (ODF_NS, "".join(body)))
    return _odf_package("application/vnd.oasis.opendocument.text", content, _ODT_STYLES,
                        _odf_meta(doc["title"], when, opts.get("generator", "odfwriter/0.9")))


def write_ods(book, opts, rng, when):
    tables = []
    for name, rows in book["sheets"]:
        ncol = max(len(r) for r in rows)
        x = ['<table:table table:name="%s">' % xesc(name), '<table:table-column table:number-columns-repeated="%d"/>' % ncol]
        for r in rows:
            x.append("<table:table-row>")
            for i in range(ncol):
                v = r[i] if i < len(r) else None
                if v is None or v == "":
                    x.append("<table:table-cell/>")
                elif isinstance(v, datetime.date):
                    if opts.get("dates_as_text"):
                        x.append('<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' % cell_text(v))
                    else:
                        x.append('<table:table-cell table:style-name="cdate" office:value-type="date" office:date-value="%s"><text:p>%s</text:p></table:table-cell>'
                                 % (v.isoformat(), cell_text(v)))
                elif isinstance(v, (int, float)):
                    shown = cell_text(v)
                    if isinstance(v, float) and opts.get("comma_decimal", True):
                        shown = shown.replace(".", ",")
                    x.append('<table:table-cell office:value-type="float" office:value="%s"><text:p>%s</text:p></table:table-cell>' % (repr(v) if isinstance(v, float) else str(v), shown))
                else:
                    x.append('<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' % odf_text(str(v)))
            x.append("</table:table-row>")
        x.append("</table:table>")
        tables.append("".join(x))
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content %s office:version="1.2">'
               '<office:automatic-styles>'
               '<number:date-style style:name="N37"><number:day number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:year number:style="long"/></number:date-style>'
               '<style:style style:name="cdate" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N37"/>'
               '</office:automatic-styles><office:body><office:spreadsheet>%s</office:spreadsheet></office:body></office:document-content>'
               % (ODF_NS, "".join(tables)))
    styles = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles %s office:version="1.2"><office:styles>'
              '<style:style style:name="Default" style:family="table-cell"/></office:styles></office:document-styles>' % ODF_NS)
    return _odf_package("application/vnd.oasis.opendocument.spreadsheet", content, styles,
                        _odf_meta(opts.get("title", ""), when, opts.get("generator", "odfwriter/0.9")))


# ==========================================================================
# RTF
# ==========================================================================

def rtf_tokens(s, unicode_escapes):
    toks = []
    for ch in s:
        o = ord(ch)
        if ch in "\\{}":
            toks.append("\\" + ch)
        elif ch == "\t":
            toks.append("\\tab ")
        elif o < 128:
            toks.append(ch)
        elif ch == "\u00a0":
            toks.append("\\~")
        elif unicode_escapes:
            toks.append("\\u%d?" % (o if o < 32768 else o - 65536))
        else:
            try:
                b = ch.encode("cp1252")
                toks.append("\\'%02x" % b[0])
            except UnicodeEncodeError:
                toks.append("\\u%d?" % (o if o < 32768 else o - 65536))
    return toks


def write_rtf(doc, opts, rng, when):
    uni = opts.get("unicode", False)
    fold = opts.get("fold", 0)   # insert source line breaks every n characters (ignored by readers)
    font = opts.get("font", "Arial")
    col = [0]
    out = []

    def text(s):
        toks = rtf_tokens(s, uni)
        res = []
        for t in toks:
            res.append(t)
            col[0] += len(t)
            if fold and col[0] >= fold and not t.startswith("\\"):
                res.append("\r\n" if opts.get("crlf") else "\n")
                col[0] = 0
        return "".join(res)

    def emit(s):
        out.append(s)

    emit("{\\rtf1\\ansi\\ansicpg1252\\deff0%s{\\fonttbl{\\f0\\fswiss\\fcharset0 %s;}{\\f1\\froman\\fcharset0 Times New Roman;}}\n"
         % ("\\uc1" if uni else "", font))
    emit("{\\info{\\title %s}{\\creatim\\yr%d\\mo%d\\dy%d\\hr%d\\min%d}}\n" % (text(doc["title"]), when.year, when.month, when.day, when.hour, when.minute))
    emit("\\paperw11906\\paperh16838\\margl1417\\margr1417\\margt1417\\margb1417\\viewkind4\n")
    base = opts.get("fs", 22)
    for blk in doc["blocks"]:
        k = blk[0]
        if k in ("h1", "h2"):
            emit("\\pard\\sb240\\sa120\\keepn\\b\\fs%d %s\\b0\\fs%d\\par\n" % (base + (10 if k == "h1" else 4), text(blk[1]), base))
        elif k == "p":
            emit("\\pard\\sa120\\f0\\fs%d %s\\par\n" % (base, text(blk[1])))
        elif k == "lines":
            if opts.get("line_breaks"):
                emit("\\pard\\sa120 " + "\\line ".join(text(t) for t in blk[1]) + "\\par\n")
            else:
                for t in blk[1]:
                    emit("\\pard\\sa0 %s\\par\n" % text(t))
                emit("\\pard\\sa0\\par\n")
        elif k == "ul":
            for t in blk[1]:
                emit("\\pard\\fi-284\\li568\\sa60 %s\\tab %s\\par\n" % ("\\'95" if not uni else "\\u8226?", text(t)))
        elif k == "kv":
            for a, b in blk[1]:
                emit("\\pard\\tx2835\\sa0 \\b %s:\\b0\\tab %s\\par\n" % (text(a), text(b)))
            emit("\\pard\\sa0\\par\n")
        elif k == "table":
            rows = blk[1]
            ncol = max(len(r) for r in rows)
            w = 9000 // ncol
            for ri, r in enumerate(rows):
                emit("\\trowd\\trgaph108\\trleft0" + "".join("\\clbrdrt\\brdrs\\clbrdrl\\brdrs\\clbrdrb\\brdrs\\clbrdrr\\brdrs\\cellx%d" % (w * (i + 1)) for i in range(ncol)) + "\n")
                cells = []
                for i in range(ncol):
                    t = text(cell_text(r[i]) if i < len(r) else "")
                    cells.append("\\pard\\intbl %s%s%s\\cell" % ("\\b " if ri == 0 else "", t, "\\b0" if ri == 0 else ""))
                emit(" ".join(cells) + "\\row\n")
            emit("\\pard\\sa120\\par\n")
        elif k == "pb":
            emit("\\page\n")
    emit("}\n")
    return "".join(out).encode("ascii")


# ==========================================================================
# HTML (input for the LibreOffice .doc conversion)
# ==========================================================================

def write_html(doc, opts):
    from html import escape
    out = ['<!DOCTYPE html>\n<html lang="%s"><head><meta charset="utf-8"><title>%s</title>'
           '<style>body{font-family:%s;font-size:11pt} td{border:1px solid #000;padding:2px 4px} table{border-collapse:collapse}</style></head><body>'
           % (opts.get("lang", "nl"), escape(doc["title"]), opts.get("font", "Arial"))]
    for blk in doc["blocks"]:
        k = blk[0]
        if k in ("h1", "h2"):
            out.append("<%s>%s</%s>" % (k, escape(blk[1]), k))
        elif k == "p":
            out.append("<p>%s</p>" % escape(blk[1]))
        elif k == "lines":
            out.append("<p>%s</p>" % "<br>".join(escape(t) for t in blk[1]))
        elif k == "ul":
            out.append("<ul>%s</ul>" % "".join("<li>%s</li>" % escape(t) for t in blk[1]))
        elif k == "kv":
            if opts.get("kv_table", True):
                out.append("<table>%s</table>" % "".join("<tr><td><b>%s</b></td><td>%s</td></tr>" % (escape(a), escape(b)) for a, b in blk[1]))
            else:
                out.append("<p>%s</p>" % "<br>".join("<b>%s:</b> %s" % (escape(a), escape(b)) for a, b in blk[1]))
        elif k == "table":
            rows = blk[1]
            h = "".join("<th>%s</th>" % escape(cell_text(x)) for x in rows[0])
            b = "".join("<tr>%s</tr>" % "".join("<td>%s</td>" % escape(cell_text(x)) for x in r) for r in rows[1:])
            out.append("<table><tr>%s</tr>%s</table>" % (h, b))
        elif k == "pb":
            out.append('<p style="page-break-before:always"></p>')
    out.append("</body></html>\n")
    return "".join(out).encode("utf-8")


def book_as_doc(book, title):
    """A workbook rendered as a text document (tables only)."""
    blocks = []
    for name, rows in book["sheets"]:
        blocks.append(("h2", name))
        blocks.append(("table", rows))
    return {"title": title, "blocks": blocks}
