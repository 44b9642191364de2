"""Shared builders: the mock site, a real `scrapy crawl` against it, release pages."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.site.server import MockSite

REPO = Path(__file__).resolve().parents[1]
# The WARC archive is on by default (output/warc): crawls that name no archive of their own keep it
# here, out of the repository, for the session.
SESSION_WARC_DIR = tempfile.mkdtemp(prefix="osce-scraper-warc-")
atexit.register(shutil.rmtree, SESSION_WARC_DIR, ignore_errors=True)
# The mock releases are years old, and the mock newsroom a few pages: the freshness check and the newsroom's size
# would fail every crawl of them.
OLD_MOCK_DATA = ("-s", "OSCE_MAX_SILENCE_DAYS=0", "-s", "OSCE_MIN_NEWSROOM_RELEASES=0")
FAST_CRAWL = (
    *OLD_MOCK_DATA,
    "-s",
    f"OSCE_WARC_DIR={SESSION_WARC_DIR}",
    "-s",
    "AUTOTHROTTLE_ENABLED=0",
    "-s",
    "DOWNLOAD_DELAY=0",
    "-s",
    "CONCURRENT_REQUESTS_PER_DOMAIN=8",
    "-s",
    "CONCURRENT_REQUESTS=8",
    "-s",
    "LOG_LEVEL=INFO",
)


def make_crawl(
    base_url: str, out: Path, *args: str, fast: bool = True
) -> tuple[list[dict], subprocess.CompletedProcess]:
    """Run ``scrapy crawl press_releases`` from the repo root, as a user would; return records and process."""
    rejected = out.with_name(out.stem + "-rejected.jsonl")
    command = [
        sys.executable,
        "-m",
        "scrapy",
        "crawl",
        "press_releases",
        "-a",
        f"base_url={base_url}",
        "-O",
        str(out),
        "-s",
        f"OSCE_REJECTED_PATH={rejected}",
        # Nothing a test crawls goes into the repository's output/.
        "-s",
        f"OSCE_RUNS_PATH={out.with_name(out.stem + '-runs.jsonl')}",
        "-s",
        f"OSCE_ERRORS_PATH={out.with_name(out.stem + '-errors.jsonl')}",
        *(FAST_CRAWL if fast else OLD_MOCK_DATA),
        "-s",
        f"OSCE_WARC_DIR={out.with_name(out.stem + '-warc')}",
        *args,
    ]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    process = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=300, env=env)
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()] if out.exists() else []
    return records, process


@pytest.fixture(scope="session", autouse=True)
def output_left_alone() -> Iterator[None]:
    """The suite writes nothing into the repository's output/ (the production dataset lives there)."""
    output = REPO / "output"
    before = set(output.iterdir()) if output.exists() else set()
    yield
    added = sorted(str(path.relative_to(REPO)) for path in set(output.iterdir()) - before) if output.exists() else []
    assert added == [], f"the tests left files in output/: {added}"


@pytest.fixture(scope="session")
def demo_dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo crawl's output (the mock site, drupal variant), made once per test session."""
    out = tmp_path_factory.mktemp("demo") / "demo.jsonl"
    with MockSite("drupal") as site:
        records, process = make_crawl(site.base_url, out)
    assert process.returncode == 0 and records, process.stderr[-3000:]
    return out


@pytest.fixture
def mock_site(request: pytest.FixtureRequest) -> Iterator[MockSite]:
    """The mock osce.org in the variant named by indirect parametrisation (default: drupal)."""
    variant = getattr(request, "param", "drupal")
    with MockSite(variant) as site:
        yield site


def make_release_html(
    *,
    title: str = "OSCE supports police reform in Kyrgyzstan",
    meta: str = "<ul><li>Date:</li><li>Place:</li><li>BISHKEK</li><li>Source:</li>"
    "<li>OSCE Programme Office in Bishkek</li><li>Fields of work:</li><li>Policing</li></ul>",
    body: str = "<p>BISHKEK, 12 May 2021 – The OSCE Programme Office in Bishkek today handed over "
    "equipment to the Police Academy.</p><p>The donation is part of a wider project.</p>",
    head: str = "",
    kind: str = "<div>Press release</div>",
) -> str:
    """A release page in osce.org's reading order: menu, content type, title, labels, body."""
    return (
        f"<html><head><title>{title} | OSCE</title>{head}</head><body><nav><ul><li><a href='/policing'>Policing</a>"
        f"</li></ul></nav><main><article>{kind}<h1>{title}</h1>{meta}<div>{body}</div></article></main>"
        "<footer><a href='/contacts'>Contacts</a></footer></body></html>"
    )
