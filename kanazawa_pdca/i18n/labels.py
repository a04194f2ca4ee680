"""Labels in Japanese (default) and English, and how each status is shown.

A status is always shown as colour + symbol + word, so its meaning never rests on
colour alone (NO_COLOR, monochrome printers, colour-blind readers).
"""

from __future__ import annotations

from ..trajectory import Status
from .messages import InLang, Lang

STATUS_STYLE: dict[Status, tuple[str, str]] = {
    # status: (symbol, rich style)
    Status.ACHIEVED: ("◎", "bold green"),
    Status.ON_TRACK: ("○", "green"),
    Status.BEHIND: ("△", "bold magenta"),  # not yellow: unreadable on a light background
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
    "grade": {"ja": "評定", "en": "Grade"},
    "summary": {"ja": "集計", "en": "Summary"},
    "total": {"ja": "合計", "en": "Total"},
    "share_good": {"ja": "達成・順調の割合", "en": "Share achieved or on track"},
    "share_good_short": {"ja": "達成・順調\nの割合", "en": "achieved or\non track"},
    "also_in": {"ja": "ほか", "en": "also in"},
    "kind": {"ja": "種類", "en": "Kind"},
    "direction": {"ja": "方向", "en": "Direction"},
    "measures": {"ja": "掲載箇所", "en": "Printed in"},
    "missing": {"ja": "欠測年度", "en": "missing years"},
    # where a figure comes from (data/actuals: source, note), shown under tables and in reports
    "provenance.source": {"ja": "出典", "en": "Source"},
    "provenance.note": {"ja": "備考", "en": "Note"},
    "provenance.notes": {"ja": "実績の備考", "en": "Notes on the figures"},
    "thresholds": {"ja": "判定基準", "en": "Thresholds"},
    "legend": {"ja": "凡例", "en": "Legend"},
    # the committee's review (data/reviews/<year>.yaml)
    "override.by": {"ja": "委員会判断", "en": "committee's status"},
    "override.computed": {"ja": "計算上", "en": "computed"},
    "override.legend": {
        "ja": "✎ = 推進会議（委員会）が判断した状況（計算上の状況を置き換え）",
        "en": "✎ = the status set by the committee (replacing the computed one)",
    },
    "explanation": {"ja": "要因分析", "en": "Explanation"},
    # CI annotations (formats/github.py), the report (report/), its charts and trend lines
    "ci.actual": {"ja": "実績", "en": "actual"},
    "ci.expected": {"ja": "期待値", "en": "expected"},
    "ci.attainment": {"ja": "達成度", "en": "attainment"},
    "ci.target": {"ja": "目標値", "en": "target"},
    "ci.sep": {"ja": "、", "en": ", "},
    "ci.missing": {"ja": "欠測年度 {years}", "en": "missing figures for {years}"},
    "ci.no_figure_in": {"ja": "{year}の実績なし", "en": "no figure for {year}"},
    "ci.no_figure_by": {"ja": "{year}までの実績なし", "en": "no figure up to {year}"},
    "chart.expected": {"ja": "期待値", "en": "Expected"},
    "chart.expected_sum": {"ja": "期待累計", "en": "Σ expected"},
    "chart.actual": {"ja": "実績", "en": "Actual"},
    "chart.actual_sum": {"ja": "実績累計", "en": "Σ actual"},
    "trend.heading": {"ja": "実績の推移", "en": "Actuals over the years"},
    "trend.trend": {"ja": "推移", "en": "Trend"},
    "trend.figures": {"ja": "基準値 → 実績", "en": "Baseline → actuals"},
    "trend.sums": {"ja": "（累計）", "en": " (running sum)"},
    "report.heading": {"ja": "KPI 進捗状況", "en": "KPI progress"},
    "report.year": {"ja": "判定年度", "en": "Year assessed"},
    "report.data": {"ja": "実績データ", "en": "Actuals"},
    "report.none": {"ja": "なし", "en": "none"},
    "report.strict": {
        "ja": "当該年度の実績のみで判定",
        "en": "only figures of the year itself are used",
    },
    "report.latest": {
        "ja": "各 KPI の当該年度以前で最新の実績で判定（その実績の年度で評価）",
        "en": "each KPI judged on its latest figure up to the year, at that figure's own year",
    },
    "report.contents": {"ja": "目次", "en": "Contents"},
    "report.charts": {"ja": "KPI ごとの推移", "en": "KPI charts"},
    "report.status_meaning": {"ja": "判定の意味", "en": "What the statuses mean"},
    "report.kpis": {"ja": "KPI 数", "en": "KPIs"},
    "report.other": {"ja": "その他の KPI", "en": "Other KPIs"},
    "report.stale": {"ja": "前年度以前の実績", "en": "earlier year's figure"},
    "report.unit": {"ja": "単位", "en": "unit"},
    "report.period_sum": {"ja": "合計", "en": "total"},
    "report.chart_note": {
        "ja": (
            "グラフ: 破線 = 基準値から目標値への直線（各年度の期待値）、実線と点 = 基準値と実績、"
            "大きな点 = 判定に使った実績（色は状況）。期間合計の KPI は実績の累計と期待累計を、"
            "再設定の KPI は基準値と実績のみを示します。"
        ),
        "en": (
            "Charts: dashed = the straight line from the baseline to the target (the expected "
            "value each year); solid line and dots = the baseline and the actuals; large dot = "
            "the figure judged (coloured by status). Period totals show the running sum of the "
            "actuals against the expected running sum; KPIs to be reset show the baseline and "
            "the actuals only."
        ),
    },
    "report.generated": {"ja": "pdca {version} により作成", "en": "Made with pdca {version}"},
    "meaning.achieved": {"ja": "最終目標値に到達", "en": "the final target is met"},
    "meaning.on_track": {"ja": "達成度 ≥ {on}", "en": "attainment ≥ {on}"},
    "meaning.behind": {"ja": "{behind} ≤ 達成度 < {on}", "en": "{behind} ≤ attainment < {on}"},
    "meaning.off_track": {"ja": "0% ≤ 達成度 < {behind}", "en": "0% ≤ attainment < {behind}"},
    "meaning.regressing": {"ja": "基準値より悪化（達成度 < 0%）", "en": "worse than the baseline"},
    "meaning.no_data": {"ja": "判定できる実績がない", "en": "no figure to judge"},
    "meaning.not_assessable": {
        "ja": "目標値がない（再設定）",
        "en": "no target value (to be reset)",
    },
}

