"""The given-name lexicon: Faker's locales, Cyrillic in the press's spelling, and the project's own list."""

from osce_scraper.extract.given_names import given_names, press_spelling
from osce_scraper.extract.officials import is_given_name


def test_names_of_many_locales_in_latin_letters():
    names = given_names()
    assert len(names) > 30_000
    assert {"ivana", "thomas", "ingrid", "giorgi", "anatoly", "yevgeny"} <= names


def test_names_of_languages_faker_lacks_come_from_the_projects_list():
    assert all(is_given_name(name) for name in ("Kairat", "Nursultan", "Shukhrat", "Emomali", "Siarhei"))


def test_ordinary_capitalised_words_are_not_given_names():
    assert not any(is_given_name(word) for word in ("Mission", "Office", "Minister", "Tashkent"))


def test_press_spelling_of_cyrillic():
    assert [press_spelling(n) for n in ("Дмитрий", "Елена", "Қайрат")] == ["Dmitry", "Yelena", "Kairat"]
