"""The crawl's store as Scrapy builds it: the answers the spider gets, the counts, the end of a run."""

import json

from scrapy import Spider
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.test import get_crawler

from osce_scraper import settings as project_settings
from osce_scraper.spiders.press_releases import PressReleasesSpider
from osce_scraper.store import CrawlStore, RunLock, crawl_store


def make_store(tmp_path, mode: str) -> CrawlStore:
    settings = {"OSCE_DATASET_PATH": str(tmp_path / "releases.jsonl"), "OSCE_STATE_PATH": str(tmp_path / "s.sqlite"),
                "OSCE_ERRORS_PATH": str(tmp_path / "errors.jsonl"), "OSCE_RUNS_PATH": str(tmp_path / "runs.jsonl")}
    crawler = get_crawler(Spider, settings_dict=settings)
    crawler.stats = MemoryStatsCollector(crawler)
    store = CrawlStore(crawler, mode)
    store.open()
    return store


def make_record(node_id: str, title: str = "T") -> dict:
    return {"node_id": node_id, "title": title, "crawled_at": "2026-01-01T00:00:00Z"}


def test_a_spider_without_a_store_is_told_nothing_is_known_and_nothing_to_retry():
    spider = PressReleasesSpider(base_url="http://127.0.0.1:8000")
    assert not spider.store.is_known("376582") and spider.store.failed_pages() == []
    assert not spider.store.stop_at_known_page and spider.store.window.pages() == []
    assert crawl_store(get_crawler(Spider)).failed_pages() == []


def test_a_plain_run_counts_new_updated_and_unchanged_and_merges_at_the_end(tmp_path):
    (tmp_path / "releases.jsonl").write_text("".join(json.dumps(make_record(n)) + "\n" for n in "123"), "utf-8")
    store = make_store(tmp_path, "plain")
    assert not store.is_known("1")  # a plain run fetches what the walk shows
    for record in (make_record("1"), make_record("2", "Changed"), make_record("4")):
        store.item_scraped(record)
    assert [store.stats.get_value(f"osce/{kind}_records") for kind in ("new", "updated", "unchanged")] == [1, 1, 1]
    assert (tmp_path / "releases.jsonl").read_text("utf-8").count("\n") == 3  # untouched until the end
    store.spider_closed(None, "finished")
    titles = [(r["node_id"], r["title"]) for r in map(json.loads, (tmp_path / "releases.jsonl").open())]
    assert titles == [("1", "T"), ("2", "Changed"), ("3", "T"), ("4", "T")]
    RunLock(tmp_path / "releases.jsonl").acquire()  # released at the end


def test_an_incremental_run_knows_the_dataset_and_remembers_failed_pages(tmp_path):
    (tmp_path / "releases.jsonl").write_text(json.dumps(make_record("1")) + "\n", "utf-8")
    store = make_store(tmp_path, "incremental")
    assert store.is_known("1") and not store.is_known("2")
    store.record_failure({"url": "https://www.osce.org/cio/2", "kind": "unreadable", "status": 200}, "2", None)
    store.spider_closed(None, "finished")
    assert make_store(tmp_path, "incremental").failed_pages() == [("https://www.osce.org/cio/2", None)]


def test_the_store_closes_before_the_checks_and_the_summary():
    order = sorted(project_settings.EXTENSIONS, key=project_settings.EXTENSIONS.get)
    assert order.index("osce_scraper.store.CrawlStore") < order.index(
        "spidermon.contrib.scrapy.extensions.Spidermon") < order.index("osce_scraper.extensions.RunSummary")
