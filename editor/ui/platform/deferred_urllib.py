"""Keep what Python-Markdown's extensions import but never use out of the window.

`pymdownx.util` does `from urllib.request import pathname2url, url2pathname`
at import time, and importing `urllib.request` loads `http.client`, `email`
and `ssl` (OpenSSL's libraries): 8.5 MB of PSS measured here, in the window's
process, for two functions the extensions we use never call.

`defer_urllib_request()` puts a stand-in for `urllib.request` in
`sys.modules` until something needs the real one: the two functions pymdownx
imports are forwarders to the real module (importing it when first called),
and reading any other name from the stand-in imports the real module, puts
it in its place and answers from it. Nothing changes for a caller but when
the real module loads: the stand-in carries the real module's spec (so
`importlib.util.find_spec` answers as usual) and its `__all__` is the real
one's (so `from urllib.request import *` gives every name).

Installed by the window's start-up only (`editor.ui.prepare_environment`):
the window is the long-lived process where 8.5 MB matter; the CLI and any
program importing the render core get the standard library untouched.
"""

from __future__ import annotations

__all__ = ["defer_urllib_request"]

import importlib
import importlib.util
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
        if name.startswith("__") and name != "__all__":
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

        spec = importlib.util.find_spec(_NAME)  # finds the file, runs nothing
        stand_in = _Deferred(_NAME, "Stand-in for urllib.request until it is needed "
                                    "(editor.ui.platform.deferred_urllib)")
        stand_in.__spec__ = spec
        stand_in.__file__ = spec.origin if spec is not None else None
        stand_in.pathname2url = pathname2url
        stand_in.url2pathname = url2pathname
        sys.modules[_NAME] = stand_in
        urllib.request = stand_in
