"""New tags and categories: fine on purpose, a typo by accident.

A term no other post uses is reported as info, with "did you mean" when one
in use is nearly the same: same letters in another case or spacing
(`Python`/`python`, `개발 `/`개발`, `machine-learning`/`machine learning`),
or a close spelling (`pyhton`).
"""

from __future__ import annotations

import difflib
import re
import unicodedata

from ..context import taxonomy_values
from . import INFO, check, diagnostic

_SEPARATORS = re.compile(r"[\s_\-.]+")


def normalize(term: str) -> str:
    """The form two spellings of one term share: NFC, case-folded, no spaces or dashes."""
    return _SEPARATORS.sub("", unicodedata.normalize("NFC", term).casefold())


def suggest(term: str, known: list[str]) -> str | None:
    key = normalize(term)
    same = [k for k in known if normalize(k) == key and k != term]
    if same:
        return same[0]
    close = difflib.get_close_matches(key, [normalize(k) for k in known], n=1, cutoff=0.8)
    if close:
        return next(k for k in known if normalize(k) == close[0])
    return None


@check("new-tag", new_tag=INFO)
def check_new_terms(post, ctx):
    if post.front_matter_error is not None or not ctx.vocabulary:
        return
    for taxonomy, key, terms in taxonomy_values(post.front_matter, ctx.generator,
                                                list(ctx.vocabulary)):
        counter = ctx.vocabulary.get(taxonomy)
        if not counter:
            continue
        known = None
        for i, term in enumerate(terms):
            if any(ctx.uses_elsewhere(post.relpath, t, term) > 0 for t in ctx.vocabulary):
                continue
            if known is None:  # most used first, so a suggestion is the usual spelling
                known = [t for t in ctx.terms(taxonomy)
                         if ctx.uses_elsewhere(post.relpath, taxonomy, t) > 0]
                if not known:
                    break  # nothing else in use: every term would be "new"
            singular = {"tags": "tag", "categories": "category"}.get(taxonomy, taxonomy)
            hint = suggest(term, known)
            location = post.key_location(tuple(key.split(".")) + (i,)) or post.where(key)
            yield diagnostic("new-tag", INFO,
                             f"new {singular} {term!r}: no other post uses it", location,
                             key=key, fix=f"did you mean {hint!r}?" if hint else None)
