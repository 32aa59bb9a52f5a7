"""Clean: newsletters, agendas, invoices, rosters, statistics (hard negatives)."""
from tpl import T

NEWSLETTER = [
T("nb-diabetes", "nl", "Nieuwsbrief november: Wereld Diabetes Dag en de nieuwe standaard", """
Nieuwsbrief Diabetes & Leefstijl – november {year}

In deze editie:
- Wereld Diabetes Dag op 14 november
- De herziene NHG-Standaard Diabetes mellitus type 2: wat verandert er?
- Recept: linzensoep met kurkuma

Herziene standaard
De nieuwe standaard legt meer nadruk op persoonlijke doelen. Metformine blijft de eerste keus, maar bij mensen met hart- en vaatziekten of hartfalen wordt eerder een SGLT2-remmer (zoals empagliflozine of dapagliflozine) geadviseerd. De streefwaarde voor HbA1c is voor de meeste mensen 53 mmol/mol of lager, voor kwetsbare ouderen mag die hoger liggen.

Weet u hoe het zit met uw voeten?
Bij diabetes kan het gevoel in de voeten afnemen. Laat uw voeten minstens één keer per jaar controleren door de praktijkondersteuner of podotherapeut.

Wereld Diabetes Dag
Op 14 november organiseren we in het gezondheidscentrum een inloopmiddag met gratis bloedsuikertest, uitleg van de diëtist en een beweegdemonstratie.

U ontvangt deze nieuwsbrief omdat u zich heeft aangemeld via onze website.
Afmelden voor deze nieuwsbrief kan via {unsub_url}
""", frm_org=("Diabetes & Leefstijl", "nieuwsbrief-example.nl"), frm="news", to="list", tone="none"),

T("nb-dementie", "nl", "10 tips voor mantelzorgers van iemand met dementie", """
Beste lezer,

In Nederland leven ruim 290.000 mensen met dementie, en dat aantal groeit. Bijna allemaal worden ze (mede) verzorgd door een partner, kind of buur. Deze maand daarom tips voor mantelzorgers:

1. Leg dingen kort en eenvoudig uit, één ding tegelijk.
2. Ga niet in discussie over wat 'waar' is.
3. Zorg voor vaste dagritmes.
4. Gebruik een grote kalender of dagklok.
5. Zorg ook voor uzelf: neem op tijd rust en vraag hulp.
6. Bespreek onrust of slaapproblemen met de huisarts; medicijnen zoals haloperidol of oxazepam zijn lang niet altijd de beste oplossing.
7. Neem contact op met een casemanager dementie.
8. Bezoek een Alzheimer Café in uw regio.
9. Denk tijdig na over wilsverklaring en levenstestament.
10. Blijf samen dingen doen die jullie leuk vinden.

Alzheimer Café {loc}: elke derde dinsdag van de maand, 19.30 uur, bibliotheek. Thema {nextmonth}: 'Wonen met dementie'.

Afmelden? Klik hier: {unsub_url}
""", frm_org=("Netwerk Dementie Midden", "dementienetwerk-example.nl"), frm="news", to="list", tone="none"),

T("nb-griepprik-praktijk", "nl", "Griepprik {year}: data en tijden", """
Beste patiënten,

Ook dit jaar geven wij de griepprik in de praktijk. U krijgt een uitnodiging als u 60 jaar of ouder bent, of als u een aandoening heeft waardoor griep gevaarlijk kan zijn, zoals diabetes, een hart- of longziekte (bijvoorbeeld COPD of astma) of een nierziekte.

Wanneer: woensdag 16 oktober en donderdag 17 oktober, 13.30 - 17.00 uur
Waar: Gezondheidscentrum, ingang Kerkstraat
Neem de uitnodigingsbrief mee en draag kleding met korte mouwen.

Dit jaar kunnen 60-plussers tegelijk ook de coronavaccinatie halen bij de GGD-locatie naast de praktijk.

Kunt u niet op deze data? Bel dan na 1 november met de assistente.

Met vriendelijke groet,
{org}

Wilt u geen e-mails meer van de praktijk ontvangen? Meld u hier af: {unsub_url}
""", frm="gp_news", to="list", tone="none"),

T("nb-hart", "nl", "Uw hart in de winter – nieuwsbrief", """
Kou is een belasting voor het hart. Bij lage temperaturen vernauwen de bloedvaten en stijgt de bloeddruk. Mensen met hartfalen of angina pectoris merken dat vaak als eerste.

Tips
• Kleed u warm aan, vooral hoofd en handen.
• Vermijd zware inspanning in de kou, zoals sneeuwruimen.
• Weeg uzelf dagelijks als u hartfalen heeft: 2 kilo erbij in 3 dagen? Bel uw huisarts of hartfalenverpleegkundige.
• Een bloeddruk boven 140/90 mmHg is te hoog. Laat hem regelmatig meten.

Webinar: 'Leven met een ICD' – donderdag 20.00 uur, met cardioloog dr. {f1} en ervaringsdeskundige {f2}. Aanmelden via de website.

U ontvangt deze mail als donateur. Afmelden of uw voorkeuren wijzigen: {unsub_url}
""", frm_org=("Stichting Hart & Vaten", "hartenvaten-example.nl"), frm="news", to="list", tone="none"),

T("nb-vakblad", "nl", "Nursing Update week {week}: richtlijn delier, decubitus en ICD-10", """
NURSING UPDATE – week {week}

► Nieuwe richtlijn Delier volwassenen en ouderen
Het screenen met de DOSS wordt aanbevolen bij alle opgenomen patiënten van 70 jaar en ouder. Haloperidol heeft geen plaats meer bij de preventie van delier.

► Decubitus: prevalentie daalt licht
Uit de landelijke meting blijkt dat de prevalentie van decubitus categorie 2 en hoger in verpleeghuizen 5,1% bedraagt.

► Coderen: ICD-10 wijzigingen per 1 januari
Nieuwe codes voor long covid (U09.9) en aanpassingen in hoofdstuk F (psychische stoornissen).

► Webinar: omgaan met agressie aan het bed
Donderdag 19.30 uur, 1 accreditatiepunt (V&VN kwaliteitsregister).

Je ontvangt deze nieuwsbrief omdat je geabonneerd bent. Afmelden: {unsub_url}
""", frm_org=("Nursing Update", "nursingupdate-example.nl"), frm="news", to="list", tone="none"),

T("nb-apotheek", "nl", "Apotheeknieuws: hooikoorts, paracetamol en de nieuwe app", """
Beste klant van {org},

Hooikoorts
Het pollenseizoen is begonnen. Antihistaminica zoals cetirizine en loratadine zijn zonder recept verkrijgbaar. Heeft u ook astma? Bespreek dan met uw arts of uw inhalatiemedicatie moet worden aangepast.

Paracetamol: niet meer dan 4 gram per dag
Let op: veel griep- en verkoudheidsmiddelen bevatten ook paracetamol. Gebruikt u meerdere middelen, vraag dan advies aan de apotheker.

Nieuw: herhaalrecepten via de app
Vanaf deze maand kunt u herhaalrecepten bestellen via de app. Inloggen gaat met DigiD.

Openingstijden rond de feestdagen staan op onze website.

Afmelden voor deze nieuwsbrief: {unsub_url}
""", frm="apo_news", to="list", tone="none"),

T("nb-ggz-week", "nl", "Week van de Psychische Gezondheid: praat erover", """
Hoi!

Van 8 tot 15 oktober is het de Week van de Psychische Gezondheid. Eén op de vier Nederlanders krijgt in een jaar te maken met psychische klachten, zoals een depressie, angststoornis of verslaving. Toch praten we er nog weinig over.

Wat kun je doen?
- Vraag eens door als iemand zegt dat het 'wel goed gaat'.
- Maak je je zorgen dat iemand aan zelfmoord denkt? Vraag het gewoon. Je brengt iemand daar niet op ideeën. Bel of chat voor advies anoniem met 113 Zelfmoordpreventie (0800-0113).
- Zorg goed voor jezelf: slaap, bewegen, sociale contacten.

Op onze website vind je deze week elke dag een nieuwe podcast met ervaringsverhalen.

Afmelden | Privacyverklaring
{unsub_url}
""", frm="ggz_news", to="list", tone="none"),

T("nb-intern", "nl", "Nieuws uit {org} – {month}", """
NIEUWS UIT {org_upper}

Welkom aan de nieuwe collega's
Deze maand zijn {f1} (verzorgende IG, {ward}), {f2} (helpende) en {f3} (fysiotherapeut) begonnen. Welkom!

Tevredenheidsonderzoek
Bewoners en familie gaven ons gemiddeld een 8,1. Vooral de maaltijden en de bejegening scoorden goed. Verbeterpunt: de bereikbaarheid van de afdeling in de avond.

Corona en griep
Het aantal besmettingen in de regio stijgt licht. Draag bij verkoudheidsklachten een mondkapje tijdens de zorg en test jezelf. De griepprik voor medewerkers staat gepland op {d_next}.

Verbouwing
De verbouwing van het restaurant start na de zomer.

Vragen of kopij voor de volgende nieuwsbrief? Mail naar communicatie@{domain}.
""", frm="comms", to="all", tone="none"),

T("nb-be-patientenplatform", "be", "Nieuwsbrief: wat verandert er in de terugbetaling?", """
Beste lezer,

Vanaf 1 januari verandert er een en ander in de terugbetaling van gezondheidszorg:

- De maximumfactuur (MAF) wordt aangepast: de plafonds dalen voor gezinnen met een laag inkomen.
- Het zorgtraject diabetes wordt uitgebreid: ook patiënten met één insuline-injectie per dag kunnen instappen.
- Psychologische zorg in de eerste lijn: tot 20 sessies per jaar met een beperkt remgeld van 11 euro (4 euro met verhoogde tegemoetkoming).

Heeft u vragen? Neem contact op met uw ziekenfonds of bezoek onze infoavond in {loc}.

U ontvangt deze nieuwsbrief omdat u zich inschreef. Uitschrijven kan hier: {unsub_url}
""", frm="be_news", to="list", tone="none"),

T("nb-copd", "nl", "Leven met COPD: uw longaanval-actieplan", """
Beste lezer,

Een longaanval (exacerbatie) kan iedereen met COPD overkomen. Herkent u de signalen? Meer hoesten, meer of gekleurd slijm, kortademiger dan normaal, koorts.

Met een longaanval-actieplan weet u wat u moet doen: wanneer u extra puffs van uw luchtwegverwijder (zoals salbutamol) neemt, wanneer u prednison start en wanneer u de huisarts belt. Maak zo'n plan samen met uw longverpleegkundige.

Ademhalingsoefening van de maand: de 'pursed lips'-techniek. Adem in door de neus, en blaas langzaam uit door licht getuite lippen.

Beweegprogramma 'Samen in beweging': op woensdag in sporthal De Meent, onder begeleiding van een fysiotherapeut.

Afmelden: {unsub_url}
""", frm_org=("Longpunt", "longpunt-example.nl"), frm="news", to="list", tone="none"),

T("nb-beroepsvereniging", "nl", "Ledenbericht: BSN-gebruik, NEN 7510 en de nieuwe WGBO-regels", """
Geachte leden,

Kort nieuws van het bestuur.

1. BSN-gebruik in de zorg
Zorgaanbieders zijn verplicht het burgerservicenummer van een patiënt te gebruiken bij het vastleggen en uitwisselen van gegevens, en de identiteit te controleren (WID). Let op: het BSN hoort niet in gewone, onbeveiligde e-mail. Gebruik een beveiligde verbinding.

2. NEN 7510 en veilig mailen
Vanaf volgend jaar geldt de NTA 7516 als norm voor veilig mailen in de zorg. Wij organiseren hierover een webinar op {d_next_long}.

3. WGBO – inzage door nabestaanden
De regels voor inzage in het dossier van een overleden patiënt zijn verruimd. Zie de handreiking op onze website.

Met vriendelijke groet,
Het bestuur

Wilt u deze ledenberichten niet meer ontvangen? {unsub_url}
""", frm_org=("Beroepsvereniging Zorg", "beroepsvereniging-example.nl"), frm="news", to="list", tone="none"),

T("nb-borstkanker", "nl", "Oktober: borstkankermaand", """
Oktober staat in het teken van borstkanker. Eén op de zeven vrouwen in Nederland krijgt in haar leven borstkanker. Vroege ontdekking vergroot de kans op genezing.

Controleer uw borsten maandelijks en ga naar de huisarts bij een knobbeltje, een intrekking van de tepel of huidveranderingen. Vrouwen van 50 tot 75 jaar krijgen elke twee jaar een uitnodiging voor het bevolkingsonderzoek.

Doe mee met de Pink Ribbon wandeling op zondag {d_next2}! Inschrijven kan tot vrijdag.

U ontvangt deze nieuwsbrief als vriend van de stichting. Afmelden kan altijd: {unsub_url}
""", frm_org=("Stichting Roze Lint", "rozelint-example.nl"), frm="news", to="list", tone="none"),

T("nb-leverancier", "nl", "Nieuw in ons assortiment: HbA1c-sneltest en slimme glucosemeter", """
Beste zorgprofessional,

Vanaf deze maand leveren wij de nieuwe point-of-care HbA1c-analyser. Binnen 5 minuten een betrouwbare uitslag (in mmol/mol of %), ideaal voor de diabetesspreekuren van de POH.

Introductieaanbieding
- Analyser incl. 10 testcassettes: € 1.195,- (excl. btw)
- Testcassettes per 25 stuks: € 187,50
- Glucosemeter met bluetooth + app: € 34,95

Bestellen kan via de webshop of uw vaste accountmanager {f1} ({phone}).

Aanbieding geldig tot het einde van de maand. Afmelden voor commerciële mailings: {unsub_url}
""", frm_org=("MediLevering B.V.", "medilevering-example.nl"), frm="vendor", to="list", tone="none"),

T("nb-webinar-jeugd", "nl", "Uitnodiging webinar: suïcidaliteit bij jongeren", """
Beste professional,

Suïcide is de belangrijkste doodsoorzaak onder jongeren van 10 tot 30 jaar. Hoe herken je signalen en hoe ga je het gesprek aan?

Webinar: 'Praten over zelfdoding met jongeren'
Datum: {d_next_long}, 15.30 – 17.00 uur
Sprekers: {f1} (GZ-psycholoog), {f2} (jeugdarts) en een ervaringsdeskundige
Accreditatie aangevraagd bij NIP, V&VN en KNMG.

Aanmelden via de link in deze mail. Deelname is gratis voor medewerkers van aangesloten organisaties.

Je ontvangt deze uitnodiging via de mailinglijst van het netwerk. Afmelden: {unsub_url}
""", frm_org=("Netwerk Suïcidepreventie Midden", "suicidepreventie-example.nl"), frm="news", to="list", tone="none"),
]

