"""Check data/strategy.yaml against the source text of the strategy it transcribes.

Usage:
    python tools/check_transcription.py SOURCE.txt [--strategy data/strategy.yaml]

SOURCE.txt is the plain-text conversion of 第3次金沢版総合戦略 (kanazawa-strategy-3rd.txt). It
is not part of this repository, so this script is a maintainer's tool, not part of the test suite.

The script parses the source on its own (it does not use the pdca package) and compares it with
the YAML. Every discrepancy is printed on one line, as ``SOURCE:LINE: message`` when it can be
tied to a line of the source, else as ``STRATEGY: <where>: message``; then come a summary of the
counts on both sides and the number of discrepancies. Exit status: 0 when there is none, 1 when
there is at least one, 2 when a file cannot be read or parsed. The YAML is assumed to be valid
against the schema (`pdca validate`).

What is checked:
- every "→" line of the source is one KPI printing, read in document order, with the right KPI
  (matched by name), place (measure code G-P-M, or G1…G4 for a goal's 数値目標) and relisted
  flag (〔再掲〕/[再掲]); each KPI's `measures` lists exactly the places it is printed, first
  printing first, and `kpis` are defined in order of first printing;
- at the first printing of a KPI: its name, the baseline and target text, year and value, the
  target kind (以上 -> at_least, 以上を維持 -> maintain, 再設定 -> reset), the period (R6～R10), the
  unit and any printed remark (`source_note`); a later printing must repeat the same name and
  figures (up to letter width and spacing);
- every goal, policy and measure number and title, description paragraph, 基本的方向 bullet,
  project (text, order and relisted flag) and footnote (※1…※10: term and text);
- a re-listed project whose wording differs from its first printing carries a `note` (the YAML
  header's rule; letter width, spacing and a footnote reference ※N do not count as wording).

Texts are compared after the normalisation documented in the YAML header, and nothing else:
letter-spaced ASCII ("K P I", "M a a S", …, the documented list LETTER_SPACED) is joined,
bullets ("-", "・", "◆") and 〔再掲〕/[再掲] marks are dropped (a mark broken onto a line of its
own belongs to the project above). Each line of a description is one paragraph. A KPI in a
tab-separated table with sub-rows is named "row（sub-row）", as the KPI's `note` records. The
one documented departure from the printed text, the heading of 基本目標3, is allowed
explicitly (GOAL_TITLE_EXCEPTIONS). Modelling choices (KPI `kind` and `direction`, English
names, ids, notes) are not checked.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML, YAMLError

REPO = Path(__file__).resolve().parent.parent
DEFAULT_STRATEGY = REPO / "data" / "strategy.yaml"

# --------------------------------------------------------------------------------------------
# Normalisation (the transcription rules of the YAML header)
# --------------------------------------------------------------------------------------------

# Letter-spaced ASCII runs left by the PDF conversion, joined in the YAML ("K P I" -> "KPI").
# Exactly the runs the YAML header documents: any other spaced run stays as printed.
LETTER_SPACED = (
    "K P I", "L I N E", "U J I", "D X", "M a a S", "A I", "G X",
    "I C T", "I T", "I o T", "M I C E", "P R", "P D C A",
)  # fmt: skip
_LETTER_SPACED_RE = re.compile(
    r"(?<![A-Za-z])(?<![A-Za-z] )(?:"
    + "|".join(re.escape(run) for run in sorted(LETTER_SPACED, key=len, reverse=True))
    + r")(?![A-Za-z])(?! [A-Za-z](?![A-Za-z]))"
)
_BULLET_RE = re.compile(r"^\s*(?:-\s*)?(?:[・◆]\s*)?")
_RELIST_MARK_RE = re.compile(r"\s*(?:〔再掲〕|\[再掲\])$")

# The documented departure from the printed text (YAML header): the heading of 基本目標3 prints
# "インノベーション"; the YAML uses the spelling of the table of contents and the overview chart.
GOAL_TITLE_EXCEPTIONS = {
    3: (
        "インノベーションにより、産業と雇用が創出されるまちをつくる",  # as printed in the heading
        "イノベーションにより、産業と雇用が創出されるまちをつくる",  # as in the YAML
    ),
}


def join_letter_spacing(text: str) -> str:
    """Join the documented letter-spaced runs: "市の公式 L I N E を" -> "市の公式 LINE を"."""
    return _LETTER_SPACED_RE.sub(lambda m: m.group(0).replace(" ", ""), text)


def strip_bullet(text: str) -> str:
    """Drop a leading list marker ("- ", "・", "- ◆ ", …) and surrounding blanks."""
    return _BULLET_RE.sub("", text).strip()


def split_relist_mark(text: str) -> tuple[str, bool]:
    """Return the text without a trailing 〔再掲〕/[再掲] mark, and whether it had one."""
    stripped = _RELIST_MARK_RE.sub("", text)
    return stripped, stripped != text


def loose(text: str) -> str:
    """Key that ignores letter width and spacing (for re-printings, which vary in both)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def difference(
    yaml_text: str, source_text: str, labels: tuple[str, str] = ("YAML", "source")
) -> str:
    """Describe where two texts first differ, short enough for one output line."""
    if len(yaml_text) + len(source_text) <= 120:
        return f"{labels[0]} {yaml_text!r}, {labels[1]} {source_text!r}"
    at = next(
        (i for i, (a, b) in enumerate(zip(yaml_text, source_text, strict=False)) if a != b),
        min(len(yaml_text), len(source_text)),
    )
    start = max(0, at - 12)

    def excerpt(text: str) -> str:
        part = text[start : at + 20]
        return ("…" if start else "") + part + ("…" if at + 20 < len(text) else "")

    return (
        f"at character {at + 1}: {labels[0]} {excerpt(yaml_text)!r}, "
        f"{labels[1]} {excerpt(source_text)!r}"
    )


