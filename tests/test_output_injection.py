"""Output injection (issue #11 item 4): text from data files stays text in every format.

A valid strategy whose title, goal title, KPI name and unit, and an actuals file whose
note and source, hold terminal escapes, bidi controls, workflow commands, markup and
formulas. Every format must print them harmlessly; table-driven over the formats.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import pytest

HOSTILE = "\x1b[2J\x1b]0;pwn\x07 \u202eevil\n::error file=x::forged ##[warning]old <script>alert(1)</script> | x | ![i](http://e/i.png) =1+1"
RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


@pytest.fixture
def hostile(tmp_path, mini_text):
    q = _quote(HOSTILE)
    text = (
        mini_text.replace("title: テスト戦略", f"title: {q}", 1)
        .replace("title: 目標一", f"title: {q}", 1)
        .replace("name: 割合", f"name: {q}", 1)
        .replace("unit: 件", f"unit: {_quote('=件' + HOSTILE)}", 1)
    )
    strategy = tmp_path / "strategy.yaml"
    strategy.write_text(text, encoding="utf-8")
    folder = tmp_path / "actuals"
    folder.mkdir()
    (folder / "2026.yaml").write_text(
        f"share-pct: {{value: 50, source: {_quote('=cmd|' + HOSTILE)}, note: {q}}}\n"
        'app-downloads: {value: 300, note: "-2+3"}\n',
        encoding="utf-8",
    )
    return ["--strategy", str(strategy), "--actuals", str(folder)]


def no_raw_controls_nor_commands(text: str, *, commands_allowed: bool = False) -> None:
    assert not RAW_CONTROL.search(text), RAW_CONTROL.search(text)
    assert "##[" not in text
    for line in text.splitlines():
        if line.lstrip().startswith("::"):
            assert commands_allowed, line
            assert re.match(r"^::(error|warning|notice) [^:]*(%3A[^:]*)*::", line), line


@pytest.mark.parametrize(
    "args",
    [
        ["check", "2026"],
        ["check", "2026", "--lang", "en"],
        ["check", "2026", "-f", "json"],
        ["check", "2026", "-f", "csv"],
        ["check", "2026", "-f", "markdown"],
        ["check", "2026", "-f", "junit"],
        ["check", "2026", "-f", "github", "--fail-on", "behind"],
        ["validate"],
        ["kpis"],
        ["kpis", "-f", "csv"],
        ["kpis", "-f", "json"],
    ],
)
def test_hostile_text_never_escapes_its_format(run, hostile, args, tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    strategy_args = hostile[:2] if args[0] == "kpis" else hostile
    result = run(*args, *strategy_args)
    assert result.exit_code in (0, 1), result.output
    github = "github" in args
    no_raw_controls_nor_commands(result.stdout, commands_allowed=github)
    no_raw_controls_nor_commands(result.stderr)
    out = result.stdout
    if "json" in args:
        data = json.loads(out)
        if "strategy" in data:  # check: the same data, only escaped
            assert data["strategy"] == HOSTILE
    if "csv" in args:
        rows = list(csv.reader(io.StringIO(out)))
        assert all(len(r) == len(rows[0]) for r in rows)
        for cell in (c for r in rows[1:] for c in r):
            if cell[:1] in ("=", "+", "-", "@"):
                float(cell)  # numbers only
        assert any(c.startswith("'=") for r in rows for c in r)  # the formula, neutralised
    if "junit" in args:
        root = ET.fromstring(out)
        assert "<script>" in root.get("name")  # as text, in a well-formed document
    if "markdown" in args or github:
        md = summary.read_text(encoding="utf-8") if github else out
        check_markdown(md)


def check_markdown(md: str) -> None:
    assert "<script" not in md
    assert not re.search(r"(?<!\\)\]\(http", md)  # no link nor image from the data
    cells = None
    for line in md.splitlines():
        if line.startswith("|"):
            n = len(re.findall(r"(?<!\\)\|", line))
            cells = n if cells is None else cells
            assert n == cells, line
        else:
            cells = None


def test_report_html_has_no_markup_from_data(run, hostile, tmp_path):
    out = tmp_path / "r.html"
    result = run("report", "2026", *hostile, "-o", out)
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page
    assert not RAW_CONTROL.search(page.replace("\n", ""))
    md = tmp_path / "r.md"
    assert run("report", "2026", *hostile, "-o", md).exit_code == 0
    check_markdown(md.read_text(encoding="utf-8"))


def test_diagnostics_quoting_data_stay_one_clean_line(run, tmp_path, mini_text):
    strategy = tmp_path / "strategy.yaml"
    strategy.write_text(mini_text, encoding="utf-8")
    folder = tmp_path / "actuals"
    folder.mkdir()
    (folder / "2026.yaml").write_text(
        '"\\e[31m\\n::error::forged": 1\n"##[error]x": 2\n', encoding="utf-8"
    )
    result = run("validate", "--strategy", strategy, "--actuals", folder)
    assert result.exit_code == 2
    no_raw_controls_nor_commands(result.stderr)
    assert len(result.stderr.splitlines()) == 3  # two diagnostics and the summary


# what GitHub would link bare (GFM extended autolinks, addresses, mentions) if it stood whole
BARE_LINK = re.compile(r"[a-z]://|www\.|@\w", re.IGNORECASE)


def test_markdown_breaks_bare_urls(run, tmp_path, mini_text):
    """Issue #16 item 6: a source or note holding a URL, `www.` or an address is no link in
    `check --format markdown` nor in the report's Markdown, and still reads the same."""
    strategy = tmp_path / "strategy.yaml"
    strategy.write_text(mini_text, encoding="utf-8")
    folder = tmp_path / "actuals"
    folder.mkdir()
    (folder / "2026.yaml").write_text(
        "share-pct: {value: 50, source: 'https://www.city.example.jp/stat/2026', "
        "note: 'www.example.jp 参照、担当 kikaku@city.example.jp'}\n",
        encoding="utf-8",
    )
    args = ["--strategy", str(strategy), "--actuals", str(folder)]
    check = run("check", "2026", "-f", "markdown", *args)
    report = tmp_path / "r.md"
    assert run("report", "2026", *args, "-o", report).exit_code == 0
    for md in (check.stdout, report.read_text(encoding="utf-8")):
        assert not BARE_LINK.search(md), BARE_LINK.search(md)
        assert "https\u200b://www\u200b.city.example.jp/stat/2026" in md
        assert "kikaku@\u200bcity.example.jp" in md
        assert md.replace("\u200b", "").count("https://www.city.example.jp/stat/2026") >= 1
