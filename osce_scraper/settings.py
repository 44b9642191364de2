"""Scrapy settings: polite by default; every value can be changed with ``-s NAME=VALUE``."""

import warnings

from osce_scraper import __version__

# Spidermon still calls Spider.log(); the warning says nothing about this project's run.
warnings.filterwarnings("ignore", message=r"Spider\.log\(\) is deprecated")

BOT_NAME = "osce_scraper"
SPIDER_MODULES = ["osce_scraper.spiders"]
NEWSPIDER_MODULE = "osce_scraper.spiders"

USER_AGENT = f"osce-scraper/{__version__} (+https://github.com/osce-scraper/osce-scraper; research dataset)"
ROBOTSTXT_OBEY = True
# No telnet console: an unattended crawl has no use for it, and each run would print its password.
TELNETCONSOLE_ENABLED = False
# Nor Scrapy's remote-control server (2.19 and later): an open port that runs code is no part of a crawl.
REMOTE_CONTROL_ENABLED = False
# The run summary (printed last, and kept in runs.jsonl) says what the 60 lines of Scrapy's stats would.
STATS_DUMP = False
CONCURRENT_REQUESTS = 2
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
# A callback yields one record or a listing's few requests: Scrapy's default of 100 parallel
# item workers per callback output only costs time.
CONCURRENT_ITEMS = 8
# Scrapy reads a generator callback's source at every response to warn of a `return value` in it (its cache
# misses on bound methods): 6% of a crawl's CPU. The spider's callbacks return no value (a test checks).
WARN_ON_GENERATOR_RETURN_VALUE = False
# A host that accepts and never answers holds a page for (RETRY_TIMES + 1) x DOWNLOAD_TIMEOUT: 2.5 minutes
# for robots.txt and as long for the listing's first page before the run says the site cannot be reached.
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 20 * 1024 * 1024
DOWNLOAD_WARNSIZE = 5 * 1024 * 1024
RETRY_TIMES = 4
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    # Retries, and the pace the site asks for: robots.txt's Crawl-delay, a 429's Retry-After.
    "osce_scraper.middlewares.RetryAfterMiddleware": 550,
}
#: robots.txt's Crawl-delay spaces requests to a site at least that far apart (0 to ignore it).
OSCE_OBEY_CRAWL_DELAY = True
#: A 429 or 503 slows the crawl to the server's Retry-After (this default without one), at most this cap.
OSCE_RETRY_AFTER_DEFAULT = 5.0
OSCE_RETRY_AFTER_MAX = 120.0

# Development: `-s HTTPCACHE_ENABLED=1` keeps every response under .scrapy/httpcache.
HTTPCACHE_ENABLED = False
HTTPCACHE_DIR = "httpcache"
HTTPCACHE_IGNORE_HTTP_CODES = [429, 500, 502, 503, 504]

# Every response as it came off the wire, kept as WARC (osce_scraper/archive.py); empty turns it off.
# `osce-scraper reparse` rebuilds the dataset from it, offline.
OSCE_WARC_DIR = "output/warc"
OSCE_WARC_PREFIX = "osce"
#: A WARC file is closed (renamed from .warc.gz.open to .warc.gz) once it reaches this size.
OSCE_WARC_MAX_BYTES = 1_000_000_000

COMMANDS_MODULE = "osce_scraper.commands"
EXTENSIONS = {
    # The crawl's store first: at the end of the run it settles the dataset before the checks and the
    # summary (the order is written down in osce_scraper/store/crawl_store.py, CrawlStore).
    "osce_scraper.store.CrawlStore": 100,
    "osce_scraper.extensions.GarbageCollector": 200,
    "osce_scraper.extensions.Progress": 500,
    "spidermon.contrib.scrapy.extensions.Spidermon": 510,
    "osce_scraper.extensions.RunSummary": 520,  # after Spidermon: it reports the checks' results
    "osce_scraper.archive.WarcArchive": 530,
}
OSCE_PROGRESS_INTERVAL = 2.0

# Checks at the end of every run (osce_scraper/monitors.py); a failed one makes `scrapy crawl` exit 3.
SPIDERMON_ENABLED = True
SPIDERMON_SPIDER_CLOSE_MONITORS = ("osce_scraper.monitors.RunChecks",)
SPIDERMON_EXPECTED_FINISH_REASONS = ["finished"]
SPIDERMON_MAX_ERRORS = 0
SPIDERMON_UNWANTED_HTTP_CODES_MAX_COUNT = 10
SPIDERMON_FIELD_COVERAGE_TOLERANCE = 0.005
SPIDERMON_FIELD_COVERAGE_RULES = {
    "dict/title": 1.0,
    "dict/url": 1.0,
    "dict/date": 0.99,
    "dict/source": 0.90,
    "dict/place": 0.60,
}
# Coverage (a share of records with the field filled) and labels are judged over the last
# OSCE_CHECK_WINDOW release pages across runs (kept in the crawl state).
OSCE_CHECK_WINDOW = 100
#: Minimum share of release pages on which each label is found (older pages may lack some).
OSCE_PAGE_LABEL_COVERAGE = {"Source:": 0.5, "Place:": 0.3}
OSCE_MAX_REJECTED = 0
OSCE_MAX_FAILED_PAGES = 0
#: Release pages on which the reader finds no body (an empty shell, an unknown template) allowed in one run.
OSCE_MAX_UNREADABLE_PAGES = 0
#: The newest release on the listing's first page may be at most this many days old (0: not checked).
#: The newsroom publishes about four releases a day (10 a listing page, page 2,742 in March 2009); its
#: quietest stretch, the turn of the year, lasts about a week: 14 days of silence means the listing is stale.
OSCE_MAX_SILENCE_DAYS = 14
#: Each run's summary is appended here as one JSON line.
OSCE_RUNS_PATH = "output/runs.jsonl"
#: Pages that failed for good: URL, the listing page that led there, status or exception, attempts.
OSCE_ERRORS_PATH = "output/errors.jsonl"

