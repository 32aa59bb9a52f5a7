"""Sensitive: nursing home / home care to family, HR sick notes, GGZ crisis."""
from tpl import T

FAMILY = [
T("fam-voornaam-onderwerp", "nl", "{p_first} en het eten", """
Hoi {c_first},

Toen ik {p_first} zondag na het weekend terugbracht, viel me op hoe los de broek zat. Volgens mij is {hij} flink afgevallen. {p_first} zei zelf dat {hij} na het eten vaak buikpijn heeft; de huisarts had het vorig jaar al over coeliakie. Wordt {hij} op de groep nog gewogen?

Groetjes,
{r_first}
""", frm="family", to="vvt", tone="informal"),

T("fam-jullie-longontsteking", "nl", "na het gesprek van gisteren", """
{greet}

Fijn dat jullie gisteren allebei konden komen. Zoals beloofd nog even op papier: de specialist ouderengeneeskunde heeft bij jullie {moeder} een longontsteking vastgesteld. {Hij} krijgt vanaf vandaag een antibioticakuur en 's nachts wat extra zuurstof. Als jullie vragen hebben, bel gerust de afdeling.
""", frm="vvt", to="family"),

T("fam-kamer-pijnpomp", "nl", "kamer {p_roomno}", """
Hoi {c_first},

Even een update over de bewoner van kamer {p_roomno}: {hij} is vanmiddag van de pijnpomp overgezet op fentanylpleisters, de eerste pleister zit er sinds 14.00. Graag vannacht goed letten op sufheid en de ademhaling. De familie is op de hoogte en komt morgen langs.
""", frm="staff", to="staff", tone="informal"),

T("fam-val", "nl", "Uw moeder is vannacht gevallen", """
{greet}

Zoals ik u vanochtend al telefonisch vertelde, is uw {moeder} vannacht rond 3.00 uur gevallen op weg naar het toilet. De nachtdienst vond {hem} naast het bed. {Hij} had veel pijn aan de linkerheup en kon niet staan. Na overleg met de arts is {hij} naar de SEH van het ziekenhuis gebracht, waar een heupfractuur is vastgesteld. {Hij} wordt vandaag of morgen geopereerd.

Wij hebben de valincidentmelding gedaan en bespreken in het team hoe we een volgende val kunnen voorkomen (o.a. sensor bij bed, heupbeschermer).

U kunt mij altijd bellen als u vragen heeft.
""", frm="vvt", to="family"),

T("fam-zorgplan", "nl", "Verslag zorgplanbespreking {d_prev}", """
{greet}

Zoals afgesproken hierbij een kort verslag van de zorgplanbespreking van {d_prev} over uw {moeder}, {p_full}.

Aanwezig: u, uw broer, {dr} (specialist ouderengeneeskunde), {n1} (EVV) en ondergetekende.

Besproken:
1. Gezondheid: de dementie (Alzheimer) gaat langzaam achteruit. {Hij} herkent familie nog wel, maar is vaker angstig aan het eind van de middag.
2. Voeding: gewicht is gedaald van 61 naar 56 kg in drie maanden. Diëtist ingeschakeld, start drinkvoeding 2x daags.
3. Huid: er is een drukplek op het stuitje (decubitus categorie 2). Wisselligging om de 3 uur en een antidecubitusmatras.
4. Medicatie: de oxazepam wordt afgebouwd, de arts start met een lage dosis citalopram.
5. Wilsverklaring: niet reanimeren, geen ziekenhuisopname tenzij comfort dit vraagt.

Volgende bespreking over een half jaar, of eerder als dat nodig is.
""", frm="vvt", to="family"),

T("fam-haldol", "nl", "medicatie uw vader", """
{greet}

Naar aanleiding van uw vraag over de medicatie van uw vader: de specialist ouderengeneeskunde heeft na overleg met het team besloten de haloperidol (0,5 mg 's avonds) af te bouwen. Het onrustige gedrag van de afgelopen weken is afgenomen sinds de blaasontsteking is behandeld. We houden de komende twee weken een gedragsobservatie bij (NPI-NH).

Mocht de onrust terugkomen, dan kijken we eerst naar niet-medicamenteuze mogelijkheden, zoals meer dagbesteding en muziek.
""", g="m", frm="vvt", to="family"),

T("fam-palliatief", "nl", "Uw moeder - situatie vandaag", """
{greet}

Ik wil u graag laten weten hoe het vandaag met uw {moeder} gaat. {Hij} slaapt het grootste deel van de dag, eet niet meer en drinkt alleen nog kleine slokjes. De ademhaling is onregelmatig. {dr} is vanmiddag geweest en heeft met uw zus besproken dat we nu in de stervensfase lijken te komen. {Hij} krijgt morfine via een pompje onder de huid en midazolam als {hij} onrustig wordt.

U bent van harte welkom om te blijven slapen, er staat een logeerbed klaar op de kamer.

Veel sterkte gewenst namens het hele team.
""", frm="vvt", to="family"),

T("fam-corona", "nl", "Positieve coronatest {p_first}", """
{greet}

Helaas moet ik u laten weten dat {p_full} vandaag positief is getest op corona (COVID-19). {Hij} heeft lichte verkoudheidsklachten en een temperatuur van 37,8. De saturatie is goed (95%). De arts heeft geen aanvullende medicatie voorgeschreven, we controleren 3x per dag temperatuur en saturatie.

Bezoek is mogelijk, maar wij vragen u een mondneusmasker te dragen op de kamer.
""", frm="vvt", to="family"),

T("fam-delier-uwi", "nl", "Update over je vader", """
Hoi {r_first},

Even een update over je vader. Hij was gisteren erg in de war en herkende ons niet goed, dat bleek een blaasontsteking te zijn (urine was positief). Hij krijgt nu een antibioticakuur van 5 dagen (nitrofurantoïne). Vanochtend was hij al wat rustiger en heeft hij goed ontbeten.

We laten hem wat meer drinken en houden zijn temperatuur in de gaten. Als je wilt kun je vanmiddag even bellen, ik ben er tot 15.00.

Groetjes,
{s_first}
EVV'er afdeling {ward}
""", g="m", frm="vvt", to="family", tone="none"),

T("fam-dochter-vraagt", "nl", "Vraag over medicijnen mijn moeder (kamer {p_roomno})", """
Beste zorgteam,

Mijn moeder, {p_full} (kamer {p_roomno}), vertelde gisteren dat ze nieuwe pillen krijgt. Kan iemand mij uitleggen waarvoor die zijn? Ze noemde iets van 'Eliquis'. Is dat vanwege het hartritme waar de cardioloog het over had? Ze heeft ook al zo veel last van blauwe plekken.

Ook wil ik vragen of haar gehoorapparaat nog gerepareerd wordt, ze verstaat bijna niets meer.

Alvast bedankt,
{r_full}
{r_phone}
""", g="f", frm="family", to="vvt", tone="none"),

T("fam-thuiszorg-wond", "nl", "wondzorg mevrouw {p_last}", """
{greet}

Vandaag hebben we bij uw {moeder} de wond aan het onderbeen verzorgd. Het open been (ulcus cruris venosum) is iets kleiner geworden, nu ca. 3 x 4 cm, minder vocht. We gaan door met de zwachtels (compressietherapie) en de wond wordt 3x per week verbonden met Aquacel en een absorberend verband.

Wilt u erop letten dat {hij} de benen zoveel mogelijk hoog legt? En als de wond erg gaat ruiken of {hij} koorts krijgt, graag direct bellen.

Met vriendelijke groet,
{s_full}
Wijkverpleegkundige, team {loc}
{org}
""", g="f", frm="thuis", to="family", tone="none"),

T("fam-dagbesteding", "nl", "Vandaag op de dagbesteding", """
{greet}

Ik wil u even laten weten dat uw man vandaag een moeilijke dag had bij de dagbesteding. Hij was erg onrustig, liep steeds naar de deur en werd boos toen een begeleider hem wilde helpen. Hij heeft een andere deelnemer een duw gegeven. Niemand is gewond geraakt.

We merken de laatste weken dat de dementie toeneemt en dat hij 's middags moeilijk te begeleiden is. Zou u het goed vinden als we dit bespreken met de casemanager dementie, mevrouw {f1}? Misschien is het tijd om naar een andere vorm van zorg te kijken.
""", g="m", frm="vvt", to="family", tone="formal"),

T("fam-gewicht", "nl", "Gewicht en eten van uw moeder", """
{greet}

Het valt ons op dat uw {moeder} de laatste tijd steeds minder eet. Bij de weging van deze week was {hij} 48,5 kg (in januari nog 53 kg). {Hij} heeft moeite met slikken en verslikt zich regelmatig bij dun vloeibaar drinken. De logopedist komt {wd_next} een slikonderzoek doen.

In de tussentijd krijgt {hij} gemalen voeding en verdikt drinken. Als u op bezoek komt, wilt u dan geen snoepjes of koekjes meenemen die hard zijn?
""", frm="vvt", to="family"),

T("fam-staar", "nl", "Oogoperatie papa", """
Hallo {r_first},

De staaroperatie van je vader is verplaatst naar {d_next_long}, om {t2} uur in het ziekenhuis. Hij moet vanaf 3 dagen voor de operatie oogdruppels (Nevanac) gebruiken, die hebben wij hier op de afdeling. Kun jij hem brengen en ophalen? Hij mag die dag niet zelf fietsen of autorijden. De Eliquis hoeft niet gestopt te worden volgens de oogarts.

Groetjes,
{s_first}
""", g="m", frm="vvt", to="family", tone="none"),

T("fam-puffers", "nl", "je vader vandaag", """
Hoi {r_first}, je vader had vandaag een goede dag, heeft met de andere bewoners gesjoeld :) Wel weer benauwd na de lunch, we hebben extra puffs salbutamol gegeven en toen ging het beter. Zuurstof staat nu op 1 liter 's nachts. De longarts belt jou morgen over de uitslag van de foto.

{s_first}
""", g="m", frm="vvt", to="family", tone="none"),

T("fam-mdo-uitnodiging", "nl", "Uitnodiging multidisciplinair overleg over uw moeder", """
{greet}

Hierbij nodig ik u uit voor een multidisciplinair overleg (MDO) over uw {moeder}, {p_title}, op {d_next_long} om {t1} uur in de familiekamer van {ward}.

Aanleiding zijn de toegenomen valpartijen (vier keer in de afgelopen maand), de nachtelijke onrust en de vraag of de huidige medicatie (o.a. quetiapine 25 mg en temazepam 10 mg) nog passend is. Ook willen we het gebruik van de bewegingssensor bespreken in het kader van de Wet zorg en dwang.

Aanwezig zullen zijn: {dr}, de psycholoog, de fysiotherapeut en de EVV'er.
Wilt u laten weten of u aanwezig kunt zijn?
""", frm="vvt", to="family"),

T("fam-be-mama", "be", "Nieuws over uw mama", """
{greet}

Ik laat u even weten dat uw {mama} deze namiddag bezoek kreeg van de huisarts, dokter {spec_last}. Ze had sinds gisteren buikpijn en heeft twee keer overgegeven. De dokter denkt aan een maag-darminfectie en heeft Motilium voorgeschreven. We houden haar vocht goed in het oog. Als het morgen niet beter gaat, laat hij een bloedname doen.

Vriendelijke groeten,
{s_full}
Hoofdverpleegkundige {ward}
{org}
""", g="f", frm="be_wzc", to="family", tone="none"),

T("fam-epilepsie", "nl", "Aanval {p_first} vanochtend", """
{greet}

{p_first} heeft vanochtend om 7.40 uur op de groep een epileptische aanval gehad (tonisch-clonisch, ongeveer 3 minuten). Volgens protocol is na 5 minuten midazolam neusspray klaargelegd maar dat bleek niet nodig. Daarna heeft {hij} twee uur geslapen. Er is geen letsel. Het is de tweede aanval deze maand; de AVG-arts wil de dosering levetiracetam bespreken met de neuroloog.

Vanmiddag is {hij} gewoon naar het werk op de boerderij gegaan.
""", pgen="young", frm="vvt", to="family"),
]

