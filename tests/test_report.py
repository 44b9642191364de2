import re
import shutil
import subprocess

import pytest

from osce_scraper.dataset import load
from osce_scraper.report import summarise, write_report
from tests.conftest import REPO

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
#: The report's charts: releases by year and type, fields of work, sources, officials, countries.
CHART_COUNT = 5
#: Added to a copy of the report in the browser test only: marks the page with how many charts rendered.
CHECK_SCRIPT = """<script>
(function () {
  var charts = document.querySelectorAll('figure.chart');
  var rendered = 0;
  charts.forEach(function (figure) {
    var svg = figure.querySelector('svg');
    if (!svg) return;
    var box = svg.getBoundingClientRect();
    if (box.width > 0 && box.height > 0 && svg.querySelectorAll('rect').length > 0) rendered += 1;
  });
  document.body.setAttribute('data-charts', String(charts.length));
  document.body.setAttribute('data-charts-rendered', String(rendered));
})();
</script>"""
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
    assert "<script" not in html
    assert "Coverage" in html and "years active" in html


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian package chromium): "
                    "the report was not checked in a browser")
@pytest.mark.slow
def test_every_chart_renders_in_a_browser(demo_dataset, tmp_path):
    out = tmp_path / "report.html"
    write_report(demo_dataset, out)
    out.write_text(out.read_text("utf-8").replace("</body>", CHECK_SCRIPT + "</body>"), "utf-8")
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
