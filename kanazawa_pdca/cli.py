"""The `pdca` command line: thin Typer commands over load -> assess -> formats.

Every command parses its options, calls the library and hands the result to a
format. Input problems end in FILE:LINE:COL lines on stderr and exit status 2.
Heavy modules are imported inside the commands, so `pdca --help` starts fast.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from typer.core import TyperGroup

from .diagnostics import Diagnostic, Exit, InputError
from .formats import FORMATS
from .i18n import Lang, diagnostic_text, lang_of_args, message_text, plural, set_lang
from .i18n import text as msg
from .options import OptionError

if TYPE_CHECKING:
    from .formats import RenderOptions


class PdcaGroup(TyperGroup):
    """The `pdca` group: sets the language of messages from --lang / $PDCA_LANG, and ends
    every usage error (a bad option value, an unknown option) in one line on stderr, in that
    language, with exit status 2."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError

        argv = list(sys.argv[1:] if args is None else args)
        set_lang(lang_of_args(argv))
        if not standalone_mode:
            return super().main(argv, prog_name, complete_var, False, **extra)
        command = next((a for a in argv if a in self.commands), None)
        where = f"pdca {command}" if command else "pdca"
        try:
            rv = super().main(argv, prog_name, complete_var, False, **extra)
        except OptionError as exc:
            _err(f"{where}: {msg(exc.code, **exc.params)} [{exc.code}]\n")
            sys.exit(Exit.BAD_INPUT)
        except NoArgsIsHelpError as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except UsageError as exc:
            _err(msg("usage", where=where, message=_usage_message(exc)) + "\n")
            sys.exit(Exit.BAD_INPUT)
        except ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        sys.exit(rv if isinstance(rv, int) else 0)


def _usage_message(exc) -> str:
    """A usage error in one line: '--goal: no basic goal 5 (1–4)'."""
    from typer._click.exceptions import BadParameter

    message = " ".join(exc.format_message().split())
    if not isinstance(exc, BadParameter):
        return message
    hint = exc.param_hint
    if hint is None and exc.param is not None:
        metavar = getattr(exc.param, "metavar", None)  # an argument: YEAR, Y0
        hint = metavar if exc.param.param_type_name == "argument" else None
        hint = hint or (exc.param.opts[0] if exc.param.opts else exc.param.name)
    if isinstance(hint, list | tuple):
        hint = " / ".join(hint)
    detail = " ".join(exc.message.split())
    return f"{hint}: {detail}" if hint and detail else message


app = typer.Typer(
    cls=PdcaGroup,
    name="pdca",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from . import __version__

        print(f"pdca {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Print the version and exit.", callback=_version, is_eager=True
        ),
    ] = False,
) -> None:
    """PDCA progress checker for Kanazawa City's third comprehensive strategy
    (第3次金沢版総合戦略, FY2024–FY2028).

    pdca check 2026 shows where every KPI stands in FY2026; pdca validate checks the
    YAML; pdca report 2026 -o report.html writes a report for the committee.

    \b
    第3次金沢版総合戦略の KPI 進捗チェッカー。
    pdca check 2026 で 2026年度の各 KPI の状況、pdca validate で YAML の検査、
    pdca report 2026 -o report.html で推進会議向けのレポート。
    言語は --lang ja|en または PDCA_LANG（既定は日本語）。
    """


# the --format choices of `check` are the format registry's names
CheckFormat = StrEnum("CheckFormat", {name: name for name in FORMATS})


class KpisFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class Color(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


class SchemaKind(StrEnum):
    strategy = "strategy"
    actuals = "actuals"
    reviews = "reviews"


class ValidateFormat(StrEnum):
    text = "text"
    github = "github"


# --- shared options, defined once ---------------------------------------------------------

StrategyOpt = Annotated[
    Path | None,
    typer.Option(
        "--strategy",
        help="Strategy file. Default: $PDCA_STRATEGY, ./data/strategy.yaml, the bundled copy.",
        dir_okay=False,
        show_default=False,
    ),
]
ActualsOpt = Annotated[
    Path | None,
    typer.Option(
        "--actuals",
        help="Folder of <year>.yaml actuals. Default: $PDCA_ACTUALS, ./data/actuals, bundled.",
        file_okay=False,
        show_default=False,
    ),
]
ReviewsOpt = Annotated[
    Path | None,
    typer.Option(
        "--reviews",
        help="Folder of the committee's <year>.yaml reviews. "
        "Default: $PDCA_REVIEWS, ./data/reviews, bundled.",
        file_okay=False,
        show_default=False,
    ),
]
LangOpt = Annotated[
    Lang,
    typer.Option("--lang", help="Label language (default: $PDCA_LANG or ja).", envvar="PDCA_LANG"),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to this file instead of standard output (a regular file; never the strategy "
        "nor into the actuals or reviews folder).",
        dir_okay=False,
        show_default=False,
    ),
]

WidthOpt = Annotated[
    int | None,
    typer.Option(
        "--width",
        "-w",
        min=60,
        help="Lay the table out for N columns (default: the terminal's; piped: the table's own).",
        show_default=False,
    ),
]
ColorOpt = Annotated[
    Color,
    typer.Option(
        "--color",
        help="Colour: auto (on a terminal, unless NO_COLOR is set), always or never.",
    ),
]


def _year(value: str) -> int:
    from .years import ACCEPTED_FORMS, YearError, parse_year

    try:
        return parse_year(value)
    except YearError as exc:
        text = str(exc)
        if text.startswith("not a fiscal year: ") and "(use one of" in text:
            text = msg("year-format", value=str(value), forms=ACCEPTED_FORMS)
        raise typer.BadParameter(text) from None


YearArg = Annotated[
    int,
    typer.Argument(
        parser=_year,
        metavar="YEAR",
        help="Fiscal year: 2026, FY2026, 2026年度, R8, 令和8 or 令和8年度.",
        show_default=False,
    ),
]


# --- helpers ------------------------------------------------------------------------------


def _out(text: str, *, commands: bool = False) -> None:
    """Write to stdout: never a raw control character or a forged workflow command
    (escape.stream); `commands` for the github format's own workflow commands."""
    from .present.escape import stream

    sys.stdout.write(stream(text, commands=commands))


def _err(text: str) -> None:
    """Write to stderr, as `_out` writes to stdout (diagnostics quote data files)."""
    from .present.escape import stream

    sys.stderr.write(stream(text))


def _lines(diagnostics: list[Diagnostic]) -> str:
    """One line per diagnostic, whatever its message quotes (a key with a newline…)."""
    from .present.escape import terminal

    return "".join(f"{terminal(diagnostic_text(d))}\n" for d in diagnostics)


def _fail(diagnostics: list[Diagnostic], fmt: str = "text") -> typer.Exit:
    """Print every diagnostic (one line each) and exit 2."""
    if fmt == "github":
        from .formats.github import diagnostics_to_annotations

        _out(diagnostics_to_annotations(diagnostics), commands=True)
    _err(_lines(diagnostics))
    errors = sum(1 for d in diagnostics if d.is_error)
    files = len({d.location.file for d in diagnostics})
    summary = msg(
        "errors-summary", errors=errors, errors_s=plural(errors), files=files, files_s=plural(files)
    )
    _err(summary + "\n")
    return typer.Exit(Exit.BAD_INPUT)


def _warn(diagnostics: list[Diagnostic]) -> None:
    _err(_lines(diagnostics))


def _load(strategy: Path | None, actuals: Path | None, fmt: str = "text"):
    from .load import load_all, resolve_actuals, resolve_strategy

    actuals_dir, named = resolve_actuals(actuals)
    try:
        loaded = load_all(resolve_strategy(strategy), actuals_dir, actuals_required=named)
    except InputError as exc:
        raise _fail(exc.diagnostics, fmt) from None
    _warn(loaded[2])
    if fmt == "github" and loaded[2]:
        from .formats.github import diagnostics_to_annotations

        _out(diagnostics_to_annotations(loaded[2]), commands=True)
    return loaded


def _load_reviewed(
    strategy: Path | None, actuals: Path | None, reviews: Path | None, fmt: str = "text"
):
    """The strategy, the actuals and the committee's reviews; exit 2 on any problem."""
    from .load import load_inputs, resolve_actuals, resolve_reviews, resolve_strategy

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
        raise _fail(exc.diagnostics, fmt) from None
    _warn(loaded[3])
    if fmt == "github" and loaded[3]:
        from .formats.github import diagnostics_to_annotations

        _out(diagnostics_to_annotations(loaded[3]), commands=True)
    return loaded


def _load_strategy(strategy: Path | None):
    """The strategy alone (kpis, schema): exit 2 with its diagnostics when invalid."""
    from .load import load_strategy, resolve_strategy

    try:
        return load_strategy(resolve_strategy(strategy))
    except InputError as exc:
        raise _fail(exc.diagnostics) from None


def _terminal_options(
    lang: Lang, output: Path | None, width: int | None = None, color: Color = None
) -> RenderOptions:
    """Colour and width for the terminal formats.

    Colour: `always`, `never`, or (auto) on a terminal unless NO_COLOR is set (FORCE_COLOR
    counts as a terminal). Width: --width, else the terminal's, else $COLUMNS when set,
    else none: piped or written to a file, the table takes its own natural width.
    """
    from rich.console import Console

    from .formats import RenderOptions

    console = Console(file=sys.stdout)
    tty = output is None and console.is_terminal
    if color is None or color is Color.auto:
        use_color = tty and not os.environ.get("NO_COLOR")
    else:
        use_color = color is Color.always
    if width is None:
        if tty:
            width = console.width
        elif os.environ.get("COLUMNS", "").isdigit():
            width = int(os.environ["COLUMNS"])
    return RenderOptions(lang=lang.value, color=use_color, width=width)


def _emit(
    text: str | bytes,
    output: Path | None,
    strategy: Path | None = None,
    actuals: Path | None = None,
    *,
    reviews: Path | None = None,
    commands: bool = False,
) -> None:
    """Write the result once, at the end: to stdout, or atomically to a file.

    A file is only ever a regular file, never the strategy, and never inside the actuals
    or reviews folder (where the next run would read it as data), however the path
    gets there (symbolic links, `..`); see output.check_target. `commands`: the text is
    the github format's workflow commands.
    """
    if output is None:
        _out(text, commands=commands)
        sys.stdout.flush()
        return
    from .load import resolve_actuals, resolve_reviews, resolve_strategy
    from .output import RefusedTarget, check_target, write_atomic

    try:
        check_target(
            output,
            protected_files=[(resolve_strategy(strategy), "the strategy file")],
            protected_folders=[
                (resolve_actuals(actuals)[0], "the actuals folder"),
                (resolve_reviews(reviews)[0], "the reviews folder"),
            ],
        )
        if isinstance(text, bytes):  # a workbook (check --format xlsx)
            from .entry.writer import replace_file

            replace_file(output, text)
        else:
            write_atomic(output, text)
    except RefusedTarget as exc:
        _err(f"{output}:1:1: {message_text(exc.code, exc.message)} [{exc.code}]\n")
        raise typer.Exit(Exit.BAD_INPUT) from None
    except OSError as exc:
        detail = message_text("output-unwritable", f"cannot write: {exc.strerror}")
        _err(f"{output}:1:1: {detail} [output-unwritable]\n")
        raise typer.Exit(Exit.BAD_INPUT) from None


def _status(value: str, option: str):
    """A status by name (off-track, off_track) or Japanese word (遅れ); OptionError else."""
    from .options import parse_status

    return parse_status(value, option)


def _goals(values: list[str] | None, strategy) -> set[int]:
    """--goal values (repeated, or comma-separated: -g 1,3) as goal numbers."""
    from .options import parse_goals

    return parse_goals(values or [], len(strategy.goals))


def _thresholds(strategy, on_track: str | None, behind: str | None):
    """The strategy's thresholds, overridden by --on-track / --behind (exact decimals)."""
    from .options import check_thresholds, parse_ratio
    from .trajectory import Thresholds, exact

    base = strategy.evaluation.thresholds
    on = exact(base.on_track) if on_track is None else parse_ratio(on_track, "--on-track")
    low = exact(base.behind) if behind is None else parse_ratio(behind, "--behind")
    check_thresholds(on, low)
    return Thresholds(on_track=on, behind=low)


def _warn_outside_period(strategy, year: int) -> None:
    """A year outside the strategy's period gets a warning line (it is still assessed)."""
    from .years import reiwa

    period = strategy.meta.period
    if not period.start <= year <= period.end:
        line = msg(
            "year-outside-period", year=year, era=reiwa(year), start=period.start, end=period.end
        )
        _err(f"pdca: {line} [year-outside-period]\n")


def _assess(
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
    from .assess import assess
    from .load import display_name, resolve_actuals, resolve_strategy

    th = _thresholds(s, on_track, behind)
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


FailOnWorseOpt = Annotated[
    bool,
    typer.Option("--fail-on-worse", help="Exit 1 when any KPI's status went down since Y0."),
]
StrictOpt = Annotated[
    bool, typer.Option("--strict", help="Use only YEAR's figures, not older ones.")
]


OnTrackOpt = Annotated[
    str | None,
    typer.Option(
        "--on-track",
        metavar="RATIO",
        help="On-track threshold, a ratio in (0, 2]: 1, 0.9 or 90% "
        "(default: from the strategy file).",
        show_default=False,
    ),
]
BehindOpt = Annotated[
    str | None,
    typer.Option(
        "--behind",
        metavar="RATIO",
        help="Behind threshold, a ratio below --on-track: 0.6 or 60% "
        "(default: from the strategy file).",
        show_default=False,
    ),
]
GoalOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--goal",
        "-g",
        metavar="N",
        help="Only this basic goal (repeatable, or several at once: -g 1,3).",
        show_default=False,
    ),
]


