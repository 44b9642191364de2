"""Every response the crawl fetches, kept as WARC (``OSCE_WARC_DIR``), and the way back to it from a record.

A Scrapy extension, :class:`WarcArchive`, listens to ``response_downloaded``: the response as it came
off the wire, before the downloader middlewares decompress, retry or redirect it. Each fetch becomes a
``request`` and a ``response`` record (or a ``revisit`` when the page is unchanged since its last
capture), each one gzip member, flushed at once. The capture's coordinates go into the request's meta
(``osce_capture``) and from there into the record (``warc_file``, ``warc_record_id``, ``payload_digest``).

Files are ``<prefix>-<timestamp>-<serial>.warc.gz.open`` while written and renamed to ``.warc.gz``
when closed (at ``OSCE_WARC_MAX_BYTES`` or the end of the run). A file left ``.open`` by a killed run
is cut after its last complete record and renamed when the next run opens the archive.

The latest payload digest of every URL is kept in ``index.sqlite`` beside the files: a lookup per
fetch instead of re-reading years of archive at every start. Updates are committed in batches
(:data:`INDEX_BATCH` captures, or :data:`INDEX_BATCH_SECONDS`), each batch one SQLite transaction, so a
kill never leaves it half-written: it loses at most the last batch, whose URLs the next run archives
whole instead of as revisits. The files stay the truth: a missing or damaged index is rebuilt from them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import io
import logging
import os
import sqlite3
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit, urlunsplit

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Request, Response
from scrapy.utils.response import response_status_message
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from osce_scraper import __version__
from osce_scraper import settings as defaults
from osce_scraper.stats import WARC_RECORD_STATS, WARC_WRITE_FAILED_STAT

logger = logging.getLogger(__name__)

OPEN_SUFFIX = ".open"
WARC_SUFFIX = ".warc.gz"
INDEX_NAME = "index.sqlite"
#: The index commits after this many captures, or this many seconds after a batch began, and when it is closed.
#: A commit waits for the disk (about 7 ms here): one per capture stalled the whole crawl.
INDEX_BATCH = 200
INDEX_BATCH_SECONDS = 2.0
#: Settings that say how the crawl behaved; each file's warcinfo record names them.
CRAWL_SETTINGS = (
    "USER_AGENT", "ROBOTSTXT_OBEY", "DOWNLOAD_DELAY", "RANDOMIZE_DOWNLOAD_DELAY", "AUTOTHROTTLE_ENABLED",
    "AUTOTHROTTLE_START_DELAY", "AUTOTHROTTLE_MAX_DELAY", "AUTOTHROTTLE_TARGET_CONCURRENCY", "CONCURRENT_REQUESTS",
    "CONCURRENT_REQUESTS_PER_DOMAIN", "OSCE_OBEY_CRAWL_DELAY", "RETRY_TIMES", "DOWNLOAD_TIMEOUT",
)
# Twisted has already undone the chunking: the body is stored whole, so the header is kept under
# another name (as other crawlers do) and readers do not try to de-chunk it again.
_RENAMED_HEADERS = {"transfer-encoding": "X-Crawler-Transfer-Encoding"}


class DamagedWarc(ValueError):
    """A WARC file that cannot be read, or not past some point; ``good_bytes`` is where its complete records end."""

    def __init__(self, message: str, good_bytes: int = 0) -> None:
        super().__init__(message)
        self.good_bytes = good_bytes


@dataclass(slots=True)
class WarcEntry:
    """One complete record of a WARC file: its headers, its payload (content-decoded) and where it lies."""

    record: ArcWarcRecord
    payload: bytes
    offset: int
    length: int

    def header(self, name: str) -> str | None:
        return self.record.rec_headers.get_header(name)


def _member_complete(handle: BinaryIO, offset: int, length: int) -> bool:
    """True when the gzip member at ``offset`` ends within ``length`` bytes, its checksum right."""
    handle.seek(offset)
    data = handle.read(length)
    decompressor = zlib.decompressobj(wbits=31)
    try:
        decompressor.decompress(data)
    except zlib.error:
        return False
    return decompressor.eof


def iter_warc(path: Path, *, payloads: bool | Callable[[ArcWarcRecord], bool] = True) -> Iterator[WarcEntry]:
    """The complete records of a WARC file, in order; raises :class:`DamagedWarc` after the last one it
    could read when the file is not a WARC or is cut short (its last gzip member incomplete).

    With ``payloads`` (or for the records it accepts, when a function) the payload is read and decoded
    (Content-Encoding undone), as the crawl's callbacks saw it.
    """
    wanted = payloads if callable(payloads) else (lambda record: payloads)
    size = path.stat().st_size
    with path.open("rb") as handle:
        gzipped = handle.read(2) == b"\x1f\x8b"
        handle.seek(0)
        iterator = ArchiveIterator(handle)
        pending: WarcEntry | None = None
        try:
            for record in iterator:
                if record.format != "warc":
                    raise DamagedWarc("not a WARC file", pending.offset + pending.length if pending else 0)
                payload = record.content_stream().read() if record.http_headers and wanted(record) else b""
                iterator.read_to_end()
                entry = WarcEntry(record, payload, iterator.get_record_offset(), iterator.get_record_length())
                if pending is not None:
                    yield pending
                pending = entry
        except (ArchiveLoadFailed, zlib.error, EOFError, ValueError) as error:
            if isinstance(error, DamagedWarc):
                raise
            if pending is None:
                raise DamagedWarc("not a WARC file") from None
            raise DamagedWarc(f"unreadable after byte {pending.offset}: {str(error).strip().splitlines()[0][:120]}",
                              pending.offset) from None
        if pending is None:
            if size:
                raise DamagedWarc("not a WARC file")
            return
        end = pending.offset + pending.length
        position = handle.tell()
        complete = end == size and (not gzipped or _member_complete(handle, pending.offset, pending.length))
        handle.seek(position)
        if not complete:
            raise DamagedWarc(f"cut short: its last record (at byte {pending.offset}) is incomplete", pending.offset)
        yield pending


def read_record_at(path: Path, offset: int) -> WarcEntry:
    """The record at ``offset`` of a WARC file (an offset :func:`iter_warc` gave), its payload decoded."""
    with path.open("rb") as handle:
        handle.seek(offset)
        iterator = ArchiveIterator(handle)
        record = next(iterator)
        payload = record.content_stream().read() if record.http_headers else b""
        iterator.read_to_end()
        return WarcEntry(record, payload, offset, iterator.get_record_length())


def warc_files(directory: Path) -> list[Path]:
    """The closed WARC files of a folder, oldest first (their names begin with their time)."""
    return sorted(p for p in directory.iterdir() if p.name.endswith((WARC_SUFFIX, ".warc")) and p.is_file())


def repair_open_file(path: Path) -> Path | None:
    """Cut a ``.warc.gz.open`` file left by a killed run after its last complete record and rename it to
    ``.warc.gz``; None when another run still writes it (it holds the file's lock) or nothing was left.
    """
    with path.open("r+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return None
        try:
            list(iter_warc(path, payloads=False))
            good = os.fstat(handle.fileno()).st_size
        except DamagedWarc as damage:
            good = damage.good_bytes
        handle.truncate(good)
        if not good:
            path.unlink()
            return None
        target = path.with_name(path.name.removesuffix(OPEN_SUFFIX))
        path.rename(target)
    return target


class CaptureIndex:
    """The latest capture (payload digest, date, record id, file) of each URL, in SQLite.

    >>> import tempfile, pathlib
    >>> index = CaptureIndex(pathlib.Path(tempfile.mkdtemp()) / "index.sqlite")
    >>> index.remember("https://www.osce.org/cio/1", "sha1:AB", "2024-01-01T00:00:00Z", "<urn:uuid:1>", "a.warc.gz")
    >>> index.latest("https://www.osce.org/cio/1")["digest"]
    'sha1:AB'
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        fresh = not path.exists()
        self.db = sqlite3.connect(path, timeout=30, isolation_level=None)  # autocommit: each write atomic
        self.db.row_factory = sqlite3.Row
        self.db.execute("CREATE TABLE IF NOT EXISTS captures (url TEXT PRIMARY KEY, digest TEXT NOT NULL, "
                        "date TEXT NOT NULL, record_id TEXT NOT NULL, warc_file TEXT NOT NULL)")
        self.fresh = fresh
        self.pending = 0
        self.batch_began = 0.0

    @classmethod
    def open_or_rebuild(cls, directory: Path) -> CaptureIndex:
        """The folder's index; rebuilt from its WARC files when it is missing or damaged."""
        path = directory / INDEX_NAME
        try:
            index = cls(path)
            index.db.execute("SELECT count(*) FROM captures").fetchone()
        except sqlite3.DatabaseError as error:
            logger.warning("the WARC index %s is damaged (%s): moved aside and rebuilt from the files", path, error)
            with contextlib.suppress(OSError):
                path.replace(path.with_name(path.name + ".damaged"))
            index = cls(path)
            index.fresh = True
        if index.fresh:
            index.rebuild(warc_files(directory))
        return index

    def rebuild(self, files: list[Path]) -> None:
        for path in files:
            try:
                for entry in iter_warc(path, payloads=False):
                    if entry.record.rec_type == "response" and entry.header("WARC-Payload-Digest"):
                        self.remember(entry.header("WARC-Target-URI") or "", entry.header("WARC-Payload-Digest") or "",
                                      entry.header("WARC-Date") or "", entry.header("WARC-Record-ID") or "", path.name)
            except DamagedWarc as damage:
                logger.warning("WARC file %s: %s", path, damage)
        self.commit()

    def latest(self, url: str) -> sqlite3.Row | None:
        return self.db.execute("SELECT * FROM captures WHERE url = ?", (url,)).fetchone()

    def remember(self, url: str, digest: str, date: str, record_id: str, warc_file: str) -> None:
        """Note the URL's latest capture; committed with its batch (:meth:`commit`), seen by :meth:`latest` at once."""
        if not self.db.in_transaction:
            self.db.execute("BEGIN")
            self.batch_began = time.monotonic()
        self.db.execute("INSERT INTO captures VALUES (?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET "
                        "digest = excluded.digest, date = excluded.date, record_id = excluded.record_id, "
                        "warc_file = excluded.warc_file", (url, digest, date, record_id, warc_file))
        self.pending += 1
        if self.pending >= INDEX_BATCH or time.monotonic() - self.batch_began >= INDEX_BATCH_SECONDS:
            self.commit()

    def commit(self) -> None:
        """Write the batch of captures noted since the last commit, in one transaction."""
        if self.db.in_transaction:
            self.db.execute("COMMIT")
        self.pending = 0

    def close(self) -> None:
        try:
            self.commit()
        finally:
            self.db.close()


def target_uri(url: str) -> str:
    """The URL as a WARC target: query kept, fragment (never sent) dropped.

    >>> target_uri("https://www.osce.org/press-releases?page=2#top")
    'https://www.osce.org/press-releases?page=2'
    """
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, ""))


