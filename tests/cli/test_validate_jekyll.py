"""`galley validate` rejects what `jekyll build` rejects, checked against the real Jekyll.

Each case is a post that Jekyll 4.3 stops on or leaves out; `galley validate`
must report it as an error naming that consequence, at the right line. With
Debian's jekyll installed, each post is also built alone in a copy of the site
to show Jekyll does what the message says (skipped without it).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from editor.cli import main

HEAD = "---\ntitle: 충분히 긴 제목이 있는 글입니다 하나\n---\n"

#: file name -> (bytes, line:col, rule, words, what Jekyll does: "stops" or "drops" or "text").
CASES = {
    "2024-01-01-unclosed.md": ((HEAD + "text\n\nsee {{ page.title\n").encode(), "6:5", "liquid-error",
                               "jekyll build stops: Variable '{{' was not properly terminated", "stops"),
    "2024-01-02-unknown.md": ((HEAD + "x\n  {% tweet 1 %}\n").encode(), "5:3", "liquid-error",
                              "jekyll build stops: Unknown tag 'tweet'", "stops"),
    "2024-01-03-include.md": ((HEAD + "{% include note.html text='a' %}\n\n{% include gone.html %}\n").encode(),
                              "6:1", "liquid-error", "jekyll build stops: the included file gone.html is not in _includes",
                              "stops"),
    "2024-01-04-cp949.md": ((HEAD + "한글 본문\n").encode("cp949"), "1:1", "encoding",
                            "Jekyll cannot read it and leaves the post out of the site", "drops"),
    "2024-01-05-toml.md": (b'+++\ntitle = "a title that is long enough for us"\n+++\nbody\n', "1:1",
                           "front-matter-format", "this TOML front matter is published as the post's text", "text"),
}


def make_site(root: Path, posts: dict[str, bytes]) -> Path:
    (root / "_posts").mkdir(parents=True)
    (root / "_includes").mkdir()
    (root / "_config.yml").write_text("title: Blog\n", encoding="utf-8")
    (root / "_includes" / "note.html").write_text("{{ include.text }}", encoding="utf-8")
    for name, data in posts.items():
        (root / "_posts" / name).write_bytes(data)
    return root


def test_validate_reports_what_jekyll_rejects(tmp_path, capsys):
    site = make_site(tmp_path / "blog", {name: case[0] for name, case in CASES.items()})
    assert main(["validate", str(site)]) == 1
    out = capsys.readouterr().out
    for name, (_data, where, rule, words, _jekyll) in CASES.items():
        line = next((l for l in out.splitlines() if f"{name}:{where}: error: " in l and f"[{rule}]" in l), None)
        assert line is not None and words in line, (name, out)
    assert "Traceback" not in out


def test_a_clean_liquid_post_passes(tmp_path, capsys):
    body = HEAD + "{% if page.title %}\n\n{{ page.title | upcase }} {{ a b }}\n\n{% endif %}\n{% include note.html text='x' %}\n"
    site = make_site(tmp_path / "blog", {"2024-01-01-ok.md": body.encode()})
    assert main(["validate", str(site)]) == 0, capsys.readouterr().out


@pytest.mark.skipif(shutil.which("jekyll") is None, reason="Debian's jekyll is not installed")
@pytest.mark.parametrize("name", sorted(CASES))
def test_jekyll_does_what_the_message_says(tmp_path, name):
    data, _where, _rule, _words, consequence = CASES[name]
    site = make_site(tmp_path / "blog", {name: data})
    run = subprocess.run(["jekyll", "build", "-q"], cwd=site, capture_output=True, text=True, timeout=120)
    built = list((site / "_site").rglob("*.html")) if (site / "_site").is_dir() else []
    if consequence == "stops":
        assert run.returncode != 0, run.stdout + run.stderr
    elif consequence == "drops":
        assert run.returncode == 0 and built == [], (run.stdout + run.stderr, built)
    else:  # the head is published as text
        assert run.returncode == 0 and len(built) == 1
        assert "+++" in built[0].read_text(encoding="utf-8")


#: Bodies on the edge of Liquid's syntax: Galley's verdict must be Jekyll's.
EDGE = [
    "{{ page.title | }}", "{{ a b }}", "{{ }}", "{{ a | append: 'x' 'y' }}", "{% if a %}x{% else if b %}y{% endif %}",
    "{% for x %}y{% endfor %}", "{% assign %}", "{% endfor %}", "{% if %}x{% endif %}", "{{ a }",
    "{% include note.html bad %}", "{% include note.html a=1 b='2' c=page.title %}", "{% raw %}{{ x{% endraw %}",
    "{% comment %}{% nonsense %}{% endcomment %}", "{% highlight %}x{% endhighlight %}",
    "{% highlight ruby linenos %}x{% endhighlight %}", "{% capture x %}y", "{%- if true -%}x{%- endif -%}",
]


@pytest.mark.skipif(shutil.which("jekyll") is None, reason="Debian's jekyll is not installed")
@pytest.mark.parametrize("body", EDGE)
def test_liquid_verdict_equals_jekylls(tmp_path, body, capsys):
    site = make_site(tmp_path / "blog", {"2024-01-01-a.md": (HEAD + body + "\n").encode()})
    jekyll_fails = subprocess.run(["jekyll", "build", "-q"], cwd=site, capture_output=True,
                                  timeout=120).returncode != 0
    galley_fails = main(["validate", str(site / "_posts")]) == 1
    assert galley_fails == jekyll_fails, capsys.readouterr().out
