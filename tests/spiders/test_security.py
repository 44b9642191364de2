"""Only osce.org and the configured host are followed; other schemes are never fetched; paths are checked."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from scrapy.http import HtmlResponse, Request

from osce_scraper.spiders.press_releases import PressReleasesSpider
from tests.conftest import make_crawl
from tests.site.server import MockSite


def requests_from(requests: Iterator[Any]) -> list[Any]:
    """What a spider callback yields, collected."""
    return list(requests)


LISTING = """<div><h3><a href="{href}">A release</a></h3><p>Publishing date: 3 May 2020</p><p>Lead.</p></div>"""


@pytest.mark.parametrize(
    "href",
    ["file:///etc/passwd", "data:text/html,<h1>x</h1>", "javascript:alert(1)", "ftp://www.osce.org/cio/123456",
     "https://www.example.com/cio/123456", "https://osce.org.example.net/cio/123456", "mailto:press@osce.org"],
)
def test_links_off_the_site_or_to_other_schemes_are_never_requested(href):
    spider = PressReleasesSpider(base_url="http://127.0.0.1:8000")
    url = "http://127.0.0.1:8000/press-releases"
    response = HtmlResponse(url, body=LISTING.format(href=href).encode(), encoding="utf-8",
                            request=Request(url))
    assert requests_from(spider.parse_listing(response)) == []


def test_osce_subdomains_and_the_configured_host_are_followed():
    spider = PressReleasesSpider(base_url="http://127.0.0.1:8000")
    url = "http://127.0.0.1:8000/press-releases"
    for href in ("https://bishkek.osce.org/programme-office-in-bishkek/400865", "/cio/123456"):
        response = HtmlResponse(url, body=LISTING.format(href=href).encode(), encoding="utf-8", request=Request(url))
        [request] = requests_from(spider.parse_listing(response))
        assert request.url.endswith(href.rsplit("/", 2)[-2] + "/" + href.rsplit("/", 1)[-1])


@pytest.mark.slow
def test_a_30_mb_page_is_capped_and_reported_without_stopping_the_crawl(tmp_path):
    with MockSite("drupal") as site:
        huge = site.releases[3]
        site.huge_paths.add(huge.path)
        records, process = make_crawl(site.base_url, tmp_path / "out.jsonl",
                                      "-s", f"OSCE_ERRORS_PATH={tmp_path / 'errors.jsonl'}")
    assert {r["node_id"] for r in records} == {r.node_id for r in site.releases} - {huge.node_id}
    [error] = [json.loads(line) for line in (tmp_path / "errors.jsonl").read_text("utf-8").splitlines()]
    assert error["url"].endswith(huge.path)
    assert process.returncode == 3


@pytest.mark.slow
def test_a_dataset_path_that_is_a_folder_is_refused(tmp_path):
    with MockSite("drupal") as site:
        _, process = make_crawl(site.base_url, tmp_path / "unused.jsonl", "-s", f"OSCE_DATASET_PATH={tmp_path}",
                                "-a", "incremental=1")
    assert process.returncode != 0
    assert "OSCE_DATASET_PATH must name a file" in process.stderr


def test_links_to_the_real_site_stay_on_the_mirror_being_crawled():
    spider = PressReleasesSpider(base_url="http://127.0.0.1:8000")
    url = "http://127.0.0.1:8000/press-releases"
    html = "<base href='https://www.osce.org/'>" + LISTING.format(href="secretariat/376582")
    response = HtmlResponse(url, body=html.encode(), encoding="utf-8", request=Request(url))
    [request] = requests_from(spider.parse_listing(response))
    assert request.url == "http://127.0.0.1:8000/secretariat/376582"
