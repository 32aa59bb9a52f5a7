"""Sensitive: referral letters and lab results (mostly Dutch, some Flemish)."""
from tpl import T

REFERRAL = [
T("ref-cardio-af", "nl", "Verwijzing cardiologie {p_init}, geb. {p_dob}", """
{greet}

Graag verwijs ik {p_formal} (geb. {p_dob}, BSN {p_bsn}) naar uw polikliniek in verband met sinds drie weken bestaande palpitaties en inspanningsdyspnoe. Op het ECG vandaag boezemfibrilleren met een ventrikelfrequentie van 118/min. RR 148/92 mmHg, geen tekenen van decompensatie.

Voorgeschiedenis:
- 2015 hypertensie
- 2019 diabetes mellitus type 2 (HbA1c laatst 54 mmol/mol)
- 2021 TIA, toen geen restverschijnselen

Medicatie: metformine 500 mg 2dd1, amlodipine 5 mg 1dd1, simvastatine 40 mg 1dd1.
CHA2DS2-VASc 5. Ik ben vandaag gestart met apixaban (Eliquis) 5 mg 2dd1 en metoprolol 50 mg 1dd1.

Vraagstelling: beoordeling ritme- versus frequentiecontrole, graag echo cor.
""", frm="gp", to="hosp"),

T("ref-derma-naevus", "nl", "verwijzing dermatologie - verdachte naevus", """
{greet}

Hierbij verwijs ik {p_full}, geboren {p_dob_long}, naar de dermatologie. {Hij} komt met een pigmentlaesie op de rug (linker scapula) die volgens de partner het afgelopen half jaar is gegroeid. Asymmetrisch, onregelmatige rand, kleurverschillen, doorsnede ca. 8 mm. Dermatoscopisch atypisch netwerk.

Familieanamnese: vader melanoom op 62-jarige leeftijd.
Geen medicatie, geen allergieën bekend.

Graag excisie en PA. Patiënt is op de hoogte van de verwijzing en is bereikbaar op {p_phone}.
""", frm="gp", to="hosp"),

T("ref-ortho-gon", "nl", "Verwijzing orthopedie gonartrose re", """
{greet}

Verzoeke om beoordeling van {p_title} ({p_dob}) met sinds 2 jaar progressieve pijn rechterknie, nu ook in rust en 's nachts. Loopafstand beperkt tot ca. 300 meter. Ondanks fysiotherapie (12 behandelingen), paracetamol 4dd1000 mg en naproxen 2dd500 mg onvoldoende effect. Intra-articulaire injectie met triamcinolon in maart gaf slechts 4 weken verlichting.

Röntgen rechterknie ({d_prev2}): gewrichtsspleetversmalling mediaal, osteofyten, Kellgren-Lawrence graad 3.

BMI 31. Verder bekend met hypertensie en jicht. Rookt niet.

Vraag: komt {p_title} in aanmerking voor een TKP?
""", frm="gp", to="hosp"),

T("ref-geheugen", "nl", "Aanmelding geheugenpoli", """
{greet}

Ik wil graag {p_formal} aanmelden voor de geheugenpolikliniek.

Gegevens: {p_full}, geb. {p_dob}, BSN {p_bsn}
Adres: {p_addr}
Contactpersoon: {r_full} ({r_rel}), tel. {r_phone}

Sinds ruim een jaar toenemende vergeetachtigheid, vooral voor recente gebeurtenissen. Raakt de weg kwijt in de supermarkt, vergeet medicatie in te nemen, rekeningen blijven liggen. De familie maakt zich zorgen; {hij} woont alleen sinds het overlijden van de partner. MMSE bij mij op het spreekuur 21/30, kloktekentest afwijkend. Lab (Hb, TSH, B12, glucose, nierfunctie) zonder afwijkingen.

Differentiaal diagnostisch denk ik aan de ziekte van Alzheimer, een vasculaire component is niet uitgesloten (hypertensie, roken in verleden).

Medicatie: perindopril 4 mg, acetylsalicylzuur 80 mg, omeprazol 20 mg.

Graag uw diagnostiek en advies.
""", frm="gp", to="hosp"),

T("ref-mdl-anemie", "nl", "Verwijzing MDL: anemie + gewichtsverlies ({p_init})", """
{greet}

Graag uw beoordeling van {p_init}, {p_age} jaar. {Hij} meldde zich met moeheid en 6 kg ongewild gewichtsverlies in 3 maanden. Ontlasting volgens patiënt wat dunner, geen zichtbaar bloed.

Lab {d_prev}: Hb 6,1 mmol/l, MCV 74 fl, ferritine 6 ug/l, CRP 12 mg/l. FIT-test positief (>100 ng/ml).
Bij onderzoek bleek abdomen soepel, geen palpabele massa, RT: geen afwijkingen.

Verdenking colorectaal carcinoom. Graag coloscopie op korte termijn. Ik heb ferrofumaraat 200 mg 2dd1 voorgeschreven.

Patiëntnummer bij u (voor zover bekend): {p_patnr}
""", frm="gp", to="hosp"),

T("ref-neuro-tia", "nl", "Spoedverwijzing neurologie / TIA-poli", """
{greet}

Telefonisch al overlegd met de dienstdoende neuroloog. Hierbij de schriftelijke verwijzing voor {p_title}, geb. {p_dob}.

Vanochtend om ca. {t1} uur gedurende 20 minuten krachtsverlies rechterarm en woordvindstoornissen (afasie), inmiddels volledig hersteld. RR 172/98, pols regulair 76/min. Glucose 7,2 mmol/l.
ABCD2-score 5.

Voorgeschiedenis: hypercholesterolemie, roken (30 pakjaren).
Gegeven: acetylsalicylzuur 160 mg oplaaddosis, daarna 80 mg.

{Hij} komt vanmiddag met de dochter naar de TIA-poli.
""", frm="gp", to="hosp"),

T("ref-basisggz", "nl", "Verwijzing basis-GGZ {p_full}", """
{greet}

Hierbij verwijs ik {p_full} ({p_dob}) naar de generalistische basis-GGZ.

Reden van verwijzing: vermoeden depressieve stoornis, matig ernstig (DSM-5 / ICD-10 F32.1). Sinds het verlies van {zijn} baan in het voorjaar somber, slaapt slecht, verlies van interesse, concentratieproblemen. PHQ-9 score 17. Geen suïcidale gedachten, geen psychotische kenmerken, geen middelengebruik.

Eerder behandeld door POH-GGZ (6 gesprekken) met onvoldoende resultaat. Sinds 4 weken sertraline 50 mg 1dd1, matig verdragen (misselijkheid).

Graag diagnostiek en behandeling.
""", frm="gp", to="ggz"),

T("ref-long-copd", "nl", "Verwijzing longziekten - COPD GOLD 3, frequente exacerbaties", """
{greet}

{p_formal}, geboren {p_dob}, patiëntnummer {p_patnr}, bekend met COPD, heeft dit jaar al drie exacerbaties gehad waarvoor prednisolon 30 mg 5 dagen en tweemaal doxycycline. Huidige onderhoudsbehandeling: tiotropium/olodaterol (Spiolto) 2 inhalaties 1dd en salbutamol zo nodig.

Spirometrie {d_prev2}: FEV1 42% van voorspeld, FEV1/FVC 0,51 post-bronchodilatie.
Saturatie in rust 92%. Stoppen met roken gelukt sinds 2022.

Vraag: optimalisatie behandeling, indicatie longrevalidatie?
""", frm="gp", to="hosp"),

T("ref-uro-zorgdomein-plat", "nl", "PSA verhoogd - verwijzing urologie (ZorgDomein plat)", """
{greet}

Omdat ZorgDomein vandaag niet werkt stuur ik de verwijzing per mail, ik zet hem later alsnog in het systeem.

Patiënt: {p_init}, {p_dob}, BSN {p_bsn}
Huisarts: zie ondertekening

Anamnese: nycturie 3x, slappe straal. Geen hematurie. PSA {d_prev}: 11,8 ug/l (vorig jaar 6,2). Rectaal toucher: vergrote prostaat, rechterkwab vaster van consistentie.
Medicatie: tamsulosine 0,4 mg 1dd1.

Graag verdere analyse (MRI prostaat / biopt).
""", frm="gp", to="hosp"),

T("ref-gyn-pmb", "nl", "verwijzing gynaecologie postmenopauzaal bloedverlies", """
{greet}

Mevrouw {p_last} (geb. {p_dob}, {p_age} jr, G2P2) is sinds 8 jaar postmenopauzaal en heeft nu 2x vaginaal bloedverlies gehad. Geen HST gebruikt. Bij speculumonderzoek geen afwijkingen aan de portio, geen poliep zichtbaar. Cervixuitstrijkje vorig jaar (bevolkingsonderzoek) hrHPV negatief.

Graag transvaginale echo en zo nodig endometriumbiopt.

Co-morbiditeit: obesitas (BMI 36), DM2 op metformine en gliclazide.
""", g="f", frm="gp", to="hosp"),

T("ref-dvt-kort", "nl", "vandaag nog zien? verdenking DVT", """
Hoi {c_first},

Kun je {p_title} ({p_dob}) vandaag nog zien op de SEH/poli vaatchirurgie? Dik en pijnlijk linkerbeen sinds 2 dagen, kuitomtrek 4 cm verschil, Wells 3. D-dimeer 2,4 mg/l. {Hij} is vorige week teruggekomen van een lange vlucht uit Bali.

Ik heb al een eerste dosis nadroparine (Fraxiparine) 0,6 ml s.c. gegeven.

Ben bereikbaar via de terugbellijn {ext}.
""", frm="gp", to="hosp", tone="informal"),

T("ref-dietist-dm", "nl", "Verwijzing diëtist - {p_full}", """
{greet}

Graag verwijs ik {p_formal} naar de diëtistenpraktijk.

Diagnose: diabetes mellitus type 2 (ICPC T90.02), hypertensie (K86), obesitas (T82).
Lengte 1,68 m, gewicht 97 kg, BMI 34,4. Laatste HbA1c 67 mmol/mol, nuchtere glucose 9,4 mmol/l, LDL 3,3 mmol/l.
Medicatie: metformine 1000 mg 2dd1 (ATC A10BA02), gliclazide 80 mg 1dd1, lisinopril 10 mg.

Hulpvraag: afvallen, koolhydraatbewust eten. {Hij} is gemotiveerd maar vindt het lastig met de ploegendiensten.

Diabetes zorgprogramma via zorggroep, de verwijzing valt onder de ketenzorg.
""", frm="gp", to="extorg"),

T("ref-fysio-rug", "nl", "Verwijzing fysiotherapie", """
{greet}

Bij deze een verwijzing voor {p_full}, geb. {p_dob}.

Diagnose: aspecifieke lage rugpijn met uitstraling naar linkerbil, geen radiculaire prikkeling (Lasègue negatief), geen rode vlaggen. Klachten sinds 5 weken, na verhuizing. Gebruikt paracetamol en af en toe ibuprofen.

Graag actieve oefentherapie en uitleg. Patiënt werkt als magazijnmedewerker, terugkeer naar werk is het doel.
""", frm="gp", to="extorg", tone="formal"),

T("ref-delier-seh", "nl", "Insturen bewoner naar SEH - delier? / verwijzing SO", """
{greet}

Wij sturen {p_with_room} vandaag in naar de SEH. {Hij} is sinds gisteravond acuut verward, hallucineert (ziet beestjes op de muur), is motorisch onrustig en heeft vannacht niet geslapen. Temp 38,4 °C, pols 104, RR 108/60, saturatie 93% zonder zuurstof. Drinkt slecht.

Voorgeschiedenis: Alzheimer-dementie (matig), hartfalen NYHA II, recidiverende UWI, heupfractuur li 2022.
Medicatie: furosemide 40 mg, bisoprolol 2,5 mg, rivastigmine pleister 9,5 mg/24u, macrogol.
Wilsverklaring: niet reanimeren (NR), wel insturen voor behandeling.

Contactpersoon: {r_full}, {r_phone}.

Specialist ouderengeneeskunde
""", frm="vvt", to="hosp"),

T("ref-be-huisarts", "be", "Verwijsbrief cardiologie - {p_full} ° {p_dob}", """
{greet}

Graag had ik uw advies gekregen voor {p_title}, ° {p_dob}, wonende te {loc}. Rijksregisternummer {p_nrn}.

Patiënt meldt sinds een tweetal maanden retrosternale drukpijn bij inspanning (trappen, fietsen), verdwijnend in rust. Geen klachten in rust. Risicofactoren: hypercholesterolemie, ex-roker, vader overleden op 58 jaar aan een hartinfarct.
Klinisch: BD 145/85 mmHg, hartritme regelmatig, geen souffle. ECG in rust: geen ST-afwijkingen.

Huidige medicatie: atorvastatine 20 mg, pantoprazol 40 mg.

Ik had graag een inspanningsproef en eventueel verder onderzoek (coronaire CT?).

Met collegiale groeten,
""", frm="be_gp", to="be_hosp", tone="none"),

T("ref-reuma", "nl", "Verwijzing reumatologie: verdenking RA", """
{greet}

{p_full} ({p_dob}), {p_age} jaar, komt met sinds 10 weken pijnlijke en gezwollen MCP 2-3 beiderzijds en ochtendstijfheid van meer dan een uur. Lab: BSE 48 mm/u, CRP 22 mg/l, RF positief, anti-CCP 340 U/ml.

Ik heb naproxen 500 mg 2dd1 met omeprazol gestart. Graag spoedige beoordeling (verdenking reumatoïde artritis, ICD-10 M06.9).
""", frm="gp", to="hosp"),
]

