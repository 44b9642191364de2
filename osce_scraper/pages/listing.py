"""A newsroom listing page as values: its items and the next page."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, pairwise

from lxml import etree
from parsel import Selector

from osce_scraper.extract.dates import names_its_month, parse_date
from osce_scraper.extract.urls import node_id_of, page_number, release_url
from osce_scraper.pages.bylines import (
    BESIDE_A_DATE,
    byline_date,
    is_a_date_alone,
    is_date_line,
    is_submitted_line,
    printed_byline,
    tile_date,
    typed_date,
)
from osce_scraper.pages.html import (
    Line,
    Link,
    base_url_of,
    element_text,
    enclosing,
    in_a_form_apart_from,
    is_error_title,
    is_translation_note,
    is_within,
    link_of,
    link_resolver,
    page_selector,
    time_datetime,
    visible_lines,
)
from osce_scraper.pages.labels import (
    CONTENT_TYPES,
    LISTING_LABELS,
    Labelled,
    find_labels,
    iter_labels,
    match_label,
    split_values,
    touching_parts,
)

_NEXT_RE = re.compile(r"^(next\b.*|[›»>]|›+|>>|more|load more|show more|older\b.*)$", re.I)
_READ_MORE_RE = re.compile(r"^(read more|more|continue reading|details)\b", re.I)
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_ITEM_HEADING_TAGS = _HEADING_TAGS - {"h1"}
# The most lines an element holding one item may have (title, date, type, labels, values, lead).
_MAX_ITEM_LINES = 24


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
    #: How the page showed its items ("teaser cards", "title links", each "with labels" or not; "no release").
    shape: str = "no release"
    #: What a reader sees on a page that shows no release, in a line ("" when it shows some).
    found: str = ""


def _title_link(line: Line, current_node: str | None) -> tuple[Link, str] | None:
    for link in line.links:
        node = node_id_of(link.url)
        if not node or node == current_node or len(link.text) < 3 or _READ_MORE_RE.match(link.text):
            continue
        if link.text.lower() in CONTENT_TYPES:
            continue  # a type's term link ("Press release" in a table's Type column) is no release's title
        # The title is the whole line (allowing a bullet or a date beside it).
        if len(link.text) >= 0.6 * len(line.text):
            return link, node
    return None


def _printed_date(text: str, line: Line) -> str:
    """A date line's date: as printed, or its ``<time>``'s machine date when the month is printed as a number."""
    return (time_datetime(line) if not names_its_month(text) else None) or text


def _line_date(line: Line) -> str | None:
    """The date a short line prints, or its ``<time>``'s machine date where that says more (the month printed as
    a number, or a day printed without its year: "3 Jun")."""
    text = line.text
    if is_date_line(text):
        return _printed_date(text, line)
    if line.times and len(text) <= 40 and (machine := time_datetime(line)) and parse_date(machine) is not None:
        return machine
    return None


def _date_beside_title(line: Line, link: Link) -> str | None:
    """The date printed on the title's own line, beside the link ("Title  3 June 2019"), if any."""
    rest = line.text.replace(link.text, "", 1).strip(BESIDE_A_DATE)
    return _printed_date(rest, line) if is_a_date_alone(rest) else None


def _without_read_more(line: Line) -> str:
    """The line's text without the "Read more" link it ends with, if it does ("... held in Tetovo. Read more")."""
    text = line.text
    if line.links and (last := line.links[-1].text) and text.endswith(last) and _READ_MORE_RE.match(last):
        return text[: -len(last)].rstrip(" …|»›>-–")
    return text


def _card_title(lines: list[Line], indices: list[int]) -> int | None:
    """The title line of a card (a link around blocks): its heading, else the line its markup calls a
    title, else its first line that is neither a date nor a content type."""
    headings = [i for i in indices if lines[i].element.tag in _HEADING_TAGS]
    if headings:
        return headings[0]
    candidates = [
        i for i in indices
        if len(lines[i].text) >= 3 and not is_date_line(lines[i].text)
        and lines[i].text.lower().rstrip(":") not in CONTENT_TYPES
    ]
    named = [i for i in candidates if "title" in (lines[i].element.get("class") or "").lower()]
    return (named or candidates or [None])[0]


