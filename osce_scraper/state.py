"""What scheduled crawls remember: the releases already in the dataset, kept safe from kills.

The dataset file is the truth. Each record is appended with one ``write``
system call, then its node id is committed to a small SQLite state file. On
opening, a partial last line (a write cut by a crash) is cut off, and every
node id in the file is put back into the state: a record that was written but
not committed is never fetched and written twice.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def repair_dataset(path: Path) -> set[str]:
    """Cut a partial last line off the dataset and return the node ids it holds.

    A dataset that does not exist is an empty dataset.
    """
    if not path.exists():
        return set()
    node_ids: set[str] = set()
    good_length = 0
    with path.open("rb") as handle:
        for line in handle:
            if not line.endswith(b"\n"):
                break
            try:
                node_ids.add(str(json.loads(line)["node_id"]))
            except (ValueError, KeyError, TypeError):
                break  # a damaged line: everything from here is cut
            good_length += len(line)
    if good_length < path.stat().st_size:
        with path.open("r+b") as handle:
            handle.truncate(good_length)
            os.fsync(handle.fileno())
    return node_ids


class DatasetAppender:
    """Appends records to a JSONL file, one ``write`` call per whole line."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def append(self, record: dict[str, Any]) -> None:
        data = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
        written = os.write(self.fd, data)
        while written < len(data):  # only on a full disk or an interrupted call
            written += os.write(self.fd, data[written:])

    def close(self) -> None:
        os.fsync(self.fd)
        os.close(self.fd)


class FailureLog:
    """Appends one JSON line per page that failed for good (``OSCE_ERRORS_PATH``)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def record(self, entry: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(entry, ensure_ascii=False) + "\n")


class CrawlState:
    """The SQLite state of scheduled crawls: exported node ids, and whether a walk of the listing ended."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS exported (node_id TEXT PRIMARY KEY, url TEXT)")
        self.db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS failed (url TEXT PRIMARY KEY, node_id TEXT, listing TEXT, reason TEXT)"
        )

    def exported_ids(self) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT node_id FROM exported")}

    def mark_exported(self, node_id: str, url: str | None = None) -> None:
        self.db.execute("INSERT OR IGNORE INTO exported (node_id, url) VALUES (?, ?)", (node_id, url))
        self.clear_failed(node_id)

    def replace_exported(self, node_ids: Iterable[str]) -> None:
        """Make the state hold exactly ``node_ids`` (after a full re-crawl or a repair)."""
        with self.db:
            self.db.execute("BEGIN")
            self.db.execute("DELETE FROM exported")
            self.db.executemany("INSERT INTO exported (node_id) VALUES (?)", [(n,) for n in node_ids])

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

    def clear_failed(self, node_id: str) -> None:
        self.db.execute("DELETE FROM failed WHERE node_id = ?", (node_id,))

    def get(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def close(self) -> None:
        self.db.close()
