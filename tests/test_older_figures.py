"""#16 item 12: the KPIs judged on an older year's figure are counted in every summary.

The issue's case: FY2027 with only 16 new figures, where the summary said `実績なし 7`
although most KPIs were judged on FY2026 figures. Every expectation here is counted from the
per-KPI `actual.year` of the JSON output, not from the summary code under test.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
from collections import Counter

import pytest
from openpyxl import load_workbook

from conftest import DEMO

PLAIN = re.compile(r"^[a-z0-9-]+: [0-9.]+$", re.MULTILINE)  # `id: value`, one line
NEW = 16  # FY2027 figures, as in the issue


@pytest.fixture
def actuals(tmp_path):
    """The demo's FY2024–2026 figures and 16 FY2027 ones (the first 16 plain FY2026 lines)."""
    folder = tmp_path / "actuals"
    shutil.copytree(DEMO, folder)
    lines = PLAIN.findall((DEMO / "2026.yaml").read_text(encoding="utf-8"))[:NEW]
    assert len(lines) == NEW
    text = "fictional: true\n" + "\n".join(lines) + "\n"
    (folder / "2027.yaml").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def check(run, actuals):
    def _check(*args: str):
        result = run("check", "2027", "--actuals", actuals, *args)
        assert result.exit_code == 0, result.stderr
        return result.stdout

    return _check


@pytest.fixture
def judged(check) -> dict:
    """The JSON document, and what its per-KPI figures say: KPI id -> the year judged."""
    doc = json.loads(check("-f", "json"))
    doc["years"] = {k["id"]: (k["actual"] or {}).get("year") for k in doc["kpis"]}
    return doc


def older(judged: dict, ids=None) -> Counter:
    """{year: KPIs} of the figures older than FY2027, among `ids` (all by default)."""
    years = judged["years"]
    return Counter(
        y for k, y in years.items() if y is not None and y < 2027 and (ids is None or k in ids)
    )


def test_summary_counts_older_figures(check, judged):
    """The terminal summary says how many KPIs rest on an older year's figure, per year."""
    by_year = older(judged)
    total = sum(by_year.values())
    assert Counter(judged["years"].values())[2027] == NEW and total > 60
    years = "、".join(f"R{y - 2018} {n} 件" for y, n in sorted(by_year.items(), reverse=True))
    line = f"うち前年度以前の実績で判定: {total} 件（{years}）"
    for args in ((), ("--summary",)):
        text = check(*args)
        summary = text[text.index("\n集計\n") :]
        assert line in summary.splitlines()
    assert line.startswith("うち前年度以前の実績で判定: 70 件（R8 62 件、R7 8 件")  # as read
    english = check("--summary", "--lang", "en")
    assert (
        f"Of these, judged on an earlier year's figure: {total} KPIs (FY2026 62, FY2025 8)"
        in english
    )


def test_summary_counts_older_figures_json(judged):
    by_year = older(judged)
    assert judged["older_figures"] == sum(by_year.values())
    every = Counter(y for y in judged["years"].values() if y is not None)
    assert judged["data_years"] == {str(y): n for y, n in sorted(every.items(), reverse=True)}
    assert next(iter(judged["data_years"])) == "2027"
    # DESIGN's contract: `summary` stays {status: count}, nothing else in it
    statuses = [
        "achieved",
        "on_track",
        "behind",
        "off_track",
        "regressing",
        "no_data",
        "not_assessable",
    ]
    assert list(judged["summary"]) == statuses
    assert sum(judged["summary"].values()) == len(judged["kpis"])
    for goal in judged["goals"]:
        assert goal["older_figures"] == sum(older(judged, set(goal["kpis"])).values())
        for policy in goal["policies"]:
            assert policy["older_figures"] == sum(older(judged, set(policy["kpis"])).values())
    for kpi in judged["kpis"]:
        assert kpi["stale"] is ((judged["years"][kpi["id"]] or 2027) < 2027)


def test_summary_counts_older_figures_csv(check, judged):
    rows = list(csv.DictReader(io.StringIO(check("-f", "csv"))))
    stale = [r for r in rows if r["stale"] == "true"]
    assert {r["stale"] for r in rows} == {"true", "false"}
    assert Counter(int(r["actual_year"]) for r in stale) == older(judged)


def test_summary_counts_older_figures_markdown(check, judged, run, actuals, tmp_path, monkeypatch):
    total = sum(older(judged).values())
    for text in (check("-f", "markdown"), step_summary(run, actuals, tmp_path, monkeypatch)):
        summary = text[text.index("## 集計\n") :].split("\n## ")[0]
        table = [line for line in summary.splitlines() if line.startswith("| ")]
        assert table[0].endswith("| 見込み未達 | 前年度以前の実績 |")
        assert table[-1].startswith("| **合計** |") and table[-1].endswith(f"| {total} |")
        for goal, row in zip(judged["goals"], table[1:-1], strict=True):
            assert row.startswith(f"| {goal['code']} ")
            assert row.endswith(f"| {sum(older(judged, set(goal['kpis'])).values())} |")
        assert f"\nうち前年度以前の実績で判定: {total} 件（R8 " in summary


def step_summary(run, actuals, tmp_path, monkeypatch) -> str:
    """What `check --format github` appends to $GITHUB_STEP_SUMMARY."""
    path = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(path))
    result = run("check", "2027", "--actuals", actuals, "-f", "github")
    assert result.exit_code == 0
    monkeypatch.delenv("GITHUB_STEP_SUMMARY")
    return path.read_text(encoding="utf-8")


def test_summary_counts_older_figures_junit(check, judged):
    root = ET.fromstring(check("-f", "junit"))
    for suite in root.iter("testsuite"):
        props = {p.get("name"): p.get("value") for p in suite.find("properties")}
        ids = {case.get("name").split()[0] for case in suite.iter("testcase")}
        assert props["older_figures"] == str(sum(older(judged, ids).values()))
        assert props["older_figures"] != "0"


def test_summary_counts_older_figures_xlsx(run, actuals, judged, tmp_path):
    out = tmp_path / "check.xlsx"
    result = run("check", "2027", "--actuals", actuals, "-f", "xlsx", "-o", out)
    assert result.exit_code == 0, result.stderr
    rows = [list(r) for r in load_workbook(out)["集計"].iter_rows(min_row=4, values_only=True)]
    assert rows[0][-1] == "前年度以前の実績"
    assert rows[-1][0] == "合計" and rows[-1][-1] == sum(older(judged).values())
    for goal, row in zip(judged["goals"], rows[1:-1], strict=True):
        assert row[-1] == sum(older(judged, set(goal["kpis"])).values())


def test_no_older_figures_no_line(check):
    """--strict judges FY2027's own figures only: nothing older, no line, zero in JSON."""
    assert "前年度以前の実績で判定" not in check("--strict", "--summary")
    doc = json.loads(check("--strict", "-f", "json"))
    assert doc["older_figures"] == 0 and doc["data_years"] == {"2027": NEW}


def test_filtered_summary_counts_whole_goals(check, judged):
    """--goal 1 --status off-track: the summary (and its line) counts the whole goal 1."""
    goal = next(g for g in judged["goals"] if g["code"] == "G1")
    n = sum(older(judged, set(goal["kpis"])).values())
    text = check("--goal", "1", "--status", "off-track", "--summary")
    assert f"うち前年度以前の実績で判定: {n} 件（" in text
