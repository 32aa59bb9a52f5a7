"""A small document model (text documents, spreadsheets, slide decks) and
writers for the source formats LibreOffice converts from: flat ODF
(.fodt, .fods, .fodp), HTML and CSV.

Only the generator uses this; nothing at test time needs it."""

import datetime
import html
from xml.sax.saxutils import escape as _x

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
      'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
      'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/"')


def x(s):
    return _x(str(s), {'"': "&quot;"})


def inline(s):
    """Escape text for a text:p, turning \\n into line breaks and \\t into tabs.
    **bold** spans are supported."""
    out = []
    parts = str(s).split("**")
    for i, part in enumerate(parts):
        seg = x(part).replace("\t", "<text:tab/>").replace("\n", "<text:line-break/>")
        # runs of spaces must be written as text:s
        while "  " in seg:
            seg = seg.replace("  ", ' <text:s/>')
        out.append('<text:span text:style-name="Tb">%s</text:span>' % seg if i % 2 and seg else seg)
    return "".join(out)


def meta_xml(title, author, created):
    c = created.strftime("%Y-%m-%dT%H:%M:%S")
    return ("<office:meta><meta:creation-date>%s</meta:creation-date><dc:date>%s</dc:date>"
            "<meta:initial-creator>%s</meta:initial-creator><dc:creator>%s</dc:creator>%s</office:meta>"
            % (c, c, x(author), x(author), "<dc:title>%s</dc:title>" % x(title) if title else ""))


# ===================================================================== text

