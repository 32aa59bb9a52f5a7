"""Sensitive text documents in Flemish, French (Belgian) and English."""

from common import newdoc, sexw, recipient_block
from ctx import letterhead, signature
from reg import tpl


# ------------------------------------------------------------------ Flemish

@tpl("be-ontslagbrief-az", "be", "text", "sensitive", flags=("header", "page2"))
def be_ontslag(c):
    P = c.person()
    hosp, dom = c.org("be_hosp")
    arts = c.doctor()
    gp = c.doctor()
    doc = newdoc(c, author=arts.full(), page_numbers=c.pick(["Pagina", "blz.", False]))
    hdr = c.flag("header")
    rr = c.nrn(P)
    if hdr:
        doc.header = ["%s - dienst %s" % (hosp, c.pick(["Neurologie", "Geriatrie", "Inwendige Geneeskunde"])), "Patiënt: %s  ° %s  INSZ %s" % (P.full(), P.dob_fmt(), rr)]
    letterhead(doc, c, hosp, domain=dom, style=c.pick(["left", "right", "plain"]))
    doc.p(recipient_block(c, "Dokter %s" % gp.last_cap(), c.org("be_gp")[0], "huisarts"))
    doc.p("%s, %s" % (c.city(), c.dn(0, "long")))
    if not hdr:
        doc.p("Betreft: %s, geboren op %s, rijksregisternummer %s, %s %s" % (P.formal(), P.dob_fmt(), rr, c.mut(), "lidnr. %d" % c.rng.randint(10 ** 8, 10 ** 9)))
    doc.p("Geachte collega,")
    who = sexw(P, "Uw patiënte", "Uw patiënt") if hdr else P.title_short()
    doc.p("%s werd van %s tot %s opgenomen op onze dienst. %s" % (who, c.dn(-c.rng.randint(7, 15)), c.dn(-1), c.pick([
        "De opname gebeurde via spoed wegens acute afasie en krachtsverlies rechts. CT-angio toonde een occlusie van de arteria cerebri media links. Na trombolyse gedeeltelijk herstel. Residuele woordvindingsproblemen.",
        "Reden van opname was een val thuis met een bekkenfractuur (ramus pubis rechts), conservatief behandeld. Tijdens de opname bleek een matige cognitieve achteruitgang; MMSE 20/30.",
        "Betrokkene werd opgenomen wegens een ontregelde diabetes (glycemie 480 mg/dl, ketonen negatief) met dehydratatie en acute nierinsufficiëntie."])))
    doc.h("Diagnoses", 2)
    doc.bullets(c.sample(["Ischemisch CVA links", "Voorkamerfibrillatie, nieuw", "Hypertensie", "Diabetes mellitus type 2, insulinebehoeftig", "Beginnende dementie (Alzheimer-type)",
                          "Osteoporose", "Chronische nierinsufficiëntie stadium 3"], 3))
    doc.h("Thuismedicatie bij ontslag", 2)
    doc.p(c.pick(["Eliquis 5 mg 2x/dag, Lipitor 40 mg 's avonds, Coversyl 5 mg 's morgens, Dafalgan 1 g max 3x/dag.",
                  "Lantus 18 E 's avonds, Novorapid volgens schema, Metformax 850 mg 2x/dag (herstarten als nierfunctie ok), Asaflow 80 mg.",
                  "Dafalgan 1 g 4x/dag, Tradonal 50 mg zo nodig, Fraxiparine 0,3 ml sc gedurende 4 weken, Steovit D3 1x/dag."]))
    doc.h("Verdere opvolging", 2)
    doc.p(c.pick(["Revalidatie in %s (Sp-dienst). Raadpleging neurologie over 6 weken." % c.org("be_hosp")[0], "Thuisverpleging 2x/dag voor insuline en glycemiecontrole. Controle diabetoloog over 1 maand.",
                  "Kine aan huis (E-pathologie aangevraagd). Evaluatie door de geriater over 3 maanden."]))
    doc.p(signature(c, arts.dr, c.pick(["neuroloog", "geriater", "internist"]), "RIZIV %s" % c.riziv()))
    return doc


