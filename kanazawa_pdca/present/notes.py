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
    return _block(t("provenance.notes", lang), notes_lines(report, lang))


def overrides_text(report: Report, lang: Lang):
    """The committee's overrides as a rich Text block for the terminal: one line per KPI
    whose status the review set, '✎ name (id): 委員会判断: reason（計算上: × 遅れ）'."""
    lines = [
        f"{kpi_name(r.kpi, lang)} ({r.kpi.id}): {override_note(r, lang)}"
        for r in report.kpis
        if r.override is not None
    ]
    return _block(t("override.legend", lang), lines)


def _block(title: str, lines: list[str]):
    """A bold title over `lines`, each escaped for the terminal (None without lines)."""
    from rich.text import Text

    from . import escape

    if not lines:
        return None
    text = Text(title, style="bold")
    for line in lines:
        text.append("\n" + escape.terminal(line))
    return text
