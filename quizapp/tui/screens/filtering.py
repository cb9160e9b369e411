"""Search in the library: words match title, id or description; #tag matches a tag."""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from ...bank.loader import LoadResult
    from ...bank.models import Bank


def bank_tags(bank: Bank) -> set[str]:
    """The bank's tags and those of its questions."""
    tags = set(bank.tags)
    for q in bank.questions:
        tags.update(q.tags)
    return tags


def query_tags(query: str, banks: Iterable[Bank]) -> tuple[str, ...]:
    """The banks' tags that the query's #words start, as the search matched them: '#kor' -> korea, korean-war."""
    prefixes = [word[1:].casefold() for word in query.split() if word.startswith("#") and len(word) > 1]
    if not prefixes:
        return ()
    tags: set[str] = set().union(*(bank_tags(b) for b in banks))
    return tuple(sorted(t for t in tags if any(t.casefold().startswith(p) for p in prefixes)))


def matches(result: LoadResult, query: str) -> bool:
    """Whether a LoadResult fits every word of the query."""
    words = [w.casefold() for w in query.split() if w != "#"]
    if not words:
        return True
    bank = result.bank if result.ok else None
    haystack = " ".join(filter(None, (result.title, result.bank_id, result.display,
                                      bank.description if bank else None))).casefold()
    tags = {t.casefold() for t in bank_tags(bank)} if bank else set()
    for word in words:
        if word.startswith("#"):
            if not any(t.startswith(word[1:]) for t in tags):
                return False
        elif word not in haystack:
            return False
    return True
