"""Sensitive document texts: each names (or identifies) one or more people
together with health information about them, or carries a national
identifier of a person in a context that makes it one.

Every function takes a Ctx and returns a text document (title + blocks) or
a workbook (sheets).  Wording is varied on purpose: different "authors",
registers and languages.
"""

import datetime

from ah_people import fmt_bsn, fmt_rrn, make_non_bsn

D = datetime.timedelta


# --------------------------------------------------------------------------
# Dutch hospital / GP letters
# --------------------------------------------------------------------------

def discharge_cardio_nl(c):
    p = c.person(age=(48, 88))
    gp = c.staff()
    doc = c.staff()
    adm = c.today - D(days=c.r.randint(6, 20))
    dis = adm + D(days=c.r.randint(2, 6))
    case = c.r.choice([
        ("een NSTEMI", "NSTEMI op basis van een significante stenose in de RCX, behandeld met PCI en plaatsing van één DES",
         "drukkende pijn op de borst, uitstralend naar de linkerarm, sinds de ochtend van opname",
         [("acetylsalicylzuur", "80 mg", "1 dd 1"), ("ticagrelor", "90 mg", "2 dd 1"),
          ("metoprolol retard", "50 mg", "1 dd 1"), ("atorvastatine", "40 mg", "1 dd 1 's avonds"),
          ("pantoprazol", "40 mg", "1 dd 1")]),
        ("atriumfibrilleren met snelle ventrikelrespons", "nieuw ontdekt atriumfibrilleren (CHA2DS2-VASc 4), rate control bereikt",
         "hartkloppingen en kortademigheid bij inspanning sinds ongeveer een week",
         [("apixaban", "5 mg", "2 dd 1"), ("metoprolol retard", "100 mg", "1 dd 1"),
          ("furosemide", "40 mg", "1 dd 1 (tijdelijk)")]),
        ("decompensatio cordis", "acuut op chronisch hartfalen (HFrEF, LVEF 30%), goed reagerend op diuretica",
         "toenemende dyspnoe d'effort, orthopnoe en oedeem aan beide enkels",
         [("furosemide", "40 mg", "2 dd 1"), ("sacubitril/valsartan", "49/51 mg", "2 dd 1"),
          ("bisoprolol", "2,5 mg", "1 dd 1"), ("spironolacton", "25 mg", "1 dd 1"),
          ("dapagliflozine", "10 mg", "1 dd 1")]),
    ])
    reason, dx, complaint, meds = case
    show_bsn = c.r.random() < 0.6
    org = c.org_of("hospital_nl")
    blocks = [
        ("lines", [org[0], "Afdeling Cardiologie", org[1], org[2]]),
        ("lines", ["Aan: %s, huisarts" % gp.formal_staff, "Datum: %s" % c.d(c.today)]),
        ("kv", [("Betreft", p.formal), ("Geboortedatum", c.d(p.dob))]
         + ([("BSN", fmt_bsn(p.bsn, c.r.randint(0, 2)))] if show_bsn else [])
         + [("Opnameperiode", "%s t/m %s" % (c.d(adm), c.d(dis)))]),
        ("p", "Geachte collega,"),
        ("p", "Uw patiënt%s werd van %s tot %s op onze afdeling opgenomen in verband met %s."
         % ("e" if p.sex == "F" else "", c.d(adm), c.d(dis), reason)),
        ("h2", "Anamnese"),
        ("p", "Patiënt%s presenteerde zich op de SEH met %s. Voorgeschiedenis: %s."
         % ("e" if p.sex == "F" else "", complaint,
            c.r.choice(["hypertensie, DM type 2", "roken (30 pakjaren), hypercholesterolemie",
                        "CVA in 2017 zonder restverschijnselen", "blanco"]))),
        ("h2", "Conclusie"),
        ("p", dx[0].upper() + dx[1:] + "."),
        ("h2", "Medicatie bij ontslag"),
        ("table", [["Middel", "Sterkte", "Gebruik"]] + [list(m) for m in meds]),
        ("h2", "Beleid"),
        ("p", c.r.choice([
            "Poliklinische controle over zes weken bij ondergetekende. Verwijzing hartrevalidatie is verzonden. Graag nierfunctie en kalium controleren over een week.",
            "Controle op de polikliniek over 4-6 weken met ECG en echo. Wij verzoeken u het gewicht en de nierfunctie te vervolgen; bij een toename van meer dan 2 kg in drie dagen graag de furosemide ophogen.",
            "Terug naar huis met thuiszorg. Afspraak polikliniek volgt per post. Bij recidief klachten direct contact opnemen met de SEH.",
        ])),
        ("p", "Met collegiale groet,"),
        ("lines", [doc.name, c.r.choice(["cardioloog", "AIOS cardiologie", "physician assistant cardiologie"])]),
    ]
    return {"title": "Ontslagbrief", "blocks": blocks}


def referral_gp_nl(c):
    p = c.person(age=(18, 80))
    gp = c.staff()
    spec = c.r.choice([
        ("Dermatologie", "een sinds drie maanden groeiende, onregelmatig gepigmenteerde laesie op de rug (ca. 9 mm), verdacht voor melanoom",
         "Graag beoordeling en zo nodig excisie."),
        ("Orthopedie", "persisterende pijn in de rechterknie na een distorsietrauma tijdens het voetballen, met slotklachten en hydrops. Lachman twijfelachtig positief",
         "Graag uw beoordeling; MRI is nog niet gemaakt."),
        ("Neurologie", "sinds enkele maanden intermitterende tintelingen in de linkerhand en twee episodes van wazig zien aan één oog",
         "Ik denk aan MS, maar wil graag uw mening. Patiënt is hier erg ongerust over."),
        ("Maag-, darm- en leverziekten", "rectaal bloedverlies en een veranderd defecatiepatroon sinds zes weken, Hb 6,9 mmol/l, FIT positief",
         "Graag coloscopie."),
        ("Gynaecologie", "postmenopauzaal bloedverlies, eenmalig, zonder pijnklachten",
         "Graag echo en verder onderzoek naar uw inzicht."),
    ])
    if spec[0] == "Gynaecologie":
        p = c.person(age=(55, 75), sex="F")
    pol = "%s%d" % (c.r.choice(["NV", "ZK", "CZ", "MN"]), c.r.randint(10000000, 99999999))
    blocks = [
        ("lines", list(c.org_of("gp_nl")) + ["AGB 01-%06d" % c.r.randint(0, 999999)]),
        ("h1", "Verwijzing"),
        ("kv", [("Naar", "Polikliniek " + spec[0]), ("Patiënt", "%s %s" % (p.initial, p.last)),
                ("Geboren", c.d(p.dob)), ("Adres", "%s, %s %s" % (p.street, p.postcode, p.city)),
                ("Telefoon", p.phone), ("Verzekering / polisnr.", pol)]),
        ("h2", "Reden van verwijzing"),
        ("p", "Graag zie ik %s bij u terug vanwege %s. %s" % (p.formal, spec[1], spec[2])),
        ("h2", "Relevante voorgeschiedenis"),
        ("ul", c.r.sample(["appendectomie (%d)" % (p.dob.year + c.r.randint(8, 20)),
                           "astma, goed ingesteld", "depressieve episode 2019, hersteld",
                           "hypothyreoïdie", "migraine zonder aura", "sectio caesarea 2012",
                           "lumbale HNP L5-S1, conservatief behandeld"], 3)),
        ("h2", "Medicatie"),
        ("p", c.r.choice(["Levothyroxine 75 microgram 1dd1, salbutamol zo nodig.",
                          "Geen vaste medicatie.", "Omeprazol 20 mg 1dd1; ibuprofen zo nodig.",
                          "Sertraline 50 mg 1dd1."])),
        ("p", "Allergieën: %s" % c.r.choice(["geen bekend", "penicilline (exantheem)", "pleisters"])),
        ("p", "Met vriendelijke groet,"),
        ("lines", [gp.name, "huisarts"]),
    ]
    return {"title": "Verwijsbrief", "blocks": blocks}


def lab_results_nl(c):
    p = c.person(age=(30, 90))
    req = c.staff()
    t0 = c.today - D(days=c.r.randint(1, 5))
    tests = [
        ("Hemoglobine", "Hb", 5.4, "mmol/l", "7,5 - 10,0"),
        ("Hematocriet", "Ht", 0.29, "l/l", "0,36 - 0,46"),
        ("MCV", "MCV", 74, "fl", "80 - 100"),
        ("Leukocyten", "Leuco", 11.8, "10^9/l", "4,0 - 10,0"),
        ("Trombocyten", "Trombo", 412, "10^9/l", "150 - 400"),
        ("Ferritine", "Ferr", 8, "µg/l", "15 - 150"),
        ("Natrium", "Na", 138, "mmol/l", "135 - 145"),
        ("Kalium", "K", 5.6, "mmol/l", "3,5 - 5,0"),
        ("Kreatinine", "Kreat", 142, "µmol/l", "50 - 90"),
        ("eGFR (CKD-EPI)", "eGFR", 38, "ml/min/1,73m²", "> 60"),
        ("Glucose nuchter", "Gluc", 9.1, "mmol/l", "4,0 - 6,1"),
        ("HbA1c", "HbA1c", 68, "mmol/mol", "20 - 42"),
        ("CRP", "CRP", 34, "mg/l", "< 10"),
        ("TSH", "TSH", 7.9, "mU/l", "0,4 - 4,0"),
        ("Vrij T4", "FT4", 9.2, "pmol/l", "10 - 23"),
        ("ALAT", "ALAT", 61, "U/l", "< 35"),
        ("Gamma-GT", "GGT", 188, "U/l", "< 40"),
        ("Cholesterol totaal", "Chol", 6.9, "mmol/l", "< 5,0"),
        ("LDL-cholesterol", "LDL", 4.6, "mmol/l", "< 2,6"),
        ("Vitamine B12", "B12", 132, "pmol/l", "145 - 570"),
    ]
    chosen = sorted(c.r.sample(tests, c.r.randint(9, 14)), key=tests.index)

    def fmt(v):
        s = ("%g" % v)
        return s.replace(".", ",")

    def flag(v, ref):
        r = ref.replace(",", ".")
        try:
            if r.startswith("<"):
                return "H" if v >= float(r[1:]) else ""
            if r.startswith(">"):
                return "L" if v <= float(r[1:]) else ""
            lo, hi = [float(x) for x in r.split(" - ")]
            return "L" if v < lo else ("H" if v > hi else "")
        except ValueError:
            return ""

    rows = [["Bepaling", "Uitslag", "Eenheid", "Referentie", ""]]
    for name, _, v, unit, ref in chosen:
        rows.append([name, fmt(v), unit, ref, flag(v, ref)])
    blocks = [
        ("lines", list(c.org_of("lab_nl"))),
        ("h1", "Uitslag laboratoriumonderzoek"),
        ("kv", [("Patiënt", "%s, %s" % (p.last_cap, p.first)), ("Geboortedatum", c.d(p.dob)),
                ("Geslacht", "V" if p.sex == "F" else "M"), ("Patiëntnummer", p.patnr),
                ("BSN", p.bsn), ("Aanvrager", "%s (huisarts)" % req.name),
                ("Afname", "%s %02d:%02d" % (c.d(t0), c.r.randint(7, 11), c.r.choice([5, 12, 30, 47])))]),
        ("table", rows),
        ("p", c.r.choice(["Opmerking lab: kalium gecontroleerd, geen hemolyse.",
                          "Afwijkende uitslagen telefonisch doorgegeven aan de praktijk.",
                          "Materiaal: veneus bloed (EDTA, heparine)."])),
        ("pb",),
        ("h2", "Cumulatief overzicht (laatste vier afnames)"),
    ]
    hist = [["Bepaling"] + [c.d(t0 - D(days=90 * k)) for k in range(3, -1, -1)]]
    for name, _, v, unit, ref in chosen:
        vals = []
        for k in range(3, -1, -1):
            fl = flag(v, ref)
            f = 1 + (k * c.r.uniform(0.04, 0.12)) * (1 if fl == "L" else -1) if fl else 1 + c.r.uniform(-0.03, 0.03)
            vals.append(fmt(round(v * f, 1 if v < 20 else 0)))
        hist.append([name] + vals)
    blocks.append(("table", hist))
    blocks.append(("p", "Geautoriseerd door %s, klinisch chemicus." % c.staff().name))
    blocks.append(("p", "Deze uitslag is uitsluitend bestemd voor de aanvrager. Interpretatie in samenhang met de klinische gegevens."))
    return {"title": "Laboratoriumuitslag", "blocks": blocks}


