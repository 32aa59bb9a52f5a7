#!/usr/bin/env python3
"""Generate the labelled sluis corpus from the hand-written texts in the
s_*.py (sensitive) and c_*.py (clean) modules.

    python3 tests/data/corpus/tools/generate.py [--out DIR] [--seed N]

The prose is written by hand, one text per template; this script only draws
fictitious persons, identifiers and dates, and packages each text as an RFC
5322 message with varied MIME structure, encodings, charsets, line endings,
greetings, signatures and quoting. Output is deterministic for a given seed.
Standard library only."""

import argparse
import base64
import datetime
import email.utils
import hashlib
import os
import random
import re
import sys

sys.dont_write_bytecode = True

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import ids  # noqa: E402
import mime  # noqa: E402
import people  # noqa: E402
from parties import (CITIES, DISCLAIMER, GREET, HOME_POOL, INTERNAL, INTERNAL_TITLES, MOBILE,  # noqa: E402
                     MUTS, ORGS, PERSONAL_DOMAINS, SIGNOFF, STREETS, WARDS)
from tpl import fill  # noqa: E402
import s_referral_lab as SR  # noqa: E402
import s_family_hr_ggz as SF  # noqa: E402
import s_intl as SI  # noqa: E402
import s_struct as SS  # noqa: E402
import c_nl_a as CA  # noqa: E402
import c_nl_b as CB  # noqa: E402
import c_intl as CI  # noqa: E402
import c_be as CBE  # noqa: E402

SENSITIVE = {
    "referral": SR.REFERRAL, "lab": SR.LAB, "family": SF.FAMILY, "hr-sick": SF.HR, "ggz-crisis": SF.GGZ,
    "belgian": SI.BELGIAN, "french": SI.FRENCH, "english": SI.ENGLISH, "id-only": SI.IDONLY,
    "subject-only": SS.SUBJECT, "attachment-text": SS.ATTACH, "html-only": SS.HTML,
    "forwarded": SS.FWD_INNER, "encoded": SS.ENCODED,
}
CLEAN = {
    "newsletter": CA.NEWSLETTER + CBE.NEWSLETTER, "agenda": CA.AGENDA + CBE.AGENDA, "invoice": CA.INVOICE,
    "roster": CA.ROSTER + CBE.ROSTER, "statistics": CA.STATS + CBE.STATS, "vacancy": CB.VACANCY,
    "birthday": CB.BIRTHDAY, "general": CB.GENERAL + CBE.GENERAL,
    "french-clean": CI.FRENCH_CLEAN, "english-clean": CI.ENGLISH_CLEAN, "staff-health-generic": CB.STAFFHEALTH + CBE.STAFFHEALTH,
}
# texts that may be re-packaged by the structural kinds (forwarded, html-only, encoded)
POOL_S = SR.REFERRAL + SR.LAB + SF.FAMILY + SF.HR + SF.GGZ + SI.BELGIAN + SI.FRENCH + SI.ENGLISH
N_SENSITIVE = 25
N_CLEAN = 31

MONTHS = people.MONTHS
WEEKDAYS = people.WEEKDAYS


# ------------------------------------------------------------------ helpers

def pick(rng, seq):
    return seq[rng.randrange(len(seq))]


def slug(s):
    s = people.ascii_fold(s.lower())
    return re.sub(r"[^a-z0-9]+", "_", s).strip("_")


def nhs_number(rng):
    while True:
        d = [rng.randint(0, 9) for _ in range(9)]
        d[0] = rng.randint(4, 6)
        s = sum((10 - i) * d[i] for i in range(9))
        c = 11 - s % 11
        if c == 11:
            c = 0
        if c == 10:
            continue
        n = "".join(map(str, d)) + str(c)
        return "%s %s %s" % (n[:3], n[3:6], n[6:])


def fmt_date(d, lang, rng, style=None):
    style = style or rng.choice(["num", "num", "num", "short", "long"])
    if style == "num":
        if lang == "nl":
            return "%d-%d-%d" % (d.day, d.month, d.year) if rng.random() < 0.4 else "%02d-%02d-%d" % (d.day, d.month, d.year)
        return "%02d/%02d/%d" % (d.day, d.month, d.year)
    if style == "short":
        if lang == "nl":
            return "%d-%d" % (d.day, d.month)
        if lang == "en":
            return "%d/%d" % (d.day, d.month)
        return "%02d/%02d" % (d.day, d.month)
    m = MONTHS[lang][d.month - 1]
    return "%d %s" % (d.day, m) if lang != "en" else "%d %s" % (d.day, m)


def fmt_time(h, m, lang, rng):
    if lang == "be":
        return rng.choice(["%d.%02d" % (h, m), "%du%02d" % (h, m)])
    if lang == "fr":
        return "%dh%02d" % (h, m)
    if lang == "en":
        return rng.choice(["%d:%02d" % (h, m), "%d.%02d" % (h, m)])
    return rng.choice(["%d.%02d" % (h, m), "%d:%02d" % (h, m)])


def phone(lang, rng, mobile=False):
    r = lambda n: "".join(str(rng.randint(0, 9)) for _ in range(n))  # noqa: E731
    if lang == "nl":
        if mobile:
            return rng.choice(["06-%s" % r(8), "06 %s %s" % (r(4), r(4)), "+31 6 %s" % r(8)])
        return rng.choice(["0%d-%s" % (rng.choice([30, 33, 38, 26, 71, 13, 50]), r(7)), "+31 (0)%d %s" % (rng.choice([30, 33, 38]), r(7))])
    if lang == "be":
        return rng.choice(["04%d %s %s %s" % (rng.randint(70, 99), r(2), r(2), r(2)), "09 %s %s %s" % (r(3), r(2), r(2)), "+32 %d %s %s" % (rng.randint(2, 9), r(3), r(4))]) if mobile else rng.choice(["09 %s %s %s" % (r(3), r(2), r(2)), "050 %s %s" % (r(2), r(4)), "+32 9 %s %s" % (r(3), r(4))])
    if lang == "fr":
        return rng.choice(["04 %s %s %s" % (r(3), r(2), r(2)), "0475/%s.%s.%s" % (r(2), r(2), r(2)), "06 %s %s %s %s" % (r(2), r(2), r(2), r(2))])
    return rng.choice(["0113 %s %s" % (r(3), r(4)), "07700 %s" % r(6), "+44 117 %s %s" % (r(3), r(4))])


def address(lang, rng, street=None):
    city, pc = pick(rng, CITIES[lang])
    street = street or pick(rng, STREETS[lang])
    nr = rng.randint(1, 180)
    if lang == "nl":
        pcl = "%s %s" % (pc, "".join(rng.choice("ABCDEGHJKLMNPRSTVWXZ") for _ in range(2)))
        return "%s %d, %s %s" % (street, nr, pcl, city), (street, nr, pcl, city)
    if lang == "be":
        return "%s %d, %s %s" % (street, nr, pc, city), (street, nr, pc, city)
    if lang == "fr":
        if pc.isdigit() and len(pc) == 5:
            return "%d %s, %s %s" % (nr, street, pc, city), (street, nr, pc, city)
        return "%s %d, %s %s" % (street, nr, pc, city), (street, nr, pc, city)
    return "%d %s, %s %s" % (nr, street, city, pc), (street, nr, pc, city)


# ------------------------------------------------------------------ parties

class Party:
    def __init__(self, name, addr, first="", full="", title="", org="", domain="", person=None, lang="nl", functional=False, role=""):
        self.name, self.addr, self.first, self.full = name, addr, first, full
        self.title, self.org, self.domain, self.person = title, org, domain, person
        self.lang, self.functional, self.role = lang, functional, role


def staff_person(rng, lang, used):
    """A staff member whose first name and surname differ from everyone else's in the message."""
    for _ in range(80):
        p = people.Person(rng, lang, gen="young")
        if p.first not in used and ("S:" + p.sur) not in used:
            used.add(p.first)
            used.add("S:" + p.sur)
            return p
    return people.Person(rng, lang, gen="young")


def staff_person_sex(rng, lang, used, sex):
    for _ in range(80):
        p = people.Person(rng, lang, sex=sex, gen="young")
        if p.first not in used and ("S:" + p.sur) not in used:
            used.add(p.first)
            used.add("S:" + p.sur)
            return p
    return people.Person(rng, lang, sex=sex, gen="young")


