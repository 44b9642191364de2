"""The crawl's store, one job a module.

- :mod:`~osce_scraper.store.refusals`: why a run must not start, and its exit status;
- :mod:`~osce_scraper.store.paths`: a path must name a file, and not somebody else's;
- :mod:`~osce_scraper.store.dataset_file`: the dataset file's scan, repair, quarantine and merge;
- :mod:`~osce_scraper.store.crawl_state`: the SQLite crawl state;
- :mod:`~osce_scraper.store.run_lock`: one run at a time on a dataset;
- :mod:`~osce_scraper.store.failure_log`: the errors file;
- :mod:`~osce_scraper.store.check_window`: the release pages the checks judge;
- :mod:`~osce_scraper.store.crawl_store`: the Scrapy extension that owns them all for one crawl, and
  :func:`crawl_store`, how the spider and the checks reach it.
"""

from osce_scraper.store.check_window import CheckWindow, filled_fields
from osce_scraper.store.crawl_state import CrawlState
from osce_scraper.store.crawl_store import CrawlStore, SpiderStore, StorelessCrawl, crawl_store
from osce_scraper.store.dataset_file import (
    DatasetScan,
    lost_release,
    merge_into_dataset,
    record_digest,
    repair_dataset,
    scan_dataset,
)
from osce_scraper.store.failure_log import FailureLog
from osce_scraper.store.paths import check_file_path, check_jsonl_path
from osce_scraper.store.refusals import CannotWrite, DatasetLocked, RunRefused
from osce_scraper.store.run_lock import RunLock

__all__ = [
    "CannotWrite",
    "CheckWindow",
    "CrawlState",
    "CrawlStore",
    "DatasetLocked",
    "DatasetScan",
    "FailureLog",
    "RunLock",
    "RunRefused",
    "SpiderStore",
    "StorelessCrawl",
    "check_file_path",
    "check_jsonl_path",
    "crawl_store",
    "filled_fields",
    "lost_release",
    "merge_into_dataset",
    "record_digest",
    "repair_dataset",
    "scan_dataset",
]
