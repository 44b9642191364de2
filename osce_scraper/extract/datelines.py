"""Datelines: the place-and-date prefix that opens a release ("TASHKENT, 29 March 2018 – ")."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from osce_scraper.extract.dates import parse_date
from osce_scraper.extract.places import is_country_name
from osce_scraper.extract.vocabulary import MONTHS

_LETTER = r"[^\W\d_]"
# One word of a place name: "TASHKENT", "D.C.", "Kamensk-Shakhtinskiy", "BËRNJESH".
_WORD = rf"{_LETTER}[\w.'’‘-]*"
_CONNECTOR = r"(?:am|an|de|del|der|di|la|le|na|nad|on|pod|sur|upon|of|i)"
_NAME = rf"{_WORD}(?:\s(?:{_CONNECTOR}\s)?{_WORD}){{0,4}}"
_PLACES = rf"(?P<places>{_NAME}(?:\s*/\s*{_NAME}){{0,5}})"
_COUNTRY = rf"(?:,\s*(?P<country>{_WORD}(?:\s(?:and\s|of\s|the\s)?{_WORD}){{0,4}}))?"
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"
# "29 March 2018", "12-13 May 2003", "12 July" (no year), "June 3, 2002"
_DATE = (
    rf"(?P<date>{_DAY}(?:\s*[-–]\s*{_DAY})?\s+(?:{_MONTH})\.?(?:,?\s+(?:19|20)\d\d)?"
    rf"|(?:{_MONTH})\.?\s+{_DAY},?\s+(?:19|20)\d\d)"
)
_DASH = r"(?:\s*(?:-{1,3}|[–—‒―−]{1,2})(?:\s+|(?=[\"“‘'A-Z])))"
_OSCE = r"(?:\s*\(OSCE\))?"

#: "VIENNA, 3 June 2002- ", "OSH, Kyrgyzstan, 14 March 2006 – ", "PRISTINA 9 January 2002 - "
_PLACE_DATE_RE = re.compile(rf"^{_PLACES}{_COUNTRY},?\s+{_DATE}{_OSCE}{_DASH}", re.I)
#: "TIRANA / BRUSSELS / GENEVA – 6 October 2020. "
_PLACE_DASH_DATE_RE = re.compile(rf"^{_PLACES}{_COUNTRY}{_DASH}{_DATE}{_OSCE}\s*[.,:]?(?:\s+|$)", re.I)
#: "12 June 2025, Sarajevo – "
_DATE_PLACE_RE = re.compile(rf"^{_DATE},?\s+{_PLACES}{_COUNTRY}{_OSCE}{_DASH}", re.I)
#: "Kamensk-Shakhtinskiy, Russian Federation. " (place only; the country must be known)
_PLACE_COUNTRY_RE = re.compile(rf"^{_PLACES}{_COUNTRY}\s*[.:]\s+", re.I)
#: "VIENNA – " (an upper-case place and a dash, no date)
_PLACE_ONLY_RE = re.compile(rf"^{_PLACES}{_OSCE}{_DASH}")
#: "HELSINKI 22 February 2008": a line with nothing but place and date, above some bodies.
_STANDALONE_RE = re.compile(rf"^{_PLACES}{_COUNTRY},?\s+{_DATE}\.?$", re.I)

# Words that open an ordinary sentence, never a dateline's place.
_SENTENCE_OPENERS = frozenset(
    """a about according after against all also although an and as at before between both but by
    during each every following for from further he her his however if in it its last later many
    most more new next on once one our over since she some summary that the their there these they
    this those through to today together under until we when where while with within yesterday""".split()
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline as printed, and its parts."""

    raw: str
    place_names: tuple[str, ...]
    country: str | None
    date_text: str | None

    def date(self) -> dt.date | None:
        """The dateline's date, or None when it prints none or no year.

        >>> Dateline("VIENNA, 12-13 May 2003 –", ("VIENNA",), None, "12-13 May 2003").date()
        datetime.date(2003, 5, 13)
        """
        return parse_date(self.date_text)


_WORD_RE = re.compile(_WORD)
_CONNECTOR_RE = re.compile(_CONNECTOR, re.I)
_PLACE_SEPARATOR_RE = re.compile(r"\s*/\s*")


