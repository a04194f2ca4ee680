"""`pdca report` for the committee's meeting: page 1, the 要注意 list, the committee's
review, the fictional banner, escaping of hostile text, refused outputs, --no-charts, size.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from test_report import assert_self_contained, parse
from test_reviews import VOCABULARY

from conftest import DATA, DEMO, MINI, ROOT
from kanazawa_pdca.assess import assess
from kanazawa_pdca.load import load_all, load_reviews
from kanazawa_pdca.report import render_report
from kanazawa_pdca.report.charts import OKABE_ITO, STATUS_COLORS, nice_ticks
from kanazawa_pdca.report.view import meeting
from kanazawa_pdca.trajectory import Status

DEMO_REVIEWS = ROOT / "examples" / "demo-reviews"
DAY = dt.date(2027, 6, 1)

# share-pct: 50 (R5) → 60 (R10), E(y) = 50 + 2·(y − 2023)
#   2025: 54 = E → on_track;  2026: 54.5, E 56, attainment 4.5/6 = 0.75 → behind (worse);
#   outlook: pace (54.5 − 50)/3 = 1.5, projected 54.5 + 1.5·2 = 57.5 < 60 → projected to miss
# app-downloads (cumulative): 1000 (R4) → 4000 (R10), E(y) = 1000 + 500·(y − 2022)
#   2025: 2500 = E → on_track;  2026: 3100, E 3000 → on_track;
#   outlook: pace 2100/4 = 525, projected 3100 + 1050 = 4150 ≥ 4000 → reaches: not listed
# co2-emissions: 3500 in 2026, worse than its baseline → regressing
ACTUALS = {
    2025: "share-pct: 54\napp-downloads: 2500\n",
    2026: (
        "share-pct:\n  value: 54.5\n  source: 市民意識調査\n"
        "app-downloads: 3100\nco2-emissions: 3500\n"
    ),
}
REVIEW = """\
goals:
  G1: {rating: B, analysis: 目標一の分析, direction: 継続, plan: 目標一の計画}
policies:
  1-1: {rating: A, analysis: 施策一の分析}
measures:
  1-1-2: {rating: B, direction: 改善, plan: 取組二の計画}
kpis:
  share-pct:
    explanation: 調査の回答者が変わった
    override: {status: on_track, reason: 調査方法の変更による一時的な低下}
