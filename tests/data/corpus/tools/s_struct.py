"""Sensitive: subject-only, attachment-text, html-only, forwarded, encoded."""
from tpl import T

SUBJECT = [
T("subj-achternaam-clozapine", "nl", "{x_last} clozapine herstart 12,5 mg, bloedbeeld wekelijks", "Zie onderwerp. De apotheek is ingelicht.\n", frm="ggz", to="staff", tone="none"),
T("subj-biopt", "nl", "Uitslag biopt mevr. {p_last} (geb. {p_dob}) - maligne, graag bellen", "Zie bijlage.\n", g="f", frm="hosp", to="gp", tone="informal", pdf="uitslag.pdf"),
T("subj-inr", "nl", "{p_title} {p_dob} INR 5,8 - dosering acenocoumarol aanpassen?", "graag even bellen\n", frm="vvt", to="gp", tone="none"),
T("subj-suicidaal", "nl", "Spoed: cl. {p_init} suïcidaal, crisisdienst ingeschakeld", "Bel me zsm.\n\n{s_first}\n", pgen="young", frm="ggz", to="staff", tone="none"),
T("subj-verwijzing-af", "nl", "Verwijzing cardiologie {p_full} geb {p_dob} - AF", "Hierbij de verwijzing, zie bijlage.\n\nMet collegiale groet,\n", frm="gp", to="hosp", tone="none", pdf="verwijzing.pdf"),
T("subj-be-crp", "be", "Resultaten bloedname {p_full} ° {p_dob} - CRP 145", "Zie bijlage, gelieve de patiënt te contacteren.\n", frm="be_lab", to="be_gp", tone="formal", pdf="labo.pdf"),
T("subj-fr-irm", "fr", "Résultats IRM {p_title} née le {p_dob} - SEP confirmée", "Bonjour,\n\nVoir pièce jointe.\n\nBien à vous\n", g="f", pgen="young", frm="fr_hosp", to="fr_gp", tone="none", pdf="IRM_cerebrale.pdf"),
T("subj-en-nstemi", "en", "Discharge summary {p_title} DOB {p_dob} - NSTEMI", "Please see attached.\n", frm="en_hosp", to="en_gp", tone="formal", pdf="discharge.pdf"),
T("subj-bsn-dementie", "nl", "BSN {p_bsn} - nieuwe cliënt met dementie, intake {d_next}", "Kun jij de intake plannen? Gegevens volgen telefonisch.\n", frm="thuis", to="staff", tone="informal"),
T("subj-medicatie", "nl", "Medicatiewijziging {p_title}: stop oxazepam, start mirtazapine 15 mg", "Zie onderwerp. Wil je het aanpassen in het toedienregistratiesysteem?\n", frm="vvt", to="apo", tone="informal"),
T("subj-decubitus", "nl", "Foto decubitus stuit {p_title} kamer {p_roomno} categorie 3", "zie bijlage\n", frm="vvt", to="staff", tone="none", pdf="IMG_4471.jpg"),
T("subj-miskraam", "nl", "{p_first} {p_lastlow} - miskraam, ziek t/m vrijdag", "Ik heb haar gesproken. Graag even bellen over haar diensten.\n", g="f", pgen="young", frm="mgr", to="hr", tone="informal"),
T("subj-overplaatsing", "nl", "Overplaatsing {p_full} ({p_dob}) naar PG-afdeling ivm Alzheimer en dwaalgedrag", "Akkoord vanuit het MDO. Kun jij de familie bellen?\n", frm="vvt", to="staff", tone="informal"),
T("subj-uitslag-hiv", "nl", "Uitslag HIV-test {p_init} positief - vertrouwelijk", "Graag vandaag terugbellen.\n", pgen="young", frm="lab", to="gp", tone="formal"),
T("subj-mri-en", "en", "MRI brain {p_full} - glioblastoma, MDT Thursday", "Hi, can we discuss? Thanks\n", frm="en_hosp", to="en_hosp", tone="none"),
T("subj-fwd-ontslag", "nl", "FW: ontslagbrief {p_title} heupfractuur li, revalidatie {org2}", "Ter info.\n", frm="vvt", to="staff", tone="informal", pdf="ontslagbrief.pdf"),
T("subj-be-insz", "be", "INSZ {p_nrn} - opname PAAZ {d_prev}", "Zie bijlage voor de opnamebrief.\n\nMvg\n", pgen="young", frm="be_hosp", to="be_gp", tone="none", pdf="opnamebrief.pdf"),
T("subj-fr-niss-dialyse", "fr", "NISS {p_nrn} {p_title} - dialyse lundi mercredi vendredi", "Merci de confirmer le transport.\n", frm="fr_hosp", to="fr_transport", tone="formal"),
T("subj-valpartij", "nl", "valpartij {p_title} vannacht - hoofdwond, Eliquis!!", "bel me even als je er bent\n", frm="vvt", to="gp", tone="none"),
T("subj-psychose", "nl", "Re: {p_first} {p_lastlow} weer psychotisch, depot gemist", "Ok, ik ga morgen langs.\n\n> graag even bellen\n", g="m", pgen="young", frm="ggz", to="staff", tone="none"),
T("subj-kanker", "nl", "{p_full} geb. {p_dob}: uitslag PET-scan - uitzaaiingen lever", "Graag bespreken bij het MDO van donderdag.\n", frm="hosp", to="hosp", tone="formal"),
T("subj-diabetes-hypo", "nl", "Hypo {p_title} vanochtend glucose 2,1 - insuline gehalveerd", "ter info, zie rapportage in ECD.\n", frm="thuis", to="gp", tone="informal"),
T("subj-en-overdose", "en", "Re: {p_first} {p_last} (DOB {p_dob}) - paracetamol overdose last night", "Thanks, will do.\n", pgen="young", frm="en_mh", to="en_gp", tone="informal"),
T("subj-fr-depression", "fr", "Arrêt maladie {p_first} {p_last} - dépression, prolongation 1 mois", "Voir certificat en pièce jointe.\n", pgen="young", frm="fr_rh", to="fr_rh2", tone="none", pdf="certificat.pdf"),
T("subj-wzc-covid", "be", "Bewoner kamer {p_roomno} {p_title} covid positief", "Graag morgen langskomen aub.\n", frm="be_wzc", to="be_gp", tone="none"),
T("subj-zwanger", "nl", "Echo 12 weken {p_full} - verdenking trisomie 21, NIPT aanvragen?", "Kun je even bellen?\n", g="f", pgen="young", frm="midwife", to="hosp", tone="informal"),
T("subj-leeg", "nl", "{p_init} {p_dob} epilepsie insult 20 min, midazolam gegeven, naar SEH", "", pgen="young", frm="vvt", to="gp", tone="none"),
T("subj-verstuurd-iphone", "nl", "uitslag kweek dhr {p_last} MRSA positief!", "Verstuurd vanaf mijn iPhone\n", g="m", frm="vvt", to="staff", tone="none"),
]

