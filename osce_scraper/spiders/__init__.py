"""Spiders: crawling only (which URLs, in what order, when to stop)."""
