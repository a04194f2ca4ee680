"""Japanese number forms (entry/numbers.py): every accepted form, every refusal."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest

from kanazawa_pdca.entry.numbers import FigureError, NoFigure, parse_figure, to_yaml_number


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("174275", "人", "174275"),
        ("174,275", "人", "174275"),
        ("1,234,567.25", "人", "1234567.25"),
        ("47.5", "%", "47.5"),
        ("0", "件", "0"),
        ("１７４，２７５", "人", "174275"),  # full-width digits and comma
        ("４７．５", "%", "47.5"),  # full-width decimal point
        ("174,275人", "人", "174275"),  # trailing unit equal to the KPI's
        ("174,275 人", "人", "174275"),
        ("12.5万人", "万人", "12.5"),
        ("47.5%", "%", "47.5"),
        ("47.5％", "%", "47.5"),  # full-width percent sign
        ("3,537千t-CO₂", "千t-CO₂", "3537"),
        ("3,537千t-CO2", "千t-CO₂", "3537"),  # subscript written as a plain digit
        ("12m³", "m³", "12"),
        ("△1.5", "", "-1.5"),  # Japanese minus signs
        ("▲２", "", "-2"),
        ("△ 1,000", "", "-1000"),
        ("-5", "", "-5"),
        ("－5", "", "-5"),  # full-width hyphen-minus
        ("−5", "", "-5"),  # U+2212 minus sign
        ("+5", "", "5"),
        ("＋５", "", "5"),  # full-width plus
        ("  42  ", "人", "42"),
        ("\u300042\u3000", "人", "42"),  # ideographic spaces around
    ],
)
def test_number_forms(text, unit, expected):
    assert parse_figure(text, unit) == Decimal(expected)


@pytest.mark.parametrize(
    "raw", [None, "", "   ", "\u3000", "－", "—", "-", "―", "集計中", "未集計"]
)
def test_no_figure_yet(raw):
    assert isinstance(parse_figure(raw, "人"), NoFigure)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(42, "42"), (47.5, "47.5"), (0.1, "0.1"), (Decimal("3.25"), "3.25")],
)
def test_spreadsheet_numbers_are_taken_as_they_are(raw, expected):
    assert parse_figure(raw, "%") == Decimal(expected)


@pytest.mark.parametrize(
    ("raw", "unit", "code"),
    [
        ("1,23", "人", "bad-number"),  # digits not grouped in threes
        ("12,3456", "人", "bad-number"),
        ("12人", "%", "wrong-unit"),  # another unit than the KPI's
        ("47.5%", "人", "wrong-unit"),
        ("12件", "", "wrong-unit"),  # a unit on a KPI that has none
        ("abc", "人", "not-a-number"),
        ("約100", "人", "not-a-number"),
        ("1e5", "", "not-a-number"),
        ("1.2.3", "", "not-a-number"),
        ("100（速報）", "人", "not-a-number"),
        (True, "人", "not-a-number"),
        (datetime(2026, 1, 2), "人", "not-a-number"),
        (float("nan"), "人", "not-finite"),
        (float("inf"), "人", "not-finite"),
    ],
)
def test_refused(raw, unit, code):
    with pytest.raises(FigureError) as info:
        parse_figure(raw, unit)
    assert info.value.code == code


def test_a_date_is_named_in_the_message(english):
    with pytest.raises(FigureError, match="got a date"):
        parse_figure(datetime(2026, 1, 2), "人")


@pytest.mark.parametrize(
    ("value", "written"),
    [("174275", 174275), ("47.50", 47.5), ("0.1", 0.1), ("-2", -2), ("1E+3", 1000)],
)
def test_yaml_numbers(value, written):
    out = to_yaml_number(Decimal(value))
    assert out == written and type(out) is type(written)
