"""A release page as what it shows: title, content type, each label's values as printed, body paragraphs."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from lxml import etree
from parsel import Selector

from osce_scraper.extract.datelines import first_dateline, is_standalone_dateline, parse_dateline
from osce_scraper.extract.dates import names_its_month
from osce_scraper.extract.places import lookup_place
from osce_scraper.extract.urls import node_id_of, release_url, split_url
from osce_scraper.extract.vocabulary import ignorecase_openings
from osce_scraper.pages.bylines import (
    Byline,
    byline_date,
    is_submitted_line,
    line_byline,
    printed_byline,
    tile_date,
    typed_date,
)
from osce_scraper.pages.html import (
    Line,
    attribute_contents,
    base_url_of,
    element_text,
    enclosing,
    heading_elements,
    in_a_form_apart_from,
    is_error_title,
    is_translation_note,
    is_within,
    json_ld_values,
    meta_content,
    page_selector,
    resolve_link,
    sidebars,
    time_datetime,
    visible_lines,
)
from osce_scraper.pages.labels import (
    CONTENT_TYPES,
    PAGE_LABELS,
    Labelled,
    find_labels,
    is_field_label,
    is_value_line,
    iter_labels,
    split_values,
)

#: The fields a release page's labels show.
_PAGE_FIELDS = frozenset(PAGE_LABELS)
#: ReleasePage attribute -> the label it is read from, as a reader sees it: the labels the checks count.
CHECKED_LABELS = {"place_raw": "Place:", "source": "Source:", "fields_of_work": "Fields of work:"}
#: Old pages end a photo's caption with these words (a suffix test: a regex search costs 9% of a page).
_CAPTION_END = "photo details"
#: A caption ends with the photo's credit in brackets, the site's own first: "... on 3 May. (OSCE/Name)", or the
#: photographer's before the site's: "(Name/OSCE)".
_CREDIT_END_RE = re.compile(
    r"\((?:photos?:\s*)?OSCE/[^()]{1,60}\)$|\(photos?:[^()]{1,60}\)$|\([^()/]{1,60}/\s*OSCE\)$", re.I)
#: A photo's caption is a sentence or two: a longer line under a photo is the text.
_MAX_CAPTION_CHARS = 300
# Headings of the lists of other items after the article ("Related content"): their labels are not this page's.
_RELATED_HEADINGS = (
    r"related( content| stories| news| items| resources| publications| press releases| releases| articles| links)?"
    r"|see also|more news|latest news|more press releases|other news"
    r"|(?:recent|latest|other|more) (?:press releases|releases|news|stories|items)|most read"
    r"|more from (?:the newsroom|the osce|osce)"
)
_RELATED_ITEMS_RE = re.compile(rf"^({_RELATED_HEADINGS})\s*:?$", re.I)
# Headings after which the page no longer speaks of the release: those, and the blocks a page ends with.
_END_OF_ARTICLE_RE = re.compile(
    rf"^({_RELATED_HEADINGS}|share( this)?( page| article)?|follow us|subscribe( to our newsletter)?|newsletter|"
    r"downloads?( pdf)?|links|"
    r"(press |media )?contacts?)\s*:?$",
    re.I,
)
# Lines outside the article's container up to this length are furniture; a longer one is text.
_FURNITURE_LINE_CHARS = 160
# The site's name beside the title in <title>, after it ("Title | OSCE") or before it ("OSCE | Title", or a colon
# after it as old sites print it: "OSCE: Title").
_SITE_NAME = r"(?:OSCE|Organization for Security and Co-operation in Europe)"
_SITE_NAME_BESIDE_RE = re.compile(rf"\s*[|–—]\s*{_SITE_NAME}\s*$|^\s*{_SITE_NAME}\s*[|–—:]\s*", re.I)
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: The longest content type's length: a longer line is none, and is not lowered to be asked.
_LONGEST_CONTENT_TYPE = max(map(len, CONTENT_TYPES))
#: A date's labels, lower case: one alone on its line, with no date after it, is a status ("Published").
_DATE_LABEL_WORDS = frozenset(label.lower() for label in PAGE_LABELS["date"])
_LONGEST_DATE_LABEL = max(map(len, _DATE_LABEL_WORDS))
#: Headings that name the body of the page itself, no part of it (lower case).
_BODY_HEADINGS = frozenset({"full text", "text", "body", "article text", "main text"})
_LONGEST_BODY_HEADING = max(map(len, _BODY_HEADINGS))
#: What titles a block of facts without being a heading: a disclosure's summary, a table's caption.
_FACTS_CAPTION_TAGS = frozenset({"summary", "caption"})
#: The names RDFa and microdata give a page's date (Drupal 7 prints its date fields with ``property="dc:date"``).
_DATE_PROPERTIES = ("dc:date", "dcterms:date", "dcterms:created", "dcterms:issued", "datePublished",
                    "schema:datePublished", "article:published_time")
#: A line of this many words or more is text: before one, a heading of the end of an article ends nothing.
_TEXT_LINE_MIN_WORDS = 4
#: A block titled by such a heading before the text is furniture up to this length (a press contact, a few links).
_MAX_FURNITURE_BLOCK_CHARS = 600
#: No heading the two patterns above match is longer ("subscribe to our newsletter:"): a longer line is not tried.
_SECTION_HEADING_MAX_CHARS = 29
_FURNITURE_OPENERS = ("©", r"copyright\b", r"print\b", "back to top", "newsroom$", "skip to",
                      r"photos?( credits?)?:", r"credits?:", r"source url:",
                      # The fields the project does not read: their labels and values are no text.
                      r"tags?:", r"keywords?:")
# A credit may stand in brackets: "(Photo: OSCE/Name)".
_FURNITURE_RE = re.compile(rf"^\(?(?:{'|'.join(_FURNITURE_OPENERS)})", re.I)
# After the text, when the page was last changed ("Last Updated ( Thursday, 19 September 2013 11:02 )"), no sentence;
# before it, a byline that dates the page.
_LAST_UPDATED_RE = re.compile(r"last (?:updated|modified)\b[^.]{0,60}$", re.I)
#: The characters a furniture line opens with: a line that opens otherwise is not matched, most of the body's lines
#: are let through by a set lookup in place of a regex call.
_FURNITURE_OPENINGS = ignorecase_openings(_FURNITURE_OPENERS) | {"("}


@dataclass(slots=True)
class ReleasePage:
    """What a release page shows, before any field is interpreted."""

    url: str
    node_id: str | None
    title: str | None
    content_type: str | None
    date_raw: str | None
    place_raw: list[str] = field(default_factory=list)
    source: list[str] = field(default_factory=list)
    fields_of_work: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    standalone_dateline: str | None = None
    meta_date: str | None = None
    canonical_url: str | None = None
    #: How the page printed its labels: "labels with colons", "bare labels" (each in an element of its own,
    #: as Drupal 8+ prints them) or "no labels".
    label_style: str = "no labels"

    def shown_labels(self) -> list[str]:
        """The labels the end-of-run checks count, among those this page showed a value for.

        >>> ReleasePage("u", "1", "T", None, None, place_raw=["VIENNA"]).shown_labels()
        ['Place:']
        """
        return [label for attribute, label in CHECKED_LABELS.items() if getattr(self, attribute)]


def _is_site_name(heading: etree._Element, text: str) -> bool:
    """True for an h1 that is the site's name: all of its text a link to the front page (``rel="home"`` or ``/``).

    >>> from lxml import html
    >>> _is_site_name(html.fromstring("<h1><a href='/' rel='home'>OSCE</a></h1>"), "OSCE")
    True
    """
    for link in heading.iter("a"):
        href = (link.get("href") or "").strip()
        parts = split_url(href)  # None for a link urlsplit refuses: no link to the front page
        front = (bool(href) and not href.startswith("#") and parts is not None
                 and parts.path in {"", "/"} and not parts.query)
        if front or "home" in (link.get("rel") or "").split():
            return element_text(link) == text
    return False


def _is_a_label_by_its_markup(element: etree._Element) -> bool:
    """True for a bare label that its markup names one wherever it stands, before the title too: a definition term
    (``<dt>``), a heading that names its section for a screen reader (the section's ``aria-labelledby``), or a label
    (no heading) in a sidebar (``<aside>``) of the page's facts, which a theme may print before the article and
    place beside it.

    >>> from lxml import html
    >>> _is_a_label_by_its_markup(html.fromstring("<dl><dt>Venue</dt><dd>VINSTAD</dd></dl>")[0])
    True
    >>> _is_a_label_by_its_markup(html.fromstring("<aside><h2>Topics</h2></aside>")[0])
    False
    """
    if element.tag == "dt":
        return True
    if element.tag in _HEADING_TAGS:
        parent = element.getparent()
        return (parent is not None and (named := parent.get("aria-labelledby")) is not None
                and element.get("id") in named.split())
    return enclosing(element, "aside") is not None


def _title(selector: Selector, lines: list[Line]) -> tuple[str | None, int]:
    """The release's title and its line; a heading that the page's metadata names as the title comes first."""
    headings = [text for element, text in heading_elements(selector, "h1") if not _is_site_name(element, text)]
    named = [t for t in [meta_content(selector, "og:title", "dcterms.title", "twitter:title")] if t]
    # The first <title> with text, as //title/text() finds it (lxml's walk filtered by tag in C, no XPath).
    page_title = next((el.text for el in selector.root.iter("title") if el.text), None)
    if page_title:
        named.append(_SITE_NAME_BESIDE_RE.sub("", page_title).strip())
    texts = [line.text for line in lines]
    # A heading of another level that the metadata names beats an h1 it does not (the h1 then names the site).
    named_headings = [] if not named or any(h in named for h in headings) else [
        line.text for line in lines if line.element.tag in _HEADING_TAGS and line.text in named]
    candidates = [h for h in headings if h in named] + named_headings[:1] + headings + named
    candidates = [c for c in candidates if c and c.upper() != "OSCE"]
    # A heading that prints the page's type before the title the metadata names ("News: Title", the type hidden
    # from sight for a screen reader): the title is the named one.
    untyped = {heading: title for heading in headings if ":" in heading for title in named
               if heading != title and heading.endswith(title) and _is_type_prefix(heading[: -len(title)])}
    for candidate in candidates:
        if candidate in texts:
            return untyped.get(candidate, candidate), texts.index(candidate)
    return (candidates[0] if candidates else None), -1


def _is_type_prefix(text: str) -> bool:
    """True for a content type and a colon, as a heading prints them before its title.

    >>> _is_type_prefix("News: "), _is_type_prefix("Press release:"), _is_type_prefix("Vienna: ")
    (True, True, False)
    """
    stripped = text.strip()
    return stripped.endswith(":") and stripped[:-1].strip().lower() in CONTENT_TYPES


def _main_article(lines: list[Line], body: list[int]) -> etree._Element | None:
    """The ``<article>`` that holds most of the body's text, if any does."""
    sizes: dict[etree._Element, int] = {}
    for index in body:
        if (article := lines[index].article) is not None:
            sizes[article] = sizes.get(article, 0) + len(lines[index].text)
    return max(sizes, key=sizes.__getitem__) if sizes else None


def _is_other_article(article: etree._Element | None, main: etree._Element | None) -> bool:
    """True for an ``<article>`` that is neither the page's article nor one around it."""
    return main is not None and article is not None and article is not main and not is_within(main, article)


def _in_other_article(line: Line, main: etree._Element | None) -> bool:
    """True for a line inside another release's ``<article>`` (a teaser)."""
    return _is_other_article(line.article, main)


def _names_another_release(line: Line, node: str | None) -> bool:
    """True for a line that links to a release other than the page's (an item of a "Latest news" list)."""
    return any((other := node_id_of(link.url)) and other != node for link in line.links)


def _first_time(lines: list[Line], article_end: int, main: etree._Element | None, selector: Selector,
                node: str | None) -> str | None:
    """The first ``<time datetime>`` printed before the article's end, outside other releases' teasers and lists
    (their dates are not this page's), hidden parts included."""
    # The <time>s of other releases' lines, not to be found again by the walk below.
    theirs: set[etree._Element] = set()
    for index in range(article_end):
        line = lines[index]
        if not line.times:
            continue
        if _in_other_article(line, main) or _names_another_release(line, node):
            theirs.update(line.times)
            continue
        for time in line.times:
            if value := (time.get("datetime") or "").strip():
                return value
    # A <time> that prints nothing makes no line: lxml's own walk in document order finds it (as
    # //time/@datetime[normalize-space()] would, without an XPath), up to the article's end, outside teasers.
    end = lines[article_end].element if article_end < len(lines) else None
    # Only <time>s and the end's tag are visited: lxml filters by tag in C, the whole tree is not walked in Python.
    for element in selector.root.iter("time", end.tag) if end is not None else selector.root.iter("time"):
        if element is end:
            return None
        if element.tag != "time" or element in theirs or not (value := (element.get("datetime") or "").strip()):
            continue
        if _is_other_article(next(element.iterancestors("article"), None), main):
            continue
        return value
    return None


def _property_date(selector: Selector, main: etree._Element | None) -> str | None:
    """The page's date as RDFa or microdata give it (a ``content`` beside or instead of the printed date), outside
    other releases' teasers and links."""
    for element, content in attribute_contents(selector, *_DATE_PROPERTIES):
        if not _is_other_article(next(element.iterancestors("article"), None), main) and next(
                element.iterancestors("a"), None) is None:
            return content
    return None


def _canonical(selector: Selector, url: str) -> str | None:
    """The page's ``<link rel="canonical">`` when it names the same release (rel values are case-insensitive)."""
    for link in selector.root.iter("link"):
        href = link.get("href")
        if href is None or "canonical" not in (link.get("rel") or "").lower().split():
            continue
        canonical = resolve_link(base_url_of(selector, url), href.strip())
        if node_id_of(canonical) == node_id_of(url):
            return release_url(canonical)
    return None


_QUOTE_MARKS = "“”\"‘’'«»„"
#: A pull quote repeats a sentence of the text at least this long (a short phrase may recur by chance).
_MIN_PULL_QUOTE_CHARS = 30


def _may_be_a_pull_quote(line: Line) -> bool:
    """True for a line in a ``<blockquote>`` that opens with a quotation mark: a pull quote, or a quotation."""
    return line.text[:1] in _QUOTE_MARKS and enclosing(line.element, "blockquote") is not None


def _repeats_another(at: int, paragraphs: list[str], dropped: set[int] | frozenset[int] = frozenset()) -> bool:
    """True for a quotation whose words another paragraph prints (one not ``dropped``): a pull quote, set apart to
    catch the eye.

    >>> quote = "“Trust is built step by step, visit by visit”"
    >>> _repeats_another(0, [quote, "“Trust is built step by step, visit by visit,” she said."])
    True
    """
    words = paragraphs[at].strip(_QUOTE_MARKS + " ").rstrip(".!?…,;")
    return len(words) >= _MIN_PULL_QUOTE_CHARS and any(
        words in other for place, other in enumerate(paragraphs) if place != at and place not in dropped)

def _is_end_of_article_heading(line: Line) -> bool:
    """True for a heading that ends the article ("Related content", "Share"), alone or printed on one line with the
    links it heads ("Share E-mail")."""
    text = line.text
    if len(text) <= _SECTION_HEADING_MAX_CHARS and _END_OF_ARTICLE_RE.match(text):
        return True
    if not line.links or len(text) > 2 * _SECTION_HEADING_MAX_CHARS:
        return False
    for link in line.links:
        text = text.replace(link.text, "", 1) if link.text else text
    text = text.strip()
    return bool(text) and len(text) <= _SECTION_HEADING_MAX_CHARS and _END_OF_ARTICLE_RE.match(text) is not None


def _holds_the_text(
    lines: list[Line], body: list[int], inside: list[int], container: etree._Element, total: int,
    main: etree._Element | None,
) -> bool:
    """True when ``container``, around the body lines ``inside``, is the article's (see :func:`_article_body`)."""
    if not inside:
        return False
    outside = [i for i in body if i > inside[-1]]
    trailing = len(outside) + len(inside) == len(body)
    # The page's <article> is the author's own container: whatever follows it is not its text, however short the
    # article (a one-paragraph statement above a block of other releases' leads).
    if container is main and trailing:
        return True
    if len(inside) < 2:
        return False
    share = sum(len(lines[i].text) for i in inside) / total
    trailing_furniture = trailing and (
        container.tag == "article"
        or (len(outside) <= 2 and all(len(lines[i].text) <= _FURNITURE_LINE_CHARS for i in outside))
    )
    return share >= 0.8 or (share >= 0.5 and trailing_furniture)


def _article_body(lines: list[Line], body: list[int], main: etree._Element | None = None) -> list[int]:
    """The body lines that share the article's container: page furniture after it is left out.

    The container is the page's ``<article>`` (``main``) when it holds the first body line and only lines
    after it lie outside; else the nearest element around the first body line that holds at least two body
    lines and either 80% of the body's text, or half of it with only lines after it that are no more
    than two short ones (an address, a copyright line) or lie outside it when it is an ``<article>``.
    """
    parent = lines[body[0]].element.getparent() if len(body) >= 2 else None
    if parent is None:
        return body
    # Most pages print their text as siblings, some followed by furniture outside their parent (a footer):
    # the parent, the nearest container, is then tried without a walk up from each line.
    run = next((n for n, i in enumerate(body) if lines[i].element.getparent() is not parent), len(body))
    total = sum(len(lines[i].text) for i in body)
    if not any(is_within(lines[i].element, parent) for i in body[run:]) and _holds_the_text(
        lines, body, body[:run], parent, total, main
    ):
        return body[:run]
    # Each line's element and its ancestors, listed once: the containers tried below are looked up in them.
    chains = {i: [lines[i].element, *lines[i].element.iterancestors()] for i in body}
    for ancestor in chains[body[0]][1:]:
        inside = [i for i in body if ancestor in chains[i]]
        if _holds_the_text(lines, body, inside, ancestor, total, main):
            return inside
    return body


#: Lines looked back over from a label for the title of another release it would belong to (a teaser: its linked
#: title, then its date); a heading ends the look, a block of its own starts there.
_TEASER_LOOK_BACK = 3


def _belongs_to_another_release(lines: list[Line], found: Labelled, node: str | None, taken: set[int]) -> bool:
    """True when a label lies in a teaser of another release: in a card, or just below another release's linked
    title (a line mostly of its link) with no heading between, the labels before it passed over (``taken``: their
    lines, whose values may link to numbered terms): a "Recent press releases" block's dates and sources are its
    items', wherever the theme puts the block."""
    if lines[found.first_line].card is not None:
        return True
    looked = 0
    for index in range(found.first_line - 1, -1, -1):
        if index in taken:
            continue
        line = lines[index]
        if line.card is not None or (line.links and line.link_text_share > 0.5 and _names_another_release(line, node)):
            return True
        looked += 1
        if line.element.tag in _HEADING_TAGS or looked == _TEASER_LOOK_BACK:
            break
    return False


def _shows_a_photo_alone(element: etree._Element) -> bool:
    """True for an ``<img>``, or an element that holds one and shows no text (a link or a wrapper around a photo)."""
    return element.tag == "img" or (element.find(".//img") is not None and not element_text(element))


def _caption_beside_a_photo(line: Line) -> etree._Element | None:
    """The wrapper of a photo and its caption when the line is the caption: the wrapper's last child, right after the
    photo, the two alone in it with no text between; None for any other line."""
    element = line.element
    photo = element.getprevious()
    if photo is None or element.getnext() is not None or len(line.text) > _MAX_CAPTION_CHARS:
        return None
    wrapper = element.getparent()
    if (wrapper is None or len(wrapper) != 2 or (wrapper.text or "").strip() or (photo.tail or "").strip()
            or (element.tail or "").strip() or not _shows_a_photo_alone(photo)):
        return None
    return wrapper


def _without_captions_beside_photos(lines: list[Line], body: list[int]) -> list[int]:
    """The body lines without the captions of photos printed with no ``<figure>``: a line alone in a wrapper with
    a photo above it, between paragraphs of the text beside the wrapper (a text printed in one block with its photo
    is never dropped), that opens with no dateline."""
    captions = {index: wrapper for index in body if (wrapper := _caption_beside_a_photo(lines[index])) is not None}
    if not captions:
        return body

    def among_paragraphs(index: int, wrapper: etree._Element) -> bool:
        around = wrapper.getparent()
        if around is None:
            return False
        beside = [other for other in body if is_within(lines[other].element, around)
                  and not is_within(lines[other].element, wrapper)]
        return bool(beside) and beside[0] < index < beside[-1]

    dropped = {index for index, wrapper in captions.items()
               if among_paragraphs(index, wrapper) and parse_dateline(lines[index].text) is None}
    return [index for index in body if index not in dropped] if dropped else body


# The attribution that ends an embedded social-media post: "— OSCE (@OSCE) July 24, 2022".
_POST_ATTRIBUTION_RE = re.compile(r"[—–-]\s*[^()]{1,80}\(@\w{1,30}\)\s+\w+\.? \d{1,2}, \d{4}$")


def _without_embedded_posts(lines: list[Line], body: list[int]) -> list[int]:
    """The body lines without a social-media post embedded in them (a quote that ends with the post's attribution,
    "— OSCE (@OSCE) July 24, 2022"): the post is the network's page, not the release's text."""
    quotes = [
        quote for index in body
        if lines[index].text[:1] in "—–-" and _POST_ATTRIBUTION_RE.match(lines[index].text)
        and (quote := enclosing(lines[index].element, "blockquote")) is not None
    ]
    if not quotes:
        return body
    return [index for index in body if not any(is_within(lines[index].element, quote) for quote in quotes)]


def _labels_after_related_items(
    lines: list[Line], heading: int, missing: set[str], node: str | None, title_element: etree._Element | None
) -> dict[str, tuple[Labelled, list[Line]]]:
    """The labels of the fields in ``missing`` that the article prints after the block of related items that
    ``lines[heading]`` titles: outside that block, in the ``<article>`` that holds the title (a teaser is an article
    of its own), and in no teaser of another release."""
    block = lines[heading].element.getparent()
    own_article = enclosing(title_element, "article") if title_element is not None else None
    if own_article is None:
        return {}  # no article says where the page's own lines end
    found: dict[str, tuple[Labelled, list[Line]]] = {}
    # The block's lines are passed over when a label looks back for a teaser's title above it.
    taken = {index for index in range(heading, len(lines))
             if block is not None and is_within(lines[index].element, block)}
    for name, labelled in iter_labels(lines, PAGE_LABELS, start=heading + 1, headings=True):
        first = lines[labelled.first_line]
        if (name in missing and name not in found and labelled.values
                and not (block is not None and is_within(first.element, block))
                and first.article is own_article and not _belongs_to_another_release(lines, labelled, node, taken)):
            found[name] = (labelled, lines)
        taken.update(range(labelled.first_line, labelled.last_line + 1))
    return found


def _sidebar_labels(
    selector: Selector, url: str, missing: set[str], node: str | None
) -> dict[str, tuple[Labelled, list[Line]]]:
    """The labels of the fields in ``missing`` that a sidebar beside the article shows (a theme may place the
    release's facts block in a sidebar region), each with the sidebar's lines.

    A sidebar's bare word is a label only in an element Drupal's field template marks as one, or a heading over one
    line of tags: "Source" above a block's list may be any block's heading. Labels in a teaser of another release
    are not the page's (a "Latest news" block's items print dates and types of their own); of the rest, a label
    counts only when its sidebar shows it once.
    """
    found: dict[str, tuple[Labelled, list[Line]]] = {}
    for aside in sidebars(selector):
        lines = visible_lines(selector, url, within=aside)
        shown: dict[str, list[Labelled]] = {}
        taken: set[int] = set()
        # A heading that is a label alone is read over its tags only (a card's "Where we are" over its badges).
        for name, labelled in iter_labels(lines, PAGE_LABELS, tag_headings=True):
            label_el = lines[labelled.first_line].element
            if (
                name in missing and labelled.values
                and (not labelled.bare or is_field_label(label_el) or label_el.tag in _HEADING_TAGS)
                and lines[labelled.first_line].article is None
                and not _belongs_to_another_release(lines, labelled, node, taken)
            ):
                shown.setdefault(name, []).append(labelled)
            taken.update(range(labelled.first_line, labelled.last_line + 1))
        for name, occurrences in shown.items():
            if len(occurrences) == 1 and name not in found:
                found[name] = (occurrences[0], lines)
    return found


# A name of one to three capitalised words, a dash between spaces, and the text's first word: "Vienna – The OSCE".
_PLACE_THEN_DASH_RE = re.compile(r"(?P<place>[A-ZÀ-Ž][\w'’.-]*(?: [A-ZÀ-Ž][\w'’.-]*){0,2}) [–—-] (?=[A-ZÀ-Ž“\"«])")


def place_opening_the_text(text: str) -> str | None:
    """The place a text opens with before a dash, when the gazetteer knows it and the dateline reader reads no
    dateline there: a dateline of the place alone, printed in the case of a name ("Vienna – The OSCE ...").

    >>> place_opening_the_text("Vienna – The OSCE today opened a course."), place_opening_the_text("Strong – We met.")
    ('Vienna', None)
    """
    # The pattern is tried once, at the text's start: most texts open with a name and a comma, or no dash.
    if not (match := _PLACE_THEN_DASH_RE.match(text)) or not lookup_place(place := match["place"]).country_code:
        return None
    return place if parse_dateline(text) is None else None


def _date_of(found: Labelled, lines: list[Line]) -> str:
    """The date a date label shows: as printed, or its ``<time>``'s when the printed one names no month."""
    if names_its_month(found.text):
        return found.text
    # "Fri, 05/03/2019 - 12:00" (Drupal's medium format, month first): the <time> it prints says which day.
    if machine := next((t for i in range(found.first_line, found.last_line + 1) if (t := time_datetime(lines[i]))),
                       None):
        return machine
    # "Published: 22/12/2016 · Updated: 02/01/2017": the update's date beside it is no part of the date.
    byline = printed_byline(found.text) if len(found.values) == 1 else None
    return byline.date if byline is not None else found.text


def _byline_above_title(lines: list[Line], title_index: int, consumed: set[int]) -> Byline | None:
    """A date printed right above the title, alone, beside a place or as a calendar tile ("04" / "Jun" / "2019"),
    with at most the page's type (a line already read) between them, in the title's own header: a teaser's date or a
    pager's line before the heading is another's."""
    if title_index < 1:
        return None
    end = title_index - 1 if title_index - 1 in consumed else title_index
    # The title's parent's parent: its heading's wrapper and the header around it, as themes print a hero.
    parent = lines[title_index].element.getparent()
    header = parent.getparent() if parent is not None and parent.getparent() is not None else parent

    def in_the_header(index: int) -> bool:
        line = lines[index]
        return (header is not None and is_within(line.element, header) and line.card is None and not line.links
                and line.article is lines[title_index].article)

    if end >= 3 and all(in_the_header(i) for i in range(end - 3, end)) and (tile := tile_date(lines, end - 3)):
        return Byline(tile)
    if end >= 1 and end - 1 not in consumed and in_the_header(end - 1):
        return line_byline(lines[end - 1])  # its parts may touch, their separators hidden ("3 May 2021Vinstad")
    return None


def read_release(page: Selector | str | bytes, url: str) -> ReleasePage:
    """Read a release page by its visible text (a parsel selector, or the page's HTML).

    >>> html = '''<h1>OSCE trains border guards</h1><ul><li>Date:</li><li>Place:</li>
    ... <li>DUSHANBE</li><li>Source:</li><li>OSCE Programme Office in Dushanbe</li></ul>
    ... <p>DUSHANBE, 2 June 2016 – The OSCE today trained ...</p>'''
    >>> page = read_release(html, "https://www.osce.org/programme-office-in-dushanbe/244381")
    >>> page.node_id, page.title, page.place_raw, page.source, page.date_raw
    ('244381', 'OSCE trains border guards', ['DUSHANBE'], ['OSCE Programme Office in Dushanbe'], None)
    """
    selector = page if isinstance(page, Selector) else page_selector(page)
    lines = visible_lines(selector, url)
    title, title_index = _title(selector, lines)
    # Labels of related items listed after the article ("Related content") are not this page's.
    article_end = next(
        (
            i for i in range(title_index + 1, len(lines))
            if len(lines[i].text) <= _SECTION_HEADING_MAX_CHARS and _RELATED_ITEMS_RE.match(lines[i].text)
        ),
        len(lines),
    )
    node = node_id_of(url)
    # The page's own labels stand in the <main> that holds its title, if one does; a teaser's are another release's.
    title_element = lines[title_index].element if 0 <= title_index < len(lines) else None
    main_of_title = enclosing(title_element, "main") if title_element is not None else None
    title_elements = [title_element] if title_element is not None else []
    labels = find_labels(
        lines, PAGE_LABELS, end=article_end, bare_from=max(0, title_index),
        keep=lambda found, taken: not (_belongs_to_another_release(lines, found, node, taken)
                                       or in_a_form_apart_from(lines[found.first_line].element, title_elements)),
        inside=None if main_of_title is None else lambda found: is_within(lines[found.first_line].element,
                                                                          main_of_title),
        headings=True, article=enclosing(title_element, "article") if title_element is not None else None,
        bare_before=lambda found: _is_a_label_by_its_markup(lines[found.first_line].element),
    )
    consumed = {i for found in labels.values() for i in range(found.first_line, found.last_line + 1)}
    # A label printed twice in a row (a visible term and its values' hidden caption, "Source" over "Source"): the
    # first is the same label, no text.
    consumed.update(found.first_line - 1 for found in labels.values()
                    if found.first_line and lines[found.first_line - 1].text == lines[found.first_line].text)

    content_type = labels["content_type"].text if "content_type" in labels and labels["content_type"].values else None
    printed_date = None
    printed_place: str | None = None  # a byline's place, beside its date and type
    # The content type is printed just above the title, or just below it; above it, maybe in a byline with the date.
    for index in [*range(title_index - 1, max(-1, title_index - 4), -1), title_index + 1]:
        if 0 <= index < len(lines) and index != title_index and index not in consumed:
            if lines[index].element.tag == "li" and lines[index].links:
                continue  # a menu's entry or a breadcrumb's crumb ("News", "Stories"): no type of the page
            known = CONTENT_TYPES.get(lines[index].text.lower().rstrip(":"))
            if known:
                consumed.add(index)
                content_type = content_type or known
                break
            # Its parts may touch in the text, their separators hidden ("3 May 2021NewsVinstad").
            if index < title_index and (byline := line_byline(lines[index])) and byline.content_type:
                consumed.add(index)
                printed_date, content_type = byline.date, content_type or byline.content_type
                printed_place = byline.place
                break
            if index < title_index and (typed := typed_date(lines[index].text)):
                consumed.add(index)  # "News 3 June 2019", or "News3 June 2019" where the two tags touch
                content_type, printed_date = content_type or typed[0], typed[1]
                break

    body: list[int] = []
    standalone = None
    # The field of a label the project does not read ("Tags", "Related countries"): its values are not text.
    other_field: etree._Element | None = None
    # A block that an end-of-article heading titles before the text ("Press contact", "See also" in a column the
    # source prints first): furniture, and no end.
    furniture_block: etree._Element | None = None
    for index in range(title_index + 1, len(lines)):
        if index in consumed:
            continue
        line = lines[index]
        text = line.text
        if furniture_block is not None:
            if is_within(line.element, furniture_block):
                continue
            furniture_block = None
        if is_field_label(line.element):
            other_field = line.element.getparent()
            continue
        if other_field is not None:
            if is_within(line.element, other_field) and is_value_line(line):
                continue
            other_field = None
        if text == title and line.element.tag in _HEADING_TAGS:
            continue  # the title's heading printed again (a banner's, and the article's own); a lead may repeat it
        if len(text) <= _LONGEST_BODY_HEADING and line.element.tag in _HEADING_TAGS and text.lower() in _BODY_HEADINGS:
            continue  # a heading that names the body itself (for a screen reader, "Full text"): no text
        if (line.element.tag in _FACTS_CAPTION_TAGS or line.element.tag in _HEADING_TAGS) and index + 1 in consumed:
            continue  # the heading, disclosure or table caption over the page's facts ("About this release"): no text
        if _is_end_of_article_heading(line):
            if any(len(lines[i].text.split()) >= _TEXT_LINE_MIN_WORDS for i in body):
                break
            # Before the text (a "Share" block above it, a column of blocks the source prints first): the heading
            # and a small block it titles are furniture; the links of a larger one are skipped below.
            block = line.element.getparent() if line.element.tag in _HEADING_TAGS else None
            if (block is not None and len(element_text(block)) <= _MAX_FURNITURE_BLOCK_CHARS
                    and not (title_index >= 0 and is_within(lines[title_index].element, block))):
                furniture_block = block
            continue
        # The last letter is tested first: most lines end otherwise, and are not sliced and lowered.
        caption = line.element.tag == "figcaption" or (
            text[-1:].lower() == _CAPTION_END[-1] and text[-len(_CAPTION_END) :].lower() == _CAPTION_END
        ) or (text[-1:] == ")" and _CREDIT_END_RE.search(text[-80:]) is not None)
        if caption or (text[:1] in _FURNITURE_OPENINGS and _FURNITURE_RE.match(text)) or is_translation_note(text):
            continue
        if body and text[:1] in "Ll" and _LAST_UPDATED_RE.match(text):
            continue
        if line.card is not None or (line.links and line.link_text_share > 0.6 and (
                len(text) < 120 or (not body and line.element.tag in _HEADING_TAGS))):  # before the text, a linked
            # heading is another release's title
            continue  # teaser cards of other releases, tags, share buttons, "read more"
        if not body and len(text) <= _LONGEST_DATE_LABEL and text.lower() in _DATE_LABEL_WORDS:
            continue  # before the text, "Published" alone is the page's status, no text (a date label takes a date)
        if not body and is_standalone_dateline(text):
            standalone = standalone or text
            continue
        if not body and (byline := line_byline(line)):
            # The date printed under the title, alone or beside a place, a type or an update's date: no text.
            printed_date = printed_date or byline.date
            content_type = content_type or byline.content_type
            printed_place = printed_place or byline.place
            continue
        if not body and ((len(text) <= _LONGEST_CONTENT_TYPE and text.lower() in CONTENT_TYPES) or typed_date(text)):
            # Before the text, a type alone on its line or beside a date ("Press release", "News3 June 2019" over a
            # teaser's title, perhaps another release's): no text, and no fact of the page.
            continue
        if submitted := byline_date(line):
            printed_date = printed_date or submitted  # "Submitted by editor on 3 May 2019": a byline, not text
            continue
        if text[:1] in "SsPp" and is_submitted_line(text):
            continue  # a byline whose date is month first or day first, nothing says which: no text, no date
        body.append(index)
    # Above the title only when nothing under it dates the page.
    if not printed_date and (above := _byline_above_title(lines, title_index, consumed)):
        printed_date, printed_place = above.date, printed_place or above.place
    if next(selector.root.iter("img"), None) is not None:  # a page without a photo has no caption to leave out
        body = _without_captions_beside_photos(lines, body)
    body = _without_embedded_posts(lines, body)
    # Teasers of other releases are <article>s of their own: only the page's article speaks of the release.
    main = _main_article(lines, body)
    if main is not None:  # without an article around the text, no line is in another
        body = [i for i in body if not _in_other_article(lines[i], main)]
    paragraphs: list[str] = []
    paragraph_lines: list[Line] = []
    quotes: list[int] = []  # the places of the paragraphs that may be pull quotes, those in a box first
    for index in _article_body(lines, body, main):
        if not paragraphs or paragraphs[-1] != lines[index].text:  # a paragraph printed twice
            paragraphs.append(lines[index].text)
            paragraph_lines.append(lines[index])
            if _may_be_a_pull_quote(lines[index]):
                quotes.append(len(paragraphs) - 1)
    if main is not None and next(main.iter("aside"), None) is not None:  # most articles hold none: no ancestors asked
        # A box set apart in the article (an <aside>) that repeats the text's words: a pull quote too.
        boxes = [at for at, line in enumerate(paragraph_lines) if enclosing(line.element, "aside") is not None]
        quotes = [*boxes, *(at for at in quotes if at not in boxes)]
    # A quotation that two candidates print (a box and a blockquote) keeps one of them: each is asked of the
    # paragraphs left.
    pull_quotes: set[int] = set()
    for at in quotes:
        if _repeats_another(at, paragraphs, pull_quotes):
            pull_quotes.add(at)
    if pull_quotes:
        paragraphs = [text for at, text in enumerate(paragraphs) if at not in pull_quotes]

    shown = {name: (labelled, lines) for name, labelled in labels.items() if labelled.values}
    # A field the article shows in no label (a byline's date and a type by the title count) is looked for in the
    # sidebars beside it.
    missing = _PAGE_FIELDS.difference(shown, ["date"] if printed_date else [], ["content_type"] if content_type else [])
    if missing and article_end < len(lines):
        # The article's own fields after a block of related items inside it ("Related content", then "Office").
        shown.update(_labels_after_related_items(lines, article_end, missing, node, title_element))
        missing = missing.difference(shown)
    if missing:
        shown.update(_sidebar_labels(selector, url, missing, node))
    date = shown.get("date")
    date_raw = _date_of(*date) if date else printed_date
    if content_type is None and "content_type" in shown:
        content_type = shown["content_type"][0].text
    # No label names the place: a byline's place, else one the text opens with before a dash ("Vienna – ...").
    place_raw = list(shown["place"][0].values) if "place" in shown else [printed_place] if printed_place else []
    if not place_raw and paragraphs and (opening := place_opening_the_text(paragraphs[0])):
        place_raw = [opening]
    meta_date = (
        meta_content(selector, "article:published_time", "dcterms.date", "date", "datePublished", "dc.date")
        or next(json_ld_values(selector, "datePublished"), None)
        or _first_time(lines, article_end, main, selector, node)
        or _property_date(selector, main)
    )
    return ReleasePage(
        url=url,
        node_id=node,
        title=title,
        content_type=content_type,
        date_raw=date_raw,
        place_raw=place_raw,
        source=split_values(shown["source"][0].values) if "source" in shown else [],
        fields_of_work=split_values(shown["fields_of_work"][0].values) if "fields_of_work" in shown else [],
        paragraphs=paragraphs,
        standalone_dateline=standalone,
        meta_date=meta_date,
        canonical_url=_canonical(selector, url),
        label_style=_label_style(labelled for labelled, _ in shown.values()),
    )


# Words of the organization's name and short words: every OSCE page has them, whatever it shows.
_COMMON_WORDS = frozenset("osce organization security co-operation cooperation europe with from that this".split())
_CONTENT_WORD_RE = re.compile(r"\w[\w'’-]{3,}")


def _content_words(text: str) -> set[str]:
    return {word for word in _CONTENT_WORD_RE.findall(text.lower()) if word not in _COMMON_WORDS}


def shows_the_release(page: ReleasePage, listed_title: str | None) -> bool:
    """True unless :func:`why_not_the_release` has a reason the page is not the release.

    >>> page = read_release("<h1>Our newsroom is moving</h1><p>Media enquiries: call the press office.</p>",
    ...                     "https://www.osce.org/a/12")
    >>> shows_the_release(page, "Police trained in Bishkek"), shows_the_release(page, "Media freedom course in Bishkek")
    (False, False)
    >>> shows_the_release(page, "Newsroom moving"), shows_the_release(page, None)
    (True, False)
    >>> shows_the_release(read_release("<h1>Page not found</h1><p>Try the search.</p>", "https://www.osce.org/a/12"),
    ...                   "Page not found in Bishkek")
    False
    """
    return why_not_the_release(page, listed_title) is None


def why_not_the_release(page: ReleasePage, listed_title: str | None) -> str | None:
    """Why the page is not the release, in a line, or None when it is: a page titled as an error page
    (:func:`~osce_scraper.pages.html.is_error_title`) unless the listing gave it that title; one that shows none of
    the words of the title the listing gave it, neither in its title nor in its text, or is a notice
    (:func:`is_a_notice`) that shows fewer than half of them: a maintenance or error page answered with 200 in place
    of the release is no record of it, though it may share a word with the title. Without a listed title (a start
    URL, the re-check of a release no listing showed), a notice.

    >>> why_not_the_release(read_release("<h1>Page not found</h1>", "https://www.osce.org/a/12"), None)
    "the page is titled 'Page not found', as an error page is"
    """
    if page.title is not None and page.title != listed_title and is_error_title(page.title):
        return f"the page is titled {page.title!r}, as an error page is"  # "Page not found" over the latest news
    if listed_title is None:
        if is_a_notice(page):
            return ("the page shows a few sentences and no date, place, source or type of a release, and no listing "
                    "item names it")
        return None
    wanted = _content_words(listed_title)
    if not wanted:
        return None
    # A release shows its title, and may have changed it since the listing was read: one word of it will do. A
    # notice shares a common word ("media", "support") with many titles: it must show most of the title.
    needed = (len(wanted) + 1) // 2 if is_a_notice(page) else 1
    shown = wanted & _content_words(page.title) if page.title else set()
    for paragraph in page.paragraphs:
        if len(shown) >= needed:
            break
        shown |= wanted & _content_words(paragraph)
    if len(shown) >= needed:
        return None
    return (f"the page shows none of the words of the title the listing gave it ({listed_title!r}), or is a notice "
            "that shows few of them")


#: A notice (maintenance, an error, an access check) says what it says in a few sentences; the shortest release of
#: the gold corpus runs to 71 words.
_NOTICE_MAX_WORDS = 50


def is_a_notice(page: ReleasePage) -> bool:
    """True for a page that shows none of the facts a release shows beside its text (a date, labelled, printed
    under the title, opening the text in a dateline or machine-readable; a place, a source, fields of work, a
    content type) and only a few sentences: a maintenance, error or access page answered with 200, told from a
    release where no listing item names the page.

    >>> url = "https://www.osce.org/a/12"
    >>> is_a_notice(read_release("<h1>Site under maintenance</h1><p>We will be back shortly.</p>", url))
    True
    >>> is_a_notice(read_release("<h1>Police trained</h1><p>OSH, 3 May 2021 - The OSCE trained ...</p>", url))
    False
    """
    if (page.date_raw or page.meta_date or page.standalone_dateline or page.place_raw or page.source
            or page.fields_of_work or page.content_type):
        return False
    if (dateline := first_dateline(page.paragraphs)) is not None and dateline.date_text is not None:
        return False
    return sum(len(text.split()) for text in page.paragraphs) <= _NOTICE_MAX_WORDS

def _label_style(found: Iterable[Labelled]) -> str:
    styles = {labelled.bare for labelled in found if labelled.values}
    if not styles:
        return "no labels"
    return "labels with colons" if False in styles else "bare labels"
