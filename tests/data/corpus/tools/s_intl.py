"""Sensitive: Flemish, French and English mail; national identifiers only."""
from tpl import T

BELGIAN = [
T("be-ontslagbrief-cva", "be", "Ontslagbrief {p_full}", """
{greet}

Betreft: {p_formal}, ° {p_dob}
Rijksregisternummer: {p_nrn}
Opgenomen op de dienst neurologie (stroke unit) van {d_prev2} tot {d_prev}.

Diagnose bij ontslag:
- Ischemisch CVA in het stroomgebied van de linker arteria cerebri media, behandeld met trombolyse.
- Nieuw ontdekte voorkamerfibrillatie.

Evolutie: initieel afasie en parese rechterarm (NIHSS 9), bij ontslag NIHSS 2, residuele woordvindingsproblemen.

Medicatie bij ontslag:
Eliquis 5 mg 2x/dag
Atorvastatine 40 mg 1x/dag
Bisoprolol 2,5 mg 1x/dag

Verdere revalidatie in {org2} (logopedie, kiné, ergotherapie). Controle op de raadpleging neurologie binnen 3 maanden.

Met collegiale groeten,
""", frm="be_hosp", to="be_gp", tone="none"),

T("be-mutualiteit-hfst4", "be", "Aanvraag machtiging hoofdstuk IV - lid {p_last}", """
{greet}

Voor ons lid {p_full}, INSZ {p_nrn}, ontvingen wij een aanvraag tot terugbetaling van adalimumab (Humira) in het kader van hoofdstuk IV. Het bijgevoegde verslag van de reumatoloog vermeldt een actieve reumatoïde artritis (DAS28 5,4) ondanks methotrexaat 20 mg/week.

Het formulier is echter niet volledig: het luik 'vorige behandelingen' ontbreekt. Kunt u dit aanvullen zodat de adviserend arts de machtiging kan toekennen?

Met vriendelijke groeten,
Dienst geneeskundige verzorging
{org}
""", frm="be_mut", to="be_gp", tone="none"),

T("be-wzc-mama", "be", "Uw mama - val in de badkamer", """
{greet}

Ik wou u even laten weten dat uw {mama} deze voormiddag gevallen is in de badkamer. Ze heeft een wonde aan het voorhoofd die de huisarts heeft gehecht (3 hechtingen) en een blauwe plek op de heup. Röntgenfoto's waren niet nodig volgens de dokter. Ze neemt sinds kort Marcoumar, dus we volgen de wonde goed op.

Ze was wel wat verward na de val, maar nu lijkt ze terug zichzelf. Ze heeft goed gegeten deze middag.

Met vriendelijke groeten,
{s_first}
Zorgkundige, leefgroep {ward}
""", g="f", frm="be_wzc", to="family", tone="none"),

T("be-thuisverpleging-voet", "be", "Wondzorg dhr. {p_last} - diabetische voet", """
Dag dokter {spec_last},

Bij dhr. {p_full} ({p_dob}) zien we sinds een week een wonde aan de grote teen rechts, ca. 1,5 cm, met roodheid tot aan de voetrug. Hij is insulineafhankelijke diabeet (Lantus 24 E 's avonds + Novorapid volgens schema), glycemies deze week tussen 180 en 290 mg/dL. Temperatuur 37,9.

Wij vermoeden een infectie van de diabetische voetwonde. Kunt u vandaag of morgen langskomen? Graag ook een voorschrift voor de wondzorg, de Katz-schaal hebben we aangepast (score B).

Groeten,
{s_full}
Thuisverpleegkundige, {org}
GSM {phone}
""", g="m", frm="be_thuis", to="be_gp", tone="none"),

T("be-kine-knieprothese", "be", "Verslag kinesitherapie {p_full}", """
{greet}

Kort verslag na 18 sessies kinesitherapie voor {p_title} na de totale knieprothese rechts ({d_prev2}).

Flexie 105°, extensie -5°. Stappen zonder krukken binnenshuis, buiten nog met één kruk. Pijn VAS 3/10 bij belasting. Zwelling nog matig aanwezig.

Ik stel voor om verder te gaan met een nieuw voorschrift voor 18 sessies (E-pathologie niet van toepassing, wel pathologische situatie a). Kunt u een nieuw voorschrift opmaken?

Met vriendelijke groeten,
{s_full}
Kinesitherapeut, RIZIV {riziv}
""", frm="be_kine", to="be_gp", tone="none"),

T("be-zorgtraject-diabetes", "be", "Opstart zorgtraject diabetes - {p_last}", """
{greet}

Voor {p_full}, ° {p_dob}, heb ik vandaag het zorgtraject diabetes type 2 opgestart. Huidige HbA1c 8,2 %, BMI 33. Start met insuline (Toujeo 10 E 's avonds) naast metformine 850 mg 3x/dag. Patiënt krijgt educatie door de diabeteseducator; glucosemeter en strips via het zorgtraject.

Het zorgtrajectcontract is ondertekend, zou u het willen doorsturen naar de adviserend arts van de mutualiteit ({p_mut})?
""", frm="be_gp", to="be_hosp"),

T("be-dmh-bis", "be", "Dringende medische hulp - BIS {p_bis}", """
{greet}

Voor mevrouw {p_full}, geboren {p_dob}, BIS-nummer {p_bis}, vragen wij dringende medische hulp aan. Mevrouw verblijft zonder wettig verblijf in {loc}. Ze is 24 weken zwanger en heeft nog geen prenatale opvolging gehad. Bij de consultatie op de wijkgezondheidscentrum werd een verhoogde bloeddruk (150/100) vastgesteld.

Het attest dringende medische hulp is ingevuld door de arts. Kan het OCMW de aanvraag met voorrang behandelen?
""", g="f", pgen="young", frm="be_cgg", to="be_ocmw"),

T("be-apotheek-marcoumar", "be", "Vraag ivm voorschrift {p_title}", """
Goedemiddag dokter,

Ik krijg een voorschrift binnen voor {p_full} (° {p_dob}) voor clarithromycine 500 mg 2x/dag. Mevrouw neemt ook Marcoumar voor haar kunstklep. Dat geeft een belangrijke interactie (verhoogd bloedingsrisico). Is het de bedoeling om toch dit antibioticum te geven? Eventueel kan een INR-controle binnen 3 dagen, of een alternatief zoals amoxicilline?

Graag een seintje.

Vriendelijke groeten,
{s_full}, apotheker
""", g="f", frm="be_apo", to="be_gp", tone="none"),

T("be-attest-lumbago", "be", "Attest arbeidsongeschiktheid {p_full}", """
{greet}

Hierbij bezorg ik het medisch attest van arbeidsongeschiktheid voor uw lid {p_full}, rijksregisternummer {p_nrn}.

Arbeidsongeschikt van {d_prev} tot en met {d_next2}.
Diagnose: acute lumbago met ischialgie links.
Patiënt mag de woning verlaten.

Met vriendelijke groeten,
{s_full}
Huisarts - RIZIV {riziv}
""", pgen="young", frm="be_gp", to="be_mut", tone="none"),

T("be-palliatief", "be", "Aanvraag palliatief forfait {p_last}", """
{greet}

Voor {p_formal} ({p_dob}, INSZ {p_nrn}) vraag ik het palliatief thuiszorgforfait aan. Patiënt heeft een gemetastaseerd pancreascarcinoom, de oncoloog heeft de chemotherapie gestopt. Levensverwachting minder dan 3 maanden. Hij wil thuis sterven.

Het palliatief support team (PST) is betrokken en komt wekelijks langs. Pijnmedicatie: fentanylpleister 50 µg/u en oxynorm bij doorbraakpijn.

Vriendelijke groeten,
""", g="m", frm="be_gp", to="be_mut", tone="none"),

T("be-gmd-overdracht", "be", "Overdracht GMD - {p_full}", """
Beste collega,

{p_title} is verhuisd en heeft mij gevraagd het globaal medisch dossier over te nemen. Zou u mij de sumehr of een samenvatting kunnen bezorgen?

Wat ik al weet van de patiënt: hypothyreoïdie (L-thyroxine 100 µg), migraine (sumatriptan indien nodig), appendectomie in 2004.
Rijksregisternummer: {p_nrn}

Alvast dank,
{s_full}
Huisarts, {org}
""", pgen="young", frm="be_gp", to="be_gp2", tone="none"),

T("be-labo-kort", "be", "dringend: positieve bloedkweek", """
Dokter,

De bloedkweek van {p_full} (° {p_dob}), afgenomen op spoed op {d_prev}, is positief: gramnegatieve staven in 2/2 flessen. Identificatie en antibiogram volgen morgen. Patiënt is volgens ons systeem naar huis vertrokken met ciprofloxacine.

Gelieve de patiënt te contacteren. Wij hebben uw praktijk niet kunnen bereiken.

Labo microbiologie {org}
""", frm="be_lab", to="be_gp", tone="none"),

T("be-cm-revalidatie", "be", "Uw vraag over revalidatie na borstkanker", """
Dag mevrouw {p_last},

Bedankt voor uw mail. Na uw behandeling voor borstkanker (lumpectomie en radiotherapie) heeft u inderdaad recht op een tussenkomst voor het revalidatieprogramma 'Kanker en beweging'. U heeft hiervoor een voorschrift nodig van uw oncoloog. Als lid van {p_mut} betaalt u daarna 2 euro per sessie.

Uw lidnummer / INSZ: {p_nrn}. Vermeld dit op het aanvraagformulier.

Met vriendelijke groeten,
Team ledenservice
""", g="f", pgen="young", frm="be_mut", to="patient", tone="none"),

T("be-vaccinatie-griep-bewoner", "be", "Reactie na vaccin", """
{greet}

{p_formal} (kamer {p_roomno}) heeft na het griepvaccin van gisteren een grote rode zwelling aan de linkerarm, 8 cm, warm en pijnlijk. Temperatuur 38,2. Hij is gekend met een penicilline-allergie. Kan u vandaag langskomen om te kijken of er een antibioticum nodig is?

Alvast bedankt,
{s_first}
""", g="m", frm="be_wzc", to="be_gp", tone="none"),
]

