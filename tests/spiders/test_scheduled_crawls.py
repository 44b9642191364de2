"""Incremental runs, kills at any moment, full re-crawls, the HTTP cache, and run checks."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import FAST_CRAWL, REPO
from tests.site.releases import make_releases
from tests.site.server import MockSite

pytestmark = pytest.mark.slow


def make_scheduled_command(site: MockSite, workdir: Path, *args: str) -> list[str]:
    """`scrapy crawl` as cron runs it: no feed on the command line, dataset and state under ``workdir``."""
    return [
        sys.executable, "-m", "scrapy", "crawl", "press_releases", "-a", f"base_url={site.base_url}",
        "-s", f"OSCE_DATASET_PATH={workdir / 'releases.jsonl'}", "-s", f"OSCE_STATE_PATH={workdir / 'state.sqlite'}",
        "-s", f"OSCE_REJECTED_PATH={workdir / 'rejected.jsonl'}", "-s", f"OSCE_RUNS_PATH={workdir / 'runs.jsonl'}",
        "-s", f"OSCE_ERRORS_PATH={workdir / 'errors.jsonl'}", *FAST_CRAWL, *args,
    ]


def run_scheduled(site: MockSite, workdir: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(make_scheduled_command(site, workdir, *args), cwd=REPO, capture_output=True, text=True,
                          timeout=300, env=env)


def dataset_lines(workdir: Path) -> list[str]:
    path = workdir / "releases.jsonl"
    return path.read_text("utf-8").split("\n") if path.exists() else [""]


def assert_whole_and_unique(workdir: Path) -> list[dict]:
    """No partial line and no duplicate node id in the dataset; returns its records."""
    raw = (workdir / "releases.jsonl").read_bytes() if (workdir / "releases.jsonl").exists() else b""
    assert raw == b"" or raw.endswith(b"\n"), "the dataset ends with a partial line"
    records = [json.loads(line) for line in raw.decode("utf-8").splitlines()]
    duplicates = [n for n, c in Counter(r["node_id"] for r in records).items() if c > 1]
    assert duplicates == []
    return records


def make_new_releases(count: int) -> list:
    return make_releases(count, first_node=900000, newest=dt.date(2026, 11, 1))


def test_unchanged_site_costs_robots_and_one_listing_page(mock_site: MockSite, tmp_path):
    first = run_scheduled(mock_site, tmp_path, "-a", "incremental=1")
    assert first.returncode == 0, first.stderr[-3000:]
    assert len(assert_whole_and_unique(tmp_path)) == len(mock_site.releases)
    mock_site.requests.clear()
    second = run_scheduled(mock_site, tmp_path, "-a", "incremental=1")
    assert second.returncode == 0, second.stderr[-3000:]
    assert mock_site.requests == ["/robots.txt", "/press-releases"]
    assert len(assert_whole_and_unique(tmp_path)) == len(mock_site.releases)


@pytest.mark.parametrize("new", [3, 14])
def test_k_new_releases_cost_exactly_k_release_pages(mock_site: MockSite, tmp_path, new):
    assert run_scheduled(mock_site, tmp_path, "-a", "incremental=1").returncode == 0
    fresh = make_new_releases(new)
    mock_site.publish(fresh)
    mock_site.requests.clear()
    process = run_scheduled(mock_site, tmp_path, "-a", "incremental=1")
    assert process.returncode == 0, process.stderr[-3000:]
    release_requests = [p for p in mock_site.requests if not p.startswith(("/press-releases", "/robots"))]
    assert sorted(p.rsplit("/", 1)[-1] for p in release_requests) == sorted(r.node_id for r in fresh)
    records = assert_whole_and_unique(tmp_path)
    assert len(records) == len(mock_site.releases)
    # The listing pages that hold them, and the first page after them that holds only known releases.
    listing_requests = [p for p in mock_site.requests if p.startswith("/press-releases")]
    assert len(listing_requests) == new // 10 + 2


@pytest.mark.parametrize("kill_after_lines", [0, 5, 23, 50])
def test_sigkill_at_any_moment_loses_and_duplicates_nothing(mock_site: MockSite, tmp_path, kill_after_lines):
    slow = ["-s", "DOWNLOAD_DELAY=0.04", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1", "-s", "CONCURRENT_REQUESTS=1"]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    process = subprocess.Popen(make_scheduled_command(mock_site, tmp_path, "-a", "incremental=1", *slow), cwd=REPO,
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if len([line for line in dataset_lines(tmp_path) if line]) >= kill_after_lines:
            break
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert_whole_and_unique(tmp_path)
    finish = run_scheduled(mock_site, tmp_path, "-a", "incremental=1")
    assert finish.returncode == 0, finish.stderr[-3000:]
    records = assert_whole_and_unique(tmp_path)
    assert {r["node_id"] for r in records} == {r.node_id for r in mock_site.releases}


def test_full_recrawl_rewrites_the_dataset_atomically(mock_site: MockSite, tmp_path):
    assert run_scheduled(mock_site, tmp_path, "-a", "incremental=1").returncode == 0
    before = (tmp_path / "releases.jsonl").read_bytes()
    # A full run that does not finish leaves the dataset as it was, and its checks fail.
    failed = run_scheduled(mock_site, tmp_path, "-a", "full=1", "-s", "CLOSESPIDER_ITEMCOUNT=5")
    assert failed.returncode == 3, failed.stderr[-3000:]
    assert "check failed: Finish Reason" in failed.stderr
    assert (tmp_path / "releases.jsonl").read_bytes() == before
    assert not (tmp_path / "releases.jsonl.partial").exists()
    done = run_scheduled(mock_site, tmp_path, "-a", "full=1")
    assert done.returncode == 0, done.stderr[-3000:]
    records = assert_whole_and_unique(tmp_path)
    assert {r["node_id"] for r in records} == {r.node_id for r in mock_site.releases}
    assert not (tmp_path / "releases.jsonl.partial").exists()


def test_a_full_run_re_extracts_from_the_http_cache_without_fetching(tmp_path):
    cache = ["-s", "HTTPCACHE_ENABLED=1", "-s", f"HTTPCACHE_DIR={tmp_path / 'cache'}"]
    with MockSite("drupal", port=0) as site:
        assert run_scheduled(site, tmp_path, "-a", "full=1", *cache).returncode == 0
        first = assert_whole_and_unique(tmp_path)
        site.requests.clear()
        again = run_scheduled(site, tmp_path, "-a", "full=1", *cache)
        assert again.returncode == 0, again.stderr[-3000:]
        assert site.requests == []
    assert sorted(r["node_id"] for r in assert_whole_and_unique(tmp_path)) == sorted(r["node_id"] for r in first)


def test_checks_fail_loudly_when_labels_are_renamed(tmp_path):
    with MockSite("drupal", renamed_labels=True) as site:
        process = run_scheduled(site, tmp_path, "-a", "incremental=1")
    assert process.returncode != 0
    output = process.stdout + process.stderr
    assert "check failed" in output
    assert "Source:" in output and "Place:" in output
    [run] = [json.loads(line) for line in (tmp_path / "runs.jsonl").read_text("utf-8").splitlines()]
    assert run["checks_passed"] is False


def test_every_run_appends_a_summary_and_nothing_new_passes(mock_site: MockSite, tmp_path):
    assert run_scheduled(mock_site, tmp_path, "-a", "incremental=1").returncode == 0
    second = run_scheduled(mock_site, tmp_path, "-a", "incremental=1")
    assert second.returncode == 0, second.stdout[-2000:] + second.stderr[-2000:]
    runs = [json.loads(line) for line in (tmp_path / "runs.jsonl").read_text("utf-8").splitlines()]
    assert [r["new_records"] for r in runs] == [len(mock_site.releases), 0]
    assert runs[0]["coverage"]["title"] == 1.0 and runs[0]["pages_fetched"] > len(mock_site.releases)
    assert all(r["checks_passed"] for r in runs)
    assert {"start", "end", "rejected", "errors", "finish_reason"} <= set(runs[0])


def test_pages_that_fail_for_good_are_logged_and_tried_again_next_run(mock_site: MockSite, tmp_path):
    broken = mock_site.releases[40]
    mock_site.failing_paths.add(broken.path)
    first = run_scheduled(mock_site, tmp_path, "-a", "incremental=1", "-s", "RETRY_TIMES=2")
    assert first.returncode == 3  # the checks notice the failed page
    [error] = [json.loads(line) for line in (tmp_path / "errors.jsonl").read_text("utf-8").splitlines()]
    assert error["url"].endswith(broken.path) and error["status"] == 503 and error["attempts"] == 3
    assert "/press-releases" in error["referer"]
    assert broken.node_id not in {r["node_id"] for r in assert_whole_and_unique(tmp_path)}
    mock_site.failing_paths.clear()
    mock_site.requests.clear()
    second = run_scheduled(mock_site, tmp_path, "-a", "incremental=1")
    assert second.returncode == 0, second.stderr[-3000:]
    assert broken.path in mock_site.requests
    assert {r["node_id"] for r in assert_whole_and_unique(tmp_path)} == {r.node_id for r in mock_site.releases}


def test_a_paused_backfill_resumes_where_it_stopped(mock_site: MockSite, tmp_path):
    slow = ["-s", "DOWNLOAD_DELAY=0.05", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1", "-s", "CONCURRENT_REQUESTS=1",
            "-s", f"JOBDIR={tmp_path / 'job'}"]
    command = make_scheduled_command(mock_site, tmp_path, "-a", "full=1", *slow)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    partial = tmp_path / "releases.jsonl.partial"
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if partial.exists() and partial.read_bytes().count(b"\n") >= 20:
            break
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)  # one Ctrl-C: Scrapy stops gracefully
    assert process.wait(timeout=60) is not None
    assert not (tmp_path / "releases.jsonl").exists()
    kept = partial.read_bytes().count(b"\n")
    assert 20 <= kept < len(mock_site.releases)
    mock_site.requests.clear()
    resumed = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    records = assert_whole_and_unique(tmp_path)
    assert {r["node_id"] for r in records} == {r.node_id for r in mock_site.releases}
    fetched_releases = [p for p in mock_site.requests if not p.startswith(("/press-releases", "/robots"))]
    assert len(fetched_releases) <= len(mock_site.releases) - kept + 2  # what was written is not fetched again


# No run shrinks the dataset: what a run fetched is merged into it; only a full run that walked the
# whole newsroom replaces it.


def make_site_change(site: MockSite, *, retitle: int | None = None, remove: int | None = None) -> tuple[str, str]:
    """Change the mock newsroom in place: a release retitled, one taken down; returns their node ids."""
    retitled = removed = ""
    if retitle is not None:
        retitled = site.releases[retitle].node_id
        site.releases[retitle] = dataclasses.replace(site.releases[retitle], title="A title corrected later")
    if remove is not None:
        removed = site.releases.pop(remove).node_id
    site.publish([])  # the listing and the paths again, from the changed releases
    return retitled, removed


def dataset_by_node(workdir: Path) -> dict[str, bytes]:
    """The dataset's lines by node id, as bytes."""
    lines = (workdir / "releases.jsonl").read_bytes().splitlines(keepends=True)
    return {json.loads(line)["node_id"]: line for line in lines}


