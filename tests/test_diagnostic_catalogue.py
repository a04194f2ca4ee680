"""Issue #14: one message catalogue keyed by code. A diagnostic carries its code and values;
the catalogue (`i18n.catalogue`, with `i18n.help`) holds its Japanese and English templates;
the text is made at the edge and never parsed back.

These tests hold the catalogue to the source: every code the package raises is catalogued,
both languages take the same values, every template is filled by the values its code is
raised with (read off the source), and real errors come out in Japanese by default and
in English with --lang en."""

from __future__ import annotations

import ast
import re
import string
import zipfile
from pathlib import Path

import pytest

from conftest import MINI
from kanazawa_pdca.i18n import Phrase, table, text
from kanazawa_pdca.i18n.catalogue import CATALOGUE

PACKAGE = Path(__file__).resolve().parent.parent / "kanazawa_pdca"
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")

# the callables that take a catalogue key (or a code and its variant) and its values
RAISERS = {
    "Diagnostic",  # (location, code, {values}, severity, variant=)
    "Problem",  # (path, code, {values}, severity, variant=)
    "_diag",  # guard/load: (file, code, line, column, variant=, **values)
    "fail",  # guard.read_bytes: (code, variant, **values)
    "_error",  # entry/sheets: (file, code, variant, **values)
    "BadScalar",  # (code, variant, **values)
    "FigureError",  # (code, variant, **values)
    "RefusedTarget",  # (code, variant, **values)
    "UsageError",  # (key, param, code=, **values)
    "YearError",  # (code, **values)
    "location_error",  # (file, code, variant, **values)
    "Phrase",  # (key, **values)
    "text",  # (key, lang, **values)
    "msg",  # the CLI's name for text
    "stop",  # guard.check_graph: (code, node, **values)
}
# where a variant is passed by position (after the code)
VARIANT_AT = {"fail": 1, "_error": 1, "BadScalar": 1, "FigureError": 1, "RefusedTarget": 1}
VARIANT_AT["location_error"] = 1
NOT_VALUES = {"variant", "severity", "code", "lang", "param"}
ALWAYS = {
    "FigureError": {"pre"},  # FigureError fills `pre` itself
    "text": {"names", "words"},  # text() fills them for unknown-status
}


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def raised() -> list[tuple[str, int, str, str, set[str] | None]]:
    """(file, line, callable, catalogue key, the value names given or None if not literal)
    for every call of a raiser with a literal key in the package."""
    keys = set(table())
    codes = {k.split(".")[0] for k in keys}
    found = []
    for path in PACKAGE.rglob("*.py"):
        if path.parent.name == "i18n":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name not in RAISERS:
                continue
            strings = [
                (i, a.value)
                for i, a in enumerate(node.args)
                if isinstance(a, ast.Constant) and isinstance(a.value, str)
            ]
            kw = {k.arg: k.value for k in node.keywords if k.arg}
            variant_node = kw.get("variant")
            variant = variant_node.value if isinstance(variant_node, ast.Constant) else None
            unknown_variant = variant_node is not None and variant is None
            first = [(i, v) for i, v in strings if v in keys or v in codes]
            if not first:
                continue
            index, code = first[0]
            later = [v for i, v in strings if i > index and f"{code}.{v}" in keys]
            variant = variant or (later[0] if later else None)
            at = index + VARIANT_AT.get(name, 99)
            if at < len(node.args) and not isinstance(node.args[at], ast.Constant):
                unknown_variant = True  # a variant chosen at run time
            if unknown_variant and variant is None:
                # a variant chosen at run time: the code has variants, values unchecked
                found.append((str(path.relative_to(PACKAGE)), node.lineno, name, code + ".*", None))
                continue
            key = f"{code}.{variant}" if variant and f"{code}.{variant}" in keys else code
            given: set[str] | None = {k for k in kw if k not in NOT_VALUES}
            dicts = [a for a in node.args if isinstance(a, ast.Dict)]
            if any(k.arg is None for k in node.keywords):
                given = None  # **values: not known here
            elif dicts:
                if all(isinstance(k, ast.Constant) for k in dicts[0].keys):
                    given |= {k.value for k in dicts[0].keys}
                else:
                    given = None
            elif name in ("Diagnostic", "Problem") and len(node.args) > 2:
                given = None  # values passed as a variable
            if given is not None:
                given |= ALWAYS.get(name, set())
            found.append((str(path.relative_to(PACKAGE)), node.lineno, name, key, given))
    return found


