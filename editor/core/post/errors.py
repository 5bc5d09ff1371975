"""Errors about a post that a writer can act on, each with a location.

Every problem reported to the writer reads `path:line:col: error: message`;
lines and columns are 1-based and count in the whole file (not in the
front-matter fragment), so an editor can jump to them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class PostError(Exception):
    """A problem with a post's content, at a place in the file."""

    message: str
    line: int = 1
    column: int = 1
    path: str | None = None
    #: A stable rule id (the validation issue's ids: `yaml-syntax`, `binary-file`, ...).
    rule: str = "error"

    def __post_init__(self) -> None:
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.format()

    def with_path(self, path: object) -> "PostError":
        self.path = str(path)
        return self

    def format(self, path: object | None = None) -> str:
        where = str(path if path is not None else (self.path or "<post>"))
        return f"{where}:{self.line}:{self.column}: error: {self.message}"


class DecodeError(PostError):
    """The bytes are not text we can read (binary data, or no encoding fits)."""


class FrontMatterError(PostError):
    """The front matter cannot be parsed, or breaks a safety limit."""


class KeyPathError(KeyError):
    """A dotted key path does not lead to a value (or leads through a non-map)."""

    def __str__(self) -> str:  # KeyError quotes its argument; we want plain text.
        return str(self.args[0]) if self.args else "no such key"


class EditRefused(ValueError):
    """An edit was not made because it would change more than the writer asked
    (another key would read differently) or could not be written safely.
    The message says what and why; nothing was changed."""


class SharedValueError(EditRefused):
    """The edited value is shared with other keys (YAML anchor/alias): say
    `share="shared"` to change it everywhere or `share="own"` to give this key
    its own value. `sharing` is the editor.core.post.values.Sharing."""

    def __init__(self, message: str, sharing: object) -> None:
        super().__init__(message)
        self.sharing = sharing
