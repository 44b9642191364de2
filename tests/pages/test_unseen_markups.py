"""Newsroom markups the mock site does not serve, written from Drupal core's templates and the old site's notes.

Each builder writes one shape a Drupal 11 theme (or the old Drupal 6 site) can give a page, with invented
releases; each test asserts what a reader of that page sees: title, date, place, source, fields of work,
body paragraphs, listing items with their dates, the next page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from html import escape

import pytest

from osce_scraper.pages.listing import ListingPage, read_listing
from osce_scraper.pages.release import ReleasePage, read_release

SITE = "https://odihr.osce.org"


@dataclass(frozen=True)
class Story:
    """An invented release, in the OSCE's style."""

    node: str
    section: str
    title: str
    iso: str
    printed: str
    place: str
    source: str
    fields: tuple[str, ...]
    paragraphs: tuple[str, ...]
    content_type: str = "Press release"

    @property
    def path(self) -> str:
        return f"/{self.section}/{self.node}"


STORIES = (
    Story("665644", "odihr", "ODIHR opens needs assessment mission ahead of parliamentary elections in Montenegro",
          "2019-05-03", "3 May 2019", "PODGORICA", "OSCE Office for Democratic Institutions and Human Rights",
          ("Elections", "Democratization"),
          ("PODGORICA, 3 May 2019 – A needs assessment mission of the OSCE Office for Democratic Institutions and "
           "Human Rights began its work in Montenegro today, at the invitation of the authorities.",
           "The mission will meet state officials, political parties and civil society over four days.",
           "Its report will recommend whether and how ODIHR should observe the elections.")),
    Story("665631", "mission-to-skopje", "School mediators in Tetovo trained to resolve disputes among pupils",
          "2019-04-29", "29 April 2019", "TETOVO", "OSCE Mission to Skopje", ("Education", "Youth"),
          ("TETOVO, 29 April 2019 – Twenty-two school mediators completed a week-long course on resolving disputes "
           "among pupils of different communities, organized by the OSCE Mission to Skopje.",
           "The course is part of the Mission's support to integrated education.")),
    Story("665602", "cio", "Chairperson calls for restraint along the line of contact",
          "2019-04-24", "24 April 2019", "BRATISLAVA", "OSCE Chairmanship", ("Conflict prevention and resolution",),
          ("BRATISLAVA, 24 April 2019 – The OSCE Chairperson-in-Office called on all sides to show restraint and "
           "to respect the ceasefire they had recommitted to in March.",
           "He said that dialogue remained the only way to a lasting settlement."),
          "Press statement"),
)
ODIHR, SKOPJE, CIO = STORIES


# --- Drupal 11 listings ------------------------------------------------------------------------------------------

def make_d11_page(content: str, title: str, head: str = "") -> str:
    """A Drupal 11 page (html.html.twig, page.html.twig): banner, main menu, breadcrumb, content, footer."""
    menu = "".join(f'<li class="menu-item"><a href="/{name.lower().replace(" ", "-")}">{name}</a></li>'
                   for name in ("Fields of work", "Where we are", "Newsroom", "Publications"))
    return (
        f'<!DOCTYPE html><html lang="en" dir="ltr"><head><meta charset="utf-8" />{head}'
        f"<title>{escape(title)} | OSCE</title></head>"
        '<body><a href="#main-content" class="visually-hidden focusable skip-link">Skip to main content</a>'
        '<div class="page-wrapper"><header role="banner" class="site-header"><div class="site-branding">'
        '<a href="/" rel="home">OSCE</a></div></header>'
        f'<nav role="navigation" aria-labelledby="main-menu"><h2 id="main-menu">Main navigation</h2>'
        f'<ul class="menu">{menu}</ul></nav>'
        f'<main role="main"><a id="main-content" tabindex="-1"></a><div class="region region-content">{content}'
        "</div></main>"
        '<footer role="contentinfo"><p>© OSCE 2026</p><a href="/contacts">Contacts</a></footer></div></body></html>'
    )


def make_olivero_teaser(story: Story) -> str:
    """Olivero's own node teaser (node--teaser.html.twig): a titled header, the submitted line, the trimmed body."""
    return (
        f'<article data-history-node-id="{story.node}" class="node node--type-article node--promoted '
        'node--view-mode-teaser">'
        f'<header><h2 class="node__title"><a href="{story.path}" rel="bookmark"><span>{escape(story.title)}</span>'
        '</a></h2><div class="node__meta"><span>By <span>odihr_editor</span></span>, '
        f'<span><time datetime="{story.iso}T10:00:00Z">{_medium_date(story.iso)}</time></span></div></header>'
        '<div class="node__content"><div class="text-content clearfix field field--name-body '
        'field--type-text-with-summary field--label-hidden field__item">'
        f"<p>{escape(story.paragraphs[0][:140])}…</p></div>"
        '<ul class="links inline"><li class="node-readmore"><a href="' + story.path + '" rel="tag" '
        f'title="{escape(story.title)}">Read more<span class="visually-hidden"> about {escape(story.title)}</span>'
        "</a></li></ul></div></article>"
    )


def _medium_date(iso: str) -> str:
    """Drupal's "medium" date format, month first.

    >>> _medium_date("2019-05-03")
    'Fri, 05/03/2019 - 12:00'
    """
    return dt.date.fromisoformat(iso).strftime("%a, %m/%d/%Y - 12:00")


def make_exposed_filters() -> str:
    """A view's exposed filter form: bare form labels that name listing fields but label nothing shown."""
    return (
        '<form class="views-exposed-form" action="/newsroom" method="get"><div class="form--inline clearfix">'
        '<div class="js-form-item form-item"><label for="edit-type">Content type</label>'
        '<select id="edit-type" name="type"><option value="All">- Any -</option>'
        '<option value="press_release">Press release</option></select></div>'
        '<div class="js-form-item form-item"><label for="edit-where">Where we are</label>'
        '<input type="text" id="edit-where" name="where" /></div>'
        '<div class="form-actions"><input type="submit" value="Apply" class="button" /></div></div></form>'
    )


def make_view(rows: Sequence[str], pager: str, header: str = "") -> str:
    """views-view.html.twig around views-view-unformatted rows, with a pager."""
    inner = "".join(f'<div class="views-row">{row}</div>' for row in rows)
    return (
        f'<h1 class="title page-title">Newsroom</h1><div class="views-element-container">'
        f'<div class="view view-newsroom view-id-newsroom view-display-id-page_1">{header}'
        f'<div class="view-filters">{make_exposed_filters()}</div>'
        f'<div class="view-content">{inner}</div>{pager}</div></div>'
    )


