"""The data models: the strategy document and the yearly actuals."""

from .actuals import Actual, ActualsSet
from .strategy import Goal, Kpi, KpiRef, Measure, Policy, Strategy, Thresholds

__all__ = [
    "Actual",
    "ActualsSet",
    "Goal",
    "Kpi",
    "KpiRef",
    "Measure",
    "Policy",
    "Strategy",
    "Thresholds",
]
