"""Clean text documents: patient information leaflets, blank forms, policy
documents, minutes without client data, course material, vacancies,
invoices, aggregated statistics. Hard negatives: health words, field
labels such as BSN and Diagnose, staff names and phone numbers - but no
person's health data and no person's national identifier."""

import ids
from common import newdoc
from ctx import letterhead
from reg import tpl


@tpl("nl-folder-griepprik", "nl", "text", "clean")
def folder_griep(c):
    org, dom = c.org(c.pick(["gp", "gp2"]))
    doc = newdoc(c, author=c.staff().full(), title="Griepprik")
    letterhead(doc, c, org, domain=dom, style=c.pick(["left", "plain"]))
    doc.p(c.pick(["De griepprik %d" % c.today.year, "Informatie over de griepprik", "Griepvaccinatie: wat u moet weten"]), "title")
    doc.p("Elk najaar krijgen mensen met een verhoogd risico op complicaties een uitnodiging voor de griepprik. Griep (influenza) is een besmettelijke ziekte die wordt veroorzaakt door een virus. De meeste mensen zijn na een week weer beter, maar voor sommigen kan griep gevaarlijk zijn.")
    doc.h("Wie krijgt een uitnodiging?", 2)
    doc.bullets(["Iedereen van 60 jaar en ouder", "Volwassenen en kinderen met een chronische aandoening aan hart of longen", "Mensen met diabetes of een nierziekte",
                 "Mensen met een verminderde weerstand, bijvoorbeeld door chemotherapie", "Zwangeren in het tweede of derde trimester"])
    doc.h("Bijwerkingen", 2)
    doc.p("Na de prik kan uw arm een paar dagen pijnlijk of rood zijn. Soms voelt u zich wat grieperig of krijgt u lichte koorts. Dat gaat vanzelf over. U kunt geen griep krijgen van de griepprik.")
    doc.h("Wanneer niet?", 2)
    doc.p("Heeft u op de dag van de vaccinatie koorts boven de 38,5 °C? Kom dan op een later moment. Bent u ernstig allergisch voor kippeneiwit, overleg dan eerst met de doktersassistente.")
    doc.h("Praktisch", 2)
    doc.p("Vaccinatiemiddag: %s van 13.30 tot 17.00 uur in %s. Neem uw uitnodiging mee. Kunt u niet komen? Bel de assistente via %s." % (c.dn(c.rng.randint(5, 25), "long"), c.pick(["de sporthal", "het wijkcentrum", "de praktijk"]), c.phone()))
    doc.p("Meer informatie: www.rivm.nl en www.thuisarts.nl", "s")
    return doc


@tpl("nl-folder-diabetes-voeding", "nl", "text", "clean", flags=("table",))
def folder_diabetes(c):
    org, dom = c.org(c.pick(["gp", "hosp", "extorg"]))
    doc = newdoc(c, author=c.staff().full())
    letterhead(doc, c, org, domain=dom)
    doc.p(c.pick(["Diabetes en voeding", "Gezond eten met diabetes type 2", "Patiënteninformatie: voeding bij diabetes"]), "title")
    doc.p("Bij diabetes type 2 reageert uw lichaam minder goed op insuline. Met gezonde voeding, voldoende beweging en soms medicijnen kunt u uw bloedsuiker goed regelen. In deze folder leest u waar u op kunt letten.")
    doc.h("Koolhydraten", 2)
    doc.p("Koolhydraten verhogen uw bloedsuiker. Ze zitten in brood, aardappelen, rijst, pasta, fruit, melkproducten en suiker. U hoeft ze niet te schrappen, maar verdeel ze over de dag en kies voor volkoren producten.")
    doc.table([["Kies vaker", "Kies minder vaak"], ["Volkorenbrood", "Witbrood, krentenbollen"], ["Water, thee zonder suiker", "Frisdrank, vruchtensap"],
               ["Groente (250 gram per dag)", "Chips, koek"], ["Ongezouten noten", "Snoep"]], widths=(8, 8))
    doc.h("Hypo", 2)
    doc.p("Gebruikt u insuline of tabletten die de alvleesklier stimuleren (zoals gliclazide)? Dan kan uw bloedsuiker te laag worden: een hypo. Verschijnselen zijn trillen, zweten, hartkloppingen en honger. Neem direct 3 tot 4 tabletten druivensuiker en meet na 15 minuten opnieuw.")
    doc.p("Vragen? Maak een afspraak met de praktijkondersteuner of de diëtist.", "i")
    return doc


