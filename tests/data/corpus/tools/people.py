"""Name pools and fictitious persons. Names are common Dutch, Flemish,
French and English names combined at random; any resemblance to a real
person is coincidental."""

import datetime
import ids

NL_OLD_F = ["Johanna", "Hendrika", "Wilhelmina", "Geertruida", "Adriana", "Cornelia", "Maria",
            "Anna", "Theodora", "Elisabeth", "Aaltje", "Grietje", "Jacoba", "Neeltje", "Riek",
            "Tiny", "Annie", "Greet", "Ria", "Trees", "Bep", "Joke", "Gerda", "Ineke", "Marijke",
            "Hanneke", "Willy", "Dini", "Jannie", "Lies", "Fatma", "Aisha", "Hennie", "Corrie"]
NL_OLD_M = ["Cornelis", "Gerrit", "Hendrik", "Jan", "Pieter", "Klaas", "Willem", "Johannes",
            "Bernardus", "Antonius", "Theo", "Henk", "Kees", "Piet", "Joop", "Wim", "Ad", "Harm",
            "Gert", "Jaap", "Dirk", "Evert", "Sjaak", "Frans", "Rinus", "Ahmed", "Mustafa", "Ton",
            "Huub", "Leo", "Bert", "Arie"]
NL_YOUNG_F = ["Sanne", "Lotte", "Anouk", "Fleur", "Iris", "Marloes", "Eline", "Femke", "Lisa",
              "Sophie", "Naomi", "Fatima", "Yasmina", "Priya", "Sharon", "Kim", "Linda", "Esther",
              "Mirjam", "Nienke", "Wendy", "Petra", "Ilse", "Annemiek", "Chantal", "Demi", "Merel",
              "Romy", "Noor", "Jolien", "Inge", "Saskia", "Rianne", "Hatice", "Kirsten"]
NL_YOUNG_M = ["Daan", "Bram", "Thijs", "Ruben", "Jeroen", "Mark", "Niels", "Kevin", "Sander",
              "Youssef", "Mohammed", "Yusuf", "Jesse", "Tim", "Stijn", "Martijn", "Bas", "Rik",
              "Erik", "Joost", "Vincent", "Dennis", "Rob", "Koen", "Luuk", "Sem", "Mehmet",
              "Rachid", "Jorrit", "Wouter"]
NL_SUR = [("", "Jansen"), ("de", "Vries"), ("van den", "Berg"), ("van", "Dijk"), ("", "Bakker"),
          ("", "Janssen"), ("", "Visser"), ("", "Smit"), ("", "Meijer"), ("de", "Boer"),
          ("", "Mulder"), ("de", "Groot"), ("", "Bos"), ("", "Vos"), ("", "Peters"),
          ("", "Hendriks"), ("van", "Leeuwen"), ("", "Dekker"), ("", "Brouwer"), ("de", "Wit"),
          ("", "Dijkstra"), ("", "Smits"), ("de", "Graaf"), ("van der", "Meer"),
          ("van der", "Linden"), ("", "Kok"), ("", "Jacobs"), ("de", "Haan"), ("", "Vermeulen"),
          ("van den", "Heuvel"), ("van der", "Veen"), ("van den", "Broek"), ("de", "Bruijn"),
          ("de", "Jong"), ("", "Schouten"), ("van", "Beek"), ("", "Willems"), ("van", "Vliet"),
          ("", "Hoekstra"), ("", "Maas"), ("", "Verhoeven"), ("", "Koster"), ("", "Prins"),
          ("", "Postma"), ("", "Kuipers"), ("", "Yilmaz"), ("el", "Amrani"), ("", "Bouzid"),
          ("", "Kaya"), ("", "Sardjoe"), ("", "Tjon-A-Fong"), ("", "Wijnands"), ("ter", "Horst"),
          ("van 't", "Hof"), ("", "Huisman"), ("", "Boersma"), ("", "Timmermans"), ("", "Scholten"),
          ("van", "Wijk"), ("", "Mertens"), ("", "Kramer"), ("", "Groen"), ("van der", "Heijden"),
          ("", "Lammers"), ("", "Veldman"), ("", "Oosterhuis"), ("in 't", "Veld")]
BE_F = ["Maria", "Godelieve", "Rita", "Lutgarde", "Jeanine", "Simonne", "Agnes", "Denise",
        "Paula", "Christiane", "Mariette", "Rosa", "Hilde", "Martine", "Annemie", "Greta",
        "Lieve", "Els", "Katrien", "Sofie", "Lien", "Ine", "Elke", "Nathalie", "Veerle",
        "Griet", "Hannelore", "Femke", "Jana", "Kaat"]
