"""HTML of the mock newsroom in five markup variants.

The first four share osce.org's visible labels and URL layout and differ in
tags, nesting and placement: the spider must read all of them alike. The fifth,
``drupal11``, is the Drupal 11 theme osce.org is moving to, built from Drupal
core's templates: field labels without colons, cards that are one link,
``<time datetime>`` dates and a pager of query-only links.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Sequence
from dataclasses import replace
from html import escape
from math import ceil
from typing import Protocol
from zoneinfo import ZoneInfo

from tests.site.releases import MockRelease

VARIANTS = ("drupal", "definition", "flat", "grid", "drupal11")

MENU = (
    (
        "Fields of work",
        [
            "Arms control",
            "Border management",
            "Combating trafficking in human beings",
            "Conflict prevention and resolution",
            "Elections",
            "Policing",
            "Youth",
        ],
    ),
    ("Participating States", ["Albania", "Kyrgyzstan", "North Macedonia", "Uzbekistan"]),
    ("Structures", ["OSCE Secretariat", "Permanent Council", "Forum for Security Co-operation"]),
    ("Field operations", ["OSCE Mission to Skopje", "OSCE Programme Office in Bishkek"]),
)


class ListingEntry(Protocol):
    release: MockRelease
    path: str


def _menu(tag: str) -> str:
    groups = "".join(
        f"<li><a href='/{escape(name.lower().replace(' ', '-'))}'>{escape(name)}</a><ul>"
        + "".join(f"<li><a href='/{escape(item.lower().replace(' ', '-'))}'>{escape(item)}</a></li>" for item in items)
        + "</ul></li>"
        for name, items in MENU
    )
    return f"<{tag} class='main-menu'><ul>{groups}</ul></{tag}>"


def _lead(release: MockRelease) -> str:
    lead = release.paragraphs[0]
    return lead if len(lead) < 180 else lead[:170].rsplit(" ", 1)[0] + " ..."


def _meta_date(release: MockRelease, variant: str) -> tuple[str, str]:
    """(head markup, body markup) carrying the machine-readable date of a release."""
    if not release.meta_date_only:
        return "", ""
    iso = release.date.isoformat()
    if variant == "drupal":
        return f"<meta property='article:published_time' content='{iso}T09:00:00+01:00'>", ""
    if variant == "definition":
        return "", f"<time datetime='{iso}'></time>"
    if variant == "grid":
        return f"<meta name='dcterms.date' content='{iso}'>", ""
    return f'<script type=\'application/ld+json\'>{{"@type": "NewsArticle", "datePublished": "{iso}"}}</script>', ""


def meta_date_raw(release: MockRelease, variant: str) -> str:
    """The machine-readable date exactly as the variant prints it."""
    if variant == "drupal11":
        return d11_created(release.date)
    iso = release.date.isoformat()
    return f"{iso}T09:00:00+01:00" if variant == "drupal" else iso


def _page(title: str, head: str, body: str) -> str:
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{escape(title)} | OSCE</title>"
        f"{head}</head><body>{body}</body></html>"
    )


def _body_paragraphs(release: MockRelease) -> str:
    parts = []
    if release.standalone_line:
        parts.append(f"<p class='date-line'>{escape(release.standalone_line)}</p>")
    if release.caption:
        parts.append(f"<div class='caption'><p>{escape(release.caption)}</p></div>")
    parts += [f"<p>{escape(p)}</p>" for p in release.paragraphs]
    return "".join(parts)


def render_release(
    release: MockRelease, variant: str, base_url: str, related: Sequence[MockRelease] | None = None
) -> str:
    """The release page in one markup variant; ``related``: the drupal11 page's related cards (else stand-ins)."""
    if variant == "drupal11":
        return _d11_release(release, base_url, related)
    head, extra = _meta_date(release, variant)
    date_value = release.printed_date if release.show_date_value else ""
    title = escape(release.title)
    if variant == "drupal":
        meta = ["<li>Date:</li>"] + ([f"<li>{date_value}</li>"] if date_value else [])
        if release.label_place:
            meta += ["<li>Place:</li>", f"<li>{escape(release.label_place)}</li>"]
        meta += ["<li>Source:</li>"] + [
            f"<li><a href='/taxonomy/term/{4600 + i}'>{escape(s)}</a></li>" for i, s in enumerate(release.sources)
        ]
        if release.fields:
            meta += ["<li>Fields of work:</li>"] + [
                f"<li><a href='/topic/{i}'>{escape(f)}</a></li>" for i, f in enumerate(release.fields)
            ]
        kind = f"<div class='node-type'>{escape(release.content_type)}</div>" if release.content_type else ""
        body = (
            f"<header class='site'><a href='/'>OSCE</a>{_menu('nav')}</header><main><article>{kind}"
            f"<h1 class='title'>{title}</h1><ul class='meta'>{''.join(meta)}</ul>"
            f"<div class='body'>{_body_paragraphs(release)}</div>{extra}"
            "<div class='share'><a href='https://facebook.example/share'>Facebook</a> "
            "<a href='https://x.example/share'>X</a></div></article></main>"
            "<footer><p>© OSCE</p><a href='/contacts'>Contacts</a></footer>"
        )
        return _page(release.title, head, body)
    if variant == "definition":
        sources = "".join(f"<dd><a href='/structure/{i}'>{escape(s)}</a></dd>" for i, s in enumerate(release.sources))
        place = f"<dt>Place:</dt><dd>{escape(release.label_place)}</dd>" if release.label_place else ""
        fields = f"<dt>Fields of work:</dt><dd>{escape(', '.join(release.fields))}</dd>" if release.fields else ""
        kind = f"<p class='kind'>{escape(release.content_type)}</p>" if release.content_type else ""
        canonical = f"<link rel='canonical' href='{base_url}{release.path}'>"
        body = (
            f"<div class='top'>{_menu('nav')}</div><div class='wrap'><article><header><h1>{title}</h1>{kind}"
            f"</header><section class='text'>{_body_paragraphs(release)}</section>{extra}"
            f"<aside class='facts'><dl><dt>Date:</dt><dd>{date_value}</dd>{place}<dt>Source:</dt>{sources}"
            f"{fields}</dl></aside></article><section><h3>Related content</h3><ul><li><a href='/cio/1234'>"
            "Another release</a></li></ul></section></div>"
        )
        return _page(release.title, head + canonical, body)
    if variant == "grid":
        # Labels and values in one paragraph, split by line breaks; values as links side by side;
        # the title block outside the content; page furniture in plain divs.
        meta = [f"Date: {date_value}"]
        if release.label_place:
            meta.append(f"Place: {escape(release.label_place)}")
        meta.append("Source: " + " ".join(f"<a href='/structure/{4700 + i}'>{escape(s)}</a>"
                                          for i, s in enumerate(release.sources)))
        if release.fields:
            meta.append("Fields of work: " + " ".join(f"<a href='/topic/{4800 + i}'>{escape(f)}</a>"
                                                      for i, f in enumerate(release.fields)))
        kind = f"<span class='kind'>{escape(release.content_type)}</span>" if release.content_type else ""
        body = (f"<div class='brand'>OSCE</div>{_menu('div')}<div class='region-title'>{kind}<h1>{title}</h1></div>"
                f"<div class='content'><p class='meta'>{'<br>'.join(meta)}</p><div class='text'>"
                f"{_body_paragraphs(release)}</div>{extra}<div class='share'>Share: <a href='/fb'>Facebook</a> "
                "<a href='/tw'>Twitter</a></div></div><div class='foot'>Organization for Security and Co-operation "
                "in Europe · Wallnerstrasse 6, Vienna</div>")
        return _page(release.title, head, body)
    rows = [f"<tr><td>Date:</td><td>{date_value}</td></tr>"]
    if release.label_place:
        rows.append(f"<tr><td>Place:</td><td>{escape(release.label_place)}</td></tr>")
    rows.append(
        "<tr><td>Source:</td><td>"
        + "<br>".join(f"<a href='/s/{i}'>{escape(s)}</a>" for i, s in enumerate(release.sources))
        + "</td></tr>"
    )
    fields = f"<p><strong>Fields of work:</strong> {escape(', '.join(release.fields))},</p>" if release.fields else ""
    kind = f"<h2 class='type'>{escape(release.content_type)}</h2>" if release.content_type else ""
    body = (
        f"<div id='page'>{_menu('div')}<div class='content'>{kind}<h1>{title}</h1>"
        f"<table class='meta'>{''.join(rows)}</table>{fields}{_body_paragraphs(release)}{extra}</div>"
        "<div class='bottom'><p>Organization for Security and Co-operation in Europe</p></div></div>"
    )
    return _page(release.title, head, body)


