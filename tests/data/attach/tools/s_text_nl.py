"""Sensitive text documents in Dutch: letters, reports, care plans, incident
reports. Each function is one hand-written document; the context supplies
fictitious persons, organisations, dates and identifiers."""

from common import newdoc, pdesc_nl, sexw, recipient_block
from ctx import letterhead, signature
from reg import tpl


@tpl("nl-ontslagbrief-interne", "nl", "text", "sensitive", flags=("header", "page2", "table"))
def ontslag_interne(c):
    P = c.person()
    hosp, dom = c.org("hosp")
    spec = c.doctor()
    aios = c.doctor()
    gp = c.doctor()
    gporg = c.org("gp")[0]
    doc = newdoc(c, author=aios.full(), title="Ontslagbrief")
    ziekte = c.pick(["pneumonie", "urosepsis", "gedecompenseerd hartfalen", "COPD-exacerbatie"])
    adm = c.day(-c.rng.randint(6, 14))
    dis = c.day(-c.rng.randint(1, 3))
    hij, zijn = sexw(P, "zij", "hij"), sexw(P, "haar", "zijn")
    if c.flag("header"):
        doc.header = ["%s  -  Interne Geneeskunde" % hosp, "Patiënt: %s, geb. %s, BSN %s, patnr. %s" % (P.with_initials(), P.dob_fmt(), c.bsn(), c.patnr())]
        letterhead(doc, c, hosp, style=c.pick(["plain", "right"]), domain=dom)
        pref = sexw(P, "Patiënte", "Patiënt")
    else:
        letterhead(doc, c, hosp, domain=dom)
        pref = P.title_short()
    doc.p(recipient_block(c, "Weledelgeleerde heer/vrouwe %s" % gp.dr if c.chance(0.5) else "T.a.v. %s, huisarts" % gp.dr, gporg))
    doc.p("%s, %s" % (c.city(), c.dn(0, "long")), "r")
    if not c.flag("header"):
        doc.p("Betreft: %s\nGeboortedatum: %s\nBSN: %s" % (P.with_initials(), P.dob_fmt(), c.bsn()), "b")
    doc.p(c.pick(["Geachte collega,", "Beste collega,", "Waarde collega,"]))
    doc.p("%s was van %s tot en met %s opgenomen op onze afdeling Interne Geneeskunde in verband met een %s." % (
        pref if c.flag("header") else "Uw patiënt%s %s" % (sexw(P, "e", ""), P.with_initials()), c.d(adm), c.d(dis), ziekte))
    doc.h("Anamnese", 2)
    klacht = {"pneumonie": "sinds vijf dagen toenemende dyspnoe, productieve hoest met groen sputum en koorts tot 39,2 °C",
              "urosepsis": "sinds twee dagen koude rillingen, verwardheid en pijn bij het plassen; thuis twee keer gevallen",
              "gedecompenseerd hartfalen": "sinds een week toenemende kortademigheid, orthopnoe (drie kussens) en dikke enkels, gewichtstoename 4 kg",
              "COPD-exacerbatie": "sinds vier dagen meer benauwdheid, piepende ademhaling en toegenomen sputumproductie ondanks prednisolonkuur van de huisarts"}[ziekte]
    doc.p("%s presenteerde zich op de SEH met %s. Voorgeschiedenis: %s." % (
        sexw(P, "Patiënte", "Patiënt"), klacht,
        c.pick(["diabetes mellitus type 2, hypertensie, TIA (2019)", "atriumfibrilleren, CVA 2018, artrose knieën", "COPD GOLD III, osteoporose, depressie",
                "ischemische cardiomyopathie (LVEF 30%), CABG 2015, CKD stadium 3b"])))
    doc.h("Lichamelijk onderzoek", 2)
    doc.p("Matig zieke %s, RR %d/%d mmHg, pols %d/min %s, temp %.1f °C, saturatie %d%% zonder extra zuurstof. %s" % (
        sexw(P, "vrouw", "man"), c.rng.randint(95, 165), c.rng.randint(55, 95), c.rng.randint(72, 118), c.pick(["regulair", "irregulair"]),
        c.rng.uniform(36.8, 39.4), c.rng.randint(86, 95),
        c.pick(["Crepitaties basaal rechts.", "Pitting oedeem tot de knieën, crepitaties beiderzijds.", "Verlengd exspirium met piepen.", "Slagpijn nierloge links."])))
    doc.h("Aanvullend onderzoek", 2)
    rows = [["Bepaling", "Opname", "Ontslag", "Eenheid"],
            ["Hb", "%.1f" % c.rng.uniform(6.4, 8.9), "%.1f" % c.rng.uniform(6.8, 8.9), "mmol/l"],
            ["Leukocyten", "%.1f" % c.rng.uniform(11, 22), "%.1f" % c.rng.uniform(6, 11), "x10^9/l"],
            ["CRP", str(c.rng.randint(80, 260)), str(c.rng.randint(8, 45)), "mg/l"],
            ["Kreatinine", str(c.rng.randint(95, 210)), str(c.rng.randint(80, 150)), "µmol/l"],
            ["Natrium", str(c.rng.randint(128, 139)), str(c.rng.randint(134, 141)), "mmol/l"]]
    if ziekte == "gedecompenseerd hartfalen":
        rows.append(["NT-proBNP", str(c.rng.randint(3000, 12000)), str(c.rng.randint(1500, 4000)), "ng/l"])
    doc.table(rows, widths=(4.5, 3.0, 3.0, 3.0))
    doc.p(c.pick(["X-thorax: infiltraat rechter onderkwab.", "Urinekweek: E. coli, gevoelig voor amoxicilline/clavulaanzuur.",
                  "X-thorax: tekenen van overvulling, pleuravocht beiderzijds.", "Echo cor: LVEF 30-35%, matige MI."]))
    doc.h("Beloop", 2)
    doc.p("Gestart met %s. Hierop klinisch en biochemisch herstel. %s Mobilisatie onder begeleiding van de fysiotherapeut verliep %s." % (
        c.pick(["amoxicilline/clavulaanzuur iv, na 48 uur omgezet naar oraal", "ceftriaxon iv, na kweekuitslag omgezet naar ciprofloxacine",
                "furosemide iv 2dd 40 mg met vochtbeperking 1,5 l", "prednisolon 40 mg en vernevelingen met salbutamol/ipratropium"]),
        c.pick(["Tijdens de opname een kortdurend delier, zonder medicatie opgelost.", "De nierfunctie herstelde grotendeels.", "Geen complicaties.",
                "Bij ontslag nog wat inspanningsdyspnoe."]),
        c.pick(["voorspoedig", "moeizaam, ontslag met thuiszorg", "redelijk"])))
    doc.h("Conclusie", 2)
    doc.p(c.pick(["1. %s\n2. Tijdelijke nierfunctiestoornis (pre-renaal)\n3. %s" % (ziekte.capitalize(), c.pick(["Delier, hersteld", "Hyponatriëmie", "Ondervoeding (SNAQ 3)"])),
                  "%s bij bekende comorbiditeit" % ziekte.capitalize()]))
    doc.h("Medicatie bij ontslag", 2)
    meds = c.sample([("Metoprolol", "50 mg", "1dd1"), ("Furosemide", "40 mg", "2dd1"), ("Apixaban", "5 mg", "2dd1"), ("Metformine", "500 mg", "2dd1"),
                     ("Pantoprazol", "40 mg", "1dd1"), ("Atorvastatine", "40 mg", "1dd1 a.n."), ("Amoxicilline/clavulaanzuur", "500/125 mg", "3dd1 t/m %s" % c.dn(4, "short")),
                     ("Tiotropium inhalatie", "2,5 µg", "1dd2 puffs"), ("Paracetamol", "1000 mg", "zo nodig max 3dd")], 5)
    doc.table([["Middel", "Sterkte", "Gebruik", "Status"]] + [[m[0], m[1], m[2], c.pick(["ongewijzigd", "nieuw", "ongewijzigd", "gewijzigd"])] for m in meds], widths=(5.5, 3.0, 4.0, 3.0))
    doc.h("Beleid en afspraken", 2)
    doc.bullets(c.sample(["Controle polikliniek over %d weken bij %s." % (c.rng.randint(4, 8), spec.dr),
                          "Graag over een week lab controle (kreatinine, kalium) via de huisarts.",
                          "Thuiszorg is aangevraagd voor hulp bij ADL en medicatie.",
                          "Wij hebben met %s besproken dat bij een volgende verslechtering niet gereanimeerd wordt." % sexw(P, "patiënte", "patiënt"),
                          "Gewicht dagelijks wegen; bij toename > 2 kg in 3 dagen contact opnemen."], 3))
    doc.p(signature(c, aios.dr, "arts-assistent Interne Geneeskunde", "Supervisor: %s, internist" % spec.dr))
    if c.chance(0.4):
        doc.p("Kopie: patiënt%s; %s" % ("e" if P.sex == "f" else "", c.pick(["thuiszorg", "apotheek", "verpleeghuis"])), "s")
    return doc


