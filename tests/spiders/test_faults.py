"""The spider under the faults a network and a CMS produce: nothing lost, nothing duplicated."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from tests.conftest import make_crawl
from tests.site.expected import expected_record, record_differences
from tests.site.server import MockSite

pytestmark = pytest.mark.slow
FAULT_SETTINGS = ("-s", "DOWNLOAD_TIMEOUT=2", "-s", "RETRY_TIMES=5", "-s", "OSCE_RETRY_AFTER_MAX=5")


def test_thirty_percent_of_first_attempts_failing_loses_nothing(tmp_path):
    with MockSite("drupal", fault_rate=0.3, fault_seed=7) as site:
        site.redirect_aliases = True
        for index, declared in ((5, "header"), (6, "meta"), (11, "header"), (12, "meta")):
            site.charset_paths[site.releases[index].path] = declared
        loop = site.add_redirect_loop("777777")
        records, process = make_crawl(site.base_url, tmp_path / "out.jsonl", *FAULT_SETTINGS,
                                      "-s", f"OSCE_ERRORS_PATH={tmp_path / 'errors.jsonl'}")
        faults = sum(1 for path, count in site.attempts.items() if count > 1)
    assert faults >= 15, "the fault mode did not bite"
    counts = Counter(r["node_id"] for r in records)
    assert [n for n, c in counts.items() if c > 1] == []
    assert set(counts) == {r.node_id for r in site.releases}
    by_node = {r["node_id"]: r for r in records}
    problems = [p for release in site.releases
                for p in record_differences(by_node[release.node_id], expected_record(release, site.base_url,
                                                                                      "drupal"))]
    assert problems == []  # no text cut short by a truncated body, no charset mangled
    [error] = [json.loads(line) for line in (tmp_path / "errors.jsonl").read_text("utf-8").splitlines()]
    assert error["url"].endswith(loop) and "redirect" in (error["error"] or "").lower()
    assert "/press-releases" in error["referer"]
    assert process.returncode == 3  # the run says that a page failed for good


def test_429_and_503_slow_the_crawl_down(tmp_path):
    with MockSite("drupal", fault_rate=0.3, fault_seed=7) as site:
        records, _ = make_crawl(site.base_url, tmp_path / "out.jsonl", *FAULT_SETTINGS)
    assert len(records) == len(site.releases)
    arrivals: dict[str, list[float]] = {}
    for moment, path in site.request_times:
        arrivals.setdefault(path, []).append(moment)
    throttled = [path for path, fault in site.faults_served.items() if fault in {"429", "503"}]
    assert throttled, "the fault mode served no 429 or 503"
    # The server said "Retry-After: 1": the page is not asked for again sooner.
    waits = {path: arrivals[path][1] - arrivals[path][0] for path in throttled}
    assert min(waits.values()) >= 1.0, waits
