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
#: Listing pages read, and how many the walk will read (from the pager), for the progress display.
LISTING_PAGES_STAT = "osce/listing_pages"
LISTING_PAGES_TOTAL_STAT = "osce/listing_pages_total"
#: Items seen on listing pages (repeats included).
LISTING_ITEMS_STAT = "osce/listing_items"
#: The first listing page that showed no release, and what it showed.
EMPTY_LISTING_STAT = "osce/empty_listing"
#: The first listing page that showed no next page before the last page a pager had named (the walk stopped short).
WALK_CUT_SHORT_STAT = "osce/walk_cut_short"
#: A walk that reached the listing's last page having shown fewer items than the newsroom holds: what it showed.
WALK_TOO_SHORT_STAT = "osce/walk_too_short"
#: The newest publishing date (ISO) on the first listing page the run read.
NEWEST_LISTED_STAT = "osce/newest_listed"
#: Prefixes of counters of listing and release pages by the shape the readers recognised.
LISTING_SHAPE_STATS = "osce/shapes/listing"
PAGE_SHAPE_STATS = "osce/shapes/page"
#: Records the dataset lacked, records whose line changed, records fetched again that say what their line said.
NEW_RECORDS_STAT = "osce/new_records"
UPDATED_RECORDS_STAT = "osce/updated_records"
UNCHANGED_RECORDS_STAT = "osce/unchanged_records"
#: Lines of the dataset moved to its quarantine file.
QUARANTINED_LINES_STAT = "osce/quarantined_lines"
#: The checks passed (True) or not.
CHECKS_PASSED_STAT = "osce/checks_passed"
#: Prefix of the records with each field filled (``osce/filled/place``).
FILLED_STATS = "osce/filled"
#: Prefix of the Crawl-delay robots.txt asked of each host (``osce/crawl_delay/www.osce.org``).
CRAWL_DELAY_STATS = "osce/crawl_delay"
#: Responses (429, 503) that slowed the crawl down.
SLOWED_DOWN_STAT = "osce/slowed_down"
#: Re-checks for corrections: releases re-checked, changed, withdrawn, answered 304; versions minted;
#: releases whose changes were withheld by the guardrail.
RECHECKED_STAT = "osce/rechecked"
CHANGED_STAT = "osce/changed"
WITHDRAWN_STAT = "osce/withdrawn"
UNCHANGED_304_STAT = "osce/unchanged_304"
VERSIONS_STAT = "osce/versions"
CHANGES_WITHHELD_STAT = "osce/changes_withheld"
#: Of the dataset's releases, how many a walk to the listing's last page left unshown, when too many (a walk gone
#: wrong: a full run drops none of them), and how many it showed.
WALK_UNSHOWN_KNOWN_STAT = "osce/walk_unshown_known"
WALK_SHOWED_KNOWN_STAT = "osce/walk_showed_known"
#: WARC records written, by kind (``osce/warc_responses``), and writes to the archive that failed.
WARC_RECORD_STATS = "osce/warc"
WARC_WRITE_FAILED_STAT = "osce/warc_write_failed"
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
#: The counter of each thing a record was to the dataset.
RECORD_CHANGE_STATS = {"new": NEW_RECORDS_STAT, "updated": UPDATED_RECORDS_STAT, "unchanged": UNCHANGED_RECORDS_STAT}


def shape_counts(stats: dict[str, object], prefix: str) -> dict[str, int]:
    """The counters under ``prefix``, by shape.

    >>> shape_counts({"osce/shapes/page/bare labels": 3, "other": 1}, PAGE_SHAPE_STATS)
    {'bare labels': 3}
    """
    return {key[len(prefix) + 1 :]: int(value) for key, value in stats.items()  # type: ignore[call-overload]
            if key.startswith(prefix + "/")}
