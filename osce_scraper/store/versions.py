"""Versions of a release: what a release fetched again changed, and every earlier version kept.

The dataset keeps one line per release, its latest version, with ``version`` (1, 2, ...) and
``changed_at``. When a known release is fetched again, its fresh record is compared with its line on
the :data:`CONTENT_FIELDS` alone (what the release says, never how a template printed it: a capture,
the URL it was found under, the date as printed): a difference mints version ``n + 1`` and the
earlier version goes to the versions file (``OSCE_VERSIONS_PATH``, one JSON object a line): node id,
version, when it was first seen and when it was replaced, which fields changed, their old values,
and the characters of text added and removed. Applying an entry's ``old`` values to the next version
gives the earlier one back.

Everything is decided at the end of a run, in the step that merges the dataset (:func:`revise`
writes the lines the merge puts in): entries are appended before the dataset is renamed, keyed by node
id and version, so a run killed between the two writes each entry once: the next run finds the same
change, and the key already there.
"""

from __future__ import annotations

import difflib
import json
import logging
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

#: The fields a correction changes: what a release says. The others are how and when it was fetched
#: (the capture, ``crawled_at``), where it was found (``url``: the same node under another path), how
#: its date was printed (``date_raw``, which differs between templates), and the version fields.
CONTENT_FIELDS = ("content_type", "title", "date", "dateline", "place", "places", "source", "fields_of_work",
                  "officials", "text", "language")

_TOKEN_RE = re.compile(r"\s+|\w+|[^\w\s]")