def make_party(role, lang, rng, home, P, R, used, force_person=None, org_override=None):
    """home: (orgname, domain, home_role)."""
    if role == "family":
        dom = pick(rng, PERSONAL_DOMAINS[lang])
        addr = people.local_part(R, rng) + "@" + dom
        return Party(R.full(), addr, R.first, R.full(), "", "", dom, R, lang, role=role)
    if role in ("patient", "employee_self"):
        dom = pick(rng, PERSONAL_DOMAINS[lang])
        addr = people.local_part(P, rng) + "@" + dom
        return Party(P.full() if rng.random() < 0.8 else "", addr, P.first, P.full(), "", "", dom, P, lang, role=role)
    if role == "employee":
        org, dom = home[0], home[1]
        addr = people.local_part(P, rng, "f.last") + "@" + dom
        return Party(P.full(), addr, P.first, P.full(), "", org, dom, P, lang, role=role)
    if role in INTERNAL:
        org, dom, hrole = home
        base = role.split("_")[-1] if "_" in role else role
        base = {"hr2": "hr", "rh": "hr", "rh2": "hr", "admin2": "admin", "team": "group", "all": "group", "list": "group",
                "candidate": "candidate"}.get(base, base)
        if base == "group" or role in ("team", "all", "list"):
            w = pick(rng, WARDS[lang])
            ws = slug(w).replace("_", "-")
            choice = rng.randrange(4)
            if choice == 0:
                local, nm = "team-" + ws, ("Team " + w if lang != "en" else w + " team")
            elif choice == 1:
                local, nm = ("allemedewerkers" if lang in ("nl", "be") else ("tout-le-personnel" if lang == "fr" else "all-staff")), ""
            elif choice == 2:
                local, nm = ("afdeling-" if lang in ("nl", "be") else "unite-" if lang == "fr" else "ward-") + ws, w
            else:
                local, nm = ("medewerkers-" if lang in ("nl", "be") else "staff-") + slug(pick(rng, CITIES[lang])[0]).replace("_", "-"), ""
            return Party(nm, local + "@" + dom, "", "", "", org, dom, None, lang, functional=True, role="group")
        if base == "web":
            return Party("Website " + org, "noreply@" + dom, "", "", "", org, dom, None, lang, functional=True, role=role)
        if base == "candidate":
            p = force_person or staff_person(rng, lang, used)
            d = pick(rng, PERSONAL_DOMAINS[lang])
            return Party(p.full(), people.local_part(p, rng) + "@" + d, p.first, p.full(), "", "", d, p, lang, role=role)
        p = force_person or staff_person(rng, lang, used)
        titles = INTERNAL_TITLES.get(lang, INTERNAL_TITLES["nl"])
        title = pick(rng, titles.get(base, titles["staff"]))
        if base in ("it", "facility", "comms") and rng.random() < 0.6:
            local = {"it": "servicedesk", "facility": "facilitair", "comms": "communicatie"}[base]
            return Party({"it": "Servicedesk ICT", "facility": "Facilitaire dienst", "comms": "Communicatie"}[base], local + "@" + dom,
                         "", "", "", org, dom, None, lang, functional=True, role=role)
        addr = people.local_part(p, rng, pick(rng, ["f.last", "first.last", "flast"])) + "@" + dom
        return Party(p.full(), addr, p.first, p.full(), title, org, dom, p, lang, role=role)
    if role not in ORGS:
        raise KeyError("unknown role %s" % role)
    orgs, titles, olang = ORGS[role]
    org, dom = pick(rng, orgs)
    if home and home[2] == role:
        org, dom = home[0], home[1]
    if org_override:
        org, dom = org_override
    p = force_person or staff_person(rng, olang if olang == lang or lang == "en" else lang, used)
    title = pick(rng, titles)
    if role.endswith("news") or (role.endswith("vendor") and rng.random() < 0.6) or (role in ("lab", "be_lab", "fr_lab", "en_lab") and rng.random() < 0.5):
        local = pick(rng, ["nieuwsbrief", "noreply", "info", "news"]) if role.endswith("news") else pick(rng, ["facturen", "debiteuren", "noreply", "orders", "info", "uitslagen", "klantenservice"])
        return Party(org, local + "@" + dom, "", "", title, org, dom, None, lang, functional=True, role=role)
    if rng.random() < 0.15 and title in ("medisch secretaresse", "secretariaat", "medisch secretariaat", "secrétariat médical", "Medical Secretary", "doktersassistente"):
        return Party(org, "secretariaat@" + dom, p.first, p.full(), title, org, dom, p, lang, role=role)
    addr = people.local_part(p, rng, pick(rng, ["f.last", "first.last", "flast"])) + "@" + dom
    return Party(p.full(), addr, p.first, p.full(), title, org, dom, p, lang, role=role)


def choose_home(t, lang, rng):
    for role in (t.frm, t.to):
        if role not in INTERNAL and role in ORGS and role not in ("vendor", "recruiter", "news", "be_vendor", "fr_vendor", "en_vendor", "be_news", "fr_news", "en_ins"):
            orgs, _, _ = ORGS[role]
            o = pick(rng, orgs)
            return (o[0], o[1], role)
    hr = pick(rng, HOME_POOL[lang])
    o = pick(rng, ORGS[hr][0])
    return (o[0], o[1], hr)


# ------------------------------------------------------------------ context

def person_for(t, rng, when):
    lang = t.lang
    gen = "old" if t.pgen == "old" else "young"
    P = people.Person(rng, lang, sex=t.g, gen=gen)
    if t.pgen == "teen":
        P.dob = datetime.date(when.year - rng.randint(13, 17), rng.randint(1, 12), rng.randint(1, 28))
    elif t.pgen == "child":
        P.dob = datetime.date(when.year - rng.randint(2, 10), rng.randint(1, 12), rng.randint(1, 28))
    return P


