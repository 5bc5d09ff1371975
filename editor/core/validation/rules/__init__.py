"""The rule set: each rule id, its default severity, and the check that finds it.

A check is `check(post: PostView, ctx: ValidationContext) -> iterable of
Diagnostic`; one check may report several related ids (the parse errors all
come from one place). `registry.py` holds the `check` decorator the rule
modules register with; `all.py` imports every rule module and gives the rule
set in run order (`CHECKS`, `DEFAULT_SEVERITY`, `RULE_IDS`). This package
imports nothing itself, so a rule module importing the registry does not load
the others. Modules, one per group of rules:

- source.py: encoding, binary-file, front-matter-missing, the parse errors
- fields.py: required-field, field-type, field-value
- dates.py: date-format, filename-date-mismatch, future-date
- links.py: image-missing, broken-link
- markup.py: html-unclosed-tag, liquid-unbalanced
- vocabulary.py: new-tag
- content.py: empty-body, title-length, excerpt-length
"""

