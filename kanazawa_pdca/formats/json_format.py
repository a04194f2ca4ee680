"""`--format json`: the machine-readable contract of DESIGN.md.

`pdca check Y --format json` -> {year, strategy, thresholds, summary, kpis, goals};
each KPI's `status` is the committee's where its review overrides it, with
`computed_status` (what the figures give) and `override {status, reason} | null` beside it.
`pdca kpis --format json` -> [KPI definitions]. Numbers are JSON numbers, null where
undefined, never rounded: each is the nearest float of the exact value (DESIGN.md,
"Exactness"), so `attainment` read against `thresholds` gives the KPI's computed status.
`outlook` per KPI is DESIGN.md's (the yearly cycle). Keys beyond the contract
(`goals`, `projected_to_miss`, `older_figures` and `data_years`, and `kind`, `direction`,
`name_en`, `missing_years`, `stale` per KPI) are additions; the contract's keys never change:
`summary` stays `{status: count}`, and beside it `older_figures` counts the KPIs judged on a
figure older than `year` (`stale`), `data_years` `{year: KPIs}` the year of every figure
judged (newest first; KPIs without a figure are not in it).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..assess import Group, KpiResult, Report, grade_counts
from ..outlook import Outlook
from ..present import escape
from . import RenderOptions

if TYPE_CHECKING:
    from ..model.strategy import Kpi


def render(report: Report, options: RenderOptions) -> str:
    return dumps(check_document(report))


def stream(report: Report, options: RenderOptions | None = None) -> Iterator[str]:
    """The text `render` gives, in pieces of about 64 KB as it is encoded: `pdca check
    --format json` writes them as they come (to stdout, or through the atomic writer), so
    the whole text is never in memory (100,000 KPIs: the text alone was ~200 MB).

    Each piece is escaped as `dumps` escapes the whole: the encoder yields every string
    whole, and pieces end between its yields, so no escape straddles two pieces."""
    return pieces(check_document(report, lazy=True))


def pieces(document: Any) -> Iterator[str]:
    """`dumps(document)` in pieces of about 64 KB, each escaped as `dumps` escapes all."""
    encoder = json.JSONEncoder(ensure_ascii=False, indent=2, allow_nan=False)
    pending: list[str] = []
    size = 0
    for chunk in encoder.iterencode(document):
        pending.append(chunk)
        size += len(chunk)
        if size >= 1 << 16:
            yield escape.json_document("".join(pending))
            pending, size = [], 0
    pending.append("\n")
    yield escape.json_document("".join(pending))


def dumps(document: Any) -> str:
    text = json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False)
    return escape.json_document(text) + "\n"


def _num(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else value


class _Each(list):
    """The KPIs of a streamed document: each made when the encoder reaches it, and
    dropped once written (json's encoder iterates a list and asks only whether it is
    empty), so 100,000 KPIs' dicts are never all in memory at once."""

    def __init__(self, results, make):
        super().__init__()
        self._results, self._make = results, make

    def __bool__(self) -> bool:
        return bool(self._results)

    def __len__(self) -> int:
        return len(self._results)

    def __iter__(self):
        return (self._make(r) for r in self._results)


def check_document(report: Report, *, lazy: bool = False) -> dict[str, Any]:
    """The document; a strategy with grades adds `grades {code: count}` beside every
    `summary` and `grade` (code or null) to each KPI (absent without grades). `lazy`: the
    KPIs are made one by one as the encoder reaches them (`stream`)."""
    graded = bool(report.strategy.evaluation.grades)

    def each(r: KpiResult) -> dict[str, Any]:
        return kpi_result(r, graded)

    document = {
        "year": report.year,
        "strategy": report.strategy.meta.title,
        "strict": report.strict,
        "thresholds": {
            "on_track": report.thresholds.on_track,
            "behind": report.thresholds.behind,
        },
        "summary": {s.value: n for s, n in report.summary.items()},
        "projected_to_miss": report.projected_to_miss,
        "older_figures": report.stale_count,
        "data_years": {str(y): n for y, n in report.data_years.items()},
        "fictional": report.fictional,
        "review": report.review_file,
        "kpis": _Each(report.kpis, each) if lazy else [each(r) for r in report.kpis],
        "goals": [
            {
                **_group(g, report),
                "number": g.number,
                "policies": [_group(p, report) for p in g.policies],
            }
            for g in report.goals
        ],
    }
    if graded:
        document = _after(document, "summary", {"grades": report.grade_summary})
    return document