"""


@pytest.fixture
def inputs(tmp_path):
    strategy = tmp_path / "strategy.yaml"
    text = MINI.read_text(encoding="utf-8")
    strategy.write_text(
        text[: text.index("evaluation:")] + VOCABULARY + text[text.index("goals:") :],
        encoding="utf-8",
    )
    actuals = tmp_path / "actuals"
    actuals.mkdir()
    for year, body in ACTUALS.items():
        (actuals / f"{year}.yaml").write_text(body, encoding="utf-8")
    reviews = tmp_path / "reviews"
    reviews.mkdir()
    return strategy, actuals, reviews


def reports(inputs, review: str | None = None):
    strategy_file, actuals_dir, reviews_dir = inputs
    if review is not None:
        (reviews_dir / "2026.yaml").write_text(review, encoding="utf-8")
    s, a, _ = load_all(strategy_file, actuals_dir)
    r = load_reviews(reviews_dir, s).get(2026)
    return assess(s, a, 2026, review=r), assess(s, a, 2025)


# --- page 1 --------------------------------------------------------------------------------


def test_page_one_has_every_part(inputs):
    report, previous = reports(inputs)
    html = render_report(report, "ja", "html", previous=previous, created=DAY)
    page = assert_self_contained(html, "ja")
    cover = html.split('<section class="cover"', 1)[1].split('id="keys"', 1)[0]
    assert "<h1>テスト戦略</h1>" in cover
    assert "2026年度 (R8)" in cover
    assert "<dt>データ時点</dt><dd>2 ファイル（R7–R8）、最新ファイルの更新日 " in cover
    assert "<dt>作成日</dt><dd>2027-06-01</dd>" in cover
    assert 'id="summary"' in cover and 'id="attention"' in cover
    assert 'id="summary-chart"' in cover
    for number in (1, 2):  # the summary links every goal
        assert f'<a href="#goal-{number}">G{number} ' in cover
    text = "".join(page.text)
    assert "要注意" in text


def test_the_attention_list(inputs):
    report, previous = reports(inputs)
    view = meeting(report, previous, DAY)
    listed = {a.result.kpi.id: a.reasons for a in view.attention}
    assert listed["share-pct"] == ("miss", "worse")
    assert "regressing" in listed["co2-emissions"]
    assert "app-downloads" not in listed
    html = render_report(report, "ja", "html", previous=previous, created=DAY)
    attention = html.split('id="attention"', 1)[1].split("</section>", 1)[0]
    assert '<a href="#share-pct">割合</a>' in attention
    assert "<span>見込み未達</span> · <span>↓ 前年度より悪化</span>" in attention
    assert attention.count("<tr><td>") == len(view.attention)  # one row each
    md = render_report(report, "ja", "md", previous=previous, created=DAY)
    assert f"## 要注意 ({len(view.attention)})" in md
    assert "| △ やや遅れ | [割合](#share-pct) | 見込み未達 · ↓ 前年度より悪化 |" in md


def test_without_last_year_nothing_is_worse(inputs):
    report, _ = reports(inputs)
    view = meeting(report, None, DAY)
    assert all("worse" not in a.reasons for a in view.attention)
    assert view.movement("share-pct") is None


def test_every_kpi_card_has_its_details(inputs):
    report, previous = reports(inputs)
    html = render_report(report, "ja", "html", previous=previous, created=DAY)
    page = parse(html)
    card = page.captions["share-pct"]
    assert "54.5% (R8)" in card
    assert "期待値56%" in card.replace(" ", "")
    assert "↓ 悪化 (○ 順調 → △ やや遅れ), +0.5%" in card
    assert "R10 見込 57.5 / 60% ✗" in card
    app = page.captions["app-downloads"]
    assert "＝ 変化なし" in app and "+600件" in app and "✓" in app


def test_attention_worst_first(inputs):
    """Issue #16 item 16: 要注意 is ordered ▼ regressing, × off track, worse than last year,
    △ behind, then those only projected to miss; the lowest attainment first within one."""
    _, actuals_dir, _ = inputs
    (actuals_dir / "2025.yaml").write_text("share-pct: 54\n", encoding="utf-8")
    (actuals_dir / "2026.yaml").write_text(
        # share-pct behind and worse than last year; app-downloads 40% off track;
        # new-course-participants 100 of 150 expected: behind, projected to miss
        "new-course-participants: 100\nshare-pct: 54.5\napp-downloads: 1800\nco2-emissions: 3500\n",
        encoding="utf-8",
    )
    report, previous = reports(inputs)
    view = meeting(report, previous, DAY)
    order = [(a.result.kpi.id, a.kind) for a in view.attention]
    assert order == [
        ("co2-emissions", "regressing"),
        ("app-downloads", "off_track"),
        ("share-pct", "worse"),
        ("new-course-participants", "behind"),
    ]
    html = render_report(report, "en", "html", previous=previous, created=DAY)
    rows = re.findall(r'<tr><td>.*?<a href="#([^"]+)"', html.split('id="attention"')[1])
    assert rows == [kpi for kpi, _ in order]


def test_attention_worst_first_in_the_demo(demo):
    report, previous = demo
    view = meeting(report, previous, DAY)
    from kanazawa_pdca.report.view import ATTENTION_CLASSES

    ranks = [ATTENTION_CLASSES.index(a.kind) for a in view.attention]
    assert ranks == sorted(ranks) and ranks[0] == 0  # the demo has regressing KPIs
    for a, b in zip(view.attention, view.attention[1:], strict=False):
        if a.kind == b.kind and None not in (a.result.attainment, b.result.attainment):
            assert a.result.attainment <= b.result.attainment


def test_page_one_shows_the_worst_and_counts_the_rest(demo):
    """The first ATTENTION_FIRST of the list on page 1, then how many more and of which
    kind, then the rest in a second table (HTML and Markdown alike)."""
    from kanazawa_pdca.report.view import ATTENTION_FIRST

    report, previous = demo
    view = meeting(report, previous, DAY)
    assert len(view.attention) == 53
    assert view.attention_first == view.attention[:ATTENTION_FIRST]
    rest = view.attention_rest
    assert len(rest) == 53 - ATTENTION_FIRST
    html = render_report(report, "ja", "html", previous=previous, created=DAY)
    section = html.split('id="attention"', 1)[1].split("</section>", 1)[0]
    more, tables = section.split('<p class="more">', 1)[1].split("</p>", 1)
    counts = {k: sum(1 for a in rest if a.kind == k) for k in ("off_track", "behind")}
    assert more == (  # said above the first table, so that page 1 says it
        f"悪い順に {ATTENTION_FIRST} 件。ほか {len(rest)} 件（× 遅れ {counts['off_track']}、"
        f"△ やや遅れ {counts['behind']}）は続きの表に。"
    )
    first, after = tables.split('id="attention-rest"', 1)
    assert first.count("<tr><td>") == ATTENTION_FIRST
    assert first.count("▼ 後退</span></td>") == 6  # the six regressing KPIs come first
    assert after.count("<tr><td>") == len(rest)
    md = render_report(report, "en", "md", previous=previous, created=DAY)
    assert f"{len(rest)} more (× off track {counts['off_track']}, △ behind" in md
    assert "### Needs attention (continued)" in md


def test_a_short_attention_list_is_shown_whole(inputs):
    report, previous = reports(inputs)
    view = meeting(report, previous, DAY)
    assert view.attention_first == view.attention and not view.attention_rest
    html = render_report(report, "ja", "html", previous=previous, created=DAY)
    assert '<p class="more">' not in html and "要注意（続き）" not in html


# --- the data's own date -----------------------------------------------------------------


def _git(folder, *args, date="2026-06-30T12:00:00+09:00"):
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    env.update(GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t", GIT_COMMITTER_NAME="t")
    env.update(GIT_COMMITTER_EMAIL="t@t", GIT_CONFIG_NOSYSTEM="1", HOME=str(folder))
    subprocess.run(["git", "-C", str(folder), *args], check=True, env=env, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_data_as_of_from_git(inputs):
    """データ時点 is the date of the newest commit of the actuals files used, not the files'
    modification time (which a fresh clone resets); an uncommitted change is said."""
    _, actuals_dir, _ = inputs
    _git(actuals_dir, "init", "-q")
    _git(actuals_dir, "add", "2025.yaml")
    _git(actuals_dir, "commit", "-q", "-m", "R7", date="2025-06-30T10:00:00+09:00")
    _git(actuals_dir, "add", "2026.yaml")
    _git(actuals_dir, "commit", "-q", "-m", "R8", date="2026-07-15T23:30:00+09:00")
    for path in actuals_dir.glob("*.yaml"):  # as a fresh clone: every file new
        os.utime(path, (1_800_000_000, 1_800_000_000))
    report, previous = reports(inputs)
    view = meeting(report, previous, DAY)
    assert view.data_as_of("ja") == "2 ファイル（R7–R8）、最新のコミット 2026-07-15"
    assert view.data_as_of("en") == "2 files (R7–R8); last committed 2026-07-15"
    html = render_report(report, "ja", "html", previous=previous, created=DAY)
    assert "<dt>データ時点</dt><dd>2 ファイル（R7–R8）、最新のコミット 2026-07-15</dd>" in html
    md = render_report(report, "en", "md", previous=previous, created=DAY)
    assert "- **Data as of**: 2 files (R7–R8); last committed 2026-07-15" in md
    # a change not yet committed: the files' date, and the text says so
    path = actuals_dir / "2026.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    os.utime(path, (1_790_000_000, 1_790_000_000))
    changed = dt.date.fromtimestamp(1_800_000_000).isoformat()  # the newest of the two
    assert meeting(*reports(inputs), DAY).data_as_of("ja") == (
        f"2 ファイル（R7–R8）、未コミットの変更あり（最新ファイルの更新日 {changed}）"
    )


def test_data_as_of_without_git_is_the_files_date(inputs, monkeypatch):
    _, actuals_dir, _ = inputs
    for path in actuals_dir.glob("*.yaml"):
        os.utime(path, (1_780_000_000, 1_780_000_000))
    day = dt.date.fromtimestamp(1_780_000_000).isoformat()
    text = f"2 ファイル（R7–R8）、最新ファイルの更新日 {day}"
    assert meeting(*reports(inputs), DAY).data_as_of("ja") == text  # not a repository
    monkeypatch.setenv("PATH", str(actuals_dir))  # no git at all
    assert meeting(*reports(inputs), DAY).data_as_of("ja") == text


# --- the printed page's margins --------------------------------------------------------------


def test_english_footer(inputs):
    """The English report's running footer (the title in the page margin) is English."""
    report, previous = reports(inputs)
    english = render_report(report, "en", "html", previous=previous, created=DAY)
    footer = re.search(r'@bottom-left \{ content: "([^"]*)"', english).group(1)
    assert footer == "Test strategy — FY2026 (R8)"
    assert 'content: "page " counter(page)' in english
    japanese = render_report(report, "ja", "html", previous=previous, created=DAY)
    assert '@bottom-left { content: "テスト戦略 — 2026年度 (R8)"' in japanese


