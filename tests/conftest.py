"""Shared test helpers. Tests never read ../shared: everything they need is in the repo."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kanazawa_pdca.cli import app

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINI = FIXTURES / "mini-strategy.yaml"
DEMO = ROOT / "examples" / "demo-actuals"


def position(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    """1-based (line, column) of the n-th occurrence of `needle` in `text`."""
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def where(path: Path, needle: str, occurrence: int = 1) -> str:
    """'FILE:LINE:COL' of `needle` in the file, as pdca prints it (FILE as given)."""
    line, column = position(path.read_text(encoding="utf-8"), needle, occurrence)
    return f"{path}:{line}:{column}"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def run(runner, monkeypatch):
    """Run `pdca ARGS…` in-process; returns the click Result (stdout, stderr, exit_code)."""
    monkeypatch.delenv("PDCA_STRATEGY", raising=False)
    monkeypatch.delenv("PDCA_ACTUALS", raising=False)
    monkeypatch.delenv("PDCA_LANG", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "120")

    def _run(*args: str, **kwargs):
        return runner.invoke(app, [str(a) for a in args], catch_exceptions=False, **kwargs)

    return _run


@pytest.fixture
def mini_text() -> str:
    return MINI.read_text(encoding="utf-8")


@pytest.fixture
def broken(tmp_path, mini_text):
    """Write a copy of the mini strategy with one replacement; return its path."""

    def _broken(old: str, new: str, count: int = 1) -> Path:
        assert old in mini_text, f"fixture has no {old!r}"
        path = tmp_path / "strategy.yaml"
        path.write_text(mini_text.replace(old, new, count), encoding="utf-8")
        return path

    return _broken


@pytest.fixture
def actuals_dir(tmp_path):
    """Write `{year: yaml text}` as <year>.yaml files into a fresh folder; return it."""

    def _write(files: dict[int | str, str]) -> Path:
        folder = tmp_path / "actuals"
        folder.mkdir(exist_ok=True)
        for name, text in files.items():
            filename = f"{name}.yaml" if isinstance(name, int) else name
            (folder / filename).write_text(text, encoding="utf-8")
        return folder

    return _write


# hypothesis: how long the property tests (test_*_properties.py) and the fuzz suite
# (test_fuzz.py, its own profiles) run. One variable: PDCA_FUZZ unset (or `short`) is the
# bounded, derandomised run of the README's test command and CI; PDCA_FUZZ=long is the long
# exploration (times in the README).
FUZZ = os.environ.get("PDCA_FUZZ") or "short"
try:
    from hypothesis import settings as _settings

    _settings.register_profile("short", max_examples=150, deadline=None, derandomize=True)
    _settings.register_profile("long", max_examples=1000, deadline=None, print_blob=True)
    _settings.load_profile(FUZZ if FUZZ in ("short", "long") else "short")
except ImportError:  # pragma: no cover - hypothesis is in the `test` extra
    pass


def pytest_configure(config):
    if FUZZ not in ("short", "long"):
        raise pytest.UsageError(f"PDCA_FUZZ={FUZZ!r}: short (the default) or long")


@pytest.fixture
def english(run, monkeypatch):
    """Messages in English ($PDCA_LANG=en): for tests that pin pdca's English wording."""
    monkeypatch.setenv("PDCA_LANG", "en")
