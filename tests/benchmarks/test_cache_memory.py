"""The cache memory benchmark can fill every bounded cache of the package: distinct arguments of each one's types."""

from __future__ import annotations

import random

from benchmarks.cache_memory import arguments
from tests.test_caches import package_caches


def test_every_bounded_cache_gets_distinct_arguments_its_function_takes():
    rng = random.Random(0)
    for name, function in package_caches().items():
        if not function.cache_info().maxsize:
            continue
        made = [arguments(function, serial, rng) for serial in range(50)]
        assert len(set(made)) == 50, name
        function.__wrapped__(*made[0])  # the function itself accepts them (no cache entry is made)
