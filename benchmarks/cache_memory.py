"""The memory the package's bounded caches hold when full: the part of a long crawl's RSS a crawl of the mock hides.

    python benchmarks/cache_memory.py

The mock newsroom repeats a few dozen officials, titles and places, so a crawl of it leaves the readers' caches
nearly empty; a crawl of the whole real newsroom meets new words on every page until each cache holds as many
answers as its bound allows. Each cache (every ``functools`` cache of an argument in the package) is filled to
its bound with distinct arguments made from its parameters' types (a string is one to four capitalised words,
as a name, a title or a place is), and the memory it then holds is measured with tracemalloc: keys, answers and
the cache's own links. Added to the peak RSS of ``crawl_speed.py``'s crawl, the total bounds a long crawl's RSS.
"""

from __future__ import annotations

import argparse
import gc
import inspect
import random
import string
import sys
import tracemalloc
import typing
from collections.abc import Callable
from pathlib import Path
from types import NoneType, UnionType
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.test_caches import package_caches  # noqa: E402


def make_argument(hint: Any, serial: int, rng: random.Random) -> Any:
    """A value of the type ``hint`` that no other serial number gives."""
    origin = typing.get_origin(hint)
    if hint is str:
        words = [rng.choice(string.ascii_uppercase) + "".join(rng.choices(string.ascii_lowercase, k=rng.randint(2, 9)))
                 for _ in range(rng.randint(0, 3))]
        return " ".join([*words, "X" + _letters(serial)])  # the last word makes it distinct
    if hint is bool:
        return serial % 2 == 0
    if hint is int:
        return serial
    if origin in (typing.Union, UnionType):
        return make_argument(next(arm for arm in typing.get_args(hint) if arm is not NoneType), serial, rng)
    if origin is tuple:
        item = typing.get_args(hint)[0]
        return tuple(make_argument(item, serial * 2 + n, rng) for n in range(2))
    if hasattr(hint, "_fields"):  # a NamedTuple: each field by its own type
        fields = typing.get_type_hints(hint)
        return hint(*(make_argument(fields[name], serial, rng) for name in hint._fields))
    raise TypeError(f"no argument of type {hint!r} can be made")


def _letters(number: int) -> str:
    letters = ""
    while True:
        number, digit = divmod(number, 26)
        letters += string.ascii_lowercase[digit]
        if not number:
            return letters


def arguments(function: Callable[..., Any], serial: int, rng: random.Random) -> tuple[Any, ...]:
    """Arguments for each parameter of the cached ``function`` (those with defaults too), by their types."""
    hints = typing.get_type_hints(function.__wrapped__)
    return tuple(make_argument(hints[name], serial, rng) for name in inspect.signature(function.__wrapped__).parameters)


def held_memory() -> int:
    gc.collect()
    return tracemalloc.get_traced_memory()[0]


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args(argv)
    bounded = {name: function for name, function in sorted(package_caches().items()) if function.cache_info().maxsize}
    rng = random.Random(2024)
    for function in bounded.values():  # the tables each reads loaded before anything is measured
        function(*arguments(function, 0, rng))
    tracemalloc.start()
    for function in bounded.values():
        function.cache_clear()
    empty = held_memory()
    # Filled in turn; a cache whose function calls others' fills theirs too, which stay at their bounds.
    for function in bounded.values():
        for serial in range(function.cache_info().maxsize):
            function(*arguments(function, serial, rng))
    full = held_memory()
    print(f"{'cache':56s} {'entries':>8s} {'bound':>8s} {'MiB':>7s}")
    for name, function in bounded.items():
        info = function.cache_info()
        before = held_memory()
        function.cache_clear()  # what it frees is what it held (its keys and answers that nothing else holds)
        print(f"{name:56s} {info.currsize:8d} {info.maxsize:8d} {(before - held_memory()) / 2**20:7.2f}")
    print(f"{'all caches full':56s} {'':8s} {'':8s} {(full - empty) / 2**20:7.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
