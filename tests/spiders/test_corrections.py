"""Corrections: known releases checked again, changes kept as versions, withdrawals marked, and the guardrail."""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path

import pytest

from osce_scraper.spiders.press_releases import PressReleasesSpider, SpiderArgumentError
from tests.conftest import REPO
from tests.site.releases import MockRelease
from tests.site.server import MockSite
from tests.spiders.test_scheduled_crawls import (
    assert_whole_and_unique,
    dataset_by_node,
    last_run,
    make_scheduled_command,
    run_scheduled,
)

INCREMENTAL = ("-a", "incremental=1")
RECHECK_ALL = ("-a", "incremental=1", "-a", "revisit=all")


def versions_of(workdir: Path) -> list[dict]:
    path = workdir / "versions.jsonl"
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()] if path.exists() else []


def make_edits(site: MockSite) -> dict[str, tuple[str, ...]]:
    """Five releases edited on the site: node id -> the fields the edit changes."""
    releases = site.releases
    edits = {
        releases[2].node_id: (lambda r: dataclasses.replace(r, title=r.title + " (corrected)"), ("title",)),
        releases[11].node_id: (lambda r: dataclasses.replace(r, paragraphs=[*r.paragraphs, "A paragraph added."]),
                               ("text",)),
        releases[25].node_id: (lambda r: dataclasses.replace(r, paragraphs=r.paragraphs[:1]), ("text",)),
        releases[38].node_id: (lambda r: dataclasses.replace(r, sources=("OSCE Mission to Skopje",)), ("source",)),
        releases[50].node_id: (lambda r: dataclasses.replace(r, title="A new title", paragraphs=[
            r.paragraphs[0], "The second paragraph, rewritten.", *r.paragraphs[2:]]), ("title", "text")),
    }
    site.edits = {node_id: edit for node_id, (edit, _) in edits.items()}
    return {node_id: fields for node_id, (_, fields) in edits.items()}


def test_a_bad_revisit_argument_is_named():
    with pytest.raises(SpiderArgumentError, match=r"revisit must be a whole number .* or all, got 'some'"):
        PressReleasesSpider.check_arguments(revisit="some")
    with pytest.raises(SpiderArgumentError, match="revisit and full=1 exclude each other"):
        PressReleasesSpider.check_arguments(revisit="3", full="1")


@pytest.mark.slow
def test_a_bad_revisit_argument_stops_the_crawl_with_status_2(mock_site: MockSite, tmp_path):
    process = run_scheduled(mock_site, tmp_path, "-a", "revisit=-1")
    assert process.returncode == 2
    assert "revisit must be a whole number (known releases to check again) or all, got '-1'" in process.stderr
    assert "Traceback" not in process.stderr and mock_site.requests == []


@pytest.mark.slow
def test_five_releases_edited_give_five_versions_with_the_fields_they_changed(mock_site: MockSite, tmp_path):
    assert run_scheduled(mock_site, tmp_path, *INCREMENTAL).returncode == 0
    before = dataset_by_node(tmp_path)
    edited = make_edits(mock_site)
    process = run_scheduled(mock_site, tmp_path, *RECHECK_ALL)
    assert process.returncode == 0, process.stderr[-3000:]
    entries = versions_of(tmp_path)
    assert {e["node_id"]: tuple(e["changed"]) for e in entries} == edited
    assert all(e["version"] == 1 for e in entries)
    for entry in entries:  # each keeps the old values of what changed
        old = json.loads(before[entry["node_id"]])
        assert entry["old"] == {name: old[name] for name in entry["changed"]}
        if "text" in entry["changed"]:
            assert entry["chars_added"] + entry["chars_removed"] > 0
    after = dataset_by_node(tmp_path)
    assert list(after) == list(before)  # one line per release, in its place
    for node_id in edited:
        record = json.loads(after[node_id])
        assert record["version"] == 2 and record["changed_at"] == record["crawled_at"]
    assert {n: line for n, line in after.items() if n not in edited} == {
        n: line for n, line in before.items() if n not in edited}
    run = last_run(tmp_path)
    assert (run["rechecked"], run["changed"], run["withdrawn"]) == (len(before), 5, 0)
    assert run["unchanged_304"] == len(before) - 5
    # Checked again at once, nothing has changed since: no version is minted twice.
    assert run_scheduled(mock_site, tmp_path, *RECHECK_ALL).returncode == 0
    assert len(versions_of(tmp_path)) == 5 and dataset_by_node(tmp_path) == after


@pytest.mark.slow
def test_a_withdrawn_release_is_kept_and_marked(mock_site: MockSite, tmp_path):
    assert run_scheduled(mock_site, tmp_path, *INCREMENTAL).returncode == 0
    before = dataset_by_node(tmp_path)
    gone = mock_site.releases[30]
    mock_site.gone_paths.add(gone.path)
    process = run_scheduled(mock_site, tmp_path, *RECHECK_ALL)
    assert process.returncode == 0, process.stderr[-3000:]
    after = dataset_by_node(tmp_path)
    assert set(after) == set(before)
    record = json.loads(after[gone.node_id])
    assert record["withdrawn_at"] and record["title"] == json.loads(before[gone.node_id])["title"]
    assert last_run(tmp_path)["withdrawn"] == 1 and versions_of(tmp_path) == []
    assert not (tmp_path / "errors.jsonl").exists()  # a withdrawal is no failure


