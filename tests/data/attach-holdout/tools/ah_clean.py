"""Clean document texts: general health information, blank forms, rosters,
invoices, aggregated figures, minutes without clients, policies.

Some of them are deliberately close to the line (a blank form with a BSN
field, a policy that explains the 11-test, a stock list of medicines, an
invoice with nine-digit numbers that fail the 11-test, staff names on a
roster) but none of them holds health data about an identifiable person or
a national identifier of a person.
"""

import datetime

from ah_people import make_non_bsn

D = datetime.timedelta


def leaflet_diabetes_nl(c):
    blocks = [
        ("h1", "Diabetes type 2: wat kunt u zelf doen?"),
        ("p", "Bij diabetes type 2 maakt uw lichaam niet genoeg insuline aan, of werkt de insuline minder goed. Daardoor wordt de hoeveelheid suiker in uw bloed te hoog. In Nederland hebben ruim één miljoen mensen diabetes; de meesten hebben type 2."),
        ("h2", "Klachten"),
        ("p", "Veel mensen merken er in het begin weinig van. Mogelijke klachten zijn veel dorst, vaak plassen, moeheid, wazig zien en wondjes die slecht genezen."),
        ("h2", "Wat helpt?"),
        ("ul", ["Elke dag minstens een half uur bewegen, bijvoorbeeld wandelen of fietsen.",
                "Gezond eten: veel groente, volkorenproducten, weinig suiker en verzadigd vet.",
                "Afvallen als u overgewicht heeft. Vijf tot tien procent minder gewicht maakt al verschil.",
                "Stoppen met roken. Uw huisarts of de praktijkondersteuner kan u daarbij helpen."]),
        ("h2", "Controles"),
        ("p", "U komt ongeveer vier keer per jaar op controle bij de praktijkondersteuner. Eén keer per jaar kijken we ook naar uw ogen, voeten en nieren. Neem bij elke controle uw medicijnen of een medicatieoverzicht mee."),
        ("p", "Meer informatie vindt u op de website van de patiëntenvereniging en op thuisarts.nl."),
        ("p", "Deze folder is een uitgave van %s. Versie %d-%d." % (c.org[0], c.today.year, c.r.randint(1, 4))),
    ]
    return {"title": "Folder diabetes", "blocks": blocks}


def blank_intake_form_nl(c):
    blocks = [
        ("h1", "Aanmeldformulier"),
        ("p", "%s - in te vullen door de verwijzer of de cliënt. Onvolledig ingevulde formulieren kunnen wij helaas niet in behandeling nemen." % c.org[0]),
        ("table", [["Gegevens cliënt", ""],
                   ["Achternaam", ""], ["Voornamen", ""], ["Geboortedatum", "__ - __ - ____"], ["BSN", ""],
                   ["Adres", ""], ["Postcode en woonplaats", ""], ["Telefoon", ""], ["Zorgverzekeraar en polisnummer", ""]]),
        ("h2", "Reden van aanmelding"),
        ("p", "Beschrijf kort de klachten of de hulpvraag, de duur ervan en eerdere hulpverlening:"),
        ("p", "...................................................................................................."),
        ("p", "...................................................................................................."),
        ("h2", "Diagnose (indien bekend)"),
        ("p", "...................................................................................................."),
        ("h2", "Toestemming"),
        ("p", "Ik geef toestemming om mijn gegevens op te vragen bij mijn huisarts: ja / nee"),
        ("p", "Handtekening: ____________________    Datum: ____________"),
        ("p", "Stuur het formulier via de beveiligde mail of per post naar: %s, %s, %s." % (c.org[0], c.org[1], c.org[2])),
    ]
    return {"title": "Aanmeldformulier", "blocks": blocks}


def team_minutes_nl(c):
    people = c.staff_group(6)
    d = c.today - D(days=c.r.randint(1, 10))
    blocks = [
        ("h1", "Notulen teamoverleg"),
        ("kv", [("Datum", c.d(d)), ("Aanwezig", ", ".join(p.first for p in people[:5])), ("Afwezig (met bericht)", people[5].first), ("Notulist", people[1].first)]),
        ("h2", "1. Opening en mededelingen"),
        ("p", (lambda nw: "%s opent de vergadering. De nieuwe collega %s stelt zich voor; %s begint per 1 %s als verzorgende IG in het avondteam."
               % (people[0].first, nw.first, "hij" if nw.sex == "M" else "zij", c.r.choice(["maart", "juni", "september", "november"])))(c.staff())),
        ("h2", "2. Rooster zomerperiode"),
        ("p", "Vakantieaanvragen vóór 1 april indienen bij de planner. In week 30 tot en met 33 zijn er nog gaten in de late diensten. Uitzendkrachten alleen na overleg met de teamleider."),
        ("h2", "3. Scholing"),
        ("p", "De verplichte BHV-herhaling is op %s. De e-learning medicatieveiligheid moet voor het eind van het kwartaal zijn afgerond; op dit moment heeft 60%% van het team dat gedaan." % c.d(d + D(days=21))),
        ("h2", "4. Verbouwing"),
        ("p", "Na de zomer worden de badkamers op de eerste verdieping vernieuwd. Tijdelijk wordt de logeerkamer ingericht als badkamer. De facilitaire dienst maakt een planning."),
        ("h2", "5. Rondvraag"),
        ("ul", ["Koffieautomaat in de teampost is kapot; melding is gedaan.", "Wie wil er meedenken over het zomerfeest? Graag bij %s melden." % people[2].first,
                "Parkeerplaatsen achter het gebouw zijn vanaf mei voor bezoekers."]),
        ("p", "Volgend overleg: %s, 14:00 uur." % c.d(d + D(days=28))),
    ]
    return {"title": "Notulen", "blocks": blocks}


