#!/usr/bin/env python3
"""Build the attachment hold-out set.

    python3 tools/make_attach_holdout.py [OUTDIR]

OUTDIR defaults to the folder above tools/.  Writes
    sensitive/<type>/NNN.eml  (8 per type)
    clean/<type>/NNN.eml      (6 per type)
    MANIFEST.tsv              one line per message: what is in the attachment
for the types pdf, docx, xlsx, odt, ods, doc, rtf, zip.

Python 3 standard library only, fixed seed.  The .doc files are the one
exception to "written by hand": they are converted from generated HTML by
LibreOffice (soffice --headless --convert-to 'doc:MS Word 97'), so that type
needs soffice on PATH and its bytes are not reproducible run to run (the
text is).  Everything else is byte-for-byte reproducible.
"""

import base64
import sys
sys.dont_write_bytecode = True
import datetime
import email.utils
import os
import quopri
import random
import shutil
import subprocess
import sys
import tempfile
import zipfile
import io

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import ah_clean  # noqa: E402
import ah_formats as F  # noqa: E402
import ah_sensitive  # noqa: E402
from ah_people import ORG_KIND, ORGS, fmt_date, make_person  # noqa: E402

SEED = 20250611
TYPES = ["pdf", "docx", "xlsx", "odt", "ods", "doc", "rtf", "zip"]
N_SENSITIVE, N_CLEAN = 8, 6

MIME = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "doc": "application/msword",
    "rtf": "application/rtf",
    "zip": "application/zip",
}
MIME_ALT = {"rtf": "text/rtf", "zip": "application/x-zip-compressed", "xlsx": "application/vnd.ms-excel"}
SHEET_TYPES = ("xlsx", "ods")


# --------------------------------------------------------------------------
# context handed to the text functions
# --------------------------------------------------------------------------

class Staff:
    pass


class Ctx:
    def __init__(self, rng, lang, today, org):
        self.r = rng
        self.lang = lang
        self.today = today
        self.org = org
        self.date_style = rng.choice([0, 0, 2]) if lang == "nl" else 0

    def person(self, age=(20, 92), sex=None):
        return make_person(self.r, self.lang, self.today, age, sex)

    def staff(self):
        p = make_person(self.r, self.lang, self.today, (25, 64))
        s = Staff()
        s.first, s.last, s.sex = p.first, p.last, p.sex
        s.name = "%s %s" % (p.first, p.last)
        s.formal_staff = "%s %s" % (p.initial, p.last)
        return s

    def org_of(self, kind):
        return self.r.choice(ORG_KIND[kind])

    def staff_group(self, n):
        """n staff members with distinct first names."""
        out, seen = [], set()
        while len(out) < n:
            s = self.staff()
            if s.first not in seen:
                seen.add(s.first)
                out.append(s)
        return out

    def d(self, date, style=None):
        return fmt_date(date, self.lang, self.date_style if style is None else style)


# --------------------------------------------------------------------------
# content selection
# --------------------------------------------------------------------------

class Pool:
    """Draw templates without repetition until the pool is used up."""

    def __init__(self, items, rng):
        self.items, self.rng, self.queue = list(items), rng, []

    def draw(self):
        if not self.queue:
            self.queue = self.items[:]
            self.rng.shuffle(self.queue)
        return self.queue.pop()


ZIP_PLAN = {
    "sensitive": [
        [("pdf", "S")], [("docx", "S"), ("pdf", "C")], [("xlsx", "S")], [("odt", "C"), ("ods", "S")],
        [("rtf", "S")], [("doc", "S"), ("xlsx", "C")], [("pdf", "S"), ("odt", "S")], [("ods", "C"), ("docx", "S")],
    ],
    "clean": [
        [("pdf", "C")], [("docx", "C"), ("xlsx", "C")], [("ods", "C")], [("odt", "C"), ("pdf", "C")],
        [("rtf", "C")], [("doc", "C")],
    ],
}

