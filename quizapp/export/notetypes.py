"""The Anki note types quizapp exports, one per kind of question, with fixed ids.

Anki recognises a note type by its id, so these ids are constants, never derived from the time, and must
never change: a re-import then updates notes in place.  Changing a note type's *fields* would make Anki
treat it as a different note type (notes already imported would no longer update), so a change of fields
needs a new id and name.  Changing templates or CSS only needs NOTETYPES_REVISION moved forward: Anki
replaces a note type's templates on import only when the incoming one is newer.

=================  ============  ===========================  ==========================================
question type      model id      note type name               fields (first is the sort field)
=================  ============  ===========================  ==========================================
multiple_choice    1611430014    quizapp: Multiple choice     Prompt, Choices, Marked, Instruction, +tail
true_false         1274825550    quizapp: True/false          Prompt, Answer, +tail
short_answer,      2120412037    quizapp: Typed answer        Prompt, Answer, Unit, Accepted, +tail
numeric                                                       (Anki's {{type:Answer}}: the user types)
cloze              1459045078    quizapp: Cloze               Text, +tail (Anki cloze: a card per cN)
ordering           1988775745    quizapp: Ordering            Prompt, Items, Order, +tail
matching           1783192053    quizapp: Matching            Prompt, Left, Right, Pairs, +tail
flashcard          1342697561    quizapp: Basic               Front, Back, Hint, +tail (Anki's "Basic")
flashcard with     1342697562    quizapp: Basic (and          Front, Back, Hint, +tail: Card 1 asks Front,
reverse: true                    reversed card)               Card 2 asks Back (Anki's "Basic (and
                                                              reversed card)")
=================  ============  ===========================  ==========================================

Turning a flashcard's `reverse` on or off moves its note to the other note type, which Anki treats like a
change of question type (a conflict on import): give the question a new id instead.

+tail is Explanation, Quote, Source, ID (ID is "<bank id>/<question id>").
"""
from __future__ import annotations

from typing import Any

import genanki

from ..bank.models import Flashcard, Question
from .style import CARD_CSS

MULTIPLE_CHOICE_ID = 1611430014
TRUE_FALSE_ID = 1274825550
TYPED_ANSWER_ID = 2120412037
CLOZE_ID = 1459045078
ORDERING_ID = 1988775745
MATCHING_ID = 1783192053
BASIC_ID = 1342697561
BASIC_REVERSED_ID = 1342697562

# The note types' modification time (2026-11-23 00:00 UTC).  Move it forward whenever a template or the CSS
# changes, or Anki keeps the templates it already has.  Fixed, so that exports stay byte-identical.
NOTETYPES_REVISION = 1795392000

TAIL_FIELDS = ("Explanation", "Quote", "Source", "ID")

_FOOTER = """
{{#Explanation}}<div class="explanation">{{Explanation}}</div>{{/Explanation}}
{{#Quote}}<blockquote class="quote">{{Quote}}</blockquote>{{/Quote}}
{{#Source}}<div class="source">{{Source}}</div>{{/Source}}
<div class="qid">{{ID}}</div>"""


class NoteType(genanki.Model):
    """A genanki model whose modification time is NOTETYPES_REVISION instead of the export's timestamp."""

    def __init__(self, model_id: int, name: str, fields: tuple[str, ...], front: str, back: str,
                 *, cloze: bool = False, reverse: tuple[str, str] | None = None) -> None:
        sides = [(front, back), *([reverse] if reverse else [])]  # reverse: a second card, "Card 2"
        super().__init__(
            model_id, name,
            fields=[{"name": f} for f in (*fields, *TAIL_FIELDS)],
            templates=[{"name": "Cloze" if cloze else f"Card {n}",
                        "qfmt": f'<div class="qa">{q}\n</div>',
                        "afmt": f'<div class="qa">{a}\n{_FOOTER}\n</div>'} for n, (q, a) in enumerate(sides, 1)],
            css=CARD_CSS,
            model_type=genanki.Model.CLOZE if cloze else genanki.Model.FRONT_BACK,
        )

    def to_json(self, timestamp: float, deck_id: int | None) -> dict[str, Any]:
        data = super().to_json(timestamp, deck_id)
        data["mod"] = NOTETYPES_REVISION
        return data


def _head(kind: str) -> str:
    return f'\n<div class="kind">{kind}</div>\n<div class="prompt">{{{{Prompt}}}}</div>'


