"""The dataset file: one record a line, one line per node id.

Records are appended by :class:`~osce_scraper.exporters.DatasetExporter` (one ``write`` call a
line). Here: the scan of what the file holds, the repair when a run starts (an unterminated last
line cut off, damaged lines moved to the quarantine file), what a damaged line still shows of its
release, and the merge that rewrites the dataset with what a run fetched, through a temporary file
renamed over it, so that a run killed at any moment leaves the old dataset or the new one, whole.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from osce_scraper.dataset import NotADataset, check_dataset
from osce_scraper.exporters import append_json_lines
from osce_scraper.items import utc_now
from osce_scraper.store.paths import preview_line
from osce_scraper.store.refusals import RunRefused

logger = logging.getLogger(__name__)


def _record(line: bytes) -> dict[str, Any] | None:
    try:
        value = json.loads(line)
    except ValueError:
        return None
    if isinstance(value, dict) and isinstance(value.get("node_id"), str) and value["node_id"]:
        return value
    return None


#: Fields that say when and from which capture a record was made, not what the release says: two
#: crawls of an unchanged page differ only in these (the WARC capture's fields, see archive.py).
FETCH_FIELDS = frozenset({"crawled_at", "warc_file", "warc_record_id", "payload_digest"})
#: Fields the store derives from a release's history (store/versions.py), not from its page: a line
#: written before versions were kept (without them) says what a version 1 says.
VERSION_FIELDS = frozenset({"version", "changed_at"})


def record_digest(record: dict[str, Any]) -> bytes:
    """What a record says, as a digest: the same for two crawls of an unchanged page (:data:`FETCH_FIELDS` and
    :data:`VERSION_FIELDS` aside, and ``withdrawn_at`` while it is null).

    >>> record_digest({"node_id": "1", "crawled_at": "2026-01-01T00:00:00Z"}) == record_digest({"node_id": "1"})
    True
    """
    said = {name: value for name, value in record.items() if name not in FETCH_FIELDS and name not in VERSION_FIELDS
            and not (name == "withdrawn_at" and value is None)}
    text = json.dumps(said, sort_keys=True, ensure_ascii=False)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


@dataclass(slots=True)
class DatasetScan:
    """What a dataset file holds: its records' node ids (with digests when asked) and the lines that are not
    records."""

    node_ids: set[str] = field(default_factory=set)
    digests: dict[str, bytes] = field(default_factory=dict)
    damaged: list[tuple[int, bytes]] = field(default_factory=list)
    cut_line: bytes = b""

    @property
    def cut_bytes(self) -> int:
        """The length of an unterminated last line (0 when the file ends with a newline)."""
        return len(self.cut_line)


def scan_dataset(path: Path, digests: bool = False) -> DatasetScan:
    """The node ids of a dataset's records (and their digests) and its damaged lines; a missing dataset is empty."""
    scan = DatasetScan()
    if not path.exists():
        return scan
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.endswith(b"\n"):
                scan.cut_line = line  # a write cut by a crash: only ever the last line
                break
            if (record := _record(line)) is None:
                scan.damaged.append((number, line))
                continue
            scan.node_ids.add(record["node_id"])
            if digests:
                scan.digests[record["node_id"]] = record_digest(record)
    return scan


def repair_dataset(path: Path, digests: bool = False) -> DatasetScan:
    """Cut an unterminated last line; move other lines that are not records to ``<path>.quarantine``.

    Every record stays, in order. A non-empty file with no record at all is refused untouched, by the
    check every data command makes (:func:`osce_scraper.dataset.check_dataset`).
    """
    if path.exists():
        try:
            check_dataset(path, allow_empty=True)
        except NotADataset as error:
            raise RunRefused(f"{error}; give another OSCE_DATASET_PATH") from None
    scan = scan_dataset(path, digests)
    if not scan.node_ids and scan.damaged:
        number, line = scan.damaged[0]
        raise RunRefused(f"{path} is not a dataset: none of its {len(scan.damaged)} lines is a record "
                         f"(line {number} is {preview_line(line)}); give another OSCE_DATASET_PATH")
    if scan.damaged:
        quarantine = path.with_name(path.name + ".quarantine")
        append_json_lines(quarantine, [{"line": number, "text": line.decode("utf-8", errors="replace").rstrip("\n"),
                                        "moved_at": utc_now()} for number, line in scan.damaged])
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


@dataclass(frozen=True, slots=True)
class MergeCounts:
    """What a merge changed in the dataset: records added, replaced by a changed one, and dropped."""

    new: int = 0
    updated: int = 0
    dropped: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.new or self.updated or self.dropped)


def _line_at(handle: BinaryIO, place: tuple[int, int]) -> bytes:
    handle.seek(place[0])
    return handle.read(place[1])


def merge_into_dataset(dataset: Path, fetched: Path, keep: Callable[[str], bool] = lambda node_id: True) -> MergeCounts:
    """Rewrite ``dataset`` as its records and ``fetched``'s, one line per node id.

    A fetched record replaces the old line of its node id in place, unless it says the same
    (:data:`FETCH_FIELDS` aside: the old line stays, with the capture it was made from); fetched
    records the dataset lacks are added at the end, in the order fetched; an old record that was
    not fetched stays when ``keep(node_id)``. The result is written to ``<dataset>.merge`` and
    renamed over the dataset; when nothing changes, or nothing was fetched, the dataset is not
    touched at all.
    """
    places: dict[str, tuple[int, int]] = {}  # node id -> (offset, length) of its last line in ``fetched``
    if fetched.exists():
        with fetched.open("rb") as handle:
            offset = 0
            for line in handle:
                if line.endswith(b"\n") and (record := _record(line)):
                    places[record["node_id"]] = (offset, len(line))
                offset += len(line)
    if not places:
        return MergeCounts()
    merged = dataset.with_name(dataset.name + ".merge")
    new = updated = dropped = 0
    done: set[str] = set()
    try:
        with fetched.open("rb") as source, merged.open("wb") as out:
            if dataset.exists():
                with dataset.open("rb") as old:
                    for line in old:
                        record = _record(line)
                        node_id = record["node_id"] if record else None
                        if node_id in done:  # a second line of one node id: the merge keeps one
                            dropped += 1
                            continue
                        if node_id in places:
                            fresh = _line_at(source, places[node_id])
                            if record_digest(json.loads(fresh)) != record_digest(record):  # type: ignore[arg-type]
                                line, updated = fresh, updated + 1
                        elif node_id is not None and not keep(node_id):
                            dropped += 1
                            continue
                        if node_id is not None:
                            done.add(node_id)
                        out.write(line)
            for node_id, place in places.items():
                if node_id not in done:
                    out.write(_line_at(source, place))
                    new += 1
            out.flush()
            os.fsync(out.fileno())
        counts = MergeCounts(new, updated, dropped)
        if counts.changed:
            os.replace(merged, dataset)
        return counts
    finally:
        merged.unlink(missing_ok=True)
