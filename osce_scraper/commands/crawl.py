"""``scrapy crawl``, as Scrapy's own, but its exit status says how the run went.

The statuses are :class:`~osce_scraper.exit_status.ExitStatus`; cron mail and CI notice a non-zero
status; the failed checks are printed with their figures.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import sys
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.exceptions import UsageError
from scrapy.spiderloader import SpiderLoader
from twisted.internet.defer import Deferred
from twisted.python.failure import Failure

from osce_scraper.exit_status import ExitStatus
from osce_scraper.monitors import site_unreachable
from osce_scraper.stats import CHECKS_FAILED_STAT, WRITE_FAILED_STAT
from osce_scraper.store import RunRefused


class Command(ScrapyCrawlCommand):
    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        name = args[0] if len(args) == 1 else "press_releases"
        # An -O/-o file that cannot be written stops here, in one line, before Scrapy reads the feeds (a
        # folder "-O out" would meet a cryptic format error there) and before anything is fetched.
        for uri in [*(getattr(opts, "output", None) or []), *(getattr(opts, "overwrite_output", None) or [])]:
            if problem := feed_path_problem(uri):
                print(f"scrapy crawl {name}: {problem}", file=sys.stderr)
                raise SystemExit(ExitStatus.BAD_INPUT)
        super().process_options(args, opts)
        if len(args) == 1:
            self._check_spider_arguments(args[0], opts.spargs)

    def _check_spider_arguments(self, name: str, arguments: dict[str, Any]) -> None:
        """A bad spider argument stops here, before Scrapy starts: one line naming it, exit status 2."""
        assert self.settings is not None
        try:
            spider_class = SpiderLoader.from_settings(self.settings.frozencopy()).load(name)
        except KeyError:
            return  # Scrapy's own command says that the spider does not exist
        if not hasattr(spider_class, "check_arguments"):
            return
        try:
            spider_class.check_arguments(**arguments)
        except RunRefused as refused:
            print(f"scrapy crawl {name}: {refused}", file=sys.stderr)
            raise SystemExit(refused.exit_status) from None

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            raise UsageError("give one spider name: scrapy crawl press_releases")
        assert self.crawler_process
        crawler = self.crawler_process.create_crawler(args[0])  # public in every Scrapy the floor admits
        refused: list[RunRefused] = []
        started = self.crawler_process.crawl(crawler, **opts.spargs)
        _catch_refusal(started, refused)
        self.crawler_process.start()
        try:
            stats = crawler.stats
        except RuntimeError:  # the crawl never started
            stats = None
        if refused:
            print(f"scrapy crawl {args[0]}: {refused[0]}", file=sys.stderr)
            self.exitcode = refused[0].exit_status
        elif self.crawler_process.bootstrap_failed:
            self.exitcode = ExitStatus.CANNOT_START
        elif stats and stats.get_value(WRITE_FAILED_STAT):
            self.exitcode = ExitStatus.WRITE_FAILED
        elif stats and site_unreachable(stats.get_stats()):
            self.exitcode = ExitStatus.UNREACHABLE
        elif stats and stats.get_value(CHECKS_FAILED_STAT):
            self.exitcode = ExitStatus.CHECK_FAILED


def feed_path_problem(uri: str) -> str | None:
    """Why a feed file named on the command line cannot be written, or None (and None for other URIs).

    >>> feed_path_problem("/")
    '-O/-o names a folder, not a file: /'
    >>> feed_path_problem("out.jsonl") is None, feed_path_problem("s3://bucket/out.jsonl") is None
    (True, True)
    """
    if uri == "-" or uri.startswith("stdout:"):
        return None
    uri = re.sub(r":[a-z]+$", "", uri)  # "out.json:jsonl": the format after a colon
    parts = urlsplit(uri)
    if parts.scheme not in {"", "file"}:
        return None
    path = Path(unquote(parts.path) if parts.scheme == "file" else uri)
    if path.is_dir():
        return f"-O/-o names a folder, not a file: {path}"
    parent = next((p for p in path.absolute().parents if p.exists()), None)
    if parent is not None and not parent.is_dir():
        return f"-O/-o names a file inside {parent}, which is a file, not a folder"
    if path.exists() and not os.access(path, os.W_OK):
        return f"-O/-o names a file that cannot be written: {path}"
    return None


def _catch_refusal(started: Any, refused: list[RunRefused]) -> None:
    """Keep a :class:`RunRefused` raised while the crawl starts, instead of its traceback."""

    def on_failure(failure: Failure) -> Failure | None:
        if failure.check(RunRefused):
            refused.append(failure.value)
            return None
        return failure

    if isinstance(started, Deferred):
        started.addErrback(on_failure)
    elif isinstance(started, asyncio.Task):
        # The crawler process re-raises into its task: retrieving the exception here keeps asyncio
        # from printing it; any other exception is printed as asyncio would.
        def on_done(task: asyncio.Task[Any]) -> None:
            if task.cancelled() or (error := task.exception()) is None:
                return
            if isinstance(error, RunRefused):
                refused.append(error)
            else:
                task.get_loop().call_exception_handler({"message": "the crawl failed", "exception": error,
                                                        "task": task})

        started.add_done_callback(on_done)
