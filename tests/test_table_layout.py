"""The terminal table at every width, in both languages (issue #10).

Snapshots of `pdca check 2026` on the demo actuals and the bundled strategy at 80, 100, 120
and 200 columns, ja and en, each checked for what a reader notices at once: a line wider
than the terminal, a line starting with a character Japanese never starts a line with, a
reference code or id split across lines, a policy heading missing.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from rich.cells import cell_len

from conftest import DEMO, MINI
from kanazawa_pdca.load import load_strategy, resolve_strategy
from kanazawa_pdca.present.grid import NO_END, NO_START

SNAPSHOTS = Path(__file__).parent / "snapshots"
WIDTHS = (80, 100, 120, 200)
LANGS = ("ja", "en")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="module")
def strategy():
    return load_strategy(resolve_strategy(None))


def demo(run, *args: str, width: int | None = 120, lang: str = "ja") -> str:
    options = ["--width", str(width)] if width else []
    result = run("check", "2026", "--actuals", DEMO, "--lang", lang, *options, *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def unfolded(text: str, lang: str) -> str:
    """The text with the folds undone, to find a heading that was folded."""
    lines = [line.strip() for line in text.splitlines()]
    return ("" if lang == "ja" else " ").join(lines)


def heading(policy, goal, lang: str) -> str:
    title = policy.title if lang == "ja" else policy.title_en
    return f"({policy.number}){title}" if lang == "ja" else f"({policy.number}) {title}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", WIDTHS)
def test_demo_snapshot_at_every_width(run, strategy, lang, width):
    text = demo(run, width=width, lang=lang)
    snapshot = SNAPSHOTS / f"check-demo-{lang}-{width}.txt"
    if os.environ.get("UPDATE_SNAPSHOTS"):
        snapshot.write_text(text, encoding="utf-8")
    assert text == snapshot.read_text(encoding="utf-8")

    lines = text.splitlines()
    # no escaped newline shows: the layout's own line breaks are never escaped as data
    assert "\\n" not in text
    # no line is wider than the width
    too_wide = [line for line in lines if cell_len(line) > width]
    assert not too_wide
    # no line starts with a closing bracket, small kana, ー, 、。 …; none ends with an opening one
    assert not [line for line in lines if line.strip() and line.strip()[0] in NO_START]
    assert not [line for line in lines if line.strip() and line.strip()[-1] in NO_END]
    # no reference code is split: each one is whole on some line
    for kpi in strategy.kpis:
        for code in kpi.measures:
            assert re.search(rf"(^|[ ,]){re.escape(code)}($|[ ,])", text, re.M), code
    # every policy heading is there (folded or not)
    flat = unfolded(text, lang)
    for goal in strategy.goals:
        for policy in goal.policies:
            assert heading(policy, goal, lang) in flat
    # the summary and the share are at the end, as before
    assert ("達成・順調" if lang == "ja" else "achieved or") in text or "%" in lines[-3]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", WIDTHS)
def test_kpis_ids_never_split(run, strategy, lang, width):
    text = run("kpis", "--lang", lang, "--width", str(width)).stdout
    assert max(cell_len(line) for line in text.splitlines()) <= width
    for kpi in strategy.kpis:
        assert re.search(rf"^{re.escape(kpi.id)}( |$)", text, re.M), kpi.id


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", (80, 100, 120))
def test_diff_ids_never_split_and_names_fold_by_kinsoku(run, strategy, lang, width):
    """pdca diff's table (issue #14 sweep): every line within the width, every id whole at
    the start of a line (beside its name or on a line of its own), no line starting with a
    closing mark such as '）' and none ending with an opening one such as '（'."""
    result = run("diff", "2025", "2026", "--actuals", DEMO, "--all", "--lang", lang,
                 "--width", str(width))  # fmt: skip
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= width
    for kpi in strategy.kpis:
        assert re.search(rf"^{re.escape(kpi.id)}( |$)", result.stdout, re.M), kpi.id
    for line in lines:
        name = re.split(r" {2,}", line.strip())[0]
        if name:
            assert name[0] not in NO_START, line
            assert name[-1] not in NO_END, line


# --- one test per defect of issue #10 -----------------------------------------------------


def test_english_folds_at_spaces_never_mid_word(run, strategy):
    text = demo(run, width=100, lang="en")
    assert "neighbourhood" in text  # was 'neighbourhoo|d' in a 12-cell column
    words = {w for k in strategy.kpis for w in k.name_en.split() if len(w) <= 20}
    pieces = {p for line in text.splitlines() for p in re.split(r"\s{2,}| ", line) if p}
    split = [w for w in words if w[:-1] in pieces and w not in pieces and w.isalpha()]
    assert not split
    assert "not assessable" in text.replace("not\n", "not ")


def test_english_at_120_keeps_the_whole_summary_header(run):
    text = demo(run, width=120, lang="en")
    assert "not assessable" in text
    assert "achieved or" in text and "on track" in text  # the share column is there


def test_japanese_name_column_is_capped_when_wide(run):
    """At 200 columns the spare width goes to the names (up to 30 characters, not 20) and
    the outlook is on one line; the name column still stops at its wider cap."""
    text = demo(run, width=200)
    lines = text.splitlines()
    header = next(line for line in lines if line.startswith("KPI"))
    assert 44 < header.index("単位") <= 64  # the name column stops at its wider cap
    assert "進捗" in header and "基準値" in header and "見込み" in header
    row = next(line for line in lines if line.startswith("子どもを産み育てやすい環境"))
    assert "子どもを産み育てやすい環境が整っていると感じる市民の割合" in row  # one line
    assert "R10 見込 60.7 / 59 ✓" in row  # the outlook on the row's first line
    narrower = demo(run, width=140)
    assert "R10 見込 60.7" not in narrower and "R10 見込" in narrower  # two lines there


def test_japanese_names_get_room_at_100(run):
    text = demo(run, width=100)
    assert "子育てアプリのダウンロード数" in text  # 14+ characters on a line


def test_kinsoku_no_line_starts_with_a_closing_mark():
    from rich.text import Text

    from kanazawa_pdca.present.grid import fold

    strategy = load_strategy(resolve_strategy(None))
    texts = [k.name for k in strategy.kpis]
    texts += [p.title for g in strategy.goals for p in g.policies]
    for text in texts:
        for width in range(6, 41):
            pieces = [p.plain for p in fold(Text(text), width)]
            assert "".join(pieces) == text.replace(" ", "") or " ".join(pieces)
            for piece in pieces:
                assert cell_len(piece) <= width
                assert piece[0] not in NO_START, (text, width, pieces)
                assert piece[-1] not in NO_END, (text, width, pieces)


@pytest.mark.parametrize(
    ("text", "width", "pieces"),
    [
        ("スマートフォンへの統合件数", 10, ["スマート", "フォンへの", "統合件数"]),
        ("事業所数(累計)", 6, ["事業所", "数(累", "計)"]),
        ("保育利用率（1歳児）", 12, ["保育利用率", "（1歳児）"]),
        ("「総合相談窓口」における", 8, ["「総合相", "談窓口」", "における"]),
        ("住みよい、まち。", 6, ["住みよ", "い、ま", "ち。"]),
        ("Share of residents who feel", 10, ["Share of", "residents", "who feel"]),
        ("G1 · also in 1-1-1, 4-5-1", 14, ["G1 · also in", "1-1-1, 4-5-1"]),
    ],
)
def test_kinsoku_breaks(text, width, pieces):
    from rich.text import Text

    from kanazawa_pdca.present.grid import fold

    assert [p.plain for p in fold(Text(text), width)] == pieces


def test_filtered_summary_counts_whole_goals_and_names_the_filters(run):
    text = demo(run, "--goal", "3", "--status", "off-track", "--status", "regressing")
    assert "絞り込み: 基本目標3 · × 遅れ, ▼ 後退" in text
    assert "集計（基本目標全体）" in text
    g3 = next(line for line in text.splitlines() if line.startswith("G3 "))
    assert g3.rstrip().endswith("35%")  # the share of the whole goal, not 0%
    en = demo(run, "-g", "3", "-s", "off-track", lang="en")
    assert "Filter: Basic goal 3 · × off track" in en


def test_unfiltered_view_names_no_filter(run):
    assert "絞り込み" not in demo(run)


def test_every_policy_heading_is_shown_with_a_reference_line(run):
    text = demo(run, width=120)
    assert "(1)圏域連携による経済・生活圏の形成" in text
    lines = text.splitlines()
    at = lines.index("(1)圏域連携による経済・生活圏の形成")
    assert lines[at + 1].startswith("〔再掲〕石川中央都市圏における連携事業数")
    assert "→ G4 に掲載" in lines[at + 2]
    en = demo(run, width=120, lang="en")
    assert "[again] " in en and "→ shown under G4" in en


def test_maintain_kpi_shows_the_floor_kept_or_not(run, actuals_dir):
    folder = actuals_dir({2026: "satisfaction-floor: 94.5\n"})
    text = run("check", "2026", "--strategy", MINI, "--actuals", folder, "--width", "120").stdout
    row = next(line for line in text.splitlines() if line.startswith("満足度"))
    assert "下回る" in row and "%" not in row.split("下回る")[1].split("×")[0]
    assert "█" not in row and "░" not in row  # no progress bar read against thresholds
    below = text.splitlines()[text.splitlines().index(row) + 1]
    assert "−0.5" in below  # the gap to the floor
    kept = run(
        "check",
        "2026",
        "--strategy",
        MINI,
        "--actuals",
        actuals_dir({2026: "satisfaction-floor: 96\n"}),
    ).stdout
    assert "維持" in kept and "+1" in kept


def test_width_option_and_piped_width(run, monkeypatch):
    for width in (60, 90):
        text = demo(run, width=width)
        assert max(cell_len(line) for line in text.splitlines()) <= width
    monkeypatch.delenv("COLUMNS")
    piped = demo(run, width=None)  # not a terminal, no --width: the table's own width
    header = next(line for line in piped.splitlines() if line.startswith("KPI"))
    assert "進捗" in header and "基準値" in header
    assert cell_len(header) > 80


def test_width_below_the_minimum_is_a_usage_error(run):
    result = run("check", "2026", "--width", "10")
    assert result.exit_code == 2


@pytest.mark.parametrize(("color", "escapes"), [("always", True), ("never", False)])
def test_color_option(run, color, escapes):
    text = demo(run, "--color", color)
    assert ("\x1b[" in text) is escapes
    assert "○ 順調" in ANSI.sub("", text)


def test_styles_are_readable_on_light_backgrounds(run):
    from kanazawa_pdca.formats import table
    from kanazawa_pdca.i18n import STATUS_STYLE

    styles = [s for _, s in STATUS_STYLE.values()]
    styles += [table.GOAL_STYLE, table.SECTION_STYLE, table.HEADER_STYLE, table.NOTE_STYLE]
    for style in styles:
        words = style.split()
        assert "yellow" not in words and "cyan" not in words, style
    text = demo(run, "--color", "always")
    codes = {int(c) for seq in re.findall(r"\x1b\[([0-9;]*)m", text) for c in seq.split(";") if c}
    assert not codes & {33, 36, 93, 96}  # no yellow or cyan foreground at all


def test_summary_only(run):
    text = demo(run, "--summary")
    assert "集計" in text and "合計" in text and "G4 " in text
    assert "数値目標" not in text and "単位" not in text
    assert len(text.splitlines()) < 25


def test_default_table_ends_with_summary_and_share(run):
    lines = demo(run).splitlines()
    total = next(i for i, line in enumerate(lines) if line.startswith("合計 "))
    assert lines[total].rstrip().endswith("%")
    assert len(lines) - total < 6


# --- Markdown (and the shared number functions the HTML report calls) ---------------------


def markdown(run, *args: str, lang: str = "ja") -> str:
    result = run("check", "2026", "--actuals", DEMO, "--format", "markdown", "--lang", lang, *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _row(text: str, kpi_id: str) -> list[str]:
    line = next(line for line in text.splitlines() if f"`{kpi_id}`" in line and "|" in line)
    return [cell.strip() for cell in line.strip("|").split(" | ")]


def test_markdown_expected_values_at_the_kpis_own_precision(run):
    text = markdown(run)
    for fraction in ("24,864.33", "500.67", "5.5地区"):
        assert fraction not in text
    assert _row(text, "childcare-app-downloads")[4] == "24,864件"
    assert _row(text, "child-rearing-environment-satisfaction")[4] == "54.4%"  # 47.5 → 59


def test_markdown_maintain_target_keeps_its_wording(run):
    row = _row(markdown(run), "children-arts-culture-event-participants")
    assert row[3] == "1,000人以上を維持 (R6–R10)"
    assert row[6] == "下限を下回る (−1人)" and row[7] == "—"  # no 99% beside × 遅れ
    en = _row(markdown(run, lang="en"), "children-arts-culture-event-participants")
    assert en[3] == "maintain ≥ 1,000 people (R6–R10)"  # unit_en
    assert en[6] == "below the floor (−1 people)"  # unit_en in the gap too


def test_markdown_shows_every_policy_with_reprints(run):
    text = markdown(run)
    at = text.index("### (1)圏域連携による経済・生活圏の形成")
    assert text[at:].split("\n\n")[1].startswith("- 〔再掲〕石川中央都市圏における連携事業数")


def test_markdown_filtered_summary_counts_whole_goals(run):
    text = markdown(run, "--goal", "3", "--status", "off-track")
    assert "絞り込み: 基本目標3 · × 遅れ" in text and "## 集計（基本目標全体）" in text
    g3 = next(line for line in text.splitlines() if line.startswith("| G3 "))
    assert "| 35% |" in g3


def _kpi(**fields):
    from types import SimpleNamespace

    baseline = SimpleNamespace(year=2022, value=fields.pop("base", 14593), text="")
    target = SimpleNamespace(
        year=fields.pop("year", 2028),
        value=fields.pop("target", 30000),
        kind=fields.pop("target_kind", "exact"),
        text=fields.pop("text", ""),
    )
    return SimpleNamespace(
        baseline=baseline,
        target=target,
        unit=fields.pop("unit", "件"),
        kind=fields.pop("kind", "level"),
        period=fields.pop("period", None),
    )


@pytest.mark.parametrize(
    ("kpi", "value", "expected"),
    [
        (_kpi(), 24864.33, "24,864件"),
        (_kpi(base=302, target=600, unit="名"), 500.67, "501名"),
        (_kpi(base=47.5, target=59, unit="%"), 54.4333, "54.4%"),
        (_kpi(base=1.35, target=1.8, unit=""), 1.5, "1.5"),
        (_kpi(), None, "—"),
    ],
)
def test_kpi_figure_at_the_kpis_precision(kpi, value, expected):
    from kanazawa_pdca.present.numbers import kpi_figure

    assert kpi_figure(kpi, value) == expected


@pytest.mark.parametrize(
    ("kpi", "lang", "expected"),
    [
        (_kpi(base=47.5, target=59, unit="%"), "ja", "59% (R10)"),
        (_kpi(target=90, unit="%", target_kind="at_least"), "ja", "90%以上 (R10)"),
        (_kpi(target=90, unit="%", target_kind="at_least"), "en", "at least 90% (R10)"),
        (
            _kpi(target=1000, unit="人", target_kind="maintain", period=(2024, 2028)),
            "ja",
            "1,000人以上を維持 (R6–R10)",
        ),
        (_kpi(target=95, unit="%", target_kind="maintain"), "en", "maintain ≥ 95% (R10)"),
        (
            _kpi(target=60000, unit="人", kind="period_total", period=(2024, 2028)),
            "ja",
            "計 60,000人 (R6–R10)",
        ),
        (_kpi(target=None, target_kind="reset", text="再設定"), "ja", "再設定"),
        (_kpi(target=None, target_kind="reset", text="再設定"), "en", "to be reset"),
    ],
)
def test_target_text_keeps_the_printed_wording(kpi, lang, expected):
    from kanazawa_pdca.present.numbers import target_text

    assert target_text(kpi, lang) == expected


@pytest.mark.parametrize(
    ("value", "digits", "expected"),
    [(5, None, "+5件"), (-1, None, "−1件"), (0, None, "±0件"), (-0.5, 1, "−0.5件")],
)
def test_signed_gap(value, digits, expected):
    from kanazawa_pdca.present.numbers import signed

    assert signed(_kpi(), value, None, digits) == expected


def test_diff_takes_width_and_colour_and_avoids_yellow_and_cyan(run):
    result = run("diff", "2025", "2026", "--actuals", DEMO, "--color", "always", "--width", "90")
    assert result.exit_code == 0
    text = result.stdout
    assert "\x1b[" in text
    assert max(cell_len(line) for line in ANSI.sub("", text).splitlines()) <= 90
    codes = {int(c) for seq in re.findall(r"\x1b\[([0-9;]*)m", text) for c in seq.split(";") if c}
    assert not codes & {33, 36, 93, 96}


@pytest.mark.parametrize("suffix", ["html", "md"])
def test_report_figures_at_precision_and_maintain_wording(run, tmp_path, suffix):
    out = tmp_path / f"report.{suffix}"
    result = run("report", "2026", "--actuals", DEMO, "-o", out)
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "24,864件" in text and "24,864.33" not in text and "500.67" not in text
    assert "1,000人以上を維持 (R6–R10)" in text  # not '≥ 1,000人 (R6–R10) 合計'
    assert "(R6–R10) 合計" not in text
    assert "下限を下回る (−1人)" in text  # the floor, not 99% / a bar


def test_data_text_in_the_table_is_escaped_for_the_terminal(run, broken, actuals_dir):
    path = broken("name: 割合", 'name: "割合\\e[31m赤\\u202e"')
    path.write_text(
        path.read_text(encoding="utf-8").replace("title: 目標一", 'title: "目標一\\e]0;x\\a"'),
        encoding="utf-8",
    )
    result = run("check", "2026", "--strategy", path, "--actuals", actuals_dir({}))
    if result.exit_code == 2:  # the loader refuses control characters: nothing printed raw
        assert "\x1b" not in result.stdout + result.stderr
        return
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    assert "割合\\x1b[31m赤\\u202e" in result.stdout
    assert "目標一\\x1b]0;x\\x07" in result.stdout


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", [60, 66])
def test_narrow_width_puts_names_on_lines_of_their_own(run, lang, width):
    text = demo(run, width=width, lang=lang)
    lines = text.splitlines()
    assert max(cell_len(line) for line in lines) <= width
    assert not [line for line in lines if line.strip() and line.strip()[0] in NO_START]
    name = "子育てアプリのダウンロード数（累計）" if lang == "ja" else "Cumulative downloads of"
    row = next(i for i, line in enumerate(lines) if line.startswith(name))
    assert lines[row + 1].startswith("1-1-2")  # its codes, then its figures
    assert ("◎ 達成" if lang == "ja" else "◎ achieved") in lines[row + 2]


def test_width_below_60_is_a_usage_error(run):
    assert run("check", "2026", "--width", "59").exit_code == 2


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", WIDTHS)
def test_summary_rule_sits_under_the_whole_header(run, lang, width):
    lines = demo(run, "--summary", width=width, lang=lang).splitlines()
    g1 = next(i for i, line in enumerate(lines) if line.startswith("G1 "))
    assert set(lines[g1 - 1]) == {"─"}  # the header, however folded, is above the rule


def _pty(columns: int) -> tuple[int, int]:
    """A pseudo-terminal `columns` wide: (controller, terminal) file descriptors."""
    import fcntl
    import pty
    import struct
    import termios

    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    return controller, terminal


def _piped(stdin, stderr) -> str:
    """`pdca check 2027 … | cat` in a process of its own: stdout a pipe, COLUMNS unset."""
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "PDCA_LANG")}
    env["NO_COLOR"] = "1"
    args = [sys.executable, "-m", "kanazawa_pdca", "check", "2027", "--actuals", str(DEMO)]
    done = subprocess.run(
        args, stdin=stdin, stdout=subprocess.PIPE, stderr=stderr, env=env, timeout=60
    )
    assert done.returncode == 0
    return done.stdout.decode("utf-8")


@pytest.mark.skipif(os.name != "posix", reason="pseudo-terminals are POSIX")
def test_piped_output_uses_terminal_width():
    """`pdca check 2027 | less` on an 80-column terminal: stdout is a pipe, but stderr (or
    stdin) is still the terminal, so the table fits its width; with no terminal at all the
    table keeps its natural width."""
    import subprocess

    for columns, where in ((80, "stderr"), (100, "stdin")):
        controller, terminal = _pty(columns)
        try:
            if where == "stderr":
                text = _piped(subprocess.DEVNULL, terminal)
            else:
                text = _piped(terminal, subprocess.DEVNULL)
        finally:
            os.close(terminal)
            os.close(controller)
        widths = [cell_len(line) for line in text.splitlines()]
        assert max(widths) <= columns, where
        assert max(widths) >= columns - 10, where  # the width is used, not a narrow default
    alone = _piped(subprocess.DEVNULL, subprocess.DEVNULL)  # no terminal: the natural width
    assert max(cell_len(line) for line in alone.splitlines()) > 120