@tpl("be-verwijsbrief-geriater", "be", "text", "sensitive")
def be_verwijs(c):
    P = c.person()
    gpo, dom = c.org("be_gp")
    gp = c.doctor()
    doc = newdoc(c, author=gp.full())
    letterhead(doc, c, gpo, domain=dom)
    doc.p("Dokter %s\nDienst Geriatrie\n%s" % (c.doctor().last_cap(), c.org("be_hosp")[0]))
    doc.p(c.dn(0))
    doc.p("Betreft: %s, ° %s, rijksregisternr. %s" % (P.with_initials(), P.dob_fmt(), c.nrn(P)))
    doc.p(c.pick(["Beste collega,", "Geachte collega,", "Dag collega,"]))
    doc.p(c.pick(["Mag ik u deze %d-jarige %s verwijzen voor een geheugenonderzoek? De familie merkt sinds een jaar dat %s afspraken vergeet, de weg kwijt raakt met de auto en de facturen niet meer betaalt. MMSE bij mij 22/30, kloktekentest afwijkend." % (c.age(P), sexw(P, "dame", "heer"), sexw(P, "zij", "hij")),
                  "Graag uw advies voor %s, die de laatste 3 maanden 4 keer gevallen is. Neemt momenteel 11 verschillende geneesmiddelen (zie lijst). Orthostatische hypotensie? Medicatiereview gewenst." % P.title_short(),
                  "%s is sinds het overlijden van %s erg vermagerd (-8 kg) en somber. Geen tekenen van maligniteit bij klinisch onderzoek; bloedname bijgevoegd. Depressie of begin van een neurodegeneratief proces?" % (P.title_short(), sexw(P, "haar echtgenoot", "zijn echtgenote"))]))
    doc.p("Voorgeschiedenis: %s." % c.pick(["hypertensie, prostaatlijden, cataractoperatie beiderzijds", "mammacarcinoom (2012, in remissie), hypothyreoïdie", "diabetes type 2, coronair lijden met stent (2017)"]))
    doc.p("Huidige medicatie: %s." % c.pick(["Amlor 5 mg, Zocor 20 mg, Omeprazole 20 mg, Xanax 0,5 mg 's avonds", "L-Thyroxine 100 µg, Dafalgan 1 g, Sipralexa 10 mg", "Asaflow, Bisoprolol 5 mg, Glucophage 850 mg 2x/dag, Lormetazepam 1 mg"]))
    doc.p(signature(c, gp.dr, "huisarts", "RIZIV %s" % c.riziv()))
    return doc


@tpl("be-zorgplan-wzc", "be", "text", "sensitive", flags=("table", "header"))
def be_zorgplan(c):
    P = c.person()
    wzc, dom = c.org("be_wzc")
    hv = c.staff()
    doc = newdoc(c, author=hv.full())
    hdr = c.flag("header")
    if hdr:
        doc.header = ["%s - zorgplan - bewoner %s (kamer %d) - INSZ %s" % (wzc, P.full(), c.rng.randint(1, 60), c.nrn(P))]
    letterhead(doc, c, wzc, domain=dom, style=c.pick(["left", "plain"]))
    doc.p("Individueel zorgplan", "title")
    if not hdr:
        doc.kv([("Bewoner", P.full()), ("Geboortedatum", P.dob_fmt()), ("Rijksregisternummer", c.nrn(P)), ("Mutualiteit", c.mut()), ("Afdeling", c.ward())])
    doc.kv([("Katz-score", c.pick(["B", "C", "Cd", "D"])), ("Huisarts", c.doctor().dr), ("Referentiepersoon", "%s (%s)" % (c.person().full(), c.pick(["dochter", "zoon", "nicht"])))])
    doc.table([["Probleem", "Doel", "Interventie"],
               ["Dementie (Alzheimer), desoriëntatie in tijd en ruimte", "Veilig en rustig verblijf", "Vaste structuur, dagprogramma, armband tegen weglopen"],
               [c.pick(["Valrisico (2 valpartijen in 3 maanden)", "Incontinentie urine en stoelgang"]), c.pick(["Geen valpartijen met letsel", "Droge en intacte huid"]), c.pick(["Alarmmat, heupbeschermer, kiné 2x/week", "Incontinentiemateriaal, toiletronde elke 3 uur"])],
               [c.pick(["Diabetes type 2 (Lantus)", "Hartfalen"]), c.pick(["Glycemie 100-200 mg/dl", "Stabiel gewicht"]), c.pick(["Glycemie 2x/dag, insuline door verpleegkundige", "Wegen 2x/week, Lasix 's morgens"])],
               ["Slechte eetlust", "Gewicht behouden", "Verrijkte voeding, weging wekelijks"]], widths=(5.5, 4.5, 6.5))
    doc.p("Vroegtijdige zorgplanning: %s." % c.pick(["DNR 2 (geen reanimatie), besproken met familie", "geen ziekenhuisopname meer gewenst (DNR 3)", "nog niet besproken"]))
    doc.p("Opgesteld door %s, hoofdverpleegkundige, %s" % (hv.full(), c.dn(0)), "s")
    return doc


@tpl("be-verslag-adviserend-arts", "be", "text", "sensitive")
def be_mut(c):
    P = c.person(gen="young")
    gp = c.doctor()
    mut, dom = c.org("be_mut")
    doc = newdoc(c, author=gp.full())
    letterhead(doc, c, c.org("be_gp")[0])
    doc.p("Vertrouwelijk - ter attentie van de adviserend arts\n%s" % mut)
    doc.p("Medisch verslag arbeidsongeschiktheid", "title")
    doc.kv([("Naam", P.full()), ("INSZ", c.nrn(P)), ("Geboortedatum", P.dob_fmt()), ("Beroep", c.pick(["magazijnier", "poetshulp", "bediende", "verpleegkundige", "buschauffeur"])),
            ("Arbeidsongeschikt sinds", c.dn(-c.rng.randint(60, 300)))])
    doc.p(c.pick(["Betrokkene is arbeidsongeschikt wegens een majeure depressie met angstklachten, uitgelokt door een burn-out. Volgt psychotherapie (2-wekelijks) en neemt sertraline 100 mg. Slaap en concentratie verbeteren traag. Een progressieve werkhervatting lijkt pas haalbaar over 2 à 3 maanden.",
                  "Betrokkene onderging op %s een rotator cuff herstel van de rechterschouder. Postoperatief frozen shoulder. Intensieve kinesitherapie loopt. Bovenhands werk en tillen zijn voorlopig onmogelijk." % c.dn(-80),
                  "Gekende ziekte van Crohn met een opstoot sinds %s; gestart met adalimumab. Heeft 8-10x per dag stoelgang en is sterk vermoeid (Hb 10,2 g/dl)." % c.dn(-50)]))
    doc.p("Ik vraag een verlenging van de arbeidsongeschiktheid tot %s." % c.dn(c.rng.randint(30, 90)))
    doc.p(signature(c, gp.dr, "huisarts", "RIZIV %s" % c.riziv()))
    return doc


