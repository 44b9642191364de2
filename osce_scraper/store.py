"""The dataset store: the one owner of the dataset file, its crawl state, the errors file and the run lock.

The dataset file is the truth and the state is derived from it. When a run starts, the store
takes the dataset's lock (a second run on the same dataset is refused), refuses a file that is not
a dataset, cuts off an unterminated last line (a crash mid-write), moves any other line that is not
a record to a quarantine file beside the dataset, and rebuilds the state's node ids from what is
left. During the run each record is appended with one ``write`` call and then committed to the
state; a failed write stops the crawl. The spider asks the store what is known, tells it what the
listing showed and which pages failed; the checks ask it for the window of recent release pages.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonlines
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.utils.defer import deferred_from_coro

from osce_scraper import settings as project_settings
from osce_scraper.exporters import DatasetExporter
from osce_scraper.items import RECORD_FIELDS, utc_now

logger = logging.getLogger(__name__)

_SQLITE_HEADER = b"SQLite format 3\x00"


def filled_fields(record: dict[str, Any]) -> list[str]:
    """The record's fields that hold a value (not null, not an empty list or string).

    >>> filled_fields({"title": "OSCE", "place": None, "source": []})
    ['title']
    """
    return [name for name in RECORD_FIELDS if record.get(name) not in (None, "", [])]


class RunRefused(Exception):
    """A run that must not start: the reason, in one line, and the exit status it gives."""

    exit_status = 2


class DatasetLocked(RunRefused):
    """Another run holds the dataset's lock."""

    exit_status = 4


class CannotWrite(RunRefused):
    """The dataset, its state or the errors file cannot be written when the run starts."""

    exit_status = 5


def check_file_path(path: Path, setting: str) -> None:
    """Refuse a path that cannot be one of the project's files (a folder, or no file name)."""
    if path.is_dir() or path.name in {"", ".", ".."}:
        raise RunRefused(f"{setting} must name a file, got the folder {str(path)!r}")


def check_jsonl_path(path: Path, setting: str) -> None:
    """Refuse a non-empty file whose first line is not a JSON object: it is somebody else's file."""
    check_file_path(path, setting)
    if not path.is_file() or path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        first = handle.readline(65536)
    try:
        if isinstance(json.loads(first), dict):
            return
    except ValueError:
        pass
    raise RunRefused(f"{setting} names {path}, which is not a JSON lines file of this project "
                     f"(its first line is {_preview(first)}): give another path")


def _preview(line: bytes) -> str:
    text = line.decode("utf-8", errors="replace").strip()
    return repr(text[:60] + ("…" if len(text) > 60 else ""))


_STRING_FIELD_RE = re.compile(r'"(\w+)":\s*"((?:[^"\\]|\\.)*)"')


def lost_release(line: bytes) -> dict[str, Any] | None:
    r"""What a damaged line still shows of the release it was written for, as a listing item's fields
    (url, node id, title, date, content type), or None without a URL and a node id.

    The release is fetched again with these, as if its listing had led there.

    >>> lost = lost_release(b'{"url": "https://www.osce.org/cio/1234", "node_id": "1234", "title": "A \\"talk\\"", "da')
    >>> lost["node_id"], lost["title"], lost["publishing_date"]
    ('1234', 'A "talk"', None)
    """
    fields: dict[str, str] = {}
    for key, value in _STRING_FIELD_RE.findall(line.decode("utf-8", errors="replace")):
        with contextlib.suppress(ValueError):
            fields.setdefault(key, json.loads(f'"{value}"'))
    if not fields.get("url", "").startswith(("http://", "https://")) or not fields.get("node_id", "").isdigit():
        return None
    return {
        "url": fields["url"],
        "node_id": fields["node_id"],
        "title": fields.get("title", ""),
        "publishing_date": fields.get("date_raw") or fields.get("date"),
        "content_type": fields.get("content_type"),
    }


def _is_record(line: bytes) -> bool:
    try:
        value = json.loads(line)
    except ValueError:
        return False
    return isinstance(value, dict) and isinstance(value.get("node_id"), str) and bool(value["node_id"])


