"""`quizapp lint`'s core: item-writing rules over valid banks, with located findings (no interface code)."""
from __future__ import annotations

from .engine import lint_results
from .findings import RULES, Finding, Rule, parse_codes

__all__ = ["RULES", "Finding", "Rule", "lint_results", "parse_codes"]
