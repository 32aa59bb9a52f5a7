#!/usr/bin/env python3
"""Generate the attachment corpus: mail whose health data (if any) is only
in an attached document.

    python3 tests/data/attach/tools/generate.py [--seed N] [--out DIR] [--work DIR]

For every message it draws fictitious persons and an organisation, fills
one hand-written document template (s_*.py sensitive, c_*.py clean),
writes it as flat ODF, HTML or CSV, has LibreOffice (headless) convert it
to the target format, and wraps the result in a bland RFC 5322 message
("Stukken" / "Zie bijlage"). LibreOffice is needed only here, at
generation time. Python 3 standard library otherwise; deterministic for a
given seed (LibreOffice output is normalised: fixed zip timestamps, PDF
dates and IDs)."""

import argparse
import base64
import datetime
import email.utils
import hashlib
import os
import random
import re
import shutil
import sys
import urllib.parse
import zlib
import struct

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import ctx as CTX  # noqa: E402  (adds the corpus tools to sys.path)
from ctx import Ctx, cover_page, typo  # noqa: E402
G = CTX.G  # the corpus generator: header, date and boundary helpers
import mime  # noqa: E402
import people  # noqa: E402
from parties import DISCLAIMER, MOBILE, ORGS, SIGNOFF  # noqa: E402
import office  # noqa: E402
from docmodel import TextDoc  # noqa: E402
from reg import REG  # noqa: E402
import s_text_nl  # noqa: E402,F401
import s_text_intl  # noqa: E402,F401
import s_tables  # noqa: E402,F401
import s_mail  # noqa: E402,F401
import c_text  # noqa: E402,F401
import c_tables  # noqa: E402,F401
import c_mail  # noqa: E402,F401

TYPES = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "doc", "xls", "rtf", "zip", "eml"]
N_SENS = 16
N_CLEAN = 13

CTYPE = {
    "pdf": ["application/pdf"],
    "docx": ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    "xlsx": ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    "pptx": ["application/vnd.openxmlformats-officedocument.presentationml.presentation"],
    "odt": ["application/vnd.oasis.opendocument.text"],
    "ods": ["application/vnd.oasis.opendocument.spreadsheet"],
    "doc": ["application/msword"],
    "xls": ["application/vnd.ms-excel"],
    "rtf": ["application/rtf", "application/rtf", "text/rtf"],
    "zip": ["application/zip", "application/zip", "application/zip", "application/x-zip-compressed"],
    "csv": ["text/csv"],
}

# ------------------------------------------------------------------ bland mail parts

SUBJECTS = {
    "nl": ["Stukken", "Verslag", "Zie bijlage", "Bijlage", "Documenten", "Gevraagde stukken", "Ter info", "Zoals besproken", "Nagezonden", "Document",
           "Bestand", "Overzicht", "Stukken overleg", "Scan", "Voor het overleg", "Aanvulling", "stukken", "zie bijlage", "Bijgaand", "Gevraagde documenten",
           "Documenten week {week}", "Stukken {date}", "", "Bestanden", "Het document"],
    "be": ["Documenten", "In bijlage", "Verslag", "Stukken", "Zoals afgesproken", "Ter info", "Gevraagde documenten", "document", "Bijlage"],
    "fr": ["Documents", "Pièces jointes", "Rapport", "Comme convenu", "Voir pièce jointe", "Envoi de documents", "Document demandé", "Documents demandés", "Suite à notre échange"],
    "en": ["Documents", "As discussed", "Please see attached", "Report", "Files", "FYI", "Paperwork", "Attached", "Documents as requested"],
}
SUBJECTS_EML = {
    "nl": ["Doorgestuurd bericht", "FW: bericht", "Ter info", "Bericht als bijlage", "Fwd: mail", "Doorsturen"],
    "be": ["Doorgestuurd", "Ter info", "Bericht in bijlage"],
    "fr": ["Message transféré", "TR: message", "Pour info"],
    "en": ["Forwarded message", "FW: email", "FYI"],
}
PREFIX = {"nl": ["RE: ", "Re: ", "FW: ", "Fwd: ", "Antw: "], "be": ["RE: ", "Re: ", "FW: "], "fr": ["RE: ", "TR: ", "Re : "], "en": ["RE: ", "Re: ", "Fwd: "]}

