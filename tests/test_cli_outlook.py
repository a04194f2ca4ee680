"""The outlook in `pdca check`: JSON, CSV, Markdown, and the counts projected to miss."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import MINI

FILES = {
    2024: "visitors-total: 9000\nnew-course-participants: 40\n",
    2025: "visitors-total: 10000\nshare-pct: 53\napp-downloads: 2500\n",
    2026: "visitors-total: 11000\nsatisfaction-floor: 96\nfertility: 1.3\n",
}


@pytest.fixture
def mini(actuals_dir):
    return ["--strategy", str(MINI), "--actuals", str(actuals_dir(FILES))]


def test_json_outlook(run, mini):
    result = run("check", "2026", *mini, "-f", "json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    by_id = {k["id"]: k["outlook"] for k in doc["kpis"]}
    # share-pct: 50 (2023) -> 53 (2025): pace 1.5, projected 57.5, required 7/3
    assert by_id["share-pct"] == {
        "projected": 57.5,
        "year": 2028,
        "pace": 1.5,
        "required_pace": pytest.approx(7 / 3),
        "reaches": False,
    }
    # app-downloads (cumulative): 1000 (2022) -> 2500 (2025): pace 500, projected 4000 = t
    assert by_id["app-downloads"] == {
        "projected": 4000,
        "year": 2028,
        "pace": 500,
        "required_pace": 500,
        "reaches": True,
    }
    # visitors-total: Σ 30,000 in three years: 10,000 a year, 50,000 by 2028
    assert by_id["visitors-total"]["projected"] == 50000
    assert by_id["visitors-total"]["reaches"] is True
    # new-course-participants: 0 (2023) -> 40 (2024): projected 200 < 250
    assert by_id["new-course-participants"]["reaches"] is False
    # none: maintain, reset, no figure
    assert by_id["satisfaction-floor"] is None
    assert by_id["fertility"] is None
    assert by_id["co2-emissions"] is None
    assert doc["projected_to_miss"] == 2
    goals = {g["code"]: g for g in doc["goals"]}
    assert goals["G1"]["projected_to_miss"] == 1
    assert goals["G2"]["projected_to_miss"] == 1
    assert [p["projected_to_miss"] for p in goals["G1"]["policies"]] == [1]


def test_csv_outlook_columns(run, mini):
    result = run("check", "2026", *mini, "-f", "csv")
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(result.stdout))}
    share = rows["share-pct"]
    assert (share["outlook_year"], share["outlook_projected"], share["outlook_pace"]) == (
        "2028",
        "57.5",
        "1.5",
    )
    assert share["outlook_required_pace"] == "2.333333"
    assert share["outlook_reaches"] == "false"
    assert rows["app-downloads"]["outlook_reaches"] == "true"
    assert rows["fertility"]["outlook_projected"] == ""


def test_markdown_outlook(run, mini):
    result = run("check", "2026", *mini, "-f", "markdown")
    assert "| 見込み |" in result.stdout
    assert "R10 見込 57.5 / 60 ✗" in result.stdout
    assert "R10 見込 4,000 / 4,000 ✓" in result.stdout
    assert "見込み未達 |" in result.stdout  # the summary's column
    english = run("check", "2026", *mini, "-f", "markdown", "--lang", "en").stdout
    assert "R10 proj. 57.5 / 60 ✗" in english


# --- the terminal table's 見込み column ------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (["--width", "120"], False),  # auto: not below 140 columns
        (["--width", "140"], True),
        (["--width", "200", "--no-outlook"], False),
        (["--width", "100", "--outlook"], True),
        ([], False),  # piped, no width: only when asked
        (["--outlook"], True),
    ],
)
def test_table_outlook_column(run, mini, args, shown):
    result = run("check", "2026", *mini, *args)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert ("見込み" in out.splitlines()[4]) is shown  # the header of the first goal's table
    # share-pct: 'R10 見込' over '57.5 / 60 ✗'; the count projected to miss, per goal
    assert ("57.5 / 60 ✗" in out) is shown
    assert ("現在のペースでは目標に届かない見込み（✗）: 2 件 — G1 1 · G2 1" in out) is shown


def test_table_outlook_in_english(run, mini):
    out = run("check", "2026", *mini, "--outlook", "--lang", "en").stdout
    assert "R10 proj." in out and "4,000 / 4,000 ✓" in out
    assert "Projected to miss the target at the current pace (✗): 2 KPIs — G1 1 · G2 1" in out
