"""The dataset for analysis: stream it, load it, or get a pandas DataFrame.

    >>> from osce_scraper import dataset
    >>> frame = dataset.to_dataframe("output/press_releases.jsonl")  # doctest: +SKIP
    >>> frame.groupby(frame["date"].dt.year).size()  # doctest: +SKIP
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from osce_scraper.items import RECORD_FIELDS, schema_errors

if TYPE_CHECKING:
    import pandas

#: Fields that hold lists in every record.
LIST_FIELDS = ("places", "source", "fields_of_work", "officials")


class DatasetError(ValueError):
    """A dataset file that cannot be read, with the file and line at fault."""


@dataclass(frozen=True, slots=True)
class LineProblem:
    """One line of a dataset file that is not a valid record."""

    line: int
    reasons: tuple[str, ...]

    def __str__(self) -> str:
        return f"line {self.line}: " + "; ".join(self.reasons)


def _lines(path: str | Path) -> Iterator[tuple[int, str]]:
    path = Path(path)
    if not path.is_file():
        raise DatasetError(f"no such dataset file: {path}")
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield number, line


def iter_records(path: str | Path) -> Iterator[dict[str, Any]]:
    """The records of a JSONL dataset, one at a time (constant memory).

    A line that is not JSON raises :class:`DatasetError` naming the line.
    """
    for number, line in _lines(path):
        try:
            record = json.loads(line)
        except ValueError as error:
            raise DatasetError(f"{path}: line {number} is not JSON ({error.msg})") from None
        if not isinstance(record, dict):
            raise DatasetError(f"{path}: line {number} is not a JSON object")
        yield record


def load(path: str | Path) -> list[dict[str, Any]]:
    """Every record of a JSONL dataset, as a list of dicts."""
    return list(iter_records(path))


def validate_file(path: str | Path) -> Iterator[LineProblem]:
    """Every line of a dataset file that is not a record of the schema, with the reasons."""
    for number, line in _lines(path):
        try:
            record = json.loads(line)
        except ValueError as error:
            yield LineProblem(number, (f"not JSON: {error.msg}",))
            continue
        if not isinstance(record, dict):
            yield LineProblem(number, ("not a JSON object",))
        elif errors := schema_errors(record):
            yield LineProblem(number, tuple(errors))


def to_dataframe(path: str | Path) -> pandas.DataFrame:
    """The dataset as a pandas DataFrame: ``date`` as datetime64, list fields as Python lists."""
    import pandas as pd

    frame = pd.DataFrame.from_records(list(iter_records(path)), columns=list(RECORD_FIELDS))
    frame["date"] = pd.to_datetime(frame["date"], format="%Y-%m-%d", errors="coerce")
    frame["crawled_at"] = pd.to_datetime(frame["crawled_at"], utc=True, errors="coerce")
    for name in LIST_FIELDS:
        frame[name] = frame[name].map(lambda value: value if isinstance(value, list) else [])
    return frame
