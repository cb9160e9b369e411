"""`quizapp lint`'s core: item-writing rules over valid banks, with located findings (no interface code)."""
from __future__ import annotations

from ..lazy import lazy_exports

# Loaded on first use: a warm lint answers from the findings cache (run.py) and should not import the rules,
# which import the bank models and with them pydantic (about 0.2 s, more than a warm lint's total).
_EXPORTS = {"lint_results": ".run", "RULES": ".findings", "Finding": ".findings", "Rule": ".findings",
            "parse_codes": ".findings"}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS, globals())
