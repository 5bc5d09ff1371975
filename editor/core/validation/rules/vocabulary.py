"""New tags and categories: fine on purpose, a typo by accident.

A term no other post uses is reported as info, with "did you mean" when one
in use is nearly the same: same letters in another case or spacing
(`Python`/`python`, `개발 `/`개발`, `machine-learning`/`machine learning`),
a plural, or one typo in a longer word (`pyhton`).
"""

from __future__ import annotations

import re
import unicodedata

from editor.core.validation.rules.registry import INFO, check, diagnostic
from editor.core.validation.terms import taxonomy_values

_SEPARATORS = re.compile(r"[\s_\-.]+")


def normalize(term: str) -> str:
    """The form two spellings of one term share: NFC, case-folded, no spaces or dashes."""
    return _SEPARATORS.sub("", unicodedata.normalize("NFC", term).casefold())


def suggest(term: str, known: list[str]) -> str | None:
    """The term in use that `term` is most likely a slip of, or None.

    Only near-certain slips: the same letters in another case or spacing, a
    plural of the same word, or one typo (a wrong, missing, extra or swapped
    letter) in a word of five letters or more. A looser similarity proposes
    `file` for `filter` and `파일` for `컴파일`, which helps nobody.
    """
    key = normalize(term)
    normalized = [(normalize(k), k) for k in known if k != term]
    for form, original in normalized:
        if form == key:
            return original
    for form, original in normalized:
        if _plural_pair(key, form):
            return original
    if len(key) >= 5:
        for form, original in normalized:
            if abs(len(form) - len(key)) <= 1 and len(form) >= 5 and one_typo(key, form):
                return original
    return None


def _plural_pair(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return long in (short + "s", short + "es") or (short.endswith("y") and long == short[:-1] + "ies")


def one_typo(a: str, b: str) -> bool:
    """Damerau-Levenshtein distance of exactly one."""
    if a == b:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (len(diff) == 2 and diff[1] == diff[0] + 1
                and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


@check("new-tag", site_wide=True, new_tag=INFO)
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
            message_id = {"tags": "new-tag", "categories": "new-tag/category"}.get(
                taxonomy, "new-tag/taxonomy")
            hint = suggest(term, known)
            location = (post.key_location(tuple(key.split(".")) + (i,))
                        or post.find_in_entry(key, term) or post.where(key))
            extra = {"taxonomy": taxonomy} if message_id == "new-tag/taxonomy" else {}
            if hint:
                extra["hint"] = repr(hint)
            yield diagnostic(message_id, INFO, location, key=key,
                             fix="new-tag" if hint else None, term=repr(term), **extra)
