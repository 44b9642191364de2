from html import escape

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from osce_scraper.extract.urls import node_id_of
from osce_scraper.pages.html import Link, base_url_of, link_of, link_resolver, page_selector, visible_lines
from osce_scraper.pages.labels import LISTING_LABELS, find_labels
from osce_scraper.pages.listing import (
    _item_bounds,
    _PageLabels,
    _title_lines,
    next_page_number,
    pager_links,
    read_listing,
)
from tests.site.releases import make_releases
from tests.site.render import VARIANTS, render_listing
from tests.site.server import PER_PAGE, make_entries

URL = "https://www.osce.org/press-releases?page=4"


def make_listing_item(node: int, title: str, extra: str = "") -> str:
    return (f"<div class='row'><h3><a href='/secretariat/{node}'>{title}</a></h3>"
            f"<div>Publishing date: 25 April 2015</div>{extra}<p>The Secretary General today ...</p></div>")


def test_items_carry_their_labels_and_lead():
    html = make_listing_item(
        376582, "COVID-19: OSCE adapts its field work",
        "<div>Content type: News</div><div>Where we are: OSCE Secretariat, OSCE Mission to Skopje,</div>"
        "<div>What we do: Policing, Human rights,</div>")
    [item] = read_listing(html, URL).items
    assert (item.node_id, item.title, item.publishing_date) == ("376582", "COVID-19: OSCE adapts its field work",
                                                                "25 April 2015")
    assert item.content_type == "News"
    assert item.where_we_are == ["OSCE Secretariat", "OSCE Mission to Skopje"]
    assert item.what_we_do == ["Policing", "Human rights"]
    assert item.lead == "The Secretary General today ..."


@pytest.mark.parametrize("cut", ["...", "…", " ..."])
def test_a_lead_cut_short_with_an_ellipsis_after_a_labels_values_is_the_lead_not_a_value(cut):
    item = ("<div class='row'><h3><a href='/mission-to-ruritania/700300'>Mission appoints new Head</a></h3>"
            "<div class='field'><div>Where we are</div><ul><li>OSCE Mission to Ruritania</li>"
            f"<li>The new Head of the Mission took up her post in Vinstad on 3 May{cut}</li></ul></div></div>")
    [found] = read_listing(f"<main>{item}</main>", URL).items
    assert found.where_we_are == ["OSCE Mission to Ruritania"]
    assert found.lead == f"The new Head of the Mission took up her post in Vinstad on 3 May{cut}"


def test_titles_with_quotes_digits_and_colons_are_titles():
    titles = ["“Dialogue is essential,” says Chairperson", "2020 Annual Report: policing", "Note: label-like title"]
    html = "".join(make_listing_item(100 + i, t) for i, t in enumerate(titles))
    assert [item.title for item in read_listing(html, URL).items] == titles


def test_read_more_links_and_repeats_do_not_make_items():
    html = make_listing_item(101, "First", "<a href='/secretariat/101'>Read more</a>") + make_listing_item(102, "Two")
    assert [item.node_id for item in read_listing(html, URL).items] == ["101", "102"]


def test_flat_items_without_a_wrapper_are_split_by_their_titles():
    html = ("<h4><a href='/cio/11'>One</a></h4><p><b>Publishing date:</b> 1 May 2020</p><p>Lead one.</p>"
            "<h4><a href='/cio/12'>Two</a></h4><p><b>Publishing date:</b> 2 May 2020</p><p>Lead two.</p>")
    items = read_listing(html, URL).items
    assert [(i.title, i.publishing_date, i.lead) for i in items] == [("One", "1 May 2020", "Lead one."),
                                                                     ("Two", "2 May 2020", "Lead two.")]


def test_pager_forms():
    base = "https://www.osce.org/press-releases"
    assert next_page_number([Link(f"{base}?page=5", "Older", "next")], URL) == 5
    assert next_page_number([Link(f"{base}?page=5", "next ›"), Link(f"{base}?page=3400", "last »")], URL) == 5
    assert next_page_number([Link(f"{base}?page=3", "4"), Link(f"{base}?page=7", "8")], URL) == 5
    assert next_page_number([Link(f"{base}?page=3", "‹ previous")], URL) is None
    assert next_page_number([], URL) is None