@tpl("nl-ontslag-geriatrie-grz", "nl", "text", "sensitive", flags=("header",))
def ontslag_geriatrie(c):
    P = c.person()
    hosp, dom = c.org("hosp")
    ger = c.doctor()
    vvt = c.org("vvt")[0]
    doc = newdoc(c, author=ger.full(), page_numbers=c.pick([False, "Pagina"]))
    hdr = c.flag("header")
    if hdr:
        doc.header = ["%s  %s  °%s" % (P.last_cap(), P.initials(), P.dob_fmt("dash0")), "Ziekenhuisnr. %s" % c.patnr()]
    letterhead(doc, c, hosp + " - Geriatrie", domain=dom)
    doc.p("Aan: specialist ouderengeneeskunde, %s (afdeling geriatrische revalidatie)" % vvt)
    doc.p("Datum: %s" % c.dn(0))
    doc.p("OVERPLAATSINGSBRIEF", "title")
    if not hdr:
        doc.kv([("Naam", P.full()), ("Geboortedatum", P.dob_fmt()), ("BSN", c.bsn()), ("Opnamedatum", c.dn(-c.rng.randint(5, 12)))])
    who = sexw(P, "Mevrouw", "Meneer") if hdr else P.title_short()
    zij = sexw(P, "zij", "hij")
    doc.p("%s werd opgenomen na een val thuis met een %s. Op dag %d werd een %s verricht door de traumachirurg. Postoperatief ontwikkelde %s een hypoactief delier, "
          "waarschijnlijk uitgelokt door pijn, obstipatie en een urineweginfectie. Na behandeling met haloperidol 0,5 mg a.n. gedurende vijf dagen is het delier grotendeels verdwenen." % (
              who, c.pick(["mediale collumfractuur links", "pertrochantere femurfractuur rechts"]), c.rng.randint(1, 2),
              c.pick(["kophalsprothese", "osteosynthese met een gamma-nagel"]), zij))
    doc.h("Comprehensive geriatric assessment", 2)
    doc.bullets(["Somatisch: %s" % c.pick(["hypertensie, DM2 (HbA1c 58), CKD 3a", "AF op DOAC, hartfalen HFpEF", "osteoporose (T-score -3,1), COPD"]),
                 "Psychisch: MMSE %d/30 (tijdens delier, herhalen na herstel); geen depressieve klachten" % c.rng.randint(17, 24),
                 "Functioneel: voor de val zelfstandig met rollator, nu transfers met hulp van één, lopen 10 meter met looprek",
                 "Sociaal: %s, %s" % (c.pick([sexw(P, "weduwe", "weduwnaar"), sexw(P, "woont samen met echtgenoot", "woont samen met echtgenote")]), c.pick(["dochter als eerste contactpersoon", "zoon woont in het buitenland", "mantelzorg overbelast"]))])
    doc.h("Medicatie", 2)
    doc.p(c.pick(["Paracetamol 4dd1000 mg, oxycodon 5 mg zn max 3dd, macrogol 1dd1 sachet, fraxiparine 2850 IE 1dd sc tot 6 weken postoperatief, alendroninezuur 70 mg 1x/week, calcium/vit D 1dd",
                  "Paracetamol 3dd1000 mg, apixaban 2,5 mg 2dd, metoprolol 25 mg 1dd, furosemide 20 mg 1dd, nitrofurantoïne t/m %s, colecalciferol 800 IE" % c.dn(3, "short")]))
    doc.h("Aandachtspunten voor de revalidatie", 2)
    doc.p("Volledig belasten toegestaan. Let op recidief delier (DOS-score dagelijks), vochtinname (drinkt slecht), %s. Reanimatiebeleid: %s." % (
        c.pick(["decubitus hiel rechts (categorie 1)", "valangst", "nachtelijke onrust"]), c.pick(["niet reanimeren, wel IC-opname", "niet reanimeren, geen IC", "volledig beleid"])))
    doc.p(signature(c, ger.dr, "klinisch geriater"))
    return doc


@tpl("nl-verwijs-cardiologie", "nl", "text", "sensitive", flags=("table",))
def verwijs_cardio(c):
    P = c.person()
    gpo, dom = c.org("gp")
    gp = c.doctor()
    hosp = c.org("hosp")[0]
    doc = newdoc(c, author=gp.full())
    letterhead(doc, c, gpo, domain=dom)
    doc.p("Verwijsbrief", "title")
    tbl = c.chance(0.6)
    rows = [("Patiënt", "%s (%s)" % (P.full(), sexw(P, "V", "M"))), ("Geboortedatum", P.dob_fmt()), ("BSN", c.bsn()),
            ("Adres", c.addr()), ("Verzekering", "%s, polisnr. %d" % (c.mut(), c.rng.randint(10 ** 7, 10 ** 8))),
            ("Verwezen naar", "Cardiologie, %s" % hosp), ("Urgentie", c.pick(["regulier", "binnen 2 weken", "semi-spoed"]))]
    if tbl:
        doc.kv(rows, border=c.chance(0.5))
    else:
        doc.p("\n".join("%s: %s" % r for r in rows))
    doc.p(c.pick(["Geachte collega,", "Beste collega,", "L.S.,"]))
    doc.p(c.pick([
        "Graag uw beoordeling van bovengenoemde %s van %d jaar met sinds enkele maanden aanvallen van hartkloppingen, soms met lichte duizeligheid. Op het ECG dat ik tijdens een aanval kon maken zag ik atriumfibrilleren met een ventrikelfrequentie van ca. 130/min. CHA2DS2-VASc score %d. Ik ben gestart met metoprolol 50 mg en apixaban 5 mg 2dd." % (sexw(P, "mevrouw", "meneer"), c.age(P), c.rng.randint(2, 5)),
        "Ik verwijs %s naar u in verband met inspanningsgebonden pijn op de borst, uitstralend naar de linkerarm, sinds ongeveer zes weken. In rust klachtenvrij. Risicofactoren: roken (30 packyears), hypercholesterolemie, vader overleden aan een hartinfarct op 58-jarige leeftijd. ECG in rust: geen afwijkingen. Graag aanvullende diagnostiek." % P.title_short(),
        "Sinds de griep afgelopen winter is %s progressief kortademig bij inspanning en heeft %s dikke enkels. Auscultatie: souffle 3/6 over het aortagebied, uitstralend naar de carotiden. Vraagstelling: aortaklepstenose? Beleid?" % (P.title_short(), sexw(P, "zij", "hij"))]))
    doc.h("Voorgeschiedenis", 2)
    hist = ["appendectomie", "hypertensie", "diabetes mellitus type 2", "TIA", "cholecystectomie", "depressieve episode", "hypothyreoïdie",
            sexw(P, "mammacarcinoom links, mamma-amputatie", "prostaathypertrofie"), sexw(P, "hysterectomie", "liesbreukcorrectie rechts")]
    hist = sorted((c.rng.randint(1995, 2021), d) for d in c.sample(hist, 4))
    doc.bullets(["%d: %s" % h for h in hist])
    doc.h("Medicatie", 2)
    meds = c.sample([["Amlodipine", "5 mg", "1dd1"], ["Simvastatine", "40 mg", "1dd1 a.n."], ["Metformine", "850 mg", "2dd1"], ["Levothyroxine", "75 µg", "1dd1 nuchter"],
                     ["Omeprazol", "20 mg", "1dd1"], ["Hydrochloorthiazide", "12,5 mg", "1dd1"], ["Acetylsalicylzuur", "80 mg", "1dd1"]], 4)
    if tbl:
        doc.table([["Geneesmiddel", "Sterkte", "Dosering"]] + meds, widths=(6, 3, 4))
    else:
        doc.p(", ".join(" ".join(m) for m in meds))
    doc.p("Allergieën/intoleranties: %s" % c.pick(["geen bekend", "penicilline (exantheem)", "jodiumhoudend contrast (urticaria)", "ACE-remmers (prikhoest)"]))
    doc.p(signature(c, gp.dr, "huisarts", "AGB %s" % c.agb()))
    return doc


@tpl("nl-verwijs-ggz", "nl", "text", "sensitive", flags=("header",))
def verwijs_ggz(c):
    P = c.person(gen="young")
    gpo, dom = c.org("gp")
    gp = c.doctor()
    ggz = c.org("ggz")[0]
    doc = newdoc(c, author=gp.full())
    hdr = c.flag("header")
    if hdr:
        doc.header = ["Verwijzing GGZ - %s, %s, BSN %s" % (P.full(), P.dob_fmt(), c.bsn())]
        doc.footer = [gpo]
    letterhead(doc, c, gpo, domain=dom, style=c.pick(["left", "table", "plain"]))
    doc.p("Aan: %s, aanmeldteam specialistische GGZ" % ggz)
    doc.p("%s, %s" % (c.city(), c.dn(0, "long")))
    if not hdr:
        doc.p("Betreft: %s, geboren %s, BSN %s" % (P.with_initials(), P.dob_fmt(), c.bsn()))
    doc.p("Beste collega's,")
    sub = sexw(P, "Zij", "Hij") if hdr else P.first
    diag = c.pick(["depressie", "angst", "adhd", "eet"])
    txt = {
        "depressie": "Hierbij verwijs ik %s (%d jaar) naar de specialistische GGZ in verband met een ernstige depressieve stoornis, recidiverend. %s heeft sinds ongeveer vijf maanden een sombere stemming, anhedonie, slaapt slecht en is 7 kg afgevallen. Er zijn passieve doodsgedachten, geen concrete plannen. Behandeling bij de POH-GGZ (6 gesprekken) en sertraline 100 mg sinds %s hebben onvoldoende effect gehad." % (P.first if not hdr else sexw(P, "haar", "hem"), c.age(P), sub, c.dn(-120, "long")),
        "angst": "%s heeft een paniekstoornis met agorafobie. Sinds een half jaar durft %s niet meer met de trein naar het werk en is %s gedeeltelijk ziek gemeld. Twaalf sessies CGT bij een basis-GGZ praktijk gaven weinig verbetering. Paroxetine 20 mg werd niet verdragen (misselijkheid). Graag diagnostiek en behandeling." % (sub, sexw(P, "zij", "hij"), sexw(P, "zij", "hij")),
        "adhd": "Graag diagnostiek naar ADHD op volwassen leeftijd. %s loopt vast in studie en werk, heeft concentratieproblemen sinds de basisschool en gebruikt om te kunnen slapen regelmatig cannabis (3-4x per week). Geen eerdere GGZ-behandeling. Een broer is bekend met ADHD." % sub,
        "eet": "%s heeft vermoedelijk anorexia nervosa. BMI nu %.1f (lengte 1,%02d m, gewicht %d kg), amenorroe sinds 5 maanden, compensatoir sporten dagelijks. Lab: kalium %.1f. Ik zie %s wekelijks voor weging. Gezien het snelle gewichtsverlies graag met voorrang." % (sub, c.rng.uniform(15.2, 16.9), c.rng.randint(60, 78), c.rng.randint(42, 50), c.rng.uniform(3.1, 3.6), sexw(P, "haar", "hem")),
    }[diag]
    doc.p(txt)
    doc.p(c.pick(["Somatisch: geen bijzonderheden, TSH normaal.", "Somatisch: astma, gebruikt salbutamol zn.", "Middelengebruik: alcohol 10-15 E/week, niet roken."]))
    doc.p(c.pick(["Patiënt%s is gemotiveerd voor behandeling en akkoord met deze verwijzing." % sexw(P, "e", ""),
                  "Ik heb de verwijzing met %s besproken; %s wil graag een vrouwelijke behandelaar." % (sexw(P, "haar", "hem"), sexw(P, "zij", "hij"))]))
    doc.p(signature(c, gp.dr, "huisarts", ["AGB-code %s" % c.agb()]))
    return doc


