import json
import re

import pytest

from osce_scraper import dataset
from tests.conftest import REPO


def test_iter_records_streams_and_load_lists(demo_dataset):
    records = dataset.load(demo_dataset)
    assert len(records) == 64
    assert next(dataset.iter_records(demo_dataset)) == records[0]


def test_to_dataframe_types_dates_and_keeps_lists(demo_dataset):
    frame = dataset.to_dataframe(demo_dataset)
    assert str(frame["date"].dtype).startswith("datetime64")
    assert all(isinstance(value, list) for value in frame["fields_of_work"])
    assert isinstance(frame["officials"].iloc[0][0], dict)
    assert frame["date"].dt.year.min() >= 2021


def test_a_bad_line_is_named(tmp_path):
    path = tmp_path / "broken.jsonl"
    path.write_text('{"url": "x"}\n{not json\n', "utf-8")
    with pytest.raises(dataset.DatasetError, match="line 2 is not JSON"):
        dataset.load(path)
    with pytest.raises(dataset.DatasetError, match="no such dataset file"):
        dataset.load(tmp_path / "missing.jsonl")


def test_validate_file_reports_line_numbers_and_reasons(demo_dataset, tmp_path):
    lines = demo_dataset.read_text("utf-8").splitlines()
    broken = json.loads(lines[1])
    broken["date"] = "29 March 2018"
    del broken["title"]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([lines[0], json.dumps(broken), "[1, 2]", '{"cut": '][:4]) + "\n", "utf-8")
    problems = list(dataset.validate_file(path))
    assert [p.line for p in problems] == [2, 3, 4]
    assert any("title" in reason for reason in problems[0].reasons)
    assert any(reason.startswith("date:") for reason in problems[0].reasons)


def readme_python_blocks() -> list[str]:
    readme = (REPO / "README.md").read_text("utf-8")
    return re.findall(r"```python\n(.*?)```", readme, re.S)


def test_readme_has_pandas_and_duckdb_examples():
    blocks = readme_python_blocks()
    assert any("to_dataframe" in block for block in blocks)
    assert any("duckdb" in block for block in blocks)


@pytest.mark.parametrize("index", range(len(readme_python_blocks())))
def test_readme_examples_run_on_the_demo_output(index, demo_dataset, capsys):
    code = readme_python_blocks()[index].replace("output/demo.jsonl", str(demo_dataset))
    exec(compile(code, f"README.md python block {index + 1}", "exec"), {})
    assert capsys.readouterr().out.strip()
