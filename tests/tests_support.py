"""Helpers shared by test modules (the broken-bank corpus and its expectations)."""
from __future__ import annotations

import base64
import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The articles sit beside the main checkout (../shared/seeds); a worktree under /work/wt/NAME is one level deeper.
SEEDS = next((p for p in (ROOT.parent / "shared" / "seeds", ROOT.parent.parent / "shared" / "seeds") if p.is_dir()),
             ROOT.parent / "shared" / "seeds")
BANKS = Path(__file__).resolve().parent / "banks"
BROKEN = BANKS / "broken"
VALID = BANKS / "valid"
# A 1x1 PNG: a real image for banks and Anki notes to carry.
DOT_PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")


def expectations() -> dict[str, tuple[int, int, str]]:
    """name -> (line, column, message fragment), from each file's `# expect:` header."""
    out = {}
    for path in sorted(BROKEN.glob("*.yaml")):
        head = path.read_bytes().split(b"\n", 1)[0].decode("utf-8", "replace")
        m = re.match(r"# expect: (\d+):(\d+): (.*)", head)
        if m:
            out[path.name] = (int(m.group(1)), int(m.group(2)), m.group(3))
    for row in (BROKEN / "expectations-for-header-less.txt").read_text().splitlines():
        name, pos, fragment = row.split(" ", 2)
        line, col = pos.split(":")
        out[name] = (int(line), int(col), fragment)
    return out


def subprocess_env(**extra) -> dict:
    """The environment for a `quizapp` subprocess: the test's isolated dirs, no colours."""
    env = dict(os.environ)
    env.update({"NO_COLOR": "1", "PYTHONWARNINGS": "ignore"})
    env.update(extra)
    return env
