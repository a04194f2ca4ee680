"""pydantic model of one KPI actual (imported only when an actuals file is validated)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

from .figures import Figure

Text = Annotated[str, StringConstraints(min_length=1)]


class Actual(BaseModel):
    """One recorded figure: the value at the end of (or over) one fiscal year, and its source."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)

    value: Figure
    source: Text | None = None
    note: Text | None = None
