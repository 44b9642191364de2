"""The errors file: one JSON line per page that failed for good (``OSCE_ERRORS_PATH``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonlines


class FailureLog:
    """Appends one JSON line per page that failed for good."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def record(self, entry: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with jsonlines.open(self.path, mode="a") as out:
            out.write(entry)