FILENAMES = {
    "nl": ["document", "bijlage", "brief", "Document1", "stukken", "scan", "concept", "bestand", "export", "overzicht", "lijst", "gegevens"],
    "be": ["document", "bijlage", "brief", "scan", "stukken", "bestand"],
    "fr": ["document", "annexe", "courrier", "scan", "fichier"],
    "en": ["document", "attachment", "letter", "scan", "file"],
}
ZIP_NAMES = ["documenten", "bijlagen", "stukken", "archief", "bestanden", "scan", "export", "Documents"]


def pick_filename(rng, lang, ext):
    base = rng.choice(FILENAMES[lang])
    r = rng.random()
    if r < 0.2:
        base = "%s_%04d" % (base, rng.randint(1, 9999))
    elif r < 0.3:
        base = "%s %d" % (base, rng.randint(1, 3))
    elif r < 0.4:
        base = "%d%02d%02d_%02d%02d" % (2024, rng.randint(1, 12), rng.randint(1, 28), rng.randint(7, 18), rng.randint(0, 59))
    if ext in SHEET_TYPES and rng.random() < 0.3:
        base = rng.choice(["Map1", "Blad1", "Book1", "overzicht", "lijst", "export"])
    return "%s.%s" % (base, ext)


def format_opts(rng, fmt, lang):
    if fmt == "pdf":
        mode = rng.choice(["tm", "td", "tj"])
        o = {"mode": mode, "octal": rng.random() < 0.4, "size": rng.choice([10, 11, 12, 12]),
             "leading": rng.choice([1.35, 1.5, 1.7]), "margin": rng.choice([56, 70, 85]), "top": rng.choice([60, 90, 140]), "producer": rng.choice(["pdfout 1.2", "ReportServer PDF 4.1", "scan2mail 2.0", "docflow"]),
             "bullet": rng.choice(["\u2022", "-", "\u2013"]), "honour_pb": rng.random() < 0.8, "title_meta": rng.random() < 0.6}
        if rng.random() < 0.5:
            o["footer"] = {"nl": "Pagina %d van %d", "be": "Pagina %d/%d", "fr": "Page %d / %d", "en": "Page %d of %d"}[lang]
        return o
    if fmt == "docx":
        return {"split_runs": rng.random() < 0.5, "direct_headings": rng.random() < 0.3, "kv_table": rng.random() < 0.4,
                "lines_br": rng.random() < 0.5, "bullet_chars": rng.random() < 0.5, "app": rng.choice(["docgen", "TemplateMerge 3", "Writer"])}
    if fmt == "odt":
        return {"split_spans": rng.random() < 0.5, "kv_table": rng.random() < 0.6, "line_breaks": rng.random() < 0.5,
                "generator": rng.choice(["odfwriter/0.9", "TemplateMerge 3", "export-odf"])}
    if fmt == "rtf":
        return {"unicode": rng.random() < 0.35, "fold": rng.choice([0, 0, 64, 78, 120]), "crlf": rng.random() < 0.5,
                "font": rng.choice(["Arial", "Calibri", "Verdana", "Times New Roman"]), "fs": rng.choice([20, 22, 24]),
                "line_breaks": rng.random() < 0.4}
    if fmt == "xlsx":
        return {"shared_strings": rng.random() < 0.5, "date_style": rng.choice([1, 3, 0]), "bold_header": rng.random() < 0.7,
                "app": rng.choice(["sheetgen", "Report export", "Microsoft Excel"])}
    if fmt == "ods":
        return {"dates_as_text": rng.random() < 0.3, "comma_decimal": rng.random() < 0.6, "generator": rng.choice(["odfwriter/0.9", "export-odf"])}
    if fmt == "doc":
        return {"kv_table": rng.random() < 0.5, "font": rng.choice(["Arial", "Times New Roman", "Calibri"]), "lang": {"be": "nl", "nl": "nl"}.get(lang, lang)}
    raise ValueError(fmt)


class Part:
    """One document file: content + format + options + file name."""

    def __init__(self, fmt, content, lang, label, template, opts, filename, rng, when):
        self.fmt, self.content, self.lang, self.label, self.template = fmt, content, lang, label, template
        self.opts, self.filename, self.rng, self.when = opts, filename, rng, when
        self.data = None