@lru_cache(maxsize=4096)
def _plausible_places(text: str, strict_case: bool) -> bool:
    # Cached: a crawl's datelines name the same few places again and again. (Called with positional arguments: a
    # keyword makes the cache's key slower to build.)
    words = _WORD_RE.findall(text)
    if not words or (words[0].lower() in _SENTENCE_OPENERS and not words[0].isupper()):
        return False  # "On 22 July 2022, ..." opens a sentence; "THE HAGUE, ..." a dateline
    capitalised = [w for w in words if not _CONNECTOR_RE.fullmatch(w)]
    if not all(w[0].isupper() for w in capitalised):
        return False
    if strict_case:
        return all(w.isupper() or len(w) <= 2 for w in capitalised)
    return True


@lru_cache(maxsize=4096)
def _place_names(places: str) -> tuple[str, ...]:
    """The place names of a dateline's places ("TIRANA / BRUSSELS").

    >>> _place_names("TIRANA / BRUSSELS/GENEVA")
    ('TIRANA', 'BRUSSELS', 'GENEVA')
    """
    return tuple(n.strip() for n in _PLACE_SEPARATOR_RE.split(places) if n.strip())


def _make(match: re.Match[str], text: str) -> Dateline | None:
    groups = match.groupdict()  # a pattern without a country or a date group has no such key
    places = groups["places"]
    country = groups.get("country")
    if country and not is_country_name(country):
        # "WARSAW, VIENNA, ..." style: the second name is another place, not a country.
        if not _plausible_places(country, False):
            return None
        places = f"{places}/{country}"
        country = None
    raw = text[: match.end()].strip()
    return Dateline(raw=raw, place_names=_place_names(places), country=country, date_text=groups.get("date"))


#: How many of the body's first paragraphs may hold the dateline (a summary or a caption may come first).
DATELINE_PARAGRAPHS = 3


def first_dateline(paragraphs: Iterable[str]) -> Dateline | None:
    """The dateline of the first of a body's first :data:`DATELINE_PARAGRAPHS` paragraphs that opens with one.

    >>> first_dateline(["Cadets at the academy.", "OSH, 14 March 2006 - The OSCE ..."]).raw
    'OSH, 14 March 2006 -'
    """
    for text in islice(paragraphs, DATELINE_PARAGRAPHS):
        if dateline := parse_dateline(text):
            return dateline
    return None


def parse_dateline(text: str) -> Dateline | None:
    """The dateline that opens ``text``, or None.

    >>> dateline = parse_dateline("OSH, Kyrgyzstan, 14 March 2006- The OSCE Centre ...")
    >>> dateline.raw, dateline.place_names, dateline.country, dateline.date_text
    ('OSH, Kyrgyzstan, 14 March 2006-', ('OSH',), 'Kyrgyzstan', '14 March 2006')
    >>> parse_dateline("On 22 July 2022, the OSCE held ...") is None
    True
    """
    return _parse_dateline(text.lstrip(" \t\"“")[:300])


# The patterns that open with the places, each judged by _plausible_places on its match, go a long way back over
# every word of an ordinary paragraph before they fail. This gate is a necessary condition of any of them giving a
# match with plausible places: the same places, each word a connector or opening with a letter other than a-z (every
# plausible word does), then what follows the places and country in one of them: a date (after a dash or not), a
# full stop, a dash.
# A lower-case word ends the places at once, so an ordinary sentence is told in a few steps. And a word gives back
# whole pieces only, up to a full stop or a hyphen in it: what can follow a word in these patterns opens with white
# space or a sign, never with a letter, a digit or an apostrophe, so no other end of a word can be followed by it.
_WORD_PIECES = r"[\w'’‘]*+(?:[.-][\w'’‘]*+)*"
_GATE_WORD = rf"(?:(?-i:[^\W\d_a-z]){_WORD_PIECES}|{_CONNECTOR}(?![\w'’‘]))"
_GATE_NAME = rf"{_GATE_WORD}(?:\s(?:{_CONNECTOR}\s)?{_GATE_WORD}){{0,4}}"
_GATE_COUNTRY_WORD = rf"{_LETTER}{_WORD_PIECES}"
_GATE_COUNTRY = rf"(?:,\s*{_GATE_COUNTRY_WORD}(?:\s(?:and\s|of\s|the\s)?{_GATE_COUNTRY_WORD}){{0,4}})?"
# What follows the places and country in _PLACE_DATE_RE, _PLACE_DASH_DATE_RE, _PLACE_COUNTRY_RE, _PLACE_ONLY_RE.
# (A date opens with a digit or a month's first letter: told by one look before the months are tried one by one.)
_ANY_DATE = rf"(?=\d|[{''.join(sorted({month[0] for month in MONTHS}))}])" + _DATE.replace("(?P<date>", "(?:", 1)
_AFTER_PLACES = rf"(?:,?\s+{_ANY_DATE}|{_DASH}{_ANY_DATE}|\s*[.:]\s+|{_OSCE}(?-i:{_DASH}))"
_PLACES_GATE_RE = re.compile(rf"^{_GATE_NAME}(?:\s*/\s*{_GATE_NAME}){{0,5}}{_GATE_COUNTRY}{_AFTER_PLACES}", re.I)