RAISED = raised()


def test_the_scan_sees_the_package():
    assert len(RAISED) > 150
    assert len({key for *_, key, _ in RAISED}) > 100


def test_the_messages_and_the_help_are_one_table_without_a_key_twice():
    from kanazawa_pdca.i18n.help import HELP

    assert CATALOGUE.keys() & HELP.keys() == set()
    assert table() == {**CATALOGUE, **HELP}


def test_every_entry_has_japanese_and_english_with_the_same_values():
    for key, entry in table().items():
        assert set(entry) == {"ja", "en"}, key
        ja, en = placeholders(entry["ja"]), placeholders(entry["en"])
        assert ja <= en, key  # English alone has plurals (`{n_s}`)
        if not key.startswith("pydantic."):  # Japanese may leave pydantic's context out
            assert all(name == "s" or name.endswith("_s") for name in en - ja), key


def test_every_key_raised_is_catalogued():
    keys = set(table())
    missing = []
    for file, line, _, key, _ in RAISED:
        if key.endswith(".*"):
            if not any(k.startswith(key[:-1]) for k in keys):
                missing.append((file, line, key))
        elif key not in keys:
            missing.append((file, line, key))
    assert missing == []


def test_every_template_is_filled_by_the_values_it_is_raised_with():
    unfilled = []
    for file, line, _name, key, given in RAISED:
        if given is None or key not in table():
            continue
        need = placeholders(table()[key]["en"])
        if need - given:
            unfilled.append((file, line, key, sorted(need - given)))
    assert unfilled == []


def test_no_template_is_left_unused():
    """Every entry is raised somewhere (a code, a variant or a Phrase) — else it is dead."""
    used = {key for *_, key, _ in RAISED}
    source = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py"))
    built = {
        k for k in table() if f'"{k.rsplit(".", 1)[0]}.' in source or f"{k.split('.')[0]}" in source
    }
    dead = sorted(k for k in table() if k not in used and k not in built)
    assert dead == []


def dummy(key: str) -> dict[str, object]:
    fmt = table()[key]["en"]
    values: dict[str, object] = {}
    for _, name, spec, _ in string.Formatter().parse(fmt):
        if name:
            values[name] = 3 if spec else "x"
    return values


# keys whose Japanese is rightly the same as the English (symbols, names, pydantic's own)
SAME = {
    "amount.mb",
    "char-name.nul",
    "char-name.bel",
    "char-name.esc",
    "char-name.del",
    "shown.null",
    "pydantic.other",
}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_entry_reads_in_japanese(key):
    """The messages (the help texts of i18n/help.py are the CLI's to check)."""
    values = dummy(key)
    ja, en = text(key, "ja", **values), text(key, "en", **values)
    if "{{" not in table()[key]["en"]:  # every placeholder was filled
        assert "{" not in ja and "{" not in en
    if key not in SAME and en.strip(" ;"):
        assert ja != en and JAPANESE.search(ja), (key, ja)


def test_phrases_are_said_in_the_language_of_their_message():
    what = Phrase("input.strategy")
    assert text("output-protected", "ja", what=what) == "戦略ファイルは上書きしません"
    assert text("output-protected", "en", what=what) == "refusing to overwrite the strategy file"
    parts = [
        Phrase("conflict-part", field=Phrase("field.value"), new="5", was="4"),
        Phrase("conflict-part", field=Phrase("field.note"), new="'b'", was="'a'"),
    ]
    en = text("conflict.at", "en", id="share-pct", parts=parts, at="2026.yaml:3:1")
    assert en == (
        "share-pct: value 5 differs from 4 recorded; note 'b' differs from 'a' recorded at "
        "2026.yaml:3:1 (use --overwrite to replace it)"
    )
    ja = text("conflict.at", "ja", id="share-pct", parts=parts, at="2026.yaml:3:1")
    assert ja == (
        "share-pct: 記録済みの値と異なります — 実績値 5（記録済み 4）、備考 'b'（記録済み 'a'）"
        "（記録箇所 2026.yaml:3:1）。置き換えるには --overwrite を付けてください"
    )


