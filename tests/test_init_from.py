"""`pdca init DIR --from FILE`: the strategy built from the KPI list a city keeps (DESIGN "Starting
a strategy"), every bad cell located, nothing written on any error."""

from __future__ import annotations

import pytest
from openpyxl import Workbook
from ruamel.yaml import YAML

HEADER = "基本目標,施策,KPI名,単位,方向,基準値,基準年度,目標値,目標年度,種別,中間目標,備考"

# a list as a city clerk types it: a title row, full-width digits, 令和/平成 and calendar
# years, a goal written once for the rows under it, relative targets, a note under the table
CLERK_CSV = f"""架空町 KPI一覧（令和6年3月策定）,,,,,,,,,,,
{HEADER}
基本目標１　しごとをつくる,,観光入込客数,千人,増加,"１，２３４",令和4年度,"１，５００",令和10年度,,"R7:1,300, R9:1,400",
,,特産品の出荷額,百万円,増加,40.2,R5,1.5倍,R10,,,
,,町内総生産,億円,増加,250,H30,年平均2.2%成長,R10,,,
基本目標2 ひとが集う,(1) 交流,公民館の利用率,％,増加,―,,80%以上,R10,,,新規の指標
,,宿泊者数（暦年）,人,増加,"1,000",2019年,基準値を上回る,2028年,,,
,,ボランティア登録者数（累計）,人,増加,120,R5,倍増,R10,,,
,(2) 暮らし,ごみの排出量,ｔ,減少,"12,000",R4,△10%,R10,,,
,,イベント参加者数,人,増加,―,,"60,000",R6～R10,期間合計,,
,,図書館の満足度,%,維持,95,R5,95%以上を維持,R10,,,
,,相談窓口の利用者数,人,増加,R6年度開始,,+10ポイント,R10,,,
※ 数値は速報値を含む,,,,,,,,,,,
"""


def _load(path):
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


@pytest.fixture
def init_from(run, tmp_path, monkeypatch):
    """Write the KPI list (csv text, or an openpyxl Workbook), run `pdca init town --from`
    in tmp_path; (result, strategy data or None)."""
    monkeypatch.chdir(tmp_path)

    def _run(sheet, *args, name="kpis.csv", encoding="utf-8"):
        path = tmp_path / name
        if isinstance(sheet, Workbook):
            sheet.save(path)
        else:
            path.write_bytes(sheet.encode(encoding))
        result = run("init", "town", "--from", name, *args)
        strategy = tmp_path / "town" / "data" / "strategy.yaml"
        return result, _load(strategy) if strategy.exists() else None

    return _run


