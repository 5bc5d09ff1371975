"""The kramdown syntax Jekyll posts use that Python-Markdown does not know.

A Python-Markdown preprocessor (extension API):
- `{: .class #id}` on the line after an ATX heading is joined to the heading,
  where attr_list reads it (after a paragraph attr_list already reads it);
- `{::comment}…{:/comment}` and `{::options …/}` are dropped;
- `* TOC` + `{:toc}` (kramdown's table of contents) and `[TOC]` become a
  marker the incremental renderer fills with the document's headings (toc.py);
- `#해시태그` (no space after the hashes) is a paragraph, not a heading, in
  kramdown and in CommonMark (Hugo): the `#` is escaped (not inside code);
- a list or a code fence straight after a paragraph line starts a list / a
  fence in kramdown's GFM parser and in CommonMark (ordered lists only from
  `1.`), where Python-Markdown would glue it to the paragraph: a blank line is
  inserted before it (never inside a fence or a list).
"""

from __future__ import annotations

import re

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from editor.core.render.markup import CodeRanges
from editor.core.render.toc import ORDERED_PLACEHOLDER_HTML, PLACEHOLDER_HTML

_HEADING = re.compile(r"^#{1,6}[ \t]+\S")
_IAL = re.compile(r"^[ ]{0,3}\{:(?!:)[^}\n]*\}[ \t]*$")
_TOC = re.compile(r"^[ ]{0,3}(?:[*+-]|(\d+\.))[ \t]+.*\n[ ]{0,3}\{:[ \t]*toc[ \t]*\}[ \t]*$", re.M)
_FENCE_LINE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
_ANY_ITEM = re.compile(r"^[ ]{0,3}(?:[*+-]|\d{1,9}[.)])[ \t]+\S")
_INTERRUPTING_ITEM = re.compile(r"^[ ]{0,3}(?:[*+-]|1[.)])[ \t]+\S")
_NOT_PARAGRAPH = re.compile(r"^(?:[ ]{4}|\t|[ ]{0,3}(?:#|>|\||<|\{:|[-=*_]{3,}\s*$|\[\^?[^\]]*\]:))")
_HASHTAG = re.compile(r"^(#{1,6})(?=[^#\s])", re.M)
_TOC_PM = re.compile(r"^[ ]{0,3}\[TOC\][ \t]*$", re.M)
_COMMENT = re.compile(r"\{::comment\}.*?\{:/(?:comment)?\}", re.S)
_OPTIONS = re.compile(r"\{::options\b[^}]*/\}")


def _interrupt(lines: list[str]) -> list[str]:
    out: list[str] = []
    fence: str | None = None
    in_list = False
    prev_para = False
    for line in lines:
        if fence is not None:
            out.append(line)
            if line.strip().startswith(fence) and set(line.strip()) == {fence[0]}:
                fence = None
            continue
        if not line.strip():
            in_list = prev_para = False
            out.append(line)
            continue
        m = _FENCE_LINE.match(line)
        if m:
            if prev_para and not in_list:
                out.append("")
            fence = m.group(1)
            prev_para = False
            out.append(line)
            continue
        if _ANY_ITEM.match(line):
            if prev_para and not in_list and _INTERRUPTING_ITEM.match(line):
                out.append("")
            in_list = True
            prev_para = False
            out.append(line)
            continue
        prev_para = not _NOT_PARAGRAPH.match(line)
        out.append(line)
    return out


class _Kramdown(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        lines = _interrupt(lines)
        text = "\n".join(lines)
        if "#" in text and _HASHTAG.search(text):
            code = CodeRanges(text)
            text = _HASHTAG.sub(lambda m: m.group(0) if m.start() in code else "\\" + m.group(1), text)
        if "[TOC]" in text:
            code = CodeRanges(text)
            text = _TOC_PM.sub(lambda m: m.group(0) if m.start() in code else "\n" + PLACEHOLDER_HTML + "\n", text)
        if "{:" not in text:
            return text.split("\n")
        text = _COMMENT.sub("", text)
        text = _OPTIONS.sub("", text)
        if "toc" in text:
            code = CodeRanges(text)
            text = _TOC.sub(lambda m: m.group(0) if m.start() in code else "\n\n" + (
                ORDERED_PLACEHOLDER_HTML if m.group(1) else PLACEHOLDER_HTML) + "\n\n", text)
        out: list[str] = []
        for line in text.split("\n"):
            if out and _IAL.match(line) and _HEADING.match(out[-1]):
                out[-1] = out[-1].rstrip() + " " + line.strip()
                continue
            out.append(line)
        return out


class KramdownExtension(Extension):
    def extendMarkdown(self, md) -> None:
        # Before the raw HTML extractor (20) and fenced code (25).
        md.preprocessors.register(_Kramdown(md), "galley_kramdown", 27)
