"""`pdca diff Y0 Y1` and `pdca check Y1 --compare Y0`: every format and exit code."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from conftest import MINI

# worked out in test_compare.py: share-pct behind -> on_track (improved), app-downloads
# behind -> off_track and co2-emissions on_track -> behind (worsened), visitors-total
# behind -> on_track (improved), the rest unchanged
FILES = {
    2024: "visitors-total: 9000\nnew-course-participants: 40\n",
    2025: (
        "visitors-total: 10000\nshare-pct: 53\napp-downloads: 2000\n"
        "co2-emissions: 1800\nsatisfaction-floor: 96\n"
    ),
    2026: (
        "visitors-total: 11000\nshare-pct: 56.5\napp-downloads: 2100\n"
        "co2-emissions: 2000\nfertility: 1.3\n"
    ),
}
ANSI = re.compile(r"\x1b\[[0-9;]*m")
SUMMARY = {"improved": 2, "worsened": 2, "unchanged": 3, "new": 0, "lost": 0}


@pytest.fixture
def mini(actuals_dir):
    return ["--strategy", str(MINI), "--actuals", str(actuals_dir(FILES))]


def test_json_contract(run, mini):
    result = run("diff", "2025", "2026", *mini, "-f", "json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert list(doc) == ["from", "to", "summary", "kpis"]
    assert (doc["from"], doc["to"]) == (2025, 2026)
    assert doc["summary"] == SUMMARY
    assert all(list(k) == ["id", "name", "from", "to", "movement", "change"] for k in doc["kpis"])
    by_id = {k["id"]: k for k in doc["kpis"]}
    assert by_id["share-pct"] == {
        "id": "share-pct",
        "name": "割合",
        "from": {
            "status": "behind",
            "actual": {"year": 2025, "value": 53},
            "computed_status": "behind",
            "override": None,
        },
        "to": {
            "status": "on_track",
            "actual": {"year": 2026, "value": 56.5},
            "computed_status": "on_track",
            "override": None,
        },
        "movement": "improved",
        "change": 3.5,
    }
    assert by_id["co2-emissions"]["change"] == -200  # decrease: up by 200 is worse
    assert by_id["co2-emissions"]["movement"] == "worsened"
    assert by_id["fertility"]["from"] == {
        "status": "not_assessable", "actual": None, "computed_status": "not_assessable",
        "override": None,
    }  # fmt: skip
    assert by_id["fertility"]["change"] is None
    # the figure judged in both years is the 2024 one: no change
    assert by_id["new-course-participants"]["change"] == 0
    assert [k["id"] for k in doc["kpis"]][:2] == ["share-pct", "app-downloads"]  # strategy order


def test_csv(run, mini):
    result = run("diff", "R7", "R8", *mini, "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 7
    app = next(r for r in rows if r["id"] == "app-downloads")
    assert app == {
        **app,
        "from_year": "2025",
        "from_status": "behind",
        "from_actual_value": "2000",
        "to_year": "2026",
        "to_status": "off_track",
        "to_actual_year": "2026",
        "movement": "worsened",
        "change": "100",
    }


def test_markdown(run, mini):
    out = run("diff", "2025", "2026", *mini, "-f", "markdown").stdout
    assert out.startswith("# 年度比較 2025年度 (R7) → 2026年度 (R8)\n")
    assert "| 2 | 2 | 3 | 0 | 0 |" in out  # the summary row
    lines = [line for line in out.splitlines() if "`" in line]
    # worsened first, then improved, then unchanged
    assert [line.split("`")[1] for line in lines] == [
        "app-downloads",
        "co2-emissions",
        "share-pct",
        "visitors-total",
        "satisfaction-floor",
        "fertility",
        "new-course-participants",
    ]
    assert "| △ やや遅れ | 53% (R7) | ○ 順調 | 56.5% (R8) | +3.5ポイント | ↑ 改善 |" in out


def test_table(run, mini):
    result = run("diff", "2025", "2026", *mini)
    assert result.exit_code == 0
    out = result.stdout
    assert "年度比較 2025年度 (R7) → 2026年度 (R8)" in out
    assert out.index("app-downloads") < out.index("share-pct")  # worsened first
    assert "fertility" not in out  # unchanged: counted, not listed
    assert "変化なし 3 件（--all で表示）" in out
    assert "集計: ↑ 改善 2 · ↓ 悪化 2 · ＝ 変化なし 3 · ＋ 新たに判定 0 · － 判定なしに 0" in out
    full = run("diff", "2025", "2026", *mini, "--all", "--lang", "en").stdout
    assert "fertility" in full
    assert "↓ worsened" in full and "Summary: ↑ improved 2" in full


def test_diff_change_has_unit_and_no_trailing_spaces(run, mini):
    """増減 carries its unit: a percentage's change in points (+3.5ポイント / +3.5 pt), a count
    in its unit (-100件: emissions went up, the wrong way, d·(a1 − a0)); JSON keeps the bare
    number. No line of the table ends in spaces, coloured or not."""
    import re

    ja = run("diff", "2025", "2026", *mini, "--all").stdout
    en = run("diff", "2025", "2026", *mini, "--all", "--lang", "en").stdout
    coloured = run("diff", "2025", "2026", *mini, "--all", "--color", "always").stdout
    for kpi, change_ja, change_en in (
        ("share-pct", "+3.5ポイント", "+3.5 pt"),
        ("app-downloads", "+100件", "+100件"),  # the mini strategy has no unit_en
        ("co2-emissions", "-200千t-CO₂", "-200千t-CO₂"),
    ):
        for text, change in ((ja, change_ja), (en, change_en)):
            lines = text.splitlines()
            row = lines[next(i for i, line in enumerate(lines) if kpi in line) - 1]
            assert change in row, (kpi, row)
    for text in (ja, en, ANSI.sub("", coloured)):
        assert not [line for line in text.splitlines() if line != line.rstrip()]
    assert not re.search(r" +(\x1b\[[0-9;]*m)*$", coloured, re.MULTILINE)
    doc = json.loads(run("diff", "2025", "2026", *mini, "-f", "json").stdout)
    assert {k["id"]: k["change"] for k in doc["kpis"]}["share-pct"] == 3.5


def test_goal_filter(run, mini):
    doc = json.loads(run("diff", "2025", "2026", *mini, "-f", "json", "-g", "2").stdout)
    assert {k["id"] for k in doc["kpis"]} == {
        "co2-emissions",
        "satisfaction-floor",
        "fertility",
        "new-course-participants",
    }
    assert doc["summary"]["worsened"] == 1


@pytest.mark.parametrize(
    ("years", "code"),
    [
        (("2025", "2026"), 1),  # two KPIs worsened
        (("2024", "2025"), 0),  # share-pct etc. are new, nothing worsened
    ],
)
def test_fail_on_worse(run, mini, years, code):
    result = run("diff", *years, *mini, "--fail-on-worse", "-f", "json")
    assert result.exit_code == code
    if code:
        assert result.stderr == (
            "pdca: 2025年度より悪化した KPI が 2 件: app-downloads, co2-emissions\n"
        )
        en = run("diff", *years, *mini, "--fail-on-worse", "-f", "json", "--lang", "en")
        assert en.stderr == ("pdca: 2 KPIs worsened since 2025: app-downloads, co2-emissions\n")
        assert json.loads(result.stdout)["summary"] == SUMMARY  # the output still comes


@pytest.mark.parametrize("years", [("2026", "2025"), ("2026", "2026")])
def test_years_must_increase(run, mini, years, english):
    result = run("diff", *years, *mini)
    assert result.exit_code == 2
    assert "Y0 (2026) must come before" in result.stderr


def test_bad_year(run, mini):
    result = run("diff", "R99x", "2026", *mini, "--lang", "en")
    assert result.exit_code == 2
    assert "not a fiscal year" in result.stderr


# --- pdca check Y1 --compare Y0 -----------------------------------------------------------


def test_check_compare_json(run, mini):
    result = run("check", "2026", "--compare", "2025", *mini, "-f", "json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["year"] == 2026 and doc["kpis"]  # the check document, unchanged
    diff = json.loads(run("diff", "2025", "2026", *mini, "-f", "json").stdout)
    assert doc["compare"] == diff  # the very same comparison as pdca diff


def test_check_compare_csv(run, mini):
    out = run("check", "2026", "--compare", "R7", *mini, "-f", "csv").stdout
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(out))}
    assert list(rows["share-pct"])[-4:] == ["compare_year", "compare_status", "movement", "change"]
    assert (rows["share-pct"]["compare_status"], rows["share-pct"]["movement"]) == (
        "behind",
        "improved",
    )
    assert rows["share-pct"]["status"] == "on_track"
    assert rows["fertility"]["change"] == ""


def test_check_compare_table_and_markdown(run, mini):
    out = run("check", "2026", "--compare", "2025", *mini).stdout
    assert out.index("集計") < out.index("年度比較 2025年度 (R7) → 2026年度 (R8)")
    md = run("check", "2026", "--compare", "2025", *mini, "-f", "markdown").stdout
    assert "\n## 年度比較 2025年度 (R7) → 2026年度 (R8)\n" in md


def test_check_compare_follows_the_filters(run, mini):
    doc = json.loads(
        run("check", "2026", "--compare", "2025", *mini, "-f", "json", "-s", "off-track").stdout
    )
    assert [k["id"] for k in doc["kpis"]] == ["app-downloads"]
    assert [k["id"] for k in doc["compare"]["kpis"]] == ["app-downloads"]


def test_check_fail_on_worse(run, mini, english):
    result = run("check", "2026", "--compare", "2025", *mini, "--fail-on-worse", "-f", "json")
    assert result.exit_code == 1
    assert "2 KPIs worsened since 2025" in result.stderr
    ok = run("check", "2025", "--compare", "2024", *mini, "--fail-on-worse", "-f", "json")
    assert ok.exit_code == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--fail-on-worse"], "needs --compare Y0"),
        (["--compare", "2026"], "Y0 (2026) must come before 2026"),
        (["--compare", "2025", "-f", "junit"], "works with --format table, json, csv, markdown"),
    ],
)
def test_check_compare_usage_errors(run, mini, args, message, english):
    result = run("check", "2026", *mini, *args)
    assert result.exit_code == 2
    assert message in result.stderr