# --- the committee's review ------------------------------------------------------------


def test_review_and_override_in_the_report(inputs):
    report, previous = reports(inputs, REVIEW)
    html = render_report(report, "ja", "html", previous=previous, created=DAY)
    page = assert_self_contained(html, "ja")
    goal = html.split('id="goal-1"', 1)[1]
    assert "<dt>評価</dt><dd>B 概ね順調</dd>" in goal
    assert "<dt>方向性</dt><dd>継続</dd>" in goal
    assert "目標一の分析" in goal and "目標一の計画" in goal
    assert "施策一の分析" in goal
    assert "1-1-2 取組二" in goal and "取組二の計画" in goal
    card = page.captions["share-pct"]
    assert "○ 順調 ✎" in card
    assert "✎ 委員会判断: ○ 順調 — 調査方法の変更による一時的な低下 (計算上: △ やや遅れ)" in card
    assert "要因分析 調査の回答者が変わった" in card
    assert "pdca の既定の尺度です" in html  # default_scale: true
    md = render_report(report, "ja", "md", previous=previous, created=DAY)
    assert "#### ○ 順調 ✎ 割合" in md
    assert (
        "- **✎ 委員会判断**: ○ 順調 — 調査方法の変更による一時的な低下 (計算上: △ やや遅れ)" in md
    )
    assert "- **評価**: B 概ね順調" in md and "- **要因分析**: 調査の回答者が変わった" in md


