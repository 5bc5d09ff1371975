"""Property tests: generated YAML front matter round-trips, and set → get holds."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core.post.document import Document

KEYS = st.one_of(
    st.from_regex(r"[a-z][a-z0-9_]{0,10}", fullmatch=True),
    st.sampled_from(["제목", "태그", "カテゴリ", "分类", "emoji_🎉"]),
)
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), max_size=24)
SCALARS = st.one_of(
    TEXT,
    st.sampled_from(["안녕하세요 세계", "이모지 🎉✨", "colon: inside", "# not comment", "10:00", "yes", "012345"]),
    st.integers(-10**6, 10**6),
    st.booleans(),
    st.dates(dt.date(1990, 1, 1), dt.date(2100, 1, 1)),
    st.datetimes(dt.datetime(1990, 1, 1), dt.datetime(2100, 1, 1),
                 timezones=st.sampled_from([dt.timezone.utc, dt.timezone(dt.timedelta(hours=9))]))
    .map(lambda d: d.replace(microsecond=0)),
)
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=3)), max_leaves=8)


def render_scalar(value, quote: str) -> str:
    from editor.core.post.yaml_emit import Style, emit_scalar

    return emit_scalar(value, Style(quote='"' if quote == "plain" else quote),
                       old_quote=None if quote == "plain" else quote)


@st.composite
def documents(draw):
    """Front matter text in mixed styles, with its expected values."""
    data = draw(st.dictionaries(KEYS, VALUES, min_size=1, max_size=6))
    lines = []
    for key, value in data.items():
        if draw(st.booleans()):
            lines.append(f"# {draw(st.sampled_from(['주석', 'comment', '注釈']))}")
        if isinstance(value, (list, dict)) and value and draw(st.booleans()):
            from editor.core.post.yaml_emit import Style, emit_entry, emit_key
            style = Style(seq_offset=draw(st.sampled_from([0, 2])), flow_lists=False)
            # Plain where YAML reads the key back as the same string (not
            # `no:`, which YAML 1.1 reads as False), quoted otherwise.
            lines.extend(emit_entry(emit_key(key, style), value, style, 0))
        elif isinstance(value, (list, dict)):
            from editor.core.post.yaml_emit import Style, emit_flow
            lines.append(f"{json.dumps(key, ensure_ascii=False)}: {emit_flow(value, Style())}")
        else:
            quote = draw(st.sampled_from(["plain", '"', "'"]))
            comment = " # 끝" if draw(st.booleans()) else ""
            lines.append(f"{json.dumps(key, ensure_ascii=False)}: {render_scalar(value, quote)}{comment}")
        if draw(st.booleans()):
            lines.append("")
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    text = "---" + newline + newline.join(lines) + newline + "---" + newline + "본문" + newline
    return text, data


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_generated_front_matter_round_trips(case):
    text, data = case
    doc = Document.from_text(text)
    assert doc.front_matter_error is None, doc.front_matter_error
    assert doc.front_matter == data
    assert doc.text == text
    assert Document.from_bytes(text.encode("utf-16")).to_bytes() == text.encode("utf-16")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(), st.data())
def test_set_then_get_returns_what_was_set(case, data):
    text, values = case
    doc = Document.from_text(text)
    key = data.draw(st.sampled_from(sorted(values)))
    new = data.draw(VALUES)
    doc.set((key,), new)
    assert doc.get((key,)) == new
    reread = Document.from_text(doc.text)
    assert reread.get((key,)) == new
    assert {k: v for k, v in reread.front_matter.items() if k != key} == \
        {k: v for k, v in values.items() if k != key}
    assert reread.body == "본문" + doc.newline