def relist_difference(printed: bool) -> str:
    if printed:
        return "YAML has no relisted: true, the source prints 〔再掲〕/[再掲]"
    return "YAML has relisted: true, the source prints no 〔再掲〕/[再掲]"


def show_figure(value: object) -> str:
    """A figure as printed in messages: 600 rather than 600.0."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value)


# --------------------------------------------------------------------------------------------
# The source, as parsed
# --------------------------------------------------------------------------------------------


@dataclass
class Para:
    line: int
    text: str


@dataclass
class Printing:
    """One KPI printing: a name and one "→" line of figures."""

    code: str  # G1…G4 or G-P-M
    name: str  # normalised, without the relist mark
    name_line: int
    figures: str  # "baseline → target" as printed
    line: int  # the "→" line
    relisted: bool
    source_note: Para | None = None


@dataclass
class Project:
    line: int
    text: str
    relisted: bool


@dataclass
class Measure:
    number: int
    title: str
    line: int
    code: str
    description: list[Para] = field(default_factory=list)
    kpis: list[Printing] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)


@dataclass
class Policy:
    number: int
    title: str
    line: int
    measures: list[Measure] = field(default_factory=list)


@dataclass
class Goal:
    number: int
    title: str
    line: int
    targets: list[Printing] = field(default_factory=list)
    directions: list[Para] = field(default_factory=list)
    policies: list[Policy] = field(default_factory=list)


@dataclass
class Footnote:
    number: int
    term: str
    text: str
    line: int


@dataclass
class Source:
    goals: list[Goal] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    printings: list[Printing] = field(default_factory=list)  # document order
    arrow_lines: list[int] = field(default_factory=list)  # every line with "→"
    problems: list[tuple[int, str]] = field(default_factory=list)  # (line, message)


CIRCLED = "".join(chr(0x2460 + i) for i in range(20))  # ①…⑳
GOAL_RE = re.compile(r"^基本目標(\d+) (\S.*)$")
POLICY_RE = re.compile(r"^[（(]\s*([0-9０-９]+)\s*[）)]\s*(\S.*)$")
FOOTNOTE_RE = re.compile(r"^※(\d+)\s*(.*)$")
DECORATION_RE = re.compile(r"^[-|:\s]+$")  # "-" alone, Markdown table rules
FIGURES_START_RE = re.compile(r"^(?:[\d,.]+|R\d+)")
NAME_AND_FIGURES_RE = re.compile(r"^(.+?)\s+((?:[\d,.]+|R\d+)[^→]*→.*)$")
END_OF_BODY = "第3次金沢版総合戦略"  # the colophon after the last measure


class SourceParser:
    """Read the goals section (基本目標1 … the colophon) and the footnotes of the source."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.src = Source()
        self.mode = "preamble"
        self.goal: Goal | None = None
        self.policy: Policy | None = None
        self.measure: Measure | None = None
        self.pending_name: Para | None = None  # a KPI name waiting for its "→" line
        self.table_row: str | None = None  # row name of a tab-separated KPI table

    def parse(self) -> Source:
        self.src.arrow_lines = [n for n, raw in enumerate(self.lines, 1) if "→" in raw]
        index = 0
        while index < len(self.lines):
            index = self.read_line(index)
        if self.mode == "preamble":
            self.problem(1, "no goals section found (a line '基本目標1 …' without a page number)")
        self.flush_pending_name()
        return self.src

    def problem(self, line: int, message: str) -> None:
        self.src.problems.append((line, message))

    def read_line(self, index: int) -> int:
        """Read the line at `index` (0-based); return the index of the next line to read."""
        raw = self.lines[index]
        line = index + 1
        text = raw.strip()
        if not text:
            return index + 1
        footnote = FOOTNOTE_RE.match(text)
        if footnote:
            return self.read_footnote(index, int(footnote.group(1)), footnote.group(2))
        if self.mode == "preamble":
            # The body starts at the first goal heading; the table of contents has page numbers.
            if GOAL_RE.match(text) and "\t" not in raw:
                self.read_heading(line, text)
            return index + 1
        if self.mode == "end":
            if "→" in raw:
                self.problem(line, "'→' line after the goals section")
            return index + 1
        if not self.read_heading(line, text):
            self.read_content(line, raw, text)
        return index + 1

    def read_footnote(self, index: int, number: int, body: str) -> int:
        """A footnote runs on over the following lines up to a blank line."""
        following = index + 1
        while following < len(self.lines) and self.lines[following].strip():
            body += "\n" + self.lines[following].strip()
            following += 1
        first_line = body.split("\n", 1)[0]
        separator = "：" if "：" in first_line else " : "
        term, sep, text = body.partition(separator)
        if not sep:
            self.problem(index + 1, f"footnote ※{number}: no '：' between term and text")
        self.src.footnotes.append(
            Footnote(
                number, join_letter_spacing(term.strip()), join_letter_spacing(text), index + 1
            )
        )
        return following

    def read_heading(self, line: int, text: str) -> bool:
        """Handle a heading or section marker; return False for any other line."""
        compact = loose(text)
        if text == END_OF_BODY:
            self.set_mode("end")
        elif goal := GOAL_RE.match(text):
            self.set_mode("goal")
            self.goal = Goal(int(goal.group(1)), goal.group(2), line)
            self.src.goals.append(self.goal)
            self.policy = self.measure = None
        elif text == "数値目標":
            self.set_mode("targets")
        elif text == "基本的方向":
            self.set_mode("directions")
        elif compact == "KPI(重要業績評価指標)":
            self.set_mode("kpis")
        elif compact == "(具体的な事業)":
            self.set_mode("projects")
        elif (policy := POLICY_RE.match(text)) and self.goal:
            self.set_mode("policy")
            number = int(unicodedata.normalize("NFKC", policy.group(1)))
            self.policy = Policy(number, join_letter_spacing(policy.group(2)), line)
            self.goal.policies.append(self.policy)
            self.measure = None
        elif text[0] in CIRCLED and self.goal and self.policy:
            self.set_mode("description")
            number = CIRCLED.index(text[0]) + 1
            code = f"{self.goal.number}-{self.policy.number}-{number}"
            title = join_letter_spacing(text[1:].strip())
            self.measure = Measure(number, title, line, code)
            self.policy.measures.append(self.measure)
        else:
            return False
        if self.mode in ("kpis", "projects", "description") and not self.measure:
            self.problem(line, f"'{text}' outside a measure")
        return True

    def set_mode(self, mode: str) -> None:
        self.flush_pending_name()
        self.table_row = None
        self.mode = mode

    def flush_pending_name(self) -> None:
        if self.pending_name:
            self.problem(self.pending_name.line, "KPI name without a '→' line of figures")
            self.pending_name = None

    def read_content(self, line: int, raw: str, text: str) -> None:
        if self.mode == "targets" and self.goal:
            self.read_kpi_line(line, raw, text, self.goal.targets, f"G{self.goal.number}")
        elif self.mode == "kpis" and self.measure:
            self.read_kpi_line(line, raw, text, self.measure.kpis, self.measure.code)
        elif self.mode == "directions" and self.goal and text.startswith("-"):
            self.goal.directions.append(Para(line, join_letter_spacing(strip_bullet(text))))
        elif self.mode == "description" and self.measure:
            self.measure.description.append(Para(line, join_letter_spacing(text)))
        elif self.mode == "projects" and self.measure:
            self.read_project_line(line, text, self.measure)
        else:
            self.problem(line, f"unexpected line in the {self.mode} section: {text[:40]!r}")

    def read_kpi_line(
        self, line: int, raw: str, text: str, printings: list[Printing], code: str
    ) -> None:
        if DECORATION_RE.match(text):
            return
        if text.startswith("※"):  # a remark printed with the KPI above it
            if printings:
                printings[-1].source_note = Para(line, text)
            else:
                self.problem(line, "remark (※) before any KPI")
            return
        if text.startswith("|"):  # Markdown table row: | ・name | baseline → target |
            cells = [cell.strip() for cell in text.strip("|").split("|")]
            if len(cells) == 2 and "→" in cells[1]:
                self.add_printing(printings, code, Para(line, strip_bullet(cells[0])), cells[1])
            else:
                self.problem(line, "unreadable KPI table row")
            return
        if "\t" in raw:
            self.read_kpi_table_row(line, raw, printings, code)
            return
        item = strip_bullet(text)
        if "→" not in item:
            self.flush_pending_name()
            self.pending_name = Para(line, item)
        elif self.pending_name and FIGURES_START_RE.match(item):
            self.add_printing(printings, code, self.pending_name, item, line)
        elif both := NAME_AND_FIGURES_RE.match(item):
            self.flush_pending_name()
            self.add_printing(printings, code, Para(line, both.group(1)), both.group(2))
        else:
            self.problem(line, "'→' line not read as a KPI printing (no name before it)")

    def read_kpi_table_row(self, line: int, raw: str, printings: list[Printing], code: str) -> None:
        """Tab-separated table: `・name [TAB sub-row] TAB baseline TAB → target`; a row
        without a name continues the row above. A sub-row is added to the name as
        "name（sub-row）" without spaces (e.g. 保育利用率（1歳児）, as the KPI's note says)."""
        cells = [cell.strip() for cell in raw.split("\t") if cell.strip()]
        if cells and cells[0].startswith(("・", "-")):
            self.table_row = strip_bullet(cells.pop(0))
        if not self.table_row or len(cells) not in (2, 3) or not cells[-1].startswith("→"):
            self.problem(line, "unreadable KPI table row")
            return
        name = self.table_row
        if len(cells) == 3:
            name = f"{name}（{cells[0].replace(' ', '')}）"
        self.add_printing(printings, code, Para(line, name), f"{cells[-2]} {cells[-1]}")

    def add_printing(
        self,
        printings: list[Printing],
        code: str,
        name: Para,
        figures: str,
        line: int | None = None,
    ) -> None:
        self.pending_name = None
        text, relisted = split_relist_mark(join_letter_spacing(name.text))
        printing = Printing(code, text, name.line, figures, line or name.line, relisted)
        printings.append(printing)
        self.src.printings.append(printing)

    def read_project_line(self, line: int, text: str, measure: Measure) -> None:
        if DECORATION_RE.match(text):
            return
        if text in ("〔再掲〕", "[再掲]"):  # the mark broken onto a line of its own
            if measure.projects and not measure.projects[-1].relisted:
                measure.projects[-1].relisted = True
            else:
                self.problem(line, "re-listing mark without a project before it")
            return
        if not text.startswith(("-", "・")):
            self.problem(line, f"project line without a bullet: {text[:40]!r}")
        item, relisted = split_relist_mark(strip_bullet(text))
        measure.projects.append(Project(line, join_letter_spacing(item), relisted))


