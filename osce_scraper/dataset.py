"""The dataset for analysis: stream it, load it, or get a pandas DataFrame.

    >>> from osce_scraper import dataset
    >>> frame = dataset.to_dataframe("output/press_releases.jsonl")  # doctest: +SKIP
    >>> frame.groupby(frame["date"].dt.year).size()  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import jsonlines

from osce_scraper.items import RECORD_FIELDS, schema_errors
from osce_scraper.people import PERSON_FIELDS, people_index

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


class _NumberedLines:
    """A file's lines for a jsonlines reader, remembering the number of the last line handed out."""

    def __init__(self, handle: IO[str]) -> None:
        self.handle = handle
        self.number = 0

    def __iter__(self) -> Iterator[str]:
        for number, line in enumerate(self.handle, start=1):
            self.number = number
            yield line


@contextmanager
def _reader(path: str | Path) -> Iterator[tuple[jsonlines.Reader, _NumberedLines]]:
    path = Path(path)
    if not path.is_file():
        raise DatasetError(f"no such dataset file: {path}")
    with path.open(encoding="utf-8") as handle:
        lines = _NumberedLines(handle)
        with jsonlines.Reader(lines) as reader:
            yield reader, lines


def _problem(error: jsonlines.InvalidLineError) -> str:
    return "not a JSON object" if "requested type" in str(error) else f"not JSON: {error.__cause__ or error}"


def iter_records(path: str | Path) -> Iterator[dict[str, Any]]:
    """The records of a JSONL dataset, one at a time (constant memory).

    A line that is not a JSON object raises :class:`DatasetError` naming the line.
    """
    with _reader(path) as (reader, _):
        try:
            yield from reader.iter(type=dict, skip_empty=True)
        except jsonlines.InvalidLineError as error:
            raise DatasetError(f"{path}: line {error.lineno} is {_problem(error)}") from None


def load(path: str | Path) -> list[dict[str, Any]]:
    """Every record of a JSONL dataset, as a list of dicts."""
    return list(iter_records(path))


def validate_file(path: str | Path) -> Iterator[LineProblem]:
    """Every line of a dataset file that is not a record of the schema, with the reasons."""
    with _reader(path) as (reader, lines):
        while True:
            try:
                record = reader.read(type=dict, skip_empty=True)
            except EOFError:
                return
            except jsonlines.InvalidLineError as error:
                yield LineProblem(error.lineno, (_problem(error),))
                continue
            if errors := schema_errors(record):
                yield LineProblem(lines.number, tuple(errors))


def to_dataframe(path: str | Path) -> pandas.DataFrame:
    """The dataset as a pandas DataFrame: ``date`` as datetime64, list fields as Python lists."""
    import pandas as pd

    frame = pd.DataFrame.from_records(list(iter_records(path)), columns=list(RECORD_FIELDS))
    frame["date"] = pd.to_datetime(frame["date"], format="%Y-%m-%d", errors="coerce")
    frame["crawled_at"] = pd.to_datetime(frame["crawled_at"], utc=True, errors="coerce")
    for name in LIST_FIELDS:
        frame[name] = frame[name].map(lambda value: value if isinstance(value, list) else [])
    return frame


def people(path: str | Path) -> pandas.DataFrame:
    """The people index of a dataset as a DataFrame: one row per person across every release
    (``name``, ``variants``, ``titles``, ``first_seen``, ``last_seen``, ``releases``, ``node_ids``)."""
    import pandas as pd

    frame = pd.DataFrame.from_records(people_index(iter_records(path)), columns=list(PERSON_FIELDS))
    for name in ("first_seen", "last_seen"):
        frame[name] = pd.to_datetime(frame[name], format="%Y-%m-%d", errors="coerce")
    return frame
