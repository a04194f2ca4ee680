"""Figures as people write them in Japanese spreadsheets -> a number (pure, no I/O).

Accepted: `174,275`, `47.5`, full-width digits, signs and separators (`１７４，２７５`),
a trailing unit equal to the KPI's (`174,275人`, `47.5%`, `47.5％`), a leading `△` or
`▲` (the Japanese accounting minus), `-` / `−` / `＋`. "No figure yet": an empty cell,
`－`, `—`, `-`, `集計中`, `未集計` (and a few dash look-alikes). Anything else is an error
with a stable code.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ..i18n.messages import Phrase

# "no figure yet": a dash of any common kind, or the words for "being compiled"
NO_FIGURE_WORDS = frozenset({"集計中", "未集計"})
NO_FIGURE_DASHES = frozenset("-－—―–‐−ー")

# what a spreadsheet shows for a formula that failed (Excel; LibreOffice's Err:502)
_CELL_ERROR = re.compile(
    r"^(?:#(?:NULL!|DIV/0!|VALUE!|REF!|NAME\?|NUM!|N/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)|Err:\d{3})$",
    re.I,
)
_MINUS_SIGNS = "△▲−-"  # after NFKC the full-width hyphen-minus is "-"
_NUMBER = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")


class FigureError(ValueError):
    """A cell that is not a figure: a stable `code`, the `values` of its message (what was
    found) and its wording's `variant`. `pre` starts the message: empty, or the KPI id of
    the row (`share-pct: `), as the importer sets it."""

    def __init__(self, code: str, variant: str | None = None, **values: object):
        super().__init__(code)
        self.code = code
        self.variant = variant
        self.values: dict[str, object] = {"pre": "", **values}

    def __str__(self) -> str:
        from ..i18n.messages import said

        return said(self)


@dataclass(frozen=True)
class NoFigure:
    """An explicit "no figure yet" (empty, a dash, 集計中)."""

    text: str

    @property
    def pending(self) -> bool:
        """A word (集計中, 未集計): the figure is being compiled, not left blank."""
        stripped = self.text.replace("\u3000", "")
        return bool(stripped) and not (len(stripped) == 1 and stripped in NO_FIGURE_DASHES)


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def is_no_figure(text: str) -> bool:
    stripped = text.strip().replace("\u3000", "")
    return (
        stripped == ""
        or stripped in NO_FIGURE_WORDS
        or (len(stripped) == 1 and stripped in NO_FIGURE_DASHES)
    )


def parse_figure(raw: object, unit: str = "") -> Decimal | NoFigure:
    """One cell's content -> a Decimal, or NoFigure; raise FigureError otherwise.

    Numbers (from a spreadsheet cell) are taken as they are; text is read with the forms
    above. `unit` is the KPI's unit as printed: a trailing unit must equal it.
    """
    if raw is None:
        return NoFigure("")
    if isinstance(raw, bool):
        raise FigureError("not-a-number", got=str(raw).upper())
    if isinstance(raw, int | float | Decimal):
        return _finite(Decimal(str(raw)) if isinstance(raw, float) else Decimal(raw))
    if not isinstance(raw, str):
        kind = type(raw).__name__
        what = Phrase("shown.date") if kind in ("datetime", "date", "time", "timedelta") else kind
        raise FigureError("not-a-number", got=what)
    if is_no_figure(raw):
        return NoFigure(raw.strip())
    text = _norm(raw)
    if _CELL_ERROR.match(text):
        raise FigureError("cell-error", raw=raw.strip())
    body = text
    # a trailing unit: the KPI's own (compared in the same normal form), or % for a percentage
    norm_unit = _norm(unit)
    if norm_unit and body.endswith(norm_unit):
        body = body[: -len(norm_unit)].rstrip()
    else:
        trailing = re.search(r"[^\d.,\s]+$", body)
        if trailing and re.search(r"\d", body) and not re.search(r"[()\[\]]", trailing.group()):
            found = trailing.group()
            if found not in _MINUS_SIGNS:
                variant = None if unit else "none"
                raise FigureError("wrong-unit", variant, raw=raw.strip(), found=found, unit=unit)
    sign = 1
    if body[:1] in _MINUS_SIGNS:
        sign, body = -1, body[1:].lstrip()
    elif body[:1] == "+":
        body = body[1:].lstrip()
    if not _NUMBER.match(body):
        if re.fullmatch(r"[\d,]+(\.\d+)?", body):
            raise FigureError("bad-number", raw=raw.strip())
        raise FigureError("not-a-number", "figure", raw=raw.strip())
    try:
        value = Decimal(body.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern above admits only numbers
        raise FigureError("not-a-number", "number", raw=raw.strip()) from None
    return value * sign


def _finite(value: Decimal) -> Decimal:
    if not value.is_finite():
        raise FigureError("not-finite", "figure", got=value)
    return value


def to_yaml_number(value: Decimal) -> int | float:
    """The value as YAML writes it: an int when whole, else the shortest float."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)
