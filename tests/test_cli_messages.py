"""Issue #10 items 8–10 and 12: threshold options, years, the no-actuals hint, and messages
in the user's language (a catalogue keyed by the stable [code])."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from conftest import MINI
from kanazawa_pdca.diagnostics import Diagnostic, Location
from kanazawa_pdca.i18n import InLang, Phrase, diagnostic_text, table, text
from kanazawa_pdca.options import OptionError, parse_goals, parse_ratio, parse_status
from kanazawa_pdca.trajectory import Status

FILES = {
    2025: "share-pct: 53\n",
    2026: "app-downloads: 1100\nco2-emissions: 3500\nnew-course-participants: 120\n",
}


@pytest.fixture
def mini(actuals_dir):
    return ["--strategy", str(MINI), "--actuals", str(actuals_dir(FILES))]


def check_json(run, mini, *args):
    result = run("check", "2026", *mini, "-f", "json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


# --- item 8: thresholds are ratios ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [("0.9", "0.9"), ("90%", "0.9"), ("９０％", "0.9"), ("1", "1"), ("2", "2"), ("0.6", "0.6")],
)
def test_threshold_ratios_and_percents_parse_exactly(text, value):
    assert parse_ratio(text) == Decimal(value)


def test_on_track_accepts_a_percent(run, mini):
    doc = check_json(run, mini, "--on-track", "90%", "--behind", "50%")
    assert doc["thresholds"] == {"on_track": 0.9, "behind": 0.5}
    by_id = {k["id"]: k for k in doc["kpis"]}
    assert by_id["share-pct"]["status"] == "behind"  # attainment 0.75


@pytest.mark.parametrize(
    ("option", "value", "code"),
    [
        ("--on-track", "90", "threshold-range"),  # 9000%: surely a mistaken 90%
        ("--on-track", "2.01", "threshold-range"),
        ("--behind", "0", "threshold-range"),
        ("--behind", "-0.1", "threshold-range"),
        ("--on-track", "nan", "threshold-value"),
        ("--on-track", "inf", "threshold-value"),
        ("--on-track", "ninety", "threshold-value"),
    ],
)
def test_thresholds_outside_0_2_are_refused_in_one_line(run, mini, option, value, code):
    result = run("check", "2026", *mini, option, value)
    assert result.exit_code == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"pdca check: {option}: ") and line.endswith(f"[{code}]")


def test_behind_at_or_above_on_track_is_refused(run, mini):
    result = run("check", "2026", *mini, "--on-track", "0.8", "--behind", "80%", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr == (
        "pdca check: thresholds must satisfy 0 < behind (0.8) < on-track (0.8) [threshold-order]\n"
    )


# --- item 9: years -------------------------------------------------------------------------


@pytest.mark.parametrize("year", ["2026年度", "２０２６年度", "FY2026年度", "令和８年度"])
def test_year_with_nendo_is_accepted(run, mini, year):
    result = run("check", year, *mini, "-f", "json")
    assert json.loads(result.stdout)["year"] == 2026


def test_year_outside_the_period_warns(run, mini):
    result = run("check", "2031", *mini, "-f", "json", "--lang", "en")
    assert result.exit_code == 0
    assert result.stderr == (
        "pdca: warning: FY2031 (R13) is outside the strategy's period FY2024–FY2028 "
        "[year-outside-period]\n"
    )
    assert json.loads(result.stdout)["year"] == 2031  # still assessed
    ja = run("check", "2031", *mini, "-f", "json")
    assert ja.stderr.startswith("pdca: 警告: 2031年度（R13）は戦略の期間")
    assert run("check", "2028", *mini, "-f", "json").stderr == ""


# --- item 10: the no-actuals hint ----------------------------------------------------------


def test_no_actuals_hint_names_the_folder_given(run, tmp_path):
    empty = tmp_path / "nothing-here"
    empty.mkdir()
    for lang in ("ja", "en"):
        out = run("check", "2026", "--strategy", MINI, "--actuals", empty, "--lang", lang).stdout
        assert "nothing-here/2026.yaml" in out.replace("\n", "")
        assert "data/actuals" not in out


# --- item 12: messages in the user's language ---------------------------------------------


def test_every_message_has_both_languages():
    for code, entry in table().items():
        assert set(entry) == {"ja", "en"}, code


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("達成", Status.ACHIEVED),
        ("順調", Status.ON_TRACK),
        ("やや遅れ", Status.BEHIND),
        ("遅れ", Status.OFF_TRACK),
        ("後退", Status.REGRESSING),
        ("実績なし", Status.NO_DATA),
        ("評価対象外", Status.NOT_ASSESSABLE),
        ("off-track", Status.OFF_TRACK),
        ("OFF_TRACK", Status.OFF_TRACK),
        ("on track", Status.ON_TRACK),
    ],
)
def test_japanese_status_words_are_accepted(word, status):
    assert parse_status(word) is status


def test_status_and_fail_on_take_japanese_words(run, mini):
    doc = check_json(run, mini, "--status", "遅れ", "--status", "後退")
    assert sorted(k["id"] for k in doc["kpis"]) == ["app-downloads", "co2-emissions"]
    result = run("check", "2026", *mini, "-f", "json", "--fail-on", "遅れ")
    assert result.exit_code == 1
    assert result.stderr.startswith("pdca: 「遅れ」以下の KPI が 2 件: ")


def test_goal_comma_lists(run, mini):
    both = check_json(run, mini, "-g", "1,2")
    assert [g["code"] for g in both["goals"]] == ["G1", "G2"]
    assert both == check_json(run, mini, "-g", "1", "-g", "2")
    assert parse_goals(["1, 2", "２"], 4) == {1, 2}


@pytest.mark.parametrize(("value", "code"), [("x", "goal-value"), ("1,9", "goal-range")])
def test_a_bad_goal_is_one_line_never_a_pydantic_message(run, mini, value, code):
    for command in (["check", "2026"], ["diff", "2025", "2026"], ["kpis"]):
        result = run(*command, *mini[:2], *(mini[2:] if command[0] != "kpis" else []), "-g", value)
        assert result.exit_code == 2
        (line,) = result.stderr.splitlines()
        assert line.endswith(f"[{code}]") and "Input should be" not in line


def test_usage_errors_are_one_line_in_the_language(run, mini):
    ja = run("check", "2026", *mini, "--nonsense")
    en = run("check", "2026", *mini, "--nonsense", "--lang", "en")
    assert ja.exit_code == en.exit_code == 2
    assert ja.stderr == "pdca check: オプション --nonsense はありません（pdca check -h を参照）\n"
    assert en.stderr == "pdca check: no such option --nonsense (see pdca check -h)\n"


def test_diagnostics_follow_lang_and_keep_their_code(run, actuals_dir, monkeypatch):
    folder = actuals_dir({2026: "share-pct: 150\nnope: 3\n"})
    args = ["check", "2026", "--strategy", MINI, "--actuals", folder]
    path = folder / "2026.yaml"
    ja = run(*args).stderr.splitlines()
    assert ja == [
        f"{path}:1:12: share-pct: 割合は 0〜100 の範囲で記録してください（値: 150） "
        "[percentage-range]",
        f"{path}:2:1: 不明な KPI id 'nope' [unknown-kpi]",
        "pdca: 1 ファイルに 2 件のエラー",
    ]
    monkeypatch.setenv("PDCA_LANG", "en")
    en = run(*args).stderr.splitlines()
    assert en[1] == f"{path}:2:1: unknown KPI id 'nope' [unknown-kpi]"
    assert en[2] == "pdca: 2 errors in 1 file"


def test_validate_speaks_japanese_by_default(run):
    out = run("validate").stdout.splitlines()
    assert out[0].startswith("data/strategy.yaml: OK — 基本目標 4、施策 17、取組 55、KPI 95")
    en = run("validate", "--lang", "en").stdout.splitlines()
    assert en[0].startswith("data/strategy.yaml: ok — 4 goals, 17 policies")


# diagnostics as the loaders raise them (code, values, variant): the English as it always
# read, and a Japanese that is not it
ENGLISH = {
    "unknown-kpi": (
        {"id": "shar-pct", "hint": Phrase("did-you-mean", hint="share-pct")},
        None,
        "unknown KPI id 'shar-pct' (did you mean 'share-pct'?)",
    ),
    "percentage-range": (
        {"id": "share-pct", "value": 150.0},
        "actual",
        "share-pct: a percentage must be within 0–100, got 150",
    ),
    "negative-value": (
        {"id": "app-downloads", "value": -1.0, "unit": InLang("件", " cards")},
        None,
        "app-downloads: this KPI's figures cannot be negative, got -1 cards",
    ),
    "duplicate-key": (
        {"key": "'share-pct'", "first": 1},
        None,
        "duplicate key 'share-pct' (first defined at line 1)",
    ),
    "cumulative-decrease": (
        {"id": "app-downloads", "value": 1400.0, "previous": 1500.0, "year": 2024},
        None,
        "app-downloads: running total 1400 is lower than 1500 in 2024 (a cumulative KPI "
        "never falls)",
    ),
    "outside-period": (
        {"id": "visitors-total", "first": 2024, "last": 2028, "year": 2030},
        None,
        "visitors-total: a yearly figure for a 2024–2028 total, recorded for 2030, outside "
        "that window",
    ),
    "thresholds-order": (
        {"behind": 1.2, "on_track": 1.0},
        None,
        "thresholds must satisfy 0 < behind (1.2) < on_track (1)",
    ),
    "file-name": (
        {"name": "x.yaml"},
        "actuals",
        "an actuals file is named after its fiscal year, like 2026.yaml (got 'x.yaml')",
    ),
    "wrong-type": (
        {"where": "share-pct", "got": "'abc'"},
        None,
        "share-pct: expected a number, got 'abc'",
    ),
    "not-finite": (
        {"where": "share-pct", "got": float("nan")},
        None,
        "share-pct: expected a finite number, got nan",
    ),
    "missing-field": (
        {"where": "share-pct.value"},
        None,
        "share-pct.value: required field is missing",
    ),
    "unknown-field": ({"where": "share-pct.sauce"}, None, "share-pct.sauce: unknown field"),
    "yaml-syntax": (
        {"what": Phrase("unclosed.sequence")},
        "unclosed",
        "malformed YAML: '[' is never closed (the file ends first)",
    ),
}


@pytest.mark.parametrize("code", sorted(ENGLISH))
def test_every_diagnostic_is_said_in_both_languages(code):
    values, variant, english = ENGLISH[code]
    d = Diagnostic(Location("a.yaml", 2, 3), code, values, variant=variant)
    assert diagnostic_text(d, "en") == str(d) == f"a.yaml:2:3: {english} [{code}]"
    ja = diagnostic_text(d, "ja")
    assert ja.startswith("a.yaml:2:3: ") and ja.endswith(f" [{code}]")
    assert english not in ja


def test_option_errors_carry_their_code():
    with pytest.raises(OptionError) as info:
        parse_ratio("90", "--on-track")
    assert info.value.code == "threshold-range"
    assert "0.9" in text(info.value.code, "en", **info.value.params)


# --- item 11: units and fixed words in English --------------------------------------------


def test_english_units_in_every_format(run, tmp_path):
    folder = tmp_path / "actuals"
    folder.mkdir()
    (folder / "2026.yaml").write_text(
        "neighbourhood-childcare-health-rooms: 24\ntotal-fertility-rate: 1.31\n", encoding="utf-8"
    )
    args = ["check", "2026", "--actuals", folder, "--lang", "en"]
    markdown = run(*args, "-f", "markdown").stdout
    (row,) = [x for x in markdown.splitlines() if "`neighbourhood-childcare-health-rooms`" in x]
    assert "11 districts (R5)" in row and "24 districts (R8)" in row and "地区" not in row
    table = run(*args).stdout
    assert "districts" in table and "地区" not in table and "再設定" not in table
    assert "to be reset" in table
    github = run(*args, "-f", "github").stdout
    assert "actual 24 districts (R8)" in github
    ja = run("check", "2026", "--actuals", folder, "-f", "markdown").stdout
    assert "24地区 (R8)" in ja


def test_kpis_json_carries_unit_en(run):
    data = json.loads(run("kpis", "--format", "json").stdout)
    units = {k["id"]: (k["unit"], k["unit_en"]) for k in data}
    assert units["neighbourhood-childcare-health-rooms"] == ("地区", "districts")
    assert units["childcare-app-downloads"] == ("件", "downloads")


def test_unit_en_is_validated_by_the_model(broken, run):
    path = broken("    unit: 件\n", "    unit: 件\n    unit_en: [not, text]\n")
    result = run("validate", "--strategy", path, "--lang", "en")
    assert result.exit_code == 2
    assert "unit_en" in result.stderr and "[wrong-type]" in result.stderr


def test_a_bad_year_is_one_line_in_the_language(run):
    ja = run("check", "twenty")
    assert ja.exit_code == 2
    assert ja.stderr.startswith("pdca check: YEAR: 'twenty' は年度ではありません（2026, FY2026")
    en = run("check", "twenty", "--lang", "en")
    assert en.stderr.startswith("pdca check: YEAR: not a fiscal year: 'twenty' (use one of")
    assert len(ja.stderr.splitlines()) == len(en.stderr.splitlines()) == 1


def test_a_real_process_speaks_the_language_asked_for(tmp_path):
    """`python -m kanazawa_pdca` (the console script's entry point): --lang holds there too."""
    import os
    import subprocess
    import sys

    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "2026.yaml").write_text("nope: 1\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PDCA_LANG"}
    for lang, summary in (
        ("en", "pdca: 1 error in 1 file"),
        ("ja", "pdca: 1 ファイルに 1 件のエラー"),
    ):
        for command in (["validate"], ["check", "2026"]):
            argv = [sys.executable, "-m", "kanazawa_pdca", *command, "--actuals", str(bad)]
            done = subprocess.run(
                [*argv, "--lang", lang], capture_output=True, text=True, env=env, check=False
            )
            assert done.returncode == 2
            assert done.stderr.splitlines()[-1] == summary, (command, lang, done.stderr)