def make_mini_pager(page: int) -> str:
    """Core's mini pager (views-mini-pager.html.twig): previous, "Page N", next; no page numbers to jump to."""
    previous = (
        f'<li class="pager__item pager__item--previous"><a href="?page={page - 1}" title="Go to previous page" '
        'rel="prev"><span class="visually-hidden">Previous page</span><span aria-hidden="true">‹‹</span></a></li>'
        if page else ""
    )
    return (
        '<nav class="pager" role="navigation" aria-labelledby="pagination-heading">'
        '<h4 id="pagination-heading" class="visually-hidden">Pagination</h4><ul class="pager__items js-pager__items">'
        f'{previous}<li class="pager__item is-active">Page {page + 1}</li>'
        f'<li class="pager__item pager__item--next"><a href="?page={page + 1}" title="Go to next page" rel="next">'
        '<span class="visually-hidden">Next page</span><span aria-hidden="true">››</span></a></li></ul></nav>'
    )


def make_load_more_pager(page: int, rel: bool = True) -> str:
    """views_infinite_scroll's pager: one "Load more" button, a link to the next page."""
    rel_attribute = ' rel="next"' if rel else ""
    return (
        '<ul class="js-pager__items pager" data-drupal-views-infinite-scroll-pager="">'
        f'<li class="pager__item"><a class="button" href="?page={page + 1}" title="Load more items"'
        f"{rel_attribute}>Load more</a></li></ul>"
    )


def read_d11_listing(content: str, page: int = 1) -> ListingPage:
    return read_listing(make_d11_page(content, "Newsroom"), f"{SITE}/newsroom?page={page}")


def test_olivero_teasers_are_items_with_their_machine_dates_and_leads():
    listing = read_d11_listing(make_view([make_olivero_teaser(s) for s in STORIES], make_mini_pager(1)))
    assert [(i.node_id, i.title) for i in listing.items] == [(s.node, s.title) for s in STORIES]
    for item, story in zip(listing.items, STORIES, strict=True):
        # "Fri, 05/03/2019 - 12:00" names no month: the <time> says which day it is.
        assert item.publishing_date is not None and item.publishing_date.startswith(story.iso)
        assert item.lead is not None and item.lead.startswith(story.paragraphs[0][:40])
        assert "odihr_editor" not in item.lead and "Read more" not in item.lead
    assert listing.next_page == 2


def test_exposed_filter_labels_are_not_item_values():
    listing = read_d11_listing(make_view([make_olivero_teaser(s) for s in STORIES], make_mini_pager(1)))
    assert all(item.content_type is None and item.where_we_are == [] for item in listing.items)


@pytest.mark.parametrize("rel", [True, False], ids=["rel-next", "text-only"])
def test_a_load_more_button_is_the_next_page(rel):
    listing = read_d11_listing(make_view([make_olivero_teaser(s) for s in STORIES], make_load_more_pager(1, rel)))
    assert listing.next_page == 2
    assert len(listing.items) == 3


def test_the_mini_pager_on_the_last_page_names_no_next_page():
    pager = make_mini_pager(4).split('<li class="pager__item pager__item--next">')[0] + "</ul></nav>"
    listing = read_d11_listing(make_view([make_olivero_teaser(ODIHR)], pager), page=4)
    assert (listing.next_page, [item.node_id for item in listing.items]) == (None, [ODIHR.node])


def make_views_table(stories: Sequence[Story], type_links: bool) -> str:
    """views-view-table.html.twig: a header row of column names, a row per release."""
    def kind(story: Story) -> str:
        return f'<a href="/taxonomy/term/{40 + len(story.content_type)}" hreflang="en">{story.content_type}</a>' \
            if type_links else story.content_type

    rows = "".join(
        f'<tr><td headers="view-title-table-column" class="views-field views-field-title">'
        f'<a href="{s.path}" hreflang="en">{escape(s.title)}</a></td>'
        f'<td headers="view-created-table-column" class="views-field views-field-created">'
        f'<time datetime="{s.iso}T12:00:00Z">{s.printed}</time></td>'
        f'<td headers="view-type-table-column" class="views-field views-field-type">{kind(s)}</td></tr>'
        for s in stories
    )
    return (
        '<table class="views-table views-view-table cols-3"><thead><tr>'
        '<th id="view-title-table-column" class="views-field views-field-title" scope="col">Title</th>'
        '<th id="view-created-table-column" class="views-field views-field-created" scope="col">Date</th>'
        '<th id="view-type-table-column" class="views-field views-field-type" scope="col">Type</th>'
        f"</tr></thead><tbody>{rows}</tbody></table>"
    )


@pytest.mark.parametrize("type_links", [False, True], ids=["type-as-text", "type-as-term-link"])
def test_a_views_table_gives_one_item_a_row_with_its_date_and_type(type_links):
    footer = '<div class="view-footer"><p>Receive our press releases by e-mail: <a href="/subscribe">subscribe</a>.</p>'
    listing = read_d11_listing(make_view([make_views_table(STORIES, type_links)], make_mini_pager(1) + footer))
    assert [(i.node_id, i.title, i.publishing_date, i.content_type) for i in listing.items] == [
        (s.node, s.title, s.printed, s.content_type) for s in STORIES]
    # A row holds no teaser: the view's footer after the table is no release's lead.
    assert [item.lead for item in listing.items] == [None, None, None]
    assert listing.next_page == 2


OSCE_LISTING_LABELS = ("Published", "Content type", "Where we are", "What we do")


def make_views_html_list(stories: Sequence[Story], colon: bool, labels: Sequence[str] = OSCE_LISTING_LABELS) -> str:
    """views-view-list.html.twig with fields (views-view-fields.html.twig): labels in ``views-label`` spans, the
    date's, the content type's, the source's and the fields of work's ``labels`` as given."""
    published, kind, where, what = labels

    def field(name: str, label: str, value: str) -> str:
        printed = f"{label}: " if colon else label
        return (f'<div class="views-field views-field-{name}"><span class="views-label views-label-{name}">'
                f'{printed}</span><span class="field-content">{value}</span></div>')

    items = "".join(
        f'<li><div class="views-field views-field-title"><span class="field-content"><a href="{s.path}" '
        f'hreflang="en">{escape(s.title)}</a></span></div>'
        + field("created", published, f'<time datetime="{s.iso}T12:00:00Z">{s.printed}</time>')
        + field("field-content-type", kind, s.content_type)
        + field("field-where", where, f'<a href="/taxonomy/term/{s.node[-3:]}">{escape(s.source)}</a>')
        + field("field-what", what, ", ".join(
            f'<a href="/taxonomy/term/{5100 + k}">{escape(f)}</a>' for k, f in enumerate(s.fields)))
        + f'<div class="views-field views-field-body"><div class="field-content"><p>{escape(s.paragraphs[0])}</p>'
        "</div></div></li>"
        for s in stories
    )
    return f'<div class="item-list"><ul>{items}</ul></div>'


