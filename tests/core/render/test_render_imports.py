"""The render core's light part (page shell, site facts) loads without the
Markdown pipeline: the window builds the shell on its UI thread while the
render worker imports the pipeline on its own."""

from __future__ import annotations

import subprocess
import sys


def test_page_shell_needs_no_markdown_pipeline():
    code = (
        "import sys\n"
        "from editor.core.render import RenderOptions, SiteInfo, page_shell\n"
        "assert '<html' in page_shell(RenderOptions()).lower()\n"
        "SiteInfo()\n"
        "print(sorted(m for m in ('markdown', 'pymdownx', 'nh3', 'editor.core.render.incremental')"
        " if m in sys.modules))\n"
        "from editor.core.render import IncrementalRenderer\n"
        "print('markdown' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split("\n")[:2] == ["[]", "True"]  # loaded on first use, and then for real


def test_unknown_name_is_an_attribute_error():
    import editor.core.render as render

    try:
        render.NoSuchThing  # noqa: B018
    except AttributeError as exc:
        assert "NoSuchThing" in str(exc)
    else:
        raise AssertionError("expected AttributeError")