# --- the fictional banner ------------------------------------------------------------------


def test_fictional_inputs_put_a_banner_on_every_page(inputs):
    _, actuals_dir, _ = inputs
    report, previous = reports(inputs)
    plain = render_report(report, "ja", "html", previous=previous, created=DAY)
    assert "架空" not in plain and "@top-center" not in plain
    (actuals_dir / "2026.yaml").write_text("fictional: true\n" + ACTUALS[2026], encoding="utf-8")
    report, previous = reports(inputs)
    assert report.fictional
    html = render_report(report, "ja", "html", previous=previous, created=DAY)
    assert '<div class="fictional" role="note">⚠ 架空のデータを含みます' in html
    assert '@top-center { content: "⚠ 架空のデータを含みます' in html  # every printed page
    md = render_report(report, "en", "md", previous=previous, created=DAY)
    assert md.startswith("> **⚠ Contains fictional data")
    assert md.count("⚠ Contains fictional data") == 2  # at the top and at the end


def test_a_fictional_review_alone_marks_the_report(inputs):
    report, _ = reports(inputs, "fictional: true\n")
    assert report.fictional


# --- hostile text from the data ---------------------------------------------------------

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>&amp; | `code` [l](http://e)'


def test_hostile_text_is_escaped_everywhere(inputs):
    strategy_file = inputs[0]
    text = strategy_file.read_text(encoding="utf-8")
    text = text.replace("title: テスト戦略", f"title: '{HOSTILE}'")
    text = text.replace("name: 割合", f"name: '割合{HOSTILE}'")
    text = text.replace('unit: "%"', "unit: '%</text><script>'", 1)
    strategy_file.write_text(text, encoding="utf-8")
    review = (
        f"goals:\n  G1: {{analysis: '{HOSTILE}'}}\nkpis:\n  share-pct:\n"
        f"    explanation: '{HOSTILE}'\n    override: {{status: on_track, reason: '{HOSTILE}'}}\n"
    )
    report, previous = reports(inputs, review)
    html = render_report(report, "ja", "html", previous=previous, created=DAY)
    page = assert_self_contained(html, "ja")  # no script, no handler, no outside link
    assert "<img" not in html and "</text><script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&amp;amp;" in html
    style = html.split("<style>", 1)[1].split("</style>", 1)[0]
    assert "<" not in style and "\\3c script\\3e " in style  # the page footer's title
    assert HOSTILE in "".join(page.text)  # shown as the text it is
    md = render_report(report, "ja", "md", previous=previous, created=DAY)
    assert "<script>" not in md and "<img" not in md and "[l](http://e)" not in md
    assert "&lt;script&gt;" in md


# --- charts -------------------------------------------------------------------------------


def test_charts_show_unit_target_outlook_and_reiwa_years(inputs):
    report, previous = reports(inputs)
    html = render_report(report, "ja", "html", previous=previous, created=DAY)
    card = html.split('id="share-pct"', 1)[1].split("</figure>", 1)[0]
    svg = card.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert ">単位: %</text>" in svg
    assert 'class="c-target"' in svg and ">目標</text>" in svg
    assert 'class="c-out"' in svg and 'class="c-outdot"' in svg  # the outlook, dotted
    assert re.findall(r">(R\d+)</text>", svg) == ["R5", "R6", "R7", "R8", "R9", "R10"]
    assert 'class="c-judged st-behind"' in svg and ">△ やや遅れ</text>" in svg  # its status
    style = html.split("<style>", 1)[1].split("</style>", 1)[0]
    assert "stroke-dasharray:0.1 4" in style  # dotted outlook
    assert set(STATUS_COLORS.values()) - {"#BBBBBB", "#E0E0E0"} <= set(OKABE_ITO.values())
    for colour in STATUS_COLORS.values():
        assert colour in style
    # the summary bar: every segment carries its status symbol
    summary = html.split('id="summary-chart"', 1)[1].split("</svg>", 1)[0]
    for status, n in report.goals[0].counts.items():
        if n:
            assert f'class="st-{status.value}"' in summary
    assert "○" in summary or "△" in summary


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (0, 60, [0, 20, 40, 60]),
        (45, 65, [45, 50, 55, 60, 65]),
        (1.31, 1.35, [1.3, 1.32, 1.34, 1.36]),
        (5, 5, [4.5, 4.75, 5, 5.25, 5.5]),  # a flat series: ±10% around it
        (0, 150000, [0, 50000, 100000, 150000]),
    ],
)
def test_nice_ticks(low, high, expected):
    assert nice_ticks(low, high) == pytest.approx(expected)


