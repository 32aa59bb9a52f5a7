"""Per-document context: fictitious persons, organisations, dates and
identifiers, drawn from a seeded random.Random, plus the small pieces that
many documents share (letterheads, signatures, cover pages).

Persons and identifiers come from the corpus helpers (people.py, ids.py);
organisations from parties.py. Extra organisations defined here also use
-example domains."""

import datetime
import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS_TOOLS = os.path.join(HERE, "..", "..", "corpus", "tools")
sys.path.insert(0, os.path.abspath(CORPUS_TOOLS))

# the corpus generator, loaded under its own name (this folder has a generate.py too)
_spec = importlib.util.spec_from_file_location("corpus_generate", os.path.join(os.path.abspath(CORPUS_TOOLS), "generate.py"))
G = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(G)
import ids  # noqa: E402
import people  # noqa: E402
from parties import CITIES, MUTS, ORGS, STREETS, WARDS  # noqa: E402

MONTHS = people.MONTHS
WEEKDAYS = people.WEEKDAYS

# organisations that parties.py does not have (all fictitious, -example domains)
EXTRA_ORGS = {
    "ghz": [("Gehandicaptenzorg De Horizon", "horizon-zorg-example.nl")],
    "revalidatie": [("Revalidatiecentrum Het Roer", "hetroer-example.nl")],
    "hospice": [("Hospice De Vlinder", "hospice-example.nl")],
    "be_cgg": [("CGG Waas & Dender", "cgg-wd-example.be")],
    "be_arbeid": [("Externe Dienst Preventie & Bescherming Medi-Prev", "mediprev-example.be")],
    "fr_travail": [("Service externe de prévention Prévensa", "prevensa-example.be")],
    "en_oh": [("WorkWell Occupational Health", "workwell-example.co.uk")],
}


def org(rng, role):
    if role in EXTRA_ORGS:
        return rng.choice(EXTRA_ORGS[role])
    return rng.choice(ORGS[role][0])


def job_title(rng, role):
    return rng.choice(ORGS[role][1])