@tpl("nl-zorgplan-vvt", "nl", "text", "sensitive", flags=("header", "table", "page2"))
def zorgplan_vvt(c):
    P = c.person()
    vvt, dom = c.org("vvt")
    evv = c.staff()
    doc = newdoc(c, author=evv.full(), title="Zorgleefplan")
    hdr = c.flag("header")
    ward = c.ward()
    if hdr:
        doc.header = ["Zorgleefplan %s  -  %s, kamer %d" % (P.full(), ward, c.rng.randint(1, 40))]
        doc.footer = ["Geboortedatum %s  |  BSN %s  |  Evaluatie %s" % (P.dob_fmt(), c.bsn(), c.dn(c.rng.randint(30, 90)))]
    letterhead(doc, c, vvt, domain=dom, style=c.pick(["left", "plain", "header"]))
    doc.p("Zorgleefplan", "title")
    if not hdr:
        doc.kv([("Cliënt", P.full()), ("Geboortedatum", P.dob_fmt()), ("BSN", c.bsn()), ("Afdeling", ward), ("EVV'er", evv.full()), ("Datum", c.dn(0))])
    else:
        doc.kv([("Afdeling", ward), ("EVV'er", evv.full()), ("Opgesteld", c.dn(0))])
    doc.h("Levensverhaal in het kort", 2)
    doc.p(c.pick(["Mevrouw/meneer groeide op in %s, werkte jarenlang als %s en heeft %d kinderen. Houdt van %s." % (c.city(), c.pick(["onderwijzer", "kapper", "boekhouder", "verpleegkundige", "boer", "postbode"]), c.rng.randint(1, 5), c.pick(["klassieke muziek", "tuinieren", "voetbal kijken", "puzzelen", "de kerkdienst op zondag"])),
                  "Geboren in %s, samen met %s een kruidenierszaak gehad. Gelovig, bidt voor het eten. Vindt het belangrijk om er verzorgd uit te zien." % (c.city(), sexw(P, "haar man", "zijn vrouw"))]).replace("Mevrouw/meneer", sexw(P, "Mevrouw", "Meneer")))
    rows = [["Domein", "Situatie / probleem", "Doel", "Acties"]]
    cand = [["Lichamelijk welbevinden", "Diabetes mellitus type 2, insulineafhankelijk (Novorapid volgens schema, Levemir 18 E a.n.)", "Glucose tussen 6 en 12 mmol/l", "Glucose 4x daags prikken, hypo-protocol volgen"],
            ["Lichamelijk welbevinden", "Decubitus categorie 2 op het sacrum", "Wond genezen binnen 6 weken", "Wisselligging 3-uurs, Mepilex Border Sacrum, foto 1x/week"],
            ["Lichamelijk welbevinden", "Valgevaar: 3 valincidenten in 2 maanden, orthostatische hypotensie", "Geen valincidenten met letsel", "Sensormat 's nachts, heupbeschermers, RR liggend/staand 1x/week"],
            ["Mentaal welbevinden", "Alzheimer-dementie, matig stadium; onrust in de avond (sundowning)", "Rustig slapen, minder onrust", "Vaste avondroutine, muziek van vroeger, geen koffie na 15.00"],
            ["Mentaal welbevinden", "Depressieve klachten sinds overlijden partner", "Deelname aan 2 activiteiten per week", "Overleg psycholoog, citalopram 10 mg evalueren met SO"],
            ["Participatie", "Trekt zich terug op de kamer", "Eet mee in de huiskamer", "Dagelijks uitnodigen, vaste plek bij het raam"],
            ["Woon- en leefomstandigheden", "Rolstoelafhankelijk, transfers met tillift", "Veilige transfers", "Tillift met 2 medewerkers, sling maat M"],
            ["Lichamelijk welbevinden", "Slikproblemen na CVA", "Geen verslikpneumonie", "Gemalen voeding, dranken verdikt (niveau 2), rechtop eten"]]
    chosen = c.sample(cand, c.rng.randint(4, 6))
    rows += chosen
    doc.h("Doelen en afspraken", 2)
    doc.table(rows, widths=(3.2, 5.0, 3.6, 4.7))
    doc.h("Wilsverklaring en medisch beleid", 2)
    doc.p(c.pick(["Niet reanimeren (vastgelegd %s). Geen ziekenhuisopname, wel behandeling in huis." % c.dn(-200),
                  "Volledig beleid. Wettelijk vertegenwoordiger: %s %s (%s)." % (c.pick(["dochter", "zoon"]), c.person(secret=True).full(), c.phone(True))]))
    doc.p("Besproken met cliënt en %s op %s." % (c.pick(["dochter", "zoon", "mentor", "echtgenoot"]), c.dn(-2)))
    return doc


@tpl("nl-zorgplan-wijk", "nl", "text", "sensitive", flags=("table",))
def zorgplan_wijk(c):
    P = c.person()
    org, dom = c.org("thuis")
    wv = c.staff()
    doc = newdoc(c, author=wv.full())
    letterhead(doc, c, org, domain=dom)
    doc.p(c.pick(["Zorgplan wijkverpleging", "ZORGPLAN", "Zorgplan (indicatie wijkverpleegkundige)"]), "title")
    doc.kv([("Cliënt", P.with_initials()), ("Geb.datum", P.dob_fmt()), ("BSN", c.bsn()), ("Adres", c.addr()),
            ("Huisarts", c.doctor().dr), ("Indicatie", "%d uur per week, ZVW" % c.rng.randint(3, 14)), ("Startdatum", c.dn(-c.rng.randint(10, 200)))])
    doc.h("Aanleiding", 2)
    doc.p(c.pick(["Na ontslag uit het ziekenhuis (amputatie digiti 2 en 3 rechtervoet bij diabetische voet) is hulp nodig bij wondzorg, insuline en persoonlijke verzorging.",
                  "Cliënt heeft hartfalen NYHA III en COPD. Ademt moeilijk bij het douchen, kan steunkousen niet zelf aantrekken. Echtgenote is mantelzorger maar overbelast.",
                  "Terminale fase bij gemetastaseerd pancreascarcinoom. Wens om thuis te sterven. Pijnpomp (morfine sc) via het thuiszorgtechnologieteam."]))
    doc.h("Zorgafspraken", 2)
    acts = c.sample([["Insuline toedienen", "Novomix 30: 24 E voor ontbijt, 16 E voor avondeten", "2x per dag"],
                     ["Wondzorg", "Ulcus cruris links: reinigen, Aquacel Ag, zwachtelen volgens compressieschema", "3x per week"],
                     ["Steunkousen", "ATS klasse 2 aan- en uittrekken", "2x per dag"],
                     ["Medicatie", "Baxterrol aanreiken en toezien op inname; morfine 10 mg zn registreren", "dagelijks"],
                     ["Persoonlijke verzorging", "Hulp bij douchen, huidobservatie hielen/stuit", "3x per week"],
                     ["Observatie", "Gewicht 2x per week i.v.m. vochtretentie; > 2 kg toename melden aan HA", "2x per week"],
                     ["Stomazorg", "Colostoma: plak wisselen, huid rond stoma controleren", "om de 2 dagen"]], 4)
    doc.table([["Handeling", "Toelichting", "Frequentie"]] + acts, widths=(4, 9, 3.5))
    doc.h("Risico's", 2)
    doc.p(c.pick(["Hypoglykemie (woont alleen). Valrisico. Zorgmijdend gedrag in het verleden.", "Decompensatie, infectie van de wond, eenzaamheid.", "Overbelasting mantelzorger; pijnescalatie 's nachts."]))
    doc.p("Opgesteld door %s, wijkverpleegkundige (niveau 5), in overleg met cliënt." % wv.full(), "i")
    return doc