HR = [
T("hr-burnout", "nl", "Verzuimmelding {p_full}", """
Hoi {c_first},

Even ter info voor het verzuimdossier: {p_full} (afdeling {ward}, personeelsnr. {p_patnr}) heeft zich maandag ziek gemeld. Ik heb gisteren met haar gebeld; ze zit volledig vast, slaapt slecht en heeft huilbuien. De huisarts spreekt van een burn-out en heeft haar doorverwezen naar een psycholoog. Ze verwacht zeker een aantal weken uit te vallen.

Kun jij haar aanmelden bij de bedrijfsarts? Ik heb haar beloofd dat het team het niet hoeft te weten, dus graag vertrouwelijk houden.

Groet,
{s_first}
Teamleider {ward}
""", g="f", pgen="young", frm="mgr", to="hr", tone="none"),

T("hr-arbo-hernia", "nl", "Aanmelding spreekuur bedrijfsarts - {p_init}", """
{greet}

Hierbij meld ik onze medewerker {p_init} ({p_dob}), functie verzorgende IG, aan voor het spreekuur van de bedrijfsarts.

Medewerker is sinds {d_prev2} volledig arbeidsongeschikt. Er is een MRI gemaakt waarop een hernia L5-S1 met wortelcompressie is gezien. De neurochirurg overweegt een operatie, wachttijd ca. 6 weken. Medewerker gebruikt pregabaline en tramadol en kan niet autorijden.

Graag advies over de belastbaarheid en de mogelijkheden voor aangepast werk.
""", pgen="young", frm="hr", to="arbo"),

T("hr-bedrijfsarts-advies", "nl", "Terugkoppeling spreekuur {p_first} {p_lastlow}", """
{greet}

Vandaag heb ik {p_first} {p_lastlow} op mijn spreekuur gezien. Met toestemming van de werknemer deel ik het volgende: {hij} is in behandeling na een mammacarcinoom en heeft de laatste chemokuur op {d_prev2} gehad. Er volgt nog radiotherapie (5 weken, dagelijks).

Belastbaarheid: op dit moment geen benutbare mogelijkheden. Ik verwacht dat na afloop van de bestraling een opbouw kan starten met 2x 2 uur per week, zonder nachtdiensten en zonder tillen boven 10 kg.

Volgend spreekuur over 6 weken.
""", g="f", pgen="young", frm="arbo", to="mgr"),

T("hr-team-knie", "nl", "Esther / planning komende weken", """
Hoi allemaal,

Zoals een aantal van jullie al weet is {p_first} afgelopen vrijdag geopereerd aan haar knie (voorste kruisband gescheurd tijdens het hockeyen). De operatie is goed gegaan, maar ze mag 6 tot 8 weken niet werken en daarna volgt revalidatie bij de fysio.

Ik zoek nog vervanging voor haar diensten, zie het rooster. Wie een kaartje wil sturen: adres heb ik.

Groet, {s_first}
""", g="f", pgen="young", frm="mgr", to="team", tone="none"),

T("hr-depressie-reintegratie", "nl", "Plan van aanpak re-integratie {p_full}", """
{greet}

In de bijlage van het verzuimsysteem staat het plan van aanpak. Samengevat voor het overleg van {wd_next}:

Medewerker: {p_full}, geb. {p_dob}
Eerste ziektedag: {d_prev2}
Probleemanalyse bedrijfsarts: depressieve klachten, in behandeling bij GGZ, gebruikt antidepressiva (sertraline). Energie beperkt, concentratie wisselend.
Doel: terugkeer in eigen functie (helpende plus) binnen 6 maanden.
Fase 1: 2 dagen per week 3 uur, alleen ochtenddiensten, geen verantwoordelijkheid als dienstdoende.
Evaluatie na 4 weken met bedrijfsarts.
""", pgen="young", frm="hr", to="mgr"),

T("hr-zwangerschap", "nl", "RE: ziekmelding {p_first}", """
Hi {c_first},

Ik heb {p_first} net gesproken. Ze ligt in het ziekenhuis met zwangerschapsvergiftiging (pre-eclampsie), bloeddruk was 165/110. Ze is 31 weken. Waarschijnlijk blijft ze tot de bevalling opgenomen, dus het zwangerschapsverlof gaat eerder in. Wil jij het UWV regelen (ziek door zwangerschap)?

Bloemetje vanuit het team heb ik al geregeld.

{s_first}

> Van: {c_full}
> Weet jij wat er met {p_first} aan de hand is? Ze staat als ziek in Ons maar
> ik heb niks gehoord.
""", g="f", pgen="young", frm="mgr", to="hr", tone="none"),

T("hr-hartinfarct", "nl", "Beterschap en afspraken", """
Beste {p_first},

Namens iedereen van {ward} nogmaals veel beterschap. Wat een schrik, een hartinfarct op je 52e. Fijn om te horen dat de dotterbehandeling goed is gegaan en dat je volgende week begint met hartrevalidatie.

Over het werk hoef je je nu geen zorgen te maken. Zoals besproken belt {c_first} van P&O je over twee weken voor een eerste contact, en de bedrijfsarts nodigt je uit zodra de cardioloog groen licht geeft.

Hartelijke groet,
{s_full}
Manager zorg
""", g="m", pgen="young", frm="mgr", to="employee", tone="none"),

T("hr-alcohol", "nl", "Vertrouwelijk: {p_full}", """
{greet}

Vertrouwelijk, niet doorsturen.

Gisteren heb ik een gesprek gehad met {p_full} over de signalen van collega's (alcohollucht tijdens avonddiensten, afspraken niet nakomen). {Hij} heeft toegegeven dat {hij} een alcoholprobleem heeft en wil zich laten opnemen in een verslavingskliniek (Jellinek). Opname is voorlopig gepland vanaf {d_next2}.

Ik stel voor dat we dit als ziekteverzuim registreren en een bedrijfsartsconsult inplannen. Over de BIG-registratie en het medicatierecht wil ik graag even met jou overleggen.
""", pgen="young", frm="mgr", to="hr"),

T("hr-longcovid", "nl", "Verzuim {p_first} {p_lastlow} - stand van zaken", """
{greet}

Stand van zaken {p_first} {p_lastlow} (personeelsnr. {p_patnr}): nog steeds klachten na corona in januari, diagnose post-COVID (long covid) door de internist. Ze heeft last van extreme vermoeidheid, kortademigheid en concentratieproblemen. Ze werkt nu 3x 2 uur op de administratie van de afdeling. Ergotherapie via het post-COVID-netwerk loopt.

De 42e week ziekmelding komt eraan, dus de melding bij het UWV moet de komende twee weken worden gedaan.
""", g="f", pgen="young", frm="hr", to="mgr"),

T("hr-be-arbeidsongeschikt", "be", "Afwezigheid {p_full}", """
{greet}

Ik bezorg je hierbij de informatie voor het sociaal secretariaat. Onze verpleegkundige {p_full} (rijksregisternummer {p_nrn}) is arbeidsongeschikt van {d_prev} tot en met {d_next2}. Ze heeft een hersenschudding opgelopen na een val met de fiets en mag van de neuroloog voorlopig geen schermwerk doen.

Het medisch attest heb ik ontvangen en ligt in haar dossier. Kan jij de gewaarborgd loon berekening nakijken?

Vriendelijke groeten,
{s_first}
""", g="f", pgen="young", frm="be_hr", to="be_hr2", tone="none"),

T("hr-ivf", "nl", "verlof {p_first}", """
Hoi {c_first},

{p_first} vroeg of ze de komende maand een paar keer kort vrij kan voor haar IVF-behandeling (punctie en terugplaatsing, data volgen pas kort van tevoren). Ze wil het liefst niet dat dit in het team bekend wordt. Kunnen we dat als 'kortdurend zorgverlof' of ziekte registreren? Wat is hier de regeling voor?

Thanks,
{s_first}
""", g="f", pgen="young", frm="mgr", to="hr", tone="none"),

T("hr-prikaccident", "nl", "Prikaccident medewerker {p_init} - uitslagen", """
{greet}

Bij onze medewerker {p_init} (geb. {p_dob}) heeft op {d_prev} een prikaccident plaatsgevonden met een gebruikte insulinenaald. Bij de medewerker is direct bloed afgenomen: HBsAg negatief, anti-HBs 8 IU/l (onvoldoende beschermd), anti-HCV negatief, HIV negatief.

Advies GGD: hepatitis B-vaccinatie plus HBIG gegeven op {d_prev}, controle bloed over 6 weken en 3 maanden.

Bron-patiënt is bekend en getest, uitslag volgt apart.
""", pgen="young", frm="arbo", to="hr"),

T("hr-uwv-ra", "nl", "Eerstejaarsevaluatie {p_full}", """
{greet}

Ter voorbereiding van de eerstejaarsevaluatie met het UWV: {p_full} is sinds vorig jaar bekend met reumatoïde artritis, behandeld met methotrexaat en sinds kort een biological (adalimumab). De ontstekingen in handen en voeten zijn wisselend. Werkt momenteel 16 van de 32 contracturen, alleen dagdiensten, geen zware lichamelijke zorg (geen tilliften bij zware cliënten).

Bedrijfsarts adviseert een tweede spoor te overwegen. Kunnen we dat donderdag bespreken?
""", pgen="young", frm="hr", to="mgr"),
]

