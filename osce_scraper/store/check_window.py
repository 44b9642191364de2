"""The checks' window: the release pages the coverage and label checks judge.

This run's pages (labels shown, fields filled) come first, then the pages of earlier runs read
from the crawl state when the run started, up to ``OSCE_CHECK_WINDOW`` pages; a run with more pages
than that is judged on all of its own, and a run without a state (``-O``) on its own alone. The
window lives in memory for the whole run: writing it to the state at the end changes nothing the
checks see, whenever they run.
"""

from __future__ import annotations

from typing import Any

from osce_scraper.items import RECORD_FIELDS
from osce_scraper.store.crawl_state import WindowPage


def filled_fields(record: dict[str, Any]) -> list[str]:
    """The record's fields that hold a value (not null, not an empty list or string).

    >>> filled_fields({"title": "OSCE", "place": None, "source": []})
    ['title']
    """
    return [name for name in RECORD_FIELDS if record.get(name) not in (None, "", [])]


class CheckWindow:
    """The last ``size`` release pages over every run, or this run's alone when ``earlier`` is None.

    >>> window = CheckWindow(2, earlier=[("1", ["Source:"], ["title"]), ("0", [], None)])
    >>> window.page_read("2", ["Place:"]); window.record_made("2", ["title", "place"])
    >>> window.pages(), window.scope()
    ([(['Place:'], ['title', 'place']), (['Source:'], ['title'])], 'the last 2 release pages')
    """

    def __init__(self, size: int, earlier: list[WindowPage] | None = None) -> None:
        self.size = size
        self.earlier = earlier
        #: This run's release pages: node id -> [labels shown, filled fields or None].
        self.this_run: dict[str, list[Any]] = {}
        # Pages show the same few combinations of labels and of fields: each is kept once, not once a page (a run
        # over the whole newsroom reads tens of thousands of pages).
        self._combinations: dict[tuple[str, ...], tuple[str, ...]] = {}

    def _shared(self, names: list[str]) -> tuple[str, ...]:
        combination = tuple(names)
        return self._combinations.setdefault(combination, combination)

    def page_read(self, node_id: str | None, labels: list[str]) -> None:
        """A release page was read, showing ``labels``."""
        if node_id:
            self.this_run[node_id] = [self._shared(labels), None]

    def record_made(self, node_id: str, filled: list[str]) -> None:
        """The page's record was made, with these fields filled."""
        if node_id in self.this_run:
            self.this_run[node_id][1] = self._shared(filled)

    def this_run_pages(self) -> list[WindowPage]:
        """This run's pages, in the order they were read, for the crawl state."""
        return [(node_id, list(labels), None if fields is None else list(fields))
                for node_id, (labels, fields) in self.this_run.items()]

    def pages(self) -> list[tuple[list[str], list[str] | None]]:
        """(labels shown, filled fields or None) of each page the checks judge; nothing when this run read none."""
        this_run = [(labels, fields) for _, labels, fields in self.this_run_pages()]
        if not this_run or self.earlier is None or len(this_run) >= self.size:
            return this_run
        before = [(labels, fields) for node_id, labels, fields in self.earlier if node_id not in self.this_run]
        return this_run + before[: self.size - len(this_run)]

    def scope(self) -> str:
        """The pages judged, as a check's message names them."""
        count = len(self.pages())
        return f"the last {count} release pages" if self.earlier is not None else f"this run's {count} release pages"