ATTACH = [
T("att-clientenlijst-csv", "nl", "Lijst bewoners {ward}", """
{greet}

Hierbij de actuele lijst zoals gevraagd, voor de overdracht naar de nieuwe apotheek.
""", frm="vvt", to="apo", attach=[("bewoners_{ward_slug}.csv", "text/csv", """Naam;Geboortedatum;Kamer;Diagnose;Medicatie
{p_full};{p_dob_d};{p_roomno};Alzheimer dementie, DM2;metformine 500mg 2dd, memantine 10mg
{x_full};{x_dob};14;CVA 2021, hemiparese re;clopidogrel 75mg, simvastatine 40mg
{y_full};{y_dob};15;Parkinson;levodopa/carbidopa 125mg 4dd
{z_full};{z_dob};17;Hartfalen, COPD;furosemide 40mg, Spiolto
""")]),

T("att-overdracht-txt", "nl", "overdracht avond", """
Hoi,

overdracht staat in de bijlage, printer doet het niet.

{s_first}
""", frm="vvt", to="team", tone="none", attach=[("overdracht_{d_file}.txt", "text/plain", """OVERDRACHT AVONDDIENST {d_today} - {ward}

K{p_roomno} {p_title}: koorts 38,9, urine troebel, kweek afgenomen. SO gebeld, start nitrofurantoine.
K12 {x_title}: onrustig, 2x uit bed gevonden. Zn lorazepam 0,5 gegeven om 21.00.
K14 {y_title}: wond stuit (decubitus cat 2) verzorgd, Mepilex gewisseld.
K15 {z_title}: gaf vanavond bloed op. RR 102/60, pols 98. Arts belt terug.
""")]),

T("att-ics-oncologie", "nl", "Afspraak", """
Afspraak staat in je agenda.
""", frm="hosp", to="staff", tone="none", attach=[("afspraak.ics", "text/calendar", """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Example Ziekenhuis//Agenda//NL
METHOD:REQUEST
BEGIN:VEVENT
UID:{uid}@ziekenhuis-example.nl
DTSTAMP:{ics_stamp}
DTSTART:{ics_start}
DTEND:{ics_end}
SUMMARY:Poli oncologie {p_title} - chemokuur 3 (FOLFOX)
DESCRIPTION:{p_full}\\, geb. {p_dob}. Coloncarcinoom stadium III. Lab vooraf: Hb\\, leuko\\, trombo. Premedicatie ondansetron.
LOCATION:Dagbehandeling oncologie\\, kamer 4
END:VEVENT
END:VCALENDAR
""")]),

T("att-vcf-client", "nl", "contactgegevens", """
zie vcard
""", frm="thuis", to="staff", tone="informal", attach=[("{p_slug}.vcf", "text/vcard", """BEGIN:VCARD
VERSION:3.0
N:{p_lastlow};{p_first};;;
FN:{p_full}
BDAY:{p_dob_iso}
TEL;TYPE=HOME:{p_phone}
ADR;TYPE=HOME:;;{p_addr_vcf}
NOTE:Cliënt wijkverpleging. BSN {p_bsn}. Diabeet\\, insuline 3x daags (NovoRapid/Lantus). Sleutelkluis code bij planning.
END:VCARD
""")]),

T("att-xml-patient", "nl", "Export cliëntgegevens", """
{greet}

Bijgaand de export voor de koppeling met het nieuwe ECD, testbestand met één cliënt.
""", frm="vvt", to="vendor_it", attach=[("export_client.xml", "application/xml", """<?xml version="1.0" encoding="UTF-8"?>
<clientExport versie="2.1">
  <client>
    <naam>{p_full}</naam>
    <geboortedatum>{p_dob_iso}</geboortedatum>
    <bsn>{p_bsn_plain}</bsn>
    <diagnoses>
      <diagnose code="E11.9">Diabetes mellitus type 2</diagnose>
      <diagnose code="F03">Dementie, niet gespecificeerd</diagnose>
    </diagnoses>
    <medicatie atc="A10BA02">Metformine 500 mg 2dd1</medicatie>
    <allergie>Penicilline</allergie>
  </client>
</clientExport>
""")]),

T("att-labexport-csv", "nl", "labuitslagen week {week}", """
Zie bijlage.
""", frm="lab", to="gp", tone="formal", attach=[("labuitslagen.csv", "text/csv", """patientnr,naam,geboortedatum,bepaling,uitslag,eenheid,vlag
{p_patnr},{p_full},{p_dob_d},HbA1c,71,mmol/mol,H
{p_patnr},{p_full},{p_dob_d},Kreatinine,156,umol/l,H
{x_patnr},{x_full},{x_dob},TSH,8.9,mU/l,H
{y_patnr},{y_full},{y_dob},Hb,6.2,mmol/l,L
""")]),

T("att-medicatieoverzicht-txt", "nl", "medicatieoverzicht", """
{greet}

In de bijlage het actuele medicatieoverzicht voor de opname morgen.
""", frm="apo", to="hosp", attach=[("medicatieoverzicht.txt", "text/plain", """MEDICATIEOVERZICHT
Patiënt: {p_init}   Geb.: {p_dob}   BSN: {p_bsn}
Datum: {d_today}

Middel                          Dosering        Sinds
Metoprolol retard 50 mg         1dd1            2019
Furosemide 40 mg                1dd1            2021
Apixaban 5 mg                   2dd1            2022
Insuline glargine 100 E/ml      1dd 18 E        2020
Paracetamol 500 mg              zn max 6dd2     2023

Contra-indicaties: nierinsufficiëntie (eGFR 38)
Overgevoeligheid: sulfonamiden
""", )]),

T("att-wachtlijst-csv", "nl", "wachtlijst", """
Hierbij de wachtlijst voor het overleg, graag niet verder doorsturen.
""", frm="ggz", to="ggz2", tone="informal", attach=[("wachtlijst_{month}.csv", "text/csv", """client;geboortedatum;aanmelddatum;hulpvraag;voorlopige diagnose;urgentie
{p_full};{p_dob_d};{d_prev2};angstklachten, paniekaanvallen;F41.0 paniekstoornis;normaal
{x_full};{x_dob};{d_prev};somberheid na scheiding;F32.1;hoog
{y_full};{y_dob};{d_prev};ADHD-onderzoek volwassene;F90.0?;normaal
""")]),

T("att-be-rr-export", "be", "Export Katz-scores", """
Dag {c_first},

Hierbij de export voor de RIZIV-facturatie van deze maand.

Groetjes
""", frm="be_wzc", to="be_admin", tone="none", attach=[("katz_export.csv", "text/csv", """INSZ;Naam;Voornaam;Geboortedatum;Katz;Zorgprofiel;Opmerking
{p_nrn_plain};{p_last};{p_first};{p_dob_d};B;dementie;
{x_nrn};{x_last};{x_first};{x_dob};Cd;dementie + incontinentie;
{y_nrn};{y_last};{y_first};{y_dob};A;;na heupfractuur
""")]),

T("att-fr-liste-patients", "fr", "Liste des patients - tournée de demain", """
Bonjour,

Voici la liste pour la tournée de demain.

{s_first}
""", frm="fr_inf", to="fr_inf", tone="none", attach=[("tournee.csv", "text/csv", """Patient;NISS;Adresse;Soins
{p_full};{p_nrn_plain};{p_addr};pansement ulcère jambe gauche + injection insuline
{x_full};{x_nrn};{x_addr};toilette + surveillance glycémie (diabète type 1)
{y_full};{y_nrn};{y_addr};injection Clexane, post-op prothèse hanche
""")]),

T("att-en-referral-txt", "en", "Referral letter", """
Hi,

Referral letter attached as plain text as our PDF export is broken.

Thanks
""", frm="en_gp", to="en_hosp", tone="none", attach=[("referral_letter.txt", "text/plain", """Dear Colleague,

Re: {p_full}, DOB {p_dob}

Thank you for seeing this patient with new-onset atrial fibrillation and a CHA2DS2-VASc of 4. Echo requested. Started on apixaban 5 mg bd and bisoprolol 2.5 mg.

Yours sincerely,
{dr}
""")]),

T("att-be-ics-neuro", "be", "uitnodiging consultatie", """
In bijlage de afspraak.
""", frm="be_hosp", to="patient", tone="formal", attach=[("consultatie.ics", "text/calendar", """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//AZ Example//NL
BEGIN:VEVENT
UID:{uid}@azsint-example.be
DTSTAMP:{ics_stamp}
DTSTART:{ics_start}
DTEND:{ics_end}
SUMMARY:Consultatie neurologie - {p_full} (opvolging MS\\, Ocrevus-infuus)
DESCRIPTION:Nuchter niet nodig. Breng uw identiteitskaart en medicatielijst mee.
LOCATION:Campus Noord\\, route 42
END:VEVENT
END:VCALENDAR
""")]),

T("att-json-fhir", "nl", "testbericht koppeling", """
{greet}

In de bijlage een voorbeeldbericht uit productie waar de validatie op faalt. Kunnen jullie kijken?
""", frm="vvt", to="vendor_it", attach=[("bericht.json", "application/json", """{{
  "resourceType": "Bundle",
  "entry": [
    {{"resource": {{"resourceType": "Patient",
      "identifier": [{{"system": "http://fhir.nl/fhir/NamingSystem/bsn", "value": "{p_bsn_plain}"}}],
      "name": [{{"family": "{p_lastlow}", "given": ["{p_first}"]}}],
      "birthDate": "{p_dob_iso}"}}}},
    {{"resource": {{"resourceType": "Condition",
      "code": {{"coding": [{{"system": "http://hl7.org/fhir/sid/icd-10", "code": "I50.9", "display": "Hartfalen"}}]}}}}}}
  ]
}}
""")]),

T("att-rapportage-txt", "nl", "rapportage week", """
Beste {c_first},

Zoals besproken de rapportage van deze week als tekstbestand.
""", pgen="young", frm="ggz", to="wijkteam", attach=[("rapportage_{p_slug}.txt", "text/plain", """Rapportage ambulante begeleiding - {p_full} ({p_dob})

Ma: cl. niet thuis bij afspraak. Ge-appt, geen reactie.
Wo: huisbezoek. Cl. somber, zegt veel te drinken (6-8 blikjes per dag). Medicatie (quetiapine 200mg) niet ingenomen volgens blisters. Geen suïcidale uitingen.
Vr: samen naar huisarts geweest ivm slecht slapen. Afspraak psychiater volgende week.
""")]),

T("att-txt-latin1", "nl", "gegevens cliënt voor overdracht", """
Zie bijlage.
""", frm="thuis", to="vvt", tone="formal", attach=[("overdracht.txt", "text/plain", """Cliënt: {p_full}
Geboren: {p_dob}
Adres: {p_addr}

Diagnoses: hartfalen, diabetes mellitus type 2, beginnende dementie.
Zorg: 3x daags medicatie, steunkousen, insuline 's avonds.
Bijzonderheden: valgevaar, rollator.
""")], charset="iso-8859-1"),
]

