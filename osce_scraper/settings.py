"""Scrapy settings: polite by default; every value can be changed with ``-s NAME=VALUE``."""

from osce_scraper import __version__

BOT_NAME = "osce_scraper"
SPIDER_MODULES = ["osce_scraper.spiders"]
NEWSPIDER_MODULE = "osce_scraper.spiders"

USER_AGENT = f"osce-scraper/{__version__} (+https://github.com/osce-scraper/osce-scraper; research dataset)"
ROBOTSTXT_OBEY = True
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
DOWNLOAD_TIMEOUT = 60
DOWNLOAD_MAXSIZE = 20 * 1024 * 1024
DOWNLOAD_WARNSIZE = 5 * 1024 * 1024
RETRY_TIMES = 4

# Development: `-s HTTPCACHE_ENABLED=1` keeps every response under .scrapy/httpcache.
HTTPCACHE_ENABLED = False
HTTPCACHE_DIR = "httpcache"
HTTPCACHE_IGNORE_HTTP_CODES = [429, 500, 502, 503, 504]

EXTENSIONS = {"osce_scraper.extensions.Progress": 500}
OSCE_PROGRESS_INTERVAL = 2.0

ITEM_PIPELINES = {
    "osce_scraper.pipelines.BuildRecordPipeline": 100,
    "osce_scraper.pipelines.DeduplicatePipeline": 200,
    "osce_scraper.pipelines.ValidatePipeline": 300,
}
# No FEEDS here: the spider adds output/press_releases.jsonl when the command line names none
# (a FEEDS setting would be written in addition to `-O`, not instead of it).
FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORT_FIELDS = None

#: Where records that fail the schema go, with their reasons.
OSCE_REJECTED_PATH = "output/rejected.jsonl"

#: The dataset written when the command line names no feed.
OSCE_DATASET_PATH = "output/press_releases.jsonl"

LOG_LEVEL = "INFO"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
