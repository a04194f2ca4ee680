"""`pdca show KPI`: finding the KPI, the text with its chart, the JSON."""

from __future__ import annotations

import csv
import io
import json

import pytest
from rich.cells import cell_len

from conftest import MINI
from kanazawa_pdca.formats.chart import series, y_ticks
from kanazawa_pdca.history import KpiLookupError, find_kpi, kpi_history
from kanazawa_pdca.load import load_actuals, load_strategy
from kanazawa_pdca.trajectory import Thresholds

FILES = {
    2024: "visitors-total: 9000\napp-downloads: 1500\n",
    2025: (
        "visitors-total: 10000\n"
        "app-downloads:\n  value: 2500\n  source: 子育て支援課\n  note: 速報値\n"
        "share-pct: 53\n"
    ),
    2026: "visitors-total: 11000\n",
}


@pytest.fixture
def mini(actuals_dir):
    return ["--strategy", str(MINI), "--actuals", str(actuals_dir(FILES))]


@pytest.fixture(scope="module")
def strategy():
    return load_strategy(MINI)


# --- finding the KPI ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("app-downloads", "app-downloads"),  # the id
        ("ダウンロード", "app-downloads"),  # a fragment of the Japanese name
        ("emissions", "co2-emissions"),  # of the English name
        ("ＥＭＩＳＳＩＯＮＳ", "co2-emissions"),  # full-width, upper case
        ("course", "new-course-participants"),  # of the id and the English name
        ("満足", "satisfaction-floor"),
    ],
)
def test_find_kpi(strategy, query, found):
    assert find_kpi(strategy, query).id == found


def test_find_kpi_ambiguous_and_unknown(strategy):
    with pytest.raises(KpiLookupError) as exc:
        find_kpi(strategy, "累計")  # two cumulative KPIs carry （累計） in their names
    assert [k.id for k in exc.value.candidates] == ["app-downloads", "new-course-participants"]
    with pytest.raises(KpiLookupError) as exc:
        find_kpi(strategy, "app-downlods")
    assert exc.value.candidates == []
    assert [k.id for k in exc.value.suggestions][:1] == ["app-downloads"]


def test_show_ambiguous_exits_2_with_the_candidates(run, mini):
    result = run("show", "累計", *mini)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "pdca show: '累計' に当てはまる KPI が 2 件あります。id で指定してください:\n"
        "  app-downloads  ダウンロード数（累計）\n"
        "  new-course-participants  講座参加者数（累計）\n"
    )


def test_show_unknown_exits_2_with_did_you_mean(run, mini):
    result = run("show", "app-downlods", *mini)
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "pdca show: 'app-downlods' に当てはまる KPI はありません。次のことですか:\n"
        "  app-downloads  ダウンロード数（累計）\n"
    )
    assert result.stderr.endswith("KPI の一覧は `pdca kpis` で表示できます。\n")
    nothing = run("show", "zzzzzz", *mini)
    assert nothing.exit_code == 2
    assert nothing.stderr == (
        "pdca show: 'zzzzzz' に当てはまる KPI はありません\nKPI の一覧は `pdca kpis` で表示できます。\n"
    )


def test_show_hostile_query_is_escaped_once_not_twice(run, mini):
    # pdca show $'\e[31m\n::error::y' printed '\\x1b[31m\\n::error::y' (terminal, then repr)
    for command in ("show", "record"):
        args = (
            ("2026", "\x1b[31m\n::error::y", "1")
            if command == "record"
            else ("\x1b[31m\n::error::y",)
        )
        result = run(command, *args, *mini)
        assert result.exit_code == 2
        first = result.stderr.splitlines()[0]
        assert first.startswith(f"pdca {command}: '\\x1b[31m\\n::error::y' に当てはまる KPI")
        assert "\x1b" not in result.stderr and "\\\\" not in result.stderr


# --- the text -------------------------------------------------------------------------------


