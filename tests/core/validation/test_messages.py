"""The diagnostics catalogue (messages.py): every rule id has a template, every
finding is its template filled in with plain parameters, and every template is
a literal lupdate can extract."""

from __future__ import annotations

import ast
import shutil
import string
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from editor.core.validation import messages
from editor.core.validation.messages import FIXES, MESSAGES, rule_of
from editor.core.validation.rules.all import RULE_IDS
from validation_helpers import SiteBuilder

#: Reported by the runner for a file it cannot read; no rule check owns it.
RUNNER_IDS = {"io-error"}


def placeholders(template: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template)
            if name is not None}


def test_every_rule_id_has_a_template_and_every_template_a_rule():
    rules_with_text = {rule_of(mid) for mid in MESSAGES}
    assert RULE_IDS | RUNNER_IDS == rules_with_text
    for fix_id in FIXES:
        assert rule_of(fix_id) in RULE_IDS | RUNNER_IDS, fix_id


def test_templates_name_their_parameters_plainly():
    # A positional `{}` or a conversion (`{x!r}`) cannot be filled in the same way
    # from a translation: the rules pass the value already shown (repr(value)).
    for template in [*MESSAGES.values(), *FIXES.values()]:
        for _text, name, spec, conversion in string.Formatter().parse(template):
            if name is None:
                continue
            assert name.isidentifier() and not spec and conversion is None, template


def test_each_template_is_a_literal_in_a_qt_translate_noop_call():
    """lupdate extracts only literal strings: every catalogue entry is
    QT_TRANSLATE_NOOP("Diagnostics", "<literal>")."""
    tree = ast.parse(Path(messages.__file__).read_text(encoding="utf-8"))
    values = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) \
                and node.target.id in ("MESSAGES", "FIXES"):
            assert isinstance(node.value, ast.Dict)
            for key, value in zip(node.value.keys, node.value.values):
                assert isinstance(key, ast.Constant), ast.unparse(key)
                assert isinstance(value, ast.Call) and ast.unparse(value.func) == "QT_TRANSLATE_NOOP", \
                    ast.unparse(value)
                context, text = value.args
                assert isinstance(context, ast.Constant) and context.value == messages.CONTEXT
                assert isinstance(text, ast.Constant) and isinstance(text.value, str), ast.unparse(text)
                values[(node.target.id, key.value)] = text.value
    assert values == {**{("MESSAGES", k): v for k, v in MESSAGES.items()},
                      **{("FIXES", k): v for k, v in FIXES.items()}}


@pytest.mark.skipif(shutil.which("pyside6-lupdate", path=str(Path(__import__("sys").executable).parent))
                    is None, reason="pyside6-lupdate is not installed")
def test_lupdate_extracts_every_template(tmp_path):
    import sys

    tool = Path(sys.executable).parent / "pyside6-lupdate"
    ts = tmp_path / "diagnostics.ts"
    subprocess.run([str(tool), messages.__file__, "-ts", str(ts)], check=True,
                   capture_output=True, timeout=120)
    found = {(c.findtext("name"), m.findtext("source"))
             for c in ET.parse(ts).getroot().iter("context") for m in c.iter("message")}
    assert found == {(messages.CONTEXT, text) for text in [*MESSAGES.values(), *FIXES.values()]}


