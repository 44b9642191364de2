from collections.abc import Callable

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from osce_scraper.extract.urls import (
    host_allowed,
    is_web_url,
    language_of,
    listing_url,
    node_id_of,
    on_mirror,
    page_number,
    page_number_by_parts,
    release_url,
    release_url_by_parts,
)


@pytest.mark.parametrize(
    ("url", "node"),
    [
        ("https://www.osce.org/secretariat/376582", "376582"),
        ("https://www.osce.org/odihr/elections/551359", "551359"),
        ("https://www.osce.org/hr/node/52569", "52569"),
        ("https://bishkek.osce.org/programme-office-in-bishkek/400865/", "400865"),
        ("https://www.osce.org/files/f/documents/5/2/123456.pdf", None),
        ("https://www.osce.org/press-releases?page=3", None),
        ("https://www.osce.org/secretariat", None),
        # Drupal's paths of a term, a user, a comment, a media item or a file, where they have no alias.
        ("https://odihr.osce.org/taxonomy/term/2100", None),
        ("https://www.osce.org/user/17", None),
        ("https://www.osce.org/comment/4411", None),
        ("https://www.osce.org/media/90213", None),
        ("https://www.osce.org/odihr/media-freedom/551360", "551360"),
    ],
)
def test_node_id_of(url, node):
    assert node_id_of(url) == node


def test_only_osce_hosts_and_configured_hosts_are_allowed():
    assert host_allowed("https://astana.osce.org/x/1")
    assert not host_allowed("https://example.com/cio/1")
    assert host_allowed("http://127.0.0.1:8000/cio/1", frozenset({"127.0.0.1"}))
    for scheme_url in ("file:///etc/passwd", "data:text/html,hi", "javascript:alert(1)", "ftp://www.osce.org/x"):
        assert not host_allowed(scheme_url)


def test_listing_urls_are_canonical_whatever_the_pager_printed():
    assert page_number("https://www.osce.org/press-releases/free?page=4&amp%3Bsolrsort=x") == 4
    start = "https://www.osce.org/press-releases?filters=im_taxonomy_vid_1:(11)&utm=1"
    assert listing_url(start, 4) == "https://www.osce.org/press-releases?filters=im_taxonomy_vid_1%3A%2811%29&page=4"


def test_language_prefixes_are_not_confused_with_sections():
    assert language_of("https://www.osce.org/ru/node/52569") == "ru"
    assert language_of("https://www.osce.org/pc/52569") == "en"
    assert language_of("https://www.osce.org/mc/53165") == "en"


# URLs put together from the pieces whose handling differs between a plain match and urlsplit: schemes in either
# case, hosts empty or bracketed, the characters urlsplit deletes or strips, query and fragment marks, entities,
# escapes, digits that are not ASCII, and page parameters of every spelling.
URL_PIECES = st.sampled_from([
    "http://", "https://", "HTTP://", "http:", "//", "/", "www.osce.org", "127.0.0.1:8000", "[::1]", "[", "]",
    "cio", "press-releases", "49486", "?", "#", "&", "&amp;", "&amp%3B", ";", "=", "page", "Page", "page=",
    "?page=", "mypage=", "3", "0", "12", "²", "٣", " ", "%20", "+", "\t", "\n", "\r", "\x00", "\x1f", "é", "ﬁ",
    "ⅰ", "℀", "x", ".", "..", "/.", "solrsort=ds_date%20desc",
])
URLS = st.lists(URL_PIECES, max_size=12).map("".join)


def outcome(function: Callable[[str], object], url: str) -> tuple[str, object]:
    """What a function makes of a URL: its value, or the kind of error it raises."""
    try:
        return "value", function(url)
    except ValueError as error:
        return "error", type(error)


@settings(max_examples=3000, deadline=None)
@given(URLS)
@example("http://127.0.0.1:8000/press-releases?page=12&amp%3Bsolrsort=ds_date%20desc")
@example("http://[::1/cio/49486")
@example("https:////x/")
@example("https://www.osce.org?page=²")
@example("HTTPS://www.osce.org/cio/49486/")
def test_the_fast_readings_of_a_url_equal_urlsplits(url):
    assert outcome(page_number, url) == outcome(page_number_by_parts, url)
    assert outcome(release_url, url) == outcome(release_url_by_parts, url)


@pytest.mark.parametrize(
    ("url", "page"),
    [
        ("https://www.osce.org/press-releases?page=12&amp%3Bsolrsort=x#top", 12),
        ("https://www.osce.org/press-releases", 0),
        ("https://www.osce.org/press-releases?page=12x", 0),
        ("https://www.osce.org/press-releases?filters=x&page=5", 5),
        ("https://www.osce.org/press-releases#?page=5", 0),
        ("?page=\n3", 3),
    ],
)
def test_page_numbers_of_pager_shapes(url, page):
    assert page_number(url) == page


def test_a_release_url_keeps_only_scheme_host_and_path():
    assert release_url("http://127.0.0.1:8000/cio/49486//?page=1#x") == "http://127.0.0.1:8000/cio/49486"
    assert release_url("https://www.osce.org") == "https://www.osce.org/"
    assert release_url("HTTPS://www.osce.org/cio/1/") == "https://www.osce.org/cio/1"


# str.isdigit() is true of superscripts and circled digits, which int() refuses: such a page parameter is no number.
@pytest.mark.parametrize(("url", "page"), [("/press-releases?page=%C2%B2", 0), ("/press-releases?page=²", 0),
                                           ("/press-releases?page=①", 0), ("/press-releases?page=٣", 3)])
def test_a_page_parameter_of_digits_int_cannot_read_is_page_0_never_an_error(url, page):
    assert page_number(url) == page


# URLs urlsplit refuses: a bracket left open or closed alone, a host in brackets that is no IP address, a host that
# NFKC normalisation gives a slash. A link may be printed so; it is no release, no page and not on osce.org.
@pytest.mark.parametrize("url", ["https://[www.osce.org/cio/49486?page=2", "https://www.osce.org]/cio/49486?page=2",
                                 "https://[osce]/cio/49486?page=2", "https://www.osce\uff0forg/cio/49486?page=2"])
def test_a_url_urlsplit_refuses_is_no_release_and_no_page_never_an_error(url):
    assert node_id_of(url) is None
    assert page_number(url) == 0
    assert language_of(url) == "en"
    assert not is_web_url(url) and not host_allowed(url)
    assert on_mirror(url, "http://127.0.0.1:8000") == url
    assert release_url(url) == url.removesuffix("?page=2")


# int() refuses a string of more than 4,300 digits; no listing has a billion pages.
@pytest.mark.parametrize("digits", ["9" * 5000, "٣" * 5000, "1" * 10])
def test_a_page_parameter_of_more_digits_than_any_listing_has_pages_is_page_0_never_an_error(digits):
    assert page_number(f"/press-releases?page={digits}") == 0
    assert page_number(f"/press-releases?page={digits}&page=3") == 3
    assert page_number("/press-releases?page=123456789") == 123456789
