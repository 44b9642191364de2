"""Find labelled values (``Place: VIENNA``) in a page's visible lines.

A label is recognised by its visible text, whatever element holds it: one
element (``<p>Place: VIENNA</p>``), a term and its description (``dt``/``dd``),
a list whose items alternate labels and values (osce.org's own release pages),
table cells, or a bold label followed by text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import NamedTuple

from lxml import etree

from osce_scraper.extract.dates import opens_with_a_date
from osce_scraper.extract.urls import node_id_of
from osce_scraper.extract.vocabulary import ignorecase_key, ignorecase_openings
from osce_scraper.pages.html import (
    BLOCK_TAGS,
    HIDDEN_TAGS,
    Line,
    element_text,
    hidden_by_attribute,
    is_within,
    normalise_space,
    printed_text,
)

#: The fields of a date, in either vocabulary: a bare label of one labels a date alone, never a status.
DATE_FIELDS = frozenset({"date", "publishing_date"})
#: Labels on release pages: field name -> visible label texts (osce.org's own, then the words a theme that
#: renames its fields would use for the same field).
#: osce.org also publishes its releases in French and Russian, whose labels follow the English ones (a French label
#: is printed with a space before its colon, "Lieu :"; an apostrophe may be straight or curly, both are read).
#: "Where:" names a place; "When:" is left unread: a media advisory's "When:" dates its event, not the release.
PAGE_LABELS: Mapping[str, tuple[str, ...]] = {
    "date": ("Date", "Published", "Publication date", "Publishing date", "Date published", "Release date",
             "Date of publication", "Issued", "Issued on", "Posted on", "Published on",
             "Date de publication", "Дата", "Дата публикации"),
    "place": ("Place", "Location", "Venue", "Where", "Lieu", "Место"),
    # The listing's names of the same two vocabularies, "Where we are" and "What we do", name them on a page too.
    "source": ("Source", "Sources", "Source(s)", "Where we are", "Published by", "Issued by", "Organization",
               "Organisation", "Office", "Источник", "Источники"),
    "fields_of_work": ("Fields of work", "Field of work", "Field(s) of work", "What we do", "Topics", "Topic",
                       "Themes", "Theme", "Theme(s)", "Areas of work", "Subjects", "Related topics",
                       "Domaines d'activité", "Domaine d'activité", "Направления деятельности",
                       "Направление деятельности"),
    "content_type": ("Content type", "Type of content", "Type", "Category", "Type de contenu", "Тип материала"),
}
#: Content types as printed above a release's title or on a listing card (lower case -> as written).
CONTENT_TYPES = {
    name.lower(): name
    for name in (
        "Press release",
        "News",
        "Press statement",
        "Statement",
        "Daily report",
        "Spot report",
        "Weekly report",
        "Report",
        "Stories",
        "Story",
        "Resources",
        "Feature",
        "Interview",
        "Op-ed",
        "Speech",
        "Media advisory",
        "Event",
        # The same types as the French and Russian pages print them.
        "Communiqué de presse",
        "Actualités",
        "Déclaration à la presse",
        "Déclaration",
        "Rapport quotidien",
        "Rapport ponctuel",
        "Rapport hebdomadaire",
        "Rapport",
        "Ressources",
        "Discours",
        "Entretien",
        "Avis aux médias",
        "Пресс-релиз",
        "Новости",
        "Заявление для прессы",
        "Заявление",
        "Ежедневный доклад",
        "Оперативный доклад",
        "Еженедельный доклад",
        "Доклад",
        "Ресурсы",
        "Выступление",
        "Интервью",
        "Информация для СМИ",
    )
}
#: Labels on listing items: field name -> visible label texts.
LISTING_LABELS: Mapping[str, tuple[str, ...]] = {
    "publishing_date": ("Publishing date", "Published", "Publication date", "Date", "Release date", "Issued",
                        "Issued on", "Posted on", "Date de publication", "Дата", "Дата публикации"),
    "content_type": ("Content type", "Type of content", "Report type", "Type", "Category", "Type de contenu",
                     "Тип материала"),
    "collections": ("Collections", "Collection"),
    "where_we_are": ("Where we are", "Source", "Sources", "Source(s)", "Published by", "Issued by", "Organization",
                     "Organisation", "Office", "Источник", "Источники"),
    # "Fields of work" only with its colon: the site's menu prints it bare over a column of links (and so for its
    # translations).
    "what_we_do": ("What we do", "Fields of work:", "Field(s) of work", "Topics", "Topic", "Themes", "Theme",
                   "Theme(s)", "Areas of work", "Subjects", "Domaines d'activité:", "Направления деятельности:"),
    "location": ("Location", "Place", "Venue", "Lieu", "Место"),
}

_BULLET = r"^[\s\-–•·*]*"
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# A bare label is a field's label element: never a heading (a block's title) nor a list item (a menu's).
_NOT_LABEL_TAGS = _HEADING_TAGS | {"li", "a"}


def is_field_label_heading(element: etree._Element) -> bool:
    """True for a heading that Drupal core's field template marks as a field's label (``field__label``, or the
    heading of a field displayed ``field--label-above``): some themes print the label as an ``<h3>``. Any other
    heading is a block's or a menu's title, never a label.

    >>> from lxml import html
    >>> field = html.fromstring("<div class='field field--label-above'><h3>Place</h3><div>VIENNA</div></div>")
    >>> is_field_label_heading(field[0]), is_field_label_heading(html.fromstring("<div><h3>Place</h3></div>")[0])
    (True, False)
    """
    if element.tag not in _HEADING_TAGS:
        return False
    if "field__label" in (element.get("class") or ""):
        return True
    parent = element.getparent()
    return parent is not None and "field--label-above" in (parent.get("class") or "")

# A value line is short and list-like; a sentence or a dateline ends the values.
_MAX_VALUE_CHARS = 160
_MAX_VALUE_WORDS = 22
#: A longer line is a list of values (a release of a dozen fields of work) when its parts are names of a few words.
_MAX_LIST_PART_WORDS = 6
_DATELINE_START_RE = re.compile(r"^[A-ZÀ-Ž][A-ZÀ-Ž .'/-]+,? \d{1,2} [A-Z][a-z]+")


class Labelled(NamedTuple):
    """A label found in the lines: its values as printed and where it stands.

    A named tuple, as immutable as a frozen dataclass and built three times faster (a page finds several).
    """

    values: tuple[str, ...]
    first_line: int
    last_line: int
    #: Printed without its colon, in an element of its own.
    bare: bool = False

    @property
    def text(self) -> str:
        """The values joined as one string, as a reader would read them."""
        return ", ".join(self.values)


def spellings(label: str) -> tuple[str, ...]:
    """A label as it may be printed: with a straight apostrophe, or with the curly one typesetting puts there.

    >>> spellings("Domaines d'activité"), spellings("Place")
    (("Domaines d'activité", 'Domaines d’activité'), ('Place',))
    """
    return (label, label.replace("'", "’")) if "'" in label else (label,)


def _label_pattern(labels: Mapping[str, tuple[str, ...]]) -> re.Pattern[str]:
    # The longest first, across fields: "Published by" (a source) before "Published" (a date).
    alternatives = "|".join(
        re.escape(text.rstrip(":"))
        for text in sorted((spelling for texts in labels.values() for text in texts for spelling in spellings(text)),
                           key=len, reverse=True)
    )
    return re.compile(_BULLET + rf"(?P<label>{alternatives})\s*(?P<colon>:)?\s*(?P<rest>.*)$", re.I | re.S)



class _LabelMatcher(NamedTuple):
    pattern: re.Pattern[str]
    #: label text, lower case -> field
    by_text: dict[str, str]
    #: The labels (lower case) read only with their colon: written with it in the table ("Fields of work:").
    colon_only: frozenset[str]
    #: The characters a line the pattern matches can open with: a bullet, or a label's first letter in either
    #: case (or a character re.IGNORECASE takes for one). Most lines open otherwise and are never matched.
    openings: frozenset[str]


_MATCHERS: dict[int, _LabelMatcher] = {}


def _compiled(labels: Mapping[str, tuple[str, ...]]) -> _LabelMatcher:
    key = id(labels)
    if key not in _MATCHERS:
        by_text = {ignorecase_key(spelling.rstrip(":")): name for name, texts in labels.items() for text in texts
                   for spelling in spellings(text)}
        colon_only = frozenset(ignorecase_key(spelling[:-1]) for texts in labels.values() for text in texts
                               if text.endswith(":") for spelling in spellings(text))
        firsts = ignorecase_openings(text for texts in labels.values() for text in texts)
        _MATCHERS[key] = _LabelMatcher(_label_pattern(labels), by_text, colon_only, firsts | set("-–•·*"))
    return _MATCHERS[key]


def is_field_label(element: etree._Element) -> bool:
    """True for an element Drupal core's templates class as a field's label (``field__label``, ``views-label``),
    whatever field it labels.

    >>> from lxml import html
    >>> is_field_label(html.fromstring("<div class='field__label'>Tags</div>"))
    True
    """
    classes = element.get("class")
    return classes is not None and ("field__label" in classes or "views-label" in classes)


def match_label(text: str, labels: Mapping[str, tuple[str, ...]]) -> tuple[str, str] | None:
    """``(field, rest of the line)`` when ``text`` opens with one of ``labels``.

    A label needs its colon: menus print "Fields of work" as a heading too.

    >>> match_label("Place: TASHKENT", PAGE_LABELS)
    ('place', 'TASHKENT')
    >>> match_label("Fields of work", PAGE_LABELS) is None
    True
    >>> match_label("Date of the next meeting is unknown", PAGE_LABELS) is None
    True
    """
    pattern, by_text, _, _ = _compiled(labels)
    match = pattern.match(text)
    if not match or not match.group("colon"):
        return None
    return by_text[ignorecase_key(match.group("label"))], match.group("rest").strip()


_SEPARATOR_PUNCTUATION = " \t–—-|·•:："


def _bare_match(line: Line, match: re.Match[str], by_text: dict[str, str],
                headings: bool = False) -> tuple[str, str] | None:
    """``(field, rest of the line)`` for a line whose label matched without its colon, when it is printed in an
    element of its own (Drupal's field templates print the label bare; the theme's CSS adds the colon).

    The label must stand alone in its element, or in an element of its own at the line's start; it is
    never a link or a heading (a menu's or a block's title), but for a heading core's field template marks as
    a field's label, and, with ``headings``, a heading that is the label alone (a pane's title over its value).
    """
    # A theme may print a dash or a bar between a bare label and its value ("Place | OSH"): no part of the value.
    label, rest = match.group("label"), match.group("rest").lstrip(_SEPARATOR_PUNCTUATION).strip()
    element = line.element
    # A list item may hold a label in an element of its own before its value (an icon list of facts); a list
    # item that is the label alone is a menu's entry.
    if element.tag in _NOT_LABEL_TAGS and not is_field_label_heading(element) and not (rest and element.tag == "li") \
            and not (headings and not rest and element.tag in _HEADING_TAGS):
        return None
    # A label that is a link's text is a menu's entry; a card's own link (a teaser that is one link) is no menu.
    card_url = line.card.url if line.card is not None else None
    if any(label.lower() in link.text.lower() for link in line.links if link.url != card_url):
        return None
    if rest:
        # The label's element opens the line, however deep it lies; an icon before it shows no text.
        first = _element_opening_the_line(element)
        if first is None or element_text(first).lower() != label.lower():
            return None
    return by_text[ignorecase_key(label)], rest


def _element_opening_the_line(element: etree._Element) -> etree._Element | None:
    """The element inside ``element`` whose own text opens the line ``element`` prints, passing over the elements
    before it that show no text (an icon, hidden or empty); None when the line opens with ``element``'s own text or
    with text between elements.

    >>> from lxml import html
    >>> block = html.fromstring("<div><i class='icon'></i><span><b>Place</b> VINSTAD</span></div>")
    >>> _element_opening_the_line(block).tag, _element_opening_the_line(html.fromstring("<p>Place <b>X</b></p>"))
    ('b', None)
    """
    current = element
    while not (current.text or "").strip():
        for child in current:
            shows_text = (isinstance(child.tag, str) and child.tag not in HIDDEN_TAGS
                          and not hidden_by_attribute(child) and element_text(child))
            if shows_text:
                current = child
                break
            if (child.tail or "").strip():
                return None  # the line opens with text after an icon
        else:
            return None
    return current if current is not element else None


#: What a theme may print between a label and its value in place of a colon, between spaces.
_COLON_LIKE = frozenset("|–—-")


def _line_label(line: Line, match: re.Match[str], by_text: dict[str, str],
                colon_only: frozenset[str], headings: bool = False) -> tuple[str, str, bool] | None:
    """``(field, rest of the line, bare)`` for a line whose text the labels' pattern matched, when it is a
    label: with its colon, or bare in an element of its own (``bare`` is then True) unless it is read only with
    its colon."""
    label, colon, rest = match.group("label", "colon", "rest")
    if colon:
        return by_text[ignorecase_key(label)], rest.strip(), False
    # A dash or a bar between spaces after a label printed as text stands for its colon ("Place | VINSTAD").
    if rest[:1] in _COLON_LIKE and rest[1:2] == " " and match.start("rest") > match.end("label"):
        return by_text[ignorecase_key(label)], rest[2:].strip(), False
    if colon_only and ignorecase_key(label) in colon_only:
        return None
    if found := _bare_match(line, match, by_text, headings):
        return (*found, True)
    return None


#: The longest line read as the value of an icon's label: a longer one is text.
_MAX_ICON_VALUE_CHARS = 120


def _icon_label(line: Line, by_text: dict[str, str]) -> tuple[str, str, bool] | None:
    """``(field, the line's text, False)`` for a line that opens with an icon a screen reader names by a label (an
    element that shows no text, ``aria-label="Place"`` or ``title="Place"``): the line is the label's value.

    >>> from osce_scraper.pages.html import page_selector, visible_lines
    >>> page = page_selector("<ul><li><span class='icon' aria-label='Place' role='img'></span> VINSTAD</li></ul>")
    >>> _icon_label(visible_lines(page)[0], {"place": "place_raw"})
    ('place_raw', 'VINSTAD', False)
    """
    element = line.element
    if (element.text or "").strip():
        return None  # the line opens with its own text
    for child in element:
        # The icon opens the line: only hidden children (a decorative <svg>) stand before it.
        name = child.get("aria-label") or child.get("title") if isinstance(child.tag, str) else None
        if name:
            field = by_text.get(ignorecase_key(name.strip().rstrip(":")))
            # A longer value is a list of links (a release's several sources), never a sentence.
            short = len(line.text) <= _MAX_ICON_VALUE_CHARS or _is_long_list(line)
            return (field, line.text, False) if field and short and not element_text(child) else None
        if (isinstance(child.tag, str) and child.tag not in HIDDEN_TAGS and child.get("aria-hidden") != "true") or (
                child.tail or "").strip():
            return None
    return None


def _line_values(line: Line, text: str) -> list[str]:
    """The values a line holds: each link's text when the links are the values ("A B" as two links), or each
    element's when elements that touch are all the line prints ("Human rightsYouth"), else the text."""
    if len(line.links) < 2:
        # The values are links only when there are two or more; elements that touch are looked for in a line of
        # several children only.
        return (len(line.element) >= 2 and touching_parts(line.element, text)) or [text]
    links = [link.text for link in line.links if link.text and link.text in text]
    if len(links) >= 2 and sum(map(len, links)) >= 0.9 * len(_SEPARATORS_RE.sub("", text)) - len(links):
        return links
    return [text]


