"""Class 6: escape sequences in bank text never reach the terminal from `list` or text `stats`; validate warns."""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.bank import load_file
from quizapp.cli import main
from quizapp.srs import Engine, Settings, Store

ESCAPES = {
    "csi-colour": "\x1b[31;1m",
    "csi-clear-screen": "\x1b[2J\x1b[H",
    "osc-title-bel": "\x1b]0;pwned\x07",
    "osc-hyperlink-st": "\x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\",
    "dcs": "\x1bP+q544e\x1b\\",
    "c1-csi": "\x9b6n",
    "bell": "\x07",
    "backspaces": "abc\x08\x08\x08xyz",
    "carriage-return": "safe\rEVIL",
    "lone-esc": "\x1b",
    "delete": "\x7f",
    "nul": "\x00",
}
# What a terminal would obey: any ESC, BEL, C1 control, backspace, CR, NUL or DEL left in the output.
OBEYED = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
T0 = datetime(2025, 3, 1, 9, 0, tzinfo=timezone.utc)


def _bank_file(tmp_path, title: str, prompt: str):
    data = {"id": "esc", "title": f"Title {title} end", "questions": [
        {"id": "q1", "type": "true_false", "prompt": f"Prompt {prompt} end", "answer": True}]}
    path = tmp_path / "lib" / "esc.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=False), encoding="utf-8")  # escapes as \e, \x9b...
    return path


def _lapsed_store(db, bank) -> None:
    """The question lapsed once, so text stats list it (with its prompt) among the hardest."""
    with Store.open(db) as store:
        engine = Engine(store, [bank], Settings(fuzz=False, tz=timezone.utc))
        now = T0
        for rating in (3, 3, 3, 1):
            session = engine.session(now)
            card = session.next_card(now)
            if card is not None:
                session.answer(card, rating, now)
            now += timedelta(days=30)


def _outputs(tmp_path, path) -> dict[str, str]:
    db = tmp_path / "store.sqlite3"
    _lapsed_store(db, load_file(path, use_cache=False).bank)
    runner = CliRunner()
    return {
        "list": runner.invoke(main, ["--library", str(path.parent), "list"]).output,
        "stats": runner.invoke(main, ["--db", str(db), "stats", str(path)]).output,
        "validate": runner.invoke(main, ["validate", str(path)]).output,
    }


@pytest.mark.parametrize("name", sorted(ESCAPES))
def test_escapes_never_reach_the_terminal_and_validate_warns(tmp_path, name):
    path = _bank_file(tmp_path, ESCAPES[name], ESCAPES[name])
    outputs = _outputs(tmp_path, path)
    for command, text in outputs.items():
        assert not OBEYED.search(text), (command, text)
    assert "Title " in outputs["list"] and "Prompt " in outputs["stats"]
    assert f"{path}:2:" in outputs["validate"] or f"{path}:" in outputs["validate"]
    warnings = [line for line in outputs["validate"].splitlines() if ": warning: " in line]
    assert len(warnings) == 2 and all("control character U+" in w for w in warnings), outputs["validate"]


def test_a_clean_bank_has_no_warning(tmp_path):
    path = _bank_file(tmp_path, "plain", "plain")
    assert "warning" not in CliRunner().invoke(main, ["validate", str(path)]).output


pieces = st.sampled_from(sorted(ESCAPES.values()) + ["a", " ", "é", "[", "\n", "\t", "]", "\x1b[", "\x9d"])


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(title=st.lists(pieces, max_size=8).map("".join), prompt=st.lists(pieces, min_size=1, max_size=8).map("".join))
def test_fuzzed_escapes_never_reach_the_terminal(tmp_path, title, prompt):
    path = _bank_file(tmp_path, title, prompt)
    for db in tmp_path.glob("store.sqlite3*"):
        db.unlink()
    outputs = _outputs(tmp_path, path)
    for command, text in outputs.items():
        assert not OBEYED.search(text), (command, text)
    expected = int(bool(OBEYED.search(title))) + int(bool(OBEYED.search(prompt)))
    assert outputs["validate"].count(": warning: ") == expected
