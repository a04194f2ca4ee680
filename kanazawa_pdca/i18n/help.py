"""The command line's part of the message catalogue: every command's and option's help, the
help page's headings, the usage errors and the lines the commands print.

code -> {"ja": template, "en": template}; `text(code, lang, **values)` reads this table
as part of the one catalogue. A command's help is `help-NAME` (what it does), with
`help-NAME-short` (its line in `pdca --help`), `help-NAME-examples` and `help-NAME-exits`.
An option's is `opt-…`, an argument's `arg-…`; `{choices}` is filled with the choices of
the option (its formats, statuses…).
"""

from __future__ import annotations

HELP: dict[str, dict[str, str]] = {
    # --- the help page --------------------------------------------------------------------
    "help-usage": {"ja": "使い方:", "en": "Usage:"},
    "help-arguments": {"ja": "引数:", "en": "Arguments:"},
    "help-options": {"ja": "オプション:", "en": "Options:"},
    "help-commands": {"ja": "コマンド:", "en": "Commands:"},
    "help-examples": {"ja": "例:", "en": "Examples:"},
    "help-exit-codes": {"ja": "終了コード:", "en": "Exit codes:"},
    "help-default": {"ja": "既定: {value}", "en": "default: {value}"},
    "help-envvar": {"ja": "環境変数: {name}", "en": "env var: {name}"},
    "help-required": {"ja": "必須", "en": "required"},
    "help-options-placeholder": {"ja": "[OPTIONS]", "en": "[OPTIONS]"},
    "help-command-placeholder": {"ja": "COMMAND [ARGS]...", "en": "COMMAND [ARGS]..."},
    "opt-help": {"ja": "このヘルプを表示して終了します。", "en": "Show this help and exit."},
    "opt-version": {"ja": "バージョンを表示して終了します。", "en": "Print the version and exit."},
    "opt-install-completion": {
        "ja": "いまのシェル（bash、zsh、fish）に補完を設定します。",
        "en": "Install completion for the current shell (bash, zsh, fish).",
    },
    "opt-show-completion": {
        "ja": "いまのシェルの補完スクリプトを表示します（設定を自分で行うとき）。",
        "en": "Show the completion script for the current shell, to install it yourself.",
    },
    "completion-installed": {
        "ja": "{shell} の補完を {path} に設定しました。端末を開き直すと有効になります。",
        "en": "{shell} completion installed in {path}; it takes effect in a new terminal.",
    },
    "completion-unsupported": {
        "ja": "pdca: シェル {shell} の補完には対応していません（bash、zsh、fish、PowerShell）",
        "en": "pdca: no completion for the shell {shell} (bash, zsh, fish, PowerShell)",
    },
    # --- pdca -----------------------------------------------------------------------------
    "help-pdca": {
        "ja": "総合戦略の KPI 進捗チェッカー（同梱の既定の戦略は第3次金沢版総合戦略、"
        "2024〜2028年度）。\n"
        "pdca check 2026 で 2026年度の各 KPI の状況、pdca validate で YAML の検査、\n"
        "pdca report 2026 -o report.html で推進会議向けのレポート。\n"
        "自分の戦略を始めるには pdca init DIR。\n"
        "言語は --lang ja|en または環境変数 PDCA_LANG（既定は日本語）。\n"
        "各コマンドの説明は pdca COMMAND -h。",
        "en": "PDCA progress checker for a comprehensive strategy's KPIs (the bundled default "
        "is Kanazawa City's third comprehensive strategy, 第3次金沢版総合戦略, FY2024–FY2028).\n"
        "pdca check 2026 shows where every KPI stands in FY2026; pdca validate checks the "
        "YAML; pdca report 2026 -o report.html writes a report for the committee; "
        "pdca init DIR starts a strategy of your own.\n"
        "Language: --lang ja|en or PDCA_LANG (Japanese by default).\n"
        "Help on a command: pdca COMMAND -h.",
    },
    "help-pdca-examples": {
        "ja": "pdca check 2026\n    2026年度の KPI の状況を表で\n"
        "pdca --lang en check R8 -f markdown\n    英語で、Markdown で\n"
        "pdca --install-completion\n    シェルの補完を設定",
        "en": "pdca check 2026\n    where every KPI stands in FY2026, as a table\n"
        "pdca --lang en check R8 -f markdown\n    in English, as Markdown\n"
        "pdca --install-completion\n    set up completion in your shell",
    },
    "help-pdca-exits": {
        "ja": "0  正常終了\n1  --fail-on などの条件に当たる KPI があった\n"
        "2  入力ファイルの誤り、または使い方の誤り",
        "en": "0  ok\n1  a KPI met a --fail-on condition (or the like)\n"
        "2  a problem in an input file, or a usage error",
    },
    # --- the commands' lines in `pdca --help` ---------------------------------------------
    "help-validate-short": {
        "ja": "YAML の検査（戦略・実績・評価）",
        "en": "validate the strategy, actuals and reviews",
    },
    "help-kpis-short": {"ja": "KPI の一覧", "en": "list the strategy's KPIs"},
    "help-check-short": {"ja": "KPI の進捗判定", "en": "assess every KPI in YEAR"},
    "help-diff-short": {"ja": "2 年度の比較", "en": "how each KPI moved from Y0 to Y1"},
    "help-show-short": {"ja": "KPI 1 件の詳細", "en": "one KPI in full"},
    "help-report-short": {"ja": "推進会議向けレポート", "en": "the report for the committee"},
    "help-schema-short": {"ja": "エディタ用 JSON Schema", "en": "JSON Schema for editors"},
    "help-template-short": {"ja": "記入用シート", "en": "a fill-in sheet for YEAR"},
    "help-record-short": {"ja": "実績を 1 件記録", "en": "record one figure"},
    "help-import-short": {"ja": "記入済みシートの取り込み", "en": "import filled sheets"},
    "help-missing-short": {"ja": "未記録の KPI", "en": "KPIs with no figure for YEAR yet"},
    "help-init-short": {"ja": "新しい戦略のフォルダ", "en": "start a strategy of your own"},
    # --- validate -------------------------------------------------------------------------
    "help-validate": {
        "ja": "戦略ファイル、すべての実績ファイルと評価ファイルを検査し、その内容の件数を"
        "表示します。誤りはすべて FILE:LINE:COL の形で一度に表示します。",
        "en": "Validate the strategy, every actuals file and every review; print what they "
        "hold. Every problem is listed at once, as FILE:LINE:COL.",
    },
    "help-validate-examples": {
        "ja": "pdca validate\n    ./data（なければ同梱のデータ）を検査\n"
        "pdca validate --actuals examples/demo-actuals\n    別の実績フォルダを検査\n"
        "pdca validate -f github\n    GitHub Actions の注釈として",
        "en": "pdca validate\n    check ./data (or the bundled data)\n"
        "pdca validate --actuals examples/demo-actuals\n    check another actuals folder\n"
        "pdca validate -f github\n    as GitHub Actions annotations",
    },
    "help-validate-exits": {
        "ja": "0  誤りなし（警告はあってもよい）\n2  誤りあり、または使い方の誤り",
        "en": "0  no errors (warnings allowed)\n2  errors found, or a usage error",
    },
    "opt-validate-format": {
        "ja": "出力形式: {choices}（github は GitHub Actions の注釈）。",
        "en": "Output format: {choices} (github: GitHub Actions annotations).",
    },
    # --- kpis -----------------------------------------------------------------------------
    "help-kpis": {
        "ja": "戦略の KPI の一覧: 基準値 → 目標値、種類、掲載箇所。",
        "en": "List the strategy's KPIs: baseline -> target, kind and where each is printed.",
    },
    "help-kpis-examples": {
        "ja": "pdca kpis\n    すべての KPI を表で\n"
        "pdca kpis -g 2\n    基本目標2 の KPI だけ\n"
        "pdca kpis -f csv -o kpis.csv\n    CSV ファイルに",
        "en": "pdca kpis\n    every KPI, as a table\n"
        "pdca kpis -g 2\n    only basic goal 2's KPIs\n"
        "pdca kpis -f csv -o kpis.csv\n    to a CSV file",
    },
    "help-kpis-exits": {
        "ja": "0  正常終了\n2  戦略ファイルの誤り、または使い方の誤り",
        "en": "0  ok\n2  a problem in the strategy file, or a usage error",
    },
    "opt-kpis-format": {"ja": "出力形式: {choices}。", "en": "Output format: {choices}."},
    # --- check ----------------------------------------------------------------------------
    "help-check": {
        "ja": "YEAR 年度の各 KPI を、基準値から目標値への直線と比べて判定します。\n"
        "推進会議が評価（data/reviews/YEAR.yaml）で変更した状況は会議のもの"
        "（✎ と理由つき）とし、--fail-on でもそのように数えます。",
        "en": "Assess every KPI in YEAR against its straight line from baseline to target.\n"
        "A status the committee overrode in its review of YEAR (data/reviews/YEAR.yaml) "
        "is the committee's, marked ✎ with its reason, and counts as such for --fail-on.",
    },
    "help-check-examples": {
        "ja": "pdca check 2026\n    2026年度の状況を表で\n"
        "pdca check R8 -f json --actuals examples/demo-actuals\n    JSON で、別の実績フォルダから\n"
        "pdca check 2026 --fail-on off-track -f github\n"
        "    CI で: 遅れ以下の KPI があれば終了コード 1",
        "en": "pdca check 2026\n    FY2026 as a table\n"
        "pdca check R8 -f json --actuals examples/demo-actuals\n"
        "    as JSON, from another actuals folder\n"
        "pdca check 2026 --fail-on off-track -f github\n"
        "    in CI: exit 1 when any KPI is off track or worse",
    },
    "help-check-exits": {
        "ja": "0  正常終了\n1  --fail-on または --fail-on-worse に当たる KPI があった\n"
        "2  入力ファイルの誤り、または使い方の誤り",
        "en": "0  ok\n1  a KPI met --fail-on or --fail-on-worse\n"
        "2  a problem in an input file, or a usage error",
    },
    "opt-check-format": {
        "ja": "出力形式: {choices}（xlsx は -o FILE.xlsx とともに）。",
        "en": "Output format: {choices} (xlsx with -o FILE.xlsx).",
    },
    "opt-bom": {
        "ja": "CSV: 日本語の Excel が読めるよう UTF-8 の BOM を付ける"
        "（既定: -o のときは付け、標準出力には付けない）。",
        "en": "CSV: start with a UTF-8 BOM so that Japanese Excel reads it "
        "(default: with -o, yes; to standard output, no).",
    },
    "opt-status": {
        "ja": "この状況の KPI だけ（繰り返し可）。例: off-track または 遅れ。",
        "en": "Only KPIs in this status (repeatable), e.g. off-track or 遅れ.",
    },
    "opt-fail-on": {
        "ja": "この状況以下の KPI があれば終了コード 1"
        "（achieved 達成 > on-track 順調 > behind やや遅れ > off-track 遅れ > regressing 後退）。",
        "en": "Exit 1 when any KPI is at or below this status "
        "(achieved > on-track > behind > off-track > regressing).",
    },
    "opt-summary": {
        "ja": "基本目標ごとの集計だけ（表形式）。",
        "en": "Only the per-goal summary (table format).",
    },
    "opt-outlook": {
        "ja": "表: 見込みの列（目標年度への見通し）と未達見込みの件数"
        "（既定: 端末の幅が 140 桁以上のとき）。",
        "en": "Table: the 見込み column (the projection to the target year) and the count "
        "projected to miss (default: when the terminal is 140 columns or wider).",
    },
    "opt-compare": {
        "ja": "Y0 年度からの各 KPI の動きも表示（pdca diff Y0 YEAR と同じ）。",
        "en": "Also show how each KPI moved since the year Y0 (as pdca diff Y0 YEAR).",
    },
    "opt-fail-on-worse": {
        "ja": "Y0 年度より状況が下がった KPI があれば終了コード 1。",
        "en": "Exit 1 when any KPI's status went down since Y0.",
    },
    # --- diff -----------------------------------------------------------------------------
    "help-diff": {
        "ja": "2 つの年度を比べ、各 KPI が Y0 から Y1 へどう動いたかを示します。\n"
        "各年度は pdca check と同じく判定します。動き: 改善 / 悪化（状況が上がった / 下がった。"
        "達成 > 順調 > やや遅れ > 遅れ > 後退）、変化なし、新規（Y1 だけ判定可）、"
        "判定不能（Y0 だけ）。変化 = 実績の変化（望ましい向きを正）。",
        "en": "Compare two years: how each KPI moved from Y0 to Y1.\n"
        "Each year is assessed exactly as pdca check would. Movement: improved / worsened "
        "(the status went up / down achieved > on-track > behind > off-track > regressing), "
        "unchanged, new (assessable only in Y1), lost (only in Y0); change = the figure's "
        "change, positive in the desired direction.",
    },
    "help-diff-examples": {
        "ja": "pdca diff 2025 2026\n    動いた KPI を表で\n"
        "pdca diff R7 R8 --all\n    変化のない KPI も\n"
        "pdca diff 2025 2026 --fail-on-worse\n    悪化した KPI があれば終了コード 1",
        "en": "pdca diff 2025 2026\n    the KPIs that moved, as a table\n"
        "pdca diff R7 R8 --all\n    the unchanged KPIs too\n"
        "pdca diff 2025 2026 --fail-on-worse\n    exit 1 when any KPI worsened",
    },
    "help-diff-exits": {
        "ja": "0  正常終了\n1  --fail-on-worse で悪化した KPI があった\n"
        "2  入力ファイルの誤り、または使い方の誤り",
        "en": "0  ok\n1  --fail-on-worse and a KPI worsened\n"
        "2  a problem in an input file, or a usage error",
    },
    "opt-diff-format": {"ja": "出力形式: {choices}。", "en": "Output format: {choices}."},
    "opt-all": {"ja": "表: 変化のない KPI も表示。", "en": "Table: list the unchanged KPIs too."},
    "arg-y0": {
        "ja": "比べる前の年度: 2026, FY2026, 2026年度, R8, 令和8 または 令和8年度。",
        "en": "The earlier fiscal year: 2026, FY2026, 2026年度, R8, 令和8 or 令和8年度.",
    },
    "arg-y1": {
        "ja": "比べる後の年度: 2026, FY2026, 2026年度, R8, 令和8 または 令和8年度。",
        "en": "The later fiscal year: 2026, FY2026, 2026年度, R8, 令和8 or 令和8年度.",
    },
    # --- show -----------------------------------------------------------------------------
    "help-show": {
        "ja": "KPI 1 件のすべて: 掲載箇所、各実績と出典・備考、各年度の期待値と状況"
        "（pdca check と同じ）、目標年度への見込み、期待値の直線と実績のグラフ。",
        "en": "Show one KPI in full: where it is printed, every figure with its source and "
        "note, each year's expected value and status (as pdca check gives them), the "
        "outlook to the target year, and a chart of the expected line against the figures.",
    },
    "help-show-examples": {
        "ja": "pdca show childcare-app-downloads\n    id で\n"
        "pdca show 子育てアプリ\n    名前の一部で（その KPI だけが持つもの）\n"
        "pdca show childcare-app-downloads -y 2025 -f json\n    2025年度から、JSON で",
        "en": "pdca show childcare-app-downloads\n    by its id\n"
        "pdca show 子育てアプリ\n    by a part of its name that only it has\n"
        "pdca show childcare-app-downloads -y 2025 -f json\n    from FY2025, as JSON",
    },
    "help-show-exits": {
        "ja": "0  正常終了\n2  KPI が見つからない・1 件に決まらない、入力ファイルの誤り、"
        "または使い方の誤り",
        "en": "0  ok\n2  no such KPI (or several match), a problem in an input file, "
        "or a usage error",
    },
    "arg-show-kpi": {
        "ja": "KPI の id、またはその KPI だけが持つ日本語名・英語名の一部。",
        "en": "A KPI id, or a fragment of its Japanese or English name that only it has.",
    },
    "opt-show-year": {
        "ja": "判定と見込みの基準にする年度（既定: 実績のある最新の年度）。",
        "en": "The year to assess and project from (default: the latest actuals year).",
    },
    "opt-show-format": {
        "ja": "出力形式: {choices}（text はグラフつき）。",
        "en": "Output format: {choices} (text with a chart).",
    },
    "opt-chart": {"ja": "text: グラフを描く。", "en": "Text: draw the chart."},
    # --- report ---------------------------------------------------------------------------
    "help-report": {
        "ja": "推進会議向けのレポートを書きます: 1 ページ目に集計と要注意の一覧、"
        "続いて会議の評価と、各 KPI のグラフ・前年度からの動き・見込み。",
        "en": "Write the report for the committee's meeting: page 1 with the summary and the "
        "要注意 list, then the committee's review and every KPI with its chart, movement "
        "since last year and outlook.",
    },
    "help-report-examples": {
        "ja": "pdca report 2026 -o report.html\n    1 ファイルで完結する HTML"
        "（PDF はブラウザから A4 縦で印刷）\n"
        "pdca report R8 -o report.md\n    Markdown で\n"
        "pdca report 2026 -o short.html --no-charts\n    グラフなしの短いレポート",
        "en": "pdca report 2026 -o report.html\n    one self-contained HTML page "
        "(for a PDF, print it from a browser, A4 portrait)\n"
        "pdca report R8 -o report.md\n    as Markdown\n"
        "pdca report 2026 -o short.html --no-charts\n    a shorter report without charts",
    },
    "help-report-exits": {
        "ja": "0  書き込んだ\n2  入力ファイルの誤り、書けない出力先、または使い方の誤り",
        "en": "0  written\n2  a problem in an input file, an output it cannot write, "
        "or a usage error",
    },
    "opt-report-output": {
        "ja": "レポートのファイル: .html（1 ファイルで完結）または .md。"
        "PDF はブラウザで HTML を印刷（A4 縦、ページ番号つき）。",
        "en": "The report file: .html (one self-contained page) or .md. For a PDF, print "
        "the HTML from a browser (A4 portrait, page numbers included).",
    },
    "opt-report-format": {
        "ja": "形式: {choices}（既定: ファイルの拡張子から）。",
        "en": "Format: {choices} (default: from the file's suffix).",
    },
    "opt-no-charts": {
        "ja": "グラフを入れない（短いレポート）。",
        "en": "Leave the charts out (a shorter report).",
    },
    # --- schema ---------------------------------------------------------------------------
    "help-schema": {
        "ja": "YAML ファイルの種類ごとの JSON Schema を表示します（エディタの"
        "yaml-language-server 用。実績と評価のスキーマは戦略の KPI id を含みます）。",
        "en": "Print the JSON Schema of a kind of YAML file, for editors "
        "(yaml-language-server; the actuals and reviews schemas name the strategy's KPI ids).",
    },
    "help-schema-examples": {
        "ja": "pdca schema strategy\n    戦略ファイルのスキーマ\n"
        "pdca schema actuals -o schemas/actuals.schema.json\n"
        "    実績ファイルのスキーマをファイルに",
        "en": "pdca schema strategy\n    the strategy file's schema\n"
        "pdca schema actuals -o schemas/actuals.schema.json\n    the actuals schema, to a file",
    },
    "help-schema-exits": {
        "ja": "0  正常終了\n2  戦略ファイルの誤り、または使い方の誤り",
        "en": "0  ok\n2  a problem in the strategy file, or a usage error",
    },
    "arg-schema-kind": {
        "ja": "{choices}: strategy（data/strategy.yaml）、actuals（data/actuals/*.yaml）、"
        "reviews（data/reviews/*.yaml）。",
        "en": "{choices}: strategy (data/strategy.yaml), actuals (data/actuals/*.yaml) or "
        "reviews (data/reviews/*.yaml).",
    },
    # --- template -------------------------------------------------------------------------
    "help-template": {
        "ja": "YEAR 年度の記入用シートを書きます: KPI ごとに 1 行、基準値・目標値・前回の"
        "実績・期待値と、空欄の実績値・出典・備考の列。",
        "en": "Write a fill-in sheet for YEAR: one row per KPI with its baseline, target, last "
        "figure and expected value, and empty value / source / note columns.",
    },
    "help-template-examples": {
        "ja": "pdca template 2026 -o 2026.xlsx\n    Excel のシート\n"
        "pdca template R8 -g 1 -o goal1.csv\n    基本目標1 だけを CSV で\n"
        "pdca template 2027 --missing -o 未提出.xlsx\n    未提出の KPI だけのシート",
        "en": "pdca template 2026 -o 2026.xlsx\n    an Excel sheet\n"
        "pdca template R8 -g 1 -o goal1.csv --lang en\n    basic goal 1 only, as CSV, in English\n"
        "pdca template 2027 --missing -o missing.xlsx\n    only the KPIs with no figure yet",
    },
    "help-template-exits": {
        "ja": "0  書き込んだ\n"
        "2  入力ファイルの誤り、既存の FILE（--force なし）、または使い方の誤り",
        "en": "0  written\n2  a problem in an input file, an existing FILE (without --force), "
        "or a usage error",
    },
    "opt-template-output": {
        "ja": "書き込むシート: FILE.xlsx または FILE.csv。",
        "en": "The sheet to write: FILE.xlsx or FILE.csv.",
    },
    "opt-template-missing": {
        "ja": "YEAR 年度の実績がまだない KPI（pdca missing の一覧）だけのシートにする。",
        "en": "Only the KPIs with no figure for YEAR yet (those pdca missing lists).",
    },
    "opt-force": {
        "ja": "FILE があれば置き換える（なければ拒否）。",
        "en": "Replace FILE if it exists (else: refused).",
    },
    # --- record ---------------------------------------------------------------------------
    "help-record": {
        "ja": "実績を 1 件 <actuals>/YEAR.yaml に記録します（コメントや他の記録はそのまま）。",
        "en": "Record one figure in <actuals>/YEAR.yaml (comments and other entries kept).",
    },
    "help-record-examples": {
        "ja": "pdca record 2026 childcare-app-downloads 174,275 --source 市調べ\n"
        "    出典つきで記録\n"
        "pdca record R8 childcare-usage-rate-age1 75.1% --dry-run\n"
        "    書き込まずに変更を確認\n"
        "pdca record 2026 childcare-app-downloads 180000 --overwrite\n"
        "    記録済みの値を置き換え",
        "en": "pdca record 2026 childcare-app-downloads 174,275 --source 市調べ\n"
        "    with its source\n"
        "pdca record R8 childcare-usage-rate-age1 75.1% --dry-run\n"
        "    show the change, write nothing\n"
        "pdca record 2026 childcare-app-downloads 180000 --overwrite\n"
        "    replace a recorded figure",
    },
    "help-record-exits": {
        "ja": "0  記録した（または --dry-run）\n"
        "2  入力ファイルの誤り、記録済みの値との食い違い（--overwrite なし）、または使い方の誤り",
        "en": "0  recorded (or --dry-run)\n2  a problem in an input file, a conflict with a "
        "recorded figure (without --overwrite), or a usage error",
    },
    "arg-record-kpi": {
        "ja": "KPI の id（pdca kpis で一覧）、またはその KPI だけが持つ日本語名・英語名の一部"
        "（pdca show と同じ）。",
        "en": "A KPI id (see pdca kpis), or a fragment of its Japanese or English name that "
        "only it has (as pdca show takes).",
    },
    "arg-record-value": {
        "ja": "実績値: 174,275 / 47.5 / 47.5% / △1.5（全角数字も可）。",
        "en": "The figure: 174,275 / 47.5 / 47.5% / △1.5 (full-width digits are fine).",
    },
    "opt-source": {"ja": "実績の出典。", "en": "Where the figure comes from."},
    "opt-note": {
        "ja": "読む人に伝えること（例: 速報値）。",
        "en": "What a reader should know (e.g. 速報値).",
    },
    "opt-dry-run": {
        "ja": "変わる内容（件数と差分）を表示するだけで、何も書き込まない。",
        "en": "Show what would change (counts and a diff); write nothing.",
    },
    "opt-overwrite": {
        "ja": "記録済みで異なる値を置き換える（なければ食い違いとして拒否）。",
        "en": "Replace figures already recorded that differ (else: a conflict).",
    },
    "opt-accept-outliers": {
        "ja": "基準値・目標値と桁が大きく違う値（100倍超、100分の1未満。単位の取り違えの"
        "ことが多い）もそのまま記録する。",
        "en": "Record figures out of all proportion to the baseline and target (over 100 "
        "times, under a hundredth: usually a unit slip) as given.",
    },
    # --- import ---------------------------------------------------------------------------
    "help-import": {
        "ja": "記入済みのシート（pdca template のもの、または id と値の列のあるシート）を"
        "<actuals>/YEAR.yaml に取り込みます。問題はすべてそのセルの位置"
        "（FILE.xlsx:SHEET!C12）で表示し、1 つでもあれば何も書き込みません。",
        "en": "Import filled sheets (from pdca template, or any sheet with an id and a value "
        "column) into <actuals>/YEAR.yaml. Every problem is listed at its cell "
        "(FILE.xlsx:SHEET!C12); with any, nothing is written.",
    },
    "help-import-examples": {
        "ja": "pdca import 2026 2026.xlsx\n    記入済みのシートを取り込む\n"
        "pdca import R8 *.xlsx --dry-run\n    複数の課のシートを、書き込まずに確認",
        "en": "pdca import 2026 2026.xlsx\n    import a filled sheet\n"
        "pdca import R8 *.xlsx --dry-run\n    several departments' sheets, writing nothing",
    },
    "help-import-exits": {
        "ja": "0  取り込んだ（または --dry-run）\n"
        "2  シートや入力ファイルの誤り、記録済みの値との食い違い、または使い方の誤り",
        "en": "0  imported (or --dry-run)\n2  a problem in a sheet or an input file, a "
        "conflict with a recorded figure, or a usage error",
    },
    "arg-import-files": {
        "ja": "記入済みのシート: .xlsx、または .csv（UTF-8（BOM の有無は問わない）か Shift_JIS）。",
        "en": "Filled sheets: .xlsx, or .csv (UTF-8 with or without BOM, or Shift_JIS).",
    },
    # --- missing --------------------------------------------------------------------------
    "help-missing": {
        "ja": "YEAR 年度の実績がまだない KPI を、基本目標・施策ごとに表示します（担当課への"
        "確認に）。",
        "en": "List the KPIs with no figure for YEAR yet, by goal and policy (to chase "
        "departments).",
    },
    "help-missing-examples": {
        "ja": "pdca missing 2026\n    未記録の KPI の一覧\n"
        "pdca missing R8 --fail\n    1 件でもあれば終了コード 1（CI 用）\n"
        "pdca missing 2027 -f csv -o 未提出.csv\n    担当課への確認用に CSV で",
        "en": "pdca missing 2026\n    the KPIs still without a figure\n"
        "pdca missing R8 --fail\n    exit 1 when there is any (for CI)\n"
        "pdca missing 2027 -f json\n    by goal and policy, for a script",
    },
    "help-missing-exits": {
        "ja": "0  正常終了\n1  --fail で未記録の KPI があった\n"
        "2  入力ファイルの誤り、または使い方の誤り",
        "en": "0  ok\n1  --fail and a KPI has no figure\n"
        "2  a problem in an input file, or a usage error",
    },
    "opt-missing-format": {
        "ja": "出力形式: table（既定。最後に次の手順）、json（基本目標・施策ごと）、csv"
        "（KPI ごとに 1 行。-o のときは BOM 付き）。",
        "en": "Output format: table (default, ending with the next step), json (by goal and "
        "policy), csv (a row per KPI; with a BOM when written with -o).",
    },
    "opt-fail-missing": {
        "ja": "YEAR 年度の実績がない KPI があれば終了コード 1。",
        "en": "Exit 1 when any KPI has no figure for YEAR.",
    },
    # --- init ---------------------------------------------------------------------------
    "help-init": {
        "ja": "新しい戦略のフォルダを作ります: DIR/data/strategy.yaml（書き方のコメントつきの"
        "ひな形。そのまま pdca validate を通ります）と、実績（data/actuals）と評価"
        "（data/reviews）のフォルダ。あとは cd DIR && pdca check 2026。\n"
        "KPI の一覧表（1 行 1 KPI の xlsx か csv）から作るときは --from FILE。列は"
        "基本目標、施策（任意）、KPI名、単位、方向（増加/減少/維持）、基準値、基準年度、"
        "目標値、目標年度、種別（水準/累計/期間合計/期間平均。既定は水準）、中間目標"
        "（任意。R7:95, R9:97）、備考（任意）、id（任意。なければ kpi-001 …）です。"
        "誤りのあるセルはすべて FILE.xlsx:SHEET!C12 の形で示し、何も書き込みません。",
        "en": "Make a new strategy folder: DIR/data/strategy.yaml (a skeleton with comments "
        "saying what to fill in; it passes pdca validate as it is) and the actuals "
        "(data/actuals) and reviews (data/reviews) folders; then cd DIR && pdca check 2026.\n"
        "With --from FILE, the strategy is built from a KPI list (xlsx or csv, one row per "
        "KPI). Its columns, in Japanese or English: 基本目標 (goal), 施策 (policy, "
        "optional), KPI名 (name), 単位 (unit), 方向 (direction: 増加/減少/維持), 基準値 "
        "(baseline), 基準年度 (baseline year), 目標値 (target), 目標年度 (target year), 種別 "
        "(kind: 水準/累計/期間合計/期間平均, default 水準), 中間目標 (milestones, optional: "
        "R7:95, R9:97), 備考 (note, optional), id (optional: kpi-001 … when absent). Every "
        "bad cell is reported at once as FILE.xlsx:SHEET!C12, and nothing is written.",
    },
    "help-init-examples": {
        "ja": "pdca init ○○市\n    ひな形の戦略フォルダを作る\n"
        "pdca init ○○市 --from KPI一覧.xlsx\n    KPI の一覧表から作る",
        "en": "pdca init my-town\n    a skeleton strategy folder\n"
        "pdca init my-town --from kpis.xlsx\n    built from the KPI list",
    },
    "help-init-exits": {
        "ja": "0  作成した\n"
        "2  一覧表の誤り、既存の DIR/data/strategy.yaml（--force なし）、または使い方の誤り",
        "en": "0  made\n2  a problem in the KPI list, an existing DIR/data/strategy.yaml "
        "(without --force), or a usage error",
    },
    "arg-init-dir": {
        "ja": "作るフォルダ（なければ作成）。",
        "en": "The folder to make (created if absent).",
    },
    "opt-init-from": {
        "ja": "KPI の一覧表（.xlsx または .csv）から戦略を作る。",
        "en": "Build the strategy from a KPI list (.xlsx or .csv).",
    },
    "opt-init-force": {
        "ja": "DIR/data/strategy.yaml があれば置き換える（なければ拒否）。",
        "en": "Replace DIR/data/strategy.yaml if it exists (else: refused).",
    },
    # --- shared options -------------------------------------------------------------------
    "arg-year": {
        "ja": "年度: 2026, FY2026, 2026年度, R8, 令和8 または 令和8年度。",
        "en": "Fiscal year: 2026, FY2026, 2026年度, R8, 令和8 or 令和8年度.",
    },
    "opt-strategy": {
        "ja": "戦略ファイル。既定: $PDCA_STRATEGY、./data/strategy.yaml、同梱のもの。",
        "en": "Strategy file. Default: $PDCA_STRATEGY, ./data/strategy.yaml, the bundled copy.",
    },
    "opt-actuals": {
        "ja": "実績（<年度>.yaml）のフォルダ。既定: $PDCA_ACTUALS、./data/actuals、同梱のもの。",
        "en": "Folder of <year>.yaml actuals. Default: $PDCA_ACTUALS, ./data/actuals, bundled.",
    },
    "opt-reviews": {
        "ja": "推進会議の評価（<年度>.yaml）のフォルダ。"
        "既定: $PDCA_REVIEWS、./data/reviews、同梱のもの。",
        "en": "Folder of the committee's <year>.yaml reviews. "
        "Default: $PDCA_REVIEWS, ./data/reviews, bundled.",
    },
    "opt-lang": {
        "ja": "言語: {choices}（既定: $PDCA_LANG、なければ ja）。",
        "en": "Language: {choices} (default: $PDCA_LANG, else ja).",
    },
    "opt-output": {
        "ja": "標準出力でなくこのファイルに書く（通常のファイル。戦略ファイルや"
        "実績・評価のフォルダの中は不可）。",
        "en": "Write to this file instead of standard output (a regular file; never the "
        "strategy nor into the actuals or reviews folder).",
    },
    "opt-width": {
        "ja": "表を N 桁に合わせる（既定: 端末の幅。パイプでは表の自然な幅）。60 以上。",
        "en": "Lay the table out for N columns (default: the terminal's; piped: the "
        "table's own). At least 60.",
    },
    "opt-color": {
        "ja": "色: {choices}（auto は端末のとき。NO_COLOR があれば色なし）。",
        "en": "Colour: {choices} (auto: on a terminal, unless NO_COLOR is set).",
    },
    "opt-goal": {
        "ja": "この基本目標だけ（繰り返し可、まとめて -g 1,3 も可）。",
        "en": "Only this basic goal (repeatable, or several at once: -g 1,3).",
    },
    "opt-strict": {
        "ja": "YEAR 年度の実績だけを使う（それより前の実績は使わない）。",
        "en": "Use only YEAR's figures, not older ones.",
    },
    "opt-on-track": {
        "ja": "順調の基準、0 より大きく 2 以下の比率: 1、0.9 または 90%"
        "（既定: 戦略ファイルから）。",
        "en": "On-track threshold, a ratio in (0, 2]: 1, 0.9 or 90% "
        "(default: from the strategy file).",
    },
    "opt-behind": {
        "ja": "やや遅れの基準、--on-track より小さい比率: 0.6 または 60%"
        "（既定: 戦略ファイルから）。",
        "en": "Behind threshold, a ratio below --on-track: 0.6 or 60% "
        "(default: from the strategy file).",
    },
    # --- usage errors (one line: `usage` above says where) --------------------------------
    "usage-no-such-command": {
        "ja": "コマンド {name!r} はありません{suggest}",
        "en": "no such command {name!r}{suggest}",
    },
    "usage-did-you-mean": {"ja": "（{names} のことですか？）", "en": " (did you mean {names}?)"},
    "usage-no-such-option": {
        "ja": "オプション {option} はありません{suggest}",
        "en": "no such option {option}{suggest}",
    },
    "usage-missing-argument": {"ja": "引数 {name} がありません", "en": "missing argument {name}"},
    "usage-missing-option": {
        "ja": "オプション {name} を指定してください",
        "en": "missing option {name}",
    },
    "usage-needs-value": {"ja": "{option} には値が必要です", "en": "{option} needs a value"},
    "usage-takes-no-value": {
        "ja": "{option} は値をとりません",
        "en": "{option} takes no value",
    },
    "usage-extra-arguments": {
        "ja": "余分な引数があります: {args}",
        "en": "unexpected extra argument{s}: {args}",
    },
    "usage-bad-choice": {
        "ja": "{value!r} は使えません（{choices} のいずれか）",
        "en": "{value!r} is not one of {choices}",
    },
    "usage-not-a-number": {
        "ja": "{value!r} は整数ではありません",
        "en": "{value!r} is not a whole number",
    },
    "usage-too-small": {
        "ja": "{value} は小さすぎます（{min} 以上）",
        "en": "{value} is too small (at least {min})",
    },
    "usage-bad-value": {"ja": "{value!r} は使えない値です", "en": "{value!r} is not a valid value"},
    "compare-order": {  # not year-order: that is the strategy's check (catalogue.py)
        "ja": "Y0（{year0}）は {year1} より前の年度にしてください",
        "en": "Y0 ({year0}) must come before {year1}",
    },
    "needs-compare": {"ja": "--compare Y0 が必要です", "en": "needs --compare Y0"},
    "compare-formats": {
        "ja": "--format {formats} のときだけ使えます",
        "en": "works with --format {formats}",
    },
    "xlsx-needs-output": {
        "ja": "--format xlsx はブックを書きます: -o FILE.xlsx を指定してください",
        "en": "--format xlsx writes a workbook: give -o FILE.xlsx",
    },
    # --- what the commands say ------------------------------------------------------------
    "fail-on-worse": {
        "ja": "pdca: {year}年度より悪化した KPI が {n} 件: {ids}",
        "en": "pdca: {n} KPI{n_s} worsened since {year}: {ids}",
    },
    "kpi-ambiguous": {
        "ja": "pdca {command}: {query} に当てはまる KPI が {n} 件あります。id で指定してください:",
        "en": "pdca {command}: {query} matches {n} KPIs; give one of their ids:",
    },
    "kpi-more": {"ja": "  … ほか {n} 件", "en": "  … and {n} more"},
    "kpi-no-match": {
        "ja": "pdca {command}: {query} に当てはまる KPI はありません",
        "en": "pdca {command}: no KPI matches {query}",
    },
    "kpi-no-match-suggest": {
        "ja": "pdca {command}: {query} に当てはまる KPI はありません。次のことですか:",
        "en": "pdca {command}: no KPI matches {query}; did you mean:",
    },
    "kpi-list-hint": {
        "ja": "KPI の一覧は `pdca kpis` で表示できます。",
        "en": "List every KPI with `pdca kpis`.",
    },
    "report-written": {
        "ja": "pdca: {path} を書きました（KPI {n} 件、{year}）",
        "en": "pdca: wrote {path} ({n} KPIs, {year})",
    },
    "report-unsupported": {
        "ja": "pdca report が書くのは HTML（.html）か Markdown（.md）で、{suffix} は書けません。"
        "{hint}",
        "en": "pdca report writes HTML (.html) or Markdown (.md), not {suffix}; {hint}",
    },
    "report-pdf-hint": {
        "ja": "report.html を書き、ブラウザから PDF に印刷してください（A4 縦）",
        "en": "write report.html and print it to PDF from a browser (A4 portrait)",
    },
    "report-suffix-hint": {
        "ja": "-o report.html か -o report.md を指定してください",
        "en": "use -o report.html or -o report.md",
    },
    "report-no-suffix": {"ja": "拡張子のないファイル", "en": "a file without a suffix"},
}
