"""JSON Schema for the three kinds of YAML file, generated from the pydantic models.

Editors (VS Code's YAML extension, JetBrains, …) read the `# yaml-language-server:
$schema=…` line at the top of each file and offer completion and errors while typing.
The committed files in schemas/ are tested to equal what this module generates, and the
bundled YAML is tested to validate against them, so the schema editors see and the
rules `pdca validate` enforces cannot drift apart. (The cross-checks that span several
places — references, ordering, directions — are pdca's alone.)
"""

from __future__ import annotations

import json
from typing import Any

from .model.actuals import Actual
from .model.strategy import Strategy

DIALECT = "https://json-schema.org/draft/2020-12/schema"
KINDS = ("strategy", "actuals", "reviews")


def strategy_schema() -> dict[str, Any]:
    schema = Strategy.model_json_schema()
    return {
        "$schema": DIALECT,
        "$id": "https://kanazawa-pdca.invalid/schemas/strategy.schema.json",
        **schema,
    }


def actuals_schema(strategy: Strategy) -> dict[str, Any]:
    """One property per KPI id of the strategy (with its name), so editors complete ids."""
    entry = Actual.model_json_schema()
    defs: dict[str, Any] = {}
    for name, bounds in (("count", {"minimum": 0}), ("percentage", {"minimum": 0, "maximum": 100})):
        number = {"type": "number", **bounds}
        defs[name] = {
            "description": entry.get("description", ""),
            "oneOf": [
                number,
                {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["value"],
                    "properties": {**entry["properties"], "value": number},
                },
            ],
        }
    properties: dict[str, Any] = {}
    for kpi in strategy.kpis:
        unit = f" [{kpi.unit}]" if kpi.unit else ""
        properties[kpi.id] = {
            "title": kpi.name,
            "description": f"{kpi.name}{unit} — {kpi.name_en}. "
            f"{kpi.kind}; baseline {kpi.baseline.text or '—'} → target {kpi.target.text}",
            "$ref": f"#/$defs/{'percentage' if kpi.unit == '%' else 'count'}",
        }
    return {
        "$schema": DIALECT,
        "$id": "https://kanazawa-pdca.invalid/schemas/actuals.schema.json",
        "title": "pdca actuals: KPI id → figure for one fiscal year",
        "description": "data/actuals/<year>.yaml: each KPI id maps to its value, or to "
        "{value, source, note}.",
        "type": ["object", "null"],
        "additionalProperties": False,
        "properties": {
            "fictional": {
                "type": "boolean",
                "description": "true: invented (demo) figures; reports carry a banner",
            },
            **properties,
        },
        "$defs": defs,
    }


def reviews_schema(strategy: Strategy) -> dict[str, Any]:
    """The committee's review: codes, KPI ids, ratings and directions from the strategy."""
    from .model.reviews import OVERRIDE_STATUSES

    ev = strategy.evaluation

    def vocabulary(terms) -> dict[str, Any]:
        if not terms:
            return {"type": "string", "minLength": 1}
        return {
            "type": "string",
            "enum": [t.code for t in terms],
            "description": "; ".join(f"{t.code}: {t.label} — {t.meaning}" for t in terms),
        }

    group = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "rating": {**vocabulary(ev.ratings), "title": "評価 (evaluation.ratings)"},
            "analysis": {"type": "string", "minLength": 1, "title": "分析・評価の理由"},
            "direction": {**vocabulary(ev.directions), "title": "今後の方向性"},
            "plan": {"type": "string", "minLength": 1, "title": "今後の取組"},
        },
    }
    goals, policies, measures = [], [], []
    for g in strategy.goals:
        goals.append(f"G{g.number}")
        for p in g.policies:
            policies.append(f"{g.number}-{p.number}")
            measures += [f"{g.number}-{p.number}-{m.number}" for m in p.measures]

    def section(codes: list[str]) -> dict[str, Any]:
        return {
            "type": "object",
            "propertyNames": {"enum": codes},
            "additionalProperties": {"$ref": "#/$defs/group"},
        }

    statuses = [s.value for s in OVERRIDE_STATUSES]
    statuses += [v.replace("_", "-") for v in statuses if "_" in v]
    kpi = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "explanation": {"type": "string", "minLength": 1, "title": "要因分析"},
            "override": {
                "type": "object",
                "additionalProperties": False,
                "required": ["status", "reason"],
                "title": "the committee's status, replacing the computed one",
                "properties": {
                    "status": {"enum": statuses},
                    "reason": {"type": "string", "minLength": 1, "pattern": r"\S"},
                },
            },
        },
    }
    return {
        "$schema": DIALECT,
        "$id": "https://kanazawa-pdca.invalid/schemas/reviews.schema.json",
        "title": "pdca review: the committee's evaluation of one fiscal year",
        "description": "data/reviews/<year>.yaml: ratings and directions per goal, policy and "
        "measure, an explanation per KPI, and status overrides with their reason.",
        "type": ["object", "null"],
        "additionalProperties": False,
        "properties": {
            "fictional": {"type": "boolean", "description": "true: invented (demo) data"},
            "goals": section(goals),
            "policies": section(policies),
            "measures": section(measures),
            "kpis": {
                "type": "object",
                "propertyNames": {"enum": [k.id for k in strategy.kpis]},
                "additionalProperties": {"$ref": "#/$defs/kpi"},
            },
        },
        "$defs": {"group": group, "kpi": kpi},
    }


def generate(kind: str, strategy: Strategy | None = None) -> str:
    if kind == "strategy":
        schema = strategy_schema()
    elif kind in ("actuals", "reviews"):
        if strategy is None:
            raise ValueError(f"the {kind} schema is generated from a strategy")
        schema = actuals_schema(strategy) if kind == "actuals" else reviews_schema(strategy)
    else:
        raise ValueError(f"unknown schema {kind!r} (one of: {', '.join(KINDS)})")
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
