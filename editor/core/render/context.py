"""What the template preprocessors may look up: the site and the page."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Mapping

from editor.core.render.model import SiteInfo
from editor.core.render.urls import content_url, jekyll_url, join_url


@dataclass(frozen=True)
class TemplateContext:
    site: SiteInfo
    front_matter: Mapping[str, Any]
    post_path: Path | None

    @cached_property
    def page_url(self) -> str:
        if self.site.generator in ("hugo", "zola") and self.post_path is not None:
            return content_url(self.post_path, self.front_matter, self.site.root)
        return jekyll_url(self.post_path, self.front_matter, self.site.config, self.site.root)

    def url_for(self, path: Path, front_matter: Mapping[str, Any]) -> str:
        """Site URL (with baseurl) of another file of this site."""
        if self.site.generator in ("hugo", "zola"):
            url = content_url(path, front_matter, self.site.root)
        else:
            url = jekyll_url(path, front_matter, self.site.config, self.site.root)
        return join_url(self.site.baseurl, url) if self.site.baseurl else url
