"""Clean spreadsheets (rosters, on-call lists, aggregated statistics, price
lists, order lists, stock lists) and slide decks (training, quality figures,
policy). Staff names and phone numbers appear; no client data."""

import datetime

import ids
from docmodel import Num, Sheet, SheetDoc, Slide, SlideDoc
from reg import tpl


def _sd(c, sheets, date_fmt=None):
    return SheetDoc(sheets, author=c.staff().full(), created=c.when.replace(tzinfo=None), date_fmt=date_fmt or {"nl": "nl", "be": "be", "fr": "fr", "en": "en"}[c.lang])


def _cover(c, title, lines):
    return Sheet(c.pick({"nl": ["Toelichting", "Info"], "be": ["Info"], "fr": ["Infos"], "en": ["Notes"]}[c.lang]), [[title], [""]] + [[l] for l in lines],
                 head_rows=(), title_rows=(0,), widths=[16.0])


def two(c, main, title, lines):
    if c.flag("2sheets"):
        c.notes.append("2 sheets")
        return [_cover(c, title, lines), main]
    return [main]


@tpl("nl-sheet-dienstrooster", "nl", "sheet", "clean", flags=("2sheets",), note="staff roster")
def rooster(c):
    staff = [c.staff() for _ in range(c.rng.randint(8, 14))]
    start = c.day(7 - c.today.weekday())
    days = [start + datetime.timedelta(days=i) for i in range(7)]
    wd = ["ma", "di", "wo", "do", "vr", "za", "zo"]
    rows = [["Medewerker", "Functie", "Contract"] + ["%s %d-%d" % (wd[d.weekday()], d.day, d.month) for d in days]]
    for s in staff:
        rows.append([s.full(), c.pick(["VIG", "VP", "helpende", "leerling", "EVV"]), Num(c.pick([16, 20, 24, 28, 32, 36]))] +
                    [c.pick(["V", "V", "L", "D", "N", "", "", "vrij", "VL" if c.chance(0.1) else "", "cursus"]) for _ in days])
    rows.append([""])
    rows.append(["V = vroeg 7.00-15.00, L = laat 15.00-23.00, D = dag, N = nacht 23.00-7.00, VL = verlof"])
    return _sd(c, two(c, Sheet("Week %d" % start.isocalendar()[1], rows), "Rooster %s" % c.ward(), ["Ruilen via de planner", "Open diensten: zie tabblad"]))


@tpl("nl-sheet-bereikbaarheid", "nl", "sheet", "clean", note="on-call list with phone numbers")
def bereikbaar(c):
    docs = [c.doctor() for _ in range(c.rng.randint(5, 8))]
    rows = [["Datum", "Dag", "Dienst", "Arts", "Mobiel", "Achterwacht"]]
    d0 = c.day(1)
    for i in range(c.rng.randint(10, 21)):
        d = d0 + datetime.timedelta(days=i)
        a, b = c.sample(docs, 2)
        rows.append([d, ["ma", "di", "wo", "do", "vr", "za", "zo"][d.weekday()], c.pick(["avond/nacht", "ANW", "weekend" if d.weekday() >= 5 else "avond"]),
                     a.dr, c.phone(True), b.drlast])
    return _sd(c, [Sheet(c.pick(["Bereikbaarheid", "ANW-rooster", "Piket"]), rows)])


@tpl("nl-sheet-statistiek-diagnosegroep", "nl", "sheet", "clean", flags=("2sheets",), note="aggregated statistics")
def stats_diag(c):
    groups = c.sample(["Dementie", "CVA", "Hartfalen", "COPD", "Diabetes", "Oncologie", "Parkinson", "Heupfractuur", "Depressie", "Overig"], 7)
    rows = [["Diagnosegroep", "Aantal cliënten", "Gem. leeftijd", "Gem. ligduur (dagen)", "Heropname < 30 d", "% overleden"]]
    for g in groups:
        rows.append([g, Num(c.rng.randint(8, 140)), Num(round(c.rng.uniform(68, 89), 1)), Num(round(c.rng.uniform(4, 60), 1)), Num(c.rng.randint(0, 15)), Num(round(c.rng.uniform(0, 25), 1))])
    rows.append(["Totaal", Num(sum(r[1].v for r in rows[1:])), "", "", "", ""])
    return _sd(c, two(c, Sheet("Cijfers %d" % c.today.year, rows), "Productie per diagnosegroep", ["Bron: ECD, geanonimiseerd", "Geen herleidbare gegevens"]))


