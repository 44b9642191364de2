"""Named officials and their titles, by the patterns of OSCE press releases.

Shapes: "Title, Name," · "Name, Title," · "Title Name" (also when the title is
long: "OSCE Representative on Freedom of the Media Harlem Désir") · chained
titles ("The OSCE Chairperson-in-Office, Serbia's Foreign Minister Ivica
Dačić") · lists after a plural title ("Senators A, B and C") · later mentions
by surname alone. A person counts only when the text gives them a title:
precision comes first.

Where a title and a name run together, a lexicon of given names (``given_names.py``:
39,000 names of some 110 locales, from Faker) tells where the name starts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from osce_scraper.extract import vocabulary
from osce_scraper.extract.given_names import given_names
from osce_scraper.extract.places import city_population, fold, is_country_name
from osce_scraper.extract.vocabulary import (
    HONORIFICS,
    LOWER_ROLE_HEADS,
    LOWER_TITLE_HEADS,
    LOWER_TITLE_WORDS,
    MONTH_NAMES,
    NAME_PARTICLES,
    PLURAL_TITLE_HEADS,
    RANKS,
    WEEKDAYS,
    alternation,
)

_UP = r"[A-ZÀ-ÖØ-ÞĀ-ſ]"  # an upper-case letter, Latin script with diacritics
_NAME_WORD = rf"{_UP}[\w'’-]*\w|(?:{_UP}\.){{1,4}}"  # a word, or initials such as "P." or "J.A.M."
_PARTICLE = f"(?:{alternation(NAME_PARTICLES)})"
#: A personal name: two to four capitalised words, name particles allowed between them.
NAME_RE = re.compile(rf"(?:{_NAME_WORD})(?:\s(?:{_PARTICLE}\s){{0,2}}(?:{_NAME_WORD})){{1,3}}")

TITLE_HEADS = alternation(vocabulary.TITLE_HEADS)
# The look-ahead for a capital lets the long alternation fail fast at every other position.
_HEAD_RE = re.compile(rf"\b(?=[A-Z])(?:{TITLE_HEADS})\b")
# Without a leading assertion the scan skips to the heads' first letters; the word start is checked after.
_HEAD_SCAN_RE = re.compile(rf"(?:{TITLE_HEADS})\b")


def _title_heads(text: str) -> Iterator[re.Match[str]]:
    """``_HEAD_RE.finditer(text)``, three times faster on long texts.

    >>> [m.group() for m in _title_heads("The XMinister met Co-Chair and Minister-Counsellor Head")]
    ['Co-Chair', 'Minister', 'Counsellor', 'Head']
    """
    position = 0
    while match := _HEAD_SCAN_RE.search(text, position):
        start = match.start()
        if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            position = start + 1  # inside a word: a head may still start further on
            continue
        yield match
        position = match.end()


_PLURAL_HEADS = alternation(PLURAL_TITLE_HEADS)
_PLURAL_RE = re.compile(rf"\b(?:{_PLURAL_HEADS})\b")
_RANKS = alternation(RANKS)
_RANK_PREFIX_RE = re.compile(rf"^(?P<rank>(?:{_RANKS}))\s+")
_CONNECTORS = frozenset("of for on in the and to at with de du there".split())
# Words that end a name in a run of title and name words.
_NAME_STOPS = frozenset("of for on in the and to at with there".split())
_LOWER_HEAD_RE = re.compile(rf"\b(?:{alternation(LOWER_TITLE_HEADS)})\b")
_LEADING_WORDS_RE = re.compile(r"^(?:the|his|her|its|their|our|a|an|and|as|by|with)\s+", re.I)

# Capitalised words that are never part of a person's name: structures, offices, regions. Months,
# weekdays and places come from their own vocabularies (see _is_not_name_word).
_NOT_NAME_WORDS = frozenset(
    """OSCE ODIHR HCNM RFoM SMM UN UNDP UNHCR UNICEF EU NATO PA OSCE's Organization Organisation
    Office Mission Missions Council Centre Center Ministry Committee Commission Assembly Parliament
    Union Nations Republic Federation Kingdom States Government Agency Institute University Court
    Police Rights Watch Forum Conference Programme Program Project Academy Secretariat Presence
    Department Bureau Service Foundation Association Network Law Act Day Week Declaration Strategy
    Plan Report Group Board Party Bank Fund Alliance Council's Chairmanship Chairpersonship Mr Mrs Ms
    The This That These Those In On At For From With
    By As After Before During Under Today He She His Her They We It Its Our Their Special Deputy
    Human Security Co-operation Cooperation National International Regional European Permanent
    High Commissioner Representative Minister Ambassador Secretary General President Head Director
    Chairperson-in-Office Chairman-in-Office Chairperson Chairman Chair Media Democratic
    Institutions Elections Election Observation Border Management Staff College Supreme Justice
    Constitutional Interior Foreign Affairs Defence Defense Education Health Economy Finance
    Prosecutor Prosecutor's Street Square Hall Palace House Building Region Province District City
    Municipality Town Village Oblast Rayon Highway Airport Lake River Mount Sea Balkans
    Caucasus Asia Europe America Central Eastern Western Northern Southern South North East West
    Roma Sinti Bosnia Herzegovina Valletta Hague Kiev Mitrovica Ohrid Issues Policy Negotiations Enlargement
    Neighbourhood Minorities Delegation Trade Development Affairs Gender Equality Trafficking Beings
    Combating Countering Terrorism Freedom Assembly's Dimension Economic Environmental Activities
    Transnational Threats Operations Cyber Migration Youth Tolerance Non-discrimination Languages
    Co-ordinator Coordinator Co-Ordinator Officer Adviser Advisor Spokesperson Envoy Rapporteur
    Senior Acting Executive Vice Chief Assistant Mayor Governor Judge Senator Member Members
    Parliamentarian Speaker Leader Prime Premier Chancellor Counsellor Consul Commander Colonel
    Lieutenant Major Professor King Queen Prince Princess Lord Baroness Baron Captain Admiral
    State Federal Republican Kingdom's United Resident Coordinator's Nations' Heads Holy See Administration
    Training Network Initiative Unit Division Section Team Secretariat's Office's Mission's Partners
    Co-Chair Co-Chairs Chairs Observer Observers Monitoring Monitors Special""".split()
) | frozenset(WEEKDAYS) | (frozenset(MONTH_NAMES) - {"June"})  # June is a given name too
# Many surnames and given names are also the names of towns ("Harlem", "Nancy"): a city's name counts
# as a place only for a large city, and a very large one when it is a given name too ("Sofia", "Paris").
# Valletta, The Hague, Kiev, Mitrovica and Ohrid are listed above: the gazetteer knows them under
# other names or as smaller towns.
_LARGE_CITY, _VERY_LARGE_CITY = 200_000, 1_000_000


@cache
def _is_not_name_word(word: str) -> bool:
    """True for a capitalised word that is never part of a person's name: an office, a structure, a month,
    a country or a city the gazetteer knows.

    >>> _is_not_name_word("Mission"), _is_not_name_word("Tashkent"), _is_not_name_word("Harlem")
    (True, True, False)
    """
    if word in _NOT_NAME_WORDS or is_country_name(word):
        return True
    population = city_population(word)
    return population >= (_VERY_LARGE_CITY if fold(word) in given_names() else _LARGE_CITY)


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


def is_given_name(word: str) -> bool:
    """True for a known given name (not one that is usually an ordinary word).

    >>> is_given_name("Anatoly"), is_given_name("Mission"), is_given_name("Ivana")
    (True, False, True)
    """
    return fold(word) in given_names() and not _is_not_name_word(word)


def _is_name_word(word: str) -> bool:
    if re.fullmatch(_PARTICLE, word):
        return True
    if not re.fullmatch(_NAME_WORD, word) or _is_not_name_word(word.rstrip("'’s")) or _is_not_name_word(word):
        return False
    return not (word.isupper() and len(word) > 2)  # acronyms are organisations


def _is_name(candidate: str) -> bool:
    words = candidate.split()
    if not words or re.fullmatch(_PARTICLE, words[0]) or re.fullmatch(_PARTICLE, words[-1]):
        return False
    if len(words) >= 3:  # a middle name may be an ordinary word ("Ruth Freedom Pojman")
        middle_ok = all(re.fullmatch(_NAME_WORD, w) or re.fullmatch(_PARTICLE, w) for w in words[1:-1])
        return middle_ok and _is_name_word(words[0]) and _is_name_word(words[-1])
    return all(_is_name_word(w) for w in words)


_PREPOSITIONS = frozenset("of to in for at with by from under on during after before about".split())
# "... of Austria and Ambassador": what is left of a title once another person's name is cut off.
_AFTER_OTHER_NAME_RE = re.compile(rf"^(?:\s+of\s+{_UP}[\w'’-]*(?:\s+{_UP}[\w'’-]*){{0,2}})?\s*(?:,|\band\b)\s*")


def _clean_title(title: str) -> str:
    """A title without leading articles and without the fragment of a sentence before it.

    >>> _clean_title("of President"), _clean_title("in Tashkent of Uzbek President")
    ('President', 'Uzbek President')
    >>> _clean_title("to the OSCE Chairman-in-Office"), _clean_title("Head of the OSCE Mission to Moldova")
    ('OSCE Chairman-in-Office', 'Head of the OSCE Mission to Moldova')
    >>> _clean_title("of")  # a preposition alone: no title, and no error
    ''
    """
    title = " ".join(title.split()).strip(" ,;:")
    words = title.split(" ")
    if words and words[0].lower() in _PREPOSITIONS:
        # A sentence's words before the title ("the meeting in Tashkent of Uzbek President ..."):
        # the title starts after the last preposition of that stretch.
        first_head = next((i for i, w in enumerate(words) if _HEAD_RE.fullmatch(w) or _LOWER_HEAD_RE.fullmatch(w)),
                          len(words))
        cut = max(i for i, w in enumerate(words[:first_head]) if w.lower() in _PREPOSITIONS)  # words[0] is one
        title = " ".join(words[cut + 1 :])
    while True:
        stripped = _LEADING_WORDS_RE.sub("", title)
        if stripped == title:
            return title
        title = stripped


def _without_other_names(title: str) -> str:
    """A title without any other person's name it holds, nor that person's title.

    >>> _without_other_names("Marek Nowak of Poland and Ambassador")
    'Ambassador'
    >>> _without_other_names("Head of the OSCE Office and Ivan Petrovski")
    'Head of the OSCE Office'
    >>> _without_other_names("Minister of Foreign Affairs Ivan Petrovski")
    ''
    """
    for match in reversed(list(NAME_RE.finditer(title))):
        words = match.group().split()
        first = next((i for i, w in enumerate(words) if is_given_name(w)), None)
        if first is None or not _is_name(" ".join(words[first:])) or len(words) - first < 2:
            continue
        name_start = match.start() + len(" ".join(words[:first])) + (1 if first else 0)
        rest = title[match.end() :]
        if rest.strip():  # "B of Y and Ambassador": what follows the other person is this one's
            return _clean_title(_AFTER_OTHER_NAME_RE.sub("", rest, count=1))
        before = title[:name_start]
        if re.search(r"(?:,|\band)\s*$", before):  # "Head of X and B": the title ends before the other person
            return _clean_title(re.sub(r"(?:,|\band)\s*$", "", before))
        return ""  # "Minister of Foreign Affairs B": the other person's title
    return title


def _title_span(text: str, end: int, *, lower_case: bool = False) -> tuple[int, str]:
    """(start, title) of the title phrase that ends at ``end``, walking back over its words.

    Capitalised words and connectors belong to it; with ``lower_case``, also the
    lower-case title words of phrases such as "the former Serbian leader".
    """
    # "the Head of the OSCE Mission to Moldova (the Mission), Name": the bracket is no part of the title.
    if bracket := re.search(r"\s*\([^()]{1,40}\)\s*$", text[max(0, end - 45) : end]):
        end -= len(bracket.group())
    window = max(0, end - 200)
    words = list(re.finditer(r"[\w'’.()-]+", text[window:end]))
    start = end
    for position in range(len(words) - 1, -1, -1):
        word = words[position]
        gap = text[window + word.end() : start]
        if any(ch in gap for ch in ",;:\"“”()–—-") or "\n" in gap:
            break
        token = word.group()
        if start < end and token.endswith(".") and len(token) > 3:
            break  # the previous sentence ends here
        if token == "and" and position and _is_name(words[position - 1].group()):
            break  # "Lamberto Zannier and EU Commissioner ...": the title starts after the name
        if token[0].isupper() or token.lower() in _CONNECTORS or (lower_case and token in LOWER_TITLE_WORDS):
            start = window + word.start()
            continue
        break
    return start, _clean_title(text[start:end])


def _title_before(text: str, end: int, *, lower_case: bool = False) -> str:
    """The title phrase that ends at ``end``."""
    return _title_span(text, end, lower_case=lower_case)[1]


def _title_after(text: str, start: int) -> str:
    """The title phrase that starts at ``start`` and runs to the next comma or full stop."""
    match = re.match(r"\s*([^,;.\"“”()]{3,160}(?:\([^)]*\)[^,;.\"“”]*)?)", text[start:])
    if not match:
        return ""
    phrase = match.group(1)
    cut = re.search(
        r"\s(?:said|says|stated|added|noted|who|which|that|today|yesterday|has|have|had|will|was|is|were|are|"
        r"signed|met|opened|visited|called|welcomed|presented|attended)\b",
        phrase,
    )
    if cut:
        phrase = phrase[: cut.start()]
    return _clean_title(phrase)


#: Abbreviated ranks, as titles.
_RANK_TITLES = {"Amb": "Ambassador", "Gen": "General", "Col": "Colonel", "Prof": "Professor"}
_POSSESSIVE_RE = re.compile(r"['’]s$")


def _split_rank(name: str) -> tuple[str, list[str]]:
    """The name without the ranks written before it, and those ranks as titles.

    >>> _split_rank("Amb. Henrik J.A.M. Vollmer")
    ('Henrik J.A.M. Vollmer', ['Ambassador'])
    """
    ranks: list[str] = []
    while match := _RANK_PREFIX_RE.match(name):
        rank = match.group("rank")
        if rank not in HONORIFICS:
            ranks.append(_RANK_TITLES.get(rank.rstrip("."), rank.rstrip(".")))
        name = name[match.end() :]
    return name, ranks


_NAME_OR_RANK = rf"(?:(?:{_RANKS})\s+)*{NAME_RE.pattern}"
_TITLE_COMMA_NAME_RE = re.compile(
    rf",\s+(?P<name>{_NAME_OR_RANK})(?=\s*[,.;)]|\s+\(|\s+[a-z]|['’]s\b)"
)
# "Name, Title" and "Name (MP, Country), Title": found from the comma, which is rarer than a name.
_COMMA_BEFORE_TITLE_RE = re.compile(
    rf",\s+(?=(?:the\s+|an?\s+)?(?:OSCE\b|(?:[A-Z][\w'’-]*\s+){{0,3}}(?:{TITLE_HEADS})\b))"
)
_NAME_BEFORE_COMMA_RE = re.compile(rf"(?P<name>{NAME_RE.pattern})(?:\s+\((?P<aside>[^()]{{1,40}})\))?$")
# A run of title and name words: capitalised words, initials and connectors, up to punctuation.
# Lower-case words that belong to titles ("... on Roma and Sinti issues Mirjam Karoly") may stand in a run.
_RUN_WORD = (
    rf"(?:{_UP}\.|{_UP}[\w'’-]*|of|for|on|in|the|and|to|at|{alternation(NAME_PARTICLES)}|issues|affairs|region|province)"
    r"(?![\w'’-])"
)
_RUN_RE = re.compile(rf"{_RUN_WORD}(?:[ \u00a0]{_RUN_WORD})*")
_COUNTRY_NAME = rf"{_UP}[\w'’-]+(?:\s(?:and\s)?{_UP}[\w'’-]+){{0,2}}"
_OF_COUNTRY_RE = re.compile(rf"\s+of\s+(?P<country>{_COUNTRY_NAME})")
_LIST_ITEM = rf"{_NAME_OR_RANK}(?:\s+of\s+{_COUNTRY_NAME})?"
_LIST_RE = re.compile(
    rf"\b(?=[A-Z])(?P<title>(?:{_UP}[\w'’-]*\s+){{0,3}}(?:{_PLURAL_HEADS}))\s+(?P<names>{_LIST_ITEM}"
    rf"(?:,\s+{_LIST_ITEM})*,?\s+and\s+{_LIST_ITEM})"
)
_LIST_ITEM_RE = re.compile(rf"(?P<name>{_NAME_OR_RANK})(?:\s+of\s+(?P<country>{_COUNTRY_NAME}))?")
# "Name of Country has begun service as Secretary General of ...", "Name was appointed as Head of ...":
# found from the verb, then the name before it.
_NAME_BEFORE_SERVICE_RE = re.compile(
    rf"(?P<name>{NAME_RE.pattern})(?:\s+of\s+{_COUNTRY_NAME})?(?:,\s+[^,.;]{{1,80}},)?,?\s+$"
)
_AS_TITLE_RE = re.compile(r" as (?:the |an? )?(?=[A-Z])")  # a literal start: the scan is fast
_SERVICE_BEFORE_AS_RE = re.compile(
    r"(?:(?:has|have|was|will|had)\s+)?"
    r"(?:begun|began|taken\s+up|took\s+up|assumed|been\s+appointed|appointed|been\s+elected|elected|been\s+named|"
    r"named|serve[sd]?|serving|started|starts|continues?)(?:\s+(?:service|office|duties|work|(?:his|her|their)\s+"
    r"(?:duties|post|work)))?$"
)
# "OSCE media freedom representative Name", "US envoy Name": a lower-case office right before a name.


def _lower_roles(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each lower-case office followed by a capitalised word, in text order.

    ``str.find`` per office is many times faster than one regular expression over all of them.

    >>> text = "The US envoy Dan Ross and the vice-president Ann Lee met; the head of it left."
    >>> [text[start:end] for start, end in _lower_roles(text)]
    ['envoy', 'president']
    """
    found = []
    for head in LOWER_ROLE_HEADS:
        position = text.find(head + " ")
        while position >= 0:
            end = position + len(head)
            before = text[position - 1] if position else " "
            if not (before.isalnum() or before == "_") and text[end + 1 : end + 2].isupper():
                found.append((position, end))
            position = text.find(head + " ", end)
    return iter(sorted(found))
