"""Turn an HTML page into the lines a reader sees.

Every reader in this package works on these lines rather than on CSS
classes or tag paths: osce.org's markup is unknown and may change, but the
visible text (labels such as ``Place:``, titles, datelines) is stable.
A page is parsed once into a parsel :class:`~parsel.Selector` (lxml underneath);
the lines come from a walk over its element tree.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple
from urllib.parse import urljoin

import ftfy
from lxml import etree
from parsel import Selector

#: Elements that start a new line of visible text.
BLOCK_TAGS = frozenset(
    """address article aside blockquote body caption dd details dialog div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html li main menu nav ol p pre
    section summary table tbody td tfoot th thead tr ul""".split()
)
#: Elements whose text a reader never sees as part of the article.
HIDDEN_TAGS = frozenset(
    "script style noscript template nav button select option svg iframe head object embed".split()
)
#: Hidden elements a browser draws as a box of their own (a control, an icon, an embed): the words around one are
#: two words, not one ("Share" and "E-mail" beside a button are "Share E-mail").
BOX_TAGS = frozenset("button select svg iframe object embed".split())
#: Page furniture, skipped unless it sits inside the article itself.
FURNITURE_TAGS = frozenset({"header", "footer", "aside"})


def normalise_space(text: str) -> str:
    """Collapse runs of white space (including no-break spaces) into one space; repair mojibake.

    >>> normalise_space("  OSCE\\u00a0Mission \\n to  Skopje ")
    'OSCE Mission to Skopje'
    """
    # Mojibake first: a no-break space is part of some broken characters ("Å\xa0" for "Š").
    # str.split() splits on exactly the white space that the regex \s matches, and faster.
    if text.isascii():  # known of every str without a scan: no mojibake, no soft hyphen
        # Most lines need nothing. In ASCII, str.split() splits on the space and these nine characters; each
        # test is a memchr, several times faster than a scan by str.isprintable().
        if not (
            "\n" in text or "\t" in text or "\r" in text or "  " in text or "\x0b" in text or "\x0c" in text
            or "\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text
        ) and text[:1] != " " and text[-1:] != " ":
            return text
        return " ".join(text.split())
    return " ".join(repair_mojibake(text).replace("\u00ad", "").split())


# The first character of every UTF-8 sequence of Latin, Cyrillic or punctuation read as Windows-1252.
_MOJIBAKE_HINT_RE = re.compile("[ÃÂÄÅÆÇÐÑÒÓÔÕâ]")


def repair_mojibake(text: str) -> str:
    r"""Text whose UTF-8 bytes were read as Windows-1252 or Latin-1, read again as UTF-8 (by ftfy).

    Correct text is left as it is, curly quotes included.

    >>> repair_mojibake("PRISHTINÃ‹/PRIÅ TINA â€“ OSCE"), repair_mojibake("Äänekoski – “OSCE”")
    ('PRISHTINË/PRIŠTINA – OSCE', 'Äänekoski – “OSCE”')
    """
    if text.isascii() or not _MOJIBAKE_HINT_RE.search(text):
        return text  # ftfy costs microseconds a call; most lines cannot be mojibake
    return ftfy.fix_encoding(text)


_STRING_VALUE = etree.XPath("string()", smart_strings=False)


def printed_text(el: etree._Element) -> str:
    """The text an element prints, its white space as printed (comments and processing instructions left out).

    >>> printed_text(page_selector("<p> OSCE <b>Mission</b></p>").root.find(".//p"))
    ' OSCE Mission'
    """
    return _STRING_VALUE(el)


def element_text(el: etree._Element) -> str:
    """The text an element shows, comments and processing instructions left out, white space collapsed.

    >>> element_text(page_selector("<p>OSCE <!-- note --><b>Mission</b>\\n to Skopje</p>").root.find(".//p"))
    'OSCE Mission to Skopje'
    """
    if not len(el):  # most elements asked (links, labels) hold their text alone: no XPath evaluation
        return normalise_space(el.text or "")
    return normalise_space(_STRING_VALUE(el))


class Link(NamedTuple):
    """A hyperlink: absolute URL, visible text and ``rel`` attribute.

    A named tuple: a page makes dozens, and a frozen dataclass costs several times as much to build.
    """

    url: str
    text: str
    rel: str = ""


@dataclass(slots=True)
class Line:
    """One line of visible text and the block element that holds it."""

    text: str
    element: etree._Element
    links: list[Link] = field(default_factory=list)
    #: The link around the whole block when the line lies inside a link that holds blocks (a card).
    card: Link | None = None
    #: The ``<time>`` elements printed on the line (not those of the blocks inside its element).
    times: tuple[etree._Element, ...] = ()
    #: The innermost ``<article>`` around the line (a teaser of another release is an article of its own).
    article: etree._Element | None = None

    @property
    def link_text_share(self) -> float:
        """Share of the line's characters that are link text (0.0 to 1.0)."""
        if not self.text:
            return 0.0
        return min(1.0, sum(len(link.text) for link in self.links) / len(self.text))