def privacy_policy_nl(c):
    blocks = [
        ("h1", "Protocol gebruik burgerservicenummer (BSN)"),
        ("p", "Vastgesteld door de raad van bestuur van %s op %s." % (c.org[0], c.d(c.today - D(days=c.r.randint(100, 700))))),
        ("h2", "1. Doel"),
        ("p", "Zorgaanbieders zijn op grond van de Wet gebruik burgerservicenummer in de zorg (Wbsn-z) verplicht het BSN te gebruiken bij de verwerking van persoonsgegevens van cliënten. Dit protocol beschrijft hoe medewerkers daarmee omgaan."),
        ("h2", "2. Identificatie"),
        ("p", "Bij de eerste afspraak wordt de identiteit van de cliënt vastgesteld aan de hand van een geldig identiteitsbewijs. Het BSN wordt opgevraagd via de SBV-Z en niet overgetypt van een document."),
        ("h2", "3. Controle op juistheid"),
        ("p", "Een BSN bestaat uit negen cijfers en voldoet aan de zogeheten elfproef: vermenigvuldig de cijfers van links naar rechts met 9, 8, 7, 6, 5, 4, 3, 2 en -1 en tel de uitkomsten op. Is de som deelbaar door 11, dan is het nummer mogelijk geldig. Het systeem voert deze controle automatisch uit."),
        ("h2", "4. Verzenden"),
        ("p", "Een BSN wordt nooit via gewone e-mail verzonden. Gebruik de beveiligde mailfunctie of het cliëntportaal. Vermeld het BSN niet in de onderwerpregel."),
        ("h2", "5. Datalekken"),
        ("p", "Is een BSN per ongeluk naar de verkeerde ontvanger gestuurd, meld dit dan direct bij de functionaris gegevensbescherming via het meldformulier op intranet."),
        ("p", "Evaluatie van dit protocol: jaarlijks."),
    ]
    return {"title": "Protocol BSN", "blocks": blocks}


def newsletter_nl(c):
    org = c.r.choice(["Zorggroep De Linde", "Verpleeghuis Het Zonnehof", "Thuiszorg Kustregio", "Stichting Perspectief Wonen"])
    blocks = [
        ("h1", "Nieuwsbrief %s - %s %d" % (org, c.r.choice(["voorjaar", "zomer", "najaar", "winter"]), c.today.year)),
        ("h2", "Van de bestuurder"),
        ("p", "Beste collega's, vrijwilligers en betrokkenen. Het afgelopen kwartaal stond in het teken van de opening van onze nieuwe locatie. Ik ben trots op iedereen die daaraan heeft bijgedragen. De eerste bewoners zijn inmiddels verhuisd en de reacties zijn positief."),
        ("h2", "Griepprik"),
        ("p", "Ook dit jaar bieden we alle medewerkers met cliëntcontact een griepvaccinatie aan. De prikmomenten staan op intranet. Vorig jaar liet 41% van de medewerkers zich vaccineren; we hopen dit jaar op meer."),
        ("h2", "Jubilarissen"),
        ("p", "%s (25 jaar in dienst) en %s (12,5 jaar) werden in het zonnetje gezet met taart en bloemen. Van harte gefeliciteerd!" % (c.staff().name, c.staff().name)),
        ("h2", "Vrijwilligers gezocht"),
        ("p", "Voor de wandelgroep op woensdagmiddag en de bibliotheekkar zoeken we nieuwe vrijwilligers. Aanmelden bij het vrijwilligerspunt."),
        ("h2", "Agenda"),
        ("ul", ["%s: open dag, 10-15 uur" % c.d(c.today + D(days=20)), "%s: bewonersmarkt in de centrale hal" % c.d(c.today + D(days=60)),
                "%s: informatieavond mantelzorg" % c.d(c.today + D(days=35))]),
    ]
    return {"title": "Nieuwsbrief", "blocks": blocks}


