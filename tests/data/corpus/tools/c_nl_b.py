"""Clean: vacancies, birthdays/jubilees, general office mail, staff health (generic)."""
from tpl import T

VACANCY = [
T("vac-hbov", "nl", "Vacature: verpleegkundige HBO-V, 24-32 uur", """
Voor onze afdeling Geriatrische Revalidatie zoeken wij een enthousiaste verpleegkundige (HBO-V).

Wat ga je doen?
Je begeleidt cliënten die na een heupfractuur, CVA of andere opname revalideren om weer naar huis te kunnen. Je werkt nauw samen met de specialist ouderengeneeskunde, fysiotherapeut en ergotherapeut. Je bent regieverpleegkundige en stelt het zorgplan op.

Wat vragen wij?
- Diploma HBO-V en BIG-registratie
- Ervaring met ouderen of revalidatie is een pré
- Bereidheid om onregelmatig te werken

Wat bieden wij?
- Salaris conform cao VVT, FWG 50 (max. € 4.700 bruto)
- Eindejaarsuitkering 8,33%
- Volop scholingsmogelijkheden

Solliciteren kan tot {d_next2} via de website. Vragen? Bel {f1}, teamleider, via {phone}.
""", frm="hr", to="list", tone="none"),

T("vac-gz", "nl", "Wij zoeken een GZ-psycholoog (32-36 uur)", """
Beste collega,

Ken jij iemand die past bij ons team? Wij zoeken een GZ-psycholoog voor de specialistische GGZ, team angst en depressie.

Je doet diagnostiek, indiceert en behandelt volwassenen met o.a. depressie, angststoornissen en trauma (EMDR, CGT, schematherapie). Je bent regiebehandelaar.

We bieden een vast contract, FWG 70 (cao GGZ), een opleidingsbudget van € 2.500 per jaar en thuiswerkmogelijkheden.

Doorsturen mag! Meer info: vacatures@{domain}
""", frm="ggz", to="list", tone="none"),

T("vac-ig-nacht", "nl", "Vacature verzorgende IG nachtdienst", """
Ben jij een nachtmens? Wij zoeken een verzorgende IG voor vaste nachtdiensten (3 nachten per week) in ons verpleeghuis.

Je zorgt voor bewoners met dementie en lichamelijke beperkingen, reageert op alarmeringen en werkt samen met een collega en de achterwacht. Je bent bevoegd en bekwaam voor risicovolle handelingen zoals insuline toedienen en katheteriseren.

Onregelmatigheidstoeslag tot 47%. Reiskostenvergoeding. Interesse? Reageer voor {d_next2}.
""", frm="hr", to="list", tone="none"),

T("vac-spv-fact", "nl", "Interne vacature SPV FACT-team", """
{greet}

Het FACT-team Zuid zoekt per direct een sociaal psychiatrisch verpleegkundige (SPV) voor 28-32 uur. Je begeleidt cliënten met ernstige psychiatrische aandoeningen (psychose, bipolaire stoornis) in hun eigen omgeving en werkt met de FACT-board en crisiskaarten.

Interne kandidaten gaan voor. Solliciteren via het intranet tot {d_next2}.
""", frm="hr", to="all"),

T("vac-be", "be", "Vacature: verpleegkundige dienst interne geneeskunde", """
Ben jij een gemotiveerde bachelor verpleegkunde? Kom ons team versterken!

Functie: verpleegkundige (m/v/x) op de dienst interne geneeskunde, 80-100%
Profiel: bachelor of HBO5 verpleegkunde, visum van de FOD Volksgezondheid
Aanbod: verloning volgens IFIC-barema, maaltijdcheques, fietsvergoeding, hospitalisatieverzekering

Stuur je cv en motivatie naar jobs@{domain} voor {d_next2}.
""", frm="be_hosp", to="list", tone="none"),

T("vac-nurse-en", "en", "Job opening: Registered Nurse (English speaking)", """
We are looking for an English-speaking Registered Nurse to join our international clinic in {loc}.

You will:
- provide nursing care and patient education for the expat community
- run vaccination and travel clinics
- assist GPs with minor procedures

Requirements: nursing degree, BIG registration (or in progress), good command of Dutch is a plus.

Apply by sending your CV to careers@{domain}.
""", frm="en_expat", to="list", tone="none"),

T("vac-assistent", "nl", "Gezocht: doktersassistent (20 uur)", """
Hoi collega's uit de regio,

Onze praktijk zoekt een doktersassistent voor 20 uur per week (ma, wo, vr ochtend). Triage volgens de NTS, spreekuren voor wondzorg en uitstrijkjes, ECG's maken.

Kennen jullie iemand? Laat het weten!

{s_first}
""", frm="gp", to="list", tone="none"),

T("vac-teamleider", "nl", "Interne vacature teamleider thuiszorg", """
{greet}

Per 1 september ontstaat een vacature voor teamleider thuiszorg (regio {loc}). Je bent verantwoordelijk voor drie zelforganiserende teams van wijkverpleegkundigen en verzorgenden, in totaal 45 medewerkers.

Heb je interesse? Neem contact op met {f1}, regiomanager. Sollicitatiegesprekken in week {week}.
""", frm="hr", to="all"),

T("vac-recruiter", "nl", "Nieuwe uitdaging als IC-verpleegkundige?", """
Hoi {c_first},

Ik kwam je profiel tegen en dacht meteen aan een vacature bij een topklinisch ziekenhuis in de Randstad: IC-verpleegkundige, 32-36 uur, met extra IC-toelage en een tekenbonus van € 3.000.

Zou je het leuk vinden om hier eens vrijblijvend over te sparren? Ik bel je graag even.

Groet,
{s_full}
Senior recruiter Zorg
""", frm="recruiter", to="staff", tone="none", attach=[("{s_first}.vcf", "text/vcard", """BEGIN:VCARD
VERSION:3.0
FN:{s_full}
ORG:ZorgTalent Werving
TITLE:Senior recruiter Zorg
TEL;TYPE=WORK:{phone}
EMAIL:{s_addr}
NOTE:Specialist in werving van IC-\, OK- en SEH-verpleegkundigen.
END:VCARD
""")]),

T("vac-bbl", "nl", "BBL-opleidingsplaatsen verpleegkunde", """
Beste medewerkers,

Wil jij je opleiden tot verpleegkundige (MBO niveau 4) met behoud van salaris? Dit jaar hebben we 12 BBL-plaatsen. Je werkt 3 dagen op de afdeling en gaat 1 dag per week naar school.

Informatiebijeenkomst: {d_next} om 15.00 uur in de aula. Aanmelden bij {f1}, leerhuis.
""", frm="hr", to="all", tone="none"),

T("vac-vrijwilligers", "nl", "Vrijwilligers gezocht voor de zondagmiddag", """
{greet}

Wij zoeken vrijwilligers die op zondagmiddag willen helpen bij de koffie en activiteiten in het restaurant van {org}. Je maakt een praatje met bewoners, speelt een spelletje of maakt een wandeling.

Ervaring is niet nodig. Wel vragen we een VOG (kosteloos voor vrijwilligers).

Interesse? Mail naar vrijwilligers@{domain}.
""", frm="vvt", to="list"),

T("vac-bevestiging", "nl", "Bevestiging van je sollicitatie", """
Beste {c_first},

Bedankt voor je sollicitatie op de vacature 'Wijkverpleegkundige niveau 5'. We hebben je brief en cv in goede orde ontvangen.

Binnen twee weken hoor je van ons of je bent uitgenodigd voor een gesprek. De gesprekken staan gepland op {d_next} en {d_next2}.

Met vriendelijke groet,
{s_full}
Recruitment
""", frm="hr", to="candidate", tone="none"),
]

