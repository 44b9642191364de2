"""The words releases are read by, each vocabulary defined once: months, weekdays, name particles, titles,
and the other capitalised words that are no part of a name.

Places and countries are not here: the gazetteer (``places.py``) knows them.
"""

from __future__ import annotations

from collections.abc import Iterable

_MONTH_SPELLINGS = (
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sep", "sept"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
#: Month names and their abbreviations (lower case) -> month number.
MONTHS: dict[str, int] = {name: number for number, names in enumerate(_MONTH_SPELLINGS, start=1) for name in names}
#: Month names as printed ("January").
MONTH_NAMES = tuple(names[0].capitalize() for names in _MONTH_SPELLINGS)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

#: The letters outside ASCII that an ASCII letter of a pattern matches under re.IGNORECASE (Python's re
#: documentation), each with the letter it stands for there: "Auguſt" and "ſource:" are found as "August" and
#: "source:", and must be looked up as those.
IGNORECASE_LETTERS = {"İ": "i", "ı": "i", "ſ": "s", "\u212a": "k"}
_IGNORECASE_FOLDS = str.maketrans(IGNORECASE_LETTERS)


def ignorecase_key(text: str) -> str:
    """``text`` in lower case as a case-insensitive pattern reads it: the key of a word the patterns matched.

    >>> ignorecase_key("Auguſt"), ignorecase_key("PUBLİSHED"), ignorecase_key("Fıelds of work")
    ('august', 'published', 'fields of work')
    """
    return text.translate(_IGNORECASE_FOLDS).lower()


def ignorecase_openings(words: Iterable[str]) -> frozenset[str]:
    """The characters a text that a case-insensitive pattern of ``words`` matches can open with: each word's first
    character in either case, and the letters outside ASCII that re.IGNORECASE takes for one of them.

    >>> sorted(ignorecase_openings(["source", "Place", "©"]))
    ['P', 'S', 'p', 's', '©', 'ſ']
    """
    firsts = {case(word[0]) for word in words for case in (str.lower, str.upper)}
    return frozenset(firsts | {letter for letter, folded in IGNORECASE_LETTERS.items() if folded in firsts})

#: Lower-case words that stand inside personal names ("Ursula von der Leyen", "Ibn Khaldun").
NAME_PARTICLES = (
    "van", "von", "der", "den", "de", "del", "della", "da", "di", "du", "la", "le", "al", "el", "bin", "ibn",
    "ter", "ten", "zu", "zur", "vom", "af", "dos", "das", "do", "dei", "degli", "dal", "Ó", "Ní", "Nic", "Ua",
)
#: Particles joined to the surname they open ("al-Hashimi", "d'Aubigny", "dell'Orto").
NAME_JOINED_PARTICLES = ("al-", "el-", "as-", "ash-", "at-", "ad-", "ar-", "az-", "d'", "d’", "dell'", "dell’", "l'",
                         "l’")
#: Lower-case words that end a Central Asian or Caucasian name: "son of" or "daughter of" the name before them
#: ("Kubanychbek Omuraliev uulu", "Aigerim Bakyt kyzy").
NAME_SUFFIXES = ("uulu", "kyzy", "uly", "qizi", "kizi", "oglu", "ogly", "gyzy", "o‘g‘li", "o'g'li", "o’g’li")

#: Words that end a title phrase and stand right before a name ("Foreign Minister Ilkka Kanerva").
TITLE_HEADS = (
    # A head elected or designated but not yet in office: before the head itself, which would match first.
    "Secretary General-designate", "Prime Minister-designate", "Minister-designate", "President-elect",
    "Secretary General", "Secretary-General", "Chairperson-in-Office", "Chairman-in-Office", "Chairwoman-in-Office",
    "Chairperson", "Chairman", "Chairwoman", "Chair", "Co-Chair", "President", "Vice-President", "Vice President",
    "Vice-Minister", "Vice Minister", "Vice-Premier", "Vice-Speaker", "Vice-Chairman", "Vice-Governor", "Vice-Mayor",
    "Vice-Rector", "Vice-Chancellor",
    "Prime Minister", "Minister", "Deputy", "Ambassador", "Head", "Director", "Director General", "Director-General",
    "Representative", "Co-ordinator", "Coordinator", "Co-Ordinator", "Commissioner", "High Commissioner", "Mayor",
    "Governor", "Member of Parliament", "MP", "Senator", "Parliamentarian", "Judge", "Prosecutor",
    "Prosecutor General", "Lieutenant General", "Lieutenant-General", "Major General", "Major-General",
    "Brigadier General", "Brigadier", "General", "Gen.", "Lieutenant Colonel", "Lieutenant-Colonel", "Lt. Col.",
    "Colonel", "Col.", "Lieutenant", "Lt.", "Major", "Commander", "Chief", "Professor", "Prof.", "Dr.", "Dr",
    "Rapporteur", "Envoy", "Spokesperson", "Spokesman", "King", "Queen", "Prince", "Princess", "Officer",
    "Adviser", "Advisor", "Secretary", "Speaker", "Ombudsperson", "Ombudsman", "Patriarch", "Mufti", "Bishop",
    "Archbishop", "Sheikh", "Lord", "Baroness", "Baron", "Emir", "Premier", "Chancellor", "Counsellor", "Counselor",
    "Attache", "Attaché", "Consul", "Consul General", "Vice-Chair", "Vice-Chairperson", "Under-Secretary-General",
    "Assistant Secretary-General", "Deputy Head", "Acting Head", "Head of Mission", "Leader", "Founder",
    "Executive Director", "Manager", "Officer-in-Charge", "Chargé d'Affaires", "Charge d'Affaires", "Auditor",
    "Inspector", "Superintendent", "Captain", "Rear Admiral", "Rear-Admiral", "Vice Admiral", "Vice-Admiral",
    "Admiral", "Marshal", "Sergeant", "Rector", "Dean", "Registrar",
    "Editor-in-Chief", "Ombudswoman", "Chairmanship", "Member", "Defender", "Attorney General", "Akim", "Hokim",
    "Khokim", "Bashkan", "Monsignor", "Rabbi", "Imam", "Metropolitan", "Councillor", "Federal Councillor",
    "Congressman", "Congresswoman", "Chair-in-Office", "Monitor", "Chief Monitor", "HCNM", "RFoM", "Commodore",
    "Treasurer", "Undersecretary", "Under-Secretary", "Prefect", "Cardinal", "Plenipotentiary", "Capt.", "Maj. Gen.",
    "Maj.",
)
#: Plural titles before a list of names ("Senators A, B and C").
PLURAL_TITLE_HEADS = (
    "Senators", "Ministers", "Foreign Ministers", "Ambassadors", "Presidents", "Members of Parliament",
    "Parliamentarians", "Mayors", "Judges", "Prosecutors", "Co-Chairs", "Governors", "Professors", "Generals",
    "Representatives", "Commissioners", "Heads of Mission", "Heads", "MPs", "Ombudspersons", "Chairpersons", "Envoys",
    "Rapporteurs", "Directors", "Colonels", "Vice-Presidents", "Vice-Chairs",
)
#: Ranks a person holds whatever their office (a diplomat's, an officer's, a scholar's): printed between an office and
#: the name ("Head of Mission Ambassador Name"), such a rank is a title of its own.
PERSONAL_RANKS = (
    "Ambassador", "Amb.", "Lieutenant-General", "Lieutenant General", "Major-General", "Major General",
    "Brigadier General", "Brigadier", "Brig.", "General", "Gen.", "Lieutenant-Colonel", "Lieutenant Colonel",
    "Lt. Col.", "Colonel", "Col.", "Lieutenant", "Lt.", "Major", "Professor", "Prof.", "Dr.", "Dr", "Captain", "Capt.",
    "Commodore", "Rear-Admiral", "Rear Admiral", "Vice-Admiral", "Vice Admiral", "Admiral",
)
#: Ranks and honorifics written before a name; they are titles, not part of the name.
RANKS = (
    *PERSONAL_RANKS, "Minister", "President", "Judge", "Mayor", "Governor", "Senator", "Commander", "Chief", "Marshal",
    "King",
    "Queen", "Prince", "Princess", "Lord", "Baroness", "Baron", "Sir", "Dame", "Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms",
    "Madam", "Mme", "Monsignor", "Msgr.", "Rabbi", "H.E.", "His Excellency", "Her Excellency",
)
#: Forms of address that are no title at all ("H.E.": His or Her Excellency).
HONORIFICS = frozenset(
    ("Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Madam", "Mme", "Sir", "Dame", "H.E.", "His Excellency", "Her Excellency")
)
#: Offices written in lower case before or after a name ("the former Serbian leader", "media freedom
#: representative").
LOWER_TITLE_HEADS = (
    "leader", "president", "minister", "ambassador", "mayor", "chairman", "chairperson", "director", "head",
    "representative", "governor", "prosecutor", "judge", "commander", "secretary", "adviser", "advisor",
    "spokesperson", "spokesman", "co-ordinator", "coordinator", "envoy", "rapporteur", "commissioner", "ombudsperson",
    "ombudsman", "ombudswoman", "deputy", "negotiator", "mediator", "akim", "hokim", "khokim",
)
#: Lower-case offices that stand right before a name ("US envoy Name", "OSCE media freedom representative Name").
LOWER_ROLE_HEADS = (*LOWER_TITLE_HEADS, "diplomat", "official", "officer", "chief", "chair", "rector",
                    "parliamentarian", "lawmaker", "legislator", "principal", "manager", "professor", "counterpart",
                    "councillor", "councilor", "specialist")
#: Lower-case words of a place in a body rather than an office of it: after a name and a comma, they make an official
#: only of a body whose name is capitalised ("Name, a member of the Ruritanian Parliament"), never before a name.
MEMBER_WORDS = ("member", "expert")
#: The same offices and places in the plural, after a list of names and a comma ("A and B, judges of the Supreme
#: Court"): of a body whose name is capitalised only.
LOWER_PLURAL_HEADS = ("judges", "ministers", "ambassadors", "mayors", "governors", "prosecutors", "heads", "directors",
                      "representatives", "commissioners", "envoys", "officials", "officers", "advisers", "advisors",
                      "deputies", "members", "experts", "co-chairs", "chairs", "vice-presidents", "vice-chairs")
#: Lower-case words of rank before an office ("deputy head", "a senior adviser").
LOWER_RANK_WORDS = ("deputy", "acting", "senior", "chief", "first", "former", "executive")
#: Lower-case words that, after a capitalised name, make it a body of a state or a place it governs ("the Georgian
#: parliament", "the Mangistau region", "the Tetovo police station"): an office of it is an official's.
LOWER_BODY_WORDS = ("parliament", "government", "police", "police station", "police department", "region",
                    "district", "province", "oblast", "municipality", "municipal assembly", "city council", "council",
                    "committee", "commission", "ministry", "court", "prosecutor's office", "hospital", "university",
                    "school", "department", "unit", "service", "agency", "administration", "assembly", "office",
                    "section", "division", "board", "centre", "center", "embassy", "directorate", "detachment")
#: Lower-case kinds of body before the body's capitalised name ("the NGO Mutual Understanding", "the human rights
#: centre Kylym Shamy"): an office of one is an official's.
LOWER_BODY_KINDS = ("NGO", "centre", "center", "organization", "organisation", "association", "foundation", "network",
                    "union")
#: Lower-case words of an office's subject, after "of", "on" or "for" in its title ("Head of the OSCE PA delegation",
#: "Special Rapporteur on freedom of expression"). Capitalised, they are other words than titles' (below).
LOWER_SUBJECT_WORDS = (
    "issues", "affairs", "region", "province", "delegation", "mission", "observer", "observers", "observation",
    "election", "elections", "short-term", "long-term", "limited", "freedom", "expression", "media", "rule", "law",
    "torture", "opinion",
)
#: Lower-case words that may stand in a title besides its head ("the newly appointed deputy head").
LOWER_TITLE_WORDS = frozenset(
    (*LOWER_TITLE_HEADS, *LOWER_RANK_WORDS, *LOWER_SUBJECT_WORDS, "new", "newly", "appointed", "outgoing", "incoming",
     "interim",
     "current", "late", "then", "vice", "expert", "officer", "district", "city", "municipality", "oblast")
)
#: Words before a rank and a name that make them a vessel's or a venue's name ("the ferry Prince Nikola", "Hotel
#: Queen Teuta"), and words after them that do ("the Admiral Ushakov school", "the Prince Mihailo monument").
VENUE_WORDS_BEFORE = ("ferry", "tanker", "vessel", "ship", "boat", "yacht", "frigate", "cruiser", "destroyer", "MV",
                      "submarine", "hotel", "Grand Hotel")
VENUE_WORDS_AFTER = ("school", "gymnasium", "lyceum", "monument", "memorial", "statue", "street", "square", "avenue",
                     "boulevard", "bridge", "hall", "park", "hospital", "stadium", "airport", "university", "award",
                     "prize", "fund", "foundation", "cathedral", "church", "mosque", "barracks", "library", "museum",
                     "crossing", "checkpoint", "highway", "canal", "tunnel")
#: Verbs of choosing that give a title after them ("Name was appointed / elected / named Title").
CHOOSING_VERBS = ("appointed", "elected", "named", "re-elected", "re-appointed")
#: Verbs that tell an office after "who" ("Name, who heads the OSCE Centre in X").
LEAD_VERBS = ("heads", "headed", "leads", "led", "chairs", "chaired", "directs", "directed")
#: The words that name a structure an official heads, besides the OSCE's own ("the Ministry", "the Court").
STRUCTURE_WORDS = ("Ministry", "Committee", "Commission", "Council", "Assembly", "Agency", "Institute", "Court",
                   "Delegation", "delegation", "mission", "Government", "Parliament", "Directorate", "Department",
                   "Bureau", "Association", "Foundation", "Union", "Organization", "Organisation", "Working Group",
                   "Contact Group", "Task Force", "Administration", "Service", "Inspectorate", "Secretariat")
#: The structures of a state among them: a unit of one of these (or of the OSCE) is an office's.
STATE_STRUCTURE_WORDS = ("Ministry", "Committee", "Commission", "Council", "Assembly", "Agency", "Court", "Government",
                         "Parliament", "Directorate", "Department", "Bureau")
#: Lower-case words that name a unit of a structure ("the democratization department of the OSCE Mission").
UNIT_WORDS = ("department", "unit", "section", "division", "programme", "program", "office", "working group", "branch",
              "service", "directorate", "delegation", "committee", "commission", "board")
#: The words that name the OSCE or one of its bodies in a title ("head of the OSCE Office", "the Mission's
#: spokesperson"): a lower-case office is an official's title only with one of them.
OSCE_BODY_WORDS = frozenset(
    "OSCE ODIHR HCNM RFoM SMM Mission Office Centre Center Presence Secretariat Chairmanship".split()
)


#: The capitalised words of the title vocabularies above (heads, plural heads, ranks, the lower-case title
#: words capitalised): words of titles ("Deputy", "Ambassadors", "Prime").
TITLE_WORDS = frozenset(
    word
    for phrase in (*TITLE_HEADS, *PLURAL_TITLE_HEADS, *RANKS,
                   *(w.capitalize() for w in (*LOWER_TITLE_WORDS.difference(LOWER_SUBJECT_WORDS), *LOWER_ROLE_HEADS)))
    for word in phrase.split()
    if word[0].isupper()
)
#: Other capitalised words that never stand in a person's name: the OSCE's bodies, other structures and offices,
#: their subjects, parts of addresses, regions, places the gazetteer knows under other names or as small towns,
#: the initials of countries and organisations (which a name's initials look like), and the words that start
#: sentences. Title words are above; months and weekdays too; countries and cities are the gazetteer's.
NON_NAME_WORDS = frozenset(
    """UN UNDP UNHCR UNICEF EU NATO PA Organization Organisation Missions Council Ministry Committee Commission
    Assembly Union Nations Republic Federation Kingdom States Government Agency Institute University Court Police
    Rights Watch Forum Conference Programme Program Project Academy Department Bureau Service Foundation Association
    Network Law Act Day Week Declaration Affairs Issues Region Province Expression Rule
    Strategy Plan Report Group Board Party Bank Fund Alliance Chairpersonship Special Human Security Co-operation
    Cooperation National International Regional European Permanent Media Democratic Institutions Elections Election
    Observation Border Management Staff College Supreme Justice Constitutional Interior Defence Defense Education
    Health Economy Finance Policy Negotiations Enlargement Neighbourhood Minorities Delegation Trade Development
    Gender Equality Trafficking Beings Combating Countering Terrorism Freedom Dimension Economic Environmental
    Activities Transnational Threats Operations Cyber Migration Youth Tolerance Non-discrimination Languages State
    Republican United Resident Holy See Administration Training Initiative Unit Division Section Team
    Partners Observer Observers Monitoring Monitors Chairs
    Street Square Hall Palace House Building Hotel Town Village Rayon Highway Airport Lake River Mount Sea School
    Island Islands Peninsula Valley Coast Directorate Inspectorate Institution Corps Red Crescent
    Force Forces Guard Guards Army Navy Brigade Battalion Regiment Troops Contact Point
    Emergency Situations Labour Labor Agriculture Transport Energy Environment Culture Sport Sports Tourism Ecology
    Science Social Protection Internal Digital Infrastructure Industry Natural Resources Communications Information
    Technology Refugees Displaced Persons Veterans Religious
    Gymnasium Lyceum Monument Memorial Avenue Boulevard Bridge Hospital Stadium Award Prize Cathedral Mosque Barracks
    Library Museum Rada Verkhovna Bundestag Bundesrat Sejm Senate Duma Majilis Mazhilis Saeima Seimas Riigikogu
    Storting Folketing Riksdag Eduskunta Knesset Sabor Skupstina Skupština Kenesh Jogorku Oliy Majlis Althingi
    Balkans Caucasus Asia Europe America Central Eastern Western Northern Southern South North East West Roma Sinti
    Bosnia Herzegovina Valletta Hague Kiev Mitrovica Ohrid U.S. U.S.A. U.K. U.N. E.U. D.C.
    The This That These Those In On At For From With By As After Before During Under Today He She They We
    It Its Our Their""".split()
) | (OSCE_BODY_WORDS - TITLE_WORDS)


def alternation(words: tuple[str, ...]) -> str:
    """A regular expression alternation of ``words`` in their order (the first that fits wins), dots escaped.

    >>> alternation(("Dr.", "Director"))
    'Dr\\\\.|Director'
    """
    return "|".join(word.replace(".", r"\.") for word in words)
