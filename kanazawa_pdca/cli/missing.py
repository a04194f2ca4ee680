"""`pdca missing YEAR`: the KPIs with no figure for YEAR yet, by goal and policy."""

from __future__ import annotations

from typing import Annotated

import typer

from .common import ActualsOpt, GoalOpt, LangOpt, StrategyOpt, YearArg, goals, language, run_action


def missing(
    year: YearArg,
    fail: Annotated[bool, typer.Option("--fail", help="opt-fail-missing")] = False,
    goal: GoalOpt = None,
    strategy: StrategyOpt = None,
    actuals: ActualsOpt = None,
    lang: LangOpt = None,
) -> None:
    lang = language(lang)

    def action():
        from ..entry.actions import missing as run_missing
        from ..load import load_all, resolve_actuals, resolve_strategy

        folder, named = resolve_actuals(actuals)
        s, a, _ = load_all(resolve_strategy(strategy), folder, actuals_required=named)
        return run_missing(s, a, year, lang.value, goals(goal, s), fail)

    run_action(action)
