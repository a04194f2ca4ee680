"""Strategy + actuals + a year -> a Report: one result per KPI, roll-ups per goal and policy.

This is the one place that decides which actual a KPI is judged on; the math itself is
in `trajectory`. Every output format renders the same Report, so they cannot disagree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from .model.actuals import ActualsSet
from .model.checks import figure_bounds
from .outlook import Outlook, line_outlook, period_outlook
from .trajectory import (
    Assessment,
    Line,
    Scale,
    Status,
    Thresholds,
    assess_above,
    assess_course,
    assess_floor,
    assess_line,
    assess_maintain,
    assess_period_average,
    assess_period_total,
    course_expected,
    exact_sum,
    growth_expected,
    period_expected,
)

if TYPE_CHECKING:
    from .model.reviews import Review
    from .model.strategy import Grade, Kpi, Strategy

STATUS_ORDER = list(Status)


@dataclass(frozen=True)
class Override:
    """The committee's status for a KPI (data/reviews/<year>.yaml) and its reason."""

    status: Status
    reason: str


@dataclass(frozen=True)
class KpiResult:
    kpi: Kpi
    year: int  # the year asked about (Y)
    actual_year: int | None  # the year of the figure judged (≤ Y), None without data
    actual: float | None  # the figure judged: the value, or the running sum of a period total
    expected: float | None  # E at actual_year, or at Y without data
    attainment: float | None
    progress: float | None
    status: Status
    missing_years: tuple[int, ...] = ()  # period totals: the years whose figure is missing
    history: tuple[tuple[int, float], ...] = ()  # every recorded (year, value), in year order
    outlook: Outlook | None = None  # the projection to the target year (見込み), see outlook.py
    # the committee's review: `status` is the override's when there is one, and the
    # status the figures give is kept in `computed_status`
    override: Override | None = None
    computed_status: Status | None = None  # None: the same as `status` (no override)
    explanation: str | None = None  # the committee's 要因分析 of this KPI
    # where the figure judged comes from, as recorded with it (data/actuals: source, note)
    source: str | None = None
    note: str | None = None
    grade: Grade | None = None  # its band of the strategy's grades (None: none, or no grades)

    def __post_init__(self) -> None:
        if self.computed_status is None:
            object.__setattr__(self, "computed_status", self.status)

    @property
    def stale(self) -> bool:
        """True when the figure judged is older than the year asked about."""
        return self.actual_year is not None and self.actual_year < self.year


@dataclass(frozen=True)
class Group:
    """A goal or a policy and the status counts of the KPIs printed in it."""

    code: str  # "G1" or "1-2"
    title: str
    title_en: str
    kpi_ids: tuple[str, ...]
    counts: dict[Status, int]
    projected_to_miss: int = 0  # KPIs whose outlook does not reach the target
    older_figures: int = 0  # KPIs judged on a figure older than the year asked about

    @property
    def share_on_track(self) -> float | None:
        return share_on_track(self.counts)


def share_on_track(counts: dict[Status, int]) -> float | None:
    """(achieved + on_track) / KPIs with an assessable figure; None when there are none."""
    assessed = sum(n for s, n in counts.items() if s.rank is not None)
    if not assessed:
        return None
    return (counts.get(Status.ACHIEVED, 0) + counts.get(Status.ON_TRACK, 0)) / assessed


@dataclass(frozen=True)
class GoalResult(Group):
    number: int = 0
    policies: tuple[Group, ...] = ()
    target_ids: tuple[str, ...] = ()  # the goal's 数値目標