LINES = {
    "nl": ["Hierbij de gevraagde documenten.", "Zie bijlage.", "In de bijlage vind je het stuk waar we het over hadden.",
           "Bijgaand het document, zoals telefonisch besproken. Wilt u de ontvangst bevestigen?", "Hierbij nagezonden. Excuses voor de vertraging.",
           "Zoals afgesproken stuur ik je hierbij de stukken voor het overleg van {wd}.", "Ter info.", "Graag je reactie voor {date}.",
           "Het bestand was te groot voor het portaal, daarom per mail.", "Hierbij het bestand. Kun je het voor {wd} doornemen?",
           "Zie de bijlage. Bij vragen kunt u mij bellen.", "In de bijlage het document. De papieren versie volgt per post.",
           "Hierbij, zoals beloofd.", "Voor je archief.", "Wil je dit even nakijken? Dank!", "Hierbij de stukken. Fijn weekend alvast!",
           "Bijgevoegd het bestand waar u om vroeg.", "Hierbij de documenten voor de overdracht van {wd}."],
    "be": ["In bijlage de gevraagde documenten.", "In bijlage vindt u het verslag. Gelieve de goede ontvangst te bevestigen.", "Zoals afgesproken, zie bijlage.",
           "Ter info, zie bijlage.", "Hierbij het document voor het overleg van {wd}.", "Zie bijlage. Bij vragen mag u mij altijd contacteren.",
           "Bezorgd zoals gevraagd."],
    "fr": ["Veuillez trouver ci-joint les documents demandés.", "Comme convenu, je vous transmets le document en pièce jointe.", "Voir pièce jointe.",
           "Ci-joint le document pour la réunion de {wd}.", "Je vous transmets le document ci-joint. N'hésitez pas à me contacter.", "Vous trouverez le fichier en annexe.",
           "Pour information, voir pièce jointe."],
    "en": ["Please find attached the documents you asked for.", "As discussed, see attached.", "Attached, for your records.", "Here you go.",
           "Please see the attached document ahead of {wd}'s meeting.", "Attached as promised. Any questions, give me a call."],
}
LINES_EML = {
    "nl": ["Zie het doorgestuurde bericht in de bijlage.", "Ter info, zie het bericht in de bijlage.", "Ik stuur je dit bericht door als bijlage.",
           "Hierbij het bericht waar ik het over had.", "Zie bijlage (doorgestuurd)."],
    "be": ["In bijlage het bericht dat ik vandaag kreeg.", "Ter info, zie bijlage.", "Bericht in bijlage, zoals besproken."],
    "fr": ["Je vous transfère le message ci-joint.", "Voir le message en pièce jointe.", "Pour info, message ci-joint."],
    "en": ["Forwarding this as an attachment.", "See the attached message, FYI.", "As discussed, the message is attached."],
}
GREET = {"nl": ["Beste {first},", "Hoi {first},", "Goedemorgen,", "Goedemiddag,", "Beste collega,", "Geachte collega,", "Hallo {first},", "Dag {first},", "Geachte heer, mevrouw,", ""],
         "be": ["Dag {first},", "Beste {first},", "Beste collega,", "Geachte,", "Hallo,"],
         "fr": ["Bonjour {first},", "Bonjour,", "Cher Confrère,", "Madame, Monsieur,", "Chère collègue,"],
         "en": ["Hi {first},", "Dear {first},", "Hello,", "Dear colleague,"]}

NAMES = {
    "pdf": {"nl": ["document.pdf", "scan_{d}.pdf", "Scan_0{n}.pdf", "bijlage.pdf", "Verslag.pdf", "stukken.pdf", "DOC{n}.pdf", "brief.pdf", "Overzicht.pdf", "{d}.pdf", "Document1.pdf", "afdruk.pdf"],
            "be": ["document.pdf", "scan{d}.pdf", "verslag.pdf", "bijlage.pdf"], "fr": ["document.pdf", "scan_{d}.pdf", "rapport.pdf", "courrier.pdf"], "en": ["document.pdf", "scan.pdf", "letter.pdf", "report.pdf"]},
    "docx": {"nl": ["Brief.docx", "document.docx", "Verslag.docx", "Bijlage 1.docx", "concept.docx", "Document1.docx", "stuk_{d}.docx", "brief_def.docx"],
             "be": ["verslag.docx", "document.docx", "brief.docx"], "fr": ["courrier.docx", "document.docx", "rapport.docx"], "en": ["letter.docx", "document.docx", "report.docx"]},
    "odt": {"nl": ["document.odt", "Verslag.odt", "brief.odt", "bijlage.odt", "Naamloos 1.odt"], "be": ["verslag.odt", "document.odt"], "fr": ["document.odt", "rapport.odt"], "en": ["document.odt"]},
    "doc": {"nl": ["Brief.doc", "document.doc", "Verslag.doc", "Bijlage.doc", "stuk.doc"], "be": ["verslag.doc", "brief.doc"], "fr": ["courrier.doc", "document.doc"], "en": ["letter.doc", "document.doc"]},
    "rtf": {"nl": ["brief.rtf", "document.rtf", "Verslag.rtf", "export.rtf"], "be": ["verslag.rtf", "document.rtf"], "fr": ["courrier.rtf", "document.rtf"], "en": ["letter.rtf", "document.rtf"]},
    "xlsx": {"nl": ["overzicht.xlsx", "lijst.xlsx", "Map1.xlsx", "export_{d}.xlsx", "bestand.xlsx", "Overzicht week {w}.xlsx", "lijst_def.xlsx"],
             "be": ["overzicht.xlsx", "lijst.xlsx", "Map1.xlsx"], "fr": ["liste.xlsx", "Classeur1.xlsx", "tableau.xlsx"], "en": ["list.xlsx", "Book1.xlsx", "export.xlsx"]},
    "ods": {"nl": ["overzicht.ods", "lijst.ods", "Naamloos 1.ods", "export.ods"], "be": ["lijst.ods", "overzicht.ods"], "fr": ["liste.ods", "tableau.ods"], "en": ["list.ods", "sheet.ods"]},
    "xls": {"nl": ["overzicht.xls", "lijst.xls", "export.xls", "Map1.xls"], "be": ["lijst.xls", "export.xls"], "fr": ["liste.xls", "export.xls"], "en": ["list.xls", "export.xls"]},
    "pptx": {"nl": ["presentatie.pptx", "overleg {d}.pptx", "slides.pptx", "Presentatie1.pptx", "bespreking.pptx"], "be": ["presentatie.pptx", "overleg.pptx"],
             "fr": ["presentation.pptx", "reunion.pptx"], "en": ["slides.pptx", "presentation.pptx"]},
    "zip": {"nl": ["stukken.zip", "documenten.zip", "bijlagen.zip", "archief.zip", "{d}.zip", "bestanden.zip"], "be": ["documenten.zip", "bijlagen.zip"],
            "fr": ["documents.zip", "archive.zip"], "en": ["documents.zip", "files.zip"]},
    "eml": {"nl": ["Doorgestuurd bericht.eml", "bericht.eml", "FW_ bericht.eml", "mail.eml", "ATT00001.eml", "Re_ vraag.eml"], "be": ["bericht.eml", "Doorgestuurd bericht.eml"],
            "fr": ["message.eml", "TR_ message.eml"], "en": ["message.eml", "FW_ email.eml"]},
}
# non-ASCII names, sent RFC 2231-encoded
NAMES_8BIT = {"nl": ["Stukken – {m}.{x}", "Bijlage (geüpdatet).{x}", "Coördinatie {d}.{x}", "Overzicht – kopie.{x}"],
              "be": ["Bijlage – {m}.{x}", "Coördinatie.{x}"],
              "fr": ["Pièce jointe.{x}", "Document signé.{x}", "Réunion {d}.{x}", "Procès-verbal.{x}"],
              "en": ["Notes – copy.{x}", "Document (révisé).{x}"]}

