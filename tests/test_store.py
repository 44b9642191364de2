"""The dataset store alone: repair, quarantine, refusals, a damaged state, the lock, the exporter."""

import json
import os
import subprocess
import sys

import pytest

from osce_scraper.exporters import DatasetExporter
from osce_scraper.store import (
    CheckWindow,
    CrawlState,
    DatasetLocked,
    RunLock,
    RunRefused,
    check_jsonl_path,
    repair_dataset,
)


def make_record_line(node_id: str) -> bytes:
    return json.dumps({"node_id": node_id, "title": "T"}).encode() + b"\n"


def make_dataset(path, node_ids, tail=b""):
    path.write_bytes(b"".join(make_record_line(n) for n in node_ids) + tail)


def test_a_partial_last_line_is_cut_and_the_rest_kept(tmp_path):
    path = tmp_path / "releases.jsonl"
    make_dataset(path, ["101", "102"], tail=b'{"node_id": "103", "ti')
    assert repair_dataset(path).node_ids == {"101", "102"}
    assert path.read_bytes() == make_record_line("101") + make_record_line("102")
    assert not (tmp_path / "releases.jsonl.quarantine").exists()


def test_damaged_lines_are_moved_to_quarantine_and_every_record_stays(tmp_path):
    path = tmp_path / "releases.jsonl"
    lines = [make_record_line(str(n)) for n in range(100, 110)]
    lines[3] = b"\n"
    lines[6] = b'{"node_id": "106", "tit\n'
    path.write_bytes(b"".join(lines) + b'{"node_id": "1')
    scan = repair_dataset(path)
    assert scan.node_ids == {str(n) for n in range(100, 110)} - {"103", "106"}
    assert path.read_bytes() == b"".join(line for i, line in enumerate(lines) if i not in (3, 6))
    moved = [json.loads(line) for line in (tmp_path / "releases.jsonl.quarantine").read_text("utf-8").splitlines()]
    assert [(m["line"], m["text"]) for m in moved] == [(4, ""), (7, '{"node_id": "106", "tit')]


def test_a_file_with_no_record_is_refused_untouched(tmp_path):
    path = tmp_path / "other.jsonl"
    content = b"".join(json.dumps({"id": n, "name": "x"}).encode() + b"\n" for n in range(50))
    path.write_bytes(content)
    with pytest.raises(RunRefused, match="not a dataset: none of its 50 lines is a release record"):
        repair_dataset(path)
    assert path.read_bytes() == content


def test_a_missing_dataset_is_empty(tmp_path):
    assert repair_dataset(tmp_path / "none.jsonl").node_ids == set()


@pytest.mark.parametrize("content", [b"<html>not json</html>\n", b"[1, 2]\n"])
def test_runs_and_errors_files_that_are_not_ours_are_refused(tmp_path, content):
    path = tmp_path / "runs.jsonl"
    path.write_bytes(content)
    with pytest.raises(RunRefused, match="OSCE_RUNS_PATH names"):
        check_jsonl_path(path, "OSCE_RUNS_PATH")
    path.write_bytes(b'{"start": "2026-01-01"}\n')
    check_jsonl_path(path, "OSCE_RUNS_PATH")


def test_a_state_of_random_bytes_is_moved_aside_and_rebuilt(tmp_path, caplog):
    path = tmp_path / "state.sqlite"
    path.write_bytes(os.urandom(4096).replace(b"\n", b"\x00") + b"\xff\xfe")
    state = CrawlState.open_or_rebuild(path)
    assert state.failed_pages() == []
    assert (tmp_path / "state.sqlite.damaged").exists()
    assert "damaged" in caplog.text


