import gc
import io

from scrapy.utils.test import get_crawler

from osce_scraper.extensions import GarbageCollector, Progress
from osce_scraper.spiders.press_releases import PressReleasesSpider


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def make_progress(stream) -> Progress:
    return Progress(get_crawler(PressReleasesSpider), stream=stream)


def test_progress_is_shown_on_a_terminal():
    terminal = FakeTerminal()
    progress = make_progress(terminal)
    assert progress.enabled
    progress.show()
    assert terminal.getvalue().startswith("\rpages 0 · records 0")


def test_progress_is_quiet_when_output_is_not_a_terminal():
    pipe = io.StringIO()
    progress = make_progress(pipe)
    assert not progress.enabled
    progress.spider_opened(None)
    progress.spider_closed(None)
    assert pipe.getvalue() == ""


def test_the_objects_of_an_open_crawl_are_out_of_the_collectors_walks_until_it_closes():
    crawler = get_crawler(PressReleasesSpider)
    extension = GarbageCollector.from_crawler(crawler)
    assert gc.get_freeze_count() == 0
    extension.spider_opened(None)
    try:
        assert gc.get_freeze_count() > 1000
    finally:
        extension.spider_closed(None)
    assert gc.get_freeze_count() == 0


def test_a_crawl_collects_its_young_objects_less_often_and_the_thresholds_come_back_at_its_close():
    before = gc.get_threshold()
    extension = GarbageCollector.from_crawler(get_crawler(PressReleasesSpider))
    extension.spider_opened(None)
    try:
        during = gc.get_threshold()
    finally:
        extension.spider_closed(None)
    assert during[0] >= 10 * 700 and during[0] > before[0] and during[1:] == before[1:]
    assert gc.get_threshold() == before
