"""Class 3: a huge bank (or something that is not a file) is refused by size before parsing, memory flat."""
from __future__ import annotations

import os
import tracemalloc

import pytest

from hostile_support import assert_refused, bank_text, quizapp
from quizapp.bank import load_file, parse_bytes
from quizapp.bank.limits import MAX_FILE_BYTES

LIMIT_MB = f"{MAX_FILE_BYTES / 1e6:.1f} MB"


def _peak_while(fn):
    tracemalloc.start()
    try:
        result = fn()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("size", [50_000_000, 4_000_000_000, MAX_FILE_BYTES + 1])
def test_sparse_huge_file_is_refused_without_reading_it(tmp_path, size):
    big = tmp_path / "big.yaml"
    with open(big, "wb") as fh:
        fh.truncate(size)  # sparse: costs no disk
    result, peak = _peak_while(lambda: load_file(big, use_cache=False))
    assert [p.message for p in result.problems] == [
        f"the file is {size / 1e6:.1f} MB; a bank file may be at most {LIMIT_MB} ({MAX_FILE_BYTES} bytes): "
        "split it into several banks"]
    assert peak < 1_000_000  # nothing of the file was read


@pytest.mark.parametrize("filler", ["plain", "comments", "one-line"])
def test_real_oversized_banks_are_refused_by_size(tmp_path, filler):
    body = {"plain": "  - id: q{i}\n    type: true_false\n    prompt: Statement number {i}?\n    answer: true\n",
            "comments": "# {i} a comment line that a parser would have to skip over, again and again\n",
            "one-line": "x{i} "}[filler]
    head = bank_text()
    block = "".join(body.format(i=i) for i in range(1000))
    chunks = [head] + [block] * (MAX_FILE_BYTES // len(block) + 1)
    path = tmp_path / "big.yaml"
    path.write_text("".join(chunks))
    result, peak = _peak_while(lambda: load_file(path, use_cache=False))
    assert "may be at most" in result.problems[0].message and len(result.problems) == 1
    assert peak < 1_000_000
    assert "may be at most" in parse_bytes(path.read_bytes(), "big.yaml").problems[0].message


def test_the_commands_refuse_a_huge_bank(tmp_path):
    big = tmp_path / "big.yaml"
    with open(big, "wb") as fh:
        fh.truncate(50_000_000)
    for args in (["validate", str(big)], ["study", "--plain", str(big)],
                 ["export", "anki", str(big), "-o", str(tmp_path / "x.apkg")]):
        assert_refused(quizapp(*args), f"{big}:1:1: error: the file is 50.0 MB; a bank file may be at most")
    assert not (tmp_path / "x.apkg").exists()


@pytest.mark.parametrize("kind", ["fifo", "device", "fifo-in-library"])
def test_a_fifo_or_device_as_a_bank_is_refused_not_waited_on(tmp_path, kind):
    if kind == "device":
        target = "/dev/zero"
        args = ["validate", target]
    else:
        target = str(tmp_path / "pipe.yaml")
        os.mkfifo(target)
        args = ["validate", target] if kind == "fifo" else ["--library", str(tmp_path), "list"]
    proc = quizapp(*args, timeout=30)
    if kind == "fifo-in-library":
        assert proc.returncode == 0 and "pipe.yaml" not in proc.stdout  # a folder's banks are regular files
    else:
        assert_refused(proc, f"{target}:1:1: error: not a regular file")