def quarterly_stats_nl(c):
    deps = ["De Wilgen", "Klaproos", "Zonnedauw", "Berkenhof", "Thuiszorg Noord", "Thuiszorg Zuid"]
    rows = [["Afdeling", "Cliënten", "Valincidenten", "Medicatie-incidenten", "Decubitus (%)", "Gem. leeftijd"]]
    for d in deps:
        rows.append([d, str(c.r.randint(18, 140)), str(c.r.randint(0, 30)), str(c.r.randint(0, 25)), "%d,%d" % (c.r.randint(0, 9), c.r.randint(0, 9)), str(c.r.randint(74, 89))])
    blocks = [
        ("h1", "Kwartaalrapportage kwaliteit Q%d %d" % (c.r.randint(1, 4), c.today.year)),
        ("p", "Deze rapportage bevat geaggregeerde cijfers per afdeling. Aantallen kleiner dan vijf zijn niet herleidbaar weergegeven conform het privacybeleid."),
        ("table", rows),
        ("h2", "Analyse"),
        ("p", "Het aantal valincidenten is ten opzichte van het vorige kwartaal met %d%% gedaald. De stijging van medicatie-incidenten bij Thuiszorg Zuid hangt samen met de overgang naar het digitale aftekensysteem. De prevalentie van decubitus ligt onder het landelijk gemiddelde." % c.r.randint(5, 30)),
        ("h2", "Acties"),
        ("ul", ["extra instructie digitaal aftekenen voor invalkrachten", "valpreventieweek in oktober", "herhaling prevalentiemeting in het volgende kwartaal"]),
        ("p", "Opgesteld door de afdeling Kwaliteit & Veiligheid. Vragen: kwaliteit@%s" % c.org[3]),
    ]
    return {"title": "Kwartaalrapportage", "blocks": blocks}


def invoice_nl(c):
    inv = make_non_bsn(c.r, first=2)
    items = c.r.sample([("Incontinentiemateriaal maat M (pak 28)", 18.40), ("Nitril handschoenen M (doos 100)", 6.95),
                        ("Desinfectiemiddel handen 500 ml", 4.30), ("Wegwerpschorten (50 st)", 22.10),
                        ("Bedbeschermers 60x90 (pak 30)", 11.75), ("Mondkapjes type IIR (50 st)", 7.80),
                        ("Washandjes wegwerp (pak 50)", 3.95), ("Rolstoelkussen traagschuim", 89.00)], 5)
    rows = [["Omschrijving", "Aantal", "Prijs", "Totaal"]]
    total = 0.0
    for name, price in items:
        n = c.r.randint(2, 40)
        total += n * price
        rows.append([name, str(n), ("%.2f" % price).replace(".", ","), ("%.2f" % (n * price)).replace(".", ",")])
    vat = total * 0.21
    blocks = [
        ("lines", ["Medisupply Noord B.V.", "Industrieweg 41", "9403 AB Assen", "KvK %08d   BTW NL%sB01" % (c.r.randint(10**7, 10**8 - 1), make_non_bsn(c.r))]),
        ("lines", ["%s" % c.org[0], "t.a.v. crediteurenadministratie", c.org[1], c.org[2]]),
        ("h1", "Factuur"),
        ("kv", [("Factuurnummer", inv), ("Factuurdatum", c.d(c.today)), ("Klantnummer", "%06d" % c.r.randint(0, 999999)),
                ("Uw referentie", "PO-%d-%04d" % (c.today.year, c.r.randint(1, 9999)))]),
        ("table", rows),
        ("kv", [("Subtotaal", ("%.2f" % total).replace(".", ",")), ("BTW 21%", ("%.2f" % vat).replace(".", ",")),
                ("Te betalen", ("EUR %.2f" % (total + vat)).replace(".", ","))]),
        ("p", "Betaling binnen 30 dagen op NL%02d RABO %010d onder vermelding van het factuurnummer." % (c.r.randint(10, 99), c.r.randint(10**9, 10**10 - 1))),
    ]
    return {"title": "Factuur", "blocks": blocks}


def vacancy_nl(c):
    blocks = [
        ("h1", "Vacature: %s" % c.r.choice(["Wijkverpleegkundige niveau 5 (24-32 uur)", "Verzorgende IG (nachtdienst)", "GZ-psycholoog", "Persoonlijk begeleider gehandicaptenzorg"])),
        ("p", "%s zoekt een collega die het verschil wil maken voor mensen die zorg nodig hebben. Je werkt in een klein, zelfstandig team en hebt veel ruimte voor eigen initiatief." % c.org[0]),
        ("h2", "Wat ga je doen?"),
        ("ul", ["je stelt zorgplannen op samen met cliënten en hun naasten", "je indiceert zorg en coacht collega's", "je werkt nauw samen met huisartsen en de specialist ouderengeneeskunde"]),
        ("h2", "Wat vragen wij?"),
        ("ul", ["een afgeronde relevante opleiding en BIG-registratie", "rijbewijs B", "je bent flexibel en kunt ook af en toe in het weekend werken"]),
        ("h2", "Wat bieden wij?"),
        ("p", "Salaris volgens cao VVT, FWG %d (maximaal EUR %d,- bruto per maand), eindejaarsuitkering, een fiets van de zaak en volop opleidingsmogelijkheden." % (c.r.randint(35, 55), c.r.randint(3800, 5600))),
        ("p", "Solliciteren kan tot %s via de website. Een VOG is onderdeel van de procedure." % c.d(c.today + D(days=21))),
    ]
    return {"title": "Vacature", "blocks": blocks}


