"""The KPI list a city keeps (xlsx or csv, one row per KPI) -> the data of a strategy file,
or every bad cell at its place (`pdca init DIR --from FILE`).

The header row is found as `pdca import` finds its own (the first of the first 30 rows
that names the columns, in Japanese or English; text in brackets after a name is ignored):

    基本目標 (goal)  施策 (policy, optional)  KPI名 (name)  単位 (unit)
    方向 (direction: 増加 / 減少 / 維持)  基準値 (baseline)  基準年度 (baseline year)
    目標値 (target)  目標年度 (target year)  種別 (kind: 水準 / 累計 / 期間合計 / 期間平均)
    中間目標 (milestones: R7:95, R9:97)  備考 (note)  id

Every sheet with such a header is read, in order. A row with no KPI名, 基準値 or 目標値 is a
remark (a title, a note under the table) and is skipped; an empty 基本目標 (or 施策) cell
is the one above it (a merged cell, or "as above"). Years are read as `pdca check` reads
them (2024, R6, 令和6年度, H27, 平成27年度); one written with 年 and not 年度 makes its KPI
calendar-year. Figures are read as `pdca import` reads them (entry/numbers.py). Targets:
a figure, `90%以上` (at_least), `95%以上を維持` (maintain), `基準値を上回る` (above), `1.5倍`,
`倍増`, `+10ポイント`, `+20%`, `年平均2.2%成長` (relative to the baseline), `再設定` (reset).
The printed text of each baseline, milestone and target is the cell as written.

What the one model (`Strategy`, `cross_check`) then finds wrong with the strategy is said
at the cell it comes from. KPIs go under their goal (its numerical targets, code G1) or,
with a 施策, under the policy's one measure (code G-P-1).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic, InputError, Location
from ..i18n.messages import Phrase
from ..model.strategy import KPI_ID_PATTERN
from .numbers import FigureError, NoFigure, is_no_figure, parse_figure
from .sheets import HEADER_ROWS, Cell, Sheet, find_header, header_key, read_sheets
from .skeleton import PLACEHOLDER_META, default_evaluation, figure_text, fiscal_year, plain

# normalised header text (sheets.header_key) -> column
HEADERS: dict[str, set[str]] = {
    "goal": {"基本目標", "goal", "basicgoal", "基本目標名"},
    "policy": {"施策", "policy", "施策名", "基本的施策"},
    "name": {"kpi名", "kpi", "指標名", "指標", "kpi名称", "name", "kpiname"},
    "unit": {"単位", "unit"},
    "direction": {"方向", "方向性", "目指す方向", "direction"},
    "baseline": {"基準値", "現状値", "baseline"},
    "baseline_year": {"基準年度", "基準年", "現状値の年度", "baselineyear"},
    "target": {"目標値", "target"},
    "target_year": {"目標年度", "目標年", "targetyear"},
    "kind": {"種別", "種類", "kind"},
    "milestones": {"中間目標", "中間目標値", "milestones", "milestone"},
    "note": {"備考", "note", "notes", "remark", "remarks"},
    "id": {"id", "kpiid"},
}
REQUIRED = (
    "goal", "name", "unit", "direction", "baseline", "baseline_year", "target", "target_year",
)  # fmt: skip
# the column names messages use (the Japanese header, as the help lists them)
COLUMN_NAMES = {
    "goal": "基本目標", "policy": "施策", "name": "KPI名", "unit": "単位", "direction": "方向",
    "baseline": "基準値", "baseline_year": "基準年度", "target": "目標値",
    "target_year": "目標年度", "kind": "種別", "milestones": "中間目標", "note": "備考",
    "id": "id",
}  # fmt: skip

DIRECTIONS = {
    "増加": "increase", "増": "increase", "上昇": "increase", "向上": "increase",
    "increase": "increase", "up": "increase", "↑": "increase",
    "減少": "decrease", "減": "decrease", "低下": "decrease", "削減": "decrease",
    "decrease": "decrease", "down": "decrease", "↓": "decrease",
    "維持": "maintain", "maintain": "maintain",
}  # fmt: skip
KINDS = {
    "水準": "level", "level": "level", "単年度": "level", "単年": "level",
    "累計": "cumulative", "cumulative": "cumulative",
    "期間合計": "period_total", "合計": "period_total", "periodtotal": "period_total",
    "期間平均": "period_average", "平均": "period_average", "periodaverage": "period_average",
}  # fmt: skip
NO_BASELINE = {"新規", "なし", "無し", "未設定", "未把握", "new", "none", "n/a", "na"}

_ID = re.compile(KPI_ID_PATTERN)
_NUM = r"(\d+(?:\.\d+)?)"
_SIGN = "[+＋\\-−－△▲]"
_YEAR_IN_BRACKETS = re.compile(r"^(?P<body>.*?)\s*[(（](?P<year>[^()（）]+)[)）]$")
_START = re.compile(r"^(?P<year>.*?)(?:年度)?(?:から)?(?:運用|制度|事業|供用)?開始$")
# a goal's or policy's number as written before its title: 基本目標１, goal 1, 施策2, (1), （１）,
# or a bare number followed by a separator or nothing (not 2050年…, a title)
_SEP = r"[\s:：.．、,，]"
_NUMBERED = {
    "goal": re.compile(
        rf"^(?:(?:基本目標|goal)\s*(\d+)|[(（]\s*(\d+)\s*[)）]|(\d+)(?={_SEP}|$)){_SEP}*(.*)$",
        re.I | re.S,
    ),
    "policy": re.compile(
        rf"^(?:(?:施策|policy)\s*(\d+)|[(（]\s*(\d+)\s*[)）]|(\d+)(?={_SEP}|$)){_SEP}*(.*)$",
        re.I | re.S,
    ),
}
_RANGE = re.compile(r"^(.+?)\s*[～〜~]\s*(.+)$")
# a separator before the next YEAR: (a comma inside 1,300 is not one)
_MILESTONE_SPLIT = re.compile(r"[,、，;；\n]\s*(?=[^,、，;；\n]*[:：=＝])|[;；\n]")
_MILESTONE = re.compile(r"^\s*(?P<year>[^:：=＝]+?)\s*[:：=＝]\s*(?P<value>.+?)\s*$", re.S)


@dataclass
class Row:
    """One KPI row: its cells by column, and what was read from them."""

    sheet: Sheet
    line: int
    cells: dict[str, Cell]
    goal: tuple[Any, str, Cell]  # key, title, cell
    policy: tuple[Any, str, Cell] | None
    kpi: dict[str, Any] = field(default_factory=dict)
    calendar: bool = False
    years: list[int] = field(default_factory=list)  # every year it names
    window: tuple[int, int] | None = None  # a year range in 目標年度 (R6～R10)
    ok: bool = True  # read without a problem

    def where(self, column: str) -> Location:
        cell = self.cells.get(column)
        if cell is not None:
            return cell.location
        return self.cells["name"].location  # pragma: no cover - every row has a name cell


def header_role(value: object) -> str | None:
    key = header_key(value)
    if not key:
        return None
    for role, names in HEADERS.items():
        if key in names:
            return role
    return None


def kpi_header(sheet: Sheet) -> tuple[int, dict[str, int]] | None:
    """(index of the header row, column -> index): the first of the first rows that names
    the KPI and its target."""
    return find_header(sheet, header_role, ("name", "target"))


def read_kpi_list(path: Path, shown: str, today: dt.date) -> tuple[dict[str, Any], int]:
    """The strategy's data and its number of KPIs; InputError with every problem."""
    sheets = read_sheets(path, shown)
    reader = _Reader()
    found = False
    for sheet in sheets:
        header = kpi_header(sheet)
        if header is not None:
            found = True
            reader.sheet(sheet, *header)
    if not found:
        where = sheets[0].origin() if sheets else Location(shown)
        variant = "any-sheet" if len(sheets) > 1 else None
        raise InputError([Diagnostic(where, "init-no-header", {"n": HEADER_ROWS}, variant=variant)])
    if not reader.rows and not reader.diagnostics:
        raise InputError([Diagnostic(sheets[0].origin(), "init-no-kpis")])
    # the strategy of the rows read without a problem, checked by the model: its problems
    # and the cells' are said together
    data = reader.strategy(today)
    problems = reader.diagnostics + (_model_problems(data, reader) if reader.order else [])
    if problems:
        raise InputError(problems)
    return data, len(reader.rows)


