"""Benchmarks (not timed tests): the side-by-side ratios of issue #11, and scale.

    python benchmarks/bench.py                  # everything, figures printed
    python benchmarks/bench.py --quick          # fewer runs, no 100k strategy
    python benchmarks/bench.py --write-readme   # ... and the README's speed figures updated

The machine is shared and noisy, so every goal is a *ratio* of two commands timed side by
side in one run: fresh processes, byte-code caching on (as after a normal install), the
two commands alternating, the median of the per-pair ratios. Each run's CPU time (user +
system of the child, from `os.wait4`) is taken beside its wall time: on a loaded machine a
process waits for a core, which the wall time counts and the CPU time does not.

1. Start-up: `pdca check 2026 --format json --actuals examples/demo-actuals` against a
   minimal Typer app that declares the same options as `pdca check` (generated from its
   parameters) and prints one JSON line. Goal (issue #14): at most 1.25, in wall time and
   in CPU time (both reported).
2. Large: a synthetic strategy of 10,000 KPIs with three years of actuals, `pdca check
   2026 --format json` cold, against merely loading the same strategy YAML with
   ruamel.yaml's C safe loader in a fresh process. Goal: at most 0.5.
3. Report: `pdca report 2026 -o report.html` against `pdca check 2026` (same data).
   Goal: at most 2.
4. Scale (in one process): load, assess and the JSON rendering of 1k, 10k and 100k KPIs,
   and the time per KPI (linear when it stays flat).
5. Memory: at 10,000 KPIs, the peak memory of load + assess over the size of the parsed
   documents (tracemalloc), and with the JSON text too. Goal: at most 2.
6. Forms (issue #15): 10,000 KPIs of mixed forms, methods and grades against 10,000 of
   today's forms, `pdca check 2026 --format json` each. Goal: at most 1.2.
7. Shared strings (issue #16 item 5): `pdca import --dry-run` of an xlsx whose shared
   strings are 51 MB (3,000,000 entries, under the unpack limit; openpyxl took over 12 s),
   refused from the part's size; and of one just under the 8 MB limit, read. Goal: the
   refusal well under a second, the largest sheet read in a few seconds.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
PY = sys.executable


def _env(**extra: str) -> dict[str, str]:
    """The environment of a user's shell: byte-code caching on, as after a normal install."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE",)}
    return {**env, **extra}


