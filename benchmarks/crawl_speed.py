"""The full spider against the simplest spiders for the site, on the local mock site: speed and memory.

    python benchmarks/crawl_speed.py [--releases 5000] [--archive on|off] [--spiders follow,full]

Every spider runs with politeness off (16 concurrent requests, no delay, no AutoThrottle) against
the same mock newsroom, served by a separate process: a fetch-only spider over a fixed URL list,
the same with one small item per release, a spider that follows every pager and release link it
finds and reads nothing (``follow_links.py``), the same parsing each release page and writing an item of
every record field through as many pipelines as the full spider's (``parse_items.py``, the engine floor: what
any spider writing this dataset pays before it reads a field), the same reading each release page as the full
spider does into nothing (``read_pages.py``, the reading floor), and the full spider. Prints the time, CPU and
peak RSS of each (the whole process tree), the full spider's ratios to the floors, and its RSS at 1,000
and 5,000 releases. Each spider runs ``--repeat`` times, alternating; the median run is reported with the
spread (min-max). The floors never archive; the full spider keeps its WARC archive (on by default, as in
the default crawl; ``--archive off`` for none) in the benchmark's own folder.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from osce_scraper import settings  # noqa: E402
from tests.site.releases import make_releases  # noqa: E402
from tests.site.server import PER_PAGE, make_entries  # noqa: E402

# The project's extensions (checks, run summary) stay on; the RSS probe is added to them.
EXTENSIONS = {**settings.EXTENSIONS, "benchmarks.rss_probe.RssProbe": 0}
# The mock releases are years old, its newsroom smaller than the real one: the "nothing new" check
# (OSCE_MAX_SILENCE_DAYS) and the newsroom's size (OSCE_MIN_NEWSROOM_RELEASES) would fail every run.
# The project's settings archive every response (OSCE_WARC_DIR): the floors never do, the full spider as asked.
FAST = ["-s", "OSCE_MAX_SILENCE_DAYS=0", "-s", "OSCE_MIN_NEWSROOM_RELEASES=0", "-s", "OSCE_WARC_DIR=",
        "-s", "CONCURRENT_REQUESTS=16", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16", "-s", "DOWNLOAD_DELAY=0",
        "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "LOG_LEVEL=WARNING", "-s", "TELNETCONSOLE_ENABLED=0",
        "-s", f"EXTENSIONS={json.dumps(EXTENSIONS)}"]


#: The spiders, in the order each round runs them.
SPIDERS = ("fetch", "items", "follow", "floor", "read", "full")
LABELS = {"fetch": "fetch-only", "items": "fetch + items", "follow": "follow links", "floor": "parse + items",
          "read": "read pages", "full": "full spider"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_site(releases: int, port: int) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, "-m", "tests.site", "--variant", "drupal", "--port", str(port),
                                "--releases", str(releases), "--extra-paragraphs", "7"], cwd=REPO,
                               stderr=subprocess.PIPE)
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError("the mock site did not start")


def cpu_seconds_of_children() -> float:
    """User and system CPU of every finished child process so far, theirs included."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def process_cpu_seconds(pid: int) -> float:
    """User and system CPU of a running process (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run(command: list[str], rss_path: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    cpu, start = cpu_seconds_of_children(), time.perf_counter()
    subprocess.run(command, cwd=REPO, env=env, check=True, stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    result = json.loads(rss_path.read_text())
    result["seconds"] = elapsed
    result["cpu_seconds"] = cpu_seconds_of_children() - cpu
    return result


def median_run(runs: list[dict]) -> dict:
    """The run with the median time."""
    return sorted(runs, key=lambda r: r["seconds"])[len(runs) // 2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5, help="runs of each spider, alternating; medians reported")
    parser.add_argument("--archive", choices=("on", "off"), default="on", help="the full spider's WARC archive")
    parser.add_argument("--spiders", default=",".join(SPIDERS),
                        help=f"which to run, comma-separated, of {','.join(SPIDERS)} (follow and full always)")
    args = parser.parse_args(argv)
    chosen = {"follow", "full", *args.spiders.split(",")}
    if unknown := sorted(chosen - set(SPIDERS)):
        parser.error(f"--spiders: unknown spider {unknown[0]!r}; the spiders are {', '.join(SPIDERS)}")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    site = start_site(args.releases, port)
    releases = make_releases(args.releases)
    pages = (len(make_entries(releases)) - 1) // PER_PAGE + 1
    work = Path(tempfile.mkdtemp(prefix="crawl-bench-"))
    try:
        urls = [f"{base}/press-releases" + (f"?page={n}" if n else "") for n in range(pages)]
        urls += [base + r.path for r in releases]
        (work / "urls.txt").write_text("\n".join(urls))
        runs: dict[str, list[dict]] = {name: [] for name in SPIDERS if name in chosen}
        warc = ["-s", f"OSCE_WARC_DIR={work / 'warc'}" if args.archive == "on" else "OSCE_WARC_DIR="]
        floor = ["-a", f"urls={work / 'urls.txt'}", *FAST, "-s", f"OSCE_RUNS_PATH={work / 'runs.jsonl'}"]
        runspider = [sys.executable, "-m", "scrapy", "runspider"]
        walk = ["-a", f"base_url={base}", *FAST, "-s", f"OSCE_RUNS_PATH={work / 'runs.jsonl'}",
                "-s", "BENCH_COUNT_RESPONSES=1"]
        commands = {
            "fetch": [*runspider, "benchmarks/fetch_only.py", *floor, "-s", "BENCH_COUNT_RESPONSES=1"],
            "items": [*runspider, "benchmarks/fetch_items.py", *floor, "-O", str(work / "items.jsonl")],
            "follow": [*runspider, "benchmarks/follow_links.py", *walk],
            "floor": [*runspider, "benchmarks/parse_items.py", *walk, "-O", str(work / "floor.jsonl")],
            "read": [*runspider, "benchmarks/read_pages.py", *walk],
            "full": [sys.executable, "-m", "scrapy", "crawl", "press_releases", "-a", f"base_url={base}",
                     "-O", str(work / "out.jsonl"), *FAST, *warc,
                     "-s", f"OSCE_REJECTED_PATH={work / 'rejected.jsonl'}",
                     "-s", f"OSCE_ERRORS_PATH={work / 'errors.jsonl'}", "-s", f"OSCE_RUNS_PATH={work / 'runs.jsonl'}"],
        }
        for _ in range(args.repeat):
            for name, results in runs.items():
                rss_path = work / f"{name}.json"
                results.append(run([*commands[name], "-s", f"BENCH_RSS_PATH={rss_path}"], rss_path))
        medians = {name: median_run(results) for name, results in runs.items()}
    finally:
        site_cpu = process_cpu_seconds(site.pid)
        site.terminate()
    records = sum(1 for _ in (work / "out.jsonl").open())
    requests = len(urls)
    print(f"mock newsroom: {args.releases} releases on {pages} listing pages ({requests} pages to fetch); "
          f"the full spider's WARC archive {args.archive}")
    for name, results in runs.items():
        print(f"seconds per run, {LABELS[name]}: " + ", ".join(f"{r['seconds']:.1f}" for r in results))
    print(f"records written by the full spider: {records}; the mock site's CPU over all "
          f"{sum(map(len, runs.values()))} runs: {site_cpu:.1f} s")
    for name, result in medians.items():
        print(f"{LABELS[name]:13} {result['seconds']:7.1f} s  {requests / result['seconds']:7.1f} pages/s  "
              f"CPU {result['cpu_seconds']:5.1f} s  peak RSS (process tree) {result['peak_total_rss_mb']:6.1f} MB  "
              f"RSS at {result['rss_at']}")
    full = medians["full"]
    if "fetch" in medians and "items" in medians:
        print(f"time fetch + items/fetch-only = {medians['items']['seconds'] / medians['fetch']['seconds']:.2f} "
              "(Scrapy's item machinery alone)")
    # The ratios run by run (the spiders alternate, so each run of a round saw the same state of a shared machine).
    for name, target in (("follow", " (target <= 1.4)"), ("floor", ""), ("read", ""), ("fetch", "")):
        if name in runs:
            ratios = [f["seconds"] / g["seconds"] for f, g in zip(runs["full"], runs[name], strict=True)]
            cpu = [f["cpu_seconds"] / g["cpu_seconds"] for f, g in zip(runs["full"], runs[name], strict=True)]
            print(f"time full/{LABELS[name]}{target}: run by run median {statistics.median(ratios):.2f}, "
                  f"min {min(ratios):.2f}, max {max(ratios):.2f}; CPU median {statistics.median(cpu):.2f}")
    if "floor" in runs:
        ratios = [f["seconds"] / g["seconds"] for f, g in zip(runs["floor"], runs["follow"], strict=True)]
        print(f"time parse + items/follow links (the engine floor: parsing, items and export, no field read): "
              f"run by run median {statistics.median(ratios):.2f}, min {min(ratios):.2f}, max {max(ratios):.2f}")
    at = {int(k): v for k, v in full["rss_at"].items()}
    growth = (at[5000] / at[1000] - 1) if 1000 in at and 5000 in at else float("nan")
    print(f"peak RSS {full['peak_total_rss_mb']:.0f} MB (target <= 150); "
          f"RSS growth 1,000 -> 5,000 releases = {growth:+.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
