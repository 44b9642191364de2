"""Item pipelines: the record's story, one step each.

The spider yields a :class:`~osce_scraper.items.RawRelease` (what the page shows, as text). Each
field pipeline parses one field family into its record (``osce_scraper.fields``, which calls the pure
functions of ``osce_scraper.extract``); validation then hands on the record alone, and deduplication
drops a node id seen before. Writing the dataset is the dataset store's job, not a pipeline's.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from osce_scraper import fields
from osce_scraper import settings as defaults
from osce_scraper.exporters import append_json_lines
from osce_scraper.items import RECORD_FIELDS, RawRelease, schema_errors
from osce_scraper.stats import REJECTED_STAT

# A rejected record may hold values JSON cannot say (that may be why it was rejected).
_dumps = functools.partial(json.dumps, ensure_ascii=False, default=str)


class FieldPipeline:
    """Fills one field family of the record of each raw release."""

    family: Callable[[RawRelease], dict[str, Any]]  # a function of osce_scraper.fields

    def process_item(self, item: Any) -> Any:
        if isinstance(item, RawRelease):
            item.record.update(self.family(item))
        return item


class PagePipeline(FieldPipeline):
    """``url``, ``node_id``, ``title``, ``text``, ``language``, ``crawled_at``: what the page states outright;
    ``warc_file``, ``warc_record_id``, ``payload_digest``: the archived response it was read from."""

    family = staticmethod(fields.page_fields)


class DatesPipeline(FieldPipeline):
    """``date``, ``date_raw``, ``dateline``."""

    family = staticmethod(fields.date_fields)


class PlacesPipeline(FieldPipeline):
    """``place`` and ``places`` (the dateline's and ``Place:``, through the gazetteer)."""

    family = staticmethod(fields.place_fields)


class TaxonomyPipeline(FieldPipeline):
    """``content_type``, ``source``, ``fields_of_work``."""

    family = staticmethod(fields.taxonomy_fields)


class OfficialsPipeline(FieldPipeline):
    """``officials``: named people with their titles."""

    family = staticmethod(fields.official_fields)


class ValidatePipeline:
    """Hands on the record when it satisfies the schema; the others go, with reasons, to the rejected file."""

    def __init__(self, rejected_path: Path, crawler: Crawler | None = None) -> None:
        self.rejected_path = rejected_path
        self.stats = crawler.stats if crawler else None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ValidatePipeline:
        return cls(Path(crawler.settings.get("OSCE_REJECTED_PATH", defaults.OSCE_REJECTED_PATH)), crawler)

    def process_item(self, item: Any) -> dict[str, Any]:
        record = item.record if isinstance(item, RawRelease) else item
        missing = [name for name in RECORD_FIELDS if name not in record]
        errors = [f"{name}: no pipeline set this field" for name in missing]
        record = {name: record.get(name) for name in RECORD_FIELDS}
        errors += schema_errors(record)
        if not errors:
            return record
        append_json_lines(self.rejected_path, [{"reasons": errors, "record": record}], dumps=_dumps)
        if self.stats:
            self.stats.inc_value(REJECTED_STAT)
        raise DropItem(f"invalid record {record.get('url')}: {'; '.join(errors)[:300]}")


class DeduplicatePipeline:
    """Drops a second record of a node id already exported in this run."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        node_id = item.get("node_id")
        if node_id in self.seen:
            raise DropItem(f"duplicate of node {node_id}: {item.get('url')}")
        if node_id:
            self.seen.add(node_id)
        return item