GGZ = [
T("ggz-terugval-overdosis", "nl", "melding van vannacht", """
Hoi {c_first},

Voor de ochtendoverdracht: {p_first} is na een terugval vannacht met een overdosis door de ambulance naar de SEH gebracht. {Hij} is inmiddels stabiel en komt vanmiddag terug naar de woonvorm. Wil jij de casemanager verslavingszorg bellen?

{s_first}
""", frm="staff", to="staff", tone="informal"),

T("ggz-lijst-overdracht", "nl", "lijstje voor het weekend", """
Hoi allemaal,

Voor het weekend even de mensen op de wachtlijst voor de bedden die vrijkomen, zoals besproken in het bureau-overleg:

{x_last}, {x_ini} - {x_dob} - psychose, nu thuis met ACT
{y_last}, {y_ini} - {y_dob} - depressie met suicidale gedachten, crisiskaart aanwezig
{z_last}, {z_ini} - {z_dob} - alcoholafhankelijkheid, detox na opname

Bel de crisisdienst als er iemand eerder binnenkomt.
""", frm="staff", to="staff", tone="informal"),

T("ggz-crisis-hap", "nl", "Terugkoppeling crisisbeoordeling {p_init}", """
{greet}

Vannacht hebben wij op verzoek van de HAP {p_init}, geb. {p_dob}, beoordeeld op de crisisdienst.

Aanleiding: patiënt had zijn partner een afscheidsbericht gestuurd en een strip oxazepam ingenomen (ca. 10 x 10 mg). Bij ons gesprek suïcidaal met concreet plan (ophanging), hopeloosheid na relatiebreuk en schulden. Geen psychotische kenmerken. Geen eerdere GGZ-voorgeschiedenis. Alcohol: 1,2 promille.

Beleid: vrijwillige opname op de HIC (High Intensive Care) van {org}. Quetiapine (Seroquel) 50 mg a.n. Familie (broer) geïnformeerd. Hij wordt morgen door de behandelend psychiater gezien.

ICD-10: F32.2 ernstige depressieve episode zonder psychotische kenmerken; X61 (intoxicatie).
""", g="m", pgen="young", frm="ggz", to="gp"),

T("ggz-whatsapp-dreiging", "nl", "cliënt {p_first} - suïcidedreiging via app", """
Hoi {c_first},

Ik kreeg net om {t1} een appje van {p_full} dat ze 'het vanavond gaat doen' en een foto van een doosje paracetamol. Ze neemt de telefoon niet op. Ik heb de crisisdienst gebeld en die sturen samen met de politie iemand naar haar adres ({p_addr}).

Kun jij haar dossier bijwerken en de psychiater informeren? Ik blijf bereikbaar op mijn 06.

{s_first}
""", g="f", pgen="young", frm="ggz", to="staff", tone="none"),

T("ggz-wvggz-cm", "nl", "Crisismaatregel dhr. {p_last}", """
{greet}

Ter informatie: bij {p_title}, geboren {p_dob}, BSN {p_bsn}, is gisteravond door de burgemeester een crisismaatregel (CM) op grond van de Wvggz afgegeven. Patiënt werd verward op straat aangetroffen, had wanen over vergiftiging en bedreigde voorbijgangers met een mes. Hij is opgenomen op de gesloten afdeling van {org}.

Diagnose: psychotische stoornis, vermoedelijk schizofrenie (F20.0), decompensatie na stoppen van clozapine. Verplichte zorg: toedienen van medicatie en insluiten.

De officier van justitie is geïnformeerd voor het vervolg (verzoek zorgmachtiging).
""", g="m", pgen="young", frm="ggz", to="gp"),

T("ggz-psychose-gestopt", "nl", "Zorgen over {p_first}", """
{greet}

Ik maak me zorgen over {p_title}. Bij het huisbezoek vandaag was hij erg achterdochtig; hij denkt dat de buren camera's in zijn woning hebben geplaatst en hij heeft de ramen met aluminiumfolie afgeplakt. Hij vertelt dat hij sinds twee weken geen clozapine meer neemt ("dat gif"). Hij eet nauwelijks en heeft de wijkverpleging weggestuurd.

Ik wil de FACT-arts vragen om morgen mee te gaan. Zijn er mogelijkheden om de depot (Xeplion) eerder te geven?
""", g="m", pgen="young", frm="ggz", to="staff"),

T("ggz-automutilatie", "nl", "SEH-bezoek {p_first} {p_lastlow} ivm automutilatie", """
{greet}

Melding voor het behandelteam: cliënte {p_first} {p_lastlow} ({p_dob}) is vannacht door de ambulance naar de SEH gebracht met diepe snijwonden aan de linker onderarm (automutilatie), 14 hechtingen. Ze was onder invloed van alcohol. Ze is na beoordeling door de psychiater van de SEH weer naar huis gegaan, omdat ze afspraakbaar was.

Bekend met borderline persoonlijkheidsstoornis (F60.3), in behandeling voor DGT. Graag dit in het signaleringsplan meenemen en de individueel therapeut informeren voor de sessie van {wd_next}.
""", g="f", pgen="young", frm="ggz", to="staff"),

T("ggz-ouder-zorgen", "nl", "Mijn zoon {p_first}", """
Geachte heer/mevrouw,

Ik schrijf u omdat ik me ernstige zorgen maak over mijn zoon {p_full}, hij is bij u in behandeling (zijn behandelaar is {f1}). Sinds een week slaapt hij bijna niet meer, praat de hele nacht in zichzelf en zegt dat hij 'een missie' heeft. Gisteren zei hij dat het voor iedereen beter is als hij er niet meer is. Hij wil niet naar de huisarts.

Wij weten niet meer wat we moeten doen. Kan iemand ons bellen? Mijn nummer is {r_phone}.

Met vriendelijke groet,
{r_full}
""", g="m", pgen="young", frm="family", to="ggz", tone="none"),

T("ggz-anorexia-jeugd", "nl", "Aanmelding eetstoornissenteam - {p_first} ({p_age} jr)", """
{greet}

Hierbij melden wij {p_full}, geb. {p_dob}, aan voor het eetstoornissenteam.

{p_first} is {p_age} jaar en is in een half jaar 11 kg afgevallen; huidige BMI 15,2. Ze eet nauwelijks, sport dagelijks uren, is amenorroisch en heeft een hartfrequentie in rust van 44/min. Lab: kalium 3,1 mmol/l, fosfaat laag-normaal. Diagnose anorexia nervosa, restrictieve type (F50.0).

Gezien de somatische instabiliteit hebben we overleg gehad met de kinderarts over een opname. Ouders zijn op de hoogte en staan achter de aanmelding.
""", g="f", pgen="teen", frm="ggz", to="ggz2"),

T("ggz-nagesprek-poging", "nl", "Nagesprek na suïcidepoging", """
{greet}

Gisteren heb ik het nagesprek gevoerd met {p_title} na de suïcidepoging van {d_prev2} (intoxicatie met paracetamol en oxazepam, opgenomen op de IC voor acetylcysteïne). {Hij} is blij dat {hij} nog leeft, maar zegt ook dat de gedachten er nog regelmatig zijn. We hebben samen een veiligheidsplan opgesteld en {zijn} partner is betrokken als steunfiguur.

Medicatie wordt weekelijks uitgegeven via de apotheek (weekrol), geen voorraad thuis. Volgende afspraak {d_next}.
""", frm="ggz", to="gp"),

T("ggz-terugval-verslaving", "nl", "terugval cl. {p_last}", """
Beste collega's,

Kort bericht: cl. {p_last} is teruggevallen in cocaïne- en alcoholgebruik na het overlijden van zijn moeder. Urinecontrole {d_prev} positief op cocaïne en benzodiazepinen. Hij heeft zijn methadon (70 mg) vorige week twee dagen niet opgehaald. Vandaag was hij wel aanwezig op de groep.

Ik stel voor om hem in het MDO van donderdag te bespreken. Graag extra alert op signalen van overdosis.
""", g="m", pgen="young", frm="ggz", to="team"),

T("ggz-ha-spoed", "nl", "Graag vandaag beoordeling - mw. {p_last}", """
{greet}

Graag vandaag nog een beoordeling door de crisisdienst van mevrouw {p_full}, {p_dob}, {p_addr}.

Ernstig depressief sinds enkele maanden, nu sinds 4 dagen nauwelijks gegeten en gedronken, ligt de hele dag op bed. Ze zegt 'er niet meer te willen zijn' maar kan niet aangeven of ze een plan heeft. Echtgenoot is erg ongerust. Ze gebruikt nortriptyline 75 mg, spiegel onbekend.

Ik ben tot 17.00 bereikbaar op de achterlijn {ext}.
""", g="f", frm="gp", to="ggz"),

T("ggz-wijkteam-verward", "nl", "zorgmelding verwarde man {p_street}", """
{greet}

Via de woningcorporatie kwam een melding binnen over {p_title}, wonende {p_addr}. Buren horen hem 's nachts schreeuwen, er komt stank uit de woning en hij loopt in winterjas en badslippers buiten. Bij ons huisbezoek deed hij wel open: de woning is ernstig vervuild, hij praatte verward over stemmen die hem opdrachten geven. Hij lijkt psychotisch. Hij is bekend geweest bij jullie (in 2019 in zorg bij FACT-team Noord).

Kunnen jullie beoordelen of hij weer in zorg kan? Ik kan mee op huisbezoek.
""", g="m", frm="wijkteam", to="ggz"),

T("ggz-separatie", "nl", "Rapportage separatie {p_patnr}", """
Rapportage dienst {d_prev} (avond)

Patiënt: {p_init}, pat.nr. {p_patnr}, afdeling HIC

Om 19.40 werd patiënt agressief naar medepatiënt en personeel (slaan, spugen), niet te begrenzen. Na overleg met de dienstdoend psychiater is patiënt om 19.55 gesepareerd (verplichte zorg, Wvggz art. 8:9). Dwangmedicatie toegediend: haloperidol 5 mg i.m. en promethazine 50 mg i.m. Om 21.15 rustig, slaapt. Vitale controles elk uur: RR 128/80, pols 88.

Familie telefonisch geïnformeerd om 21.30.
""", pgen="young", frm="ggz", to="team", tone="none"),

T("ggz-be-cgg", "be", "Opvolging {p_first} - zelfmoordgedachten", """
{greet}

Ik geef je even een update over {p_full} (° {p_dob}), die bij ons in begeleiding is. Bij het gesprek van gisteren gaf ze aan dat de zelfmoordgedachten de laatste week toegenomen zijn. Ze heeft geen concreet plan, maar heeft wel al eens gezocht op internet. We hebben samen een veiligheidsplan opgemaakt en het nummer van de Zelfmoordlijn 1813 besproken.

De psychiater heeft de dosis venlafaxine verhoogd naar 150 mg. Zou jij als huisarts haar deze week ook eens willen zien?

Vriendelijke groeten,
{s_full}
Psycholoog, {org}
""", g="f", pgen="young", frm="be_cgg", to="be_gp", tone="none"),

T("ggz-manie", "nl", "Manische ontregeling {p_first}", """
{greet}

{p_first} {p_lastlow} is sinds het weekend manisch ontregeld: slaapt 2 uur per nacht, heeft voor 4000 euro online gekocht, praat aan een stuk door en is ontremd. Bekend met bipolaire stoornis type I. Lithiumspiegel was vorige week te laag (0,4 mmol/l), vermoedelijk therapieontrouw.

Ik heb vandaag olanzapine 10 mg voorgeschreven en met de partner afgesproken dat zij de bankpassen beheert. Bij verdere escalatie opname overwegen.
""", pgen="young", frm="ggz", to="gp"),
]
