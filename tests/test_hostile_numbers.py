"""Numbers (issue #11 item 2): NaN and ±infinity refused everywhere; figures of any size
the files may hold never crash a format."""

from __future__ import annotations

import pytest

from conftest import MINI

FORMATS = ["table", "json", "csv", "markdown", "github", "junit"]


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("value: 50, text: 50%（R5）", "value: .nan, text: 50%（R5）", "not-finite"),
        ("value: 60, kind: exact", "value: .inf, kind: exact", "not-finite"),
        ("value: 60, kind: exact", "value: -.inf, kind: exact", "not-finite"),
        ("on_track: 1.0", "on_track: .inf", "not-finite"),
        ("behind: 0.6", "behind: .nan", "not-finite"),
        ("value: 4000, kind: exact", "value: 1e308, kind: exact", "figure-range"),
        ("value: 1000, text:", "value: -1e308, text:", "figure-range"),
        ("value: 4000, kind: exact", "value: 5e-324, kind: exact", "figure-range"),
    ],
)
def test_strategy_figures_must_be_finite_and_sane(run, broken, tmp_path, old, new, code):
    path = broken(old, new)
    empty = tmp_path / "actuals"
    empty.mkdir()
    result = run("validate", "--strategy", path, "--actuals", empty)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and lines[0].endswith(f"[{code}]"), lines
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("app-downloads: .nan\n", "not-finite"),
        ("app-downloads: .inf\n", "not-finite"),
        ("app-downloads: {value: -.inf}\n", "not-finite"),
        # exponents are no figure as a person writes it (issue #16 item 10): number-form
        ("app-downloads: 1e308\n", "number-form"),
        ("app-downloads: 1.7976931348623157e308\n", "number-form"),
        ("app-downloads: 10000000000000000\n", "figure-range"),
        ("app-downloads: 5e-324\n", "number-form"),
        ("app-downloads: 0.0000000001\n", "figure-range"),
    ],
)
def test_actual_figures_must_be_finite_and_sane(run, actuals_dir, text, code):
    folder = actuals_dir({2026: text})
    result = run("check", "2026", "--strategy", MINI, "--actuals", folder)
    assert result.exit_code == 2
    (line, _) = result.stderr.splitlines()
    assert line.startswith(f"{folder / '2026.yaml'}:1:") and line.endswith(f"[{code}]"), line


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "1e400"])
@pytest.mark.parametrize("option", ["--on-track", "--behind"])
def test_thresholds_on_the_command_line_must_be_finite(run, option, value):
    result = run("check", "2026", "--strategy", MINI, option, value)
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()  # one line: not a finite ratio in (0, 2]
    assert line.endswith(("[threshold-value]", "[threshold-range]"))
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_largest_and_smallest_figures_render_in_every_format(run, broken, tmp_path, fmt):
    """Baseline -1e15 to target 1e15 (a difference of 2e15), actuals at the bounds:
    every format prints, nothing overflows."""
    path = broken("value: 1000, text:", "value: -1e15, text:")
    text = path.read_text(encoding="utf-8").replace(
        "value: 4000, kind: exact", "value: 1e15, kind: exact", 1
    )
    path.write_text(text, encoding="utf-8")
    folder = tmp_path / "actuals"
    folder.mkdir()
    (folder / "2025.yaml").write_text("app-downloads: 0.000000001\n", encoding="utf-8")
    big = "1000000000000000"  # 1e15, written as a person writes it
    (folder / "2026.yaml").write_text(
        f"app-downloads: {big}\nvisitors-total: {big}\nnew-course-participants: {big}\n"
        "co2-emissions: 0.000000001\n",
        encoding="utf-8",
    )
    for args in (["check", "2026", "-f", fmt], ["check", "2025", "-f", fmt, "--strict"]):
        result = run(*args, "--strategy", path, "--actuals", folder)
        assert result.exit_code in (0, 1), result.output
        assert result.stdout
    report = tmp_path / "r.html"
    assert (
        run("report", "2026", "--strategy", path, "--actuals", folder, "-o", report).exit_code == 0
    )
