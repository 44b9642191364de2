"""Reading the sitemap: index and URL sets, gzip, limits, which files a run reads, and what the state keeps."""

from __future__ import annotations

import asyncio
import datetime as dt
import gzip

import pytest

from osce_scraper.store.crawl_state import CrawlState
from osce_scraper.store.recheck import Known, choose_due
from osce_scraper.store.sitemap import (
    MAX_FILES_PER_RUN,
    SitemapEntry,
    SitemapError,
    files_to_read,
    read_sitemap,
    read_sitemaps,
    release_lastmods,
)

NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NOW = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
DAY = dt.timedelta(days=1)


def make_urlset(*urls: tuple[str, str | None]) -> bytes:
    items = "".join(f"<url><loc>{loc}</loc>{f'<lastmod>{mod}</lastmod>' if mod else ''}</url>" for loc, mod in urls)
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="{NS}">{items}</urlset>'.encode()


def make_index(*files: tuple[str, str | None]) -> bytes:
    items = "".join(f"<sitemap><loc>{loc}</loc>{f'<lastmod>{mod}</lastmod>' if mod else ''}</sitemap>"
                    for loc, mod in files)
    return f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="{NS}">{items}</sitemapindex>'.encode()


def test_a_url_set_gives_each_url_and_its_optional_lastmod_in_utc():
    kind, entries = read_sitemap(make_urlset(("https://www.osce.org/cio/551", "2026-03-01T10:00:00+01:00"),
                                             ("https://www.osce.org/cio/552", None)))
    assert kind == "urlset"
    assert entries == [SitemapEntry("https://www.osce.org/cio/551", dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC)),
                       SitemapEntry("https://www.osce.org/cio/552", None)]


def test_an_index_gives_its_files_and_a_gzip_file_is_unpacked():
    body = make_index(("https://www.osce.org/sitemap.xml?page=1", "2026-11-30"))
    assert read_sitemap(gzip.compress(body)) == read_sitemap(body)
    assert read_sitemap(body)[0] == "sitemapindex"


@pytest.mark.parametrize(("body", "reason"), [
    (b"<html><body><h1>Page not found</h1></body></html>", "not a sitemap: its root element is <html>"),
    (b"", "not XML"),
    (b"plain text, no markup", "not XML"),
    (gzip.compress(b""), "a gzip file with nothing in it"),
    (gzip.compress(b"<urlset/>")[:10], "not a readable gzip file"),
    (gzip.compress(b"<urlset><url><loc>https://www.osce.org/cio/551</loc></url></urlset>")[:14], "not (XML|a sitemap)"),
    (b"\x1f\x8b\x08" + b"\x00" * 40, "not a readable gzip file"),
])
def test_what_is_no_sitemap_is_named_in_one_line(body, reason):
    with pytest.raises(SitemapError, match=reason) as raised:
        read_sitemap(body)
    assert "\n" not in str(raised.value)


