"""Every year's review (the pydantic `Review`s of `reviews.py`); no pydantic here, so that
a run without review files never imports it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .reviews import Review


@dataclass
class ReviewSet:
    """Every year's review: year -> Review, and the file each came from."""

    years: dict[int, Review] = field(default_factory=dict)
    files: dict[int, str] = field(default_factory=dict)

    def get(self, year: int) -> Review | None:
        return self.years.get(year)