def _header_list(headers: Any) -> list[tuple[str, str]]:
    """Every value of every header (Scrapy keeps repeated headers as lists), as text."""
    pairs = []
    for name in headers:
        text = name.decode("latin-1")
        text = _RENAMED_HEADERS.get(text.lower(), text)
        pairs += [(text, value.decode("latin-1")) for value in headers.getlist(name)]
    return pairs


def request_headers(request: Request) -> StatusAndHeaders:
    """The request as sent: request line with path and query, Host, every header Scrapy set."""
    parts = urlsplit(request.url)
    path = urlunsplit(("", "", parts.path or "/", parts.query, ""))
    headers = _header_list(request.headers)
    if not any(name.lower() == "host" for name, _ in headers):
        headers.insert(0, ("Host", parts.netloc))
    return StatusAndHeaders(f"{request.method} {path} HTTP/1.1", headers, is_http_request=True)


def response_headers(response: Response) -> StatusAndHeaders:
    """The status line (``HTTP/1.1 200 OK``) and every header value as received."""
    return StatusAndHeaders(response_status_message(response.status), _header_list(response.headers),
                            protocol=response.protocol or "HTTP/1.1")


def _utc_stamp() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y%m%d%H%M%S")


class WarcArchive:
    """Writes the WARC files of one run into ``OSCE_WARC_DIR``; see the module's docstring."""

    def __init__(self, directory: Path, *, prefix: str = "osce", max_bytes: int = 10**9,
                 info: dict[str, str] | None = None, stats: Any = None) -> None:
        self.directory = directory
        self.prefix = prefix
        self.max_bytes = max_bytes
        self.info = info or {}
        self.stats = stats
        self.index: CaptureIndex | None = None
        self.handle: BinaryIO | None = None
        self.path: Path | None = None
        self.writer: WARCWriter | None = None
        self.serial = 0
        self.stamp = _utc_stamp()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WarcArchive:
        settings = crawler.settings
        directory = settings.get("OSCE_WARC_DIR", defaults.OSCE_WARC_DIR)
        if not directory:
            raise NotConfigured("OSCE_WARC_DIR is empty: responses are not archived")
        info = {
            "software": f"osce-scraper/{__version__}",
            "scrapy-version": scrapy.__version__,
            "format": "WARC File Format 1.1",
            "conformsTo": "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/",
            "robots": "obey" if settings.getbool("ROBOTSTXT_OBEY") else "ignore",
            "http-header-user-agent": settings.get("USER_AGENT"),
            **{name: str(settings.get(name)) for name in CRAWL_SETTINGS},
        }
        archive = cls(Path(directory), prefix=settings.get("OSCE_WARC_PREFIX", defaults.OSCE_WARC_PREFIX),
                      max_bytes=settings.getint("OSCE_WARC_MAX_BYTES", defaults.OSCE_WARC_MAX_BYTES), info=info,
                      stats=crawler.stats)
        crawler.signals.connect(archive.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(archive.response_downloaded, signal=signals.response_downloaded)
        crawler.signals.connect(archive.spider_closed, signal=signals.spider_closed)
        return archive

    # -- Scrapy signals

    def spider_opened(self, spider: Any) -> None:
        self.open()
        self.info["isPartOf"] = getattr(spider, "name", "")

    def response_downloaded(self, response: Response, request: Request, spider: Any) -> None:
        capture = self.write(request, response)
        if capture is not None:
            request.meta["osce_capture"] = capture

    def spider_closed(self, spider: Any) -> None:
        self.close()

    # -- the archive

    def open(self) -> None:
        """Create the folder, repair files a killed run left open, open the index."""
        self.directory.mkdir(parents=True, exist_ok=True)
        for path in sorted(self.directory.glob(f"*{WARC_SUFFIX}{OPEN_SUFFIX}")):
            if (repaired := repair_open_file(path)) is not None:
                logger.info("WARC file %s left open by an earlier run: kept its complete records as %s",
                            path.name, repaired.name)
        self.index = CaptureIndex.open_or_rebuild(self.directory)

    def _final_name(self) -> str:
        assert self.path is not None
        return self.path.name.removesuffix(OPEN_SUFFIX)

    def _open_file(self) -> None:
        while True:
            name = f"{self.prefix}-{self.stamp}-{self.serial:05d}{WARC_SUFFIX}"
            self.serial += 1
            path = self.directory / (name + OPEN_SUFFIX)
            if (self.directory / name).exists():
                continue
            try:
                handle = path.open("xb")  # never another run's file, whatever the clock says
            except FileExistsError:
                continue
            break
        fcntl.flock(handle, fcntl.LOCK_EX)  # tells the next run's repair that this file is being written
        self.handle, self.path = handle, path
        self.writer = WARCWriter(handle, gzip=True, warc_version="1.1")
        self.writer.write_record(self.writer.create_warcinfo_record(name, self.info))

    def _close_file(self) -> None:
        if self.handle is None or self.path is None:
            return
        final = self.path.with_name(self._final_name())
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.path.rename(final)  # renamed while still locked: no repair can catch it half-closed
        self.handle.close()
        if self.index is not None:
            self.index.commit()  # the captures of a closed file are in the index
        self.handle = self.path = self.writer = None

    def write(self, request: Request, response: Response) -> dict[str, str] | None:
        """Archive one fetch; the capture's coordinates (file, record id, payload digest), or None when the
        write failed (logged; the crawl goes on)."""
        try:
            if self.index is None:
                self.open()
            if self.handle is None:
                self._open_file()
            assert self.writer is not None and self.handle is not None and self.index is not None
            start = self.handle.tell()
            try:
                capture, kind = self._write_pair(request, response)
            except OSError:
                with contextlib.suppress(OSError):  # a member cut short by a full disk is taken back
                    self.handle.truncate(start)
                    self.handle.seek(start)
                raise
        except (OSError, sqlite3.Error) as error:
            logger.error("could not archive %s in %s: %s", response.url, self.directory, error)
            if self.stats:
                self.stats.inc_value(WARC_WRITE_FAILED_STAT)
            return None
        if self.stats:
            self.stats.inc_value(f"{WARC_RECORD_STATS}_{kind}s")
        if self.handle.tell() >= self.max_bytes:
            self._close_file()
        return capture

    def _write_pair(self, request: Request, response: Response) -> tuple[dict[str, str], str]:
        assert self.writer is not None and self.handle is not None and self.index is not None
        uri = target_uri(response.url)
        body = response.body
        record = self.writer.create_warc_record(uri, "response", payload=io.BytesIO(body), length=len(body),
                                                http_headers=response_headers(response))
        digest = record.rec_headers.get_header("WARC-Payload-Digest")
        latest = self.index.latest(uri) if body else None  # a revisit of an empty body saves nothing
        if latest is not None and latest["digest"] == digest:
            record = self.writer.create_revisit_record(uri, digest, uri, latest["date"],
                                                       http_headers=response_headers(response),
                                                       warc_headers_dict={"WARC-Refers-To": latest["record_id"]})
        request_record = self.writer.create_warc_record(uri, "request", http_headers=request_headers(request))
        self.writer.write_request_response_pair(request_record, record)
        self.handle.flush()
        record_id = record.rec_headers.get_header("WARC-Record-ID")
        if record.rec_type == "response":
            self.index.remember(uri, digest, record.rec_headers.get_header("WARC-Date"), record_id,
                                self._final_name())
        capture = {"warc_file": self._final_name(), "warc_record_id": record_id, "payload_digest": digest}
        return capture, record.rec_type

    def close(self) -> None:
        self._close_file()
        if self.index is not None:
            self.index.close()
            self.index = None
