"""Bylines: the short line by a title that says when a release was published, and often what it is and where.

"3 June 2019", "Vienna, 3 June 2019", "Published 3 June 2019 | Updated 5 June 2019", "3 June 2019 · Press release
· Vienna", "Submitted by editor on <time>": the page's or the listing item's date, never its text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from lxml import etree

from osce_scraper.extract.dates import month_number, names_its_month, opens_with_a_date, order_is_certain, parse_date
from osce_scraper.extract.places import lookup_place
from osce_scraper.extract.vocabulary import OSCE_BODY_WORDS
from osce_scraper.pages.html import HIDDEN_TAGS, Line, element_text, hidden_by_attribute
from osce_scraper.pages.labels import CONTENT_TYPES

#: A byline is short: a longer line, or one that ends a sentence, is text that mentions a date.
MAX_BYLINE_CHARS = 100
#: A byline whose parts bars part may name a long office ("3 June 2019 | News | Office of the Special Representative
#: and Co-ordinator for Combating Trafficking in Human Beings").
MAX_PARTED_BYLINE_CHARS = 200
#: A date as a page prints it, day first: "3 June 2019", "Monday, 3 June 2019", in numbers between dots, as Central
#: and Eastern Europe write them ("03.06.2019."), between slashes when the first number can only be the day
#: ("30/10/2025": "05/03/2019" may be either order, and a date it cannot order is not read), or year first
#: ("2019-06-03"); a time of day may follow ("30/10/2025, 14:05", "2019-06-03 14:05 CET").
#: A time of day after a printed date, a time zone after it or not ("14:05", ", 14:05 CET").
_TIME_OF_DAY = r"(?:,? [0-2]?\d:[0-5]\d(?: ?[A-Z]{2,4})?)?"
PRINTED_DATE_RE = re.compile(
    r"(?:(?:\w+day,? )?[0-3]?\d \w+,? (?:19|20)\d\d|[0-3]?\d\.[01]?\d\.(?:19|20)\d\d\.?"
    r"|(?:1[3-9]|2\d|3[01])/[01]?\d/(?:19|20)\d\d|(?:19|20)\d\d-[01]\d-[0-3]\d)"
    + _TIME_OF_DAY)
#: A date in numbers between slashes that either order reads ("05/03/2019"), a time of day after it or not.
_EITHER_ORDER_DATE_RE = re.compile(r"[01]?\d/[01]?\d/(?:19|20)\d\d" + _TIME_OF_DAY)
# A place and the date ("Vienna, 3 June 2019", "3 June 2019 | Vienna"): a comma may stand between them.
_PLACE_NAME = r"[A-ZÀ-Ž][\w'’. -]{1,30}?"
_PLACE_AND_DATE_RE = re.compile(
    rf"(?P<place>{_PLACE_NAME})\s*[,|–—]\s*(?P<date>{PRINTED_DATE_RE.pattern})"
    rf"|(?P<date_first>{PRINTED_DATE_RE.pattern})\s*[,|–—]\s*(?P<place_after>{_PLACE_NAME})"
)
# A byline's parts stand apart by a bar, a dot or a dash between spaces; a part may say whose date it is.
# Bars, dots and dashes part a byline; so does a comma before its update ("Published 3 June 2019, last updated ...").
_PARTS_RE = re.compile(r"\s+[|·•–—-]\s+|\s*[|·•]\s*|,\s+(?=(?:last\s+)?(?:updated|modified|changed)\b)", re.I)
_PUBLISHED_RE = re.compile(r"(?:first\s+)?(?:published|posted|issued)(?:\s+on)?:?\s+", re.I)
# Drupal's byline of a node, whoever the user: "Submitted by editor on Mon, 06/03/2019 - 12:00".
_SUBMITTED_RE = re.compile(r"(?:submitted|posted)\s+by\s+\S.{0,60}?\s+on\s+(?P<date>\S.*)", re.I)
_UPDATED_RE = re.compile(r"(?:last\s+)?(?:updated|modified|changed)(?:\s+on)?:?\s+", re.I)


def _place_and_date(text: str) -> tuple[str, str] | None:
    """(date, place) of a line that prints a place the gazetteer knows and a date, nothing else.

    >>> _place_and_date("Vienna, 3 June 2019"), _place_and_date("3 June 2019 | Vienna"), _place_and_date("Today, 3 May")
    (('3 June 2019', 'Vienna'), ('3 June 2019', 'Vienna'), None)
    """
    if len(text) > 60 or not (match := _PLACE_AND_DATE_RE.fullmatch(text)):
        return None
    place = (match["place"] or match["place_after"]).strip()
    return ((match["date"] or match["date_first"]), place) if lookup_place(place).country_code else None


def _names_places(part: str) -> bool:
    """True for a byline's part that names places the gazetteer knows: one, or several between slashes.

    >>> _names_places("Vienna"), _names_places("Vienna/Tirana"), _names_places("Vienna/Annual report")
    (True, True, False)
    """
    return all(lookup_place(name.strip()).country_code for name in part.split("/"))


class Byline(NamedTuple):
    """What a byline printed as text says: the publication's date, and the content type, place and office beside
    it."""

    date: str
    content_type: str | None = None
    #: The part that names the place (or places, between slashes), as printed, when one does.
    place: str | None = None
    #: The part that names an office of the OSCE ("3 June 2019 | News | OSCE Mission to Skopje"), when one does.
    source: str | None = None


def printed_byline(text: str) -> Byline | None:
    """The :class:`Byline` of a line printed as text: a date, and beside it nothing but a content type, a place the
    gazetteer knows or an update's date. The publication's date is the release's.

    >>> printed_byline("Published 3 June 2019 | Updated 5 June 2019")
    Byline(date='3 June 2019', content_type=None, place=None, source=None)
    >>> printed_byline("Vienna, 3 June 2019")
    Byline(date='3 June 2019', content_type=None, place='Vienna', source=None)
    >>> printed_byline("Updated 5 June 2019 – first published 3 June 2019")
    Byline(date='3 June 2019', content_type=None, place=None, source=None)
    >>> printed_byline("3 June 2019 · Press release · Vienna"), printed_byline("Published 3 June 2019 by the Mission")
    (Byline(date='3 June 2019', content_type='Press release', place='Vienna', source=None), None)
    >>> printed_byline("Press release · 9 October 2020 · Vienna/Tirana")
    Byline(date='9 October 2020', content_type='Press release', place='Vienna/Tirana', source=None)
    >>> printed_byline("News · 3 May 2019 · Farob")
    Byline(date='3 May 2019', content_type='News', place='Farob', source=None)
    >>> printed_byline("3 June 2019 | News | OSCE Mission to Skopje").source
    'OSCE Mission to Skopje'
    """
    if (len(text) > MAX_BYLINE_CHARS and (len(text) > MAX_PARTED_BYLINE_CHARS or text.count(" | ") < 2)) or not any(
            c.isdigit() for c in text):
        return None
    published = updated = content_type = place = None
    unknown: list[str] = []  # parts that are no date, type or known place
    for part in _PARTS_RE.split(text.strip()):
        if match := _UPDATED_RE.match(part):
            if PRINTED_DATE_RE.fullmatch(date := part[match.end():]):
                updated = updated or date
            elif not _EITHER_ORDER_DATE_RE.fullmatch(date):  # an update's date no order reads dates nothing
                return None
        elif PRINTED_DATE_RE.fullmatch(date := part[match.end():] if (match := _PUBLISHED_RE.match(part)) else part):
            published = published or date
        elif known := CONTENT_TYPES.get(part.lower()):
            content_type = content_type or known
        elif typed := typed_date(part):  # a type's badge touching the date it stands before ("News Published: ...")
            content_type, published = content_type or typed[0], published or typed[1]
        elif _names_places(part):
            place = place or part
        else:
            unknown.append(part)
    date = published or updated
    # Beside a type and a date, one more part may be a place the gazetteer lacks ("Press release · 3 June 2019 ·
    # Farob"): a name of a few capitalised words.
    # Beside a date, one more part may be the office that issued it ("3 June 2019 | News | OSCE Mission to Skopje").
    source = unknown.pop() if date and len(unknown) == 1 and _names_an_osce_office(unknown[0]) else None
    if unknown and not (date and content_type and len(unknown) == 1 and _is_place_name(unknown[0])):
        placed = _place_and_date(text)
        return Byline(placed[0], None, placed[1]) if placed else None
    if not date:
        return None
    return Byline(date, content_type, place or (unknown[0] if unknown else None), source)


def parts_set_apart(element: etree._Element) -> str | None:
    """The texts of ``element``'s children joined by " · " when they are all it prints and two or more show text: a
    strip whose parts a theme sets apart by hidden separators or by CSS, and which runs together in the text
    ("3 May 2021NewsVinstad"). None for an element that prints text of its own.

    >>> from lxml import html
    >>> strip = html.fromstring("<div><time>3 May 2021</time><i aria-hidden='true'>|</i><a>News</a><span>Vinstad"
    ...                         "</span></div>")
    >>> parts_set_apart(strip)
    '3 May 2021 · News · Vinstad'
    """
    if (element.text or "").strip():
        return None
    parts: list[str] = []
    for child in element:
        if (child.tail or "").strip():
            return None  # text between the parts: the line is read as printed
        if not isinstance(child.tag, str) or child.tag in HIDDEN_TAGS or hidden_by_attribute(child):
            continue
        if part := element_text(child):
            parts.append(part)
    return " · ".join(parts) if len(parts) >= 2 else None


def line_byline(line: Line) -> Byline | None:
    """The byline a line prints: as text, or as parts set apart in elements of their own (see
    :func:`parts_set_apart`)."""
    if byline := printed_byline(line.text):
        return byline
    # Parts set apart are a few: a longer line, or one without a digit, is no byline.
    if len(line.text) > MAX_BYLINE_CHARS or len(line.element) < 2 or not any(c.isdigit() for c in line.text):
        return None
    apart = parts_set_apart(line.element)
    return printed_byline(apart) if apart else None


def _names_an_osce_office(part: str) -> bool:
    """True for a part of a byline that names an office of the OSCE: a capitalised name with one of its bodies' words.

    >>> _names_an_osce_office("OSCE Mission to Skopje"), _names_an_osce_office("ODIHR"), _names_an_osce_office("Vienna")
    (True, True, False)
    """
    return part[:1].isupper() and not any(c.isdigit() for c in part) and not OSCE_BODY_WORDS.isdisjoint(
        word.strip("’'") for word in part.split())


def _is_place_name(part: str) -> bool:
    """True for a part of a byline written as a place's name is: one to three words, each capitalised.

    >>> _is_place_name("Mitrovo Polje"), _is_place_name("by the Mission"), _is_place_name("Updated daily")
    (True, False, False)
    """
    words = part.replace("/", " ").split()
    return 1 <= len(words) <= 3 and all(word[:1].isupper() and not any(c.isdigit() for c in word) for word in words)


def byline_date(line: Line) -> str | None:
    """The date a short line prints in a ``<time>`` (a byline, "Submitted by editor on 3 May 2019", a table's date
    cell): as printed when it names its month, else the ``datetime`` (month-first numbers name no day alone).
    Without a ``<time>``, the date of Drupal's "Submitted by editor on ..." when it is certain (its month named,
    or the order of its numbers decided by its weekday).

    >>> from osce_scraper.pages.html import page_selector, visible_lines
    >>> page = "<p>By editor, <time datetime='2019-05-03T10:00:00Z'>Fri, 05/03/2019 - 12:00</time></p>"
    >>> byline_date(visible_lines(page_selector(page))[0])
    '2019-05-03T10:00:00Z'
    >>> byline_date(visible_lines(page_selector("<p>Submitted by editor on Mon, 06/03/2019 - 12:00</p>"))[0])
    'Mon, 06/03/2019 - 12:00'
    """
    text = line.text
    if len(text) > MAX_BYLINE_CHARS or text[-1] in ".!?":
        return None
    if not line.times:
        submitted = _SUBMITTED_RE.match(text) if text[0] in "SsPp" else None
        return submitted["date"] if submitted and order_is_certain(submitted["date"]) else None
    for time in line.times:
        printed = element_text(time)
        if printed and printed in text and any(c.isdigit() for c in printed) and parse_date(printed) is not None:
            return printed if names_its_month(printed) else (time.get("datetime") or "").strip() or printed
    return None


def is_submitted_line(text: str) -> bool:
    """True for Drupal's "Submitted by editor on ..." byline, whatever its date (one whose order of day and month
    nothing decides, "Tue, 08/02/2022", is the page's byline too, but dates nothing): no text, no lead.

    >>> is_submitted_line("Submitted by Mila Korhonen on Tue, 08/02/2022 - 10:15"), is_submitted_line("Submitted.")
    (True, False)
    """
    return (len(text) <= MAX_BYLINE_CHARS and text[:1] in "SsPp" and (found := _SUBMITTED_RE.match(text)) is not None
            and opens_with_a_date(found["date"]))


def tile_date(lines: Sequence[Line], index: int) -> str | None:
    """The date of a calendar tile that starts at ``lines[index]``: a day, a month's name and a year printed as
    three lines of their own ("04", "Jun", "2019"), read as one date ("04 Jun 2019").

    >>> from osce_scraper.pages.html import page_selector, visible_lines
    >>> tile_date(visible_lines(page_selector("<div>04</div><div>Jun</div><div>2019</div><h3>Title</h3>")), 0)
    '04 Jun 2019'
    """
    if index + 2 >= len(lines):
        return None
    day, month, year = (lines[i].text for i in range(index, index + 3))
    if not (len(day) <= 2 and day.isdigit() and 1 <= int(day) <= 31 and len(year) == 4 and year.isdigit()
            and month_number(month.rstrip(".")) is not None):
        return None
    return f"{day} {month} {year}"


def is_date_line(text: str) -> bool:
    """True for a short line that reads as a date.

    >>> is_date_line("3 June 2019"), is_date_line("Vienna")
    (True, False)
    """
    return len(text) <= 40 and any(c.isdigit() for c in text) and parse_date(text) is not None


# What stands between a date and what it is printed beside (a title, a type): "Title | 3 June 2019", "News – 3 June".
BESIDE_A_DATE = " -–—|·•,:()"


def is_a_date_alone(text: str) -> bool:
    """True for a date line that opens with a day's number or a month's name, as a printed date does (not a phrase
    that mentions one, "on 3 June 2019")."""
    if not text or not (text[:1].isdigit() or month_number(text.split(maxsplit=1)[0].rstrip(".,")) is not None):
        return False
    return is_date_line(text)


#: The content types by their first letter (lower case): a line is asked only of the types it may open with.
_TYPES_BY_OPENING: dict[str, list[tuple[str, str]]] = {
    opening: [(key, name) for key, name in CONTENT_TYPES.items() if key[:1] == opening]
    for opening in {key[:1] for key in CONTENT_TYPES}
}


def typed_date(text: str) -> tuple[str, str] | None:
    """(content type, date) of a short line that prints a type, then a date, however the two touch.

    >>> typed_date("Press release | 3 June 2019"), typed_date("News3 June 2019")
    (('Press release', '3 June 2019'), ('News', '3 June 2019'))
    >>> typed_date("News Published 3 June 2019")
    ('News', '3 June 2019')
    """
    if len(text) > 60 or not any(c.isdigit() for c in text):
        return None
    lowered = text.lower()
    for key, name in _TYPES_BY_OPENING.get(lowered[:1], ()):
        if not lowered.startswith(key):
            continue
        rest = text[len(key) :].strip(BESIDE_A_DATE)
        if published := _PUBLISHED_RE.match(rest):  # "News Published 3 June 2019"
            rest = rest[published.end() :]
        if is_a_date_alone(rest):
            return name, rest
    return None