def make_ctx(t, rng, when, record):
    lang = t.lang
    today = when.date()
    P = person_for(t, rng, when)
    # relative: child of the patient (or parent of a young patient), sharing the surname
    rsex = rng.choice("mf")
    if lang == "nl":
        R = people.Person(rng, "nl", sex=rsex, gen="young" if t.pgen == "old" else "old", surname=P.base_surname())
        R.maiden = None
    else:
        R = people.Person(rng, lang, sex=rsex, gen="young" if t.pgen == "old" else "old", surname=("", P.sur))
    used = {P.first, R.first, "S:" + P.sur}
    ctx = {}
    # identifiers
    bsn = ids.bsn(rng)
    bsn_style = pick(rng, ["plain", "plain", "dots4", "spaces", "dots3"])
    nrn = ids.nrn(rng, P.dob, P.sex)
    nrn_style = pick(rng, ["official", "official", "official", "plain", "spaces", "dash"])
    bis = ids.nrn(rng, P.dob, P.sex, bis=rng.choice([20, 40]))
    record["bsn"] = [bsn]
    record["nrn"] = [nrn]
    record["bis"] = [bis]

    def sexword(f, m):
        return f if P.sex == "f" else m

    addr, addr_parts = address(lang, rng)
    ctx.update({
        "p": P.any_ref(), "p_title": P.title_short(), "p_formal": P.formal(), "p_full": P.full(),
        "p_init": P.with_initials(), "p_first": P.first, "p_last": P.last_cap(), "p_lastlow": P.last_low(),
        "p_dob": P.dob_fmt(), "p_dob_long": P.dob_fmt("long"), "p_dob_d": "%02d-%02d-%d" % (P.dob.day, P.dob.month, P.dob.year),
        "p_dob_iso": P.dob.isoformat(), "p_age": P.age(today),
        "p_bsn": ids.fmt_bsn(bsn, bsn_style), "p_bsn_plain": bsn,
        "p_nrn": ids.fmt_nrn(nrn, nrn_style), "p_nrn_plain": nrn, "p_nrn_spaces": ids.fmt_nrn(nrn, "spaces"),
        "p_bis": ids.fmt_nrn(bis, pick(rng, ["official", "plain"])),
        "p_nhs": nhs_number(rng), "p_patnr": str(rng.randint(1000000, 9899999)),
        "p_roomno": str(rng.randint(1, 48)), "p_addr": addr, "p_street": addr_parts[0],
        "p_addr_vcf": "%s %s;%s;;%s;Nederland" % (addr_parts[0], addr_parts[1], addr_parts[3], addr_parts[2]),
        "p_phone": phone(lang, rng, mobile=True), "p_mut": pick(rng, MUTS[lang]),
        "p_email": people.local_part(P, rng) + "@" + pick(rng, PERSONAL_DOMAINS[lang]),
        "p_iban": ids.fmt_iban(ids.iban_be(rng) if lang in ("be", "fr") else ids.iban_nl(rng)),
        "p_slug": slug(P.sur + "_" + P.first[0]),
        "hij": sexword("ze", "hij") if rng.random() < 0.5 else sexword("zij", "hij"), "Hij": sexword("Ze", "Hij"),
        "zijn": sexword("haar", "zijn"), "Zijn": sexword("Haar", "Zijn"), "hem": sexword("haar", "hem"),
        "moeder": sexword("moeder", "vader"), "mama": sexword("mama", "papa"),
        "il": sexword("elle", "il"), "Il": sexword("Elle", "Il"), "e": sexword("e", ""), "le": sexword("la", "le"),
        "mere": sexword("mère", "père"),
        "he": sexword("she", "he"), "He": sexword("She", "He"), "his": sexword("her", "his"), "him": sexword("her", "him"),
        "mother": sexword("mother", "father"),
    })
    rl = "kamer %s" % ctx["p_roomno"]
    ctx["p_room"] = pick(rng, [rl, rl, "kamer %s (%s)" % (ctx["p_roomno"], pick(rng, WARDS[lang])), "app. %s" % ctx["p_roomno"]])
    ctx["p_with_room"] = pick(rng, ["%s (kamer %s)" % (ctx["p_title"], ctx["p_roomno"]),
                                    "de bewoner van kamer %s, %s," % (ctx["p_roomno"], P.full()),
                                    "%s, %s, kamer %s," % (P.with_initials(), P.dob_fmt(), ctx["p_roomno"])])
    # other persons (lists)
    for k in ("x", "y", "z"):
        Q = people.Person(rng, lang, gen="young" if t.pgen in ("young", "teen", "child") else "old")
        qb = ids.bsn(rng)
        qn = ids.nrn(rng, Q.dob, Q.sex)
        record["bsn"].append(qb)
        record["nrn"].append(qn)
        ctx.update({k + "_full": Q.full(), k + "_dob": "%02d-%02d-%d" % (Q.dob.day, Q.dob.month, Q.dob.year) if lang == "nl" else "%02d/%02d/%d" % (Q.dob.day, Q.dob.month, Q.dob.year),
                    k + "_bsn": ids.fmt_bsn(qb, bsn_style), k + "_nrn": qn, k + "_title": Q.title_short(),
                    k + "_first": Q.first, k + "_ini": Q.first[:1] + ".", k + "_last": Q.last_cap(), k + "_patnr": str(rng.randint(1000000, 9899999)),
                    k + "_addr": address(lang, rng)[0]})
    # relative
    rel = {"nl": ("dochter", "zoon"), "be": ("dochter", "zoon"), "fr": ("fille", "fils"), "en": ("daughter", "son")}[lang]
    if t.pgen in ("young", "teen", "child"):
        rel = {"nl": ("moeder", "vader"), "be": ("moeder", "vader"), "fr": ("mère", "père"), "en": ("mother", "father")}[lang]
    rtt = {"nl": ("mevrouw", "meneer"), "be": ("mevrouw", "meneer"), "fr": ("Madame", "Monsieur"), "en": ("Mrs", "Mr")}[lang]
    ctx.update({"r_first": R.first, "r_full": R.full(), "r_last": R.last_cap(),
                "r_title": "%s %s" % (rtt[0] if R.sex == "f" else rtt[1], R.last_cap()),
                "r_rel": rel[0] if R.sex == "f" else rel[1], "r_phone": phone(lang, rng, mobile=True)})
    # staff names
    names = []
    fulls = []
    for i in range(12):
        s = staff_person(rng, lang, used)
        names.append(s.first)
        if i < 8:
            fulls.append(s.full())
    for i, n in enumerate(names):
        ctx["n%d" % (i + 1)] = n
    for i, n in enumerate(fulls):
        ctx["f%d" % (i + 1)] = n
    fem = [staff_person_sex(rng, lang, used, "f") for _ in range(3)]
    ctx.update({"nf1": fem[0].first, "nf2": fem[1].first, "ff1": fem[2].full(), "ff1_first": fem[2].first,
                "nm1": staff_person_sex(rng, lang, used, "m").first})
    docs = []
    for _ in range(3):
        d = staff_person(rng, lang, used)
        if lang == "nl":
            docs.append((pick(rng, ["dr. ", "dokter ", "mw. dr. " if d.sex == "f" else "dhr. dr. ", "drs. "]) + d.last_cap(), d.last_cap()))
        elif lang == "be":
            docs.append((pick(rng, ["dr. ", "dokter "]) + d.last_cap(), d.last_cap()))
        elif lang == "fr":
            docs.append((pick(rng, ["Dr ", "le Dr ", "Docteur "]) + d.last_cap(), d.last_cap()))
        else:
            docs.append(("Dr " + d.last_cap(), d.last_cap()))
    ctx.update({"dr": docs[0][0], "dr2": docs[1][0], "dr3": docs[2][0], "spec_last": docs[0][1]})
    # places and dates
    ward = pick(rng, WARDS[lang])
    ctx.update({"ward": ward, "ward_slug": slug(ward), "loc": pick(rng, CITIES[lang])[0], "street": pick(rng, STREETS[lang])})
    dp = today - datetime.timedelta(days=rng.randint(1, 6))
    dp2 = today - datetime.timedelta(days=rng.randint(10, 70))
    dn = today + datetime.timedelta(days=rng.randint(1, 7))
    dn2 = today + datetime.timedelta(days=rng.randint(8, 35))
    dstyle = pick(rng, ["num", "num", "short", "long"])
    ctx.update({"d_prev": fmt_date(dp, lang, rng, dstyle), "d_prev2": fmt_date(dp2, lang, rng, dstyle),
                "d_next": fmt_date(dn, lang, rng, dstyle), "d_next2": fmt_date(dn2, lang, rng, dstyle),
                "d_today": fmt_date(today, lang, rng, "num"), "d_file": today.strftime("%Y%m%d"),
                "wd_next": WEEKDAYS[lang][dn.weekday()],
                "d_next_long": "%s %d %s" % (WEEKDAYS[lang][dn.weekday()], dn.day, MONTHS[lang][dn.month - 1]) if lang != "en" else "%s %d %s" % (WEEKDAYS[lang][dn.weekday()], dn.day, MONTHS[lang][dn.month - 1]),
                "t1": fmt_time(rng.randint(8, 16), rng.choice([0, 15, 30, 45]), lang, rng),
                "t2": fmt_time(rng.randint(9, 17), rng.choice([0, 30]), lang, rng),
                "year": today.year, "month": MONTHS[lang][today.month - 1], "nextmonth": MONTHS[lang][today.month % 12],
                "quarter": (today.month - 1) // 3 + 1, "week": today.isocalendar()[1]})
    # numbers
    invs = []
    for _ in range(3):
        invs.append(ids.bsn(rng, first=rng.randint(1, 9)))
    record["inv"] = invs
    iban = ids.iban_nl(rng)
    ctx.update({"agb": ids.agb(rng), "big": ids.big(rng), "riziv": ids.riziv(rng), "inv1": invs[0], "inv2": invs[1], "inv3": invs[2],
                "iban": iban, "iban_fmt": ids.fmt_iban(iban), "iban_be": ids.fmt_iban(ids.iban_be(rng)), "kvk": ids.kvk(rng),
                "kbo": ids.kbo(rng), "ogm": ids.ogm(rng), "btw": "".join(str(rng.randint(0, 9)) for _ in range(9)),
                "phone": phone(lang, rng), "phone2": phone(lang, rng, True), "phone3": phone(lang, rng, True),
                "ext": str(rng.randint(2000, 8999)), "tt": str(rng.randint(10 ** 9, 10 ** 10 - 1)),
                "ean": "".join(str(rng.randint(0, 9)) for _ in range(14)),
                "uid": hashlib.sha1(str(rng.random()).encode()).hexdigest()[:24]})
    st = when.replace(hour=rng.randint(8, 15), minute=0) + datetime.timedelta(days=rng.randint(1, 20))
    ctx.update({"ics_stamp": when.strftime("%Y%m%dT%H%M%SZ"), "ics_start": st.strftime("%Y%m%dT%H%M00"),
                "ics_end": (st + datetime.timedelta(minutes=rng.choice([30, 45, 60, 90]))).strftime("%Y%m%dT%H%M00")})
    return ctx, P, R, used


# ------------------------------------------------------------------ rendering

def greeting(to_party, lang, tone, rng, ctx, P, R):
    role = to_party.role
    if role == "family":
        who = R
    elif role in ("patient", "employee", "employee_self"):
        who = P
    else:
        who = None
    if who is not None:
        tt = {"nl": ("mevrouw", "heer"), "be": ("mevrouw", "meneer"), "fr": ("Madame", "Monsieur"), "en": ("Mrs", "Mr")}[lang]
        tmpl = pick(rng, GREET["family"][lang])
        title = tt[0] if who.sex == "f" else tt[1]
        if lang == "nl" and tmpl.startswith("Beste") and who.sex == "m":
            title = "meneer"
        return tmpl.format(tt=title, last=who.last_cap(), first=who.first)
    if role == "group":
        return pick(rng, GREET["group"][lang])
    if to_party.role in INTERNAL or tone == "informal":
        if to_party.first:
            return pick(rng, GREET["colleague"][lang]).format(first=to_party.first)
        return pick(rng, GREET["group"][lang])
    last = to_party.person.last_cap() if to_party.person else ctx["spec_last"]
    return pick(rng, GREET["colleague_ext"][lang]).format(last=last)


def signature(frm, lang, tone, rng, ctx, label, own_signoff=False):
    lines = []
    sof = SIGNOFF[lang]["informal" if tone == "informal" else "formal"]
    so = pick(rng, sof)
    if own_signoff:
        so = ""
    if frm.role == "family" or frm.role in ("patient", "employee_self"):
        lines += (["", so] if so else []) + [frm.person.first if rng.random() < 0.5 else frm.person.full()]
        if rng.random() < 0.3:
            lines += ["", pick(rng, MOBILE[lang])]
        return "\n".join(lines), False
    name = frm.full or frm.name
    if tone == "informal":
        lines += ["", so, frm.first or name] if so else [frm.first or name]
        if rng.random() < 0.25:
            lines += ["", pick(rng, MOBILE[lang])]
        return "\n".join(lines), False
    lines += ["", so, ""] if so else [""]
    if frm.functional and not frm.full:
        lines += [frm.name]
    else:
        lines += [name]
        if frm.title:
            lines.append(frm.title[:1].upper() + frm.title[1:])
    if frm.org:
        lines.append(frm.org)
    style = rng.random()
    if style < 0.55:
        lines.append(address(lang, rng)[0])
        tel = {"nl": "T", "be": "Tel.", "fr": "Tél.", "en": "Tel"}[lang]
        lines.append("%s %s | %s" % (tel, phone(lang, rng), frm.addr) if rng.random() < 0.6 else "%s: %s" % (tel, phone(lang, rng)))
    # provider identifiers: not patient data (hard negatives in clean mail too)
    t = (frm.title or "").lower()
    if rng.random() < 0.6:
        if lang == "nl" and any(w in t for w in ("huisarts", "arts", "specialist", "psychiater", "apotheker", "verpleegkundig", "verloskundige", "psycholoog", "cardioloog", "internist", "longarts", "neuroloog")):
            lines.append(pick(rng, ["AGB-code: %s" % ctx["agb"], "BIG-nr. %s" % ctx["big"], "AGB %s | BIG %s" % (ctx["agb"], ctx["big"])]))
        elif lang == "be" and any(w in t for w in ("huisarts", "neuroloog", "geriater", "kinesi", "apotheker", "arts", "bioloog", "psychiater")):
            lines.append(pick(rng, ["RIZIV %s" % ctx["riziv"], "RIZIV-nr.: %s" % ctx["riziv"]]))
        elif lang == "fr" and any(w in t for w in ("médecin", "cardiologue", "psychiatre", "kiné", "pharmacien", "biologiste")):
            lines.append(pick(rng, ["INAMI %s" % ctx["riziv"], "N° INAMI : %s" % ctx["riziv"]]))
        elif lang == "en" and any(w in t for w in ("gp", "consultant", "registrar", "psychiatrist")):
            lines.append("GMC No. %d" % rng.randint(4000000, 7999999))
    disc = False
    if rng.random() < 0.35 and frm.org:
        lines += ["", "-" * rng.choice([2, 20, 40]) if rng.random() < 0.5 else "", pick(rng, DISCLAIMER[lang]).replace("{org}", frm.org)]
        disc = True
    return "\n".join(lines), disc


TYPO_SKIP = re.compile(r"\d")


def add_typos(text, rng, n):
    lines = text.split("\n")
    cand = [(i, m.start(), m.group(0)) for i, l in enumerate(lines) if not TYPO_SKIP.search(l) and not l.startswith(">")
            for m in re.finditer(r"\b[a-zà-ÿ]{7,}\b", l)]
    rng.shuffle(cand)
    done = 0
    for i, pos, w in cand[:n]:
        op = rng.randrange(3)
        j = rng.randint(1, len(w) - 3)
        if op == 0:
            nw = w[:j] + w[j + 1] + w[j] + w[j + 2:]
        elif op == 1:
            nw = w[:j] + w[j + 1:]
        else:
            nw = w[:j] + w[j] + w[j:]
        l = lines[i]
        if l[pos:pos + len(w)] == w:
            lines[i] = l[:pos] + nw + l[pos + len(w):]
            done += 1
    return "\n".join(lines), done


def fmt_hdr_date(dt, lang, rng, style):
    wd = WEEKDAYS[lang][dt.weekday()]
    mo = MONTHS[lang][dt.month - 1]
    if style == "gmail":
        if lang in ("nl", "be"):
            return "%s %d %s %d om %02d:%02d" % (wd[:2], dt.day, mo[:3], dt.year, dt.hour, dt.minute)
        if lang == "fr":
            return "%s %d %s %d à %02d:%02d" % (wd[:3] + ".", dt.day, mo[:4] + ".", dt.year, dt.hour, dt.minute)
        return "%s, %d %s %d at %02d:%02d" % (wd[:3], dt.day, mo[:3], dt.year, dt.hour, dt.minute)
    if lang in ("nl", "be"):
        return "%s %d %s %d %02d:%02d" % (wd, dt.day, mo, dt.year, dt.hour, dt.minute)
    if lang == "fr":
        return "%s %d %s %d %02d:%02d" % (wd, dt.day, mo, dt.year, dt.hour, dt.minute)
    return "%s, %d %s %d %02d:%02d" % (wd, dt.day, mo, dt.year, dt.hour, dt.minute)


def quote_block(text, style, lang, frm, to, subj, dt, rng):
    """Return the original message as quoted (reply) text."""
    if style == "gt":
        head = {"nl": "Op %s schreef %s <%s>:", "be": "Op %s schreef %s <%s>:", "fr": "Le %s, %s <%s> a écrit :", "en": "On %s, %s <%s> wrote:"}[lang]
        h = head % (fmt_hdr_date(dt, lang, rng, "gmail"), frm.name or frm.addr, frm.addr)
        body = "\n".join(("> " + l) if l else ">" for l in text.rstrip("\n").split("\n"))
        return h + "\n\n" + body
    labels = {"nl": ("Van", "Verzonden", "Aan", "Onderwerp"), "be": ("Van", "Verzonden", "Aan", "Onderwerp"),
              "fr": ("De", "Envoyé", "À", "Objet"), "en": ("From", "Sent", "To", "Subject")}[lang]
    sep = pick(rng, ["-----Oorspronkelijk bericht-----" if lang in ("nl", "be") else ("-----Message d'origine-----" if lang == "fr" else "-----Original Message-----"), "_" * 32])
    sp = " :" if lang == "fr" else ":"
    h = "%s\n%s%s %s <%s>\n%s%s %s\n%s%s %s\n%s%s %s" % (sep, labels[0], sp, frm.name or frm.addr, frm.addr, labels[1], sp, fmt_hdr_date(dt, lang, rng, "outlook"),
                                                     labels[2], sp, to.name or to.addr, labels[3], sp, subj)
    return h + "\n\n" + text


REPLY_TOP = {
    "nl": ["Dank je, ik pak het op.", "Prima, dank voor de info.", "Ontvangen, dank!", "Helder. Ik zet het in het dossier.", "Bedankt, ik bel morgen even.",
           "Dank voor je bericht. Ik heb het doorgezet.", "Goed dat je het laat weten!", "Akkoord.", "Ok, komt goed."],
    "be": ["Bedankt, ik volg het op.", "Ontvangen, merci!", "Dank u voor de info.", "Ok, ik kijk ernaar."],
    "fr": ["Merci, bien reçu.", "Merci pour l'info, je m'en occupe.", "D'accord, je transmets.", "Bien noté, merci."],
    "en": ["Thanks, noted.", "Thanks - will pick this up.", "Received, many thanks.", "Great, thank you."],
}
FWD_PREFIX = {"nl": ["Fwd: ", "FW: ", "Doorst: ", "Fw: "], "be": ["Fwd: ", "FW: ", "Doorst: "], "fr": ["TR: ", "Fwd: ", "TR : "], "en": ["Fwd: ", "FW: "]}
RE_PREFIX = {"nl": ["Re: ", "RE: ", "Antw: ", "re: "], "be": ["Re: ", "RE: ", "Antw: "], "fr": ["RE: ", "Re: ", "RE : "], "en": ["Re: ", "RE: "]}


def fwd_header(style, lang, inner_frm, inner_to, subj, dt, rng):
    if style == "gmail":
        top = {"nl": "---------- Doorgestuurd bericht ---------", "be": "---------- Doorgestuurd bericht ---------",
               "fr": "---------- Forwarded message ---------", "en": "---------- Forwarded message ---------"}[lang]
        lab = {"nl": ("Van", "Date", "Subject", "To"), "be": ("Van", "Date", "Subject", "To"), "fr": ("De", "Date", "Subject", "To"), "en": ("From", "Date", "Subject", "To")}[lang]
        if lang in ("nl", "be") and rng.random() < 0.5:
            lab = ("Van", "Datum", "Onderwerp", "Aan")
        return "%s\n%s: %s <%s>\n%s: %s\n%s: %s\n%s: %s <%s>\n" % (top, lab[0], inner_frm.name or inner_frm.addr, inner_frm.addr, lab[1], fmt_hdr_date(dt, lang, rng, "gmail"),
                                                               lab[2], subj, lab[3], inner_to.name or inner_to.addr, inner_to.addr)
    if style == "outlook":
        return quote_block("", "outlook", lang, inner_frm, inner_to, subj, dt, rng).rstrip("\n") + "\n"
    if style == "thunderbird":
        top = {"nl": "-------- Doorgestuurd bericht --------", "be": "-------- Doorgestuurd bericht --------", "fr": "-------- Message transféré --------", "en": "-------- Forwarded Message --------"}[lang]
        lab = {"nl": ("Onderwerp", "Datum", "Van", "Aan"), "be": ("Onderwerp", "Datum", "Van", "Aan"), "fr": ("Sujet", "Date", "De", "Pour"), "en": ("Subject", "Date", "From", "To")}[lang]
        return "%s\n%s: \t%s\n%s: \t%s\n%s: \t%s <%s>\n%s: \t%s <%s>\n" % (top, lab[0], subj, lab[1], email.utils.format_datetime(dt), lab[2], inner_frm.name or inner_frm.addr,
                                                                    inner_frm.addr, lab[3], inner_to.name or inner_to.addr, inner_to.addr)
    raise ValueError(style)


def msgid(rng, domain, style):
    h = hashlib.sha1(str(rng.random()).encode()).hexdigest().upper()
    if style == "outlook":
        srv = "AM%dPR%02dMB%04d" % (rng.randint(0, 9), rng.randint(1, 9), rng.randint(1000, 9999))
        return "<%s%s@%s.eurprd0%d.prod.outlook.com>" % (srv, h[:20], srv, rng.randint(1, 9))
    if style == "gmail":
        b = base64.b64encode(bytes.fromhex(h[:30] + h[2:20])).decode().replace("/", "_")
        return "<CA+%s@mail.gmail.com>" % b
    if style == "apple":
        return "<%s-%s-%s-%s-%s@%s>" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:32] if len(h) >= 32 else h[:12], domain)
    return "<%s.%d@%s>" % (h[:16].lower(), rng.randint(10 ** 5, 10 ** 6), domain)


