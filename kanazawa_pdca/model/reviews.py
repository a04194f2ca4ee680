"""pydantic model of the committee's review, and its checks against the strategy.

A file `data/reviews/<year>.yaml` holds the committee's evaluation of one fiscal year:

    goals:    {G1: {rating: B, analysis: …, direction: 継続, plan: …}}
    policies: {1-1: {…}}                 # same fields
    measures: {1-1-1: {…}}               # same fields
    kpis:
      childcare-app-downloads:
        explanation: …                   # 要因分析: why the figure is where it is
        override: {status: on_track, reason: …}

`rating` and `direction` are codes of the strategy's `evaluation.ratings` and
`evaluation.directions`. An override replaces the computed status everywhere and always
carries the committee's reason.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

from ..i18n.messages import Phrase
from ..trajectory import Status
from .checks import Problem
from .strategy import Path, Strategy

Text = Annotated[str, StringConstraints(min_length=1)]

# the statuses an override may set: the ranked ones (a committee judges, it does not
# invent a figure or a target, so no_data and not_assessable are not overrides)
OVERRIDE_STATUSES = tuple(s for s in Status if s.rank is not None)


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)


class GroupReview(Model):
    """The committee's evaluation of a goal, a policy or a measure."""

    rating: Text | None = None  # a code of evaluation.ratings
    analysis: Text | None = None  # what was done and how it went
    direction: Text | None = None  # a code of evaluation.directions
    plan: Text | None = None  # what is to be done next


class Override(Model):
    """The committee's status for a KPI, replacing the computed one; a reason is required."""

    status: str
    reason: str | None = None  # required: checked by check_review, with its own code


class KpiReview(Model):
    """The committee's word on one KPI."""

    explanation: Text | None = None  # 要因分析: why the figure is where it is
    override: Override | None = None


class Review(Model):
    """One year's review."""

    fictional: bool = False  # invented data (examples): reports then carry a banner
    goals: dict[str, GroupReview] = {}
    policies: dict[str, GroupReview] = {}
    measures: dict[str, GroupReview] = {}
    kpis: dict[str, KpiReview] = {}

    def override(self, kpi_id: str) -> tuple[Status, str] | None:
        """The committee's (status, reason) for a KPI, or None."""
        entry = self.kpis.get(kpi_id)
        if entry is None or entry.override is None:
            return None
        return Status.parse(entry.override.status), entry.override.reason or ""

    def explanation(self, kpi_id: str) -> str | None:
        entry = self.kpis.get(kpi_id)
        return entry.explanation if entry else None

    def group(self, code: str) -> GroupReview | None:
        """The review of a goal (G1), a policy (1-2) or a measure (1-2-3), or None."""
        section = (
            self.goals
            if code.startswith("G")
            else (self.measures if code.count("-") == 2 else self.policies)
        )
        return section.get(code)


@dataclass
class ReviewSet:
    """Every year's review: year -> Review, and the file each came from."""

    years: dict[int, Review] = field(default_factory=dict)
    files: dict[int, str] = field(default_factory=dict)

    def get(self, year: int) -> Review | None:
        return self.years.get(year)


def check_review(strategy: Strategy, review: Review) -> list[Problem]:
    """Every code and id resolves; ratings, directions and statuses are in the vocabulary."""
    problems: list[Problem] = []
    goals = {f"G{g.number}" for g in strategy.goals}
    policies = {f"{g.number}-{p.number}" for g in strategy.goals for p in g.policies}
    measures = {
        f"{g.number}-{p.number}-{m.number}"
        for g in strategy.goals
        for p in g.policies
        for m in p.measures
    }
    ratings = [t.code for t in strategy.evaluation.ratings]
    directions = [t.code for t in strategy.evaluation.directions]
    for section, code_name, known in (
        ("goals", "unknown-goal", goals),
        ("policies", "unknown-policy", policies),
        ("measures", "unknown-measure", measures),
    ):
        for code, entry in getattr(review, section).items():
            path: Path = (section, code)
            if code not in known:
                problems.append(_unknown((*path, "<key>"), code_name, "value", code, known))
                continue
            for name, words in (("rating", ratings), ("direction", directions)):
                value = getattr(entry, name)
                if value is not None and value not in words:
                    shown = ", ".join(words) if words else Phrase("none-defined")
                    values = {"where": f"{section}.{code}.{name}", "value": value, "shown": shown}
                    problems.append(Problem((*path, name), f"unknown-{name}", values))
    ids = strategy.kpi_ids
    for kpi_id, entry in review.kpis.items():
        path = ("kpis", kpi_id)
        if kpi_id not in ids:
            problems.append(_unknown((*path, "<key>"), "unknown-kpi", "id", kpi_id, ids))
            continue
        if entry.override is None:
            continue
        try:
            status = Status.parse(entry.override.status)
        except ValueError:
            status = None
        if status not in OVERRIDE_STATUSES:
            values = {
                "where": f"kpis.{kpi_id}.override.status",
                "value": entry.override.status,
                "names": ", ".join(s.value for s in OVERRIDE_STATUSES),
            }
            problems.append(
                Problem((*path, "override", "status"), "unknown-status", values, variant="override")
            )
        if not (entry.override.reason or "").strip():
            values = {"where": f"kpis.{kpi_id}.override"}
            problems.append(
                Problem((*path, "override", "reason"), "override-without-reason", values)
            )
    return problems


def _unknown(path: Path, code: str, name: str, value: str, known) -> Problem:
    """`name`: the value's placeholder in the code's template (`value`, or `id` for a KPI)."""
    hint = difflib.get_close_matches(str(value), sorted(known), n=1, cutoff=0.75)
    shown = Phrase("did-you-mean", hint=hint[0]) if hint else ""
    return Problem(path, code, {name: value, "hint": shown})
