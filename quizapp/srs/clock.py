"""The engine's time helpers, in one place: the clock the interfaces read, and moments as stored integers.

The engine itself never reads the clock: as in py-fsrs, every function that needs the time takes `now` as a
parameter, and the interfaces (TUI, line mode, commands) pass `utc_now()` or a test's fixed clock. A public
entry point turns its `now` into a `UtcTime` once (`require_utc`); what it calls below takes a `UtcTime`,
so the type checker sees that the check was made, and it is not made again.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Callable, NewType, overload

# An aware datetime whose tzinfo is timezone.utc, as fsrs insists: made only by require_utc, utc_now, from_us.
UtcTime = NewType("UtcTime", datetime)
Clock = Callable[[], datetime]  # what an interface reads the time from: utc_now, or a test's fixed moment

EPOCH = UtcTime(datetime(1970, 1, 1, tzinfo=timezone.utc))


def utc_now() -> UtcTime:
    """The one clock of the app: the interfaces read it and hand the moment to the engine."""
    return UtcTime(datetime.now(timezone.utc))


def require_utc(now: datetime) -> UtcTime:
    """Any aware datetime as UTC (fsrs insists on tzinfo == timezone.utc).

    Args:
        now: an aware datetime, in any zone.

    Returns:
        The same moment in UTC.

    Raises:
        ValueError: now is naive (its zone, and so its moment, is unknown).
    """
    if now.tzinfo is None:
        raise ValueError("now must be a timezone-aware datetime")
    return UtcTime(now.astimezone(timezone.utc))


def span_us(delta: timedelta) -> int:
    """A timedelta as integer microseconds (exact, unlike total_seconds())."""
    return (delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds


@overload
def to_us(moment: datetime) -> int: ...
@overload
def to_us(moment: None) -> None: ...
def to_us(moment: datetime | None) -> int | None:
    """An aware datetime as integer microseconds since the epoch (exact, sortable): how the store keeps moments.

    Args:
        moment: an aware datetime, or None.

    Returns:
        The microseconds, or None for None.

    Raises:
        ValueError: moment is naive.
    """
    if moment is None:
        return None
    if moment.tzinfo is None:
        raise ValueError("datetimes must be timezone-aware")
    return span_us(moment - EPOCH)


@overload
def from_us(value: int) -> UtcTime: ...
@overload
def from_us(value: None) -> None: ...
def from_us(value: int | None) -> UtcTime | None:
    """The inverse of to_us.

    Args:
        value: microseconds since the epoch, or None.

    Returns:
        The moment in UTC, or None for None.
    """
    if value is None:
        return None
    return UtcTime(EPOCH + timedelta(microseconds=value))