@tpl("nl-folder-dementie-mantelzorg", "nl", "text", "clean", flags=("page2",))
def folder_dementie(c):
    org, dom = c.org(c.pick(["vvt", "news"]))
    doc = newdoc(c, author=c.staff().full())
    doc.p(org, "lh")
    doc.p(c.pick(["Omgaan met dementie - tips voor mantelzorgers", "Als uw naaste dementie heeft", "Mantelzorg bij dementie"]), "title")
    doc.p("Dementie is een verzamelnaam voor meer dan vijftig ziekten, waarvan de ziekte van Alzheimer de bekendste is. In Nederland hebben ongeveer 290.000 mensen dementie. De meesten wonen thuis en worden verzorgd door een partner of kind.")
    doc.h("Veranderingen in gedrag", 2)
    doc.p("Mensen met dementie kunnen onrustig, achterdochtig of somber worden. Dat komt door de ziekte en is niet tegen u gericht. Probeer rustig te blijven, korte zinnen te gebruiken en niet in discussie te gaan.")
    doc.h("Tips", 2)
    doc.bullets(["Houd een vaste dagstructuur aan", "Gebruik een grote kalender of dagklok", "Zorg voor voldoende licht in huis, ook 's nachts", "Vraag op tijd hulp: casemanager dementie, dagbesteding, respijtzorg",
                 "Zorg ook voor uzelf: plan momenten voor ontspanning"])
    doc.h("Waar vindt u hulp?", 2)
    doc.p("De huisarts kan u doorverwijzen naar een casemanager dementie. Bij het Alzheimer Café kunt u ervaringen delen. De Dementielijn is dag en nacht bereikbaar.")
    doc.p("Deze folder is bedoeld als algemene informatie en vervangt geen advies van uw arts.", "s")
    return doc


@tpl("nl-folder-wondzorg-thuis", "nl", "text", "clean")
def folder_wond(c):
    org, dom = c.org(c.pick(["thuis", "hosp"]))
    doc = newdoc(c, author=c.staff().full())
    letterhead(doc, c, org, domain=dom)
    doc.p("Zelf uw wond verzorgen", "title")
    doc.p("U heeft een wond die thuis verder moet genezen. Deze folder legt uit hoe u de wond verzorgt en wanneer u contact opneemt.")
    doc.h("Verband verwisselen", 2)
    doc.bullets(["Was uw handen met water en zeep", "Verwijder het oude verband voorzichtig", "Spoel de wond met lauw kraanwater", "Dep de huid rondom droog", "Breng het nieuwe verband aan zoals de verpleegkundige heeft voorgedaan"], numbered=True)
    doc.h("Neem contact op bij", 2)
    doc.bullets(["Koorts boven 38,5 °C", "Toenemende roodheid, zwelling of pijn", "Pus of een vieze geur", "Bloeding die niet stopt na 10 minuten drukken"])
    doc.p("Bereikbaar: %s (dag), buiten kantoortijd de huisartsenpost." % c.phone())
    return doc


@tpl("nl-formulier-aanmelding-leeg", "nl", "text", "clean", flags=("table",), note="blank form with field labels")
def form_leeg(c):
    org, dom = c.org(c.pick(["vvt", "ggz", "thuis", "ghz"]))
    doc = newdoc(c, author=c.staff().full())
    letterhead(doc, c, org, domain=dom)
    doc.p(c.pick(["Aanmeldformulier nieuwe cliënt", "Aanmeldformulier", "Intakeformulier (in te vullen door verwijzer)"]), "title")
    doc.p("Vul dit formulier volledig in en stuur het via beveiligde e-mail of Zorgmail naar het aanmeldbureau. Onvolledige aanmeldingen worden niet in behandeling genomen.", "i")
    lab = c.pick(["blank", "line"])
    f = (lambda k: [k, ""]) if lab == "blank" else (lambda k: [k, "_" * 30])
    rows = [f(k) for k in ["Naam", "Voorletters", "Geboortedatum", "BSN", "Adres", "Postcode en woonplaats", "Telefoon", "Zorgverzekeraar en polisnummer",
                            "Huisarts", "Diagnose / reden van aanmelding", "Medicatie (of medicatieoverzicht bijvoegen)", "Allergieën", "Contactpersoon", "Indicatie (Wlz/Wmo/Zvw)"]]
    doc.table(rows, head=False, widths=(6.5, 10), border=True)
    doc.p("Handtekening verwijzer: ______________________     Datum: ____-____-________")
    doc.p("Het BSN is verplicht op grond van de Wet gebruik burgerservicenummer in de zorg. Wij controleren het BSN en de identiteit bij het eerste contact.", "s")
    return doc


@tpl("nl-formulier-mic-leeg", "nl", "text", "clean", flags=("table",), note="blank incident form")
def form_mic(c):
    org = c.org(c.pick(["vvt", "ghz"]))[0]
    doc = newdoc(c, author=c.staff().full())
    doc.p(org, "lh")
    doc.p("Meldingsformulier incident cliëntenzorg (MIC) - versie %d.%d" % (c.rng.randint(2, 5), c.rng.randint(0, 9)), "title")
    doc.p("Gebruik dit formulier alleen als het digitale meldsysteem niet beschikbaar is.", "i")
    doc.table([["Datum incident:", "", "Tijdstip:", ""], ["Naam cliënt:", "", "Geboortedatum:", ""], ["Afdeling:", "", "Kamer:", ""],
               ["Soort incident:", "☐ val  ☐ medicatie  ☐ agressie  ☐ overig", "", ""], ["Letsel:", "☐ geen  ☐ licht  ☐ ernstig", "", ""]], head=False, widths=(3.5, 6, 3, 4))
    doc.p("Beschrijving (wat, waar, hoe):\n\n\n\n")
    doc.p("Genomen maatregelen:\n\n\n")
    doc.p("Arts geïnformeerd  ☐ ja  ☐ nee        Familie geïnformeerd  ☐ ja  ☐ nee")
    doc.p("Naam melder: ____________________   Functie: ____________________")
    doc.p("Lever het formulier in bij de MIC-commissie (postvak %s). De commissie analyseert meldingen anoniem en rapporteert per kwartaal." % c.pick(["A12", "kwaliteit", "3e verdieping"]), "s")
    return doc


