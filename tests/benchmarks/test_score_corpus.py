"""The corpus scores may not fall below their floors (benchmarks/corpus_floors.json).

Needs the gold corpus: set OSCE_CORPUS_DIR (``make test`` sets it to ../shared/osce_corpus
when that folder exists). Without it the floor test is skipped, and says so.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from benchmarks.score_corpus import same_name, score_corpus, summary, title_right
from tests.conftest import REPO

FLOORS = REPO / "benchmarks" / "corpus_floors.json"


@pytest.fixture(scope="module")
def corpus_scores() -> dict[str, dict[str, float | None]]:
    corpus = os.environ.get("OSCE_CORPUS_DIR")
    if not corpus:
        pytest.skip("OSCE_CORPUS_DIR is not set: the corpus floors were not checked")
    if not Path(corpus).is_dir():
        pytest.fail(f"OSCE_CORPUS_DIR={corpus} is not a folder")
    return summary(score_corpus(Path(corpus)))


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


def test_name_matching_ignores_case_diacritics_and_shorter_forms():
    assert same_name("Dunja Mijatovic", "Dunja Mijatović")
    assert same_name("Link", "Link")
    assert same_name("Jan Kubis", "Ján Kubiš")
    assert not same_name("Jan Kubis", "Jan Braathu")


def test_title_right_needs_most_content_words_of_one_gold_title():
    assert title_right(["OSCE Secretary General"], ["Secretary General of the OSCE"])
    assert not title_right(["Ambassador"], ["Head of the OSCE Mission to Skopje"])
