"""`pdca init DIR`: a new strategy folder that validates and checks as it is."""

from __future__ import annotations

import datetime as dt

import pytest
from ruamel.yaml import YAML

from conftest import DATA
from kanazawa_pdca.entry.init import check_rendered, render, scalar
from kanazawa_pdca.entry.skeleton import (
    DEFAULT_DIRECTIONS,
    DEFAULT_RATINGS,
    skeleton_data,
)


def test_init_makes_a_folder_that_validates_and_checks(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    made = run("init", "town")
    assert made.exit_code == 0, made.output
    assert made.stdout.startswith(
        "town/data/strategy.yaml: 新しい戦略（ひな形: 基本目標 1、KPI 2 件）"
    )
    assert "cd town && pdca validate && pdca check " in made.stdout
    for sub in ("actuals", "reviews"):
        assert (tmp_path / "town" / "data" / sub).is_dir()
    monkeypatch.chdir(tmp_path / "town")
    checked = run("validate")
    assert checked.exit_code == 0, checked.output
    assert (
        "data/strategy.yaml: OK — 基本目標 1、施策 1、取組 1、KPI 2（掲載 2 箇所）"
        in checked.stdout
    )
    assert "data/actuals: OK — 年度ファイル 0（なし）" in checked.stdout
    report = run("check", "2026")
    assert report.exit_code == 0, report.output
    assert "（戦略の名称） — 2026年度 (R8)" in report.stdout
    assert "実績なし" in report.stdout
    recorded = run("record", "2026", "population-satisfaction", "72")
    assert recorded.exit_code == 0, recorded.output
    assert (tmp_path / "town" / "data" / "actuals" / "2026.yaml").is_file()
    assert run("check", "2026", "--fail-on", "off-track").exit_code == 0
    for command in (("kpis",), ("check", "2026", "-f", "json"), ("missing", "2026")):
        assert "金沢" not in run(*command).stdout


def test_init_in_english(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    made = run("init", "town", "--lang", "en")
    assert made.exit_code == 0, made.output
    assert made.stdout == (
        "town/data/strategy.yaml: a new strategy (a skeleton: one goal, 2 KPIs), with the "
        "folders data/actuals and data/reviews.\nFill it in (the comments say how), then: "
        f"cd town && pdca validate && pdca check {_fiscal_year()}\n"
    )


def _fiscal_year() -> int:
    today = dt.date.today()
    return today.year if today.month >= 4 else today.year - 1


@pytest.mark.parametrize("english", [False, True])
def test_init_refuses_an_existing_strategy_unless_forced(run, tmp_path, monkeypatch, english):
    monkeypatch.chdir(tmp_path)
    lang = ("--lang", "en") if english else ()
    strategy = tmp_path / "town" / "data" / "strategy.yaml"
    strategy.parent.mkdir(parents=True)
    strategy.write_text("# the city's own\n", encoding="utf-8")
    refused = run("init", "town", *lang)
    assert refused.exit_code == 2
    message = (
        "a strategy is already here: give another folder, or --force to replace it"
        if english
        else "戦略ファイルがすでにあります。別のフォルダにするか、置き換えるなら --force を付けてください"
    )
    assert refused.stderr.splitlines()[0] == f"town/data/strategy.yaml: {message} [init-exists]"
    assert strategy.read_text(encoding="utf-8") == "# the city's own\n"
    assert not (tmp_path / "town" / "data" / "actuals").exists()
    forced = run("init", "town", "--force", *lang)
    assert forced.exit_code == 0, forced.output
    assert "meta:" in strategy.read_text(encoding="utf-8")


def test_init_refuses_a_file_for_its_folder(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "town").write_text("not a folder", encoding="utf-8")
    refused = run("init", "town")
    assert refused.exit_code == 2
    assert refused.stderr.splitlines()[0] == "town: フォルダではありません [init-not-a-folder]"


def test_init_keeps_the_readme_a_folder_already_has(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    readme = tmp_path / "town" / "data" / "actuals" / "README.md"
    readme.parent.mkdir(parents=True)
    readme.write_text("ours\n", encoding="utf-8")
    assert run("init", "town").exit_code == 0
    assert readme.read_text(encoding="utf-8") == "ours\n"


def test_the_skeleton_explains_itself_in_both_languages():
    text = render(skeleton_data(dt.date(2026, 12, 7)))
    assert "# 書くこと / what to fill in" in text
    assert "pdca の既定の尺度です（この団体の定めたものではありません）" in text
    assert "THIS IS pdca's DOCUMENTED DEFAULT SCALE, NOT YOURS" in text
    assert "period: {start: 2026, end: 2030}" in text
    assert "金沢" not in text and "Kanazawa" not in text


def test_the_skeleton_follows_the_fiscal_year():
    march = skeleton_data(dt.date(2027, 3, 31))
    april = skeleton_data(dt.date(2027, 4, 1))
    assert march["meta"]["period"] == {"start": 2026, "end": 2030}
    assert april["meta"]["period"] == {"start": 2027, "end": 2031}
    check_rendered(render(april), april)


def test_default_vocabularies_are_the_bundled_default_scale():
    """The bundled strategy says its review words are pdca's default scale: they are the
    ones `pdca init` writes."""
    bundled = YAML(typ="safe").load((DATA / "strategy.yaml").read_text(encoding="utf-8"))
    evaluation = bundled["evaluation"]
    assert evaluation["default_scale"] is True
    assert evaluation["ratings"] == DEFAULT_RATINGS
    assert evaluation["directions"] == DEFAULT_DIRECTIONS


@pytest.mark.parametrize(
    "value",
    ["true", "No", "null", "~", "12", "1.5", "-x", "a: b", "x #y", "70%", "'q'", '"d"',
     "line\nbreak", "tab\there", "bell\x07", "\u2028sep", " lead", "trail ", "", "[x]",
     "{x}", "a,b", "&anchor", "*alias", "!tag", "|", ">", "@at", "`tick", "％全角",
     "基準値を上回る", "R8年度開始", "1,000人（R12）", "kpi-001", "2026-03", "? key"],
)  # fmt: skip
def test_every_text_reads_back_as_itself(value):
    assert YAML(typ="safe").load(f"key: {scalar(value)}\n") == {"key": value}
    assert YAML(typ="safe").load(f"key: {{a: {scalar(value)}}}\n") == {"key": {"a": value}}
