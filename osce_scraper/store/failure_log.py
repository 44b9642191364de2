"""The errors file: one JSON line per page that failed for good (``OSCE_ERRORS_PATH``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from osce_scraper.exporters import append_json_lines


class FailureLog:
    """Appends one JSON line per page that failed for good."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def record(self, entry: dict[str, Any]) -> None:
        append_json_lines(self.path, [entry])
