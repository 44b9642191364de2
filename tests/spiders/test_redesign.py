"""A redesign never blinds the crawl: the runs that see nothing, read nothing or see only old news fail loudly."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.site.releases import make_releases
from tests.site.server import MockSite
from tests.spiders.test_scheduled_crawls import make_new_releases, run_scheduled

pytestmark = pytest.mark.slow


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()] if path.exists() else []


def failed_checks(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("check failed: ")]


def test_a_listing_that_shows_no_release_fails_naming_the_page_and_what_it_shows(tmp_path):
    with MockSite("drupal11", maintenance=True) as site:
        process = run_scheduled(site, tmp_path, "-a", "incremental=1")
    assert process.returncode == 3, process.stderr[-3000:]
    [line] = failed_checks(process.stderr)
    assert f"{site.base_url}/press-releases" in line
    assert "none to a release" in line and "being updated" in line
    [summary] = read_jsonl(tmp_path / "runs.jsonl")
    assert summary["shapes"]["listing"] == {"no release": 1}


def test_empty_release_shells_are_failures_tried_again_not_records(tmp_path):
    with MockSite("drupal11", script_shell=True) as site:
        releases = {r.node_id for r in site.releases}
        first = run_scheduled(site, tmp_path, "-a", "incremental=1")
        assert first.returncode == 3, first.stderr[-3000:]
        assert read_jsonl(tmp_path / "releases.jsonl") == []
        unreadable = [e for e in read_jsonl(tmp_path / "errors.jsonl") if e["kind"] == "unreadable"]
        assert {e["url"].rsplit("/", 1)[-1] for e in unreadable} == releases
        [line] = failed_checks(first.stderr)
        assert f"{len(releases)} release pages showed no body the reader could find" in line
        [summary] = read_jsonl(tmp_path / "runs.jsonl")
        assert (summary["unreadable_pages"], summary["new_records"]) == (len(releases), 0)

        site.script_shell = False  # the site is mended: the next run fetches every one again
        second = run_scheduled(site, tmp_path, "-a", "incremental=1")
    assert second.returncode == 0, second.stderr[-3000:]
    assert {r["node_id"] for r in read_jsonl(tmp_path / "releases.jsonl")} == releases


def test_a_maintenance_page_in_place_of_each_release_is_no_record_and_fails_the_run(tmp_path):
    with MockSite("drupal11") as site:
        releases = {r.node_id for r in site.releases}
        site.release_maintenance = True
        first = run_scheduled(site, tmp_path, "-a", "incremental=1")
        assert first.returncode == 3, first.stderr[-3000:]
        assert read_jsonl(tmp_path / "releases.jsonl") == []
        unreadable = [e for e in read_jsonl(tmp_path / "errors.jsonl") if e["kind"] == "unreadable"]
        assert {e["url"].rsplit("/", 1)[-1] for e in unreadable} == releases
        assert all("titled 'Site under maintenance', as an error page is" in e["error"] for e in unreadable)
        [line] = failed_checks(first.stderr)
        assert "not the release the listing named" in line

        site.release_maintenance = False  # the site is back: the next run reads every one
        second = run_scheduled(site, tmp_path, "-a", "incremental=1")
    assert second.returncode == 0, second.stderr[-3000:]
    assert {r["node_id"] for r in read_jsonl(tmp_path / "releases.jsonl")} == releases

def test_a_maintenance_page_at_a_release_start_url_is_no_record_and_fails_the_run(tmp_path):
    with MockSite("drupal11") as site:
        release = next(r for r in site.releases if r.show_date_value)
        start = ("-a", f"start_url={site.base_url}{release.path}")
        site.release_maintenance = True
        first = run_scheduled(site, tmp_path, *start)
        assert first.returncode == 3, first.stderr[-3000:]
        assert read_jsonl(tmp_path / "releases.jsonl") == []
        [unreadable] = read_jsonl(tmp_path / "errors.jsonl")
        assert unreadable["kind"] == "unreadable"
        assert "titled 'Site under maintenance', as an error page is" in unreadable["error"]
        [line] = failed_checks(first.stderr)
        assert "where no listing named the page, a notice of a few sentences" in line

        site.release_maintenance = False
        second = run_scheduled(site, tmp_path, *start)
    assert second.returncode == 0, second.stderr[-3000:]
    assert [r["node_id"] for r in read_jsonl(tmp_path / "releases.jsonl")] == [release.node_id]


def test_a_page_not_found_listing_the_latest_news_in_place_of_the_newsroom_is_no_listing_and_fails(tmp_path):
    """A newsroom moved without a redirect: its old address answers 200 with "Page not found" and three latest
    releases, which a first run must not take for a newsroom of three."""
    with MockSite("drupal11") as site:
        site.listing_not_found = True
        first = run_scheduled(site, tmp_path, "-a", "incremental=1")
        assert first.returncode == 3, first.stderr[-3000:]
        assert read_jsonl(tmp_path / "releases.jsonl") == []
        [line] = failed_checks(first.stderr)
        assert f"{site.base_url}/press-releases" in line and "an error page titled 'Page not found'" in line

        site.listing_not_found = False
        second = run_scheduled(site, tmp_path, "-a", "incremental=1")
    assert second.returncode == 0, second.stderr[-3000:]
    assert len(read_jsonl(tmp_path / "releases.jsonl")) == len(site.releases)


def test_a_full_run_whose_walk_shows_a_fraction_of_the_dataset_drops_nothing_and_fails(tmp_path):
    with MockSite("drupal11") as site:
        assert run_scheduled(site, tmp_path, "-a", "incremental=1").returncode == 0
        before = {r["node_id"] for r in read_jsonl(tmp_path / "releases.jsonl")}
        site.pager_hidden = True  # a redesign whose pager the reader cannot find: the first page seems the last
        full = run_scheduled(site, tmp_path, "-a", "full=1")
    assert full.returncode == 3, full.stderr[-3000:]
    assert {r["node_id"] for r in read_jsonl(tmp_path / "releases.jsonl")} == before
    [line] = failed_checks(full.stderr)
    assert f"of the dataset's {len(before)} releases" in line and "nothing was dropped" in line


def test_a_first_walk_whose_pager_the_reader_cannot_find_is_not_complete_and_fails(tmp_path):
    """On an empty dataset no release of it can go unshown: the newsroom's size tells the first page from the last."""
    newsroom = ("-s", "OSCE_MIN_NEWSROOM_RELEASES=20")
    with MockSite("drupal11") as site:
        site.pager_hidden = True
        first = run_scheduled(site, tmp_path, "-a", "incremental=1", *newsroom)
        assert first.returncode == 3, first.stderr[-3000:]
        [line] = failed_checks(first.stderr)
        assert "showed no next page after 1 listing page and " in line and " items, fewer than" in line
        assert "OSCE_MIN_NEWSROOM_RELEASES=20" in line

        site.pager_hidden = False  # the reader finds the pager again: the next run walks the whole newsroom
        second = run_scheduled(site, tmp_path, "-a", "incremental=1", *newsroom)
    assert second.returncode == 0, second.stderr[-3000:]
    assert len(read_jsonl(tmp_path / "releases.jsonl")) == len(site.releases)


