"""Issue #16 items 1, 2, 5 (third bullet), 8, 9 and 19 (two bullets): figures as people type
them, and hostile sheets — a located one-line error, exit 2, nothing written, no traceback.
Each test carries the issue's reproducer."""

from __future__ import annotations

import time
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from test_cli_import import figures, xlsx

from conftest import MINI
from kanazawa_pdca.entry.numbers import NoFigure, parse_figure
from kanazawa_pdca.entry.sheets import shows_percent


@pytest.fixture
def imp(run, tmp_path):
    def _imp(*args):
        return run("import", "2026", *args, "--strategy", MINI, "--actuals", tmp_path / "actuals")

    return _imp


@pytest.fixture
def rec(run, tmp_path):
    def _rec(*args, strategy=MINI):
        return run("record", "2026", *args, "--strategy", strategy, "--actuals", tmp_path / "a")

    return _rec


def refused(result, first_line: str, folder: Path) -> None:
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines()[0] == first_line, result.stderr
    assert "Traceback" not in result.output
    assert not (folder / "2026.yaml").exists()


# --- item 1: a figure out of the model's range --------------------------------------------


@pytest.mark.parametrize(
    ("value", "got"),
    [
        ("9999999999999999", "1e+16"),  # the reproducer
        ("1,000,000,000,000,001", "1e+15"),  # 10^15 + 1
        ("0.0000000001", "1e-10"),
        ("9" * 309, "1.000e+309"),  # 309 digits: beyond a float
    ],
)
def test_figure_out_of_range_is_a_located_error(rec, tmp_path, english, value, got):
    refused(
        rec("visitors-total", value),
        f"pdca record: VALUE: a figure must be 0 or between 1e-9 and 1e15 in size, got {got} "
        "[figure-range] (see pdca record -h)",
        tmp_path / "a",
    )


def test_figure_out_of_range_in_a_cell_is_located_at_the_cell(imp, tmp_path, english):
    book = xlsx(tmp_path / "r.xlsx", [["id", "value"], ["visitors-total", 1e16]])
    refused(
        imp(book),
        f"{book}:Sheet1!B2: visitors-total: a figure must be 0 or between 1e-9 and 1e15 in "
        "size, got 1e+16 [figure-range]",
        tmp_path / "actuals",
    )
    csv = tmp_path / "r.csv"
    csv.write_text("id,value\nvisitors-total,10000000000000000\n", encoding="utf-8")
    refused(
        imp(csv),
        f"{csv}:2:2: visitors-total: a figure must be 0 or between 1e-9 and 1e15 in size, "
        "got 1e+16 [figure-range]",
        tmp_path / "actuals",
    )
    pct = xlsx(tmp_path / "p.xlsx", [["id", "value"], ["share-pct", 1e14]], formats={"B2": "0%"})
    refused(  # in range as a number, out of it as the percentage the cell shows
        imp(pct),
        f"{pct}:Sheet1!B2: share-pct: a figure must be 0 or between 1e-9 and 1e15 in size, "
        "got 1e+16 [figure-range]",
        tmp_path / "actuals",
    )
    ja = imp(csv, "--lang", "ja").stderr.splitlines()[0]
    assert ja == (
        f"{csv}:2:2: visitors-total: 数値は 0 か、大きさが 1e-9 から 1e15 の間でなければ"
        "なりません（値: 1e+16） [figure-range]"
    )


# --- item 2: a damaged workbook -----------------------------------------------------------


def _book(tmp_path: Path) -> Path:
    return xlsx(tmp_path / "ok.xlsx", [["id", "value"], ["share-pct", 55]])


def _flip_after_sheet_name(book: Path, out: Path) -> Path:
    """The issue's reproducer: two bytes flipped after the sheet's name in the zip (its
    deflate stream)."""
    data = bytearray(book.read_bytes())
    name = b"xl/worksheets/sheet1.xml"
    at = data.index(name) + len(name)
    for offset in (5, 6):
        data[at + offset] ^= 0xFF
    out.write_bytes(bytes(data))
    return out