ROLES = {"nl": ["vvt", "vvt", "thuis", "hosp", "ggz", "gp", "arbo", "apo", "extorg"], "be": ["be_wzc", "be_hosp", "be_gp", "be_thuis"],
         "fr": ["fr_mrs", "fr_hosp", "fr_gp", "fr_inf"], "en": ["en_hosp", "en_gp", "en_carehome", "en_expat"]}

# words that must never appear in the bland parts (subject, body, file names)
HEALTH = re.compile(r"(diagnos|medica|médica|patiënt|patient|cliënt|client|bewoner|résident|resident|ziek|malad|BSN|rijksregister|INSZ|NISS|NHS|"
                    r"dementie|diabet|wond|zorgplan|ontslag|verwijs|MDO|MIC|VIM|incident|arts|médecin|burn|depress|kanker|cancer)", re.I)


# ------------------------------------------------------------------ planning

class Item:
    pass


def lang_quota(ti, n, label):
    if label == "sensitive":
        q = [("nl", 10), ("be", 2), ("fr", 2), ("en", 2)] if ti % 2 == 0 else [("nl", 9), ("be", 3), ("fr", 3), ("en", 1)]
    else:
        q = [("nl", 8), ("be", 2), ("fr", 2), ("en", 1)] if ti % 2 == 0 else [("nl", 8), ("be", 2), ("fr", 1), ("en", 2)]
    out = []
    for l, k in q:
        out += [l] * k
    assert len(out) == n, (ti, n, label)
    return out


class Picker:
    """Least-used template first, ties broken by the rng."""

    def __init__(self, rng):
        self.rng = rng
        self.used = {}
        self.typ = None

    def pick(self, label, kind, lang, flag=None, exclude=()):
        pool = [t for t in REG if t.label == label and t.kind == kind and t.lang == lang and t.id not in exclude]
        if flag:
            f = [t for t in pool if flag in t.flags]
            if f:
                pool = f
        if not pool:
            raise RuntimeError("no template for %s/%s/%s" % (label, kind, lang))
        def key(t):
            return (self.used.get((t.id, self.typ), 0), self.used.get(t.id, 0))
        m = min(key(t) for t in pool)
        cands = [t for t in pool if key(t) == m]
        t = cands[self.rng.randrange(len(cands))]
        self.used[t.id] = self.used.get(t.id, 0) + 1
        self.used[(t.id, self.typ)] = self.used.get((t.id, self.typ), 0) + 1
        return t


def when_for(rng):
    return G.msg_date(rng)


def doc_org(doc):
    """The organisation named in a document's letterhead, if any."""
    for b in doc.blocks[:4]:
        if b[0] == "p" and b[2] in ("lh", "r", "title") and len(str(b[1])) < 70 and not re.search(r"\d", str(b[1])):
            if b[2] != "title":
                return str(b[1]).replace("**", "").split(" - ")[0]
        if b[0] == "table" and not b[2] and not b[4] and str(b[1][0][0]).startswith("**"):
            return str(b[1][0][0]).replace("**", "")
        if b[0] == "p" and b[2] is None and str(b[1]).startswith("**") and len(str(b[1])) < 70:
            return str(b[1]).replace("**", "")
    for h in doc.header:
        if " | " in h and not re.search(r"\d{4}", h.split(" | ")[0]):
            return h.split(" | ")[0].strip()
    return None


