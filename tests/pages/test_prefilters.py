"""The cheap tests run ahead of a regex let through every text the regex matches."""

from __future__ import annotations

from osce_scraper.pages.release import _FURNITURE_OPENINGS, _FURNITURE_RE

# Every character re.IGNORECASE takes for an ASCII letter lies in the Basic Multilingual Plane.
BMP = [chr(code) for code in range(0x10000)]


def test_every_character_a_furniture_line_can_open_with_is_an_opening():
    tails = ["", "opyright", "rint", "ack to top", "ewsroom", "kip to", "hoto:", "redit:", "photo:", "ags:", "eywords:"]
    opening = {char for char in BMP for tail in tails if _FURNITURE_RE.match(char + tail)}
    assert opening == _FURNITURE_OPENINGS
