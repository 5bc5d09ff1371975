"""The README's rule table is the registry's: a rule added, removed or given
another default severity fails here until `make rules-doc` is run."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def rules_table():
    spec = importlib.util.spec_from_file_location("rules_table", ROOT / "docs" / "rules_table.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_readme_table_is_the_generated_one(rules_table):
    block = rules_table.readme_block((ROOT / "README.md").read_text(encoding="utf-8"))
    assert block is not None, "README.md lost its rules table markers"
    assert block == rules_table.block(), "README.md's rules table is stale: run `make rules-doc`"


def test_the_table_lists_every_rule_with_its_default_severity(rules_table):
    from editor.core.validation.rules.all import DEFAULT_SEVERITY

    rows = {line.split("|")[1].strip(" `"): line.split("|")[2].strip()
            for line in rules_table.table().splitlines()[2:]}
    for rule, severity in DEFAULT_SEVERITY.items():
        assert rows[rule] == severity
    assert rows["internal-error"] == "warning" and rows["io-error"] == "error"


def test_a_rule_without_a_summary_stops_the_table(rules_table, monkeypatch):
    monkeypatch.delitem(rules_table.SUMMARIES, "new-tag")
    with pytest.raises(SystemExit, match="new-tag"):
        rules_table.table()


def test_a_registered_rule_with_another_severity_changes_the_table(rules_table, monkeypatch):
    from editor.core.validation.rules import all as rules_all

    monkeypatch.setitem(rules_all.DEFAULT_SEVERITY, "new-tag", "warning")
    assert "| `new-tag` | warning |" in rules_table.table()
