"""How the outlook (見込み) is written in the human formats: 'R10 見込 58.1 / 59 ✗'."""

from __future__ import annotations

from ..assess import KpiResult
from ..i18n import Lang, t, unit_suffix
from ..years import reiwa
from .numbers import figure_digits, number

REACHES = "✓"
MISSES = "✗"


def outlook_cell(r: KpiResult, lang: Lang, *, unit: bool = False) -> str:
    """'R10 見込 58.1 / 59 ✗': the projection for the target year against the target.

    '—' without an outlook (reset, maintain, no figure, the target year reached).
    """
    o = r.outlook
    if o is None or r.kpi.target.value is None:
        return "—"
    target = r.kpi.target.value
    digits = 0 if _whole(r) else max(1, figure_digits(r.kpi))
    # never show a miss as the target itself (29.96 / 30 ✗ is not '30 / 30 ✗')
    while not o.reaches and number(o.projected, digits) == number(target, digits) and digits < 6:
        digits += 1
    u = unit_suffix(r.kpi, lang) if unit else ""
    mark = REACHES if o.reaches else MISSES
    head = f"{reiwa(o.year)} {t('outlook.short', lang)}"
    return f"{head} {number(o.projected, digits)} / {number(target, digits)}{u} {mark}"


def pace_text(r: KpiResult, lang: Lang) -> str:
    """'年平均の変化 +2.63/年 · 必要な年平均 +1.8/年' (period totals: the yearly figures)."""
    o = r.outlook
    if o is None:
        return t("outlook.none", lang)
    digits = figure_digits(r.kpi) + 2
    per = t("outlook.per_year", lang)
    total = r.kpi.kind == "period_total"
    pace = t("outlook.pace_sum" if total else "outlook.pace", lang)
    required = t("outlook.required_sum" if total else "outlook.required", lang)
    sign = "" if total else "+"
    return (
        f"{pace} {_signed(o.pace, digits, sign)}{per} · "
        f"{required} {_signed(o.required_pace, digits, sign)}{per}"
    )


def _signed(value: float, digits: int, plus: str) -> str:
    text = number(value, digits)
    return text if text.startswith("-") or text == "0" else f"{plus}{text}"


def _whole(r: KpiResult) -> bool:
    """Counts of people, cases, …: whole numbers, shown without decimals."""
    k = r.kpi
    return figure_digits(k) == 0 and abs(k.target.value or 0) >= 100
