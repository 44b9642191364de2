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

import sys
from collections import Counter
from dataclasses import dataclass
from typing import Any

from spidermon import Monitor, MonitorSuite, monitors
from spidermon.contrib.scrapy.monitors import (
    ErrorCountMonitor,
    FinishReasonMonitor,
    UnwantedHTTPCodesMonitor,
)
from spidermon.core.actions import Action

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
        minimums = self.data.crawler.settings.getdict("OSCE_PAGE_LABEL_COVERAGE")
        tolerance = self.data.crawler.settings.getfloat("SPIDERMON_FIELD_COVERAGE_TOLERANCE", 0.0)
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
        tolerance = settings.getfloat("SPIDERMON_FIELD_COVERAGE_TOLERANCE", 0.0)
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

    def check_at_most(self) -> None:
        count = self.data.stats.get(self.stat, 0)
        allowed = self.data.crawler.settings.getint(self.setting, 0)
        if count > allowed:
            self.fail(self.explanation.format(count=count, allowed=allowed))


@monitors.name("Rejected records")
class RejectedRecordsMonitor(_AtMostMonitor):
    """No more records failed the schema than allowed."""

    stat, setting = "osce/rejected", "OSCE_MAX_REJECTED"
    explanation = "{count} records rejected (allowed {allowed}); see the rejected file for the reasons"

    @monitors.name("records rejected by the schema")
    def test_rejected(self) -> None:
        self.check_at_most()


@monitors.name("Failed pages")
class FailedPagesMonitor(_AtMostMonitor):
    """No more pages failed for good (retries exhausted, 404, redirect loop) than allowed."""

    stat, setting = "osce/failed_pages", "OSCE_MAX_FAILED_PAGES"
    explanation = ("{count} pages failed for good (allowed {allowed}); see the errors file; "
                   "the next incremental run tries them again")

    @monitors.name("pages that failed for good")
    def test_failed_pages(self) -> None:
        self.check_at_most()


class RecordCheckResults(Action):
    """Puts the failed checks in the stats (for the exit status and the run summary) and prints them."""

    def run_action(self) -> None:
        failed = []
        for result in self.result.monitors_failed_results:
            reason = result.reason or (result.error or "").strip().splitlines()[-1:]
            failed.append(f"{result.monitor.name}: {reason if isinstance(reason, str) else ' '.join(reason)}")
        stats = self.data.crawler.stats
        stats.set_value("osce/checks_failed", failed)
        stats.set_value("osce/checks_passed", not failed)
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
    )
    monitors_finished_actions = (RecordCheckResults,)