def test_pydantic_errors_read_as_pydantic_says_them_in_english():
    """Each pydantic error type the catalogue knows renders, in English, exactly pydantic's
    own message (so the English lines never changed), and in Japanese from its template."""
    from typing import Annotated, Literal

    from pydantic import BaseModel, Field, StringConstraints, ValidationError

    from kanazawa_pdca.load import _pydantic_detail

    class M(BaseModel):
        s: str = "a"
        i: int = 1
        f: float = 1.0
        b: bool = True
        lst: list[int] = []
        d: dict[str, int] = {}
        ge: Annotated[int, Field(ge=1)] = 1
        le: Annotated[int, Field(le=1)] = 1
        lit: Literal["a", "b"] = "a"
        short: Annotated[str, StringConstraints(min_length=1)] = "a"
        pat: Annotated[str, StringConstraints(pattern=r"^\d{4}$")] = "2026"
        two: Annotated[list[int], Field(min_length=2, max_length=2)] = [1, 2]

    bad = [
        {"s": 1},
        {"i": "x"},
        {"i": 1.5},
        {"i": []},
        {"f": "x"},
        {"f": []},
        {"b": "x"},
        {"b": []},
        {"lst": 1},
        {"d": 1},
        {"ge": 0},
        {"le": 2},
        {"lit": "c"},
        {"short": ""},
        {"pat": "x"},
        {"two": [1]},
        {"two": [1, 2, 3]},
    ]
    seen = set()
    for data in bad:
        with pytest.raises(ValidationError) as info:
            M.model_validate(data)
        (err,) = info.value.errors(include_url=False)
        detail = _pydantic_detail(err)
        seen.add(detail.key)
        assert str(detail) == err["msg"], err
        assert JAPANESE.search(text(detail.key, "ja", **detail.values)), err
    assert "pydantic.other" not in seen


# --- real errors, as a user sees them -----------------------------------------------------


@pytest.fixture
def strategy_args():
    return ["--strategy", str(MINI)]


def test_an_old_excel_file_in_both_languages(run, tmp_path, strategy_args):
    sheet = tmp_path / "実績.xls"
    sheet.write_bytes(b"\xd0\xcf\x11\xe0")
    args = ["import", "2026", sheet, *strategy_args, "--actuals", tmp_path]
    ja = run(*args)
    assert ja.exit_code == 2
    assert ja.stderr.splitlines()[0] == (
        f"{sheet}: 古い .xls 形式（Excel 97–2003）のファイルです。.xlsx か CSV で"
        "保存し直してください [old-excel]"
    )
    en = run(*args, "--lang", "en")
    assert en.stderr.splitlines()[0] == (
        f"{sheet}: an .xls file (Excel 97–2003): save it as .xlsx or CSV [old-excel]"
    )


def test_a_bad_csv_in_both_languages(run, tmp_path, strategy_args):
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("id,実績値\nshare-pct,abc\nshare-pct,4\n", encoding="utf-8")
    args = ["import", "2026", sheet, *strategy_args, "--actuals", tmp_path, "--dry-run"]
    ja = run(*args).stderr.splitlines()
    assert ja[0].startswith(f"{sheet}:2:2: share-pct: 'abc' は実績値ではありません（")
    assert ja[0].endswith(" [not-a-number]")
    assert ja[1] == f"{sheet}:3:1: share-pct が2回記入されています（{sheet}:2:1 にもあります）" + (
        " [duplicate-kpi]"
    )
    en = run(*args, "--lang", "en").stderr.splitlines()
    assert en[1] == f"{sheet}:3:1: share-pct is given twice (also at {sheet}:2:1) [duplicate-kpi]"


