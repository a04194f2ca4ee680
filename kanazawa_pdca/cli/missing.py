"""`pdca missing YEAR`: the KPIs with no figure for YEAR yet, by goal and policy."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from .common import (
    ActualsOpt,
    GoalOpt,
    LangOpt,
    OutputOpt,
    StrategyOpt,
    YearArg,
    emit,
    for_reading,
    goals,
    language,
    run_action,
)


class MissingFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def missing(
    year: YearArg,
    fail: Annotated[bool, typer.Option("--fail", help="opt-fail-missing")] = False,
    goal: GoalOpt = None,
    fmt: Annotated[
        MissingFormat,
        typer.Option("--format", "-f", help="opt-missing-format", metavar="FORMAT"),
    ] = MissingFormat.table,
    output: OutputOpt = None,
    bom: Annotated[
        bool | None,
        typer.Option("--bom/--no-bom", help="opt-bom", show_default=False),
    ] = None,
    strategy: StrategyOpt = None,
    actuals: ActualsOpt = None,
    lang: LangOpt = None,
) -> None:
    lang = language(lang)

    def action():
        from ..entry.actions import missing as run_missing

        s, a = for_reading(strategy, actuals)
        chosen = goals(goal, s)
        result = run_missing(s, a, year, lang.value, chosen, fail, MissingFormat(fmt).value)
        if fmt == MissingFormat.csv and (bom if bom is not None else output is not None):
            result.text = "\ufeff" + result.text  # as check's CSV: Excel reads it as UTF-8
        if output is not None:
            emit(result.text, output, strategy, actuals)
            result.text = ""
        return result

    run_action(action)