def test_label_values_linking_to_numbered_pages_are_not_titles():
    html = ("<div><h3><a href='/cio/11'>One</a></h3><ul><li>Where we are:</li><li><a href='/taxonomy/term/4512'>"
            "OSCE Secretariat</a></li><li>What we do:</li><li><a href='/what-we-do/4601'>Policing</a></li></ul>"
            "<p>Lead one.</p></div>")
    [item] = read_listing(html, URL).items
    assert (item.where_we_are, item.what_we_do) == (["OSCE Secretariat"], ["Policing"])


def test_a_heading_ends_the_values_of_the_last_label():
    html = ("<div><h3><a href='/cio/11'>One</a></h3><div>What we do:</div><div>Policing</div>"
            "<h3><a href='/cio/12'>Two</a></h3><div>What we do:</div><div>Youth</div></div>")
    items = read_listing(html, URL).items
    assert [(i.title, i.what_we_do) for i in items] == [("One", ["Policing"]), ("Two", ["Youth"])]


def make_teaser_card(href: str, title: str, date: str = "28 November 2026", kind: str = "Press release",
                     teaser: str = "WARSAW, 28 November 2026 – Observers arrived today ...") -> str:
    """A listing card as Drupal 8+ themes print it: the whole card is one link, with no labels."""
    tag = f"<div class='teaser__type'>{kind}</div>" if kind else ""
    return (f"<div class='views-row'><a class='teaser teaser--two-cols' href='{href}'>{tag}"
            f"<time datetime='2026-11-28T12:00:00Z'>{date}</time><h2 class='teaser__title'>{title}</h2>"
            f"<div class='teaser__text'><p>{teaser}</p></div></a></div>")


def make_core_pager(page: int, last: int) -> str:
    """Drupal core's pager: links that are only a query string."""
    items = "".join(f"<li class='pager__item'><a href='?page={n}'>{n + 1}</a></li>" for n in range(last + 1))
    nxt = (f"<li class='pager__item pager__item--next'><a href='?page={page + 1}' rel='next'>"
           "<span class='visually-hidden'>Next page</span><span aria-hidden='true'>›</span></a></li>")
    more = nxt if page < last else ""
    return f"<nav class='pager' role='navigation'><ul class='pager__items'>{items}{more}</ul></nav>"


def test_teaser_cards_are_items_with_the_date_and_type_they_print():
    html = ("<main><h1>Newsroom</h1><div class='view-content'>"
            + make_teaser_card("/odihr/665644", "Observers deployed for the elections")
            + make_teaser_card("https://odihr.osce.org/odihr/665600", "Judges meet in Warsaw", "27 November 2026",
                               "News", "Judges from five countries met ...")
            + make_teaser_card("/secretariat/665500", "A card without a type tag", "26 November 2026", "")
            + "</div>" + make_core_pager(0, 41) + "</main>")
    listing = read_listing(html, "https://www.osce.org/press-releases")
    assert [(i.node_id, i.title, i.publishing_date, i.content_type) for i in listing.items] == [
        ("665644", "Observers deployed for the elections", "28 November 2026", "Press release"),
        ("665600", "Judges meet in Warsaw", "27 November 2026", "News"),
        ("665500", "A card without a type tag", "26 November 2026", None),
    ]
    assert listing.items[0].lead == "WARSAW, 28 November 2026 – Observers arrived today ..."
    assert listing.items[1].url == "https://odihr.osce.org/odihr/665600"
    assert (listing.next_page, listing.last_page, listing.shape) == (1, 41, "teaser cards")


