"""`pdca validate` and `pdca kpis`: exit codes, every format, the JSON contract."""

from __future__ import annotations

import csv
import io
import json

from conftest import DATA, MINI
from kanazawa_pdca.load import load_strategy

KPI_KEYS = [
    "id",
    "name",
    "name_en",
    "unit",
    "unit_en",
    "direction",
    "kind",
    "baseline",
    "target",
    "period",
    "measures",
]


def test_validate_bundled_data(run):
    result = run("validate", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        "data/strategy.yaml: ok — 4 goals, 17 policies, 55 measures, 95 KPIs (107 printings), "
        "287 projects, 10 footnotes"
    )
    assert result.stderr == ""


def test_validate_reports_all_problems_and_exits_2(run, broken):
    path = broken("value: 60, kind: exact", "value: 160, kind: exact")
    result = run("validate", "--strategy", path, "--actuals", DATA / "actuals", "--lang", "en")
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"{path}:") and "percentage" in lines[0]
    assert lines[-1] == "pdca: 1 error in 1 file"
    assert "Traceback" not in result.stderr


def test_validate_missing_actuals_dir_is_an_error(run, tmp_path, english):
    result = run("validate", "--actuals", tmp_path / "nope")
    assert result.exit_code == 2
    assert f"{tmp_path / 'nope'}: no such directory [no-actuals-dir]" in result.stderr


def test_env_var_selects_the_strategy(run, monkeypatch):
    monkeypatch.setenv("PDCA_STRATEGY", str(MINI))
    result = run("kpis", "--format", "csv")
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 1 + 7


def test_kpis_json_contract(run):
    result = run("kpis", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert len(data) == 95
    assert all(list(item) == KPI_KEYS for item in data)
    first = data[0]
    assert first == {
        "id": "child-rearing-environment-satisfaction",
        "name": "子どもを産み育てやすい環境が整っていると感じる市民の割合",
        "name_en": first["name_en"],
        "unit": "%",
        "unit_en": "%",
        "direction": "increase",
        "kind": "level",
        "baseline": {"year": 2023, "value": 47.5, "text": "47.5% (R5)"},
        "target": {"year": 2028, "value": 59, "kind": "exact", "text": "59% (R10)"},
        "period": None,
        "measures": ["G1", "1-1-1"],
    }


def test_kpis_json_round_trips_to_the_model(run):
    data = json.loads(run("kpis", "--format", "json").stdout)
    strategy = load_strategy(DATA / "strategy.yaml")
    for item, kpi in zip(data, strategy.kpis, strict=True):
        assert item["id"] == kpi.id
        assert item["baseline"]["value"] == kpi.baseline.value
        assert item["target"]["value"] == kpi.target.value
        assert item["baseline"]["text"] == kpi.baseline.text
        assert item["period"] == kpi.period
        assert item["measures"] == kpi.measures


def test_kpis_csv(run):
    result = run("kpis", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 95
    fertility = next(r for r in rows if r["id"] == "total-fertility-rate")
    assert fertility["target_kind"] == "reset"
    assert fertility["target_value"] == ""
    assert fertility["baseline_value"] == "1.35"


def test_kpis_table_japanese_and_english(run):
    ja = run("kpis", env={"COLUMNS": "200"})
    assert ja.exit_code == 0
    assert "子育てアプリのダウンロード数（累計）" in ja.stdout
    assert "14,593件 (R4) → 30,000件 (R10)" in ja.stdout
    assert "KPI 95 件" in ja.stdout
    en = run("kpis", "--lang", "en", "--goal", "1", env={"COLUMNS": "200"})
    assert "Cumulative downloads of the childcare app" in en.stdout
    assert "26 KPI" in en.stdout
    assert "\x1b[" not in ja.stdout  # NO_COLOR


def test_kpis_goal_filter(run):
    data = json.loads(run("kpis", "--format", "json", "--goal", "3").stdout)
    assert len(data) == 22
    assert all(any(m == "G3" or m.startswith("3-") for m in k["measures"]) for k in data)


def test_kpis_output_file(run, tmp_path):
    out = tmp_path / "kpis.json"
    result = run("kpis", "--format", "json", "--output", out)
    assert result.exit_code == 0 and result.stdout == ""
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 95


def test_python_module_entry_point():
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "kanazawa_pdca", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert "validate" in done.stdout and "check" in done.stdout


def test_version_and_help(run):
    from kanazawa_pdca import __version__

    result = run("--version")
    assert result.exit_code == 0 and result.stdout == f"pdca {__version__}\n"
    helped = run("--help")
    assert helped.exit_code == 0
    for command in ("check", "report", "validate", "kpis", "schema"):
        assert command in helped.stdout
