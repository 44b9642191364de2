import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from osce_scraper.extract.datelines import (
    _DATE_PLACE_RE,
    _PLACE_COUNTRY_RE,
    _PLACE_DASH_DATE_RE,
    _PLACE_DATE_RE,
    _PLACE_ONLY_RE,
    _STANDALONE_RE,
    _may_open_with_places,
    _plausible_places,
    _standalone_match,
    is_standalone_dateline,
    parse_dateline,
)

# (lead, raw dateline, place names, country, date)
SHAPES = [
    ("VIENNA, 3 June 2002- The Chairman said ...", "VIENNA, 3 June 2002-", ("VIENNA",), None, "2002-06-03"),
    ("OSLO, 24 June 1999-- Ministers met ...", "OSLO, 24 June 1999--", ("OSLO",), None, "1999-06-24"),
    ("VIENNA, 27 August 2001 (OSCE)-- The Council ...", "VIENNA, 27 August 2001 (OSCE)--", ("VIENNA",), None,
     "2001-08-27"),
    ("OSH, Kyrgyzstan, 14 March 2006- A centre opened ...", "OSH, Kyrgyzstan, 14 March 2006-", ("OSH",),
     "Kyrgyzstan", "2006-03-14"),
    ("WARSAW/VIENNA, 13 September 2022 – ODIHR and ...", "WARSAW/VIENNA, 13 September 2022 –", ("WARSAW", "VIENNA"),
     None, "2022-09-13"),
    ("VIENNA / SARAJEVO, 25 October 2019 – Experts ...", "VIENNA / SARAJEVO, 25 October 2019 –",
     ("VIENNA", "SARAJEVO"), None, "2019-10-25"),
    ("TIRANA / BRUSSELS / GENEVA – 6 October 2020. The Co-Chairs ...", "TIRANA / BRUSSELS / GENEVA – 6 October 2020.",
     ("TIRANA", "BRUSSELS", "GENEVA"), None, "2020-10-06"),
    ("Brussels/Geneva/Tirana, 18 April 2020- We, the ...", "Brussels/Geneva/Tirana, 18 April 2020-",
     ("Brussels", "Geneva", "Tirana"), None, "2020-04-18"),
    ("PRISHTINË/PRIŠTINA, 9 Apr 2012- The Mission ...", "PRISHTINË/PRIŠTINA, 9 Apr 2012-", ("PRISHTINË", "PRIŠTINA"),
     None, "2012-04-09"),
    ("12 June 2025, Sarajevo – The Mission ...", "12 June 2025, Sarajevo –", ("Sarajevo",), None, "2025-06-12"),
    ("SKOPE, 30 August, 2002-- A statement ...", "SKOPE, 30 August, 2002--", ("SKOPE",), None, "2002-08-30"),
    ("PRISTINA, 8 July 2021 — Police officers ...", "PRISTINA, 8 July 2021 —", ("PRISTINA",), None, "2021-07-08"),
    ("WASHINGTON D.C., 23 October 2002- The Helsinki ...", "WASHINGTON D.C., 23 October 2002-", ("WASHINGTON D.C.",),
     None, "2002-10-23"),
    ("BRNJEŠ/BËRNJESH, 5 September 2013 – Villagers ...", "BRNJEŠ/BËRNJESH, 5 September 2013 –",
     ("BRNJEŠ", "BËRNJESH"), None, "2013-09-05"),
    ("THE HAGUE, 14 April 2009- The High Commissioner ...", "THE HAGUE, 14 April 2009-", ("THE HAGUE",), None,
     "2009-04-14"),
    ("MITROVO POLJE, 19 October 2001 (OSCE)- Cadets ...", "MITROVO POLJE, 19 October 2001 (OSCE)-",
     ("MITROVO POLJE",), None, "2001-10-19"),
]


@pytest.mark.parametrize(("lead", "raw", "places", "country", "iso"), SHAPES, ids=[s[1] for s in SHAPES])
def test_dateline_shapes(lead, raw, places, country, iso):
    dateline = parse_dateline(lead)
    assert dateline is not None
    assert (dateline.raw, dateline.place_names, dateline.country) == (raw, places, country)
    assert dateline.date() == dt.date.fromisoformat(iso)


def test_date_ranges_and_month_first_dates():
    assert parse_dateline("VIENNA, 12-13 May 2003 – The seminar ...").date() == dt.date(2003, 5, 13)
    assert parse_dateline("WASHINGTON D.C., June 3, 2002 – The Commission ...").date() == dt.date(2002, 6, 3)


def test_a_dateline_without_a_year_gives_no_date():
    dateline = parse_dateline("VALLETTA/VIENNA, 12 July – The Chairmanship ...")
    assert dateline.place_names == ("VALLETTA", "VIENNA")
    assert dateline.date() is None