@tpl("nl-mdo-verslag-vvt", "nl", "text", "sensitive", flags=("header", "page2", "table"))
def mdo_vvt(c):
    P = c.person()
    vvt, dom = c.org("vvt")
    so = c.doctor()
    evv = c.staff()
    psy = c.staff()
    fys = c.staff()
    doc = newdoc(c, author=evv.full(), title="Verslag MDO")
    hdr = c.flag("header")
    if hdr:
        doc.header = ["MDO %s - %s (%s)" % (c.dn(0), P.full(), P.dob_fmt())]
    doc.p("Verslag multidisciplinair overleg", "title")
    doc.kv([("Datum", c.dn(0)), ("Locatie", "%s, %s" % (vvt, c.ward())),
            ("Aanwezig", "%s (SO), %s (EVV), %s (psycholoog), %s (fysiotherapeut), %s (%s)" % (so.dr, evv.full(), psy.full(), fys.full(), c.person().full(), c.pick(["dochter", "zoon", "echtgenote"]))),
            ("Notulist", evv.first)])
    if not hdr:
        doc.p("Bewoner: %s, geboren %s, kamer %d" % (P.full(), P.dob_fmt(), c.rng.randint(1, 40)), "b")
    doc.h("1. Somatiek", 2)
    doc.p(c.pick(["Gewichtsverlies van 4 kg in 3 maanden (nu %d kg). Eetlust slecht, slikt moeizaam. Diëtist ingeschakeld, start drinkvoeding 2x daags." % c.rng.randint(48, 60),
                  "Pijn rechterheup bij transfers, waarschijnlijk artrose. Paracetamol verhoogd naar 4dd1 g. Als onvoldoende: buprenorfinepleister 5 µg/u.",
                  "Recidiverende urineweginfecties (3x dit jaar). Blaaskatheter wordt niet gewenst. Cranberry heeft geen zin; SO overweegt profylaxe nitrofurantoïne."]))
    doc.h("2. Psychisch functioneren / gedrag", 2)
    doc.p(c.pick(["Toenemende agitatie in de middag, roept veel, slaat soms naar verzorgenden tijdens de ADL. Probleemgedrag in kaart gebracht met ABC-registratie. Eerst niet-medicamenteuze interventies; haloperidol wordt afgebouwd.",
                  "Stemming somber, huilt vaak als %s over %s overleden man praat. Psycholoog start met 4 gesprekken rouwverwerking." % (sexw(P, "zij", "hij"), sexw(P, "haar", "haar")),
                  "MMSE gedaald van 21 naar 16. Herkent %s niet altijd meer. Familie heeft het hier moeilijk mee." % c.pick(["de kinderen", "haar dochter", "zijn zoon"])]))
    doc.h("3. Mobiliteit", 2)
    doc.p(c.pick(["Loopt met rollator onder toezicht. Twee keer gevallen in de nacht (zie MIC). Afspraak: sensormat, bed laag, nachtlampje aan.",
                  "Rolstoelgebonden. Contractuur linkerknie neemt toe; fysiotherapie 2x per week passief bewegen."]))
    doc.h("4. Afspraken", 2)
    doc.table([["Actie", "Wie", "Wanneer"],
               ["Medicatiereview met apotheker", so.last_cap(), c.dn(14, "short")],
               ["Gesprek familie over behandelwensen (wel/niet ziekenhuis)", so.last_cap(), c.dn(7, "short")],
               ["Zorgleefplan aanpassen", evv.first, c.dn(3, "short")],
               ["Gewicht wekelijks", "team", "wekelijks"]], widths=(9, 3.5, 3))
    doc.p("Volgend MDO over %d weken." % c.rng.randint(6, 12), "i")
    return doc


@tpl("nl-behandelplan-ggz", "nl", "text", "sensitive", flags=("header",))
def behandelplan_ggz(c):
    P = c.person(gen="young")
    ggz, dom = c.org("ggz")
    psy = c.doctor()
    spv = c.staff()
    doc = newdoc(c, author=psy.full(), title="Behandelplan", page_numbers=c.pick(["Pagina", "blz.", False]))
    hdr = c.flag("header")
    if hdr:
        doc.header = ["%s  |  %s  |  dossiernr. %s" % (P.full(), P.dob_fmt(), c.patnr())]
    letterhead(doc, c, ggz, domain=dom)
    doc.p(c.pick(["Behandelplan", "Behandelplan (evaluatie)", "BEHANDELPLANBESPREKING"]), "title")
    if not hdr:
        doc.kv([("Naam", P.full()), ("Geboortedatum", P.dob_fmt()), ("BSN", c.bsn()), ("Regiebehandelaar", psy.dr + ", psychiater"), ("Datum", c.dn(0))])
    doc.h("Diagnose (DSM-5)", 2)
    d = c.pick([("Bipolaire-I-stoornis, meest recente episode manisch, in partiële remissie", "lithium (spiegel %.2f mmol/l) en quetiapine 300 mg a.n." % c.rng.uniform(0.6, 0.9)),
                ("Schizofrenie; stoornis in het gebruik van cannabis, matig", "paliperidon depot 100 mg/maand"),
                ("Borderline-persoonlijkheidsstoornis; PTSS", "geen medicatie; EMDR afgerond"),
                ("Obsessieve-compulsieve stoornis", "fluvoxamine 200 mg")])
    doc.p(d[0])
    doc.h("Huidige situatie", 2)
    doc.p(c.pick(["Afgelopen periode stabiel. Woont zelfstandig met ambulante begeleiding (2x/week). Werkt 12 uur per week bij een kringloopwinkel. Eén opname in %d." % c.rng.randint(2016, 2022),
                  "Na de crisisopname in %s is %s teruggekeerd naar de beschermde woonvorm. Heeft moeite met dagstructuur en gebruikt weer dagelijks." % (c.dn(-90, "long").split(" ", 1)[1], sexw(P, "zij", "hij")),
                  "Er zijn minder zelfbeschadigende handelingen (laatste keer %s, snijden onderarm). Volgt DGT-groep en komt trouw." % c.dn(-30)]))
    doc.h("Medicatie", 2)
    doc.p(d[1])
    doc.h("Doelen komende periode", 2)
    doc.bullets(c.sample(["Stabiele stemming, vroegsignalen herkennen (signaleringsplan geactualiseerd)", "Geen opname", "Middelengebruik halveren",
                          "Dagbesteding uitbreiden naar 3 dagdelen", "Contact met zus herstellen", "Somatische screening (metabool syndroom) 1x per jaar"], 3))
    doc.h("Crisisplan", 2)
    doc.p("Bij toenemende %s: contact SPV %s; buiten kantoortijd crisisdienst. Voorkeur voor vrijwillige opname op afdeling %s." % (
        c.pick(["slapeloosheid en achterdocht", "suïcidale gedachten", "druk gedrag en geldverspilling"]), spv.full(), c.pick(["Acute Psychiatrie", "HIC", "de Kust"])))
    doc.p(signature(c, psy.dr, "psychiater, regiebehandelaar", "BIG %s" % c.big()))
    return doc


@tpl("nl-mic-val", "nl", "text", "sensitive", flags=("table", "header"))
def mic_val(c):
    P = c.person()
    vvt, dom = c.org("vvt")
    mel = c.staff()
    doc = newdoc(c, author=mel.full(), title="MIC-melding")
    hdr = c.flag("header")
    if hdr:
        doc.header = ["MIC %d-%04d  -  betreft %s, %s" % (c.today.year, c.rng.randint(1, 999), P.with_initials(), P.dob_fmt())]
    doc.p(c.pick(["Melding Incident Cliënt (MIC)", "MIC-MELDING", "Incidentmelding cliëntenzorg"]), "title")
    t = c.time(c.pick([2, 3, 5, 6, 19, 22]))
    rows = [("Datum incident", "%s, %s" % (c.dn(-c.rng.randint(1, 4)), t)), ("Locatie", "%s, %s" % (vvt, c.ward())),
            ("Soort incident", "Val"), ("Melder", "%s (%s)" % (mel.full(), c.pick(["verzorgende IG", "verpleegkundige", "helpende"])))]
    if not hdr:
        rows.insert(2, ("Cliënt", "%s (kamer %d)" % (P.full(), c.rng.randint(1, 40))))
    doc.kv(rows, border=True)
    doc.h("Wat is er gebeurd?", 2)
    doc.p(c.pick(["%s is 's nachts zelfstandig uit bed gestapt om naar het toilet te gaan en naast het bed gevallen. Gevonden op de grond door de nachtdienst na het afgaan van de sensor. %s gaf aan pijn in de linkerheup te hebben." % (sexw(P, "Mevrouw", "Meneer"), sexw(P, "Zij", "Hij")),
                  "Tijdens de transfer van rolstoel naar toilet zakte %s door de benen. Medewerker kon %s niet houden. Hoofd geraakt aan de wastafel, hoofdwond boven het linkeroog van ca. 3 cm." % (sexw(P, "mevrouw", "meneer"), sexw(P, "haar", "hem")),
                  "Cliënt%s werd in de huiskamer gevonden, liggend naast de stoel. Niemand heeft de val gezien. Had de rollator niet bij zich." % sexw(P, "e", "")]))
    doc.h("Gevolgen voor de cliënt", 2)
    doc.p(c.pick(["Röntgenfoto SEH: collumfractuur links. Opgenomen voor operatie.", "Hoofdwond gehecht door de huisartsenpost (5 hechtingen). Gebruikt apixaban: 24 uur neurologische controle.",
                  "Hematoom rechterarm, verder geen letsel. SO heeft cliënt%s de volgende ochtend beoordeeld." % sexw(P, "e", "")]))
    doc.h("Mogelijke oorzaken", 2)
    doc.bullets(c.sample(["Nachtelijke mictiedrang (furosemide om 18.00)", "Sensor ging af maar bel werd laat opgemerkt", "Verwardheid (beginnende UWI?)",
                          "Slechte verlichting", "Recent gestart met temazepam", "Orthostatische hypotensie"], 3))
    doc.h("Genomen maatregelen", 2)
    doc.p(c.pick(["Furosemide in overleg met SO naar de ochtend. Bed in laagste stand, valmat. Familie geïnformeerd.", "Transfers voortaan met actieve tillift. Fysiotherapeut beoordeelt.",
                  "Temazepam gestopt. Nachtlampje aan. Bespreken in het MDO."]))
    doc.p("Familie/vertegenwoordiger geïnformeerd: %s" % c.pick(["ja, %s" % c.dn(-1), "ja, telefonisch door de nachtdienst", "nog niet"]))
    return doc


