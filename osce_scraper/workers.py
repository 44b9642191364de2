"""Extraction in worker processes, so the crawling process spends its time on the network.

Reading a page costs about a millisecond of CPU, about what Scrapy spends on
fetching it. ``OSCE_EXTRACT_PROCESSES`` worker processes (0: extract in the
crawling process) run the pure functions of ``osce_scraper.extract`` and the
pipelines' record building while the crawl goes on.

A worker is ``python -m osce_scraper.workers``: it reads calls from its stdin
and writes results to its stdout, each a length-prefixed pickle. It is started
fresh, not forked and not by ``multiprocessing`` (whose spawned children
re-run the script that started the crawl), so it shares nothing with the
crawling process but the code.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import os
import pickle
import signal
import struct
import sys
import weakref
from collections.abc import Callable
from typing import Any, BinaryIO, TypeVar

from scrapy import signals
from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

Result = TypeVar("Result")

_FRAME_HEADER = struct.Struct("!Q")
#: The call id of the frame a worker sends once it is ready for calls.
_READY = -1
_BY_CRAWLER: weakref.WeakKeyDictionary[Crawler, ExtractionWorkers] = weakref.WeakKeyDictionary()


class WorkerDied(RuntimeError):
    """A worker process ended while calls were waiting for it."""


class ExtractionCrashed(RuntimeError):
    """A call killed its worker twice (once more in a fresh worker)."""


def encode_frame(value: Any) -> bytes:
    """A value as the workers' wire format: its pickle, preceded by the pickle's length.

    >>> frame = encode_frame(("call", 1))
    >>> _FRAME_HEADER.unpack(frame[:8]) == (len(frame) - 8,), pickle.loads(frame[8:])
    (True, ('call', 1))
    """
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    return _FRAME_HEADER.pack(len(payload)) + payload


class _Worker:
    """One worker process and the calls it has not answered yet."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.pending: dict[int, asyncio.Future[Any]] = {}
        #: Done when the worker has loaded its tables; failed when it ended before.
        self.ready: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.reader = asyncio.ensure_future(self._read_results())

    @classmethod
    async def start(cls) -> _Worker:
        # The worker imports the project from where this process did (an egg under scrapyd, a checkout).
        paths = [path or os.getcwd() for path in sys.path]
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "osce_scraper.workers", stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE, env={**os.environ, "PYTHONPATH": os.pathsep.join(paths)},
        )
        return cls(process)

    @property
    def alive(self) -> bool:
        return self.process.returncode is None and not self.reader.done()

    async def call(self, call_id: int, function: Callable[..., Any], args: tuple[Any, ...]) -> Any:
        if not self.alive:
            raise WorkerDied("the extraction worker process has ended")
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self.pending[call_id] = future
        assert self.process.stdin is not None
        self.process.stdin.write(encode_frame((call_id, function, args)))
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the reader reports a death
            await self.process.stdin.drain()
        return await future

    async def _read_results(self) -> None:
        stdout = self.process.stdout
        assert stdout is not None
        try:
            while True:
                header = await stdout.readexactly(_FRAME_HEADER.size)
                payload = await stdout.readexactly(_FRAME_HEADER.unpack(header)[0])
                call_id, ok, value = pickle.loads(payload)
                if call_id == _READY:
                    self.ready.set_result(None)
                    continue
                future = self.pending.pop(call_id)
                if future.done():
                    continue
                if ok:
                    future.set_result(value)
                else:
                    future.set_exception(value)
        except (asyncio.IncompleteReadError, ConnectionResetError):
            pass
        finally:
            if not self.ready.done():
                self.ready.set_exception(WorkerDied("the extraction worker process ended before it was ready"))
            for future in self.pending.values():
                if not future.done():
                    future.set_exception(WorkerDied("the extraction worker process ended"))
            self.pending.clear()

    async def stop(self) -> None:
        if self.process.returncode is None and self.process.stdin is not None:
            self.process.stdin.close()  # end of input: the worker exits
        try:
            await asyncio.wait_for(self.process.wait(), timeout=10)
        except TimeoutError:
            self.process.kill()
            await self.process.wait()
        await self.reader


