"""What the meeting report says, decided once for the HTML and the Markdown.

`meeting(report, previous)` gathers what page 1 and every KPI need: the movement since
last year (`compare.py`), the 要注意 list (regressing, off track, projected to miss,
worse than last year; worst first, the first `ATTENTION_FIRST` on page 1), the data's
date. The formats only render it.

The data's date ("データ時点") is the data's own, not the day a file was copied: when the
actuals files used are committed in a git repository, the date of the newest commit that
touched them; when one of them has changes not yet committed, or git or a repository is
not there (the packaged copy, a folder sent by e-mail), the newest file's modification
date, and the text says which it is.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from ..assess import KpiResult, Report
from ..compare import Comparison, KpiMovement, Movement, compare
from ..i18n import Lang, localized, movement_label, status_label, t, unit_suffix
from ..model.reviews import GroupReview
from ..present.layout import GoalView, Section, floor_text, goal_views, policy_heading
from ..present.numbers import figure_digits, kpi_figure, percent, target_text, with_unit, year_tag
from ..present.outlook_cell import outlook_cell, pace_text
from ..trajectory import Status
from ..years import reiwa

# why a KPI is on the 要注意 list, in the order the reasons are written
REASONS = ("regressing", "off_track", "miss", "worse")
# the 要注意 list's order, worst first: ▼ regressing, × off track, worse than last year,
# △ behind, then those only projected to miss; within a class, the lowest attainment first
ATTENTION_CLASSES = ("regressing", "off_track", "worse", "behind", "miss_only")
# how many of the worst page 1 lists; the rest follow in a second table (a list only a
# little longer is shown whole)
ATTENTION_FIRST = 10


@dataclass(frozen=True)
class Attention:
    result: KpiResult
    reasons: tuple[str, ...]  # of REASONS

    @property
    def kind(self) -> str:
        """Its class in ATTENTION_CLASSES, which orders the list."""
        status = self.result.status
        if status in (Status.REGRESSING, Status.OFF_TRACK):
            return status.value
        if "worse" in self.reasons:
            return "worse"
        return "behind" if status is Status.BEHIND else "miss_only"


@dataclass
class Meeting:
    report: Report
    comparison: Comparison | None
    created: dt.date
    attention: list[Attention] = field(default_factory=list)
    ordered: list[KpiResult] = field(default_factory=list)  # the reading order
    _moves: dict[str, KpiMovement] = field(default_factory=dict)

    def movement(self, kpi_id: str) -> KpiMovement | None:
        return self._moves.get(kpi_id)

    @property
    def attention_first(self) -> list[Attention]:
        """The worst of the 要注意 list, for page 1."""
        if len(self.attention) <= ATTENTION_FIRST + 2:
            return self.attention
        return self.attention[:ATTENTION_FIRST]

    @property
    def attention_rest(self) -> list[Attention]:
        """The rest of the 要注意 list, after page 1's."""
        return self.attention[len(self.attention_first) :]

    def data_as_of(self, lang: Lang) -> str:
        """'3 ファイル（R6–R8）、最新のコミット 2026-06-30' (or the files' date)."""
        years = sorted(y for y in self.report.actuals_files if y <= self.report.year)
        if not years:
            return t("report.no_files", lang)
        span = reiwa(years[0]) if len(years) == 1 else f"{reiwa(years[0])}–{reiwa(years[-1])}"
        kind, date = data_date([Path(self.report.actuals_files[y]) for y in years])
        text = t(f"report.{kind}", lang)
        return text.format(n=len(years), years=span, date=date.isoformat() if date else "—")


def report_text(key: str, lang: Lang) -> str:
    """A phrase of the meeting report (catalogue key report.KEY), for every page format."""
    return t(f"report.{key}", lang)


