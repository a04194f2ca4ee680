"""docs/guide-ja.md (利用の手引き): every command it shows runs as written, its YAML examples
validate, its pictures exist, and the marks it explains are the ones pdca prints."""

from __future__ import annotations

import re
import shlex
import shutil
import textwrap
import unicodedata

import pytest

from conftest import ROOT
from kanazawa_pdca.i18n.labels import (
    MOVEMENT_WORDS,
    OVERRIDE_MARK,
    STATUS_STYLE,
    movement_label,
    status_label,
)
from kanazawa_pdca.present.notes import NOTE_MARK
from kanazawa_pdca.present.outlook_cell import MISSES, REACHES
from kanazawa_pdca.trajectory import Status

GUIDE = ROOT / "docs" / "guide-ja.md"
TEXT = GUIDE.read_text(encoding="utf-8")
BLOCK = re.compile(
    r"^(?P<indent> *)```(?P<lang>\w*)\n(?P<body>.*?)^(?P=indent)```$", re.MULTILINE | re.DOTALL
)


def blocks(lang: str) -> list[str]:
    """The fenced blocks of one language (those inside a list item too, dedented)."""
    return [textwrap.dedent(m["body"]) for m in BLOCK.finditer(TEXT) if m["lang"] == lang]


def shell_commands() -> list[list[str]]:
    """Every `pdca …` line of the guide's sh blocks, as the shell would split it, in order."""
    found = []
    for body in blocks("sh"):
        for line in body.splitlines():
            words = shlex.split(line, comments=True)
            if words and words[0] == "pdca":
                found.append(words[1:])
    return found


@pytest.fixture
def sandbox(tmp_path, monkeypatch):
    """A copy of the repository's data and demo data; the current directory, as in the guide."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PDCA_REVIEWS", raising=False)
    return tmp_path


def test_the_guide_shows_every_step_of_the_year():
    commands = {words[0] for words in shell_commands() if words and not words[0].startswith("-")}
    expected = {"template", "import", "record", "missing", "validate", "check", "diff", "show"}
    assert commands >= expected | {"report", "kpis"}
    for heading in (
        "記入シート",
        "取り込む",
        "未提出の確認",
        "判定",
        "前年度比較・見込み",
        "委員会の評価",
        "会議資料",
        "エラーが出たとき",
        "データファイルの置き場所",
    ):
        assert re.search(rf"^#+ .*{heading}", TEXT, re.MULTILINE), heading
    # the steps of the year come in the year's order
    steps = (
        "記入シート",
        "取り込む",
        "未提出の確認",
        "判定",
        "前年度比較",
        "委員会の評価",
        "会議資料",
    )
    places = [re.search(rf"^### .*{step}", TEXT, re.MULTILINE).start() for step in steps]
    assert places == sorted(places)


def test_every_command_in_the_guide_runs_as_written(run, sandbox):
    """In order, as a clerk would type them (template before import), in a copy of the data."""
    commands = shell_commands()
    assert len(commands) >= 30
    for words in commands:
        result = run(*words)
        assert result.exit_code in (0, 1), f"pdca {shlex.join(words)}\n{result.stderr}"
        assert result.stdout.strip() or "-o" in words, f"pdca {shlex.join(words)} printed nothing"
    # what the guide says the commands made is there
    for made in (
        "2026.xlsx",
        "2026.csv",
        "2026-基本目標2.xlsx",
        "check-2026.xlsx",
        "check-2026.csv",
        "report-2026.html",
        "demo.html",
        "report-2026.md",
    ):
        assert (sandbox / made).is_file(), made
    # --dry-run wrote nothing, and the empty template recorded nothing
    assert not (sandbox / "data" / "actuals" / "2026.yaml").exists()


def test_every_command_on_the_demo_data_says_it_is_fictional():
    demo = [line for body in blocks("sh") for line in body.splitlines() if "examples/demo" in line]
    assert len(demo) >= 5
    assert [line for line in demo if "架空" not in line.partition("#")[2]] == []


def test_every_command_in_the_guide_text_parses(run):
    """`pdca …` in the running text (options named in a sentence) are real options: --help
    after them still parses the command line up to it."""
    spans = set(re.findall(r"`(pdca [^`]+)`", TEXT))
    assert len(spans) >= 10
    for span in sorted(spans):
        words = shlex.split(span)[1:]
        command = [w for w in words if not w.startswith("-")][:1]
        options = [w.split("=")[0] for w in words if w.startswith("--")]
        result = run(*command, "--help")
        assert result.exit_code == 0, span
        for option in options:
            assert option in result.stdout or option == "--help", f"{span}: {option}"


def test_the_yaml_examples_validate(run, sandbox):
    """The actuals and review examples of the guide are files pdca accepts."""
    examples = blocks("yaml")
    actuals = next(b for b in examples if "childcare-app-downloads: 26105" in b)
    review = next(b for b in examples if "override:" in b)
    (sandbox / "data" / "actuals" / "2026.yaml").write_text(actuals, encoding="utf-8")
    (sandbox / "data" / "reviews" / "2026.yaml").write_text(review, encoding="utf-8")
    result = run("validate")
    assert result.exit_code == 0, result.stderr
    assert "2026" in result.stdout


# --- what the guide shows pdca printing is what it prints -----------------------------------
def shown(start: str) -> str:
    """The guide's text block that starts with `start`."""
    found = [b for b in blocks("text") if b.startswith(start)]
    assert len(found) == 1, start
    return found[0]


