"""The engine floor of the crawl benchmark: what any spider that writes this dataset pays before it reads a field.

``follow_links.py``, and each release page parsed as the full spider parses it (``page_selector``), its paragraphs'
text taken by one XPath in lxml's C code, and one item per release with every field of a record, passed through
as many pipelines as the full spider has (each hands the item on) and written by the same ``-O`` feed exporter.

Beside the full spider it shows what reading a page into fields costs (lines, labels, title, dates, places,
officials, the schema check) once parsing, Scrapy's item machinery and the export are paid.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

import scrapy
from lxml import etree

from benchmarks.follow_links import FollowLinksSpider
from osce_scraper import settings
from osce_scraper.items import RECORD_FIELDS
from osce_scraper.pages.html import page_selector

_PARAGRAPH_TEXT = etree.XPath("//p//text()", smart_strings=False)
_TITLE = etree.XPath("string(//h1)", smart_strings=False)


class PassThroughPipeline:
    """Hands the item on: the cost of one pipeline in Scrapy's chain."""

    def process_item(self, item: Any) -> Any:
        return item


# Scrapy takes each pipeline class once: one subclass for each of the full spider's pipelines.
_PIPELINES = {f"PassThrough{n}": type(f"PassThrough{n}", (PassThroughPipeline,), {})
              for n in range(len(settings.ITEM_PIPELINES))}
globals().update(_PIPELINES)


class ParseItemsSpider(FollowLinksSpider):
    name = "parse_items"
    custom_settings: ClassVar[dict[str, Any]] = {
        "ITEM_PIPELINES": {f"{__name__}.{name}": 100 * n for n, name in enumerate(_PIPELINES, 1)}}

    def release(self, response: scrapy.http.Response) -> Iterator[Any]:
        root = page_selector(response.text).root
        record: dict[str, Any] = dict.fromkeys(RECORD_FIELDS)
        record.update(url=response.url, title=_TITLE(root).strip(), text="\n\n".join(_PARAGRAPH_TEXT(root)),
                      places=[], source=[], fields_of_work=[], officials=[], version=1)
        yield record
