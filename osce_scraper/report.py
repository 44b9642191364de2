"""A one-file HTML report of a dataset: what is in it, before reading a line of it.

Charts are inline SVG drawn here, so the file opens with no network and no
JavaScript at all.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from osce_scraper import __version__
from osce_scraper.dataset import iter_records
from osce_scraper.export import Output, iter_versions, open_output
from osce_scraper.items import RECORD_FIELDS
from osce_scraper.people import people_index

PALETTE = ("#1f5c99", "#e07b39", "#3a9d5d", "#c33c54", "#7a5195", "#8c8c8c", "#d4a82a", "#2aa7b8")
TOP = 15


@dataclass
class Summary:
    """The figures a report shows, gathered in one pass over the records."""

    records: int = 0
    per_year_type: dict[int, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    field_years: dict[str, Counter[int]] = field(default_factory=lambda: defaultdict(Counter))
    sources: Counter[str] = field(default_factory=Counter)
    countries: Counter[str] = field(default_factory=Counter)
    #: The people index (``osce_scraper.people``): one entry per person across the releases.
    people: list[dict[str, Any]] = field(default_factory=list)
    filled: Counter[str] = field(default_factory=Counter)
    first: dt.date | None = None
    last: dt.date | None = None
    #: The latest ``crawled_at``: when the newest capture of the dataset was made.
    crawled: str | None = None
    #: Corrections: releases whose latest version is 2 or more, by the month of their last change; withdrawn ones;
    #: and, from the versions file beside the dataset, how often each field changed.
    corrected: Counter[str] = field(default_factory=Counter)
    withdrawn: int = 0
    changed_fields: Counter[str] = field(default_factory=Counter)
    changes: int = 0

    def add(self, record: dict[str, Any]) -> None:
        self.records += 1
        for name in RECORD_FIELDS:
            if record.get(name) not in (None, "", []):
                self.filled[name] += 1
        if isinstance(record.get("crawled_at"), str):
            self.crawled = max(self.crawled or "", record["crawled_at"])
        date = dt.date.fromisoformat(record["date"]) if record.get("date") else None
        year = date.year if date else None
        if date:
            self.first = min(self.first or date, date)
            self.last = max(self.last or date, date)
            self.per_year_type[date.year][record.get("content_type") or "(none)"] += 1
        for name in record.get("fields_of_work") or []:
            if year:
                self.field_years[name][year] += 1
        if isinstance(record.get("version"), int) and record["version"] > 1:
            self.corrected[str(record.get("changed_at") or "")[:7] or "(unknown)"] += 1
        if record.get("withdrawn_at"):
            self.withdrawn += 1
        self.sources.update(record.get("source") or [])
        self.countries.update({p.get("country") or "(unknown)" for p in record.get("places") or []})


def summarise(records: Iterable[dict[str, Any]]) -> Summary:
    """One pass over the records; the people index from their officials."""
    summary = Summary()
    officials: list[dict[str, Any]] = []
    for record in records:
        summary.add(record)
        if record.get("officials"):
            officials.append({key: record.get(key) for key in ("node_id", "date", "officials")})
    summary.people = people_index(officials)
    return summary


def add_versions(summary: Summary, versions: Iterable[dict[str, Any]]) -> None:
    """Count the earlier versions (the versions file's entries) and the fields each change touched.

    >>> summary = Summary(); add_versions(summary, [{"changed": ["title", "text"]}, {"changed": ["text"]}])
    >>> summary.changes, summary.changed_fields.most_common(1)
    (2, [('text', 2)])
    """
    for entry in versions:
        summary.changes += 1
        summary.changed_fields.update(entry.get("changed") or [])


def corrections_section(summary: Summary) -> str:
    """How many releases changed after publication, when, which fields, and how many were withdrawn."""
    corrected = sum(summary.corrected.values())
    if not corrected and not summary.withdrawn and not summary.changes:
        return "<p class=\"corrections\">No release has changed since it was first fetched, and none was withdrawn.</p>"
    months = sorted(summary.corrected.items())
    fields = ", ".join(f"{escape(name)} ({count})" for name, count in summary.changed_fields.most_common())
    lines = [f"{corrected} release{'s' if corrected != 1 else ''} changed after publication "
             f"({summary.changes} earlier version{'s' if summary.changes != 1 else ''} kept); "
             f"{summary.withdrawn} withdrawn."]
    if fields:
        lines.append(f"Fields changed: {fields}.")
    chart = horizontal_bars(months, "releases changed by month of their last change", PALETTE[4]) if months else ""
    return f'<p class="corrections">{" ".join(lines)}</p>{chart}'


def _short(name: str, limit: int = 60) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


#: Every chart is drawn this wide and scales down with the page (CSS max-width), so text stays readable
#: at 400 px: labels stand above their bars, never beside them.
WIDTH = 480
FONT = 13


def nice_ticks(top: int, count: int = 5) -> list[int]:
    """Axis ticks from 0 to at least ``top``: about ``count`` of them, a step of 1, 2 or 5 times a power of ten.

    >>> nice_ticks(64), nice_ticks(7), nice_ticks(1), nice_ticks(0)
    ([0, 20, 40, 60, 80], [0, 2, 4, 6, 8], [0, 1], [0, 1])
    """
    top = max(1, top)
    raw = top / count
    magnitude = 10 ** (len(str(int(raw))) - 1) if raw >= 1 else 1
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    return list(range(0, -(-top // step) * step + 1, step))


def _svg(width: int, height: int, body: str, label: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}" font-size="{FONT}" role="img" aria-label="{escape(label)}">{body}</svg>')


def _no_data(label: str) -> str:
    return _svg(WIDTH, 40, '<text x="10" y="25">no data</text>', label)


def horizontal_bars(items: Sequence[tuple[str, int]], label: str, color: str = PALETTE[0]) -> str:
    """A horizontal bar chart of (label, count), largest first: each label above its bar, a count axis below."""
    if not items:
        return _no_data(label)
    ticks = nice_ticks(max(v for _, v in items))
    row, left, right = 36, 10, 40
    scale = (WIDTH - left - right) / ticks[-1]
    base = 8 + row * len(items)
    parts = []
    for tick in ticks:  # gridlines first, under the bars
        x = left + tick * scale
        parts.append(f'<line x1="{x:.1f}" y1="4" x2="{x:.1f}" y2="{base + 4}" stroke="#ddd"/>'
                     f'<text class="tick" x="{x:.1f}" y="{base + 20}" text-anchor="middle" '
                     f'font-size="11">{tick}</text>')
    for i, (name, value) in enumerate(items):
        y = 8 + i * row
        w = max(1.0, value * scale)
        parts.append(f'<text x="{left}" y="{y + 12}">{escape(_short(name))}</text>'
                     f'<rect x="{left}" y="{y + 17}" width="{w:.1f}" height="12" fill="{color}">'
                     f'<title>{escape(name)}: {value}</title></rect>'
                     f'<text x="{left + w + 4:.1f}" y="{y + 28}" font-size="11">{value}</text>')
    parts.append(f'<line x1="{left}" y1="{base + 4}" x2="{WIDTH - right}" y2="{base + 4}" stroke="#444"/>')
    return _svg(WIDTH, base + 28, "".join(parts), label)


def _legend(colors: dict[str, str]) -> str:
    """A legend in HTML, which wraps with the page where a legend inside the chart would be clipped."""
    items = "".join(f'<li><span class="swatch" style="background:{color}"></span>{escape(kind)}</li>'
                    for kind, color in colors.items())
    return f'<ul class="legend">{items}</ul>'


def stacked_years(per_year: dict[int, Counter[str]], label: str) -> str:
    """Releases per year, stacked by content type, with a count axis and a legend."""
    if not per_year:
        return _no_data(label)
    years = list(range(min(per_year), max(per_year) + 1))
    kinds = [k for k, _ in sum(per_year.values(), Counter()).most_common()]
    colors = {k: PALETTE[i % len(PALETTE)] for i, k in enumerate(kinds)}
    ticks = nice_ticks(max(sum(c.values()) for c in per_year.values()))
    height, base, left, top_margin = 280, 250, 44, 12
    bar = (WIDTH - left - 10) / len(years)
    every = -(-40 // max(1, int(bar)))  # year labels at least 40 px apart
    parts = []
    for tick in ticks:
        y = base - (base - top_margin) * tick / ticks[-1]
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{WIDTH - 10}" y2="{y:.1f}" stroke="#ddd"/>'
                     f'<text class="tick" x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" '
                     f'font-size="11">{tick}</text>')
    for i, year in enumerate(years):
        x, y = left + i * bar, base
        for kind in kinds:
            count = per_year.get(year, Counter())[kind]
            if not count:
                continue
            h = (base - top_margin) * count / ticks[-1]
            y -= h
            parts.append(f'<rect x="{x + 1:.1f}" y="{y:.1f}" width="{max(1.0, bar - 2):.1f}" height="{h:.1f}" '
                         f'fill="{colors[kind]}"><title>{year} {escape(kind)}: {count}</title></rect>')
        if i % every == 0:
            parts.append(f'<text x="{x + bar / 2:.1f}" y="{base + 18}" font-size="11" '
                         f'text-anchor="middle">{year}</text>')
    parts.append(f'<line x1="{left}" y1="{base}" x2="{WIDTH - 10}" y2="{base}" stroke="#444"/>'
                 f'<line x1="{left}" y1="{top_margin}" x2="{left}" y2="{base}" stroke="#444"/>')
    return _svg(WIDTH, height, "".join(parts), label) + _legend(colors)


def _shade(count: int, top: int) -> float:
    """The opacity of a heatmap cell: faint for none, darker for more."""
    return 0.06 + 0.94 * count / top if count else 0.03


def heatmap(rows: dict[str, Counter[int]], label: str) -> str:
    """Fields of work (rows, each name above its row) over years (columns): darker is more releases,
    with the colour scale and its values below."""
    if not rows:
        return _no_data(label)
    names = sorted(rows, key=lambda n: -sum(rows[n].values()))[:TOP]
    years = sorted({y for n in names for y in rows[n]})
    years = list(range(years[0], years[-1] + 1))
    top = max(max(rows[n].values()) for n in names) or 1
    left, row = 10, 36
    cell = max(4, min(44, (WIDTH - 2 * left) // len(years)))
    parts = []
    for r, name in enumerate(names):
        y = 8 + r * row
        parts.append(f'<text x="{left}" y="{y + 12}">{escape(_short(name))}</text>')
        for c, year in enumerate(years):
            count = rows[name][year]
            parts.append(f'<rect x="{left + c * cell}" y="{y + 16}" width="{cell - 1}" height="16" '
                         f'fill="{PALETTE[0]}" fill-opacity="{_shade(count, top):.2f}"><title>{escape(name)} '
                         f'{year}: {count}</title></rect>')
    axis = 8 + len(names) * row + 14
    every = -(-40 // cell)  # year labels at least 40 px apart
    for c, year in enumerate(years):
        if c % every == 0:
            parts.append(f'<text x="{left + c * cell}" y="{axis}" font-size="11">{year}</text>')
    # The colour scale: what each shade counts, from no release to the busiest field-year.
    scale_y = axis + 16
    parts.append(f'<text x="{left}" y="{scale_y + 12}" font-size="11">releases a year:</text>')
    for i, value in enumerate(sorted({0, 1, *(round(top * share) for share in (0.25, 0.5, 0.75)), top})):
        x = left + 110 + i * 50
        parts.append(f'<g class="scale"><rect x="{x}" y="{scale_y}" width="40" height="14" fill="{PALETTE[0]}" '
                     f'fill-opacity="{_shade(value, top):.2f}" stroke="#ccc"/>'
                     f'<text x="{x + 20}" y="{scale_y + 28}" text-anchor="middle" font-size="11">{value}</text></g>')
    return _svg(WIDTH, scale_y + 36, "".join(parts), label)


def _coverage_table(summary: Summary) -> str:
    rows = []
    for name in RECORD_FIELDS:
        share = summary.filled[name] / summary.records if summary.records else 0.0
        rows.append(f'<tr><td>{name}</td><td class="num">{share:.1%}</td><td class="bar"><svg viewBox="0 0 200 12" '
                    f'preserveAspectRatio="none"><rect width="{200 * share:.1f}" height="12" fill="{PALETTE[2]}"/>'
                    '</svg></td></tr>')
    return f'<table class="coverage"><tr><th>field</th><th>filled</th><th></th></tr>{"".join(rows)}</table>'


def _officials_table(summary: Summary) -> str:
    rows = []
    for person in summary.people[:TOP]:
        titles = ", ".join(t["title"] for t in person["titles"][:2])
        years = sorted({date[:4] for date in (person["first_seen"], person["last_seen"]) if date})
        active = "–".join(years)
        rows.append(f"<tr><td>{escape(person['name'])}</td><td>{escape(titles)}</td><td class=\"years\">{active}</td>"
                    f'<td class="num">{person["releases"]}</td></tr>')
    return ('<table class="officials"><tr><th>official</th><th>titles</th><th>active</th><th>releases</th></tr>'
            f'{"".join(rows)}</table>')


def dataset_version(summary: Summary) -> str:
    """The line that says which dataset a report shows: the project's version, the records' dates and count.

    >>> dataset_version(Summary(records=64, first=dt.date(2021, 1, 4), last=dt.date(2025, 6, 1))).split(", ")[1:]
    ['64 records dated 2021-01-04 to 2025-06-01']
    """
    span = f"dated {summary.first} to {summary.last}" if summary.first else "with no date"
    crawled = f", crawled up to {summary.crawled}" if summary.crawled else ""
    return f"osce-scraper {__version__}, {summary.records} record{'s' if summary.records != 1 else ''} {span}{crawled}"


def render_report(summary: Summary, source_name: str) -> str:
    """The report's HTML."""
    officials = [(person["name"], person["releases"]) for person in summary.people[:TOP]]
    charts = [
        ("Releases per year by content type", stacked_years(summary.per_year_type, "releases per year")),
        ("Fields of work over time", heatmap(summary.field_years, "fields of work over time")),
        ("Top sources", horizontal_bars(summary.sources.most_common(TOP), "top sources", PALETTE[1])),
        ("Top officials", horizontal_bars(officials, "top officials", PALETTE[3])),
        ("Places by country", horizontal_bars(summary.countries.most_common(TOP), "places by country", PALETTE[2])),
    ]
    figures = "".join(
        f'<figure class="chart"><figcaption>{escape(title)}</figcaption>{svg}</figure>' for title, svg in charts
    )
    # Charts keep their drawn size on a wide page and shrink with a narrow one (max-width, height auto);
    # tables wrap their text. Nothing is wider than the page down to 400 px.
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>osce-scraper report: {escape(source_name)}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2em auto; padding: 0 12px; max-width: 1000px; color: #222; }}
h1 {{ font-size: 1.6em; }} code {{ overflow-wrap: anywhere; }}
figure {{ margin: 2em 0; }} figcaption {{ font-weight: 600; margin-bottom: .5em; }}
figure svg {{ display: block; width: 100%; max-width: 600px; height: auto; }}
ul.legend {{ list-style: none; padding: 0; margin: .5em 0; display: flex; flex-wrap: wrap; gap: .3em 1.2em;
  font-size: 13px; }}
ul.legend .swatch {{ display: inline-block; width: 12px; height: 12px; margin-right: .4em; vertical-align: -1px; }}
table {{ border-collapse: collapse; margin: 1em 0; width: 100%; max-width: 760px; }}
td, th {{ padding: 2px 8px; text-align: left; overflow-wrap: break-word; }}
td.num, td.years {{ text-align: right; white-space: nowrap; }} tr:nth-child(even) {{ background: #f4f4f4; }}
td.bar svg {{ display: block; width: 100%; max-width: 200px; height: 12px; }}
@media (max-width: 600px) {{ body {{ padding: 0 8px; }} table {{ font-size: 14px; }} td, th {{ padding: 2px 4px; }} }}
</style></head>
<body>
<h1>osce-scraper report</h1>
<p class="version">Dataset version: {escape(dataset_version(summary))}; from <code>{escape(source_name)}</code>.</p>
{figures}
<h2>Top officials with their titles and years active</h2>
{_officials_table(summary)}
<h2>Corrections: releases changed or withdrawn after publication</h2>
{corrections_section(summary)}
<h2>Coverage: share of records with each field</h2>
{_coverage_table(summary)}
</body></html>
"""


def write_report(source: str | Path, output: Output) -> int:
    """Write the report of a dataset file (a path or a text stream); returns the number of records."""
    summary = summarise(iter_records(source))
    versions = Path(source).with_name("versions.jsonl") if isinstance(source, str | Path) else None
    if versions is not None and versions.is_file():
        with contextlib.suppress(ValueError):  # a damaged versions file leaves the report without field counts
            add_versions(summary, iter_versions(versions))
    with open_output(output) as handle:
        handle.write(render_report(summary, Path(source).name))
    return summary.records
