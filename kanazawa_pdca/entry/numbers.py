"""Figures as people write them in Japanese spreadsheets -> a number (pure, no I/O).

Accepted: `174,275`, `47.5`, `12.` (a trailing point), full-width digits, signs and
separators (`１７４，２７５`), a trailing unit equal to the KPI's (`174,275人`, `47.5%`,
`47.5％`; `名` for `人` and back), a leading `△` or `▲` (the Japanese accounting minus),
`-` / `−` / `＋`. `万` or `千` before the unit (`15.2万人`, `1.2千件`, `3万`) is that multiple
when the KPI's unit has no multiplier of its own; a KPI in `万人` given `125,000人` gets
12.5. "No figure yet": an empty cell, `－`, `—`, `-` (and a few dash look-alikes), and the
words `集計中`, `未集計`, `調査中`, `未確定`, `N/A`. A figure beyond the model's range (over
10^15 in size, non-zero under 10^-9) is `figure-range`. Anything else is an error with a
stable code.

`likely_reading` / `refuse_outlier` are the unit-slip rule (DESIGN: Exactness): a figure
far out of proportion to its KPI's baseline and target, and the reading it most likely
stands for.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ..i18n.messages import Phrase
from ..model.figures import MAX_FIGURE, MIN_FIGURE

# "no figure yet": a dash of any common kind, or the words for "being compiled", "being
# surveyed", "not final", "not available" (compared in NFKC, upper case)
NO_FIGURE_WORDS = frozenset({"集計中", "未集計", "調査中", "未確定", "N/A"})
NO_FIGURE_DASHES = frozenset("-－—―–‐−ー")

# what a spreadsheet shows for a formula that failed (Excel; LibreOffice's Err:502)
_CELL_ERROR = re.compile(
    r"^(?:#(?:NULL!|DIV/0!|VALUE!|REF!|NAME\?|NUM!|N/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)|Err:\d{3})$",
    re.I,
)
_MINUS_SIGNS = "△▲−-"  # after NFKC the full-width hyphen-minus is "-"
_NUMBER = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?$")  # `12.` is 12
# a multiplier written before the unit, and the ones a unit may carry of its own
MULTIPLIERS = {"万": Decimal(10_000), "千": Decimal(1_000)}
_OWN_MULTIPLE = {"百万": Decimal(10) ** 6, "万": Decimal(10_000), "千": Decimal(1_000)}
_OWN_MULTIPLE["億"] = Decimal(10) ** 8
_MAX = Decimal(repr(MAX_FIGURE))
_MIN = Decimal(repr(MIN_FIGURE))


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
        """A word (集計中, 未集計, 調査中, 未確定, N/A): the figure is on its way, not left
        blank."""
        stripped = self.text.replace("\u3000", "")
        return bool(stripped) and not (len(stripped) == 1 and stripped in NO_FIGURE_DASHES)


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def is_no_figure(text: str) -> bool:
    stripped = text.strip().replace("\u3000", "")
    return (
        stripped == ""
        or _norm(stripped).upper() in NO_FIGURE_WORDS
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
    body, scale = _without_unit(text, raw.strip(), unit)
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
    return in_range(value * scale * sign)


def _without_unit(text: str, raw: str, shown_unit: str) -> tuple[str, Decimal]:
    """The number's text without its trailing unit, and the multiple it stands for
    (`15.2万人` of a KPI in 人 -> ('15.2', 10000)); FigureError for another unit."""
    unit = _norm(shown_unit)
    own = next((m for m in _OWN_MULTIPLE if unit.startswith(m)), "")
    forms = [unit] if unit else []
    for a, b in (("人", "名"), ("名", "人")):  # 名 counts people as 人 does
        if a in unit:
            forms.append(unit.replace(a, b))
    body = text
    for form in forms:
        if text.endswith(form):
            body = text[: -len(form)].rstrip()
            break
    else:
        base = unit[len(own) :]
        if own and base and text.endswith(base) and re.search(r"\d", text[: -len(base)]):
            # the unit without its multiplier: 125,000人 of a KPI in 万人 is 12.5
            return text[: -len(base)].rstrip(), 1 / _OWN_MULTIPLE[own]
    if not own and unit != "%" and body[-1:] in MULTIPLIERS and re.search(r"\d", body[:-1]):
        return body[:-1].rstrip(), MULTIPLIERS[body[-1]]
    _no_other_unit(body, raw, shown_unit)
    return body, Decimal(1)


def _no_other_unit(body: str, raw: str, unit: str) -> None:
    trailing = re.search(r"[^\d.,\s]+$", body)
    if trailing and re.search(r"\d", body) and not re.search(r"[()\[\]]", trailing.group()):
        found = trailing.group()
        if found not in _MINUS_SIGNS:
            variant = None if unit else "none"
            raise FigureError("wrong-unit", variant, raw=raw, found=found, unit=unit)


def _finite(value: Decimal) -> Decimal:
    if not value.is_finite():
        raise FigureError("not-finite", "figure", got=value)
    return in_range(value)


def in_range(value: Decimal) -> Decimal:
    """The model's range of a figure (model/figures.py), said at the cell or argument
    (FigureError `figure-range`); also for a figure scaled after parsing (a percent cell)."""
    if value and not _MIN <= abs(value) <= _MAX:
        approx = float(value)
        shown = f"{approx:g}" if math.isfinite(approx) else f"{value:.3e}"
        raise FigureError("figure-range", "figure", got=shown)
    return value


def to_yaml_number(value: Decimal) -> int | float:
    """The value as YAML writes it: an int when whole, else the shortest float."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