def test_no_charts(inputs):
    report, previous = reports(inputs)
    html = render_report(report, "ja", "html", previous=previous, created=DAY, charts=False)
    page = assert_self_contained(html, "ja")
    assert "<svg" not in html
    assert set(page.figures) == {r.kpi.id for r in report.kpis}  # every KPI still has a card
    md = render_report(report, "ja", "md", previous=previous, created=DAY, charts=False)
    assert "推移" not in md.split("## 要注意", 1)[1] or "`▁" not in md


# --- the bundled strategy and the demo -------------------------------------------------------


@pytest.fixture(scope="module")
def demo():
    s, a, _ = load_all(DATA / "strategy.yaml", DEMO)
    review = load_reviews(DEMO_REVIEWS, s).get(2026)
    return assess(s, a, 2026, review=review), assess(s, a, 2025)


def test_bundled_report_is_at_most_400_kb(demo):
    report, previous = demo
    html = render_report(report, "ja", "html", previous=previous, created=DAY)
    size = len(html.encode("utf-8"))
    assert size <= 400_000, f"{size} bytes"
    english = render_report(report, "en", "html", previous=previous, created=DAY)
    assert len(english.encode("utf-8")) <= 400_000
    assert_self_contained(html, "ja")
    assert report.fictional and "架空のデータを含みます" in html
    judged = sum(1 for r in report.kpis if r.actual is not None and r.actual_year is not None)
    assert html.count('class="c-judged') == judged + 1  # and one in the chart legend


