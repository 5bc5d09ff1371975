"""What Site mode tells the writer, as English templates.

The core cannot import Qt: these are marked for extraction with a local no-op
and translated by the window (context "SitePreview"); `{command}` is the
command that fixes the problem, shown as it is.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(_context: str, text: str) -> str:  # noqa: N802 - pyside6-lupdate's marker
    return text


NO_GENERATOR = QT_TRANSLATE_NOOP(
    "SitePreview", "{generator} is not installed, so the site's own page cannot be shown. "
    "Install it ({command}) or set its path in the preferences.")
NO_BUNDLER = QT_TRANSLATE_NOOP(
    "SitePreview", "This site has a Gemfile but Bundler is not installed. Install it: {command}")
MISSING_GEMS = QT_TRANSLATE_NOOP(
    "SitePreview", "The site needs gems that are not installed. In the site's folder, run: {command}")
NO_SITE = QT_TRANSLATE_NOOP(
    "SitePreview", "This post is not in a Jekyll or Hugo site: Site mode needs one.")
DIED = QT_TRANSLATE_NOOP(
    "SitePreview", "The {generator} server stopped (exit code {code}); see the server log.")
