"""The mock newsroom's releases, written for the tests in the style of OSCE releases.

Each release carries what the record must say about it, so crawl tests can
compare every field. Places, structures, titles and vocabularies are real
OSCE facts; the sentences are ours.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class DatelineShape:
    """A dateline as printed, the places a reader names in it, and their countries."""

    text: str  # "{date}" stands for the printed date where the shape has one
    places: tuple[str, ...]
    country_codes: tuple[str | None, ...]
    date_format: str = "{day} {month} {year}"
    label_place: str | None = None  # the page's Place: value, upper case as on osce.org


# Every dateline shape seen on osce.org (see the site notes), and leads without one.
DATELINE_SHAPES: tuple[DatelineShape | None, ...] = (
    DatelineShape("TASHKENT, {date} – ", ("Tashkent",), ("UZ",), label_place="TASHKENT"),
    DatelineShape("VIENNA, {date}- ", ("Vienna",), ("AT",), label_place="VIENNA"),
    DatelineShape("OSLO, {date}-- ", ("Oslo",), ("NO",)),
    DatelineShape("VIENNA, {date} (OSCE)-- ", ("Vienna",), ("AT",)),
    DatelineShape("OSH, Kyrgyzstan, {date}- ", ("Osh",), ("KG",), label_place="OSH"),
    DatelineShape("WARSAW/VIENNA, {date} – ", ("Warsaw", "Vienna"), ("PL", "AT"), label_place="WARSAW"),
    DatelineShape("VIENNA / SARAJEVO, {date} – ", ("Vienna", "Sarajevo"), ("AT", "BA")),
    DatelineShape("TIRANA / BRUSSELS / GENEVA – {date}. ", ("Tirana", "Brussels", "Geneva"), ("AL", "BE", "CH")),
    DatelineShape("Brussels/Geneva/Tirana, {date}- ", ("Brussels", "Geneva", "Tirana"), ("BE", "CH", "AL")),
    DatelineShape("PRISHTINË/PRIŠTINA, {date}- ", ("Prishtinë/Priština",), ("XK",), "{day} {mon} {year}"),
    DatelineShape("VALLETTA/VIENNA, {date} – ", ("Valletta", "Vienna"), ("MT", "AT"), "{day} {month}"),
    DatelineShape("{date}, Sarajevo – ", ("Sarajevo",), ("BA",)),
    DatelineShape("SKOPE, {date}-- ", ("Skope",), ("MK",), "{day} {month}, {year}"),
    DatelineShape("PRISTINA, {date} — ", ("Pristina",), ("XK",)),
    DatelineShape("WASHINGTON D.C., {date}- ", ("Washington D.C.",), ("US",)),
    DatelineShape("BRNJEŠ/BËRNJESH, {date} – ", ("Brnješ/Bërnjesh",), (None,)),
    DatelineShape("Kamensk-Shakhtinskiy, Russian Federation. ", ("Kamensk-Shakhtinskiy",), ("RU",)),
    DatelineShape("THE HAGUE, {date} – ", ("The Hague",), ("NL",), label_place="THE HAGUE"),
    DatelineShape("MITROVO POLJE, {date} (OSCE)- ", ("Mitrovo Polje",), (None,)),
    DatelineShape("DUSHANBE, {date} – ", ("Dushanbe",), ("TJ",), label_place="DUSHANBE"),
    None,  # "On 22 July 2022, ..." style lead
    None,
)

# (phrase as printed, name, main title, later mention or "")
OFFICIALS: tuple[tuple[str, str, str, str], ...] = (
    ("The OSCE Secretary General, Feridun Sinirlioğlu,", "Feridun Sinirlioğlu", "OSCE Secretary General",
     "Sinirlioğlu thanked the hosts."),
    ("Valiant Richey, OSCE Special Representative and Co-ordinator for Combating Trafficking in Human Beings,",
     "Valiant Richey",
     "OSCE Special Representative and Co-ordinator for Combating Trafficking in Human Beings", ""),
    ("OSCE Media Freedom Representative Jan Braathu", "Jan Braathu", "OSCE Media Freedom Representative",
     "Braathu called for the release of the detained reporters."),
    ("The OSCE Chairperson-in-Office, Malta's Foreign Minister Ian Borg,", "Ian Borg", "OSCE Chairperson-in-Office",
     ""),
    ("The Head of the OSCE Mission to Skopje, Ambassador Kilian Wahl,", "Kilian Wahl",
     "Head of the OSCE Mission to Skopje", "Wahl recalled the Ohrid Framework Agreement."),
    ("ODIHR Director Maria Telalian", "Maria Telalian", "ODIHR Director", ""),
    ("Christophe Kamp, the OSCE High Commissioner on National Minorities,", "Christophe Kamp",
     "OSCE High Commissioner on National Minorities", "Kamp stressed the role of language policy."),
    ("The President of the OSCE Parliamentary Assembly, Pia Kauma,", "Pia Kauma",
     "President of the OSCE Parliamentary Assembly", ""),
    ("Kyrgyzstan's Deputy Minister of Interior, Almaz Orozaliev,", "Almaz Orozaliev",
     "Kyrgyzstan's Deputy Minister of Interior", ""),
    ("Max van der Stoel, the OSCE High Commissioner on National Minorities,", "Max van der Stoel",
     "OSCE High Commissioner on National Minorities", ""),
)

SOURCES: tuple[tuple[str, ...], ...] = (
    ("OSCE Secretariat",),
    ("OSCE Mission to Skopje",),
    ("OSCE Office for Democratic Institutions and Human Rights",),
    ("OSCE Programme Office in Bishkek", "OSCE Secretariat"),
    ("OSCE Representative on Freedom of the Media",),
    ("OSCE High Commissioner on National Minorities",),
    ("OSCE Presence in Albania",),
    ("OSCE Mission in Kosovo",),
    ("OSCE Chairpersonship",),
    ("OSCE Parliamentary Assembly",),
    ("OSCE Spillover Monitor Mission to Skopje (closed)",),
)
FIELDS: tuple[tuple[str, ...], ...] = (
    ("Combating trafficking in human beings",),
    ("Policing", "Human rights"),
    ("Elections", "Democratization"),
    ("Media freedom and development",),
    ("National minority issues", "Education"),
    ("Border management",),
    ("Gender equality", "Youth"),
    ("Cyber/ICT Security",),
    ("Conflict prevention and resolution",),
    ("Environmental activities", "Good governance", "Rule of law"),
    (),
)
CONTENT_TYPES: tuple[str | None, ...] = ("Press release", "News", None, "Press release", "Press statement", "News")
SECTIONS = ("secretariat", "cio", "odihr/elections", "hcnm", "programme-office-in-bishkek", "skopje", "fom",
            "presence-in-albania", "kosovo", "pa")
TOPICS: tuple[tuple[str, str], ...] = (
    ("concludes visit to {country} focused on victim protection",
     "{official} today concluded a three-day visit to {country} focused on the identification of victims "
     "and on shelters run by civil society."),
    ("trains {country} border officers in risk analysis",
     "{official} opened a five-day course for border officers of {country} on risk analysis and the "
     "detection of forged travel documents."),
    ("supports {country} election administration ahead of vote",
     "{official} met members of the Central Election Commission of {country} to discuss the training "
     "of polling station staff before the vote."),
    ("urges authorities in {country} to protect journalists",
     "{official} today urged the authorities of {country} to investigate threats made against three "
     "local reporters and to bring those responsible to justice."),
    ("marks anniversary of language education programme in {country}",
     "{official} attended a ceremony marking ten years of a programme that teaches the state language "
     "to pupils from national minorities in {country}."),
    ("hosts regional conference on community policing",
     "{official} welcomed police commanders from {country} and neighbouring States to a conference on "
     "community policing and trust between police and residents."),
    ("launches handbook on gender-sensitive approaches in {country}",
     "{official} presented a handbook that helps municipal officials in {country} plan services with "
     "the needs of women and men in mind."),
    ("holds seminar on cyber confidence-building measures",
     "{official} addressed experts from {country} and other participating States at a seminar on the "
     "OSCE's confidence-building measures for cyberspace."),
)
TOPIC_COUNTRIES = ("Uzbekistan", "North Macedonia", "Kyrgyzstan", "Albania", "Moldova", "Georgia", "Montenegro",
                   "Tajikistan", "Serbia", "Armenia", "Kazakhstan")
SECOND_PARAGRAPHS = (
    "The event brought together representatives of ministries, parliament and civil society organizations.",
    "Participants shared practical experience and agreed on recommendations to be presented to the "
    "government later this year.",
    "The activity is part of a project funded by several participating States and implemented with "
    "national partners.",
    "\u201cCo-operation across borders is the only answer to threats that know no borders,\u201d the "
    "organizers said in closing.",
)
# Sentences for longer bodies (benchmarks ask for releases of 600 to 1,200 words).
FILLER_SENTENCES = (
    "The training combined lectures with practical exercises based on cases from the region.",
    "Experts from several participating States shared how their institutions handle similar challenges.",
    "Representatives of civil society stressed the importance of involving local communities from the start.",
    "The participants visited a border crossing point to observe risk analysis procedures in practice.",
    "A follow-up meeting is planned for the autumn to review how the recommendations have been implemented.",
    "The OSCE has supported reforms in this area for more than a decade, in close co-operation with the host "
    "country's authorities.",
    "Discussions focused on data protection, the rights of victims and the co-ordination between agencies.",
    "The handbook will be distributed to all municipalities and made available online in three languages.",
    "Young people from both sides of the border took part in workshops on media literacy and dialogue.",
    "The event was organized within the framework of an extra-budgetary project funded by several donors.",
)
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")


@dataclass
class MockRelease:
    """One release of the mock site and the record the spider must make of it."""

    node_id: str
    section: str
    title: str
    date: dt.date
    content_type: str | None
    sources: tuple[str, ...]
    fields: tuple[str, ...]
    paragraphs: list[str]
    dateline: str | None
    places: tuple[str, ...]
    country_codes: tuple[str | None, ...]
    label_place: str | None
    officials: list[tuple[str, str]]  # (name, main title)
    show_date_value: bool
    listing_has_date: bool = True
    meta_date_only: bool = False
    aliases: list[str] = field(default_factory=list)
    standalone_line: str | None = None
    caption: str | None = None

    @property
    def path(self) -> str:
        return f"/{self.section}/{self.node_id}"

    @property
    def printed_date(self) -> str:
        return f"{self.date.day} {MONTH_NAMES[self.date.month - 1]} {self.date.year}"


def _printed(shape: DatelineShape, date: dt.date) -> str:
    month = MONTH_NAMES[date.month - 1]
    return shape.date_format.format(day=date.day, month=month, mon=month[:3], year=date.year)


#: How far apart the node ids of two releases in a row are.
NODE_STEP = 37


def make_releases(
    count: int = 64,
    extra_paragraphs: int = 0,
    *,
    first_node: int = 560000,
    newest: dt.date = dt.date(2025, 6, 30),
) -> list[MockRelease]:
    """The mock newsroom, newest first: ``count`` releases over several years.

    ``extra_paragraphs`` lengthens every body (benchmarks use about ten, for 600 to 1,200 words). Node ids
    step down by 37 from ``first_node``, which is raised when that many steps would reach ids of four digits.
    """
    first_node = max(first_node, NODE_STEP * count + 10_000)
    releases: list[MockRelease] = []
    for i in range(count):
        date = newest - dt.timedelta(days=23 * i % 11000)
        shape = DATELINE_SHAPES[i % len(DATELINE_SHAPES)]
        phrase, name, title, later = OFFICIALS[i % len(OFFICIALS)]
        topic_title, topic_lead = TOPICS[i % len(TOPICS)]
        country = TOPIC_COUNTRIES[i % len(TOPIC_COUNTRIES)]
        sentence = topic_lead.format(official=phrase, country=country)
        if shape is None:
            opener = f"On {date.day} {MONTH_NAMES[date.month - 1]} {date.year}, " if i % 2 else ""
            if opener:
                sentence = sentence[0].lower() + sentence[1:] if sentence.startswith("The ") else sentence
            lead = opener + sentence
            dateline, places, codes, label_place = None, (), (), None
        else:
            dateline = shape.text.format(date=_printed(shape, date)).rstrip()
            lead = shape.text.format(date=_printed(shape, date)) + sentence
            # osce.org prints the place again under "Place:", in capitals.
            places, codes, label_place = shape.places, shape.country_codes, shape.label_place or shape.places[0].upper()
        paragraphs = [lead, SECOND_PARAGRAPHS[i % len(SECOND_PARAGRAPHS)]]
        if later:
            paragraphs.append(later)
        for k in range(extra_paragraphs + (i % 5 if extra_paragraphs else 0)):
            paragraphs.append(" ".join(FILLER_SENTENCES[(i + k + j) % len(FILLER_SENTENCES)] for j in range(6)))
        structure_title = title.removeprefix("OSCE ").split(" of ")[0]
        release = MockRelease(
            node_id=str(first_node - i * NODE_STEP),
            section=SECTIONS[i % len(SECTIONS)],
            title=f"{structure_title} {topic_title.format(country=country)}",
            date=date,
            content_type=CONTENT_TYPES[i % len(CONTENT_TYPES)],
            sources=SOURCES[i % len(SOURCES)],
            fields=FIELDS[i % len(FIELDS)],
            paragraphs=paragraphs,
            dateline=dateline,
            places=places,
            country_codes=codes,
            label_place=label_place,
            officials=[(name, title)],
            show_date_value=i % 3 == 0,
        )
        releases.append(release)
    if count >= 46:
        _add_quirks(releases)
    return releases


def _add_quirks(releases: list[MockRelease]) -> None:
    """The real site's oddities, each on a few releases."""
    releases[3].title = "\u201cMedia freedom is a shared responsibility,\u201d says Representative in Vienna"
    releases[5].title = "2024 report: " + releases[5].title
    releases[7].title = "COVID-19: " + releases[7].title
    releases[9].aliases.append(f"/node/{releases[9].node_id}")
    releases[21].aliases.append(f"/node/{releases[21].node_id}")
    # The date is known only from the dateline, or only from the page's metadata.
    for index in (13, 36):
        releases[index].listing_has_date = False
        releases[index].show_date_value = False
    releases[20].listing_has_date = False
    releases[20].show_date_value = False
    releases[20].meta_date_only = True
    # Older pages: a standalone place-and-date line and a photo caption above the body.
    for index in (41, 43, 45):
        release = releases[index]
        if release.dateline and release.places:
            release.standalone_line = f"{release.dateline.split(',')[0]} {release.printed_date}"
        release.caption = "Participants of the training course at the OSCE Academy. (OSCE) Photo details"