def care_plan_vvt_nl(c):
    p = c.person(age=(74, 98))
    ev = c.staff()
    dem = c.r.choice(["de ziekte van Alzheimer", "vasculaire dementie", "Lewy body dementie"])
    blocks = [
        ("h1", "Zorgleefplan"),
        ("kv", [("Cliënt", "%s %s" % (p.title.capitalize(), p.last_cap)), ("Voornaam", p.first),
                ("Geboortedatum", c.d(p.dob)), ("Woning", "%s, kamer %d" % (c.r.choice(["De Wilgen", "Zonnedauw", "Klaproos", "afd. Berkenhof"]), c.r.randint(1, 40))),
                ("Zorgprofiel", c.r.choice(["VV 5 (beschermd wonen met intensieve dementiezorg)", "VV 6 (beschermd wonen met intensieve verzorging en verpleging)", "VV 4"])),
                ("Eerst verantwoordelijke", ev.name), ("Evaluatiedatum", c.d(c.today + D(days=c.r.randint(30, 120))))]),
        ("h2", "1. Woon- en leefsituatie"),
        ("p", "%s woont sinds %s op de afdeling. %s"
         % (p.formal[0].upper() + p.formal[1:], c.d(c.today - D(days=c.r.randint(100, 900)), 1),
            c.r.choice(["%s dochter komt twee keer per week en is eerste contactpersoon." % p.his.capitalize(),
                        ("Haar echtgenoot" if p.sex == "F" else "Zijn echtgenote") + " is overleden; de zoon is wettelijk vertegenwoordiger (mentor).",
                        "Er is weinig familie; een buurvrouw bezoekt af en toe."]))),
        ("h2", "2. Lichamelijk welbevinden en gezondheid"),
        ("p", "Diagnosen: %s, %s. %s"
         % (dem, c.r.choice(["diabetes mellitus type 2 (insulineafhankelijk)", "COPD GOLD III", "artrose beide heupen", "status na CVA links (2021) met afasie"]),
            c.r.choice(["Bloedsuiker 2x daags prikken, Insulatard volgens schema.",
                        "Zuurstof 2 l/min bij inspanning.",
                        "Pijn wordt gemeten met de PACSLAC-D, paracetamol 1 g 3dd vast."]))),
        ("table", [["Risico", "Score", "Actie"],
                   ["Vallen", c.r.choice(["hoog", "verhoogd"]), "rollator binnen handbereik, sensormat naast bed 's nachts"],
                   ["Decubitus (Braden)", str(c.r.randint(11, 15)), "wisselligging 4-uurs, antidecubitusmatras"],
                   ["Ondervoeding (SNAQ-RC)", c.r.choice(["oranje", "rood"]), "wekelijks wegen, drinkvoeding 2x daags"],
                   ["Incontinentie", "urine", "opvangmateriaal maat M, toiletronde om de 3 uur"]]),
        ("h2", "3. Geestelijk welbevinden"),
        ("p", c.r.choice([
            ("Mevrouw is 's middags vaak onrustig en zoekt naar haar moeder." if p.sex == "F" else "Meneer is 's middags vaak onrustig en wil naar zijn werk.")
            + " Afleiding met muziek van vroeger werkt goed. Geen psychofarmaca; bij ernstige onrust overleg met de specialist ouderengeneeskunde.",
            ("Mevrouw kan somber zijn en trekt zich dan terug op haar kamer. Zij" if p.sex == "F" else "Meneer kan somber zijn en trekt zich dan terug op zijn kamer. Hij")
            + " geniet van de krant en van koffie met de vrijwilliger op dinsdag. Citalopram 10 mg sinds maart.",
            "Wisselend georiënteerd. Herkent vaste medewerkers. Bij avondzorg eerst uitleggen wat je gaat doen; anders afwerend gedrag.",
        ])),
        ("h2", "4. Participatie"),
        ("p", "Neemt deel aan de huiskameractiviteiten. Afspraken over wilsverklaring: %s."
         % c.r.choice(["niet reanimeren (NR), besproken met familie", "wel reanimeren", "geen ziekenhuisopname meer gewenst"])),
        ("p", "Opgesteld door %s, %s." % (ev.name, c.d(c.today))),
    ]
    return {"title": "Zorgleefplan", "blocks": blocks}


def incident_report_nl(c):
    p = c.person(age=(60, 96))
    rep = c.staff()
    t = c.today - D(days=c.r.randint(0, 3))
    kind = c.r.choice(["val", "medicatie", "agressie"])
    if kind == "val":
        what = ("Cliënt %s is om ca. %02d:%02d uur gevonden naast het bed op de grond. Zij/hij gaf aan naar het toilet te willen. "
                "Bij onderzoek pijn in de linkerheup en een hematoom op de slaap. Arts is gebeld; cliënt is ingestuurd voor een röntgenfoto, "
                "waarop een collumfractuur links werd gezien." % (p.full, c.r.randint(0, 5), c.r.randint(0, 59)))
        cat = "Val"
    elif kind == "medicatie":
        what = ("Bij de ochtendronde bleek dat %s de avonddosis van %s niet had gekregen; de medicatie zat nog in de rol. "
                "Daarnaast is per abuis de morgen-insuline van de buurvrouw gegeven (Novorapid 8 E). Glucose om 11:00 uur 3,1 mmol/l, "
                "behandeld met dextro en limonade, daarna stabiel. Huisarts geïnformeerd." % (p.full, c.r.choice(["levetiracetam 500 mg", "clozapine 100 mg", "acenocoumarol"])))
        cat = "Medicatie"
    else:
        what = ("Tijdens de avondzorg werd %s verbaal en fysiek agressief naar een medewerker (slaan, krabben). Dit past bij de toegenomen "
                "onrust sinds de urineweginfectie van vorige week. Na de-escalatie rustig geworden. Lorazepam 1 mg gegeven conform zo-nodig-afspraak." % p.full)
        cat = "Agressie / onbegrepen gedrag"
    blocks = [
        ("h1", "Melding Incidenten Cliënten (MIC)"),
        ("kv", [("Datum incident", c.d(t)), ("Locatie", c.r.choice(["Het Zonnehof, afd. 2 Oost", "Woonzorgcentrum De Linde, unit B", "kleinschalig wonen Vlasakker 4"])),
                ("Soort incident", cat), ("Naam cliënt", p.full), ("Geboortedatum", c.d(p.dob)), ("Cliëntnummer", p.patnr)]),
        ("h2", "Beschrijving"),
        ("p", what.replace("Zij/hij", p.he.capitalize())),
        ("h2", "Gevolgen voor de cliënt"),
        ("p", c.r.choice(["Opname ziekenhuis.", "Tijdelijk verhoogde controle vitale functies.", "Geen lichamelijk letsel; cliënt is wel angstig."])),
        ("h2", "Genomen maatregelen"),
        ("ul", ["familie (contactpersoon) geïnformeerd", "valrisico opnieuw in kaart gebracht", "besproken in teamoverleg"]),
        ("kv", [("Melder", rep.name), ("Functie", c.r.choice(["EVV'er", "verzorgende IG", "verpleegkundige"]))]),
    ]
    return {"title": "MIC-melding", "blocks": blocks}


def ggz_crisis_nl(c):
    p = c.person(age=(19, 60))
    psy = c.staff()
    t = c.today - D(days=c.r.randint(0, 2))
    case = c.r.choice([
        ("Betrokkene heeft vanavond via WhatsApp afscheidsberichten gestuurd aan een vriendin en een doosje paracetamol ingenomen (schatting 20 tabletten). Eerder suïcidepoging in 2021.",
         "Helder bewustzijn, georiënteerd. Stemming somber, affect vlak. Concrete suïcidale gedachten zonder duidelijke afstand; geen toekomstperspectief.",
         "Hoog acuut suïciderisico. Na overleg met de dienstdoende psychiater vrijwillige opname op de HIC. Somatische screening (paracetamolspiegel) via SEH."),
        ("Sinds ongeveer twee weken toenemend achterdochtig, slaapt nauwelijks, hoort stemmen die %s opdragen %s buurman te straffen. Gestopt met de medicatie (aripiprazol) in de zomer." % ("haar" if p.sex == "F" else "hem", p.his),
         "Wantrouwend, weinig contact. Formele denkstoornissen (gedachtesprongen). Auditieve hallucinaties. Geen ziektebesef.",
         "Ernstig nadeel voor betrokkene en omgeving. Zorgmachtiging niet afwachtbaar: crisismaatregel (Wvggz) aangevraagd bij de burgemeester, verplichte opname gerealiseerd."),
        ("%s is volgens de partner al dagen manisch ontremd: grote aankopen, nauwelijks slaap, gejaagde spraak. Bekend met een bipolaire stoornis type I; lithiumspiegel onbekend." % ("Mevrouw" if p.sex == "F" else "Meneer"),
         "Verhoogde spraakdruk, ontremd, grootheidsideeën. Oordeels- en kritiekvermogen ernstig gestoord.",
         c.r.choice(["Geen acuut gevaar. Intensieve ambulante begeleiding door het FACT-team, morgen huisbezoek. Lithiumspiegel laten bepalen, partner geïnformeerd.",
                     "Vrijwillige opname geweigerd. In overleg met psychiater en partner: dagelijkse huisbezoeken, olanzapine 10 mg a.n., herbeoordeling morgen."])),
    ])
    blocks = [
        ("h1", c.r.choice(["Verslag crisisbeoordeling", "Crisisnotitie", "Notitie crisisdienst"])),
        ("p", "%s, %02d:%02d uur. Beoordeling op verzoek van %s."
         % (c.d(t), c.r.randint(0, 23), c.r.randint(0, 59),
            c.r.choice(["de huisartsenpost", "politie (Openbare Ordemelding)", "de moeder van betrokkene", "de SEH"]))),
        ("kv", [("Naam", p.full), ("Geb.", c.d(p.dob)), ("Adres", "%s, %s" % (p.street, p.city)),
                ("BSN", fmt_bsn(p.bsn, 1))]),
        ("h2", "Aanleiding"),
        ("p", case[0]),
        ("h2", "Psychiatrisch onderzoek"),
        ("p", case[1]),
        ("h2", "Conclusie en beleid"),
        ("p", case[2]),
        ("p", "%s, %s" % (psy.name, c.r.choice(["SPV crisisdienst", "psychiater", "arts-assistent psychiatrie"]))),
    ]
    return {"title": "Crisisnotitie", "blocks": blocks}


