import json
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from scrapy.exceptions import DropItem

from osce_scraper.fields import build_record
from osce_scraper.items import RECORD_FIELDS, RawRelease, record_schema, schema_errors
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
                                "warc_record_id", "payload_digest", "version", "changed_at", "withdrawn_at"}
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


# The schema check: fastjsonschema's compiled check first, jsonschema's verdict and reasons whenever it fails.


def jsonschema_reasons(record) -> list[str]:
    """The reasons jsonschema alone gives, as ``schema_errors`` words them: the contract to agree with."""
    validator = Draft202012Validator(record_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)
    return [f"{'/'.join(str(p) for p in error.absolute_path) or '(record)'}: {error.message}"
            for error in sorted(validator.iter_errors(record), key=lambda e: list(e.absolute_path))]


# Values a field may be given: right ones, and each way a value can be wrong or where the two validators'
# rules differ (a line end before a pattern's $, a tuple for an array, bool for a number, 1.0 for an integer,
# the year 0, impossible dates, Decimal and Fraction for numbers).
EDGE_VALUES = [
    None, "", "x", "488612", "488612\n", " 488612", "2021-05-12", "2021-02-30", "2020-02-29", "2021-02-29",
    "0000-01-01", "0000-02-29", "2021-2-12", "2021-05-12\n", "20210512", "2021-13-01", "2021-W19-3",
    "https://www.osce.org/a/1", "ftp://x", "en", "EN", "KG", "kg", "2026-01-01T00:00:00Z",
    "2026-01-01T00:00:00+01:00", "2026-01-01 00:00:00Z", "osce-1.warc.gz", "osce.warc\n", "<urn:uuid:0a1b-2c>",
    "sha1:" + "A" * 32, "sha1:" + "1" * 32, 0, 1, -1, 1.0, 1.5, True, False, 91, -180.0, float("nan"),
    Decimal("45.5"), Fraction(1, 2), [], ["a"], [""], ("a",), {}, [None], [1],
]
PLACE = {"name": "Bishkek", "country": "Kyrgyzstan", "country_code": "KG", "latitude": 42.87, "longitude": 74.59}
OFFICIAL = {"name": "Alexey Rogov", "title": "Head", "titles": ["Head"], "mentions": 2}


def make_valid_record() -> dict:
    return {**build_record(make_raw()), "places": [dict(PLACE)], "officials": [dict(OFFICIAL)]}


def make_records_with_one_value_changed():
    """A valid record with one field, or one field of a place or an official, given each edge value or dropped."""
    for value in EDGE_VALUES:
        for name in [*RECORD_FIELDS, "extra"]:
            yield {**make_valid_record(), name: value}
        for name in [*PLACE, "extra"]:
            yield {**make_valid_record(), "places": [{**PLACE, name: value}]}
        for name in [*OFFICIAL, "extra"]:
            yield {**make_valid_record(), "officials": [{**OFFICIAL, name: value}]}
        yield {**make_valid_record(), "officials": [{**OFFICIAL, "titles": [value]}]}
    for name in RECORD_FIELDS:
        yield {key: value for key, value in make_valid_record().items() if key != name}


def test_the_compiled_check_and_jsonschema_agree_on_each_value_of_each_field():
    records = list(make_records_with_one_value_changed())
    disagreements = [r for r in records if schema_errors(r) != jsonschema_reasons(r)]
    assert not disagreements, disagreements[:3]
    assert 0 < sum(1 for r in records if not schema_errors(r)) < len(records)  # both verdicts are tried


edge_values = st.one_of(st.sampled_from(EDGE_VALUES), st.text(max_size=12))


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from([*RECORD_FIELDS, "extra"]), edge_values, max_size=2),
       st.lists(st.dictionaries(st.sampled_from([*PLACE, "extra"]), edge_values, max_size=2), max_size=2),
       st.lists(st.dictionaries(st.sampled_from([*OFFICIAL, "extra"]), edge_values, max_size=2), max_size=2))
def test_the_compiled_check_and_jsonschema_agree_on_any_record(changes, place_changes, official_changes):
    record = {**make_valid_record(), **changes}
    if "officials" not in changes:
        record["officials"] = [{**OFFICIAL, **change} for change in official_changes]
    if "places" not in changes:
        record["places"] = [{**PLACE, **change} for change in place_changes]
    assert schema_errors(record) == jsonschema_reasons(record)


@pytest.mark.parametrize(("field", "value", "reason"), [
    ("date", "0000-01-01", "date: '0000-01-01' is not a 'date'"),  # fastjsonschema's own date regex takes it
    ("places", ({"name": "Osh", "country": None, "country_code": None, "latitude": None, "longitude": None},),
     "places: ({'name': 'Osh'"),  # fastjsonschema takes a tuple for an array; the schema's contract does not
    ("node_id", "48861a", "node_id: '48861a' does not match '^[0-9]+$'"),
])
def test_what_only_jsonschema_rejects_is_rejected_with_its_reason(tmp_path, field, value, reason):
    record = {**make_valid_record(), field: value}
    with pytest.raises(DropItem, match=field):
        ValidatePipeline(tmp_path / "rejected.jsonl").process_item(record)
    [entry] = [json.loads(line) for line in (tmp_path / "rejected.jsonl").read_text("utf-8").splitlines()]
    assert any(r.startswith(reason) for r in entry["reasons"]), entry["reasons"]


def test_a_node_id_with_a_line_end_is_judged_as_jsonschema_judges_it():
    # fastjsonschema reads a pattern's $ as the very end (\Z), jsonschema as Python's re does: before a last \n.
    record = {**make_valid_record(), "node_id": "488612\n"}
    assert schema_errors(record) == jsonschema_reasons(record) == []


def test_the_schema_uses_only_the_formats_both_validators_were_checked_to_agree_on():
    # A new format (date-time, uri) needs its own agreement check first: fastjsonschema checks date-time and
    # uri by regex, jsonschema only with optional packages installed.
    def formats(node) -> set[str]:
        if isinstance(node, dict):
            own = {node["format"]} if "format" in node else set()
            return own | {f for value in node.values() for f in formats(value)}
        return {f for value in node for f in formats(value)} if isinstance(node, list) else set()

    assert formats(record_schema()) == {"date"}