def fall_prevention_be(c):
    blocks = [
        ("h1", "Valpreventie bij ouderen"),
        ("p", "Eén op de drie 65-plussers valt minstens één keer per jaar. Een val kan zware gevolgen hebben, zoals een heupbreuk of angst om opnieuw te vallen. Gelukkig kan je veel vallen voorkomen."),
        ("h2", "Tips voor thuis"),
        ("ul", ["Zorg voor voldoende verlichting, ook 's nachts naar het toilet.", "Verwijder losse tapijten en snoeren.",
                "Draag stevige, gesloten schoenen.", "Laat je ogen regelmatig nakijken.",
                "Bespreek je medicatie met je huisarts of apotheker: sommige slaapmiddelen verhogen het valrisico."]),
        ("h2", "Blijf bewegen"),
        ("p", "Evenwichtsoefeningen en spierversterkende oefeningen verkleinen het valrisico. Vraag je kinesitherapeut naar een oefenprogramma of sluit aan bij een lokale beweeggroep van de gemeente."),
        ("p", "Deze brochure is een initiatief van %s in samenwerking met het Expertisecentrum Val- en fractuurpreventie." % c.org[0]),
    ]
    return {"title": "Valpreventie", "blocks": blocks}


def hospital_stay_fr(c):
    blocks = [
        ("h1", "Bien préparer votre hospitalisation"),
        ("p", "Vous allez être hospitalisé(e) %s. Cette brochure vous aide à préparer votre séjour." % c.r.choice(["à la Clinique Saint-Rémi", "au Centre hospitalier du Val de Meuse"])),
        ("h2", "Documents à emporter"),
        ("ul", ["votre carte d'identité électronique", "la lettre de votre médecin et les résultats d'examens récents", "la liste de vos médicaments",
                "les coordonnées de votre mutualité et, le cas échéant, de votre assurance hospitalisation"]),
        ("h2", "Le jour de l'admission"),
        ("p", "Présentez-vous à l'accueil central à l'heure indiquée. Si vous devez être à jeun, ne mangez plus rien à partir de minuit. Laissez vos bijoux et objets de valeur à la maison."),
        ("h2", "Frais"),
        ("p", "Le montant de l'acompte dépend du type de chambre choisi. Les suppléments d'honoraires ne sont pas autorisés en chambre commune."),
        ("p", "Pour toute question, le service des admissions est joignable du lundi au vendredi de 8 h à 17 h."),
    ]
    return {"title": "Brochure hospitalisation", "blocks": blocks}


def symposium_en(c):
    blocks = [
        ("h1", "Regional Care Symposium %d - Programme" % c.today.year),
        ("p", "Venue: Conference Centre De Hoorn, main hall. Date: %s. Registration from 08:30." % c.d(c.today + D(days=c.r.randint(20, 80)), 1)),
        ("table", [["Time", "Session", "Speaker"],
                   ["09:15", "Opening and welcome", c.staff().name],
                   ["09:30", "Keynote: Ten years of integrated community care", "Prof. %s" % c.staff().name],
                   ["10:30", "Coffee break", ""],
                   ["11:00", "Workshop A: Secure e-mail in daily practice", c.staff().name],
                   ["11:00", "Workshop B: Preventing falls in nursing homes", c.staff().name],
                   ["12:30", "Lunch", ""],
                   ["13:30", "Panel: Workforce shortages and digital care", "various"],
                   ["15:00", "Closing remarks and drinks", ""]]),
        ("p", "Accreditation has been requested for nurses and general practitioners (4 points). Vegetarian lunch available on request."),
    ]
    return {"title": "Programme", "blocks": blocks}


def medication_protocol_nl(c):
    blocks = [
        ("h1", "Werkinstructie: toedienen van medicatie via de digitale aftekenlijst"),
        ("kv", [("Versie", "%d.%d" % (c.r.randint(1, 4), c.r.randint(0, 9))), ("Eigenaar", "Commissie Medicatieveiligheid"), ("Geldig tot", c.d(c.today + D(days=365)))]),
        ("h2", "Stappen"),
        ("ul", ["Controleer de identiteit van de cliënt aan de hand van de foto in het systeem.",
                "Vergelijk naam, sterkte, tijdstip en toedieningswijze met de aftekenlijst (de vijf juiste: juiste cliënt, middel, dosis, tijd, wijze).",
                "Geef de medicatie en blijf erbij tot deze is ingenomen.",
                "Teken direct af. Niet gegeven? Kies een reden (geweigerd, niet aanwezig, misselijk) en informeer de EVV'er.",
                "Bij risicovolle medicatie (insuline, opiaten, antistolling) is een dubbele controle door een tweede bevoegde collega verplicht."]),
        ("h2", "Bij een fout"),
        ("p", "Neem bij twijfel contact op met de apotheek of de dienstdoende arts. Meld elke fout of bijna-fout in het MIC-systeem; een melding is bedoeld om van te leren, niet om te straffen."),
    ]
    return {"title": "Werkinstructie medicatie", "blocks": blocks}


