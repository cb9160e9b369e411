"""A package's public names, imported from their modules on first use (PEP 562 module __getattr__).

For a package whose __init__ would otherwise import every module at once: `quizapp.srs` (the whole engine,
about 15% more start-up for `quizapp lint`, which needs only the answer checker) and `quizapp.bank` (the YAML
loader, about 8% more before the terminal UI's first frame, which only finds the library's folders).
"""
from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import Any


def lazy_exports(package: str, exports: dict[str, str]) -> Callable[[str], Any]:
    """The module __getattr__ of package: each name in exports imported from its module when first asked for.

    Args:
        package: the package's __name__.
        exports: public name -> module to import it from, relative to the package (".loader") or absolute
            ("fsrs").

    Returns:
        A function to assign to the package's __getattr__; a name it loads is then kept in the package, so it
        is looked up only once.
    """
    def __getattr__(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, package), name)
        setattr(sys.modules[package], name, value)
        return value
    return __getattr__
