"""Sensitive spreadsheets (client lists, bed lists, medication and wound-care
lists) and slide decks (MDO / case discussions)."""

import ids
from docmodel import Num, Sheet, SheetDoc, Slide, SlideDoc
from reg import tpl

DIAG_NL = ["Alzheimer-dementie", "Vasculaire dementie", "CVA, hemiparese links", "CVA, afasie", "Ziekte van Parkinson", "COPD GOLD III", "Hartfalen",
           "DM2, insulineafhankelijk", "Heupfractuur (revalidatie)", "Depressie", "Korsakov", "Lewy body dementie", "MS", "Reumatoïde artritis",
           "Dementie, probleemgedrag", "Oncologie, palliatief", "Nierinsufficiëntie", "Schizofrenie", "Amputatie li onderbeen", "Huntington"]
MED_NL = ["Metformine 500 mg 2dd", "Apixaban 2,5 mg 2dd", "Furosemide 40 mg 1dd", "Levodopa/benserazide 125 mg 4dd", "Haloperidol 0,5 mg a.n.", "Paracetamol 1 g 3dd",
          "Insuline glargine 16 E", "Memantine 20 mg", "Oxazepam 10 mg zn", "Acenocoumarol vlgs trombosedienst", "Macrogol 1dd", "Citalopram 20 mg", "Quetiapine 25 mg a.n.",
          "Metoprolol 50 mg", "Tiotropium 2dd", "Fentanylpleister 25 µg/u", "Levetiracetam 500 mg 2dd", "Omeprazol 20 mg"]
DIAG_BE = ["Dementie (Alzheimer)", "CVA", "Parkinson", "Hartfalen", "Diabetes type 2", "COPD", "Heupfractuur", "Depressie", "Nierinsufficiëntie", "Kanker (palliatief)"]
DIAG_FR = ["Démence d'Alzheimer", "AVC ischémique", "Maladie de Parkinson", "Insuffisance cardiaque", "Diabète type 2", "BPCO", "Fracture du col du fémur", "Dépression", "Cancer du côlon (palliatif)", "Insuffisance rénale"]
DIAG_EN = ["Alzheimer's dementia", "Stroke (left hemiparesis)", "Parkinson's disease", "Heart failure", "Type 2 diabetes", "COPD", "Fractured NOF", "Depression", "Vascular dementia", "Metastatic prostate cancer"]


def persons(c, n, gen="old"):
    out = []
    for _ in range(n):
        out.append(c.person(gen=gen))
    return out


def name_style(c):
    s = c.pick(["last_first", "full", "init", "last_init"])

    def f(P):
        if s == "last_first":
            return "%s, %s" % (P.last_cap(), P.first)
        if s == "full":
            return P.full()
        if s == "init":
            return "%s %s" % (P.initials(), P.last_low())
        return "%s %s" % (P.last_cap(), P.initials())
    return f


def cover_sheet(c, title, lines, name=None):
    rows = [[title], [""]] + [[l] for l in lines]
    return Sheet(name or c.pick({"nl": ["Toelichting", "Info", "Voorblad", "Legenda"], "be": ["Info", "Uitleg"], "fr": ["Infos", "Notice"], "en": ["Notes", "Read me", "Key"]}[c.lang]),
                 rows, head_rows=(), title_rows=(0,), widths=[16.0])


def two(c, main, cover_title, cover_lines):
    """Put the data sheet second when the planner asks for it."""
    if c.flag("2sheets"):
        c.notes.append("2 sheets, data only on the 2nd")
        return [cover_sheet(c, cover_title, cover_lines), main]
    return [main]


def bsn_cell(c, style=None):
    """A BSN as a number cell (leading zeros are lost, as in real exports) or as text."""
    b = ids.bsn(c.rng)
    c.secrets.append(b)
    if c.flag("bsnnum") or style == "num":
        return Num(int(b))
    return b


@tpl("nl-sheet-bewonerslijst", "nl", "sheet", "sensitive", flags=("2sheets", "bsnnum"))
def bewonerslijst(c):
    n = c.rng.randint(8, 18)
    ps = persons(c, n)
    nf = name_style(c)
    ward = c.ward()
    cols = c.pick([["Kamer", "Naam", "Geboortedatum", "BSN", "Diagnose", "Huisarts/SO"],
                   ["Naam", "Geboortedatum", "BSN", "Kamer", "Diagnose", "Medicatie"],
                   ["Achternaam", "Voornaam", "Geb.datum", "BSN", "Kamer", "Diagnose"]])
    rows = [cols]
    doctors = [c.doctor().drlast for _ in range(2)]
    for i, P in enumerate(ps):
        r = []
        for col in cols:
            if col == "Kamer":
                r.append(c.rng.randint(1, 40) if c.chance(0.7) else "%s%d" % (c.pick(["A", "B"]), c.rng.randint(1, 20)))
            elif col == "Naam":
                r.append(nf(P))
            elif col == "Achternaam":
                r.append(P.last_cap())
            elif col == "Voornaam":
                r.append(P.first)
            elif col in ("Geboortedatum", "Geb.datum"):
                r.append(P.dob)
            elif col == "BSN":
                r.append(bsn_cell(c))
            elif col == "Diagnose":
                r.append(", ".join(c.sample(DIAG_NL, c.rng.randint(1, 2))))
            elif col == "Medicatie":
                r.append("; ".join(c.sample(MED_NL, c.rng.randint(1, 3))))
            elif col == "Huisarts/SO":
                r.append(c.pick(doctors))
        rows.append(r)
    if c.chance(0.4):
        rows.insert(0, ["Bewonerslijst %s - stand %s" % (ward, c.dn(0))])
        rows.insert(1, [""])
        sheet = Sheet(c.pick(["Bewoners", ward, "Lijst"]), rows, head_rows=(2,), title_rows=(0,))
    else:
        sheet = Sheet(c.pick(["Bewoners", ward, "Blad1"]), rows)
    return SheetDoc(two(c, sheet, "Bewonerslijst", ["Afdeling %s" % ward, "Alleen voor intern gebruik", "Bijgewerkt door %s" % c.staff().full()]),
                    author=c.staff().full(), created=c.when.replace(tzinfo=None))


