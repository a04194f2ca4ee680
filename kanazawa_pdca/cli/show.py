"""`pdca show KPI`: one KPI in full, with its chart."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from .common import (
    ActualsOpt,
    BehindOpt,
    Color,
    ColorOpt,
    LangOpt,
    OnTrackOpt,
    OutputOpt,
    ReviewsOpt,
    StrategyOpt,
    StrictOpt,
    WidthOpt,
    assess_year,
    emit,
    language,
    load_reviewed,
    lookup_kpi,
    parse_year,
    terminal_options,
)
from .complete import kpi_ids


class ShowFormat(StrEnum):
    text = "text"
    json = "json"


def show(
    kpi: Annotated[
        str,
        typer.Argument(
            metavar="KPI", help="arg-show-kpi", show_default=False, autocompletion=kpi_ids
        ),
    ],
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            "-y",
            parser=parse_year,
            metavar="YEAR",
            help="opt-show-year",
            show_default=False,
        ),
    ] = None,
    strategy: StrategyOpt = None,
    actuals: ActualsOpt = None,
    reviews: ReviewsOpt = None,
    fmt: Annotated[
        ShowFormat, typer.Option("--format", "-f", help="opt-show-format", metavar="FORMAT")
    ] = ShowFormat.text,
    chart: Annotated[bool, typer.Option("--chart/--no-chart", help="opt-chart")] = True,
    output: OutputOpt = None,
    strict: StrictOpt = False,
    on_track: OnTrackOpt = None,
    behind: BehindOpt = None,
    lang: LangOpt = None,
    width: WidthOpt = None,
    color: ColorOpt = Color.auto,
) -> None:
    lang = language(lang)
    s, a, r, _ = load_reviewed(strategy, actuals, reviews)
    from ..history import kpi_history

    found = lookup_kpi(s, kpi, lang, "show")
    if year is None:
        year = max(a.years, default=s.meta.period.start)
    th = assess_year(s, a, year, strategy, strict, on_track, behind, r).thresholds
    history = kpi_history(s, a, found, year, th, strict=strict, reviews=r)
    from ..formats.show import render_json, render_text

    if fmt is ShowFormat.json:
        text = render_json(history)
    else:
        text = render_text(history, terminal_options(lang, output, width, color), chart=chart)
    emit(text, output, strategy, actuals)
