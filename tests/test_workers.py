"""Worker processes compute what a local call would, survive a dying worker, and end with the crawl."""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from osce_scraper.extract.listing import parse_listing
from osce_scraper.workers import ExtractionCrashed, ExtractionWorkers

LISTING = ("<div><h3><a href='/cio/500001'>OSCE Chair visits Tbilisi</a></h3><p>Publishing date: 3 May 2024</p>"
           "<p>TBILISI, 3 May 2024 – The Chairperson-in-Office met ...</p></div>")


def shout(text: str) -> str:
    print("a stray line on stdout")  # must not be taken for a result
    return text.upper()


def refuse(text: str) -> str:
    raise ValueError(f"cannot read {text!r}")


def die(code: int) -> None:
    os._exit(code)


def own_pid() -> int:
    return os.getpid()


def make_run(processes: int) -> Callable[[Callable[[ExtractionWorkers], Awaitable[Any]]], Any]:
    """Runs a coroutine against fresh workers, which are stopped afterwards."""

    def run(scenario: Callable[[ExtractionWorkers], Awaitable[Any]]) -> Any:
        async def main() -> Any:
            workers = ExtractionWorkers(processes)
            try:
                return await scenario(workers)
            finally:
                await workers.spider_closed()

        return asyncio.run(main())

    return run


def test_a_worker_returns_what_the_local_call_returns():
    url = "https://www.osce.org/press-releases"
    remote = make_run(1)(lambda workers: workers.run(parse_listing, LISTING, url))
    assert remote == parse_listing(LISTING, url)
    assert remote.items[0].node_id == "500001"


def test_without_processes_the_call_runs_in_this_process():
    assert make_run(0)(lambda workers: workers.run(own_pid)) == os.getpid()
    assert make_run(1)(lambda workers: workers.run(own_pid)) != os.getpid()


def test_printing_in_a_worker_does_not_corrupt_its_results():
    async def scenario(workers: ExtractionWorkers) -> list[str]:
        return await asyncio.gather(*(workers.run(shout, f"vienna {n}") for n in range(20)))

    assert make_run(1)(scenario) == [f"VIENNA {n}" for n in range(20)]


def test_an_error_in_a_worker_reaches_the_caller_as_that_error():
    async def scenario(workers: ExtractionWorkers) -> str:
        with pytest.raises(ValueError, match="cannot read 'Kyiv'"):
            await workers.run(refuse, "Kyiv")
        return await workers.run(shout, "still working")

    assert make_run(1)(scenario) == "STILL WORKING"


def test_a_call_that_kills_its_worker_twice_fails_and_the_next_call_gets_a_fresh_worker():
    async def scenario(workers: ExtractionWorkers) -> tuple[int, int]:
        first = await workers.run(own_pid)
        with pytest.raises(ExtractionCrashed, match="died twice running die"):
            await workers.run(die, 7)
        return first, await workers.run(own_pid)

    first, after = make_run(1)(scenario)
    assert first != after


def test_ctrl_c_on_the_terminal_leaves_the_workers_running():
    async def scenario(workers: ExtractionWorkers) -> tuple[int, int]:
        pid = await workers.run(own_pid)
        os.kill(pid, signal.SIGINT)  # what a terminal sends to the whole process group
        await asyncio.sleep(0.2)
        return pid, await workers.run(own_pid)

    before, after = make_run(1)(scenario)
    assert before == after


def test_closing_ends_every_worker_process():
    async def scenario(workers: ExtractionWorkers) -> list[int]:
        pids = set()
        while len(pids) < 2:
            pids.update(await asyncio.gather(*(workers.run(own_pid) for _ in range(8))))
        await workers.spider_closed()
        return sorted(pids)

    for pid in make_run(2)(scenario):
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def test_a_negative_number_of_processes_is_refused():
    with pytest.raises(ValueError, match="OSCE_EXTRACT_PROCESSES must be 0 or more, got -1"):
        ExtractionWorkers(-1)


def test_workers_that_cannot_start_leave_the_reading_to_this_process(monkeypatch, caplog):
    monkeypatch.setattr("sys.executable", "/bin/false")  # a worker that exits at once
    assert make_run(1)(lambda workers: workers.run(own_pid)) == os.getpid()
    assert "extraction workers could not start" in caplog.text


def test_a_worker_imports_code_from_where_this_process_did(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # this module is found through sys.path only, as an egg is under scrapyd
    monkeypatch.delenv("PYTHONPATH", raising=False)
    assert make_run(1)(lambda workers: workers.run(shout, "skopje")) == "SKOPJE"


def test_workers_that_cannot_even_be_executed_leave_the_reading_to_this_process(monkeypatch, caplog):
    monkeypatch.setattr("sys.executable", "/nonexistent/python")
    assert make_run(2)(lambda workers: workers.run(shout, "minsk")) == "MINSK"
    assert "extraction workers could not start" in caplog.text