def test_init_from_a_clerks_csv_builds_every_form(init_from, run, monkeypatch, tmp_path):
    result, data = init_from(CLERK_CSV)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(
        "town/data/strategy.yaml: KPI の一覧表から戦略（KPI 10 件）と、data/actuals・data/reviews の"
    )
    assert data["meta"]["period"] == {"start": 2024, "end": 2028}
    assert [(g["number"], g["title"]) for g in data["goals"]] == [
        (1, "しごとをつくる"),
        (2, "ひとが集う"),
    ]
    assert data["goals"][0]["targets"] == [{"kpi": f"kpi-00{n}"} for n in (1, 2, 3)]
    policies = data["goals"][1]["policies"]
    assert [(p["number"], p["title"], p["measures"][0]["title"]) for p in policies] == [
        (1, "交流", "交流"),
        (2, "暮らし", "暮らし"),
    ]
    kpis = {k["id"]: k for k in data["kpis"]}
    assert kpis["kpi-001"]["baseline"] == {"year": 2022, "value": 1234, "text": "１，２３４"}
    assert kpis["kpi-001"]["target"] == {
        "year": 2028,
        "value": 1500,
        "kind": "exact",
        "text": "１，５００",
    }
    assert kpis["kpi-001"]["milestones"] == [
        {"year": 2025, "value": 1300, "text": "1,300"},
        {"year": 2027, "value": 1400, "text": "1,400"},
    ]
    assert kpis["kpi-002"]["target"] == {
        "year": 2028,
        "factor": 1.5,
        "kind": "exact",
        "text": "1.5倍",
    }
    assert kpis["kpi-003"]["baseline"]["year"] == 2018
    assert kpis["kpi-003"]["target"]["annual_growth"] == 2.2
    assert kpis["kpi-004"]["baseline"] == {"text": "―"}
    assert kpis["kpi-004"]["unit"] == "%"
    assert kpis["kpi-004"]["target"] == {
        "year": 2028,
        "value": 80,
        "kind": "at_least",
        "text": "80%以上",
    }
    assert kpis["kpi-004"]["note"] == "新規の指標"
    assert kpis["kpi-004"]["measures"] == ["2-1-1"]
    assert kpis["kpi-005"]["year_basis"] == "calendar"
    assert kpis["kpi-005"]["target"] == {"year": 2028, "kind": "above", "text": "基準値を上回る"}
    assert kpis["kpi-006"]["kind"] == "cumulative"  # （累計） in its name
    assert kpis["kpi-006"]["target"]["factor"] == 2
    assert kpis["kpi-007"]["direction"] == "decrease"
    assert kpis["kpi-007"]["target"]["percent"] == -10
    assert kpis["kpi-008"]["kind"] == "period_total"
    assert kpis["kpi-008"]["period"] == [2024, 2028]
    assert kpis["kpi-009"]["target"] == {
        "year": 2028,
        "value": 95,
        "kind": "maintain",
        "text": "95%以上を維持",
    }
    assert kpis["kpi-010"]["baseline"] == {"year": 2023, "value": 0, "text": "R6年度開始"}
    assert kpis["kpi-010"]["target"]["points"] == 10
    assert all(k["name_en"] == k["name"] for k in data["kpis"])  # copies to translate
    monkeypatch.chdir(tmp_path / "town")
    checked = run("validate")
    assert checked.exit_code == 0, checked.output
    report = run("check", "2026")
    assert report.exit_code == 0, report.output
    assert "基準値×1.5" in report.stdout and "(2019年)" in report.stdout
    assert run("record", "2026", "kpi-002", "50").exit_code == 0
    assert run("check", "2026", "-f", "json").exit_code == 0


def test_init_from_an_xlsx_as_a_clerk_types_it(init_from):
    wb = Workbook()
    ws = wb.active
    ws.title = "KPI一覧"
    ws.append(["架空市 第2期総合戦略 KPI一覧"])
    ws.append([])
    ws.append(HEADER.split(","))
    ws.append(
        [
            "基本目標１　しごとをつくる",
            None,
            "観光入込客数",
            "千人",
            "増加",
            1234,
            "令和4年度",
            1500,
            "令和10年度",
        ]
    )
    ws.append(
        [
            "基本目標２　ひとが集う",
            "（１）交流",
            "公民館の利用率",
            "%",
            "増加",
            0.552,
            "H27",
            "60%以上",
            "R10",
        ]
    )
    ws["F5"].number_format = "0.0%"
    ws.append(
        [
            None,
            None,
            "宿泊者数",
            "人",
            "増加",
            "１，０００",
            "２０１９年",
            "基準値を上回る",
            "２０２８年",
        ]
    )
    ws.merge_cells("A5:A6")
    ws.append([None, None, "研修の\n参加者数", "人", "増加", 10, 2023, "1.5倍", 2028])
    ws.append([])
    ws.append(["※ 数値は速報値を含む"])
    result, data = init_from(wb, name="kpis.xlsx")
    assert result.exit_code == 0, result.output
    kpis = {k["id"]: k for k in data["kpis"]}
    assert kpis["kpi-001"]["baseline"] == {"year": 2022, "value": 1234, "text": "1234"}
    assert kpis["kpi-002"]["baseline"] == {"year": 2015, "value": 55.2, "text": "55.2%"}
    assert kpis["kpi-003"]["baseline"] == {"year": 2019, "value": 1000, "text": "１，０００"}
    assert kpis["kpi-003"]["year_basis"] == "calendar"
    assert kpis["kpi-004"]["name"] == "研修の参加者数"  # a line break in the cell, joined
    assert [k["measures"] for k in data["kpis"]] == [["G1"], ["2-1-1"], ["2-1-1"], ["2-1-1"]]