AGENDA = [
T("ag-inr-scholing", "nl", "scholing INR-zelfmeting", """
{greet}

{x_last}, {y_last} en {z_last} volgen donderdag {d_next} de scholing over INR-zelfmeting en het doseren van acenocoumarol bij de trombosedienst. Hun diensten zijn al geruild; {n1} neemt de medicatieronde over.

Na afloop delen ze het materiaal in het werkoverleg.
""", frm="staff", to="staff"),

T("ag-teamoverleg", "nl", "Agenda teamoverleg {wd_next}", """
Hoi allemaal,

Hierbij de agenda voor het teamoverleg van {d_next_long}, {t1} uur in de huiskamer van {ward}.

1. Opening en mededelingen ({n1})
2. Notulen vorige keer
3. Rooster zomerperiode – nog 14 open diensten
4. Kwaliteit: valincidenten afgelopen kwartaal (trend), MIC-meldingen medicatie
5. Scholing: tilliften en BHV-herhaling
6. Nieuwe werkwijze overdracht via het ECD ({n2})
7. Rondvraag

Graag punten voor de rondvraag uiterlijk maandag naar mij.

Groet,
{s_first}
""", frm="mgr", to="team", tone="none"),

T("ag-mdo-planning", "nl", "Planning MDO's {month}", """
{greet}

Hierbij de planning van de MDO's voor {month} op {ward}. De cliënten die besproken worden staan in het ECD onder 'MDO-planning', die zet ik hier bewust niet in de mail.

Dinsdag {d_next} – 10.00-11.30: {dr}, {n1} (EVV), {n2} (psycholoog), {n3} (fysio)
Dinsdag {d_next2} – 10.00-11.30: {dr2}, {n4} (EVV), {n2}
Donderdag – 14.00-15.00: evaluatie Wzd-maatregelen met {n5} (Wzd-functionaris)

Zorgen jullie dat de rapportage en het zorgplan vooraf zijn bijgewerkt?
""", frm="staff", to="team"),

T("ag-kwaliteitscommissie", "nl", "Agenda kwaliteitscommissie", """
Agenda vergadering kwaliteitscommissie
Datum: {d_next_long}
Tijd: {t1} – {t2}
Locatie: vergaderzaal 2 / Teams

1. Opening, vaststellen agenda
2. Verslag vorige vergadering
3. MIC-rapportage Q{quarter}: medicatie-incidenten, valincidenten, agressie-incidenten
4. Resultaten prevalentiemeting decubitus en incontinentie
5. Evaluatie protocol vrijheidsbeperking (Wzd)
6. Concept jaarplan kwaliteit
7. Rondvraag en sluiting

Stukken staan op SharePoint. Afmelden bij {f1}, secretaris.
""", frm="staff", to="team", tone="none"),

T("ag-clientenraad", "nl", "Uitnodiging vergadering cliëntenraad", """
Geachte leden van de cliëntenraad,

Hierbij nodig ik u uit voor de vergadering op {d_next_long} om 14.00 uur in het Grand Café.

Agenda:
1. Opening
2. Mededelingen van de bestuurder, mevrouw {f1}
3. Maaltijden: uitkomst van de proeverij
4. Adviesaanvraag tarieven servicepakket
5. Bezoekregeling tijdens feestdagen
6. Rondvraag

Koffie en thee staan vanaf 13.45 klaar.

Met vriendelijke groet,
{s_full}
Ambtelijk secretaris cliëntenraad
""", frm="staff", to="list", tone="none"),

T("ag-or", "nl", "OR-vergadering agenda", """
Beste OR-leden,

Agenda OR-vergadering {d_next}:
- Instemmingsverzoek nieuw roosterbeleid
- Adviesaanvraag reorganisatie facilitaire dienst
- Verzuimcijfers (P&O, {f1})
- Arbo-jaarplan, RI&E
- Achterbanraadpleging werkdruk

We starten om 9.30 in de OR-kamer, lunch is geregeld.

Groet,
{s_first}, secretaris OR
""", frm="staff", to="team", tone="none"),

T("ag-be-teamvergadering", "be", "Agenda teamvergadering", """
Dag iedereen,

Volgende week donderdag is er teamvergadering om 14u in de refter.

Agenda:
- kerstfeest bewoners: wie helpt mee?
- nieuwe procedure Katz-schalen (uitleg door {n1})
- levering nieuwe tilliften en opleiding
- vakantieplanning
- varia

Tot dan!
{s_first}
""", frm="be_wzc", to="team", tone="none"),

T("ag-netwerk-dementie", "nl", "Programma netwerkbijeenkomst dementie", """
Beste netwerkpartners,

Op {d_next_long} organiseren we de regionale netwerkbijeenkomst Dementie.

Programma
13.00 Inloop
13.30 Welkom door {f1}, ketencoördinator
13.45 Casemanagement dementie: stand van zaken in de regio
14.30 Workshop 1: Samenwerking huisarts en casemanager
      Workshop 2: Onbegrepen gedrag thuis
15.30 Pauze
15.45 Plenair: het nieuwe zorgpad dementie
16.30 Borrel

Aanmelden graag voor {d_next2} via de website.
""", frm="staff", to="list"),

T("ag-fto", "nl", "FTO {month}: DOAC's en deprescribing", """
Beste collega's,

Het volgende FTO is op {wd_next} om 12.30 uur in de apotheek.

Onderwerpen:
1. DOAC's bij ouderen: dosering bij verminderde nierfunctie (eGFR < 50)
2. Deprescribing van protonpompremmers
3. Terugkoppeling voorschrijfcijfers antibiotica van de praktijken

Voorbereiding: lees de nieuwe NHG-behandelrichtlijn anticoagulantia.

Lunch wordt verzorgd.
{s_first}
""", frm="apo", to="list", tone="none"),

T("ag-intervisie", "nl", "Intervisie donderdag", """
Hoi allen,

Donderdag intervisie van 15.00 tot 16.30. {n1} brengt een casus in over het omgaan met grensoverschrijdend gedrag in de behandelrelatie (geanonimiseerd). We werken met de incidentmethode. {n2} is gespreksleider.

Neem je eigen leerdoelen mee.

{s_first}
""", frm="ggz", to="team", tone="none"),

T("ag-heidag", "nl", "Programma heidag {d_next}", """
Beste collega's,

Hier het programma van onze heidag:

09.00 Ontvangst met koffie
09.30 Terugblik op het jaar – {f1}
10.15 Workshop 'Positieve gezondheid in de praktijk'
12.00 Lunch
13.00 Wandeling / teambuilding
15.00 Plannen voor volgend jaar: spoedzorg, ouderenzorg, GGZ in de wijk
16.30 Afsluiting en borrel

Locatie: De Hooiberg, {loc}. Carpoolen vanaf de praktijk om 8.30.
""", frm="gp", to="team", tone="none"),

T("ag-ecd-overleg", "nl", "Uitnodiging: overleg ECD-implementatie", """
Beste allen,

Bij deze de uitnodiging voor het overleg over de implementatie van het nieuwe ECD (zie agenda-item in de bijlage).

Punten:
- planning migratie
- testen koppeling met apotheek (medicatieoverzicht)
- scholing key-users
- autorisatieprofielen

Groet,
{s_full}
Projectleider
""", frm="staff", to="team", tone="none", attach=[("uitnodiging.ics", "text/calendar", """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN
METHOD:REQUEST
BEGIN:VEVENT
UID:{uid}
DTSTAMP:{ics_stamp}
DTSTART:{ics_start}
DTEND:{ics_end}
SUMMARY:Overleg ECD-implementatie
LOCATION:Microsoft Teams-vergadering
DESCRIPTION:Planning migratie\\, testen koppeling\\, scholing key-users.
ORGANIZER;CN={s_full}:mailto:{s_addr}
END:VEVENT
END:VCALENDAR
""")]),

T("ag-journalclub", "nl", "Journal club: SGLT2-remmers bij hartfalen", """
Beste assistenten en specialisten,

De journal club van deze maand is op {wd_next} om 8.00 uur. {n1} bespreekt het artikel over SGLT2-remmers bij hartfalen met behouden ejectiefractie (EMPEROR-Preserved). {n2} presenteert een CAT over diuretica bij acuut hartfalen.

Het artikel staat in de gedeelde map.

Groet,
{s_first}
""", frm="hosp", to="team", tone="none"),

T("ag-werkgroep-agressie", "nl", "Werkgroep agressie: volgende bijeenkomst", """
{greet}

Volgende bijeenkomst van de werkgroep agressie en ongewenst gedrag: {d_next} van 13.00 tot 14.30.

- Evaluatie training 'omgaan met agressie' (de evaluatieformulieren zijn gemiddeld positief)
- Aanpassing protocol na incidenten: opvang collega's
- Voorstel: alarmknoppen in de nachtdienst

{f1} en {f2} hebben zich afgemeld.
""", frm="staff", to="team"),
]

