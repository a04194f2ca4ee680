"""The message catalogue: key -> {"ja": template, "en": template}, nothing else.

A key is a stable code (printed as `[code]`), or `code.variant` where one code has
several wordings (the printed code stays the part before the dot), or the key of a
`Phrase` (words a message quotes: `file-kind.fifo`, `did-you-mean`, `field.note`).
Templates are `str.format` templates filled with the values the message was raised with
(`i18n.text`); both languages take the same values.
"""

from __future__ import annotations

CATALOGUE: dict[str, dict[str, str]] = {
    # --- option values (options.py) ---------------------------------------------------
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
    "goal-range.bare": {
        "en": "no basic goal {value} (1–{count})",
        "ja": "基本目標 {value} はありません（1〜{count}）",
    },
    # --- record, import, template (entry/actions.py) --------------------------------------
    "no-actuals-here": {
        "en": "no actuals folder here: run in the folder that holds data/actuals, or give "
        "--actuals DIR (or set PDCA_ACTUALS); pdca never writes into its bundled copy",
        "ja": "ここには実績のフォルダがありません。data/actuals のあるフォルダで実行するか、"
        "--actuals DIR を指定してください（または PDCA_ACTUALS を設定）。pdca は同梱の"
        "データには書き込みません",
    },
    "no-figure-to-record": {
        "en": "{value!r} means no figure yet: nothing to record",
        "ja": "{value!r} は「まだ実績がない」という意味です。記録するものがありません",
    },
    "empty-text": {"en": "must not be empty", "ja": "空にはできません"},
    "sheet-suffix": {
        "en": "the sheet is FILE.xlsx or FILE.csv",
        "ja": "記入シートは FILE.xlsx か FILE.csv です",
    },
    "sheet-exists": {
        "en": "{name} exists (a filled sheet would be lost): give another name, or --force to "
        "replace it",
        "ja": "{name} はすでにあります（記入済みのシートが失われます）。別の名前にするか、"
        "置き換えるなら --force を付けてください",
    },
    "template-written": {
        "en": "{name}: the fill-in sheet for {label} ({n} KPIs).\nFill in Value, Source and "
        "Note, then: pdca import {year} {name}",
        "ja": "{name}: {label} の記入シート（KPI {n} 件）を作成しました。\n"
        "「実績値」「出典」「備考」を記入したら: pdca import {year} {name}",
    },
    "template-written.missing": {
        "en": "{name}: the fill-in sheet for {label}, only the {n} KPIs with no figure yet.\n"
        "Fill in Value, Source and Note, then: pdca import {year} {name}",
        "ja": "{name}: {label} の記入シート（未提出の KPI {n} 件だけ）を作成しました。\n"
        "「実績値」「出典」「備考」を記入したら: pdca import {year} {name}",
    },
    "actuals-file-head": {  # the first comment of a new actuals file (entry/writer.py)
        "en": "KPI actuals of {label}: id: value, or id: {{value, source, note}}",
        "ja": "{label} の KPI 実績 — id: 値、または id: {{value: 値, source: 出典, note: 備考}}",
    },
    "template-nothing-missing": {
        "en": "{label}: every KPI has a figure; no sheet written",
        "ja": "{label}: 未提出の KPI はありません。シートは作成していません",
    },
    # --- init (entry/init.py, entry/kpi_list.py) ---------------------------------------
    "init-exists": {
        "en": "a strategy is already here: give another folder, or --force to replace it",
        "ja": "戦略ファイルがすでにあります。別のフォルダにするか、置き換えるなら --force を"
        "付けてください",
    },
    "init-not-a-folder": {
        "en": "is not a folder",
        "ja": "フォルダではありません",
    },
    "init-written": {
        "en": "{path}: a new strategy (a skeleton: one goal, {n} KPIs), with the folders "
        "data/actuals and data/reviews.\nFill it in (the comments say how), then: "
        "cd {folder} && pdca validate && pdca check {year}",
        "ja": "{path}: 新しい戦略（ひな形: 基本目標 1、KPI {n} 件）と、data/actuals・"
        "data/reviews のフォルダを作成しました。\nコメントに従って書き換えたら: "
        "cd {folder} && pdca validate && pdca check {year}",
    },
    "init-written.from": {
        "en": "{path}: the strategy of the KPI list ({n} KPIs), with the folders "
        "data/actuals and data/reviews.\nFill in its title and the English names, then: "
        "cd {folder} && pdca validate && pdca check {year}",
        "ja": "{path}: KPI の一覧表から戦略（KPI {n} 件）と、data/actuals・data/reviews の"
        "フォルダを作成しました。\n戦略の名称と英語の名称を書き換えたら: "
        "cd {folder} && pdca validate && pdca check {year}",
    },
    "init-no-header": {
        "en": "no header row with the columns KPI名 (name) and 目標値 (target) in the first {n} "
        "rows",
        "ja": "最初の {n} 行に、KPI名 と 目標値 の列のある見出し行がありません",
    },
    "init-no-header.any-sheet": {
        "en": "no header row with the columns KPI名 (name) and 目標値 (target) in the first {n} "
        "rows of any sheet",
        "ja": "どのシートにも、最初の {n} 行に KPI名 と 目標値 の列のある見出し行がありません",
    },
    "init-missing-column": {
        "en": "the header has no column {columns}: a KPI list has 基本目標, KPI名, 単位, 方向, "
        "基準値, 基準年度, 目標値 and 目標年度 (施策, 種別, 中間目標, 備考 and id if wanted)",
        "ja": "見出しに {columns} の列がありません。KPI の一覧表には 基本目標、KPI名、単位、"
        "方向、基準値、基準年度、目標値、目標年度 の列が要ります（施策・種別・中間目標・"
        "備考・id は任意）",
    },
    "init-no-kpis": {
        "en": "no KPI rows under the header",
        "ja": "見出しの下に KPI の行がありません",
    },
    "init-empty-cell": {
        "en": "{column} is empty: every KPI needs one",
        "ja": "{column} が空欄です（KPI ごとに必要です）",
    },
    "init-direction": {
        "en": "{raw!r} is not a direction (増加, 減少 or 維持; increase, decrease, maintain)",
        "ja": "{raw!r} は方向ではありません（増加・減少・維持 のいずれか）",
    },
    "init-kind": {
        "en": "{raw!r} is not a kind (水準, 累計, 期間合計 or 期間平均; level, cumulative, "
        "period_total, period_average)",
        "ja": "{raw!r} は種別ではありません（水準・累計・期間合計・期間平均 のいずれか）",
    },
    "init-value.baseline": {
        "en": "{raw!r} is not a baseline (a figure such as 1,234 or 47.5%, with its year in "
        "基準年度; ― or 新規 when there is none; R6年度開始 for a start)",
        "ja": "{raw!r} は基準値として読めません（1,234 や 47.5% のような数値。年度は基準年度の"
        "列に。基準値がなければ ― か 新規、開始年度なら R6年度開始）",
    },
    "init-value.target": {
        "en": "{raw!r} is not a target (a figure such as 1,234; 90%以上, 95%以上を維持, 1.5倍, "
        "倍増, +10ポイント, +20%, 年平均2%成長, 基準値を上回る or 再設定)",
        "ja": "{raw!r} は目標値として読めません（1,234 のような数値、90%以上、95%以上を維持、"
        "1.5倍、倍増、+10ポイント、+20%、年平均2%成長、基準値を上回る、再設定 のいずれか）",
    },
    "init-value.milestone": {
        "en": "{raw!r} is not a milestone (YEAR:VALUE, several separated by commas: R7:95, R9:97)",
        "ja": "{raw!r} は中間目標として読めません（年度:値。複数はカンマ区切り: R7:95, R9:97）",
    },
    "init-year-mismatch": {
        "en": "the year {inner} written in the cell is not {column}'s {year}",
        "ja": "セルに書かれた年度 {inner} が {column} の {year} と違います",
    },
    "init-range": {
        "en": "{raw!r}: a range of years is the window of a 期間合計 / 期間平均 KPI or of a "
        "target to maintain (維持)",
        "ja": "{raw!r}: 年度の範囲が書けるのは、期間合計・期間平均の KPI と、維持の目標だけです",
    },
    # --- missing (entry/missing.py) -----------------------------------------------------
    "missing-next": {
        "en": "Next: pdca template {year} --missing -o {file} writes a sheet of only these KPIs",
        "ja": "次: pdca template {year} --missing -o {file} で未提出分だけの記入シートを作成",
    },
    "missing-file": {"en": "missing.xlsx", "ja": "未提出.xlsx"},
    # --- years (years.py) ---------------------------------------------------------------
    "year-format": {
        "en": "not a fiscal year: {value!r} (use one of: {forms})",
        "ja": "{value!r} は年度ではありません（{forms} のいずれかで指定）",
    },
    "year-era-start": {
        "en": "not a fiscal year: {value!r} (era years start at 1)",
        "ja": "{value!r} は年度ではありません（元号の年は 1 から）",
    },
    "year-range": {
        "en": "fiscal year out of range: {value!r} (expected 1989–2100)",
        "ja": "{value!r} は範囲外の年度です（1989〜2100）",
    },
    "year-order": {
        "en": "target year {target} is not after the baseline year {baseline}",
        "ja": "目標年度 {target} が基準年度 {baseline} より後になっていません",
    },
    # --- the CLI's own lines --------------------------------------------------------------
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
    "none": {"en": "none", "ja": "なし"},
    "warning-prefix": {"en": "warning: ", "ja": "警告: "},
    # --- words that messages quote (Phrases) ---------------------------------------------
    "list-separator": {"en": "; ", "ja": "、"},
    "none-defined": {"en": "none defined", "ja": "定義なし"},
    "did-you-mean": {"en": " (did you mean {hint!r}?)", "ja": "（{hint!r} のことですか？）"},
    "did-you-mean.several": {
        "en": " (did you mean {hints}?)",
        "ja": "（{hints} のことですか？）",
    },
    "file-kind.directory": {"en": "a directory", "ja": "フォルダ"},
    "file-kind.fifo": {"en": "a FIFO (named pipe)", "ja": "名前付きパイプ（FIFO）"},
    "file-kind.device": {"en": "a device", "ja": "デバイス"},
    "file-kind.socket": {"en": "a socket", "ja": "ソケット"},
    "file-kind.special": {"en": "a special file", "ja": "特殊ファイル"},
    "input.strategy": {"en": "the strategy file", "ja": "戦略ファイル"},
    "input.actuals": {"en": "the actuals folder", "ja": "実績のフォルダ"},
    "input.reviews": {"en": "the reviews folder", "ja": "評価のフォルダ"},
    "shown.null": {"en": "null", "ja": "null"},
    "shown.mapping": {"en": "a mapping", "ja": "マッピング"},
    "shown.list": {"en": "a list", "ja": "リスト"},
    "shown.boolean": {"en": "a boolean ({value})", "ja": "真偽値（{value}）"},
    "shown.date": {"en": "a date", "ja": "日付"},
    "char-name.nul": {"en": "NUL", "ja": "NUL"},
    "char-name.bel": {"en": "BEL", "ja": "BEL"},
    "char-name.backspace": {"en": "backspace", "ja": "バックスペース"},
    "char-name.esc": {"en": "ESC", "ja": "ESC"},
    "char-name.del": {"en": "DEL", "ja": "DEL"},
    "char-name.bom": {"en": "byte order mark", "ja": "バイト順マーク"},
    "char-name.noncharacter": {"en": "not a character", "ja": "文字ではない符号"},
    "char-name.control": {"en": "a control character", "ja": "制御文字"},
    "char-name.surrogate": {"en": "a lone surrogate", "ja": "対になっていないサロゲート"},
    "amount.mb": {"en": "{n:,.0f} MB", "ja": "{n:,.0f} MB"},
    "amount.bytes": {"en": "{n:,} bytes", "ja": "{n:,} バイト"},
    "unclosed.sequence": {"en": "'[' is never closed", "ja": "'[' が閉じられていません"},
    "unclosed.mapping": {"en": "'{{' is never closed", "ja": "'{{' が閉じられていません"},
    "unclosed.quote": {
        "en": "a quoted string is never closed",
        "ja": "引用符で囲んだ文字列が閉じられていません",
    },
    "field.value": {"en": "value", "ja": "実績値"},
    "field.source": {"en": "source", "ja": "出典"},
    "field.note": {"en": "note", "ja": "備考"},
    "conflict-part": {
        "en": "{field} {new} differs from {was} recorded",
        "ja": "{field} {new}（記録済み {was}）",
    },
    "numbering.goal": {"en": "goal", "ja": "基本目標"},
    "numbering.policy": {"en": "policy", "ja": "施策"},
    "numbering.measure": {"en": "measure", "ja": "取組"},
    "numbering.footnote": {"en": "footnote", "ja": "注"},
    # --- files and folders (guard.py, load.py, output.py, entry/sheets.py) ----------------
    "file-not-found": {"en": "no such file", "ja": "ファイルがありません"},
    "not-a-file.directory": {
        "en": "is a directory, not a file",
        "ja": "フォルダです（ファイルを指定してください）",
    },
    "not-a-file.loop": {
        "en": "a loop of symbolic links, not a file",
        "ja": "シンボリックリンクが循環しています（ファイルではありません）",
    },
    "not-a-file.special": {
        "en": "is {kind}, not a regular file",
        "ja": "通常のファイルではありません（{kind}）",
    },
    "not-a-file": {"en": "is not a regular file", "ja": "通常のファイルではありません"},
    "unreadable": {"en": "cannot read: {detail}", "ja": "読み込めません: {detail}"},
    "unreadable.refused": {"en": "cannot be read: {detail}", "ja": "読み込めません: {detail}"},
    "file-too-large": {
        "en": "file too large ({size}; the limit is {limit})",
        "ja": "ファイルが大きすぎます（{size}。上限は {limit}）",
    },
    "file-too-large.unknown-size": {
        "en": "file too large (the limit is {limit})",
        "ja": "ファイルが大きすぎます（上限は {limit}）",
    },
    "encoding": {"en": "not valid UTF-8 text", "ja": "UTF-8 のテキストではありません"},
    "encoding.csv": {
        "en": "neither UTF-8 nor Shift_JIS (CP932) text: save the sheet as CSV UTF-8 or CSV "
        "from Excel",
        "ja": "UTF-8 でも Shift_JIS（CP932）でもありません。シートを「CSV UTF-8」または"
        " Excel の「CSV」で保存し直してください",
    },
    "encoding.mixed": {
        "en": "line {bad} is not UTF-8 but line {good} is: the file mixes encodings; save it "
        "again as CSV UTF-8",
        "ja": "{bad} 行目は UTF-8 ではありませんが {good} 行目は UTF-8 です。文字コードが"
        "混在しています。「CSV UTF-8」で保存し直してください",
    },
    "no-actuals-dir": {
        "en": "no such directory",
        "ja": "実績のフォルダがありません",
    },
    "no-actuals-dir.not-a-directory": {
        "en": "is not a directory",
        "ja": "フォルダではありません（実績のフォルダを指定してください）",
    },
    "no-reviews-dir": {"en": "no such directory", "ja": "評価のフォルダがありません"},
    "no-reviews-dir.not-a-directory": {
        "en": "is not a directory",
        "ja": "フォルダではありません（評価のフォルダを指定してください）",
    },
    "file-name.actuals": {
        "en": "an actuals file is named after its fiscal year, like 2026.yaml (got {name!r})",
        "ja": "実績ファイルの名前は年度にします（例: 2026.yaml。{name!r} は年度ではありません）",
    },
    "file-name.review": {
        "en": "a review file is named after its fiscal year, like 2026.yaml (got {name!r})",
        "ja": "評価ファイルの名前は年度にします（例: 2026.yaml。{name!r} は年度ではありません）",
    },
    "duplicate-year": {
        "en": "{year} is also in {other}",
        "ja": "{year}年度のファイルが {other} にもあります",
    },
    "output-not-a-file.loop": {
        "en": "a loop of symbolic links, not a file",
        "ja": "シンボリックリンクが循環しています（ファイルではありません）",
    },
    "output-not-a-file": {
        "en": "is {kind}: pdca writes regular files only",
        "ja": "{kind}です。pdca は通常のファイルにだけ書き込みます",
    },
    "output-no-folder": {
        "en": "cannot write: no such folder {folder}",
        "ja": "書き込めません: フォルダ {folder} がありません",
    },
    "output-protected": {
        "en": "refusing to overwrite {what}",
        "ja": "{what}は上書きしません",
    },
    "output-protected.folder": {
        "en": "refusing to write into {what}",
        "ja": "{what}の中には書き込みません",
    },
    "output-unwritable": {"en": "cannot write: {detail}", "ja": "書き込めません: {detail}"},
    "cannot-write": {"en": "cannot write: {detail}", "ja": "書き込めません: {detail}"},
    "step-summary-unwritable": {
        "en": "cannot write the step summary: {detail}",
        "ja": "ジョブの概要（step summary）を書き込めません: {detail}",
    },
    "nothing-written": {
        "en": "nothing was written: {file} is as it was. Correct what the lines above say and "
        "run pdca {command} again",
        "ja": "何も書き込んでいません（{file} は元のままです）。上の行の内容を直してから、もう一度 "
        "pdca {command} を実行してください",
    },
    "number-form": {
        "en": "{value} is not a figure as a person writes it (hexadecimal, binary, octal, "
        "digit separators and exponents are not read): write {decimal}",
        "ja": "{value} は数値の書き方として読みません（16進・2進・8進・桁区切りの _・指数表記は"
        "使えません）。{decimal} と書いてください",
    },
    "number-form.long": {
        "en": "{value} is not a figure as a person writes it (hexadecimal, binary, octal, "
        "digit separators and exponents are not read)",
        "ja": "{value} は数値の書き方として読みません（16進・2進・8進・桁区切りの _・指数表記は"
        "使えません）",
    },
    "locked": {
        "en": "another pdca run is writing to {folder} (waited {seconds:g} s); try again",
        "ja": "別の pdca が {folder} に書き込み中です（{seconds:g} 秒待ちました）。"
        "もう一度実行してください",
    },
    # --- hostile YAML (guard.py) -----------------------------------------------------------
    "control-character": {
        "en": "character {u} ({name}) is not allowed in YAML",
        "ja": "文字 {u}（{name}）は YAML では使えません",
    },
    "control-character.escape": {
        "en": "character {u} ({name}) is not allowed in YAML; write it as an escape in a "
        "double-quoted string",
        "ja": "文字 {u}（{name}）は YAML では使えません。ダブルクォートの文字列の中で"
        "エスケープして書いてください",
    },
    "control-character.more": {
        "en": "… and {n} more characters YAML does not allow (is this a text file?)",
        "ja": "… ほかにも YAML で使えない文字が {n} 個あります（テキストファイルですか？）",
    },
    "alias-expansion": {
        "en": "aliases of the node anchored here expand to more than {n:,} nodes (an alias "
        "bomb?); write the data out",
        "ja": "ここでアンカーを付けた値は、エイリアスを展開すると {n:,} 個を超えます"
        "（エイリアス爆弾？）。データを展開して書いてください",
    },
    "recursive-alias": {
        "en": "an alias inside the node anchored here refers to it: a recursive structure pdca "
        "cannot read",
        "ja": "ここでアンカーを付けた値の中のエイリアスがその値自身を参照しています。"
        "再帰的な構造は読み込めません",
    },
    "too-deep": {
        "en": "nested more than {n} levels deep",
        "ja": "入れ子が {n} 段を超えています",
    },
    "number-too-long": {
        "en": "a number of {n} characters is too long",
        "ja": "{n} 文字の数値は長すぎます",
    },
    "number-too-long.integer": {
        "en": "an integer too large to be a figure",
        "ja": "実績値としては大きすぎる整数です",
    },
    "bad-scalar.date": {
        "en": "{value!r} is not a valid date ({detail})",
        "ja": "{value!r} は正しい日付ではありません（{detail}）",
    },
    "bad-scalar.digits": {
        "en": "a number of {n} digits is too long",
        "ja": "{n} 桁の数値は長すぎます",
    },
    "bad-scalar.int": {"en": "{value!r} is not an integer", "ja": "{value!r} は整数ではありません"},
    "bad-scalar.float": {"en": "{value!r} is not a number", "ja": "{value!r} は数値ではありません"},
    "bad-scalar.bool": {
        "en": "{value!r} is not true or false",
        "ja": "{value!r} は true / false ではありません",
    },
    "bad-scalar.null": {"en": "{value!r} is not null", "ja": "{value!r} は null ではありません"},
    "bad-scalar": {
        "en": "{value!r} is not {kind}",
        "ja": "{value!r} は {kind} として読めません",
    },
    "duplicate-anchor": {
        "en": "the same anchor is defined twice (first at line {first}): give each its own name",
        "ja": "同じアンカーが2回定義されています（最初は {first} 行目）。それぞれ別の名前を"
        "付けてください",
    },
    "yaml-version": {
        "en": "unsupported YAML version {version!r}: pdca reads YAML 1.2 (or 1.1); remove the "
        "%YAML line",
        "ja": "対応していない YAML のバージョン {version!r} です。pdca が読むのは YAML 1.2"
        "（または 1.1）です。%YAML の行を削除してください",
    },
    "bad-key": {
        "en": "a mapping key must be a plain scalar",
        "ja": "キーには単純な値（文字列や数値）を書いてください",
    },
    "merge-key": {
        "en": "merge keys (<<) are not supported: write the fields out",
        "ja": "マージキー（<<）には対応していません。項目をそれぞれ書いてください",
    },
    "unknown-tag": {
        "en": "unknown tag {tag!r}: pdca reads plain YAML (text, numbers, true/false, null, "
        "lists and mappings)",
        "ja": "不明なタグ {tag!r} です。pdca が読むのはタグのない YAML（文字列・数値・"
        "true/false・null・リスト・マッピング）です",
    },
    "yaml-syntax": {"en": "malformed YAML: {detail}", "ja": "YAML の書式の誤り: {detail}"},
    "yaml-syntax.tabs": {
        "en": "malformed YAML: {detail}; YAML does not allow tabs for indentation",
        "ja": "YAML の書式の誤り: {detail}。YAML ではタブで字下げできません",
    },
    "yaml-syntax.unclosed": {
        "en": "malformed YAML: {what} (the file ends first)",
        "ja": "YAML の書式の誤り: {what}（その前にファイルが終わっています）",
    },
    "yaml-syntax.unclosed-at": {
        "en": "malformed YAML: {what} (line {found}: {detail})",
        "ja": "YAML の書式の誤り: {what}（{found} 行目: {detail}）",
    },
    "duplicate-key": {
        "en": "duplicate key {key} (first defined at line {first})",
        "ja": "キー {key} が重複しています（最初は {first} 行目）",
    },
    # --- the shape of a file (load.py, pydantic) ------------------------------------------
    "wrong-type": {
        "en": "{where}: expected a number, got {got}",
        "ja": "{where}: 数値を記録してください（値: {got}）",
    },
    "wrong-type.bool": {
        "en": "{where}: expected true or false, got {got}",
        "ja": "{where}: true か false を書いてください（値: {got}）",
    },
    "wrong-type.actuals": {
        "en": "an actuals file maps KPI ids to values",
        "ja": "実績ファイルには「KPI id: 値」の形で書いてください",
    },
    "wrong-type.kpi-id": {
        "en": "a KPI id is text, got {got!r}",
        "ja": "KPI id は文字列です（値: {got!r}）",
    },
    "wrong-type.field": {
        "en": "{where}: {detail} (got {got})",
        "ja": "{where}: 型が違います（{detail}。値: {got}）",
    },
    "missing-value": {
        "en": "{where}: no value (null); remove the line or give a number",
        "ja": "{where}: 値がありません（null）。その行を削除するか数値を書いてください",
    },
    "not-finite": {
        "en": "{where}: expected a finite number, got {got}",
        "ja": "{where}: 有限の数値を記録してください（値: {got}）",
    },
    "not-finite.field": {
        "en": "{where}: {detail} (got {got})",
        "ja": "{where}: 有限の数値を書いてください（{detail}。値: {got}）",
    },
    "figure-range": {
        "en": "{where}: a figure must be 0 or between 1e-9 and 1e15 in size, got {got}",
        "ja": "{where}: 数値は 0 か、大きさが 1e-9 から 1e15 の間でなければなりません（値: {got}）",
    },
    "missing-field": {
        "en": "{where}: required field is missing",
        "ja": "{where}: 必須の項目がありません",
    },
    "unknown-field": {"en": "{where}: unknown field", "ja": "{where}: 不明な項目です"},
    "invalid-value": {
        "en": "{where}: {detail} (got {got})",
        "ja": "{where}: 値が正しくありません（{detail}。値: {got}）",
    },
    # what pydantic found (its error type, with its context), as `detail` of the two above
    "pydantic.string_type": {"en": "Input should be a valid string", "ja": "文字列を書きます"},
    "pydantic.int_type": {"en": "Input should be a valid integer", "ja": "整数を書きます"},
    "pydantic.int_parsing": {
        "en": "Input should be a valid integer, unable to parse string as an integer",
        "ja": "整数を書きます",
    },
    "pydantic.int_from_float": {
        "en": "Input should be a valid integer, got a number with a fractional part",
        "ja": "小数ではなく整数を書きます",
    },
    "pydantic.float_type": {"en": "Input should be a valid number", "ja": "数値を書きます"},
    "pydantic.float_parsing": {
        "en": "Input should be a valid number, unable to parse string as a number",
        "ja": "数値を書きます",
    },
    "pydantic.finite_number": {
        "en": "Input should be a finite number",
        "ja": "有限の数値を書きます",
    },
    "pydantic.bool_type": {
        "en": "Input should be a valid boolean",
        "ja": "true か false を書きます",
    },
    "pydantic.bool_parsing": {
        "en": "Input should be a valid boolean, unable to interpret input",
        "ja": "true か false を書きます",
    },
    "pydantic.dict_type": {
        "en": "Input should be a valid dictionary",
        "ja": "マッピング（キー: 値）を書きます",
    },
    "pydantic.model_type": {
        "en": "Input should be a valid dictionary or instance of {class_name}",
        "ja": "マッピング（キー: 値）を書きます",
    },
    "pydantic.model_attributes_type": {
        "en": "Input should be a valid dictionary or object to extract fields from",
        "ja": "マッピング（キー: 値）を書きます",
    },
    "pydantic.list_type": {"en": "Input should be a valid list", "ja": "リストを書きます"},
    "pydantic.greater_than": {
        "en": "Input should be greater than {gt}",
        "ja": "{gt} より大きい値を書きます",
    },
    "pydantic.greater_than_equal": {
        "en": "Input should be greater than or equal to {ge}",
        "ja": "{ge} 以上の値を書きます",
    },
    "pydantic.less_than": {
        "en": "Input should be less than {lt}",
        "ja": "{lt} より小さい値を書きます",
    },
    "pydantic.less_than_equal": {
        "en": "Input should be less than or equal to {le}",
        "ja": "{le} 以下の値を書きます",
    },
    "pydantic.literal_error": {
        "en": "Input should be {expected}",
        "ja": "{expected} のいずれかを書きます",
    },
    "pydantic.enum": {"en": "Input should be {expected}", "ja": "{expected} のいずれかを書きます"},
    "pydantic.string_too_short": {
        "en": "String should have at least {min_length} character{min_length_s}",
        "ja": "{min_length} 文字以上の文字列を書きます",
    },
    "pydantic.string_pattern_mismatch": {
        "en": "String should match pattern '{pattern}'",
        "ja": "形式（'{pattern}'）に合う文字列を書きます",
    },
    "pydantic.too_short": {
        "en": "{field_type} should have at least {min_length} item{min_length_s} after "
        "validation, not {actual_length}",
        "ja": "{min_length} 個以上の要素を書きます（{actual_length} 個です）",
    },
    "pydantic.too_long": {
        "en": "{field_type} should have at most {max_length} item{max_length_s} after "
        "validation, not {actual_length}",
        "ja": "{max_length} 個以下の要素を書きます（{actual_length} 個です）",
    },
    # anything else pydantic says is shown as it says it (English), under its own code
    "pydantic.other": {"en": "{msg}", "ja": "{msg}"},
    # --- the strategy's cross-checks (model/checks.py) --------------------------------------
    "thresholds-order": {
        "en": "thresholds must satisfy 0 < behind ({behind:g}) < on_track ({on_track:g})",
        "ja": "判定基準は 0 < behind（{behind:g}）< on_track（{on_track:g}）でなければなりません",
    },
    "period-order": {"en": "period start is after its end", "ja": "期間の始まりが終わりより後です"},
    "duplicate-code": {
        "en": "evaluation.{name}: code {code!r} is defined twice",
        "ja": "evaluation.{name}: コード {code!r} が2回定義されています",
    },
    "numbering": {
        "en": "{what} number {number} out of sequence (expected {expected})",
        "ja": "{what} の番号 {number} が順番どおりではありません（{expected} のはずです）",
    },
    "duplicate-id": {
        "en": "KPI id {id!r} is already defined (kpis[{first}])",
        "ja": "KPI id {id!r} はすでに定義されています（kpis[{first}]）",
    },
    "unknown-kpi": {
        "en": "unknown KPI id {id!r}{hint}",
        "ja": "不明な KPI id {id!r}{hint}",
    },
    "unknown-kpi.printed": {
        "en": "unknown KPI id {id!r} in {code}",
        "ja": "{code} に不明な KPI id {id!r} があります",
    },
    "unknown-kpi.usage": {
        "en": "unknown KPI id {id!r}{hint}; list them with `pdca kpis`",
        "ja": "不明な KPI id {id!r}{hint}。一覧は `pdca kpis` で表示できます",
    },
    "relisted-first": {
        "en": "KPI {id!r} is marked 再掲 in {code} but is not printed earlier",
        "ja": "KPI {id!r} は {code} で〔再掲〕とされていますが、それより前に掲載されていません",
    },
    "unreferenced-kpi": {
        "en": "KPI {id!r} is never printed",
        "ja": "KPI {id!r} はどこにも掲載されていません",
    },
    "measures-mismatch": {
        "en": "KPI {id!r}: measures {measures} do not match where it is printed ({printed})",
        "ja": "KPI {id!r}: measures {measures} が掲載箇所（{printed}）と一致しません",
    },
    "kpi-order": {
        "en": "KPIs must be defined in order of first printing: expected {want!r} here, "
        "found {got!r}",
        "ja": "KPI は最初に掲載される順に定義してください（ここは {want!r} のはずですが "
        "{got!r} があります）",
    },
    "reset-has-value": {
        "en": "a 'reset' target has no year and no value (it is to be set again)",
        "ja": "「再設定」の目標には年度も値も書きません（改めて設定されるため）",
    },
    "target-missing.value": {"en": "target value is missing", "ja": "目標値がありません"},
    "target-missing.year": {"en": "target year is missing", "ja": "目標年度がありません"},
    "outside-period.target": {
        "en": "target year {year} is outside the strategy's period {start}–{end}",
        "ja": "目標年度 {year} が戦略の期間（{start}〜{end}年度）の外です",
    },
    "outside-period.period": {
        "en": "period {first}–{last} is outside the strategy's period {start}–{end}",
        "ja": "期間 {first}〜{last}年度が戦略の期間（{start}〜{end}年度）の外です",
    },
    "outside-period": {
        "en": "{id}: a yearly figure for a {first}–{last} total, recorded for {year}, outside "
        "that window",
        "ja": "{id}: {first}〜{last}年度の合計の KPI に、期間外の {year}年度の値が記録されています",
    },
    "direction-mismatch.increase": {
        "en": "direction is {direction} but the target {target:g} is not above the baseline "
        "{baseline:g}",
        "ja": "方向が {direction}（増加が望ましい）ですが、目標値 {target:g} が基準値 "
        "{baseline:g} を上回っていません",
    },
    "direction-mismatch.decrease": {
        "en": "direction is {direction} but the target {target:g} is not below the baseline "
        "{baseline:g}",
        "ja": "方向が {direction}（減少が望ましい）ですが、目標値 {target:g} が基準値 "
        "{baseline:g} を下回っていません",
    },
    "percentage-range": {
        "en": "a percentage must be within 0–100, got {value:g}",
        "ja": "割合は 0〜100 の範囲で記録してください（値: {value:g}）",
    },
    "percentage-range.actual": {
        "en": "{id}: a percentage must be within 0–100, got {value:g}",
        "ja": "{id}: 割合は 0〜100 の範囲で記録してください（値: {value:g}）",
    },
    "period-missing": {
        "en": "a period_total KPI needs a period",
        "ja": "期間合計（period_total）の KPI には period（期間）が必要です",
    },
    "period-unused": {
        "en": "a period applies only to period_total KPIs and maintain targets",
        "ja": "period（期間）は期間合計（period_total）の KPI と「維持」の目標にだけ書けます",
    },
    "period-missing.average": {
        "en": "a period_average KPI needs a period",
        "ja": "期間平均（period_average）の KPI には period（期間）が必要です",
    },
    # --- the forms of any strategy (DESIGN "Any strategy") ------------------------------
    "baseline-partial": {
        "en": "a baseline has its year, value and text together, or only its text (none "
        "printed), or is left out",
        "ja": "基準値は年度・値・表記をそろえて書くか、表記（text）だけを書くか、省きます",
    },
    "above-needs-baseline": {
        "en": "an 'above' target (above the baseline) needs a baseline year and value",
        "ja": "「基準値を上回る」（above）の目標には基準値の年度と値が必要です",
    },
    "above-value": {
        "en": "an 'above' target's value is the baseline's ({baseline:g}), got {value:g}",
        "ja": "「基準値を上回る」（above）の目標値は基準値（{baseline:g}）です（値: {value:g}）",
    },
    "relative-forms": {
        "en": "a target is relative in one way only, got {forms}",
        "ja": "相対的な目標の書き方は一つだけです（{forms} が書かれています）",
    },
    "relative-unused": {
        "en": "a relative target ({form}) applies only to level or cumulative KPIs with an "
        "exact, at_least or maintain target (annual_growth: exact or at_least)",
        "ja": "相対的な目標（{form}）は水準・累計の KPI の exact・at_least・maintain の目標にだけ"
        "書けます（annual_growth は exact・at_least だけ）",
    },
    "relative-needs-baseline": {
        "en": "a relative target ({form}) is derived from the baseline: give the baseline's "
        "year and value",
        "ja": "相対的な目標（{form}）は基準値から求めます。基準値の年度と値を書いてください",
    },
    "relative-mismatch": {
        "en": "the target value {value:g} does not agree with the {form} form: the baseline "
        "gives {derived:g}",
        "ja": "目標値 {value:g} が {form} の指定と合いません（基準値から求めると {derived:g}）",
    },
    "milestones-unused": {
        "en": "milestones apply only to level or cumulative KPIs with an exact or at_least "
        "target (this one: {kind}, {target})",
        "ja": "中間目標（milestones）は水準・累計の KPI の exact・at_least の目標にだけ書けます"
        "（この KPI: {kind}、{target}）",
    },
    "milestone-year.between": {
        "en": "milestone year {year} is not strictly between the baseline year {baseline} and "
        "the target year {target}",
        "ja": "中間目標の年度 {year} が基準年度 {baseline} と目標年度 {target} の間にありません",
    },
    "milestone-year.before": {
        "en": "milestone year {year} is not before the target year {target}",
        "ja": "中間目標の年度 {year} が目標年度 {target} より前ではありません",
    },
    "milestone-order": {
        "en": "milestone year {year} is not after the one before it ({before}): milestones go "
        "in year order",
        "ja": "中間目標の年度 {year} が前の中間目標（{before}）より後ではありません。"
        "年度の順に書いてください",
    },
    "milestone-direction": {
        "en": "direction is {direction} but the milestone {value:g} is worse than the figure "
        "before it ({before:g})",
        "ja": "方向が {direction} ですが、中間目標 {value:g} がその前の値（{before:g}）より"
        "悪くなっています",
    },
    "milestone-direction.target": {
        "en": "direction is {direction} but the milestone {value:g} is beyond the target "
        "{target:g}",
        "ja": "方向が {direction} ですが、中間目標 {value:g} が目標値 {target:g} を越えています",
    },
    "period-target-year": {
        "en": "a {kind} KPI is judged on its whole window: its target year {year} must be the "
        "window's last year {end}",
        "ja": "{kind} の KPI は期間全体で判定します。目標年度 {year} を期間の最後の年度 {end} に"
        "してください",
    },
    "period-decrease": {
        "en": "a {kind} KPI must reach its target: direction decrease cannot be judged",
        "ja": "{kind} の KPI は目標に届くかで判定します。方向 decrease（減少）は判定できません",
    },
    "maintain-window": {
        "en": "the maintain window starts in {start}, before the baseline year {baseline}",
        "ja": "維持の期間の始まり（{start}）が基準年度 {baseline} より前です",
    },
    "grade-min.missing": {
        "en": "grade {code!r} needs a min (the attainment from which it applies); only the "
        "last grade has none",
        "ja": "評価 {code!r} には min（その評価になる達成度の下限）が必要です。min がないのは最後の"
        "評価だけです",
    },
    "grade-min.last": {
        "en": "the last grade {code!r} takes everything below the others: it has no min",
        "ja": "最後の評価 {code!r} はそれより下のすべてです。min は書きません",
    },
    "grade-order": {
        "en": "grade {code!r} min {min:g} is not below {above!r}'s ({above_min:g}): grades go "
        "best first",
        "ja": "評価 {code!r} の min {min:g} が {above!r} の min（{above_min:g}）より"
        "小さくありません。評価は良い順に書きます",
    },
    # --- the actuals against the strategy (model/actuals.py) ------------------------------
    "negative-value": {
        "en": "{id}: this KPI's figures cannot be negative, got {value:g}{unit}",
        "ja": "{id}: この KPI の値は負になりません（値: {value:g}{unit}）",
    },
    "cumulative-decrease": {
        "en": "{id}: running total {value:g} is lower than {previous:g} in {year} (a cumulative "
        "KPI never falls)",
        "ja": "{id}: 累計 {value:g} が {year}年度の {previous:g} より小さくなっています"
        "（累計は減りません）",
    },
    # --- the committee's reviews (model/reviews.py) -----------------------------------------
    "unknown-goal": {
        "en": "unknown goal code (G1…) {value!r}{hint}",
        "ja": "不明な基本目標のコード {value!r}（G1 などの形）{hint}",
    },
    "unknown-policy": {
        "en": "unknown policy code (goal-policy, like 1-2) {value!r}{hint}",
        "ja": "不明な施策のコード {value!r}（1-2 のように 基本目標-施策）{hint}",
    },
    "unknown-measure": {
        "en": "unknown measure code (goal-policy-measure, like 1-2-3) {value!r}{hint}",
        "ja": "不明な取組のコード {value!r}（1-2-3 のように 基本目標-施策-取組）{hint}",
    },
    "unknown-rating": {
        "en": "{where}: {value!r} is not in the strategy's evaluation.ratings ({shown})",
        "ja": "{where}: {value!r} は戦略の評価の尺度（evaluation.ratings）にありません（{shown}）",
    },
    "unknown-direction": {
        "en": "{where}: {value!r} is not in the strategy's evaluation.directions ({shown})",
        "ja": "{where}: {value!r} は戦略の方向性（evaluation.directions）にありません（{shown}）",
    },
    "unknown-status.override": {
        "en": "{where}: {value!r} is not a status an override can set ({names})",
        "ja": "{where}: {value!r} は委員会判断で設定できる状況ではありません（{names}）",
    },
    "override-without-reason": {
        "en": "{where}: the committee's reason is required",
        "ja": "{where}: 委員会の判断理由（reason）を書いてください",
    },
    # --- spreadsheets (entry/sheets.py, entry/importer.py, entry/numbers.py) --------------
    "too-large": {
        "en": "{n:,} bytes: larger than a fill-in sheet can be",
        "ja": "{n:,} バイト: 記入シートとしては大きすぎます",
    },
    "too-large.unpacked": {
        "en": "unpacks to {n:,} bytes: larger than a fill-in sheet can be",
        "ja": "展開すると {n:,} バイトになり、記入シートとしては大きすぎます",
    },
    "too-large.part": {
        "en": "its part {part} unpacks to {n:,} bytes (at most {max:,}): larger than a fill-in "
        "sheet's can be",
        "ja": "中の {part} が展開すると {n:,} バイトあり（上限 {max:,}）、記入シートとしては"
        "大きすぎます",
    },
    "too-large.cells": {
        "en": "more than {n:,} cells in this sheet: larger than a fill-in sheet can be (delete "
        "what is not the table, or copy the table into a new workbook)",
        "ja": "このシートのセルが {n:,} 個を超え、記入シートとしては大きすぎます（表以外を"
        "削除するか、表を新しいブックにコピーしてください）",
    },
    "old-excel": {
        "en": "an .xls file (Excel 97–2003): save it as .xlsx or CSV",
        "ja": "古い .xls 形式（Excel 97–2003）のファイルです。.xlsx か CSV で保存し直してください",
    },
    "ods-file": {
        "en": "an OpenDocument spreadsheet (.ods): save it as .xlsx or CSV (LibreOffice: "
        "File > Save As, Excel 2007-365 (.xlsx))",
        "ja": "OpenDocument 形式（.ods）のファイルです。.xlsx か CSV で保存し直してください"
        "（LibreOffice: ファイル > 名前を付けて保存 > Excel 2007-365 (.xlsx)）",
    },
    "unknown-format": {
        "en": "not a spreadsheet pdca reads (.xlsx or .csv)",
        "ja": "pdca が読める表計算ファイル（.xlsx または .csv）ではありません",
    },
    "not-a-workbook": {
        "en": "cannot read the workbook ({detail})",
        "ja": "ブックを読み込めません（{detail}）",
    },
    "not-a-workbook.zip": {
        "en": "cannot read the workbook (encrypted or not an xlsx file)",
        "ja": "ブックを読み込めません（暗号化されているか、xlsx ファイルではありません）",
    },
    "not-a-workbook.damaged": {
        "en": "cannot read the workbook: the file is damaged (save it again from Excel or "
        "LibreOffice, or send it again)",
        "ja": "ブックを読み込めません。ファイルが壊れています（Excel か LibreOffice で"
        "保存し直すか、送り直してもらってください）",
    },
    "not-a-workbook.missing-sheet": {
        "en": "cannot read the workbook: its sheet {sheet!r} is missing from the file (save it "
        "again from Excel or LibreOffice, or send it again)",
        "ja": "ブックを読み込めません。シート {sheet!r} の中身がファイルにありません（Excel か "
        "LibreOffice で保存し直すか、送り直してもらってください）",
    },
    "not-a-workbook.xml": {
        "en": "cannot read the workbook: a part of it is not well-formed XML ({detail})",
        "ja": "ブックを読み込めません。中の XML が壊れています（{detail}）",
    },
    "csv-syntax": {"en": "malformed CSV: {detail}", "ja": "CSV の書式の誤り: {detail}"},
    "no-header": {
        "en": "no header row with an id column (ID, KPI id) and a value column (実績値, value) "
        "in the first {n} rows",
        "ja": "最初の {n} 行に、id の列（ID、KPI id）と値の列（実績値、value）のある"
        "見出し行がありません",
    },
    "no-header.any-sheet": {
        "en": "no header row with an id column (ID, KPI id) and a value column (実績値, value) "
        "in the first {n} rows of any sheet",
        "ja": "どのシートにも、最初の {n} 行に id の列（ID、KPI id）と値の列（実績値、"
        "value）のある見出し行がありません",
    },
    "template-year": {
        "en": "this sheet was made by `pdca template {made}`; its figures are not for {year} "
        "(import it as {made}, or fill in a template for {year})",
        "ja": "このシートは `pdca template {made}` で作成したもので、{year}年度の実績では"
        "ありません（{made}年度として取り込むか、{year}年度の記入シートに記入してください）",
    },
    "missing-id": {
        "en": "a figure without a KPI id in its row",
        "ja": "KPI id のない行に実績値があります",
    },
    "duplicate-kpi": {
        "en": "{id} is given twice (also at {at})",
        "ja": "{id} が2回記入されています（{at} にもあります）",
    },
    "merged-cell": {
        "en": "cells {ref} are merged over {n} rows: give each KPI its id and its figure in its "
        "own row (unmerge the cells)",
        "ja": "セル {ref} が {n} 行にわたって結合されています。KPI ごとに id と実績値を"
        "それぞれの行に記入してください（セルの結合を解除）",
    },
    "not-a-kpi-id": {
        "en": "{raw!r} is not a KPI id (ids look like share-of-…)",
        "ja": "{raw!r} は KPI id ではありません（id は share-of-… のような形です）",
    },
    "formula-without-value": {
        "en": "{id}: a formula ({formula}) whose value was never computed: open and save the "
        "file in Excel or LibreOffice, or type the figure",
        "ja": "{id}: 数式（{formula}）の値が計算されていません。Excel か LibreOffice で開いて"
        "保存するか、実績値を直接入力してください",
    },
    "text-without-figure.source": {
        "en": "{id}: a source without a figure is not recorded",
        "ja": "{id}: 実績値のない出典は記録されません",
    },
    "text-without-figure.note": {
        "en": "{id}: a note without a figure is not recorded",
        "ja": "{id}: 実績値のない備考は記録されません",
    },
    "not-a-number": {
        "en": "{pre}expected a number, got {got}",
        "ja": "{pre}数値を記入してください（値: {got}）",
    },
    "not-a-number.figure": {
        "en": "{pre}{raw!r} is not a figure (a number like 174,275 or 47.5; empty, －, 集計中 "
        "or 未集計 for no figure yet; remarks go in the note column)",
        "ja": "{pre}{raw!r} は実績値ではありません（174,275 や 47.5 のような数値を記入。"
        "まだ実績がなければ空欄・－・集計中・未集計、補足は備考の列へ）",
    },
    "not-a-number.number": {
        "en": "{pre}{raw!r} is not a number",
        "ja": "{pre}{raw!r} は数値ではありません",
    },
    "not-finite.figure": {
        "en": "{pre}expected a finite number, got {got}",
        "ja": "{pre}有限の数値を記入してください（値: {got}）",
    },
    "figure-range.figure": {
        "en": "{pre}a figure must be 0 or between 1e-9 and 1e15 in size, got {got}",
        "ja": "{pre}数値は 0 か、大きさが 1e-9 から 1e15 の間でなければなりません（値: {got}）",
    },
    "outlier": {
        "en": "{pre}{got}{unit} is out of all proportion to the baseline and target "
        "({low}{unit}): {likely}{unit}? A unit slip, most likely (if the figure is right, "
        "give --accept-outliers)",
        "ja": "{pre}{got}{unit} は基準値・目標値（{low}{unit}）と桁が大きく違います。"
        "{likely}{unit}? 単位の取り違えと思われます（正しい値なら --accept-outliers を"
        "付けてください）",
    },
    "outlier.range": {
        "en": "{pre}{got}{unit} is out of all proportion to the baseline and target "
        "({low}–{high}{unit}): {likely}{unit}? A unit slip, most likely (if the figure is "
        "right, give --accept-outliers)",
        "ja": "{pre}{got}{unit} は基準値・目標値（{low}〜{high}{unit}）と桁が大きく違います。"
        "{likely}{unit}? 単位の取り違えと思われます（正しい値なら --accept-outliers を"
        "付けてください）",
    },
    "cell-error": {
        "en": "{pre}{raw!r}: the cell shows a spreadsheet error, not a figure (correct the "
        "formula, or type the figure)",
        "ja": "{pre}{raw!r}: セルに表計算のエラーが表示されています（数式を直すか、実績値を"
        "直接入力してください）",
    },
    "bad-number": {
        "en": "{pre}{raw!r}: digits are grouped in threes (174,275)",
        "ja": "{pre}{raw!r}: 桁区切りは3桁ごとです（174,275）",
    },
    "wrong-unit": {
        "en": "{pre}{raw!r}: the unit {found!r} does not match (its unit is {unit!r})",
        "ja": "{pre}{raw!r}: 単位 {found!r} が合いません（この KPI の単位は {unit!r}）",
    },
    "wrong-unit.none": {
        "en": "{pre}{raw!r}: the unit {found!r} does not match (it has no unit)",
        "ja": "{pre}{raw!r}: 単位 {found!r} が合いません（この KPI には単位がありません）",
    },
    "wrong-unit.percent-cell": {
        "en": "{id}: the cell is formatted as a percentage; its unit is {unit!r}",
        "ja": "{id}: セルの書式がパーセントですが、この KPI の単位は {unit!r} です",
    },
    "conflict": {
        "en": "{id}: {parts} (use --overwrite to replace it)",
        "ja": "{id}: 記録済みの値と異なります — {parts}。"
        "置き換えるには --overwrite を付けてください",
    },
    "conflict.at": {
        "en": "{id}: {parts} at {at} (use --overwrite to replace it)",
        "ja": "{id}: 記録済みの値と異なります — {parts}（記録箇所 {at}）。"
        "置き換えるには --overwrite を付けてください",
    },
}