class TextDoc:
    kind = "text"

    def __init__(self, font="Arial", size=10.5, header=None, footer=None, title="", author="",
                 created=None, page_numbers=False, margins=(2.0, 2.0, 2.2, 2.0), header_right=False):
        self.font = font
        self.size = size
        self.header = header or []      # list of lines
        self.footer = footer or []
        self.title = title
        self.author = author
        self.created = created or datetime.datetime(2024, 1, 1, 9, 0)
        self.page_numbers = page_numbers
        self.margins = margins
        self.header_right = header_right
        self.blocks = []

    # blocks ---------------------------------------------------------------
    def p(self, text="", style=None):
        self.blocks.append(("p", text, style))
        return self

    def h(self, text, level=1):
        self.blocks.append(("h", text, level))
        return self

    def lines(self, lines, style=None):
        return self.p("\n".join(lines), style)

    def table(self, rows, head=True, widths=None, border=True):
        self.blocks.append(("table", rows, head, widths, border))
        return self

    def kv(self, pairs, border=False, widths=(5.0, 11.0)):
        return self.table([[k, v] for k, v in pairs], head=False, widths=widths, border=border)

    def bullets(self, items, numbered=False):
        self.blocks.append(("list", list(items), numbered))
        return self

    def pb(self):
        self.blocks.append(("pb",))
        return self

    def text(self):
        """Plain text of the body (for checks)."""
        out = list(self.header)
        for b in self.blocks:
            if b[0] in ("p", "h"):
                out.append(str(b[1]).replace("**", ""))
            elif b[0] == "table":
                out += [" ".join(str(c) for c in r) for r in b[1]]
            elif b[0] == "list":
                out += [str(i) for i in b[1]]
        return "\n".join(out + list(self.footer))

    # flat ODT ---------------------------------------------------------------
    def fodt(self):
        t, b, l, r = self.margins
        hs = self.size
        styles = (
            '<office:font-face-decls><style:font-face style:name="{f}" svg:font-family="\'{f}\'" style:font-family-generic="swiss"/></office:font-face-decls>'
            '<office:styles>'
            '<style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.16cm"/>'
            '<style:text-properties style:font-name="{f}" fo:font-size="{s}pt" fo:language="nl" fo:country="NL"/></style:default-style>'
            '<style:style style:name="Standard" style:family="paragraph" style:class="text"/>'
            '<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="1">'
            '<style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.25cm"/><style:text-properties fo:font-size="{h1}pt" fo:font-weight="bold"/></style:style>'
            '<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="2">'
            '<style:paragraph-properties fo:margin-top="0.25cm" fo:margin-bottom="0.1cm"/><style:text-properties fo:font-size="{h2}pt" fo:font-weight="bold"/></style:style>'
            '<style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="{hf}pt" fo:color="#404040"/></style:style>'
            '<style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="{ff}pt" fo:color="#606060"/></style:style>'
            '</office:styles>'
        ).format(f=x(self.font), s=hs, h1=hs + 4, h2=hs + 1.5, hf=max(hs - 1.5, 7), ff=max(hs - 2.5, 6.5))
        auto = [
            '<style:style style:name="Pb" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:break-before="page"/></style:style>',
            '<style:style style:name="Pr" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="end"/></style:style>',
            '<style:style style:name="Pc" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/></style:style>',
            '<style:style style:name="Pbold" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-weight="bold"/></style:style>',
            '<style:style style:name="Pi" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-style="italic"/></style:style>',
            '<style:style style:name="Ps" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="%spt" fo:color="#555555"/></style:style>' % max(hs - 2, 7),
            '<style:style style:name="Ptitle" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-bottom="0.3cm"/><style:text-properties fo:font-size="%spt" fo:font-weight="bold" fo:color="#1F3864"/></style:style>' % (hs + 7),
            '<style:style style:name="Plh" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="%spt" fo:font-weight="bold" fo:color="#2E5E8C"/></style:style>' % (hs + 3),
            '<style:style style:name="Tb" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>',
            '<style:style style:name="Tcb" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #000000"/></style:style>',
            '<style:style style:name="Tch" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #000000" fo:background-color="#D9E2F3"/></style:style>',
            '<style:style style:name="Tcn" style:family="table-cell"><style:table-cell-properties fo:padding="0.04cm" fo:border="none"/></style:style>',
            '<text:list-style style:name="Lb"><text:list-level-style-bullet text:level="1" text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1cm" fo:text-indent="-0.5cm" fo:margin-left="1cm"/></style:list-level-properties></text:list-level-style-bullet></text:list-style>',
            '<text:list-style style:name="Ln"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1cm" fo:text-indent="-0.5cm" fo:margin-left="1cm"/></style:list-level-properties></text:list-level-style-number></text:list-style>',
            '<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="%.1fcm" fo:margin-bottom="%.1fcm" fo:margin-left="%.1fcm" fo:margin-right="%.1fcm"/>'
            '<style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.5cm"/></style:header-style>'
            '<style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout>' % (t, b, l, r),
        ]
        body = []
        ntab = 0
        for blk in self.blocks:
            kind = blk[0]
            if kind == "pb":
                body.append('<text:p text:style-name="Pb"/>')
                continue
            if kind == "p":
                st = {None: "Standard", "b": "Pbold", "i": "Pi", "r": "Pr", "c": "Pc", "s": "Ps", "title": "Ptitle", "lh": "Plh"}[blk[2]]
                body.append('<text:p text:style-name="%s">%s</text:p>' % (st, inline(blk[1])))
            elif kind == "h":
                body.append('<text:h text:style-name="Heading_20_%d" text:outline-level="%d">%s</text:h>' % (blk[2], blk[2], inline(blk[1])))
            elif kind == "list":
                items = "".join('<text:list-item><text:p text:style-name="Standard">%s</text:p></text:list-item>' % inline(i) for i in blk[1])
                body.append('<text:list text:style-name="%s">%s</text:list>' % ("Ln" if blk[2] else "Lb", items))
            elif kind == "table":
                rows, head, widths, border = blk[1], blk[2], blk[3], blk[4]
                ntab += 1
                ncol = max(len(r) for r in rows)
                widths = list(widths) if widths else [16.5 / ncol] * ncol
                total = sum(widths)
                auto.append('<style:style style:name="Tab%d" style:family="table"><style:table-properties style:width="%.2fcm" table:align="left"/></style:style>' % (ntab, total))
                cols = []
                for ci, w in enumerate(widths):
                    auto.append('<style:style style:name="Tab%d.C%d" style:family="table-column"><style:table-column-properties style:column-width="%.2fcm"/></style:style>' % (ntab, ci, w))
                    cols.append('<table:table-column table:style-name="Tab%d.C%d"/>' % (ntab, ci))
                trs = []
                for ri, row in enumerate(rows):
                    cells = []
                    for ci in range(ncol):
                        v = row[ci] if ci < len(row) else ""
                        hdr = head and ri == 0
                        cst = "Tch" if (hdr and border) else ("Tcb" if border else "Tcn")
                        pst = "Pbold" if hdr else "Standard"
                        cells.append('<table:table-cell table:style-name="%s" office:value-type="string"><text:p text:style-name="%s">%s</text:p></table:table-cell>' % (cst, pst, inline(v)))
                    trs.append("<table:table-row>%s</table:table-row>" % "".join(cells))
                if head:
                    trs[0] = "<table:table-header-rows>%s</table:table-header-rows>" % trs[0]
                body.append('<table:table table:name="Tabel%d" table:style-name="Tab%d">%s%s</table:table>' % (ntab, ntab, "".join(cols), "".join(trs)))
                body.append('<text:p text:style-name="Standard"/>')
        hdr = ""
        if self.header:
            st = "Pr" if self.header_right else "Header"
            hdr = "<style:header>%s</style:header>" % "".join('<text:p text:style-name="%s">%s</text:p>' % (st, inline(l)) for l in self.header)
        ftr_lines = list(self.footer)
        ftr = ""
        if ftr_lines or self.page_numbers:
            ps = ['<text:p text:style-name="Footer">%s</text:p>' % inline(l) for l in ftr_lines]
            if self.page_numbers:
                ps.append('<text:p text:style-name="Footer">%s <text:page-number text:select-page="current">1</text:page-number></text:p>' % self.page_numbers)
            ftr = "<style:footer>%s</style:footer>" % "".join(ps)
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document %s office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">'
                '%s%s<office:automatic-styles>%s</office:automatic-styles>'
                '<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">%s%s</style:master-page></office:master-styles>'
                '<office:body><office:text>%s</office:text></office:body></office:document>\n'
                % (NS, meta_xml(self.title, self.author, self.created), styles, "".join(auto), hdr, ftr, "".join(body)))

    # HTML -----------------------------------------------------------------
    def html(self):
        css = ("body{font-family:'%s',sans-serif;font-size:%spt} table{border-collapse:collapse;margin:4pt 0}"
               " td,th{padding:2pt 4pt;vertical-align:top;text-align:left} table.b td,table.b th{border:1px solid #333}"
               " th{background:#e4e9f2} .r{text-align:right} .c{text-align:center} .s{font-size:8pt;color:#555}"
               " .title{font-size:18pt;font-weight:bold;color:#1f3864} .lh{font-size:13pt;font-weight:bold;color:#2e5e8c}") % (self.font, self.size)

        def inl(s):
            parts = str(s).split("**")
            return "".join(("<b>%s</b>" if i % 2 else "%s") % html.escape(p).replace("\n", "<br>\n") for i, p in enumerate(parts))
        out = []
        brk = False
        for blk in self.blocks:
            kind = blk[0]
            pre = ' style="page-break-before: always"' if brk and kind != "pb" else ""
            if kind == "pb":
                brk = True
                continue
            brk = False
            if kind == "p":
                cls = {None: "", "b": "", "i": "", "r": ' class="r"', "c": ' class="c"', "s": ' class="s"', "title": ' class="title"', "lh": ' class="lh"'}[blk[2]]
                txt = inl(blk[1])
                if blk[2] == "b":
                    txt = "<b>%s</b>" % txt
                elif blk[2] == "i":
                    txt = "<i>%s</i>" % txt
                out.append("<p%s%s>%s</p>" % (cls, pre, txt))
            elif kind == "h":
                out.append("<h%d%s>%s</h%d>" % (blk[2], pre, inl(blk[1]), blk[2]))
            elif kind == "list":
                tag = "ol" if blk[2] else "ul"
                out.append("<%s%s>%s</%s>" % (tag, pre, "".join("<li>%s</li>" % inl(i) for i in blk[1]), tag))
            elif kind == "table":
                rows, head, widths, border = blk[1], blk[2], blk[3], blk[4]
                trs = []
                for ri, row in enumerate(rows):
                    tag = "th" if head and ri == 0 else "td"
                    trs.append("<tr>%s</tr>" % "".join("<%s>%s</%s>" % (tag, inl(c), tag) for c in row))
                out.append('<table%s%s>%s</table>' % (' class="b"' if border else "", pre, "\n".join(trs)))
        return ('<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n<title>%s</title>\n'
                '<meta name="author" content="%s">\n<style>%s</style>\n</head>\n<body>\n%s\n</body>\n</html>\n'
                % (html.escape(self.title or ""), html.escape(self.author), css, "\n".join(out)))


