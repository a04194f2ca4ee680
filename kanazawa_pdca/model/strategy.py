"""pydantic models of data/strategy.yaml and the cross-checks between its parts.

The models validate one document's shape (types, required fields, no unknown fields).
`cross_check` then checks what a single field cannot see: unique ids, references that
resolve, re-listings that point backwards, figures consistent with the direction, …
Each problem is returned with the path of the offending node, so the loader can turn
it into FILE:LINE:COL.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Annotated, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, StringConstraints

Path = tuple[str | int, ...]

KPI_ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
MEASURE_CODE = re.compile(r"^(\d+)-(\d+)-(\d+)$")
GOAL_CODE = re.compile(r"^G(\d+)$")

Text = Annotated[str, StringConstraints(min_length=1)]
Year = Annotated[int, Field(ge=1989, le=2100)]
KpiId = Annotated[str, StringConstraints(pattern=KPI_ID_PATTERN)]

Direction = Literal["increase", "decrease"]
KpiKind = Literal["level", "cumulative", "period_total"]
TargetKind = Literal["exact", "at_least", "maintain", "reset"]


class Model(BaseModel):
    # defer_build: the validators are built when a file is first validated, not when
    # the module is imported (`pdca --help`, `pdca schema` never need them).
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)


class Period(Model):
    """A span of fiscal years (start and end included)."""

    start: Year
    end: Year


class Meta(Model):
    """The document: title, issuer, issued and revised (YYYY-MM), the strategy's period."""

    title: Text
    title_en: Text
    issuer: Text
    issued: Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}$")]
    revised: Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}$")] | None = None
    period: Period
    source: Text | None = None


class Thresholds(Model):
    """Attainment at or above `on_track` is on track; at or above `behind`, behind."""

    on_track: float = 1.0
    behind: float = 0.6


class Term(Model):
    """One word of a review vocabulary: a rating (A, B, …) or a direction (継続, 拡充, …)."""

    code: Text
    label: Text
    label_en: Text
    meaning: Text
    meaning_en: Text | None = None


class Evaluation(Model):
    """How KPIs are judged (the thresholds) and the words the committee's review may use.

    `ratings` and `directions` are the vocabularies of `data/reviews/<year>.yaml`: a
    review's `rating` and `direction` must be one of their codes.
    """

    thresholds: Thresholds = Field(default_factory=Thresholds)
    default_scale: bool = False  # True: the vocabularies are pdca's default, not the city's
    ratings: list[Term] = []
    directions: list[Term] = []


class KpiRef(Model):
    """A place where a KPI is printed; `relisted` when printed with 〔再掲〕."""

    kpi: Text
    relisted: bool = False


class Project(Model):
    """A project (具体的な事業) as printed; `relisted` when printed with 〔再掲〕."""

    text: Text
    relisted: bool = False
    note: Text | None = None


class Measure(Model):
    """A measure (①, ②, …): reference code G-P-M."""

    number: Annotated[int, Field(ge=1)]
    title: Text
    title_en: Text
    description: Text
    kpis: list[KpiRef] = []
    projects: list[Project] = []


class Policy(Model):
    """A policy (施策 (1), (2), …) of a basic goal."""

    number: Annotated[int, Field(ge=1)]
    title: Text
    title_en: Text
    measures: list[Measure]


class Goal(Model):
    """A basic goal (基本目標): its numerical targets (数値目標, code G1…), directions, policies."""

    number: Annotated[int, Field(ge=1)]
    title: Text
    title_en: Text
    targets: list[KpiRef] = []
    directions: list[Text] = []
    policies: list[Policy]


class Footnote(Model):
    """A glossary footnote (※1 …)."""

    number: Annotated[int, Field(ge=1)]
    term: Text
    text: Text


class Baseline(Model):
    """The starting figure: fiscal year, value, and the text as printed."""

    year: Year
    value: float
    text: Text


class Target(Model):
    """The target: exact, at_least (以上), maintain (以上を維持) or reset (再設定: no value)."""

    year: Year | None
    value: float | None
    kind: TargetKind
    text: Text


class Kpi(Model):
    """A KPI, defined once; `measures` lists every place it is printed, first printing first."""

    id: KpiId
    name: Text
    name_en: Text
    unit: str
    direction: Direction
    kind: KpiKind
    baseline: Baseline
    target: Target
    period: Annotated[list[Year], Field(min_length=2, max_length=2)] | None = None
    measures: list[Text] = []
    source_note: Text | None = None
    note: Text | None = None

    @property
    def assessable(self) -> bool:
        return self.target.kind != "reset"

    def goal_numbers(self) -> set[int]:
        """The basic goals it is printed in: G1 -> 1, 3-2-5 -> 3."""
        return {int(code.lstrip("G").split("-")[0]) for code in self.measures}

    @property
    def sign(self) -> int:
        """+1 when more is better, -1 when less is better."""
        return 1 if self.direction == "increase" else -1


class Strategy(Model):
    """第3次金沢版総合戦略: the whole document as transcribed for pdca."""

    meta: Meta
    evaluation: Evaluation = Field(default_factory=Evaluation)
    goals: list[Goal]
    footnotes: list[Footnote] = []
    kpis: list[Kpi]
    _kpi_index: dict[str, Kpi] | None = PrivateAttr(default=None)

    # --- navigation helpers (derived, never stored) ---------------------------------

    def kpi(self, kpi_id: str) -> Kpi:
        return self._index()[kpi_id]

    def _index(self) -> dict[str, Kpi]:
        if self._kpi_index is None:
            self._kpi_index = {k.id: k for k in self.kpis}
        return self._kpi_index

    @property
    def kpi_ids(self) -> set[str]:
        return set(self._index())

    def printings(self) -> Iterator[Printing]:
        """Every place a KPI is printed, in document order."""
        for gi, goal in enumerate(self.goals):
            for ti, ref in enumerate(goal.targets):
                yield Printing(f"G{goal.number}", ref, ("goals", gi, "targets", ti), goal, None)
            for pi, policy in enumerate(goal.policies):
                for mi, measure in enumerate(policy.measures):
                    code = f"{goal.number}-{policy.number}-{measure.number}"
                    for ki, ref in enumerate(measure.kpis):
                        path = ("goals", gi, "policies", pi, "measures", mi, "kpis", ki)
                        yield Printing(code, ref, path, goal, policy)

    def printed_in(self) -> dict[str, list[str]]:
        """KPI id -> reference codes of every place it is printed, first printing first."""
        codes: dict[str, list[str]] = {}
        for p in self.printings():
            places = codes.setdefault(p.ref.kpi, [])
            if p.code not in places:
                places.append(p.code)
        return codes

    def counts(self) -> dict[str, int]:
        policies = [p for g in self.goals for p in g.policies]
        measures = [m for p in policies for m in p.measures]
        return {
            "goals": len(self.goals),
            "policies": len(policies),
            "measures": len(measures),
            "kpis": len(self.kpis),
            "kpi_printings": sum(1 for _ in self.printings()),
            "projects": sum(len(m.projects) for m in measures),
            "footnotes": len(self.footnotes),
        }


class Printing(NamedTuple):
    code: str
    ref: KpiRef
    path: Path
    goal: Goal
    policy: Policy | None


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
    if kpi.unit == "%":
        for node, value in (("baseline", b.value), ("target", t.value)):
            if value is not None and not 0 <= value <= 100:
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