@tpl("nl-sheet-beddenlijst", "nl", "sheet", "sensitive", flags=("2sheets", "bsnnum"))
def beddenlijst(c):
    n = c.rng.randint(10, 24)
    ps = persons(c, n)
    rows = [["Bed", "Patiënt", "Geb.", "Pat.nr", "Opname", "Diagnose", "Specialist", "Dieet", "Bijzonderheden"]]
    specs = [c.doctor().last_cap() for _ in range(3)]
    for i, P in enumerate(ps):
        rows.append(["%s-%02d" % (c.pick(["C3", "C4", "B2"]), i + 1), "%s %s (%s)" % (P.last_cap(), P.initials(), "V" if P.sex == "f" else "M"), P.dob,
                     Num(int(c.patnr())), c.day(-c.rng.randint(0, 12)),
                     c.pick(["pneumonie", "CHF decomp.", "urosepsis", "AKI", "COPD-exacerbatie", "hypoNa", "GI-bloeding", "delier e.c.i.", "cellulitis onderbeen", "DKA"]),
                     c.pick(specs), c.pick(["normaal", "diabetisch", "vochtbeperking 1,5 l", "zoutbeperkt", "sondevoeding", "NPO"]),
                     c.pick(["", "", "MRSA-isolatie", "NR-beleid", "valrisico", "delirant", "O2 2 l/min", "ontslag morgen"])])
    sheet = Sheet(c.pick(["Bezetting", "Afdeling", "Overdracht"]), rows)
    return SheetDoc(two(c, sheet, "Beddenoverzicht", ["Automatisch gegenereerd uit het EPD", "Niet printen"]), author=c.staff().full(), created=c.when.replace(tzinfo=None))


@tpl("nl-sheet-toedienlijst", "nl", "sheet", "sensitive", flags=("2sheets",))
def toedienlijst(c):
    ps = persons(c, c.rng.randint(5, 10))
    rows = [["Cliënt", "Kamer", "Geneesmiddel", "08:00", "12:00", "17:00", "21:00", "Opmerking"]]
    for P in ps:
        for m in c.sample(MED_NL, c.rng.randint(1, 3)):
            times = [c.pick(["1", "", "1"]) for _ in range(4)]
            rows.append([P.full(), c.rng.randint(1, 30), m] + times + [c.pick(["", "", "fijnmaken", "met yoghurt", "controle RR voor toediening", "weigert soms"])])
    sheet = Sheet("Toedienlijst", rows)
    return SheetDoc(two(c, sheet, "Toedienlijst week %d" % c.today.isocalendar()[1], ["Paraferen na toediening", "Bij twijfel apotheek bellen"]), author=c.staff().full(), created=c.when.replace(tzinfo=None))


@tpl("nl-sheet-wondzorg", "nl", "sheet", "sensitive", flags=("2sheets",))
def wondzorg(c):
    ps = persons(c, c.rng.randint(5, 12))
    rows = [c.pick([["Naam", "Geb.datum", "Kamer", "Locatie wond", "Soort/categorie", "Beleid", "Frequentie", "Evaluatie"],
                    ["Cliënt", "Adres", "Wond", "Classificatie", "Wondbeleid", "Verbandmiddel", "Wie"]])]
    for P in ps:
        loc = c.pick(["sacrum", "hiel re", "hiel li", "onderbeen li", "voetrug re", "heup li", "buik (stoma)"])
        soort = c.pick(["decubitus cat. 2", "decubitus cat. 3", "ulcus cruris venosum", "diabetische voet (Wagner 2)", "skin tear", "postoperatieve wond"])
        if rows[0][0] == "Naam":
            rows.append([P.full(), P.dob, c.rng.randint(1, 40), loc, soort, c.pick(["reinigen, Aquacel Ag", "Mepilex Border", "zwachtelen", "Flaminal + gaas", "VAC"]),
                         c.pick(["dagelijks", "3x/week", "2x/week"]), c.day(c.rng.randint(2, 20))])
        else:
            rows.append([P.with_initials(), c.addr(), "%s %s" % (soort, loc), c.pick(["rood", "geel", "zwart"]), c.pick(["reinigen, alginaat", "Mepilex", "compressie"]),
                         c.pick(["Aquacel", "Mepilex Ag", "Urgoclean"]), c.staff().first])
    sheet = Sheet(c.pick(["Wondzorg", "Wonden", "Overzicht"]), rows)
    return SheetDoc(two(c, sheet, "Wondzorglijst", ["Wondconsulent: %s" % c.staff().full(), "Foto's in het ECD"]), author=c.staff().full(), created=c.when.replace(tzinfo=None))