def touching_parts(element: etree._Element, text: str) -> list[str] | None:
    """The texts of ``element``'s children (its first, a label, left out) when they print ``text`` alone, touch (no
    space or separator between them) and are names of a few words: tags a theme's CSS sets apart, which run together
    in the text. None else.

    >>> from lxml import html
    >>> touching_parts(html.fromstring("<div><span>Human rights</span><span>Youth</span></div>"), "Human rightsYouth")
    ['Human rights', 'Youth']
    >>> touching_parts(html.fromstring("<div><b>OSCE</b>’s <i>Mission</i></div>"), "OSCE’s Mission") is None
    True
    """
    if (element.text or "").strip():
        return None
    parts: list[str] = []
    for child in element:
        if not isinstance(child.tag, str) or child.tag in HIDDEN_TAGS or child.tag in BLOCK_TAGS or child.tail:
            return None
        printed = printed_text(child)
        if not printed or printed != printed.strip() or not printed[0].isalnum():
            return None  # a space at an edge (the words do not touch), or a part that goes on the one before
        if len((part := normalise_space(printed)).split()) > _MAX_LIST_PART_WORDS:
            return None  # a name is a few words; a longer part is text
        parts.append(part)
    for values in (parts, parts[1:]):
        if len(values) >= 2 and "".join(values) == text:
            return values
    return None


