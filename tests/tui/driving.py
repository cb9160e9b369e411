"""Drives the answer widgets with real key presses, right or wrong, for any question type."""
from __future__ import annotations

from quizapp.tui.widgets.arrange import MatchingInput, OrderingInput
from quizapp.tui.widgets.card import CardView
from quizapp.tui.widgets.choices import ChoiceList


async def wait_for(pilot, predicate, timeout: float = 15.0) -> None:
    """Pause until predicate() holds (workers run in threads), failing after timeout seconds."""
    import time
    end = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > end:
            raise AssertionError("timed out waiting for the app")
        await pilot.pause(0.02)


async def type_text(pilot, text: str) -> None:
    await pilot.press(*[{" ": "space"}.get(ch, ch) for ch in text])


def shown_views(app) -> list[CardView]:
    """The cards on screen (a study session keeps the next card mounted but hidden)."""
    return [view for view in app.screen.query(CardView) if view.display]


def card_ready(app) -> bool:
    """A card is on screen and its input has the keyboard (focus is given just after mounting)."""
    views = shown_views(app)
    focused = app.focused
    return len(views) == 1 and focused is not None and (focused is views[0].input or views[0].input in focused.ancestors)


def card_view(app) -> CardView:
    views = shown_views(app)
    assert len(views) == 1, f"{len(views)} cards on screen"
    return views[0]


async def answer(pilot, correct: bool) -> None:
    """Answer the card on screen the way a learner would, by keys only."""
    view = card_view(pilot.app)
    q, widget = view.question, view.input
    if q.type == "multiple_choice":
        wanted = set(q.answers) if correct else {next(c for c in q.choices if c not in q.answers)}
        for i, option in enumerate(widget.options):
            if option in wanted:
                await pilot.press(str(i + 1))
        if q.multiple:
            await pilot.press("enter")
    elif q.type == "true_false":
        await pilot.press("t" if q.answer == correct else "f")
    elif q.type in ("short_answer", "numeric"):
        await type_text(pilot, str(q.answer) if correct else "999")
        await pilot.press("enter")
    elif q.type == "cloze":
        for gap in q.gaps(view.ord):
            await type_text(pilot, gap.answer if correct else "zzz")
            await pilot.press("enter")
    elif q.type == "ordering":
        assert isinstance(widget, OrderingInput)
        if correct:
            for target, item in enumerate(q.items):
                await move_cursor(pilot, widget, widget.order.index(item))
                await pilot.press("space", *["up"] * (widget.cursor - target), "space")
        await pilot.press("enter")
    elif q.type == "matching":
        assert isinstance(widget, MatchingInput)
        rights = [q.pairs[left] for left in widget.lefts]
        if not correct:
            rights = rights[1:] + rights[:1]  # everyone takes the next one's match
        for i, right in enumerate(rights):
            await move_cursor(pilot, widget, i)
            await pilot.press(widget.letters[widget.rights.index(right)])
        await pilot.press("enter")
    else:
        raise AssertionError(q.type)
    await pilot.pause()


async def move_cursor(pilot, widget, index: int) -> None:
    while widget.cursor != index:
        await pilot.press("down" if widget.cursor < index else "up")


def is_choice(widget) -> bool:
    return isinstance(widget, ChoiceList)
