"""JSON Schema for the two kinds of YAML file, generated from the pydantic models.

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
KINDS = ("strategy", "actuals")


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
            f"{kpi.kind}; baseline {kpi.baseline.text} → target {kpi.target.text}",
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
        "properties": properties,
        "$defs": defs,
    }


def generate(kind: str, strategy: Strategy | None = None) -> str:
    if kind == "strategy":
        schema = strategy_schema()
    elif kind == "actuals":
        if strategy is None:
            raise ValueError("the actuals schema is generated from a strategy")
        schema = actuals_schema(strategy)
    else:
        raise ValueError(f"unknown schema {kind!r} (one of: {', '.join(KINDS)})")
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