def _may_open_with_places(text: str) -> bool:
    """False when no pattern opening with the places can match ``text`` with plausible places.

    >>> _may_open_with_places("VIENNA, 3 June 2002 - The Chair ..."), _may_open_with_places("Experts met in Vienna.")
    (True, False)
    """
    first = _FIRST_WORD_RE.match(text)
    if first and first[0].lower() in _SENTENCE_OPENERS and not first[0].isupper():
        return False  # every such pattern's places open with this word: _plausible_places refuses it
    return _PLACES_GATE_RE.match(text) is not None


# The first word when no full stop, hyphen or apostrophe continues it (a place's first word could end before one).
_FIRST_WORD_RE = re.compile(r"\w++(?![.'’‘-])")


# Each date the patterns read has a digit: its day, or its year after a month. A text without one gives no dated
# pattern a match (the dated patterns fail slowly on a place and its country: "Kamensk-Shakhtinskiy, Russian ...").
_DIGIT_RE = re.compile(r"\d")


@lru_cache(maxsize=1024)
def _parse_dateline(text: str) -> Dateline | None:
    # Cached: the dates and the places of a record both read its dateline.
    dated = _DIGIT_RE.search(text) is not None
    match = _DATE_PLACE_RE.match(text) if dated else None
    if match and _plausible_places(match["places"], False):
        return _make(match, text)
    if not _may_open_with_places(text):
        return None
    for pattern in (_PLACE_DATE_RE, _PLACE_DASH_DATE_RE) if dated else ():
        match = pattern.match(text)
        if match and _plausible_places(match["places"], False):
            return _make(match, text)
    match = _PLACE_COUNTRY_RE.match(text)
    if (
        match
        and match["country"]
        and is_country_name(match["country"])
        and _plausible_places(match["places"], False)
    ):
        return _make(match, text)
    match = _PLACE_ONLY_RE.match(text)
    if match and _plausible_places(match["places"], True):
        return _make(match, text)
    return None


# A standalone dateline ends with its date: its year, or its month when it prints none, after white space (and a
# full stop or two). A line that ends otherwise (a paragraph, nearly always) is passed over before the whole
# pattern, which backtracks over every word of it.
_DATE_AT_END_RE = re.compile(rf"\s(?:(?:19|20)\d\d|{_MONTH})$", re.I)
_DATE_AT_END_CHARS = 1 + max(4, *map(len, MONTHS))


def _standalone_match(text: str) -> re.Match[str] | None:
    """``_STANDALONE_RE.match(text)`` for a stripped line, told quickly when the line cannot end with a date.

    >>> _standalone_match("HELSINKI 22 February 2008.")["places"], _standalone_match("He left in May 2008 too")
    ('HELSINKI', None)
    """
    if not _DATE_AT_END_RE.search(text.rstrip(".")[-_DATE_AT_END_CHARS:]):
        return None
    return _STANDALONE_RE.match(text)


def is_standalone_dateline(text: str) -> bool:
    """True for a line holding only a place and a date ("HELSINKI 22 February 2008").

    >>> is_standalone_dateline("HELSINKI 22 February 2008"), is_standalone_dateline("22 February 2008")
    (True, False)
    """
    match = _standalone_match(text.strip())
    return bool(match) and _plausible_places(match["places"], True)


def standalone_dateline(text: str) -> Dateline | None:
    """A standalone place-and-date line read as a dateline, or None."""
    match = _standalone_match(text.strip())
    if not match or not _plausible_places(match["places"], True):
        return None
    return _make(match, text.strip())