def last_run(workdir: Path) -> dict:
    return json.loads((workdir / "runs.jsonl").read_text("utf-8").splitlines()[-1])


@pytest.mark.parametrize("mode", [(), ("-a", "full=1")], ids=["plain", "full"])
def test_a_run_on_an_unreachable_site_leaves_every_byte(tmp_path, mode):
    with MockSite("drupal", releases=make_releases(50)) as site:
        assert run_scheduled(site, tmp_path, "-a", "incremental=1").returncode == 0
    before = (tmp_path / "releases.jsonl").read_bytes()
    assert before.count(b"\n") == 50
    # The site is gone: its port refuses every connection.
    run_scheduled(site, tmp_path, *mode, "-s", "RETRY_TIMES=1")
    assert (tmp_path / "releases.jsonl").read_bytes() == before
    assert not (tmp_path / "releases.jsonl.partial").exists()
    assert last_run(tmp_path)["new_records"] == 0


@pytest.mark.parametrize("limit", ["max_pages=1", "since=2025-06-01"])
def test_a_limited_plain_run_merges_what_it_fetched_and_counts_new_and_updated(mock_site: MockSite, tmp_path, limit):
    assert run_scheduled(mock_site, tmp_path, "-a", "incremental=1").returncode == 0
    before = dataset_by_node(tmp_path)
    assert len(before) == 64
    fresh = make_new_releases(3)
    mock_site.publish(fresh)
    retitled, _ = make_site_change(mock_site, retitle=4)  # the second release of the old ones, on page 1
    process = run_scheduled(mock_site, tmp_path, "-a", limit)
    assert process.returncode == 0, process.stderr[-3000:]
    after = dataset_by_node(tmp_path)
    assert set(after) == set(before) | {r.node_id for r in fresh}
    assert json.loads(after[retitled])["title"] == "A title corrected later"
    # Every other old record keeps its line, byte for byte, even when it was fetched again.
    assert {n: line for n, line in after.items() if n in before and n != retitled} == {
        n: line for n, line in before.items() if n != retitled}
    assert list(after)[:64] == list(before)  # old records in their places, new ones at the end
    run = last_run(tmp_path)
    fetched = run["new_records"] + run["updated_records"] + run["unchanged_records"]
    assert (run["new_records"], run["updated_records"]) == (3, 1)
    assert 5 <= fetched < 64
    assert "3 new records, 1 updated" in process.stderr