def test_demo_report_shows_the_demo_review(demo):
    report, previous = demo
    view = meeting(report, previous, DAY)
    assert view.attention and any("worse" in a.reasons for a in view.attention)
    html = render_report(report, "ja", "html", previous=previous, created=DAY)
    assert html.count('<span class="ovr"') >= 2
    assert "（架空）令和9年度に12地区の開設が決定済み" in html
    assert report.result("kids-plaza-users").status is Status.OFF_TRACK


# --- the command ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["r.pdf", "r.PDF", "r.xlsx", "r.docx", "r.png", "report"])
def test_unwritable_outputs_are_refused(run, tmp_path, name, english):
    out = tmp_path / name
    result = run("report", "2026", "-o", out, "--actuals", DEMO)
    assert result.exit_code == 2
    assert not out.exists()
    line = result.stderr.strip()
    assert line.startswith(f"{out}: pdca report writes HTML (.html) or Markdown (.md), not ")
    assert line.endswith("[unsupported-output]")
    if name.lower().endswith(".pdf"):
        assert "print it to PDF from a browser" in line
    forced = run("report", "2026", "-o", out, "-f", "html", "--actuals", DEMO)
    assert forced.exit_code == (0 if name == "report" else 2)


def test_cli_report_with_reviews_and_no_charts(run, tmp_path):
    out = tmp_path / "meeting.html"
    result = run(
        "report", "2026", "-o", out, "--actuals", DEMO, "--reviews", DEMO_REVIEWS, "--no-charts"
    )
    assert result.exit_code == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert "<svg" not in html and "架空" in html and "✎" in html
    assert "前年度比" in html  # the CLI hands last year's report for the movement
    md = tmp_path / "meeting.md"
    assert (
        run("report", "R8", "-o", md, "--actuals", DEMO, "--reviews", DEMO_REVIEWS).exit_code == 0
    )
    assert md.read_text(encoding="utf-8").startswith("> **⚠ 架空のデータを含みます")


def test_report_tests_do_not_need_the_network_or_files_outside(tmp_path):
    assert Path(DATA / "reviews" / "README.md").is_file()


def test_report_formats_share_only_public_names():
    """Issue #14: the Markdown does not borrow the HTML's private helpers; what both need
    lives in report/view.py or present/ (no `from .html import _x`)."""
    import ast

    folder = ROOT / "kanazawa_pdca" / "report"
    for path in folder.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                private = [a.name for a in node.names if a.name.startswith("_")]
                private = [n for n in private if not n.startswith("__")]  # __version__
                assert not private, f"{path.name} imports {private} from .{node.module}"
    markdown = (folder / "markdown.py").read_text(encoding="utf-8")
    assert "from .html" not in markdown and "import html" not in markdown