def test_show_text(run, mini):
    result = run("show", "app-downloads", *mini, "--year", "2026")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    for text in [
        "ダウンロード数（累計）",
        "app-downloads · Downloads (cumulative)",
        "1,000件（R4年度までの累計）",  # the baseline as printed
        "4,000件（R10）",  # the target as printed
        "1-1-1  取組一",
        "1-1-2  取組二 〔再掲〕",
        "R7  2,500件  出典: 子育て支援課  備考: 速報値",
        # judged on the 2025 figure in 2026: E(2025) = 2500, on the line
        "2026年度 (R8)  ○ 順調  実績 2,500件 (R7)",
        # from 1,000 (R4) to 2,500 (R7): 500 a year, 4,000 by R10
        "R10 見込 4,000 / 4,000件 ✓",
        "年平均の変化 +500/年 · 必要な年平均 +500/年",
        "推移 (件)",
        "⠤⠤ 期待値   ●•● 実績   ── 目標値 4,000件   ··· 見込み",
    ]:
        assert text in out, text
    # the years: as pdca check gives them, the years to come with their expected value only
    lines: dict[str, list[str]] = {}
    for line in out.splitlines():  # the years table comes before the list of figures
        if line[:2] in ("R6", "R7", "R8", "R9", "R1"):
            lines.setdefault(line.split()[0], line.split())
    assert lines["R6"][:4] == ["R6", "1,500", "2,000", "1,500"]  # E(2024) = 1000 + 3000·2/6
    assert lines["R8"][:4] == ["R8", "—", "3,000", "2,500"]
    assert lines["R8"][4] == "(R7)"  # the judged figure is the 2025 one
    assert lines["R9"] == ["R9", "—", "3,500"]


def test_show_period_total_and_english(run, mini):
    out = run("show", "visitors-total", *mini, "--lang", "en").stdout
    assert "summed over  R6–R10" in out
    # Σ 30,000 in three years: 10,000 a year, 50,000 by R10 = the target
    assert "R10 proj. 50,000 / 50,000人 ✓" in out
    assert "yearly average 10,000/yr · needed per year 10,000/yr" in out
    assert "⠤⠤ Σ expected   ●•● Σ actual" in out


def test_show_maintain_and_reset(run, mini):
    out = run("show", "satisfaction-floor", *mini).stdout
    assert "見込み         —" in out  # a floor to keep has no outlook
    assert "── 維持すべき値 95%" in out
    reset = run("show", "fertility", *mini)
    assert reset.exit_code == 0
    assert "再設定" in reset.stdout
    assert "実績は未登録です。" in reset.stdout


@pytest.mark.parametrize("width", [80, 120])
def test_show_fits_the_terminal(run, mini, monkeypatch, width):
    monkeypatch.setenv("COLUMNS", str(width))
    out = run("show", "co2-emissions", *mini).stdout
    assert max(cell_len(line) for line in out.splitlines()) <= width
    assert "H25" in out and "R10" in out  # the years as era labels


def test_show_no_chart(run, mini):
    out = run("show", "share-pct", *mini, "--no-chart").stdout
    assert "推移" not in out and "⠤⠤" not in out


# --- JSON -----------------------------------------------------------------------------------


def test_show_json(run, mini):
    result = run("show", "ダウンロード", *mini, "-f", "json", "--year", "R8")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["id"] == "app-downloads"
    assert doc["baseline"] == {"year": 2022, "value": 1000, "text": "1,000件（R4年度までの累計）"}
    assert doc["printed_in"] == [
        {"code": "1-1-1", "title": "取組一", "title_en": "Measure one", "relisted": False},
        {"code": "1-1-2", "title": "取組二", "title_en": "Measure two", "relisted": True},
    ]
    assert doc["figures"] == [
        {"year": 2024, "value": 1500, "source": None, "note": None},
        {"year": 2025, "value": 2500, "source": "子育て支援課", "note": "速報値"},
    ]
    assert doc["year"] == 2026
    assert [(y["year"], y["status"]) for y in doc["years"]] == [
        (2024, "off_track"),  # (1500 − 1000)/(2000 − 1000) = 0.5
        (2025, "on_track"),
        (2026, "on_track"),
        (2027, "on_track"),
        (2028, "on_track"),
    ]
    # the same result and outlook as pdca check gives
    check = json.loads(run("check", "2026", *mini, "-f", "json").stdout)
    same = next(k for k in check["kpis"] if k["id"] == "app-downloads")
    assert doc["current"] == same
    assert (
        doc["outlook"]
        == same["outlook"]
        == {
            "projected": 4000,
            "year": 2028,
            "pace": 500,
            "required_pace": 500,
            "reaches": True,
        }
    )


def test_show_default_year_is_the_latest_actuals_year(run, mini):
    doc = json.loads(run("show", "share-pct", *mini, "-f", "json").stdout)
    assert doc["year"] == 2026


# --- the pieces -----------------------------------------------------------------------------


