"""Item pipelines: a raw release through extract/ into a record; validate; deduplicate.

Every field is derived by a pure function of ``osce_scraper.extract``, the
same functions ``benchmarks/score_corpus.py`` measures.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from pathlib import Path
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from osce_scraper.extract.datelines import Dateline, parse_dateline, standalone_dateline
from osce_scraper.extract.dates import parse_date
from osce_scraper.extract.officials import find_officials
from osce_scraper.extract.page import CONTENT_TYPES, parse_release_page
from osce_scraper.extract.places import Place, resolve_places, unique_places
from osce_scraper.extract.urls import language_of, release_url
from osce_scraper.items import RECORD_FIELDS, FetchedRelease, RawRelease, schema_errors
from osce_scraper.monitors import PAGE_LABEL_STATS
from osce_scraper.state import CrawlState, DatasetAppender, repair_dataset
from osce_scraper.workers import ExtractionWorkers

logger = logging.getLogger(__name__)


def choose_date(raw: RawRelease, dateline: Dateline | None) -> tuple[dt.date | None, str | None]:
    """The publication date and the text it was read from.

    Order: the page's ``Date:``, the listing's publishing date, the dateline,
    then machine-readable metadata.
    """
    listing = raw.listing
    candidates = [raw.page.date_raw, listing.publishing_date if listing else None]
    for text in candidates:
        if (date := parse_date(text)) is not None:
            return date, text
    if dateline and (date := dateline.date()) is not None:
        return date, dateline.date_text
    if (date := parse_date(raw.page.meta_date)) is not None:
        return date, raw.page.meta_date
    return None, next((text for text in candidates if text), None)


def find_dateline(raw: RawRelease) -> Dateline | None:
    """The body's dateline, else the listing lead's, else a standalone place-date line."""
    texts = raw.page.paragraphs[:1] + ([raw.listing.lead] if raw.listing and raw.listing.lead else [])
    for text in texts:
        if dateline := parse_dateline(text):
            return dateline
    if raw.page.standalone_dateline:
        return standalone_dateline(raw.page.standalone_dateline)
    return None


def choose_places(raw: RawRelease, dateline: Dateline | None) -> list[Place]:
    """Every place of the dateline, then of ``Place:``, then of the listing's ``Location:``.

    The first is the record's main ``place``.
    """
    places: list[Place] = []
    if dateline:
        places += resolve_places(dateline.place_names, dateline.country)
    labelled = list(raw.page.place_raw)
    if raw.listing and raw.listing.location:
        labelled.append(raw.listing.location)
    for value in labelled:
        places += resolve_places([p for p in value.replace(" / ", "/").split("/") if p.strip()])
    return unique_places(places)


def choose_content_type(raw: RawRelease) -> str | None:
    """The page's content type, else the listing's; known types in their usual spelling."""
    value = raw.page.content_type or (raw.listing.content_type if raw.listing else None)
    if not value:
        return None
    return CONTENT_TYPES.get(value.strip().lower(), value.strip())


def build_record(raw: RawRelease) -> dict[str, Any]:
    """The record of one release: every field of the schema, in order."""
    page, listing = raw.page, raw.listing
    dateline = find_dateline(raw)
    date, date_raw = choose_date(raw, dateline)
    places = choose_places(raw, dateline)
    text = "\n\n".join(page.paragraphs)
    title = page.title or (listing.title if listing else None)
    record = {
        "url": page.canonical_url or release_url(page.url),
        "node_id": page.node_id or (listing.node_id if listing else None),
        "content_type": choose_content_type(raw),
        "title": title,
        "date": date.isoformat() if date else None,
        "date_raw": date_raw,
        "dateline": dateline.raw if dateline else None,
        "place": places[0].name if places else None,
        "places": [p.to_dict() for p in places],
        "source": page.source or (listing.where_we_are if listing else []),
        "fields_of_work": page.fields_of_work or (listing.what_we_do if listing else []),
        "officials": [o.to_dict() for o in find_officials(text or (listing.lead if listing else "") or "")],
        "text": text,
        "language": language_of(page.url),
        "crawled_at": raw.crawled_at,
    }
    assert tuple(record) == RECORD_FIELDS
    return record


def read_release(fetched: FetchedRelease) -> tuple[dict[str, Any], list[str]]:
    """The record of a fetched release page, and which of the labels counted by the checks it showed."""
    page = parse_release_page(fetched.html, fetched.url)
    record = build_record(RawRelease(page=page, listing=fetched.listing, crawled_at=fetched.crawled_at))
    return record, [label for attribute, label in PAGE_LABEL_STATS.items() if getattr(page, attribute)]


class BuildRecordPipeline:
    """Turns each :class:`FetchedRelease` into a record (in the extraction workers), counting page labels."""

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats
        self.workers = ExtractionWorkers.of(crawler)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BuildRecordPipeline:
        return cls(crawler)

    async def process_item(self, item: Any) -> Any:
        if not isinstance(item, FetchedRelease):
            return item
        record, labels = await self.workers.run(read_release, item)
        if self.stats:
            self.stats.inc_value("osce/release_pages")
            for label in labels:
                self.stats.inc_value(f"osce/page_label/{label}")
        return record


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


class ValidatePipeline:
    """Exports only records that satisfy the schema; the others go, with reasons, to the rejected file."""

    def __init__(self, rejected_path: Path, crawler: Crawler | None = None) -> None:
        self.rejected_path = rejected_path
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ValidatePipeline:
        return cls(Path(crawler.settings.get("OSCE_REJECTED_PATH", "output/rejected.jsonl")), crawler)

    def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        errors = schema_errors(item)
        if not errors:
            return item
        self.rejected_path.parent.mkdir(parents=True, exist_ok=True)
        with self.rejected_path.open("a", encoding="utf-8") as out:
            out.write(json.dumps({"reasons": errors, "record": item}, ensure_ascii=False, default=str) + "\n")
        if self.crawler and self.crawler.stats:
            self.crawler.stats.inc_value("osce/rejected")
        raise DropItem(f"invalid record {item.get('url')}: {'; '.join(errors)}")


class DatasetWriterPipeline:
    """Keeps the dataset file when the spider owns it (no ``-O``/``-o`` feed on the command line).

    Incremental runs append each record and commit its node id to the crawl
    state; other runs write a ``.partial`` file that replaces the dataset only
    when the crawl finishes, so a failed or killed run leaves the old one whole.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.appender: DatasetAppender | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DatasetWriterPipeline:
        pipeline = cls(crawler)
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    @property
    def rewriting(self) -> bool:
        return not getattr(self.crawler.spider, "incremental", False)

    def _partial_path(self, dataset: Path) -> Path:
        return dataset.with_name(dataset.name + ".partial")

    @property
    def resumable(self) -> bool:
        """True in a job that can be paused and resumed (``-s JOBDIR=...``)."""
        return bool(self.crawler.settings.get("JOBDIR"))

    def open_spider(self) -> None:
        dataset = getattr(self.crawler.spider, "dataset_path", None)
        if dataset is None:
            return
        target = self._partial_path(dataset) if self.rewriting else dataset
        if self.rewriting:
            if self.resumable:
                repair_dataset(target)  # a paused job goes on with what it had written
            else:
                target.unlink(missing_ok=True)
        self.appender = DatasetAppender(target)

    def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        if self.appender is None:
            return item
        self.appender.append(item)
        if not self.rewriting:
            self.crawler.spider.crawl_state.mark_exported(item["node_id"], item["url"])
        if self.crawler.stats:
            self.crawler.stats.inc_value("osce/new_records")
        return item

    def spider_closed(self, spider: Any, reason: str) -> None:
        if self.appender is None:
            return
        self.appender.close()
        state: CrawlState = spider.crawl_state
        dataset: Path = spider.dataset_path
        if self.rewriting:
            partial = self._partial_path(dataset)
            if reason == "finished":
                written = repair_dataset(partial)
                os.replace(partial, dataset)
                state.replace_exported(written)
            elif self.resumable and reason == "shutdown":
                logger.warning("paused: %s is kept; run the same command to resume", partial)
            else:
                partial.unlink(missing_ok=True)
                logger.warning("crawl ended (%s): %s was left as it was", reason, dataset)
        if spider.listing_complete and reason == "finished":
            state.set("listing_complete", "1")
        state.close()