def youth_care_nl(c):
    kid = c.person(age=(6, 15))
    mum = c.person(age=(30, 48), sex="F")
    dad = c.person(age=(32, 52), sex="M")
    dad.last = kid.last
    dad.full = "%s %s" % (dad.first, dad.last)
    wrk = c.staff()
    school = c.r.choice(["basisschool De Regenboog", "OBS Het Kompas", "SBO De Sprong", "het Vathorst College"])
    blocks = [
        ("h1", "Voortgangsrapportage jeugdhulp"),
        ("kv", [("Jeugdige", kid.full), ("Geboortedatum", c.d(kid.dob)), ("BSN", kid.bsn),
                ("Ouders", "%s en %s" % (mum.full, dad.full)), ("School", school),
                ("Periode", "%s - %s" % (c.d(c.today - D(days=180)), c.d(c.today))),
                ("Jeugdprofessional", wrk.name)]),
        ("h2", "Hulpvraag"),
        ("p", "%s is aangemeld via de huisarts vanwege concentratieproblemen, driftbuien en slecht slapen. "
              "Ouders zijn gescheiden en communiceren moeizaam; %s woont om de week bij vader." % (kid.first, kid.first)),
        ("h2", "Verloop"),
        ("p", c.r.choice([
            "In maart is door de GZ-psycholoog ADHD (gecombineerd beeld) vastgesteld. Sinds april gebruikt %s methylfenidaat 10 mg 2dd, voorgeschreven door de kinderarts. School meldt dat het beter gaat in de klas." % kid.first,
            "Uit de diagnostiek kwam naar voren dat %s traumasymptomen heeft na langdurige ruzies thuis en een incident met huiselijk geweld in 2023. Er is gestart met EMDR (zes sessies)." % kid.first,
            "%s laat angstklachten zien (buikpijn, niet naar school willen). Schoolverzuim liep op tot 40%%. Er loopt cognitieve gedragstherapie en een traject met de leerplichtambtenaar." % kid.first,
        ])),
        ("p", c.r.choice([
            "Moeder geeft aan zelf depressieve klachten te hebben en is aangemeld bij de POH-GGZ.",
            "Vader drinkt volgens moeder te veel alcohol; dit is met hem besproken, hij herkent het deels.",
            "Beide ouders zijn gemotiveerd voor ouderbegeleiding.",
        ])),
        ("h2", "Veiligheid"),
        ("p", c.r.choice([
            "Er is op %s een melding gedaan bij Veilig Thuis na een uitspraak van %s op school. Een veiligheidsplan is opgesteld met beide ouders." % (c.d(c.today - D(days=60)), kid.first),
            "Er zijn op dit moment geen signalen van onveiligheid. De veiligheidstaxatie is %s herhaald (groen)." % c.d(c.today - D(days=20)),
        ])),
        ("h2", "Doelen volgende periode"),
        ("ul", ["%s kan zijn/haar boosheid op een andere manier uiten dan door slaan" % kid.first,
                "ouders maken werkafspraken over opvoeding (ouderschapsplan)",
                "schoolgang 100%, terugvalplan met mentor"]),
        ("p", "Vastgesteld in gesprek met ouders op %s." % c.d(c.today - D(days=c.r.randint(1, 10)))),
    ]
    blocks = [(t, (v.replace("zijn/haar", kid.his) if isinstance(v, str) else
                   [x.replace("zijn/haar", kid.his) for x in v] if t == "ul" else v)) for t, v in blocks]
    return {"title": "Voortgangsrapportage", "blocks": blocks}


def occupational_nl(c):
    p = c.person(age=(24, 63))
    ba = c.staff()
    emp = c.r.choice(["Bouwbedrijf Hoogland BV", "Gemeente Oostervoort", "Transportonderneming Van Geel", "Zorggroep De Linde"])
    since = c.today - D(days=c.r.randint(20, 300))
    variant = c.r.randint(0, 2)
    if variant == 0:
        body = [("p", "Op %s heb ik %s (personeelsnummer %d) op het spreekuur gezien. Er is sprake van ziekte; %s is sinds %s volledig arbeidsongeschikt voor het eigen werk."
                 % (c.d(c.today - D(days=2)), p.formal, c.r.randint(10000, 99999), p.he, c.d(since))),
                ("p", "Werknemer heeft klachten passend bij overspannenheid/burn-out en is in behandeling bij een psycholoog. Hij/zij is op dit moment beperkt in het omgaan met tijdsdruk en conflicten. Ik adviseer te starten met twee keer per week twee uur aangepast werk, zonder klantcontact."
                 .replace("Hij/zij", p.he.capitalize()))]
    elif variant == 1:
        body = [("p", "%s is op %s geopereerd aan de rechterknie (voorste kruisband). De revalidatie verloopt volgens verwachting. Staand en lopend werk, traplopen en tillen boven 10 kg zijn de komende acht weken niet mogelijk."
                 % (p.formal[0].upper() + p.formal[1:], c.d(since))),
                ("p", "Zittend werk (administratie, planning) kan vanaf volgende week voor 4 uur per dag.")]
    else:
        body = [("p", "Betreft: %s, geboren %s. Na onze telefonische consulten stel ik vast dat de rugklachten (lumbale hernia, bevestigd met MRI) onvoldoende verbeteren. Een operatie staat gepland in %s."
                 % (p.full, c.d(p.dob), c.r.choice(["oktober", "januari", "het voorjaar"]))),
                ("p", "Ik verwacht geen herstel binnen drie maanden. Ik adviseer de werkgever het plan van aanpak hierop aan te passen en een Eerstejaarsevaluatie in te plannen.")]
    blocks = [
        ("lines", [c.org[0] if "Arbo" in c.org[0] else "Arbodienst Vitaal Werk", "Stationsplein 12, Zwolle"]),
        ("lines", ["Aan: %s, afdeling P&O" % emp, "Vertrouwelijk"]),
        ("h1", c.r.choice(["Terugkoppeling spreekuur bedrijfsarts", "Advies bedrijfsarts", "Probleemanalyse (Wet verbetering poortwachter)"])),
    ] + body + [
        ("p", "Volgende afspraak: over %d weken." % c.r.randint(3, 6)),
        ("lines", [ba.name, "bedrijfsarts, BIG %011d" % c.r.randint(10**9, 10**10)]),
    ]
    return {"title": "Advies bedrijfsarts", "blocks": blocks}


def medication_overview_nl(c):
    p = c.person(age=(55, 95))
    meds = c.r.sample([
        ("Metformine", "500 mg tablet", "2x per dag 1 tablet", "bij ontbijt en avondeten"),
        ("Gliclazide", "80 mg tablet", "1x per dag 1 tablet", "bij ontbijt"),
        ("Acetylsalicylzuur", "80 mg tablet", "1x per dag 1", ""),
        ("Simvastatine", "40 mg tablet", "1x per dag 1", "'s avonds"),
        ("Lisinopril", "10 mg tablet", "1x per dag 1", ""),
        ("Hydrochloorthiazide", "12,5 mg tablet", "1x per dag 1", "'s ochtends"),
        ("Omeprazol", "20 mg capsule", "1x per dag 1", "voor het ontbijt"),
        ("Tamsulosine", "0,4 mg capsule", "1x per dag 1", ""),
        ("Paracetamol", "1000 mg tablet", "max. 3x per dag", "zo nodig bij pijn"),
        ("Macrogol/elektrolyten", "sachet", "1x per dag 1", "oplossen in water"),
        ("Levodopa/benserazide", "125 mg capsule", "4x per dag 1", "07-11-15-19 uur, niet bij eiwitrijke maaltijd"),
        ("Alendroninezuur", "70 mg tablet", "1x per week", "zaterdag, nuchter, rechtop blijven"),
        ("Colecalciferol", "800 IE tablet", "1x per dag 1", ""),
        ("Oxazepam", "10 mg tablet", "1x per dag 1", "voor de nacht, zo nodig"),
        ("Apixaban", "2,5 mg tablet", "2x per dag 1", ""),
    ], c.r.randint(6, 10))
    ap = c.r.choice(["Apotheek De Gaper", "Service Apotheek Oostwijk", "Apotheek Het Kruispunt"])
    blocks = [
        ("lines", [ap, "Medicatieoverzicht, afgedrukt %s" % c.d(c.today)]),
        ("kv", [("Naam", "%s %s (%s)" % (p.initial, p.last, "V" if p.sex == "F" else "M")), ("Geboortedatum", c.d(p.dob)),
                ("Adres", "%s, %s" % (p.street, p.city)), ("Lengte/gewicht", "%d cm / %d kg" % (c.r.randint(155, 190), c.r.randint(52, 110))),
                ("Nierfunctie", "eGFR %d (%s)" % (c.r.randint(25, 80), c.d(c.today - D(days=40))))]),
        ("h2", "Actuele medicatie"),
        ("table", [["Geneesmiddel", "Sterkte/vorm", "Dosering", "Opmerking"]] + [list(m) for m in meds]),
        ("h2", "Contra-indicaties en intoleranties"),
        ("ul", c.r.sample(["Diabetes mellitus", "Verminderde nierfunctie", "Allergie: sulfonamiden", "Hartfalen", "Valrisico",
                           "Ziekte van Parkinson", "Overgevoeligheid: codeïne (misselijk)"], 3)),
        ("p", "Dit overzicht is opgesteld op basis van de afleveringen van de afgelopen zes maanden en besproken met de patiënt tijdens het medicatiegesprek."),
    ]
    return {"title": "Medicatieoverzicht", "blocks": blocks}


# --------------------------------------------------------------------------
# Flemish
# --------------------------------------------------------------------------

def discharge_be(c):
    p = c.person(age=(68, 95))
    gp = c.staff()
    doc = c.staff()
    adm = c.today - D(days=c.r.randint(10, 25))
    dis = adm + D(days=c.r.randint(5, 12))
    side = c.r.choice(["linker", "rechter"])
    mut = c.r.choice(["CM", "Solidaris", "Helan", "Vlaams & Neutraal Ziekenfonds", "LM"])
    org = c.org_of("hospital_be")
    blocks = [
        ("lines", [org[0], "Dienst Geriatrie", org[1] + ", " + org[2]]),
        ("lines", ["Dr. %s" % gp.name, "Huisarts", "%s, %s" % (org[2].split(" ", 1)[1], c.d(c.today))]),
        ("kv", [("Patiënt", "%s %s" % (p.last_cap.upper(), p.first)), ("Geboortedatum", c.d(p.dob)),
                ("Rijksregisternummer", fmt_rrn(p.rrn, c.r.choice([0, 1, 2]))), ("Ziekenfonds", mut),
                ("Opname", "%s - %s" % (c.d(adm), c.d(dis)))]),
        ("p", "Geachte collega,"),
        ("p", "Wij zagen uw patiënt%s op de dienst spoedgevallen na een val thuis. Radiografie toonde een %s heupfractuur (pertrochantair), waarvoor op %s osteosynthese met een gammanagel door Dr. %s (orthopedie)."
         % ("e" if p.sex == "F" else "", side, c.d(adm + D(days=1)), c.staff().last)),
        ("p", "Het postoperatieve verloop werd gecompliceerd door een delirium, behandeld met haloperidol in lage dosis, en een urineweginfectie (E. coli) waarvoor temocilline. Bij ontslag is %s opnieuw helder en georiënteerd." % p.he),
        ("h2", "Ontslagmedicatie"),
        ("ul", ["Clexane 40 mg s.c. 1x/dag gedurende 5 weken", "Paracetamol 1 g 3x/dag", "D-Cure 25.000 IE 1 ampul per maand",
                "Pantomed 20 mg 1x/dag", "Movicol 1 zakje/dag zo nodig"]),
        ("h2", "Verdere zorg"),
        ("p", "Kinesitherapie aan huis (E-pathologie aangevraagd), thuisverpleging voor inspuitingen en hygiënische zorg. Controle raadpleging orthopedie binnen zes weken met RX. Osteoporose-screening (DEXA) werd aangevraagd."),
        ("p", "Met collegiale groeten,"),
        ("lines", ["Dr. %s" % doc.name, "Geriater"]),
    ]
    return {"title": "Ontslagbrief", "blocks": blocks}


