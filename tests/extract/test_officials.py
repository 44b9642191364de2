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
        # Long titles run together with the name, lower-case roles, "of Country", regions.
        ("ODIHR Senior Adviser on Roma and Sinti issues Andrzej Mirga visited the settlement.", "Andrzej Mirga",
         "ODIHR Senior Adviser on Roma and Sinti issues"),
        ("Closing his visit as the OSCE PA’s Special Representative on Eastern Europe today, Kent Härstedt (Sweden) "
         "met civil society.", "Kent Härstedt", "OSCE PA’s Special Representative on Eastern Europe"),
        ("VIENNA, 2 May 2016 – OSCE Representative on Freedom of the Media Dunja Mijatović today welcomed the law.",
         "Dunja Mijatović", "OSCE Representative on Freedom of the Media"),
        ("The Special Representative of the OSCE Chairperson-in-Office on Gender Issues Melanne Verveer visited Baku.",
         "Melanne Verveer", "Special Representative of the OSCE Chairperson-in-Office on Gender Issues"),
        ("Acting Head of the OSCE Mission in Kosovo Peter J. Morris issued a statement.", "Peter J. Morris",
         "Acting Head of the OSCE Mission in Kosovo"),
        ("The Minister for Foreign Affairs and Trade Simon Coveney chaired the meeting.", "Simon Coveney",
         "Minister for Foreign Affairs and Trade"),
        ("Dominique Waag, Head of the OSCE Mission to Montenegro, and Ivana Novak, Acting Supreme State Prosecutor, "
         "signed the memorandum.", "Ivana Novak", "Acting Supreme State Prosecutor"),
        ("“Ammunition must be destroyed,” said Ambassador Anna Kristín Jónsdóttir of Iceland.",
         "Anna Kristín Jónsdóttir", "Ambassador of Iceland"),
        ("The Head of the OSCE Mission there, Robert Smith, welcomed the progress.", "Robert Smith",
         "Head of the OSCE Mission there"),
        ("He regretted that the former Serbian leader, Slobodan Milosevic, had died.", "Slobodan Milosevic",
         "former Serbian leader"),
        ("The event was opened by Human Rights Defender Anahit Manasyan in Yerevan.", "Anahit Manasyan",
         "Human Rights Defender"),
        ("The Akim of Almaty region, Amandyk Batalov, welcomed the participants.", "Amandyk Batalov",
         "Akim of Almaty region"),
    ],
)
def test_shapes(text, name, title):
    found = officials(text)
    assert name in found, found
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



def test_two_officials_joined_by_and_are_two_people():
    found = officials("OSCE Secretary General Lamberto Zannier and EU Commissioner for Enlargement Negotiations "
                      "Johannes Hahn met in Vienna.")
    assert found == {"Lamberto Zannier": ["OSCE Secretary General"],
                     "Johannes Hahn": ["EU Commissioner for Enlargement Negotiations"]}


def test_a_list_after_a_plural_title():
    found = officials("The delegation included Senators Jeanne Shaheen, Roger Wicker, and Ben Cardin.")
    assert found == {"Jeanne Shaheen": ["Senators"], "Roger Wicker": ["Senators"], "Ben Cardin": ["Senators"]}


@pytest.mark.parametrize(
    "text",
    [
        "The event marked Nelson Mandela International Day in Tashkent.",
        "The conference was organized with the Commissioner for Human Rights of the Oliy Majlis.",
        "The OSCE Deputy Co-ordinator of the Office of the Special Representative attended.",
        "Head of Mission Offices in Osh and Bishkek were renovated.",
    ],
)
def test_more_traps_give_no_official(text):
    assert officials(text) == {}
