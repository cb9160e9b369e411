"""`mypy --strict` (configured in pyproject.toml) is clean on the packages that are typed through."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Packages clean under `mypy --strict`: the whole core (see README, Development).
STRICT_PACKAGES = ["quizapp/bank", "quizapp/export", "quizapp/srs"]


@pytest.mark.parametrize("package", STRICT_PACKAGES)
def test_package_is_clean_under_mypy_strict(package, tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--config-file", str(ROOT / "pyproject.toml"),
         "--cache-dir", str(tmp_path / "mypy-cache"), package],
        cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Success: no issues found" in proc.stdout
