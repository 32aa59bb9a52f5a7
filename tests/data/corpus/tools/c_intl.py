"""Clean: French and English hard negatives."""
from tpl import T

FRENCH_CLEAN = [
T("frc-lit-simulation", "fr", "salle de simulation", """
Bonjour à tous,

Le lit 6 de la salle de simulation sert jeudi pour la formation sur la pneumonie et la surveillance de la saturation. Merci de ne pas y déposer de matériel.
""", frm="fr_hosp", to="team", tone="none"),

T("frc-newsletter-diabete", "fr", "Lettre d'information : le diabète au quotidien", """
Chers lecteurs,

Le 14 novembre, c'est la Journée mondiale du diabète. En Belgique, près d'une personne sur dix vit avec un diabète, souvent sans le savoir. Dans cette lettre :

• Reconnaître les signes : soif intense, fatigue, infections à répétition.
• Le trajet de soins diabète : qui peut en bénéficier ?
• Hypoglycémie : que faire si la glycémie descend sous 70 mg/dl ?

Atelier cuisine « manger équilibré » le {d_next} à {loc}. Inscription gratuite.

Pour vous désinscrire : {unsub_url}
""", frm="fr_news", to="list", tone="none"),

T("frc-reunion", "fr", "Ordre du jour – réunion d'équipe", """
Bonjour à tous,

Voici l'ordre du jour de la réunion d'équipe du {d_next}, 14h, salle polyvalente :

1. Planning des congés d'été
2. Nouvelle procédure de traçabilité des médicaments
3. Formation « manutention des patients »
4. Retour sur l'audit hygiène des mains
5. Divers

Bonne journée,
{s_first}
""", frm="fr_mrs", to="team", tone="none"),

T("frc-facture", "fr", "Votre commande n° {inv1} est confirmée", """
Bonjour,

Nous vous remercions pour votre commande.

Numéro de commande : {inv1}
Numéro client : {inv2}
Articles : 10 boîtes de gants vinyle, 5 flacons de gel hydroalcoolique 500 ml, 2 tensiomètres
Montant total : 318,40 € TVAC
Livraison prévue : {d_next}

Cordialement,
Service clients
""", frm="fr_vendor", to="fr_admin", tone="none"),

T("frc-planning", "fr", "Planning des gardes – {month}", """
Chers collègues,

Voici le planning des gardes de nuit pour {month} :

Semaine 1 : {n1} et {n2}
Semaine 2 : {n3} et {n4}
Semaine 3 : {n5} et {n6}
Semaine 4 : {n1} et {n3}

Pour tout échange, merci de me prévenir au moins 48 h à l'avance.

{s_first}
""", frm="fr_mrs", to="team", tone="none"),

T("frc-statistiques", "fr", "Rapport trimestriel – indicateurs qualité", """
Madame, Monsieur,

Voici les principaux indicateurs du trimestre :

- Taux d'occupation : 94 %
- Chutes : 37 (dont 4 avec fracture)
- Escarres acquises : 2,8 % des résidents
- Infections urinaires : 19 épisodes
- 68 % des résidents présentent des troubles cognitifs (démence diagnostiquée ou suspectée)

Ces chiffres seront présentés au conseil d'administration.

Direction des soins
""", frm="fr_mrs", to="list", tone="none"),

T("frc-offre", "fr", "Offre d'emploi : infirmier/infirmière en santé mentale", """
Le Service de santé mentale recrute un(e) infirmier(ère) spécialisé(e) en santé mentale et psychiatrie (mi-temps, CDI).

Missions : accueil et suivi des patients, ateliers de groupe, collaboration avec les psychiatres et psychologues, interventions de crise.
Profil : bachelier en soins infirmiers, spécialisation SISM, expérience en psychiatrie souhaitée.
Nous offrons : barème IFIC, chèques-repas, formation continue.

Candidatures à envoyer à recrutement@{domain} avant le {d_next2}.
""", frm="fr_ssm", to="list", tone="none"),

T("frc-retraite", "fr", "Départ à la retraite de {ff1_first}", """
Chers collègues,

Après 35 ans de bons et loyaux services, {ff1} prend sa retraite à la fin du mois. Nous vous invitons à un verre de l'amitié le vendredi {d_next2} à 16h à la cafétéria.

Une enveloppe circule pour un cadeau commun.

Bien à vous,
La direction
""", frm="fr_mrs", to="all", tone="none"),

T("frc-naissance", "fr", "Bienvenue à Léa !", """
Bonjour à tous,

Nous avons le plaisir de vous annoncer la naissance de Léa, fille de notre collègue {n2}, née le {d_prev}. Toute la famille se porte à merveille.

Une carte est disponible au secrétariat pour ceux qui souhaitent écrire un petit mot.

{s_first}
""", frm="fr_mrs", to="team", tone="none"),

T("frc-parking", "fr", "Travaux parking – accès modifié", """
Bonjour,

En raison de travaux, le parking du personnel sera inaccessible du {d_next} au {d_next2}. Merci d'utiliser le parking P3 (rue de l'Hôpital). Une navette est prévue toutes les 15 minutes.

Service technique
""", frm="fr_hosp", to="all", tone="none"),

T("frc-malade-moi", "fr", "Absente aujourd'hui", """
Bonjour {c_first},

Je suis malade aujourd'hui et ne pourrai pas venir travailler. Je t'envoie le certificat dès que possible. {n3} est au courant pour mes rendez-vous.

Bonne journée,
{s_first}
""", frm="fr_staff", to="fr_mgr", tone="none", s_sex="f"),

T("frc-vaccination", "fr", "Vaccination contre la grippe pour le personnel", """
Chers collègues,

La campagne de vaccination contre la grippe saisonnière pour le personnel aura lieu le {d_next} et le {d_next2} au service de médecine du travail, de 8h à 15h, sans rendez-vous.

Se faire vacciner, c'est aussi protéger nos patients les plus fragiles.

Le service de médecine du travail
""", frm="fr_hosp", to="all", tone="none"),

T("frc-protocole", "fr", "Mise à jour du protocole contention", """
Bonjour à toutes et à tous,

Le protocole relatif à la contention physique a été mis à jour. Principales modifications : la prescription médicale doit être réévaluée toutes les 24 heures, et la surveillance est consignée toutes les 2 heures dans le dossier infirmier.

Le document est disponible sur l'intranet (rubrique Qualité).

Cellule qualité
""", frm="fr_hosp", to="all", tone="none"),

T("frc-formation", "fr", "Formation : gestion de l'agressivité", """
Bonjour,

Une formation « Prévention et gestion de l'agressivité » est organisée le {d_next}. Elle s'adresse en priorité au personnel des urgences et de la psychiatrie. Inscription via votre chef de service. Places limitées à 15 participants.

Service formation
""", frm="fr_hosp", to="all", tone="none"),

T("frc-ehealth", "fr", "Mise à jour du logiciel et eHealthBox", """
Chers confrères,

La nouvelle version du logiciel médical sera installée ce week-end. Après la mise à jour, vérifiez que votre numéro INAMI et votre lecteur eID sont bien configurés pour accéder à l'eHealthBox et à Recip-e.

Pour toute question : support au {phone}.

Cordialement,
{s_full}
""", frm="fr_gp", to="list", tone="none"),

T("frc-statistiques-psy", "fr", "Chiffres annuels du service", """
Chers collègues,

En résumé pour l'année écoulée : 1 245 nouvelles demandes, dont 38 % pour troubles anxieux, 29 % pour dépression, 11 % pour addictions. Délai moyen de premier rendez-vous : 6 semaines. 72 % des patients sont des femmes.

Le rapport complet sera présenté lors de l'assemblée générale.
""", frm="fr_ssm", to="team", tone="formal"),
]