# --- commands -----------------------------------------------------------------------------


@app.command()
def validate(
    strategy: StrategyOpt = None,
    actuals: ActualsOpt = None,
    reviews: ReviewsOpt = None,
    fmt: Annotated[
        ValidateFormat,
        typer.Option("--format", "-f", help="text, or github for Actions annotations."),
    ] = ValidateFormat.text,
    lang: LangOpt = Lang.ja,
) -> None:
    """Validate the strategy, every actuals file and every review; print what they hold."""
    s, a, r, warnings = _load_reviewed(strategy, actuals, reviews, fmt.value)
    from .load import display_name, resolve_actuals, resolve_reviews, resolve_strategy

    c = s.counts()
    figures = sum(len(v) for v in a.years.values())
    years = ", ".join(str(y) for y in sorted(a.years)) or msg("none")
    _out(msg("validate-strategy", path=display_name(resolve_strategy(strategy)), **c) + "\n")
    n = len(a.years)
    line = msg(
        "validate-actuals",
        path=display_name(resolve_actuals(actuals)[0]),
        n=n,
        n_s=plural(n),
        years=years,
        figures=figures,
        figures_s=plural(figures),
    )
    if warnings:
        line += msg("validate-warnings", n=len(warnings), n_s=plural(len(warnings)))
    _out(line + "\n")
    reviews_dir = resolve_reviews(reviews)[0]
    if r.years or reviews_dir.is_dir():
        years = ", ".join(str(y) for y in sorted(r.years)) or msg("none")
        n = len(r.years)
        path = display_name(reviews_dir)
        _out(msg("validate-reviews", path=path, n=n, n_s=plural(n), years=years) + "\n")


