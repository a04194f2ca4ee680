"""`pdca import YEAR FILE…`: filled sheets into <actuals>/YEAR.yaml."""

from __future__ import annotations

from pathlib import Path
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
    nothing_written,
    run_action,
)


def import_(
    year: YearArg,
    files: Annotated[
        list[Path],
        typer.Argument(metavar="FILE…", help="arg-import-files", show_default=False),
    ],
    dry_run: DryRunOpt = False,
    overwrite: OverwriteOpt = False,
    accept_outliers: AcceptOutliersOpt = False,
    strategy: StrategyOpt = None,
    actuals: ActualsOpt = None,
    lang: LangOpt = None,
) -> None:
    lang = language(lang)

    def action():
        from ..entry.actions import import_files

        s, a, folder = for_writing(strategy, actuals)
        return import_files(
            s, a, folder, year, files, overwrite=overwrite, dry_run=dry_run, lang=lang.value,
            accept_outliers=accept_outliers,
        )  # fmt: skip

    run_action(action, nothing_written("import", actuals, year))