def make_doc(t, c, flags=()):
    c.flags = set(flags)
    doc = t.f(c)
    if "page2" in flags and isinstance(doc, TextDoc):
        cover = TextDoc()
        org = doc_org(doc)
        what = {"nl": c.pick(["Stukken", "Documenten", "Verslag", "Overdracht"]), "be": "Documenten", "fr": c.pick(["Documents", "Rapport"]), "en": c.pick(["Documents", "Report"])}[c.lang]
        cover_page(cover, c, org, what)
        doc.blocks = cover.blocks + doc.blocks
        c.notes.append("health data only from page 2" if t.label == "sensitive" else "cover page")
    if "header" in flags and t.label == "sensitive" and "header" in t.flags:
        c.notes.append("person only in the page header")
    if isinstance(doc, TextDoc) and c.chance(0.15):
        idx = [i for i, b in enumerate(doc.blocks) if b[0] == "p" and not re.search(r"\d", str(b[1])) and len(str(b[1])) > 60]
        if idx:
            i = c.pick(idx)
            b = doc.blocks[i]
            doc.blocks[i] = ("p", typo(c, b[1]), b[2])
            c.notes.append("typo")
    return doc


def plan(seed):
    master = random.Random(seed)
    picker = Picker(master)
    items = []
    jobs = []
    for ti, typ in enumerate(TYPES):
        picker.typ = typ
        for label, n in (("sensitive", N_SENS), ("clean", N_CLEAN)):
            langs = lang_quota(ti, n, label)
            master.shuffle(langs)
            variants = variant_list(typ, label, n, master)
            for i in range(n):
                rng = random.Random("%d/%s/%s/%d" % (seed, typ, label, i))
                it = Item()
                it.typ, it.label, it.lang, it.idx = typ, label, langs[i], i + 1
                it.rng = rng
                it.when = when_for(rng)
                it.c = Ctx(rng, it.lang, it.when)
                it.variant = variants[i]
                it.attach = []   # list of dicts: job / zip spec
                it.notes = []
                it.templates = []
                build_item(it, picker, jobs)
                items.append(it)
    return items, jobs


def variant_list(typ, label, n, rng):
    v = [""] * n
    s = label == "sensitive"
    if typ == "pdf":
        v = ["page2"] * (6 if s else 3) + (["header", "header"] if s else []) + ["sheet", "sheet2", "slides", "html", "html", "two"]
        v += [""] * (n - len(v))
    elif typ in ("docx", "odt", "doc", "rtf"):
        base = (["header"] * 4 if s else []) + (["html"] * (3 if typ == "docx" else 1 if typ in ("doc", "odt") else 0)) + (["two"] if typ in ("docx",) else [])
        v = base + [""] * (n - len(base))
    elif typ in ("xlsx", "ods", "xls"):
        base = ["2sheets"] * (4 if s else 2) + (["bsnnum"] * 4 if s else []) + (["csv"] * (3 if typ == "xlsx" else 1 if typ == "xls" else 0)) + (["two"] if typ == "xlsx" else [])
        v = base + [""] * (n - len(base))
    elif typ == "zip":
        base = ["nested"] * (3 if s else 2) + ["three", "three", "two", "two", "csv", "csv"]
        v = base + [""] * (n - len(base))
    v = v[:n]
    rng.shuffle(v)
    return v


def job_for(jobs, it, doc, target, via=None, jid=None):
    jid = jid or "%s-%s-%03d-%d" % (it.typ, it.label[0], it.idx, len(jobs))
    j = office.Job(jid, doc, target, via)
    jobs.append(j)
    return j


