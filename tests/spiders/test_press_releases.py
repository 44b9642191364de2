"""The real spider, run as `scrapy crawl` from the repo root, against the mock osce.org."""

from __future__ import annotations

from collections import Counter

import pytest
from scrapy.utils.project import get_project_settings

from osce_scraper.spiders.press_releases import PressReleasesSpider, SpiderArgumentError
from tests.conftest import make_crawl
from tests.site.expected import expected_record, record_differences
from tests.site.render import VARIANTS
from tests.site.server import PER_PAGE, MockSite

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("mock_site", VARIANTS, indirect=True)
def test_every_release_exactly_once_with_every_field_right(mock_site: MockSite, tmp_path):
    records, process = make_crawl(mock_site.base_url, tmp_path / "out.jsonl")
    assert process.returncode == 0, process.stderr[-3000:]
    counts = Counter(r["node_id"] for r in records)
    assert [n for n, c in counts.items() if c > 1] == []
    assert set(counts) == {r.node_id for r in mock_site.releases}
    by_node = {r["node_id"]: r for r in records}
    problems = [
        problem
        for release in mock_site.releases
        for problem in record_differences(by_node[release.node_id],
                                          expected_record(release, mock_site.base_url, mock_site.variant))
    ]
    assert problems == []
    assert all(r["crawled_at"].endswith("Z") for r in records)
    assert not (tmp_path / "out-rejected.jsonl").exists()
    assert mock_site.requests[0] == "/robots.txt"
    # Release pages are fetched once each, whatever paths and listing pages lead to them.
    release_requests = [p for p in mock_site.requests if p.rstrip("/").split("/")[-1].isdigit()]
    assert len(release_requests) == len(mock_site.releases)


def test_max_pages_stops_the_pager(mock_site: MockSite, tmp_path):
    records, process = make_crawl(mock_site.base_url, tmp_path / "out.jsonl", "-a", "max_pages=2")
    assert process.returncode == 0, process.stderr[-3000:]
    listing_requests = [p for p in mock_site.requests if p.startswith("/press-releases")]
    assert len(listing_requests) == 2
    on_two_pages = {e.release.node_id for e in mock_site.listing_page(0) + mock_site.listing_page(1)}
    assert {r["node_id"] for r in records} == on_two_pages


def test_since_stops_at_older_items(mock_site: MockSite, tmp_path):
    cutoff = mock_site.releases[14].date
    records, process = make_crawl(mock_site.base_url, tmp_path / "out.jsonl", "-a", f"since={cutoff.isoformat()}")
    assert process.returncode == 0, process.stderr[-3000:]
    assert {r["node_id"] for r in records} == {r.node_id for r in mock_site.releases if r.date >= cutoff}
    assert len([p for p in mock_site.requests if p.startswith("/press-releases")]) == 2


def test_start_url_can_be_one_release(mock_site: MockSite, tmp_path):
    release = mock_site.releases[4]
    records, process = make_crawl(mock_site.base_url, tmp_path / "out.jsonl",
                                  "-a", f"start_url={mock_site.base_url}{release.path}")
    assert process.returncode == 0, process.stderr[-3000:]
    assert [r["node_id"] for r in records] == [release.node_id]
    assert records[0]["title"] == release.title


def test_start_url_can_be_another_listing(mock_site: MockSite, tmp_path):
    records, process = make_crawl(mock_site.base_url, tmp_path / "out.jsonl",
                                  "-a", f"start_url={mock_site.base_url}/fom/statements")
    assert process.returncode == 0, process.stderr[-3000:]
    assert {r["node_id"] for r in records} == {r.node_id for r in mock_site.releases if r.section == "fom"}


def test_standard_settings_given_with_s_take_effect(mock_site: MockSite, tmp_path):
    records, process = make_crawl(mock_site.base_url, tmp_path / "out.jsonl", "-s", "USER_AGENT=settings-check/1.0",
                                  "-s", "CLOSESPIDER_ITEMCOUNT=3", "-s", "CONCURRENT_REQUESTS=1")
    assert process.returncode == 3, process.stderr[-3000:]  # stopped early: the finish-reason check fails
    assert mock_site.user_agents == {"settings-check/1.0"}
    assert 3 <= len(records) < len(mock_site.releases)


def test_polite_defaults_are_the_projects_own(mock_site: MockSite, tmp_path):
    records, process = make_crawl(mock_site.base_url, tmp_path / "out.jsonl", "-a", "max_pages=1", fast=False)
    assert process.returncode == 0, process.stderr[-3000:]
    [agent] = mock_site.user_agents
    assert agent.startswith("osce-scraper/") and "github.com" in agent
    assert len(records) == len({e.release.node_id for e in mock_site.listing_page(0)}) <= PER_PAGE


def test_bad_arguments_fail_with_a_clear_message(mock_site: MockSite, tmp_path):
    for argument, message in [("max_pages=abc", "max_pages must be a whole number"),
                              ("since=last week", "since must be a date as YYYY-MM-DD")]:
        _, process = make_crawl(mock_site.base_url, tmp_path / "out.jsonl", "-a", argument)
        assert process.returncode != 0
        assert message in process.stderr


def test_argument_validation_without_a_crawl():
    with pytest.raises(SpiderArgumentError, match="base_url must be an http"):
        PressReleasesSpider(base_url="file:///etc")
    with pytest.raises(SpiderArgumentError, match="max_pages"):
        PressReleasesSpider(max_pages="0")
    # URLs that cannot be split into their parts (a bracket left open, a host in brackets that is no IP address)
    for url in ("https://[www.osce.org/press-releases", "https://[osce]/"):
        with pytest.raises(SpiderArgumentError, match="start_url must be an http"):
            PressReleasesSpider(start_url=url)
    spider = PressReleasesSpider(base_url="http://127.0.0.1:8000/", max_pages="3", since="2020-01-01")
    assert (spider.start_url, spider.max_pages, str(spider.since)) == (
        "http://127.0.0.1:8000/press-releases", 3, "2020-01-01")
    assert "osce.org" in spider.allowed_domains and "127.0.0.1" in spider.allowed_domains


def test_project_settings_are_polite():
    settings = get_project_settings()
    assert settings.getbool("ROBOTSTXT_OBEY")
    assert settings.getbool("AUTOTHROTTLE_ENABLED")
    assert settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN") <= 2
    assert not settings.getbool("HTTPCACHE_ENABLED")

