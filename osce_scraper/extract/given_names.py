"""Given names, from Faker's person providers (MIT licence), in the Latin spellings releases use.

Faker lists first names for some 110 locales; names written in Cyrillic,
Greek, Georgian or Armenian are added in Latin letters twice: by anyascii (ISC licence) and by the
simpler spelling English-language releases use for Russian and Ukrainian names ("Anatoly",
"Yevgeny"). For the languages Faker has no locale for (Kazakh, Kyrgyz, Tajik, Turkmen, Belarusian,
Serbian), the project's own list adds common names (``data/given_names_extra.txt``). The table is
built once and kept on disk (``disk_cache``).
"""

from __future__ import annotations

import importlib
import itertools
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources

from osce_scraper.extract.disk_cache import cached_table
from osce_scraper.extract.places import fold

_NAME_LISTS = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")
# Cyrillic as English-language news writes it: no diacritics, "y" for й/ы, "ya"/"yu"/"ye" for я/ю/е.
_PRESS_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "є": "ye", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "ә": "a", "ғ": "g", "қ": "k",
    "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c", "ђ": "dj",
    "џ": "dz",
}


_CYRILLIC_VOWELS = frozenset("аеёиоуыэюяәөұүіїє")


def press_spelling(name: str) -> str:
    """A Cyrillic name as English-language releases spell it.

    >>> press_spelling("Анатолий"), press_spelling("Евгений"), press_spelling("Юлия"), press_spelling("Айбек")
    ('Anatoly', 'Yevgeny', 'Yuliya', 'Aibek')
    """
    letters = []
    for position, ch in enumerate(name):
        lower = ch.lower()
        latin = _PRESS_CYRILLIC.get(lower, ch)
        if lower == "е" and position == 0:
            latin = "ye"
        elif lower == "й" and name[position + 1 : position + 2].lower() not in _CYRILLIC_VOWELS:
            latin = "i" if position + 1 < len(name) else "y"  # Aibek, Kairat; but Sergey, Andrey
        letters.append(latin.capitalize() if ch.isupper() else latin)
    spelled = "".join(letters)
    # "-ий" and "-ый" endings are written "-y": Anatoliy -> Anatoly, Yevgeniy -> Yevgeny.
    return spelled[:-2] + "y" if spelled.endswith(("iy", "yy")) else spelled


def _faker_first_names() -> Iterator[str]:
    from faker.config import AVAILABLE_LOCALES

    for locale in AVAILABLE_LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except (ImportError, AttributeError):
            continue
        for attribute in _NAME_LISTS:
            names = next((vars(cls)[attribute] for cls in provider.__mro__ if attribute in vars(cls)), ())
            if isinstance(names, (tuple, list, dict)):
                yield from (name for name in names if isinstance(name, str))


def spellings(name: str) -> Iterable[str]:
    """The folded spellings a name is looked up by: as written, transliterated, and the press spelling."""
    from anyascii import anyascii

    yield fold(name)
    if not name.isascii():
        yield fold(anyascii(name))
        yield fold(press_spelling(name))


def _extra_given_names() -> Iterator[str]:
    """The project's own list for the languages Faker has no locale for (``data/given_names_extra.txt``)."""
    text = resources.files("osce_scraper.extract").joinpath("data/given_names_extra.txt").read_text("utf-8")
    return (line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _build_given_names() -> frozenset[str]:
    names: set[str] = set()
    for name in itertools.chain(_faker_first_names(), _extra_given_names()):
        for part in [*name.replace("-", " ").split(), name]:
            names.update(s for s in spellings(part) if len(s) > 1)
    return frozenset(names)


@cache
def given_names() -> frozenset[str]:
    """Given names, folded (lower case, no diacritics), from every locale Faker knows."""
    return cached_table(_build_given_names, "faker", "anyascii", in_child_process=True)
