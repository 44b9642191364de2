"""The package's memo caches are bounded: a crawl of every release the site holds keeps RSS where a short one does."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from typing import Any

import osce_scraper


def package_caches() -> dict[str, Callable[..., Any]]:
    """Every ``functools`` cache defined in the package, by its qualified name."""
    caches = {}
    for module_info in pkgutil.walk_packages(osce_scraper.__path__, "osce_scraper."):
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            if hasattr(value, "cache_info") and getattr(value, "__module__", None) == module.__name__:
                caches[f"{module.__name__}.{name}"] = value
    return caches


def test_the_search_finds_the_caches_of_the_readers():
    names = package_caches()
    assert {"osce_scraper.extract.officials.is_given_name", "osce_scraper.extract.places.lookup_place",
            "osce_scraper.extract.urls.node_id_of"} <= set(names)


def test_every_cache_of_an_argument_has_a_bound():
    # A cache of a function without parameters holds one value (a table loaded once); any other grows with each
    # new argument, so a crawl of the whole newsroom's words would keep them all.
    unbounded = [
        name for name, function in package_caches().items()
        if inspect.signature(function.__wrapped__).parameters and function.cache_info().maxsize is None
    ]
    assert unbounded == []
