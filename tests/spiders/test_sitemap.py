"""The sitemap's lastmod: a release modified since its last check is re-checked first, cheaply, never failing a run."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from osce_scraper.store.recheck import choose_due, known_releases
from tests.site.releases import make_releases
from tests.site.server import SITEMAP_FAULTS, MockSite
from tests.spiders.test_corrections import versions_of
from tests.spiders.test_scheduled_crawls import last_run, run_scheduled

pytestmark = pytest.mark.slow

INCREMENTAL = ("-a", "incremental=1")
SITEMAP_FIRST = (*INCREMENTAL, "-s", "OSCE_SITEMAP_LASTMOD=1", "-s", "OSCE_REVISIT_BUDGET=2")


@pytest.fixture
def sitemap_site() -> Iterator[MockSite]:
    """Ten releases, and a robots.txt that names the sitemap index."""
    with MockSite("drupal", releases=make_releases(10)) as site:
        site.sitemap = True
        yield site


def make_all_due(workdir: Path) -> list[str]:
    """Every known release last checked the day after it was published, long ago: all due. Returns their node
    ids in the schedule's order, the most overdue first."""
    dataset = workdir / "releases.jsonl"
    records = [json.loads(line) for line in dataset.read_text("utf-8").splitlines()]
    for record in records:
        record["crawled_at"] = f"{dt.date.fromisoformat(record['date']) + dt.timedelta(days=1)}T00:00:00Z"
    dataset.write_text("".join(json.dumps(record) + "\n" for record in records), "utf-8")
    with sqlite3.connect(workdir / "state.sqlite") as db:
        db.execute("UPDATE releases SET last_checked = NULL")
    return [k.node_id for k in choose_due(list(known_releases(dataset).values()), dt.datetime.now(dt.UTC), None)]


def requested_releases(site: MockSite) -> set[str]:
    paths = {release.path: release.node_id for release in site.releases}
    return {paths[target] for target in site.requests if target in paths}


def sitemap_requests(site: MockSite) -> list[str]:
    return [target for target in site.requests if target.startswith("/sitemap.xml")]


def test_a_release_modified_since_its_last_check_is_rechecked_first_within_the_budget(sitemap_site, tmp_path):
    assert run_scheduled(sitemap_site, tmp_path, *INCREMENTAL).returncode == 0
    schedule = make_all_due(tmp_path)
    target = schedule[-1]  # the last the schedule would check
    sitemap_site.sitemap_lastmods[target] = dt.datetime.now(dt.UTC)
    sitemap_site.edits[target] = lambda release: dataclasses.replace(release, title=release.title + " (corrected)")
    sitemap_site.requests.clear()
    process = run_scheduled(sitemap_site, tmp_path, *SITEMAP_FIRST)
    assert process.returncode == 0, process.stderr[-3000:]
    # The budget of two: the modified release, then the schedule's most overdue; nothing else.
    assert requested_releases(sitemap_site) == {target, schedule[0]}
    assert last_run(tmp_path)["rechecked"] == 2
    assert [entry["node_id"] for entry in versions_of(tmp_path)] == [target]
    # Checked now: the next run takes the schedule's order again.
    sitemap_site.requests.clear()
    assert run_scheduled(sitemap_site, tmp_path, *SITEMAP_FIRST).returncode == 0
    assert requested_releases(sitemap_site) == set(schedule[1:3])


def test_an_unchanged_sitemap_index_costs_one_request(sitemap_site, tmp_path):
    assert run_scheduled(sitemap_site, tmp_path, *SITEMAP_FIRST).returncode == 0
    assert sorted(sitemap_requests(sitemap_site)) == ["/sitemap.xml", "/sitemap.xml?page=1", "/sitemap.xml?page=2"]
    assert sitemap_site.requests.count("/robots.txt") == 1  # Scrapy's own fetch of it, read again
    sitemap_site.requests.clear()
    assert run_scheduled(sitemap_site, tmp_path, *SITEMAP_FIRST).returncode == 0
    assert sitemap_requests(sitemap_site) == ["/sitemap.xml"]
    # One release edited: its URL set's lastmod in the index changes, and only that file is read again.
    sitemap_site.sitemap_lastmods[sitemap_site.releases[7].node_id] = dt.datetime.now(dt.UTC)
    sitemap_site.requests.clear()
    assert run_scheduled(sitemap_site, tmp_path, *SITEMAP_FIRST).returncode == 0
    assert sitemap_requests(sitemap_site) == ["/sitemap.xml", "/sitemap.xml?page=2"]
    assert sitemap_site.releases[7].node_id in requested_releases(sitemap_site)


@pytest.mark.parametrize("fault", SITEMAP_FAULTS)
def test_a_broken_sitemap_is_one_warning_and_the_schedule_goes_on(sitemap_site, tmp_path, fault):
    assert run_scheduled(sitemap_site, tmp_path, *INCREMENTAL).returncode == 0
    schedule = make_all_due(tmp_path)
    sitemap_site.sitemap_fault = fault
    sitemap_site.requests.clear()
    process = run_scheduled(sitemap_site, tmp_path, *SITEMAP_FIRST)
    assert process.returncode == 0, process.stderr[-3000:]
    warnings = [line for line in process.stderr.splitlines() if "sitemap" in line.lower()
                and "WARNING" in line]
    assert len(warnings) == 1 and "the re-checks go by their schedule" in warnings[0], process.stderr[-3000:]
    assert "Traceback" not in process.stderr
    assert requested_releases(sitemap_site) == set(schedule[:2]) and last_run(tmp_path)["rechecked"] == 2