@tpl("be-kine-verslag", "be", "text", "sensitive", flags=("header",))
def be_kine(c):
    P = c.person()
    kine = c.staff()
    doc = newdoc(c, author=kine.full())
    hdr = c.flag("header")
    if hdr:
        doc.header = ["Kinepraktijk Vooruit  -  patiënt %s  -  INSZ %s" % (P.full(), c.nrn(P))]
    letterhead(doc, c, "Kinepraktijk Vooruit", domain="kine-example.be")
    doc.p("Verslag kinesitherapie - aanvraag E-pathologie", "title")
    if not hdr:
        doc.p("Patiënt: %s, ° %s, INSZ %s\nMutualiteit: %s" % (P.full(), P.dob_fmt(), c.nrn(P), c.mut()))
    doc.p("Voorschrijvend arts: %s" % c.doctor().dr)
    doc.p(c.pick(["Patiënt%s vertoont een ernstige functionele beperking na een CVA (hemiplegie links). Barthel-index 35/100. Stapt niet zelfstandig. Wij vragen behandeling volgens de E-lijst (langdurige behandeling)." % sexw(P, "e", ""),
                  "Na een knieprothese rechts met wondinfectie en heringreep is de mobiliteit sterk beperkt. Flexie 70°. Wandelen enkel met looprek binnenshuis.",
                  "Ziekte van Parkinson (Hoehn & Yahr stadium 3), freezing en valneiging. Oefentherapie gericht op gang en evenwicht, 3x per week."]))
    doc.p("Doelstellingen: %s" % c.pick(["zelfstandige transfers, stappen met rollator", "valpreventie", "behoud van autonomie thuis"]))
    doc.p(signature(c, kine.full(), "kinesitherapeut", "RIZIV %s" % c.riziv()))
    return doc


@tpl("be-cgg-intake", "be", "text", "sensitive", flags=("page2",))
def be_cgg(c):
    P = c.person(gen="young")
    cgg = c.org("be_cgg")[0]
    psy = c.staff()
    doc = newdoc(c, author=psy.full())
    doc.p(cgg, "lh")
    doc.p("Intakeverslag", "title")
    doc.kv([("Cliënt", P.full()), ("Geboortedatum", P.dob_fmt()), ("Rijksregisternummer", c.nrn(P)), ("Aanmelder", c.pick(["huisarts", "CLB", "zelf", "OCMW"])), ("Intake", c.dn(-5))])
    doc.h("Aanmeldingsreden", 2)
    doc.p(c.pick(["%s meldt zich aan met paniekaanvallen, vooral in de bus en in de winkel. Vermijdt steeds meer situaties; is gestopt met de opleiding." % P.first,
                  "Sinds de scheiding van de ouders somber, snijdt zich in de armen (laatst %s). Slaapt veel overdag. Gebruikt af en toe cannabis." % c.dn(-12),
                  "Verwezen door de huisarts voor alcoholproblematiek (6 à 8 pintjes per dag) en conflicten thuis. Eerder opname in een PAAZ (2021)."]))
    doc.h("Voorlopige diagnostische indruk", 2)
    doc.p(c.pick(["Paniekstoornis met agorafobie.", "Depressieve stoornis, matig, met zelfbeschadiging; suïciderisico laag tot matig.", "Stoornis in alcoholgebruik, ernstig."]))
    doc.h("Voorstel", 2)
    doc.p("Individuele begeleiding door %s (psycholoog), 2-wekelijks; overleg met de psychiater voor medicatie." % psy.full())
    return doc


@tpl("be-incident-wzc", "be", "text", "sensitive", flags=("table",))
def be_incident(c):
    P = c.person()
    wzc = c.org("be_wzc")[0]
    zk = c.staff()
    doc = newdoc(c, author=zk.full())
    doc.p(wzc, "lh")
    doc.p(c.pick(["Incidentmelding", "Meldingsformulier incident bewoner"]), "title")
    doc.table([["Datum en uur", "%s om %s" % (c.dn(-1), c.time())], ["Bewoner", "%s (kamer %d)" % (P.full(), c.rng.randint(1, 60))],
               ["Soort", c.pick(["valpartij", "medicatie-incident", "agressie", "verslikking"])], ["Gemeld door", "%s, zorgkundige" % zk.full()]], head=False, widths=(4, 12))
    doc.h("Beschrijving", 2)
    doc.p(c.pick(["Bewoner%s werd gevonden op de grond in de badkamer. Klaagt over pijn aan de linkerpols, zwelling. Huisarts verwittigd, RX in het ziekenhuis: fractuur." % sexw(P, "ster", ""),
                  "Bij het avondmaal verslikt in een stuk vlees, hoestte niet meer. Heimlich toegepast, daarna ademhaling ok. Logopedist vraagt gemalen voeding.",
                  "Per vergissing de avondmedicatie van de buurkamer gekregen (o.a. Seroquel 100 mg). Zeer slaperig, parameters elk uur. Huisarts en familie verwittigd."]))
    doc.p("Familie verwittigd: %s" % c.pick(["ja", "ja, de dochter", "ja, telefonisch"]))
    return doc


