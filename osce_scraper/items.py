"""The record: one release, its fields in order, and its JSON Schema."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from osce_scraper.extract.listing import ListingItem
from osce_scraper.extract.page import ReleasePage

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
)


def utc_now() -> str:
    """The current time as the record writes it: UTC, to the second, with a Z."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


@cache
def record_schema() -> dict[str, Any]:
    """The JSON Schema every exported record satisfies."""
    text = resources.files("osce_scraper.schema").joinpath("release.schema.json").read_text("utf-8")
    return json.loads(text)


@cache
def _validator() -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(record_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


@cache
def _fast_validator() -> Any:
    import fastjsonschema

    return fastjsonschema.compile(record_schema())


def schema_errors(record: dict[str, Any]) -> list[str]:
    """Every way ``record`` breaks the schema, as readable sentences (empty when valid).

    A compiled validator answers the common case fast; jsonschema explains failures.
    """
    import fastjsonschema

    try:
        _fast_validator()(record)
    except fastjsonschema.JsonSchemaException:
        pass
    else:
        return []
    validator = _validator()
    return [
        f"{'/'.join(str(p) for p in error.absolute_path) or '(record)'}: {error.message}"
        for error in sorted(validator.iter_errors(record), key=lambda e: list(e.absolute_path))
    ]


@dataclass(slots=True)
class FetchedRelease:
    """What the spider hands to the pipelines: a release page as fetched and the listing item that led to it.

    The pipelines turn it into a record (a dict of :data:`RECORD_FIELDS`).
    """

    url: str
    html: str | bytes
    listing: ListingItem | None
    crawled_at: str


@dataclass(slots=True)
class RawRelease:
    """A release page as read, with the listing item that led to it: what a record is built from."""

    page: ReleasePage
    listing: ListingItem | None
    crawled_at: str