def fill_template(run, folder, figures: dict[str, tuple[str, str, str]]) -> str:
    """`pdca template 2026 -o 2026.xlsx`, then the entry cells typed as a department would:
    {id: (実績値, 出典, 備考)}."""
    import openpyxl

    assert run("template", "2026", "-o", "2026.xlsx").exit_code == 0
    book = openpyxl.load_workbook(folder / "2026.xlsx")
    sheet = book.worksheets[0]
    header = next(r for r in sheet.iter_rows() if r[0].value == "ID")
    columns = [
        next(c.column for c in header if c.value == name) for name in ("実績値", "出典", "備考")
    ]
    for row in sheet.iter_rows(min_row=header[0].row + 1):
        for column, text in zip(columns, figures.get(row[0].value, ()), strict=False):
            sheet.cell(row[0].row, column, text or None)
    book.save(folder / "2026.xlsx")
    return "2026.xlsx"


def test_the_import_the_guide_shows_is_what_pdca_prints(run, sandbox):
    figures = {
        "child-rearing-environment-satisfaction": ("55.4", "市民意識調査", "速報値"),
        "childcare-app-downloads": ("26,105", "こども未来課", ""),
        "parenting-refresh-class-participants": ("412", "", ""),
        "home-education-webpage-annual-visits": ("23,332", "", ""),
        "childcare-usage-rate-age1": ("75.1", "", ""),
    }
    book = fill_template(run, sandbox, figures)
    result = run("import", "2026", book)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == shown("data/actuals/2026.yaml (2026年度")


def test_the_import_errors_the_guide_shows_are_what_pdca_prints(run, sandbox):
    figures = {
        "parenting-refresh-class-participants": ("△12", "", ""),
        "home-education-webpage-annual-visits": ("1,23", "", ""),
        "childcare-usage-rate-age1": ("12人", "", ""),
    }
    book = fill_template(run, sandbox, figures)
    result = run("import", "2026", book)
    assert result.exit_code == 2
    assert result.stderr == shown("2026.xlsx:")
    assert not (sandbox / "data" / "actuals" / "2026.yaml").exists()


def test_the_file_errors_the_guide_shows_are_what_pdca_prints(run, sandbox):
    (sandbox / "data" / "actuals" / "2026.yaml").write_text(
        "childcare-app-download: 26105\n"
        "home-education-webpage-annual-visits: -3\n"
        "childcare-app-downloads: 26105\n"
        "childcare-app-downloads: 26200\n",
        encoding="utf-8",
    )
    result = run("check", "2026")
    assert result.exit_code == 2
    assert result.stderr == shown("data/actuals/2026.yaml:1:1:")


def test_the_usage_error_the_guide_shows_is_what_pdca_prints(run):
    result = run("check", "20x6")
    assert result.exit_code == 2
    assert result.stderr == shown("pdca check: YEAR:")


