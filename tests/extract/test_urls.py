import pytest

from osce_scraper.extract.urls import host_allowed, language_of, listing_url, node_id_of, page_number


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