class Ctx:
    def __init__(self, rng, lang, when):
        self.rng = rng
        self.lang = lang
        self.when = when
        self.today = when.date()
        self.used = set()
        self.secrets = []      # strings that must not leak into the bland mail parts
        self.flags = set()
        self.notes = []

    # random ---------------------------------------------------------------
    def pick(self, seq):
        return seq[self.rng.randrange(len(seq))]

    def chance(self, p):
        return self.rng.random() < p

    def shuffle(self, seq):
        seq = list(seq)
        self.rng.shuffle(seq)
        return seq

    def sample(self, seq, k):
        return self.rng.sample(list(seq), k)

    def flag(self, f):
        return f in self.flags

    # persons ----------------------------------------------------------------
    def person(self, gen="old", sex=None, lang=None, secret=True, age=None):
        lang = lang or self.lang
        for _ in range(60):
            p = people.Person(self.rng, lang, sex=sex, gen=gen)
            if p.sur not in self.used and p.first not in self.used:
                break
        self.used.add(p.sur)
        self.used.add(p.first)
        if age is not None:
            y = self.today.year - age - (1 if self.chance(0.5) else 0)
            p.dob = datetime.date(y, self.rng.randint(1, 12), self.rng.randint(1, 28))
        if secret:
            self.secrets += [p.sur, p.full()]
        return p

    def staff(self, sex=None, lang=None):
        return self.person(gen="young", sex=sex, lang=lang, secret=False)

    def doctor(self, title=None, lang=None):
        lang = lang or self.lang
        d = self.staff(lang=lang)
        pre = {"nl": ["dr. ", "dr. ", "", "drs. "], "be": ["dr. ", "Dr. ", "dokter "], "fr": ["Dr ", "Dr ", "Docteur "], "en": ["Dr "]}[lang]
        d.dr = self.pick(pre) + (d.first[0] + ". " if self.chance(0.5) else d.first + " ") + d.last_low()
        d.drlast = self.pick(pre).strip() + " " + d.last_cap() if lang != "nl" else "dr. " + d.last_cap()
        return d

    # ids ----------------------------------------------------------------------
    def bsn(self, style=None):
        b = ids.bsn(self.rng)
        self.secrets.append(b)
        if style == "raw":
            return b
        return ids.fmt_bsn(b, style or self.pick(["plain", "plain", "plain", "dots4", "spaces", "dots3"]))

    def nrn(self, p, style=None, bis=False):
        n = ids.nrn(self.rng, p.dob, p.sex, bis=self.pick([20, 40]) if bis else None)
        self.secrets.append(n)
        if style == "raw":
            return n
        return ids.fmt_nrn(n, style or self.pick(["official", "official", "plain", "spaces"]))

    def nhs(self):
        n = G.nhs_number(self.rng)
        self.secrets.append(n.replace(" ", ""))
        return n

    def agb(self):
        return ids.agb(self.rng)

    def big(self):
        return ids.big(self.rng)

    def riziv(self):
        return ids.riziv(self.rng)

    def patnr(self):
        return str(self.rng.randint(1000000, 9899999))

    # places, phones ------------------------------------------------------------
    def org(self, role):
        return org(self.rng, role)

    def addr(self, lang=None):
        return G.address(lang or self.lang, self.rng)[0]

    def addr_lines(self, lang=None):
        a, parts = G.address(lang or self.lang, self.rng)
        street, nr, pc, city = parts
        lang = lang or self.lang
        if lang == "en":
            return ["%d %s" % (nr, street), "%s %s" % (city, pc)]
        if lang == "fr" and len(pc) == 5:
            return ["%d %s" % (nr, street), "%s %s" % (pc, city)]
        return ["%s %d" % (street, nr), "%s %s" % (pc, city)]

    def city(self, lang=None):
        return self.pick(CITIES[lang or self.lang])[0]

    def street(self, lang=None):
        return self.pick(STREETS[lang or self.lang])

    def ward(self, lang=None):
        return self.pick(WARDS[lang or self.lang])

    def mut(self, lang=None):
        return self.pick(MUTS[lang or self.lang])

    def phone(self, mobile=False, lang=None):
        return G.phone(lang or self.lang, self.rng, mobile)

    # dates ----------------------------------------------------------------------
    def day(self, offset):
        return self.today + datetime.timedelta(days=offset)

    def d(self, date, style="num"):
        lang = self.lang
        if style == "num":
            if lang == "nl":
                return "%d-%d-%d" % (date.day, date.month, date.year) if self.chance(0.3) else "%02d-%02d-%d" % (date.day, date.month, date.year)
            return "%02d/%02d/%d" % (date.day, date.month, date.year)
        if style == "long":
            return "%d %s %d" % (date.day, MONTHS[lang][date.month - 1], date.year)
        if style == "short":
            return "%d-%d" % (date.day, date.month) if lang == "nl" else "%02d/%02d" % (date.day, date.month)
        if style == "iso":
            return date.isoformat()
        if style == "dot":
            return "%02d.%02d.%d" % (date.day, date.month, date.year)
        raise ValueError(style)

    def dn(self, offset, style="num"):
        return self.d(self.day(offset), style)

    def dob(self, p, style=None):
        if style is None:
            return p.dob_fmt()
        return self.d(p.dob, style)

    def age(self, p):
        return p.age(self.today)

    def time(self, h=None, m=None):
        h = self.rng.randint(7, 21) if h is None else h
        m = self.pick([0, 5, 10, 15, 20, 30, 40, 45, 50]) if m is None else m
        return G.fmt_time(h, m, self.lang, self.rng)

    # pronouns ---------------------------------------------------------------------
    def pr(self, p, f, m):
        return f if p.sex == "f" else m


# ------------------------------------------------------------------ shared pieces

def letterhead(doc, c, orgname, lines=None, style=None, domain=None):
    """Add an organisation letterhead in one of several layouts."""
    lang = c.lang
    lines = lines if lines is not None else c.addr_lines()
    tel = {"nl": "T", "be": "Tel.", "fr": "Tél.", "en": "Tel"}[lang]
    extra = [("%s %s" % (tel, c.phone()))]
    if c.chance(0.5):
        extra.append("www.%s" % (domain or slugdomain(orgname)))
    style = style or c.pick(["left", "right", "table", "header", "plain", "left"])
    if style == "left":
        doc.p(orgname, "lh")
        doc.p("\n".join(lines + extra), "s")
    elif style == "right":
        doc.p(orgname, "r")
        doc.p("\n".join(lines + extra), "r")
    elif style == "table":
        doc.table([["**%s**" % orgname, "\n".join(lines + extra)]], head=False, border=False, widths=(8.0, 8.5))
    elif style == "header":
        doc.header.insert(0, orgname + "  |  " + "  ".join(lines))
    else:
        doc.p("**%s**" % orgname)
    return style


def slugdomain(orgname):
    s = people.ascii_fold(orgname.lower())
    s = "".join(ch if ch.isalnum() else "-" for ch in s).strip("-")
    while "--" in s:
        s = s.replace("--", "-")
    return s.split("-")[0] + "-" + s.split("-")[-1] + "-example.nl" if "-" in s else s + "-example.nl"


