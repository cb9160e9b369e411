"""Banks to Anki packages: notes, decks and media per package, then written all-or-nothing."""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import genanki

from ..bank.models import Bank
from ..bank.positions import Locator
from ..bank.problems import Problem
from ..bank.yamlsource import YamlPath
from .fields import note_fields, source_html
from .identity import deck_id, deck_name, note_guid, note_tags
from .package import QuizNote, remove_stale_temps, temp_beside, write_apkg
from .render import Media, TextRenderer
from .schedule import History, write_progress
from .state import ExportState, content_hash

# Told how many more notes are built (a progress bar's update); what it returns is not used.
Progress = Callable[[int], object]


@dataclass(frozen=True)
class BankInput:
    """A validated bank and the file it came from (images are relative to it; problems name it)."""

    bank: Bank
    path: Path
    display: str
    locator: Locator = field(default_factory=lambda: Locator(None))  # the load's positions: problems are placed


@dataclass
class PackagePlan:
    """One package to write: its banks, and once built, its decks, media and counts."""

    output: Path
    banks: list[BankInput]
    decks: dict[str, genanki.Deck] = field(default_factory=dict)
    media: Media = field(default_factory=Media)
    notes: int = 0
    cards: int = 0
    timestamp: int = 0
    warnings: list[str] = field(default_factory=list)
    guids: dict[str, tuple[str, str, int]] = field(default_factory=dict)  # guid -> bank id, question id, first card

    def summary(self) -> str:
        def n(count: int, word: str) -> str:
            return f"{count} {word}{'s' * (count != 1)}"
        return (f"{self.output}: {n(self.notes, 'note')}, {n(self.cards, 'card')}, "
                f"{n(len(self.decks), 'deck')}, {n(len(self.media.files), 'media file')}")


class ExportError(Exception):
    """The banks cannot be exported; carries located problems like `quizapp validate`'s."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


def _locate(item: BankInput, where: YamlPath, message: str) -> Problem:
    return Problem(item.display, *item.locator.at(where), message)


def _retyped(item: BankInput, index: int, question_id: str) -> str:
    problem = _locate(item, ("questions", index, "type"), "")
    return (f"{problem.file}:{problem.line}:{problem.column}: warning: question {question_id!r} changed type "
            "since the last export; Anki keeps a note's type, so it will not update this note (its import "
            "reports a conflict): give the question a new id to replace it")


def build(plan: PackagePlan, state: ExportState, now: int, progress: Progress | None = None) -> list[Problem]:
    """Fill the plan's decks with notes.

    Args:
        plan: the package; its decks, media, counts and note identities are filled in.
        state: the export state, which gives each note its modification time (and is updated).
        now: the export time, in whole seconds.
        progress: told of each note built, if given.
    Returns:
        The problems found (images), instead of raising.
    """
    problems: list[Problem] = []
    due = 0
    for item in plan.banks:
        bank = item.bank
        renderer = TextRenderer(item.path.parent, plan.media)
        name = deck_name(bank.deck_path) or deck_name(bank.title) or bank.id
        deck = plan.decks.get(name)
        if deck is None:
            deck = plan.decks[name] = genanki.Deck(deck_id(name), name)
        description = renderer.block(bank.description, ("description",))
        if description and description not in deck.description:
            deck.description += description
        source = source_html(bank.source)
        for index, question in enumerate(bank.questions):
            guid = note_guid(bank.id, question.id)
            plan.guids[guid] = (bank.id, question.id, question.first_card)
            model, fields = note_fields(question, index, renderer, guid, bank.id, source)
            tags = note_tags(bank.id, bank.tags, question.tags)
            previous = state.previous_note_type(guid)
            if previous is not None and previous != model.model_id:
                plan.warnings.append(_retyped(item, index, question.id))
            mod = state.mod_time(guid, content_hash(model.model_id, fields, tags), now, model.model_id)
            note = QuizNote(model, fields, tags, guid, due, mod)
            deck.add_note(note)
            due += 1
            plan.notes += 1
            plan.cards += len(note.cards)
            plan.timestamp = max(plan.timestamp, mod)
            if progress is not None:
                progress(1)
        problems += [_locate(item, where, message) for where, message in renderer.problems]
    return problems


def export_packages(plans: list[PackagePlan], state: ExportState, now: int, progress: Progress | None = None,
                    history: History | None = None) -> None:
    """Build every plan, then write every package and the state; nothing is left behind on a failure.

    Args:
        plans: the packages to write.
        state: the export state; written back with the packages.
        now: the export time, in whole seconds.
        progress: told of each note built, if given.
        history: the learner's progress (`--with-progress`): each package's cards carry their schedules and
            reviews.
    Raises:
        ExportError: located problems; nothing written.
        OSError: a file could not be written; nothing written.
    """
    problems: list[Problem] = []
    for plan in plans:
        problems += build(plan, state, now, progress)
    if problems:
        raise ExportError(problems)
    for stale_beside in [plan.output for plan in plans] + ([state.path] if state.path else []):
        remove_stale_temps(stale_beside)  # a killed export's leftovers
    temps: list[tuple[Path, Path]] = []
    try:
        for plan in plans:
            plan.output.parent.mkdir(parents=True, exist_ok=True)
            tmp = temp_beside(plan.output)
            temps.append((tmp, plan.output))
            decks = [plan.decks[name] for name in sorted(plan.decks)]
            fill = None if history is None else partial(write_progress, notes=plan.guids, history=history)
            write_apkg(tmp, decks, plan.media.files, plan.timestamp, fill)
        state_tmp = state.write_temp()
        if state_tmp is not None and state.path is not None:  # None when no state is kept
            temps.append((state_tmp, state.path))
        for tmp, final in temps:
            os.replace(tmp, final)
    finally:
        for tmp, _ in temps:  # after a failure (or ^C) no temporary file stays behind
            tmp.unlink(missing_ok=True)
