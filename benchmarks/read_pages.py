"""The simplest spider that reads (the crawl benchmark's reading floor): ``follow_links.py``, and each release
page read as the full spider reads it (``page_selector`` and ``read_release``), into nothing.

Beside the full spider it shows what is left once reading is paid: fields, officials, the schema check, the
pipelines, the store and the feed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import scrapy

from benchmarks.follow_links import FollowLinksSpider
from osce_scraper.pages.html import page_selector
from osce_scraper.pages.release import read_release


class ReadPagesSpider(FollowLinksSpider):
    name = "read_pages"

    def release(self, response: scrapy.http.Response) -> Iterator[Any]:
        read_release(page_selector(response.text), response.url)
        return iter(())
