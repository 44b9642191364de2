"""Named officials and their titles, by the patterns of OSCE press releases.

Shapes: "Title, Name," · "Name, Title," · "Title Name" · chained titles
("The OSCE Chairperson-in-Office, Serbia's Foreign Minister Ivica Dačić") ·
later mentions by surname alone. A person counts only when the text gives
them a title; precision comes first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_UP = r"[A-ZÀ-ÖØ-ÞĀ-ſ]"  # an upper-case letter, Latin script with diacritics
_NAME_WORD = rf"{_UP}[\w'’-]*\w|{_UP}\."  # a word, or an initial such as "P."
_PARTICLE = r"(?:van|von|der|den|de|del|della|da|di|du|la|le|al|el|bin|ibn|ter|zu|dos|das)"
#: A personal name: two to four capitalised words, name particles allowed between them.
NAME_RE = re.compile(rf"(?:{_NAME_WORD})(?:\s(?:{_PARTICLE}\s){{0,2}}(?:{_NAME_WORD})){{1,3}}")
SURNAME_RE = re.compile(rf"{_UP}[\w'’-]+")

#: Words that end a title phrase and stand right before a name ("Foreign Minister Ilkka Kanerva").
TITLE_HEADS = (
    "Secretary General|Secretary-General|Chairperson-in-Office|Chairman-in-Office|Chairwoman-in-Office|"
    "Chairperson|Chairman|Chairwoman|Chair|Co-Chair|President|Vice-President|Vice President|"
    "Prime Minister|Minister|Deputy|Ambassador|Head|Director|Director General|Director-General|"
    "Representative|Co-ordinator|Coordinator|Commissioner|High Commissioner|Mayor|Governor|"
    "Member of Parliament|MP|Senator|Parliamentarian|Judge|Prosecutor|Prosecutor General|General|"
    "Colonel|Lieutenant|Major|Commander|Chief|Professor|Prof\\.|Dr\\.|Rapporteur|Envoy|Spokesperson|"
    "Spokesman|King|Queen|Prince|Princess|Officer|Adviser|Advisor|Secretary|Speaker|Ombudsperson|"
    "Ombudsman|Patriarch|Mufti|Bishop|Archbishop|Sheikh|Lord|Baroness|Baron|Count|Emir|Premier|"
    "Chancellor|Counsellor|Counselor|Attache|Attaché|Consul|Consul General|Vice-Chair|Vice-Chairperson|"
    "Under-Secretary-General|Assistant Secretary-General|Deputy Head|Acting Head|Head of Mission|Leader|"
    "Founder|Executive Director|Manager|Expert|Officer-in-Charge|Chargé d'Affaires|Charge d'Affaires"
)
_HEAD_RE = re.compile(rf"\b(?:{TITLE_HEADS})\b")
#: Ranks and honorifics written before a name; they are titles, not part of the name.
_RANKS = (
    "Ambassador|Amb\\.|Minister|President|General|Gen\\.|Colonel|Col\\.|Lieutenant|Major|Professor|"
    "Prof\\.|Dr\\.|Dr|Judge|Mayor|Governor|Senator|Commander|Chief|King|Queen|Prince|Princess|"
    "Lord|Baroness|Baron|Sir|Dame|Mr\\.|Mr|Mrs\\.|Mrs|Ms\\.|Ms|Madam|Mme"
)
_RANK_PREFIX_RE = re.compile(rf"^(?P<rank>(?:{_RANKS}))\s+")
_HONORIFICS = frozenset("Mr Mr. Mrs Mrs. Ms Ms. Madam Mme Sir Dame".split())
_CONNECTORS = frozenset("of for on in the and to at with de du".split())
_LEADING_WORDS_RE = re.compile(r"^(?:the|his|her|its|their|our|a|an|and|as|by|with)\s+", re.I)

# Capitalised words that are never part of a person's name.
_NOT_NAME_WORDS = frozenset(
    """OSCE ODIHR HCNM RFoM SMM UN UNDP UNHCR UNICEF EU NATO PA OSCE's Organization Organisation
    Office Mission Missions Council Centre Center Ministry Committee Commission Assembly Parliament
    Union Nations Republic Federation Kingdom States Government Agency Institute University Court
    Police Rights Watch Forum Conference Programme Program Project Academy Secretariat Presence
    Department Bureau Service Foundation Association Network Law Act Day Week Declaration Strategy
    Plan Report Group Board Party Bank Fund Alliance Council's Chairmanship Chairpersonship Mr Mrs Ms
    January February March April May June July August September October November December Monday
    Tuesday Wednesday Thursday Friday Saturday Sunday The This That These Those In On At For From With
    By As After Before During Under Today He She His Her They We It Its Our Their Special Deputy
    Human Security Co-operation Cooperation National International Regional European Permanent
    High Commissioner Representative Minister Ambassador Secretary General President Head Director
    Chairperson-in-Office Chairman-in-Office Chairperson Chairman Chair Media Freedom Democratic
    Institutions Elections Election Observation Border Management Staff College Supreme Justice
    Constitutional Interior Foreign Affairs Defence Defense Education Health Economy Finance
    Prosecutor Prosecutor's Street Square Hall Palace House Building Region Province District City
    Municipality Town Village Province Oblast Rayon Highway Airport Lake River Mount Sea Balkans
    Caucasus Asia Europe America Central Eastern Western Northern Southern South North East West
    Roma Sinti Ukraine Russia Serbia Kosovo Albania Moldova Georgia Armenia Azerbaijan Kazakhstan
    Kyrgyzstan Tajikistan Turkmenistan Uzbekistan Belarus Bosnia Herzegovina Montenegro Macedonia
    Croatia Slovenia Austria Germany France Italy Spain Poland Finland Sweden Norway Denmark Vienna
    Warsaw Prague Hague Geneva Brussels Strasbourg Skopje Belgrade Tirana Sarajevo Pristina Chisinau
    Tbilisi Yerevan Baku Astana Almaty Bishkek Dushanbe Ashgabat Tashkent Kyiv Kiev Minsk Moscow
    Helsinki Copenhagen Madrid Rome Ljubljana Zagreb Podgorica Bucharest Sofia Athens Ankara
    Washington Paris London Berlin Bratislava Budapest Riga Vilnius Tallinn Oslo Stockholm Dublin
    Lisbon Luxembourg Valletta Nicosia Reykjava Ohrid Osh Mitrovica""".split()
)


_NAME_OR_RANK = rf"(?:(?:{_RANKS})\s+)*{NAME_RE.pattern}"
_TITLE_COMMA_NAME_RE = re.compile(
    rf",\s+(?P<name>{_NAME_OR_RANK})(?=\s*[,.;)]|\s+(?:said|says|today|and|who|has|will)\b)"
)
_NAME_COMMA_TITLE_RE = re.compile(
    rf"(?P<name>{NAME_RE.pattern}),\s+"
    rf"(?=(?:the\s+|an?\s+)?(?:OSCE|{TITLE_HEADS}|[A-Z]\w+(?:'s|’s)?\s+(?:{TITLE_HEADS})))"
)
_TITLE_NAME_RE = re.compile(rf"\b(?P<head>{TITLE_HEADS})\s+(?P<name>{NAME_RE.pattern}|{_UP}[\w'’-]+\b)")
_SURNAME_ONLY_RE = re.compile(rf"{_UP}[a-zà-ÿ'’-]{{2,}}")


@dataclass(slots=True)
class Official:
    """A named person given a title in a release."""

    name: str
    titles: list[str] = field(default_factory=list)
    mentions: int = 1

    @property
    def title(self) -> str | None:
        """The most complete title: the longest one."""
        return max(self.titles, key=len) if self.titles else None

    def to_dict(self) -> dict[str, Any]:
        """The record's ``officials`` entry."""
        return {"name": self.name, "title": self.title, "titles": list(self.titles), "mentions": self.mentions}


