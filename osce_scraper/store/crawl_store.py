"""The crawl's store: a Scrapy extension that owns, for one crawl, the dataset file, its crawl state,
the run lock, the errors file and the checks' window.

Scrapy builds it (``from_crawler``, enabled in ``EXTENSIONS``) after the spider and the stats, so a
refusal (:class:`RunRefused`) stops the run before anything is fetched. The spider reaches it with
:func:`crawl_store`, which answers for a crawl without a store too: nothing known, nothing to
retry, nothing kept. What the run is depends on the spider's arguments and the command line:

- ``incremental``: known releases are skipped and each new record is appended to the dataset;
- ``plain`` (no ``-O``, no ``incremental``) and ``full``: every release the walk shows is fetched
  into ``<dataset>.partial``; at the end the dataset is rewritten as its records and the fetched
  ones (a fetched record wins per node id). Only a ``full`` run that finished and walked the whole
  newsroom to its last page replaces the dataset: a release the walk no longer showed is gone.
  A run that fetched nothing leaves every byte; a run killed at any moment leaves the old dataset;
- ``feed`` (``-O``/``-o``): Scrapy's feed exporter writes the records; the store keeps the errors
  file and a window of this run's pages alone.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any, Protocol

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import deferred_from_coro

from osce_scraper import settings as project_settings
from osce_scraper.exporters import DatasetExporter
from osce_scraper.items import utc_now
from osce_scraper.stats import (
    CHANGED_STAT,
    CHANGES_WITHHELD_STAT,
    FILLED_STATS,
    QUARANTINED_LINES_STAT,
    RECHECKED_STAT,
    RECORD_CHANGE_STATS,
    UNCHANGED_304_STAT,
    UNCHANGED_RECORDS_STAT,
    UPDATED_RECORDS_STAT,
    VERSIONS_STAT,
    WALK_SHOWED_KNOWN_STAT,
    WALK_UNSHOWN_KNOWN_STAT,
    WITHDRAWN_STAT,
    WRITE_FAILED_STAT,
)
from osce_scraper.store.check_window import CheckWindow, filled_fields
from osce_scraper.store.crawl_state import CrawlState
from osce_scraper.store.dataset_file import lost_release, merge_into_dataset, record_digest, repair_dataset
from osce_scraper.store.failure_log import FailureLog
from osce_scraper.store.paths import check_file_path, check_jsonl_path
from osce_scraper.store.recheck import choose_due, known_releases, listings_of, parse_time
from osce_scraper.store.refusals import CannotWrite, RunRefused
from osce_scraper.store.run_lock import RunLock
from osce_scraper.store.versions import Revision, VersionsFile, revise

logger = logging.getLogger(__name__)


class SpiderStore(Protocol):
    """What the spider asks and tells the crawl's store; the window is what the checks read."""

    stop_at_known_page: bool
    window: CheckWindow

    def is_known(self, node_id: str) -> bool: ...
    def failed_pages(self) -> list[tuple[str, dict[str, Any] | None]]: ...
    def saw_release(self, node_id: str) -> None: ...
    def walked_to_the_end(self) -> None: ...
    def page_read(self, node_id: str | None, labels: list[str]) -> None: ...
    def record_failure(self, entry: dict[str, Any], node_id: str | None, listing: dict[str, Any] | None) -> None: ...
    def due_revisits(self, limit: int | None, due_only: bool = True) -> list[dict[str, Any]]: ...
    def release_answered(self, node_id: str, status: int, etag: str | None, last_modified: str | None) -> None: ...
    def sitemap_files_read(self) -> dict[str, tuple[str | None, str | None]] | None: ...
    def sitemap_file_read(self, loc: str, lastmod: str | None, releases: dict[str, dt.datetime]) -> None: ...


class StorelessCrawl:
    """The answers for a crawl without a store (a spider used alone, the extension disabled)."""

    stop_at_known_page = False

    def __init__(self) -> None:
        self.window = CheckWindow(project_settings.OSCE_CHECK_WINDOW)

    def is_known(self, node_id: str) -> bool:
        return False

    def failed_pages(self) -> list[tuple[str, dict[str, Any] | None]]:
        return []

    def saw_release(self, node_id: str) -> None:
        pass

    def walked_to_the_end(self) -> None:
        pass

    def page_read(self, node_id: str | None, labels: list[str]) -> None:
        pass

    def record_failure(self, entry: dict[str, Any], node_id: str | None, listing: dict[str, Any] | None) -> None:
        pass

    def due_revisits(self, limit: int | None, due_only: bool = True) -> list[dict[str, Any]]:
        return []

    def release_answered(self, node_id: str, status: int, etag: str | None, last_modified: str | None) -> None:
        pass

    def sitemap_files_read(self) -> dict[str, tuple[str | None, str | None]] | None:
        return None

    def sitemap_file_read(self, loc: str, lastmod: str | None, releases: dict[str, dt.datetime]) -> None:
        pass


