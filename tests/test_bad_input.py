"""Hostile and broken pages: a record with nulls, or a rejection with a reason; never a crash, never a wrong value."""

from __future__ import annotations

import pytest
from scrapy.exceptions import DropItem

from osce_scraper.fields import build_record
from osce_scraper.items import RawRelease, schema_errors
from osce_scraper.pages.release import read_release
from osce_scraper.pipelines import ValidatePipeline
from tests.conftest import make_release_html

URL = "https://www.osce.org/mission-to-skopje/512345"


def make_record(page: str | bytes) -> dict:
    return build_record(RawRelease(read_release(page, URL), None, "2026-01-01T00:00:00Z"))


def test_an_empty_body_is_rejected_with_a_reason(tmp_path):
    record = make_record(b"")
    assert (record["title"], record["text"], record["date"]) == (None, "", None)
    with pytest.raises(DropItem, match="title"):
        ValidatePipeline(tmp_path / "rejected.jsonl").process_item(record)


def test_binary_content_served_as_html_gives_no_text():
    record = make_record(bytes(range(256)) * 200)
    assert (record["title"], record["text"], record["officials"], record["places"]) == (None, "", [], [])


def test_deeply_nested_markup_keeps_its_text():
    body = "<div>" * 6000 + "<p>SKOPJE, 3 May 2019 – The Mission opened a legal aid office.</p>" + "</div>" * 6000
    record = make_record(make_release_html(body=body))
    assert record["text"].startswith("SKOPJE, 3 May 2019 – The Mission")
    assert record["place"] == "Skopje"


def test_a_release_with_no_title_is_rejected():
    record = make_record(make_release_html(title="", kind=""))
    assert record["title"] is None
    assert any(error.startswith("title:") for error in schema_errors(record))


def test_labels_with_no_value_give_empty_lists_not_the_next_label():
    meta = "<ul><li>Date:</li><li>Place:</li><li>Source:</li><li>Fields of work:</li></ul>"
    record = make_record(make_release_html(meta=meta))
    assert (record["source"], record["fields_of_work"]) == ([], [])
    assert record["place"] == "Bishkek"  # from the dateline


def test_an_impossible_date_is_null():
    meta = "<ul><li>Date:</li><li>31 February 2018</li></ul>"
    record = make_record(make_release_html(meta=meta, body="<p>The Mission opened an office.</p>"))
    assert record["date"] is None and record["date_raw"] == "31 February 2018"
    assert schema_errors(record) == []


def test_a_dateline_with_an_unknown_place_keeps_the_name_with_nulls():
    body = "<p>VELIKA HOČA, 4 June 2019 – Villagers met the Mission's monitors.</p>"
    record = make_record(make_release_html(meta="", body=body))
    assert record["places"] == [{"name": "Velika Hoča", "country": None, "country_code": None, "latitude": None,
                                 "longitude": None}]


def test_text_in_another_script_gives_no_wrong_values():
    body = ("<p>ВЕНА, 3 июня 2019 г. – Генеральный секретарь ОБСЕ Томас Гремингер провел встречу.</p>"
            "<p>Встреча прошла в Вене.</p>")
    record = build_record(RawRelease(read_release(make_release_html(meta="", body=body),
                                                        "https://www.osce.org/ru/secretariat/512345"), None,
                                     "2026-01-01T00:00:00Z"))
    assert record["language"] == "ru"
    assert (record["dateline"], record["date"], record["places"], record["officials"]) == (None, None, [], [])
    assert "Гремингер" in record["text"]


def test_mojibake_is_repaired():
    # As a browser shows UTF-8 read as Windows-1252 (bytes it leaves undefined become C1 controls).
    text = "SKOPJE, 3 May 2019 – Ivica Dačić met the Head of Mission."
    garbled = "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in text.encode())
    record = make_record(make_release_html(body=f"<p>{garbled}</p>"))
    assert "Dačić" in record["text"] and "Ã" not in record["text"]


def test_mojibake_that_lost_its_no_break_space_is_repaired_and_the_place_found():
    # "Š" is C5 A0 in UTF-8; read as Windows-1252 the A0 is a no-break space, which pages often turn
    # into a plain space: the hand-written repair could not undo that, ftfy can.
    text = "PRISHTINË/PRIŠTINA, 5 May 2019 – The Mission opened a “legal aid” centre."
    garbled = "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in text.encode()).replace("\xa0", " ")
    assert "PRIÅ TINA" in garbled
    record = make_record(make_release_html(meta="", body=f"<p>{garbled}</p>"))
    assert record["dateline"] == "PRISHTINË/PRIŠTINA, 5 May 2019 –"
    assert record["place"] == "Prishtinë/Priština" and record["places"][0]["country_code"] == "XK"
    assert "“legal aid”" in record["text"]  # curly quotes stay as printed
