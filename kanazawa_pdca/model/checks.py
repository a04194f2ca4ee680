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
from .strategy import RELATIVE, Kpi, Path, Strategy, derived_target

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
    problems += _check_grades(s)
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
    for name in ("ratings", "directions", "grades"):
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


def _check_grades(s: Strategy) -> list[Problem]:
    """Grades, best first: every band but the last has a `min`, the last has none, and
    the mins decrease strictly."""
    out = []
    grades = s.evaluation.grades
    previous = None
    for i, grade in enumerate(grades):
        here = ("evaluation", "grades", i)
        last = i == len(grades) - 1
        if last and grade.min is not None:
            out.append(Problem((*here, "min"), "grade-min", {"code": grade.code}, variant="last"))
        elif not last and grade.min is None:
            out.append(Problem(here, "grade-min", {"code": grade.code}, variant="missing"))
        if grade.min is not None:
            if previous is not None and grade.min >= previous[1]:
                values = {"code": grade.code, "min": grade.min, "above": previous[0]}
                values["above_min"] = previous[1]
                out.append(Problem((*here, "min"), "grade-order", values))
            previous = (grade.code, grade.min)
    return out


def _check_kpi(s: Strategy, kpi: Kpi, path: Path) -> list[Problem]:
    """One KPI's own consistency: its baseline, target and milestones, its figures, its
    period."""
    return [
        *_check_baseline(kpi, path),
        *_check_target(s, kpi, path),
        *_check_relative(kpi, path),
        *_check_milestones(kpi, path),
        *_check_percentages(kpi, path),
        *_check_period(s, kpi, path),
    ]


def _check_baseline(kpi: Kpi, path: Path) -> list[Problem]:
    """A baseline is a year, a value and its text together, or only its text (none was
    printed), or absent."""
    b = kpi.baseline
    if (b.year is None) != (b.value is None) or (b.known and b.text is None):
        return [Problem((*path, "baseline"), "baseline-partial")]
    return []


def _check_relative(kpi: Kpi, path: Path) -> list[Problem]:
    """A relative target (factor, points, percent, annual_growth): one form, on a level or
    cumulative KPI with an exact / at_least / maintain target (annual growth: exact or
    at_least), with a baseline to derive it from; a value given too agrees with it to the
    decimals it is written with. `above` takes its value from the baseline: a value given
    is the baseline's."""
    t, b = kpi.target, kpi.baseline
    target = (*path, "target")
    forms = [name for name in RELATIVE if getattr(t, name) is not None]
    if t.kind == "above":
        if forms:
            return [Problem((*target, forms[0]), "relative-unused", {"form": forms[0]})]
        if not b.known:
            return [Problem((*target, "kind"), "above-needs-baseline")]
        if t.value is not None and t.value != b.value:
            values = {"value": t.value, "baseline": b.value}
            return [Problem((*target, "value"), "above-value", values)]
        return []
    if not forms:
        return []
    form = forms[0]
    here = (*target, form)
    if len(forms) > 1:
        return [Problem((*target, forms[1]), "relative-forms", {"forms": ", ".join(forms)})]
    allowed = (
        ("exact", "at_least") if form == "annual_growth" else ("exact", "at_least", "maintain")
    )
    if kpi.kind not in ("level", "cumulative") or t.kind not in allowed:
        return [Problem(here, "relative-unused", {"form": form})]
    if b.value is None or (form == "annual_growth" and b.year is None):
        return [Problem(here, "relative-needs-baseline", {"form": form})]
    exact = derived_target(kpi)
    if exact is None:  # an annual growth whose target year is not after the baseline's
        return []  # (year-order says so)
    if t.derived is None and t.value is not None and not _agrees(t.value, exact):
        values = {"value": t.value, "derived": float(exact), "form": form}
        return [Problem((*target, "value"), "relative-mismatch", values)]
    return []


def _agrees(value: float, exact) -> bool:
    """The value as written equals the exact figure rounded to the value's decimals."""
    from decimal import ROUND_HALF_UP, Decimal

    written = Decimal(repr(value))
    derived = Decimal(exact.numerator) / Decimal(exact.denominator)
    step = Decimal(1).scaleb(written.as_tuple().exponent)  # type: ignore[arg-type]
    if written.as_tuple().exponent >= 0:  # type: ignore[operator]
        step = Decimal(1)
    return derived.quantize(step, rounding=ROUND_HALF_UP) == written.quantize(step)