@tpl("nl-mic-medicatie", "nl", "text", "sensitive", flags=("table",))
def mic_med(c):
    P = c.person()
    Q = c.person()
    org = c.org(c.pick(["vvt", "thuis", "ghz"]))[0]
    mel = c.staff()
    doc = newdoc(c, author=mel.full())
    doc.p(org, "lh")
    doc.p("Melding incident - medicatie", "title")
    doc.table([["Veld", "Invulling"],
               ["Datum/tijd", "%s %s" % (c.dn(-c.rng.randint(1, 5)), c.time(c.pick([8, 12, 17, 21])))],
               ["Betrokken cliënt", "%s, geb. %s" % (P.full(), P.dob_fmt())],
               ["Type", c.pick(["Verkeerde cliënt", "Dubbele toediening", "Vergeten toediening", "Verkeerde dosis"])],
               ["Medicatie", c.pick(["oxycodon 10 mg", "insuline (Novorapid) 12 E", "methotrexaat 15 mg", "acenocoumarol 3 mg"])],
               ["Ernst (inschatting melder)", c.pick(["gering", "matig", "ernstig"])]], widths=(5, 11))
    doc.h("Beschrijving", 2)
    doc.p(c.pick(["Bij de middagronde zijn per ongeluk de medicijnen van %s gegeven aan %s. De zakjes lagen naast elkaar in de la. Cliënt%s heeft daardoor o.a. metoprolol 100 mg en oxazepam gekregen die %s normaal niet gebruikt. RR na een uur 96/54, slaperig." % (Q.title_short(), P.title_short(), sexw(P, "e", ""), sexw(P, "zij", "hij")),
                  "Insuline is zowel door de avonddienst als door de wijkverpleging toegediend. Om 23.00 glucose 2,8 mmol/l, %s zweterig en verward. Glucosegel gegeven, na 15 min 5,1. Huisartsenpost gebeld." % P.title_short(),
                  "Methotrexaat werd dagelijks in plaats van eenmaal per week gegeven (4 dagen). Ontdekt door de apotheek bij de baxtercontrole. Cliënt%s ingestuurd voor bloedonderzoek: leukocyten 2,1." % sexw(P, "e", "")]))
    doc.h("Direct genomen acties", 2)
    doc.p("Arts gewaarschuwd (%s), controles elk uur, familie geïnformeerd. Teamleider op de hoogte." % c.doctor().dr)
    doc.p("Melder: %s" % mel.full(), "s")
    return doc


@tpl("nl-vim-ziekenhuis", "nl", "text", "sensitive", flags=("header",))
def vim_zkh(c):
    P = c.person()
    hosp = c.org("hosp")[0]
    mel = c.staff()
    doc = newdoc(c, author=mel.full())
    hdr = c.flag("header")
    if hdr:
        doc.header = ["VIM-melding %s" % hosp, "Patiënt: %s  geb. %s  (patnr %s)" % (P.full(), P.dob_fmt("dash0"), c.patnr())]
    doc.p("Veilig Incident Melden (VIM)", "title")
    if not hdr:
        doc.p("Patiënt: %s, %s, patientnummer %s" % (P.with_initials(), P.dob_fmt(), c.patnr()))
    doc.p("Afdeling: %s    Datum: %s    Melder: %s, %s" % (c.pick(["C3 Chirurgie", "B2 Cardiologie", "Longziekten 4", "SEH", "IC"]), c.dn(-2), mel.full(),
                                                          c.pick(["verpleegkundige", "arts-assistent", "ziekenhuisapotheker"])))
    doc.h("Toedracht", 2)
    doc.p(c.pick(["Patiënt%s kreeg postoperatief enoxaparine 40 mg sc, terwijl %s al therapeutisch antistolling (rivaroxaban 20 mg) gebruikte. De dubbele antistolling werd pas na 2 dagen opgemerkt. Wondhematoom, Hb gedaald van 7,8 naar 6,1 mmol/l; 2 EH erytrocyten gegeven." % (sexw(P, "e", ""), sexw(P, "zij", "hij")),
                  "Bekende penicilline-allergie stond niet in het EPD. Na de eerste gift amoxicilline/clavulaanzuur iv ontstond urticaria en zwelling van de lippen; behandeld met clemastine en prednisolon. Geen anafylaxie.",
                  "Bij overplaatsing van de IC is de kaliumsuppletie via de perfusor niet gestopt. Kalium 6,4 mmol/l bij controle, ECG met hoge T-toppen. Behandeld met insuline/glucose en resonium."]))
    doc.h("Gevolgen", 2)
    doc.p(c.pick(["Tijdelijk letsel, verlengde opnameduur (3 dagen).", "Geen blijvende schade; patiënt%s en familie zijn geïnformeerd (open disclosure)." % sexw(P, "e", ""), "Extra behandeling nodig geweest."]))
    doc.h("Verbetervoorstel", 2)
    doc.p(c.pick(["Antistolling standaard controleren bij opname (medicatieverificatie door apothekersassistent).", "Allergieregistratie verplicht veld maken bij opname.", "Checklist overplaatsing IC-verpleegafdeling aanvullen met lopende perfusors."]))
    return doc


@tpl("nl-bedrijfsarts-probleemanalyse", "nl", "text", "sensitive", flags=("header",))
def ba_probleemanalyse(c):
    E = c.person(gen="young")
    arbo, dom = c.org("arbo")
    ba = c.doctor()
    company = c.pick(["Zorggroep De Linde", "Transportbedrijf Van Dam B.V.", "Gemeente Example", "Bakkerij Het Korenaar", "Thuiszorg Samen"])
    doc = newdoc(c, author=ba.full(), title="Probleemanalyse")
    hdr = c.flag("header")
    if hdr:
        doc.header = ["Probleemanalyse  %s  (%s)  -  werkgever %s" % (E.full(), E.dob_fmt(), company)]
        doc.footer = ["%s | vertrouwelijk" % arbo]
    letterhead(doc, c, arbo, domain=dom)
    doc.p("Probleemanalyse (Wet verbetering poortwachter)", "title")
    if not hdr:
        doc.kv([("Werknemer", E.full()), ("Geboortedatum", E.dob_fmt()), ("Functie", c.pick(["verzorgende IG", "chauffeur", "beleidsmedewerker", "bakker", "teamleider"])),
                ("Werkgever", company), ("Eerste ziektedag", c.dn(-c.rng.randint(35, 48))), ("Spreekuur", c.dn(-1))])
    else:
        doc.kv([("Eerste ziektedag", c.dn(-c.rng.randint(35, 48))), ("Spreekuur", c.dn(-1))])
    doc.h("Oorzaak van het verzuim", 2)
    doc.p(c.pick(["Er is sprake van psychische klachten (overspannenheid/burn-out) in samenhang met langdurige hoge werkdruk en privéomstandigheden (mantelzorg voor een ernstig zieke ouder). Werknemer is onder behandeling van een psycholoog.",
                  "Werknemer is op %s geopereerd aan de rechterknie (voorste kruisbandreconstructie) en revalideert onder begeleiding van een fysiotherapeut." % c.dn(-40),
                  "Werknemer heeft sinds een coronabesmetting aanhoudende vermoeidheid, concentratieproblemen en inspanningsintolerantie (post-COVID). Verwezen naar de revalidatiearts.",
                  "Er is een hernia nuclei pulposi L5-S1 vastgesteld met uitstraling in het linkerbeen. Conservatief beleid; pijnbestrijding via de huisarts."]))
    doc.h("Beperkingen en mogelijkheden", 2)
    doc.bullets(c.sample(["Niet tillen > 5 kg", "Geen nachtdiensten", "Maximaal 2 uur aaneengesloten zitten", "Beperkt in conflicthantering en tijdsdruk",
                          "Kan starten met 2 x 2 uur per dag aangepast werk", "Geen autorijden tijdens gebruik van pijnmedicatie", "Rustige werkplek zonder telefoondienst"], 4))
    doc.h("Prognose", 2)
    doc.p(c.pick(["Gunstig; volledige werkhervatting binnen 3 maanden verwacht.", "Onzeker; eerst behandeling afwachten. Herbeoordeling over 4 weken.", "Matig; terugkeer in eigen werk lijkt niet haalbaar, spoor 2 overwegen."]))
    doc.h("Advies", 2)
    doc.p("Ik adviseer werkgever en werknemer om op basis van deze analyse binnen twee weken een plan van aanpak op te stellen. Volgend spreekuur over %d weken." % c.rng.randint(3, 6))
    doc.p(signature(c, ba.dr, "bedrijfsarts", "BIG %s" % c.big()))
    return doc


@tpl("nl-bedrijfsarts-brief-ha", "nl", "text", "sensitive")
def ba_brief_ha(c):
    E = c.person(gen="young")
    arbo = c.org("arbo")[0]
    ba = c.doctor()
    gp = c.doctor()
    doc = newdoc(c, author=ba.full())
    doc.p(arbo, "lh")
    doc.p("Vertrouwelijk - medisch geheim", "b")
    doc.p(recipient_block(c, gp.dr, c.org("gp")[0], "huisarts"))
    doc.p("%s, %s" % (c.city(), c.dn(0, "long")))
    doc.p("Betreft: uw patiënt%s %s, geb. %s" % (sexw(E, "e", ""), E.with_initials(), E.dob_fmt()))
    doc.p("Geachte collega,")
    doc.p(c.pick([
        "Met toestemming van %s informeer ik u over het verloop van %s verzuim. %s is sinds %s volledig arbeidsongeschikt wegens een depressieve episode. Ondanks gesprekken bij de POH-GGZ is er weinig herstel. Ik zou een verwijzing naar de basis- of specialistische GGZ willen voorstellen en vraag u of er overwegingen zijn om medicatie te starten." % (sexw(E, "uw patiënte", "uw patiënt"), sexw(E, "haar", "zijn"), sexw(E, "Zij", "Hij"), c.dn(-70)),
        "Uw patiënt%s bezocht mijn spreekuur in verband met pijnklachten van de rechterschouder (impingement) bij werk als %s. Er is een cortisoninjectie gegeven door de orthopeed, met tijdelijk effect. Ik heb het werk aangepast (geen bovenhands werk). Graag hoor ik of aanvullende beeldvorming gepland is." % (sexw(E, "e", ""), c.pick(["magazijnmedewerker", "schoonmaker", "verzorgende"])),
        "%s meldt sinds enkele maanden toenemende alcoholconsumptie om te kunnen slapen, naast spanningsklachten op het werk. AUDIT-score 19. Ik heb een verwijzing naar de verslavingszorg besproken; %s wil dit liever eerst met u bespreken." % (E.title_short(), sexw(E, "zij", "hij"))]))
    doc.p("Ik hoor graag van u. Met vriendelijke groet,\n\n%s\nbedrijfsarts\nT %s" % (ba.dr, c.phone()))
    return doc