def client_council_report_nl(c):
    blocks = [
        ("h1", "Jaarverslag cliëntenraad %d" % (c.today.year - 1)),
        ("p", "De cliëntenraad van %s behartigt de gezamenlijke belangen van cliënten. In het verslagjaar bestond de raad uit zeven leden; twee leden zijn afgetreden en er is één nieuw lid gestart." % c.org[0]),
        ("h2", "Adviezen"),
        ("ul", ["positief advies over de begroting", "verzwaard advies over de wijziging van de maaltijdvoorziening (warme maaltijd 's avonds)",
                "ongevraagd advies over de bereikbaarheid van de teams in het weekend"]),
        ("h2", "Thema's"),
        ("p", "Veel cliënten maakten zich zorgen over personeelstekort en wisselende gezichten. De raad heeft hierover twee keer met de bestuurder gesproken. In het tevredenheidsonderzoek gaven cliënten gemiddeld een %d,%d." % (c.r.randint(7, 8), c.r.randint(0, 9))),
        ("h2", "Vooruitblik"),
        ("p", "In het komende jaar wil de raad meer cliënten zelf aan het woord laten, onder meer via spreekuren op de locaties."),
    ]
    return {"title": "Jaarverslag cliëntenraad", "blocks": blocks}


def visiting_rules_nl(c):
    blocks = [
        ("h1", "Huisregels en bezoektijden"),
        ("p", "Welkom bij %s. Om het voor iedereen prettig te houden, vragen we u rekening te houden met de volgende afspraken." % c.org[0]),
        ("ul", ["Bezoek is welkom tussen 10:00 en 20:30 uur. Buiten deze tijden in overleg met de afdeling.",
                "Maximaal drie bezoekers tegelijk per kamer.",
                "Roken is niet toegestaan in en rond het gebouw.",
                "Huisdieren zijn welkom in de tuin en de ontmoetingsruimte, aangelijnd.",
                "Heeft u griep- of verkoudheidsklachten? Stel uw bezoek dan uit of draag een mondkapje."]),
        ("p", "Parkeren kan gratis op het terrein. Het restaurant is open van 11:00 tot 19:00 uur."),
    ]
    return {"title": "Huisregels", "blocks": blocks}


def cleaning_contract_be(c):
    blocks = [
        ("h1", "Offerte schoonmaakdiensten"),
        ("lines", ["Net & Fris BV", "Industriepark 12, 8500 Kortrijk", "Ondernemingsnummer 0%d.%03d.%03d" % (c.r.randint(400, 899), c.r.randint(0, 999), c.r.randint(0, 999))]),
        ("p", "Aan: %s, t.a.v. de facilitair verantwoordelijke" % c.org[0]),
        ("p", "Geachte, naar aanleiding van ons plaatsbezoek van %s bezorgen wij u graag onze offerte voor het onderhoud van de gemeenschappelijke ruimten en de kantoren." % c.d(c.today - D(days=9))),
        ("table", [["Onderdeel", "Frequentie", "Prijs per maand"],
                   ["Inkomhal en gangen", "dagelijks", "EUR 1.240,00"],
                   ["Kantoren (420 m²)", "3x per week", "EUR 860,00"],
                   ["Sanitair bezoekers", "dagelijks", "EUR 610,00"],
                   ["Ramen binnen/buiten", "per kwartaal", "EUR 395,00"]]),
        ("p", "Prijzen exclusief btw. Geldigheid van de offerte: 60 dagen. Onze medewerkers zijn opgeleid in het werken in zorginstellingen (hygiëneprotocol)."),
        ("p", "Met vriendelijke groeten, %s, accountmanager" % c.staff().name),
    ]
    return {"title": "Offerte", "blocks": blocks}


def meeting_minutes_fr(c):
    blocks = [
        ("h1", "Procès-verbal de la réunion du comité de direction"),
        ("kv", [("Date", c.d(c.today - D(days=c.r.randint(2, 12)), 1)), ("Présents", ", ".join(c.staff().name for _ in range(4))), ("Secrétaire", c.staff().name)]),
        ("h2", "1. Approbation du PV précédent"),
        ("p", "Le procès-verbal de la réunion précédente est approuvé sans remarque."),
        ("h2", "2. Budget"),
        ("p", "Le budget de fonctionnement présente un léger dépassement lié à l'indexation des salaires et à la hausse des prix de l'énergie. Une révision sera présentée au conseil d'administration."),
        ("h2", "3. Ressources humaines"),
        ("p", "Quatre postes d'infirmier(ère) restent vacants. Une campagne de recrutement commune avec les autres institutions de la région sera lancée en septembre."),
        ("h2", "4. Divers"),
        ("p", "Le nouveau système de badges sera installé pendant les vacances de Pâques."),
    ]
    return {"title": "PV réunion", "blocks": blocks}


def annual_figures_en(c):
    rows = [["Indicator", str(c.today.year - 2), str(c.today.year - 1)]]
    for name in ["Admissions", "Outpatient visits", "Average length of stay (days)", "Emergency department attendances", "Readmissions within 30 days (%)", "Patient satisfaction (1-10)"]:
        a = c.r.randint(7, 9) if "1-10" in name else c.r.randint(3, 9) if "(%)" in name or "days" in name else c.r.randint(3000, 90000)
        b = a + (c.r.randint(-1, 1) if a < 20 else c.r.randint(-2000, 4000))
        rows.append([name, str(a), str(b)])
    blocks = [
        ("h1", "Key figures %d" % (c.today.year - 1)),
        ("p", "This summary of aggregated activity data accompanies the annual report. No individual patient data are included."),
        ("table", rows),
        ("p", "Most common reasons for admission were respiratory infections, heart failure and hip fractures. Waiting times for orthopaedic surgery fell by three weeks."),
    ]
    return {"title": "Key figures", "blocks": blocks}


