"""Helpers shared by the document templates."""

from docmodel import TextDoc

FONTS = ["Arial", "Calibri", "Verdana", "Times New Roman", "DejaVu Sans", "Segoe UI", "Cambria", "Tahoma", "Georgia"]


def newdoc(c, author="", title="", font=None, size=None, **kw):
    font = font or c.pick(FONTS)
    size = size or c.pick([9.5, 10, 10, 10.5, 11, 11, 12])
    m = c.pick([(2.0, 2.0, 2.2, 2.0), (1.5, 1.8, 2.5, 2.0), (2.5, 2.5, 2.5, 2.5), (1.2, 1.5, 2.0, 1.8)])
    return TextDoc(font=font, size=size, author=author, title=title, created=c.when.replace(tzinfo=None), margins=m, **kw)


def dob_label(c):
    return c.pick({"nl": ["geb.", "geboren", "geb. datum", "Geboortedatum:"], "be": ["°", "geboren", "geb."],
                   "fr": ["né(e) le", "date de naissance", "DDN"], "en": ["DOB", "born", "date of birth"]}[c.lang])


def pdesc_nl(c, P, bsn=True, addr=False):
    """A patient identification line in one of several Dutch styles."""
    parts = []
    style = c.pick(["init", "full", "formal"])
    name = {"init": P.with_initials(), "full": P.full(), "formal": P.formal()}[style]
    parts.append(name)
    parts.append("%s %s" % (c.pick(["geb.", "geboren", "geb. datum"]), P.dob_fmt()))
    if bsn:
        parts.append("BSN %s" % c.bsn())
    if addr:
        parts.append(c.addr())
    return c.pick([", ", " | ", " - "]).join(parts)


def sexw(P, f, m):
    return f if P.sex == "f" else m


def recipient_block(c, person_line, org_name, title=None):
    lines = [person_line]
    if title:
        lines.append(title)
    lines.append(org_name)
    lines += c.addr_lines()
    return "\n".join(lines)


def med_rows(c, meds, header):
    rows = [header]
    for m in meds:
        rows.append(list(m))
    return rows
