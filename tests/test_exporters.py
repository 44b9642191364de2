import io

import pytest
from scrapy.exporters import JsonLinesItemExporter

from osce_scraper.exporters import FeedLinesExporter, append_json_lines
from osce_scraper.store.failure_log import FailureLog


def make_record(node_id: str = "376582") -> dict:
    return {"node_id": node_id, "title": "OSCE Mission in Priština – “training”", "fields_of_work": ["Policing"],
            "officials": [{"name": "Ana Ćorić", "titles": ["Head of Mission"]}], "date": None}


def exported(exporter_class: type, records: list, **options) -> bytes:
    feed = io.BytesIO()
    exporter = exporter_class(feed, encoding="utf-8", **options)
    exporter.start_exporting()
    for record in records:
        exporter.export_item(record)
    exporter.finish_exporting()
    return feed.getvalue()


def test_a_feed_of_records_is_what_scrapys_exporter_writes():
    records = [make_record(), make_record("1")]
    assert exported(FeedLinesExporter, records) == exported(JsonLinesItemExporter, records)
    assert exported(FeedLinesExporter, records).decode("utf-8").count("\n") == 2


def test_a_field_list_is_still_applied():
    written = exported(FeedLinesExporter, [make_record()], fields_to_export=["title", "node_id"])
    assert written == exported(JsonLinesItemExporter, [make_record()], fields_to_export=["title", "node_id"])
    assert written.startswith(b'{"title": ')


def test_an_item_that_is_not_a_plain_dict_goes_through_scrapys_fields():
    class Record(dict):
        pass

    assert exported(FeedLinesExporter, [Record(make_record())]) == exported(JsonLinesItemExporter, [make_record()])


@pytest.mark.parametrize("make_writer", [
    lambda path: FailureLog(path).record,
    lambda path: lambda entry: append_json_lines(path, [entry]),
], ids=["errors file", "any log"])
def test_a_log_ending_in_a_cut_line_keeps_that_line_apart_and_the_new_entry_whole(tmp_path, make_writer):
    path = tmp_path / "errors.jsonl"
    path.write_bytes(b'{"url": "a"}\n{"url": "b", "ki')  # a crash or a full disk cut the last line
    make_writer(path)({"url": "c"})
    assert path.read_bytes().split(b"\n") == [b'{"url": "a"}', b'{"url": "b", "ki', b'{"url": "c"}', b""]
    make_writer(path)({"url": "d"})
    assert path.read_bytes().endswith(b'{"url": "c"}\n{"url": "d"}\n')
