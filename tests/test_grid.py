"""The aligned grid: folding by display cells, padding, alignment."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text

from kanazawa_pdca.present import grid


def test_fold_japanese_by_cells():
    pieces = grid.fold(Text("子どもを産み育てやすい環境"), 8)
    assert [p.plain for p in pieces] == ["子どもを", "産み育て", "やすい環", "境"]
    assert all(cell_len(p.plain) <= 8 for p in pieces)


def test_fold_english_at_spaces():
    pieces = grid.fold(Text("Share of residents who feel"), 10)
    assert [p.plain for p in pieces] == ["Share of", "residents", "who feel"]


def test_fold_long_word_is_cut():
    assert [p.plain for p in grid.fold(Text("abcdefghij"), 4)] == ["abcd", "efgh", "ij"]


def test_fold_keeps_styles():
    text = Text("abc ")
    text.append("defgh", style="dim")
    pieces = grid.fold(text, 5)
    assert [p.plain for p in pieces] == ["abc", "defgh"]
    assert pieces[1].spans and pieces[1].spans[0].style == "dim"


def test_render_aligns_columns():
    columns = [grid.Column("name", 6, wrap=True), grid.Column("n", 5, justify="right")]
    lines = grid.render(columns, [["長い名前です", "1,234"], ["x", Text("7\n(R8)")]], gap=1)
    assert [line.plain for line in lines] == [
        "長い名 1,234",
        "前です",
        "x          7",
        "        (R8)",
    ]


def test_header_and_rule():
    columns = [grid.Column("KPI", 4), grid.Column("値", 3, justify="right")]
    head, rule = grid.header(columns, gap=2)
    assert head.plain == "KPI    値"
    assert rule.plain == "─" * 9


def test_percent_rounds_down_like_the_thresholds():
    from kanazawa_pdca.present.numbers import percent

    assert percent(0.999) == "99%"  # not "100%" beside an off-track status
    assert percent(0.598) == "59%"
    assert percent(0.6) == "60%"
    assert percent(0.58) == "58%"
    assert percent(1.0) == "100%"
    assert percent(-0.001) == "-1%"
    assert percent(12.5) == "1,250%"
    assert percent(None) == "—"
