import datetime as dt

import pytest

from osce_scraper.extract.dates import _parse_date_cached, parse_date


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