@pytest.mark.slow
@pytest.mark.parametrize("variant", ["flat", "drupal11"])
def test_the_same_releases_in_another_markup_mint_no_version(tmp_path, variant):
    with MockSite("drupal") as site:
        assert run_scheduled(site, tmp_path, *INCREMENTAL).returncode == 0
    before = {n: json.loads(line) for n, line in dataset_by_node(tmp_path).items()}
    with MockSite(variant) as site:  # the same releases (make_releases is deterministic), another template
        assert {r.node_id for r in site.releases} == set(before)
        process = run_scheduled(site, tmp_path, *RECHECK_ALL)
    assert process.returncode == 0, process.stderr[-3000:]
    assert versions_of(tmp_path) == []
    after = {n: json.loads(line) for n, line in dataset_by_node(tmp_path).items()}
    assert all(after[n].get("version", 1) == 1 and not after[n].get("changed_at") for n in before)
    run = last_run(tmp_path)
    assert (run["rechecked"], run["changed"]) == (len(before), 0)


@pytest.mark.slow
def test_the_guardrail_fails_a_run_where_most_pages_changed_and_mints_nothing(mock_site: MockSite, tmp_path):
    assert run_scheduled(mock_site, tmp_path, *INCREMENTAL).returncode == 0
    before = (tmp_path / "releases.jsonl").read_bytes()
    changed = mock_site.releases[: int(len(mock_site.releases) * 0.8)]

    def garble(release: MockRelease) -> MockRelease:  # an extraction fault: every title reads wrong
        return dataclasses.replace(release, title="Skip to main content " + release.title)

    mock_site.edits = {r.node_id: garble for r in changed}
    process = run_scheduled(mock_site, tmp_path, *RECHECK_ALL)
    assert process.returncode == 3, process.stderr[-3000:]
    [line] = [line for line in process.stderr.splitlines() if line.startswith("check failed: Corrections")]
    assert f"{len(changed)} of the {len(mock_site.releases)} releases re-checked changed" in line
    assert "no version was minted" in line
    assert (tmp_path / "releases.jsonl").read_bytes() == before
    assert versions_of(tmp_path) == []
    run = last_run(tmp_path)
    assert run["versions_withheld"] is True and run["checks_passed"] is False
    # The withheld pages are not taken as checked: their old validators do not hide them behind a 304.
    mock_site.not_modified.clear()
    run_scheduled(mock_site, tmp_path, *RECHECK_ALL)
    assert len(mock_site.not_modified) == len(mock_site.releases) - len(changed)


@pytest.mark.slow
def test_a_conditional_request_answered_304_counts_as_checked_and_unchanged(mock_site: MockSite, tmp_path):
    assert run_scheduled(mock_site, tmp_path, *INCREMENTAL).returncode == 0
    before = (tmp_path / "releases.jsonl").read_bytes()
    mock_site.requests.clear()
    process = run_scheduled(mock_site, tmp_path, *INCREMENTAL, "-a", "revisit=7")
    assert process.returncode == 0, process.stderr[-3000:]
    assert len(mock_site.not_modified) == 7
    assert (tmp_path / "releases.jsonl").read_bytes() == before
    run = last_run(tmp_path)
    assert (run["rechecked"], run["unchanged_304"], run["changed"], run["updated_records"]) == (7, 7, 0, 0)
    # Checked: the next seven are other releases.
    first = set(mock_site.not_modified)
    mock_site.not_modified.clear()
    assert run_scheduled(mock_site, tmp_path, *INCREMENTAL, "-a", "revisit=7").returncode == 0
    assert len(mock_site.not_modified) == 7 and not first & set(mock_site.not_modified)


@pytest.mark.slow
def test_an_unchanged_page_fetched_whole_again_mints_no_version(mock_site: MockSite, tmp_path):
    assert run_scheduled(mock_site, tmp_path, *INCREMENTAL).returncode == 0
    before = (tmp_path / "releases.jsonl").read_bytes()
    mock_site.etags = False  # a 200 every time: the record made again is compared with its line
    process = run_scheduled(mock_site, tmp_path, *RECHECK_ALL)
    assert process.returncode == 0, process.stderr[-3000:]
    assert (tmp_path / "releases.jsonl").read_bytes() == before and versions_of(tmp_path) == []
    run = last_run(tmp_path)
    assert (run["rechecked"], run["unchanged_records"], run["changed"]) == (64, 64, 0)


@pytest.mark.slow
@pytest.mark.parametrize("kill_after_requests", [5, 30, 60])
def test_sigkill_mid_run_doubles_no_version(mock_site: MockSite, tmp_path, kill_after_requests):
    assert run_scheduled(mock_site, tmp_path, *INCREMENTAL).returncode == 0
    edited = make_edits(mock_site)
    mock_site.etags = False  # every re-check is a whole page: the run lasts long enough to be killed
    slow = ["-s", "DOWNLOAD_DELAY=0.03", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1", "-s", "CONCURRENT_REQUESTS=1"]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    mock_site.requests.clear()
    process = subprocess.Popen(make_scheduled_command(mock_site, tmp_path, *RECHECK_ALL, *slow), cwd=REPO, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None and len(mock_site.requests) < kill_after_requests:
        time.sleep(0.005)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert_whole_and_unique(tmp_path)
    finish = run_scheduled(mock_site, tmp_path, *RECHECK_ALL)
    assert finish.returncode == 0, finish.stderr[-3000:]
    records = assert_whole_and_unique(tmp_path)
    assert {r["node_id"] for r in records} == {r.node_id for r in mock_site.releases}
    keys = Counter((e["node_id"], e["version"]) for e in versions_of(tmp_path))
    assert set(keys) == {(node_id, 1) for node_id in edited} and set(keys.values()) == {1}
    assert {r["node_id"] for r in records if r.get("version") == 2} == set(edited)
