"""A study session: one card at a time, feedback, rating with intervals, undo, and a closing summary."""
from __future__ import annotations

from textual import on, work
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Header, Input, ProgressBar, Static

from ..leaks import release_removed_widgets
from ..text import literal
from ..widgets.footer import KeyFooter
from ..widgets.base import AnswerInput
from ..widgets.card import CardView
from ..widgets.rating import RatingBar
from .card_control import CARD_BINDINGS, CARD_PALETTE, CardControl
from .more import StudyMore, StudyMoreScreen
from .summary import SessionSummary


PREPARE_AFTER = 0.08  # seconds after the feedback is on screen; no one rates that fast after reading it


def session_title(banks: list, tags, more: StudyMore, cram: bool) -> str:
    """The header's subtitle: the banks, the #tags, and the kind of extra study."""
    title = " + ".join(b.title for b in banks[:2]) + (" + …" if len(banks) > 2 else "")
    title += "".join(f" · #{t}" for t in tags)
    if more.extra_new:
        title += f" · {more.extra_new} extra new"
    elif more.ahead is not None:
        title += f" · review ahead {more.ahead.days}d"
    return title + (" · cram" if cram else "")


class StudyScreen(CardControl, Screen):
    """Answer, then rate 1-4 (Enter takes the suggested rating); u undoes the last rating."""

    AUTO_FOCUS = ""  # the card's input takes the focus once it is mounted
    BINDINGS = [
        Binding("1", "rate(1)", "Again", show=False),
        Binding("2", "rate(2)", "Hard", show=False),
        Binding("3", "rate(3)", "Good", show=False),
        Binding("4", "rate(4)", "Easy", show=False),
        Binding("u", "undo", "Undo"),
        Binding("ctrl+z", "undo_typing", "Undo"),  # in the footer while typing, where u is a letter
        Binding("s", "stats", "Stats", show=False),
        Binding("m", "study_more", "Study more", show=False),
        Binding("i", "i_was_right", "I was right"),  # shown only after a typed answer graded wrong
        Binding("escape", "leave", "End session"),
        *CARD_BINDINGS,
    ]
    PALETTE = CARD_PALETTE + (("undo", "Undo the last answer", "Ask the last rated card again, its schedule restored"),
               ("study_more", "Study more today", "Extra new cards, review ahead, or cram these banks or a tag"),
               ("leave", "End the session", "Every answer so far is saved"))

    def __init__(self, banks: list, *, tags=(), cram: bool = False, standalone: bool = False,
                 more: StudyMore | None = None) -> None:
        """more: a "study more today" choice (extra new cards, review ahead or cram), which sets tags and cram."""
        super().__init__()
        if more is not None and more.cram:  # cram names its own tags (none: every card of the banks)
            tags, cram = more.tags, True
        self.banks, self.tags, self.cram, self.standalone = banks, tuple(tags), cram, standalone
        self.more = more or StudyMore()
        self.session = None
        self.card = None
        self.given = self.result = None
        self.shown_at = None
        self.view: CardView | None = None  # the card on screen
        self.retired: list = []  # hidden widgets of earlier cards, removed at the next quiet moment
        self.prepared = None  # (card, hidden CardView, its mounting) built ahead by prepare_next

    def compose(self):
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
        ok, session = self.app.with_store(
            lambda: self.app.engine_for(self.banks).session(
                self.app.now(), bank_ids=[b.id for b in self.banks], tags=self.tags or None, cram=self.cram,
                extra_new=self.more.extra_new, ahead=self.more.ahead),
            on_failure=self.halt)
        if ok:
            self.app.call_from_thread(self.begin, session)

    def halt(self) -> None:
        """No session after all: stop the busy bar."""
        self.query_one("#session-progress", ProgressBar).update(total=1, progress=0)
        self.query_one("#session-counts", Static).update("No session: the review store cannot be used")

    async def begin(self, session) -> None:
        self.session = session
        self.app.settle()
        await self.show_next()

    # -- the card cycle --------------------------------------------------------------------
    def card_view(self, card) -> CardView:
        return CardView(card.bank, card.question, card.ord, rng=self.app.rng,
                        meta=card.state + (" · cram" if self.cram else ""))

    async def show_card(self, card) -> None:
        self.card, self.given, self.result = card, None, None
        self.overridden = False
        self.shown_at = self.app.now()
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

    def prepare_next(self, answered) -> None:
        """Mount the likely next card, hidden, while the learner reads the feedback: rating then only swaps it in."""
        if self.retired:
            self.remove_children(self.retired)
            self.retired = []
            release_removed_widgets(self.app)
        if self.card is not answered or self.result is None or self.prepared is not None:
            return
        card = self.session.likely_next(answered, self.app.now())
        if card is not None:
            view = self.card_view(card)
            view.display = False
            self.prepared = (card, view, self.mount(view, after=self.view))

    async def take_prepared(self, card) -> CardView | None:
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
        card = self.session.next_card(self.app.now())
        if card is None:
            await self.finish()
        else:
            await self.show_card(card)

    @on(AnswerInput.Submitted)
    async def check(self, event: AnswerInput.Submitted) -> None:
        event.stop()
        if self.card is None or self.result is not None:
            return
        from ...srs import check_answer
        self.given = event.given
        self.result = check_answer(self.card.question, self.card.ord, event.given)
        await self.view.show_feedback(self.result)
        # Cram changes no schedule: the buttons show no intervals that would not happen.
        intervals = {} if self.cram else self.session.intervals(self.card, self.app.now())
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
        if self.result is None or self.session is None:
            return
        from ...srs import StoreError
        now = self.app.now()
        try:
            answered = self.session.answer(self.card, rating, now, given=self.given, result=self.result,
                                           duration=(now - self.shown_at).total_seconds(),
                                           overridden=self.overridden)
        except StoreError as exc:
            self.app.show_store_error(exc)
            return
        self.leech_notice(answered)
        await self.show_next()

    def typing(self) -> bool:
        return isinstance(self.focused, Input)

    def check_action(self, action: str, parameters) -> bool | None:
        """The footer shows the undo key that works now: u, or Ctrl+Z while an answer is being typed."""
        if action == "undo":
            return not self.typing()
        if action == "undo_typing":
            return self.typing()
        if action == "i_was_right":
            from ...srs.session import can_override
            return self.card is not None and not self.overridden and can_override(self.card.question, self.result)
        return True

    def action_i_was_right(self) -> None:
        """Override a typed answer graded wrong: counted right (logged so), Good suggested."""
        from fsrs import Rating
        self.overridden = True
        self.view.feedback.overridden()
        self.query_one(RatingBar).suggest(Rating.Good)
        self.refresh_bindings()

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    async def action_undo_typing(self) -> None:
        await self.action_undo()

    async def action_undo(self) -> None:
        if self.session is None:
            return
        if self.card is not None and self.result is not None:  # answered, not yet rated: only this one back
            self.notify("Answer it again: nothing was saved for this card yet (u again undoes the card before).")
            await self.show_card(self.card)
            return
        from ...srs import StoreError
        try:
            card = self.session.undo(self.app.now())
        except StoreError as exc:
            self.app.show_store_error(exc)
            return
        if card is None:
            self.notify("Nothing to undo in this session.", severity="warning")
            return
        self.notify("Undone: the card's schedule is restored; answer it again.")
        await self.show_card(card)

    def update_progress(self) -> None:
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
        summary = SessionSummary(self.session, self.app.now(), self.banks, standalone=self.standalone,
                                 ended_early=ended_early)
        await self.mount(summary, after="#card-slot")
        summary.focus()

    def action_stats(self) -> None:
        if self.card is None:
            self.app.action_stats(self.banks)

    def action_study_more(self) -> None:
        """From the summary (or the palette): a new session over the same banks, by the learner's choice."""
        if self.session is None:
            return
        if self.card is not None:
            self.notify("Finish or end this session first (Esc), then study more.", severity="warning")
            return

        def chosen(more: StudyMore | None) -> None:
            if more is not None:
                self.app.switch_screen(StudyScreen(self.banks, tags=self.tags, standalone=self.standalone, more=more))

        self.app.push_screen(StudyMoreScreen(self.banks, self.tags), chosen)

    async def action_leave(self) -> None:
        # Leaving mid-session shows the summary first (once), as reaching the end does.
        if self.card is not None and self.session.progress.done > 0:
            await self.finish(ended_early=True)
            return
        if self.standalone:
            self.app.exit(0)
        else:
            self.dismiss()
