"""What the commands share: options defined once, the year parser, reading the inputs, and
writing the result (stdout or an atomic file) and the problems (stderr, exit 2).

An option's `help=` is a code of the message catalogue (`i18n/help.py`): the help page
says it in the run's language (`cli.helptext`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from typer._click.exceptions import BadParameter

from ..diagnostics import Diagnostic, Exit, InputError
from ..i18n import Lang, current_lang, diagnostic_text, kpi_name, plural, said
from ..i18n import text as msg

if TYPE_CHECKING:
    from ..formats import RenderOptions


class Usage(BadParameter):
    """A usage error pdca finds itself: a catalogue code and its values, said in one line
    by the error boundary (`cli.main`), exit 2. `hint` names the option or argument (else
    the parameter being converted, when there is one)."""

    def __init__(self, code: str, hint: str | None = None, **values: object) -> None:
        super().__init__(code, param_hint=hint)
        self.code = code
        self.values = values


class Color(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


# --- shared options, defined once ---------------------------------------------------------

StrategyOpt = Annotated[
    Path | None,
    typer.Option("--strategy", help="opt-strategy", metavar="FILE", show_default=False),
]
ActualsOpt = Annotated[
    Path | None,
    typer.Option("--actuals", help="opt-actuals", metavar="DIR", show_default=False),
]
ReviewsOpt = Annotated[
    Path | None,
    typer.Option("--reviews", help="opt-reviews", metavar="DIR", show_default=False),
]
LangOpt = Annotated[
    Lang | None,
    typer.Option("--lang", help="opt-lang", metavar="LANG", envvar="PDCA_LANG", show_default=False),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="opt-output", metavar="FILE", show_default=False),
]
WidthOpt = Annotated[
    int | None,
    typer.Option("--width", "-w", min=60, help="opt-width", metavar="N", show_default=False),
]
ColorOpt = Annotated[Color, typer.Option("--color", help="opt-color", metavar="WHEN")]
GoalOpt = Annotated[
    list[str] | None,
    typer.Option("--goal", "-g", metavar="N", help="opt-goal", show_default=False),
]
StrictOpt = Annotated[bool, typer.Option("--strict", help="opt-strict")]
OnTrackOpt = Annotated[
    str | None,
    typer.Option("--on-track", metavar="RATIO", help="opt-on-track", show_default=False),
]
BehindOpt = Annotated[
    str | None,
    typer.Option("--behind", metavar="RATIO", help="opt-behind", show_default=False),
]
FailOnWorseOpt = Annotated[bool, typer.Option("--fail-on-worse", help="opt-fail-on-worse")]


def parse_year(value: str) -> int:
    """A fiscal year as typed (2026, FY2026, 2026年度, R8, 令和8年度); a usage error else."""
    from ..years import YearError, parse_year

    try:
        return parse_year(value)
    except YearError as exc:
        raise Usage(exc.code, **exc.values) from None


def year_arg(name: str, help_code: str):
    """A fiscal year argument named `name` (YEAR, Y0, Y1)."""
    return Annotated[
        int,
        typer.Argument(parser=parse_year, metavar=name, help=help_code, show_default=False),
    ]


YearArg = year_arg("YEAR", "arg-year")


def language(lang: Lang | None) -> Lang:
    """The language of labels: --lang, else $PDCA_LANG (or `pdca --lang` before the
    command), else Japanese: the language of this run's messages."""
    return Lang(lang) if lang is not None else Lang(current_lang())


# --- writing ------------------------------------------------------------------------------


def out(text: str, *, commands: bool = False) -> None:
    """Write to stdout: never a raw control character or a forged workflow command
    (escape.stream); `commands` for the github format's own workflow commands."""
    from ..present.escape import stream

    sys.stdout.write(stream(text, commands=commands))


def err(text: str) -> None:
    """Write to stderr, as `out` writes to stdout (diagnostics quote data files)."""
    from ..present.escape import stream

    sys.stderr.write(stream(text))


def lines(diagnostics: list[Diagnostic]) -> str:
    """One line per diagnostic, whatever its message quotes (a key with a newline…)."""
    from ..present.escape import terminal

    return "".join(f"{terminal(diagnostic_text(d))}\n" for d in diagnostics)


