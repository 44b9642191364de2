"""Reading rules for markups found on pages the project never saw: each test writes one shape in invented words
(Vinstad, Ruritania) and asserts what a reader of it sees."""

from __future__ import annotations

import datetime as dt

import pytest

from osce_scraper.extract.dates import parse_date
from osce_scraper.pages.listing import read_listing
from osce_scraper.pages.release import read_release
from tests.conftest import make_release_html

URL = "https://www.osce.org/mission-to-ruritania/577001"
LISTING_URL = "https://www.osce.org/press-releases"
FIRST = ("<p>VINSTAD, 3 May 2021 – The OSCE Mission to Ruritania today trained twenty police officers in community "
         "policing.</p>")
SECOND = "<p>The course is part of a wider project that supports the police service.</p>"


def listing_of(item: str, count: int = 3) -> list:
    """The items of a listing of ``count`` rows, each ``item`` formatted with its number ``n``."""
    rows = "".join(f"<div class='views-row'>{item.format(n=n)}</div>" for n in range(count))
    return read_listing(f"<main>{rows}</main>", LISTING_URL).items


TITLE = "<h3><a href='/mission-to-ruritania/57700{n}'>Police trained in Vinstad, round {n}</a></h3>"


# 1. A card's block headings over badge links that touch.
BADGES = ("<div class='card'><h3 class='card-header'>Where we are</h3><div class='card-body'>"
          "<a class='badge' href='/mission-to-ruritania'>OSCE Mission to Ruritania</a></div>"
          "<h3 class='card-header'>What we do</h3><div class='card-body'><a class='badge' href='/what-we-do/policing'>"
          "Policing</a><a class='badge' href='/what-we-do/youth'>Youth</a></div></div>")


def test_a_sidebar_cards_headings_over_their_badges_are_the_pages_source_and_fields_of_work():
    page = make_release_html(meta="", kind="").replace("</main>", f"</main><aside class='col-md-4'>{BADGES}</aside>")
    release = read_release(page, URL)
    assert (release.source, release.fields_of_work) == (["OSCE Mission to Ruritania"], ["Policing", "Youth"])
    check_a_sidebars_heading_over_a_menu_or_a_link_to_a_release_labels_nothing()


def check_a_sidebars_heading_over_a_menu_or_a_link_to_a_release_labels_nothing() -> None:
    """Precision: asked by the test before it."""
    menu = ("<h3>Where we are</h3><ul>" + "".join(f"<li><a href='/mission-{n}'>Mission {n}</a></li>" for n in range(3))
            + "</ul><h3>Source</h3><p><a href='/mission-to-ruritania/577009'>Judges meet in Vinstad</a></p>")
    page = make_release_html(meta="", kind="").replace("</main>", f"</main><aside>{menu}</aside>")
    assert read_release(page, URL).source == []


def test_a_listing_cards_headings_over_their_badges_are_the_items_facts_not_its_lead():
    card = (TITLE + "<h4>Where we are</h4><a class='badge' href='/mission-to-ruritania'>OSCE Mission to Ruritania</a>"
            "<h4>What we do</h4><a class='badge' href='/t/policing'>Policing</a>"
            "<a class='badge' href='/t/youth'>Youth</a><p>Twenty officers were trained in Vinstad.</p>")
    items = listing_of(card)
    assert [(i.where_we_are, i.what_we_do, i.lead) for i in items] == [
        (["OSCE Mission to Ruritania"], ["Policing", "Youth"], "Twenty officers were trained in Vinstad.")] * 3


# 2. A label a screen reader reads, after or before an icon.
@pytest.mark.parametrize("meta", [
    "<div class='meta'><i class='bi bi-geo-alt'></i><span class='visually-hidden'>Place</span> VINSTAD</div>",
    "<div class='meta'><span><span class='visually-hidden'>Place</span><i class='bi'></i> VINSTAD</span></div>",
    "<div class='meta'><span class='pin' aria-hidden='true'>*</span><span class='visually-hidden'>Place</span>"
    " VINSTAD</div>",
])
def test_a_place_label_for_screen_readers_beside_an_icon_is_read_and_no_text(meta):
    release = read_release(make_release_html(meta=meta, kind=""), URL)
    assert release.place_raw == ["VINSTAD"]
    assert not any("VINSTAD" in text and "Place" in text for text in release.paragraphs)
    check_a_label_word_after_loose_text_is_still_no_label()


def check_a_label_word_after_loose_text_is_still_no_label() -> None:
    """Precision: asked by the test before it."""
    release = read_release(make_release_html(meta="<div><i></i> near the <span>Place</span> VINSTAD</div>"), URL)
    assert release.place_raw != ["VINSTAD"]


# 3. An editor's preview: a status word over the last save.
@pytest.mark.parametrize("status", ["<h3 class='entity-meta__title'>Published</h3>", "<div>Published</div>"])
def test_published_alone_is_a_status_and_the_last_save_is_no_date(status):
    meta = (f"<div class='entity-meta__header'>{status}<div class='entity-meta__last-saved'>Last saved "
            "04/05/2021 - 10:12</div></div>")
    release = read_release(make_release_html(meta=meta, kind=""), URL)
    assert release.date_raw is None
    assert "Published" not in release.paragraphs
    check_a_bare_published_over_a_date_is_still_the_date()