@dataclass
class Report:
    year: int
    strategy: Strategy
    thresholds: Thresholds
    strict: bool
    kpis: list[KpiResult]
    goals: list[GoalResult] = field(default_factory=list)
    strategy_path: str | None = None  # where the strategy and the actuals came from (CI
    actuals_files: dict[int, str] = field(default_factory=dict)  # annotations point there)
    actuals_path: str | None = None  # the actuals folder, as shown to the user
    review: Review | None = None  # the committee's review of `year`, when there is one
    review_file: str | None = None
    fictional: bool = False  # some input is marked `fictional: true` (demo data)
    # set by `filtered`: the goals and statuses asked for, and the report before filtering
    goal_filter: tuple[int, ...] = ()
    status_filter: tuple[Status, ...] = ()
    whole: Report | None = None

    @property
    def overridden(self) -> list[KpiResult]:
        """The KPIs whose status is the committee's."""
        return [r for r in self.kpis if r.override is not None]

    def result(self, kpi_id: str) -> KpiResult:
        return self._by_id[kpi_id]

    @property
    def _by_id(self) -> dict[str, KpiResult]:
        # built once per list of results (a Report is assembled, then only read)
        key = (id(self.kpis), len(self.kpis))
        cached = self.__dict__.get("_by_id_cache")
        if cached is None or cached[0] != key:
            cached = (key, {r.kpi.id: r for r in self.kpis})
            self.__dict__["_by_id_cache"] = cached
        return cached[1]

    @property
    def summary(self) -> dict[Status, int]:
        counts = Counter(r.status for r in self.kpis)
        return {s: counts.get(s, 0) for s in STATUS_ORDER}

    @property
    def share_on_track(self) -> float | None:
        return share_on_track(self.summary)

    @property
    def grade_summary(self) -> dict[str, int]:
        """{grade code: KPIs in that band}, best band first (empty without grades)."""
        return grade_counts(self.strategy, self.kpis)

    @property
    def projected_to_miss(self) -> int:
        """How many KPIs are projected to miss their target at the current pace."""
        return _misses(self.kpis)

    @property
    def is_filtered(self) -> bool:
        return bool(self.goal_filter or self.status_filter)

    def summary_scope(self) -> tuple[list[GoalResult], dict[Status, int]]:
        """The goals of the summary and the total counts: always whole goals.

        A filtered view lists some KPIs, but its summary counts every KPI of the goals it
        shows (of the goals asked for with --goal, else of all), so a share is never read
        off a status filter.
        """
        goals, results = self._scope()
        counts = Counter(r.status for r in results)
        return goals, {s: counts.get(s, 0) for s in STATUS_ORDER}

    def summary_older_figures(self) -> dict[int, int]:
        """{year: KPIs} judged on a figure older than the year asked about, newest year
        first, over the summary's scope (whole goals, as `summary_scope` counts them)."""
        return older_figures(self._scope()[1])

    def _scope(self) -> tuple[list[GoalResult], list[KpiResult]]:
        whole = self.whole or self
        goals = [g for g in whole.goals if not self.goal_filter or g.number in self.goal_filter]
        ids = {k for g in goals for k in g.kpi_ids}
        return goals, [r for r in whole.kpis if r.kpi.id in ids]

    @property
    def with_data(self) -> int:
        """How many KPIs have a figure to show."""
        return sum(1 for r in self.kpis if r.actual is not None)

    @property
    def stale_count(self) -> int:
        """How many KPIs are judged on a figure older than the year asked about."""
        return sum(1 for r in self.kpis if r.stale)

    @property
    def data_years(self) -> dict[int, int]:
        """{year: KPIs} judged on a figure of that year (the year asked about included),
        newest year first; KPIs without a figure are not counted."""
        counts = Counter(r.actual_year for r in self.kpis if r.actual_year is not None)
        return dict(sorted(counts.items(), reverse=True))

    @property
    def has_data(self) -> bool:
        return self.with_data > 0

    def failing(self, fail_on: Status | None) -> list[KpiResult]:
        """KPIs at or below `fail_on` in achieved > on_track > behind > off_track > regressing."""
        return [r for r in self.kpis if r.status.fails(fail_on)]

    def grade_fails(self, result: KpiResult, code: str | None) -> bool:
        """True when the KPI's grade is the band `code` or a worse one (--fail-on CODE);
        a KPI without a grade never fails."""
        if code is None or result.grade is None:
            return False
        codes = [g.code for g in self.strategy.evaluation.grades]
        return codes.index(result.grade.code) >= codes.index(code)

    def failing_grade(self, code: str | None) -> list[KpiResult]:
        """KPIs in the band `code` or a worse one."""
        return [r for r in self.kpis if self.grade_fails(r, code)]

    def filtered(
        self, goals: set[int] | None = None, statuses: set[Status] | None = None
    ) -> Report:
        """The same report restricted to some goals and/or statuses (roll-ups recomputed)."""
        keep = {r.kpi.id for r in self.kpis}
        if goals:
            keep = {k for g in self.goals if g.number in goals for k in g.kpi_ids}
        if statuses:
            keep = {r.kpi.id for r in self.kpis if r.status in statuses and r.kpi.id in keep}
        kpis = [r for r in self.kpis if r.kpi.id in keep]
        report = Report(
            self.year,
            self.strategy,
            self.thresholds,
            self.strict,
            kpis,
            strategy_path=self.strategy_path,
            actuals_files=self.actuals_files,
            actuals_path=self.actuals_path,
            review=self.review,
            review_file=self.review_file,
            fictional=self.fictional,
            goal_filter=tuple(sorted(goals or ())),
            status_filter=tuple(s for s in STATUS_ORDER if statuses and s in statuses),
            whole=self.whole or self,
        )
        report.goals = [
            g
            for g in _rollups(self.strategy, report._by_id)
            if (not goals or g.number in goals) and g.kpi_ids
        ]
        return report