@app.command()
def kpis(
    strategy: StrategyOpt = None,
    fmt: Annotated[
        KpisFormat, typer.Option("--format", "-f", help="table, json or csv.")
    ] = KpisFormat.table,
    goal: GoalOpt = None,
    lang: LangOpt = Lang.ja,
    output: OutputOpt = None,
    width: WidthOpt = None,
    color: ColorOpt = Color.auto,
) -> None:
    """List the strategy's KPIs: baseline -> target, kind and where each is printed."""
    s = _load_strategy(strategy)
    chosen = s.kpis
    goals = _goals(goal, s)
    if goals:
        chosen = [k for k in s.kpis if k.goal_numbers() & goals]
    if fmt is KpisFormat.json:
        from .formats.json_format import dumps, kpi_definition

        text = dumps([kpi_definition(k) for k in chosen])
    elif fmt is KpisFormat.csv:
        from .formats.csv_format import render_kpis

        text = render_kpis(chosen)
    else:
        from .formats.kpi_table import render_kpi_table

        text = render_kpi_table(chosen, _terminal_options(lang, output, width, color))
    _emit(text, output, strategy)


@app.command()
def check(
    year: YearArg,
    strategy: StrategyOpt = None,
    actuals: ActualsOpt = None,
    fmt: Annotated[
        CheckFormat,
        typer.Option(
            "--format",
            "-f",
            help="table, json, csv, markdown, github, junit, or xlsx (with -o FILE.xlsx).",
        ),
    ] = "table",
    output: OutputOpt = None,
    bom: Annotated[
        bool | None,
        typer.Option(
            "--bom/--no-bom",
            help="CSV: start with a UTF-8 BOM so that Japanese Excel reads it "
            "(default: with -o, yes; to standard output, no).",
            show_default=False,
        ),
    ] = None,
    goal: GoalOpt = None,
    status: Annotated[
        list[str] | None,
        typer.Option(
            "--status", "-s", help="Only KPIs in this status (repeatable), e.g. off-track."
        ),
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 when any KPI is at or below this status "
            "(achieved > on-track > behind > off-track > regressing).",
            show_default=False,
        ),
    ] = None,
    strict: StrictOpt = False,
    on_track: OnTrackOpt = None,
    behind: BehindOpt = None,
    lang: LangOpt = Lang.ja,
    reviews: ReviewsOpt = None,
    width: WidthOpt = None,
    color: ColorOpt = Color.auto,
    summary: Annotated[
        bool, typer.Option("--summary", help="Only the per-goal summary (table format).")
    ] = False,
    outlook: Annotated[
        bool | None,
        typer.Option(
            "--outlook/--no-outlook",
            help="Table: the 見込み column (the projection to the target year) and the count "
            "projected to miss (default: when the terminal is 140 columns or wider).",
            show_default=False,
        ),
    ] = None,
    compare_to: Annotated[
        int | None,
        typer.Option(
            "--compare",
            parser=_year,
            metavar="Y0",
            help="Also show how each KPI moved since the year Y0 (as pdca diff Y0 YEAR).",
            show_default=False,
        ),
    ] = None,
    fail_on_worse: FailOnWorseOpt = False,
) -> None:
    """Assess every KPI in YEAR against its straight line from baseline to target.

    A status the committee overrode in its review of YEAR (data/reviews/YEAR.yaml) is the
    committee's, marked ✎ with its reason, and counts as such for --fail-on.
    """
    set_lang(lang.value)
    fail_status = _status(fail_on, "--fail-on") if fail_on else None
    wanted = {_status(s, "--status") for s in status or []}
    s, a, r, _ = _load_reviewed(strategy, actuals, reviews, fmt.value)
    _warn_outside_period(s, year)
    goal = sorted(_goals(goal, s))
    from dataclasses import replace

    from .formats import RenderOptions, render

    report = _assess(s, a, year, strategy, strict, on_track, behind, r, actuals)
    failing = report.failing(fail_status)
    comparison = None
    if compare_to is not None or fail_on_worse:
        comparison = _compare(s, a, r, compare_to, year, strategy, strict, on_track, behind, fmt)
    if goal or wanted:
        report = report.filtered(set(goal or []), wanted or None)
    terminal = fmt == "table"
    options = (
        _terminal_options(lang, output, width, color)
        if terminal
        else RenderOptions(lang=lang.value)
    )
    options = replace(
        options,
        fail_on=fail_status.value if fail_status else None,
        summary_only=summary,
        outlook=outlook,
    )
    if fmt == "xlsx" and output is None:
        raise typer.BadParameter(
            "--format xlsx writes a workbook: give -o FILE.xlsx", param_hint="--output"
        )
    text = render(fmt.value, report, options)
    if fmt == "csv" and (bom if bom is not None else output is not None):
        text = "\ufeff" + text  # Excel reads UTF-8 CSV as Shift_JIS without it
    if comparison is not None and fmt != "xlsx":
        from .formats.diff import with_check

        comparison = comparison.only({r.kpi.id for r in report.kpis})
        text = with_check(fmt.value, report, text, comparison, options)
    _emit(text, output, strategy, actuals, reviews=reviews, commands=fmt == "github")
    if fmt == "github":
        from .formats.github import write_step_summary

        write_step_summary(report, options)
    if failing:
        _report_failing(failing, fail_status)
        raise typer.Exit(Exit.FAIL_ON)
    if comparison is not None and fail_on_worse:
        _fail_on_worse(comparison)


