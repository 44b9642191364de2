"""The exit statuses of ``scrapy crawl press_releases``, defined once; the README's table is checked against them."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """What a run's exit status says; cron mail and CI notice any status but ``OK``."""

    OK = 0
    CANNOT_START = 1
    BAD_INPUT = 2
    CHECK_FAILED = 3
    LOCKED = 4
    WRITE_FAILED = 5
    UNREACHABLE = 6

    @property
    def meaning(self) -> str:
        """The status's meaning, as the README's table gives it.

        >>> ExitStatus.LOCKED.meaning
        "Another run holds the dataset's lock."
        """
        return MEANINGS[self]


MEANINGS = {
    ExitStatus.OK: "The run finished and every check passed.",
    ExitStatus.CANNOT_START: "The crawl could not start.",
    ExitStatus.BAD_INPUT: "A bad spider argument, or a path that is not the project's file (one line names it).",
    ExitStatus.CHECK_FAILED: "A check failed: coverage, labels, rejected records, failed or unreadable pages, a "
    "listing that shows no release or nothing new.",
    ExitStatus.LOCKED: "Another run holds the dataset's lock.",
    ExitStatus.WRITE_FAILED: "A write failed (full disk, I/O error, permission), or the dataset, its state or its "
    "lock cannot be written at all (one line names it).",
    ExitStatus.UNREACHABLE: "The site could not be reached: DNS, a refused connection or a timeout, after the "
    "retries (one line names the host and the cause).",
}
