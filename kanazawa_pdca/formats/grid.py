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

from rich.cells import cell_len
from rich.text import Text


@dataclass(frozen=True)
class Column:
    header: str
    width: int
    justify: str = "left"  # "left" | "right"
    wrap: bool = False  # fold long lines (otherwise they are cut at the width)


def fold(line: Text, width: int) -> list[Text]:
    """Split one line into pieces of at most `width` cells, preferring to break at spaces."""
    plain = line.plain
    if cell_len(plain) <= width:
        return [line]
    offsets = []
    start, used, last_space = 0, 0, -1
    for i, char in enumerate(plain):
        w = cell_len(char)
        if used + w > width and i > start:
            if char == " ":
                cut = i + 1  # the space ends this piece (and is stripped)
            elif last_space >= start:
                cut = last_space + 1
            else:
                cut = i
            offsets.append(cut)
            start, used = cut, cell_len(plain[cut : i + 1])
            last_space = -1
            continue
        used += w
        if char == " ":
            last_space = i
    pieces = line.divide(offsets)
    return [p.rstrip() or p for p in pieces] if pieces else [line]


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
