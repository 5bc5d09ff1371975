"""Form widgets: types kept, nested objects, tags with the site's vocabulary, images."""

import base64
import datetime as dt

from tests.ui.conftest import commit_text, type_text

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")


def field(window, key):
    return window.findChild(object, f"field:{key}")


def open_post(window, qtbot, path, text):
    path.write_text(text, encoding="utf-8")
    assert window.open_path(path)
    qtbot.waitUntil(lambda: window.services.site.context.root is not None, timeout=5000)
    qtbot.waitUntil(lambda: field(window, "title") is not None)


def retype(qtbot, widget, text):
    """Select what a field's box shows and type `text` over it, as a person does."""
    from PySide6.QtCore import Qt

    box = widget.focusProxy() or widget
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, box, text)


def test_date_keeps_the_files_own_format(window, post, qtbot):
    date = field(window, "date")
    value = window.session.document.get("date")
    assert isinstance(value, dt.datetime) and value.utcoffset() == dt.timedelta(hours=9)
    retype(qtbot, date, "2024-03-06 10:00:00 +0900")
    window.session.flush()
    assert "date: 2024-03-06 10:00:00 +0900\n" in window.session.document.text


def test_a_suggested_date_is_dimmed_empty_and_written_only_when_entered(window, post, qtbot):
    (post.parent.parent / "galley.toml").write_text(
        '[fields.title]\ntype = "string"\nrequired = true\n'
        '[fields.date]\ntype = "datetime"\nrequired = true\ndescription = "When it was published"\n',
        encoding="utf-8")
    draft = post.parent.parent / "_drafts" / "idea.md"
    draft.parent.mkdir()
    open_post(window, qtbot, draft, "---\ntitle: 초안\n---\n본문\n")
    # The site's schema (which requires `date`) arrives from a background index.
    # (Not the first post's date field, which a form not yet rebuilt still shows.)
    qtbot.waitUntil(lambda: field(window, "date") is not None and ("date",) in window.form_panel.form._labels
                    and field(window, "title").edit.text() == "초안", timeout=10000)
    date = field(window, "date")
    label = window.form_panel.form._labels[("date",)]
    assert date.edit.text() == "" and not label.isEnabled()  # dimmed, not a made-up date
    assert "When it was published" in (date.edit.placeholderText() + date.toolTip() + label.toolTip()
                                       + date.parentWidget().toolTip())
    commit_text(field(window, "title").edit, "!")
    window.session.flush()
    assert "date" not in window.session.document.front_matter
    retype(qtbot, date, "2024-05-01")
    window.session.flush()
    assert window.session.document.get("date") == dt.date(2024, 5, 1)
    assert label.isEnabled()  # the post has it now


