"""How the preview's engine (QtWebEngine, i.e. Chromium) is started.

Everything here must happen before the QApplication exists: Qt reads these
environment variables once, when the engine and the scene graph start.

Choices, each measured with bench/bench_ui.py on the 205 KB post (2 cores,
Xvfb; figures in the README's "Speed and memory"):

- Software compositing (Qt Quick's software back end, Chromium without GPU).
  The preview is a document, not a game: Chromium's software compositor draws
  it well, and without it Qt loads the GL driver (Mesa's llvmpipe where there
  is no GPU: ~25 MB of libLLVM and GL buffers in our process) and composites
  every preview frame through it on the UI thread. Measured: keystroke →
  preview pixels 65 → 46 ms, longest UI stall 48 → 36 ms, PSS −60 MB
  (with the xcb GL probe off too).
  `GALLEY_GPU=1` turns GPU compositing back on (smoother scrolling of huge
  pages on a machine with a real GPU).
- No zygote when Chromium's sandbox is off (we turn it off only for root,
  DESIGN.md): the zygote exists to fork sandboxed renderers; without the
  sandbox it only costs two processes (~30 MB PSS).
- `gc()` exposed to the page, so the preview can collect the garbage of old
  patches once the writer pauses (PreviewView.collect_garbage): the renderer
  otherwise grows by ~50 MB during a few minutes of typing and keeps it.
  Post content cannot call it: its scripts never run (sanitizer + CSP).

Flags the user put in QTWEBENGINE_CHROMIUM_FLAGS are kept and win: ours are
only added when the user's don't mention them.

With the GL probe off, Qt still tries OpenGL once for the web view before it
falls back to software, and says so on stderr at every start (seven lines
starting "QXcbIntegration: Cannot create platform OpenGL context" or
"QRhiGles2: Failed to create"). `quiet_gl_probe_messages()` drops exactly
those; every other message goes to stderr as before.
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping

FLAGS_VAR = "QTWEBENGINE_CHROMIUM_FLAGS"


def wants_gpu(environ: MutableMapping[str, str]) -> bool:
    return environ.get("GALLEY_GPU", "").strip().lower() in ("1", "true", "yes", "on")


def sandbox_disabled(environ: MutableMapping[str, str]) -> bool:
    return environ.get("QTWEBENGINE_DISABLE_SANDBOX", "") not in ("", "0")


def chromium_flags(existing: str, *, gpu: bool, no_sandbox: bool) -> str:
    """`existing` plus the flags we want and the user did not already set."""
    flags = existing.split()
    names = {f.split("=", 1)[0] for f in flags}

    def add(flag: str) -> None:
        if flag.split("=", 1)[0] not in names:
            flags.append(flag)

    if not gpu:
        add("--disable-gpu")
    if no_sandbox:
        add("--no-zygote")
    # When the user passes V8 flags of their own, theirs stay as they are (and
    # the idle collection simply finds no `gc` in the page).
    add("--js-flags=--expose-gc")
    return " ".join(flags)


#: The start-up messages of Qt's expected OpenGL failure in software mode.
GL_PROBE_MESSAGES = (
    "QXcbIntegration: Cannot create platform OpenGL context",
    "QXcbIntegration: Cannot create platform offscreen surface",
    "QRhiGles2: Failed to create",
    "Failed to create RHI for backend: OpenGL",
)


def is_gl_probe_message(message: str) -> bool:
    return message.startswith(GL_PROBE_MESSAGES)


def quiet_gl_probe_messages(environ: MutableMapping[str, str] | None = None) -> None:
    """Drop Qt's OpenGL-probe warnings when we asked for software compositing."""
    environ = os.environ if environ is None else environ
    if environ.get("QT_XCB_GL_INTEGRATION") != "none" or wants_gpu(environ):
        return
    import sys

    from PySide6.QtCore import qInstallMessageHandler

    previous = None

    def handler(mode, context, message) -> None:
        if is_gl_probe_message(message):
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)


def configure(environ: MutableMapping[str, str] | None = None, *, is_root: bool | None = None) -> None:
    """Set the engine's environment in `environ` (default: os.environ). Idempotent."""
    environ = os.environ if environ is None else environ
    if is_root is None:
        is_root = hasattr(os, "geteuid") and os.geteuid() == 0
    if is_root:
        # Chromium refuses to start as root with its sandbox on (DESIGN.md).
        environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    gpu = wants_gpu(environ)
    if not gpu:
        environ.setdefault("QT_QUICK_BACKEND", "software")
        # Without this the xcb platform still loads the GL driver at start-up
        # to probe GLX (~20 MB: libLLVM for llvmpipe), though nothing uses it.
        environ.setdefault("QT_XCB_GL_INTEGRATION", "none")
    environ[FLAGS_VAR] = chromium_flags(environ.get(FLAGS_VAR, ""), gpu=gpu,
                                        no_sandbox=sandbox_disabled(environ))
