import datetime as dt

import pytest

from osce_scraper.extract.dates import parse_date
from osce_scraper.pages import release
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


def make_core_field(name: str, label: str, values: list[str], display: str = "inline") -> str:
    """A field as Drupal 8+ core's field.html.twig prints it: the label with no colon, in an element of its own."""
    items = "".join(f"<div class='field__item'>{value}</div>" for value in values)
    label_html = "" if display == "hidden" else f"<div class='field__label'>{label}</div>"
    items = items if len(values) == 1 else f"<div class='field__items'>{items}</div>"
    return f"<div class='field field--name-field-{name} field--label-{display}'>{label_html}{items}</div>"


def make_drupal11_release(fields: str, body: str) -> str:
    return (f"<html><head><meta property='og:title' content='Course for young police officers'></head><body>"
            "<header role='banner'><nav><a href='/fields-of-work'>Fields of work</a></nav></header>"
            "<aside><div>Source</div><div>A sidebar list</div></aside>"
            "<main><h1 class='page-title'>Course for young police officers</h1><article class='node'>"
            f"{make_core_field('content-type', 'Content type', ['Press release'], 'hidden')}{fields}"
            f"<div class='field field--name-body'><div class='body body-section is-text text--default'>{body}</div>"
            "</div></article><div><h2>Related content</h2><a class='teaser' href='/cio/400001'><h2>Another story</h2>"
            f"{make_core_field('place', 'Place', ['VIENNA'])}</a></div></main></body></html>")


def test_drupal_core_fields_are_read_by_their_bare_labels():
    fields = (make_core_field("date", "Date", ["<time datetime='2019-05-03T12:00:00Z'>3 May 2019</time>"])
              + make_core_field("place", "Place", ["SKOPJE"])
              + make_core_field("source", "Source", ["<a href='/skopje'>OSCE Mission to Skopje</a>"], "above")
              + make_core_field("fields-of-work", "Fields of work",
                                ["<a href='/policing'>Policing</a>", "<a href='/youth'>Youth</a>"], "above"))
    body = ("<figure><img src='/sites/default/files/a.jpg'><figcaption>Cadets in Skopje</figcaption></figure>"
            "<p>SKOPJE, 3 May 2019 – The Mission opened a course for young police officers.</p><p>It lasts a week.</p>")
    page = read_release(make_drupal11_release(fields, body), "https://odihr.osce.org/odihr/512345")
    assert (page.title, page.content_type, page.date_raw) == ("Course for young police officers", "Press release",
                                                              "3 May 2019")
    assert (page.place_raw, page.source, page.fields_of_work) == (["SKOPJE"], ["OSCE Mission to Skopje"],
                                                                  ["Policing", "Youth"])
    assert page.paragraphs == ["SKOPJE, 3 May 2019 – The Mission opened a course for young police officers.",
                               "It lasts a week."]
    assert page.label_style == "bare labels"


def test_a_bare_label_inline_with_its_value_is_read():
    fields = "<div class='field'><span class='field__label'>Place</span> <span>TASHKENT</span></div>"
    page = read_release(make_drupal11_release(fields, "<p>TASHKENT, 2 May 2018 – Text.</p>"),
                        "https://www.osce.org/cio/1")
    assert page.place_raw == ["TASHKENT"]


def test_bare_words_in_text_are_not_labels():
    body = "<p>Place</p><p>Sources of the conflict were discussed at length by the participants.</p>"
    page = read_release(make_drupal11_release("", body), "https://www.osce.org/cio/1")
    assert (page.place_raw, page.source) == ([], [])
    assert page.label_style == "no labels"



@pytest.mark.parametrize("name", ["_END_OF_ARTICLE_RE", "_RELATED_ITEMS_RE"])
def test_no_section_heading_is_longer_than_the_cap_that_spares_long_lines_the_pattern(name):
    import re._parser  # the standard library's own reading of a pattern: the longest heading it can match

    pattern = getattr(release, name)
    core = pattern.pattern.removesuffix(r"\s*:?$")
    assert core != pattern.pattern
    longest = re._parser.parse(core, pattern.flags).getwidth()[1]
    assert longest + len(" :") <= release._SECTION_HEADING_MAX_CHARS


