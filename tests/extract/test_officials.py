"""Officials in sentences written for these tests, one shape or trap each."""

import pytest

from osce_scraper.extract.officials import find_officials


def officials(text: str) -> dict[str, list[str]]:
    return {o.name: o.titles for o in find_officials(text)}


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("The OSCE Secretary General, Lamberto Zannier, opened the conference.", "Lamberto Zannier",
         "OSCE Secretary General"),
        ("“We need dialogue,” said Valiant Richey, OSCE Special Representative for Combating Trafficking in Human "
         "Beings.", "Valiant Richey", "OSCE Special Representative for Combating Trafficking in Human Beings"),
        ("OSCE Media Freedom Representative Teresa Ribeiro published a report.", "Teresa Ribeiro",
         "OSCE Media Freedom Representative"),
        ("The talks were opened by ODIHR Director Link in Warsaw.", "Link", "ODIHR Director"),
        ("The Head of the OSCE Mission to Skopje, Ambassador Clemens Koja, visited Tetovo.", "Clemens Koja",
         "Head of the OSCE Mission to Skopje"),
        ("Max van der Stoel, the OSCE High Commissioner on National Minorities, arrived in Riga.", "Max van der Stoel",
         "OSCE High Commissioner on National Minorities"),
    ],
)
def test_shapes(text, name, title):
    found = officials(text)
    assert name in found
    assert title in found[name]


def test_chained_titles_count_separately():
    found = officials("The OSCE Chairperson-in-Office, Serbia's Foreign Minister Ivica Dačić, met the Mission.")
    assert found == {"Ivica Dačić": ["OSCE Chairperson-in-Office", "Serbia's Foreign Minister"]}


def test_ranks_are_titles_not_part_of_the_name():
    found = officials("Ambassador Radojko Bogojević said the talks would resume.")
    assert found == {"Radojko Bogojević": ["Ambassador"]}


def test_surname_mentions_are_counted_and_merged():
    text = ("OSCE Secretary General Thomas Greminger visited Bishkek. Greminger met students. "
            "“Youth matter,” said Greminger.")
    [official] = find_officials(text)
    assert (official.name, official.mentions) == ("Thomas Greminger", 3)


@pytest.mark.parametrize(
    "text",
    [
        "The OSCE Mission to Skopje organized a training course for judges.",
        "The Chairperson-in-Office called on all sides to show restraint.",
        "The Permanent Council adopted the decision on Thursday.",
        "Human Rights Watch published its annual report in January.",
        "The Minister of Interior opened the new police station.",
        "The Law on Free Access to Information was discussed at the Conference on Media Freedom.",
        "Participants came from Vienna, Warsaw and Skopje.",
    ],
)
def test_traps_give_no_official(text):
    assert officials(text) == {}


def test_people_without_a_position_are_not_officials():
    text = "The journalist Anna Petrova was detained. Her colleague Ivan Ivanov described the arrest."
    assert officials(text) == {}
