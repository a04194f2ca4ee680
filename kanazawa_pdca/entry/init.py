"""`pdca init DIR [--from FILE]`: a new strategy folder that `pdca` reads as it is.

    DIR/data/strategy.yaml   a skeleton (one goal, two KPIs: `skeleton.py`) or the strategy
                             built from the KPI list a city keeps (`kpi_list.read_kpi_list`)
    DIR/data/actuals/        the yearly figures (`pdca record`, `pdca import`)
    DIR/data/reviews/        the committee's reviews

The strategy file is made as plain data (what the YAML holds), checked by the one model
(`Strategy` and `cross_check`) before anything is written, and rendered here with comments
in Japanese and English saying what to fill in. The text rendered is read back and must
give the same data. Nothing is written when anything is wrong; an existing strategy is
kept unless `force`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic, InputError, Location
from ..i18n import Lang, text
from .skeleton import figure_text, fiscal_year, plain, skeleton_data

STRATEGY_FILE = Path("data") / "strategy.yaml"


# --- the folder ----------------------------------------------------------------------------


def init_folder(
    folder: Path,
    shown: str,
    *,
    source: Path | None = None,
    source_shown: str | None = None,
    force: bool = False,
    today: dt.date | None = None,
    lang: Lang = Lang.ja,
) -> str:
    """Make DIR/data/{strategy.yaml, actuals/, reviews/}; the lines that say what was made
    and what to do next. InputError (nothing written) when the strategy file exists
    (without `force`), a folder cannot be made, or the KPI list has any problem."""
    from ..output import write_atomic

    today = today or dt.date.today()
    target = folder / STRATEGY_FILE
    target_shown = str(Path(shown) / STRATEGY_FILE)
    if not force and (target.exists() or target.is_symlink()):
        raise InputError([Diagnostic(Location(target_shown), "init-exists")])
    if folder.exists() and not folder.is_dir():
        raise InputError([Diagnostic(Location(shown), "init-not-a-folder")])
    if source is not None:
        from .kpi_list import read_kpi_list

        data, count = read_kpi_list(source, source_shown or str(source), today)
        yaml_text = render(data, origin=source.name)
    else:
        data, count = skeleton_data(today), 2
        yaml_text = render(data)
    check_rendered(yaml_text, data)
    try:
        for sub in ("actuals", "reviews"):
            (folder / "data" / sub).mkdir(parents=True, exist_ok=True)
            readme = folder / "data" / sub / "README.md"
            if not readme.exists():
                write_atomic(readme, FOLDER_README[sub])
        write_atomic(target, yaml_text)
    except OSError as exc:
        where = exc.filename or target_shown
        raise InputError(
            [Diagnostic(Location(str(where)), "cannot-write", {"detail": exc.strerror})]
        ) from None
    year = fiscal_year(today)
    key = "init-written.from" if source is not None else "init-written"
    return text(key, lang, path=target_shown, folder=shown, n=count, year=year) + "\n"


FOLDER_README = {
    "actuals": "# 実績値 / Actual figures\n\n"
    "年度ごとに 1 ファイル（2026.yaml など）。`pdca record 2026 KPI 値` または\n"
    "`pdca import 2026 記入シート.xlsx` で記録します。\n\n"
    "One file per fiscal year (2026.yaml …), written by `pdca record` or `pdca import`.\n",
    "reviews": "# 委員会の評価 / The committee's reviews\n\n"
    "年度ごとに 1 ファイル（2026.yaml など）。評価（rating）と方向性（direction）は\n"
    "data/strategy.yaml の evaluation.ratings / evaluation.directions の語を使います。\n\n"
    "One file per fiscal year (2026.yaml …); its ratings and directions are the words of\n"
    "evaluation.ratings / evaluation.directions in data/strategy.yaml.\n",
}


# --- rendering -----------------------------------------------------------------------------

HEADER = """\
# 戦略ファイル（pdca init で作成）/ The strategy file (made by `pdca init`)
#
# 書き換えたら / after every change:  pdca validate   （誤りは 行:列 で示されます）
# エディタの補完 / editor completion:  pdca schema strategy -o strategy.schema.json
#   （1 行目に # yaml-language-server: $schema=strategy.schema.json と書く）
#
# 書くこと / what to fill in
# - meta: 戦略の名称（title, 英語 title_en）、策定した団体（issuer）、策定年月（issued,
#   YYYY-MM）、期間（period: 年度）。The strategy's title (and in English), who issued it,
#   when (YYYY-MM) and its period (fiscal years).
# - evaluation: 判定の基準（thresholds）と、委員会の評価の語（ratings, directions）。
#   ここにあるのは pdca の既定の尺度です。委員会の語に置き換え、default_scale: true を
#   削除してください。The thresholds and the committee's words: these are pdca's default
#   scale; replace them with the committee's and remove `default_scale: true`.
# - goals: 基本目標。数値目標の KPI は targets に（コード G1 …）、施策（policies）の取組
#   （measures）の KPI は kpis に（コード 1-1-1 …）。Basic goals: their numerical targets
#   (codes G1 …) and policies holding measures that list KPIs (codes 1-1-1 …).
# - kpis: KPI ごとに 1 つ。id は英数字とハイフン（例 visitors-per-year）、name は印刷
#   どおりの名称、unit は単位、direction は increase（増加が望ましい）か decrease、kind は
#   level（水準）・cumulative（累計）・period_total（期間合計）、baseline と target は年度・
#   値・印刷どおりの text。target.kind は exact・at_least（以上）・maintain（以上を維持）・
#   reset（再設定）。measures は掲載箇所のコード。One entry per KPI: an id (letters,
#   digits, hyphens), the name as printed, the unit, direction, kind, baseline and target
#   (year, value, the text as printed), where it is printed (measures).
# - *_en は英語表示（--lang en）の名称です。English names, shown with --lang en.
# 年度は開始年の西暦で書きます（令和8年度 = 2026）。Years are fiscal years, written as
# the year they start in (R8 = FY2026).
"""

FROM_NOTE = """\
#
# {origin} から作成 / built from {origin}: 1 行 = 1 KPI. 英語の名称（*_en）は日本語の
# コピーです。翻訳してください。The English names (*_en) are copies of the Japanese ones:
# translate them. meta の（　）の中も書き換えてください。Fill in meta's placeholders.
"""

EVALUATION_NOTE = """\
  # THIS IS pdca's DOCUMENTED DEFAULT SCALE, NOT YOURS: replace the words with the
  # committee's (code, label, label_en, meaning) and remove `default_scale: true`.
  # pdca の既定の尺度です（この団体の定めたものではありません）。委員会の語に置き換えて、
  # default_scale: true を削除してください。