# the outlook (見込み), the comparison of two years (pdca diff) and pdca show
TEXT.update(
    {
        "outlook": {"ja": "見込み", "en": "Outlook"},
        "outlook.short": {"ja": "見込", "en": "proj."},
        "outlook.miss": {"ja": "見込み未達", "en": "projected to miss"},
        "outlook.miss_short": {"ja": "未達\n見込", "en": "proj.\nmiss"},
        "outlook.pace": {"ja": "年平均の変化", "en": "pace"},
        "outlook.required": {"ja": "必要な年平均", "en": "required pace"},
        "outlook.pace_sum": {"ja": "年平均", "en": "yearly average"},
        "outlook.required_sum": {"ja": "残り年平均", "en": "needed per year"},
        "outlook.per_year": {"ja": "/年", "en": "/yr"},
        "outlook.none": {"ja": "見込みなし", "en": "no outlook"},
        "diff.heading": {"ja": "年度比較", "en": "Comparison"},
        "diff.movement": {"ja": "変化", "en": "Movement"},
        "diff.change": {"ja": "増減", "en": "Change"},
        # a percentage's change is in points: '+2.6ポイント' / '+2.6 pt'
        "diff.points": {"ja": "ポイント", "en": " pt"},
        "diff.unchanged_rest": {
            "ja": "変化なし {n} 件（--all で表示）",
            "en": "{n} unchanged (--all lists them)",
        },
        "diff.none": {"ja": "該当する KPI はありません。", "en": "No KPI matches."},
        "diff.change_note": {
            "ja": "増減 = 実績の変化（＋ は望ましい方向）",
            "en": "change = the figure's change (+ is the desired direction)",
        },
        "show.name_en": {"ja": "英語名", "en": "Japanese name"},
        "show.printed": {"ja": "掲載箇所", "en": "Printed in"},
        "show.printed_as": {"ja": "掲載", "en": "printed"},
        "show.relisted": {"ja": "〔再掲〕", "en": "(re-listed)"},
        "show.targets": {"ja": "数値目標", "en": "numerical target"},
        "show.figures": {"ja": "実績", "en": "Recorded figures"},
        "show.no_figures": {"ja": "実績は未登録です。", "en": "No figure recorded yet."},
        "show.source": {"ja": "出典", "en": "source"},
        "show.note": {"ja": "備考", "en": "note"},
        "show.years": {"ja": "年度ごとの判定", "en": "Each year as pdca check gives it"},
        "show.year": {"ja": "年度", "en": "Year"},
        "show.recorded": {"ja": "当年度実績", "en": "Recorded"},
        "show.judged": {"ja": "判定値", "en": "Judged"},
        "show.chart": {"ja": "推移", "en": "Chart"},
        "show.direction.increase": {"ja": "増加が望ましい", "en": "more is better"},
        "show.direction.decrease": {"ja": "減少が望ましい", "en": "less is better"},
        "show.period": {"ja": "合計期間", "en": "summed over"},
        "show.kpi_note": {"ja": "転記メモ", "en": "Transcription note"},
        "show.asked": {"ja": "判定年度", "en": "Year assessed"},
        "show.floor": {"ja": "維持すべき値", "en": "floor"},
        "show.window": {"ja": "維持期間", "en": "window"},
    }
)

