"""What a new strategy starts from (`pdca init`): pdca's documented default evaluation (the
thresholds and the review vocabularies), the placeholders of its meta, and the skeleton; the
data as the YAML file holds it (`init.render` writes it)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

# The review vocabularies pdca ships as its documented default (DESIGN: "ship a documented
# default and make it easy to change; never present the default as the city's"). The
# bundled strategy uses the same words while it says `default_scale: true` (a test holds it).
DEFAULT_RATINGS: list[dict[str, str]] = [
    {"code": "A", "label": "順調", "label_en": "On course",
     "meaning": "計画どおり、またはそれ以上に進んでいる",
     "meaning_en": "progressing as planned or better"},
    {"code": "B", "label": "概ね順調", "label_en": "Mostly on course",
     "meaning": "一部に遅れはあるが、概ね計画どおり進んでいる",
     "meaning_en": "progressing mostly as planned, with some delays"},
    {"code": "C", "label": "やや遅れ", "label_en": "Somewhat delayed",
     "meaning": "計画より遅れており、取組の強化が必要",
     "meaning_en": "behind the plan; the work needs strengthening"},
    {"code": "D", "label": "遅れ", "label_en": "Delayed",
     "meaning": "計画より大きく遅れており、取組の見直しが必要",
     "meaning_en": "well behind the plan; the approach needs rethinking"},
]  # fmt: skip
DEFAULT_DIRECTIONS: list[dict[str, str]] = [
    {"code": "拡充", "label": "拡充", "label_en": "Expand", "meaning": "取組を拡大・強化する",
     "meaning_en": "expand or strengthen the measure"},
    {"code": "継続", "label": "継続", "label_en": "Continue", "meaning": "現在の取組を継続する",
     "meaning_en": "continue as now"},
    {"code": "改善", "label": "改善", "label_en": "Improve", "meaning": "手法を見直して改善する",
     "meaning_en": "continue with a revised approach"},
    {"code": "縮小", "label": "縮小", "label_en": "Reduce", "meaning": "取組を縮小する",
     "meaning_en": "scale the measure down"},
    {"code": "終了", "label": "終了", "label_en": "End",
     "meaning": "目的を達成した、または役割を終えたため終了する",
     "meaning_en": "end the measure (its aim is met or its role is over)"},
]  # fmt: skip
DEFAULT_THRESHOLDS = {"on_track": 1.0, "behind": 0.6}

# what a new strategy says until the city writes its own
PLACEHOLDER_META = {
    "title": "（戦略の名称）",
    "title_en": "(the strategy's title in English)",
    "issuer": "（策定した団体の名称）",
}


def fiscal_year(today: dt.date) -> int:
    """The fiscal year (April–March) a day falls in."""
    return today.year if today.month >= 4 else today.year - 1


# --- the skeleton --------------------------------------------------------------------------


def skeleton_data(today: dt.date) -> dict[str, Any]:
    """A strategy that validates and shows each part: one goal with a numerical target
    (G1) and one policy with one measure holding a second KPI (1-1-1)."""
    start = fiscal_year(today)
    end = start + 4
    base = start - 1
    return {
        "meta": {
            **PLACEHOLDER_META,
            "issued": f"{start}-03",
            "period": {"start": start, "end": end},
        },
        "evaluation": default_evaluation(),
        "goals": [
            {
                "number": 1,
                "title": "（基本目標1の名称）",
                "title_en": "(basic goal 1 in English)",
                "targets": [{"kpi": "population-satisfaction"}],
                "policies": [
                    {
                        "number": 1,
                        "title": "（施策(1)の名称）",
                        "title_en": "(policy 1 in English)",
                        "measures": [
                            {
                                "number": 1,
                                "title": "（取組①の名称）",
                                "title_en": "(measure 1 in English)",
                                "description": "（取組の説明）",
                                "kpis": [{"kpi": "event-participants"}],
                            }
                        ],
                    }
                ],
            }
        ],
        "kpis": [
            {
                "id": "population-satisfaction",
                "name": "（KPIの名称: 例 市民満足度）",
                "name_en": "(the KPI in English: e.g. residents' satisfaction)",
                "unit": "%",
                "direction": "increase",
                "kind": "level",
                "baseline": {"year": base, "value": 70, "text": f"70%（{_era(base)}）"},
                "target": {
                    "year": end,
                    "value": 80,
                    "kind": "at_least",
                    "text": f"80%以上（{_era(end)}）",
                },
                "measures": ["G1"],
            },
            {
                "id": "event-participants",
                "name": "（KPIの名称: 例 講座の参加者数）",
                "name_en": "(the KPI in English: e.g. course participants, running total)",
                "unit": "人",
                "unit_en": "people",
                "direction": "increase",
                "kind": "cumulative",
                "baseline": {"year": base, "value": 0, "text": f"{_era(start)}年度開始"},
                "target": {
                    "year": end,
                    "value": 1000,
                    "kind": "exact",
                    "text": f"1,000人（{_era(end)}）",
                },
                "measures": ["1-1-1"],
            },
        ],
    }


def _era(year: int) -> str:
    from ..years import reiwa

    return reiwa(year)


def default_evaluation() -> dict[str, Any]:
    return {
        "thresholds": dict(DEFAULT_THRESHOLDS),
        "default_scale": True,
        "ratings": [dict(t) for t in DEFAULT_RATINGS],
        "directions": [dict(t) for t in DEFAULT_DIRECTIONS],
    }


def figure_text(d: Decimal) -> str:
    """A figure as written: 1000, 47.5 (never an exponent)."""
    if d == d.to_integral_value():
        return str(int(d))
    return format(d.normalize(), "f")


def plain(value: Any) -> Any:
    """The data as YAML reads it back (Decimals as ints or floats)."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value
