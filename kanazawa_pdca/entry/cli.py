"""The commands of the yearly cycle's "Do": template, import, record, missing.

Registered on the main `pdca` app (imported at the end of `kanazawa_pdca.cli`); each
command parses its options and calls `entry.actions`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..cli import ActualsOpt, GoalOpt, Lang, LangOpt, StrategyOpt, YearArg, _fail, _goals, app
from ..diagnostics import InputError

DryRunOpt = Annotated[
    bool,
    typer.Option("--dry-run", help="Show what would change (counts and a diff); write nothing."),
]
OverwriteOpt = Annotated[
    bool,
    typer.Option(
        "--overwrite", help="Replace figures already recorded that differ (else: a conflict)."
    ),
]


def _run(action):
    """Call an action: usage errors and input errors end in exit 2, the text goes to stdout."""
    from .actions import UsageError

    try:
        result = action()
    except UsageError as exc:
        raise typer.BadParameter(str(exc), param_hint=exc.param) from None
    except InputError as exc:
        raise _fail(exc.diagnostics) from None
    from ..present.escape import stream

    sys.stderr.write(stream(result.warnings))
    sys.stdout.write(stream(result.text))
    sys.stdout.flush()
    if result.exit_code:
        raise typer.Exit(result.exit_code)


def _writable_target(output: Path, strategy: Path, actuals: Path) -> None:
    """-o of a sheet: a regular file, never the strategy nor in the actuals or reviews
    folder (output.check_target); InputError (exit 2) otherwise."""
    from ..load import resolve_reviews
    from ..output import RefusedTarget, check_target
    from .actions import location_error

    try:
        check_target(
            output,
            protected_files=[(strategy, "the strategy file")],
            protected_folders=[
                (actuals, "the actuals folder"),
                (resolve_reviews(None)[0], "the reviews folder"),
            ],
            folder_must_exist=False,  # the sheet's folder is created
        )
    except RefusedTarget as exc:
        raise location_error(str(output), exc.code, exc.message) from None


def _writing(strategy: Path | None, actuals: Path | None):
    from ..load import resolve_strategy
    from .actions import load_for_writing, writable_actuals

    folder = writable_actuals(actuals)
    s, a = load_for_writing(resolve_strategy(strategy), folder)
    return s, a, folder


@app.command()
def template(
    year: YearArg,
    output: Annotated[
        Path,
        typer.Option(
            "--output", "-o", help="The sheet to write: FILE.xlsx or FILE.csv.", dir_okay=False
        ),
    ],
    goal: GoalOpt = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace FILE if it exists (else: refused).")
    ] = False,
    strategy: StrategyOpt = None,
    actuals: ActualsOpt = None,
    lang: LangOpt = Lang.ja,
) -> None:
    """Write a fill-in sheet for YEAR: one row per KPI with its baseline, target, last
    figure and expected value, and empty value / source / note columns."""

    def action():
        from ..load import load_all, resolve_actuals, resolve_strategy
        from .actions import template as run_template

        folder, named = resolve_actuals(actuals)
        _writable_target(output, resolve_strategy(strategy), folder)
        s, a, _ = load_all(resolve_strategy(strategy), folder, actuals_required=named)
        return run_template(s, a, year, output, lang=lang.value, goals=_goals(goal, s), force=force)

    _run(action)


@app.command()
def record(
    year: YearArg,
    kpi: Annotated[str, typer.Argument(metavar="KPI", help="KPI id (see `pdca kpis`).")],
    value: Annotated[
        str,
        typer.Argument(
            metavar="VALUE",
            help="The figure: 174,275 / 47.5 / 47.5% / △1.5 (full-width digits are fine).",
        ),
    ],
    source: Annotated[
        str | None, typer.Option("--source", help="Where the figure comes from.")
    ] = None,
    note: Annotated[
        str | None, typer.Option("--note", help="What a reader should know (e.g. 速報値).")
    ] = None,
    dry_run: DryRunOpt = False,
    overwrite: OverwriteOpt = False,
    strategy: StrategyOpt = None,
    actuals: ActualsOpt = None,
    lang: LangOpt = Lang.ja,
) -> None:
    """Record one figure in <actuals>/YEAR.yaml (comments and other entries kept)."""

    def action():
        from .actions import record_one

        s, a, folder = _writing(strategy, actuals)
        return record_one(
            s, a, folder, year, kpi, value, source=source, note=note,
            overwrite=overwrite, dry_run=dry_run, lang=lang.value,
        )  # fmt: skip

    _run(action)


@app.command(name="import")
def import_(
    year: YearArg,
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="FILE…",
            help="Filled sheets: .xlsx, or .csv (UTF-8 with or without BOM, or Shift_JIS).",
            dir_okay=False,
            show_default=False,
        ),
    ],
    dry_run: DryRunOpt = False,
    overwrite: OverwriteOpt = False,
    strategy: StrategyOpt = None,
    actuals: ActualsOpt = None,
    lang: LangOpt = Lang.ja,
) -> None:
    """Import filled sheets (from `pdca template`, or any sheet with an id and a value
    column) into <actuals>/YEAR.yaml. Every problem is listed at its cell
    (FILE.xlsx:SHEET!C12); with any, nothing is written."""

    def action():
        from .actions import import_files

        s, a, folder = _writing(strategy, actuals)
        return import_files(
            s, a, folder, year, files, overwrite=overwrite, dry_run=dry_run, lang=lang.value
        )

    _run(action)


@app.command()
def missing(
    year: YearArg,
    fail: Annotated[
        bool, typer.Option("--fail", help="Exit 1 when any KPI has no figure for YEAR.")
    ] = False,
    goal: GoalOpt = None,
    strategy: StrategyOpt = None,
    actuals: ActualsOpt = None,
    lang: LangOpt = Lang.ja,
) -> None:
    """List the KPIs with no figure for YEAR yet, by goal and policy (to chase departments)."""

    def action():
        from ..load import load_all, resolve_actuals, resolve_strategy
        from .actions import missing as run_missing

        folder, named = resolve_actuals(actuals)
        s, a, _ = load_all(resolve_strategy(strategy), folder, actuals_required=named)
        return run_missing(s, a, year, lang.value, _goals(goal, s), fail)

    _run(action)
