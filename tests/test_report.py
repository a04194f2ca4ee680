"""`pdca report`: the self-contained HTML page with its SVG charts, and the Markdown."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import DATA, DEMO, MINI
from kanazawa_pdca.assess import assess, expected_at
from kanazawa_pdca.i18n import status_label, status_word
from kanazawa_pdca.load import load_all
from kanazawa_pdca.report import render_report
from kanazawa_pdca.report.charts import chart_data, sparkline
from kanazawa_pdca.trajectory import Line, Status

MINI_ACTUALS = {
    2024: (
        "share-pct: 52\napp-downloads: 1600\nvisitors-total: 10000\nco2-emissions: 3100\n"
        "satisfaction-floor: 97\nfertility: 1.3\nnew-course-participants: 40\n"
    ),
    2025: (
        "share-pct: 53\napp-downloads: 4200\nvisitors-total: 9000\nco2-emissions: 3200\n"
        "satisfaction-floor: 94\nfertility: 1.32\n"
    ),
    2027: "share-pct: 59\n",  # after the year of the report: not charted
}


class Page(HTMLParser):
    """What the tests look at: the figures and what is inside them, every tag and attribute."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.figures: dict[str, list[str]] = {}  # data-kpi -> the tags inside the figure
        self.captions: dict[str, str] = {}
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self._figure: str | None = None
        self._depth = 0
        self._caption = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "figure" and attributes.get("data-kpi"):
            kpi = attributes["data-kpi"]
            assert kpi not in self.figures, f"two figures for {kpi}"
            assert attributes.get("id") == kpi
            self.figures[kpi] = []
            self._figure = kpi
            self._depth = 0
        elif self._figure is not None:
            self.figures[self._figure].append(tag)
            if tag == "figure":
                self._depth += 1
            if tag == "figcaption":
                self._caption = True

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if self._figure is not None:
            self.figures[self._figure].append(tag)

    def handle_endtag(self, tag):
        if tag == "figcaption":
            self._caption = False
        if tag == "figure" and self._figure is not None:
            if self._depth == 0:
                self._figure = None
            else:
                self._depth -= 1

    def handle_data(self, data):
        self.text.append(data)
        if self._figure is not None:  # the whole card: its head, chart and details
            self.captions[self._figure] = self.captions.get(self._figure, "") + data


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


@pytest.fixture
def mini_report(actuals_dir):
    strategy, actuals, _ = load_all(MINI, actuals_dir(MINI_ACTUALS))
    return assess(strategy, actuals, 2026)


@pytest.fixture(scope="module")
def bundled_report():
    if not DEMO.is_dir():
        pytest.skip("examples/demo-actuals/ is not there")
    strategy, actuals, _ = load_all(DATA / "strategy.yaml", DEMO)
    return assess(strategy, actuals, 2026)


@pytest.fixture(scope="module")
def bundled_html(bundled_report):
    return render_report(bundled_report, "ja", "html")


def assert_self_contained(html: str, lang: str) -> Page:
    page = parse(html)
    assert html.startswith("<!DOCTYPE html>")
    html_tags = [a for tag, a in page.tags if tag == "html"]
    assert html_tags == [{"lang": lang}]
    assert any(tag == "meta" and a.get("charset") == "utf-8" for tag, a in page.tags)
    assert "<script" not in html.lower()
    assert "window.pygal" not in html
    assert "@import" not in html
    assert "url(" not in html
    for tag, attributes in page.tags:
        assert not tag.startswith("script")
        for name, value in attributes.items():
            if name in ("href", "src", "xlink:href", "srcset", "action") and value:
                assert value.startswith("#"), f"<{tag} {name}={value!r}> points outside the page"
            assert not name.startswith("on"), f"event handler {name} on <{tag}>"
    ids = [a["id"] for _, a in page.tags if a.get("id")]
    assert len(ids) == len(set(ids)), "duplicate ids"
    targets = {a["href"][1:] for tag, a in page.tags if tag == "a" and a.get("href")}
    assert targets <= set(ids), f"links to nowhere: {targets - set(ids)}"
    return page


def assert_one_chart_per_kpi(page: Page, report) -> None:
    assert set(page.figures) == {r.kpi.id for r in report.kpis}
    for kpi, tags in page.figures.items():
        assert tags.count("svg") == 1, kpi
        assert "figcaption" in tags, kpi
        assert "path" in tags or "circle" in tags, f"{kpi}: the chart draws nothing"


# --- the HTML page ---------------------------------------------------------------------


def test_mini_html_is_one_self_contained_page(mini_report):
    html = render_report(mini_report, "ja", "html")
    page = assert_self_contained(html, "ja")
    assert_one_chart_per_kpi(page, mini_report)
    style = html.split("<style>", 1)[1].split("</style>", 1)[0]
    for font in ("Hiragino Sans", "Yu Gothic", "Meiryo", "Noto Sans CJK JP", "Noto Sans JP"):
        assert font in style
    assert "sans-serif" in style