@tpl("be-arbeidsgeneesheer", "be", "text", "sensitive")
def be_arbeid(c):
    E = c.person(gen="young")
    org = c.org("be_arbeid")[0]
    ag = c.doctor()
    doc = newdoc(c, author=ag.full())
    doc.p(org, "lh")
    doc.p("Re-integratietraject - beoordeling door de preventieadviseur-arbeidsarts", "title")
    doc.kv([("Werknemer", E.full()), ("INSZ", c.nrn(E)), ("Werkgever", c.pick(["WZC Ter Meersen", "Stad Example", "Bakkerij Peeters bv", "AZ Scheldezicht"])), ("Datum onderzoek", c.dn(-3))])
    doc.p(c.pick(["Betrokkene is sinds %s arbeidsongeschikt na een hartinfarct met stentplaatsing. Cardiale revalidatie lopende. Zware fysieke belasting en nachtwerk zijn voorlopig tegenaangewezen." % c.dn(-120),
                  "Betrokkene heeft een chronische lage rugpijn met een HNP L4-L5, geopereerd. Tillen boven 10 kg en langdurig staan zijn niet mogelijk.",
                  "Betrokkene herstelt van een ernstige burn-out met depressieve klachten, in behandeling bij een psychiater. Aangepast werk halftijds, zonder klantencontact, is mogelijk."]))
    doc.p("Beslissing: %s" % c.pick(["A - betrokkene kan op termijn het overeengekomen werk hervatten, in tussentijd aangepast werk.", "B - definitief ongeschikt voor het overeengekomen werk, wel aangepast werk.", "C - tijdelijk geen re-integratie mogelijk om medische redenen."]))
    doc.p(signature(c, ag.dr, "preventieadviseur-arbeidsarts"))
    return doc


# ------------------------------------------------------------------ French

@tpl("fr-lettre-de-sortie", "fr", "text", "sensitive", flags=("header", "page2"))
def fr_sortie(c):
    P = c.person()
    hosp, dom = c.org("fr_hosp")
    med = c.doctor()
    mg = c.doctor()
    doc = newdoc(c, author=med.full(), page_numbers=c.pick(["Page", False]))
    hdr = c.flag("header")
    niss = c.nrn(P)
    if hdr:
        doc.header = ["%s - Service de %s" % (hosp, c.pick(["cardiologie", "médecine interne", "gériatrie"])), "Patient(e) : %s, né(e) le %s, NISS %s" % (P.full(), P.dob_fmt(), niss)]
    letterhead(doc, c, hosp, domain=dom)
    doc.p(recipient_block(c, "Docteur %s" % mg.last_cap(), c.org("fr_gp")[0], "Médecin généraliste"))
    doc.p("%s, le %s" % (c.city(), c.dn(0, "long")))
    if not hdr:
        doc.p("Concerne : %s, né%s le %s - NISS %s" % (P.formal(), sexw(P, "e", ""), P.dob_fmt(), niss), "b")
    doc.p(c.pick(["Cher Confrère,", "Chère Consœur,", "Cher Collègue,"]))
    doc.p("%s a été hospitalisé%s dans notre service du %s au %s pour %s." % (
        sexw(P, "Votre patiente", "Votre patient") if hdr else P.title_short(), sexw(P, "e", ""), c.dn(-c.rng.randint(6, 14)), c.dn(-1),
        c.pick(["une décompensation cardiaque globale sur fibrillation auriculaire rapide", "une pneumonie communautaire du lobe inférieur droit", "un syndrome confusionnel aigu sur infection urinaire", "une hémorragie digestive haute sur ulcère gastrique"])))
    doc.h("Antécédents", 2)
    doc.p(c.pick(["HTA, diabète de type 2 insulinorequérant, cardiopathie ischémique (pontage 2016).", "BPCO stade III, tabagisme sevré, ostéoporose.", "Maladie d'Alzheimer débutante, arthrose, cataracte opérée."]))
    doc.h("Évolution", 2)
    doc.p(c.pick(["Évolution favorable sous diurétiques IV, perte de 5 kg. Anticoagulation par apixaban instaurée. Échographie : FEVG 35 %.",
                  "Amélioration clinique sous amoxicilline-acide clavulanique. Pas de complication. Kinésithérapie respiratoire.",
                  "Endoscopie : ulcère bulbaire Forrest IIb, traité. Transfusion de 2 culots. Recherche d'Helicobacter pylori positive, éradication débutée."]))
    doc.h("Traitement de sortie", 2)
    doc.bullets(c.sample(["Bisoprolol 5 mg 1x/j", "Furosémide 40 mg le matin", "Eliquis 5 mg 2x/j", "Pantoprazole 40 mg 2x/j pendant 8 semaines", "Lantus 20 UI le soir",
                          "Paracétamol 1 g max 4x/j", "Atorvastatine 40 mg le soir", "Clarithromycine 500 mg 2x/j (7 jours)"], 4))
    doc.p("Suivi : %s" % c.pick(["consultation de cardiologie dans 6 semaines ; contrôle de la kaliémie dans 1 semaine.", "radiographie de contrôle dans 6 semaines.", "gastroscopie de contrôle dans 8 semaines."]))
    doc.p(signature(c, med.dr, c.pick(["Cardiologue", "Médecin résident", "Interniste"]), "INAMI %s" % c.riziv()))
    return doc