HTML = [
T("html-lab-table", "nl", "Uitslagen {p_init}", None, frm="lab", to="gp", tone="none", html="""<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>Uitslagen</title>
<style type="text/css">
body {{ font-family: Arial, sans-serif; font-size: 10pt; }}
table.res td {{ border: 1px solid #999; padding: 2px 6px; }}
.afw {{ color: #c00; font-weight: bold; }}
</style>
<script type="text/javascript">
var printed = false; function doPrint() {{ if (!printed) {{ window.print(); printed = true; }} }}
</script>
</head><body onload="doPrint()">
<p>Geachte collega,</p>
<p>Hieronder de uitslagen van <b>{p_init}</b>, geb. {p_dob}, pati&euml;ntnummer {p_patnr}.</p>
<table class="res">
<tr><th>Bepaling</th><th>Uitslag</th><th>Eenheid</th><th>Referentie</th></tr>
<tr><td>Hemoglobine</td><td class="afw">6,9</td><td>mmol/l</td><td>7,5&nbsp;-&nbsp;10,0</td></tr>
<tr><td>Glucose nuchter</td><td class="afw">9,4</td><td>mmol/l</td><td>4,0&nbsp;-&nbsp;6,1</td></tr>
<tr><td>HbA1c</td><td class="afw">58</td><td>mmol/mol</td><td>&lt; 42</td></tr>
<tr><td>eGFR</td><td class="afw">47</td><td>ml/min/1,73m&sup2;</td><td>&gt; 60</td></tr>
</table>
<p>Met vriendelijke groet,<br>Laboratorium klinische chemie</p>
</body></html>
"""),

T("html-webform", "nl", "Nieuw aanmeldformulier ingediend", None, frm="web", to="admin", tone="none", html="""<!DOCTYPE html>
<html><head><meta charset="utf-8">
<style>td.l {{ font-weight: bold; width: 180px; }} .footer {{ color: #888; font-size: 9px; }}</style>
</head><body>
<h2>Aanmelding cli&euml;nt - formulier &quot;Zorg thuis&quot;</h2>
<table>
<tr><td class="l">Naam</td><td>{p_full}</td></tr>
<tr><td class="l">Geboortedatum</td><td>{p_dob}</td></tr>
<tr><td class="l">BSN</td><td>{p_bsn}</td></tr>
<tr><td class="l">Adres</td><td>{p_addr}</td></tr>
<tr><td class="l">Hulpvraag</td><td>Na ontslag uit het ziekenhuis (heupoperatie) hulp nodig bij wassen en aankleden, wondzorg en het aantrekken van steunkousen. {Hij} heeft ook COPD en gebruikt zuurstof.</td></tr>
<tr><td class="l">Contactpersoon</td><td>{r_full} ({r_phone})</td></tr>
</table>
<p class="footer">Dit bericht is automatisch verzonden door het websiteformulier.</p>
<script>/* tracking */ (function(){{var i=new Image(); i.src="https://stats.example.nl/p.gif?f=aanmelding";}})();</script>
</body></html>
"""),

T("html-outlook-referral", "nl", "verwijzing {p_full}", None, frm="gp", to="hosp", tone="none", html="""<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<style><!--
p.MsoNormal {{ margin:0cm; font-size:11.0pt; font-family:"Calibri",sans-serif; }}
--></style></head>
<body lang="NL"><div class="WordSection1">
<p class="MsoNormal">Geachte collega,<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Graag verwijs ik {p_formal}, geb. {p_dob}, naar uw spreekuur i.v.m. <b>recidiverende nierstenen</b> (koliek 3x dit jaar, laatst met hydronefrose re). Creatinine 104 &micro;mol/l. Gebruikt diclofenac zo nodig.<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Met collegiale groet,<o:p></o:p></p>
<p class="MsoNormal">{s_full}, huisarts<o:p></o:p></p>
<p class="MsoNormal"><span style="font-size:8.0pt;color:gray">AGB {agb}<o:p></o:p></span></p>
</div></body></html>
"""),

T("html-family-newsletterlook", "nl", "Even bijpraten over {p_first}", None, frm="vvt", to="family", tone="none", html="""<html><head><meta charset="utf-8">
<style>
.kop {{ background:#5a8f3c; color:#fff; padding:8px; font-size:16px; }}
.blok {{ padding: 10px; border-bottom: 1px solid #eee; }}
</style></head><body>
<div class="kop">{org} &ndash; afdeling {ward}</div>
<div class="blok">Beste {r_title},</div>
<div class="blok">Uw {moeder} is deze week verhuisd naar de kamer bij de huiskamer, zodat wij {hem} beter in het oog kunnen houden. Na de beroerte van vorige maand heeft {hij} moeite met slikken; de logopedist heeft geadviseerd om alleen gepureerde voeding te geven. De fysiotherapeut oefent twee keer per week met lopen.</div>
<div class="blok">{Hij} krijgt sinds maandag ook clopidogrel en een cholesterolverlager.</div>
<div class="blok">Hartelijke groet,<br>{s_full}<br>EVV&#39;er</div>
</body></html>
"""),

T("html-be-ontslag", "be", "Ontslagbericht", None, frm="be_hosp", to="be_gp", tone="none", html="""<html><head><meta charset="iso-8859-1">
<style>h3 {{ color: #036; }} .lbl {{ font-weight:bold; }}</style>
<script>document.addEventListener("DOMContentLoaded", function() {{ console.log("loaded"); }});</script>
</head><body>
<h3>Ontslagbericht dienst geriatrie</h3>
<p><span class="lbl">Pati&euml;nt:</span> {p_full} &deg; {p_dob}<br>
<span class="lbl">Rijksregisternr.:</span> {p_nrn}<br>
<span class="lbl">Opname:</span> {d_prev2} &ndash; {d_prev}</p>
<p><span class="lbl">Diagnose:</span> delirium bij urineweginfectie; gekende ziekte van Alzheimer; malnutritie.</p>
<p><span class="lbl">Therapie:</span> Cefuroxime 500 mg 2x/d nog 3 dagen, Fortimel 2x/d, Trazodone 50 mg 's avonds.</p>
<p>Terug naar het woonzorgcentrum. Met collegiale groeten.</p>
</body></html>
"""),

T("html-fr-compte-rendu", "fr", "Compte rendu de consultation", None, frm="fr_hosp", to="fr_gp", tone="none", html="""<html><head><meta charset="utf-8"><style>p {{ margin: 0 0 8px 0; }}</style></head><body>
<p>Cher Confr&egrave;re,</p>
<p>J&#39;ai revu en consultation {p_title}, n&eacute;{e} le {p_dob} (NISS {p_nrn}), pour le suivi de son <b>diab&egrave;te de type 1</b>.</p>
<table border="1" cellpadding="3">
<tr><td>HbA1c</td><td>9,1 %</td></tr>
<tr><td>Glyc&eacute;mie &agrave; jeun</td><td>212 mg/dl</td></tr>
<tr><td>Micro-albuminurie</td><td>45 mg/g</td></tr>
</table>
<p>Nous passons &agrave; une pompe &agrave; insuline. R&eacute;tinopathie d&eacute;butante au fond d&#39;&#339;il.</p>
<p>Bien confraternellement,</p>
</body></html>
"""),

T("html-en-results", "en", "Your test results", None, frm="en_gp", to="patient", tone="none", html="""<html><head><style>.box {{ border:1px solid #ccc; padding: 10px; }} </style>
<script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script></head>
<body><p>Dear {p_formal},</p>
<div class="box">
<p>Your recent blood tests show that your cholesterol is high (total 7.2 mmol/L, LDL 5.1 mmol/L) and your kidney function has dropped slightly (eGFR 54). Dr {spec_last} recommends starting atorvastatin 20&nbsp;mg and rechecking your kidney function in 3 months.</p>
</div>
<p>Please book a telephone appointment to discuss.</p>
<p>Kind regards,<br>The Practice Team</p></body></html>
"""),

T("html-ggz-signalering", "nl", "Signaleringsplan {p_first}", None, frm="ggz", to="family", tone="none", html="""<html><head><meta charset="utf-8">
<style>table {{ border-collapse: collapse; }} td, th {{ border: 1px solid #bbb; padding: 4px; }}
.groen {{ background:#dfd; }} .oranje {{ background:#fe9; }} .rood {{ background:#fbb; }}</style></head>
<body><p>Beste {r_first},</p>
<p>Zoals afgesproken het signaleringsplan van {p_full} (schizofrenie, in zorg bij FACT) zodat jullie thuis weten waar op te letten:</p>
<table>
<tr><th>Fase</th><th>Signalen</th><th>Wat te doen</th></tr>
<tr class="groen"><td>Stabiel</td><td>slaapt goed, neemt clozapine in</td><td>&ndash;</td></tr>
<tr class="oranje"><td>Spanning</td><td>slaapt slecht, trekt zich terug, achterdochtig</td><td>contact met {s_first}, extra gesprek</td></tr>
<tr class="rood"><td>Crisis</td><td>hoort stemmen, dreigt zichzelf iets aan te doen</td><td>crisisdienst bellen: {phone}</td></tr>
</table>
<p>Groet,<br>{s_full}</p></body></html>
"""),

T("html-thuiszorg-rapport", "nl", "rapportage {d_today}", None, frm="thuis", to="gp", tone="none", html="""<div dir="ltr"><div>Goedemiddag,</div><div><br></div>
<div>Bij {p_title} ({p_addr}) is de bloedsuiker de laatste dagen erg wisselend:</div>
<ul><li>ma 18,4 mmol/l</li><li>di 3,2 mmol/l (hypo, met dextro opgelost)</li><li>wo 15,9 mmol/l</li></ul>
<div>{Hij} eet onregelmatig sinds de griep. Insuline nu Lantus 20 E. Kunt u het schema aanpassen?</div><div><br></div>
<div>Met vriendelijke groet,</div><div>{s_full}<br>Wijkverpleegkundige</div>
<div style="display:none">{uid}</div></div>
"""),

T("html-en-hr", "en", "Return to work plan - {p_first} {p_last}", None, frm="en_hr", to="en_mgr", tone="none", html="""<html><body style="font-family:Verdana">
<p>Hi {c_first},</p>
<p>Following {p_first}'s appointment with Occupational Health, here is the recommended phased return after her <strong>hip replacement</strong>:</p>
<table cellpadding="4" border="1">
<tr><td>Week 1&ndash;2</td><td>4 hours/day, seated duties only</td></tr>
<tr><td>Week 3&ndash;4</td><td>6 hours/day, no manual handling</td></tr>
<tr><td>Week 5+</td><td>full duties, review with OH</td></tr>
</table>
<p>She is still taking tramadol at night so no driving for work.</p>
<p>Thanks,<br>{s_full}<br>HR Advisor</p>
</body></html>
""", g="f", pgen="young"),

T("html-fr-famille", "fr", "Nouvelles de votre p&egrave;re", None, frm="fr_mrs", to="family", tone="none", g="m", html="""<html><head><meta charset="windows-1252"><style>body{{font-family:Tahoma}}</style></head><body>
<p>Bonjour {r_title},</p>
<p>Votre p&egrave;re a &eacute;t&eacute; vu ce matin par le g&eacute;riatre. La <b>maladie de Parkinson</b> progresse&nbsp;: les tremblements sont plus importants et il a chut&eacute; deux fois cette semaine. Le Prolopa a &eacute;t&eacute; augment&eacute; &agrave; 4 prises par jour. Il a aussi des troubles de d&eacute;glutition&nbsp;; nous adaptons les textures.</p>
<p>N&#8217;h&eacute;sitez pas &agrave; m&#8217;appeler.</p>
<p>Cordialement,<br>{s_full}<br>Infirmi&egrave;re</p>
</body></html>
"""),
]

