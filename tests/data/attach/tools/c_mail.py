"""Inner messages for the eml type (clean): forwarded newsletters, meeting
invitations, roster changes, invoices, policy updates."""

from reg import tpl
from s_mail import Inner, addr_of


@tpl("nl-mail-uitnodiging-overleg", "nl", "mail", "clean")
def c_overleg(c):
    org, dom = c.org(c.pick(["vvt", "thuis", "ggz"]))
    a = c.staff()
    b = c.staff()
    body = """Beste collega's,

Hierbij nodig ik jullie uit voor het kwartaaloverleg kwaliteit op %s van %s tot %s in vergaderzaal %s.

Agenda:
1. Opening
2. Resultaten medicatie-audit
3. Evaluatie valpreventieprogramma
4. Scholingsplan volgend jaar
5. Rondvraag

Graag vooraf de stukken lezen die op Teams staan.

Met vriendelijke groet,
%s
beleidsmedewerker kwaliteit""" % (c.dn(10, "long"), c.time(13, 30), c.time(15, 0), c.pick(["De Vijver", "2.14", "Het Atrium"]), a.full())
    return Inner("Kwartaaloverleg kwaliteit", body, a.full(), addr_of(c, a, dom), b.full(), addr_of(c, b, dom))


@tpl("nl-mail-nieuwsbrief-diabetes", "nl", "mail", "clean")
def c_news(c):
    org, dom = c.pick([("Diabetes & Leefstijl", "nieuwsbrief-example.nl"), ("Netwerk Dementie Midden", "dementienetwerk-example.nl")])
    body = """%s - nieuwsbrief %s

Nieuw onderzoek: bewegen na de maaltijd
Een korte wandeling van 15 minuten na het eten verlaagt de bloedsuiker bij mensen met diabetes type 2 meer dan een lange wandeling op een ander moment van de dag.

Webinar: voetzorg bij diabetes
Op %s organiseren we een gratis webinar voor praktijkondersteuners en wijkverpleegkundigen. Aanmelden via de website.

Cijfers
In Nederland hebben ruim 1,2 miljoen mensen diabetes. Naar schatting 1 op de 4 weet het nog niet.

Afmelden voor deze nieuwsbrief? Klik hier.""" % (org, c.pick(["maart", "juni", "oktober"]), c.dn(20, "long"))
    s = c.staff()
    return Inner("Nieuwsbrief %s" % org, body, org, "nieuwsbrief@" + dom, s.full(), addr_of(c, s, c.org("gp")[1]))


@tpl("nl-mail-roosterwijziging", "nl", "mail", "clean")
def c_rooster(c):
    org, dom = c.org(c.pick(["vvt", "thuis"]))
    pl = c.staff()
    a = c.staff()
    b = c.staff()
    body = """Hoi allemaal,

Kleine wijziging in het rooster van week %d: %s en %s ruilen hun dienst op %s (%s wordt late dienst, %s vroege dienst). Er staat nog een open nachtdienst op zaterdag; wie kan?

Bereikbaar op %s.

Groet,
%s
planner""" % (c.today.isocalendar()[1] + 1, a.first, b.first, c.dn(8, "long"), a.first, b.first, c.phone(True), pl.first)
    return Inner("rooster week %d" % (c.today.isocalendar()[1] + 1), body, pl.full(), addr_of(c, pl, dom), "Team %s" % c.ward(), "team@" + dom)


@tpl("nl-mail-factuur-herinnering", "nl", "mail", "clean")
def c_factuur(c):
    import ids
    v, vdom = c.pick([("MediLevering B.V.", "medilevering-example.nl"), ("OfficePlus", "officeplus-example.nl")])
    klant, kdom = c.org(c.pick(["vvt", "gp", "thuis"]))
    fnr = ids.bsn(c.rng, first=c.rng.randint(1, 9))
    body = """Geachte heer, mevrouw,

Volgens onze administratie is factuur %s van %s (€ %d,%02d) nog niet voldaan. Wij verzoeken u het bedrag binnen 14 dagen over te maken op %s onder vermelding van het factuurnummer.

Heeft u inmiddels betaald? Dan kunt u deze herinnering als niet verzonden beschouwen.

Met vriendelijke groet,
debiteurenadministratie %s""" % (fnr, c.dn(-40), c.rng.randint(80, 2400), c.rng.randint(0, 99), ids.fmt_iban(ids.iban_nl(c.rng)), v)
    return Inner("Betalingsherinnering factuur %s" % fnr, body, v, "debiteuren@" + vdom, "crediteuren %s" % klant, "crediteuren@" + kdom)


@tpl("nl-mail-beleid-beveiligd-mailen", "nl", "mail", "clean")
def c_beleid(c):
    org, dom = c.org(c.pick(["vvt", "hosp", "ggz"]))
    fg = c.staff()
    body = """Aan alle medewerkers,

Vanaf %s worden e-mails met een BSN, een geboortedatum met naam of medische informatie automatisch beveiligd verzonden. De ontvanger krijgt dan een link om het bericht te openen.

Wat betekent dit voor jou?
- Gebruik geen BSN of cliëntnaam in de onderwerpregel.
- Stuur alleen wat nodig is.
- Twijfel je? Bel de servicedesk (toestel %d).

Met vriendelijke groet,
%s
functionaris gegevensbescherming""" % (c.dn(14, "long"), c.rng.randint(2000, 8999), fg.full())
    return Inner("Nieuw: beveiligd mailen", body, fg.full(), addr_of(c, fg, dom), "Alle medewerkers", "allemedewerkers@" + dom)


