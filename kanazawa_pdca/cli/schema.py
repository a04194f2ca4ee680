"""`pdca schema KIND`: the JSON Schema of a kind of YAML file, for editors."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from .common import OutputOpt, StrategyOpt, emit, load_strategy


class SchemaKind(StrEnum):
    strategy = "strategy"
    actuals = "actuals"
    reviews = "reviews"


def schema(
    kind: Annotated[
        SchemaKind, typer.Argument(help="arg-schema-kind", metavar="KIND", show_default=False)
    ],
    strategy: StrategyOpt = None,
    output: OutputOpt = None,
) -> None:
    from ..schema import generate

    # the actuals and reviews schemas name the strategy's KPI ids (and codes, vocabularies)
    s = load_strategy(strategy) if kind is not SchemaKind.strategy else None
    emit(generate(kind.value, s), output, strategy)