INVOICE = [
T("inv-medisch", "nl", "Factuur {inv1}", """
Geachte heer/mevrouw,

In de bijlage ontvangt u factuur {inv1} voor de levering van medische hulpmiddelen.

Factuurnummer: {inv1}
Factuurdatum: {d_today}
Klantnummer: {inv2}
Uw referentie: PO-{year}-0412

Omschrijving                         Aantal   Bedrag
Handschoenen nitril M (200 st.)         20    € 179,00
Wondverband Mepilex Border 10x10        10    € 245,50
Injectienaalden 0,5 x 16 mm (100 st.)    5    € 42,75
Subtotaal                                       € 467,25
BTW 21%                                         € 98,12
Totaal                                          € 565,37

Wij verzoeken u het bedrag binnen 30 dagen over te maken op {iban_fmt} o.v.v. het factuurnummer.

Met vriendelijke groet,
Debiteurenadministratie
{org}
KvK {kvk} – BTW NL{btw}B01
""", frm_org=("MediLevering B.V.", "medilevering-example.nl"), frm="vendor", to="admin", tone="none",
attach=[("factuur_{inv1}.xml", "application/xml", """<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
 xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:ID>{inv1}</cbc:ID>
  <cbc:IssueDate>{year}-01-15</cbc:IssueDate>
  <cbc:Note>Klantnummer {inv2}</cbc:Note>
  <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
  <cbc:PayableAmount currencyID="EUR">565.37</cbc:PayableAmount>
  <cbc:PaymentID>{inv1}</cbc:PaymentID>
  <cbc:IBAN>{iban}</cbc:IBAN>
</Invoice>
""")]),

T("inv-bestelbevestiging", "nl", "Bevestiging van uw bestelling {inv1}", """
Beste klant,

Bedankt voor uw bestelling! Hieronder een overzicht.

Bestelnummer: {inv1}
Klantnummer: {inv2}
Afleveradres: {org_client}, t.a.v. {ward}

- Incontinentiemateriaal TENA Slip Plus M – 8 pakken
- Onderleggers 60x90 – 4 pakken
- Huidbeschermende crème – 12 tubes

Verwachte levering: {wd_next} tussen 8.00 en 12.00 uur.

Heeft u vragen over uw bestelling? Vermeld dan altijd uw bestelnummer.

Met vriendelijke groet,
Klantenservice
""", frm_org=("Zorgshop Direct", "zorgshop-example.nl"), frm="vendor", to="admin", tone="none"),

T("inv-be", "be", "Factuur {inv1} - onderhoud tilliften", """
Geachte,

Hierbij bezorgen wij u onze factuur voor het halfjaarlijks onderhoud van de tilliften.

Factuurnummer: {inv1}
Klantnummer: {inv2}
Ondernemingsnummer: BE {kbo}
Te betalen vóór: {d_next2}
Bedrag: € 1.284,70 (BTW inbegrepen)
Rekeningnummer: {iban_be}
Gestructureerde mededeling: {ogm}

Met vriendelijke groeten,
Boekhouding
""", frm="be_vendor", to="be_admin", tone="none"),

T("inv-fr", "fr", "Facture n° {inv1}", """
Madame, Monsieur,

Veuillez trouver ci-joint notre facture.

Numéro de facture : {inv1}
Numéro client : {inv2}
Date : {d_today}
Objet : fournitures de bureau et cartouches d'encre

Montant HTVA : 412,00 €
TVA 21 % : 86,52 €
Total TVAC : 498,52 €

Paiement à 30 jours sur le compte {iban_be}, communication structurée {ogm}.

Cordialement,
Service comptabilité
""", frm="fr_vendor", to="fr_admin", tone="none"),

T("inv-en", "en", "Invoice {inv1} from MedSupply", """
Dear customer,

Please find your invoice details below.

Invoice number: {inv1}
Account number: {inv2}
Invoice date: {d_today}
Due date: {d_next2}

Item                               Qty   Amount
Blood pressure monitor (upper arm)   6   EUR 294.00
Pulse oximeter                      10   EUR 189.00
Thermometer probe covers (1000)      2   EUR  58.40
Total (incl. VAT)                        EUR 656.26

Payment reference: {inv1}
IBAN: {iban_fmt}

Thank you for your business.
""", frm="en_vendor", to="admin", tone="none"),

T("inv-herinnering", "nl", "Betalingsherinnering factuur {inv1}", """
Geachte relatie,

Volgens onze administratie staat factuur {inv1} van {d_prev2} ter hoogte van € 2.418,00 nog open. Mogelijk is de betaling over het hoofd gezien.

Klantnummer: {inv2}
Debiteurnummer: {inv3}

Wij verzoeken u vriendelijk het bedrag binnen 14 dagen te voldoen. Heeft u inmiddels betaald, dan kunt u deze herinnering als niet verzonden beschouwen.

Met vriendelijke groet,
Afdeling debiteuren
""", frm="vendor", to="admin", tone="none"),

T("inv-catering", "nl", "factuur catering heidag", """
Hallo {c_first},

Bijgaand de factuur voor de catering van de heidag (lunch 24 personen + borrel).
Factuurnummer {inv1}, totaal € 896,40 incl. btw. Graag betalen op {iban_fmt}.

Nogmaals bedankt, het was een gezellige dag!

Groet,
{s_full}
Catering De Smulpaap
""", frm_org=("Catering De Smulpaap", "smulpaap-example.nl"), frm="vendor", to="staff", tone="none"),

T("inv-software", "nl", "Factuur licenties ECD {year}", """
Geachte heer/mevrouw,

Hierbij de jaarfactuur voor de licenties van het elektronisch cliëntdossier.

Factuurnummer: {inv1}
Contractnummer: {inv3}
Klantnummer: {inv2}
Periode: 1 januari t/m 31 december {year}
Aantal gebruikers: 340 named users
Bedrag excl. btw: € 48.960,00

Betaling via automatische incasso rond de 25e.

Met vriendelijke groet,
Financiële administratie
""", frm_org=("ECD Solutions B.V.", "ecdsolutions-example.nl"), frm="vendor", to="admin", tone="none"),

T("inv-webshop", "nl", "Je bestelling {inv1} is verzonden", """
Hoi,

Goed nieuws: je bestelling is onderweg!

Ordernummer: {inv1}
Track & trace: 3SABCD{tt}
Artikelen: 2x whiteboard 90x120, 1x set whiteboardstiften, 3x bureaulamp LED

Bezorging verwacht: morgen tussen 14:00 en 17:00.

Fijne dag!
""", frm_org=("OfficePlus", "officeplus-example.nl"), frm="vendor", to="staff", tone="none"),

T("inv-creditnota", "nl", "Creditnota bij factuur {inv1}", """
Geachte heer/mevrouw,

Naar aanleiding van uw retourzending (2 dozen verkeerd geleverde katheters) ontvangt u hierbij een creditnota.

Creditnotanummer: {inv3}
Betreft factuurnummer: {inv1}
Bedrag: € -312,80

Het bedrag wordt verrekend met de eerstvolgende factuur.

Met vriendelijke groet,
""", frm_org=("MediLevering B.V.", "medilevering-example.nl"), frm="vendor", to="admin"),

T("inv-schoonmaak", "nl", "Factuur schoonmaakwerkzaamheden {month}", """
Beste {c_first},

Bijgevoegd de factuur voor de schoonmaak van locatie {loc} in {month}.

Factuurnr. {inv1} | klantnr. {inv2}
Reguliere schoonmaak: 86 uur à € 34,50
Extra: glasbewassing buitenzijde
Totaal: € 3.642,00 excl. btw

Groeten,
{s_full}
""", frm_org=("Facilitair Glans", "glans-example.nl"), frm="vendor", to="admin", tone="none"),

T("inv-congres", "nl", "Bevestiging registratie en factuur – Congres Verpleegkunde", """
Beste {c_first},

Bedankt voor je registratie voor het Landelijk Congres Verpleegkunde op {d_next_long}.

Registratienummer: {inv1}
Factuurnummer: {inv2}
Deelnameprijs: € 295,00 (vrijgesteld van btw)

Je badge ontvang je een week voor het congres per mail. Je hebt gekozen voor de sessies 'Wondzorg bij diabetes' en 'Palliatieve sedatie: wat zegt de richtlijn?'.

Tot dan!
Congresbureau
""", frm_org=("Congresbureau Zorg & Welzijn", "congresbureau-example.nl"), frm="vendor", to="staff", tone="none"),

T("inv-energie", "nl", "Jaarafrekening energie – klantnummer {inv2}", """
Geachte klant,

Uw jaarafrekening voor de locatie {loc} staat klaar in Mijn Omgeving.

Klantnummer: {inv2}
Contractnummer: {inv3}
EAN-code elektriciteit: 8712{ean}
Te betalen: € 14.212,66

Het nieuwe termijnbedrag wordt € 4.150,00 per maand.

Met vriendelijke groet,
Klantenservice Zakelijk
""", frm_org=("Energie Direct Zakelijk", "energiedirect-example.nl"), frm="vendor", to="admin", tone="none"),

T("inv-hulpmiddel", "nl", "Orderbevestiging rollators en rolstoel", """
{greet}

Hierbij bevestigen wij uw order.

Ordernummer: {inv1}
Debiteurnummer: {inv2}
Leveradres: {org_client}, afdeling {ward}

1x rolstoel lichtgewicht, zitbreedte 45 cm
3x rollator opvouwbaar, met mand en dienblad
Levering via onze eigen monteur, die de hulpmiddelen ook afstelt.
""", frm_org=("Zorgshop Direct", "zorgshop-example.nl"), frm="vendor", to="admin"),
]

