"""Actuals files: every kind of bad entry ends in FILE:LINE:COL, all at once."""

from __future__ import annotations

import pytest

from conftest import MINI, position
from kanazawa_pdca.diagnostics import InputError
from kanazawa_pdca.load import load_actuals, load_strategy


@pytest.fixture(scope="module")
def strategy():
    return load_strategy(MINI)


def errors_of(folder, strategy) -> list[str]:
    with pytest.raises(InputError) as info:
        load_actuals(folder, strategy)
    return [str(d) for d in info.value.diagnostics]


def test_short_and_long_forms(strategy, actuals_dir):
    folder = actuals_dir(
        {
            2025: "share-pct: 52.5\napp-downloads:\n  value: 1800\n  source: 市の資料\n  note: 速報値\n"
        }
    )
    actuals, warnings = load_actuals(folder, strategy)
    assert warnings == []
    assert actuals.value(2025, "share-pct") == 52.5
    entry = actuals.years[2025]["app-downloads"]
    assert (entry.value, entry.source, entry.note) == (1800, "市の資料", "速報値")
    assert actuals.files[2025].endswith("2025.yaml")


def test_empty_file_and_other_files_are_fine(strategy, actuals_dir):
    folder = actuals_dir({2025: "# nothing yet\n", "README.md": "notes"})
    actuals, _ = load_actuals(folder, strategy)
    assert actuals.years == {2025: {}}


CASES = [
    # (file text, needle, message, code)
    (
        "share-pc: 50\n",
        "share-pc",
        "unknown KPI id 'share-pc' (did you mean 'share-pct'?)",
        "unknown-kpi",
    ),
    ("share-pct: fifty\n", "fifty", "share-pct: expected a number, got 'fifty'", "wrong-type"),
    (
        "share-pct:\n",
        "share-pct",
        "share-pct: no value (null); remove the line or give a number",
        "missing-value",
    ),
    ("share-pct: .nan\n", ".nan", "share-pct: expected a finite number, got nan", "not-finite"),
    ("share-pct: .inf\n", ".inf", "share-pct: expected a finite number, got inf", "not-finite"),
    (
        "share-pct: true\n",
        "true",
        "share-pct: expected a number, got a boolean (true)",
        "wrong-type",
    ),
    ("share-pct: [50]\n", "[50]", "share-pct: expected a number, got a list", "wrong-type"),
    (
        "share-pct: 101\n",
        "101",
        "share-pct: a percentage must be within 0–100, got 101",
        "percentage-range",
    ),
    (
        "app-downloads: -3\n",
        "-3",
        "app-downloads: this KPI's figures cannot be negative, got -3件",
        "negative-value",
    ),
    (
        "app-downloads:\n  value: 5\n  sauce: x\n",
        "sauce",
        "app-downloads.sauce: unknown field",
        "unknown-field",
    ),
    (
        "app-downloads:\n  source: x\n",
        "source",
        "app-downloads.value: required field is missing",
        "missing-field",
    ),
    (
        "app-downloads:\n  value: -1\n  source: x\n",
        "-1",
        "app-downloads: this KPI's figures cannot be negative, got -1件",
        "negative-value",
    ),
    ("- share-pct: 1\n", "- share-pct", "an actuals file maps KPI ids to values", "wrong-type"),
    ("2024: 5\n", "2024", "a KPI id is text, got 2024", "wrong-type"),
]


@pytest.mark.parametrize(
    ("text", "needle", "message", "code"),
    CASES,
    ids=[c[3] + ":" + c[0].split("\n")[0] for c in CASES],
)
def test_bad_entry(strategy, actuals_dir, text, needle, message, code):
    folder = actuals_dir({2025: text})
    path = folder / "2025.yaml"
    line, col = position(text, needle)
    if needle == "source" and code == "missing-field":
        line, col = position(text, "app-downloads")
    assert errors_of(folder, strategy) == [f"{path}:{line}:{col}: {message} [{code}]"]


def test_duplicate_keys_all_reported(strategy, actuals_dir):
    text = "share-pct: 51\napp-downloads: 1200\nshare-pct: 52\napp-downloads: 1300\n"
    folder = actuals_dir({2025: text})
    path = folder / "2025.yaml"
    assert errors_of(folder, strategy) == [
        f"{path}:3:1: duplicate key 'share-pct' (first defined at line 1) [duplicate-key]",
        f"{path}:4:1: duplicate key 'app-downloads' (first defined at line 2) [duplicate-key]",
    ]


def test_malformed_yaml(strategy, actuals_dir):
    folder = actuals_dir({2025: "share-pct: [50\n"})
    (found,) = errors_of(folder, strategy)
    # placed where the `[` opens, not after the end of the file
    assert found == (
        f"{folder / '2025.yaml'}:1:12: malformed YAML: '[' is never closed "
        "(the file ends first) [yaml-syntax]"
    )


def test_file_name_must_be_a_fiscal_year(strategy, actuals_dir):
    folder = actuals_dir({"FY2025.yaml": "share-pct: 50\n", "notes.yml": ""})
    assert errors_of(folder, strategy) == [
        f"{folder / 'FY2025.yaml'}: an actuals file is named after its fiscal year, like "
        "2026.yaml (got 'FY2025.yaml') [file-name]",
        f"{folder / 'notes.yml'}: an actuals file is named after its fiscal year, like "
        "2026.yaml (got 'notes.yml') [file-name]",
    ]


def test_problems_in_several_files_at_once(strategy, actuals_dir):
    folder = actuals_dir({2024: "share-pct: 120\n", 2025: "nope: 1\n"})
    found = errors_of(folder, strategy)
    assert len(found) == 2
    assert found[0].startswith(f"{folder / '2024.yaml'}:1:12: ")
    assert found[1].startswith(f"{folder / '2025.yaml'}:1:1: unknown KPI id 'nope'")


def test_cumulative_running_total_falling_is_a_warning(strategy, actuals_dir):
    folder = actuals_dir({2024: "app-downloads: 1500\n", 2025: "app-downloads: 1400\n"})
    actuals, warnings = load_actuals(folder, strategy)
    assert [str(w) for w in warnings] == [
        f"{folder / '2025.yaml'}:1:16: warning: app-downloads: running total 1400 is lower than "
        "1500 in 2024 (a cumulative KPI never falls) [cumulative-decrease]"
    ]
    assert actuals.value(2025, "app-downloads") == 1400  # a warning does not stop the run


def test_missing_folder(strategy, tmp_path):
    with pytest.raises(InputError):
        load_actuals(tmp_path / "none", strategy)
    actuals, _ = load_actuals(tmp_path / "none", strategy, required=False)
    assert actuals.years == {}


def test_syntax_checked_even_when_the_strategy_is_broken(actuals_dir):
    folder = actuals_dir({2025: "share-pct: fifty\n"})
    with pytest.raises(InputError) as info:
        load_actuals(folder, None)
    assert "expected a number" in str(info.value)
