"""The site's sitemap: which known releases it says were modified, so that their re-checks go first.

robots.txt names the sitemap (``Sitemap: https://www.osce.org/sitemap.xml``), a sitemap index whose
entries are further sitemaps, URL sets of release pages (and file links, ``?download``), each URL with
an optional ``lastmod``. Each sitemap file is one request at the site's Crawl-delay, so a run reads the
index and only the files whose ``lastmod`` in the index differs from the one it read last time (the
crawl state keeps each file's ``lastmod`` and when it was read): an unchanged site costs the index
alone. A file the index gives no ``lastmod`` is read again after :data:`UNDATED_REREAD`, and no run
reads more than :data:`MAX_FILES_PER_RUN` files (the newest first; the rest wait for the next run).

Parsing is Scrapy's (:class:`scrapy.utils.sitemap.Sitemap`, :func:`sitemap_urls_from_robots`,
:func:`scrapy.utils.gz.gunzip`, as :class:`scrapy.spiders.SitemapSpider` uses them); what goes
wrong is a :class:`SitemapError` of one line, and the re-checks go by their schedule.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import lxml.etree
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots

from osce_scraper.extract.urls import node_id_of, on_mirror
from osce_scraper.store.recheck import parse_time

#: The most a sitemap file may hold, uncompressed: the sitemaps.org protocol's limit (50 MB, 50,000 URLs).
SITEMAP_MAX_BYTES = 50 * 1024 * 1024
#: How a gzip file starts (Scrapy's SitemapSpider tests the same bytes).
GZIP_MAGIC = b"\x1f\x8b\x08"
#: Sitemap files a run reads besides the ones robots.txt names: 10 requests, 100 s at a Crawl-delay of 10.
MAX_FILES_PER_RUN = 10
#: A sitemap file the index gives no ``lastmod`` may have changed at any time: read again after this long.
UNDATED_REREAD = dt.timedelta(days=7)

#: Fetches a sitemap's URL and returns its body; raises :class:`SitemapError` (a status, no answer).
Fetch = Callable[[str], Awaitable[bytes]]
#: Told each sitemap file read: its URL as the index names it, its ``lastmod`` there (ISO text or None),
#: and the release node ids it lists with their ``lastmod``.
Note = Callable[[str, str | None, dict[str, dt.datetime]], None]


class SitemapError(ValueError):
    """A sitemap that cannot be used, in one line."""


@dataclass(frozen=True, slots=True)
class SitemapEntry:
    """One ``<sitemap>`` of an index or ``<url>`` of a URL set: its ``loc`` and its ``lastmod``, if any."""

    loc: str
    lastmod: dt.datetime | None = None


def parse_lastmod(text: str | None) -> dt.datetime | None:
    """A sitemap's ``lastmod`` (W3C datetime: a date, or a date and time with a zone) in UTC, or None.

    >>> parse_lastmod("2026-03-01T10:00:00+01:00").isoformat(), parse_lastmod("2026-03-01").isoformat()
    ('2026-03-01T09:00:00+00:00', '2026-03-01T00:00:00+00:00')
    >>> parse_lastmod("March 2026"), parse_lastmod(None)
    (None, None)
    """
    when = parse_time(text.strip() if isinstance(text, str) else text)
    return when.astimezone(dt.UTC) if when else None


def read_sitemap(body: bytes, max_bytes: int = SITEMAP_MAX_BYTES) -> tuple[str, list[SitemapEntry]]:
    """A sitemap file's kind (``sitemapindex`` or ``urlset``) and entries; gzip is unpacked, at most ``max_bytes``.

    >>> kind, entries = read_sitemap(b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    ...     b'<url><loc>https://www.osce.org/cio/1</loc><lastmod>2026-01-02</lastmod></url></urlset>')
    >>> kind, entries[0].loc, entries[0].lastmod.date()
    ('urlset', 'https://www.osce.org/cio/1', datetime.date(2026, 1, 2))
    >>> read_sitemap(b"<html><body>Not found</body></html>")
    Traceback (most recent call last):
    ...
    osce_scraper.store.sitemap.SitemapError: not a sitemap: its root element is <html>
    """
    if body[:3] == GZIP_MAGIC:  # a .xml.gz file served as it is stored (a Content-Encoding is undone by Scrapy)
        try:
            body = gunzip(body, max_size=max_bytes)
        except ValueError:  # Scrapy's size limit
            raise SitemapError(f"larger than {max_bytes:,} bytes unpacked") from None
        except (OSError, EOFError, zlib.error) as error:
            raise SitemapError(f"not a readable gzip file ({error})") from None
        if not body:
            raise SitemapError("a gzip file with nothing in it (cut short?)")
    if len(body) > max_bytes:
        raise SitemapError(f"larger than {max_bytes:,} bytes")
    try:
        sitemap = Sitemap(body)
        kind = sitemap.type
        entries = [SitemapEntry(entry["loc"], parse_lastmod(entry.get("lastmod"))) for entry in sitemap
                   if entry.get("loc")]
    except (lxml.etree.LxmlError, StopIteration):
        raise SitemapError("not XML") from None
    if kind not in ("sitemapindex", "urlset"):
        raise SitemapError(f"not a sitemap: its root element is <{kind}>")
    return kind, entries


def release_lastmods(entries: list[SitemapEntry]) -> dict[str, dt.datetime]:
    """The release node ids of a URL set's entries with their ``lastmod`` (the latest, where a release is listed
    under several URLs); file links and entries without ``lastmod`` are left out.

    >>> day = dt.datetime(2026, 1, 2, tzinfo=dt.UTC)
    >>> release_lastmods([SitemapEntry("https://www.osce.org/cio/551", day), SitemapEntry("https://www.osce.org/cio/552"),
    ...                   SitemapEntry("https://www.osce.org/files/f/documents/a/b/3.pdf?download", day)])
    {'551': datetime.datetime(2026, 1, 2, 0, 0, tzinfo=datetime.timezone.utc)}
    """
    found: dict[str, dt.datetime] = {}
    for entry in entries:
        if entry.lastmod is not None and (node_id := node_id_of(entry.loc)):
            found[node_id] = max(entry.lastmod, found.get(node_id, entry.lastmod))
    return found


def files_to_read(index: list[SitemapEntry], read_before: dict[str, tuple[str | None, str | None]],
                  now: dt.datetime, limit: int = MAX_FILES_PER_RUN) -> list[SitemapEntry]:
    """The index's sitemap files this run reads: those whose ``lastmod`` differs from the one read last time
    (``read_before``: URL -> that ``lastmod`` and when it was read), the newest first, then those without
    ``lastmod`` not read for :data:`UNDATED_REREAD`; at most ``limit``.

    >>> now = dt.datetime(2026, 1, 10, tzinfo=dt.UTC)
    >>> old, new = dt.datetime(2026, 1, 1, tzinfo=dt.UTC), dt.datetime(2026, 1, 9, tzinfo=dt.UTC)
    >>> index = [SitemapEntry("a", old), SitemapEntry("b", new), SitemapEntry("c"), SitemapEntry("d", old)]
    >>> before = {"a": (old.isoformat(), "2026-01-02T00:00:00+00:00"), "c": (None, "2026-01-09T00:00:00+00:00")}
    >>> [entry.loc for entry in files_to_read(index, before, now)]
    ['b', 'd']
    >>> [entry.loc for entry in files_to_read(index, {}, now, limit=3)]
    ['b', 'a', 'd']
    """
    dated = [entry for entry in index if entry.lastmod is not None
             and (entry.loc not in read_before or read_before[entry.loc][0] != entry.lastmod.isoformat())]
    dated.sort(key=lambda entry: entry.lastmod, reverse=True)  # type: ignore[arg-type, return-value]
    never = dt.datetime.min.replace(tzinfo=dt.UTC)

    def last_read(entry: SitemapEntry) -> dt.datetime:
        return parse_time((read_before.get(entry.loc) or (None, None))[1]) or never

    undated = sorted((entry for entry in index if entry.lastmod is None and now - last_read(entry) > UNDATED_REREAD),
                     key=last_read)
    return (dated + undated)[:limit]


@dataclass(slots=True)
class SitemapRun:
    """What one run read of the sitemap: requests made, files read, releases they dated, and what went wrong."""

    requests: int = 0
    files_read: int = 0
    releases: int = 0
    problems: list[str] = field(default_factory=list)


async def read_sitemaps(robots: bytes, robots_url: str, base_url: str, fetch: Fetch, note: Note,
                        read_before: dict[str, tuple[str | None, str | None]], now: dt.datetime,
                        max_files: int = MAX_FILES_PER_RUN) -> SitemapRun:
    """Read the sitemaps robots.txt names, and the files of an index that changed since they were last read,
    telling ``note`` each file read. URLs on osce.org are fetched on the crawl's host (``base_url``, a mirror)
    but remembered as the site names them. A file that cannot be read is a problem, and the others are read.
    """
    run = SitemapRun()

    async def read(url: str) -> tuple[str, list[SitemapEntry]] | None:
        run.requests += 1
        try:
            return read_sitemap(await fetch(on_mirror(url, base_url)))
        except SitemapError as error:
            run.problems.append(f"{url}: {error}")
            return None

    def noted(url: str, lastmod: dt.datetime | None, entries: list[SitemapEntry]) -> None:
        found = release_lastmods(entries)
        note(url, lastmod.isoformat() if lastmod else None, found)
        run.files_read += 1
        run.releases += len(found)

    for top in list(dict.fromkeys(sitemap_urls_from_robots(robots, base_url=robots_url)))[:max_files]:
        if (sitemap := await read(top)) is None:
            continue
        kind, entries = sitemap
        if kind == "urlset":
            noted(top, None, entries)
            continue
        for child in files_to_read(entries, read_before, now, max_files - run.files_read):
            if (part := await read(child.loc)) is None:
                continue
            if part[0] != "urlset":
                run.problems.append(f"{child.loc}: a sitemap index within the index (not followed)")
                continue
            noted(child.loc, child.lastmod, part[1])
    return run