ROSTER = [
T("ro-kolommen-achternamen", "nl", "rooster week {wd_next}", """
Hoi allemaal,

De bezetting voor volgende week, achter de naam de dienst:

{x_last}        - vroege dienst
{y_last}        - late dienst, daarna scholing hartfalen
{z_last}        - vrij

Ruilen graag via mij.
""", frm="mgr", to="team", tone="none"),

T("ro-lijst-achternamen", "nl", "invallers weekend", """
Hoi allemaal,

Voor het weekend zijn dit de invallers, zoals besproken:

{x_last}, {x_ini} - zaterdag {d_next} - vroege dienst
{y_last}, {y_ini} - zaterdag {d_next} - late dienst
{z_last}, {z_ini} - zondag {d_next2} - nachtdienst

Bel de bereikbaarheidsdienst als er iemand uitvalt.
""", frm="staff", to="staff", tone="informal"),

T("ro-week", "nl", "Rooster week {week} {ward}", """
Hoi team,

Hierbij het rooster voor week {week}. V = vroeg (7-15.30), L = laat (15-23.30), N = nacht, R = vrij.

           ma  di  wo  do  vr  za  zo
{n1}	 V   V   R   L   L   R   R
{n2}	 L   L   V   V   R   V   V
{n3}	 N   N   N   R   R   R   L
{n4}	 R   V   V   V   V   R   R
{n5}	 V   R   L   L   V   L   R
{n6}	 R   L   L   R   N   N   N

Ruilen graag via mij, niet onderling zonder het door te geven.

{s_first}
""", frm="mgr", to="team", tone="none"),

T("ro-open-diensten", "nl", "Open diensten volgende week – wie kan?", """
Hallo allemaal,

Er staan nog een aantal diensten open:

- {wd_next} {d_next}: late dienst (15.00-23.30)
- zaterdag: vroege dienst en nachtdienst
- zondag: late dienst

Wie kan er een overnemen? Reageer graag voor vrijdag 12.00 uur, anders moet ik een uitzendkracht aanvragen.

Dank jullie wel!
{s_first}
""", frm="mgr", to="team", tone="none"),

T("ro-vakantie", "nl", "Vakantieplanning zomer {year}", """
{greet}

Ik heb de vakantieaanvragen verwerkt. Zo ziet het eruit:

{f1}: week 28 t/m 30
{f2}: week 29 en 30
{f3}: week 31 t/m 33
{f4}: week 32 t/m 34
{f5}: week 27 en 35
{f6}: week 30

In week 30 is het erg krap. Zou iemand een week kunnen schuiven?
""", frm="mgr", to="team"),

T("ro-ruil", "nl", "ruilen?", """
Hoi lieve collega's,

Wie wil er met mij ruilen? Ik sta zaterdag {d_next} laat maar mijn zus trouwt. Ik kan in ruil elke dienst de week erna doen, ook nachten.

xx {s_first}
""", frm="staff", to="team", tone="none"),

T("ro-be-uurrooster", "be", "Uurrooster {month}", """
Dag collega's,

Het uurrooster voor {month} hangt in de verpleegpost en staat op het intranet. Enkele opmerkingen:

- {n1} en {n2} doen de nachten in de eerste week.
- Weekend 2: {n3}, {n4}, {n5} van dienst.
- Op de feestdag is er een weekendbezetting.

Vragen of wijzigingen graag via {s_first}.
""", frm="be_wzc", to="team", tone="none"),

T("ro-achterwacht", "nl", "Bereikbaarheidsschema specialisten ouderengeneeskunde", """
{greet}

Hieronder het schema achterwacht/bereikbaarheid voor de avond, nacht en het weekend in {month}.

Week 1: {dr} – {phone}
Week 2: {dr2} – {phone2}
Week 3: {dr} – {phone}
Week 4: {dr3} – {phone3}

Bij geen gehoor: de dienstdoende arts via de centrale, toestel {ext}.
""", frm="vvt", to="team"),

T("ro-kerst", "nl", "Kerstrooster", """
Beste collega's,

Het kerstrooster is rond. Dank aan iedereen die flexibel was!

24 dec avond: {n1}, {n2}, {n3}
25 dec: {n4}, {n5} (vroeg), {n6}, {n7} (laat), {n8} (nacht)
26 dec: {n9}, {n10} (vroeg), {n1}, {n11} (laat), {n3} (nacht)
31 dec: {n2}, {n12} (laat), {n6} (nacht)

Voor iedereen die werkt is er oliebollen en een kerstpakket extra.

Fijne dagen!
{s_first}
""", frm="mgr", to="team", tone="none"),

T("ro-csv", "nl", "Rooster {month} als bestand", """
Hoi,

In de bijlage het rooster van {month} als CSV (voor wie het in zijn eigen agenda wil zetten).

{s_first}
""", frm="mgr", to="team", tone="none", attach=[("rooster_{month}.csv", "text/csv", """datum;dienst;medewerker;functie
{d_next};vroeg;{f1};verpleegkundige
{d_next};vroeg;{f2};verzorgende IG
{d_next};laat;{f3};verpleegkundige
{d_next};nacht;{f4};verzorgende IG
{d_next2};vroeg;{f5};helpende
{d_next2};laat;{f6};verpleegkundige
""")]),

T("ro-nacht-bhv", "nl", "Nachtdiensten en BHV", """
Hi,

Ter herinnering: in elke nachtdienst moet minstens één BHV'er aanwezig zijn. Volgende week zijn dat:
ma/di {n1}, wo {n2}, do/vr {n3}, za/zo {n4}.

{n5} en {n6}: jullie BHV-herhaling is op {d_next}, graag aanmelden.
""", frm="mgr", to="team", tone="informal"),

T("ro-ziek-invallen", "nl", "Invaller gezocht vanavond", """
Hoi allemaal,

{n1} heeft zich ziek gemeld voor de late dienst van vanavond. Is er iemand die kan invallen? Het is een rustige avond, maar we zijn met z'n tweeën te weinig.

Laat het me zo snel mogelijk weten.
{s_first}
""", frm="mgr", to="team", tone="none", note="borderline: colleague absent 'ziek' without diagnosis"),

T("ro-stagiaires", "nl", "Planning stagiaires periode 3", """
{greet}

Periode 3 starten de volgende stagiaires:

{f1} – HBO-V jaar 3 – werkbegeleider {n1}
{f2} – MBO VIG niveau 3 – werkbegeleider {n2}
{f3} – MBO helpende – werkbegeleider {n3}

Startdatum is {d_next}. Introductie om 9.00 uur bij de receptie.
""", frm="staff", to="team"),
]