def is_within(el: etree._Element, ancestor: etree._Element | None) -> bool:
    """True when ``el`` is ``ancestor`` or lies inside it."""
    if ancestor is None:
        return False
    # lxml keeps one proxy per element while it is referenced, and elements compare by identity.
    return el is ancestor or ancestor in el.iterancestors()


def enclosing(el: etree._Element, tag: str) -> etree._Element | None:
    """``el`` when it is a ``tag``, else its nearest ``tag`` ancestor, if any.

    >>> enclosing(page_selector("<blockquote><p>Quote</p></blockquote>").root.find(".//p"), "blockquote").tag
    'blockquote'
    """
    return el if el.tag == tag else next(el.iterancestors(tag), None)


_EMPTY_PAGE = "<html><body></body></html>"


# Lone surrogates count too: they are the bytes UTF-8 could not read in text decoded with "surrogateescape".
_ODD_CHARACTER_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd\ud800-\udfff]")


def looks_binary(page: str) -> bool:
    r"""True for bytes that are not text (an image or archive served as HTML).

    >>> looks_binary("<p>Vienna</p>"), looks_binary("\x00\x01\x02\ufffd\ufffd<p>")
    (False, True)
    """
    sample = page[:4096]
    return bool(sample) and len(_ODD_CHARACTER_RE.findall(sample)) > 0.1 * len(sample)


# libxml2 stops nesting at depth 2048 and drops what lies deeper (it says so in the parser's error log);
# such pages are read flat.
_TOO_DEEP_MESSAGE = "Excessive depth"
_CONTAINER_TAG_RE = re.compile(r"</?(?:div|span|section|article|font|b|i|em|strong|center|small|big)\b[^>]*>", re.I)
_PARSERS = threading.local()
_XML_DECLARATION_RE = re.compile(r"^\s*<\?xml[^>]*\?>")


def _html_parser() -> etree.HTMLParser:
    """The thread's HTML parser: building one costs as much as parsing a short page.

    A plain lxml parser rather than ``lxml.html``'s: that one looks up a Python element class each time
    a walk touches an element, which is most of the cost of a walk's element proxies.
    """
    parser = getattr(_PARSERS, "parser", None)
    if parser is None:
        parser = _PARSERS.parser = etree.HTMLParser(recover=True, huge_tree=True, encoding="utf-8")
    return parser


def page_selector(page: str | bytes) -> Selector:
    """A parsel selector over a page, parsed leniently; an empty, binary or unparsable page reads as empty.

    >>> page_selector("<h1>OSCE</h1>").xpath("//h1/text()").get()
    'OSCE'
    """
    if isinstance(page, bytes):
        page = page.decode("utf-8", errors="replace")
    # An XML declaration before the page is no part of it.
    page = _XML_DECLARATION_RE.sub("", page)
    body = _html_bytes(page)
    # Bytes that are not text hold NULs or replacement characters (EF BF BD in UTF-8): looked for in bytes,
    # where the search is a memchr, in the part of the page that looks_binary samples.
    head = body[: 4 * 4096]
    if not body or ((b"\x00" in head or b"\xef\xbf\xbd" in head) and looks_binary(page)):
        return Selector(text=_EMPTY_PAGE)
    root, too_deep = _parse(body)
    if too_deep:
        root, _ = _parse(_html_bytes(_CONTAINER_TAG_RE.sub("\n", page)))
    if root is None or not isinstance(root.tag, str):
        return Selector(text=_EMPTY_PAGE)
    return Selector(root=root, type="html")