def _rewrite(book: Path, out: Path, part: str, change) -> Path:
    with zipfile.ZipFile(book) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == part:
                data = change(data)
                if data is None:
                    continue
            dst.writestr(info, data)
    return out


def test_corrupt_deflate_stream_is_not_a_workbook(imp, tmp_path, english):
    bad = _flip_after_sheet_name(_book(tmp_path), tmp_path / "bad.xlsx")
    refused(
        imp(bad),
        f"{bad}: cannot read the workbook: the file is damaged (save it again from Excel "
        "or LibreOffice, or send it again) [not-a-workbook]",
        tmp_path / "actuals",
    )


@pytest.mark.parametrize(
    ("kind", "damage"),
    [
        ("cut short", lambda book, out: out.write_bytes(book.read_bytes()[:-200]) and out),
        (
            "a CRC that does not match",
            lambda book, out: _crc(book, out),
        ),
        (
            "malformed XML",
            lambda book, out: _rewrite(
                book, out, "xl/worksheets/sheet1.xml", lambda d: d.replace(b"</row>", b"</rw>")
            ),
        ),
        (
            "no relationships of the workbook",
            lambda book, out: _rewrite(book, out, "xl/_rels/workbook.xml.rels", lambda d: None),
        ),
        (
            "no workbook part",
            lambda book, out: _rewrite(book, out, "xl/workbook.xml", lambda d: None),
        ),
        (
            "a stored member with a compression method zipfile does not know",
            lambda book, out: _method(book, out),
        ),
    ],
)
def test_every_zip_and_xml_fault_is_not_a_workbook(imp, tmp_path, english, kind, damage):
    bad = damage(_book(tmp_path), tmp_path / "bad.xlsx")
    result = imp(bad)
    assert result.exit_code == 2, (kind, result.output)
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{bad}: cannot read the workbook"), (kind, first)
    assert first.endswith("[not-a-workbook]"), (kind, first)
    assert "Traceback" not in result.output
    assert not (tmp_path / "actuals").exists()


def test_a_sheet_missing_from_the_zip_is_not_skipped(imp, tmp_path, english):
    """openpyxl skips a sheet whose part is missing: its figures would vanish unsaid."""
    wb_path = tmp_path / "two.xlsx"
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["id", "value"])
    wb.active.append(["share-pct", 55])
    second = wb.create_sheet("経済企画課")
    second.append(["id", "value"])
    second.append(["app-downloads", 2500])
    wb.save(wb_path)
    bad = _rewrite(wb_path, tmp_path / "bad.xlsx", "xl/worksheets/sheet2.xml", lambda d: None)
    refused(
        imp(bad),
        f"{bad}: cannot read the workbook: its sheet '経済企画課' is missing from the file "
        "(save it again from Excel or LibreOffice, or send it again) [not-a-workbook]",
        tmp_path / "actuals",
    )


def _crc(book: Path, out: Path) -> Path:
    """A stored (uncompressed) sheet with one byte of its text changed: the CRC is wrong."""
    with zipfile.ZipFile(book) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info.filename))
    data = bytearray(out.read_bytes())
    at = data.index(b"<sheetData")
    data[at + 1] = ord("S")
    out.write_bytes(bytes(data))
    return out


def _method(book: Path, out: Path) -> Path:
    """The sheet's compression method set to 99 (AES, which zipfile cannot read)."""
    data = bytearray(book.read_bytes())
    name = b"xl/worksheets/sheet1.xml"
    at = data.index(name)  # the local header: the method is 8 bytes into it, the name at 30
    data[at - 30 + 8 : at - 30 + 10] = (99).to_bytes(2, "little")
    central = data.index(name, at + 1)  # the central directory's entry: method at 10
    data[central - 46 + 10 : central - 46 + 12] = (99).to_bytes(2, "little")
    out.write_bytes(bytes(data))
    return out


# --- item 5, third bullet: 51 MB of shared strings ----------------------------------------


