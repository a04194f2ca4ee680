"""The message catalogue: what pdca itself says (errors, warnings, hints), keyed by a stable
code, in Japanese and English.

The language is `--lang` when given on the command line, else $PDCA_LANG, else Japanese;
the CLI sets it once per run (`set_lang`). Codes never change and are printed with the
message (`… [threshold-range]`), so scripts and tests key on the code, never on wording.
Diagnostics of input files (`Diagnostic`) are rendered in the language too: see
`diagnostic_text`, which translates the message of every code listed in `DIAGNOSTICS`
(others stay in English, their [code] unchanged).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from typing import Literal

Lang = Literal["ja", "en"]

_lang: Lang | None = None

STATUS_NAMES = "achieved, on-track, behind, off-track, regressing, no-data, not-assessable"
STATUS_WORDS_JA = "達成, 順調, やや遅れ, 遅れ, 後退, 実績なし, 評価対象外"

MESSAGES: dict[str, dict[str, str]] = {
    # option values (options.py)
    "threshold-value": {
        "en": "{option}: {value!r} is not a number: give a ratio such as 0.9 or 90%",
        "ja": "{option}: {value!r} は数値ではありません。0.9 や 90% のように比率で指定してください",
    },
    "threshold-range": {
        "en": "{option}: {value} is outside (0, 2]: thresholds are ratios, e.g. 0.9 or 90% "
        "(not 90)",
        "ja": "{option}: {value} は 0 より大きく 2 以下の範囲の外です。判定基準は比率で指定します"
        "（例: 0.9 または 90%。90 ではありません）",
    },
    "threshold-order": {
        "en": "thresholds must satisfy 0 < behind ({behind}) < on-track ({on_track})",
        "ja": "判定基準は 0 < --behind（{behind}）< --on-track（{on_track}）でなければなりません",
    },
    "unknown-status": {
        "en": "{option}: unknown status {value!r} (one of: {names}; or {words})",
        "ja": "{option}: 状況 {value!r} はありません（{words}、または {names}）",
    },
    "goal-value": {
        "en": "{option}: {value!r} is not a basic goal number (1–{count}; several: -g 1,3)",
        "ja": "{option}: {value!r} は基本目標の番号ではありません（1〜{count}。複数は -g 1,3）",
    },
    "goal-range": {
        "en": "{option}: no basic goal {value} (1–{count})",
        "ja": "{option}: 基本目標 {value} はありません（1〜{count}）",
    },
    # the CLI's own lines
    "usage": {
        "en": "{where}: {message} (see {where} -h)",
        "ja": "{where}: {message}（{where} -h を参照）",
    },
    "year-outside-period": {
        "en": "warning: FY{year} ({era}) is outside the strategy's period FY{start}–FY{end}",
        "ja": "警告: {year}年度（{era}）は戦略の期間（{start}〜{end}年度）の外です",
    },
    "errors-summary": {
        "en": "pdca: {errors} error{errors_s} in {files} file{files_s}",
        "ja": "pdca: {files} ファイルに {errors} 件のエラー",
    },
    "fail-on": {
        "en": "pdca: {n} KPI{n_s} at or below {status}: {ids}",
        "ja": "pdca: 「{status}」以下の KPI が {n} 件: {ids}",
    },
    "validate-strategy": {
        "en": "{path}: ok — {goals} goals, {policies} policies, {measures} measures, {kpis} KPIs "
        "({kpi_printings} printings), {projects} projects, {footnotes} footnotes",
        "ja": "{path}: OK — 基本目標 {goals}、施策 {policies}、取組 {measures}、KPI {kpis}"
        "（掲載 {kpi_printings} 箇所）、事業 {projects}、注 {footnotes}",
    },
    "validate-actuals": {
        "en": "{path}: ok — {n} year file{n_s} ({years}), {figures} figure{figures_s}",
        "ja": "{path}: OK — 年度ファイル {n}（{years}）、実績 {figures} 件",
    },
    "validate-warnings": {"en": ", {n} warning{n_s}", "ja": "、警告 {n} 件"},
    "validate-reviews": {
        "en": "{path}: ok — {n} review{n_s} ({years})",
        "ja": "{path}: OK — 評価 {n} 年度（{years}）",
    },
    "year-format": {
        "en": "not a fiscal year: {value!r} (use one of: {forms})",
        "ja": "{value!r} は年度ではありません（{forms} のいずれかで指定）",
    },
    "none": {"en": "none", "ja": "なし"},
    "warning-prefix": {"en": "warning: ", "ja": "警告: "},
}


def set_lang(lang: str | None) -> None:
    """The language of this run's messages (None: back to $PDCA_LANG / Japanese)."""
    global _lang
    _lang = lang if lang in ("ja", "en") else None  # type: ignore[assignment]