@tpl("nl-sheet-valincidenten-afdeling", "nl", "sheet", "clean", note="aggregated incidents per ward")
def val_afd(c):
    months = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"][:c.rng.randint(4, 12)]
    rows = [["Afdeling"] + months + ["Totaal"]]
    for w in c.sample(["De Esdoorn", "De Linde", "Zilverschoon", "Het Anker", "De Berk", "PG 2", "Somatiek 1", "Vlinderhof", "De Kastanje"], 6):
        v = [c.rng.randint(0, 9) for _ in months]
        rows.append([w] + [Num(x) for x in v] + [Num(sum(v))])
    return _sd(c, [Sheet("Valincidenten", rows)])


@tpl("nl-sheet-prijslijst-apotheek", "nl", "sheet", "clean", note="pharmacy price list")
def prijslijst(c):
    items = [("Paracetamol 500 mg 20 st", 1.49), ("Ibuprofen 400 mg 20 st", 2.29), ("Loratadine 10 mg 30 st", 4.95), ("Omeprazol 20 mg 14 st", 5.49), ("Xylometazoline neusspray", 3.25),
             ("Vitamine D3 10 µg 120 st", 6.99), ("Zinkzalf 100 g", 3.79), ("Hoestdrank Broomhexine", 5.95), ("ORS sachets 10 st", 4.49), ("Wondpleisters assorti", 2.99),
             ("Zonnebrand SPF 50", 12.95), ("Luizenshampoo", 14.50), ("Nicotinekauwgom 2 mg", 19.95), ("Thermometer digitaal", 7.95), ("Compressiekousen klasse 1", 29.95)]
    rows = [["Artikelnr", "Omschrijving", "Prijs (€)", "Aanbieding"]]
    for n, p in c.sample(items, c.rng.randint(9, 14)):
        rows.append([Num(c.rng.randint(1000000, 9999999)), n, Num(p, 2), c.pick(["", "", "2e halve prijs", "-15%"])])
    return _sd(c, [Sheet("Prijslijst", rows)])


@tpl("nl-sheet-bestellijst", "nl", "sheet", "clean", note="order list with order numbers")
def bestel(c):
    rows = [["Ordernr", "Besteldatum", "Artikel", "Aantal", "Prijs", "Leverancier", "Status"]]
    for _ in range(c.rng.randint(8, 16)):
        rows.append([Num(int(ids.bsn(c.rng, first=c.rng.randint(1, 9)))), c.day(-c.rng.randint(1, 40)), c.pick(["Handschoenen nitril M", "Mepilex Border 15x15", "Tena Slip Plus", "Alcoholdoekjes", "Infuussysteem", "Urinezakken 2 l", "Sondevoeding Nutrison"]),
                     Num(c.rng.randint(1, 50)), Num(round(c.rng.uniform(3, 90), 2), 2), c.pick(["MediLevering B.V.", "Zorgshop Direct"]), c.pick(["geleverd", "besteld", "backorder"])])
    return _sd(c, [Sheet("Bestellingen", rows)])


@tpl("nl-sheet-voorraad-wondmaterialen", "nl", "sheet", "clean", note="stock list")
def voorraad(c):
    rows = [["Artikel", "Maat", "Voorraad", "Minimum", "Bestellen"]]
    for a in c.sample(["Mepilex Border", "Aquacel Ag", "Allevyn", "Flaminal Hydro", "Kerlix gaas", "Zwachtel Rosidal K", "Tegaderm", "Urgoclean", "Fixomull"], 7):
        v, m = c.rng.randint(0, 30), c.rng.randint(5, 10)
        rows.append([a, c.pick(["10x10", "15x15", "10x20", "5 cm", "-"]), Num(v), Num(m), "ja" if v < m else ""])
    return _sd(c, [Sheet("Voorraad", rows)])