BAD_CSV = """基本目標,KPI名,単位,方向,基準値,基準年度,目標値,目標年度,種別,中間目標,id
,孤立した行,人,増加,1,R5,2,R10,,,
しごと,観光客数,人,ふえる,"12,34",R5,"1,500人",R10,,,
,,人,増加,10,R13年度,たくさん,2030年度,年次,R7=,
,出荷額,万円,減少,100,令和5年度,120,R10,,,BAD ID
,満足度,%,増加,50,H31,150,R10,,R7:40,dup
,満足度2,%,増加,50,2023年度,70,R0,,,dup
,ボランティア,人,増加,,R5,100,,,,
,相談件数,件,増加,100,R5,80,R10,,,
※ 数値は速報値を含む
"""


def test_init_from_locates_every_bad_cell(init_from, tmp_path):
    result, data = init_from(BAD_CSV)
    assert result.exit_code == 2
    assert data is None and not (tmp_path / "town").exists()  # nothing written
    assert result.stderr.splitlines() == [
        "kpis.csv:2:1: 基本目標 が空欄です（KPI ごとに必要です） [init-empty-cell]",
        "kpis.csv:3:4: 'ふえる' は方向ではありません（増加・減少・維持 のいずれか） [init-direction]",
        "kpis.csv:3:5: '12,34': 桁区切りは3桁ごとです（174,275） [bad-number]",
        "kpis.csv:4:2: KPI名 が空欄です（KPI ごとに必要です） [init-empty-cell]",
        "kpis.csv:4:7: 'たくさん' は目標値として読めません（1,234 のような数値、90%以上、95%以上を維持、1.5倍、倍増、+10ポイント、+20%、年平均2%成長、基準値を上回る、再設定 のいずれか） [init-value]",
        "kpis.csv:4:9: '年次' は種別ではありません（水準・累計・期間合計・期間平均 のいずれか） [init-kind]",
        "kpis.csv:4:10: 'R7=' は中間目標として読めません（年度:値。複数はカンマ区切り: R7:95, R9:97） [init-value]",
        "kpis.csv:5:11: 'BAD ID' は KPI id ではありません（id は share-of-… のような形です） [not-a-kpi-id]",
        "kpis.csv:6:7: 割合は 0〜100 の範囲で記録してください（値: 150） [percentage-range]",
        "kpis.csv:6:10: 方向が increase ですが、中間目標 40 がその前の値（50）より悪くなっています [milestone-direction]",
        "kpis.csv:7:8: 'R0' は年度ではありません（元号の年は 1 から） [year-era-start]",
        "kpis.csv:7:11: dup が2回記入されています（kpis.csv:6:11 にもあります） [duplicate-kpi]",
        "kpis.csv:8:5: 基準値 が空欄です（KPI ごとに必要です） [init-empty-cell]",
        "kpis.csv:8:8: 目標年度 が空欄です（KPI ごとに必要です） [init-empty-cell]",
        "kpis.csv:9:4: 方向が increase（増加が望ましい）ですが、目標値 80 が基準値 100 を上回っていません [direction-mismatch]",
        "pdca: 1 ファイルに 15 件のエラー",
    ]


def test_init_from_locates_in_english_and_at_the_sheets_cell(init_from):
    wb = Workbook()
    ws = wb.active
    ws.title = "一覧"
    ws.append(
        ["Goal", "Name", "Unit", "Direction", "Baseline", "Baseline year", "Target", "Target year"]
    )
    ws.append(["Jobs", "Visitors", "people", "increase", 100, "R5", "lots", "R10"])
    ws.append([None, "Shops", "shops", "sideways", 10, "FY2023", 12, "R10"])
    result, _ = init_from(wb, "--lang", "en", name="kpis.xlsx")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "kpis.xlsx:一覧!G2: 'lots' is not a target (a figure such as 1,234; 90%以上, 95%以上を維持, 1.5倍, 倍増, +10ポイント, +20%, 年平均2%成長, 基準値を上回る or 再設定) [init-value]",
        "kpis.xlsx:一覧!D3: 'sideways' is not a direction (増加, 減少 or 維持; increase, decrease, maintain) [init-direction]",
        "pdca: 2 errors in 1 file",
    ]