class _Reader:
    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.diagnostics: list[Diagnostic] = []
        self.ids: dict[str, Location] = {}

    def error(self, where: Location, code: str, variant: str | None = None, **values) -> None:
        self.diagnostics.append(Diagnostic(where, code, values, variant=variant))

    # --- a sheet -------------------------------------------------------------------------

    def sheet(self, sheet: Sheet, header: int, roles: dict[str, int]) -> None:
        missing = [c for c in REQUIRED if c not in roles]
        if missing:
            first = sheet.rows[header][0].location if sheet.rows[header] else sheet.origin()
            names = "、".join(COLUMN_NAMES[c] for c in missing)
            self.error(first, "init-missing-column", columns=names, n=len(missing))
            return
        goal = policy = None
        for row in sheet.rows[header + 1 :]:
            if not row:
                continue
            cells = {
                role: row[j] if j < len(row) else _blank(sheet, row, j) for role, j in roles.items()
            }
            if all(_empty(cells[c]) for c in ("name", "baseline", "target")) or _remark(row):
                continue  # a blank line, a title, a remark under the table
            goal_cell, policy_cell = cells["goal"], cells.get("policy")
            if _empty(goal_cell):
                if goal is None:
                    self.error(goal_cell.location, "init-empty-cell", column="基本目標")
                    continue
            else:
                goal = self._numbered(goal_cell, "goal")
                policy = None
            if policy_cell is not None:
                if not _empty(policy_cell):
                    policy = self._numbered(policy_cell, "policy")
                elif not _empty(goal_cell):
                    policy = None  # a new goal's own numerical target
            line = cells["name"].location.line
            self.row(Row(sheet, line, cells, goal, policy))

    def _numbered(self, cell: Cell, what: str) -> tuple[Any, str, Cell]:
        """(key, title, cell) of a goal or policy cell: `基本目標1 しごと` -> (1, 'しごと'),
        `(1) 交流` -> (1, '交流'), `しごと` -> ('しごと', 'しごと'); a number alone gets the
        level's name as its title (`1` -> 基本目標1)."""
        raw = _text(cell.value)
        match = _NUMBERED[what].match(raw.strip())
        if match is None:
            title = _join_lines(raw).strip()
            return title, title, cell
        number = int(next(g for g in match.groups()[:3] if g is not None))
        name = "基本目標" if what == "goal" else "施策"
        return number, _join_lines(match[4]).strip() or f"{name}{number}", cell

    # --- a row ---------------------------------------------------------------------------

    def row(self, row: Row) -> None:
        before = len(self.diagnostics)
        c = row.cells
        n = len(self.rows) + 1
        kpi: dict[str, Any] = {}
        kpi["id"] = self._id(c.get("id"), n, c["name"].location)
        name = _join_lines(_text(c["name"].value)).strip()
        if not name:
            self.error(c["name"].location, "init-empty-cell", column="KPI名")
        kpi["name"] = name
        kpi["name_en"] = name  # a copy to translate (the file's header says so)
        unit = _join_lines(_text(c["unit"].value)).strip().replace("％", "%")
        kpi["unit"] = unit
        direction = self._direction(c["direction"])
        kpi["direction"] = "decrease" if direction == "decrease" else "increase"
        kpi["kind"] = self._kind(c.get("kind"), name)
        baseline = self._baseline(row, unit, kpi["id"])
        if baseline is not None:
            kpi["baseline"] = baseline
        kpi["target"] = target = self._target(row, unit, kpi["id"], direction == "maintain")
        milestones = self._milestones(row, unit, kpi["id"])
        if milestones:
            kpi["milestones"] = milestones
        if row.window is not None and (
            kpi["kind"] in ("period_total", "period_average") or target.get("kind") == "maintain"
        ):
            kpi["period"] = list(row.window)
        elif row.window is not None:
            self.error(row.where("target_year"), "init-range", raw=_text(c["target_year"].value))
        if row.calendar:
            kpi["year_basis"] = "calendar"
        note = _join_lines(_text(c["note"].value)).strip() if "note" in c else ""
        if note:
            kpi["note"] = note
        row.kpi = kpi
        row.ok = len(self.diagnostics) == before
        self.rows.append(row)

    def _id(self, cell: Cell | None, n: int, row_at: Location) -> str:
        """The id given, or kpi-001, kpi-002, … in row order."""
        if cell is None or _empty(cell):
            kpi_id = f"kpi-{n:03d}"
            where = row_at
        else:
            kpi_id = unicodedata.normalize("NFKC", _text(cell.value)).strip()
            where = cell.location
            if not _ID.match(kpi_id):
                self.error(where, "not-a-kpi-id", raw=kpi_id)
                return kpi_id
        if kpi_id in self.ids:
            self.error(where, "duplicate-kpi", id=kpi_id, at=str(self.ids[kpi_id]))
        else:
            self.ids[kpi_id] = where
        return kpi_id

    def _direction(self, cell: Cell) -> str:
        key = _key(cell.value)
        if key in DIRECTIONS:
            return DIRECTIONS[key]
        if _empty(cell):
            self.error(cell.location, "init-empty-cell", column="方向")
        else:
            self.error(cell.location, "init-direction", raw=_text(cell.value).strip())
        return "increase"

    def _kind(self, cell: Cell | None, name: str) -> str:
        if cell is None or _empty(cell):
            return "cumulative" if "累計" in name else "level"
        key = _key(cell.value)
        if key in KINDS:
            return KINDS[key]
        self.error(cell.location, "init-kind", raw=_text(cell.value).strip())
        return "level"

    # --- years ---------------------------------------------------------------------------

    def year(self, row: Row, value: object, where: Location) -> int | None:
        """A year as `pdca check` takes it; 2019年 (年 without 度) is a calendar year."""
        from ..years import YearError, parse_year

        if isinstance(value, bool | dt.date | dt.datetime | dt.time):
            self.error(where, "year-format", value=_text(value), forms=_FORMS)
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = unicodedata.normalize("NFKC", _text(value)).strip()
        if text.endswith("年") and not text.endswith("年度"):
            row.calendar = True
            text = text[:-1]
        try:
            year = parse_year(text)
        except YearError as exc:
            self.error(where, exc.code, **{**exc.values, "value": _text(value).strip()})
            return None
        row.years.append(year)
        return year

    def _year_cell(self, row: Row, column: str, inner: str | None) -> int | None:
        """The year of a column's cell, or the one written in brackets in the value cell;
        when both are given they must agree."""
        cell = row.cells[column]
        year = None if _empty(cell) else self.year(row, cell.value, cell.location)
        if inner is not None:
            value_cell = row.cells["baseline" if column == "baseline_year" else "target"]
            written = self.year(row, inner, value_cell.location)
            if year is None and _empty(cell):
                return written
            if written is not None and year is not None and written != year:
                self.error(
                    value_cell.location, "init-year-mismatch", inner=inner.strip(),
                    column=COLUMN_NAMES[column], year=year,
                )  # fmt: skip
        return year

    # --- figures -------------------------------------------------------------------------

    def figure(self, cell: Cell, text: str, unit: str, kpi_id: str, what: str) -> Decimal | None:
        """A figure as `pdca import` reads it; `text` is the cell's text (or a part of it)."""
        if cell.formula is not None:
            self.error(cell.location, "formula-without-value", id=kpi_id, formula=cell.formula)
            return None
        raw: object = text
        if isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
            raw = cell.value if text == _text(cell.value) else text
        try:
            value = parse_figure(raw, unit)
        except FigureError as exc:
            if exc.code in ("not-a-number", "not-finite"):
                self.error(cell.location, "init-value", what, raw=text.strip())
            else:
                self.diagnostics.append(
                    Diagnostic(cell.location, exc.code, exc.values, variant=exc.variant)
                )
            return None
        if isinstance(value, NoFigure):
            self.error(cell.location, "init-value", what, raw=text.strip())
            return None
        if cell.percent and raw is cell.value:
            if unit != "%":
                values = {"id": kpi_id, "unit": unit}
                self.error(cell.location, "wrong-unit", "percent-cell", **values)
                return None
            value = value * 100
        return value

    def _baseline(self, row: Row, unit: str, kpi_id: str) -> dict[str, Any] | None:
        cell, year_cell = row.cells["baseline"], row.cells["baseline_year"]
        if cell.formula is not None:
            return self.figure(cell, "", unit, kpi_id, "baseline")  # says so, at the cell
        if _empty(cell):
            if not _empty(year_cell):
                self.error(cell.location, "init-empty-cell", column="基準値")
            return None
        written = _written(cell)
        plain = unicodedata.normalize("NFKC", written).strip()
        if is_no_figure(written) or plain.lower() in NO_BASELINE or plain in ("―", "─"):
            return {"text": written}
        if start := _START.match(plain):
            year = (
                self.year(row, start["year"], cell.location)
                if start["year"]
                else self._year_cell(row, "baseline_year", None)
            )
            if year is None:
                if not start["year"] and _empty(year_cell):
                    self.error(year_cell.location, "init-empty-cell", column="基準年度")
                return None
            return {"year": year - 1, "value": Decimal(0), "text": written}
        body, inner = _split_year(written)
        value = self.figure(cell, body, unit, kpi_id, "baseline")
        year = self._year_cell(row, "baseline_year", inner)
        if year is None and _empty(year_cell) and inner is None:
            self.error(year_cell.location, "init-empty-cell", column="基準年度")
        if value is None or year is None:
            return None
        return {"year": year, "value": value, "text": written}

    def _target(self, row: Row, unit: str, kpi_id: str, maintain: bool) -> dict[str, Any]:
        cell, year_cell = row.cells["target"], row.cells["target_year"]
        written = _written(cell)
        if cell.formula is not None:
            self.figure(cell, "", unit, kpi_id, "target")  # says so, at the cell
            return {"year": None, "kind": "reset", "text": "―"}
        if _empty(cell):
            self.error(cell.location, "init-empty-cell", column="目標値")
            return {"year": None, "kind": "reset", "text": "―"}
        plain = unicodedata.normalize("NFKC", written).strip()
        if plain in ("再設定", "reset"):
            return {"year": None, "kind": "reset", "text": written}
        body, inner = _split_year(written)
        year = self._target_year(row, inner)
        if year is None and _empty(year_cell) and inner is None:
            self.error(year_cell.location, "init-empty-cell", column="目標年度")
        target: dict[str, Any] = {"year": year}
        form = unicodedata.normalize("NFKC", body).strip().replace(" ", "")
        relative = _relative(form)
        if relative is not None:
            name, value = relative
            if name == "above":
                target["kind"] = "above"
            else:
                target[name] = value
                target["kind"] = "maintain" if maintain else "exact"
        else:
            kind = "maintain" if maintain else "exact"
            for suffix, named in (
                ("以上を維持", "maintain"), ("以下を維持", "maintain"), ("を維持", "maintain"),
                ("以上", "at_least"), ("以下", "at_least"),
            ):  # fmt: skip
                if form.endswith(suffix):
                    form, kind = form[: -len(suffix)], named
                    break
            if kind == "at_least" and maintain:
                kind = "maintain"
            target["value"] = self.figure(cell, form, unit, kpi_id, "target")
            target["kind"] = kind
        target["text"] = written
        return target

    def _target_year(self, row: Row, inner: str | None) -> int | None:
        """The target year; a range (R6～R10) is a window whose last year is the target's."""
        cell = row.cells["target_year"]
        if not _empty(cell) and isinstance(cell.value, str):
            match = _RANGE.match(unicodedata.normalize("NFKC", cell.value).strip())
            if match:
                first = self.year(row, match[1], cell.location)
                last = self.year(row, match[2], cell.location)
                if first is not None and last is not None:
                    row.window = (first, last)
                return last
        return self._year_cell(row, "target_year", inner)

    def _milestones(self, row: Row, unit: str, kpi_id: str) -> list[dict[str, Any]]:
        cell = row.cells.get("milestones")
        if cell is None or _empty(cell):
            return []
        out = []
        for piece in _MILESTONE_SPLIT.split(_text(cell.value)):
            if not piece.strip():
                continue
            match = _MILESTONE.match(piece)
            if match is None:
                self.error(cell.location, "init-value", "milestone", raw=piece.strip())
                continue
            year = self.year(row, match["year"], cell.location)
            value = self.figure(cell, match["value"].strip(), unit, kpi_id, "milestone")
            if year is not None and value is not None:
                out.append({"year": year, "value": value, "text": match["value"].strip()})
        return out

    # --- the strategy --------------------------------------------------------------------

    def strategy(self, today: dt.date) -> dict[str, Any]:
        """The data of the strategy file: goals in order of first appearance, each KPI under
        its goal (G1) or its policy's one measure (G-P-1), defined in order of printing."""
        self._check_numbers(_grouped(self.rows))
        goals = _grouped([r for r in self.rows if r.ok])
        out_goals, kpis = [], []
        for number, goal in enumerate(goals.values(), start=1):
            entry: dict[str, Any] = {"number": number, "title": goal["title"]}
            entry["title_en"] = goal["title"]
            if goal["targets"]:
                entry["targets"] = [{"kpi": r.kpi["id"]} for r in goal["targets"]]
                for r in goal["targets"]:
                    kpis.append((r, f"G{number}"))
            policies = []
            for pnumber, policy in enumerate(goal["policies"].values(), start=1):
                code = f"{number}-{pnumber}-1"
                refs = [{"kpi": r.kpi["id"]} for r in policy["rows"]]
                measure = {"number": 1, "title": policy["title"], "title_en": policy["title"]}
                policies.append(
                    {
                        "number": pnumber,
                        "title": policy["title"],
                        "title_en": policy["title"],
                        "measures": [{**measure, "kpis": refs}],
                    }
                )
                kpis += [(r, code) for r in policy["rows"]]
            if policies:
                entry["policies"] = policies
            out_goals.append(entry)
        self.order = [row for row, _ in kpis]
        self.goal_rows = [
            (g["targets"] + [r for p in g["policies"].values() for r in p["rows"]])[0]
            for g in goals.values()
        ]
        self.policy_rows = [[p["rows"][0] for p in g["policies"].values()] for g in goals.values()]
        start, end = self._period(today, fiscal_year)
        for row in self.order:
            kpi, year = row.kpi, row.kpi["target"].get("year")
            if kpi["kind"] in ("period_total", "period_average") and "period" not in kpi and year:
                base = kpi.get("baseline", {}).get("year")
                kpi["period"] = [min(base + 1, year) if base else min(start, year), year]
        meta = {**PLACEHOLDER_META, "issued": f"{start}-03", "period": {"start": start, "end": end}}
        return {
            "meta": meta,
            "evaluation": default_evaluation(),
            "goals": out_goals,
            "kpis": [{**row.kpi, "measures": [code]} for row, code in kpis],
        }

    def _check_numbers(self, goals: dict[Any, dict[str, Any]]) -> None:
        """A goal (or policy) written with its number comes in its place: 基本目標2 second."""
        for number, (key, goal) in enumerate(goals.items(), start=1):
            rows = goal["targets"] + [r for p in goal["policies"].values() for r in p["rows"]]
            first = min(rows, key=lambda r: self.rows.index(r))
            if isinstance(key, int) and key != number:
                values = {"what": Phrase("numbering.goal"), "number": key, "expected": number}
                self.error(first.goal[2].location, "numbering", **values)
            for pnumber, (pkey, policy) in enumerate(goal["policies"].items(), start=1):
                if isinstance(pkey, int) and pkey != pnumber:
                    cell = policy["rows"][0].policy[2]
                    values = {"what": Phrase("numbering.policy"), "number": pkey}
                    self.error(cell.location, "numbering", **values, expected=pnumber)

    def _period(self, today: dt.date, fiscal_year) -> tuple[int, int]:
        """The strategy's period: from the first year after the latest baseline (or the first
        milestone, window or target, if earlier) to the last target year."""
        rows = [r for r in self.rows if r.ok]
        targets = [r.kpi["target"]["year"] for r in rows if r.kpi["target"].get("year")]
        ends = targets + [r.window[1] for r in rows if r.window]
        if not ends:
            start = fiscal_year(today)
            return start, start + 4
        firsts = list(targets)
        firsts += [m["year"] for r in rows for m in r.kpi.get("milestones", [])]
        firsts += [r.window[0] for r in rows if r.window]
        bases = [r.kpi["baseline"]["year"] for r in rows if r.kpi.get("baseline", {}).get("year")]
        if bases:
            firsts.append(max(bases) + 1)
        return min(firsts), max(ends)


