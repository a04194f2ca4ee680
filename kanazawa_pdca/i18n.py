"""Labels in Japanese (default) and English, and how each status is shown.

A status is always shown as colour + symbol + word, so its meaning never rests on
colour alone (NO_COLOR, monochrome printers, colour-blind readers).
"""

from __future__ import annotations

from typing import Literal

from .trajectory import Status

Lang = Literal["ja", "en"]

STATUS_STYLE: dict[Status, tuple[str, str]] = {
    # status: (symbol, rich style)
    Status.ACHIEVED: ("◎", "bold green"),
    Status.ON_TRACK: ("○", "green"),
    Status.BEHIND: ("△", "yellow"),
    Status.OFF_TRACK: ("×", "red"),
    Status.REGRESSING: ("▼", "bold red"),
    Status.NO_DATA: ("－", "dim"),
    Status.NOT_ASSESSABLE: ("…", "dim"),
}

STATUS_WORDS: dict[Status, dict[str, str]] = {
    Status.ACHIEVED: {"ja": "達成", "en": "achieved"},
    Status.ON_TRACK: {"ja": "順調", "en": "on track"},
    Status.BEHIND: {"ja": "やや遅れ", "en": "behind"},
    Status.OFF_TRACK: {"ja": "遅れ", "en": "off track"},
    Status.REGRESSING: {"ja": "後退", "en": "regressing"},
    Status.NO_DATA: {"ja": "実績なし", "en": "no data"},
    Status.NOT_ASSESSABLE: {"ja": "評価対象外", "en": "not assessable"},
}

TEXT: dict[str, dict[str, str]] = {
    "goal": {"ja": "基本目標", "en": "Basic goal"},
    "policy": {"ja": "施策", "en": "Policy"},
    "targets": {"ja": "数値目標", "en": "Numerical targets"},
    "code": {"ja": "番号", "en": "Ref"},
    "kpi": {"ja": "KPI", "en": "KPI"},
    "unit": {"ja": "単位", "en": "Unit"},
    "baseline": {"ja": "基準値", "en": "Baseline"},
    "target": {"ja": "目標値", "en": "Target"},
    "expected": {"ja": "期待値", "en": "Expected"},
    "actual": {"ja": "実績", "en": "Actual"},
    "attainment": {"ja": "達成度", "en": "Attain."},
    "progress": {"ja": "進捗", "en": "Progress"},
    "status": {"ja": "状況", "en": "Status"},
    "summary": {"ja": "集計", "en": "Summary"},
    "total": {"ja": "合計", "en": "Total"},
    "share_good": {"ja": "達成・順調の割合", "en": "Share achieved or on track"},
    "share_good_short": {"ja": "達成・順調\nの割合", "en": "achieved or\non track"},
    "also_in": {"ja": "ほか", "en": "also in"},
    "kind": {"ja": "種類", "en": "Kind"},
    "direction": {"ja": "方向", "en": "Direction"},
    "measures": {"ja": "掲載箇所", "en": "Printed in"},
    "missing": {"ja": "欠測年度", "en": "missing years"},
    "thresholds": {"ja": "判定基準", "en": "Thresholds"},
    "legend": {"ja": "凡例", "en": "Legend"},
}

KIND_WORDS = {
    "level": {"ja": "水準", "en": "level"},
    "cumulative": {"ja": "累計", "en": "cumulative"},
    "period_total": {"ja": "期間合計", "en": "period total"},
}

TARGET_KIND_WORDS = {
    "exact": {"ja": "", "en": ""},
    "at_least": {"ja": "以上", "en": "at least"},
    "maintain": {"ja": "以上を維持", "en": "maintain"},
    "reset": {"ja": "再設定", "en": "to be reset"},
}


def t(key: str, lang: Lang) -> str:
    return TEXT[key][lang]


def status_word(status: Status, lang: Lang) -> str:
    return STATUS_WORDS[status][lang]


def status_label(status: Status, lang: Lang) -> str:
    """Symbol and word: '○ 順調' / '○ on track'."""
    return f"{STATUS_STYLE[status][0]} {status_word(status, lang)}"


def kpi_name(kpi, lang: Lang) -> str:
    return kpi.name_en if lang == "en" else kpi.name


def title(item, lang: Lang) -> str:
    return item.title_en if lang == "en" else item.title
