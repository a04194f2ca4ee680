"""`pdca validate`: check the strategy, every actuals file and every review."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from ..i18n import plural
from ..i18n import text as msg
from .common import ActualsOpt, LangOpt, ReviewsOpt, StrategyOpt, load_reviewed, out


class ValidateFormat(StrEnum):
    text = "text"
    github = "github"


def validate(
    strategy: StrategyOpt = None,
    actuals: ActualsOpt = None,
    reviews: ReviewsOpt = None,
    fmt: Annotated[
        ValidateFormat,
        typer.Option("--format", "-f", help="opt-validate-format", metavar="FORMAT"),
    ] = ValidateFormat.text,
    lang: LangOpt = None,
) -> None:
    s, a, r, warnings = load_reviewed(strategy, actuals, reviews, fmt.value)
    from ..load import display_name, resolve_actuals, resolve_reviews, resolve_strategy

    c = s.counts()
    figures = sum(len(v) for v in a.years.values())
    years = ", ".join(str(y) for y in sorted(a.years)) or msg("none")
    out(msg("validate-strategy", path=display_name(resolve_strategy(strategy)), **c) + "\n")
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
    out(line + "\n")
    reviews_dir = resolve_reviews(reviews)[0]
    if r.years or reviews_dir.is_dir():
        years = ", ".join(str(y) for y in sorted(r.years)) or msg("none")
        n = len(r.years)
        path = display_name(reviews_dir)
        out(msg("validate-reviews", path=path, n=n, n_s=plural(n), years=years) + "\n")