FRENCH = [
T("fr-lit-pneumonie", "fr", "lit {p_roomno}", """
Bonjour {c_first},

Pour info : le patient du lit {p_roomno} fait une pneumonie, antibiotiques IV depuis ce matin et saturation à surveiller toutes les 4 heures. Sa fille passe vers 15h.

{s_first}
""", frm="fr_hosp", to="staff", tone="informal"),

T("fr-lettre-sortie", "fr", "Lettre de sortie - {p_title}", """
{greet}

Concerne : {p_formal}, né{e} le {p_dob}
NISS : {p_nrn}
Hospitalisé{e} du {d_prev2} au {d_prev} dans le service de cardiologie.

Diagnostic principal : décompensation cardiaque globale sur fibrillation auriculaire rapide.
Antécédents : HTA, diabète de type 2, insuffisance rénale chronique stade 3b.

Évolution favorable sous diurétiques IV, perte de poids de 6 kg. Échocardiographie : FEVG 35 %.

Traitement à la sortie :
- Furosémide 40 mg 1x/j
- Bisoprolol 5 mg 1x/j
- Apixaban 2,5 mg 2x/j
- Sacubitril/valsartan 24/26 mg 2x/j

Contrôle ionogramme et fonction rénale dans une semaine chez vous, svp.

Bien confraternellement,
""", frm="fr_hosp", to="fr_gp", tone="none"),

T("fr-adresse-confrere", "fr", "Demande d'avis - {p_full}", """
Cher Confrère,

Je vous adresse {p_title}, {p_age} ans, pour une altération de l'état général avec amaigrissement de 8 kg en 4 mois, sueurs nocturnes et adénopathies cervicales gauches (2 cm, indolores). LDH 420 U/l, VS 55 mm.

Je suspecte une hémopathie (lymphome ?). Pourriez-vous {le} voir rapidement en consultation d'hématologie ?

Antécédents : tabagisme 25 PA, BPCO stade 2.
Traitement : tiotropium, salbutamol à la demande.

Je vous remercie de votre avis et vous prie de croire, cher Confrère, en mes sentiments les meilleurs.
""", frm="fr_gp", to="fr_hosp", tone="none"),

T("fr-mrs-chute", "fr", "Votre mère - chute ce matin", """
{greet}

Je vous informe que votre {mere}, {p_formal}, a fait une chute ce matin vers 7h dans sa chambre (chambre {p_roomno}). Elle se plaint de douleurs au poignet droit, qui est gonflé. Le médecin coordinateur l'a examinée et a demandé une radiographie : fracture du poignet (Pouteau-Colles). Un plâtre a été posé aux urgences.

Elle est un peu confuse depuis la chute mais elle a bien mangé à midi. Nous restons attentifs.

Bien à vous,
{s_full}
Infirmière en chef, {org}
""", g="f", frm="fr_mrs", to="family", tone="none", s_sex="f"),

T("fr-labo", "fr", "Résultats de laboratoire - {p_init}", """
{greet}

Veuillez trouver ci-dessous les résultats de la prise de sang du {d_prev} pour {p_init}, né{e} le {p_dob}.

Hémoglobine : 9,2 g/dl (12-16)
VGM : 71 fl
Ferritine : 8 µg/l (15-150)
CRP : 3 mg/l
Créatinine : 0,9 mg/dl
TSH : 2,1 mUI/l

Anémie microcytaire ferriprive. Une recherche de sang occulte dans les selles est conseillée.

Laboratoire de biologie clinique
""", frm="fr_lab", to="fr_gp", tone="none"),

T("fr-psy-idees-suicidaires", "fr", "Patient {p_last} - mise en observation", """
{greet}

Pour information, {p_title} (NISS {p_nrn}) a été admis{e} hier soir aux urgences psychiatriques après une tentative de suicide par phlébotomie. Idées suicidaires persistantes, refus de soins. Une mise en observation a été décidée par le juge de paix (procédure urgente, loi du 26 juin 1990). Diagnostic provisoire : épisode dépressif majeur avec caractéristiques psychotiques.

Traitement instauré : sertraline 50 mg, olanzapine 5 mg le soir.

Nous vous tiendrons informé de l'évolution.
""", pgen="young", frm="fr_hosp", to="fr_gp"),

T("fr-mutualite", "fr", "Demande de remboursement - {p_full}", """
Madame, Monsieur,

Je vous transmets la demande d'intervention pour votre affiliée {p_full}, numéro de registre national {p_nrn}, pour des séances de kinésithérapie dans le cadre d'une pathologie lourde (liste E) : sclérose en plaques (forme rémittente-récurrente), EDSS 4,5.

Le rapport du neurologue est joint à la demande papier envoyée par la poste.

Cordialement,
""", g="f", pgen="young", frm="fr_gp", to="fr_mut", tone="formal"),

T("fr-infirmiere-domicile", "fr", "Soins de plaie M. {p_last}", """
Bonjour Docteur,

Petit point sur M. {p_full} : l'ulcère veineux de la jambe gauche ne s'améliore pas (5 x 3 cm, fond fibrineux, exsudat abondant, odeur). Il refuse de porter la contention la nuit. Température 37,6 °C ce matin. Pourriez-vous passer le voir cette semaine ? Je pense qu'un avis en dermatologie ou au centre de cicatrisation serait utile.

Je vous joins une photo dans le dossier partagé.

Bien cordialement,
{s_first}, infirmière à domicile
""", g="m", frm="fr_inf", to="fr_gp", tone="none", s_sex="f"),

T("fr-rh-hernie", "fr", "Absence de {p_first} {p_last}", """
Bonjour {c_first},

Je t'informe que {p_first} {p_last} sera absente au moins 6 semaines : elle a été opérée lundi d'une hernie discale L4-L5 et doit ensuite faire de la kiné. Le certificat médical est arrivé au secrétariat social. Peux-tu prévoir un remplacement pour ses gardes de nuit ?

Merci,
{s_first}
""", g="f", pgen="young", frm="fr_rh", to="fr_rh2", tone="none"),

T("fr-had-france", "fr", "Dossier patient - {p_full}", """
Bonjour,

Suite à notre conversation téléphonique, je vous transmets les informations pour la prise en charge de {p_title} en HAD :

Nom : {p_full}
Date de naissance : {p_dob}
Adresse : {p_addr}
Diagnostic : cancer du poumon non à petites cellules, stade IV, métastases osseuses
Traitement : morphine LP 30 mg 2x/j, Actiskenan 10 mg si besoin, dexaméthasone 4 mg
Oxygène 2 l/min la nuit

Le médecin traitant est le Dr {spec_last}.

Cordialement,
{s_full}
Coordinatrice HAD
""", frm="fr_hosp", to="fr_had", tone="none"),

T("fr-kine-bilan", "fr", "Bilan kiné après AVC", """
{greet}

Bilan de {p_title} après 10 séances de rééducation : suite à l'AVC sylvien droit du mois dernier, hémiparésie gauche à prédominance brachiale. Marche avec une canne tripode sur 50 m, transferts avec aide. Équilibre : score de Berg 38/56. Risque de chute important.

Je propose de poursuivre à raison de 3 séances par semaine.
""", frm="fr_kine", to="fr_gp"),

T("fr-pharmacie-insuline", "fr", "Ordonnance {p_title}", """
Bonjour Docteur,

{p_formal} est passé{e} à la pharmacie avec une ordonnance pour de l'insuline Lantus mais sans les aiguilles ni les tigettes pour son glucomètre. Son diabète semble déséquilibré ({il} m'a montré des glycémies à 320 mg/dl). Pourriez-vous faxer ou envoyer une ordonnance complémentaire via Recip-e ?

Merci d'avance,
{org}
""", frm="fr_apo", to="fr_gp", tone="none"),

T("fr-creche-allergie", "fr", "Allergie de {p_first}", """
{greet}

Suite à notre rencontre, je confirme que nous avons bien noté l'allergie sévère aux arachides et aux fruits à coque de {p_first} {p_last} (né{e} le {p_dob}), avec antécédent de choc anaphylactique. L'EpiPen Junior est rangé dans la pharmacie de la section des Grands, avec le protocole signé par le pédiatre.

Toute l'équipe a été informée et la cuisine prépare un repas adapté.

Bien à vous,
{s_full}
Directrice de la crèche
""", pgen="child", frm="fr_creche", to="family", tone="none", s_sex="f"),

T("fr-covid-mrs", "fr", "PCR positive chambre {p_roomno}", """
Bonjour à tous,

Le test PCR de Mme {p_last} (chambre {p_roomno}) est revenu positif au COVID-19. Elle présente une fièvre à 38,3 °C et une toux sèche. Saturation 94 %. Elle est placée en isolement gouttelettes dans sa chambre. Le médecin traitant passe cet après-midi.

Merci de respecter les mesures (masque FFP2, blouse) lors des soins.

{s_first}
""", g="f", frm="fr_mrs", to="team", tone="none"),

T("fr-rcp-sein", "fr", "RCP sénologie - {p_full}", """
{greet}

Compte rendu de la réunion de concertation oncologique multidisciplinaire (COM) du {d_prev} :

Patiente : {p_full}, née le {p_dob}, NISS {p_nrn}
Diagnostic : carcinome canalaire infiltrant du sein gauche, grade 2, RE+ RP+ HER2-, cT2N0M0.
Proposition : tumorectomie avec ganglion sentinelle, puis radiothérapie et hormonothérapie (létrozole) pendant 5 ans.

La patiente sera revue en consultation chirurgicale le {d_next}.
""", g="f", frm="fr_hosp", to="fr_gp"),
]

