"""Fictitious people, organisations, identifiers and date formatting.

Every name, address, phone number and identifier produced here is made up
from small word lists and a seeded random generator.  Identifiers are
generated so that they pass the public check-digit rules (Dutch BSN 11-test,
Belgian national register modulo 97), which is what makes them look like
real identifiers to a detector; they are not taken from anywhere.
"""

import datetime

NL_FIRST_F = [
    "Anouk", "Sanne", "Marloes", "Ingrid", "Wilma", "Truus", "Lieke", "Noor",
    "Fenna", "Roos", "Esther", "Hanneke", "Gerda", "Johanna", "Fatima",
    "Samira", "Dewi", "Priya", "Mirjam", "Petra", "Ilse", "Femke", "Naomi",
    "Aaltje", "Corrie", "Yara", "Sevda", "Bianca", "Jolanda", "Marijke",
]
NL_FIRST_M = [
    "Jan", "Pieter", "Henk", "Kees", "Bas", "Daan", "Thijs", "Gerrit", "Sem",
    "Mohamed", "Yusuf", "Rachid", "Wouter", "Joost", "Ruud", "Arie", "Klaas",
    "Sjoerd", "Martijn", "Ferdi", "Ahmet", "Teun", "Luuk", "Willem", "Dirk",
    "Harm", "Jeroen", "Stijn", "Rik", "Cor",
]
NL_LAST = [
    "de Vries", "Jansen", "Bakker", "van Dijk", "Visser", "Smit", "Meijer",
    "de Boer", "Mulder", "Bos", "Vos", "Hendriks", "van Leeuwen", "Dekker",
    "Brouwer", "de Wit", "Dijkstra", "Kaya", "Yilmaz", "El Amrani", "Bouzid",
    "Hoekstra", "van der Meer", "Kramer", "Scholten", "Willemsen", "Postma",
    "van den Heuvel", "Kuipers", "Veenstra", "Huisman", "Koster", "Prins",
    "Boersma", "de Graaf", "Verhoeven", "van Beek", "Sahin", "Ramdin",
    "Nijland", "Terpstra", "Oosterhuis", "Wijnands", "Lagerwerf", "Brinkman",
]
BE_FIRST_F = ["Lotte", "Lien", "An", "Griet", "Nele", "Els", "Katrien",
              "Hilde", "Sofie", "Lore", "Marleen", "Ine", "Joke", "Femke"]
BE_FIRST_M = ["Jef", "Wout", "Bart", "Jonas", "Koen", "Pieter-Jan", "Stijn",
              "Dries", "Tom", "Lucas", "Raf", "Guido", "Jens", "Wim"]
BE_LAST = ["Peeters", "Janssens", "Maes", "Claes", "Goossens", "Wouters",
           "De Smet", "Vermeulen", "Van den Bossche", "Mertens", "Lambrechts",
           "De Backer", "Verstraete", "Van Damme", "Desmet", "Coppens",
           "Vandenberghe", "Willaert", "Cools", "Van Hecke"]
FR_FIRST_F = ["Marie", "Sophie", "Nathalie", "Isabelle", "Amélie", "Noémie",
              "Camille", "Chloé", "Élise", "Véronique", "Manon", "Hélène"]
FR_FIRST_M = ["Jean-Luc", "Olivier", "Philippe", "Julien", "Mathieu",
              "Benoît", "François", "Thierry", "Gaëtan", "Loïc", "Hugo",
              "Cédric"]
FR_LAST = ["Dubois", "Lambert", "Dupont", "Martin", "Leroy", "Lemaire",
           "Renard", "Fontaine", "Mercier", "Hubert", "Lejeune", "Collard",
           "Delhaye", "Gérard", "Noël", "Piron", "Masson", "Laurent"]

NL_STREETS = ["Lindelaan", "Kastanjestraat", "Molenweg", "Prinses Irenestraat",
              "Dorpsstraat", "Wilgenhof", "Zuiderdiep", "Kerkpad", "Beukenrode",
              "Vlasakker", "Havenkade", "Rozengracht", "Brinkweg", "Esdoornlaan",
              "Populierendreef", "Sluisweg", "Klaverveld", "Ooievaarstraat"]
NL_CITIES = ["Utrecht", "Zwolle", "Amersfoort", "Leeuwarden", "Deventer",
             "Haarlem", "Tilburg", "Apeldoorn", "Assen", "Gouda", "Hoorn",
             "Breda", "Meppel", "Alkmaar", "Nijmegen", "Ede", "Almelo"]