"""

_PLAIN_ID = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
_RESERVED = re.compile(r"^(?:true|false|yes|no|on|off|null|y|n|~)$", re.I)
_UNSAFE = re.compile(r"[:#,\[\]{}\"'`|>&*!@\\\s]")
_ESCAPE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]")


def scalar(value: Any) -> str:
    """One scalar as YAML: numbers and booleans as they are, text plain where nothing in
    it can be read otherwise (Japanese, an id), else double-quoted with escapes."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)  # a default (1.0, 0.6) as Python writes it
    if isinstance(value, Decimal):
        return figure_text(value)
    s = str(value)
    if (
        s
        and not _UNSAFE.search(s)
        and not _RESERVED.match(s)
        and (_PLAIN_ID.match(s) or not s.isascii())
        and not s[0].isdigit()
        and s[0] not in "-?+.%"
    ):
        return s
    quoted = json.dumps(s, ensure_ascii=False)
    return _ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def flow(mapping: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{k}: {_flow_value(v)}" for k, v in mapping.items()) + "}"


def _flow_value(value: Any) -> str:
    if isinstance(value, dict):
        return flow(value)
    if isinstance(value, list):
        return "[" + ", ".join(_flow_value(v) for v in value) + "]"
    return scalar(value)


def render(data: dict[str, Any], origin: str | None = None) -> str:
    """The strategy file: the header, then meta, evaluation, goals and kpis, each KPI's
    baseline, target and milestones on a line of their own."""
    out = [HEADER]
    if origin is not None:
        out.append(FROM_NOTE.format(origin=origin))
    out.append("\nmeta:\n")
    for key, value in data["meta"].items():
        out.append(f"  {key}: {_flow_value(value)}\n")
    ev = data["evaluation"]
    out.append("evaluation:\n")
    for key in ev:
        if key not in ("ratings", "directions", "default_scale"):
            out.append(f"  {key}: {_flow_value(ev[key])}\n")
    out.append(EVALUATION_NOTE)
    out.append(f"  default_scale: {scalar(ev['default_scale'])}\n")
    for key in ("ratings", "directions"):
        out.append(f"  {key}:\n")
        out += [f"    - {flow(term)}\n" for term in ev[key]]
    out.append("goals:\n")
    for goal in data["goals"]:
        out += _block(goal, "  ")
    out.append("kpis:\n")
    for kpi in data["kpis"]:
        out += _block(kpi, "  ")
    return "".join(out)


def _block(mapping: dict[str, Any], indent: str) -> list[str]:
    """A list item: a mapping whose nested lists of mappings are blocks again, every other
    value on one line."""
    lines = []
    lead = f"{indent}- "
    for key, value in mapping.items():
        if isinstance(value, list) and value and isinstance(value[0], dict) and key != "kpis":
            if key in ("targets", "milestones") or all(
                not any(isinstance(v, list) for v in item.values()) and len(item) <= 3
                for item in value
            ):
                lines.append(f"{lead}{key}:\n")
                lines += [f"{indent}    - {flow(item)}\n" for item in value]
            else:
                lines.append(f"{lead}{key}:\n")
                for item in value:
                    lines += _block(item, indent + "    ")
        elif key == "kpis" and isinstance(value, list):
            lines.append(f"{lead}{key}:\n")
            lines += [f"{indent}    - {flow(item)}\n" for item in value]
        else:
            lines.append(f"{lead}{key}: {_flow_value(value)}\n")
        lead = f"{indent}  "
    return lines


def check_rendered(yaml_text: str, data: dict[str, Any]) -> None:
    """The rendered text reads back as the data it was made from, and the strategy it
    holds is valid (a failure here is pdca's own bug, never the user's input)."""
    from ..load import _plain_data, diagnose_strategy

    read = _plain_data(yaml_text)
    if read != plain(data):
        raise AssertionError("pdca init: the strategy file does not read back as made")
    problems = diagnose_strategy("strategy.yaml", yaml_text)
    if any(d.is_error for d in problems):
        raise AssertionError("pdca init: " + "; ".join(str(d) for d in problems))