def _with_shared_strings(book: Path, out: Path, count: int) -> Path:
    types = b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxml'
    types += b'formats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
    rel = b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/'
    rel += b'2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
    with (
        zipfile.ZipFile(book) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, True, 1) as dst,
    ):
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", types)
            elif info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", rel)
            dst.writestr(info.filename, data)
        head = b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/'
        head += b'spreadsheetml/2006/main" count="%d" uniqueCount="%d">' % (count, count)
        dst.writestr("xl/sharedStrings.xml", head + b"<si><t>x</t></si>" * count + b"</sst>")
    return out


def test_huge_shared_strings_are_refused_at_once(imp, tmp_path, english):
    """3,000,000 shared strings (51 MB, under the unpack limit) took openpyxl over 12 s
    (43 s on a loaded machine); the part is refused from its size in the zip."""
    book = _with_shared_strings(_book(tmp_path), tmp_path / "sst.xlsx", 3_000_000)
    with zipfile.ZipFile(book) as archive:
        size = archive.getinfo("xl/sharedStrings.xml").file_size
    assert size > 51_000_000
    start = time.process_time()
    result = imp(book)
    assert time.process_time() - start < 2
    refused(
        result,
        f"{book}: its part xl/sharedStrings.xml unpacks to {size:,} bytes (at most "
        "8,388,608): larger than a fill-in sheet's can be [too-large]",
        tmp_path / "actuals",
    )


def test_shared_strings_of_a_real_size_are_read(imp, tmp_path):
    book = _with_shared_strings(_book(tmp_path), tmp_path / "sst.xlsx", 1000)
    assert imp(book).exit_code == 0
    assert figures(tmp_path / "actuals") == {"share-pct": (55, None, None)}


# --- item 8: unit slips -------------------------------------------------------------------

TOURISTS = "kanazawa-area-tourist-arrivals"  # 万人 (×10k people): 864 (R4) -> 1,138 (R10)


def test_unit_slip_is_refused_with_the_likely_reading(rec, tmp_path, run):
    """125000 for a KPI in 万人 (it would be 12.5億人) and 0.554 for a percentage whose
    baseline is 47.5 (here 50): refused, the likely reading named; --accept-outliers records
    them as given."""
    (tmp_path / "a").mkdir()
    bundled = ("--actuals", tmp_path / "a")
    ja = run("record", "2026", TOURISTS, "125000", *bundled)
    refused(
        ja,
        "pdca record: VALUE: 125,000 万人 は基準値・目標値（864〜1,138 万人）と桁が大きく"
        "違います。12.5 万人? 単位の取り違えと思われます（正しい値なら --accept-outliers を"
        "付けてください） [outlier]（pdca record -h を参照）",
        tmp_path / "a",
    )
    en = run("record", "2026", TOURISTS, "125000", *bundled, "--lang", "en")
    refused(
        en,
        "pdca record: VALUE: 125,000 ×10k people is out of all proportion to the baseline and "
        "target (864–1,138 ×10k people): 12.5 ×10k people? A unit slip, most likely (if the "
        "figure is right, give --accept-outliers) [outlier] (see pdca record -h)",
        tmp_path / "a",
    )
    pct = rec("share-pct", "0.554", "--lang", "en")
    refused(
        pct,
        "pdca record: VALUE: 0.554% is out of all proportion to the baseline and target "
        "(50–60%): 55.4%? A unit slip, most likely (if the figure is right, give "
        "--accept-outliers) [outlier] (see pdca record -h)",
        tmp_path / "a",
    )
    kept = rec("share-pct", "0.554", "--accept-outliers")
    assert kept.exit_code == 0, kept.stderr
    assert "share-pct: 0.554\n" in (tmp_path / "a" / "2026.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("kpi", "value", "likely"),
    [
        ("app-downloads", "5", "5,000件?"),  # 1,000 -> 4,000: below a hundredth
        ("visitors-total", "90,000,000", "9,000人?"),  # 9,000 -> 50,000: over 100 times
        ("co2-emissions", "3,537,000", "3,537千t-CO₂?"),  # typed in t: read in 千t
        ("share-pct", "0.9", "90%?"),  # a ratio for a percentage (50 -> 60)
    ],
)
def test_unit_slip_rule_at_its_edges(rec, tmp_path, english, kpi, value, likely):
    result = rec(kpi, value)
    assert result.exit_code == 2 and "[outlier]" in result.stderr, result.output
    assert f": {likely} A unit slip" in " ".join(result.stderr.split())


