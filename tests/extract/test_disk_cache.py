"""Built tables are kept on disk and read back; a damaged or unwritable cache never changes a result."""

from __future__ import annotations

import pytest

from osce_scraper.extract.disk_cache import cache_dir, cached_table

BUILDS: list[str] = []


def build_capitals() -> dict[str, str]:
    BUILDS.append("capitals")
    return {"AT": "Vienna", "UA": "Kyiv", "KG": "Bishkek"}


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("OSCE_SCRAPER_CACHE_DIR", str(tmp_path / "cache"))
    BUILDS.clear()
    return tmp_path / "cache"


def test_a_table_is_built_once_then_read_from_disk(cache):
    assert cached_table(build_capitals) == cached_table(build_capitals) == build_capitals()
    assert BUILDS == ["capitals", "capitals"]  # once for the cache, once called directly above
    assert [p.suffix for p in cache.iterdir()] == [".pickle"]


def test_a_damaged_cache_file_is_built_again_and_replaced(cache):
    cached_table(build_capitals)
    [path] = cache.iterdir()
    path.write_bytes(b"not a pickle")
    assert cached_table(build_capitals)["UA"] == "Kyiv"
    assert cached_table(build_capitals)["KG"] == "Bishkek"
    assert BUILDS == ["capitals", "capitals"]


def test_a_cache_folder_that_cannot_be_made_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("OSCE_SCRAPER_CACHE_DIR", str(blocker / "cache"))
    BUILDS.clear()
    assert cached_table(build_capitals)["AT"] == "Vienna"
    assert cached_table(build_capitals)["AT"] == "Vienna"
    assert BUILDS == ["capitals", "capitals"]


def test_the_cache_follows_xdg_cache_home(tmp_path, monkeypatch):
    monkeypatch.delenv("OSCE_SCRAPER_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "osce-scraper"


def test_a_new_table_file_replaces_the_files_older_code_built(cache):
    cache.mkdir()
    (cache / "build_capitals-0000000000000000.pickle").write_bytes(b"built by older code")
    (cache / "build_capitals_by_region-0000000000000000.pickle").write_bytes(b"another table")
    assert cached_table(build_capitals)["AT"] == "Vienna"
    names = sorted(path.name.rsplit("-", 1)[0] for path in cache.iterdir())
    assert names == ["build_capitals", "build_capitals_by_region"]
    assert (cache / "build_capitals-0000000000000000.pickle").exists() is False