def _check_milestones(kpi: Kpi, path: Path) -> list[Problem]:
    """Milestones (interim targets) on a level or cumulative KPI's exact / at_least target:
    years strictly between the baseline's and the target's, in order, each no worse than
    the point before it (the baseline, a milestone) and no better than the target."""
    if not kpi.milestones:
        return []
    t, b = kpi.target, kpi.baseline
    here = (*path, "milestones")
    if kpi.kind not in ("level", "cumulative") or t.kind not in ("exact", "at_least"):
        return [Problem(here, "milestones-unused", {"kind": kpi.kind, "target": t.kind})]
    out = []
    prev_year, prev_value = b.year, b.value
    for i, m in enumerate(kpi.milestones):
        at = (*here, i)
        after = prev_year if prev_year is not None else m.year - 1
        if (b.year is not None and m.year <= b.year) or (t.year is not None and m.year >= t.year):
            values = {"year": m.year, "baseline": b.year, "target": t.year}
            variant = "between" if b.year is not None else "before"
            out.append(Problem((*at, "year"), "milestone-year", values, variant=variant))
        elif m.year <= after:
            out.append(Problem((*at, "year"), "milestone-order", {"year": m.year, "before": after}))
        if prev_value is not None and kpi.sign * (m.value - prev_value) < 0:
            values = {"value": m.value, "before": prev_value, "direction": kpi.direction}
            out.append(Problem((*at, "value"), "milestone-direction", values))
        prev_year, prev_value = m.year, m.value
    last = kpi.milestones[-1]
    if t.value is not None and kpi.sign * (t.value - last.value) < 0:
        values = {"value": last.value, "target": t.value, "direction": kpi.direction}
        variant = "target"
        out.append(
            Problem(
                (*here, len(kpi.milestones) - 1, "value"),
                "milestone-direction",
                values,
                variant=variant,
            )
        )
    return out


def _check_target(s: Strategy, kpi: Kpi, path: Path) -> list[Problem]:
    """A reset target has nothing; any other has a value and a year, after the baseline's
    and within the strategy's period, on the side of the baseline the direction wants."""
    b, t = kpi.baseline, kpi.target
    target = (*path, "target")
    if t.kind == "reset":
        if t.value is not None or t.year is not None or t.relative is not None:
            return [Problem(target, "reset-has-value")]
        return []
    out = []
    if t.value is None and t.relative is None and t.kind != "above":
        out.append(Problem((*target, "value"), "target-missing", variant="value"))
    span = s.meta.period
    if t.year is None:
        out.append(Problem((*target, "year"), "target-missing", variant="year"))
    elif b.year is not None and t.year <= b.year:
        values = {"target": t.year, "baseline": b.year}
        out.append(Problem((*target, "year"), "year-order", values))
    elif not span.start <= t.year <= span.end:
        values = {"year": t.year, "start": span.start, "end": span.end}
        out.append(Problem((*target, "year"), "outside-period", values, variant="target"))
    if (
        t.value is not None
        and b.value is not None
        and t.kind in ("exact", "at_least")
        and kpi.kind not in ("period_total", "period_average")
        and kpi.sign * (t.value - b.value) <= 0
    ):
        values = {"direction": kpi.direction, "target": t.value, "baseline": b.value}
        variant = "increase" if kpi.sign > 0 else "decrease"
        out.append(Problem((*path, "direction"), "direction-mismatch", values, variant=variant))
    return out


def _check_percentages(kpi: Kpi, path: Path) -> list[Problem]:
    """A percentage's baseline, milestones and target lie within 0–100 (`figure_bounds`)."""
    low, high = figure_bounds(kpi)
    if high is None:
        return []
    figures: list[tuple[Path, float | None]] = [(("baseline",), kpi.baseline.value)]
    figures += [(("milestones", i), m.value) for i, m in enumerate(kpi.milestones)]
    figures.append((("target",), kpi.target.value))
    return [
        Problem((*path, *node, "value"), "percentage-range", {"value": value})
        for node, value in figures
        if value is not None and not low <= value <= high
    ]


def _check_period(s: Strategy, kpi: Kpi, path: Path) -> list[Problem]:
    """A period runs forwards within the strategy's; a period_total or period_average KPI
    has one, and only they and a maintain target may. What the rules cannot judge is
    refused (DESIGN "Exactness"): a period total or average whose target year is not its
    window's last year or whose direction is decrease; a maintain window that starts
    before the baseline year."""
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
    periodic = kpi.kind in ("period_total", "period_average")
    if periodic and kpi.period is None:
        variant = "average" if kpi.kind == "period_average" else None
        out.append(Problem(here, "period-missing", variant=variant))
    if kpi.period is not None and not periodic and kpi.target.kind != "maintain":
        out.append(Problem(here, "period-unused"))
    t = kpi.target
    if periodic and kpi.period is not None and kpi.assessable:
        if t.year is not None and t.year != kpi.period[1]:
            values = {"kind": kpi.kind, "year": t.year, "end": kpi.period[1]}
            out.append(Problem((*path, "target", "year"), "period-target-year", values))
        if kpi.direction == "decrease":
            out.append(Problem((*path, "direction"), "period-decrease", {"kind": kpi.kind}))
    base_year = kpi.baseline.year
    window = kpi.period
    if t.kind == "maintain" and window and base_year is not None and window[0] < base_year:
        values = {"start": window[0], "baseline": base_year}
        out.append(Problem(here, "maintain-window", values))
    return out