def test_a_sitemap_larger_than_the_limit_is_refused_packed_or_not():
    body = make_urlset(*[(f"https://www.osce.org/cio/{n}", "2026-01-01") for n in range(100, 400)])
    assert len(read_sitemap(body, max_bytes=len(body))[1]) == 300
    with pytest.raises(SitemapError, match="larger than"):
        read_sitemap(body, max_bytes=len(body) - 1)
    with pytest.raises(SitemapError, match="unpacked"):  # a small gzip file that unpacks beyond the limit
        read_sitemap(gzip.compress(body), max_bytes=len(body) // 2)


def test_release_lastmods_skip_file_links_and_undated_urls_and_keep_the_latest_per_release():
    early, late = NOW - 3 * DAY, NOW - DAY
    entries = [SitemapEntry("https://www.osce.org/cio/551", early),
               SitemapEntry("https://www.osce.org/node/551", late),
               SitemapEntry("https://www.osce.org/files/f/documents/5/5/551.pdf?download", late),
               SitemapEntry("https://www.osce.org/cio/552", None),
               SitemapEntry("https://www.osce.org/sitemap.xml", late)]
    assert release_lastmods(entries) == {"551": late}


def test_a_run_reads_the_files_whose_lastmod_changed_newest_first_within_its_limit():
    index = [SitemapEntry(f"f{n}", NOW - n * DAY) for n in range(1, 16)] + [SitemapEntry("undated")]
    read_before = {entry.loc: (entry.lastmod.isoformat(), (NOW - DAY).isoformat())  # type: ignore[union-attr]
                   for entry in index[:12]}
    read_before["f2"] = ((NOW - 30 * DAY).isoformat(), (NOW - 30 * DAY).isoformat())  # changed since
    read_before["undated"] = (None, (NOW - 2 * DAY).isoformat())  # read two days ago
    assert [e.loc for e in files_to_read(index, read_before, NOW)] == ["f2", "f13", "f14", "f15"]
    read_before["f2"] = ((NOW - 2 * DAY).isoformat(), NOW.isoformat())  # read now
    assert files_to_read(index, read_before, NOW + 6 * DAY) == [
        SitemapEntry("f13", NOW - 13 * DAY), SitemapEntry("f14", NOW - 14 * DAY), SitemapEntry("f15", NOW - 15 * DAY),
        SitemapEntry("undated")]  # a week after it was read, the undated file is read again
    assert len(files_to_read(index, {}, NOW)) == MAX_FILES_PER_RUN


def make_fetch(files: dict[str, bytes], asked: list[str]):
    async def fetch(url: str) -> bytes:
        asked.append(url)
        if url not in files:
            raise SitemapError("answered 404")
        return files[url]

    return fetch


def test_the_index_and_its_changed_files_are_read_on_the_mirror_and_remembered_as_named():
    mirror = "http://127.0.0.1:8765"
    files = {
        f"{mirror}/sitemap.xml": make_index(("https://www.osce.org/sitemap.xml?page=1", "2026-11-30"),
                                            ("https://www.osce.org/sitemap.xml?page=2", "2026-01-01"),
                                            ("https://www.osce.org/sitemap.xml?page=3", "2026-11-29")),
        f"{mirror}/sitemap.xml?page=1": make_urlset(("https://www.osce.org/cio/551", "2026-11-30"),
                                                    ("https://www.osce.org/files/f/documents/a/1.pdf?download", None)),
    }
    asked: list[str] = []
    noted: list[tuple[str, str | None, dict]] = []
    robots = b"User-agent: *\nCrawl-delay: 10\nSitemap: https://www.osce.org/sitemap.xml\n"
    run = asyncio.run(read_sitemaps(robots, f"{mirror}/robots.txt", mirror, make_fetch(files, asked),
                                    lambda *args: noted.append(args),
                                    {"https://www.osce.org/sitemap.xml?page=2": ("2026-01-01T00:00:00+00:00", None)},
                                    NOW))
    # page 2 is unchanged; page 3 is missing: a problem, and the others are read.
    assert asked == [f"{mirror}/sitemap.xml", f"{mirror}/sitemap.xml?page=1", f"{mirror}/sitemap.xml?page=3"]
    assert noted == [("https://www.osce.org/sitemap.xml?page=1", "2026-11-30T00:00:00+00:00",
                      {"551": dt.datetime(2026, 11, 30, tzinfo=dt.UTC)})]
    assert (run.requests, run.files_read, run.releases) == (3, 1, 1)
    assert run.problems == ["https://www.osce.org/sitemap.xml?page=3: answered 404"]


def test_robots_without_a_sitemap_costs_nothing():
    asked: list[str] = []
    run = asyncio.run(read_sitemaps(b"User-agent: *\nDisallow: /admin/\n", "https://www.osce.org/robots.txt",
                                    "https://www.osce.org", make_fetch({}, asked), lambda *args: None, {}, NOW))
    assert asked == [] and run.requests == 0 and run.problems == []


def test_the_state_keeps_each_file_read_and_each_release_lastmod(tmp_path):
    state = CrawlState(tmp_path / "state.sqlite")
    state.note_sitemap_file("https://www.osce.org/sitemap.xml?page=1", "2026-11-30T00:00:00+00:00",
                            "2026-12-01T00:00:00Z", {"551": "2026-11-30T00:00:00+00:00"})
    state.note_sitemap_file("https://www.osce.org/sitemap.xml?page=1", "2026-12-01T00:00:00+00:00",
                            "2026-12-02T00:00:00Z", {"551": "2026-12-01T00:00:00+00:00"})
    state.close()
    state = CrawlState(tmp_path / "state.sqlite")
    assert state.sitemap_files() == {"https://www.osce.org/sitemap.xml?page=1": ("2026-12-01T00:00:00+00:00",
                                                                                 "2026-12-02T00:00:00Z")}
    assert state.sitemap_lastmods() == {"551": "2026-12-01T00:00:00+00:00"}


def test_releases_modified_since_their_last_check_go_first_within_the_budget():
    known = [Known(str(n), f"u{n}", last_checked=NOW - (400 + n) * DAY, last_changed=NOW - 3000 * DAY)
             for n in range(10)]  # all due, 9 the most overdue
    plain = [k.node_id for k in choose_due(known, NOW, 2)]
    assert plain == ["9", "8"]
    modified = {"0": NOW - DAY, "1": NOW - 2 * DAY, "5": NOW - 900 * DAY, "unknown": NOW}  # 5: before its check
    assert [k.node_id for k in choose_due(known, NOW, 2, modified=modified)] == ["0", "1"]
    assert [k.node_id for k in choose_due(known, NOW, 3, modified=modified)] == ["0", "1", "9"]
    fresh = [Known("7", "u7", last_checked=NOW - DAY, last_changed=NOW - 3000 * DAY)]  # not due, but modified
    assert [k.node_id for k in choose_due(fresh, NOW, 2, modified={"7": NOW})] == ["7"]


def test_a_lastmod_within_the_second_of_the_last_check_is_not_later_than_it():
    # A check's time is kept to the second: a release checked at 12:00:00.9 is kept as checked at 12:00:00.
    checked = dt.datetime(2026, 3, 1, 12, 0, 0, tzinfo=dt.UTC)
    known = [Known("1", "u1", last_checked=checked, last_changed=checked - dt.timedelta(days=3000))]
    within = {"1": checked + dt.timedelta(microseconds=500_000)}
    later = {"1": checked + dt.timedelta(seconds=1)}
    assert choose_due(known, checked + dt.timedelta(hours=1), 2, modified=within) == []
    assert [k.node_id for k in choose_due(known, checked + dt.timedelta(hours=1), 2, modified=later)] == ["1"]