def physio_report_be(c):
    p = c.person(age=(18, 55))
    kine = c.staff()
    dx = c.r.choice([
        ("status na VKB-reconstructie rechterknie", "op %s (hamstringgreffe)",
         "Na 18 beurten is de flexie toegenomen van 90° naar 125°. Extensiedeficit -3°. Nog lichte zwelling na belasting. Patiënt kan traplopen zonder steun; lopen op oneffen terrein blijft moeizaam."),
        ("frozen shoulder links", "sinds %s",
         "Patiënt meldt minder nachtelijke pijn (VAS 7 → 4). Abductie actief 95°, passief 110°. Werkhervatting als magazijnier is nog niet haalbaar."),
        ("lage rugpijn met uitstraling naar het linkerbeen (L5-radiculopathie)", "sinds %s",
         "Uitstralende pijn is afgenomen, centralisatie bij McKenzie-oefeningen. Zitten langer dan 30 minuten lukt nog niet. Patiënt volgt het oefenprogramma thuis goed op."),
    ])
    blocks = [
        ("lines", list(c.org_of("kine_be"))),
        ("h1", "Verslag kinesitherapie"),
        ("p", "Ter attentie van de behandelende arts en de adviserend arts van het ziekenfonds."),
        ("kv", [("Naam patiënt", p.full), ("INSZ", fmt_rrn(p.rrn, 1)), ("Adres", "%s, %s %s" % (p.street, p.postcode, p.city)),
                ("Voorschrijver", "Dr. %s" % c.staff().name), ("Diagnose", dx[0] + " " + dx[1] % c.d(c.today - D(days=c.r.randint(40, 160))))]),
        ("h2", "Evolutie"),
        ("p", dx[2]),
        ("h2", "Voorstel"),
        ("p", "Wij vragen een verlenging met 18 bijkomende zittingen aan. %s" % c.r.choice(["Volgende evaluatie over zes weken.", "Graag ook een controle bij de orthopedist.", ""])),
        ("lines", [kine.name, "Kinesitherapeut, RIZIV %d-%02d-%03d-%03d" % (c.r.randint(5, 5), c.r.randint(10, 99), c.r.randint(100, 999), c.r.randint(100, 999))]),
    ]
    return {"title": "Verslag kinesitherapie", "blocks": blocks}


def childcare_registration_be(c):
    kid = c.person(age=(0, 2))
    par1 = c.person(age=(26, 42), sex="F")
    par2 = c.person(age=(27, 45), sex="M")
    par2.last = kid.last
    start = c.today + D(days=c.r.randint(20, 90))
    blocks = [
        ("lines", [c.org[0] if "Vlinder" in c.org[0] else "Kinderdagverblijf Het Vlindertje", "Schoolstraat 5, 3500 Hasselt"]),
        ("h1", "Inschrijvingsfiche"),
        ("h2", "Gegevens kind"),
        ("kv", [("Naam en voornaam", "%s %s" % (kid.last_cap, kid.first)), ("Geboortedatum", c.d(kid.dob)),
                ("Rijksregisternummer", fmt_rrn(kid.rrn, 1)), ("Startdatum opvang", c.d(start)),
                ("Opvangdagen", c.r.choice(["maandag, dinsdag, donderdag", "voltijds", "woensdag en vrijdag"]))]),
        ("h2", "Ouder 1"),
        ("kv", [("Naam", par1.full), ("Rijksregisternummer", fmt_rrn(par1.rrn, 1)), ("Adres", "%s, %s %s" % (par1.street, par1.postcode, par1.city)),
                ("GSM", par1.phone), ("Werkgever", c.r.choice(["Stad Hasselt", "bpost", "zelfstandige", "UZ Leuven"]))]),
        ("h2", "Ouder 2"),
        ("kv", [("Naam", "%s %s" % (par2.first, par2.last)), ("Rijksregisternummer", fmt_rrn(par2.rrn, 1)), ("GSM", par2.phone)]),
        ("h2", "Inkomenstarief"),
        ("p", "Het attest inkomenstarief van Opgroeien werd voorgelegd. Dagprijs: EUR %d,%02d." % (c.r.randint(6, 30), c.r.randint(0, 99))),
        ("p", "Handtekening ouder(s): ......................      Datum: %s" % c.d(c.today)),
    ]
    return {"title": "Inschrijvingsfiche", "blocks": blocks}


# --------------------------------------------------------------------------
# French (Belgium)
# --------------------------------------------------------------------------

def discharge_fr(c):
    p = c.person(age=(45, 90))
    mt = c.staff()
    doc = c.staff()
    adm = c.today - D(days=c.r.randint(8, 20))
    dis = adm + D(days=c.r.randint(4, 9))
    case = c.r.choice([
        ("une pneumonie communautaire du lobe inférieur droit", "amoxicilline-acide clavulanique IV puis relais per os",
         "Fièvre à 39,2 °C, toux productive et dyspnée depuis quatre jours. CRP 187 mg/l. La radiographie du thorax montre une condensation basale droite."),
        ("une décompensation diabétique (acidocétose)", "insulinothérapie IV puis schéma basal-bolus",
         "Polyurie, polydipsie, perte de 6 kg en trois semaines. Glycémie 512 mg/dl, pH 7,18, cétonémie positive. Diabète de type 1 nouvellement diagnostiqué."),
        ("un accident vasculaire cérébral ischémique sylvien gauche", "thrombolyse IV, puis double antiagrégation",
         "Aphasie et hémiparésie droite d'installation brutale. Le scanner et l'angio-CT confirment une occlusion distale de l'artère cérébrale moyenne gauche."),
    ])
    org = c.org_of("hospital_fr")
    blocks = [
        ("lines", [org[0], "Service de médecine interne", org[1], org[2]]),
        ("lines", ["Docteur %s" % mt.name, "Médecin traitant", "%s, le %s" % (org[2].split(" ", 1)[1], c.d(c.today, 1))]),
        ("h1", "Lettre de sortie"),
        ("kv", [("Patient", "%s %s" % (p.last.upper(), p.first)), ("Date de naissance", c.d(p.dob)),
                ("N° de registre national", fmt_rrn(p.rrn, 1)), ("Hospitalisation", "du %s au %s" % (c.d(adm), c.d(dis)))]),
        ("p", "Cher Confrère, chère Consœur,"),
        ("p", "Nous avons hospitalisé votre patient%s, %s, pour %s." % ("e" if p.sex == "F" else "", p.formal, case[0])),
        ("h2", "Anamnèse et examens"),
        ("p", case[2]),
        ("h2", "Traitement et évolution"),
        ("p", "Traitement par %s. Évolution clinique favorable. %s" % (case[1], c.r.choice([
            ("La patiente a pu" if p.sex == "F" else "Le patient a pu") + " regagner son domicile avec l'aide d'une infirmière à domicile.",
            "Une revalidation en centre spécialisé est prévue.",
            ("La patiente" if p.sex == "F" else "Le patient") + " a reçu une éducation thérapeutique par notre infirmière référente."]))),
        ("h2", "Traitement de sortie"),
        ("ul", c.r.sample(["Asaflow 80 mg 1x/j", "Atorvastatine 40 mg le soir", "Lantus 16 UI au coucher",
                           "Novorapid selon schéma", "Augmentin 875 mg 3x/j jusqu'au %s" % c.d(dis + D(days=4)),
                           "Paracétamol 1 g si douleur", "Clopidogrel 75 mg 1x/j"], 4)),
        ("p", "Nous vous remercions de votre confiance et restons à votre disposition."),
        ("lines", ["Dr %s" % doc.name, c.r.choice(["Interniste", "Neurologue", "Médecin assistant"])]),
    ]
    return {"title": "Lettre de sortie", "blocks": blocks}


def work_incapacity_fr(c):
    p = c.person(age=(22, 62))
    md = c.staff()
    start = c.today - D(days=c.r.randint(0, 4))
    end = start + D(days=c.r.randint(5, 30))
    blocks = [
        ("h1", "Certificat médical"),
        ("p", "Je soussigné(e), Docteur %s, certifie avoir examiné ce jour :" % md.name),
        ("kv", [("Nom et prénom", "%s %s" % (p.last.upper(), p.first)), ("NISS", fmt_rrn(p.rrn, c.r.choice([0, 1]))),
                ("Domicile", "%s, %s %s" % (p.street, p.postcode, p.city))]),
        ("p", "et constaté que son état de santé l'empêche de travailler du %s au %s inclus." % (c.d(start), c.d(end))),
        ("kv", [("Sortie autorisée", c.r.choice(["oui", "non"])), ("Nature de l'affection", c.r.choice([
            "épisode dépressif majeur", "lombalgie aiguë", "fracture du poignet droit", "syndrome grippal compliqué", "burn-out"])),
                ("Hospitalisation", "non")]),
        ("p", "Ce volet est destiné au médecin-conseil de la mutualité."),
        ("p", "Fait à %s, le %s." % (p.city, c.d(c.today))),
        ("lines", ["Dr %s" % md.name, "Médecin généraliste, INAMI 1-%05d-%02d-%03d" % (c.r.randint(10000, 99999), c.r.randint(10, 99), c.r.randint(100, 999))]),
    ]
    return {"title": "Certificat médical", "blocks": blocks}


def psych_report_fr(c):
    kid = c.person(age=(7, 16))
    psy = c.staff()
    blocks = [
        ("lines", [c.org[0] if "Horizon" in c.org[0] else "Cabinet de psychologie Horizon", "Avenue de la Gare 21, 7000 Mons"]),
        ("h1", "Rapport d'évaluation psychologique"),
        ("kv", [("Enfant", kid.full), ("Né(e) le", c.d(kid.dob)), ("Classe", ("%de primaire" % (kid.age - 5)) if kid.age <= 11 else ("%de secondaire" % min(kid.age - 11, 6))),
                ("Demande", "parents, sur conseil du centre PMS"), ("Dates des séances", "%s, %s et %s" % tuple(c.d(c.today - D(days=k)) for k in (40, 26, 12)))]),
        ("h2", "Motif de la consultation"),
        ("p", "%s présente des difficultés d'apprentissage en lecture et en orthographe, ainsi qu'une grande fatigue en fin de journée. Les parents décrivent un enfant anxieux, qui dort mal." % kid.first),
        ("h2", "Tests administrés"),
        ("ul", ["WISC-V", "Batterie d'évaluation de la lecture (Alouette-R)", "Questionnaire d'anxiété (RCMAS-2)"]),
        ("h2", "Résultats"),
        ("p", "Le QI total se situe dans la moyenne (QIT %d). On observe un écart significatif entre la compréhension verbale et la mémoire de travail. L'âge lexique en lecture est de %d ans et %d mois. Le profil est compatible avec une dyslexie développementale, associée à un trouble anxieux généralisé."
         % (c.r.randint(92, 108), max(6, kid.age - 2), c.r.randint(1, 11))),
        ("h2", "Recommandations"),
        ("p", "Prise en charge logopédique (bilan de remboursement à introduire auprès de la mutualité), aménagements raisonnables à l'école, suivi psychologique hebdomadaire pour l'anxiété."),
        ("lines", [psy.name, "Psychologue clinicienne, n° de visa %d" % c.r.randint(100000, 999999)]),
    ]
    return {"title": "Rapport psychologique", "blocks": blocks}


# --------------------------------------------------------------------------
# English
# --------------------------------------------------------------------------

