"""The full spider against the simplest spiders for the site, on the local mock site: speed and memory.

    python benchmarks/crawl_speed.py [--releases 5000]

Every spider runs with politeness off (16 concurrent requests, no delay, no AutoThrottle) against
the same mock newsroom, served by a separate process: a fetch-only spider over a fixed URL list,
the same with one small item per release, a spider that follows every pager and release link it
finds and reads nothing (``follow_links.py``), and the full spider. Prints the time, CPU and peak
RSS of each (the whole process tree), the full spider's ratios to both floors, and its RSS at 1,000
and 5,000 releases. Each spider runs ``--repeat`` times, alternating; the median run is reported with the
spread (min-max). The full spider keeps its WARC archive (on by default) in the benchmark's own folder.
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
# The mock releases are years old: the "nothing new" check (OSCE_MAX_SILENCE_DAYS) would fail every run.
FAST = ["-s", "OSCE_MAX_SILENCE_DAYS=0",
        "-s", "CONCURRENT_REQUESTS=16", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16", "-s", "DOWNLOAD_DELAY=0",
        "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "LOG_LEVEL=WARNING", "-s", "TELNETCONSOLE_ENABLED=0",
        "-s", f"EXTENSIONS={json.dumps(EXTENSIONS)}"]


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
    args = parser.parse_args(argv)
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
        fetches, items, follows, fulls = [], [], [], []
        floor = ["-a", f"urls={work / 'urls.txt'}", *FAST, "-s", f"OSCE_RUNS_PATH={work / 'runs.jsonl'}"]
        runspider = [sys.executable, "-m", "scrapy", "runspider"]
        for _ in range(args.repeat):
            fetches.append(run([*runspider, "benchmarks/fetch_only.py", *floor, "-s",
                                f"BENCH_RSS_PATH={work / 'fetch.json'}", "-s", "BENCH_COUNT_RESPONSES=1"],
                               work / "fetch.json"))
            items.append(run([*runspider, "benchmarks/fetch_items.py", *floor, "-O", str(work / "items.jsonl"),
                              "-s", f"BENCH_RSS_PATH={work / 'items.json'}"], work / "items.json"))
            follows.append(run([*runspider, "benchmarks/follow_links.py", "-a", f"base_url={base}", *FAST,
                                "-s", f"OSCE_RUNS_PATH={work / 'runs.jsonl'}",
                                "-s", f"BENCH_RSS_PATH={work / 'follow.json'}", "-s", "BENCH_COUNT_RESPONSES=1"],
                               work / "follow.json"))
            fulls.append(run([sys.executable, "-m", "scrapy", "crawl", "press_releases", "-a", f"base_url={base}",
                              "-O", str(work / "out.jsonl"), *FAST, "-s", f"BENCH_RSS_PATH={work / 'full.json'}",
                              "-s", f"OSCE_REJECTED_PATH={work / 'rejected.jsonl'}",
                              "-s", f"OSCE_ERRORS_PATH={work / 'errors.jsonl'}",
                              "-s", f"OSCE_WARC_DIR={work / 'warc'}",
                              "-s", f"OSCE_RUNS_PATH={work / 'runs.jsonl'}"], work / "full.json"))
        fetch, item, follow, full = median_run(fetches), median_run(items), median_run(follows), median_run(fulls)
    finally:
        site_cpu = process_cpu_seconds(site.pid)
        site.terminate()
    records = sum(1 for _ in (work / "out.jsonl").open())
    requests = len(urls)
    print(f"mock newsroom: {args.releases} releases on {pages} listing pages ({requests} pages to fetch)")
    named = (("fetch-only", fetches), ("fetch + items", items), ("follow links", follows), ("full spider", fulls))
    for name, runs in named:
        print(f"seconds per run, {name}: " + ", ".join(f"{r['seconds']:.1f}" for r in runs))
    # The ratio run by run (the spiders alternate, so each pair saw the same state of a shared machine).
    ratios = [f["seconds"] / g["seconds"] for f, g in zip(fulls, follows, strict=True)]
    print(f"records written by the full spider: {records}; the mock site's CPU over all {4 * args.repeat} runs: "
          f"{site_cpu:.1f} s")
    for name, result in (("fetch-only", fetch), ("fetch + items", item), ("follow links", follow),
                         ("full spider", full)):
        print(f"{name:13} {result['seconds']:7.1f} s  {requests / result['seconds']:7.1f} pages/s  "
              f"CPU {result['cpu_seconds']:5.1f} s  peak RSS (process tree) {result['peak_total_rss_mb']:6.1f} MB  "
              f"RSS at {result['rss_at']}")
    print(f"time fetch + items/fetch-only = {item['seconds'] / fetch['seconds']:.2f} (Scrapy's item machinery alone)")
    at = {int(k): v for k, v in full["rss_at"].items()}
    growth = (at[5000] / at[1000] - 1) if 1000 in at and 5000 in at else float("nan")
    print(f"time full/follow links = {full['seconds'] / follow['seconds']:.2f} (target <= 1.4); run by run: median "
          f"{statistics.median(ratios):.2f}, min {min(ratios):.2f}, max {max(ratios):.2f}; "
          f"time full/fetch-only = {full['seconds'] / fetch['seconds']:.2f}; "
          f"peak RSS {full['peak_total_rss_mb']:.0f} MB (target <= 150); "
          f"RSS growth 1,000 -> 5,000 releases = {growth:+.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