def make_card_with_fields(node: int, title: str, fields: dict[str, list[str]]) -> str:
    """A card that is one link and prints labelled fields inside it, each label and value an element of its own
    (Drupal core's field template, labels inline), then its summary."""
    printed = "".join(
        f"<div class='field field--label-inline'><div class='field__label'>{label}</div>"
        + "".join(f"<div class='field__item'>{value}</div>" for value in values) + "</div>"
        for label, values in fields.items())
    return (f"<a class='teaser' href='/mission-to-ruritania/{node}'><div class='teaser__body'>"
            f"<h2 class='teaser__title'>{title}</h2><time datetime='2025-03-04'>04.03.2025</time>{printed}"
            f"<div class='teaser__summary'><p>The Mission trained {node} officers ...</p></div></div></a>")


def test_labelled_fields_inside_a_card_that_is_one_link_are_the_items_facts():
    html = ("<main><h1>Newsroom</h1>"
            + make_card_with_fields(700101, "Police officers trained",
                                    {"Where we are": ["OSCE Mission to Ruritania"], "What we do": ["Policing"]})
            + make_card_with_fields(700102, "Youth forum held",
                                    {"Where we are": ["OSCE Office in Vinstad"], "What we do": ["Youth", "Education"]})
            + "</main>")
    items = read_listing(html, URL).items
    assert [(i.title, i.where_we_are, i.what_we_do) for i in items] == [
        ("Police officers trained", ["OSCE Mission to Ruritania"], ["Policing"]),
        ("Youth forum held", ["OSCE Office in Vinstad"], ["Youth", "Education"]),
    ]
    assert [i.lead for i in items] == [f"The Mission trained {node} officers ..." for node in (700101, 700102)]


def test_a_date_printed_above_the_title_belongs_to_that_item():
    rows = "".join(f"<div class='row'><span>{day} May 2020</span><h3><a href='/cio/{day}'>Item {day}</a></h3>"
                   f"<p>Lead {day}.</p></div>" for day in (11, 12))
    items = read_listing(rows, URL).items
    assert [(i.title, i.publishing_date, i.lead) for i in items] == [("Item 11", "11 May 2020", "Lead 11."),
                                                                     ("Item 12", "12 May 2020", "Lead 12.")]


def make_tagged_card(node: int, title: str, tags: str) -> str:
    """A card as a script-built page prints it: its type and date as tags of their own above the title."""
    return (f"<div class='card'><a href='/cio/{node}'><div class='card__tags'>{tags}</div>"
            f"<h3>{title}</h3><p>VIENNA – The Chairpersonship today ...</p></a></div>")


def test_a_cards_type_and_date_are_read_however_its_tags_touch():
    cards = (make_tagged_card(770001, "Chair visits Tbilisi", "<span>News</span><span>4 June 2019</span>")
             + make_tagged_card(770002, "Chair visits Yerevan", "<span>Press release</span> <span>5 June 2019</span>")
             + make_tagged_card(770003, "Chair visits Baku", "<span>Statement</span> | <span>6 June 2019</span>")
             + make_tagged_card(770005, "Chair visits Chisinau", "8 June 2019 · Press statement")
             # The date a <time>, their separator hidden from screen readers: the tags touch.
             + make_tagged_card(770006, "Chair visits Astana", "<span>News</span><span aria-hidden='true'> | </span>"
                                "<time datetime='2019-06-09'>9 June 2019</time>"))
    # A line that opens with a type's name and mentions a date is neither ("Statement by ... on 7 June 2019").
    cards += make_tagged_card(770004, "Chair visits Minsk", "<span>7 June 2019</span>").replace(
        "VIENNA – The Chairpersonship today ...", "Statement by the Chair of 7 June 2019, in full")
    items = read_listing(f"<main>{cards}</main>", URL).items
    assert [(i.title, i.content_type, i.publishing_date) for i in items] == [
        ("Chair visits Tbilisi", "News", "4 June 2019"),
        ("Chair visits Yerevan", "Press release", "5 June 2019"),
        ("Chair visits Baku", "Statement", "6 June 2019"),
        ("Chair visits Chisinau", "Press statement", "8 June 2019"),  # the date first
        ("Chair visits Astana", "News", "9 June 2019"),
        ("Chair visits Minsk", None, "7 June 2019"),
    ]
    assert items[5].lead == "Statement by the Chair of 7 June 2019, in full"

