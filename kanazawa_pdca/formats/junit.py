"""`--format junit`: JUnit XML for CI test reports (GitLab, Jenkins, JUnit-report actions).

    <testsuites name=… tests failures errors skipped time>
      <testsuite name="G1 …" …>          one per basic goal
        <properties>…</properties>        year, strict, thresholds, fail_on, strategy,
                                          older_figures (KPIs judged on an older figure)
        <testcase classname="G1" name="<kpi id> <name>" time="0">
          <failure message=… type="off_track">the figures</failure>   off_track, regressing
          <skipped message=…/>                                         no_data, not_assessable
          <system-out>…</system-out>   a pass set by the committee's override (its reason)
        </testcase>

A KPI is listed once in each goal it is printed in, so a KPI printed in two goals is two
test cases. off_track and regressing always fail; a better status fails only when the
`--fail-on` status makes it fail the run (behind with `--fail-on behind`, …), so the
report's failures and the exit status agree.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..assess import KpiResult, Report
from ..i18n import (
    Lang,
    grade_label,
    kpi_name,
    override_note,
    status_word,
    t,
    title,
    unit_suffix,
)
from ..present import escape
from ..present.numbers import figure_digits, percent, with_unit, year_tag
from ..trajectory import Status
from ..years import label
from . import RenderOptions
from .github import figures, headline, target_text, word

ALWAYS_FAIL = {Status.OFF_TRACK, Status.REGRESSING}
SKIPPED = {Status.NO_DATA, Status.NOT_ASSESSABLE}


def outcome(status: Status, fail_on: str | None, grade_fails: bool = False) -> str:
    """'failure', 'skipped' or 'passed' (`grade_fails`: its grade fails --fail-on)."""
    if status in SKIPPED:
        return "skipped"
    if status in ALWAYS_FAIL or status.fails(fail_on) or grade_fails:
        return "failure"
    return "passed"


def render(report: Report, options: RenderOptions) -> str:
    lang = options.lang
    results = {r.kpi.id: r for r in report.kpis}
    groups: list[tuple[str, str, list[KpiResult]]] = [
        (g.code, f"{g.code} {title(g, lang)}", [results[k] for k in g.kpi_ids if k in results])
        for g in report.goals
    ]
    listed = {k for g in report.goals for k in g.kpi_ids}
    rest = [r for r in report.kpis if r.kpi.id not in listed]
    if rest:  # a report built without roll-ups (or KPIs printed in no goal)
        groups.append(("KPI", "KPI", rest))

    meta = report.strategy.meta
    root = ET.Element("testsuites", name=f"{title(meta, lang)} — {label(report.year, lang)}")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for code, name, kpis in groups:
        suite = ET.SubElement(root, "testsuite", name=name)
        counts = {"tests": len(kpis), "failures": 0, "errors": 0, "skipped": 0}
        _properties(suite, report, options, sum(1 for r in kpis if r.stale))
        for r in kpis:
            failed = report.grade_fails(r, options.fail_grade)
            result = outcome(r.status, options.fail_on, failed)
            if result == "failure":
                counts["failures"] += 1
            elif result == "skipped":
                counts["skipped"] += 1
            _testcase(suite, code, r, result, lang, report.strict)
        for key, n in counts.items():
            suite.set(key, str(n))
            totals[key] += n
        suite.set("time", "0")
    for key, n in totals.items():
        root.set(key, str(n))
    root.set("time", "0")
    _xml_safe(root)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def _xml_safe(root: ET.Element) -> None:
    """Every attribute and text through the one XML escape (ElementTree escapes `&<>"`,
    escape.xml_chars the characters XML forbids): the document is always well-formed."""
    for node in root.iter():
        for key, value in node.attrib.items():
            node.set(key, escape.xml_chars(value))
        if node.text:
            node.text = escape.xml_chars(node.text)


def _properties(suite: ET.Element, report: Report, options: RenderOptions, older: int) -> None:
    """The run's settings, and `older_figures`: how many of the suite's KPIs are judged on a
    figure older than the year asked about."""
    props = ET.SubElement(suite, "properties")
    values = {
        "year": str(report.year),
        "strict": str(report.strict).lower(),
        "thresholds.on_track": f"{report.thresholds.on_track:g}",
        "thresholds.behind": f"{report.thresholds.behind:g}",
        "strategy": report.strategy.meta.title,
        "older_figures": str(older),
    }
    if options.fail_on or options.fail_grade:
        values["fail_on"] = options.fail_on or options.fail_grade  # a status, or a grade code
    for name, value in values.items():
        ET.SubElement(props, "property", name=name, value=value)


def _testcase(
    suite: ET.Element, code: str, r: KpiResult, result: str, lang: Lang, strict: bool
) -> None:
    case = ET.SubElement(
        suite,
        "testcase",
        classname=code,
        name=f"{r.kpi.id} {kpi_name(r.kpi, lang)}",
        time="0",
    )
    line = f"{headline(r, lang)} — {figures(r, lang, strict=strict)}"
    if result == "failure":
        failure = ET.SubElement(case, "failure", message=line, type=r.status.value)
        failure.text = _details(r, lang)
    elif result == "skipped":
        ET.SubElement(case, "skipped", message=line)
    elif r.override is not None:  # a pass the committee decided: say so, with its reason
        ET.SubElement(case, "system-out").text = f"{line}\n{override_note(r, lang)}\n"


def _details(r: KpiResult, lang: Lang) -> str:
    """Every figure of the KPI, one per line (the failure's text)."""
    k = r.kpi
    actual = with_unit(r.actual, unit_suffix(k, lang))
    if r.actual_year is not None:
        actual += f" {year_tag(r.actual_year, k, lang)}"
    base = with_unit(k.baseline.value, unit_suffix(k, lang))
    rows = [
        (t("status", lang), status_word(r.status, lang)),
        *([(t("grade", lang), grade_label(r.grade, lang))] if r.grade is not None else []),
        (t("baseline", lang), f"{base} {year_tag(k.baseline.year, k, lang)}".strip()),
        (t("target", lang), target_text(r)),
        (t("expected", lang), with_unit(r.expected, unit_suffix(k, lang), figure_digits(k))),
        (t("actual", lang), actual),
        (word("attainment", lang).capitalize(), percent(r.attainment)),
        (t("progress", lang), percent(r.progress)),
        (t("measures", lang), ", ".join(k.measures)),
    ]
    lines = [f"{name}: {value}" for name, value in rows]
    if r.override is not None:  # '✎ 委員会判断: <reason>（計算上: …）' names itself
        lines.insert(1, override_note(r, lang) or "")
    return "\n".join(lines) + "\n"