def msg_date(rng):
    start = datetime.datetime(2023, 1, 9)
    d = start + datetime.timedelta(days=rng.randint(0, 1000))
    if d.weekday() >= 5 and rng.random() < 0.8:
        d += datetime.timedelta(days=7 - d.weekday())
    hour = rng.choice([7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 13, 14, 14, 15, 15, 16, 16, 17, 19, 21, 23])
    d = d.replace(hour=hour, minute=rng.randint(0, 59), second=rng.randint(0, 59))
    return d


def tz_for(d, domain):
    """Approximate local offset: UK senders GMT/BST, everyone else CET/CEST."""
    summer = 4 <= d.month <= 10
    if (domain or "").endswith(".uk"):
        return datetime.timezone(datetime.timedelta(hours=1 if summer else 0))
    return datetime.timezone(datetime.timedelta(hours=2 if summer else 1))


def boundary(rng, style):
    h = hashlib.md5(str(rng.random()).encode()).hexdigest()
    if style == "outlook":
        return "_000_%s_" % h[:24].upper()
    if style == "gmail":
        return "000000000000" + h[:16]
    if style == "apple":
        return "Apple-Mail=_%s-%s-%s" % (h[:8].upper(), h[8:12].upper(), h[12:20].upper())
    return "----=_Part_%d_%d.%d" % (rng.randint(1000, 99999), rng.randint(10 ** 8, 10 ** 9), rng.randint(10 ** 12, 10 ** 13))