def make_part(fmt, label, pools, seed_str, today, when):
    rng = random.Random(seed_str)
    sheet = fmt in SHEET_TYPES
    key = ("sheet" if sheet else "text", label)
    lang, fn = pools[key].draw()
    org = rng.choice(ORGS[lang])
    ctx = Ctx(rng, lang, today, org)
    content = fn(ctx)
    name = fn.__name__
    opts = format_opts(rng, fmt, lang)
    if fmt == "pdf" and rng.random() < 0.45:
        # a scanned bundle: a second document of the same kind (or, for a
        # sensitive bundle, sometimes a clean one) starting on a new page
        lab2 = label if label == "C" or rng.random() < 0.6 else "C"
        lang2, fn2 = pools[("text", lab2)].draw()
        more = fn2(Ctx(rng, lang2, today, rng.choice(ORGS[lang2])))
        content = {"title": content["title"], "blocks": content["blocks"] + [("pb",)] + more["blocks"]}
        name += "+" + fn2.__name__
        opts["honour_pb"] = True
    if sheet:
        opts["title"] = rng.choice(["", "", "Overzicht", "Export"])
        opts["author"] = rng.choice(["", "planning", "admin"])
    else:
        opts["author"] = rng.choice(["", "", "secretariaat", "gebruiker"])
    return Part(fmt, content, lang, label, name, opts, pick_filename(rng, lang, fmt), rng, when)


def render(part, docdir):
    f, c, o, r, w = part.fmt, part.content, part.opts, part.rng, part.when
    if f == "pdf":
        return F.write_pdf(c, o, r, w)
    if f == "docx":
        return F.write_docx(c, o, r, w)
    if f == "odt":
        return F.write_odt(c, o, r, w)
    if f == "rtf":
        return F.write_rtf(c, o, r, w)
    if f == "xlsx":
        return F.write_xlsx(c, o, r, w)
    if f == "ods":
        return F.write_ods(c, o, r, w)
    if f == "doc":
        with open(os.path.join(docdir, part.docid + ".doc"), "rb") as fh:
            return fh.read()
    raise ValueError(f)


# --------------------------------------------------------------------------
# mail
# --------------------------------------------------------------------------

SUBJECTS = {
    "nl": ["Documenten", "zie bijlage", "Bijgaand het gevraagde", "Stukken", "Ter info", "FW: documenten", "RE: uw verzoek",
           "Bestand", "Zoals besproken", "Nagekomen stuk", "documenten", "Bijlage", "RE: vraagje", "Graag even kijken"],
    "be": ["Documenten", "In bijlage", "Zoals gevraagd", "Ter info", "Bijlage", "RE: documenten"],
    "fr": ["Documents", "Pièce jointe", "Comme convenu", "Document demandé", "TR: documents"],
    "en": ["Documents", "As requested", "Attached", "FYI", "Files", "RE: documents"],
}

ROLES = {"nl": ["Secretariaat", "Administratie", "Planning", "Team ondersteuning", "Office manager", ""],
         "be": ["Secretariaat", "Administratie", "Onthaal", ""],
         "fr": ["Secrétariat", "Administration", "Accueil", ""],
         "en": ["Administrator", "Office", "Team support", ""]}


