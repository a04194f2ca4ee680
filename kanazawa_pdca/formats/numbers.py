"""How figures are written in every human-readable format (one place, so they agree)."""

from __future__ import annotations

import math

from ..years import reiwa

BAR_CELLS = 8
_PARTIAL = " ▏▎▍▌▋▊▉"


def number(value: float | None, digits: int = 2) -> str:
    """14593 -> '14,593'; 47.5 -> '47.5'; 1.35 -> '1.35'; None -> '—'.

    At most `digits` decimals, trailing zeros dropped: number(500.667, 0) -> '501'.
    """
    if value is None:
        return "—"
    text = f"{value:,.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def with_unit(value: float | None, unit: str, digits: int = 2) -> str:
    if value is None:
        return "—"
    return f"{number(value, digits)}{unit}"


def percent(ratio: float | None) -> str:
    """0.873 -> '87%'; 0.999 -> '99%'; None -> '—'.

    Rounded down, as the thresholds are "at least": a KPI at 99.9% of its line is not
    shown as 100% beside × 遅れ, nor one at 59.8% as 60%.
    """
    if ratio is None:
        return "—"
    return f"{math.floor(ratio * 100 + 1e-9):,}%"


def year_tag(year: int | None) -> str:
    return "" if year is None else f"({reiwa(year)})"


def bar(ratio: float | None, cells: int = BAR_CELLS) -> str:
    """A text progress bar that reads without colour: '█████▌░░'."""
    if ratio is None:
        return "·" * cells
    eighths = round(min(max(ratio, 0.0), 1.0) * cells * 8)
    full, part = divmod(eighths, 8)
    text = "█" * full + (_PARTIAL[part] if part else "")
    return text + "░" * (cells - len(text))


def figure_digits(kpi) -> int:
    """Decimals to show for computed figures of a KPI: those of its printed figures."""
    digits = 0
    for value in (kpi.baseline.value, kpi.target.value):
        if value is not None and not float(value).is_integer():
            digits = max(digits, len(f"{value:.6f}".rstrip("0").split(".")[1]))
    return digits