@pytest.mark.parametrize("labels", [OSCE_LISTING_LABELS, ("Date", "Type", "Organization", "Topics")],
                         ids=["osce-labels", "renamed-labels"])
@pytest.mark.parametrize("colon", [True, False], ids=["label-with-colon", "bare-label"])
def test_a_views_html_list_gives_items_with_their_labelled_fields(colon, labels):
    listing = read_d11_listing(make_view([make_views_html_list(STORIES, colon, labels)], make_load_more_pager(1)))
    assert [i.node_id for i in listing.items] == [s.node for s in STORIES]
    for item, story in zip(listing.items, STORIES, strict=True):
        assert (item.title, item.publishing_date, item.content_type) == (story.title, story.printed,
                                                                          story.content_type)
        assert (item.where_we_are, item.what_we_do) == ([story.source], list(story.fields))
        assert item.lead == story.paragraphs[0]
    assert listing.next_page == 2


def make_views_grid(stories: Sequence[Story], columns: int = 2) -> str:
    """views-view-grid.html.twig (horizontal): rows of columns, each column one release's fields."""
    def cell(story: Story, column: int) -> str:
        return (
            f'<div class="views-col col-{column}" style="width: {100 / columns:.1f}%;">'
            f'<div class="views-field views-field-field-image"><div class="field-content"><a href="{story.path}">'
            f'<img src="/sites/default/files/styles/thumb/public/{story.node}.jpg" alt="" /></a></div></div>'
            f'<div class="views-field views-field-title"><span class="field-content"><a href="{story.path}" '
            f'hreflang="en">{escape(story.title)}</a></span></div>'
            f'<div class="views-field views-field-created"><span class="field-content"><time '
            f'datetime="{story.iso}T12:00:00Z">{story.printed}</time></span></div>'
            f'<div class="views-field views-field-body"><div class="field-content">{escape(story.paragraphs[0])}'
            "</div></div></div>"
        )

    rows = [stories[k:k + columns] for k in range(0, len(stories), columns)]
    return '<div class="views-view-grid horizontal cols-2 clearfix">' + "".join(
        f'<div class="views-row clearfix row-{r + 1}">' + "".join(cell(s, c + 1) for c, s in enumerate(row))
        + "</div>" for r, row in enumerate(rows)) + "</div>"


def test_a_views_grid_gives_one_item_a_column():
    listing = read_d11_listing(make_view([make_views_grid(STORIES)], make_mini_pager(1)))
    assert [(i.node_id, i.title, i.publishing_date, i.lead) for i in listing.items] == [
        (s.node, s.title, s.printed, s.paragraphs[0]) for s in STORIES]
    assert listing.next_page == 2


# --- Drupal 11 release pages -------------------------------------------------------------------------------------

def make_field(name: str, label: str, values: Sequence[str], label_tag: str = "div") -> str:
    """field.html.twig with its label above: the label in ``label_tag`` (some themes print a heading), no colon."""
    items = "".join(f'<div class="field__item">{value}</div>' for value in values)
    return (f'<div class="field field--name-field-{name} field--type-entity-reference field--label-above">'
            f'<{label_tag} class="field__label">{label}</{label_tag}><div class="field__items">{items}</div></div>')


def terms(values: Sequence[str], first: int = 5100) -> list[str]:
    return [f'<a href="/taxonomy/term/{first + k}" hreflang="en">{escape(v)}</a>' for k, v in enumerate(values)]


def make_body(story: Story) -> str:
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in story.paragraphs)
    return (f'<div class="clearfix text-formatted field field--name-body field--type-text-with-summary '
            f'field--label-hidden field__item">{paragraphs}</div>')


def make_sidebar() -> str:
    """A sidebar block after the article: headings that read like labels, over lists of links."""
    return (
        '<div class="region region-sidebar"><div class="block block-menu"><h2>Fields of work</h2><ul class="menu">'
        '<li><a href="/arms-control">Arms control</a></li><li><a href="/policing">Policing</a></li></ul></div>'
        '<div class="block"><h2>Source</h2><p>Press releases are issued by the OSCE structure named on each.</p>'
        "</div></div>"
    )


def make_related(story: Story) -> str:
    """A "Related content" block of teasers of another release, each with its own labelled fields."""
    return (
        '<div class="block block-views"><h2>Related content</h2><div class="view-content"><div class="views-row">'
        f"{make_olivero_teaser(story)}{make_field('place', 'Place', [story.place])}"
        f"{make_field('source', 'Source', terms([story.source], 4900))}</div></div></div>"
    )


def make_d11_release(story: Story, fields: str, *, before: str = "", after: str = "", h1: bool = True,
                     head: str | None = None) -> str:
    """A full node (node.html.twig) under the page title block; ``before``/``after`` the fields, in the article."""
    title = escape(story.title)
    heading = (f'<h1 class="title page-title"><span class="field field--name-title">{title}</span></h1>'
               if h1 else "")
    og = f'<meta property="og:title" content="{title}" />' if head is None else head
    content = (
        f'<div class="block block-page-title-block">{heading}</div>'
        f'<article data-history-node-id="{story.node}" class="node node--type-press-release node--view-mode-full">'
        f'<div class="node__content">{before}{fields}{make_body(story)}{after}</div></article>'
        f"{make_related(SKOPJE if story is not SKOPJE else CIO)}{make_sidebar()}"
    )
    return make_d11_page(content, story.title, og)


def read_story(html: str, story: Story) -> ReleasePage:
    return read_release(html, f"{SITE}{story.path}")


def assert_reads_story(page: ReleasePage, story: Story, date: str | None = None) -> None:
    """The page's title, place, source, fields of work and body are the story's, and no label leaks into the body."""
    assert page.title == story.title
    assert page.place_raw == [story.place]
    assert page.source == [story.source]
    assert page.fields_of_work == list(story.fields)
    assert page.paragraphs == list(story.paragraphs)
    # A related release's card carries a <time> of its own: it is not this page's date.
    assert page.meta_date is None or page.meta_date.startswith(story.iso)
    if date is not None:
        assert page.date_raw == date


def standard_fields(story: Story, label_tag: str) -> str:
    return (make_field("place", "Place", [story.place], label_tag)
            + make_field("source", "Source", terms([story.source], 4900), label_tag)
            + make_field("fields-of-work", "Fields of work", terms(story.fields), label_tag))


