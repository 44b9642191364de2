"""The WARC archive: what each fetch writes, revisits, roll-over, repair of a killed run's file, and a real crawl."""

from __future__ import annotations

import base64
import gzip
import hashlib
import shutil
import zlib
from collections import Counter
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse, Request
from warcio.archiveiterator import ArchiveIterator

from osce_scraper.archive import INDEX_NAME, DamagedWarc, WarcArchive, iter_warc, warc_files
from tests.conftest import make_crawl, make_release_html
from tests.site.server import MockSite

URL = "https://www.osce.org/secretariat/376582?lang=en"


def make_fetch(url: str = URL, body: str | None = None, status: int = 200) -> tuple[Request, HtmlResponse]:
    """A request and the response it got, with a header sent twice."""
    request = Request(url, headers={"User-Agent": "osce-scraper-test", "Referer": "https://www.osce.org/press-releases"})
    response = HtmlResponse(url, status=status, body=(body or make_release_html()).encode("utf-8"),
                            headers={"Content-Type": "text/html; charset=utf-8", "Set-Cookie": ["a=1", "b=2"]},
                            request=request, protocol="HTTP/1.1")
    return request, response


def make_archive(directory: Path, **options) -> WarcArchive:
    archive = WarcArchive(directory, info={"software": "osce-scraper/test"}, **options)
    archive.open()
    return archive


def payload_digest(payload: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(payload).digest()).decode("ascii")


def read_records(path: Path) -> list[dict]:
    """Every record of a WARC file as read by warcio alone: type, headers, raw payload."""
    records = []
    with path.open("rb") as handle:
        for record in ArchiveIterator(handle):
            records.append({
                "type": record.rec_type,
                "headers": dict(record.rec_headers.headers),
                "http": record.http_headers,
                "payload": record.raw_stream.read(),
            })
    return records


def test_a_fetch_is_a_request_and_a_response_record_with_its_status_line_headers_and_digest(tmp_path):
    archive = make_archive(tmp_path)
    request, response = make_fetch()
    capture = archive.write(request, response)
    archive.close()
    [path] = warc_files(tmp_path)
    assert capture["warc_file"] == path.name and path.name.endswith(".warc.gz")
    info, *records = read_records(path)
    assert info["type"] == "warcinfo" and b"osce-scraper/test" in info["payload"]
    [answer] = [r for r in records if r["type"] == "response"]
    [sent] = [r for r in records if r["type"] == "request"]
    assert answer["headers"]["WARC-Target-URI"] == URL and sent["headers"]["WARC-Target-URI"] == URL
    assert answer["http"].protocol == "HTTP/1.1" and answer["http"].statusline == "200 OK"
    assert [v for k, v in answer["http"].headers if k == "Set-Cookie"] == ["a=1", "b=2"]
    assert sent["http"].to_str().startswith("GET /secretariat/376582?lang=en HTTP/1.1\r\n")
    assert sent["http"].get_header("Referer") == "https://www.osce.org/press-releases"
    assert answer["payload"] == response.body
    assert answer["headers"]["WARC-Payload-Digest"] == payload_digest(response.body) == capture["payload_digest"]
    assert answer["headers"]["WARC-Record-ID"] == capture["warc_record_id"]
    assert sent["headers"]["WARC-Concurrent-To"] == capture["warc_record_id"]


def gzip_members(path: Path) -> list[bytes]:
    """The file's gzip members, each decompressed alone."""
    data, members = path.read_bytes(), []
    while data:
        member = zlib.decompressobj(wbits=31)
        members.append(member.decompress(data))
        assert member.eof, "a member cut short"
        data = member.unused_data
    return members


