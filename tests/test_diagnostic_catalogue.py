"""Issue #10 item 12: every diagnostic pdca can print has a Japanese and an English text.

The catalogue (`messages.DIAGNOSTICS`) maps a code to the English messages as the loaders
write them (patterns) and their Japanese templates. These tests hold it to the source:
every code literal in the package is catalogued, every pattern reads a real message, and
real errors come out in Japanese by default and in English with --lang en."""

from __future__ import annotations

import ast
import re
import zipfile
from pathlib import Path

import pytest

from conftest import MINI
from kanazawa_pdca.diagnostics import Diagnostic, Location
from kanazawa_pdca.i18n import DIAGNOSTICS, HELP, MESSAGES, diagnostic_text, message_text, variants

PACKAGE = Path(__file__).resolve().parent.parent / "kanazawa_pdca"
KEBAB = re.compile(r"^[a-z]+(?:-[a-z]+)+$")
# kebab-case literals of the package that are not diagnostic codes
NOT_CODES = {"fictional-data", "no-charts", "pdca-template", "system-out"}
# codes built at run time (model/reviews.py: f"unknown-{name}")
BUILT = {"unknown-rating", "unknown-direction"}


def code_literals() -> set[str]:
    found = set()
    for path in PACKAGE.rglob("*.py"):
        if path.name == "messages.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and KEBAB.match(str(node.value)):
                found.add(node.value)
    return found - NOT_CODES


def test_every_code_in_the_package_has_japanese_and_english():
    codes = code_literals() | BUILT
    assert len(codes) > 80  # the scan sees the codes (not an empty pass)
    missing = sorted(c for c in codes if c not in DIAGNOSTICS and c not in MESSAGES | HELP)
    assert missing == []
    for code in codes & set(MESSAGES | HELP):
        assert set((MESSAGES | HELP)[code]) >= {"ja", "en"}, code


