"""`pdca check YEAR`: every KPI's status in YEAR, in the format asked for.

The command reads its options into one `CheckRequest`; `run` loads, assesses, renders,
writes and decides the exit status, each step a function of its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..diagnostics import Exit
from ..formats import FORMATS
from ..i18n import Lang, plural
from ..i18n import text as msg
from .common import (
    ActualsOpt,
    BehindOpt,
    Color,
    ColorOpt,
    FailOnWorseOpt,
    GoalOpt,
    LangOpt,
    OnTrackOpt,
    OutputOpt,
    ReviewsOpt,
    StrategyOpt,
    StrictOpt,
    Usage,
    WidthOpt,
    YearArg,
    assess_year,
    compare_years,
    emit,
    err,
    fail_on_worse,
    goals,
    language,
    load_reviewed,
    parse_year,
    status,
    terminal_options,
    warn_outside_period,
)
from .complete import statuses

# the --format choices are the format registry's names
CheckFormat = StrEnum("CheckFormat", {name: name for name in FORMATS})


@dataclass(frozen=True)
class CheckRequest:
    """What `pdca check` was asked: its options, as values."""

    year: int
    fmt: str = "table"
    output: Path | None = None
    strategy: Path | None = None
    actuals: Path | None = None
    reviews: Path | None = None
    bom: bool | None = None
    goals: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    fail_on: str | None = None
    strict: bool = False
    on_track: str | None = None
    behind: str | None = None
    lang: Lang = Lang.ja
    width: int | None = None
    color: Color = Color.auto
    summary: bool = False
    outlook: bool | None = None
    compare_to: int | None = None
    fail_on_worse: bool = False


def check(
    year: YearArg,
    strategy: StrategyOpt = None,
    actuals: ActualsOpt = None,
    fmt: Annotated[
        CheckFormat,
        typer.Option("--format", "-f", help="opt-check-format", metavar="FORMAT"),
    ] = "table",
    output: OutputOpt = None,
    bom: Annotated[
        bool | None,
        typer.Option("--bom/--no-bom", help="opt-bom", show_default=False),
    ] = None,
    goal: GoalOpt = None,
    status: Annotated[
        list[str] | None,
        typer.Option(
            "--status",
            "-s",
            metavar="STATUS",
            help="opt-status",
            show_default=False,
            autocompletion=statuses,
        ),
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            metavar="STATUS",
            help="opt-fail-on",
            show_default=False,
            autocompletion=statuses,
        ),
    ] = None,
    strict: StrictOpt = False,
    on_track: OnTrackOpt = None,
    behind: BehindOpt = None,
    lang: LangOpt = None,
    reviews: ReviewsOpt = None,
    width: WidthOpt = None,
    color: ColorOpt = Color.auto,
    summary: Annotated[bool, typer.Option("--summary", help="opt-summary")] = False,
    outlook: Annotated[
        bool | None,
        typer.Option("--outlook/--no-outlook", help="opt-outlook", show_default=False),
    ] = None,
    compare_to: Annotated[
        int | None,
        typer.Option(
            "--compare", parser=parse_year, metavar="Y0", help="opt-compare", show_default=False
        ),
    ] = None,
    fail_on_worse: FailOnWorseOpt = False,
) -> None:
    run(
        CheckRequest(
            year=year,
            fmt=CheckFormat(fmt).value,
            output=output,
            strategy=strategy,
            actuals=actuals,
            reviews=reviews,
            bom=bom,
            goals=goal or [],
            statuses=status or [],
            fail_on=fail_on,
            strict=strict,
            on_track=on_track,
            behind=behind,
            lang=language(lang),
            width=width,
            color=color,
            summary=summary,
            outlook=outlook,
            compare_to=compare_to,
            fail_on_worse=fail_on_worse,
        )
    )


def run(request: CheckRequest) -> None:
    """Assess every KPI in the year asked for, write the result, exit as asked (1 for
    --fail-on / --fail-on-worse)."""
    fail_status, unknown = _fail_status(request.fail_on)
    wanted = {status(s, "--status") for s in request.statuses}
    s, a, r, _ = load_reviewed(request.strategy, request.actuals, request.reviews, request.fmt)
    fail_grade = _fail_grade(request.fail_on, s, unknown)
    warn_outside_period(s, request.year)
    chosen = goals(request.goals, s)
    report = assess_year(
        s,
        a,
        request.year,
        request.strategy,
        request.strict,
        request.on_track,
        request.behind,
        r,
        request.actuals,
    )
    failing = report.failing(fail_status) or report.failing_grade(fail_grade)
    comparison = _comparison(request, s, a, r)
    if chosen or wanted:
        report = report.filtered(chosen, wanted or None)
    options = _render_options(request, fail_status, fail_grade)
    text = _render(request, report, comparison, options)
    emit(
        text,
        request.output,
        request.strategy,
        request.actuals,
        reviews=request.reviews,
        commands=request.fmt == "github",
    )
    if request.fmt == "github":
        from ..formats.github import write_step_summary

        write_step_summary(report, options)
    if failing:
        _report_failing(failing, fail_status, fail_grade, s)
        raise typer.Exit(Exit.FAIL_ON)
    if comparison is not None and request.fail_on_worse:
        fail_on_worse(comparison)


def _fail_status(value: str | None):
    """--fail-on as a status, and the usage error to raise if it is no grade either."""
    if not value:
        return None, None
    from ..options import OptionError

    try:
        return status(value, "--fail-on"), None
    except OptionError as error:
        return None, error


def _fail_grade(value: str | None, strategy, unknown) -> str | None:
    """--fail-on as a code of the strategy's grades (a status name comes first)."""
    if unknown is None:
        return None
    code = value.strip() if value else ""
    if code in {g.code for g in strategy.evaluation.grades}:
        return code
    raise unknown


