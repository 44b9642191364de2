"""Checks at the end of every run (Spidermon), so that a changed site fails loudly.

Spidermon's own monitors check the finish reason, the error count, unwanted
HTTP codes and field coverage; ours check that the release pages still show
their labels and that no record was rejected. A failed check is printed with
its figures and makes ``scrapy crawl`` exit non-zero.
"""

from __future__ import annotations

import sys

from spidermon import Monitor, MonitorSuite, monitors
from spidermon.contrib.scrapy.monitors import (
    ErrorCountMonitor,
    FieldCoverageMonitor,
    FinishReasonMonitor,
    UnwantedHTTPCodesMonitor,
)
from spidermon.core.actions import Action

#: ReleasePage attribute -> the label it is read from, as a reader sees it (stat names use the label).
PAGE_LABEL_STATS = {"place_raw": "Place:", "source": "Source:", "fields_of_work": "Fields of work:"}


@monitors.name("Release page labels")
class PageLabelsMonitor(Monitor):
    """The share of release pages on which each label was found stays above its minimum."""

    @monitors.name("labels found on release pages")
    def test_labels_found(self) -> None:
        stats = self.data.stats
        pages = stats.get("osce/release_pages", 0)
        if not pages:
            self.skipTest("no release page was read")
        minimums = self.data.crawler.settings.getdict("OSCE_PAGE_LABEL_COVERAGE")
        tolerance = self.data.crawler.settings.getfloat("SPIDERMON_FIELD_COVERAGE_TOLERANCE", 0.0)
        short = []
        for label, minimum in minimums.items():
            share = stats.get(f"osce/page_label/{label}", 0) / pages
            if share + tolerance < float(minimum):
                short.append(f'"{label}" found on {share:.0%} of {pages} release pages (minimum {float(minimum):.0%})')
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
