"""A study session: one card at a time, feedback, rating with intervals, undo, and a closing summary."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Awaitable, Iterable

from fsrs import Rating
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Header, ProgressBar, Static

from ...srs.checking import CheckResult, check_answer
from ...srs.session import Session
from ...srs.storefile import StoreError
from .. import keys
from ..leaks import release_removed_widgets
from ..text import literal
from ..widgets.footer import KeyFooter
from ..widgets.base import AnswerInput
from ..widgets.card import CardView
from ..widgets.rating import RatingBar
from .card_control import CARD_PALETTE, CardControl
from .more import StudyMore, StudyMoreScreen
from .summary import SessionSummary

if TYPE_CHECKING:
    from datetime import datetime

    from ...bank.models import Bank
    from ...srs.cards import StudyCard


PREPARE_AFTER = 0.08  # seconds after the feedback is on screen; no one rates that fast after reading it


def session_title(banks: list[Bank], tags: Iterable[str], more: StudyMore, cram: bool) -> str:
    """The header's subtitle: the banks, the #tags, and the kind of extra study."""
    title = " + ".join(b.title for b in banks[:2]) + (" + …" if len(banks) > 2 else "")
    title += "".join(f" · #{t}" for t in tags)
    if more.extra_new:
        title += f" · {more.extra_new} extra new"
    elif more.ahead is not None:
        title += f" · review ahead {more.ahead.days}d"
    return title + (" · cram" if cram else "")


