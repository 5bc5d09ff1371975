"""What a validation rule reports: a `Diagnostic`, at a place in the file.

Diagnostics are plain frozen values so they cross a process pool (the CLI
validates a big site on all cores) and the window can keep them in a model.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace

ERROR = "error"
WARNING = "warning"
INFO = "info"

#: Most severe first; the order sorts output and caps severities.
SEVERITIES = (ERROR, WARNING, INFO)
_RANK = {name: i for i, name in enumerate(SEVERITIES)}

#: The rule id a crashing rule is reported under (the other rules still run).
INTERNAL_ERROR = "internal-error"


def severity_rank(severity: str) -> int:
    """0 for error, 1 for warning, 2 for info: smaller is more severe."""
    return _RANK[severity]


def milder(severity: str, cap: str) -> str:
    """`severity`, but no more severe than `cap` (an inferred schema caps at warning)."""
    return severity if _RANK[severity] >= _RANK[cap] else cap


@dataclass(frozen=True)
class Diagnostic:
    """One problem with a post.

    `line`/`column` are 1-based in the whole file. `key` is the front-matter
    key (a dotted path such as "header.image") when the problem concerns a
    field, so the window can mark that field in its form. `fix` is a short
    suggestion ("did you mean 'python'?") when one is obvious, else None.

    `template` and `fix_template` are the English templates `message` and
    `fix` were filled in from (messages.py; "" for a plain message), `params`
    their parameters as sorted (name, value) pairs: the window shows the
    translated template filled in with them. `message` stays the English text
    the CLI and the JSON output print.
    """

    severity: str
    rule: str
    message: str
    line: int = 1
    column: int = 1
    key: str | None = None
    fix: str | None = None
    path: str | None = None
    template: str = ""
    params: tuple[tuple[str, object], ...] = ()
    fix_template: str = ""

    def __post_init__(self) -> None:
        if self.severity not in _RANK:
            raise ValueError(f"unknown severity {self.severity!r}")

    def format(self, path: object | None = None) -> str:
        """`path:line:col: severity: message [rule-id]` (the CLI's text format)."""
        where = str(path if path is not None else (self.path or "<post>"))
        text = f"{where}:{self.line}:{self.column}: {self.severity}: {self.message}"
        if self.fix:
            text += f" ({self.fix})"
        return f"{text} [{self.rule}]"

    def with_severity(self, severity: str) -> "Diagnostic":
        return replace(self, severity=severity)

    def with_path(self, path: object) -> "Diagnostic":
        return replace(self, path=str(path))

    def to_json(self) -> dict:
        """The CLI's JSON record: path, line, column, severity, rule, message (+ key, fix)."""
        data = asdict(self)
        return {
            "path": data["path"],
            "line": data["line"],
            "column": data["column"],
            "severity": data["severity"],
            "rule": data["rule"],
            "message": data["message"],
            "key": data["key"],
            "fix": data["fix"],
        }

    def sort_key(self) -> tuple:
        return (self.path or "", self.line, self.column, _RANK[self.severity], self.rule)
