"""A Scrapy extension for benchmarks: resident memory at set points of a crawl, and its peak.

Memory is the whole process tree: the crawling process and any child processes it starts.
"""

from __future__ import annotations

import json
import resource
from pathlib import Path
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler

CHECKPOINTS = (1000, 5000, 10000, 20000)
#: The probe samples memory every this many releases (and at the checkpoints).
SAMPLE_EVERY = 250


def rss_mb(pid: int | str = "self") -> float:
    """A process's resident memory now, in MB (Linux); 0 for a process that has ended."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def child_pids() -> list[str]:
    """The crawling process's child processes, if any."""
    return [pid for task in Path("/proc/self/task").iterdir()
            for pid in (task / "children").read_text().split()]


def total_rss_mb() -> float:
    """The crawling process's resident memory plus its children's, in MB."""
    return rss_mb() + sum(rss_mb(pid) for pid in child_pids())


class RssProbe:
    """Records RSS when the count of releases (items, or release responses) reaches each checkpoint."""

    def __init__(self, crawler: Crawler) -> None:
        self.path = Path(crawler.settings.get("BENCH_RSS_PATH", "rss.json"))
        self.count_responses = crawler.settings.getbool("BENCH_COUNT_RESPONSES")
        self.count = 0
        self.at: dict[int, float] = {}
        self.peak = 0.0

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
        if self.count in CHECKPOINTS or self.count % SAMPLE_EVERY == 0:
            rss = total_rss_mb()
            self.peak = max(self.peak, rss)
            if self.count in CHECKPOINTS:
                self.at[self.count] = rss

    def closed(self, spider: Any) -> None:
        crawler_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.path.write_text(json.dumps({"count": self.count, "rss_at": self.at, "peak_rss_mb": crawler_peak,
                                         "peak_total_rss_mb": max(self.peak, crawler_peak)}))