def _listing_labels(release: MockRelease) -> list[tuple[str, list[str]]]:
    labels: list[tuple[str, list[str]]] = []
    if release.listing_has_date:
        labels.append(("Publishing date", [release.printed_date]))
    if release.content_type:
        labels.append(("Content type", [release.content_type]))
    labels.append(("Where we are", list(release.sources)))
    if release.fields:
        labels.append(("What we do", list(release.fields)))
    return labels


def render_listing(entries: list[ListingEntry], page: int, last_page: int, variant: str, base_url: str) -> str:
    """Listing page ``page`` (from 0) in one markup variant."""
    if variant == "drupal11":
        return _d11_listing(entries, page, last_page)
    items = []
    for entry in entries:
        release, href = entry.release, entry.path
        title = escape(release.title)
        labels = _listing_labels(release)
        lead = escape(_lead(release))
        if variant == "drupal":
            fields = "".join(
                f"<div class='field'><span class='label'>{name}:</span> "
                + (
                    ", ".join(f"<a href='/taxonomy/term/{4500 + i}'>{escape(v)}</a>" for i, v in enumerate(values))
                    if name == "Where we are"
                    else escape(", ".join(values)) + ("," if name == "What we do" else "")
                )
                + "</div>"
                for name, values in labels
            )
            items.append(f"<div class='views-row'><h3><a href='{href}'>{title}</a></h3>{fields}<p>{lead}</p></div>")
        elif variant == "definition":
            fields = "".join(
                f"<dt>{name}:</dt>" + "".join(f"<dd>{escape(v)}</dd>" for v in values) for name, values in labels
            )
            items.append(
                f"<article class='teaser'><h2><a href='{base_url}{href}'>{title}</a></h2><dl>{fields}</dl>"
                f"<div class='lead'><p>{lead}</p></div><a href='{href}'>Read more</a></article>"
            )
        elif variant == "grid":
            cells = "<br>".join(
                f"{name}: " + (", ".join(f"<a href='/where/{5000 + i}'>{escape(v)}</a>" for i, v in enumerate(values))
                               if name == "Where we are" else escape(", ".join(values)))
                for name, values in labels
            )
            items.append(f"<tr><td><span class='t'><a href='{href}'>{title}</a></span></td><td>{cells}</td>"
                         f"<td>{lead}</td></tr>")
        else:
            fields = "".join(f"<p><b>{name}:</b> {escape(', '.join(values))}</p>" for name, values in labels)
            items.append(f"<h4><a href='{href}'>{title}</a></h4>{fields}<p>{lead}</p>")
    head = ""
    if variant == "drupal":
        numbers = "".join(
            f"<li><a href='/press-releases?page={n}&amp%3Bsolrsort=ds_date%20desc'>{n + 1}</a></li>"
            for n in range(max(0, page - 2), min(last_page, page + 2) + 1)
            if n != page
        )
        more = (
            (
                f"<li><a href='/press-releases?page={page + 1}'>next ›</a></li>"
                f"<li><a href='/press-releases?page={last_page}'>last »</a></li>"
            )
            if page < last_page
            else ""
        )
        pager = f"<nav class='pager'><ul>{numbers}{more}</ul></nav>"
        body = (
            f"<header>{_menu('nav')}</header><main><h1>Newsroom</h1><div class='view-content'>{''.join(items)}"
            f"</div>{pager}</main><footer>© OSCE</footer>"
        )
    elif variant == "definition":
        if page < last_page:
            head = f"<link rel='next' href='{base_url}/press-releases?page={page + 1}'>"
            pager = f"<p><a rel='next' href='?page={page + 1}'>Older releases</a></p>"
        else:
            pager = ""
        body = f"{_menu('nav')}<div class='list'>{''.join(items)}</div>{pager}"
    elif variant == "grid":
        pager = f"<div class='pg'><a href='/press-releases?page={page + 1}'>›</a></div>" if page < last_page else ""
        body = f"<div class='top'>{_menu('div')}</div><table class='list'>{''.join(items)}</table>{pager}"
    else:
        links = " ".join(
            f"<a href='/press-releases/free?page={n}'>{n + 1}</a>" for n in range(last_page + 1) if n != page
        )
        nxt = f" <a href='/press-releases?page={page + 1}&amp;rows=10'>Next page</a>" if page < last_page else ""
        body = f"{_menu('div')}<div id='results'>{''.join(items)}</div><div class='pages'>Pages: {links}{nxt}</div>"
    return _page("Press releases", head, body)


