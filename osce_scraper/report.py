"""A one-file HTML report of a dataset: what is in it, before reading a line of it.

Charts are inline SVG drawn here, so the file opens with no network and no
JavaScript at all.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from osce_scraper.dataset import iter_records
from osce_scraper.export import Output, open_output
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

    def add(self, record: dict[str, Any]) -> None:
        self.records += 1
        for name in RECORD_FIELDS:
            if record.get(name) not in (None, "", []):
                self.filled[name] += 1
        date = dt.date.fromisoformat(record["date"]) if record.get("date") else None
        year = date.year if date else None
        if date:
            self.first = min(self.first or date, date)
            self.last = max(self.last or date, date)
            self.per_year_type[date.year][record.get("content_type") or "(none)"] += 1
        for name in record.get("fields_of_work") or []:
            if year:
                self.field_years[name][year] += 1
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


def _short(name: str, limit: int = 50) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def _svg(width: int, height: int, body: str, label: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}" role="img" aria-label="{escape(label)}">{body}</svg>')


def horizontal_bars(items: Sequence[tuple[str, int]], label: str, color: str = PALETTE[0]) -> str:
    """A horizontal bar chart of (label, count), largest first."""
    if not items:
        return _svg(600, 40, '<text x="10" y="25">no data</text>', label)
    top = max(v for _, v in items) or 1
    row, left, width = 22, 360, 760
    parts = []
    for i, (name, value) in enumerate(items):
        y = 10 + i * row
        w = max(1.0, (width - left - 50) * value / top)
        parts.append(f'<text x="{left - 8}" y="{y + 14}" text-anchor="end" font-size="12">{escape(_short(name))}</text>'
                     f'<rect x="{left}" y="{y + 2}" width="{w:.1f}" height="{row - 6}" fill="{color}">'
                     f'<title>{escape(name)}: {value}</title></rect>'
                     f'<text x="{left + w + 4:.1f}" y="{y + 14}" font-size="11">{value}</text>')
    return _svg(width, 20 + row * len(items), "".join(parts), label)


def stacked_years(per_year: dict[int, Counter[str]], label: str) -> str:
    """Releases per year, stacked by content type, with a legend."""
    if not per_year:
        return _svg(600, 40, '<text x="10" y="25">no data</text>', label)
    years = list(range(min(per_year), max(per_year) + 1))
    kinds = [k for k, _ in sum(per_year.values(), Counter()).most_common()]
    colors = {k: PALETTE[i % len(PALETTE)] for i, k in enumerate(kinds)}
    top = max(sum(c.values()) for c in per_year.values()) or 1
    width, height, base, left = max(600, 40 + 26 * len(years)), 300, 250, 40
    bar = (width - left - 10) / len(years)
    parts = [f'<line x1="{left}" y1="{base}" x2="{width - 10}" y2="{base}" stroke="#444"/>',
             f'<text x="4" y="20" font-size="11">{top}</text>']
    for i, year in enumerate(years):
        x, y = left + i * bar, base
        for kind in kinds:
            count = per_year.get(year, Counter())[kind]
            if not count:
                continue
            h = (base - 20) * count / top
            y -= h
            parts.append(f'<rect x="{x + 2:.1f}" y="{y:.1f}" width="{bar - 4:.1f}" height="{h:.1f}" '
                         f'fill="{colors[kind]}"><title>{year} {escape(kind)}: {count}</title></rect>')
        if len(years) <= 20 or i % 5 == 0:
            parts.append(f'<text x="{x + bar / 2:.1f}" y="{base + 16}" font-size="10" '
                         f'text-anchor="middle">{year}</text>')
    for i, kind in enumerate(kinds):
        parts.append(f'<rect x="{left + 130 * i}" y="{height - 22}" width="12" height="12" fill="{colors[kind]}"/>'
                     f'<text x="{left + 130 * i + 16}" y="{height - 12}" font-size="11">{escape(kind)}</text>')
    return _svg(width, height, "".join(parts), label)


def heatmap(rows: dict[str, Counter[int]], label: str) -> str:
    """Fields of work (rows) over years (columns): darker is more releases."""
    if not rows:
        return _svg(600, 40, '<text x="10" y="25">no data</text>', label)
    names = sorted(rows, key=lambda n: -sum(rows[n].values()))[:TOP]
    years = sorted({y for n in names for y in rows[n]})
    years = list(range(years[0], years[-1] + 1))
    top = max(max(rows[n].values()) for n in names) or 1
    left, cell, row = 290, max(8, min(44, 600 // len(years))), 20
    parts = []
    for r, name in enumerate(names):
        y = 10 + r * row
        parts.append(f'<text x="{left - 6}" y="{y + 14}" text-anchor="end" font-size="11">{escape(name[:46])}</text>')
        for c, year in enumerate(years):
            count = rows[name][year]
            opacity = 0.06 + 0.94 * count / top if count else 0.03
            parts.append(f'<rect x="{left + c * cell}" y="{y}" width="{cell - 1}" height="{row - 2}" '
                         f'fill="{PALETTE[0]}" fill-opacity="{opacity:.2f}"><title>{escape(name)} {year}: {count}'
                         '</title></rect>')
    for c, year in enumerate(years):
        if c % max(1, -(-36 // cell)) == 0:  # labels at least 36 px apart
            parts.append(f'<text x="{left + c * cell}" y="{20 + len(names) * row}" font-size="10">{year}</text>')
    return _svg(left + cell * len(years) + 20, 30 + len(names) * row, "".join(parts), label)


def _coverage_table(summary: Summary) -> str:
    rows = []
    for name in RECORD_FIELDS:
        share = summary.filled[name] / summary.records if summary.records else 0.0
        rows.append(f'<tr><td>{name}</td><td class="num">{share:.1%}</td><td><svg width="200" height="12">'
                    f'<rect width="{200 * share:.1f}" height="12" fill="{PALETTE[2]}"/></svg></td></tr>')
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


def render_report(summary: Summary, source_name: str) -> str:
    """The report's HTML."""
    span = f"{summary.first} to {summary.last}" if summary.first else "no dates"
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
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>osce-scraper report: {escape(source_name)}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2em auto; max-width: 1000px; color: #222; }}
figure {{ margin: 2em 0; }} figcaption {{ font-weight: 600; margin-bottom: .5em; }}
table {{ border-collapse: collapse; margin: 1em 0; }} td, th {{ padding: 2px 10px; text-align: left; }}
td.num, td.years {{ text-align: right; white-space: nowrap; }} tr:nth-child(even) {{ background: #f4f4f4; }}
</style></head>
<body>
<h1>osce-scraper report</h1>
<p>{summary.records} releases from <code>{escape(source_name)}</code>, dated {span}.</p>
{figures}
<h2>Top officials with their titles and years active</h2>
{_officials_table(summary)}
<h2>Coverage: share of records with each field</h2>
{_coverage_table(summary)}
</body></html>
"""


def write_report(source: str | Path, output: Output) -> int:
    """Write the report of a dataset file (a path or a text stream); returns the number of records."""
    summary = summarise(iter_records(source))
    with open_output(output) as handle:
        handle.write(render_report(summary, Path(source).name))
    return summary.records