@pytest.mark.parametrize(
    ("kpi", "value"),
    [
        ("app-downloads", "10"),  # exactly a hundredth of 1,000
        ("visitors-total", "5,000,000"),  # exactly 100 times 50,000
        ("share-pct", "1"),  # a percentage of 1 is no ratio
        ("share-pct", "0"),  # zero is a figure
        ("new-course-participants", "3"),  # baseline 0: the smallest non-zero is 250
        ("fertility", "1.3"),  # no target: the baseline alone
    ],
)
def test_plausible_figures_are_not_outliers(rec, kpi, value):
    result = rec(kpi, value, "--dry-run")
    assert result.exit_code == 0, result.stderr


def test_unit_slip_in_a_sheet_is_located_at_its_cell(imp, tmp_path, english):
    book = xlsx(
        tmp_path / "s.xlsx",
        [["id", "value"], ["share-pct", 0.554], ["app-downloads", "2,500"], ["co2-emissions", 9]],
    )
    result = imp(book)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{book}:Sheet1!B2: share-pct: 0.554% is out of all proportion to the baseline and "
        "target (50–60%): 55.4%? A unit slip, most likely (if the figure is right, give "
        "--accept-outliers) [outlier]",
        f"{book}:Sheet1!B4: co2-emissions: 9千t-CO₂ is out of all proportion to the baseline "
        "and target (1,500–3,000千t-CO₂): 900千t-CO₂? A unit slip, most likely (if the figure "
        "is right, give --accept-outliers) [outlier]",
        "pdca: 2 errors in 1 file",
        f"nothing was written: {tmp_path}/actuals/2026.yaml is as it was. Correct what the "
        "lines above say and run pdca import again",
    ]
    assert not (tmp_path / "actuals").exists()
    assert imp(book, "--accept-outliers").exit_code == 0
    assert figures(tmp_path / "actuals") == {
        "share-pct": (0.554, None, None),
        "app-downloads": (2500, None, None),
        "co2-emissions": (9, None, None),
    }


def test_accept_outliers_has_help_in_both_languages(run):
    for command in ("record", "import"):
        ja = " ".join(run(command, "--help").stdout.split())
        en = " ".join(run(command, "--help", "--lang", "en").stdout.split())
        assert "--accept-outliers" in ja and "単位の取り違え" in ja
        assert "--accept-outliers" in en and "usually a unit slip" in en


# --- item 9: number forms -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("15.2万人", "人", "152000"),  # the reproducers
        ("1.2千件", "件", "1200"),
        ("3万", "", "30000"),  # a bare multiple of a KPI without a unit
        ("１５．２万人", "人", "152000"),
        ("15.2万名", "人", "152000"),
        ("120名", "人", "120"),  # 名 where the unit is 人
        ("120人", "名", "120"),  # and back
        ("12.", "人", "12"),  # a trailing point
        ("1,234.", "件", "1234"),
        ("12.5万人", "万人", "12.5"),  # the unit's own multiplier: as before
        ("125,000人", "万人", "12.5"),  # in the unit without its multiplier
        ("3,537,000t-CO2", "千t-CO₂", "3537"),
    ],
)
def test_number_forms_with_multiples_and_unit_words(text, unit, expected):
    assert parse_figure(text, unit) == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "unit"),
    [("1.2千件", "万人"), ("5万%", "%"), ("12万円", "人"), ("12千", "千t-CO₂")],
)
def test_a_multiple_the_unit_cannot_take_is_a_wrong_unit(text, unit):
    from kanazawa_pdca.entry.numbers import FigureError

    with pytest.raises(FigureError) as info:
        parse_figure(text, unit)
    assert info.value.code == "wrong-unit"