def assess(
    strategy: Strategy,
    actuals: ActualsSet,
    year: int,
    *,
    thresholds: Thresholds | None = None,
    strict: bool = False,
    strategy_path: str | None = None,
    review: Review | None = None,
    review_file: str | None = None,
    actuals_path: str | None = None,
) -> Report:
    """Assess every KPI of the strategy in fiscal year `year`.

    With the committee's `review` of that year, its overrides replace the computed
    statuses (kept as `computed_status`) before anything is counted, so tables, roll-ups
    and `--fail-on` all see the committee's status.
    """
    if thresholds is None:
        t = strategy.evaluation.thresholds
        thresholds = Thresholds(on_track=t.on_track, behind=t.behind)
    scale = scale_of(strategy)
    results = [
        assess_kpi(kpi, actuals, year, thresholds, strict=strict, scale=scale)
        for kpi in strategy.kpis
    ]
    if scale is not None:
        results = banded(strategy, results)
    results = [with_provenance(r, actuals) for r in results]
    if review is not None:
        results = [apply_review(r, review) for r in results]
    used = {y for y in actuals.files if y <= year}
    report = Report(
        year,
        strategy,
        thresholds,
        strict,
        results,
        strategy_path=strategy_path,
        actuals_files=dict(actuals.files),
        actuals_path=actuals_path,
        review=review,
        review_file=review_file,
        fictional=bool(actuals.fictional & used) or bool(review and review.fictional),
    )
    report.goals = _rollups(strategy, report._by_id)
    return report


def with_provenance(result: KpiResult, actuals: ActualsSet) -> KpiResult:
    """The result with the source and note recorded with the figure judged (for a period
    total, the figure of its last year)."""
    if result.actual_year is None:
        return result
    entry = actuals.years.get(result.actual_year, {}).get(result.kpi.id)
    if entry is None or (entry.source is None and entry.note is None):
        return result
    return replace(result, source=entry.source, note=entry.note)


def apply_review(result: KpiResult, review: Review) -> KpiResult:
    """The result with the committee's explanation and, if any, its status override."""
    explanation = review.explanation(result.kpi.id)
    found = review.override(result.kpi.id)
    if found is None:
        return replace(result, explanation=explanation) if explanation else result
    status, reason = found
    return replace(
        result,
        status=status,
        computed_status=result.status,
        override=Override(status, reason),
        explanation=explanation,
    )


def scale_of(strategy: Strategy) -> Scale | None:
    """The strategy's grades as the math reads them (None: it has none)."""
    grades = strategy.evaluation.grades
    return Scale.of([(g.code, g.min) for g in grades]) if grades else None


def banded(strategy: Strategy, results: list[KpiResult]) -> list[KpiResult]:
    """The results with each band (the code `assess_kpi` gives) as the strategy's Grade."""
    bands = {g.code: g for g in strategy.evaluation.grades}
    return [replace(r, grade=bands[r.grade]) if r.grade else r for r in results]  # type: ignore[index]


def grade_counts(strategy: Strategy, results: Iterable[KpiResult]) -> dict[str, int]:
    """{grade code: KPIs in that band}, best band first (empty without grades)."""
    counts = Counter(r.grade.code for r in results if r.grade is not None)
    return {g.code: counts.get(g.code, 0) for g in strategy.evaluation.grades}


def assess_kpi(
    kpi: Kpi,
    actuals: ActualsSet,
    year: int,
    th: Thresholds,
    *,
    strict: bool = False,
    scale: Scale | None = None,
) -> KpiResult:
    """One KPI as `pdca check year` judges it, with its outlook to the target year (and its
    grade on the strategy's `scale`, when it has one)."""
    figures = actuals.history(kpi.id)
    result, judged = _judge_kpi(kpi, figures, year, th, strict=strict)
    band = None if scale is None or judged is None else scale.band(judged, result.status)
    return replace(result, outlook=outlook_of(result, figures), grade=band)  # type: ignore[arg-type]