MINIMAL_PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
               b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\nxref\n0 4\n0000000000 65535 f \n"
               b"trailer<</Size 4/Root 1 0 R>>\nstartxref\n180\n%%EOF\n")
MINIMAL_JPG = bytes.fromhex("ffd8ffe000104a46494600010100000100010000ffdb004300") + bytes(64) + bytes.fromhex("ffd9")


def opaque(filename, rng):
    data = MINIMAL_JPG if filename.endswith(".jpg") else MINIMAL_PDF + hashlib.sha1(filename.encode() + str(rng.random()).encode()).hexdigest().encode()
    ctype = "image/jpeg" if filename.endswith(".jpg") else "application/pdf"
    return mime.binary_part(data, ctype, filename)


# --------------------------------------------------------------- the builder

class Built:
    pass


def render_text(t, ctx, frm, to, rng, P, R, label, allow_typos=True):
    """Fill subject and body; add greeting, sign-off, signature. Returns (subject, body, info)."""
    lang = t.lang
    ctx = dict(ctx)
    ctx["greet"] = greeting(to, lang, t.tone, rng, ctx, P, R)
    ctx["c_first"] = to.first or (ctx["n8"])
    ctx["c_full"] = to.full or ctx["f8"]
    ctx["s_first"] = frm.first or ctx["n9"]
    ctx["s_full"] = frm.full or frm.name or ctx["f7"]
    ctx["s_addr"] = frm.addr
    ctx["org"] = frm.org or to.org or pick(rng, ORGS[pick(rng, HOME_POOL[lang])][0])[0]
    ctx["org_upper"] = ctx["org"].upper()
    ctx["org_client"] = to.org or pick(rng, ORGS[pick(rng, HOME_POOL[lang])][0])[0]
    ctx["org2"] = pick(rng, ORGS[pick(rng, HOME_POOL[lang])][0])[0]
    ctx["domain"] = frm.domain
    ctx["unsub_url"] = "https://%s/afmelden?u=%s" % (frm.domain, ctx["uid"][:12]) if lang in ("nl", "be") else \
        "https://%s/%s?u=%s" % (frm.domain, "desinscription" if lang == "fr" else "unsubscribe", ctx["uid"][:12])
    subj = fill(t.subj, ctx).replace("{{", "{").replace("}}", "}")
    info = {"typos": 0, "disclaimer": False}
    if t.body is None:
        return subj, None, info, ctx
    body = fill(t.body, ctx).replace("{{", "{").replace("}}", "}")
    if allow_typos and rng.random() < 0.2:
        # typos go into the prose only, not into signatures or disclaimers added below
        body, n = add_typos(body, rng, rng.randint(1, 2))
        info["typos"] = n
    nonempty = [l for l in body.rstrip("\n").split("\n") if l.strip()]
    last = nonempty[-1] if nonempty else ""
    own_signoff = last.rstrip().endswith(",") and len(last) < 50 and not last.startswith(">")
    if t.tone in ("formal", "informal") or (t.tone == "none" and own_signoff and frm.role not in ("family", "patient", "employee_self")):
        sig, disc = signature(frm, lang, t.tone if t.tone != "none" else "formal", rng, ctx, label, own_signoff)
        body = body.rstrip("\n") + "\n" + sig + "\n"
        info["disclaimer"] = disc
    elif t.tone == "none" and rng.random() < 0.15 and frm.role not in ("family", "patient", "web"):
        body = body.rstrip("\n") + "\n\n" + pick(rng, MOBILE[lang]) + "\n"
    return subj, body, info, ctx


DAYPART = [("Goedemorgen", "Goedemiddag", "Goedenavond"), ("Good morning", "Good afternoon", "Good evening")]


def daypart(body, hour):
    """Make 'good morning/afternoon' in the opening lines fit the Date header."""
    head, sep, rest = body.partition("\n\n")
    i = 0 if hour < 12 else (1 if hour < 18 else 2)
    for words in DAYPART:
        for w in words:
            head = head.replace(w, words[i])
    return head + sep + rest


def html_decorate(html, rng, label_kind):
    """Add <style>/<script>/comments that a scanner must ignore."""
    extra_head = []
    if rng.random() < 0.7:
        extra_head.append("<style type=\"text/css\">\n.hidden-preheader {display:none !important;}\n@media only screen and (max-width:600px){ .col {width:100% !important;} }\n</style>")
    if rng.random() < 0.5:
        extra_head.append("<script type=\"text/javascript\">\n// analytics\nvar _paq = window._paq = window._paq || [];\n_paq.push(['trackPageView']);\n_paq.push(['setUserId', 'u%d']);\n</script>" % rng.randint(10 ** 6, 10 ** 7))
    if rng.random() < 0.3:
        extra_head.append("<!-- [if mso]><xml><o:OfficeDocumentSettings><o:AllowPNG/></o:OfficeDocumentSettings></xml><![endif] -->")
    if not extra_head:
        return html
    block = "\n".join(extra_head)
    if "</head>" in html:
        return html.replace("</head>", block + "\n</head>", 1)
    return "<html><head>%s</head><body>%s</body></html>\n" % (block, html)


def html_for(body, rng, charset):
    style = pick(rng, ["outlook", "gmail", "apple", "plain"])
    ent = pick(rng, ["none", "none", "named", "numeric"])
    return mime.html_from_text(body, style, ent, charset), style, ent