@pytest.mark.parametrize("colon", ["", ":"])
def test_fields_a_redesign_renames_are_read_by_their_new_labels(colon):
    """The words a theme would print for the same fields: Type, Published, Location, Published by, Topics."""
    fields = (make_field("type", f"Type{colon}", [ODIHR.content_type])
              + make_field("published", f"Published{colon}", [f'<time datetime="{ODIHR.iso}T09:00:00Z">'
                                                              f"{ODIHR.printed}</time>"])
              + make_field("location", f"Location{colon}", [ODIHR.place])
              + make_field("organization", f"Published by{colon}", terms([ODIHR.source], 4900))
              + make_field("topics", f"Topics{colon}", terms(ODIHR.fields)))
    page = read_story(make_d11_release(ODIHR, fields), ODIHR)
    assert_reads_story(page, ODIHR, date=ODIHR.printed)
    assert page.content_type == ODIHR.content_type


@pytest.mark.parametrize("label_tag", ["h2", "h3", "div"])
def test_fields_whose_label_above_is_a_heading_are_read(label_tag):
    date = make_field("date", "Date", [f'<time datetime="{ODIHR.iso}T12:00:00Z">{_medium_date(ODIHR.iso)}</time>'],
                      label_tag)
    page = read_story(make_d11_release(ODIHR, date + standard_fields(ODIHR, label_tag)), ODIHR)
    assert_reads_story(page, ODIHR)
    assert page.date_raw is not None and page.date_raw.startswith(ODIHR.iso)
    assert page.label_style == "bare labels"


def test_a_heading_label_in_a_field_labelled_above_needs_no_class():
    fields = standard_fields(ODIHR, "h3").replace(' class="field__label"', "")
    assert_reads_story(read_story(make_d11_release(ODIHR, fields), ODIHR), ODIHR)


def test_sidebar_headings_that_read_like_labels_are_not_labels():
    page = read_story(make_d11_release(ODIHR, ""), ODIHR)
    assert (page.place_raw, page.source, page.fields_of_work) == ([], [], [])
    assert page.paragraphs == list(ODIHR.paragraphs)
    assert page.label_style == "no labels"


def test_a_bold_label_inside_its_value_element_is_read():
    fields = (f'<div class="field field--name-field-place"><strong>Place</strong> {SKOPJE.place}</div>'
              f'<div class="field field--name-field-source"><div class="field__item"><strong>Source</strong> '
              f'<a href="/mission-to-skopje">{SKOPJE.source}</a></div></div>'
              f'<div class="field field--name-field-fow"><b>Fields of work:</b> '
              f'{", ".join(terms(SKOPJE.fields))}</div>')
    assert_reads_story(read_story(make_d11_release(SKOPJE, fields), SKOPJE), SKOPJE)


def test_fields_as_a_definition_list_are_read():
    fields = (f'<dl class="field field--name-field-place"><dt class="field__label">Place</dt>'
              f'<dd class="field__item">{SKOPJE.place}</dd></dl>'
              f'<dl class="field field--name-field-source"><dt class="field__label">Source</dt>'
              f'<dd class="field__item">{terms([SKOPJE.source], 4900)[0]}</dd></dl>'
              '<dl class="field field--name-field-fields-of-work"><dt class="field__label">Fields of work</dt>'
              + "".join(f'<dd class="field__item">{t}</dd>' for t in terms(SKOPJE.fields)) + "</dl>")
    assert_reads_story(read_story(make_d11_release(SKOPJE, fields), SKOPJE), SKOPJE)


#: A release of the OSCE's early years carries a dozen fields of work or more.
MANY_FIELDS = ("Arms control", "Border management", "Conflict prevention and resolution", "Democratization",
               "Economic activities", "Education", "Elections", "Environmental activities", "Gender equality",
               "Good governance", "Human rights", "Media freedom and development", "Policing", "Rule of law")


@pytest.mark.parametrize("printed", ["commas", "links"])
def test_a_long_list_of_values_in_one_element_is_read_as_values(printed):
    story = replace(SKOPJE, fields=MANY_FIELDS)
    values = ", ".join(MANY_FIELDS) if printed == "commas" else "".join(terms(MANY_FIELDS))
    fields = (f'<dl class="field field--name-field-place"><dt class="field__label">Place</dt>'
              f'<dd class="field__item">{story.place}</dd></dl>'
              f'<dl class="field field--name-field-source"><dt class="field__label">Source</dt>'
              f'<dd class="field__item">{terms([story.source], 4900)[0]}</dd></dl>'
              '<dl class="field field--name-field-fields-of-work"><dt class="field__label">Fields of work</dt>'
              f'<dd class="field__item">{values}</dd></dl>')
    assert_reads_story(read_story(make_d11_release(story, fields), story), story)

@pytest.mark.parametrize("gap", ["", " "], ids=["touching", "spaced"])
def test_facts_as_icons_with_labels_for_screen_readers_are_read(gap):
    def fact(label: str, values: Sequence[str]) -> str:
        return (f'<li><svg aria-hidden="true" viewBox="0 0 8 8"><path d="M0 0"/></svg>{gap}'
                f'<span class="visually-hidden">{label}</span>{gap}{", ".join(values)}</li>')
    facts = (f'<ul class="facts">{fact("Place", [ODIHR.place])}{fact("Source", terms([ODIHR.source], 4900))}'
             f'{fact("Fields of work", terms(ODIHR.fields))}</ul>')
    assert_reads_story(read_story(make_d11_release(ODIHR, facts), ODIHR), ODIHR)

def make_submitted(story: Story, printed: str, olivero: bool = False) -> str:
    """The node's submitted line (node.html.twig's ``display_submitted``): author and created date; Olivero
    prints "By author, date"."""
    time = f'<time datetime="{story.iso}T10:00:00Z">{printed}</time>'
    if olivero:
        return f'<div class="node__meta"><span>By <span>odihr_editor</span></span>, <span>{time}</span></div>'
    return (f'<div class="node__meta"><div class="node__submitted">Submitted by <span class="field--name-uid">'
            f'<span>odihr_editor</span></span> on <span class="field--name-created">{time}</span></div></div>')


@pytest.mark.parametrize("olivero", [False, True], ids=["submitted-by", "olivero-by"])
@pytest.mark.parametrize("where", ["before", "after"])
def test_the_date_of_a_submitted_line_is_the_pages_and_the_line_is_not_body(olivero, where):
    byline = make_submitted(ODIHR, ODIHR.printed, olivero)
    page = read_story(make_d11_release(ODIHR, standard_fields(ODIHR, "div"), **{where: byline}), ODIHR)
    assert_reads_story(page, ODIHR, date=ODIHR.printed)