def current_lang() -> Lang:
    if _lang is not None:
        return _lang
    env = os.environ.get("PDCA_LANG", "").strip().lower()
    return "en" if env == "en" else "ja"


def lang_of_args(args: Sequence[str]) -> Lang | None:
    """--lang en / --lang=en on a command line, if given."""
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        else:
            continue
        if value in ("ja", "en"):
            return value  # type: ignore[return-value]
    return None


def plural(n: int) -> str:
    return "s" * (n != 1)


def text(code: str, lang: Lang | None = None, **params: object) -> str:
    """The message `code` in `lang` (default: this run's language)."""
    entry = MESSAGES[code]
    template = entry.get(lang or current_lang()) or entry["en"]
    if code == "unknown-status":
        params = {"names": STATUS_NAMES, "words": STATUS_WORDS_JA, **params}
    return template.format(**params)


# --- diagnostics of input files -----------------------------------------------------------
# code -> (the English message as the loaders write it, the Japanese template); the named
# groups of the pattern fill the template. A message that does not match stays English.
DIAGNOSTICS: dict[str, tuple[str, str]] = {
    "unknown-kpi": (
        r"unknown KPI id (?P<id>'[^']*')(?: \(did you mean (?P<hint>'[^']*')\?\))?",
        "不明な KPI id {id}{hint_ja}",
    ),
    "percentage-range": (
        r"(?P<id>[\w-]+): a percentage must be within 0–100, got (?P<value>\S+)",
        "{id}: 割合は 0〜100 の範囲で記録してください（値: {value}）",
    ),
    "negative-value": (
        r"(?P<id>[\w-]+): a count cannot be negative, got (?P<value>.+)",
        "{id}: 件数・人数は負になりません（値: {value}）",
    ),
    "duplicate-key": (
        r"duplicate key (?P<key>.+?)(?: \(first defined at line (?P<line>\d+)\))?",
        "キー {key} が重複しています{line_ja}",
    ),
    "cumulative-decrease": (
        r"(?P<id>[\w-]+): running total (?P<value>\S+) is lower than (?P<prev>\S+) in "
        r"(?P<year>\d+) \(a cumulative KPI never falls\)",
        "{id}: 累計 {value} が {year}年度の {prev} より小さくなっています（累計は減りません）",
    ),
    "outside-period": (
        r"(?P<id>[\w-]+): a yearly figure for a (?P<start>\d+)–(?P<end>\d+) total, "
        r"recorded for (?P<year>\d+), outside that window",
        "{id}: {start}〜{end}年度の合計の KPI に、期間外の {year}年度の値が記録されています",
    ),
    "thresholds-order": (
        r"thresholds must satisfy 0 < behind \((?P<behind>[^)]*)\) < on_track "
        r"\((?P<on>[^)]*)\)",
        "判定基準は 0 < behind（{behind}）< on_track（{on}）でなければなりません",
    ),
    "wrong-type": (
        r"(?P<where>[^:]+): expected a number, got (?P<got>.+)",
        "{where}: 数値を記録してください（値: {got}）",
    ),
    "not-finite": (
        r"(?P<where>[^:]+): expected a finite number, got (?P<got>.+)",
        "{where}: 有限の数値を記録してください（値: {got}）",
    ),
    "missing-field": (
        r"(?P<where>[^:]+): required field is missing",
        "{where}: 必須の項目がありません",
    ),
    "unknown-field": (r"(?P<where>[^:]+): unknown field", "{where}: 不明な項目です"),
    "yaml-syntax": (r"malformed YAML: (?P<detail>.+)", "YAML の書式の誤り: {detail}"),
    "file-name": (
        r"an? (?P<kind>actuals|review) file is named after its fiscal year, like 2026.yaml "
        r"\(got (?P<name>'[^']*')\)",
        "{kind_ja}ファイルの名前は年度にします（例: 2026.yaml。{name} は年度ではありません）",
    ),
}


def diagnostic_text(d, lang: Lang | None = None) -> str:
    """`FILE:LINE:COL: message [code]` in the language (the location and code unchanged)."""
    lang = lang or current_lang()
    message = d.message
    if lang == "ja" and d.code in DIAGNOSTICS:
        pattern, template = DIAGNOSTICS[d.code]
        match = re.fullmatch(pattern, message)
        if match:
            groups = {k: v or "" for k, v in match.groupdict().items()}
            groups["hint_ja"] = f"（{groups['hint']} のことですか？）" if groups.get("hint") else ""
            groups["line_ja"] = f"（最初は {groups['line']} 行目）" if groups.get("line") else ""
            kinds = {"actuals": "実績", "review": "評価"}
            groups["kind_ja"] = kinds.get(groups.get("kind", ""), "")
            message = template.format(**groups)
    prefix = text("warning-prefix", lang) if d.severity == "warning" else ""
    return f"{d.location}: {prefix}{message} [{d.code}]"
