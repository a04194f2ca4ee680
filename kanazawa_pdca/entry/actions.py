"""The library side of `pdca record`, `import`, `missing` and `template`: the CLI parses
options, calls one function here and prints what it returns."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Diagnostic, InputError, Location
from ..i18n import Lang, Phrase, diagnostic_text, said, text
from ..model.actuals import ActualsSet
from ..model.strategy import Strategy


class UsageError(ValueError):
    """A bad argument (exit 2, printed without a location); `param` names the argument.

    The message is a catalogue key and its values, said in the run's language by `str()`;
    `code`, when given, is printed after it (`… [not-a-number]`)."""

    def __init__(self, key: str, param: str | None = None, *, code: str | None = None, **values):
        super().__init__(key)
        self.key = key
        self.param = param
        self.code = code
        self.values = values

    @classmethod
    def of(cls, error, param: str | None = None) -> UsageError:
        """A coded error (a bad figure, a diagnostic) as a usage error, its code shown."""
        key = f"{error.code}.{error.variant}" if error.variant else error.code
        return cls(key, param, code=error.code, **error.values)

    def __str__(self) -> str:
        message = text(self.key, **self.values)
        return f"{message} [{self.code}]" if self.code else message


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
        raise UsageError("no-actuals-here", "--actuals")
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
    shown = ", ".join(repr(h) for h in hints)
    hint = Phrase("did-you-mean.several", hints=shown) if hints else ""
    raise UsageError("unknown-kpi.usage", "KPI", id=kpi_id, hint=hint)


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
    accept_outliers: bool = False,
) -> Result:
    """Record one figure; a unit slip (numbers.refuse_outlier) is refused unless
    `accept_outliers`."""
    from .numbers import FigureError, NoFigure, parse_figure, refuse_outlier
    from .writer import Figure, figure_problems, write_figures

    known_kpi(strategy, kpi_id)
    kpi = strategy.kpi(kpi_id)
    try:
        parsed = parse_figure(value, kpi.unit)
    except FigureError as exc:
        raise UsageError.of(exc, "VALUE") from None
    if isinstance(parsed, NoFigure):
        raise UsageError("no-figure-to-record", "VALUE", value=value)
    for name, given in (("--source", source), ("--note", note)):
        if given is not None and not given.strip():
            raise UsageError("empty-text", name)
    figure = Figure(kpi_id, parsed, _clean(source), _clean(note))
    checks = figure_problems(strategy, year, [figure])
    if problems := [d for d in checks if d.is_error]:
        raise UsageError.of(problems[0], "VALUE")
    if not accept_outliers:
        try:
            refuse_outlier(parsed, kpi)
        except FigureError as exc:
            raise UsageError.of(exc, "VALUE") from None
    outcome = write_figures(
        folder, year, strategy, [figure], overwrite=overwrite, dry_run=dry_run, lang=lang
    )
    warning = text("warning-prefix", lang)
    warnings = "".join(f"pdca: {warning}{said(d, lang)} [{d.code}]\n" for d in checks)
    return Result(_summary(strategy, actuals, outcome, lang), warnings=warnings)


def _clean(text: str | None) -> str | None:
    return text.strip() if text is not None and text.strip() else None


def _summary(
    strategy,
    actuals: ActualsSet,
    outcome,
    lang: Lang,
    blanks: int | None = None,
    pending: int | None = None,
) -> str:
    from ..assess import assess
    from ..load import display_name
    from .summary import render_outcome

    years = dict(actuals.years)
    years[outcome.year] = outcome.entries
    report = assess(strategy, ActualsSet(years=years, files=dict(actuals.files)), outcome.year)
    out = render_outcome(outcome, report, display_name(outcome.path), lang, blanks, pending)
    if outcome.dry_run:
        out += outcome.diff(display_name(outcome.path))
    return out


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
    accept_outliers: bool = False,
) -> Result:
    """Read every sheet; with any error, raise them all (nothing written); else write.
    A unit slip is an error unless `accept_outliers`."""
    from ..load import display_name
    from .importer import read_figures
    from .writer import write_figures

    shown = [(f, display_name(f)) for f in files]
    read = read_figures(shown, strategy, year, accept_outliers=accept_outliers)
    if not read.ok:
        raise InputError(read.diagnostics)
    outcome = write_figures(
        folder, year, strategy, read.figures, overwrite=overwrite, dry_run=dry_run, lang=lang
    )
    warnings = "".join(f"{diagnostic_text(d, lang)}\n" for d in read.diagnostics)
    said = _summary(strategy, actuals, outcome, lang, len(read.blanks), len(read.pending))
    return Result(said, warnings=warnings)


def template(
    strategy: Strategy,
    actuals: ActualsSet,
    year: int,
    output: Path,
    *,
    lang: Lang,
    goals: set[int],
    force: bool = False,
    missing_only: bool = False,
) -> Result:
    """Write the fill-in sheet (xlsx or csv, from the suffix); say what to do next.
    `missing_only`: only the KPIs with no figure for the year yet (none: no sheet).

    An existing file is kept unless `force`: it may be a sheet a department filled in
    (the README names the template and the filled sheet alike, 2026.xlsx)."""
    from ..load import display_name
    from ..output import write_atomic
    from ..years import label
    from . import template as tpl

    if bad := [g for g in goals if not 1 <= g <= len(strategy.goals)]:
        raise UsageError("goal-range.bare", "--goal", value=bad[0], count=len(strategy.goals))
    suffix = output.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise UsageError("sheet-suffix", "--output")
    if output.exists() and not force:
        raise UsageError("sheet-exists", "--output", name=display_name(output))
    only = None
    if missing_only:
        from .missing import missing_ids

        only = missing_ids(strategy, actuals, year)
    count = len(tpl.rows(strategy, actuals, year, lang, goals, only))
    if missing_only and not count:
        return Result(text("template-nothing-missing", lang, label=label(year, lang)) + "\n")
    render = tpl.render_xlsx if suffix == ".xlsx" else tpl.render_csv
    data = render(strategy, actuals, year, lang, goals, only)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(output, data)
    except OSError as exc:
        raise location_error(str(output), "cannot-write", detail=exc.strerror) from None
    name = display_name(output)
    key = "template-written.missing" if missing_only else "template-written"
    done = text(key, lang, name=name, year=year, label=label(year, lang), n=count)
    return Result(done + "\n")


def missing(
    strategy: Strategy,
    actuals: ActualsSet,
    year: int,
    lang: Lang,
    goals: set[int] | None,
    fail: bool,
    fmt: str = "table",
) -> Result:
    """The KPIs with no figure for the year: `fmt` table (with the next step), json or csv.
    Exit 1 with `fail` when any."""
    from . import missing as m

    groups = m.missing_groups(strategy, actuals, year, lang, goals)
    if fmt == "json":
        out = m.render_json(strategy, groups, year)
    elif fmt == "csv":
        out = m.render_csv(groups)
    else:
        out = m.render_missing(strategy, groups, year, lang)
    count = sum(len(g.kpis) for g in groups)
    return Result(out, 1 if fail and count else 0)


def location_error(file: str, code: str, variant: str | None = None, **values) -> InputError:
    return InputError([Diagnostic(Location(file), code, values, variant=variant)])