class ExtractionWorkers:
    """Runs functions in worker processes: ``await workers.run(parse_listing, html, url)``.

    With ``processes=0`` a function runs in the calling process. One set of
    workers serves a crawl (:meth:`of`): started when the spider opens, stopped
    when it closes. Functions and arguments must pickle (module-level functions,
    plain data).
    """

    def __init__(self, processes: int) -> None:
        if processes < 0:
            raise ValueError(f"OSCE_EXTRACT_PROCESSES must be 0 or more, got {processes}")
        self.processes = processes
        self._workers: list[_Worker] = []
        self._starting: asyncio.Future[None] | None = None
        self._call_ids = itertools.count()

    @classmethod
    def of(cls, crawler: Crawler) -> ExtractionWorkers:
        """The crawl's workers, made on first use (the spider and the pipelines share them)."""
        workers = _BY_CRAWLER.get(crawler)
        if workers is None:
            workers = _BY_CRAWLER[crawler] = cls(crawler.settings.getint("OSCE_EXTRACT_PROCESSES", 1))
            crawler.signals.connect(workers.spider_opened, signal=signals.spider_opened)
            crawler.signals.connect(workers.spider_closed, signal=signals.spider_closed)
        return workers

    async def spider_opened(self) -> None:
        if self.processes:
            self._begin_start()  # the workers load the gazetteer while the first pages are fetched

    def _begin_start(self) -> asyncio.Future[None]:
        if self._starting is None or (self._starting.done() and not all(w.alive for w in self._workers)):
            self._starting = asyncio.ensure_future(self._start())
        return self._starting

    async def _start(self) -> None:
        self._workers = [w for w in self._workers if w.alive]
        started: list[_Worker] = []
        try:
            for _ in range(self.processes - len(self._workers)):
                started.append(await _Worker.start())
            await asyncio.gather(*(worker.ready for worker in started))
        except (WorkerDied, OSError) as error:
            # Records matter more than speed: a worker that cannot even start is no reason to lose them.
            logger.error("extraction workers could not start (%s): pages are read in the crawling process", error)
            await asyncio.gather(*(worker.stop() for worker in started + self._workers))
            self._workers, self.processes = [], 0
            return
        self._workers += started

    async def run(self, function: Callable[..., Result], *args: Any) -> Result:
        """``function(*args)``, computed by a worker; a worker that dies is replaced and the call tried once more."""
        for attempt in (1, 2):
            if self.processes:
                await asyncio.shield(self._begin_start())
            if not self.processes:  # none asked for, or none could start
                return function(*args)
            worker = min((w for w in self._workers if w.alive), key=lambda w: len(w.pending), default=None)
            if worker is None:
                continue
            try:
                return await worker.call(next(self._call_ids), function, args)
            except WorkerDied:
                logger.error("an extraction worker died running %s (attempt %s)", function.__name__, attempt)
        raise ExtractionCrashed(f"extraction workers died twice running {function.__name__}")

    async def spider_closed(self) -> None:
        workers, self._workers = self._workers, []
        await asyncio.gather(*(worker.stop() for worker in workers))


def serve(calls: BinaryIO, results: BinaryIO) -> None:
    """The worker's loop: answer every call read from ``calls`` until it ends."""
    while header := calls.read(_FRAME_HEADER.size):
        call_id, function, args = pickle.loads(calls.read(_FRAME_HEADER.unpack(header)[0]))
        try:
            answer = (call_id, True, function(*args))
        except Exception as error:  # the caller gets the error, as from a local call
            answer = (call_id, False, error)
        try:
            frame = encode_frame(answer)
        except Exception as error:  # an answer that does not pickle
            frame = encode_frame((call_id, False, RuntimeError(f"unpicklable result: {error!r}")))
        results.write(frame)
        results.flush()


def main() -> None:
    # Ctrl-C on a terminal reaches the whole process group: the crawl decides how to stop
    # (a pause under JOBDIR finishes the pages in hand), so the worker must not die first.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from osce_scraper.extract.officials import given_names
    from osce_scraper.extract.places import lookup_place

    # Results get stdout to themselves: anything else printed goes to stderr.
    results = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    lookup_place("Vienna")  # the gazetteer and the name lexicon load before the first call
    given_names()
    results.write(encode_frame((_READY, True, None)))
    results.flush()
    serve(sys.stdin.buffer, results)


if __name__ == "__main__":
    main()