@tpl("nl-sheet-griepvaccinatie", "nl", "sheet", "sensitive", flags=("bsnnum", "2sheets"))
def griepvacc(c):
    ps = persons(c, c.rng.randint(10, 20))
    rows = [["Naam", "Geboortedatum", "BSN", "Gevaccineerd", "Datum", "Reden geen vaccinatie"]]
    for P in ps:
        v = c.chance(0.75)
        rows.append([P.full(), P.dob, bsn_cell(c), "ja" if v else "nee", c.day(-c.rng.randint(1, 20)) if v else "",
                     "" if v else c.pick(["weigert", "allergie kippenei", "koorts op vaccinatiedag", "Guillain-Barré in voorgeschiedenis", "chemotherapie, overleg oncoloog"])])
    sheet = Sheet("Griepvaccinatie %d" % c.today.year, rows)
    return SheetDoc(two(c, sheet, "Registratie griepvaccinatie bewoners", ["Lotnummer: zie apotheek"]), author=c.staff().full(), created=c.when.replace(tzinfo=None))


@tpl("nl-sheet-wachtlijst-ggz", "nl", "sheet", "sensitive", flags=("bsnnum", "2sheets"))
def wachtlijst(c):
    ps = persons(c, c.rng.randint(8, 16), gen="young")
    nf = name_style(c)
    rows = [["Aanmelddatum", "Naam", "Geb.datum", "BSN", "Verwijzer", "Voorlopige diagnose", "Urgentie", "Behandelaar"]]
    for P in ps:
        rows.append([c.day(-c.rng.randint(5, 120)), nf(P), P.dob, bsn_cell(c), c.pick(["huisarts", "POH-GGZ", "SEH", "wijkteam"]),
                     c.pick(["depressieve stoornis", "PTSS", "paniekstoornis", "ADHD", "autismespectrumstoornis", "eetstoornis", "bipolaire stoornis", "persoonlijkheidsproblematiek"]),
                     c.pick(["regulier", "regulier", "hoog", "crisis"]), c.pick(["", "", c.staff().first])])
    sheet = Sheet("Wachtlijst", rows)
    return SheetDoc(two(c, sheet, "Wachtlijst specialistische GGZ", ["Bespreken in het intakeoverleg op dinsdag"]), author=c.staff().full(), created=c.when.replace(tzinfo=None))


@tpl("nl-sheet-inr", "nl", "sheet", "sensitive", flags=("2sheets",))
def inr(c):
    ps = persons(c, c.rng.randint(6, 12))
    dates = [c.day(-7 * i) for i in range(4, 0, -1)]
    rows = [["Patiënt", "Geb.datum", "Middel", "Streef"] + [d.strftime("%d-%m") for d in dates] + ["Dosering nu"]]
    for P in ps:
        rows.append([P.full(), P.dob, c.pick(["acenocoumarol", "fenprocoumon"]), c.pick(["2,0-3,0", "2,5-3,5"])] +
                    [Num(round(c.rng.uniform(1.4, 5.2), 1)) for _ in dates] + [c.pick(["1 - 1 - 1,5", "2 mg dd", "1,5 / 1 afw.", "3 mg ma-wo-vr"])])
    sheet = Sheet("INR", rows)
    return SheetDoc(two(c, sheet, "INR-overzicht trombosedienst", ["Alleen voor de behandelend arts"]), author=c.staff().full(), created=c.when.replace(tzinfo=None))


@tpl("nl-sheet-declaratie", "nl", "sheet", "sensitive", flags=("bsnnum", "2sheets"))
def declaratie(c):
    ps = persons(c, c.rng.randint(8, 15))
    rows = [["Cliëntnr", "BSN", "Naam", "Geboortedatum", "Zorgverzekeraar", "Prestatie", "Zorgprofiel/diagnose", "Uren"]]
    for P in ps:
        rows.append([Num(c.rng.randint(100000, 999999)), bsn_cell(c), P.full(), P.dob, c.mut(), c.pick(["Wijkverpleging V&V", "Wlz VV5", "Wlz VV6", "ELV hoog complex", "GRZ"]),
                     c.pick(["Dementie", "Somatisch: hartfalen", "Oncologie", "CVA revalidatie", "Psychogeriatrie"]), Num(round(c.rng.uniform(2, 40), 1))])
    sheet = Sheet("Declaratie", rows)
    return SheetDoc(two(c, sheet, "Declaratie-export", ["Periode %s" % c.today.strftime("%m-%Y"), "Controle door administratie"]), author=c.staff().full(), created=c.when.replace(tzinfo=None))


