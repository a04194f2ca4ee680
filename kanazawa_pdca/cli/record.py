"""`pdca record YEAR KPI VALUE`: record one figure in <actuals>/YEAR.yaml."""

from __future__ import annotations

from typing import Annotated

import typer

from .common import (
    AcceptOutliersOpt,
    ActualsOpt,
    DryRunOpt,
    LangOpt,
    OverwriteOpt,
    StrategyOpt,
    YearArg,
    for_writing,
    language,
    lookup_kpi,
    nothing_written,
    run_action,
)
from .complete import kpi_ids


def record(
    year: YearArg,
    kpi: Annotated[
        str, typer.Argument(metavar="KPI", help="arg-record-kpi", autocompletion=kpi_ids)
    ],
    value: Annotated[str, typer.Argument(metavar="VALUE", help="arg-record-value")],
    source: Annotated[
        str | None, typer.Option("--source", metavar="TEXT", help="opt-source")
    ] = None,
    note: Annotated[str | None, typer.Option("--note", metavar="TEXT", help="opt-note")] = None,
    dry_run: DryRunOpt = False,
    overwrite: OverwriteOpt = False,
    accept_outliers: AcceptOutliersOpt = False,
    strategy: StrategyOpt = None,
    actuals: ActualsOpt = None,
    lang: LangOpt = None,
) -> None:
    lang = language(lang)

    def action():
        from ..entry.actions import record_one

        s, a, folder = for_writing(strategy, actuals)
        found = lookup_kpi(
            s, kpi, lang, "record"
        )  # an id or a piece of the name, as `pdca show` takes
        return record_one(
            s, a, folder, year, found.id, value, source=source, note=note,
            overwrite=overwrite, dry_run=dry_run, lang=lang.value,
            accept_outliers=accept_outliers,
        )  # fmt: skip

    run_action(action, nothing_written("record", actuals, year))
