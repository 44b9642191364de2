"""The record: one release, its fields in order, and its JSON Schema."""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import fastjsonschema

from osce_scraper.pages.listing import ListingItem
from osce_scraper.pages.release import ReleasePage

#: The record's fields in the order they are written.
RECORD_FIELDS = (
    "url",
    "node_id",
    "content_type",
    "title",
    "date",
    "date_raw",
    "dateline",
    "place",
    "places",
    "source",
    "fields_of_work",
    "officials",
    "text",
    "language",
    "crawled_at",
    "warc_file",
    "warc_record_id",
    "payload_digest",
    "version",
    "changed_at",
    "withdrawn_at",
)
#: Set by the crawl's store from the release's history (store/versions.py): a record is made as version 1.
VERSION_FIELDS = ("version", "changed_at", "withdrawn_at")
#: Where the page's response is archived (osce_scraper/archive.py): set from ``RawRelease.capture``.
CAPTURE_FIELDS = ("warc_file", "warc_record_id", "payload_digest")


#: The last second :func:`utc_now` wrote, and how: a crawl asks many times a second.
_last_now: tuple[int, str] = (-1, "")


def utc_now() -> str:
    """The current time as the record writes it: UTC, to the second, with a Z.

    >>> utc_now()[10], utc_now()[-1], len(utc_now())
    ('T', 'Z', 20)
    """
    global _last_now
    # The clock datetime.now reads, its nanoseconds floored to the second as datetime.now floors them.
    second = time.time_ns() // 1_000_000_000
    last = _last_now
    if last[0] != second:
        text = dt.datetime.fromtimestamp(second, dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
        _last_now = last = (second, text)
    return last[1]


@cache
def record_schema() -> dict[str, Any]:
    """The JSON Schema every exported record satisfies."""
    text = resources.files("osce_scraper.schema").joinpath("release.schema.json").read_text("utf-8")
    return json.loads(text)


@cache
def _validator() -> Any:
    """The schema's validator (jsonschema), compiled once, its format checks included: the one judge."""
    from jsonschema import Draft202012Validator

    return Draft202012Validator(record_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


_FULL_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def is_full_date(value: object) -> bool:
    """The schema's ``date`` format as jsonschema checks it (RFC 3339's full-date, a day the calendar has);
    fastjsonschema's own regex takes the year 0, which no date has. A value that is not a string is the
    ``type`` keyword's business.

    >>> is_full_date("2020-02-29"), is_full_date("2021-02-29"), is_full_date("0000-01-01"), is_full_date(7)
    (True, False, False, True)
    """
    if not isinstance(value, str):
        return True
    if not _FULL_DATE_RE.fullmatch(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


@cache
def _fast_check() -> Callable[[Any], Any]:
    """The same schema compiled to Python by fastjsonschema: a check of a valid record in some 20 µs, not 250.

    Its ``date`` format is :func:`is_full_date`, so jsonschema (a tenth of a second to import) is loaded only
    when a record fails. The schema's keywords mean the same in fastjsonschema's draft 7 as in draft 2020-12.
    """
    return fastjsonschema.compile(record_schema(), formats={"date": is_full_date})


def _json_shaped(value: Any) -> bool:
    """True when every container in ``value`` is a dict or a list: fastjsonschema takes a tuple for an array,
    jsonschema (and so the schema's contract) does not.

    >>> _json_shaped({"a": [1, {"b": None}]}), _json_shaped({"a": [(1, 2)]})
    (True, False)
    """
    stack = [value]
    while stack:
        item = stack.pop()
        if item.__class__ in _JSON_SCALARS:  # most values: asked of their exact class before any isinstance
            continue
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, tuple):
            return False
    return True


_JSON_SCALARS = frozenset({str, int, float, bool, type(None)})


def schema_version() -> str:
    """The version of the record's schema (``version`` in release.schema.json), which runs and reports name.

    >>> schema_version().count(".")
    2
    """
    return str(record_schema()["version"])


def schema_errors(record: dict[str, Any]) -> list[str]:
    """Every way ``record`` breaks the schema, as readable sentences (empty when valid).

    A record the compiled check passes is valid; any other is judged by jsonschema, which gives the
    reasons. Where the two differ the compiled check is the stricter (a line end before a pattern's ``$``,
    a number type such as ``Fraction``), so the verdict is always jsonschema's.

    >>> schema_errors({"url": 1})[0]
    "(record): 'node_id' is a required property"
    """
    try:
        _fast_check()(record)
    except fastjsonschema.JsonSchemaException:
        pass
    else:
        if _json_shaped(record):
            return []
    validator = _validator()
    return [
        f"{'/'.join(str(p) for p in error.absolute_path) or '(record)'}: {error.message}"
        for error in sorted(validator.iter_errors(record), key=lambda e: list(e.absolute_path))
    ]


@dataclass(slots=True)
class RawRelease:
    """What the spider hands to the pipelines: a release page as read (text, no HTML) and the listing item
    that led to it. The pipelines parse it into a record (a dict of :data:`RECORD_FIELDS`).
    """

    page: ReleasePage
    listing: ListingItem | None
    crawled_at: str
    #: The archived response the page was read from: ``warc_file``, ``warc_record_id``, ``payload_digest``.
    capture: dict | None = None
    #: The record, filled field family by field family as the item passes the pipelines.
    record: dict[str, Any] = field(default_factory=dict)