# --- every error code a person can meet is in the guide's tables, and only those -----------
# catalogue entries that are words or lines of a message, never printed as a [code]
NOT_CODES = {
    "actuals-file-head", "amount", "char-name", "conflict-part", "did-you-mean", "empty-text",
    "errors-summary", "fail-on", "field", "file-kind", "init-written", "input", "list-separator",
    "missing-file", "missing-next", "no-actuals-here", "nothing-written", "no-figure-to-record", "none",
    "none-defined", "pydantic", "sheet-exists", "sheet-suffix", "shown",
    "template-nothing-missing", "template-written", "unclosed", "usage", "validate-actuals",
    "validate-reviews", "validate-strategy", "validate-warnings", "warning-prefix",
    "year-era-start", "year-format", "year-range",
}  # fmt: skip


def guide_codes() -> set[str]:
    """The codes in the first column of the tables of the guide's section on errors."""
    section = TEXT[TEXT.index("## 5. エラーが出たとき") : TEXT.index("## 6.")]
    cells = re.findall(r"^\| (`[^|]+`) \|", section, re.MULTILINE)
    return {code for cell in cells for code in re.findall(r"`([a-z-]+)`", cell)}


def printed_codes() -> set[str]:
    """Every [code] pdca can print: the catalogue's codes, and codes the CLI writes itself."""
    from kanazawa_pdca.i18n.catalogue import CATALOGUE

    codes = {key.split(".")[0] for key in CATALOGUE} - NOT_CODES
    for path in (ROOT / "kanazawa_pdca").rglob("*.py"):
        codes |= set(re.findall(r" \[([a-z]+(?:-[a-z]+)+)\]", path.read_text(encoding="utf-8")))
    return codes


def test_every_error_code_is_in_the_guide():
    """A new [code] gets a row (code, what it means, what to do) in the guide's section 5;
    a catalogue entry that is never printed as a [code] goes into NOT_CODES."""
    assert len(guide_codes()) > 80
    missing = sorted(printed_codes() - guide_codes())
    assert missing == [], f"docs/guide-ja.md section 5 has no row for {missing}"


def test_every_code_in_the_guide_is_one_pdca_prints():
    stale = sorted(guide_codes() - printed_codes())
    assert stale == [], f"docs/guide-ja.md section 5 names codes pdca no longer prints: {stale}"


def github_anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation (（）・/.) dropped, spaces
    as hyphens; letters of any script, digits, '_' and '-' kept."""
    kept = (c for c in heading.strip().lower() if c in " -_" or unicodedata.category(c)[0] in "LMN")
    return "".join(kept).replace(" ", "-")


def test_every_link_inside_the_guide_leads_to_a_heading():
    headings = re.findall(r"^#+ (.+)$", TEXT, re.MULTILINE)
    anchors = {github_anchor(h) for h in headings}
    links = re.findall(r"\]\(#([^)]+)\)", TEXT)
    assert len(links) >= 10
    assert sorted(set(links) - anchors) == []


def test_every_picture_the_guide_links_exists_and_is_small():
    pictures = re.findall(r"!\[[^\]]+\]\(([^)]+)\)", TEXT)
    assert len(pictures) >= 3
    for picture in pictures:
        path = GUIDE.parent / picture
        assert path.is_file(), picture
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", picture
        assert path.stat().st_size <= 200_000, picture
    # the guide says how they are made again, and the script is there
    assert "tools/make_guide_images.py" in TEXT.splitlines()[-4] + TEXT.splitlines()[-3]
    assert (ROOT / "tools" / "make_guide_images.py").is_file()


def test_the_marks_the_guide_explains_are_the_ones_pdca_prints():
    for status in Status:
        assert f"| {status_label(status, 'ja')} |" in TEXT, status
    assert len(STATUS_STYLE) == len(Status)
    for movement in MOVEMENT_WORDS:
        assert f"| {movement_label(movement, 'ja')} |" in TEXT, movement
    for mark in (OVERRIDE_MARK, NOTE_MARK, REACHES, MISSES):
        assert re.search(rf"^\| [^|]*{re.escape(mark)}", TEXT, re.MULTILINE), mark
