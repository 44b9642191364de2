"""The people index: one entry per person across releases, never two people in one entry."""

from __future__ import annotations

import json
import subprocess
import sys

from osce_scraper import dataset
from osce_scraper.cli import main
from osce_scraper.people import people_index
from tests.conftest import REPO


def make_record(node_id: str, date: str | None, *officials: tuple[str, list[str]]) -> dict:
    return {"node_id": node_id, "date": date,
            "officials": [{"name": name, "title": titles[0] if titles else None, "titles": titles, "mentions": 1}
                          for name, titles in officials]}


def by_name(index: list[dict]) -> dict[str, dict]:
    return {entry["name"]: entry for entry in index}


def test_one_person_under_several_spellings_is_one_entry():
    index = people_index([
        make_record("10", "2014-03-01", ("Ivica Dacic", ["Foreign Minister"])),
        make_record("11", "2015-06-02", ("Ivica Dačić", ["OSCE Chairperson-in-Office", "Foreign Minister"])),
        make_record("12", "2015-09-09", ("Ivica M. Dačić", ["OSCE Chairperson-in-Office"])),
    ])
    [person] = index
    assert person["name"] == "Ivica M. Dačić"
    assert person["variants"] == ["Ivica Dacic", "Ivica Dačić", "Ivica M. Dačić"]
    assert (person["first_seen"], person["last_seen"], person["releases"]) == ("2014-03-01", "2015-09-09", 3)
    assert person["titles"] == [
        {"title": "Foreign Minister", "first_seen": "2014-03-01", "last_seen": "2015-06-02", "count": 2},
        {"title": "OSCE Chairperson-in-Office", "first_seen": "2015-06-02", "last_seen": "2015-09-09", "count": 2},
    ]


def test_transliterations_of_one_name_are_one_person():
    index = people_index([
        make_record("40", "2019-01-01", ("Sergei Lavrentiev", ["Foreign Minister"])),
        make_record("41", "2019-02-01", ("Sergey Lavrentiev", ["Foreign Minister"])),
        make_record("42", "2019-03-01", ("Yevgeniy Aleksandrov", ["Ambassador"])),
        make_record("43", "2019-04-01", ("Evgeny Alexandrov", ["Ambassador"])),
    ])
    assert sorted(entry["node_ids"] for entry in index) == [["40", "41"], ["42", "43"]]


def test_two_people_sharing_a_surname_stay_two_and_an_ambiguous_surname_stays_alone():
    index = by_name(people_index([
        make_record("20", "2020-01-01", ("Jan Novak", ["Ambassador"])),
        make_record("21", "2020-02-01", ("Petr Novak", ["Mayor of Brno"])),
        make_record("22", "2020-03-01", ("Novak", ["Ambassador"])),
    ]))
    assert set(index) == {"Jan Novak", "Petr Novak", "Novak"}
    assert (index["Jan Novak"]["node_ids"], index["Petr Novak"]["node_ids"]) == (["20"], ["21"])
    assert index["Novak"]["node_ids"] == ["22"]


def test_a_name_that_ends_in_a_suffix_is_known_by_the_word_before_it():
    index = by_name(people_index([
        make_record("30", "2021-01-01", ("Nurlan Talant uulu", ["Speaker"])),
        make_record("31", "2021-02-01", ("Nurlan Omurbek uulu", ["Governor"])),
        make_record("32", "2021-03-01", ("Talant uulu", ["Speaker"])),
    ]))
    assert set(index) == {"Nurlan Talant uulu", "Nurlan Omurbek uulu"}
    assert index["Nurlan Talant uulu"]["node_ids"] == ["30", "32"]
    assert index["Nurlan Omurbek uulu"]["node_ids"] == ["31"]


def test_a_surname_or_initial_joins_the_one_person_it_can_be():
    index = by_name(people_index([
        make_record("30", "2018-05-01", ("Thomas Greminger", ["OSCE Secretary General"])),
        make_record("31", "2018-06-01", ("Greminger", ["Secretary General"])),
        make_record("32", "2018-07-01", ("Jan Novak", ["Ambassador"]), ("Petr Novak", ["Mayor"])),
        make_record("33", "2018-08-01", ("J. Novak", ["Ambassador"])),
    ]))
    assert index["Thomas Greminger"]["node_ids"] == ["30", "31"]
    assert index["Thomas Greminger"]["variants"] == ["Greminger", "Thomas Greminger"]
    assert index["Jan Novak"]["node_ids"] == ["32", "33"] and index["Petr Novak"]["node_ids"] == ["32"]


def test_node_ids_are_exactly_the_records_naming_one_of_the_spellings(demo_dataset):
    records = dataset.load(demo_dataset)
    index = people_index(records)
    assert index and sum(entry["releases"] for entry in index) >= len(index)
    spellings = [spelling for entry in index for spelling in entry["variants"]]
    assert len(spellings) == len(set(spellings))  # every spelling belongs to one entry
    for entry in index:
        holding = {r["node_id"] for r in records if {o["name"] for o in r["officials"]} & set(entry["variants"])}
        assert set(entry["node_ids"]) == holding, entry["name"]


def test_people_command_writes_jsonl_and_csv_and_the_dataframe_matches(demo_dataset, tmp_path):
    assert main(["people", str(demo_dataset), "-o", str(tmp_path / "people.jsonl")]) == 0
    entries = [json.loads(line) for line in (tmp_path / "people.jsonl").read_text("utf-8").splitlines()]
    assert main(["people", str(demo_dataset), "-o", str(tmp_path / "people.csv"), "--format", "csv"]) == 0
    header = (tmp_path / "people.csv").read_text("utf-8").splitlines()[0]
    assert header == "name,variants,titles,first_seen,last_seen,releases,node_ids"
    frame = dataset.people(demo_dataset)
    assert list(frame["name"]) == [entry["name"] for entry in entries]
    assert str(frame["first_seen"].dtype).startswith("datetime64")
    assert main(["people", str(demo_dataset), "-o", str(demo_dataset)]) == 2  # never over the dataset


def test_parquet_without_pyarrow_says_what_to_install(demo_dataset, tmp_path):
    code = ("import sys; sys.modules['pyarrow'] = None; from osce_scraper.cli import main; "
            f"raise SystemExit(main(['export', {str(demo_dataset)!r}, '--format', 'parquet', '-o', "
            f"{str(tmp_path / 'out.parquet')!r}]))")
    process = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert process.returncode == 2
    [line] = process.stderr.strip().splitlines()
    assert "pip install 'osce-scraper[data]'" in line and "Traceback" not in process.stderr
