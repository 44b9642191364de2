"""One source each: every setting's default in settings.py (and the README's table), every stats key in stats.py."""

import ast
import re

from osce_scraper import settings
from tests.conftest import REPO

PACKAGE = REPO / "osce_scraper"
#: Read from the environment, not from Scrapy's settings: where the gazetteer's cache lives.
ENVIRONMENT_VARIABLES = {"OSCE_SCRAPER_CACHE_DIR"}
# A call site's fallback may name the one default (``defaults.NAME``), never repeat its value; a setting of
# Scrapy's own needs none (the crawler's settings always hold Scrapy's defaults).
FALLBACK_RE = re.compile(r"settings\.get\w*\(\s*[\"']([A-Z][A-Z_]+)[\"']\s*,(?!\s*(?:defaults|project_settings)\.\1\))")


def settings_read_by_the_code() -> set[str]:
    names = set()
    for path in PACKAGE.rglob("*.py"):
        names |= set(re.findall(r"[\"'](OSCE_[A-Z_]+)[\"']", path.read_text("utf-8")))
    return names - ENVIRONMENT_VARIABLES


def readme_settings() -> dict[str, str]:
    text = (REPO / "README.md").read_text("utf-8")
    table = text[text.index("## Settings"):].split("\n## ")[0]
    return dict(re.findall(r"^\| `(OSCE_[A-Z_]+)` \| `(.*?)` \|", table, re.M))


def test_every_setting_the_code_reads_has_a_default_and_a_row_in_the_readme():
    assert sorted(name for name in settings_read_by_the_code() if not hasattr(settings, name)) == []
    defined = {name for name in vars(settings) if name.startswith("OSCE_")}
    assert sorted(defined - set(readme_settings())) == []


def test_the_readme_gives_each_default_as_settings_py_does():
    for name, shown in readme_settings().items():
        value = getattr(settings, name)
        assert ast.literal_eval(shown.replace("_", "") if isinstance(value, int) else shown) == value, name


def test_no_call_site_repeats_a_default_of_settings_py():
    repeated = [f"{path.relative_to(REPO)}: {match.group(1)}"
                for path in PACKAGE.rglob("*.py") for match in FALLBACK_RE.finditer(path.read_text("utf-8"))]
    assert repeated == []


def test_stats_keys_are_named_once_in_stats_py():
    bare = [f"{path.relative_to(REPO)}:{number}" for path in PACKAGE.rglob("*.py") if path.name != "stats.py"
            for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
            if re.search(r"[\"']osce/", line)]
    assert bare == []