@pytest.mark.parametrize("text", ["N/A", "n/a", "Ｎ／Ａ", "調査中", "未確定", "集計中", " 未集計 "])
def test_words_for_no_figure_yet(text):
    found = parse_figure(text, "人")
    assert isinstance(found, NoFigure) and found.pending
    assert not parse_figure("－", "人").pending and not parse_figure("", "人").pending


def test_number_forms_through_import(imp, tmp_path):
    book = xlsx(
        tmp_path / "f.xlsx",
        [
            ["id", "value"],
            ["visitors-total", "1.52万人"],
            ["app-downloads", "2.5千件"],
            ["new-course-participants", "120名"],
            ["share-pct", "55."],
            ["co2-emissions", "N/A"],
            ["satisfaction-floor", "調査中"],
            ["fertility", "未確定"],
        ],
    )
    result = imp(book)
    assert result.exit_code == 0, result.stderr
    assert figures(tmp_path / "actuals") == {
        "visitors-total": (15200, None, None),
        "app-downloads": (2500, None, None),
        "new-course-participants": (120, None, None),
        "share-pct": (55, None, None),
    }
    assert "(集計中 3)" in result.stdout  # counted with 集計中, not as blanks


def test_percent_sign_as_text_in_the_format_is_read_as_shown(imp, tmp_path):
    """A cell formatted `0.0"%"` holding 55.4 shows 55.4%: it is 55.4, not 5540."""
    book = xlsx(
        tmp_path / "p.xlsx",
        [["id", "value"], ["share-pct", 55.4], ["satisfaction-floor", 96.5]],
        formats={"B2": '0.0"%"', "B3": "0.0\\%"},
    )
    result = imp(book)
    assert result.exit_code == 0, result.stderr
    assert figures(tmp_path / "actuals") == {
        "share-pct": (55.4, None, None),
        "satisfaction-floor": (96.5, None, None),
    }


@pytest.mark.parametrize(
    ("fmt", "percent"),
    [
        ("0.0%", True),
        ("0%;[Red]-0%", True),
        ('0.0"%"', False),
        ("0.0\\%", False),
        ('[>=100]0"%";0.0%', True),
        ("General", False),
        ('#,##0"件"', False),
    ],
)
def test_which_number_formats_multiply_by_100(fmt, percent):
    assert shows_percent(fmt) is percent


# --- item 19: the negative-value message, and English units -------------------------------


def test_negative_value_is_said_of_this_kpi_in_its_units(run, tmp_path):
    """Emissions are not `件数・人数`; in English the unit is the KPI's unit_en."""
    folder = tmp_path / "a"
    folder.mkdir()
    ja = run("record", "2026", "greenhouse-gas-emissions", "△3", "--actuals", folder)
    assert ja.exit_code == 2
    assert ja.stderr.startswith(
        "pdca record: VALUE: greenhouse-gas-emissions: この KPI の値は負になりません"
        "（値: -3千t-CO₂） [negative-value]"
    )
    en = run("record", "2026", "greenhouse-gas-emissions", "△3", "--actuals", folder,
             "--lang", "en")  # fmt: skip
    assert en.stderr.startswith(
        "pdca record: VALUE: greenhouse-gas-emissions: this KPI's figures cannot be negative, "
        "got -3 kt-CO₂ [negative-value]"
    )
    (folder / "2026.yaml").write_text("city-cards-on-smartphone: -3\n", encoding="utf-8")
    checked = run("check", "2026", "--actuals", folder, "--lang", "en")
    assert checked.exit_code == 2
    assert "city-cards-on-smartphone: this KPI's figures cannot be negative, got -3 cards" in (
        checked.stderr
    )
    assert "件" not in checked.stderr
