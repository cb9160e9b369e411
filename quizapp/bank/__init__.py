"""Bank format v1: models, loading with located problems, validation, grounding checks."""
from __future__ import annotations

from ..lazy import lazy_exports

# Loaded on first use: `quizapp.bank.library` only finds folders, and the terminal UI imports it before its
# first frame, which should not wait for the YAML loader (importing it at once measured 8% more start-up).
_EXPORTS = {
    "LoadResult": ".loadresult", "find_bank_files": ".loader", "load_bank": ".loader", "load_file": ".loader",
    "load_paths": ".loader", "parse_bytes": ".loader", "BankError": ".problems", "Problem": ".problems",
}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS, globals())  # keeps `import quizapp.bank` cheap