@tpl("nl-sheet-thuiszorgroute", "nl", "sheet", "sensitive")
def route(c):
    ps = persons(c, c.rng.randint(8, 14))
    rows = [["Tijd", "Cliënt", "Adres", "Handeling", "Bijzonderheden"]]
    h = 7
    for P in ps:
        m = c.pick([0, 15, 30, 45])
        rows.append(["%02d:%02d" % (h, m), P.full(), c.addr(), c.pick(["insuline injecteren", "steunkousen aan", "wondzorg onderbeen", "stomazorg", "medicatie aanreiken", "ADL hulp + ogen druppelen", "katheter spoelen"]),
                     c.pick(["", "sleutelkluis 4711", "hond!", "hypo's gehad", "dochter aanwezig", "palliatief, morfinepomp", "dementie, bellen voor aankomst"])])
        h += c.pick([0, 1])
    return SheetDoc([Sheet("Route %s" % c.dn(1, "short") if c.lang == "nl" else "Route", rows)], author=c.staff().full(), created=c.when.replace(tzinfo=None))


# ---- Flemish / French / English sheets

@tpl("be-sheet-wzc-bewoners", "be", "sheet", "sensitive", flags=("2sheets",))
def be_bewoners(c):
    ps = persons(c, c.rng.randint(8, 16))
    rows = [["Kamer", "Naam", "Geboortedatum", "Rijksregisternummer", "Mutualiteit", "Katz", "Diagnose", "DNR"]]
    for P in ps:
        rows.append([c.rng.randint(1, 80), P.full(), P.dob, c.nrn(P, style=c.pick(["official", "plain"])), c.mut(), c.pick(["O", "A", "B", "C", "Cd", "D"]),
                     c.pick(DIAG_BE), c.pick(["", "DNR 1", "DNR 2", "DNR 3"])])
    sheet = Sheet("Bewoners", rows)
    return SheetDoc(two(c, sheet, "Bewonerslijst %s" % c.org("be_wzc")[0], ["Vertrouwelijk", "Laatste update %s" % c.dn(0)]),
                    author=c.staff().full(), created=c.when.replace(tzinfo=None), date_fmt="be")


@tpl("be-sheet-thuisverpleging", "be", "sheet", "sensitive", flags=("2sheets",))
def be_thuis(c):
    ps = persons(c, c.rng.randint(8, 14))
    rows = [["Patiënt", "INSZ", "Adres", "Verstrekking", "Nomenclatuur", "Forfait", "Opmerking"]]
    for P in ps:
        rows.append([P.full(), c.nrn(P, style="plain"), c.addr(), c.pick(["insuline-injectie", "wondzorg (complex)", "toiletzorg", "medicatie klaarzetten", "sondevoeding"]),
                     Num(c.pick([425110, 425596, 425375, 425294, 424336])), c.pick(["A", "B", "C", "PP", ""]), c.pick(["", "diabetes", "palliatief", "dementie"])])
    sheet = Sheet("Toer", rows)
    return SheetDoc(two(c, sheet, "Toerlijst thuisverpleging", ["Verpleegkundige: %s" % c.staff().full()]), author=c.staff().full(), created=c.when.replace(tzinfo=None), date_fmt="be")


@tpl("fr-sheet-residents", "fr", "sheet", "sensitive", flags=("2sheets",))
def fr_residents(c):
    ps = persons(c, c.rng.randint(8, 16))
    rows = [["Chambre", "Nom", "Prénom", "Date de naissance", "NISS", "Régime", "Allergies", "Pathologies"]]
    for P in ps:
        rows.append([c.rng.randint(1, 60), P.last_cap(), P.first, P.dob, c.nrn(P, style=c.pick(["official", "plain"])), c.pick(["normal", "diabétique", "mixé", "sans sel", "haché"]),
                     c.pick(["", "", "pénicilline", "arachide", "iode"]), c.pick(DIAG_FR)])
    sheet = Sheet("Résidents", rows)
    return SheetDoc(two(c, sheet, "Liste des résidents", ["Document interne - ne pas diffuser"]), author=c.staff().full(), created=c.when.replace(tzinfo=None), date_fmt="fr")


