"""`pdca template YEAR -o FILE`: a fill-in sheet for YEAR (.xlsx or .csv)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .common import (
    ActualsOpt,
    GoalOpt,
    LangOpt,
    StrategyOpt,
    YearArg,
    for_reading,
    goals,
    language,
    run_action,
    writable_target,
)


def template(
    year: YearArg,
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="opt-template-output", metavar="FILE"),
    ],
    goal: GoalOpt = None,
    force: Annotated[bool, typer.Option("--force", help="opt-force")] = False,
    missing: Annotated[bool, typer.Option("--missing", help="opt-template-missing")] = False,
    strategy: StrategyOpt = None,
    actuals: ActualsOpt = None,
    lang: LangOpt = None,
) -> None:
    lang = language(lang)

    def action():
        from ..entry.actions import template as run_template
        from ..load import resolve_actuals, resolve_strategy

        writable_target(output, resolve_strategy(strategy), resolve_actuals(actuals)[0])
        s, a = for_reading(strategy, actuals)
        return run_template(
            s, a, year, output, lang=lang.value, goals=goals(goal, s), force=force,
            missing_only=missing,
        )  # fmt: skip

    run_action(action)
