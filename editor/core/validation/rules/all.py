"""The complete rule set: every rule module imported, its checks in run order.

Run order is the order of `MODULES` (cheap structural rules first), then the
order of the checks within each module, whatever order the modules happened
to be imported in (a rule module may import another for a helper).
"""

from __future__ import annotations

from editor.core.validation.rules import (content, dates, fields, liquid, links, markup, preview_fidelity, source,
                                         vocabulary)
from editor.core.validation.rules.registry import CHECKS as _REGISTERED, Check

MODULES = (source, fields, dates, links, markup, liquid, vocabulary, content, preview_fidelity)

_ORDER = {module.__name__: n for n, module in enumerate(MODULES)}
#: Every check, in run order (a stable sort keeps each module's own order).
CHECKS: list[Check] = sorted(_REGISTERED, key=lambda chk: _ORDER[chk.run.__module__])
#: Every rule id with its default severity (the README documents them).
DEFAULT_SEVERITY: dict[str, str] = {rule: sev for c in CHECKS for rule, sev in c.rules.items()}
RULE_IDS = frozenset(DEFAULT_SEVERITY) | {"internal-error"}

__all__ = ["CHECKS", "Check", "DEFAULT_SEVERITY", "MODULES", "RULE_IDS"]