@tpl("fr-courrier-reference", "fr", "text", "sensitive")
def fr_ref(c):
    P = c.person(gen=c.pick(["old", "young"]))
    cab, dom = c.org("fr_gp")
    mg = c.doctor()
    doc = newdoc(c, author=mg.full())
    letterhead(doc, c, cab, domain=dom)
    doc.p("À l'attention du Dr %s\n%s" % (c.doctor().last_cap(), c.org("fr_hosp")[0]))
    doc.p("%s, le %s" % (c.city(), c.dn(0, "long")))
    doc.p("Objet : %s, %s %s" % (P.formal(), c.pick(["né(e) le", "DDN"]), P.dob_fmt()))
    doc.p(c.pick(["Cher Confrère,", "Chère Consœur,", "Cher ami,"]))
    doc.p(c.pick(["Je vous adresse %s pour la prise en charge d'un nodule thyroïdien droit de 2,4 cm découvert à l'échographie (TI-RADS 4). TSH normale. Pas d'antécédents de radiothérapie cervicale. Je vous remercie de bien vouloir réaliser une ponction." % P.title_short(),
                  "Merci de voir %s qui présente depuis trois mois des rectorragies et une perte de poids de 6 kg. Anémie ferriprive (Hb 9,8 g/dl). Une coloscopie me semble indiquée rapidement." % P.title_short(),
                  "Je vous confie %s, suivie pour une polyarthrite rhumatoïde sous méthotrexate 15 mg/semaine, en raison d'une poussée résistante aux corticoïdes. DAS28 à 5,4." % P.title_short()]))
    doc.p("Traitement habituel : %s" % c.pick(["amlodipine 5 mg, simvastatine 20 mg", "lévothyroxine 75 µg, oméprazole 20 mg", "méthotrexate 15 mg/semaine, acide folique 5 mg, prednisolone 10 mg"]))
    doc.p("Allergies : %s" % c.pick(["aucune connue", "pénicilline", "AINS"]))
    doc.p(signature(c, mg.dr, "Médecin généraliste", "INAMI %s" % c.riziv()))
    return doc


@tpl("fr-rapport-medecin-conseil", "fr", "text", "sensitive", flags=("header",))
def fr_medcons(c):
    P = c.person(gen="young")
    mut = c.org("fr_mut")[0]
    mg = c.doctor()
    doc = newdoc(c, author=mg.full())
    hdr = c.flag("header")
    niss = c.nrn(P)
    if hdr:
        doc.header = ["CONFIDENTIEL - Médecin-conseil %s - Titulaire : %s (NISS %s)" % (mut, P.full(), niss)]
    doc.p(c.org("fr_gp")[0], "lh")
    doc.p("Rapport médical - incapacité de travail", "title")
    if not hdr:
        doc.kv([("Nom", P.full()), ("NISS", niss), ("Date de naissance", P.dob_fmt()), ("Mutualité", mut)])
    doc.kv([("Profession", c.pick(["ouvrier du bâtiment", "aide-ménagère", "employée de banque", "infirmier", "caissière"])), ("Incapacité depuis le", c.dn(-c.rng.randint(40, 200)))])
    doc.p(c.pick(["Le patient présente un syndrome dépressif majeur avec idées noires, sans passage à l'acte. Suivi psychiatrique hebdomadaire, venlafaxine 150 mg. Reprise du travail non envisageable avant trois mois.",
                  "Lombosciatalgie gauche sur hernie discale L5-S1 confirmée par IRM, avec déficit moteur partiel. Avis neurochirurgical : intervention programmée le %s." % c.dn(20),
                  "Cancer du sein gauche (carcinome canalaire infiltrant), chimiothérapie en cours (cycle 3/6), puis radiothérapie prévue. Fatigue intense."]))
    doc.p("Je sollicite la prolongation de l'incapacité jusqu'au %s." % c.dn(c.rng.randint(30, 120)))
    doc.p(signature(c, mg.dr, "Médecin généraliste", "INAMI %s" % c.riziv()))
    return doc