def test_a_lead_that_repeats_the_title_is_the_text_and_a_heading_that_repeats_it_is_not():
    title = "Representative on Freedom of the Media publishes three reports"
    page = read_release(f"<h1>{title}</h1><article><h2>{title}</h2><p>{title}</p></article>",
                        "https://www.osce.org/fom/551399")
    assert (page.title, page.paragraphs) == (title, [title])


NOTICE = "<p>The website is being updated. Please try again in a few minutes.</p>"
OLD_PAGE_TEXT = "".join(f"<p>Sentence {n} of an old release that prints neither labels nor a dateline, and tells of a "
                        "seminar held for judges and prosecutors.</p>" for n in range(4))


@pytest.mark.parametrize(("title", "kind", "meta", "body"), [
    ("Site under maintenance", "", "", NOTICE),
    ("Access denied", "", "", "<p>You are not authorized to access this page.</p>"),
])
def test_a_few_sentences_without_a_releases_facts_are_a_notice(title, kind, meta, body):
    assert release.is_a_notice(read_release(make_release_html(title=title, kind=kind, meta=meta, body=body), URL))


@pytest.mark.parametrize(("kind", "meta", "body"), [
    ("<div>Press release</div>", "", NOTICE),  # a content type
    ("", "<ul><li>Place:</li><li>BISHKEK</li></ul>", NOTICE),  # a label's value
    ("", "<p>Vienna, 3 June 2019</p>", NOTICE),  # a place and date under the title
    ("", "", "<p>BISHKEK, 12 May 2021 – The Office handed over equipment.</p>"),  # a dateline with its date
    ("", "", OLD_PAGE_TEXT),  # no fact at all, but a release's length
])
def test_any_fact_of_a_release_or_a_releases_length_is_no_notice(kind, meta, body):
    assert not release.is_a_notice(read_release(make_release_html(kind=kind, meta=meta, body=body), URL))


def test_a_notice_sharing_a_common_word_with_the_title_is_not_the_release():
    notice = read_release(make_release_html(title="Temporarily unavailable", kind="", meta="",
                                            body="<p>Media enquiries go to the press office until Monday.</p>"), URL)
    assert not release.shows_the_release(notice, "Media freedom course for editors in Dushanbe")
    assert release.shows_the_release(notice, "Temporarily unavailable")


def test_a_release_whose_title_changed_since_the_listing_is_still_the_release():
    page = read_release(make_release_html(title="OSCE hands over radios to the Police Academy"), URL)
    assert release.shows_the_release(page, "OSCE supports police reform in Kyrgyzstan")


def make_page_with_sidebar(sidebar: str, meta: str = "", kind: str = "") -> str:
    """A theme's layout: the article in ``<main>``, a sidebar region beside it, outside it."""
    return make_release_html(meta=meta, kind=kind).replace(
        "</main>", f"</main><div class='region-sidebar-second'><aside role='complementary'>{sidebar}</aside></div>")


def make_facts_block(label_end: str = ":") -> str:
    def fact(label: str, value: str) -> str:
        return (f"<div class='field field--label-inline'><div class='field__label'>{label}{label_end}</div>"
                f"<div class='field__item'>{value}</div></div>")

    return ("<div class='block'><h2>About this release</h2>"
            + fact("Date", "<time datetime='2021-05-12T09:00:00Z'>12 May 2021</time>")
            + fact("Source", "<a href='/taxonomy/term/31'>OSCE Programme Office in Bishkek</a>")
            + fact("Fields of work", "<a href='/taxonomy/term/47'>Policing</a>")
            + fact("Content type", "Press release") + "</div>")


def make_latest_news_block() -> str:
    """A sidebar's teasers of other releases, each with a date, a type and a source of its own."""
    teaser = ("<p><a href='/mission-to-moldova/{node}'>Another release</a></p><p>Published: {day} April 2021</p>"
              "<p>Type: News</p><p>Source: OSCE Mission to Moldova</p>")
    return "<div class='block'><h2>Latest news</h2>" + teaser.format(node=4801, day=3) + "</div>"


