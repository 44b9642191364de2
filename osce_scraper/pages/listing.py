"""A newsroom listing page as values: its items and the next page."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsel import Selector

from osce_scraper.extract.urls import node_id_of, page_number, release_url
from osce_scraper.pages.html import Line, all_links, page_selector, visible_lines
from osce_scraper.pages.labels import LISTING_LABELS, find_labels, labelled_line_indices, split_values

_NEXT_RE = re.compile(r"^(next\b.*|[›»>]|›+|>>|more|load more|show more|older\b.*)$", re.I)
_READ_MORE_RE = re.compile(r"^(read more|more|continue reading|details)\b", re.I)


@dataclass(slots=True)
class ListingItem:
    """One item of a listing, as a reader sees it."""

    url: str
    node_id: str
    title: str
    publishing_date: str | None = None
    content_type: str | None = None
    where_we_are: list[str] = field(default_factory=list)
    what_we_do: list[str] = field(default_factory=list)
    location: str | None = None
    lead: str | None = None


@dataclass(slots=True)
class ListingPage:
    """A listing page: its items in order and the number of the next page, if any."""

    items: list[ListingItem]
    page: int
    next_page: int | None
    last_page: int | None = None


def _title_link(line: Line, current_node: str | None):
    for link in line.links:
        node = node_id_of(link.url)
        if not node or node == current_node or len(link.text) < 3 or _READ_MORE_RE.match(link.text):
            continue
        # The title is the whole line (allowing a bullet or a date beside it).
        if len(link.text) >= 0.6 * len(line.text):
            return link, node
    return None


def _item(lines: list[Line], link, node: str) -> ListingItem:
    labels = find_labels(lines, LISTING_LABELS, start=1)
    consumed = {i for found in labels.values() for i in range(found.first_line, found.last_line + 1)}
    # The lead is the first free line; anything after it is page furniture.
    lead = next(
        (
            line.text
            for index, line in enumerate(lines[1:], start=1)
            if index not in consumed and not (line.links and line.link_text_share > 0.6)
        ),
        None,
    )

    def first(name: str) -> str | None:
        found = labels.get(name)
        return found.text if found and found.values else None

    content = split_values(labels["content_type"].values) if "content_type" in labels else []
    return ListingItem(
        url=release_url(link.url),
        node_id=node,
        title=link.text,
        publishing_date=first("publishing_date"),
        content_type=content[0] if content else None,
        where_we_are=split_values(labels["where_we_are"].values) if "where_we_are" in labels else [],
        what_we_do=split_values(labels["what_we_do"].values) if "what_we_do" in labels else [],
        location=first("location"),
        lead=lead,
    )


def next_page_number(links, url: str) -> int | None:
    """The next listing page's number from the pager links, whatever form the pager takes.

    A ``rel="next"`` or "next" link names it; otherwise numbered page links
    (up to a "last" link) show whether a later page exists.
    """
    current = page_number(url)
    numbered: list[int] = []
    for link in links:
        if node_id_of(link.url) or "page=" not in link.url:
            continue
        number = page_number(link.url)
        if number > current and ("next" in link.rel.lower() or _NEXT_RE.match(link.text)):
            return number
        numbered.append(number)
    later = [n for n in numbered if n > current]
    return current + 1 if later else None


def read_listing(page: Selector | str | bytes, url: str) -> ListingPage:
    """Read a listing page's items and pager by their visible text (a parsel selector, or the page's HTML).

    >>> html = '''<h3><a href="/cio/49486">Chairman visits Tashkent</a></h3>
    ... <p>Publishing date: 3 June 2008</p><p>What we do: Policing, Human rights,</p>
    ... <p>TASHKENT, 3 June 2008 - The Chairman ...</p><a href="?page=1">next ›</a>'''
    >>> listing = read_listing(html, "https://www.osce.org/press-releases")
    >>> item = listing.items[0]
    >>> item.node_id, item.publishing_date, item.what_we_do, listing.next_page
    ('49486', '3 June 2008', ['Policing', 'Human rights'], 1)
    """
    selector = page if isinstance(page, Selector) else page_selector(page)
    lines = visible_lines(selector, url)
    # A value of a label is never a title, even when it links to a numbered page.
    values = labelled_line_indices(lines, LISTING_LABELS)
    starts: list[tuple[int, object, str]] = []
    current: str | None = None
    for index, line in enumerate(lines):
        found = None if index in values else _title_link(line, current)
        if found:
            link, node = found
            starts.append((index, link, node))
            current = node
    items = []
    for number, (index, link, node) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(lines)
        items.append(_item(lines[index:end], link, node))
    links = all_links(selector, url)
    numbers = [page_number(link.url) for link in links if "page=" in link.url and not node_id_of(link.url)]
    return ListingPage(
        items=items,
        page=page_number(url),
        next_page=next_page_number(links, url),
        last_page=max([page_number(url), *numbers]),
    )


