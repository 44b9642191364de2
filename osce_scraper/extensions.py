"""Scrapy extensions: progress on a terminal, a summary of every run, and the garbage collector set for a crawl."""

from __future__ import annotations

import gc
import logging
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from scrapy import signals
from scrapy.crawler import Crawler
from twisted.internet import task

from osce_scraper import settings as defaults
from osce_scraper.dataset import dataset_version
from osce_scraper.exporters import append_json_lines
from osce_scraper.items import RECORD_FIELDS, utc_now
from osce_scraper.logs import quiet_run_logs
from osce_scraper.stats import (
    CHANGED_STAT,
    CHANGES_WITHHELD_STAT,
    CHECKS_FAILED_STAT,
    FAILED_PAGES_STAT,
    FILLED_STATS,
    LISTING_PAGES_STAT,
    LISTING_PAGES_TOTAL_STAT,
    LISTING_SHAPE_STATS,
    NEW_RECORDS_STAT,
    PAGE_SHAPE_STATS,
    QUARANTINED_LINES_STAT,
    RECHECKED_STAT,
    REJECTED_STAT,
    UNCHANGED_304_STAT,
    UNCHANGED_RECORDS_STAT,
    UNREADABLE_PAGES_STAT,
    UPDATED_RECORDS_STAT,
    WITHDRAWN_STAT,
    WRITE_FAILED_STAT,
    shape_counts,
)
from osce_scraper.store import crawl_store

logger = logging.getLogger(__name__)


#: Container objects allocated, beyond those freed, between two collections of the youngest generation (Python's
#: default is 700). Reading a release page keeps a few thousand alive at once (its lines, links, fields): a
#: collection in the middle of a page walks them all and moves them to an older generation, to be walked again.
YOUNG_GENERATION_THRESHOLD = 10_000


class GarbageCollector:
    """Sets Python's garbage collector for a crawl, until it closes.

    * Every object that exists when the crawl opens (modules, settings, components, compiled patterns) is moved
      out of the collector's sight (:func:`gc.freeze`). A crawl allocates without pause, so full collections
      come every few hundred releases, and each walked the hundred thousand objects of the libraries loaded at
      the start: some 60 ms a time, about a second in a crawl of 5,000 releases. Frozen objects are still freed
      when nothing refers to them.
    * The youngest generation is collected after :data:`YOUNG_GENERATION_THRESHOLD` allocations rather than 700:
      a crawl's collections went from 0.8 s to 0.15 s in 5,000 releases. What it delays is only garbage in
      reference cycles, a few thousand objects at most.

    At the close the frozen objects are handed back and the thresholds are restored.
    """

    def __init__(self) -> None:
        self.thresholds: tuple[int, int, int] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> GarbageCollector:
        extension = cls()
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self, spider: Any) -> None:
        gc.freeze()
        self.thresholds = gc.get_threshold()
        gc.set_threshold(max(self.thresholds[0], YOUNG_GENERATION_THRESHOLD), *self.thresholds[1:])

    def spider_closed(self, spider: Any) -> None:
        if self.thresholds is not None:
            gc.set_threshold(*self.thresholds)
            self.thresholds = None
        gc.unfreeze()


def progress_line(pages: int, records: int, elapsed: float, listing_seen: int, listing_total: int | None) -> str:
    """One line of progress: pages, records, rate and, when the listing's length is known, ETA.

    >>> progress_line(120, 98, 60.0, 10, 40)
    'pages 120 · records 98 · 2.0 pages/s · listing 10/40 · ETA 3m00s'
    >>> progress_line(5, 0, 0.0, 1, None)
    'pages 5 · records 0 · 0.0 pages/s'
    """
    rate = pages / elapsed if elapsed > 0 else 0.0
    line = f"pages {pages} · records {records} · {rate:.1f} pages/s"
    if listing_total and listing_seen:
        remaining = elapsed / listing_seen * max(0, listing_total - listing_seen)
        minutes, seconds = divmod(int(remaining), 60)
        line += f" · listing {listing_seen}/{listing_total} · ETA {minutes}m{seconds:02d}s"
    return line


class Progress:
    """Prints progress to a terminal every ``OSCE_PROGRESS_INTERVAL`` seconds; silent when not a terminal."""

    def __init__(self, crawler: Crawler, stream: TextIO | None = None, interval: float = 2.0) -> None:
        self.crawler = crawler
        self.stream = stream or sys.stderr
        self.interval = interval
        self.started = time.monotonic()
        self.loop: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Progress:
        interval = crawler.settings.getfloat("OSCE_PROGRESS_INTERVAL", defaults.OSCE_PROGRESS_INTERVAL)
        extension = cls(crawler, interval=interval)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    @property
    def enabled(self) -> bool:
        return bool(getattr(self.stream, "isatty", lambda: False)())

    def spider_opened(self, spider: Any) -> None:
        self.started = time.monotonic()
        if self.enabled:
            self.loop = task.LoopingCall(self.show)
            self.loop.start(self.interval, now=False)

    def current_line(self) -> str:
        stats = self.crawler.stats
        value = stats.get_value if stats else (lambda key, default=None: default)
        return progress_line(
            pages=value("response_received_count", 0),
            records=value("item_scraped_count", 0),
            elapsed=time.monotonic() - self.started,
            listing_seen=value(LISTING_PAGES_STAT, 0),
            listing_total=value(LISTING_PAGES_TOTAL_STAT, None),
        )

    def show(self) -> None:
        self.stream.write("\r" + self.current_line() + "\033[K")
        self.stream.flush()

    def spider_closed(self, spider: Any) -> None:
        if self.loop and self.loop.running:
            self.loop.stop()
        if self.enabled:
            self.stream.write("\r" + self.current_line() + "\033[K\n")
            self.stream.flush()


