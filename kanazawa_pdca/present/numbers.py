"""How figures are written in every human-readable format (one place, so they agree)."""

from __future__ import annotations

import math
from decimal import Decimal

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
    shown as 100% beside × 遅れ, nor one at 59.8% as 60%. The ratio is read as the decimal
    its float shows (0.29 is 29%, not the 28.999… of 0.29 · 100 in floating point), so a
    ratio just below a threshold (0.5999999999999999) is never shown as the threshold.
    """
    if ratio is None:
        return "—"
    return f"{math.floor(Decimal(repr(ratio)) * 100):,}%"


def year_tag(year: int | None, kpi=None, lang: str = "ja") -> str:
    """'(R8)' for a fiscal year; for a KPI counted in calendar years '(2019年)' ('(2019)' in
    English)."""
    if year is None:
        return ""
    if kpi is not None and getattr(kpi, "calendar", False):
        from ..i18n import t

        return t("year.calendar", lang).format(year=year)  # type: ignore[arg-type]
    return f"({reiwa(year)})"


def bar(ratio: float | None, cells: int = BAR_CELLS) -> str:
    """A text progress bar that reads without colour: '█████▌░░'."""
    if ratio is None:
        return "·" * cells
    eighths = round(min(max(ratio, 0.0), 1.0) * cells * 8)
    full, part = divmod(eighths, 8)
    text = "█" * full + (_PARTIAL[part] if part else "")
    return text + "░" * (cells - len(text))


def decimals(value: float | None) -> int:
    """How many decimals a figure is written with: 47.5 -> 1, 1000 -> 0 (at most 6)."""
    if value is None or float(value).is_integer():
        return 0
    return len(f"{value:.6f}".rstrip("0").split(".")[1])


def figure_digits(kpi) -> int:
    """Decimals to show for computed figures of a KPI: those of its printed figures."""
    target = kpi.target
    if getattr(target, "derived", None) == "annual_growth":  # compounded: the baseline's
        return decimals(kpi.baseline.value)
    return max(decimals(kpi.baseline.value), decimals(target.value))


def kpi_figure(kpi, value: float | None, unit: str | None = None, lang: str = "ja") -> str:
    """A figure computed for a KPI (expected value, projection, gap) at the KPI's own
    precision: the decimals its baseline and target are printed with.

    kpi_figure(k, 24864.33) -> '24,864件' for a count printed as '14,593 件'; 54.43 ->
    '54.4%' for a share printed as '47.5%'. `unit` defaults to the KPI's unit in `lang`
    (`i18n.unit_suffix`: '人' / ' people'; '' for none).
    """
    return with_unit(value, _unit(kpi, lang) if unit is None else unit, figure_digits(kpi))


def _unit(kpi, lang: str) -> str:
    from ..i18n import unit_suffix

    return unit_suffix(kpi, lang)  # type: ignore[arg-type]


def signed(
    kpi, value: float | None, unit: str | None = None, digits: int | None = None, lang: str = "ja"
) -> str:
    """A difference at the KPI's precision (or `digits`), with its sign: '+5%', '−1人', '±0';
    in English the unit is `unit_en` ('−1 people')."""
    if value is None:
        return "—"
    digits = figure_digits(kpi) if digits is None else digits
    text = with_unit(abs(value), _unit(kpi, lang) if unit is None else unit, digits)
    if number(abs(value), digits) == "0":
        return "±" + text
    return ("+" if value > 0 else "−") + text


def span_tag(start: int, end: int, kpi=None, lang: str = "ja") -> str:
    """'(R6–R10)': a window of years ('(2024年–2028年)' in calendar years)."""
    return f"{year_tag(start, kpi, lang)}–{year_tag(end, kpi, lang)}".replace(")–(", "–")


def derived_note(kpi, lang: str) -> str:
    """How a derived target was derived: '基準値×1.5' / 'baseline × 1.5'; '' for a target
    printed as a figure."""
    form = getattr(kpi.target, "derived", None)
    if form is None:
        return ""
    value = getattr(kpi.target, form)
    shown = int(value) if float(value).is_integer() else value
    from ..i18n import t

    return t(f"derived.{form}", lang).format(v=shown)  # type: ignore[arg-type]


def derived_mark(kpi, lang: str) -> str:
    """' (derived: baseline × 1.5)' / '（基準値×1.5 から算出）' after a derived target's
    figure; '' for one printed as a figure."""
    note = derived_note(kpi, lang)
    if not note:
        return ""
    from ..i18n import t

    return t("derived.mark", lang).format(note=note)  # type: ignore[arg-type]


def target_text(kpi, lang: str, unit: bool = True) -> str:
    """A KPI's target in its own wording, with its year or window.

    '59% (R10)'; '90%以上 (R10)' / 'at least 90% (R10)'; '1,000人以上を維持 (R6–R10)' /
    'maintain ≥ 1,000 (R6–R10)'; '計 60,000人 (R6–R10)' / 'Σ 60,000 (R6–R10)';
    a reset target is its printed text ('再設定' / 'to be reset').
    """
    from ..i18n import t, unit_suffix

    target = kpi.target
    if target.kind == "reset":
        return reset_text(kpi, lang)
    value = with_unit(target.value, unit_suffix(kpi, lang) if unit else "")  # type: ignore[arg-type]
    value += derived_mark(kpi, lang)
    period = kpi.period
    when = span_tag(*period, kpi, lang) if period else year_tag(target.year, kpi, lang)
    if kpi.kind == "period_total":
        key = "target.period_total"
    elif kpi.kind == "period_average":
        more = "_at_least" if target.kind == "at_least" else ""
        key = f"target.period_average{more}"
    elif target.kind in ("above", "at_least", "maintain"):
        key = f"target.{target.kind}"
    else:
        return f"{value} {when}"
    return t(key, lang).format(value=value, when=when)  # type: ignore[arg-type]


def reset_text(kpi, lang: str, shown=str) -> str:
    """A target to be reset: its printed text in Japanese ('再設定'), pdca's words in English
    ('to be reset'); `shown` prepares the printed text for the output (an escaping)."""
    from ..i18n import t

    return t("target.reset", lang).format(text=shown(kpi.target.text))  # type: ignore[arg-type]