_LOWER_ROLE_HEAD_RE = re.compile(rf"\b(?:{alternation(LOWER_ROLE_HEADS)})\b")
# A phrase before a lower-case office: the words back to the first capitalised one ("OSCE media freedom").
_ROLE_PREFIX_RE = re.compile(rf"(?:(?<=\s)|^)(?P<prefix>(?:{_UP}[\w'’.-]*\s+)+(?:[a-z][\w-]*\s+){{0,3}})$")


def _name_in_run(words: list[str]) -> tuple[int, int] | None:
    """(start, end) of the person's name among the words that follow a title head, or None."""
    stops = [i for i, word in enumerate(words) if word in _NAME_STOPS]

    def name_end(start: int) -> int:
        return next((i for i in stops if i >= start), len(words))

    # A known given name starts the name: "... on Gender Issues June Zeitlin".
    for start, word in enumerate(words):
        end = name_end(start)
        if is_given_name(word) and 2 <= end - start <= 4 and _is_name(" ".join(words[start:end])):
            return start, end
    # The name follows the head directly: "Director Link", "Ambassador Radojko Bogojević".
    end = name_end(0)
    if 1 <= end <= 4 and _is_name(" ".join(words[:end])):
        return 0, end
    # The name follows a title word: "... of the Media Harlem Désir".
    first = stops[-1] + 1 if stops else 0
    for k in range(first, len(words) - 2):
        tail = words[k + 1 :]
        if not _is_name_word(words[k]) and len(tail) <= 3 and _is_name(" ".join(tail)):
            return k + 1, len(words)
    return None


