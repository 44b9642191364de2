"""An unreachable site, or a feed that cannot be written, says so in one line, with an exit status; no traceback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from osce_scraper.exit_status import ExitStatus
from tests.conftest import REPO, make_crawl
from tests.site.server import MockSite

pytestmark = pytest.mark.slow


@contextmanager
def make_silent_host() -> Iterator[str]:
    """A host that accepts connections and never answers."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(16)
        yield f"http://127.0.0.1:{server.getsockname()[1]}"


def make_closed_port() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


def crawl_unreachable(base_url: str, tmp_path: Path, *args: str) -> tuple[list[str], str]:
    _, process = make_crawl(base_url, tmp_path / "out.jsonl", "-s", "DOWNLOAD_TIMEOUT=1", "-s", "RETRY_TIMES=1", *args)
    assert process.returncode == ExitStatus.UNREACHABLE, process.stderr[-3000:]
    assert "Traceback" not in process.stderr
    lines = process.stderr.strip().splitlines()
    assert lines[-1].startswith("run finished: 0 pages fetched")  # the summary is the last line
    return [line for line in lines if line.startswith("check failed: ")], process.stderr


@pytest.mark.parametrize(("make_host", "host", "cause"), [
    (make_closed_port, "127.0.0.1", "it refused the connection"),
    (lambda: "http://osce-scraper-test.invalid", "osce-scraper-test.invalid", "its name could not be looked up"),
], ids=["refused", "dns"])
def test_an_unreachable_site_is_named_with_its_cause(tmp_path, make_host, host, cause):
    [line], _ = crawl_unreachable(make_host(), tmp_path)
    assert f"{host} could not be reached: {cause}" in line


def test_a_host_that_never_answers_is_named_within_its_time_bound(tmp_path):
    with make_silent_host() as base_url:
        [line], stderr = crawl_unreachable(base_url, tmp_path)
    assert "127.0.0.1 could not be reached: it did not answer in time" in line
    assert "Remote control" not in stderr and "Telnet" not in stderr


@pytest.mark.parametrize("target", ["folder", "folder.jsonl", "file/inside.jsonl"])
def test_a_feed_that_cannot_be_written_stops_before_anything_is_fetched(tmp_path, target):
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder.jsonl").mkdir()
    (tmp_path / "file").write_text("not a folder")
    with MockSite("drupal") as site:
        process = subprocess.run([sys.executable, "-m", "scrapy", "crawl", "press_releases", "-a",
                                  f"base_url={site.base_url}", "-O", str(tmp_path / target)],
                                 cwd=REPO, capture_output=True, text=True, timeout=120,
                                 env={**os.environ, "PYTHONPATH": str(REPO)})
    assert process.returncode == ExitStatus.BAD_INPUT, process.stderr[-2000:]
    [line] = process.stderr.strip().splitlines()
    assert line.startswith("scrapy crawl press_releases: -O/-o names a ") and str(tmp_path) in line
    assert site.requests == []