@dataclass(slots=True)
class DatasetScan:
    """What a dataset file holds: its records' node ids and the lines that are not records."""

    node_ids: set[str] = field(default_factory=set)
    damaged: list[tuple[int, bytes]] = field(default_factory=list)
    cut_line: bytes = b""

    @property
    def cut_bytes(self) -> int:
        """The length of an unterminated last line (0 when the file ends with a newline)."""
        return len(self.cut_line)


def scan_dataset(path: Path) -> DatasetScan:
    """The node ids of a dataset's records and its damaged lines; a missing dataset is empty."""
    scan = DatasetScan()
    if not path.exists():
        return scan
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.endswith(b"\n"):
                scan.cut_line = line  # a write cut by a crash: only ever the last line
                break
            if _is_record(line):
                scan.node_ids.add(json.loads(line)["node_id"])
            else:
                scan.damaged.append((number, line))
    return scan


def repair_dataset(path: Path) -> DatasetScan:
    """Cut an unterminated last line; move other lines that are not records to ``quarantine``.

    Every record stays, in order. A non-empty file with no record at all is refused untouched.
    """
    scan = scan_dataset(path)
    if not scan.node_ids and scan.damaged:
        number, line = scan.damaged[0]
        raise RunRefused(f"{path} is not a dataset: none of its {len(scan.damaged)} lines is a record "
                         f"(line {number} is {_preview(line)}); give another OSCE_DATASET_PATH")
    if scan.damaged:
        quarantine = path.with_name(path.name + ".quarantine")
        with jsonlines.open(quarantine, mode="a") as out:
            for number, line in scan.damaged:
                out.write({"line": number, "text": line.decode("utf-8", errors="replace").rstrip("\n"),
                           "moved_at": utc_now()})
        damaged = {number for number, _ in scan.damaged}
        kept = path.with_name(path.name + ".repair")
        with path.open("rb") as source, kept.open("wb") as target:
            for number, line in enumerate(source, start=1):
                if line.endswith(b"\n") and number not in damaged:
                    target.write(line)
            target.flush()
            os.fsync(target.fileno())
        os.replace(kept, path)
        logger.warning("%s: %d line(s) that are not records moved to %s", path, len(scan.damaged), quarantine)
    elif scan.cut_bytes:
        with path.open("r+b") as handle:
            handle.truncate(path.stat().st_size - scan.cut_bytes)
            os.fsync(handle.fileno())
    if scan.cut_bytes:
        logger.warning("%s: an unterminated last line (%d bytes, a write cut short) was cut off", path, scan.cut_bytes)
    return scan