def _grouped(rows: list[Row]) -> dict[Any, dict[str, Any]]:
    """goal key -> {title, targets: rows, policies: {policy key -> {title, rows}}}, in order
    of first appearance."""
    goals: dict[Any, dict[str, Any]] = {}
    for row in rows:
        key, title, _ = row.goal
        goal = goals.setdefault(key, {"title": title, "targets": [], "policies": {}})
        if row.policy is None:
            goal["targets"].append(row)
        else:
            pkey, ptitle, _ = row.policy
            goal["policies"].setdefault(pkey, {"title": ptitle, "rows": []})["rows"].append(row)
    return goals


# --- what the model finds, at the cell it comes from ---------------------------------------


def _model_problems(data: dict[str, Any], reader: _Reader) -> list[Diagnostic]:
    from pydantic import ValidationError

    from ..load import pydantic_error
    from ..model.checks import cross_check
    from ..model.strategy import Strategy

    try:
        strategy = Strategy.model_validate(plain(data))
    except ValidationError as exc:
        out = []
        for err in exc.errors(include_url=False):
            code, values, variant = pydantic_error(err["loc"], err)
            out.append(
                Diagnostic(_cell_of(err["loc"], data, reader), code, values, variant=variant)
            )
        return out
    return [
        Diagnostic(_cell_of(p.path, data, reader), p.code, p.values, p.severity, p.variant)
        for p in cross_check(strategy)
        if p.severity == "error"
    ]