def test_a_byline_printed_as_text_is_the_items_date_and_no_lead():
    item = ("<div class='item'><h3><a href='/cio/770010'>Chair visits Tirana</a></h3>"
            "<p>Published 9 June 2019 | Updated 11 June 2019</p><p>TIRANA, 9 June 2019 – The Chair met ...</p></div>")
    [found] = read_listing(f"<main>{item}</main>", URL).items
    assert (found.publishing_date, found.lead) == ("9 June 2019", "TIRANA, 9 June 2019 – The Chair met ...")


def test_a_date_on_the_titles_own_line_is_the_items():
    rows = "".join(f"<li><a href='/cio/{node}'>Chair meets the Mission in Skopje {day}</a> <span>{day} May 2020</span>"
                   f"</li>" for node, day in ((880011, 11), (880012, 12)))
    items = read_listing(f"<ul class='news'>{rows}</ul>", URL).items
    assert [(i.node_id, i.publishing_date) for i in items] == [("880011", "11 May 2020"), ("880012", "12 May 2020")]


def test_a_day_printed_without_its_year_is_dated_by_its_time_element():
    card = make_teaser_card("/odihr/665644", "Observers deployed", date="28 Nov")
    [item] = read_listing(f"<main>{card}</main>", URL).items
    assert item.publishing_date == "2026-11-28T12:00:00Z"

def test_a_page_without_releases_says_what_it_shows():
    html = "<h1>Maintenance</h1><p>Our newsroom is being updated. Please come back later.</p><a href='/'>Home</a>"
    listing = read_listing(html, URL)
    assert listing.items == [] and listing.shape == "no release"
    assert listing.found == ("1 links, none to a release; its text reads "
                             "'Maintenance Our newsroom is being updated. Please come back later. Home'")


def test_a_card_without_a_heading_takes_the_line_its_markup_calls_a_title():
    card = ("<a class='card' href='/cio/700001'><div class='card__tag'>Elections</div>"
            "<div class='card__title'>Observers arrive in Tbilisi</div><div class='card__date'>3 May 2019</div>"
            "<div class='card__text'>The observation mission opened today ...</div></a>")
    [item] = read_listing(f"<main>{card}</main>", URL).items
    assert (item.title, item.publishing_date, item.lead) == ("Observers arrive in Tbilisi", "3 May 2019",
                                                             "The observation mission opened today ...")


# Hrefs and page URLs from the pieces where a link's URL may gain or lose "page=" as it is resolved: a base that
# holds it in its host, path, query or fragment, hrefs that take the base's path or query, and the characters
# that urlsplit deletes or strips.
HREF_PIECES = st.sampled_from(["/", "//", "?", "#", ";", ".", "..", "http://", "https://", "http:", "HTTP://", "h.org",
                               "page=", "pa", "ge=", "page", "=", "2", "&", "\t", "\n", "\r", " ", "\x01", "\xa0",
                               "cio", "49486", "x", "mailto:"])
PAGE_URLS = st.sampled_from(["https://www.osce.org/press-releases", "https://www.osce.org/press-releases?page=3",
                             "https://www.osce.org/page=2/list", "http://page=x.org/p",
                             "https://www.osce.org/p?q=1#page=4", "https://www.osce.org/p?pa\nge=5",
                             "http://www.osce.org/p?page=3"])
BASE_TAGS = st.sampled_from(["", "<base href='/x/page=1/'>", "<base href='?page=9'>", "<base href='#page=3'>"])


def every_link(page, url: str) -> list[Link]:
    """Every ``<a href>`` and ``<link href>`` of the page, each resolved: what the pager's links are chosen from."""
    resolve = link_resolver(base_url_of(page, url))
    return [link_of(el, resolve(el.get("href").strip())) for el in page.root.iter("a", "link") if el.get("href")]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.lists(HREF_PIECES, max_size=6).map("".join), max_size=6), PAGE_URLS, BASE_TAGS)
