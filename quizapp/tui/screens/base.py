"""The bases of quizapp's screens: `self.quiz_app` is the running QuizApp with its members typed."""
from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar, cast

from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:  # the app imports the screens; its type is all a screen needs of it
    from ..app import QuizApp

ResultT = TypeVar("ResultT")


class AppScreen(Screen[ResultT]):
    """A full screen of quizapp; ResultT is what it gives its caller's callback on `dismiss(result)`."""

    @property
    def quiz_app(self) -> QuizApp:
        """The app this screen runs in (Textual types `self.app` as any App)."""
        return cast("QuizApp", self.app)


class AppModal(AppScreen[ResultT], ModalScreen[ResultT]):
    """A modal screen of quizapp (drawn over the screen beneath)."""
