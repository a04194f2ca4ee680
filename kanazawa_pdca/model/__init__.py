"""The data models (pydantic): the strategy document, the yearly actuals, the reviews.

    figures.py   Figure: a finite number of sane size
    strategy.py  the strategy document (imports figures)
    checks.py    the cross-checks of a strategy (imports strategy; never imported by it)
    actuals.py   Actual, ActualsSet and their checks against the strategy
    reviews.py   Review, ReviewSet and their checks against the strategy

The names below are imported on first use, so that `import kanazawa_pdca.model` alone
imports no pydantic.
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
