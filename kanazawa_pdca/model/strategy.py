"""pydantic models of data/strategy.yaml: the one definition of the strategy's shape.

The models validate one document's shape (types, required fields, no unknown fields)
and say exactly what is wrong where; `checks.cross_check` then checks what a single
field cannot see (it imports these models; they never import it). The JSON Schema of
the file comes from them too (`schema.py`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from fractions import Fraction
from functools import cached_property
from typing import Annotated, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, StringConstraints, model_validator

from .figures import Figure  # finite, of sane size (see figures.py)

KPI_ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
MEASURE_CODE = re.compile(r"^(\d+)-(\d+)-(\d+)$")
GOAL_CODE = re.compile(r"^G(\d+)$")

Text = Annotated[str, StringConstraints(min_length=1)]
Year = Annotated[int, Field(ge=1989, le=2100)]
KpiId = Annotated[str, StringConstraints(pattern=KPI_ID_PATTERN)]

Direction = Literal["increase", "decrease"]
KpiKind = Literal["level", "cumulative", "period_total", "period_average"]
TargetKind = Literal["exact", "at_least", "maintain", "reset", "above"]
YearBasis = Literal["fiscal", "calendar"]  # 年度 (April–March) or 年 (January–December)
Method = Literal["linear", "ratio", "growth"]  # how attainment is measured (trajectory.py)
RELATIVE = ("factor", "points", "percent", "annual_growth")  # a target relative to the baseline

Path = tuple[str | int, ...]  # the keys and indexes from the document's root to a node


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
    year_basis: YearBasis = "fiscal"  # the years of every KPI that does not say otherwise


class Thresholds(Model):
    """Attainment at or above `on_track` is on track; at or above `behind`, behind."""

    on_track: Figure = 1.0
    behind: Figure = 0.6


class Term(Model):
    """One word of a review vocabulary: a rating (A, B, …) or a direction (継続, 拡充, …)."""

    code: Text
    label: Text
    label_en: Text
    meaning: Text
    meaning_en: Text | None = None


class Grade(Model):
    """A band of a strategy's own scale (A, B, C, D): from `min` attainment on; the last
    band (the worst) has no `min`."""

    code: Text
    label: Text
    label_en: Text
    min: Figure | None = None


class Evaluation(Model):
    """How KPIs are judged (the method, the thresholds, the grades) and the words the
    committee's review may use.

    `method` is how attainment is measured unless a KPI says otherwise; `grades`, best
    first, is the strategy's own scale (none: the statuses alone judge). `ratings` and
    `directions` are the vocabularies of `data/reviews/<year>.yaml`: a review's `rating`
    and `direction` must be one of their codes.
    """

    method: Method = "linear"
    thresholds: Thresholds = Field(default_factory=Thresholds)
    grades: list[Grade] = []
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
    description: Text | None = None
    kpis: list[KpiRef] = []
    projects: list[Project] = []


class Policy(Model):
    """A policy (施策 (1), (2), …) of a basic goal."""

    number: Annotated[int, Field(ge=1)]
    title: Text
    title_en: Text
    description: Text | None = None
    measures: list[Measure] = []


class Goal(Model):
    """A basic goal (基本目標): its numerical targets (数値目標, code G1…), directions, policies."""

    number: Annotated[int, Field(ge=1)]
    title: Text
    title_en: Text
    targets: list[KpiRef] = []
    directions: list[Text] = []
    description: Text | None = None
    policies: list[Policy] = []


class Footnote(Model):
    """A glossary footnote (※1 …)."""

    number: Annotated[int, Field(ge=1)]
    term: Text
    text: Text


class Baseline(Model):
    """The starting figure: year, value, and the text as printed. A KPI without one (―,
    新規) has no baseline, or only its printed `text`: year and value go together."""

    year: Year | None = None
    value: Figure | None = None
    text: Text | None = None

    @property
    def known(self) -> bool:
        """A figure to start from: year and value."""
        return self.year is not None and self.value is not None


class Target(Model):
    """The target: exact, at_least (以上), maintain (以上を維持), above (基準値を上回る: its
    value is the baseline's) or reset (再設定: no value).

    Relative to the baseline b, instead of (or beside) a `value`: `factor` (1.5倍: b·1.5),
    `points` (+10ポイント: b + 10), `percent` (+20%: b·1.2) or `annual_growth`
    (年平均2.2%成長: b·(1 + 2.2/100)^(t_y − b_y)). The value is then derived from the
    baseline when the strategy is read (`derived` names the form); a `value` given too must
    agree with it.
    """

    year: Year | None
    value: Figure | None = None
    kind: TargetKind = "exact"
    text: Text
    factor: Annotated[Figure, Field(gt=0)] | None = None
    points: Figure | None = None
    percent: Annotated[Figure, Field(gt=-100)] | None = None
    annual_growth: Annotated[Figure, Field(gt=-100)] | None = None
    _derived: str | None = PrivateAttr(default=None)

    @property
    def relative(self) -> str | None:
        """The relative form given ('factor', 'points', 'percent', 'annual_growth'), if any."""
        for name in RELATIVE:
            if getattr(self, name) is not None:
                return name
        return None

    @property
    def derived(self) -> str | None:
        """The relative form the value was derived from (None: the value as printed)."""
        return self._derived


class Milestone(Model):
    """An interim target (中間目標): the figure due in a year between baseline and target."""

    year: Year
    value: Figure
    text: Text


class Kpi(Model):
    """A KPI, defined once; `measures` lists every place it is printed, first printing first."""

    id: KpiId
    name: Text
    name_en: Text
    unit: str
    unit_en: str | None = None  # the unit in English ('people', '%'); None: as printed
    direction: Direction
    kind: KpiKind
    baseline: Baseline = Field(default_factory=Baseline)
    target: Target
    milestones: list[Milestone] = []
    period: Annotated[list[Year], Field(min_length=2, max_length=2)] | None = None
    year_basis: YearBasis | None = None  # None: the strategy's (meta.year_basis)
    method: Method | None = None  # None: the strategy's (evaluation.method)
    measures: list[Text] = []
    source_note: Text | None = None
    note: Text | None = None
    # the strategy's defaults, filled in when the strategy is read (Strategy._resolve)
    _basis: YearBasis = PrivateAttr(default="fiscal")
    _method: Method = PrivateAttr(default="linear")

    @model_validator(mode="after")
    def _derive_target(self) -> Kpi:
        """A relative target's value, from the baseline (when both are known)."""
        target, base = self.target, self.baseline
        if target.kind == "above" and target.value is None and base.value is not None:
            object.__setattr__(target, "value", base.value)  # above: the baseline's value
            return self
        form = target.relative
        if form is None or base.value is None or target.value is not None:
            return self
        value = derived_target(self)
        if value is not None:
            object.__setattr__(target, "value", float(value))
            target._derived = form
        return self

    @property
    def assessable(self) -> bool:
        return self.target.kind != "reset"

    @property
    def calendar(self) -> bool:
        """Its years are calendar years (2019年), not fiscal years (2019年度)."""
        return (self.year_basis or self._basis) == "calendar"

    @property
    def how(self) -> Method:
        """How its attainment is measured: its own method, else the strategy's; a KPI
        without a baseline by ratio; an annual growth target by growth unless it says."""
        if not self.baseline.known:
            return "ratio"
        if self.method is not None:
            return self.method
        if self.target.annual_growth is not None:
            return "growth"
        return self._method

    def goal_numbers(self) -> set[int]:
        """The basic goals it is printed in: G1 -> 1, 3-2-5 -> 3."""
        return {int(code.lstrip("G").split("-")[0]) for code in self.measures}

    @property
    def sign(self) -> int:
        """+1 when more is better, -1 when less is better."""
        return 1 if self.direction == "increase" else -1


def derived_target(kpi: Kpi) -> Fraction | None:
    """The exact value of a relative target, from the baseline as written (None: the
    target is not relative, or there is no baseline figure or year to derive it from)."""
    t, b = kpi.target, kpi.baseline
    if b.value is None:
        return None
    base = _exact(b.value)
    if t.factor is not None:
        return base * _exact(t.factor)
    if t.points is not None:
        return base + _exact(t.points)
    if t.percent is not None:
        return base * (1 + _exact(t.percent) / 100)
    if t.annual_growth is not None and t.year is not None and b.year is not None:
        if t.year <= b.year or t.year - b.year > 100:
            return None
        return base * (1 + _exact(t.annual_growth) / 100) ** (t.year - b.year)
    return None


def _exact(value: float) -> Fraction:
    """A figure as the decimal it was written as (its shortest repr)."""
    return Fraction(repr(value)) if isinstance(value, float) else Fraction(value)


class Printing(NamedTuple):
    """A place where a KPI is printed: its reference code (G1, 3-2-5), the reference, the
    path of the reference in the document, and the goal and policy it is printed under."""

    code: str
    ref: KpiRef
    path: Path
    goal: Goal
    policy: Policy | None


class Strategy(Model):
    """A comprehensive strategy: the whole document as transcribed for pdca."""

    meta: Meta
    evaluation: Evaluation = Field(default_factory=Evaluation)
    goals: list[Goal]
    footnotes: list[Footnote] = []
    kpis: list[Kpi]

    @model_validator(mode="after")
    def _resolve(self) -> Strategy:
        """Each KPI learns the strategy's year basis and method (its own, if it has one,
        comes first)."""
        basis, method = self.meta.year_basis, self.evaluation.method
        if basis != "fiscal" or method != "linear":
            for kpi in self.kpis:
                kpi._basis = basis
                kpi._method = method
        return self

    @property
    def grades(self) -> list[Grade]:
        """The strategy's own scale, best first (empty: none)."""
        return self.evaluation.grades

    # --- navigation helpers (derived, never stored) ---------------------------------

    def kpi(self, kpi_id: str) -> Kpi:
        return self._kpi_index[kpi_id]

    @cached_property
    def _kpi_index(self) -> dict[str, Kpi]:
        # made once, then a plain attribute (a pydantic PrivateAttr is read through
        # __getattr__: 30,000 actuals checked against 10,000 KPIs paid ~0.1 s for it)
        return {k.id: k for k in self.kpis}

    @property
    def kpi_ids(self) -> set[str]:
        return set(self._kpi_index)

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