def occupational_en(c):
    p = c.person(age=(25, 60))
    oh = c.staff()
    blocks = [
        ("lines", ["Northfield Occupational Health Ltd", "14 Mill Lane, Leeds LS2 7QT"]),
        ("lines", ["Private and confidential", "HR Business Partner, %s" % c.r.choice(["Harbourside Logistics", "Brightwater Schools Trust", "Calder Engineering"])]),
        ("h1", "Occupational Health Assessment Report"),
        ("kv", [("Employee", p.full), ("Date of birth", c.d(p.dob, 1)), ("Job title", c.r.choice(["Warehouse supervisor", "Teaching assistant", "Maintenance engineer"])),
                ("Assessment date", c.d(c.today, 1)), ("Consent to release", "given")]),
        ("h2", "Background"),
        ("p", (lambda since: c.r.choice([
            "%s has been absent since %s with low back pain radiating into the left leg. An MRI scan has confirmed a lumbar disc herniation at L4/5 and %s is awaiting a surgical opinion." % (p.formal, since, p.he),
            "%s has been off work since %s following a diagnosis of generalised anxiety disorder with panic attacks. %s is under the care of the GP and has started sertraline and a course of CBT." % (p.formal, since, p.he.capitalize()),
            "%s returned to work on %s after treatment for %s cancer (surgery and radiotherapy). %s continues to experience fatigue and reduced concentration." % (p.formal, since, "breast" if p.sex == "F" else "bowel", p.he.capitalize()),
        ]))(c.d(c.today - D(days=c.r.randint(20, 120)), 1))),
        ("h2", "Opinion"),
        ("p", "In my opinion %s is currently %s. The Equality Act 2010 is likely to apply." % (p.formal, c.r.choice([
            "unfit for any work", "fit for modified duties only", "fit for a phased return over four weeks"]))),
        ("h2", "Recommended adjustments"),
        ("ul", ["reduced hours for the first two weeks (four hours per day)", "no lifting over 10 kg",
                "regular breaks and a workstation assessment", "review appointment in six weeks"]),
        ("lines", [oh.name, c.r.choice(["Occupational Health Physician", "Occupational Health Nurse Adviser"])]),
    ]
    return {"title": "Occupational Health Report", "blocks": blocks}


def discharge_en(c):
    p = c.person(age=(20, 75))
    cons = c.staff()
    adm = c.today - D(days=c.r.randint(3, 12))
    blocks = [
        ("lines", ["St. Aidan's Community Hospital", "2 Harbour Road, Penzance TR18 4AA"]),
        ("h1", "Discharge Summary"),
        ("kv", [("Patient", "%s, %s" % (p.last_cap.upper(), p.first)), ("DOB", c.d(p.dob, 2)), ("Hospital no.", "SAH%s" % p.patnr),
                ("Home address", "%s, %s %s, the Netherlands" % (p.street, p.postcode, p.city)), ("Admitted", c.d(adm, 1)),
                ("Discharged", c.d(adm + D(days=c.r.randint(2, 5)), 1)), ("Consultant", "%s (%s)" % (cons.name, c.r.choice(["general surgery", "acute medicine", "orthopaedics"])))]),
        ("h2", "Diagnosis"),
        ("p", c.r.choice(["Acute appendicitis - laparoscopic appendicectomy.", "Closed fracture distal radius (right), manipulated under anaesthesia and plastered.",
                          "Community-acquired pneumonia, right lower lobe.", "Acute pancreatitis (gallstone)."])),
        ("h2", "Clinical summary"),
        ("p", "Dutch visitor on holiday in Cornwall. Presented to the Emergency Department with %s. Uneventful recovery. Mobilising independently at discharge."
         % c.r.choice(["24 hours of right iliac fossa pain and vomiting", "a fall from a bicycle", "fever and productive cough", "severe epigastric pain radiating to the back"])),
        ("h2", "Medication on discharge"),
        ("ul", c.r.sample(["Paracetamol 1 g QDS PRN", "Ibuprofen 400 mg TDS with food (5 days)", "Co-amoxiclav 625 mg TDS (5 days)",
                           "Enoxaparin 40 mg SC OD (7 days)", "Omeprazole 20 mg OD"], 3)),
        ("h2", "Follow-up"),
        ("p", "Please arrange wound check / clinical review with the patient's own GP in the Netherlands. Copy given to the patient."),
    ]
    return {"title": "Discharge Summary", "blocks": blocks}


def employee_onboarding_en(c):
    p = c.person(age=(22, 55))
    blocks = [
        ("h1", "New starter details"),
        ("p", "Please complete and return to HR before the first working day."),
        ("kv", [("Full name", p.full), ("Date of birth", c.d(p.dob, 2)), ("Home address", "%s, %s %s" % (p.street, p.postcode, p.city)),
                ("Citizen service number (BSN)", fmt_bsn(p.bsn, c.r.choice([0, 2]))),
                ("IBAN", "NL%02d ABNA %04d %04d %02d" % (c.r.randint(10, 99), c.r.randint(0, 9999), c.r.randint(0, 9999), c.r.randint(0, 99))),
                ("Start date", c.d(c.today + D(days=c.r.randint(7, 40)), 1)), ("Position", c.r.choice(["Finance officer", "Planner", "Data analyst"])),
                ("Apply payroll tax credit (loonheffingskorting)", "Yes")]),
        ("p", "Emergency contact: %s (%s), %s" % (c.person().full, c.r.choice(["partner", "mother", "brother"]), c.person().phone)),
        ("p", "I declare that the information above is correct. Signed: %s, %s" % (p.full, c.d(c.today, 1))),
    ]
    return {"title": "New starter details", "blocks": blocks}


# --------------------------------------------------------------------------
# More Dutch variety
# --------------------------------------------------------------------------

def wmo_report_nl(c):
    p = c.person(age=(35, 85))
    cons = c.staff()
    cond = c.r.choice([
        ("multiple sclerose (sinds 2009)", "rolstoelafhankelijk binnenshuis, vermoeidheidsklachten"),
        ("COPD en hartfalen", "kortademig bij lichte inspanning, kan geen trap meer op"),
        ("niet-aangeboren hersenletsel na een herseninfarct", "halfzijdige verlamming rechts, snel overprikkeld"),
        ("beginnende dementie", "vergeet afspraken en maaltijden, dochter doet de administratie"),
    ])
    blocks = [
        ("lines", ["Gemeente Oostervoort", "Team Wmo"]),
        ("h1", "Verslag onderzoek Wmo-melding"),
        ("kv", [("Naam inwoner", p.full), ("BSN", fmt_bsn(p.bsn, c.r.randint(0, 2))), ("Adres", "%s, %s %s" % (p.street, p.postcode, p.city)),
                ("Datum gesprek", c.d(c.today - D(days=c.r.randint(3, 14)))), ("Aanwezig", "inwoner, %s en consulent %s" % (c.r.choice(["partner", "dochter", "zoon", "mantelzorger (buurvrouw)"]), cons.name))]),
        ("h2", "Situatie"),
        ("p", "Inwoner is bekend met %s. Gevolgen in het dagelijks leven: %s. Woont in een eengezinswoning met de slaapkamer op de eerste verdieping." % cond),
        ("h2", "Wat is er nodig?"),
        ("ul", c.r.sample(["huishoudelijke ondersteuning, 3 uur per week", "traplift of verhuizing naar een gelijkvloerse woning",
                           "begeleiding individueel voor de administratie", "dagbesteding 2 dagdelen", "scootmobiel", "respijtzorg voor de mantelzorger"], 3)),
        ("h2", "Conclusie"),
        ("p", "Inwoner is niet in staat om op eigen kracht of met hulp van het netwerk voldoende zelfredzaam te zijn. Advies: toekennen voor de duur van %d maanden." % c.r.choice([12, 24, 36])),
        ("p", "Het verslag is op %s met inwoner besproken; inwoner is het eens met de inhoud." % c.d(c.today)),
    ]
    return {"title": "Verslag Wmo", "blocks": blocks}


def handover_sbar_nl(c):
    ward = c.r.choice(["B3 Chirurgie", "4 Noord Interne", "Orthopedie 5e", "Longziekten C2"])
    rows = [["Kamer", "Patiënt", "Geb.datum", "Diagnose / reden opname", "Bijzonderheden"]]
    issues = [
        ("post-op dag 1 TKP links", "pijn VAS 6, extra oxycodon gegeven 22:00"),
        ("pneumonie", "O2 2 l, sat 93%, kweek volgt"),
        ("delier bij UWI", "onrustig, haloperidol 0,5 mg om 19:00, bedhek op indicatie"),
        ("ileus", "maaghevel, nuchter, infuus 2 l/24u"),
        ("COPD exacerbatie", "prednison dag 3, kan morgen mogelijk naar huis"),
        ("cholecystectomie dag 0", "geen bijzonderheden, mobiliseren"),
        ("decompensatio cordis", "vochtbalans, gewicht 81,4 kg, furosemide iv"),
        ("val thuis, heupfractuur", "wacht op OK morgen, nuchter vanaf 24:00"),
        ("hyperglykemie DM1", "glucose 2-uurlijks, insulinepomp uit"),
        ("colitis ulcerosa opvlamming", "6x diarree, infliximab morgen"),
        ("erysipelas rechterbeen", "flucloxacilline iv, been hoog"),
        ("TIA", "neurologische controle 4-uurs, geen uitval"),
    ]
    picked = c.r.sample(issues, c.r.randint(9, 12))
    for i, (dx, note) in enumerate(picked):
        p = c.person(age=(30, 95))
        rows.append(["%d%s" % (c.r.randint(1, 24), c.r.choice("ABCD")), "%s %s" % (p.initial, p.last), c.d(p.dob), dx, note])
    blocks = [
        ("h1", "Overdracht %s" % c.r.choice(["avonddienst -> nachtdienst", "nachtdienst -> vroege dienst", "late dienst"])),
        ("p", "Afdeling %s, %s. Bezetting: %d bedden, %s verwacht." % (ward, c.d(c.today), len(picked) + c.r.randint(2, 8), c.r.choice(["geen opnames", "1 opname", "2 opnames", "3 opnames"]))),
        ("table", rows),
        ("h2", "Algemeen"),
        ("p", "Spoedkar gecontroleerd. Opiatenkast geteld, klopt. Kamer %d%s in isolatie (MRSA-screening loopt)." % (c.r.randint(1, 24), c.r.choice("ABCD"))),
    ]
    return {"title": "Overdracht", "blocks": blocks}


def psychiatric_assessment_nl(c):
    p = c.person(age=(18, 70))
    psy = c.staff()
    case = c.r.choice([
        (["Depressieve stemmingsstoornis, recidiverend, matig ernstig", "Gegeneraliseerde angststoornis"],
         "Sinds een half jaar somberheid, piekeren, slecht slapen (vroeg wakker), gewichtsverlies van 5 kg. Werkt niet meer sinds de zomer. Passieve doodsgedachten zonder plannen.",
         "Start met escitalopram 10 mg, na twee weken evalueren. Daarnaast cognitieve gedragstherapie (20 sessies) bij onze GZ-psycholoog."),
        (["Posttraumatische-stressstoornis", "Stoornis in alcoholgebruik, matig"],
         "Herbelevingen en nachtmerries na een ernstig verkeersongeval in 2022. Vermijdt de auto. Drinkt 's avonds 6-8 glazen wijn om te kunnen slapen.",
         "EMDR gevolgd door een korte behandeling gericht op het alcoholgebruik. Overweeg tijdelijk naltrexon."),
        (["Borderline-persoonlijkheidsstoornis", "Depressieve stemmingsstoornis, eenmalige episode"],
         "Heftige stemmingswisselingen, gevoelens van leegte, zelfbeschadiging (snijden) bij spanning, laatste keer twee weken geleden.",
         "Aanmelding voor schematherapie in groepsverband; tot die tijd crisissignaleringsplan opgesteld."),
        (["Autismespectrumstoornis (niveau 1)", "Sociale-angststoornis"],
         "Loopt vast in de studie, overprikkeld, weinig sociale contacten, vermijdt groepen en telefoneren.",
         "Psycho-educatie, begeleiding bij studie via de studentendecaan, groepstraining sociale vaardigheden."),
    ])
    dx = case[0]
    blocks = [
        ("lines", ["GGZ Polderland", "Ambulant team Lelystad"]),
        ("p", "Aan %s, huisarts" % c.staff().formal_staff),
        ("h1", "Verslag psychiatrisch onderzoek"),
        ("p", "Betreft: %s, geboren %s, wonende %s te %s." % (p.full, c.d(p.dob, 1), p.street, p.city)),
        ("p", "Geachte collega, hartelijk dank voor uw verwijzing. Ik zag %s op %s voor een intake. Hieronder mijn bevindingen."
         % (p.formal, c.d(c.today - D(days=c.r.randint(5, 20))))),
        ("h2", "Klachten en hulpvraag"),
        ("p", case[1]),
        ("h2", "Classificatie (DSM-5)"),
        ("ul", dx),
        ("h2", "Behandeladvies"),
        ("p", case[2]),
        ("p", "Met vriendelijke groet,"),
        ("lines", [psy.name, c.r.choice(["psychiater", "klinisch psycholoog", "GZ-psycholoog i.o. (supervisor: %s, psychiater)" % c.staff().name])]),
    ]
    return {"title": "Verslag psychiatrisch onderzoek", "blocks": blocks}


