"""Hostile input to the URL and label readers gives a value, never an error: the shapes that raised once, mixed."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from osce_scraper.extract.urls import (
    host_allowed,
    is_web_url,
    language_of,
    node_id_of,
    on_mirror,
    page_number,
    release_url,
)
from osce_scraper.pages.labels import LISTING_LABELS, PAGE_LABELS, match_label

# Brackets urlsplit refuses, a host NFKC normalisation gives a slash, digits int() refuses or reads from another
# script, runs of digits longer than int() reads, and the pieces of ordinary listing and release URLs.
URL_PIECES = st.sampled_from([
    "http://", "https://", "HTTPS://", "//", "/", "www.osce.org", "[", "]", "[::1]", "[osce]", "\uff0f", "\uff03",
    "cio", "49486", "?", "#", "&", "&amp;", "page=", "?page=", "Page=", "3", "²", "①", "٣", "%C2%B2", "9" * 5000,
    " ", "\t", "é", ".pdf",
])
URLS = st.lists(URL_PIECES, max_size=10).map("".join)
# Labels with the letters re.IGNORECASE takes for ASCII ones in their place.
FOLDS = {"s": "ſ", "S": "ſ", "i": "ı", "I": "İ", "k": "\u212a"}
LABEL_TEXTS = [text for labels in (PAGE_LABELS, LISTING_LABELS) for texts in labels.values() for text in texts]


@settings(max_examples=200, deadline=None)
@given(URLS)
def test_every_url_reader_gives_a_value(url):
    assert node_id_of(url) is None or node_id_of(url).isdigit()
    assert isinstance(page_number(url), int)
    assert isinstance(language_of(url), str)
    assert isinstance(release_url(url), str)
    assert isinstance(on_mirror(url, "http://127.0.0.1:8000"), str)
    assert isinstance(is_web_url(url), bool) and isinstance(host_allowed(url), bool)


@st.composite
def folded_labels(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(LABEL_TEXTS))
    folded = "".join(FOLDS[ch] if ch in FOLDS and draw(st.booleans()) else ch for ch in text)
    return folded + draw(st.sampled_from([":", ": OSCE", " OSCE", ""]))


@settings(max_examples=100, deadline=None)
@given(folded_labels())
def test_a_label_with_folding_letters_is_matched_to_its_field_or_not_at_all(line):
    for labels in (PAGE_LABELS, LISTING_LABELS):
        found = match_label(line, labels)
        assert found is None or found[0] in labels
