"""The outlook in `pdca check`: JSON, CSV, Markdown, and the counts projected to miss."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import MINI, ROOT

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


# --- #16 item 15: the reproducers on the bundled strategy ---------------------------

BUNDLED = ROOT / "data" / "strategy.yaml"
# 出会いイベント参加者数: 55 (R6) -> 100 (R10); 20 in R8 falls at 17.5 a year (20 − 35 < 0).
# 子育てアプリのダウンロード数（累計）: 14,593 (R4) -> 30,000 (R10); 33,900 in R8 is achieved
# ((30,000 − 33,900) / 2 = −1,950 would be the 'required' pace), its pace 4,826.75 a year.
REPRO = {2026: "matchmaking-event-participants: 20\nchildcare-app-downloads: 33900\n"}


@pytest.fixture
def bundled(actuals_dir):
    return ["--strategy", str(BUNDLED), "--actuals", str(actuals_dir(REPRO))]


def test_outlook_never_below_zero_in_every_format(run, bundled):
    doc = json.loads(run("check", "2026", *bundled, "-f", "json").stdout)
    o = {k["id"]: k["outlook"] for k in doc["kpis"]}["matchmaking-event-participants"]
    assert o == {"projected": 0, "year": 2028, "pace": -17.5, "required_pace": 40, "reaches": False}
    rows = {
        r["id"]: r
        for r in csv.DictReader(io.StringIO(run("check", "2026", *bundled, "-f", "csv").stdout))
    }
    assert rows["matchmaking-event-participants"]["outlook_projected"] == "0"
    assert "R10 見込 0 / 100 ✗" in run("check", "2026", *bundled, "-f", "markdown").stdout
    show = run("show", "matchmaking-event-participants", *bundled, "--no-chart").stdout
    assert "R10 見込 0 / 100人 ✗  年平均の変化 -18/年 · 必要な年平均 +40/年" in show
    assert "見込 -" not in show


def test_required_pace_null_once_achieved(run, bundled):
    doc = json.loads(run("check", "2026", *bundled, "-f", "json").stdout)
    o = {k["id"]: k["outlook"] for k in doc["kpis"]}["childcare-app-downloads"]
    # JSON keeps the exact figures: the projection 33,900 + 4,826.75·2, the pace unrounded
    assert o == {
        "projected": 43553.5, "year": 2028, "pace": 4826.75, "required_pace": None,
        "reaches": True,
    }  # fmt: skip
    rows = {
        r["id"]: r
        for r in csv.DictReader(io.StringIO(run("check", "2026", *bundled, "-f", "csv").stdout))
    }
    assert rows["childcare-app-downloads"]["outlook_required_pace"] == ""
    show = run("show", "childcare-app-downloads", *bundled, "--no-chart").stdout
    assert "R10 見込 43,554 / 30,000件 ✓  年平均の変化 +4,827/年\n" in show
    assert "必要な年平均" not in show
    english = run("show", "childcare-app-downloads", *bundled, "--no-chart", "--lang", "en")
    assert "R10 proj. 43,554 / 30,000 downloads ✓  pace +4,827/yr\n" in english.stdout
    assert "required pace" not in english.stdout


def test_pace_at_kpi_precision(run, actuals_dir):
    """Paces at the precision of the projection beside them: a count's as a count is."""
    # 14,593 (R4) -> 24,000 (R8): 2,351.75 a year, 3,000 a year still needed
    folder = actuals_dir({2026: "childcare-app-downloads: 24000\n"})
    args = ("--strategy", BUNDLED, "--actuals", folder, "--no-chart")
    out = run("show", "childcare-app-downloads", *args).stdout
    assert "R10 見込 28,704 / 30,000件 ✗  年平均の変化 +2,352/年 ·" in out
    assert "必要な年平均 +3,000/年" in out
    # a share of 50% -> 60% (small figures keep one decimal): 53.4 in R8 is 1.1333… a year
    # since 50 (R5), and (60 − 53.4) / 2 = 3.3 a year still needed
    folder = actuals_dir({2026: "share-pct: 53.4\n"})
    out = run("show", "share-pct", "--strategy", MINI, "--actuals", folder, "--no-chart").stdout
    assert "R10 見込 55.7 / 60% ✗  年平均の変化 +1.1/年 · 必要な年平均 +3.3/年" in out