def _report_failing(failing, fail_status) -> None:
    """'pdca: 3 KPIs at or below off-track: a, b, c' (in the language of messages)."""
    from .i18n import current_lang, status_word

    lang = current_lang()
    word = fail_status.value.replace("_", "-") if lang == "en" else status_word(fail_status, lang)
    ids = ", ".join(r.kpi.id for r in failing[:10]) + (" …" if len(failing) > 10 else "")
    n = len(failing)
    _err(msg("fail-on", n=n, n_s=plural(n), status=word, ids=ids) + "\n")


def _compare(s, a, reviews, year0, year1, strategy, strict, on_track, behind, fmt=None):
    """The Comparison of year0 and year1, each assessed exactly as `pdca check` would
    (with the committee's overrides of that year's review)."""
    from .compare import compare
    from .formats.diff import CHECK_COMPARE_FORMATS

    if year0 is None:
        raise typer.BadParameter("needs --compare Y0", param_hint="--fail-on-worse")
    if fmt is not None and fmt not in CHECK_COMPARE_FORMATS:
        names = ", ".join(CHECK_COMPARE_FORMATS)
        raise typer.BadParameter(f"works with --format {names}", param_hint="--compare")
    if year0 >= year1:
        raise typer.BadParameter(f"Y0 ({year0}) must come before {year1}")
    before = _assess(s, a, year0, strategy, strict, on_track, behind, reviews)
    return compare(before, _assess(s, a, year1, strategy, strict, on_track, behind, reviews))


