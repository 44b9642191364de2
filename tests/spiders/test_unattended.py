"""Scheduled runs nobody watches: overlapping runs, damaged files, a full disk, a slow-down request."""

from __future__ import annotations

import dataclasses
import itertools
import json
import os
import resource
import subprocess
import time
from pathlib import Path

import pytest

from osce_scraper.store.dataset_file import FETCH_FIELDS
from tests.conftest import REPO
from tests.site.releases import make_releases
from tests.site.server import MockSite
from tests.spiders.test_scheduled_crawls import (
    assert_whole_and_unique,
    make_new_releases,
    make_scheduled_command,
    run_scheduled,
)

pytestmark = pytest.mark.slow

ENV = {**os.environ, "PYTHONPATH": str(REPO)}


def release_requests(site: MockSite) -> list[str]:
    return [p for p in site.requests if p.rstrip("/").split("/")[-1].isdigit()]


def wait_for_the_lock(workdir: Path, process: subprocess.Popen) -> None:
    """Until ``process`` holds the dataset's lock (its pid is written in the lock file)."""
    lock = workdir / "releases.jsonl.lock"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if lock.exists() and lock.read_text().strip() == str(process.pid):
            return
        time.sleep(0.02)
    pytest.fail("the first run never took the lock")


def test_a_second_run_on_the_same_dataset_exits_at_once_and_writes_nothing(mock_site: MockSite, tmp_path):
    slow = ["-s", "DOWNLOAD_DELAY=0.05", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1", "-s", "CONCURRENT_REQUESTS=1"]
    first = subprocess.Popen(make_scheduled_command(mock_site, tmp_path, "-a", "incremental=1", *slow), cwd=REPO,
                             env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wait_for_the_lock(tmp_path, first)
    second = subprocess.run(make_scheduled_command(mock_site, tmp_path, "-a", "incremental=1"), cwd=REPO, env=ENV,
                            capture_output=True, text=True, timeout=120)
    _, first_err = first.communicate(timeout=300)
    assert first.returncode == 0, first_err[-3000:]
    assert second.returncode == 4, second.stderr[-3000:]
    assert [line for line in second.stderr.splitlines() if "another run" in line] == [
        f"scrapy crawl press_releases: another run (pid {first.pid}) is crawling into {tmp_path / 'releases.jsonl'}; "
        "this one stops without fetching or writing anything"]
    assert "Traceback" not in second.stderr
    records = assert_whole_and_unique(tmp_path)
    assert len(records) == len(mock_site.releases)
    assert len(release_requests(mock_site)) == len(mock_site.releases)
    [run] = [json.loads(line) for line in (tmp_path / "runs.jsonl").read_text("utf-8").splitlines()]
    assert run["new_records"] == len(mock_site.releases)
    # A lock left by a run killed with SIGKILL never blocks the next one.
    (tmp_path / "releases.jsonl").unlink()  # so that the next run has work to do while it is killed
    killed = subprocess.Popen(make_scheduled_command(mock_site, tmp_path, "-a", "incremental=1", *slow), cwd=REPO,
                              env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for_the_lock(tmp_path, killed)
    killed.kill()
    killed.wait()
    assert run_scheduled(mock_site, tmp_path, "-a", "incremental=1").returncode == 0


def test_damaged_lines_are_quarantined_and_only_their_releases_fetched_again(mock_site: MockSite, tmp_path):
    assert run_scheduled(mock_site, tmp_path, "-a", "incremental=1").returncode == 0
    dataset = tmp_path / "releases.jsonl"
    lines = dataset.read_bytes().splitlines(keepends=True)
    # The release whose date only its listing item shows: the hardest to fetch again alone.
    listing_dated = {r.node_id for r in mock_site.releases
                     if not r.show_date_value and r.dateline is None and not r.meta_date_only}
    damaged = next(i for i, line in enumerate(lines) if json.loads(line)["node_id"] in listing_dated)
    half_written = json.loads(lines[damaged])
    lines[damaged] = lines[damaged][: len(lines[damaged]) // 2] + b"\n"
    lines.insert(3, b"\n")
    dataset.write_bytes(b"".join(lines))
    mock_site.requests.clear()
    again = run_scheduled(mock_site, tmp_path, "-a", "incremental=1")
    assert again.returncode == 0, again.stderr[-3000:]
    records = assert_whole_and_unique(tmp_path)
    assert {r["node_id"] for r in records} == {r.node_id for r in mock_site.releases}
    assert release_requests(mock_site) == [half_written["url"].removeprefix(mock_site.base_url)]
    # Fetched again with what its damaged line still showed of its listing item: the same record.
    [again_written] = [r for r in records if r["node_id"] == half_written["node_id"]]
    assert {k: v for k, v in again_written.items() if k not in FETCH_FIELDS} == {
        k: v for k, v in half_written.items() if k not in FETCH_FIELDS}
    moved = [json.loads(line) for line in (tmp_path / "releases.jsonl.quarantine").read_text("utf-8").splitlines()]
    assert [m["line"] for m in moved] == sorted([4, damaged + 1 + (damaged >= 3)])
    runs = [json.loads(line) for line in (tmp_path / "runs.jsonl").read_text("utf-8").splitlines()]
    assert runs[-1]["quarantined_lines"] == 2


def test_a_dataset_path_naming_another_file_is_refused_untouched(mock_site: MockSite, tmp_path):
    other = tmp_path / "releases.jsonl"
    content = "".join(json.dumps({"id": n, "label": f"row {n}"}) + "\n" for n in range(50))
    other.write_text(content, "utf-8")
    for mode in ("incremental=1", "full=1"):
        process = run_scheduled(mock_site, tmp_path, "-a", mode)
        assert process.returncode == 2, process.stderr[-3000:]
        assert str(other) in process.stderr and "none of its 50 lines is a release record" in process.stderr
        assert "Traceback" not in process.stderr
    assert other.read_text("utf-8") == content
    assert mock_site.requests == []


def test_a_state_of_random_bytes_is_rebuilt_with_a_warning(mock_site: MockSite, tmp_path):
    assert run_scheduled(mock_site, tmp_path, "-a", "incremental=1").returncode == 0
    (tmp_path / "state.sqlite").write_bytes(os.urandom(8192))
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"state.sqlite{suffix}").unlink(missing_ok=True)
    mock_site.requests.clear()
    again = run_scheduled(mock_site, tmp_path, "-a", "incremental=1")
    assert again.returncode == 0, again.stderr[-3000:]
    assert "crawl state" in again.stderr and "rebuilt" in again.stderr
    assert release_requests(mock_site) == []
    assert len(assert_whole_and_unique(tmp_path)) == len(mock_site.releases)


def limit_file_size(limit: int):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_a_full_disk_stops_the_crawl_and_the_next_run_completes_the_dataset(tmp_path):
    with MockSite("drupal", releases=make_releases(120)) as site:
        # A file may not grow past 60 kB: the dataset's writes fail as on a full disk.
        process = subprocess.run(make_scheduled_command(site, tmp_path, "-a", "incremental=1"), cwd=REPO, env=ENV,
                                 capture_output=True, text=True, timeout=300, preexec_fn=limit_file_size(60_000))
        assert process.returncode == 5, process.stderr[-3000:]
        assert "could not write" in process.stderr and "write_failed" in process.stderr
        assert max(map(len, process.stderr.splitlines())) < 1500  # no page HTML and no whole record in the log
        written = assert_whole_and_unique(tmp_path)
        assert 0 < len(written) < len(site.releases)
        assert len(release_requests(site)) < len(site.releases)  # stopped at once, not after every page
        finish = run_scheduled(site, tmp_path, "-a", "incremental=1")
        assert finish.returncode == 0, finish.stderr[-3000:]
        assert {r["node_id"] for r in assert_whole_and_unique(tmp_path)} == {r.node_id for r in site.releases}
        # And the next run, with the walk complete, stops at the first known page.
        site.requests.clear()
        assert run_scheduled(site, tmp_path, "-a", "incremental=1").returncode == 0
        assert release_requests(site) == []


def test_a_small_run_without_place_labels_is_judged_with_the_runs_before_it(mock_site: MockSite, tmp_path):
    assert run_scheduled(mock_site, tmp_path, "-a", "incremental=1").returncode == 0
    fresh = [dataclasses.replace(r, label_place=None, dateline=None, places=(), country_codes=())
             for r in make_new_releases(5)]
    mock_site.publish(fresh)
    daily = run_scheduled(mock_site, tmp_path, "-a", "incremental=1")
    assert daily.returncode == 0, daily.stderr[-3000:]
    assert "check failed" not in daily.stderr


def test_a_renamed_label_fails_the_run_once_the_window_shows_it(mock_site: MockSite, tmp_path):
    window = ["-s", "OSCE_CHECK_WINDOW=40"]
    assert run_scheduled(mock_site, tmp_path, "-a", "incremental=1", *window).returncode == 0
    mock_site.renamed_labels = True
    mock_site.publish(make_new_releases(8))
    few = run_scheduled(mock_site, tmp_path, "-a", "incremental=1", *window)
    assert few.returncode == 0, few.stderr[-3000:]  # 8 of the last 40 pages lack the labels
    mock_site.publish(make_releases(30, first_node=950000, newest=make_new_releases(1)[0].date))
    many = run_scheduled(mock_site, tmp_path, "-a", "incremental=1", *window)
    assert many.returncode == 3, many.stderr[-3000:]
    assert '"Source:" found on' in many.stderr and "of the last 40 release pages" in many.stderr


def test_robots_crawl_delay_spaces_requests_even_with_politeness_off(tmp_path):
    with MockSite("drupal", releases=make_releases(12)) as site:
        site.crawl_delay = 0.5
        process = run_scheduled(site, tmp_path, "-a", "incremental=1", "-a", "max_pages=1")
        assert process.returncode == 0, process.stderr[-3000:]
        times = [moment for moment, path in site.request_times if path != "/robots.txt"]
        gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
        assert len(times) >= 8 and min(gaps) >= 0.48, gaps
        site.request_times.clear()
        off = run_scheduled(site, Path(tmp_path / "off"), "-a", "incremental=1", "-a", "max_pages=1",
                            "-s", "OSCE_OBEY_CRAWL_DELAY=0")
        assert off.returncode == 0, off.stderr[-3000:]
        times = [moment for moment, path in site.request_times if path != "/robots.txt"]
        assert times[-1] - times[0] < 2.0


def test_a_retry_after_holds_for_the_next_requests_with_autothrottle_on(tmp_path):
    with MockSite("drupal", fault_rate=0.3, fault_seed=7) as site:
        process = run_scheduled(site, tmp_path, "-a", "incremental=1", "-s", "AUTOTHROTTLE_ENABLED=1",
                                "-s", "AUTOTHROTTLE_START_DELAY=0", "-s", "DOWNLOAD_TIMEOUT=2",
                                "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2")
        assert len(assert_whole_and_unique(tmp_path)) == len(site.releases), process.stderr[-3000:]
        slowed = [moment for moment, path in site.request_times if site.faults_served.get(path) in {"429", "503"}
                  and moment == min(m for m, p in site.request_times if p == path)]
    assert slowed, "the fault mode served no 429 or 503"
    for start in slowed:
        # Requests already on their way may still arrive; no request sent after the answer does.
        early = [m for m, _ in site.request_times if start + 0.2 < m < start + site.retry_after - 0.05]
        assert len(early) <= 1, (start, early)


@pytest.mark.parametrize(("argument", "message"), [
    ("max_pages=abc", "max_pages must be a whole number of at least 1, got 'abc'"),
    ("since=yesterday", "since must be a date as YYYY-MM-DD, got 'yesterday'"),
    ("max_page=3", "unknown argument 'max_page'"),
])
def test_a_bad_argument_prints_one_line_and_exits_2(mock_site: MockSite, tmp_path, argument, message):
    process = run_scheduled(mock_site, tmp_path, "-a", argument)
    assert process.returncode == 2
    [line] = process.stderr.strip().splitlines()
    assert line.startswith(f"scrapy crawl press_releases: {message}")
    assert mock_site.requests == []


def test_make_crawl_installs_no_test_tools(tmp_path):
    plan = subprocess.run(["make", "-n", "crawl", f"VENV={tmp_path / 'venv'}"], cwd=REPO, capture_output=True,
                          text=True, check=True).stdout
    assert "pip install" in plan and "[data]" in plan
    assert "[test]" not in plan and "pytest " not in plan and "hypothesis" not in plan


def test_a_dataset_that_cannot_be_written_stops_the_run_in_one_line(mock_site: MockSite, tmp_path):
    process = run_scheduled(mock_site, tmp_path, "-a", "incremental=1",
                            "-s", "OSCE_DATASET_PATH=/proc/osce-scraper/releases.jsonl")
    assert process.returncode == 5, process.stderr[-3000:]
    assert "cannot write the dataset" in process.stderr and "Traceback" not in process.stderr
    assert mock_site.requests == []