@pytest.mark.parametrize(
    ("year", "expected", "calendar"),
    [("2024", 2024, False), ("R6", 2024, False), ("令和6年度", 2024, False), ("令和６年度", 2024, False),
     ("FY2024", 2024, False), ("2024年度", 2024, False), ("H27", 2015, False), ("平成27年度", 2015, False),
     ("令和元年度", 2019, False), ("2019年", 2019, True), ("平成31年", 2019, True), ("２０１９年", 2019, True)],
)  # fmt: skip
def test_init_from_reads_years_as_check_does(init_from, year, expected, calendar):
    csv = f"{HEADER}\nしごと,,観光客数,人,増加,100,{year},200,2028,,,\n"
    result, data = init_from(csv)
    assert result.exit_code == 0, result.output
    kpi = data["kpis"][0]
    assert kpi["baseline"]["year"] == expected
    assert ("year_basis" in kpi) == calendar


@pytest.mark.parametrize(
    ("cell", "target"),
    [("200", {"value": 200, "kind": "exact"}),
     ("200人", {"value": 200, "kind": "exact"}),
     ("２００", {"value": 200, "kind": "exact"}),
     ("200以上", {"value": 200, "kind": "at_least"}),
     ("200以上を維持", {"value": 200, "kind": "maintain"}),
     ("1.5倍", {"factor": 1.5, "kind": "exact"}),
     ("倍増", {"factor": 2, "kind": "exact"}),
     ("+10ポイント", {"points": 10, "kind": "exact"}),
     ("＋１０ポイント", {"points": 10, "kind": "exact"}),
     ("10ポイント増", {"points": 10, "kind": "exact"}),
     ("+20%", {"percent": 20, "kind": "exact"}),
     ("20%増", {"percent": 20, "kind": "exact"}),
     ("年平均2.2%成長", {"annual_growth": 2.2, "kind": "exact"}),
     ("基準値を上回る", {"kind": "above"}),
     ("200（R10）", {"value": 200, "kind": "exact"})],
)  # fmt: skip
def test_init_from_reads_every_target_form(init_from, cell, target):
    csv = f"{HEADER}\nしごと,,観光客数,人,増加,100,R5,{cell},R10,,,\n"
    result, data = init_from(csv)
    assert result.exit_code == 0, result.output
    assert data["kpis"][0]["target"] == {"year": 2028, **target, "text": cell}


def test_init_from_reset_and_the_year_in_brackets(init_from):
    csv = (
        f"{HEADER}\nしごと,,出生率,,増加,1.35（R4）,,再設定,,,,\n"
        ",,転入者数,人,増加,100（R5）,R4,200,R10,,,\n"
    )
    result, _ = init_from(csv)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        "kpis.csv:3:6: セルに書かれた年度 R5 が 基準年度 の 2022 と違います [init-year-mismatch]"
    )
    result, data = init_from(csv.replace("100（R5）,R4", "100（R5）,"), "--force")
    assert result.exit_code == 0, result.output
    first, second = data["kpis"]
    assert first["baseline"] == {"year": 2022, "value": 1.35, "text": "1.35（R4）"}
    assert first["target"] == {"year": None, "kind": "reset", "text": "再設定"}
    assert second["baseline"] == {"year": 2023, "value": 100, "text": "100（R5）"}


def test_init_from_numbers_kpis_in_row_order_and_defines_them_as_printed(init_from):
    csv = (
        f"{HEADER},id\n"
        "基本目標1 しごと,,A,人,増加,1,R5,2,R10,,,,\n"
        "基本目標2 ひと,,B,人,増加,1,R5,2,R10,,,,given-id\n"
        "基本目標1 しごと,,C,人,増加,1,R5,2,R10,,,,\n"
    )
    result, data = init_from(csv)
    assert result.exit_code == 0, result.output
    assert [k["id"] for k in data["kpis"]] == ["kpi-001", "kpi-003", "given-id"]
    assert [k["measures"] for k in data["kpis"]] == [["G1"], ["G1"], ["G2"]]