ENGLISH = [
T("en-gp-referral", "en", "Referral: {p_title}, DOB {p_dob}", """
{greet}

Re: {p_formal}, DOB {p_dob}, {p_addr}

Thank you for seeing this {p_age}-year-old with a 6-week history of progressive breathlessness and a dry cough. {He} has lost about 5 kg. On examination there are fine bibasal crackles and finger clubbing. Sats 93% on air. CXR showed reticular shadowing in both lower zones.

PMH: rheumatoid arthritis (on methotrexate 15 mg weekly), hypertension.
I wonder about interstitial lung disease, possibly methotrexate-related. I have stopped the methotrexate pending your review.

Kind regards,
""", frm="en_gp", to="en_hosp", tone="none"),

T("en-discharge", "en", "Discharge summary - {p_full}", """
DISCHARGE SUMMARY

Patient: {p_full}   DOB: {p_dob}   Hospital no: {p_patnr}
Admitted: {d_prev2}   Discharged: {d_prev}
Ward: Acute Medical Unit

Diagnosis: Community-acquired pneumonia (CURB-65 score 2); acute kidney injury stage 1 (resolved)
Background: COPD, type 2 diabetes, atrial fibrillation

Treatment: IV co-amoxiclav, switched to oral doxycycline. Creatinine peaked at 168, 94 on discharge.

Medication changes:
- Metformin withheld during AKI, restarted on discharge
- Ramipril 5 mg: STOPPED, please review in 2 weeks

GP actions: repeat U&E in one week; chest X-ray in 6 weeks to confirm resolution.
""", frm="en_hosp", to="en_gp", tone="formal"),

T("en-lab-report", "en", "Abnormal results - {p_init}", """
{greet}

Please note the following abnormal results for {p_init} (DOB {p_dob}), sample taken {d_prev}:

Sodium 124 mmol/L (133-146)
Potassium 5.9 mmol/L (3.5-5.3)
Urea 14.2 mmol/L
eGFR 36 mL/min/1.73m2
Glucose (random) 17.8 mmol/L
HbA1c 84 mmol/mol

Please arrange repeat testing within 24 hours and review medication.

Duty biochemist
""", frm="en_lab", to="en_gp", tone="none"),

T("en-expat-patient", "en", "Question about my test results", """
Dear doctor,

My name is {p_full}, date of birth {p_dob}, BSN {p_bsn}. I had a blood test last week at the lab on {street} because of my tiredness. The assistant told me on the phone that my thyroid is "too slow" but I did not really understand. Do I need medication? I am also still breastfeeding my 4-month-old, is levothyroxine safe then?

Could you call me on {p_phone}? My Dutch is not very good yet, so English please.

Thank you,
{p_first}
""", g="f", pgen="young", frm="patient", to="gp", tone="none"),

T("en-carehome-family", "en", "Update on your father", """
Dear {r_first},

I just wanted to let you know that your father had a difficult night. He was very breathless and his oxygen levels dropped to 86%. The GP visited this morning and started him on antibiotics for a chest infection (amoxicillin) and increased his furosemide because of his heart failure. He is more comfortable now and has had some porridge.

Please give me a ring if you'd like to talk this through. I'm on shift until 8pm.

Best wishes,
{s_first}
Senior carer, {org}
""", g="m", frm="en_carehome", to="family", tone="none"),

T("en-hr-chemo", "en", "Sick leave - {p_full}", """
Hi {c_first},

Just a heads up for payroll: {p_full} has been signed off for another 8 weeks. She's started chemotherapy for bowel cancer (six cycles, every 3 weeks). Occupational health have been informed and will contact her in a month about a phased return.

Please keep this confidential - she's told only me and her direct colleague.

Thanks,
{s_first}
""", g="f", pgen="young", frm="en_mgr", to="en_hr", tone="none"),

T("en-mh-crisis", "en", "Urgent: client at risk", """
{greet}

I'm writing to flag that {p_full} (DOB {p_dob}, NHS no. {p_nhs}) disclosed active suicidal thoughts at today's session, with a plan to overdose on his stockpiled sertraline and zopiclone. He has agreed to let his sister hold his medication and has the crisis line number. I have referred him to the home treatment team for same-day assessment.

Diagnosis: recurrent depressive disorder, current episode severe (F33.2).

Please could you review him and consider weekly prescriptions.
""", g="m", pgen="young", frm="en_mh", to="en_gp"),

T("en-physio", "en", "Physio progress report", """
{greet}

Progress report for {p_title}: seen for 6 sessions after left total hip replacement. Now walking with one stick, hip flexion 95 degrees, Timed Up and Go 14 s. Still some pain at night (4/10), managed with paracetamol. I'd recommend continuing home exercises and one review in 4 weeks.

Best,
{s_full}, MSc Physiotherapy
""", frm="en_physio", to="en_gp", tone="none"),

T("en-pharmacy", "en", "Prescription query - {p_full}", """
Hello,

We received a prescription for {p_full} (DOB {p_dob}) for methotrexate 10 mg DAILY. Could you confirm this is correct? The usual regimen is once weekly and the patient told us he takes it on Mondays for his psoriatic arthritis. We have not dispensed it yet.

Many thanks,
{s_full}
Pharmacist
""", g="m", frm="en_pharm", to="en_gp", tone="none"),

T("en-insurance-bsn", "en", "Claim for treatment - policy holder {p_last}", """
Dear Sir/Madam,

Please find below the details for the reimbursement claim of our member:

Name: {p_full}
Date of birth: {p_dob}
BSN: {p_bsn}
Treatment: physiotherapy following anterior cruciate ligament reconstruction (left knee), 24 sessions
Referring specialist: {dr}

Could you confirm whether additional sessions are covered under the supplementary policy?

Kind regards,
""", pgen="young", frm="en_expat", to="en_ins", tone="formal"),

T("en-midwife", "en", "Antenatal follow-up", """
Hi {p_first},

Just following up on your appointment yesterday. Your blood pressure was a bit high (145/92) and there was a trace of protein in your urine. At 34 weeks we want to keep a close eye on that, so I've booked you a CTG and blood tests at the hospital tomorrow at {t1}. If you get a bad headache, blurred vision or pain under your ribs, please call us straight away on {phone}.

Take care,
{s_first}
Midwife, {org}
""", g="f", pgen="young", frm="en_midwife", to="patient", tone="none"),

T("en-potassium-oneliner", "en", "{p_title} K+ 6.3", """
{p_title}'s potassium came back at 6.3 - can someone from the ward call me back asap on ext {ext}? Repeat ECG please.
""", frm="en_hosp", to="en_hosp", tone="none"),

T("en-student-wellbeing", "en", "Student {p_first} {p_last} - wellbeing concern", """
{greet}

I'm the student wellbeing officer. {p_first} {p_last} (student no. {p_patnr}, BSN {p_bsn}) has asked me to contact you. She has been diagnosed with generalised anxiety disorder and panic attacks by her GP and has started on escitalopram. She would like extra time in exams and a quiet room. Could the exam board consider this?

Kind regards,
""", g="f", pgen="young", frm="en_uni", to="en_uni2"),

T("en-child-asthma", "en", "Asthma plan for {p_first}", """
{greet}

Thank you for sending {p_first}'s new asthma action plan. We have noted the changes: Clenil 100 micrograms two puffs twice daily, and salbutamol (blue inhaler) via spacer as needed. We keep a spare inhaler in the school office. We'll let you know whenever {p_first} needs it during the day.

Best wishes,
{s_full}
School nurse
""", pgen="child", frm="en_school", to="family", tone="none"),
]