@tpl("nl-werkinstructie-bsn", "nl", "text", "clean", flags=("page2",), note="policy about handling BSN")
def beleid_bsn(c):
    org, dom = c.org(c.pick(["vvt", "hosp", "ggz", "thuis"]))
    doc = newdoc(c, author=c.staff().full(), page_numbers="Pagina")
    letterhead(doc, c, org, domain=dom, style="header")
    doc.p(c.pick(["Werkinstructie: gebruik van het BSN", "Procedure identificatie en BSN-verificatie", "Beleid burgerservicenummer (BSN)"]), "title")
    doc.kv([("Versie", "%d.%d" % (c.rng.randint(1, 4), c.rng.randint(0, 9))), ("Vastgesteld", c.dn(-c.rng.randint(30, 400))), ("Eigenaar", "Functionaris gegevensbescherming"), ("Doelgroep", "alle medewerkers cliëntadministratie en zorg")])
    doc.h("1. Doel", 2)
    doc.p("Deze werkinstructie beschrijft hoe medewerkers het burgerservicenummer (BSN) van cliënten vastleggen, controleren en gebruiken, conform de Wet gebruik burgerservicenummer in de zorg (Wbsn-z) en de AVG.")
    doc.h("2. Identificatie", 2)
    doc.p("Bij het eerste contact stelt de medewerker de identiteit van de cliënt vast aan de hand van een geldig identiteitsbewijs (paspoort, identiteitskaart of rijbewijs). Het documentnummer en het soort document worden vastgelegd. Een kopie van het identiteitsbewijs wordt niet bewaard.")
    doc.h("3. Verificatie via de SBV-Z", 2)
    doc.p("Het BSN wordt geverifieerd via de Sectorale Berichtenvoorziening in de Zorg (SBV-Z). Wijkt de naam of geboortedatum af, neem dan contact op met de cliënt en leg niets vast voordat de afwijking is opgelost.")
    doc.h("4. Gebruik in correspondentie", 2)
    doc.bullets(["Vermeld het BSN alleen als dat wettelijk verplicht of noodzakelijk is (bijvoorbeeld declaraties, verwijzingen)", "Verstuur het BSN nooit via gewone e-mail; gebruik beveiligde e-mail of Zorgmail",
                 "Gebruik in interne overleggen het cliëntnummer in plaats van het BSN", "Bij twijfel: overleg met de privacy officer"])
    doc.h("5. Datalekken", 2)
    doc.p("Is een BSN per ongeluk naar een verkeerde ontvanger gestuurd? Meld dit dan binnen 24 uur via het meldpunt datalekken (toestel %s). De privacy officer beoordeelt of melding bij de Autoriteit Persoonsgegevens nodig is." % c.rng.randint(2000, 8999))
    return doc


@tpl("nl-notulen-teamoverleg", "nl", "text", "clean", note="minutes without client data")
def notulen(c):
    org = c.org(c.pick(["vvt", "thuis", "ggz", "hosp"]))[0]
    staff = [c.staff() for _ in range(6)]
    doc = newdoc(c, author=staff[0].full())
    doc.p(c.pick(["Notulen teamoverleg", "Verslag werkoverleg", "Notulen teamvergadering %s" % c.ward()]), "title")
    doc.p("Datum: %s, %s - %s\nAanwezig: %s\nAfwezig met bericht: %s\nNotulist: %s" % (c.dn(-c.rng.randint(1, 5)), c.time(14, 0), c.time(15, 30), ", ".join(s.first for s in staff[:5]), staff[5].first, staff[1].first))
    doc.h("1. Opening en mededelingen", 2)
    doc.p(c.pick(["%s gaat vanaf volgende maand naar het nachtteam; de vervanging wordt nog geregeld." % staff[2].first, "Welkom aan %s, nieuwe collega in het avondteam." % staff[3].first,
                  "Het ziekteverzuim van het team was het afgelopen kwartaal %.1f%%, iets lager dan vorig jaar." % c.rng.uniform(4, 9)]))
    doc.h("2. Rooster", 2)
    doc.p("Er zijn nog open diensten in de zomerperiode. Graag voor %s je wensen doorgeven aan de planner. Ruilen alleen via het roosterprogramma." % c.dn(14, "long"))
    doc.h("3. Scholing", 2)
    doc.p("De verplichte scholing voorbehouden handelingen (katheteriseren, injecteren) is op %s. Inschrijven via het leerplein. De BHV-herhaling staat gepland in %s." % (c.dn(20), c.pick(["oktober", "november", "maart"])))
    doc.h("4. Kwaliteit", 2)
    doc.p("Uitkomst medicatie-audit: de aftekenlijsten waren in %d%% van de gevallen volledig. Aandachtspunt: zo-nodig-medicatie altijd met reden registreren. Het aantal MIC-meldingen is stabiel; de commissie bespreekt de trends in het volgende overleg." % c.rng.randint(80, 97))
    doc.h("5. Rondvraag", 2)
    doc.p(c.pick(["De koffieautomaat wordt volgende week vervangen.", "Kan iemand de EHBO-koffer controleren?", "Geen punten."]))
    doc.p("Volgend overleg: %s" % c.dn(c.rng.randint(20, 35)), "i")
    return doc


