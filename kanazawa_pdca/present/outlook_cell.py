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
    digits = outlook_digits(r)
    # never show a miss as the target itself (29.96 / 30 ✗ is not '30 / 30 ✗')
    while not o.reaches and number(o.projected, digits) == number(target, digits) and digits < 6:
        digits += 1
    u = unit_suffix(r.kpi, lang) if unit else ""
    mark = REACHES if o.reaches else MISSES
    head = f"{reiwa(o.year)} {t('outlook.short', lang)}"
    return f"{head} {number(o.projected, digits)} / {number(target, digits)}{u} {mark}"


def pace_text(r: KpiResult, lang: Lang) -> str:
    """'年平均の変化 +2.6/年 · 必要な年平均 +1.8/年' (period totals: the yearly figures), at the
    precision of the projection ('+2,218/年' for a count, never '+2,217.8/年'); once the
    KPI is achieved nothing more is needed, and only the pace is given."""
    o = r.outlook
    if o is None:
        return t("outlook.none", lang)
    digits = outlook_digits(r)
    per = t("outlook.per_year", lang)
    total = r.kpi.kind == "period_total"
    sign = "" if total else "+"
    text = f"{t('outlook.pace_sum' if total else 'outlook.pace', lang)} "
    text += f"{_signed(o.pace, digits, sign)}{per}"
    if o.required_pace is not None:
        required = t("outlook.required_sum" if total else "outlook.required", lang)
        text += f" · {required} {_signed(o.required_pace, digits, sign)}{per}"
    return text


def outlook_digits(r: KpiResult) -> int:
    """Decimals for the outlook's figures (projection, target, paces): the KPI's own
    (numbers.figure_digits), so none for a count in the hundreds or more; at least one for
    smaller figures, whose yearly change is often a fraction (+0.6 districts a year)."""
    return 0 if _whole(r) else max(1, figure_digits(r.kpi))


def _signed(value: float, digits: int, plus: str) -> str:
    text = number(value, digits)
    return text if text.startswith("-") or text == "0" else f"{plus}{text}"


def _whole(r: KpiResult) -> bool:
    """Counts of people, cases, …: whole numbers, shown without decimals."""
    k = r.kpi
    return figure_digits(k) == 0 and abs(k.target.value or 0) >= 100
