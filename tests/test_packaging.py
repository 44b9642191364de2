"""The project's metadata says one thing everywhere: its version, its licence, how to cite it."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import yaml
from packaging.licenses import canonicalize_license_expression

from tests.conftest import REPO


def make_pyproject(repo: Path = REPO) -> dict[str, Any]:
    return tomllib.loads((repo / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def make_citation(repo: Path = REPO) -> dict[str, Any]:
    return yaml.safe_load((repo / "CITATION.cff").read_text(encoding="utf-8"))


def test_citation_is_cff_1_2_with_pyprojects_version_and_licence():
    citation, project = make_citation(), make_pyproject()
    assert citation["cff-version"] == "1.2.0"
    assert {"message", "title", "authors", "version", "date-released", "license"} <= citation.keys()
    assert str(citation["version"]) == project["version"]
    assert citation["license"] == project["license"]
    assert all(author.get("name") or author.get("family-names") for author in citation["authors"])
    assert citation["repository-code"].startswith("https://github.com/")


def test_the_licence_is_an_spdx_expression_with_its_file_and_no_classifier():
    project = make_pyproject()
    assert isinstance(project["license"], str)  # the table form is deprecated
    assert canonicalize_license_expression(project["license"]) == project["license"]
    assert all((REPO / name).is_file() for name in project["license-files"])
    assert not [c for c in project.get("classifiers", []) if c.startswith("License ::")]


def test_the_changelog_has_a_section_for_the_current_version():
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## [{make_pyproject()['version']}]" in changelog