def _time(command: list[str], cwd: Path = ROOT) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system of the child, from `os.wait4`) of one
    run. The CPU time is what the run itself cost: on a shared machine the wall time also
    holds the time spent waiting for a core."""
    start = time.perf_counter()
    child = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=cwd,
        env=_env(),
    )
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise subprocess.CalledProcessError(child.returncode, command)
    return wall, usage.ru_utime + usage.ru_stime


@dataclass(frozen=True)
class Pair:
    """Two commands timed side by side: the medians of a and of b and the median of the
    per-pair ratios a/b, in wall time and in CPU time."""

    a: float
    b: float
    ratio: float
    a_cpu: float
    b_cpu: float
    cpu_ratio: float


def side_by_side(a: list[str], b: list[str], pairs: int, cwd: Path = ROOT) -> Pair:
    """Time a and b side by side.

    One warm-up run each (the OS's file cache, byte-code files), then a and b
    alternate, the order swapped every pair."""
    _time(a, cwd), _time(b, cwd)
    ta, tb = [], []
    for i in range(pairs):
        first, second = (a, b) if i % 2 == 0 else (b, a)
        t1, t2 = _time(first, cwd), _time(second, cwd)
        ta.append(t1 if first is a else t2)
        tb.append(t2 if first is a else t1)

    def medians(k: int) -> tuple[float, float, float]:
        ratios = [x[k] / y[k] for x, y in zip(ta, tb, strict=True)]
        med = statistics.median
        return med(x[k] for x in ta), med(y[k] for y in tb), med(ratios)

    return Pair(*medians(0), *medians(1))


# --- 1. start-up ---------------------------------------------------------------------------


def minimal_typer_app() -> str:
    """The source of a minimal Typer app with the options of `pdca check`, printing one
    JSON line; the options are read from the real command, so the two stay alike."""
    from kanazawa_pdca.cli import build_command

    command = build_command("check")
    params = []
    for p in command.params:
        kind = _annotation(p.type_descriptor.annotation)
        if p.param_type_name == "argument":
            params.append(f"    {p.name}: Annotated[{kind}, typer.Argument()],")
            continue
        opts = ", ".join(repr(o) for o in p.opts)
        default = "False" if p.is_flag else "None"
        kind = kind if p.is_flag else f"{kind} | None"
        params.append(f"    {p.name}: Annotated[{kind}, typer.Option({opts})] = {default},")
    params.sort(key=lambda line: "= " in line)  # the argument first
    names = ", ".join(f"{p.name!r}: {p.name}" for p in command.params if p.name != "fmt")
    return "\n".join(
        [
            "import json",
            "from pathlib import Path",
            "from typing import Annotated",
            "",
            "import typer",
            "",
            "app = typer.Typer(add_completion=False, pretty_exceptions_enable=False,",
            "                  rich_markup_mode=None)",
            "",
            "",
            "@app.command()",
            "def check(",
            *params,
            "):",
            f"    print(json.dumps({{{names}}}, default=str))",
            "",
            "",
            'if __name__ == "__main__":',
            "    app()",
            "",
        ]
    )


def _annotation(annotation) -> str:
    """int, float, bool, Path and lists of them as they are; anything else (enums) str."""
    from typing import get_args, get_origin

    if get_origin(annotation) is list:
        return f"list[{_annotation(get_args(annotation)[0])}]"
    if annotation in (int, float, bool, Path):
        return annotation.__name__
    return "str"


def startup(pairs: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        app = Path(tmp) / "minimal_app.py"
        app.write_text(minimal_typer_app(), encoding="utf-8")
        demo = ["--actuals", str(ROOT / "examples" / "demo-actuals")]
        pdca = [PY, "-m", "kanazawa_pdca", "check", "2026", "--format", "json", *demo]
        minimal = [PY, str(app), "2026", "--format", "json", *demo]
        start = side_by_side(pdca, minimal, pairs)
        rep = side_by_side(
            [PY, "-m", "kanazawa_pdca", "report", "2026", "-o", str(Path(tmp) / "r.html")],
            [PY, "-m", "kanazawa_pdca", "check", "2026"],
            pairs,
        )
    return {
        "pdca": start.a,
        "minimal": start.b,
        "ratio": start.ratio,
        "pdca_cpu": start.a_cpu,
        "minimal_cpu": start.b_cpu,
        "cpu_ratio": start.cpu_ratio,
        "report": rep.a,
        "check": rep.b,
        "rratio": rep.ratio,
        "load": os.getloadavg()[0],
    }


# --- 2. large ------------------------------------------------------------------------------


# The forms of DESIGN "Any strategy", one KPI in twelve each (the first three are today's):
# (kind, baseline, target, extra lines, yearly figure of a period KPI)
BASE = "{year: 2022, value: 100, text: 100件（R4）}"
FORMS = [
    ("level", BASE, "{year: 2028, value: 700, kind: exact, text: 700件（R10）}", [], None),
    ("cumulative", BASE, "{year: 2028, value: 700, kind: exact, text: 700件（R10）}", [], None),
    ("period_total", BASE, "{year: 2028, value: 700, kind: exact, text: 700件（R10）}",
     ["period: [2024, 2028]"], 140),
    ("level", BASE, "{year: 2028, value: 700, kind: exact, text: 700件（R10）}",
     ["milestones: [{year: 2024, value: 300, text: 300件}, {year: 2026, value: 500, text: "
      "500件}]"], None),
    ("level", None, "{year: 2028, value: 700, kind: at_least, text: 700件以上（R10）}",
     ["milestones: [{year: 2026, value: 500, text: 500件}]"], None),
    ("level", BASE, "{year: 2028, value: 700, kind: exact, text: 700件（2028年）}",
     ["year_basis: calendar", "method: ratio"], None),
    ("level", BASE, "{year: 2028, factor: 7, text: 7倍（R10）}", [], None),
    ("level", BASE, "{year: 2028, points: 600, text: +600件（R10）}", [], None),
    ("level", BASE, "{year: 2028, percent: 600, kind: at_least, text: 7倍以上（R10）}", [], None),
    ("level", BASE, "{year: 2028, annual_growth: 38.3, text: 年平均38.3%成長（R10）}", [], None),
    ("level", BASE, "{year: 2028, kind: above, text: 基準値を上回る（R10）}", [], None),
    ("period_average", BASE, "{year: 2028, value: 150, kind: at_least, text: 年平均150件}",
     ["period: [2024, 2028]", "method: ratio"], 140),
]  # fmt: skip
GRADES = [
    "evaluation:",
    "  grades:",
    "    - {code: A, label: 上回る, label_en: Above, min: 1.2}",
    "    - {code: B, label: 順調, label_en: On target, min: 1.0}",
    "    - {code: C, label: やや遅れ, label_en: Behind, min: 0.7}",
    "    - {code: D, label: 遅れ, label_en: Off}",
]


def synthetic(folder: Path, n: int, mixed: bool = False) -> tuple[Path, Path]:
    """A valid strategy of n KPIs (all kinds) and three years of actuals; `mixed`: the
    forms, methods and grades of another city's strategy too (FORMS, GRADES)."""
    goals = 4
    lines = [
        "meta: {title: 合成, title_en: Synthetic, issuer: テスト, issued: 2024-03,",
        "       period: {start: 2024, end: 2028}}",
        *(GRADES if mixed else []),
        "goals:",
    ]
    per_goal = -(-n // goals)
    ids = [f"kpi-{i:06d}" for i in range(n)]
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
    actuals: dict[int, list[str]] = {2024: [], 2025: [], 2026: []}
    for i, kpi_id in enumerate(ids):
        g, m = divmod(i, per_goal)
        code = f"{g + 1}-1-{m + 1}"
        kind, base, target, extra, yearly = FORMS[i % (len(FORMS) if mixed else 3)]
        lines += [
            f"  - id: {kpi_id}",
            f"    name: 指標{i}",
            f"    name_en: Indicator {i}",
            "    unit: 件",
            "    direction: increase",
            f"    kind: {kind}",
            *([f"    baseline: {base}"] if base else []),
            f"    target: {target}",
            *(f"    {line}" for line in extra),
            f"    measures: [{code}]",
        ]
        for year in actuals:
            value = 100 + (year - 2022) * (80 + i % 50)
            actuals[year].append(f"{kpi_id}: {value if yearly is None else yearly}")
    strategy = folder / "strategy.yaml"
    strategy.write_text("\n".join(lines) + "\n", encoding="utf-8")
    actuals_dir = folder / "actuals"
    actuals_dir.mkdir()
    for year, entries in actuals.items():
        (actuals_dir / f"{year}.yaml").write_text("\n".join(entries) + "\n", encoding="utf-8")
    return strategy, actuals_dir


def forms(pairs: int, n: int = 10_000) -> dict:
    """`pdca check 2026 --format json` on n KPIs of mixed forms, methods and grades against
    n KPIs of today's forms, side by side in fresh processes. Goal (issue #15): ≤ 1.2."""
    with tempfile.TemporaryDirectory() as tmp:
        runs = []
        for mixed in (True, False):
            folder = Path(tmp) / ("mixed" if mixed else "today")
            folder.mkdir()
            strategy, actuals = synthetic(folder, n, mixed=mixed)
            command = [PY, "-m", "kanazawa_pdca", "check", "2026", "--format", "json"]
            runs.append([*command, "--strategy", str(strategy), "--actuals", str(actuals)])
        pair = side_by_side(runs[0], runs[1], pairs, cwd=Path(tmp))
    return {"n": n, "mixed": pair.a, "today": pair.b, "ratio": pair.ratio}


def large(pairs: int, n: int = 10_000) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        strategy, actuals = synthetic(Path(tmp), n)
        pdca = [PY, "-m", "kanazawa_pdca", "check", "2026", "--format", "json"]
        pdca += ["--strategy", str(strategy), "--actuals", str(actuals)]
        ruamel = [
            PY,
            "-c",
            "import sys; from ruamel.yaml import YAML; "
            "YAML(typ='safe').load(open(sys.argv[1], encoding='utf-8').read())",
            str(strategy),
        ]
        pair = side_by_side(pdca, ruamel, pairs, cwd=Path(tmp))
        size = strategy.stat().st_size
    return {"n": n, "pdca": pair.a, "ruamel": pair.b, "ratio": pair.ratio, "size": size}


# --- 7. shared strings ---------------------------------------------------------------------


def shared_strings_book(out: Path, entries: int) -> Path:
    """A one-sheet workbook (id, value: share-pct 55) with `entries` shared strings."""
    import io
    import zipfile

    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["id", "value"])
    wb.active.append(["share-pct", 55])
    plain = io.BytesIO()
    wb.save(plain)
    types = b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxml'
    types += b'formats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
    rel = b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/'
    rel += b'2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", types)
            elif info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", rel)
            dst.writestr(info.filename, data)
        head = b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/'
        head += b'spreadsheetml/2006/main" count="%d" uniqueCount="%d">' % (entries, entries)
        dst.writestr("xl/sharedStrings.xml", head + b"<si><t>x</t></si>" * entries + b"</sst>")
    return out


def shared_strings(runs: int = 3) -> dict:
    """Seconds (median of fresh processes) of `pdca import 2026 BOOK --dry-run` for the
    51 MB case (refused) and for one just under the limit (read)."""
    from kanazawa_pdca.entry.sheets import MAX_STRINGS

    mini = ROOT / "tests" / "fixtures" / "mini-strategy.yaml"
    found = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        under = (MAX_STRINGS - 200) // len(b"<si><t>x</t></si>")
        for name, entries in (("refused", 3_000_000), ("read", under)):
            book = shared_strings_book(folder / f"{name}.xlsx", entries)
            command = [PY, "-m", "kanazawa_pdca", "import", "2026", str(book), "--dry-run"]
            command += ["--strategy", str(mini), "--actuals", str(folder / "actuals")]
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                done = subprocess.run(command, capture_output=True, cwd=folder, env=_env())
                times.append(time.perf_counter() - start)
                assert done.returncode == (2 if name == "refused" else 0), done.stderr
            found[name] = statistics.median(times)
            found[f"{name}_entries"] = entries
    return found


# --- 4. scale, 5. memory (in this process) ---------------------------------------------------


def scale(sizes: list[int]) -> list[dict]:
    from kanazawa_pdca.assess import assess
    from kanazawa_pdca.formats import render
    from kanazawa_pdca.load import load_all

    rows = []
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            strategy_path, actuals_dir = synthetic(Path(tmp), n)
            t0 = time.perf_counter()
            strategy, actuals, _ = load_all(strategy_path, actuals_dir)
            t1 = time.perf_counter()
            report = assess(strategy, actuals, 2026)
            t2 = time.perf_counter()
            render("json", report)
            t3 = time.perf_counter()
            assert len(report.kpis) == n
            rows.append(
                {
                    "n": n,
                    "load": t1 - t0,
                    "assess": t2 - t1,
                    "json": t3 - t2,
                    "per_kpi_us": (t3 - t0) / n * 1e6,
                    "mb": strategy_path.stat().st_size / 1e6,
                }
            )
    return rows


def memory(n: int = 10_000) -> dict:
    """Peak traced memory of load + assess, and of the whole check with the JSON text,
    over the size of the parsed documents (the plain data of the strategy and actuals)."""
    from kanazawa_pdca import fastyaml
    from kanazawa_pdca.assess import assess
    from kanazawa_pdca.formats import render
    from kanazawa_pdca.load import load_all

    with tempfile.TemporaryDirectory() as tmp:
        strategy_path, actuals_dir = synthetic(Path(tmp), n)
        texts = [p.read_text(encoding="utf-8") for p in [strategy_path, *actuals_dir.iterdir()]]
        tracemalloc.start()
        documents = [fastyaml.load(t) for t in texts]  # the parsed documents, kept
        parsed = tracemalloc.get_traced_memory()[0]
        del documents, texts
        tracemalloc.stop()
        tracemalloc.start()
        strategy, actuals, _ = load_all(strategy_path, actuals_dir)
        report = assess(strategy, actuals, 2026)
        loaded = tracemalloc.get_traced_memory()[1]
        text = render("json", report)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return {
        "n": n,
        "parsed": parsed,
        "loaded": loaded,
        "ratio": loaded / parsed,
        "peak": peak,
        "peak_ratio": peak / parsed,
        "json_chars": len(text),
    }


# --- the README ------------------------------------------------------------------------------


def markdown(
    s: dict, big: dict, rows: list[dict], mem: dict, pairs: tuple[int, int], mixed: dict
) -> str:
    def ok(ratio: float, goal: float) -> str:
        return "met" if ratio <= goal else "**not met**"

    lines = [
        f"Measured by `python benchmarks/bench.py --write-readme` ({pairs[0]} alternating pairs "
        f"for start-up, {pairs[1]} for 10,000 KPIs; medians; the 2-core shared machine, load "
        f"average {s['load']:.1f}; wall time unless CPU time is said).",
        "",
        "| side by side | this | against | ratio | goal |",
        "|---|---:|---:|---:|---|",
        "| `pdca check 2026 --format json --actuals examples/demo-actuals` / a minimal Typer "
        f"app with the same options | {s['pdca'] * 1000:.0f} ms | {s['minimal'] * 1000:.0f} ms "
        f"| {s['ratio']:.2f} | ≤ 1.25: {ok(s['ratio'], 1.25)} |",
        f"| … the same pair in CPU time (user + system of each process) "
        f"| {s['pdca_cpu'] * 1000:.0f} ms | {s['minimal_cpu'] * 1000:.0f} ms "
        f"| {s['cpu_ratio']:.2f} | ≤ 1.25: {ok(s['cpu_ratio'], 1.25)} |",
        f"| 10,000 KPIs ({big['size'] / 1e6:.1f} MB): `pdca check` cold / ruamel.yaml's C "
        f"safe loader alone | {big['pdca']:.2f} s | {big['ruamel']:.2f} s | {big['ratio']:.2f} "
        f"| ≤ 0.5: {ok(big['ratio'], 0.5)} |",
        "| 10,000 KPIs of mixed forms, methods and grades / of today's forms: `pdca check` "
        f"| {mixed['mixed']:.2f} s | {mixed['today']:.2f} s | {mixed['ratio']:.2f} "
        f"| ≤ 1.2: {ok(mixed['ratio'], 1.2)} |",
        f"| `pdca report 2026` / `pdca check 2026` | {s['report'] * 1000:.0f} ms "
        f"| {s['check'] * 1000:.0f} ms | {s['rratio']:.2f} | ≤ 2: {ok(s['rratio'], 2)} |",
        f"| 10,000 KPIs: peak memory of load + assess / the parsed documents "
        f"| {mem['loaded'] / 1e6:.0f} MB | {mem['parsed'] / 1e6:.0f} MB | {mem['ratio']:.2f} "
        f"| ≤ 2: {ok(mem['ratio'], 2)} |",
        f"| … and with the JSON text ({mem['json_chars'] / 1e6:.1f} M characters) "
        f"| {mem['peak'] / 1e6:.0f} MB | {mem['parsed'] / 1e6:.0f} MB "
        f"| {mem['peak_ratio']:.2f} | (≤ 2: {ok(mem['peak_ratio'], 2)}) |",
        "",
        "| synthetic KPIs | file | load | assess | JSON | per KPI |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['n']:,} | {r['mb']:.1f} MB | {r['load']:.2f} s | {r['assess']:.2f} s "
            f"| {r['json']:.2f} s | {r['per_kpi_us']:.0f} µs |"
        )
    return "\n".join(lines)


def write_readme(block: str, begin: str = BEGIN, end: str = END) -> None:
    """Put `block` between the README's `begin` and `end` markers (the one writer that
    bench.py, report.py and scale_files.py use, each with its own markers)."""
    text = README.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(begin) + ".*?" + re.escape(end), re.S)
    if not pattern.search(text):
        raise SystemExit(f"README.md has no {begin} … {end} block")
    README.write_text(pattern.sub(lambda _: f"{begin}\n{block}\n{end}", text), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, no 100k strategy")
    parser.add_argument("--write-readme", action="store_true", help="update README.md")
    args = parser.parse_args()
    pairs = (7, 1) if args.quick else (21, 3)
    s = startup(pairs[0])
    print(f"start-up: pdca {s['pdca'] * 1000:.0f} ms, minimal Typer app {s['minimal'] * 1000:.0f}"
          f" ms, ratio {s['ratio']:.2f} (goal ≤ 1.25); CPU {s['pdca_cpu'] * 1000:.0f} ms / "
          f"{s['minimal_cpu'] * 1000:.0f} ms, ratio {s['cpu_ratio']:.2f}")  # fmt: skip
    print(f"report: {s['report'] * 1000:.0f} ms, check {s['check'] * 1000:.0f} ms, "
          f"ratio {s['rratio']:.2f} (goal ≤ 2)")  # fmt: skip
    big = large(pairs[1])
    print(f"10k: pdca {big['pdca']:.2f} s, ruamel C safe load {big['ruamel']:.2f} s, "
          f"ratio {big['ratio']:.2f} (goal ≤ 0.5)")  # fmt: skip
    mixed = forms(pairs[1] * 3)
    print(
        f"forms: 10k KPIs of mixed forms, methods and grades {mixed['mixed']:.2f} s, of "
        f"today's forms {mixed['today']:.2f} s, ratio {mixed['ratio']:.2f} (goal ≤ 1.2)"
    )
    mem = memory()
    print(f"memory: load + assess {mem['loaded'] / 1e6:.0f} MB, with JSON "
          f"{mem['peak'] / 1e6:.0f} MB, parsed documents {mem['parsed'] / 1e6:.0f} MB, "
          f"ratios {mem['ratio']:.2f} / {mem['peak_ratio']:.2f} (goal ≤ 2)")  # fmt: skip
    sst = shared_strings(1 if args.quick else 3)
    print(f"shared strings: {sst['refused_entries']:,} (51 MB) refused in {sst['refused']:.2f} s, "
          f"{sst['read_entries']:,} (under 8 MB) read in {sst['read']:.2f} s")  # fmt: skip
    rows = scale([1_000, 10_000] if args.quick else [1_000, 10_000, 100_000])
    for r in rows:
        print(f"scale {r['n']:>7}: load {r['load']:.2f} s, assess {r['assess']:.2f} s, json "
              f"{r['json']:.2f} s, {r['per_kpi_us']:.0f} µs per KPI")  # fmt: skip
    if args.write_readme:
        write_readme(markdown(s, big, rows, mem, pairs, mixed))
        print("README.md updated")


if __name__ == "__main__":
    main()
