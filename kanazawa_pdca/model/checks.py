"""The cross-checks between the parts of a strategy (the pydantic models of `strategy.py`,
which this module imports; they never import it).

`cross_check` checks what a single field cannot see: unique ids, references that
resolve, re-listings that point backwards, figures consistent with the direction, …
Each problem is returned with the path of the offending node, so the loader can turn
it into FILE:LINE:COL.
"""

from __future__ import annotations

from typing import NamedTuple

from .strategy import Kpi, Path, Strategy


def figure_bounds(kpi: Kpi) -> tuple[int, int | None]:
    """The range a figure of the KPI can take: 0–100 for a percentage, 0 and up for
    anything else (no KPI's figure is negative; None: no upper limit). Figures are held to
    it and the outlook's projection stays within it."""
    return (0, 100) if kpi.unit == "%" else (0, None)


class Problem(NamedTuple):
    """A cross-check finding: the path of the node at fault, a stable code, a message."""

    path: Path
    code: str
    message: str
    severity: str = "error"


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
                f"thresholds must satisfy 0 < behind ({t.behind:g}) < on_track ({t.on_track:g})",
            )
        )
    if s.meta.period.start > s.meta.period.end:
        problems.append(
            Problem(("meta", "period"), "period-order", "period start is after its end")
        )
    return problems


def _check_vocabularies(s: Strategy) -> list[Problem]:
    out = []
    for name in ("ratings", "directions"):
        seen: set[str] = set()
        for i, term in enumerate(getattr(s.evaluation, name)):
            if term.code in seen:
                out.append(
                    Problem(
                        ("evaluation", name, i, "code"),
                        "duplicate-code",
                        f"evaluation.{name}: code {term.code!r} is defined twice",
                    )
                )
            seen.add(term.code)
    return out


def _numbered(items, path: Path, what: str) -> list[Problem]:
    out = []
    for i, item in enumerate(items):
        if item.number != i + 1:
            out.append(
                Problem(
                    (*path, i, "number"),
                    "numbering",
                    f"{what} number {item.number} out of sequence (expected {i + 1})",
                )
            )
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
            out.append(
                Problem(
                    ("kpis", i, "id"),
                    "duplicate-id",
                    f"KPI id {kpi.id!r} is already defined (kpis[{seen[kpi.id]}])",
                )
            )
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
            out.append(
                Problem((*p.path, "kpi"), "unknown-kpi", f"unknown KPI id {kpi_id!r} in {p.code}")
            )
            continue
        if p.ref.relisted and kpi_id not in printed:
            out.append(
                Problem(
                    (*p.path, "relisted"),
                    "relisted-first",
                    f"KPI {kpi_id!r} is marked 再掲 in {p.code} but is not printed earlier",
                )
            )
        printed.add(kpi_id)
    printed_in = s.printed_in()
    order = {k.id: i for i, k in enumerate(s.kpis)}
    first_seen = list(printed_in)
    for i, kpi in enumerate(s.kpis):
        path = ("kpis", i)
        if kpi.id not in printed_in:
            out.append(
                Problem((*path, "id"), "unreferenced-kpi", f"KPI {kpi.id!r} is never printed")
            )
            continue
        if kpi.measures != printed_in[kpi.id]:
            out.append(
                Problem(
                    (*path, "measures"),
                    "measures-mismatch",
                    f"KPI {kpi.id!r}: measures {kpi.measures} do not match where it is printed "
                    f"({printed_in[kpi.id]})",
                )
            )
    # KPIs are defined in order of first printing, so the file reads like the document.
    expected = [k for k in first_seen if k in order]
    actual = [k.id for k in s.kpis if k.id in printed_in]
    if expected != actual:
        for want, got in zip(expected, actual, strict=True):
            if want != got:
                out.append(
                    Problem(
                        ("kpis", order[got], "id"),
                        "kpi-order",
                        f"KPIs must be defined in order of first printing: expected {want!r} "
                        f"here, found {got!r}",
                    )
                )
                break
    return out


def _check_kpi(s: Strategy, kpi: Kpi, path: Path) -> list[Problem]:
    out = []
    b, t = kpi.baseline, kpi.target
    span = s.meta.period
    if t.kind == "reset":
        if t.value is not None or t.year is not None:
            out.append(
                Problem(
                    (*path, "target"),
                    "reset-has-value",
                    "a 'reset' target has no year and no value (it is to be set again)",
                )
            )
    else:
        if t.value is None:
            out.append(
                Problem((*path, "target", "value"), "target-missing", "target value is missing")
            )
        if t.year is None:
            out.append(
                Problem((*path, "target", "year"), "target-missing", "target year is missing")
            )
        elif t.year <= b.year:
            out.append(
                Problem(
                    (*path, "target", "year"),
                    "year-order",
                    f"target year {t.year} is not after the baseline year {b.year}",
                )
            )
        elif not span.start <= t.year <= span.end:
            out.append(
                Problem(
                    (*path, "target", "year"),
                    "outside-period",
                    f"target year {t.year} is outside the strategy's period "
                    f"{span.start}–{span.end}",
                )
            )
        if (
            t.value is not None
            and t.kind in ("exact", "at_least")
            and kpi.kind != "period_total"
            and kpi.sign * (t.value - b.value) <= 0
        ):
            better = "above" if kpi.sign > 0 else "below"
            out.append(
                Problem(
                    (*path, "direction"),
                    "direction-mismatch",
                    f"direction is {kpi.direction} but the target {t.value:g} is not {better} "
                    f"the baseline {b.value:g}",
                )
            )
    low, high = figure_bounds(kpi)
    if high is not None:
        for node, value in (("baseline", b.value), ("target", t.value)):
            if value is not None and not low <= value <= high:
                out.append(
                    Problem(
                        (*path, node, "value"),
                        "percentage-range",
                        f"a percentage must be within 0–100, got {value:g}",
                    )
                )
    if kpi.period is not None:
        start, end = kpi.period
        if start > end:
            out.append(Problem((*path, "period"), "period-order", "period start is after its end"))
        elif start < span.start or end > span.end:
            out.append(
                Problem(
                    (*path, "period"),
                    "outside-period",
                    f"period {start}–{end} is outside the strategy's period "
                    f"{span.start}–{span.end}",
                )
            )
    if kpi.kind == "period_total" and kpi.period is None:
        out.append(
            Problem((*path, "period"), "period-missing", "a period_total KPI needs a period")
        )
    if kpi.period is not None and kpi.kind != "period_total" and t.kind != "maintain":
        out.append(
            Problem(
                (*path, "period"),
                "period-unused",
                "a period applies only to period_total KPIs and maintain targets",
            )
        )
    return out