def check_a_bare_published_over_a_date_is_still_the_date() -> None:
    """Precision: asked by the test before it."""
    meta = "<div class='field'><div class='field__label'>Published</div><div class='field__item'>3 May 2021</div></div>"
    assert read_release(make_release_html(meta=meta, kind=""), URL).date_raw == "3 May 2021"


# 4. Captions with no <figure>.
@pytest.mark.parametrize("caption", [
    "<p>Participants of the course in Vinstad, 2 May 2021. (Anna Berg/OSCE)</p>",
    "<p>Participants of the course in Vinstad, 2 May 2021.</p>",
    "<div class='caption'>Participants of the course in Vinstad</div>",
])
def test_a_caption_beside_its_photo_between_paragraphs_is_no_text(caption):
    body = f"{FIRST}<div class='image'><a href='/a.jpg'><img src='/a.jpg' alt=''></a>{caption}</div>{SECOND}"
    assert len(read_release(make_release_html(meta="", kind="", body=body), URL).paragraphs) == 2
    check_a_paragraph_beside_a_photo_that_is_no_caption_stays_in_the_text()


def test_a_credit_after_the_photographers_name_ends_a_caption():
    body = FIRST + "<p>Officers at the academy in Vinstad. (Anna Berg/OSCE)</p>" + SECOND
    assert len(read_release(make_release_html(meta="", kind="", body=body), URL).paragraphs) == 2
    check_a_paragraph_beside_a_photo_that_is_no_caption_stays_in_the_text()


NO_CAPTIONS = [
    # A text printed in one block with its photo, a paragraph under a photo's block, a photo inside a paragraph.
    "<div><img src='/a.jpg'><p>The OSCE Mission to Ruritania trained twenty police officers in Vinstad.</p></div>",
    FIRST + "<div class='image'><img src='/a.jpg'></div><p>Participants came from five towns.</p>" + SECOND,
    FIRST + "<p><img src='/a.jpg'>Participants came from five towns.</p>" + SECOND,
    FIRST + "<div><img src='/a.jpg'><p>VINSTAD, 4 May 2021 – A second course opened today.</p></div>" + SECOND,
]


def check_a_paragraph_beside_a_photo_that_is_no_caption_stays_in_the_text() -> None:
    """Precision: asked by the tests of captions."""
    for body in NO_CAPTIONS:
        release = read_release(make_release_html(meta="", kind="", body=body), URL)
        assert len(release.paragraphs) == body.count("</p>"), body


# 5. Tags whose elements touch.
def test_listing_tags_printed_as_touching_spans_are_values_of_their_own():
    card = (TITLE + "<div class='field'><div class='field__label'>What we do</div><div class='field__items'>"
            "<span>Human rights</span><span>Democratization</span></div></div><p>Twenty officers were trained.</p>")
    assert [item.what_we_do for item in listing_of(card)] == [["Human rights", "Democratization"]] * 3


def test_unlabelled_touching_tags_are_no_lead():
    card = (TITLE + "<div class='node__meta'><time datetime='2021-05-03'>3 May 2021</time></div>"
            "<div class='field--name-field-tags'><span>Human rights</span><span>Democratization</span></div>"
            "<div class='node__content'><p>Twenty officers were trained in Vinstad.</p></div>")
    assert {item.lead for item in listing_of(card)} == {"Twenty officers were trained in Vinstad."}


def test_a_release_pages_touching_tags_are_values_of_their_own():
    meta = "<div><div>Fields of work</div><div><span>Policing</span><span>Youth</span></div></div>"
    assert read_release(make_release_html(meta=meta, kind=""), URL).fields_of_work == ["Policing", "Youth"]


# 6. Drupal's submitted line, its date in an order nothing decides.
SUBMITTED = "<div class='submitted'>Submitted by <a href='/user/3'>Mila Korhonen</a> on 08/02/2022 - 10:15</div>"


def test_a_submitted_line_whose_date_nothing_orders_is_no_text_and_no_date():
    release = read_release(make_release_html(meta=SUBMITTED, kind=""), URL)
    assert release.date_raw is None
    assert not any(text.startswith("Submitted by") for text in release.paragraphs)


def test_a_submitted_line_is_no_listing_items_lead():
    card = TITLE + SUBMITTED + "<p>Twenty officers were trained in Vinstad.</p>"
    assert {item.lead for item in listing_of(card)} == {"Twenty officers were trained in Vinstad."}


# 7. Many fields of work in one element, a stop after the last.
TERMS = ("Arms control, Border management, Combating human trafficking, Conflict prevention and resolution, "
         "Countering terrorism, Cyber/ICT security, Democratization, Economic activities, Education, Elections, "
         "Environmental activities, Gender equality, Good governance, Human rights")


def test_a_long_list_of_fields_of_work_ending_with_a_stop_is_the_items_values_not_its_lead():
    card = TITLE + f"<dl><dt>What we do:</dt><dd>{TERMS}.</dd></dl><p>Twenty officers were trained.</p>"
    items = listing_of(card)
    assert [(len(i.what_we_do), i.what_we_do[-1], i.lead) for i in items] == [
        (14, "Human rights", "Twenty officers were trained.")] * 3
    check_a_sentence_after_a_label_stays_no_value()