STATS = [
T("st-kwartaal", "nl", "Kwartaalrapportage Q{quarter} zorgprogramma's", """
{greet}

Hierbij de belangrijkste cijfers uit de kwartaalrapportage van de zorggroep (peildatum einde Q{quarter}).

Diabetes mellitus type 2
- Aantal patiënten in het programma: 4.812
- HbA1c ≤ 53 mmol/mol: 62%
- Jaarlijkse voetcontrole uitgevoerd: 88%

COPD
- 1.934 patiënten, waarvan 21% GOLD 3-4
- Gemiddeld 0,4 exacerbaties per patiënt per jaar

CVRM
- 32% van de patiënten heeft een systolische bloeddruk boven 140 mmHg

De volledige rapportage staat op het portaal. Vragen: {f1}, beleidsmedewerker.
""", frm="staff", to="list"),

T("st-val", "nl", "Valincidenten Q{quarter} per afdeling", """
{greet}

Overzicht valincidenten afgelopen kwartaal:

Afdeling        Aantal   per 1000 ligdagen
De Esdoorn          14    3,2
De Linde             9    2,1
Zilverschoon        22    5,0
Het Anker            6    1,4
Totaal              51    2,9

Op Zilverschoon is het aantal gestegen; 60% van de vallen gebeurde 's nachts bij bewoners met dementie. Voorstel: extra aandacht voor nachtelijke toiletgang en sensoren.
""", frm="staff", to="list", attach=[("valincidenten_Q{quarter}.csv", "text/csv", """afdeling;aantal;ligdagen;per_1000;met_letsel;waarvan_nacht
De Esdoorn;14;4375;3,2;2;8
De Linde;9;4286;2,1;1;5
Zilverschoon;22;4400;5,0;4;13
Het Anker;6;4286;1,4;0;3
""")]),

T("st-infectie", "nl", "Infectieregistratie september", """
Beste collega's,

Cijfers infectieregistratie september (alle locaties):

- Urineweginfecties: 23 (vorige maand 19)
- Luchtweginfecties: 17
- Norovirus: 14 bewoners verspreid over 3 locaties, uitbraak inmiddels voorbij
- MRSA-dragerschap: geen nieuwe gevallen
- COVID-19: 6 positieve testen bij bewoners

Antibioticagebruik: 38 kuren, 62% volgens formularium.

Deskundige infectiepreventie
""", frm="staff", to="list", tone="none"),

T("st-wachttijden", "nl", "Wachttijden per zorgprogramma", """
{greet}

Actuele wachttijden (aanmelding tot start behandeling), gemiddeld in weken:

Angst- en stemmingsstoornissen: 14
Persoonlijkheidsstoornissen: 31
Eetstoornissen: 9
ADHD/autisme volwassenen: 38
Psychose (FACT): 4

Het aantal aanmeldingen is 12% hoger dan vorig jaar. Deze cijfers worden maandelijks op de website gepubliceerd conform de afspraken met de zorgverzekeraars.
""", frm="ggz", to="list"),

T("st-lpz", "nl", "Uitkomsten prevalentiemeting zorgproblemen", """
Beste teamleiders,

De uitkomsten van de landelijke prevalentiemeting zorgproblemen zijn binnen. Bij ons:

- Decubitus (cat. 2-4): 4,2% (landelijk 5,1%)
- Incontinentie: 71%
- Ondervoeding: 9,8%
- Vrijheidsbeperkende maatregelen: 18%
- Pijn (VAS ≥ 4): 14%

Per afdeling staan de cijfers in de bijlage op SharePoint. Op de volgende kwaliteitsdag bespreken we de verbeterplannen.
""", frm="staff", to="team", tone="formal"),

T("st-verzuim", "nl", "Verzuimcijfers {month}", """
{greet}

Het verzuimpercentage over {month} is 6,8% (vorige maand 7,4%). Meldingsfrequentie 0,9. Langdurig verzuim (> 6 weken) maakt 58% van het totaal uit.

Per cluster:
Wonen: 8,1%
Thuiszorg: 6,2%
Ondersteunende diensten: 3,4%

We zien dat het kortdurend verzuim in de wintermaanden stijgt. De griepprik wordt daarom dit jaar op meer momenten aangeboden.
""", frm="hr", to="list"),

T("st-vaccinatiegraad", "nl", "Vaccinatiegraad medewerkers", """
Hoi allemaal,

Dit jaar heeft 41% van de medewerkers de griepprik gehaald (vorig jaar 36%). Per locatie loopt dat uiteen van 28% tot 57%. Dank aan iedereen die is geweest!

De coronavaccinatie (najaarsronde) is door 22% van de medewerkers gehaald.

Groet,
Team arbo & vitaliteit
""", frm="hr", to="all", tone="none"),

T("st-jaarverslag-ha", "nl", "Jaarverslag praktijk {year} – concept", """
Hoi {c_first},

Hier de cijfers voor het jaarverslag, kun je ze checken?

Ingeschreven patiënten op 31-12: 6.284
Consulten: 21.450, visites: 812, telefonische consulten: 14.300
Patiënten met DM2: 412 (6,6%)
Patiënten met COPD: 168
Patiënten met hartfalen: 97
POH-GGZ: 1.130 consulten, meest voorkomende hulpvraag: angst- en depressieklachten
Verwijzingen naar tweede lijn: 1.940 (top 3: dermatologie, orthopedie, KNO)

{s_first}
""", frm="gp", to="staff", tone="none"),

T("st-be-opnames", "be", "Cijfers opnames per dienst - {month}", """
Beste diensthoofden,

Hierbij de opnamecijfers van {month}:

Geriatrie: 142 opnames, gemiddelde ligduur 11,3 dagen
Cardiologie: 198 opnames, 5,1 dagen
Pneumologie: 121 opnames, 7,8 dagen
Psychiatrie (PAAZ): 38 opnames, 19,2 dagen

Bezettingsgraad totaal: 87%. De gedetailleerde rapportage volgt via de MZG-registratie.

Met vriendelijke groeten,
Medisch departement
""", frm="be_hosp", to="list", tone="none"),

T("st-mic-medicatie", "nl", "MIC-analyse medicatie-incidenten", """
{greet}

In het afgelopen halfjaar zijn 64 medicatie-incidenten gemeld:

- Vergeten toe te dienen: 27
- Verkeerde tijd: 15
- Verkeerde dosis: 9
- Verkeerde cliënt: 3
- Overig: 10

Bij 2 incidenten was er sprake van (tijdelijke) schade. Opvallend: 40% van de incidenten betrof insuline of opiaten (hoog-risicomedicatie). Advies van de commissie: dubbele controle bij insuline consequent uitvoeren.
""", frm="staff", to="team"),

T("st-tevredenheid", "nl", "Resultaten cliënttevredenheid", """
Beste collega's,

De resultaten van de cliëntervaringsmeting over het afgelopen jaar:

Net Promoter Score: +34
Aanbevelingscijfer: 8,4
Respons: 312 cliënten (43%)

Positief: vriendelijkheid medewerkers (9,1), uitleg over behandeling (8,2).
Verbeterpunten: wachttijd telefoon, wisselende zorgverleners in de thuiszorg.
""", frm="staff", to="all"),

T("st-dashboard-icd", "nl", "Dashboard zorgvraagtypering {quarter}e kwartaal", """
{greet}

Uit het dashboard voor het {quarter}e kwartaal:

Hoofddiagnosegroep               Aantal cliënten
Depressieve stoornissen (F32-F33)      618
Angststoornissen (F40-F41)             402
Trauma (F43)                           211
Persoonlijkheidsstoornissen (F60)      187
Psychotische stoornissen (F20-F29)     143
Overig                                 229

Totaal in zorg: 1.790. Het aandeel cliënten met een zorgvraagtype 'ernstig' steeg naar 24%.
""", frm="ggz", to="team"),

T("st-noro-kleine-aantallen", "nl", "Norovirus De Linde – stand van zaken", """
Hoi allemaal,

Op De Linde hebben inmiddels 2 cliënten en 1 medewerker klachten van braken en diarree. Waarschijnlijk norovirus. Voor de hele afdeling gelden de hygiënemaatregelen: handen wassen (geen alcohol), toiletten 2x per dag reinigen met chloor, geen gezamenlijke maaltijden tot 48 uur na de laatste klachten.

Deskundige infectiepreventie
""", frm="staff", to="team", tone="none", note="borderline: small counts, no person identifiable"),

T("st-antibiotica", "nl", "Antibioticagebruik per 1000 ligdagen", """
{greet}

Antibioticagebruik afgelopen jaar (DDD per 1000 ligdagen):

Locatie A: 41
Locatie B: 58
Locatie C: 36
Landelijk gemiddelde verpleeghuizen: 49

Amoxicilline/clavulaanzuur en nitrofurantoïne zijn het meest voorgeschreven. De A-teams stellen voor om op locatie B een audit te doen naar de behandeling van asymptomatische bacteriurie.
""", frm="staff", to="team"),
]
