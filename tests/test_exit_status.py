"""The exit statuses are defined once, and the README's table says the same."""

import re

from osce_scraper.exit_status import ExitStatus
from osce_scraper.store import CannotWrite, DatasetLocked, RunRefused
from tests.conftest import REPO


def readme_exit_statuses() -> dict[int, str]:
    text = (REPO / "README.md").read_text("utf-8")
    table = text[text.index("**Exit status of `scrapy crawl`**"):].split("\n\n")[1]
    return {int(m.group(1)): m.group(2) for m in re.finditer(r"^\| (\d+) \| (.+?) \|$", table, re.M)}


def test_the_readme_table_is_the_enum():
    assert readme_exit_statuses() == {status.value: status.meaning for status in ExitStatus}


def test_refusals_give_the_statuses_of_the_enum():
    assert (RunRefused.exit_status, DatasetLocked.exit_status, CannotWrite.exit_status) == (
        ExitStatus.BAD_INPUT, ExitStatus.LOCKED, ExitStatus.WRITE_FAILED)
