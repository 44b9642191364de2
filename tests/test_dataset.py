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


def make_other_objects(path, count: int = 50):
    """A JSON lines file of somebody else's objects: valid JSON, no release record among them."""
    path.write_text("".join(json.dumps({"id": i, "name": f"item {i}"}) + "\n" for i in range(count)), "utf-8")
    return path


def make_not_a_dataset(kind: str, tmp_path):
    """A path that is no dataset: a file of other objects, a binary file, a folder, a missing file."""
    if kind == "other objects":
        return make_other_objects(tmp_path / "other.jsonl")
    if kind == "binary":
        path = tmp_path / "program.jsonl"
        path.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8)
        return path
    if kind == "folder":
        (tmp_path / "folder.jsonl").mkdir()
        return tmp_path / "folder.jsonl"
    return tmp_path / "missing.jsonl"


NOT_A_DATASET = {"other objects": "none of its 50 lines is a release record", "binary": "binary",
                 "folder": "folder", "missing": "no such dataset file"}


@pytest.mark.parametrize("kind", NOT_A_DATASET)
def test_check_dataset_names_the_path_and_what_is_wrong(kind, tmp_path):
    path = make_not_a_dataset(kind, tmp_path)
    with pytest.raises(dataset.NotADataset) as raised:
        dataset.check_dataset(path)
    message = str(raised.value)
    assert str(path) in message and NOT_A_DATASET[kind] in message and "\n" not in message
    with pytest.raises(dataset.NotADataset):  # the readers refuse it too, before yielding anything
        next(dataset.iter_records(path))


def test_an_empty_file_holds_no_record(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_text("\n  \n", "utf-8")
    with pytest.raises(dataset.NotADataset, match="holds no record"):
        dataset.check_dataset(path)
    dataset.check_dataset(path, allow_empty=True)  # the crawl's store starts a dataset from an empty file
    assert dataset.load(path) == []


def test_a_dataset_with_damaged_lines_is_still_a_dataset(demo_dataset, tmp_path):
    lines = demo_dataset.read_text("utf-8").splitlines()
    path = tmp_path / "damaged.jsonl"
    zeroed = b"\0" * 4096 + b"\n"  # a block a crash left zeroed: not JSON, but no binary file either
    path.write_bytes(b"{cut\n" + b'{"other": 1}\n' + b"\xff\xfe not text\n" + zeroed
                     + "\n".join(lines[:3]).encode() + b"\n")
    dataset.check_dataset(path)
    assert [p.line for p in dataset.validate_file(path)] == [1, 2, 3, 4]
    reasons = [p.reasons[0] for p in dataset.validate_file(path)]
    assert reasons[1].startswith("not a release record") and reasons[2].startswith("not UTF-8")
    assert reasons[3].startswith("not JSON")
    with pytest.raises(dataset.DatasetError, match="line 1 is not JSON"):
        dataset.load(path)


def test_a_line_of_another_object_or_not_utf8_is_named_by_the_readers(demo_dataset, tmp_path):
    first = demo_dataset.read_text("utf-8").splitlines()[0]
    for tail, problem in ((b'{"id": 3}\n', "line 2 is not a release record"), (b"\xff\n", "line 2 is not UTF-8")):
        path = tmp_path / "tail.jsonl"
        path.write_bytes(first.encode() + b"\n" + tail)
        with pytest.raises(dataset.DatasetError, match=problem):
            dataset.load(path)


@pytest.mark.parametrize(("value", "expected"), [({"node_id": "1"}, True), ({"url": "https://www.osce.org/x/1"}, True),
                                                 ({"id": 1}, False), ({"node_id": ""}, False), ([1], False)])
def test_is_release_record(value, expected):
    assert dataset.is_release_record(value) is expected