# Not a time after the dash: "Mon, 06/03/2019 - 12:00" is Drupal's date format, no dateline.
_YEAR_THEN_DASH_RE = re.compile(r"\d{4}\s*[-–—]{1,2}\s(?!\d\d?:\d\d)")
# A full sentence ends with a full stop after a lower-case word; the five last characters tell.
_SENTENCE_END_RE = re.compile(r"[a-z]{3}[.!?][\"”’]?$")
_SENTENCE_LAST_CHARS = ".!?\"”’\n"
#: A line of this many words or more that ends in an ellipsis is a sentence cut short (a teaser), no value.
_MIN_CUT_SENTENCE_WORDS = 4
_SEPARATORS_RE = re.compile(r"[\s,;|/·•]+")


def _is_long_list(line: Line) -> bool:
    """True for a line that is a list of short values: its links nearly all its text, or three or more parts
    between commas (semicolons, bars) of a few words each."""
    if len(line.links) >= 2 and line.link_text_share >= 0.9:
        return True
    parts = _VALUE_SEPARATOR_RE.split(line.text)
    return len(parts) >= 3 and all(len(part.split()) <= _MAX_LIST_PART_WORDS for part in parts)


#: A line of this many names or more between commas is a list of values, a full stop after its last name or not.
_MIN_LISTED_NAMES = 5


