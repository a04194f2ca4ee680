"""The meeting report as printed (issue #16 item 16): pages, page 1, headers, chart labels.

What a browser does with the page is checked by printing the demo's report with headless
Chromium and reading the PDF with poppler (`pdftotext`); that needs Debian's `chromium`
and `poppler-utils` and is skipped without them. The rules that make the layout are
checked without a browser: the print stylesheet, the HTML it applies to, and the geometry
of every chart's status label.
"""

from __future__ import annotations

import itertools
import math
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from conftest import DEMO, ROOT
from kanazawa_pdca.report.charts import HEIGHT, WIDTH

DEMO_REVIEWS = ROOT / "examples" / "demo-reviews"
MAX_PAGES = 22
NEAR_EMPTY = 0.5  # a page but the last filled less than half-way down is near-empty
CHROMIUM = next(
    (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p),
    None,
)
needs_browser = pytest.mark.skipif(
    CHROMIUM is None or shutil.which("pdftotext") is None,
    reason="printing needs chromium and poppler-utils (apt-get install chromium poppler-utils)",
)
VARIANTS = {"ja": [], "en": ["--lang", "en"], "no-charts": ["--no-charts"]}


def demo_report(run, tmp_path: Path, *args: str) -> Path:
    out = tmp_path / "report.html"
    result = run("report", "2026", "--actuals", DEMO, "--reviews", DEMO_REVIEWS, "-o", out, *args)
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """The demo's report printed, once per variant for the module: {variant: pages}."""
    from typer.testing import CliRunner

    from kanazawa_pdca.cli import app

    done: dict[str, list[tuple[str, float]]] = {}

    def pages(variant: str) -> list[tuple[str, float]]:
        if variant not in done:
            folder = tmp_path_factory.mktemp(variant)
            out = folder / "report.html"
            args = ["report", "2026", "--actuals", str(DEMO), "--reviews", str(DEMO_REVIEWS)]
            result = CliRunner().invoke(
                app,
                [*args, "-o", str(out), *VARIANTS[variant]],
                env={"PDCA_LANG": None, "PDCA_STRATEGY": None, "PDCA_ACTUALS": None},
            )
            assert result.exit_code == 0, result.output
            done[variant] = pdf_pages(print_to_pdf(out))
        return done[variant]

    return pages


def print_to_pdf(html: Path) -> Path:
    """As a person prints it: A4 from the page's own @page rules, no browser header."""
    pdf = html.with_suffix(".pdf")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                "--no-pdf-header-footer",
                f"--print-to-pdf={pdf}",
                html.as_uri(),
            ],
            capture_output=True,
            timeout=180,
            check=False,
        )
    assert pdf.is_file() and pdf.stat().st_size > 0, "chromium printed nothing"
    return pdf


def pdf_pages(pdf: Path) -> list[tuple[str, float]]:
    """Each page's text and how far down its body is filled (0 to 1): the lowest word
    between the top and bottom margins of @page (16 mm; the running footer and the
    fictional banner are in the margins)."""
    box = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    margin = 16 / 25.4 * 72
    pages = []
    for i, page in enumerate(re.findall(r"<page [^>]*>.*?</page>", box, re.S)):
        height = float(re.search(r'height="([\d.]+)"', page).group(1))
        bottoms = [
            float(y)
            for y in re.findall(r'yMax="([\d.]+)"', page)
            if margin < float(y) < height - margin
        ]
        lowest = max(bottoms, default=margin)
        pages.append((text[i], (lowest - margin) / (height - 2 * margin)))
    return pages


@needs_browser
@pytest.mark.parametrize("variant", VARIANTS)
def test_report_pages_at_most_22(printed, variant):
    """The demo's report (31 A4 pages before, 23 in English, 18 without charts) prints on
    at most 22, and no page but the last is near-empty."""
    pages = printed(variant)
    assert len(pages) <= MAX_PAGES, f"{len(pages)} pages"
    fills = [round(fill, 2) for _, fill in pages]
    assert all(f >= NEAR_EMPTY for f in fills[:-1]), fills


@needs_browser
def test_printed_page_one_shows_the_worst_and_counts_the_rest(printed):
    from kanazawa_pdca.assess import assess
    from kanazawa_pdca.load import load_all, load_reviews
    from kanazawa_pdca.report.view import meeting

    pages = printed("ja")
    first = re.sub(r"[ \n]", "", pages[0][0])
    s, a, _ = load_all(ROOT / "data" / "strategy.yaml", DEMO)
    view = meeting(
        assess(s, a, 2026, review=load_reviews(DEMO_REVIEWS, s).get(2026)), assess(s, a, 2025)
    )
    for item in view.attention_first:  # every one of the worst on page 1 (a long name
        name = item.result.kpi.name.replace(" ", "")  # wraps: its first words)
        assert name[:12] in first, name
    assert f"ほか{len(view.attention_rest)}件（" in first
    assert "要注意（続き）" not in first


