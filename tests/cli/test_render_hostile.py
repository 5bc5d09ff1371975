"""`galley render` on hostile documents: an exit status and at most a
one-line message, never a traceback."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.core.render.hostile_inputs import families


def test_render_never_prints_a_traceback(tmp_path: Path) -> None:
    docs = families(4_000)
    docs["front_matter_id"] = '---\ntitle: <b id="galley-body">x</b>\n---\n<p id="galley-body">body</p>\n'
    for name, body in docs.items():
        post = tmp_path / f"{name}.md"
        post.write_text(body, encoding="utf-8")
        proc = subprocess.run([sys.executable, "-m", "editor", "render", str(post), "-o", str(tmp_path / "out.html")],
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode in (0, 1), (name, proc.stderr[-2000:])
        assert "Traceback" not in proc.stderr, (name, proc.stderr[-2000:])
        if proc.returncode == 0:
            page = (tmp_path / "out.html").read_text(encoding="utf-8")
            assert len(re.findall(r'<[a-z]+[^<>]*\sid="galley-body"', page)) == 1, name
