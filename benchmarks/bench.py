"""Benchmarks (not timed tests): `pdca check 2026` end to end, and load + assess at scale.

    python benchmarks/bench.py            # all
    python benchmarks/bench.py --quick    # fewer repetitions

1. End to end: `pdca check 2026` in a fresh process on the bundled data (strategy cache
   warm, and cold with PDCA_NO_CACHE=1), against the floor of importing the
   dependencies it needs.
2. Scale: a synthetic strategy of N KPIs (written to a temporary folder, 4 goals, one
   measure per KPI, three years of actuals), timed through load (cold: parse +
   validate + cross-check), assess, and the JSON / table renderings.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _env(**extra: str) -> dict[str, str]:
    """The environment of a user's shell: byte-code caching on, as after a normal install."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, **extra}


def _median_ms(command: list[str], runs: int, env: dict[str, str] | None = None) -> float:
    env = env or _env()
    times = []
    for _ in range(runs + 1):  # the first run warms the OS cache (and the strategy cache)
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True, cwd=ROOT, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times[1:]) * 1000


def end_to_end(runs: int) -> None:
    py = sys.executable
    floor = [
        py, "-c",
        "import typer, typer.main, rich.console, rich.text, ruamel.yaml; "
        "from pydantic import BaseModel",
    ]  # fmt: skip
    pdca = [py, "-m", "kanazawa_pdca", "check", "2026"]
    cold_env = _env(PDCA_NO_CACHE="1")
    rows = [
        ("python -c pass", _median_ms([py, "-c", "pass"], runs)),
        ("import the dependencies", _median_ms(floor, runs)),
        ("pdca --help", _median_ms([py, "-m", "kanazawa_pdca", "--help"], runs)),
        ("pdca check 2026 (cache warm)", _median_ms(pdca, runs)),
        ("pdca check 2026 (no cache)", _median_ms(pdca, runs, cold_env)),
        ("pdca check 2026 --format json", _median_ms([*pdca, "--format", "json"], runs)),
        (
            "pdca check 2026 --actuals examples/demo-actuals",
            _median_ms([*pdca, "--actuals", "examples/demo-actuals"], runs),
        ),
    ]
    print(f"end to end, median of {runs} runs")
    for name, ms in rows:
        print(f"  {name:<50} {ms:7.1f} ms")


def synthetic(folder: Path, n: int) -> tuple[Path, Path]:
    """A valid strategy of n KPIs (all kinds) and three years of actuals."""
    goals = 4
    lines = [
        "meta: {title: 合成, title_en: Synthetic, issuer: テスト, issued: 2024-03,",
        "       period: {start: 2024, end: 2028}}",
        "goals:",
    ]
    per_goal = -(-n // goals)
    ids = [f"kpi-{i:05d}" for i in range(n)]
    for g in range(goals):
        chunk = ids[g * per_goal : (g + 1) * per_goal]
        lines += [
            f"  - number: {g + 1}",
            f"    title: 目標{g + 1}",
            f"    title_en: Goal {g + 1}",
            "    policies:",
            "      - number: 1",
            "        title: 施策",
            "        title_en: Policy",
            "        measures:",
        ]
        for m, kpi_id in enumerate(chunk):
            lines += [
                f"          - number: {m + 1}",
                "            title: 取組",
                "            title_en: Measure",
                "            description: 説明",
                f"            kpis: [{{kpi: {kpi_id}}}]",
                "            projects: [{text: 事業}]",
            ]
    lines.append("kpis:")
    actuals = {2024: [], 2025: [], 2026: []}
    for i, kpi_id in enumerate(ids):
        g, m = divmod(i, per_goal)
        code = f"{g + 1}-1-{m + 1}"
        kind = ("level", "cumulative", "period_total")[i % 3]
        period = "\n    period: [2024, 2028]" if kind == "period_total" else ""
        lines += [
            f"  - id: {kpi_id}",
            f"    name: 指標{i}",
            f"    name_en: Indicator {i}",
            "    unit: 件",
            "    direction: increase",
            f"    kind: {kind}",
            "    baseline: {year: 2022, value: 100, text: 100件（R4）}",
            "    target: {year: 2028, value: 700, kind: exact, text: 700件（R10）}" + period,
            f"    measures: [{code}]",
        ]
        for year in actuals:
            value = 100 + (year - 2022) * (80 + i % 50)
            actuals[year].append(f"{kpi_id}: {value if kind != 'period_total' else 140}")
    strategy = folder / "strategy.yaml"
    strategy.write_text("\n".join(lines) + "\n", encoding="utf-8")
    actuals_dir = folder / "actuals"
    actuals_dir.mkdir()
    for year, entries in actuals.items():
        (actuals_dir / f"{year}.yaml").write_text("\n".join(entries) + "\n", encoding="utf-8")
    return strategy, actuals_dir


def scale(sizes: list[int]) -> None:
    os.environ["PDCA_NO_CACHE"] = "1"  # time the real parse and validation
    from kanazawa_pdca.assess import assess
    from kanazawa_pdca.formats import RenderOptions, render
    from kanazawa_pdca.load import load_all

    print("scale: synthetic strategies, three years of actuals (seconds)")
    print(f"  {'KPIs':>6} {'load':>8} {'assess':>8} {'json':>8} {'table':>8} {'file':>9}")
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            strategy_path, actuals_dir = synthetic(Path(tmp), n)
            size = strategy_path.stat().st_size
            t0 = time.perf_counter()
            strategy, actuals, _ = load_all(strategy_path, actuals_dir)
            t1 = time.perf_counter()
            report = assess(strategy, actuals, 2026)
            t2 = time.perf_counter()
            render("json", report)
            t3 = time.perf_counter()
            render("table", report, RenderOptions(width=120))
            t4 = time.perf_counter()
            assert len(report.kpis) == n
            print(
                f"  {n:>6} {t1 - t0:8.3f} {t2 - t1:8.3f} {t3 - t2:8.3f} {t4 - t3:8.3f} "
                f"{size / 1e6:7.1f}MB"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args()
    end_to_end(5 if args.quick else 15)
    scale([1000, 10000])


if __name__ == "__main__":
    main()