@needs_browser
def test_printed_headers_and_figures_stay_whole(printed):
    """No header set one character a line (や/や/遅/れ), 方向性 never broken as 方向/性,
    no share figure alone on a line (43%)."""
    text = "\n".join(t for t, _ in printed("ja"))
    lines = [line.strip() for line in text.splitlines()]
    for piece in ("や", "遅", "れ", "性", "方向"):  # a header's word broken up
        assert piece not in lines, piece
    assert "方向性" in text
    # the share with its figure on one line, in each goal's summary line
    assert len(re.findall(r"達成・順調の割合: \d+%", text)) == 4


# --- without a browser: the rules that make the printed layout -----------------------------


def test_print_rules(run, tmp_path):
    """Two cards a row and no forced page break per goal (so no near-empty page), headings
    kept with what follows, a card never split; status headers break only between words."""
    html = demo_report(run, tmp_path).read_text(encoding="utf-8")
    css = html.split("<style>", 1)[1].split("</style>", 1)[0]
    printed = css.split("@media print {", 1)[1]
    assert ".cards { grid-template-columns: 1fr 1fr;" in printed
    assert "break-before: page" not in css and "page-break-before: always" not in css
    # a heading never ends a page, and is never split across two (a long policy title)
    assert "h1, h2, h3 { break-after: avoid; page-break-after: avoid; break-inside: avoid; }" in css
    assert re.search(r"figure, tr, [^{]*\{\s*break-inside: avoid;", printed)
    assert "@page { size: A4 portrait;" in css
    # headers: a status word whole (word-break: keep-all), 方向性 whole (nowrap)
    assert re.search(r"table\.summary-table th \.status \{[^}]*word-break: keep-all", css)
    assert re.search(r"table\.measures-review th[^{]*\{\s*white-space: nowrap", css)
    assert re.search(r"\.goal-summary \.share \{ white-space: nowrap", css)
    assert html.count('<span class="share">') == 4  # one per goal's summary line
    assert "<th>方向性</th>" in html


def test_status_label_off_the_chart_lines(run, tmp_path):
    """No chart's status word sits on a line of the chart (the dashed expected line, the
    figures, the outlook): its box (1 em a wide character, 0.6 em another) is crossed by
    none of them. Before: 14 of the demo's 86 labels sat on a line."""
    for lang in ("ja", "en"):
        html = demo_report(run, tmp_path, "--lang", lang).read_text(encoding="utf-8")
        charts = re.findall(r'data-kpi="([^"]+)".*?(<svg class="chart".*?</svg>)', html, re.S)
        assert len(charts) == 95
        labelled = 0
        for kpi, svg in charts:
            label = re.search(
                r'<text class="c-sym" x="([-\d.]+)" y="([-\d.]+)" '
                r'text-anchor="(\w+)">([^<]*)</text>',
                svg,
            )
            if label is None:
                continue
            labelled += 1
            box = _box(float(label[1]), float(label[2]), label[3], label[4])
            assert box[0] >= 0 and box[2] <= WIDTH and box[3] <= HEIGHT, (kpi, box)
            for a, b in _segments(svg):
                assert not _crosses(a, b, box), (lang, kpi, label[4], a, b)
        assert labelled == 86


def _box(x: float, y: float, anchor: str, text: str, size: float = 11.0):
    width = sum(size if ord(c) >= 0x2000 else size * 0.6 for c in text)
    left = {"end": x - width, "middle": x - width / 2}.get(anchor, x)
    return left, y - size * 0.8, left + width, y + size * 0.2


def _segments(svg: str):
    for cls in ("c-exp", "c-act"):
        found = re.search(rf'<polyline class="{cls}" points="([^"]+)"', svg)
        if found:
            points = [tuple(map(float, p.split(","))) for p in found[1].split()]
            yield from itertools.pairwise(points)
    out = re.search(r'<path class="c-out" d="M([-\d.]+) ([-\d.]+)L([-\d.]+) ([-\d.]+)"', svg)
    if out:
        yield (float(out[1]), float(out[2])), (float(out[3]), float(out[4]))


def _crosses(a, b, box) -> bool:
    """Whether the segment a–b passes through the box (sampled every half unit)."""
    steps = int(math.dist(a, b) * 2) + 1
    for i in range(steps + 1):
        x = a[0] + (b[0] - a[0]) * i / steps
        y = a[1] + (b[1] - a[1]) * i / steps
        if box[0] < x < box[2] and box[1] < y < box[3]:
            return True
    return False
