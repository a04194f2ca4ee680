"""Benchmark (not a timed test): `pdca report` against `pdca check` with the same data.

    python benchmarks/report.py                  # figures printed
    python benchmarks/report.py --write-readme   # ... and the README's report figures updated

Issue #11 item 10: the report costs at most 2x `pdca check` with the same data, and the HTML
for the bundled strategy is at most 400 KB. Both commands run side by side in one run (fresh
processes, byte-code caching on, alternating, the median of the per-pair ratios; see
bench.py), on the bundled strategy with no actuals and with the fictional demo actuals and
review (every KPI then has a chart with figures, an outlook and a movement).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import bench
from bench import PY, ROOT, side_by_side, write_readme

BEGIN, END = "<!-- bench-report:begin -->", "<!-- bench-report:end -->"
DEMO = ["--actuals", "examples/demo-actuals", "--reviews", "examples/demo-reviews"]


def _quiet(command: list[str], cwd: Path = ROOT) -> float:
    """bench._time with stderr (pdca report's "wrote …" line) discarded too."""
    import subprocess
    import time

    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True,
                   cwd=cwd, env=bench._env())  # fmt: skip
    return time.perf_counter() - start


def measure(pairs: int) -> list[dict]:
    bench._time = _quiet
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in (("bundled, no actuals", []), ("bundled + demo actuals/review", DEMO)):
            for charts in ([], ["--no-charts"]):
                out = Path(tmp) / "report.html"
                report = [PY, "-m", "kanazawa_pdca", "report", "2026", *data, *charts]
                report += ["-o", str(out)]
                check = [PY, "-m", "kanazawa_pdca", "check", "2026", *data]
                a, b, ratio = side_by_side(report, check, pairs)
                rows.append(
                    {
                        "data": name + (" --no-charts" if charts else ""),
                        "report": a,
                        "check": b,
                        "ratio": ratio,
                        "size": out.stat().st_size,
                    }
                )
    return rows


def markdown(rows: list[dict], pairs: int) -> str:
    lines = [
        f"Measured by `python benchmarks/report.py --write-readme` ({pairs} alternating pairs, "
        "medians, the 2-core shared machine).",
        "",
        "| data | `pdca report 2026 -o r.html` | `pdca check 2026` | ratio (≤ 2) "
        "| HTML (≤ 400 KB) |",
        "|---|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['data']} | {r['report'] * 1000:.0f} ms | {r['check'] * 1000:.0f} ms "
            f"| {r['ratio']:.2f} | {r['size'] / 1000:.0f} KB |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=15)
    parser.add_argument("--write-readme", action="store_true", help="update README.md")
    args = parser.parse_args()
    rows = measure(args.pairs)
    for r in rows:
        print(
            f"{r['data']:<42} report {r['report'] * 1000:5.0f} ms, check {r['check'] * 1000:5.0f}"
            f" ms, ratio {r['ratio']:.2f}, HTML {r['size'] / 1000:.0f} KB"
        )
    if args.write_readme:
        write_readme(markdown(rows, args.pairs), BEGIN, END)
        print("README.md updated")


if __name__ == "__main__":
    assert (ROOT / "examples" / "demo-actuals").is_dir()
    main()