def check_a_sentence_after_a_label_stays_no_value() -> None:
    """Precision: asked by the test before it."""
    card = TITLE + "<dl><dt>What we do:</dt><dd>Police, judges, prosecutors and lawyers met in Vinstad today.</dd></dl>"
    assert {tuple(item.what_we_do) for item in listing_of(card)} == {()}


# 8. A lead that prints the title again.
def test_a_lead_that_repeats_the_items_title_is_its_lead_not_a_value():
    card = (TITLE + "<div>Where we are</div><div>OSCE Mission to Ruritania</div>"
            "<div>Police trained in Vinstad, round {n}</div>")
    items = listing_of(card)
    assert [(i.where_we_are, i.lead) for i in items] == [
        (["OSCE Mission to Ruritania"], f"Police trained in Vinstad, round {n}") for n in range(3)]


# 9. A pager that prints its count, not its last page.
@pytest.mark.parametrize("pager", [
    "<nav class='pager' role='navigation'><ul><li><a href='?page=1'>‹ Previous</a></li><li>Page 3 of 17</li>"
    "<li><a href='?page=3'>Next ›</a></li></ul></nav>",
    "<nav class='pager'><a href='?page=1'>‹ Previous</a> <span>Page 3 of 17</span></nav>",
    "<div class='pager'><p><a href='?page=1'>‹ Previous</a> Page 3 of 17</p></div>",
])
def test_a_pager_that_prints_page_3_of_17_names_the_last_page_and_the_next(pager):
    rows = "".join(f"<div class='views-row'>{TITLE.format(n=n)}</div>" for n in range(3))
    listing = read_listing(f"<main>{rows}</main>{pager}", LISTING_URL + "?page=2")
    assert (listing.next_page, listing.last_page) == (3, 16)
    check_the_last_page_of_17_has_no_next_page_and_a_report_page_is_no_pager()


def check_the_last_page_of_17_has_no_next_page_and_a_report_page_is_no_pager() -> None:
    """Precision: asked by the test before it."""
    rows = "".join(f"<div class='views-row'>{TITLE.format(n=n)}<p>See page 3 of 17 in the report.</p></div>"
                   for n in range(3))
    listing = read_listing(f"<main>{rows}</main><div><a href='?page=15'>‹</a> Page 17 of 17</div>",
                           LISTING_URL + "?page=16")
    assert (listing.next_page, listing.last_page) == (None, 16)
    listing = read_listing(f"<main>{rows}</main>", LISTING_URL + "?page=2")
    assert (listing.next_page, listing.last_page) == (None, 2)


def test_drupals_own_date_format_is_month_first_when_the_weekday_fits_either_order():
    submitted = SUBMITTED.replace(" on 08/02/2022", " on Tue, 08/02/2022")  # a Tuesday either way
    release = read_release(make_release_html(meta=submitted, kind=""), URL)
    assert release.date_raw == "Tue, 08/02/2022 - 10:15"
    assert parse_date(release.date_raw) == dt.date(2022, 8, 2)


ONE_PARAGRAPH = "<p>VINSTAD, 3 May 2021 – The OSCE Mission to Ruritania today trained twenty police officers.</p>"


def test_a_block_of_recent_releases_after_the_text_is_no_text():
    recent = ("<div class='sidebar'><h2>Recent press releases</h2><table><tr><th>Title</th><th>Date</th>"
              "</tr><tr><td><a href='/mission-to-ruritania/577002'>Judges meet in Vinstad</a></td>"
              "<td>04.05.2021</td></tr></table></div>")
    # A theme of divs alone: no <main> or <article> says where the release ends.
    page = (f"<html><head><title>Police trained | OSCE</title></head><body><div id='content'><h1>Police trained</h1>"
            f"<div class='content'>{ONE_PARAGRAPH}</div></div>{recent}</body></html>")
    assert read_release(page, URL).paragraphs == [ONE_PARAGRAPH[3:-4]]


def test_a_print_views_source_url_and_list_of_links_are_no_text():
    footer = ("<div><strong>Source URL:</strong> <a href='https://www.osce.org/x/577001'>https://www.osce.org/x/577001"
              "</a></div><div><p><strong>Links:</strong><br>[1] https://www.osce.org/<br>"
              "[2] https://www.osce.org/mission-to-ruritania<br></p></div>")
    page = make_release_html(body=ONE_PARAGRAPH + footer, meta="")
    assert read_release(page, URL).paragraphs == [ONE_PARAGRAPH[3:-4]]


def test_a_field_the_project_does_not_read_opening_the_text_is_no_text():
    for label in ("Tags:", "TAGS:", "Keywords:"):
        tags = f"<p><strong>{label}</strong> <a href='/tags/youth'>Youth</a>, <a href='/tags/media'>Media</a></p>"
        page = make_release_html(body=tags + ONE_PARAGRAPH, meta="")
        assert read_release(page, URL).paragraphs == [ONE_PARAGRAPH[3:-4]]