BIRTHDAY = [
T("bd-jubileum", "nl", "{nf1} 25 jaar in dienst!", """
Lieve collega's,

Op {d_next} is {ff1} 25 jaar in dienst bij {org}! Ze begon als leerling-verpleegkundige op de oude afdeling aan de {street} en is nu al jaren onze steun en toeverlaat op {ward}.

We willen dit natuurlijk vieren: {wd_next} om 15.00 uur staat er taart in de teamkamer. Wil je bijdragen aan een cadeau? Tikkie volgt.

Groetjes,
{s_first}
""", frm="staff", to="team", tone="none"),

T("bd-50", "nl", "Surprise: {nf2} wordt 50!", """
Psssst!

Morgen wordt {nf2} 50 jaar! Ze weet van niks. Om 10.00 uur zingen we haar toe in de koffiekamer, ik neem appeltaart mee. Wie regelt de slingers?

Niks tegen haar zeggen hè!
{s_first}
""", frm="staff", to="team", tone="none"),

T("bd-pensioen", "nl", "Afscheid {ff1} – met pensioen", """
Beste collega's,

Na ruim 38 jaar gaat {ff1} met pensioen. Ze heeft in die jaren op bijna alle afdelingen gewerkt en honderden leerlingen begeleid.

We nemen afscheid op vrijdag {d_next2} van 16.00 tot 18.00 uur in het restaurant. Iedereen is welkom, ook oud-collega's. Wil je iets zeggen of een stukje voorlezen, laat het {n3} weten.

Voor een cadeau staat een envelop bij de receptie.
""", frm="mgr", to="all", tone="formal"),

T("bd-baby", "nl", "Geboren: zoon van {nf1}!", """
Lieve allemaal,

{nf1} en haar vriend {nm1} zijn de trotse ouders geworden van een zoon: Daan! Hij is geboren op {d_prev} om 04:12 uur. Ze genieten met z'n drietjes van hun kleine man.

Wie een kaartje wil sturen: het adres ligt bij mij. We sparen voor een gezamenlijk kraamcadeau (Tikkie volgt).

Groetjes,
{s_first}
""", frm="staff", to="team", tone="none"),

T("bd-tikkie", "nl", "cadeau {nf2}", """
Hoi! Voor het afscheid van {nf2} (ze gaat verhuizen naar Zeeland) verzamelen we geld voor een cadeau. Wie meedoet: Tikkie van €5 via deze link: https://tikkie.me/pay/example/{uid}

Dank jullie!
""", frm="staff", to="team", tone="none"),

T("bd-be-verjaardag", "be", "Verjaardag {nf1}", """
Dag iedereen,

Morgen verjaart {nf1}! Ze trakteert met pistolets in de refter om 10u. Wie wil, kan een kaartje tekenen, dat ligt in de verpleegpost.

Groetjes,
{s_first}
""", frm="be_wzc", to="team", tone="none"),

T("bd-trouwen", "nl", "{n5} gaat trouwen!", """
Hoi team,

Goed nieuws: {n5} gaat op {d_next_long} trouwen met {n7}! We willen een cadeau en een bos bloemen regelen. Ideeën en bijdragen graag bij {n6} of mij.

Liefs,
{s_first}
""", frm="staff", to="team", tone="none"),

T("bd-jubilarissen", "nl", "Uitnodiging jubilarissenfeest", """
Geachte collega,

De raad van bestuur nodigt u van harte uit voor het jubilarissenfeest op {d_next_long} om 17.00 uur in Hotel De Wageningsche Berg.

Dit jaar vieren we het jubileum van:
12,5 jaar: {f1}, {f2}, {f3}
25 jaar: {f4}, {f5}
40 jaar: {f6}

Partners zijn welkom. Graag aanmelden voor {d_next2}.

Met vriendelijke groet,
Secretariaat raad van bestuur
""", frm="mgr", to="all", tone="none"),

T("bd-kalender", "nl", "Verjaardagen in {nextmonth}", """
Hoi allemaal,

Deze collega's zijn jarig in {nextmonth}:

3e – {f1}
9e – {f2} (wordt 30!)
14e – {f3}
21e – {f4}
28e – {f5}

Vergeet niet te feliciteren :)
""", frm="staff", to="team", tone="none"),

T("bd-condoleance", "nl", "Condoleance {n3}", """
Beste collega's,

Afgelopen weekend is de vader van {n3} overleden. {n3} is de komende week niet aan het werk. Wie een kaart wil sturen kan die bij mij afgeven; ik breng ze donderdag samen met bloemen namens het team.

De uitvaart is op {wd_next} om 11.00 uur in de aula van {loc}.

{s_first}
""", frm="mgr", to="team", tone="none", note="borderline: death of a colleague's relative without cause"),

T("bd-welkom", "nl", "Welkom {ff1_first}!", """
Hallo allemaal,

Maandag start {ff1} als verpleegkundige op {ward}. {ff1_first} komt van het ziekenhuis in {loc}, waar ze 6 jaar op de longafdeling werkte. Ze loopt de eerste twee weken boventallig mee met {n2}.

Maak haar welkom!
{s_first}
""", frm="mgr", to="team", tone="none"),

T("bd-stagiaire", "nl", "Bedankt en tot ziens!", """
Lieve collega's,

Vandaag is mijn laatste stagedag op {ward}. Ik wil jullie heel erg bedanken voor de fijne tijd, alles wat ik heb geleerd en het geduld met al mijn vragen. Speciaal dank aan {n1}, mijn werkbegeleider!

Er staat een doos bonbons in de teamkamer.

Liefs,
{s_first}
""", frm="staff", to="team", tone="none"),

T("bd-felicitatie-reply", "nl", "Re: Verjaardag", """
Wat lief allemaal, dank jullie wel voor de felicitaties en de bloemen! Het was een heerlijke dag.

Liefs, {s_first}

> Hoi {s_first}, gefeliciteerd met je 40e verjaardag! Geniet ervan!
> Het team van {ward}
""", frm="staff", to="team", tone="none"),
]

