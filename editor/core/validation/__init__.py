"""Validation of posts: the rule set and the runner, checking posts against the
site's facts (the schema itself belongs to the site: editor.core.site.schema).

The window's calls (see docs/core-api.md, "editor.core.validation"):

    schema = load_schema(site)                      # or let build() load it
    context = ValidationContext.build(site, schema)  # once per site
    diagnostics = validate_document(doc, context)   # per keystroke, ~1 ms
"""

from editor.core.site.schema import FIELD_TYPES, Field, Schema, SchemaError
from editor.core.site.schema_sources import load_schema
from editor.core.validation.config import RuleSetting, ValidationConfig
from editor.core.validation.context import ValidationContext
from editor.core.validation.diagnostics import ERROR, INFO, INTERNAL_ERROR, SEVERITIES, WARNING, Diagnostic
from editor.core.validation.rules.all import DEFAULT_SEVERITY, RULE_IDS
from editor.core.validation.runner import validate_bytes, validate_document, validate_path, validate_paths

__all__ = [
    "Diagnostic", "ERROR", "WARNING", "INFO", "SEVERITIES", "INTERNAL_ERROR",
    "Field", "Schema", "SchemaError", "FIELD_TYPES", "load_schema",
    "ValidationConfig", "RuleSetting", "ValidationContext",
    "DEFAULT_SEVERITY", "RULE_IDS",
    "validate_document", "validate_bytes", "validate_path", "validate_paths",
]