def _fail_on_worse(comparison) -> None:
    """--fail-on-worse: exit 1 when any KPI worsened (its status rank went down)."""
    worse = comparison.worsened
    if worse:
        n = len(worse)
        _err(
            f"pdca: {n} KPI{'s' * (n != 1)} worsened since {comparison.from_year}: "
            + ", ".join(m.kpi.id for m in worse[:10])
            + (" …" if n > 10 else "")
            + "\n"
        )
        raise typer.Exit(Exit.FAIL_ON)


class DiffFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


def _year_arg(name: str, what: str):
    return Annotated[
        int,
        typer.Argument(
            parser=_year,
            metavar=name,
            help=f"{what} fiscal year: 2026, FY2026, 2026年度, R8, 令和8 or 令和8年度.",
            show_default=False,
        ),
    ]


@app.command()
def diff(
    year0: _year_arg("Y0", "The earlier"),
    year1: _year_arg("Y1", "The later"),
    strategy: StrategyOpt = None,
    actuals: ActualsOpt = None,
    fmt: Annotated[
        DiffFormat, typer.Option("--format", "-f", help="table, json, csv or markdown.")
    ] = DiffFormat.table,
    output: OutputOpt = None,
    goal: GoalOpt = None,
    show_all: Annotated[
        bool, typer.Option("--all", "-a", help="Table: list the unchanged KPIs too.")
    ] = False,
    fail_on_worse: FailOnWorseOpt = False,
    strict: StrictOpt = False,
    on_track: OnTrackOpt = None,
    behind: BehindOpt = None,
    lang: LangOpt = Lang.ja,
    reviews: ReviewsOpt = None,
    width: WidthOpt = None,
    color: ColorOpt = Color.auto,
) -> None:
    """Compare two years: how each KPI moved from Y0 to Y1.

    Each year is assessed exactly as pdca check would. Movement: improved / worsened
    (the status went up / down achieved > on-track > behind > off-track > regressing),
    unchanged, new (assessable only in Y1), lost (only in Y0); change = the figure's
    change, positive in the desired direction.
    """
    s, a, r, _ = _load_reviewed(strategy, actuals, reviews)
    goal = sorted(_goals(goal, s))
    comparison = _compare(s, a, r, year0, year1, strategy, strict, on_track, behind)
    if goal:
        kept = comparison.after.filtered(set(goal))
        comparison = comparison.only({r.kpi.id for r in kept.kpis})
    from .formats import RenderOptions
    from .formats.diff import render as render_diff

    terminal = fmt is DiffFormat.table
    options = (
        _terminal_options(lang, output, width, color)
        if terminal
        else RenderOptions(lang=lang.value)
    )
    text = render_diff(comparison, fmt.value, options, show_all=show_all)
    _emit(text, output, strategy, actuals, reviews=reviews)
    if fail_on_worse:
        _fail_on_worse(comparison)


