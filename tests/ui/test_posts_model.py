"""The posts model's incremental changes against a plain recomputation.

Rows change one by one (posts written, renamed or removed on disk) under any
sort column, order and filter; whatever the sequence, the rows shown must be
exactly the filtered, sorted list of every row, and the model's own index
must show the same rows (its row-change signals were consistent).
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings as hsettings, strategies as st
from PySide6.QtCore import Qt

from editor.core.site.post_rows import PostRow
from editor.ui.site.posts_model import _KEYS, PROBLEMS, PostsModel

TITLES = ["가을", "Alpha", "beta", "Zeta", "초안"]
WORDS = ["", "a", "가", "z", "tag"]


def row(i: int, title: int, day: int | None, state: int, problems: int) -> PostRow:
    date = dt.datetime(2024, 1, 1) + dt.timedelta(days=day) if day is not None else None
    text = f"{TITLES[title]} tag{i % 3}".lower()
    return PostRow(f"/site/_posts/p{i}.md", TITLES[title], date, ("draft", "published", "scheduled")[state],
                   (), (f"tag{i % 3}",), problems, text)


rows = st.builds(row, st.integers(0, 7), st.integers(0, 4), st.one_of(st.none(), st.integers(0, 3)),
                 st.integers(0, 2), st.integers(0, 2))
steps = st.lists(st.one_of(
    st.tuples(st.just("write"), rows),
    st.tuples(st.just("remove"), st.integers(0, 7)),
    st.tuples(st.just("sort"), st.sampled_from(sorted(_KEYS)), st.booleans()),
    st.tuples(st.just("filter"), st.sampled_from(WORDS), st.sampled_from([None, "draft", "published"])),
    st.tuples(st.just("problems"), st.integers(0, 7), st.integers(0, 3)),
), max_size=30)


def expected(every: dict, column: int, descending: bool, word: str, state) -> list[str]:
    kept = [r for r in every.values() if word in r.text and (state is None or r.state == state)]
    return [r.path for r in sorted(kept, key=_KEYS[column], reverse=descending)]


@hsettings(max_examples=150, deadline=None)
@given(start=st.lists(rows, max_size=6), steps=steps)
def test_incremental_changes_equal_a_recomputation(qapp, start, steps):
    model = PostsModel()
    every = {r.path: r for r in start}
    model.set_rows(list(every.values()))
    column, descending, word, state = 1, True, "", None  # the model starts newest first
    for step in steps:
        if step[0] == "write":
            every[step[1].path] = step[1]
            model.apply([step[1]], [])
        elif step[0] == "remove":
            path = f"/site/_posts/p{step[1]}.md"
            every.pop(path, None)
            model.apply([], [path])
        elif step[0] == "sort":
            column, descending = step[1], step[2]
            model.sort(column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
        elif step[0] == "filter":
            word, state = step[1], step[2]
            model.set_filter(word, state)
        else:
            path = f"/site/_posts/p{step[1]}.md"
            model.set_problems({path: step[2]})
            if path in every:
                every[path].problems = step[2]
        want = expected(every, column, descending, word, state)
        assert [r.path for r in model.rows] == want
        assert [model.index(i, 0).data(Qt.ItemDataRole.ToolTipRole).split("\n")[-1]
                for i in range(model.rowCount())] == want
        for i, path in enumerate(want):
            assert model.row_of_path(path) == i
        assert sorted(r.path for r in model.all_rows) == sorted(every)


def test_problem_counts_show_in_their_column_and_sort(qapp):
    model = PostsModel()
    model.set_rows([row(1, 1, 1, 1, 0), row(2, 2, 2, 1, 0)])
    model.set_problems({"/site/_posts/p1.md": 3})
    shown = {model.index(i, PROBLEMS).data(): model.rows[i].path for i in range(2)}
    assert shown == {"3": "/site/_posts/p1.md", "": "/site/_posts/p2.md"}
    model.sort(PROBLEMS, Qt.SortOrder.DescendingOrder)
    assert model.rows[0].path == "/site/_posts/p1.md"
    model.set_problems({"/site/_posts/p2.md": 5})
    assert model.rows[0].path == "/site/_posts/p2.md"


def test_one_posts_count_changes_only_its_own_cell(qapp):
    # A post checked after a change on disk: the views repaint its cell, not
    # a column of 10,000 rows (each a call into Python per role).
    model = PostsModel()
    model.set_rows([row(i, i % 5, i, 1, 0) for i in range(200)])
    told = []
    model.dataChanged.connect(lambda top, bottom, _roles: told.append((top.row(), bottom.row(),
                                                                        top.column(), bottom.column())))
    path = "/site/_posts/p17.md"
    model.set_problems({path: 2})
    at = model.row_of_path(path)
    assert told == [(at, at, PROBLEMS, PROBLEMS)]
    assert model.index(at, PROBLEMS).data() == "2"
    told.clear()
    model.set_problems({f"/site/_posts/p{i}.md": 1 for i in range(150)})  # the whole site counted
    assert told == [(0, 199, PROBLEMS, PROBLEMS)]
