"""Bank format v1: models, loading with located problems, validation, grounding checks."""
from __future__ import annotations

import importlib
from typing import Any

# Loaded on first use (PEP 562): `quizapp.bank.library` only finds folders, and the terminal UI imports it
# before its first frame, which should not wait for the YAML loader.
_EXPORTS = {
    "LoadResult": "loadresult", "find_bank_files": "loader", "load_bank": "loader", "load_file": "loader",
    "load_paths": "loader", "parse_bytes": "loader", "BankError": "problems", "Problem": "problems",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:  # the lazy exports keep `import quizapp.bank` cheap
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