LAB = [
T("lab-weging-kolommen", "nl", "weging {month}", """
Hoi {c_first},

De weging van deze maand, achter het gewicht het verschil met vorige maand:

{x_last}        58,1 kg   -0,4
{y_last}        47,9 kg   -3,6   ondervoeding? diëtist is gevraagd
{z_last}        71,2 kg   +0,2

Groet,
{s_first}
""", frm="staff", to="staff", tone="informal"),

T("lab-clientnummer-kaal", "nl", "kweek binnen", """
Hoi {c_first},

De kweek is binnen: {x_last} {x_patnr} heeft een urineweginfectie met E. coli, gevoelig voor nitrofurantoïne. De huisarts schrijft het vandaag voor.

{s_first}
""", frm="staff", to="staff", tone="informal"),

T("lab-inr-rij", "nl", "INR's van vanochtend", """
Hoi {c_first},

De trombosedienst belde net door: bij {x_last}, {y_last} en {z_last} was het INR vanochtend boven de 4,5. Ze willen dat we vandaag de acenocoumarol overslaan en morgen opnieuw prikken. Bij de rest van de gang zat alles binnen de streefwaarde.

Zet jij het in de overdracht voor de late dienst? Ik heb het al in het EVS gezet.
""", frm="staff", to="staff", tone="informal"),

T("lab-bloedbeeld", "nl", "Uitslagen laboratorium {p_init} ({p_dob})", """
{greet}

Hieronder de uitslagen van het bloedonderzoek van {d_prev}.

Patiënt : {p_init}
Geb.datum : {p_dob}
Pat.nr. : {p_patnr}
Aanvrager : {dr}

Bepaling          Uitslag   Eenheid      Referentie
Hemoglobine       6.8       mmol/l       8.5 - 11.0   L
MCV               102       fl           80 - 100     H
Leukocyten        11.9      10^9/l       4.0 - 10.0   H
Trombocyten       412       10^9/l       150 - 400    H
CRP               64        mg/l         < 10         H
Kreatinine        134       umol/l       60 - 110     H
eGFR (CKD-EPI)    41        ml/min/1.73m2  > 60       L
Natrium           131       mmol/l       135 - 145    L
Kalium            4.9       mmol/l       3.5 - 5.0

Opmerking: vitamine B12 en foliumzuur worden nagestuurd.
""", frm="lab", to="gp"),

T("lab-inr", "nl", "INR {p_title} te hoog", """
{greet}

De INR van {p_formal} (geb. {p_dob}) was vanochtend 5,8 (streefgebied 2,0-3,0). {Hij} gebruikt acenocoumarol 1 mg volgens doseerschema. Sinds vorige week ook claritromycine van de huisarts i.v.m. een luchtweginfectie, vermoedelijk de oorzaak.

Geen bloedingen gemeld. Advies trombosedienst: vandaag en morgen geen acenocoumarol, controle INR {d_next}. Het nieuwe doseerschema staat in het portaal.

Wilt u de afdeling vragen alert te zijn op blauwe plekken of bloed in urine/ontlasting?
""", frm="lab", to="vvt"),

T("lab-urinekweek", "nl", "uitslag urinekweek kamer {p_roomno}", """
Hoi {c_first},

Uitslag urinekweek van {p_title} (kamer {p_roomno}) is binnen: Escherichia coli > 10^5 kve/ml. Resistent voor amoxicilline en trimethoprim, gevoelig voor nitrofurantoïne en fosfomycine.

Ze krijgt nu al 2 dagen amoxicilline van de waarnemer, dat moet dus omgezet worden. Kun jij de SO vragen om nitrofurantoïne 100 mg 2dd1 voor 5 dagen? eGFR was 52 dus dat kan.

Temp vanochtend 37,9.
""", g="f", frm="vvt", to="staff", tone="informal"),

T("lab-dm-controle", "nl", "Resultaten jaarcontrole diabetes", """
{greet}

Hierbij de uitslagen van uw jaarcontrole diabetes van {d_prev}:

HbA1c: 58 mmol/mol (vorig jaar 52)
Nuchtere glucose: 9,4 mmol/l
Totaal cholesterol: 5,6 mmol/l, LDL 3,4 mmol/l, HDL 1,0 mmol/l
Kreatinine 88 umol/l, eGFR 74
Albumine/kreatinine ratio urine: 4,1 mg/mmol (licht verhoogd)
Bloeddruk bij de controle: 152/94 mmHg
Gewicht 88,4 kg

De HbA1c is wat opgelopen. De huisarts stelt voor om de metformine te verhogen naar 1000 mg 2x per dag en om over 3 maanden opnieuw te prikken. Ook adviseert hij te starten met een statine (atorvastatine 20 mg). Wilt u een afspraak maken op het spreekuur van de POH om dit te bespreken?

Met vriendelijke groet,

{s_full}
Praktijkondersteuner somatiek
{org}
""", frm="gp", to="patient", tone="none"),

T("lab-vitals-verpleeghuis", "nl", "graag beoordeling bewoner {p_room}", """
{greet}

Graag vandaag een visite bij {p_title}, {p_room}, geb. {p_dob}.

Sinds vanochtend benauwd en hoestend, geeft geel sputum op. Metingen {t1}:
- temp 38,6 °C
- RR 150/95 mmHg
- pols 112/min, onregelmatig
- ademfrequentie 26/min
- saturatie 89% (zonder O2), met 2 l O2 via neusbril 93%
- glucose 14,2 mmol/l (is diabeet, krijgt insuline NovoRapid volgens schema)

Eet en drinkt slecht. Familie is ingelicht. Beleid volgens wilsverklaring: niet naar ziekenhuis, wel antibiotica.

Groet, {s_first}
EVV'er {ward}
""", frm="vvt", to="gp", tone="none"),

T("lab-kalium-spoed", "nl", "SPOED: kalium 6,4 mmol/l - {p_init}", """
{greet}

Zojuist gebeld naar uw praktijk, maar geen gehoor op de spoedlijn. Daarom ook per mail:

Patiënt {p_init}, geb. {p_dob}
Kalium 6,4 mmol/l (hemolyse uitgesloten)
Kreatinine 212 umol/l (was 3 maanden geleden 118)
eGFR 24 ml/min/1,73m2
Ureum 18,1 mmol/l

Patiënt gebruikt volgens onze gegevens spironolacton en lisinopril. Graag z.s.m. contact met patiënt opnemen.

Klinisch chemicus van dienst
""", frm="lab", to="gp"),

T("lab-schildklier", "nl", "Re: TSH uitslag", """
Dag {c_first},

TSH van {p_full} is 0,02 mU/l, vrij T4 34 pmol/l. Dus duidelijk hyperthyreoïdie. TRAb is aangevraagd. Ze heeft al 5 kilo afgevallen, hartslag in rust 108.

Ik start vandaag thiamazol 30 mg en propranolol 3dd10 mg en verwijs naar de internist. Wil jij haar over 4 weken inplannen voor controle bloed?

Groetjes,
""", g="f", frm="gp", to="staff", tone="informal"),

T("lab-lithium", "nl", "Lithiumspiegel {p_last} - verhoogd", """
{greet}

De lithiumspiegel van {p_formal} ({p_dob}, cliëntnr. {p_patnr}) van {d_prev} bedroeg 1,35 mmol/l (12-uurs spiegel; streef 0,6-1,0). Kreatinine 101 umol/l, TSH 5,8 mU/l.

Cliënt klaagt over trillende handen en diarree. Dosering Priadel 800 mg is door de psychiater verlaagd naar 600 mg. Herhaling spiegel over 5 dagen; wil de wijkverpleging erop letten dat {hij} voldoende drinkt?
""", frm="ggz", to="extorg"),

T("lab-pcr-griep", "nl", "Positieve uitslag influenza - {ward}", """
{greet}

De sneltest/PCR van {p_title} ({p_room}) is positief voor influenza A. Ze is sinds {d_prev} ziek met koorts tot 39,1 en spierpijn. De SO heeft oseltamivir 75 mg 1dd1 (nierfunctie) voorgeschreven voor 5 dagen.

Bewoonster blijft op de kamer, druppelisolatie volgens protocol. Graag de familie informeren dat bezoek mondkapje draagt.

Twee andere bewoners hebben nog geen klachten.
""", g="f", frm="vvt", to="staff"),

T("lab-b12", "nl", "uitslagen bloed mw {p_last}", """
Hoi,

bloeduitslagen van mw. {p_last} ({p_dob}) zijn binnen:
vit B12 98 pmol/l (laag), foliumzuur 9,1, ferritine 32, Hb 7,4, MCV 104.
Dus B12-tekort, waarschijnlijk door de metformine. Ik zet haar op hydroxocobalamine injecties, oplaadschema 10x in 5 weken. Kun jij de injecties inplannen bij de wijkverpleging?

{s_first}
""", g="f", frm="gp", to="staff", tone="none"),

T("lab-troponine", "nl", "Uitslag troponine en ECG", """
{greet}

Ter info: {p_full}, {p_age} jaar, gisteravond via de HAP ingestuurd met pijn op de borst. hs-Troponine T 0 uur 38 ng/l, 3 uur 96 ng/l. ECG: ST-depressie V4-V6. Diagnose NSTEMI. Vannacht CAG verricht met PCI van de RCX. Start DAPT (acetylsalicylzuur + ticagrelor) gedurende 12 maanden.

Ontslag waarschijnlijk {d_next}, ontslagbrief volgt.
""", frm="hosp", to="gp"),

T("lab-be-labo", "be", "Labo-resultaten {p_full}", """
{greet}

In bijlage vindt u normaal de resultaten via eHealthBox, maar die lijkt niet te werken. Daarom kort:

Patiënt: {p_full}, ° {p_dob}, RR-nr {p_nrn}
Afname: {d_prev}

CRP 87 mg/L (< 5)
Leukocyten 14,3 x10³/µL
Creatinine 1,42 mg/dL, eGFR 38 mL/min
HbA1c 8,1 % (65 mmol/mol)
Glucose nuchter 186 mg/dL

Vriendelijke groeten,
Laboratorium klinische biologie
""", frm="be_lab", to="be_gp", tone="none"),

T("lab-psa-follow", "nl", "Uitslag PSA na prostatectomie", """
{greet}

De PSA van {p_title}, geb. {p_dob}, 18 maanden na de radicale prostatectomie is 0,24 ug/l (vorige keer 0,09). Dit past bij een biochemisch recidief. Ik heb {hem} teruggezien op de poli en we plannen een PSMA-PET-scan.

Zou u de PSA in de tussentijd niet apart willen laten bepalen? Wij regelen de controles.
""", g="m", frm="hosp", to="gp"),
]