@tpl("fr-sheet-tournee-soins", "fr", "sheet", "sensitive")
def fr_tournee(c):
    ps = persons(c, c.rng.randint(7, 12))
    rows = [["Heure", "Patient", "Adresse", "Soins", "Remarques"]]
    for i, P in enumerate(ps):
        rows.append(["%dh%02d" % (7 + i // 2, c.pick([0, 15, 30, 45])), P.full(), c.addr(), c.pick(["injection insuline", "pansement ulcère", "bas de contention", "toilette", "préparation piluliers", "soins de stomie"]),
                     c.pick(["", "glycémie instable", "clé chez la voisine", "fin de vie", "démence"])])
    return SheetDoc([Sheet("Tournée", rows)], author=c.staff().full(), created=c.when.replace(tzinfo=None), date_fmt="fr")


@tpl("en-sheet-handover", "en", "sheet", "sensitive", flags=("bsnnum", "2sheets"))
def en_handover(c):
    ps = persons(c, c.rng.randint(10, 20))
    rows = [["Bed", "Name", "DOB", "NHS number", "Diagnosis", "Plan", "Obs/NEWS", "Resus"]]
    for i, P in enumerate(ps):
        nhs = c.nhs().replace(" ", "")
        rows.append([i + 1, P.full(), P.dob, Num(int(nhs)) if c.flag("bsnnum") else nhs, c.pick(DIAG_EN), c.pick(["IV abx day 3", "awaiting OT", "discharge today", "for CT head", "palliative", "social admission"]),
                     c.rng.randint(0, 7), c.pick(["For CPR", "DNACPR"])])
    sheet = Sheet("Handover", rows)
    return SheetDoc(two(c, sheet, "Ward handover", ["Do not print or leave unattended"]), author=c.staff().full(), created=c.when.replace(tzinfo=None), date_fmt="en")


@tpl("en-sheet-residents", "en", "sheet", "sensitive")
def en_residents(c):
    ps = persons(c, c.rng.randint(8, 15))
    rows = [["Room", "Resident", "DOB", "GP", "Diagnoses", "Diet", "DNACPR", "Allergies"]]
    for P in ps:
        rows.append([c.rng.randint(1, 40), P.full(), P.dob, c.doctor().drlast, c.pick(DIAG_EN), c.pick(["normal", "diabetic", "puree", "soft & bite-sized"]), c.pick(["yes", "no"]), c.pick(["NKDA", "penicillin", "latex"])])
    return SheetDoc([Sheet("Residents", rows)], author=c.staff().full(), created=c.when.replace(tzinfo=None), date_fmt="en")


# ------------------------------------------------------------------ slides

def _deck(c, slides, footer=""):
    return SlideDoc(slides, author=c.staff().full(), created=c.when.replace(tzinfo=None), theme=c.rng.randint(0, 4), footer=footer)


@tpl("nl-slides-mdo-dementie", "nl", "slides", "sensitive")
def sl_mdo_dem(c):
    P = c.person()
    org = c.org("vvt")[0]
    return _deck(c, [
        Slide("MDO %s" % c.ward(), sub="%s\n%s" % (org, c.dn(0, "long"))),
        Slide("Casus: %s (%d jaar)" % (P.title_short(), c.age(P)), ["Woont sinds %s op de PG-afdeling" % c.dn(-400, "long").split(" ", 1)[1], "Diagnose: %s" % c.pick(["Alzheimer-dementie", "Frontotemporale dementie", "Lewy body dementie"]),
                                                                      "MMSE %d (was %d een jaar geleden)" % (c.rng.randint(8, 15), c.rng.randint(16, 20)), "Weduwe/weduwnaar, %d kinderen" % c.rng.randint(1, 4)]),
        Slide("Probleemgedrag", ["Roepen en slaan tijdens de ochtendzorg", (2, "ABC-registratie: vooral bij wassen aan tafel"), "Nachtelijke onrust", (2, "Slaapt 3-4 uur"),
                                 "Haloperidol 1 mg sinds 6 weken - afbouwen?"]),
        Slide("Somatiek", ["Gewicht %d kg (-%d kg in 3 mnd)" % (c.rng.randint(45, 65), c.rng.randint(2, 6)), "Obstipatie (pijn?)", "Valincidenten: %d dit kwartaal" % c.rng.randint(1, 5)]),
        Slide("Voorstellen", ["Pijnobservatie met PACSLAC", "Muziek op maat bij ADL", "Gesprek met %s over behandelgrenzen" % c.pick(["dochter", "zoon"]), "Evaluatie over 6 weken"]),
    ], footer=org)


@tpl("nl-slides-casus-ggz", "nl", "slides", "sensitive")
def sl_ggz(c):
    P = c.person(gen="young")
    org = c.org("ggz")[0]
    return _deck(c, [
        Slide("Casusbespreking", sub="Team %s - %s" % (c.pick(["FACT Noord", "FACT Centrum", "Acute dienst"]), c.dn(0))),
        Slide("%s, %d jaar" % (P.full(), c.age(P)), ["Schizofrenie, sinds %d in zorg" % c.rng.randint(2010, 2020), "Woont zelfstandig, schulden", "Cannabis dagelijks", "Laatste opname: %s (IBS)" % c.dn(-200)]),
        Slide("Huidige situatie", ["Depot gemist (2x)", "Buren klagen over geluidsoverlast en dreigen", "Achterdochtig naar moeder", "Geen ziekte-inzicht"]),
        Slide("Risicotaxatie", table=[["Risico", "Inschatting"], ["Agressie", "matig-hoog"], ["Suïcide", "laag"], ["Zelfverwaarlozing", "hoog"], ["Middelengebruik", "hoog"]]),
        Slide("Vraag aan het team", ["Zorgmachtiging (Wvggz) aanvragen?", "Frequentie huisbezoeken verhogen naar 2x/week", "Contact met bewindvoerder"]),
    ], footer=org)


@tpl("nl-slides-mdo-oncologie", "nl", "slides", "sensitive")
def sl_onco(c):
    P = c.person()
    hosp = c.org("hosp")[0]
    return _deck(c, [
        Slide("MDO Longoncologie", sub="%s - %s" % (hosp, c.dn(0, "long"))),
        Slide("Patiënt %d: %s, %s" % (c.rng.randint(1, 6), P.with_initials(), P.dob_fmt()), ["%d jaar, %s, WHO-PS %d" % (c.age(P), "V" if P.sex == "f" else "M", c.rng.randint(0, 2)),
                                                                                       "Rookt 40 pakjaren", "Klachten: hoesten, hemoptoë, 6 kg gewichtsverlies"]),
        Slide("Beeldvorming", ["CT-thorax: tumor rechter bovenkwab 4,2 cm", "PET-CT: hilaire en mediastinale klieren (4R, 7)", "MRI-hersenen: geen metastasen"]),
        Slide("Pathologie", ["EBUS-biopt station 7: adenocarcinoom", "PD-L1 %d%%, EGFR wildtype, ALK negatief" % c.rng.randint(1, 80), "cT2bN2M0 - stadium IIIA"]),
        Slide("Voorstel", ["Concurrente chemoradiatie", "Daarna durvalumab consolidatie", "Bespreken met patiënt op %s" % c.dn(3)]),
    ])


@tpl("nl-slides-intervisie-ghz", "nl", "slides", "sensitive")
def sl_ghz(c):
    P = c.person(gen="young")
    org = c.org("ghz")[0]
    return _deck(c, [
        Slide("Intervisie woongroep", sub=org),
        Slide("Over %s" % P.first, ["%d jaar, woont sinds %d bij ons" % (c.age(P), c.rng.randint(2012, 2022)), "Licht verstandelijke beperking + autisme", "Epilepsie (valproaat)", "Achternaam %s, mentor: %s" % (P.last_cap(), c.person().full())]),
        Slide("Wat zien we?", ["Meer driftbuien sinds de verhuizing van een groepsgenoot", "Eet slecht, gewicht -4 kg", "Twee aanvallen in de nacht afgelopen maand"]),
        Slide("Vragen", ["Hoe bieden we meer voorspelbaarheid?", "Moet de AVG-arts de medicatie herzien?", "Inzet gedragsdeskundige"]),
    ], footer=org)


@tpl("nl-slides-wijk-casus", "nl", "slides", "sensitive")
def sl_wijk(c):
    P = c.person()
    org = c.org("thuis")[0]
    return _deck(c, [
        Slide("Casus wijkteam %s" % c.city(), sub="Complexe zorg thuis - %s" % c.dn(0)),
        Slide("Cliënt", ["%s, %s" % (P.full(), c.addr()), "DM2 met diabetische voet, amputatie dig. 2", "Woont alleen, zoon op afstand", "Zorgmijdend"]),
        Slide("Wondbeloop", table=[["Datum", "Grootte", "Aspect"], [c.dn(-28), "3,0 x 2,1 cm", "geel beslag"], [c.dn(-14), "2,6 x 2,0 cm", "granulerend"], [c.dn(-1), "2,8 x 2,3 cm", "rode rand, geur"]]),
        Slide("Actie", ["Huisarts vandaag gebeld: verdenking infectie", "Verwijzing voetenpoli", "Insulinetoediening 2x/dag blijft"]),
    ], footer=org)


@tpl("be-slides-moc-wzc", "be", "slides", "sensitive")
def sl_be(c):
    P = c.person()
    org = c.org("be_wzc")[0]
    return _deck(c, [
        Slide("Multidisciplinair overleg", sub="%s - %s" % (org, c.dn(0))),
        Slide("Bewoner: %s (kamer %d)" % (P.full(), c.rng.randint(1, 80)), ["Geboren %s, Katz %s" % (P.dob_fmt(), c.pick(["C", "Cd", "D"])), "Gekende Parkinson en depressie", "Referentiepersoon: dochter"]),
        Slide("Aandachtspunten", ["Verslikt zich vaker: logopedie", "Valpartij %s, geen letsel" % c.dn(-10), "Stemming: huilt veel, antidepressivum evalueren"]),
        Slide("Vroegtijdige zorgplanning", ["Gesprek met familie gepland", "Voorstel DNR 3 (geen hospitalisatie)", "Palliatief support team informeren"]),
    ], footer=org)


@tpl("fr-slides-concertation", "fr", "slides", "sensitive")
def sl_fr(c):
    P = c.person()
    org = c.org(c.pick(["fr_mrs", "fr_had"]))[0]
    return _deck(c, [
        Slide("Concertation pluridisciplinaire", sub="%s\n%s" % (org, c.dn(0, "long"))),
        Slide("%s - %d ans" % (P.formal(), c.age(P)), ["Insuffisance cardiaque sévère (FEVG 25 %)", "Diabète insulino-requérant", "Escarre sacrée stade 3", "Vit seul, fille à Namur"]),
        Slide("Problèmes actuels", ["Dyspnée au moindre effort", "Refus partiel des soins", "Douleurs non contrôlées la nuit"]),
        Slide("Décisions", ["Morphine 5 mg toutes les 4 h si besoin", "Passage infirmier 3x/jour", "Discussion directives anticipées (non-réanimation)"]),
    ], footer=org)


@tpl("en-slides-mdt-review", "en", "slides", "sensitive")
def sl_en(c):
    P = c.person()
    org = c.org(c.pick(["en_mh", "en_hosp"]))[0]
    return _deck(c, [
        Slide("MDT case review", sub="%s - %s" % (org, c.dn(0, "long"))),
        Slide("%s, DOB %s" % (P.full(), P.dob_fmt()), ["NHS No. %s" % c.nhs(), c.pick(["Recurrent depressive disorder, current episode severe", "Alcohol-related liver disease, decompensated", "Early-onset Alzheimer's disease"]),
                                                       "Lives with partner; two children"]),
        Slide("Risk", ["Overdose in %s (paracetamol)" % c.dn(-45, "long").split(" ", 1)[1], "Ongoing suicidal ideation, no plan", "Protective factors: children, work"]),
        Slide("Plan", ["Increase mirtazapine to 30 mg", "Weekly care coordinator contact", "Crisis plan shared with GP"]),
    ], footer=org)


@tpl("en-slides-safeguarding", "en", "slides", "sensitive")
def sl_en2(c):
    P = c.person()
    org = c.org("en_carehome")[0]
    return _deck(c, [
        Slide("Safeguarding case discussion", sub=org),
        Slide("Resident", ["%s, Room %d" % (P.full(), c.rng.randint(1, 40)), "Vascular dementia, lacks capacity for finances", "Unexplained bruising upper arms (%s)" % c.dn(-6)]),
        Slide("Findings", ["Body map completed", "GP review: bruises consistent with grip marks", "Family visits irregular"]),
        Slide("Actions", ["Safeguarding referral to local authority", "Increase checks to hourly", "Best-interests meeting %s" % c.dn(5)]),
    ])


@tpl("be-sheet-medicatie-wzc", "be", "sheet", "sensitive", flags=("2sheets",))
def be_medicatie(c):
    ps = persons(c, c.rng.randint(6, 10))
    rows = [["Bewoner", "Kamer", "Geneesmiddel", "Ochtend", "Middag", "Avond", "Nacht", "Opmerking"]]
    meds = ["Dafalgan 1 g", "Asaflow 80 mg", "Lasix 40 mg", "Eliquis 2,5 mg", "Lantus 14 E", "Sipralexa 10 mg", "Seroquel 25 mg", "Movicol zakje", "Ebixa 20 mg", "Pantomed 20 mg"]
    for P in ps:
        for m in c.sample(meds, c.rng.randint(2, 4)):
            rows.append([P.full(), c.rng.randint(1, 80), m] + [c.pick(["1", "", "1/2"]) for _ in range(4)] + [c.pick(["", "", "pletten", "niet bij maaltijd", "glycemie eerst"])])
    sheet = Sheet("Medicatie", rows)
    return SheetDoc(two(c, sheet, "Medicatieschema afdeling %s" % c.ward(), ["Apotheek levert op dinsdag"]), author=c.staff().full(), created=c.when.replace(tzinfo=None), date_fmt="be")


@tpl("be-sheet-wondzorg", "be", "sheet", "sensitive")
def be_wond(c):
    ps = persons(c, c.rng.randint(5, 9))
    rows = [["Naam", "Geboortedatum", "INSZ", "Wonde", "Verzorging", "Frequentie"]]
    for P in ps:
        rows.append([P.full(), P.dob, c.nrn(P, style="official"), c.pick(["decubitus stuit graad 3", "ulcus cruris rechts", "diabetische voetwonde", "postoperatieve wonde buik"]),
                     c.pick(["Iso-Betadine + Mepilex", "Flaminal + compressen", "Aquacel Ag", "steunverband"]), c.pick(["dagelijks", "3x/week", "om de 2 dagen"])])
    return SheetDoc([Sheet("Wondzorg", rows)], author=c.staff().full(), created=c.when.replace(tzinfo=None), date_fmt="be")


@tpl("fr-sheet-plan-medication", "fr", "sheet", "sensitive", flags=("2sheets",))
def fr_medic(c):
    ps = persons(c, c.rng.randint(5, 9))
    rows = [["Résident", "Chambre", "Médicament", "Matin", "Midi", "Soir", "Coucher", "Remarque"]]
    meds = ["Dafalgan 1 g", "Xarelto 15 mg", "Lasix 40 mg", "Lantus 12 UI", "Sipralexa 10 mg", "Temesta 1 mg", "Movicol", "Ebixa 20 mg", "Bisoprolol 2,5 mg", "Pantomed 40 mg"]
    for P in ps:
        for m in c.sample(meds, c.rng.randint(2, 4)):
            rows.append(["%s %s" % (P.last_cap().upper(), P.first), c.rng.randint(1, 60), m] + [c.pick(["1", "", "½"]) for _ in range(4)] + [c.pick(["", "", "écraser", "contrôle glycémie"])])
    sheet = Sheet("Médication", rows)
    return SheetDoc(two(c, sheet, "Plan de médication", ["Vérifié par le pharmacien"]), author=c.staff().full(), created=c.when.replace(tzinfo=None), date_fmt="fr")


@tpl("fr-sheet-liste-lits", "fr", "sheet", "sensitive", flags=("2sheets",))
def fr_lits(c):
    ps = persons(c, c.rng.randint(10, 18))
    rows = [["Lit", "Patient", "DDN", "NISS", "Entrée", "Motif d'hospitalisation", "Médecin", "Remarques"]]
    docs = [c.doctor().last_cap() for _ in range(3)]
    for i, P in enumerate(ps):
        rows.append(["%d%02d" % (c.rng.randint(3, 5), i + 1), P.full(), P.dob, c.nrn(P, style="plain"), c.day(-c.rng.randint(0, 10)),
                     c.pick(["pneumonie", "décompensation cardiaque", "AVC", "chute, fracture du poignet", "pyélonéphrite", "confusion aiguë", "hémorragie digestive"]),
                     "Dr " + c.pick(docs), c.pick(["", "isolement MRSA", "DNR", "sortie prévue demain", "jeûne"])])
    sheet = Sheet("Lits", rows)
    return SheetDoc(two(c, sheet, "Occupation des lits", ["Mise à jour quotidienne"]), author=c.staff().full(), created=c.when.replace(tzinfo=None), date_fmt="fr")


@tpl("en-sheet-clinic-list", "en", "sheet", "sensitive", flags=("bsnnum",))
def en_clinic(c):
    ps = persons(c, c.rng.randint(8, 14), gen=c.pick(["old", "young"]))
    rows = [["Time", "Patient", "DOB", "NHS number", "Reason for referral", "Clinician", "Notes"]]
    for i, P in enumerate(ps):
        nhs = c.nhs().replace(" ", "")
        rows.append(["%02d:%02d" % (9 + i // 3, (i % 3) * 20), P.full(), P.dob, Num(int(nhs)) if c.flag("bsnnum") else nhs,
                     c.pick(["suspected rheumatoid arthritis", "gout follow-up", "lupus review", "methotrexate monitoring", "polymyalgia rheumatica", "psoriatic arthritis"]),
                     c.doctor().drlast, c.pick(["", "needs interpreter", "bloods first", "new patient"])])
    return SheetDoc([Sheet("Clinic", rows)], author=c.staff().full(), created=c.when.replace(tzinfo=None), date_fmt="en")


@tpl("en-sheet-medication-round", "en", "sheet", "sensitive", flags=("2sheets",))
def en_meds(c):
    ps = persons(c, c.rng.randint(6, 10))
    rows = [["Resident", "Room", "Medicine", "08:00", "12:00", "18:00", "22:00", "Notes"]]
    meds = ["Paracetamol 1 g", "Donepezil 10 mg", "Apixaban 2.5 mg", "Furosemide 40 mg", "Sertraline 50 mg", "Lansoprazole 15 mg", "Insulin glargine 10 u", "Laxido 1 sachet", "Co-codamol 30/500"]
    for P in ps:
        for m in c.sample(meds, c.rng.randint(2, 3)):
            rows.append([P.full(), c.rng.randint(1, 40), m] + [c.pick(["1", "", "1"]) for _ in range(4)] + [c.pick(["", "covert (best interests)", "crush", "check BM"])])
    sheet = Sheet("MAR", rows)
    return SheetDoc(two(c, sheet, "Medication round", ["Sign the MAR after each round"]), author=c.staff().full(), created=c.when.replace(tzinfo=None), date_fmt="en")


@tpl("be-slides-casus-cgg", "be", "slides", "sensitive")
def sl_be2(c):
    P = c.person(gen="young")
    org = c.org("be_cgg")[0]
    return _deck(c, [
        Slide("Casusbespreking team volwassenen", sub="%s - %s" % (org, c.dn(0))),
        Slide("%s (%d jaar)" % (P.full(), c.age(P)), ["Aangemeld door huisarts", "Paniekstoornis en depressieve klachten", "Alleenstaande ouder, werkloos sinds %d" % c.rng.randint(2019, 2023)]),
        Slide("Verloop", ["12 sessies CGT", "Sertraline 100 mg sinds %s" % c.dn(-90), "Minder paniekaanvallen, wel slaapproblemen", "Alcohol: 3-4 glazen per avond"]),
        Slide("Vraag aan het team", ["Verlengen begeleiding?", "Doorverwijzen naar psychiater voor medicatie-evaluatie", "Contact OCMW voor schuldhulp"]),
    ], footer=org)


@tpl("fr-slides-cas-clinique-psy", "fr", "slides", "sensitive")
def sl_fr2(c):
    P = c.person(gen="young")
    org = c.org("fr_ssm")[0]
    return _deck(c, [
        Slide("Réunion clinique", sub="%s\n%s" % (org, c.dn(0, "long"))),
        Slide("Situation de %s %s" % (P.first, P.last_cap()), ["%d ans, étudiant(e)" % c.age(P), "Trouble anxieux généralisé, épisodes dépressifs", "Scarifications (dernier épisode il y a 3 semaines)"]),
        Slide("Traitement", ["Sertraline 50 mg", "Suivi psychologique hebdomadaire", "Contact avec le médecin traitant"]),
        Slide("Questions", ["Risque suicidaire à réévaluer", "Orientation vers un hôpital de jour ?", "Implication de la famille"]),
    ], footer=org)