def addiction_plan_nl(c):
    p = c.person(age=(22, 66))
    bh = c.staff()
    blocks = [
        ("h1", "Behandelplan verslavingszorg"),
        ("kv", [("Cliënt", "%s (%s)" % (p.full, c.d(p.dob))), ("Dossiernummer", "VZN-%s" % p.patnr), ("Regiebehandelaar", bh.name),
                ("Verwijzer", "huisarts %s" % c.staff().name)]),
        ("h2", "Middelengebruik"),
        ("table", [["Middel", "Frequentie", "Hoeveelheid", "Sinds"],
                   ["alcohol", "dagelijks", "%d eenheden" % c.r.randint(8, 25), str(c.r.randint(1998, 2018))],
                   list(c.r.choice([("cannabis", "dagelijks", "3-4 joints"), ("cocaïne", "weekend", "1-2 gram"), ("GHB", "2-3x per week", "onbekend"),
                                    ("oxazepam (niet voorgeschreven)", "dagelijks", "3-5 tabletten")])) + [str(c.r.randint(2005, 2020))],
                   ["tabak", "dagelijks", "20 sigaretten", "jeugd"]]),
        ("h2", "Diagnostiek"),
        ("p", "Stoornis in alcoholgebruik, ernstig. %s. Leverwaarden verhoogd (GGT %d U/l). Eerder twee detoxopnames." %
         (c.r.choice(["Comorbide depressieve klachten", "Vermoeden ADHD, nader onderzoek volgt", "Geen psychiatrische comorbiditeit"]), c.r.randint(90, 400))),
        ("h2", "Doelen"),
        ("ul", ["klinische detoxificatie (Librium-schema) in week %d" % c.r.randint(2, 50),
                "daarna abstinentie, ondersteund met disulfiram (Antabus) na overleg", "terugvalpreventie in groep (CGT, 12 bijeenkomsten)",
                "herstel van het contact met %s" % c.r.choice(["de kinderen", "de ex-partner", "de werkgever"])]),
        ("p", "Cliënt heeft het plan gelezen en gaat akkoord. Handtekening cliënt: ___________"),
    ]
    return {"title": "Behandelplan", "blocks": blocks}


def authorisation_request_nl(c):
    p = c.person(age=(30, 80))
    arts = c.staff()
    aid = c.r.choice([
        ("CPAP-apparaat met bevochtiger", "obstructief slaapapneusyndroom, AHI %d/uur bij polysomnografie" % c.r.randint(30, 60),
         "longarts", "Eerdere behandeling met een mandibulair repositieapparaat was onvoldoende effectief."),
        ("orthopedische maatschoenen", "diabetische voet met status na ulcus digitus 2 rechts, ernstige neuropathie",
         "revalidatiearts", "Confectieschoenen met aanpassingen zijn onvoldoende gebleken."),
        ("hoortoestellen beiderzijds", "perceptief gehoorverlies %d dB (gemiddeld) beiderzijds" % c.r.randint(40, 70),
         "KNO-arts", "Zie bijgevoegd audiogram."),
        ("continue glucosemonitor (CGM)", "diabetes mellitus type 1 met hypoglycaemia unawareness",
         "internist", "Patiënt voldoet aan de criteria van het reglement hulpmiddelen."),
    ])
    blocks = [
        ("h1", "Aanvraag machtiging hulpmiddel"),
        ("p", "Ter attentie van de afdeling Medische Beoordelingen, Zorgverzekeraar %s" % c.r.choice(["Salland-example", "Zilveren Kruis-example", "VGZ-example"])),
        ("table", [["Gegevens verzekerde", ""],
                   ["Naam", "%s %s" % (p.initial, p.last)],
                   ["Geboortedatum", c.d(p.dob)],
                   ["Burgerservicenummer", p.bsn],
                   ["Relatienummer", make_non_bsn(c.r)],
                   ["Adres", "%s, %s %s" % (p.street, p.postcode, p.city)]]),
        ("h2", "Aangevraagd hulpmiddel"),
        ("p", aid[0]),
        ("h2", "Medische indicatie"),
        ("p", aid[1][0].upper() + aid[1][1:] + ". " + aid[3]),
        ("kv", [("Voorschrijver", arts.name), ("Specialisme", aid[2]), ("Datum", c.d(c.today))]),
    ]
    return {"title": "Aanvraag machtiging", "blocks": blocks}


def midwife_handover_nl(c):
    p = c.person(age=(22, 41), sex="F")
    vk = c.staff()
    ga_w = c.r.randint(28, 39)
    blocks = [
        ("lines", ["Verloskundigenpraktijk De Wieg", "Wiegstraat 3, Gouda"]),
        ("h1", "Overdracht naar tweede lijn"),
        ("kv", [("Cliënte", "%s %s" % (p.first, p.last)), ("Geboortedatum", c.d(p.dob)), ("BSN", p.bsn),
                ("Graviditeit/pariteit", "G%dP%d" % (c.r.randint(2, 4), c.r.randint(1, 2))), ("Amenorroeduur", "%d+%d weken" % (ga_w, c.r.randint(0, 6))),
                ("À terme datum", c.d(c.today + D(days=(40 - ga_w) * 7)))]),
        ("h2", "Reden van overdracht"),
        ("p", c.r.choice([
            "Zwangerschapsdiabetes: OGTT bij 26 weken nuchter 6,4 en na 2 uur 9,8 mmol/l. Dieetadvies gegeven, glucosedagcurves te hoog.",
            "Verhoogde bloeddruk (150/98) bij twee metingen, proteïnurie ++ bij stick. Geen hoofdpijn of visusklachten.",
            "Foetale groei: SGA, echo EFW < p5. Doppler volgt in de kliniek.",
            "Status na sectio (2021) en wens tot VBAC; bespreking in de kliniek gewenst.",
        ])),
        ("h2", "Obstetrische voorgeschiedenis"),
        ("p", c.r.choice(["Eerste kind spontaan geboren bij 39 weken, fluxus 900 ml.", "Miskraam in 2020 (curettage).", "Vorige zwangerschap ongecompliceerd."])),
        ("p", "Bloedgroep %s, rhesus %s, irregulaire antistoffen negatief. HIV/HBsAg/lues negatief." % (c.r.choice(["A", "O", "B", "AB"]), c.r.choice(["positief", "negatief"]))),
        ("p", "Overgedragen door %s, verloskundige, %s." % (vk.name, c.d(c.today))),
    ]
    return {"title": "Overdracht verloskunde", "blocks": blocks}


def payroll_form_nl(c):
    p = c.person(age=(18, 64))
    blocks = [
        ("h1", "Opgaaf gegevens voor de loonheffingen"),
        ("p", "Gegevens werknemer (in te vullen door de werknemer)"),
        ("table", [["Vraag", "Antwoord"],
                   ["1 Achternaam en voorletters", "%s, %s" % (p.last_cap, p.initial)],
                   ["2 Burgerservicenummer", fmt_bsn(p.bsn, c.r.choice([0, 1, 2]))],
                   ["3 Adres", p.street],
                   ["4 Postcode en woonplaats", "%s %s" % (p.postcode, p.city)],
                   ["5 Geboortedatum", c.d(p.dob)],
                   ["6 Wilt u dat uw werkgever rekening houdt met de loonheffingskorting?", "Ja, vanaf %s" % c.d(c.today)],
                   ["Datum en handtekening", "%s  %s" % (c.d(c.today), p.full)]]),
        ("p", "Gegevens werkgever: %s, loonheffingennummer %09dL%02d" % (c.r.choice(["Zorggroep De Linde", "Thuiszorg Kustregio", "Stichting Perspectief Wonen"]), c.r.randint(10**8, 10**9 - 1), c.r.randint(1, 3))),
        ("p", "Bewaar dit formulier bij de loonadministratie. Stuur het niet naar de Belastingdienst."),
    ]
    return {"title": "Opgaaf loonheffingen", "blocks": blocks}


def disability_mdo_nl(c):
    p = c.person(age=(19, 60))
    cc = c.staff()
    members = [c.staff() for _ in range(4)]
    blocks = [
        ("h1", "Verslag multidisciplinair overleg"),
        ("kv", [("Cliënt", p.full), ("Woonlocatie", "Stichting Perspectief Wonen, %s" % c.r.choice(["De Kamp 9", "Vlasakker 14", "woning Esdoorn"])),
                ("Datum", c.d(c.today - D(days=c.r.randint(1, 7)))),
                ("Aanwezig", "%s (AVG), %s (gedragsdeskundige), %s (persoonlijk begeleider), %s (moeder/mentor)" % (members[0].name, members[1].name, members[2].name, c.person(sex="F").first + " " + p.last))]),
        ("h2", "Stand van zaken"),
        ("p", "%s heeft een matig verstandelijke beperking (TIQ rond 45) en is bekend met %s. %s" % (
            p.first,
            c.r.choice(["epilepsie (gegeneraliseerde tonisch-clonische aanvallen)", "het syndroom van Down en hypothyreoïdie", "autisme en een slaapstoornis"]),
            c.r.choice(["De afgelopen maand waren er vier aanvallen, één langer dan vijf minuten waarbij midazolam neusspray is gegeven.",
                        "Sinds de verhuizing van een vaste begeleider zijn er meer momenten van zelfverwonding (hoofdbonken).",
                        "Het gewicht is in een half jaar met 9 kg toegenomen; de AVG denkt aan een bijwerking van risperidon."]))),
        ("h2", "Afspraken"),
        ("ul", ["AVG past de medicatie aan (levetiracetam 750 mg 2dd) en vraagt bloedspiegel aan",
                "gedragsdeskundige maakt een signaleringsplan; evaluatie over 6 weken",
                "bij een aanval langer dan 5 minuten: midazolam toedienen en 112 bellen",
                "moeder wordt na elke aanval telefonisch geïnformeerd"]),
        ("p", "Notulist: %s, zorgcoördinator" % cc.name),
    ]
    return {"title": "Verslag MDO", "blocks": blocks}


def palliative_note_nl(c):
    p = c.person(age=(55, 92))
    vpk = c.staff()
    blocks = [
        ("h1", "Verpleegkundige rapportage"),
        ("p", "Thuiszorg Kustregio, team Palliatieve Terminale Zorg"),
        ("kv", [("Cliënt", "%s, %s" % (p.formal, p.street)), ("Geboortedatum", c.d(p.dob)),
                ("Huisarts", c.staff().name), ("Diagnose", c.r.choice(["gemetastaseerd pancreascarcinoom", "longcarcinoom met hersenmetastasen", "ALS", "eindstadium hartfalen"]))]),
    ]
    partner = "echtgenoot" if p.sex == "F" else "echtgenote"
    notes = c.r.sample([
            "Cliënt slaapt veel, drinkt slokjes. Pijnscore 3. Pomp (morfine 30 mg/24 uur s.c.) loopt goed, prikplaats rustig.",
            "Onrustig in de nacht volgens %s. Extra bolus 5 mg gegeven om 03:10. Mondzorg gedaan." % partner,
            "Huisarts op bezoek geweest, besproken dat palliatieve sedatie een optie is. Familie wil hierover nadenken.",
            "Benauwd bij wisselligging, rochelend ademhalen. Butylscopolamine gegeven volgens afspraak.",
            "Decubitus stuit categorie 2, verband gewisseld. Wisselligging 3-uurs.",
            "Rustige dag. Kinderen aanwezig. Cliënt geeft aan niet meer naar het ziekenhuis te willen; NR-verklaring ligt in de map.",
            "Weinig intake, alleen wat yoghurt. Urineproductie laag. Katheter blijft. %s is erg moe maar helder." % p.he.capitalize(),
            "Controle pompinstellingen met collega. Prikplaats verwisseld naar rechterbovenbeen. Pijn VAS 2.",
        ], c.r.randint(4, 7))
    for k, note in zip(range(len(notes), 0, -1), notes):
        blocks.append(("p", "%s - %s" % (c.d(c.today - D(days=k)), note)))
    blocks.append(("p", "Rapportage: %s, wijkverpleegkundige" % vpk.name))
    return {"title": "Rapportage PTZ", "blocks": blocks}