@tpl("nl-sheet-scholingsplanning", "nl", "sheet", "clean", note="training plan with staff names")
def scholing(c):
    rows = [["Naam", "Functie", "BHV", "Voorbehouden handelingen", "Medicatie e-learning", "Dementie"]]
    for _ in range(c.rng.randint(8, 15)):
        s = c.staff()
        rows.append([s.full(), c.pick(["VIG", "VP", "helpende", "EVV"])] + [c.pick([c.day(c.rng.randint(-200, 60)), "gepland", "verlopen", ""]) for _ in range(4)])
    return _sd(c, [Sheet("Scholing", rows)])


@tpl("be-sheet-uurrooster", "be", "sheet", "clean", note="staff roster")
def be_rooster(c):
    staff = [c.staff() for _ in range(c.rng.randint(8, 12))]
    rows = [["Naam", "Functie"] + ["ma", "di", "wo", "do", "vr", "za", "zo"]]
    for s in staff:
        rows.append([s.full(), c.pick(["zorgkundige", "verpleegkundige", "logistiek"])] + [c.pick(["V", "L", "N", "/", "/", "VV"]) for _ in range(7)])
    rows.append([""])
    rows.append(["V = vroege 6u45-14u45, L = late 13u30-21u30, N = nacht, VV = verlof"])
    return _sd(c, [Sheet("Uurrooster", rows)])


@tpl("fr-sheet-planning-garde", "fr", "sheet", "clean", note="on-call list")
def fr_garde(c):
    docs = [c.doctor() for _ in range(6)]
    rows = [["Date", "Médecin de garde", "GSM", "Infirmier(ère) référent(e)"]]
    d0 = c.day(1)
    for i in range(c.rng.randint(10, 20)):
        a = c.pick(docs)
        rows.append([d0 + datetime.timedelta(days=i), a.dr, c.phone(True), c.staff().full()])
    return _sd(c, [Sheet("Gardes", rows)])


@tpl("fr-sheet-statistiques", "fr", "sheet", "clean", note="aggregated statistics")
def fr_stats(c):
    rows = [["Pathologie", "Nombre de résidents", "%", "Âge moyen"]]
    tot = 0
    data = []
    for p in c.sample(["Démence", "AVC", "Insuffisance cardiaque", "Diabète", "BPCO", "Parkinson", "Dépression"], 6):
        n = c.rng.randint(3, 40)
        tot += n
        data.append((p, n))
    for p, n in data:
        rows.append([p, Num(n), Num(round(100.0 * n / tot, 1)), Num(round(c.rng.uniform(75, 90), 1))])
    return _sd(c, [Sheet("Statistiques", rows)])


