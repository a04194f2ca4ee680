"""Hostile data text through the yearly cycle's outputs (#8 and #9): missing, the record and
import summaries, the xlsx files (template and check), show, diff, check --compare.

The strategy's titles, names and units and the figures' sources and notes hold a terminal
colour escape, a newline, a workflow command, markup, a formula and a bidi override. Nothing
of it may act: on a terminal (no raw ESC, not even a colour code from the data, no new line
from the data), in a log (no line starting `::`), in a spreadsheet (no formula, a well-formed
file that opens).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
import zipfile

import pytest

HOSTILE = "\x1b[31mRED\x1b[0m\n::error::x <script>alert(1)</script> | =cmd|' /C calc'!A0 [bold]B[/bold] \u202eevil"
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


@pytest.fixture
def hostile(tmp_path, mini_text):
    text = (
        mini_text.replace("title: テスト戦略", f"title: {_q('=戦略' + HOSTILE)}", 1)
        .replace("title: 目標一", f"title: {_q('目標' + HOSTILE)}", 1)
        .replace("title: 施策一", f"title: {_q('施策' + HOSTILE)}", 1)
        .replace("name: ダウンロード数（累計）", f"name: {_q('=DL' + HOSTILE)}", 1)
        .replace("unit: 件", f"unit: {_q('件' + HOSTILE)}", 1)
    )
    strategy = tmp_path / "strategy.yaml"
    strategy.write_text(text, encoding="utf-8")
    folder = tmp_path / "actuals"
    folder.mkdir()
    (folder / "2025.yaml").write_text("app-downloads: 1500\n", encoding="utf-8")
    (folder / "2026.yaml").write_text(
        f"app-downloads: {{value: 2000, source: {_q('=cmd|' + HOSTILE)}, note: {_q(HOSTILE)}}}\n",
        encoding="utf-8",
    )
    return strategy, folder


def clean_terminal_text(text: str) -> None:
    """No raw control (ESC included: a colour code from the data), no data on a new line."""
    assert not RAW.search(text), repr(RAW.search(text))
    for line in text.splitlines():
        assert not line.lstrip().startswith(("::", "\u200b::")), line


@pytest.mark.parametrize(
    "args",
    [
        ["missing", "2027"],
        ["missing", "2027", "--lang", "en"],
        ["show", "app-downloads"],
        ["diff", "2025", "2026", "--all"],
        ["check", "2026", "--compare", "2025"],
    ],
)
def test_text_outputs_show_data_escaped(run, hostile, args):
    strategy, folder = hostile
    color = [] if args[0] == "missing" else ["--color", "never"]
    result = run(*args, "--strategy", strategy, "--actuals", folder, *color)
    assert result.exit_code == 0, result.output
    clean_terminal_text(result.stdout)
    assert "\\x1b[31mRED" in result.stdout  # shown, as a reader can find it


@pytest.mark.parametrize("dry_run", [True, False])
def test_record_summary_shows_data_escaped(run, hostile, dry_run):
    strategy, folder = hostile
    args = ["record", "2027", "app-downloads", "2500", "--source", HOSTILE, "--note", HOSTILE]
    result = run(*args, *(["--dry-run"] if dry_run else []), "--strategy", strategy,
                 "--actuals", folder)  # fmt: skip
    assert result.exit_code == 0, result.output
    clean_terminal_text(result.stdout)
    assert "2,500件\\x1b[31mRED" in result.stdout  # the unit, escaped


def _xml_parts_parse(path) -> None:
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                ET.fromstring(archive.read(name))  # raises on a raw control character


@pytest.mark.parametrize("kind", ["template", "check"])
def test_xlsx_files_stay_well_formed_and_formula_free(run, hostile, tmp_path, kind):
    import openpyxl

    strategy, folder = hostile
    out = tmp_path / "out.xlsx"
    args = (
        ["template", "2026", "-o", out]
        if kind == "template"
        else ["check", "2026", "-f", "xlsx", "-o", out]
    )
    result = run(*args, "--strategy", strategy, "--actuals", folder)
    assert result.exit_code == 0, result.output
    _xml_parts_parse(out)
    wb = openpyxl.load_workbook(out)
    assert not RAW.search(wb.properties.title)
    texts = []
    for ws in wb.worksheets:
        for dv in ws.data_validations.dataValidation:
            assert not RAW.search(dv.promptTitle or ""), dv.promptTitle
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert not RAW.search(cell.value.replace("\n", "")), cell.value
                    texts.append(cell.value)
    assert any(text.startswith("'=DL") for text in texts)
