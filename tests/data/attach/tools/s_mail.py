"""Inner messages for the eml type (sensitive): the health data is in the
body of a message that is then attached as a .eml file."""

import people
from reg import tpl


class Inner:
    def __init__(self, subj, body, frm, frm_addr, to, to_addr, html=False):
        self.subj = subj
        self.body = body
        self.frm = frm
        self.frm_addr = frm_addr
        self.to = to
        self.to_addr = to_addr
        self.html = html


def addr_of(c, P, domain):
    return people.local_part(P, c.rng) + "@" + domain


def private(c, P):
    dom = c.pick({"nl": ["gmail.com", "hotmail.com", "ziggo.nl", "kpnmail.nl"], "be": ["telenet.be", "skynet.be", "gmail.com"],
                  "fr": ["gmail.com", "skynet.be", "hotmail.fr"], "en": ["gmail.com", "outlook.com", "btinternet.com"]}[c.lang])
    return people.local_part(P, c.rng) + "@" + dom


@tpl("nl-mail-poh-huisarts", "nl", "mail", "sensitive")
def m_poh(c):
    P = c.person()
    org, dom = c.org("gp")
    a, b = c.staff(), c.doctor()
    body = """Hoi %s,

Vanochtend %s op het diabetesspreekuur gezien. HbA1c is opgelopen naar %d mmol/mol (was %d), gewicht +3 kg. %s geeft aan dat %s sinds het overlijden van %s partner niet meer kookt en veel koekjes eet. Ook voetonderzoek gedaan: monofilament links niet meer gevoeld, Sims-classificatie 1.

Voorstel: metformine ophogen naar 2dd1000 mg en over 3 maanden opnieuw prikken. Wil jij even meekijken of je ook aan een SGLT2-remmer denkt gezien de eGFR van %d?

Groet,
%s
POH""" % (b.first, P.title_short(), c.rng.randint(60, 80), c.rng.randint(50, 58), P.first if c.chance(0.3) else P.title_short(), c.pr(P, "ze", "hij"),
          c.pr(P, "haar", "zijn"), c.rng.randint(45, 70), a.first)
    return Inner("diabetesspreekuur", body, a.full(), addr_of(c, a, dom), b.dr, addr_of(c, b, dom))


@tpl("nl-mail-familie-medicatie", "nl", "mail", "sensitive")
def m_fam(c):
    P = c.person()
    R = c.person(gen="young")
    vvt, dom = c.org("vvt")
    evv = c.staff()
    body = """Beste %s,

Ik ben gisteren bij mijn %s geweest (%s, kamer %d) en ik schrok ervan hoe suf %s was. Ze zeiden dat %s sinds vorige week %s krijgt tegen de onrust. Ik ben daar eerlijk gezegd niet blij mee, want toen %s in het ziekenhuis lag met het delier werd %s daar juist veel verwarder van.

Kan de specialist ouderengeneeskunde mij bellen? Ik ben bereikbaar op %s.

Ook viel het me op dat de wond op %s hiel nog steeds niet dicht is.

Met vriendelijke groet,
%s""" % (evv.first, c.pr(P, "moeder", "vader"), P.full(), c.rng.randint(1, 40), c.pr(P, "ze", "hij"), c.pr(P, "ze", "hij"), c.pick(["haloperidol", "quetiapine", "risperidon"]),
         c.pr(P, "ze", "hij"), c.pr(P, "ze", "hij"), c.phone(True), c.pr(P, "haar", "zijn"), R.full())
    return Inner(c.pick(["Vraag", "mijn %s" % c.pr(P, "moeder", "vader"), "bezoek gisteren"]), body, R.full(), private(c, R), evv.full(), addr_of(c, evv, dom))