# --- drupal11: Drupal core's templates (stable9/olivero field, pager, views, node, page) ---------------------

#: ODIHR's releases live on the institution's own host, under /odihr/<node id> (paths and node ids kept).
ODIHR_HOST = "https://odihr.osce.org"
#: The site's time zone: the Metatag module prints the node's created time in it.
SITE_ZONE = ZoneInfo("Europe/Vienna")
#: The view's full pager: core's quantity, and the site's tags (first, previous, next, last).
PAGER_QUANTITY = 9
PAGER_TAGS = ("«", "‹", "›", "»")
TEASER_SIZE = 300
D11_MENU = (("Newsroom", ["Newsroom", "Events", "Publications", "Multimedia"]), *MENU)
# Cards of other releases for a page rendered without its site (fuzzing, the corpus benchmark).
RELATED_STAND_INS = (
    ("serbia", "Mission to Serbia supports judicial reform in Belgrade", ("OSCE Mission to Serbia",), "BELGRADE",
     ("Rule of law",)),
    ("moldova", "Mission to Moldova trains journalists on election coverage", ("OSCE Mission to Moldova",),
     "CHISINAU", ("Media freedom and development", "Elections")),
)


def card_href(path: str, node_id: str) -> str:
    """Where a drupal11 card links: ODIHR's releases on odihr.osce.org, others on the site itself.

    >>> card_href("/odihr/elections/560074", "560074"), card_href("/hcnm/560111", "560111")
    ('https://odihr.osce.org/odihr/560074', '/hcnm/560111')
    """
    return f"{ODIHR_HOST}/odihr/{node_id}" if path.startswith("/odihr/") else path