IDONLY = [
T("id-bsn-controle", "nl", "BSN controle {p_title}", """
{greet}

Bij het inschrijven van {p_formal} (geb. {p_dob}) krijg ik een foutmelding van de SBV-Z. Wij hebben BSN {p_bsn} genoteerd van het ID-bewijs. Klopt dat nummer met wat jullie hebben? Anders kan ik de declaratie niet versturen.
""", frm="admin", to="extorg"),

T("id-be-payroll", "be", "Gegevens nieuwe medewerker", """
Dag {c_first},

Hierbij de gegevens van onze nieuwe collega voor de Dimona-aangifte en de loonadministratie:

Naam: {p_full}
Geboortedatum: {p_dob}
Rijksregisternummer: {p_nrn}
Adres: {p_addr}
IBAN: {p_iban}
Start: {d_next}, contract onbepaalde duur, 30,4 u/week

Groetjes,
{s_first}
""", pgen="young", frm="be_hr", to="be_hr2", tone="none"),

T("id-intakeformulier", "nl", "Aanmelding nieuwe cliënt", """
Nieuwe aanmelding via het formulier op de website:

Naam: {p_full}
Geboortedatum: {p_dob}
BSN: {p_bsn}
Adres: {p_addr}
Telefoon: {p_phone}
E-mail: {p_email}
Huisarts: {dr}
Verwijzer: huisarts
Zorgverzekeraar: VGZ, polisnummer 20331847

Verzonden op {d_today}
""", frm="web", to="admin", tone="none"),

T("id-wmo", "nl", "aanvraag huishoudelijke hulp", """
{greet}

Namens {p_title} (BSN {p_bsn}, {p_addr}) wil ik een melding doen voor huishoudelijke ondersteuning vanuit de Wmo. {Hij} woont zelfstandig en heeft hulp nodig bij het schoonhouden van de woning. Kan een consulent contact opnemen voor een keukentafelgesprek? Telefoonnummer: {p_phone}.
""", frm="thuis", to="gemeente"),

T("id-declaratie-correctie", "nl", "Re: afgewezen declaratie", """
Hoi {c_first},

Het BSN in de declaratie was fout overgenomen (2 cijfers omgedraaid). Het juiste BSN van {p_full} is {p_bsn}. Kun je de declaratie opnieuw indienen?

Groet, {s_first}
""", frm="admin", to="admin2", tone="none"),

T("id-fr-niss", "fr", "Mise à jour dossier", """
Bonjour,

Pouvez-vous mettre à jour le dossier administratif de {p_title} ? Son numéro NISS est {p_nrn} (et non celui qui figure actuellement). Date de naissance : {p_dob}.

Merci,
{s_first}
Accueil
""", frm="fr_hosp", to="fr_hosp", tone="none"),

T("id-bis-vrijwilliger", "be", "BIS-nummer vrijwilliger", """
Dag {c_first},

Voor onze nieuwe vrijwilliger uit Nederland, {p_full} (° {p_dob}), hebben we een BIS-nummer aangevraagd. Het nummer is {p_bis}. Kan je dat in het vrijwilligersregister zetten voor de verzekering?

Merci!
{s_first}
""", pgen="young", frm="be_wzc", to="be_hr2", tone="none"),

T("id-en-bsn-file", "en", "BSN for {p_title}", """
Hi {c_first},

Could you add the BSN to {p_title}'s file? It's {p_bsn}. Date of birth {p_dob}. He brought his residence permit today.

Thanks!
{s_first}
""", g="m", pgen="young", frm="en_expat", to="en_expat", tone="none"),

T("id-reply-bsn", "nl", "RE: bsn?", """
{p_bsn}

{s_first}

-----Oorspronkelijk bericht-----
Van: {c_full}
Verzonden: {d_today}
Aan: {s_full}
Onderwerp: bsn?

Hoi, wat is het bsn van {p_title} (geb {p_dob})? Ik moet de indicatie aanvragen.
""", frm="admin", to="admin2", tone="none"),

T("id-idkaart-scan", "be", "ID-kaart {p_full}", """
Goedemorgen,

De eID van {p_full} werd gelezen bij de inschrijving op de spoed. Rijksregisternummer {p_nrn}, adres {p_addr}. Graag de gegevens in het patiëntendossier corrigeren, er stond een oud adres.

Met vriendelijke groeten,
Onthaal
""", frm="be_hosp", to="be_hosp", tone="none"),

T("id-apotheek", "nl", "BSN ivm medicatieprofiel", """
{greet}

Voor het opvragen van het actuele medicatieoverzicht via het LSP hebben wij het BSN nodig. Het gaat om {p_init}, geboren {p_dob}, BSN: {p_bsn}. Toestemming van de cliënt voor inzage is vastgelegd.
""", frm="vvt", to="apo"),

T("id-leerling", "nl", "gegevens leerling {p_first}", """
Beste {c_first},

Voor de aanmelding bij het samenwerkingsverband heb ik de volgende gegevens nodig, wil je deze controleren?

Leerling: {p_full}
Geboortedatum: {p_dob}
Burgerservicenummer: {p_bsn}
Groep 7

Met vriendelijke groet,
{s_full}
Intern begeleider
""", pgen="child", frm="school", to="school2", tone="none"),

T("id-lijst-nieuwe-clienten", "nl", "Nieuwe cliënten per 1e van de maand", """
Hoi {c_first},

Per de 1e starten drie nieuwe cliënten in de wijk. Wil je ze alvast in Nedap zetten?

1. {p_full}, {p_dob}, BSN {p_bsn}
2. {x_full}, {x_dob}, BSN {x_bsn}
3. {y_full}, {y_dob}, BSN {y_bsn}

Adressen volgen.

{s_first}
""", frm="thuis", to="admin2", tone="none"),

T("id-vog", "nl", "VOG aanvraag vrijwilliger", """
{greet}

Voor onze nieuwe vrijwilliger vragen wij een VOG aan via de werkgeversroute. Gegevens:

Naam: {p_full}
Geboren: {p_dob_long}
BSN: {p_bsn}
E-mail: {p_email}

{Hij} ontvangt een e-mail van Justis met een betaallink (gratis, vrijwilligersregeling).
""", pgen="young", frm="vvt", to="extorg"),

T("id-insz-mutualiteit", "be", "wijziging ziekenfonds", """
dag,

mijn mama wil van ziekenfonds veranderen, haar insz is {p_nrn_spaces}, {p_full}. wat moet ik daarvoor doen?

groetjes
{r_first}
""", g="f", frm="family", to="be_mut", tone="none"),

T("id-sofinummer", "nl", "gegevens voor loonstrook", """
Goedemiddag,

Hierbij mijn gegevens voor de salarisadministratie, zoals gevraagd:
{p_full}
geboren {p_dob}
sofinummer/BSN {p_bsn}
rekeningnummer {p_iban}

Groeten,
{p_first}
""", pgen="young", frm="employee_self", to="hr", tone="none"),
]