class CrawlState:
    """The SQLite state of scheduled crawls: failed pages, flags and the checks' window.

    What the dataset holds is read from the dataset itself when a run starts; everything here
    can be lost at the cost of crawling again.
    """

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS failed (url TEXT PRIMARY KEY, node_id TEXT, listing TEXT, reason TEXT)"
        )
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS recent_pages (seq INTEGER PRIMARY KEY AUTOINCREMENT, node_id TEXT UNIQUE,"
            " labels TEXT, fields TEXT)"
        )

    @classmethod
    def open_or_rebuild(cls, path: Path) -> CrawlState:
        """The state at ``path``; a damaged one is moved aside (with a warning) and started afresh."""
        check_file_path(path, "OSCE_STATE_PATH")
        if path.is_file() and path.stat().st_size:
            with path.open("rb") as handle:
                head = handle.read(len(_SQLITE_HEADER))
            if head != _SQLITE_HEADER:
                try:
                    path.read_text("utf-8")
                except UnicodeDecodeError:
                    return cls._rebuilt(path, "it is not an SQLite file")
                raise RunRefused(f"OSCE_STATE_PATH names {path}, which holds text, not a crawl state: "
                                 "give another path")
        try:
            state = cls(path)
            state.db.execute("SELECT count(*) FROM failed").fetchone()
            return state
        except sqlite3.DatabaseError as error:
            return cls._rebuilt(path, str(error))

    @classmethod
    def _rebuilt(cls, path: Path, why: str) -> CrawlState:
        aside = path.with_name(path.name + ".damaged")
        logger.warning("the crawl state %s is damaged (%s): moved to %s and rebuilt from the dataset", path, why, aside)
        for suffix in ("-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        os.replace(path, aside)
        return cls(path)

    def mark_failed(self, url: str, node_id: str | None, listing: dict[str, Any] | None, reason: str) -> None:
        """Remember a release page that failed for good, to try it again next run."""
        self.db.execute(
            "INSERT OR REPLACE INTO failed (url, node_id, listing, reason) VALUES (?, ?, ?, ?)",
            (url, node_id, json.dumps(listing) if listing else None, reason),
        )

    def failed_pages(self) -> list[tuple[str, dict[str, Any] | None]]:
        """(url, listing item fields) of every release page that failed in an earlier run."""
        return [(url, json.loads(listing) if listing else None)
                for url, listing in self.db.execute("SELECT url, listing FROM failed")]

    def failed_node_ids(self) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT node_id FROM failed WHERE node_id IS NOT NULL")}

    def clear_failed(self, node_ids: Iterable[str]) -> None:
        """Forget failures of pages that have since become records."""
        with self.db:
            self.db.executemany("DELETE FROM failed WHERE node_id = ?", [(node_id,) for node_id in node_ids])

    def note_pages(self, pages: Iterable[tuple[str, list[str], list[str] | None]]) -> None:
        """Release pages read, in order: (node id, the labels each showed, the filled fields of its record, or
        None when it made none). The checks' window."""
        with self.db:
            self.db.executemany(
                "INSERT OR REPLACE INTO recent_pages (node_id, labels, fields) VALUES (?, ?, ?)",
                [(node_id, json.dumps(labels), json.dumps(fields) if fields is not None else None)
                 for node_id, labels, fields in pages],
            )

    def recent_pages(self, size: int) -> list[tuple[list[str], list[str] | None]]:
        """(labels, filled fields or None) of the last ``size`` release pages read, over every run."""
        rows = self.db.execute("SELECT labels, fields FROM recent_pages ORDER BY seq DESC LIMIT ?", (size,))
        return [(json.loads(labels), json.loads(fields) if fields else None) for labels, fields in rows]

    def trim_recent_pages(self, size: int) -> None:
        self.db.execute("DELETE FROM recent_pages WHERE seq <= (SELECT max(seq) FROM recent_pages) - ?", (size,))

    def get(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def close(self) -> None:
        self.db.close()


class RunLock:
    """An exclusive lock on a dataset for one run; the operating system releases it when the process ends."""

    def __init__(self, dataset: Path) -> None:
        self.path = dataset.with_name(dataset.name + ".lock")
        self.fd: int | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode("ascii", errors="replace").strip()
            os.close(fd)
            raise DatasetLocked(f"another run (pid {holder or 'unknown'}) is crawling into {self.path.with_suffix('')};"
                                " this one stops without fetching or writing anything") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        self.fd = fd

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


class FailureLog:
    """Appends one JSON line per page that failed for good (``OSCE_ERRORS_PATH``)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def record(self, entry: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with jsonlines.open(self.path, mode="a") as out:
            out.write(entry)


class DatasetStore:
    """The dataset, its state, the errors file and the run lock, for one crawl.

    ``mode`` is ``"incremental"`` (append what is new), ``"rewrite"`` (a full or plain run: write a
    ``.partial`` file that replaces the dataset when the crawl finishes) or ``"feed"`` (the command
    line names a feed with ``-O``/``-o``: the store keeps only the errors file).
    """

    def __init__(self, crawler: Crawler, mode: str) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.mode = mode
        self.dataset_path = Path(settings.get("OSCE_DATASET_PATH", "output/press_releases.jsonl"))
        self.state_path = Path(settings.get("OSCE_STATE_PATH", "output/state.sqlite"))
        self.errors_path = Path(settings.get("OSCE_ERRORS_PATH", "output/errors.jsonl"))
        self.window_size = settings.getint("OSCE_CHECK_WINDOW", project_settings.OSCE_CHECK_WINDOW)
        self.resumable = bool(settings.get("JOBDIR"))
        self.failure_log = FailureLog(self.errors_path)
        self.state: CrawlState | None = None
        self.lock: RunLock | None = None
        self.exporter: DatasetExporter | None = None
        self.known: set[str] = set()
        self.failed_this_run: set[str] = set()
        self.written: set[str] = set()
        self.seen_on_walk: set[str] = set()
        self.walk_complete = False
        self.stop_at_known_page = False
        self.write_failed = False
        self.quarantined_lines = 0
        #: This run's release pages for the checks' window: node id -> [labels shown, filled fields].
        #: Written to the state when the run ends: the state is not written for every page.
        self.window: dict[str, list[Any]] = {}
        self.failed_before: set[str] = set()
        self.window_written = False

    @classmethod
    def open(cls, crawler: Crawler, mode: str) -> DatasetStore:
        """Check the paths, take the lock, repair the dataset and open the state; refuse with :class:`RunRefused`."""
        store = cls(crawler, mode)
        try:
            check_jsonl_path(store.errors_path, "OSCE_ERRORS_PATH")
            check_jsonl_path(Path(crawler.settings.get("OSCE_RUNS_PATH", "output/runs.jsonl")), "OSCE_RUNS_PATH")
            if mode != "feed":
                store._open_dataset()
        except (OSError, sqlite3.Error) as error:  # a folder that cannot be made, a file that cannot be written
            raise CannotWrite(f"cannot write the dataset, its state or its lock ({error})") from None
        crawler.signals.connect(store.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(store.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(store.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(store.engine_stopped, signal=signals.engine_stopped)
        return store

    @property
    def stats(self) -> Any:
        """The crawl's stats collector; None before the crawl has started (stats come after the spider)."""
        try:
            return self.crawler.stats
        except RuntimeError:
            return None

    @property
    def target(self) -> Path:
        """The file records are appended to: the dataset, or its ``.partial`` in a rewriting run."""
        if self.mode == "rewrite":
            return self.dataset_path.with_name(self.dataset_path.name + ".partial")
        return self.dataset_path

    def _open_dataset(self) -> None:
        check_file_path(self.dataset_path, "OSCE_DATASET_PATH")
        if self.state_path.resolve() == self.dataset_path.resolve():
            raise RunRefused("OSCE_STATE_PATH and OSCE_DATASET_PATH name the same file: give each its own")
        self.lock = RunLock(self.dataset_path)
        self.lock.acquire()
        try:
            scan = repair_dataset(self.dataset_path)
            self.quarantined_lines = len(scan.damaged)
            self.state = CrawlState.open_or_rebuild(self.state_path)
            for line in [line for _, line in scan.damaged] + ([scan.cut_line] if scan.cut_line else []):
                # A release whose line was damaged is fetched again, like a page that failed.
                if (lost := lost_release(line)) and lost["node_id"] not in scan.node_ids:
                    self.state.mark_failed(lost["url"], lost["node_id"], lost, "its line in the dataset was damaged")
            self.failed_before = self.state.failed_node_ids()
            if self.mode == "incremental":
                self.known = scan.node_ids
                self.stop_at_known_page = self.state.get("listing_complete") == "1"
            elif self.resumable:
                repair_dataset(self.target)  # a paused job goes on with what it had written
            else:
                self.target.unlink(missing_ok=True)
            self.exporter = DatasetExporter(self.target)
        except BaseException:
            self.lock.release()
            raise

    # What the spider asks and tells.

    def is_known(self, node_id: str) -> bool:
        """True for a release already in the dataset (incremental runs only)."""
        return node_id in self.known

    def failed_pages(self) -> list[tuple[str, dict[str, Any] | None]]:
        """Release pages that failed for good in earlier runs, to try first."""
        return self.state.failed_pages() if self.state and self.mode == "incremental" else []

    def saw_release(self, node_id: str) -> None:
        """A release the listing showed on this run's walk."""
        self.seen_on_walk.add(node_id)

    def walked_to_the_end(self) -> None:
        """The walk reached the listing's last page."""
        self.walk_complete = True

    def page_read(self, node_id: str | None, labels: list[str]) -> None:
        """A release page was read, showing ``labels`` (for the checks' window)."""
        if node_id:
            self.window[node_id] = [labels, None]

    def record_failure(self, entry: dict[str, Any], node_id: str | None, listing: dict[str, Any] | None) -> None:
        """A page that failed for good: to the errors file, and remembered for the next incremental run."""
        if node_id:
            self.failed_this_run.add(node_id)
        self._guarded(self.failure_log.record, entry)
        if self.state and entry.get("kind") == "release":
            self._guarded(self.state.mark_failed, entry["url"], node_id, listing,
                          str(entry.get("status") or entry.get("error")))

    def recent_pages(self) -> list[tuple[list[str], list[str] | None]]:
        """The checks' window, (labels shown, filled fields or None) a page: the last ``OSCE_CHECK_WINDOW``
        release pages over every run, or every page of this run when it read more (a backfill is judged
        on all of it, not on its oldest pages) or has no state (``-O``); nothing when it read none."""
        this_run = [(labels, fields) for labels, fields in self.window.values()]
        if not this_run:
            return []
        if self.state is None or len(this_run) >= self.window_size:
            return this_run
        if self.window_written:  # the run has ended: its pages are in the state with the earlier ones
            return self.state.recent_pages(self.window_size)
        return this_run + self.state.recent_pages(self.window_size - len(this_run))

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
        if self.stats:
            self.stats.set_value("osce/write_failed", f"{type(error).__name__}: {error}"[:200])
        if self.state:
            with contextlib.suppress(sqlite3.Error):
                self.state.set("listing_complete", "0")  # what was not written must be found again
        engine = self.crawler.engine
        if engine is not None:
            deferred_from_coro(engine.close_spider_async(reason="write_failed"))

    def spider_opened(self, spider: Any) -> None:
        if self.stats and self.quarantined_lines:
            self.stats.set_value("osce/quarantined_lines", self.quarantined_lines)

    def item_scraped(self, item: Any) -> None:
        filled = filled_fields(item)
        if self.stats:
            for name in filled:
                self.stats.inc_value(f"osce/filled/{name}")
        if item["node_id"] in self.window:
            self.window[item["node_id"]][1] = filled
        if self.exporter is None or self.write_failed:
            return
        try:
            self.exporter.export_item(item)
            self.written.add(item["node_id"])
        except OSError as error:
            self._fail(error)
            return
        if self.stats:
            self.stats.inc_value("osce/new_records")

    def _walk_accounted_for(self) -> bool:
        """Every release the walk showed is in the dataset or in the errors file."""
        missing = self.seen_on_walk - self.known - self.written - self.failed_this_run
        missing -= self.failed_before
        return not missing

    def spider_closed(self, spider: Any, reason: str) -> None:
        try:
            self._close(reason)
        except (OSError, sqlite3.Error) as error:
            logger.error("could not finish the dataset (%s: %s)", type(error).__name__, error)
            if self.stats:
                self.stats.set_value("osce/write_failed", f"{type(error).__name__}: {error}"[:200])

    def engine_stopped(self) -> None:
        """After the checks (which read the window): the state is closed and the lock released."""
        if self.state:
            self.state.close()
        if self.lock:
            self.lock.release()

    def _close(self, reason: str) -> None:
        if self.exporter is not None:
            self.exporter.close()
        if self.state is None:
            return
        self.state.note_pages((node_id, labels, fields) for node_id, (labels, fields) in self.window.items())
        self.window_written = True
        self.state.trim_recent_pages(self.window_size)
        self.state.clear_failed(self.failed_before & self.written)
        finished = reason == "finished" and not self.write_failed
        if self.mode == "rewrite":
            partial = self.target
            if finished:
                repair_dataset(partial)
                os.replace(partial, self.dataset_path)
            elif self.resumable and reason == "shutdown":
                logger.warning("paused: %s is kept; run the same command to resume", partial)
            else:
                partial.unlink(missing_ok=True)
                logger.warning("crawl ended (%s): %s was left as it was", reason, self.dataset_path)
        if finished and self.walk_complete and self._walk_accounted_for():
            self.state.set("listing_complete", "1")

