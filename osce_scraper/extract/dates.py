"""Dates as OSCE pages print them, to ISO ``YYYY-MM-DD``.

The common shapes ("29 March 2018", "9 Apr 2012", "30 August, 2002") are read
by a regular expression; anything else goes to dateparser, restricted to
English and day-month-year order so that it is fast and does not guess.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from osce_scraper.extract.vocabulary import MONTHS, WEEKDAYS, ignorecase_key

MONTH_PATTERN = "|".join(sorted(MONTHS, key=len, reverse=True))
#: "29 March 2018", "9 Apr. 2012", "30 August, 2002", "12 July" (no year).
DAY_MONTH_YEAR_RE = re.compile(
    rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<month>{MONTH_PATTERN})\.?(?:,?\s+(?P<year>(?:19|20)\d\d))?\b",
    re.I,
)
#: "March 29, 2018" (rare, in American-style copies).
MONTH_DAY_YEAR_RE = re.compile(
    rf"\b(?P<month>{MONTH_PATTERN})\.?\s+(?P<day>[0-3]?\d),?\s+(?P<year>(?:19|20)\d\d)\b", re.I
)
#: "2018-03-29", and the date of "2018-03-29T10:00:00+02:00" (a time may follow: no word boundary there).
ISO_RE = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)")

_DATEPARSER_SETTINGS = {
    "DATE_ORDER": "DMY",
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_LOCALE_DATE_ORDER": False,
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def make_date(year: int, month: int, day: int) -> dt.date | None:
    """A date, or None when the calendar has no such day.

    >>> make_date(2018, 2, 31) is None
    True
    """
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_number(name: str) -> int | None:
    """The number of the month a name stands for, as the date patterns match it (any case, abbreviated).

    >>> month_number("Sept"), month_number("AUGUST"), month_number("Auguſt"), month_number("Smarch")
    (9, 8, 8, None)
    """
    return MONTHS.get(ignorecase_key(name))


def names_its_month(text: str) -> bool:
    """True when a printed date names its month: only then is its order of day and month certain.

    >>> names_its_month("3 May 2019"), names_its_month("Fri, 05/03/2019 - 12:00")
    (True, False)
    """
    return bool(DAY_MONTH_YEAR_RE.search(text) or MONTH_DAY_YEAR_RE.search(text) or ISO_RE.search(text))


def weekday_number(name: str) -> int | None:
    """The weekday (Monday 0) a name of three letters or more stands for, whole or abbreviated, in any case.

    >>> weekday_number("Tue"), weekday_number("SUNDAY"), weekday_number("Mo"), weekday_number("Tuesdays")
    (1, 6, None, None)
    """
    if len(name) < 3:
        return None
    lowered = name.lower()
    return next((number for number, day in enumerate(WEEKDAYS) if day.lower().startswith(lowered)), None)


def opens_with_a_date(text: str) -> bool:
    """True for a text that opens with a date: a number, a weekday's or a month's name (not "Last saved ...").

    >>> opens_with_a_date("Tue, 08/02/2022 - 10:15"), opens_with_a_date("3 May 2021"), opens_with_a_date("May 3")
    (True, True, True)
    >>> opens_with_a_date("Last saved 04/05/2021 - 10:12"), opens_with_a_date("Draft")
    (False, False)
    """
    if text[:1].isdigit():
        return True
    word = text.split(maxsplit=1)[0].rstrip(".,") if text else ""
    return month_number(word) is not None or weekday_number(word) is not None


def order_is_certain(text: str) -> bool:
    """True when a printed date is one day only: it names its month, or its weekday decides the order of its numbers.

    >>> order_is_certain("3 May 2019"), order_is_certain("Fri, 05/03/2019 - 12:00"), order_is_certain("05/03/2019")
    (True, True, False)
    """
    return names_its_month(text) or _by_its_weekday(text) is not None


def parse_date(text: str | None) -> dt.date | None:
    """The date printed in ``text``, or None when there is none or it is impossible.

    >>> parse_date("Publishing date: 25 April 2015")
    datetime.date(2015, 4, 25)
    >>> parse_date("2018-03-29T10:00:00+02:00")
    datetime.date(2018, 3, 29)
    >>> parse_date("31 February 2018") is None
    True
    """
    if not text:
        return None
    return _parse_date_cached(text.strip()[:200])


#: The shape nearly every printed date has ("25 July 2022"), read in one step: for a text of just this shape (and a
#: month name or abbreviation the patterns below know) they find the same day, month and year.
_PLAIN_DATE_RE = re.compile(r"([0-3]?[0-9]) ([A-Za-z]+) ((?:19|20)[0-9][0-9])")


@lru_cache(maxsize=8192)
def _parse_date_cached(text: str) -> dt.date | None:
    plain = _PLAIN_DATE_RE.fullmatch(text)
    if plain and (month := month_number(plain[2])):
        return make_date(int(plain[3]), month, int(plain[1]))
    return _parse_date_by_patterns(text)


def _parse_date_by_patterns(text: str) -> dt.date | None:
    match = ISO_RE.search(text)
    if match:
        return make_date(int(match["year"]), int(match["month"]), int(match["day"]))
    for pattern in (DAY_MONTH_YEAR_RE, MONTH_DAY_YEAR_RE):
        match = pattern.search(text)
        if match and match["year"]:
            month = month_number(match["month"])
            return make_date(int(match["year"]), month, int(match["day"])) if month else None
        if match:
            return None  # a day and month without a year: not a full date
    if not re.search(r"\d", text) or len(text) > 60:
        return None
    return _by_its_weekday(text) or _dateparser(text)


# A numeric date after a weekday's name, as Drupal prints its dates ("Mon, 06/03/2019 - 12:00": m/d/Y).
_WEEKDAY_NUMERIC_RE = re.compile(r"(?P<weekday>[A-Za-z]{3,9})\.?,?\s+(?P<first>[0-3]?\d)[/.](?P<second>[0-3]?\d)"
                                 r"[/.](?P<year>(?:19|20)\d\d)\b")


# Drupal core's "medium" date format, "D, m/d/Y - H:i", exactly: the month first.
_DRUPAL_MEDIUM_RE = re.compile(r"[A-Z][a-z]{2}, [01]\d/[0-3]\d/(?:19|20)\d\d - [0-2]\d:[0-5]\d")


def _by_its_weekday(text: str) -> dt.date | None:
    """A numeric date whose order of day and month its printed weekday decides; None where it does not.

    >>> _by_its_weekday("Mon, 06/03/2019 - 12:00"), _by_its_weekday("Wed, 06/03/2019")
    (datetime.date(2019, 6, 3), datetime.date(2019, 3, 6))
    >>> _by_its_weekday("06/03/2019") is None
    True
    >>> _by_its_weekday("Tue, 08/02/2022 - 10:00")  # a Tuesday either way: Drupal's format is month first
    datetime.date(2022, 8, 2)
    """
    match = _WEEKDAY_NUMERIC_RE.search(text)
    if not match:
        return None
    if (weekday := weekday_number(match["weekday"])) is None:
        return None
    year, first, second = int(match["year"]), int(match["first"]), int(match["second"])
    fitting = {date for date in (make_date(year, second, first), make_date(year, first, second))
               if date is not None and date.weekday() == weekday}
    if len(fitting) == 2 and _DRUPAL_MEDIUM_RE.fullmatch(text.strip()):
        return make_date(year, first, second)  # both orders fit: Drupal's own format is month first
    return fitting.pop() if len(fitting) == 1 else None


def _dateparser(text: str) -> dt.date | None:
    import dateparser  # imported late: it is slow to load and rarely needed

    parsed = dateparser.parse(text, languages=["en"], settings=_DATEPARSER_SETTINGS)
    return parsed.date() if parsed else None