def meeting(
    report: Report, previous: Report | None = None, created: dt.date | None = None
) -> Meeting:
    """The meeting report's content; `previous` is the Report of the year before."""
    comparison = None
    if previous is not None and previous.year < report.year:
        comparison = compare(previous, report)
    view = Meeting(report, comparison, created or dt.date.today())
    if comparison is not None:
        view._moves = {m.kpi.id: m for m in comparison.kpis}
    ordered = [r for v in goal_views(report, "ja") for s in v.sections for r in s.results]
    seen = {r.kpi.id for r in ordered}
    ordered += [r for r in report.kpis if r.kpi.id not in seen]
    view.ordered = ordered
    for r in ordered:
        reasons = []
        if r.status is Status.REGRESSING:
            reasons.append("regressing")
        elif r.status is Status.OFF_TRACK:
            reasons.append("off_track")
        if r.outlook is not None and not r.outlook.reaches:
            reasons.append("miss")
        move = view.movement(r.kpi.id)
        if move is not None and move.movement is Movement.WORSENED:
            reasons.append("worse")
        if reasons:
            view.attention.append(Attention(r, tuple(reasons)))
    view.attention.sort(key=_worst_first)  # stable: reading order within a tie
    return view


def _worst_first(item: Attention) -> tuple[int, float]:
    attainment = item.result.attainment
    lowest = float(attainment) if attainment is not None else float("inf")
    return ATTENTION_CLASSES.index(item.kind), lowest


def data_date(paths: list[Path]) -> tuple[str, dt.date | None]:
    """The data's own date and what it is: ('files_commit', the newest commit of `paths`)
    when all are committed in a git repository; else ('files_uncommitted' when git
    knows them but something is not committed, 'files' without git or a repository) and
    the newest modification date. (None when no file can be read.)"""
    committed = _git_commit_date(paths)
    if committed is not None and committed[1]:
        return "files_commit", committed[0]
    newest = None
    for path in paths:
        try:
            stamp = os.stat(path).st_mtime
        except OSError:
            continue
        newest = max(newest or stamp, stamp)
    date = dt.date.fromtimestamp(newest) if newest is not None else None
    return ("files" if committed is None else "files_uncommitted"), date


