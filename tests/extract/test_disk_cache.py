"""Built tables are kept on disk and read back; a damaged or unwritable cache never changes a result."""

from __future__ import annotations

import os

import pytest

from osce_scraper.extract.disk_cache import cache_dir, cached_table

BUILDS: list[str] = []


def build_capitals() -> dict[str, str]:
    BUILDS.append("capitals")
    return {"AT": "Vienna", "UA": "Kyiv", "KG": "Bishkek"}


def build_process_id() -> dict[str, int]:
    return {"pid": os.getpid()}


def build_here_only() -> dict[str, int]:
    if os.getpid() != int(os.environ["TEST_PARENT_PID"]):
        raise RuntimeError("a child process cannot build this table")
    return {"pid": os.getpid()}


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


@pytest.mark.slow
def test_a_table_of_a_large_data_package_is_built_by_a_child_process_then_read_from_disk(cache):
    table = cached_table(build_process_id, in_child_process=True)
    assert table["pid"] != os.getpid()
    assert cached_table(build_process_id, in_child_process=True) == table
    assert [p.suffix for p in cache.iterdir()] == [".pickle"]


@pytest.mark.slow
def test_a_table_the_child_process_cannot_build_is_built_here(cache, monkeypatch):
    monkeypatch.setenv("TEST_PARENT_PID", str(os.getpid()))
    assert cached_table(build_here_only, in_child_process=True) == {"pid": os.getpid()}

    def local_builder() -> dict[str, int]:  # no child can import it
        return {"pid": os.getpid()}

    assert cached_table(local_builder, in_child_process=True) == {"pid": os.getpid()}