def d11_created(date: dt.date) -> str:
    """A node's created time as Metatag prints it (core's ``html_datetime``, the site's zone, 10:00).

    >>> d11_created(dt.date(2025, 6, 30)), d11_created(dt.date(2024, 1, 5))
    ('2025-06-30T10:00:00+0200', '2024-01-05T10:00:00+0100')
    """
    return dt.datetime(date.year, date.month, date.day, 10, tzinfo=SITE_ZONE).strftime("%Y-%m-%dT%H:%M:%S%z")


def d11_label_display(node_id: str, field: str) -> str:
    """How a drupal11 release page shows one field's label: ``inline`` or ``above``, fixed per node and field.

    >>> sorted({d11_label_display(str(n), "field-place") for n in range(560000, 560010)})
    ['above', 'inline']
    """
    return ("inline", "above")[zlib.crc32(f"{node_id}:{field}".encode()) % 2]


def d11_teaser(paragraphs: Sequence[str], size: int = TEASER_SIZE) -> list[str]:
    """The body trimmed as Drupal's trimmed formatter does: whole paragraphs up to ``size`` characters, else the
    first paragraph cut after its last whole sentence, else after a word with an ellipsis.

    >>> d11_teaser(["One two.", "Three four five six."], 12), d11_teaser(["One. Two three four."], 12)
    (['One two.'], ['One.'])
    >>> d11_teaser(["Onetwo three four"], 12)
    ['Onetwo …']
    """
    kept: list[str] = []
    for paragraph in paragraphs:
        if sum(map(len, kept)) + len(paragraph) > size:
            break
        kept.append(paragraph)
    if kept or not paragraphs:
        return kept
    cut = paragraphs[0][:size]
    sentence_end = cut.rfind(". ")
    return [cut[: sentence_end + 1]] if sentence_end > 0 else [cut.rsplit(" ", 1)[0] + " …"]


def _d11_time(date: dt.date, printed: str) -> str:
    # A date-only datetime field: noon, printed as UTC (DateTimeFormatterBase::buildDateWithIsoAttribute).
    return f'<time datetime="{date.isoformat()}T12:00:00Z">{escape(printed)}</time>'


def _d11_field(name: str, kind: str, label: str, items: Sequence[str], display: str, multiple: bool = False) -> str:
    """One field as field.html.twig renders it; ``items`` are markup, ``multiple`` the field's cardinality."""
    classes = f"field field--name-{name} field--type-{kind} field--label-{display}"
    if display == "inline":
        classes += " clearfix"
    if display == "hidden":
        if multiple:
            cells = "".join(f'\n  <div class="field__item">{item}</div>' for item in items)
            return f'\n<div class="{classes} field__items">{cells}\n</div>'
        return "".join(f'\n<div class="{classes} field__item">{item}</div>' for item in items)
    cells = "".join(f'\n      <div class="field__item">{item}</div>' for item in items)
    if multiple:
        cells = f'\n    <div class="field__items">{cells}\n    </div>'
    return f'\n  <div class="{classes}">\n    <div class="field__label">{escape(label)}</div>{cells}\n  </div>'