def outlook_of(r: KpiResult, figures: dict[int, float]) -> Outlook | None:
    """The outlook of a judged KPI (None for reset, maintain, no figure: outlook.py)."""
    kpi = r.kpi
    if r.actual is None or r.actual_year is None:
        return None
    if not kpi.assessable or kpi.target.kind == "maintain" or kpi.kind == "period_average":
        return None
    base = kpi.baseline
    if base.year is None or base.value is None:  # no baseline: no pace to project
        return None
    achieved = r.status is Status.ACHIEVED
    assert kpi.target.year is not None and kpi.target.value is not None
    if kpi.kind == "period_total" and kpi.period:
        start, end = kpi.period
        return period_outlook(
            start=start,
            end=end,
            target=kpi.target.value,
            figures=[figures[y] for y in range(start, r.actual_year + 1)],
            base_year=base.year,
            target_year=kpi.target.year,
            achieved=achieved,
        )
    low, high = figure_bounds(kpi)
    return line_outlook(
        base_year=base.year,
        base=base.value,
        target_year=kpi.target.year,
        target=kpi.target.value,
        sign=kpi.sign,
        actual_year=r.actual_year,
        actual=r.actual,
        achieved=achieved,
        low=low,
        high=high,
        strictly=kpi.target.kind == "above",
    )


def _judge_kpi(
    kpi: Kpi, figures: dict[int, float], year: int, th: Thresholds, *, strict: bool = False
) -> tuple[KpiResult, Assessment | None]:
    """The KPI's result, and the assessment it was judged on (None: not judged)."""
    history = tuple(figures.items())
    if kpi.kind in ("period_total", "period_average"):
        return _assess_period(kpi, figures, year, th, strict, history)
    usable = [(y, v) for y, v in history if (y == year if strict else y <= year)]
    if not kpi.assessable:
        y, v = usable[-1] if usable else (None, None)
        return KpiResult(
            kpi, year, y, v, None, None, None, Status.NOT_ASSESSABLE, (), history
        ), None
    if not usable:
        return KpiResult(
            kpi, year, None, None, expected_at(kpi, year), None, None, Status.NO_DATA, (), history
        ), None
    data_year, value = usable[-1]
    result = _judge(kpi, value, data_year, th)
    return KpiResult(
        kpi,
        year,
        data_year,
        value,
        result.expected,
        result.attainment,
        result.progress,
        result.status,
        (),
        history,
    ), result


def _line(kpi: Kpi) -> Line:
    assert kpi.target.year is not None and kpi.target.value is not None
    return Line(kpi.baseline.year, kpi.baseline.value, kpi.target.year, kpi.target.value, kpi.sign)


def _window_start(kpi: Kpi) -> int | None:
    return kpi.period[0] if kpi.period else None


def _points(kpi: Kpi) -> list[tuple[int, float]]:
    """The KPI's known points in year order: the baseline (if any), milestones, the target."""
    b, t = kpi.baseline, kpi.target
    points = [(b.year, b.value)] if b.year is not None and b.value is not None else []
    points += [(m.year, m.value) for m in kpi.milestones]
    points.append((t.year, t.value))  # type: ignore[arg-type]
    return points


def _plain(kpi: Kpi) -> bool:
    """Today's form: a baseline, no milestones, judged by the linear method."""
    return kpi.baseline.known and not kpi.milestones and kpi.how == "linear"


def _judge(kpi: Kpi, value: float, data_year: int, th: Thresholds) -> Assessment:
    kind = kpi.target.kind
    if kind == "maintain":
        if not kpi.baseline.known:  # a floor with nothing to fall back from
            return assess_floor(kpi.target.value, value, sign=kpi.sign)  # type: ignore[arg-type]
        return assess_maintain(_line(kpi), value, data_year, _window_start(kpi), th)
    if kind == "above":
        return assess_above(kpi.baseline.value, value, sign=kpi.sign)  # type: ignore[arg-type]
    if _plain(kpi):
        return assess_line(_line(kpi), value, data_year, th)
    return assess_course(
        _points(kpi), value, data_year, th, sign=kpi.sign, based=kpi.baseline.known, method=kpi.how
    )


def expected_at(kpi: Kpi, year: int) -> float | None:
    """What the KPI should show in `year` (the running sum for a period total, the
    target for a period average)."""
    if not kpi.assessable:
        return None
    if kpi.kind == "period_total":
        start, end = kpi.period  # type: ignore[misc]
        return period_expected(kpi.target.value, start, end, year)  # type: ignore[arg-type]
    if kpi.kind == "period_average" or kpi.target.kind == "above":
        return kpi.target.value
    if not _plain(kpi) and kpi.target.kind != "maintain":
        if kpi.how == "growth":
            b, t = kpi.baseline, kpi.target
            return growth_expected(b.year, b.value, t.year, t.value, year)  # type: ignore[arg-type]
        return course_expected(_points(kpi), year)
    if not kpi.baseline.known:  # a floor without a baseline
        return kpi.target.value
    line = _line(kpi)
    if kpi.target.kind == "maintain":
        start = _window_start(kpi) or line.base_year
        if year >= start:
            return line.target
        return Line(line.base_year, line.base, start, line.target, line.sign).expected(year)
    return line.expected(year)