def _title_lines(lines: list[Line], skip: set[int]) -> list[tuple[int, Link, str]]:
    """Each item's title line, the link it names and the release's node id, in page order."""
    cards: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        if line.card is not None and index not in skip:
            cards.setdefault(id(line.card), []).append(index)
    starts: list[tuple[int, Link, str]] = []
    current: str | None = None
    seen_cards: set[int] = set()
    for index, line in enumerate(lines):
        if index in skip:
            continue
        if line.card is not None:
            if id(line.card) in seen_cards:
                continue
            seen_cards.add(id(line.card))
            title = _card_title(lines, cards[id(line.card)])
            node = node_id_of(line.card.url)
            if title is not None and node and node != current:
                starts.append((title, Link(line.card.url, lines[title].text, line.card.rel), node))
                current = node
            continue
        if found := _title_link(line, current):
            starts.append((index, *found))
            current = found[1]
        elif (more := _read_more_link(line, current)) and (
                title := _heading_above(lines, index, starts[-1][0] + 1 if starts else 0, skip)) is not None:
            # A teaser whose title is a heading and whose only link is "Read more": the heading is its title.
            link, node = more
            starts.append((title, Link(link.url, lines[title].text, link.rel), node))
            current = node
    return starts


def _read_more_link(line: Line, current_node: str | None) -> tuple[Link, str] | None:
    """The "Read more" link of a release other than the item's before, and its node id, if the line holds one."""
    for link in line.links:
        if _READ_MORE_RE.match(link.text) and (node := node_id_of(link.url)) and node != current_node:
            return link, node
    return None


def _heading_above(lines: list[Line], index: int, floor: int, skip: set[int]) -> int | None:
    """The nearest heading above line ``index`` (no further back than ``floor`` and an item's size) that links to no
    release and prints no date alone: the title of the teaser whose "Read more" link ``index`` holds. The page's
    ``<h1>`` is the listing's own title, no teaser's."""
    for above in range(index - 1, max(floor, index - _MAX_ITEM_LINES) - 1, -1):
        line = lines[above]
        if (above not in skip and line.element.tag in _ITEM_HEADING_TAGS and len(line.text) >= 3
                and not _date_heading(line) and not any(node_id_of(link.url) for link in line.links)):
            return above
    return None


def _item_bounds(lines: list[Line], titles: list[int]) -> list[tuple[int, int]]:
    """Where each item starts and ends (a slice of ``lines``): from the first line of the element that holds
    its title and no other, to the next item's first line or a date heading between them (a view grouped by date).

    A card may print its type tag and date above the title; a flat list has the title first.
    The holding element is capped at a card's size, so that a page with one item does not take the
    page around it. The last item ends with its holder when every other item did (rows of a table, items
    of a list): what follows the list, a view's footer, is no part of it.
    """
    # Counted by Counter over lxml's ancestor iterators: each step of a title's walk up is taken in C.
    title_count = Counter(chain.from_iterable(lines[index].element.iterancestors() for index in titles))
    # The lines are counted only inside elements that hold one title at most: the walk below stops at the first
    # element that holds two, and so does each line's walk up here (every element above holds them too).
    line_count: dict[etree._Element, int] = {}
    for line in lines:
        element = line.element
        while element is not None and title_count.get(element, 0) <= 1:
            line_count[element] = line_count.get(element, 0) + 1
            element = element.getparent()
    firsts: list[int] = []
    ends: list[int] = []  # one past the last line inside each item's holder
    previous = -1
    for index in titles:
        holder = lines[index].element
        for ancestor in holder.iterancestors():
            if title_count[ancestor] > 1 or line_count[ancestor] > _MAX_ITEM_LINES:
                break
            holder = ancestor
        first = index
        while first - 1 > previous and is_within(lines[first - 1].element, holder):
            first -= 1
        end = index + 1
        while end < len(lines) and is_within(lines[end].element, holder):
            end += 1
        firsts.append(first)
        ends.append(end)
        previous = index
    bounds = list(pairwise(firsts))
    if firsts:
        held = len(firsts) > 1 and all(end >= next_first for end, next_first in zip(ends, firsts[1:], strict=False))
        bounds.append((firsts[-1], ends[-1] if held else len(lines)))
    # A date heading past an item's holder heads the next group of items: the item before it ends there.
    return [(begin, next((i for i in range(held_end, end) if _date_heading(lines[i])), end))
            for (begin, end), held_end in zip(bounds, ends, strict=True)]


