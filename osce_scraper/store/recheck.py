"""Which known releases a run checks again, newsdiffs-style: by the time since each last changed.

A release is due when the time since it was last checked exceeds :func:`recheck_interval` of the
time since it last changed (its last version's ``changed_at``; for a version 1, its publication date):
young and recently corrected releases often, old ones rarely, never all at once. Due releases go
most overdue first (time since checked / interval, as newsdiffs sorts), up to a run's budget.

The dataset is the truth: each run reads the known releases from it (URL, date, version,
``changed_at``, when fetched); the crawl state adds when each was last checked and the validators the
site gave (``ETag``, ``Last-Modified``) for a conditional request. A lost state costs a few
unconditional re-checks, nothing else.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: (time since the release last changed, below this) -> how often it is checked again. newsdiffs'
#: buckets, with two changes for a crawl run once a day: releases younger than a week are checked at
#: every daily run (12 h, not 3 h), and releases older than a year once a year (newsdiffs: never),
#: since osce.org withdraws and corrects old items too.
RECHECK_SCHEDULE: tuple[tuple[dt.timedelta, dt.timedelta], ...] = (
    (dt.timedelta(hours=3), dt.timedelta(minutes=15)),
    (dt.timedelta(days=1), dt.timedelta(hours=1)),
    (dt.timedelta(days=7), dt.timedelta(hours=12)),
    (dt.timedelta(days=30), dt.timedelta(days=3)),
    (dt.timedelta(days=365), dt.timedelta(days=30)),
)
#: How often a release that has not changed for a year or more is checked again.
OLD_RELEASE_INTERVAL = dt.timedelta(days=365)


def recheck_interval(since_changed: dt.timedelta) -> dt.timedelta:
    """How long a release may go unchecked, given the time since it last changed.

    >>> recheck_interval(dt.timedelta(hours=1)), recheck_interval(dt.timedelta(days=3)).total_seconds() / 3600
    (datetime.timedelta(seconds=900), 12.0)
    >>> recheck_interval(dt.timedelta(days=4000)).days
    365
    """
    for below, interval in RECHECK_SCHEDULE:
        if since_changed < below:
            return interval
    return OLD_RELEASE_INTERVAL


def parse_time(text: Any) -> dt.datetime | None:
    """A record's time (``2026-01-01T00:00:00Z``) or date (``2026-01-01``, taken as midnight UTC), or None.

    >>> parse_time("2026-01-02"), parse_time("nonsense")
    (datetime.datetime(2026, 1, 2, 0, 0, tzinfo=datetime.timezone.utc), None)
    """
    if not isinstance(text, str) or not text:
        return None
    try:
        when = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


@dataclass(slots=True)
class Known:
    """A release of the dataset, as the schedule sees it."""

    node_id: str
    url: str
    last_checked: dt.datetime
    last_changed: dt.datetime
    version: int = 1
    etag: str | None = None
    last_modified: str | None = None

    def priority(self, now: dt.datetime) -> float:
        """Time since checked over the interval it may go unchecked: due above 1."""
        interval = recheck_interval(max(now - self.last_changed, dt.timedelta(0)))
        return (now - self.last_checked) / interval


def choose_due(known: list[Known], now: dt.datetime, limit: int | None, due_only: bool = True,
               modified: dict[str, dt.datetime] | None = None) -> list[Known]:
    """The releases to check again, most overdue first: those due (every one when ``limit`` is None or not
    ``due_only``), at most ``limit``. Releases whose ``modified`` time (the sitemap's ``lastmod``) is later than
    their last check go before the others, the latest first, due or not: the site says they changed.

    >>> now = dt.datetime(2026, 1, 10, tzinfo=dt.UTC)
    >>> day = dt.timedelta(days=1)
    >>> young = Known("1", "u1", last_checked=now - day, last_changed=now - 2 * day)     # 24 h / 12 h
    >>> old = Known("2", "u2", last_checked=now - 400 * day, last_changed=now - 3000 * day)  # 400 d / 365 d
    >>> fresh = Known("3", "u3", last_checked=now - day, last_changed=now - 3000 * day)  # checked yesterday
    >>> [k.node_id for k in choose_due([old, fresh, young], now, 5)]
    ['1', '2']
    >>> [k.node_id for k in choose_due([old, young], now, 1)]
    ['1']
    >>> [k.node_id for k in choose_due([old, fresh, young], now, None)]
    ['1', '2', '3']
    >>> [k.node_id for k in choose_due([fresh], now, 1)], [k.node_id for k in choose_due([fresh], now, 1, False)]
    ([], ['3'])
    >>> sitemap = {"3": now - day / 2, "2": now - 500 * day}  # 3 modified since checked; 2 before
    >>> [k.node_id for k in choose_due([old, fresh, young], now, 2, modified=sitemap)]
    ['3', '1']
    """
    modified = modified or {}
    # A check's time is kept to the second (as a record's crawled_at is): a lastmod within that second is no later.
    flagged = sorted((k for k in known
                      if k.node_id in modified and modified[k.node_id].replace(microsecond=0) > k.last_checked),
                     key=lambda k: modified[k.node_id], reverse=True)
    first = {k.node_id for k in flagged}
    ranked = sorted((k for k in known if k.node_id not in first), key=lambda k: k.priority(now), reverse=True)
    if limit is None:
        return flagged + ranked
    return (flagged + [k for k in ranked if k.priority(now) > 1 or not due_only])[:limit]


def _records(dataset: Path) -> Iterator[dict[str, Any]]:
    """The dataset's records with a node id, damaged lines skipped (the store quarantines them)."""
    if not dataset.exists():
        return
    with dataset.open("rb") as handle:
        for line in handle:
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict) and isinstance(record.get("node_id"), str):
                yield record


def known_releases(dataset: Path) -> dict[str, Known]:
    """The dataset's releases as the schedule first sees them: checked when fetched, changed when their version was
    made (``changed_at``) or, for a version 1, when published (else when fetched)."""
    known: dict[str, Known] = {}
    for record in _records(dataset):
        url = record.get("url")
        fetched = parse_time(record.get("crawled_at"))
        if not isinstance(url, str) or fetched is None:
            continue
        changed = parse_time(record.get("changed_at")) or parse_time(record.get("date")) or fetched
        version = record.get("version") if isinstance(record.get("version"), int) else 1
        known[record["node_id"]] = Known(record["node_id"], url, fetched, min(changed, fetched)
                                         if not record.get("changed_at") else changed, version)
    return known


def listing_of(record: dict[str, Any]) -> dict[str, Any]:
    """The listing item a re-check hands the pipelines in place of the listing's own: what the record took from
    it, so that a page saying the same makes the same record.

    >>> listing_of({"url": "https://www.osce.org/cio/1", "node_id": "1", "title": "T", "date_raw": "1 May 2020",
    ...             "source": ["OSCE Secretariat"]})["publishing_date"]
    '1 May 2020'
    """
    return {
        "url": record["url"],
        "node_id": record["node_id"],
        "title": record.get("title") or "",
        "publishing_date": record.get("date_raw") or record.get("date"),
        "content_type": record.get("content_type"),
        "where_we_are": list(record.get("source") or []),
        "what_we_do": list(record.get("fields_of_work") or []),
        "lead": record.get("dateline"),
    }


def listings_of(dataset: Path, node_ids: set[str]) -> dict[str, dict[str, Any]]:
    """:func:`listing_of` for the dataset's records of ``node_ids``."""
    if not node_ids:
        return {}
    return {record["node_id"]: listing_of(record) for record in _records(dataset) if record["node_id"] in node_ids}
