"""The ``press_releases`` spider: walks a newsroom listing and the releases it links to.

Crawling only: which URLs, in what order, and when to stop. Reading the
pages is done by ``osce_scraper.extract``; fields are derived by the pipelines.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response
from scrapy.settings import BaseSettings

from osce_scraper.extract.dates import parse_date
from osce_scraper.extract.listing import ListingItem, parse_listing
from osce_scraper.extract.page import parse_release_page
from osce_scraper.extract.urls import host_allowed, is_web_url, listing_url, node_id_of, page_number
from osce_scraper.items import RawRelease

DEFAULT_BASE_URL = "https://www.osce.org"
LISTING_PATH = "/press-releases"


class SpiderArgumentError(ValueError):
    """A spider argument (``-a name=value``) that cannot be used, and why."""


def _url_argument(name: str, value: str) -> str:
    value = value.strip()
    parts = urlsplit(value)
    if not is_web_url(value) or not parts.hostname:
        raise SpiderArgumentError(f"{name} must be an http(s) URL such as https://www.osce.org, got {value!r}")
    return value.rstrip("/") if name == "base_url" else value


def _positive_int(name: str, value: Any) -> int | None:
    if value is None or value == "":
        return None
    try:
        number = int(str(value).strip())
    except ValueError:
        raise SpiderArgumentError(f"{name} must be a whole number of at least 1, got {value!r}") from None
    if number < 1:
        raise SpiderArgumentError(f"{name} must be a whole number of at least 1, got {value!r}")
    return number


def _date_argument(name: str, value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise SpiderArgumentError(f"{name} must be a date as YYYY-MM-DD, got {value!r}") from None


class PressReleasesSpider(scrapy.Spider):
    """Arguments: ``base_url``, ``start_url`` (a listing or one release), ``max_pages``, ``since``."""

    name = "press_releases"

    @classmethod
    def update_settings(cls, settings: BaseSettings) -> None:
        super().update_settings(settings)
        if not settings.getdict("FEEDS"):
            path = settings.get("OSCE_DATASET_PATH", "output/press_releases.jsonl")
            settings.set("FEEDS", {path: {"format": "jsonlines", "encoding": "utf-8"}}, priority="spider")

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        start_url: str | None = None,
        max_pages: str | int | None = None,
        since: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.base_url = _url_argument("base_url", base_url)
        self.start_url = _url_argument("start_url", start_url) if start_url else self.base_url + LISTING_PATH
        self.max_pages = _positive_int("max_pages", max_pages)
        self.since = _date_argument("since", since)
        hosts = {urlsplit(self.base_url).hostname or "", urlsplit(self.start_url).hostname or ""}
        self.extra_hosts = frozenset(h.lower() for h in hosts if h)
        self.allowed_domains = sorted({"osce.org", *self.extra_hosts})
        self.requested_nodes: set[str] = set()
        self.listing_pages_seen = 0
        self.listing_pages_total: int | None = None

    async def start(self) -> Any:
        if node_id_of(self.start_url):
            yield self._release_request(self.start_url, None, None)
        else:
            yield self._listing_request(page_number(self.start_url))

    def _listing_request(self, page: int) -> scrapy.Request:
        return scrapy.Request(
            listing_url(self.start_url, page), callback=self.parse_listing, cb_kwargs={"page": page}
        )

    def _release_request(self, url: str, item: ListingItem | None, referer: str | None) -> scrapy.Request:
        return scrapy.Request(
            url,
            callback=self.parse_release,
            cb_kwargs={"listing": item},
            headers={"Referer": referer} if referer else None,
        )

    def parse_listing(self, response: Response, page: int = 0) -> Iterator[scrapy.Request]:
        """Requests for the listing's new releases, then for the next listing page."""
        self.listing_pages_seen += 1
        listing = parse_listing(response.text, response.url)
        if listing.last_page is not None:
            # Pages still to come (numbered from 0), for the progress display's ETA.
            total = listing.last_page - page_number(self.start_url) + 1
            self.listing_pages_total = min(total, self.max_pages) if self.max_pages else total
        too_old = False
        for item in listing.items:
            if not host_allowed(item.url, self.extra_hosts):
                continue
            if self.since and (date := parse_date(item.publishing_date)) and date < self.since:
                too_old = True
                continue
            if item.node_id in self.requested_nodes:
                continue
            self.requested_nodes.add(item.node_id)
            yield self._release_request(item.url, item, response.url)
        if too_old or listing.next_page is None:
            return
        if self.max_pages and self.listing_pages_seen >= self.max_pages:
            return
        yield self._listing_request(listing.next_page)

    def parse_release(self, response: Response, listing: ListingItem | None = None) -> Iterator[RawRelease]:
        """The release page as read, with the listing item that led to it."""
        if not hasattr(response, "text"):
            self.logger.warning("not an HTML page: %s", response.url)
            return
        page = parse_release_page(response.text, response.url)
        if page.node_id is None and listing is not None:
            page.node_id = listing.node_id
        yield RawRelease(page=page, listing=listing, crawled_at=_utc_now())


def _utc_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