@pytest.mark.parametrize(("byline", "content_type"), [
    ("Published {printed} | Updated 6 May 2019", None),
    ("Last updated 6 May 2019 – first published {printed}", None),
    ("{printed} · Press release · Warsaw", "Press release"),
])
def test_a_byline_printed_without_a_time_element_dates_the_page_and_is_not_body(byline, content_type):
    line = f'<div class="node__meta">{byline.format(printed=ODIHR.printed)}</div>'
    page = read_story(make_d11_release(ODIHR, standard_fields(ODIHR, "div"), before=line), ODIHR)
    assert_reads_story(page, ODIHR, date=ODIHR.printed)
    assert page.content_type == content_type


def test_a_line_that_says_more_than_a_byline_is_body():
    story = replace(ODIHR, paragraphs=("Published 3 May 2019 by the Office, the report covers the campaign.",
                                       *ODIHR.paragraphs))
    assert_reads_story(read_story(make_d11_release(story, standard_fields(story, "div")), story), story)

def test_a_caption_ending_in_the_photos_credit_is_not_body():
    caption = ('<div class="paragraph paragraph--type--image"><img src="/files/p1.jpg" alt="">'
               '<div class="field field--name-field-caption">Observers at a polling station in Podgorica. '
               "(OSCE/Ana Petrović)</div></div>")
    page = read_story(make_d11_release(ODIHR, standard_fields(ODIHR, "div"), before=caption), ODIHR)
    assert_reads_story(page, ODIHR)


def test_a_pull_quote_repeating_the_text_is_not_body_and_a_quotation_of_its_own_is():
    def with_quote(quote: str) -> str:
        html = make_d11_release(ODIHR, standard_fields(ODIHR, "div"))
        first = f"<p>{escape(ODIHR.paragraphs[0])}</p>"
        return html.replace(first, f'{first}<blockquote class="pull-quote"><p>{quote}</p></blockquote>')

    assert_reads_story(read_story(with_quote(f"“{ODIHR.paragraphs[1].rstrip('.')}”"), ODIHR), ODIHR)
    own = "“Every vote must be counted as it was cast, in every polling station.”"
    assert read_story(with_quote(own), ODIHR).paragraphs == [ODIHR.paragraphs[0], own, *ODIHR.paragraphs[1:]]


def test_a_submitted_line_in_drupals_medium_format_gives_the_machine_date():
    page = read_story(make_d11_release(ODIHR, standard_fields(ODIHR, "div"),
                                       before=make_submitted(ODIHR, _medium_date(ODIHR.iso))), ODIHR)
    assert_reads_story(page, ODIHR)
    assert page.date_raw is not None and page.date_raw.startswith(ODIHR.iso)


def test_a_summary_field_before_the_body_is_the_first_paragraph():
    summary = ("<div class=\"field field--name-field-summary field--type-string-long field--label-hidden "
               "field__item\">Montenegro's authorities invited ODIHR to observe the elections.</div>")
    page = read_story(make_d11_release(ODIHR, standard_fields(ODIHR, "div") + summary), ODIHR)
    assert page.paragraphs == ["Montenegro's authorities invited ODIHR to observe the elections.",
                               *ODIHR.paragraphs]
    assert (page.place_raw, page.source) == ([ODIHR.place], [ODIHR.source])


def make_hero(story: Story) -> str:
    return ('<div class="field field--name-field-hero-image field--label-hidden field__item"><figure>'
            f'<img src="/sites/default/files/2019-05/hero-{story.node}.jpg" alt="" />'
            "<figcaption>Members of the needs assessment mission meet the State Election Commission in Podgorica, "
            "3 May 2019. (OSCE/Jana Novak)</figcaption></figure></div>")


def make_language_switcher(story: Story) -> str:
    return ('<div class="language-switcher-language-url block block-language"><ul class="links">'
            f'<li hreflang="en" class="is-active"><a href="{story.path}" hreflang="en">English</a></li>'
            f'<li hreflang="ru"><a href="/ru{story.path}" hreflang="ru">Русский</a></li>'
            f'<li hreflang="me"><a href="/me{story.path}" hreflang="me">Crnogorski</a></li></ul></div>')


def make_share() -> str:
    return ('<div class="block block-share"><h2>Share</h2><ul class="social">'
            '<li><a href="https://www.facebook.com/sharer.php?u=x">Facebook</a></li>'
            '<li><a href="https://twitter.com/intent/tweet?url=x">X</a></li>'
            '<li><a href="mailto:?subject=x">E-mail</a></li></ul></div>')


@pytest.mark.parametrize("where", ["before", "after"])
def test_hero_caption_language_switcher_and_share_block_in_the_article_are_not_body(where):
    furniture = make_hero(ODIHR) + make_language_switcher(ODIHR) + make_share()
    html = make_d11_release(ODIHR, standard_fields(ODIHR, "h3"), **{where: furniture})
    assert_reads_story(read_story(html, ODIHR), ODIHR)


@pytest.mark.parametrize("where", ["before", "after"])
def test_a_share_bar_of_buttons_and_a_mail_link_on_one_line_is_not_body(where):
    bar = ('<div class="share-bar"><span>Share</span><button type="button"><svg viewBox="0 0 8 8"><path d="M0 0"/>'
           '</svg>Facebook</button><button type="button">X</button>'
           '<a href="mailto:?subject=Observers">E-mail</a></div>')
    html = make_d11_release(ODIHR, standard_fields(ODIHR, "div"), **{where: bar})
    assert_reads_story(read_story(html, ODIHR), ODIHR)

@pytest.mark.parametrize("printed", ["{place}, {date}", "{date} | {place}"])
def test_a_place_and_date_printed_under_the_title_is_the_pages_date_and_not_body(printed):
    # A print view: the date of publication, a day before the dateline's, under the title.
    line = printed.format(place="Warsaw", date="2 May 2019")
    html = make_d11_release(ODIHR, standard_fields(ODIHR, "div"), before=f'<p class="date">{line}</p>')
    assert_reads_story(read_story(html, ODIHR), ODIHR, date="2 May 2019")

def test_a_banner_a_photo_credit_a_download_block_and_a_contacts_box_are_not_body():
    banner = (f'<section class="hero"><h1>{escape(ODIHR.title)}</h1><p>Photo: OSCE/Ana Kovač</p></section>')
    before = (f'<h2 class="visually-hidden">{escape(ODIHR.title)}</h2>'
              '<figure><img src="/sites/default/files/a.jpg" alt=""></figure><p>(Photo credit: OSCE/Ana Kovač)</p>')
    after = ('<div class="downloads"><h3>Download PDF</h3><a href="/files/f/documents/1/2/665644.pdf">English</a></div>'
             '<div class="contacts"><h3>Contacts</h3><p>Ana Kovač, Press and Public Information Officer, ODIHR</p>'
             "<p>Phone: +48 22 520 06 00</p></div>")
    html = make_d11_release(ODIHR, standard_fields(ODIHR, "div"), before=before, after=after, h1=False).replace(
        '<main role="main">', f'<main role="main">{banner}')
    assert_reads_story(read_story(html, ODIHR), ODIHR)

