"""Named officials and their titles, by the shapes of OSCE press releases.

Each shape is one function beside its patterns and its examples (``SHAPES``), and yields candidates:
a name as found (ranks or a glued title may still stand in it) and the titles the text gives it.

- ``title_comma_name``: "The OSCE Secretary General, Name," and chains "Title, Name, Title, Name";
- ``name_comma_title``: "Name, Title," and "Name (MP, Country), Title";
- ``service_as_title``: "Name of Country has begun service as Title", "Name, in his capacity as Title";
- ``lower_role_name``: lower-case offices, "US envoy Name", "OSCE media freedom representative Name";
- ``title_name``: "Title Name", also when the title is long ("OSCE Representative on Freedom of the
  Media Harlem Désir") and chained ("The OSCE Chairperson-in-Office, Serbia's Foreign Minister Name");
- ``name_bracket_title``: "Name (Title)", "Name (MP, Country)";
- ``plural_title_list``: lists after a plural title ("Senators A, B and C");
- ``who_leads``: "Name, who heads the OSCE Centre in X", "Name, who serves as Title".

One shared step (``find_officials``) accepts and merges them: what a name is, what a title is, which
mentions are one person. A person counts only when the text gives them a title: precision comes first.
Two people who share a surname stay two; a shorter form ("Smith", "J. Smith") joins a person only when
exactly one person of the release can be meant, as in the people index (``people.py``).

Where a title and a name run together, a lexicon of given names (``given_names.py``:
39,000 names of some 110 locales, from Faker) tells where the name starts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache, wraps
from typing import Any, NamedTuple, TypeVar

from osce_scraper.extract import vocabulary
from osce_scraper.extract.given_names import given_names
from osce_scraper.extract.places import city_population, fold, is_country_name
from osce_scraper.extract.vocabulary import (
    CHOOSING_VERBS,
    HONORIFICS,
    LEAD_VERBS,
    LOWER_BODY_KINDS,
    LOWER_BODY_WORDS,
    LOWER_PLURAL_HEADS,
    LOWER_RANK_WORDS,
    LOWER_ROLE_HEADS,
    LOWER_SUBJECT_WORDS,
    LOWER_TITLE_HEADS,
    LOWER_TITLE_WORDS,
    MEMBER_WORDS,
    MONTH_NAMES,
    NAME_JOINED_PARTICLES,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NON_NAME_WORDS,
    OSCE_BODY_WORDS,
    PERSONAL_RANKS,
    PLURAL_TITLE_HEADS,
    RANKS,
    STATE_STRUCTURE_WORDS,
    STRUCTURE_WORDS,
    TITLE_WORDS,
    UNIT_WORDS,
    VENUE_WORDS_AFTER,
    VENUE_WORDS_BEFORE,
    WEEKDAYS,
    alternation,
)

# ---------------------------------------------------------------------------------------------------------
# What a name is, what a title is: the rules every shape shares.

# An upper-case letter: Latin script with diacritics, Cyrillic and Greek. A name copied between scripts opens with a
# Cyrillic or Greek capital that looks like a Latin one ("Ambassador Вaiba Braže", its "В" Cyrillic); a name
# printed in Cyrillic is a name too.
_UP = r"[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁΑ-Ω]"
# A word, or initials such as "P." or "J.A.M."; the capital first, so that a search skips to capitals.
_NAME_WORD = rf"{_UP}(?:[\w'’-]*\w|\.(?:{_UP}\.){{0,3}})"
_PARTICLE = f"(?:{alternation(NAME_PARTICLES)})"
_PARTICLES = frozenset(NAME_PARTICLES)
_NAME_WORD_RE = re.compile(_NAME_WORD)
# A surname may open with a particle joined to it ("al-Hashimi", "d'Aubigny"): never a name's first word.
_JOINED_PARTICLE = rf"(?:{alternation(NAME_JOINED_PARTICLES)})"
_JOINED_PARTICLE_RE = re.compile(rf"{_JOINED_PARTICLE}(?={_UP})")
#: The words that end a name: "son of" or "daughter of" the name before them; in a name's full form, a surname follows
#: ("Elnur Rasim oglu Mammadov").
_SUFFIX = rf"(?:{alternation(NAME_SUFFIXES)})"
_LATER_NAME_WORD = rf"(?:{_NAME_WORD}|{_JOINED_PARTICLE}{_NAME_WORD})"  # the capital first: most words have it
# Initials run together ("J.A.M."): capitals, yet no acronym.
_INITIALS_RE = re.compile(rf"(?:{_UP}\.){{2,4}}")
#: A personal name: two to four capitalised words, name particles allowed between them.
_SUFFIXES = frozenset(NAME_SUFFIXES)
# The first letters of the particles and suffixes: a word that opens otherwise (most words) is tried for neither.
_BETWEEN_NAME_WORDS_FIRSTS = "".join(sorted({word[0] for word in (*NAME_PARTICLES, *NAME_SUFFIXES)}))
NAME_RE = re.compile(
    rf"(?:{_NAME_WORD})(?:\s(?:(?=[{_BETWEEN_NAME_WORDS_FIRSTS}])(?:{_PARTICLE}|{_SUFFIX})\s){{0,2}}"
    rf"(?:{_LATER_NAME_WORD})){{1,3}}(?:\s{_SUFFIX}\b)?")


def _by_first_letter(words: tuple[str, ...]) -> str:
    """``alternation(words)`` grouped by first letter, in the same order within a group: the same matches, but a
    regular expression tries at each place only the words that start with its letter.

    >>> _by_first_letter(("Dr.", "Mayor", "Director"))
    'D(?:r\\\\.|irector)|M(?:ayor)'
    """
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word[1:])
    return "|".join(f"{alternation((first,))}(?:{alternation(tuple(rests))})" for first, rests in groups.items())


TITLE_HEADS = _by_first_letter(vocabulary.TITLE_HEADS)
# A head ends a word; one that ends in a full stop ("Dr.") ends there, whatever follows.
_HEAD_END = r"(?:(?<=\.)|\b)"
# The look-ahead for a capital lets the long alternation fail fast at every other position.
_HEAD_RE = re.compile(rf"\b(?=[A-Z])(?:{TITLE_HEADS}){_HEAD_END}")
# A head where ``_title_heads`` finds one may start; the word start is checked after.
_HEAD_SCAN_RE = re.compile(rf"(?:{TITLE_HEADS}){_HEAD_END}")
_PLURAL_HEADS = alternation(PLURAL_TITLE_HEADS)
_PLURAL_RE = re.compile(rf"\b(?:{_PLURAL_HEADS})\b")
_RANKS = _by_first_letter(RANKS)
_RANK_PREFIX_RE = re.compile(rf"^(?P<rank>(?:{_RANKS}))\s+")
_LOWER_HEAD_RE = re.compile(rf"\b(?:{alternation(LOWER_TITLE_HEADS)})\b")
_LOWER_ROLE_HEAD_RE = re.compile(rf"\b(?:{alternation(LOWER_ROLE_HEADS)})\b")
_LOWER_PLURAL_HEAD_RE = re.compile(rf"\b(?:{alternation(LOWER_PLURAL_HEADS)})\b")
_CONNECTORS = frozenset("of for on in the and to at with by de du there".split())
# Words that end a name in a run of title and name words.
_NAME_STOPS = frozenset("of for on in the and to at with there".split())
_LEADING_WORD_LIST = ("the", "his", "her", "its", "their", "our", "a", "an", "and", "as", "by", "with")
_LEADING_WORDS = frozenset(_LEADING_WORD_LIST)
# It ignores case: a few letters beyond ASCII match too ("ı" and "İ" an "i", "ſ" an "s").
_LEADING_WORDS_RE = re.compile(rf"^(?:{'|'.join(_LEADING_WORD_LIST)})\s+", re.I)
_PREPOSITIONS = frozenset("of to in for at with by from under on during after before about".split())
_POSSESSIVE_RE = re.compile(r"['’]s?$")
# Many surnames and given names are also the names of towns ("Harlem", "Nancy"): a city's name counts
# as a place only for a large city, and a very large one when it is a given name too ("Sofia", "Paris").
_LARGE_CITY, _VERY_LARGE_CITY = 200_000, 1_000_000


# Many heads are slow to find either way: ``str.find`` passes over the text once per head, and a regular
# expression of them all tries them at nearly every letter. A regular expression scans fast to a literal first
# byte, though: in a copy of the text with every capital written as one byte (``_marked``), a title or plural
# head starts with it, and a lower-case office before a name ends with "office \x01". One scan finds where heads
# may stand, and only there, or only those heads, are searched for.
_MARK = b"\x01"
# "?" stands for a character Latin-1 lacks, which may be a capital; any other byte from 0x80 may be one too.
_CAPITALS = bytes(range(ord("A"), ord("Z") + 1)) + b"?" + bytes(range(0x80, 0x100))
_MARK_CAPITALS = bytes.maketrans(_CAPITALS, _MARK * len(_CAPITALS))


_Found = TypeVar("_Found")


def _kept_for_the_last_text(scan: Callable[[str], _Found]) -> Callable[[str], _Found]:
    """``scan`` with its answer for the last text kept: the shapes of one text share its scans. The text is known
    again by identity, not by value: a release's text is new to the crawl, and hashing it costs more than the rest
    of the look-up."""
    last: tuple[str | None, Any] = (None, None)

    @wraps(scan)
    def kept(text: str) -> _Found:
        nonlocal last
        last_text, found = last  # one read: another thread may replace it
        if text is not last_text:
            found = scan(text)
            last = (text, found)
        return found

    return kept


@_kept_for_the_last_text
def _marked(text: str) -> bytes:
    """``text`` in one byte a character (so positions are the text's), every capital and every character that
    is not ASCII written as \\x01.

    >>> _marked("US envoy Dan Čech")
    b'\\x01\\x01 envoy \\x01an \\x01ech'
    """
    return text.encode("latin-1", "replace").translate(_MARK_CAPITALS)


def _scan(pattern: re.Pattern[bytes], marked: bytes) -> list[re.Match[bytes]]:
    """``list(pattern.finditer(marked))`` for a scan whose matches are never empty: searches in a row set up less than
    ``finditer``'s scanner, which costs more than the scan itself in most releases (a scan finds little).

    >>> [match.start() for match in _scan(re.compile(rb"a+"), b"baaba")]
    [1, 4]
    """
    found = []
    match = pattern.search(marked)
    while match:
        found.append(match)
        match = pattern.search(marked, match.end())
    return found


def _heads_scan(forms: Iterable[bytes], before: bytes, follow: bytes = b"") -> re.Pattern[bytes]:
    """A scan from the literal ``before`` that captures, at each place, the longest of ``forms`` that follows
    (and that the pattern ``follow`` follows).

    It consumes ``before`` alone, so heads that overlap are each found where they start; a shorter head that
    starts where a longer one does is found through it (as ``_PLURAL_HEADS_BY_FORM`` has them). The forms are
    grouped by their first byte, so that each place tries only the few that may fit.
    """
    groups: dict[bytes, list[bytes]] = {}
    for form in sorted(set(forms), key=len, reverse=True):
        groups.setdefault(form[:1], []).append(re.escape(form[1:]))
    branches = b"|".join(re.escape(first) + b"(?:" + b"|".join(rests) + b")" for first, rests in groups.items())
    return re.compile(re.escape(before) + b"(?=(" + branches + b")" + follow + b")")


# Every title head starts with a capital (as ``_HEAD_RE`` has it): marked, "\x01" and the rest of it. A head
# whose rest is marks alone ("MP") would be found at every run of capitals: ``str.find`` looks for it instead.
# A head that ends in a letter ends a word only where no lower-case letter, digit or "_" follows: so the scan passes
# over "Representative" in "Representatives" (a mark may stand for any character, and is let through).
_TITLE_HEAD_RESTS = {head: _marked(head)[1:] for head in vocabulary.TITLE_HEADS}
_TITLE_HEADS_SCAN_RE = _heads_scan(
    (rest for rest in _TITLE_HEAD_RESTS.values() if rest.strip(_MARK)),
    before=_MARK,
    follow=rb"(?:(?<=[a-z0-9_])(?![a-z0-9_])|(?<![a-z0-9_]))",
)
_CAPITALS_ONLY_HEADS = tuple(head for head, rest in _TITLE_HEAD_RESTS.items() if not rest.strip(_MARK))


def _capitals_only_starts(text: str) -> list[int]:
    """Where each head of capitals alone starts, overlapping ones too: found from its last letter, since ``str.find``
    of one letter outruns a pattern's scan (and of two letters lags behind it).

    >>> _capitals_only_starts("The MP and the MEP")
    [4]
    """
    starts = []
    for head in _CAPITALS_ONLY_HEADS:
        before = len(head) - 1
        place = text.find(head[-1], before)
        while place >= 0:
            if text.startswith(head, place - before):
                starts.append(place - before)
            place = text.find(head[-1], place + 1)
    return starts


def _title_heads(text: str) -> Iterator[re.Match[str]]:
    """``_HEAD_RE.finditer(text)``, many times faster on long texts: tried only where the marked scan finds a head
    may start.

    >>> [m.group() for m in _title_heads("The XMinister met Co-Chair and Minister-Counsellor Head")]
    ['Co-Chair', 'Minister', 'Counsellor', 'Head']
    """
    starts = [place.start() for place in _scan(_TITLE_HEADS_SCAN_RE, _marked(text))] + _capitals_only_starts(text)
    position = 0
    for start in sorted(starts):  # a start found twice is passed over the second time
        if start < position or not (match := _HEAD_SCAN_RE.match(text, start)):
            continue
        if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            position = start + 1  # inside a word: a head may still start further on
            continue
        yield match
        position = match.end()


@cache
def _not_name_words() -> frozenset[str]:
    """Capitalised words never part of a name: offices and structures, title words, months and weekdays.

    A title word that is also a given name stays a name word ("Dean", "Emir"), unless it is a rank: ranks
    stand before names ("General", "King"). "June" is a given name too.
    """
    title_words = {word for word in TITLE_WORDS if word in RANKS or fold(word) not in given_names()}
    return NON_NAME_WORDS | title_words | frozenset(WEEKDAYS) | (frozenset(MONTH_NAMES) - {"June"})


def _is_listed_not_name_word(word: str) -> bool:
    """True for a word the vocabulary or the countries say is no part of a name (a city's size aside)."""
    words = _not_name_words()
    return word in words or _POSSESSIVE_RE.sub("", word) in words or is_country_name(word)


@lru_cache(maxsize=1 << 13)  # as ``is_given_name``
def _is_not_name_word(word: str) -> bool:
    """True for a capitalised word that is never part of a person's name: an office, a structure, a title
    word, a month, a country or a city the gazetteer knows.

    >>> _is_not_name_word("Mission"), _is_not_name_word("Tashkent"), _is_not_name_word("Harlem")
    (True, True, False)
    """
    if _is_listed_not_name_word(word):
        return True
    population = city_population(word)
    return population >= (_VERY_LARGE_CITY if fold(word) in given_names() else _LARGE_CITY)


# A release asks about the same few hundred words again and again, and a crawl's words repeat from release to
# release: the answers per word are kept, up to a bound (the most recent 8,192: a crawl of the whole newsroom
# meets tens of thousands of words, and each answer kept costs about 200 bytes).
@lru_cache(maxsize=1 << 13)
def is_given_name(word: str) -> bool:
    """True for a known given name (not one that is usually an ordinary word).

    >>> is_given_name("Anatoly"), is_given_name("Mission"), is_given_name("Ivana")
    (True, False, True)
    """
    return fold(word) in given_names() and not _is_not_name_word(word)


@lru_cache(maxsize=1 << 13)  # as ``is_given_name``
def _is_name_word(word: str) -> bool:
    if word in _PARTICLES:
        return True
    if word[:1].islower() and (joined := _JOINED_PARTICLE_RE.match(word)):
        word = word[joined.end() :]  # "al-Hashimi": the surname after its particle
    if not _NAME_WORD_RE.fullmatch(word) or _is_not_name_word(word.rstrip("'’s")) or _is_not_name_word(word):
        return False
    # Acronyms are organisations.
    return not (word.isupper() and len(word) > 2) or bool(_INITIALS_RE.fullmatch(word))


_VOWELS = frozenset("aeiouy")


def _is_surname_in_capitals(first: str, last: str) -> bool:
    """True for a surname printed in capitals ("Lamberto ZANNIER"), as some releases print them: after a known given
    name in ordinary case, a word of capitals with a vowel (an acronym seldom has one) that names no organisation.

    >>> _is_surname_in_capitals("Lamberto", "ZANNIER"), _is_surname_in_capitals("Maria", "UNDP")
    (True, False)
    """
    return (
        last.isupper()
        and bool(_NAME_WORD_RE.fullmatch(last))
        and not first.isupper()
        and bool(_VOWELS.intersection(fold(last)))
        and not any(_is_not_name_word(part) for part in last.split("-"))
        and is_given_name(first)
    )


def _is_name(candidate: str) -> bool:
    """True for the words of a person's name. Its first word may be a given name that is also a very large city's
    ("Milan Kostić"), which alone is a place.

    >>> _is_name("Milan Kostić"), _is_name("Milan"), _is_name("Mission Office")
    (True, False, False)
    """
    words = candidate.split()
    if len(words) >= 3 and words[-1] in _SUFFIXES:
        words = words[:-1]  # "son of" or "daughter of" the name before it
    if not words or words[0] in _PARTICLES or words[-1] in _PARTICLES:
        return False
    if len(words) >= 2 and not _is_name_word(words[0]) and _is_given_name_of_a_city(words[0]):
        words = words[1:]  # the given name is one; the rest is asked as a name of its own
        if len(words) == 1:
            return _ends_with_a_surname(words)
    if len(words) >= 3:  # a middle name may be an ordinary word ("Ruth Freedom Pojman")
        middle_ok = all(_NAME_WORD_RE.fullmatch(w) or w in _PARTICLES or w in _SUFFIXES for w in words[1:-1])
        return middle_ok and _is_name_word(words[0]) and _ends_with_a_surname(words)
    return all(_is_name_word(w) for w in words[:-1]) and _ends_with_a_surname(words)


@lru_cache(maxsize=1 << 13)  # as ``is_given_name``
def _is_given_name_of_a_city(word: str) -> bool:
    """True for a given name that only a very large city's name makes a place ("Milan", "Sofia")."""
    return (fold(word) in given_names() and _NAME_WORD_RE.fullmatch(word) is not None
            and not (word in _not_name_words() or is_country_name(word)))


def _ends_with_a_surname(words: list[str]) -> bool:
    """True for the words of a name whose last word is a surname: a name word, or after a given name one of capitals
    or a large city's name ("Thorsten Bielefeld").

    >>> _ends_with_a_surname(["Thorsten", "Bielefeld"]), _ends_with_a_surname(["Bielefeld"])
    (True, False)
    """
    last = words[-1]
    return _is_name_word(last) or (len(words) > 1 and (
        _is_surname_in_capitals(words[0], last) or (is_given_name(words[0]) and _is_a_citys_name_alone(last))))


def _is_a_citys_name_alone(word: str) -> bool:
    """True for a name word that is no name word only because a large city bears it."""
    return bool(_NAME_WORD_RE.fullmatch(word)) and not _is_listed_not_name_word(word)


def _is_title(title: str) -> bool:
    """True for a phrase with a title head in it: capitalised, plural or a lower-case office; or the office told by
    its verb ("heads the OSCE Centre in Vinstad")."""
    return bool(title) and bool(_HEAD_RE.search(title) or _PLURAL_RE.search(title) or _LOWER_ROLE_HEAD_RE.search(title)
                                or _LEADS_A_BODY_RE.match(title) or _LOWER_OFFICE_OF_A_BODY_RE.search(title)
                                or _LOWER_PLURAL_HEAD_RE.search(title))


# "... of Austria and Ambassador": what is left of a title once another person's name is cut off.
_AFTER_OTHER_NAME_RE = re.compile(
    rf"^(?:\s+of\s+{_UP}[\w'’-]*(?:\s+(?:and\s+)?{_UP}[\w'’-]*){{0,2}})?\s*(?:,|\band\b)\s*"
)


#: The words that open a clause before the comma before a name: "After meeting the Foreign Minister, Name said",
#: "Together with the Head of X, Name, the team met ...".
_CLAUSE_OPENERS = ("After", "Before", "Following", "Together with", "Along with", "Jointly with", "While", "When",
                   "Upon", "Having", "During", "Besides", "Like", "Unlike", "Thanks to", "Alongside")
#: Those that stand before a title itself ("Together with the Head of X"): no word of the title.
_CLAUSE_OPENINGS = tuple(f"{opener} " for opener in _CLAUSE_OPENERS if opener.endswith(" with"))


# Titles repeat from release to release ("OSCE Secretary General"): the answer per title is kept, up to a bound.
@lru_cache(maxsize=1 << 13)
def _clean_title(title: str) -> str:
    """A title without leading articles and without the fragment of a sentence before it.

    >>> _clean_title("of President"), _clean_title("in Tashkent of Uzbek President")
    ('President', 'Uzbek President')
    >>> _clean_title("to the OSCE Chairman-in-Office"), _clean_title("Head of the OSCE Mission to Moldova")
    ('OSCE Chairman-in-Office', 'Head of the OSCE Mission to Moldova')
    >>> _clean_title("of")  # a preposition alone: no title, and no error
    ''
    >>> _clean_title("Together with the Head of the Office")
    'Head of the Office'
    """
    title = " ".join(title.split()).strip(" ,;:")
    if title.startswith(_CLAUSE_OPENINGS):
        title = title.partition(" with ")[2]  # "Together with the Head of X, Name": the clause's words are no title's
    first, space, rest = title.partition(" ")
    if first.lower() in _PREPOSITIONS:
        # A sentence's words before the title ("the meeting in Tashkent of Uzbek President ..."):
        # the title starts after the last preposition of that stretch.
        words = title.split(" ")
        first_head = next((i for i, w in enumerate(words)
                           if _HEAD_RE.fullmatch(w) or _LOWER_HEAD_RE.fullmatch(w) or _PLURAL_RE.fullmatch(w)),
                          len(words))
        cut = max(i for i, w in enumerate(words[:first_head]) if w.lower() in _PREPOSITIONS)  # words[0] is one
        title = " ".join(words[cut + 1 :])
        first, space, rest = title.partition(" ")
    # The title's white space is single spaces now: a leading word is its first word, a space after it. An ASCII
    # word is one when its lower case is; any other is asked of the pattern, whose ignored case lets "ı" be an "i".
    while space and (first.lower() in _LEADING_WORDS if first.isascii() else _LEADING_WORDS_RE.match(title)):
        title = rest
        first, space, rest = title.partition(" ")
    return title


def _first_given_name(words: list[str]) -> int | None:
    """The place of the first known given name among ``words``, or None.

    >>> _first_given_name(["OSCE", "Envoy", "Anatoly", "Ivanov"])
    2
    """
    for place, word in enumerate(words):
        if is_given_name(word):
            return place
    return None


def _without_other_names(title: str) -> str:
    """A title without any other person's name it holds, nor that person's title.

    >>> _without_other_names("Marek Nowak of Poland and Ambassador")
    'Ambassador'
    >>> _without_other_names("Deputy Foreign Minister Marek Nowak of Poland and Ambassador")
    'Ambassador'
    >>> _without_other_names("Head of the OSCE Office and Ivan Petrovski")
    'Head of the OSCE Office'
    >>> _without_other_names("Minister of Foreign Affairs Ivan Petrovski")
    ''
    """
    for match in reversed(list(NAME_RE.finditer(title))):
        words = match.group().split()
        first = _first_given_name(words)  # starts the other person's name
        if first is None:
            continue
        name_start = match.start() + len(" ".join(words[:first])) + (1 if first else 0)
        # The name may run on past the match, which took title words first ("Deputy Minister Goran | Marković").
        name = NAME_RE.match(title, name_start) if first == len(words) - 1 else match
        if name is None:
            continue
        name_words = name.group().split()[0 if name is not match else first :]
        if not _is_name(" ".join(name_words)):
            continue
        words_before = title[:name_start].split()
        if _completes_the_title([*words_before, *name_words], len(words_before), len(words_before) + len(name_words)):
            continue  # "Director of the Institute for Peace Studies": the title's own words
        rest = title[name.end() :]
        if rest.strip():  # "B of Y and Ambassador": what follows the other person is this one's
            return _clean_title(_AFTER_OTHER_NAME_RE.sub("", rest, count=1))
        before = title[:name_start]
        if re.search(r"(?:,|\band)\s*$", before):  # "Head of X and B": the title ends before the other person
            return _clean_title(re.sub(r"(?:,|\band)\s*$", "", before))
        return ""  # "Minister of Foreign Affairs B": the other person's title
    return title


_TITLE_SPAN_WORD_RE = re.compile(r"[\w'’.()-]+")
# Punctuation, or a line's end, between two words: a title never runs over it (brackets and hyphens, the other
# breaks, are word characters above, so never between words). The last one before a title's end is where its walk
# back stops.
_LAST_TITLE_BREAK_RE = re.compile(r"(?s).*[,;:\"“”–—\n]")
_BRACKET_AT_END_RE = re.compile(r"\s*\([^()]{1,40}\)\s*$")


def _title_span(text: str, end: int, *, lower_case: bool = False) -> tuple[int, str]:
    """(start, title) of the title phrase that ends at ``end``, walking back over its words.

    Capitalised words and connectors belong to it; with ``lower_case``, also the
    lower-case title words of phrases such as "the former Serbian leader".

    >>> text = "He met the former Ruritanian leader"
    >>> _title_span(text, len(text), lower_case=True)  # starts at "the", which the title then loses
    (7, 'former Ruritanian leader')
    """
    # "the Head of the OSCE Mission to Moldova (the Mission), Name": the bracket is no part of the title; an
    # acronym in it is, as printed ("High Commissioner on National Minorities (HCNM)").
    last = _stripped_end(text, end)
    acronym = ""
    # The bracket is looked for only where the last 45 characters end with one.
    if (last > end - 45 and last and text[last - 1] == ")"
            and (bracket := _BRACKET_AT_END_RE.search(text[max(0, end - 45) : end]))):
        end -= len(bracket.group())
        if _is_acronym(initials := bracket.group().strip()[1:-1]):
            acronym = f" ({initials})"
    # Most titles are short: the words of the last 60 characters first, of the last 200 when the walk reaches
    # the first two of them (the first may be cut short by the window).
    start = _title_start(text, max(0, end - 60), end, lower_case)
    if start is None:
        start = _title_start(text, max(0, end - 200), end, lower_case)
    if ")" in text[start:end]:
        start += _after_an_unopened_bracket(text[start:end])
    title = _clean_title(text[start:end])
    return start, f"{title}{acronym}" if title and acronym else title


def _is_acronym(word: str) -> bool:
    """True for an organisation's or an office's initials: one word of two to eight letters, two capitals or more.

    >>> _is_acronym("HCNM"), _is_acronym("RFoM"), _is_acronym("the Mission"), _is_acronym("Police")
    (True, True, False, False)
    """
    return 2 <= len(word) <= 8 and word.isalpha() and sum(map(str.isupper, word)) >= 2 and word[0].isupper()


def _after_an_unopened_bracket(phrase: str) -> int:
    """Where ``phrase`` starts after the last bracket it closes without opening it (0 when none): a title never runs
    back into the brackets of the name before it ("A (Head of X) and Colonel B").

    >>> _after_an_unopened_bracket("Academy) and Colonel"), _after_an_unopened_bracket("Office (ODIHR) Director")
    (8, 0)
    """
    depth, cut = 0, 0
    for index, character in enumerate(phrase):
        if character == "(":
            depth += 1
        elif character == ")":
            if depth:
                depth -= 1
            else:
                cut = index + 1
    return cut


def _title_start(text: str, window: int, end: int, lower_case: bool) -> int | None:
    """Where ``_title_span``'s title starts, walking back over the words between ``window`` and ``end``; None when
    the walk reaches the first two words of a window that does not start the text."""
    # No word holds a break character, so a walk back never passes the last break: only the words after it are
    # walked. Those before it count only in two places: how many there are (the walk's fallback) and the last one
    # (an "and" right after the break asks whether a name stands before it).
    found = _LAST_TITLE_BREAK_RE.match(text, window, end)
    after = found.end() if found else window
    count, first, start, and_opens = _title_walk(text[after:end], lower_case)
    if and_opens:  # "Lamberto Zannier and EU Commissioner ...": the title starts after the name
        previous = _last_word_before(text, window, after)
        if not (previous is not None and _is_name(previous)):
            first, start = 0, text.find("and", after) - after  # "and" is a connector: the walk takes it too
    # The walk looks at the word before its first one too (the break ends it there): it reaches the window's
    # first two words when fewer than three words stand before that first one.
    if window and first <= 2 and (count or found):
        before = len(_TITLE_SPAN_WORD_RE.findall(text, window, after)) if found else 0
        if (before or count) and before + first <= 2:
            return None
    return after + start


#: The words before "appointed" or "elected" in a title ("the newly appointed Head", "its elected Chair"); after any
#: other word the participle is a verb ("The Council has appointed Ambassador X").
_BEFORE_A_PARTICIPLE_IN_A_TITLE = frozenset("newly recently just the a an its his her their The".split())
#: Ranks written short, before a name or another rank: the full stop ends no sentence.
_ABBREVIATED_RANKS = frozenset(rank for rank in RANKS if rank.endswith("."))


def _of_a_name_before(words: list[str], and_index: int) -> bool:
    """True when the words before ``words[and_index]`` (an "and") are a body a name before them belongs to: "of" after
    a name, a few words back ("A of the Ruritanian Police and ...").

    >>> _of_a_name_before("Ana Kos of the Vinstad Police and".split(), 6)
    True
    >>> _of_a_name_before("Minister of Labour and".split(), 3)
    False
    """
    return any(
        words[index] == "of" and words[index - 1] not in TITLE_WORDS and _is_name(words[index - 1])
        for index in range(and_index - 1, max(0, and_index - _BODY_BEFORE_AND_WORDS - 1), -1)
    )


#: How many words a body between a name's "of" and an "and" may have ("of the Court of Bosnia and Herzegovina and").
_BODY_BEFORE_AND_WORDS = 8


# The words after a title's last break repeat from release to release (" the OSCE Secretary General"): the walk over
# them is kept per phrase, up to a bound, as the words' answers are.
@lru_cache(maxsize=1 << 13)
def _title_walk(phrase: str, lower_case: bool) -> tuple[int, int, int, bool]:
    """The walk back over the words of ``phrase``, the title's end: (how many words, the first one walked, where it
    starts in ``phrase``, whether the walk stopped at an "and" that opens the phrase, which the word before the phrase
    decides: a name there ends the title, else the walk takes "and" too).

    >>> _title_walk(" the former Ruritanian leader", True), _title_walk("and Ambassador", False)
    ((4, 0, 1, False), (2, 1, 4, True))
    """
    words = _TITLE_SPAN_WORD_RE.findall(phrase)
    first = len(words)  # the walk's words are words[first:]
    and_opens = False
    while first:
        token = words[first - 1]
        if first < len(words) and token[-1] == "." and len(token) > 3 and token not in _ABBREVIATED_RANKS:
            break  # the previous sentence ends here; an abbreviated rank ends none ("Prof. Dr. Name")
        if token == "and":  # "Lamberto Zannier and EU Commissioner ...": the title starts after the name
            if first == 1:
                and_opens = True
                break
            if words[first] in ("the", "a", "an"):
                break  # "the akim and the first deputy akim, Name": an article after "and" opens another's office
            # A word right after "of" or "for" (and "the" or "its") is the office's subject ("Minister of Labour and
            # Social Policy", "Chair of its Budget and Audit Committee").
            if _is_name(words[first - 2]) and not (first >= 3 and (words[first - 3] in _SUBJECT_CONNECTORS or (
                    first >= 4 and words[first - 3] in ("the", "its") and words[first - 4] in _SUBJECT_CONNECTORS))):
                break
            if _of_a_name_before(words, first - 1):
                break  # "Inspector A of the Police and Sergeant B": the body before "and" is A's
        if not (token[0].isupper() or token.lower() in _CONNECTORS or (lower_case and token in LOWER_TITLE_WORDS)
                or (token == "its" and first >= 2 and words[first - 2] in _SUBJECT_CONNECTORS)):
            break  # "its" only after "of" or "for": "Chair of its Committee"
        if token in _WHEN_WORDS:
            break  # "On Thursday Ambassador X": the day is no part of the title
        if token in _CHOOSING_PARTICIPLES and not (first >= 2 and (
                words[first - 2] in _BEFORE_A_PARTICIPLE_IN_A_TITLE or words[first - 2].endswith(("'s", "’s")))):
            # "The Council (has, today) appointed Ambassador X": a verb, no word of "the newly appointed Head"
            break
        first -= 1
    # Where the walk's first word starts: words and the characters between them are of two kinds, so each word
    # is the last place its characters stand before the next word.
    start = len(phrase)
    for word in reversed(words[first:]):
        start = phrase.rfind(word, 0, start)
    return len(words), first, start, and_opens


#: Participles that stand in a title ("the newly appointed Head") and are verbs after a capitalised subject.
_CHOOSING_PARTICIPLES = frozenset({*CHOOSING_VERBS, "nominated"})
#: The words before an office's subject in its title ("Minister for Reconciliation and Civic Equality").
_SUBJECT_CONNECTORS = frozenset("of for on".split())
#: Capitalised words that say when, never part of a title before a name ("Today Secretary General X").
_WHEN_WORDS = frozenset(WEEKDAYS) | frozenset(MONTH_NAMES) | {
    "Today", "Yesterday", "Tomorrow", "Later", "Earlier", "Afterwards", "Meanwhile", "Subsequently", "Previously"}


def _last_word_before(text: str, window: int, after: int) -> str | None:
    """The last of the walk's words between ``window`` and ``after``, or None."""
    before = _TITLE_SPAN_WORD_RE.findall(text, window, after)
    return before[-1] if before else None


def _title_before(text: str, end: int, *, lower_case: bool = False) -> str:
    """The title phrase that ends at ``end``."""
    return _title_span(text, end, lower_case=lower_case)[1]


# A verb or a clause after a title ends it.
_TITLE_AFTER_ENDS_RE = re.compile(
    r"\s(?:said|says|stated|added|noted|who|which|that|today|yesterday|has|have|had|will|was|is|were|are|"
    r"signed|met|opened|visited|called|welcomed|presented|attended)\b"
    # When the title was taken up is no part of it: "Head of the Office in Vinstad since 2019 / in May".
    rf"|\s(?:in|on|since|until|from|last|this|next)\s(?:\d{{1,2}}\s)?(?:{alternation(MONTH_NAMES)}|week|month|year)\b"
    rf"|\s(?:on|last|this|next)\s(?:{alternation(WEEKDAYS)})\b"
    r"|\s(?:last|this|next)\s(?:spring|summer|autumn|fall|winter)\b"
    r"|\s(?:in|since|until|from)\s\d{4}\b"
    # "A and B, Head of X and Director of Y, respectively": the word pairs titles with names; no part of either.
    r"|\srespectively\b"
    # How long, or when, the office is held: "for a second term", "for a three-year term", "at the time".
    r"|\sfor\s(?:a|an|another|the|his|her|their)\s(?:[\w-]+\s){0,2}(?:term|mandate|period|year)\b"
    r"|\sfor\s(?:[\w-]+\s)?(?:years|months|decades)\b|\sat\sthe\stime\b"
    # What the office is to do: "Special Co-ordinator to lead the observers" ("Ambassador to the OSCE" stays).
    r"|\sto\s(?!(?:the|a|an)\b)[a-z]+\b"
    # Who chose, and where: "Secretary General by the Ministerial Council", "President at the Annual Session".
    r"|\sby\sthe\s[A-Z]|\sat\sthe\s(?:(?:close|end|opening|start)\sof\sthe\s)?(?:[A-Z][\w-]*\s){0,3}(?:Session|Summit)\b"
)
_TITLE_AFTER_RE = re.compile(r"\s*([^,;.\"“”()]{3,160}(?:\([^)]*\)[^,;.\"“”]*)?)")


def _title_after(text: str, start: int) -> str:
    """The title phrase that starts at ``start`` and runs to the next comma or full stop.

    >>> _title_after("Anna Berg, Head of the OSCE Office, said", 10)
    'Head of the OSCE Office'
    """
    match = _TITLE_AFTER_RE.match(text, start)
    if not match:
        return ""
    phrase = match.group(1)
    cut = _TITLE_AFTER_ENDS_RE.search(phrase)
    if cut:
        phrase = phrase[: cut.start()]
    return _clean_title(phrase)


#: Abbreviated ranks, as titles.
_RANK_TITLES = {"Amb": "Ambassador", "Gen": "General", "Col": "Colonel", "Prof": "Professor", "Msgr": "Monsignor"}


def _rank_title(rank: str) -> str:
    """The title an abbreviated rank stands for; any other as written ("Dr." keeps its full stop).

    >>> _rank_title("Amb."), _rank_title("Prof"), _rank_title("Dr."), _rank_title("Ambassador")
    ('Ambassador', 'Professor', 'Dr.', 'Ambassador')
    """
    return _RANK_TITLES.get(rank.rstrip("."), rank)


# A rank of the person's own that ends an office ("Head of Mission Ambassador"), the longest first; a head that ends
# with a rank ("Secretary General", "Major General") is one title.
_PERSONAL_RANK_AT_END_RE = re.compile(rf"\s(?:{alternation(tuple(sorted(PERSONAL_RANKS, key=len, reverse=True)))})$")
_HEADS_ENDING_IN_A_RANK = tuple(head for head in vocabulary.TITLE_HEADS if head not in PERSONAL_RANKS
                                for rank in PERSONAL_RANKS if head.endswith((f" {rank}", f"-{rank}")))


#: The words that make a rank another one before it ("Deputy Ambassador", "Chief Superintendent", "Prof. Dr.",
#: "Lieutenant General").
_RANK_MODIFIERS = frozenset({*(word.capitalize() for word in LOWER_RANK_WORDS), "Vice", "Assistant", "Under", "Co",
                             *(word for rank in PERSONAL_RANKS for word in rank.split())})


def _office_and_rank(title: str) -> tuple[str, ...]:
    """A title that runs from an office into the person's own rank as the two titles it is; any other as it is.

    >>> _office_and_rank("Head of the OSCE Office in Vinstad Ambassador"), _office_and_rank("OSCE Secretary General")
    (('Head of the OSCE Office in Vinstad', 'Ambassador'), ('OSCE Secretary General',))
    >>> _office_and_rank("Head of Mission Ambassador"), _office_and_rank("Deputy Ambassador")
    (('Head of Mission', 'Ambassador'), ('Deputy Ambassador',))
    >>> _office_and_rank("Chief of Defence Lieutenant General")
    ('Chief of Defence', 'Lieutenant General')
    >>> _office_and_rank("Presence Head Ambassador")
    ('Presence Head', 'Ambassador')
    """
    if (match := _PERSONAL_RANK_AT_END_RE.search(title)) is None or title.endswith(_HEADS_ENDING_IN_A_RANK):
        return (title,)
    office = title[: match.start()]
    words = office.split()
    # The office ends with the name of a body or a place ("in Vinstad", "of Mission") or with its head ("Presence
    # Head"), not with a word of rank that the rank's own title needs ("Deputy", "Chief"); and it has a head of its own.
    if (words[-1] in _RANK_MODIFIERS and not (len(words) > 1 and words[-2] in _CONNECTORS)) or not _HEAD_RE.search(
            office):
        return (title,)
    return office, match.group().strip()


def _split_rank(name: str) -> tuple[str, list[str]]:
    """The name without the ranks written before it, and those ranks as titles.

    >>> _split_rank("Amb. Henrik J.A.M. Vollmer")
    ('Henrik J.A.M. Vollmer', ['Ambassador'])
    """
    ranks: list[str] = []
    while match := _RANK_PREFIX_RE.match(name):
        rank = match.group("rank")
        if rank not in HONORIFICS:
            ranks.append(_rank_title(rank))
        name = name[match.end() :]
    return name, ranks


def _stripped_end(text: str, end: int) -> int:
    """``len(text[:end].rstrip())``, without copying the text before ``end``.

    >>> _stripped_end("Head of X ,  Name", 12)
    11
    """
    while end and text[end - 1].isspace():
        end -= 1
    return end


def _name_at_end(text: str, end: int) -> int | None:
    """Where a person's name that ends at ``end`` starts (two to four name words), or None."""
    window = text[max(0, end - 80) : end]
    words = list(re.finditer(r"\S+", window))
    for k in (2, 3, 4):
        if len(words) >= k and is_given_name(words[-k].group()) and _is_name(window[words[-k].start() :]):
            return end - len(window) + words[-k].start()
    return None


def _has_own_title_before(text: str, start: int) -> bool:
    """True for a name at ``start`` right after a title phrase of its own: "US Ambassador A" (not a bare rank)
    or "the Deputy Minister, A".

    >>> text = "The Deputy Minister, Lena Varga, the Head of the Office, Tomas Berger, met"
    >>> _has_own_title_before(text, 21), _has_own_title_before("He met Lena Varga", 7)
    (True, False)
    >>> _has_own_title_before("The Head of the Office, Ambassador Lena Varga, the", 35)
    True
    """
    title_start, title = _title_span(text, start)
    if title:
        if len(title.split()) >= 2 and _HEAD_RE.search(title):
            return True
        if title not in RANKS:
            return False
        start = title_start  # "the Head of X, Ambassador A,": the office before the rank is A's too
    before = _stripped_end(text, start)
    if not (before and text[before - 1] == ","):
        return False
    title = _title_before(text, before - 1, lower_case=True)
    return bool(title) and bool(_HEAD_RE.search(title) or _LOWER_HEAD_RE.search(title))


def _belongs_to_the_name_before(text: str, start: int) -> bool:
    """True for a title at ``start`` that follows "Name, " where that name has no title of its own before it:
    in "A, Title, B" the title is A's; in "US Ambassador A, Title, B" it is B's."""
    before = _stripped_end(text, start)
    if not (before and text[before - 1] == ","):
        return False
    name_start = _name_at_end(text, _stripped_end(text, before - 1))
    return name_start is not None and not _has_own_title_before(text, name_start)


# ", the Ambassador B" after a phrase; a space before the comma is a typo the releases have.
_NAME_AFTER_COMMA_RE = re.compile(rf"\s*,\s+(?:the\s+)?(?:(?:{_RANKS})\s+)*(?P<name>{NAME_RE.pattern})")


def _precedes_a_name(text: str, end: int) -> bool:
    """True for a phrase ending at ``end`` that another person's name follows (", the Ambassador B").

    >>> _precedes_a_name("Head of the Border Commission , Karl Weston, said", 29)
    True
    >>> _precedes_a_name("Deputy Minister, Vigen Kocharyan, and", 15), _precedes_a_name("Head, Vigen Kocharyan said", 4)
    (True, False)
    """
    after = _NAME_AFTER_COMMA_RE.match(text, end, min(len(text), end + 120))
    if not (after and _is_name(name := after.group("name"))):
        return False
    # A given name the lexicon knows; or a name set apart by a comma or "and" after it, as a title's name is
    # ("..., the Deputy Minister, Vigen Kocharyan, and").
    return is_given_name(name.split()[0]) or text.startswith((",", " and ", ")"), after.end())


# ---------------------------------------------------------------------------------------------------------
# The shapes. Each yields candidates; the shared step below decides which are officials.


class Candidate(NamedTuple):
    """A name as a shape found it (ranks or a glued title may still stand in it) and the titles given to it."""

    name: str
    titles: tuple[str, ...]


#: One example sentence of a shape and the officials that shape alone finds in it ({name: titles}).
Example = tuple[str, dict[str, list[str]]]

_NAME_OR_RANK = rf"(?:(?:{_RANKS})\s+)*{NAME_RE.pattern}"
_TITLE_COMMA_NAME_RE = re.compile(rf",\s+(?P<name>{_NAME_OR_RANK})(?=\s*[,.;)]|\s+\(|\s+[a-z]|['’]s\b)")
# Marked, white space is ASCII or a mark, and a capital a mark: the scan finds the few commas that white space and
# a capital follow, where a name (or a title, or "the" and a title) may start, faster than a pattern of the text.
# Such a match holds no second comma, so matching at each of them finds what a search of the text finds.
_MARKED_SPACE = rb"[\t-\r\x1c-\x1f \x01]+"


def _lower_office_after_comma(space: str) -> str:
    """The pattern of a lower-case office and its preposition, ``space`` the pattern of white space between words.

    It opens with a test of the first letter, which most words after a comma fail: cheaper than trying each word.
    """
    offices = _by_first_letter((*LOWER_ROLE_HEADS, *MEMBER_WORDS, *LOWER_PLURAL_HEADS))
    firsts = "".join(sorted({word[0] for word in (*LOWER_ROLE_HEADS, *MEMBER_WORDS, *LOWER_PLURAL_HEADS,
                                                  *LOWER_RANK_WORDS)}))
    # After an article, up to two words of the office's kind may stand before its head ("a senior legal adviser
    # with ODIHR"); most commas have no article after them, and their one try of the offices stays as it was.
    kind = (rf"(?:(?<=\ba )|(?<=\ban )|(?<=\bthe ))(?=[a-z]+{space}(?:[a-z]+{space})?[{firsts}])"
            rf"(?:(?!(?:and|or|but|who|which|whose|his|her|their|its)\b)[a-z][\w-]*{space}){{1,2}}?")
    # Without an article, a word of rank or of the office's subject may stand before the head ("programme
    # co-ordinator at"); a word of when or of a clause is none ("also head of").
    subject = (r"(?!(?:and|or|but|who|which|whose|his|her|their|its|also|now|then|still|currently|formerly)\b)"
               r"[a-z][\w-]*")
    return (
        rf"(?:(?=[{firsts}])(?:(?:{alternation(LOWER_RANK_WORDS)}|{subject}){space})?|{kind})(?:{offices}){space}"
        rf"(?:of|for|at|in|to|on|with){space}"
    )


# "Name, Title" starts from a comma before a capital too, or before "the", "a" or "an" and a capital: the commas of
# both shapes are found in one scan, and those before a capital (a subset of them) are told by the group "capital".
# "Name, head of the OSCE Office in X": a lower-case office (a word of rank before it) and a preposition after the
# comma start a title too, an article before them as before a capital: one look-ahead holds both, so a comma before
# a lower-case word costs the scan one try of the offices.
# The same scan finds the commas before " who " (``who_leads``' "Name, who heads the ..."), those before "both" or
# "all" and a title ("A and B, both members of ...", ``names_comma_plural_title``'s) and those before a word of whose
# the title is ("Name, its Secretary,").
_COMMAS_SCAN_RE = re.compile(
    rb",(?:(?=" + _MARKED_SPACE + rb"(?:(?:the|an?|both|all|its|his|her|their)" + _MARKED_SPACE + rb")?(?:(?:"
    + alternation(LOWER_RANK_WORDS).encode() + rb")" + _MARKED_SPACE + rb")?(?:\x01|"
    + _lower_office_after_comma(_MARKED_SPACE.decode()).encode() + rb"))(?P<capital>(?=" + _MARKED_SPACE + rb"\x01))?"
    + rb"|(?P<who>(?= who )))"
)


@_kept_for_the_last_text
def _commas(text: str) -> tuple[list[int], list[int], list[int]]:
    """(commas before a capital; commas before a capital, an article, "both", "all" or a possessive (a word of rank) and
    a capital, or a lower-case office and its preposition; commas before " who "): their places, in text order.

    >>> _commas("Met the Head, Ivo Danek, and Bo Wu, the Head, said; Ed Li, head of it, left, who knew")
    ([12], [12, 34, 57], [75])
    """
    capital: list[int] = []
    article: list[int] = []
    who: list[int] = []
    for comma in _scan(_COMMAS_SCAN_RE, _marked(text)):
        if comma.group("who") is not None:
            who.append(comma.start())
            continue
        article.append(comma.start())
        if comma.group("capital") is not None:
            capital.append(comma.start())
    return capital, article, who


_ADVERB_BEFORE_RE = re.compile(r"\s(?:today|yesterday)$")

TITLE_COMMA_NAME_EXAMPLES: tuple[Example, ...] = (
    ("The Head of the OSCE Office in Ruritania, Ambassador Mira Kallas, opened the seminar.",
     {"Mira Kallas": ["Head of the OSCE Office in Ruritania", "Ambassador"]}),
    ("He regretted that the former Ruritanian leader, Boris Talvik, had left.",
     {"Boris Talvik": ["former Ruritanian leader"]}),
    ("The ombudswoman, Lena Varga, visited the prison.", {"Lena Varga": ["ombudswoman"]}),
    # A chain: each person keeps the title before their own name, whatever the spacing of the commas.
    ("The Deputy Prime Minister and Chair of the Council of Women, Lena Varga, the Deputy Minister of Interior and "
     "Head of the Border Commission , Tomas Berger, signed the plan.",
     {"Lena Varga": ["Deputy Prime Minister and Chair of the Council of Women"],
      "Tomas Berger": ["Deputy Minister of Interior and Head of the Border Commission"]}),
    # "A, Title, B": the title is A's, not B's.
    ("The plan was signed by Ines Moreau, Head of the OSCE Office, Karl Weston and others.", {}),
    # Initials in brackets after the title are part of it as printed; another bracket is none.
    ("The High Commissioner on National Minorities (HCNM), Ana Kos, and the Head of the OSCE Mission to Ruritania "
     "(the Mission), Ivo Danek, met.",
     {"Ana Kos": ["High Commissioner on National Minorities (HCNM)"],
      "Ivo Danek": ["Head of the OSCE Mission to Ruritania"]}),
)


# "the chief electoral officer, Name,", "the head of the border police, Name,": an article, then a lower-case office
# of a few words right before the comma; "the Mission's regional chief, Name," and "whose rector, Name,": an office
# of the body named before it; "the akim of the Vinstad region, Name,": an office of a named body (the group "body").
_LOWER_OFFICE_BEFORE_COMMA_RE = re.compile(
    rf"\b(?P<determiner>[Tt]he|an?|whose|[Ii]ts|his|her|their)\s+(?P<office>(?:(?:former\s+)?(?:{_UP}[\w-]*\s+)?{_UP}[\w-]*(?:['’]s)?\s+)?"
    rf"(?:(?!(?:and|or|who|which|of|whose|its|his|her|their)\b)[a-z][\w'’-]*\s+){{0,3}}"
    rf"(?:{alternation(LOWER_ROLE_HEADS)})(?:\s+general|\s+of\s+the(?:\s+[a-z][\w-]*){{1,3}}"
    rf"|(?P<body>\s+(?:of|at|in|for|to)\s+[^,;()]{{1,80}}))?)$"
)
_POSSESSIVE_WORD_RE = re.compile(r"\w['’]s\s")
#: The words before an office that say whose it is: the body's or the person's named before ("whose rector", "his
#: counterpart").
_OWNING_DETERMINERS = frozenset({"whose", "its", "Its", "his", "her", "their"})


# A clause that opens the sentence and ends at the comma before a name: "After meeting the Foreign Minister, Name
# said", "Together with the head of the delegation, A and B visited".
_CLAUSE_OPENING_RE = re.compile(rf"(?:^|(?<=[.!?] )|(?<=\n))(?:{'|'.join(_CLAUSE_OPENERS)})\b[^,.!?\n]*$")


_LOWER_ROLE_HEAD_WORDS = frozenset(LOWER_ROLE_HEADS)
_LOWER_TITLE_HEAD_WORDS = frozenset(LOWER_TITLE_HEADS)


def _is_an_office(office: str, owned: bool = False) -> bool:
    """True for a lower-case office that makes an official: of a named body, or an office's own head ("prosecutor
    general"), or an officer or official of some kind ("chief electoral officer"), or any office of a body named
    before it (``owned``: "whose rector", "its chair") or in it ("the school's principal"); "the youngest member" is
    none.

    >>> _is_an_office("chief electoral officer"), _is_an_office("regional governor"), _is_an_office("police chief")
    (True, True, False)
    >>> _is_an_office("school's principal"), _is_an_office("rector", owned=True), _is_an_office("rector")
    (True, True, False)
    """
    if _is_lower_case_office(office):
        return True
    words = office.split()
    head = next((word for word in reversed(words) if word in _LOWER_ROLE_HEAD_WORDS), "")
    if head and (owned or _POSSESSIVE_WORD_RE.search(office)):
        return True
    return head in _LOWER_TITLE_HEAD_WORDS or (head in ("officer", "official") and len(words) >= 2)



def title_comma_name(text: str) -> Iterator[Candidate]:
    """"Title, Name," and chains "Title, Name, Title, Name": the name found from its comma, the title before it."""
    for comma in _commas(text)[0]:
        if not (match := _TITLE_COMMA_NAME_RE.match(text, comma)):
            continue
        # "... Special Representative on South East Europe today, Mark Pritchard (United Kingdom)"
        title_end = match.start()
        if adverb := _ADVERB_BEFORE_RE.search(text, max(0, title_end - 12), title_end):
            title_end -= len(adverb.group())
        title_start, title = _title_span(text, title_end, lower_case=True)
        if _belongs_to_the_name_before(text, title_start):
            continue  # "A, Title, B": the title is A's
        closed = text.startswith(",", match.end())
        # A name that ends the sentence is closed too, for an office whose owner a word names ("his counterpart",
        # "the station's director").
        ended = text.startswith(".", match.end())
        if not closed and _CLAUSE_OPENING_RE.search(text, max(0, title_start - 80), title_end):
            continue  # "After meeting the Foreign Minister, Name said": the title is the clause's, not the name's
        headed = bool(title) and bool(_HEAD_RE.search(title) or _LOWER_HEAD_RE.search(title))
        if headed and not title.islower():
            yield Candidate(match.group("name"), (title,))
            continue
        # "the chief electoral officer, Name,": a lower-case office of a few words after an article.
        lower = (_LOWER_OFFICE_BEFORE_COMMA_RE.search(text, max(0, title_end - 120), title_end)
                 if closed or ended else None)
        if lower and not closed and not (lower.group("determiner") in _OWNING_DETERMINERS
                                         or _POSSESSIVE_WORD_RE.search(lower.group("office"))):
            lower = None
        office = lower.group("office") if lower and (
            _is_lower_case_office(lower.group("office")) or _NATIONAL_LOWER_OFFICE_RE.match(lower.group("office"))
            if lower.group("body") else
            _is_an_office(lower.group("office"), owned=lower.group("determiner") in _OWNING_DETERMINERS)) else ""
        if headed:
            # The walk over title words stops at a word of the office's kind ("regional"): the office is longer.
            longer = len(office) > len(title) and office.endswith(title)
            yield Candidate(match.group("name"), (office if longer else title,))
        elif office:
            yield Candidate(match.group("name"), (office,))


# "Name, Title" and "Name (MP, Country), Title": found from the comma, which is rarer than a name.
_TEXT_SPACE = r"\s+"  # the white space between words, in a pattern of the text
# A lower-case office after the comma: after capitalised words ("the Mission's spokesperson"), or as the comma scan
# finds it ("head of the OSCE Office").
_COMMA_BEFORE_TITLE_RE = re.compile(
    rf",\s+(?=(?:the\s+|an?\s+|its\s+|his\s+|her\s+|their\s+)?(?:(?:{alternation(LOWER_RANK_WORDS)})\s+)?(?:OSCE\b|"
    # A body's name before the head, "of" in it too: "Council of Europe Commissioner".
    rf"(?:[A-Z][\w'’-]*\s+(?:of\s+(?:the\s+)?)?){{0,3}}(?:{TITLE_HEADS})\b"
    rf"|(?:[A-Z][\w'’-]*\s+){{1,2}}(?:[a-z][\w-]*\s+){{0,2}}(?:{_by_first_letter(LOWER_ROLE_HEADS)})\b"
    rf"|{_lower_office_after_comma(_TEXT_SPACE)}))"
)
# A name, or a surname after a form of address ("Mr. Haas, the OSCE Co-ordinator ...").
_NAME_BEFORE_COMMA_RE = re.compile(
    rf"(?P<name>{NAME_RE.pattern}|(?:Mr|Ms|Mrs|Dr)\.?\s{_NAME_WORD})(?:\s+\((?P<aside>[^()]{{1,40}})\))?$")

# An officer's or a diplomat's rank before the name: a lower-case office after it is that person's post, whatever
# it is of ("Colonel Name, commander of the border guard unit").
_PERSONAL_RANK_BEFORE_NAME_RE = re.compile(rf"(?:{_by_first_letter(PERSONAL_RANKS)})\s")

NAME_COMMA_TITLE_EXAMPLES: tuple[Example, ...] = (
    ("Anna Berg, Head of the OSCE Office in Ruritania, said the talks were useful.",
     {"Anna Berg": ["Head of the OSCE Office in Ruritania"]}),
    ("Ivo Danek, former Deputy Head of the OSCE Office, presented the report.",
     {"Ivo Danek": ["former Deputy Head of the OSCE Office"]}),
    # A lower-case office of a body or place whose name is capitalised; of a family or a household, none.
    ("Lena Varga, a judge of the Basic Court in Vinstad, and Tomas Berger, head of the family, spoke.",
     {"Lena Varga": ["judge of the Basic Court in Vinstad"]}),
    # A member of a body whose name is capitalised; of a community or a family, none.
    ("Lena Varga, a member of the Ruritanian Parliament, and Ana Kos, a member of the Roma community, spoke.",
     {"Lena Varga": ["member of the Ruritanian Parliament"]}),
    # After a rank, a lower-case office is the officer's post.
    ("Colonel Ivo Danek, commander of the border guard unit, welcomed the visitors.",
     {"Ivo Danek": ["commander of the border guard unit", "Colonel"]}),
    ("Pia Lindholm (MP, Ruritania), Chairperson of the OSCE PA's Committee on Democracy, opened the debate.",
     {"Pia Lindholm": ["Chairperson of the OSCE PA's Committee on Democracy", "MP"]}),
    # "US Ambassador A, the Head of X, B": A has a title of their own; the next one is B's.
    ("The Ruritanian Ambassador Karl Weston, the Head of the OSCE Office, Oliver Grant, and others signed it.", {}),
    ("The Deputy Minister of Justice, Lena Varga, the Head of the Border Commission , Tomas Berger, signed it.", {}),
)


def _is_lower_case_osce_post(title: str) -> bool:
    """True for a lower-case office that the title says is the OSCE's: a word of the OSCE or its bodies in it. Such a
    title after a name makes an official; another lower-case role ("a journalist", "head of the family") does not.

    >>> _is_lower_case_osce_post("Mission’s spokesperson"), _is_lower_case_osce_post("head of the household")
    (True, False)
    """
    return bool(_LOWER_ROLE_HEAD_RE.search(title)) and any(
        _POSSESSIVE_RE.sub("", word) in OSCE_BODY_WORDS for word in title.split()
    )


# "a judge of the Basic Court", "mayor of Vinstad", "a member of the Ruritanian Parliament": a lower-case office, or
# a member's place, of a body or place whose name is capitalised, or whose capitalised name a word of a body follows
# ("the Georgian parliament", "the Mangistau region", "the Rada's foreign affairs committee"). The body's name ends
# the phrase or is followed by a preposition or "and": "head of the Kovač family" and "officer at Vinstad airport"
# name no body. A unit or a subject may stand between the office and the body ("head of the legal unit at the
# Ministry", "professor of law at Vinstad University").
_OF_A_NAMED_BODY = (
    rf"(?:\s+(?:of|on|for)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){{0,2}}?"
    rf"(?:{alternation((*UNIT_WORDS, *LOWER_SUBJECT_WORDS))})(?=\s+(?:of|at|in)\s))?"
    rf"\s+(?:of|at|with|in|for|to)\s+(?:the\s+)?"
    # "the local NGO Mutual Understanding": the body's kind before its name.
    rf"(?:(?:[a-z][\w-]*\s+){{0,3}}?(?:{alternation(LOWER_BODY_KINDS)})\s+)?(?:{_UP}[\w'’.-]*\s*)+"
    rf"(?:(?:[a-z][\w-]*\s+){{0,2}}?(?:{alternation(LOWER_BODY_WORDS)})(?:\s+|$))?"
    r"(?:$|(?=(?:of|in|for|and|at|on|to)\b))"
)
_LOWER_OFFICE_OF_A_BODY_RE = re.compile(rf"\b(?:{alternation((*LOWER_ROLE_HEADS, *MEMBER_WORDS))}){_OF_A_NAMED_BODY}")
# The plural, after a list of names: "A and B, judges of the Court of Vinstad".
_LOWER_PLURAL_OF_A_BODY_RE = re.compile(rf"\b(?:{alternation(LOWER_PLURAL_HEADS)}){_OF_A_NAMED_BODY}")


def _is_lower_case_office(title: str) -> bool:
    """True for a lower-case office after a name that makes an official: the OSCE's, or one of a body or place
    whose name is capitalised ("a judge of the Basic Court"); "head of the family" is none.

    >>> _is_lower_case_office("judge of the Basic Court in Vinstad"), _is_lower_case_office("head of the family")
    (True, False)
    >>> _is_lower_case_office("head of the Kovač family"), _is_lower_case_office("officer at Vinstad airport")
    (False, False)
    """
    return _is_lower_case_osce_post(title) or bool(_LOWER_OFFICE_OF_A_BODY_RE.search(title))


# A surname alone before a comma, which a name of the text spells in full ("Lazarević, the President of ...").
_SURNAME_BEFORE_COMMA_RE = re.compile(rf"(?<![\w'’.-])(?P<name>{_NAME_WORD})$")


def _surname_spelled_in_full(text: str, position: int) -> str | None:
    """The full spelling of a surname written alone right before ``position`` (a comma), when the text writes it
    after one given name elsewhere; None else.

    >>> _surname_spelled_in_full("Ivana Lazarević spoke. Lazarević, the President, said", 32)
    'Ivana Lazarević'
    """
    match = _SURNAME_BEFORE_COMMA_RE.search(text, max(0, position - 40), position)
    if match is None or not _is_surname_alone(surname := match.group("name")) or _is_not_name_word(surname):
        return None
    return _fuller_spelling(text, surname)


def _named_before_comma(text: str, position: int) -> str | None:
    """The name that ends right before ``position`` (a comma): in full, or a surname the text spells in full."""
    if match := _NAME_BEFORE_COMMA_RE.search(text, max(0, position - 120), position):
        return match.group("name")
    return _surname_spelled_in_full(text, position)


# "Name, the former Dutch foreign minister,": a lower-case office after a country's (or a body's) capitalised word;
# a family's or a household's head is none.
_NATIONAL_LOWER_OFFICE_RE = re.compile(
    rf"(?:(?:former|then|acting)\s+)?(?:{_UP}[\w'’-]*\s+){{1,2}}(?:(?!(?:family|household|clan)\b)[a-z][\w-]*\s+){{0,2}}"
    rf"(?:{alternation(LOWER_TITLE_HEADS)})"
)


def name_comma_title(text: str) -> Iterator[Candidate]:
    """"Name, Title," and "Name (MP, Country), Title,": the comma first, then the name before it."""
    for marked_comma in _commas(text)[1]:
        if not (comma := _COMMA_BEFORE_TITLE_RE.match(text, marked_comma)):
            continue
        if not (match := _NAME_BEFORE_COMMA_RE.search(text, max(0, comma.start() - 120), comma.start())):
            # "Lazarević, the President of ...": a capitalised title of a surname the text spells in full.
            if (fuller := _surname_spelled_in_full(text, comma.start())) and (
                    title := _title_after(text, comma.end())) and _HEAD_RE.search(title):
                yield Candidate(fuller, (title,))
            continue
        title = _title_after(text, comma.end())
        if not (title and (_HEAD_RE.search(title) or _is_lower_case_office(title)
                           or _NATIONAL_LOWER_OFFICE_RE.fullmatch(title)
                           or (_PERSONAL_RANK_BEFORE_NAME_RE.match(match.group("name"))
                               and _LOWER_ROLE_HEAD_RE.match(title)))):
            continue
        # "US Ambassador A, the Head of X, B": A has a title; this one is B's. Another name after the title is
        # rare and quick to look for: it is looked for first.
        if _precedes_a_name(text, text.find(title, comma.end()) + len(title)) and (
            any(_HEAD_RE.fullmatch(word) for word in match.group("name").split()[:-2])  # a title glued to A
            or _has_own_title_before(text, match.start("name"))
        ):
            continue
        yield Candidate(match.group("name"), (title, *_bracket_titles(match.group("aside") or "")))


# "Name of Country has begun service as Secretary General of ...", "Name was appointed as Head of ...":
# found from " as ", then the verb, then the name before it.
_COUNTRY_NAME = rf"{_UP}[\w'’-]+(?:\s(?:and\s)?{_UP}[\w'’-]+){{0,2}}"
# What may stand between " as " and the title's capital ("as its Treasurer"); a word of when ("as the new Head") is
# no part of the title. The offices' scan finds each of them, the pattern reads the one it found.
_AS_OPENINGS = ("", "the ", "a ", "an ", "its ", "his ", "her ", "their ", "new ", "the new ", "the incoming ",
                "the interim ", "the next ")
_AS_TITLE_RE = re.compile(rf" as (?:{'|'.join(sorted(_AS_OPENINGS, key=len, reverse=True))})(?=[A-Z])")
_SERVICE_BEFORE_AS_RE = re.compile(
    r"(?:(?:has|have|was|will|had)\s+)?"
    r"(?:begun|began|taken\s+up|took\s+up|taken|took|assumed|been\s+appointed|appointed|been\s+elected|elected|been\s+named|"
    r"named|serve[sd]?|serving|started|starts|continues?|completed|completes|ended|ends|concluded|sworn\s+in)"
    r"(?:\s+(?:service|office|duties|work|(?:his|her|their)\s+(?:duties|post|work|term|mandate|tenure|service)))?$"
    r"|in\s+(?:his|her|their)\s+capacity$"
)
# A word of when may stand before the verb: "Name, a diplomat from Vinstad, today took up duties as ...".
_NAME_BEFORE_SERVICE_RE = re.compile(
    rf"(?P<name>{NAME_RE.pattern})(?:\s+of\s+{_COUNTRY_NAME})?(?:,\s+[^,.;]{{1,80}},)?,?\s+"
    r"(?:(?:today|yesterday|formally|officially)\s+)?$"
)

# "appointed Name as Title", and "extended the mandate (term) of Name as Title": the office kept.
_CHOSEN_NAME_BEFORE_AS_RE = re.compile(
    rf"\b(?:{alternation(tuple(sorted(_CHOOSING_PARTICIPLES)))}|(?:mandate|term|appointment)\s+of)\s+"
    # The person's country, or a few words set apart between commas ("Name, a Ruritanian judge, as Title").
    rf"(?P<name>{_NAME_OR_RANK})(?:\s+of\s+(?:the\s+)?{_COUNTRY_NAME})?(?:,\s+[^,;.]{{1,60}},)?$"
)

SERVICE_AS_TITLE_EXAMPLES: tuple[Example, ...] = (
    ("Tomas Berger of Ruritania has begun service as Secretary General of the OSCE PA.",
     {"Tomas Berger": ["Secretary General of the OSCE PA"]}),
    ("Marta Ilves, a lawyer from Ruritania, took up her duties as Head of the OSCE Office in Vinstad.",
     {"Marta Ilves": ["Head of the OSCE Office in Vinstad"]}),
    ("Foreign Minister Ivo Brandt, in his capacity as OSCE Chairperson-in-Office, opened the Council.",
     {"Ivo Brandt": ["OSCE Chairperson-in-Office", "Foreign Minister"]}),
    ("Marta Ilves spoke as a guest of the Mission.", {}),
    ("Tomas Berger of the Ruritanian Federation was elected President of the OSCE PA.",
     {"Tomas Berger": ["President of the OSCE PA"]}),
    ("Marta Ilves has been appointed Head of the OSCE Office in Vinstad.",
     {"Marta Ilves": ["Head of the OSCE Office in Vinstad"]}),
    # The name after the verb, the title right after it.
    ("The Chairperson-in-Office has appointed Tomas Berger Special Representative for Youth.",
     {"Tomas Berger": ["Special Representative for Youth"]}),
    ("The Council named Vinstad European Capital of Culture.", {}),
    ("The Permanent Council appointed Ivo Danek as Head of the OSCE Mission to Ruritania.",
     {"Ivo Danek": ["Head of the OSCE Mission to Ruritania"]}),
    ("The Council appointed Working Group members.", {}),
    ("The Council extended the mandate of Ivo Danek as Head of the OSCE Mission to Ruritania.",
     {"Ivo Danek": ["Head of the OSCE Mission to Ruritania"]}),
    ("The term of Vinstad as host of the Forum ends in May.", {}),
    ("The Council appointed Ana Kos of Ruritania as Head of the OSCE Office in Vinstad.",
     {"Ana Kos": ["Head of the OSCE Office in Vinstad"]}),
)
#: "Name (of Country) has been appointed / was elected Title", without "as": the verbs are ``_CHOSEN_VERBS``.
# Passive only: "Name has appointed X" is the one who chose.
_NAME_BEFORE_CHOSEN_RE = re.compile(
    rf"(?P<name>{NAME_RE.pattern})(?:\s+of\s+(?:the\s+)?{_COUNTRY_NAME})?,?\s+"
    r"(?:(?:has|have|had)\s+been|was|were|is|will\s+be)$"
)


# Capitalised words in a row, one space apart ("Ivo Danek Special Representative").
_CAPITALISED_WORDS_RE = re.compile(rf"{_UP}[\w'’.-]*(?: {_UP}[\w'’.-]*){{1,7}}")


def service_as_title(text: str) -> Iterator[Candidate]:
    """"Name (of Country) has begun service / took up duties / was appointed / in his capacity as Title", and
    "Name was elected / has been appointed Title"."""
    for start in _roles_and_as(text)[1]:
        if not (as_title := _AS_TITLE_RE.match(text, start)):
            continue
        if not (service := _SERVICE_BEFORE_AS_RE.search(text, max(0, as_title.start() - 40), as_title.start())):
            # "The Council appointed Name as Title": the verb before the name.
            chosen = _CHOSEN_NAME_BEFORE_AS_RE.search(text, max(0, as_title.start() - 80), as_title.start())
            if chosen and (title := _title_after(text, as_title.end())) and _HEAD_RE.search(title):
                yield Candidate(chosen.group("name"), (title,))
            continue
        if match := _NAME_BEFORE_SERVICE_RE.search(text, max(0, service.start() - 200), service.start()):
            title = _title_after(text, as_title.end())
            if title and _HEAD_RE.search(title):
                yield Candidate(match.group("name"), (title,))
    for start in _roles_and_as(text)[2]:  # the offices' scan finds the verbs before a capital
        after = text.index(" ", start + 1) + 1
        # "was named (the) OSCE Chairmanship's Special Representative": the head may stand after capitalised words.
        the = text.startswith("the ", after)
        after += 4 if the else 0
        if not text[after:after + 1].isupper():
            continue
        if match := _NAME_BEFORE_CHOSEN_RE.search(text, max(0, start - 120), start):
            title = _title_after(text, after)
            if title and (_HEAD_RE.match(title) or _HEAD_AFTER_CAPITALS_RE.match(title)):
                yield Candidate(match.group("name"), (title,))
        # "The Chairperson has appointed Name Special Representative for Youth": the name after the verb (the words
        # before it may read as a name too, "The Chairperson-in-Office", which the shared step turns down).
        if not the and (named := _name_then_title(text, after)):
            yield named


def _name_then_title(text: str, start: int) -> Candidate | None:
    """The person and the title of "has appointed Name Title" from ``start``, the name's first letter: the name is the
    capitalised words before the title, which opens with the words before its first head that are no name's.

    >>> _name_then_title("It appointed Ivo Danek Special Representative for Youth.", 13)
    Candidate(name='Ivo Danek', titles=('Special Representative for Youth',))
    """
    if not (run := _CAPITALISED_WORDS_RE.match(text, start)):
        return None
    words = run.group().split()
    head = next((i for i, word in enumerate(words) if i >= 2 and _is_title_head(word)), None)
    if head is None:
        return None
    first = head
    while first > 2 and not _is_name_word(words[first - 1]):
        first -= 1  # "Special" of "Special Representative", "OSCE" of "OSCE Envoy"
    name = " ".join(words[:first])
    title = _title_after(text, start + len(name) + 1)
    return Candidate(name, (title,)) if title and _is_name(name) and _HEAD_AFTER_CAPITALS_RE.match(title) else None


# A phrase before a lower-case office: the words back to the first capitalised one ("OSCE media freedom").
_ROLE_PREFIX_RE = re.compile(rf"(?:(?<=\s)|^)(?P<prefix>(?:{_UP}[\w'’.-]*\s+)+(?:[a-z][\w-]*\s+){{0,3}})$")

LOWER_ROLE_NAME_EXAMPLES: tuple[Example, ...] = (
    ("The Ruritanian envoy Daniel Barstow welcomed the talks.", {"Daniel Barstow": ["Ruritanian envoy"]}),
    ("OSCE media freedom representative Teresa Vasquez repeated her call.",
     {"Teresa Vasquez": ["OSCE media freedom representative"]}),
    ("The journalist Anna Petrova was detained.", {}),
)


# Marked, a lower-case office before a capital is the office, a space and "\x01": the scan stops at each mark (a
# capital, rare) and looks behind it for the offices, longest first; a look-behind has one length, so one for each.
_LOWER_ROLE_FORMS = {head: _marked(head) for head in LOWER_ROLE_HEADS}
_LOWER_ROLE_LENGTHS = sorted({len(form) for form in _LOWER_ROLE_FORMS.values()}, reverse=True)
_LOWER_ROLES_BEHIND = b"|".join(
    rb"(?<=(" + b"|".join(re.escape(form) for form in _LOWER_ROLE_FORMS.values() if len(form) == length) + rb") \x01)"
    for length in _LOWER_ROLE_LENGTHS
)
# " as " before a capital (and "the" or "a" or none between them), where ``service_as_title`` starts, ends in a
# space and a mark too (a match ends before a capital, so no other starts inside it): the offices' scan finds it in
# the same pass, from the same marks, looked behind when no office ends there.
# No office ends with " as", " as a", " as an", " as the" or "new", nor they with an office: a mark is one or the
# other.
_AS_FORMS = tuple(f" as {opening}".encode() for opening in _AS_OPENINGS)
# "Name was elected / has been appointed Title": the verb before a capital, found in the same pass.
_CHOSEN_VERBS = tuple(f" {verb}{the} ".encode() for the in ("", " the") for verb in CHOOSING_VERBS)
_LAST_LETTERS = {re.escape(form[-1:]) for form in _LOWER_ROLE_FORMS.values()} | {
    form[-2:-1] for form in (*_AS_FORMS, *_CHOSEN_VERBS)}
_ROLES_AND_AS_SCAN_RE = re.compile(
    _MARK
    + rb"(?<=[" + b"".join(sorted(_LAST_LETTERS)) + rb"] \x01)(?:"
    + _LOWER_ROLES_BEHIND
    + b"|"
    + b"|".join(rb"(?<=(" + re.escape(form) + rb")\x01)" for form in (*_AS_FORMS, *_CHOSEN_VERBS))
    + b")"
)
_FIRST_AS_GROUP = len(_LOWER_ROLE_LENGTHS) + 1
_FIRST_CHOSEN_GROUP = _FIRST_AS_GROUP + len(_AS_FORMS)
@_kept_for_the_last_text
def _roles_and_as(text: str) -> tuple[list[tuple[int, bytes]], list[int], list[int]]:
    """(mark, marked form) of each place where a lower-case office may end before a capital; where each " as "
    before a capital starts ("the" or "a" between them); and where each " appointed ", " elected " or " named " before
    a capital starts ("the" between them or not): in text order.

    >>> _roles_and_as("The envoy Dan Ross served as the Head and as Envoy; Ann Lee was elected President")
    ([(10, b'envoy')], [25, 41], [63])
    """
    roles: list[tuple[int, bytes]] = []
    starts: list[int] = []
    chosen: list[int] = []
    for place in _scan(_ROLES_AND_AS_SCAN_RE, _marked(text)):
        group = place.lastindex or 0  # each look-behind holds one group: the one that matched
        if group < _FIRST_AS_GROUP:
            roles.append((place.start(), place.group(group)))
        else:
            (starts if group < _FIRST_CHOSEN_GROUP else chosen).append(place.start() - len(place.group(group)))
    return roles, starts, chosen


# The offices that end where the scan found ``form``: it and the shorter ones it ends with.
_LOWER_ROLES_ENDING = {form: [head for head, other in _LOWER_ROLE_FORMS.items() if form.endswith(other)]
                       for form in _LOWER_ROLE_FORMS.values()}


def _lower_roles(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each lower-case office followed by a capitalised word, in text order.

    >>> text = "The US envoy Dan Ross and the vice-president Ann Lee met; the head of it left."
    >>> [text[start:end] for start, end in _lower_roles(text)]
    ['envoy', 'president']
    """
    found = []
    for mark, form in _roles_and_as(text)[0]:
        end = mark - 1
        for head in _LOWER_ROLES_ENDING[form]:
            position = end - len(head)
            before = text[position - 1] if position else " "
            # A mark stands for any capital: the office itself must stand there, a whole word, and a capital after it.
            if not (before.isalnum() or before == "_") and text.startswith(head, position) and text[end + 1].isupper():
                found.append((position, end))
    return iter(sorted(found))


def lower_role_name(text: str) -> Iterator[Candidate]:
    """"US envoy Name", "OSCE media freedom representative Name": a lower-case office right before a name."""
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
        yield Candidate(name, (title,))


# A run of title and name words after a head: capitalised words, initials and connectors, up to punctuation.
# Lower-case words of an office's subject ("... on Roma and Sinti issues Mirjam Karoly") may stand in a run.
_RUN_WORD = (
    rf"(?:{_UP}\.(?:{_UP}\.){{0,3}}|{_UP}[\w'’-]*|{_JOINED_PARTICLE}{_UP}[\w'’-]*|of|for|on|in|the|and|to|at|"
    rf"{alternation(NAME_PARTICLES)}|"
    rf"{_SUFFIX}|{alternation(LOWER_SUBJECT_WORDS)})"
    r"(?![\w'’-])"
)
_RUN_RE = re.compile(rf"{_RUN_WORD}(?:[ \u00a0]{_RUN_WORD})*")
_AND_AT_END_RE = re.compile(r"\band$")
_OF_COUNTRY_RE = re.compile(rf"\s+of\s+(?P<the>the\s+)?(?P<country>{_COUNTRY_NAME})")


def _country_before_and(country: str) -> str:
    """The country of "Name of <country>", whose words may run over "and" into the next person's title.

    >>> _country_before_and("Bosnia and Herzegovina"), _country_before_and("Serbia and Ambassador Lotte")
    ('Bosnia and Herzegovina', 'Serbia')
    >>> _country_before_and("Bosnia and Herzegovina and Ambassador")
    'Bosnia and Herzegovina'

    """
    if " and " not in country or is_country_name(country):
        return country
    parts = country.split(" and ")
    # The longest run of its words before an "and" that names a country ("Bosnia and Herzegovina and ..."), else
    # the words before the first "and".
    return next((" and ".join(parts[:n]) for n in range(len(parts) - 1, 1, -1)
                 if is_country_name(" and ".join(parts[:n]))), parts[0])

TITLE_NAME_EXAMPLES: tuple[Example, ...] = (
    ("Ruritanian Foreign Minister Ilona Vasko chaired the meeting.", {"Ilona Vasko": ["Ruritanian Foreign Minister"]}),
    ("OSCE Representative on Freedom of the Media Harlan Desmet welcomed the law.",
     {"Harlan Desmet": ["OSCE Representative on Freedom of the Media"]}),
    ("The talks were opened by ODIHR Director Link in Warsaw.", {"Link": ["ODIHR Director"]}),
    ("Mayor Kovač welcomed the delegation.", {"Kovač": ["Mayor"]}),
    ("“Mines must go,” said Ambassador Anna Kristín Jónsdóttir of Ruritania.",
     {"Anna Kristín Jónsdóttir": ["Ambassador", "Ambassador of Ruritania"]}),
    # A chained title: the one before the comma is the same person's.
    ("The OSCE Chairperson-in-Office, Ruritania's Foreign Minister Ivo Danek, met the Mission.",
     {"Ivo Danek": ["OSCE Chairperson-in-Office", "Ruritania's Foreign Minister"]}),
    # Two people who share a surname stay two; "Smith" alone could be either, so it joins neither.
    ("The Foreign Minister John Smith met Ambassador Jane Smith in Vinstad. Smith said the talks went well.",
     {"John Smith": ["Foreign Minister"], "Jane Smith": ["Ambassador"]}),
    ("The Minister of Interior opened the new police station.", {}),
    # "Title A and Title B": A's name is found before the "and", whether the lexicon knows the given name or not.
    ("Director of the Police Administration Dobrivoje Marinković and Head of the Border Police Ana Kos signed it.",
     {"Dobrivoje Marinković": ["Director of the Police Administration"], "Ana Kos": ["Head of the Border Police"]}),
    # A parliament's name is no part of a name.
    ("Vice-Speaker of the Verkhovna Rada Oksana Hrytsenko opened the exhibition.",
     {"Oksana Hrytsenko": ["Vice-Speaker of the Verkhovna Rada"]}),
    # A given name that is also a large city's ("Milan") is a name after a title.
    ("Minister Vera Kostić and Judge Milan Kostić signed the protocol.",
     {"Vera Kostić": ["Minister"], "Milan Kostić": ["Judge"]}),
    # "of Country" ends at "and" when the next person's title follows it.
    ("Deputy Foreign Minister Ivo Danek of Ruritania and Ambassador Lena Varga of Vinstad co-chaired the group.",
     {"Ivo Danek": ["Deputy Foreign Minister", "Deputy Foreign Minister of Ruritania"],
      "Lena Varga": ["Ambassador", "Ambassador of Vinstad"]}),
    # Lower-case words of the office's subject stand in its title.
    ("Head of the OSCE PA delegation Ann Berg praised the polling staff.",
     {"Ann Berg": ["Head of the OSCE PA delegation"]}),
    ("UN Special Rapporteur on freedom of expression Ivo Danek joined the call.",
     {"Ivo Danek": ["UN Special Rapporteur on freedom of expression"]}),
)


# Runs repeat from release to release as titles and names do ("on National Minorities", "Maria Telalian"): the answer
# per run is kept, up to a bound, as the words' are.
@lru_cache(maxsize=1 << 13)
def _name_in_run(run: str) -> tuple[int, int] | None:
    """(start, end) of the person's name among the words of a run that follows a title head, or None.

    >>> _name_in_run("of the Media Harlem Désir"), _name_in_run("of the Media")
    ((3, 5), None)
    >>> _name_in_run("Zhyldyz Umetova and Ivo Danek")  # the first person's, whose given name the lexicon lacks
    (0, 2)
    >>> _name_in_run("of the National Assembly Ruzanna Khachatryan in Yerevan")
    (4, 6)
    """
    words = run.split()
    # name_ends[i]: where a name that starts at word i ends, the first stop from i on (or the run's end).
    name_ends, end = [0] * len(words), len(words)
    for i in range(len(words) - 1, -1, -1):
        if words[i] in _NAME_STOPS:
            end = i
        name_ends[i] = end

    # A known given name starts the name: "... on Gender Issues June Zeitlin"; after a particle a word is a
    # surname's ("Sofia dos Santos").
    for start, word in enumerate(words):
        end = name_ends[start]
        if start and words[start - 1] in _PARTICLES:
            continue
        if 2 <= end - start <= 4 and is_given_name(word) and _is_name(" ".join(words[start:end])) and not (
                _completes_the_title(words, start, end)):
            # "Title A and B": the name right after the head, up to "and", is A's, known given name or not.
            first_end = name_ends[0]
            if start > first_end and 2 <= first_end <= 4 and words[first_end] == "and" and _is_name(
                " ".join(words[:first_end])
            ):
                return 0, first_end
            return start, end
    # The name follows the head directly: "Director Link", "Ambassador Radojko Bogojević".
    end = name_ends[0] if words else 0
    if 1 <= end <= 4 and _is_name(" ".join(words[:end])):
        return 0, end
    # The name follows a title word: "... of the Media Harlem Désir", the run's end first, then before each of its
    # stops from the last ("... of the National Assembly Ana Kos in Vinstad").
    stops = [i for i, word in enumerate(words) if word in _NAME_STOPS]
    for end in (len(words), *reversed(stops)):
        first = max((stop for stop in stops if stop < end), default=-1) + 1
        for k in range(first, end - 2):
            tail = words[k + 1 : end]
            if not _is_name_word(words[k]) and len(tail) <= 3 and _is_name(" ".join(tail)) and not (
                    _completes_the_title(words, k + 1, end)):
                return k + 1, end
    return None


def _completes_the_title(words: list[str], start: int, end: int) -> bool:
    """True for words that a title's own words need: after a preposition or an article ("Director of the Institute
    for Peace Studies"), or the end of a country's name ("Minister of the United Arab Emirates").

    >>> _completes_the_title("of the Institute for Peace Studies".split(), 4, 6)
    True
    >>> _completes_the_title("of the United Arab Emirates".split(), 3, 5), _completes_the_title(["Anna", "Berg"], 0, 2)
    (True, False)
    """
    if start and words[start - 1] in _NAME_STOPS and words[start - 1] != "and":
        return True
    return any(is_country_name(" ".join(words[before:end])) for before in range(max(0, start - 2), start))


def _and_before_a_title(run: str) -> int | None:
    """Where the first " and " of a run that a title head follows stands ("... Name and Head of ..."), if any.

    >>> _and_before_a_title("of the Police Ivo Danek and the Head of it"), _and_before_a_title("of Labour and Ivo")
    (23, None)
    >>> _and_before_a_title("Ivo Danek and OSCE Envoy Ana Kos"), _and_before_a_title("of Labour and Social Policy Ivo")
    (9, None)
    """
    position = run.find(" and ")
    while position >= 0:
        after = position + 5
        # The head may follow a body's words or initials: "... and OSCE Co-ordinator B", "... and UN Envoy B".
        if _HEAD_AFTER_CAPITALS_RE.match(run, after + 4 if run.startswith("the ", after) else after):
            return position
        position = run.find(" and ", after)
    return None


def title_name(text: str) -> Iterator[Candidate]:
    """"Title Name": a title head, then a run of title and name words in which the name is found.

    A title before a comma right before it is the same person's ("The OSCE Chairperson-in-Office,
    Serbia's Foreign Minister Name"); a rank before "of Country" gives "Ambassador of Country".
    """
    for head in _title_heads(text):
        run = _RUN_RE.match(text, head.end() + 1) if text[head.end() : head.end() + 1] == " " else None
        if not run:
            continue
        # "Title A and Title B": A is looked for before the "and", where B's words cannot be taken for A's.
        cut = _and_before_a_title(run.group())
        if not (found_span := (cut is not None and _name_in_run(run.group()[:cut])) or _name_in_run(run.group())):
            continue
        words = run.group().split()
        start, end = found_span
        # The run's words stand one space apart (``_RUN_RE``), none holding one: their places follow from lengths.
        name_start = run.start() + sum(map(len, words[:start])) + start
        name_end = name_start + sum(map(len, words[start:end])) + end - start - 1
        name = text[name_start:name_end]
        title_end = name_start - 1 if start else head.end()
        before = _stripped_end(text, title_end)
        if _AND_AT_END_RE.search(text[max(0, before - 4) : before]):  # the last four characters tell
            continue  # "A, Title of X and B": the title is A's
        title_start, title = _title_span(text, title_end, lower_case=True)
        titles = [title]
        prefix = _stripped_end(text, title_start)
        # "A, Title, and Title B": a title before ", and" is A's, not B's.
        if prefix and text[prefix - 1] == "," and not text.startswith("and ", title_start):
            earlier_start, earlier = _title_span(text, prefix - 1)
            if earlier and _HEAD_RE.search(earlier) and not _belongs_to_the_name_before(text, earlier_start):
                titles.insert(0, earlier)
        if start == 0 and (country := _OF_COUNTRY_RE.match(text, name_end)) and (
                not country.group("the") or is_country_name(country.group("country"))):  # "of the Russian Federation"
            titles.append(f"{title} of {country.group('the') or ''}{_country_before_and(country.group('country'))}")
        yield Candidate(name, tuple(titles))


# "Name (Title)": a title in brackets right after a name; of a bracket of several parts, those with a title head
# ("Ana Kos (MP, Ruritania)": countries alone in brackets are taken out before the shapes read the text).
_BRACKETED_TITLE_RE = re.compile(r"\(([^()]{2,100})\)")
_NAME_BEFORE_BRACKET_RE = re.compile(rf"(?P<name>{_NAME_OR_RANK})$")

NAME_BRACKET_TITLE_EXAMPLES: tuple[Example, ...] = (
    ("The panel heard Lena Varga (President of the Vinstad Bar Association) and Ivo Danek (Deputy Head).",
     {"Lena Varga": ["President of the Vinstad Bar Association"], "Ivo Danek": ["Deputy Head"]}),
    ("Ana Kos (MP, Finland) chaired the session.", {"Ana Kos": ["MP, Finland"]}),
    ("Tomas Berger (left) and Ana Kos (ODIHR) spoke at the Vinstad Academy (Police).", {}),
)


def _bracket_titles(bracket: str) -> tuple[str, ...]:
    """The titles a bracket after a name prints: each part between commas with a title head, with the countries
    that follow it ("MP, Finland").

    >>> _bracket_titles("MP, Finland"), _bracket_titles("Head of Office, left"), _bracket_titles("ODIHR")
    (('MP, Finland',), ('Head of Office',), ())
    >>> _bracket_titles("Director, Open Courts Foundation"), _bracket_titles("legal adviser, ODIHR")
    (('Director, Open Courts Foundation',), ('legal adviser, ODIHR',))
    """
    titles: list[str] = []
    parts = [part.strip() for part in bracket.split(",")]
    for index, part in enumerate(parts):
        # A lower-case office counts before the body it holds ("legal adviser, ODIHR").
        if _HEAD_RE.search(part) or (_LOWER_ROLE_HEAD_RE.search(part) and part.islower() and index + 1 < len(parts)
                                     and _names_a_body(parts[index + 1])):
            titles.append(part)
        elif titles and (is_country_name(part) or _names_a_body(part)):
            titles[-1] += f", {part}"
    return tuple(titles)


def _names_a_body(part: str) -> bool:
    """True for a capitalised name of a body: its initials, or words that end with a structure's or an OSCE body's.

    >>> _names_a_body("ODIHR"), _names_a_body("Open Courts Foundation"), _names_a_body("OSCE Mission to Moldova")
    (True, True, True)
    >>> _names_a_body("left"), _names_a_body("Vinstad")
    (False, False)
    """
    words = part.split()
    return bool(words) and words[0][:1].isupper() and (
        (len(words) == 1 and _is_acronym(part))
        or any(_POSSESSIVE_RE.sub("", word) in OSCE_BODY_WORDS or word in STRUCTURE_WORDS for word in words))


def name_bracket_title(text: str) -> Iterator[Candidate]:
    """"Name (Title)": the parts of a bracket after a name that hold a title head are the name's titles."""
    # Each bracket is found in the marked copy: a search for one byte is a memchr, several times faster than one for
    # two characters of the text. A title in it opens with a capital (a mark) or a lower-case letter, after a space
    # after a name's letter.
    marked = _marked(text)
    bracket_at = marked.find(b"(")
    while bracket_at >= 0:
        space = bracket_at - 1
        # A lower-case office may open it before its body ("legal adviser, ODIHR").
        if (marked[bracket_at + 1 : bracket_at + 2] == _MARK or text[bracket_at + 1 : bracket_at + 2].islower()) and (
            text[space : bracket_at] == " ") and (
            text[space - 1 : space].isalpha()
        ) and (bracket := _BRACKETED_TITLE_RE.match(text, bracket_at)) and (
            titles := _bracket_titles(bracket.group(1))
        ) and (name := _NAME_BEFORE_BRACKET_RE.search(text, max(0, space - 120), space)):
            # The title before the name ("OSCE PA President Ana Kos (MP)") is another shape's: the name starts after it.
            words = name.group("name").split()
            heads = [index for index, word in enumerate(words) if _is_title_head(word)]
            rest = words[heads[-1] + 1 :] if heads else words
            if rest:
                yield Candidate(" ".join(rest), titles)
        bracket_at = marked.find(b"(", bracket_at + 1)


# A list's item may carry its place in brackets ("Governors A (Odesa) and B (Mykolaiv)"; countries are taken out
# before the shapes read the text).
_PLACE_IN_BRACKETS = r"(?:\s+\([^()]{1,40}\))?"
_LIST_ITEM = rf"{_NAME_OR_RANK}(?:\s+of\s+(?:the\s+)?{_COUNTRY_NAME})?{_PLACE_IN_BRACKETS}"


def _list_of(item: str) -> str:
    """The pattern of a list of ``item``: "A and B", "A, B and C", "A, B, and C"."""
    return rf"{item}(?:,\s+{item})*,?\s+and\s+{item}"


#: What stands between the items of a list.
_LIST_SEPARATOR_RE = re.compile(r",\s+(?:and\s+)?|,?\s+and\s+")
_LIST_NAMES_RE = re.compile(rf"\s+(?P<names>{_list_of(_LIST_ITEM)})")
_LIST_ITEM_RE = re.compile(
    rf"(?P<name>{_NAME_OR_RANK})(?:\s+of\s+(?P<country>(?:the\s+)?{_COUNTRY_NAME}))?{_PLACE_IN_BRACKETS}"
)
# Up to three capitalised words before a plural head belong to its title ("OSCE PA Foreign Ministers"); the
# search ends one letter into the head, so the earliest start that reaches it wins.
_WORDS_BEFORE_HEAD_RE = re.compile(rf"\b(?=[A-Z])(?:{_UP}[\w'’-]*\s+){{0,3}}[A-Z]\Z")

PLURAL_TITLE_LIST_EXAMPLES: tuple[Example, ...] = (
    ("The delegation included Senators Jeanne Marsh, Roger Wick, and Ben Cardell.",
     {"Jeanne Marsh": ["Senators"], "Roger Wick": ["Senators"], "Ben Cardell": ["Senators"]}),
    # One of the list with a rank of their own keeps it, with their country.
    ("Foreign Ministers Anna Lind of Ruritania, Bruno Kessel of Austria and Ambassador Erik Dahl of Norway met.",
     {"Anna Lind": ["Foreign Ministers"], "Bruno Kessel": ["Foreign Ministers"],
      "Erik Dahl": ["Ambassador of Norway", "Ambassador"]}),
    ("Ministers of the region met in Vinstad.", {}),
    ("MPs Ana Kos and Tomas Berger joined the observers.", {"Ana Kos": ["MPs"], "Tomas Berger": ["MPs"]}),
    ("Governors Ana Kos (Vinstad) and Tomas Berger (Port Ruri) met.", {"Ana Kos": ["Governors"],
                                                                        "Tomas Berger": ["Governors"]}),
    ("Deputy Heads of Mission Ivo Danek and Lena Varga met the press.",
     {"Ivo Danek": ["Deputy Heads of Mission"], "Lena Varga": ["Deputy Heads of Mission"]}),
)


# Marked, a plural head that starts with a capital is "\x01" and the rest of it; one that does not is always
# searched for. A list can follow a head only where white space and a capital do (``_LIST_START_RE``); marked,
# white space is ASCII or a mark, and the capital a mark, so the scan passes over the other heads.
_PLURAL_TAILS = {head: form[1:] for head in PLURAL_TITLE_HEADS if (form := _marked(head)).startswith(_MARK)}
_PLURAL_SCAN_RE = _heads_scan(_PLURAL_TAILS.values(), before=_MARK, follow=rb"(?=[\t-\r\x1c-\x1f \x01]+\x01)")
_LIST_START_RE = re.compile(rf"\s+{_UP}")
# The heads that may start where the scan captures a form: those whose form begins it ("Ministers" where
# "inisters" is captured). So each head is looked for only where the scan found it may be, not in the whole text.
_PLURAL_HEADS_BY_FORM = {form: [head for head, tail in _PLURAL_TAILS.items() if form.startswith(tail)]
                         for form in _PLURAL_TAILS.values()}
_PLURAL_UNMARKED_HEADS = tuple(head for head in PLURAL_TITLE_HEADS if head not in _PLURAL_TAILS)


def _plural_heads(text: str) -> list[tuple[int, list[int]]]:
    """(end, starts) of the plural title heads that white space and a capital follow (where a list of names may),
    in text order: every head that ends there ("Foreign Ministers" and "Ministers").

    >>> text = "Foreign Ministers Ann Lee and Bo Wu met; Senators of it, Vice-Senators Ed Li and Senators Ivo Danek"
    >>> [(text[min(starts):end], len(starts)) for end, starts in _plural_heads(text)]
    [('Foreign Ministers', 2), ('Senators', 1)]
    """
    places = [(place.start(), head) for place in _scan(_PLURAL_SCAN_RE, _marked(text))
              for head in _PLURAL_HEADS_BY_FORM[place.group(1)]]
    for head in _PLURAL_UNMARKED_HEADS:
        position = text.find(head)
        while position >= 0:
            places.append((position, head))
            position = text.find(head, position + len(head))
    found: dict[int, list[int]] = {}
    for position, head in places:
        end = position + len(head)
        before = text[position - 1] if position else " "
        # A mark stands for any capital: the head itself must stand there, a whole word.
        whole_word = not (before.isalnum() or before in "_-")  # "Presidents" of "Vice-Presidents" is no head
        if whole_word and text.startswith(head, position) and _LIST_START_RE.match(text, end):
            found.setdefault(end, []).append(position)
    return sorted(found.items())


def plural_title_list(text: str) -> Iterator[Candidate]:
    """"Senators A, B and C": each of a list after a plural title, or a rank of their own."""
    position = 0
    for head_end, head_starts in _plural_heads(text):
        if min(head_starts) < position or not (names := _LIST_NAMES_RE.match(text, head_end)):
            continue
        title_start = min(
            words.start() if (words := _WORDS_BEFORE_HEAD_RE.search(text, max(position, start - 120), start + 1))
            else start
            for start in head_starts
        )
        title = _clean_title(text[title_start:head_end])  # as printed: "Foreign Ministers"
        position = names.end()
        for item in _LIST_SEPARATOR_RE.split(names.group("names")):
            if not (found_item := _LIST_ITEM_RE.fullmatch(item)):
                continue
            raw_name, country = found_item.group("name"), found_item.group("country")
            ranks = _split_rank(raw_name)[1]
            if ranks:  # "... and Ambassador C of Norway": C has a rank of his own, not the plural title
                yield Candidate(raw_name, (f"{ranks[-1]} of {country}",) if country else ())
            else:
                yield Candidate(raw_name, (title,))


# "The Ministers of the Interior of X and Y, A and B,": a list of names after a comma, a plural title before it.
_LIST_AFTER_COMMA_RE = re.compile(
    rf",\s+(?P<names>{_list_of(_LIST_ITEM)})(?=\s*[,.;:–—)])"
)

_PLURAL_RANK_BEFORE_RE = re.compile(rf"^(?:{_PLURAL_HEADS})\s+")
# "Two mayors, A and B,", "the mayors of X and Y, A and B,", "the Mission's two deputy heads, A and B,": a lower-case
# plural before the list, of a named body or place, of a possessive's body, or counted.
_LOWER_PLURAL_BEFORE_COMMA_RE = re.compile(
    rf"(?:\b(?P<count>[Tt]wo|[Tt]hree|[Ff]our|[Bb]oth)\s+|\b(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+"
    rf"(?P<owner>{_UP}[\w-]*['’]s\s+(?:two\s+|three\s+)?)?)"
    rf"(?P<title>(?:[a-z][\w-]*\s+)?(?:{alternation(LOWER_PLURAL_HEADS)})(?P<body>\s+(?:of|at|in|for|to)\s+[^,;()]{{1,80}})?)$"
)


#: Lower-case plurals that are offices whatever they chair ("the co-chairs of the working group").
_OFFICE_PLURALS = frozenset({"co-chairs", "vice-chairs", "vice-presidents"})


def _lower_plural_title_before(text: str, end: int) -> str:
    """The lower-case plural title that ends at ``end`` (a comma before a list of names), if any.

    >>> _lower_plural_title_before("Two mayors", 10), _lower_plural_title_before("the mayors of Vinstad and Ruri", 30)
    ('mayors', 'mayors of Vinstad and Ruri')
    >>> _lower_plural_title_before("The Mission's two deputy heads", 30), _lower_plural_title_before("the members", 11)
    ("Mission's two deputy heads", '')
    >>> _lower_plural_title_before("the co-chairs of it", 19), _lower_plural_title_before("the members of it", 17)
    ('co-chairs of it', '')
    """
    found = _LOWER_PLURAL_BEFORE_COMMA_RE.search(text, max(0, end - 120), end)
    if found is None:
        return ""
    title = found.group("title")
    office = not _OFFICE_PLURALS.isdisjoint(title.split()[:2])  # "the co-chairs of the working group"
    if found.group("body"):
        return title if office or _LOWER_PLURAL_OF_A_BODY_RE.match(title) else ""
    if found.group("owner"):
        return found.group("owner") + title
    return title if found.group("count") or office else ""


PLURAL_TITLE_COMMA_LIST_EXAMPLES: tuple[Example, ...] = (
    ("The Ministers of the Interior of Ruritania and Vinstad, Ana Kos and Ivo Danek, agreed on joint patrols.",
     {"Ana Kos": ["Ministers of the Interior of Ruritania and Vinstad"],
      "Ivo Danek": ["Ministers of the Interior of Ruritania and Vinstad"]}),
    ("The Co-Chairs of the Working Group, Ambassadors Ana Kos, Ivo Danek and Lena Varga, met in Vinstad.",
     {"Ana Kos": ["Co-Chairs of the Working Group"], "Ivo Danek": ["Co-Chairs of the Working Group"],
      "Lena Varga": ["Co-Chairs of the Working Group"]}),
    ("The ministers met in Vinstad, Ana Kos and Ivo Danek said.", {}),
)


def plural_title_comma_list(text: str) -> Iterator[Candidate]:
    """"The Ministers of X and Y, A and B,": a plural title, then the list it names after a comma."""
    # A dash may open such a list too ("The Mayors of X and Y – A and B –"); it is not looked for: a search of
    # the text for dashes costs more than the rest of the shape.
    for position in _commas(text)[0]:
        # A list holds "and": most commas have none after them, and a test of text is quick.
        if " and " not in text[position : position + 160] or not (names := _LIST_AFTER_COMMA_RE.match(text, position)):
            continue
        title = _title_before(text, position)
        if not _PLURAL_RE.search(title) and not (title := _lower_plural_title_before(text, position)):
            continue
        # "The Co-Chairs, Ambassadors A and B,": a plural rank before the list is theirs too (``plural_title_list``
        # gives it), no word of the first name.
        listed = _PLURAL_RANK_BEFORE_RE.sub("", names.group("names"), count=1)
        for item in _LIST_SEPARATOR_RE.split(listed):
            if found_item := _LIST_ITEM_RE.fullmatch(item):
                yield Candidate(found_item.group("name"), (title,))


# "Name, who heads the OSCE Centre in X,": the office told by its verb, whose object is an OSCE body or another
# structure; "who leads the team" tells no office.
# Between "the" and the structure, only its name's capitalised words and the lower-case words of an office's
# subject ("headed the ODIHR limited election observation mission"): "chaired the meeting of the Council" is none.
_BODY_WORD = rf"(?:{alternation((*sorted(OSCE_BODY_WORDS), *STRUCTURE_WORDS))})\b"
# A unit's body is the OSCE's or the state's: an association's team or a club's group is no office.
_STATE_BODY_WORD = rf"(?:{alternation((*sorted(OSCE_BODY_WORDS), *STATE_STRUCTURE_WORDS))})\b"
# Or a unit of such a body, in lower case: "heads the democratization department of the OSCE Mission to X".
_LEADS_A_BODY_RE = re.compile(
    rf"(?:{alternation(LEAD_VERBS)}) the (?:"
    rf"(?:(?:[A-Z][\w'’-]*|{alternation(LOWER_SUBJECT_WORDS)}) ){{0,5}}?{_BODY_WORD}"
    rf"|(?:[a-z][\w-]* ){{0,2}}(?:{alternation(UNIT_WORDS)}) (?:of|at|in) the "
    rf"(?:[A-Z][\w'’-]* ){{0,4}}?{_STATE_BODY_WORD}"
    # A body whose capitalised name a word of a body follows: "chairs the Cahul district council".
    rf"|(?:[A-Z][\w'’-]* ){{1,3}}(?:[a-z][\w-]* ){{0,2}}?(?:{alternation(LOWER_BODY_WORDS)})\b)"
)
# A title that opens with its head, or with up to three capitalised words before it ("OSCE Chairmanship's Special
# Envoy"), the head no owner of what follows ("the Ambassador's driver").
_HEAD_AFTER_CAPITALS_RE = re.compile(rf"(?:[A-Z][\w'’-]*\s+){{0,3}}(?:{TITLE_HEADS}){_HEAD_END}(?!['’]s\b)")
_WHO_LEADS = ", who "
# "Name, who is the Deputy Head of ...": a verb of being or of taking office, then the title, capitalised.
_WHO_IS_RE = re.compile(
    r"(?:(?:until|since)\s+(?:last\s+)?(?:year|month|week|\d{4})\s+)?"
    # The longer forms first: "was appointed" before "was".
    rf"(?:(?:has\s+been|was|were)\s+(?:{alternation(CHOOSING_VERBS)})(?:\s+as)?|(?:has\s+|had\s+)?serve[sd]\s+as|serves\s+as|"
    r"(?:has\s+)?work(?:s|ed)\s+as|acts\s+as|"
    r"(?:has\s+)?(?:completed|ended|began|begun|started)\s+(?:his|her|their)\s+(?:term|mandate|tenure)\s+as|"
    r"(?:has\s+)?t(?:ook|aken)\s+(?:up\s+)?(?:office|(?:his|her|their)\s+(?:duties|post))\s+as|"
    r"is\s+also|was\s+also|has\s+become|became|is|was)"
    # "who was then Speaker", "who is currently the Head": a word of when is no part of the title.
    r"(?:\s+(?:then|now|currently|still))?"
    r"\s+(?:the\s+|an?\s+)?(?=[A-Za-z])"
)

WHO_LEADS_EXAMPLES: tuple[Example, ...] = (
    ("Ana Kos, who completed her term as Head of the OSCE Office in Vinstad, was thanked.",
     {"Ana Kos": ["Head of the OSCE Office in Vinstad"]}),
    ("Ivo Danek, who heads the OSCE Centre in Vinstad, presented the programme.",
     {"Ivo Danek": ["heads the OSCE Centre in Vinstad"]}),
    ("“The vote was calm,” said Lena Varga, who headed the ODIHR limited election observation mission.",
     {"Lena Varga": ["headed the ODIHR limited election observation mission"]}),
    ("Tomas Berger, who leads the local football team, thanked the Mission.", {}),
    ("Ana Kos, who heads the human rights department of the OSCE Mission to Vinstad, spoke.",
     {"Ana Kos": ["heads the human rights department of the OSCE Mission to Vinstad"]}),
    ("Lena Varga, who serves as Deputy Minister of Justice, opened the event.",
     {"Lena Varga": ["Deputy Minister of Justice"]}),
    ("Ivo Danek, who was appointed Head of the OSCE Office in Vinstad in May, met the press.",
     {"Ivo Danek": ["Head of the OSCE Office in Vinstad"]}),
    ("Ana Kos, who is the Mission's Senior Adviser on Gender, spoke.",
     {"Ana Kos": ["Mission's Senior Adviser on Gender"]}),
    ("Ivo Danek, who was then Speaker of the Ruritanian Parliament, signed the act.",
     {"Ivo Danek": ["Speaker of the Ruritanian Parliament"]}),
    ("Ana Kos, who was born in Vinstad, and Ivo Danek, who is a Ruritanian citizen, spoke.", {}),
)


def who_leads(text: str) -> Iterator[Candidate]:
    """"Name, who heads / led / chairs the <OSCE body or named structure>": the phrase is the office; "Name, who is
    / serves as / was appointed <Title>": the title."""
    for position in _commas(text)[2]:
        after = position + len(_WHO_LEADS)
        if _LEADS_A_BODY_RE.match(text, after) and (name := _named_before_comma(text, position)):
            title = _title_after(text, after)
            if _LEADS_A_BODY_RE.match(title):
                yield Candidate(name, (title,))
        elif (serves := _WHO_IS_RE.match(text, after)) and (name := _named_before_comma(text, position)):
            title = _title_after(text, serves.end())
            # A capitalised title, or a lower-case office of a named body ("a legal adviser to the Ombudsman").
            if (title[:1].isupper() and _HEAD_AFTER_CAPITALS_RE.match(title)) or (
                    title[:1].islower() and _is_lower_case_office(title)):
                yield Candidate(name, (title,))


# "A and B, Heads of ...": a plural title after the comma, a list of names before it.
_COMMA_BEFORE_PLURAL_RE = re.compile(
    rf",\s+(?:the\s+)?(?:(?:both|all)\s+)?(?=(?:[A-Z][\w'’-]*\s+){{0,3}}(?:{_PLURAL_HEADS})\b"
    rf"|(?:{alternation(LOWER_PLURAL_HEADS)})\s+(?:of|at|with|in|for|to)\s+(?:the\s+)?[A-Z])"
)
_NAMES_BEFORE_COMMA_RE = re.compile(rf"(?P<names>{_list_of(NAME_RE.pattern)})$")

NAMES_COMMA_PLURAL_TITLE_EXAMPLES: tuple[Example, ...] = (
    ("Anna Berg and Tomas Weston, Heads of the OSCE Missions to Ruritania and to Vinstad, opened the seminar.",
     {"Anna Berg": ["Heads of the OSCE Missions to Ruritania and to Vinstad"],
      "Tomas Weston": ["Heads of the OSCE Missions to Ruritania and to Vinstad"]}),
    ("Ivo Danek, Lena Varga and Bo Lindqvist, the Co-Chairs of the Working Group, met the press.",
     {"Ivo Danek": ["Co-Chairs of the Working Group"], "Lena Varga": ["Co-Chairs of the Working Group"],
      "Bo Lindqvist": ["Co-Chairs of the Working Group"]}),
    ("Students from Vinstad and Port Ruri, Heads of households and others attended.", {}),
    # A lower-case plural of a body whose name is capitalised; of a family, none.
    ("Ana Kos and Ivo Danek, judges of the Supreme Court of Ruritania, met the trainees.",
     {"Ana Kos": ["judges of the Supreme Court of Ruritania"],
      "Ivo Danek": ["judges of the Supreme Court of Ruritania"]}),
    ("Ana Kos and Ivo Danek, members of the Kovač family, met the trainees.", {}),
)


def names_comma_plural_title(text: str) -> Iterator[Candidate]:
    """"A and B, Heads of ...,": a plural title after a list of names is each one's ("A and B, both members of")."""
    for marked_comma in _commas(text)[1]:
        # A list of names ends in "and B" before the comma: most commas have none, and a test of text is quick.
        if " and " not in text[max(0, marked_comma - 80) : marked_comma] or not (
                comma := _COMMA_BEFORE_PLURAL_RE.match(text, marked_comma)):
            continue
        if not (names := _NAMES_BEFORE_COMMA_RE.search(text, max(0, comma.start() - 200), comma.start())):
            continue
        title = _title_after(text, comma.end())
        if not (title and (_PLURAL_RE.search(title) or _LOWER_PLURAL_OF_A_BODY_RE.match(title))):
            continue
        for name in _LIST_SEPARATOR_RE.split(names.group("names")):
            yield Candidate(name, (title,))


class Shape(NamedTuple):
    """A shape of naming an official: the function that finds it and its examples."""

    find: Callable[[str], Iterable[Candidate]]
    examples: tuple[Example, ...]


#: Every shape, in the order their titles are listed for one person.
SHAPES: tuple[Shape, ...] = (
    Shape(title_comma_name, TITLE_COMMA_NAME_EXAMPLES),
    Shape(name_comma_title, NAME_COMMA_TITLE_EXAMPLES),
    Shape(service_as_title, SERVICE_AS_TITLE_EXAMPLES),
    Shape(lower_role_name, LOWER_ROLE_NAME_EXAMPLES),
    Shape(title_name, TITLE_NAME_EXAMPLES),
    Shape(name_bracket_title, NAME_BRACKET_TITLE_EXAMPLES),
    Shape(plural_title_list, PLURAL_TITLE_LIST_EXAMPLES),
    Shape(names_comma_plural_title, NAMES_COMMA_PLURAL_TITLE_EXAMPLES),
    Shape(who_leads, WHO_LEADS_EXAMPLES),
    Shape(plural_title_comma_list, PLURAL_TITLE_COMMA_LIST_EXAMPLES),
)

# ---------------------------------------------------------------------------------------------------------
# The shared step: a candidate accepted or not, and the mentions of one person merged.


@dataclass(slots=True)
class Official:
    """A named person given a title in a release."""

    name: str
    titles: list[str] = field(default_factory=list)
    mentions: int = 1

    @property
    def title(self) -> str | None:
        """The most complete title: the longest office, else the longest rank ("Chief of Defence" before
        "Lieutenant General")."""
        offices = [title for title in self.titles if title not in _RANK_TITLE_WORDS]
        return max(offices or self.titles, key=len) if self.titles else None

    def to_dict(self) -> dict[str, Any]:
        """The record's ``officials`` entry."""
        return {"name": self.name, "title": self.title, "titles": list(self.titles), "mentions": self.mentions}


_POSSESSIVE_END_RE = re.compile(r"['’]s$")


@lru_cache(maxsize=1 << 13)  # as ``is_given_name``: the words of names repeat
def _is_title_head(word: str) -> bool:
    return bool(_HEAD_RE.fullmatch(word))


def _is_surname_alone(name: str) -> bool:
    """True for a name of one word written as a surname is: each part of it (between hyphens) a capital, then
    lower-case letters, in any script.

    >>> _is_surname_alone("Kovač"), _is_surname_alone("Lind-Berg"), _is_surname_alone("OSCE"), _is_surname_alone("Li")
    (True, True, False, False)
    """
    return len(name) >= 3 and all(
        part[:1].isupper() and len(rest := part[1:].replace("'", "").replace("’", "")) >= 1 and rest.isalpha()
        and rest.islower() for part in name.split("-"))


def accept(candidate: Candidate) -> tuple[str, list[str]] | None:
    """(name, titles) of a candidate that is a person with a title, else None.

    The name loses ranks (which become titles), a possessive and a title glued to it; titles lose
    sentence fragments and other people's names, and must hold a title head.

    >>> accept(Candidate("Ambassador Vincent Delorme's", ()))
    ('Vincent Delorme', ['Ambassador'])
    >>> accept(Candidate("Uzbek President Shavkat Karimbekov", ("of the",)))
    ('Shavkat Karimbekov', ['Uzbek President'])
    >>> accept(Candidate("Human Rights Watch", ("Director",))) is None
    True
    """
    found = _accepted(candidate)
    return (found[0], list(found[1])) if found else None


# The same officials are named in the same words from release to release ("The OSCE Secretary General, Name,"): the
# answer per candidate is kept, up to a bound, as the words' are. A tuple of titles, which no caller can change.
@lru_cache(maxsize=1 << 13)
def _accepted(candidate: Candidate) -> tuple[str, tuple[str, ...]] | None:
    name, ranks = _split_rank(candidate.name.strip())
    name = _POSSESSIVE_END_RE.sub("", name.strip(" ,."))
    titles = list(candidate.titles)
    # A title glued to the name ("Uzbek President Shavkat Karimov"): its words are a title.
    words = name.split()
    heads = [i for i, word in enumerate(words) if _is_title_head(word)]
    if heads and len(words) - heads[-1] > 2:
        titles.append(" ".join(words[: heads[-1] + 1]))
        name, more_ranks = _split_rank(" ".join(words[heads[-1] + 1 :]))
        ranks += more_ranks
    if not name or not _is_name(name):
        return None
    if len(name.split()) == 1 and (_is_not_name_word(name) or not _is_surname_alone(name)):
        return None
    # A rank found as a head ("Prof. Name") is the title it is as a rank before a name.
    kept = [_rank_title(part) for title in (_without_other_names(_clean_title(t)) for t in titles) if _is_title(title)
            for part in _office_and_rank(title)]
    kept += ranks
    return (name, tuple(kept)) if kept else None


def _name_key(name: str) -> tuple[str, ...]:
    return tuple(fold(word) for word in name.split())


def _is_initial(word: str) -> bool:
    return bool(re.fullmatch(r"(?:\w\.)+", word))


def _is_shorter_form(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """True when ``short`` names the person ``long`` names with fewer words: the same surname last, each other
    word standing in ``long`` in the same order (an initial for a word it starts).

    >>> _is_shorter_form(("smith",), ("john", "smith")), _is_shorter_form(("j.", "smith"), ("john", "a.", "smith"))
    (True, True)
    >>> _is_shorter_form(("jane", "smith"), ("john", "smith"))
    False
    """
    if len(short) >= len(long) or short[-1] != long[-1]:
        return False
    rest = iter(long[:-1])
    return all(any(word == other or (_is_initial(word) and other.startswith(word[0])) for other in rest)
               for word in short[:-1])


def _people(names: Iterable[str]) -> dict[str, str | None]:
    """{spelling: the spelling that names the person}: a shorter form joins the one person it can be;
    a form that could be several people joins none (None).

    >>> people = _people(["John Smith", "Jane Smith", "Smith", "Anna Kristín Jónsdóttir", "Kristín Jónsdóttir"])
    >>> people["Jane Smith"], people["Smith"], people["Kristín Jónsdóttir"]
    ('Jane Smith', None, 'Anna Kristín Jónsdóttir')
    """
    spellings = list(dict.fromkeys(names))
    if len(spellings) < 2:  # most releases name one person in one spelling: nobody for it to join
        return {name: name for name in spellings}
    people: dict[tuple[str, ...], str] = {}  # the fullest spelling of each person, by its key
    owner: dict[str, str | None] = {}
    for name in sorted(spellings, key=lambda n: -len(n.split())):  # fullest first
        key = _name_key(name)
        if key in people:  # the same words, written with or without diacritics
            owner[name] = people[key]
            continue
        longer = [spelling for other, spelling in people.items() if _is_shorter_form(key, other)]
        if not longer:
            people[key] = owner[name] = name
        else:
            owner[name] = longer[0] if len(longer) == 1 else None
    return owner


# A country in brackets after a name ("Ambassadors A (France), B (Italy) and C (Norway)"), one that names no country
# left as it is ("(ODIHR)").
# The pattern opens with the bracket: a search for it skips to each one (an optional space first would be tried at
# every character of the text).
_BRACKETED_RE = re.compile(r"\((?:the )?([A-Z][^()]{2,40})\)")


def _without_bracketed_countries(text: str) -> str:
    """The text without the countries printed in brackets after names (and the space before each): the shapes
    read the list as if they were not there.

    >>> _without_bracketed_countries("Ambassadors Anna Berg (Sweden) and Ivo Kern (ODIHR) met")
    'Ambassadors Anna Berg and Ivo Kern (ODIHR) met'
    """
    if "(" not in text:
        return text
    kept, last = [], 0
    for match in _BRACKETED_RE.finditer(text):
        if is_country_name(match.group(1)):
            start = match.start() - (text[match.start() - 1 : match.start()] == " ")
            kept.append(text[last:start])
            last = match.end()
    return "".join([*kept, text[last:]]) if kept else text


_RANK_TITLE_WORDS = frozenset(word for rank in RANKS for word in (rank, _rank_title(rank)))
_VENUE_BEFORE_RE = re.compile(rf"\b(?i:{alternation(VENUE_WORDS_BEFORE)})\s+(?:the\s+)?(?:{_RANKS})\s+$")
_VENUE_AFTER_RE = re.compile(rf"(?:\s+[a-z]+)?\s+(?i:{alternation(VENUE_WORDS_AFTER)})\b")
_VENUE_WORDS_BEFORE_LOWER = tuple({word.split()[-1].lower() for word in VENUE_WORDS_BEFORE})
#: How far before a name a vessel's or a venue's word may stand ("the ferry Prince ").
_VENUE_BEFORE_CHARS = 40


def _ends_with_a_rank(title: str) -> bool:
    """True for a title that is a rank, or ends with one ("Hotel King" of "Hotel King Tomislav")."""
    return title in _RANK_TITLE_WORDS or title.rsplit(" ", 1)[-1] in _RANK_TITLE_WORDS


def _names_a_venue(text: str, name: str) -> bool:
    """True when ``name`` stands after a rank in the name of a vessel or a venue somewhere in ``text``: asked only
    of a name the text gives a rank alone, so that no pass over every text looks for the venues' words.

    >>> _names_a_venue("Pupils of the Admiral Ushakov school sang.", "Ushakov")
    True
    >>> _names_a_venue("Aid came on the ferry Prince Nikola.", "Nikola"), _names_a_venue("Prince Nikola.", "Nikola")
    (True, False)
    """
    start = text.find(name)
    while start >= 0:
        end = start + len(name)
        before = max(0, start - _VENUE_BEFORE_CHARS)
        # A venue's word after the name opens with a space and a letter; one before it is looked for as text first.
        if (text[end:end + 1].isspace() and _VENUE_AFTER_RE.match(text, end)) or (
            any(word in text[before:start].lower() for word in _VENUE_WORDS_BEFORE_LOWER)
            and _VENUE_BEFORE_RE.search(text, before, start)
        ):
            return True
        start = text.find(name, end)
    return False


def find_officials(text: str, shapes: tuple[Shape, ...] = SHAPES) -> list[Official]:
    """The named officials of a release, one entry per person, in the order the text names them.

    >>> [o.to_dict() for o in find_officials(
    ...     "VIENNA, 3 May 2019 – The OSCE Secretary General, Thomas Greminger, met Ambassador "
    ...     "Radojko Bogojević today. Greminger said the talks were useful.")]
    ... # doctest: +NORMALIZE_WHITESPACE
    [{'name': 'Thomas Greminger', 'title': 'OSCE Secretary General', 'titles': ['OSCE Secretary General'],
      'mentions': 2},
     {'name': 'Radojko Bogojević', 'title': 'Ambassador', 'titles': ['Ambassador'], 'mentions': 1}]
    """
    scanned = _without_bracketed_countries(text)
    accepted = [found for shape in shapes for candidate in shape.find(scanned) if (found := _accepted(candidate))]
    # A ship or a school named after a prince is no official; a person the text gives another title still is.
    accepted = [(name, titles) for name, titles in accepted
                if not (all(map(_ends_with_a_rank, titles)) and _names_a_venue(scanned, name))]
    owner = _people(name for name, _ in accepted)
    found: dict[str, Official] = {}
    spellings: dict[str, set[str]] = {}
    for name, titles in accepted:
        if (person := owner[name]) is None:
            continue  # a surname that could be several people of the release: nobody's title
        if (official := found.get(person)) is None:
            official = found[person] = Official(person)
            spellings[person] = set()
        spellings[person].add(name)
        official.titles.extend(title for title in dict.fromkeys(titles) if title not in official.titles)
    for name in [name for name in found if " " not in name]:
        # "ODIHR Director Holmberg ... Lisa Holmberg said": the fullest form the text writes is the name.
        if (fuller := _fuller_spelling(text, name)) and fuller not in found:
            official = found.pop(name)
            official.name = fuller
            found[fuller] = official
            spellings[fuller] = spellings.pop(name) | {fuller}
    surnames = [fold(surname_of(name)) for name in found]
    for name, official in found.items():
        surname = surname_of(name)
        if surnames.count(fold(surname)) == 1:
            official.mentions = max(1, count_word(text, surname))
        else:  # a surname two people share: only the fuller spellings count
            official.mentions = max(1, sum(count_word(text, s) for s in spellings[name] if len(s.split()) > 1))
    return sorted(found.values(), key=lambda o: _first_position(text, o.name))


def _fuller_spelling(text: str, surname: str) -> str | None:
    """"Given Surname", when the text writes the surname after one given name only.

    >>> _fuller_spelling("Director Holmberg spoke. Lisa Holmberg said so.", "Holmberg")
    'Lisa Holmberg'
    >>> _fuller_spelling("Director Holmberg met Lisa Holmberg-Berg.", "Holmberg") is None  # another surname
    True
    >>> _fuller_spelling("Director Holmberg spoke of Lisa Holmberg's team.", "Holmberg")
    'Lisa Holmberg'

    """
    # The surname ends there, or a possessive follows it; a hyphen would make another surname of it.
    spelled = re.compile(rf"({_NAME_WORD})\s+{re.escape(surname)}(?=['’]s\b|[^\w'’-]|$)")
    given = {match.group(1) for match in spelled.finditer(text) if is_given_name(match.group(1))}
    return f"{given.pop()} {surname}" if len(given) == 1 else None


def surname_of(name: str) -> str:
    """A name's surname: its last word, and the word before a suffix that ends the name.

    >>> surname_of("Lena Varga"), surname_of("Nurlan Talant uulu")
    ('Varga', 'Talant uulu')
    """
    words = name.split()
    return " ".join(words[-2:]) if len(words) >= 2 and words[-1] in _SUFFIXES else words[-1]


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
    return position if position >= 0 else text.find(surname_of(name))
