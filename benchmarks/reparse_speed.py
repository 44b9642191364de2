"""`osce-scraper reparse` beside trafilatura's `extract`, over the same archive's release pages.

    python benchmarks/reparse_speed.py [--releases 1000]

Crawls the mock newsroom (served by a separate process, politeness off) into a fresh WARC archive,
then times, in this process, ``reparse`` over the whole archive, twice, the first run with its
start-up (listing pages paired, every record built and checked against the schema, the dataset
written), and trafilatura's ``extract`` (the ``bench`` extra) over the payloads of the same release
pages, read from the archive beforehand. Prints release pages per second of each.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.crawl_speed import free_port, start_site  # noqa: E402
from osce_scraper.archive import iter_warc, warc_files  # noqa: E402
from osce_scraper.extract.urls import node_id_of  # noqa: E402
from osce_scraper.reparse import reparse  # noqa: E402

FAST = ["-s", "CONCURRENT_REQUESTS=16", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16", "-s", "DOWNLOAD_DELAY=0",
        "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "LOG_LEVEL=WARNING", "-s", "TELNETCONSOLE_ENABLED=0"]


def crawl_into_archive(releases: int, workdir: Path) -> Path:
    """The mock newsroom of ``releases`` releases crawled into ``workdir/warc``."""
    port = free_port()
    site = start_site(releases, port)
    warc = workdir / "warc"
    try:
        command = [sys.executable, "-m", "scrapy", "crawl", "press_releases", "-a", f"base_url=http://127.0.0.1:{port}",
                   "-O", str(workdir / "crawl.jsonl"), "-s", f"OSCE_WARC_DIR={warc}",
                   "-s", f"OSCE_RUNS_PATH={workdir / 'runs.jsonl'}",
                   "-s", f"OSCE_REJECTED_PATH={workdir / 'rej.jsonl'}",
                   "-s", f"OSCE_ERRORS_PATH={workdir / 'errors.jsonl'}", *FAST]
        # The run's checks judge the dataset, not the archive: their exit status 3 does not matter here.
        process = subprocess.run(command, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if process.returncode not in (0, 3) or not warc_files(warc):
            raise SystemExit(f"the crawl failed (exit status {process.returncode}): {process.stderr[-2000:]}")
    finally:
        site.terminate()
        site.wait()
    return warc


def release_payloads(warc: Path) -> list[str]:
    """The HTML of every archived release page (200 responses), decoded as UTF-8."""
    return [
        entry.payload.decode("utf-8", errors="replace")
        for path in warc_files(warc)
        for entry in iter_warc(path)
        if entry.record.rec_type == "response" and entry.record.http_headers.get_statuscode() == "200"
        and node_id_of(entry.header("WARC-Target-URI") or "")
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, default=1000)
    args = parser.parse_args()
    try:
        import trafilatura
    except ImportError:
        raise SystemExit("trafilatura is missing: pip install -e '.[bench]'") from None
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        warc = crawl_into_archive(args.releases, workdir)
        files = warc_files(warc)
        size = sum(p.stat().st_size for p in files)
        pages = release_payloads(warc)

        # The first run builds or loads the gazetteer and the given names (the disk cache); both are timed.
        seconds = []
        for _ in range(2):
            start = time.perf_counter()
            result = reparse([warc], workdir / "reparsed.jsonl", stream=io.StringIO())
            seconds.append(time.perf_counter() - start)
        cold, reparse_seconds = seconds

        for html in pages[:20]:  # trafilatura's own start-up
            trafilatura.extract(html)
        start = time.perf_counter()
        for html in pages:
            trafilatura.extract(html)
        trafilatura_seconds = time.perf_counter() - start

    print(f"archive: {len(files)} file(s), {size / 1e6:.1f} MB, "
          f"{len(pages)} release pages, {result.pages - len(pages)} listing pages")
    print(f"reparse (whole archive -> {result.written} records): {reparse_seconds:.2f} s, "
          f"{len(pages) / reparse_seconds:.0f} release pages/s (first run, start-up included: {cold:.2f} s)")
    print(f"trafilatura.extract (release pages only, text): {trafilatura_seconds:.2f} s, "
          f"{len(pages) / trafilatura_seconds:.0f} pages/s")


if __name__ == "__main__":
    main()
