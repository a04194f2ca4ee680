"""`pdca check`: every option, format and exit code, end to end."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from conftest import DATA, DEMO, MINI

SNAPSHOTS = Path(__file__).parent / "snapshots"

# FY2026 figures for the mini strategy, one KPI in each status (worked out in test_assess.py)
FILES = {
    2024: "visitors-total: 9000\nfertility: 1.3\n",
    2025: "visitors-total: 10000\nshare-pct: 53\n",
    2026: (
        "visitors-total: 11000\n"  # Σ 30,000 = E(2026): on_track
        "app-downloads: 1100\n"  # (1100−1000)/(3000−1000) = 0.05: off_track
        "co2-emissions: 3500\n"  # worse than the baseline: regressing
        "satisfaction-floor: 96\n"  # the floor 95 is kept: achieved
        "new-course-participants:\n  value: 120\n  source: 架空\n"  # 120/150 = 0.8: behind
    ),
}
CHECK_KEYS = [
    "id",
    "name",
    "name_en",
    "unit",
    "kind",
    "direction",
    "measures",
    "baseline",
    "target",
    "actual",
    "expected",
    "attainment",
    "progress",
    "status",
    "computed_status",
    "override",
    "explanation",
    "stale",
    "missing_years",
    "outlook",
]


@pytest.fixture
def mini(actuals_dir):
    folder = actuals_dir(FILES)
    return ["--strategy", str(MINI), "--actuals", str(folder)]


def test_json_contract(run, mini):
    result = run("check", "2026", *mini, "--format", "json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert list(doc)[:5] == ["year", "strategy", "strict", "thresholds", "summary"]
    assert doc["year"] == 2026
    assert doc["strategy"] == "テスト戦略"
    assert doc["thresholds"] == {"on_track": 1.0, "behind": 0.6}
    assert doc["summary"] == {
        "achieved": 1,
        "on_track": 1,
        "behind": 2,
        "off_track": 1,
        "regressing": 1,
        "no_data": 0,
        "not_assessable": 1,
    }
    by_id = {k["id"]: k for k in doc["kpis"]}
    assert all(list(k) == CHECK_KEYS for k in doc["kpis"])
    share = by_id["share-pct"]  # the 2025 figure, judged at 2025: E = 54, (53−50)/(54−50)
    assert share["actual"] == {"year": 2025, "value": 53, "source": None, "note": None}
    assert share["expected"] == 54
    assert share["attainment"] == 0.75
    assert share["progress"] == 0.3
    assert share["status"] == "behind"
    assert share["stale"] is True
    assert share["baseline"] == {"year": 2023, "value": 50}
    assert share["target"] == {"year": 2028, "value": 60, "kind": "exact"}
    assert share["measures"] == ["G1", "1-1-1"]
    assert by_id["visitors-total"]["actual"] == {
        "year": 2026,
        "value": 30000,
        "source": None,
        "note": None,
    }
    assert by_id["visitors-total"]["status"] == "on_track"
    assert by_id["fertility"]["status"] == "not_assessable"
    assert by_id["fertility"]["expected"] is None
    assert by_id["co2-emissions"]["status"] == "regressing"
    assert [g["code"] for g in doc["goals"]] == ["G1", "G2"]


def test_json_equals_the_python_api(run, mini):
    from kanazawa_pdca.assess import assess
    from kanazawa_pdca.formats.json_format import check_document
    from kanazawa_pdca.load import load_all

    doc = json.loads(run("check", "2026", *mini, "--format", "json").stdout)
    s, a, _ = load_all(Path(mini[1]), Path(mini[3]))
    assert doc == json.loads(json.dumps(check_document(assess(s, a, 2026))))


def test_csv_one_row_per_kpi(run, mini):
    rows = list(csv.DictReader(io.StringIO(run("check", "2026", *mini, "-f", "csv").stdout)))
    assert len(rows) == 7
    row = next(r for r in rows if r["id"] == "share-pct")
    assert (row["actual_year"], row["actual_value"], row["expected"], row["status"]) == (
        "2025",
        "53",
        "54",
        "behind",
    )
    assert row["measures"] == "G1 1-1-1"


def test_markdown_report(run, mini):
    md = run("check", "2026", *mini, "--format", "markdown").stdout
    assert md.startswith("# テスト戦略 — KPI 進捗状況 2026年度 (R8)\n")
    assert "| △ やや遅れ | 割合<br>`share-pct` · G1, 1-1-1 |" in md
    assert "## 集計" in md and "## 基本目標1  目標一" in md
    en = run("check", "2026", *mini, "--format", "markdown", "--lang", "en").stdout
    assert "| △ behind | Share<br>`share-pct` · G1, 1-1-1 |" in en


def test_table_snapshot(run, mini):
    result = run("check", "2026", *mini)
    assert result.exit_code == 0
    snapshot = SNAPSHOTS / "check-mini-2026.txt"
    text = result.stdout.replace(mini[3], "ACTUALS")
    if os.environ.get("UPDATE_SNAPSHOTS"):
        snapshot.write_text(text, encoding="utf-8")
    assert text == snapshot.read_text(encoding="utf-8")


def test_table_narrow_terminal_and_english(run, mini):
    result = run("check", "2026", *mini, "--lang", "en", env={"COLUMNS": "70"})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 70
    assert "Basic goal 1: Goal one" in result.stdout
    assert "△ behind" in result.stdout
    assert "Baseline" not in result.stdout  # left out when narrow


def test_no_color_means_no_escape_codes(run, mini):
    assert "\x1b[" not in run("check", "2026", *mini).stdout


def test_colour_when_forced(run, mini, monkeypatch):
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    out = run("check", "2026", *mini).stdout
    assert "\x1b[" in out
    assert "△ やや遅れ" in out  # the symbol and word are there with the colour


@pytest.mark.parametrize(
    ("fail_on", "code", "failing"),
    [
        ("regressing", 1, "1 KPI at or below regressing: co2-emissions"),
        ("off-track", 1, "2 KPIs at or below off-track: app-downloads, co2-emissions"),
        ("behind", 1, "4 KPIs at or below behind"),
        ("achieved", 1, "6 KPIs at or below achieved"),
        ("no-data", 0, None),  # no_data is never a failure
    ],
)
def test_fail_on(run, mini, fail_on, code, failing):
    result = run("check", "2026", *mini, "--format", "json", "--fail-on", fail_on, "--lang", "en")
    assert result.exit_code == code
    json.loads(result.stdout)  # the report is still written
    if failing:
        assert result.stderr.startswith(f"pdca: {failing}")


def test_no_fail_on_means_exit_0(run, mini):
    assert run("check", "2026", *mini, "-f", "csv").exit_code == 0


def test_status_and_goal_filters(run, mini):
    doc = json.loads(run("check", "2026", *mini, "-f", "json", "--status", "behind").stdout)
    assert sorted(k["id"] for k in doc["kpis"]) == ["new-course-participants", "share-pct"]
    doc = json.loads(
        run("check", "2026", *mini, "-f", "json", "-s", "off_track", "-s", "regressing").stdout
    )
    assert sorted(k["id"] for k in doc["kpis"]) == ["app-downloads", "co2-emissions"]
    doc = json.loads(run("check", "2026", *mini, "-f", "json", "--goal", "2").stdout)
    assert [g["code"] for g in doc["goals"]] == ["G2"]
    assert len(doc["kpis"]) == 4


def test_strict(run, mini):
    doc = json.loads(run("check", "2026", *mini, "-f", "json", "--strict").stdout)
    by_id = {k["id"]: k for k in doc["kpis"]}
    assert by_id["share-pct"]["status"] == "no_data"
    assert doc["strict"] is True


def test_threshold_options(run, mini):
    doc = json.loads(
        run("check", "2026", *mini, "-f", "json", "--on-track", "0.7", "--behind", "0.5").stdout
    )
    assert doc["thresholds"] == {"on_track": 0.7, "behind": 0.5}
    by_id = {k["id"]: k for k in doc["kpis"]}
    assert by_id["share-pct"]["status"] == "on_track"  # 0.75 ≥ 0.7


@pytest.mark.parametrize("year", ["2026", "FY2026", "R8", "令和8", "令和8年度"])
def test_year_forms(run, mini, year):
    assert json.loads(run("check", year, *mini, "-f", "json").stdout)["year"] == 2026


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "twenty"], "not a fiscal year: 'twenty'"),
        (["check", "2026", "--fail-on", "late"], "unknown status 'late'"),
        (["check", "2026", "--status", "late"], "unknown status 'late'"),
        (["check", "2026", "--goal", "9"], "no basic goal 9"),
        (["check", "2026", "--behind", "1.2"], "thresholds must satisfy"),
        (["check", "2026", "--format", "pdf"], "'pdf' is not one of"),
        (["check"], "missing argument YEAR"),
    ],
)
def test_usage_errors_exit_2(run, args, message):
    result = run(*args, "--lang", "en")
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_bad_actuals_exit_2_with_locations(run, actuals_dir):
    folder = actuals_dir({2026: "share-pct: 150\nnope: 3\n"})
    result = run("check", "2026", "--strategy", MINI, "--actuals", folder, "--lang", "en")
    assert result.exit_code == 2
    assert result.stdout == ""
    path = folder / "2026.yaml"
    assert result.stderr.splitlines() == [
        f"{path}:1:12: share-pct: a percentage must be within 0–100, got 150 [percentage-range]",
        f"{path}:2:1: unknown KPI id 'nope' [unknown-kpi]",
        "pdca: 2 errors in 1 file",
    ]


def test_warnings_go_to_stderr_and_do_not_fail(run, actuals_dir):
    folder = actuals_dir({2024: "app-downloads: 1500\n", 2025: "app-downloads: 1400\n"})
    result = run("check", "2025", "--strategy", MINI, "--actuals", folder, "-f", "json")
    assert result.exit_code == 0
    assert "[cumulative-decrease]" in result.stderr
    json.loads(result.stdout)


def test_no_actuals_answers_with_expected_values_and_a_hint(run, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run("check", "2026", "--strategy", MINI, "--actuals", empty)
    assert result.exit_code == 0
    assert "2026年度までの実績が未登録です" in result.stdout
    assert "empty/2026.yaml" in result.stdout  # the folder given, not data/actuals
    share = next(line for line in result.stdout.splitlines() if line.startswith("割合"))
    assert share.split()[1:5] == ["%", "50", "60", "56"]  # unit, baseline, target, E(2026)
    assert "－ 実績なし" in share


def test_output_file_is_written_atomically(run, mini, tmp_path):
    out = tmp_path / "report.json"
    out.write_text("old", encoding="utf-8")
    result = run("check", "2026", *mini, "-f", "json", "--output", out)
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["year"] == 2026
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".report")] == []


def test_output_into_a_missing_folder_is_a_clean_error(run, mini, tmp_path):
    args = ["check", "2026", *mini, "-f", "json", "-o", tmp_path / "no" / "r.json"]
    result = run(*args)
    assert result.exit_code == 2
    assert "書き込めません: フォルダ" in result.stderr and "[output-no-folder]" in result.stderr
    assert "cannot write: no such folder" in run(*args, "--lang", "en").stderr


def test_bundled_data_check_2026(run):
    result = run("check", "2026")
    assert result.exit_code == 0
    assert "基本目標4" in result.stdout


@pytest.mark.skipif(not DEMO.is_dir(), reason="demo actuals not present")
def test_demo_shows_every_status(run):
    doc = json.loads(run("check", "2026", "--actuals", DEMO, "-f", "json").stdout)
    assert all(n > 0 for n in doc["summary"].values()), doc["summary"]
    kinds = {(k["kind"], k["target"]["kind"]) for k in doc["kpis"] if k["actual"]}
    assert {
        ("level", "exact"),
        ("cumulative", "exact"),
        ("period_total", "exact"),
        ("level", "maintain"),
        ("level", "at_least"),
        ("level", "reset"),
    } <= kinds
    assert any(k["stale"] for k in doc["kpis"])
    assert any(k["direction"] == "decrease" and k["actual"] for k in doc["kpis"])


def test_demo_files_are_marked_fictional():
    for path in sorted(DEMO.glob("*.yaml")):
        head = path.read_text(encoding="utf-8").splitlines()[:3]
        assert any("FICTIONAL DEMO DATA" in line for line in head), path


def test_bundled_actuals_hold_no_demo_data():
    for path in (DATA / "actuals").glob("*.yaml"):
        assert "FICTIONAL" not in path.read_text(encoding="utf-8"), path


def test_output_never_overwrites_an_input(run, mini, tmp_path, mini_text, english):
    strategy = tmp_path / "strategy.yaml"
    strategy.write_text(mini_text, encoding="utf-8")
    folder = mini[3]
    result = run(
        "check", "2026", "--strategy", strategy, "--actuals", folder, "-f", "json", "-o", strategy
    )
    assert result.exit_code == 2
    assert "refusing to overwrite the strategy file" in result.stderr
    assert strategy.read_text(encoding="utf-8") == mini_text
    into_actuals = Path(folder) / "2027.yaml"
    result = run("check", "2026", *mini, "-f", "json", "-o", into_actuals)
    assert result.exit_code == 2
    assert not into_actuals.exists()
    result = run("kpis", "--strategy", strategy, "-f", "json", "-o", strategy)
    assert result.exit_code == 2
    assert strategy.read_text(encoding="utf-8") == mini_text


@pytest.mark.parametrize("name", ["table", "json", "csv", "markdown", "github", "junit"])
def test_every_format_in_the_registry_renders(run, mini, name):
    from kanazawa_pdca.formats import FORMATS, formatter

    assert name in FORMATS
    assert callable(formatter(name).render)
    result = run("check", "2026", *mini, "--format", name)
    assert result.exit_code == 0
    assert result.stdout.strip()


def test_the_registry_has_exactly_the_documented_formats():
    from kanazawa_pdca.formats import FORMATS

    assert set(FORMATS) == {"table", "json", "csv", "markdown", "github", "junit", "xlsx"}