_FIELD_COLUMN = {
    "id": "id", "name": "name", "name_en": "name", "unit": "unit", "unit_en": "unit",
    "direction": "direction", "kind": "kind", "milestones": "milestones", "period": "target_year",
    "year_basis": "target_year", "note": "note", "measures": "name",
}  # fmt: skip


def _cell_of(path: tuple, data: dict[str, Any], reader: _Reader) -> Location:
    """The cell a strategy's node was made from."""
    if len(path) >= 2 and path[0] == "kpis" and isinstance(path[1], int):
        row = reader.order[path[1]]
        rest = path[2:]
        field_ = rest[0] if rest else "name"
        if field_ in ("baseline", "target"):
            column = field_ if "year" not in rest else f"{field_}_year"
        else:
            column = _FIELD_COLUMN.get(str(field_), "name")
        if column not in row.cells:
            column = "target" if column == "milestones" else "name"
        return row.where(column)
    if len(path) >= 2 and path[0] == "goals" and isinstance(path[1], int):
        if len(path) >= 4 and path[2] == "policies" and isinstance(path[3], int):
            policy = reader.policy_rows[path[1]][path[3]].policy
            assert policy is not None
            return policy[2].location
        return reader.goal_rows[path[1]].goal[2].location
    first = reader.order[0] if reader.order else None
    return first.sheet.origin() if first else Location("")


