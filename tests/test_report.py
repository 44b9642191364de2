import html
import itertools
import json
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from osce_scraper import __version__
from osce_scraper.dataset import load
from osce_scraper.report import heatmap, horizontal_bars, stacked_years, summarise, write_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
#: The report's charts: releases by year and type, fields of work, sources, officials, countries.
CHART_COUNT = 5
#: Added to a copy of the report in the browser test only: marks the page with how many charts rendered,
#: how wide the page is and what it holds, which charts stick out of it, and the smallest chart text in
#: pixels as drawn. In a frame it marks the page around the frame (a srcdoc frame shares its origin).
CHECK_SCRIPT = """<script>
(function () {
  var charts = document.querySelectorAll('figure.chart');
  var width = document.documentElement.clientWidth;
  var rendered = 0, clipped = [], smallest = 1000;
  charts.forEach(function (figure, index) {
    var svg = figure.querySelector('svg');
    if (!svg) return;
    var box = svg.getBoundingClientRect();
    if (box.width > 0 && box.height > 0 && svg.querySelectorAll('rect').length > 0) rendered += 1;
    if (box.left < 0 || box.right > width + 0.5) clipped.push(index);
    var scale = box.width / svg.viewBox.baseVal.width;
    svg.querySelectorAll('text').forEach(function (text) {
      smallest = Math.min(smallest, parseFloat(getComputedStyle(text).fontSize) * scale);
    });
  });
  var mark = window.parent.document.body;
  mark.setAttribute('data-charts', String(charts.length));
  mark.setAttribute('data-charts-rendered', String(rendered));
  mark.setAttribute('data-width', String(width));
  mark.setAttribute('data-scroll-width', String(document.documentElement.scrollWidth));
  mark.setAttribute('data-clipped', clipped.join(' '));
  mark.setAttribute('data-smallest-text', smallest.toFixed(1));
})();
</script>"""
#: Headless Chromium's window is at least 500 px wide: a narrower page is a frame of that width.
NARROW = 400


def make_frame(report_html: str, width: int) -> str:
    """A page holding the report in a frame ``width`` px wide and tall enough never to scroll."""
    return (f'<!DOCTYPE html><html><body style="margin:0"><iframe width="{width}" height="8000" '
            f'style="border:0" srcdoc="{html.escape(report_html, quote=True)}"></iframe></body></html>')


def browser_marks(page: Path, profile: Path, window: str = "1100,3000") -> dict[str, str]:
    """The ``data-*`` marks the check script left on a page opened in headless Chromium."""
    dom = subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--window-size={window}",
                          "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120)
    body = re.search(r"<body[^>]*>", dom.stdout)
    assert body and "data-charts" in body.group(0), dom.stderr[-2000:]
    return dict(re.findall(r'data-([a-z-]+)="([^"]*)"', body.group(0)))


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


def tick_values(svg: str) -> list[int]:
    return [int(v) for v in re.findall(r'<text class="tick"[^>]*>(\d+)</text>', svg)]


@pytest.mark.parametrize("chart", ["bars", "years"])
def test_bar_charts_have_an_axis_with_evenly_spaced_ticks_covering_the_largest_value(chart):
    counts = {2019: 37, 2020: 5, 2022: 12}
    if chart == "bars":
        svg = horizontal_bars([(str(year), count) for year, count in counts.items()], "bars")
    else:
        svg = stacked_years({year: Counter({"News": count}) for year, count in counts.items()}, "years")
    ticks = tick_values(svg)
    assert ticks[0] == 0 and ticks[-1] >= max(counts.values()) and 3 <= len(ticks) <= 8
    assert len({b - a for a, b in itertools.pairwise(ticks)}) == 1


