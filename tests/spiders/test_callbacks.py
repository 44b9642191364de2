"""The spider's callbacks return no value: settings.py turns off Scrapy's check of it at every response."""

from __future__ import annotations

import pytest
from scrapy.utils.misc import is_generator_with_return_value

from osce_scraper import settings
from osce_scraper.spiders.press_releases import PressReleasesSpider


def test_scrapy_does_not_read_the_callbacks_source_at_every_response():
    assert settings.WARN_ON_GENERATOR_RETURN_VALUE is False


@pytest.mark.parametrize("name", ["parse_listing", "parse_release"])
def test_no_generator_callback_returns_a_value(name):
    assert not is_generator_with_return_value(getattr(PressReleasesSpider, name))
