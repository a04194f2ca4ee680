"""`pdca kpis`: the strategy's KPIs (baseline -> target, kind, where each is printed)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from .common import (
    Color,
    ColorOpt,
    GoalOpt,
    LangOpt,
    OutputOpt,
    StrategyOpt,
    WidthOpt,
    emit,
    goals,
    language,
    load_strategy,
    terminal_options,
)


class KpisFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def kpis(
    strategy: StrategyOpt = None,
    fmt: Annotated[
        KpisFormat, typer.Option("--format", "-f", help="opt-kpis-format", metavar="FORMAT")
    ] = KpisFormat.table,
    goal: GoalOpt = None,
    lang: LangOpt = None,
    output: OutputOpt = None,
    width: WidthOpt = None,
    color: ColorOpt = Color.auto,
) -> None:
    s = load_strategy(strategy)
    chosen = s.kpis
    wanted = goals(goal, s)
    if wanted:
        chosen = [k for k in s.kpis if k.goal_numbers() & wanted]
    if fmt is KpisFormat.json:
        from ..formats.json_format import dumps, kpi_definition

        text = dumps([kpi_definition(k) for k in chosen])
    elif fmt is KpisFormat.csv:
        from ..formats.csv_format import render_kpis

        text = render_kpis(chosen)
    else:
        from ..formats.kpi_table import render_kpi_table

        text = render_kpi_table(chosen, terminal_options(language(lang), output, width, color))
    emit(text, output, strategy)