# --------------------------------------------------------------------------------------------
# Figures: "47.5%（R5） → 59%（R10）"
# --------------------------------------------------------------------------------------------

BASELINE_RE = re.compile(
    r"^(?P<value>[\d,.]+)\s*(?P<unit>.*?)\s*[（(]\s*(?P<era>[RH])(?P<year>\d+)[^）)]*[）)]$"
)
START_RE = re.compile(r"^R(?P<year>\d+)\s*年度(?:制度|運用)?開始$")  # R6年度開始: 0 in FY R5
TARGET_RE = re.compile(
    r"^(?P<value>[\d,.]+)\s*(?P<unit>.*?)\s*"
    r"[（(]\s*R(?P<year>\d+)(?:\s*～\s*R(?P<end>\d+))?\s*[）)]$"
)
PERIOD_IN_NAME_RE = re.compile(r"[（(]\s*R(\d+)\s*～\s*R(\d+)\s*の合計\s*[）)]")


def fiscal_year(era: str, year: str) -> int:
    """Gregorian year in which a fiscal year starts: R5 -> 2023, H25 -> 2013."""
    return (2018 if era == "R" else 1988) + int(year)


@dataclass
class Expected:
    """What the YAML must say about a KPI, read from its first printing."""

    baseline: dict
    target: dict
    unit: str | None  # None: nothing printed to compare with
    period: list[int] | None


