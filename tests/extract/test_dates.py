import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from osce_scraper.extract.dates import _parse_date_by_patterns, _parse_date_cached, parse_date


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("25 April 2015", "2015-04-25"),
        ("Publishing date: 3 June 2002", "2002-06-03"),
        ("9 Apr 2012", "2012-04-09"),
        ("30 August, 2002", "2002-08-30"),
        ("Thursday, 29 March 2018", "2018-03-29"),
        ("2018-03-29T09:00:00+02:00", "2018-03-29"),
        ("March 29, 2018", "2018-03-29"),
    ],
)
def test_printed_dates(text, iso):
    assert parse_date(text) == dt.date.fromisoformat(iso)


@pytest.mark.parametrize("text", ["31 February 2018", "12 July", "", "no date here", "2018-02-30", "99/99/9999"])
def test_impossible_or_incomplete_dates_give_none(text):
    assert parse_date(text) is None


# Case-insensitive patterns let the long s, the dotless i, the dotted capital I and the Kelvin sign stand for
# s, i and k: the month they spell is read, and the date is no error.
@pytest.mark.parametrize(("text", "iso"), [("3 Auguſt 2020", "2020-08-03"), ("Aprıl 3, 2020", "2020-04-03"),
                                           ("9 JULİ 2021", None), ("25 ſeptember 2019", "2019-09-25")])
def test_a_month_spelled_with_letters_that_fold_to_ascii_is_read_or_refused_never_an_error(text, iso):
    _parse_date_cached.cache_clear()
    assert parse_date(text) == (dt.date.fromisoformat(iso) if iso else None)


def test_dateparser_reads_other_english_shapes():
    assert parse_date("29.03.2018") == dt.date(2018, 3, 29)


@pytest.mark.parametrize("text", ["2018-03-29T23:30:00-05:00", "2018-03-29T09:00:00Z", "2018-03-29 09:00"])
def test_a_timestamp_gives_the_date_it_prints_without_dateparser(text, monkeypatch):
    # dateparser costs a fifth of a second to load; the <time datetime> of every Drupal page is a timestamp.
    def fail(_: str) -> None:
        raise AssertionError("dateparser called")

    monkeypatch.setattr("osce_scraper.extract.dates._dateparser", fail)
    _parse_date_cached.cache_clear()
    assert parse_date(text) == dt.date(2018, 3, 29)


# Texts of the plain shape and near it: days and years in and out of range, month names, abbreviations and other
# words in any case, and other digits (dateparser, which reads some of them, is not called: it is slow to load).
_PLAIN_SHAPED = st.builds(
    lambda day, month, year: f"{day} {month} {year}",
    st.sampled_from(["1", "09", "9", "29", "30", "31", "32", "39", "0", "00", "4", "٣"]),
    st.sampled_from(["June", "JUNE", "june", "Jun", "Sept", "SEP", "May", "Junes", "Ju", "Mayday", "Februar", "Dec",
                     "DEC"]),
    st.sampled_from(["2025", "1999", "1899", "2100", "2020", "٢٠٢٠"]),
)


@given(_PLAIN_SHAPED)
def test_the_plain_shape_read_in_one_step_gives_what_the_patterns_give(text):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("osce_scraper.extract.dates._dateparser", lambda _: "dateparser")
        assert _parse_date_cached.__wrapped__(text) == _parse_date_by_patterns(text)
