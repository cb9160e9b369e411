"""The layer rules hold (import-linter contracts in pyproject.toml); the core never loads Textual; packaging ships the decks."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests_support import ROOT

CORE = ["quizapp.bank", "quizapp.srs", "quizapp.export", "quizapp.lint", "quizapp.coverage"]

PROBE = """
import importlib, pkgutil, sys
import quizapp
loaded = []
for name in {core!r}:
    try:
        pkg = importlib.import_module(name)
    except ModuleNotFoundError:
        continue
    loaded.append(name)
    for info in pkgutil.walk_packages(getattr(pkg, "__path__", []), name + "."):
        importlib.import_module(info.name)
        loaded.append(info.name)
ui = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich") or m.startswith("quizapp.tui"))
print(len(loaded), ",".join(ui))
"""


def test_core_layers_never_import_textual():
    proc = subprocess.run([sys.executable, "-c", PROBE.format(core=CORE)], capture_output=True, text=True,
                          cwd=ROOT, timeout=60)
    assert proc.returncode == 0, proc.stderr
    count, ui = proc.stdout.split(" ", 1)
    assert int(count) >= 10  # the probe really imported the core modules
    assert ui.strip() == "", f"core imports UI modules: {ui}"


def test_import_contracts_are_kept():
    # lint-imports reads [tool.importlinter] from pyproject.toml; every contract must be kept.
    exe = Path(sys.executable).with_name("lint-imports")
    proc = subprocess.run([str(exe), "--no-cache"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 broken" in proc.stdout and "KEPT" in proc.stdout


@pytest.mark.slow
def test_wheel_ships_the_bundled_decks(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    wheel = next(tmp_path.glob("quizapp-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    decks = sorted(n for n in names if n.startswith("quizapp/_decks/") and n.endswith(".yaml"))
    assert decks == sorted(f"quizapp/_decks/{p.name}" for p in (ROOT / "decks").glob("*.yaml"))
    assert len(decks) == 5


LAZY_PROBE = """
import sys
import quizapp.bank, quizapp.srs
before = sorted(m for m in sys.modules if m.startswith(("quizapp.srs.", "quizapp.bank.loader", "fsrs")))
from quizapp.srs import Rating, check_answer
from quizapp.bank import Problem
after = {m for m in sys.modules if m.startswith(("quizapp.srs.", "fsrs"))}
print(before, "quizapp.srs.checking" in after, "fsrs" in after, "quizapp.srs.engine" in after,
      quizapp.srs.__dict__["check_answer"] is check_answer, Problem.__module__)
"""


def test_package_exports_load_their_module_on_first_use_only():
    proc = subprocess.run([sys.executable, "-c", LAZY_PROBE], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["[]", "True", "True", "False", "True", "quizapp.bank.problems"]


HELP_PROBE = """
import sys
sys.argv = ["quizapp", "--help"]
from quizapp.cli import run
try:
    run()
except SystemExit:
    pass
heavy = sorted({m.split(".")[0] for m in sys.modules} & {"pydantic", "fsrs", "textual", "sqlite3", "genanki"})
print("heavy:", ",".join(heavy), file=sys.stderr)
"""


def test_quizapp_help_imports_no_heavy_dependency():
    """`quizapp --help` imports every command module: they keep pydantic, the engine and Textual for their run."""
    proc = subprocess.run([sys.executable, "-c", HELP_PROBE], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert "Commands:" in proc.stdout, proc.stderr
    assert proc.stderr.strip().splitlines()[-1] == "heavy:", proc.stderr
