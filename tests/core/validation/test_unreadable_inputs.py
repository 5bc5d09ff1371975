"""The validation readers take regular files only: a FIFO or a device handed
to them directly (not found by a folder scan, which lists regular files) is
an io-error with what it is, never a hang or an endless read."""

from __future__ import annotations

import os
import threading

import pytest

from editor.core.validation.pipeline import _read
from editor.core.validation.runner import validate_path


def finishes(call, *args, seconds: float = 20.0):
    """`call(*args)` on a daemon thread; its result, or a failure when it hangs."""
    box = {}

    def run():
        box["result"] = call(*args)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"{call.__name__} did not return: it blocked on the file"
    return box["result"]


@pytest.fixture
def fifo(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    path = tmp_path / "2024-01-01-pipe.md"
    os.mkfifo(path)
    return path


def test_the_pipeline_reader_refuses_a_fifo_without_waiting_for_a_writer(fifo):
    doc, error, _summary = finishes(_read, str(fifo))
    assert doc is None and error.rule == "io-error"
    assert "a FIFO (named pipe), not a regular file" in error.message


def test_the_pipeline_reader_refuses_dev_zero():
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    doc, error, _summary = finishes(_read, "/dev/zero")
    assert doc is None and "a character device, not a regular file" in error.message


def test_validate_path_refuses_a_fifo(fifo):
    found = finishes(validate_path, fifo)
    assert [(d.rule, d.severity) for d in found] == [("io-error", "error")]
    assert "a FIFO (named pipe), not a regular file" in found[0].message


def test_a_fifo_in_a_site_folder_does_not_block_the_sites_facts(tmp_path):
    """A page-like FIFO among the site's files (its heads are read for page
    URLs) is passed over; the post next to it is validated."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    (tmp_path / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    os.mkfifo(tmp_path / "about.md")
    post = tmp_path / "_posts" / "2024-01-01-a.md"
    post.write_text("---\ntitle: 글\n---\n본문\n", encoding="utf-8")
    found = finishes(validate_path, post)
    assert not [d for d in found if d.severity == "error"]