GENERAL = [
T("gen-voornaam-onderwerp-lezer", "nl", "vraagje voor {c_first}", """
Hoi {c_first},

Heb jij de nieuwe werkinstructie epilepsie en de aanvalsregistratie nog liggen? Ik wil hem vrijdag meenemen naar het teamoverleg, dan kunnen we hem samen doorlopen.

Groet,
{s_first}
""", frm="staff", to="staff", tone="informal"),

T("gen-jullie-kleding", "nl", "kleding en naamlabels", """
{greet}

Jullie {moeder} heeft een paar nieuwe broeken en truien nodig, de oude zijn versleten. Willen jullie bij het brengen de naamlabels erin strijken? Dan raakt er in de wasserij niets kwijt.
""", frm="vvt", to="family"),

T("gen-folder-overdosis", "nl", "nieuwe folder bij de balie", """
Hoi allemaal,

Vanaf deze week ligt bij de balie de folder 'Wat te doen bij een overdosis?'. Hij gaat over naloxon, over de signalen van een terugval en over wie je 's nachts belt. Leg hem gerust neer in de huiskamers van de woonvormen.
""", frm="staff", to="team", tone="informal"),

T("gen-kamer-verhuizing", "nl", "kamer {p_roomno}", """
Hoi {c_first},

Even een update over de bewoner van kamer {p_roomno}: de nieuwe kast en het hoog-laagbed worden morgen om 10.00 geleverd. De familie komt om 11.00 om de spullen in te ruimen en vroeg of de informatieavond over dementie in het restaurant ook voor hen open is.
""", frm="staff", to="staff", tone="informal"),

T("gen-storing-ecd", "nl", "Storing ECD", """
Beste collega's,

Op dit moment is er een storing in het ECD: inloggen gaat erg traag en rapportages worden niet altijd opgeslagen. De leverancier is ingeschakeld.

Advies: noteer je rapportage tijdelijk op papier (formulieren liggen in de verpleegpost) en voer deze later in. De medicatieaftekenlijsten werken wel.

We houden jullie op de hoogte.
Servicedesk ICT, toestel {ext}
""", frm="it", to="all", tone="none"),

T("gen-parkeren", "nl", "Parkeerterrein P2 afgesloten", """
{greet}

Vanaf {wd_next} tot en met vrijdag is parkeerterrein P2 afgesloten in verband met asfalteringswerkzaamheden. Medewerkers kunnen parkeren op het terrein van de sporthal aan de overkant. Houd de plekken bij de hoofdingang vrij voor bezoekers en de ambulance.

Facilitaire dienst
""", frm="facility", to="all"),

T("gen-menu", "nl", "Menu personeelsrestaurant deze week", """
Menu personeelsrestaurant week {week}

Maandag: erwtensoep / broodje gezond
Dinsdag: lasagne (vega mogelijk)
Woensdag: kip-saté met rijst
Donderdag: stamppot boerenkool met rookworst
Vrijdag: vis van de dag met frietjes

Soep van de week: tomatensoep. Smakelijk!
""", frm="facility", to="all", tone="none"),

T("gen-agressie-training", "nl", "Inschrijving training 'omgaan met agressie'", """
Hoi allemaal,

De training 'Omgaan met agressie en ontremd gedrag' wordt weer aangeboden. De training is verplicht voor iedereen die op de PG-afdelingen en in de GGZ-woonvormen werkt en eens in de twee jaar moet worden herhaald.

Data: {d_next} en {d_next2}, 9.00-16.30 uur
Trainer: {f1}
Inschrijven via het leerplatform. Maximaal 12 deelnemers per groep.

Groet,
Leerhuis
""", frm="hr", to="all", tone="none"),

T("gen-protocol-insuline", "nl", "Protocol insuline toedienen – versie 3.2", """
{greet}

Het protocol 'Insuline toedienen' is herzien. Belangrijkste wijzigingen:

- Bij een glucose lager dan 4 mmol/l: eerst hypo behandelen (15-20 g snelle koolhydraten), na 15 minuten opnieuw meten.
- Insulinepennen worden na opening maximaal 4 weken gebruikt; noteer de openingsdatum.
- Dubbele controle is verplicht bij het opstarten van een nieuw schema.

Het protocol staat in het kwaliteitshandboek. Lees het goed door en teken voor gelezen bij je teamleider.

Deskundigheidsbevordering
""", frm="staff", to="all", tone="none"),

T("gen-bsn-wid", "nl", "Nieuw werkproces: identificatie en BSN-controle bij inschrijving", """
Beste collega's van de administratie,

Per 1 juli passen we het werkproces bij inschrijving van nieuwe cliënten aan:

1. Vraag altijd een geldig identiteitsbewijs (paspoort, ID-kaart, rijbewijs).
2. Controleer het BSN via de SBV-Z (WID-check) en leg het type en nummer van het identiteitsbewijs vast.
3. Maak géén kopie van het identiteitsbewijs.
4. Stuur een BSN nooit via gewone e-mail; gebruik het ECD of ZorgMail.

De werkinstructie staat op het intranet. Vragen? Bel {f1}, functionaris gegevensbescherming.
""", frm="staff", to="team", tone="none"),

T("gen-phishing", "nl", "Let op: phishingmail 'Uw wachtwoord verloopt'", """
Beste collega's,

Er gaat een phishingmail rond met als onderwerp 'Uw wachtwoord verloopt vandaag'. De mail lijkt van ICT te komen maar is dat niet. Klik niet op de link en vul nergens je gegevens in.

Heb je toch geklikt? Wijzig direct je wachtwoord en meld het bij de servicedesk ({ext}).

ICT
""", frm="it", to="all", tone="none"),

T("gen-printer", "nl", "Re: printer 2e verdieping", """
Hoi {c_first},

De printer op de 2e verdieping is gemaakt, er zat papier vast in lade 3. Toner is ook vervangen. Laat maar weten als hij weer gaat piepen.

Groet,
{s_first}
ICT

> Hoi, de printer op de 2e doet het weer niet, kan iemand even kijken?
""", frm="it", to="staff", tone="none"),

T("gen-brandoefening", "nl", "Ontruimingsoefening {wd_next}", """
{greet}

Op {d_next_long} vindt tussen 10.00 en 12.00 uur een ontruimingsoefening plaats op locatie {loc}. Bewoners worden van tevoren geïnformeerd; bedlegerige bewoners worden niet daadwerkelijk verplaatst.

BHV'ers: verzamelen om 9.30 uur bij de centrale post.
""", frm="facility", to="all"),

T("gen-handhygiene", "nl", "Week van de handhygiëne", """
Hoi allemaal,

Volgende week is het de week van de handhygiëne. Wist je dat de meeste zorginfecties (zoals MRSA, norovirus en urineweginfecties) via de handen worden overgedragen? Op elke afdeling komt de deskundige infectiepreventie langs met de UV-lamp om te laten zien hoe goed je je handen desinfecteert.

Ook zijn de MRSA- en BRMO-protocollen herzien conform de nieuwe WIP-richtlijnen. Lees ze even door!
""", frm="staff", to="all", tone="formal"),

T("gen-bls", "nl", "Data BLS/AED-herhaling", """
Beste collega's,

De verplichte herhaling reanimatie (BLS/AED) staat gepland op:
- {d_next}, 13.30-15.30
- {d_next2}, 9.00-11.00
- {d_next2}, 18.30-20.30

Inschrijven via het leerplatform. Vergeet niet vooraf de e-learning af te ronden.
""", frm="hr", to="all", tone="none"),

T("gen-veilig-mailen", "nl", "Veilig mailen: hoe zit het ook alweer?", """
Beste collega's,

Even een geheugensteuntje. Stuur je informatie over een patiënt of cliënt (naam met diagnose, medicatie, BSN, uitslagen) naar iemand buiten onze organisatie? Gebruik dan altijd beveiligd mailen: zet [veilig] in het onderwerp, of gebruik ZorgMail / Zivver. Twijfel je? Liever één keer te vaak beveiligd.

Intern (naar @{domain}) mag het gewoon.

Onze FG, {f1}, geeft op {d_next} een korte uitleg tijdens de lunch.
""", frm="staff", to="all", tone="formal"),

T("gen-apotheek-levering", "nl", "Gewijzigde levertijden medicatie", """
{greet}

Vanaf volgende week levert de apotheek de weekrollen op dinsdag in plaats van maandag. Spoedmedicatie blijft dagelijks mogelijk tot 16.00 uur via het bekende nummer. De medicatiekarren worden voortaan door de apothekersassistent zelf gecontroleerd.
""", frm="apo", to="team"),

T("gen-kerstpakket", "nl", "Kies je kerstpakket", """
Hoi allemaal,

Dit jaar mag je zelf je kerstpakket kiezen! Je kunt kiezen uit een pakket met lekkernijen, een cadeaubon of een donatie aan een goed doel. Kiezen kan tot {d_next2} via de link op het intranet.

Fijne dagen alvast!
HR
""", frm="hr", to="all", tone="none"),

T("gen-wzd", "nl", "Werkgroep Wzd: stand van zaken", """
{greet}

Korte update van de werkgroep Wet zorg en dwang:
- Alle teams hebben inmiddels de e-learning gedaan.
- Het stappenplan onvrijwillige zorg is digitaal in het ECD opgenomen.
- De externe deskundige is vanaf {month} beschikbaar via het regionale netwerk.

Volgende keer: evaluatie van het gebruik van domotica (sensoren, camera's) in relatie tot de Wzd.
""", frm="staff", to="team"),

T("gen-beeldbellen", "nl", "Pilot beeldbellen met de huisarts", """
Beste teams,

Vanaf volgende maand starten we een pilot met beeldbellen met de huisartsenpraktijken in {loc}. Via de tablet op de afdeling kun je dan een (video)consult doen in plaats van te wachten op een visite. Instructie volgt door {f1}.

Voor de duidelijkheid: je gebruikt hiervoor de beveiligde app, niet WhatsApp of FaceTime.
""", frm="staff", to="all", tone="formal"),

T("gen-tolk", "nl", "Re: tolk aanvragen?", """
Hoi {c_first},

Een tolk vraag je aan via de tolkentelefoon (Globaltalk), ons klantnummer staat op het intranet onder 'Communicatie met anderstaligen'. Voor een tolk ter plaatse moet je minimaal 48 uur van tevoren boeken. De kosten zijn voor de afdeling.

Groet,
{s_first}

> Weet iemand hoe ik een tolk Arabisch aanvraag voor een gesprek volgende week?
""", frm="staff", to="staff", tone="none"),

T("gen-hap-triage", "nl", "Nieuwe versie triagewijzer HAP", """
Beste collega's,

Per 1 oktober werken we op de HAP met de nieuwe versie van de NTS. Wijzigingen onder meer bij pijn op de borst (U2 bij atypische klachten met risicofactoren), suïcidale uitingen en koorts bij kinderen jonger dan 3 maanden. Triagisten krijgen een korte training.

Het dienstrooster voor het vierde kwartaal staat online.
""", frm="gp", to="list"),

T("gen-onderzoek", "nl", "Deelname wetenschappelijk onderzoek valpreventie", """
{greet}

Onze organisatie neemt deel aan een onderzoek van de hogeschool naar valpreventie bij ouderen. Op drie afdelingen worden gedurende 6 maanden valincidenten geregistreerd en geanalyseerd. Gegevens worden anoniem verwerkt; er worden geen namen of geboortedata doorgegeven aan de onderzoekers. De METC heeft het onderzoek beoordeeld.

Vragen? Neem contact op met {f1}.
""", frm="staff", to="team"),

T("gen-icpc-vraag", "nl", "codering diabetes ICPC", """
Hoi {c_first},

Even een vraagje: codeer jij diabetes type 2 zonder insuline als T90.02 en met insuline als T90.02 plus een episode 'insulinegebruik'? Of gebruik je nog de oude T90? De zorggroep telt volgens mij alleen T90.02 mee voor de ketenzorg.

Groet,
{s_first}
""", frm="gp", to="gp2", tone="none"),

T("gen-be-ehealthbox", "be", "eHealthBox en aanpassing software", """
Beste collega's,

Vanaf volgende week wordt de eHealthBox geïntegreerd in ons huisartsenpakket. Controleer of je RIZIV-nummer en je eID-lezer correct zijn ingesteld. Resultaten van labo's komen dan automatisch in het dossier.

Bij problemen kan je terecht bij de helpdesk ({phone}).

Vriendelijke groeten,
{s_first}
""", frm="be_gp", to="list", tone="none"),

T("gen-sleutel", "nl", "Toegangspas kwijt?", """
{greet}

Ben je je toegangspas kwijt? Meld het direct bij de receptie, dan wordt de pas geblokkeerd. Een nieuwe pas kost € 15 en wordt verrekend met je salaris. Draag je pas altijd zichtbaar.
""", frm="facility", to="all"),
]

