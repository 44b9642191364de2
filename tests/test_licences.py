"""The project is BSD-3-Clause, and nothing it needs at run time is GPL-only."""

from __future__ import annotations

import re
from importlib import metadata


def licences_of(distribution: metadata.Distribution) -> list[str]:
    """Every licence a distribution states: its licence expression or field, and its licence classifiers."""
    stated = [distribution.metadata.get("License-Expression") or distribution.metadata.get("License") or ""]
    classifiers = distribution.metadata.get_all("Classifier") or []
    stated += [c.split(" :: ")[-1] for c in classifiers if c.startswith("License")]
    return [s for s in stated if s.strip()]


def is_gpl_only(licences: list[str]) -> bool:
    """True when every licence stated is the GPL (the LGPL and a dual licence with a permissive one are not)."""
    gpl = [s for s in licences if re.search(r"(?<!L)GPL|GNU General Public", s)]
    return bool(gpl) and len(gpl) == len(licences)


def runtime_closure(name: str = "osce-scraper") -> dict[str, list[str]]:
    """The licences of ``name`` and of everything it needs at run time (extras left out)."""
    found: dict[str, list[str]] = {}
    todo = [name]
    while todo:
        wanted = todo.pop()
        key = re.sub(r"[-_.]+", "-", wanted).lower()
        if key in found:
            continue
        try:
            distribution = metadata.distribution(wanted)
        except metadata.PackageNotFoundError:
            continue  # an optional dependency for another platform or Python
        found[key] = licences_of(distribution)
        todo += [re.split(r"[ ;<>=!~\[(]", req, maxsplit=1)[0] for req in distribution.requires or []
                 if "extra ==" not in req]
    return found


def test_the_project_is_bsd_3_clause():
    stated = metadata.distribution("osce-scraper").metadata
    assert (stated.get("License-Expression") or stated.get("License")) == "BSD-3-Clause"
    # An SPDX expression stands alone: a licence classifier beside it is deprecated.
    assert not [c for c in stated.get_all("Classifier") or [] if c.startswith("License ::")]


def test_no_runtime_dependency_is_gpl_only():
    closure = runtime_closure()
    assert {"scrapy", "faker", "anyascii", "ftfy"} <= set(closure)
    assert "gender-guesser" not in closure
    assert {name: licences for name, licences in closure.items() if is_gpl_only(licences)} == {}


def test_gpl_only_is_told_apart_from_lgpl_and_dual_licences():
    assert is_gpl_only(["GPL-3.0-or-later", "GNU General Public License v3 (GPLv3)"])
    assert not is_gpl_only(["LGPL-2.1-only", "GNU Lesser General Public License v2 (LGPLv2)"])
    assert not is_gpl_only(["Artistic License", "GNU General Public License (GPL)"])
