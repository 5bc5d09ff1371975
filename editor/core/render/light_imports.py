"""Keep what Python-Markdown's extensions import but never use out of the process.

`pymdownx.util` does `from urllib.request import pathname2url, url2pathname`
at import time, and importing `urllib.request` loads `http.client`, `email`
and `ssl` (OpenSSL's libraries): 8.5 MB of PSS measured here, in the window's
process, for two functions the extensions we use never call.

`defer_urllib_request()` puts a stand-in for `urllib.request` in
`sys.modules` until something needs the real one: the two functions pymdownx
imports are forwarders to the real module (importing it when first called),
and reading any other name from the stand-in imports the real module, puts
it in its place and answers from it. Nothing changes for a caller but when
the real module loads.
"""

from __future__ import annotations

import importlib
import sys
import threading
import types

_NAME = "urllib.request"
_lock = threading.RLock()  # re-entrant: the real import runs under it


def _real() -> types.ModuleType:
    with _lock:
        module = sys.modules.get(_NAME)
        if isinstance(module, _Deferred):
            del sys.modules[_NAME]
            module = importlib.import_module(_NAME)  # also sets urllib.request
        return module


class _Deferred(types.ModuleType):
    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(_real(), name)


def pathname2url(pathname):
    return _real().pathname2url(pathname)


def url2pathname(pathname):
    return _real().url2pathname(pathname)


def defer_urllib_request() -> None:
    """Install the stand-in, unless the real module is loaded already. Idempotent."""
    with _lock:
        if _NAME in sys.modules:
            return
        import urllib

        stand_in = _Deferred(_NAME, "Stand-in for urllib.request until it is needed (editor.core.render)")
        stand_in.pathname2url = pathname2url
        stand_in.url2pathname = url2pathname
        sys.modules[_NAME] = stand_in
        urllib.request = stand_in
