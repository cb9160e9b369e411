"""Class 7: out-of-range times, concurrent exports sharing one state, and a killed export's leftovers."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from hostile_support import assert_refused, quizapp
from tests_support import subprocess_env
from quizapp.export.state import MAX_TIME


def _bank(path, bank_id: str, questions: int = 3) -> None:
    lines = [f"id: {bank_id}", f"title: Bank {bank_id}", "questions:"]
    for i in range(questions):
        lines += [f"  - id: q{i}", "    type: true_false", f"    prompt: Statement {i} of {bank_id}?", "    answer: true"]
    path.write_text("\n".join(lines) + "\n")


@pytest.mark.parametrize("mod", [2**63, MAX_TIME + 1])
def test_state_with_a_time_out_of_range_is_a_clear_error(tmp_path, mod):
    _bank(tmp_path / "a.yaml", "a")
    state = tmp_path / "state.json"
    state.write_text(json.dumps({"format": 1, "notes": {"abc": ["d" * 32, mod, 1]}}))
    before = state.read_bytes()
    proc = quizapp("export", "anki", str(tmp_path / "a.yaml"), "-o", str(tmp_path / "a.apkg"), "--state", str(state))
    assert_refused(proc, f"{state}: error: cannot use the Anki export state", "out of range", "move it away")
    assert state.read_bytes() == before and not (tmp_path / "a.apkg").exists()


@pytest.mark.parametrize("epoch", ["99999999999999999999", "-5", "9" * 5000])
def test_source_date_epoch_out_of_range_is_a_clear_error(tmp_path, epoch):
    _bank(tmp_path / "a.yaml", "a")
    proc = quizapp("export", "anki", str(tmp_path / "a.yaml"), "-o", str(tmp_path / "a.apkg"),
                   "--state", str(tmp_path / "s.json"), SOURCE_DATE_EPOCH=epoch)
    assert_refused(proc, "error: SOURCE_DATE_EPOCH must be whole seconds from 0 to")
    assert len(proc.stderr) < 400  # the value is quoted, not echoed in full
    assert not (tmp_path / "a.apkg").exists()


def test_the_latest_allowed_epoch_exports(tmp_path):
    _bank(tmp_path / "a.yaml", "a")
    proc = quizapp("export", "anki", str(tmp_path / "a.yaml"), "-o", str(tmp_path / "a.apkg"),
                   "--state", str(tmp_path / "s.json"), SOURCE_DATE_EPOCH=str(MAX_TIME))
    assert proc.returncode == 0, proc.stderr


def test_concurrent_exports_sharing_a_state_keep_every_note(tmp_path):
    banks = []
    for i in range(4):
        _bank(tmp_path / f"b{i}.yaml", f"b{i}", questions=400)
        banks.append(tmp_path / f"b{i}.yaml")
    state = tmp_path / "state.json"
    procs = [subprocess.Popen([sys.executable, "-m", "quizapp", "export", "anki", str(b), "-o",
                               str(tmp_path / f"{b.stem}.apkg"), "--state", str(state)],
                              env=subprocess_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for b in banks]
    for p in procs:
        assert p.wait(120) == 0, p.stderr.read()
    notes = json.loads(state.read_text())["notes"]
    assert len(notes) == 4 * 400  # before the lock, each export wrote back only what it had read


def test_a_killed_exports_temporary_files_are_cleaned_next_time(tmp_path):
    _bank(tmp_path / "a.yaml", "a")
    out, state = tmp_path / "a.apkg", tmp_path / "state.json"
    # A process that is gone: its pid is free once it has been reaped.
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = [tmp_path / f".a.apkg.{dead.pid}-0badc0de.tmp", tmp_path / f".state.json.{dead.pid}-12345678.tmp"]
    for f in stale:
        f.write_bytes(b"half a package")
    # A live process's temp (an export still running) must stay.
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    alive = tmp_path / f".a.apkg.{live.pid}-feedface.tmp"
    alive.write_bytes(b"in progress")
    unrelated = tmp_path / ".other.apkg.1-00000000.tmp"
    unrelated.write_bytes(b"not ours")
    try:
        proc = quizapp("export", "anki", str(tmp_path / "a.yaml"), "-o", str(out), "--state", str(state))
        assert proc.returncode == 0, proc.stderr
        assert not any(f.exists() for f in stale)
        assert alive.exists() and unrelated.exists() and out.exists()
    finally:
        live.send_signal(signal.SIGKILL)
        live.wait()


@pytest.mark.slow
def test_kill_nine_during_export_leaves_nothing_after_the_next(tmp_path):
    """Real kills at random moments of a real export; the next export leaves no hidden file behind."""
    for i in range(4):
        _bank(tmp_path / f"b{i}.yaml", f"b{i}", questions=150)
    out, state = tmp_path / "out.apkg", tmp_path / "state.json"
    args = [sys.executable, "-m", "quizapp", "export", "anki", *[str(tmp_path / f"b{i}.yaml") for i in range(4)],
            "-o", str(out), "--state", str(state)]
    for delay in (0.6, 1.0):
        proc = subprocess.Popen(args, env=subprocess_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert subprocess.run(args, env=subprocess_env(), capture_output=True).returncode == 0
    leftovers = [f.name for f in tmp_path.iterdir() if f.name.endswith(".tmp")]
    assert leftovers == []
    assert len(json.loads(state.read_text())["notes"]) == 4 * 150
