"""A Scrapy extension for benchmarks: resident memory at set points of a crawl, and its peak."""

from __future__ import annotations

import json
import resource
from pathlib import Path
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler

CHECKPOINTS = (1000, 5000)


def rss_mb() -> float:
    """The process's resident memory now, in MB (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class RssProbe:
    """Records RSS when the count of releases (items, or release responses) reaches each checkpoint."""

    def __init__(self, crawler: Crawler) -> None:
        self.path = Path(crawler.settings.get("BENCH_RSS_PATH", "rss.json"))
        self.count_responses = crawler.settings.getbool("BENCH_COUNT_RESPONSES")
        self.count = 0
        self.at: dict[int, float] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RssProbe:
        probe = cls(crawler)
        signal = signals.response_received if probe.count_responses else signals.item_scraped
        crawler.signals.connect(probe.counted, signal=signal)
        crawler.signals.connect(probe.closed, signal=signals.spider_closed)
        return probe

    def counted(self, *args: Any, **kwargs: Any) -> None:
        request = kwargs.get("request")
        if self.count_responses and request is not None and "page=" in request.url:
            return  # count release pages, not listing pages
        self.count += 1
        if self.count in CHECKPOINTS:
            self.at[self.count] = rss_mb()

    def closed(self, spider: Any) -> None:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.path.write_text(json.dumps({"count": self.count, "rss_at": self.at, "peak_rss_mb": peak}))