def test_every_record_is_a_gzip_member_of_its_own_that_gzip_reads(tmp_path):
    archive = make_archive(tmp_path)
    for n, size in enumerate([0, 200, 9_000, 120_000]):  # a release alone, then with ever more paragraphs
        paragraphs = "".join(f"<p>Paragraph {i} of {n}.</p>" for i in range(size // 24))
        body = make_release_html(title=f"Title {n}") + paragraphs
        archive.write(*make_fetch(f"https://www.osce.org/cio/{n}", body))
    archive.close()
    [path] = warc_files(tmp_path)
    members = gzip_members(path)
    assert [m.split(b"\r\n", 1)[0] for m in members] == [b"WARC/1.1"] * 9
    assert [next(h for h in m.split(b"\r\n") if h.startswith(b"WARC-Type")) for m in members] == (
        [b"WARC-Type: warcinfo"] + [b"WARC-Type: response", b"WARC-Type: request"] * 4)
    assert gzip.decompress(path.read_bytes()) == b"".join(members)  # as gzip itself reads the file
    assert [r["payload"].count(b"<p>Paragraph ") for r in read_records(path) if r["type"] == "response"] == [
        0, 8, 375, 5000]


def test_an_unchanged_page_is_a_revisit_across_runs_and_a_changed_one_a_response(tmp_path):
    first = make_archive(tmp_path)
    original = first.write(*make_fetch())
    first.close()
    second = make_archive(tmp_path)
    again = second.write(*make_fetch())
    changed = second.write(*make_fetch(body=make_release_html(title="Another title")))
    second.close()
    assert again["payload_digest"] == original["payload_digest"] != changed["payload_digest"]
    records = {r["headers"]["WARC-Record-ID"]: r for path in warc_files(tmp_path) for r in read_records(path)}
    revisit = records[again["warc_record_id"]]
    assert revisit["type"] == "revisit" and revisit["payload"] == b""
    assert revisit["headers"]["WARC-Profile"].endswith("/revisit/identical-payload-digest")
    assert revisit["headers"]["WARC-Refers-To-Target-URI"] == URL
    assert revisit["headers"]["WARC-Refers-To-Date"] == records[original["warc_record_id"]]["headers"]["WARC-Date"]
    assert revisit["headers"]["WARC-Refers-To"] == original["warc_record_id"]
    assert records[changed["warc_record_id"]]["type"] == "response"


def test_a_lost_index_is_rebuilt_from_the_files(tmp_path):
    first = make_archive(tmp_path)
    first.write(*make_fetch())
    first.close()
    (tmp_path / INDEX_NAME).unlink()
    second = make_archive(tmp_path)
    again = second.write(*make_fetch())
    second.close()
    assert again is not None
    records = {r["headers"]["WARC-Record-ID"]: r for path in warc_files(tmp_path) for r in read_records(path)}
    assert records[again["warc_record_id"]]["type"] == "revisit"


def test_files_roll_over_at_the_size_limit(tmp_path):
    archive = make_archive(tmp_path, max_bytes=1)  # every fetch fills a file
    captures = [archive.write(*make_fetch(f"https://www.osce.org/cio/{n}", make_release_html(title=f"Title {n}")))
                for n in range(100, 104)]
    archive.close()
    files = warc_files(tmp_path)
    assert len(files) == 4 and len({c["warc_file"] for c in captures}) == 4
    assert not list(tmp_path.glob("*.open"))
    assert all(read_records(path)[0]["type"] == "warcinfo" for path in files)


def test_a_file_left_open_with_a_cut_last_member_keeps_its_complete_records(tmp_path):
    archive = make_archive(tmp_path)
    captures = [archive.write(*make_fetch(f"https://www.osce.org/cio/{n}", make_release_html(title=f"Title {n}")))
                for n in range(100, 103)]
    # A run killed while writing: the file stays .open, its last gzip member cut short.
    archive.handle.truncate(archive.handle.tell() - 40)
    archive.handle.close()
    [left] = list(tmp_path.glob("*.warc.gz.open"))
    with pytest.raises(DamagedWarc):
        list(iter_warc(left))
    make_archive(tmp_path).close()
    assert not list(tmp_path.glob("*.open"))
    [repaired] = warc_files(tmp_path)
    assert repaired.name == captures[0]["warc_file"]
    kept = [e.header("WARC-Record-ID") for e in iter_warc(repaired)]  # reads whole, no damage left
    assert [c["warc_record_id"] for c in captures] == [c for c in kept if c in {x["warc_record_id"] for x in captures}]
    # The last fetch lost its last record (the request, written after the response), nothing else.
    assert Counter(e.record.rec_type for e in iter_warc(repaired)) == {"warcinfo": 1, "response": 3, "request": 2}


def test_a_file_another_run_is_writing_is_left_alone(tmp_path):
    writing = make_archive(tmp_path)
    writing.write(*make_fetch())
    make_archive(tmp_path).close()  # a second run opening the same folder
    assert len(list(tmp_path.glob("*.warc.gz.open"))) == 1
    writing.close()
    assert len(warc_files(tmp_path)) == 1


@pytest.mark.slow
def test_a_crawl_archives_every_response_and_a_second_crawl_writes_revisits(tmp_path):
    warc = tmp_path / "out-warc"
    with MockSite("drupal") as site:
        records, process = make_crawl(site.base_url, tmp_path / "out.jsonl")
        assert process.returncode == 0 and records, process.stderr[-3000:]
        first_requests = list(site.requests)
        [first] = warc_files(warc)
        responses = [r for r in read_records(first) if r["type"] == "response"]
        # One response record per request the server answered, each with its payload's digest.
        assert Counter(r["headers"]["WARC-Target-URI"].removeprefix(site.base_url) for r in responses) == \
            Counter(first_requests)
        assert all(r["headers"]["WARC-Payload-Digest"] == payload_digest(r["payload"]) for r in responses)
        by_id = {r["headers"]["WARC-Record-ID"]: r for r in responses}
        for record in records:
            archived = by_id[record["warc_record_id"]]
            assert record["warc_file"] == first.name
            assert archived["headers"]["WARC-Payload-Digest"] == record["payload_digest"]
            assert archived["headers"]["WARC-Target-URI"].endswith("/" + record["node_id"])

        # A killed run's file: the copy left .open with its last member cut is repaired by the next run.
        killed = warc / first.name.replace("-00000.", "-99999.")
        shutil.copyfile(first, killed.with_name(killed.name + ".open"))
        with killed.with_name(killed.name + ".open").open("r+b") as handle:
            handle.truncate(first.stat().st_size - 25)

        again, process = make_crawl(site.base_url, tmp_path / "again.jsonl", "-s", f"OSCE_WARC_DIR={warc}")
        assert process.returncode == 0 and again, process.stderr[-3000:]
    assert not list(warc.glob("*.open")) and killed.exists()
    assert len(list(iter_warc(killed))) == len(list(iter_warc(first))) - 1
    [second] = [p for p in warc_files(warc) if p not in (first, killed)]
    kinds = Counter(r["type"] for r in read_records(second))
    assert kinds["revisit"] == len(site.requests) - len(first_requests) and kinds["response"] == 0
    cited = {r["warc_record_id"] for r in again}
    assert {r["type"] for r in read_records(second) if r["headers"]["WARC-Record-ID"] in cited} == {"revisit"}