class ShowFormat(StrEnum):
    text = "text"
    json = "json"


@app.command()
def show(
    kpi: Annotated[
        str,
        typer.Argument(
            metavar="KPI",
            help="A KPI id, or a fragment of its Japanese or English name that only it has.",
            show_default=False,
        ),
    ],
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            "-y",
            parser=_year,
            metavar="YEAR",
            help="The year to assess and project from (default: the latest actuals year).",
            show_default=False,
        ),
    ] = None,
    strategy: StrategyOpt = None,
    actuals: ActualsOpt = None,
    reviews: ReviewsOpt = None,
    fmt: Annotated[
        ShowFormat, typer.Option("--format", "-f", help="text (with a chart) or json.")
    ] = ShowFormat.text,
    chart: Annotated[bool, typer.Option("--chart/--no-chart", help="Text: draw the chart.")] = True,
    output: OutputOpt = None,
    strict: StrictOpt = False,
    on_track: OnTrackOpt = None,
    behind: BehindOpt = None,
    lang: LangOpt = Lang.ja,
    width: WidthOpt = None,
    color: ColorOpt = Color.auto,
) -> None:
    """Show one KPI in full: where it is printed, every figure with its source and note,
    each year's expected value and status (as pdca check gives them), the outlook to the
    target year, and a chart of the expected line against the figures."""
    s, a, r, _ = _load_reviewed(strategy, actuals, reviews)
    from .history import KpiLookupError, find_kpi, kpi_history

    try:
        found = find_kpi(s, kpi)
    except KpiLookupError as exc:
        _lookup_failed(exc, lang.value)
    if year is None:
        year = max(a.years, default=s.meta.period.start)
    th = _assess(s, a, year, strategy, strict, on_track, behind, r).thresholds
    history = kpi_history(s, a, found, year, th, strict=strict, reviews=r)
    from .formats.show import render_json, render_text

    if fmt is ShowFormat.json:
        text = render_json(history)
    else:
        text = render_text(history, _terminal_options(lang, output, width, color), chart=chart)
    _emit(text, output, strategy, actuals)


def _lookup_failed(exc, lang: str):
    """KPI not found, or ambiguous: the candidates on stderr, exit 2."""
    from .present.escape import terminal

    def line(k) -> str:
        return f"  {k.id}  {terminal(k.name_en if lang == 'en' else k.name)}\n"

    query = terminal(exc.query)
    if exc.candidates:
        n = len(exc.candidates)
        _err(f"pdca show: {query!r} matches {n} KPIs; give one of their ids:\n")
        _err("".join(line(k) for k in exc.candidates[:30]))
        if n > 30:
            _err(f"  … and {n - 30} more\n")
    else:
        _err(f"pdca show: no KPI matches {query!r}")
        if exc.suggestions:
            _err("; did you mean:\n" + "".join(line(k) for k in exc.suggestions))
        else:
            _err("\n")
        _err("List every KPI with `pdca kpis`.\n")
    raise typer.Exit(Exit.BAD_INPUT)


class ReportFormat(StrEnum):
    html = "html"
    md = "md"


@app.command()
def report(
    year: YearArg,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="The report file: .html (one self-contained page) or .md. For a PDF, print "
            "the HTML from a browser (A4 portrait, page numbers included).",
            dir_okay=False,
        ),
    ],
    fmt: Annotated[
        ReportFormat | None,
        typer.Option("--format", "-f", help="html or md (default: from the file's suffix)."),
    ] = None,
    strategy: StrategyOpt = None,
    actuals: ActualsOpt = None,
    reviews: ReviewsOpt = None,
    strict: StrictOpt = False,
    on_track: OnTrackOpt = None,
    behind: BehindOpt = None,
    lang: LangOpt = Lang.ja,
    no_charts: Annotated[
        bool, typer.Option("--no-charts", help="Leave the charts out (a shorter report).")
    ] = False,
) -> None:
    """Write the report for the committee's meeting: page 1 with the summary and the 要注意
    list, then the committee's review and every KPI with its chart, movement since last
    year and outlook."""
    fmt = _report_format(output, fmt)
    s, a, r, _ = _load_reviewed(strategy, actuals, reviews)
    _warn_outside_period(s, year)
    result = _assess(s, a, year, strategy, strict, on_track, behind, r)
    previous = _assess(s, a, year - 1, strategy, strict, on_track, behind, r)
    from .report import render_report

    text = render_report(result, lang.value, fmt.value, previous=previous, charts=not no_charts)
    _emit(text, output, strategy, actuals, reviews=reviews)
    from .years import label

    _err(f"pdca: wrote {output} ({len(result.kpis)} KPIs, {label(year, 'en')})\n")


