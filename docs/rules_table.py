"""The README's table of validation rules, made from the code.

    .venv/bin/python docs/rules_table.py           # print the table
    .venv/bin/python docs/rules_table.py --write   # put it into README.md (`make rules-doc`)

Rule ids and default severities come from the rule registry
(`editor.core.validation.rules.all`), the message variants and suggested
fixes from `editor.core.validation.messages`; only the one-line summaries
live here. A rule without a summary, or a summary for a rule that no longer
exists, is an error, and tests/test_readme_rules.py fails while the README's
table differs from this one.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
START = "<!-- rules table: made by `make rules-doc` (docs/rules_table.py), do not edit -->"
END = "<!-- end of rules table -->"

# Findings about the run rather than the post: not in the registry (no check
# reports them), so their severities are stated here (editor/core/validation/checks.py).
RUN_RULES = {"internal-error": "warning", "io-error": "error"}

SUMMARIES = {
    "encoding": "the file is not UTF-8 (an error in a Jekyll site, which skips such a file)",
    "binary-file": "a binary file where a post is expected",
    "yaml-syntax": "the YAML front matter does not parse (where the parser stopped, and why)",
    "toml-syntax": "the TOML front matter does not parse",
    "json-syntax": "the JSON front matter does not parse",
    "unsafe-yaml-tag": "a `!!python/...` tag, which could run code: refused, never constructed",
    "duplicate-key": "a key written twice in the front matter",
    "front-matter-unclosed": "the front matter's closing delimiter is missing",
    "front-matter-limit": "front matter too large, nested too deep, or aliases that would expand too far",
    "front-matter-format": "TOML or JSON front matter in a Jekyll site, which publishes it as text",
    "front-matter-missing": "a file in a posts folder without front matter (an error for Zola)",
    "required-field": "a field the schema requires is missing or empty (a warning when only guessed "
                      "from the other posts, or for a Jekyll title, which Jekyll makes from the file name)",
    "field-type": "a value of the wrong type for its field (text, number, date, boolean, list, map)",
    "field-value": "a value outside its field's choices, pattern or length",
    "date-format": "a date the generator cannot read",
    "filename-date-mismatch": "a Jekyll post's file name and its `date` disagree",
    "future-date": "a post dated in the future, which the generator will not publish yet",
    "image-missing": "an image (in the body or an image field) that is not in the site",
    "broken-link": "a link to a page or post that is not in the site (`post_url`, `link`, Hugo `ref`)",
    "html-unclosed-tag": "an HTML element never closed: the rest of the page ends up inside it",
    "liquid-unbalanced": "a Liquid block without its end tag (or an end without its block): Jekyll stops",
    "liquid-error": "Liquid that stops `jekyll build`: a syntax error, an unknown tag, a missing include",
    "new-tag": "a tag, category or taxonomy term no other post uses (often a typo)",
    "empty-body": "nothing after the front matter",
    "title-length": "a title shorter or longer than search results show well (display columns)",
    "excerpt-length": "an excerpt, description or summary shorter or longer than search results show",
    "preview-differs": "a construct the fast preview knows it renders unlike the site's generator",
    "internal-error": "a rule itself failed on the post; the other rules still ran",
    "io-error": "the file cannot be read",
}


def rules() -> list[tuple[str, str, int, bool]]:
    """(rule id, default severity, message variants, has a suggested fix), in run order."""
    from editor.core.validation.messages import FIXES, MESSAGES, rule_of
    from editor.core.validation.rules.all import DEFAULT_SEVERITY

    severities = {**DEFAULT_SEVERITY, **RUN_RULES}
    in_messages = {rule_of(m) for m in MESSAGES}
    missing = sorted((set(severities) | in_messages) - set(SUMMARIES))
    stale = sorted(set(SUMMARIES) - set(severities) - in_messages)
    unknown = sorted(in_messages - set(severities))
    if missing or stale or unknown:
        raise SystemExit(f"docs/rules_table.py: rules without a summary {missing}, summaries of no rule "
                         f"{stale}, messages of a rule with no severity {unknown}")
    fixed = {rule_of(f) for f in FIXES}
    return [(rule, severity, sum(rule_of(m) == rule for m in MESSAGES), rule in fixed)
            for rule, severity in severities.items()]


def table() -> str:
    lines = ["| Rule | Default | Finds | Fix hint |", "|---|---|---|---|"]
    for rule, severity, _variants, fix in rules():
        lines.append(f"| `{rule}` | {severity} | {SUMMARIES[rule]} | {'yes' if fix else ''} |")
    return "\n".join(lines)


def block() -> str:
    return f"{START}\n{table()}\n{END}"


def readme_block(text: str) -> str | None:
    start, end = text.find(START), text.find(END)
    if start < 0 or end < start:
        return None
    return text[start:end + len(END)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="replace the table in README.md")
    args = parser.parse_args(argv)
    if not args.write:
        print(table())
        return 0
    text = README.read_text(encoding="utf-8")
    old = readme_block(text)
    if old is None:
        print(f"docs/rules_table.py: README.md has no `{START}` ... `{END}` block", file=sys.stderr)
        return 1
    README.write_text(text.replace(old, block()), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
