"""The README's examples of `pdca show` name exactly one KPI each (a newcomer types them as
written: `pdca show アプリ` once matched two KPIs and ended in exit 2)."""

from __future__ import annotations

import re

import pytest

from conftest import DEMO, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
SHOWN = sorted(set(re.findall(r"`pdca show ([^`\s]+)(?: [^`]*)?`", README)) - {"KPI"})


def test_the_readme_has_show_examples():
    assert len(SHOWN) >= 2, SHOWN


@pytest.mark.parametrize("query", SHOWN)
def test_every_show_example_finds_one_kpi(run, query):
    result = run("show", query, "--no-chart", "--actuals", DEMO)
    assert result.exit_code == 0, result.stderr
