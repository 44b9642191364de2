"""The corpus scores may not fall below their floors (benchmarks/corpus_floors.json).

Needs the gold corpus: set OSCE_CORPUS_DIR (``make test`` sets it to ../shared/osce_corpus
when that folder exists). Without it the floor test is skipped, and says so.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from benchmarks.score_corpus import errors, same_name, score_corpus, summary, title_right
from tests.conftest import REPO

FLOORS = REPO / "benchmarks" / "corpus_floors.json"
#: Errors that look like data (title fragments, another person's title, a title inside a name): at most these.
CEILINGS = REPO / "benchmarks" / "corpus_ceilings.json"


@pytest.fixture(scope="module")
def corpus_scorer():
    corpus = os.environ.get("OSCE_CORPUS_DIR")
    if not corpus:
        pytest.skip("OSCE_CORPUS_DIR is not set: the corpus floors were not checked")
    if not Path(corpus).is_dir():
        pytest.fail(f"OSCE_CORPUS_DIR={corpus} is not a folder")
    return score_corpus(Path(corpus))


@pytest.fixture(scope="module")
def corpus_scores(corpus_scorer) -> dict[str, dict[str, float | None]]:
    return summary(corpus_scorer)


@pytest.mark.slow
def test_errors_that_look_like_data_stay_at_their_ceilings(corpus_scorer):
    ceilings = json.loads(CEILINGS.read_text("utf-8"))
    counts = errors(corpus_scorer)
    above = [
        f"{way}/{kind}: {counts[way][kind]} > {ceiling}"
        for way, kinds in ceilings.items()
        for kind, ceiling in kinds.items()
        if counts[way][kind] > ceiling
    ]
    assert above == []


@pytest.mark.slow
def test_scores_meet_their_floors(corpus_scores):
    floors = json.loads(FLOORS.read_text("utf-8"))
    below = [
        f"{way}/{name}: {corpus_scores.get(way, {}).get(name)} < {floor}"
        for way, fields in floors.items()
        for name, floor in fields.items()
        if (corpus_scores.get(way, {}).get(name) or 0.0) < floor
    ]
    assert below == []


def test_every_markup_variant_has_its_floors():
    from tests.site.render import VARIANTS

    floors = json.loads(FLOORS.read_text("utf-8"))
    assert [variant for variant in VARIANTS if variant not in floors] == []
    assert all(floors[variant].keys() == floors["drupal"].keys() for variant in VARIANTS)


def test_name_matching_ignores_case_diacritics_and_shorter_forms():
    assert same_name("Dunja Mijatovic", "Dunja Mijatović")
    assert same_name("Link", "Link")
    assert same_name("Jan Kubis", "Ján Kubiš")
    assert not same_name("Jan Kubis", "Jan Braathu")


def test_title_right_needs_most_content_words_of_one_gold_title():
    assert title_right(["OSCE Secretary General"], ["Secretary General of the OSCE"])
    assert not title_right(["Ambassador"], ["Head of the OSCE Mission to Skopje"])


def test_the_error_kinds_are_told_apart():
    from benchmarks.score_corpus import OfficialsTally, score_officials

    gold = {"officials": [{"name": "Ana Lopes", "titles": ["President"]},
                          {"name": "Jonas Berg", "titles": ["Minister of Foreign Affairs"]}],
            "other_persons": []}
    tally = OfficialsTally()
    score_officials(tally, [{"name": "Ana Lopes", "titles": ["of President", "Minister of Foreign Affairs"]},
                            {"name": "Foreign Minister Jonas Berg", "titles": ["Minister of Foreign Affairs"]}],
                    gold, "T1")
    assert tally.errors() == {"title_fragments": 1, "titles_of_another": 1, "titles_in_names": 1}
    clean = OfficialsTally()
    score_officials(clean, [{"name": "Ana Lopes", "titles": ["President"]},
                            {"name": "Jonas Berg", "titles": ["Minister of Foreign Affairs"]}], gold, "T2")
    assert clean.errors() == {"title_fragments": 0, "titles_of_another": 0, "titles_in_names": 0}