# one English message per catalogue pattern, as the source writes it
SAMPLES = [
    ("file-not-found", "no such file"),
    ("not-a-file", "is a directory, not a file"),
    ("not-a-file", "a loop of symbolic links, not a file"),
    ("not-a-file", "is a FIFO, not a regular file"),
    ("not-a-file", "is not a regular file"),
    ("unreadable", "cannot read: Permission denied"),
    ("unreadable", "cannot be read: bad things"),
    ("file-too-large", "file too large (80 MB; the limit is 64 MB)"),
    ("file-too-large", "file too large (the limit is 64 MB)"),
    ("encoding", "not valid UTF-8 text"),
    (
        "encoding",
        "neither UTF-8 nor Shift_JIS (CP932) text: save the sheet as CSV UTF-8 or CSV from Excel",
    ),
    (
        "encoding",
        "line 3 is not UTF-8 but line 2 is: the file mixes encodings; save it again as CSV UTF-8",
    ),
    (
        "control-character",
        "character U+0007 (BEL) is not allowed in YAML; write it as an escape in a "
        "double-quoted string",
    ),
    ("control-character", "character U+0000 (NUL) is not allowed in YAML"),
    ("control-character", "… and 12 more characters YAML does not allow (is this a text file?)"),
    (
        "alias-expansion",
        "aliases of the node anchored here expand to more than 100,000 nodes (an alias bomb?); "
        "write the data out",
    ),
    (
        "recursive-alias",
        "an alias inside the node anchored here refers to it: a recursive structure pdca "
        "cannot read",
    ),
    ("too-deep", "nested more than 64 levels deep"),
    ("number-too-long", "a number of 5000 characters is too long"),
    ("number-too-long", "an integer too large to be a figure"),
    ("bad-scalar", "'2024-13-45' is not a valid date (month must be in 1..12)"),
    ("bad-scalar", "a number of 5000 digits is too long"),
    ("bad-scalar", "'0x' is not an integer"),
    ("bad-scalar", "'1.2.3' is not a number"),
    ("bad-scalar", "'yes!' is not true or false"),
    ("bad-scalar", "'~~' is not null"),
    ("bad-scalar", "'x' is not binary"),
    (
        "duplicate-anchor",
        "the same anchor is defined twice (first at line 1): give each its own name",
    ),
    (
        "yaml-version",
        "unsupported YAML version '2.0': pdca reads YAML 1.2 (or 1.1); remove the %YAML line",
    ),
    ("bad-key", "a mapping key must be a plain scalar"),
    ("no-actuals-dir", "is not a directory"),
    ("no-actuals-dir", "no such directory"),
    ("no-reviews-dir", "is not a directory"),
    ("no-reviews-dir", "no such directory"),
    ("duplicate-year", "2026 is also in R8.yaml"),
    ("output-not-a-file", "a loop of symbolic links, not a file"),
    ("output-not-a-file", "is a directory, not a file"),
    ("output-not-a-file", "is a FIFO, not a regular file"),
    ("output-not-a-file", "is not a regular file"),
    ("output-not-a-file", "is a directory: pdca writes regular files only"),
    ("output-no-folder", "cannot write: no such folder out/x"),
    ("output-protected", "refusing to overwrite the strategy"),
    ("output-protected", "refusing to write into the actuals folder"),
    ("output-unwritable", "cannot write: Permission denied"),
    ("cannot-write", "cannot write: Permission denied"),
    ("unknown-kpi", "unknown KPI id 'shar-pct' (did you mean 'share-pct'?)"),
    ("unknown-kpi", "unknown KPI id 'nope' in 1-1-1"),
    (
        "outside-period",
        "visitors-total: a yearly figure for a 2024–2028 total, recorded for 2030, outside "
        "that window",
    ),
    ("outside-period", "target year 2031 is outside the strategy's period 2024–2028"),
    ("outside-period", "period 2023–2028 is outside the strategy's period 2024–2028"),
    ("duplicate-code", "evaluation.ratings: code 'A' is defined twice"),
    ("duplicate-id", "KPI id 'share-pct' is already defined (kpis[0])"),
    (
        "measures-mismatch",
        "KPI 'share-pct': measures ['1-1-1'] do not match where it is printed (['1-1-2'])",
    ),
    (
        "kpi-order",
        "KPIs must be defined in order of first printing: expected 'a' here, found 'b'",
    ),
    ("direction-mismatch", "direction is increase but the target 40 is not above the baseline 50"),
    ("direction-mismatch", "direction is decrease but the target 60 is not below the baseline 50"),
    ("relisted-first", "KPI 'share-pct' is marked 再掲 in 1-1-1 but is not printed earlier"),
    ("unreferenced-kpi", "KPI 'share-pct' is never printed"),
    ("reset-has-value", "a 'reset' target has no year and no value (it is to be set again)"),
    ("target-missing", "target value is missing"),
    ("target-missing", "target year is missing"),
    ("year-order", "target year 2023 is not after the baseline year 2023"),
    ("period-order", "period start is after its end"),
    ("period-missing", "a period_total KPI needs a period"),
    ("period-unused", "a period applies only to period_total KPIs and maintain targets"),
    ("numbering", "policy number 3 out of sequence (expected 2)"),
    ("unknown-goal", "unknown goal code (G1…) 'G9' (did you mean 'G1'?)"),
    ("unknown-policy", "unknown policy code (goal-policy, like 1-2) '9-9'"),
    ("unknown-measure", "unknown measure code (goal-policy-measure, like 1-2-3) '9-9-9'"),
    ("unknown-rating", "goals.G1.rating: 'Z' is not in the strategy's evaluation.ratings (A, B)"),
    (
        "unknown-direction",
        "goals.G1.direction: 'x' is not in the strategy's evaluation.directions (拡充, 継続)",
    ),
    (
        "unknown-status",
        "kpis.share-pct.override.status: 'odd' is not a status an override can set (achieved)",
    ),
    ("override-without-reason", "kpis.share-pct.override: the committee's reason is required"),
    ("too-large", "70,000,000 bytes: larger than a fill-in sheet can be"),
    ("too-large", "unpacks to 900,000,000 bytes: larger than a fill-in sheet can be"),
    (
        "too-large",
        "more than 1,000,000 cells in this sheet: larger than a fill-in sheet can be (delete "
        "what is not the table, or copy the table into a new workbook)",
    ),
    ("old-excel", "an .xls file (Excel 97–2003): save it as .xlsx or CSV"),
    ("unknown-format", "not a spreadsheet pdca reads (.xlsx or .csv)"),
    ("not-a-workbook", "cannot read the workbook (File is not a zip file)"),
    ("csv-syntax", "malformed CSV: line contains NUL"),
    (
        "no-header",
        "no header row with an id column (ID, KPI id) and a value column (実績値, value) in the "
        "first 20 rows",
    ),
    (
        "no-header",
        "no header row with an id column (ID, KPI id) and a value column (実績値, value) in the "
        "first 20 rows of any sheet",
    ),
    (
        "template-year",
        "this sheet was made by `pdca template 2025`; its figures are not for 2026 (import it "
        "as 2025, or fill in a template for 2026)",
    ),
    ("missing-id", "a figure without a KPI id in its row"),
    ("duplicate-kpi", "share-pct is given twice (also at a.csv:2:1)"),
    (
        "merged-cell",
        "cells B2:B3 are merged over 2 rows: give each KPI its id and its figure in its own row "
        "(unmerge the cells)",
    ),
    ("not-a-kpi-id", "'合計' is not a KPI id (ids look like share-of-…)"),
    (
        "formula-without-value",
        "share-pct: a formula (=A1+1) whose value was never computed: open and save the file "
        "in Excel or LibreOffice, or type the figure",
    ),
    ("text-without-figure", "share-pct: a source without a figure is not recorded"),
    ("text-without-figure", "share-pct: a note without a figure is not recorded"),
    ("not-a-number", "share-pct: expected a number, got TRUE"),
    (
        "not-a-number",
        "share-pct: 'abc' is not a figure (a number like 174,275 or 47.5; empty, －, 集計中 or "
        "未集計 for no figure yet; remarks go in the note column)",
    ),
    ("not-a-number", "'1e' is not a number"),
    (
        "cell-error",
        "share-pct: '#DIV/0!': the cell shows a spreadsheet error, not a figure (correct the "
        "formula, or type the figure)",
    ),
    ("bad-number", "share-pct: '17,42,75': digits are grouped in threes (174,275)"),
    ("wrong-unit", "share-pct: '5人': the unit '人' does not match (its unit is '%')"),
    ("wrong-unit", "'5人': the unit '人' does not match (it has no unit)"),
    ("wrong-unit", "share-pct: the cell is formatted as a percentage; its unit is '人'"),
    ("not-finite", "share-pct: expected a finite number, got nan"),
    ("conflict", "share-pct: value 5 differs from 4 recorded (use --overwrite to replace it)"),
    (
        "conflict",
        "share-pct: value 5 differs from 4 recorded; note 'b' differs from 'a' recorded at "
        "2026.yaml:3:1 (use --overwrite to replace it)",
    ),
    ("wrong-type", "share-pct: expected a number, got 'abc'"),
    ("wrong-type", "fictional: expected true or false, got 'yes'"),
    ("wrong-type", "an actuals file maps KPI ids to values"),
    ("wrong-type", "a KPI id is text, got 12"),
    ("missing-value", "share-pct: no value (null); remove the line or give a number"),
    (
        "figure-range",
        "share-pct: a figure must be 0 or between 1e-9 and 1e15 in size, got 1e+20",
    ),
    ("invalid-value", "meta.period.start: Input should be greater than 0 (got -1)"),
    ("merge-key", "merge keys (<<) are not supported: write the fields out"),
    (
        "unknown-tag",
        "unknown tag '!!python/object': pdca reads plain YAML (text, numbers, true/false, "
        "null, lists and mappings)",
    ),
]

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


