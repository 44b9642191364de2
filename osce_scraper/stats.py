"""The names of the crawl's own stats (Scrapy's stats collector), defined once.

The spider and the store count; the checks (``monitors.py``) and the run summary
(``extensions.py``) read.
"""

#: Release pages read.
RELEASE_PAGES_STAT = "osce/release_pages"
#: Release pages on which the reader found no body: not records; kept as failures.
UNREADABLE_PAGES_STAT = "osce/unreadable_pages"
#: The first of them.
FIRST_UNREADABLE_STAT = "osce/first_unreadable_page"
#: Items seen on listing pages (repeats included).
LISTING_ITEMS_STAT = "osce/listing_items"
#: The first listing page that showed no release, and what it showed.
EMPTY_LISTING_STAT = "osce/empty_listing"
#: The newest publishing date (ISO) on the first listing page the run read.
NEWEST_LISTED_STAT = "osce/newest_listed"
#: Prefixes of counters of listing and release pages by the shape the readers recognised.
LISTING_SHAPE_STATS = "osce/shapes/listing"
PAGE_SHAPE_STATS = "osce/shapes/page"


def shape_counts(stats: dict[str, object], prefix: str) -> dict[str, int]:
    """The counters under ``prefix``, by shape.

    >>> shape_counts({"osce/shapes/page/bare labels": 3, "other": 1}, PAGE_SHAPE_STATS)
    {'bare labels': 3}
    """
    return {key[len(prefix) + 1 :]: int(value) for key, value in stats.items()  # type: ignore[call-overload]
            if key.startswith(prefix + "/")}
#: Why the site could not be reached, the first time a page failed for it: "www.osce.org: connection refused".
UNREACHABLE_STAT = "osce/unreachable"
#: Pages that failed for good (retries spent, 404, a redirect loop).
FAILED_PAGES_STAT = "osce/failed_pages"
#: Records that failed the schema.
REJECTED_STAT = "osce/rejected"
#: The failed checks, one line each (set by the checks' action).
CHECKS_FAILED_STAT = "osce/checks_failed"
#: A write that failed: what and why.
WRITE_FAILED_STAT = "osce/write_failed"
