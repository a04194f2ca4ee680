"""Where a figure comes from: the `source` and `note` recorded with it, for every format.

The terminal table marks a KPI whose figure has a note with `NOTE_MARK` and lists the
notes under the table (`notes_lines`); Markdown shows them in the KPI's cell
(`provenance_parts`). Text is returned raw: each format escapes it for its own kind.
"""

from __future__ import annotations

from ..assess import KpiResult, Report
from ..i18n import Lang, kpi_name, override_note, t
from .numbers import year_tag

NOTE_MARK = "※"


def note_mark(r: KpiResult) -> str:
    """' ※' after the name of a KPI whose figure has a note, else ''."""
    return f" {NOTE_MARK}" if r.note else ""


def provenance_parts(r: KpiResult, lang: Lang) -> list[tuple[str, str]]:
    """[(label, text)] for the source and the note of the figure judged."""
    parts = []
    if r.source:
        parts.append((t("provenance.source", lang), r.source))
    if r.note:
        parts.append((t("provenance.note", lang), r.note))
    return parts


def notes_lines(report: Report, lang: Lang) -> list[str]:
    """One line per KPI whose figure has a note: '※ name (id, R8): note (出典: …)'."""
    lines = []
    for r in report.kpis:
        if not r.note:
            continue
        where = f"{r.kpi.id}{', ' + year_tag(r.actual_year).strip('()') if r.actual_year else ''}"
        source = f" ({t('provenance.source', lang)}: {r.source})" if r.source else ""
        lines.append(f"{NOTE_MARK} {kpi_name(r.kpi, lang)} ({where}): {r.note}{source}")
    return lines


def notes_text(report: Report, lang: Lang):
    """The notes as a rich Text block for the terminal (None when no figure has a note)."""
    from rich.text import Text

    from . import escape

    lines = notes_lines(report, lang)
    if not lines:
        return None
    text = Text(t("provenance.notes", lang), style="bold")
    for line in lines:
        text.append("\n" + escape.terminal(line))
    return text


def overrides_text(report: Report, lang: Lang):
    """The committee's overrides as a rich Text block for the terminal: one line per KPI
    whose status the review set, '✎ name (id): 委員会判断: reason（計算上: × 遅れ）'."""
    from rich.text import Text

    from . import escape

    lines = [
        f"{kpi_name(r.kpi, lang)} ({r.kpi.id}): {override_note(r, lang)}"
        for r in report.kpis
        if r.override is not None
    ]
    if not lines:
        return None
    text = Text(t("override.legend", lang), style="bold")
    for line in lines:
        text.append("\n" + escape.terminal(line))
    return text
