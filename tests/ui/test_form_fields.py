"""Form widgets: types kept, nested objects, tags with the site's vocabulary, images."""

import base64
import datetime as dt

from tests.ui.conftest import commit_text

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")


def field(window, key):
    return window.findChild(object, f"field:{key}")


def open_post(window, qtbot, path, text):
    path.write_text(text, encoding="utf-8")
    assert window.open_path(path)
    qtbot.waitUntil(lambda: window.site_loader.context.root is not None, timeout=5000)
    qtbot.waitUntil(lambda: field(window, "title") is not None)


def test_date_keeps_the_files_own_format(window, post, qtbot):
    date = field(window, "date")
    value = window.session.document.get("date")
    assert isinstance(value, dt.datetime) and value.utcoffset() == dt.timedelta(hours=9)
    date.edit.setDateTime(date.edit.dateTime().addDays(1))
    window.session.flush()
    assert "date: 2024-03-06 10:00:00 +0900\n" in window.session.document.text


def test_a_missing_date_shows_not_set_and_is_never_invented(window, post, qtbot, tmp_path):
    draft = post.parent.parent / "_drafts" / "idea.md"
    draft.parent.mkdir()
    open_post(window, qtbot, draft, "---\ntitle: 초안\n---\n본문\n")
    # The site's schema (which names `date`) arrives from a background index.
    qtbot.waitUntil(lambda: field(window, "date") is not None, timeout=10000)
    date = field(window, "date")
    assert date is not None and date.edit.text() == "(not set)"
    commit_text(field(window, "title").edit, "!")
    window.session.flush()
    assert "date" not in window.session.document.front_matter
    date.edit.setDateTime(date.edit.dateTime().addYears(124))
    window.session.flush()
    assert window.session.document.get("date").year == 2024


def test_a_missing_published_shows_what_jekyll_assumes(window, post, qtbot):
    qtbot.waitUntil(lambda: field(window, "published") is not None, timeout=10000)
    published = field(window, "published")
    assert "published" not in window.session.document.front_matter
    assert published.box.isChecked()  # Jekyll publishes a post unless it says false
    published.box.setChecked(False)
    window.session.flush()
    assert "published: false\n" in window.session.document.text


def test_nested_object_boolean_and_other_fields(window, post, qtbot):
    open_post(window, qtbot, post.parent / "2024-03-06-nested.md",
              "---\ntitle: T\nheader:\n  image: /img/a.png\n  caption: 캡션\ncomments: true\nweird_key: 3\n---\nbody\n")
    caption = field(window, "header.caption")
    assert caption is not None and caption.edit.text() == "캡션"
    caption.edit.selectAll()
    commit_text(caption.edit, "새 캡션")
    assert window.session.document.get("header.caption") == "새 캡션"
    assert "  caption: 새 캡션\n" in window.session.document.text
    comments = field(window, "comments")
    comments.box.setChecked(False)
    assert window.session.document.get("comments") is False
    weird = field(window, "weird_key")
    assert weird.spin.value() == 3
    weird.spin.setValue(4)
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
                                for f in window.site_loader.context.schema.fields), timeout=10000)
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


def test_an_absent_object_field_says_it_is_not_set(window, post, qtbot):
    # galley.toml names `cover` as an object with nothing known inside it, and
    # this post has none: the form shows why its box is empty.
    (post.parent.parent / "galley.toml").write_text(
        '[fields.title]\ntype = "string"\n[fields.cover]\ntype = "object"\n', encoding="utf-8")
    open_post(window, qtbot, post.parent / "2024-03-07-plain.md", "---\ntitle: 표지 없음\n---\n본문\n")
    qtbot.waitUntil(lambda: field(window, "cover") is not None, timeout=10000)
    note = field(window, "cover").findChild(object, "emptyObject")
    assert note is not None and note.text().startswith("Not set in this post")
    # With a value, the box shows the post's own keys instead of the note.
    open_post(window, qtbot, post.parent / "2024-03-08-cover.md",
              "---\ntitle: 표지 있음\ncover:\n  src: /img/a.png\n---\n본문\n")
    qtbot.waitUntil(lambda: field(window, "cover.src") is not None, timeout=10000)
    assert field(window, "cover").findChild(object, "emptyObject") is None


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
    qtbot.waitUntil(lambda: window.form_panel.height() > 800)
    # The row is as tall as the text box: the spare height goes below the
    # fields, not into this row (it pushed the box ~40 px under its label).
    qtbot.waitUntil(lambda: excerpt.height() == excerpt.edit.height())
    assert abs(excerpt.mapToGlobal(excerpt.edit.pos()).y() - label.mapToGlobal(label.rect().topLeft()).y()) <= 6