@pytest.mark.parametrize("label_end", [":", ""])
def test_a_releases_facts_in_a_sidebar_beside_the_article_are_read(label_end):
    page = read_release(make_page_with_sidebar(make_latest_news_block() + make_facts_block(label_end)), URL)
    assert (page.date_raw, page.content_type) == ("12 May 2021", "Press release")
    assert (page.source, page.fields_of_work) == (["OSCE Programme Office in Bishkek"], ["Policing"])
    assert page.paragraphs[0].startswith("BISHKEK, 12 May 2021 – ")


def test_a_sidebars_teasers_headings_and_repeated_labels_are_not_the_pages_facts():
    headings = ("<div class='block'><h2>Source</h2><ul><li><a href='/secretariat'>OSCE Secretariat</a></li></ul>"
                "</div><div class='block'><p>Fields of work: Policing</p><p>Fields of work: Youth</p></div>")
    page = read_release(make_page_with_sidebar(make_latest_news_block() + headings), URL)
    assert (page.date_raw, page.content_type, page.source, page.fields_of_work) == (None, None, [], [])
    assert page.label_style == "no labels"


def test_the_articles_own_labels_win_over_a_sidebars():
    meta = "<p>Source: OSCE Secretariat</p><p>Content type: News</p>"
    page = read_release(make_page_with_sidebar(make_facts_block(), meta=meta), URL)
    assert (page.source, page.content_type) == (["OSCE Secretariat"], "News")
    assert (page.date_raw, page.fields_of_work) == ("12 May 2021", ["Policing"])


def make_page_not_found() -> str:
    """A themed "Page not found" answered with 200: an apology, then the latest news, long enough for a release."""
    latest = "".join(
        f"<div class='views-row'><h3><a href='/secretariat/{node}'>Another release {node}</a></h3><div>3 May 2021</div>"
        f"<p>VIENNA, 3 May 2021 – The OSCE held a meeting on the subject of release {node}, with experts from "
        "several participating States who spoke about the work ahead.</p></div>" for node in (4801, 4802, 4803))
    return (f"<html><head><title>Page not found | OSCE</title></head><body><main><h1>Page not found</h1>"
            f"<p>The page you asked for has moved.</p><h2>You may be looking for</h2>{latest}</main></body></html>")


@pytest.mark.parametrize("listed_title", [None, "OSCE supports police reform in Kyrgyzstan"])
def test_a_page_titled_as_an_error_page_is_not_the_release(listed_title):
    assert not release.shows_the_release(read_release(make_page_not_found(), URL), listed_title)


def make_page_with_hero(header: str) -> str:
    """A theme that prints the title and the release's facts in a header above ``<main>``, outside it."""
    return make_release_html(meta="", kind="").replace(
        "<main><article><h1>OSCE supports police reform in Kyrgyzstan</h1>", f"{header}<main><article>")


def test_a_header_above_the_article_that_holds_the_title_is_read_with_it():
    hero = ("<header class='page-hero'><h1>OSCE supports police reform in Kyrgyzstan</h1>"
            "<p>Place: BISHKEK</p><p>Source: OSCE Programme Office in Bishkek</p></header>")
    page = read_release(make_page_with_hero(hero), URL)
    assert (page.title, page.place_raw, page.source) == ("OSCE supports police reform in Kyrgyzstan", ["BISHKEK"],
                                                         ["OSCE Programme Office in Bishkek"])
    assert page.paragraphs[0].startswith("BISHKEK, 12 May 2021 – ")


@pytest.mark.parametrize("byline", ["Press release · <time datetime='2021-05-12'>12 May 2021</time>",
                                    "12 May 2021 | Press release",
                                    # A separator hidden from screen readers: the two tags touch.
                                    "<span>Press release</span><span aria-hidden='true'> | </span>"
                                    "<time datetime='2021-05-12'>12 May 2021</time>",
                                    "<span>Press release</span> <span>12 May 2021</span>"])
def test_a_type_and_date_printed_in_a_line_above_the_title_are_the_pages(byline):
    hero = f"<header><p>{byline}</p><h1>OSCE supports police reform in Kyrgyzstan</h1></header>"
    page = read_release(make_page_with_hero(hero), URL)
    assert (page.content_type, page.date_raw) == ("Press release", "12 May 2021")


@pytest.mark.parametrize("above", ["<div>12</div><div>May</div><div>2021</div><span>Press release</span>",
                                   "<div><span>12</span> <span>May</span> <span>2021</span></div>"])
