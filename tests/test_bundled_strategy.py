"""The bundled transcription: it validates, and its structure and figures are the source's."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from conftest import DATA
from kanazawa_pdca.load import load_strategy


@pytest.fixture(scope="module")
def strategy():
    return load_strategy(DATA / "strategy.yaml")


def test_structure_counts(strategy):
    c = strategy.counts()
    assert (c["goals"], c["policies"], c["measures"], c["kpis"]) == (4, 17, 55, 95)
    # every "→" line of the source is one printing
    assert c["kpi_printings"] == 107
    assert c["footnotes"] == 10
    assert [len(g.policies) for g in strategy.goals] == [3, 4, 4, 6]
    assert [sum(len(p.measures) for p in g.policies) for g in strategy.goals] == [13, 10, 17, 15]


def test_meta(strategy):
    m = strategy.meta
    assert (m.title, m.issuer, m.issued, m.revised) == (
        "第3次金沢版総合戦略",
        "金沢市",
        "2024-03",
        "2025-03",
    )
    assert (m.period.start, m.period.end) == (2024, 2028)
    t = strategy.evaluation.thresholds
    assert (t.on_track, t.behind) == (1.0, 0.6)


def test_every_goal_has_two_numerical_targets(strategy):
    assert [len(g.targets) for g in strategy.goals] == [2, 2, 2, 2]
    names = [[strategy.kpi(r.kpi).name for r in g.targets] for g in strategy.goals]
    assert names[0] == [
        "子どもを産み育てやすい環境が整っていると感じる市民の割合",
        "合計特殊出生率",
    ]
    assert names[2] == ["金沢の産業が活性化していると感じる市民の割合", "金沢地域の観光入込客数"]
    assert names[3][1] == "石川中央都市圏における連携事業数"


def test_ids_are_kebab_case_and_unique(strategy):
    ids = [k.id for k in strategy.kpis]
    assert len(set(ids)) == 95
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)


def test_kinds_found_in_the_document(strategy):
    kinds = Counter(k.kind for k in strategy.kpis)
    targets = Counter(k.target.kind for k in strategy.kpis)
    assert kinds["period_total"] == 1
    assert kinds["cumulative"] >= 20
    assert targets["reset"] == 1
    assert targets["maintain"] == 3
    assert targets["at_least"] == 2  # 90%以上 and 124,400 人/日以上
    assert [k.id for k in strategy.kpis if k.direction == "decrease"] == [
        k.id for k in strategy.kpis if k.unit == "千t-CO₂"
    ]


def kpi_by_name(strategy, name):
    (kpi,) = [k for k in strategy.kpis if k.name == name]
    return kpi


# Figures read off the source by hand: (name, baseline (year, value), target (year, value, kind))
FIGURES = [
    ("子どもを産み育てやすい環境が整っていると感じる市民の割合", (2023, 47.5), (2028, 59, "exact")),
    ("合計特殊出生率", (2022, 1.35), (None, None, "reset")),
    ("まちの子育て保健室開設地区数", (2023, 11), (2025, 53, "exact")),
    ("子育てアプリのダウンロード数（累計）", (2022, 14593), (2028, 30000, "exact")),
    ("保育利用率（1歳児）", (2024, 74.3), (2028, 77.4, "exact")),
    ("保育利用率（2歳児）", (2024, 77.2), (2028, 78.8, "exact")),
    ("幼児教育公開講座への参加者数（累計）", (2023, 0), (2028, 250, "exact")),
    ("金沢旅行の満足度", (2022, 95.3), (2028, 95, "maintain")),
    ("温室効果ガス排出量", (2013, 3537), (2028, 2000, "exact")),
    ("生活の中で地球環境に配慮している市民の割合", (2023, 85.5), (2028, 90, "at_least")),
    ("公共交通の利用者数", (2021, 86073), (2028, 124400, "at_least")),
    ("金沢地域の観光入込客数", (2022, 864), (2028, 1138, "exact")),
]


@pytest.mark.parametrize(("name", "baseline", "target"), FIGURES, ids=[f[0] for f in FIGURES])
def test_figures(strategy, name, baseline, target):
    k = kpi_by_name(strategy, name)
    assert (k.baseline.year, k.baseline.value) == baseline
    assert (k.target.year, k.target.value, k.target.kind) == target


def test_period_total(strategy):
    (k,) = [k for k in strategy.kpis if k.kind == "period_total"]
    assert k.period == [2024, 2028]
    assert (k.baseline.value, k.target.value) == (11546, 60000)


def test_maintain_with_window(strategy):
    k = kpi_by_name(strategy, "子ども向け文化芸術体験イベント参加者数")
    assert (k.target.kind, k.target.value, k.period) == ("maintain", 1000, [2024, 2028])


def test_relisted_references(strategy):
    relisted = [(p.code, p.ref.kpi) for p in strategy.printings() if p.ref.relisted]
    assert ("1-1-5", "childcare-app-downloads") in relisted
    # a goal-level target also printed in a measure is one KPI, not re-listed there
    assert strategy.kpi("child-rearing-environment-satisfaction").measures == ["G1", "1-1-1"]
    # every re-listing points to a KPI printed earlier (also checked by the validator)
    seen = set()
    for p in strategy.printings():
        assert not p.ref.relisted or p.ref.kpi in seen
        seen.add(p.ref.kpi)


def test_every_judgement_call_has_a_note(strategy):
    for k in strategy.kpis:
        if k.baseline.value == 0 or k.kind == "period_total" or k.target.kind == "reset":
            assert k.note, k.id


def test_footnotes(strategy):
    assert [f.number for f in strategy.footnotes] == list(range(1, 11))
    assert strategy.footnotes[5].term == "ネウボラ"
    assert strategy.footnotes[9].term == "MaaS"


def test_every_kpi_has_an_english_unit(strategy):
    """unit_en on every KPI (#10 item 11): a word in English, '%' kept, '' for no unit."""
    assert all(k.unit_en is not None for k in strategy.kpis)
    by_unit = {k.unit: k.unit_en for k in strategy.kpis if k.unit in ("%", "人", "地区", "")}
    assert by_unit == {"%": "%", "人": "people", "地区": "districts", "": ""}
    assert all(k.unit_en == "" for k in strategy.kpis if k.unit == "")