@tpl("nl-mail-medewerker-leidinggevende", "nl", "mail", "sensitive")
def m_hr(c):
    E = c.person(gen="young")
    mgr = c.staff()
    org, dom = c.org(c.pick(["vvt", "thuis", "hosp"]))
    body = """Hoi %s,

Zoals ik vanmiddag al zei: ik heb vandaag de uitslag gekregen. Het is %s. Ik begin %s met %s en ik weet nog niet hoe lang ik eruit ben. De arts denkt zeker %s.

Wil je het voorlopig nog niet aan het team vertellen? Ik wil dat zelf doen als ik weet hoe het gaat.

Mijn diensten van volgende week kunnen dus niet doorgaan, sorry.

Groetjes,
%s""" % (mgr.first, c.pick(["borstkanker, gelukkig zonder uitzaaiingen", "een hernia, ze willen opereren", "MS (relapsing remitting)", "een zware depressie volgens de psycholoog"]),
         c.pick(["maandag", "volgende week", "de 14e"]), c.pick(["chemo", "fysio en pijnstillers", "medicatie", "behandeling"]), c.pick(["drie maanden", "zes weken", "een half jaar"]), E.first)
    return Inner("even voor jou", body, E.full(), addr_of(c, E, dom), mgr.full(), addr_of(c, mgr, dom))


@tpl("nl-mail-wijk-huisarts", "nl", "mail", "sensitive")
def m_wijk(c):
    P = c.person()
    org, dom = c.org("thuis")
    wv = c.staff()
    gp = c.doctor()
    gpdom = c.org("gp")[1]
    body = """Geachte %s,

Bij %s (%s, geb. %s) zien we sinds een paar dagen dat de wond aan het linker onderbeen roder en warmer wordt. Er komt troebel, riekend exsudaat uit. Temperatuur vanochtend %.1f. %s gebruikt %s.

Foto's staan in het gedeelde dossier. Wilt u vandaag of morgen een visite afleggen, of kunnen we starten met flucloxacilline?

Met vriendelijke groet,

%s
wijkverpleegkundige %s
%s""" % (gp.dr, P.title_short(), c.addr(), P.dob_fmt(), c.rng.uniform(37.6, 38.9), c.pr(P, "Mevrouw", "Meneer"), c.pick(["prednisolon", "methotrexaat", "insuline"]), wv.full(), org, c.phone())
    return Inner("wond", body, wv.full(), addr_of(c, wv, dom), gp.dr, "assistente@" + gpdom)


@tpl("nl-mail-ggz-crisis", "nl", "mail", "sensitive")
def m_ggz(c):
    P = c.person(gen="young")
    org, dom = c.org("ggz")
    a, b = c.staff(), c.staff()
    body = """%s,

Even een update over %s %s. Ik ben gisteravond met de crisisdienst bij %s thuis geweest. %s had een afscheidsbrief geschreven en pillen verzameld (%s). Er is een crisismaatregel afgegeven, %s is opgenomen op de HIC.

Kun jij morgen de familie bellen? Moeder is in paniek. Nummer staat in het dossier.

%s""" % (b.first, P.first, P.last_low(), c.pr(P, "haar", "hem"), c.pr(P, "Zij", "Hij"), c.pick(["oxazepam en paracetamol", "quetiapine, ongeveer 40 stuks", "lithium"]), c.pr(P, "ze", "hij"), a.first)
    return Inner("update", body, a.full(), addr_of(c, a, dom), b.full(), addr_of(c, b, dom))


@tpl("nl-mail-apotheek-interactie", "nl", "mail", "sensitive")
def m_apo(c):
    P = c.person()
    apo, dom = c.org("apo")
    ap = c.staff()
    gp = c.doctor()
    body = """Geachte collega,

Voor uw patiënt%s %s (%s) ontvingen wij vandaag een recept voor claritromycine 500 mg 2dd. %s gebruikt ook simvastatine 80 mg en amiodaron. Dit geeft een ernstige interactie (risico op rabdomyolyse).

Wij stellen voor doxycycline te geven of de simvastatine tijdelijk te stoppen. Graag uw reactie, de patiënt%s wacht aan de balie.

Met vriendelijke groet,
%s, apotheker
%s""" % (c.pr(P, "e", ""), P.with_initials(), P.dob_fmt(), c.pr(P, "Zij", "Hij"), c.pr(P, "e", ""), ap.full(), apo)
    return Inner("recept", body, ap.full(), addr_of(c, ap, dom), gp.dr, addr_of(c, gp, c.org("gp")[1]))