def test_an_incremental_run_that_loses_the_pager_fails_where_it_would_miss_releases(tmp_path):
    with MockSite("drupal11") as site:
        assert run_scheduled(site, tmp_path, "-a", "incremental=1").returncode == 0
        site.pager_hidden = True
        site.publish(make_new_releases(12))  # more than the first page holds
        second = run_scheduled(site, tmp_path, "-a", "incremental=1")
    assert second.returncode == 3, second.stderr[-3000:]
    [line] = failed_checks(second.stderr)
    assert "the walk reached the listing's last page but showed 0 of the dataset's" in line


def test_a_first_walk_cut_short_by_a_page_in_place_of_a_listing_page_is_not_complete_and_fails(tmp_path):
    with MockSite("drupal", releases=make_releases(60)) as site:
        site.maintenance_pages = {2}  # pages 0 and 1 list releases and announce the last page; page 2 lists none
        first = run_scheduled(site, tmp_path, "-a", "incremental=1")
        assert first.returncode == 3, first.stderr[-3000:]
        [line] = failed_checks(first.stderr)
        assert f"{site.base_url}/press-releases?page=2" in line and f"announced {site.last_page + 1} pages" in line
        site.maintenance_pages = set()  # the next run walks on to the end: the walk was not taken as complete
        second = run_scheduled(site, tmp_path, "-a", "incremental=1")
    assert second.returncode == 0, second.stderr[-3000:]
    assert {r["node_id"] for r in read_jsonl(tmp_path / "releases.jsonl")} == {r.node_id for r in site.releases}


def test_a_listing_whose_newest_release_is_old_fails_with_its_date(tmp_path):
    with MockSite("drupal") as site:
        newest = max(entry.release.date for entry in site.listing_page(0))
        age = (dt.datetime.now(dt.UTC).date() - newest).days
        stale = run_scheduled(site, tmp_path / "stale", "-a", "max_pages=1", "-s", f"OSCE_MAX_SILENCE_DAYS={age - 1}")
        fresh = run_scheduled(site, tmp_path / "fresh", "-a", "max_pages=1", "-s", f"OSCE_MAX_SILENCE_DAYS={age}")
    assert stale.returncode == 3, stale.stderr[-3000:]
    [line] = failed_checks(stale.stderr)
    assert f"dated {newest.isoformat()}, {age} days ago" in line
    assert fresh.returncode == 0, fresh.stderr[-3000:]


@pytest.mark.parametrize(("variant", "listing", "page"), [("drupal", "title links with labels", "labels with colons"),
                                                          ("drupal11", "teaser cards", "bare labels")])
def test_the_run_summary_names_the_shapes_it_read(tmp_path, variant, listing, page):
    with MockSite(variant) as site:
        process = run_scheduled(site, tmp_path, "-a", "max_pages=1")
    assert process.returncode == 0, process.stderr[-3000:]
    [summary] = read_jsonl(tmp_path / "runs.jsonl")
    assert list(summary["shapes"]["listing"]) == [listing]
    assert list(summary["shapes"]["page"]) == [page]
    assert summary["shapes"]["page"][page] == summary["new_records"]
    # Which dataset the run left, for citing it.
    version = summary["dataset_version"]
    assert version["records"] == summary["new_records"] == len(read_jsonl(tmp_path / "releases.jsonl"))
    assert version["software"].startswith("osce-scraper ") and version["schema"].count(".") == 2
    assert version["first_date"] <= version["last_date"]


def test_a_newsroom_moved_by_a_redirect_is_walked_where_it_now_is(tmp_path):
    with MockSite("drupal11") as site:
        site.newsroom_path = "/newsroom"
        process = run_scheduled(site, tmp_path, "-a", "max_pages=3")
    assert process.returncode == 0, process.stderr[-3000:]
    records = read_jsonl(tmp_path / "releases.jsonl")
    on_three_pages = {e.release.node_id for page in range(3) for e in site.listing_page(page)}
    assert {r["node_id"] for r in records} == on_three_pages
    assert [p for p in site.requests if p.startswith("/newsroom")] == ["/newsroom", "/newsroom?page=1",
                                                                        "/newsroom?page=2"]