def test_an_added_published_shows_what_jekyll_assumes_and_writes_only_on_a_click(window, post, qtbot):
    from PySide6.QtCore import Qt

    form = window.form_panel.form
    qtbot.waitUntil(lambda: window.services.site.context.root is not None, timeout=10000)
    qtbot.waitUntil(lambda: "published" in form._add.keys())
    before = window.session.document.text
    assert field(window, "published") is None  # not a field this post has or needs
    qtbot.mouseClick(form._add.button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(form._add.edit, "published")
    qtbot.keyClick(form._add.edit, Qt.Key.Key_Return)
    published = field(window, "published")
    assert published is not None and published.box.hasFocus()
    assert published.box.isChecked()  # Jekyll publishes a post unless it says false
    assert window.session.document.text == before
    qtbot.mouseClick(published.box, Qt.MouseButton.LeftButton)
    window.session.flush()
    assert "published: false\n" in window.session.document.text


def test_nested_object_boolean_and_other_fields(window, post, qtbot):
    from PySide6.QtCore import Qt

    open_post(window, qtbot, post.parent / "2024-03-06-nested.md",
              "---\ntitle: T\nheader:\n  image: /img/a.png\n  caption: 캡션\ncomments: true\nweird_key: 3\n---\nbody\n")
    caption = field(window, "header.caption")
    assert caption is not None and caption.edit.text() == "캡션"
    caption.edit.selectAll()
    commit_text(caption.edit, "새 캡션")
    assert window.session.document.get("header.caption") == "새 캡션"
    assert "  caption: 새 캡션\n" in window.session.document.text
    comments = field(window, "comments")
    qtbot.mouseClick(comments.box, Qt.MouseButton.LeftButton)
    assert window.session.document.get("comments") is False
    weird = field(window, "weird_key")
    assert weird.edit.text() == "3"
    retype(qtbot, weird, "4")
    assert "weird_key: 4\n" in window.session.document.text


def test_tags_complete_from_site_vocabulary(window, post, qtbot):
    other = post.parent / "2024-01-01-other.md"
    other.write_text("---\ntitle: O\ntags: [kubernetes, 쿠버네티스]\n---\nx\n", encoding="utf-8")
    open_post(window, qtbot, post.parent / "2024-03-07-tags.md", "---\ntitle: T\ntags: [python]\n---\nx\n")
    # The other post may land after the site was first indexed: the live index
    # (site watcher) picks it up; wait for that rather than race it.
    qtbot.waitUntil(lambda: "kubernetes" in field(window, "tags")._completer.model().stringList(),
                    timeout=10000)
    tags = field(window, "tags")
    model = tags._completer.model()
    assert "쿠버네티스" in model.stringList()
    tags.edit.setFocus()
    tags.edit.end(False)
    tags.edit.setText("python, kub")
    tags._on_edited("python, kub")
    tags._complete("kubernetes")
    assert window.session.document.get("tags") == ["python", "kubernetes"]
    assert "tags: [python, kubernetes]\n" in window.session.document.text


def test_image_field_shows_thumbnail(window, post, qtbot):
    site = post.parent.parent
    (site / "assets").mkdir()
    (site / "assets" / "cover.png").write_bytes(PNG)
    (site / "galley.toml").write_text('[fields.title]\ntype = "string"\n[fields.image]\ntype = "image"\n',
                                      encoding="utf-8")
    # Written while the window is open: the site watcher sees the new config
    # and the schema is reloaded without a restart.
    qtbot.waitUntil(lambda: any(f.name == "image" and f.type == "image"
                                for f in window.services.site.context.schema.fields), timeout=10000)
    open_post(window, qtbot, post.parent / "2024-03-08-img.md",
              "---\ntitle: T\nimage: /assets/cover.png\n---\nx\n")
    # Opening a post reloads the site context on a thread; the form is rebuilt
    # from the site's schema when it arrives.
    qtbot.waitUntil(lambda: type(field(window, "image")).__name__ == "ImageField", timeout=10000)
    image = field(window, "image")
    assert not image.thumb.pixmap().isNull()
    image.edit.setText("/assets/missing.png")
    image._on_edited("/assets/missing.png")
    assert image.thumb.text() == "image not found"
    assert window.session.document.get("image") == "/assets/missing.png"


def test_an_absent_object_field_offers_its_keys_and_is_written_with_the_first_value(window, post, qtbot):
    # galley.toml requires `cover`, an object with nothing known inside it, and
    # this post has none: its group is there, dimmed, with "Add field…" in it
    # (no "add it in Raw mode" dead end).
    from PySide6.QtCore import Qt

    (post.parent.parent / "galley.toml").write_text(
        '[fields.title]\ntype = "string"\n[fields.cover]\ntype = "object"\nrequired = true\n', encoding="utf-8")
    open_post(window, qtbot, post.parent / "2024-03-07-plain.md", "---\ntitle: 표지 없음\n---\n본문\n")
    qtbot.waitUntil(lambda: field(window, "cover") is not None, timeout=10000)
    add = window.form_panel.form.findChild(object, "addField:cover")
    assert add is not None and add.button.isVisible()
    qtbot.mouseClick(add.button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(add.edit, "src")
    qtbot.keyClick(add.edit, Qt.Key.Key_Return)
    src = field(window, "cover.src")
    assert src is not None and src.edit.hasFocus()
    assert "cover" not in window.session.document.front_matter  # nothing written yet
    qtbot.keyClicks(src.edit, "/img/a.png")
    assert window.session.document.text.startswith("---\ntitle: 표지 없음\ncover:\n  src: /img/a.png\n---\n")


def test_a_long_value_shows_its_beginning(window, post, qtbot):
    long_title = "아주 긴 제목 " * 12
    open_post(window, qtbot, post.parent / "2024-03-09-long.md", f"---\ntitle: {long_title.strip()}\n---\n본문\n")
    edit = field(window, "title").edit
    assert edit.text() == long_title.strip()
    assert edit.cursorPosition() == 0  # Qt's default, the end, shows only the tail


def test_a_narrow_form_wraps_rows_instead_of_scrolling_sideways(window, post, qtbot):
    form = window.form_panel.form
    qtbot.waitUntil(lambda: field(window, "date") is not None, timeout=10000)
    sizes = window.panes.sizes()
    window.panes.setSizes([200, sizes[1] + sizes[0] - 200, sizes[2]])
    qtbot.waitUntil(lambda: window.form_panel.width() <= 210)
    # The date field needs ~160 px beside a label column (223 px in all,
    # here): in 200 px its label goes above it, and nothing is cut off at
    # the right (it scrolled 25 px sideways before).
    qtbot.waitUntil(lambda: form.widget().width() <= form.viewport().width())
    assert form.horizontalScrollBar().maximum() == 0


def test_a_text_field_sits_beside_its_label_in_a_tall_window(window, post, qtbot):
    open_post(window, qtbot, post.parent / "2024-03-10-excerpt.md",
              "---\ntitle: 요약 있음\nexcerpt: 짧은 요약\n---\n본문\n")
    window.resize(1300, 1000)  # more height than the fields need
    excerpt = field(window, "excerpt")
    label = window.form_panel.form._labels[("excerpt",)]
    qtbot.waitUntil(lambda: window.form_panel.height() > 700)
    # The row is as tall as the text box: the spare height goes below the
    # fields, not into this row (it pushed the box ~40 px under its label).
    qtbot.waitUntil(lambda: excerpt.height() == excerpt.edit.height())
    assert abs(excerpt.mapToGlobal(excerpt.edit.pos()).y() - label.mapToGlobal(label.rect().topLeft()).y()) <= 6
