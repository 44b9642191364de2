"""The crawl state (SQLite): pages that failed for good, flags, the checks' window of recent pages, the
re-check schedule of known releases, and what the sitemap said of them.

What the dataset holds is read from the dataset itself when a run starts; everything here can be
lost at the cost of crawling again, so a damaged state is moved aside and started afresh.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from osce_scraper.store.paths import check_file_path
from osce_scraper.store.refusals import RunRefused

logger = logging.getLogger(__name__)

_SQLITE_HEADER = b"SQLite format 3\x00"

_SCHEDULE_COLUMNS = ("last_checked", "last_changed", "version", "etag", "last_modified", "withdrawn_at")

#: A release page of the checks' window: (node id, labels it showed, filled fields of its record or None).
WindowPage = tuple[str, list[str], list[str] | None]


class CrawlState:
    """The SQLite state of scheduled crawls."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        # The tables in one transaction: one write to the WAL for a new state, not one a table.
        self.db.execute("BEGIN")
        self.db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS failed (url TEXT PRIMARY KEY, node_id TEXT, listing TEXT, reason TEXT)"
        )
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS recent_pages (seq INTEGER PRIMARY KEY AUTOINCREMENT, node_id TEXT UNIQUE,"
            " labels TEXT, fields TEXT)"
        )
        # The re-check schedule (store/recheck.py): per known release, when it was last checked and last
        # changed, its version, and the validators the site gave for a conditional request.
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS releases (node_id TEXT PRIMARY KEY, last_checked TEXT, last_changed TEXT,"
            " version INTEGER, etag TEXT, last_modified TEXT, withdrawn_at TEXT)"
        )
        # The sitemap (store/sitemap.py): each file read, its lastmod in the index and when it was read, and the
        # lastmod it gave each known release; a release modified since its last check is checked first.
        self.db.execute("CREATE TABLE IF NOT EXISTS sitemap_files (loc TEXT PRIMARY KEY, lastmod TEXT, read_at TEXT)")
        self.db.execute("CREATE TABLE IF NOT EXISTS sitemap_lastmods (node_id TEXT PRIMARY KEY, lastmod TEXT)")
        self.db.execute("COMMIT")

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

    def note_pages(self, pages: Iterable[WindowPage]) -> None:
        """Release pages read, in order, for the checks' window."""
        with self.db:
            self.db.executemany(
                "INSERT OR REPLACE INTO recent_pages (node_id, labels, fields) VALUES (?, ?, ?)",
                [(node_id, json.dumps(labels), json.dumps(fields) if fields is not None else None)
                 for node_id, labels, fields in pages],
            )

    def recent_pages(self, size: int) -> list[WindowPage]:
        """The last ``size`` release pages read, over every run, newest first."""
        rows = self.db.execute("SELECT node_id, labels, fields FROM recent_pages ORDER BY seq DESC LIMIT ?", (size,))
        return [(node_id, json.loads(labels), json.loads(fields) if fields else None)
                for node_id, labels, fields in rows]

    def trim_recent_pages(self, size: int) -> None:
        self.db.execute("DELETE FROM recent_pages WHERE seq <= (SELECT max(seq) FROM recent_pages) - ?", (size,))

    def schedule(self) -> dict[str, dict[str, Any]]:
        """The re-check schedule's rows, by node id."""
        rows = self.db.execute("SELECT node_id, last_checked, last_changed, version, etag, last_modified, withdrawn_at"
                               " FROM releases")
        return {row[0]: dict(zip(_SCHEDULE_COLUMNS, row[1:], strict=True)) for row in rows}

    def note_checks(self, rows: Iterable[dict[str, Any]]) -> None:
        """Releases checked this run: each row's ``node_id`` and the columns it names (the others are kept)."""
        with self.db:
            for row in rows:
                self.db.execute("INSERT OR IGNORE INTO releases (node_id) VALUES (?)", (row["node_id"],))
                columns = [name for name in _SCHEDULE_COLUMNS if name in row]
                if columns:
                    self.db.execute(f"UPDATE releases SET {', '.join(f'{name} = ?' for name in columns)}"
                                    " WHERE node_id = ?", [row[name] for name in columns] + [row["node_id"]])

    def sitemap_files(self) -> dict[str, tuple[str | None, str | None]]:
        """Each sitemap file read before: its URL -> (its ``lastmod`` in the index, when it was read)."""
        return {loc: (lastmod, read_at) for loc, lastmod, read_at in
                self.db.execute("SELECT loc, lastmod, read_at FROM sitemap_files")}

    def note_sitemap_file(self, loc: str, lastmod: str | None, read_at: str, releases: dict[str, str]) -> None:
        """A sitemap file read: its ``lastmod`` in the index, when, and the ``lastmod`` of the releases it lists."""
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO sitemap_files (loc, lastmod, read_at) VALUES (?, ?, ?)",
                            (loc, lastmod, read_at))
            self.db.executemany("INSERT OR REPLACE INTO sitemap_lastmods (node_id, lastmod) VALUES (?, ?)",
                                list(releases.items()))

    def sitemap_lastmods(self) -> dict[str, str]:
        """The sitemap's last ``lastmod`` of each release, by node id."""
        return dict(self.db.execute("SELECT node_id, lastmod FROM sitemap_lastmods"))

    def get(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def close(self) -> None:
        self.db.close()