def changed_fields(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """The content fields whose values differ between two records of a release.

    >>> changed_fields({"title": "A", "text": "x", "url": "http://a/1"}, {"title": "B", "text": "x", "url": "http://b/1"})
    ['title']
    """
    return [name for name in CONTENT_FIELDS if old.get(name) != new.get(name)]


def text_churn(old: str, new: str) -> tuple[int, int]:
    """Characters added and removed from ``old`` to ``new`` (difflib over words, spaces and punctuation).

    >>> text_churn("The OSCE welcomed the law.", "The OSCE strongly welcomed the new law.")
    (13, 0)
    """
    before, after = _TOKEN_RE.findall(old or ""), _TOKEN_RE.findall(new or "")
    added = removed = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if tag in ("replace", "delete"):
            removed += sum(len(token) for token in before[i1:i2])
        if tag in ("replace", "insert"):
            added += sum(len(token) for token in after[j1:j2])
    return added, removed


def version_of(record: dict[str, Any]) -> int:
    """A record's version; 1 for a line written before versions were kept.

    >>> version_of({"node_id": "1"}), version_of({"version": 3})
    (1, 3)
    """
    version = record.get("version")
    return version if isinstance(version, int) and version >= 1 else 1


def version_entry(old: dict[str, Any], new: dict[str, Any], fields: list[str]) -> dict[str, Any]:
    """The versions file's entry for ``old``, replaced by ``new`` (which changed ``fields``).

    >>> entry = version_entry({"node_id": "1", "title": "A", "text": "ab", "crawled_at": "2025-01-01T00:00:00Z"},
    ...                       {"title": "B", "text": "abc", "crawled_at": "2025-02-01T00:00:00Z"}, ["title", "text"])
    >>> entry["version"], entry["old"], entry["chars_added"], entry["replaced_at"]
    (1, {'title': 'A', 'text': 'ab'}, 3, '2025-02-01T00:00:00Z')
    """
    added, removed = text_churn(old.get("text") or "", new.get("text") or "") if "text" in fields else (0, 0)
    return {
        "node_id": old["node_id"],
        "version": version_of(old),
        "first_seen": old.get("changed_at") or old.get("crawled_at"),
        "replaced_at": new.get("crawled_at"),
        "changed": fields,
        "old": {name: old.get(name) for name in fields},
        "chars_added": added,
        "chars_removed": removed,
    }


def too_many_changed(changed: int, rechecked: int, max_share: float, min_rechecked: int) -> bool:
    """Whether so many re-checked releases changed at once that a template or the extraction changed, not the
    releases: more than ``max_share`` of at least ``min_rechecked``.

    >>> too_many_changed(6, 10, 0.5, 10), too_many_changed(5, 10, 0.5, 10), too_many_changed(9, 9, 0.5, 10)
    (True, False, False)
    """
    return rechecked >= max(min_rechecked, 1) and changed > max_share * rechecked


class VersionsFile:
    """The versions file: one entry a line, each appended whole, never two of one node id and version."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def repair(self) -> None:
        """Cut an unterminated last line (a write cut by a kill)."""
        if not self.path.is_file() or not (size := self.path.stat().st_size):
            return
        with self.path.open("r+b") as handle:
            handle.seek(max(0, size - 65536))
            tail = handle.read()
            if tail.endswith(b"\n"):
                return
            cut = tail.rfind(b"\n")
            if cut < 0 and size > 65536:  # one line longer than the tail: find its start from the beginning
                handle.seek(0)
                cut = handle.read().rfind(b"\n")
                keep = cut + 1
            else:
                keep = size - len(tail) + cut + 1
            handle.truncate(keep)
            os.fsync(handle.fileno())
        logger.warning("%s: an unterminated last line (a write cut short) was cut off", self.path)

    def keys(self) -> set[tuple[str, int]]:
        """(node id, version) of every entry."""
        keys: set[tuple[str, int]] = set()
        if not self.path.is_file():
            return keys
        with self.path.open("rb") as handle:
            for line in handle:
                try:
                    entry = json.loads(line)
                    keys.add((entry["node_id"], entry["version"]))
                except (ValueError, KeyError, TypeError):
                    continue
        return keys

    def add(self, entries: Iterable[dict[str, Any]]) -> int:
        """Append the entries not already in the file, in one write; returns how many were written."""
        entries = list(entries)
        if not entries:
            return 0
        self.repair()
        known = self.keys()
        fresh = [entry for entry in entries if (entry["node_id"], entry["version"]) not in known]
        if not fresh:
            return 0
        data = "".join(json.dumps(entry, ensure_ascii=False) + "\n" for entry in fresh).encode("utf-8")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            written = 0
            while written < len(data):
                written += os.write(fd, data[written:])
            os.fsync(fd)
        finally:
            os.close(fd)
        return len(fresh)


@dataclass(slots=True)
class Revision:
    """What the releases fetched again were to their lines, decided before the dataset is merged."""

    #: Known releases fetched again (a 200 that made a record), answered 304, or withdrawn (404/410).
    rechecked: int = 0
    #: Node ids whose content changed (a version to mint), and those newly withdrawn.
    changed: list[str] = field(default_factory=list)
    withdrawn: list[str] = field(default_factory=list)
    #: Which fields changed, per changed node id.
    fields: dict[str, list[str]] = field(default_factory=dict)
    #: The earlier versions to keep: one entry per changed node id.
    entries: list[dict[str, Any]] = field(default_factory=list)
    #: The new version of each changed release.
    versions: dict[str, int] = field(default_factory=dict)
    #: True when too many changed at once: no version was minted, no release marked withdrawn.
    withheld: bool = False


def _dumps(record: dict[str, Any]) -> bytes:
    return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")


def _places(path: Path) -> dict[str, tuple[int, int]]:
    """node id -> (offset, length) of its last whole line in a file of records."""
    places: dict[str, tuple[int, int]] = {}
    if not path.exists():
        return places
    with path.open("rb") as handle:
        offset = 0
        for line in handle:
            if line.endswith(b"\n"):
                try:
                    record = json.loads(line)
                except ValueError:
                    record = None
                if isinstance(record, dict) and isinstance(record.get("node_id"), str):
                    places[record["node_id"]] = (offset, len(line))
            offset += len(line)
    return places


def revise(dataset: Path, fetched: Path, revised: Path, *, withdrawn: dict[str, str], not_modified: Iterable[str],
           max_share: float, min_rechecked: int) -> Revision:
    """Write to ``revised`` the lines a merge must put in the dataset for the records of ``fetched``, and
    decide the versions: the dataset is not touched.

    A fetched release the dataset lacks goes in as fetched. One the dataset holds takes its line's version
    and ``changed_at``, unless its content changed (version ``n + 1``, ``changed_at`` its ``crawled_at``, and an
    entry for the earlier version); ``withdrawn_at`` is cleared, as it answered. A release in ``withdrawn``
    (node id -> when it answered 404 or 410) keeps its line, marked with ``withdrawn_at``. When
    :func:`too_many_changed`, no change and no withdrawal goes in: their old lines stay.
    """
    places = _places(fetched)
    not_modified = set(not_modified)
    revision = Revision()
    lines: dict[str, bytes] = {}  # node id -> the revised line of a release the dataset holds
    pending: dict[str, tuple[bytes, dict[str, Any] | None]] = {}  # changed or withdrawn: line, entry
    seen: set[str] = set()
    if dataset.exists():
        with dataset.open("rb") as old_lines, fetched.open("rb") if places else open(os.devnull, "rb") as source:
            for line in old_lines:
                try:
                    old = json.loads(line)
                except ValueError:
                    continue
                node_id = old.get("node_id") if isinstance(old, dict) else None
                if not isinstance(node_id, str) or node_id in seen:
                    continue
                seen.add(node_id)
                if node_id in places:
                    source.seek(places[node_id][0])
                    fresh = json.loads(source.read(places[node_id][1]))
                    revision.rechecked += 1
                    fields = changed_fields(old, fresh)
                    if fields:
                        fresh.update(version=version_of(old) + 1, changed_at=fresh.get("crawled_at"),
                                     withdrawn_at=None)
                        revision.changed.append(node_id)
                        revision.fields[node_id] = fields
                        revision.versions[node_id] = fresh["version"]
                        pending[node_id] = (_dumps(fresh), version_entry(old, fresh, fields))
                    else:
                        fresh.update(version=version_of(old), changed_at=old.get("changed_at"), withdrawn_at=None)
                        lines[node_id] = _dumps(fresh)
                elif node_id in withdrawn:
                    revision.rechecked += 1
                    if not old.get("withdrawn_at"):
                        old["withdrawn_at"] = withdrawn[node_id]
                        revision.withdrawn.append(node_id)
                        pending[node_id] = (_dumps(old), None)
                elif node_id in not_modified:
                    revision.rechecked += 1
    churn = len(revision.changed) + len(revision.withdrawn)
    revision.withheld = too_many_changed(churn, revision.rechecked, max_share, min_rechecked)
    if revision.withheld:
        revision.entries, revision.versions = [], {}
    else:
        lines.update({node_id: line for node_id, (line, _) in pending.items()})
        revision.entries = [entry for _, entry in pending.values() if entry is not None]
    with revised.open("wb") as out:
        if places:
            with fetched.open("rb") as source:
                for node_id, (offset, length) in places.items():
                    if node_id in seen:
                        if node_id in lines:
                            out.write(lines.pop(node_id))
                        continue
                    source.seek(offset)
                    out.write(source.read(length))
        for line in lines.values():  # withdrawn releases, which were not fetched
            out.write(line)
        out.flush()
        os.fsync(out.fileno())
    return revision

