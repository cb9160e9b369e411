"""Class 1: deeply nested YAML is a located error, never a crash of libyaml's C composer (exit 139)."""
from __future__ import annotations

import threading

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hostile_support import assert_refused, bank_text, quizapp
from quizapp.bank import parse_bytes
from quizapp.cli import main
from quizapp.bank.limits import MAX_DEPTH, _depth_bound

DEEP = 40_000  # libyaml's composer crashed past about 30,000 levels


def _deep_variants(n: int) -> dict[str, str]:
    return {
        "flow-sequences": "[" * n + "]" * n,
        "flow-mappings": "a: " + "{x: " * n + "1" + "}" * n,
        "mixed-flow": "id: x\nquestions: " + "[{a: " * (n // 2) + "1" + "}]" * (n // 2),
        "compact-block-sequences": "- " * n + "x\n",
        "complex-keys": "? " * n + "x\n",
        "unclosed": "[" * n,
        "quoted-closer-decoys": "x: [" + '"]", [' * n,
        "single-quoted-decoys": "x: [" + "']]', [" * n,
        "comment-decoys": "x: [\n" + "  # ]]]\n  [\n" * n,
        "escaped-quote-decoys": "x: [" + '"\\"]", [' * n,
        "cr-line-breaks": "x:\r" + "".join(" " * i + "- \r" for i in range(0, 400)) + "[" * n,
        "in-a-question": bank_text().replace("answer: true", "answer: " + "[" * n + "]" * n),
    }


@pytest.mark.parametrize("name", sorted(_deep_variants(10)))
def test_deep_variant_is_a_located_problem(name):
    text = _deep_variants(DEEP)[name]
    result = parse_bytes(text.encode(), "deep.yaml")
    assert result.bank is None
    messages = [p.message for p in result.problems]
    assert any(f"deeper than {MAX_DEPTH} levels" in m or "syntax error" in m for m in messages), messages


def test_deep_nesting_on_a_small_thread_stack():
    """The library screen loads banks in a worker thread; a small stack must not matter either."""
    old = threading.stack_size(512 * 1024)
    out = []
    try:
        worker = threading.Thread(target=lambda: out.append(parse_bytes(("[" * DEEP).encode(), "deep.yaml")))
        worker.start()
        worker.join()
    finally:
        threading.stack_size(old)
    assert out and f"deeper than {MAX_DEPTH}" in out[0].problems[0].message


def test_just_under_the_limit_is_not_a_depth_error():
    text = bank_text().replace("answer: true", "answer: " + "[" * (MAX_DEPTH - 4) + "]" * (MAX_DEPTH - 4))
    result = parse_bytes(text.encode(), "ok.yaml")
    assert not any("deeper" in p.message for p in result.problems)


def test_every_command_reports_a_deep_bank_and_the_library_still_works(tmp_path):
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "good.yaml").write_text(bank_text("good"))
    deep = lib / "deep.yaml"
    deep.write_text("[" * DEEP + "]" * DEEP)
    where = f"{deep}:1:65: error: YAML nesting is deeper than {MAX_DEPTH} levels"
    runner = CliRunner()  # in this process: a segfault would take the test run down with it
    for args in (["validate", str(deep)], ["study", "--plain", str(deep)], ["quiz", str(deep)],
                 ["export", "anki", str(deep), "-o", str(tmp_path / "x.apkg")]):
        result = runner.invoke(main, args, input="q\n")
        assert result.exit_code == 1 and where in result.output, result.output
    listing = runner.invoke(main, ["--library", str(lib), "list"])
    assert listing.exit_code == 1 and "good" in listing.output and "deep.yaml" in listing.output
    stats = runner.invoke(main, ["--library", str(lib), "--db", str(tmp_path / "s.sqlite3"), "stats"])
    assert stats.exit_code == 0 and where in stats.output and "good" in stats.output, stats.output
    assert_refused(quizapp("validate", str(deep)), where)  # and as a whole process


# --- the quick bound never under-counts: fuzzed texts with decoy brackets in quotes and comments --------

_PIECES = ["[", "]", "{", "}", "[a, ", "{k: ", '"]"', "']'", '"\\"]"', "'it''s ]'", " # ]]\n", "\n", "\n  ",
           "\n- ", "- ", "? ", ": ", "x", ", ", "'", '"', "#", "\\", "\r", "\t", "é"]


def _real_depth(text: str) -> int | None:
    depth = deepest = 0
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                deepest = max(deepest, depth)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        pass  # the depth reached before the error is what the composer would have reached
    return deepest


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(_PIECES), st.integers(1, 40)), max_size=30))
def test_quick_bound_is_never_below_the_real_depth(parts):
    text = "".join(piece * times for piece, times in parts)
    bound = _depth_bound(text)
    if bound is not None:
        assert bound >= _real_depth(text)


@pytest.mark.slow
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(_PIECES), st.integers(1, 3000)), min_size=1, max_size=12))
def test_fuzzed_deep_texts_never_crash(parts):
    text = "".join(piece * times for piece, times in parts)
    result = parse_bytes(text.encode(), "fuzz.yaml")
    assert (result.bank is None) == bool(result.problems)
    if _real_depth(text) > MAX_DEPTH:
        assert result.problems
