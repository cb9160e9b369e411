"""Lazy package exports (PEP 562): a name is imported from its module when first asked for."""
from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def lazy_exports(package: str, exports: dict[str, str], namespace: dict[str, Any]) -> Callable[[str], Any]:
    """A module-level `__getattr__` for package: each name is imported from its module on first use.

    Args:
        package: the package's `__name__`.
        exports: name -> module, relative to the package (".loader") or absolute ("fsrs").
        namespace: the package's `globals()`, where a name once imported is kept (the next lookup is free).

    Returns:
        The `__getattr__` function to assign in the package.
    """
    def __getattr__(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, package), name)
        namespace[name] = value
        return value
    return __getattr__