# the summary lines every human format shares (present/layout.py): templates filled there
TEXT.update(
    {
        # '95 件（実績あり 86 件、うち前年度以前の実績 8 件）'; {stale}: the next one, or nothing
        "count.kpis": {
            "ja": "{total} 件（実績あり {with_data} 件{stale}）",
            "en": "{total}; {with_data} with a recorded figure{stale}",
        },
        "count.kpis_stale": {
            "ja": "、うち前年度以前の実績 {n} 件",
            "en": " ({n} from an earlier year)",
        },
        # 'うち前年度以前の実績で判定: 86 件（R8 78 件、R7 8 件）': {years} joins older.year
        "older.line": {
            "ja": "うち前年度以前の実績で判定: {n} 件（{years}）",
            "en": "Of these, judged on an earlier year's figure: {n} KPI{s} ({years})",
        },
        "older.year": {"ja": "{era} {n} 件", "en": "FY{year} {n}"},
        "older.sep": {"ja": "、", "en": ", "},
        # the terminal summary's own lines (formats/table.py)
        "summary.whole": {"ja": "集計（基本目標全体）", "en": "Summary (whole goals)"},
        "summary.floor_note": {
            "ja": "維持 / 下回る: 「以上を維持」の KPI は下限を保っているか（下の数字は下限との差）"
            "で判定",
            "en": "kept / below: a floor to keep is judged on the floor alone (the figure under "
            "it: the gap to the floor)",
        },
        "summary.outlook_miss": {
            "ja": "現在のペースでは目標に届かない見込み（✗）: {n} 件 — {per_goal}",
            "en": "Projected to miss the target at the current pace (✗): {n} KPI{s} — {per_goal}",
        },
        # a maintain KPI judged on its floor: '下限: 下限を下回る (−1人)'
        "floor.label": {"ja": "下限", "en": "Floor"},
        "floor.kept": {"ja": "下限を維持", "en": "floor kept"},
        "floor.below": {"ja": "下限を下回る", "en": "below the floor"},
    }
)