def body_text(rng, lang, sender, recipient_first, subject, when):
    sig_role = rng.choice(ROLES[lang])
    sig = sender.name + (("\n" + sig_role) if sig_role else "")
    if rng.random() < 0.4:
        sig += "\nT %s" % rng.choice(["030 - 2%02d %02d %02d" % (rng.randint(0, 99), rng.randint(0, 99), rng.randint(0, 99)),
                                       "+32 9 2%02d %02d %02d" % (rng.randint(0, 99), rng.randint(0, 99), rng.randint(0, 99)),
                                       "0%d-%07d" % (rng.randint(10, 99), rng.randint(1000000, 9999999))])
    if lang == "be" and rng.random() < 0.6:
        opts = [
            "Goeiedag,\n\nIn bijlage vindt u het gevraagde document.\n\nMet vriendelijke groeten,\n%s\n" % sig,
            "Dag %s,\n\nHierbij zoals afgesproken.\n\nGroetjes,\n%s\n" % (recipient_first, sender.first),
            "Beste,\n\nIn bijlage het document ter info.\n\nMvg,\n%s\n" % sig,
        ]
    elif lang in ("nl", "be"):
        opts = [
            "Zoals afgesproken stuur ik je het bestand.\n\nGr. %s\n" % sender.first,
            "Beste collega,\n\nZie de bijlage. Bij vragen hoor ik het graag.\n\nMet vriendelijke groet,\n%s\n" % sig,
            "%s,\n\nHierbij nog het bestand van vanochtend.\n\n%s\n" % (recipient_first, sender.first),
            "Zie bijlage.\n\nMet vriendelijke groet,\n\n%s\n" % sig,
            "Hoi %s,\n\nZie bijlage.\n\nGroet,\n%s\n" % (recipient_first, sender.first),
            "Goedemiddag,\n\nBijgaand het gevraagde.\n\nMet vriendelijke groet,\n%s\n" % sig,
            "Beste %s,\n\nHierbij de stukken zoals besproken. Laat maar weten als er nog iets ontbreekt.\n\nGroeten,\n%s\n" % (recipient_first, sender.first),
            "Ter info.\n\n-- \n%s\n" % sig,
            "Goedemorgen,\n\nIn de bijlage vindt u het document.\n\nVriendelijke groeten,\n%s\n" % sig,
            "Bijgaand.\n\n%s\n\n-----Oorspronkelijk bericht-----\nVan: %s\nVerzonden: %s\nOnderwerp: %s\n\nKun je mij het bestand even sturen?\n"
            % (sender.first, recipient_first, fmt_date(when.date() - datetime.timedelta(days=1), "nl", 1), subject.replace("RE: ", "").replace("FW: ", "")),
            "Hallo,\n\nHet bestand staat in de bijlage. Fijn weekend!\n\n%s\n" % sender.first,
        ]
    elif lang == "fr":
        opts = [
            "Bonjour,\n\nVeuillez trouver ci-joint le document.\n\nBien cordialement,\n\n%s\n" % sig,
            "Bonjour %s,\n\nComme convenu, en annexe.\n\nBonne journée,\n%s\n" % (recipient_first, sender.first),
            "Ci-joint.\n\n-- \n%s\n" % sig,
        ]
    else:
        opts = [
            "Hi %s,\n\nPlease find attached.\n\nKind regards,\n%s\n" % (recipient_first, sig),
            "Attached as requested.\n\nBest,\n%s\n" % sender.first,
            "Hello,\n\nSee attachment.\n\nRegards,\n\n%s\n" % sig,
        ]
    return rng.choice(opts)


def qp(text):
    return quopri.encodestring(text.encode("utf-8")).decode("ascii")


