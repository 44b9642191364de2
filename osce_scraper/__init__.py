"""osce-scraper: osce.org's newsroom as a documented JSONL dataset."""

__version__ = "0.1.0"
