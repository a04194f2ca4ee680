"""The fictional example of another city (examples/sample-city, 架空市): it validates, and
`cd examples/sample-city && pdca …` runs through every command and format, judged on its own
scale (grades A–D, the ratio method, milestones, a KPI without baseline, relative targets, a
calendar-year KPI), and no output says 金沢 or Kanazawa."""

from __future__ import annotations

import csv
import io
import json
import shutil
import zipfile

import pytest

from conftest import ROOT

CITY = ROOT / "examples" / "sample-city"
KANAZAWA = ("金沢", "Kanazawa", "kanazawa")

# what the strategy's rules give for FY2026 (ratio: 実績 ÷ その年度の目標; waste: linear)
GRADES_2026 = {
    "visitors": ("on_track", "B"),  # 935 / 933⅓ (calendar year, milestone 900 in 2025)
    "local-products-sales": ("achieved", "A"),  # 505 / 416; the 1.5倍 target 480 is met
    "new-businesses": ("behind", "C"),  # no baseline: 38 / 40 (the R8 milestone)
    "community-activity-rate": ("behind", "C"),  # 30.9 / 34.4 (+10ポイント: 38.4 in R10)
    "health-checkup-rate": ("behind", "C"),  # 45.5 / 50 (the R8 milestone)
    "household-waste": ("off_track", "D"),  # linear: (538 − 560) / (524 − 560) = 61%
}


def _no_kanazawa(text: str, what: str) -> None:
    for word in KANAZAWA:
        assert word not in text, f"{what} says {word}"


@pytest.fixture
def city(monkeypatch):
    monkeypatch.chdir(CITY)
    monkeypatch.delenv("PDCA_REVIEWS", raising=False)
    return CITY


@pytest.fixture
def city_copy(tmp_path, monkeypatch):
    """A copy of the example to write into (import, record)."""
    folder = tmp_path / "sample-city"
    shutil.copytree(CITY, folder)
    monkeypatch.chdir(folder)
    monkeypatch.delenv("PDCA_REVIEWS", raising=False)
    return folder


def test_the_example_is_marked_fictional():
    header = (CITY / "data" / "strategy.yaml").read_text(encoding="utf-8")
    assert "FICTIONAL EXAMPLE — NOT A REAL CITY" in header
    assert "架空市" in header
    for path in sorted((CITY / "data" / "actuals").glob("*.yaml")):
        assert "\nfictional: true\n" in path.read_text(encoding="utf-8"), path.name


def test_it_validates(run, city):
    result = run("validate")
    assert result.exit_code == 0, result.output
    assert "data/strategy.yaml: OK — 基本目標 2、施策 1、取組 2、KPI 6" in result.stdout
    assert "data/actuals: OK — 年度ファイル 3（2024, 2025, 2026）、実績 18 件" in result.stdout


def test_it_is_judged_on_its_own_scale(run, city):
    document = json.loads(run("check", "2026", "--format", "json").stdout)
    assert document["strategy"] == "架空市まち・ひと・しごと創生総合戦略（架空の例）"
    got = {k["id"]: (k["status"], k["grade"]) for k in document["kpis"]}
    assert got == GRADES_2026
    assert document["grades"] == {"A": 1, "B": 1, "C": 3, "D": 1}
    by_id = {k["id"]: k for k in document["kpis"]}
    assert by_id["local-products-sales"]["target"]["value"] == 480
    assert by_id["local-products-sales"]["derived"] == {"factor": 1.5}
    assert by_id["community-activity-rate"]["target"]["value"] == 38.4
    derived = by_id["community-activity-rate"]["derived"]
    assert derived == {"points": 10} and type(derived["points"]) is int  # as written: 10
    assert by_id["new-businesses"]["baseline"] == {"year": None, "value": None}
    assert by_id["visitors"]["year_basis"] == "calendar"
    assert by_id["household-waste"].get("method") is None  # linear: the default's key absent
    assert by_id["health-checkup-rate"]["method"] == "ratio"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_table_reads_as_the_citys_own(run, city, lang):
    result = run("check", "2026", "--lang", lang, "--width", "120")
    assert result.exit_code == 0, result.output
    _no_kanazawa(result.stdout, "the table")
    words = (
        ["架空市まち・ひと・しごと創生総合戦略（架空の例） — 2026年度 (R8)", "評定",
         "A 目標を大きく上回る", "基準値×1.5", "基準値+10ポイント", "(2023年)", "(2026年)",
         "評定: A 目標を大きく上回る 1 · B 目標どおり 1 · C やや遅れ 3 · D 遅れ 1"]
        if lang == "ja"
        else ["Kakū City comprehensive strategy (a fictional example) — FY2026 (R8)",
              "Grade", "A Well above target", "baseline × 1.5", "baseline +10 points", "(2023)"]
    )  # fmt: skip
    for word in words:
        assert word in result.stdout, word