@pytest.mark.parametrize("name", [
    '<a href="/" rel="home">Organization for Security and Co-operation in Europe</a>',
    "Organization for Security and Co-operation in Europe",
], ids=["name-links-home", "name-as-text"])
def test_a_page_whose_h1_is_the_sites_name_takes_its_title_from_the_h2(name):
    branding = f'<div class="site-name"><h1>{name}</h1></div>'
    title = f'<h2 class="node__title"><span>{escape(CIO.title)}</span></h2>'
    html = make_d11_release(CIO, standard_fields(CIO, "div"), before=title, h1=False, head="")
    html = html.replace('<main role="main">', f'<main role="main">{branding}')
    page = read_story(html, CIO)
    assert_reads_story(page, CIO)
    assert page.content_type is None  # the page prints none


def test_an_h1_linking_home_is_never_the_title_even_without_metadata():
    html = make_d11_release(CIO, standard_fields(CIO, "div"), h1=False, head="").replace(
        f"<title>{escape(CIO.title)} | OSCE</title>", "").replace(
        '<main role="main">', '<main role="main"><h1><a href="https://www.osce.org/" rel="home">OSCE Newsroom</a></h1>')
    page = read_story(html, CIO)
    assert page.title != "OSCE Newsroom"
    assert (page.place_raw, page.paragraphs) == ([CIO.place], list(CIO.paragraphs))


def test_the_sites_name_before_the_title_in_the_pages_title_is_left_out():
    html = make_d11_release(CIO, standard_fields(CIO, "div"), h1=False, head="").replace(
        f"<title>{escape(CIO.title)} | OSCE</title>", f"<title>OSCE | {escape(CIO.title)}</title>").replace(
        '<div class="node__content">', f'<div class="node__content"><h2>{escape(CIO.title)}</h2>').replace(
        '<main role="main">', '<main role="main"><h1>Newsroom</h1>')
    assert read_story(html, CIO).title == CIO.title


def test_the_date_of_a_latest_news_list_before_an_undated_article_is_not_the_pages():
    latest = ('<div class="region region-sidebar-first"><h2>In the news</h2><ul>'
              f'<li><a href="{SKOPJE.path}">{escape(SKOPJE.title)}</a> '
              f'<time datetime="{SKOPJE.iso}T09:00:00Z">{SKOPJE.printed}</time></li></ul></div>')
    title_block = '<div class="block block-page-title-block">'
    html = make_d11_release(CIO, standard_fields(CIO, "div")).replace(title_block, latest + title_block)
    page = read_story(html, CIO)
    assert page.meta_date is None and page.date_raw is None

def test_labels_of_fields_the_project_does_not_read_are_not_body():
    tags = make_field("tags", "Tags", terms(["Montenegro", "Parliamentary elections"], 7000))
    countries = make_field("countries", "Related countries", ["Montenegro"], "h3")
    page = read_story(make_d11_release(ODIHR, tags + standard_fields(ODIHR, "div") + countries), ODIHR)
    assert_reads_story(page, ODIHR)


def test_related_teasers_after_the_article_do_not_leak():
    page = read_story(make_d11_release(ODIHR, standard_fields(ODIHR, "h2")), ODIHR)
    assert SKOPJE.place not in page.place_raw and SKOPJE.source not in page.source
    assert not any(SKOPJE.title in p or SKOPJE.paragraphs[0][:40] in p for p in page.paragraphs)


def test_teasers_of_other_releases_under_a_heading_of_their_own_do_not_leak():
    teasers = "".join(f'<div class="views-row">{make_olivero_teaser(s)}</div>' for s in (SKOPJE, CIO, SKOPJE, CIO))
    html = make_d11_release(ODIHR, standard_fields(ODIHR, "div")).replace(
        "<h2>Related content</h2>", f"<h2>More from the Office</h2>{teasers}")
    page = read_story(html, ODIHR)
    assert_reads_story(page, ODIHR)
    assert page.meta_date is None



def test_a_one_paragraph_statement_leaves_what_follows_its_article_out():
    # Under a heading the project does not know, leads of other releases printed as plain paragraphs.
    statement = replace(CIO, paragraphs=CIO.paragraphs[:1])
    others = "".join(f"<div class='views-row'><p>{escape(s.paragraphs[0])}</p></div>" for s in (ODIHR, SKOPJE))
    html = make_d11_release(statement, standard_fields(statement, "div")).replace(
        "<h2>Related content</h2>", f"<h2>More from the Chairmanship</h2>{others}")
    assert_reads_story(read_story(html, statement), statement)

# --- The old Drupal 6 site ---------------------------------------------------------------------------------------

D6_URL = "https://www.osce.org/secretariat/376582"


def make_d6_frame(content: str, title: str) -> str:
    """Drupal 6's page.tpl.php on osce.org: no HTML5 landmarks, so the long menu and the footer are visible text."""
    menu = "".join(f'<li class="leaf"><a href="/{f.lower().replace(" ", "-")}">{f}</a></li>'
                   for f in ("Arms control", "Border management", "Combating trafficking in human beings", "Policing"))
    return (
        f'<html><head><title>{escape(title)} | OSCE</title></head><body class="not-front page-node">'
        '<div id="page"><div id="header"><a href="/" id="logo" title="Home"><img src="/logo.png" alt="OSCE" /></a>'
        '</div><div id="navigation"><div class="block block-menu"><h2>Fields of work</h2><div class="content">'
        f'<ul class="menu">{menu}</ul></div></div></div><div id="main">{content}</div>'
        '<div id="footer"><div class="block block-menu"><h2>Fields of work</h2><ul class="menu">'
        f"{menu}</ul></div><p>© OSCE 2019</p></div></div></body></html>"
    )


def make_d6_field(name: str, label: str, values: Sequence[str]) -> str:
    """A CCK field (content-field.tpl.php): ``field-label`` with its colon and a no-break space, ``field-items``."""
    items = "".join(f'<div class="field-item {("odd", "even")[k % 2]}">{v}</div>' for k, v in enumerate(values))
    return (f'<div class="field field-type-text field-field-{name}"><div class="field-label">{label}:&nbsp;</div>'
            f'<div class="field-items">{items}</div></div>')