def newsletter_html(body, org, unsub, rng, uid):
    """A table-based mailing layout as newsletter tools produce it."""
    ent = pick(rng, ["none", "named", "numeric"])
    blocks = [b for b in re.split(r"\n\s*\n", body.strip("\n")) if b.strip()]
    rows = []
    for b in blocks:
        lines = b.split("\n")
        if len(lines) > 1 and len(lines[0]) < 70 and not lines[0].endswith((".", ":", ",")):
            rows.append('<tr><td class="content"><h2 style="margin:0 0 8px 0;font-size:18px;color:#1d5c8c">%s</h2><p>%s</p></td></tr>'
                        % (mime.esc(lines[0], ent), "<br>".join(mime.esc(l, ent) for l in lines[1:])))
        else:
            rows.append('<tr><td class="content"><p>%s</p></td></tr>' % "<br>".join(mime.esc(l, ent) for l in lines))
    pre = mime.esc(blocks[0].split("\n")[0][:90], ent)
    return ("""<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>%(org)s</title>
<style type="text/css">
body { margin:0; padding:0; background:#f2f2f2; }
table.wrap { width:600px; background:#ffffff; }
td.content { padding: 12px 24px; font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 22px; color:#333333; }
.footer td { font-size: 11px; color: #888888; }
@media only screen and (max-width:600px) { table.wrap { width:100%% !important; } }
</style>
<script type="text/javascript">var mc_uid = "%(uid)s"; var mc_list = %(list)d;</script>
</head>
<body>
<div style="display:none;max-height:0;overflow:hidden">%(pre)s</div>
<table class="wrap" align="center" cellpadding="0" cellspacing="0" role="presentation">
<tr><td style="background:#1d5c8c;padding:18px 24px;color:#fff;font:bold 22px Arial">%(org)s</td></tr>
%(rows)s
<tr class="footer"><td class="content">U ontvangt deze e-mail omdat u bent ingeschreven. <a href="%(unsub)s">Afmelden</a> | <a href="https://example.nl/privacy">Privacy</a></td></tr>
</table>
<img src="https://t.example.nl/open.gif?u=%(uid)s" width="1" height="1" alt="" style="display:none">
</body></html>
""" % {"org": mime.esc(org, ent), "uid": uid, "list": rng.randint(1000, 99999), "pre": pre, "rows": "\n".join(rows), "unsub": unsub})


def choose_structure(kind, t, rng, label):
    if t.attach:
        return pick(rng, ["mixed", "mixed", "mixed-alt"])
    if t.pdf:
        return pick(rng, ["mixed", "mixed", "mixed-alt"])
    if kind == "html-only":
        return "html"
    if kind == "encoded":
        return pick(rng, ["qp", "b64", "b64", "alt-enc", "qp"])
    if kind == "subject-only":
        return pick(rng, ["plain", "plain", "alt", "flowed"])
    if kind == "newsletter" or (t.frm or "").endswith("news"):
        return pick(rng, ["alt", "alt", "alt-qp", "html", "html", "plain"])
    w = [("plain", 28), ("alt", 22), ("flowed", 9), ("qp", 11), ("b64", 4), ("html", 5), ("plain-latin1", 5), ("alt-qp", 7), ("alt-enc", 3)]
    if label == "clean":
        w += [("fwd", 5)]
    tot = sum(x for _, x in w)
    r = rng.uniform(0, tot)
    for name, x in w:
        r -= x
        if r <= 0:
            return name
    return "plain"


def body_parts(structure, body_text, html_text, rng, charset_hint=None, html_only_source=None):
    """Return (Part, info) for the message body (without attachments)."""
    info = {}
    if structure in ("plain", "flowed", "qp", "b64", "plain-latin1"):
        cs = "utf-8"
        if structure == "plain-latin1" and mime.can_encode(body_text, "iso-8859-1"):
            cs = pick(rng, ["iso-8859-1", "windows-1252"])
        elif structure == "plain-latin1" and mime.can_encode(body_text, "windows-1252"):
            cs = "windows-1252"
        if charset_hint and mime.can_encode(body_text, charset_hint):
            cs = charset_hint
        cte = {"qp": "quoted-printable", "b64": "base64"}.get(structure)
        if structure == "plain-latin1":
            cte = pick(rng, [None, "quoted-printable"])
        p = mime.text_part(body_text, "plain", cs, cte, flowed=(structure == "flowed" or (structure == "qp" and rng.random() < 0.2)),
                           delsp=rng.random() < 0.3)
        info["charset"] = cs
        info["cte"] = dict(p.headers)["Content-Transfer-Encoding"]
        return p, info
    if structure == "html":
        cs = charset_hint if charset_hint and mime.can_encode(html_text, charset_hint) else "utf-8"
        cte = pick(rng, ["quoted-printable", "quoted-printable", "base64", None])
        p = mime.text_part(html_text, "html", cs, cte)
        info["charset"] = cs
        info["cte"] = dict(p.headers)["Content-Transfer-Encoding"]
        return p, info
    if structure in ("alt", "alt-qp", "alt-enc"):
        cs = "utf-8"
        if structure == "alt-enc":
            cs = charset_hint or pick(rng, ["iso-8859-1", "windows-1252"])
            if not mime.can_encode(body_text, cs):
                cs = "windows-1252" if mime.can_encode(body_text, "windows-1252") else "utf-8"
        cte_t = {"alt": pick(rng, [None, None, "quoted-printable"]), "alt-qp": "quoted-printable", "alt-enc": pick(rng, ["base64", "quoted-printable"])}[structure]
        cte_h = {"alt": pick(rng, ["quoted-printable", None]), "alt-qp": "quoted-printable", "alt-enc": pick(rng, ["base64", "quoted-printable"])}[structure]
        tp = mime.text_part(body_text, "plain", cs, cte_t, flowed=rng.random() < 0.15)
        hp = mime.text_part(html_text, "html", cs, cte_h)
        info["charset"] = cs
        info["cte"] = dict(tp.headers)["Content-Transfer-Encoding"] + "+" + dict(hp.headers)["Content-Transfer-Encoding"]
        return mime.multipart("alternative", [tp, hp], boundary(rng, pick(rng, ["outlook", "gmail", "apple", "java"]))), info
    raise ValueError(structure)


def force_encoded(s, charset, mode):
    """RFC 2047-encode a header even when it is plain ASCII."""
    cs = charset if mime.can_encode(s, charset) else "utf-8"
    b = s.encode(cs)
    words = []
    step = 30
    for i in range(0, len(b), step):
        chunk = b[i:i + step]
        if mode == "B":
            words.append("=?%s?B?%s?=" % (cs.upper(), base64.b64encode(chunk).decode()))
        else:
            q = "".join(chr(c) if (chr(c).isalnum() and c < 128) else ("_" if c == 32 else "=%02X" % c) for c in chunk)
            words.append("=?%s?Q?%s?=" % (cs.upper(), q))
    return "\n ".join(words)


def party_hdr(p, cs, rng):
    return mime.fmt_addr(p.name, p.addr, cs if cs != "utf-8" else "utf-8", pick(rng, ["Q", "B"]))


def headers_for(frm, tos, ccs, subj, dt, lang, rng, mid_style, cs, extra=(), encode_subject=False):
    h = []
    enc_mode = pick(rng, ["Q", "B"])
    subj_cs = cs if cs != "utf-8" and mime.can_encode(subj, cs) else "utf-8"
    order = rng.random()
    hdr_from = ("From", party_hdr(frm, subj_cs, rng))
    hdr_to = ("To", ", ".join(party_hdr(t, subj_cs, rng) for t in tos))
    if encode_subject and all(ord(c) < 128 for c in subj):
        # some mailers (PHP mailers, webmail) encode every Subject
        hdr_subj = ("Subject", force_encoded(subj, subj_cs, enc_mode))
    else:
        hdr_subj = ("Subject", mime.enc_subject(subj, subj_cs, enc_mode, partial=rng.random() < 0.4))
    hdr_date = ("Date", email.utils.format_datetime(dt))
    hdr_mid = ("Message-ID", msgid(rng, frm.domain, mid_style))
    if order < 0.5:
        h += [hdr_from, hdr_to]
        if ccs:
            h.append(("Cc", ", ".join(party_hdr(c, subj_cs, rng) for c in ccs)))
        h += [hdr_subj, hdr_date, hdr_mid]
    else:
        h += [hdr_date, hdr_mid, hdr_from, hdr_to]
        if ccs:
            h.append(("Cc", ", ".join(party_hdr(c, subj_cs, rng) for c in ccs)))
        h += [hdr_subj]
    h += list(extra)
    if mid_style == "outlook":
        h.append(("Thread-Topic", subj if all(ord(c) < 128 for c in subj) else mime.enc_words(subj, "utf-8", "B")))
        h.append(("Content-Language", {"nl": "nl-NL", "be": "nl-BE", "fr": "fr-BE", "en": "en-GB"}[lang]))
        if rng.random() < 0.5:
            h.append(("X-MS-Has-Attach", ""))
    elif mid_style == "apple":
        h.append(("X-Mailer", "Apple Mail (2.%d)" % rng.choice([3696, 3731, 3774, 3826])))
    elif mid_style == "java":
        h.append(("User-Agent", pick(rng, ["Mozilla Thunderbird", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:115.0) Gecko/20100101 Thunderbird/115.6.0",
                                            "Roundcube Webmail/1.6.5", "Microsoft-MacOutlook/16.78.23121017"])))
    h.append(("MIME-Version", "1.0"))
    return h