def build_item(it, picker, jobs):
    c, typ, label, lang, var = it.c, it.typ, it.label, it.lang, it.variant
    if typ in ("pdf", "docx", "odt", "doc", "rtf"):
        kind = "text"
        via = "text"
        flags = set()
        pflag = None
        if typ == "pdf" and var in ("sheet", "sheet2"):
            kind = "sheet"
            if var == "sheet2":
                flags = {"2sheets"}
                pflag = "2sheets"
        elif typ == "pdf" and var == "slides":
            kind = "slides"
        if var in ("page2", "header"):
            flags.add(var)
            pflag = "header" if var == "header" else None
        t = picker.pick(label, kind, lang, flag=pflag)
        if var == "html" and "header" not in flags:
            via = "html"
        doc = make_doc(t, c, flags)
        if kind == "sheet":
            doc.single_face = True
        if kind == "sheet" and "2sheets" in flags:
            c.notes.append("sheet data on page 2" if label == "sensitive" else "2 sheets")
        it.templates.append(t.id)
        j = job_for(jobs, it, doc, typ, via if kind == "text" else None)
        it.attach.append({"job": j, "ext": typ})
        if via == "html":
            c.notes.append("converted from HTML")
        if var == "two":
            # a second, clean document of the same type (a leaflet, a form)
            t2 = picker.pick("clean", "text", lang)
            c2 = Ctx(it.rng, lang, it.when)
            c2.used = c.used
            doc2 = make_doc(t2, c2, set())
            j2 = job_for(jobs, it, doc2, typ)
            it.attach.append({"job": j2, "ext": typ})
            it.templates.append(t2.id)
            c.notes.append("two attachments")
    elif typ in ("xlsx", "ods", "xls"):
        flags = {var} if var in ("2sheets", "bsnnum") else set()
        t = picker.pick(label, "sheet", lang, flag=var if var in ("2sheets", "bsnnum") else None)
        doc = make_doc(t, c, flags)
        if "bsnnum" in flags and "bsnnum" in t.flags:
            c.notes.append("identifier as a number cell, name in another column")
        it.templates.append(t.id)
        via = "csv" if var == "csv" else None
        if via:
            c.notes.append("converted from CSV")
            if len(doc.sheets) > 1:
                doc.sheets = doc.sheets[-1:]
        j = job_for(jobs, it, doc, typ, via)
        it.attach.append({"job": j, "ext": typ})
        if var == "two":
            t2 = picker.pick("clean", "sheet", lang)
            doc2 = make_doc(t2, Ctx(it.rng, lang, it.when), set())
            it.attach.append({"job": job_for(jobs, it, doc2, typ), "ext": typ})
            it.templates.append(t2.id)
            c.notes.append("two attachments")
    elif typ == "pptx":
        t = picker.pick(label, "slides", lang)
        doc = make_doc(t, c)
        it.templates.append(t.id)
        it.attach.append({"job": job_for(jobs, it, doc, "pptx"), "ext": "pptx"})
    elif typ == "zip":
        it.attach.append({"zip": build_zip_spec(it, picker, jobs), "ext": "zip"})
    elif typ == "eml":
        t = picker.pick(label, "mail", lang)
        c.flags = set()
        inner = t.f(c)
        it.templates.append(t.id)
        it.attach.append({"inner": inner, "ext": "eml"})


MEMBER_NAMES = {
    "nl": {"text": ["brief", "verslag", "document", "overdracht", "scan", "stuk"], "sheet": ["lijst", "overzicht", "export"], "slides": ["presentatie"]},
    "be": {"text": ["verslag", "brief", "document"], "sheet": ["lijst", "overzicht"], "slides": ["presentatie"]},
    "fr": {"text": ["courrier", "rapport", "document"], "sheet": ["liste", "tableau"], "slides": ["presentation"]},
    "en": {"text": ["letter", "report", "document"], "sheet": ["list", "export"], "slides": ["slides"]},
}


def member_name(c, kind, ext, taken):
    base = c.pick(MEMBER_NAMES[c.lang][kind])
    if c.chance(0.3):
        base += "_" + c.today.strftime("%Y%m%d")
    name = "%s.%s" % (base, ext)
    k = 2
    while name in taken:
        name = "%s_%d.%s" % (base, k, ext)
        k += 1
    taken.add(name)
    return name


def build_zip_spec(it, picker, jobs):
    """Members: 1-3 documents (docx, pdf, xlsx, csv); for 'nested' an inner zip."""
    c, label, lang, var = it.c, it.label, it.lang, it.variant
    n = {"three": 3, "two": 2, "csv": 2, "nested": 2}.get(var, c.pick([1, 1, 2]))
    members = []
    taken = set()
    # the first member carries the label: sensitive for sensitive messages
    for k in range(n):
        lab = label if k == 0 else "clean"
        if var == "csv" and k == 0:
            kind, ext = "sheet", "csv"
        else:
            kind = c.pick(["text", "text", "sheet"]) if k == 0 else c.pick(["text", "sheet"])
            ext = c.pick(["docx", "pdf"]) if kind == "text" else "xlsx"
        t = picker.pick(lab, kind, lang)
        cc = c if k == 0 else Ctx(it.rng, lang, it.when)
        if k:
            cc.used = c.used
        doc = make_doc(t, cc, set())
        it.templates.append(t.id)
        name = member_name(c, kind, ext, taken)
        if ext == "csv":
            sheet_i = len(doc.sheets) - 1
            members.append({"name": name, "csv": doc.csv(c.pick([";", ","]), sheet_i)})
            c.notes.append("csv in zip")
        else:
            members.append({"name": name, "job": job_for(jobs, it, doc, ext)})
    if var == "nested":
        inner_name = c.pick({"nl": ["bijlagen.zip", "archief.zip", "export.zip"], "be": ["bijlagen.zip"], "fr": ["annexes.zip"], "en": ["attachments.zip"]}[lang])
        readme = {"nl": "Zie de documenten in het archief.\r\n", "be": "Zie documenten in het archief.\r\n",
                  "fr": "Voir les documents dans l'archive.\r\n", "en": "See the documents in the archive.\r\n"}[lang]
        rname = c.pick({"nl": ["leesmij.txt", "info.txt"], "be": ["info.txt", "leesmij.txt"], "fr": ["lisezmoi.txt", "info.txt"], "en": ["README.txt", "info.txt"]}[lang])
        members = [{"name": inner_name, "zip": members}, {"name": rname, "csv": readme}]
        c.notes.append("zip inside a zip")
    return members


