import io

from scrapy.utils.test import get_crawler

from osce_scraper.extensions import Progress
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