def _html_bytes(page: str) -> bytes:
    """The page as lxml is given it, prepared as parsel prepares text: stripped, UTF-8, without the NULs that
    end libxml2's input.

    >>> _html_bytes(" <p>\\udce9</p> ")
    b'<p>\\xef\\xbf\\xbd</p>'
    """
    try:
        body = page.strip().encode("utf-8")
    except UnicodeEncodeError:
        # Lone surrogates have no UTF-8: each is read as U+FFFD, as a bytes page's bytes that are no UTF-8 are.
        body = _SURROGATE_RE.sub("\ufffd", page.strip()).encode("utf-8")
    return body.replace(b"\x00", b"") if b"\x00" in body else body


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def _parse(body: bytes) -> tuple[etree._Element | None, bool]:
    """The page's root (None when lxml makes nothing of it) and whether libxml2 dropped what lay too deep."""
    parser = _html_parser()
    try:
        root = etree.fromstring(body, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None, False
    too_deep = any(_TOO_DEEP_MESSAGE in error.message for error in parser.error_log)
    return root, too_deep


_ORIGIN_RE = re.compile(r"^https?://[^/?#]*", re.I)


def resolve_link(base: str, href: str) -> str:
    """``urljoin(base, href)``, without its cost for the common shapes of links on a page.

    >>> resolve_link("https://www.osce.org/cio/1?x=2", "/secretariat/376582")
    'https://www.osce.org/secretariat/376582'
    >>> resolve_link("https://www.osce.org/cio/1", "https://bishkek.osce.org/p/2")
    'https://bishkek.osce.org/p/2'
    >>> resolve_link("https://www.osce.org/cio/1", "../odihr/3"), resolve_link("https://www.osce.org/a/", "b")
    ('https://www.osce.org/odihr/3', 'https://www.osce.org/a/b')
    """
    return link_resolver(base)(href)


def link_resolver(base: str) -> Callable[[str], str]:
    """:func:`resolve_link` against one base, whose origin is found once: a page resolves dozens of links.

    >>> link_resolver("https://www.osce.org/cio/1")("/odihr/3")
    'https://www.osce.org/odihr/3'
    """
    origin = found.group() if (found := _ORIGIN_RE.match(base)) else None

    def resolve(href: str) -> str:
        if href.startswith(("https://", "http://")) and "/." not in href:
            return href
        if origin is not None and href.startswith("/") and not href.startswith("//") and "/." not in href:
            return origin + href
        return join_url(base, href)

    return resolve


def join_url(base: str, href: str, refused: str | None = None) -> str:
    """``urljoin(base, href)``; when urljoin refuses either (a bracket left open, a host in brackets that is no IP
    address), ``refused``, else ``href`` as printed, as an absolute link is kept unread: the URL readers take it for
    no release.

    >>> join_url("https://www.osce.org/cio/1", "../odihr/3"), join_url("https://www.osce.org/cio/1", "//[x/cio/3")
    ('https://www.osce.org/odihr/3', '//[x/cio/3')
    """
    try:
        return urljoin(base, href)
    except ValueError:  # what urlsplit raises for these URLs, and only for these
        return href if refused is None else refused


def base_url_of(selector: Selector, url: str) -> str:
    """The URL that relative links resolve against (``<base href>`` wins, unless it is no URL urljoin can read: a
    browser then resolves against the page's own)."""
    # The first <base> with an href, as //base/@href finds it, without an XPath evaluation per page.
    if href := next((value for el in selector.root.iter("base") if (value := el.get("href")) is not None), None):
        return join_url(url, href.strip(), refused=url)
    return url


# The attributes that can hide an element; most elements carry none of them (a class at most).
_HIDING_ATTRIBUTES = frozenset({"hidden", "aria-hidden", "role", "style"})
_HIDING_ROLES = frozenset({"navigation", "banner", "contentinfo"})
_ARTICLE_TAGS = frozenset({"article", "main"})


def hidden_by_attribute(el: etree._Element) -> bool:
    """True for an element hidden by ``hidden``, ``aria-hidden``, a landmark role or ``display: none``."""
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    if el.get("role") in _HIDING_ROLES:
        return True
    style = (el.get("style") or "").replace(" ", "").lower()
    return "display:none" in style


def _holds_a_title(header: etree._Element) -> bool:
    """True for a ``<header>`` that holds a page's title, an ``<h1>`` that is not a link home: a theme's hero
    above the article (its type, date and place beside the title), not the site's banner."""
    for heading in header.iter("h1"):
        if len(heading) == 1 and heading[0].tag == "a" and not (heading.text or "").strip():
            continue  # the site's name, linked home
        return True
    return False


#: The elements a theme draws a separator in: a screen reader skips it (``aria-hidden``), a reader sees it.
_SEPARATOR_HOLDERS = frozenset({"span", "i", "b", "em", "small"})
_SEPARATOR_MARKS = frozenset("|·•")


def _drawn_separator(el: etree._Element) -> str | None:
    """`` · `` for an element hidden from screen readers alone that draws a separator mark between facts, which the
    line would otherwise run together ("News" and "Published: ..."); None for any other hidden element.

    >>> _drawn_separator(page_selector("<p>News<span aria-hidden='true'> · </span>3 May</p>").root.find(".//span"))
    ' · '
    """
    if len(el) or el.get("aria-hidden") != "true" or el.get("hidden") is not None:
        return None
    mark = (el.text or "").strip()
    return f" {mark} " if mark in _SEPARATOR_MARKS and mark else None


def visible_lines(selector: Selector, url: str = "", within: etree._Element | None = None) -> list[Line]:
    """The page's visible text, one :class:`Line` per block of text, in reading order.

    Navigation, scripts, page header and footer are left out (a header holding the page's title is read: a
    theme's hero, not the banner). With ``within``, the text of that element alone,
    read as the article's own (a sidebar of :func:`sidebars` included).

    >>> page = page_selector("<nav>Menu</nav><ul><li>Place:</li><li><a href='/x'>VIENNA</a></li></ul>")
    >>> [line.text for line in visible_lines(page, "https://www.osce.org/")]
    ['Place:', 'VIENNA']
    """
    # One pass over lxml's start and end events; it runs for every page, so the loop's body is kept flat
    # (no call per element where a set lookup does).
    resolve = link_resolver(base_url_of(selector, url))
    root = selector.root if within is None else within
    lines: list[Line] = []
    parts: list[str] = []
    links: list[Link] = []
    times: list[etree._Element] = []
    blocks: list[etree._Element] = [root]
    # Links that hold blocks (a teaser card: <a><h2>Title</h2><time>...</time><p>...</p></a>), innermost last.
    cards: list[tuple[etree._Element, Link]] = []
    article_depth = 0 if within is None else 1
    articles: list[etree._Element] = []

    def end_line() -> None:
        """A block's edge: the text so far is a line; the links and times seen belong to it alone."""
        if parts:
            text = normalise_space("".join(parts))
            if text:
                card = cards[-1][1] if cards else None
                line_links = list(links)
                if card is not None and not line_links:
                    line_links.append(Link(card.url, text, card.rel))
                lines.append(Line(text, blocks[-1], line_links, card, tuple(times) if times else (),
                                  articles[-1] if articles else None))
            parts.clear()
        links.clear()
        times.clear()

    walker = etree.iterwalk(root, events=("start", "end"))
    # A hidden element's subtree is skipped, so its own end event comes next: only its tail counts.
    skip_end = False
    # lxml decodes .text and .tail at each access: each is read once.
    for event, el in walker:
        tag = el.tag
        if event == "start":
            # Hidden: never seen, furniture outside the article, or hidden by an attribute (most have none).
            if (
                tag.__class__ is not str
                or tag in HIDDEN_TAGS
                or (tag in FURNITURE_TAGS and not article_depth and not (tag == "header" and _holds_a_title(el)))
                or (not _HIDING_ATTRIBUTES.isdisjoint(el.keys()) and hidden_by_attribute(el))
            ):
                walker.skip_subtree()
                skip_end = True
                if tag in _SEPARATOR_HOLDERS and (mark := _drawn_separator(el)):
                    parts.append(mark)  # a reader sees it between two facts ("News · Published: ..."): no word joins
                if (tail := el.tail) and el is not root:
                    parts.append(f" {tail}" if tag in BOX_TAGS else tail)
                continue
            if tag in BLOCK_TAGS:
                if parts or links or times:
                    end_line()
                blocks.append(el)
            elif tag == "br":
                if parts or links or times:
                    end_line()
                continue  # a line break's own text is not read; its tail comes with its end event
            elif tag == "a" and (href := el.get("href")):
                link = Link(resolve(href.strip()), element_text(el), el.get("rel", ""))
                if len(el) and next(el.iterdescendants(*BLOCK_TAGS), None) is not None:
                    if parts or links or times:
                        end_line()
                    cards.append((el, link))
                else:
                    links.append(link)
            elif tag == "time":
                times.append(el)
            if tag in _ARTICLE_TAGS:
                article_depth += 1
                if tag == "article":
                    articles.append(el)
            if text := el.text:
                parts.append(text)
        else:
            if skip_end:  # the end of a hidden element, a comment or a processing instruction
                skip_end = False
                continue
            if tag in _ARTICLE_TAGS:
                article_depth -= 1
                if tag == "article":
                    articles.pop()
            block = tag in BLOCK_TAGS
            if block or (cards and cards[-1][0] is el):  # a block, or a card, ends its line
                if parts or links or times:
                    end_line()
                (blocks if block else cards).pop()
            if (tail := el.tail) and el is not root:
                parts.append(tail)
    end_line()
    return lines


#: Where a sidebar is not the page's own: inside the article it is read with it; in these it is furniture.
_NOT_SIDEBAR_ANCESTORS = frozenset({*_ARTICLE_TAGS, *FURNITURE_TAGS, *HIDDEN_TAGS})


def sidebars(selector: Selector) -> list[etree._Element]:
    """The page's ``<aside>`` elements outside its article, header and footer (a theme's sidebar regions), which
    :func:`visible_lines` leaves out as furniture; hidden ones are not listed.

    >>> page = page_selector("<main><p>Text</p></main><aside><p>Source: OSCE</p></aside><footer><aside/></footer>")
    >>> [aside.tag for aside in sidebars(page)]
    ['aside']
    """
    found = []
    for aside in selector.root.iter("aside"):
        if hidden_by_attribute(aside) or any(
            ancestor.tag in _NOT_SIDEBAR_ANCESTORS or hidden_by_attribute(ancestor)
            for ancestor in aside.iterancestors()
        ):
            continue
        found.append(aside)
    return found


def time_datetime(line: Line) -> str | None:
    """The ``datetime`` of a ``<time>`` element printed on the line (the date a reader sees, as a machine reads it).

    >>> [line] = visible_lines(page_selector("<p><time datetime='2019-05-03'>3 May</time></p>"))
    >>> time_datetime(line)
    '2019-05-03'
    """
    for time in line.times:
        value = (time.get("datetime") or "").strip()
        if value and element_text(time) in line.text:
            return value
    return None


def link_of(el: etree._Element, url: str) -> Link:
    """An ``<a>`` or ``<link>`` element as a :class:`Link` to ``url`` (its href, resolved): an ``<a>``'s text, and
    for ``rel`` its rel, aria-label and title (a pager's "next" may be told by any of them).

    >>> link_of(page_selector("<a href='?page=2' aria-label='Next page'>›</a>").root.find(".//a"), "/p?page=2")
    Link(url='/p?page=2', text='›', rel='Next page')
    """
    text = element_text(el) if el.tag == "a" else ""
    return Link(url, text, " ".join([el.get("rel", ""), el.get("aria-label", ""), el.get("title", "")]).strip())


def heading_elements(selector: Selector, tag: str = "h1") -> list[tuple[etree._Element, str]]:
    """The page's headings of one level with their visible texts (none inside a hidden element), in document order.

    >>> [text for _, text in heading_elements(page_selector("<h2>Share</h2><h2> </h2>"), "h2")]
    ['Share']
    """
    return [
        (heading, text)
        for heading in selector.root.iter(tag)
        if not any(ancestor.tag in HIDDEN_TAGS for ancestor in heading.iterancestors())
        and (text := element_text(heading))
    ]


_ERROR_STATUS = r"(?:error\s*)?(?:40[0134]|50[0234])"
_ERROR_WORDS = (
    r"(?:page |content )?not found|access denied|forbidden|request rejected|(?:an? )?(?:unexpected )?error(?: page)?"
    r"|(?:(?:the )?(?:site|website|newsroom|page) (?:is )?(?:temporarily )?(?:under|in|down for) )?maintenance"
    r"|(?:temporarily|service) unavailable"
)
# A status alone, the words alone, or both ("404 - Page not found"); a title that opens with a number and goes on
# ("500 police officers trained") is a release's.
_ERROR_TITLE_RE = re.compile(rf"(?:{_ERROR_STATUS}(?:\s*[-–—:|]\s*|\s+)?)?(?:{_ERROR_WORDS})|{_ERROR_STATUS}", re.I)


def is_error_title(text: str) -> bool:
    """True for the title of an error or maintenance page (Drupal's, a theme's, a firewall's): a page so titled
    shows neither a release nor a listing, whatever else it lists.

    >>> is_error_title("404 - Page not found"), is_error_title("Site under maintenance"), is_error_title("Error")
    (True, True, True)
    >>> is_error_title("500 police officers trained"), is_error_title("Error-free elections, observers say")
    (False, False)
    """
    return _ERROR_TITLE_RE.fullmatch(text.strip(" .!")) is not None


def in_a_form_apart_from(element: etree._Element, others: Iterable[etree._Element]) -> bool:
    """True for an element inside a form that holds none of ``others`` (a newsletter's "Fields of work" and its
    boxes to tick, beside a page's title or a listing's items): a form's captions are no facts of the page. A form
    around the whole page is the page.

    >>> page = page_selector("<h1>Title</h1><form><fieldset><legend>Topics</legend></fieldset></form>").root
    >>> in_a_form_apart_from(page.find(".//legend"), [page.find(".//h1")])
    True
    """
    form = enclosing(element, "form")
    return form is not None and not any(is_within(other, form) for other in others)


# "This page is also available in: Русский, Shqip": a note of the page's translations.
_TRANSLATION_NOTE_RE = re.compile(
    r"(?:this (?:page|article|release|press release|text) is (?:also )?|also )available in\b", re.I
)


def is_translation_note(text: str) -> bool:
    """True for a line that lists the languages a page is also printed in: no text, lead or fact of the page.

    >>> is_translation_note("This page is also available in: Русский, Shqip"), is_translation_note("Available soon")
    (True, False)
    """
    return text[:1] in "TtAa" and _TRANSLATION_NOTE_RE.match(text) is not None


def meta_content(selector: Selector, *names: str) -> str | None:
    """The first ``<meta>`` content whose ``name``/``property``/``itemprop`` is in ``names``.

    >>> meta_content(page_selector("<meta name='x' content='1'><meta property='og:title' content=' T '>"), "og:title")
    'T'
    """
    wanted = {name.lower() for name in names}
    for meta in selector.root.iter("meta"):
        attributes = meta.attrib
        if "content" not in attributes:
            continue
        key = (attributes.get("property") or attributes.get("name") or attributes.get("itemprop") or "").lower()
        if key in wanted and (content := normalise_space(attributes["content"])):
            return content
    return None


# Every ``content`` attribute, found in C by one XPath (its results know their element): a fifth of the cost of
# asking for the elements that carry one.
_CONTENT_ATTRIBUTES = etree.XPath("//@content")


def attribute_contents(selector: Selector, *names: str) -> Iterator[tuple[etree._Element, str]]:
    """Each element whose ``property`` or ``itemprop`` names one of ``names`` (either holds a list of terms: Drupal 7
    prints ``property="dc:date dc:created"``), with its ``content`` (RDFa and microdata print a value there, beside or
    instead of the text a reader sees), in document order.

    >>> page = page_selector("<p>Date: <span property='dc:date dc:created' content='2019-06-04T00:00:00+02:00'>")
    >>> [content for _, content in attribute_contents(page, "dc:date")]
    ['2019-06-04T00:00:00+02:00']
    """
    wanted = {name.lower() for name in names}
    for value in _CONTENT_ATTRIBUTES(selector.root):
        element = value.getparent()
        terms = (element.get("property") or element.get("itemprop") or "").lower().split()
        if not wanted.isdisjoint(terms) and (content := normalise_space(str(value))):
            yield element, content


def json_ld_values(selector: Selector, key: str) -> Iterator[str]:
    """String values of ``key`` anywhere in the page's JSON-LD blocks (a block that is no JSON, or nests deeper than
    the decoder recurses, is passed over)."""
    blocks = (el.text for el in selector.root.iter("script")
              if el.text and (el.get("type") or "").strip().lower() == "application/ld+json")
    for block in blocks:
        try:
            data = json.loads(block)
        except (ValueError, RecursionError):  # the decoder recurses once for each array or object it is inside
            continue
        stack = [data]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                value = node.get(key)
                if isinstance(value, str):
                    yield value
                stack.extend(node.values())
            elif isinstance(node, list):
                stack.extend(node)