@tpl("fr-plan-de-soins-mrs", "fr", "text", "sensitive", flags=("table",))
def fr_plan(c):
    P = c.person()
    mrs, dom = c.org("fr_mrs")
    inf = c.staff(sex="f")
    doc = newdoc(c, author=inf.full())
    letterhead(doc, c, mrs, domain=dom)
    doc.p("Plan de soins individualisé", "title")
    doc.kv([("Résident(e)", P.full()), ("Date de naissance", P.dob_fmt()), ("Chambre", str(c.rng.randint(1, 60))), ("Médecin traitant", c.doctor().dr), ("Échelle de Katz", c.pick(["B", "C", "Cd"]))])
    doc.table([["Problème", "Objectif", "Actions"],
               ["Troubles cognitifs (démence mixte)", "Sécurité, maintien des repères", "Bracelet anti-fugue, horaires fixes"],
               [c.pick(["Escarre talon droit stade 2", "Ulcère veineux jambe gauche"]), "Cicatrisation", c.pick(["Décharge du talon, pansement hydrocolloïde 1j/3", "Bandage compressif, soins 3x/semaine"])],
               ["Diabète de type 2", "Glycémies 100-180 mg/dl", "Glycémie capillaire matin et soir, insuline Lantus 14 UI"],
               ["Risque de chute", "Pas de chute", "Tapis sensitif, kiné 2x/semaine"]], widths=(5, 4.5, 7))
    doc.p("Directives anticipées : %s" % c.pick(["pas de réanimation (DNR 2)", "pas d'hospitalisation (DNR 3)", "non discutées"]))
    doc.p("Établi par %s, infirmière en chef, le %s" % (inf.full(), c.dn(0)), "s")
    return doc


@tpl("fr-rapport-incident", "fr", "text", "sensitive", flags=("header",))
def fr_incident(c):
    P = c.person()
    mrs = c.org("fr_mrs")[0]
    inf = c.staff()
    doc = newdoc(c, author=inf.full())
    hdr = c.flag("header")
    if hdr:
        doc.header = ["%s - Déclaration d'événement indésirable - résident : %s" % (mrs, P.full())]
    doc.p("Déclaration d'événement indésirable", "title")
    if not hdr:
        doc.p("Résident(e) : %s, né(e) le %s, chambre %d" % (P.full(), P.dob_fmt(), c.rng.randint(1, 60)))
    doc.p("Date : %s   Heure : %s   Déclarant : %s" % (c.dn(-1), c.time(), inf.full()))
    doc.h("Description", 2)
    doc.p(c.pick(["Chute dans la chambre lors d'un lever nocturne. Plaie de l'arcade sourcilière gauche. Sous anticoagulant (Xarelto) : transfert aux urgences pour scanner cérébral, pas d'hématome.",
                  "Erreur d'administration : la patiente a reçu 20 UI d'insuline rapide au lieu de 10 UI. Hypoglycémie à 45 mg/dl à 11h, resucrage, surveillance horaire.",
                  "Le résident a présenté une fausse route lors du repas (viande non mixée). Toux, désaturation à 85 %. Aspiration, amélioration. Médecin prévenu."]))
    doc.h("Mesures", 2)
    doc.p(c.pick(["Lit en position basse, tapis de sol, réévaluation du traitement somnifère.", "Double vérification des doses d'insuline.", "Texture mixée, évaluation par la logopède."]))
    return doc


@tpl("fr-medecine-du-travail", "fr", "text", "sensitive")
def fr_travail(c):
    E = c.person(gen="young")
    org = c.org("fr_travail")[0]
    mt = c.doctor()
    doc = newdoc(c, author=mt.full())
    doc.p(org, "lh")
    doc.p("Rapport du conseiller en prévention-médecin du travail", "title")
    doc.kv([("Travailleur", E.full()), ("NISS", c.nrn(E)), ("Employeur", c.pick(["Résidence Le Clos Fleuri", "CHU du Val-Mosan", "Transports Mosans SA", "Commune d'Example"])), ("Examen du", c.dn(-2))])
    doc.p(c.pick(["Reprise du travail après un infarctus du myocarde (stent IVA). Recommandations : pas de port de charges > 10 kg, pas de travail de nuit pendant six mois.",
                  "Le travailleur présente une dermatite de contact allergique aux gants en latex (tests épicutanés positifs). Port de gants nitrile obligatoire.",
                  "Suite à un épuisement professionnel avec état dépressif, reprise à mi-temps médical conseillée, sans contact avec le public dans un premier temps."]))
    doc.p(signature(c, mt.dr, "Conseiller en prévention-médecin du travail"))
    return doc


@tpl("fr-compte-rendu-psy", "fr", "text", "sensitive", flags=("page2",))
def fr_psy(c):
    P = c.person(gen="young")
    ssm = c.org("fr_ssm")[0]
    psy = c.doctor()
    doc = newdoc(c, author=psy.full())
    doc.p(ssm, "lh")
    doc.p("Compte rendu de consultation", "title")
    doc.p("Patient(e) : %s, %d ans\nDate : %s" % (P.full(), c.age(P), c.dn(-1)))
    doc.p(c.pick(["%s consulte pour des attaques de panique survenant plusieurs fois par semaine depuis son licenciement. Insomnie d'endormissement, consommation d'alcool en hausse. Pas d'idéation suicidaire." % P.first,
                  "Troisième consultation. L'humeur reste très basse, avec des idées suicidaires passives (« ce serait plus simple de ne plus être là »). Pas de scénario. Un plan de sécurité a été établi avec %s." % P.first,
                  "Suivi pour trouble bipolaire de type II. Sous lamotrigine 200 mg. Épisode hypomane en %s, résolu." % c.dn(-60, "long").split(" ", 1)[1]]))
    doc.p("Conclusion : %s" % c.pick(["trouble panique avec agoraphobie", "épisode dépressif caractérisé d'intensité sévère", "trouble bipolaire II stabilisé"]))
    doc.p("Proposition : %s" % c.pick(["TCC hebdomadaire, escitalopram 10 mg.", "revoir dans une semaine ; coordination avec le médecin traitant.", "poursuite du traitement, lithémie non nécessaire."]))
    doc.p("%s, psychiatre" % psy.dr, "s")
    return doc


