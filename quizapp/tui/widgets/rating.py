"""The four rating buttons with their next intervals; the suggested one takes the focus."""
from __future__ import annotations

from datetime import timedelta
from typing import Literal

from fsrs import Rating
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Button

from ...srs.scheduler import format_interval

LABELS = {Rating.Again: "Again", Rating.Hard: "Hard", Rating.Good: "Good", Rating.Easy: "Easy"}
VARIANTS: dict[Rating, Literal["error", "warning", "success", "primary"]] = {Rating.Again: "error", Rating.Hard: "warning", Rating.Good: "success", Rating.Easy: "primary"}


class RatingBar(Horizontal):
    """Again · Hard · Good · Easy, each with its interval; posts Rated(rating)."""

    DEFAULT_CSS = """
    RatingBar { height: auto; align-horizontal: center; padding: 0 1; }
    /* No minimum width: at 50 columns all four still fit, each with its interval. */
    RatingBar Button { width: 1fr; min-width: 0; max-width: 22; margin: 0 1 0 0; }
    RatingBar Button:focus { text-style: bold underline; background-tint: $foreground 25%; }
    """

    class Rated(Message):
        def __init__(self, rating: Rating) -> None:
            super().__init__()
            self.rating = rating

    def compose(self) -> ComposeResult:
        for rating, label in LABELS.items():
            button = Button(f"{int(rating)} {label}", id=f"rate-{int(rating)}", variant=VARIANTS[rating], compact=True)
            button.styles.line_pad = 0  # "3 Good 10m" fits 11 columns (CSS cannot say line-pad: 0)
            yield button

    def show(self, intervals: dict[Rating, timedelta], suggested: Rating | None) -> None:
        """Label the buttons with their intervals; the suggested one takes the focus (none for a self-graded card)."""
        for rating, label in LABELS.items():
            button = self.query_one(f"#rate-{int(rating)}", Button)
            span = intervals.get(rating)
            button.label = f"{int(rating)} {label} {format_interval(span)}" if span is not None else f"{int(rating)} {label}"
        self.display = True
        self.suggest(suggested)

    def suggest(self, rating: Rating | None) -> None:
        """Focus the suggested rating's button (Enter takes it); None: no suggestion, no focus moved."""
        if rating is not None:
            self.query_one(f"#rate-{int(rating)}", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.Rated(Rating(int(str(event.button.id).removeprefix("rate-")))))