def _is_list_of_names(text: str) -> bool:
    """True for a line of many names between separators, each opening with a capital letter: a field's values,
    though a stop ends it ("Arms control, Elections, ..., Youth."); a sentence's parts open in lower case.

    >>> _is_list_of_names("Arms control, Border management, Education, Elections, Gender equality.")
    True
    >>> _is_list_of_names("Police, judges, prosecutors and lawyers met in Vinstad, Ruritania, today.")
    False
    """
    parts = _VALUE_SEPARATOR_RE.split(text)
    return len(parts) >= _MIN_LISTED_NAMES and all(
        part[:1].isupper() and len(part.split()) <= _MAX_LIST_PART_WORDS for part in parts)


def is_value_line(line: Line) -> bool:
    """True for a line that reads as a field's value: short and list-like, no sentence, no dateline."""
    text = line.text
    if (len(text) > _MAX_VALUE_CHARS or len(text.split()) > _MAX_VALUE_WORDS) and not _is_long_list(line):
        return False
    # The dash is looked for first: a search for the year is tried at every character of the line.
    if (" – " in text and _DATELINE_START_RE.match(text)) or (
        ("-" in text or "–" in text or "—" in text) and _YEAR_THEN_DASH_RE.search(text)
    ):
        return False
    # A sentence ends with its stop or a quote (at most a newline after it): most values end otherwise. A teaser cut
    # short ends with an ellipsis: a sentence too (a list of values cut short holds its separators).
    if text[-1:] in _SENTENCE_LAST_CHARS and _SENTENCE_END_RE.search(text[-5:]) and not _is_list_of_names(text):
        return False
    return not (text[-1:] in ".…" and text.rstrip(" .…")[-1:].isalpha() and text.endswith(("...", "…"))
                and len(text.split()) >= _MIN_CUT_SENTENCE_WORDS and not _SEPARATOR_CHAR_RE.search(text))