def test_a_type_printed_before_the_title_in_its_heading_is_no_part_of_the_title():
    page = make_release_html(kind="").replace("<h1>", "<h1><span class='visually-hidden'>News: </span>")
    release = read_release(page, URL)
    assert release.title == "OSCE supports police reform in Kyrgyzstan"
    # A colon that is the title's own stays: no type stands before it.
    own = make_release_html(title="COVID-19: OSCE supports police reform", kind="")
    assert read_release(own, URL).title == "COVID-19: OSCE supports police reform"


# Places the gazetteer knows, or one it lacks beside a type and a date.
@pytest.mark.parametrize("byline", ["Press release · 3 May 2021 · Vienna/Tirana", "Press release · 3 May 2021 · Farob"])
def test_a_byline_of_type_date_and_places_is_no_text(byline):
    page = make_release_html(meta=f"<div class='byline'>{byline}</div>", kind="")
    release = read_release(page, URL)
    assert (release.content_type, release.date_raw) == ("Press release", "3 May 2021")
    assert not any(byline[:12] in text for text in release.paragraphs)


# Labels a theme renames its fields with.
@pytest.mark.parametrize(("date", "place", "source", "fields", "kind"), [
    ("Issued", "Venue", "Issued by", "Theme(s)", "Category"),
    ("Release date", "Venue", "Office", "Areas of work", "Category"),
])
def test_fields_under_the_labels_a_theme_renames_them_with(date, place, source, fields, kind):
    facts = (f"<div><div>{kind}</div><div>News</div></div><div><div>{date}</div><div>3 May 2021</div></div>"
             f"<div><div>{place}</div><div>VINSTAD</div></div><div><div>{source}</div>"
             f"<div>OSCE Mission to Ruritania</div></div><div><div>{fields}</div><div>Policing</div></div>")
    release = read_release(make_release_html(meta=facts, kind="", body=FIRST), URL)
    assert (release.content_type, release.date_raw, release.place_raw, release.source, release.fields_of_work) == (
        "News", "3 May 2021", ["VINSTAD"], ["OSCE Mission to Ruritania"], ["Policing"])
    assert release.paragraphs == [FIRST[3:-4]]


def test_blocks_a_column_prints_before_the_text_are_furniture_and_end_nothing():
    column = ("<div role='complementary'><div class='block'><h2>Press contact</h2><p>Press and Public Information "
              "Section, +43 1 514 36 6000</p></div><div class='block'><h2>See also</h2><ul><li>"
              "<a href='/mission-to-ruritania/577002'>Judges meet in Vinstad</a> 2021-05-04</li></ul></div></div>")
    page = make_release_html(meta=column, kind="", body=FIRST + SECOND)
    assert read_release(page, URL).paragraphs == [FIRST[3:-4], SECOND[3:-4]]


def test_a_pull_quote_set_apart_in_an_aside_is_no_second_paragraph():
    # The box stands before the paragraph it repeats, another between them.
    quote = "<aside class='pull-quote'><p>The course is part of a wider project that supports the police service.</p>"
    third = "<p>The officers will train their colleagues in turn.</p>"
    page = make_release_html(body=FIRST + quote + "</aside>" + third + SECOND, kind="")
    assert read_release(page, URL).paragraphs == [FIRST[3:-4], third[3:-4], SECOND[3:-4]]


def test_the_articles_own_fields_after_a_block_of_related_items_inside_it_are_read():
    related = ("<div class='related'><h2>Related content</h2><article><h3><a href='/mission-to-ruritania/577002'>"
               "Judges meet in Vinstad</a></h3><p>Press release · 4 May 2021</p></article></div>")
    fields = ("<div><h3 class='field__label'>Office</h3><div><a href='/mission-to-ruritania'>OSCE Mission to "
              "Ruritania</a></div></div><div><h3 class='field__label'>Theme(s)</h3><div><a href='/policing'>"
              "Policing</a></div></div>")
    page = (f"<html><head><title>Police trained | OSCE</title></head><body><main><article><h1>Police trained</h1>"
            f"<div>{FIRST}{SECOND}</div>{related}{fields}</article></main></body></html>")
    release = read_release(page, URL)
    assert (release.source, release.fields_of_work) == (["OSCE Mission to Ruritania"], ["Policing"])
    assert release.paragraphs == [FIRST[3:-4], SECOND[3:-4]]


def test_facts_whose_labels_only_a_screen_reader_reads_on_their_icons_are_read_and_no_text():
    facts = ("<ul class='meta'><li><svg aria-hidden='true'><use href='#i-pin'/></svg><span class='icon' "
             "aria-label='Place' role='img'></span> VINSTAD</li><li><span class='icon' title='Source'></span> "
             "<a href='/mission-to-ruritania'>OSCE Mission to Ruritania</a></li><li><span class='icon' "
             "aria-label='Fields of work' role='img'></span> <a href='/policing'>Policing</a></li></ul>")
    release = read_release(make_release_html(meta=facts, kind="", body=FIRST), URL)
    assert (release.place_raw, release.source, release.fields_of_work) == (
        ["VINSTAD"], ["OSCE Mission to Ruritania"], ["Policing"])
    assert release.paragraphs == [FIRST[3:-4]]