def _d11_menu() -> str:
    """The main navigation block (block--system-menu-block, menu.html.twig)."""
    def item(name: str, below: str = "") -> str:
        kind = "menu-item menu-item--expanded" if below else "menu-item"
        return f'<li class="{kind}"><a href="/{escape(name.lower().replace(" ", "-"))}">{escape(name)}</a>{below}</li>'

    groups = "".join(
        item(name, '<ul class="menu">' + "".join(item(entry) for entry in entries) + "</ul>")
        for name, entries in D11_MENU
    )
    return (
        '<nav role="navigation" aria-labelledby="block-osce-main-menu-menu" id="block-osce-main-menu">\n'
        '  <h2 class="visually-hidden" id="block-osce-main-menu-menu">Main navigation</h2>\n'
        f'  <ul class="menu">{groups}</ul>\n</nav>'
    )


def _d11_page(title: str, head: str, content: str, body_class: str, current_path: str) -> str:
    """html.html.twig and page.html.twig around the content region."""
    breadcrumb = (
        '<nav role="navigation" aria-labelledby="system-breadcrumb">\n'
        '  <h2 id="system-breadcrumb" class="visually-hidden">Breadcrumb</h2>\n'
        '  <ol>\n    <li><a href="/">Home</a></li>\n    <li><a href="/newsroom">Newsroom</a></li>\n  </ol>\n</nav>'
    )
    settings = (
        '{"path":{"baseUrl":"\\/","pathPrefix":"","currentPath":"' + current_path + '","currentPathIsAdmin":false,'
        '"isFront":false,"currentLanguage":"en"},"pluralDelimiter":"\\u0003","user":{"uid":0}}'
    )
    return (
        '<!DOCTYPE html>\n<html lang="en" dir="ltr" prefix="og: https://ogp.me/ns#">\n  <head>\n'
        '    <meta charset="utf-8" />\n'
        f"{head}"
        '    <meta name="Generator" content="Drupal 11 (https://www.drupal.org)" />\n'
        '    <meta name="MobileOptimized" content="width" />\n'
        '    <meta name="viewport" content="width=device-width, initial-scale=1.0" />\n'
        '    <link rel="icon" href="/themes/custom/osce/favicon.ico" type="image/vnd.microsoft.icon" />\n'
        f"    <title>{escape(title)} | OSCE</title>\n"
        '    <link rel="stylesheet" media="all" href="/sites/default/files/css/css_Xq3v.css?delta=0&amp;language=en'
        '&amp;theme=osce&amp;include=eJxLzi" />\n  </head>\n'
        f'  <body class="{body_class}">\n'
        '    <a href="#main-content" class="visually-hidden focusable skip-link">\n'
        "      Skip to main content\n    </a>\n"
        '    <div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas>\n'
        '<div class="layout-container">\n'
        '  <header role="banner">\n    <div class="region region-header">\n'
        '      <div id="block-osce-branding"><a href="/" rel="home">'
        '<img src="/themes/custom/osce/logo.svg" alt="Home" /></a></div>\n    </div>\n  </header>\n'
        f'  <div class="region region-primary-menu">\n{_d11_menu()}\n  </div>\n'
        f'  <div class="region region-breadcrumb">\n<div id="block-osce-breadcrumbs">\n{breadcrumb}\n</div>\n  </div>\n'
        '  <main role="main">\n    <a id="main-content" tabindex="-1"></a>\n    <div class="layout-content">\n'
        '  <div class="region region-content">\n    <div data-drupal-messages-fallback class="hidden"></div>\n'
        f"{content}\n  </div>\n    </div>\n  </main>\n"
        '  <footer role="contentinfo">\n    <div class="region region-footer">\n'
        '<nav role="navigation" aria-labelledby="block-osce-footer-menu" id="block-osce-footer">\n'
        '  <h2 class="visually-hidden" id="block-osce-footer-menu">Footer</h2>\n  <ul class="menu">'
        '<li class="menu-item"><a href="/contacts">Contacts</a></li><li class="menu-item"><a href="/terms-of-use">'
        'Terms of use</a></li><li class="menu-item"><a href="https://www.facebook.com/osce.org">Facebook</a></li>'
        "</ul>\n</nav>\n"
        '<div id="block-osce-copyright"><p>© OSCE 2026 · Organization for Security and Co-operation in Europe</p>'
        "</div>\n    </div>\n  </footer>\n</div>\n    </div>\n"
        f'    <script type="application/json" data-drupal-selector="drupal-settings-json">{settings}</script>\n'
        '    <script src="/sites/default/files/js/js_b2Zc.js?scope=footer&amp;delta=0&amp;language=en&amp;theme=osce">'
        "</script>\n  </body>\n</html>\n"
    )


