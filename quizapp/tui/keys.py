"""Every screen's keys, in one place: each screen binds its list and Help lists them all.

Help reads them here rather than from the screens, so it imports no screen (nor the app): it opens at once,
cannot go stale, and no import circle runs through it. Keys handled outside bindings (the answer inputs'
hot keys) are described in words in `ANSWER_KEYS`.
"""
from __future__ import annotations

from textual.binding import Binding, BindingType

APP_KEYS: list[BindingType] = [
    Binding("f1,question_mark", "help", "Help", key_display="?"),
    Binding("ctrl+t", "toggle_theme", "Theme", show=False),
    Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
]

LIBRARY_KEYS: list[BindingType] = [
    Binding("enter", "study", "Study", priority=False),
    Binding("space", "select", "Select", key_display="␣"),
    Binding("x", "quiz", "Quiz"),
    Binding("m", "study_more", "More"),
    Binding("s", "stats", "Stats"),
    Binding("c", "cards", "Cards", show=False),  # in Help and the palette: the footer fits 80 columns
    # A priority key: the app handles it before it forwards the next keys, so a search typed right after `/`
    # never reaches the table (a busy table would see its letters as commands); in the search box it types "/".
    Binding("slash", "search", "Search", key_display="/", priority=True),
    Binding("o", "app.settings", "Settings"),
    Binding("escape", "clear_search", "Clear search", show=False),
    Binding("q", "app.quit", "Quit"),
]

# Anki's reviewer keys where a terminal can send them: @ suspend, - bury; ! cycles the flag (Anki's Ctrl+1-4
# cannot be told apart from 1-4 by most terminals), E edits. While a typed answer has the focus these keys type
# into it: the palette (Ctrl+P) has every action too.
CARD_KEYS: list[BindingType] = [
    Binding("at", "suspend_card", "Suspend card", key_display="@", show=False),
    Binding("minus", "bury_card", "Bury card", key_display="-", show=False),
    Binding("exclamation_mark", "flag_card", "Flag card", key_display="!", show=False),
    Binding("E", "edit_card", "Edit card", key_display="E", show=False),
]

STUDY_KEYS: list[BindingType] = [
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
    *CARD_KEYS,
]

QUIZ_KEYS: list[BindingType] = [
    # Ctrl+F: a letter would mean "False" on a true/false card and be typed into a typed answer.
    Binding("ctrl+f", "toggle_feedback", "Feedback on/off"),
    Binding("enter", "next", "Next", show=False),
    Binding("y", "mark(True)", "Knew it", show=False),
    Binding("n", "mark(False)", "Did not", show=False),
    Binding("escape", "finish", "End quiz"),
]

SCORE_KEYS: list[BindingType] = [
    Binding("r", "record", "Record in schedule"),
    Binding("escape,q", "leave", "Done"),
]

STATS_KEYS: list[BindingType] = [Binding("escape,q", "app.pop_screen", "Back")]

BROWSER_KEYS: list[BindingType] = [
    # A priority key: the app handles it before it forwards the next keys, so a search typed right after `/`
    # never reaches the table (a busy table would see its letters as commands); in the search box it types "/".
    Binding("slash", "search", "Search", key_display="/", priority=True),
    Binding("s", "suspend", "Suspend"),
    Binding("b", "bury", "Bury"),
    Binding("1", "flag(1)", "Flag", key_display="1-4"),
    Binding("2", "flag(2)", "Flag orange", show=False),
    Binding("3", "flag(3)", "Flag green", show=False),
    Binding("4", "flag(4)", "Flag blue", show=False),
    Binding("0", "flag(0)", "Unflag", show=False),
    Binding("R", "reset", "Reset", key_display="R"),
    Binding("e", "edit", "Edit"),
    Binding("p", "preview", "Preview", show=False),
    Binding("o", "sort_next", "Sort"),
    Binding("escape", "leave", "Back"),
]

PREVIEW_KEYS: list[BindingType] = [Binding("escape,p,q", "close", "Back")]

SETTINGS_KEYS: list[BindingType] = [Binding("ctrl+s", "save", "Save"), Binding("escape", "cancel", "Cancel")]

# Keys handled outside bindings (hot keys of the answer inputs), in words.
ANSWER_KEYS = (
    ("1-8", "multiple choice: pick an option (toggles when several are right)"),
    ("↑ ↓  Enter", "multiple choice, true/false: move and choose"),
    ("Space", "multiple choice with several answers: toggle; ordering: grab or drop the item"),
    ("t  f", "true or false"),
    ("Shift+↑ ↓", "ordering: move the item up or down"),
    ("a-j", "matching: pair the highlighted item with that letter's match"),
    ("Backspace", "matching: unpair the highlighted item"),
    ("Enter", "typed answers, cloze gaps, ordering, matching: check"),
    ("Space  Enter", "flashcard: show the back (then rate it yourself: 1-4, nothing is suggested)"),
    ("h", "flashcard: show the hint"),
    ("Tab", "flashcard: type a note for yourself (kept, not graded)"),
)
