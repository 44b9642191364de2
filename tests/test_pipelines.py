import json

import pytest
from scrapy.exceptions import DropItem

from osce_scraper.fields import build_record
from osce_scraper.items import RECORD_FIELDS, RawRelease, schema_errors
from osce_scraper.pages.listing import ListingItem
from osce_scraper.pages.release import read_release
from osce_scraper.pipelines import (
    DatesPipeline,
    DeduplicatePipeline,
    OfficialsPipeline,
    PagePipeline,
    PlacesPipeline,
    TaxonomyPipeline,
    ValidatePipeline,
)
from tests.conftest import make_release_html

URL = "https://www.osce.org/programme-office-in-bishkek/488612"


def make_raw(html: str | None = None, listing: ListingItem | None = None, url: str = URL) -> RawRelease:
    page = read_release(html if html is not None else make_release_html(), url)
    return RawRelease(page=page, listing=listing, crawled_at="2026-01-01T00:00:00Z")


def make_listing_item(**values) -> ListingItem:
    return ListingItem(**{"url": URL, "node_id": "488612", "title": "Listing title", **values})


def test_a_record_has_every_field_in_order_and_is_valid():
    record = build_record(make_raw())
    assert tuple(record) == RECORD_FIELDS
    assert schema_errors(record) == []
    assert (record["place"], record["dateline"], record["date"]) == ("Bishkek", "BISHKEK, 12 May 2021 –", "2021-05-12")
    assert record["places"][0]["country_code"] == "KG"


def test_date_order_page_then_listing_then_dateline_then_metadata():
    meta = "<ul><li>Date:</li><li>11 May 2021</li></ul>"
    listing = make_listing_item(publishing_date="10 May 2021")
    head = "<meta property='article:published_time' content='2021-05-09T10:00:00Z'>"
    assert build_record(make_raw(make_release_html(meta=meta, head=head), listing))["date"] == "2021-05-11"
    assert build_record(make_raw(make_release_html(head=head), listing))["date"] == "2021-05-10"
    record = build_record(make_raw(make_release_html(head=head)))
    assert (record["date"], record["date_raw"]) == ("2021-05-12", "12 May 2021")
    no_dateline = make_release_html(head=head, body="<p>The Office handed over equipment.</p>")
    record = build_record(make_raw(no_dateline))
    assert (record["date"], record["date_raw"]) == ("2021-05-09", "2021-05-09T10:00:00Z")


def test_an_impossible_date_gives_null_not_a_guess():
    meta = "<ul><li>Date:</li><li>31 February 2018</li></ul>"
    record = build_record(make_raw(make_release_html(meta=meta, body="<p>No dateline.</p>")))
    assert (record["date"], record["date_raw"]) == (None, "31 February 2018")


def test_listing_values_fill_what_the_page_lacks():
    listing = make_listing_item(content_type="News", where_we_are=["OSCE Secretariat"], what_we_do=["Youth"],
                                publishing_date="12 May 2021")
    record = build_record(make_raw(make_release_html(meta="", kind=""), listing))
    assert (record["content_type"], record["source"], record["fields_of_work"]) == ("News", ["OSCE Secretariat"],
                                                                                    ["Youth"])


def test_duplicates_are_dropped():
    pipeline = DeduplicatePipeline()
    record = build_record(make_raw())
    pipeline.process_item(record)
    with pytest.raises(DropItem, match="duplicate"):
        pipeline.process_item(dict(record))


def test_invalid_records_go_to_the_rejected_file_with_reasons(tmp_path):
    rejected = tmp_path / "rejected.jsonl"
    pipeline = ValidatePipeline(rejected)
    record = build_record(make_raw(make_release_html(title="")))
    record["title"] = ""
    with pytest.raises(DropItem, match="title"):
        pipeline.process_item(record)
    [line] = rejected.read_text("utf-8").splitlines()
    entry = json.loads(line)
    assert entry["record"]["node_id"] == "488612"
    assert any(reason.startswith("title:") for reason in entry["reasons"])