# Forwarded: the outer message wraps an inner one; inner prose below or from other pools.
FWD_INNER = [
T("fwdi-dochter", "nl", "zorgen om mijn moeder", """
Beste dokter,

Ik maak me zorgen om mijn moeder, {p_full} ({p_dob}). Ze valt de laatste weken vaak, is erg vergeetachtig en ze vergeet haar insuline te spuiten. Vorige week had ze een suiker van 22. Ik woon zelf in Groningen en kan niet vaak komen. Kunt u eens langsgaan?

Met vriendelijke groet,
{r_full}
""", g="f", frm="family", to="gp", tone="none"),
T("fwdi-ha-uitslag", "nl", "uitslag CT thorax", """
Beste collega,

De CT-thorax van {p_title} ({p_dob}) toont een spiculaire laesie van 2,8 cm in de rechter bovenkwab, verdacht voor een longcarcinoom, met vergrote mediastinale klieren. Wij plannen een PET-CT en bronchoscopie. Patiënt is vandaag op de poli geïnformeerd.

Met collegiale groet,
{dr}, longarts
""", frm="hosp", to="gp", tone="none"),
T("fwdi-wijk-val", "nl", "melding", """
Hoi,

Vanochtend {p_title} ({p_addr}) op de grond aangetroffen, lag er vermoedelijk al sinds gisteravond. Onderkoeld (35,4), verward, pijn aan de rechterschouder. Ambulance is geweest, ze is meegenomen naar de SEH. Dochter is ingelicht.

{s_first}
""", g="f", frm="thuis", to="team", tone="none"),
T("fwdi-be-wzc", "be", "opname ziekenhuis", """
Dag collega's,

Mevrouw {p_full} (kamer {p_roomno}) is gisterenavond opgenomen in het AZ met een longontsteking. Ze kreeg zuurstof en antibiotica via infuus. Haar dochter {r_first} houdt ons op de hoogte.

Groetjes
""", g="f", frm="be_wzc", to="team", tone="none"),
T("fwdi-fr-medecin", "fr", "résultats", """
Bonjour,

Les résultats de la biopsie de {p_title} (né{e} le {p_dob}) confirment un adénocarcinome de la prostate, score de Gleason 7 (3+4). Je le revois la semaine prochaine pour discuter des options thérapeutiques.

Dr {spec_last}
""", g="m", frm="fr_hosp", to="fr_gp", tone="none"),
T("fwdi-en-family", "en", "Mum's medication", """
Hello,

My mother {p_full} (room {p_roomno}) says she hasn't been given her Parkinson's tablets (Sinemet) on time this week, sometimes an hour late, and she gets very stiff and falls. Can someone look into this please?

Thanks,
{r_full}
""", g="f", frm="family", to="en_carehome", tone="none"),
T("fwdi-hr", "nl", "ziekmelding", """
Hoi {c_first},

{p_first} belde net: ze heeft een longembolie en ligt in het ziekenhuis, wordt waarschijnlijk vrijdag ontslagen. Ze is zeker een paar weken uit de roulatie. Kun jij haar diensten van volgende week opnieuw inplannen?

{s_first}
""", g="f", pgen="young", frm="mgr", to="staff", tone="none"),
T("fwdi-ggz", "nl", "crisis", """
Beste collega's,

Mevrouw {p_last} heeft gisteren opnieuw een suïcidepoging gedaan (medicijnen), is op de SEH opgevangen en nu opgenomen op de PAAZ. Bij ontslag graag direct een afspraak bij ons.

Groet,
{s_full}, SPV
""", g="f", pgen="young", frm="ggz", to="team", tone="none"),
T("fwdi-apotheek", "nl", "Interactie", """
Geachte heer/mevrouw,

Bij {p_init} (geb. {p_dob}) signaleren wij een interactie tussen de nieuw voorgeschreven claritromycine en simvastatine 40 mg (risico op rabdomyolyse). Wij adviseren de simvastatine tijdelijk te staken tijdens de kuur.

Met vriendelijke groet,
Apotheek De Vijzel
""", frm="apo", to="gp", tone="none"),
T("fwdi-patient", "nl", "vraag", """
Goedemiddag,

Ik heb sinds gisteren een branderig gevoel bij het plassen en ik moet heel vaak. Ik ben 22 weken zwanger. Moet ik langskomen of kan ik een kuurtje krijgen? Mijn geboortedatum is {p_dob}.

Groet, {p_full}
""", g="f", pgen="young", frm="patient", to="gp", tone="none"),
]