def test_a_date_printed_right_above_the_title_alone_or_as_a_calendar_tile_is_the_pages(above):
    hero = f"<header>{above}<h1>OSCE supports police reform in Kyrgyzstan</h1></header>"
    page = read_release(make_page_with_hero(hero), URL)
    assert page.date_raw == "12 May 2021"


def test_a_date_above_the_title_outside_its_header_or_under_a_teasers_link_is_not_the_pages():
    teaser = ("<div><p><a href='/secretariat/900001'>Judges meet in the capital</a></p><p>3 April 2021</p></div>"
              "<div><div><header><h1>OSCE supports police reform in Kyrgyzstan</h1></header></div></div>")
    assert read_release(make_page_with_hero(teaser), URL).date_raw is None


def test_the_sites_banner_is_not_read_though_it_holds_the_sites_name_as_a_heading():
    banner = ("<header><h1><a href='/'>OSCE</a></h1><p>Source: OSCE Secretariat</p></header>"
              "<h2>OSCE supports police reform in Kyrgyzstan</h2>")
    page = read_release(make_page_with_hero(banner), URL)
    assert page.source == []


def make_recent_releases_block() -> str:
    """A Views block of other releases, each row with its own colon labels (as Views prints them by default)."""
    row = ("<div class='views-row'><div><a href='/mission-to-moldova/{node}'>Water councils meet in Cahul</a></div>"
           "<div><span class='views-label'>Date: </span><time datetime='2027-02-11'>11 February 2027</time></div>"
           "<div><span class='views-label'>Source: </span><a href='/taxonomy/term/250'>OSCE Mission to Moldova</a>"
           "</div></div>")
    return "<h2>Recent press releases</h2>" + row.format(node=915120) + row.format(node=915121)


@pytest.mark.parametrize("own_source", [True, False])
def test_a_blocks_rows_of_other_releases_beside_main_lend_the_page_no_facts(own_source):
    """The block sits in a plain <div> region beside <main> (no <aside>): its rows' labels are theirs."""
    fields = make_core_field("date", "Date", ["<time datetime='2019-05-03T12:00:00Z'>3 May 2019</time>"], "above")
    if own_source:
        fields += make_core_field("source", "Source", ["<a href='/taxonomy/term/7'>OSCE Mission to Skopje</a>"],
                                  "above")
    html = (f"<html><body><main><h1>Course for young police officers</h1><article>{fields}<div><p>SKOPJE, 3 May "
            "2019 – The Mission opened a course for young police officers.</p></div></article></main>"
            f"<div class='region region--sidebar'>{make_recent_releases_block()}</div></body></html>")
    page = read_release(html, "https://www.osce.org/mission-to-skopje/512345")
    assert page.date_raw == "3 May 2019"
    assert page.source == (["OSCE Mission to Skopje"] if own_source else [])


def test_labels_inside_main_win_over_colon_labels_outside_it():
    html = make_release_html(meta="<div class='field__label'>Source</div><div>OSCE Programme Office in Bishkek</div>"
                             ).replace("</main>", "</main><div><p>Source: OSCE Secretariat</p></div>")
    assert read_release(html, URL).source == ["OSCE Programme Office in Bishkek"]


@pytest.mark.parametrize("above", [
    "<div class='region-highlighted'><ul class='menu'><li><a href='/press'>Press releases</a></li>"
    "<li><a href='/stories'>Stories</a></li></ul></div>",
    "<ol class='breadcrumb'><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ol>",
])
def test_a_menus_entry_or_a_breadcrumb_above_the_title_is_no_content_type(above):
    html = make_release_html(kind="").replace("<main><article>", f"<main>{above}<article>")
    assert read_release(html, URL).content_type is None


def test_a_dash_or_a_bar_between_a_bare_label_and_its_value_is_no_part_of_it():
    meta = ("<ul class='meta'><li><span class='meta__label'>Content type</span> – <span>News</span></li>"
            "<li><span class='meta__label'>Place</span> | <span>BISHKEK</span></li></ul>")
    page = read_release(make_release_html(meta=meta, kind=""), URL)
    assert (page.content_type, page.place_raw) == ("News", ["BISHKEK"])