# ------------------------------------------------------------------ assembling

def render_zip(members, created, rng):
    out = []
    names = []
    for m in members:
        if "job" in m:
            if m["job"].data is None:
                raise RuntimeError(m["job"].error)
            out.append((m["name"], m["job"].data))
            names.append(m["name"])
        elif "zip" in m:
            data, inner = render_zip(m["zip"], created, rng)
            out.append((m["name"], data))
            names.append("%s[%s]" % (m["name"], ",".join(inner)))
        else:
            data = m["csv"].encode("utf-8") if rng.random() < 0.7 else m["csv"].encode("windows-1252", "replace")
            out.append((m["name"], data))
            names.append(m["name"])
    method = office.zipfile.ZIP_STORED if rng.random() < 0.2 else office.zipfile.ZIP_DEFLATED
    return office.make_zip(out, created, method=method), names


def png_logo(rng):
    w, h = 60, 18
    col = bytes([rng.randint(0, 120), rng.randint(60, 160), rng.randint(120, 220)])
    raw = b"".join(b"\x00" + col * w for _ in range(h))

    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def fill(s, c, ext="pdf"):
    wd = G.WEEKDAYS[c.lang][c.day(c.rng.randint(1, 5)).weekday()]
    return s.format(first="", d=c.today.strftime("%Y%m%d"), n=c.rng.randint(100, 9999), w=c.today.isocalendar()[1], week=c.today.isocalendar()[1],
                    date=c.dn(c.rng.randint(2, 9), "short"), wd=wd, m=G.MONTHS[c.lang][c.today.month - 1], x=ext)


def att_name(c, ext, eight_bit):
    if eight_bit and ext != "eml":
        return fill(c.pick(NAMES_8BIT[c.lang]), c, ext)
    return fill(c.pick(NAMES[ext][c.lang]), c, ext)


def pct(s):
    return urllib.parse.quote(s, safe="")


def att_part(data, ctype, fname, rng, style, when):
    """An attachment leaf, base64, with one of several header styles."""
    ascii_name = all(ord(ch) < 128 for ch in fname)
    h = []
    if ascii_name:
        h.append(("Content-Type", '%s; name="%s"' % (ctype, fname)))
        if style == "outlook":
            h.append(("Content-Description", fname))
            h.append(("Content-Disposition", 'attachment; filename="%s"; size=%d;\n creation-date="%s";\n modification-date="%s"'
                      % (fname, len(data), email.utils.format_datetime(when), email.utils.format_datetime(when))))
        else:
            h.append(("Content-Disposition", 'attachment; filename="%s"' % fname))
    else:
        enc = "utf-8''" + pct(fname)
        if style == "outlook":
            h.append(("Content-Type", '%s; name="%s"' % (ctype, mime.enc_words(fname, "utf-8", "B"))))
            h.append(("Content-Disposition", "attachment; filename*=%s; size=%d" % (enc, len(data))))
        elif style == "cont" and len(enc) > 40:
            cut = enc[:30].rfind("%") if "%" in enc[25:30] else 30
            cut = max(cut, 14)
            h.append(("Content-Type", "%s;\n name*=%s" % (ctype, enc)))
            h.append(("Content-Disposition", "attachment;\n filename*0*=%s;\n filename*1*=%s" % (enc[:cut], enc[cut:])))
        else:
            h.append(("Content-Type", "%s;\n name*=%s" % (ctype, enc)))
            h.append(("Content-Disposition", "attachment;\n filename*=%s" % enc))
    h.append(("Content-Transfer-Encoding", "base64"))
    if style == "gmail":
        xid = "f_%s" % hashlib.md5(data[:64] + fname.encode()).hexdigest()[:10]
        h.append(("Content-ID", "<%s>" % xid))
        h.append(("X-Attachment-Id", xid))
    return mime.Part(h, base64.encodebytes(data))


def party(name, addr, first="", org="", role="staff"):
    dom = addr.split("@", 1)[1] if "@" in addr else ""
    return G.Party(name, addr, first, name, "", org, dom, None, "", role=role)


def body_text(c, frm_p, frm_title, frm_org, to_first, eml, rng):
    lang = c.lang
    line = fill(c.pick((LINES_EML if eml else LINES)[lang]), c)
    g = c.pick(GREET[lang])
    g = g.format(first=to_first) if "{first}" not in g or to_first else c.pick([x for x in GREET[lang] if "{first}" not in x])
    style = c.pick(["full", "full", "short", "short", "mobile"])
    if style == "short":
        so = c.pick(SIGNOFF[lang]["informal"])
        txt = ("%s\n\n%s\n\n%s\n%s" % (g, line, so, frm_p.first)) if g else "%s\n\n%s\n%s" % (line, so, frm_p.first)
    elif style == "mobile":
        txt = "%s\n\n%s\n\n%s" % (line, frm_p.first, c.pick(MOBILE[lang]))
    else:
        so = c.pick(SIGNOFF[lang]["formal"])
        sig = [frm_p.full(), frm_title[:1].upper() + frm_title[1:], frm_org]
        if c.chance(0.6):
            sig.append({"nl": "T ", "be": "Tel. ", "fr": "Tél. ", "en": "Tel "}[lang] + c.phone())
        txt = ("%s\n\n" % g if g else "") + "%s\n\n%s\n\n%s" % (line, so, "\n".join(sig))
        if c.chance(0.3):
            txt += "\n\n" + c.pick(["", "-- ", "_" * 30]) + "\n" + c.pick(DISCLAIMER[lang]).replace("{org}", frm_org)
    return txt + "\n", line