def _is_name(candidate: str) -> bool:
    words = [w for w in candidate.split() if not re.fullmatch(_PARTICLE, w)]
    if not words or any(w.rstrip(".,'’s") in _NOT_NAME_WORDS or w in _NOT_NAME_WORDS for w in words):
        return False
    return not any(w.isupper() and len(w) > 2 for w in words)  # acronyms are organisations


def _clean_title(title: str) -> str:
    title = " ".join(title.split()).strip(" ,;:")
    while True:
        stripped = _LEADING_WORDS_RE.sub("", title)
        if stripped == title:
            return title
        title = stripped


def _title_before(text: str, end: int) -> str:
    """The capitalised title phrase that ends at ``end`` (walking back over words)."""
    words = list(re.finditer(r"[\w'’.()-]+", text[max(0, end - 160) : end]))
    offset = max(0, end - 160)
    start = end
    for word in reversed(words):
        gap = text[offset + word.end() : start]
        if any(ch in gap for ch in ",;:\"“”()–—-") or "\n" in gap:
            break
        token = word.group()
        if start < end and token.endswith(".") and len(token) > 3:
            break  # the previous sentence ends here
        if token[0].isupper() or token.lower() in _CONNECTORS:
            start = offset + word.start()
            continue
        break
    return _clean_title(text[start:end])


