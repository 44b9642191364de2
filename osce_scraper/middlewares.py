"""Downloader middlewares: retries that respect a server asking us to slow down."""

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

    def _slot(self, request: Request) -> Any:
        try:
            downloader = self.crawler.engine.downloader
        except (AttributeError, RuntimeError):  # no crawl running: nothing to slow down
            return None
        key = request.meta.get("download_slot") or urlparse_cached(request).hostname or ""
        return downloader.slots.get(key)

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