def _comparison(request: CheckRequest, s, a, r):
    """--compare Y0 (or --fail-on-worse): the Comparison of Y0 and YEAR, else None."""
    if request.compare_to is None and not request.fail_on_worse:
        return None
    from ..formats.diff import CHECK_COMPARE_FORMATS

    if request.compare_to is None:
        raise Usage("needs-compare", "--fail-on-worse")
    if request.fmt not in CHECK_COMPARE_FORMATS:
        raise Usage("compare-formats", "--compare", formats=", ".join(CHECK_COMPARE_FORMATS))
    return compare_years(
        s,
        a,
        r,
        request.compare_to,
        request.year,
        request.strategy,
        request.strict,
        request.on_track,
        request.behind,
    )


def _render_options(request: CheckRequest, fail_status, fail_grade=None):
    """Colour and width for the table; the language, --fail-on, --summary, --outlook."""
    from dataclasses import replace

    from ..formats import RenderOptions

    if request.fmt == "table":
        options = terminal_options(request.lang, request.output, request.width, request.color)
    else:
        options = RenderOptions(lang=request.lang.value)
    return replace(
        options,
        fail_on=fail_status.value if fail_status else None,
        fail_grade=fail_grade,
        summary_only=request.summary,
        outlook=request.outlook,
    )


def _render(request: CheckRequest, report, comparison, options) -> str | bytes | Iterable[str]:
    """The text (or the workbook) of the report, with the comparison when asked for;
    JSON without a comparison as pieces, written as they are made (`json_format.stream`)."""
    from ..formats import render

    if request.fmt == "xlsx" and request.output is None:
        raise Usage("xlsx-needs-output", "--output")
    if request.fmt == "json" and comparison is None:  # written as it is encoded
        from ..formats.json_format import stream

        return stream(report, options)
    text = render(request.fmt, report, options)
    bom = request.bom if request.bom is not None else request.output is not None
    if request.fmt == "csv" and bom:
        text = "\ufeff" + text  # Excel reads UTF-8 CSV as Shift_JIS without it
    if comparison is not None and request.fmt != "xlsx":
        from ..formats.diff import with_check

        comparison = comparison.only({r.kpi.id for r in report.kpis})
        text = with_check(request.fmt, report, text, comparison, options)
    return text


def _report_failing(failing, fail_status, fail_grade=None, strategy=None) -> None:
    """'pdca: 3 KPIs at or below off-track: a, b, c' (in the language of messages); with a
    grade, 'at or below C Somewhat behind'."""
    from ..i18n import current_lang, grade_label, status_word

    lang = current_lang()
    if fail_status is None:
        word = grade_label(
            next(g for g in strategy.evaluation.grades if g.code == fail_grade), lang
        )
    elif lang == "en":
        word = fail_status.value.replace("_", "-")
    else:
        word = status_word(fail_status, lang)
    ids = ", ".join(r.kpi.id for r in failing[:10]) + (" …" if len(failing) > 10 else "")
    n = len(failing)
    err(msg("fail-on", n=n, n_s=plural(n), status=word, ids=ids) + "\n")