@pytest.mark.parametrize(("code", "english"), SAMPLES)
def test_each_message_reads_in_japanese(code, english):
    ja = message_text(code, english, "ja")
    assert ja != english and JAPANESE.search(ja), ja
    assert "{" not in ja.replace("{value", "")  # every placeholder was filled
    assert message_text(code, english, "en") == english
    d = Diagnostic(Location("a.csv", 2, 3), code, english, "warning")
    assert diagnostic_text(d, "ja") == f"a.csv:2:3: 警告: {ja} [{code}]"


def test_every_pattern_of_the_catalogue_has_a_sample():
    unread = []
    for code in DIAGNOSTICS:
        for pattern, _ in variants(code):
            first = next((e for c, e in SAMPLES if c == code and re.fullmatch(pattern, e)), None)
            if first is None:
                unread.append((code, pattern))
    # the codes tested elsewhere (test_cli_messages.ENGLISH) keep their one pattern there
    from test_cli_messages import ENGLISH

    unread = [(c, p) for c, p in unread if not re.fullmatch(p, ENGLISH.get(c, ""))]
    assert unread == []


# --- real errors, as a user sees them -----------------------------------------------------


@pytest.fixture
def strategy_args():
    return ["--strategy", str(MINI)]


def test_an_old_excel_file_in_both_languages(run, tmp_path, strategy_args):
    sheet = tmp_path / "実績.xls"
    sheet.write_bytes(b"\xd0\xcf\x11\xe0")
    args = ["import", "2026", sheet, *strategy_args, "--actuals", tmp_path]
    ja = run(*args)
    assert ja.exit_code == 2
    assert ja.stderr.splitlines()[0] == (
        f"{sheet}:1:1: 古い .xls 形式（Excel 97–2003）のファイルです。.xlsx か CSV で"
        "保存し直してください [old-excel]"
    )
    en = run(*args, "--lang", "en")
    assert en.stderr.splitlines()[0] == (
        f"{sheet}:1:1: an .xls file (Excel 97–2003): save it as .xlsx or CSV [old-excel]"
    )