# ===================================================================== sheets

class Num:
    """A number cell with an explicit display text (e.g. 2 decimals)."""

    def __init__(self, v, fmt=None):
        self.v = v
        self.fmt = fmt


class Sheet:
    def __init__(self, name, rows, head_rows=(0,), widths=None, title_rows=()):
        self.name = name
        self.rows = rows
        self.head_rows = set(head_rows)
        self.title_rows = set(title_rows)
        self.widths = widths


class SheetDoc:
    kind = "sheet"

    def __init__(self, sheets, author="", created=None, title="", date_fmt="nl"):
        self.sheets = sheets
        self.author = author
        self.created = created or datetime.datetime(2024, 1, 1, 9, 0)
        self.title = title
        self.date_fmt = date_fmt  # nl: dd-mm-yyyy, be/fr: dd/mm/yyyy, en: dd/mm/yyyy, iso
        self.single_face = False

    def text(self):
        out = []
        for s in self.sheets:
            for r in s.rows:
                out.append(" ".join(cell_text(c, self.date_fmt) for c in r))
        return "\n".join(out)

    def fods(self):
        sep = {"nl": "-", "iso": "-"}.get(self.date_fmt, "/")
        if self.date_fmt == "iso":
            ds = ('<number:date-style style:name="Nd"><number:year number:style="long"/><number:text>-</number:text>'
                  '<number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>')
        else:
            ds = ('<number:date-style style:name="Nd"><number:day number:style="long"/><number:text>%s</number:text>'
                  '<number:month number:style="long"/><number:text>%s</number:text><number:year number:style="long"/></number:date-style>') % (sep, sep)
        # one font face only when printing to PDF: LibreOffice Calc embeds several faces
        # in a run-dependent order
        bold = "" if self.single_face else ' fo:font-weight="bold"'
        lang, country = {"nl": ("nl", "NL"), "be": ("nl", "BE"), "fr": ("fr", "BE"), "en": ("en", "GB"), "iso": ("nl", "NL")}.get(self.date_fmt, ("nl", "NL"))
        loc = ' number:language="%s" number:country="%s"' % (lang, country)
        ds = ds.replace('<number:date-style style:name="Nd">', '<number:date-style style:name="Nd"%s>' % loc)
        auto = [ds,
                '<number:number-style style:name="N2"%s><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/></number:number-style>' % loc,
                '<number:number-style style:name="N0"%s><number:number number:decimal-places="0" number:min-integer-digits="1"/></number:number-style>' % loc,
                '<number:number-style style:name="N1"%s><number:number number:decimal-places="1" number:min-decimal-places="1" number:min-integer-digits="1"/></number:number-style>' % loc,
                '<style:style style:name="ce1" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N1"/>',
                '<style:page-layout style:name="pmL"><style:page-layout-properties style:print-orientation="landscape" fo:page-width="29.7cm" fo:page-height="21cm" '
                'fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="1.5cm" fo:margin-right="1.5cm" style:scale-to-X="1" style:scale-to-Y="99"/></style:page-layout>',
                '<style:style style:name="ceD" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="Nd"/>',
                '<style:style style:name="ce2" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N2"/>',
                '<style:style style:name="ce0" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N0"/>',
                '<style:style style:name="ceH" style:family="table-cell" style:parent-style-name="Default"><style:table-cell-properties fo:background-color="#DDEBF7" fo:border-bottom="0.5pt solid #000000"/><style:text-properties%s/></style:style>' % bold,
                '<style:style style:name="ceT" style:family="table-cell" style:parent-style-name="Default"><style:text-properties fo:font-size="13pt"%s/></style:style>' % bold,
                '<style:style style:name="ta1" style:family="table" style:master-page-name="Default"><style:table-properties table:display="true"/></style:style>']
        tables = []
        for si, s in enumerate(self.sheets):
            ncol = max((len(r) for r in s.rows), default=1)
            widths = s.widths or auto_widths(s.rows, ncol, self.date_fmt)
            cols = []
            for ci, w in enumerate(widths):
                auto.append('<style:style style:name="co%d_%d" style:family="table-column"><style:table-column-properties style:column-width="%.2fcm"/></style:style>' % (si, ci, w))
                cols.append('<table:table-column table:style-name="co%d_%d" table:default-cell-style-name="Default"/>' % (si, ci))
            trs = []
            for ri, row in enumerate(s.rows):
                cells = []
                for c in row:
                    st = ' table:style-name="ceH"' if ri in s.head_rows else (' table:style-name="ceT"' if ri in s.title_rows else "")
                    cells.append(cell_xml(c, st, self.date_fmt))
                trs.append("<table:table-row>%s</table:table-row>" % "".join(cells))
            tables.append('<table:table table:name="%s" table:style-name="ta1">%s%s</table:table>' % (x(s.name), "".join(cols), "".join(trs)))
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document %s office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">'
                '%s<office:automatic-styles>%s</office:automatic-styles>'
                '<office:master-styles><style:master-page style:name="Default" style:page-layout-name="pmL"/></office:master-styles>'
                '<office:body><office:spreadsheet>%s</office:spreadsheet></office:body></office:document>\n'
                % (NS, meta_xml(self.title, self.author, self.created), "".join(auto), "".join(tables)))

    def csv(self, sep=";", sheet=0):
        out = []
        for r in self.sheets[sheet].rows:
            vals = []
            for c in r:
                t = cell_text(c, self.date_fmt, csv=True)
                if sep in t or '"' in t or "\n" in t or (t and t[0] == " "):
                    t = '"%s"' % t.replace('"', '""')
                vals.append(t)
            out.append(sep.join(vals))
        return "\r\n".join(out) + "\r\n"