def test_a_date_in_numbers_between_dots_under_the_title_dates_the_page_and_the_last_update_is_no_text():
    page = make_release_html(meta="<div class='created'>03.05.2021.</div>", kind="",
                             body=FIRST + "<div>Last Updated ( Monday, 3 May 2021 11:02 )</div>")
    release = read_release(page, URL)
    assert (release.date_raw, release.paragraphs) == ("03.05.2021.", [FIRST[3:-4]])


def test_a_type_and_a_published_date_on_one_line_above_the_title():
    page = make_release_html(kind="<div><span>News</span> <span>Published <time>3 May 2021</time></span></div>",
                             meta="", body=FIRST)
    release = read_release(page, URL)
    assert (release.content_type, release.date_raw, release.paragraphs) == ("News", "3 May 2021", [FIRST[3:-4]])


def test_a_quotation_printed_in_a_box_and_in_a_blockquote_keeps_the_blockquote():
    said = "“Trust between the police and the public is built step by step,” said the Head of Mission."
    page = make_release_html(kind="", body=FIRST + f"<aside><p>{said}</p></aside>{SECOND}<blockquote><p>{said}</p>"
                             "</blockquote>")
    assert read_release(page, URL).paragraphs == [FIRST[3:-4], SECOND[3:-4], said]


# A component's field rows: the label in a box of its own, its value in the box beside it.
def field_rows(*rows: tuple[str, str]) -> str:
    return "".join(f"<div class='fact'><div class='fact-label'><p>{label}</p></div><div class='fact-value'><div>"
                   f"{value}</div></div></div>" for label, value in rows)


def test_labels_in_boxes_of_their_own_beside_their_values_are_read_and_no_text():
    facts = field_rows(("Category", "<span>News</span>"), ("Published on", "<time>3 May 2021</time>"),
                       ("Venue", "<span>VINSTAD</span>"),
                       ("Issued by", "<ul><li><a href='/mission-to-ruritania'>OSCE Mission to Ruritania</a></li></ul>"),
                       ("Areas of work", "<ul><li><a href='/policing'>Policing</a></li><li><a href='/youth'>Youth"
                                         "</a></li></ul>"))
    release = read_release(make_release_html(meta=f"<div class='facts'>{facts}</div>", kind="", body=FIRST), URL)
    assert (release.content_type, release.date_raw, release.place_raw, release.source, release.fields_of_work) == (
        "News", "3 May 2021", ["VINSTAD"], ["OSCE Mission to Ruritania"], ["Policing", "Youth"])
    assert release.paragraphs == [FIRST[3:-4]]
    check_a_label_alone_in_its_box_takes_no_sentence_from_the_next_box()


def check_a_label_alone_in_its_box_takes_no_sentence_from_the_next_box() -> None:
    """Precision: asked by the test before it."""
    facts = field_rows(("Venue", "The course was held in the training hall of the police academy near Vinstad."))
    release = read_release(make_release_html(meta=facts, kind="", body=FIRST), URL)
    assert release.place_raw == []


def test_a_source_icons_label_over_a_long_list_of_offices_is_read_though_the_first_opens_with_a_label_word():
    offices = ("<a href='/office-in-vinstad'>Office of the Special Envoy for Youth and Security in Ruritania and the "
               "Northern Provinces</a>, <a href='/mission-to-ruritania'>OSCE Mission to Ruritania</a>")
    facts = (f"<ul class='meta'><li><span class='icon' role='img' aria-label='Source'><svg aria-hidden='true'>"
             f"</svg></span><span>{offices}</span></li></ul>")
    release = read_release(make_release_html(meta=facts, kind="", body=FIRST), URL)
    assert release.source == ["Office of the Special Envoy for Youth and Security in Ruritania and the Northern "
                              "Provinces", "OSCE Mission to Ruritania"]
    assert release.paragraphs == [FIRST[3:-4]]


ELEVEN_TOPICS = ("Arms control", "Border management", "Democratization", "Education", "Elections",
                 "Gender equality", "Human rights", "Media freedom", "Policing", "Rule of law", "Youth")


def topic_chips(heading: str) -> str:
    chips = "".join(f"<li><a href='/what-we-do/{n}'>{topic}</a></li>" for n, topic in enumerate(ELEVEN_TOPICS))
    return f"<section class='chips'><h2>{heading}</h2><ul>{chips}</ul></section>"


def test_a_topics_heading_over_many_chips_in_the_article_labels_them_all():
    release = read_release(make_release_html(meta="", kind="", body=FIRST + topic_chips("Topics")), URL)
    assert release.fields_of_work == list(ELEVEN_TOPICS)
    assert release.paragraphs == [FIRST[3:-4]]
    check_the_same_heading_over_a_menu_after_the_article_labels_nothing()


def check_the_same_heading_over_a_menu_after_the_article_labels_nothing() -> None:
    """Precision: asked by the test before it."""
    page = make_release_html(meta="", kind="", body=FIRST).replace("</article>", "</article>" + topic_chips("Topics"))
    assert read_release(page, URL).fields_of_work == []


# A strip above the title whose parts touch in the text, its separators hidden from a screen reader.
def strip_of(*parts: str) -> str:
    return "<div class='strip'>" + "<span aria-hidden='true'>/</span>".join(parts) + "</div>"