def test_mini_html_content(mini_report):
    html = render_report(mini_report, "ja", "html")
    page = parse(html)
    text = "".join(page.text)
    assert "テスト戦略" in text
    assert "2026年度 (R8)" in text
    assert "判定基準" in text and "≥ 100%" in text and "≥ 60%" in text
    for status in Status:  # every status is explained with its symbol and word
        assert status_label(status, "ja") in text
    for r in mini_report.kpis:  # each KPI's card carries the status as a word
        assert status_label(r.status, "ja") in page.captions[r.kpi.id]
        assert r.kpi.name in page.captions[r.kpi.id]
    assert "再設定" in page.captions["fertility"]
    assert "期間合計" in page.captions["visitors-total"]
    assert "以上を維持" in page.captions["satisfaction-floor"]
    assert "基本目標1" in text and "施策一" in text


def test_every_status_word_appears_in_the_bundled_report(bundled_report, bundled_html):
    page = assert_self_contained(bundled_html, "ja")
    text = "".join(page.text)
    for status in Status:
        assert status_word(status, "ja") in text
    # the demo data shows every status, so each one is also a KPI's caption somewhere
    shown = {s for r in bundled_report.kpis for s in [r.status]}
    assert shown == set(Status)


def test_bundled_report_has_one_chart_per_kpi(bundled_report, bundled_html):
    page = parse(bundled_html)
    assert len(bundled_report.kpis) == 95
    assert_one_chart_per_kpi(page, bundled_report)
    # the summary chart, drawn by the same library
    assert any(a.get("id") == "summary-chart" for _, a in page.tags)


def test_english_labels(mini_report):
    html = render_report(mini_report, "en", "html")
    page = assert_self_contained(html, "en")
    assert_one_chart_per_kpi(page, mini_report)
    text = "".join(page.text)
    assert "Test strategy" in text and "FY2026 (R8)" in text
    for status in Status:
        assert status_label(status, "en") in text
    for word in ("Baseline", "Target", "Expected", "Actual", "Progress", "Thresholds"):
        assert word in text
    assert "to be reset" in page.captions["fertility"]
    assert "期待値" not in html and "判定基準" not in html


def test_the_same_data_gives_the_same_page(mini_report):
    assert render_report(mini_report, "ja", "html") == render_report(mini_report, "ja", "html")


def test_figures_follow_the_reading_order(mini_report):
    page = parse(render_report(mini_report, "ja", "html"))
    assert list(page.figures) == [
        "share-pct",  # G1's 数値目標 first
        "app-downloads",
        "visitors-total",
        "co2-emissions",
        "satisfaction-floor",
        "fertility",
        "new-course-participants",
    ]


def test_an_empty_report_still_renders(actuals_dir):
    strategy, actuals, _ = load_all(MINI, actuals_dir({}), actuals_required=False)
    report = assess(strategy, actuals, 2026)
    page = assert_self_contained(render_report(report, "ja", "html"), "ja")
    assert_one_chart_per_kpi(page, report)


def test_a_filtered_report_charts_only_its_kpis(mini_report):
    report = mini_report.filtered(goals={2})
    page = parse(render_report(report, "ja", "html"))
    assert set(page.figures) == {r.kpi.id for r in report.kpis}
    assert "share-pct" not in page.figures


def test_unknown_format_is_refused(mini_report):
    with pytest.raises(ValueError, match="unknown report format"):
        render_report(mini_report, "ja", "pdf")  # type: ignore[arg-type]


# --- what each chart shows --------------------------------------------------------------


def test_level_chart_follows_the_straight_line(mini_report):
    r = mini_report.result("share-pct")
    data = chart_data(r, 2026, 2028)
    line = Line(2023, 50, 2028, 60)
    assert data.expected == tuple((y, line.expected(y)) for y in range(2023, 2029))
    # the baseline, then the actuals up to the report's year (2027 is left out)
    assert data.actual == ((2023, 50.0), (2024, 52.0), (2025, 53.0))
    assert data.judged == (2025, 53.0)
    assert (data.first_year, data.last_year) == (2023, 2028)
    assert not data.running_sum and not data.reset


def test_decrease_chart_starts_at_an_old_baseline(mini_report):
    data = chart_data(mini_report.result("co2-emissions"), 2026, 2028)
    assert data.expected[0] == (2013, 3000.0) and data.expected[-1] == (2028, 1500.0)
    assert len(data.expected) == 16


