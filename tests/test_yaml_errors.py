"""Bad YAML is normal input: every problem as FILE:LINE:COL, all at once, exit 2."""

from __future__ import annotations

import pytest

from conftest import position
from kanazawa_pdca.diagnostics import InputError
from kanazawa_pdca.load import load_strategy


def diagnostics(path) -> list[str]:
    with pytest.raises(InputError) as info:
        load_strategy(path)
    return [str(d) for d in info.value.diagnostics]


def test_malformed_yaml(broken):
    path = broken("period: {start: 2024, end: 2028}", "period: {start: 2024, end: 2028")
    found = diagnostics(path)
    assert len(found) == 1
    # at the line where the `{` opens, saying where the parser gave up
    assert found[0] == (
        f"{path}:7:11: malformed YAML: '{{' is never closed "
        "(line 8: expected ',' or '}', but got ':') [yaml-syntax]"
    )


def test_tab_indentation(broken):
    path = broken("  issuer: テスト市", "\tissuer: テスト市")
    (found,) = diagnostics(path)
    assert found.startswith(f"{path}:5:1: malformed YAML: ")
    assert "tab" in found


def test_every_duplicate_key_is_reported(broken, mini_text, tmp_path):
    text = mini_text.replace(
        "  issuer: テスト市\n", "  issuer: テスト市\n  issuer: 別の市\n"
    ).replace("    unit: 件\n", "    unit: 件\n    unit: 人\n")
    path = tmp_path / "dup.yaml"
    path.write_text(text, encoding="utf-8")
    found = diagnostics(path)
    first = position(text, "  issuer: 別の市")
    second = position(text, "    unit: 人")
    assert (
        f"{path}:{first[0]}:3: duplicate key 'issuer' (first defined at line {first[0] - 1}) "
        "[duplicate-key]" in found
    )
    assert (
        f"{path}:{second[0]}:5: duplicate key 'unit' (first defined at line {second[0] - 1}) "
        "[duplicate-key]" in found
    )


def test_wrong_type(broken):
    path = broken("{year: 2023, value: 50, text: 50%（R5）}", "{year: 2023, value: fifty, text: x}")
    (found,) = diagnostics(path)
    line, col = position(path.read_text(), "fifty")
    assert found == (
        f"{path}:{line}:{col}: kpis[0].baseline.value: Input should be a valid number "
        "(got 'fifty') [wrong-type]"
    )


def test_boolean_is_not_a_number(broken):
    path = broken("{year: 2023, value: 50, text: 50%（R5）}", "{year: 2023, value: true, text: x}")
    (found,) = diagnostics(path)
    assert "kpis[0].baseline.value: Input should be a valid number (got True)" in found


def test_unknown_field_points_at_the_key(broken):
    path = broken("    unit: 件\n", "    unit: 件\n    colour: red\n")
    (found,) = diagnostics(path)
    line, col = position(path.read_text(), "colour")
    assert found == f"{path}:{line}:{col}: kpis[1].colour: unknown field [unknown-field]"


def test_missing_field_points_at_its_parent(broken):
    path = broken("    name_en: Emissions\n", "")
    (found,) = diagnostics(path)
    line, col = position(path.read_text(), "id: co2-emissions")
    assert (
        found == f"{path}:{line}:{col}: kpis[3].name_en: required field is missing [missing-field]"
    )


def test_bad_enum_value(broken):
    path = broken("direction: decrease", "direction: downwards")
    (found,) = diagnostics(path)
    line, col = position(path.read_text(), "downwards")
    assert found.startswith(f"{path}:{line}:{col}: kpis[3].direction: Input should be ")
    assert found.endswith("(got 'downwards') [invalid-value]")


def test_empty_document(tmp_path):
    path = tmp_path / "empty.yaml"
    path.write_text("# nothing\n", encoding="utf-8")
    (found,) = diagnostics(path)
    assert found.startswith(f"{path}:1:1: document: ")


def test_missing_file(tmp_path):
    path = tmp_path / "nope.yaml"
    assert diagnostics(path) == [f"{path}: no such file [file-not-found]"]


def test_not_utf8(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("meta:\n  title: caf\xe9\n".encode("latin-1"))
    assert diagnostics(path) == [f"{path}:2:13: not valid UTF-8 text [encoding]"]


def test_a_directory_is_not_a_file(tmp_path):
    assert diagnostics(tmp_path) == [f"{tmp_path}: is a directory, not a file [not-a-file]"]