# --- cells ---------------------------------------------------------------------------------

_FORMS = "2024, R6, 令和6年度, H27, 2019年"


_REMARK = re.compile(r"^\s*(?:※|＊|\*|注[0-9０-９]*[:：）)\s　]|[(（]注|出典[:：]|資料[:：])")


def _remark(row: list[Cell]) -> bool:
    """A row whose only text is a remark (※ 数値は速報値, 注1: …, 出典: …)."""
    filled = [c for c in row if not _empty(c)]
    return len(filled) == 1 and bool(_REMARK.match(_text(filled[0].value)))


def _blank(sheet: Sheet, row: list[Cell], j: int) -> Cell:
    line = row[0].location.line if row else 1
    return Cell(None, Location(sheet.file, line, j + 1, sheet.name))


def _empty(cell: Cell | None) -> bool:
    return (
        cell is None
        or cell.value is None
        or (isinstance(cell.value, str) and not cell.value.strip())
    )


def _text(value: object) -> str:
    """A cell's value as text: a whole number without '.0'."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat().removesuffix("T00:00:00")
    return str(value)


def _written(cell: Cell) -> str:
    """The cell as written: its text, a number as the sheet shows it (47.5%)."""
    if cell.percent and isinstance(cell.value, int | float):
        return f"{figure_text(Decimal(repr(float(cell.value))) * 100)}%"
    return _join_lines(_text(cell.value)).strip()


def _key(value: object) -> str:
    return re.sub(r"[\s_\-]", "", unicodedata.normalize("NFKC", _text(value)).lower())


def _join_lines(text: str) -> str:
    """A line break inside a cell (Alt+Enter) is where the sheet wrapped the text: joined
    with nothing between Japanese, a space between words."""

    def join(m: re.Match) -> str:
        before, after = m.group(1), m.group(2)
        return before + (" " if before.isascii() and after.isascii() else "") + after

    return re.sub(r"(\S)[ \t\u3000]*\r?\n[\s]*(\S)", join, text)


def _split_year(written: str) -> tuple[str, str | None]:
    """'47.5%（R5）' -> ('47.5%', 'R5'); the bracket holds a year only if it reads as one."""
    from ..years import YearError, parse_year

    match = _YEAR_IN_BRACKETS.match(written)
    if match is None:
        return written, None
    inner = unicodedata.normalize("NFKC", match["year"]).strip()
    try:
        parse_year(inner[:-1] if inner.endswith("年") and not inner.endswith("年度") else inner)
    except YearError:
        return written, None
    return match["body"], match["year"]


def _relative(form: str) -> tuple[str, Decimal | None] | None:
    """A target relative to the baseline: ('factor', 1.5), ('points', 10), ('percent', 20),
    ('annual_growth', 2.2), ('above', None); None for anything else."""
    if re.fullmatch(r"(?:基準値|現状値|基準年度|現状)(?:を|より)?上回る", form):
        return "above", None
    if form == "倍増":
        return "factor", Decimal(2)
    if m := re.fullmatch(_NUM + r"倍(?:増)?", form):
        return "factor", Decimal(m[1])
    if m := re.fullmatch(r"年平均" + _NUM + r"%(?:成長|増|増加)?", form):
        return "annual_growth", Decimal(m[1])
    signed = re.fullmatch(f"({_SIGN})" + _NUM + r"(ポイント|pt|%)", form)
    if signed:
        sign = -1 if signed[1] not in "+＋" else 1
        return ("points" if signed[3] != "%" else "percent"), sign * Decimal(signed[2])
    worded = re.fullmatch(_NUM + r"(ポイント|pt|%)(増|増加|減|減少)", form)
    if worded:
        sign = -1 if worded[3].startswith("減") else 1
        return ("points" if worded[2] != "%" else "percent"), sign * Decimal(worded[1])
    return None