def _items_after_a_first_item_label(label: etree._Element) -> etree._Element | None:
    """The list of a field's items when ``label`` opens the first of them (Drupal 6 prints an inline label inside
    the field's first item): the items after it are the field's values too. None for any other label."""
    item = label.getparent()
    items = item.getparent() if item is not None else None
    if items is None or label.getprevious() is not None or item.getprevious() is not None:
        return None
    # In the item, the first value follows the label: as text, or in an inline element. A label whose value is a
    # block of its own heads a field of one wrapper among others (Drupal 7's inline label), not a list of items.
    after = label.getnext()
    if not (label.tail or "").strip() and (after is None or after.tag in BLOCK_TAGS):
        return None
    following = list(items)
    return items if len(following) >= 2 and all(other.tag == item.tag for other in following) else None


#: The most wrappers a field row may nest a label in, each holding the label alone.
_MAX_LABEL_WRAPPERS = 3


def field_row(label: etree._Element) -> etree._Element | None:
    """The element that holds a bare label and its values: the label's parent, or, when the label is printed in a
    wrapper of its own (a wrapper holding nothing but the label), the row around that wrapper, whose sibling
    wrapper holds the values (a component's field row: label box and value box side by side).

    >>> from lxml import html
    >>> row = html.fromstring("<div class='row'><div><p>Venue</p></div><div><span>VINSTAD</span></div></div>")
    >>> field_row(row[0][0]).get("class")
    'row'
    """
    group = label.getparent()
    for _ in range(_MAX_LABEL_WRAPPERS):
        above = group.getparent() if group is not None else None
        # The wrapper holds the label alone: no other element, no text of its own beside it.
        if above is None or len(group) != 1 or (group.text or "").strip() or (label.tail or "").strip():
            break
        label, group = group, above
    return group