def crawl_store(crawler: Crawler | None) -> SpiderStore:
    """The crawl's :class:`CrawlStore` among its extensions, or a :class:`StorelessCrawl` when it has none.

    >>> crawl_store(None).is_known("376582"), crawl_store(None).failed_pages()
    (False, [])
    """
    for extension in getattr(getattr(crawler, "extensions", None), "middlewares", ()):
        if isinstance(extension, CrawlStore):
            return extension
    return StorelessCrawl()


def run_mode(spider: Any, feeds: bool) -> str:
    """``incremental``, ``full``, ``feed`` (a feed on the command line) or ``plain``, from the spider's arguments.

    >>> class Args: incremental, full = False, False
    >>> run_mode(Args(), feeds=True), run_mode(Args(), feeds=False)
    ('feed', 'plain')
    """
    if spider.incremental:
        return "incremental"
    if spider.full:
        return "full"
    return "feed" if feeds else "plain"


class CrawlStore:
    """The dataset, its state, the errors file, the run lock and the checks' window, for one crawl.

    **At the end of the run**, one signal (``spider_closed``) drives everything, in this order:

    1. :meth:`close` (this extension; ``EXTENSIONS`` builds it first, so Scrapy calls it first):
       the filled-field counts go into the stats; the records are flushed (synced and closed); the checks'
       window and the failures are written to the state; the dataset is merged with what was fetched, or
       replaced, or left (a paused job); the "walked to the end" mark is saved, only when everything the
       walk showed is kept; the state is closed and the lock released;
    2. Spidermon runs the checks (``monitors.py``): they read :attr:`window`, in memory all run long;
    3. ``RunSummary`` writes the run summary, with the checks' results.
    """

    def __init__(self, crawler: Crawler, mode: str) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.stats = crawler.stats
        self.mode = mode
        self.dataset_path = Path(settings.get("OSCE_DATASET_PATH", project_settings.OSCE_DATASET_PATH))
        self.state_path = Path(settings.get("OSCE_STATE_PATH", project_settings.OSCE_STATE_PATH))
        self.errors_path = Path(settings.get("OSCE_ERRORS_PATH", project_settings.OSCE_ERRORS_PATH))
        self.runs_path = Path(settings.get("OSCE_RUNS_PATH", project_settings.OSCE_RUNS_PATH))
        self.window_size = settings.getint("OSCE_CHECK_WINDOW", project_settings.OSCE_CHECK_WINDOW)
        self.resumable = bool(settings.get("JOBDIR"))
        self.failure_log = FailureLog(self.errors_path)
        self.window = CheckWindow(self.window_size)
        self.state: CrawlState | None = None
        self.lock: RunLock | None = None
        self.exporter: DatasetExporter | None = None
        #: Incremental runs: the dataset's node ids, never fetched again.
        self.known: set[str] = set()
        #: Plain and full runs: what each of the dataset's records says, to tell a new record from an updated one.
        self.digests: dict[str, bytes] = {}
        self.failed_before: set[str] = set()
        self.failed_this_run: set[str] = set()
        self.written: set[str] = set()
        self.seen_on_walk: set[str] = set()
        self.walk_complete = False
        self.stop_at_known_page = False
        self.write_failed = False
        self.quarantined_lines = 0
        #: How many records had each field filled; put in the stats (``osce/filled/<field>``) when the run ends:
        #: a Counter takes a record's fields at once, where Scrapy's stats take one call each.
        self.filled_counts: Counter[str] = Counter()
        # Re-checks of known releases (store/recheck.py) and the versions they mint (store/versions.py).
        versions = settings.get("OSCE_VERSIONS_PATH") or project_settings.OSCE_VERSIONS_PATH
        self.versions_path = Path(versions) if versions else self.dataset_path.with_name("versions.jsonl")
        self.max_changed_share = settings.getfloat("OSCE_MAX_CHANGED_SHARE", project_settings.OSCE_MAX_CHANGED_SHARE)
        self.min_rechecked = settings.getint("OSCE_MIN_RECHECKED", project_settings.OSCE_MIN_RECHECKED)
        self.max_dropped_share = settings.getfloat("OSCE_MAX_DROPPED_SHARE", project_settings.OSCE_MAX_DROPPED_SHARE)
        self.rechecks: DatasetExporter | None = None
        #: Known releases requested again this run, and what they answered: 304, 404/410 (when), validators.
        self.revisiting: set[str] = set()
        self.not_modified: set[str] = set()
        self.withdrawn: dict[str, str] = {}
        self.validators: dict[str, tuple[str | None, str | None]] = {}
        self.revision = Revision()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlStore:
        """Check the paths, take the lock, repair the dataset and open the state; refuse with :class:`RunRefused`."""
        spider = crawler.spider
        if spider is None or not hasattr(spider, "incremental"):
            raise NotConfigured("the crawl's spider keeps no dataset")  # scrapy shell, another project's spider
        store = cls(crawler, run_mode(spider, feeds=bool(crawler.settings.getdict("FEEDS"))))
        store.open()
        crawler.signals.connect(store.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(store.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(store.spider_closed, signal=signals.spider_closed)
        return store

    @property
    def target(self) -> Path:
        """The file records are appended to: the dataset, or its ``.partial`` in a plain or full run."""
        if self.mode in ("plain", "full"):
            return self.dataset_path.with_name(self.dataset_path.name + ".partial")
        return self.dataset_path

    def open(self) -> None:
        try:
            check_jsonl_path(self.errors_path, "OSCE_ERRORS_PATH")
            check_jsonl_path(self.runs_path, "OSCE_RUNS_PATH")
            if self.mode != "feed":
                self._open_dataset()
        except (OSError, sqlite3.Error) as error:  # a folder that cannot be made, a file that cannot be written
            raise CannotWrite(f"cannot write the dataset, its state or its lock ({error})") from None

    def _open_dataset(self) -> None:
        check_file_path(self.dataset_path, "OSCE_DATASET_PATH")
        if self.state_path.resolve() == self.dataset_path.resolve():
            raise RunRefused("OSCE_STATE_PATH and OSCE_DATASET_PATH name the same file: give each its own")
        self.lock = RunLock(self.dataset_path)
        self.lock.acquire()
        try:
            scan = repair_dataset(self.dataset_path, digests=self.mode != "incremental")
            self.quarantined_lines = len(scan.damaged)
            self.state = CrawlState.open_or_rebuild(self.state_path)
            for line in [line for _, line in scan.damaged] + ([scan.cut_line] if scan.cut_line else []):
                # A release whose line was damaged is fetched again, like a page that failed.
                if (lost := lost_release(line)) and lost["node_id"] not in scan.node_ids:
                    self.state.mark_failed(lost["url"], lost["node_id"], lost, "its line in the dataset was damaged")
            self.failed_before = self.state.failed_node_ids()
            self.window = CheckWindow(self.window_size, earlier=self.state.recent_pages(self.window_size))
            for leftover in (self.recheck_path, self.revised_path):  # a killed run's re-checks are checked again
                leftover.unlink(missing_ok=True)
            if self.mode == "incremental":
                self.known = scan.node_ids
                self.stop_at_known_page = self.state.get("listing_complete") == "1"
            else:
                self.digests = scan.digests
                self.dataset_path.with_name(self.dataset_path.name + ".merge").unlink(missing_ok=True)
                if self.resumable:
                    repair_dataset(self.target)  # a paused job goes on with what it had written
                else:
                    self.target.unlink(missing_ok=True)
            self.exporter = DatasetExporter(self.target)
        except BaseException:
            self.lock.release()
            raise

    @property
    def recheck_path(self) -> Path:
        """Where an incremental run keeps the records of known releases it fetched again, until its end."""
        return self.dataset_path.with_name(self.dataset_path.name + ".recheck")

    @property
    def revised_path(self) -> Path:
        return self.dataset_path.with_name(self.dataset_path.name + ".revised")

    def _known_ids(self) -> set[str]:
        return self.known if self.mode == "incremental" else set(self.digests)

    # What the spider asks and tells.

    def due_revisits(self, limit: int | None, due_only: bool = True) -> list[dict[str, Any]]:
        """Known releases to check again, most overdue first (every one when ``limit`` is None; else at most
        ``limit``, only those due when ``due_only``): each a ``node_id``, ``url``, the ``listing`` item fields its
        record took, and the ``headers`` of a conditional request. Plain and incremental runs; never in a full one
        (it fetches every release again)."""
        if self.state is None or self.mode not in ("incremental", "plain") or limit == 0:
            return []
        known = known_releases(self.dataset_path)
        for node_id, row in self.state.schedule().items():
            if (entry := known.get(node_id)) is None:
                continue
            if (checked := parse_time(row["last_checked"])) and checked > entry.last_checked:
                entry.last_checked = checked
            if (changed := parse_time(row["last_changed"])) and changed > entry.last_changed:
                entry.last_changed = changed
            entry.etag, entry.last_modified = row["etag"], row["last_modified"]
        # A budget's re-checks take first the releases the sitemap says were modified since their last check.
        modified = {node_id: when for node_id, text in self.state.sitemap_lastmods().items()
                    if (when := parse_time(text))} if due_only and limit is not None else None
        due = choose_due(list(known.values()), dt.datetime.now(dt.UTC), limit, due_only, modified)
        listings = listings_of(self.dataset_path, {entry.node_id for entry in due})
        revisits = []
        for entry in due:
            headers = {}
            if entry.etag:
                headers["If-None-Match"] = entry.etag
            if entry.last_modified:
                headers["If-Modified-Since"] = entry.last_modified
            revisits.append({"node_id": entry.node_id, "url": entry.url, "listing": listings.get(entry.node_id),
                             "headers": headers})
            self.revisiting.add(entry.node_id)
        logger.info("%d known release(s) to check again, of %d", len(revisits), len(known))
        return revisits

    def release_answered(self, node_id: str, status: int, etag: str | None, last_modified: str | None) -> None:
        """A release page answered: a 304 (not modified) or a 404/410 (withdrawn) of a re-check, or a page with
        its validators (``ETag``, ``Last-Modified``) for the next re-check's conditional request."""
        if status == 304 and node_id in self.revisiting:
            self.not_modified.add(node_id)
        elif status in (404, 410) and node_id in self.revisiting:
            self.withdrawn[node_id] = utc_now()
        elif 200 <= status < 300:
            self.validators[node_id] = (etag, last_modified)

    def sitemap_files_read(self) -> dict[str, tuple[str | None, str | None]] | None:
        """The sitemap files read by earlier runs (URL -> its ``lastmod`` in the index, when read); None where the
        sitemap is not read: no state, or not an incremental run."""
        if self.state is None or self.mode != "incremental":
            return None
        return self.state.sitemap_files()

    def sitemap_file_read(self, loc: str, lastmod: str | None, releases: dict[str, dt.datetime]) -> None:
        """A sitemap file was read: kept in the state at once, with the ``lastmod`` of the known releases it lists
        (a release the dataset lacks comes from the listing)."""
        if self.state is None:
            return
        known = {node_id: when.isoformat() for node_id, when in releases.items() if node_id in self._known_ids()}
        self._guarded(self.state.note_sitemap_file, loc, lastmod, utc_now(), known)

    def is_known(self, node_id: str) -> bool:
        """True for a release already in the dataset (incremental runs only: the others fetch it again)."""
        return node_id in self.known

    def failed_pages(self) -> list[tuple[str, dict[str, Any] | None]]:
        """Release pages that failed for good in earlier runs, to try first (incremental runs)."""
        return self.state.failed_pages() if self.state and self.mode == "incremental" else []

    def saw_release(self, node_id: str) -> None:
        """A release the listing showed on this run's walk."""
        self.seen_on_walk.add(node_id)

    def walked_to_the_end(self) -> None:
        """The walk went from the newsroom's first listing page to its last."""
        self.walk_complete = True

    def page_read(self, node_id: str | None, labels: list[str]) -> None:
        """A release page was read, showing ``labels`` (for the checks' window)."""
        self.window.page_read(node_id, labels)

    def record_failure(self, entry: dict[str, Any], node_id: str | None, listing: dict[str, Any] | None) -> None:
        """A page that failed for good: to the errors file, and remembered for the next incremental run
        (a release page that failed or could not be read; a listing page is found again by the walk)."""
        if node_id:
            self.failed_this_run.add(node_id)
        self._guarded(self.failure_log.record, entry)
        if self.state and entry.get("kind") != "listing":
            self._guarded(self.state.mark_failed, entry["url"], node_id, listing,
                          str(entry.get("status") or entry.get("error")))

    # Writing.

    def _guarded(self, write: Any, *args: Any) -> None:
        if self.write_failed:
            return
        try:
            write(*args)
        except (OSError, sqlite3.Error) as error:
            self._fail(error)

    def _fail(self, error: BaseException) -> None:
        self.write_failed = True
        logger.error("could not write the dataset, its state or the errors file (%s): stopping the crawl",
                     f"{type(error).__name__}: {error}"[:200])
        self.stats.set_value(WRITE_FAILED_STAT, f"{type(error).__name__}: {error}"[:200])
        self._walk_must_be_found_again()
        engine = self.crawler.engine
        if engine is not None:
            deferred_from_coro(engine.close_spider_async(reason="write_failed"))

    def _walk_must_be_found_again(self) -> None:
        """What was not written must be found again: the next incremental run does not stop early."""
        if self.state:
            with contextlib.suppress(sqlite3.Error):
                self.state.set("listing_complete", "0")

    def spider_opened(self, spider: Any) -> None:
        if self.quarantined_lines:
            self.stats.set_value(QUARANTINED_LINES_STAT, self.quarantined_lines)

    def _change(self, record: dict[str, Any]) -> str:
        """``new``, ``updated`` or ``unchanged``: what the record is to the dataset."""
        if self.mode not in ("plain", "full") or (old := self.digests.get(record["node_id"])) is None:
            return "new"
        return "unchanged" if old == record_digest(record) else "updated"

    def item_scraped(self, item: Any) -> None:
        filled = filled_fields(item)
        self.filled_counts.update(filled)
        self.window.record_made(item["node_id"], filled)
        if self.write_failed:
            return
        recheck = self.mode == "incremental" and item["node_id"] in self.known
        if self.exporter is not None:
            try:
                if recheck:  # merged into the dataset, with its versions, when the run ends
                    self.rechecks = self.rechecks or DatasetExporter(self.recheck_path)
                    self.rechecks.export_item(item)
                else:
                    self.exporter.export_item(item)
                self.written.add(item["node_id"])
            except OSError as error:
                self._fail(error)
                return
        if not recheck:  # a re-check is counted when the run ends, against its line
            self.stats.inc_value(RECORD_CHANGE_STATS[self._change(item)])

    def _walk_accounted_for(self) -> bool:
        """Every release the walk showed is in the dataset or in the errors file."""
        return not self.seen_on_walk - self.known - self.written - self.failed_this_run - self.failed_before

    def spider_closed(self, spider: Any, reason: str) -> None:
        try:
            self.close(reason)
        except (OSError, sqlite3.Error) as error:
            logger.error("could not finish the dataset (%s: %s)", type(error).__name__, error)
            self.write_failed = True
            self.stats.set_value(WRITE_FAILED_STAT, f"{type(error).__name__}: {error}"[:200])
            self._walk_must_be_found_again()
        finally:
            if self.state:
                self.state.close()
            if self.lock:
                self.lock.release()

    def close(self, reason: str) -> None:
        """Records flushed, window and failures written, dataset merged or replaced, walk mark saved (see the
        class docstring; the state is closed and the lock released by :meth:`spider_closed`, however this ends)."""
        for name, count in self.filled_counts.items():
            self.stats.inc_value(f"{FILLED_STATS}/{name}", count)
        if self.exporter is not None:
            self.exporter.close()
        if self.rechecks is not None:
            self.rechecks.close()
        if self.state is None:
            return
        self.state.note_pages(self.window.this_run_pages())
        self.state.trim_recent_pages(self.window_size)
        if self.walk_complete:
            self._check_the_walk_showed_the_dataset()
        if self.mode in ("plain", "full") and not self._settle_dataset(reason):
            return
        if self.mode == "incremental" and not self.write_failed:
            counts = self._revise_and_merge(self.recheck_path, lambda node_id: True)
            self.recheck_path.unlink(missing_ok=True)
            fetched_again = self.revision.rechecked - len(self.not_modified) - len(self.withdrawn)
            self.stats.inc_value(UPDATED_RECORDS_STAT, counts.updated)
            self.stats.inc_value(UNCHANGED_RECORDS_STAT, max(0, fetched_again - counts.updated))
        self._note_checks()
        self.state.clear_failed(self.failed_before & self.written)
        if reason == "finished" and not self.write_failed and self.walk_complete and self._walk_accounted_for():
            self.state.set("listing_complete", "1")

    def _settle_dataset(self, reason: str) -> bool:
        """Merge the ``.partial`` into the dataset, or let it replace the dataset; False when it stays unmerged."""
        partial = self.target
        if self.resumable and reason == "shutdown":
            logger.warning("paused: %s is kept; run the same command to resume", partial)
            return False
        replace = self.mode == "full" and reason == "finished" and not self.write_failed and self.walk_complete
        # A full run that walked the whole newsroom drops the releases it no longer showed; a release it
        # showed but could not fetch keeps its old record. Any other run only adds and updates.
        counts = self._revise_and_merge(partial, keep=self.seen_on_walk.__contains__ if replace
                                        else lambda node_id: True)
        partial.unlink(missing_ok=True)
        how = "replaced by this full run's" if replace else "merged with this run's"
        logger.info("%s %s records: %d new, %d updated, %d dropped (crawl %s)", self.dataset_path, how,
                    counts.new, counts.updated, counts.dropped, reason)
        return True

    def _check_the_walk_showed_the_dataset(self) -> None:
        """A walk from the newsroom's first page to its last shows the dataset's releases on its way: when more of
        them than a full run may drop went unshown, the walk missed the listing (a pager the reader lost). It then
        does not count as complete: a full run drops nothing, and the checks fail."""
        known = self._known_ids()
        unshown = len(known - self.seen_on_walk)
        if unshown <= self.max_dropped_share * len(known):
            return
        self.walk_complete = False
        self.stats.set_value(WALK_UNSHOWN_KNOWN_STAT, unshown)
        self.stats.set_value(WALK_SHOWED_KNOWN_STAT, len(known) - unshown)
        logger.warning("the walk showed %d of the dataset's %d releases: the %d others are kept", len(known) - unshown,
                       len(known), unshown)

    def _revise_and_merge(self, fetched: Path, keep: Any) -> Any:
        """Decide the versions of what was fetched (:func:`~osce_scraper.store.versions.revise`), keep the earlier
        versions, then merge: the versions file is written before the dataset is renamed, and a repeat after a kill
        is skipped by its key, so nothing is written twice."""
        try:
            revision = revise(self.dataset_path, fetched, self.revised_path, withdrawn=self.withdrawn,
                              not_modified=self.not_modified & self._known_ids(),
                              max_share=self.max_changed_share, min_rechecked=self.min_rechecked)
            minted = VersionsFile(self.versions_path).add(revision.entries)
            counts = merge_into_dataset(self.dataset_path, self.revised_path, keep=keep)
        finally:
            self.revised_path.unlink(missing_ok=True)
        self.revision = revision
        for stat, value in ((RECHECKED_STAT, revision.rechecked), (CHANGED_STAT, len(revision.changed)),
                            (WITHDRAWN_STAT, 0 if revision.withheld else len(revision.withdrawn)),
                            (UNCHANGED_304_STAT, len(self.not_modified & self._known_ids())),
                            (VERSIONS_STAT, len(revision.entries))):
            self.stats.set_value(stat, value)
        if revision.withheld:
            self.stats.set_value(CHANGES_WITHHELD_STAT, len(revision.changed) + len(revision.withdrawn))
            # A warning: the check of corrections fails the run with its own line (an error would count twice).
            logger.warning("%d of %d re-checked releases changed or were withdrawn: no version minted",
                         len(revision.changed) + len(revision.withdrawn), revision.rechecked)
        elif revision.entries or revision.withdrawn:
            logger.info("%d release(s) changed (%d version(s) kept in %s, %d new), %d withdrawn", len(revision.changed),
                        len(revision.entries), self.versions_path, minted, len(revision.withdrawn))
        return counts

    def _note_checks(self) -> None:
        """The re-check schedule of the releases checked this run; a change withheld leaves its row as it was, so
        its old validators do not answer 304 for a page the dataset has not taken."""
        now = utc_now()
        revision = self.revision
        held = set(revision.changed) | set(revision.withdrawn) if revision.withheld else set()
        rows: list[dict[str, Any]] = []
        for node_id in (self.written | self.not_modified | set(self.withdrawn)) - held:
            row: dict[str, Any] = {"node_id": node_id, "last_checked": now}
            if node_id in self.withdrawn:
                if node_id in self._known_ids():
                    row.update(last_changed=now, withdrawn_at=self.withdrawn[node_id])
                    rows.append(row)
                continue
            if node_id in self.written:
                etag, last_modified = self.validators.get(node_id, (None, None))
                row.update(etag=etag, last_modified=last_modified, withdrawn_at=None)
            if node_id in revision.versions:
                row.update(last_changed=now, version=revision.versions[node_id])
            rows.append(row)
        self.state.note_checks(rows)  # type: ignore[union-attr]