@tpl("nl-mail-bedrijfsarts-hr", "nl", "mail", "sensitive")
def m_ba(c):
    E = c.person(gen="young")
    arbo, dom = c.org("arbo")
    ba = c.doctor()
    hr = c.staff()
    hdom = c.org("vvt")[1]
    body = """Beste %s,

Naar aanleiding van het spreekuur met %s van vandaag: ik zie dat de %s nog niet voldoende onder controle is. %s gebruikt sinds kort %s en heeft daar veel bijwerkingen van. Werkhervatting voorlopig 2 x 3 uur, geen nachtdiensten en niet alleen op de afdeling.

Ik zie %s over 3 weken terug.

Groet,
%s
bedrijfsarts""" % (hr.first, E.full(), c.pick(["epilepsie", "depressie", "angststoornis", "reuma"]), c.pr(E, "Zij", "Hij"), c.pick(["nieuwe medicatie", "een antidepressivum", "methotrexaat"]), c.pr(E, "haar", "hem"), ba.dr)
    return Inner("spreekuur", body, ba.dr, addr_of(c, ba, dom), hr.full(), addr_of(c, hr, hdom))


@tpl("nl-mail-school-ouder", "nl", "mail", "sensitive")
def m_school(c):
    K = c.person(gen="young", age=c.rng.randint(6, 11))
    R = c.person(gen="young")
    ib = c.staff()
    body = """Beste juf/meester,

Ik wil u even laten weten dat %s vorige week de diagnose %s heeft gekregen bij %s. %s krijgt vanaf maandag %s. Het kan zijn dat %s de eerste weken %s.

Wilt u ons bellen als u iets merkt? Ook de gymleraar graag informeren.

Groet,
%s (%s van %s, groep %d)""" % (K.first, c.pick(["diabetes type 1", "ADHD", "epilepsie (absences)", "coeliakie"]), c.pick(["het ziekenhuis", "de kinderarts", "de kinderpsychiater"]), K.first,
                                c.pick(["insuline via een pomp", "methylfenidaat", "Depakine", "een glutenvrij dieet"]), c.pr(K, "ze", "hij"), c.pick(["moe is", "minder eet", "hypo's kan krijgen"]),
                                R.first, c.pr(R, "moeder", "vader"), K.first, c.rng.randint(3, 8))
    return Inner("%s" % K.first, body, R.full(), private(c, R), ib.full(), addr_of(c, ib, "school-example.nl"))


@tpl("be-mail-wzc-huisarts", "be", "mail", "sensitive")
def m_be1(c):
    P = c.person()
    wzc, dom = c.org("be_wzc")
    vp = c.staff()
    gp = c.doctor()
    body = """Dag dokter %s,

%s (kamer %d, INSZ %s) heeft sinds gisteren koorts tot %.1f°, hoest en is verward. Saturatie %d%%. Ze eet bijna niets meer. Kan u vandaag langskomen? De dochter is verwittigd.

Parameters hangen in het dossier.

Vriendelijke groeten,
%s
verpleegkundige %s""" % (gp.last_cap(), P.title_short(), c.rng.randint(1, 60), c.nrn(P), c.rng.uniform(38.0, 39.5), c.rng.randint(86, 93), vp.full(), wzc)
    if P.sex == "m":
        body = body.replace("Ze eet", "Hij eet")
    return Inner("bewoner", body, vp.full(), addr_of(c, vp, dom), "Dr. %s" % gp.last_cap(), addr_of(c, gp, c.org("be_gp")[1]))


@tpl("be-mail-thuisverpleging", "be", "mail", "sensitive")
def m_be2(c):
    P = c.person()
    org, dom = c.org("be_thuis")
    a, b = c.staff(), c.staff()
    body = """Hey %s,

Kan jij morgen de toer van %s overnemen? Let op bij %s in de %s: glycemie was vanochtend 54, Lantus niet gegeven en huisarts gebeld. Ook de wonde aan de voet ziet er slecht uit, mogelijks necrose. Dokter komt morgen om 10u.

Merci!
%s""" % (b.first, c.pick(["Sint-Amandsberg", "Oostakker", "Ledeberg"]), P.title_short(), c.street(), a.first)
    return Inner("morgen", body, a.full(), addr_of(c, a, dom), b.full(), addr_of(c, b, dom))


