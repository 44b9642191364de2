"""A fuzz run of the page extractor and the record builder over mutated mock pages."""

from __future__ import annotations

import random

import pytest

from osce_scraper.fields import build_record
from osce_scraper.items import RECORD_FIELDS, RawRelease, schema_errors
from osce_scraper.pages.release import read_release
from tests.site.releases import make_releases
from tests.site.render import VARIANTS, render_release

SNIPPETS = ["<div>", "</div>", "<li>", "</ul>", "<p>", "<!--", "-->", "<script>", "Place:", "Source:", "&amp;",
            "\x00", "\ufffd", "<h1>", "</h1>", "–", "<dd>", "<table>", "<", ">", '"', "VIENNA, 3 June 2002- "]


def make_mutation(page: str, rng: random.Random) -> str:
    """One of: cut a span out, repeat a span, insert a snippet, truncate, swap two spans."""
    a, b = sorted(rng.randrange(len(page) + 1) for _ in range(2))
    kind = rng.randrange(5)
    if kind == 0:
        return page[:a] + page[b:]
    if kind == 1:
        return page[:b] + page[a:b] + page[b:]
    if kind == 2:
        return page[:a] + rng.choice(SNIPPETS) + page[a:]
    if kind == 3:
        return page[:a]
    return page[:a] + page[b:] + page[a:b]


@pytest.mark.parametrize("variant", VARIANTS)
def test_mutated_pages_never_break_extraction(variant):
    rng = random.Random(f"fuzz-{variant}")
    releases = make_releases(64)
    for round_number in range(120):
        release = releases[round_number % len(releases)]
        page = render_release(release, variant, "http://127.0.0.1:8000")
        for _ in range(rng.randrange(1, 6)):
            page = make_mutation(page, rng)
        record = build_record(RawRelease(read_release(page, "http://127.0.0.1:8000" + release.path), None,
                                         "2026-01-01T00:00:00Z"))
        assert tuple(record) == RECORD_FIELDS
        errors = schema_errors(record)
        # The only way a mutated page may fail the schema is by losing its title.
        assert all(error.startswith("title:") for error in errors), errors
