"""Fixtures: an empty Jekyll site and an empty Hugo site in tmp_path."""

from __future__ import annotations

import pytest
from validation_helpers import SiteBuilder


@pytest.fixture
def jekyll(tmp_path) -> SiteBuilder:
    b = SiteBuilder(tmp_path / "jekyll")
    b.write("_config.yml", "title: Test\nbaseurl: \"\"\n")
    return b


@pytest.fixture
def hugo(tmp_path) -> SiteBuilder:
    b = SiteBuilder(tmp_path / "hugo")
    b.write("hugo.toml", 'baseURL = "https://example.org/"\ntitle = "Test"\n')
    (b.root / "content" / "posts").mkdir(parents=True)
    return b