# the meeting report (pdca report): page 1, the 要注意 list, the committee's review, charts
TEXT.update(
    {
        "chart.alt": {
            "ja": "基準値・期待値・実績・目標・見込みのグラフ",
            "en": "chart of the baseline, expected line, figures, target and outlook",
        },
        "chart.unit": {"ja": "単位", "en": "unit"},
        "chart.no_unit": {"ja": "なし", "en": "none"},
        "chart.target": {"ja": "目標", "en": "target"},
        "chart.judged": {
            "ja": "判定した実績（色と記号は状況）",
            "en": "figure judged (colour and symbol: its status)",
        },
        "report.meeting": {"ja": "推進会議資料", "en": "for the committee's meeting"},
        "report.as_of": {"ja": "データ時点", "en": "Data as of"},
        "report.created": {"ja": "作成日", "en": "Created"},
        "report.review": {"ja": "委員会の評価", "en": "Committee's review"},
        "report.no_review": {
            "ja": "なし（data/reviews/{year}.yaml が未作成）",
            "en": "none (no data/reviews/{year}.yaml yet)",
        },
        "report.attention": {"ja": "要注意", "en": "Needs attention"},
        "report.attention_note": {
            "ja": "後退・遅れの KPI、目標年度に未達の見込みの KPI、前年度より状況が悪化した KPI。",
            "en": "KPIs regressing or off track, projected to miss their target, or worse "
            "than last year.",
        },
        "report.attention_none": {"ja": "該当する KPI はありません。", "en": "None."},
        "report.why": {"ja": "理由", "en": "Why"},
        "report.worse": {"ja": "前年度より悪化", "en": "worse than last year"},
        "report.fictional": {
            "ja": "架空のデータを含みます — 実際の数値・評価ではありません",
            "en": "Contains fictional data — not real figures or evaluations",
        },
        "report.movement": {"ja": "前年度比", "en": "Since last year"},
        "report.no_previous": {"ja": "前年度の判定なし", "en": "no status last year"},
        "report.source": {"ja": "出典", "en": "Source"},
        "report.note": {"ja": "備考", "en": "Note"},
        "report.rating": {"ja": "評価", "en": "Rating"},
        "report.analysis": {"ja": "分析", "en": "Analysis"},
        "report.direction": {"ja": "方向性", "en": "Direction"},
        "report.plan": {"ja": "今後の取組", "en": "Plan"},
        "report.measures_review": {"ja": "取組の評価", "en": "Measures"},
        "report.scale": {"ja": "評価の尺度", "en": "Rating and direction scale"},
        "report.default_scale": {
            "ja": "pdca の既定の尺度です（{issuer}の定めたものではありません）。",
            "en": "pdca's default scale (not one set by the city).",
        },
        "report.legend": {"ja": "グラフの見方", "en": "How to read the charts"},
        "report.years_note": {
            "ja": "横軸は年度（R6 = 令和6年度 = 2024年度）。",
            "en": "x axis: fiscal years as Reiwa years (R6 = FY2024).",
        },
        "report.page": {"ja": "ページ", "en": "page"},
        "report.files": {
            "ja": "{n} ファイル（{years}）、最新ファイルの更新日 {date}",
            "en": "{n} files ({years}); newest file changed {date}",
        },
        "report.files_commit": {
            "ja": "{n} ファイル（{years}）、最新のコミット {date}",
            "en": "{n} files ({years}); last committed {date}",
        },
        "report.files_uncommitted": {
            "ja": "{n} ファイル（{years}）、未コミットの変更あり（最新ファイルの更新日 {date}）",
            "en": "{n} files ({years}); changes not committed (newest file changed {date})",
        },
        "report.attention_more": {
            "ja": "悪い順に {first} 件。ほか {n} 件（{kinds}）は続きの表に。",
            "en": "The worst {first} first; {n} more ({kinds}) in the table after them.",
        },
        "report.attention_rest": {"ja": "要注意（続き）", "en": "Needs attention (continued)"},
        "report.miss_only": {"ja": "見込み未達のみ", "en": "only projected to miss"},
        "report.no_files": {"ja": "実績ファイルなし", "en": "no actuals file"},
    }
)

