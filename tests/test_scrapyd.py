"""A real scrapyd on 127.0.0.1: deploy the project, schedule the spider against the mock site, find the records."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.site.server import MockSite

requests = pytest.importorskip("requests", reason="scrapyd-client (and requests) are not installed")
pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=2).ok:
                return
        except requests.ConnectionError:
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer within {seconds} s")


def test_deploy_schedule_and_find_the_records(tmp_path: Path, mock_site: MockSite):
    port = free_port()
    (tmp_path / "scrapyd.conf").write_text(
        "[scrapyd]\nbind_address = 127.0.0.1\n"
        f"http_port = {port}\neggs_dir = {tmp_path / 'eggs'}\nlogs_dir = {tmp_path / 'logs'}\n"
        f"dbs_dir = {tmp_path / 'dbs'}\nitems_dir =\nmax_proc = 1\npoll_interval = 0.5\n"
    )
    server = subprocess.Popen([sys.executable, "-m", "scrapyd"], cwd=tmp_path, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": ""})
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(f"{base}/daemonstatus.json")
        egg = tmp_path / "osce_scraper.egg"
        built = subprocess.run([sys.executable, "-m", "scrapyd_client.deploy", "--build-egg", str(egg)], cwd=REPO,
                               capture_output=True, text=True, timeout=300)
        assert built.returncode == 0 and egg.exists(), built.stderr[-2000:]
        added = requests.post(f"{base}/addversion.json", data={"project": "osce_scraper", "version": "1"},
                              files={"egg": egg.read_bytes()}, timeout=60).json()
        assert added["status"] == "ok", added
        dataset = tmp_path / "scheduled.jsonl"
        scheduled = requests.post(f"{base}/schedule.json", timeout=60, data=[
            ("project", "osce_scraper"), ("spider", "press_releases"), ("base_url", mock_site.base_url),
            ("incremental", "1"), ("setting", f"OSCE_DATASET_PATH={dataset}"),
            ("setting", f"OSCE_STATE_PATH={tmp_path / 'state.sqlite'}"),
            ("setting", f"OSCE_RUNS_PATH={tmp_path / 'runs.jsonl'}"), ("setting", "AUTOTHROTTLE_ENABLED=0"),
            ("setting", "OSCE_MAX_SILENCE_DAYS=0"), ("setting", "OSCE_MIN_NEWSROOM_RELEASES=0"),
            ("setting", "DOWNLOAD_DELAY=0"), ("setting", "CONCURRENT_REQUESTS_PER_DOMAIN=8"),
        ]).json()
        assert scheduled["status"] == "ok", scheduled
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            jobs = requests.get(f"{base}/listjobs.json", params={"project": "osce_scraper"}, timeout=10).json()
            if any(job["id"] == scheduled["jobid"] for job in jobs.get("finished", [])):
                break
            time.sleep(0.5)
        else:
            pytest.fail("the scheduled job did not finish in time")
    finally:
        server.terminate()
        server.wait(timeout=30)
    records = [json.loads(line) for line in dataset.read_text("utf-8").splitlines()]
    assert {r["node_id"] for r in records} == {r.node_id for r in mock_site.releases}
    [run] = [json.loads(line) for line in (tmp_path / "runs.jsonl").read_text("utf-8").splitlines()]
    assert run["checks_passed"], run