def test_the_heatmap_has_a_colour_scale_from_none_to_the_busiest_year():
    rows = {"Policing": Counter({2019: 12, 2020: 3}), "Elections": Counter({2021: 1})}
    svg = heatmap(rows, "fields")
    scale = re.findall(r'<g class="scale"><rect[^>]*fill-opacity="([\d.]+)"[^>]*/><text[^>]*>(\d+)</text></g>', svg)
    values = [int(value) for _, value in scale]
    assert values[0] == 0 and values[-1] == 12 and len(values) >= 3 and values == sorted(values)
    assert [float(opacity) for opacity, _ in scale] == sorted(float(opacity) for opacity, _ in scale)


def test_the_report_says_which_dataset_it_shows(demo_dataset, tmp_path):
    out = tmp_path / "report.html"
    write_report(demo_dataset, out)
    version = re.search(r'<p class="version">(.*?)</p>', out.read_text("utf-8"), re.S)
    dates = sorted(record["date"] for record in load(demo_dataset) if record["date"])
    assert version, "no dataset version line"
    assert __version__ in version.group(1) and f"{len(load(demo_dataset))} records" in version.group(1)
    assert f"{dates[0]} to {dates[-1]}" in version.group(1)


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian package chromium): "
                    "the report was not checked in a browser")
@pytest.mark.slow
def test_every_chart_renders_in_a_browser_wide_and_400_px_narrow(demo_dataset, tmp_path):
    out = tmp_path / "report.html"
    write_report(demo_dataset, out)
    checked = out.read_text("utf-8").replace("</body>", CHECK_SCRIPT + "</body>")
    wide, narrow = tmp_path / "wide.html", tmp_path / "narrow.html"
    wide.write_text(checked, "utf-8")
    narrow.write_text(make_frame(checked, NARROW), "utf-8")
    profile = tmp_path / "profile"
    for page, width in ((wide, None), (narrow, NARROW)):
        marks = browser_marks(page, profile)
        assert int(marks["charts-rendered"]) == int(marks["charts"]) == CHART_COUNT, marks
        if width:
            assert int(marks["width"]) <= width, marks  # the frame is the narrow window
        assert int(marks["scroll-width"]) <= int(marks["width"]), marks  # nothing wider than the page
        assert marks["clipped"] == "", marks  # every chart within it
        assert float(marks["smallest-text"]) >= 8, marks  # and its text still readable
        screenshot = tmp_path / f"{page.stem}.png"
        subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--window-size=1100,3400",
                        f"--screenshot={screenshot}", page.as_uri()], capture_output=True, timeout=120, check=True)
        assert screenshot.stat().st_size > 10_000


def make_corrected_dataset(source: Path, folder: Path) -> Path:
    """The demo dataset with two releases corrected (version 2, an entry each beside it) and one withdrawn."""
    records = load(source)
    for record, month in zip(records[:2], ("2026-03", "2026-04"), strict=True):
        record.update(version=2, changed_at=f"{month}-02T03:17:00Z")
    records[5]["withdrawn_at"] = "2026-04-02T03:17:00Z"
    dataset = folder / "releases.jsonl"
    dataset.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    entries = [{"node_id": r["node_id"], "version": 1, "changed": ["title", "text"] if n else ["title"],
                "old": {"title": "An older title"}} for n, r in enumerate(records[:2])]
    (folder / "versions.jsonl").write_text("".join(json.dumps(e) + "\n" for e in entries), "utf-8")
    return dataset


def test_the_report_shows_corrections_from_the_dataset_and_its_versions(demo_dataset, tmp_path):
    plain = tmp_path / "plain.html"
    write_report(demo_dataset, plain)
    assert "No release has changed since it was first fetched" in plain.read_text("utf-8")
    out = tmp_path / "report.html"
    write_report(make_corrected_dataset(demo_dataset, tmp_path), out)
    text = html.unescape(re.sub(r"<[^>]+>", " ", out.read_text("utf-8")))
    assert "2 releases changed after publication (2 earlier versions kept); 1 withdrawn." in text
    assert "Fields changed: title (2), text (1)." in text
    assert "2026-03" in text and "2026-04" in text