def build_mail(rng, lang, att_name, att_mime, att_data, when, sender_org, rcpt_org):
    sender = Ctx(rng, lang, when.date(), sender_org).staff()
    rcpt = Ctx(rng, lang, when.date(), rcpt_org).staff()

    def addr(s, dom):
        local = rng.choice(["%s.%s" % (s.first, s.last), "%s%s" % (s.first[0], s.last), "%s" % s.first])
        import unicodedata
        local = unicodedata.normalize("NFKD", local.lower()).encode("ascii", "ignore").decode()
        local = "".join(ch for ch in local if ch.isalnum() or ch in ".-")
        return local, dom

    s_local, s_dom = addr(sender, sender_org[3])
    role = rng.random() < 0.2
    if role:
        r_local, r_dom = rng.choice(["secretariaat", "info", "administratie", "planning", "intake"]), rcpt_org[3]
    else:
        r_local, r_dom = addr(rcpt, rcpt_org[3])
    subject = rng.choice(SUBJECTS[lang])
    body = body_text(rng, lang, sender, rcpt.first, subject, when)
    boundary = rng.choice(["----=_NextPart_%03d_%04X_%08X.%08X" % (rng.randint(0, 999), rng.getrandbits(16), rng.getrandbits(32), rng.getrandbits(32)),
                           "=_%032x" % rng.getrandbits(128),
                           "b1_%s" % "".join(rng.choice("abcdef0123456789") for _ in range(32))])
    h = []
    h.append("From: %s" % email.utils.formataddr((sender.name, "%s@%s" % (s_local, s_dom)), charset="utf-8"))
    h.append("To: %s" % email.utils.formataddr(("" if role else rcpt.name, "%s@%s" % (r_local, r_dom)), charset="utf-8"))
    if rng.random() < 0.15:
        h.append("Cc: %s@%s" % (rng.choice(["archief", "dossier", "post"]), s_dom))
    from email.header import Header
    try:
        subject.encode("ascii")
        h.append("Subject: %s" % subject)
    except UnicodeEncodeError:
        h.append("Subject: %s" % Header(subject, "utf-8").encode())
    h.append("Date: %s" % email.utils.format_datetime(when))
    h.append("Message-ID: <%s.%d@%s>" % ("%016x" % rng.getrandbits(64), int(when.timestamp()), s_dom))
    h.append("MIME-Version: 1.0")
    if rng.random() < 0.4:
        h.append(rng.choice(["X-Mailer: Microsoft Outlook 16.0", "User-Agent: Mozilla Thunderbird 115.6", "X-Mailer: Zimbra 9.0",
                             "User-Agent: Roundcube Webmail/1.6.5"]))
    h.append('Content-Type: multipart/mixed; boundary="%s"' % boundary)
    lines = h + [""]
    if rng.random() < 0.5:
        lines.append("This is a multi-part message in MIME format.")
        lines.append("")
    lines.append("--" + boundary)
    try:
        body.encode("ascii")
        lines += ['Content-Type: text/plain; charset="utf-8"; format=flowed' if rng.random() < 0.3 else 'Content-Type: text/plain; charset="utf-8"',
                  "Content-Transfer-Encoding: 7bit", "", body.rstrip("\n"), ""]
    except UnicodeEncodeError:
        lines += ['Content-Type: text/plain; charset="utf-8"', "Content-Transfer-Encoding: quoted-printable", "", qp(body).rstrip("\n"), ""]
    lines.append("--" + boundary)
    lines.append('Content-Type: %s; name="%s"' % (att_mime, att_name))
    lines.append("Content-Transfer-Encoding: base64")
    lines.append('Content-Disposition: attachment; filename="%s"%s' % (att_name, ("; size=%d" % len(att_data)) if rng.random() < 0.3 else ""))
    lines.append("")
    b64 = base64.b64encode(att_data).decode("ascii")
    width = rng.choice([76, 76, 72])
    lines += [b64[i:i + width] for i in range(0, len(b64), width)]
    lines.append("")
    lines.append("--" + boundary + "--")
    lines.append("")
    eol = "\r\n" if rng.random() < 0.35 else "\n"
    return eol.join(lines).encode("ascii"), subject


# --------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------

def plan_messages():
    """All messages with their parts' content (no bytes yet); deterministic."""
    master = random.Random(SEED)
    pools = {
        ("text", "S"): Pool(ah_sensitive.TEXT_SENSITIVE, random.Random(master.random())),
        ("text", "C"): Pool(ah_clean.TEXT_CLEAN, random.Random(master.random())),
        ("sheet", "S"): Pool(ah_sensitive.SHEET_SENSITIVE, random.Random(master.random())),
        ("sheet", "C"): Pool(ah_clean.SHEET_CLEAN, random.Random(master.random())),
    }
    messages = []
    for label in ("sensitive", "clean"):
        n = N_SENSITIVE if label == "sensitive" else N_CLEAN
        for t in TYPES:
            for i in range(1, n + 1):
                mrng = random.Random("%d/%s/%s/%d" % (SEED, label, t, i))
                today = datetime.date(2024, 1, 8) + datetime.timedelta(days=mrng.randrange(0, 520))
                tz = datetime.timezone(datetime.timedelta(hours=2 if 4 <= today.month <= 10 else 1))
                when = datetime.datetime(today.year, today.month, today.day, mrng.randint(7, 18), mrng.randint(0, 59), mrng.randint(0, 59), tzinfo=tz)
                if t == "zip":
                    plan = ZIP_PLAN[label][i - 1]
                    parts = [make_part(f, lab, pools, "%d/%s/%s/%d/%d" % (SEED, label, t, i, k), today, when) for k, (f, lab) in enumerate(plan)]
                else:
                    parts = [make_part(t, "S" if label == "sensitive" else "C", pools, "%d/%s/%s/%d/0" % (SEED, label, t, i), today, when)]
                messages.append({"label": label, "type": t, "n": i, "rng": mrng, "when": when, "today": today, "parts": parts})
    return messages