def sample_letter_template_nl(c):
    """A template with placeholders only."""
    blocks = [
        ("lines", ["[Naam organisatie]", "[Adres]"]),
        ("p", "Aan: [naam huisarts]"),
        ("p", "Betreft: [naam cliënt], geboren [geboortedatum], BSN [burgerservicenummer]"),
        ("p", "Geachte collega,"),
        ("p", "Uw patiënt(e) werd van [datum] tot [datum] bij ons opgenomen in verband met [reden van opname]. [Beloop]. [Conclusie]."),
        ("p", "Medicatie bij ontslag: [overzicht]. Vervolgafspraken: [afspraken]."),
        ("p", "Met collegiale groet, [naam behandelaar], [functie]"),
        ("p", "Toelichting bij dit sjabloon: velden tussen vierkante haken invullen vanuit het EPD; het sjabloon zelf bevat nooit gegevens van cliënten."),
    ]
    return {"title": "Sjabloon ontslagbrief", "blocks": blocks}


def flu_letter_nl(c):
    blocks = [
        ("lines", [c.r.choice(["Zorggroep De Linde", "Verpleeghuis Het Zonnehof"]), "Team Specialist Ouderengeneeskunde"]),
        ("p", "Aan alle bewoners en hun contactpersonen"),
        ("h1", "Griepvaccinatie %d" % c.today.year),
        ("p", "Beste bewoner, beste familie,"),
        ("p", "Ook dit najaar kunnen alle bewoners een griepprik krijgen. De griep kan bij ouderen ernstig verlopen, bijvoorbeeld met een longontsteking. De prik verkleint die kans. U kunt de griep niet krijgen van de prik zelf; wel kan de arm een dag wat pijnlijk zijn."),
        ("p", "De vaccinatie wordt gegeven op %s en %s op de eigen afdeling. Wilt u geen griepprik? Geef dit dan vóór %s door aan de verpleging. Heeft u eerder een allergische reactie gehad op een vaccin, meld dit dan ook."
         % (c.d(c.today + D(days=20), 1), c.d(c.today + D(days=22), 1), c.d(c.today + D(days=10), 1))),
        ("p", "Met vriendelijke groet,"),
        ("p", "namens de specialisten ouderengeneeskunde, %s" % c.staff().name),
    ]
    return {"title": "Griepvaccinatie", "blocks": blocks}


def info_evening_be(c):
    spk = c.staff_group(3)
    blocks = [
        ("h1", "Uitnodiging infoavond: leven met dementie"),
        ("p", "%s nodigt familieleden, mantelzorgers en buren uit op een infoavond over dementie op %s om 19.30 uur in de cafetaria." % (c.r.choice(["WZC Hof ter Linden", "Dagverzorgingscentrum De Meersen"]), c.d(c.today + D(days=c.r.randint(14, 40)), 1))),
        ("h2", "Programma"),
        ("ul", ["Wat is dementie en hoe evolueert het? - Dr. %s, geriater" % spk[0].name,
                "Omgaan met moeilijk gedrag in het dagelijks leven - %s, referentiepersoon dementie" % spk[1].name,
                "Waar vind je ondersteuning? Het Expertisecentrum Dementie en de mutualiteit - %s, sociaal werker" % spk[2].name,
                "Vragenronde en drankje"]),
        ("p", "Inschrijven is gratis maar wel gewenst, via het onthaal of per e-mail. Wie wil, kan achteraf in alle rust een gesprek hebben met een van de sprekers."),
    ]
    return {"title": "Infoavond", "blocks": blocks}


def email_policy_en(c):
    blocks = [
        ("h1", "Policy: sending personal health information by e-mail"),
        ("kv", [("Owner", "Information Governance"), ("Applies to", "all staff, contractors and volunteers"), ("Review date", c.d(c.today + D(days=365), 1))]),
        ("h2", "1. Why this matters"),
        ("p", "Health information is a special category of personal data under the GDPR. A misdirected e-mail about a patient is one of the most common data breaches reported in health and social care."),
        ("h2", "2. Rules"),
        ("ul", ["Send patient-identifiable information only through the secure e-mail gateway or the patient portal.",
                "Never put a name, date of birth or national identifier in the subject line.",
                "Check the recipient's address before sending; do not rely on auto-complete.",
                "Attachments that contain patient information must be sent the same way as the message itself."]),
        ("h2", "3. If something goes wrong"),
        ("p", "Report any suspected breach to the Data Protection Officer within 24 hours using the incident form. Do not try to recall the message yourself."),
    ]
    return {"title": "E-mail policy", "blocks": blocks}


