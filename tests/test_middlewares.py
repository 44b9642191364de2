"""A server's Retry-After is a promise kept: the retry waits for it, and the site's slot slows down;
robots.txt's Crawl-delay is the least delay of a real Scrapy download slot, never shortened at random."""

from __future__ import annotations

import asyncio
import inspect
import time
from types import SimpleNamespace

from scrapy import Request, Spider
from scrapy.core.downloader import Slot
from scrapy.http import Response
from scrapy.robotstxt import ProtegoRobotParser
from scrapy.utils.test import get_crawler

from osce_scraper.middlewares import RetryAfterMiddleware

SITE = "127.0.0.1"


def make_middleware(**settings: object) -> RetryAfterMiddleware:
    crawler = get_crawler(Spider, settings_dict={"RETRY_TIMES": 2, "DOWNLOAD_DELAY": 0, **settings})
    crawler.spider = Spider.from_crawler(crawler, "press_releases")
    return RetryAfterMiddleware.from_crawler(crawler)


def make_randomised_slot(delay: float = 0.5) -> Slot:
    """A real downloader slot whose delay varies at random, as Scrapy's default (RANDOMIZE_DOWNLOAD_DELAY) makes it."""
    if "jitter" in inspect.signature(Slot).parameters:  # Scrapy 2.19 and later
        return Slot(2, delay, jitter=0.5)
    return Slot(2, delay, randomize_delay=True)


def make_crawling_middleware(slot: Slot, **settings: object) -> RetryAfterMiddleware:
    """A middleware whose crawler's downloader holds ``slot`` as the site's slot."""
    middleware = make_middleware(**settings)
    downloader = SimpleNamespace(slots={SITE: slot}, get_slot_key=lambda request: SITE)
    middleware.crawler.engine = SimpleNamespace(downloader=downloader)
    return middleware


def test_a_retry_after_429_is_not_sent_before_retry_after_has_passed():
    middleware = make_middleware()
    request = Request("http://127.0.0.1:8000/cio/500001")
    response = Response(request.url, status=429, headers={"Retry-After": "1"}, request=request)
    asked = time.monotonic()
    retry = middleware.process_response(request, response)
    assert isinstance(retry, Request) and retry.url == request.url
    asyncio.run(middleware.process_request(retry))
    assert time.monotonic() - asked >= 1.0


def test_a_request_without_a_wait_goes_at_once():
    middleware = make_middleware()
    start = time.monotonic()
    asyncio.run(middleware.process_request(Request("http://127.0.0.1:8000/cio/500002")))
    assert time.monotonic() - start < 0.1


def test_the_last_retry_gives_the_429_back():
    middleware = make_middleware()
    request = Request("http://127.0.0.1:8000/cio/500003", meta={"retry_times": 2})
    response = Response(request.url, status=429, headers={"Retry-After": "1"}, request=request)
    assert middleware.process_response(request, response) is response


def test_after_a_429_no_other_request_to_the_site_goes_before_retry_after():
    middleware = make_middleware()
    first = Request("http://127.0.0.1:8000/cio/500004")
    middleware.process_response(first, Response(first.url, status=429, headers={"Retry-After": "1"}, request=first))
    start = time.monotonic()
    asyncio.run(middleware.process_request(Request("http://127.0.0.1:8000/cio/500005")))
    assert time.monotonic() - start >= 0.95
    start = time.monotonic()
    asyncio.run(middleware.process_request(Request("http://localhost:8001/cio/500006")))  # another site
    assert time.monotonic() - start < 0.1


def test_robots_crawl_delay_is_the_slots_least_delay_and_is_never_shortened_at_random():
    slot = make_randomised_slot(0.5)
    assert len({slot.download_delay() for _ in range(20)}) > 1  # the slot varies its delay before
    middleware = make_crawling_middleware(slot)
    robots = Request(f"http://{SITE}:8000/robots.txt")
    parser = ProtegoRobotParser.from_crawler(middleware.crawler, b"User-agent: *\nCrawl-delay: 10\n")
    middleware.robots_parsed(parser, robots)
    assert {slot.download_delay() for _ in range(200)} == {10.0}
    # AutoThrottle lowers the delay after a quick response: the Crawl-delay comes back at once.
    slot.delay = 0.2
    page = Request(f"http://{SITE}:8000/press-releases")
    middleware.response_downloaded(Response(page.url, request=page), page)
    assert slot.download_delay() == 10.0


def test_crawl_delay_ignored_when_told_to():
    slot = make_randomised_slot(0.5)
    middleware = make_crawling_middleware(slot, OSCE_OBEY_CRAWL_DELAY=False)
    parser = ProtegoRobotParser.from_crawler(middleware.crawler, b"User-agent: *\nCrawl-delay: 10\n")
    middleware.robots_parsed(parser, Request(f"http://{SITE}:8000/robots.txt"))
    assert max(slot.download_delay() for _ in range(50)) <= 0.75


def test_a_429_holds_the_slot_from_the_last_request_it_sent_until_retry_after_has_passed():
    slot = make_randomised_slot(0.5)
    middleware = make_crawling_middleware(slot)
    request = Request(f"http://{SITE}:8000/cio/500007")
    asyncio.run(middleware.process_request(request))
    left = time.monotonic()
    time.sleep(0.2)  # the answer comes some time after the request left for the slot
    middleware.process_response(request, Response(request.url, status=429, headers={"Retry-After": "2"},
                                                  request=request))
    # The slot's next request goes ``download_delay()`` after its last one, which left no earlier than
    # ``left``: every delay it draws reaches past the Retry-After, counted from the answer.
    assert min(slot.download_delay() for _ in range(200)) >= 2.0 + (time.monotonic() - left) - 0.05


def test_a_server_error_is_retried_through_scrapys_retry_request_and_dont_retry_is_obeyed():
    middleware = make_middleware()
    request = Request(f"http://{SITE}:8000/cio/500008")
    retry = middleware.process_response(request, Response(request.url, status=500, request=request))
    assert isinstance(retry, Request) and retry.meta["retry_times"] == 1 and retry.dont_filter
    assert middleware.crawler.stats.get_value("retry/count") == 1
    kept = Request(request.url, meta={"dont_retry": True})
    response = Response(kept.url, status=500, request=kept)
    assert middleware.process_response(kept, response) is response


def test_when_the_hold_is_over_the_slot_goes_on_at_the_retry_afters_pace_not_slower():
    slot = make_randomised_slot(0.5)
    middleware = make_crawling_middleware(slot)
    request = Request(f"http://{SITE}:8000/cio/500009")
    asyncio.run(middleware.process_request(request))
    time.sleep(0.3)
    middleware.process_response(request, Response(request.url, status=429, headers={"Retry-After": "1"},
                                                  request=request))
    held = slot.delay
    asyncio.run(middleware.process_request(Request(f"http://{SITE}:8000/cio/500010")))  # waits out the hold
    assert held >= 1.25 and slot.delay == 1.0