#: The most values a heading read as a label takes: a release lists a few; a menu under the same heading, all.
_MAX_HEADING_LABEL_VALUES = 8
# A bar or a dot between two facts printed on one line.
_FACT_SEPARATOR_RE = re.compile(r"(\s+[|·•]\s+)")


def _facts_of_a_line(name: str, rest: str, pattern: re.Pattern[str], by_text: dict[str, str]) -> list[tuple[str, str]]:
    """(field, value) of each fact a labelled line prints between separators, the line's own label first; a part
    that opens with no label and its colon is the value before it continued ("Policing | Youth")."""
    parts = _FACT_SEPARATOR_RE.split(rest)
    facts = [[name, parts[0]]]
    for separator, part in zip(parts[1::2], parts[2::2], strict=True):
        if (match := pattern.match(part)) and match.group("colon"):
            facts.append([by_text[ignorecase_key(match.group("label"))], match.group("rest").strip()])
        else:
            facts[-1][1] += separator + part
    return [(field, value) for field, value in facts]


def _heads_its_tags(lines: Sequence[Line], index: int, last: int) -> bool:
    """True when the heading ``lines[index]`` is over one line of links alone, none of them to a release: a card's
    tags under their field's name ("What we do" over "Policing" "Youth"); a menu lists its links a line each."""
    if last != index + 1:
        return False
    line = lines[last]
    return bool(line.links) and line.link_text_share >= 0.9 and not any(node_id_of(link.url) for link in line.links)


