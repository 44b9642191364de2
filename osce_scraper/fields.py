"""The record's fields from a raw release, one function per field family.

Each function is pure: a :class:`~osce_scraper.items.RawRelease` (what the page and its listing
item show, as text) in, the family's fields out. The item pipelines call one each; ``build_record``
calls them all, for ``osce-scraper parse`` and the benchmarks. The parsing itself lives in
``osce_scraper.extract``.
"""

from __future__ import annotations

from typing import Any

from osce_scraper.extract.datelines import Dateline, first_dateline, parse_dateline, standalone_dateline
from osce_scraper.extract.dates import parse_date
from osce_scraper.extract.officials import find_officials
from osce_scraper.extract.places import Place, resolve_places, unique_places
from osce_scraper.extract.urls import language_of, release_url
from osce_scraper.items import CAPTURE_FIELDS, RECORD_FIELDS, RawRelease
from osce_scraper.pages.labels import CONTENT_TYPES


def find_dateline(raw: RawRelease) -> Dateline | None:
    """The body's dateline (in its first paragraphs), else the listing lead's, else a standalone place-date line."""
    if dateline := first_dateline(raw.page.paragraphs):
        return dateline
    if raw.listing and raw.listing.lead and (dateline := parse_dateline(raw.listing.lead)):
        return dateline
    if raw.page.standalone_dateline:
        return standalone_dateline(raw.page.standalone_dateline)
    return None


def page_fields(raw: RawRelease) -> dict[str, Any]:
    """What the page states outright: ``url``, ``node_id``, ``title``, ``text``, ``language``, ``crawled_at``,
    where its response is archived: ``warc_file``, ``warc_record_id``, ``payload_digest``, and its version fields."""
    page, listing = raw.page, raw.listing
    capture = raw.capture or {}
    return {
        "url": page.canonical_url or release_url(page.url),
        "node_id": page.node_id or (listing.node_id if listing else None),
        "title": page.title or (listing.title if listing else None),
        "text": "\n\n".join(page.paragraphs),
        "language": language_of(page.url),
        "crawled_at": raw.crawled_at,
        **{name: capture.get(name) for name in CAPTURE_FIELDS},
        # A fresh record is version 1; the crawl's store gives a release fetched again its line's history.
        "version": 1,
        "changed_at": None,
        "withdrawn_at": None,
    }


def date_fields(raw: RawRelease) -> dict[str, Any]:
    """``date``, ``date_raw`` and ``dateline``.

    The date is the page's ``Date:``, else the listing's publishing date, else the dateline's,
    else the page's machine-readable date; ``date_raw`` is the text it was read from.
    """
    dateline = find_dateline(raw)
    candidates = [raw.page.date_raw, raw.listing.publishing_date if raw.listing else None]
    date, date_raw = None, next((text for text in candidates if text), None)
    for text in candidates:
        if (date := parse_date(text)) is not None:
            date_raw = text
            break
    else:
        if dateline and (date := dateline.date()) is not None:
            date_raw = dateline.date_text
        elif (date := parse_date(raw.page.meta_date)) is not None:
            date_raw = raw.page.meta_date
    return {
        "date": date.isoformat() if date else None,
        "date_raw": date_raw,
        "dateline": dateline.raw if dateline else None,
    }


def _places(raw: RawRelease) -> list[Place]:
    places: list[Place] = []
    if dateline := find_dateline(raw):
        places += resolve_places(dateline.place_names, dateline.country)
    labelled = list(raw.page.place_raw)
    if raw.listing and raw.listing.location:
        labelled.append(raw.listing.location)
    for value in labelled:
        places += resolve_places([p for p in value.replace(" / ", "/").split("/") if p.strip()])
    return unique_places(places)


def place_fields(raw: RawRelease) -> dict[str, Any]:
    """``place`` and ``places``: every place of the dateline, then of ``Place:``, then of the listing's
    ``Location:``; the first is the main ``place``."""
    places = _places(raw)
    return {"place": places[0].name if places else None, "places": [p.to_dict() for p in places]}


def taxonomy_fields(raw: RawRelease) -> dict[str, Any]:
    """``content_type``, ``source`` and ``fields_of_work``: the page's, else the listing item's."""
    page, listing = raw.page, raw.listing
    content_type = (page.content_type or (listing.content_type if listing else None) or "").strip()
    return {
        "content_type": CONTENT_TYPES.get(content_type.lower(), content_type) or None,
        "source": page.source or (listing.where_we_are if listing else []),
        "fields_of_work": page.fields_of_work or (listing.what_we_do if listing else []),
    }


def official_fields(raw: RawRelease) -> dict[str, Any]:
    """``officials``: the named people the body (else the listing's lead) gives an office or title."""
    text = "\n\n".join(raw.page.paragraphs) or (raw.listing.lead if raw.listing else "") or ""
    return {"officials": [official.to_dict() for official in find_officials(text)]}


#: Every field family, in the order the pipelines run them.
FIELD_FAMILIES = (page_fields, date_fields, place_fields, taxonomy_fields, official_fields)


def build_record(raw: RawRelease) -> dict[str, Any]:
    """The record of one release: every field of the schema, in order."""
    fields: dict[str, Any] = {}
    for family in FIELD_FAMILIES:
        fields.update(family(raw))
    return {name: fields[name] for name in RECORD_FIELDS}
