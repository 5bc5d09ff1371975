"""`galley render`: through the real command entry point."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from editor.cli import main

SITE = Path(__file__).resolve().parents[1] / "core" / "render" / "sites" / "jekyll"
POST = SITE / "_posts" / "2024-03-01-hello.md"


def test_render_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(POST)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("<!DOCTYPE html>") and "<title>안녕하세요</title>" in out and "첫 글입니다." in out
    assert 'data-theme="light"' in out


def test_render_to_file_dark_with_embedded_images(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(SITE, site)
    post = site / "_posts" / "2024-03-09-images.md"
    post.write_text("---\ntitle: img\n---\n![p]({{ site.baseurl }}/assets/img/photo.png)\n", encoding="utf-8")
    out = tmp_path / "out.html"
    assert main(["render", str(post), "-o", str(out), "--theme", "dark", "--embed-images"]) == 0
    page = out.read_text(encoding="utf-8")
    assert 'data-theme="dark"' in page and 'src="data:image/png;base64,' in page


def test_site_css_flag_and_explicit_css(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(POST), "--site-css"]) == 2  # the fixture site has no compiled CSS
    assert "no compiled stylesheet" in capsys.readouterr().err
    css = tmp_path / "site.css"
    css.write_text("body { color: olive }", encoding="utf-8")
    assert main(["render", str(POST), "--css", str(css)]) == 0
    assert "body { color: olive }" in capsys.readouterr().out


def test_bad_front_matter_exits_1_with_a_located_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.md"
    bad.write_text("---\ntitle: [unclosed\n---\nbody\n", encoding="utf-8")
    assert main(["render", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{bad}:") and ": error: " in err and "Traceback" not in err


def test_binary_and_missing_files_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    binary = tmp_path / "x.md"
    binary.write_bytes(b"\x00\x01\x02\xff" * 100)
    assert main(["render", str(binary)]) == 1
    assert main(["render", str(tmp_path / "missing.md")]) == 1
    err = capsys.readouterr().err
    assert err.count(": error: ") == 2 and "Traceback" not in err


def test_command_line_process_never_prints_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.md"
    bad.write_text('{"title": }\nbody', encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "editor", "render", str(bad)], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[2])
    assert proc.returncode == 1 and "Traceback" not in proc.stderr and ": error: " in proc.stderr


def test_site_css_is_found_in_the_built_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    shutil.copytree(SITE, site)
    css = site / "_site" / "assets" / "css" / "style.css"
    css.parent.mkdir(parents=True)
    css.write_text(".site-header { color: navy }", encoding="utf-8")
    assert main(["render", str(site / "_posts" / "2024-03-01-hello.md"), "--site-css"]) == 0
    out = capsys.readouterr().out
    assert ".site-header { color: navy }" in out and '"Noto Sans CJK KR"' not in out


def test_embedding_images_passes_over_a_fifo_named_like_an_image(tmp_path):
    """`--embed-images` reads the site's images: one that is a named pipe is
    left as a link (a plain read would wait for a writer forever)."""
    import os

    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    (tmp_path / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    (tmp_path / "assets").mkdir()
    os.mkfifo(tmp_path / "assets" / "x.png")
    post = tmp_path / "_posts" / "2024-01-01-a.md"
    post.write_text("---\ntitle: t\n---\n![a](/assets/x.png)\n", encoding="utf-8")
    out = tmp_path / "out.html"
    proc = subprocess.run([sys.executable, "-m", "editor", "render", str(post), "--embed-images",
                           "-o", str(out)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "data:image/png" not in out.read_text(encoding="utf-8")
