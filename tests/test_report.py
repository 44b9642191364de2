import re
import shutil
import subprocess

import pytest

from osce_scraper.dataset import load
from osce_scraper.report import CHART_COUNT, summarise, write_report
from tests.conftest import REPO

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def test_summary_counts(demo_dataset):
    summary = summarise(load(demo_dataset))
    assert summary.records == 64
    assert sum(sum(c.values()) for c in summary.per_year_type.values()) == 64
    assert summary.sources.most_common(1)[0][1] >= 6
    assert summary.filled["title"] == 64


def test_report_is_one_file_with_no_network(demo_dataset, tmp_path):
    out = tmp_path / "report.html"
    assert write_report(demo_dataset, out) == 64
    html = out.read_text("utf-8")
    assert html.count('<figure class="chart">') == CHART_COUNT
    assert not re.search(r"""(src|href)=["']https?://""", html)
    assert "Coverage" in html and "years active" in html


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian package chromium): "
                    "the report was not checked in a browser")
@pytest.mark.slow
def test_every_chart_renders_in_a_browser(demo_dataset, tmp_path):
    out = tmp_path / "report.html"
    write_report(demo_dataset, out)
    profile = tmp_path / "profile"
    dom = subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", out.as_uri()],
                         capture_output=True, text=True, timeout=120)
    rendered = re.search(r'data-charts-rendered="(\d+)"', dom.stdout)
    assert rendered, dom.stderr[-2000:]
    assert int(rendered.group(1)) == CHART_COUNT
    screenshot = REPO / "output" / "report-screenshot.png"
    subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--window-size=1100,3000",
                    f"--screenshot={screenshot}", out.as_uri()], capture_output=True, timeout=120, check=True)
    assert screenshot.stat().st_size > 10_000
