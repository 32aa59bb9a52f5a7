"""Template record and substitution.

A template is written prose with {placeholders}. Placeholders (filled per
message by generate.py, in the template's language):

  patient / subject person:  {p} (a random way of referring to them), {p_title}
    (dhr. Jansen), {p_formal} (mevrouw Van Dijk), {p_full}, {p_init} (Mw. J.A. de Vries),
    {p_first}, {p_last} (surname as used after a title), {p_lastlow} (after initials),
    {p_dob}, {p_dob_long}, {p_age}, {p_bsn}, {p_nrn}, {p_bis}, {p_patnr}, {p_room},
    {p_addr}, {p_phone}, {p_mut}, {p_email}
    pronouns nl: {hij} {Hij} {zijn} {Zijn} {hem} {moeder} (moeder/vader) {mama} (mama/papa)
    fr: {il} {Il} {e} (feminine agreement) {mere} (mère/père)
    en: {he} {He} {his} {him} {mother}
  relative:   {r_first} {r_full} {r_title} (mevrouw Jansen / meneer Jansen)
  staff:      {s_first} {s_full} (sender), {c_first} {c_full} (recipient colleague),
              {n1}..{n12} (more staff first names), {f1}..{f8} (staff full names),
              {dr} {dr2} (doctors: "dr. Peeters"), {spec_last}
  places:     {org} {org2} {ward} {loc} {street}
  dates:      {d_prev} {d_prev2} {d_next} {d_next2} (short), {d_today},
              {wd_next} {d_next_long} {t1} {t2} {year} {month} {nextmonth} {quarter}
  numbers:    {agb} {big} {riziv} {inv1} {inv2} {inv3} (11-test numbers), {iban} {kvk}
              {kbo} {ogm} {amount1} {amount2} {phone} {ext}
  structure:  {greet} (greeting fitted to recipient and language)
"""

import re

PH = re.compile(r"\{([A-Za-z][A-Za-z0-9_]*)\}")


PERSON_KEYS = ("p", "p_", "x_", "y_", "z_", "r_")


def fill(text, ctx):
    def rep(m):
        k = m.group(1)
        if k not in ctx:
            raise KeyError("unknown placeholder {%s}" % k)
        v = str(ctx[k])
        # a person reference that opens a line starts with a capital ("De heer", "Mevr.")
        if (m.start() == 0 or text[m.start() - 1] == "\n") and (k == "p" or k.startswith(PERSON_KEYS[1:])):
            v = v[:1].upper() + v[1:]
        return v
    return PH.sub(rep, text)


class T:
    def __init__(self, id, lang, subj, body, g=None, pgen="old", frm="staff", to="staff",
                 tone="formal", **kw):
        self.id = id
        self.lang = lang
        self.subj = subj
        self.body = body.strip("\n") + "\n" if body is not None else None
        self.g = g
        self.pgen = pgen
        self.frm = frm
        self.to = to
        self.tone = tone
        self.html = kw.pop("html", None)          # full html body template (html-only kinds)
        self.attach = kw.pop("attach", [])        # list of (filename, ctype, text template)
        self.pdf = kw.pop("pdf", None)            # filename of an opaque attachment
        self.inner = kw.pop("inner", None)        # forwarded: (T of inner message)
        self.fwd_style = kw.pop("fwd_style", None)
        self.cc = kw.pop("cc", None)
        self.note = kw.pop("note", "")
        self.charset = kw.pop("charset", None)
        self.extra = kw
        self.kind = None
        self.label = None