def make_d6_inline_field(name: str, label: str, values: Sequence[str], every_item: bool = True) -> str:
    """A CCK field whose label is displayed inline: printed inside each item (``field-label-inline-first`` in the
    first, ``field-label-inline`` in the others, which the theme's CSS hides), or inside the first item alone."""
    items = "".join(
        f'<div class="field-item {("odd", "even")[k % 2]}">'
        + (f'<div class="field-label-inline{"" if k else "-first"}">{label}:&nbsp;</div>' if every_item or not k
           else "")
        + f"{value}</div>" for k, value in enumerate(values))
    return f'<div class="field field-type-text field-field-{name}"><div class="field-items">{items}</div></div>'


def make_d6_release(story: Story, date_visible: bool) -> str:
    """A Panels node page: type and title in ``content--header``, CCK fields, the body in a pane, downloads."""
    date = (f'<span class="date-display-single">{story.printed}</span>' if date_visible
            else '<span class="date-display-single"></span>')
    fields = (make_d6_field("date", "Date", [date]) + make_d6_field("place", "Place", [story.place])
              + make_d6_field("item-source", "Source", [f'<a href="/secretariat">{story.source}</a>'])
              + make_d6_field("fields-of-work", "Fields of work", [f'<a href="/x{k}">{f}</a>'
                                                                   for k, f in enumerate(story.fields)]))
    body = "".join(f"<p>{escape(p)}</p>" for p in story.paragraphs)
    content = (
        f'<div class="content--header"><div class="content--type">{story.content_type}</div>'
        f"<h1>{escape(story.title)}</h1></div>"
        f'<div class="content--meta">{fields}</div>'
        '<div class="content--content"><div class="panel-region"><div class="panel-pane pane-node-body">'
        '<div class="pane-content"><div class="imagecache imagecache-10_large_gallery"><img '
        'src="/files/imagecache/10_large_gallery/f/images/hires/4/a/376590.jpg?1522316" alt="" /></div>'
        f'<div class="image-caption">Participants of the meeting in {story.place.title()}. (OSCE/Micky Kroell) '
        f"Photo details</div>{body}</div></div></div></div>"
        '<div class="panel-pane pane-downloads"><h2 class="pane-title">Downloads</h2><div class="pane-content">'
        '<ul class="osce-download-links"><li><a href="/files/f/documents/4/a/376582.pdf">English</a></li>'
        '<li><a href="/files/f/documents/4/a/376582_0.pdf">Русский</a></li></ul></div></div>'
        '<div class="panel-pane pane-related"><h2 class="pane-title">Related content</h2><div class="pane-content">'
        '<div class="field-item"><a href="/mission-to-skopje/665631">Another release</a></div>'
        "<p>Place: TETOVO</p></div></div>"
    )
    return make_d6_frame(content, story.title)


D6_STORY = Story("376582", "secretariat", "Secretary General meets ministers on anti-trafficking co-operation",
                 "2018-03-29", "29 March 2018", "TASHKENT", "OSCE Secretariat",
                 ("Combating trafficking in human beings", "Migration"),
                 ("TASHKENT, 29 March 2018 – The OSCE Secretary General met the ministers responsible for labour "
                  "migration to discuss joint work against trafficking in human beings.",
                  "The meeting followed a regional conference held in the city the day before."))


def test_the_old_sites_date_printed_under_its_title_is_the_pages():
    html = make_d6_release(D6_STORY, date_visible=False).replace(
        "</h1></div>", f'</h1><span class="date-display-single">{D6_STORY.printed}</span></div>')
    assert_reads_story(read_release(html, D6_URL), D6_STORY, date=D6_STORY.printed)


def test_a_date_given_only_as_rdfa_is_the_pages_machine_date_and_a_linked_teasers_is_not():
    rdfa = (f'<span class="date-display-single" property="dc:date" datatype="xsd:dateTime" '
            f'content="{D6_STORY.iso}T00:00:00+02:00"></span>')
    teaser = ('<a href="/mission-to-skopje/665631">Another release <span property="dc:date" '
              'content="2018-03-01T00:00:00+01:00"></span></a>')
    html = make_d6_release(D6_STORY, date_visible=False)
    assert read_release(html.replace("Another release", teaser), D6_URL).meta_date is None
    page = read_release(html.replace('<span class="date-display-single"></span>', rdfa), D6_URL)
    assert page.meta_date == f"{D6_STORY.iso}T00:00:00+02:00"
    assert_reads_story(page, D6_STORY)

@pytest.mark.parametrize("every_item", [True, False], ids=["label-in-every-item", "label-in-the-first"])
def test_the_old_sites_inline_labels_keep_every_value(every_item):
    story, sources = D6_STORY, ["OSCE Secretariat", "OSCE Programme Office in Dushanbe"]
    fields = [f'<a href="/x{k}">{f}</a>' for k, f in enumerate(story.fields)]
    html = make_d6_release(story, date_visible=True).replace(
        make_d6_field("item-source", "Source", [f'<a href="/secretariat">{story.source}</a>']),
        make_d6_inline_field("item-source", "Source", [f'<a href="/s{k}">{s}</a>' for k, s in enumerate(sources)],
                             every_item),
    ).replace(make_d6_field("fields-of-work", "Fields of work", fields),
              make_d6_inline_field("fields-of-work", "Fields of work", fields, every_item))
    assert "field-label-inline-first" in html
    page = read_release(html, D6_URL)
    assert (page.source, page.fields_of_work) == (sources, list(story.fields))
    assert page.paragraphs == list(story.paragraphs)

@pytest.mark.parametrize("date_visible", [True, False], ids=["date-shown", "date-empty"])
def test_the_old_sites_release_page_is_read(date_visible):
    page = read_release(make_d6_release(D6_STORY, date_visible), D6_URL)
    assert_reads_story(page, D6_STORY, date=D6_STORY.printed if date_visible else None)
    assert page.content_type == "Press release"
    assert page.label_style == "labels with colons"


def make_d6_result(story: Story) -> str:
    """One apachesolr result (``.search-result-news``): title in ``dt.search-title > h3 > a``, labelled lines,
    the snippet."""
    fields = ", ".join(f'<a href="/what-we-do/{k}">{f}</a>' for k, f in enumerate(story.fields))
    return (
        f'<div class="search-result-news"><dl class="search-results"><dt class="search-title"><h3>'
        f'<a href="{story.path}">{escape(story.title)}</a></h3></dt><dd>'
        f'<div class="publishing-date">Publishing date: <span class="date-display-single">{story.printed}</span>'
        f'</div><div class="content-type">Content type: {story.content_type}</div>'
        f'<div class="where-we-are">Where we are: <a href="/where-we-are/{story.section}">{story.source}</a></div>'
        f'<div class="what-we-do">What we do: {fields}</div>'
        f'<p class="search-snippet">{escape(story.paragraphs[0][:150])} ...</p></dd></dl></div>'
    )


