"""The run lock: one run at a time on a dataset, released by the operating system however the run ends."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from osce_scraper.store.refusals import DatasetLocked


class RunLock:
    """An exclusive ``flock`` on ``<dataset>.lock`` for one run; the file holds the holder's pid."""

    def __init__(self, dataset: Path) -> None:
        self.dataset = dataset
        self.path = dataset.with_name(dataset.name + ".lock")
        self.fd: int | None = None

    def acquire(self) -> None:
        """Take the lock, or raise :class:`DatasetLocked` naming the run that holds it."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode("ascii", errors="replace").strip()
            os.close(fd)
            raise DatasetLocked(f"another run (pid {holder or 'unknown'}) is crawling into {self.dataset};"
                                " this one stops without fetching or writing anything") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        self.fd = fd

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
