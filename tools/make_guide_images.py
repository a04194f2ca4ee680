"""Make the pictures of the Japanese guide (docs/guide-ja.md, 利用の手引き) again.

    python tools/make_guide_images.py              # every picture
    python tools/make_guide_images.py table sheet  # only some: table, sheet, report, card

Run it from anywhere, with pdca installed in the Python that runs it (`pip install -e .`).
It writes docs/images/*.png from the bundled strategy and the FICTIONAL demo figures
(examples/demo-actuals, examples/demo-reviews), so the pictures show what pdca prints today:

- check-table.png  the terminal table of `pdca check 2026 --actuals examples/demo-actuals`
                   (goal 1, its first rows): pdca's own colours (`--color always`) recorded by
                   rich (`Console(record=True)` → SVG), then a headless Chromium screenshot;
- template-sheet.png  the top of the first printed page of `pdca template 2026 -o 2026.xlsx`,
                   as LibreOffice prints it (`soffice --headless --convert-to pdf`, `pdftoppm`);
- report-page1.png and report-cards.png  page 1 and the row of KPI cards that holds CARD, of
                   the demo's meeting report (`pdca report 2026 … -o demo.html`) printed by
                   headless Chromium on A4 without the browser's headers and footers
                   (`--print-to-pdf --no-pdf-header-footer`), then `pdftoppm`.

It needs Chromium, LibreOffice Calc, poppler's pdftoppm and Japanese fonts:

    apt-get install -y chromium fonts-noto-cjk libreoffice-calc poppler-utils

A maintainer's tool: the tests never run it (tests/test_guide.py checks that every picture
the guide links exists and that every command in the guide runs). Look at each picture after
making it, and keep each under 200 KB.
"""

from __future__ import annotations

import argparse
import html
import io
import itertools
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"
DEMO = ["--actuals", "examples/demo-actuals", "--reviews", "examples/demo-reviews"]
LIMIT = 200_000  # bytes per picture

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