STAFFHEALTH = [
T("sh-griepprik", "nl", "Griepprik voor medewerkers op dinsdag", """
Beste collega's,

Komende dinsdag kun je tussen 7.00 en 16.00 uur de griepprik halen in de EHBO-ruimte (begane grond). Je hoeft geen afspraak te maken. Je bent zelf beter beschermd, en je beschermt de kwetsbare cliënten met wie je werkt.

Heb je vragen of twijfel je? De bedrijfsarts houdt op maandag een vragenuurtje.

Team arbo & vitaliteit
""", frm="hr", to="all", tone="none"),

T("sh-ziek-zelf", "nl", "ziek", """
Hoi {c_first},

Ik ben vandaag ziek, ik hoop morgen weer terug te zijn. Mijn afspraken van vandaag heb ik verzet, behalve het overleg van 14.00 uur; kan {n2} dat van me overnemen?

Groetjes,
{s_first}
""", frm="staff", to="mgr", tone="none"),

T("sh-ziekmelding-dienst", "nl", "Ziekmelding late dienst", """
Hallo {c_first},

Helaas moet ik me ziek melden voor mijn late dienst van vanavond. Ik heb al gebeld maar kreeg de voicemail. Ik laat morgen weten hoe het gaat.

Sorry!
{s_first}
""", frm="staff", to="mgr", tone="none"),

T("sh-naar-huis", "nl", "ik ga naar huis", """
Ik voel me niet lekker en ga naar huis. {n1} neemt mijn telefoon over en weet van de afspraken van vanmiddag. Morgen ben ik er waarschijnlijk gewoon weer.

{s_first}
""", frm="staff", to="team", tone="none"),

T("sh-corona-vaccinatie", "nl", "Najaarsronde coronavaccinatie zorgmedewerkers", """
{greet}

Zorgmedewerkers met direct patiëntcontact kunnen ook dit najaar een coronavaccinatie halen. Dat kan bij de GGD (afspraak maken via het landelijke nummer, vermeld dat je zorgmedewerker bent) of op {d_next} bij ons op locatie, samen met de griepprik.

Vaccinatie is vrijwillig. We registreren niet wie er geweest is.
""", frm="hr", to="all"),

T("sh-bedrijfsarts-tijden", "nl", "Nieuwe spreekuurtijden bedrijfsarts", """
Beste collega's,

Vanaf {month} is het open spreekuur van de bedrijfsarts verplaatst naar de donderdagochtend (9.00-11.00 uur). Je kunt er terecht met vragen over werk en gezondheid, ook als je niet ziek bent. Wat je bespreekt blijft vertrouwelijk; je leidinggevende krijgt geen informatie zonder jouw toestemming.

Afspraak maken via het arboportaal of bel {phone}.
""", frm="hr", to="all", tone="none"),

T("sh-hepb", "nl", "Hepatitis B-vaccinatie voor nieuwe medewerkers", """
{greet}

Nieuwe medewerkers die in aanraking kunnen komen met bloed of lichaamsvloeistoffen krijgen de hepatitis B-vaccinatie aangeboden. Het schema bestaat uit drie prikken (0, 1 en 6 maanden) en een titerbepaling na afloop.

Nieuwe medewerkers krijgen automatisch een uitnodiging van de arbodienst. Heb je al eerder een volledige vaccinatie gehad? Neem dan je vaccinatiebewijs mee.
""", frm="hr", to="all"),

T("sh-tillen", "nl", "Workshop gezond tillen en werken", """
Hoi allemaal,

Rugklachten zijn in de zorg een van de belangrijkste oorzaken van verzuim. Daarom organiseert de ergocoach op {d_next} een workshop 'gezond tillen en transfers'. Je oefent met de tillift, glijzeil en sta-op-lift.

Aanmelden bij {n1}. Duur: 1,5 uur, telt als werktijd.
""", frm="staff", to="team", tone="informal"),

T("sh-tandarts", "nl", "vanmiddag weg", """
Hoi, ik ben vanmiddag vanaf 14.00 weg ivm een afspraak bij de tandarts. Telefoon staat doorgeschakeld naar {n2}. Morgen gewoon weer aanwezig!

{s_first}
""", frm="staff", to="team", tone="none"),

T("sh-kind-ziek", "nl", "thuiswerken", """
Goedemorgen,

Mijn dochter is ziek en moet thuisblijven van school, dus ik werk vandaag thuis. Ik ben bereikbaar via Teams en op mijn mobiel. Het overleg om 11.00 doe ik online.

Groet,
{s_first}
""", frm="staff", to="mgr", tone="none"),

T("sh-be-ziek", "be", "Ziek vandaag", """
Dag {c_first},

Ik ben vandaag ziek, mijn doktersattest breng ik morgen binnen. Mijn patiënten van vanmiddag zijn verwittigd.

Groetjes,
{s_first}
""", frm="be_staff", to="be_mgr", tone="none"),

T("sh-stoppen-roken", "nl", "Gratis stoppen-met-rokencursus voor medewerkers", """
{greet}

Wil je stoppen met roken? Vanaf {nextmonth} bieden we medewerkers een gratis groepstraining 'Stoppen met roken' aan (8 bijeenkomsten). Nicotinevervangers worden vergoed via de basisverzekering.

Aanmelden kan anoniem via het vitaliteitsportaal.
""", frm="hr", to="all"),

T("sh-prikaccident-protocol", "nl", "Herinnering: wat te doen bij een prikaccident", """
Beste collega's,

Naar aanleiding van vragen nog even het protocol prikaccidenten op een rij:

1. Laat de wond goed doorbloeden, spoel met water en desinfecteer.
2. Meld het direct bij je leidinggevende.
3. Bel binnen 2 uur de prikaccidentenlijn van de GGD ({phone}).
4. Vul het meldingsformulier in.

Het volledige protocol hangt in elke verpleegpost.
""", frm="staff", to="all", tone="none"),

T("sh-beterschap-reply", "nl", "Re: ziek", """
Beterschap! Komt goed, ik neem je overleg over. Rust lekker uit.

{s_first}

> Hoi {s_first}, ik ben vandaag ziek, ik laat morgen weten hoe het gaat.
> Groetjes, {c_first}
""", frm="mgr", to="staff", tone="none"),

T("sh-mantelzorg", "nl", "Mantelzorgverlof: wat zijn de regels?", """
Beste collega's,

Regelmatig krijgen we de vraag welke verlofregelingen er zijn als je zorgt voor een ziek familielid. Op een rij:

- Calamiteitenverlof: kort, voor onvoorziene situaties
- Kortdurend zorgverlof: maximaal 2x je wekelijkse arbeidsduur per jaar, 70% doorbetaald
- Langdurend zorgverlof: maximaal 6x je wekelijkse arbeidsduur per jaar, onbetaald

Bespreek je situatie met je leidinggevende of met P&O.
""", frm="hr", to="all", tone="formal"),
]