def test_init_from_refuses_goals_out_of_order(init_from):
    csv = f"{HEADER}\n基本目標2 ひと,,A,人,増加,1,R5,2,R10,,,\n基本目標1 しごと,,B,人,増加,1,R5,2,R10,,,\n"
    result, _ = init_from(csv)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[:2] == [
        "kpis.csv:2:1: 基本目標 の番号 2 が順番どおりではありません（1 のはずです） [numbering]",
        "kpis.csv:3:1: 基本目標 の番号 1 が順番どおりではありません（2 のはずです） [numbering]",
    ]


@pytest.mark.parametrize(
    ("csv", "line"),
    [("タイトル\n\n", "kpis.csv: 最初の 30 行に、KPI名 と 目標値 の列のある見出し行がありません [init-no-header]"),
     (f"{HEADER}\n\n", "kpis.csv: 見出しの下に KPI の行がありません [init-no-kpis]"),
     ("基本目標,KPI名,単位,基準値,目標値\nしごと,A,人,1,2\n",
      "kpis.csv:1:1: 見出しに 方向、基準年度、目標年度 の列がありません。KPI の一覧表には 基本目標、KPI名、単位、方向、基準値、基準年度、目標値、目標年度 の列が要ります（施策・種別・中間目標・備考・id は任意） [init-missing-column]")],
)  # fmt: skip
def test_init_from_a_list_it_cannot_read(init_from, tmp_path, csv, line):
    result, _ = init_from(csv)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == line
    assert not (tmp_path / "town").exists()


def test_init_from_a_file_that_is_no_sheet(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "kpis.pdf").write_bytes(b"%PDF")
    for name, line in (
        ("nothing.csv", "nothing.csv: ファイルがありません [file-not-found]"),
        (
            "kpis.pdf",
            "kpis.pdf: pdca が読める表計算ファイル（.xlsx または .csv）ではありません [unknown-format]",
        ),
    ):
        result = run("init", "town", "--from", name)
        assert result.exit_code == 2
        assert result.stderr.splitlines()[0] == line
    assert not (tmp_path / "town").exists()


def test_init_from_a_shift_jis_csv(init_from):
    result, data = init_from(CLERK_CSV.replace("％", "%"), name="sjis.csv", encoding="cp932")
    assert result.exit_code == 0, result.output
    assert data["kpis"][0]["name"] == "観光入込客数"


def test_init_from_keeps_an_existing_strategy(init_from, tmp_path):
    strategy = tmp_path / "town" / "data" / "strategy.yaml"
    strategy.parent.mkdir(parents=True)
    strategy.write_text("# ours\n", encoding="utf-8")
    result, _ = init_from(CLERK_CSV)
    assert result.exit_code == 2
    assert "[init-exists]" in result.stderr
    assert strategy.read_text(encoding="utf-8") == "# ours\n"


def test_init_from_a_formula_never_computed_and_an_absurd_figure(init_from):
    wb = Workbook()
    ws = wb.active
    ws.title = "KPI"
    ws.append(HEADER.split(","))
    ws.append(["しごと", None, "A", "人", "増加", 10, 2023, "=F2*2", "R10"])
    ws.append(["しごと", None, "B", "人", "増加", 10**16, 2023, 10**17, "R10"])
    result, _ = init_from(wb, name="kpis.xlsx")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[:3] == [
        "kpis.xlsx:KPI!H2: kpi-001: 数式（=F2*2）の値が計算されていません。Excel か LibreOffice で開いて保存するか、実績値を直接入力してください [formula-without-value]",
        "kpis.xlsx:KPI!F3: 数値は 0 か、大きさが 1e-9 から 1e15 の間でなければなりません（値: 1e+16） [figure-range]",
        "kpis.xlsx:KPI!H3: 数値は 0 か、大きさが 1e-9 から 1e15 の間でなければなりません（値: 1e+17） [figure-range]",
    ]
