"""Package layout that pyproject.toml alone can't say.

resources/ sits at the top of the checkout (see ../shared/DESIGN.md) but must
travel inside the wheel, so it is installed as the package `editor.resources`
(found at run time with importlib.resources). Everything else is in pyproject.toml.
"""

from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["editor", "editor.*"]) + ["editor.resources"],
    package_dir={"editor": "editor", "editor.resources": "resources"},
    package_data={"editor.resources": ["**/*"]},
    include_package_data=False,
)
