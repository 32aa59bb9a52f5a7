"""Clean: extra Flemish hard negatives, merged into the clean kinds."""
from tpl import T

NEWSLETTER = [
T("nb-be-griep", "be", "Nieuwsbrief: griepvaccinatie start in oktober", """
Beste lezer,

Vanaf half oktober kan u zich opnieuw laten vaccineren tegen de griep. De Hoge Gezondheidsraad raadt het vaccin aan voor:
- iedereen vanaf 65 jaar
- bewoners van woonzorgcentra
- zwangere vrouwen
- mensen met een chronische ziekte (hart, longen, lever, nieren, diabetes)
- zorgverleners

Het vaccin is terugbetaald voor de risicogroepen. U haalt het bij de apotheker met een voorschrift van uw huisarts, of u laat u vaccineren door de apotheker zelf.

Meer info vindt u op onze website. Uitschrijven kan via {unsub_url}
""", frm="be_news", to="list", tone="none"),
]
AGENDA = [
T("ag-be-mdo", "be", "Planning multidisciplinair overleg {month}", """
{greet}

Hierbij de planning van de MDO's op {ward} voor {month}. De bewoners die besproken worden, staan in het zorgdossier; ik zet ze bewust niet in deze mail.

- {d_next}, 14u: {dr}, {n1} (ergo), {n2} (kine), {n3} (referentiepersoon dementie)
- {d_next2}, 14u: {dr2}, {n1}, {n4} (hoofdverpleegkundige)

Gelieve de evaluaties op voorhand in te vullen.
""", frm="be_wzc", to="team"),
]
STATS = [
T("st-be-indicatoren", "be", "Kwaliteitsindicatoren woonzorgcentrum - resultaten", """
Beste collega's,

De resultaten van de Vlaamse kwaliteitsindicatoren voor ons woonzorgcentrum zijn bekend:

- Decubitus graad 2-4: 5,3 % van de bewoners (Vlaams gemiddelde 6,1 %)
- Gebruik van antipsychotica: 24 %
- Fysieke fixatie: 7 %
- Ongewenst gewichtsverlies: 9 %
- Valincidenten met letsel: 1,2 per 1.000 verblijfsdagen

We bespreken de verbeteracties op de volgende teamvergadering.

Met vriendelijke groeten,
Kwaliteitscoördinator
""", frm="be_wzc", to="team", tone="none"),
]
ROSTER = [
T("ro-be-weekend", "be", "Weekendwerk en feestdagen", """
Dag iedereen,

Voor de feestdagen zoeken we nog iemand voor de late dienst op 26 december en de vroege dienst op 1 januari. {n1} en {n2} hebben al een nachtdienst opgenomen. Wie kan er nog inspringen? Laat het me weten tegen vrijdag.

Merci!
{s_first}
""", frm="be_wzc", to="team", tone="none"),
]
GENERAL = [
T("gen-be-eid", "be", "Procedure inschrijving: eID lezen", """
Beste collega's van het onthaal,

Even een herinnering: bij elke inschrijving lezen we de eID van de patiënt in met de kaartlezer. Zo worden naam, adres en rijksregisternummer automatisch correct overgenomen en vermijden we tikfouten. Typ het rijksregisternummer nooit manueel over, en stuur het ook niet door via gewone e-mail.

Bij problemen met de kaartlezer kan je terecht bij de ICT-helpdesk (toestel {ext}).

Vriendelijke groeten,
{s_first}
Diensthoofd onthaal
""", frm="be_hosp", to="team", tone="none"),
T("gen-be-refter", "be", "Refter gesloten op donderdag", """
Dag iedereen,

Door onderhoudswerken aan de keuken is de refter donderdag gesloten. Er worden broodjes voorzien in de vergaderzaal op het gelijkvloers vanaf 11u30. Vergeet je bestelling niet door te geven via het intranet.

Facilitaire dienst
""", frm="be_hosp", to="all", tone="none"),
]
STAFFHEALTH = [
T("sh-be-griepvaccin", "be", "Griepvaccinatie personeel", """
Beste collega's,

Ook dit jaar kan je je gratis laten vaccineren tegen de griep. De arbeidsgeneesheer komt langs op {d_next} en {d_next2}, telkens van 8u tot 15u in lokaal 0.12. Inschrijven is niet nodig.

Met een griepvaccin bescherm je niet alleen jezelf, maar ook onze kwetsbare bewoners.

Met vriendelijke groeten,
Preventieadviseur
""", frm="be_wzc", to="all", tone="none"),
]