MULTIPLE_CHOICE = NoteType(
    MULTIPLE_CHOICE_ID, "quizapp: Multiple choice", ("Prompt", "Choices", "Marked", "Instruction"),
    front=_head("Multiple choice") + '\n{{#Instruction}}<div class="hint">{{Instruction}}</div>{{/Instruction}}'
          "\n{{Choices}}",
    back=_head("Multiple choice") + '\n<hr id="answer">\n{{Marked}}',
)

TRUE_FALSE = NoteType(
    TRUE_FALSE_ID, "quizapp: True/false", ("Prompt", "Answer"),
    front=_head("True or false?"),
    back=_head("True or false?") + '\n<hr id="answer">\n<div class="verdict">{{Answer}}</div>',
)

_UNIT = '\n{{#Unit}}<div class="hint">Unit: {{Unit}}</div>{{/Unit}}'
TYPED_ANSWER = NoteType(
    TYPED_ANSWER_ID, "quizapp: Typed answer", ("Prompt", "Answer", "Unit", "Accepted"),
    front=_head("Type the answer") + _UNIT + "\n{{type:Answer}}",
    back=_head("Type the answer") + _UNIT + '\n<hr id="answer">\n{{type:Answer}}'
         '\n{{#Accepted}}<div class="accepted">{{Accepted}}</div>{{/Accepted}}'
         # Anki's comparison is letter by letter; quizapp's accepts more (see quizapp.srs.checking).
         '\n<div class="accepted strict">Anki compares letter by letter, so it is stricter than quizapp: your '
         "answer also counts as right if it is an accepted form shown here, differs only in capital letters "
         "(unless they matter), or is a number in the range shown.</div>",
)

# The Accepted field's line for a short answer's `reject` list; the Anki importer reads it back.
NEVER_ACCEPTED = "Not accepted, not even as a typo: "

_CLOZE_BODY = '\n<div class="kind">Fill in the blanks</div>\n<div class="cloze-text">{{cloze:Text}}</div>'
CLOZE = NoteType(CLOZE_ID, "quizapp: Cloze", ("Text",), front=_CLOZE_BODY, back=_CLOZE_BODY + '\n<hr id="answer">',
                 cloze=True)

ORDERING = NoteType(
    ORDERING_ID, "quizapp: Ordering", ("Prompt", "Items", "Order"),
    front=_head("Put in order") + '\n<div class="hint">Say the letters in the right order.</div>\n{{Items}}',
    back=_head("Put in order") + '\n<hr id="answer">\n{{Order}}',
)

MATCHING = NoteType(
    MATCHING_ID, "quizapp: Matching", ("Prompt", "Left", "Right", "Pairs"),
    front=_head("Match") + '\n<div class="hint">Match each number with a letter.</div>'
          '\n<div class="columns"><div>{{Left}}</div><div>{{Right}}</div></div>',
    back=_head("Match") + '\n<hr id="answer">\n{{Pairs}}',
)

_FLASHCARD_FRONT = '\n<div class="kind">Flashcard</div>\n<div class="prompt">{{Front}}</div>'
_FLASHCARD_BACK = '\n<div class="kind">Flashcard</div>\n<div class="prompt">{{Back}}</div>'
_FLASHCARD_SIDES = (_FLASHCARD_FRONT + '\n{{#Hint}}<div class="hint">{{hint:Hint}}</div>{{/Hint}}',
                    _FLASHCARD_FRONT + '\n<hr id="answer">\n<div class="back">{{Back}}</div>')
BASIC = NoteType(BASIC_ID, "quizapp: Basic", ("Front", "Back", "Hint"), *_FLASHCARD_SIDES)
BASIC_REVERSED = NoteType(
    BASIC_REVERSED_ID, "quizapp: Basic (and reversed card)", ("Front", "Back", "Hint"), *_FLASHCARD_SIDES,
    reverse=(_FLASHCARD_BACK, _FLASHCARD_BACK + '\n<hr id="answer">\n<div class="back">{{Front}}</div>'),
)


def note_type_of(question: Question) -> NoteType:
    """The note type of a question: by its type, and for a flashcard by whether it is reversed too."""
    if isinstance(question, Flashcard) and question.reverse:
        return BASIC_REVERSED
    return NOTE_TYPES[question.type]


NOTE_TYPES = {
    "multiple_choice": MULTIPLE_CHOICE,
    "true_false": TRUE_FALSE,
    "short_answer": TYPED_ANSWER,
    "numeric": TYPED_ANSWER,
    "cloze": CLOZE,
    "ordering": ORDERING,
    "matching": MATCHING,
    "flashcard": BASIC,
}