@tpl("nl-mail-scholing-bevestiging", "nl", "mail", "clean")
def c_scholing(c):
    org, dom = c.org(c.pick(["vvt", "thuis"]))
    s = c.staff()
    body = """Beste %s,

Je bent ingeschreven voor de training "Omgaan met onbegrepen gedrag bij dementie" op %s, %s - %s uur, locatie %s.

Neem je ID-bewijs mee voor de accreditatie (V&VN-kwaliteitsregister, 4 punten).

Tot dan!
Leerhuis %s""" % (s.first, c.dn(16, "long"), c.time(9, 0), c.time(16, 30), c.city(), org)
    return Inner("Bevestiging inschrijving", body, "Leerhuis", "leerhuis@" + dom, s.full(), addr_of(c, s, dom))


@tpl("be-mail-uitnodiging-vorming", "be", "mail", "clean")
def c_be(c):
    org, dom = c.org(c.pick(["be_wzc", "be_hosp"]))
    s = c.staff()
    body = """Beste collega's,

Op %s organiseren we een vorming rond palliatieve zorg in het WZC, gegeven door het palliatief netwerk. Inschrijven kan tot %s via het secretariaat.

Programma:
- Pijnbestrijding bij ouderen
- Vroegtijdige zorgplanning: hoe start je het gesprek?
- Zorg voor de zorgverlener

Vriendelijke groeten,
%s
vormingsverantwoordelijke""" % (c.dn(20, "long"), c.dn(10, "long"), s.full())
    return Inner("Vorming palliatieve zorg", body, s.full(), addr_of(c, s, dom), "Personeel", "personeel@" + dom)


@tpl("fr-mail-invitation-formation", "fr", "mail", "clean")
def c_fr(c):
    org, dom = c.org(c.pick(["fr_mrs", "fr_hosp"]))
    s = c.staff()
    body = """Bonjour à toutes et à tous,

Une formation « Manutention des patients » aura lieu le %s de %s à %s dans la salle polyvalente. Inscriptions auprès du service du personnel avant le %s.

Bien à vous,
%s
Service formation""" % (c.dn(18, "long"), c.time(9, 0), c.time(12, 0), c.dn(8, "long"), s.full())
    return Inner("Formation manutention", body, s.full(), addr_of(c, s, dom), "Personnel", "personnel@" + dom)


@tpl("en-mail-newsletter", "en", "mail", "clean")
def c_en(c):
    s = c.staff()
    body = """Nursing Update - %s edition

* New guidance on pressure ulcer prevention published
* Flu vaccination uptake among care home staff rose to 48 per cent last winter
* Webinar: managing delirium in older people, %s

To unsubscribe, reply STOP.""" % (c.pick(["spring", "summer", "autumn"]), c.dn(21, "long"))
    return Inner("Nursing Update", body, "Nursing Update", "news@nursingupdate-example.nl", s.full(), addr_of(c, s, c.org("en_carehome")[1]))


@tpl("en-mail-meeting", "en", "mail", "clean")
def c_en2(c):
    org, dom = c.org(c.pick(["en_hosp", "en_carehome"]))
    a, b = c.staff(), c.staff()
    body = """Hi %s,

Just a reminder that the ward managers' meeting has moved to %s at %s in the Education Centre. Agenda: winter pressures, e-rostering, estates update.

Thanks,
%s""" % (b.first, c.dn(6, "long"), c.time(14, 0), a.first)
    return Inner("Ward managers' meeting", body, a.full(), addr_of(c, a, dom), b.full(), addr_of(c, b, dom))


@tpl("be-mail-facturatie", "be", "mail", "clean")
def c_be2(c):
    import ids
    org, dom = c.org(c.pick(["be_wzc", "be_gp"]))
    s = c.staff()
    body = """Geachte,

In bijlage vindt u onze factuur voor de levering van %s. Gelieve het bedrag van € %d,%02d te storten op rekening %s met de gestructureerde mededeling %s.

Met vriendelijke groeten,
%s
boekhouding Medishop BV""" % (c.pick(["incontinentiemateriaal", "verzorgingsproducten", "handschoenen en maskers"]), c.rng.randint(100, 3000), c.rng.randint(0, 99),
                              ids.fmt_iban(ids.iban_be(c.rng)), ids.ogm(c.rng), s.full())
    return Inner("Factuur %d" % c.rng.randint(202400001, 202499999), body, s.full(), "boekhouding@medishop-example.be", "Boekhouding", "boekhouding@" + dom)


@tpl("fr-mail-planning-conges", "fr", "mail", "clean")
def c_fr2(c):
    org, dom = c.org(c.pick(["fr_mrs", "fr_inf"]))
    a, b = c.staff(), c.staff()
    body = """Bonjour à tous,

Merci de m'envoyer vos souhaits de congés d'été avant le %s. Le planning sera affiché le %s. Pour rappel, maximum deux personnes absentes en même temps par unité.

Bonne journée,
%s""" % (c.dn(15, "long"), c.dn(30, "long"), a.full())
    return Inner("Congés d'été", body, a.full(), addr_of(c, a, dom), "Équipe", "equipe@" + dom)
