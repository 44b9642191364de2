import csv

import pyarrow.parquet as pq
import pytest

from osce_scraper.dataset import load
from osce_scraper.export import check_output_path, export_csv, export_parquet


def test_parquet_keeps_lists_and_nested_officials_typed(demo_dataset, tmp_path):
    out = tmp_path / "demo.parquet"
    assert export_parquet(demo_dataset, out) == 64
    table = pq.read_table(out)
    assert table.num_rows == 64
    assert str(table.schema.field("officials").type).startswith("list<element: struct<name: string")
    assert str(table.schema.field("date").type) == "date32[day]"
    records = load(demo_dataset)
    first = table.slice(0, 1).to_pylist()[0]
    assert first["officials"][0]["name"] == records[0]["officials"][0]["name"]
    assert first["fields_of_work"] == records[0]["fields_of_work"]


def test_csv_joins_lists_and_writes_officials_as_name_and_title(demo_dataset, tmp_path):
    out = tmp_path / "demo.csv"
    assert export_csv(demo_dataset, out) == 64
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    records = load(demo_dataset)
    assert len(rows) == 64
    assert rows[0]["source"] == "; ".join(records[0]["source"])
    official = records[0]["officials"][0]
    assert rows[0]["officials"].startswith(f"{official['name']} ({official['title']})")


def test_output_paths_are_checked(demo_dataset, tmp_path):
    with pytest.raises(ValueError, match="is a folder"):
        check_output_path(tmp_path, demo_dataset)
    with pytest.raises(ValueError, match="is the input file"):
        check_output_path(demo_dataset, demo_dataset)
    with pytest.raises(ValueError, match="does not exist"):
        check_output_path(tmp_path / "no" / "such.csv", demo_dataset)
