"""The fetch-only spider, yielding one small item per release page: Scrapy's item machinery without reading.

What the crawl benchmark's full spider pays for items (feed export, checks,
signals) before any page is read. A listing page's URL holds ``page=`` or ends
in ``/press-releases``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

import scrapy

from benchmarks.fetch_only import FetchOnlySpider


class FetchItemsSpider(FetchOnlySpider):
    name = "fetch_items"
    custom_settings: ClassVar[dict[str, Any]] = {"ITEM_PIPELINES": {}}

    def parse(self, response: scrapy.http.Response) -> Iterator[Any]:
        if "page=" not in response.url and not response.url.endswith("/press-releases"):
            yield {"url": response.url, "title": "A release", "date": "2020-01-01", "source": ["OSCE"],
                   "place": "Vienna"}