BE_M = ["Jozef", "Frans", "Marcel", "Roger", "Gilbert", "Willy", "André", "Georges", "Eddy",
        "Luc", "Dirk", "Geert", "Patrick", "Marc", "Johan", "Koen", "Bart", "Pieter-Jan",
        "Wouter", "Jens", "Stijn", "Tom", "Jonas", "Arne", "Robbe", "Lucien", "Staf", "Rik"]
BE_SUR = ["Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens",
          "Wouters", "De Smet", "Lambrechts", "Vermeulen", "Van den Bossche", "De Clercq",
          "Vandenberghe", "Verstraete", "Desmet", "Van Damme", "Claeys", "Hermans", "Michiels",
          "Verhaegen", "De Backer", "Vanhove", "Aerts", "Van de Velde", "Cools", "Segers",
          "Vercammen", "De Wilde", "Van Acker", "Pauwels", "D'Hondt", "Baert", "Coppens",
          "Vanderstraeten", "De Meyer", "Verbeke", "Smets", "Geerts"]
FR_F = ["Jeanine", "Marie-Thérèse", "Monique", "Josiane", "Françoise", "Geneviève", "Hélène",
        "Chantal", "Nathalie", "Simone", "Paulette", "Renée", "Ghislaine", "Micheline",
        "Isabelle", "Céline", "Aurélie", "Julie", "Sarah", "Camille", "Émilie", "Anne-Sophie",
        "Yvette", "Bernadette", "Nadia"]
FR_M = ["Jean-Pierre", "André", "Michel", "René", "Léon", "Jacques", "Guy", "Marcel",
        "Jean-Luc", "Philippe", "Alain", "Christian", "François", "Didier", "Thierry",
        "Julien", "Nicolas", "Maxime", "Sébastien", "Olivier", "Joseph", "Albert", "Karim"]
FR_SUR = ["Dubois", "Lambert", "Martin", "Dupont", "Leclercq", "Lejeune", "Renard", "Simon",
          "Laurent", "Lefèvre", "François", "Collard", "Henrard", "Delvaux", "Leroy", "Mathieu",
          "Dumont", "Lemaire", "Denis", "Gérard", "Wauthier", "Piret", "Fontaine", "Hubert",
          "Gilson", "Charlier", "Marchal", "Bertrand", "Noël", "Masson", "Goffin", "Dethier"]
EN_F = ["Margaret", "Patricia", "Susan", "Janet", "Linda", "Barbara", "Elizabeth", "Joan",
        "Sarah", "Emma", "Rachel", "Claire", "Hannah", "Priya", "Aoife", "Fiona", "Helen"]
EN_M = ["John", "David", "Michael", "Peter", "Robert", "James", "William", "Brian", "Thomas",
        "Andrew", "Mark", "Daniel", "Liam", "Rajesh", "Kevin", "Stephen", "Graham"]
EN_SUR = ["Thompson", "Davies", "Evans", "Walsh", "O'Brien", "Patel", "Hughes", "Wright",
          "Roberts", "Taylor", "Brown", "Wilson", "Clarke", "Murphy", "Kelly", "Morgan",
          "Harrison", "Singh", "Campbell", "Stewart", "Fletcher", "Bennett"]

MONTHS = {
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
}
MONTHS["be"] = MONTHS["nl"]
WEEKDAYS = {
    "nl": ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
}
WEEKDAYS["be"] = WEEKDAYS["nl"]


def ascii_fold(s):
    tr = str.maketrans("éèêëïöüçàâôûÉÈ", "eeeeioucaaouEE", "'")
    return s.translate(tr)