@tpl("nl-cursus-medicatieveiligheid", "nl", "text", "clean", flags=("page2", "table"), note="course material")
def cursus_med(c):
    org = c.org(c.pick(["vvt", "hosp", "thuis"]))[0]
    doc = newdoc(c, author=c.staff().full(), page_numbers="Pagina")
    doc.p(org + " - Leerhuis", "lh")
    doc.p(c.pick(["Module medicatieveiligheid", "Scholing: veilig medicatie toedienen", "E-learning medicatie - hand-out"]), "title")
    doc.p("Leerdoelen: na deze module ken je de 7 juiste's, weet je hoe je een medicatie-incident meldt en kun je de risico's van high-risk medicatie benoemen.")
    doc.h("De 7 juiste's", 2)
    doc.bullets(["Juiste cliënt", "Juiste medicijn", "Juiste dosis", "Juiste tijdstip", "Juiste toedieningsweg", "Juiste registratie", "Juiste informatie"], numbered=True)
    doc.h("High-risk medicatie", 2)
    doc.table([["Groep", "Voorbeeld", "Risico"], ["Antistolling", "acenocoumarol, apixaban", "bloedingen"], ["Insuline", "insuline aspart", "hypoglykemie"],
               ["Opiaten", "oxycodon, fentanylpleister", "ademdepressie, sufheid"], ["Methotrexaat", "1x per week!", "beenmergdepressie bij dagelijkse inname"]], widths=(4, 6, 6))
    doc.h("Oefencasus", 2)
    doc.p("Een bewoner van 84 jaar met hartfalen krijgt furosemide om 8.00 uur. Om 9.30 uur vind je de tablet nog op het nachtkastje. Wat doe je? Bespreek in tweetallen: geef je de tablet alsnog, wie informeer je en hoe registreer je dit?")
    doc.p("Deze casus is fictief.", "s")
    doc.h("Toets", 2)
    doc.p("Maak de toets in het leerplatform. Je hebt 70% goed nodig. Vragen? Mail de praktijkopleider.")
    return doc


@tpl("nl-vacature-verpleegkundige", "nl", "text", "clean", note="job vacancy")
def vacature(c):
    org, dom = c.org(c.pick(["vvt", "thuis", "ggz", "hosp"]))
    rec = c.staff()
    doc = newdoc(c, author=rec.full())
    letterhead(doc, c, org, domain=dom)
    role = c.pick(["Verpleegkundige (niveau 4/5)", "Wijkverpleegkundige", "Verzorgende IG", "Sociaal psychiatrisch verpleegkundige", "Specialist ouderengeneeskunde"])
    doc.p("Vacature: %s" % role, "title")
    doc.p("%d - %d uur per week | %s | %s" % (c.rng.randint(16, 24), c.rng.randint(28, 36), c.city(), c.pick(["CAO VVT", "CAO GGZ", "CAO Ziekenhuizen"])), "b")
    doc.h("Wat ga je doen?", 2)
    doc.p("Je bent het aanspreekpunt voor cliënten en hun naasten. Je signaleert veranderingen in de gezondheid, stelt zorgplannen op en voert voorbehouden handelingen uit zoals injecteren, katheteriseren en wondzorg. Je werkt nauw samen met de huisarts, de specialist ouderengeneeskunde en de fysiotherapeut.")
    doc.h("Wie ben jij?", 2)
    doc.bullets(["Diploma verpleegkunde (mbo 4 of hbo) en BIG-registratie", "Je werkt graag zelfstandig en in een team", "Je bent flexibel inzetbaar, ook in het weekend", "Ervaring met dementie of palliatieve zorg is een pré"])
    doc.h("Wat bieden wij?", 2)
    doc.p("Salaris in FWG %d (max. € %d bruto per maand), eindejaarsuitkering 8,33%%, reiskostenvergoeding en een eigen opleidingsbudget." % (c.rng.randint(35, 55), c.rng.randint(3600, 5200)))
    doc.p("Meer weten? Bel %s, %s, via %s. Solliciteren kan tot %s." % (rec.full(), c.pick(["teamleider", "recruiter", "manager zorg"]), c.phone(), c.dn(21, "long")))
    return doc


