"""HTML of the mock newsroom in four markup variants.

The variants share osce.org's visible labels and URL layout and differ in
tags, nesting and placement: the spider must read all of them alike.
"""

from __future__ import annotations

from html import escape
from typing import Protocol

from tests.site.releases import MockRelease

VARIANTS = ("drupal", "definition", "flat", "grid")

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


def render_release(release: MockRelease, variant: str, base_url: str) -> str:
    """The release page in one markup variant."""
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