def iter_labels(
    lines: Sequence[Line],
    labels: Mapping[str, tuple[str, ...]],
    start: int = 0,
    end: int | None = None,
    headings: bool = False,
    tag_headings: bool = False,
    article: etree._Element | None = None,
) -> Iterator[tuple[str, Labelled]]:
    """Every occurrence of a label of ``labels`` in ``lines[start:end]``, with its values.

    Values are the rest of the label's own line, or else the value-like lines that follow inside the label's parent
    element (its field row, when the label sits in a wrapper of its own: :func:`field_row`), up to the next label or
    heading. With ``headings``, a heading that is a label alone labels the few values under it (a pane's title);
    with ``tag_headings``, only the one line of links to no release right under it (a card's tags, "badges").
    Inside ``article`` (the page's own), such a heading labels any number of values: a menu stands outside it.
    """
    end = len(lines) if end is None else end
    # Each line is matched once: the walk below asks again of the lines that follow a label.
    pattern, by_text, colon_only, openings = _compiled(labels)
    matches = [
        (_line_label(line, match, by_text, colon_only, headings or tag_headings)
         if line.text[0] in openings and (match := pattern.match(line.text)) else None)
        # A fact beside its icon is short or a list of links, and its element holds the icon: most lines are asked
        # no more. Its value may open with a label's word ("Office of the ...", after the icon of a source).
        or (_icon_label(line, by_text) if len(line.element) and (
            len(line.text) <= _MAX_ICON_VALUE_CHARS or line.links) else None)
        for line in lines[start:end]
    ]
    free = start  # the first line no label before it took as a value
    for index in [i for i, matched in enumerate(matches, start) if matched]:
        if index < free:
            continue
        name, rest, bare = matches[index - start]
        if rest and _FACT_SEPARATOR_RE.search(rest):
            # "Content type: News | Date: 3 June 2019 | Source: OSCE": each labelled fact of the line is one.
            facts = _facts_of_a_line(name, rest, pattern, by_text)
            for other, value in facts[1:]:
                yield other, Labelled(tuple(_line_values(lines[index], value)), index, index, False)
            name, rest = facts[0]
        values: list[str] = _line_values(lines[index], rest) if rest else []
        last = index
        if not rest:
            label_el = lines[index].element
            group = field_row(label_el)
            items = _items_after_a_first_item_label(label_el)
            probe = index + 1
            while probe < end and not matches[probe - start]:
                line = lines[probe]
                if line.element.tag in _HEADING_TAGS:
                    break  # a heading is never a value: the next item or section starts
                if line.element.tag == "th" and label_el.tag == "th":
                    break  # a table's header row: each header names a column, not the next one's value
                # A value is most often the label's sibling: its parent is asked before its ancestors are walked.
                element = line.element
                if element is label_el or (
                    (element.getparent() is group or is_within(element, group)
                     or (items is not None and is_within(element, items)))
                    and is_value_line(line)
                ):
                    values.extend(_line_values(line, line.text))
                    last = probe
                    probe += 1
                else:
                    break
        if bare and not values:
            continue  # a bare word that labels nothing is text ("Source" as a heading of a list)
        label_el = lines[index].element
        heading = bare and label_el.tag in _HEADING_TAGS and not is_field_label_heading(label_el)
        if heading and len(values) > _MAX_HEADING_LABEL_VALUES and not is_within(label_el, article):
            continue  # a heading over a long list outside the article is a menu's ("Fields of work" over all of them)
        if heading and not headings and not _heads_its_tags(lines, index, last):
            continue  # read for its tags alone (tag_headings): a heading over lines of links is a block's
        if bare and name in DATE_FIELDS and not opens_with_a_date(values[0]):
            continue  # a status ("Published" over "Last saved ..."), not a date's label
        yield name, Labelled(tuple(values), index, last, bare)
        free = last + 1


