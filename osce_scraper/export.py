"""The dataset in other formats: Parquet (lists and officials typed) and CSV (flat)."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

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
            "Parquet needs pyarrow, which is not installed: pip install 'osce-scraper[data]' (or pip install pyarrow)"
        ) from None
_BATCH = 2000


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


def export_csv(source: str | Path, output: str | Path) -> int:
    """Write the dataset as CSV (UTF-8, header row); returns the number of records."""
    count = 0
    with Path(output).open("w", encoding="utf-8", newline="") as handle:
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
    }
    return pa.schema([(name, types.get(name, pa.string())) for name in RECORD_FIELDS])


def _typed(records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for record in records:
        row = {name: record.get(name) for name in RECORD_FIELDS}
        row["date"] = dt.date.fromisoformat(row["date"]) if row["date"] else None
        if row["crawled_at"]:
            row["crawled_at"] = dt.datetime.fromisoformat(row["crawled_at"].replace("Z", "+00:00"))
        yield row


def export_parquet(source: str | Path, output: str | Path) -> int:
    """Write the dataset as Parquet in batches (memory stays flat); returns the number of records."""
    _require_pyarrow()
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    count = 0
    rows = _typed(iter_records(source))
    with pq.ParquetWriter(str(output), schema) as writer:
        while batch := list(islice(rows, _BATCH)):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count


def write_people(source: str | Path, output: str | Path, output_format: str = "jsonl") -> int:
    """Write the people index of a dataset file as JSONL or CSV; returns the number of people."""
    index = people_index(iter_records(source))
    if output_format == "csv":
        with Path(output).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(PERSON_FIELDS))
            writer.writeheader()
            writer.writerows(person_row(entry) for entry in index)
    else:
        with jsonlines.open(output, mode="w") as writer:
            writer.write_all(index)
    return len(index)
