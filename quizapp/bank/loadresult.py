"""What loading one bank file gives: the bank (or the problems that stop it), its summary and its positions.

Its own module so that the loader and the cache both build one without importing each other."""
from __future__ import annotations

import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .positions import Locator
from .problems import Problem

if TYPE_CHECKING:  # pydantic is imported on first parse: `list` and the TUI start faster without it
    from .models import Bank


@dataclass
class LoadResult:
    """What loading one file gave: a bank, or the problems that stop it."""

    path: Path
    display: str
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # the bank is valid; the teacher should still look
    bank_id: str | None = None
    title: str | None = None
    question_count: int = 0
    id_position: tuple[int, int] = (1, 1)
    from_cache: bool = False
    digest: str = ""  # the content hash (cache.content_digest) of a valid bank's file
    _bank: Bank | None = None
    _payload: bytes | None = None  # a cached bank, unpickled on first use
    _locator: Locator | None = None
    _locator_payload: bytes | None = None  # a cached bank's positions, unpickled on first use

    @property
    def bank(self) -> Bank | None:
        """The validated Bank, or None when the file has problems."""
        if self._bank is None and self._payload is not None:
            self._bank, self._payload = pickle.loads(self._payload), None
        if self._bank is not None and getattr(self._bank, "_source_path", None) is None:
            self._bank._source_path = self.path  # a private attribute: frozen fields stay frozen
        return self._bank

    @bank.setter
    def bank(self, value: Bank | None) -> None:
        self._bank, self._payload = value, None

    @property
    def locator(self) -> Locator:
        """Where each part of the file stands (found at load; kept in the cache with the bank)."""
        if self._locator is None:
            payload, self._locator_payload = self._locator_payload, None
            self._locator = pickle.loads(payload) if payload is not None else Locator(None)
        return self._locator

    @property
    def ok(self) -> bool:
        return not self.problems