@tpl("fr-mail-infirmiere-medecin", "fr", "mail", "sensitive")
def m_fr1(c):
    P = c.person()
    org, dom = c.org("fr_inf")
    inf = c.staff(sex="f")
    mg = c.doctor()
    body = """Bonjour Docteur,

Je passe chez %s (%s) matin et soir pour l'insuline. Depuis trois jours ses glycémies sont entre 280 et 350 mg/dl malgré le schéma. Elle a aussi une plaie au talon gauche qui s'infecte (rougeur, écoulement). Pourriez-vous passer la voir ou adapter le traitement ?

Bien à vous,
%s
Infirmière à domicile""" % (P.formal(), c.addr(), inf.full())
    if P.sex == "m":
        body = body.replace("Elle a aussi", "Il a aussi").replace("passer la voir", "passer le voir")
    return Inner("patiente" if P.sex == "f" else "patient", body, inf.full(), addr_of(c, inf, dom), mg.dr, addr_of(c, mg, c.org("fr_gp")[1]))


@tpl("fr-mail-famille-mrs", "fr", "mail", "sensitive")
def m_fr2(c):
    P = c.person()
    R = c.person(gen="young")
    mrs, dom = c.org("fr_mrs")
    ic = c.staff()
    body = """Madame,

Suite à notre conversation, je vous confirme que ma %s, %s, ne doit plus recevoir de Temesta le soir : depuis qu'elle le prend elle est tombée deux fois et elle est très confuse. Le gériatre de la clinique nous avait aussi conseillé d'arrêter.

Par ailleurs, elle se plaint de douleurs au dos depuis sa chute du %s. Une radio a-t-elle été faite ?

Merci d'avance,
%s""" % (c.pick(["mère", "tante", "grand-mère"]), P.full() if P.sex == "f" else c.person(sex="f").full(), c.dn(-10), R.full())
    return Inner("Ma maman", body, R.full(), private(c, R), ic.full(), addr_of(c, ic, dom))


@tpl("en-mail-gp-hospital", "en", "mail", "sensitive")
def m_en1(c):
    P = c.person()
    gp_org, dom = c.org("en_gp")
    gp = c.doctor()
    cons = c.doctor()
    body = """Dear %s,

I wonder if you could advise on %s (DOB %s, NHS %s), whom you saw in clinic in %s. Since starting amiodarone her TSH has risen to 18 with low free T4 and she is very tired. Should I start levothyroxine or would you prefer to stop the amiodarone?

Many thanks,
%s
%s""" % (cons.dr, P.formal(), P.dob_fmt(), c.nhs(), c.dn(-60, "long").split(" ", 1)[1], gp.dr, gp_org)
    if P.sex == "m":
        body = body.replace("her TSH", "his TSH").replace("she is", "he is")
    return Inner("Advice request", body, gp.dr, addr_of(c, gp, dom), cons.dr, addr_of(c, cons, c.org("en_hosp")[1]))


@tpl("en-mail-carehome-family", "en", "mail", "sensitive")
def m_en2(c):
    P = c.person()
    R = c.person(gen="young")
    home, dom = c.org("en_carehome")
    mgr = c.staff()
    body = """Dear %s,

I'm sorry to let you know that your %s had a fall this morning and the paramedics think %s may have broken %s hip. %s has been taken to %s. %s was in a lot of pain but was given morphine in the ambulance.

We have sent %s medication list and the DNACPR form with %s. Please call me if you need anything.

Kind regards,
%s
Care Home Manager""" % (R.first, c.pr(P, "mother", "father"), c.pr(P, "she", "he"), c.pr(P, "her", "his"), c.pr(P, "She", "He"), c.org("en_hosp")[0], c.pr(P, "She", "He"),
                         c.pr(P, "her", "his"), c.pr(P, "her", "him"), mgr.full())
    return Inner("%s" % P.first, body, mgr.full(), addr_of(c, mgr, dom), R.full(), private(c, R))