# the entry views (entry/): the fill-in sheet, the missing list, import's and record's summary
TEXT.update(
    {
        "template.sheet": {"ja": "{year}年度", "en": "FY{year}"},
        "template.title": {
            "ja": "{title} KPI 実績記入シート — {label}",
            "en": "{title}: KPI figures to fill in — {label}",
        },
        "template.help": {
            "ja": (
                "黄色の「実績値」「出典」「備考」の列に記入してください。数値は 174,275 や 47.5 "
                "のように（単位・%・全角数字も可、△ はマイナス）。未集計は空欄か「集計中」。"
                "期間合計の KPI はその年度だけの値を記入します。記入後: pdca import {year} "
                "このファイル"
            ),
            "en": (
                "Fill in the yellow Value, Source and Note columns. Figures like 174,275 or 47.5 "
                "(a unit, %, full-width digits are fine; △ is a minus). Not compiled yet: leave "
                "it empty or write 集計中. Period totals: the figure of this year alone. Then: "
                "pdca import {year} this-file"
            ),
        },
        # ～: in CP932, as Excel may save the CSV
        "template.dash": {"ja": "～", "en": "–"},
        "template.kind_sep": {"ja": "・", "en": ", "},
        "template.no_unit": {"ja": "単位なし", "en": "no unit"},
        "template.unit": {"ja": "単位: {unit}", "en": "Unit: {unit}"},
        "template.prompt_percent": {"ja": "0〜100 の数値", "en": "A number from 0 to 100"},
        "template.prompt_number": {"ja": "0 以上の数値", "en": "A number, 0 or more"},
        "template.prompt_period": {
            "ja": "（この年度だけの値。合計ではなく）",
            "en": " (this year's figure alone, not the total)",
        },
        "template.prompt_cumulative": {"ja": "（年度末時点の累計）", "en": ""},
        "template.prompt_pending": {
            "ja": "。未集計は空欄か「集計中」",
            "en": ". Not compiled yet: leave empty or 集計中",
        },
        "template.error_percent": {
            "ja": "0〜100 の数値を入力してください",
            "en": "Enter a number from 0 to 100",
        },
        "template.error_number": {
            "ja": "0 以上の数値を入力してください",
            "en": "Enter a number, 0 or more",
        },
        "missing.targets": {"ja": "G{goal} 数値目標", "en": "G{goal} numerical targets"},
        "missing.head": {
            "ja": "{label}: 実績が未記入の KPI {total} 件（全 {expected} 件中）",
            "en": "{label}: {total} of {expected} KPIs have no figure yet",
        },
        "missing.goal": {"ja": "基本目標{n}", "en": "Basic goal {n}"},
        "outcome.added": {"ja": "追加", "en": "added"},
        "outcome.changed": {"ja": "変更", "en": "changed"},
        "outcome.unchanged": {"ja": "変更なし", "en": "unchanged"},
        "outcome.missing": {"ja": "未記入", "en": "missing"},
        "outcome.dry": {
            "ja": "（--dry-run: 何も書き込んでいません）",
            "en": "(--dry-run: nothing written)",
        },
        "outcome.nothing": {"ja": "変更はありません", "en": "nothing to change"},
        "outcome.wrote": {"ja": "書き込み", "en": "wrote"},
        "outcome.would": {"ja": "書き込み予定", "en": "would write"},
        "outcome.blank": {"ja": "シートで空欄", "en": "blank in the sheets"},
        "outcome.pending": {"ja": "集計中", "en": "in progress (集計中)"},
        "outcome.sep": {"ja": "・", "en": ", "},
        # figures and targets as every human format writes them (present/numbers.py)
        "year.calendar": {"ja": "({year}年)", "en": "({year})"},
        "derived.factor": {"ja": "基準値×{v}", "en": "baseline × {v}"},
        "derived.points": {"ja": "基準値{v:+}ポイント", "en": "baseline {v:+} points"},
        "derived.percent": {"ja": "基準値{v:+}%", "en": "baseline {v:+}%"},
        "derived.annual_growth": {"ja": "年平均{v}%成長", "en": "{v}% a year"},
        "derived.mark": {"ja": "（{note}から算出）", "en": " (derived: {note})"},
        # a target to be reset: its printed text in Japanese, pdca's words in English
        "target.reset": {"ja": "{text}", "en": "to be reset"},
        "target.period_total": {"ja": "計 {value} {when}", "en": "Σ {value} {when}"},
        "target.period_average": {"ja": "平均 {value} {when}", "en": "mean {value} {when}"},
        "target.period_average_at_least": {
            "ja": "平均 {value}以上 {when}",
            "en": "mean {value} {when}",
        },
        "target.above": {"ja": "{value}を上回る {when}", "en": "above {value} {when}"},
        "target.at_least": {"ja": "{value}以上 {when}", "en": "at least {value} {when}"},
        "target.maintain": {"ja": "{value}以上を維持 {when}", "en": "maintain ≥ {value} {when}"},
        # the terminal table of pdca check (formats/table.py)
        "table.sum": {"ja": "計\u00a0", "en": "Σ\u00a0"},  # a no-break space: never folds
        "table.avg": {"ja": "平均\u00a0", "en": "avg\u00a0"},
        "table.floor_kept": {"ja": "維持", "en": "kept"},
        "table.floor_below": {"ja": "下回る", "en": "below"},
        "table.reprint": {"ja": "〔再掲〕", "en": "[again] "},
        "table.shown_at": {"ja": "→ {code} に掲載", "en": "→ shown under {code}"},
        "check.none": {"ja": "該当する KPI はありません。", "en": "No KPI matches."},
        "check.strict": {"ja": " · 当該年度のみ", "en": " · strict"},
        "filter.goal": {"ja": "基本目標{goals}", "en": "Basic goal {goals}"},
        "filter.line": {
            "ja": "絞り込み: {parts} — {n} 件を表示（集計は基本目標全体）",
            "en": "Filter: {parts} — {n} KPI{s} listed; the summary counts whole goals",
        },
        "grade.none": {"ja": "なし", "en": "none"},
        "check.no_data": {
            "ja": (
                "{year}年度までの実績が未登録です。期待値の列は {year}年度に到達すべき値です。\n"
                "実績は {where} に「KPI id: 値」または「KPI id: {{value: …, source: …}}」の形で"
                "記録してください（id の一覧は `pdca kpis`）。"
            ),
            "en": (
                "No actuals recorded up to FY{year}: the expected column shows what each KPI "
                "should reach by FY{year}.\nRecord figures in {where} (KPI id: value, or KPI "
                "id: {{value: …, source: …}}); list the ids with `pdca kpis`."
            ),
        },
        # headings every human format shares (present/layout.py)
        "heading.goal": {"ja": "基本目標{n}  {title}", "en": "Basic goal {n}: {title}"},
        "heading.policy": {"ja": "({n}){title}", "en": "({n}) {title}"},
        "year.label": {"ja": "{year}年度 ({era})", "en": "FY{year} ({era})"},
        # pdca check -f markdown: a KPI printed again (再掲)
        "md.reprint": {
            "ja": "- 〔再掲〕{name}（`{id}`）: {label} — {where} に掲載",
            "en": "- [again] {name} (`{id}`): {label}, shown under {where}",
        },
        "xlsx.derived": {"ja": "目標値は{note}から算出", "en": "target derived: {note}"},
        "report.sep": {"ja": "、", "en": ", "},
        # pdca kpis
        "kpis.caption": {"ja": "KPI {n} 件", "en": "{n} KPI"},
        # pdca check -f xlsx
        "xlsx.sheet": {"ja": "基本目標{n}", "en": "Goal {n}"},
        "xlsx.heading_sep": {"ja": "　", "en": " · "},
    }
)

