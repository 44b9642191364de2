"""Time per page: lxml parsing alone, our full extraction, and trafilatura, on the same pages.

    python benchmarks/extract_speed.py [--pages 600] [--repeat 3]

Pages are mock-site release pages (every markup variant) of 600 to 1,200 words.
(a) lxml: ``lxml.html.document_fromstring`` alone, the floor any extractor pays;
(b) ours: the page read as the spider reads it (parsel, ``read_release``) and every field family the
    pipelines parse (``build_record``);
(c) trafilatura: ``bare_extraction(html, url=..., with_metadata=True)``, the general-purpose peer.
Prints medians and the ratios b/a and b/c.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import lxml.html

from osce_scraper.fields import build_record
from osce_scraper.items import RawRelease
from osce_scraper.pages.html import page_selector
from osce_scraper.pages.listing import ListingItem
from osce_scraper.pages.release import read_release
from tests.site.releases import make_releases
from tests.site.render import VARIANTS, render_release

BASE_URL = "http://127.0.0.1:8000"


def make_pages(count: int) -> list[tuple[str, str, ListingItem]]:
    """(html, url, listing item) for ``count`` long release pages across the markup variants."""
    pages = []
    for i, release in enumerate(make_releases(count, extra_paragraphs=7)):
        url = BASE_URL + release.path
        listing = ListingItem(url=url, node_id=release.node_id, title=release.title,
                              publishing_date=release.printed_date, content_type=release.content_type,
                              where_we_are=list(release.sources), what_we_do=list(release.fields))
        pages.append((render_release(release, VARIANTS[i % len(VARIANTS)], BASE_URL), url, listing))
    return pages


def lxml_only(html: str, url: str, listing: ListingItem) -> object:
    return lxml.html.document_fromstring(html)


def ours(html: str, url: str, listing: ListingItem) -> object:
    page = read_release(page_selector(html), url)
    return build_record(RawRelease(page=page, listing=listing, crawled_at="2026-01-01T00:00:00Z"))


def trafilatura_extraction(html: str, url: str, listing: ListingItem) -> object:
    from trafilatura import bare_extraction

    return bare_extraction(html, url=url, with_metadata=True)


def time_per_page(function, pages, repeat: int) -> list[float]:
    """Seconds per page, each page timed ``repeat`` times (the best kept)."""
    times = []
    for html, url, listing in pages:
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            function(html, url, listing)
            best = min(best, time.perf_counter() - start)
        times.append(best)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=600)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    pages = make_pages(args.pages)
    words = [len(lxml.html.document_fromstring(h).text_content().split()) for h, _, _ in pages]
    for function in (lxml_only, ours, trafilatura_extraction):  # warm caches, imports and the gazetteer
        function(*pages[0])
    medians = {}
    for name, function in (("a_lxml", lxml_only), ("b_ours", ours), ("c_trafilatura", trafilatura_extraction)):
        medians[name] = statistics.median(time_per_page(function, pages, args.repeat))
    print(f"pages: {len(pages)} (words per page: median {statistics.median(words):.0f}, "
          f"min {min(words)}, max {max(words)})")
    for name, value in medians.items():
        print(f"{name:15} median {value * 1000:8.3f} ms/page")
    print(f"b/a = {medians['b_ours'] / medians['a_lxml']:.2f}   "
          f"b/c = {medians['b_ours'] / medians['c_trafilatura']:.2f}  (target b/c <= 1)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