# ------------------------------------------------------------------ English

@tpl("en-discharge-summary", "en", "text", "sensitive", flags=("header", "page2", "table"))
def en_discharge(c):
    P = c.person()
    hosp, dom = c.org("en_hosp")
    dr = c.doctor()
    doc = newdoc(c, author=dr.full(), page_numbers=c.pick(["Page", False]))
    hdr = c.flag("header")
    nhs = c.nhs()
    if hdr:
        doc.header = ["%s  |  DISCHARGE SUMMARY" % hosp, "%s  DOB %s  NHS No. %s" % (P.full().upper(), P.dob_fmt("en"), nhs)]
    else:
        letterhead(doc, c, hosp, domain=dom)
        doc.p("DISCHARGE SUMMARY", "title")
        doc.kv([("Patient", P.full()), ("Date of birth", P.dob_fmt()), ("NHS number", nhs), ("Hospital no.", "RX%s" % c.patnr())])
    doc.kv([("Admitted", c.dn(-c.rng.randint(4, 12))), ("Discharged", c.dn(-1)), ("Consultant", dr.dr), ("Ward", c.ward())])
    doc.h("Diagnosis", 2)
    doc.p(c.pick(["Community-acquired pneumonia (CURB-65 score 2)", "Non-ST-elevation myocardial infarction", "Fractured neck of femur (left), hemiarthroplasty", "Acute kidney injury stage 2 on CKD 3b"]))
    doc.h("Clinical summary", 2)
    doc.p(c.pick(["Presented with a 4-day history of productive cough and fever. CXR showed right lower lobe consolidation. Treated with IV co-amoxiclav, switched to oral on day 3. Mobilising with a frame at discharge.",
                  "Admitted with central chest pain. Troponin rise. Angiography: 90% stenosis LAD, stented (DES). Echo: LVEF 45%. Uneventful recovery.",
                  "Found on the floor at home after a fall. Surgery on day 1. Post-operative delirium managed conservatively. Physiotherapy ongoing."]))
    doc.h("Medication on discharge", 2)
    doc.table([["Drug", "Dose", "Frequency", "Comment"]] + c.sample([["Aspirin", "75 mg", "once daily", "lifelong"], ["Ticagrelor", "90 mg", "twice daily", "12 months"],
                                                                     ["Bisoprolol", "2.5 mg", "once daily", "new"], ["Atorvastatin", "80 mg", "at night", "new"],
                                                                     ["Amoxicillin", "500 mg", "three times daily", "until %s" % c.dn(4)], ["Paracetamol", "1 g", "four times daily", "PRN"],
                                                                     ["Enoxaparin", "40 mg", "once daily", "28 days"]], 4), widths=(4.5, 2.5, 4, 5))
    doc.h("Actions for GP", 2)
    doc.bullets(c.sample(["Check U&E in one week", "Review blood pressure", "Refer to cardiac rehabilitation (done)", "DEXA scan", "Consider memory assessment once delirium resolved"], 2))
    doc.p("%s, %s" % (dr.dr, c.pick(["Specialty Registrar", "FY2 doctor", "Consultant Physician"])), "s")
    return doc


@tpl("en-gp-referral", "en", "text", "sensitive")
def en_referral(c):
    P = c.person(gen=c.pick(["old", "young"]))
    gp_org, dom = c.org(c.pick(["en_gp", "en_expat"]))
    gp = c.doctor()
    doc = newdoc(c, author=gp.full())
    letterhead(doc, c, gp_org, domain=dom)
    doc.p(c.dn(0, "long"))
    doc.p("Dear %s," % c.pick(["Colleague", "Dr %s" % c.doctor().last_cap()]))
    doc.p("Re: %s, DOB %s, %s" % (P.formal(), P.dob_fmt(), c.pick(["NHS No. %s" % c.nhs(), "BSN %s" % c.bsn(), c.addr()])), "b")
    doc.p(c.pick(["Thank you for seeing this %d-year-old %s with a 6-month history of symmetrical small joint pain and early morning stiffness lasting two hours. CRP 34, rheumatoid factor positive, anti-CCP strongly positive. I would be grateful for your assessment with a view to DMARD therapy." % (c.age(P), sexw(P, "woman", "man")),
                  "I would be grateful if you could see %s, who has had intermittent rectal bleeding and a change in bowel habit for 8 weeks. FIT test positive (120 µg/g). Under the 2-week-wait pathway, please." % P.title_short(),
                  "Please assess %s for possible obstructive sleep apnoea. Epworth score 17, BMI 36, loud snoring and witnessed apnoeas. Works as a lorry driver; I have advised not to drive until assessed." % P.title_short()]))
    doc.p("Past history: %s. Medication: %s." % (c.pick(["hypertension, type 2 diabetes", "asthma, depression", "hypothyroidism"]), c.pick(["ramipril 5 mg, metformin 1 g bd", "sertraline 50 mg, salbutamol inhaler", "levothyroxine 100 mcg"])))
    doc.p(signature(c, gp.dr, "GP"))
    return doc


