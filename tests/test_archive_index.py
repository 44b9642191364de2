"""The WARC archive's capture index: captures committed in batches, seen at once by the run that notes them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from osce_scraper import archive
from osce_scraper.archive import INDEX_NAME, CaptureIndex


def make_capture(index: CaptureIndex, number: int) -> str:
    url = f"https://www.osce.org/secretariat/{number}"
    index.remember(url, f"sha1:{number}", "2026-01-01T00:00:00Z", f"<urn:uuid:{number}>", "osce-1.warc.gz")
    return url


def committed_urls(path: Path) -> set[str]:
    """What another process reading the index sees."""
    with sqlite3.connect(path) as other:
        return {url for (url,) in other.execute("SELECT url FROM captures")}


def test_a_capture_is_seen_at_once_and_committed_with_its_batch(tmp_path, monkeypatch):
    monkeypatch.setattr(archive, "INDEX_BATCH", 3)
    monkeypatch.setattr(archive, "INDEX_BATCH_SECONDS", 3600.0)
    index = CaptureIndex(tmp_path / INDEX_NAME)
    first = [make_capture(index, n) for n in range(2)]
    assert index.latest(first[0])["digest"] == "sha1:0"
    assert committed_urls(tmp_path / INDEX_NAME) == set()
    third = make_capture(index, 2)  # the batch is full
    assert committed_urls(tmp_path / INDEX_NAME) == {*first, third}
    fourth = make_capture(index, 3)
    index.close()
    assert committed_urls(tmp_path / INDEX_NAME) == {*first, third, fourth}


def test_an_old_batch_is_committed_at_the_next_capture(tmp_path, monkeypatch):
    monkeypatch.setattr(archive, "INDEX_BATCH_SECONDS", 0.0)
    index = CaptureIndex(tmp_path / INDEX_NAME)
    url = make_capture(index, 1)
    assert committed_urls(tmp_path / INDEX_NAME) == {url}
    index.close()


@pytest.mark.parametrize("batch", [1, 1000])
def test_a_capture_noted_again_keeps_the_latest(tmp_path, monkeypatch, batch):
    monkeypatch.setattr(archive, "INDEX_BATCH", batch)
    index = CaptureIndex(tmp_path / INDEX_NAME)
    url = make_capture(index, 1)
    index.remember(url, "sha1:NEW", "2026-02-01T00:00:00Z", "<urn:uuid:new>", "osce-2.warc.gz")
    assert index.latest(url)["digest"] == "sha1:NEW"
    index.close()
    assert CaptureIndex(tmp_path / INDEX_NAME).latest(url)["warc_file"] == "osce-2.warc.gz"