def cell_text(c, date_fmt="nl", csv=False):
    if c is None:
        return ""
    if isinstance(c, datetime.date):
        if date_fmt == "iso":
            return c.isoformat()
        sep = "-" if date_fmt == "nl" else "/"
        return "%02d%s%02d%s%d" % (c.day, sep, c.month, sep, c.year)
    if isinstance(c, Num):
        if c.fmt == 2 or isinstance(c.v, float):
            s = ("%.2f" if c.fmt == 2 else "%.1f") % c.v
            return s.replace(".", ",") if date_fmt in ("nl", "be", "fr") else s
        return str(c.v)
    if isinstance(c, float):
        s = ("%.1f" % c)
        return s.replace(".", ",") if date_fmt in ("nl", "be", "fr") else s
    return str(c)


def cell_xml(c, st, date_fmt):
    if c is None or c == "":
        return "<table:table-cell%s/>" % st
    if isinstance(c, bool):
        c = "ja" if c else "nee"
    if isinstance(c, datetime.date):
        return '<table:table-cell table:style-name="ceD" office:value-type="date" office:date-value="%s"><text:p>%s</text:p></table:table-cell>' % (c.isoformat(), cell_text(c, date_fmt))
    if isinstance(c, Num):
        sty = {2: "ce2", 0: "ce0"}.get(c.fmt) or ("ce1" if isinstance(c.v, float) else None)
        s = ' table:style-name="%s"' % sty if sty else st
        return '<table:table-cell%s office:value-type="float" office:value="%s"><text:p>%s</text:p></table:table-cell>' % (s, c.v, cell_text(c, date_fmt))
    if isinstance(c, float):
        return '<table:table-cell table:style-name="ce1" office:value-type="float" office:value="%s"><text:p>%s</text:p></table:table-cell>' % (c, cell_text(c, date_fmt))
    if isinstance(c, int):
        return '<table:table-cell%s office:value-type="float" office:value="%s"><text:p>%s</text:p></table:table-cell>' % (st, c, cell_text(c, date_fmt))
    return '<table:table-cell%s office:value-type="string"><text:p>%s</text:p></table:table-cell>' % (st, inline(c))