def _d11_card(release: MockRelease, href: str, fields: str = "") -> str:
    """A teaser card: the whole card one link, so the values inside it are text, never links."""
    kind = (
        _d11_field("field-content-type", "entity-reference", "Content type", [escape(release.content_type)], "hidden")
        if release.content_type
        else ""
    )
    date = f'\n<div class="teaser__date">{_d11_time(release.date, release.printed_date)}</div>' \
        if release.listing_has_date else ""
    text = "".join(f"<p>{escape(p)}</p>" for p in d11_teaser(release.paragraphs))
    return (
        f'<a class="teaser teaser--two-cols" href="{escape(href)}">\n'
        '<div class="teaser__image"><img src="/sites/default/files/styles/teaser/public/'
        f'{release.date:%Y-%m}/photo-{escape(release.node_id)}.jpg?itok=Qx2b" alt="" loading="lazy" /></div>\n'
        f'<div class="teaser__content">{kind}{date}\n<h2 class="teaser__title">{escape(release.title)}</h2>{fields}\n'
        f'<div class="teaser__text">{text}</div>\n</div>\n</a>'
    )


def _d11_view(view_id: str, display: str, rows: Sequence[str], after: str = "", empty: str = "") -> str:
    """views-view.html.twig around views-view-unformatted rows."""
    name = view_id.replace("_", "-")
    digest = zlib.crc32(f"{view_id}:{len(rows)}".encode())
    content = (
        '\n  <div class="view-content">' + "".join(f'\n    <div class="views-row">{row}</div>' for row in rows)
        + "\n  </div>"
        if rows
        else f'\n  <div class="view-empty">{empty}</div>'
    )
    return (
        f'<div class="view view-{name} view-id-{view_id} view-display-id-{display} js-view-dom-id-{digest:08x}">'
        f"{content}{after}\n</div>"
    )


def _d11_pager(page: int, last_page: int) -> str:
    """The full pager as PagerPreprocess::preprocessPager and pager.html.twig build it: links that are a query."""
    pager_max = last_page + 1
    if pager_max <= 1 or not 0 <= page <= last_page:
        return ""
    middle = ceil(PAGER_QUANTITY / 2)
    current = page + 1
    first, last = current - middle + 1, current + PAGER_QUANTITY - middle
    if last > pager_max:
        first, last = first + pager_max - last, pager_max
    if first <= 0:
        first, last = 1, last + 1 - first

    def control(kind: str, target: int, title: str, hidden: str, tag: str, rel: str = "") -> str:
        rel = f' rel="{rel}"' if rel else ""
        return (
            f'\n      <li class="pager__item pager__item--{kind}">\n'
            f'        <a href="?page={target}" title="{title}"{rel}>\n'
            f'          <span class="visually-hidden">{hidden}</span>\n'
            f'          <span aria-hidden="true">{tag}</span>\n        </a>\n      </li>'
        )

    items = []
    if page > 0:
        items.append(control("first", 0, "Go to first page", "First page", PAGER_TAGS[0]))
        items.append(control("previous", page - 1, "Go to previous page", "Previous page", PAGER_TAGS[1], "prev"))
    ellipsis = '\n      <li class="pager__item pager__item--ellipsis" role="presentation">&hellip;</li>'
    if first > 1:
        items.append(ellipsis)
    for number in range(first, min(last, pager_max) + 1):
        active = number == current
        state = ' is-active"' if active else '"'
        title = 'Current page" aria-current="page"' if active else f'Go to page {number}"'
        items.append(
            f'\n      <li class="pager__item{state}>\n        <a href="?page={number - 1}" title="{title}>\n'
            f'          <span class="visually-hidden">\n            Page\n          </span>{number}</a>\n      </li>'
        )
    if min(last, pager_max) < pager_max:
        items.append(ellipsis)
    if page < last_page:
        items.append(control("next", page + 1, "Go to next page", "Next page", PAGER_TAGS[2], "next"))
        items.append(control("last", last_page, "Go to last page", "Last page", PAGER_TAGS[3]))
    return (
        '\n  <nav class="pager" role="navigation" aria-labelledby="pagination-heading">\n'
        '    <h4 id="pagination-heading" class="visually-hidden">Pagination</h4>\n'
        f'    <ul class="pager__items js-pager__items">{"".join(items)}\n    </ul>\n  </nav>'
    )


