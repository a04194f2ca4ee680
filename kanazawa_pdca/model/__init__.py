"""The data models: the strategy document and the yearly actuals.

The names are imported on first use, so that importing one model module (say the
pydantic-free `plain` or `checks`) does not import pydantic.
"""

from __future__ import annotations

import importlib

_WHERE = {
    "Actual": "actuals",
    "ActualsSet": "actuals",
    "Goal": "strategy",
    "Kpi": "strategy",
    "KpiRef": "strategy",
    "Measure": "strategy",
    "Policy": "strategy",
    "Strategy": "strategy",
    "Thresholds": "strategy",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name in _WHERE:
        return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
    raise AttributeError(name)
