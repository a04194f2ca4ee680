"""Fiscal years: 2026, FY2026, R8, 令和8 and 令和8年度 are the same year; nothing else is."""

from __future__ import annotations

import re

import pytest

from kanazawa_pdca.years import YearError, label, parse_year, reiwa


@pytest.mark.parametrize(
    "text",
    [
        "2026",
        "FY2026",
        "fy2026",
        "R8",
        "r8",
        "令和8",
        "令和8年度",
        "令和8年",
        "令和８年度",
        " 2026 ",
    ],
)
def test_accepted_forms(text):
    assert parse_year(text) == 2026


@pytest.mark.parametrize(
    ("text", "year"),
    [("R1", 2019), ("令和元年度", 2019), ("R10", 2028), ("H25", 2013), ("平成25年度", 2013)],
)
def test_eras(text, year):
    assert parse_year(text) == year


@pytest.mark.parametrize(
    "text", ["", "26", "FY26", "R", "R0", "2026年", "Reiwa8", "2026-27", "1900", "S60", "令和"]
)
def test_rejected(text):
    from kanazawa_pdca.i18n import said

    with pytest.raises(YearError) as info:
        parse_year(text)
    assert info.value.code in ("year-format", "year-era-start", "year-range")
    english = said(info.value, "en")
    assert re.search(r"2026, FY2026, R8, 令和8, 令和8年度|out of range|start at 1", english)
    assert "年度" in said(info.value, "ja")


def test_labels():
    assert reiwa(2026) == "R8"
    assert reiwa(2013) == "H25"
    assert label(2026, "ja") == "2026年度 (R8)"
    assert label(2026, "en") == "FY2026 (R8)"