def fail(diagnostics: list[Diagnostic], fmt: str = "text") -> typer.Exit:
    """Print every diagnostic (one line each) and their count; the exit (2) to raise."""
    if fmt == "github":
        from ..formats.github import diagnostics_to_annotations

        out(diagnostics_to_annotations(diagnostics), commands=True)
    err(lines(diagnostics))
    errors = sum(1 for d in diagnostics if d.is_error)
    files = len({d.location.file for d in diagnostics})
    summary = msg(
        "errors-summary", errors=errors, errors_s=plural(errors), files=files, files_s=plural(files)
    )
    err(summary + "\n")
    return typer.Exit(Exit.BAD_INPUT)


def warn(diagnostics: list[Diagnostic], fmt: str = "text") -> None:
    """Warnings on stderr (and as annotations for the github format)."""
    err(lines(diagnostics))
    if fmt == "github" and diagnostics:
        from ..formats.github import diagnostics_to_annotations

        out(diagnostics_to_annotations(diagnostics), commands=True)


def emit(
    text: str | bytes | Iterable[str],
    output: Path | None,
    strategy: Path | None = None,
    actuals: Path | None = None,
    *,
    reviews: Path | None = None,
    commands: bool = False,
) -> None:
    """Write the result once, at the end: to stdout, or atomically to a file. `text` may
    be pieces (`pdca check --format json`), each written as it comes.

    A file is only ever a regular file, never the strategy, and never inside the actuals
    or reviews folder (where the next run would read it as data), however the path
    gets there (symbolic links, `..`); see output.check_target. `commands`: the text is
    the github format's workflow commands.
    """
    from ..output import is_stdout

    if output is None or is_stdout(output):  # `-o -`, `-o /dev/stdout`: standard output
        if not isinstance(text, str | bytes):  # pieces, written as they are made
            for piece in text:
                out(piece, commands=commands)
        elif isinstance(text, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(text)
        else:
            out(text, commands=commands)
        sys.stdout.flush()
        return
    from ..load import resolve_actuals, resolve_reviews, resolve_strategy
    from ..output import RefusedTarget, check_target, write_atomic

    try:
        check_target(
            output,
            protected_files=[(resolve_strategy(strategy), "strategy")],
            protected_folders=[
                (resolve_actuals(actuals)[0], "actuals"),
                (resolve_reviews(reviews)[0], "reviews"),
            ],
        )
        write_atomic(output, text)  # text, or a workbook's bytes (check --format xlsx)
    except RefusedTarget as exc:
        err(f"{output}: {said(exc)} [{exc.code}]\n")
        raise typer.Exit(Exit.BAD_INPUT) from None
    except OSError as exc:
        detail = msg("output-unwritable", detail=exc.strerror)
        err(f"{output}: {detail} [output-unwritable]\n")
        raise typer.Exit(Exit.BAD_INPUT) from None


def terminal_options(
    lang: Lang, output: Path | None, width: int | None = None, color: Color | None = None
) -> RenderOptions:
    """Colour and width for the terminal formats.

    Colour: `always`, `never`, or (auto) on a terminal unless NO_COLOR is set (FORCE_COLOR
    counts as a terminal). Width: --width, else the terminal's (`terminal_width`), else
    none: written to a file or piped with no terminal at all, the table takes its own
    natural width.
    """
    from rich.console import Console

    from ..formats import RenderOptions

    console = Console(file=sys.stdout)
    tty = output is None and console.is_terminal
    if color is None or color is Color.auto:
        use_color = tty and not os.environ.get("NO_COLOR")
    else:
        use_color = color is Color.always
    if width is None:
        width = terminal_width(to_file=output is not None)
    return RenderOptions(lang=lang.value, color=use_color, width=width)


def terminal_width(*, to_file: bool = False) -> int | None:
    """The width of the terminal the person reads on: $COLUMNS when set, else the size of
    the first of stdout, stderr and stdin that is a terminal (`pdca check 2027 | less` is
    read on the terminal stderr and stdin still are), else None: no terminal at all.

    Written to a file (`-o`), only $COLUMNS counts: the file is not read on this terminal.
    """
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if to_file:
        return None
    for stream in (sys.stdout, sys.stderr, sys.stdin):
        try:
            if stream is not None and stream.isatty():
                return os.get_terminal_size(stream.fileno()).columns or None
        except (AttributeError, ValueError, OSError):
            continue
    return None


# --- reading ------------------------------------------------------------------------------


def load_reviewed(
    strategy: Path | None, actuals: Path | None, reviews: Path | None, fmt: str = "text"
):
    """The strategy, the actuals, the committee's reviews and the warnings; exit 2 on any
    problem."""
    from ..load import load_inputs, resolve_actuals, resolve_reviews, resolve_strategy

    actuals_dir, actuals_named = resolve_actuals(actuals)
    reviews_dir, reviews_named = resolve_reviews(reviews)
    try:
        loaded = load_inputs(
            resolve_strategy(strategy),
            actuals_dir,
            reviews_dir,
            actuals_required=actuals_named,
            reviews_required=reviews_named,
        )
    except InputError as exc:
        raise fail(exc.diagnostics, fmt) from None
    warn(loaded[3], fmt)
    return loaded


def for_reading(strategy: Path | None, actuals: Path | None):
    """The strategy and the actuals that `missing` / `template` read (under run_action:
    InputError with the problems of both)."""
    from ..load import load_all, resolve_actuals, resolve_strategy

    folder, named = resolve_actuals(actuals)
    s, a, _ = load_all(resolve_strategy(strategy), folder, actuals_required=named)
    return s, a


def load_strategy(strategy: Path | None):
    """The strategy alone (kpis, schema): exit 2 with its diagnostics when invalid."""
    from ..load import load_strategy, resolve_strategy

    try:
        return load_strategy(resolve_strategy(strategy))
    except InputError as exc:
        raise fail(exc.diagnostics) from None


def goals(values: list[str] | None, strategy) -> set[int]:
    """--goal values (repeated, or comma-separated: -g 1,3) as goal numbers."""
    from ..options import parse_goals

    return parse_goals(values or [], len(strategy.goals))


def status(value: str, option: str):
    """A status by name (off-track, off_track) or Japanese word (遅れ); OptionError else."""
    from ..options import parse_status

    return parse_status(value, option)


def thresholds(strategy, on_track: str | None, behind: str | None):
    """The strategy's thresholds, overridden by --on-track / --behind (exact decimals)."""
    from ..options import check_thresholds, parse_ratio
    from ..trajectory import Thresholds, exact

    base = strategy.evaluation.thresholds
    on = exact(base.on_track) if on_track is None else parse_ratio(on_track, "--on-track")
    low = exact(base.behind) if behind is None else parse_ratio(behind, "--behind")
    check_thresholds(on, low)
    return Thresholds(on_track=on, behind=low)


def warn_outside_period(strategy, year: int) -> None:
    """A year outside the strategy's period gets a warning line (it is still assessed)."""
    from ..years import reiwa

    period = strategy.meta.period
    if not period.start <= year <= period.end:
        line = msg(
            "year-outside-period", year=year, era=reiwa(year), start=period.start, end=period.end
        )
        err(f"pdca: {line} [year-outside-period]\n")


def assess_year(
    s,
    a,
    year: int,
    strategy: Path | None,
    strict: bool,
    on_track,
    behind,
    reviews=None,
    actuals: Path | None = None,
):
    """The Report for YEAR, with the strategy's thresholds unless overridden, and the
    committee's review of YEAR when `reviews` holds one."""
    from ..assess import assess
    from ..load import display_name, resolve_actuals, resolve_strategy

    th = thresholds(s, on_track, behind)
    path = display_name(resolve_strategy(strategy))
    review = reviews.get(year) if reviews is not None else None
    return assess(
        s,
        a,
        year,
        thresholds=th,
        strict=strict,
        strategy_path=path,
        review=review,
        review_file=reviews.files.get(year) if review is not None else None,
        actuals_path=display_name(resolve_actuals(actuals)[0]),
    )


def compare_years(s, a, reviews, year0, year1, strategy, strict, on_track, behind):
    """The Comparison of year0 and year1, each assessed exactly as `pdca check` would
    (with the committee's overrides of that year's review)."""
    from ..compare import compare

    if year0 >= year1:
        raise Usage("compare-order", year0=year0, year1=year1)
    before = assess_year(s, a, year0, strategy, strict, on_track, behind, reviews)
    return compare(before, assess_year(s, a, year1, strategy, strict, on_track, behind, reviews))


def fail_on_worse(comparison) -> None:
    """--fail-on-worse: exit 1 when any KPI worsened (its status rank went down)."""
    worse = comparison.worsened
    if worse:
        n = len(worse)
        ids = ", ".join(m.kpi.id for m in worse[:10]) + (" …" if n > 10 else "")
        err(msg("fail-on-worse", n=n, n_s=plural(n), year=comparison.from_year, ids=ids) + "\n")
        raise typer.Exit(Exit.FAIL_ON)


# --- the yearly cycle's "Do": template, record, import, missing ---------------------------


def lookup_kpi(strategy, query: str, lang: Lang, command: str):
    """The KPI a person typed, for every command that takes one (`show`, `record`): an id,
    or a unique piece of its Japanese or English name (`history.find_kpi`). Ambiguous: the
    candidates on stderr; unknown: the closest and a hint; both exit 2."""
    from ..history import KpiLookupError, find_kpi
    from ..present.escape import terminal

    try:
        return find_kpi(strategy, query)
    except KpiLookupError as exc:
        failed = exc

    def line(k) -> str:
        return f"  {k.id}  {terminal(kpi_name(k, lang))}\n"

    quoted = repr(failed.query)  # as every {value!r}: repr shows the controls, once
    if failed.candidates:
        n = len(failed.candidates)
        err(msg("kpi-ambiguous", command=command, query=quoted, n=n) + "\n")
        err("".join(line(k) for k in failed.candidates[:30]))
        if n > 30:
            err(msg("kpi-more", n=n - 30) + "\n")
    else:
        if failed.suggestions:
            err(msg("kpi-no-match-suggest", command=command, query=quoted) + "\n")
            err("".join(line(k) for k in failed.suggestions))
        else:
            err(msg("kpi-no-match", command=command, query=quoted) + "\n")
        err(msg("kpi-list-hint") + "\n")
    raise typer.Exit(Exit.BAD_INPUT)


def run_action(action, nothing_written=None) -> None:
    """Call an entry action: usage errors and input errors end in exit 2, its text goes to
    stdout and its warnings to stderr; its exit status is the command's.

    `nothing_written`, for a command that writes (`import`, `record`): a function giving
    the line said after the errors of a run that wrote nothing (which file is untouched,
    what to do next)."""
    from ..entry.actions import UsageError

    try:
        result = action()
    except UsageError as exc:
        raise typer.BadParameter(str(exc), param_hint=exc.param) from None
    except InputError as exc:
        exit_ = fail(exc.diagnostics)
        if nothing_written is not None:
            err(nothing_written() + "\n")
        raise exit_ from None
    err(result.warnings)
    out(result.text)
    sys.stdout.flush()
    if result.exit_code:
        raise typer.Exit(result.exit_code)


def writable_target(output: Path, strategy: Path, actuals: Path) -> None:
    """-o of a sheet: a regular file, never the strategy nor in the actuals or reviews
    folder (output.check_target); InputError (exit 2) otherwise."""
    from ..entry.actions import location_error
    from ..load import resolve_reviews
    from ..output import RefusedTarget, check_target

    try:
        check_target(
            output,
            protected_files=[(strategy, "strategy")],
            protected_folders=[
                (actuals, "actuals"),
                (resolve_reviews(None)[0], "reviews"),
            ],
            folder_must_exist=False,  # the sheet's folder is created
        )
    except RefusedTarget as exc:
        raise location_error(str(output), exc.code, exc.variant, **exc.values) from None


def nothing_written(command: str, actuals: Path | None, year: int):
    """The `nothing_written` line of `run_action` for `pdca import` / `pdca record`."""

    def line() -> str:
        from ..entry.writer import year_file
        from ..load import display_name, resolve_actuals

        path = year_file(resolve_actuals(actuals)[0], year)
        return msg("nothing-written", file=display_name(path), command=command)

    return line


def for_writing(strategy: Path | None, actuals: Path | None):
    """The strategy, the actuals and the folder that `record` / `import` write into."""
    from ..entry.actions import load_for_writing, writable_actuals
    from ..load import resolve_strategy

    folder = writable_actuals(actuals)
    s, a = load_for_writing(resolve_strategy(strategy), folder)
    return s, a, folder


DryRunOpt = Annotated[bool, typer.Option("--dry-run", help="opt-dry-run")]
OverwriteOpt = Annotated[bool, typer.Option("--overwrite", help="opt-overwrite")]
AcceptOutliersOpt = Annotated[bool, typer.Option("--accept-outliers", help="opt-accept-outliers")]