@tpl("en-care-plan-review", "en", "text", "sensitive", flags=("table", "header"))
def en_careplan(c):
    P = c.person()
    home, dom = c.org("en_carehome")
    sc = c.staff()
    doc = newdoc(c, author=sc.full())
    hdr = c.flag("header")
    if hdr:
        doc.header = ["%s - Resident: %s (Room %d) - DOB %s" % (home, P.full(), c.rng.randint(1, 40), P.dob_fmt())]
    letterhead(doc, c, home, domain=dom, style="plain")
    doc.p("Monthly care plan review", "title")
    if not hdr:
        doc.p("Resident: %s   Room %d   DOB %s" % (P.full(), c.rng.randint(1, 40), P.dob_fmt()))
    doc.table([["Area", "Current needs", "Changes this month"],
               ["Mobility", "Hoist for all transfers", c.pick(["Fall on %s, no injury" % c.dn(-9), "No change"])],
               ["Nutrition", "MUST score %d, fortified diet" % c.rng.randint(1, 3), "Weight %d kg (-%d kg)" % (c.rng.randint(45, 70), c.rng.randint(1, 4))],
               ["Skin", "Grade 2 pressure ulcer sacrum", "Healing, dressing changed 3x weekly"],
               ["Cognition", "Vascular dementia, disorientated at night", "Increased agitation, GP review requested"],
               ["Medication", "Covert administration agreed (best interests)", "Sertraline started"]], widths=(3.5, 6.5, 6.5))
    doc.p("DNACPR in place: %s.   DoLS authorisation: %s." % (c.pick(["yes", "yes (reviewed %s)" % c.dn(-40), "no"]), c.pick(["granted, expires %s" % c.dn(200), "applied for"])))
    doc.p("Reviewed by %s, Senior Carer, with %s (%s)." % (sc.full(), c.person().full(), c.pick(["daughter", "son", "niece"])), "s")
    return doc


@tpl("en-incident-report", "en", "text", "sensitive")
def en_incident(c):
    P = c.person()
    org = c.org(c.pick(["en_carehome", "en_hosp"]))[0]
    st = c.staff()
    doc = newdoc(c, author=st.full())
    doc.p(org, "lh")
    doc.p("Incident report form", "title")
    doc.kv([("Date/time", "%s %s" % (c.dn(-1), c.time())), ("Person affected", "%s (%s)" % (P.full(), c.pick(["resident", "patient"]))), ("DOB", P.dob_fmt()),
            ("Reported by", "%s, %s" % (st.full(), c.pick(["Staff Nurse", "Healthcare Assistant", "Senior Carer"])))], border=True)
    doc.p("What happened: " + c.pick(["Found on bedroom floor at 03:10 by night staff. Complained of pain in right hip; leg shortened and externally rotated. Ambulance called; confirmed fractured neck of femur.",
                                      "Insulin dose (Humalog 8 units) omitted at lunchtime because the MAR chart had not been updated after the GP changed the regimen. BM 21.4 at teatime.",
                                      "Choked on a piece of toast at breakfast. Back blows given, airway cleared. Speech and language therapy referral made for dysphagia assessment."]))
    doc.p("Harm: " + c.pick(["moderate", "low", "severe"]) + ".  Family informed: " + c.pick(["yes", "yes, by telephone", "not yet"]) + ".")
    return doc


@tpl("en-occupational-health", "en", "text", "sensitive", flags=("header",))
def en_oh(c):
    E = c.person(gen="young")
    oh = c.org("en_oh")[0]
    dr = c.doctor()
    doc = newdoc(c, author=dr.full())
    hdr = c.flag("header")
    if hdr:
        doc.header = ["CONFIDENTIAL - Occupational Health report - %s, DOB %s" % (E.full(), E.dob_fmt())]
    doc.p(oh, "lh")
    doc.p("Management referral - report", "title")
    if not hdr:
        doc.p("Employee: %s    DOB: %s" % (E.full(), E.dob_fmt()))
    doc.p("Job title: %s    Absent since: %s" % (c.pick(["Healthcare Assistant", "Ward Clerk", "Porter", "Staff Nurse"]), c.dn(-c.rng.randint(20, 80))))
    doc.p(c.pick(["%s has been diagnosed with type 1 diabetes and had two severe hypoglycaemic episodes at work. With appropriate adjustments (regular breaks, access to glucose) %s is fit to return. Night shifts should be avoided until control is stable." % (E.first, sexw(E, "she", "he")),
                  "%s is recovering from a major depressive episode and is receiving CBT and medication. I recommend a phased return over four weeks starting at 50 per cent." % E.first,
                  "%s is awaiting a lumbar discectomy. Until surgery, no manual handling and no patient transfers." % E.first]))
    doc.p("The Equality Act 2010 is %s to apply." % c.pick(["likely", "unlikely"]))
    doc.p(signature(c, dr.dr, "Occupational Health Physician"))
    return doc