POSTS = {
    "_config.yml": "title: Blog\ntimezone: Asia/Seoul\n",
    "galley.toml": """
[fields.title]
type = "string"
required = true
max_length = 60
[fields.draft]
type = "boolean"
[fields.weight]
type = "number"
[fields.kind]
choices = ["note", "essay"]
[fields.code]
pattern = "[a-z]+"
min_length = 3
[fields.tags]
type = "list"
min_length = 1
max_length = 2
[fields.cover]
type = "object"
required = true
fields = { src = { type = "image", required = true } }
[fields.when]
type = "date"
""",
    "_posts/2024-01-01-a.md": "---\ntitle: 좋은 제목이 있는 글입니다 하나\ntags: [python, go]\n---\nText.\n",
    "_posts/2024-01-02-b.md": "---\ntitle: 좋은 제목이 있는 글입니다 둘\ntags: [python]\n---\nText.\n",
    "_posts/2024-01-03-odd.md": (
        "---\ntitle: 'x'\ndate: 2024-01-05\ndraft: 'yes'\nweight: '3'\nkind: poem\ncode: AB\n"
        "tags: [Pyhton, go, rust]\ncover: {alt: a}\nwhen: [1]\nimage: /missing.png\n"
        "description: short\n---\n<div>\n{% if x %}\n{% endfor %}\n"
        "[a](/no/such/page/) ![i](/nope.png) {% post_url 2000-01-01-none %} {% link nope.md %}\n"),
    "_posts/2024-01-04-types.md": (
        "---\ntitle: true\ndraft: maybe\nweight: many\ntags: {a: 1}\ncover: 3\nwhen: 4\n"
        "code: abcdefghijklmnopqrstuvwxyz0\n---\nText.\n"),
    "_posts/2024-01-05-list.md": "---\ntitle: [a]\ntags: 'a b c'\n---\nText.\n",
    "_posts/2024-01-06-nofm.md": "no front matter\n",
    "_posts/2024-01-07-broken.md": "---\ntitle: a\nlayout:post\n  x: : y\n---\n",
    "_posts/2024-01-08-dup.md": "---\ntitle: a good title for a post\ntitle: again\n---\nText\n",
    "_posts/2024-01-09-empty.md": "---\ntitle: 'the title of an empty post'\n---\n",
    "_posts/2099-01-01-future.md": "---\ntitle: 'a post from the future, far away'\n---\nText\n",
    "_posts/2024-01-10-latin1.md": "---\ntitle: caf\xe9 au lait and more words\n---\nText\n".encode("latin-1"),
    "_posts/2024-01-11-bin.md": b"\x00\x01\x02binary",
    "_includes/note.html": "{{ include.text }}",
    "_posts/2024-01-12-tag.md": "---\ntitle: 좋은 제목이 있는 글입니다 셋\n---\n{% tweet 1 %}\n",
    "_posts/2024-01-13-include.md": "---\ntitle: 좋은 제목이 있는 글입니다 넷\n---\n{% include gone.html %}\n",
    "_posts/2024-01-14-toml.md": '+++\ntitle = "좋은 제목이 있는 글입니다 다섯"\n+++\nText.\n',
}


def test_every_finding_is_its_template_filled_in_with_plain_parameters(tmp_path):
    site = SiteBuilder(tmp_path / "blog")
    for rel, content in POSTS.items():
        site.write(rel, content)
    ctx = site.context()
    found = [d for rel in POSTS if rel.startswith("_posts/") for d in site.check(rel, context=ctx)]
    assert len({d.rule for d in found}) >= 15, sorted({d.rule for d in found})
    seen = set()
    for d in found:
        # The parse rules share one template ("{detail}"): the id is the rule's.
        ids = [mid for mid, text in MESSAGES.items() if text == d.template and rule_of(mid) == d.rule]
        assert len(ids) == 1, d
        seen.add(ids[0])
        params = dict(d.params)
        assert list(params) == sorted(params), d.params
        assert all(type(v) in (str, int, float) for v in params.values()), d.params
        assert placeholders(d.template) <= set(params), d
        assert d.template.format(**params) == d.message
        if d.fix is not None:
            assert d.fix_template in FIXES.values() and placeholders(d.fix_template) <= set(params)
            assert d.fix_template.format(**params) == d.fix
        else:
            assert d.fix_template == ""
    # The variants the odd posts above are built to reach.
    assert {"required-field/subfield", "field-type/boolean-text", "field-type/number-text",
            "field-type/text-not-boolean", "field-type/text-not-list", "field-type/map",
            "field-type/date", "field-value", "field-value/pattern", "field-value/few-characters",
            "field-value/many-items", "liquid-unbalanced/stray-end", "broken-link/post-url",
            "broken-link/link-tag", "image-missing/field", "encoding/jekyll", "binary-file",
            "future-date/file-name", "front-matter-missing/jekyll", "liquid-error",
            "liquid-error/include", "front-matter-format"} <= seen, sorted(seen)


def test_a_rule_that_raises_and_an_unreadable_file_report_through_templates(tmp_path):
    from editor.core.validation.checks import unreadable

    d = unreadable(PermissionError(13, "Permission denied"), "/x.md")
    assert (d.rule, d.message, d.path) == ("io-error", "cannot read the file: Permission denied", "/x.md")
    assert d.template == MESSAGES["io-error"] and d.params == (("reason", "Permission denied"),)