@tpl("nl-factuur-zorgmaterialen", "nl", "text", "clean", flags=("table",), note="invoice with order numbers")
def factuur(c):
    vendor = c.pick(["MediLevering B.V.", "Zorgshop Direct", "Facilitair Glans"])
    klant = c.org(c.pick(["vvt", "thuis", "gp"]))[0]
    doc = newdoc(c, author="administratie")
    doc.p(vendor, "lh")
    doc.p("%s\nKvK %s  |  BTW NL%s B01\nIBAN %s" % (c.addr(), ids.kvk(c.rng), "".join(str(c.rng.randint(0, 9)) for _ in range(9)), ids.fmt_iban(ids.iban_nl(c.rng))), "s")
    doc.p("FACTUUR", "title")
    fnr = ids.bsn(c.rng, first=c.rng.randint(1, 9))
    onr = ids.bsn(c.rng, first=c.rng.randint(1, 9))
    doc.kv([("Factuurnummer", fnr), ("Factuurdatum", c.dn(0)), ("Ordernummer", onr), ("Klantnummer", str(c.rng.randint(10000, 99999))), ("Debiteur", klant)])
    items = c.sample([("Nitril handschoenen M (doos 100)", 6.95), ("Mepilex Border 10x10 (doos 10)", 42.50), ("Incontinentiemateriaal TENA Slip Plus M", 38.10),
                      ("Desinfectiemiddel handen 500 ml", 4.25), ("Bloeddrukmeter digitaal", 54.00), ("Verbandgaas steriel 10x10 (100)", 12.75),
                      ("Insulinenaaldjes 4 mm (100)", 21.40), ("Schortjes disposable (50)", 9.90)], c.rng.randint(3, 6))
    rows = [["Omschrijving", "Aantal", "Prijs", "Bedrag"]]
    tot = 0
    for n, p in items:
        q = c.rng.randint(1, 20)
        tot += q * p
        rows.append([n, str(q), "€ %.2f" % p, "€ %.2f" % (q * p)])
    rows.append(["Subtotaal", "", "", "€ %.2f" % tot])
    rows.append(["BTW 21%", "", "", "€ %.2f" % (tot * 0.21)])
    rows.append(["Totaal", "", "", "€ %.2f" % (tot * 1.21)])
    doc.table([[r[0], r[1], r[2].replace(".", ","), r[3].replace(".", ",")] for r in rows], widths=(8.5, 2, 3, 3))
    doc.p("Gelieve binnen 30 dagen te betalen onder vermelding van het factuurnummer.", "s")
    return doc


