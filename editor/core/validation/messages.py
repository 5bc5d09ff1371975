"""The English text of every diagnostic, one template per message id.

A message id is the rule id, or `rule-id/variant` where a rule says one of
several sentences. A rule builds its finding from an id and named parameters
(`rules.registry.diagnostic`); the finding keeps the template and the
parameters, so the window can show the sentence translated, and its English
`message` (what the CLI and the JSON output print) is the template filled in.

Each template is wrapped in `QT_TRANSLATE_NOOP("Diagnostics", ...)`, a no-op
here, so `pyside6-lupdate` finds the strings without the core importing Qt.
lupdate reads only string literals: never build a template from pieces.
Templates are `str.format` strings: a literal brace is doubled (`{{% raw %}}`).
"""

from __future__ import annotations

__all__ = ["MESSAGES", "FIXES", "CONTEXT", "QT_TRANSLATE_NOOP", "rule_of"]

# The translation context of every diagnostic template.
CONTEXT = "Diagnostics"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks `text` for extraction into the catalogue under `context`; returns it unchanged."""
    return text


def rule_of(message_id: str) -> str:
    """The rule id a message id reports under ("required-field/near" → "required-field")."""
    return message_id.split("/", 1)[0]


MESSAGES: dict[str, str] = {
    # -- source: can the file be read ------------------------------------------------------
    # What the decoder or the front-matter parser said, at the place it stopped:
    # their messages are the detail.
    "encoding": QT_TRANSLATE_NOOP(
        "Diagnostics", "the file is saved as {encoding}, not UTF-8; generators read posts as "
                       "UTF-8, so its non-ASCII text will come out garbled"),
    "encoding/jekyll": QT_TRANSLATE_NOOP(
        "Diagnostics", "the file is saved as {encoding}, not UTF-8: Jekyll cannot read it and "
                       "leaves the post out of the site without a word"),
    "encoding/unreadable": QT_TRANSLATE_NOOP("Diagnostics", "{detail}"),
    "front-matter-format": QT_TRANSLATE_NOOP(
        "Diagnostics", "Jekyll reads only YAML front matter between `---` lines: this {kind} "
                       "front matter is published as the post's text"),
    "binary-file": QT_TRANSLATE_NOOP("Diagnostics", "{detail}"),
    "yaml-syntax": QT_TRANSLATE_NOOP("Diagnostics", "{detail}"),
    "toml-syntax": QT_TRANSLATE_NOOP("Diagnostics", "{detail}"),
    "json-syntax": QT_TRANSLATE_NOOP("Diagnostics", "{detail}"),
    "unsafe-yaml-tag": QT_TRANSLATE_NOOP("Diagnostics", "{detail}"),
    "duplicate-key": QT_TRANSLATE_NOOP("Diagnostics", "{detail}"),
    "front-matter-unclosed": QT_TRANSLATE_NOOP("Diagnostics", "{detail}"),
    "front-matter-limit": QT_TRANSLATE_NOOP("Diagnostics", "{detail}"),
    "front-matter-missing": QT_TRANSLATE_NOOP(
        "Diagnostics", "this file in a posts folder has no front matter: it has no title, date "
                       "or tags"),
    "front-matter-missing/jekyll": QT_TRANSLATE_NOOP(
        "Diagnostics", "this file in a posts folder has no front matter: Jekyll will publish it "
                       "with no title, date or layout of its own"),
    "front-matter-missing/hugo": QT_TRANSLATE_NOOP(
        "Diagnostics", "this file in a posts folder has no front matter: Hugo will publish it "
                       "with an empty title"),
    "front-matter-missing/zola": QT_TRANSLATE_NOOP(
        "Diagnostics", "this file in a posts folder has no front matter: Zola refuses to build a "
                       "page without front matter"),
    # -- fields ----------------------------------------------------------------------------
    "required-field": QT_TRANSLATE_NOOP("Diagnostics", "the `{field}` field is required"),
    "required-field/empty": QT_TRANSLATE_NOOP(
        "Diagnostics", "the `{field}` field is required; it is empty"),
    "required-field/jekyll-title": QT_TRANSLATE_NOOP(
        "Diagnostics", "the `{field}` field is required (Jekyll will make one from the file name)"),
    "required-field/jekyll-title-empty": QT_TRANSLATE_NOOP(
        "Diagnostics", "the `{field}` field is required (Jekyll will make one from the file "
                       "name); it is empty"),
    "required-field/expected": QT_TRANSLATE_NOOP(
        "Diagnostics", "most posts in this site have a `{field}` field; this one does not"),
    "required-field/expected-empty": QT_TRANSLATE_NOOP(
        "Diagnostics", "most posts in this site have a `{field}` field; this one does not; it "
                       "is empty"),
    "required-field/near": QT_TRANSLATE_NOOP(
        "Diagnostics", "most posts in this site write `{field}`, this one `{near}`: check which "
                       "spelling the theme reads"),
    "required-field/near-empty": QT_TRANSLATE_NOOP(
        "Diagnostics", "most posts in this site write `{field}`, this one `{near}`: check which "
                       "spelling the theme reads; it is empty"),
    "required-field/subfield": QT_TRANSLATE_NOOP("Diagnostics", "`{field}` is required"),
    "field-type/text-not-boolean": QT_TRANSLATE_NOOP(
        "Diagnostics", "`{field}` should be text, but YAML read it as true/false"),
    "field-type/text-not-list": QT_TRANSLATE_NOOP(
        "Diagnostics", "`{field}` should be a single text value, not a list"),
    "field-type/text-not-map": QT_TRANSLATE_NOOP(
        "Diagnostics", "`{field}` should be a single text value, not a map"),
    "field-type/date": QT_TRANSLATE_NOOP(
        "Diagnostics", "`{field}` should be a date such as 2021-05-10 or 2021-05-10 14:30:00 "
                       "+09:00"),
    "field-type/boolean-text": QT_TRANSLATE_NOOP(
        "Diagnostics", "`{field}` should be true or false, not the text {value} (any text "
                       "counts as true)"),
    "field-type/boolean": QT_TRANSLATE_NOOP("Diagnostics", "`{field}` should be true or false"),
    "field-type/number-text": QT_TRANSLATE_NOOP(
        "Diagnostics", "`{field}` should be a number, not the text {value}"),
    "field-type/number": QT_TRANSLATE_NOOP("Diagnostics", "`{field}` should be a number"),
    "field-type/list": QT_TRANSLATE_NOOP("Diagnostics", "`{field}` should be a list such as [a, b]"),
    "field-type/map": QT_TRANSLATE_NOOP("Diagnostics", "`{field}` should be a map of keys to values"),
    "field-value": QT_TRANSLATE_NOOP("Diagnostics", "`{field}` is {value}; allowed: {allowed}"),
    "field-value/pattern": QT_TRANSLATE_NOOP(
        "Diagnostics", "`{field}` does not match the pattern {pattern}"),
    "field-value/few-items": QT_TRANSLATE_NOOP(
        "Diagnostics", "`{field}` has {size} items; at least {limit} expected"),
    "field-value/few-characters": QT_TRANSLATE_NOOP(
        "Diagnostics", "`{field}` has {size} characters; at least {limit} expected"),
    "field-value/many-items": QT_TRANSLATE_NOOP(
        "Diagnostics", "`{field}` has {size} items; at most {limit} allowed"),
    "field-value/many-characters": QT_TRANSLATE_NOOP(
        "Diagnostics", "`{field}` has {size} characters; at most {limit} allowed"),
    # -- dates -----------------------------------------------------------------------------
    "date-format": QT_TRANSLATE_NOOP(
        "Diagnostics", "`{field}` is not a date the generator can read: {value}"),
    "filename-date-mismatch": QT_TRANSLATE_NOOP(
        "Diagnostics", "the file name says {name_date} but `date` says {date}; Jekyll uses "
                       "`date` for the URL and the order"),
    "future-date": QT_TRANSLATE_NOOP(
        "Diagnostics", "the post is dated {date}, in the future: {generator} will not publish it "
                       "until then unless the site sets {setting}"),
    "future-date/file-name": QT_TRANSLATE_NOOP(
        "Diagnostics", "the post is dated {date} (from the file name), in the future: "
                       "{generator} will not publish it until then unless the site sets {setting}"),
    # -- links and images ------------------------------------------------------------------
    "image-missing": QT_TRANSLATE_NOOP("Diagnostics", "image not found in the site: {url}"),
    "image-missing/field": QT_TRANSLATE_NOOP(
        "Diagnostics", "`{field}` names an image that is not in the site: {url}"),
    "broken-link": QT_TRANSLATE_NOOP("Diagnostics", "link to a page that is not in the site: {url}"),
    "broken-link/post-url": QT_TRANSLATE_NOOP(
        "Diagnostics", "`post_url` names no post in _posts: {target} (Jekyll stops the build)"),
    "broken-link/link-tag": QT_TRANSLATE_NOOP(
        "Diagnostics", "`link` names no file of the site: {target} (Jekyll stops the build)"),
    "broken-link/hugo-ref": QT_TRANSLATE_NOOP(
        "Diagnostics", "`ref` names no page of the site: {target} (Hugo stops the build)"),
    # -- markup ----------------------------------------------------------------------------
    "html-unclosed-tag": QT_TRANSLATE_NOOP(
        "Diagnostics", "<{tag}> is never closed; the rest of the page ends up inside it"),
    "liquid-unbalanced": QT_TRANSLATE_NOOP(
        "Diagnostics", "`{{% {tag} %}}` has no `{{% end{tag} %}}`; Jekyll stops the build of the "
                       "whole site"),
    "liquid-unbalanced/stray-end": QT_TRANSLATE_NOOP(
        "Diagnostics", "`{{% {tag} %}}` closes a `{opener}` block that was never opened; Jekyll "
                       "stops the build"),
    # What Jekyll's Liquid says, in its words (the detail), before the consequence.
    "liquid-error": QT_TRANSLATE_NOOP("Diagnostics", "jekyll build stops: {detail}"),
    "liquid-error/include": QT_TRANSLATE_NOOP(
        "Diagnostics", "jekyll build stops: the included file {name} is not in {folder}"),
    # -- vocabulary and content ------------------------------------------------------------
    "new-tag": QT_TRANSLATE_NOOP("Diagnostics", "new tag {term}: no other post uses it"),
    "new-tag/category": QT_TRANSLATE_NOOP("Diagnostics", "new category {term}: no other post uses it"),
    # A taxonomy of the site's own (Hugo `series`): its name as the site writes it.
    "new-tag/taxonomy": QT_TRANSLATE_NOOP("Diagnostics", "new {taxonomy} {term}: no other post uses it"),
    "empty-body": QT_TRANSLATE_NOOP("Diagnostics", "the post has no text after its front matter"),
    "title-length": QT_TRANSLATE_NOOP(
        "Diagnostics", "the title is {width} columns long; search results cut it after about "
                       "{high}"),
    "title-length/short": QT_TRANSLATE_NOOP(
        "Diagnostics", "the title is short ({width} columns; search results show up to {high}): "
                       "a few more words help readers find it"),
    "excerpt-length": QT_TRANSLATE_NOOP(
        "Diagnostics", "`{field}` is {width} columns; search results cut it after about {high}"),
    "excerpt-length/short": QT_TRANSLATE_NOOP(
        "Diagnostics", "`{field}` is {width} columns; search results show {low}-{high}: a "
                       "sentence more would describe the post better"),
    # -- what the fast preview renders unlike the site's generator --------------------------
    "preview-differs/abbreviation": QT_TRANSLATE_NOOP(
        "Diagnostics", "kramdown renders this abbreviation; the preview does not (it shows the "
                       "definition as text)"),
    "preview-differs/nomarkdown": QT_TRANSLATE_NOOP(
        "Diagnostics", "kramdown passes this `{{::nomarkdown}}` text through unchanged; the "
                       "preview does not"),
    "preview-differs/options": QT_TRANSLATE_NOOP(
        "Diagnostics", "kramdown applies these `{{::options}}` to the post; the preview ignores "
                       "them"),
    "preview-differs/attribute-definition": QT_TRANSLATE_NOOP(
        "Diagnostics", "kramdown defines this attribute list for the post; the preview does "
                       "not"),
    "preview-differs/math": QT_TRANSLATE_NOOP(
        "Diagnostics", "kramdown renders `$$` math for MathJax; the preview shows it as text, "
                       "`*` and `_` in it as emphasis"),
    "preview-differs/end-of-block": QT_TRANSLATE_NOOP(
        "Diagnostics", "kramdown reads this `^` as the end of a block; the preview shows it"),
    "preview-differs/heading-hash": QT_TRANSLATE_NOOP(
        "Diagnostics", "kramdown keeps the `#` at the end of this heading; the preview drops "
                       "it"),
    "preview-differs/guillemets": QT_TRANSLATE_NOOP(
        "Diagnostics", "{renderer} turns `<<` and `>>` into « and »; the preview does not"),
    "preview-differs/html-element": QT_TRANSLATE_NOOP(
        "Diagnostics", "the site publishes this <{tag}> element; the preview leaves it out"),
    "preview-differs/style-attribute": QT_TRANSLATE_NOOP(
        "Diagnostics", "the site publishes this style attribute; the preview leaves it out"),
    # -- the runner ------------------------------------------------------------------------
    "internal-error": QT_TRANSLATE_NOOP(
        "Diagnostics", "the {rules} check failed on this post ({error} at {file}:{line}); the "
                       "other rules ran"),
    "internal-error/unreadable": QT_TRANSLATE_NOOP(
        "Diagnostics", "the post could not be read ({error})"),
    "io-error": QT_TRANSLATE_NOOP("Diagnostics", "cannot read the file: {reason}"),
}

# Suggested fixes, by fix id; filled in with the same parameters as the message.
FIXES: dict[str, str] = {
    "encoding": QT_TRANSLATE_NOOP("Diagnostics", "save it as UTF-8"),
    "front-matter-unclosed": QT_TRANSLATE_NOOP(
        "Diagnostics", "add the closing delimiter line after the last front-matter line"),
    "unsafe-yaml-tag": QT_TRANSLATE_NOOP(
        "Diagnostics", "remove the `!!` tag; front matter holds plain values only"),
    "yaml-syntax/missing-space": QT_TRANSLATE_NOOP(
        "Diagnostics", "put a space after the colon of `{name}:` on line {key_line}"),
    "duplicate-key": QT_TRANSLATE_NOOP("Diagnostics", "keep one of the two entries"),
    "front-matter-missing": QT_TRANSLATE_NOOP(
        "Diagnostics", "add a front matter block (--- title: ... ---) at the top"),
    "required-field": QT_TRANSLATE_NOOP("Diagnostics", "add `{field}`"),
    "field-type/quote": QT_TRANSLATE_NOOP("Diagnostics", "put the value in quotes"),
    "field-type/unquote-boolean": QT_TRANSLATE_NOOP("Diagnostics", "write {word} without quotes"),
    "field-type/unquote": QT_TRANSLATE_NOOP("Diagnostics", "remove the quotes"),
    "date-format": QT_TRANSLATE_NOOP(
        "Diagnostics", "write it as 2021-05-10 or 2021-05-10 14:30:00 +09:00"),
    "filename-date-mismatch": QT_TRANSLATE_NOOP(
        "Diagnostics", "rename the file to {new_name} or change `date`"),
    "html-unclosed-tag": QT_TRANSLATE_NOOP("Diagnostics", "add </{tag}>"),
    "liquid-unbalanced": QT_TRANSLATE_NOOP("Diagnostics", "add `{{% end{tag} %}}`"),
    "liquid-unbalanced/stray-end": QT_TRANSLATE_NOOP("Diagnostics", "remove `{{% {tag} %}}`"),
    "liquid-error/include": QT_TRANSLATE_NOOP("Diagnostics", "create {folder}/{name}, or correct the name"),
    "front-matter-format": QT_TRANSLATE_NOOP("Diagnostics", "write the front matter as YAML between `---` lines"),
    "new-tag": QT_TRANSLATE_NOOP("Diagnostics", "did you mean {hint}?"),
}
