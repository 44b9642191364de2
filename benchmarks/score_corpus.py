"""Score the project's extraction on a gold-labelled corpus of real OSCE text.

    python benchmarks/score_corpus.py ../shared/osce_corpus [--json scores.json] [--quiet]

The corpus (README.md in its folder) holds listing entries and release-page
texts with hand-made labels. Each entry is scored three ways with the very
functions the crawl's pipelines call:

- ``text``: the extractors on the plain lead or article text;
- ``<variant>``: the entry rendered as a listing item and as a release page
  in each markup variant of the mock site, read back by the listing and page
  extractors and turned into a record by ``build_record``.

It prints per-field accuracy for each way and every miss.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from osce_scraper.extract import vocabulary
from osce_scraper.extract.datelines import parse_dateline
from osce_scraper.extract.officials import find_officials, is_given_name
from osce_scraper.extract.places import fold, resolve_places
from osce_scraper.fields import build_record
from osce_scraper.items import RawRelease
from osce_scraper.pages.listing import read_listing
from osce_scraper.pages.release import CONTENT_TYPES, read_release
from tests.site.releases import MockRelease
from tests.site.render import VARIANTS, render_listing, render_release
from tests.site.server import Entry

BASE_URL = "http://127.0.0.1:8000"
_STOP_WORDS = frozenset("the of for on in and to a an at with by his her its de".split())


@dataclass
class Tally:
    """Hits out of a total, with the misses explained."""

    hits: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, ok: bool, miss: str) -> None:
        self.total += 1
        self.hits += ok
        if not ok:
            self.misses.append(miss)

    @property
    def score(self) -> float | None:
        return self.hits / self.total if self.total else None


@dataclass
class OfficialsTally:
    """Name-level precision and recall, and the share of found officials with a right title."""

    found_right: int = 0
    found_wrong: int = 0
    gold_total: int = 0
    gold_found: int = 0
    titles_right: int = 0
    titles_total: int = 0
    #: Errors that look like data: a title that is a sentence's fragment ("of President"), a title
    #: that belongs to another person of the release, a title inside a name ("Uzbek President X").
    title_fragments: int = 0
    titles_of_another: int = 0
    titles_in_names: int = 0
    misses: list[str] = field(default_factory=list)

    def scores(self) -> dict[str, float | None]:
        found = self.found_right + self.found_wrong
        return {
            "officials_precision": self.found_right / found if found else None,
            "officials_recall": self.gold_found / self.gold_total if self.gold_total else None,
            "officials_title": self.titles_right / self.titles_total if self.titles_total else None,
            "officials_name_without_title": 1 - self.titles_in_names / found if found else None,
        }

    def errors(self) -> dict[str, int]:
        """Counts of the errors that must stay at zero (``corpus_ceilings.json``)."""
        return {"title_fragments": self.title_fragments, "titles_of_another": self.titles_of_another,
                "titles_in_names": self.titles_in_names}


def same_name(found: str, gold: str) -> bool:
    """Same person's name: equal, or one a shorter form with the same surname (case and diacritics ignored)."""
    a, b = fold(found).split(), fold(gold).split()
    if a == b:
        return True
    return bool(a and b) and a[-1] == b[-1] and (set(a) <= set(b) or set(b) <= set(a))