@tpl("en-sheet-audit", "en", "sheet", "clean", flags=("2sheets",), note="aggregated audit figures")
def en_audit(c):
    rows = [["Ward", "Hand hygiene %", "Falls", "Pressure ulcers (new)", "Bed occupancy %", "Staff sickness %"]]
    for w in c.sample(["Oak Ward", "Willow Unit", "Ward 7", "Elm Lodge", "Ash Ward", "Birch Ward"], 5):
        rows.append([w, Num(c.rng.randint(78, 100)), Num(c.rng.randint(0, 12)), Num(c.rng.randint(0, 5)), Num(c.rng.randint(80, 100)), Num(round(c.rng.uniform(2, 9), 1))])
    return _sd(c, two(c, Sheet("Q%d" % ((c.today.month - 1) // 3 + 1), rows), "Quality dashboard", ["Aggregated data only"]), date_fmt="en")


@tpl("en-sheet-rota", "en", "sheet", "clean", note="staff rota with phone numbers")
def en_rota(c):
    rows = [["Name", "Role", "Mobile", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]]
    for _ in range(c.rng.randint(6, 10)):
        s = c.staff()
        rows.append([s.full(), c.pick(["HCA", "RN", "Senior Carer"]), c.phone(True)] + [c.pick(["E", "L", "N", "-", "-", "AL"]) for _ in range(7)])
    return _sd(c, [Sheet("Rota", rows)], date_fmt="en")


# ------------------------------------------------------------------ slides

def _deck(c, slides, footer=""):
    return SlideDoc(slides, author=c.staff().full(), created=c.when.replace(tzinfo=None), theme=c.rng.randint(0, 4), footer=footer)


@tpl("nl-slides-scholing-valpreventie", "nl", "slides", "clean", note="training slides")
def sl_val(c):
    org = c.org(c.pick(["vvt", "thuis"]))[0]
    return _deck(c, [
        Slide("Valpreventie", sub="Scholing voor zorgmedewerkers\n%s" % c.dn(0, "long")),
        Slide("Waarom?", ["1 op de 3 ouderen boven 65 valt minstens eens per jaar", "Vallen is de belangrijkste oorzaak van letsel", "Angst om te vallen leidt tot inactiviteit"]),
        Slide("Risicofactoren", ["Eerdere val", "Psychofarmaca, diuretica", "Orthostatische hypotensie", "Slecht zien", "Incontinentie", "Cognitieve stoornissen"]),
        Slide("Wat kun jij doen?", ["Valrisico inschatten bij opname", "Omgeving veilig maken", "Goed schoeisel", "Beweegaanbod stimuleren", "Medicatiereview aanvragen"]),
        Slide("Vragen?", ["Contact: %s, valpreventiecoach" % c.staff().full()]),
    ], footer=org)


@tpl("nl-slides-kwaliteitsresultaten", "nl", "slides", "clean", note="aggregated figures")
def sl_kwal(c):
    org = c.org(c.pick(["vvt", "ggz", "hosp"]))[0]
    return _deck(c, [
        Slide("Kwaliteitsresultaten %d" % c.today.year, sub=org),
        Slide("Cliëntervaring", ["NPS: %d" % c.rng.randint(10, 60), "Gemiddeld rapportcijfer %.1f" % c.rng.uniform(7.2, 8.6), "Respons %d%%" % c.rng.randint(30, 70)]),
        Slide("Incidenten", table=[["Soort", "%d" % (c.today.year - 1), "%d" % c.today.year], ["Vallen", str(c.rng.randint(100, 300)), str(c.rng.randint(90, 280))],
                                   ["Medicatie", str(c.rng.randint(80, 200)), str(c.rng.randint(70, 190))], ["Agressie", str(c.rng.randint(20, 80)), str(c.rng.randint(20, 80))]]),
        Slide("Speerpunten", ["Medicatieveiligheid", "Verminderen vrijheidsbeperking", "Advance care planning bij alle nieuwe cliënten"]),
    ], footer=org)


@tpl("nl-slides-nieuw-ecd", "nl", "slides", "clean")
def sl_ecd(c):
    org = c.org(c.pick(["vvt", "thuis", "ggz"]))[0]
    return _deck(c, [
        Slide("Het nieuwe ECD", sub="Introductie voor medewerkers - %s" % org),
        Slide("Planning", ["Training key users: %s" % c.dn(14), "Livegang: %s" % c.dn(45), "Oud systeem alleen-lezen tot %s" % c.dn(200)]),
        Slide("Wat verandert er?", ["Rapporteren per doel uit het zorgplan", "Medicatie aftekenen op de tablet", "Inloggen met pas + pincode"]),
        Slide("Privacy", ["Alleen dossiers inzien van cliënten die je zorg geeft", "Elke inzage wordt gelogd", "Nooit BSN of dossiergegevens in gewone e-mail"]),
    ], footer=org)


@tpl("nl-slides-werkinstructie-bsn", "nl", "slides", "clean", note="BSN policy slides")
def sl_bsn(c):
    org = c.org(c.pick(["hosp", "vvt", "gp"]))[0]
    return _deck(c, [
        Slide("Identificatie en BSN", sub="Werkinstructie cliëntadministratie"),
        Slide("Stappen", ["Vraag een geldig identiteitsbewijs", "Controleer de foto en de geldigheid", "Verifieer het BSN via de SBV-Z", "Leg documentsoort en -nummer vast"]),
        Slide("Wat mag niet?", ["Kopie van een ID-kaart bewaren", "BSN noemen in een e-mailonderwerp", "BSN gebruiken als cliëntnummer"]),
        Slide("Meer info", ["Privacy officer: %s, toestel %d" % (c.staff().full(), c.rng.randint(2000, 8999))]),
    ], footer=org)


@tpl("be-slides-infosessie-griep", "be", "slides", "clean")
def sl_be(c):
    org = c.org(c.pick(["be_wzc", "be_hosp"]))[0]
    return _deck(c, [
        Slide("Griepvaccinatie personeel", sub="Infosessie - %s" % org),
        Slide("Waarom laten vaccineren?", ["Bescherm jezelf en de bewoners", "Minder uitbraken in het WZC", "Gratis voor alle medewerkers"]),
        Slide("Praktisch", ["Vaccinatiemomenten: %s en %s" % (c.dn(10), c.dn(17)), "Inschrijven bij de arbeidsgeneesheer", "Vaccinatiegraad vorig jaar: %d%%" % c.rng.randint(40, 80)]),
    ], footer=org)


@tpl("fr-slides-hygiene-mains", "fr", "slides", "clean")
def sl_fr(c):
    org = c.org(c.pick(["fr_hosp", "fr_mrs"]))[0]
    return _deck(c, [
        Slide("Hygiène des mains", sub="Formation du personnel - %s" % org),
        Slide("Les 5 moments", ["Avant le contact patient", "Avant un geste aseptique", "Après exposition à un liquide biologique", "Après le contact patient", "Après contact avec l'environnement du patient"]),
        Slide("Résultats de l'audit", table=[["Unité", "Observance"], ["Unité 3", "%d %%" % c.rng.randint(60, 95)], ["Les Tilleuls", "%d %%" % c.rng.randint(60, 95)], ["Le Jardin", "%d %%" % c.rng.randint(60, 95)]]),
    ], footer=org)


@tpl("en-slides-induction", "en", "slides", "clean")
def sl_en(c):
    org = c.org(c.pick(["en_hosp", "en_carehome"]))[0]
    return _deck(c, [
        Slide("Welcome to %s" % org, sub="Staff induction - %s" % c.dn(0, "long")),
        Slide("Your first week", ["ID badge and IT login", "Mandatory training: fire safety, safeguarding, manual handling", "Shadow shifts with your mentor"]),
        Slide("Information governance", ["Never share patient details by personal email", "Lock your screen", "Report incidents on Datix"]),
        Slide("Contacts", ["HR: %s" % c.staff().full(), "Practice educator: %s" % c.staff().full()]),
    ], footer=org)


@tpl("be-sheet-bestelling", "be", "sheet", "clean", note="order list")
def be_bestel(c):
    rows = [["Artikel", "Referentie", "Aantal", "Eenheidsprijs", "Totaal"]]
    for a in c.sample(["Handschoenen nitril M", "Incontinentieslips L", "Handalcohol 1 l", "Mondmaskers chirurgisch", "Wegwerpschorten", "Bedbeschermers", "Thermometerhoesjes"], 5):
        q, p = c.rng.randint(2, 40), round(c.rng.uniform(2, 45), 2)
        rows.append([a, "REF-%d" % c.rng.randint(10000, 99999), Num(q), Num(p, 2), Num(round(q * p, 2), 2)])
    return _sd(c, [Sheet("Bestelling", rows)])


@tpl("be-sheet-statistieken-wzc", "be", "sheet", "clean", flags=("2sheets",), note="aggregated statistics")
def be_stats(c):
    rows = [["Katz-categorie", "Aantal bewoners", "Gem. leeftijd", "Gem. verblijfsduur (maanden)"]]
    for k in ["O", "A", "B", "C", "Cd", "D"]:
        rows.append([k, Num(c.rng.randint(2, 40)), Num(round(c.rng.uniform(78, 90), 1)), Num(round(c.rng.uniform(6, 48), 1))])
    return _sd(c, two(c, Sheet("Katz %d" % c.today.year, rows), "Jaarcijfers", ["Geaggregeerde gegevens"]))


@tpl("fr-sheet-inventaire", "fr", "sheet", "clean", note="stock list")
def fr_inv(c):
    rows = [["Article", "Conditionnement", "Stock", "Seuil", "À commander"]]
    for a in c.sample(["Gants nitrile M", "Compresses stériles", "Pansements hydrocolloïdes", "Solution hydroalcoolique", "Seringues 5 ml", "Aiguilles sous-cutanées", "Tabliers jetables"], 6):
        s, m = c.rng.randint(0, 50), c.rng.randint(5, 15)
        rows.append([a, c.pick(["boîte de 100", "carton", "flacon 500 ml", "paquet de 50"]), Num(s), Num(m), "oui" if s < m else ""])
    return _sd(c, [Sheet("Inventaire", rows)])


@tpl("en-sheet-training-matrix", "en", "sheet", "clean", note="training matrix with staff names")
def en_train(c):
    rows = [["Staff member", "Role", "Fire safety", "Safeguarding", "Manual handling", "Infection control"]]
    for _ in range(c.rng.randint(8, 12)):
        s = c.staff()
        rows.append([s.full(), c.pick(["HCA", "RN", "Senior Carer", "Domestic"])] + [c.pick([c.day(c.rng.randint(-300, -5)), "due", "overdue"]) for _ in range(4)])
    return _sd(c, [Sheet("Training", rows)], date_fmt="en")


@tpl("be-slides-nieuw-uurrooster", "be", "slides", "clean")
def sl_be2(c):
    org = c.org(c.pick(["be_wzc", "be_thuis"]))[0]
    return _deck(c, [
        Slide("Nieuw uurrooster", sub="%s - infomoment %s" % (org, c.dn(0))),
        Slide("Wat verandert er?", ["Vroege dienst 6u45 - 14u45", "Late dienst 13u30 - 21u30", "Overlap voor overdracht: 75 minuten"]),
        Slide("Planning", ["Proefperiode vanaf %s" % c.dn(21), "Evaluatie na 3 maanden", "Vragen aan %s (HR)" % c.staff().full()]),
    ], footer=org)


@tpl("fr-slides-prevention-chutes", "fr", "slides", "clean")
def sl_fr2(c):
    org = c.org(c.pick(["fr_mrs", "fr_hosp"]))[0]
    return _deck(c, [
        Slide("Prévention des chutes", sub="Formation interne - %s" % org),
        Slide("Chiffres", ["Une personne de plus de 65 ans sur trois chute chaque année", "Les chutes sont la première cause d'accident chez les seniors"]),
        Slide("Facteurs de risque", ["Médicaments sédatifs", "Troubles de l'équilibre", "Chaussures inadaptées", "Éclairage insuffisant"]),
        Slide("Actions", ["Évaluation du risque à l'admission", "Programme d'activité physique", "Révision des traitements"]),
    ], footer=org)


@tpl("en-slides-falls-audit", "en", "slides", "clean", note="aggregated figures")
def sl_en2(c):
    org = c.org(c.pick(["en_hosp", "en_carehome"]))[0]
    return _deck(c, [
        Slide("Falls audit %d" % c.today.year, sub=org),
        Slide("Results", table=[["Quarter", "Falls", "With harm"], ["Q1", str(c.rng.randint(10, 40)), str(c.rng.randint(0, 5))], ["Q2", str(c.rng.randint(10, 40)), str(c.rng.randint(0, 5))],
                                ["Q3", str(c.rng.randint(10, 40)), str(c.rng.randint(0, 5))]]),
        Slide("Learning", ["Lying/standing BP not always recorded", "Call bells out of reach", "Good use of falls sensors at night"]),
    ], footer=org)