def read_figures(printing: Printing) -> Expected | str:
    """Parse a printing's figures; return an error message when they cannot be read."""
    baseline_text, _, target_text = (part.strip() for part in printing.figures.partition("→"))
    unit = None
    if start := START_RE.match(baseline_text):
        baseline = {"year": fiscal_year("R", start["year"]) - 1, "value": 0}
    elif base := BASELINE_RE.match(baseline_text):
        year = fiscal_year(base["era"], base["year"])
        baseline = {"year": year, "value": float(base["value"].replace(",", ""))}
        unit = base["unit"].removesuffix("以上")
    else:
        return f"cannot read the baseline {baseline_text!r}"
    baseline["text"] = baseline_text

    period = None
    if target_text == "再設定":
        target = {"year": None, "value": None, "kind": "reset"}
    elif found := TARGET_RE.match(target_text):
        kind = "exact"
        unit = found["unit"]
        for suffix, suffix_kind in (("以上を維持", "maintain"), ("以上", "at_least")):
            if unit.endswith(suffix):
                unit, kind = unit.removesuffix(suffix), suffix_kind
                break
        end = found["end"] or found["year"]
        value = float(found["value"].replace(",", ""))
        target = {"year": fiscal_year("R", end), "value": value, "kind": kind}
        if found["end"]:
            period = [fiscal_year("R", found["year"]), fiscal_year("R", found["end"])]
    else:
        return f"cannot read the target {target_text!r}"
    target["text"] = target_text
    if in_name := PERIOD_IN_NAME_RE.search(printing.name):
        period = [fiscal_year("R", in_name[1]), fiscal_year("R", in_name[2])]
    return Expected(baseline, target, unit, period)


