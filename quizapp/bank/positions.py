"""Where a question stands in its bank file: the line an editor opens at."""
from __future__ import annotations

from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .yamlsource import YamlIssue, compose


def _value(node: Node | None, key: str) -> Node | None:
    if isinstance(node, MappingNode):
        for k, v in node.value:
            if isinstance(k, ScalarNode) and k.value == key:
                return v
    return None


def question_line(path: Path, question_id: str) -> int:
    """The line where the question with this id starts in the bank file, or 1 when it cannot be found.

    Args:
        path: the bank file.
        question_id: the question's id.

    Returns:
        A 1-based line number.
    """
    try:
        root = compose(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, YamlIssue):
        return 1
    questions = _value(root, "questions")
    for item in questions.value if isinstance(questions, SequenceNode) else ():
        qid = _value(item, "id")
        if isinstance(qid, ScalarNode) and qid.value == question_id:
            return item.start_mark.line + 1
    return 1