class StudyScreen(CardControl):
    """Answer, then rate 1-4 (Enter takes the suggested rating); u undoes the last rating.

    Dismissed (with None) when the learner leaves: the caller's callback says what comes next."""

    AUTO_FOCUS = ""  # the card's input takes the focus once it is mounted
    BINDINGS = keys.STUDY_KEYS
    PALETTE = CARD_PALETTE + (("undo", "Undo the last answer", "Ask the last rated card again, its schedule restored"),
               ("study_more", "Study more today", "Extra new cards, review ahead, or cram these banks or a tag"),
               ("leave", "End the session", "Every answer so far is saved"))

    def __init__(self, banks: list[Bank], *, tags: Iterable[str] = (), cram: bool = False,
                 more: StudyMore | None = None, leave_words: str = "go back to the library") -> None:
        """Args:
            more: a "study more today" choice (extra new cards, review ahead or cram), which sets tags and cram.
            leave_words: what leaving does, in the closing summary's words ("quit" when the app ends with it).
        """
        super().__init__()
        if more is not None and more.cram:  # cram names its own tags (none: every card of the banks)
            tags, cram = more.tags, True
        self.banks, self.tags, self.cram = banks, tuple(tags), cram
        self.more = more or StudyMore()
        self.leave_words = leave_words
        self.session: Session | None = None
        self.card: StudyCard | None = None
        self.given: Any = None  # the learner's answer to the card on screen, as its input gave it
        self.result: CheckResult | None = None
        self.shown_at: datetime | None = None
        self.overridden = False  # "I was right" taken for the card on screen
        self.view: CardView | None = None  # the card on screen
        self.retired: list[Widget] = []  # hidden widgets of earlier cards, removed at the next quiet moment
        # (card, hidden CardView, its mounting) built ahead by prepare_next
        self.prepared: tuple[StudyCard, CardView, Awaitable[Any]] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="session-bar"):
            yield ProgressBar(total=None, show_eta=False, show_percentage=False, id="session-progress")
            yield Static("Preparing your cards…", id="session-counts")
        yield Static("", id="card-slot")
        rating = RatingBar(id="rating")
        rating.display = False
        yield rating
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = session_title(self.banks, self.tags, self.more, self.cram)
        self.start_session()

    @work(thread=True, exclusive=True, group="session")
    def start_session(self) -> None:
        ok, session = self.quiz_app.with_store(
            lambda: self.quiz_app.engine_for(self.banks).session(
                self.quiz_app.now(), bank_ids=[b.id for b in self.banks], tags=self.tags or None, cram=self.cram,
                extra_new=self.more.extra_new, ahead=self.more.ahead),
            on_failure=self.halt)
        if ok:
            self.app.call_from_thread(self.begin, session)

    def halt(self) -> None:
        """No session after all: stop the busy bar."""
        self.query_one("#session-progress", ProgressBar).update(total=1, progress=0)
        self.query_one("#session-counts", Static).update("No session: the review store cannot be used")

    async def begin(self, session: Session) -> None:
        self.session = session
        self.quiz_app.settle()
        await self.show_next()

    # -- the card cycle --------------------------------------------------------------------
    def card_view(self, card: StudyCard) -> CardView:
        return CardView(card.bank, card.question, card.ord, rng=self.quiz_app.rng,
                        meta=card.state + (" · cram" if self.cram else ""))

    async def show_card(self, card: StudyCard) -> None:
        self.card, self.given, self.result = card, None, None
        self.overridden = False
        self.shown_at = self.quiz_app.now()
        view = await self.take_prepared(card)
        if view is None:
            view = self.card_view(card)
        previous = [w for w in self.query("CardView, SessionSummary") if w is not view and w.display]
        self.view = view
        # One frame for the whole swap: never a screen with the old card gone and the new one not yet up.
        with self.app.batch_update():
            self.query_one("#rating").display = False
            for widget in previous:
                widget.display = False
            if not view.is_mounted:
                await self.mount(view, after="#card-slot")
            view.display = True
            view.input.focus_first()
            self.update_progress()
        # Removing widgets costs a layout pass of its own: done later, while the learner reads the feedback.
        self.retired.extend(previous)

    def prepare_next(self, answered: StudyCard) -> None:
        """Mount the likely next card, hidden, while the learner reads the feedback: rating then only swaps it in."""
        if self.retired:
            self.remove_children(self.retired)
            self.retired = []
            release_removed_widgets(self.app)
        if self.card is not answered or self.result is None or self.prepared is not None or self.session is None:
            return
        card = self.session.likely_next(answered, self.quiz_app.now())
        if card is not None:
            view = self.card_view(card)
            view.display = False
            self.prepared = (card, view, self.mount(view, after=self.view))

    async def take_prepared(self, card: StudyCard | None) -> CardView | None:
        """The prepared view if it is this card (same card, same state); otherwise it is dropped."""
        if self.prepared is None:
            return None
        prepared, view, mounting = self.prepared
        self.prepared = None
        await mounting
        if prepared == card:
            return view
        await view.remove()
        return None

    async def show_next(self) -> None:
        assert self.session is not None, "cards are shown once the session has begun"
        card = self.session.next_card(self.quiz_app.now())
        if card is None:
            await self.finish()
        else:
            await self.show_card(card)

    @on(AnswerInput.Submitted)
    async def check(self, event: AnswerInput.Submitted) -> None:
        event.stop()
        if self.card is None or self.result is not None or self.session is None or self.view is None:
            return
        self.given = event.given
        self.result = check_answer(self.card.question, self.card.ord, event.given)
        await self.view.show_feedback(self.result)
        # Cram changes no schedule: the buttons show no intervals that would not happen.
        intervals = {} if self.cram else self.session.intervals(self.card, self.quiz_app.now())
        self.query_one(RatingBar).show(intervals, self.result.suggested)
        self.refresh_bindings()  # "i I was right" when it applies
        # Once the feedback is painted and the learner is reading it: a key pressed before then is not kept
        # waiting for a card being prepared (prepare_next does nothing once the card has changed).
        answered = self.card
        self.call_after_refresh(self.set_timer, PREPARE_AFTER, lambda: self.prepare_next(answered))

    @on(RatingBar.Rated)
    async def rated(self, event: RatingBar.Rated) -> None:
        await self.action_rate(int(event.rating))

    async def action_rate(self, rating: int) -> None:
        if self.result is None or self.session is None or self.card is None or self.shown_at is None:
            return
        now = self.quiz_app.now()
        try:
            answered = self.session.answer(self.card, Rating(rating), now, given=self.given, result=self.result,
                                           duration=(now - self.shown_at).total_seconds(),
                                           overridden=self.overridden)
        except StoreError as exc:
            self.quiz_app.show_store_error(exc)
            return
        self.leech_notice(answered)
        await self.show_next()

    def update_progress(self) -> None:
        assert self.session is not None, "progress is shown once the session has begun"
        p = self.session.progress
        left = p.new_left + p.learning_left + p.review_left
        bar = self.query_one("#session-progress", ProgressBar)
        bar.update(total=max(p.done + left, 1), progress=p.done)
        self.query_one("#session-counts", Static).update(literal(
            f"{p.done} done · {p.review_left} due · {p.learning_left} learning · {p.new_left} new"))

    async def finish(self, ended_early: bool = False) -> None:
        self.card = self.view = None
        self.retired = []  # removed with the rest just below
        await self.take_prepared(None)
        self.query_one("#rating").display = False
        await self.remove_children("CardView, SessionSummary")
        self.update_progress()
        assert self.session is not None, "a session ends once it has begun"
        summary = SessionSummary(self.session, self.quiz_app.now(), self.banks, leave_words=self.leave_words,
                                 ended_early=ended_early)
        await self.mount(summary, after="#card-slot")
        summary.focus()

    def action_stats(self) -> None:
        if self.card is None:
            self.quiz_app.action_stats(self.banks)

    def action_study_more(self) -> None:
        """From the summary (or the palette): a new session over the same banks, by the learner's choice."""
        if self.session is None:
            return
        if self.card is not None:
            self.notify("Finish or end this session first (Esc), then study more.", severity="warning")
            return

        def chosen(more: StudyMore | None) -> None:
            if more is not None:  # the new session over this one; leaving it leaves this one too
                self.app.push_screen(StudyScreen(self.banks, tags=self.tags, more=more, leave_words=self.leave_words),
                                     self.leave_with)

        self.app.push_screen(StudyMoreScreen(self.banks, self.tags), chosen)

    def leave_with(self, result: None = None) -> None:
        """Leave this session, handing on a result (that of a session started from this one's summary)."""
        self.dismiss(result)

    async def action_leave(self) -> None:
        # Leaving mid-session shows the summary first (once), as reaching the end does.
        if self.card is not None and self.session is not None and self.session.progress.done > 0:
            await self.finish(ended_early=True)
            return
        self.dismiss()
