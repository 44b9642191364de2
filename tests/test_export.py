import csv
import io
import sys

import pandas as pd
import pyarrow.parquet as pq
import pytest

from osce_scraper.dataset import DatasetError, load
from osce_scraper.export import MissingExtra, check_output_path, export_csv, export_parquet
from tests.conftest import REPO


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


def test_csv_to_a_stream_and_a_failed_export_leaves_no_file(demo_dataset, tmp_path):
    stream = io.StringIO()
    assert export_csv(demo_dataset, stream) == 64
    assert len(list(csv.DictReader(io.StringIO(stream.getvalue())))) == 64
    damaged = tmp_path / "damaged.jsonl"
    damaged.write_text(demo_dataset.read_text("utf-8") + '{"id": 1}\n', "utf-8")
    out = tmp_path / "out.csv"
    out.write_text("an earlier export\n", "utf-8")
    with pytest.raises(DatasetError, match="line 65 is not a release record"):
        export_csv(damaged, out)
    assert out.read_text("utf-8") == "an earlier export\n" and sorted(tmp_path.iterdir()) == [damaged, out]


def test_the_parquet_hint_says_what_to_run_from_a_clone_and_from_pypi(demo_dataset, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # an installation without the [data] extra
    with pytest.raises(MissingExtra) as raised:
        export_parquet(demo_dataset, tmp_path / "out.parquet")
    assert "pip install -e '.[data]'" in str(raised.value) and "pip install 'osce-scraper[data]'" in str(raised.value)


NODE_ID_DTYPE = 'dtype={"node_id": str}'


def test_the_csv_export_read_by_pandas_keeps_node_ids_as_the_dataset_has_them(demo_dataset, tmp_path):
    out = tmp_path / "demo.csv"
    export_csv(demo_dataset, out)
    node_ids = [record["node_id"] for record in load(demo_dataset)]
    # CSV cannot say a column is text: pandas guesses integers, so the docs say how to read it.
    assert list(pd.read_csv(out)["node_id"]) != node_ids
    assert list(pd.read_csv(out, dtype={"node_id": str})["node_id"]) == node_ids
    for doc in (REPO / "README.md", REPO / "docs" / "dataset.md"):
        assert NODE_ID_DTYPE in doc.read_text("utf-8"), doc