def _d11_listing(entries: list[ListingEntry], page: int, last_page: int) -> str:
    rows = [_d11_card(e.release, card_href(e.path, e.release.node_id)) for e in entries]
    footer = (
        '\n  <div class="view-footer">\n    <p>Receive our press releases by e-mail: '
        '<a href="/subscribe">subscribe</a>.</p>\n  </div>'
    )
    view = _d11_view("newsroom", "page_1", rows, (_d11_pager(page, last_page) if rows else "") + footer,
                     "No press releases match your criteria.")
    content = (
        '<div id="block-osce-page-title">\n  <h1>Press releases</h1>\n</div>\n'
        f'<div id="block-osce-content">\n<div class="views-element-container">{view}</div>\n</div>'
    )
    return _d11_page("Press releases", "", content, "path-press-releases", "press-releases")


def _d11_terms(values: Sequence[str], first_term: int) -> list[str]:
    # The entity reference label formatter, linked to the term.
    return [f'<a href="/taxonomy/term/{first_term + i}" hreflang="en">{escape(v)}</a>' for i, v in enumerate(values)]


def _d11_body(release: MockRelease) -> str:
    """The body field as text-formatted HTML: an old page's standalone line and photo caption (filter_caption)."""
    parts = []
    if release.standalone_line:
        parts.append(f"<p><strong>{escape(release.standalone_line)}</strong></p>")
    if release.caption:
        parts.append(
            '<figure role="group" class="caption caption-img"><img src="/sites/default/files/inline-images/'
            f'training-{escape(release.node_id)}.jpg" data-entity-type="file" alt="" width="1200" height="800" '
            f'loading="lazy" /><figcaption>{escape(release.caption)}</figcaption></figure>'
        )
    parts += [f"<p>{escape(p)}</p>" for p in release.paragraphs]
    return (
        '\n<div class="clearfix text-formatted field field--name-body field--type-text-with-summary '
        'field--label-hidden field__item"><div class="body body-section is-text text--default">'
        + "".join(parts) + "</div></div>"
    )


def _d11_stand_ins(release: MockRelease) -> list[MockRelease]:
    node = int(release.node_id) if release.node_id.isdigit() else 500000
    return [
        replace(release, node_id=str(node + 1 + k), section=section, title=title, sources=sources,
                label_place=place, fields=fields, content_type="News", aliases=[],
                paragraphs=[f"{place}, {release.printed_date} – {title}."])
        for k, (section, title, sources, place, fields) in enumerate(RELATED_STAND_INS)
    ]


def _d11_related(related: Sequence[MockRelease]) -> str:
    """The "Related content" views block: cards of other releases, with their own field labels."""
    rows = []
    for other in related:
        fields = _d11_field("field-source", "entity-reference", "Source", [escape(s) for s in other.sources],
                            "inline", multiple=True) if other.sources else ""
        if other.label_place:
            fields = _d11_field("field-place", "string", "Place", [escape(other.label_place)], "inline") + fields
        rows.append(_d11_card(other, card_href(other.path, other.node_id), fields))
    if not rows:
        return ""
    return (
        '<div class="views-element-container block block-views block-views-blockrelated-content-block-1" '
        'id="block-osce-related-content">\n  <h2>Related content</h2>\n'
        f'{_d11_view("related_content", "block_1", rows)}\n</div>'
    )


