"""Downloader middlewares: the pace a site asks for (robots.txt ``Crawl-delay``, a 429's ``Retry-After``)."""

from __future__ import annotations

import asyncio
import email.utils
import time
from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Response
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.response import response_status_message

#: Statuses with which a server says "later": the crawl slows down before retrying.
SLOW_DOWN_STATUSES = frozenset({429, 503})
#: Request meta: the ``time.monotonic()`` before which a retry asked to wait is not sent.
NOT_BEFORE_KEY = "osce_not_before"


def retry_after_seconds(value: bytes | str | None, default: float, cap: float) -> float:
    """Seconds to wait from a ``Retry-After`` header (seconds or an HTTP date), within ``[0, cap]``.

    >>> retry_after_seconds(b"7", 2.0, 60.0), retry_after_seconds(None, 2.0, 60.0), retry_after_seconds("9999", 2, 60)
    (7.0, 2.0, 60)
    """
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    if not value or not value.strip():
        return default
    text = value.strip()
    if text.isdigit():
        return min(float(text), cap)
    try:
        when = email.utils.parsedate_to_datetime(text).timestamp()
    except (TypeError, ValueError):
        return default
    return min(max(0.0, when - time.time()), cap)


class RetryAfterMiddleware(RetryMiddleware):
    """Scrapy's retries, but a 429 or 503 first slows the site's download slot to its ``Retry-After``.

    The retry itself is never sent before ``Retry-After`` has passed. Other requests to the
    site wait too (the whole crawl slows down): the slot's delay relaxes back to
    ``DOWNLOAD_DELAY`` as successful responses come in, unless AutoThrottle, which manages the
    delay itself, is on.
    """

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler.settings)
        self.crawler = crawler
        self.default_wait = crawler.settings.getfloat("OSCE_RETRY_AFTER_DEFAULT", 5.0)
        self.max_wait = crawler.settings.getfloat("OSCE_RETRY_AFTER_MAX", 120.0)
        self.base_delay = crawler.settings.getfloat("DOWNLOAD_DELAY", 0.0)
        self.autothrottle = crawler.settings.getbool("AUTOTHROTTLE_ENABLED")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryAfterMiddleware:
        return cls(crawler)

    @staticmethod
    def slot_of(crawler: Crawler, request: Request) -> Any:
        """The downloader's slot for ``request``'s site, or None outside a crawl."""
        try:
            downloader = crawler.engine.downloader
        except (AttributeError, RuntimeError):  # no crawl running: nothing to slow down
            return None
        key = request.meta.get("download_slot") or urlparse_cached(request).hostname or ""
        return downloader.slots.get(key)

    def _slot(self, request: Request) -> Any:
        return self.slot_of(self.crawler, request)

    async def process_request(self, request: Request, spider: Any = None) -> None:
        if (not_before := request.meta.get(NOT_BEFORE_KEY)) and (wait := not_before - time.monotonic()) > 0:
            await asyncio.sleep(wait)

    def process_response(self, request: Request, response: Response, spider: Any = None) -> Request | Response:
        slot = self._slot(request)
        if response.status in SLOW_DOWN_STATUSES and not request.meta.get("dont_retry", False):
            wait = retry_after_seconds(response.headers.get("Retry-After"), self.default_wait, self.max_wait)
            if slot is not None:
                slot.delay = max(slot.delay, wait)
            if self.crawler.stats:
                self.crawler.stats.inc_value("osce/slowed_down")
            retry = self._retry(request, response_status_message(response.status))
            if retry is None:
                return response
            # The slot's delay is randomised and counts from the slot's last request: not a promise.
            retry.meta[NOT_BEFORE_KEY] = time.monotonic() + wait
            return retry
        if slot is not None and not self.autothrottle and response.status < 400 and slot.delay > self.base_delay:
            slot.delay = max(self.base_delay, slot.delay / 2)
        return super().process_response(request, response)


class CrawlDelayMiddleware:
    """Obeys robots.txt ``Crawl-delay``: requests to a site go out at least that many seconds apart.

    The delay comes from Scrapy's robots.txt parser (the ``robots_parsed`` signal) and holds
    whatever ``DOWNLOAD_DELAY``, its random jitter or AutoThrottle say: each request to the site
    waits here for its turn. ``OSCE_OBEY_CRAWL_DELAY = False`` turns it off.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.user_agent = crawler.settings.get("USER_AGENT", "")
        self.delays: dict[str, float] = {}
        self.next_turn: dict[str, float] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlDelayMiddleware:
        from scrapy import signals
        from scrapy.exceptions import NotConfigured

        if not crawler.settings.getbool("OSCE_OBEY_CRAWL_DELAY", True) or not crawler.settings.getbool(
            "ROBOTSTXT_OBEY"
        ):
            raise NotConfigured
        middleware = cls(crawler)
        crawler.signals.connect(middleware.robots_parsed, signal=signals.robots_parsed)
        return middleware

    def robots_parsed(self, robotparser: Any, request: Request) -> None:
        delay = robotparser.crawl_delay(self.user_agent)
        if delay:
            host = urlparse_cached(request).hostname or ""
            self.delays[host] = float(delay)
            if self.crawler.stats:
                self.crawler.stats.set_value(f"osce/crawl_delay/{host}", float(delay))

    async def process_request(self, request: Request, spider: Any = None) -> None:
        host = urlparse_cached(request).hostname or ""
        delay = self.delays.get(host)
        if not delay or request.meta.get("dont_obey_robotstxt"):
            return
        slot = RetryAfterMiddleware.slot_of(self.crawler, request)
        if slot is not None and slot.delay < delay:
            slot.delay = delay  # the downloader itself then paces the site too
        now = time.monotonic()
        turn = max(now, self.next_turn.get(host, now))
        self.next_turn[host] = turn + delay
        if turn > now:
            await asyncio.sleep(turn - now)