@pytest.mark.parametrize(("strip", "kind", "place"), [
    (strip_of("<time>3 May 2021</time>", "<a href='/press-releases?type=news'>News</a>", "<span>Vinstad</span>"),
     "News", "Vinstad"),
    (strip_of("<time>3 May 2021</time>", "<span>Vienna</span>"), None, "Vienna"),
])
def test_a_strip_that_opens_with_the_date_gives_the_type_and_the_place_beside_it(strip, kind, place):
    page = make_release_html(kind=strip, meta="", body=FIRST.replace("VINSTAD, 3 May 2021 – ", ""))
    release = read_release(page, URL)
    assert (release.content_type, release.date_raw, release.place_raw) == (kind, "3 May 2021", [place])
    assert not any("3 May 2021" in text for text in release.paragraphs)


def test_related_topics_over_chips_after_the_source_logo_are_fields_of_work_and_no_source():
    source = ("<div class='source'><h2 class='visually-hidden'>Source</h2><a href='/mission-to-ruritania'><img "
              "src='/logo.svg' alt='logo'><span>OSCE Mission to Ruritania</span></a></div>")
    chips = ("<div class='chips'><span>Related topics</span><a href='/what-we-do/policing'>Policing</a>"
             "<a href='/what-we-do/youth'>Youth</a></div>")
    page = make_release_html(kind="", meta="", body=FIRST + f"</div><div class='meta'>{source}{chips}")
    release = read_release(page, URL)
    assert (release.source, release.fields_of_work) == (["OSCE Mission to Ruritania"], ["Policing", "Youth"])
    assert release.paragraphs == [FIRST[3:-4]]


def test_a_place_and_a_dash_that_open_the_text_are_its_dateline_in_the_case_of_a_name():
    first = ("<p><span class='where'><span>Vienna</span> –</span> The OSCE Mission to Ruritania today trained twenty "
             "police officers in community policing.</p>")
    release = read_release(make_release_html(meta="", kind="", body=first + SECOND), URL)
    assert release.place_raw == ["Vienna"]
    assert release.paragraphs[0].startswith("Vienna – The OSCE")
    check_a_word_before_a_dash_that_names_no_place_is_no_dateline()


def check_a_word_before_a_dash_that_names_no_place_is_no_dateline() -> None:
    """Precision: asked by the test before it."""
    first = "<p>Community policing – The OSCE Mission to Ruritania today trained twenty police officers.</p>"
    assert read_release(make_release_html(meta="", kind="", body=first), URL).place_raw == []


# The French and Russian editions of a release: labels and types in the page's language.
def translated_facts(kind: str, date: str, place: str, source: str, fields: str) -> str:
    return (f"<div class='type'>{kind}</div><div><div class='field__label'>{date}</div><div>3 May 2021</div></div>"
            f"<div><div class='field__label'>{place}</div><div>Vinstad</div></div><div><div class='field__label'>"
            f"{source}</div><div><a href='/mission-to-ruritania'>Mission de l'OSCE en Ruritanie</a></div></div>"
            f"<div><div class='field__label'>{fields}</div><div><a href='/what-we-do/policing'>Police</a></div></div>")


@pytest.mark.parametrize(("facts", "kind"), [
    (translated_facts("Communiqué de presse", "Date\u00a0:", "Lieu :", "Source :", "Domaines d’activité :"),
     "Communiqué de presse"),
    (translated_facts("Actualités", "Date", "Lieu", "Sources", "Domaines d'activité"), "Actualités"),
    (translated_facts("Пресс-релиз", "Дата:", "Место:", "Источник:", "Направления деятельности:"), "Пресс-релиз"),
    (translated_facts("Новости", "Дата", "Место", "Источники", "Направления деятельности"), "Новости"),
])
def test_a_translated_releases_labels_and_type_are_read_as_the_english_ones(facts, kind):
    body = FIRST.replace("VINSTAD, 3 May 2021 – ", "")
    release = read_release(make_release_html(meta=facts, kind="", body=body), URL)
    assert (release.content_type, release.date_raw, release.place_raw, release.source, release.fields_of_work) == (
        kind, "3 May 2021", ["Vinstad"], ["Mission de l'OSCE en Ruritanie"], ["Police"])
    assert release.paragraphs == [body[3:-4]]


@pytest.mark.parametrize("label", ["Type de contenu :", "Тип материала:"])
def test_a_translated_content_type_label_is_read(label):
    facts = f"<p>{label} Entretien</p><p>Date : 3 May 2021</p>"
    assert read_release(make_release_html(meta=facts, kind="", body=FIRST), URL).content_type == "Entretien"


def test_an_old_page_without_h1_is_titled_by_its_browser_title_without_the_site_name_before_a_colon():
    page = ("<html><head><title>OSCE: Police trained in Vinstad</title></head><body><table><tr><td>"
            "<font size='1'>PRESS RELEASE</font><br><font size='4'><b>Police trained in Vinstad</b></font><br><br>"
            f"<font size='2'>{FIRST[3:-4]}<br><br>{SECOND[3:-4]}</font></td></tr></table></body></html>")
    release = read_release(page, URL)
    assert (release.title, release.content_type) == ("Police trained in Vinstad", "Press release")
    assert release.paragraphs == [FIRST[3:-4], SECOND[3:-4]]