def _d11_release(release: MockRelease, base_url: str, related: Sequence[MockRelease] | None) -> str:
    """The full view of a press release node (node.html.twig), its fields in the display's order."""
    node = escape(release.node_id)

    def field(name: str, kind: str, label: str, items: Sequence[str], multiple: bool = False) -> str:
        return _d11_field(name, kind, label, items, d11_label_display(release.node_id, name), multiple)

    fields = []
    if release.content_type:
        fields.append(_d11_field("field-content-type", "entity-reference", "Content type",
                                 [escape(release.content_type)], "hidden"))
    # A date field renders only when it holds a value; core never prints a label without one.
    if release.show_date_value:
        fields.append(field("field-date", "datetime", "Date", [_d11_time(release.date, release.printed_date)]))
    if release.label_place:
        fields.append(field("field-place", "string", "Place", [escape(release.label_place)]))
    if release.sources:
        fields.append(field("field-source", "entity-reference", "Source", _d11_terms(release.sources, 4900), True))
    if release.fields:
        fields.append(field("field-fields-of-work", "entity-reference", "Fields of work",
                            _d11_terms(release.fields, 5100), True))
    fields.append(_d11_body(release))
    size = zlib.crc32(release.node_id.encode()) % 90000 + 10000
    pdf = f"/sites/default/files/{release.date:%Y-%m}/press-release-{node}.pdf"
    fields.append(_d11_field("field-files", "file", "Files", [
        f'<span class="file file--mime-application-pdf file--application-pdf"><a href="{pdf}" type="application/pdf">'
        f"press-release-{node}.pdf</a></span>\n  <span>({size / 100:.2f} KB)</span>"], "above", True))
    url = f"{base_url}{escape(release.path)}"
    title = escape(release.title)
    head = (
        f'    <link rel="canonical" href="{url}" />\n    <link rel="shortlink" href="{base_url}/node/{node}" />\n'
        '    <meta property="og:site_name" content="OSCE" />\n    <meta property="og:type" content="article" />\n'
        f'    <meta property="og:url" content="{url}" />\n    <meta property="og:title" content="{title}" />\n'
    )
    if release.meta_date_only:
        head += f'    <meta property="article:published_time" content="{d11_created(release.date)}" />\n'
    content = (
        '<div id="block-osce-page-title">\n  <h1><span class="field field--name-title field--type-string '
        f'field--label-hidden">{title}</span></h1>\n</div>\n'
        f'<div id="block-osce-content">\n<article data-history-node-id="{node}" class="node node--type-press-release '
        f'node--view-mode-full">\n  <div class="node__content">{"".join(fields)}\n  </div>\n</article>\n</div>\n'
        + _d11_related(_d11_stand_ins(release) if related is None else related)
    )
    return _d11_page(release.title, head, content, "path-node page-node-type-press-release", f"node\\/{node}")


def render_maintenance() -> str:
    """A maintenance page as maintenance-page.html.twig renders it: the site's name, a message, no release."""
    return (
        '<!DOCTYPE html>\n<html lang="en" dir="ltr">\n  <head>\n    <meta charset="utf-8" />\n'
        "    <title>Site under maintenance | OSCE</title>\n  </head>\n  <body class=\"maintenance-page\">\n"
        '<header role="banner">\n  <a href="/" title="Home" rel="home"><img src="/themes/custom/osce/logo.svg" '
        'alt="Home" /></a>\n  <h1><a href="/" title="Home" rel="home">OSCE</a></h1>\n</header>\n'
        '<main role="main">\n  <h1>Site under maintenance</h1>\n'
        "  <p>Our newsroom is being updated. Please come back later.</p>\n</main>\n  </body>\n</html>\n"
    )


def render_not_found(latest: list[MockRelease]) -> str:
    """A themed "Page not found" answered with 200, as a site whose newsroom moved without a redirect may serve:
    a short apology, then a block of the latest news, whose titles link to real releases."""
    rows = "".join(
        f'<div class="views-row"><h3><a href="{release.path}">{escape(release.title)}</a></h3>'
        f"<div>{release.date.day} {release.date:%B %Y}</div><p>{escape(release.paragraphs[0][:160])}</p></div>"
        for release in latest
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n  <head>\n    <meta charset="utf-8" />\n'
        "    <title>Page not found | OSCE</title>\n  </head>\n  <body>\n"
        '<header role="banner"><a href="/" rel="home">OSCE</a><nav><a href="/press-releases">Newsroom</a></nav>'
        '</header>\n<main role="main">\n  <h1 class="page-title">Page not found</h1>\n'
        "  <p>The page you asked for has moved or no longer exists. The latest news is below.</p>\n"
        f'  <div class="block"><h2>Latest news</h2>{rows}</div>\n</main>\n  </body>\n</html>\n'
    )


def render_app_shell() -> str:
    """A page that a script renders in the browser: an empty mount point, no text."""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n  <head>\n    <meta charset="utf-8" />\n'
        '    <meta name="viewport" content="width=device-width, initial-scale=1.0" />\n'
        '    <script type="module" crossorigin src="/assets/index-4f2a9c1e.js"></script>\n'
        '    <link rel="stylesheet" crossorigin href="/assets/index-b81d0e77.css">\n'
        '  </head>\n  <body>\n    <div id="app"></div>\n  </body>\n</html>\n'
    )