@pytest.mark.parametrize("kill_after_lines", [0, 12, 40])
def test_a_killed_plain_run_leaves_the_old_dataset_whole(mock_site: MockSite, tmp_path, kill_after_lines):
    assert run_scheduled(mock_site, tmp_path, "-a", "incremental=1").returncode == 0
    before = (tmp_path / "releases.jsonl").read_bytes()
    slow = ["-s", "DOWNLOAD_DELAY=0.04", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1", "-s", "CONCURRENT_REQUESTS=1"]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    process = subprocess.Popen(make_scheduled_command(mock_site, tmp_path, *slow), cwd=REPO, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    partial = tmp_path / "releases.jsonl.partial"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if partial.exists() and partial.read_bytes().count(b"\n") >= kill_after_lines:
            break
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert (tmp_path / "releases.jsonl").read_bytes() == before
    # What the killed run left beside it is no part of the next run's dataset, even a run that fetches nothing.
    mock_site.failing_paths.add("/press-releases")
    run_scheduled(mock_site, tmp_path, "-s", "RETRY_TIMES=0")
    assert (tmp_path / "releases.jsonl").read_bytes() == before
    assert not partial.exists()


def test_only_a_full_run_that_walked_the_whole_newsroom_replaces_the_dataset(mock_site: MockSite, tmp_path):
    assert run_scheduled(mock_site, tmp_path, "-a", "incremental=1").returncode == 0
    before = dataset_by_node(tmp_path)
    retitled, removed = make_site_change(mock_site, retitle=12, remove=30)
    # A full run that stops before the listing's end merges what it fetched: the removed release stays.
    short = run_scheduled(mock_site, tmp_path, "-a", "full=1", "-a", "max_pages=2")
    assert short.returncode == 0, short.stderr[-3000:]
    assert set(dataset_by_node(tmp_path)) == set(before)
    assert json.loads(dataset_by_node(tmp_path)[retitled])["title"] == "A title corrected later"
    # To the end: a release gone from the site is gone; one still listed whose page failed keeps its record.
    failing = mock_site.releases[50]
    mock_site.failing_paths.add(failing.path)
    done = run_scheduled(mock_site, tmp_path, "-a", "full=1", "-s", "RETRY_TIMES=0")
    assert done.returncode == 3, done.stderr[-3000:]  # the failed page fails the checks
    after = dataset_by_node(tmp_path)
    assert set(after) == set(before) - {removed}
    assert after[failing.node_id] == before[failing.node_id]
    assert {n: line for n, line in after.items() if n != retitled} == {
        n: line for n, line in before.items() if n not in (retitled, removed)}
    assert not (tmp_path / "releases.jsonl.partial").exists()
