"""The library side of `pdca record`, `import`, `missing` and `template`: the CLI parses
options, calls one function here and prints what it returns."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Diagnostic, InputError, Location
from ..i18n import Lang, message_text
from ..model.actuals import ActualsSet
from ..model.strategy import Strategy


class UsageError(ValueError):
    """A bad argument (exit 2, printed without a location); `param` names the argument."""

    def __init__(self, message: str, param: str | None = None):
        super().__init__(message)
        self.param = param


@dataclass
class Result:
    text: str  # for stdout
    exit_code: int = 0
    warnings: str = ""  # for stderr


def writable_actuals(option: Path | None) -> Path:
    """The actuals folder to write to; never the copy bundled with the program."""
    from ..load import packaged_data_dir, resolve_actuals

    folder, named = resolve_actuals(option)
    bundled = (packaged_data_dir() / "actuals").resolve()
    if not named and folder.resolve() == bundled and not Path("data", "actuals").is_dir():
        raise UsageError(
            "no actuals folder here: run in the folder that holds data/actuals, or give "
            "--actuals DIR (or set PDCA_ACTUALS); pdca never writes into its bundled copy",
            "--actuals",
        )
    return folder


def load_for_writing(strategy_path: Path, folder: Path) -> tuple[Strategy, ActualsSet]:
    """The strategy and every actuals file, validated (a folder that does not exist yet is
    fine: the writer creates it)."""
    from ..load import load_all

    strategy, actuals, _ = load_all(strategy_path, folder, actuals_required=False)
    return strategy, actuals


def known_kpi(strategy: Strategy, kpi_id: str) -> None:
    if kpi_id in strategy.kpi_ids:
        return
    hints = difflib.get_close_matches(kpi_id, sorted(strategy.kpi_ids), n=3, cutoff=0.6)
    hint = f" (did you mean {', '.join(repr(h) for h in hints)}?)" if hints else ""
    raise UsageError(f"unknown KPI id {kpi_id!r}{hint}; list them with `pdca kpis`", "KPI")


def record_one(
    strategy: Strategy,
    actuals: ActualsSet,
    folder: Path,
    year: int,
    kpi_id: str,
    value: str,
    *,
    source: str | None,
    note: str | None,
    overwrite: bool,
    dry_run: bool,
    lang: Lang,
) -> Result:
    from .numbers import FigureError, NoFigure, parse_figure
    from .writer import Figure, figure_problems, write_figures

    known_kpi(strategy, kpi_id)
    kpi = strategy.kpi(kpi_id)
    try:
        parsed = parse_figure(value, kpi.unit)
    except FigureError as exc:
        raise UsageError(f"{message_text(exc.code, exc.message)} [{exc.code}]", "VALUE") from None
    if isinstance(parsed, NoFigure):
        raise UsageError(f"{value!r} means no figure yet: nothing to record", "VALUE")
    for name, text in (("--source", source), ("--note", note)):
        if text is not None and not text.strip():
            raise UsageError("must not be empty", name)
    figure = Figure(kpi_id, parsed, _clean(source), _clean(note))
    checks = figure_problems(strategy, year, [figure])
    if problems := [d for d in checks if d.is_error]:
        p = problems[0]
        raise UsageError(f"{message_text(p.code, p.message)} [{p.code}]", "VALUE")
    outcome = write_figures(folder, year, strategy, [figure], overwrite=overwrite, dry_run=dry_run)
    warnings = "".join(
        f"pdca: warning: {message_text(d.code, d.message)} [{d.code}]\n" for d in checks
    )
    return Result(_summary(strategy, actuals, outcome, lang), warnings=warnings)


def _clean(text: str | None) -> str | None:
    return text.strip() if text is not None and text.strip() else None


def _summary(strategy, actuals: ActualsSet, outcome, lang: Lang, blanks: int | None = None) -> str:
    from ..assess import assess
    from ..load import display_name
    from .summary import render_outcome

    years = dict(actuals.years)
    years[outcome.year] = outcome.entries
    report = assess(strategy, ActualsSet(years=years, files=dict(actuals.files)), outcome.year)
    text = render_outcome(outcome, report, display_name(outcome.path), lang, blanks)
    if outcome.dry_run:
        text += outcome.diff(display_name(outcome.path))
    return text


def import_files(
    strategy: Strategy,
    actuals: ActualsSet,
    folder: Path,
    year: int,
    files: list[Path],
    *,
    overwrite: bool,
    dry_run: bool,
    lang: Lang,
) -> Result:
    """Read every sheet; with any error, raise them all (nothing written); else write."""
    from ..load import display_name
    from .importer import read_figures
    from .writer import write_figures

    read = read_figures([(f, display_name(f)) for f in files], strategy, year)
    if not read.ok:
        raise InputError(read.diagnostics)
    outcome = write_figures(
        folder, year, strategy, read.figures, overwrite=overwrite, dry_run=dry_run
    )
    warnings = "".join(f"{d}\n" for d in read.diagnostics)
    return Result(_summary(strategy, actuals, outcome, lang, len(read.blanks)), warnings=warnings)


def template(
    strategy: Strategy,
    actuals: ActualsSet,
    year: int,
    output: Path,
    *,
    lang: Lang,
    goals: set[int],
    force: bool = False,
) -> Result:
    """Write the fill-in sheet (xlsx or csv, from the suffix); say what to do next.

    An existing file is kept unless `force`: it may be a sheet a department filled in
    (the README names the template and the filled sheet alike, 2026.xlsx)."""
    from ..load import display_name
    from ..output import write_atomic
    from ..years import label
    from . import template as tpl

    if bad := [g for g in goals if not 1 <= g <= len(strategy.goals)]:
        raise UsageError(f"no basic goal {bad[0]} (1–{len(strategy.goals)})", "--goal")
    suffix = output.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise UsageError("the sheet is FILE.xlsx or FILE.csv", "--output")
    if output.exists() and not force:
        raise UsageError(
            f"{display_name(output)} exists (a filled sheet would be lost): "
            "give another name, or --force to replace it",
            "--output",
        )
    render = tpl.render_xlsx if suffix == ".xlsx" else tpl.render_csv
    data = render(strategy, actuals, year, lang, goals)
    count = len(tpl.rows(strategy, actuals, year, lang, goals))
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(output, data)
    except OSError as exc:
        raise location_error(str(output), "cannot-write", f"cannot write: {exc.strerror}") from None
    name = display_name(output)
    if lang == "ja":
        text = (
            f"{name}: {label(year, lang)} の記入シート（KPI {count} 件）を作成しました。\n"
            f"「実績値」「出典」「備考」を記入したら: pdca import {year} {name}\n"
        )
    else:
        text = (
            f"{name}: the fill-in sheet for {label(year, lang)} ({count} KPIs).\n"
            f"Fill in Value, Source and Note, then: pdca import {year} {name}\n"
        )
    return Result(text)


def missing(
    strategy: Strategy,
    actuals: ActualsSet,
    year: int,
    lang: Lang,
    goals: set[int] | None,
    fail: bool,
) -> Result:
    from .missing import missing_groups, render_missing

    groups = missing_groups(strategy, actuals, year, lang, goals)
    text = render_missing(strategy, groups, year, lang)
    count = sum(len(g.kpis) for g in groups)
    return Result(text, 1 if fail and count else 0)


def location_error(file: str, code: str, message: str) -> InputError:
    return InputError([Diagnostic(Location(file), code, message)])
