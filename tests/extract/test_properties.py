"""Arbitrary Unicode never makes a text extractor raise, and what comes back is always well typed."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from osce_scraper.extract.datelines import is_standalone_dateline, parse_dateline
from osce_scraper.extract.dates import parse_date
from osce_scraper.extract.officials import find_officials
from osce_scraper.extract.places import fold, normal_case, resolve_places
from osce_scraper.extract.urls import language_of, node_id_of, page_number
from osce_scraper.pages.html import normalise_space, page_selector, repair_mojibake, visible_lines
from osce_scraper.pages.labels import PAGE_LABELS, match_label, split_values
from osce_scraper.pages.listing import read_listing
from osce_scraper.pages.release import read_release

# Text that looks like releases often enough to reach deep branches, and anything else.
release_words = st.sampled_from([
    "VIENNA", "OSH", "Kyrgyzstan", ",", " ", "–", "-", "--", "(OSCE)", "3", "31", "June", "February", "2018", "2002",
    "/", "The", "OSCE", "Secretary", "General", "Ambassador", "Head", "of", "the", "Mission", "to", "Skopje",
    "Jan", "Kubiš", "Dačić", "said", ".", "Place:", "Source:", "Senators", "and", "Ã", "â€“", "\n",
])
texts = st.one_of(st.text(max_size=300), st.lists(release_words, max_size=40).map(" ".join))
fast = settings(max_examples=150, deadline=None)


@fast
@given(texts)
def test_parse_date(text):
    assert parse_date(text) is None or isinstance(parse_date(text), dt.date)


@fast
@given(texts, st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)))
def test_parse_dateline(text, near):
    dateline = parse_dateline(text)
    assert isinstance(is_standalone_dateline(text), bool)
    if dateline is not None:
        assert isinstance(dateline.raw, str) and dateline.raw and text.lstrip(" \t\"“").startswith(dateline.raw)
        assert all(isinstance(name, str) and name for name in dateline.place_names)
        assert dateline.date() is None or isinstance(dateline.date(), dt.date)


@fast
@given(texts)
def test_places(text):
    assert isinstance(normal_case(text), str) and isinstance(fold(text), str)
    for place in resolve_places(text.split("/")[:4]):
        assert isinstance(place.name, str)
        assert place.latitude is None or -90 <= place.latitude <= 90


@fast
@given(texts)
def test_find_officials(text):
    for official in find_officials(text):
        assert official.name and isinstance(official.name, str)
        assert official.titles and all(isinstance(t, str) and t for t in official.titles)
        assert official.mentions >= 1


@fast
@given(texts)
def test_labels_and_values(text):
    matched = match_label(text, PAGE_LABELS)
    assert matched is None or (matched[0] in PAGE_LABELS and isinstance(matched[1], str))
    assert all(isinstance(v, str) and v for v in split_values([text]))


@fast
@given(texts)
def test_text_helpers(text):
    assert isinstance(normalise_space(text), str) and isinstance(repair_mojibake(text), str)
    assert all(isinstance(line.text, str) for line in visible_lines(page_selector(text)))


@fast
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=80))
def test_ascii_text_is_normalised_as_split_and_joined(text):
    assert normalise_space(text) == " ".join(text.split())


def test_every_ascii_character_is_normalised_as_split_and_joined():
    for code in range(128):
        for text in (f"a{chr(code)}b", f"{chr(code)}ab", f"ab{chr(code)}", f"a {chr(code)}b"):
            assert normalise_space(text) == " ".join(text.split()), repr(text)


@fast
@given(texts, texts)
def test_page_and_listing_extractors(title, body):
    html = f"<h1>{title}</h1><ul><li>Place:</li><li>{title}</li></ul><p>{body}</p><a href='/cio/{len(body)}12'>x</a>"
    page = read_release(html, "https://www.osce.org/cio/4567")
    assert page.node_id == "4567" and all(isinstance(p, str) for p in page.paragraphs)
    listing = read_listing(html, "https://www.osce.org/press-releases?page=2")
    assert listing.page == 2 and all(item.node_id.isdigit() for item in listing.items)


@fast
@given(st.text(max_size=200))
def test_url_helpers(text):
    url = "https://www.osce.org/" + text
    assert node_id_of(url) is None or node_id_of(url).isdigit()
    assert isinstance(page_number(url), int) and len(language_of(url)) == 2
