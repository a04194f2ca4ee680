"""CI formats: GitHub Actions annotations and step summary, JUnit XML, validate annotations."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import FIXTURES, MINI, position
from kanazawa_pdca.assess import Report, assess
from kanazawa_pdca.diagnostics import Diagnostic, Location
from kanazawa_pdca.formats import RenderOptions, github, junit, markdown
from kanazawa_pdca.load import display_name, load_all
from kanazawa_pdca.trajectory import Status

# FY2026 figures for the mini strategy: every status once (worked out in test_assess.py).
FILES = {
    2024: "visitors-total: 9000\nfertility: 1.3\n",  # fertility: reset target, not_assessable
    2025: "visitors-total: 10000\nshare-pct: 53\n",  # share-pct: 53 vs E(2025) 54 → behind
    2026: (
        "visitors-total: 11000\n"  # Σ 30,000 = E(2026): on_track
        "co2-emissions: 3500\n"  # worse than the baseline: regressing
        "satisfaction-floor: 96\n"  # the floor 95 is kept: achieved
        "app-downloads:\n  value: 1100\n  source: 架空\n"  # 100/2000 of E(2026): off_track
    ),
    # new-course-participants: no figure at all → no_data
}
STATUSES = {
    "share-pct": Status.BEHIND,
    "app-downloads": Status.OFF_TRACK,
    "visitors-total": Status.ON_TRACK,
    "co2-emissions": Status.REGRESSING,
    "satisfaction-floor": Status.ACHIEVED,
    "fertility": Status.NOT_ASSESSABLE,
    "new-course-participants": Status.NO_DATA,
}
# A folder name with both characters a property must escape.
FOLDER = "a,b:c"
EN = RenderOptions(lang="en")


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """The mini strategy and FILES under tmp_path, which is the working directory."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    shutil.copy(MINI, tmp_path / "strategy.yaml")
    folder = tmp_path / FOLDER
    folder.mkdir()
    for year, text in FILES.items():
        (folder / f"{year}.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def make_report(strategy: Path, folder: Path, year: int = 2026, **kw) -> Report:
    s, a, _ = load_all(strategy, folder)
    return assess(s, a, year, strategy_path=display_name(strategy), **kw)


@pytest.fixture
def report(workdir) -> Report:
    return make_report(Path("strategy.yaml"), Path(FOLDER))


def at(path: Path, needle: str, shift: int = 0) -> str:
    """'line=L,col=C' of `needle` in the file (the column moved right by `shift`)."""
    line, column = position(path.read_text(encoding="utf-8"), needle)
    return f"line={line},col={column + shift}"


def test_the_fixture_has_every_status(report):
    assert {r.kpi.id: r.status for r in report.kpis} == STATUSES
    assert set(STATUSES.values()) == set(Status)


# --- GitHub annotations --------------------------------------------------------------------


def test_annotations_exact(report, workdir):
    folder = workdir / FOLDER
    strategy = workdir / "strategy.yaml"
    assert at(folder / "2025.yaml", "53") == "line=2,col=12"
    assert github.render(report, EN).splitlines() == [
        "::warning file=a%2Cb%3Ac/2025.yaml,line=2,col=12,title=KPI share-pct%3A behind::"
        "Share (share-pct): behind%0A"
        "actual 53%25 (R7), expected 54%25 (R7), attainment 75%25, target 60%25 (R10)",
        # the long form {value, source}: at the value
        f"::error file=a%2Cb%3Ac/2026.yaml,{at(folder / '2026.yaml', 'value: 1100', 7)},"
        "title=KPI app-downloads%3A off track::"
        "Downloads (cumulative) (app-downloads): off track%0A"
        "actual 1,100件 (R8), expected 3,000件 (R8), attainment 5%25, target 4,000件 (R10)",
        f"::error file=a%2Cb%3Ac/2026.yaml,{at(folder / '2026.yaml', '3500')},"
        "title=KPI co2-emissions%3A regressing::"
        "Emissions (co2-emissions): regressing%0A"
        "actual 3,500千t-CO₂ (R8), expected 1,700千t-CO₂ (R8), attainment -39%25, "
        "target 1,500千t-CO₂ (R10)",
        # no figure: at the KPI's id in the strategy file
        f"::notice file=strategy.yaml,{at(strategy, 'id: new-course-participants', 4)},"
        "title=KPI new-course-participants%3A no data::"
        "Course participants (cumulative) (new-course-participants): no data%0A"
        "no figure up to FY2026 (R8), expected 150人 (R8), target 250人 (R10)",
    ]


def test_annotations_in_japanese_by_default(report):
    lines = github.render(report, RenderOptions()).splitlines()
    assert lines[0] == (
        "::warning file=a%2Cb%3Ac/2025.yaml,line=2,col=12,title=KPI share-pct%3A やや遅れ::"
        "割合 (share-pct): やや遅れ%0A"
        "実績 53%25 (R7)、期待値 54%25 (R7)、達成度 75%25、目標値 60%25 (R10)"
    )
    assert lines[-1].endswith(
        "%0A2026年度 (R8)までの実績なし、期待値 150人 (R8)、目標値 250人 (R10)"
    )


def test_fail_on_makes_every_failing_kpi_an_error(report):
    levels = {
        line.split("title=KPI ")[1].split("%3A")[0]: line.split(" ")[0]
        for line in github.render(report, RenderOptions(lang="en", fail_on="behind")).splitlines()
    }
    assert levels == {
        "share-pct": "::error",
        "app-downloads": "::error",
        "co2-emissions": "::error",
        "new-course-participants": "::notice",
    }
    on_track = github.render(report, RenderOptions(fail_on="on_track"))
    assert "title=KPI visitors-total%3A 順調" in on_track
    assert "satisfaction-floor" not in on_track


def test_nothing_to_report_prints_nothing(workdir):
    (workdir / FOLDER / "2026.yaml").write_text(
        "satisfaction-floor: 96\nvisitors-total: 11000\n", encoding="utf-8"
    )
    report = make_report(Path("strategy.yaml"), Path(FOLDER)).filtered(
        statuses={Status.ACHIEVED, Status.ON_TRACK, Status.NOT_ASSESSABLE}
    )
    assert github.render(report, EN) == ""


def test_period_total_and_missing_years(workdir):
    (workdir / FOLDER / "2025.yaml").unlink()  # visitors-total: 2025 missing
    report = make_report(Path("strategy.yaml"), Path(FOLDER), strict=True)
    by_id = {
        line.split("title=KPI ")[1].split("%3A")[0]: line
        for line in github.render(report, EN).splitlines()
    }
    # the visitors total misses FY2025; share-pct has no FY2026 figure under --strict
    assert by_id["visitors-total"].endswith(
        "::Visitors (total FY2024–FY2028) (visitors-total): no data%0A"
        "missing figures for R7, target 50,000人 (R10)"
    )
    assert "no figure for FY2026 (R8), expected 56%25 (R8)" in by_id["share-pct"]
    strategy = workdir / "strategy.yaml"
    assert f"file=strategy.yaml,{at(strategy, 'id: visitors-total', 4)}," in by_id["visitors-total"]


def test_escaping():
    assert github.escape_data("100% done\r\nnext: a,b") == "100%25 done%0D%0Anext: a,b"
    assert github.escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    loc = Location("x,y.yaml", 3, 7)
    assert github.command("error", "50%\nok", loc, "t: 1") == (
        "::error file=x%2Cy.yaml,line=3,col=7,title=t%3A 1::50%25%0Aok\n"
    )


def test_a_name_with_special_characters_is_escaped(workdir):
    strategy = workdir / "strategy.yaml"
    text = strategy.read_text(encoding="utf-8")
    strategy.write_text(
        text.replace("name_en: Share", 'name_en: "Share: 50%, up\\r\\nnow"'), encoding="utf-8"
    )
    report = make_report(Path("strategy.yaml"), Path(FOLDER))
    line = github.render(report, EN).splitlines()[0]
    assert "title=KPI share-pct%3A behind::Share: 50%25, up%0D%0Anow (share-pct): behind%0A" in line


def test_location_falls_back_to_the_definition(workdir, report):
    (workdir / FOLDER / "2026.yaml").unlink()  # the file judged is gone after loading
    text = github.render(report, EN)
    strategy = workdir / "strategy.yaml"
    assert f"file=strategy.yaml,{at(strategy, 'id: app-downloads', 4)}," in text


def test_paths_fall_back_to_the_default_places(workdir, monkeypatch):
    s, a, _ = load_all(Path("strategy.yaml"), Path(FOLDER))
    report = assess(s, a, 2026)  # built without paths, as a library user might
    report.actuals_files = {}
    monkeypatch.setenv("PDCA_STRATEGY", "strategy.yaml")
    monkeypatch.setenv("PDCA_ACTUALS", FOLDER)
    assert github.render(report, EN) == github.render(
        make_report(Path("strategy.yaml"), Path(FOLDER)), EN
    )


# --- the step summary ----------------------------------------------------------------------


def test_step_summary_is_appended(report, tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    summary.write_text("# earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    github.write_step_summary(report, EN)
    github.write_step_summary(report, EN)
    body = markdown.render(report, EN)
    assert summary.read_text(encoding="utf-8") == f"# earlier step\n{body}\n{body}\n"


def test_no_step_summary_outside_actions(report, tmp_path, monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    github.write_step_summary(report, EN)
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", "")
    github.write_step_summary(report, EN)
    assert sorted(p.name for p in tmp_path.iterdir()) == [FOLDER, "strategy.yaml"]


def test_unwritable_step_summary_is_a_warning(report, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path))  # a directory
    github.write_step_summary(report, EN)
    assert capsys.readouterr().err == (
        f"{tmp_path}: warning: cannot write the step summary: Is a directory "
        "[step-summary-unwritable]\n"
    )


# --- validate annotations ------------------------------------------------------------------


@pytest.fixture
def run_in_english():
    from kanazawa_pdca.i18n import set_lang

    set_lang("en")  # as `--lang en` sets it for a run
    yield
    set_lang(None)


def test_diagnostics_to_annotations(run_in_english):
    fell = {"id": "y", "value": 1.0, "previous": 2.0, "year": 2025}
    diagnostics = [
        Diagnostic(
            Location("data/actuals/2026.yaml", 4, 12),
            "file-name",
            {"name": "50%"},
            variant="actuals",
        ),
        Diagnostic(Location("a,b.yaml", 1, 1), "cumulative-decrease", fell, "warning"),
    ]
    assert github.diagnostics_to_annotations(diagnostics) == (
        "::error file=data/actuals/2026.yaml,line=4,col=12,title=pdca validate::"
        "an actuals file is named after its fiscal year, like 2026.yaml (got '50%25') [file-name]\n"
        "::warning file=a%2Cb.yaml,line=1,col=1,title=pdca validate::y: running total 1 is lower "
        "than 2 in 2025 (a cumulative KPI never falls) [cumulative-decrease]\n"
    )
    assert github.diagnostics_to_annotations([]) == ""


# --- JUnit XML -----------------------------------------------------------------------------


def parse(text: str) -> ET.Element:
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "testsuites"
    return root


def outcomes(root: ET.Element) -> dict[str, str]:
    """kpi id -> 'failure:<type>' | 'skipped' | 'passed' (ids printed in one goal only)."""
    out = {}
    for case in root.iter("testcase"):
        child = next(iter(case), None)
        kpi_id = case.get("name").split(" ")[0]
        if child is None:
            out[kpi_id] = "passed"
        elif child.tag == "failure":
            out[kpi_id] = f"failure:{child.get('type')}"
        else:
            out[kpi_id] = child.tag
    return out


def assert_counts_agree(root: ET.Element) -> None:
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for suite in root.iter("testsuite"):
        cases = suite.findall("testcase")
        found = {
            "tests": len(cases),
            "failures": sum(1 for c in cases if c.find("failure") is not None),
            "errors": sum(1 for c in cases if c.find("error") is not None),
            "skipped": sum(1 for c in cases if c.find("skipped") is not None),
        }
        assert {k: int(suite.get(k)) for k in found} == found, suite.get("name")
        for k, n in found.items():
            totals[k] += n
    assert {k: int(root.get(k)) for k in totals} == totals


def test_junit_structure_and_counts(report):
    root = parse(junit.render(report, EN))
    assert root.get("name") == "Test strategy — FY2026 (R8)"
    assert (root.get("tests"), root.get("failures"), root.get("skipped")) == ("7", "2", "2")
    suites = root.findall("testsuite")
    assert [
        (s.get("name"), s.get("tests"), s.get("failures"), s.get("skipped")) for s in suites
    ] == [
        ("G1 Goal one", "3", "1", "0"),
        ("G2 Goal two", "4", "1", "2"),
    ]
    assert [c.get("classname") for c in suites[0].iter("testcase")] == ["G1"] * 3
    assert suites[0].find("testcase").get("name") == "share-pct Share"
    assert_counts_agree(root)
    assert outcomes(root) == {
        "share-pct": "passed",  # behind passes without --fail-on behind
        "app-downloads": "failure:off_track",
        "visitors-total": "passed",
        "co2-emissions": "failure:regressing",
        "satisfaction-floor": "passed",
        "fertility": "skipped",
        "new-course-participants": "skipped",
    }


def test_junit_messages_carry_the_figures(report):
    root = parse(junit.render(report, EN))
    cases = {c.get("name").split(" ")[0]: c for c in root.iter("testcase")}
    failure = cases["app-downloads"].find("failure")
    assert failure.get("message") == (
        "Downloads (cumulative) (app-downloads): off track — actual 1,100件 (R8), "
        "expected 3,000件 (R8), attainment 5%, target 4,000件 (R10)"
    )
    assert failure.text.splitlines() == [
        "Status: off track",
        "Baseline: 1,000件 (R4)",
        "Target: 4,000件 (R10)",
        "Expected: 3,000件",
        "Actual: 1,100件 (R8)",
        "Attainment: 5%",
        "Progress: 3%",
        "Printed in: 1-1-1, 1-1-2",
    ]
    assert cases["fertility"].find("skipped").get("message") == (
        "Fertility rate (fertility): not assessable — actual 1.3 (R6), target 再設定"
    )
    assert "no figure up to FY2026" in cases["new-course-participants"].find("skipped").get(
        "message"
    )


def test_junit_properties(report):
    root = parse(junit.render(report, RenderOptions(fail_on="off_track")))
    older = {}
    for suite in root.iter("testsuite"):
        props = {p.get("name"): p.get("value") for p in suite.find("properties")}
        older[suite.get("name").split()[0]] = props.pop("older_figures")
        assert props == {
            "year": "2026",
            "strict": "false",
            "thresholds.on_track": "1",
            "thresholds.behind": "0.6",
            "strategy": "テスト戦略",
            "fail_on": "off_track",
        }
    # judged on an older figure: share-pct (FY2025) in G1, fertility (FY2024) in G2
    assert older == {"G1": "1", "G2": "1"}


@pytest.mark.parametrize(
    ("fail_on", "extra"),
    [
        (None, {}),
        ("regressing", {}),  # off_track still fails the report, as it always does
        ("off_track", {}),
        ("behind", {"share-pct": "failure:behind"}),
        ("on_track", {"share-pct": "failure:behind", "visitors-total": "failure:on_track"}),
    ],
)
def test_junit_fail_on(report, fail_on, extra):
    root = parse(junit.render(report, RenderOptions(fail_on=fail_on)))
    assert_counts_agree(root)
    found = outcomes(root)
    failing = {k: v for k, v in found.items() if v.startswith("failure")}
    assert failing == {
        "app-downloads": "failure:off_track",
        "co2-emissions": "failure:regressing",
        **extra,
    }
    assert root.get("failures") == str(len(failing))
    assert found["satisfaction-floor"] == "passed"


def test_junit_matches_the_schema(report):
    xmlschema = pytest.importorskip("xmlschema")
    schema = xmlschema.XMLSchema(FIXTURES / "junit.xsd")
    for options in (EN, RenderOptions(fail_on="behind")):
        schema.validate(junit.render(report, options))
    with pytest.raises(xmlschema.XMLSchemaValidationError):
        schema.validate('<testsuites><testsuite name="x"/></testsuites>')  # no tests=


def test_junit_lists_a_kpi_in_every_goal_it_is_printed_in(workdir):
    strategy = workdir / "strategy.yaml"
    text = strategy.read_text(encoding="utf-8")
    text = text.replace(
        "- {kpi: co2-emissions}",
        "- {kpi: co2-emissions}\n              - {kpi: share-pct, relisted: true}",
    ).replace("measures: [G1, 1-1-1]", "measures: [G1, 1-1-1, 2-1-1]")
    strategy.write_text(text, encoding="utf-8")
    root = parse(junit.render(make_report(strategy, Path(FOLDER)), EN))
    assert_counts_agree(root)
    assert root.get("tests") == "8"
    names = [(c.get("classname"), c.get("name")) for c in root.iter("testcase")]
    assert names.count(("G1", "share-pct Share")) == names.count(("G2", "share-pct Share")) == 1


def test_junit_without_roll_ups(report):
    report.goals = []
    root = parse(junit.render(report, EN))
    assert [s.get("name") for s in root.findall("testsuite")] == ["KPI"]
    assert root.get("tests") == "7"
    assert_counts_agree(root)


# --- end to end ----------------------------------------------------------------------------


@pytest.fixture
def args(workdir):
    return ["--strategy", "strategy.yaml", "--actuals", FOLDER]


def test_cli_github(run, args, report, monkeypatch, workdir):
    summary = workdir / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = run("check", "2026", *args, "--format", "github", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == github.render(report, EN)
    assert summary.read_text(encoding="utf-8") == markdown.render(report, EN) + "\n"


def test_github_format_writes_step_summary(run, args, report, monkeypatch, workdir):
    """Inside Actions `check --format github` appends the Markdown report to the job summary,
    after what earlier steps wrote, and also when the gate fails the run."""
    summary = workdir / "summary.md"
    summary.write_text("# earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    failed = run("check", "2026", *args, "-f", "github", "--fail-on", "off-track")
    assert failed.exit_code == 1
    english = run("check", "2026", *args, "-f", "github", "--lang", "en")
    assert english.exit_code == 0
    ja, en = markdown.render(report, RenderOptions()), markdown.render(report, EN)
    assert summary.read_text(encoding="utf-8") == f"# earlier step\n{ja}\n{en}\n"
    assert "::" not in summary.read_text(encoding="utf-8")  # no workflow command in it


def test_cli_github_fail_on(run, args):
    result = run("check", "2026", *args, "-f", "github", "--fail-on", "off-track")
    assert result.exit_code == 1
    assert [line.split(" ")[0] for line in result.stdout.splitlines()] == [
        "::warning",
        "::error",
        "::error",
        "::notice",
    ]
    assert "app-downloads, co2-emissions" in result.stderr


def test_cli_junit_to_a_file(run, args, workdir):
    result = run("check", "R8", *args, "--format", "junit", "-o", "pdca-junit.xml")
    assert (result.exit_code, result.stdout) == (0, "")
    root = parse((workdir / "pdca-junit.xml").read_text(encoding="utf-8"))
    assert root.get("failures") == "2"
    result = run("check", "2026", *args, "-f", "junit", "--fail-on", "behind")
    assert result.exit_code == 1
    root = parse(result.stdout)
    assert root.get("failures") == "3"
    assert outcomes(root)["share-pct"] == "failure:behind"


def test_cli_validate_github(run, workdir):
    folder = workdir / "bad"
    folder.mkdir()
    (folder / "2026.yaml").write_text("share-pct: 150\nnope: 3\n", encoding="utf-8")
    result = run(
        "validate",
        "--strategy",
        "strategy.yaml",
        "--actuals",
        "bad",
        "-f",
        "github",
        "--lang",
        "en",
    )
    assert result.exit_code == 2
    assert result.stdout.splitlines() == [
        "::error file=bad/2026.yaml,line=1,col=12,title=pdca validate::"
        "share-pct: a percentage must be within 0–100, got 150 [percentage-range]",
        "::error file=bad/2026.yaml,line=2,col=1,title=pdca validate::"
        "unknown KPI id 'nope' [unknown-kpi]",
    ]
    assert "bad/2026.yaml:1:12: share-pct: a percentage" in result.stderr


def test_cli_validate_github_clean(run, args):
    result = run("validate", *args, "--format", "github")
    assert result.exit_code == 0
    assert "::" not in result.stdout
