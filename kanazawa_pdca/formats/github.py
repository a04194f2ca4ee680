"""`--format github`: GitHub Actions workflow commands, and the job's step summary.

One annotation per KPI that needs attention, placed on the line where its figure is
recorded (the actuals file of the data year), or on the KPI's definition in the
strategy file when there is no figure:

    ::error file=data/actuals/2026.yaml,line=4,col=16,title=KPI app-downloads%3A off track::…

`::error` for regressing and off_track, `::warning` for behind, `::notice` for no_data;
achieved, on_track and not_assessable print nothing. A KPI that fails the run under
`--fail-on` (behind with `--fail-on behind`, …) is always an `::error`, so every KPI
behind exit status 1 has an annotation. Text is escaped as workflow commands require:
`%`, CR and LF everywhere, and `:` and `,` in properties too.

The locations are looked up here, lazily (only the files an annotation needs are read,
each once), from the paths the Report carries.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from ..assess import KpiResult, Report
from ..diagnostics import Diagnostic, Location
from ..i18n import (
    OVERRIDE_MARK,
    Lang,
    judgement,
    kpi_name,
    override_note,
    said,
    status_word,
    t,
    text,
    unit_suffix,
)
from ..present import escape
from ..present.numbers import (
    derived_mark,
    figure_digits,
    percent,
    span_tag,
    with_unit,
    year_tag,
)
from ..trajectory import Status
from ..years import label, reiwa
from . import RenderOptions

if TYPE_CHECKING:
    from ..load import Located

SUMMARY_ENV = "GITHUB_STEP_SUMMARY"

LEVELS: dict[Status, str] = {
    Status.REGRESSING: "error",
    Status.OFF_TRACK: "error",
    Status.BEHIND: "warning",
    Status.NO_DATA: "notice",
}


# --- escaping: in kanazawa_pdca.escape (one place per output kind) -----------------------

escape_data = escape.command_data
escape_property = escape.command_property


def command(level: str, message: str, location: Location | None, title: str) -> str:
    """One workflow command line, e.g. `::error file=F,line=3,col=5,title=T::message`."""
    props: list[tuple[str, str]] = []
    if location is not None:  # a whole file: its name alone, no made-up line
        props.append(("file", PurePath(location.file).as_posix()))
        if location.line is not None:
            props += [("line", str(location.line)), ("col", str(location.column or 1))]
    props.append(("title", title))
    text = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{level} {text}::{escape_data(message)}\n"


# --- messages (shared with the JUnit format) ----------------------------------------------


def word(key: str, lang: Lang) -> str:
    return t(f"ci.{key}", lang)


def _tag(r: KpiResult, year: int | None, lang: Lang = "ja") -> str:
    """'(R8)', or '(R6–R8)' for the running sum of a period total."""
    if year is None:
        return ""
    k = r.kpi
    if k.kind in ("period_total", "period_average") and k.period and k.period[0] < year:
        return span_tag(k.period[0], year, k, lang)
    return year_tag(year, k, lang)


def headline(r: KpiResult, lang: Lang) -> str:
    """'割合 (share-pct): やや遅れ'."""
    mark = f" {OVERRIDE_MARK}" if r.override is not None else ""
    return f"{kpi_name(r.kpi, lang)} ({r.kpi.id}): {judgement(r, lang)}{mark}"


def target_text(r: KpiResult, lang: Lang = "ja") -> str:
    """'60% (R10)', '≥ 95% (R10)', or the printed text of a target to be reset."""
    t = r.kpi.target
    if t.value is None:
        return t.text
    floor = "≥ " if t.kind in ("at_least", "maintain") else ""
    if not t.year:
        return t.text
    if t.kind == "above":
        floor = "> "
    figure = with_unit(t.value, unit_suffix(r.kpi, lang)) + derived_mark(r.kpi, lang)
    return f"{floor}{figure} {year_tag(t.year, r.kpi, lang)}"


def figures(r: KpiResult, lang: Lang, *, strict: bool = False) -> str:
    """The figures behind a status, on one line.

    'actual 53% (R7), expected 54% (R7), attainment 75%, target 60% (R10)'.
    """
    k = r.kpi
    parts: list[str] = []
    if r.actual is not None:
        actual = with_unit(r.actual, unit_suffix(k, lang))
        parts.append(f"{word('actual', lang)} {actual} {_tag(r, r.actual_year, lang)}")
    elif r.missing_years:
        years = ", ".join(reiwa(y) for y in r.missing_years)
        parts.append(word("missing", lang).format(years=years))
    else:
        year = label(r.year, lang)
        parts.append(word("no_figure_in" if strict else "no_figure_by", lang).format(year=year))
    if r.expected is not None and not r.missing_years:
        at = r.year if r.actual_year is None else r.actual_year
        expected = with_unit(r.expected, unit_suffix(k, lang), figure_digits(k))
        parts.append(f"{word('expected', lang)} {expected} {_tag(r, at, lang)}")
    if r.attainment is not None:
        parts.append(f"{word('attainment', lang)} {percent(r.attainment)}")
    parts.append(f"{word('target', lang)} {target_text(r, lang)}")
    return word("sep", lang).join(p.strip() for p in parts)


def message(r: KpiResult, lang: Lang, *, strict: bool = False) -> str:
    """Two lines: what (name, id, status), and the figures; a third with the committee's
    override and its reason when the review set the status."""
    text = f"{headline(r, lang)}\n{figures(r, lang, strict=strict)}"
    note = override_note(r, lang)
    return f"{text}\n{note}" if note else text


# --- where things are -------------------------------------------------------------------


class Locator:
    """Finds, lazily, the line of a KPI's figure or definition; each file read once."""

    def __init__(self, report: Report):
        self.report = report
        self._docs: dict[str, Located | None] = {}
        self._index = {k.id: i for i, k in enumerate(report.strategy.kpis)}

    def _doc(self, file: str) -> Located | None:
        if file not in self._docs:
            from ..load import Located

            try:
                text = Path(file).read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError):
                self._docs[file] = None
            else:
                self._docs[file] = Located(file, text)
        return self._docs[file]

    # The CLI and `assess()` record where the data came from; a Report built otherwise
    # falls back to the default places, resolved as the CLI resolves them.

    def strategy_file(self) -> str:
        if self.report.strategy_path:
            return self.report.strategy_path
        from ..load import display_name, resolve_strategy

        return display_name(resolve_strategy(None))

    def actuals_file(self, year: int) -> str:
        if year in self.report.actuals_files:
            return self.report.actuals_files[year]
        from ..load import display_name, resolve_actuals

        folder = resolve_actuals(None)[0]
        for suffix in (".yaml", ".yml"):
            if (folder / f"{year}{suffix}").is_file():
                return display_name(folder / f"{year}{suffix}")
        return display_name(folder / f"{year}.yaml")

    def kpi(self, r: KpiResult) -> Location | None:
        """The figure judged (its value), else the KPI's `id` in the strategy file."""
        if r.actual_year is not None:
            doc = self._doc(self.actuals_file(r.actual_year))
            if doc is not None and (r.kpi.id,) in doc.marks:
                return doc.locate((r.kpi.id, "value"))
        return self.definition(r.kpi.id)

    def definition(self, kpi_id: str) -> Location | None:
        doc = self._doc(self.strategy_file())
        if doc is None or kpi_id not in self._index:
            return None
        return doc.locate(("kpis", self._index[kpi_id], "id"))


