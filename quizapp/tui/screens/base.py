"""The bases of quizapp's screens: `self.quiz_app` is the running QuizApp with its members typed."""
from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar, cast

from textual.screen import ModalScreen, Screen
from textual.widgets import Input

if TYPE_CHECKING:  # the app imports the screens; its type is all a screen needs of it
    from ..app import QuizApp

ResultT = TypeVar("ResultT")


class AppScreen(Screen[ResultT]):
    """A full screen of quizapp; ResultT is what it gives its caller's callback on `dismiss(result)`."""

    @property
    def quiz_app(self) -> QuizApp:
        """The app this screen runs in (Textual types `self.app` as any App)."""
        return cast("QuizApp", self.app)

    def search_key(self, box: Input) -> None:
        """`/`: focus the search box at once (not as Widget.focus() does, after the keys already queued), so the
        letters typed right after it are the search, never commands for the row that had the focus. `/` is a
        priority key (see keys.py): in the box itself it is just a character.

        Args:
            box: the screen's search box.
        """
        if self.focused is box:
            box.insert_text_at_cursor("/")
        else:
            self.set_focus(box)


class AppModal(AppScreen[ResultT], ModalScreen[ResultT]):
    """A modal screen of quizapp (drawn over the screen beneath)."""