def content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[\w'’-]+", fold(text)) if w not in _STOP_WORDS}


def title_right(found_titles: Iterable[str], gold_titles: Iterable[str]) -> bool:
    words = set().union(*(content_words(t) for t in found_titles)) if found_titles else set()
    for gold in gold_titles:
        wanted = content_words(gold)
        if wanted and len(wanted & words) >= 0.6 * len(wanted):
            return True
    return False


_FRAGMENT_STARTS = frozenset("of to in for at with by from on under the a an and".split())
#: Capitalised title words that are nobody's given name or surname.
_TITLE_WORDS = frozenset(
    word for head in vocabulary.TITLE_HEADS for word in head.split()
    if word[0].isupper() and not is_given_name(word) and word not in {"General", "Major", "Chief", "Lord"}
)


def _title_errors(tally: OfficialsTally, person: dict[str, Any], found: list[dict[str, Any]],
                  gold: dict[str, Any], entry_id: str) -> None:
    others = [p["name"] for p in found if p is not person]
    others += [g["name"] for g in gold["officials"] if not same_name(person["name"], g["name"])]
    others += [name for name in gold["other_persons"] if not same_name(person["name"], name)]
    own = next((g["titles"] for g in gold["officials"] if same_name(person["name"], g["name"])), [])
    for title in person["titles"]:
        if title.split()[0].lower() in _FRAGMENT_STARTS:
            tally.title_fragments += 1
            tally.misses.append(f"{entry_id} title fragment of {person['name']}: {title!r}")
        folded = f" {fold(title)} "
        holds_name = any(f" {fold(name).split()[-1]} " in folded for name in others if name.split())
        anothers = [g for g in gold["officials"] if not same_name(person["name"], g["name"])
                    and title_right([title], g["titles"])]
        if holds_name or (anothers and not title_right([title], own)):
            tally.titles_of_another += 1
            tally.misses.append(f"{entry_id} title of another person given to {person['name']}: {title!r}")
    if set(person["name"].split()) & _TITLE_WORDS:
        tally.titles_in_names += 1
        tally.misses.append(f"{entry_id} title inside a name: {person['name']!r}")


def score_officials(tally: OfficialsTally, found: list[dict[str, Any]], gold: dict[str, Any], entry_id: str) -> None:
    officials, others = gold["officials"], gold["other_persons"]
    for person in found:
        _title_errors(tally, person, found, gold, entry_id)
        match = next((g for g in officials if same_name(person["name"], g["name"])), None)
        if match:
            tally.found_right += 1
            tally.titles_total += 1
            if title_right(person["titles"], match["titles"]):
                tally.titles_right += 1
            else:
                tally.misses.append(f"{entry_id} title of {person['name']}: {person['titles']} vs {match['titles']}")
        elif not any(same_name(person["name"], other) for other in others):
            tally.found_wrong += 1
            tally.misses.append(f"{entry_id} not an official: {person['name']} {person['titles']}")
    for official in officials:
        tally.gold_total += 1
        if any(same_name(person["name"], official["name"]) for person in found):
            tally.gold_found += 1
        else:
            tally.misses.append(f"{entry_id} missed official: {official['name']} {official['titles']}")


class Scorer:
    """Collects tallies per way of reading (``text`` or a variant) and field."""

    def __init__(self) -> None:
        self.tallies: dict[str, dict[str, Tally]] = defaultdict(lambda: defaultdict(Tally))
        self.officials: dict[str, OfficialsTally] = defaultdict(OfficialsTally)

    def dateline(self, way: str, entry_id: str, gold: dict | None, raw: str | None, place: str | None,
                 places: list[str], date: dt.date | None, publication: dt.date | None) -> None:
        t = self.tallies[way]
        gold_raw = gold["raw"] if gold else None
        t["dateline"].add((raw or None) == gold_raw, f"{entry_id}: got {raw!r}, want {gold_raw!r}")
        if not gold:
            return
        if gold["places"]:
            names = [fold(n) for n in [gold["places"][0], *gold["place_alternates"][0]]]
            place_ok = place is not None and fold(place) in names
            found = {fold(p) for p in places}
            every = all(
                fold(g) in found or any(fold(alt) in found for alt in alts) or any(
                    fold(g) in fold(p).split("/") for p in places)
                for g, alts in zip(gold["places"], gold["place_alternates"], strict=False)
            )
            t["place"].add(place_ok and every, f"{entry_id}: got {place!r} {places}, want {gold['places']}")
        if gold["date_text"]:
            want = gold["date_iso"]  # a dateline without a year has no date: the record's date comes from elsewhere
            got = date.isoformat() if date else None
            t["dateline_date"].add(got == want, f"{entry_id}: got {got}, want {want} ({gold['date_text']!r})")


def _publication(entry: dict[str, Any]) -> dt.date | None:
    text = entry.get("publishing_date")
    return dt.datetime.strptime(text, "%d %B %Y").date() if text else None


def _mock_release(index: int, title: str, paragraphs: list[str], entry: dict[str, Any]) -> MockRelease:
    publication = _publication(entry)
    return MockRelease(
        node_id=str(900000 + index), section="newsroom", title=title, date=publication or dt.date(2000, 1, 1),
        content_type=entry.get("content_type"), sources=tuple(entry.get("where_we_are") or ()),
        fields=tuple(entry.get("what_we_do") or ()), paragraphs=paragraphs, dateline=None, places=(),
        country_codes=(), label_place=None, officials=[], show_date_value=False,
        listing_has_date=publication is not None,
    )


def _split_article(text: str) -> tuple[str | None, str, list[str]]:
    """(content type, title, body lines) of an article text as a reader sees it."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    content_type = None
    while lines and (lines[0] == "Newsroom" or lines[0].lower() in CONTENT_TYPES):
        if lines[0] != "Newsroom":
            content_type = CONTENT_TYPES[lines[0].lower()]
        lines.pop(0)
    return content_type, lines[0] if lines else "", lines[1:]


def score_listing_entry(scorer: Scorer, index: int, entry: dict[str, Any]) -> None:
    gold, entry_id = entry["gold"], entry["id"]
    publication = _publication(entry)
    dateline = parse_dateline(entry["lead"])
    places = resolve_places(dateline.place_names, dateline.country) if dateline else []
    scorer.dateline("text", entry_id, gold["dateline"], dateline.raw if dateline else None,
                    places[0].name if places else None, [p.name for p in places],
                    dateline.date() if dateline else None, publication)
    score_officials(scorer.officials["text"], [o.to_dict() for o in find_officials(entry["lead"])], gold, entry_id)

    release = _mock_release(index, entry["title"], [entry["lead"]], entry)
    for variant in VARIANTS:
        listing = read_listing(render_listing([Entry(release, release.path)], 0, 0, variant, BASE_URL),
                                BASE_URL + "/press-releases")
        t = scorer.tallies[variant]
        item = listing.items[0] if listing.items else None
        t["listing_items"].add(len(listing.items) == 1, f"{entry_id}: {len(listing.items)} items")
        t["title"].add(item is not None and item.title == entry["title"],
                       f"{entry_id}: got {item and item.title!r}, want {entry['title']!r}")
        page = read_release(render_release(release, variant, BASE_URL), BASE_URL + release.path)
        record = build_record(RawRelease(page=page, listing=item, crawled_at="2000-01-01T00:00:00Z"))
        for name, want in [("content_type", entry["content_type"]), ("source", entry["where_we_are"]),
                           ("fields_of_work", entry["what_we_do"]), ("title", entry["title"])]:
            got = record[name]
            t[f"record_{name}"].add(got == want, f"{entry_id}: got {got!r}, want {want!r}")
        want_date = publication.isoformat() if publication else None
        t["date"].add(record["date"] == want_date, f"{entry_id}: got {record['date']}, want {want_date}")
        record_dateline = parse_dateline(page.paragraphs[0]) if page.paragraphs else None
        scorer.dateline(variant, entry_id, gold["dateline"], record["dateline"], record["place"],
                        [p["name"] for p in record["places"]],
                        record_dateline.date() if record_dateline else None, publication)
        score_officials(scorer.officials[variant], record["officials"], gold, entry_id)


def score_article(scorer: Scorer, index: int, entry: dict[str, Any]) -> None:
    gold, entry_id = entry["gold"], entry["id"]
    content_type, title, body = _split_article(entry["text"])
    for variant in VARIANTS:
        release = _mock_release(index, title, body, {"content_type": content_type})
        page = read_release(render_release(release, variant, BASE_URL), BASE_URL + release.path)
        record = build_record(RawRelease(page=page, listing=None, crawled_at="2000-01-01T00:00:00Z"))
        record_dateline = parse_dateline(page.paragraphs[0]) if page.paragraphs else None
        scorer.dateline(variant, entry_id, gold["dateline"], record["dateline"], record["place"],
                        [p["name"] for p in record["places"]],
                        record_dateline.date() if record_dateline else None, None)
        score_officials(scorer.officials[variant], record["officials"], gold, entry_id)
    text_body = "\n".join(body)
    score_officials(scorer.officials["text"], [o.to_dict() for o in find_officials(text_body)], gold, entry_id)


def score_corpus(corpus_dir: Path) -> Scorer:
    """Score every entry of the corpus; the scorer holds the tallies."""
    scorer = Scorer()
    listing_path, articles_path = corpus_dir / "listing_items.jsonl", corpus_dir / "articles.jsonl"
    for path in (listing_path, articles_path):
        if not path.is_file():
            raise FileNotFoundError(f"{path} is missing: is {corpus_dir} the corpus folder?")
    with listing_path.open(encoding="utf-8") as lines:
        for index, line in enumerate(lines):
            score_listing_entry(scorer, index, json.loads(line))
    with articles_path.open(encoding="utf-8") as lines:
        for index, line in enumerate(lines):
            score_article(scorer, 5000 + index, json.loads(line))
    return scorer


def errors(scorer: Scorer) -> dict[str, dict[str, int]]:
    """{way: {error kind: count}} of the officials' errors that look like data."""
    return {way: scorer.officials[way].errors() for way in ["text", *VARIANTS]}


def summary(scorer: Scorer) -> dict[str, dict[str, float | None]]:
    """{way: {field: score}} with officials' precision, recall and title scores."""
    result: dict[str, dict[str, float | None]] = {}
    for way in ["text", *VARIANTS]:
        scores = {name: tally.score for name, tally in sorted(scorer.tallies[way].items())}
        scores.update(scorer.officials[way].scores())
        result[way] = scores
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus_dir", type=Path)
    parser.add_argument("--json", type=Path, help="also write the scores to this file")
    parser.add_argument("--quiet", action="store_true", help="only the table, no misses")
    args = parser.parse_args(argv)
    if not args.corpus_dir.is_dir():
        parser.error(f"{args.corpus_dir} is not a folder")
    scorer = score_corpus(args.corpus_dir)
    scores = summary(scorer)
    ways = list(scores)
    names = sorted({name for way in ways for name in scores[way]})
    print(f"{'field':28}" + "".join(f"{way:>12}" for way in ways))
    for name in names:
        cells = "".join(f"{'' if scores[w].get(name) is None else f'{scores[w][name]:.4f}':>12}" for w in ways)
        print(f"{name:28}{cells}")
    counts = errors(scorer)
    for kind in counts["text"]:
        print(f"{'errors: ' + kind:28}" + "".join(f"{counts[w][kind]:>12}" for w in ways))
    if not args.quiet:
        for way in ways:
            for name, tally in sorted(scorer.tallies[way].items()):
                for miss in tally.misses:
                    print(f"MISS [{way}] {name} {miss}")
            for miss in scorer.officials[way].misses:
                print(f"MISS [{way}] officials {miss}")
    if args.json:
        args.json.write_text(json.dumps(scores, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