# column headings, a list per table in each language
COLUMNS: dict[str, dict[str, list[str]]] = {
    # pdca template: the fill-in sheet
    "template": {
        "ja": ["ID", "番号", "KPI", "単位", "種類", "基準値", "目標値", "前回の実績", "その年度",
               "{year}年度の期待値", "実績値", "出典", "備考"],
        "en": ["KPI id", "Ref", "KPI", "Unit", "Kind", "Baseline", "Target", "Last figure",
               "Its year", "Expected FY{year}", "Value", "Source", "Note"],
    },
    # pdca check -f xlsx: a goal's sheet
    "check": {
        "ja": ["区分", "番号", "ID", "KPI", "単位", "基準値", "基準年度", "目標値", "目標年度",
               "期待値", "実績", "実績年度", "達成度", "進捗", "状況", "出典", "備考"],
        "en": ["Section", "Ref", "KPI id", "KPI", "Unit", "Baseline", "Base year", "Target",
               "Target year", "Expected", "Actual", "Actual year", "Attain.", "Progress",
               "Status", "Source", "Note"],
    },
}  # fmt: skip


def columns(key: str, lang: Lang) -> list[str]:
    """A table's column headings in the language asked for."""
    return COLUMNS[key][lang]


MOVEMENT_STYLE = {
    # movement: (symbol, rich style)
    "improved": ("↑", "green"),
    "worsened": ("↓", "bold red"),
    "unchanged": ("＝", "dim"),
    "new": ("＋", "bold"),  # no cyan or yellow: unreadable on a light background
    "lost": ("－", "magenta"),
}

MOVEMENT_WORDS = {
    "improved": {"ja": "改善", "en": "improved"},
    "worsened": {"ja": "悪化", "en": "worsened"},
    "unchanged": {"ja": "変化なし", "en": "unchanged"},
    "new": {"ja": "新たに判定", "en": "new"},
    "lost": {"ja": "判定なしに", "en": "lost"},
}