def _name_at_end(text: str) -> int | None:
    """Where a person's name that ends ``text`` starts (two to four name words), or None."""
    window = text[-80:]
    words = list(re.finditer(r"\S+", window))
    for k in (2, 3, 4):
        if len(words) >= k and is_given_name(words[-k].group()) and _is_name(window[words[-k].start() :]):
            return len(text) - len(window) + words[-k].start()
    return None


def _belongs_to_the_name_before(text: str, start: int) -> bool:
    """True for a title at ``start`` that follows "Name, " where that name has no title of its own before it:
    in "A, Title, B" the title is A's; in "US Ambassador A, Title, B" it is B's."""
    before = text[:start].rstrip()
    if not before.endswith(","):
        return False
    name_start = _name_at_end(before[:-1].rstrip())
    return name_start is not None and not _has_own_title_before(text, name_start)


def _precedes_a_name(text: str, end: int) -> bool:
    """True for a phrase ending at ``end`` that another name follows (", the Ambassador B")."""
    after = re.match(rf",\s+(?:the\s+)?(?:(?:{_RANKS})\s+)*(?P<name>{NAME_RE.pattern})", text[end : end + 120])
    return bool(after) and _is_name(after.group("name")) and is_given_name(after.group("name").split()[0])


def _has_own_title_before(text: str, start: int) -> bool:
    """True for a name at ``start`` right after a title phrase of its own ("US Ambassador A"), not a bare rank."""
    title = _title_before(text, start)
    return bool(title) and len(title.split()) >= 2 and bool(_HEAD_RE.search(title))


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

    def add(raw_name: str, titles: list[str]) -> None:
        name, ranks = _split_rank(raw_name.strip())
        name = _POSSESSIVE_RE.sub("", name.strip(" ,."))
        # A title glued to the name ("Uzbek President Shavkat Karimov"): its words are a title.
        words = name.split()
        heads = [i for i, word in enumerate(words) if _HEAD_RE.fullmatch(word)]
        if heads and len(words) - heads[-1] > 2:
            titles = [*titles, " ".join(words[: heads[-1] + 1])]
            name, more_ranks = _split_rank(" ".join(words[heads[-1] + 1 :]))
            ranks += more_ranks
        if not name or not _is_name(name):
            return
        if len(name.split()) == 1 and (_is_not_name_word(name) or not re.fullmatch(rf"{_UP}[a-zà-ÿ'’-]{{2,}}", name)):
            return
        cleaned = [_without_other_names(_clean_title(t)) for t in titles]
        # Lower-case role words include every lower-case title head.
        kept = [t for t in cleaned
                if t and (_HEAD_RE.search(t) or _PLURAL_RE.search(t) or _LOWER_ROLE_HEAD_RE.search(t))]
        kept += ranks
        if not kept:
            return
        surname = name.split()[-1]
        key = next((k for k in found if k.split()[-1] == surname), None)
        if key is None:
            found[name] = Official(name, [])
            key = name
        elif len(name) > len(key):
            found[name] = found.pop(key)
            found[name].name = name
            key = name
        for title in kept:
            if title not in found[key].titles:
                found[key].titles.append(title)

    # "Title, Name," and chained "Title, Title Name"
    for match in _TITLE_COMMA_NAME_RE.finditer(text):
        # "... Special Representative on South East Europe today, Mark Pritchard (United Kingdom)"
        title_end = match.start()
        if adverb := re.search(r"\s(?:today|yesterday)$", text[max(0, title_end - 12) : title_end]):
            title_end -= len(adverb.group())
        title_start, before = _title_span(text, title_end, lower_case=True)
        if _belongs_to_the_name_before(text, title_start):
            continue  # "A, Title, B": the title is A's
        if before and (_HEAD_RE.search(before) or _LOWER_HEAD_RE.search(before)):
            add(match.group("name"), [before])
    # "Name, Title" and "Name (MP, Country), Title"
    for comma in _COMMA_BEFORE_TITLE_RE.finditer(text):
        window_start = max(0, comma.start() - 120)
        if not (match := _NAME_BEFORE_COMMA_RE.search(text, window_start, comma.start())):
            continue
        title = _title_after(text, comma.end())
        glued_title = any(_HEAD_RE.fullmatch(word) for word in match.group("name").split()[:-2])
        if title and (glued_title or _has_own_title_before(text, match.start("name"))) and _precedes_a_name(
            text, text.find(title, comma.end()) + len(title)
        ):
            continue  # "US Ambassador A, the Head of X, B": A has a title; this one is B's
        if title and _HEAD_RE.search(title):
            aside = [part.strip() for part in (match.group("aside") or "").split(",") if _HEAD_RE.search(part)]
            add(match.group("name"), [title, *aside])
    # "Name of Country has begun service as Title"
    for as_title in _AS_TITLE_RE.finditer(text):
        if not (service := _SERVICE_BEFORE_AS_RE.search(text, max(0, as_title.start() - 40), as_title.start())):
            continue
        if match := _NAME_BEFORE_SERVICE_RE.search(text, max(0, service.start() - 200), service.start()):
            title = _title_after(text, as_title.end())
            if title and _HEAD_RE.search(title):
                add(match.group("name"), [title])
    # "OSCE media freedom representative Name", "US envoy Name"
    for head_start, head_end in _lower_roles(text):
        if not (name_match := NAME_RE.match(text, head_end + 1)):
            continue
        name = name_match.group()
        if not (is_given_name(name.split()[0]) or len(name.split()) >= 2):
            continue
        prefix = _ROLE_PREFIX_RE.search(text[max(0, head_start - 80) : head_start])
        if prefix and not re.search(r"[.!?]\s", prefix.group("prefix")):
            title = prefix.group("prefix") + text[head_start:head_end]
        else:
            title = _title_before(text, head_end, lower_case=True)
        add(name, [title])
    # "Title Name", where a long title and the name run together.
    for head in _title_heads(text):
        run = _RUN_RE.match(text, head.end() + 1) if text[head.end() : head.end() + 1] == " " else None
        if not run:
            continue
        spans = [(run.start() + m.start(), run.start() + m.end()) for m in re.finditer(r"\S+", run.group())]
        found_span = _name_in_run([text[s:e] for s, e in spans])
        if not found_span:
            continue
        start, end = found_span
        name = text[spans[start][0] : spans[end - 1][1]]
        title_end = spans[start - 1][1] if start else head.end()
        title_start, title = _title_span(text, title_end, lower_case=True)
        if re.search(r"\band$", text[:title_end].rstrip()):
            continue  # "A, Title of X and B": the title is A's
        titles = [title]
        prefix = text[:title_start].rstrip()
        if prefix.endswith(","):
            earlier_start, earlier = _title_span(text, len(prefix) - 1)
            if earlier and _HEAD_RE.search(earlier) and not _belongs_to_the_name_before(text, earlier_start):
                titles.insert(0, earlier)
        if start == 0 and (country := _OF_COUNTRY_RE.match(text, spans[end - 1][1])):
            titles.append(f"{title} of {country.group('country')}")
        add(name, titles)
    # "Senators A, B and C" (the plural head alone first: the list pattern is slow and lists are rare)
    for match in _LIST_RE.finditer(text) if any(head in text for head in PLURAL_TITLE_HEADS) else ():
        title = _clean_title(match.group("title"))  # as printed: "Foreign Ministers"
        for item in re.split(r",\s+(?:and\s+)?|,?\s+and\s+", match.group("names")):
            if not (found_item := _LIST_ITEM_RE.fullmatch(item)):
                continue
            raw_name, country = found_item.group("name"), found_item.group("country")
            ranks = _split_rank(raw_name)[1]
            if ranks:  # "... and Ambassador C of Norway": C has a rank of his own, not the plural title
                add(raw_name, [f"{ranks[-1]} of {country}"] if country else [])
            else:
                add(raw_name, [title])

    for official in found.values():
        official.mentions = max(1, count_word(text, official.name.split()[-1]))
    return sorted(found.values(), key=lambda o: _first_position(text, o.name))


def count_word(text: str, word: str) -> int:
    """How often ``word`` stands in ``text`` as a whole word (hyphenated compounds are other words).

    >>> count_word("Greminger met Ms Greminger-Smith; Greminger's aide and Gremingers", "Greminger")
    2
    """
    count, start = 0, text.find(word)
    while start >= 0:
        end = start + len(word)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before in "_-" or after.isalnum() or after in "_-"):
            count += 1
        start = text.find(word, start + 1)
    return count


def _first_position(text: str, name: str) -> int:
    position = text.find(name)
    return position if position >= 0 else text.find(name.split()[-1])
