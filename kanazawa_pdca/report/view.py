"""What the meeting report says, decided once for the HTML and the Markdown.

`meeting(report, previous)` gathers what page 1 and every KPI need: the movement since
last year (`compare.py`), the 要注意 list (regressing, off track, projected to miss,
worse than last year), the data's date. The formats only render it.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field

from ..assess import KpiResult, Report
from ..compare import Comparison, KpiMovement, Movement, compare
from ..i18n import Lang, movement_label, status_label, t, unit_suffix
from ..model.reviews import GroupReview
from ..present.layout import GoalView, Section, floor_text, goal_views, policy_heading
from ..present.numbers import figure_digits, kpi_figure, percent, target_text, with_unit, year_tag
from ..present.outlook_cell import outlook_cell, pace_text
from ..trajectory import Status
from ..years import reiwa

# why a KPI is on the 要注意 list, in the order the reasons are written
REASONS = ("regressing", "off_track", "miss", "worse")


@dataclass(frozen=True)
class Attention:
    result: KpiResult
    reasons: tuple[str, ...]  # of REASONS


@dataclass
class Meeting:
    report: Report
    comparison: Comparison | None
    created: dt.date
    attention: list[Attention] = field(default_factory=list)
    ordered: list[KpiResult] = field(default_factory=list)  # the reading order
    _moves: dict[str, KpiMovement] = field(default_factory=dict)

    def movement(self, kpi_id: str) -> KpiMovement | None:
        return self._moves.get(kpi_id)

    def data_as_of(self, lang: Lang) -> str:
        """'3 ファイル（R6–R8）、最新ファイルの更新日 2026-06-30'."""
        years = sorted(y for y in self.report.actuals_files if y <= self.report.year)
        if not years:
            return t("report.no_files", lang)
        span = reiwa(years[0]) if len(years) == 1 else f"{reiwa(years[0])}–{reiwa(years[-1])}"
        newest = None
        for y in years:
            try:
                stamp = os.stat(self.report.actuals_files[y]).st_mtime
            except OSError:
                continue
            newest = max(newest or stamp, stamp)
        date = dt.date.fromtimestamp(newest).isoformat() if newest else "—"
        return t("report.files", lang).format(n=len(years), years=span, date=date)


def meeting(
    report: Report, previous: Report | None = None, created: dt.date | None = None
) -> Meeting:
    """The meeting report's content; `previous` is the Report of the year before."""
    comparison = None
    if previous is not None and previous.year < report.year:
        comparison = compare(previous, report)
    view = Meeting(report, comparison, created or dt.date.today())
    if comparison is not None:
        view._moves = {m.kpi.id: m for m in comparison.kpis}
    ordered = [r for v in goal_views(report, "ja") for s in v.sections for r in s.results]
    seen = {r.kpi.id for r in ordered}
    ordered += [r for r in report.kpis if r.kpi.id not in seen]
    view.ordered = ordered
    for r in ordered:
        reasons = []
        if r.status is Status.REGRESSING:
            reasons.append("regressing")
        elif r.status is Status.OFF_TRACK:
            reasons.append("off_track")
        if r.outlook is not None and not r.outlook.reaches:
            reasons.append("miss")
        move = view.movement(r.kpi.id)
        if move is not None and move.movement is Movement.WORSENED:
            reasons.append("worse")
        if reasons:
            view.attention.append(Attention(r, tuple(reasons)))
    return view


@dataclass(frozen=True)
class Fact:
    """One line of a KPI card, as plain text (each format escapes it its own way)."""

    term: str
    text: str
    aside: str | None = None  # a secondary line: the outlook's pace


def card_facts(view: Meeting, r: KpiResult, lang: Lang) -> list[Fact]:
    """The card's lines after the figure itself: source, note, expected, baseline → target,
    what the rule judges (the floor, or attainment / progress), the movement, the outlook."""
    k = r.kpi
    unit = unit_suffix(k, lang)
    facts = []
    if r.source:
        facts.append(Fact(t("report.source", lang), r.source))
    if r.note:
        facts.append(Fact(t("report.note", lang), r.note))
    facts.append(Fact(t("expected", lang), kpi_figure(k, r.expected, unit)))  # own precision
    base = f"{with_unit(k.baseline.value, unit)} {year_tag(k.baseline.year)}"
    target = target_text(k, lang)
    facts.append(Fact(f"{t('baseline', lang)} → {t('target', lang)}", f"{base} → {target}"))
    floor = floor_text(r, lang)
    if floor is not None:  # a floor to keep: kept or not and the gap, not a ratio
        facts.append(Fact(*floor))
    elif r.attainment is not None or r.progress is not None:
        facts.append(
            Fact(
                f"{t('attainment', lang)} / {t('progress', lang)}",
                f"{percent(r.attainment)} / {percent(r.progress)}",
            )
        )
    move = view.movement(k.id)
    if move is not None:
        text = movement_label(move.movement.value, lang)
        text += f" ({status_label(move.before.status, lang)} → {status_label(r.status, lang)})"
        if move.change is not None:
            sign = "+" if move.change > 0 else ""
            text += f", {sign}{with_unit(move.change, unit, figure_digits(k) + 2)}"
        facts.append(Fact(t("report.movement", lang), text))
    if r.outlook is not None:
        facts.append(Fact(t("outlook", lang), outlook_cell(r, lang, unit=True), pace_text(r, lang)))
    return facts


def section_code(goal_view: GoalView, section: Section, lang: Lang) -> str | None:
    """The policy a section of the layout shows ("1-2"), None for a goal's 数値目標."""
    for policy in goal_view.goal.policies:
        if policy_heading(policy, lang) == section.heading:
            return policy.code
    return None


def reason_text(key: str, lang: Lang) -> str:
    """Why a KPI is on the 要注意 list, in words: '▼ 後退', '見込み未達', '↓ 前年度より悪化'."""
    if key in ("regressing", "off_track"):
        return status_label(Status(key), lang)
    if key == "miss":
        return t("outlook.miss", lang)
    return "↓ " + t("report.worse", lang)


def term_text(report: Report, kind: str, code: str | None, lang: Lang) -> str:
    """A rating or direction of the review as the scale names it: 'B 概ね順調'."""
    if code is None:
        return ""
    ev = report.strategy.evaluation
    for term in ev.ratings if kind == "rating" else ev.directions:
        if term.code == code:
            word = term.label_en if lang == "en" else term.label
            return code if word == code else f"{code} {word}"
    return code


def review_rows(report: Report, review: GroupReview, lang: Lang) -> list[tuple[str, str]]:
    """The committee's word on a goal, policy or measure as (term, plain text) rows:
    rating, direction, analysis, plan, where given."""
    rows = []
    for key in ("rating", "direction"):
        value = term_text(report, key, getattr(review, key), lang)
        if value:
            rows.append((t(f"report.{key}", lang), value))
    for key in ("analysis", "plan"):
        value = getattr(review, key)
        if value:
            rows.append((t(f"report.{key}", lang), value))
    return rows
