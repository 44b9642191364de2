"""Project commands for ``scrapy``: ``crawl`` that exits non-zero when a run check fails."""
