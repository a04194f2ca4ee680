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
from enum import StrEnum

from .help import HELP


class Lang(StrEnum):
    """The languages pdca speaks: the one definition (options, labels, messages)."""

    ja = "ja"
    en = "en"


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
    entry = MESSAGES.get(code) or HELP[code]
    template = entry.get(lang or current_lang()) or entry["en"]
    if code == "unknown-status":
        params = {"names": STATUS_NAMES, "words": STATUS_WORDS_JA, **params}
    return template.format(**params)


# --- diagnostics of input files -----------------------------------------------------------
# code -> (the English message as the loaders write it, the Japanese template); the named
# groups of the pattern fill the template. A message that does not match stays English.
DIAGNOSTICS: dict[str, tuple[str, str] | list[tuple[str, str]]] = {
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


# files, folders and the hostile-YAML guard (guard.py, load.py, output.py)
_FIG = r"(?:(?P<pre>[\w-]+: ))?"  # a spreadsheet figure's message starts with its KPI id
_NOT_A_FILE = [
    (r"is a directory, not a file", "フォルダです（ファイルを指定してください）"),
    (
        r"a loop of symbolic links, not a file",
        "シンボリックリンクが循環しています（ファイルではありません）",
    ),
    (r"is (?P<kind>.+), not a regular file", "通常のファイルではありません（{kind}）"),
    (r"is not a regular file", "通常のファイルではありません"),
]
DIAGNOSTICS.update(
    {
        "file-not-found": (r"no such file", "ファイルがありません"),
        "not-a-file": _NOT_A_FILE,
        "unreadable": [
            (r"cannot read: (?P<detail>.+)", "読み込めません: {detail}"),
            (r"cannot be read: (?P<detail>.+)", "読み込めません: {detail}"),
        ],
        "file-too-large": [
            (
                r"file too large \((?P<size>[^;]+); the limit is (?P<limit>[^)]+)\)",
                "ファイルが大きすぎます（{size}。上限は {limit}）",
            ),
            (
                r"file too large \(the limit is (?P<limit>[^)]+)\)",
                "ファイルが大きすぎます（上限は {limit}）",
            ),
        ],
        "encoding": [
            (r"not valid UTF-8 text", "UTF-8 のテキストではありません"),
            (
                r"neither UTF-8 nor Shift_JIS \(CP932\) text: save the sheet as CSV UTF-8 or "
                r"CSV from Excel",
                "UTF-8 でも Shift_JIS（CP932）でもありません。シートを「CSV UTF-8」または"
                " Excel の「CSV」で保存し直してください",
            ),
            (
                r"line (?P<bad>\d+) is not UTF-8 but line (?P<good>\d+) is: the file mixes "
                r"encodings; save it again as CSV UTF-8",
                "{bad} 行目は UTF-8 ではありませんが {good} 行目は UTF-8 です。文字コードが"
                "混在しています。「CSV UTF-8」で保存し直してください",
            ),
        ],
        "control-character": [
            (
                r"character (?P<u>U\+[0-9A-F]+) \((?P<name>[^)]*)\) is not allowed in YAML; "
                r"write it as an escape in a double-quoted string",
                "文字 {u}（{name}）は YAML では使えません。ダブルクォートの文字列の中で"
                "エスケープして書いてください",
            ),
            (
                r"character (?P<u>U\+[0-9A-F]+) \((?P<name>[^)]*)\) is not allowed in YAML",
                "文字 {u}（{name}）は YAML では使えません",
            ),
            (
                r"… and (?P<n>[\d,]+) more characters YAML does not allow "
                r"\(is this a text file\?\)",
                "… ほかにも YAML で使えない文字が {n} 個あります（テキストファイルですか？）",
            ),
        ],
        "alias-expansion": (
            r"aliases of the node anchored here expand to more than (?P<n>[\d,]+) nodes "
            r"\(an alias bomb\?\); write the data out",
            "ここでアンカーを付けた値は、エイリアスを展開すると {n} 個を超えます"
            "（エイリアス爆弾？）。データを展開して書いてください",
        ),
        "recursive-alias": (
            r"an alias inside the node anchored here refers to it: a recursive structure pdca "
            r"cannot read",
            "ここでアンカーを付けた値の中のエイリアスがその値自身を参照しています。"
            "再帰的な構造は読み込めません",
        ),
        "too-deep": (r"nested more than (?P<n>\d+) levels deep", "入れ子が {n} 段を超えています"),
        "number-too-long": [
            (r"a number of (?P<n>\d+) characters is too long", "{n} 文字の数値は長すぎます"),
            (r"an integer too large to be a figure", "実績値としては大きすぎる整数です"),
        ],
        "bad-scalar": [
            (
                r"(?P<v>.+) is not a valid date \((?P<detail>.*)\)",
                "{v} は正しい日付ではありません（{detail}）",
            ),
            (r"a number of (?P<n>\d+) digits is too long", "{n} 桁の数値は長すぎます"),
            (r"(?P<v>.+) is not an integer", "{v} は整数ではありません"),
            (r"(?P<v>.+) is not a number", "{v} は数値ではありません"),
            (r"(?P<v>.+) is not true or false", "{v} は true / false ではありません"),
            (r"(?P<v>.+) is not null", "{v} は null ではありません"),
            (r"(?P<v>.+) is not (?P<what>.+)", "{v} は {what} として読めません"),
        ],
        "duplicate-anchor": (
            r"the same anchor is defined twice \(first at line (?P<line>\d+)\): give each its "
            r"own name",
            "同じアンカーが2回定義されています（最初は {line} 行目）。それぞれ別の名前を"
            "付けてください",
        ),
        "yaml-version": (
            r"unsupported YAML version (?P<v>.+): pdca reads YAML 1\.2 \(or 1\.1\); remove the "
            r"%YAML line",
            "対応していない YAML のバージョン {v} です。pdca が読むのは YAML 1.2（または 1.1）"
            "です。%YAML の行を削除してください",
        ),
        "bad-key": (
            r"a mapping key must be a plain scalar",
            "キーには単純な値（文字列や数値）を書いてください",
        ),
        "no-actuals-dir": [
            (r"is not a directory", "フォルダではありません（実績のフォルダを指定してください）"),
            (r"no such directory", "実績のフォルダがありません"),
        ],
        "no-reviews-dir": [
            (r"is not a directory", "フォルダではありません（評価のフォルダを指定してください）"),
            (r"no such directory", "評価のフォルダがありません"),
        ],
        "duplicate-year": (
            r"(?P<year>\d+) is also in (?P<other>.+)",
            "{year}年度のファイルが {other} にもあります",
        ),
        "output-not-a-file": [
            *_NOT_A_FILE,
            (
                r"is (?P<kind>.+): pdca writes regular files only",
                "{kind}です。pdca は通常のファイルにだけ書き込みます",
            ),
        ],
        "output-no-folder": (
            r"cannot write: no such folder (?P<folder>.+)",
            "書き込めません: フォルダ {folder} がありません",
        ),
        "output-protected": [
            (r"refusing to overwrite (?P<what>.+)", "{what}は上書きしません"),
            (r"refusing to write into (?P<what>.+)", "{what}の中には書き込みません"),
        ],
        "output-unwritable": (r"cannot write: (?P<detail>.+)", "書き込めません: {detail}"),
        "cannot-write": (r"cannot write: (?P<detail>.+)", "書き込めません: {detail}"),
    }
)

# the strategy file's checks (model/checks.py) and the committee's reviews (model/reviews.py)
DIAGNOSTICS.update(
    {
        "unknown-kpi": [
            DIAGNOSTICS["unknown-kpi"],  # type: ignore[list-item]
            (
                r"unknown KPI id (?P<id>'[^']*') in (?P<code>\S+)",
                "{code} に不明な KPI id {id} があります",
            ),
        ],
        "outside-period": [
            DIAGNOSTICS["outside-period"],  # type: ignore[list-item]
            (
                r"target year (?P<t>\d+) is outside the strategy's period "
                r"(?P<s>\d+)–(?P<e>\d+)",
                "目標年度 {t} が戦略の期間（{s}〜{e}年度）の外です",
            ),
            (
                r"period (?P<a>\d+)–(?P<b>\d+) is outside the strategy's period "
                r"(?P<s>\d+)–(?P<e>\d+)",
                "期間 {a}〜{b}年度が戦略の期間（{s}〜{e}年度）の外です",
            ),
        ],
        "duplicate-code": (
            r"evaluation\.(?P<name>\w+): code (?P<code>.+) is defined twice",
            "evaluation.{name}: コード {code} が2回定義されています",
        ),
        "duplicate-id": (
            r"KPI id (?P<id>.+) is already defined \(kpis\[(?P<i>\d+)\]\)",
            "KPI id {id} はすでに定義されています（kpis[{i}]）",
        ),
        "measures-mismatch": (
            r"KPI (?P<id>'[^']*'): measures (?P<m>.+) do not match where it is printed "
            r"\((?P<p>.*)\)",
            "KPI {id}: measures {m} が掲載箇所（{p}）と一致しません",
        ),
        "kpi-order": (
            r"KPIs must be defined in order of first printing: expected (?P<want>.+) here, "
            r"found (?P<got>.+)",
            "KPI は最初に掲載される順に定義してください（ここは {want} のはずですが {got} が"
            "あります）",
        ),
        "direction-mismatch": [
            (
                r"direction is (?P<d>\w+) but the target (?P<t>\S+) is not above the "
                r"baseline (?P<b>\S+)",
                "方向が {d}（増加が望ましい）ですが、目標値 {t} が基準値 {b} を上回っていません",
            ),
            (
                r"direction is (?P<d>\w+) but the target (?P<t>\S+) is not below the "
                r"baseline (?P<b>\S+)",
                "方向が {d}（減少が望ましい）ですが、目標値 {t} が基準値 {b} を下回っていません",
            ),
        ],
        "relisted-first": (
            r"KPI (?P<id>'[^']*') is marked 再掲 in (?P<code>\S+) but is not printed earlier",
            "KPI {id} は {code} で〔再掲〕とされていますが、それより前に掲載されていません",
        ),
        "unreferenced-kpi": (
            r"KPI (?P<id>'[^']*') is never printed",
            "KPI {id} はどこにも掲載されていません",
        ),
        "reset-has-value": (
            r"a 'reset' target has no year and no value \(it is to be set again\)",
            "「再設定」の目標には年度も値も書きません（改めて設定されるため）",
        ),
        "target-missing": [
            (r"target value is missing", "目標値がありません"),
            (r"target year is missing", "目標年度がありません"),
        ],
        "year-order": (
            r"target year (?P<t>\d+) is not after the baseline year (?P<b>\d+)",
            "目標年度 {t} が基準年度 {b} より後になっていません",
        ),
        "period-order": (r"period start is after its end", "期間の始まりが終わりより後です"),
        "period-missing": (
            r"a period_total KPI needs a period",
            "期間合計（period_total）の KPI には period（期間）が必要です",
        ),
        "period-unused": (
            r"a period applies only to period_total KPIs and maintain targets",
            "period（期間）は期間合計（period_total）の KPI と「維持」の目標にだけ書けます",
        ),
        "numbering": (
            r"(?P<what>.+) number (?P<n>\d+) out of sequence \(expected (?P<e>\d+)\)",
            "{what} の番号 {n} が順番どおりではありません（{e} のはずです）",
        ),
        "unknown-goal": (
            r"unknown goal code \(G1…\) (?P<value>'[^']*')"
            r"(?: \(did you mean (?P<hint>'[^']*')\?\))?",
            "不明な基本目標のコード {value}（G1 などの形）{hint_ja}",
        ),
        "unknown-policy": (
            r"unknown policy code \(goal-policy, like 1-2\) (?P<value>'[^']*')"
            r"(?: \(did you mean (?P<hint>'[^']*')\?\))?",
            "不明な施策のコード {value}（1-2 のように 基本目標-施策）{hint_ja}",
        ),
        "unknown-measure": (
            r"unknown measure code \(goal-policy-measure, like 1-2-3\) (?P<value>'[^']*')"
            r"(?: \(did you mean (?P<hint>'[^']*')\?\))?",
            "不明な取組のコード {value}（1-2-3 のように 基本目標-施策-取組）{hint_ja}",
        ),
        "unknown-rating": (
            r"(?P<where>\S+): (?P<value>.+) is not in the strategy's evaluation\.ratings "
            r"\((?P<shown>.*)\)",
            "{where}: {value} は戦略の評価の尺度（evaluation.ratings）にありません（{shown}）",
        ),
        "unknown-direction": (
            r"(?P<where>\S+): (?P<value>.+) is not in the strategy's evaluation\.directions "
            r"\((?P<shown>.*)\)",
            "{where}: {value} は戦略の方向性（evaluation.directions）にありません（{shown}）",
        ),
        "unknown-status": (
            r"(?P<where>\S+): (?P<value>.+) is not a status an override can set "
            r"\((?P<names>.*)\)",
            "{where}: {value} は委員会判断で設定できる状況ではありません（{names}）",
        ),
        "override-without-reason": (
            r"(?P<where>\S+): the committee's reason is required",
            "{where}: 委員会の判断理由（reason）を書いてください",
        ),
    }
)

# spreadsheets: reading (entry/sheets.py), figures (entry/numbers.py), importing and writing
DIAGNOSTICS.update(
    {
        "too-large": [
            (
                r"(?P<n>[\d,]+) bytes: larger than a fill-in sheet can be",
                "{n} バイト: 記入シートとしては大きすぎます",
            ),
            (
                r"unpacks to (?P<n>[\d,]+) bytes: larger than a fill-in sheet can be",
                "展開すると {n} バイトになり、記入シートとしては大きすぎます",
            ),
            (
                r"more than (?P<n>[\d,]+) cells in this sheet: larger than a fill-in sheet can be "
                r"\(delete what is not the table, or copy the table into a new workbook\)",
                "このシートのセルが {n} 個を超え、記入シートとしては大きすぎます（表以外を"
                "削除するか、表を新しいブックにコピーしてください）",
            ),
        ],
        "old-excel": (
            r"an \.xls file \(Excel 97–2003\): save it as \.xlsx or CSV",
            "古い .xls 形式（Excel 97–2003）のファイルです。.xlsx か CSV で保存し直してください",
        ),
        "unknown-format": (
            r"not a spreadsheet pdca reads \(\.xlsx or \.csv\)",
            "pdca が読める表計算ファイル（.xlsx または .csv）ではありません",
        ),
        "not-a-workbook": (
            r"cannot read the workbook \((?P<detail>.*)\)",
            "ブックを読み込めません（{detail}）",
        ),
        "csv-syntax": (r"malformed CSV: (?P<detail>.+)", "CSV の書式の誤り: {detail}"),
        "no-header": [
            (
                r"no header row with an id column \(ID, KPI id\) and a value column "
                r"\(実績値, value\) in the first (?P<n>\d+) rows",
                "最初の {n} 行に、id の列（ID、KPI id）と値の列（実績値、value）のある"
                "見出し行がありません",
            ),
            (
                r"no header row with an id column \(ID, KPI id\) and a value column "
                r"\(実績値, value\) in the first (?P<n>\d+) rows of any sheet",
                "どのシートにも、最初の {n} 行に id の列（ID、KPI id）と値の列（実績値、"
                "value）のある見出し行がありません",
            ),
        ],
        "template-year": (
            r"this sheet was made by `pdca template (?P<ty>\d+)`; its figures are not for "
            r"(?P<y>\d+) \(import it as \d+, or fill in a template for \d+\)",
            "このシートは `pdca template {ty}` で作成したもので、{y}年度の実績ではありません"
            "（{ty}年度として取り込むか、{y}年度の記入シートに記入してください）",
        ),
        "missing-id": (
            r"a figure without a KPI id in its row",
            "KPI id のない行に実績値があります",
        ),
        "duplicate-kpi": (
            r"(?P<id>.+) is given twice \(also at (?P<at>.+)\)",
            "{id} が2回記入されています（{at} にもあります）",
        ),
        "merged-cell": (
            r"cells (?P<ref>\S+) are merged over (?P<n>\d+) rows: give each KPI its id and its "
            r"figure in its own row \(unmerge the cells\)",
            "セル {ref} が {n} 行にわたって結合されています。KPI ごとに id と実績値を"
            "それぞれの行に記入してください（セルの結合を解除）",
        ),
        "not-a-kpi-id": (
            r"(?P<raw>.+) is not a KPI id \(ids look like share-of-…\)",
            "{raw} は KPI id ではありません（id は share-of-… のような形です）",
        ),
        "formula-without-value": (
            r"(?P<id>[\w-]+): a formula \((?P<f>.*)\) whose value was never computed: open and "
            r"save the file in Excel or LibreOffice, or type the figure",
            "{id}: 数式（{f}）の値が計算されていません。Excel か LibreOffice で開いて保存するか、"
            "実績値を直接入力してください",
        ),
        "text-without-figure": [
            (
                r"(?P<id>[\w-]+): a source without a figure is not recorded",
                "{id}: 実績値のない出典は記録されません",
            ),
            (
                r"(?P<id>[\w-]+): a note without a figure is not recorded",
                "{id}: 実績値のない備考は記録されません",
            ),
        ],
        "not-a-number": [
            (
                _FIG + r"expected a number, got (?P<got>.+)",
                "{pre}数値を記入してください（値: {got}）",
            ),
            (
                _FIG + r"(?P<raw>.+) is not a figure \(a number like 174,275 or 47\.5; empty, －, "
                r"集計中 or 未集計 for no figure yet; remarks go in the note column\)",
                "{pre}{raw} は実績値ではありません（174,275 や 47.5 のような数値を記入。"
                "まだ実績がなければ空欄・－・集計中・未集計、補足は備考の列へ）",
            ),
            (_FIG + r"(?P<raw>.+) is not a number", "{pre}{raw} は数値ではありません"),
        ],
        "cell-error": (
            _FIG + r"(?P<raw>.+): the cell shows a spreadsheet error, not a figure \(correct the "
            r"formula, or type the figure\)",
            "{pre}{raw}: セルに表計算のエラーが表示されています（数式を直すか、実績値を"
            "直接入力してください）",
        ),
        "bad-number": (
            _FIG + r"(?P<raw>.+): digits are grouped in threes \(174,275\)",
            "{pre}{raw}: 桁区切りは3桁ごとです（174,275）",
        ),
        "wrong-unit": [
            (
                _FIG + r"(?P<raw>.+): the unit (?P<found>.+) does not match \(its unit is "
                r"(?P<unit>.+)\)",
                "{pre}{raw}: 単位 {found} が合いません（この KPI の単位は {unit}）",
            ),
            (
                _FIG + r"(?P<raw>.+): the unit (?P<found>.+) does not match \(it has no unit\)",
                "{pre}{raw}: 単位 {found} が合いません（この KPI には単位がありません）",
            ),
            (
                r"(?P<id>[\w-]+): the cell is formatted as a percentage; its unit is "
                r"(?P<unit>.+)",
                "{id}: セルの書式がパーセントですが、この KPI の単位は {unit} です",
            ),
        ],
        "not-finite": [
            DIAGNOSTICS["not-finite"],  # type: ignore[list-item]
            (
                _FIG + r"expected a finite number, got (?P<got>.+)",
                "{pre}有限の数値を記入してください（値: {got}）",
            ),
        ],
        "conflict": (
            r"(?P<id>[\w-]+): (?P<parts>.+?)(?: at (?P<at>\S+))? \(use --overwrite to replace it\)",
            "{id}: 記録済みの値と異なります — {parts}{at_ja}。"
            "置き換えるには --overwrite を付けてください",
        ),
    }
)


# the shape of a YAML file (load.py) beyond the common ones above
DIAGNOSTICS.update(
    {
        "wrong-type": [
            DIAGNOSTICS["wrong-type"],  # type: ignore[list-item]
            (
                r"(?P<where>[^:]+): expected true or false, got (?P<got>.+)",
                "{where}: true か false を書いてください（値: {got}）",
            ),
            (
                r"an actuals file maps KPI ids to values",
                "実績ファイルには「KPI id: 値」の形で書いてください",
            ),
            (r"a KPI id is text, got (?P<got>.+)", "KPI id は文字列です（値: {got}）"),
        ],
        "missing-value": (
            r"(?P<where>[^:]+): no value \(null\); remove the line or give a number",
            "{where}: 値がありません（null）。その行を削除するか数値を書いてください",
        ),
        "figure-range": (
            r"(?P<where>[^:]+): a figure must be 0 or between 1e-9 and 1e15 in size, "
            r"got (?P<got>.+)",
            "{where}: 数値は 0 か、大きさが 1e-9 から 1e15 の間でなければなりません（値: {got}）",
        ),
        "invalid-value": (
            r"(?P<where>[^:]+): (?P<detail>.+) \(got (?P<got>.+)\)",
            "{where}: 値が正しくありません（{detail}。値: {got}）",
        ),
        "merge-key": (
            r"merge keys \(<<\) are not supported: write the fields out",
            "マージキー（<<）には対応していません。項目をそれぞれ書いてください",
        ),
        "unknown-tag": (
            r"unknown tag (?P<tag>.+): pdca reads plain YAML \(text, numbers, true/false, "
            r"null, lists and mappings\)",
            "不明なタグ {tag} です。pdca が読むのはタグのない YAML（文字列・数値・true/false・"
            "null・リスト・マッピング）です",
        ),
    }
)


def variants(code: str) -> list[tuple[str, str]]:
    """The (English pattern, Japanese template) pairs of a diagnostic code."""
    entry = DIAGNOSTICS.get(code, [])
    return [entry] if isinstance(entry, tuple) else entry


# English words that messages quote (what a file is, which input is protected)
_WORDS = {
    "the strategy file": "戦略ファイル",
    "the actuals folder": "実績のフォルダ",
    "the reviews folder": "評価のフォルダ",
    "a directory": "フォルダ",
    "a FIFO (named pipe)": "名前付きパイプ（FIFO）",
    "a device": "デバイス",
    "a socket": "ソケット",
    "a special file": "特殊ファイル",
}

_CONFLICT_KEYS = {"value": "実績値", "source": "出典", "note": "備考"}


def _conflict_parts(parts: str) -> str:
    out = []
    for part in parts.split("; "):
        m = re.fullmatch(r"(?P<key>\w+) (?P<new>.+) differs from (?P<was>.+) recorded", part)
        if m is None:
            return parts
        key = _CONFLICT_KEYS.get(m["key"], m["key"])
        out.append(f"{key} {m['new']}（記録済み {m['was']}）")
    return "、".join(out)


def message_text(code: str, message: str, lang: Lang | None = None) -> str:
    """A diagnostic's message in the language (English as written when not catalogued)."""
    if (lang or current_lang()) != "ja":
        return message
    for pattern, template in variants(code):
        match = re.fullmatch(pattern, message)
        if match is None:
            continue
        groups = {k: _WORDS.get(v, v) if v else "" for k, v in match.groupdict().items()}
        groups["hint_ja"] = f"（{groups['hint']} のことですか？）" if groups.get("hint") else ""
        groups["line_ja"] = f"（最初は {groups['line']} 行目）" if groups.get("line") else ""
        groups["at_ja"] = f"（記録箇所 {groups['at']}）" if groups.get("at") else ""
        kinds = {"actuals": "実績", "review": "評価"}
        groups["kind_ja"] = kinds.get(groups.get("kind", ""), "")
        if "parts" in groups:
            groups["parts"] = _conflict_parts(groups["parts"])
        return template.format(**groups)
    return message


def diagnostic_text(d, lang: Lang | None = None) -> str:
    """`FILE:LINE:COL: message [code]` in the language (the location and code unchanged)."""
    lang = lang or current_lang()
    message = message_text(d.code, d.message, lang)
    prefix = text("warning-prefix", lang) if d.severity == "warning" else ""
    return f"{d.location}: {prefix}{message} [{d.code}]"
