"""Why a run must not start, in one line, and the exit status ``scrapy crawl`` gives for it."""

from __future__ import annotations

from osce_scraper.exit_status import ExitStatus


class RunRefused(Exception):
    """A run that must not start: the reason, in one line, and the exit status it gives."""

    exit_status = ExitStatus.BAD_INPUT


class DatasetLocked(RunRefused):
    """Another run holds the dataset's lock."""

    exit_status = ExitStatus.LOCKED


class CannotWrite(RunRefused):
    """The dataset, its state or the errors file cannot be written when the run starts."""

    exit_status = ExitStatus.WRITE_FAILED
