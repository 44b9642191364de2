"""The dataset in other formats: Parquet (lists and officials typed) and CSV (flat).

Every writer takes a path or an open stream. A path is written through a temporary file beside it,
renamed over it only when the writing succeeded: a dataset found damaged half-way leaves no
half-written output.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import json
import os
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import IO, Any

import jsonlines

from osce_scraper.dataset import iter_records
from osce_scraper.items import RECORD_FIELDS
from osce_scraper.people import PERSON_FIELDS, people_index, person_row

FORMATS = ("parquet", "csv")


class MissingExtra(RuntimeError):
    """A format that needs a package the installation lacks: what to install."""


def _require_pyarrow() -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise MissingExtra(
            "Parquet needs pyarrow, which is not installed: from a clone of the repository run "
            "pip install -e '.[data]'; from PyPI, pip install 'osce-scraper[data]' (or pip install pyarrow)"
        ) from None


_BATCH = 2000
#: A path, or a stream already open (standard output): what every writer here takes as its output.
Output = str | Path | IO[Any]


@contextlib.contextmanager
def open_output(output: Output, binary: bool = False) -> Iterator[IO[Any]]:
    """A stream to write ``output``: the stream itself, or a temporary file renamed over the path on success.

    On an exception the temporary file is removed and the path is left as it was.
    """
    if not isinstance(output, str | Path):
        yield output
        return
    path = Path(output)
    partial = path.with_name(f".{path.name}.partial")
    try:
        with partial.open("wb") if binary else partial.open("w", encoding="utf-8", newline="") as handle:
            yield handle
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def check_output_path(output: str | Path, *inputs: str | Path) -> Path:
    """An output file path that is safe to write: not a folder, not an input, its folder existing.

    Raises ValueError naming what is wrong.
    """
    path = Path(output)
    if path.exists() and path.is_dir():
        raise ValueError(f"{path} is a folder; give a file name")
    if any(path.resolve() == Path(source).resolve() for source in inputs):
        raise ValueError(f"{path} is the input file; writing it would destroy the dataset")
    if not path.parent.exists():
        raise ValueError(f"the folder {path.parent} does not exist")
    return path


def flatten_record(record: dict[str, Any]) -> dict[str, str]:
    """A record as CSV cells: lists joined with "; ", officials as "Name (Title)".

    >>> flatten_record({"source": ["OSCE Secretariat", "OSCE Mission to Skopje"],
    ...                 "officials": [{"name": "Jan Kubis", "title": "OSCE Secretary General"}],
    ...                 "places": [{"name": "Vienna"}]})["officials"]
    'Jan Kubis (OSCE Secretary General)'
    """
    row: dict[str, str] = {}
    for name in RECORD_FIELDS:
        value = record.get(name)
        if name == "officials":
            row[name] = "; ".join(
                f"{o['name']} ({o['title']})" if o.get("title") else o["name"] for o in value or []
            )
        elif name == "places":
            row[name] = "; ".join(p["name"] for p in value or [])
        elif isinstance(value, list):
            row[name] = "; ".join(str(v) for v in value)
        else:
            row[name] = "" if value is None else str(value)
    return row


def export_csv(source: str | Path, output: Output) -> int:
    """Write the dataset as CSV (UTF-8, header row); returns the number of records.

    Every cell is text, but CSV cannot say so: pandas reads ``node_id`` as a number unless told
    otherwise (``pd.read_csv(path, dtype={"node_id": str})``).
    """
    count = 0
    with open_output(output) as handle:
        writer = csv.DictWriter(handle, fieldnames=list(RECORD_FIELDS))
        writer.writeheader()
        for record in iter_records(source):
            writer.writerow(flatten_record(record))
            count += 1
    return count


def parquet_schema():
    """The Arrow schema of the dataset: lists and nested officials and places typed."""
    import pyarrow as pa

    place = pa.struct([("name", pa.string()), ("country", pa.string()), ("country_code", pa.string()),
                       ("latitude", pa.float64()), ("longitude", pa.float64())])
    official = pa.struct([("name", pa.string()), ("title", pa.string()), ("titles", pa.list_(pa.string())),
                          ("mentions", pa.int32())])
    types = {
        "date": pa.date32(),
        "places": pa.list_(place),
        "source": pa.list_(pa.string()),
        "fields_of_work": pa.list_(pa.string()),
        "officials": pa.list_(official),
        "crawled_at": pa.timestamp("s", tz="UTC"),
        "version": pa.int32(),
        "changed_at": pa.timestamp("s", tz="UTC"),
        "withdrawn_at": pa.timestamp("s", tz="UTC"),
    }
    return pa.schema([(name, types.get(name, pa.string())) for name in RECORD_FIELDS])


def _typed(records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for record in records:
        row = {name: record.get(name) for name in RECORD_FIELDS}
        row["date"] = dt.date.fromisoformat(row["date"]) if row["date"] else None
        for name in ("crawled_at", "changed_at", "withdrawn_at"):
            row[name] = _timestamp(row[name])
        yield row


def _timestamp(value: Any) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None


def export_parquet(source: str | Path, output: Output) -> int:
    """Write the dataset as Parquet in batches (memory stays flat); returns the number of records."""
    _require_pyarrow()
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    count = 0
    rows = _typed(iter_records(source))
    with open_output(output, binary=True) as handle, pq.ParquetWriter(handle, schema) as writer:
        while batch := list(islice(rows, _BATCH)):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count


def write_people(source: str | Path, output: Output, output_format: str = "jsonl") -> int:
    """Write the people index of a dataset file as JSONL or CSV; returns the number of people."""
    index = people_index(iter_records(source))
    with open_output(output) as handle:
        if output_format == "csv":
            writer = csv.DictWriter(handle, fieldnames=list(PERSON_FIELDS))
            writer.writeheader()
            writer.writerows(person_row(entry) for entry in index)
        else:
            jsonlines.Writer(handle).write_all(index)
    return len(index)


#: The versions file's columns (store/versions.py): one earlier version of a release a row.
VERSION_COLUMNS = ("node_id", "version", "first_seen", "replaced_at", "changed", "old", "chars_added", "chars_removed")


def iter_versions(source: str | Path) -> Iterator[dict[str, Any]]:
    """The entries of a versions file; ValueError naming the first line that is not one."""
    with Path(source).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
            except ValueError:
                entry = None
            if not isinstance(entry, dict) or not {"node_id", "version", "changed", "old"} <= entry.keys():
                raise ValueError(f"{source}: line {number} is not an entry of a versions file (node_id, version, "
                                 "changed, old): give the versions file, output/versions.jsonl")
            yield entry


def check_versions_file(source: str | Path) -> None:
    """Raise ValueError, one line, unless ``source`` is a versions file (an empty one is)."""
    path = Path(source)
    if not path.is_file():
        raise ValueError(f"no such versions file: {path}")
    for _ in islice(iter_versions(path), 1):
        pass


def version_row(entry: dict[str, Any]) -> dict[str, Any]:
    """An entry as a flat row: the changed fields joined with "; ", their old values as JSON.

    >>> version_row({"node_id": "1", "version": 1, "changed": ["title"], "old": {"title": "A"}})["old"]
    '{"title": "A"}'
    """
    row = {name: entry.get(name) for name in VERSION_COLUMNS}
    row["changed"] = "; ".join(entry.get("changed") or [])
    row["old"] = json.dumps(entry.get("old") or {}, ensure_ascii=False)
    return row


def export_versions(source: str | Path, output: Output, output_format: str = "csv") -> int:
    """Write a versions file as CSV or Parquet (``changed`` a list, ``old`` the JSON of the old values); returns
    the number of entries."""
    entries = iter_versions(source)
    count = 0
    if output_format == "csv":
        with open_output(output) as handle:
            writer = csv.DictWriter(handle, fieldnames=list(VERSION_COLUMNS))
            writer.writeheader()
            for entry in entries:
                writer.writerow(version_row(entry))
                count += 1
        return count
    _require_pyarrow()
    import pyarrow as pa
    import pyarrow.parquet as pq

    stamp = pa.timestamp("s", tz="UTC")
    schema = pa.schema([("node_id", pa.string()), ("version", pa.int32()), ("first_seen", stamp),
                        ("replaced_at", stamp), ("changed", pa.list_(pa.string())), ("old", pa.string()),
                        ("chars_added", pa.int64()), ("chars_removed", pa.int64())])
    rows = ({**version_row(entry), "changed": list(entry.get("changed") or []),
             "first_seen": _timestamp(entry.get("first_seen")), "replaced_at": _timestamp(entry.get("replaced_at"))}
            for entry in entries)
    with open_output(output, binary=True) as handle, pq.ParquetWriter(handle, schema) as writer:
        while batch := list(islice(rows, _BATCH)):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count
