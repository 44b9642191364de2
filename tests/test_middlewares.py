"""A server's Retry-After is a promise kept: the retry waits for it, and the site's slot slows down."""

from __future__ import annotations

import asyncio
import time

from scrapy import Request, Spider
from scrapy.http import Response
from scrapy.utils.test import get_crawler

from osce_scraper.middlewares import RetryAfterMiddleware


def make_middleware() -> RetryAfterMiddleware:
    crawler = get_crawler(Spider, settings_dict={"RETRY_TIMES": 2, "DOWNLOAD_DELAY": 0})
    crawler.spider = crawler._create_spider("press_releases")
    return RetryAfterMiddleware(crawler)


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