# what a report file can never be: pdca writes text (HTML, Markdown), not these
BINARY_SUFFIXES = {
    ".pdf", ".xlsx", ".xls", ".xlsm", ".ods", ".docx", ".doc", ".odt", ".pptx", ".png",
    ".jpg", ".jpeg", ".gif", ".svg", ".zip", ".csv", ".json", ".xml", ".yaml", ".yml",
}  # fmt: skip


def _report_format(output: Path, fmt: ReportFormat | None) -> ReportFormat:
    """The format from -f or the file's suffix; an unwritable suffix is refused (exit 2)."""
    from .report import SUFFIXES

    suffix = output.suffix.lower()
    if suffix in BINARY_SUFFIXES or (fmt is None and suffix not in SUFFIXES):
        hint = (
            "write report.html and print it to PDF from a browser (A4 portrait)"
            if suffix == ".pdf"
            else "use -o report.html or -o report.md"
        )
        shown = suffix or "a file without a suffix"
        _err(
            f"{output}:1:1: pdca report writes HTML (.html) or Markdown (.md), not {shown}; "
            f"{hint} [unsupported-output]\n"
        )
        raise typer.Exit(Exit.BAD_INPUT)
    return fmt or ReportFormat(SUFFIXES[suffix])


@app.command()
def schema(
    kind: Annotated[
        SchemaKind,
        typer.Argument(
            help="strategy (data/strategy.yaml), actuals (data/actuals/*.yaml) or reviews "
            "(data/reviews/*.yaml)."
        ),
    ],
    strategy: StrategyOpt = None,
    output: OutputOpt = None,
) -> None:
    """Print the JSON Schema of a kind of YAML file, for editors (yaml-language-server)."""
    from .schema import generate

    # the actuals and reviews schemas name the strategy's KPI ids (and codes, vocabularies)
    s = _load_strategy(strategy) if kind is not SchemaKind.strategy else None
    _emit(generate(kind.value, s), output, strategy)


def main() -> None:
    """Console-script entry point."""
    # pydantic scans every installed package's entry points for plugins (~15 ms a run);
    # pdca uses none.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        from .fastlane import run

        code = run(sys.argv[1:])  # `pdca check …` past Typer's parsing; None: not for it
        if code is None:
            app()
        else:
            sys.stdout.flush()
            sys.exit(code)
    finally:
        # The run is over: move every object to the permanent generation, so that the
        # interpreter's collections at exit do not walk them all again (60 -> 11 ms).
        import gc

        gc.freeze()


# the yearly cycle's "Do": template, import, record, missing (registered on `app`)
from .entry import cli as _entry_cli  # noqa: E402, F401

# The command list of `pdca --help` in both languages (Typer's help is static text; a
# summary per command costs nothing at start-up, unlike choosing the language at import).
COMMAND_SUMMARIES = {
    "validate": "YAML の検査 · validate the strategy, actuals and reviews",
    "kpis": "KPI の一覧 · list the strategy's KPIs",
    "check": "KPI の進捗判定 · assess every KPI in YEAR",
    "diff": "2 年度の比較 · how each KPI moved from Y0 to Y1",
    "show": "KPI 1 件の詳細 · one KPI in full",
    "report": "推進会議向けレポート · the report for the committee",
    "schema": "エディタ用 JSON Schema · JSON Schema for editors",
    "template": "記入用シート · a fill-in sheet for YEAR",
    "record": "実績を 1 件記録 · record one figure",
    "import": "記入済みシートの取り込み · import filled sheets",
    "missing": "未記録の KPI · KPIs with no figure for YEAR yet",
}
for _info in app.registered_commands:
    _name = _info.name or _info.callback.__name__.rstrip("_").replace("_", "-")
    if _name in COMMAND_SUMMARIES and _info.short_help is None:
        _info.short_help = COMMAND_SUMMARIES[_name]
