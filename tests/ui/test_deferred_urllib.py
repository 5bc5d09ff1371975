"""The window's stand-in for urllib.request (editor/ui/platform/deferred_urllib.py):
rendering in the window does not load OpenSSL, anyone who asks for the real
module gets it whole, and programs that only use the core never see the
stand-in."""

from __future__ import annotations

import subprocess
import sys


def _run(code: str) -> list[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout.split("\n")


def test_rendering_under_the_stand_in_loads_no_openssl_and_the_real_module_still_answers():
    out = _run(
        "import sys\n"
        "from editor.ui.platform.deferred_urllib import defer_urllib_request\n"
        "defer_urllib_request()\n"
        "from editor.core.render import IncrementalRenderer, RenderRequest\n"
        "IncrementalRenderer().render(RenderRequest(body='# T\\n\\n```python\\nx = 1\\n```\\n\\n[a](/b)\\n'))\n"
        "print('ssl' in sys.modules, 'http.client' in sys.modules)\n"
        "import importlib.util\n"
        "print(importlib.util.find_spec('urllib.request').name)\n"
        "from urllib.request import pathname2url, Request\n"
        "print(pathname2url('/a b/c'), Request('https://example.org/').host)\n"
        "import urllib.request\n"
        "print(urllib.request is sys.modules['urllib.request'], hasattr(urllib.request, 'urlopen'))\n"
    )
    assert out[:4] == ["False False", "urllib.request", "/a%20b/c example.org", "True True"]


def test_a_star_import_through_the_stand_in_gives_every_public_name():
    out = _run(
        "from editor.ui.platform.deferred_urllib import defer_urllib_request\n"
        "defer_urllib_request()\n"
        "ns = {}\n"
        "exec('from urllib.request import *', ns)\n"
        "print('urlopen' in ns, 'Request' in ns, 'pathname2url' in ns)\n"
    )
    assert out[0] == "True True True"


def test_the_core_alone_leaves_urllib_request_to_the_standard_library():
    out = _run(
        "import sys, importlib.util\n"
        "from editor.core.render import IncrementalRenderer, RenderRequest\n"
        "IncrementalRenderer().render(RenderRequest(body='[a](/b)\\n'))\n"
        "print(type(sys.modules['urllib.request']).__name__, importlib.util.find_spec('urllib.request') is not None)\n"
    )
    assert out[0] == "module True"