@example(["/cio/49486?page=2", "?page=3", "#", "//h.org", "/pa\nge=1"], "https://www.osce.org/p?page=3", "")
@example(["/./pa\nge=2"], "https://www.osce.org/p", "")  # urljoin deletes the line break
@example(["http://#/."], "http://www.osce.org/p?page=3", "")  # no host: urljoin takes the base's path and query
def test_pager_links_are_the_links_that_can_name_a_page(hrefs, url, base):
    page = page_selector(f"<head>{base}</head><body>"
                         + "".join(f"<a href='{escape(href, quote=True)}'>next</a>" for href in hrefs) + "</body>")
    try:
        links = every_link(page, url)
    except ValueError:
        assume(False)  # a link urlsplit refuses: only the pager links are resolved now, see the test below
    wanted = [link for link in links if "page=" in link.url and not node_id_of(link.url)]
    assert pager_links(page, url) == (wanted, len(links))


def test_a_link_that_urlsplit_refuses_outside_the_pager_does_not_stop_the_listing():
    html = make_listing_item(101, "First") + "<nav><a href='http://[bad/x'>x</a></nav><a href='?page=5'>next ›</a>"
    listing = read_listing(html, URL)
    assert ([item.node_id for item in listing.items], listing.next_page) == (["101"], 5)


def make_dated_row(day: int, extra: str = "") -> str:
    return (f"<div class='row'><span>{day} May 2020</span><h3><a href='/cio/{day}'>Item {day}</a></h3>"
            f"<p>Lead {day}.</p>{extra}</div>")


# Labels whose values, read over the whole page, run across an item's edges: into the next row's first line, or
# past the last row.
ACROSS_ITEMS = [
    "<div class='list'>" + make_dated_row(11) + "<div>What we do:</div>" + make_dated_row(12) + "</div>",
    "<div class='list'>" + make_dated_row(11, "What we do:") + make_dated_row(12, "Where we are:") + "</div>"
    "<div>Policing</div><p>Footer</p>",
]


def test_a_label_between_two_rows_takes_no_value_from_the_next_row():
    first, second = read_listing(ACROSS_ITEMS[0], URL).items
    assert (first.what_we_do, second.publishing_date) == ([], "12 May 2020")
    first, second = read_listing(ACROSS_ITEMS[1], URL).items
    assert (first.what_we_do, second.where_we_are) == ([], [])


def test_each_items_labels_are_those_found_in_its_lines():
    entries = make_entries(make_releases(2 * PER_PAGE))
    pages = [render_listing(entries[:PER_PAGE], 0, 1, variant, "http://127.0.0.1:8000") for variant in VARIANTS]
    searched_again = 0
    for page in pages + ACROSS_ITEMS:
        lines = visible_lines(page_selector(page), URL)
        labels = _PageLabels(lines)
        starts = _title_lines(lines, labels.labelled_lines())
        for begin, end in _item_bounds(lines, [index for index, _, _ in starts]):
            assert labels.of_item(begin, end) == find_labels(lines, LISTING_LABELS, begin, end)
            searched_again += begin in labels.continued or end in labels.continued
    assert searched_again >= 3  # the items of ACROSS_ITEMS: both ways of reading an item's labels were tried


def test_items_that_print_the_same_values_have_lists_of_their_own():
    html = "".join(make_listing_item(100 + i, f"Item number {i}", "<div>What we do: Policing, Youth</div>")
                   for i in range(2))
    first, second = read_listing(html, URL).items
    first.what_we_do.append("Elections")
    assert second.what_we_do == ["Policing", "Youth"]
    assert read_listing(html, URL).items[0].what_we_do == ["Policing", "Youth"]


