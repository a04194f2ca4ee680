"""`pdca report YEAR -o FILE`: the report for the committee's meeting (HTML or Markdown)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..diagnostics import Exit
from ..i18n import text as msg
from .common import (
    ActualsOpt,
    BehindOpt,
    LangOpt,
    OnTrackOpt,
    ReviewsOpt,
    StrategyOpt,
    StrictOpt,
    YearArg,
    assess_year,
    emit,
    err,
    language,
    load_reviewed,
    warn_outside_period,
)


class ReportFormat(StrEnum):
    html = "html"
    md = "md"


def report(
    year: YearArg,
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="opt-report-output", metavar="FILE"),
    ],
    fmt: Annotated[
        ReportFormat | None,
        typer.Option("--format", "-f", help="opt-report-format", metavar="FORMAT"),
    ] = None,
    strategy: StrategyOpt = None,
    actuals: ActualsOpt = None,
    reviews: ReviewsOpt = None,
    strict: StrictOpt = False,
    on_track: OnTrackOpt = None,
    behind: BehindOpt = None,
    lang: LangOpt = None,
    no_charts: Annotated[bool, typer.Option("--no-charts", help="opt-no-charts")] = False,
) -> None:
    lang = language(lang)
    fmt = _report_format(output, fmt)
    s, a, r, _ = load_reviewed(strategy, actuals, reviews)
    warn_outside_period(s, year)
    result = assess_year(s, a, year, strategy, strict, on_track, behind, r)
    previous = assess_year(s, a, year - 1, strategy, strict, on_track, behind, r)
    from ..report import render_report

    text = render_report(result, lang.value, fmt.value, previous=previous, charts=not no_charts)
    emit(text, output, strategy, actuals, reviews=reviews)
    from ..i18n import current_lang
    from ..years import label

    when = label(year, current_lang())
    err(msg("report-written", path=output, n=len(result.kpis), year=when) + "\n")


# what a report file can never be: pdca writes text (HTML, Markdown), not these
BINARY_SUFFIXES = {
    ".pdf", ".xlsx", ".xls", ".xlsm", ".ods", ".docx", ".doc", ".odt", ".pptx", ".png",
    ".jpg", ".jpeg", ".gif", ".svg", ".zip", ".csv", ".json", ".xml", ".yaml", ".yml",
}  # fmt: skip


def _report_format(output: Path, fmt: ReportFormat | None) -> ReportFormat:
    """The format from -f or the file's suffix; an unwritable suffix is refused (exit 2)."""
    from ..report import SUFFIXES

    suffix = output.suffix.lower()
    if suffix in BINARY_SUFFIXES or (fmt is None and suffix not in SUFFIXES):
        hint = msg("report-pdf-hint" if suffix == ".pdf" else "report-suffix-hint")
        shown = suffix or msg("report-no-suffix")
        line = msg("report-unsupported", suffix=shown, hint=hint)
        err(f"{output}: {line} [unsupported-output]\n")
        raise typer.Exit(Exit.BAD_INPUT)
    return fmt or ReportFormat(SUFFIXES[suffix])
