"""How the preview engine is started: flags composed with the user's, and the
page's idle garbage collection working in the real engine."""

from __future__ import annotations

from editor.ui.platform import engine_env


def test_software_compositing_and_gc_by_default_for_a_normal_user():
    env: dict[str, str] = {}
    engine_env.configure(env, is_root=False)
    assert env["QT_QUICK_BACKEND"] == "software"
    assert env["QT_XCB_GL_INTEGRATION"] == "none"
    flags = env["QTWEBENGINE_CHROMIUM_FLAGS"].split()
    assert "--disable-gpu" in flags and "--js-flags=--expose-gc" in flags
    # A normal user keeps Chromium's sandbox, and the zygote that forks into it.
    assert "QTWEBENGINE_DISABLE_SANDBOX" not in env
    assert "--no-zygote" not in flags


def test_root_runs_without_sandbox_and_without_zygote():
    env: dict[str, str] = {}
    engine_env.configure(env, is_root=True)
    assert env["QTWEBENGINE_DISABLE_SANDBOX"] == "1"
    assert "--no-zygote" in env["QTWEBENGINE_CHROMIUM_FLAGS"].split()


def test_gpu_opt_in_leaves_gl_alone():
    env = {"GALLEY_GPU": "1"}
    engine_env.configure(env, is_root=False)
    assert "QT_QUICK_BACKEND" not in env and "QT_XCB_GL_INTEGRATION" not in env
    assert "--disable-gpu" not in env["QTWEBENGINE_CHROMIUM_FLAGS"].split()


def test_the_users_flags_and_settings_win_and_nothing_is_doubled():
    env = {"QTWEBENGINE_CHROMIUM_FLAGS": "--disable-gpu --js-flags=--max-old-space-size=64 --lang=ko",
           "QT_QUICK_BACKEND": "rhi"}
    engine_env.configure(env, is_root=False)
    engine_env.configure(env, is_root=False)  # idempotent
    flags = env["QTWEBENGINE_CHROMIUM_FLAGS"].split()
    assert flags == ["--disable-gpu", "--js-flags=--max-old-space-size=64", "--lang=ko"]
    assert env["QT_QUICK_BACKEND"] == "rhi"


def test_page_garbage_is_collected_once_typing_pauses(window, qtbot):
    qtbot.waitUntil(lambda: window.preview is not None and window.preview.ready, timeout=10000)
    view = window.preview
    view._gc_timer.setInterval(50)
    qtbot.waitUntil(lambda: view.shown_revision >= 0, timeout=10000)
    with qtbot.waitSignal(view.garbageCollected, timeout=10000) as blocker:
        window.body_editor.insertPlainText("새 문장.")
    # True: the engine exposes `gc` to the page, so the collection really ran.
    assert blocker.args == [True]


def test_only_the_gl_probe_messages_are_dropped():
    assert engine_env.is_gl_probe_message(
        "QXcbIntegration: Cannot create platform OpenGL context, neither GLX nor EGL are enabled")
    assert engine_env.is_gl_probe_message("QRhiGles2: Failed to create temporary context")
    assert engine_env.is_gl_probe_message("Failed to create RHI for backend: OpenGL")
    assert not engine_env.is_gl_probe_message("QWidget::repaint: Recursive repaint detected")
    assert not engine_env.is_gl_probe_message("Failed to create RHI for backend: Vulkan, falling back")