def test_term_links_without_an_alias_are_no_releases():
    rows = "".join(f"<div class='row'><h3><a href='/secretariat/{node}'>Item {node}</a></h3><p>{day} May 2020</p>"
                   f"<p><a href='/taxonomy/term/{term}'>OSCE Secretariat</a></p><p>Lead {node}.</p></div>"
                   for node, day, term in ((990021, 11, 2100), (990022, 12, 2101)))
    items = read_listing(rows, URL).items
    assert [(i.node_id, i.publishing_date, i.lead) for i in items] == [
        ("990021", "11 May 2020", "Lead 990021."), ("990022", "12 May 2020", "Lead 990022.")]


def test_a_read_more_link_that_ends_the_lead_is_not_part_of_it():
    row = ("<div class='row'><h3><a href='/mission-to-skopje/402001'>Police and schools meet in Tetovo</a></h3>"
           "<p>TETOVO, 28 May 2019 – Community police officers met teachers in Tetovo. "
           "<a href='/mission-to-skopje/402001'>Read more</a></p></div>")
    [item] = read_listing(row, URL).items
    assert item.lead == "TETOVO, 28 May 2019 – Community police officers met teachers in Tetovo."


def test_a_page_not_found_that_lists_the_latest_news_is_no_listing_page():
    latest = "".join(make_listing_item(node, f"Latest release {node}") for node in (4801, 4802, 4803))
    html = f"<main><h1>Page not found</h1><p>The page you asked for has moved.</p><h2>Latest news</h2>{latest}</main>"
    listing = read_listing(html, URL)
    assert (listing.items, listing.next_page) == ([], None)
    assert listing.found == "an error page titled 'Page not found' that lists 3 releases"


def test_a_date_heading_of_a_view_grouped_by_date_dates_the_items_after_it():
    def row(node: int, title: str) -> str:
        return f"<div class='views-row'><a href='/secretariat/{node}'>{title}</a><p>The OSCE met today.</p></div>"

    html = ("<main><div class='view-content'><h3>3 June 2019</h3>" + row(900001, "Police trained in the south")
            + row(900002, "Judges meet in the capital") + "<h3>31 May 2019</h3>" + row(900003, "Border guards trained")
            + "</div></main>")
    items = read_listing(html, URL).items
    assert [(item.node_id, item.publishing_date) for item in items] == [
        ("900001", "3 June 2019"), ("900002", "3 June 2019"), ("900003", "31 May 2019")]
    assert [item.lead for item in items] == ["The OSCE met today."] * 3


def test_labels_written_with_a_plural_in_brackets_are_read():
    html = make_listing_item(376582, "Police academy opens", "<p>Source(s): OSCE Secretariat</p>"
                                                             "<p>Field(s) of work: Policing, Youth</p>")
    [item] = read_listing(html, URL).items
    assert (item.where_we_are, item.what_we_do) == (["OSCE Secretariat"], ["Policing", "Youth"])


def test_a_teaser_whose_only_link_is_read_more_is_an_item_titled_by_its_heading():
    def teaser(node: int, title: str, more: str) -> str:
        return (f"<article><h3>{title}</h3><div>Publishing date: 3 June 2019</div><div>What we do: Policing</div>"
                f"<p>The Mission trained officers.</p><ul><li><a href='/secretariat/{node}'>{more}</a></li></ul>"
                "</article>")

    html = ("<main><h1>Press releases</h1>"
            + teaser(900101, "Police trained in the south", "Read more<span hidden> about</span>")
            + teaser(900102, "Judges meet in the capital", "Read more <span>about Judges meet in the capital</span>")
            + "</main>")
    items = read_listing(html, URL).items
    assert [(item.node_id, item.title, item.publishing_date, item.what_we_do, item.lead) for item in items] == [
        ("900101", "Police trained in the south", "3 June 2019", ["Policing"], "The Mission trained officers."),
        ("900102", "Judges meet in the capital", "3 June 2019", ["Policing"], "The Mission trained officers."),
    ]