def main():
    out = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.dirname(HERE)
    messages = plan_messages()

    # .doc: HTML -> LibreOffice, all in one run
    tmp = tempfile.mkdtemp(prefix="ahdoc")
    try:
        docparts = [p for m in messages for p in m["parts"] if p.fmt == "doc"]
        for k, p in enumerate(docparts):
            p.docid = "d%03d" % k
            with open(os.path.join(tmp, p.docid + ".html"), "wb") as fh:
                fh.write(F.write_html(p.content, p.opts))
        if docparts:
            soffice = shutil.which("soffice") or shutil.which("libreoffice")
            if not soffice:
                sys.exit("soffice not found: needed for the .doc attachments")
            outdir = os.path.join(tmp, "out")
            os.makedirs(outdir)
            subprocess.run([soffice, "--headless", "-env:UserInstallation=file://%s/profile" % tmp,
                            "--convert-to", "doc:MS Word 97", "--outdir", outdir]
                           + [os.path.join(tmp, p.docid + ".html") for p in docparts],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for p in docparts:
                if not os.path.exists(os.path.join(outdir, p.docid + ".doc")):
                    sys.exit("LibreOffice did not produce %s.doc" % p.docid)
        for m in messages:
            for p in m["parts"]:
                p.data = render(p, os.path.join(tmp, "out"))
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise

    manifest = ["file\tlabel\ttype\tattachment\tmime\tsubject\tinner\ttemplate\tlanguage"]
    for m in messages:
        rng = m["rng"]
        t = m["type"]
        parts = m["parts"]
        lang = parts[0].lang
        if t == "zip":
            buf = io.BytesIO()
            folder = rng.choice(["", "", "stukken/", "Documenten/"])
            used = set()
            with zipfile.ZipFile(buf, "w") as zf:
                for p in parts:
                    name = p.filename
                    while name in used:
                        name = "1_" + name
                    used.add(name)
                    p.filename = name
                    F.zadd(zf, folder + name, p.data, when=tuple(m["when"].timetuple())[:6])
            data = buf.getvalue()
            att_name = rng.choice(ZIP_NAMES) + ".zip"
        else:
            data = parts[0].data
            att_name = parts[0].filename
        mime = MIME[t]
        r = rng.random()
        if r < 0.2:
            mime = "application/octet-stream"
        elif r < 0.3 and t in MIME_ALT:
            mime = MIME_ALT[t]
        sender_org = rng.choice(ORGS[lang] + ORGS["nl"][:4] if lang == "en" else ORGS[lang])
        if lang == "fr" and rng.random() < 0.3:
            sender_org = rng.choice(ORGS["be"])
        rcpt_pool = [o for L in ORGS.values() for o in L if o[3] != sender_org[3]]
        rcpt_org = rng.choice(rcpt_pool + [("", "", "", "mail-example.nl"), ("", "", "", "post-example.be"), ("", "", "", "zorgkantoor-example.nl")])
        eml, subject = build_mail(rng, "be" if lang == "be" else lang, att_name, mime, data, m["when"], sender_org, rcpt_org)
        d = os.path.join(out, m["label"], t)
        os.makedirs(d, exist_ok=True)
        fname = "%03d.eml" % m["n"]
        with open(os.path.join(d, fname), "wb") as fh:
            fh.write(eml)
        inner = ",".join("%s:%s" % (p.filename, "sensitive" if p.label == "S" else "clean") for p in parts) if t == "zip" else ""
        manifest.append("\t".join([os.path.join(m["label"], t, fname), m["label"], t, att_name, mime, subject, inner,
                                   "+".join(p.template for p in parts), "+".join(p.lang for p in parts)]))
    with open(os.path.join(out, "MANIFEST.tsv"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(manifest) + "\n")
    shutil.rmtree(tmp, ignore_errors=True)
    print("wrote %d messages to %s" % (len(messages), out))


if __name__ == "__main__":
    main()
