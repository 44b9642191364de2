"""Versions of a release (store/versions.py) and the re-check schedule (store/recheck.py), without a crawl."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from osce_scraper.store.crawl_state import CrawlState
from osce_scraper.store.dataset_file import merge_into_dataset, record_digest
from osce_scraper.store.recheck import Known, choose_due, known_releases, recheck_interval
from osce_scraper.store.versions import VersionsFile, changed_fields, revise, text_churn, too_many_changed


def make_record(node_id: str, **values) -> dict:
    record = {"url": f"https://www.osce.org/cio/{node_id}", "node_id": node_id, "content_type": "Press release",
              "title": f"Release {node_id}", "date": "2024-05-01", "date_raw": "1 May 2024", "dateline": None,
              "place": "Vienna", "places": [], "source": ["OSCE Secretariat"], "fields_of_work": [], "officials": [],
              "text": f"VIENNA, 1 May 2024 – The OSCE said {node_id} things.", "language": "en",
              "crawled_at": "2026-01-01T00:00:00Z", "warc_file": None, "warc_record_id": None, "payload_digest": None}
    return {**record, **values}


def make_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


def make_revision(tmp_path: Path, old: list[dict], fetched: list[dict], **options):
    dataset = make_jsonl(tmp_path / "releases.jsonl", old)
    partial = make_jsonl(tmp_path / "fetched.jsonl", fetched)
    revised = tmp_path / "revised.jsonl"
    arguments = {"withdrawn": {}, "not_modified": [], "max_share": 0.5, "min_rechecked": 10, **options}
    return dataset, revised, revise(dataset, partial, revised, **arguments)


def test_only_what_a_release_says_is_a_change():
    old = make_record("1")
    markup = {**old, "url": "http://127.0.0.1:9/cio/1", "date_raw": "2024-05-01", "crawled_at": "2026-02-01T00:00:00Z",
              "payload_digest": "sha1:" + "A" * 32}
    assert changed_fields(old, markup) == []
    assert changed_fields(old, {**old, "title": "Corrected", "source": ["OSCE Mission to Skopje"]}) == [
        "title", "source"]


def test_text_churn_counts_characters_added_and_removed():
    assert text_churn("The OSCE said ten.", "The OSCE said eleven.") == (6, 3)
    assert text_churn("same", "same") == (0, 0)


def test_a_line_written_before_versions_were_kept_says_what_a_version_1_says():
    old = make_record("1")
    assert record_digest(old) == record_digest({**old, "version": 1, "changed_at": None, "withdrawn_at": None})
    assert record_digest(old) != record_digest({**old, "withdrawn_at": "2026-03-01T00:00:00Z"})


def test_a_changed_release_becomes_version_2_and_its_earlier_version_is_kept(tmp_path):
    old = [make_record(str(n)) for n in range(1, 13)]
    fetched = [{**r, "crawled_at": "2026-02-01T00:00:00Z", "version": 1, "changed_at": None, "withdrawn_at": None}
               for r in old]
    fetched[3]["title"] = "A corrected title"
    fetched[5]["text"] += " And more."
    dataset, revised, revision = make_revision(tmp_path, old, fetched)
    assert not revision.withheld and revision.rechecked == 12
    assert revision.fields == {"4": ["title"], "6": ["text"]}
    assert [(e["node_id"], e["version"], e["old"]) for e in revision.entries] == [
        ("4", 1, {"title": "Release 4"}), ("6", 1, {"text": old[5]["text"]})]
    assert revision.entries[1]["chars_added"] == len(" And more.") and revision.entries[1]["chars_removed"] == 0
    before = dataset.read_bytes().splitlines()
    merge_into_dataset(dataset, revised)
    after = [json.loads(line) for line in dataset.read_bytes().splitlines()]
    assert [(r["node_id"], r.get("version"), r.get("changed_at")) for r in after if r.get("version") == 2] == [
        ("4", 2, "2026-02-01T00:00:00Z"), ("6", 2, "2026-02-01T00:00:00Z")]
    unchanged = [n for n in range(12) if n not in (3, 5)]
    assert [dataset.read_bytes().splitlines()[n] for n in unchanged] == [before[n] for n in unchanged]


def test_too_many_changes_at_once_mint_no_version_and_keep_the_old_lines(tmp_path):
    old = [make_record(str(n)) for n in range(1, 13)]
    fetched = [{**r, "title": r["title"] + " (new template)"} for r in old[:8]] + old[8:]
    dataset, revised, revision = make_revision(tmp_path, old, fetched)
    assert revision.withheld and revision.entries == [] and len(revision.changed) == 8
    before = dataset.read_bytes()
    merge_into_dataset(dataset, revised)
    assert dataset.read_bytes() == before
    assert too_many_changed(8, 12, 0.5, 10) and not too_many_changed(8, 9, 0.5, 10)


def test_a_withdrawn_release_keeps_its_line_marked(tmp_path):
    old = [make_record("1"), make_record("2")]
    dataset, revised, revision = make_revision(tmp_path, old, [], withdrawn={"2": "2026-03-01T00:00:00Z"})
    assert revision.withdrawn == ["2"] and revision.entries == []
    merge_into_dataset(dataset, revised)
    records = [json.loads(line) for line in dataset.read_text("utf-8").splitlines()]
    assert [(r["node_id"], r.get("withdrawn_at")) for r in records] == [("1", None), ("2", "2026-03-01T00:00:00Z")]


def test_a_kill_between_the_versions_and_the_dataset_writes_no_version_twice(tmp_path):
    old = [make_record(str(n)) for n in range(1, 11)]
    fetched = [{**r, "text": r["text"] + " Corrected."} if r["node_id"] in {"2", "7"} else r for r in old]
    versions = VersionsFile(tmp_path / "versions.jsonl")
    for _ in range(2):  # the first run is killed after writing its versions, before the dataset's merge
        dataset, revised, revision = make_revision(tmp_path, old, fetched)
        versions.add(revision.entries)
    merge_into_dataset(dataset, revised)
    _, _, again = make_revision(tmp_path, [json.loads(line) for line in dataset.read_text("utf-8").splitlines()],
                                fetched)
    assert versions.add(again.entries) == 0 and again.changed == []
    entries = [json.loads(line) for line in versions.path.read_text("utf-8").splitlines()]
    assert sorted((e["node_id"], e["version"]) for e in entries) == [("2", 1), ("7", 1)]


def test_a_versions_file_cut_mid_line_is_repaired_before_the_next_append(tmp_path):
    versions = VersionsFile(tmp_path / "versions.jsonl")
    versions.add([{"node_id": "1", "version": 1}])
    with versions.path.open("ab") as handle:
        handle.write(b'{"node_id": "2", "vers')
    assert versions.add([{"node_id": "2", "version": 1}]) == 1
    assert [json.loads(line) for line in versions.path.read_text("utf-8").splitlines()] == [
        {"node_id": "1", "version": 1}, {"node_id": "2", "version": 1}]


@pytest.mark.parametrize(("younger", "older"), [(dt.timedelta(hours=1), dt.timedelta(hours=5)),
                                                (dt.timedelta(days=2), dt.timedelta(days=20)),
                                                (dt.timedelta(days=100), dt.timedelta(days=900))])
def test_releases_that_changed_long_ago_are_checked_less_often(younger, older):
    assert recheck_interval(younger) < recheck_interval(older)


def test_the_budget_takes_the_most_overdue_and_never_all_at_once():
    now = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
    day = dt.timedelta(days=1)
    known = [Known(str(n), f"u{n}", last_checked=now - day, last_changed=now - 2 * day) for n in range(5)]
    known += [Known(str(n), f"u{n}", last_checked=now - 2 * day, last_changed=now - 2000 * day) for n in range(5, 50)]
    known.append(Known("old", "u", last_checked=now - 500 * day, last_changed=now - 3000 * day))
    chosen = choose_due(known, now, 3)
    assert [k.node_id for k in chosen] == ["0", "1", "2"]
    assert {k.node_id for k in choose_due(known, now, 50)} == {"0", "1", "2", "3", "4", "old"}


def test_the_schedule_starts_from_the_dataset_and_the_state_keeps_validators(tmp_path):
    dataset = make_jsonl(tmp_path / "releases.jsonl", [
        make_record("1"), make_record("2", version=3, changed_at="2026-01-20T00:00:00Z")])
    known = known_releases(dataset)
    assert known["1"].last_changed == dt.datetime(2024, 5, 1, tzinfo=dt.UTC)
    assert (known["2"].version, known["2"].last_changed.day) == (3, 20)
    state = CrawlState(tmp_path / "state.sqlite")
    state.note_checks([{"node_id": "1", "last_checked": "2026-02-01T00:00:00Z", "etag": '"abc"'}])
    state.note_checks([{"node_id": "1", "last_modified": "Sun, 01 Feb 2026 00:00:00 GMT"}])
    row = state.schedule()["1"]
    assert (row["etag"], row["last_modified"], row["last_checked"]) == (
        '"abc"', "Sun, 01 Feb 2026 00:00:00 GMT", "2026-02-01T00:00:00Z")
    state.close()