def test_a_page_labelled_with_the_listings_vocabulary_names_is_read():
    meta = ("<p>Where we are: OSCE Programme Office in Bishkek</p><p>What we do: Policing, Youth</p>"
            "<p>Source(s): OSCE Programme Office in Bishkek</p>")
    page = read_release(make_release_html(meta=meta), URL)
    assert (page.source, page.fields_of_work) == (["OSCE Programme Office in Bishkek"], ["Policing", "Youth"])
    assert not any(text.startswith(("Where we are", "What we do")) for text in page.paragraphs)


@pytest.mark.parametrize("line", [
    "<div class='submitted'>Submitted by <a href='/users/editor'>editor</a> on Mon, 06/03/2019 - 12:00</div>",
    "<div><span class='label'>Date:</span> <span class='date-display-single'>Mon, 06/03/2019 - 12:00</span></div>",
])
def test_drupals_month_first_date_is_read_by_its_weekday_and_is_no_text(line):
    body = "<p>The Office trained twenty police officers in community policing.</p>"
    page = read_release(make_release_html(meta=line, body=body), URL)
    assert parse_date(page.date_raw) == dt.date(2019, 6, 3)  # a Monday; 6 March 2019 was a Wednesday
    assert page.paragraphs == ["The Office trained twenty police officers in community policing."]


def test_a_submitted_line_whose_numbers_no_weekday_orders_gives_no_date():
    line = "<div class='submitted'>Submitted by editor on 06/03/2019 - 12:00</div>"
    assert read_release(make_release_html(meta=line), URL).date_raw is None


def test_a_newsletter_form_and_related_releases_after_the_text_give_the_page_no_facts():
    form = ("<form><fieldset><legend>Fields of work</legend><label><input type='checkbox'>Arms control</label>"
            "<label><input type='checkbox'>Policing</label></fieldset></form>")
    related = ("<h2>Related press releases</h2><div><h3><a href='/secretariat/900001'>Judges meet</a></h3>"
               "<div>Date: 27 November 2026</div><div>Source: OSCE Mission to Serbia</div></div>")
    release = read_release(make_release_html(meta="", kind="").replace("</main>", form + related + "</main>"), URL)
    assert release.fields_of_work == []
    assert "OSCE Mission to Serbia" not in release.source


def test_a_panes_title_that_is_a_label_alone_labels_the_few_values_under_it_a_menus_heading_does_not():
    def pane(title: str, values: list[str]) -> str:
        return (f"<div class='pane'><h2>{title}</h2><div class='pane-content'>"
                + "".join(f"<div><a href='/t/{n}'>{value}</a></div>" for n, value in enumerate(values))
                + "</div></div>")

    menu = pane("Where we are", [f"OSCE Mission number {n}" for n in range(20)])
    page = make_release_html(meta="", kind="").replace(
        "</main>", pane("Source", ["OSCE Programme Office in Bishkek"]) + pane("Fields of work", ["Policing", "Youth"])
        + "</main>" + menu)
    release = read_release(page, URL)
    assert (release.source, release.fields_of_work) == (["OSCE Programme Office in Bishkek"], ["Policing", "Youth"])
    assert not any(text in ("Source", "Fields of work") for text in release.paragraphs)
    menu_alone = make_release_html(meta="", kind="").replace("</main>", menu + "</main>")
    assert read_release(menu_alone, URL).source == []


def test_core_field_label_heading_takes_all_its_values_however_many():
    terms = [f"Topic number {n}" for n in range(10)]
    field_html = ("<div class='field field--label-above'><h3 class='field__label'>Fields of work</h3>"
                  + "".join(f"<div class='field__item'><a href='/t/{n}'>{t}</a></div>" for n, t in enumerate(terms))
                  + "</div>")
    release = read_release(make_release_html(meta="", kind="").replace("</main>", field_html + "</main>"), URL)
    assert release.fields_of_work == terms


def test_a_summary_that_heads_no_facts_stays_in_the_text():
    question = "<details open><summary>Who can apply for the course?</summary><p>Officers of the region.</p></details>"
    body = "<p>VIENNA, 3 May 2021 – The OSCE opened a course for border officers.</p>" + question
    release = read_release(make_release_html(meta="", kind="", body=body), URL)
    assert release.paragraphs[1:] == ["Who can apply for the course?", "Officers of the region."]