# --------------------------------------------------------------------------------------------
# The comparison
# --------------------------------------------------------------------------------------------


def align(yaml_keys: list[str], source_keys: list[str]) -> Iterator[tuple[int | None, int | None]]:
    """Pair up two lists in order: equal keys first, the rest one to one, then leftovers."""
    matcher = difflib.SequenceMatcher(None, yaml_keys, source_keys, autojunk=False)
    for _tag, y1, y2, s1, s2 in matcher.get_opcodes():
        for k in range(max(y2 - y1, s2 - s1)):
            yield (y1 + k if y1 + k < y2 else None), (s1 + k if s1 + k < s2 else None)


class Checker:
    """Compare the parsed source with the loaded YAML and collect the discrepancies."""

    def __init__(self, source_name: str, strategy_name: str, source: Source, data: dict) -> None:
        self.source_name = source_name
        self.strategy_name = strategy_name
        self.src = source
        self.data = data
        self.findings: list[tuple[int, str]] = []  # (source line, for sorting; output line)
        self.kpis = {kpi["id"]: kpi for kpi in data.get("kpis") or []}
        self.yaml_places: list[tuple[str, str, bool]] = []  # (code, kpi id, relisted)
        self.first_printing: dict[str, Printing] = {}

    # -- reporting --------------------------------------------------------------------------
    def at_line(self, line: int, message: str) -> None:
        self.findings.append((line, f"{self.source_name}:{line}: {message}"))

    def at_yaml(self, where: str, message: str) -> None:
        self.findings.append((sys.maxsize, f"{self.strategy_name}: {where}: {message}"))

    def report(self) -> list[str]:
        return [text for _line, text in sorted(self.findings, key=lambda f: f[0])]

    # -- entry point ------------------------------------------------------------------------
    def run(self) -> None:
        for line, message in self.src.problems:
            self.at_line(line, message)
        self.check_goals()
        self.check_arrow_lines()
        self.check_kpi_definitions()
        self.check_footnotes()
        self.check_relisted_projects()

    # -- structure --------------------------------------------------------------------------
    def check_numbered(self, what: str, yaml_items: list[dict], source_items: list) -> Iterator:
        """Pair goals, policies or measures by number and yield the pairs; report numbers out
        of sequence (1, 2, 3, … on both sides) and items found on one side only."""
        for place, parsed in enumerate(source_items, 1):
            if parsed.number != place:
                self.at_line(parsed.line, f"{what} numbered {parsed.number}, expected {place}")
        for place, item in enumerate(yaml_items, 1):
            if item.get("number") != place:
                self.at_yaml(f"{what} {item.get('number')}", f"numbered out of sequence ({place})")
        printed = {}
        for parsed in source_items:
            printed.setdefault(parsed.number, parsed)
        listed = {item.get("number") for item in yaml_items}
        for item in yaml_items:
            if item.get("number") in printed:
                yield item, printed.pop(item.get("number"))
            else:
                self.at_yaml(f"{what} {item.get('number')}", "not printed in the source")
        for parsed in printed.values():
            if parsed.number not in listed:
                self.at_line(parsed.line, f"{what} {parsed.number} is not in the YAML")

    def check_goals(self) -> None:
        for goal, parsed in self.check_numbered("goal", self.data["goals"], self.src.goals):
            code = f"G{parsed.number}"
            exception = GOAL_TITLE_EXCEPTIONS.get(parsed.number)
            if goal["title"] != parsed.title and exception != (parsed.title, goal["title"]):
                self.at_line(
                    parsed.line, f"goal {code} title: {difference(goal['title'], parsed.title)}"
                )
            self.check_printings(code, goal.get("targets") or [], parsed.targets)
            self.check_paragraphs(
                f"goal {code} 基本的方向", goal.get("directions") or [], parsed.directions
            )
            policies = goal.get("policies") or []
            for policy, p in self.check_numbered(f"{code} policy", policies, parsed.policies):
                pcode = f"{parsed.number}-{p.number}"
                if policy["title"] != p.title:
                    self.at_line(
                        p.line, f"policy {pcode} title: {difference(policy['title'], p.title)}"
                    )
                measures = policy.get("measures") or []
                for measure, m in self.check_numbered(f"{pcode} measure", measures, p.measures):
                    self.check_measure(measure, m)

    def check_measure(self, measure: dict, parsed: Measure) -> None:
        code = parsed.code
        if measure["title"] != parsed.title:
            self.at_line(
                parsed.line, f"measure {code} title: {difference(measure['title'], parsed.title)}"
            )
        paragraphs = (measure.get("description") or "").split("\n")
        self.check_paragraphs(f"measure {code} description", paragraphs, parsed.description)
        self.check_printings(code, measure.get("kpis") or [], parsed.kpis)
        self.compare_texts(
            f"measure {code} project", measure.get("projects") or [], parsed.projects
        )

    def check_paragraphs(self, what: str, texts: list[str], parsed: list[Para]) -> None:
        self.compare_texts(f"{what} paragraph", [{"text": text} for text in texts], parsed)

    def compare_texts(
        self, what: str, items: list[dict], parsed: list[Para] | list[Project]
    ) -> None:
        """Compare texts in order (and the relisted flag, for projects); report each
        difference, each text only on one side, and each text found on both sides but at
        different places."""
        texts = [item["text"] for item in items]
        pairs = list(align(texts, [p.text for p in parsed]))
        moved_yaml = {texts[y]: y for y, s in pairs if s is None}
        moved_source = {parsed[s].text: s for y, s in pairs if y is None}
        for y, s in pairs:
            if s is None:
                if texts[y] not in moved_source:
                    self.at_yaml(f"{what} {y + 1}", f"not printed in the source: {texts[y][:40]!r}")
                continue
            printed = parsed[s]
            if y is None:
                if printed.text in moved_yaml:
                    y = moved_yaml[printed.text]
                    self.at_line(printed.line, f"{what} {y + 1}: out of order, printed as {s + 1}")
                else:
                    self.at_line(printed.line, f"{what} not in the YAML: {printed.text[:40]!r}")
                continue
            if texts[y] != printed.text:
                self.at_line(printed.line, f"{what} {y + 1}: {difference(texts[y], printed.text)}")
            relisted = getattr(printed, "relisted", None)
            if relisted is not None and bool(items[y].get("relisted")) != relisted:
                self.at_line(printed.line, f"{what} {y + 1}: {relist_difference(relisted)}")

    # -- KPI printings ----------------------------------------------------------------------
    def check_printings(self, code: str, refs: list[dict], parsed: list[Printing]) -> None:
        """Pair the YAML's KPI references of a goal or measure with the printed KPIs by name."""
        keys = [
            loose(self.kpis[ref["kpi"]]["name"]) if ref["kpi"] in self.kpis else "" for ref in refs
        ]
        for y, s in align(keys, [loose(printing.name) for printing in parsed]):
            if s is None:
                self.at_yaml(
                    f"{code} kpis[{y}]", f"{refs[y]['kpi']} is not printed here in the source"
                )
                continue
            printing = parsed[s]
            if y is None:
                self.at_line(printing.line, f"{code}: KPI {printing.name!r} not in the YAML")
                continue
            kpi_id = refs[y]["kpi"]
            self.yaml_places.append((code, kpi_id, bool(refs[y].get("relisted"))))
            if kpi_id not in self.kpis:
                self.at_line(printing.line, f"{code}: KPI id {kpi_id!r} is not defined in kpis")
                continue
            first = self.first_printing.setdefault(kpi_id, printing)
            if first is not printing and keys[y] != loose(printing.name):
                name = self.kpis[kpi_id]["name"]
                self.at_line(
                    printing.line, f"{code}: {kpi_id}: name {difference(name, printing.name)}"
                )
            if bool(refs[y].get("relisted")) != printing.relisted:
                self.at_line(
                    printing.line, f"{code}: {kpi_id}: {relist_difference(printing.relisted)}"
                )
            if first is not printing and loose(first.figures) != loose(printing.figures):
                self.at_line(
                    printing.line,
                    f"{code}: {kpi_id}: figures {printing.figures!r} differ from the first "
                    f"printing (line {first.line}) {first.figures!r}",
                )

    def check_arrow_lines(self) -> None:
        read = {printing.line for printing in self.src.printings}
        for line in self.src.arrow_lines:
            if line not in read and not any(p[0] == line for p in self.src.problems):
                self.at_line(line, "'→' line not read as a KPI printing")

    def check_kpi_definitions(self) -> None:
        places: dict[str, list[str]] = {}
        for code, kpi_id, _relisted in self.yaml_places:
            places.setdefault(kpi_id, []).append(code)
        seen_ids = set()
        for kpi in self.data.get("kpis") or []:
            kpi_id = kpi["id"]
            if kpi_id in seen_ids:
                self.at_yaml(f"kpi {kpi_id}", "defined twice")
            seen_ids.add(kpi_id)
            if kpi_id not in self.first_printing:
                self.at_yaml(f"kpi {kpi_id}", "no printing of it found in the source")
                continue
            if kpi.get("measures") != places[kpi_id]:
                self.at_yaml(
                    f"kpi {kpi_id}", f"measures {kpi.get('measures')}, printed at {places[kpi_id]}"
                )
            self.check_first_printing(kpi, self.first_printing[kpi_id])
        order = list(self.first_printing)
        defined = [
            kpi["id"] for kpi in self.data.get("kpis") or [] if kpi["id"] in self.first_printing
        ]
        if defined != order:
            wrong = next(a for a, b in zip(defined, order, strict=True) if a != b)
            self.at_yaml(f"kpi {wrong}", "kpis are not in order of first printing")

    def check_first_printing(self, kpi: dict, printing: Printing) -> None:
        kpi_id, line = kpi["id"], printing.line
        if kpi["name"] != printing.name:
            self.at_line(
                printing.name_line, f"{kpi_id}: name {difference(kpi['name'], printing.name)}"
            )
        expected = read_figures(printing)
        if isinstance(expected, str):
            self.at_line(line, f"{kpi_id}: {expected}")
            return
        for part, wanted in (("baseline", expected.baseline), ("target", expected.target)):
            actual = kpi.get(part) or {}
            for key, value in wanted.items():
                have = actual.get(key)
                same = have == value
                if key == "value" and have is not None and value is not None:
                    same = float(have) == value
                if not same:
                    message = f"{part}.{key} is {show_figure(have)}, printed {show_figure(value)}"
                    self.at_line(line, f"{kpi_id}: {message}")
        if expected.unit is not None and loose(kpi.get("unit", "")) != loose(expected.unit):
            self.at_line(line, f"{kpi_id}: unit {kpi.get('unit')!r}, printed {expected.unit!r}")
        if kpi.get("period") != expected.period:
            self.at_line(line, f"{kpi_id}: period {kpi.get('period')}, printed {expected.period}")
        notes = [
            p.source_note
            for p in self.src.printings
            if p.source_note and loose(p.name) == loose(printing.name)
        ]
        printed_note = notes[0].text if notes else None
        if kpi.get("source_note") != printed_note:
            self.at_line(
                notes[0].line if notes else line,
                f"{kpi_id}: source_note {kpi.get('source_note')!r}, printed {printed_note!r}",
            )

    # -- footnotes --------------------------------------------------------------------------
    def check_footnotes(self) -> None:
        printed = {footnote.number: footnote for footnote in self.src.footnotes}
        numbers = [footnote.number for footnote in self.src.footnotes]
        for number in sorted({n for n in numbers if numbers.count(n) > 1}):
            self.at_line(printed[number].line, f"footnote ※{number} printed twice")
        listed = set()
        for footnote in self.data.get("footnotes") or []:
            number = footnote.get("number")
            listed.add(number)
            source = printed.get(number)
            if source is None:
                self.at_yaml(f"footnote {number}", "not printed in the source")
                continue
            for key in ("term", "text"):
                have, printed_text = footnote.get(key) or "", getattr(source, key)
                if have != printed_text:
                    message = f"footnote ※{number} {key}: {difference(have, printed_text)}"
                    self.at_line(source.line, message)
        for number, source in printed.items():
            if number not in listed:
                self.at_line(source.line, f"footnote ※{number} is not in the YAML")

    # -- re-listed projects -----------------------------------------------------------------
    def check_relisted_projects(self) -> None:
        """A re-listed project worded differently from its first printing needs a `note`.

        Letter width and spacing do not count as wording (YAML header), and neither does a
        footnote reference (※N): it is printed only where the term is used first."""

        def key(text: str) -> str:
            return re.sub(r"※\d+", "", loose(text))

        def similarity(text: str, other: str) -> float:
            return difflib.SequenceMatcher(None, text, other, autojunk=False).ratio()

        first_printings: list[tuple[str, str]] = []  # (measure code, text), so far
        for code, measure in self.yaml_measures():
            for index, project in enumerate(measure.get("projects") or [], 1):
                text = project["text"]
                if not project.get("relisted"):
                    first_printings.append((code, text))
                    continue
                if project.get("note") or any(key(t) == key(text) for _, t in first_printings):
                    continue
                where = f"measure {code} project {index}"
                best = max(first_printings, key=lambda e: similarity(text, e[1]), default=None)
                if best and similarity(text, best[1]) >= 0.6:
                    message = f"re-listed, worded differently from {best[0]} and no note: "
                    message += difference(text, best[1], ("here", best[0]))
                else:
                    message = "re-listed, but not printed before, and no note"
                self.at_yaml(where, message)

    def yaml_measures(self) -> Iterator[tuple[str, dict]]:
        """The YAML's measures in document order, with their codes (G-P-M)."""
        for goal in self.data["goals"]:
            for policy in goal.get("policies") or []:
                for measure in policy.get("measures") or []:
                    yield f"{goal['number']}-{policy['number']}-{measure['number']}", measure

    # -- summary ----------------------------------------------------------------------------
    def summary(self) -> list[str]:
        src, data = self.src, self.data
        policies = [p for g in src.goals for p in g.policies]
        measures = [m for p in policies for m in p.measures]
        projects = [x for m in measures for x in m.projects]
        y_policies = [p for g in data["goals"] for p in g.get("policies") or []]
        y_measures = [m for p in y_policies for m in p.get("measures") or []]
        y_projects = [x for m in y_measures for x in m.get("projects") or []]
        y_refs = [r for g in data["goals"] for r in g.get("targets") or []]
        y_refs += [r for m in y_measures for r in m.get("kpis") or []]
        return [
            f"source: {len(src.goals)} goals, {len(policies)} policies, {len(measures)} measures, "
            f"{len(src.printings)} KPI printings ({len(src.arrow_lines)} '→' lines, "
            f"{sum(p.relisted for p in src.printings)} relisted), "
            f"{len({loose(p.name) for p in src.printings})} distinct KPIs, "
            f"{len(projects)} projects ({sum(x.relisted for x in projects)} relisted), "
            f"{len(src.footnotes)} footnotes",
            f"yaml:   {len(data['goals'])} goals, {len(y_policies)} policies, "
            f"{len(y_measures)} measures, {len(y_refs)} KPI printings "
            f"({sum(bool(r.get('relisted')) for r in y_refs)} relisted), "
            f"{len(data.get('kpis') or [])} distinct KPIs, "
            f"{len(y_projects)} projects ({sum(bool(x.get('relisted')) for x in y_projects)} "
            f"relisted), {len(data.get('footnotes') or [])} footnotes",
        ]


def display(path: Path) -> str:
    """The path as given, or relative to the working directory when it is below it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive
        return str(path)
    return str(path) if relative.startswith("..") else relative


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="the source text (kanazawa-strategy-3rd.txt)")
    parser.add_argument(
        "--strategy",
        type=Path,
        default=DEFAULT_STRATEGY,
        help="the transcription to check (default: data/strategy.yaml of this repository)",
    )
    args = parser.parse_args(argv)
    try:
        lines = args.source.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as error:
        print(f"error: {args.source}: {error}", file=sys.stderr)
        return 2
    try:
        data = YAML(typ="safe").load(args.strategy.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, YAMLError) as error:
        print(f"error: {args.strategy}: {error}", file=sys.stderr)
        return 2

    checker = Checker(
        display(args.source), display(args.strategy), SourceParser(lines).parse(), data
    )
    checker.run()
    report = checker.report()
    for text in report:
        print(text)
    for text in checker.summary():
        print(text)
    count = len(report)
    print(f"{count} discrepanc{'y' if count == 1 else 'ies'}" if report else "no discrepancies")
    return 1 if report else 0


if __name__ == "__main__":
    sys.exit(main())