# A sidebar of the page's facts printed before the article inside <main>, placed beside it by the theme's CSS.
@pytest.mark.parametrize("facts", [
    "<dl><dt>Venue</dt><dd>VINSTAD</dd><dt>Issued by</dt><dd><ul><li><a href='/mission-to-ruritania'>OSCE Mission "
    "to Ruritania</a></li></ul></dd><dt>Areas of work</dt><dd><ul><li><a href='/policing'>Policing</a></li></ul>"
    "</dd></dl>",
    "<div><div><span style='font-variant: small-caps'>venue</span> <span>VINSTAD</span></div><div><span>issued by"
    "</span> <span>OSCE Mission to Ruritania</span></div><div><span>areas of work</span> <span>Policing</span></div>"
    "</div>",
])
def test_a_facts_sidebar_printed_before_the_article_gives_its_place_source_and_fields_of_work(facts):
    page = (f"<html><head><title>Police trained | OSCE</title></head><body><main><aside>{facts}</aside><article>"
            f"<h1>Police trained</h1>{FIRST}{SECOND}</article></main></body></html>")
    release = read_release(page, URL)
    assert (release.place_raw, release.source, release.fields_of_work) == (
        ["VINSTAD"], ["OSCE Mission to Ruritania"], ["Policing"])
    assert release.paragraphs == [FIRST[3:-4], SECOND[3:-4]]


def test_a_definition_term_is_a_label_wherever_its_list_stands():
    page = make_release_html(meta="", kind="").replace(
        "<main>", "<main><dl><dt>Venue</dt><dd>VINSTAD</dd></dl>")
    assert read_release(page, URL).place_raw == ["VINSTAD"]


def test_where_labels_a_place_and_when_no_date_of_the_release():
    # A media advisory's "When:" is its event's date, not the release's.
    facts = ("<div><span>Date:</span> <span>3 May 2021</span></div><div><span>When:</span> <span>May 9, 2021</span>"
             "</div><div><span>Where:</span> <span>Vinstad</span></div>")
    body = FIRST.replace("VINSTAD, 3 May 2021 – ", "")
    release = read_release(make_release_html(meta=facts, kind="", body=body), URL)
    assert (release.date_raw, release.place_raw) == ("3 May 2021", ["Vinstad"])


def test_facts_on_lines_of_one_paragraph_with_a_dash_or_a_bar_for_a_colon():
    facts = ("<p>Category | News<br>Release date – 3 May 2021<br>Venue – VINSTAD<br>Issued by | OSCE Mission to "
             "Ruritania<br>Areas of work — Policing, Youth</p>")
    release = read_release(make_release_html(meta=facts, kind="", body=FIRST), URL)
    assert (release.content_type, release.date_raw, release.place_raw, release.source, release.fields_of_work) == (
        "News", "3 May 2021", ["VINSTAD"], ["OSCE Mission to Ruritania"], ["Policing", "Youth"])
    assert release.paragraphs == [FIRST[3:-4]]
    check_a_label_word_opening_a_sentence_before_a_dash_is_no_label()


def check_a_label_word_opening_a_sentence_before_a_dash_is_no_label() -> None:
    """Precision: asked by the test before it; a dash with no space after it is a hyphen."""
    body = FIRST + "<p>Office-holders met in Vinstad.</p>"
    assert read_release(make_release_html(meta="", kind="", body=body), URL).source == []


# A byline before the body whose dates are printed in numbers, a time of day beside them, the type's badge touching.
@pytest.mark.parametrize(("byline", "date"), [
    ("<span class='badge'>News</span> Published: 14/5/2021, 09:30 <span>·</span> Updated: 16/5/2021, 11:00",
     dt.date(2021, 5, 14)),
    ("<span class='badge'>News</span> Published: 2021-05-04 09:30 CEST · Updated: 2021-05-06, 11:00",
     dt.date(2021, 5, 4)),
    ("<span class='badge'>News</span> Published: 24/5/2021", dt.date(2021, 5, 24)),
])
def test_a_numeric_byline_with_a_time_and_a_type_badge_dates_and_types_the_page_and_is_no_text(byline, date):
    body = FIRST.replace("VINSTAD, 3 May 2021 – ", "")
    release = read_release(make_release_html(meta=f"<p>{byline}</p>", kind="", body=body), URL)
    assert (release.content_type, parse_date(release.date_raw)) == ("News", date)
    assert release.paragraphs == [body[3:-4]]



def test_a_date_labels_value_beside_its_update_is_the_published_date():
    meta = "<p>Published: 22/12/2020, 18:45 · Updated: 2/1/2021, 16:50</p>"
    release = read_release(make_release_html(meta=meta, kind="", body=FIRST), URL)
    assert parse_date(release.date_raw) == dt.date(2020, 12, 22)


def test_a_last_update_before_the_text_is_no_text():
    meta = "<ul><li>Date: 3 May 2021</li><li>Last updated: 5.5.2021, 12:25</li></ul>"
    release = read_release(make_release_html(meta=meta, kind="", body=FIRST), URL)
    assert (release.date_raw, release.paragraphs) == ("3 May 2021", [FIRST[3:-4]])


