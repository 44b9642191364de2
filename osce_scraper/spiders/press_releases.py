"""The ``press_releases`` spider: walks a newsroom listing and the releases it links to.

It crawls and reads: which URLs, in what order, when to stop; each page is read once, in its
callback, with parsel (``osce_scraper.pages``) into what it shows as text. A release page becomes a
:class:`~osce_scraper.items.RawRelease`; the pipelines parse its fields. What the dataset already
holds, and where failures go, it asks the crawl's store (``self.store``, see :func:`crawl_store`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import asdict
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.http import Request, Response
from scrapy.http.request import NO_CALLBACK
from scrapy.settings import Settings
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import Deferred
from twisted.python.failure import Failure

from osce_scraper import settings as defaults
from osce_scraper.extract.dates import parse_date
from osce_scraper.extract.urls import (
    LISTING_FILTER_PARAMS,
    host_allowed,
    is_web_url,
    listing_url,
    node_id_of,
    on_mirror,
    page_number,
)
from osce_scraper.items import RawRelease, utc_now
from osce_scraper.network import no_answer_cause
from osce_scraper.pages.html import page_selector
from osce_scraper.pages.listing import ListingItem, ListingPage, read_listing
from osce_scraper.pages.release import read_release, why_not_the_release
from osce_scraper.stats import (
    EMPTY_LISTING_STAT,
    FAILED_PAGES_STAT,
    FIRST_UNREADABLE_STAT,
    LISTING_ITEMS_STAT,
    LISTING_PAGES_STAT,
    LISTING_PAGES_TOTAL_STAT,
    LISTING_SHAPE_STATS,
    NEWEST_LISTED_STAT,
    PAGE_SHAPE_STATS,
    RELEASE_PAGES_STAT,
    UNREACHABLE_STAT,
    UNREADABLE_PAGES_STAT,
    WALK_CUT_SHORT_STAT,
    WALK_TOO_SHORT_STAT,
)
from osce_scraper.store import RunRefused, SpiderStore, crawl_store
from osce_scraper.store.sitemap import SITEMAP_MAX_BYTES, SitemapError, read_sitemaps

DEFAULT_BASE_URL = "https://www.osce.org"
LISTING_PATH = "/press-releases"


class SpiderArgumentError(RunRefused, ValueError):
    """A spider argument (``-a name=value``) that cannot be used, and why."""


def _url_argument(name: str, value: str) -> str:
    value = value.strip()
    if not is_web_url(value) or not urlsplit(value).hostname:  # is_web_url first: it refuses what urlsplit cannot split
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


def _flag_argument(name: str, value: Any) -> bool:
    if value is None or isinstance(value, bool):
        return bool(value)
    text = str(value).strip().lower()
    if text in {"1", "true", "yes", "on"}:
        return True
    if text in {"0", "false", "no", "off", ""}:
        return False
    raise SpiderArgumentError(f"{name} must be 1 or 0, got {value!r}")


def _revisit_argument(name: str, value: Any) -> int | str | None:
    """``all``, a whole number (0 and up), or None when not given.

    >>> _revisit_argument("revisit", "all"), _revisit_argument("revisit", " 5 "), _revisit_argument("revisit", None)
    ('all', 5, None)
    """
    if value is None or value == "":
        return None
    text = str(value).strip().lower()
    if text == "all":
        return "all"
    if text.isdigit():
        return int(text)
    raise SpiderArgumentError(f"{name} must be a whole number (known releases to check again) or all, got {value!r}")


#: Statuses a re-check of a known release handles itself: not modified, and withdrawn.
REVISIT_STATUSES = (304, 404, 410)


def _date_argument(name: str, value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise SpiderArgumentError(f"{name} must be a date as YYYY-MM-DD, got {value!r}") from None


class PressReleasesSpider(scrapy.Spider):
    """Arguments: ``base_url``, ``start_url`` (a listing or one release), ``max_pages``, ``since``,
    ``incremental`` (fetch only what the dataset lacks), ``full`` (re-crawl and rewrite it) and ``revisit``
    (known releases to check again: a number, or ``all``; incremental runs check ``OSCE_REVISIT_BUDGET``)."""

    name = "press_releases"

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        start_url: str | None = None,
        max_pages: str | int | None = None,
        since: str | None = None,
        incremental: str | bool | None = None,
        full: str | bool | None = None,
        revisit: str | int | None = None,
        **kwargs: Any,
    ) -> None:
        # scrapyd adds its own (_job); any other name is a typo the user should hear about.
        unknown = sorted(name for name in kwargs if not name.startswith("_"))
        if unknown:
            raise SpiderArgumentError(f"unknown argument {unknown[0]!r}; the arguments are base_url, start_url, "
                                      "max_pages, since, incremental, full and revisit")
        super().__init__(**kwargs)
        self.base_url = _url_argument("base_url", base_url)
        self.start_url = _url_argument("start_url", start_url) if start_url else self.base_url + LISTING_PATH
        self.max_pages = _positive_int("max_pages", max_pages)
        self.since = _date_argument("since", since)
        self.incremental = _flag_argument("incremental", incremental)
        self.full = _flag_argument("full", full)
        if self.incremental and self.full:
            raise SpiderArgumentError("incremental=1 and full=1 exclude each other: choose one")
        self.revisit = _revisit_argument("revisit", revisit)
        if self.full and self.revisit:
            raise SpiderArgumentError("revisit and full=1 exclude each other: a full run fetches every release again")
        hosts = {urlsplit(self.base_url).hostname or "", urlsplit(self.start_url).hostname or ""}
        self.extra_hosts = frozenset(h.lower() for h in hosts if h)
        self.allowed_domains = sorted({"osce.org", *self.extra_hosts})
        start = urlsplit(self.start_url)
        # Only a walk from the newsroom's first page, unfiltered, sees every release when it reaches the end.
        self.walks_whole_newsroom = (start.path.rstrip("/") == LISTING_PATH and page_number(self.start_url) == 0
                                     and "filters" not in start.query
                                     and start.hostname == urlsplit(self.base_url).hostname)
        self._requested_nodes: set[str] = set()
        self.listing_pages_seen = 0
        self.listing_items_seen = 0
        #: The highest listing page a pager has named ("last »", numbered links): where the walk's end may be.
        self.announced_last_page = 0
        #: Where later listing pages are asked for: the start URL, or where its first page redirected to.
        self.listing_base = self.start_url
        self.listing_moved = False
        #: Fires with the body of robots.txt as Scrapy's RobotsTxtMiddleware fetched it, or None (none came).
        self._robots_answer: Deferred[bytes | None] = Deferred()

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> PressReleasesSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider._response_received, signal=signals.response_received)
        return spider

    @classmethod
    def check_arguments(cls, **arguments: Any) -> None:
        """Raise :class:`SpiderArgumentError` for the first argument that cannot be used."""
        cls(**arguments)

    @property
    def store(self) -> SpiderStore:
        """The crawl's store, an extension Scrapy builds after the spider; without one (the spider used alone)
        it answers as a crawl that knows nothing and keeps nothing."""
        return crawl_store(getattr(self, "crawler", None))

    @property
    def requested_nodes(self) -> set[str]:
        """Node ids already requested in this job; kept in ``JOBDIR`` (Scrapy's spider state) across a pause."""
        state = getattr(self, "state", None)
        if state is None:
            return self._requested_nodes
        return state.setdefault("requested_nodes", self._requested_nodes)

    async def start(self) -> Any:
        store = self.store
        # Pages that failed for good in earlier runs are tried again first.
        for url, listing in store.failed_pages():
            node = node_id_of(url)
            if node and not store.is_known(node) and node not in self.requested_nodes:
                self.requested_nodes.add(node)
                yield self._release_request(url, ListingItem(**listing) if listing else None, None)
        budget = self._revisit_budget()
        sitemap_first = self._reads_sitemap(budget)
        if sitemap_first:
            # The listing goes first: its request brings robots.txt (Scrapy's RobotsTxtMiddleware), which names the
            # sitemap; the re-checks follow once the sitemap has said which releases were modified.
            yield self._first_request()
            await self._read_sitemap()
        # Known releases checked again for corrections, with a conditional request where the site gave validators.
        # `revisit` asks for that many now, the most overdue; an incremental run's budget takes only those due.
        for revisit in store.due_revisits(budget, due_only=self.revisit is None):
            if revisit["node_id"] in self.requested_nodes:
                continue
            self.requested_nodes.add(revisit["node_id"])
            listing = ListingItem(**revisit["listing"]) if revisit["listing"] else None
            yield self._release_request(self._on_this_site(revisit["url"]), listing, None, revisit=revisit["headers"])
        if not sitemap_first:
            yield self._first_request()

    def _first_request(self) -> scrapy.Request:
        """The start URL's request: its release page, or its listing page."""
        if node_id_of(self.start_url):
            return self._release_request(self.start_url, None, None)
        return self._listing_request(page_number(self.start_url))

    def _reads_sitemap(self, budget: int | None) -> bool:
        """An incremental run's budget of re-checks, ``OSCE_SITEMAP_LASTMOD`` on, and a store that keeps the state."""
        settings = self._settings()
        return bool(self.revisit is None and budget and settings is not None
                    and settings.getbool("OSCE_SITEMAP_LASTMOD", defaults.OSCE_SITEMAP_LASTMOD)
                    and self.store.sitemap_files_read() is not None)

    async def _read_sitemap(self) -> None:
        """The sitemap's ``lastmod`` of known releases, kept by the store; what goes wrong is one warning and the
        re-checks go by their schedule (never a failed run)."""
        base = urlsplit(self.base_url)
        robots_url = f"{base.scheme}://{base.netloc}/robots.txt"
        try:
            robots = await self._robots_txt(robots_url)
            run = await read_sitemaps(robots, robots_url, self.base_url, self._fetch_sitemap,
                                      self.store.sitemap_file_read, self.store.sitemap_files_read() or {},
                                      dt.datetime.now(dt.UTC))
        except Exception as error:  # anything: the sitemap only orders the re-checks
            self.logger.warning("the sitemap could not be read (%s): the re-checks go by their schedule",
                                f"{type(error).__name__}: {error}"[:200])
            return
        if run.problems:
            more = f" (and {len(run.problems) - 1} more)" if len(run.problems) > 1 else ""
            self.logger.warning("the sitemap could not be read: %s%s; the re-checks go by their schedule",
                                run.problems[0], more)
        if not run.requests:
            self.logger.info("robots.txt names no sitemap: the re-checks go by their schedule")
        else:
            self.logger.info("sitemap: %d request(s), %d file(s) read, %d release(s) dated", run.requests,
                             run.files_read, run.releases)

    async def _robots_txt(self, robots_url: str) -> bytes:
        """robots.txt as Scrapy's RobotsTxtMiddleware fetched it (no second request), or fetched here when it is off."""
        if not self.crawler.settings.getbool("ROBOTSTXT_OBEY"):
            response = await self.crawler.engine.download_async(
                Request(robots_url, callback=NO_CALLBACK, meta={"dont_obey_robotstxt": True}))
            return response.body if response.status == 200 else b""
        return await maybe_deferred_to_future(self._robots_answer) or b""

    def _response_received(self, response: Response, request: Request, spider: Any) -> None:
        """robots.txt comes first (the middleware lets no request through before it): any other response, or a
        failure, means that it came to nothing."""
        if self._robots_answer.called:
            return
        if urlsplit(request.url).path == "/robots.txt":
            self._robots_answer.callback(response.body if response.status == 200 else None)
        else:
            self._robots_answer.callback(None)

    async def _fetch_sitemap(self, url: str) -> bytes:
        """A sitemap file's body, through the downloader (Crawl-delay, retries, the archive), at most
        ``SITEMAP_MAX_BYTES``; :class:`SitemapError` for no answer or a status other than 200."""
        request = Request(url, callback=NO_CALLBACK, dont_filter=True,
                          meta={"download_maxsize": SITEMAP_MAX_BYTES, "download_warnsize": SITEMAP_MAX_BYTES})
        try:
            response = await self.crawler.engine.download_async(request)
        except Exception as error:  # no answer, cut off at the size limit, forbidden by robots.txt
            raise SitemapError(no_answer_cause(error) or f"{type(error).__name__}: {error}"[:200]) from None
        if response.status != 200:
            raise SitemapError(f"answered {response.status}")
        return response.body

    def _revisit_budget(self) -> int | None:
        """How many known releases to check again: ``revisit`` (None for all), else an incremental run's budget."""
        if self.revisit is not None:
            return None if self.revisit == "all" else int(self.revisit)
        if not self.incremental or node_id_of(self.start_url):
            return 0
        return self._setting_int("OSCE_REVISIT_BUDGET")

    def _on_this_site(self, url: str) -> str:
        """A known release's URL on the host this crawl runs against (a mirror, the mock site on another port)."""
        url = on_mirror(url, self.base_url)
        parts, base = urlsplit(url), urlsplit(self.base_url)
        if host_allowed(url) or parts.netloc == base.netloc:
            return url
        return urlunsplit((base.scheme, base.netloc, parts.path, parts.query, parts.fragment))

    def _listing_request(self, page: int) -> scrapy.Request:
        return scrapy.Request(
            listing_url(self.listing_base, page, keep=None if self.listing_moved else LISTING_FILTER_PARAMS),
            callback=self.parse_listing,
            errback=self.listing_failed,
            cb_kwargs={"page": page},
        )

    def _record_failure(self, failure: Failure, kind: str) -> None:
        if not self._robots_answer.called:  # robots.txt came to nothing (it comes before any other answer)
            self._robots_answer.callback(None)
        request = failure.request
        response = getattr(failure.value, "response", None)
        entry = {
            "url": request.url,
            "kind": kind,
            "referer": request.meta.get("listing_url"),
            "status": response.status if response is not None else None,
            "error": None if response is not None else f"{type(failure.value).__name__}: {failure.value}"[:300],
            "attempts": request.meta.get("retry_times", 0) + 1,
            "at": utc_now(),
        }
        listing = request.cb_kwargs.get("listing")
        self.store.record_failure(entry, node_id_of(request.url) if kind == "release" else None,
                                  asdict(listing) if listing else None)
        stats = self._stats()
        if stats:
            stats.inc_value(FAILED_PAGES_STAT)
            cause = no_answer_cause(failure.value) if response is None else None
            if cause and not stats.get_value(UNREACHABLE_STAT):
                stats.set_value(UNREACHABLE_STAT, f"{urlsplit(request.url).hostname}: {cause}")
        self.logger.warning("failed for good after %s attempt(s): %s (%s)", entry["attempts"], request.url,
                            entry["status"] or entry["error"])

    def _stats(self) -> Any:
        crawler = getattr(self, "crawler", None)
        return crawler.stats if crawler is not None else None

    def _settings(self) -> Settings | None:
        """The crawl's settings; None for a spider used without a crawler."""
        return getattr(getattr(self, "crawler", None), "settings", None)

    def _setting_int(self, name: str) -> int:
        """A whole-number setting of the crawl (its default in settings.py); 0 for a spider used without one."""
        settings = self._settings()
        return settings.getint(name, getattr(defaults, name)) if settings is not None else 0

    def _count_listing(self, listing: ListingPage, url: str) -> None:
        """What the run's checks and summary need of a listing page: its shape, its items, how fresh it is."""
        self.listing_items_seen += len(listing.items)
        stats = self._stats()
        if not stats:
            return
        stats.inc_value(LISTING_PAGES_STAT)
        stats.inc_value(f"{LISTING_SHAPE_STATS}/{listing.shape}")
        stats.inc_value(LISTING_ITEMS_STAT, len(listing.items))
        if not listing.items and not stats.get_value(EMPTY_LISTING_STAT):
            stats.set_value(EMPTY_LISTING_STAT, f"{url}: {listing.found}")
        if self.listing_pages_seen == 1:
            dates = [date for item in listing.items if (date := parse_date(item.publishing_date))]
            if dates:
                stats.set_value(NEWEST_LISTED_STAT, max(dates).isoformat())

    def _walk_cut_short(self, url: str, page: int) -> None:
        """A listing page without a next page before the last page a pager named: the walk is not complete."""
        self.logger.warning("listing page %s (%s) shows no next page, though the pager named %d pages: the walk "
                            "stops short", page, url, self.announced_last_page + 1)
        if (stats := self._stats()) and not stats.get_value(WALK_CUT_SHORT_STAT):
            stats.set_value(WALK_CUT_SHORT_STAT, f"{url} showed no next page, though the pager had announced "
                                                 f"{self.announced_last_page + 1} pages")

    def _walk_too_short(self, url: str, fewest: int) -> None:
        """The newsroom's last page reached with fewer items than it holds: a pager the reader could not find."""
        pages = f"{self.listing_pages_seen} listing page{'s' if self.listing_pages_seen != 1 else ''}"
        shown = (f"{url} showed no next page after {pages} and {self.listing_items_seen} items, "
                 f"fewer than the newsroom holds (OSCE_MIN_NEWSROOM_RELEASES={fewest})")
        self.logger.warning("%s: the walk does not count as complete", shown)
        if stats := self._stats():
            stats.set_value(WALK_TOO_SHORT_STAT, shown)

    def _record_unreadable(self, response: Response, listing: ListingItem | None, why: str) -> None:
        entry = {
            "url": response.url,
            "kind": "unreadable",
            "referer": response.meta.get("listing_url"),
            "status": response.status,
            "error": why,
            "attempts": response.meta.get("retry_times", 0) + 1,
            "at": utc_now(),
        }
        node = node_id_of(response.url) or (listing.node_id if listing else None)
        self.store.record_failure(entry, node, asdict(listing) if listing else None)
        if stats := self._stats():
            stats.inc_value(UNREADABLE_PAGES_STAT)
            if not stats.get_value(FIRST_UNREADABLE_STAT):
                stats.set_value(FIRST_UNREADABLE_STAT, response.url)
        self.logger.warning("no release read on %s (%s): kept as a failure, tried again by the next run",
                            response.url, why)

    def release_failed(self, failure: Failure) -> None:
        """A release page that failed for good: logged, and remembered for the next incremental run."""
        self._record_failure(failure, "release")

    def listing_failed(self, failure: Failure) -> None:
        """A listing page that failed for good: logged; the walk stops there and is not complete."""
        self._record_failure(failure, "listing")

    def _release_request(self, url: str, item: ListingItem | None, referer: str | None,
                         revisit: dict[str, str] | None = None) -> scrapy.Request:
        # dont_filter: releases are deduplicated by node id before they are requested; Scrapy's
        # URL filter would silently drop a redirect that loops back, instead of reporting it.
        meta: dict[str, Any] = {"listing_url": referer}
        if revisit is not None:
            # A re-check: a 304 (its conditional headers) and a 404 or 410 (withdrawn) reach parse_release,
            # past Scrapy's HttpErrorMiddleware.
            meta.update(osce_revisit=True, handle_httpstatus_list=list(REVISIT_STATUSES))
        return scrapy.Request(
            url,
            callback=self.parse_release,
            errback=self.release_failed,
            dont_filter=True,
            cb_kwargs={"listing": item},
            headers={**({"Referer": referer} if referer else {}), **(revisit or {})} or None,
            meta=meta,
        )

    def parse_listing(self, response: Response, page: int = 0) -> Iterator[scrapy.Request]:
        """Requests for the listing's new releases, then for the next listing page."""
        self.listing_pages_seen += 1
        if self.listing_pages_seen == 1 and response.meta.get("redirect_urls") and (
                urlsplit(response.url).path != urlsplit(self.listing_base).path):
            # The newsroom moved (a redesign's new path): later pages are asked for where it now is.
            self.listing_base, self.listing_moved = response.url, True
            self.logger.info("the listing moved to %s: its next pages are asked for there", response.url)
        listing = read_listing(page_selector(response.text), response.url)
        self._count_listing(listing, response.url)
        self.announced_last_page = max(self.announced_last_page, listing.last_page or 0)
        if listing.last_page is not None and (stats := self._stats()):
            # Pages still to come (numbered from 0), for the progress display's ETA.
            total = listing.last_page - page_number(self.start_url) + 1
            stats.set_value(LISTING_PAGES_TOTAL_STAT, min(total, self.max_pages) if self.max_pages else total)
        too_old = False
        all_known = bool(listing.items)
        for item in listing.items:
            item.url = on_mirror(item.url, self.base_url)
            if not host_allowed(item.url, self.extra_hosts):
                continue
            if self.since and (date := parse_date(item.publishing_date)) and date < self.since:
                too_old = True
                continue
            self.store.saw_release(item.node_id)
            if self.store.is_known(item.node_id):
                continue
            if item.node_id in self.requested_nodes:
                continue
            all_known = False
            self.requested_nodes.add(item.node_id)
            yield self._release_request(item.url, item, response.url)
        next_page = self._next_listing_page(listing, page, too_old, all_known, response.url)
        if next_page is not None:
            yield self._listing_request(next_page)

    def _next_listing_page(self, listing: ListingPage, page: int, too_old: bool, all_known: bool,
                           url: str) -> int | None:
        """The listing page to walk to next, or None where paging stops; the store is told when the walk is complete.

        Paging stops at the listing's last page (it shows no next page); at a page with an item older
        than ``since``; at a page whose releases are all known, once an earlier walk has reached the
        end (incremental runs); after ``max_pages`` pages. The walk is complete only when it stops at
        the last page of the whole newsroom (walked from its first page, unfiltered), with no item too
        old and at least one release seen (a maintenance page is no end), and no earlier pager named a
        later page (a page answered in place of a listing page is no end either): then incremental runs
        may stop early, and a full run may replace the dataset.
        """
        if listing.next_page is None:
            # Releases removed may take the last page back by one; a pager that named pages further on was right.
            if self.announced_last_page > page + 1:
                self._walk_cut_short(url, page)
            elif self.walks_whole_newsroom and not too_old and self.listing_items_seen:
                if self.listing_items_seen < (fewest := self._setting_int("OSCE_MIN_NEWSROOM_RELEASES")):
                    self._walk_too_short(url, fewest)
                else:
                    self.store.walked_to_the_end()
            return None
        if too_old:
            return None
        if self.store.stop_at_known_page and all_known:
            self.logger.info("listing page %s holds only known releases: stopping", page)
            return None
        if self.max_pages and self.listing_pages_seen >= self.max_pages:
            return None
        return listing.next_page

    def parse_release(self, response: Response, listing: ListingItem | None = None) -> Iterator[RawRelease]:
        """The release page read into what it shows, with the listing item that led to it."""
        node = node_id_of(response.url) or (listing.node_id if listing else None)
        if node:
            self.store.release_answered(node, response.status, _header(response, "ETag"),
                                        _header(response, "Last-Modified"))
        if response.status in REVISIT_STATUSES and response.meta.get("osce_revisit"):
            return  # a re-check: not modified, or withdrawn (kept, marked so by the store)
        if not hasattr(response, "text"):
            self.logger.warning("not an HTML page: %s", response.url)
            return
        page = read_release(page_selector(response.text), response.url)
        stats = self._stats()
        if stats:
            stats.inc_value(RELEASE_PAGES_STAT)
            stats.inc_value(f"{PAGE_SHAPE_STATS}/{page.label_style}")
        if not page.paragraphs:
            # An empty shell (a page filled by a script, a template the reader does not know) is no
            # record: kept as a failure, it is fetched again by the next run.
            self._record_unreadable(response, listing, "the page shows no body the reader can find")
            return
        if why := why_not_the_release(page, listing.title if listing else None):
            # A maintenance or error page answered with 200: no record, a failure fetched again.
            self._record_unreadable(response, listing, why)
            return
        self.store.page_read(page.node_id or (listing.node_id if listing else None), page.shown_labels())
        yield RawRelease(page=page, listing=listing, crawled_at=utc_now(), capture=response.meta.get("osce_capture"))


def _header(response: Response, name: str) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None
