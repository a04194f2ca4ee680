"""Generate the FICTIONAL demo actuals in examples/demo-actuals/ (FY2024–FY2026).

The figures are invented so that `pdca check 2026 --actuals examples/demo-actuals`
shows every status and every KPI kind. They are not Kanazawa City's figures.

    python examples/make_demo_actuals.py
"""

from __future__ import annotations

from pathlib import Path

from kanazawa_pdca.assess import expected_at
from kanazawa_pdca.load import load_strategy

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "examples" / "demo-actuals"
YEARS = (2024, 2025, 2026)
# attainment aimed at in FY2026, cycling over the KPIs; None = no figure at all
PLAN = [1.15, 0.8, 0.3, "achieved", -0.3, 1.02, None, 0.65, 0.1, "stale"]

HEADER = """\
# yaml-language-server: $schema=../../schemas/actuals.schema.json
# ============================================================================
#  FICTIONAL DEMO DATA — NOT REAL FIGURES / 架空のデモデータ（実績値ではありません）
# ============================================================================
# Invented by examples/make_demo_actuals.py so that
#   pdca check 2026 --actuals examples/demo-actuals
# shows every status and every kind of KPI. Never copy these into data/actuals/.
# `fictional: true` marks the file for pdca too: every report made from it carries a banner.
fictional: true
"""


def _round(kpi, value: float) -> float | int:
    if kpi.unit == "%":
        return round(min(max(value, 0.0), 100.0), 1)
    if kpi.unit == "" or not float(kpi.baseline.value).is_integer():
        return round(value, 2)
    return max(0, round(value))


def main() -> None:
    strategy = load_strategy(ROOT / "data" / "strategy.yaml")
    files: dict[int, list[str]] = {y: [] for y in YEARS}
    for i, kpi in enumerate(strategy.kpis):
        plan = PLAN[i % len(PLAN)]
        if plan is None:
            continue
        if kpi.target.kind == "reset":
            for y in YEARS:
                files[y].append(f"{kpi.id}: {1.33 - 0.01 * (y - 2024)}")
            continue
        if kpi.kind == "period_total":
            # a yearly figure; the window's running sum is judged
            share = kpi.target.value / 5
            for y, f in zip(YEARS, (1.05, 0.95, 1.1), strict=True):
                files[y].append(f"{kpi.id}: {_round(kpi, share * f)}")
            continue
        years = YEARS[:2] if plan == "stale" else YEARS
        aim = 0.9 if plan == "stale" else plan
        if kpi.kind == "cumulative" and isinstance(aim, float) and aim < 0:
            aim = 0.2  # a running total cannot fall below its baseline
        previous = None
        for y in years:
            b = kpi.baseline.value
            if aim == "achieved":
                value = kpi.target.value * (1.0 if y == years[-1] else 0.97) + (
                    0.5 * kpi.sign if y == years[-1] and kpi.target.kind != "maintain" else 0
                )
                if kpi.target.kind == "maintain":
                    value = kpi.target.value + kpi.sign * (1 if kpi.unit != "%" else 0.5)
            elif kpi.target.kind == "maintain":
                value = kpi.target.value + kpi.sign * (-1.0 if aim < 1 else 1.0)
                if aim < 0:
                    value = b - kpi.sign * abs(b) * 0.05
            else:
                value = b + aim * (expected_at(kpi, y) - b)
            value = _round(kpi, value)
            if kpi.kind == "cumulative" and previous is not None:
                value = max(value, previous)
            previous = value
            files[y].append(f"{kpi.id}: {value}")
    OUT.mkdir(parents=True, exist_ok=True)
    for y in YEARS:
        body = HEADER + f"# FY{y} (令和{y - 2018}年度)\n" + "\n".join(files[y]) + "\n"
        (OUT / f"{y}.yaml").write_text(body, encoding="utf-8")
        print(f"wrote {OUT / f'{y}.yaml'}: {len(files[y])} figures")


if __name__ == "__main__":
    main()
