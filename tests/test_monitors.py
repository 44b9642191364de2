"""The end-of-run checks judge the checks' window with the project's settings."""

from types import SimpleNamespace

import pytest
from scrapy.settings import Settings

from osce_scraper import monitors, settings
from osce_scraper.store.check_window import CheckWindow
from osce_scraper.store.crawl_store import CrawlStore

PROJECT_SETTINGS = {name: value for name, value in vars(settings).items() if name.isupper()}
# "Source:" is asked of 50% of release pages, a place of 60% of records.
CHECKS = [(monitors.PageLabelsMonitor, "test_labels_found", 0.5),
          (monitors.FieldCoverageMonitor, "test_field_coverage", 0.6)]


def make_checks_data(pages_with_labels: int, pages: int, crawl_settings: dict) -> SimpleNamespace:
    """What a check reads at the close: the crawl's settings and a crawl store whose window holds ``pages``
    release pages, ``pages_with_labels`` of them showing "Source:" and "Place:" and filling every ruled field."""
    window = CheckWindow(pages, earlier=None)
    fields = [rule.split("/", 1)[-1] for rule in settings.SPIDERMON_FIELD_COVERAGE_RULES]
    for node in range(pages):
        shown = node < pages_with_labels
        window.page_read(str(node), ["Source:", "Place:"] if shown else [])
        window.record_made(str(node), fields if shown else ["title", "url", "date", "source"])
    store = CrawlStore.__new__(CrawlStore)  # the checks ask the store for its window alone
    store.window = window
    crawler = SimpleNamespace(settings=Settings(crawl_settings), extensions=SimpleNamespace(middlewares=[store]))
    return SimpleNamespace(crawler=crawler)


def run_check(monitor: type, method: str, data: SimpleNamespace) -> None:
    check = monitor(method)
    check.init_data(data)
    getattr(check, method)()


@pytest.mark.parametrize("tolerance_set", [True, False], ids=["tolerance set", "tolerance unset"])
@pytest.mark.parametrize(("monitor", "method", "minimum"), CHECKS)
def test_a_share_within_the_tolerance_of_its_minimum_passes(monitor, method, minimum, tolerance_set):
    # Unset, the tolerance is settings.py's (half a percent), as everywhere else a setting is read.
    crawl_settings = {name: value for name, value in PROJECT_SETTINGS.items()
                      if tolerance_set or name != "SPIDERMON_FIELD_COVERAGE_TOLERANCE"}
    pages = 1000
    run_check(monitor, method, make_checks_data(round(pages * (minimum - 0.003)), pages, crawl_settings))
    with pytest.raises(AssertionError):
        run_check(monitor, method, make_checks_data(round(pages * (minimum - 0.01)), pages, crawl_settings))