ENGLISH_CLEAN = [
T("enc-newsletter", "en", "Health Matters: flu season is here", """
HEALTH MATTERS – Autumn edition

Flu season is here
Flu vaccination is free for everyone aged 65 and over, pregnant women and people with long-term conditions such as diabetes, asthma, COPD or heart disease. Book your jab at the surgery or at your local pharmacy.

Managing type 2 diabetes
Did you know that losing 5-10% of your body weight can significantly improve blood sugar control? Join our free 'Healthy Living' group, starting next month.

Dementia-friendly surgery
Our staff have completed Dementia Friends training.

You're receiving this because you signed up on our website. Unsubscribe: {unsub_url}
""", frm="en_gp_news", to="list", tone="none"),

T("enc-agenda", "en", "Agenda: clinical governance meeting", """
Hi all,

Agenda for the clinical governance meeting, {d_next_long}, 12:30, seminar room 2:

1. Minutes and actions from last meeting
2. Incident reports (themes only): falls, medication errors, pressure ulcers
3. Audit results: sepsis screening compliance
4. NICE guideline update: hypertension in adults
5. Any other business

Lunch provided.
{s_first}
""", frm="en_hosp", to="team", tone="none"),

T("enc-invoice", "en", "Your order {inv1} has been dispatched", """
Hello,

Good news - your order has been dispatched.

Order number: {inv1}
Customer number: {inv2}
Items: 4 x wheelchair cushion, 2 x bed rail protector, 1 x commode chair

Expected delivery: {d_next}.

Thanks for shopping with CareSupplies.
""", frm="en_vendor", to="admin", tone="none"),

T("enc-rota", "en", "Rota for next week", """
Hi team,

Next week's rota is on the board and on the shared drive.

Mon: {n1}, {n2} (early) / {n3} (late)
Tue: {n4}, {n5} (early) / {n1} (late)
Wed: {n2}, {n6} (early) / {n3} (late)
Night cover: {n4} Mon-Wed, {n5} Thu-Sun

Please let me know about any swaps by Friday.
{s_first}
""", frm="en_hosp", to="team", tone="none"),

T("enc-stats", "en", "Quarterly performance summary", """
Dear colleagues,

Headline figures for the last quarter:

- A&E 4-hour target met for 71% of attendances
- 1,284 emergency admissions, 18% aged over 80
- Average length of stay 5.6 days
- Hospital-acquired pressure ulcers: 9 (category 2 or above)
- C. difficile cases: 3

Full report on the intranet.
""", frm="en_hosp", to="list", tone="formal"),

T("enc-vacancy", "en", "We're hiring: Mental Health Nurse (Band 6)", """
Our Community Mental Health Team is looking for a Band 6 Mental Health Nurse to join a friendly multidisciplinary team.

You'll carry a caseload of adults with severe and enduring mental illness, including psychosis and bipolar disorder, and take part in the duty rota.

Closing date: {d_next2}. Informal enquiries to {f1}, team manager.
""", frm="en_mh", to="list", tone="none"),

T("enc-birthday", "en", "Cake in the staff room!", """
Hi everyone,

It's {n1}'s birthday today - there's cake in the staff room from 3pm. Card is at reception if you'd like to sign it!

{s_first}
""", frm="en_hosp", to="team", tone="none"),

T("enc-retirement", "en", "Retirement of {f1}", """
Dear all,

After 32 years with the Trust, {f1} is retiring at the end of the month. Please join us for drinks and nibbles on {d_next_long} from 4pm in the education centre.

If you'd like to contribute to a gift, there's a collection at the ward office.

Best wishes,
{s_full}
""", frm="en_hosp", to="all", tone="none"),

T("enc-it", "en", "Scheduled downtime: EPR system", """
Dear colleagues,

The electronic patient record will be unavailable on Sunday from 02:00 to 05:00 for a planned upgrade. Downtime procedures apply: paper forms are in the ward downtime boxes.

IT Service Desk, ext {ext}
""", frm="en_hosp", to="all", tone="none"),

T("enc-training", "en", "Conflict resolution training - places available", """
Hi all,

There are still places on the mandatory Conflict Resolution and De-escalation training on {d_next}. Please book via the learning portal. Staff in ED and mental health wards have priority.

Learning & Development
""", frm="en_hosp", to="all", tone="none"),

T("enc-sick-self", "en", "Off sick today", """
Hi {c_first},

Sorry, I'm not feeling well and won't be in today. I'll let you know how I am tomorrow. {n2} has kindly agreed to cover my 2pm meeting.

Thanks,
{s_first}
""", frm="en_staff", to="en_mgr", tone="none"),

T("enc-flu-staff", "en", "Staff flu clinics this week", """
Dear colleagues,

Staff flu vaccination clinics will run on {d_next} and {d_next2}, 8am-4pm, in the Occupational Health department. No appointment needed - just bring your staff ID.

Last year 62% of frontline staff were vaccinated. Let's beat that!

Occupational Health
""", frm="en_hosp", to="all", tone="none"),

T("enc-policy", "en", "Updated policy: sending patient information by email", """
Dear all,

A reminder that patient-identifiable information (names with diagnoses, NHS or BSN numbers, test results) must only be sent using secure email. Type [secure] in the subject line when sending to external addresses that are not on the approved list.

The updated Information Governance policy is available on the intranet.

Information Governance team
""", frm="en_hosp", to="all", tone="none"),

T("enc-conference", "en", "Conference registration confirmed", """
Dear {c_first},

Thank you for registering for the International Conference on Dementia Care, {d_next_long}.

Registration number: {inv1}
Invoice number: {inv2}
Workshops: 'Non-pharmacological approaches to agitation' and 'Deprescribing antipsychotics in care homes'

We look forward to welcoming you.
Conference Office
""", frm="en_vendor", to="staff", tone="none"),
]
