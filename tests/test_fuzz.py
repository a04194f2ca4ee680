"""Property-based: whatever the data files hold, pdca ends cleanly (issue #11 item 7).

Hypothesis generates actuals and strategy documents, and mutations of the mini and the
bundled ones (byte flips, deletions, insertions of hostile tokens: control characters,
tags, anchors and aliases, merge keys, huge numbers, workflow commands, markup), and runs
`pdca validate` / `pdca check` / `pdca kpis` in every format on them. Every run must:

- end with exit status 0, 1 or 2, never an exception (no traceback);
- write stderr lines only as `FILE:LINE:COL: [warning: ]message [code]` or one of the
  documented summary lines;
- never print a raw control character, a line that GitHub would read as a workflow
  command (`::` first, or `##[`) — but the `github` format's own commands;
- print well-formed JSON, XML (JUnit), CSV without formulas, Markdown tables whose rows
  have the header's number of cells;
- leave the data folders as they were.

Profiles (chosen by PDCA_FUZZ, as in tests/conftest.py): `fuzz-short` (the default: 40
examples a test, derandomised), `fuzz-long` (2,500 examples a test, 12,812 in all, for a run
in the background: `PDCA_FUZZ=long nice pytest tests/test_fuzz.py`).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import DATA, DEMO, FUZZ, MINI
from kanazawa_pdca.cli import app

_COMMON = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}
# profiles of their own (conftest's short/long are for the property tests)
settings.register_profile("fuzz-short", max_examples=40, derandomize=True, **_COMMON)
settings.register_profile("fuzz-long", max_examples=2_500, print_blob=True, **_COMMON)
PROFILE = f"fuzz-{FUZZ}"
BASE = settings.get_profile(PROFILE)

MINI_TEXT = MINI.read_text(encoding="utf-8")
BUNDLED_TEXT = (DATA / "strategy.yaml").read_text(encoding="utf-8")
MINI_IDS = re.findall(r"^  - id: (\S+)$", MINI_TEXT, re.M)
DEMO_TEXT = (DEMO / "2026.yaml").read_text(encoding="utf-8")
REVIEW_TEXT = (DEMO.parent / "demo-reviews" / "2026.yaml").read_text(encoding="utf-8")
WITH_REVIEWS = {"validate", "check", "diff", "show", "report"}

DIAGNOSTIC = re.compile(r"^.+:\d+:\d+: .+ \[[a-z0-9-]+\]$")
SUMMARIES = (  # in English (--lang en, PDCA_LANG=en) and Japanese (the default)
    re.compile(r"^pdca: \d+ errors? in \d+ files?$"),
    re.compile(r"^pdca: \d+ KPIs? at or below [a-z-]+: .+$"),
    re.compile(r"^pdca: wrote .+$"),
    re.compile(r"^pdca: \d+ ファイルに \d+ 件のエラー$"),
    re.compile(r"^pdca: 「[^」]+」以下の KPI が \d+ 件: .+$"),
    re.compile(r"^pdca: .+ を書きました（KPI \d+ 件、.+）$"),
)
SHOW_USAGE = re.compile(
    r"^(pdca show: .+|  .+|List every KPI with `pdca kpis`\.|KPI の一覧は `pdca kpis` で表示できます。)$"
)
RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
COMMAND = re.compile(r"^::(error|warning|notice) [^\n]*::[^\n]*$")

HOSTILE_TOKENS = [
    "\x00", "\x07", "\x1b[31m", "\x1b]0;title\x07", "\x85", "\u2028", "\u202e", "\ufffe",
    "\ufeff", "\\e[2J", '"\\e[31m\\u202e\\x07"', '"\\ud800"', "\t", "\r", "\r\n",
    "!custom ", "!!int abc", "!!float x", "!!python/object/apply:os.system [ls] ",
    "!!binary aGk=", "!!set {a}", "!!timestamp 2026-02-30", "2026-13-45", "!<tag:x> ",
    "&a ", "*a", "&a [*a]", "<<: {value: 5}", "<<: *a", "%YAML 1.3\n---\n",
    "%YAML 1.1\n---\n", "%TAG ! tag:evil,2000:\n---\n", "[", "]", "{", "}", '"', "'",
    ": ", "- ", "? ", "---\n", "...\n", "|\n", ">-\n", "#", "@", "`",
    "9" * 5000, "0x" + "f" * 400, "1e308", "-1e308", "1e309", ".nan", ".inf", "-.inf",
    "1_000", "0o17", "~", "null", "yes", "::error file=x,line=1::forged",
    "\n::warning::forged\n", "##[error]forged", "<script>x</script>", "| a | b |",
    "=HYPERLINK(\"http://x\")", "+1", "-1", "@SUM(A1)", "![i](http://x/i.png)",
    "&amp;", "]]>", "<!--", "\u0000\u0000\u0000", "[" * 100_000, "- " * 50_000,
]  # fmt: skip

TEXTS = st.one_of(
    st.sampled_from(HOSTILE_TOKENS),
    st.text(max_size=20),
    st.text(alphabet=st.characters(max_codepoint=0x3000), max_size=40),
)
NUMBERS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.sampled_from([0, 1e308, -1e308, 5e-324, 2**53 + 1, 100, 100.0000001]),
)


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


@st.composite
def actuals_documents(draw) -> str:
    """A generated actuals file: ids known and unknown, values of every type."""
    lines = []
    for _ in range(draw(st.integers(0, 8))):
        key = draw(st.one_of(st.sampled_from(MINI_IDS), TEXTS))
        value = draw(
            st.one_of(
                NUMBERS.map(repr),
                TEXTS.map(_quote),
                TEXTS,
                st.builds(
                    lambda v, s, n: f"{{value: {v!r}, source: {_quote(s)}, note: {_quote(n)}}}",
                    NUMBERS,
                    TEXTS,
                    TEXTS,
                ),
                st.just(""),
            )
        )
        lines.append(f"{_quote(key) if draw(st.booleans()) else key}: {value}")
    return "\n".join(lines) + "\n"


@st.composite
def mutated(draw, base: str) -> str:
    """`base` with a few mutations: tokens inserted, bytes flipped, ranges cut or doubled."""
    text = base
    for _ in range(draw(st.integers(1, 4))):
        if not text:
            text = draw(TEXTS)
            continue
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "insert", "flip", "cut", "double", "line"]))
        if kind == "insert":
            text = text[:at] + draw(TEXTS) + text[at:]
        elif kind == "flip" and at < len(text):
            data = bytearray(text.encode("utf-8", errors="surrogateescape"))
            i = min(at, len(data) - 1)
            data[i] ^= 1 << draw(st.integers(0, 7))
            text = data.decode("utf-8", errors="surrogateescape")
        elif kind == "cut":
            text = text[:at] + text[at + draw(st.integers(1, 40)) :]
        elif kind == "double":
            text = text[:at] + text[at : at + draw(st.integers(1, 80))] + text[at:]
        elif kind == "line":
            lines = text.split("\n")
            i = min(at, len(lines) - 1)
            lines.insert(i, f"{' ' * draw(st.integers(0, 8))}{draw(TEXTS)}: {draw(TEXTS)}")
            text = "\n".join(lines)
    return text


def strategy_with_hostile_text(draw_text: str) -> str:
    """The mini strategy with a hostile title, KPI name and unit (valid YAML, valid data)."""
    quoted = _quote(draw_text)
    return (
        MINI_TEXT.replace("title: テスト戦略", f"title: {quoted}", 1)
        .replace("title: 目標一", f"title: {quoted}", 1)
        .replace("name: 割合", f"name: {quoted}", 1)
        .replace("unit: 件", f"unit: {quoted}", 1)
    )


COMMANDS = st.sampled_from(
    [
        ["validate"],
        ["validate", "--format", "github"],
        ["check", "2026"],
        ["check", "2026", "--format", "json"],
        ["check", "2026", "--format", "csv"],
        ["check", "2026", "--format", "markdown"],
        ["check", "2026", "--format", "github", "--fail-on", "behind"],
        ["check", "2026", "--format", "junit"],
        ["check", "2026", "--lang", "en", "--strict"],
        ["check", "2026", "--compare", "2025", "--format", "json"],
        ["kpis"],
        ["kpis", "--format", "csv"],
        ["kpis", "--format", "json"],
        ["diff", "2025", "2026"],
        ["show", "share-pct"],
        ["missing", "2026"],
        ["report", "2026", "-o", "{out}/report.html"],
        ["report", "2026", "-o", "{out}/report.md"],
        ["check", "2026", "--format", "xlsx", "-o", "{out}/check.xlsx"],
        ["template", "2026", "-o", "{out}/sheet.xlsx"],
    ]
)


def _write(path: Path, text: str) -> None:
    path.write_bytes(text.encode("utf-8", errors="surrogateescape"))


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        h.update(str(p.relative_to(folder)).encode())
        if p.is_file():
            h.update(p.read_bytes())
    return h.hexdigest()


def run_pdca(
    strategy_text: str, actuals: dict[int, str], command: list[str], review: str | None = None
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        strategy = root / "strategy.yaml"
        _write(strategy, strategy_text)
        folder = root / "actuals"
        folder.mkdir()
        for year, text in actuals.items():
            _write(folder / f"{year}.yaml", text)
        out = root / "out"
        out.mkdir()
        reviews = root / "reviews"
        reviews.mkdir()
        if review is not None:
            _write(reviews / "2026.yaml", review)
        before = _digest(folder), _digest(reviews)
        args = [a.replace("{out}", str(out)) for a in command]
        args += ["--strategy", str(strategy)]
        if command[0] != "kpis":
            args += ["--actuals", str(folder)]
        if command[0] in WITH_REVIEWS:
            args += ["--reviews", str(reviews)]
        env = {"NO_COLOR": "1", "COLUMNS": "100", "PDCA_NO_CACHE": "1", "GITHUB_STEP_SUMMARY": ""}
        result = CliRunner().invoke(app, args, env=env, catch_exceptions=True)
        assert strategy.read_bytes() == strategy_text.encode("utf-8", "surrogateescape")
        assert (_digest(folder), _digest(reviews)) == before
    check_result(result, command)


def check_result(result, command: list[str]) -> None:
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"pdca raised {result.exception!r}") from result.exception
    assert result.exit_code in (0, 1, 2), result.exit_code
    out, err = result.stdout, result.stderr
    assert "Traceback" not in err
    usage = SHOW_USAGE if command[0] == "show" else None  # `show` of an id not there
    for line in err.splitlines():
        assert (
            DIAGNOSTIC.match(line)
            or any(s.match(line) for s in SUMMARIES)
            or (usage is not None and usage.match(line))
        ), line
    github = "github" in command
    for name, text in (("stdout", out), ("stderr", err)):
        assert not RAW_CONTROL.search(text), (name, RAW_CONTROL.search(text))
        assert "##[" not in text, name
        for line in text.splitlines():
            if line.lstrip().startswith("::"):
                assert github and name == "stdout" and COMMAND.match(line), (name, line)
    if result.exit_code == 2:
        return
    fmt = command[command.index("--format") + 1] if "--format" in command else None
    if fmt == "json":
        json.loads(out)
    elif fmt == "junit":
        ET.fromstring(out)
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(out)))
        assert all(len(row) == len(rows[0]) for row in rows)
        for row in rows[1:]:
            for cell in row:
                if cell[:1] in ("=", "+", "-", "@"):
                    float(cell)  # only a number may start so
    elif fmt == "markdown":
        check_markdown_tables(out)


def check_markdown_tables(text: str) -> None:
    cells = None
    for line in text.splitlines():
        if line.startswith("|"):
            n = len(re.findall(r"(?<!\\)\|", line))
            if cells is None:
                cells = n
            assert n == cells, line
        else:
            cells = None
        assert "<" not in line.replace("<br>", ""), line


@settings(BASE)
@given(actuals=actuals_documents(), command=COMMANDS)
def test_generated_actuals(actuals, command):
    run_pdca(MINI_TEXT, {2026: actuals}, command)


@settings(BASE)
@given(actuals=mutated(DEMO_TEXT), command=COMMANDS)
def test_mutated_demo_actuals_with_the_bundled_strategy(actuals, command):
    run_pdca(BUNDLED_TEXT, {2026: actuals}, command)


@settings(BASE)
@given(strategy=mutated(MINI_TEXT), command=COMMANDS)
def test_mutated_mini_strategy(strategy, command):
    run_pdca(strategy, {2026: "share-pct: 50\napp-downloads: 300\n"}, command)


# the bundled strategy is 100 KB: an eighth of the examples
@settings(parent=settings.get_profile(PROFILE), max_examples=max(5, BASE.max_examples // 8))
@given(strategy=mutated(BUNDLED_TEXT), command=COMMANDS)
def test_mutated_bundled_strategy(strategy, command):
    run_pdca(strategy, {}, command)


@settings(BASE)
@given(text=TEXTS, command=COMMANDS)
def test_hostile_text_in_a_valid_strategy(text, command):
    run_pdca(strategy_with_hostile_text(text), {2026: "share-pct: 50\n"}, command)


@settings(BASE)
@given(review=mutated(REVIEW_TEXT), command=COMMANDS)
def test_mutated_demo_review(review, command):
    run_pdca(BUNDLED_TEXT, {2026: DEMO_TEXT}, command, review)
