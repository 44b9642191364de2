"""The simplest spider for the site (the crawl benchmark's second floor).

It walks the same listing pages and follows every pager and release link it finds with
``response.css("a::attr(href)")`` and ``urljoin``, a listing page once per page number and a release once per
node id (the newsroom's pager links each page twice, with and without a sort parameter), and reads nothing
on release pages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar

import scrapy

_NODE_RE = re.compile(r"/(\d{3,})/?$")
_PAGE_RE = re.compile(r"[?&]page=(\d+)")


class FollowLinksSpider(scrapy.Spider):
    name = "follow_links"
    custom_settings: ClassVar[dict[str, Any]] = {"ITEM_PIPELINES": {}, "FEEDS": {}}

    def __init__(self, base_url: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.start_urls = [base_url.rstrip("/") + "/press-releases"]
        self.seen_nodes: set[str] = set()
        self.seen_pages = {"0"}  # the first page, asked for without a number

    def parse(self, response: scrapy.http.Response) -> Iterator[Any]:
        for href in response.css("a::attr(href)").getall():
            url = response.urljoin(href)
            if page := _PAGE_RE.search(url):
                if page.group(1) not in self.seen_pages:
                    self.seen_pages.add(page.group(1))
                    yield scrapy.Request(url, callback=self.parse)
            elif (node := _NODE_RE.search(url.split("?")[0])) and node.group(1) not in self.seen_nodes:
                self.seen_nodes.add(node.group(1))
                yield scrapy.Request(url, callback=self.release)

    def release(self, response: scrapy.http.Response) -> Iterator[Any]:
        return iter(())