def auto_widths(rows, ncol, date_fmt):
    w = [1.8] * ncol
    for r in rows:
        if len(r) == 1 and len(rows) > 2:
            continue  # a title row spans visually
        for i, c in enumerate(r):
            n = len(cell_text(c, date_fmt))
            w[i] = max(w[i], min(0.24 * n + 0.6, 9.0))
    return w


# ===================================================================== slides

class Slide:
    def __init__(self, title, items=(), table=None, sub=None, note=None):
        self.title = title
        self.items = list(items)   # str, or (level, str)
        self.table = table         # rows
        self.sub = sub             # subtitle (title slide)
        self.note = note           # small footer text on the slide


class SlideDoc:
    kind = "slides"

    def __init__(self, slides, author="", created=None, title="", theme=0, footer=""):
        self.slides = slides
        self.author = author
        self.created = created or datetime.datetime(2024, 1, 1, 9, 0)
        self.title = title
        self.theme = theme
        self.footer = footer

    def text(self):
        out = []
        for s in self.slides:
            out.append(s.title)
            if s.sub:
                out.append(s.sub)
            out += [i[1] if isinstance(i, tuple) else i for i in s.items]
            if s.table:
                out += [" ".join(map(str, r)) for r in s.table]
            if s.note:
                out.append(s.note)
        return "\n".join(out)

    def fodp(self):
        colors = [("#1F4E79", "#FFFFFF"), ("#2E7D32", "#FFFFFF"), ("#FFFFFF", "#1F3864"), ("#6A1B4D", "#FFFFFF"), ("#F2F2F2", "#C55A11")]
        bar, tcol = colors[self.theme % len(colors)]
        auto = [
            '<style:page-layout style:name="PM1"><style:page-layout-properties fo:margin-top="0cm" fo:margin-bottom="0cm" fo:margin-left="0cm" fo:margin-right="0cm" fo:page-width="28cm" fo:page-height="15.75cm" style:print-orientation="landscape"/></style:page-layout>',
            '<style:style style:name="dp1" style:family="drawing-page"/>',
            '<style:style style:name="gBar" style:family="graphic"><style:graphic-properties draw:fill="solid" draw:fill-color="%s" draw:stroke="none"/></style:style>' % bar,
            '<style:style style:name="gTxt" style:family="graphic"><style:graphic-properties draw:fill="none" draw:stroke="none" fo:padding="0.1cm" draw:textarea-vertical-align="top"/></style:style>',
            '<style:style style:name="gTxtC" style:family="graphic"><style:graphic-properties draw:fill="none" draw:stroke="none" draw:textarea-vertical-align="middle"/></style:style>',
            '<style:style style:name="PT" style:family="paragraph"><style:text-properties fo:font-size="26pt" fo:font-weight="bold" fo:color="%s" style:font-name="Arial"/></style:style>' % (tcol if bar != "#FFFFFF" and bar != "#F2F2F2" else tcol),
            '<style:style style:name="PTB" style:family="paragraph"><style:text-properties fo:font-size="34pt" fo:font-weight="bold" fo:color="#1F3864"/></style:style>',
            '<style:style style:name="PS" style:family="paragraph"><style:text-properties fo:font-size="18pt" fo:color="#404040"/></style:style>',
            '<style:style style:name="P1" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.2cm"/><style:text-properties fo:font-size="18pt"/></style:style>',
            '<style:style style:name="P2" style:family="paragraph"><style:paragraph-properties fo:margin-left="1.2cm" fo:margin-bottom="0.15cm"/><style:text-properties fo:font-size="15pt" fo:color="#333333"/></style:style>',
            '<style:style style:name="PN" style:family="paragraph"><style:text-properties fo:font-size="10pt" fo:color="#7F7F7F"/></style:style>',
            '<style:style style:name="PC" style:family="paragraph"><style:text-properties fo:font-size="13pt"/></style:style>',
            '<style:style style:name="PCH" style:family="paragraph"><style:text-properties fo:font-size="13pt" fo:font-weight="bold"/></style:style>',
            '<style:style style:name="tc" style:family="table-cell"><style:graphic-properties draw:fill="none"/><style:paragraph-properties fo:border="0.5pt solid #808080"/></style:style>',
        ]

        def para(st, s):
            return '<text:p text:style-name="%s">%s</text:p>' % (st, inline(s))
        pages = []
        for i, s in enumerate(self.slides):
            els = []
            if s.sub is not None and not s.items and not s.table:
                els.append('<draw:frame draw:style-name="gTxtC" svg:x="2cm" svg:y="4cm" svg:width="24cm" svg:height="3.5cm"><draw:text-box>%s</draw:text-box></draw:frame>' % para("PTB", s.title))
                els.append('<draw:frame draw:style-name="gTxt" svg:x="2cm" svg:y="8cm" svg:width="24cm" svg:height="4cm"><draw:text-box>%s</draw:text-box></draw:frame>' % "".join(para("PS", l) for l in s.sub.split("\n")))
            else:
                els.append('<draw:rect draw:style-name="gBar" svg:x="0cm" svg:y="0cm" svg:width="28cm" svg:height="2.6cm"/>')
                els.append('<draw:frame draw:style-name="gTxtC" svg:x="1.2cm" svg:y="0.2cm" svg:width="25.6cm" svg:height="2.2cm"><draw:text-box>%s</draw:text-box></draw:frame>' % para("PT", s.title))
                y = 3.2
                if s.items:
                    ps = []
                    for it in s.items:
                        lvl, txt = it if isinstance(it, tuple) else (1, it)
                        ps.append(para("P1" if lvl == 1 else "P2", ("• " if lvl == 1 else "– ") + txt if not txt.startswith(("•", "-", "–")) and txt else txt))
                    h = 11.0 if not s.table else 4.5
                    els.append('<draw:frame draw:style-name="gTxt" svg:x="1.5cm" svg:y="%.1fcm" svg:width="25cm" svg:height="%.1fcm"><draw:text-box>%s</draw:text-box></draw:frame>' % (y, h, "".join(ps)))
                    y += h + 0.3
                if s.table:
                    ncol = max(len(r) for r in s.table)
                    cols = "".join("<table:table-column/>" for _ in range(ncol))
                    trs = []
                    for ri, r in enumerate(s.table):
                        trs.append("<table:table-row>%s</table:table-row>" % "".join(
                            '<table:table-cell table:style-name="tc" office:value-type="string">%s</table:table-cell>' % para("PCH" if ri == 0 else "PC", c) for c in r))
                    hh = min(0.9 * len(s.table), 15.0 - y)
                    els.append('<draw:frame svg:x="1.5cm" svg:y="%.1fcm" svg:width="25cm" svg:height="%.1fcm"><table:table>%s%s</table:table></draw:frame>' % (y, hh, cols, "".join(trs)))
            if s.note or self.footer:
                els.append('<draw:frame draw:style-name="gTxt" svg:x="1.2cm" svg:y="14.6cm" svg:width="25cm" svg:height="0.9cm"><draw:text-box>%s</draw:text-box></draw:frame>'
                           % para("PN", s.note or "%s   %d" % (self.footer, i + 1)))
            pages.append('<draw:page draw:name="page%d" draw:style-name="dp1" draw:master-page-name="Default">%s</draw:page>' % (i + 1, "".join(els)))
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document %s office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.presentation">'
                '%s<office:styles/><office:automatic-styles>%s</office:automatic-styles>'
                '<office:master-styles><style:master-page style:name="Default" style:page-layout-name="PM1" draw:style-name="dp1"/></office:master-styles>'
                '<office:body><office:presentation>%s</office:presentation></office:body></office:document>\n'
                % (NS, meta_xml(self.title, self.author, self.created), "".join(auto), "".join(pages)))
