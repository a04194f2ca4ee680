"""The strategy as plain frozen dataclasses, checked without pydantic: the fast lane.

`strategy(data)` takes the plain data of a strategy file and returns a `Strategy` whose
attributes and helpers are those of the pydantic `model.strategy.Strategy` (the engine
and every format read either), or None when the data is not *plainly* valid. None
sends the file down the pydantic path, which validates it for real and says what is
wrong where: this module only has to be right when it says yes.

It says yes to a subset of what the pydantic models accept, with the same values (ints
given for floats become floats): exact types (no bool for int, no float for int), the
same required fields, no unknown field, non-empty text, ASCII patterns. The shape is
written once, in `SHAPES` below; `tests/test_plain_model.py` checks it against the
pydantic models field by field, so a change there fails until it is made here too.
Importing this module never imports pydantic (`pdca check` starts without it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .checks import Printing

# --- the dataclasses (the attributes of the pydantic models) -----------------------------


@dataclass(frozen=True, slots=True)
class Period:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Meta:
    title: str
    title_en: str
    issuer: str
    issued: str
    period: Period
    revised: str | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Thresholds:
    on_track: float = 1.0
    behind: float = 0.6


@dataclass(frozen=True, slots=True)
class Term:
    code: str
    label: str
    label_en: str
    meaning: str
    meaning_en: str | None = None


@dataclass(frozen=True, slots=True)
class Evaluation:
    thresholds: Thresholds = field(default_factory=Thresholds)
    default_scale: bool = False
    ratings: list[Term] = field(default_factory=list)
    directions: list[Term] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class KpiRef:
    kpi: str
    relisted: bool = False


@dataclass(frozen=True, slots=True)
class Project:
    text: str
    relisted: bool = False
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Measure:
    number: int
    title: str
    title_en: str
    description: str
    kpis: list[KpiRef] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Policy:
    number: int
    title: str
    title_en: str
    measures: list[Measure]


@dataclass(frozen=True, slots=True)
class Goal:
    number: int
    title: str
    title_en: str
    policies: list[Policy]
    targets: list[KpiRef] = field(default_factory=list)
    directions: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Footnote:
    number: int
    term: str
    text: str


@dataclass(frozen=True, slots=True)
class Baseline:
    year: int
    value: float
    text: str


@dataclass(frozen=True, slots=True)
class Target:
    year: int | None
    value: float | None
    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class Kpi:
    id: str
    name: str
    name_en: str
    unit: str
    direction: str
    kind: str
    baseline: Baseline
    target: Target
    period: list[int] | None = None
    measures: list[str] = field(default_factory=list)
    source_note: str | None = None
    note: str | None = None
    unit_en: str | None = None

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


@dataclass(frozen=True, eq=False, slots=True)
class Strategy:
    meta: Meta
    goals: list[Goal]
    kpis: list[Kpi]
    evaluation: Evaluation = field(default_factory=Evaluation)
    footnotes: list[Footnote] = field(default_factory=list)
    _kpi_index: dict[str, Kpi] = field(default_factory=dict, repr=False, compare=False)

    def __eq__(self, other: object) -> bool:
        names = ("meta", "evaluation", "goals", "footnotes", "kpis")
        return all(getattr(self, n) == getattr(other, n, None) for n in names)

    __hash__ = None  # type: ignore[assignment]

    # --- navigation helpers (as in model.strategy.Strategy) ------------------------------

    def kpi(self, kpi_id: str) -> Kpi:
        return self._index()[kpi_id]

    def _index(self) -> dict[str, Kpi]:
        if not self._kpi_index and self.kpis:
            self._kpi_index.update((k.id, k) for k in self.kpis)
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
        codes: dict[str, dict[str, None]] = {}
        for p in self.printings():
            codes.setdefault(p.ref.kpi, {})[p.code] = None
        return {k: list(v) for k, v in codes.items()}

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


# --- the checks of one value ---------------------------------------------------------------

Check = Callable[[Any], Any]  # the value as the model holds it, or raise _No


class _No(Exception):
    """Not plainly valid: the pydantic path decides."""


def _text(v: Any) -> str:  # Text: a non-empty str
    if type(v) is not str or not v:
        raise _No
    return v


def _str(v: Any) -> str:
    if type(v) is not str:
        raise _No
    return v


def _bool(v: Any) -> bool:
    if type(v) is not bool:
        raise _No
    return v


def _positive(v: Any) -> int:  # Annotated[int, Field(ge=1)]
    if type(v) is not int or v < 1:
        raise _No
    return v


def _year(v: Any) -> int:  # Year: 1989 ≤ int ≤ 2100
    if type(v) is not int or not 1989 <= v <= 2100:
        raise _No
    return v


# model/figures.py's bounds of a figure (it imports pydantic; a test holds them equal)
MIN_FIGURE, MAX_FIGURE = 1e-9, 1e15


def _float(v: Any) -> float:  # Figure: a float, or an int (as a float), finite, sane
    if type(v) is float:
        f = v
    elif type(v) is int and abs(v) <= 2**53:
        f = float(v)
    else:
        raise _No
    if f != 0 and not MIN_FIGURE <= abs(f) <= MAX_FIGURE:  # NaN and ±inf fail too
        raise _No
    return f


def _pattern(regexp: str) -> Check:
    compiled = re.compile(regexp, re.ASCII)

    def check(v: Any) -> str:
        if type(v) is not str or not compiled.fullmatch(v):
            raise _No
        return v

    return check


def _literal(*values: str) -> Check:
    def check(v: Any) -> str:
        if type(v) is not str or v not in values:
            raise _No
        return v

    return check


def _optional(inner: Check) -> Check:
    def check(v: Any) -> Any:
        return None if v is None else inner(v)

    return check


def _list(inner: Check, length: int | None = None) -> Check:
    def check(v: Any) -> list:
        if type(v) is not list or (length is not None and len(v) != length):
            raise _No
        return [inner(item) for item in v]

    return check


def _model(cls: type) -> Check:
    def check(v: Any) -> Any:
        return _build(cls, v)

    return check


_MONTH = r"[0-9]{4}-[0-9]{2}"
_KPI_ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"

# class -> field -> (check, required); a field that is not required has the dataclass's
# default (the same as the pydantic model's)
SHAPES: dict[type, dict[str, tuple[Check, bool]]] = {
    Period: {"start": (_year, True), "end": (_year, True)},
    Meta: {
        "title": (_text, True),
        "title_en": (_text, True),
        "issuer": (_text, True),
        "issued": (_pattern(_MONTH), True),
        "revised": (_optional(_pattern(_MONTH)), False),
        "period": (_model(Period), True),
        "source": (_optional(_text), False),
    },
    Thresholds: {"on_track": (_float, False), "behind": (_float, False)},
    Term: {
        "code": (_text, True),
        "label": (_text, True),
        "label_en": (_text, True),
        "meaning": (_text, True),
        "meaning_en": (_optional(_text), False),
    },
    Evaluation: {
        "thresholds": (_model(Thresholds), False),
        "default_scale": (_bool, False),
        "ratings": (_list(_model(Term)), False),
        "directions": (_list(_model(Term)), False),
    },
    KpiRef: {"kpi": (_text, True), "relisted": (_bool, False)},
    Project: {"text": (_text, True), "relisted": (_bool, False), "note": (_optional(_text), False)},
    Measure: {
        "number": (_positive, True),
        "title": (_text, True),
        "title_en": (_text, True),
        "description": (_text, True),
        "kpis": (_list(_model(KpiRef)), False),
        "projects": (_list(_model(Project)), False),
    },
    Policy: {
        "number": (_positive, True),
        "title": (_text, True),
        "title_en": (_text, True),
        "measures": (_list(_model(Measure)), True),
    },
    Goal: {
        "number": (_positive, True),
        "title": (_text, True),
        "title_en": (_text, True),
        "targets": (_list(_model(KpiRef)), False),
        "directions": (_list(_text), False),
        "policies": (_list(_model(Policy)), True),
    },
    Footnote: {"number": (_positive, True), "term": (_text, True), "text": (_text, True)},
    Baseline: {"year": (_year, True), "value": (_float, True), "text": (_text, True)},
    Target: {
        "year": (_optional(_year), True),
        "value": (_optional(_float), True),
        "kind": (_literal("exact", "at_least", "maintain", "reset"), True),
        "text": (_text, True),
    },
    Kpi: {
        "id": (_pattern(_KPI_ID), True),
        "name": (_text, True),
        "name_en": (_text, True),
        "unit": (_str, True),
        "unit_en": (_optional(_str), False),
        "direction": (_literal("increase", "decrease"), True),
        "kind": (_literal("level", "cumulative", "period_total"), True),
        "baseline": (_model(Baseline), True),
        "target": (_model(Target), True),
        "period": (_optional(_list(_year, length=2)), False),
        "measures": (_list(_text), False),
        "source_note": (_optional(_text), False),
        "note": (_optional(_text), False),
    },
    Strategy: {
        "meta": (_model(Meta), True),
        "evaluation": (_model(Evaluation), False),
        "goals": (_list(_model(Goal)), True),
        "footnotes": (_list(_model(Footnote)), False),
        "kpis": (_list(_model(Kpi)), True),
    },
}

_REQUIRED = {cls: {k for k, (_, req) in shape.items() if req} for cls, shape in SHAPES.items()}


def _build(cls: type, v: Any) -> Any:
    if type(v) is not dict:
        raise _No
    shape = SHAPES[cls]
    if not _REQUIRED[cls] <= v.keys():
        raise _No
    try:
        return cls(**{k: shape[k][0](value) for k, value in v.items()})
    except KeyError:  # an unknown field
        raise _No from None


def strategy(data: Any) -> Strategy | None:
    """The strategy, when `data` is plainly valid; None for the pydantic path to decide."""
    try:
        return _build(Strategy, data)
    except _No:
        return None