@tpl("nl-kwaliteitsverslag-cijfers", "nl", "text", "clean", flags=("table", "page2"), note="aggregated statistics")
def kwaliteit(c):
    org = c.org(c.pick(["vvt", "ggz", "hosp"]))[0]
    doc = newdoc(c, author=c.staff().full(), page_numbers="blz.")
    doc.p(org, "lh")
    doc.p("Kwaliteitsrapportage %s kwartaal %d" % (c.today.year, (c.today.month - 1) // 3 + 1), "title")
    doc.p("Deze rapportage bevat geaggregeerde cijfers per afdeling. Cijfers zijn niet herleidbaar tot individuele cliënten; aantallen kleiner dan 5 zijn weergegeven als '<5'.", "i")
    doc.h("Incidenten per afdeling", 2)
    rows = [["Afdeling", "Vallen", "Medicatie", "Agressie", "Totaal"]]
    for w in c.sample(["De Esdoorn", "De Linde", "Zilverschoon", "Het Anker", "De Berk", "PG 2", "Somatiek 1", "Vlinderhof"], 5):
        v = [c.rng.randint(3, 30), c.rng.randint(2, 25), c.rng.randint(0, 12)]
        rows.append([w] + [str(x) if x >= 5 else "<5" for x in v] + [str(sum(v))])
    doc.table(rows, widths=(5, 2.5, 2.5, 2.5, 2.5))
    doc.h("Zorginhoudelijke indicatoren", 2)
    doc.table([["Indicator", "Resultaat", "Landelijk"], ["Decubitus (categorie 2-4)", "%.1f%%" % c.rng.uniform(1, 6), "4,2%"], ["Advance care planning vastgelegd", "%d%%" % c.rng.randint(70, 98), "85%"],
               ["Medicatiereview binnen 1 jaar", "%d%%" % c.rng.randint(60, 95), "78%"], ["Vrijheidsbeperking (aantal maatregelen)", str(c.rng.randint(4, 30)), "-"]], widths=(8, 3.5, 3.5))
    doc.h("Cliënten per zorgprofiel", 2)
    doc.table([["Zorgprofiel", "Aantal cliënten"], ["VV4 (psychogeriatrie)", str(c.rng.randint(20, 60))], ["VV5 (psychogeriatrie, intensief)", str(c.rng.randint(30, 90))],
               ["VV6 (somatiek)", str(c.rng.randint(10, 50))], ["VV7/VV8", str(c.rng.randint(5, 20))]], widths=(8, 4))
    doc.p("Conclusie: het aantal valincidenten is gedaald na de invoering van het valpreventieprogramma. De medicatie-incidenten blijven aandacht vragen.")
    return doc


@tpl("nl-protocol-valpreventie", "nl", "text", "clean")
def protocol_val(c):
    org = c.org(c.pick(["vvt", "thuis", "hosp"]))[0]
    doc = newdoc(c, author=c.staff().full())
    doc.p(org, "lh")
    doc.p("Protocol valpreventie", "title")
    doc.p("Vallen is de belangrijkste oorzaak van letsel bij ouderen. Dit protocol beschrijft hoe we het valrisico inschatten en welke maatregelen we nemen.")
    doc.h("Risico-inschatting", 2)
    doc.p("Bij opname en bij elke verandering in de situatie wordt het valrisico bepaald met de VIG-valrisicotest. Risicofactoren zijn onder meer: eerdere val, loophulpmiddel, gebruik van psychofarmaca of diuretica, orthostatische hypotensie, incontinentie en cognitieve stoornissen.")
    doc.h("Maatregelen", 2)
    doc.bullets(["Medicatiereview door arts en apotheker", "Goed schoeisel en bril", "Bed in lage stand, nachtverlichting", "Beweegprogramma met de fysiotherapeut", "Vitamine D volgens richtlijn"])
    doc.h("Na een val", 2)
    doc.p("Controleer op letsel, waarschuw de arts bij pijn, hoofdletsel of antistollingsgebruik, en maak een MIC-melding.")
    return doc


@tpl("nl-brief-clienten-privacy", "nl", "text", "clean")
def brief_privacy(c):
    org, dom = c.org(c.pick(["vvt", "thuis", "gp", "ggz"]))
    dir_ = c.staff()
    doc = newdoc(c, author=dir_.full())
    letterhead(doc, c, org, domain=dom)
    doc.p("%s, %s" % (c.city(), c.dn(0, "long")))
    doc.p("Aan alle cliënten en hun vertegenwoordigers")
    doc.p("Betreft: hoe wij omgaan met uw gegevens", "b")
    doc.p("Geachte heer, mevrouw,")
    doc.p("Vanaf %s gaan wij werken met een nieuw elektronisch cliëntdossier. In deze brief leggen wij uit welke gegevens wij vastleggen, wie ze mag inzien en welke rechten u heeft." % c.dn(40, "long"))
    doc.p("Wij leggen alleen gegevens vast die nodig zijn voor goede zorg, zoals uw naam, geboortedatum, burgerservicenummer, contactpersonen, medicatie en de afspraken uit uw zorgplan. Alleen medewerkers die bij uw zorg betrokken zijn, kunnen uw dossier inzien. Elke inzage wordt gelogd.")
    doc.p("U heeft het recht om uw dossier in te zien, een kopie te vragen en onjuiste gegevens te laten corrigeren. Heeft u vragen of bezwaren, neem dan contact op met onze functionaris gegevensbescherming via privacy@%s." % dom)
    doc.p("Met vriendelijke groet,\n\n\n%s\n%s" % (dir_.full(), c.pick(["bestuurder", "directeur zorg", "locatiemanager"])))
    return doc


@tpl("nl-offerte-hulpmiddelen", "nl", "text", "clean", flags=("table",))
def offerte(c):
    vendor = c.pick(["MediLevering B.V.", "Zorgshop Direct"])
    doc = newdoc(c, author=c.staff().full())
    doc.p(vendor, "lh")
    doc.p("Offerte %s-%d" % (c.today.year, c.rng.randint(100, 999)), "title")
    doc.p("Geachte %s,\n\nNaar aanleiding van uw aanvraag bieden wij u het volgende aan:" % c.pick(["heer, mevrouw", "inkoper"]))
    doc.table([["Artikel", "Aantal", "Stukprijs", "Totaal"], ["Hoog-laagbed met valbeveiliging", "4", "€ 1.895,00", "€ 7.580,00"], ["Antidecubitusmatras (wisseldruk)", "4", "€ 640,00", "€ 2.560,00"],
               ["Sensormat draadloos", "6", "€ 189,00", "€ 1.134,00"], ["Installatie en instructie", "1", "€ 250,00", "€ 250,00"]], widths=(8, 2, 3, 3.5))
    doc.p("Levertijd: 3 weken na opdracht. Deze offerte is 30 dagen geldig.")
    return doc


@tpl("nl-nieuwsbrief-medewerkers", "nl", "text", "clean")
def nieuwsbrief(c):
    org = c.org(c.pick(["vvt", "thuis", "ggz"]))[0]
    st = [c.staff() for _ in range(3)]
    doc = newdoc(c, author=st[0].full())
    doc.p("%s | Personeelsnieuws %s" % (org, c.pick(["maart", "juni", "september", "december"])), "title")
    doc.h("Griepvaccinatie medewerkers", 2)
    doc.p("Ook dit jaar bieden we alle medewerkers een gratis griepprik aan. Vorig jaar liet %d%% van de collega's zich vaccineren. Inschrijven via intranet." % c.rng.randint(25, 55))
    doc.h("Jubilarissen", 2)
    doc.p("%s (25 jaar in dienst) en %s (12,5 jaar) worden op %s in het zonnetje gezet." % (st[1].full(), st[2].full(), c.dn(12, "long")))
    doc.h("Nieuw: beveiligd mailen", 2)
    doc.p("Vanaf volgende maand wordt mail met cliëntgegevens automatisch beveiligd verstuurd. Twijfel je? Gebruik altijd de knop 'Beveiligd verzenden'.")
    doc.h("Verzuim", 2)
    doc.p("Het verzuimpercentage daalde van %.1f naar %.1f procent." % (c.rng.uniform(7, 9), c.rng.uniform(5, 7)))
    return doc


# ------------------------------------------------------------------ be / fr / en

@tpl("be-brochure-opname-wzc", "be", "text", "clean")
def be_brochure(c):
    wzc, dom = c.org("be_wzc")
    doc = newdoc(c, author=c.staff().full())
    letterhead(doc, c, wzc, domain=dom)
    doc.p("Welkom in ons woonzorgcentrum", "title")
    doc.p("Deze brochure helpt u en uw familie bij de voorbereiding van de opname.")
    doc.h("Wat brengt u mee bij de opname?", 2)
    doc.bullets(["Identiteitskaart", "Klever of attest van de mutualiteit", "Medicatielijst en medisch verslag van de huisarts", "Kleding gemerkt met naam", "Eventueel een wilsverklaring"])
    doc.h("Kosten", 2)
    doc.p("De dagprijs bedraagt € %d,%02d voor een eenpersoonskamer. Medicatie, kapper en pedicure worden apart aangerekend. De zorgkosten worden via de Katz-schaal door het zorgbudget terugbetaald." % (c.rng.randint(62, 78), c.rng.randint(0, 99)))
    doc.h("Contact", 2)
    doc.p("Sociale dienst: %s (%s)" % (c.staff().full(), c.phone()))
    return doc


@tpl("be-vacature-zorgkundige", "be", "text", "clean")
def be_vac(c):
    org, dom = c.org(c.pick(["be_wzc", "be_hosp", "be_thuis"]))
    doc = newdoc(c, author=c.staff().full())
    letterhead(doc, c, org, domain=dom)
    doc.p("Vacature: %s" % c.pick(["zorgkundige (80-100%)", "verpleegkundige nachtdienst", "hoofdverpleegkundige"]), "title")
    doc.p("Voor onze afdeling %s zoeken wij een gemotiveerde collega met een hart voor ouderen." % c.ward())
    doc.bullets(["Diploma en visum of registratie als zorgkundige", "Bereid tot wisselende diensten", "Goede kennis van het Nederlands"])
    doc.p("Wij bieden een contract van onbepaalde duur, verloning volgens IFIC, maaltijdcheques en fietsvergoeding.")
    doc.p("Interesse? Stuur uw cv naar jobs@%s vóór %s." % (dom, c.dn(20)))
    return doc


@tpl("be-verslag-personeelsvergadering", "be", "text", "clean")
def be_verslag(c):
    org = c.org(c.pick(["be_wzc", "be_thuis"]))[0]
    st = [c.staff() for _ in range(5)]
    doc = newdoc(c, author=st[0].full())
    doc.p("Verslag teamvergadering %s" % c.dn(-2), "title")
    doc.p("Aanwezig: %s\nVerontschuldigd: %s" % (", ".join(s.full() for s in st[:4]), st[4].full()))
    doc.h("Punten", 2)
    doc.bullets(["Nieuw uurrooster vanaf %s: vroege dienst start om 6u45" % c.dn(15), "Opleiding valpreventie: nog 6 plaatsen vrij", "Audit zorgdossiers: gemiddeld 88% volledig",
                 "Rookbeleid: de rookruimte verdwijnt op %s" % c.dn(40)])
    doc.p("Volgende vergadering: %s" % c.dn(30))
    return doc


@tpl("fr-brochure-vaccination-grippe", "fr", "text", "clean")
def fr_brochure(c):
    org, dom = c.org(c.pick(["fr_gp", "fr_mrs", "fr_apo"]))
    doc = newdoc(c, author=c.staff().full())
    letterhead(doc, c, org, domain=dom)
    doc.p("La vaccination contre la grippe", "title")
    doc.p("La grippe saisonnière est une infection virale qui peut entraîner des complications graves chez les personnes âgées, les femmes enceintes et les personnes atteintes de maladies chroniques.")
    doc.h("Qui devrait se faire vacciner ?", 2)
    doc.bullets(["Les personnes de 65 ans et plus", "Les résidents des maisons de repos", "Les personnes souffrant d'une maladie chronique (cœur, poumons, reins, diabète)", "Le personnel soignant"])
    doc.h("Effets secondaires", 2)
    doc.p("Une légère douleur au point d'injection et parfois un peu de fièvre. Ces effets disparaissent en un à deux jours.")
    doc.p("Renseignez-vous auprès de votre médecin ou de votre pharmacien.", "i")
    return doc


@tpl("fr-offre-emploi-infirmier", "fr", "text", "clean")
def fr_emploi(c):
    org, dom = c.org(c.pick(["fr_hosp", "fr_mrs", "fr_inf"]))
    doc = newdoc(c, author=c.staff().full())
    letterhead(doc, c, org, domain=dom)
    doc.p("Offre d'emploi : infirmier(ère) %s" % c.pick(["de nuit", "en gériatrie", "à domicile", "en chef"]), "title")
    doc.p("Nous recherchons un(e) infirmier(ère) bachelier(ère) pour renforcer notre équipe à %s." % c.city())
    doc.bullets(["Diplôme de bachelier en soins infirmiers et visa", "Sens de l'organisation et du travail en équipe", "Permis B (pour les soins à domicile)"])
    doc.p("Nous offrons : CDI temps plein ou partiel, barème IFIC, chèques-repas, formation continue.")
    doc.p("Candidature : rh@%s avant le %s." % (dom, c.dn(25)))
    return doc


@tpl("fr-proces-verbal-reunion", "fr", "text", "clean")
def fr_pv(c):
    st = [c.staff() for _ in range(5)]
    doc = newdoc(c, author=st[0].full())
    doc.p("Procès-verbal de la réunion d'équipe du %s" % c.dn(-3), "title")
    doc.p("Présents : %s\nExcusé(e) : %s" % (", ".join(s.full() for s in st[:4]), st[4].full()))
    doc.h("Ordre du jour", 2)
    doc.bullets(["Nouveaux horaires à partir du %s" % c.dn(20), "Formation hygiène des mains : taux de participation %d %%" % c.rng.randint(50, 95),
                 "Commande de matériel (lève-personne)", "Divers : fête du personnel le %s" % c.dn(45)])
    doc.p("Prochaine réunion : %s." % c.dn(30))
    return doc


@tpl("fr-formulaire-admission-vierge", "fr", "text", "clean", flags=("table",), note="blank form")
def fr_form(c):
    org = c.org(c.pick(["fr_mrs", "fr_hosp"]))[0]
    doc = newdoc(c, author=c.staff().full())
    doc.p(org, "lh")
    doc.p("Formulaire d'admission", "title")
    doc.table([[k, "...................................................."] for k in ["Nom", "Prénom", "Date de naissance", "Numéro de registre national (NISS)", "Mutualité",
                                                                                    "Médecin traitant", "Diagnostic principal", "Allergies", "Personne de contact"]], head=False, widths=(6.5, 10))
    doc.p("Joindre : copie de la carte d'identité, rapport médical récent, schéma de médication.", "i")
    return doc


@tpl("en-leaflet-wound-care", "en", "text", "clean")
def en_leaflet(c):
    org, dom = c.org(c.pick(["en_hosp", "en_gp"]))
    doc = newdoc(c, author=c.staff().full())
    letterhead(doc, c, org, domain=dom)
    doc.p("Caring for your wound at home", "title")
    doc.p("This leaflet explains how to look after your wound after surgery and when to seek help.")
    doc.bullets(["Keep the dressing dry for 48 hours", "Wash your hands before touching the dressing", "You may shower after 2 days; pat the wound dry", "Do not use creams or powders on the wound"])
    doc.h("When to contact us", 2)
    doc.p("Contact the ward or your GP if the wound becomes red, hot, swollen or starts to leak, or if you develop a temperature above 38 °C.")
    doc.p("Ward telephone: %s. Leaflet reference PIL-%d, review date %s." % (c.phone(), c.rng.randint(100, 999), c.dn(700)), "s")
    return doc


@tpl("en-policy-information-governance", "en", "text", "clean", flags=("page2",), note="policy about identifiers")
def en_policy(c):
    org = c.org(c.pick(["en_hosp", "en_carehome"]))[0]
    doc = newdoc(c, author=c.staff().full(), page_numbers="Page")
    doc.p(org, "lh")
    doc.p("Information Governance Policy: Patient Identifiers", "title")
    doc.kv([("Version", "%d.%d" % (c.rng.randint(1, 4), c.rng.randint(0, 9))), ("Approved", c.dn(-200)), ("Review", c.dn(500))])
    doc.h("Purpose", 2)
    doc.p("This policy sets out how staff use the NHS number and other patient identifiers safely. The NHS number is the national unique identifier and must be used in all clinical correspondence.")
    doc.h("Principles", 2)
    doc.bullets(["Use at least three identifiers (NHS number, full name, date of birth) when confirming identity", "Send identifiable information only by secure email (NHSmail or an accredited encryption service)",
                 "Never include identifiers in email subject lines", "Report any misdirected email as an incident on Datix within 24 hours"])
    doc.h("Training", 2)
    doc.p("All staff must complete Data Security Awareness training every year.")
    return doc


@tpl("en-job-description-hca", "en", "text", "clean")
def en_job(c):
    org, dom = c.org(c.pick(["en_carehome", "en_hosp"]))
    doc = newdoc(c, author=c.staff().full())
    letterhead(doc, c, org, domain=dom)
    doc.p("Job description: %s" % c.pick(["Healthcare Assistant", "Senior Carer (nights)", "Staff Nurse Band 5"]), "title")
    doc.p("Hours: %d per week. Salary: £%d,%03d - £%d,%03d." % (c.rng.randint(20, 37), c.rng.randint(22, 27), c.rng.randint(0, 999), c.rng.randint(28, 34), c.rng.randint(0, 999)))
    doc.bullets(["Support residents with personal care and mobility", "Record observations accurately", "Work as part of a multidisciplinary team", "Attend mandatory training"])
    doc.p("To apply, contact %s at careers@%s." % (c.staff().full(), dom))
    return doc
