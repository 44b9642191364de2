"""Downloader middlewares: the pace a site asks for (robots.txt ``Crawl-delay``, a 429's ``Retry-After``)."""

from __future__ import annotations

import asyncio
import email.utils
import time
from typing import Any

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware, get_retry_request
from scrapy.http import Response
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.response import response_status_message

from osce_scraper import settings as defaults
from osce_scraper.stats import CRAWL_DELAY_STATS, SLOWED_DOWN_STAT

#: Statuses with which a server says "later": the crawl slows down before retrying.
SLOW_DOWN_STATUSES = frozenset({429, 503})
#: Request meta: the ``time.monotonic()`` before which a retry asked to wait is not sent.
NOT_BEFORE_KEY = "osce_not_before"
#: Request meta: the ``time.monotonic()`` at which the request left this middleware for the download slot.
LEFT_KEY = "osce_left_for_slot"
#: Seconds allowed for a body to arrive after its headers, when a request's departure is told from its latency.
BODY_TRANSFER_ALLOWANCE = 0.05


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
    """Scrapy's retries, and the pace the site asks for: its robots.txt ``Crawl-delay`` and a 429's ``Retry-After``.

    - A 429 or 503 slows the site's download slot to its ``Retry-After`` (``OSCE_RETRY_AFTER_DEFAULT``
      without one, at most ``OSCE_RETRY_AFTER_MAX``), and neither the retry nor any other request to
      the site is sent before that time has passed, whatever AutoThrottle does with the slot meanwhile.
      The slot's delay then relaxes back to ``DOWNLOAD_DELAY`` as successful responses come in, unless
      AutoThrottle, which manages the delay itself, is on.
    - robots.txt's ``Crawl-delay`` (read by Scrapy's parser, the ``robots_parsed`` signal) is the
      least delay of the site's slot, without random variation, whatever ``DOWNLOAD_DELAY``,
      AutoThrottle or the relaxing above say. ``OSCE_OBEY_CRAWL_DELAY = False`` ignores it.

    One component owns a slot's delay, so that no two of them undo each other's work. Of a slot it
    touches only what Scrapy documents as a slot's parameters (``DOWNLOAD_SLOTS``): ``delay``, and
    ``jitter`` (Scrapy 2.19 and later) or ``randomize_delay`` (before).
    """

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler.settings)
        self.crawler = crawler
        self.default_wait = crawler.settings.getfloat("OSCE_RETRY_AFTER_DEFAULT", defaults.OSCE_RETRY_AFTER_DEFAULT)
        self.max_wait = crawler.settings.getfloat("OSCE_RETRY_AFTER_MAX", defaults.OSCE_RETRY_AFTER_MAX)
        self.base_delay = crawler.settings.getfloat("DOWNLOAD_DELAY")
        self.autothrottle = crawler.settings.getbool("AUTOTHROTTLE_ENABLED")
        self.obey_crawl_delay = crawler.settings.getbool("OSCE_OBEY_CRAWL_DELAY", defaults.OSCE_OBEY_CRAWL_DELAY)
        self.user_agent = crawler.settings.get("USER_AGENT") or ""
        #: Site (host) -> the ``time.monotonic()`` before which no request goes to it.
        self.hold_until: dict[str, float] = {}
        #: Site (host) -> its robots.txt Crawl-delay, in seconds.
        self.crawl_delays: dict[str, float] = {}
        #: Site (host) -> a ``time.monotonic()`` at or before the slot's last departure: the latest time
        #: an answered request left this middleware (it reached the slot, and was sent, after it).
        self.sent_after: dict[str, float] = {}
        #: Site (host) -> the slot's delay before a hold lengthened it, given back when the hold is over.
        self.delay_before_hold: dict[str, float] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryAfterMiddleware:
        middleware = cls(crawler)
        crawler.signals.connect(middleware.robots_parsed, signal=signals.robots_parsed)
        # Connected after AutoThrottle (an extension, made before the downloader): its
        # adjustment of a slot's delay is followed at once by the Crawl-delay floor.
        crawler.signals.connect(middleware.response_downloaded, signal=signals.response_downloaded)
        return middleware

    @staticmethod
    def slot_of(crawler: Crawler, request: Request) -> Any:
        """The downloader's slot for ``request``'s site, or None outside a crawl."""
        try:
            downloader = crawler.engine.downloader
        except (AttributeError, RuntimeError):  # no crawl running: nothing to slow down
            return None
        if downloader is None:
            return None
        return downloader.slots.get(downloader.get_slot_key(request))

    def robots_parsed(self, robotparser: Any, request: Request) -> None:
        delay = robotparser.crawl_delay(self.user_agent) if self.obey_crawl_delay else None
        if delay:
            host = urlparse_cached(request).hostname or ""
            self.crawl_delays[host] = float(delay)
            if self.crawler.stats:
                self.crawler.stats.set_value(f"{CRAWL_DELAY_STATS}/{host}", float(delay))
            self._keep_pace(request)

    def _keep_pace(self, request: Request) -> None:
        """The site's slot waits at least its Crawl-delay between requests, and sends nothing while a
        Retry-After holds, not even requests already in its queue; neither is shortened at random."""
        host = urlparse_cached(request).hostname or ""
        slot = self.slot_of(self.crawler, request)
        if slot is None:
            return
        if floor := self.crawl_delays.get(host):
            slot.delay = max(slot.delay, floor)
            steady(slot)
        hold_until = self.hold_until.get(host, 0.0)
        if hold_until > time.monotonic():
            # The slot sends its next request ``delay`` after its last one, which left no earlier than
            # ``sent_after``: a delay counted from there ends after the hold.
            needed = hold_until - self.sent_after.get(host, time.monotonic())
            if needed > slot.delay:
                self.delay_before_hold.setdefault(host, slot.delay)
                slot.delay = needed
            steady(slot)
        elif (before := self.delay_before_hold.pop(host, None)) is not None:
            # The hold is over: the slot goes on at the pace it had (the Retry-After's, relaxing),
            # not at the longer delay that only kept the hold.
            slot.delay = max(min(slot.delay, before), self.crawl_delays.get(host, 0.0))

    def _answered(self, request: Request) -> None:
        """Note when ``request`` was sent: the slot's last departure was no earlier.

        It left here at ``LEFT_KEY``, may have waited in the slot's queue, and was sent ``download_latency``
        (Scrapy's request meta) before its answer began: the later of the two, less the body's transfer.
        """
        sent = request.meta.get(LEFT_KEY)
        if sent is None:
            return
        if (latency := request.meta.get("download_latency")) is not None:
            sent = max(sent, time.monotonic() - latency - BODY_TRANSFER_ALLOWANCE)
        host = urlparse_cached(request).hostname or ""
        self.sent_after[host] = max(self.sent_after.get(host, 0.0), sent)

    def response_downloaded(self, response: Response, request: Request, spider: Any = None) -> None:
        self._answered(request)
        self._keep_pace(request)

    async def process_request(self, request: Request, spider: Any = None) -> None:
        self._keep_pace(request)
        not_before = max(request.meta.get(NOT_BEFORE_KEY, 0.0),
                         self.hold_until.get(urlparse_cached(request).hostname or "", 0.0))
        if (wait := not_before - time.monotonic()) > 0:
            await asyncio.sleep(wait)
            self._keep_pace(request)
        request.meta[LEFT_KEY] = time.monotonic()

    def retry_request(self, request: Request, reason: str | Exception | type[Exception]) -> Request | None:
        """``request`` once more, as Scrapy's RetryMiddleware retries it, or None when its retries are spent."""
        return get_retry_request(
            request, spider=self.crawler.spider, reason=reason,
            max_retry_times=request.meta.get("max_retry_times", self.max_retry_times),
            priority_adjust=request.meta.get("priority_adjust", self.priority_adjust))

    def process_response(self, request: Request, response: Response, spider: Any = None) -> Request | Response:
        self._answered(request)
        slot = self.slot_of(self.crawler, request)
        retry_allowed = not request.meta.get("dont_retry", False)
        if response.status in SLOW_DOWN_STATUSES and retry_allowed:
            wait = retry_after_seconds(response.headers.get("Retry-After"), self.default_wait, self.max_wait)
            if slot is not None:
                slot.delay = max(slot.delay, wait)
            if self.crawler.stats:
                self.crawler.stats.inc_value(SLOWED_DOWN_STAT)
            retry = self.retry_request(request, response_status_message(response.status))
            if retry is None:
                return response
            # The slot's delay is randomised, counts from the slot's last request and AutoThrottle
            # lowers it again: not a promise. The hold is.
            retry.meta[NOT_BEFORE_KEY] = time.monotonic() + wait
            host = urlparse_cached(request).hostname or ""
            self.hold_until[host] = max(self.hold_until.get(host, 0.0), retry.meta[NOT_BEFORE_KEY])
            self._keep_pace(request)
            return retry
        if slot is not None and not self.autothrottle and response.status < 400 and slot.delay > self.base_delay:
            slot.delay = max(self.base_delay, slot.delay / 2)
            self._keep_pace(request)
        if response.status in self.retry_http_codes and retry_allowed:
            return self.retry_request(request, response_status_message(response.status)) or response
        return response


def steady(slot: Any) -> None:
    """Turn off the random variation of a download slot's delay, by the name the running Scrapy gives it.

    Scrapy 2.19 calls it ``jitter`` (a magnitude; its ``randomize_delay`` is deprecated); Scrapy 2.13-2.18
    call it ``randomize_delay`` (a flag), and their slot from 2.15 on has no other attribute to set.
    """
    if hasattr(slot, "jitter"):
        slot.jitter = 0.0
    else:
        slot.randomize_delay = False