@tpl("nl-overdracht-wijkverpleging", "nl", "text", "sensitive", flags=("table", "page2"))
def overdracht_wijk(c):
    P = c.person()
    hosp = c.org("hosp")[0]
    vp = c.staff()
    doc = newdoc(c, author=vp.full())
    doc.p(hosp, "lh")
    doc.p(c.pick(["Verpleegkundige overdracht", "VERPLEEGKUNDIGE OVERDRACHT - ontslag naar huis", "Overdracht thuiszorg"]), "title")
    doc.table([["Patiënt", P.full()], ["Geboortedatum", P.dob_fmt()], ["BSN", c.bsn()], ["Adres", c.addr()], ["Telefoon", c.phone(True)],
               ["Opnamedatum", c.dn(-c.rng.randint(4, 15))], ["Ontslagdatum", c.dn(c.rng.randint(0, 2))], ["Specialisme", c.pick(["Chirurgie", "Longziekten", "Interne", "Urologie"])]],
              head=False, widths=(4.5, 11))
    doc.h("Medische diagnose", 2)
    doc.p(c.pick(["Sigmoïdresectie met eindstandig colostoma wegens geperforeerde diverticulitis.", "Transurethrale resectie van de prostaat; CAD in situ.",
                  "Pneumonie bij longcarcinoom (onder behandeling), zuurstofbehoeftig 2 l/min.", "Amputatie rechter onderbeen wegens perifeer arterieel vaatlijden."]))
    doc.h("Verpleegkundige aandachtspunten", 2)
    doc.table([["Patroon", "Bevindingen", "Zorg thuis"],
               ["Uitscheiding", c.pick(["Colostoma, nog geen zelfzorg", "Verblijfskatheter Ch 16", "Obstipatie"]), c.pick(["Stomaverpleegkundige komt 1e week", "Katheter wisselen over 6 weken", "Macrogol dagelijks"])],
               ["Huid/wond", c.pick(["Wond linkerbeen met VAC-therapie", "Decubitus hiel cat. 2", "Operatiewond rustig, agraves verwijderen dag 10"]), "Wondzorg volgens wondzorgplan (bijlage)"],
               ["Mobiliteit", c.pick(["Loopt met rollator", "Transfers met hulp", "Rolstoel"]), "Fysiotherapie thuis aangevraagd"],
               ["Voeding", c.pick(["Slechte intake, drinkvoeding 2dd", "Diabetisch dieet", "Normaal"]), "Gewicht wekelijks"],
               ["Medicatie", "Zie medicatieoverzicht apotheek", "Hulp bij inname (baxter)"]], widths=(3.5, 6.5, 6.5))
    doc.p("Contactpersoon: %s (%s), %s" % (c.person().full(), c.pick(["dochter", "zoon", "partner"]), c.phone(True)))
    doc.p("Overdracht door %s, verpleegkundige, tel. %s" % (vp.full(), c.phone()), "s")
    return doc


@tpl("nl-medicatieoverzicht", "nl", "text", "sensitive", flags=("header", "table"))
def medicatieoverzicht(c):
    P = c.person()
    apo, dom = c.org("apo")
    ap = c.staff()
    doc = newdoc(c, author=ap.full(), font=c.pick(["Courier New", "Arial", "Consolas"]), size=9.5)
    hdr = c.flag("header")
    pl = "%s  %s  geb. %s  BSN %s" % (P.last_cap().upper(), P.initials(), P.dob_fmt("dash0"), c.bsn())
    if hdr:
        doc.header = [apo + " - Medicatieoverzicht", pl]
    doc.p("MEDICATIEOVERZICHT", "title")
    doc.p("Afgedrukt: %s %s" % (c.dn(0), c.time()), "s")
    if not hdr:
        doc.p(pl, "b")
        doc.p("Adres: %s" % c.addr())
    doc.p("Huisarts: %s     Apotheek: %s" % (c.doctor().dr, apo))
    meds = c.sample([["METOPROLOLSUCCINAAT 47,5MG TABLET MGA", "1 x daags 1 tablet", "%s" % c.dn(-400)], ["APIXABAN 5MG TABLET", "2 x daags 1 tablet", c.dn(-300)],
                     ["METFORMINE 1000MG TABLET", "2 x daags 1 tablet", c.dn(-900)], ["INSULINE GLARGINE 100E/ML PEN", "1 x daags 22 eenheden", c.dn(-150)],
                     ["ATORVASTATINE 20MG TABLET", "1 x daags 1 tablet 's avonds", c.dn(-700)], ["FUROSEMIDE 40MG TABLET", "1 x daags 1 tablet", c.dn(-60)],
                     ["LEVODOPA/BENSERAZIDE 125MG", "4 x daags 1 capsule", c.dn(-500)], ["OXAZEPAM 10MG TABLET", "zo nodig 1 tablet voor de nacht", c.dn(-30)],
                     ["MACROGOL/ZOUTEN PDR V DRANK", "1 x daags 1 sachet", c.dn(-20)], ["ALENDRONINEZUUR 70MG TABLET", "1 x per week 1 tablet (zondag)", c.dn(-250)],
                     ["DONEPEZIL 10MG TABLET", "1 x daags 1 tablet", c.dn(-180)], ["PREDNISOLON 5MG TABLET", "afbouwschema volgens arts", c.dn(-9)]], c.rng.randint(5, 8))
    doc.table([["Geneesmiddel", "Gebruik", "Startdatum"]] + meds, widths=(8, 5.5, 3))
    doc.p("Contra-indicaties/intoleranties: %s" % c.pick(["NIERFUNCTIESTOORNIS (eGFR 38)", "DIABETES MELLITUS; HARTFALEN", "ALLERGIE SULFONAMIDEN", "geen geregistreerd"]))
    doc.p("Dit overzicht is gebaseerd op de gegevens bekend bij %s. Controleer het altijd met de patiënt." % apo, "s")
    return doc


@tpl("nl-polibrief-neuro", "nl", "text", "sensitive", flags=("header",))
def poli_neuro(c):
    P = c.person(gen=c.pick(["old", "young"]))
    hosp, dom = c.org("hosp")
    neu = c.doctor()
    gp = c.doctor()
    doc = newdoc(c, author=neu.full())
    hdr = c.flag("header")
    if hdr:
        doc.header = ["Betreft: %s, %s, geboren %s" % (P.formal(), c.addr(), P.dob_fmt())]
    letterhead(doc, c, "%s - Neurologie" % hosp, domain=dom)
    doc.p("%s\nhuisarts" % gp.dr)
    doc.p("Datum: %s\nKenmerk: NEU/%s" % (c.dn(0), c.patnr()))
    if not hdr:
        doc.p("Betreft: %s, geb. %s, BSN %s" % (P.with_initials(), P.dob_fmt(), c.bsn()))
    doc.p(c.pick(["Geachte collega,", "Beste collega,"]))
    v = c.pick(["parkinson", "epilepsie", "ms"])
    if v == "parkinson":
        doc.p("Vandaag zag ik uw patiënt%s op de polikliniek ter controle van de ziekte van Parkinson (diagnose %d). Er zijn toenemende end-of-dose fluctuaties en 's middags dyskinesieën. Val ongeveer eenmaal per maand. Cognitief geen achteruitgang gemerkt door de partner." % (sexw(P, "e", ""), c.rng.randint(2012, 2020)))
        doc.p("Bij onderzoek: hypomimie, rusttremor rechts, bradykinesie, houdingsinstabiliteit (pull-test positief).")
        doc.p("Beleid: levodopa/carbidopa verhoogd naar 5 x daags 125 mg, toevoeging entacapon 200 mg. Verwijzing naar de ParkinsonNet-fysiotherapeut. Controle over 4 maanden.")
    elif v == "epilepsie":
        doc.p("%s kwam op mijn spreekuur na een eerste gegeneraliseerd tonisch-klonisch insult op %s. EEG toont epileptiforme afwijkingen links temporaal; MRI hersenen: hippocampussclerose links. Conclusie: focale epilepsie met secundaire generalisatie." % (P.title_short() if not hdr else sexw(P, "Patiënte", "Patiënt"), c.dn(-25)))
        doc.p("Gestart met levetiracetam 2 dd 500 mg. Ik heb uitgelegd dat %s de komende 6 maanden geen auto mag rijden (CBR-regeling) en dat %s niet alleen mag zwemmen." % (sexw(P, "zij", "hij"), sexw(P, "zij", "hij")))
    else:
        doc.p("Zoals u weet werd bij %s in %d relapsing-remitting multipele sclerose vastgesteld. Sinds de start met ocrelizumab geen nieuwe relapses. De laatste MRI (%s) toont geen nieuwe laesies. Wel klachten van vermoeidheid en urgency-incontinentie." % (P.title_short() if not hdr else sexw(P, "patiënte", "patiënt"), c.rng.randint(2015, 2021), c.dn(-60)))
        doc.p("Beleid: ocrelizumab continueren (volgende infuus %s), verwijzing uroloog en revalidatiearts." % c.dn(50))
    doc.p(signature(c, neu.dr, "neuroloog"))
    return doc