def test_a_place_with_its_country_and_no_date():
    dateline = parse_dateline("Kamensk-Shakhtinskiy, Russian Federation. Observers visited the checkpoint ...")
    assert (dateline.place_names, dateline.country, dateline.date_text) == (
        ("Kamensk-Shakhtinskiy",), "Russian Federation", None)


@pytest.mark.parametrize(
    "lead",
    [
        "On 22 July 2022, the OSCE Presence in Albania organized ...",
        "From 24 to 28 August 2022, twenty young people gathered in Tirana ...",
        "Summary Compared with the previous reporting period, the SMM recorded ...",
        "The OSCE Mission to Skopje, 3 May 2019 – not a dateline because it is a sentence",
        "In Donetsk region, the SMM recorded more ceasefire violations on 2 July ...",
        "Georgia’s presidential election on 27 October 2013 was efficiently administered ...",
        "",
    ],
)
def test_sentences_are_not_datelines(lead):
    assert parse_dateline(lead) is None


def test_standalone_place_and_date_lines():
    assert is_standalone_dateline("PRISTINA 9 January 2002")
    assert not is_standalone_dateline("PRISTINA, 9 January 2002 - The Mission ...")


# Lines where the quick test of a line's end and the whole pattern could disagree: dates at the end or not, months
# in any case with or without a year, dots after them, words before and after them.
_WORDS = st.sampled_from(["HELSINKI", "Vienna", "SKOPJE/SKOPLJE", "THE HAGUE", "of", "said", "the", "–", ",", "22"])
_MONTHS = st.sampled_from(["May", "may", "MAY", "Sept", "Sept.", "September", "february", "Jun", "Dec"])
_DATE_LINES = st.builds(
    lambda places, country, day, month, year, dots, after: f"{places}{country} {day} {month}{year}{dots}{after}",
    st.sampled_from(["HELSINKI", "SKOPJE/SKOPLJE", "THE HAGUE", "Vienna", "the meeting in VIENNA"]),
    st.sampled_from(["", ", Kyrgyzstan", ","]),
    st.sampled_from(["22", "3rd", "12-13", "1"]),
    _MONTHS,
    st.sampled_from(["", " 2008", ", 1999", " 1899", " 20088"]),
    st.sampled_from(["", ".", "..", "...", " ."]),
    st.sampled_from(["", " ", " said", "\u00a0"]),
)


@given(st.one_of(_DATE_LINES, st.lists(st.one_of(_WORDS, _MONTHS), min_size=1, max_size=9).map(" ".join)))
def test_the_quick_test_of_a_lines_end_never_changes_a_standalone_verdict(line):
    text = line.strip()
    assert bool(_standalone_match(text)) == bool(_STANDALONE_RE.match(text))


# Paragraph openings the gate before the place-first patterns must judge as they do: places in any case, with and
# without a country, a connector, an apostrophe, a hyphen or a full stop inside a word, a date, a dash or none.
_OPENING_WORDS = st.sampled_from(
    ["VIENNA", "Vienna", "vienna", "THE", "The", "the", "On", "of", "de", "i", "It's", "D.C.", "Kamensk-Shakhtinskiy",
     "Co-operation", "Russian Federation", "Kyrgyzstan", "ŁÓDŹ", "é", "3", "12-13", "June", "Sept.", "2002", "(OSCE)",
     ",", "/", "–", "-", ".", ":", '"', "and"]
)
_OPENINGS = st.lists(st.tuples(_OPENING_WORDS, st.sampled_from(["", " ", " ", "  "])), min_size=1, max_size=10).map(
    lambda words: "".join(word + space for word, space in words)
)


@given(st.one_of(_OPENINGS, st.builds(lambda head, tail: head + tail, st.sampled_from([s[0] for s in SHAPES]),
                                      _OPENINGS)))
def test_the_gate_before_the_place_first_patterns_never_hides_a_dateline(text):
    if _may_open_with_places(text):
        return
    for pattern, strict_case in ((_PLACE_DATE_RE, False), (_PLACE_DASH_DATE_RE, False), (_PLACE_COUNTRY_RE, False),
                                 (_PLACE_ONLY_RE, True)):
        match = pattern.match(text)
        assert not match or not _plausible_places(match["places"], strict_case=strict_case)


@given(st.one_of(_OPENINGS, st.builds(lambda head, tail: head + tail, st.sampled_from([s[0] for s in SHAPES]),
                                      _OPENINGS)))
def test_no_dated_pattern_matches_a_text_without_a_digit(text):
    undated = "".join(c for c in text if not c.isdecimal())
    for pattern in (_DATE_PLACE_RE, _PLACE_DATE_RE, _PLACE_DASH_DATE_RE):
        assert pattern.match(undated) is None
