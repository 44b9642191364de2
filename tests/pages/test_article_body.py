"""The article's paragraphs: the lines of the text's container, not the furniture printed after it."""

from __future__ import annotations

from osce_scraper.pages.release import read_release

URL = "https://www.osce.org/secretariat/512345"
TEXT = [
    "VIENNA, 3 May 2021 – The OSCE Secretariat today opened a course for border officers of the region.",
    "The course combined lectures with practical exercises based on cases from the participating States.",
    "A follow-up meeting is planned for the autumn to review how the recommendations have been implemented.",
]


def make_page(body: str) -> str:
    return f"<html><head><title>Course | OSCE</title></head><body><h1>Course</h1>{body}</body></html>"


def test_text_printed_as_siblings_is_read_whole():
    page = make_page("<div class='text'>" + "".join(f"<p>{p}</p>" for p in TEXT) + "</div>")
    assert read_release(page, URL).paragraphs == TEXT


def test_an_address_after_the_text_is_left_out():
    page = make_page("<div class='text'>" + "".join(f"<p>{p}</p>" for p in TEXT) + "</div>"
                     "<div class='foot'>Wallnerstrasse 6, 1010 Vienna</div>")
    assert read_release(page, URL).paragraphs == TEXT


def test_a_quote_nested_in_the_text_is_kept_with_the_address_after_it_left_out():
    quote = "“Co-operation across borders is the only answer to threats that know no borders,” she said."
    page = make_page("<div class='text'>" + "".join(f"<p>{p}</p>" for p in TEXT)
                     + f"<blockquote><p>{quote}</p></blockquote></div>"
                     "<div class='foot'>Wallnerstrasse 6, 1010 Vienna</div>")
    assert read_release(page, URL).paragraphs == [*TEXT, quote]


def test_the_heading_or_disclosure_over_the_pages_facts_after_the_text_is_no_text():
    text = "".join(f"<p>{p}</p>" for p in TEXT)
    boxed = text + ("<section><h2>About this release</h2><dl><dt>Source</dt><dd>OSCE Secretariat</dd>"
                    "<dt>Fields of work</dt><dd>Border management</dd></dl></section>")
    disclosed = text + ("<details open><summary>Details</summary><div>Source:</div><div>OSCE Secretariat</div>"
                        "</details>")
    for page in (boxed, disclosed):
        release = read_release(make_page(f"<article>{page}</article>"), URL)
        assert (release.paragraphs, release.source) == (TEXT, ["OSCE Secretariat"])


def test_a_translation_note_and_an_embedded_post_are_no_text():
    text = "".join(f"<p>{p}</p>" for p in TEXT)
    note = "<p>This page is also available in: <a href='/ru/x'>Русский</a>, <a href='/sq/x'>Shqip</a></p>"
    post = ("<blockquote><p>Our team met partners today. #OSCE</p>— OSCE (@OSCE) <a href='https://x.com/1'>July 24, "
            "2022</a></blockquote>")
    release = read_release(make_page(f"<article>{note}{text[:-4]}{post}</article>"), URL)
    assert release.paragraphs == TEXT
