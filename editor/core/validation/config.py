"""Per-rule settings from a site's `galley.toml` (the `[rules]` table).

    [rules]
    future-date = "off"              # off | on | error | warning | info
    new-tag = "warning"
    [rules.title-length]
    severity = "info"
    min = 10
    max = 70

(Plain dicts, not mapping proxies: the config crosses the process pool.)
`check_galley_toml` checks the whole file before a run (the CLI's usage errors).
A setting that cannot be understood is not fatal: it is kept in `problems`
(the CLI prints them) and the rule keeps its default, so one typo in the
config never silences validation of the whole site.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from editor.core.site.schema import parse_fields, read_galley_toml
from editor.core.site.site import SETTINGS_FILE
from editor.core.validation.diagnostics import SEVERITIES
from editor.core.validation.rules.all import RULE_IDS

_SWITCHES = {"off": False, "false": False, "on": True, "true": True}


@dataclass(frozen=True)
class RuleSetting:
    enabled: bool = True
    #: None keeps the rule's own default severity.
    severity: str | None = None
    #: Bounds and other knobs (`min`, `max`, ...), as written.
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ValidationConfig:
    rules: Mapping[str, RuleSetting] = field(default_factory=dict)
    #: Overrides the generator's `future` setting when not None.
    future: bool | None = None
    problems: tuple[str, ...] = ()

    def setting(self, rule: str) -> RuleSetting:
        return self.rules.get(rule, _DEFAULT)

    def enabled(self, rule: str) -> bool:
        return self.setting(rule).enabled

    def option(self, rule: str, name: str, default: Any) -> Any:
        return self.setting(rule).options.get(name, default)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], known_rules: frozenset[str] | None = None
                     ) -> "ValidationConfig":
        """Read the parsed `galley.toml` (the whole file; only `[rules]` and `future` matter)."""
        problems: list[str] = []
        rules: dict[str, RuleSetting] = {}
        table = data.get("rules", {})
        if not isinstance(table, Mapping):
            problems.append("[rules] must be a table")
            table = {}
        for name, value in table.items():
            if known_rules is not None and name not in known_rules:
                problems.append(f"unknown rule {name!r} in [rules]")
                continue
            setting = _parse_setting(name, value, problems)
            if setting is not None:
                rules[name] = setting
        future = data.get("future")
        if future is not None and not isinstance(future, bool):
            problems.append("`future` must be true or false")
            future = None
        return cls(rules, future, tuple(problems))

    @classmethod
    def load(cls, site_root: Path | str | None, known_rules: frozenset[str] | None = None
             ) -> "ValidationConfig":
        """The config of the site at `site_root` (defaults when it has no galley.toml)."""
        if site_root is None:
            return cls()
        path = Path(site_root) / SETTINGS_FILE
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            return cls(problems=(f"{SETTINGS_FILE} cannot be read: {exc}",))
        return cls.from_mapping(data, known_rules)


_DEFAULT = RuleSetting()


def check_galley_toml(root: Path) -> tuple[str, ...]:
    """Problems in `root/galley.toml` that do not stop validation (unknown rules, bad
    settings); raises SchemaError for what does (a `[fields]` table we cannot use).
    Cheap: no post is read, so the CLI can ask before starting the real work."""
    data = read_galley_toml(root)
    if data is None:
        return ()
    if "fields" in data:
        parse_fields(data["fields"])
    return ValidationConfig.from_mapping(data, RULE_IDS).problems


def _parse_setting(name: str, value: Any, problems: list[str]) -> RuleSetting | None:
    if isinstance(value, bool):
        return RuleSetting(enabled=value)
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _SWITCHES:
            return RuleSetting(enabled=_SWITCHES[word])
        if word in SEVERITIES:
            return RuleSetting(severity=word)
        problems.append(f"rule {name!r}: {value!r} is not off/on/error/warning/info")
        return None
    if isinstance(value, Mapping):
        enabled = value.get("enabled", True)
        severity = value.get("severity")
        if isinstance(severity, str) and severity.lower() in _SWITCHES:
            enabled, severity = _SWITCHES[severity.lower()], None
        if severity is not None and severity not in SEVERITIES:
            problems.append(f"rule {name!r}: severity {severity!r} is not error/warning/info")
            severity = None
        if not isinstance(enabled, bool):
            problems.append(f"rule {name!r}: enabled must be true or false")
            enabled = True
        options = {k: v for k, v in value.items() if k not in ("enabled", "severity")}
        for bound in ("min", "max"):
            if bound in options and not isinstance(options[bound], int):
                problems.append(f"rule {name!r}: {bound} must be a whole number")
                del options[bound]
        return RuleSetting(enabled, severity, options)
    problems.append(f"rule {name!r}: expected a string or a table")
    return None
