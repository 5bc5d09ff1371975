"""The taxonomy terms of a post (tags, categories, ...) as its generator reads them.

Apart from the context so the rules can use it without the site-wide facts.
"""

from __future__ import annotations

from typing import Any, Iterable

__all__ = ["split_terms", "taxonomy_values"]

_TERM_TYPES = (str, int, float)


def split_terms(value: Any, split_words: bool) -> list[str]:
    """Terms of a tags/categories value: a list, or a string (Jekyll splits it on spaces)."""
    if isinstance(value, str):
        return value.split() if split_words else ([value] if value.strip() else [])
    if isinstance(value, list | tuple):
        # A tuple of types, not `str | int | float`: that union is made anew for each item.
        return [str(v) for v in value if isinstance(v, _TERM_TYPES) and not isinstance(v, bool)]
    return []


def taxonomy_values(front_matter: dict, generator: str, taxonomies: Iterable[str]
                    ) -> list[tuple[str, str, list[str]]]:
    """[(taxonomy, front-matter key, terms)] of a post, as its generator reads them."""
    split_words = generator in ("jekyll", "unknown")
    source = front_matter
    prefix = ""
    if generator == "zola" and isinstance(front_matter.get("taxonomies"), dict):
        source, prefix = front_matter["taxonomies"], "taxonomies."
    out = []
    for name in taxonomies:
        keys = (name, "category") if (name == "categories" and generator != "hugo") else (name,)
        if name == "tags" and generator != "hugo":
            keys = ("tags", "tag")
        for key in keys:
            if key in source:
                out.append((name, prefix + key, split_terms(source[key], split_words)))
    return out
