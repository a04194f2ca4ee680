"""`pdca diff Y0 Y1`: how each KPI moved from one year to another."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from .common import (
    ActualsOpt,
    BehindOpt,
    Color,
    ColorOpt,
    FailOnWorseOpt,
    GoalOpt,
    LangOpt,
    OnTrackOpt,
    OutputOpt,
    ReviewsOpt,
    StrategyOpt,
    StrictOpt,
    WidthOpt,
    compare_years,
    emit,
    fail_on_worse,
    goals,
    language,
    load_reviewed,
    terminal_options,
    year_arg,
)


class DiffFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


def diff(
    year0: year_arg("Y0", "arg-y0"),
    year1: year_arg("Y1", "arg-y1"),
    strategy: StrategyOpt = None,
    actuals: ActualsOpt = None,
    fmt: Annotated[
        DiffFormat, typer.Option("--format", "-f", help="opt-diff-format", metavar="FORMAT")
    ] = DiffFormat.table,
    output: OutputOpt = None,
    goal: GoalOpt = None,
    show_all: Annotated[bool, typer.Option("--all", "-a", help="opt-all")] = False,
    fail_on_worse_: FailOnWorseOpt = False,
    strict: StrictOpt = False,
    on_track: OnTrackOpt = None,
    behind: BehindOpt = None,
    lang: LangOpt = None,
    reviews: ReviewsOpt = None,
    width: WidthOpt = None,
    color: ColorOpt = Color.auto,
) -> None:
    s, a, r, _ = load_reviewed(strategy, actuals, reviews)
    chosen = goals(goal, s)
    comparison = compare_years(s, a, r, year0, year1, strategy, strict, on_track, behind)
    if chosen:
        kept = comparison.after.filtered(chosen)
        comparison = comparison.only({r.kpi.id for r in kept.kpis})
    from ..formats import RenderOptions
    from ..formats.diff import render as render_diff

    lang = language(lang)
    if fmt is DiffFormat.table:
        options = terminal_options(lang, output, width, color)
    else:
        options = RenderOptions(lang=lang.value)
    text = render_diff(comparison, fmt.value, options, show_all=show_all)
    emit(text, output, strategy, actuals, reviews=reviews)
    if fail_on_worse_:
        fail_on_worse(comparison)
