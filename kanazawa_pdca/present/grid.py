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
from rich.style import Style
from rich.text import Span, Text


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


def _piece(cell: Text | None, column: Column) -> tuple[str, list[Span], str | Style]:
    """One cell line padded (or cut) to the column's width: (plain, spans, base style)."""
    if cell is None:
        return " " * column.width, [], ""
    plain = cell.plain
    size = cell_len(plain)
    if size > column.width:
        cell = cell.copy()
        cell.truncate(column.width, overflow="crop")
        plain = cell.plain
        size = cell_len(plain)
    pad = " " * (column.width - size)
    if column.justify == "right":
        return pad + plain, [s.move(len(pad)) for s in cell.spans], _base(cell, len(pad))
    return plain + pad, list(cell.spans), _base(cell, 0)


def _base(cell: Text, offset: int):
    """A cell's own style as a span over its text (Text(…, style=…) keeps it apart)."""
    if not cell.style or not cell.plain:
        return ""
    return Span(offset, offset + len(cell.plain), cell.style)


def render(
    columns: Sequence[Column], rows: Sequence[Sequence[Text | str]], gap: int = 2
) -> list[Text]:
    """Every physical line of the rows, each a Text padded to the grid's widths.

    A line is assembled as one string and its spans, shifted (rich's Text.append strips
    control codes on every call, which was most of the table's time).
    """
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
            parts: list[str] = []
            spans: list[Span] = []
            offset = 0
            for j, (column, lines) in enumerate(zip(columns, cells, strict=True)):
                if j:
                    parts.append(spacer)
                    offset += gap
                plain, cell_spans, base = _piece(lines[i] if i < len(lines) else None, column)
                if base:
                    spans.append(base.move(offset))
                spans += [s.move(offset) for s in cell_spans]
                parts.append(plain)
                offset += len(plain)
            line = "".join(parts).rstrip()
            end = len(line)
            kept = [Span(s.start, min(s.end, end), s.style) for s in spans if s.start < end]
            out.append(Text(line, spans=kept))
    return out


def _append(out: Text, cell: Text | None, column: Column) -> None:
    """Append one cell line to `out`, padded (or cut) to the column's width."""
    plain, spans, base = _piece(cell, column)
    start = len(out.plain)
    out.append(plain)
    if base:
        out.spans.append(base.move(start))
    out.spans.extend(s.move(start) for s in spans)


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