class Person:
    """A fictitious person. lang: nl, be, fr, en. gen: 'old' or 'young'."""

    def __init__(self, rng, lang, sex=None, gen="old", surname=None):
        self.rng = rng
        self.lang = lang
        self.sex = sex or rng.choice("mf")
        self.gen = gen
        if lang == "nl":
            pool = (NL_OLD_F if self.sex == "f" else NL_OLD_M) if gen == "old" else (
                NL_YOUNG_F if self.sex == "f" else NL_YOUNG_M)
            self.first = rng.choice(pool)
            self.tv, self.sur = surname or rng.choice(NL_SUR)
            if self.sex == "f" and gen == "old" and surname is None and rng.random() < 0.3:
                tv2, sur2 = rng.choice(NL_SUR)
                self.maiden = (tv2 + " " + sur2).strip()
            else:
                self.maiden = None
        elif lang == "be":
            self.first = rng.choice(BE_F if self.sex == "f" else BE_M)
            self.tv, self.sur = "", surname[1] if surname else rng.choice(BE_SUR)
            self.maiden = None
        elif lang == "fr":
            self.first = rng.choice(FR_F if self.sex == "f" else FR_M)
            self.tv, self.sur = "", surname[1] if surname else rng.choice(FR_SUR)
            self.maiden = None
        else:
            self.first = rng.choice(EN_F if self.sex == "f" else EN_M)
            self.tv, self.sur = "", surname[1] if surname else rng.choice(EN_SUR)
            self.maiden = None
        lo, hi = (1926, 1962) if gen == "old" else (1966, 2001)
        self.dob = ids.dob(rng, lo, hi)
        self.second_initial = rng.choice("ACEGHJLMPW") if rng.random() < 0.4 else ""

    # surname forms -------------------------------------------------------
    def last_low(self):
        s = (self.tv + " " + self.sur).strip()
        if self.maiden:
            s += "-" + self.maiden
        return s

    def last_cap(self):
        s = self.last_low()
        return s[:1].upper() + s[1:]

    def base_surname(self):
        return (self.tv, self.sur)

    def initials(self):
        i = self.first[0] + "."
        if "-" in self.first:
            i = "".join(p[0] + "." for p in self.first.split("-"))
        if self.second_initial:
            i += self.second_initial + "."
        return i

    def full(self):
        return self.first + " " + self.last_low()

    def title_short(self):
        l = self.lang
        if l == "nl":
            t = self.rng.choice(["mevr.", "mw.", "mevrouw"] if self.sex == "f" else ["dhr.", "dhr.", "meneer"])
            return t + " " + self.last_cap()
        if l == "be":
            t = self.rng.choice(["mevrouw", "mevr.", "Mevr."] if self.sex == "f" else ["meneer", "dhr.", "Mr."])
            return t + " " + self.last_cap()
        if l == "fr":
            t = self.rng.choice(["Mme", "Madame"] if self.sex == "f" else ["M.", "Monsieur"])
            return t + " " + self.last_cap()
        t = self.rng.choice(["Mrs", "Ms"] if self.sex == "f" else ["Mr"])
        return t + " " + self.last_cap()

    def formal(self):
        l = self.lang
        if l in ("nl", "be"):
            return ("mevrouw " if self.sex == "f" else "de heer ") + self.last_cap()
        if l == "fr":
            return ("Madame " if self.sex == "f" else "Monsieur ") + self.last_cap()
        return ("Mrs " if self.sex == "f" else "Mr ") + self.first + " " + self.last_cap()

    def with_initials(self):
        l = self.lang
        if l == "nl":
            t = self.rng.choice(["Mw.", "Mevr.", "mw."] if self.sex == "f" else ["Dhr.", "dhr.", "De heer"])
        elif l == "be":
            t = self.rng.choice(["Mevr.", "mevr."] if self.sex == "f" else ["Dhr.", "dhr."])
        elif l == "fr":
            t = "Mme" if self.sex == "f" else "M."
        else:
            t = "Mrs" if self.sex == "f" else "Mr"
        return "%s %s %s" % (t, self.initials(), self.last_low() if l == "nl" else self.last_cap())

    def any_ref(self):
        return self.rng.choice([self.title_short, self.title_short, self.formal,
                                self.with_initials, self.full])()

    # dates ---------------------------------------------------------------
    def dob_fmt(self, style=None):
        d = self.dob
        l = self.lang
        style = style or self.rng.choice({"nl": ["dash", "dash", "dash0", "long", "slash"],
                                          "be": ["slash", "slash", "dot", "long"],
                                          "fr": ["slash", "slash", "long"],
                                          "en": ["slash", "slash", "en", "iso"]}[l])
        if style == "dash":
            return "%d-%d-%d" % (d.day, d.month, d.year) if self.rng.random() < 0.3 else "%02d-%02d-%d" % (d.day, d.month, d.year)
        if style == "dash0":
            return "%02d-%02d-%d" % (d.day, d.month, d.year)
        if style == "slash":
            return "%02d/%02d/%d" % (d.day, d.month, d.year)
        if style == "dot":
            return "%02d.%02d.%d" % (d.day, d.month, d.year)
        if style == "iso":
            return d.isoformat()
        if style == "en":
            return "%d %s %d" % (d.day, MONTHS["en"][d.month - 1][:3], d.year)
        return "%d %s %d" % (d.day, MONTHS["nl" if l == "be" else l][d.month - 1], d.year)

    def age(self, today):
        a = today.year - self.dob.year
        if (today.month, today.day) < (self.dob.month, self.dob.day):
            a -= 1
        return a


def local_part(p, rng, style=None):
    first = ascii_fold(p.first.lower()).replace(" ", "")
    last = ascii_fold((p.tv + p.sur).lower()).replace(" ", "").replace("'", "")
    style = style or rng.choice(["f.last", "first.last", "flast", "first", "first.l"])
    if style == "f.last":
        return first[0] + "." + last
    if style == "first.last":
        return first + "." + last
    if style == "flast":
        return first[0] + last
    if style == "first":
        return first + str(rng.randint(1, 99)) if rng.random() < 0.5 else first + "." + last + str(rng.randint(50, 99))
    return first + "." + last[0]
