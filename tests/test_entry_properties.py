"""Properties of the number forms and the writer (hypothesis; profiles in conftest.py)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import MINI
from kanazawa_pdca.entry.numbers import parse_figure
from kanazawa_pdca.entry.writer import Figure, write_figures
from kanazawa_pdca.load import load_actuals, load_strategy

FULL_WIDTH = str.maketrans("0123456789,.%", "０１２３４５６７８９，．％")
STRATEGY = load_strategy(MINI)
IDS = [k.id for k in STRATEGY.kpis]


@given(
    value=st.decimals(min_value=0, max_value=10**9, places=2),
    grouped=st.booleans(),
    full_width=st.booleans(),
    minus=st.sampled_from(["", "△", "▲", "-", "−"]),
    unit=st.sampled_from(["", "人", "%", "千t-CO₂"]),
    spaced=st.booleans(),
)
def test_every_written_form_reads_back_as_the_number(
    value, grouped, full_width, minus, unit, spaced
):
    text = f"{value:,}" if grouped else f"{value}"
    text = minus + text + (" " if spaced and unit else "") + unit
    if full_width:
        text = text.translate(FULL_WIDTH)
    expected = -value if minus else value
    assert parse_figure(text, unit) == expected


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    recorded=st.dictionaries(st.sampled_from(IDS), st.integers(0, 100), max_size=len(IDS)),
    new=st.dictionaries(st.sampled_from(IDS), st.integers(0, 100), min_size=1, max_size=3),
    comments=st.lists(st.sampled_from(["# note", "", "#  indented comment"]), max_size=3),
    between=st.lists(st.sampled_from(["", "# between", "", None, None]), min_size=7, max_size=7),
    long_form=st.lists(st.booleans(), min_size=7, max_size=7),
)
def test_adding_figures_keeps_every_line_of_the_file_in_order(
    tmp_path_factory, recorded, new, comments, between, long_form
):
    folder = tmp_path_factory.mktemp("actuals")
    lines = [*comments]
    for i, (kpi_id, value) in enumerate(recorded.items()):
        if long_form[i]:
            lines += [f"{kpi_id}:  # long", f"  value: {value}", "  source: 'x: y'  # quoted"]
        else:
            lines.append(f"{kpi_id}: {value}   # was {value}")
        if between[i] is not None:
            lines.append(between[i])
    before = "\n".join(lines) + "\n" if lines else ""
    (folder / "2026.yaml").write_text(before, encoding="utf-8")
    fresh = {k: v for k, v in new.items() if k not in recorded}
    if not fresh:
        return
    write_figures(folder, 2026, STRATEGY, [Figure(k, Decimal(v)) for k, v in fresh.items()])
    after = (folder / "2026.yaml").read_text(encoding="utf-8").splitlines()
    # the old lines are still there, in the same order, untouched
    it = iter(after)
    assert all(any(line == got for got in it) for line in before.splitlines())
    # the new ones are added, and the file holds exactly the union
    actuals, _ = load_actuals(folder, STRATEGY)
    assert {k: a.value for k, a in actuals.years[2026].items()} == {**recorded, **fresh}
    # entries in strategy order when they were so before
    keys = [line.split(":")[0] for line in after if line and not line.startswith(("#", " "))]
    if list(recorded) == sorted(recorded, key=IDS.index):
        assert keys == sorted(keys, key=IDS.index)
