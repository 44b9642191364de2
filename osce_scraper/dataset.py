"""The dataset for analysis: stream it, load it, or get a pandas DataFrame.

    >>> from osce_scraper import dataset
    >>> frame = dataset.to_dataframe("output/press_releases.jsonl")  # doctest: +SKIP
    >>> frame.groupby(frame["date"].dt.year).size()  # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import jsonlines

from osce_scraper import __version__
from osce_scraper.items import RECORD_FIELDS, schema_errors, schema_version
from osce_scraper.people import PERSON_FIELDS, people_index

if TYPE_CHECKING:
    import pandas

#: Fields that hold lists in every record.
LIST_FIELDS = ("places", "source", "fields_of_work", "officials")


class DatasetError(ValueError):
    """A dataset file that cannot be read, with the file and line at fault."""


class NotADataset(DatasetError):
    """A path that names no dataset at all: missing, a folder, a binary file, or lines none of which is a record."""


@dataclass(frozen=True, slots=True)
class LineProblem:
    """One line of a dataset file that is not a valid record."""

    line: int
    reasons: tuple[str, ...]

    def __str__(self) -> str:
        return f"line {self.line}: " + "; ".join(self.reasons)


#: What a line needs to be a release record at all (valid or not): one of these, as a non-empty string.
RECORD_KEYS = ("node_id", "url")
_NOT_A_RECORD = "not a release record (a JSON object with neither node_id nor url)"


def is_release_record(value: Any) -> bool:
    """Whether a parsed JSON line is a release record, valid or not: an object with a ``node_id`` or ``url``.

    >>> is_release_record({"node_id": "376582", "title": "..."}), is_release_record({"id": 3}), is_release_record([1])
    (True, False, False)
    """
    return isinstance(value, dict) and any(isinstance(value.get(key), str) and value[key] for key in RECORD_KEYS)


def _preview(line: bytes) -> str:
    text = line.decode("utf-8", errors="replace").strip()
    return repr(text[:60] + ("…" if len(text) > 60 else ""))


_DATE_RE = re.compile(rb'"date": "(\d{4}-\d\d-\d\d)"')


def dataset_version(path: str | Path) -> dict[str, Any]:
    r"""Which dataset a file holds, for citing it: the software and schema that wrote it, its record count
    and the range of its releases' dates (one pass over the lines, without parsing them).

    >>> import tempfile, pathlib
    >>> file = pathlib.Path(tempfile.mkdtemp()) / "d.jsonl"
    >>> _ = file.write_bytes(b'{"node_id": "1", "date": "2021-03-04"}\n{"node_id": "2", "date": "2019-01-02"}\n')
    >>> version = dataset_version(file)
    >>> version["records"], version["first_date"], version["last_date"]
    (2, '2019-01-02', '2021-03-04')
    """
    records, first, last = 0, None, None
    with contextlib.suppress(OSError), Path(path).open("rb") as handle:
        for line in handle:
            if not line.strip():
                continue
            records += 1
            if match := _DATE_RE.search(line):
                date = match.group(1).decode()
                first = date if first is None or date < first else first
                last = date if last is None or date > last else last
    return {"software": f"osce-scraper {__version__}", "schema": schema_version(), "records": records,
            "first_date": first, "last_date": last}


def check_dataset(path: str | Path, *, allow_empty: bool = False) -> None:
    """Raise :class:`NotADataset`, one line naming the path and what is wrong, unless ``path`` is a dataset.

    A dataset is a file of JSON lines at least one of which is a release record (:func:`is_release_record`);
    damaged lines beside records are the readers' business, line by line. A missing path, a folder, a binary
    file (NUL bytes, and no record), a file of other objects and (unless ``allow_empty``) a file with no line
    at all are refused. Reading stops at the first record, so a dataset costs one line. The crawl's store
    calls it, with ``allow_empty=True``, on a dataset file that exists.
    """
    path = Path(path)
    if not path.exists():
        raise NotADataset(f"no such dataset file: {path}")
    if path.is_dir():
        raise NotADataset(f"{path} is a folder, not a dataset file")
    if not path.is_file():
        raise NotADataset(f"{path} is not a regular file")
    lines, first, nul_at = 0, b"", None
    with path.open("rb") as handle:
        offset = 0
        for line in handle:
            offset += len(line)
            if b"\0" in line:  # never in JSON text: a binary file, or blocks a crash left zeroed
                nul_at = nul_at if nul_at is not None else offset - len(line) + line.index(0)
                lines += 1
                continue
            if not line.strip():
                continue
            lines += 1
            first = first or line
            try:
                if is_release_record(json.loads(line)):
                    return  # damaged lines before a record are the readers' business
            except ValueError:  # not JSON, or not UTF-8 (UnicodeDecodeError is a ValueError)
                pass
    if nul_at is not None:
        raise NotADataset(f"{path} is not a dataset: it is a binary file (a NUL byte at byte {nul_at}), "
                          "not JSON lines")
    if not lines:
        if allow_empty:
            return
        raise NotADataset(f"{path} holds no record: " + ("the file is empty" if not path.stat().st_size
                                                         else "its lines are all blank"))
    raise NotADataset(f"{path} is not a dataset: none of its {lines} line{'s' if lines > 1 else ''} is a release "
                      f"record (a JSON object with a node_id or url); the first is {_preview(first)}")


class _NumberedLines:
    """A file's lines for a jsonlines reader, remembering the number of the last line handed out."""

    def __init__(self, handle: IO[bytes]) -> None:
        self.handle = handle
        self.number = 0

    def __iter__(self) -> Iterator[bytes]:
        for number, line in enumerate(self.handle, start=1):
            self.number = number
            yield line


