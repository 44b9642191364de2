"""Why a run must not start, in one line, and the exit status ``scrapy crawl`` gives for it."""

from __future__ import annotations


class RunRefused(Exception):
    """A run that must not start: the reason, in one line, and the exit status it gives."""

    exit_status = 2


class DatasetLocked(RunRefused):
    """Another run holds the dataset's lock."""

    exit_status = 4


class CannotWrite(RunRefused):
    """The dataset, its state or the errors file cannot be written when the run starts."""

    exit_status = 5