def test_a_bad_csv_in_both_languages(run, tmp_path, strategy_args):
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("id,実績値\nshare-pct,abc\nshare-pct,4\n", encoding="utf-8")
    args = ["import", "2026", sheet, *strategy_args, "--actuals", tmp_path, "--dry-run"]
    ja = run(*args).stderr.splitlines()
    assert ja[0].startswith(f"{sheet}:2:2: share-pct: 'abc' は実績値ではありません（")
    assert ja[0].endswith(" [not-a-number]")
    assert ja[1] == f"{sheet}:3:1: share-pct が2回記入されています（{sheet}:2:1 にもあります）" + (
        " [duplicate-kpi]"
    )
    en = run(*args, "--lang", "en").stderr.splitlines()
    assert en[1] == f"{sheet}:3:1: share-pct is given twice (also at {sheet}:2:1) [duplicate-kpi]"


def test_hostile_yaml_in_both_languages(run, tmp_path, monkeypatch):
    strategy = tmp_path / "strategy.yaml"
    strategy.write_text("a: &x [1]\nb: &x [2]\n", encoding="utf-8")
    ja = run("validate", "--strategy", strategy).stderr.splitlines()
    assert ja[0] == (
        f"{strategy}:2:4: 同じアンカーが2回定義されています（最初は 1 行目）。"
        "それぞれ別の名前を付けてください [duplicate-anchor]"
    )
    monkeypatch.setenv("PDCA_LANG", "en")
    en = run("validate", "--strategy", strategy).stderr.splitlines()
    assert en[0].endswith(
        "the same anchor is defined twice (first at line 1): give each its "
        "own name [duplicate-anchor]"
    )


def test_a_review_without_reason_in_both_languages(run, tmp_path, strategy_args):
    reviews = tmp_path / "reviews"
    reviews.mkdir()
    (reviews / "2026.yaml").write_text(
        "kpis:\n  share-pct:\n    override:\n      status: on-track\n", encoding="utf-8"
    )
    args = ["validate", *strategy_args, "--reviews", reviews]
    ja = run(*args)
    assert ja.exit_code == 2, ja.stdout
    assert "kpis.share-pct.override: 委員会の判断理由（reason）を書いてください" in ja.stderr
    assert "[override-without-reason]" in ja.stderr
    en = run(*args, "--lang", "en").stderr
    assert "kpis.share-pct.override: the committee's reason is required" in en


def test_a_workbook_that_is_not_one(run, tmp_path, strategy_args):
    sheet = tmp_path / "sheet.xlsx"
    with zipfile.ZipFile(sheet, "w") as z:
        z.writestr("hello.txt", "not a workbook")
    args = ["import", "2026", sheet, *strategy_args, "--actuals", tmp_path]
    ja = run(*args).stderr
    assert "ブックを読み込めません（" in ja and "[not-a-workbook]" in ja
    assert "cannot read the workbook (" in run(*args, "--lang", "en").stderr


def test_a_protected_output_names_the_input_in_japanese(run, tmp_path):
    strategy = tmp_path / "strategy.yaml"
    strategy.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "actuals").mkdir()
    args = ["check", "2026", "--strategy", strategy, "--actuals", tmp_path / "actuals"]
    args += ["-o", strategy]
    assert run(*args).stderr == f"{strategy}:1:1: 戦略ファイルは上書きしません [output-protected]\n"
    en = run(*args, "--lang", "en").stderr
    assert en == f"{strategy}:1:1: refusing to overwrite the strategy file [output-protected]\n"


def test_ci_annotations_follow_the_language(run, tmp_path):
    strategy = tmp_path / "strategy.yaml"
    strategy.write_text("a: &x [1]\nb: &x [2]\n", encoding="utf-8")
    args = ["validate", "--strategy", strategy, "--format", "github"]
    ja = run(*args).stdout.splitlines()[0]
    assert ja.startswith("::error ") and "同じアンカーが2回定義されています" in ja
    assert ja.endswith("[duplicate-anchor]")
    en = run(*args, "--lang", "en").stdout.splitlines()[0]
    assert "the same anchor is defined twice (first at line 1)" in en