# Facts in sections a screen reader names by their hidden headings, printed before the title; the body's own heading.
def named_section(key: str, heading: str, value: str) -> str:
    return (f"<section aria-labelledby='h-{key}'><h3 id='h-{key}' class='sr-only'>{heading}</h3><p>{value}</p>"
            "</section>")


def test_sections_named_by_their_headings_before_the_title_are_the_pages_facts_and_the_bodys_heading_no_text():
    facts = (named_section("t", "Type of content", "News") + named_section("s", "Issued by", "OSCE Mission to "
             "Ruritania") + named_section("f", "Areas of work", "Policing"))
    page = (f"<html><head><title>Police trained | OSCE</title></head><body><main><article>{facts}<h1>Police "
            f"trained</h1><section aria-labelledby='h-b'><h3 id='h-b' class='sr-only'>Full text</h3>{FIRST}{SECOND}"
            "</section></article></main></body></html>")
    release = read_release(page, URL)
    assert (release.content_type, release.source, release.fields_of_work) == (
        "News", ["OSCE Mission to Ruritania"], ["Policing"])
    assert release.paragraphs == [FIRST[3:-4], SECOND[3:-4]]


def test_a_listing_items_type_and_date_apart_by_a_separator_hidden_from_screen_readers():
    meta = ("<p><span class='sr-only'>Content type: </span>News<span aria-hidden='true'> · </span>"
            "<span class='sr-only'>Published: </span><time datetime='2021-05-1{n}'>1{n} May 2021</time></p>")
    items = listing_of(f"<article>{TITLE}{meta}<p>Twenty officers were trained.</p></article>")
    assert [(item.content_type, item.publishing_date) for item in items] == [
        ("News", f"1{n} May 2021") for n in range(3)]


def test_a_listing_items_line_of_date_type_and_office_gives_all_three():
    meta = "<div>1{n} May 2021 | News | OSCE Mission to Ruritania</div>"
    items = listing_of(f"<li>{TITLE}{meta}</li>")
    assert [(item.publishing_date, item.content_type, item.where_we_are) for item in items] == [
        (f"1{n} May 2021", "News", ["OSCE Mission to Ruritania"]) for n in range(3)]
    # An office with a long name makes the line long: it is still a byline.
    office = "Office of the Special Representative and Co-ordinator for Combating Everything Else in Ruritania"
    items = listing_of(f"<li>{TITLE}<div>1{{n}} May 2021 | Press release | {office}</div></li>")
    assert [(item.publishing_date, item.where_we_are) for item in items] == [
        (f"1{n} May 2021", [office]) for n in range(3)]


def test_a_most_read_block_in_an_aside_beside_the_listing_gives_no_items_dated_or_not():
    rows = "".join(f"<div class='views-row'>{TITLE.format(n=n)}<p>1{n} May 2021</p></div>" for n in range(3))
    aside = ("<aside><h2>Most read</h2><ol><li><a href='/mission-to-ruritania/577100'>Judges meet in Vinstad</a> "
             "<span>2 May 2021</span></li><li><a href='/mission-to-ruritania/577101'>Border guards meet</a> "
             "<span>1 May 2021</span></li></ol></aside>")
    items = read_listing(f"<main>{rows}{aside}</main>", LISTING_URL).items
    assert [item.url.rsplit("/", 1)[1] for item in items] == ["577000", "577001", "577002"]


def test_a_publication_date_beside_its_last_update_after_a_comma_dates_the_page_and_is_no_text():
    body = FIRST.replace("VINSTAD, 3 May 2021 – ", "")
    meta = "<p>Published 3 May 2021, last updated 5 May 2021</p>"
    release = read_release(make_release_html(meta=meta, kind="", body=body), URL)
    assert (parse_date(release.date_raw), release.paragraphs) == (dt.date(2021, 5, 3), [body[3:-4]])


def test_a_sidebars_links_to_releases_beside_the_listing_are_no_items():
    rows = "".join(f"<div class='row'><h3><a href='/mission-to-ruritania/57700{n}'>Police trained, round {n}</a>"
                   f"</h3><p>1{n} May 2021</p><p>Twenty officers were trained.</p></div>" for n in range(3))
    sidebar = ("<div class='side'><b>Highlights</b><br><a href='/mission-to-ruritania/577100'>Judges meet in "
               "Vinstad</a><br><a href='/mission-to-ruritania/577101'>Border guards meet in Vinstad</a></div>")
    items = read_listing(f"<main><div class='list'>{rows}</div>{sidebar}</main>", LISTING_URL).items
    assert [item.node_id for item in items] == ["577000", "577001", "577002"]
    check_an_undated_item_among_the_dated_ones_is_kept()


def check_an_undated_item_among_the_dated_ones_is_kept() -> None:
    """Precision: asked by the test before it."""
    rows = "".join(f"<div class='row'><h3><a href='/mission-to-ruritania/57700{n}'>Police trained, round {n}</a>"
                   f"</h3>{'' if n == 1 else f'<p>1{n} May 2021</p>'}<p>Twenty officers were trained.</p></div>"
                   for n in range(3))
    assert len(read_listing(f"<main><div class='list'>{rows}</div></main>", LISTING_URL).items) == 3
