"""How the page cache holds the big Qt libraries: it decides what PSS reads.

Most of a Qt program's PSS is file-backed pages of its libraries
(libQt6WebEngineCore alone is ~200 MB on disk), and what a page fault maps
depends on how the kernel holds the file. Read from disk by mmap, a fault
maps its 64 KB neighbourhood (fault-around). Freshly *written* files (right
after `pip install` or `apt-get install`) sit in the page cache as large
folios on newer kernels (seen on 6.18 with ext4), and a fault then maps the
whole folio: touching one page of libQt6WebEngineCore mapped 1,024 KB, and
the same window read 342-354 MB instead of 266 MB. So a PSS figure means
little without this state next to it, and comparing programs needs them all
in the same state: `settle()` drops the page cache so every library is read
back from disk the ordinary way.
"""

from __future__ import annotations

import mmap
import os
from pathlib import Path


def mapping_step_kb(path: Path) -> int | None:
    """KB that touching one page of `path` maps into this process (None if unreadable)."""
    try:
        with open(path, "rb") as f:
            view = mmap.mmap(f.fileno(), 0, prot=mmap.PROT_READ)
    except (OSError, ValueError):
        return None
    try:
        view[len(view) // 2]  # one page, in the middle of the code
        real = os.path.realpath(path)
        rss, inside = None, False
        for line in Path("/proc/self/smaps").read_text().splitlines():
            if line.split()[-1:] == [real] and "-" in line.split()[0]:
                inside = True
            elif inside and line.startswith("Rss:"):
                rss = int(line.split()[1])
                break
        return rss
    finally:
        view.close()


def qt_libraries() -> list[Path]:
    """PySide6's biggest Qt libraries, if PySide6 is installed."""
    import importlib.util

    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return []
    lib = Path(list(spec.submodule_search_locations)[0]) / "Qt" / "lib"
    return [lib / f"libQt6{name}.so.6" for name in ("WebEngineCore", "Gui", "Widgets", "Core")]


def describe(paths: list[Path]) -> str:
    """One line: how many KB one touched page maps, per library."""
    steps = {p.name: mapping_step_kb(p) for p in paths if p.exists()}
    if not steps:
        return "page cache: (no libraries found)"
    parts = ", ".join(f"{name} {kb} KB" for name, kb in steps.items())
    large = any(kb and kb > 64 for kb in steps.values())
    return (f"page cache, KB mapped per touched page: {parts}"
            + (" -- large folios (freshly written files): PSS reads high; --settle re-reads them"
               if large else ""))


def settle() -> bool:
    """Drop the clean page cache (root only), so libraries are read back from
    disk as a user's machine reads them. False when not allowed."""
    os.sync()
    try:
        with open("/proc/sys/vm/drop_caches", "w") as f:
            f.write("1")
    except OSError:
        return False
    return True
