"""A save makes the saved text the style later edits keep (Document.rebase)."""

from __future__ import annotations

from editor.core.disk import storage
from editor.ui.disk.document_session import DocumentSession

POST = "---\ntitle: 봄 산책\nlayout: post\n---\n본문\n"


def _opened(tmp_path, name: str = "post.md") -> DocumentSession:
    path = tmp_path / name
    path.write_text(POST, encoding="utf-8")
    session = DocumentSession()
    session.open(path)
    return session


def _typed(session: DocumentSession, value: str) -> None:
    for i in range(1, len(value) + 1):
        session.document.set("title", value[:i])


def _quoted(session: DocumentSession, value: str) -> bool:
    text = session.document.text
    return f"\ntitle: '{value}'\n" in text or f'\ntitle: "{value}"\n' in text


def test_unsaved_edits_keep_the_style_of_the_file(qtbot, tmp_path):
    session = _opened(tmp_path)
    _typed(session, "a ")  # a trailing space: the title must be quoted for now
    assert _quoted(session, "a ")
    _typed(session, "a b")
    assert "\ntitle: a b\n" in session.document.text  # the file's plain title


def test_a_save_moves_the_style_baseline(qtbot, tmp_path):
    session = _opened(tmp_path)
    _typed(session, "a ")
    session.save()
    _typed(session, "a b")
    assert _quoted(session, "a b")  # the file writes the title quoted now


def test_mark_saved_moves_the_style_baseline(qtbot, tmp_path):
    session = _opened(tmp_path)
    _typed(session, "a ")
    path = tmp_path / "post.md"
    path.write_bytes(session.document.to_bytes())  # the file was found to hold this text
    session.mark_saved(storage.read_bytes(path)[1])
    assert not session.modified
    _typed(session, "a b")
    assert _quoted(session, "a b")