CHECK_FORMATS = ["table", "json", "csv", "markdown", "github", "junit"]


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("fmt", CHECK_FORMATS)
def test_every_check_format_runs_and_never_says_kanazawa(run, city, fmt, lang):
    result = run("check", "2026", "--format", fmt, "--lang", lang)
    assert result.exit_code == 0, result.output
    assert result.stdout
    _no_kanazawa(result.output, f"check --format {fmt}")


@pytest.mark.parametrize(
    "args",
    [
        ("kpis",),
        ("kpis", "--format", "json"),
        ("kpis", "--format", "csv"),
        ("missing", "2026"),
        ("missing", "2027", "--format", "json"),
        ("show", "visitors", "--no-chart"),
        ("show", "創業件数"),
        ("show", "household-waste", "--format", "json"),
        ("diff", "2025", "2026", "--all"),
        ("diff", "2024", "2026", "--format", "json"),
        ("diff", "2024", "2026", "--format", "csv"),
        ("diff", "2024", "2026", "--format", "markdown"),
        ("check", "2026", "--compare", "2025"),
        ("check", "2026", "--outlook"),
        ("check", "2026", "--summary"),
        ("check", "2027"),  # a year with no figures yet: what is expected
    ],
)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_command_runs_and_never_says_kanazawa(run, city, args, lang):
    result = run(*args, "--lang", lang)
    assert result.exit_code == 0, result.output
    assert result.stdout
    _no_kanazawa(result.output, " ".join(args))


def test_fail_on_a_grade_of_its_scale(run, city):
    failed = run("check", "2026", "--fail-on", "D", "--format", "json")
    assert failed.exit_code == 1
    assert failed.stderr.endswith("「D 遅れ」以下の KPI が 1 件: household-waste\n")
    c_or_worse = run("check", "2026", "--fail-on", "C", "--format", "json")
    assert c_or_worse.exit_code == 1
    assert "以下の KPI が 4 件" in c_or_worse.stderr
    assert run("check", "2026", "--fail-on", "regressing").exit_code == 0


def _workbook_text(path) -> str:
    with zipfile.ZipFile(path) as z:
        return "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_files_it_writes_never_say_kanazawa(run, city, tmp_path, lang):
    """The xlsx check, the report (HTML and Markdown) and the fill-in sheets."""
    outputs = {
        "check.xlsx": ("check", "2026", "--format", "xlsx"),
        "report.html": ("report", "2026"),
        "report.md": ("report", "2026"),
        "sheet.xlsx": ("template", "2027"),
        "sheet.csv": ("template", "2027"),
    }
    for name, args in outputs.items():
        out = tmp_path / f"{lang}-{name}"
        result = run(*args, "--lang", lang, "-o", out)
        assert result.exit_code == 0, (name, result.output)
        _no_kanazawa(result.output, name)
        text = (
            _workbook_text(out) if name.endswith(".xlsx") else out.read_text(encoding="utf-8-sig")
        )
        _no_kanazawa(text, name)
    html = (tmp_path / f"{lang}-report.html").read_text(encoding="utf-8")
    assert "架空市" in html or "Kakū City" in html


def test_a_year_is_recorded_through_the_sheet(run, city_copy, tmp_path):
    """The yearly cycle on the example: the sheet for 2027, filled in, imported, checked."""
    sheet = tmp_path / "2027.csv"
    assert run("template", "2027", "-o", sheet).exit_code == 0
    rows = list(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8-sig"))))
    head = rows[0]
    value = next(i for i, h in enumerate(head) if h == "実績値")
    figures = {"visitors": "960", "new-businesses": "４９", "household-waste": "530"}
    for row in rows[1:]:
        if row and row[0] in figures:
            row[value] = figures[row[0]]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    sheet.write_text(out.getvalue(), encoding="utf-8")
    imported = run("import", "2027", sheet)
    assert imported.exit_code == 0, imported.output
    _no_kanazawa(imported.output, "import")
    assert (city_copy / "data" / "actuals" / "2027.yaml").is_file()
    recorded = run("record", "2027", "health-checkup-rate", "55.0", "--source", "架空市健康課")
    assert recorded.exit_code == 0, recorded.output
    document = json.loads(run("check", "2027", "--format", "json").stdout)
    got = {k["id"]: k["actual"]["year"] if k["actual"] else None for k in document["kpis"]}
    assert got["new-businesses"] == got["health-checkup-rate"] == 2027
    assert got["local-products-sales"] == 2026  # judged on the last figure


def test_the_readmes_lines_are_its_real_output(run, city):
    """The README pastes a few lines of `pdca check 2026` at 120 columns: they are the
    output's own, in order."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("$ cd examples/sample-city && pdca check 2026", 1)[1]
    block = block.split("\n", 1)[1].split("```", 1)[0]
    shown = [line for line in block.splitlines() if line != "…"]
    assert len(shown) >= 10
    lines = run("check", "2026", "--width", "120").stdout.splitlines()
    at = 0
    for line in shown:
        assert line in lines[at:], line
        at = lines.index(line, at) + 1