BE_STREETS = ["Kerkstraat", "Stationsstraat", "Molenstraat", "Dorpsplein",
              "Veldstraat", "Schoolstraat", "Kapelweg", "Leopoldlaan",
              "Heirbaan", "Bosdreef", "Lindenlei"]
BE_CITIES = [("2000", "Antwerpen"), ("9000", "Gent"), ("3000", "Leuven"),
             ("8500", "Kortrijk"), ("3500", "Hasselt"), ("2800", "Mechelen"),
             ("8000", "Brugge"), ("9300", "Aalst"), ("2300", "Turnhout")]
FR_STREETS = ["rue des Tilleuls", "avenue de la Gare", "rue du Moulin",
              "chaussée de Namur", "rue Haute", "place Saint-Lambert",
              "rue de l'Église", "avenue des Combattants"]
FR_CITIES = [("5000", "Namur"), ("4000", "Liège"), ("7000", "Mons"),
             ("6000", "Charleroi"), ("1300", "Wavre"), ("6700", "Arlon"),
             ("1400", "Nivelles")]

MONTHS = {
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli",
           "augustus", "september", "oktober", "november", "december"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet",
           "août", "septembre", "octobre", "novembre", "décembre"],
    "en": ["January", "February", "March", "April", "May", "June", "July",
           "August", "September", "October", "November", "December"],
}


def bsn_ok(s):
    if len(s) != 9 or not s.isdigit():
        return False
    d = [int(c) for c in s]
    total = sum((9 - i) * d[i] for i in range(8)) - d[8]
    return total % 11 == 0


def make_bsn(rng):
    while True:
        d = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
        s = sum((9 - i) * d[i] for i in range(8)) % 11
        if s <= 9:
            return "".join(map(str, d + [s]))


def make_non_bsn(rng, first=None):
    """A 9-digit number that fails the 11-test (invoice numbers and the like)."""
    while True:
        d = [first if first else rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(8)]
        s = "".join(map(str, d))
        if not bsn_ok(s):
            return s


def rrn_ok(s):
    s = "".join(c for c in s if c.isdigit())
    if len(s) != 11:
        return False
    base, chk = s[:9], int(s[9:])
    return 97 - int(base) % 97 == chk or 97 - int("2" + base) % 97 == chk


def make_rrn(rng, dob, sex):
    serial = rng.randrange(1, 997)
    if (serial % 2 == 1) != (sex == "M"):
        serial += 1
    base = "%02d%02d%02d%03d" % (dob.year % 100, dob.month, dob.day, serial)
    n = int(base) if dob.year < 2000 else int("2" + base)
    return base + "%02d" % (97 - n % 97)


def fmt_bsn(bsn, style):
    if style == 1:
        return "%s.%s.%s" % (bsn[:4], bsn[4:6], bsn[6:])
    if style == 2:
        return "%s %s %s" % (bsn[:3], bsn[3:6], bsn[6:])
    return bsn


def fmt_rrn(rrn, style):
    if style == 1:
        return "%s.%s.%s-%s.%s" % (rrn[:2], rrn[2:4], rrn[4:6], rrn[6:9], rrn[9:])
    if style == 2:
        return "%s %s %s" % (rrn[:6], rrn[6:9], rrn[9:])
    if style == 3:
        return "%s-%s-%s" % (rrn[:6], rrn[6:9], rrn[9:])
    return rrn


class Person:
    pass


