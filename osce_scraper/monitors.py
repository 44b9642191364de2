"""Checks at the end of every run (Spidermon), so that a changed site fails loudly.

Spidermon's own monitors check the finish reason, the error count and unwanted
HTTP codes; ours check field coverage, that the release pages still show their
labels, and that no record was rejected. Coverage and labels are judged over a
window of the last ``OSCE_CHECK_WINDOW`` release pages across runs (the crawl's
store keeps it, :class:`~osce_scraper.store.CheckWindow`), so a small daily run is judged with the pages
before it; a run without a crawl state (``-O``) is judged alone. A failed check is printed with
its figures and makes ``scrapy crawl`` exit non-zero.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spidermon import Monitor, MonitorSuite, monitors
from spidermon.contrib.scrapy.monitors import (
    ErrorCountMonitor,
    FinishReasonMonitor,
    UnwantedHTTPCodesMonitor,
)
from spidermon.core.actions import Action

from osce_scraper import settings as defaults
from osce_scraper.stats import (
    CHANGES_WITHHELD_STAT,
    CHECKS_FAILED_STAT,
    CHECKS_PASSED_STAT,
    EMPTY_LISTING_STAT,
    FAILED_PAGES_STAT,
    FIRST_UNREADABLE_STAT,
    LISTING_ITEMS_STAT,
    LISTING_SHAPE_STATS,
    NEWEST_LISTED_STAT,
    RECHECKED_STAT,
    REJECTED_STAT,
    UNREACHABLE_STAT,
    UNREADABLE_PAGES_STAT,
    WALK_CUT_SHORT_STAT,
    WALK_SHOWED_KNOWN_STAT,
    WALK_TOO_SHORT_STAT,
    WALK_UNSHOWN_KNOWN_STAT,
)
from osce_scraper.store import crawl_store


@dataclass(frozen=True, slots=True)
class CheckedPages:
    """The release pages a check judges: how many, and on how many each label and each field was found."""

    pages: int
    records: int
    labels: dict[str, int]
    fields: dict[str, int]
    scope: str


def checked_pages(data: Any) -> CheckedPages | None:
    """The checks' window of recent release pages, from the crawl's store; None when this run read no
    release page (a run with nothing new passes)."""
    window = crawl_store(data.crawler).window
    pages = window.pages()
    if not pages:
        return None
    labels: Counter[str] = Counter(label for page_labels, _ in pages for label in page_labels)
    filled = [fields for _, fields in pages if fields is not None]
    return CheckedPages(len(pages), len(filled), dict(labels), dict(Counter(f for fs in filled for f in fs)),
                        window.scope())


@monitors.name("Release page labels")
class PageLabelsMonitor(Monitor):
    """The share of release pages on which each label was found stays above its minimum."""

    @monitors.name("labels found on release pages")
    def test_labels_found(self) -> None:
        checked = checked_pages(self.data)
        if checked is None:
            self.skipTest("no release page was read")
        settings = self.data.crawler.settings
        minimums = settings.getdict("OSCE_PAGE_LABEL_COVERAGE")
        tolerance = settings.getfloat("SPIDERMON_FIELD_COVERAGE_TOLERANCE", defaults.SPIDERMON_FIELD_COVERAGE_TOLERANCE)
        short = []
        for label, minimum in minimums.items():
            share = checked.labels.get(label, 0) / checked.pages
            if share + tolerance < float(minimum):
                short.append(f'"{label}" found on {share:.0%} of {checked.scope} (minimum {float(minimum):.0%})')
        if short:
            self.fail("; ".join(short))


@monitors.name("Field coverage")
class FieldCoverageMonitor(Monitor):
    """The share of records with each field filled stays above ``SPIDERMON_FIELD_COVERAGE_RULES``."""

    @monitors.name("fields filled in records")
    def test_field_coverage(self) -> None:
        checked = checked_pages(self.data)
        if checked is None or not checked.records:
            self.skipTest("no record was made")
        settings = self.data.crawler.settings
        tolerance = settings.getfloat("SPIDERMON_FIELD_COVERAGE_TOLERANCE", defaults.SPIDERMON_FIELD_COVERAGE_TOLERANCE)
        short = []
        for rule, minimum in settings.getdict("SPIDERMON_FIELD_COVERAGE_RULES").items():
            name = rule.split("/", 1)[-1]
            share = checked.fields.get(name, 0) / checked.records
            if share + tolerance < float(minimum):
                short.append(f"{name} filled in {share:.0%} of {checked.records} records of {checked.scope} "
                             f"(minimum {float(minimum):.0%})")
        if short:
            self.fail("; ".join(short))


class _AtMostMonitor(Monitor):
    """A count in the stats may not exceed the number a setting allows."""

    stat = ""
    setting = ""
    explanation = ""

    def check_at_most(self, **details: Any) -> None:
        count = self.data.stats.get(self.stat, 0)
        allowed = self.data.crawler.settings.getint(self.setting, 0)
        if count > allowed:
            self.fail(self.explanation.format(count=count, allowed=allowed, **details))


@monitors.name("Rejected records")
class RejectedRecordsMonitor(_AtMostMonitor):
    """No more records failed the schema than allowed."""

    stat, setting = REJECTED_STAT, "OSCE_MAX_REJECTED"
    explanation = "{count} records rejected (allowed {allowed}); see the rejected file for the reasons"

    @monitors.name("records rejected by the schema")
    def test_rejected(self) -> None:
        self.check_at_most()


def site_unreachable(stats: dict[str, Any]) -> str | None:
    """``"host: cause"`` when no page of the run got an answer from the site (DNS, refused, timed out)."""
    cause = stats.get(UNREACHABLE_STAT)
    return cause if cause and not stats.get("response_received_count") else None


@monitors.name("Failed pages")
class FailedPagesMonitor(_AtMostMonitor):
    """No more pages failed for good (retries exhausted, 404, redirect loop) than allowed."""

    stat, setting = FAILED_PAGES_STAT, "OSCE_MAX_FAILED_PAGES"
    explanation = ("{count} pages failed for good (allowed {allowed}); see the errors file; "
                   "the next incremental run tries them again")

    @monitors.name("pages that failed for good")
    def test_failed_pages(self) -> None:
        if site_unreachable(self.data.stats):
            self.skipTest("the site could not be reached: the check of the site says so")
        self.check_at_most()


@monitors.name("Site")
class SiteReachedMonitor(Monitor):
    """The site answered at least once: a run that reached nothing says which host and why, in one line."""

    @monitors.name("the site answered")
    def test_site_answered(self) -> None:
        unreachable = site_unreachable(self.data.stats)
        if not unreachable:
            self.skipTest("the site answered")
        host, cause = unreachable.split(": ", 1)
        retries = self.data.crawler.settings.getint("RETRY_TIMES")
        self.fail(f"{host} could not be reached: {cause} ({retries + 1} attempts a page); nothing was fetched "
                  "and the dataset is as it was")


@monitors.name("Listing")
class ListingMonitor(Monitor):
    """A run whose listing pages show no release at all has read a page it does not know (a maintenance
    page, a redesign): that fails the run, naming the first such page and what it showed. So does a walk that a
    page without a next page ended before the last page a pager named, or before it showed as many items as the
    newsroom holds (``OSCE_MIN_NEWSROOM_RELEASES``)."""

    @monitors.name("releases found on listing pages")
    def test_listing_shows_releases(self) -> None:
        stats = self.data.stats
        if not stats.get(LISTING_SHAPE_STATS + "/no release") or stats.get(LISTING_ITEMS_STAT, 0):
            self.skipTest("the listing showed releases, or no listing page was read")
        self.fail(f"no listing page showed a release; the first was {stats.get(EMPTY_LISTING_STAT)}")

    @monitors.name("the walk reached the last page the pager named")
    def test_walk_reaches_the_announced_end(self) -> None:
        if not (cut := self.data.stats.get(WALK_CUT_SHORT_STAT)):
            self.skipTest("no listing page ended the walk before the last page a pager named")
        self.fail(f"the walk stopped short: {cut}; the next run walks it again")

    @monitors.name("the walk showed as many items as the newsroom holds")
    def test_walk_shows_the_newsroom(self) -> None:
        if not (shown := self.data.stats.get(WALK_TOO_SHORT_STAT)):
            self.skipTest("no walk reached the listing's last page with fewer items than the newsroom holds")
        self.fail(f"the walk ended early: {shown}; its pager was probably not read, and the walk does not count as "
                  "complete (a smaller site than osce.org's newsroom: set OSCE_MIN_NEWSROOM_RELEASES to its size, or "
                  "0)")


@monitors.name("Unreadable pages")
class UnreadablePagesMonitor(_AtMostMonitor):
    """No more release pages than allowed showed no release the reader could find: no body, a page that is not
    the release the listing named, an error page's title ("Page not found"), or, reached without a listing item, a
    notice: a few sentences without a date, place, source or type (a maintenance page answered with 200)."""

    stat, setting = UNREADABLE_PAGES_STAT, "OSCE_MAX_UNREADABLE_PAGES"
    explanation = ("{count} release pages showed no body the reader could find, an error page's title, not the "
                   "release the listing named, or, where no listing named the page, a notice of a few sentences "
                   "(allowed {allowed}; the first: {first}); they are in the errors file with the reason, and the "
                   "next run fetches them again")

    @monitors.name("release pages without a readable body")
    def test_unreadable(self) -> None:
        self.check_at_most(first=self.data.stats.get(FIRST_UNREADABLE_STAT))


@monitors.name("Freshness")
class FreshnessMonitor(Monitor):
    """The newest release on the listing's first page is at most ``OSCE_MAX_SILENCE_DAYS`` old: a listing
    frozen while the news moved elsewhere fails the run."""

    @monitors.name("the listing's newest release")
    def test_newest_release_is_recent(self) -> None:
        allowed = self.data.crawler.settings.getint("OSCE_MAX_SILENCE_DAYS")
        newest = self.data.stats.get(NEWEST_LISTED_STAT)
        if not allowed or not newest:
            self.skipTest("freshness is not checked (OSCE_MAX_SILENCE_DAYS=0), or no listing date was read")
        age = (dt.datetime.now(dt.UTC).date() - dt.date.fromisoformat(newest)).days
        if age > allowed:
            self.fail(f"the newest release on the listing's first page is dated {newest}, {age} days ago "
                      f"(OSCE_MAX_SILENCE_DAYS={allowed}): the listing may be frozen or moved")


class _WithheldMonitor(Monitor):
    """A guard of the crawl's store held back what a run would have changed in the dataset (``withheld_stat`` says
    how much, ``setting`` is the guard's bound): the run fails, saying why."""

    withheld_stat: str
    setting: str
    #: Why the check passes when nothing was held back.
    nothing_withheld: str

    def check_withheld(self, explain: Callable[[int, float], str]) -> None:
        """Fail with ``explain(withheld, bound)`` when the guard held something back."""
        if not (withheld := self.data.stats.get(self.withheld_stat)):
            self.skipTest(self.nothing_withheld)
        self.fail(explain(withheld, self.data.crawler.settings.getfloat(self.setting)))