def assemble(headers, part):
    data = part.render(headers)
    return data


def build_message(kind, t, label, rng, idx):
    """Build one message from template t. Returns (bytes, manifest dict)."""
    when = msg_date(rng)
    lang = t.lang
    record = {}
    ctx, P, R, used = make_ctx(t, rng, when, record)
    home = choose_home(t, lang, rng)
    sender = staff_person_sex(rng, lang, used, t.extra["s_sex"]) if t.extra.get("s_sex") else None
    frm = make_party(t.frm, lang, rng, home, P, R, used, force_person=sender, org_override=t.extra.get("frm_org"))
    dt = when.replace(tzinfo=tz_for(when, frm.domain))
    to = make_party(t.to, lang, rng, home, P, R, used)
    tos = [to]
    ccs = []
    if rng.random() < 0.12 and to.role not in ("group",):
        ccs.append(make_party("staff" if frm.role in INTERNAL else t.frm, lang, rng, home, P, R, used))
    if label == "clean" and to.role == "group" and rng.random() < 0.3 and kind == "newsletter":
        tos = [Party("", "undisclosed-recipients:;", role="group")]
    subj, body, info, fctx = render_text(t, ctx, frm, to, rng, P, R, label, allow_typos=(kind not in ("subject-only",)))
    if body:
        body = daypart(body, when.hour)
    structure = choose_structure(kind, t, rng, label)
    mid_style = pick(rng, ["outlook", "outlook", "gmail", "apple", "java", "plain"])
    manifest = {"label": label, "kind": kind, "lang": lang, "template": t.id, "structure": structure,
                "typos": info["typos"], "notes": t.note}
    extra = []
    charset_hint = t.charset
    # ---------------------------------------------------------- variants
    wrap = None
    if label == "clean" or kind in ("referral", "lab", "family", "hr-sick", "ggz-crisis", "belgian", "french", "english", "id-only", "encoded", "html-only"):
        if structure != "fwd" and not t.attach and not t.pdf and body is not None and rng.random() < 0.13 and not subj.lower().startswith("re"):
            wrap = "reply"
    if structure == "fwd":
        wrap = "fwd-inline"
    if kind == "newsletter" or t.frm.endswith("news"):
        wrap = None if structure != "fwd" else wrap
        extra += [("List-Unsubscribe", "<mailto:unsubscribe@%s?subject=unsubscribe>, <%s>" % (frm.domain, fctx["unsub_url"])),
                  ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                  ("List-Id", "<nieuwsbrief.%s>" % frm.domain), ("Precedence", "bulk")]
    if t.extra.get("importance") or (label == "sensitive" and rng.random() < 0.05):
        extra.append(("Importance", "high"))

    if wrap == "reply":
        # the original recipient replies, quoting the message
        replier = to if to.role != "group" else make_party("staff", lang, rng, home, P, R, used)
        top = pick(rng, REPLY_TOP[lang])
        so = pick(rng, SIGNOFF[lang]["informal"])
        qstyle = pick(rng, ["gt", "gt", "outlook"])
        orig_dt = dt - datetime.timedelta(hours=rng.randint(1, 50))
        q = quote_block(body, qstyle, lang, frm, to, subj, orig_dt, rng)
        body = "%s\n\n%s\n%s\n\n%s\n" % (top, so, replier.first or replier.name, q)
        subj = pick(rng, RE_PREFIX[lang]) + subj
        frm, tos = replier, [frm]
        extra.append(("In-Reply-To", msgid(rng, tos[0].domain or "example.nl", "plain")))
        manifest["structure"] += "+reply-" + qstyle
    if wrap == "fwd-inline":
        fwd_to = make_party("staff", lang, rng, home, P, R, used)
        note = pick(rng, SS.FWD_NOTES_NEUTRAL[lang] if label == "clean" else SS.FWD_NOTES[lang])
        fstyle = pick(rng, ["gmail", "outlook", "thunderbird"])
        orig_dt = dt - datetime.timedelta(hours=rng.randint(1, 72))
        body = (note + "\n\n" if note else "") + fwd_header(fstyle, lang, frm, to, subj, orig_dt, rng) + "\n" + body
        subj = pick(rng, FWD_PREFIX[lang]) + subj
        forwarder = to if to.role != "group" else make_party("staff", lang, rng, home, P, R, used)
        frm, tos = forwarder, [fwd_to]
        structure = pick(rng, ["plain", "alt", "qp"])
        manifest["structure"] = structure + "+fwd-" + fstyle

    # ---------------------------------------------------------- body part
    html_text = None
    if t.html is not None:
        html_text = fill(t.html, dict(fctx, **{"c_first": fctx.get("c_first", ""), })).replace("{{", "{").replace("}}", "}")
        html_text = html_decorate(html_text, rng, kind) if rng.random() < 0.4 else html_text
        structure = "html"
        manifest["structure"] = "html-handwritten"
    elif structure in ("html", "alt", "alt-qp", "alt-enc", "mixed-alt") and (kind == "newsletter" or t.frm.endswith("news")) and rng.random() < 0.8:
        html_text = newsletter_html(body, frm.org or frm.name, fctx["unsub_url"], rng, fctx["uid"])
        manifest["structure"] += "(newsletter-layout)"
    elif structure in ("html", "alt", "alt-qp", "alt-enc", "mixed-alt"):
        cs_guess = charset_hint or "utf-8"
        html_text, hstyle, ent = html_for(body, rng, cs_guess)
        if structure == "html" and rng.random() < (0.9 if kind == "html-only" else 0.6):
            html_text = html_decorate(html_text, rng, kind)
        manifest["structure"] += "(%s,%s)" % (hstyle, ent)

    if structure in ("mixed", "mixed-alt"):
        inner_structure = "alt" if structure == "mixed-alt" else pick(rng, ["plain", "plain", "qp", "flowed"])
        bp, binfo = body_parts(inner_structure, body, html_text, rng, charset_hint)
        parts = [bp]
        for (fname, ctype, content) in t.attach:
            fname_f = fill(fname, fctx)
            text = fill(content, fctx).replace("{{", "{").replace("}}", "}")
            acs = t.charset or pick(rng, ["utf-8", "utf-8", "utf-8", "iso-8859-1", "windows-1252"])
            if ctype in ("application/xml", "application/json", "text/calendar", "text/vcard"):
                acs = "utf-8"
            acte = pick(rng, ["base64", "base64", "quoted-printable", "7bit"])
            if ctype in ("text/calendar", "text/vcard"):
                text = fold_ical(text)
            if ctype == "text/calendar":
                text = text.replace("\n", "\r\n") if acte != "base64" else text
                extra_ct = "; method=REQUEST" if "METHOD:REQUEST" in text else ""
            else:
                extra_ct = ""
            parts.append(mime.attachment(text, ctype, fname_f, acs, acte, bom=(ctype == "text/csv" and rng.random() < 0.4), extra_ct=extra_ct))
            manifest.setdefault("attachments", []).append("%s(%s,%s)" % (fname_f, acs, acte))
        if t.pdf:
            parts.append(opaque(fill(t.pdf, fctx), rng))
            manifest.setdefault("attachments", []).append(t.pdf + "(opaque)")
        part = mime.multipart("mixed", parts, boundary(rng, pick(rng, ["outlook", "gmail", "apple", "java"])),
                              preamble="This is a multi-part message in MIME format." if rng.random() < 0.4 else None)
        cs = binfo.get("charset", "utf-8")
        manifest["cte"] = binfo.get("cte")
    else:
        if structure == "html":
            bp, binfo = body_parts("html", body, html_text, rng, charset_hint)
        else:
            bp, binfo = body_parts(structure, body, html_text, rng, charset_hint)
        part = bp
        cs = binfo.get("charset", "utf-8")
        manifest["cte"] = binfo.get("cte")
    manifest["charset"] = cs
    headers = headers_for(frm, tos, ccs, subj, dt, lang, rng, mid_style, cs, extra, encode_subject=(kind == "encoded"))
    data = assemble(headers, part)
    manifest["ids"] = record
    manifest["_ctx"] = fctx
    manifest["_frm"], manifest["_to"] = frm, tos[0]
    manifest["subject"] = subj
    manifest["_dt"] = dt
    return data, manifest


