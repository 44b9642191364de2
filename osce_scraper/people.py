"""The people index: one entry per person across every release of a dataset.

Spellings of one person are joined by their folded form (case and diacritics aside: "Dačić" and
"Dacic"), across common transliterations ("Sergei", "Sergey") and with or without middle initials
("Peter J. Morris", "Peter Morris"). Two people are
never merged: the same surname with other given names makes two entries. A form with only a
surname ("Greminger") or only initials before it ("T. Greminger") joins a person only when the
dataset holds exactly one person it can be; otherwise it is an entry of its own. Every spelling
belongs to exactly one entry, so an entry's ``node_ids`` are exactly the records whose officials
hold one of its spellings.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from osce_scraper.extract.places import fold
from osce_scraper.extract.vocabulary import NAME_SUFFIXES

#: The fields of a people index entry, in the order they are written.
PERSON_FIELDS = ("name", "variants", "titles", "first_seen", "last_seen", "releases", "node_ids")
_INITIAL_RE = re.compile(r"^(?:\w\.)+$|^\w$")


def _is_initial(token: str) -> bool:
    return bool(_INITIAL_RE.match(token))


# Transliterations of one name from Cyrillic into English: Sergei/Sergey, Dmitri/Dmitriy/Dmitry,
# Aleksei/Alexey, Yevgeny/Evgeny, Iurii/Yury, Zelenski/Zelensky.
_TRANSLITERATIONS = (
    (re.compile(r"ks"), "x"),
    (re.compile(r"^ye"), "e"),
    (re.compile(r"^iu"), "yu"),
    (re.compile(r"(?:iy|ii|ij|yi|i)$"), "y"),
)


def spelling_key(word: str) -> str:
    """A word folded, and its common English transliterations from Cyrillic made one.

    >>> [spelling_key(w) for w in ("Sergei", "Sergey", "Aleksei", "Alexey", "Yevgeniy", "Evgeny", "Dačić")]
    ['sergey', 'sergey', 'alexey', 'alexey', 'evgeny', 'evgeny', 'dacic']
    """
    key = fold(word)
    for pattern, replacement in _TRANSLITERATIONS:
        key = pattern.sub(replacement, key)
    return key


def _tokens(name: str) -> list[str]:
    """The name's words as compared, a suffix that ends it one with the word before ("Talant uulu" a surname).

    >>> _tokens("Nurlan Talant uulu"), _tokens("J. Smith-Jones")
    (['nurlan', 'talant uulu'], ['j.', 'smith', 'jones'])
    """
    words = name.replace("-", " ").split()
    tokens = [spelling_key(word) if not _is_initial(word) else word.lower() for word in words]
    if len(tokens) >= 2 and words[-1] in NAME_SUFFIXES:
        tokens[-2:] = [f"{tokens[-2]} {words[-1]}"]
    return tokens


def person_key(name: str) -> tuple[str, str] | None:
    """(first given name, surname), folded, for a name with a given name; None for a surname alone or initials.

    >>> person_key("Peter J. Morris"), person_key("PETER MORRIS"), person_key("Ivica Dačić")
    (('peter', 'morris'), ('peter', 'morris'), ('ivica', 'dacic'))
    >>> person_key("Greminger"), person_key("T. Greminger")
    (None, None)
    """
    tokens = _tokens(name)
    if len(tokens) < 2 or _is_initial(tokens[0]):
        return None
    return tokens[0], tokens[-1]


@dataclass(slots=True)
class _Title:
    first: str | None = None
    last: str | None = None
    count: int = 0

    def seen(self, date: str | None) -> None:
        self.count += 1
        if date:
            self.first = min(self.first or date, date)
            self.last = max(self.last or date, date)


@dataclass(slots=True)
class Person:
    """One person of the index, filled as mentions are added."""

    spellings: Counter[str] = field(default_factory=Counter)
    titles: dict[str, _Title] = field(default_factory=dict)
    node_ids: set[str] = field(default_factory=set)
    dates: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The fullest spelling: most words, then diacritics kept, then the most frequent."""
        return max(self.spellings, key=lambda s: (len(s.split()), not s.isascii(), self.spellings[s], s))

    def to_dict(self) -> dict[str, Any]:
        titles = sorted(self.titles.items(), key=lambda item: (-item[1].count, item[0]))
        return {
            "name": self.name,
            "variants": sorted(self.spellings),
            "titles": [{"title": t, "first_seen": v.first, "last_seen": v.last, "count": v.count} for t, v in titles],
            "first_seen": min(self.dates) if self.dates else None,
            "last_seen": max(self.dates) if self.dates else None,
            "releases": len(self.node_ids),
            "node_ids": sorted(self.node_ids, key=lambda n: (len(n), n)),
        }