@tpl("nl-psychologisch-onderzoek", "nl", "text", "sensitive", flags=("page2", "table"))
def psych_onderzoek(c):
    K = c.person(gen="young", age=c.rng.randint(7, 15))
    org = c.org(c.pick(["ggz2", "ggz"]))[0]
    psy = c.staff()
    doc = newdoc(c, author=psy.full(), page_numbers="Pagina")
    doc.p(org, "lh")
    doc.p("Verslag psychodiagnostisch onderzoek", "title")
    doc.kv([("Naam", K.full()), ("Geboortedatum", K.dob_fmt()), ("Leeftijd", "%d jaar" % c.age(K)), ("School/groep", "%s, groep %d" % (c.pick(["OBS De Regenboog", "CBS Het Kompas", "De Wegwijzer"]), min(8, max(3, c.age(K) - 4)))),
            ("Onderzoeker", "%s, GZ-psycholoog" % psy.full()), ("Onderzoeksdata", "%s en %s" % (c.dn(-40), c.dn(-33)))])
    doc.h("Aanleiding", 2)
    doc.p("%s is aangemeld door de huisarts in verband met %s. De ouders maken zich zorgen omdat %s." % (K.first, c.pick(["concentratieproblemen en impulsief gedrag", "angsten en buikpijn voor schooltijd", "problemen in het sociaal contact en driftbuien"]),
                                                                             c.pick(["de leerkracht aangeeft dat hij/zij niet meekomt", "er thuis veel ruzie is", "school overweegt verwijzing naar het speciaal onderwijs"]).replace("hij/zij", sexw(K, "zij", "hij"))))
    doc.h("Onderzoeksresultaten", 2)
    doc.table([["Instrument", "Resultaat"], ["WISC-V totaal IQ", str(c.rng.randint(82, 118))], ["Verwerkingssnelheid", str(c.rng.randint(70, 95))],
               ["CBCL (ouders) - aandachtsproblemen", "klinisch gebied (T=%d)" % c.rng.randint(70, 78)], ["TRF (leerkracht)", "subklinisch"],
               ["SCQ", str(c.rng.randint(8, 22))]], widths=(9, 6))
    doc.h("Conclusie", 2)
    doc.p(c.pick(["Er is sprake van een aandachtsdeficiëntie-/hyperactiviteitsstoornis (ADHD), gecombineerde presentatie.", "De klachten passen bij een gegeneraliseerde angststoornis.",
                  "Er zijn aanwijzingen voor een autismespectrumstoornis; de diagnose wordt in het MDO met de kinderpsychiater vastgesteld."]))
    doc.h("Advies", 2)
    doc.bullets(["Psycho-educatie voor ouders en school", c.pick(["Medicatieconsult kinderpsychiater (methylfenidaat)", "Cognitieve gedragstherapie (Coping Cat)", "Oudertraining"]),
                 "Evaluatie over een half jaar"])
    return doc


@tpl("nl-palliatieve-overdracht", "nl", "text", "sensitive", flags=("header",))
def palliatief(c):
    P = c.person()
    org, dom = c.org(c.pick(["thuis", "hospice", "vvt"]))
    gp = c.doctor()
    doc = newdoc(c, author=gp.full())
    hdr = c.flag("header")
    if hdr:
        doc.header = ["Palliatieve overdracht - %s (%s) - %s" % (P.full(), P.dob_fmt(), c.addr())]
    doc.p(c.pick(["Overdracht palliatieve zorg (huisartsenpost)", "Palliatief overdrachtsformulier", "Overdracht HAP - palliatieve patiënt"]), "title")
    if not hdr:
        doc.kv([("Naam", P.full()), ("Geboortedatum", P.dob_fmt()), ("BSN", c.bsn()), ("Adres", c.addr()), ("Huisarts", gp.dr)])
    doc.h("Diagnose", 2)
    doc.p(c.pick(["Gemetastaseerd mammacarcinoom (botten, lever); geen tumorgerichte behandeling meer.", "Pancreascarcinoom, palliatieve chemotherapie gestaakt.",
                  "Eindstadium COPD, thuiszuurstof 2 l/min.", "ALS, bulbaire vorm; PEG-sonde."]))
    doc.h("Verwachte problemen", 2)
    doc.bullets(c.sample(["Pijn: oxycodon SR 20 mg 2dd, oxycodon 5 mg zn (max 6dd)", "Benauwdheid: morfine 2,5 mg sc zn", "Onrust/delier: haloperidol 1 mg sc zn",
                          "Misselijkheid: metoclopramide supp.", "Doorbraakpijn 's nachts", "Terminale onrust: midazolam 5 mg sc, eventueel palliatieve sedatie (afspraken in dossier)"], 3))
    doc.h("Afspraken", 2)
    doc.p("Niet reanimeren. Geen ziekenhuisopname. %s. Euthanasieverzoek: %s." % (c.pick(["Wil thuis overlijden", "Wens om in het hospice te overlijden"]),
                                                                                 c.pick(["besproken, schriftelijke wilsverklaring aanwezig, SCEN-arts geconsulteerd", "niet aan de orde", "besproken, nog geen definitief verzoek"])))
    doc.p("Eerste contactpersoon: %s, %s" % (c.person().full(), c.phone(True)))
    doc.p("Opgesteld door %s, huisarts, %s" % (gp.dr, c.dn(0)), "s")
    return doc


@tpl("nl-fysio-eindverslag", "nl", "text", "sensitive")
def fysio(c):
    P = c.person(gen=c.pick(["old", "young"]))
    org, dom = c.org("extorg")
    ft = c.staff()
    gp = c.doctor()
    doc = newdoc(c, author=ft.full())
    letterhead(doc, c, "Fysiotherapie Centrum De Brug", domain="fysio-example.nl")
    doc.p("Aan %s, huisarts" % gp.dr)
    doc.p("%s, %s" % (c.city(), c.dn(0)))
    doc.p("Betreft: eindverslag fysiotherapie %s, %s" % (P.with_initials(), P.dob_fmt()))
    doc.p("Beste collega,")
    doc.p(c.pick(["Uw patiënt%s werd door mij behandeld na een totale knieprothese rechts (%s). In %d behandelingen is de flexie toegenomen van 80 naar 115 graden; extensie volledig. Loopt zonder hulpmiddel, traplopen wisselbenig. NPRS pijn van 7 naar 2." % (sexw(P, "e", ""), c.dn(-90), c.rng.randint(14, 22)),
                  "%s werd verwezen met aspecifieke lage rugpijn sinds 4 maanden. Er waren duidelijke psychosociale factoren (angst-vermijding, SBT-score hoog risico). Na 9 behandelingen met graded activity en pijneducatie is de PSK-score gedaald van 62 naar 24." % P.title_short(),
                  "Na een CVA met hemiparese links heeft %s thuis revalidatie gevolgd. Balans (Berg Balance Scale) verbeterd van 31 naar 44. Valangst is afgenomen. Advies: blijven oefenen in de beweeggroep." % P.title_short()]))
    doc.p("De behandeling is afgesloten. Bij terugval kan %s zich direct weer melden." % sexw(P, "zij", "hij"))
    doc.p(signature(c, ft.full(), "fysiotherapeut", "BIG %s" % c.big()))
    return doc


@tpl("nl-dietist-verslag", "nl", "text", "sensitive", flags=("table",))
def dietist(c):
    P = c.person()
    dt = c.staff()
    gp = c.doctor()
    doc = newdoc(c, author=dt.full())
    letterhead(doc, c, "Diëtistenpraktijk Smaakvol", domain="dietist-example.nl")
    doc.p("Verslag diëtist", "title")
    doc.p("Aan: %s, huisarts\nBetreft: %s, geb. %s" % (gp.dr, P.formal(), P.dob_fmt()))
    doc.p(c.pick(["Geachte collega,", "Beste collega,"]))
    doc.p(c.pick(["%s is door u verwezen in verband met ondervoeding. Gewicht nu %d kg (3 maanden geleden %d kg), lengte %d cm, BMI %.1f. SNAQ65+ score: rood." % (P.title_short(), c.rng.randint(48, 58), c.rng.randint(60, 66), c.rng.randint(158, 180), c.rng.uniform(17.0, 19.5)),
                  "Verwezen in verband met diabetes mellitus type 2 (HbA1c %d mmol/mol) en overgewicht (BMI %.1f)." % (c.rng.randint(58, 75), c.rng.uniform(31, 38)),
                  "Verwezen wegens nierfunctieverlies (eGFR %d) met verhoogd kalium; eiwit- en kaliumbeperkt dieet gewenst." % c.rng.randint(18, 29)]))
    doc.table([["Voedingsanamnese", "Huidig", "Advies"], ["Energie", "%d kcal" % c.rng.randint(1100, 2600), "%d kcal" % c.rng.randint(1600, 2100)],
               ["Eiwit", "%d g" % c.rng.randint(40, 95), "%d g" % c.rng.randint(60, 90)], ["Vocht", "%.1f l" % c.rng.uniform(0.8, 2.2), "1,5-2 l"]], widths=(5, 4, 4))
    doc.p("Plan: %s Vervolgafspraak over %d weken." % (c.pick(["Drinkvoeding 2x daags 125 ml, eiwitverrijkte tussendoortjes.", "Koolhydraatverdeling over de dag, minder frisdrank.", "Kaliumarme groentebereiding, zoutbeperking."]), c.rng.randint(2, 6)))
    doc.p(signature(c, dt.full(), "diëtist"))
    return doc


@tpl("nl-wmo-gespreksverslag", "nl", "text", "sensitive", flags=("header",))
def wmo(c):
    P = c.person()
    gem = c.org("gemeente")[0]
    con = c.staff()
    doc = newdoc(c, author=con.full())
    hdr = c.flag("header")
    if hdr:
        doc.header = ["Gespreksverslag Wmo  -  %s  -  BSN %s" % (P.full(), c.bsn())]
    doc.p(gem, "lh")
    doc.p("Verslag onderzoek (keukentafelgesprek)", "title")
    if not hdr:
        doc.kv([("Naam", P.full()), ("BSN", c.bsn()), ("Geboortedatum", P.dob_fmt()), ("Adres", c.addr())])
    doc.kv([("Datum gesprek", c.dn(-c.rng.randint(3, 10))), ("Aanwezig", "aanvrager, %s (%s), %s (Wmo-consulent)" % (c.person().full(), c.pick(["dochter", "zoon", "buurvrouw"]), con.full()))])
    doc.h("Hulpvraag", 2)
    doc.p(c.pick(["Aanvrager vraagt een scootmobiel en hulp bij het huishouden.", "Er wordt begeleiding en dagbesteding gevraagd.", "Aanvraag traplift / woningaanpassing."]))
    doc.h("Situatie", 2)
    doc.p(c.pick(["%s heeft ernstige COPD (GOLD IV) en is bij geringe inspanning benauwd. Gebruikt thuiszuurstof. Kan maximaal 50 meter lopen. Huishouden lukt niet meer; dochter doet de boodschappen maar werkt fulltime." % sexw(P, "Mevrouw", "Meneer"),
                  "Bij %s is vorig jaar de ziekte van Alzheimer vastgesteld. %s raakt de draad kwijt in de dag, vergeet te eten en is onlangs de weg kwijtgeraakt in het dorp. De partner is overbelast (EDIZ-score 8)." % (P.title_short(), sexw(P, "Zij", "Hij")),
                  "%s heeft na een herseninfarct een halfzijdige verlamming rechts en afasie. Traplopen is onveilig; slaapt nu beneden in de woonkamer." % P.title_short()]))
    doc.h("Conclusie en afspraken", 2)
    doc.p(c.pick(["Indicatie huishoudelijke ondersteuning 3 uur per week en scootmobiel in bruikleen.", "Dagbesteding 2 dagen per week bij ontmoetingscentrum; casemanager dementie betrokken.", "Advies ergotherapeut over traplift; beschikking volgt binnen 2 weken."]))
    return doc