def pdca(*args: str, **env: str) -> str:
    """Run `pdca ARGS` from the repository's top; its standard output."""
    environment = {**os.environ, "PDCA_LANG": "ja", **env}
    environment.pop("NO_COLOR", None)
    done = subprocess.run(
        [sys.executable, "-m", "kanazawa_pdca", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    if done.returncode not in (0, 1):
        sys.exit(f"pdca {' '.join(args)}: exit {done.returncode}\n{done.stderr}")
    return done.stdout


def tool(name: str, *candidates: str) -> str:
    for candidate in (name, *candidates):
        if found := shutil.which(candidate):
            return found
    sys.exit(f"{name} not found: apt-get install -y chromium libreoffice-calc poppler-utils")


def chromium(*args: str) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                tool("chromium", "chromium-browser", "google-chrome"),
                *CHROMIUM_FLAGS,
                f"--user-data-dir={profile}",
                *args,
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )


def words(pdf: Path, page: int) -> list[tuple[str, float, float, float, float]]:
    """(word, x0, y0, x1, y1) in points of every word printed on a page (pdftotext -bbox)."""
    boxes = subprocess.run(
        [tool("pdftotext"), "-f", str(page), "-l", str(page), "-bbox", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
    ).stdout
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<'
    return [
        (html.unescape(m[5]), *(float(v) for v in m.groups()[:4]))
        for m in re.finditer(pattern, boxes)
    ]


def content_box(pdf: Path, page: int) -> tuple[float, float, float, float]:
    """(x0, y0, x1, y1) in points around the words printed on a page."""
    found = words(pdf, page)
    return (
        min(w[1] for w in found),
        min(w[2] for w in found),
        max(w[3] for w in found),
        max(w[4] for w in found),
    )


def page_width(pdf: Path) -> float:
    """The width in points of the first page."""
    info = subprocess.run(
        [tool("pdfinfo"), str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    return float(re.search(r"Page size:\s+([\d.]+) x", info)[1])


def card_row(pdf: Path, page: int, card: str) -> tuple[float, float]:
    """(top, bottom) in points of the row of KPI cards that holds `card`: from the line that
    prints its id (a card's first line) to the last line before the next row's first line or
    before the page's footer (the first gap of more than GAP points)."""
    found = words(pdf, page)
    top = next(w[2] for w in found if w[0] == card)
    later = sorted((w[2], w[4]) for w in found if w[2] > top + 1)
    ids = {w[2] for w in found if w[2] > top + 1 and ID.fullmatch(w[0])}
    bottom = top + 12
    for y0, y1 in later:
        if y0 - bottom > GAP or (ids and y0 >= min(ids) - 1):
            break
        bottom = max(bottom, y1)
    return top, bottom


ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")  # a KPI id as a card prints it
GAP = 40  # points: more empty space than this below a card is the page's bottom margin


def page_with(pdf: Path, word: str) -> int:
    """The first page after page 1 on which `word` is printed."""
    pages = int(
        re.search(
            r"Pages:\s+(\d+)",
            subprocess.run(
                [tool("pdfinfo"), str(pdf)], check=True, capture_output=True, text=True
            ).stdout,
        )[1]
    )
    for page in range(2, pages + 1):
        if any(w[0] == word for w in words(pdf, page)):
            return page
    sys.exit(f"{pdf}: no page after the first prints {word!r}")


def pdftoppm(
    pdf: Path, page: int, out: Path, dpi: int, box: tuple[float, float, float, float] | None = None
) -> None:
    """Page `page` of `pdf` as the PNG `out` at `dpi`, cropped to `box` (points) if given."""
    crop: list[str] = []
    if box is not None:
        x0, y0, x1, y1 = (v / 72 * dpi for v in box)
        crop = ["-x", f"{x0:.0f}", "-y", f"{y0:.0f}"]
        crop += ["-W", f"{x1 - x0:.0f}", "-H", f"{y1 - y0:.0f}"]
    subprocess.run(
        [
            tool("pdftoppm"),
            "-png",
            "-singlefile",
            "-r",
            str(dpi),
            "-f",
            str(page),
            "-l",
            str(page),
            *crop,
            str(pdf),
            str(out.with_suffix("")),
        ],
        check=True,
    )


# --- the terminal table --------------------------------------------------------------------
TABLE_WIDTH = 112  # columns: the table as a terminal of this width shows it
TABLE_LINES = 29  # the first lines of goal 1: most statuses, an override, an older figure
SCALE = 0.8  # the screenshot at 80%: legible, and under 200 KB
FONT = '"DejaVu Sans Mono", "Noto Sans Mono CJK JP", monospace'


def terminal_svg(ansi: str, title: str, width: int) -> str:
    """The terminal's text as an SVG, with wide (Japanese) characters two cells wide.

    rich's export_svg positions every run of text by cells but stretches it to
    len(text) cells (textLength), which squeezes Japanese into half its width; the runs are
    stretched to their cell width here, and the font is one that has the box-drawing and
    status symbols at one cell (Japanese falls back to Noto Sans Mono CJK).
    """
    from rich.cells import cell_len
    from rich.console import Console
    from rich.text import Text

    console = Console(
        record=True,
        width=width,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
    )
    for line in ansi.splitlines():
        console.print(Text.from_ansi(line), overflow="crop", no_wrap=True)
    svg = console.export_svg(title=title)
    char_width = 20 * 0.61  # rich's cell: a 20 px font at Fira Code's aspect ratio

    def split(match: re.Match[str]) -> str:
        """One <text> per run of wide or of narrow characters, each placed on its cells."""
        text = html.unescape(match["text"])
        x = float(match["x"])
        parts = []
        for _, chars in itertools.groupby(text, key=lambda c: cell_len(c) > 1):
            run = "".join(chars)
            cells = cell_len(run)
            if run.strip():
                body = html.escape(run).replace(" ", "&#160;")
                parts.append(
                    f'<text {match["attrs"]} x="{x:g}" y="{match["y"]}" '
                    f'textLength="{char_width * cells:g}"{match["tail"]}>{body}</text>'
                )
            x += char_width * cells
        return "".join(parts)

    svg = re.sub(
        r'<text (?P<attrs>class="[^"]*-r\d+") x="(?P<x>[^"]*)" y="(?P<y>[^"]*)" '
        r'textLength="[^"]*"(?P<tail>[^>]*)>(?P<text>[^<]*)</text>',
        split,
        svg,
    )
    return svg.replace("font-family: Fira Code, monospace", f"font-family: {FONT}")


def make_table(work: Path) -> Path:
    ansi = pdca(
        "check",
        "2026",
        *DEMO,
        "--goal",
        "1",
        "--color",
        "always",
        "--width",
        str(TABLE_WIDTH),
    )
    lines = [*ansi.splitlines()[:TABLE_LINES], "…"]
    svg = terminal_svg(
        "\n".join(lines), "pdca check 2026 --actuals examples/demo-actuals", TABLE_WIDTH
    )
    width, height = (
        round(float(v)) for v in re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg).groups()
    )
    source = work / "table.svg"
    source.write_text(svg, encoding="utf-8")
    out = IMAGES / "check-table.png"
    chromium(
        f"--screenshot={out}",
        f"--window-size={width},{height}",
        f"--force-device-scale-factor={SCALE}",
        source.as_uri(),
    )
    return out


# --- the fill-in sheet ---------------------------------------------------------------------
SHEET_PIXELS = 900  # the printed table's width in the picture
SHEET_ASPECT = 0.55  # the top of the printed table: about half as high as it is wide
MARGIN = 8  # points around what is printed


def make_sheet(work: Path) -> Path:
    book = work / "2026.xlsx"
    pdca("template", "2026", "-o", str(book))
    subprocess.run(
        [
            tool("libreoffice", "soffice"),
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(book),
        ],
        check=True,
        capture_output=True,
        timeout=180,
        env={**os.environ, "HOME": str(work)},  # a profile of its own, thrown away
    )
    out = IMAGES / "template-sheet.png"
    pdf = work / "2026.pdf"
    x0, y0, x1, y1 = content_box(pdf, 1)
    x1 = max(x1, page_width(pdf) - x0)  # the table's last column, as wide as the left margin
    box = (x0 - MARGIN, y0 - MARGIN, x1 + MARGIN, min(y1, y0 + (x1 - x0) * SHEET_ASPECT))
    pdftoppm(pdf, 1, out, round(SHEET_PIXELS / ((box[2] - box[0]) / 72)), box)
    return out


# --- the meeting report --------------------------------------------------------------------
CARD = "neighbourhood-childcare-health-rooms"  # a card with an override and an explanation


def make_report(work: Path, which: set[str]) -> list[Path]:
    page = work / "demo.html"
    pdca("report", "2026", *DEMO, "-o", str(page))
    pdf = work / "demo.pdf"
    chromium(f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri())
    made = []
    if "report" in which:
        out = IMAGES / "report-page1.png"
        pdftoppm(pdf, 1, out, 80)
        made.append(out)
    if "card" in which:
        out = IMAGES / "report-cards.png"
        page = page_with(pdf, CARD)
        x0, _, x1, _ = content_box(pdf, page)
        top, bottom = card_row(pdf, page, CARD)
        pdftoppm(pdf, page, out, 110, (x0 - MARGIN, top - 7, x1 + MARGIN, bottom + MARGIN))
        made.append(out)
    return made


PICTURES = ("table", "sheet", "report", "card")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("which", nargs="*", help=f"some of: {', '.join(PICTURES)} (default: all)")
    which = set(parser.parse_args().which or PICTURES)
    if unknown := which - set(PICTURES):
        parser.error(f"no picture {', '.join(sorted(unknown))} (one of: {', '.join(PICTURES)})")
    IMAGES.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        if "table" in which:
            made.append(make_table(work))
        if "sheet" in which:
            made.append(make_sheet(work))
        if which & {"report", "card"}:
            made += make_report(work, which)
    for path in made:
        size = path.stat().st_size
        note = "" if size <= LIMIT else f"  (over {LIMIT // 1000} KB: crop or lower the dpi)"
        print(f"{path.relative_to(ROOT)}: {size // 1000} KB{note}")


if __name__ == "__main__":
    main()