def _after(document: dict[str, Any], key: str, more: dict[str, Any]) -> dict[str, Any]:
    """The document with `more` placed right after `key` (JSON readers see it beside it)."""
    out: dict[str, Any] = {}
    for k, v in document.items():
        out[k] = v
        if k == key:
            out.update(more)
    return out


def _group(g: Group, report: Report) -> dict[str, Any]:
    group = {
        "code": g.code,
        "title": g.title,
        "title_en": g.title_en,
        "kpis": list(g.kpi_ids),
        "summary": {s.value: n for s, n in g.counts.items()},
        "share_on_track": g.share_on_track,
        "projected_to_miss": g.projected_to_miss,
        "older_figures": g.older_figures,
    }
    if report.strategy.evaluation.grades:
        results = [report.result(k) for k in g.kpi_ids]
        group = _after(group, "summary", {"grades": grade_counts(report.strategy, results)})
    return group


def kpi_result(r: KpiResult, graded: bool = False) -> dict[str, Any]:
    k = r.kpi
    result = {
        "id": k.id,
        "name": k.name,
        "name_en": k.name_en,
        "unit": k.unit,
        "kind": k.kind,
        "direction": k.direction,
        "measures": list(k.measures),
        "baseline": {"year": k.baseline.year, "value": _num(k.baseline.value)},
        "target": {"year": k.target.year, "value": _num(k.target.value), "kind": k.target.kind},
        "actual": None
        if r.actual is None
        else {
            "year": r.actual_year,
            "value": _num(r.actual),
            "source": r.source,
            "note": r.note,
        },
        "expected": _num(r.expected),
        "attainment": r.attainment,
        "progress": r.progress,
        "status": r.status.value,
        "computed_status": r.computed_status.value,
        "override": (
            None
            if r.override is None
            else {"status": r.override.status.value, "reason": r.override.reason}
        ),
        "explanation": r.explanation,
        "stale": r.stale,
        "missing_years": list(r.missing_years),
        "outlook": outlook(r.outlook),
    }
    if graded:
        result = _after(result, "status", {"grade": r.grade.code if r.grade else None})
    return {**result, **forms(k)}


def forms(k: Kpi) -> dict[str, Any]:
    """What a KPI of another strategy's forms adds (nothing for today's forms): its year
    basis when calendar, its method when not linear, its milestones, and how a derived
    target was derived (`derived {form: value}`: the value is derived, not printed)."""
    out: dict[str, Any] = {}
    if k.calendar:
        out["year_basis"] = "calendar"
    if k.how != "linear":
        out["method"] = k.how
    if k.milestones:
        out["milestones"] = [{"year": m.year, "value": _num(m.value)} for m in k.milestones]
    if k.target.derived:
        out["derived"] = {k.target.derived: _num(getattr(k.target, k.target.derived))}
    return out


def outlook(o: Outlook | None) -> dict[str, Any] | None:
    """`outlook {projected, year, pace, required_pace, reaches} | null` (not rounded)."""
    if o is None:
        return None
    return {
        "projected": _num(o.projected),
        "year": o.year,
        "pace": _num(o.pace),
        "required_pace": _num(o.required_pace),
        "reaches": o.reaches,
    }


def kpi_definition(k: Kpi) -> dict[str, Any]:
    """One entry of `pdca kpis --format json`."""
    return {
        "id": k.id,
        "name": k.name,
        "name_en": k.name_en,
        "unit": k.unit,
        "unit_en": k.unit_en,
        "direction": k.direction,
        "kind": k.kind,
        "baseline": {
            "year": k.baseline.year,
            "value": _num(k.baseline.value),
            "text": k.baseline.text,
        },
        "target": {
            "year": k.target.year,
            "value": _num(k.target.value),
            "kind": k.target.kind,
            "text": k.target.text,
        },
        "period": list(k.period) if k.period else None,
        "measures": list(k.measures),
        **forms(k),
    }
