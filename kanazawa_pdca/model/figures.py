"""A figure (a baseline, a target, an actual, a threshold): a finite number of sane size.

NaN and ±infinity are no figure. Nor is a number beyond 10^15 in size, or a non-zero one
below 10^-9: no KPI of a city's strategy is counted in quadrillions or billionths, and
within these bounds every derived number (attainment, progress, the outlook's pace and
projection, period sums) stays a finite float, so no format can overflow (1e308 made
the table, Markdown and JUnit raise OverflowError). Code: `figure-range`.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

MAX_FIGURE = 1e15
MIN_FIGURE = 1e-9


def _sane(value: float) -> float:
    if value != 0 and not (MIN_FIGURE <= abs(value) <= MAX_FIGURE):
        raise PydanticCustomError(
            "figure_range",
            "a figure must be 0 or between 1e-9 and 1e15 in size, got {shown}",
            {"shown": f"{value:g}"},
        )
    return value


Figure = Annotated[float, Field(allow_inf_nan=False), AfterValidator(_sane)]