def _assess_period(
    kpi: Kpi,
    by_year: dict[int, float],
    year: int,
    th: Thresholds,
    strict: bool,
    history: tuple[tuple[int, float], ...],
) -> tuple[KpiResult, Assessment | None]:
    """A period total (the running sum) or a period average (the mean so far)."""
    start, end = kpi.period  # type: ignore[misc]
    last = min(year, end)  # figures after the window are ignored
    if strict or year > end:
        # --strict asks for the figure of min(Y, end) itself; past the window the judged
        # figure is the window's complete sum at its last year
        upto = last
    else:
        recorded = [y for y in by_year if start <= y <= last]
        upto = max(recorded) if recorded else last
    if upto < start:
        expected = expected_at(kpi, year)
        return KpiResult(
            kpi, year, None, None, expected, None, None, Status.NO_DATA, (), history
        ), None
    missing = tuple(y for y in range(start, upto + 1) if y not in by_year)
    if missing:
        expected = expected_at(kpi, year)
        return KpiResult(
            kpi, year, None, None, expected, None, None, Status.NO_DATA, missing, history
        ), None
    figures = [by_year[y] for y in range(start, upto + 1)]
    if not kpi.assessable:
        total = exact_sum(figures)
        figure = float(total if kpi.kind == "period_total" else total / len(figures))
        return KpiResult(
            kpi, year, upto, figure, None, None, None, Status.NOT_ASSESSABLE, (), history
        ), None
    if kpi.kind == "period_average":
        r = assess_period_average(kpi.target.value, start, end, figures, th, sign=kpi.sign)  # type: ignore[arg-type]
    else:
        r = assess_period_total(kpi.target.value, start, end, figures, upto, th)  # type: ignore[arg-type]
    return KpiResult(
        kpi, year, upto, r.figure, r.expected, r.attainment, r.progress, r.status, (), history
    ), r


def _rollups(strategy: Strategy, results: dict[str, KpiResult]) -> list[GoalResult]:
    """Per goal and per policy: the KPIs printed there (first printing first) and their
    status counts. Linear in the number of printings: membership is tested in dicts."""
    goals = []
    for goal in strategy.goals:
        policies = []
        target_ids = _unique(r.kpi for r in goal.targets if r.kpi in results)
        goal_ids = dict.fromkeys(target_ids)  # an ordered set
        for policy in goal.policies:
            ids = _unique(r.kpi for m in policy.measures for r in m.kpis if r.kpi in results)
            goal_ids.update(dict.fromkeys(ids))
            policies.append(
                Group(
                    f"{goal.number}-{policy.number}",
                    policy.title,
                    policy.title_en,
                    ids,
                    _count(results, ids),
                    _misses(results[k] for k in ids),
                    _older(results[k] for k in ids),
                )
            )
        goals.append(
            GoalResult(
                f"G{goal.number}",
                goal.title,
                goal.title_en,
                tuple(goal_ids),
                _count(results, goal_ids),
                _misses(results[k] for k in goal_ids),
                _older(results[k] for k in goal_ids),
                number=goal.number,
                policies=tuple(policies),
                target_ids=tuple(r.kpi for r in goal.targets if r.kpi in results),
            )
        )
    return goals


def _unique(ids: Iterable[str]) -> tuple[str, ...]:
    """The ids in order of first appearance, each once."""
    return tuple(dict.fromkeys(ids))


def _count(results: dict[str, KpiResult], ids: Iterable[str]) -> dict[Status, int]:
    counts = Counter(results[k].status for k in ids)
    return {s: counts.get(s, 0) for s in STATUS_ORDER}


def _misses(results: Iterable[KpiResult]) -> int:
    return sum(1 for r in results if r.outlook is not None and not r.outlook.reaches)


def _older(results: Iterable[KpiResult]) -> int:
    return sum(1 for r in results if r.stale)


def older_figures(results: Iterable[KpiResult]) -> dict[int, int]:
    """{year: KPIs} judged on a figure older than the year asked about, newest year first."""
    counts = Counter(r.actual_year for r in results if r.stale)
    return dict(sorted(counts.items(), reverse=True))