def test_hostile_yaml_in_both_languages(run, tmp_path, monkeypatch):
    strategy = tmp_path / "strategy.yaml"
    strategy.write_text("a: &x [1]\nb: &x [2]\n", encoding="utf-8")
    ja = run("validate", "--strategy", strategy).stderr.splitlines()
    assert ja[0] == (
        f"{strategy}:2:4: 同じアンカーが2回定義されています（最初は 1 行目）。"
        "それぞれ別の名前を付けてください [duplicate-anchor]"
    )
    monkeypatch.setenv("PDCA_LANG", "en")
    en = run("validate", "--strategy", strategy).stderr.splitlines()
    assert en[0].endswith(
        "the same anchor is defined twice (first at line 1): give each its "
        "own name [duplicate-anchor]"
    )


def test_a_review_without_reason_in_both_languages(run, tmp_path, strategy_args):
    reviews = tmp_path / "reviews"
    reviews.mkdir()
    (reviews / "2026.yaml").write_text(
        "kpis:\n  share-pct:\n    override:\n      status: on-track\n", encoding="utf-8"
    )
    args = ["validate", *strategy_args, "--reviews", reviews]
    ja = run(*args)
    assert ja.exit_code == 2, ja.stdout
    assert "kpis.share-pct.override: 委員会の判断理由（reason）を書いてください" in ja.stderr
    assert "[override-without-reason]" in ja.stderr
    en = run(*args, "--lang", "en").stderr
    assert "kpis.share-pct.override: the committee's reason is required" in en


def test_a_workbook_that_is_not_one(run, tmp_path, strategy_args):
    sheet = tmp_path / "sheet.xlsx"
    with zipfile.ZipFile(sheet, "w") as z:
        z.writestr("hello.txt", "not a workbook")
    args = ["import", "2026", sheet, *strategy_args, "--actuals", tmp_path]
    ja = run(*args).stderr
    assert "ブックを読み込めません（" in ja and "[not-a-workbook]" in ja
    assert "cannot read the workbook (" in run(*args, "--lang", "en").stderr


def test_a_protected_output_names_the_input_in_japanese(run, tmp_path):
    strategy = tmp_path / "strategy.yaml"
    strategy.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "actuals").mkdir()
    args = ["check", "2026", "--strategy", strategy, "--actuals", tmp_path / "actuals"]
    args += ["-o", strategy]
    assert run(*args).stderr == f"{strategy}: 戦略ファイルは上書きしません [output-protected]\n"
    en = run(*args, "--lang", "en").stderr
    assert en == f"{strategy}: refusing to overwrite the strategy file [output-protected]\n"


def test_ci_annotations_follow_the_language(run, tmp_path):
    strategy = tmp_path / "strategy.yaml"
    strategy.write_text("a: &x [1]\nb: &x [2]\n", encoding="utf-8")
    args = ["validate", "--strategy", strategy, "--format", "github"]
    ja = run(*args).stdout.splitlines()[0]
    assert ja.startswith("::error ") and "同じアンカーが2回定義されています" in ja
    assert ja.endswith("[duplicate-anchor]")
    en = run(*args, "--lang", "en").stdout.splitlines()[0]
    assert "the same anchor is defined twice (first at line 1)" in en


def test_a_pydantic_error_in_both_languages(run, broken):
    """A pydantic error is said from its type: pydantic's own English, and Japanese."""
    path = broken("    unit: 件\n", "    unit: 件\n    unit_en: [not, text]\n")
    ja = run("validate", "--strategy", path).stderr.splitlines()[0]
    assert ja.endswith(
        ": kpis[1].unit_en: 型が違います（文字列を書きます。値: リスト） [wrong-type]"
    )
    en = run("validate", "--strategy", path, "--lang", "en").stderr.splitlines()[0]
    assert en.endswith(
        ": kpis[1].unit_en: Input should be a valid string (got a list) [wrong-type]"
    )
    low = broken("number: 1", "number: 0")
    ja = run("validate", "--strategy", low).stderr
    assert "1 以上の値を書きます。値: 0）" in ja and "[invalid-value]" in ja
    en = run("validate", "--strategy", low, "--lang", "en").stderr
    assert "Input should be greater than or equal to 1 (got 0) [invalid-value]" in en
