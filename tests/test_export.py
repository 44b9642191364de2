import csv
import io
import json
import sys

import pandas as pd
import pyarrow.parquet as pq
import pytest

from osce_scraper.cli import main
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


def make_versions_file(path):
    entries = [{"node_id": "559482", "version": 1, "first_seen": "2026-01-01T00:00:00Z",
                "replaced_at": "2026-02-01T00:00:00Z", "changed": ["title", "text"],
                "old": {"title": "Früher", "text": "Old text."}, "chars_added": 4, "chars_removed": 2},
               {"node_id": "559482", "version": 2, "first_seen": "2026-02-01T00:00:00Z",
                "replaced_at": "2026-03-01T00:00:00Z", "changed": ["source"], "old": {"source": ["OSCE"]},
                "chars_added": 0, "chars_removed": 0}]
    path.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries), "utf-8")
    return entries


def test_export_versions_as_csv_and_parquet(tmp_path):
    entries = make_versions_file(tmp_path / "versions.jsonl")
    assert main(["export", str(tmp_path / "versions.jsonl"), "--versions", "--format", "csv",
                 "-o", str(tmp_path / "versions.csv")]) == 0
    rows = list(csv.DictReader((tmp_path / "versions.csv").open(encoding="utf-8")))
    assert [(r["node_id"], r["version"], r["changed"]) for r in rows] == [
        ("559482", "1", "title; text"), ("559482", "2", "source")]
    assert json.loads(rows[0]["old"]) == entries[0]["old"]
    assert main(["export", str(tmp_path / "versions.jsonl"), "--versions", "--format", "parquet",
                 "-o", str(tmp_path / "versions.parquet")]) == 0
    table = pq.read_table(tmp_path / "versions.parquet").to_pylist()
    assert [row["changed"] for row in table] == [["title", "text"], ["source"]]
    assert table[0]["replaced_at"].isoformat() == "2026-02-01T00:00:00+00:00"


def test_export_versions_refuses_a_dataset_in_one_line(demo_dataset, tmp_path, capsys):
    assert main(["export", str(demo_dataset), "--versions", "--format", "csv", "-o", str(tmp_path / "v.csv")]) == 2
    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1 and "line 1 is not an entry of a versions file" in error[0]
    assert not (tmp_path / "v.csv").exists()


def test_the_dataset_export_has_the_version_columns(demo_dataset, tmp_path):
    export_parquet(demo_dataset, tmp_path / "demo.parquet")
    schema = pq.read_table(tmp_path / "demo.parquet").schema
    assert str(schema.field("version").type) == "int32" and "timestamp" in str(schema.field("changed_at").type)
