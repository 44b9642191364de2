import dataclasses
import gc

import pytest

from osce_scraper.extract.places import (
    CityEntry,
    CityIndex,
    Place,
    _city_index,
    lookup_place,
    normal_case,
    resolve_places,
)


@pytest.mark.parametrize(
    ("printed", "normal"),
    [("TASHKENT", "Tashkent"), ("THE HAGUE", "The Hague"), ("MITROVO POLJE", "Mitrovo Polje"),
     ("WASHINGTON D.C.", "Washington D.C."), ("IVANO-FRANKIVSK", "Ivano-Frankivsk"), ("Brussels", "Brussels"),
     ("ROSTOV-ON-DON", "Rostov-on-Don")],
)
def test_normal_case(printed, normal):
    assert normal_case(printed) == normal


@pytest.mark.parametrize(
    ("name", "code"),
    [("Kiev", "UA"), ("Kyiv", "UA"), ("Prishtinë", "XK"), ("Priština", "XK"), ("Pristina", "XK"), ("Astana", "KZ"),
     ("Nur-Sultan", "KZ"), ("Almaty", "KZ"), ("Alma-Ata", "KZ"), ("Ashgabat", "TM"), ("Ashgabad", "TM"),
     ("Chisinau", "MD"), ("Chişinău", "MD"), ("Washington D.C.", "US"), ("The Hague", "NL"), ("Vienna", "AT")],
)
def test_historic_and_local_spellings_are_known(name, code):
    place = lookup_place(name)
    assert place.country_code == code
    assert place.latitude is not None and place.longitude is not None


def test_unknown_places_keep_their_name_with_nulls():
    place = lookup_place("Brnješ")
    assert (place.name, place.country, place.latitude) == ("Brnješ", None, None)


def test_a_country_named_in_the_dateline_wins():
    # Vienna, Virginia exists; in a dateline that names the United States it is the one meant.
    assert lookup_place("Vienna", "United States").country_code == "US"
    # A small town is never mapped to a namesake in another country.
    farob = lookup_place("Farob", "Tajikistan")
    assert (farob.country_code, farob.latitude) == ("TJ", None)


def test_a_namesake_outside_the_named_country_is_not_taken():
    place = lookup_place("Kamenica", "Kosovo")
    assert place.country_code == "XK"


def test_one_city_in_two_languages_is_one_place():
    places = resolve_places(["PRISHTINË", "PRIŠTINA"])
    assert [p.name for p in places] == ["Prishtinë/Priština"]
    assert places[0].country_code == "XK"
    assert [p.name for p in resolve_places(["BRNJEŠ", "BËRNJESH"])] == ["Brnješ/Bërnjesh"]


def test_several_cities_stay_several_places():
    places = resolve_places(["TIRANA", "BRUSSELS", "GENEVA"])
    assert [(p.name, p.country_code) for p in places] == [("Tirana", "AL"), ("Brussels", "BE"), ("Geneva", "CH")]


def test_a_place_entry_holds_every_field_of_a_place():
    place = Place("Vienna", "Austria", "AT", 48.21, 16.37)
    assert place.to_dict() == {field.name: getattr(place, field.name) for field in dataclasses.fields(Place)}


def test_the_gazetteers_index_is_left_out_of_the_collectors_walks():
    index = _city_index()
    for _ in range(3):  # the collector lets go of nested tuples from the inside out, a level a collection
        gc.collect()
    # What the index holds gives the collector nothing more to walk (its arrays hold numbers, not objects).
    walked = [inner for part in gc.get_referents(index) if gc.is_tracked(part) and not isinstance(part, type)
              for inner in gc.get_referents(part) if not isinstance(inner, type)]
    assert walked == []


def make_city_entry(population: int, name: str, code: str = "AT") -> CityEntry:
    return (population, name, code, 48.2, 16.4)


def test_the_city_index_finds_each_name_and_no_other():
    vienna, osh = make_city_entry(1_900_000, "Vienna"), make_city_entry(5, "Osh")
    osh_ky = make_city_entry(9, "Osh", "KG")
    names = {"vienna": [vienna], "wien": [vienna], "osh": [osh, osh_ky], "osha": [osh], "a-b": [osh_ky], "zz": [vienna]}
    index = CityIndex(names)
    assert {name: index.get(name) for name in names} == {name: tuple(found) for name, found in names.items()}
    for other in ("", "a", "os", "oshb", "vien", "viennaa", "zzz", "wiem", "~"):
        assert index.get(other) == ()