def sti_result_letter_nl(c):
    p = c.person(age=(18, 40))
    blocks = [
        ("lines", ["GGD Regio Middenveld", "Centrum Seksuele Gezondheid"]),
        ("lines", [p.full, p.street, "%s %s" % (p.postcode, p.city)]),
        ("p", "%s, %s" % (c.r.choice(["Amersfoort", "Utrecht"]), c.d(c.today, 1))),
        ("p", "Onderwerp: uitslag van uw onderzoek"),
        ("p", "Beste %s," % p.first),
        ("p", "Op %s bent u bij ons getest. Bij uw test is %s aangetoond. Dit is goed te behandelen. U kunt een recept ophalen bij de apotheek op vertoon van deze brief; de arts heeft %s voorgeschreven."
         % (c.d(c.today - D(days=c.r.randint(4, 10))), c.r.choice(["chlamydia", "gonorroe", "syfilis"]), c.r.choice(["doxycycline 100 mg 2x per dag gedurende 7 dagen", "een injectie (ceftriaxon)", "azitromycine"]))),
        ("p", "De andere testen (hiv, hepatitis B) waren negatief. Wij vragen u uw partner(s) van de afgelopen zes maanden te waarschuwen. Dat kan ook anoniem via onze website."),
        ("p", "Met vriendelijke groet,"),
        ("lines", [c.staff().name, "sociaal verpleegkundige"]),
    ]
    return {"title": "Uitslag", "blocks": blocks}


def jgz_report_nl(c):
    kid = c.person(age=(2, 5))
    blocks = [
        ("h1", "Verslag consult Jeugdgezondheidszorg"),
        ("kv", [("Kind", "%s %s" % (kid.first, kid.last)), ("Geboortedatum", c.d(kid.dob)), ("Leeftijd", "%d jaar" % kid.age),
                ("Consult", c.d(c.today - D(days=c.r.randint(1, 14)))), ("Jeugdarts", c.staff().name)]),
        ("table", [["Meting", "Waarde", "SDS"],
                   ["Lengte", "%d,%d cm" % (80 + kid.age * 8, c.r.randint(0, 9)), "-%d,%d" % (c.r.randint(0, 2), c.r.randint(0, 9))],
                   ["Gewicht", "%d,%d kg" % (10 + kid.age * 2, c.r.randint(0, 9)), "+%d,%d" % (c.r.randint(0, 2), c.r.randint(0, 9))],
                   ["Gehoor (screening)", c.r.choice(["onvoldoende rechts", "voldoende", "onvoldoende beiderzijds"]), ""],
                   ["Visus", c.r.choice(["0,8 / 0,5 (verschil)", "1,0 / 1,0"]), ""]]),
        ("h2", "Bevindingen"),
        ("p", c.r.choice([
            "Spraak-taalontwikkeling vertraagd: spreekt in tweewoordzinnen, moeilijk verstaanbaar voor vreemden. Moeder maakt zich zorgen. In combinatie met de gehoorscreening verwijzing naar het audiologisch centrum.",
            "Overgewicht (BMI-SDS +2,3). Veel zoete dranken. Gesproken over voeding en beweging; ouders staan open voor een traject met de leefstijlcoach.",
            "Lui oog links vermoed. Verwezen naar de orthoptist. Verder goede groei en ontwikkeling.",
        ])),
        ("p", "Vervolg: %s" % c.r.choice(["extra contactmoment over 3 maanden", "terugkoppeling verwijzing afwachten", "volgend regulier consult op 5 jaar"])),
    ]
    return {"title": "Verslag JGZ", "blocks": blocks}


def appointment_letter_nl(c):
    p = c.person(age=(40, 85))
    t = c.today + D(days=c.r.randint(5, 30))
    dept = c.r.choice([
        ("Oncologie", "een CT-scan van thorax en buik, gevolgd door een gesprek over de uitslag en de voortzetting van de chemotherapie"),
        ("Nefrologie", "een gesprek over de voorbereiding op dialyse"),
        ("Geheugenpoli", "een neuropsychologisch onderzoek naar aanleiding van uw geheugenklachten"),
        ("Urologie", "een cystoscopie in verband met het bloed in de urine"),
    ])
    blocks = [
        ("lines", ["Ziekenhuis Rijnoever", "Oeverweg 100, 6824 BE Arnhem"]),
        ("lines", [p.formal[0].upper() + p.formal[1:], p.street, "%s %s" % (p.postcode, p.city)]),
        ("p", "Patiëntnummer: %s    Geboortedatum: %s" % (p.patnr, c.d(p.dob))),
        ("p", "Geachte %s %s," % ("mevrouw" if p.sex == "F" else "heer", p.last_cap)),
        ("p", "Hierbij bevestigen wij uw afspraak op de polikliniek %s op %s om %02d:%s uur. Het gaat om %s."
         % (dept[0], c.d(t, 1), c.r.randint(8, 15), c.r.choice(["00", "15", "30", "45"]), dept[1])),
        ("p", c.r.choice(["U moet vanaf vier uur voor het onderzoek nuchter zijn. Neemt u uw medicijnen wel in met een slokje water.",
                          "Wilt u uw actuele medicatieoverzicht meenemen en iemand die u kan vergezellen?",
                          "Meldt u zich eerst bij de aanmeldzuil in de centrale hal."])),
        ("p", "Bent u verhinderd? Bel dan minstens 24 uur van tevoren: 026 - 123 45 67."),
        ("p", "Met vriendelijke groet,"),
        ("p", "Secretariaat polikliniek %s" % dept[0]),
    ]
    return {"title": "Afspraakbevestiging", "blocks": blocks}


def gp_consult_note_nl(c):
    """Terse GP-style SOEP note, lots of abbreviations."""
    p = c.person(age=(2, 90))
    blocks = [
        ("p", "%s | %s | %s | pat.nr %s" % (c.org[0] if "Huisarts" in c.org[0] else "Huisartsenpraktijk Het Anker", p.full, c.d(p.dob), p.patnr)),
        ("h2", "Journaal %s" % c.d(c.today)),
    ]
    entries = c.r.sample([
            "S: hoest 3 wk, geen koorts. O: longen: VAG, geen bijgeluiden. E: R05 hoest. P: afwachten, terug bij koorts.",
            "S: somber, slaapt slecht, piekert over werk. O: PHQ-9 17. E: P76 depressie. P: verwijzing POH-GGZ, ctrl 2 wk.",
            "S: pijnlijke plasklachten. O: urine nitriet+, leuco++. E: U71 cystitis. P: nitrofurantoïne 100 mg 2dd 5d.",
            "S: controle DM2. O: HbA1c 58, RR 142/86, gewicht 96 kg. E: T90.02. P: metformine ophogen naar 1000 mg 2dd.",
            "S: jeukende plekken ellebogen. O: schilferende plaques. E: S91 psoriasis. P: betamethason crème.",
            "S: pijn li knie na val. O: zwelling, stabiel. E: L96 knieletsel. P: RICE, ibuprofen.",
            "Tel: partner belt, pat. verward sinds gisteren. Visite: delier bij pneumonie? Ingestuurd SEH.",
            "S: duizelig bij opstaan. O: RR liggend 135/80, staand 105/70. E: K88 orthostatische hypotensie. P: amlodipine stoppen.",
            "S: kortademig, enkels dik. O: crepitaties basaal beiderzijds, oedeem ++. E: K77 hartfalen. P: furosemide 40 mg, echo cor aangevraagd.",
        ], c.r.randint(3, 5))
    dates = sorted(c.today - D(days=c.r.randint(0, 300)) for _ in entries)
    for d, e in zip(dates, entries):
        blocks.append(("p", "%s  %s" % (c.d(d), e)))
    return {"title": "Journaaluittreksel", "blocks": blocks}


def dental_plan_nl(c):
    p = c.person(age=(18, 80))
    anam = ["diabetes type 2, gebruikt bloedverdunners (acenocoumarol)", "geen bijzonderheden, rookt 15 sigaretten per dag", "hartklepvervanging (2019), antibiotische profylaxe nodig"]
    if p.sex == "F" and p.age < 42:
        anam.append("zwanger (20 weken)")
    blocks = [
        ("h1", "Behandelplan en begroting"),
        ("p", "Tandartspraktijk Het Zuiderdiep, Zuiderdiep 22, Groningen"),
        ("kv", [("Patiënt", "%s %s" % (p.initial, p.last)), ("Geboortedatum", c.d(p.dob)), ("BSN", fmt_bsn(p.bsn, 2))]),
        ("p", "Anamnese: %s. Diagnose: %s." % (
            c.r.choice(anam),
            c.r.choice(["ernstige parodontitis (stadium III) met botverlies in het onderfront", "cariës 16, 24, 36 en periapicale ontsteking 46", "gebroken 21 na een val"]))),
        ("table", [["Code", "Omschrijving", "Element", "Bedrag"],
                   ["C011", "Periodiek mondonderzoek", "", "26,32"],
                   ["X10", "Kleine röntgenfoto", "46", "18,94"],
                   ["E13", "Wortelkanaalbehandeling 3 kanalen", "46", "%d,00" % c.r.randint(250, 320)],
                   ["T022", "Parodontale behandeling per element", "", "%d,50" % c.r.randint(300, 700)],
                   ["R24", "Kroon, metaalkeramiek", "46", "%d,00" % c.r.randint(300, 450)]]),
        ("p", "Deze begroting is geldig tot %s. Zwangeren en patiënten met een verhoogd bloedingsrisico graag vooraf overleg." % c.d(c.today + D(days=90))),
    ]
    return {"title": "Behandelplan", "blocks": blocks}


TEXT_SENSITIVE = [
    ("nl", discharge_cardio_nl), ("nl", referral_gp_nl), ("nl", lab_results_nl),
    ("nl", care_plan_vvt_nl), ("nl", incident_report_nl), ("nl", ggz_crisis_nl),
    ("nl", youth_care_nl), ("nl", occupational_nl), ("nl", medication_overview_nl),
    ("be", discharge_be), ("be", physio_report_be), ("be", childcare_registration_be),
    ("fr", discharge_fr), ("fr", work_incapacity_fr), ("fr", psych_report_fr),
    ("en", occupational_en), ("en", discharge_en), ("en", employee_onboarding_en),
    ("nl", wmo_report_nl), ("nl", handover_sbar_nl), ("nl", psychiatric_assessment_nl),
    ("nl", addiction_plan_nl), ("nl", authorisation_request_nl), ("nl", midwife_handover_nl),
    ("nl", payroll_form_nl), ("nl", disability_mdo_nl), ("nl", palliative_note_nl),
    ("nl", sti_result_letter_nl), ("nl", jgz_report_nl), ("nl", appointment_letter_nl),
    ("nl", gp_consult_note_nl), ("nl", dental_plan_nl),
]


# --------------------------------------------------------------------------
# Sensitive workbooks
# --------------------------------------------------------------------------