def test_a_sqlite_state_with_a_damaged_body_is_rebuilt(tmp_path):
    path = tmp_path / "state.sqlite"
    CrawlState(path).close()
    data = bytearray(path.read_bytes())
    data[100:] = b"\x00\x13" * ((len(data) - 100) // 2)
    path.write_bytes(bytes(data))
    CrawlState.open_or_rebuild(path).mark_failed("https://www.osce.org/cio/1", "1", None, "503")


def test_a_text_file_given_as_the_state_is_refused(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("my notes\n", "utf-8")
    with pytest.raises(RunRefused, match="holds text"):
        CrawlState.open_or_rebuild(path)
    assert path.read_text("utf-8") == "my notes\n"


def test_state_remembers_failures_flags_and_the_window(tmp_path):
    state = CrawlState(tmp_path / "state.sqlite")
    state.mark_failed("https://www.osce.org/cio/12345", "12345", {"url": "x", "node_id": "12345", "title": "T"}, "503")
    assert state.failed_pages() == [("https://www.osce.org/cio/12345", {"url": "x", "node_id": "12345", "title": "T"})]
    state.clear_failed(["12345"])
    assert state.failed_pages() == []
    state.note_pages((str(n), ["Source:"] if n % 2 else [], ["title"]) for n in range(5))
    state.trim_recent_pages(3)
    state.set("listing_complete", "1")
    state.close()
    again = CrawlState(tmp_path / "state.sqlite")
    assert again.get("listing_complete") == "1"
    assert again.recent_pages(10) == [("4", [], ["title"]), ("3", ["Source:"], ["title"]), ("2", [], ["title"])]


def test_a_second_lock_on_the_same_dataset_is_refused_and_a_dead_holder_never_blocks(tmp_path):
    dataset = tmp_path / "releases.jsonl"
    first = RunLock(dataset)
    first.acquire()
    with pytest.raises(DatasetLocked, match=f"pid {os.getpid()}"):
        RunLock(dataset).acquire()
    first.release()
    # A holder killed while holding it: the operating system releases the lock.
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time; from pathlib import Path; "
                               "from osce_scraper.store import RunLock; RunLock(Path(sys.argv[1])).acquire(); "
                               "print('held', flush=True); time.sleep(60)", str(dataset)], stdout=subprocess.PIPE)
    assert holder.stdout.readline().strip() == b"held"
    with pytest.raises(DatasetLocked):
        RunLock(dataset).acquire()
    holder.kill()
    holder.wait()
    RunLock(dataset).acquire()


def test_each_record_is_one_write_call_of_a_whole_line(tmp_path, monkeypatch):
    path = tmp_path / "releases.jsonl"
    exporter = DatasetExporter(path)
    calls = []
    real_write = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: calls.append(data) or real_write(fd, data))
    exporter.export_item({"node_id": "7", "title": "Ohrid – “quoted”"})
    exporter.export_item({"node_id": "8", "title": "Skopje"})
    exporter.close()
    assert [json.loads(call) for call in calls] == [{"node_id": "7", "title": "Ohrid – “quoted”"},
                                                   {"node_id": "8", "title": "Skopje"}]
    assert all(call.endswith(b"\n") and call.count(b"\n") == 1 for call in calls)


def test_a_write_cut_short_by_a_full_disk_is_taken_back(tmp_path, monkeypatch):
    path = tmp_path / "releases.jsonl"
    exporter = DatasetExporter(path)
    exporter.export_item({"node_id": "7", "title": "Ohrid"})
    real_write = os.write

    def full_disk(fd: int, data: bytes) -> int:
        if len(data) > 10:
            return real_write(fd, data[:10])  # the disk fills up in the middle of the line
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "write", full_disk)
    with pytest.raises(OSError, match="No space"):
        exporter.export_item({"node_id": "8", "title": "Skopje"})
    monkeypatch.setattr(os, "write", real_write)
    exporter.close()
    assert path.read_bytes() == b'{"node_id": "7", "title": "Ohrid"}\n'


def test_a_run_longer_than_the_window_is_judged_on_all_its_pages():
    window = CheckWindow(3, earlier=[("2", ["Source:"], ["title"]), ("1", ["Source:"], ["title"])])
    window.page_read("3", [])
    assert len(window.pages()) == 3  # a small run: the last three pages over every run
    for node in ("4", "5", "6"):
        window.page_read(node, [])
    assert window.pages() == [([], None)] * 4  # a long run: every page of its own