def signature(c, name, title, extra=None, closing=None):
    lang = c.lang
    closing = closing or c.pick({
        "nl": ["Met vriendelijke groet,", "Met collegiale groet,", "Met vriendelijke groeten,", "Hoogachtend,"],
        "be": ["Met collegiale groeten,", "Met vriendelijke groeten,", "Vriendelijke groeten,"],
        "fr": ["Bien confraternellement,", "Veuillez agréer, cher Confrère, l'expression de mes sentiments les meilleurs.", "Cordialement,", "Bien à vous,"],
        "en": ["Yours sincerely,", "Kind regards,", "With best wishes,", "Yours faithfully,"]}[lang])
    lines = [closing, "", "", name]
    if title:
        lines.append(title)
    if extra:
        lines += extra if isinstance(extra, list) else [extra]
    return "\n".join(lines)


def cover_page(doc, c, orgname, what, pages=None):
    """A generic first page (fax/transmission sheet, table of contents or a
    confidentiality note) without any person data."""
    lang = c.lang
    kind = c.pick(["fax", "toc", "conf", "fax"])
    if kind == "fax":
        lab = {"nl": ("VERZENDBLAD", "Datum", "Aantal pagina's (incl. dit blad)", "Van", "Opmerking",
                      "Deze verzending bevat vertrouwelijke informatie. Bent u niet de bedoelde ontvanger, neem dan contact met ons op en vernietig de stukken."),
               "be": ("BEGELEIDEND SCHRIJVEN", "Datum", "Aantal pagina's", "Afzender", "Opmerking",
                      "Deze zending is vertrouwelijk. Indien u niet de bestemmeling bent, gelieve ons te verwittigen."),
               "fr": ("BORDEREAU D'ENVOI", "Date", "Nombre de pages", "Expéditeur", "Remarque",
                      "Cet envoi est confidentiel. Si vous n'êtes pas le destinataire, merci de nous prévenir et de détruire les documents."),
               "en": ("COVER SHEET", "Date", "Number of pages", "From", "Note",
                      "This transmission is confidential. If you are not the intended recipient, please contact us and destroy the documents.")}[lang]
        if orgname:
            doc.p(orgname, "lh")
        doc.p(lab[0], "title")
        doc.kv([(lab[1], c.dn(0)), (lab[2], str(pages or c.rng.randint(2, 4)))] + ([(lab[3], orgname)] if orgname else []) + [(lab[4], what)])
        doc.p("")
        doc.p(lab[5], "s")
    elif kind == "toc":
        t = {"nl": ("Inhoud", ["Begeleidende informatie", what, "Bijlagen"]),
             "be": ("Inhoud", ["Inleiding", what, "Bijlagen"]),
             "fr": ("Sommaire", ["Informations", what, "Annexes"]),
             "en": ("Contents", ["Introduction", what, "Appendices"])}[lang]
        if orgname:
            doc.p(orgname, "lh")
        doc.p(what, "title")
        doc.h(t[0], 2)
        doc.bullets(["%d. %s" % (i + 1, s) for i, s in enumerate(t[1])])
        doc.p("")
        doc.p({"nl": "Versie 1.0 - %s" % c.dn(0), "be": "Versie %s" % c.dn(0), "fr": "Version du %s" % c.dn(0), "en": "Version 1, %s" % c.dn(0)}[lang], "s")
    else:
        t = {"nl": "VERTROUWELIJK\n\nDit document is uitsluitend bestemd voor de geadresseerde. Verspreiding, vermenigvuldiging of gebruik door anderen is niet toegestaan. Ontvangt u dit document ten onrechte, stel dan de afzender op de hoogte.",
             "be": "VERTROUWELIJK\n\nDit document valt onder het beroepsgeheim en is enkel bestemd voor de geadresseerde.",
             "fr": "CONFIDENTIEL\n\nCe document est couvert par le secret professionnel et destiné exclusivement à son destinataire.",
             "en": "CONFIDENTIAL\n\nThis document is intended for the addressee only. If you receive it in error, please inform the sender."}[lang]
        if orgname:
            doc.p(orgname, "lh")
        doc.p("")
        doc.p(what, "title")
        doc.p(t)
    doc.pb()
    return kind


def typo(c, s):
    """One small typo (swapped letters) in a word of 6+ letters, no digits."""
    words = s.split(" ")
    cand = [i for i, w in enumerate(words) if len(w) >= 6 and w.isalpha()]
    if not cand:
        return s
    i = c.pick(cand)
    w = words[i]
    j = c.rng.randint(1, len(w) - 3)
    words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    return " ".join(words)
