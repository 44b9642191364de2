"""The record the spider must make of each mock release, derived from how it was written."""

from __future__ import annotations

from typing import Any

from tests.site.releases import MONTH_NAMES, MockRelease
from tests.site.render import meta_date_raw


def _dateline_date_text(release: MockRelease) -> str | None:
    if not release.dateline:
        return None
    for month in MONTH_NAMES:
        for printed in (month, month[:3]):
            if f" {printed}" in release.dateline:
                start = release.dateline.rfind(" ", 0, release.dateline.index(f" {printed}")) + 1
                rest = release.dateline[start:]
                return rest.split(" –")[0].split("-")[0].split(" (")[0].split(" —")[0].rstrip(".,").strip()
    return None


def expected_record(release: MockRelease, base_url: str, variant: str) -> dict[str, Any]:
    """Every field of the record except ``crawled_at``; places as (name, country code) pairs.

    drupal11 prints the same dates as the other variants, each as a ``<time datetime>``'s text: the page's
    Date field (rendered only when it holds a value, ``show_date_value``), else the card's date
    (``listing_has_date``); ODIHR's cards link to odihr.osce.org, and the record's url is still the mirror's.
    """
    if release.show_date_value or release.listing_has_date:
        date_raw = release.printed_date
    elif release.meta_date_only:
        date_raw = meta_date_raw(release, variant)
    else:
        date_raw = _dateline_date_text(release)
    places = list(zip(release.places, release.country_codes, strict=True))
    if release.label_place and not places:
        places = [(release.label_place.title(), None)]
    place = release.places[0] if release.places else (release.label_place.title() if release.label_place else None)
    return {
        "url": base_url + release.path,
        "node_id": release.node_id,
        "content_type": release.content_type,
        "title": release.title,
        "date": release.date.isoformat(),
        "date_raw": date_raw,
        "dateline": release.dateline,
        "place": place,
        "places": places,
        "source": list(release.sources),
        "fields_of_work": list(release.fields),
        "officials": release.officials,
        "text": "\n\n".join(release.paragraphs),
        "language": "en",
    }


def record_differences(record: dict[str, Any], expected: dict[str, Any]) -> list[str]:
    """How ``record`` differs from ``expected``, one readable line per field."""
    problems = []
    for name, want in expected.items():
        got = record.get(name)
        if name == "places":
            got = [(p["name"], p["country_code"]) for p in got or []]
        if name == "officials":
            names = {o["name"]: o["titles"] for o in got or []}
            missing = [(n, t) for n, t in want if n not in names or t not in names[n]]
            extra = [n for n in names if n not in {n for n, _ in want}]
            if missing or extra:
                problems.append(f"{record.get('node_id')} officials: missing {missing}, unexpected {extra}")
            continue
        if got != want:
            problems.append(f"{record.get('node_id')} {name}: got {got!r}, want {want!r}")
    return problems