def _title_after(text: str, start: int) -> str:
    """The title phrase that starts at ``start`` and runs to the next comma or full stop."""
    match = re.match(r"\s*([^,;.\"“”()]{3,160}(?:\([^)]*\)[^,;.\"“”]*)?)", text[start:])
    if not match:
        return ""
    phrase = match.group(1)
    cut = re.search(r"\s(?:said|says|stated|added|noted|who|which|that|today|yesterday|has|have|will|was|is)\b", phrase)
    if cut:
        phrase = phrase[: cut.start()]
    return _clean_title(phrase)


def _split_rank(name: str) -> tuple[str, list[str]]:
    ranks: list[str] = []
    while match := _RANK_PREFIX_RE.match(name):
        rank = match.group("rank")
        if rank not in _HONORIFICS:
            ranks.append(rank.rstrip("."))
        name = name[match.end() :]
    return name, ranks


def find_officials(text: str) -> list[Official]:
    """The named officials of a release, one entry per person.

    >>> [o.to_dict() for o in find_officials(
    ...     "VIENNA, 3 May 2019 – The OSCE Secretary General, Thomas Greminger, met Ambassador "
    ...     "Radojko Bogojević today. Greminger said the talks were useful.")]
    ... # doctest: +NORMALIZE_WHITESPACE
    [{'name': 'Thomas Greminger', 'title': 'OSCE Secretary General', 'titles': ['OSCE Secretary General'],
      'mentions': 2},
     {'name': 'Radojko Bogojević', 'title': 'Ambassador', 'titles': ['Ambassador'], 'mentions': 1}]
    """
    found: dict[str, Official] = {}
    order: list[str] = []

    def add(raw_name: str, titles: list[str]) -> None:
        name, ranks = _split_rank(raw_name.strip())
        name = name.strip(" ,.")
        if not name or not _is_name(name):
            return
        titles = [t for t in (_clean_title(t) for t in titles + ranks) if (t and _HEAD_RE.search(t)) or t in ranks]
        if not titles:
            return
        surname = name.split()[-1]
        key = next((k for k in found if k.split()[-1] == surname), None)
        if key is None:
            found[name] = Official(name, [])
            order.append(name)
            key = name
        elif len(name) > len(key):
            found[name] = found.pop(key)
            found[name].name = name
            order[order.index(key)] = name
            key = name
        for title in titles:
            if title not in found[key].titles:
                found[key].titles.append(title)

    # "Title, Name," and chained "Title, Title Name"
    for match in _TITLE_COMMA_NAME_RE.finditer(text):
        before = _title_before(text, match.start())
        name_part = match.group("name")
        if before and _HEAD_RE.search(before):
            add(name_part, [before])
    # "Name, Title"
    for match in _NAME_COMMA_TITLE_RE.finditer(text):
        title = _title_after(text, match.end())
        if title and _HEAD_RE.search(title):
            add(match.group("name"), [title])
    # "Title Name": the title's last word stands right before the name.
    for match in _TITLE_NAME_RE.finditer(text):
        title = _title_before(text, match.end("head"))
        name = match.group("name")
        lone_surname = len(name.split()) == 1 and not any(k.split()[-1] == name for k in found)
        if lone_surname and (name in _NOT_NAME_WORDS or not _SURNAME_ONLY_RE.fullmatch(name)):
            continue
        chained = []
        prefix = text[: match.start("head") - len(title) + len(match.group("head"))].rstrip()
        if prefix.endswith(","):
            earlier = _title_before(text, len(prefix) - 1)
            if earlier and _HEAD_RE.search(earlier):
                chained.append(earlier)
        add(name, [*chained, title])

    for name in order:
        surname = re.escape(name.split()[-1])
        found[name].mentions = max(1, len(re.findall(rf"(?<![\w-]){surname}(?![\w-])", text)))
    return [found[name] for name in order]
