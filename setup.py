"""Package layout that pyproject.toml alone can't say.

resources/ sits at the top of the checkout (see ../shared/DESIGN.md) but must
travel inside the wheel, so it is installed as the package `editor.resources`
(found at run time with importlib.resources). Everything else is in pyproject.toml.
"""

import importlib.util
import subprocess
import sys
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py


class BuildWithCatalogues(build_py):
    """Compile resources/i18n/*.ts into the .qm files Qt loads (they are built,
    never committed). Without PySide6 in the build environment (an isolated
    build of the Qt-free base package) the wheel ships the .ts alone: the CLI
    reads only the .ts, and the window then translates from the .ts as well
    (editor/ui/i18n.py), so every language still works."""

    def run(self):
        super().run()
        if importlib.util.find_spec("PySide6") is None:
            print("PySide6 is not importable: shipping the .ts catalogues without .qm", file=sys.stderr)
            return
        target = Path(self.build_lib) / "editor" / "resources" / "i18n"
        for ts in sorted(Path("resources", "i18n").glob("*.ts")):
            target.mkdir(parents=True, exist_ok=True)
            subprocess.run([sys.executable, "-c",
                            "import sys; from PySide6.scripts.pyside_tool import lrelease; sys.exit(lrelease())",
                            "-silent", str(ts), "-qm", str(target / ts.with_suffix(".qm").name)], check=True)


setup(
    cmdclass={"build_py": BuildWithCatalogues},
    packages=find_packages(include=["editor", "editor.*"]) + ["editor.resources"],
    package_dir={"editor": "editor", "editor.resources": "resources"},
    package_data={"editor.resources": ["**/*"]},
    include_package_data=False,
)
