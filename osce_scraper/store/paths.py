"""Path checks: a path given for one of the project's files must name a file, and not somebody else's."""

from __future__ import annotations

import json
from pathlib import Path

from osce_scraper.store.refusals import RunRefused


def preview_line(line: bytes) -> str:
    """A line as a short quoted preview, for a message that names it.

    >>> preview_line(b'{"id": 0}\\n')
    '\\'{"id": 0}\\''
    """
    text = line.decode("utf-8", errors="replace").strip()
    return repr(text[:60] + ("…" if len(text) > 60 else ""))


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
                     f"(its first line is {preview_line(first)}): give another path")