@contextmanager
def _reader(path: str | Path, allow_empty: bool = True) -> Iterator[tuple[jsonlines.Reader, _NumberedLines]]:
    check_dataset(path, allow_empty=allow_empty)
    # Bytes, so that a line that is not UTF-8 is a damaged line the reader names, not a decoding error.
    with Path(path).open("rb") as handle:
        lines = _NumberedLines(handle)
        with jsonlines.Reader(lines) as reader:
            yield reader, lines


def _problem(error: jsonlines.InvalidLineError) -> str:
    if "requested type" in str(error):
        return "not a JSON object"
    if "utf-8" in str(error):
        return "not UTF-8 text"
    return f"not JSON: {error.__cause__ or error}"


def iter_records(path: str | Path) -> Iterator[dict[str, Any]]:
    """The records of a JSONL dataset, one at a time (constant memory).

    A path that is no dataset raises :class:`NotADataset`; a line that is not a release record raises
    :class:`DatasetError` naming the line.
    """
    with _reader(path) as (reader, lines):
        try:
            for record in reader.iter(type=dict, skip_empty=True):
                if not is_release_record(record):
                    raise DatasetError(f"{path}: line {lines.number} is {_NOT_A_RECORD}")
                yield record
        except jsonlines.InvalidLineError as error:
            raise DatasetError(f"{path}: line {error.lineno} is {_problem(error)}") from None


def load(path: str | Path) -> list[dict[str, Any]]:
    """Every record of a JSONL dataset, as a list of dicts."""
    return list(iter_records(path))


def validate_file(path: str | Path) -> Iterator[LineProblem]:
    """Every line of a dataset file that is not a record of the schema, with the reasons.

    A path that is no dataset, an empty file included, raises :class:`NotADataset` before any line is judged.
    """
    with _reader(path, allow_empty=False) as (reader, lines):
        while True:
            try:
                record = reader.read(type=dict, skip_empty=True)
            except EOFError:
                return
            except jsonlines.InvalidLineError as error:
                yield LineProblem(error.lineno, (_problem(error),))
                continue
            if not is_release_record(record):
                yield LineProblem(lines.number, (_NOT_A_RECORD,))
            elif errors := schema_errors(record):
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