def sheet_client_list_bsn(c):
    rows = [["Cliëntnr", "Achternaam", "Voornaam", "Geboortedatum", "BSN", "Zorgprofiel", "Afdeling", "Diagnose"]]
    numeric_bsn = c.r.random() < 0.5
    for _ in range(c.r.randint(12, 25)):
        p = c.person(age=(70, 99))
        bsn = int(p.bsn) if numeric_bsn else p.bsn
        rows.append([int(p.patnr), p.last_cap, p.first, p.dob, bsn, c.r.choice(["VV4", "VV5", "VV6", "VV7"]),
                     c.r.choice(["De Wilgen", "Klaproos", "Zonnedauw", "Berkenhof"]),
                     c.r.choice(["dementie", "Alzheimer", "CVA", "Parkinson", "COPD", "hartfalen", "DM2, amputatie re been", "vasculaire dementie"])])
    return {"sheets": [(c.r.choice(["Bewoners", "Clienten", "Blad1"]), rows)]}


def sheet_medication_admin(c):
    rows = [["Naam", "Kamer", "Geneesmiddel", "Dosis", "08:00", "12:00", "17:00", "22:00", "Bijzonderheden"]]
    meds = [("Metformine 500 mg", "1", "", "1", ""), ("Levodopa/carbidopa 100/25", "1", "1", "1", "1"),
            ("Furosemide 40 mg", "1", "", "", ""), ("Haloperidol 1 mg", "", "", "", "1"),
            ("Insuline glargine", "", "", "", "16 E"), ("Paracetamol 1 g", "1", "1", "1", ""),
            ("Acenocoumarol 1 mg", "", "", "volgens trombosedienst", ""), ("Valproïnezuur 500 mg", "1", "", "", "1"),
            ("Quetiapine 25 mg", "", "", "", "1"), ("Omeprazol 40 mg", "1", "", "", "")]
    for _ in range(c.r.randint(6, 10)):
        p = c.person(age=(60, 98))
        room = c.r.randint(1, 30)
        for m in c.r.sample(meds, c.r.randint(2, 4)):
            rows.append(["%s %s" % (p.initial, p.last), room, m[0], "", m[1], m[2], m[3], m[4],
                         c.r.choice(["", "", "slikproblemen: vermalen", "weigert soms", "allergie penicilline"])])
    return {"sheets": [("Toedienlijst", rows)]}


def sheet_lab_export(c):
    rows = [["patientnr", "naam", "geb_datum", "afname", "test", "uitslag", "eenheid", "ref", "vlag"]]
    tests = [("HbA1c", 48, 80, "mmol/mol", "20-42"), ("eGFR", 20, 55, "ml/min", ">60"), ("Kalium", 5.2, 6.4, "mmol/l", "3.5-5.0"),
             ("INR", 3.6, 6.2, "", "2.0-3.0"), ("TSH", 6.0, 14.0, "mU/l", "0.4-4.0"), ("Hb", 5.1, 7.0, "mmol/l", "7.5-10.0"),
             ("PSA", 6.0, 25.0, "ug/l", "<4.0"), ("CRP", 20, 160, "mg/l", "<10")]
    for _ in range(c.r.randint(15, 30)):
        p = c.person(age=(30, 90))
        t = c.r.choice(tests)
        v = round(c.r.uniform(t[1], t[2]), 1)
        rows.append([int(p.patnr), "%s, %s" % (p.last_cap, p.initial), p.dob, c.today - D(days=c.r.randint(0, 6)), t[0], v, t[3], t[4], "H" if t[0] not in ("eGFR", "Hb") else "L"])
    return {"sheets": [("export", rows)]}


def sheet_ggz_waitlist(c):
    rows = [["Aanmelddatum", "Naam", "Geboortedatum", "Woonplaats", "Verwijzer", "Hulpvraag / werkdiagnose", "Urgentie", "Behandelaar"]]
    for _ in range(c.r.randint(10, 20)):
        p = c.person(age=(18, 70))
        rows.append([c.today - D(days=c.r.randint(10, 200)), p.full, p.dob, p.city, "huisarts %s" % c.staff().last,
                     c.r.choice(["depressie", "PTSS na misbruik", "eetstoornis (anorexia)", "angst/paniek", "ADHD-diagnostiek", "psychose in voorgeschiedenis", "OCD", "suïcidaliteit, ambulant"]),
                     c.r.choice(["regulier", "regulier", "voorrang", "hoog"]), c.r.choice(["", "", c.staff().name])])
    return {"sheets": [("Wachtlijst", rows), ("Toelichting", [["Urgentie 'hoog' = binnen 1 week intake."], ["Lijst bijgewerkt op"], [c.today]])]}


def sheet_claims_dbc(c):
    rows = [["BSN", "Naam", "Geboortedatum", "Zorgtraject", "Diagnosecode", "Omschrijving", "Startdatum", "Bedrag"]]
    dx = [("0320", "Diabetes mellitus type 2"), ("1851", "Gonartrose"), ("0405", "Borstkanker"), ("3101", "Astma"),
          ("0302", "Hartfalen"), ("2701", "Depressie"), ("0707", "Staar (cataract)"), ("1202", "Psoriasis")]
    for _ in range(c.r.randint(12, 22)):
        p = c.person(age=(18, 90))
        code, desc = c.r.choice([x for x in dx if not (p.sex == "M" and x[0] == "0405")])
        rows.append([p.bsn, p.full, p.dob, int(make_non_bsn(c.r, first=1)), code, desc, c.today - D(days=c.r.randint(20, 300)), round(c.r.uniform(90, 4200), 2)])
    return {"sheets": [("Declaraties", rows)]}


def sheet_flu_vaccination(c):
    rows = [["Bewoner", "Geboortedatum", "Kamer", "Griepvaccin", "COVID booster", "Reden niet gevaccineerd"]]
    for _ in range(c.r.randint(14, 28)):
        p = c.person(age=(65, 99))
        g = c.r.choice(["ja", "ja", "ja", "nee"])
        rows.append([p.full, p.dob, c.r.randint(1, 40), g, c.r.choice(["ja", "nee"]),
                     "" if g == "ja" else c.r.choice(["weigert", "allergie kippeneiwit", "Guillain-Barré in voorgeschiedenis", "koorts op vaccinatiedag", "palliatief"])])
    return {"sheets": [("Vaccinatie", rows)]}


def sheet_home_nursing_be(c):
    rows = [["Naam", "Voornaam", "Rijksregisternummer", "Adres", "Gemeente", "Zorg", "Frequentie", "Verpleegkundige"]]
    for _ in range(c.r.randint(10, 18)):
        p = c.person(age=(40, 98))
        rows.append([p.last_cap, p.first, fmt_rrn(p.rrn, c.r.choice([0, 1])), p.street, p.city,
                     c.r.choice(["wondzorg ulcus cruris", "insuline-injectie", "toilet + steunkousen", "stomazorg", "medicatie klaarzetten (dementie)", "sondevoeding", "palliatieve zorg"]),
                     c.r.choice(["2x/dag", "1x/dag", "3x/week", "1x/week"]), c.staff().first])
    return {"sheets": [("Ronde %s" % c.r.choice(["Noord", "Zuid", "West"]), rows)]}


def sheet_fall_register(c):
    rows = [["Datum", "Tijd", "Cliënt", "Locatie", "Letsel", "Actie", "Melder"]]
    for _ in range(c.r.randint(8, 16)):
        p = c.person(age=(70, 99))
        rows.append([c.today - D(days=c.r.randint(0, 90)), "%02d:%02d" % (c.r.randint(0, 23), c.r.randint(0, 59)), "%s %s" % (p.first, p.last),
                     c.r.choice(["badkamer", "slaapkamer", "huiskamer", "gang"]),
                     c.r.choice(["geen", "schaafwond", "hoofdwond, gehecht", "heupfractuur", "pijn pols"]),
                     c.r.choice(["arts gebeld", "observatie", "ingestuurd SEH", "familie ingelicht"]), c.staff().first])
    return {"sheets": [("Valincidenten", rows)]}


def sheet_sick_leave(c):
    rows = [["Medewerker", "Personeelsnr", "Afdeling", "Eerste ziektedag", "Verwachte duur", "Reden (volgens medewerker)", "Bedrijfsarts"]]
    for _ in range(c.r.randint(8, 15)):
        p = c.person(age=(20, 64))
        rows.append([p.full, c.r.randint(10000, 99999), c.r.choice(["Thuiszorg team 3", "Facilitair", "Planning", "Wijk Noord", "Administratie"]),
                     c.today - D(days=c.r.randint(1, 200)), c.r.choice(["kort", "middellang", "lang", "onbekend"]),
                     c.r.choice(["griep", "rugklachten", "burn-out", "operatie knie", "migraine", "mantelzorg + overspannen", "hartinfarct"]
                                + (["zwangerschapsgerelateerd", "borstkanker"] if p.sex == "F" else ["hernia", "prostaatoperatie"])),
                     c.r.choice(["ja", "nee", "gepland"])])
    return {"sheets": [("Verzuim", rows)]}


def sheet_payroll_bsn(c):
    rows = [["Pers.nr", "Naam", "BSN", "Geboortedatum", "In dienst", "Uren p/w", "Bruto maandsalaris", "Loonheffingskorting"]]
    numeric = c.r.random() < 0.5
    for _ in range(c.r.randint(10, 20)):
        p = c.person(age=(18, 66))
        rows.append([c.r.randint(1000, 9999), "%s, %s" % (p.last_cap, p.first), int(p.bsn) if numeric else p.bsn, p.dob,
                     c.today - D(days=c.r.randint(30, 5000)), c.r.choice([16, 24, 28, 32, 36]), round(c.r.uniform(2100, 5400), 2), c.r.choice(["J", "N"])])
    return {"sheets": [("Personeel", rows)]}


def sheet_residents_fr(c):
    rows = [["Nom", "Prénom", "N° national", "Chambre", "Régime", "Allergies", "Médecin traitant", "Remarques"]]
    for _ in range(c.r.randint(10, 18)):
        p = c.person(age=(70, 100))
        rows.append([p.last.upper(), p.first, fmt_rrn(p.rrn, c.r.choice([0, 1])), c.r.randint(1, 60),
                     c.r.choice(["normal", "diabétique", "mixé (dysphagie)", "sans sel", "hyperprotéiné"]),
                     c.r.choice(["", "", "pénicilline", "lactose", "iode"]), "Dr %s" % c.staff().last,
                     c.r.choice(["", "démence, risque de fugue", "oxygène la nuit", "escarre talon droit", "soins palliatifs"])])
    return {"sheets": [("Résidents", rows)]}


def sheet_trial_en(c):
    rows = [["Participant", "Name", "DOB", "Site", "Arm", "Baseline HbA1c", "Week 12 HbA1c", "Adverse event"]]
    for i in range(c.r.randint(10, 20)):
        p = c.person(age=(30, 75))
        b = round(c.r.uniform(55, 85), 0)
        rows.append(["P-%03d" % (i + 1), p.full, p.dob, c.r.choice(["Arnhem", "Zwolle", "Leeds"]), c.r.choice(["A", "B"]),
                     b, b - c.r.randint(-3, 15), c.r.choice(["none", "none", "nausea", "hypoglycaemia", "rash"])])
    return {"sheets": [("Participants", rows)]}


SHEET_SENSITIVE = [
    ("nl", sheet_client_list_bsn), ("nl", sheet_medication_admin), ("nl", sheet_lab_export),
    ("nl", sheet_ggz_waitlist), ("nl", sheet_claims_dbc), ("nl", sheet_flu_vaccination),
    ("be", sheet_home_nursing_be), ("nl", sheet_fall_register), ("nl", sheet_sick_leave),
    ("nl", sheet_payroll_bsn), ("fr", sheet_residents_fr), ("en", sheet_trial_en),
]
