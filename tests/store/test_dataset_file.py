"""The dataset file's merge: what a run fetched joins the dataset, one line per node id."""

import json
import os

import pytest

from osce_scraper.store import merge_into_dataset


def make_line(node_id: str, title: str = "T", crawled_at: str = "2026-01-01T00:00:00Z") -> bytes:
    return json.dumps({"node_id": node_id, "title": title, "crawled_at": crawled_at}).encode() + b"\n"


def make_files(tmp_path, old: list[bytes], fetched: list[bytes]):
    dataset, partial = tmp_path / "releases.jsonl", tmp_path / "releases.jsonl.partial"
    dataset.write_bytes(b"".join(old))
    partial.write_bytes(b"".join(fetched))
    return dataset, partial


def test_fetched_records_replace_their_lines_in_place_and_new_ones_come_last(tmp_path):
    old = [make_line("1"), make_line("2"), make_line("3")]
    fetched = [make_line("4", crawled_at="2026-02-01T00:00:00Z"), make_line("2", title="Changed"),
               make_line("1", crawled_at="2026-02-01T00:00:00Z")]
    dataset, partial = make_files(tmp_path, old, fetched)
    counts = merge_into_dataset(dataset, partial)
    assert (counts.new, counts.updated, counts.dropped) == (1, 1, 0)
    # "1" says what it said: its old line stays, old crawled_at and all.
    assert dataset.read_bytes() == old[0] + fetched[1] + old[2] + fetched[0]
    assert not (tmp_path / "releases.jsonl.merge").exists()


def test_nothing_fetched_or_nothing_changed_leaves_the_dataset_untouched(tmp_path):
    old = [make_line("1"), make_line("2")]
    dataset, partial = make_files(tmp_path, old, [])
    os.utime(dataset, (1_000_000, 1_000_000))
    assert not merge_into_dataset(dataset, partial, keep=lambda node_id: False).changed
    partial.write_bytes(make_line("2", crawled_at="2026-03-01T00:00:00Z"))
    assert not merge_into_dataset(dataset, partial).changed
    assert dataset.read_bytes() == b"".join(old) and dataset.stat().st_mtime == 1_000_000


def test_records_not_fetched_are_dropped_only_where_keep_says(tmp_path):
    dataset, partial = make_files(tmp_path, [make_line("1"), make_line("2"), make_line("3")], [make_line("1")])
    counts = merge_into_dataset(dataset, partial, keep={"3"}.__contains__)
    assert counts.dropped == 1
    assert [json.loads(line)["node_id"] for line in dataset.read_bytes().splitlines()] == ["1", "3"]


def test_a_merge_that_cannot_be_written_leaves_the_old_dataset(tmp_path, monkeypatch):
    old = [make_line("1")]
    dataset, partial = make_files(tmp_path, old, [make_line("2")])

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        merge_into_dataset(dataset, partial)
    assert dataset.read_bytes() == b"".join(old)
    assert not (tmp_path / "releases.jsonl.merge").exists()


def test_an_unterminated_fetched_line_is_not_merged(tmp_path):
    dataset, partial = make_files(tmp_path, [make_line("1")], [make_line("2"), b'{"node_id": "3", "ti'])
    assert merge_into_dataset(dataset, partial).new == 1
    assert dataset.read_bytes() == make_line("1") + make_line("2")
