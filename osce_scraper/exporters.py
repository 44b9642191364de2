"""The exporters: the dataset's (one record a line, through jsonlines, each line one ``write`` system call) and
the one for ``-O``/``-o`` feeds in JSON lines.

A line is written whole or not at all (short of a crash inside the call itself), so a run killed
at any moment leaves at most an unterminated last line, which the dataset store cuts off.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import jsonlines
from scrapy.exporters import BaseItemExporter, JsonLinesItemExporter


class AppendOnlyFile:
    """A binary file opened for appending that keeps what is written until ``flush``, then writes it
    with one ``write`` system call (jsonlines writes a line and its newline separately).

    A file that ends in a cut line (a crash or a full disk while another program wrote it) gets the newline it
    lacks first: the cut line stays one damaged line, and no line written here is glued to it.
    """

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
        size = os.fstat(self.fd).st_size
        self.pending: list[bytes] = [b"\n"] if size and os.pread(self.fd, 1, size - 1) != b"\n" else []

    def write(self, data: bytes) -> int:
        if not isinstance(data, bytes):
            raise TypeError("a binary file: write bytes")  # how jsonlines tells a binary file
        self.pending.append(data)
        return len(data)

    def flush(self) -> None:
        data = b"".join(self.pending)
        self.pending.clear()
        written = 0
        try:
            written = os.write(self.fd, data)
            while written < len(data):  # only on a full disk or an interrupted call
                written += os.write(self.fd, data[written:])
        except OSError:
            if written:  # a line cut short by a full disk is taken back: the file stays whole lines
                os.ftruncate(self.fd, os.fstat(self.fd).st_size - written)
            raise

    def close(self) -> None:
        try:
            os.fsync(self.fd)
        finally:
            os.close(self.fd)


def append_json_lines(path: Path, entries: Iterable[Any], dumps: Callable[[Any], str] = json.dumps) -> None:
    """Append each entry to a JSON lines log (errors, runs, rejected records) as one line, each line in one write.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "errors.jsonl"
    >>> _ = path.write_text('{"url": "a"}\\n{"url": "b", "ki')  # the last line cut by a full disk
    >>> append_json_lines(path, [{"url": "c"}])
    >>> path.read_text().splitlines()[1:]
    ['{"url": "b", "ki', '{"url": "c"}']
    """
    out = AppendOnlyFile(path)
    try:
        with jsonlines.Writer(out, flush=True, dumps=dumps) as writer:
            writer.write_all(entries)
    finally:
        out.close()


def _record_fields(exporter: BaseItemExporter, item: Any) -> dict[str, Any]:
    """The fields ``exporter`` writes of ``item``: a record (a plain dict, which has no field metadata to apply)
    as it is when no field list is set, without Scrapy's walk over its fields (half the cost of its export)."""
    if type(item) is dict and exporter.fields_to_export is None:
        return item
    return dict(exporter.get_serialized_fields(item))


class DatasetExporter(BaseItemExporter):
    """Appends each record to a JSONL file: ``ensure_ascii=False``, fields in the record's order.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "releases.jsonl"
    >>> exporter = DatasetExporter(path)
    >>> exporter.export_item({"node_id": "376582", "place": "Priština"}); exporter.close()
    >>> path.read_text("utf-8")
    '{"node_id": "376582", "place": "Priština"}\\n'
    """

    def __init__(self, path: Path, **kwargs: Any) -> None:
        super().__init__(dont_fail=True, **kwargs)
        self.file = AppendOnlyFile(path)
        self.writer = jsonlines.Writer(self.file, flush=True)

    def export_item(self, item: Any) -> None:
        self.writer.write(_record_fields(self, item))

    def close(self) -> None:
        self.writer.close()
        self.file.close()


class FeedLinesExporter(JsonLinesItemExporter):
    """Scrapy's JSON lines exporter for ``-O``/``-o`` feeds (``FEED_EXPORTERS``), a record taken as it is.

    >>> import io
    >>> feed = io.BytesIO()
    >>> FeedLinesExporter(feed, encoding="utf-8").export_item({"node_id": "376582", "place": "Priština"})
    >>> feed.getvalue().decode("utf-8")
    '{"node_id": "376582", "place": "Priština"}\\n'
    """

    def export_item(self, item: Any) -> None:
        self.file.write((self.encoder.encode(_record_fields(self, item)) + "\n").encode(self.encoding or "utf-8"))
