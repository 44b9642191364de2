import json

from osce_scraper.state import CrawlState, DatasetAppender, repair_dataset


def make_dataset(path, node_ids, tail=b""):
    lines = b"".join(json.dumps({"node_id": n, "title": "T"}).encode() + b"\n" for n in node_ids)
    path.write_bytes(lines + tail)


def test_a_partial_last_line_is_cut_and_the_rest_kept(tmp_path):
    path = tmp_path / "releases.jsonl"
    make_dataset(path, ["101", "102"], tail=b'{"node_id": "103", "ti')
    assert repair_dataset(path) == {"101", "102"}
    assert path.read_bytes().endswith(b"\n") and path.read_bytes().count(b"\n") == 2


def test_a_damaged_line_cuts_the_file_there(tmp_path):
    path = tmp_path / "releases.jsonl"
    make_dataset(path, ["101"], tail=b"garbage\n" + json.dumps({"node_id": "104"}).encode() + b"\n")
    assert repair_dataset(path) == {"101"}


def test_a_missing_dataset_is_empty(tmp_path):
    assert repair_dataset(tmp_path / "none.jsonl") == set()


def test_appends_are_whole_lines(tmp_path):
    path = tmp_path / "releases.jsonl"
    appender = DatasetAppender(path)
    appender.append({"node_id": "7", "title": "Ohrid – “quoted”"})
    appender.close()
    assert json.loads(path.read_text("utf-8")) == {"node_id": "7", "title": "Ohrid – “quoted”"}


def test_state_remembers_exports_failures_and_flags(tmp_path):
    state = CrawlState(tmp_path / "state.sqlite")
    state.mark_failed("https://www.osce.org/cio/12345", "12345", {"url": "x", "node_id": "12345", "title": "T"}, "503")
    assert state.failed_pages() == [("https://www.osce.org/cio/12345", {"url": "x", "node_id": "12345", "title": "T"})]
    state.mark_exported("12345")
    assert state.failed_pages() == [] and state.exported_ids() == {"12345"}
    state.replace_exported(["1", "2"])
    state.set("listing_complete", "1")
    state.close()
    again = CrawlState(tmp_path / "state.sqlite")
    assert again.exported_ids() == {"1", "2"} and again.get("listing_complete") == "1"