FWD_NOTES_NEUTRAL = {
    "nl": ["Ter info.", "fyi", "Zie onder.", "Voor jullie informatie.", "Kun jij hier naar kijken?", ""],
    "be": ["Ter info.", "Zie hieronder.", ""],
    "fr": ["Pour info.", "Voir ci-dessous.", ""],
    "en": ["FYI.", "See below.", ""],
}

FWD_NOTES = {
    "nl": ["Ter info.", "Kun jij hier naar kijken?", "Zie onder, graag actie.", "fyi", "Wil jij dit oppakken? Ik ben vanaf morgen met vakantie.",
           "Hoi, deze kwam bij mij binnen maar is voor jullie team denk ik.", "Doorgestuurd op verzoek van de familie.", "Graag bespreken in het MDO.",
           "Zie mail hieronder. Kun je de dochter terugbellen?", ""],
    "be": ["Ter info.", "Kan jij dit opvolgen aub?", "Zie hieronder.", "Graag bespreken op de teamvergadering.", ""],
    "fr": ["Pour info.", "Peux-tu t'en occuper ?", "Voir ci-dessous.", "Transféré pour suivi.", ""],
    "en": ["FYI.", "Could you pick this up?", "See below - can we discuss?", "Forwarding as requested.", ""],
}

ENCODED = [
T("enc-cliënt-verslag", "nl", "Verslag huisbezoek cliënt {p_last} – vertrouwelijk", """
{greet}

Vandaag op huisbezoek geweest bij cliënt {p_full} ({p_dob}). {Hij} was vriendelijk maar oogde vermagerd. {Hij} vertelde dat de ‘suikerziekte’ slecht geregeld is; de glucosemeter gaf 17,2 mmol/l. Medicatie (gliclazide, metformine) wordt niet consequent ingenomen. Ook is er sprake van een beginnende voetwond – geïnfecteerd?

Ik heb de huisarts geïnformeerd en de wijkverpleging ingeschakeld voor dagelijkse controle.
""", frm="wijkteam", to="gp", charset="windows-1252"),
T("enc-fr-sortie", "fr", "Sortie d'hôpital – {p_title}", """
{greet}

{p_formal} (né{e} le {p_dob}) est sorti{e} ce jour après une hospitalisation pour pneumopathie à pneumocoque. Antibiothérapie : amoxicilline 1 g 3x/j jusqu’au {d_next}. Kinésithérapie respiratoire à domicile. Contrôle radiologique à 6 semaines.

Séjour compliqué d’un épisode de confusion (délirium) résolutif.
""", frm="fr_hosp", to="fr_gp", charset="iso-8859-1"),
T("enc-be-müller", "be", "Resultaat echografie – {p_full}", """
{greet}

De echografie van de schildklier van {p_title} (° {p_dob}) toont een nodulus van 2,3 cm in de rechterkwab, TI-RADS 4. Ik stel een fijne naaldpunctie voor. Patiënte is ongerust; ik heb haar gezegd dat u de resultaten met haar bespreekt.

Met collegiale groeten,
""", g="f", frm="be_hosp", to="be_gp", charset="iso-8859-1"),
T("enc-nl-ggz", "nl", "Intake – cliënt {p_init}", """
{greet}

Samenvatting intake {d_prev}: cliënt ({p_init}, {p_age} jr) is aangemeld met ernstige paniekaanvallen en agorafobie; durft sinds maanden het huis niet uit. Daarnaast ‘s nachts nachtmerries over een ongeval in 2021 – mogelijk PTSS. Gebruikt op eigen initiatief oxazepam van {zijn} moeder.

Voorlopige classificatie: F40.01, F43.1 (werkhypothese). Start EMDR na stabilisatie.
""", pgen="young", frm="ggz", to="gp", charset="windows-1252"),
T("enc-lab-café", "nl", "Labuitslag {p_init}: glucose 9,4 mmol/l – nuchter?", """
{greet}

Uitslag van {p_init} ({p_dob}): glucose 9,4 mmol/l. Was patiënt(e) nuchter? Volgens het aanvraagformulier wel, maar er staat ‘koffie met suiker om 7.00’ in de opmerking. Graag herhaling nuchter, plus HbA1c.

Met vriendelijke groet,
Laboratorium
""", frm="lab", to="gp", charset="windows-1252"),
T("enc-en-allergy", "en", "Allergy alert – {p_full}", """
{greet}

Please note that {p_full} (DOB {p_dob}) had an anaphylactic reaction to co-amoxiclav on the ward yesterday – urticaria, wheeze, BP 78/40. Treated with IM adrenaline 0.5 mg. Penicillin allergy now recorded as ‘severe’. Please update your records.

Regards,
""", frm="en_hosp", to="en_gp", charset="windows-1252"),
T("enc-fr-ame", "fr", "Prise en charge de Mme {p_last} – démence", """
{greet}

Suite à notre réunion, je confirme que Mme {p_full}, née le {p_dob}, présente une démence d’Alzheimer à un stade modéré (MMSE 17/30). Elle ne peut plus vivre seule. Sa fille a introduit une demande d’admission en maison de repos et de soins. Traitement : donépézil 10 mg, mémantine en discussion.

Numéro de registre national : {p_nrn}.
""", g="f", frm="fr_gp", to="fr_mrs", charset="iso-8859-1"),
T("enc-hr-ziekte", "nl", "Ziekmelding – {p_first} {p_lastlow}", """
Hoi {c_first},

{p_first} is geopereerd aan {zijn} schildklier (totale thyreoïdectomie i.v.m. een tumor) en is naar verwachting 4–6 weken afwezig. Het ‘Plan van aanpak’ volgt na het gesprek met de bedrijfsarts.

Groet,
{s_first}
""", pgen="young", frm="mgr", to="hr", tone="none", charset="windows-1252"),
]
