"""Documents built to hurt a Markdown renderer: deep nesting, unclosed
brackets, long runs of one construct. Shared by the render tests, the CLI
test and bench/bench_hostile.py."""

from __future__ import annotations


def families(size: int = 100_000) -> dict[str, str]:
    """Each family's document, about `size` characters long."""
    def fill(unit: str) -> str:
        return unit * max(1, size // len(unit))

    return {
        "dashes": fill("- "),
        "nested_list": "".join("  " * i + "- x\n" for i in range(min(250, size // 250 + 1))),
        "nested_list_4": "".join("    " * i + "- x\n" for i in range(min(250, size // 500 + 1))),
        "blockquotes": ">" * min(size, 1000) + " x\n",
        "blockquote_lines": "".join(">" * i + " x\n" for i in range(1, min(400, size // 200 + 2))),
        "quote_list": "> - " * min(300, size // 4) + "x\n",
        "emphasis": "*" * (size // 2) + "x" + "*" * (size // 2),
        "strong": "**" * (size // 4) + "x" + "**" * (size // 4),
        "brackets": "[" * (size // 2) + "x" + "]" * (size // 2),
        "link_nest": "[" * (size // 5) + "x" + "](y)" * (size // 5),
        "unclosed_links": fill("[a]("),
        "titled_links": fill('[a]("'),
        "footnotes": "".join(f"x[^{i}]\n" for i in range(size // 24))
                     + "\n" + "".join(f"[^{i}]: n{i}\n" for i in range(size // 24)),
        "html_inline": "<span>" * (size // 13) + "x" + "</span>" * (size // 13),
        "html_block": "<div>\n" * (size // 13) + "x\n" + "</div>\n" * (size // 13),
        "md_in_html": '<div markdown="1">\n' * min(500, size // 26) + "x\n" + "</div>\n" * min(500, size // 26),
        "headings": fill("# h\n"),
        "backticks": fill("`"),
        "liquid": fill("{{"),
        "shortcodes": fill("{{< x "),
        "shortcode_strings": fill('{{< x "'),
        "zola_shortcodes": fill("{% x( "),
        "zola_inline": fill("{{ x("),
        "backtick_runs": fill("``x`"),
        "flat_emphasis": fill("*a* "),
        "smart_quotes": fill("'\""),
        "definitions": fill("t\n: d\n"),
        "references": "".join(f"[l{i}]: /u{i}\n" for i in range(size // 26))
                      + "".join(f"[x][l{i}] " for i in range(size // 26)),
        "table": "|a|b|\n|-|-|\n" + fill("|x|y|\n"),
        "abbreviations": fill("*[a]: b\na\n"),
        "pipe_headings": fill("# h|x\n"),
        "pipe_rows": fill("a | b\n"),
    }


def realistic_post(size: int) -> str:
    """A long ordinary post: headings, paragraphs, lists, code, links, images."""
    section = (
        "## A section heading\n\n"
        "Some *emphasis*, a [link](https://example.org/page \"title\"), `code`, and an image "
        "![alt](/assets/a.png). 한국어 문장도 섞여 있습니다. Footnote here.[^n]\n\n"
        "- one item\n- two with **strong**\n  - nested item\n\n"
        "1. first\n2. second\n\n"
        "> a quotation that goes on for a while, quite a while.\n\n"
        "```python\ndef f(x):\n    return x * 2\n```\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n"
    )
    body = section * max(1, size // len(section))
    return body + "\n[^n]: The note.\n"