# The record's story: the spider reads a page into a RawRelease; each pipeline parses one field
# family; validation hands on the record alone; a node id seen before is dropped.
ITEM_PIPELINES = {
    "osce_scraper.pipelines.PagePipeline": 100,
    "osce_scraper.pipelines.DatesPipeline": 200,
    "osce_scraper.pipelines.PlacesPipeline": 300,
    "osce_scraper.pipelines.TaxonomyPipeline": 400,
    "osce_scraper.pipelines.OfficialsPipeline": 500,
    "osce_scraper.pipelines.ValidatePipeline": 600,
    "osce_scraper.pipelines.DeduplicatePipeline": 700,
}
# No FEEDS here: without -O/-o the crawl's store (osce_scraper/store/) keeps the dataset through
# its exporter (a FEEDS setting would be written in addition to `-O`, not instead of it).
FEED_EXPORT_ENCODING = "utf-8"
# `-O out.jsonl`: Scrapy's JSON lines exporter, without its walk over each record's fields.
FEED_EXPORTERS = {name: "osce_scraper.exporters.FeedLinesExporter" for name in ("jsonlines", "jsonl", "jl")}
FEED_EXPORT_FIELDS = None

#: Where records that fail the schema go, with their reasons.
OSCE_REJECTED_PATH = "output/rejected.jsonl"

#: The dataset the spider keeps when the command line names no feed (-O/-o).
OSCE_DATASET_PATH = "output/press_releases.jsonl"
#: What scheduled (incremental) crawls remember between runs.
OSCE_STATE_PATH = "output/state.sqlite"

# Corrections: osce.org edits releases after publishing them (store/recheck.py, store/versions.py).
#: Known releases an incremental run checks again, most overdue first by the time since each last changed
#: (`-a revisit=N` or `revisit=all` for one run). robots.txt asks for 10 s between requests: 30 re-checks
#: add five minutes to a daily run (otherwise robots.txt, a listing page and a few new releases, about a
#: minute), and cover the releases of the last week at every run, the older ones in turn.
OSCE_REVISIT_BUDGET = 30
#: An incremental run reads the sitemap robots.txt names (osce.org: a sitemap index) and checks first the known
#: releases whose `lastmod` there is later than their last check, within the budget. Off by default: each
#: sitemap file is a request at the 10 s Crawl-delay, and whether the live site's URL sets still carry a
#: `lastmod` (seen in 2019) is unconfirmed; an index whose files give none would cost a request per file a
#: week (store/sitemap.py reads only the files whose `lastmod` in the index changed, at most 10 a run, so
#: an unchanged site costs the index alone). Turn it on once the live index shows dated files.
OSCE_SITEMAP_LASTMOD = False
#: Every earlier version of a changed release, one JSON line each; empty: versions.jsonl beside the dataset
#: (output/versions.jsonl for the default dataset).
OSCE_VERSIONS_PATH = ""
#: More than this share of the releases re-checked in one run changed (or were withdrawn): a template change
#: or an extraction fault, not a wave of corrections. The run fails its checks and mints no version. Judged
#: only when at least OSCE_MIN_RECHECKED releases were re-checked (1 turns the guard off, e.g. for a full
#: run after an extraction fix that means to change every record).
OSCE_MAX_CHANGED_SHARE = 0.5
OSCE_MIN_RECHECKED = 10
#: A full run that walked the whole newsroom drops the releases the listing no longer shows: osce.org takes down a
#: handful. When more than this share of the dataset went unshown, the walk missed the listing (a pager the reader
#: no longer finds, a listing page answered by another page): the run drops nothing and fails its checks. 1 lets a
#: full run drop whatever it did not see.
OSCE_MAX_DROPPED_SHARE = 0.05
#: The fewest listing items a walk from the newsroom's first page to its last may show: osce.org's newsroom lists
#: about 34,000 releases, so a walk that ends sooner read a first page whose pager it could not find as the last
#: one. It then does not count as complete and the run fails; on an empty dataset, no other check would see it.
#: 0 turns the check off (a mirror, a test site of a few pages).
OSCE_MIN_NEWSROOM_RELEASES = 1000

LOG_LEVEL = "INFO"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