def test_maintain_chart_uses_the_floor(mini_report):
    r = mini_report.result("satisfaction-floor")
    data = chart_data(r, 2026, 2028)
    assert data.expected == tuple((y, expected_at(r.kpi, y)) for y in range(2022, 2029))
    assert {v for _, v in data.expected} == {95.0}


def test_period_total_chart_shows_running_sums(mini_report):
    r = mini_report.result("visitors-total")
    data = chart_data(r, 2026, 2028)
    assert data.running_sum
    assert data.expected[0] == (2023, 0.0)
    assert data.expected[-1] == (2028, 50000.0)
    assert data.expected[2] == (2025, pytest.approx(20000.0))
    assert data.actual == ((2023, 0.0), (2024, 10000.0), (2025, 19000.0))
    assert data.judged == (2025, 19000.0) == (r.actual_year, r.actual)


def test_period_total_chart_stops_at_a_missing_year(actuals_dir):
    strategy, actuals, _ = load_all(
        MINI, actuals_dir({2024: "visitors-total: 10000\n", 2026: "visitors-total: 5\n"})
    )
    r = assess(strategy, actuals, 2026).result("visitors-total")
    assert r.status is Status.NO_DATA and r.missing_years == (2025,)
    data = chart_data(r, 2026, 2028)
    assert data.actual == ((2023, 0.0), (2024, 10000.0))
    assert data.judged is None


def test_reset_chart_has_baseline_and_actuals_only(mini_report):
    data = chart_data(mini_report.result("fertility"), 2026, 2028)
    assert data.reset
    assert data.expected == ()
    assert data.actual == ((2022, 1.35), (2024, 1.3), (2025, 1.32))


# --- Markdown -----------------------------------------------------------------------------


def test_markdown_lists_every_kpi(mini_report):
    md = render_report(mini_report, "ja", "md")
    assert md.startswith("# テスト戦略")
    assert "<svg" not in md and "<script" not in md
    for r in mini_report.kpis:
        assert f"`{r.kpi.id}`" in md
        assert md.count(f'<a id="{r.kpi.id}"></a>') == 1, r.kpi.id
    assert "R5 50 → R6 52 → R7 53" in md  # share-pct: baseline, then the actuals to R8
    assert "R5 0 → R6 10,000 → R7 19,000（累計）" in md


def test_markdown_in_english(mini_report):
    md = render_report(mini_report, "en", "md")
    assert "Needs attention" in md and "Trend" in md
    for status in {r.status for r in mini_report.kpis}:
        assert status_label(status, "en") in md


def test_bundled_markdown_lists_every_kpi(bundled_report):
    md = render_report(bundled_report, "ja", "md")
    for r in bundled_report.kpis:
        assert f"`{r.kpi.id}`" in md


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([], "·"),
        ([5.0], "▄"),
        ([1.0, 2.0, 3.0], "▁▅█"),
        ([3.0, 3.0], "▄▄"),
        ([10.0, 0.0], "█▁"),
    ],
)
def test_sparkline(values, expected):
    assert sparkline(values) == expected


def test_report_module_files_are_packaged():
    css = Path(__file__).resolve().parent.parent / "kanazawa_pdca" / "report" / "style.css"
    assert css.is_file()


# --- the command ---------------------------------------------------------------------------


def test_cli_report_html_and_markdown(run, tmp_path, actuals_dir):
    from conftest import MINI

    folder = actuals_dir({2025: "share-pct: 53\n"})
    html_path = tmp_path / "report.html"
    result = run("report", "2026", "-o", html_path, "--strategy", MINI, "--actuals", folder)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert f"pdca: {html_path} を書きました（KPI 7 件、2026年度 (R8)）" in result.stderr
    page = html_path.read_text(encoding="utf-8")
    assert page.lstrip().lower().startswith("<!doctype html>")
    assert page.count('data-kpi="') >= 7
    md_path = tmp_path / "report.md"
    result = run(
        "report", "R8", "-o", md_path, "--strategy", MINI, "--actuals", folder, "--lang", "en"
    )
    assert result.exit_code == 0
    assert md_path.read_text(encoding="utf-8").startswith("# Test strategy")
    forced = tmp_path / "report.txt"
    assert (
        run(
            "report", "2026", "-o", forced, "-f", "md", "--strategy", MINI, "--actuals", folder
        ).exit_code
        == 0
    )
    assert forced.read_text(encoding="utf-8").startswith("# テスト戦略")


def test_cli_report_errors(run, tmp_path, english):
    from conftest import MINI

    missing = run("report", "2026", "--strategy", MINI)
    assert missing.exit_code == 2 and "missing option --output" in missing.stderr
    nowhere = run(
        "report",
        "2026",
        "-o",
        tmp_path / "no" / "r.html",
        "--strategy",
        MINI,
        "--actuals",
        tmp_path,
    )
    assert nowhere.exit_code == 2 and "cannot write" in nowhere.stderr