@monitors.name("Corrections")
class CorrectionsMonitor(_WithheldMonitor):
    """Of the releases re-checked in one run, at most ``OSCE_MAX_CHANGED_SHARE`` changed or were withdrawn (judged
    from ``OSCE_MIN_RECHECKED`` re-checks): more is a template change or an extraction fault, not a wave of
    corrections, and the crawl's store has minted no version for them (store/versions.py)."""

    withheld_stat, setting = CHANGES_WITHHELD_STAT, "OSCE_MAX_CHANGED_SHARE"
    nothing_withheld = "no more releases changed than corrections explain"

    @monitors.name("releases changed among those re-checked")
    def test_changed_share(self) -> None:
        rechecked = self.data.stats.get(RECHECKED_STAT, 0)
        self.check_withheld(lambda withheld, share: (
            f"{withheld} of the {rechecked} releases re-checked changed or were withdrawn "
            f"({withheld / max(rechecked, 1):.0%}, more than OSCE_MAX_CHANGED_SHARE={share:g}): a template change or "
            "an extraction fault, not corrections; no version was minted and the dataset keeps their previous lines"))


@monitors.name("Whole walk")
class WholeWalkMonitor(_WithheldMonitor):
    """A walk from the newsroom's first listing page to its last showed all but at most ``OSCE_MAX_DROPPED_SHARE``
    of the dataset's releases: fewer is a walk that missed the listing, and the crawl's store dropped nothing."""

    withheld_stat, setting = WALK_UNSHOWN_KNOWN_STAT, "OSCE_MAX_DROPPED_SHARE"
    nothing_withheld = "no walk to the listing's end, or it showed nearly every release of the dataset"

    @monitors.name("releases of the dataset the walk showed")
    def test_unshown_share(self) -> None:
        shown = self.data.stats.get(WALK_SHOWED_KNOWN_STAT, 0)
        self.check_withheld(lambda withheld, share: (
            f"the walk reached the listing's last page but showed {shown} of the dataset's {shown + withheld} "
            f"releases (more than OSCE_MAX_DROPPED_SHARE={share:g} unshown): its pager or its listing pages were "
            "not read as before; nothing was dropped"))


class RecordCheckResults(Action):
    """Puts the failed checks in the stats (for the exit status and the run summary) and prints them."""

    def run_action(self) -> None:
        failed = []
        for result in self.result.monitors_failed_results:
            reason = result.reason or (result.error or "").strip().splitlines()[-1:]
            failed.append(f"{result.monitor.name}: {reason if isinstance(reason, str) else ' '.join(reason)}")
        stats = self.data.crawler.stats
        stats.set_value(CHECKS_FAILED_STAT, failed)
        stats.set_value(CHECKS_PASSED_STAT, not failed)
        for line in failed:
            print(f"check failed: {line}", file=sys.stderr)


class RunChecks(MonitorSuite):
    monitors = (
        FinishReasonMonitor,
        ErrorCountMonitor,
        UnwantedHTTPCodesMonitor,
        FieldCoverageMonitor,
        PageLabelsMonitor,
        RejectedRecordsMonitor,
        FailedPagesMonitor,
        ListingMonitor,
        SiteReachedMonitor,
        UnreadablePagesMonitor,
        FreshnessMonitor,
        CorrectionsMonitor,
        WholeWalkMonitor,
    )
    monitors_finished_actions = (RecordCheckResults,)
