"""What `pdca import` and `pdca record` print: the counts, and each changed KPI's new status."""

from __future__ import annotations

from ..assess import Report
from ..i18n import Lang, status_label, t, unit_suffix
from ..present import escape
from ..present.numbers import number
from ..years import label
from .writer import Outcome


def render_outcome(
    outcome: Outcome,
    report: Report,
    name: str,
    lang: Lang,
    blanks: int | None = None,
    pending: int | None = None,
) -> str:
    """Counts line, then one line per added or changed KPI with its status in the year.
    `blanks` and `pending`: of the missing, those left empty (or a dash) in the sheets and
    those marked 集計中 / 未集計 there, each counted on its own."""

    def w(key: str) -> str:
        return t(f"outcome.{key}", lang)

    counts = outcome.counts
    sep = w("sep")
    parts = [f"{w(k)} {counts[k]}" for k in ("added", "changed", "unchanged", "missing")]
    verb = w("would") if outcome.dry_run else w("wrote")
    name = escape.terminal(name)
    head = f"{name} ({label(outcome.year, lang)}): " + sep.join(parts)
    noted = [f"{w(k)} {n}" for k, n in (("blank", blanks), ("pending", pending)) if n]
    if noted:
        head += f" ({sep.join(noted)})"
    lines = [head]
    width = max((len(c.kpi_id) for c in outcome.touched), default=0)
    for change in outcome.touched:
        kpi = report.strategy.kpi(change.kpi_id)
        unit = escape.terminal(unit_suffix(kpi, lang))
        new = f"{number(change.new.value, 6)}{unit}"
        if change.old is not None and change.old.value != change.new.value:
            new = f"{number(change.old.value, 6)} → {new}"
        mark = "+" if change.action == "added" else "~"
        result = report.result(change.kpi_id)
        extra = [
            f"{t('provenance.' + k, lang)}: {escape.terminal(getattr(change.new, k))}"
            for k in ("source", "note")
            if getattr(change.new, k)
        ]
        tail = f"  [{'; '.join(extra)}]" if extra else ""
        lines.append(
            f"  {mark} {change.kpi_id.ljust(width)}  {new}  "
            f"{status_label(result.status, lang)}{tail}"
        )
    if not outcome.touched:
        lines.append(f"  {w('nothing')}")
    elif outcome.dry_run:
        lines.append(f"  {w('dry')}")
    else:
        lines.append(f"  {verb}: {name}")
    return "\n".join(lines) + "\n"