def _date_heading(line: Line) -> str | None:
    """The date a heading that is a date alone prints ("3 June 2019" over a group of items), if it is one."""
    return _line_date(line) if line.element.tag in _HEADING_TAGS else None


def _group_dates(lines: list[Line], bounds: list[tuple[int, int]]) -> list[str | None]:
    """Each item's group date: that of the last date heading before the item and outside every item."""
    dates: list[str | None] = []
    group: str | None = None
    previous_end = 0
    for begin, end in bounds:
        for index in range(previous_end, begin):
            group = _date_heading(lines[index]) or group
        dates.append(group)
        previous_end = end
    return dates


class _PageLabels:
    """Every label of a listing page, found once, and each item's labels read from them."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        # A heading that is a label alone is read over its tags (a card's "What we do" over its badges).
        self._index(list(iter_labels(lines, LISTING_LABELS, tag_headings=True)))

    def _index(self, found: list[tuple[str, Labelled]]) -> None:
        self.found = found
        self.first_lines = [labelled.first_line for _, labelled in self.found]
        # The lines a label takes as its values after its own line.
        self.continued = {
            i for _, labelled in self.found for i in range(labelled.first_line + 1, labelled.last_line + 1)
        }

    def leave_out_forms_apart_from(self, titles: list[int]) -> None:
        """Leave out the labels of a form that holds no item's title (a newsletter's "Fields of work"): a form's
        captions are no item's facts."""
        elements = [self.lines[index].element for index in titles]
        kept = [(name, labelled) for name, labelled in self.found
                if not in_a_form_apart_from(self.lines[labelled.first_line].element, elements)]
        if len(kept) < len(self.found):
            self._index(kept)

    def labelled_lines(self) -> set[int]:
        """Every line that is a label or one of its values."""
        return {i for _, labelled in self.found for i in range(labelled.first_line, labelled.last_line + 1)}

    def of_item(self, begin: int, end: int) -> dict[str, Labelled]:
        """The labels of ``lines[begin:end]``, as ``find_labels(lines, LISTING_LABELS, begin, end, tag_headings=True)``
        finds them.

        Each label is read from its own line and the lines after it, whatever came before: a search of the item's
        lines reads each label in them as the page's search did, unless the page's took values past the item's
        last line, where the item's search stops. The item's lines are then searched again, and also when the item
        starts on a line the page's search took as a value (a line it would skip as a label's).
        """
        if begin in self.continued or end in self.continued:
            return find_labels(self.lines, LISTING_LABELS, begin, end, tag_headings=True)
        chosen: dict[str, Labelled] = {}
        for name, labelled in self.found[bisect_left(self.first_lines, begin) : bisect_left(self.first_lines, end)]:
            # find_labels' choice: the first label with its colon, else the first bare one.
            if name not in chosen or (chosen[name].bare and not labelled.bare):
                chosen[name] = labelled
        return chosen