def inner_message(inner, c, rng, when):
    """The forwarded message as RFC 5322 bytes (for the eml type)."""
    dt = (when - datetime.timedelta(hours=rng.randint(2, 96))).replace(tzinfo=G.tz_for(when, "x.nl"))
    frm = party(inner.frm, inner.frm_addr)
    to = party(inner.to, inner.to_addr)
    style = rng.choice(["plain", "plain", "qp", "alt", "b64", "latin1"])
    body = inner.body.rstrip("\n") + "\n"
    if style == "alt":
        tp = mime.text_part(body, "plain", "utf-8", rng.choice([None, "quoted-printable"]))
        hp = mime.text_part(mime.html_from_text(body, rng.choice(["outlook", "gmail", "apple", "plain"])), "html", "utf-8", "quoted-printable")
        part = mime.multipart("alternative", [tp, hp], G.boundary(rng, rng.choice(["outlook", "gmail", "apple", "java"])))
        cs = "utf-8"
    else:
        cs = "iso-8859-1" if style == "latin1" and mime.can_encode(body, "iso-8859-1") else "utf-8"
        cte = {"qp": "quoted-printable", "b64": "base64", "latin1": rng.choice([None, "quoted-printable"])}.get(style)
        part = mime.text_part(body, "plain", cs, cte)
    mid = rng.choice(["outlook", "gmail", "apple", "java"])
    headers = G.headers_for(frm, [to], [], inner.subj, dt, c.lang, rng, mid, cs)
    data = part.render(headers)
    return data, style


def assemble(it):
    c, rng, lang = it.c, it.rng, it.lang
    role = c.pick(ROLES[lang])
    org, dom = c.org(role)
    title = c.pick(ORGS[role][1])
    sender = c.staff()
    rcpt = c.staff()
    rrole = c.pick(ROLES[lang])
    rorg, rdom = c.org(rrole) if c.chance(0.6) else (org, dom)
    frm = party(sender.full(), people.local_part(sender, rng) + "@" + dom, sender.first, org)
    to = party(rcpt.full() if c.chance(0.8) else "", people.local_part(rcpt, rng) + "@" + rdom, rcpt.first, rorg)
    eml = it.typ == "eml"
    subj = fill(c.pick((SUBJECTS_EML if eml else SUBJECTS)[lang]), c)
    if subj and c.chance(0.15):
        subj = c.pick(PREFIX[lang]) + subj
    body, line = body_text(c, sender, title, org, rcpt.first, eml, rng)
    when = it.when.replace(tzinfo=G.tz_for(it.when, dom))
    # attachments
    parts = []
    att_names = []
    ctypes = []
    created = it.when.replace(tzinfo=None)
    for a in it.attach:
        ext = a["ext"]
        eight = c.chance(0.08) and ext != "eml"
        fname = att_name(c, ext, eight)
        while fname in att_names:
            fname = att_name(c, ext, eight)
        if "job" in a:
            if a["job"].data is None:
                raise RuntimeError(a["job"].error)
            data = a["job"].data
            shown = fname
        elif "zip" in a:
            data, inner_names = render_zip(a["zip"], created, rng)
            shown = "%s[%s]" % (fname, ",".join(inner_names))
        else:
            data, istyle = inner_message(a["inner"], c, rng, it.when)
            shown = fname
            c.notes.append("inner message body: %s" % istyle)
        if ext == "eml":
            ctype = "application/octet-stream"
        elif c.chance(0.1):
            ctype = "application/octet-stream"
        else:
            ctype = c.pick(CTYPE[ext])
        style = c.pick(["std", "std", "outlook", "gmail"] + (["cont", "rfc2231"] if not all(ord(ch) < 128 for ch in fname) else []))
        if not all(ord(ch) < 128 for ch in fname):
            c.notes.append("RFC 2231 file name")
        parts.append(att_part(data, ctype, fname, rng, style, when))
        att_names.append(shown)
        ctypes.append(ctype)
    # body structure
    bmark = c.pick(["outlook", "outlook", "gmail", "apple", "java"])
    if bmark == "outlook":
        structure = c.pick(["plain", "alt", "related", "related"])
    elif bmark == "java":
        structure = c.pick(["plain", "plain", "html", "alt"])
    else:
        structure = c.pick(["plain", "alt", "alt", "html"])
    cs = "utf-8"
    if structure == "plain":
        cs = "iso-8859-1" if c.chance(0.2) and mime.can_encode(body, "iso-8859-1") else "utf-8"
        bp = mime.text_part(body, "plain", cs, c.pick([None, None, "quoted-printable"]))
        top = [bp]
    elif structure == "html":
        bp = mime.text_part(mime.html_from_text(body, {"gmail": "gmail", "apple": "apple"}.get(bmark, "plain")), "html", "utf-8", "quoted-printable")
        top = [bp]
    else:
        hstyle = {"outlook": "outlook", "gmail": "gmail", "apple": "apple"}.get(bmark, "plain")
        html = mime.html_from_text(body, hstyle)
        tp = mime.text_part(body, "plain", "utf-8", c.pick([None, "quoted-printable"]))
        if structure == "related":
            cid = "image001.png@01DA%s.%s" % (hashlib.md5(body.encode()).hexdigest()[:4].upper(), hashlib.md5(subj.encode()).hexdigest()[:8].upper())
            html = html.replace("</div>\n</body>", '<p class="MsoNormal"><img width="60" height="18" src="cid:%s" alt="logo"></p>\n</div>\n</body>' % cid)
            hp = mime.text_part(html, "html", "utf-8", "quoted-printable")
            alt = mime.multipart("alternative", [tp, hp], G.boundary(rng, "outlook"))
            img = mime.Part([("Content-Type", 'image/png; name="image001.png"'), ("Content-Description", "image001.png"),
                             ("Content-Disposition", 'inline; filename="image001.png"'), ("Content-ID", "<%s>" % cid),
                             ("Content-Transfer-Encoding", "base64")], base64.encodebytes(png_logo(rng)))
            top = [mime.multipart("related", [alt, img], G.boundary(rng, "outlook"), extra='; type="multipart/alternative"')]
        else:
            hp = mime.text_part(html, "html", "utf-8", "quoted-printable")
            top = [mime.multipart("alternative", [tp, hp], G.boundary(rng, bmark))]
    msg = mime.multipart("mixed", top + parts, G.boundary(rng, bmark), preamble="This is a multi-part message in MIME format." if c.chance(0.3) else None)
    headers = G.headers_for(frm, [to], [], subj, when, lang, rng, bmark, cs)
    data = msg.render(headers)
    crlf = c.chance(0.15)
    if crlf:
        data = G.to_crlf(data)
    # bland check: nothing of the document's persons or identifiers in subject, body or file names
    bland = " ".join([subj, body] + [a for a in att_names if "[" not in a] + [a.split("[")[0] for a in att_names])
    for s in c.secrets:
        if len(s) >= 3 and re.search(r"\b%s\b" % re.escape(s), bland):
            raise RuntimeError("person data in bland part of %s: %r in %r" % (it.file, s, bland))
    m = HEALTH.search(subj + "\n" + line + "\n" + " ".join(att_names))
    if m:
        raise RuntimeError("health word %r in bland part of %s" % (m.group(0), it.file))
    struct_note = "%s%s" % (structure, ", CRLF" if crlf else "")
    return data, att_names, ctypes, struct_note


