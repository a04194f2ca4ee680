"""Every figure's source and note are shown: JSON, Markdown, the terminal's notes block."""

from __future__ import annotations

import json

from conftest import MINI
from kanazawa_pdca.assess import assess
from kanazawa_pdca.load import load_actuals, load_strategy
from kanazawa_pdca.present.notes import note_mark, notes_lines, notes_text

YEARS = {
    2024: "visitors-total: {value: 9000, source: 観光政策課, note: 'R6 速報'}\n",
    2025: "visitors-total: 10000\n",
    2026: (
        "share-pct: {value: 55, source: 市民意識調査, note: 速報値}\n"
        "app-downloads: {value: 2500, source: アプリ集計}\n"
        "visitors-total: {value: 11000, note: 'a | pipe <b>'}\n"
    ),
}


def test_json_actual_has_source_and_note(run, actuals_dir):
    folder = actuals_dir(YEARS)
    result = run("check", "2026", "--format", "json", "--strategy", MINI, "--actuals", folder)
    kpis = {k["id"]: k for k in json.loads(result.stdout)["kpis"]}
    assert kpis["share-pct"]["actual"] == {
        "year": 2026, "value": 55, "source": "市民意識調査", "note": "速報値",
    }  # fmt: skip
    assert kpis["app-downloads"]["actual"]["source"] == "アプリ集計"
    assert kpis["app-downloads"]["actual"]["note"] is None
    # a period total: the running sum, with the provenance of its last year
    assert kpis["visitors-total"]["actual"] == {
        "year": 2026, "value": 30000, "source": None, "note": "a | pipe <b>",
    }  # fmt: skip
    assert kpis["co2-emissions"]["actual"] is None


def test_markdown_shows_source_and_note_escaped(run, actuals_dir):
    folder = actuals_dir(YEARS)
    result = run("check", "2026", "--format", "markdown", "--strategy", MINI, "--actuals", folder)
    row = next(line for line in result.stdout.splitlines() if "`share-pct`" in line)
    assert "<br>出典: 市民意識調査<br>備考: 速報値" in row
    row = next(line for line in result.stdout.splitlines() if "`visitors-total`" in line)
    assert "備考: a \\| pipe &lt;b&gt;" in row
    assert row.count(" | ") == next(
        line for line in result.stdout.splitlines() if "`share-pct`" in line
    ).count(" | ")


def test_the_terminal_notes_block(actuals_dir):
    strategy = load_strategy(MINI)
    actuals, _ = load_actuals(actuals_dir(YEARS), strategy)
    report = assess(strategy, actuals, 2026)
    assert note_mark(report.result("share-pct")) == " ※"
    assert note_mark(report.result("app-downloads")) == ""
    assert notes_lines(report, "ja") == [
        "※ 割合 (share-pct, R8): 速報値 (出典: 市民意識調査)",
        "※ 交流人口数 (R6～R10 の合計) (visitors-total, R8): a | pipe <b>",
    ]
    assert notes_lines(report, "en")[0] == "※ Share (share-pct, R8): 速報値 (Source: 市民意識調査)"
    text = notes_text(report, "ja")
    assert text.plain.splitlines()[0] == "実績の備考"
    # an older year's figure carries that year's note
    older = assess(strategy, actuals, 2024)
    assert older.result("visitors-total").note == "R6 速報"
    assert notes_text(assess(strategy, actuals, 2023), "ja") is None


def test_control_characters_in_a_note_never_reach_the_terminal(actuals_dir):
    strategy = load_strategy(MINI)
    folder = actuals_dir({2026: 'share-pct: {value: 55, note: "x\\e[31my"}\n'})
    actuals, _ = load_actuals(folder, strategy)
    text = notes_text(assess(strategy, actuals, 2026), "en")
    assert "\x1b" not in text.plain and "\\x1b[31m" in text.plain


def test_the_check_table_marks_a_noted_figure_and_lists_the_notes(run, actuals_dir):
    folder = actuals_dir(YEARS)
    result = run("check", "2026", "--strategy", MINI, "--actuals", folder)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert any(line.startswith("割合 ※") for line in lines)
    assert not any("ダウンロード数（累計） ※" in line for line in lines)
    block = lines[lines.index("実績の備考") :]
    assert block[1:3] == [
        "※ 割合 (share-pct, R8): 速報値 (出典: 市民意識調査)",
        "※ 交流人口数 (R6～R10 の合計) (visitors-total, R8): a | pipe <b>",
    ]