# Each field pipeline alone: it fills its own family of fields and nothing else.


def test_page_pipeline_fills_what_the_page_states():
    item = PagePipeline().process_item(make_raw(listing=make_listing_item()))
    assert set(item.record) == {"url", "node_id", "title", "text", "language", "crawled_at", "warc_file",
                                "warc_record_id", "payload_digest"}
    assert item.record["url"] == URL and item.record["node_id"] == "488612"
    assert item.record["title"] == "OSCE supports police reform in Kyrgyzstan"
    assert item.record["text"].startswith("BISHKEK, 12 May 2021 – ") and "\n\n" in item.record["text"]
    assert (item.record["language"], item.record["crawled_at"]) == ("en", "2026-01-01T00:00:00Z")


def test_dates_pipeline_fills_the_date_as_printed_and_the_dateline():
    item = DatesPipeline().process_item(make_raw())
    assert item.record == {"date": "2021-05-12", "date_raw": "12 May 2021", "dateline": "BISHKEK, 12 May 2021 –"}


def test_places_pipeline_reads_the_dateline_and_the_place_label():
    body = "<p>OSH, 3 June 2019 – The Office trained teachers.</p>"
    item = PlacesPipeline().process_item(make_raw(make_release_html(body=body)))
    assert set(item.record) == {"place", "places"}
    assert item.record["place"] == "Osh"
    assert [(p["name"], p["country_code"]) for p in item.record["places"]] == [("Osh", "KG"), ("Bishkek", "KG")]


def test_taxonomy_pipeline_prefers_the_page_then_the_listing():
    item = TaxonomyPipeline().process_item(make_raw(listing=make_listing_item(where_we_are=["OSCE Secretariat"])))
    assert item.record == {"content_type": "Press release", "source": ["OSCE Programme Office in Bishkek"],
                           "fields_of_work": ["Policing"]}
    bare = TaxonomyPipeline().process_item(make_raw(make_release_html(meta="", kind=""),
                                                    make_listing_item(content_type="news",
                                                                      where_we_are=["OSCE Secretariat"])))
    assert bare.record == {"content_type": "News", "source": ["OSCE Secretariat"], "fields_of_work": []}


def test_officials_pipeline_names_people_with_their_titles():
    body = ("<p>BISHKEK, 12 May 2021 – The Head of the OSCE Programme Office in Bishkek, Ambassador Alexey "
            "Rogov, handed over the equipment. Rogov thanked the Academy.</p>")
    item = OfficialsPipeline().process_item(make_raw(make_release_html(body=body)))
    [official] = item.record["officials"]
    assert official["name"] == "Alexey Rogov" and official["mentions"] == 2
    assert "Head of the OSCE Programme Office in Bishkek" in official["titles"]


def test_a_field_no_pipeline_filled_is_a_rejection_not_a_null(tmp_path):
    raw = make_raw()
    for pipeline in (PagePipeline(), DatesPipeline(), TaxonomyPipeline(), OfficialsPipeline()):  # no places
        pipeline.process_item(raw)
    with pytest.raises(DropItem, match="place: no pipeline set this field"):
        ValidatePipeline(tmp_path / "rejected.jsonl").process_item(raw)
    PlacesPipeline().process_item(raw)
    record = ValidatePipeline(tmp_path / "rejected.jsonl").process_item(raw)
    assert tuple(record) == RECORD_FIELDS and record == build_record(raw)


def test_the_dateline_is_found_after_a_summary_that_opens_the_body():
    body = ("<p>Police cadets received new equipment.</p>"
            "<p>BISHKEK, 12 May 2021 – The OSCE Programme Office in Bishkek today handed over equipment.</p>")
    record = build_record(make_raw(make_release_html(body=body)))
    assert (record["dateline"], record["place"]) == ("BISHKEK, 12 May 2021 –", "Bishkek")
    assert record["text"].startswith("Police cadets received new equipment.")