class RunSummary:
    """At the end of each run: a summary on stderr, and one JSON line appended to ``OSCE_RUNS_PATH``."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.path = Path(crawler.settings.get("OSCE_RUNS_PATH", defaults.OSCE_RUNS_PATH))
        self.started = utc_now()
        self.line = ""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunSummary:
        extension = cls(crawler)
        # Before the components are listed and the spider logs: what the run prints is one line a problem.
        quiet_run_logs(crawler.spidercls.name)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(extension.engine_stopped, signal=signals.engine_stopped)
        return extension

    def spider_opened(self, spider: Any) -> None:
        self.started = utc_now()

    def engine_stopped(self) -> None:
        # The last line a run prints: after Scrapy's own closing lines.
        if self.line:
            print(self.line, file=sys.stderr)

    def dataset_version(self) -> dict[str, Any] | None:
        store = crawl_store(self.crawler)
        path = getattr(store, "dataset_path", None)
        return dataset_version(path) if path is not None and getattr(store, "mode", "feed") != "feed" else None

    def summary(self, reason: str) -> dict[str, Any]:
        stats = self.crawler.stats.get_stats() if self.crawler.stats else {}
        records = stats.get("item_scraped_count", 0)
        coverage = {
            name: round(stats.get(f"{FILLED_STATS}/{name}", 0) / records, 4) if records else None
            for name in RECORD_FIELDS
        }
        return {
            "start": self.started,
            "end": utc_now(),
            "spider": getattr(self.crawler.spider, "name", None),
            "finish_reason": reason,
            "pages_fetched": stats.get("response_received_count", 0),
            # What the records were to the dataset (the crawl's store counts them): a release it lacked, one
            # whose record changed, one fetched again that says what its line said.
            "new_records": stats.get(NEW_RECORDS_STAT, 0),
            "updated_records": stats.get(UPDATED_RECORDS_STAT, 0),
            "unchanged_records": stats.get(UNCHANGED_RECORDS_STAT, 0),
            "rejected": stats.get(REJECTED_STAT, 0),
            "failed_pages": stats.get(FAILED_PAGES_STAT, 0),
            "errors": stats.get("log_count/ERROR", 0),
            "retries": stats.get("retry/count", 0),
            "unreadable_pages": stats.get(UNREADABLE_PAGES_STAT, 0),
            "quarantined_lines": stats.get(QUARANTINED_LINES_STAT, 0),
            "write_failed": stats.get(WRITE_FAILED_STAT),
            # Known releases checked again for corrections (the crawl's store): how many, how many changed (a
            # version each, unless too many changed at once), answered 304, and answered 404 or 410.
            "rechecked": stats.get(RECHECKED_STAT, 0),
            "changed": stats.get(CHANGED_STAT, 0),
            "unchanged_304": stats.get(UNCHANGED_304_STAT, 0),
            "withdrawn": stats.get(WITHDRAWN_STAT, 0),
            "versions_withheld": bool(stats.get(CHANGES_WITHHELD_STAT)),
            "coverage": coverage,
            # Which page shapes the readers recognised, and how many pages each: the day the site
            # changes its templates shows here.
            "shapes": {
                "listing": shape_counts(stats, LISTING_SHAPE_STATS),
                "page": shape_counts(stats, PAGE_SHAPE_STATS),
            },
            # Which dataset the run left, for citing it (none for a run with -O alone).
            "dataset_version": self.dataset_version(),
            "checks_passed": not stats.get(CHECKS_FAILED_STAT),
            "checks_failed": stats.get(CHECKS_FAILED_STAT, []),
        }

    def spider_closed(self, spider: Any, reason: str) -> None:
        summary = self.summary(reason)
        try:
            append_json_lines(self.path, [summary])
        except OSError as error:
            logger.error("could not append the run summary to %s (%s)", self.path, error)
        checks = "all checks passed" if summary["checks_passed"] else f"{len(summary['checks_failed'])} check(s) failed"
        rechecks = (f"{summary['rechecked']} re-checked ({summary['changed']} changed, {summary['withdrawn']} "
                    "withdrawn), " if summary["rechecked"] else "")
        self.line = (
            f"run {summary['finish_reason']}: {summary['pages_fetched']} pages fetched, {summary['new_records']} new "
            f"records, {summary['updated_records']} updated, {rechecks}{summary['rejected']} rejected, "
            f"{summary['failed_pages']} failed pages, "
            f"{summary['unreadable_pages']} unreadable pages, "
            f"{summary['errors']} errors; {checks}"
        )