def make_table_listing(rows: list[tuple[int, str, str, str]]) -> str:
    """A Views table: one row a release, each cell under its column's header."""
    body = "".join(f"<tr><td>3 June 2019</td><td><a href='/secretariat/{node}'>{title}</a></td><td>{where}</td>"
                   f"<td><ul><li>{what}</li></ul></td><td><p>The OSCE met today.</p></td></tr>"
                   for node, title, where, what in rows)
    return ("<main><table><thead><tr><th><a href='?order=date'>Publishing date</a></th><th>Title</th>"
            "<th>Where we are</th><th>What we do</th><th>Summary</th></tr></thead>"
            f"<tbody>{body}</tbody></table></main>")


@pytest.mark.parametrize("count", [1, 3])
def test_a_tables_cells_are_read_by_their_column_headers(count):
    rows = [(900200 + n, f"Release number {n}", "OSCE Mission to Skopje", "Policing") for n in range(count)]
    items = read_listing(make_table_listing(rows), URL).items
    assert [(item.title, item.publishing_date, item.where_we_are, item.what_we_do, item.lead) for item in items] == [
        (title, "3 June 2019", ["OSCE Mission to Skopje"], ["Policing"], "The OSCE met today.")
        for _, title, _, _ in rows]


def test_a_calendar_tile_before_the_title_dates_the_item():
    def card(node: int, day: str) -> str:
        return (f"<li><div><div>{day}</div><div>Jun</div><div>2019</div></div><div><span>News</span>"
                f"<h3><a href='/secretariat/{node}'>Release {node}</a></h3><p>The OSCE met today.</p></div></li>")

    items = read_listing("<main><ul>" + card(900301, "04") + card(900302, "3") + "</ul></main>", URL).items
    assert [(item.publishing_date, item.content_type, item.lead) for item in items] == [
        ("04 Jun 2019", "News", "The OSCE met today."), ("3 Jun 2019", "News", "The OSCE met today.")]


def test_a_newsletter_forms_captions_and_a_translation_note_are_no_items_facts_or_lead():
    item = make_listing_item(900401, "Police trained in the south",
                             "<p>Also available in: <a href='/ru/x'>Русский</a>, <a href='/sq/x'>Shqip</a></p>")
    form = ("<form><h2>Subscribe</h2><fieldset><legend>What we do</legend><label><input type='checkbox'>Policing"
            "</label></fieldset></form>")
    [found] = read_listing(f"<main>{item}{form}</main>", URL).items
    assert (found.what_we_do, found.lead) == ([], "The Secretary General today ...")


def test_a_read_more_teaser_is_titled_by_its_heading_never_by_its_links_words_or_the_pages_title():
    def teaser(node: int, heading: str) -> str:
        return (f"<article>{heading}<p>The Mission trained officers.</p>"
                f"<a href='/secretariat/{node}'>Read more about this release</a></article>")

    html = ("<main><h1>Press releases</h1>" + teaser(900501, "") + teaser(900502, "<h3>Judges meet in the capital</h3>")
            + "</main>")
    assert [(item.node_id, item.title) for item in read_listing(html, URL).items] == [
        ("900502", "Judges meet in the capital")]


def test_a_table_whose_cells_span_columns_is_not_read_by_its_headers():
    html = make_table_listing([(900601, "Release one", "OSCE Mission to Skopje", "Policing")]).replace(
        "<td>3 June 2019</td><td>", "<td colspan='2'>")
    [item] = read_listing(html, URL).items
    assert (item.title, item.where_we_are, item.what_we_do) == ("Release one", [], [])


def test_a_list_of_values_cut_short_with_an_ellipsis_stays_values():
    item = ("<div class='row'><h3><a href='/mission-to-ruritania/700301'>Missions meet</a></h3>"
            "<div class='field'><div>Where we are</div><ul><li>OSCE Mission to Ruritania, OSCE Mission to Vinstad, "
            "OSCE Mission to Port Ruri...</li></ul></div><p>The missions met in Vinstad.</p></div>")
    [found] = read_listing(f"<main>{item}</main>", URL).items
    assert found.where_we_are[:2] == ["OSCE Mission to Ruritania", "OSCE Mission to Vinstad"]
    assert found.lead == "The missions met in Vinstad."