def movement_label(movement: str, lang: Lang) -> str:
    """Symbol and word: '↓ 悪化' / '↓ worsened'."""
    return f"{MOVEMENT_STYLE[movement][0]} {MOVEMENT_WORDS[movement][lang]}"


KIND_WORDS = {
    "level": {"ja": "水準", "en": "level"},
    "cumulative": {"ja": "累計", "en": "cumulative"},
    "period_total": {"ja": "期間合計", "en": "period total"},
    "period_average": {"ja": "期間平均", "en": "period average"},
}

TARGET_KIND_WORDS = {
    "exact": {"ja": "", "en": ""},
    "at_least": {"ja": "以上", "en": "at least"},
    "maintain": {"ja": "以上を維持", "en": "maintain"},
    "reset": {"ja": "再設定", "en": "to be reset"},
    "above": {"ja": "基準値を上回る", "en": "above the baseline"},
}


def grade_label(grade, lang: Lang) -> str:
    """A grade's code and label: 'B 目標どおり' / 'B On target'; '－' for none."""
    if grade is None:
        return "－"
    return f"{grade.code} {grade.label_en if lang == 'en' else grade.label}"


def judgement(result, lang: Lang) -> str:
    """What a KPI is judged: its status word, or, on a strategy's own scale, its grade with
    the status beside it: 'B 目標どおり（順調）' / 'B On target (on track)'."""
    word = status_word(result.status, lang)
    if result.grade is None:
        return word
    return f"{grade_label(result.grade, lang)}{f'（{word}）' if lang == 'ja' else f' ({word})'}"


def t(key: str, lang: Lang) -> str:
    return TEXT[key][lang]


def status_word(status: Status, lang: Lang) -> str:
    return STATUS_WORDS[status][lang]


def status_label(status: Status, lang: Lang) -> str:
    """Symbol and word: '○ 順調' / '○ on track'."""
    return f"{STATUS_STYLE[status][0]} {status_word(status, lang)}"


OVERRIDE_MARK = "✎"  # a status set by the committee's review, not computed


def result_label(result, lang: Lang) -> str:
    """A KPI result's status label, marked ✎ when the committee's review set it."""
    label = status_label(result.status, lang)
    return f"{label} {OVERRIDE_MARK}" if result.override is not None else label


def override_note(result, lang: Lang) -> str | None:
    """'✎ 委員会判断: <reason>（計算上: × 遅れ）', or None without an override."""
    o = result.override
    if o is None:
        return None
    computed = status_label(result.computed_status, lang)
    if lang == "en":
        return f"{OVERRIDE_MARK} {t('override.by', lang)}: {o.reason} (computed: {computed})"
    return f"{OVERRIDE_MARK} {t('override.by', lang)}: {o.reason}（計算上: {computed}）"


def unit(kpi, lang: Lang) -> str:
    """The KPI's unit: as printed, or its English form (`unit_en`) in English."""
    if lang == "en" and getattr(kpi, "unit_en", None) is not None:
        return kpi.unit_en
    return kpi.unit


def unit_suffix(kpi, lang: Lang) -> str:
    """The unit to write after a figure: '人' / '%' as printed; in English ' people', '%'."""
    text = unit(kpi, lang)
    english = lang == "en" and getattr(kpi, "unit_en", None) is not None
    if english and text and ((text[0].isascii() and text[0].isalpha()) or text[0] == "×"):
        return " " + text  # a word: '5,670 people'; a sign stays attached: '47.5%'
    return text


def unit_words(kpi, spaced: bool = False) -> InLang:
    """The unit to write after a figure in a message, in each language (unit_suffix);
    `spaced`: in Japanese a space before a unit that is a word (`12.5 万人`, `55.4%`)."""
    ja = unit_suffix(kpi, Lang.ja)
    if spaced and ja not in ("", "%"):
        ja = " " + ja
    return InLang(ja, unit_suffix(kpi, Lang.en))


def kpi_name(kpi, lang: Lang) -> str:
    return localized(kpi, "name", lang)


def localized(item, field: str, lang: Lang) -> str:
    """A data field in the language asked for: `field`, or in English `field_en` (data
    selection, not a word of pdca's): `localized(kpi, "name", lang)`."""
    if lang == "en":
        english = getattr(item, f"{field}_en", None)
        if english is not None:
            return english
    return getattr(item, field)


def title(item, lang: Lang) -> str:
    return localized(item, "title", lang)