def menu_nl(c):
    days = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
    dishes = ["hachee met rode kool en aardappelen", "kibbeling met remoulade en frites", "stamppot boerenkool met rookworst",
              "kip kerrie met rijst", "vegetarische lasagne", "visstoofpot met puree", "gehaktbal met sperziebonen", "erwtensoep met roggebrood",
              "zalm met spinazie en krieltjes", "macaroni met ham en kaas"]
    rows = [["Dag", "Hoofdgerecht", "Zoutarm / diabetisch", "Gemalen / vloeibaar"]]
    for d, dish in zip(days, c.r.sample(dishes, 7)):
        rows.append([d, dish, "ja", "op aanvraag"])
    blocks = [
        ("h1", "Weekmenu week %d" % c.today.isocalendar()[1]),
        ("p", "Keuken %s. Dieetwensen en allergieën worden per bewoner in het voedingsdossier bijgehouden; wijzigingen graag doorgeven aan de voedingsassistent." % c.r.choice(["De Linde", "Het Zonnehof", "Hof ter Linden"])),
        ("table", rows),
        ("p", "Dessert: vla, yoghurt of fruit naar keuze. Op zondag gebak bij de koffie."),
    ]
    return {"title": "Weekmenu", "blocks": blocks}


TEXT_CLEAN = [
    ("nl", leaflet_diabetes_nl), ("nl", blank_intake_form_nl), ("nl", team_minutes_nl),
    ("nl", privacy_policy_nl), ("nl", newsletter_nl), ("nl", quarterly_stats_nl),
    ("nl", invoice_nl), ("nl", vacancy_nl), ("be", fall_prevention_be),
    ("fr", hospital_stay_fr), ("en", symposium_en), ("nl", medication_protocol_nl),
    ("nl", client_council_report_nl), ("nl", visiting_rules_nl), ("be", cleaning_contract_be),
    ("fr", meeting_minutes_fr), ("en", annual_figures_en), ("nl", sample_letter_template_nl),
    ("nl", flu_letter_nl), ("be", info_evening_be), ("en", email_policy_en), ("nl", menu_nl),
]


# --------------------------------------------------------------------------
# Clean workbooks
# --------------------------------------------------------------------------

def sheet_roster(c):
    days = [c.today + D(days=k) for k in range(7)]
    rows = [["Medewerker", "Functie"] + [d for d in days]]
    for _ in range(c.r.randint(10, 16)):
        s = c.staff()
        rows.append([s.name, c.r.choice(["VIG", "verpleegkundige", "helpende", "leerling", "teamleider"])] + [c.r.choice(["V", "L", "N", "D", "-", "-"]) for _ in days])
    legend = [["Code", "Dienst", "Tijden"], ["V", "vroeg", "07:00-15:30"], ["D", "dag", "08:30-17:00"], ["L", "laat", "15:00-23:15"], ["N", "nacht", "23:00-07:15"], ["-", "vrij", ""]]
    return {"sheets": [("Rooster week %d" % days[0].isocalendar()[1], rows), ("Legenda", legend)]}


def sheet_order_list(c):
    rows = [["Artikelnr", "Omschrijving", "Eenheid", "Aantal", "Prijs per eenheid", "Totaal"]]
    arts = [("Handschoenen nitril M", "doos 100", 6.95), ("Handalcohol 500 ml", "fles", 4.30), ("Verbandgaas 10x10", "pak 100", 8.20),
            ("Spuiten 2 ml", "doos 100", 11.40), ("Naalden 23G", "doos 100", 7.10), ("Urinezakken 2 l", "doos 10", 9.90),
            ("Celstofmatjes", "pak 50", 5.60), ("Thermometerhoesjes", "doos 200", 12.00), ("Bloedglucosestrips", "doos 50", 19.50)]
    for a in c.r.sample(arts, c.r.randint(5, 9)):
        n = c.r.randint(1, 30)
        rows.append([int(make_non_bsn(c.r)[:6]), a[0], a[1], n, a[2], round(n * a[2], 2)])
    return {"sheets": [("Bestelling", rows)]}


def sheet_aggregate_stats(c):
    rows = [["Regio", "Jaar", "Aantal cliënten", "Gem. leeftijd", "% dementie", "% diabetes", "Valincidenten per 1000 ligdagen"]]
    for reg in ["Noord", "Oost", "Zuid", "West", "Centrum"]:
        for y in (c.today.year - 2, c.today.year - 1):
            rows.append([reg, y, c.r.randint(120, 900), round(c.r.uniform(76, 86), 1), round(c.r.uniform(30, 70), 1), round(c.r.uniform(15, 30), 1), round(c.r.uniform(2, 9), 2)])
    return {"sheets": [("Kerncijfers", rows), ("Bron", [["Bron: eigen registratie, geaggregeerd. Geen cliëntgegevens."]])]}


def sheet_budget(c):
    rows = [["Kostenpost", "Begroting", "Realisatie t/m Q%d" % c.r.randint(1, 3), "Verschil"]]
    for k in ["Personeel in loondienst", "Personeel niet in loondienst", "Voeding", "Energie", "Onderhoud", "Huur", "Opleidingen", "ICT", "Medische hulpmiddelen"]:
        b = c.r.randint(20000, 2500000)
        r = int(b * c.r.uniform(0.5, 1.1))
        rows.append([k, b, r, b - r])
    return {"sheets": [("Begroting %d" % c.today.year, rows)]}