@dataclass(frozen=True, slots=True)
class Mention:
    """One official of one record."""

    name: str
    titles: tuple[str, ...]
    node_id: str
    date: str | None


def mentions(records: Iterable[dict[str, Any]]) -> list[Mention]:
    """Every official of every record, as a mention."""
    return [
        Mention(official["name"], tuple(official.get("titles") or ()), str(record.get("node_id")), record.get("date"))
        for record in records
        for official in record.get("officials") or []
        if official.get("name")
    ]


def _owner_of_partial(spelling: str, full_keys: set[tuple[str, str]]) -> tuple[str, str] | None:
    """The one person a surname-only or initials-only spelling can be, or None when it could be several or none."""
    tokens = _tokens(spelling)
    if not tokens:
        return None
    surname, initials = tokens[-1], [t[0] for t in tokens[:-1]]
    candidates = [key for key in full_keys if key[1] == surname and (not initials or key[0][0] == initials[0])]
    return candidates[0] if len(candidates) == 1 else None


def people_index(records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The people of a dataset's records, most releases first.

    >>> index = people_index([
    ...     {"node_id": "1", "date": "2019-05-03", "officials": [
    ...         {"name": "Ivica Dačić", "titles": ["OSCE Chairperson-in-Office"]}]},
    ...     {"node_id": "2", "date": "2015-02-01", "officials": [{"name": "Ivica Dacic", "titles": ["Minister"]},
    ...                                                          {"name": "Dačić", "titles": ["Minister"]}]},
    ...     {"node_id": "3", "date": "2016-01-01", "officials": [{"name": "Jovan Dačić", "titles": ["Mayor"]}]}])
    >>> [(p["name"], p["node_ids"]) for p in index]
    [('Ivica Dačić', ['1', '2']), ('Dačić', ['2']), ('Jovan Dačić', ['3'])]
    >>> index[0]["variants"], index[0]["first_seen"], index[0]["titles"][0]["title"]
    (['Ivica Dacic', 'Ivica Dačić'], '2015-02-01', 'Minister')
    """
    found = mentions(records)
    full_keys = {key for mention in found if (key := person_key(mention.name))}
    people: dict[tuple[str, str] | str, Person] = defaultdict(Person)
    for mention in found:
        key: tuple[str, str] | str | None = person_key(mention.name) or _owner_of_partial(mention.name, full_keys)
        if key is None:
            key = " ".join(_tokens(mention.name))  # a surname that could be several people: an entry of its own
        person = people[key]
        person.spellings[mention.name] += 1
        if mention.node_id not in person.node_ids:
            person.node_ids.add(mention.node_id)
            if mention.date:
                person.dates.append(mention.date)
            for title in dict.fromkeys(mention.titles):
                person.titles.setdefault(title, _Title()).seen(mention.date)
    entries = [person.to_dict() for person in people.values()]
    return sorted(entries, key=lambda p: (-p["releases"], fold(p["name"])))


def person_row(entry: dict[str, Any]) -> dict[str, Any]:
    """An index entry flattened for CSV: lists joined with "; ", titles as "Title (first–last, n)"."""
    titles = [
        f"{t['title']} ({t['first_seen'] or '?'}–{t['last_seen'] or '?'}, {t['count']})" for t in entry["titles"]
    ]
    return {**entry, "variants": "; ".join(entry["variants"]), "titles": "; ".join(titles),
            "node_ids": "; ".join(entry["node_ids"])}