def find_labels(
    lines: Sequence[Line],
    labels: Mapping[str, tuple[str, ...]],
    start: int = 0,
    end: int | None = None,
    bare_from: int = 0,
    *,
    keep: Callable[[Labelled, set[int]], bool] | None = None,
    inside: Callable[[Labelled], bool] | None = None,
    headings: bool = False,
    tag_headings: bool = False,
    article: etree._Element | None = None,
    bare_before: Callable[[Labelled], bool] | None = None,
) -> dict[str, Labelled]:
    """Each label of ``labels`` in ``lines[start:end]`` with its values.

    The first occurrence with a colon wins, else the first bare one (a bare label is only read from
    line ``bare_from`` on: a release's fields follow its title; a sidebar before it is not the page's, but for the
    bare labels ``bare_before`` answers True for).
    ``keep`` drops the occurrences it answers False for, asked with the lines of the labels before (theirs and their
    values'); one ``inside`` answers True for (the page's own container) wins over any other, with a colon or not.
    ``headings`` reads a heading that is a label alone as one, ``tag_headings`` one over its tags, over a list of
    any length inside ``article`` (see :func:`iter_labels`).
    """
    found: dict[str, tuple[bool, Labelled]] = {}
    taken: set[int] = set()
    for name, labelled in iter_labels(lines, labels, start, end, headings, tag_headings, article):
        kept = keep is None or keep(labelled, taken)
        if keep is not None:
            taken.update(range(labelled.first_line, labelled.last_line + 1))
        if (labelled.bare and labelled.first_line < bare_from
                and (bare_before is None or not bare_before(labelled))) or not kept:
            continue
        within = inside is None or inside(labelled)
        earlier_within, earlier = found.get(name, (False, None))
        if (earlier is not None and labelled.first_line == earlier.last_line + 1 and labelled.bare == earlier.bare
                and within == earlier_within):
            # The label printed again with each of its values (Drupal 6's inline labels, the later ones hidden by
            # the theme's CSS): one field of several values.
            found[name] = within, Labelled(earlier.values + labelled.values, earlier.first_line, labelled.last_line,
                                           earlier.bare)
        elif earlier is None or (within, not labelled.bare) > (earlier_within, not earlier.bare):
            found[name] = within, labelled
    return {name: labelled for name, (_, labelled) in found.items()}


# A comma, semicolon or bar between values, not one inside brackets ("Office (Yerevan, Armenia)").
_VALUE_SEPARATOR_RE = re.compile(r"\s*[,;|•·]\s*(?![^()]*\))")
_SEPARATOR_CHAR_RE = re.compile(r"[,;|•·]")


def split_values(values: Sequence[str]) -> list[str]:
    """Comma-separated values as a clean list, without empties or repeats.

    >>> split_values(["Policing, Human rights,", "Policing"])
    ['Policing', 'Human rights']
    >>> split_values(["Arms control, Education, Elections, Gender equality, Youth."])[-1]
    'Youth'
    """
    kept: list[str] = []
    seen: set[str] = set()  # lower case: "Policing" and "policing" are one value
    for value in values:
        # A value without a separator is one part: the split's pattern, opening with ``\s*``, is tried at
        # every character of the value.
        parts = _VALUE_SEPARATOR_RE.split(value) if _SEPARATOR_CHAR_RE.search(value) else [value]
        if value[-1:] == "." and _is_list_of_names(value):
            parts[-1] = parts[-1][:-1]  # the stop after a list's last name is none of the name
        for part in parts:
            part = part.strip(" \t\n-–•·|")
            if part and part.lower() not in seen:
                seen.add(part.lower())
                kept.append(part)
    return kept