def make_d6_pager(page: int, last: int) -> str:
    """theme_pager: first, previous, numbers, next, last, as list items classed ``pager-*``."""
    numbers = "".join(f'<li class="pager-item"><a href="/press-releases?page={n}" title="Go to page {n + 1}" '
                      f'class="active">{n + 1}</a></li>' if n != page else f'<li class="pager-current">{n + 1}</li>'
                      for n in range(max(0, page - 4), min(last, page + 4) + 1))
    return (
        '<div class="item-list"><ul class="pager">'
        f'<li class="pager-first first"><a href="/press-releases" title="Go to first page">« first</a></li>'
        f'<li class="pager-previous"><a href="/press-releases?page={page - 1}" title="Go to previous page">'
        f'‹ previous</a></li>{numbers}<li class="pager-ellipsis">…</li>'
        f'<li class="pager-next"><a href="/press-releases?page={page + 1}" title="Go to next page" class="active">'
        f'next ›</a></li><li class="pager-last last"><a href="/press-releases?page={last}" title="Go to last page">'
        "last »</a></li></ul></div>"
    )


def test_the_old_sites_listing_is_read():
    stories = (D6_STORY, *STORIES)
    results = "".join(make_d6_result(s) for s in stories)
    content = ('<div class="panel-pane pane-apachesolr-result"><div class="pane-content">'
               f"{results}</div></div>{make_d6_pager(2, 3399)}")
    listing = read_listing(make_d6_frame(content, "Press releases"), "https://www.osce.org/press-releases?page=2")
    assert [(i.node_id, i.title, i.publishing_date, i.content_type) for i in listing.items] == [
        (s.node, s.title, s.printed, s.content_type) for s in stories]
    for item, story in zip(listing.items, stories, strict=True):
        assert (item.where_we_are, item.what_we_do) == ([story.source], list(story.fields))
        assert item.lead is not None and item.lead.startswith(story.paragraphs[0][:60])
    assert (listing.next_page, listing.last_page) == (3, 3399)


def make_d7_inline_field(name: str, label: str, values: Sequence[str]) -> str:
    """A Drupal 7 field displayed inline: the label a block beside the block of its items."""
    items = "".join(f'<div class="field-item">{value}</div>' for value in values)
    return (f'<div class="field field-name-field-{name} field-label-inline clearfix"><div class="field-label">'
            f'{label}:&nbsp;</div><div class="field-items">{items}</div></div>')


def test_a_short_first_paragraph_after_a_drupal_7_inline_label_is_text_not_the_labels_value():
    body = ('<div class="field field-name-body field-label-hidden"><div class="field-items"><div class="field-item">'
            "<p>Border guards of two countries trained together in Vinstad</p>"
            "<p>The course covered risk analysis and the detection of forged documents.</p></div></div></div>")
    page = ("<html><body><div id='page'><h1 class='title'>Border guards train together</h1><div class='node'>"
            f"<div class='content clearfix'>{make_d7_inline_field('content-type', 'Content type', ['News'])}{body}"
            "</div></div></div></body></html>")
    release = read_release(page, "https://www.osce.org/mission-to-ruritania/700200")
    assert release.content_type == "News"
    assert release.paragraphs[0] == "Border guards of two countries trained together in Vinstad"


LONG_TEASER_TITLE = ("Observers from the Mission monitored the municipal elections in four regions and met with the "
                     "election administration, candidates and civil society")


def make_page_with_facts_before_the_body(facts: str, body: str) -> str:
    """A theme that prints the facts and a block of related releases in a sidebar inside the article, before the
    body."""
    related = ("<section class='related'><h2>Related</h2><div class='teaser'><div>Press release</div>"
               f"<h3><a href='/mission-to-ruritania/700401'>{LONG_TEASER_TITLE}</a></h3></div></section>")
    return ("<html><body><main><article><header><h1>Youth camp held in Vinstad</h1></header>"
            f"<aside class='sidebar'>{facts}{related}</aside><div class='body'>{body}</div></article></main>"
            "</body></html>")


BODY = ("<p>VINSTAD, 4 May 2021 – Young people from two countries met at a camp organised by the Mission.</p>"
        "<p>They discussed resilience to security risks in their communities.</p>")


def test_a_label_printed_twice_before_its_values_in_a_sidebar_before_the_body_leaves_the_body_whole():
    facts = ("<dl><div><dt>Source</dt><dd><span class='visually-hidden'>Source</span><ul>"
             "<li><a href='/where/1'>OSCE Mission to Ruritania</a></li></ul></dd></div>"
             "<div><dt>Fields of work</dt><dd><span class='visually-hidden'>Fields of work</span><ul>"
             "<li><a href='/what/1'>Youth</a></li></ul></dd></div></dl>")
    page = read_release(make_page_with_facts_before_the_body(facts, BODY),
                        "https://www.osce.org/mission-to-ruritania/700400")
    assert (page.source, page.fields_of_work) == (["OSCE Mission to Ruritania"], ["Youth"])
    assert page.paragraphs == ["VINSTAD, 4 May 2021 – Young people from two countries met at a camp organised by the "
                               "Mission.", "They discussed resilience to security risks in their communities."]


def test_a_long_linked_heading_of_another_release_before_the_body_is_no_text():
    page = read_release(make_page_with_facts_before_the_body("", BODY), "https://www.osce.org/mission-to-ruritania/700400")
    assert LONG_TEASER_TITLE not in page.paragraphs
    assert page.paragraphs[0].startswith("VINSTAD, 4 May 2021 – ")
    assert page.content_type is None  # the teaser's type is another release's


def test_a_caption_over_the_pages_facts_table_is_no_text():
    html = ("<html><body><main><h1>Youth camp held in Vinstad</h1><table><caption class='visually-hidden'>Release "
            "details</caption><tr><th scope='row'>Source</th><td>OSCE Mission to Ruritania</td></tr></table>"
            f"<div class='body'>{BODY}</div></main></body></html>")
    page = read_release(html, "https://www.osce.org/mission-to-ruritania/700400")
    assert page.source == ["OSCE Mission to Ruritania"]
    assert page.paragraphs[0].startswith("VINSTAD, 4 May 2021 – ")


def test_inside_the_text_a_linked_heading_and_a_type_alone_on_its_line_stay_text():
    body = (BODY + "<h3>Statement</h3><p>The Head of Mission said the camp would be held again next year.</p>"
            f"<h3><a href='/files/report.pdf'>{LONG_TEASER_TITLE}</a></h3>")
    page = read_release(make_page_with_facts_before_the_body("", body), "https://www.osce.org/mission-to-ruritania/700400")
    assert "Statement" in page.paragraphs and LONG_TEASER_TITLE in page.paragraphs