def test_series(strategy, actuals_dir):
    actuals, _ = load_actuals(actuals_dir(FILES), strategy)
    th = Thresholds()
    h = kpi_history(strategy, actuals, strategy.kpi("visitors-total"), 2026, th)
    data = series(h)
    assert data["actual"] == [(2024, 9000), (2025, 19000), (2026, 30000)]  # running sums
    assert data["expected"][0] == (2023, 0) and data["expected"][-1] == (2028, 50000)
    assert data["outlook"] == [(2026, 30000), (2028, 50000)]
    h = kpi_history(strategy, actuals, strategy.kpi("share-pct"), 2026, th)
    data = series(h)
    assert data["actual"] == [(2023, 50), (2025, 53)]  # the baseline, then the figures
    assert data["outlook"] == [(2025, 53), (2028, 57.5)]


def test_y_ticks():
    assert y_ticks(0, 40000) == (
        [0, 10000, 20000, 30000, 40000],
        ["0", "10,000", "20,000", "30,000", "40,000"],
    )
    _, labels = y_ticks(47.5, 49.5)
    assert labels == ["47.5", "48", "48.5", "49", "49.5"]
    assert y_ticks(5, 5) == ([5], ["5"])


def test_show_prints_data_as_text_not_markup(run, broken, actuals_dir):
    path = broken(
        "name: ダウンロード数（累計）", 'name: "[red]ダウンロード[/red]数（累計）\\e[31m"'
    )
    text = path.read_text(encoding="utf-8").replace("unit: 件", 'unit: "[b]件"', 1)
    path.write_text(text, encoding="utf-8")
    folder = actuals_dir({2025: "app-downloads: {value: 2500, source: '[link=x]課[/link]'}\n"})
    result = run("show", "app-downloads", "--strategy", path, "--actuals", folder)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "[red]ダウンロード[/red]数（累計）\\x1b[31m" in out  # shown, control char visible
    assert "\x1b" not in out
    assert "単位      [b]件" in out
    assert "出典: [link=x]課[/link]" in out


# --- the committee's overrides, as pdca check shows them --------------------------------------


@pytest.fixture
def reviewed(tmp_path):
    from test_reviews import ACTUALS, GOOD, VOCABULARY

    text = MINI.read_text(encoding="utf-8")
    strategy = tmp_path / "strategy.yaml"
    start, end = text.index("evaluation:"), text.index("goals:")
    strategy.write_text(text[:start] + VOCABULARY + text[end:], encoding="utf-8")
    actuals, reviews = tmp_path / "actuals", tmp_path / "reviews"
    actuals.mkdir()
    reviews.mkdir()
    for year, body in ACTUALS.items():
        (actuals / f"{year}.yaml").write_text(body, encoding="utf-8")
    (reviews / "2026.yaml").write_text(GOOD, encoding="utf-8")
    return ["--strategy", strategy, "--actuals", actuals, "--reviews", reviews]


def test_show_and_diff_carry_the_committees_override(run, reviewed):
    # app-downloads in 2026: computed off_track (0.05), the committee's review says on_track
    doc = json.loads(run("show", "app-downloads", *reviewed, "-f", "json").stdout)
    y2026 = next(y for y in doc["years"] if y["year"] == 2026)
    assert (y2026["status"], y2026["computed_status"]) == ("on_track", "off_track")
    assert doc["current"]["override"] == {"status": "on_track", "reason": "年度末に急増した"}
    text = run("show", "app-downloads", *reviewed, "--no-chart").stdout
    assert "○ 順調 ✎" in text and "年度末に急増した" in text
    diff = json.loads(run("diff", "2025", "2026", *reviewed, "-f", "json").stdout)
    app = next(k for k in diff["kpis"] if k["id"] == "app-downloads")
    assert (app["from"]["status"], app["to"]["status"], app["movement"]) == (
        "no_data",
        "on_track",
        "new",
    )
    share = next(k for k in diff["kpis"] if k["id"] == "share-pct")
    # share-pct: behind in 2025 (53 against 54); the 2026 review overrides it to off_track
    assert (share["from"]["status"], share["to"]["status"], share["movement"]) == (
        "behind",
        "off_track",
        "worsened",
    )
    # … and says so: the worsening is the committee's judgement, not the figures'
    assert share["to"]["computed_status"] == "behind"
    assert share["to"]["override"] == {"status": "off_track", "reason": "調査方法が変わった"}
    assert share["from"]["override"] is None
    rows = list(
        csv.DictReader(io.StringIO(run("diff", "2025", "2026", *reviewed, "-f", "csv").stdout))
    )
    row = next(r for r in rows if r["id"] == "share-pct")
    assert (row["to_status"], row["to_computed_status"], row["to_override_reason"]) == (
        "off_track", "behind", "調査方法が変わった",
    )  # fmt: skip
    assert (row["from_computed_status"], row["from_override_reason"]) == ("behind", "")
