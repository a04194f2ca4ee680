"""The cross-checks between the parts of a strategy (the pydantic models of `strategy.py`,
which this module imports; they never import it).

`cross_check` checks what a single field cannot see: unique ids, references that
resolve, re-listings that point backwards, figures consistent with the direction, …
Each problem is returned with the path of the offending node, so the loader can turn
it into FILE:LINE:COL.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

from ..i18n.messages import Phrase
from .strategy import Kpi, Path, Strategy

NO_VALUES: Mapping[str, Any] = MappingProxyType({})


def figure_bounds(kpi: Kpi) -> tuple[int, int | None]:
    """The range a figure of the KPI can take: 0–100 for a percentage, 0 and up for
    anything else (no KPI's figure is negative; None: no upper limit). Figures are held to
    it and the outlook's projection stays within it."""
    return (0, 100) if kpi.unit == "%" else (0, None)


class Problem(NamedTuple):
    """A cross-check finding: the path of the node at fault, a stable code, the values of
    its message (rendered in the reader's language by `i18n`), severity, wording variant."""

    path: Path
    code: str
    values: Mapping[str, Any] = NO_VALUES
    severity: str = "error"
    variant: str | None = None


def cross_check(s: Strategy) -> list[Problem]:
    """Everything that spans several nodes of a valid-shaped document."""
    problems: list[Problem] = []
    problems += _check_numbering(s)
    problems += _check_kpi_ids(s)
    problems += _check_references(s)
    for i, kpi in enumerate(s.kpis):
        problems += _check_kpi(s, kpi, ("kpis", i))
    problems += _check_vocabularies(s)
    t = s.evaluation.thresholds
    if not 0 < t.behind < t.on_track:
        problems.append(
            Problem(
                ("evaluation", "thresholds", "behind"),
                "thresholds-order",
                {"behind": t.behind, "on_track": t.on_track},
            )
        )
    if s.meta.period.start > s.meta.period.end:
        problems.append(Problem(("meta", "period"), "period-order"))
    return problems


def _check_vocabularies(s: Strategy) -> list[Problem]:
    out = []
    for name in ("ratings", "directions"):
        seen: set[str] = set()
        for i, term in enumerate(getattr(s.evaluation, name)):
            if term.code in seen:
                path = ("evaluation", name, i, "code")
                out.append(Problem(path, "duplicate-code", {"name": name, "code": term.code}))
            seen.add(term.code)
    return out


def _numbered(items, path: Path, what: str) -> list[Problem]:
    out = []
    for i, item in enumerate(items):
        if item.number != i + 1:
            values = {"what": Phrase(f"numbering.{what}"), "number": item.number, "expected": i + 1}
            out.append(Problem((*path, i, "number"), "numbering", values))
    return out


def _check_numbering(s: Strategy) -> list[Problem]:
    out = _numbered(s.goals, ("goals",), "goal")
    for gi, goal in enumerate(s.goals):
        out += _numbered(goal.policies, ("goals", gi, "policies"), "policy")
        for pi, policy in enumerate(goal.policies):
            path = ("goals", gi, "policies", pi, "measures")
            out += _numbered(policy.measures, path, "measure")
    out += _numbered(s.footnotes, ("footnotes",), "footnote")
    return out


def _check_kpi_ids(s: Strategy) -> list[Problem]:
    seen: dict[str, int] = {}
    out = []
    for i, kpi in enumerate(s.kpis):
        if kpi.id in seen:
            values = {"id": kpi.id, "first": seen[kpi.id]}
            out.append(Problem(("kpis", i, "id"), "duplicate-id", values))
        else:
            seen[kpi.id] = i
    return out


def _check_references(s: Strategy) -> list[Problem]:
    out = []
    ids = s.kpi_ids
    printed: set[str] = set()
    for p in s.printings():
        kpi_id = p.ref.kpi
        if kpi_id not in ids:
            values = {"id": kpi_id, "code": p.code}
            out.append(Problem((*p.path, "kpi"), "unknown-kpi", values, variant="printed"))
            continue
        if p.ref.relisted and kpi_id not in printed:
            values = {"id": kpi_id, "code": p.code}
            out.append(Problem((*p.path, "relisted"), "relisted-first", values))
        printed.add(kpi_id)
    printed_in = s.printed_in()
    order = {k.id: i for i, k in enumerate(s.kpis)}
    first_seen = list(printed_in)
    for i, kpi in enumerate(s.kpis):
        path = ("kpis", i)
        if kpi.id not in printed_in:
            out.append(Problem((*path, "id"), "unreferenced-kpi", {"id": kpi.id}))
            continue
        if kpi.measures != printed_in[kpi.id]:
            values = {"id": kpi.id, "measures": kpi.measures, "printed": printed_in[kpi.id]}
            out.append(Problem((*path, "measures"), "measures-mismatch", values))
    # KPIs are defined in order of first printing, so the file reads like the document.
    expected = [k for k in first_seen if k in order]
    actual = [k.id for k in s.kpis if k.id in printed_in]
    if expected != actual:
        for want, got in zip(expected, actual, strict=True):
            if want != got:
                values = {"want": want, "got": got}
                out.append(Problem(("kpis", order[got], "id"), "kpi-order", values))
                break
    return out


def _check_kpi(s: Strategy, kpi: Kpi, path: Path) -> list[Problem]:
    """One KPI's own consistency: its target, its figures, its period."""
    return [
        *_check_target(s, kpi, path),
        *_check_percentages(kpi, path),
        *_check_period(s, kpi, path),
    ]


def _check_target(s: Strategy, kpi: Kpi, path: Path) -> list[Problem]:
    """A reset target has nothing; any other has a value and a year, after the baseline's
    and within the strategy's period, on the side of the baseline the direction wants."""
    b, t = kpi.baseline, kpi.target
    target = (*path, "target")
    if t.kind == "reset":
        if t.value is not None or t.year is not None:
            return [Problem(target, "reset-has-value")]
        return []
    out = []
    if t.value is None:
        out.append(Problem((*target, "value"), "target-missing", variant="value"))
    span = s.meta.period
    if t.year is None:
        out.append(Problem((*target, "year"), "target-missing", variant="year"))
    elif t.year <= b.year:
        values = {"target": t.year, "baseline": b.year}
        out.append(Problem((*target, "year"), "year-order", values))
    elif not span.start <= t.year <= span.end:
        values = {"year": t.year, "start": span.start, "end": span.end}
        out.append(Problem((*target, "year"), "outside-period", values, variant="target"))
    if (
        t.value is not None
        and t.kind in ("exact", "at_least")
        and kpi.kind != "period_total"
        and kpi.sign * (t.value - b.value) <= 0
    ):
        values = {"direction": kpi.direction, "target": t.value, "baseline": b.value}
        variant = "increase" if kpi.sign > 0 else "decrease"
        out.append(Problem((*path, "direction"), "direction-mismatch", values, variant=variant))
    return out


def _check_percentages(kpi: Kpi, path: Path) -> list[Problem]:
    """A percentage's baseline and target lie within 0–100 (`figure_bounds`)."""
    low, high = figure_bounds(kpi)
    if high is None:
        return []
    return [
        Problem((*path, node, "value"), "percentage-range", {"value": value})
        for node, value in (("baseline", kpi.baseline.value), ("target", kpi.target.value))
        if value is not None and not low <= value <= high
    ]


def _check_period(s: Strategy, kpi: Kpi, path: Path) -> list[Problem]:
    """A period runs forwards within the strategy's; a period_total KPI has one, and only
    it and a maintain target may."""
    out = []
    here = (*path, "period")
    span = s.meta.period
    if kpi.period is not None:
        start, end = kpi.period
        if start > end:
            out.append(Problem(here, "period-order"))
        elif start < span.start or end > span.end:
            values = {"first": start, "last": end, "start": span.start, "end": span.end}
            out.append(Problem(here, "outside-period", values, variant="period"))
    if kpi.kind == "period_total" and kpi.period is None:
        out.append(Problem(here, "period-missing"))
    if kpi.period is not None and kpi.kind != "period_total" and kpi.target.kind != "maintain":
        out.append(Problem(here, "period-unused"))
    return out
