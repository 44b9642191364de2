"""``osce-scraper reparse``: the dataset rebuilt from the WARC archive, offline.

Every archived response is read as the crawl read it: the same Scrapy response class and charset
detection (``response.text``), the same page readers (``read_listing``, ``read_release`` over
``page_selector``) and the same record building and schema check as ``osce-scraper parse``
(``build_record``, ``schema_errors``). Listing pages give each node's listing item (its latest
capture wins), release pages the records: one per node id, its latest capture winning, with
``crawled_at`` from the capture's WARC-Date and the capture's coordinates. Nothing is fetched.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from scrapy.http import Headers, Response, TextResponse
from scrapy.responsetypes import responsetypes
from warcio.recordloader import ArcWarcRecord
from warcio.timeutils import iso_date_to_datetime

from osce_scraper.archive import DamagedWarc, WarcEntry, iter_warc, read_record_at, warc_files
from osce_scraper.export import check_output_path
from osce_scraper.exporters import DatasetExporter
from osce_scraper.extract.urls import node_id_of
from osce_scraper.fields import build_record
from osce_scraper.items import RawRelease, schema_errors
from osce_scraper.pages.html import page_selector
from osce_scraper.pages.listing import ListingItem, read_listing
from osce_scraper.pages.release import read_release

# Undone before the page is read (the payload is stored as received, decoded when read), as Scrapy's
# HttpCompressionMiddleware drops the header once it has decompressed the body.
_DECODED_HEADERS = {b"content-encoding", b"x-crawler-transfer-encoding"}


def record_time(warc_date: str) -> str:
    """A WARC-Date as the record's ``crawled_at`` writes time: UTC, to the second, with a Z.

    >>> record_time("2026-03-01T09:15:42.123456Z")
    '2026-03-01T09:15:42Z'
    """
    return iso_date_to_datetime(warc_date).replace(tzinfo=None).isoformat(timespec="seconds") + "Z"


def archived_response(entry: WarcEntry, payload: bytes) -> Response:
    """The response a callback got for an archived one: the class Scrapy picks, the body decoded."""
    headers = Headers()
    for name, value in entry.record.http_headers.headers:
        if name.lower().encode("latin-1") not in _DECODED_HEADERS:
            headers.appendlist(name, value)
    url = entry.header("WARC-Target-URI") or ""
    status = int(entry.record.http_headers.get_statuscode() or 0)
    cls = responsetypes.from_args(headers=headers, url=url, body=payload)
    return cls(url=url, status=status, headers=headers, body=payload)


@dataclass(slots=True)
class Capture:
    """Where one archived 200 response lies, and when it was fetched."""

    path: Path
    offset: int
    when: tuple[dt.datetime, int]  # WARC-Date, then the order read (files are named by time)
    warc_date: str
    record_id: str
    digest: str
    revisit: bool


@dataclass
class Reparse:
    """What one reparse read and wrote."""

    files_read: int = 0
    damaged: list[str] = field(default_factory=list)
    records_read: int = 0
    pages: int = 0
    written: int = 0
    rejected: int = 0
    unresolved: int = 0


def _wants_payload(record: ArcWarcRecord) -> bool:
    """Only listing pages are read in the first pass; release pages once each, in the second."""
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    return record.rec_type == "response" and node_id_of(url) is None


def progress_line(files: tuple[int, int], pages: int, records: int, elapsed: float) -> str:
    """One line of progress, in the crawl's style.

    >>> progress_line((2, 5), 300, 120, 2.0)
    'files 2/5 · pages 300 · records 120 · 150.0 pages/s'
    """
    rate = pages / elapsed if elapsed > 0 else 0.0
    return f"files {files[0]}/{files[1]} · pages {pages} · records {records} · {rate:.1f} pages/s"


class _Progress:
    """Redraws one line on a terminal at most every ``interval`` seconds; silent when not a terminal."""

    def __init__(self, stream: TextIO, interval: float = 0.5) -> None:
        self.stream = stream
        self.enabled = bool(getattr(stream, "isatty", lambda: False)())
        self.interval = interval
        self.started = self.shown = time.monotonic()

    def show(self, line: str, *, last: bool = False) -> None:
        now = time.monotonic()
        if self.enabled and (last or now - self.shown >= self.interval):
            self.shown = now
            self.stream.write("\r" + line + "\033[K" + ("\n" if last else ""))
            self.stream.flush()


def input_files(paths: list[Path]) -> list[Path]:
    """The WARC files named, folders expanded to their closed WARC files (oldest first)."""
    files: list[Path] = []
    for path in paths:
        files += warc_files(path) if path.is_dir() else [path]
    return files


def reparse(paths: list[Path], output: Path, *, stream: TextIO | None = None) -> Reparse:
    """Rebuild the dataset from WARC files (or folders of them) into ``output``; damaged files are
    reported on ``stream`` (standard error), one line each, and the rest read."""
    stream = stream or sys.stderr
    files = input_files(paths)
    result = Reparse()
    progress = _Progress(stream)
    listings: dict[str, tuple[tuple[dt.datetime, int], ListingItem]] = {}
    releases: dict[str, Capture] = {}
    originals: dict[str, tuple[Path, int]] = {}  # payload digest -> a response record holding it
    order = 0

    def elapsed() -> float:
        return time.monotonic() - progress.started

    for number, path in enumerate(files, start=1):
        read_before = result.records_read
        try:
            for entry in iter_warc(path, payloads=_wants_payload):
                result.records_read += 1
                order += 1
                http = entry.record.http_headers
                if entry.record.rec_type not in ("response", "revisit") or http is None:
                    continue
                if http.get_statuscode() != "200":
                    continue
                url = entry.header("WARC-Target-URI") or ""
                digest = entry.header("WARC-Payload-Digest") or ""
                when = (iso_date_to_datetime(entry.header("WARC-Date") or ""), order)
                revisit = entry.record.rec_type == "revisit"
                if not revisit:
                    originals.setdefault(digest, (path, entry.offset))
                if node := node_id_of(url):
                    capture = Capture(path, entry.offset, when, entry.header("WARC-Date") or "",
                                      entry.header("WARC-Record-ID") or "", digest, revisit)
                    if node not in releases or releases[node].when < when:
                        releases[node] = capture
                    continue
                payload = entry.payload
                if revisit:
                    if digest not in originals:
                        continue
                    payload = read_record_at(*originals[digest]).payload
                response = archived_response(entry, payload)
                if not isinstance(response, TextResponse) or url.endswith("/robots.txt"):
                    continue
                result.pages += 1
                for item in read_listing(page_selector(response.text), response.url).items:
                    if item.node_id not in listings or listings[item.node_id][0] < when:
                        listings[item.node_id] = (when, item)
                progress.show(progress_line((number, len(files)), result.pages, result.written, elapsed()))
            result.files_read += 1
        except DamagedWarc as damage:
            result.damaged.append(f"{path}: {damage}")
            kept = result.records_read - read_before
            print(f"osce-scraper reparse: {path}: {damage}" + (f"; its first {kept} records were read" if kept else ""),
                  file=stream)
        except OSError as error:
            result.damaged.append(f"{path}: {error.strerror or error}")
            print(f"osce-scraper reparse: {path}: cannot be read ({error.strerror or error})", file=stream)

    partial = output.with_name(output.name + ".partial")
    partial.unlink(missing_ok=True)
    exporter = DatasetExporter(partial)
    written: set[str] = set()
    try:
        # Latest capture first: when two captures give one node id, the latest is the one kept.
        for capture in sorted(releases.values(), key=lambda c: c.when, reverse=True):
            entry = read_record_at(capture.path, capture.offset)
            payload = entry.payload
            if capture.revisit:
                if capture.digest not in originals:
                    result.unresolved += 1  # its original is in a file not given
                    continue
                payload = read_record_at(*originals[capture.digest]).payload
            response = archived_response(entry, payload)
            result.pages += 1
            if not isinstance(response, TextResponse):
                continue
            page = read_release(page_selector(response.text), response.url)
            node = page.node_id or node_id_of(response.url)
            listing = listings[node][1] if node in listings else None
            raw = RawRelease(page=page, listing=listing, crawled_at=record_time(capture.warc_date),
                             capture={"warc_file": capture.path.name, "warc_record_id": capture.record_id,
                                      "payload_digest": capture.digest})
            record = build_record(raw)
            if schema_errors(record):
                result.rejected += 1
                continue
            if record["node_id"] in written:
                continue
            exporter.export_item(record)
            written.add(record["node_id"])
            result.written += 1
            progress.show(progress_line((len(files), len(files)), result.pages, result.written, elapsed()))
    finally:
        exporter.close()
    os.replace(partial, output)
    progress.show(progress_line((len(files), len(files)), result.pages, result.written, elapsed()), last=True)
    return result


def reparse_command(args: argparse.Namespace) -> int:
    """``osce-scraper reparse WARC_OR_DIR... -o OUT.jsonl``: exit 0, 1 when nothing could be read, 2 for bad paths."""
    paths = [Path(p) for p in args.paths]
    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"osce-scraper reparse: no such file or folder: {missing[0]}", file=sys.stderr)
        return 2
    try:
        output = check_output_path(args.output, *[p for p in input_files(paths) if p.is_file()])
    except ValueError as error:
        print(f"osce-scraper reparse: {error}", file=sys.stderr)
        return 2
    result = reparse(paths, output)
    if not result.records_read:
        print(f"osce-scraper reparse: no WARC record could be read from {' '.join(args.paths)}", file=sys.stderr)
        return 1
    notes = [f"{result.rejected} rejected by the schema"] if result.rejected else []
    if result.unresolved:
        notes.append(f"{result.unresolved} revisits whose original is in no file given")
    if result.damaged:
        notes.append(f"{len(result.damaged)} damaged file(s)")
    print(f"wrote {result.written} records to {output} from {result.files_read + len(result.damaged)} WARC file(s)"
          + (f" ({'; '.join(notes)})" if notes else ""), file=sys.stderr)
    return 0