def build_forwarded(t_inner, rng, label="sensitive"):
    """Forwarded kind: inner message either quoted inline or as message/rfc822."""
    inner_bytes, m = build_message("forwarded-inner", t_inner, label, rng, 0)
    lang = t_inner.lang
    ctx = m["_ctx"]
    frm_inner, to_inner = m["_frm"], m["_to"]
    used = set()
    home = (to_inner.org or "Zorggroep De Linde", to_inner.domain or "zorggroep-example.nl", "vvt")
    if not to_inner.domain or to_inner.domain in sum(PERSONAL_DOMAINS.values(), []):
        o = pick(rng, ORGS[pick(rng, HOME_POOL[lang])][0])
        home = (o[0], o[1], "x")
    fwd_from = to_inner if to_inner.role not in ("group", "family", "patient") and to_inner.person else make_party("staff", lang, rng, home, None, None, used)
    fwd_to = make_party("staff", lang, rng, home, None, None, used)
    dt = m["_dt"] + datetime.timedelta(hours=rng.randint(1, 30))
    note = pick(rng, SS.FWD_NOTES[lang])
    if note and rng.random() < 0.5:
        note = note + "\n\n" + pick(rng, SIGNOFF[lang]["informal"]) + "\n" + (fwd_from.first or fwd_from.name)
    subj = pick(rng, FWD_PREFIX[lang]) + m["subject"]
    mode = pick(rng, ["inline", "inline", "rfc822"])
    mid_style = pick(rng, ["outlook", "gmail", "apple", "java"])
    manifest = {"label": label, "kind": "forwarded", "lang": lang, "template": t_inner.id, "typos": m["typos"], "notes": t_inner.note,
                "ids": m["ids"]}
    if mode == "rfc822":
        textp = mime.text_part((note or pick(rng, SS.FWD_NOTES[lang][:3])) + "\n", "plain", "utf-8", None)
        fname = slug(m["subject"])[:40] + ".eml"
        part = mime.multipart("mixed", [textp, mime.rfc822_part(inner_bytes, fname if rng.random() < 0.7 else None)], boundary(rng, mid_style))
        manifest["structure"] = "rfc822-attachment(inner:%s)" % m["structure"]
        cs = "utf-8"
    else:
        # re-render the inner as text and quote it
        inner_body = extract_text(inner_bytes)
        fstyle = pick(rng, ["gmail", "outlook", "thunderbird", "apple"])
        inner_dt = m["_dt"]
        if fstyle == "apple":
            head = {"nl": "Begin doorgestuurd bericht:", "be": "Begin doorgestuurd bericht:", "fr": "Début du message réexpédié :", "en": "Begin forwarded message:"}[lang]
            lab = {"nl": ("Van", "Onderwerp", "Datum", "Aan"), "be": ("Van", "Onderwerp", "Datum", "Aan"), "fr": ("De", "Objet", "Date", "À"), "en": ("From", "Subject", "Date", "To")}[lang]
            q = "%s\n\n> %s: %s <%s>\n> %s: %s\n> %s: %s\n> %s: %s\n>\n" % (head, lab[0], frm_inner.name or frm_inner.addr, frm_inner.addr, lab[1], m["subject"],
                                                                      lab[2], fmt_hdr_date(inner_dt, lang, rng, "outlook"), lab[3], to_inner.name or to_inner.addr)
            q += "\n".join(("> " + l) if l else ">" for l in inner_body.rstrip("\n").split("\n"))
            body = (note + "\n\n\n" if note else "") + q + "\n"
        else:
            body = (note + "\n\n" if note else "") + fwd_header(fstyle, lang, frm_inner, to_inner, m["subject"], inner_dt, rng) + "\n" + inner_body
        structure = pick(rng, ["plain", "alt", "qp", "b64", "flowed"])
        html_text = html_for(body, rng, "utf-8")[0] if structure == "alt" else None
        part, binfo = body_parts(structure, body, html_text, rng)
        cs = binfo["charset"]
        manifest["structure"] = "%s+inline-%s" % (structure, fstyle)
    headers = headers_for(fwd_from, [fwd_to], [], subj, dt.replace(tzinfo=dt.tzinfo), lang, rng, mid_style, cs)
    manifest["charset"] = cs
    return assemble(headers, part), manifest


def extract_text(msg_bytes):
    """Plain text of a message we just built (for inline forwarding)."""
    import email
    from email import policy
    msg = email.message_from_bytes(msg_bytes, policy=policy.default)
    body = msg.get_body(preferencelist=("plain", "html"))
    txt = body.get_content()
    if body.get_content_type() == "text/html":
        txt = re.sub(r"<(style|script)[^>]*>.*?</\1>", "", txt, flags=re.S | re.I)
        txt = re.sub(r"<br\s*/?>|</p>|</div>|</tr>", "\n", txt, flags=re.I)
        txt = re.sub(r"<[^>]+>", "", txt)
        import html as h
        txt = h.unescape(txt)
        txt = re.sub(r"\n{3,}", "\n\n", txt)
    if msg.get_content_type().startswith("multipart/mixed"):
        pass
    return txt.replace("\r\n", "\n")


def html_only_from_pool(t, rng):
    """html-only kind, re-packaging a plain template as a single text/html part."""
    data, m = build_message("html-only", t, "sensitive", rng, 0)
    return data, m


def fold_ical(text):
    """RFC 5545 / 6350 line folding at 75 octets."""
    out = []
    for line in text.split("\n"):
        while len(line.encode("utf-8")) > 75:
            cut = 74
            while len(line[:cut].encode("utf-8")) > 74:
                cut -= 1
            sp = line.rfind(" ", 20, cut)
            if sp > 0:
                cut = sp  # fold before a space, so words and numbers stay whole
            out.append(line[:cut])
            line = " " + line[cut:]
        out.append(line)
    return "\n".join(out)


def to_crlf(data):
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    ap.add_argument("--seed", type=int, default=20240611)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    out = os.path.abspath(args.out)
    rows = []
    for label, kinds in (("sensitive", SENSITIVE), ("clean", CLEAN)):
        for kind, templates in kinds.items():
            d = os.path.join(out, label, kind)
            os.makedirs(d, exist_ok=True)
            for f in os.listdir(d):
                if f.endswith(".eml"):
                    os.remove(os.path.join(d, f))
            n = N_SENSITIVE if label == "sensitive" else N_CLEAN
            n = max(n, len(templates))
            seq = list(templates)
            rng.shuffle(seq)
            plan = []
            if kind in ("forwarded", "encoded", "html-only"):
                pool = [p for p in POOL_S if p not in templates]
                if kind == "encoded":
                    pool = [p for p in pool if any(ord(c) > 127 for c in (p.body or ""))]
                extra = rng.sample(pool, n - len(seq))
                plan = seq + extra
            else:
                while len(plan) < n:
                    plan += seq
                    rng.shuffle(seq)
                plan = plan[:n]
            for i, t in enumerate(plan, 1):
                t.kind, t.label = kind, label
                if kind == "forwarded":
                    data, m = build_forwarded(t, rng)
                elif kind == "html-only":
                    if t.html is None:
                        # pool text rendered as html-only
                        data, m = build_html_only(t, rng)
                    else:
                        data, m = build_message(kind, t, label, rng, i)
                elif kind == "encoded":
                    data, m = build_encoded(t, rng)
                else:
                    data, m = build_message(kind, t, label, rng, i)
                crlf = rng.random() < 0.2
                if crlf:
                    data = to_crlf(data)
                m["crlf"] = crlf
                name = "%03d-%s.eml" % (i, t.id)
                path = os.path.join(d, name)
                with open(path, "wb") as fh:
                    fh.write(data)
                m["file"] = os.path.relpath(path, out)
                rows.append(m)
    write_manifest(out, rows)
    print("wrote %d messages to %s" % (len(rows), out))


def build_html_only(t, rng):
    saved = t.html
    data, m = build_message_forced(t, rng, "html-only", "html")
    return data, m


def build_encoded(t, rng):
    return build_message_forced(t, rng, "encoded", None)


_FORCE = {}


def build_message_forced(t, rng, kind, structure):
    global choose_structure
    orig = choose_structure
    if structure:
        choose_structure = lambda k, tt, r, l: structure  # noqa: E731
    try:
        if kind == "encoded" and t.charset is None:
            t_charset = pick(rng, ["iso-8859-1", "windows-1252"])
            t.charset = t_charset
            try:
                return build_message(kind, t, "sensitive", rng, 0)
            finally:
                t.charset = None
        return build_message(kind, t, "sensitive", rng, 0)
    finally:
        choose_structure = orig


def write_manifest(out, rows):
    cols = ["file", "label", "kind", "lang", "template", "structure", "charset", "cte", "crlf", "typos", "attachments", "notes"]
    rows.sort(key=lambda r: r["file"])
    with open(os.path.join(out, "manifest.tsv"), "w", encoding="utf-8") as fh:
        fh.write("\t".join(cols) + "\n")
        for r in rows:
            vals = []
            for c in cols:
                v = r.get(c, "")
                if isinstance(v, list):
                    v = ",".join(v)
                vals.append(str(v if v is not None else "").replace("\t", " "))
            fh.write("\t".join(vals) + "\n")


if __name__ == "__main__":
    main()
