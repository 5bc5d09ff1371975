"""Drafts and scheduled posts look unlike published ones in the posts pane's
Title cell, even when the State column is hidden (a narrow pane): drafts in
muted italics, scheduled posts muted with a clock; the tooltip names the
state. Colours come from the palette, so both themes follow."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from editor.core.site.post_rows import PostRow
from editor.ui.site.posts_list import PostsList
from editor.ui.site.posts_model import DATE, STATE, TITLE, PostsModel
from editor.ui.theme import dark_palette


def _row(name: str, state: str, day: int) -> PostRow:
    return PostRow(f"/site/_posts/{name}.md", name.title(), dt.datetime(2024, 1, day), state, (), (), 0,
                   name)


ROWS = [_row("draft", "draft", 1), _row("published", "published", 2), _row("scheduled", "scheduled", 3)]


def _by_title(model: PostsModel) -> dict:
    return {model.index(i, TITLE).data(): i for i in range(model.rowCount())}


def _muted() -> QColor:
    return QGuiApplication.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)


def test_each_state_has_its_look_in_the_title_cell(qtbot):
    model = PostsModel()
    model.append(ROWS)
    at = _by_title(model)
    draft, published, scheduled = (model.index(at[t], TITLE) for t in ("Draft", "Published", "Scheduled"))
    assert draft.data(Qt.ItemDataRole.FontRole).italic()
    assert draft.data(Qt.ItemDataRole.ForegroundRole) == _muted()
    assert draft.data(Qt.ItemDataRole.DecorationRole) is None
    assert scheduled.data(Qt.ItemDataRole.FontRole) is None
    assert scheduled.data(Qt.ItemDataRole.ForegroundRole) == _muted()
    assert not scheduled.data(Qt.ItemDataRole.DecorationRole).isNull()
    for role in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.DecorationRole):
        assert published.data(role) is None
    # Only the title carries the clock; the other cells of the row are muted too.
    assert model.index(at["Scheduled"], DATE).data(Qt.ItemDataRole.DecorationRole) is None
    assert model.index(at["Draft"], DATE).data(Qt.ItemDataRole.ForegroundRole) == _muted()
    tips = {t: model.index(i, TITLE).data(Qt.ItemDataRole.ToolTipRole).split("\n") for t, i in at.items()}
    assert tips["Draft"][1].startswith("Draft") and tips["Scheduled"][1].startswith("Scheduled")
    assert tips["Published"][1] == "Published"
    assert model.index(at["Draft"], DATE).data(Qt.ItemDataRole.ToolTipRole).startswith("Draft")


def test_the_muted_colour_follows_the_theme(qtbot):
    app = QGuiApplication.instance()
    light = app.palette()
    try:
        dark = dark_palette()
        dark.setColor(QPalette.ColorRole.PlaceholderText, QColor("#123456"))
        app.setPalette(dark)
        model = PostsModel()
        model.append(ROWS)
        draft = model.index(_by_title(model)["Draft"], TITLE)
        assert draft.data(Qt.ItemDataRole.ForegroundRole) == QColor("#123456")
        scheduled = model.index(_by_title(model)["Scheduled"], TITLE)
        image = scheduled.data(Qt.ItemDataRole.DecorationRole).pixmap(14, 14).toImage()
        colours = {image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())
                   if image.pixelColor(x, y).alpha() == 255}
        assert colours == {"#123456"}  # the clock is drawn in the palette's colour
    finally:
        app.setPalette(light)


def test_a_narrow_pane_hides_the_state_column_but_shows_the_state(qtbot):
    pane = PostsList()
    qtbot.addWidget(pane)
    pane.resize(260, 300)
    pane.show()
    qtbot.waitExposed(pane)
    pane.show_indexed(object(), ROWS, 3, 3, full=True)
    qtbot.waitUntil(lambda: pane.table.horizontalHeader().isSectionHidden(STATE))
    # What the view draws: the draft's and the scheduled post's text is
    # lighter than the published one's (muted), in the real view's pixels.
    table = pane.table
    pane.table.clearSelection()
    image = table.viewport().grab().toImage()
    at = {r.title: i for i, r in enumerate(pane.shown_rows())}

    def darkest(title):
        rect = table.visualRect(pane.model.index(at[title], TITLE))
        return min(image.pixelColor(x, y).lightness() for x in range(rect.left(), rect.right())
                   for y in range(rect.top(), rect.bottom()))

    assert darkest("Draft") > darkest("Published") + 40
    assert darkest("Scheduled") > darkest("Published") + 40