@tpl("nl-uitslagenbrief-lab", "nl", "text", "sensitive", flags=("table", "header"))
def labbrief(c):
    P = c.person(gen=c.pick(["old", "young"]))
    lab, dom = c.org("lab")
    gp = c.doctor()
    doc = newdoc(c, author="uitslagen", font=c.pick(["Arial", "Courier New"]))
    hdr = c.flag("header")
    if hdr:
        doc.header = ["%s  |  Aanvrager: %s" % (lab, gp.dr), "Patiënt: %s  %s  %s  BSN %s" % (P.last_cap(), P.initials(), P.dob_fmt("dash0"), c.bsn())]
    else:
        doc.p(lab, "lh")
        doc.p("Patiënt: %s (%s), geb. %s, BSN %s\nAanvrager: %s" % (P.full(), sexw(P, "V", "M"), P.dob_fmt(), c.bsn(), gp.dr))
    doc.p("UITSLAGEN", "title")
    doc.p("Afname: %s %s    Rapportage: %s" % (c.dn(-2), c.time(8), c.dn(-1)), "s")
    rows = [["Test", "Uitslag", "Eenheid", "Referentie", ""]]
    pool = [("Hemoglobine", "%.1f" % c.rng.uniform(6.0, 9.5), "mmol/l", "7,5-10,0"), ("MCV", str(c.rng.randint(70, 102)), "fl", "80-100"),
            ("Leukocyten", "%.1f" % c.rng.uniform(3.0, 14.0), "10^9/l", "4,0-10,0"), ("Trombocyten", str(c.rng.randint(90, 420)), "10^9/l", "150-400"),
            ("Glucose nuchter", "%.1f" % c.rng.uniform(4.8, 11.5), "mmol/l", "4,0-6,0"), ("HbA1c", str(c.rng.randint(38, 82)), "mmol/mol", "< 53"),
            ("Kreatinine", str(c.rng.randint(60, 190)), "µmol/l", "60-110"), ("eGFR (CKD-EPI)", str(c.rng.randint(22, 90)), "ml/min/1,73m2", "> 60"),
            ("Kalium", "%.1f" % c.rng.uniform(3.2, 5.9), "mmol/l", "3,5-5,0"), ("TSH", "%.2f" % c.rng.uniform(0.05, 9.0), "mU/l", "0,4-4,0"),
            ("Ferritine", str(c.rng.randint(6, 300)), "µg/l", "20-300"), ("PSA", "%.1f" % c.rng.uniform(0.3, 14.0), "µg/l", "< 4,0"),
            ("ALAT", str(c.rng.randint(12, 140)), "U/l", "< 45"), ("LDL-cholesterol", "%.1f" % c.rng.uniform(1.5, 5.5), "mmol/l", "< 2,6")]
    for name, v, u, ref in c.sample(pool, c.rng.randint(6, 10)):
        flag = ""
        try:
            fv = float(v.replace(",", "."))
            lo_hi = ref.replace(",", ".").replace("< ", "0-").replace("> ", "")
            if "-" in lo_hi:
                lo, hi = [float(a) for a in lo_hi.split("-")]
                flag = "H" if fv > hi else ("L" if fv < lo else "")
            else:
                flag = "L" if fv < float(lo_hi) else ""
        except ValueError:
            pass
        rows.append([name, v.replace(".", ","), u, ref, flag])
    doc.table(rows, widths=(5, 2.5, 3.5, 3.5, 1))
    if c.chance(0.5):
        doc.p("Commentaar: %s" % c.pick(["Verlaagd Hb en ferritine passend bij ijzergebreksanemie.", "Afwijkende nierfunctie, advies herhalen binnen 2 weken.", "Sterk verhoogd PSA, overweeg verwijzing uroloog."]))
    doc.p("Geautoriseerd door %s, klinisch chemicus" % c.doctor().dr, "s")
    return doc


@tpl("nl-seh-brief", "nl", "text", "sensitive")
def seh(c):
    P = c.person(gen=c.pick(["old", "young"]))
    hosp, dom = c.org("hosp")
    arts = c.doctor()
    doc = newdoc(c, author=arts.full())
    doc.p("%s - Spoedeisende Hulp" % hosp, "lh")
    doc.p("SEH-brief", "title")
    doc.p("Patiënt: %s, geb. %s\nBezoek: %s, aankomst %s, vervoer %s" % (P.with_initials(), P.dob_fmt(), c.dn(-1), c.time(), c.pick(["ambulance", "eigen vervoer", "politie"])))
    doc.p("Anamnese: " + c.pick(["Gevallen op de fiets, opgevangen met uitgestrekte rechterhand. Pijn pols.", "Sinds vanmiddag drukkende pijn op de borst, uitstralend naar de kaak, zweterig.",
                                 "Door partner gevonden, aanspreekbaar maar suf. Lege strips temazepam naast het bed.", "Hond beet in de linkerhand."]))
    doc.p("Onderzoek/aanvullend: " + c.pick(["X-pols: distale radiusfractuur, dorsaal gekanteld. Gesloten repositie onder hematoomblok, onderarmgips.", "ECG: ST-elevatie II, III, aVF. Troponine 480 ng/l. Direct naar de hartkatheterisatiekamer.",
                                             "GCS E3M6V4. Paracetamolspiegel negatief. Psychiater in consult: suïcidepoging, opname PAAZ met instemming.", "Wond van 2 cm dorsum hand, gereinigd, niet gehecht; tetanus gegeven, amoxicilline/clavulaanzuur 5 dagen."]))
    doc.p("Beleid: " + c.pick(["Controle gipskamer over 1 week, pijnstilling paracetamol/naproxen.", "Opname CCU.", "Overdracht aan de crisisdienst bij ontslag PAAZ.", "Wondcontrole bij de huisarts over 2 dagen."]))
    doc.p("%s, SEH-arts" % arts.dr, "s")
    return doc


@tpl("nl-aanmelding-dagbesteding", "nl", "text", "sensitive", flags=("table",))
def aanmelding(c):
    P = c.person()
    org = c.org(c.pick(["vvt", "ghz"]))[0]
    doc = newdoc(c, author=c.staff().full())
    doc.p(org, "lh")
    doc.p("Aanmeldformulier dagbesteding", "title")
    rows = [["Naam", P.full()], ["Geboortedatum", P.dob_fmt()], ["BSN", c.bsn()], ["Adres", c.addr()], ["Telefoon", c.phone()],
            ["Huisarts", "%s, %s" % (c.doctor().dr, c.org("gp")[0])], ["Indicatie", c.pick(["Wlz VV4", "Wmo begeleiding groep", "Wlz VG5"])],
            ["Diagnose(s)", c.pick(["Vasculaire dementie, DM2", "Verstandelijke beperking (IQ 55), epilepsie", "Ziekte van Parkinson, depressie", "Niet-aangeboren hersenletsel na CVA"])],
            ["Medicatie tijdens verblijf", c.pick(["Valproaat 500 mg om 12.00", "Geen", "Levodopa 12.00 en 15.00", "Insuline volgens schema (zelf)"])],
            ["Dieet / allergie", c.pick(["Diabetisch", "Geen", "Glutenvrij", "Notenallergie"])],
            ["Contactpersoon", "%s, %s" % (c.person().full(), c.phone(True))]]
    doc.table(rows, head=False, widths=(5, 11))
    doc.p("Ingevuld door: %s, %s" % (c.staff().full(), c.dn(-1)), "s")
    return doc


@tpl("nl-gehandicaptenzorg-rapportage", "nl", "text", "sensitive", flags=("header",))
def ghz(c):
    P = c.person(gen="young")
    org = c.org("ghz")[0]
    bg = c.staff()
    doc = newdoc(c, author=bg.full())
    hdr = c.flag("header")
    if hdr:
        doc.header = ["%s - woning %s - cliënt: %s" % (org, c.pick(["De Vlinder", "Zonnebloem", "Het Baken"]), P.full())]
    doc.p(c.pick(["Halfjaarlijkse evaluatie ondersteuningsplan", "Evaluatie ondersteuningsplan", "Verslag evaluatiegesprek"]), "title")
    if not hdr:
        doc.p("Cliënt: %s (%d jaar)" % (P.full(), c.age(P)))
    doc.p("Persoonlijk begeleider: %s" % bg.full())
    doc.h("Gezondheid", 2)
    doc.p(c.pick(["Epilepsie is goed ingesteld op lamotrigine; laatste aanval %s (kort, 2 minuten). Gewicht stabiel. Tandarts: 2 cariës behandeld onder narcose." % c.dn(-70),
                  "Downsyndroom; hypothyreoïdie onder behandeling. Gehoorverlies, nieuwe hoortoestellen. AVG-arts signaleert beginnende geheugenproblemen (screening op dementie gepland).",
                  "Er is sprake van slikproblemen; logopedist adviseert gemalen voeding. Twee keer longontsteking dit jaar."]))
    doc.h("Gedrag en welbevinden", 2)
    doc.p(c.pick(["Minder agressie-incidenten dan vorig half jaar (4 tegen 11). Risperidon is afgebouwd naar 0,5 mg. Vrijheidsbeperking: deur 's nachts op slot (Wzd, stappenplan gevolgd).",
                  "%s geniet van het werk op de zorgboerderij. Soms zelfverwondend gedrag (hoofdbonken) bij drukte." % P.first]))
    doc.h("Afspraken", 2)
    doc.bullets(["Bloedspiegel medicatie %s" % c.dn(20), "Evaluatie vrijheidsbeperking met gedragsdeskundige", "Volgende evaluatie over zes maanden"])
    return doc