def make_person(rng, lang, today, age=(20, 92), sex=None):
    p = Person()
    p.sex = sex or rng.choice("MF")
    if lang == "be":
        firsts = BE_FIRST_M if p.sex == "M" else BE_FIRST_F
        p.first, p.last = rng.choice(firsts), rng.choice(BE_LAST)
        pc, city = rng.choice(BE_CITIES)
        p.street = "%s %d" % (rng.choice(BE_STREETS), rng.randint(1, 180))
        p.postcode, p.city = pc, city
        p.phone = "04%02d %02d %02d %02d" % tuple(rng.randint(70, 99) if i == 0 else rng.randint(0, 99) for i in range(4))
    elif lang == "fr":
        firsts = FR_FIRST_M if p.sex == "M" else FR_FIRST_F
        p.first, p.last = rng.choice(firsts), rng.choice(FR_LAST)
        pc, city = rng.choice(FR_CITIES)
        p.street = "%s %d" % (rng.choice(FR_STREETS), rng.randint(1, 120))
        p.street = p.street[0].upper() + p.street[1:]
        p.postcode, p.city = pc, city
        p.phone = "04%02d %02d %02d %02d" % tuple(rng.randint(70, 99) if i == 0 else rng.randint(0, 99) for i in range(4))
    else:
        firsts = NL_FIRST_M if p.sex == "M" else NL_FIRST_F
        p.first, p.last = rng.choice(firsts), rng.choice(NL_LAST)
        p.street = "%s %d" % (rng.choice(NL_STREETS), rng.randint(1, 210))
        p.postcode = "%04d %s%s" % (rng.randint(1011, 9999), rng.choice("ABCDEGHJKLMNPRSTVWXZ"), rng.choice("ABCDEGHJKLMNPRSTVWXZ"))
        p.city = rng.choice(NL_CITIES)
        p.phone = "06-%08d" % rng.randint(10000000, 99999999)
    years = rng.randint(age[0], age[1])
    p.dob = today - datetime.timedelta(days=years * 365 + rng.randint(0, 364))
    p.age = years
    p.bsn = make_bsn(rng)
    p.rrn = make_rrn(rng, p.dob, p.sex)
    p.full = "%s %s" % (p.first, p.last)
    p.initial = p.first[0] + "."
    last_cap = p.last[0].upper() + p.last[1:]
    p.last_cap = last_cap
    if lang == "fr":
        p.title = "Madame" if p.sex == "F" else "Monsieur"
        p.formal = "%s %s" % (p.title, p.last)
    elif lang == "en":
        p.title = "Ms" if p.sex == "F" else "Mr"
        p.formal = "%s %s" % (p.title, last_cap)
    else:
        p.title = "mevrouw" if p.sex == "F" else "de heer"
        p.formal = "%s %s %s" % (p.title, p.initial, p.last)
    p.he = {"nl": ("zij", "hij"), "be": ("zij", "hij"), "fr": ("elle", "il"),
            "en": ("she", "he")}[lang][p.sex == "M"]
    p.his = {"nl": ("haar", "zijn"), "be": ("haar", "zijn"), "fr": ("sa", "son"),
             "en": ("her", "his")}[lang][p.sex == "M"]
    p.patnr = "%07d" % rng.randint(1000000, 9999999)
    return p


def fmt_date(d, lang, style=0):
    if lang in ("nl", "be"):
        if style == 1:
            return "%d %s %d" % (d.day, MONTHS["nl"][d.month - 1], d.year)
        if lang == "be" or style == 2:
            return "%02d/%02d/%04d" % (d.day, d.month, d.year)
        return "%02d-%02d-%04d" % (d.day, d.month, d.year)
    if lang == "fr":
        if style == 1:
            return "%d %s %d" % (d.day, MONTHS["fr"][d.month - 1], d.year)
        return "%02d/%02d/%04d" % (d.day, d.month, d.year)
    if style == 1:
        return "%d %s %d" % (d.day, MONTHS["en"][d.month - 1], d.year)
    if style == 2:
        return d.isoformat()
    return "%02d/%02d/%04d" % (d.day, d.month, d.year)