@lru_cache(maxsize=4096)  # items print the same offices, topics and types, page after page
def _split_values_once(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(split_values(values))


def _split_values(values: tuple[str, ...]) -> list[str]:
    """``split_values(values)``, a list of the item's own."""
    return list(_split_values_once(values))


def _without_the_title(labels: dict[str, Labelled], title: str) -> dict[str, Labelled]:
    """An item's labels, each without a last value line that prints the item's title again (a lead that repeats the
    title, short and with no stop, reads like a value): the title is no label's value, and that line is the lead.

    >>> _without_the_title({"where_we_are": Labelled(("OSCE Mission", "Police trained"), 4, 6)}, "Police trained")
    {'where_we_are': Labelled(values=('OSCE Mission',), first_line=4, last_line=5, bare=False)}
    """
    if not any(found.values and found.values[-1] == title for found in labels.values()):
        return labels
    return {name: found._replace(values=found.values[:-1], last_line=found.last_line - 1)
            if found.values and found.values[-1] == title and found.last_line > found.first_line else found
            for name, found in labels.items()}


def _item(lines: list[Line], begin: int, end: int, title: int, link: Link, node: str,
          labels: dict[str, Labelled], group_date: str | None = None) -> ListingItem:
    """The item in ``lines[begin:end]`` whose title line is ``title``; ``labels`` are its labels; ``group_date``
    the date heading its group, which dates it when it prints no date of its own."""
    labels = _without_the_title(labels, link.text)
    consumed = {title} | {i for found in labels.values() for i in range(found.first_line, found.last_line + 1)}

    def first(name: str) -> str | None:
        found = labels.get(name)
        return found.text if found and found.values else None

    content = _split_values(labels["content_type"].values) if "content_type" in labels else []
    publishing_date = first("publishing_date") or _date_beside_title(lines[title], link)
    content_type = content[0] if content else None
    byline_source: str | None = None
    # A card shows its date and type tag as plain lines, without labels.
    for index in range(begin, end):
        if index in consumed:
            continue
        line = lines[index]
        if printed := byline_date(line):
            # "By editor, Fri, 05/03/2019 - 12:00": a byline is no lead; its <time> is the item's date. One that
            # opens with the type ("News · <time>3 June 2019</time>") gives that too.
            publishing_date = publishing_date or printed
            if content_type is None and (typed := typed_date(line.text)):
                content_type = typed[0]
            consumed.add(index)
        elif (publishing_date is None or content_type is None) and (typed := typed_date(line.text)):
            # "News 3 June 2019", or "News3 June 2019" where a card's two tags touch: the type, then the date.
            content_type = content_type or typed[0]
            publishing_date = publishing_date or typed[1]
            consumed.add(index)
        elif (publishing_date is None or content_type is None) and (byline := printed_byline(line.text)):
            # "Published 3 June 2019 | Updated 5 June 2019", "3 June 2019 · Press release": a byline is no lead either.
            publishing_date = publishing_date or byline.date
            content_type = content_type or byline.content_type
            byline_source = byline_source or byline.source  # "3 June 2019 | News | OSCE Mission to Skopje"
            consumed.add(index)
        elif publishing_date is None and index + 2 < end and (tile := tile_date(lines, index)):
            publishing_date = tile  # a calendar tile: day, month and year as three lines
            consumed.update(range(index, index + 3))
        elif publishing_date is None and (date := _line_date(line)):
            publishing_date = date
            consumed.add(index)
        elif content_type is None and (known := CONTENT_TYPES.get(line.text.lower().rstrip(":"))):
            content_type = known
            consumed.add(index)
    # The lead is the first free line after the title; anything after it is page furniture.
    lead = next(
        (
            _without_read_more(line)
            for index, line in enumerate(lines[title + 1 : end], start=title + 1)
            # A card's lines all carry its link; elsewhere a line that is mostly links is not a lead.
            if index not in consumed and (line.card is not None or not (line.links and line.link_text_share > 0.6))
            and not is_translation_note(line.text) and not is_submitted_line(line.text)
            # Tags whose elements touch ("Human rightsYouth") are no lead, labelled or not.
            and not (len(line.element) >= 2 and touching_parts(line.element, line.text))
        ),
        None,
    )
    return ListingItem(
        url=release_url(link.url),
        node_id=node,
        title=link.text,
        publishing_date=publishing_date or group_date,
        content_type=content_type,
        where_we_are=(_split_values(labels["where_we_are"].values) if "where_we_are" in labels
                      else [byline_source] if byline_source else []),
        what_we_do=_split_values(labels["what_we_do"].values) if "what_we_do" in labels else [],
        location=first("location"),
        lead=lead,
    )


def pager_links(selector: Selector, url: str) -> tuple[list[Link], int]:
    """The page's links that can name a listing page (``page=`` in the URL, no release), and the number of links
    (``<a href>`` and ``<link href>``) on the page.

    A page has a hundred links, menus and items; only these few need their text and ``rel``.

    >>> page = page_selector("<a href='/cio/49486?page=2'>T</a><a href='/about'>About</a><a href='?page=3'>›</a>")
    >>> pager_links(page, "https://www.osce.org/press-releases")
    ([Link(url='https://www.osce.org/press-releases?page=3', text='›', rel='')], 3)
    """
    resolve = link_resolver(base_url_of(selector, url))
    found: list[Link] = []
    count = 0
    for el in selector.root.iter("a", "link"):
        href = el.get("href")
        if not href:
            continue
        count += 1
        href = href.strip()
        link_url = resolve(href)
        if "page=" not in link_url or node_id_of(link_url):
            continue
        found.append(link_of(el, link_url))
    return found, count


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


_PAGE_OF_RE = re.compile(r"page\s+(\d{1,6})\s+of\s+(\d{1,6})", re.I)
#: A pager's line is short: a longer one that says "page 3 of 17" is text (a report's page).
_MAX_PAGER_LINE_CHARS = 80


def _printed_page_of(selector: Selector, lines: list[Line]) -> tuple[int, int] | None:
    """(this page, the pages) a pager prints as "Page 3 of 17", a line of its own beside its links at most (the last
    on the page, or one in a ``<nav>``, which the lines leave out); None where none is printed.

    >>> page = page_selector("<p>‹ <a href='?page=1'>Previous</a> Page 3 of 17</p>")
    >>> _printed_page_of(page, visible_lines(page)), _printed_page_of(page_selector("<nav><li>Page 2 of 5"), [])
    ((3, 17), (2, 5))
    """
    for line in reversed(lines):
        if " of " in line.text and (found := _page_of(line.text, [link.text for link in line.links])):
            return found
    for nav in selector.root.iter("nav"):
        if _PAGE_OF_RE.search(element_text(nav)):  # a menu's nav is passed over by one search
            for element in nav.iter():
                if isinstance(element.tag, str) and (found := _page_of(
                        element_text(element), [element_text(link) for link in element.iter("a")])):
                    return found
    return None


def _page_of(text: str, link_texts: list[str]) -> tuple[int, int] | None:
    """(N, M) of a short text that reads "Page N of M" once its links' texts are taken out."""
    if len(text) > _MAX_PAGER_LINE_CHARS:
        return None
    for link_text in link_texts:
        text = text.replace(link_text, " ", 1) if link_text else text
    if (found := _PAGE_OF_RE.fullmatch(text.strip(" ‹›«»<>|·•-–—.:"))) and 1 <= int(found[1]) <= int(found[2]):
        return int(found[1]), int(found[2])
    return None


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
    labels = _PageLabels(lines)
    # A value of a label is never a title, even when it links to a numbered page.
    starts = _title_lines(lines, labels.labelled_lines())
    labels.leave_out_forms_apart_from([index for index, _, _ in starts])
    bounds = _item_bounds(lines, [index for index, _, _ in starts])
    columns = _column_fields(selector, lines) if starts else {}
    items = [
        _item(lines, begin, end, index, link, node,
              _with_columns(lines, labels.of_item(begin, end), columns, begin, end), group_date)
        for (index, link, node), (begin, end), group_date in zip(starts, bounds, _group_dates(lines, bounds),
                                                                  strict=True)
    ]
    starts, items = _without_other_blocks(lines, starts, items)
    heading = next((line.text for line in lines if line.element.tag == "h1"), None) if items else None
    if heading is not None and is_error_title(heading):
        # A "Page not found" answered with 200 lists the latest news: no page of the newsroom.
        return ListingPage(items=[], page=page_number(url), next_page=None,
                           found=f"an error page titled {heading!r} that lists {len(items)} releases")
    links, link_count = pager_links(selector, url)
    current = page_number(url)
    next_page = next_page_number(links, url)
    last_page = max([current, *(page_number(link.url) for link in links)])
    if printed := _printed_page_of(selector, lines):
        # "Page 3 of 17": the pages after this one, counted as the site counts them, whether or not it links them.
        shown, count = printed
        last_page = max(last_page, current + count - shown)
        next_page = current + 1 if next_page is None and shown < count else next_page
    return ListingPage(
        items=items,
        page=current,
        next_page=next_page,
        last_page=last_page,
        shape=_shape(lines, starts, items),
        found="" if items else _what_it_shows(lines, link_count),
    )


def _without_other_blocks(lines: list[Line], starts: list[tuple[int, Link, str]], items: list[ListingItem],
                          ) -> tuple[list[tuple[int, Link, str]], list[ListingItem]]:
    """The items (and their title lines) without those in an ``<aside>`` beside items outside one, and without the
    undated ones outside the element that holds every dated item when most items print a date: a sidebar's list of
    links to releases ("Most read", "Latest news", "Highlights") beside the listing's own region is no part of it."""
    # Items in an aside (a "Most read" block, dated or not) beside items outside one are the aside's, not the listing's.
    aside = [enclosing(lines[index].element, "aside") is not None for index, _, _ in starts]
    if any(aside) and not all(aside):
        kept_outside = [(start, item) for start, item, inside in zip(starts, items, aside, strict=True) if not inside]
        starts, items = [start for start, _ in kept_outside], [item for _, item in kept_outside]
    dated = [lines[index].element for (index, _, _), item in zip(starts, items, strict=True) if item.publishing_date]
    if len(dated) < 2 or len(dated) == len(items) or 2 * len(dated) < len(items):
        return starts, items  # most pages date every item: nothing is asked
    around = [dated[0], *dated[0].iterancestors()]
    for element in dated[1:]:
        ancestors = {element, *element.iterancestors()}
        around = [ancestor for ancestor in around if ancestor in ancestors]
    holder = around[0]
    kept = [(start, item) for start, item in zip(starts, items, strict=True)
            if item.publishing_date or is_within(lines[start[0]].element, holder)]
    if len(kept) == len(items):
        return starts, items
    return [start for start, _ in kept], [item for _, item in kept]


def _column_fields(selector: Selector, lines: list[Line]) -> dict[int, str]:
    """{line: field} for the lines in a table's cells under a header that is a listing label ("Where we are" over a
    column of offices): a reader of a table reads each cell by its column's header."""
    cells: dict[etree._Element, str] = {}
    for table in selector.root.iter("table"):
        rows = list(table.iter("tr"))
        header = next((row for row in rows if len(row) and all(cell.tag == "th" for cell in row)), None)
        if header is None or any(cell.get("colspan") or cell.get("rowspan") for row in rows for cell in row):
            continue  # cells spanning columns or rows: their places are no column's
        fields = [found[0] if (found := match_label(element_text(cell) + ":", LISTING_LABELS)) and not found[1]
                  else None for cell in header]
        if not any(fields):
            continue
        for row in rows:
            if row is not header:
                cells.update((cell, name) for cell, name in zip(row, fields, strict=False)
                             if name is not None and cell.tag == "td")
    if not cells:
        return {}
    found: dict[int, str] = {}
    for index, line in enumerate(lines):
        element: etree._Element | None = line.element
        while element is not None and element not in cells and element.tag != "table":
            element = element.getparent()
        if element is not None and element in cells:
            found[index] = cells[element]
    return found


def _with_columns(lines: list[Line], labels: dict[str, Labelled], columns: dict[int, str], begin: int,
                  end: int) -> dict[str, Labelled]:
    """An item's labels, with the fields its table cells show under a labelled column header (its own labels win)."""
    if not columns:
        return labels
    lines_of: dict[str, list[int]] = {}
    for index in range(begin, end):
        if (name := columns.get(index)) is not None and name not in labels:
            lines_of.setdefault(name, []).append(index)
    return labels | {name: Labelled(tuple(lines[index].text for index in indices), indices[0], indices[-1])
                     for name, indices in lines_of.items()} if lines_of else labels


def _shape(lines: list[Line], starts: list[tuple[int, Link, str]], items: list[ListingItem]) -> str:
    if not items:
        return "no release"
    shape = "teaser cards" if any(lines[index].card is not None for index, _, _ in starts) else "title links"
    labelled = any(item.where_we_are or item.what_we_do or item.location for item in items)
    return shape + (" with labels" if labelled else "")


def _what_it_shows(lines: list[Line], link_count: int) -> str:
    """A page without a release, as a reader would describe it in a line."""
    text = " ".join(line.text for line in lines)
    excerpt = text if len(text) <= 100 else text[:100].rsplit(" ", 1)[0] + " ..."
    return f"{link_count} links, none to a release; its text reads {excerpt!r}" if text else (
        f"{link_count} links, none to a release, and no text")