def _git_commit_date(paths: list[Path]) -> tuple[dt.date | None, bool] | None:
    """(the committer date of the newest commit touching `paths`, whether every one of
    them is committed unchanged), or None when git or a repository is not there."""
    if not paths:
        return None
    folder = paths[0].resolve().parent
    names = [str(p.resolve()) for p in paths]

    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(
                # no fsmonitor hook: reading the date runs nothing the repository names
                ["git", "-C", str(folder), "-c", "core.fsmonitor=false", *args, "--", *names],
                capture_output=True,
                text=True,
                timeout=10,
                env={**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"},
            )
        except (OSError, subprocess.SubprocessError):
            return None
        return done.stdout if done.returncode == 0 else None

    log = git("log", "-1", "--format=%cs")
    if log is None:
        return None
    status = git("status", "--porcelain", "--untracked-files=all")
    try:
        date = dt.date.fromisoformat(log.strip()) if log.strip() else None
    except ValueError:
        date = None
    if date is None and not (status or "").strip():
        return None  # never committed and not even untracked (ignored): git has no word
    clean = status is not None and not status.strip() and date is not None
    return date, clean


@dataclass(frozen=True)
class Fact:
    """One line of a KPI card, as plain text (each format escapes it its own way)."""

    term: str
    text: str
    aside: str | None = None  # a secondary line: the outlook's pace


def card_facts(view: Meeting, r: KpiResult, lang: Lang) -> list[Fact]:
    """The card's lines after the figure itself: source, note, expected, baseline → target,
    what the rule judges (the floor, or attainment / progress), the movement, the outlook."""
    k = r.kpi
    unit = unit_suffix(k, lang)
    facts = []
    if r.source:
        facts.append(Fact(t("report.source", lang), r.source))
    if r.note:
        facts.append(Fact(t("report.note", lang), r.note))
    facts.append(Fact(t("expected", lang), kpi_figure(k, r.expected, unit)))  # own precision
    base = f"{with_unit(k.baseline.value, unit)} {year_tag(k.baseline.year, k, lang)}".strip()
    target = target_text(k, lang)
    facts.append(Fact(f"{t('baseline', lang)} → {t('target', lang)}", f"{base} → {target}"))
    floor = floor_text(r, lang)
    if floor is not None:  # a floor to keep: kept or not and the gap, not a ratio
        facts.append(Fact(*floor))
    elif r.attainment is not None or r.progress is not None:
        facts.append(
            Fact(
                f"{t('attainment', lang)} / {t('progress', lang)}",
                f"{percent(r.attainment)} / {percent(r.progress)}",
            )
        )
    move = view.movement(k.id)
    if move is not None:
        text = movement_label(move.movement.value, lang)
        text += f" ({status_label(move.before.status, lang)} → {status_label(r.status, lang)})"
        if move.change is not None:
            sign = "+" if move.change > 0 else ""
            text += f", {sign}{with_unit(move.change, unit, figure_digits(k) + 2)}"
        facts.append(Fact(t("report.movement", lang), text))
    if r.outlook is not None:
        facts.append(Fact(t("outlook", lang), outlook_cell(r, lang, unit=True), pace_text(r, lang)))
    return facts


def section_code(goal_view: GoalView, section: Section, lang: Lang) -> str | None:
    """The policy a section of the layout shows ("1-2"), None for a goal's 数値目標."""
    for policy in goal_view.goal.policies:
        if policy_heading(policy, lang) == section.heading:
            return policy.code
    return None


def reason_text(key: str, lang: Lang) -> str:
    """Why a KPI is on the 要注意 list, in words: '▼ 後退', '見込み未達', '↓ 前年度より悪化'."""
    if key in ("regressing", "off_track"):
        return status_label(Status(key), lang)
    if key == "miss":
        return t("outlook.miss", lang)
    return "↓ " + t("report.worse", lang)


def attention_more(view: Meeting, lang: Lang) -> str | None:
    """The line above page 1's 要注意 table: '悪い順に 10 件。ほか 43 件（△ やや遅れ 20、
    見込み未達のみ 23）は続きの表に。', or None when page 1 shows the whole list."""
    rest = view.attention_rest
    if not rest:
        return None
    counts = {kind: sum(1 for a in rest if a.kind == kind) for kind in ATTENTION_CLASSES}
    sep = t("report.sep", lang)
    kinds = sep.join(f"{kind_text(k, lang)} {n}" for k, n in counts.items() if n)
    first = len(view.attention_first)
    return t("report.attention_more", lang).format(first=first, n=len(rest), kinds=kinds)


def kind_text(kind: str, lang: Lang) -> str:
    """A class of the 要注意 list in words: '▼ 後退', '↓ 前年度より悪化', '見込み未達のみ'."""
    if kind in ("regressing", "off_track", "behind"):
        return status_label(Status(kind), lang)
    if kind == "worse":
        return reason_text("worse", lang)
    return t("report.miss_only", lang)


def term_text(report: Report, kind: str, code: str | None, lang: Lang) -> str:
    """A rating or direction of the review as the scale names it: 'B 概ね順調'."""
    if code is None:
        return ""
    ev = report.strategy.evaluation
    for term in ev.ratings if kind == "rating" else ev.directions:
        if term.code == code:
            word = localized(term, "label", lang)
            return code if word == code else f"{code} {word}"
    return code


def review_rows(report: Report, review: GroupReview, lang: Lang) -> list[tuple[str, str]]:
    """The committee's word on a goal, policy or measure as (term, plain text) rows:
    rating, direction, analysis, plan, where given."""
    rows = []
    for key in ("rating", "direction"):
        value = term_text(report, key, getattr(review, key), lang)
        if value:
            rows.append((t(f"report.{key}", lang), value))
    for key in ("analysis", "plan"):
        value = getattr(review, key)
        if value:
            rows.append((t(f"report.{key}", lang), value))
    return rows
