"""Benchmarks of issue #16's scale items (5, second bullet; 22): ratios measured side by
side in fresh processes, CPU time (user + system) and peak memory (max RSS), never asserted
by a timed test.

    python benchmarks/scale_files.py                 # figures printed
    python benchmarks/scale_files.py --write-readme  # ... and the README's block updated

1. 50,000 unknown ids against 5,000 in an actuals file: `pdca validate` (linear: ~10).
2. `pdca import` of 10,000 CSV rows against 1,000 into a 10,000-KPI strategy (goal <= 12).
3. `pdca record` of one figure into a 10,000-entry file against `pdca check` (goal <= 1).
4. `pdca validate` at 100,000 KPIs against 10,000 (linear: ~10), and against `pdca check`.
5. `pdca check --format json -o FILE` at 100,000 KPIs: its peak memory (streamed).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import synthetic, write_readme

ROOT = Path(__file__).resolve().parent.parent
MINI_STRATEGY = ROOT / "tests" / "fixtures" / "mini-strategy.yaml"
BEGIN, END = "<!-- bench-files:begin -->", "<!-- bench-files:end -->"


def run(args: list[str], cwd: Path) -> tuple[float, float]:
    """CPU seconds (user + system) and peak RSS (MB) of `pdca ARGS` in a fresh process
    (os.wait4: that process's own figures)."""
    child = subprocess.Popen(
        [sys.executable, "-m", "kanazawa_pdca", *args],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    _, _, usage = os.wait4(child.pid, 0)
    child.returncode = 0  # reaped here
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def best(args: list[str], cwd: Path, runs: int) -> float:
    return min(run(args, cwd)[0] for _ in range(runs))


def unknown_ids(tmp: Path, runs: int) -> dict:
    out = {}
    for n in (5_000, 50_000):
        folder = tmp / f"unknown{n}"
        folder.mkdir()
        (folder / "2026.yaml").write_text(
            "".join(f"unknown-id-{i}: {i}\n" for i in range(n)), encoding="utf-8"
        )
        args = ["validate", "--strategy", str(MINI_STRATEGY), "--actuals", str(folder)]
        out[n] = best(args, tmp, runs)
    return {"small": out[5_000], "large": out[50_000], "ratio": out[50_000] / out[5_000]}


def writes(tmp: Path, runs: int) -> dict:
    (tmp / "w").mkdir()
    strategy, actuals = synthetic(tmp / "w", 10_000)
    found = {}
    for rows in (1_000, 10_000):
        sheet = tmp / f"rows{rows}.csv"
        sheet.write_text(
            "kpi_id,value\n" + "".join(f"kpi-{i:06d},{500 + i % 7}\n" for i in range(rows)),
            encoding="utf-8",
        )
        times = []
        for _ in range(runs):
            folder = tmp / f"import{rows}"
            shutil.rmtree(folder, ignore_errors=True)
            shutil.copytree(actuals, folder)
            args = ["import", "2027", str(sheet), "--strategy", str(strategy)]
            times.append(run([*args, "--actuals", str(folder)], tmp)[0])
        found[rows] = min(times)
    check = best(
        ["check", "2026", "--strategy", str(strategy), "--actuals", str(actuals)], tmp, runs
    )
    record = best(
        ["record", "2026", "kpi-000005", "999", "--overwrite", "--strategy", str(strategy),
         "--actuals", str(actuals)],
        tmp,
        runs,
    )  # fmt: skip
    return {
        "import1k": found[1_000],
        "import10k": found[10_000],
        "import_ratio": found[10_000] / found[1_000],
        "record": record,
        "check": check,
        "record_ratio": record / check,
    }


def large(tmp: Path, runs: int) -> dict:
    found = {}
    for n in (10_000, 100_000):
        (tmp / f"k{n}").mkdir()
        strategy, actuals = synthetic(tmp / f"k{n}", n)
        base = ["--strategy", str(strategy), "--actuals", str(actuals)]
        found[n] = {
            "validate": best(["validate", *base], tmp, runs),
            "check": best(["check", "2026", "--format", "json", *base], tmp, runs),
        }
        if n == 100_000:
            out = tmp / "out.json"
            _, peak = run(["check", "2026", "--format", "json", *base, "-o", str(out)], tmp)
            found["json_peak_mb"] = peak
            found["json_mb"] = out.stat().st_size / 1e6
            _, vpeak = run(["validate", *base], tmp)
            found["validate_peak_mb"] = vpeak
    v10, v100 = found[10_000]["validate"], found[100_000]["validate"]
    return {
        "v10": v10,
        "v100": v100,
        "v_ratio": v100 / v10,
        "c100": found[100_000]["check"],
        "vc_ratio": v100 / found[100_000]["check"],
        "json_peak_mb": found["json_peak_mb"],
        "json_mb": found["json_mb"],
        "validate_peak_mb": found["validate_peak_mb"],
    }


def markdown(u: dict, w: dict, big: dict, runs: int) -> str:
    def ok(ratio: float, goal: float) -> str:
        return "met" if ratio <= goal else "**not met**"

    return "\n".join(
        [
            f"Measured by `python benchmarks/scale_files.py --write-readme` (CPU time, user + "
            f"system, of fresh processes, the best of {runs}; the 2-core shared machine).",
            "",
            "| side by side | this | against | ratio | goal |",
            "|---|---:|---:|---:|---|",
            f"| `pdca validate`: 50,000 unknown ids / 5,000 | {u['large']:.2f} s "
            f"| {u['small']:.2f} s | {u['ratio']:.1f} | linear (≈ 10), about 1 s |",
            f"| `pdca import` into 10,000 KPIs: 10,000 rows / 1,000 | {w['import10k']:.2f} s "
            f"| {w['import1k']:.2f} s | {w['import_ratio']:.1f} "
            f"| ≤ 12: {ok(w['import_ratio'], 12)} |",
            f"| `pdca record` of one figure into a 10,000-entry file / `pdca check` "
            f"| {w['record']:.2f} s | {w['check']:.2f} s | {w['record_ratio']:.2f} "
            f"| ≤ 1: {ok(w['record_ratio'], 1)} |",
            f"| `pdca validate`: 100,000 KPIs / 10,000 | {big['v100']:.2f} s "
            f"| {big['v10']:.2f} s | {big['v_ratio']:.1f} | linear (≈ 10) |",
            f"| `pdca validate` / `pdca check --format json`, 100,000 KPIs "
            f"| {big['v100']:.2f} s | {big['c100']:.2f} s | {big['vc_ratio']:.2f} | (was 2.3) |",
            "",
            f"Peak memory at 100,000 KPIs: `pdca check 2026 --format json -o FILE` "
            f"{big['json_peak_mb']:,.0f} MB for a {big['json_mb']:.0f} MB text (the JSON is "
            f"written as it is encoded; 1.82 GB when it was built whole), `pdca validate` "
            f"{big['validate_peak_mb']:,.0f} MB.",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="runs of each; the best is kept")
    parser.add_argument("--write-readme", action="store_true", help="update README.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        u = unknown_ids(tmp, args.runs)
        print(f"unknown ids: 50k {u['large']:.2f} s, 5k {u['small']:.2f} s, {u['ratio']:.1f}")
        w = writes(tmp, args.runs)
        print(f"import: 10k {w['import10k']:.2f} s, 1k {w['import1k']:.2f} s, "
              f"{w['import_ratio']:.1f}; record {w['record']:.2f} s / check {w['check']:.2f} s "
              f"= {w['record_ratio']:.2f}")  # fmt: skip
        big = large(tmp, args.runs)
        print(f"validate: 100k {big['v100']:.2f} s, 10k {big['v10']:.2f} s, {big['v_ratio']:.1f};"
              f" / check {big['vc_ratio']:.2f}; json peak {big['json_peak_mb']:.0f} MB, "
              f"validate peak {big['validate_peak_mb']:.0f} MB")  # fmt: skip
    if args.write_readme:
        write_readme(markdown(u, w, big, args.runs), BEGIN, END)
        print("README.md updated")


if __name__ == "__main__":
    main()