# --- unit slips ---------------------------------------------------------------------------

OUTLIER_FACTOR = 100  # DESIGN: more than 100 times the largest baseline or target, or
# below a hundredth of the smallest non-zero one, is almost always a unit slip


def likely_reading(value: Decimal, unit: str, references: list[float]) -> Decimal | None:
    """None when `value` is a plausible figure of a KPI in `unit` whose baseline and
    target are `references`; else the reading a unit slip most likely stands for.

    Implausible: more than 100 times the largest non-zero reference, or below a hundredth
    of the smallest (a percentage: also below 1 while every reference is 5 or more).
    The reading: a count typed in the unit without its multiplier (125,000 for a KPI in
    万人) divided by it (12.5); a percentage typed as a ratio (0.554) times 100; else the
    power of ten that brings the figure nearest the references.
    """
    size = abs(value)
    refs = sorted(Decimal(repr(abs(r))) for r in references if r)
    if not size or not refs:
        return None
    low, high = refs[0], refs[-1]
    unit = _norm(unit)
    ratio = unit == "%" and size < 1 and all(Decimal(repr(abs(r))) >= 5 for r in references)
    if not (ratio or size > high * OUTLIER_FACTOR or size * OUTLIER_FACTOR < low):
        return None
    own = next((m for m in _OWN_MULTIPLE if unit.startswith(m)), "")
    if ratio:
        reading = size * 100
    elif own and size > high * OUTLIER_FACTOR:
        reading = size / _OWN_MULTIPLE[own]
    else:

        def distance(k: int) -> tuple[Decimal, int]:
            scaled = size.scaleb(k)
            off = high / scaled if scaled > high else low / scaled if scaled < low else 1
            return (abs(off.log10()) if off != 1 else Decimal(0), abs(k))

        reading = size.scaleb(min((k for k in range(-12, 13) if k), key=distance))
    return (reading if value > 0 else -reading).normalize()


def plain(value: Decimal) -> str:
    """A Decimal as a person writes it: 125000 -> '125,000', 12.5000 -> '12.5'."""
    return f"{value.normalize():,f}"


def refuse_outlier(value: Decimal, kpi) -> None:
    """FigureError `outlier` when `value` is implausible for the KPI (see likely_reading),
    naming the likely reading in both languages' units (`12.5 万人?`)."""
    baseline = getattr(getattr(kpi, "baseline", None), "value", None)
    references = [v for v in (baseline, kpi.target.value) if v is not None]
    reading = likely_reading(value, kpi.unit, references)
    if reading is None:
        return
    from ..i18n.labels import unit_words

    nonzero = sorted(abs(v) for v in references if v)
    low, high = (plain(Decimal(repr(v))) for v in (nonzero[0], nonzero[-1]))
    raise FigureError(
        "outlier",
        got=plain(value),
        likely=plain(reading),
        low=low,
        high=high,
        unit=unit_words(kpi, spaced=True),
        variant=None if low == high else "range",
    )
