from osce_scraper.pages.release import read_release
from tests.conftest import make_release_html

URL = "https://www.osce.org/programme-office-in-bishkek/488612"


def test_reads_the_real_sites_reading_order():
    page = read_release(make_release_html(), URL)
    assert page.node_id == "488612"
    assert page.title == "OSCE supports police reform in Kyrgyzstan"
    assert page.content_type == "Press release"
    assert page.date_raw is None  # "Date:" with no visible value
    assert page.place_raw == ["BISHKEK"]
    assert page.source == ["OSCE Programme Office in Bishkek"]
    assert page.fields_of_work == ["Policing"]
    assert page.paragraphs[0].startswith("BISHKEK, 12 May 2021 – ")
    assert len(page.paragraphs) == 2


def test_menus_share_links_captions_and_standalone_date_lines_are_not_body():
    body = ("<p>BISHKEK 12 May 2021</p><p>Cadets at the Police Academy. (OSCE) Photo details</p>"
            "<p>BISHKEK, 12 May 2021 – The Office handed over equipment.</p><p>It was the second donation.</p>"
            "<p>It was the second donation.</p><div><a href='/share'>Share</a> <a href='/print'>Print</a></div>")
    page = read_release(make_release_html(body=body), URL)
    assert page.paragraphs == ["BISHKEK, 12 May 2021 – The Office handed over equipment.",
                               "It was the second donation."]
    assert page.standalone_dateline == "BISHKEK 12 May 2021"


def test_a_page_without_labels_still_gives_title_and_body():
    page = read_release(make_release_html(meta="", kind=""), URL)
    assert (page.title, page.content_type, page.source) == ("OSCE supports police reform in Kyrgyzstan", None, [])
    assert len(page.paragraphs) == 2


def test_machine_readable_dates_and_canonical_links_are_read():
    head = (f"<meta property='article:published_time' content='2021-05-12T10:00:00+06:00'>"
            f"<link rel='canonical' href='{URL}'>")
    page = read_release(make_release_html(head=head), "https://www.osce.org/node/488612")
    assert page.meta_date == "2021-05-12T10:00:00+06:00"
    assert page.canonical_url == URL


def test_empty_and_broken_pages_give_empty_values():
    for html in ("", "<html>", "\x00\x01binary\xff", "<h1></h1><ul><li>Place:</li></ul>"):
        page = read_release(html, URL)
        assert page.place_raw == [] and page.source == []
        assert page.title is None or isinstance(page.title, str)


def test_a_site_heading_is_not_taken_for_the_title():
    html = make_release_html().replace(
        "<main>", "<div class='brand'><h1>Organization for Security and Co-operation in Europe</h1></div><main>")
    assert read_release(html, URL).title == "OSCE supports police reform in Kyrgyzstan"


def test_labels_of_related_items_after_the_article_are_not_the_pages():
    related = ("<section><h3>Related content</h3><div><a href='/cio/1234'>Another release</a>"
               "<p>Content type: News</p><p>Source: OSCE Mission to Moldova</p></div></section>")
    html = make_release_html(kind="").replace("</article>", "</article>" + related)
    page = read_release(html, URL)
    assert page.content_type is None
    assert page.source == ["OSCE Programme Office in Bishkek"]