# --- the format ---------------------------------------------------------------------------


def level(status: Status, fail_on: str | None, grade_fails: bool = False) -> str | None:
    """The annotation level of a status: `error` whenever the KPI fails the run (by its
    status, or by its grade: `grade_fails`)."""
    return "error" if status.fails(fail_on) or grade_fails else LEVELS.get(status)


def annotations(report: Report, options: RenderOptions) -> Iterable[str]:
    lang = options.lang
    locator = Locator(report)
    for r in report.kpis:
        kind = level(r.status, options.fail_on, report.grade_fails(r, options.fail_grade))
        if kind is None:
            continue
        title = f"KPI {r.kpi.id}: {status_word(r.status, lang)}"
        yield command(kind, message(r, lang, strict=report.strict), locator.kpi(r), title)


def render(report: Report, options: RenderOptions) -> str:
    return "".join(annotations(report, options))


def diagnostics_to_annotations(diagnostics: Iterable[Diagnostic]) -> str:
    """`pdca validate --format github`: one `::error` / `::warning` per diagnostic."""
    return "".join(
        command(
            "warning" if d.severity == "warning" else "error",
            f"{said(d)} [{d.code}]",  # in the run's language
            d.location,
            "pdca validate",
        )
        for d in diagnostics
    )


def write_step_summary(report: Report, options: RenderOptions) -> None:
    """Append the Markdown report to $GITHUB_STEP_SUMMARY when it is set (inside Actions)."""
    path = os.environ.get(SUMMARY_ENV)
    if not path:
        return
    from .markdown import render as markdown

    try:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(markdown(report, options) + "\n")
    except OSError as exc:
        lang = options.lang
        warning = text("warning-prefix", lang) + text(
            "step-summary-unwritable", lang, detail=exc.strerror
        )
        sys.stderr.write(escape.stream(f"{path}: {warning} [step-summary-unwritable]\n"))
