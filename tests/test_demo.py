"""`make demo`: a dataset of its own, merged into like the real one, and a Ctrl-C that breaks nothing."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO


def test_the_demo_writes_only_files_of_its_own():
    plan = subprocess.run(["make", "-n", "demo"], cwd=REPO, capture_output=True, text=True, check=True).stdout
    assert " -O " not in plan and " -o " not in plan
    given = dict(re.findall(r"-s (OSCE_\w+)=(\S+)", plan))
    files = {name: value for name, value in given.items() if name.endswith(("_PATH", "_DIR"))}
    assert {"OSCE_DATASET_PATH", "OSCE_STATE_PATH", "OSCE_RUNS_PATH", "OSCE_ERRORS_PATH", "OSCE_REJECTED_PATH",
            "OSCE_WARC_DIR"} <= set(files)
    assert all(value.startswith("output/demo") for value in files.values()), files


def make_demo_command(workdir: Path, port: int, *args: str) -> list[str]:
    """What `make demo` runs, with its files in ``workdir``."""
    files = {"OSCE_DATASET_PATH": "demo.jsonl", "OSCE_STATE_PATH": "demo-state.sqlite",
             "OSCE_RUNS_PATH": "demo-runs.jsonl", "OSCE_ERRORS_PATH": "demo-errors.jsonl",
             "OSCE_REJECTED_PATH": "demo-rejected.jsonl", "OSCE_WARC_DIR": "demo-warc"}
    settings = [part for name, file in files.items() for part in ("-s", f"{name}={workdir / file}")]
    return [sys.executable, "-m", "tests.site", "--port", str(port), "--", sys.executable, "-m", "scrapy", "crawl",
            "press_releases", "-a", "base_url={base_url}", *settings, "-s", "OSCE_MAX_SILENCE_DAYS=0",
            "-s", "OSCE_MIN_NEWSROOM_RELEASES=0",
            "-s", "AUTOTHROTTLE_ENABLED=0", *args]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.slow
def test_ctrl_c_during_the_demo_leaves_the_previous_dataset_whole_and_prints_no_traceback(tmp_path):
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    first = subprocess.run(make_demo_command(tmp_path, port, "-s", "DOWNLOAD_DELAY=0"), cwd=REPO, env=env,
                           capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr[-3000:]
    before = (tmp_path / "demo.jsonl").read_bytes()
    assert before.count(b"\n") == 64

    slow = make_demo_command(tmp_path, port, "-s", "DOWNLOAD_DELAY=0.3", "-s", "CONCURRENT_REQUESTS=1")
    demo = subprocess.Popen(slow, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    time.sleep(6)  # a few releases fetched of 64
    os.killpg(demo.pid, signal.SIGINT)  # what Ctrl-C sends: to the terminal's whole process group
    _, stderr = demo.communicate(timeout=120)
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr
    assert "run shutdown" in stderr
    assert (tmp_path / "demo.jsonl").read_bytes() == before
