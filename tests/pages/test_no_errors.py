"""Odd markup a page may hold is read as a reader would read it, never an error that loses the page."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from osce_scraper.fields import build_record
from osce_scraper.items import RawRelease
from osce_scraper.pages.html import resolve_link
from osce_scraper.pages.listing import read_listing
from osce_scraper.pages.release import read_release

RELEASE_URL = "https://www.osce.org/cio/49486"
LISTING_URL = "https://www.osce.org/press-releases"
#: Links urljoin and urlsplit refuse: a bracket left open or closed alone, a host in brackets that is no IP address.
REFUSED_LINKS = ["//[www.osce.org/cio/123", "HTTPS://www.osce.org]/cio/123", "//[osce]/cio/123?page=2"]


@pytest.mark.parametrize("href", REFUSED_LINKS)
def test_a_link_urljoin_refuses_is_kept_as_printed_and_is_no_item(href):
    assert resolve_link(LISTING_URL, href) == href
    listing = read_listing(f"<h3><a href='{href}'>Chairman visits Tashkent</a></h3><h3><a href='/cio/77'>Chairman"
                           f" visits Astana</a></h3><p><a href='{href}'>next</a></p>", LISTING_URL)
    assert [item.node_id for item in listing.items] == ["77"]
    assert listing.next_page is None


@pytest.mark.parametrize("href", REFUSED_LINKS)
def test_a_base_href_urljoin_refuses_leaves_links_resolved_against_the_page(href):
    listing = read_listing(f"<base href='{href}'><h3><a href='/cio/123'>Chairman visits Tashkent</a></h3>", LISTING_URL)
    assert [item.url for item in listing.items] == ["https://www.osce.org/cio/123"]


@pytest.mark.parametrize("href", REFUSED_LINKS)
def test_a_release_linking_what_urlsplit_refuses_is_read(href):
    page = read_release(f"<link rel='canonical' href='{href}'><base href='{href}'><h1><a href='{href}'>OSCE trains"
                        f" border guards</a></h1><p>VIENNA, 3 June 2002 - The OSCE today ...</p>", RELEASE_URL)
    assert page.title == "OSCE trains border guards"
    assert page.paragraphs == ["VIENNA, 3 June 2002 - The OSCE today ..."]
    assert page.canonical_url is None


def test_a_json_ld_block_nested_deeper_than_python_recurses_is_passed_over():
    deep = "[" * 5000 + "]" * 5000
    blocks = "".join(f"<script type='application/ld+json'>{block}</script>"
                     for block in (deep, '{"@graph": [{"datePublished": "2019-05-03"}]}'))
    page = read_release(f"<head>{blocks}</head><h1>OSCE trains border guards</h1><p>The OSCE ...</p>", RELEASE_URL)
    assert page.meta_date == "2019-05-03"


def test_a_page_of_text_with_lone_surrogates_reads_them_as_replacement_characters():
    # Text decoded with "surrogateescape" keeps each byte UTF-8 cannot read as a lone surrogate, which has no UTF-8.
    html = b"<h1>OSCE trains border guards</h1><p>VIENNA \xe9 The OSCE ...</p>".decode("utf-8", "surrogateescape")
    page = read_release(html, RELEASE_URL)
    assert page.title == "OSCE trains border guards"
    assert page.paragraphs == ["VIENNA \ufffd The OSCE ..."]
    binary = (b"\xff\xfe" * 4000).decode("utf-8", "surrogateescape")  # no NUL: the surrogates tell
    assert read_release(binary, RELEASE_URL).title is None


# Markup that raised once, and what a page may print near it: letters re.IGNORECASE folds, marks that are no
# letters, digits of other scripts, links and bases urlsplit refuses, page numbers int() refuses, JSON-LD nested too
# deep, lone surrogates, labels without values, datelines of punctuation, times without dates.
HOSTILE_PIECES = st.sampled_from([
    *(f"<a href='{href}'>Chairman visits Tashkent</a>" for href in REFUSED_LINKS), f"<base href='{REFUSED_LINKS[0]}'>",
    f"<link rel='canonical' href='{REFUSED_LINKS[0]}'>", "<a href='?page=²'>next</a>", "<a href='?page=1'>›</a>",
    "<a href='?page=" + "9" * 5000 + "'>›</a>", "<script type='application/ld+json'>" + "[" * 2000 + "</script>",
    "<p>ſource: OSCE</p>", "<li>Fıelds of work:</li>", "<li>PUBLİSHED:</li>", "<li>Place:</li>", "<dt>Date:</dt>",
    "<p>.,;: –</p>", "<p>VIENNA, 3 Auguſt 2002 – The OSCE ...</p>", "<p>HELSINKI 22 Februarı 2008</p>",
    "<time datetime='2019-99-99'>٣ May ²</time>", "<time datetime></time>", "<h1>OSCE ſkopje ﬁnal</h1>", "<a href>",
    "<h3><a href='/cio/49486'>Chairman visits Tashkent</a></h3>", "<p>Minister John Smith said</p>", "\ud800", "\x00",
    "\u200f\u202e\u200b", "e\u0301", "<div>", "</div>", "<ul>", "<li>", "<article>", "</article>",
])


@settings(max_examples=25, deadline=None)
@given(st.lists(HOSTILE_PIECES, max_size=12).map("".join))
def test_hostile_markup_is_read_as_a_release_and_as_a_listing(html):
    page = read_release(html, RELEASE_URL)
    assert list(build_record(RawRelease(page, None, "2026-01-01T00:00:00Z")))
    listing = read_listing(html, LISTING_URL)
    assert all(item.node_id.isdigit() for item in listing.items)