def slugify(s):
    s = people.ascii_fold(s.lower())
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=20240611)
    ap.add_argument("--out", default=os.path.abspath(os.path.join(HERE, "..")))
    ap.add_argument("--work", default=None, help="scratch directory for LibreOffice (default: a temporary directory)")
    args = ap.parse_args()
    if shutil.which("soffice") is None:
        sys.exit("generate.py needs LibreOffice (soffice) on PATH")
    items, jobs = plan(args.seed)
    work = args.work or os.path.join("/tmp", "sluis-attach-work-%d" % os.getpid())
    office.convert_all(jobs, work)
    failed = [j for j in jobs if j.data is None]
    for sub in ("sensitive", "clean"):
        p = os.path.join(args.out, sub)
        if os.path.isdir(p):
            shutil.rmtree(p)
    rows = []
    for it in items:
        tid = it.templates[0]
        it.file = "%s/%s/%03d-%s.eml" % (it.label, it.typ, it.idx, tid)
        if any("job" in a and a["job"].data is None for a in it.attach):
            print("skipping %s: conversion failed" % it.file)
            continue
        data, names, ctypes, snote = assemble(it)
        path = os.path.join(args.out, it.file)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as fh:
            fh.write(data)
        notes = []
        for n in it.c.notes:
            if n not in notes:
                notes.append(n)
        if len(it.templates) > 1:
            notes.append("also: " + ",".join(it.templates[1:]))
        notes.append("body " + snote)
        rows.append([it.file, it.label, it.typ, it.lang, tid, ";".join(names), ";".join(ctypes), "; ".join(notes)])
    rows.sort()
    with open(os.path.join(args.out, "manifest.tsv"), "w", encoding="utf-8") as fh:
        fh.write("file\tlabel\ttype\tlang\ttemplate\tattachments\tmime_types\tnotes\n")
        for r in rows:
            fh.write("\t".join(x.replace("\t", " ") for x in r) + "\n")
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    counts = {}
    for r in rows:
        counts[(r[2], r[1])] = counts.get((r[2], r[1]), 0) + 1
    for t in TYPES:
        print("%-5s sensitive %3d  clean %3d" % (t, counts.get((t, "sensitive"), 0), counts.get((t, "clean"), 0)))
    print("total %d messages, %d conversion failures" % (len(rows), len(failed)))


if __name__ == "__main__":
    main()
