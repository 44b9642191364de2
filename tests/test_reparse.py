"""`osce-scraper reparse`: the dataset rebuilt from the WARC archive, as the crawl built it."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse, Request, TextResponse

from osce_scraper.archive import WarcArchive, iter_warc, warc_files
from osce_scraper.cli import main
from osce_scraper.reparse import record_time, reparse
from tests.conftest import make_crawl
from tests.site.expected import expected_record, record_differences
from tests.site.releases import make_releases
from tests.site.render import render_listing, render_release
from tests.site.server import MockSite, make_entries

BASE = "https://www.osce.org"


def make_fetch(url: str, html: str, content_type: str = "text/html; charset=utf-8") -> tuple[Request, TextResponse]:
    request = Request(url)
    return request, HtmlResponse(url, body=html.encode("utf-8"), headers={"Content-Type": content_type},
                                 request=request)


def make_site_archive(directory: Path, releases: list, *, runs: int = 1) -> list[dict[str, dict]]:
    """The mock newsroom's first listing page and its releases, fetched ``runs`` times into an archive;
    each run's captures by URL."""
    entries = make_entries(releases)[: len(releases)]
    runs_captures = []
    for _ in range(runs):
        archive = WarcArchive(directory)
        captures = {}
        pages = [(BASE + "/press-releases", render_listing(entries, 0, 0, "drupal", BASE))]
        pages += [(BASE + r.path, render_release(r, "drupal", BASE)) for r in releases]
        for url, html in pages:
            captures[url] = archive.write(*make_fetch(url, html))
        archive.close()
        runs_captures.append(captures)
    return runs_captures


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def test_records_pair_each_release_with_its_listing_item_and_name_their_capture(tmp_path):
    releases = make_releases(5)
    [captures] = make_site_archive(tmp_path / "warc", releases)
    result = reparse([tmp_path / "warc"], tmp_path / "out.jsonl", stream=io.StringIO())
    records = {r["node_id"]: r for r in read_jsonl(tmp_path / "out.jsonl")}
    assert result.written == len(records) == len(releases)
    dates = {e.header("WARC-Record-ID"): e.header("WARC-Date") for p in warc_files(tmp_path / "warc")
             for e in iter_warc(p, payloads=False)}
    for release in releases:
        record = records[release.node_id]
        assert record_differences(record, expected_record(release, BASE, "drupal")) == []
        capture = captures[BASE + release.path]
        assert {name: record[name] for name in capture} == capture
        assert record["crawled_at"] == record_time(dates[capture["warc_record_id"]])


def test_the_latest_capture_of_a_page_wins_and_a_revisit_reads_its_original(tmp_path):
    releases = make_releases(3)
    first, second = make_site_archive(tmp_path / "warc", releases, runs=2)
    changed = releases[0]
    archive = WarcArchive(tmp_path / "warc")
    edited = render_release(changed, "drupal", BASE).replace(changed.title, "An edited title")
    latest = archive.write(*make_fetch(BASE + changed.path, edited))
    archive.close()
    reparse([tmp_path / "warc"], tmp_path / "out.jsonl", stream=io.StringIO())
    records = {r["node_id"]: r for r in read_jsonl(tmp_path / "out.jsonl")}
    assert len(records) == len(releases)
    assert records[changed.node_id]["title"] == "An edited title"
    assert records[changed.node_id]["warc_record_id"] == latest["warc_record_id"]
    unchanged = releases[1]
    # Its second capture is a revisit: the record cites it, and reads the page from the first.
    assert records[unchanged.node_id]["warc_record_id"] == second[BASE + unchanged.path]["warc_record_id"]
    assert second[BASE + unchanged.path]["payload_digest"] == first[BASE + unchanged.path]["payload_digest"]
    assert records[unchanged.node_id]["title"] == unchanged.title


def test_a_damaged_file_is_named_in_one_line_and_the_others_are_read(tmp_path, capsys):
    releases = make_releases(3)
    make_site_archive(tmp_path / "warc", releases)
    [good] = warc_files(tmp_path / "warc")
    (tmp_path / "warc" / "aaa-not-a-warc.warc.gz").write_bytes(b"<html>not an archive</html>")
    cut = tmp_path / "warc" / "zzz-cut.warc.gz"
    cut.write_bytes(good.read_bytes()[:-30])
    code = main(["reparse", str(tmp_path / "warc"), "-o", str(tmp_path / "out.jsonl")])
    errors = capsys.readouterr().err.splitlines()
    assert code == 0
    damaged = [line for line in errors if line.startswith("osce-scraper reparse:")]
    assert len(damaged) == 2 and "aaa-not-a-warc" in damaged[0] and "zzz-cut" in damaged[1]
    assert "Traceback" not in "\n".join(errors)
    assert {r["node_id"] for r in read_jsonl(tmp_path / "out.jsonl")} == {r.node_id for r in releases}


def test_nothing_readable_exits_non_zero_and_bad_paths_say_so(tmp_path, capsys):
    garbage = tmp_path / "garbage.warc.gz"
    garbage.write_bytes(b"\x1f\x8b\x08\x00 not really gzip")
    assert main(["reparse", str(garbage), "-o", str(tmp_path / "out.jsonl")]) == 1
    assert main(["reparse", str(tmp_path / "missing"), "-o", str(tmp_path / "out.jsonl")]) == 2
    assert main(["reparse", str(garbage), "-o", str(tmp_path)]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert any("no WARC record could be read" in line for line in lines)
    assert any("no such file or folder" in line for line in lines)
    assert any("is a folder" in line for line in lines)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_drawn_on_a_terminal_only(tmp_path):
    make_site_archive(tmp_path / "warc", make_releases(2))
    quiet, terminal = io.StringIO(), _Terminal()
    reparse([tmp_path / "warc"], tmp_path / "a.jsonl", stream=quiet)
    reparse([tmp_path / "warc"], tmp_path / "b.jsonl", stream=terminal)
    assert quiet.getvalue() == ""
    assert "\r" in terminal.getvalue() and "records 2" in terminal.getvalue()


@pytest.mark.slow
@pytest.mark.parametrize("mock_site", ["drupal", "flat"], indirect=True)
def test_reparse_of_a_crawl_gives_the_crawls_records(mock_site: MockSite, tmp_path):
    records, process = make_crawl(mock_site.base_url, tmp_path / "out.jsonl")
    assert process.returncode == 0 and records, process.stderr[-3000:]
    assert main(["reparse", str(tmp_path / "out-warc"), "-o", str(tmp_path / "again.jsonl")]) == 0
    again = read_jsonl(tmp_path / "again.jsonl")
    assert len(again) == len(records)
    crawled = {r["node_id"]: {**r, "crawled_at": None} for r in records}
    rebuilt = {r["node_id"]: {**r, "crawled_at": None} for r in again}
    assert rebuilt == crawled
    assert all(r["warc_record_id"] for r in again)