# Organisations: (name, street, place, language, email domain)
ORGS = {
    "nl": [
        ("Zorggroep De Linde", "Lindelaan 2", "3701 KA Zeist", "delinde-example.nl"),
        ("Ziekenhuis Rijnoever", "Oeverweg 100", "6824 BE Arnhem", "rijnoever-example.nl"),
        ("GGZ Polderland", "Postbus 411", "8200 AK Lelystad", "polderland-example.nl"),
        ("Huisartsenpraktijk Het Anker", "Ankerplein 7", "1621 BW Hoorn", "hetanker-example.nl"),
        ("Stichting Jeugdhulp Middenveld", "Middenveld 31", "3824 MK Amersfoort", "middenveld-example.nl"),
        ("Arbodienst Vitaal Werk", "Stationsplein 12", "8011 CW Zwolle", "vitaalwerk-example.nl"),
        ("Thuiszorg Kustregio", "Duinweg 44", "1782 GH Den Helder", "kustregio-example.nl"),
        ("Verpleeghuis Het Zonnehof", "Zonnehof 1", "9401 BC Assen", "zonnehof-example.nl"),
        ("Stichting Perspectief Wonen", "De Kamp 9", "7411 KR Deventer", "perspectiefwonen-example.nl"),
        ("Verloskundigenpraktijk De Wieg", "Wiegstraat 3", "2801 LM Gouda", "dewieg-example.nl"),
        ("Tactus Verslavingszorg Noord", "Vaart 18", "9711 AA Groningen", "vzn-example.nl"),
        ("Gemeente Oostervoort", "Raadhuisplein 1", "7741 AB Coevorden", "oostervoort-example.nl"),
    ],
    "be": [
        ("AZ Sint-Jorisdal", "Jorisdreef 50", "8500 Kortrijk", "sintjorisdal-example.be"),
        ("Thuisverpleging De Schelde", "Kaai 14", "2000 Antwerpen", "deschelde-example.be"),
        ("WZC Hof ter Linden", "Lindenlei 3", "2800 Mechelen", "hofterlinden-example.be"),
        ("CAW Leiestreek", "Leiekaai 22", "9000 Gent", "cawleie-example.be"),
        ("Kinderdagverblijf Het Vlindertje", "Schoolstraat 5", "3500 Hasselt", "vlindertje-example.be"),
        ("Groepspraktijk Kine Zuid", "Heirbaan 77", "3000 Leuven", "kinezuid-example.be"),
    ],
    "fr": [
        ("Clinique Saint-Rémi", "Rue de la Clinique 4", "5000 Namur", "saintremi-example.be"),
        ("Centre Hospitalier du Val de Meuse", "Quai de Meuse 150", "4020 Liège", "valdemeuse-example.be"),
        ("Maison de repos Les Tilleuls", "Rue des Tilleuls 8", "1300 Wavre", "lestilleuls-example.be"),
        ("Cabinet de psychologie Horizon", "Avenue de la Gare 21", "7000 Mons", "horizon-example.be"),
    ],
    "en": [
        ("Northfield Occupational Health Ltd", "14 Mill Lane", "Leeds LS2 7QT", "northfield-example.co.uk"),
        ("Ziekenhuis Rijnoever, International Office", "Oeverweg 100", "6824 BE Arnhem", "rijnoever-example.nl"),
        ("St. Aidan's Community Hospital", "2 Harbour Road", "Penzance TR18 4AA", "staidans-example.org.uk"),
    ],
}

# Organisations by kind, for texts that need a particular sender.
ORG_KIND = {
    "hospital_nl": [("Ziekenhuis Rijnoever", "Oeverweg 100", "6824 BE Arnhem"),
                    ("Medisch Centrum Veluwerand", "Randweg 8", "3772 MA Barneveld"),
                    ("IJsselstreek Ziekenhuis", "Kanaaldijk 210", "7418 AC Deventer")],
    "gp_nl": [("Huisartsenpraktijk Het Anker", "Ankerplein 7", "1621 BW Hoorn"),
              ("Huisartsen De Brink", "Brinkweg 2", "7731 CB Ommen"),
              ("Gezondheidscentrum Zuiderpark", "Parkstraat 66", "2526 GK Den Haag")],
    "lab_nl": [("Klinisch Chemisch Laboratorium, Ziekenhuis Rijnoever", "Oeverweg 100", "6824 BE Arnhem"),
               ("Regionaal Huisartsenlaboratorium Noord", "Laan van de Zorg 5", "9402 LD Assen")],
    "hospital_be": [("AZ Sint-Jorisdal", "Jorisdreef 50", "8500 Kortrijk"),
                    ("AZ Kempenheide", "Heidestraat 120", "2300 Turnhout"),
                    ("Regionaal Ziekenhuis Scheldeland", "Kaai 200", "9200 Dendermonde")],
    "kine_be": [("Groepspraktijk Kine Zuid", "Heirbaan 77", "3000 Leuven"),
                ("Kinesitherapie Het Rad", "Veldstraat 12", "9000 Gent")],
    "hospital_fr": [("Clinique Saint-Rémi", "Rue de la Clinique 4", "5000 Namur"),
                    ("Centre Hospitalier du Val de Meuse", "Quai de Meuse 150", "4020 Liège")],
}

STAFF_TITLES_NL = ["arts", "verpleegkundige", "verpleegkundig specialist",
                   "psycholoog", "maatschappelijk werker", "ergotherapeut",
                   "fysiotherapeut", "zorgcoördinator", "teamleider"]