def sheet_medicine_stock(c):
    rows = [["Middel", "Sterkte", "Voorraad", "Minimum", "Vervaldatum", "Locatie"]]
    for m in c.r.sample([("Paracetamol", "500 mg"), ("Ibuprofen", "400 mg"), ("Oxazepam", "10 mg"), ("Morfine drank", "2 mg/ml"),
                         ("Midazolam neusspray", "5 mg/dosis"), ("Glucagon", "1 mg"), ("Adrenaline auto-injector", "0,3 mg"),
                         ("Haloperidol", "1 mg"), ("Fraxiparine", "2850 IE"), ("Salbutamol inhalator", "100 mcg")], 7):
        rows.append([m[0], m[1], c.r.randint(0, 60), c.r.randint(5, 15), c.today + D(days=c.r.randint(30, 700)), c.r.choice(["medicijnkast A", "koelkast", "opiatenkast", "noodkoffer"])])
    return {"sheets": [("Voorraad", rows)]}


def sheet_training_plan(c):
    rows = [["Medewerker", "Team", "Cursus", "Datum", "Status"]]
    for _ in range(c.r.randint(10, 18)):
        s = c.staff()
        rows.append([s.name, c.r.choice(["Noord", "Zuid", "Nacht"]), c.r.choice(["BHV herhaling", "Reanimatie/AED", "Voorbehouden handelingen", "Agressiehantering", "Privacy e-learning"]),
                     c.today + D(days=c.r.randint(-40, 90)), c.r.choice(["gepland", "afgerond", "niet gestart"])])
    return {"sheets": [("Scholing", rows)]}


def sheet_contacts_be(c):
    rows = [["Dienst", "Contactpersoon", "Telefoon", "E-mail", "Bereikbaar"]]
    for d in ["Huisartsenwachtpost", "Apotheek van wacht", "Thuisverpleging", "Sociale dienst OCMW", "Technische dienst", "Keuken", "Onthaal"]:
        s = c.staff()
        rows.append([d, s.name, "0%d %02d %02d %02d" % (c.r.randint(10, 99), c.r.randint(0, 99), c.r.randint(0, 99), c.r.randint(0, 99)),
                     "%s@%s" % (d.split()[0].lower(), c.org[3]), c.r.choice(["24/7", "ma-vr 8-17", "weekdagen"])])
    return {"sheets": [("Contacten", rows)]}


def sheet_meeting_plan_fr(c):
    rows = [["Date", "Réunion", "Lieu", "Responsable"]]
    for k in range(c.r.randint(6, 10)):
        rows.append([c.today + D(days=14 * k), c.r.choice(["Comité de direction", "Conseil d'entreprise", "Réunion d'équipe", "Comité qualité", "Formation incendie"]),
                     c.r.choice(["Salle A", "Salle du conseil", "Visioconférence"]), c.staff().name])
    return {"sheets": [("Planning", rows)]}


def sheet_waiting_times_en(c):
    rows = [["Specialty", "Median wait (weeks)", "Patients waiting", "Target (weeks)"]]
    for s in ["Orthopaedics", "Ophthalmology", "Dermatology", "Cardiology", "Mental health (adult)", "Paediatrics"]:
        rows.append([s, c.r.randint(2, 20), c.r.randint(40, 900), 6 if s != "Orthopaedics" else 12])
    return {"sheets": [("Waiting times", rows)]}


def sheet_occupancy(c):
    months = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
    rows = [["Afdeling", "Bedden"] + months]
    for d in ["Somatiek 1", "Somatiek 2", "PG De Wilgen", "PG Klaproos", "Revalidatie", "Hospice"]:
        beds = c.r.randint(8, 32)
        rows.append([d, beds] + [round(c.r.uniform(0.78, 1.0), 3) for _ in months])
    return {"sheets": [("Bezetting %d" % (c.today.year - 1), rows)]}


def sheet_staff_phone(c):
    rows = [["Naam", "Functie", "Toestel", "Mobiel", "Werkdagen"]]
    for s in c.staff_group(c.r.randint(10, 16)):
        rows.append([s.name, c.r.choice(["teamleider", "planner", "secretaresse", "verpleegkundige", "SOG", "ergotherapeut", "fysiotherapeut", "geestelijk verzorger"]),
                     c.r.randint(2000, 2999), "06-%08d" % c.r.randint(10000000, 99999999), c.r.choice(["ma-vr", "ma/di/do", "wo-vr", "wisselend"])])
    return {"sheets": [("Telefoonlijst", rows)]}


SHEET_CLEAN = [
    ("nl", sheet_roster), ("nl", sheet_order_list), ("nl", sheet_aggregate_stats),
    ("nl", sheet_budget), ("nl", sheet_medicine_stock), ("nl", sheet_training_plan),
    ("be", sheet_contacts_be), ("fr", sheet_meeting_plan_fr), ("en", sheet_waiting_times_en),
    ("nl", sheet_occupancy), ("nl", sheet_staff_phone),
]
