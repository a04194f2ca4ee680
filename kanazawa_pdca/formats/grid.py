"""A fast aligned grid of rich Text cells, for the long KPI tables of `pdca check`.

rich's Table measures and renders every cell through its layout engine, which costs
~1 ms a row; the check table has ~100 rows of two-line cells with widths known in
advance. This grid folds the one wrapping column itself (by display cells, so
Japanese text folds correctly and English folds at spaces), pads every cell with
spaces and returns one Text, which rich prints in a single pass with its styles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len, get_character_cell_size
from rich.text import Text


@dataclass(frozen=True)
class Column:
    header: str
    width: int
    justify: str = "left"  # "left" | "right"
    wrap: bool = False  # fold long lines (otherwise they are cut at the width)


# Japanese line breaking (kinsoku shori, JIS X 4051 simplified): a line never starts with
# a closing bracket, a small kana, a long-vowel or iteration mark, or 、。 and the like,
# and never ends with an opening bracket.
NO_START = frozenset(
    ")]}）］｝〕〉》」』】〙〗〟’”｠»"
    "ヽヾーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻"
    "‐゠–〜～?!‼⁇⁈⁉？！・:;：；/／。.、,，．％"
)
NO_END = frozenset("([{（［｛〔〈《「『【〘〖〝‘“｟«")


def _cells(char: str) -> int:
    return get_character_cell_size(char)


def breaks(plain: str) -> list[bool]:
    """ok[i]: a line may start at index i (0 < i < len(plain)).

    Breaks are allowed at spaces, and between two characters when one of them is wide
    (Japanese), unless the kinsoku rules forbid it; never inside a run of narrow
    characters (an English word, a number, an id such as `1-1-2`).
    """
    ok = [False] * (len(plain) + 1)
    for i in range(1, len(plain)):
        before, char = plain[i - 1], plain[i]
        if char == " " or before == " ":
            ok[i] = char != before
        elif _cells(before) == 2 or _cells(char) == 2:
            ok[i] = char not in NO_START and before not in NO_END
    return ok


def fold(line: Text, width: int) -> list[Text]:
    """Split one line into pieces of at most `width` cells.

    English breaks at spaces, Japanese between characters with kinsoku; a word or
    run longer than the width is cut (still never before a no-start character when
    it can be helped).
    """
    plain = line.plain
    if cell_len(plain) <= width:
        return [line]
    ok = breaks(plain)
    n = len(plain)
    offsets: list[int] = []
    start = 0
    while True:
        used, end = 0, start
        while end < n and used + _cells(plain[end]) <= width:
            used += _cells(plain[end])
            end += 1
        if end >= n or not plain[end:].strip():
            break
        cut = next((k for k in range(end, start, -1) if ok[k]), 0)
        if not cut:  # nothing allowed: cut the run, keeping kinsoku where possible
            cut = end if end > start else start + 1
            if plain[cut] in NO_START and cut - 1 > start:
                cut -= 1
            if plain[cut - 1] in NO_END and cut - 1 > start:
                cut -= 1
        while cut < n and plain[cut] == " ":
            cut += 1
        if cut >= n:
            break
        offsets.append(cut)
        start = cut
    if not offsets:
        return [line]
    return [p.rstrip() or p for p in line.divide(offsets)]


def _append(out: Text, cell: Text | None, column: Column) -> None:
    """Append one cell line to `out`, padded (or cut) to the column's width."""
    if cell is None:
        out.append(" " * column.width)
        return
    size = cell_len(cell.plain)
    if size > column.width:
        cell = cell.copy()
        cell.truncate(column.width, overflow="crop")
        size = cell_len(cell.plain)
    pad = " " * (column.width - size)
    if column.justify == "right":
        out.append(pad)
        out.append_text(cell)
    else:
        out.append_text(cell)
        out.append(pad)


def render(
    columns: Sequence[Column], rows: Sequence[Sequence[Text | str]], gap: int = 2
) -> list[Text]:
    """Every physical line of the rows, each a Text padded to the grid's widths."""
    spacer = " " * gap
    out: list[Text] = []
    for row in rows:
        cells: list[list[Text]] = []
        for column, value in zip(columns, row, strict=True):
            text = value if isinstance(value, Text) else Text(str(value))
            lines = list(text.split("\n")) if "\n" in text.plain else [text]
            if column.wrap:
                lines = [piece for line in lines for piece in fold(line, column.width)]
            cells.append(lines)
        height = max(len(c) for c in cells)
        for i in range(height):
            line = Text()
            for j, (column, lines) in enumerate(zip(columns, cells, strict=True)):
                if j:
                    line.append(spacer)
                _append(line, lines[i] if i < len(lines) else None, column)
            line.rstrip()
            out.append(line)
    return out


def header(columns: Sequence[Column], gap: int = 2, style: str = "bold") -> list[Text]:
    """The header line and a rule under it."""
    line = Text(style=style)
    for j, column in enumerate(columns):
        if j:
            line.append(" " * gap)
        _append(line, Text(column.header), column)
    line.rstrip()
    total = sum(c.width for c in columns) + gap * (len(columns) - 1)
    return [line, Text("─" * total, style="dim")]
