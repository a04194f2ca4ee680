"""The fast lane for YAML (`fastyaml`) reads exactly what ruamel's safe loader reads, or
declines; and nothing is cached, pickled or written while loading."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import DATA, DEMO, MINI, ROOT
from kanazawa_pdca import fastyaml
from kanazawa_pdca.load import load_actuals, load_strategy

DECLINED = fastyaml.DECLINED


def typed(value):
    """A value with its types spelled out (1, 1.0 and True are equal in Python)."""
    if isinstance(value, dict):
        return ("dict", [(typed(k), typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [typed(v) for v in value])
    return (type(value).__name__, value)


def ruamel_safe(text: str):
    return YAML(typ="safe").load(text)


def same_as_ruamel(text: str) -> None:
    """fastyaml declines, or reads exactly what ruamel's safe loader reads."""
    fast = fastyaml.load(text)
    if fast is DECLINED:
        return
    assert typed(fast) == typed(ruamel_safe(text)), text


ACCEPTED = [
    ("a: 1", {"a": 1}),
    ("a: -12", {"a": -12}),
    ("a: -0", {"a": 0}),
    ("a: 0", {"a": 0}),
    ("a: 1.5", {"a": 1.5}),
    ("a: -0.25", {"a": -0.25}),
    ("a: 100.0", {"a": 100.0}),
    ("a: true\nb: False\nc: TRUE", {"a": True, "b": False, "c": True}),
    ("a: yes\nb: no\nc: on\nd: off", {"a": "yes", "b": "no", "c": "on", "d": "off"}),  # 1.2
    ("a:\nb: ~\nc: null\nd: NULL", {"a": None, "b": None, "c": None, "d": None}),
    ("a: '12'\nb: \"1.5\"\nc: 'true'", {"a": "12", "b": "1.5", "c": "true"}),
    ("a: 100件（R4）\nb: 2024-03\nc: 3-2-5", {"a": "100件（R4）", "b": "2024-03", "c": "3-2-5"}),
    ("a: G1\nb: 1.5倍\nc: 第3次", {"a": "G1", "b": "1.5倍", "c": "第3次"}),
    ("a: [1, x, {b: 2}]\nc: {}", {"a": [1, "x", {"b": 2}], "c": {}}),
    ("a: |\n  one\n  two\nb: >\n  folded\n  text\n", {"a": "one\ntwo\n", "b": "folded text\n"}),
    ("- 1\n- - 2\n  - 3\n", [1, [2, 3]]),
    ("---\na: 1\n...\n", {"a": 1}),
    ("# only a comment\n", None),
    ("", None),
    ("just text", "just text"),
]


@pytest.mark.parametrize(("text", "expected"), ACCEPTED)
def test_accepted_documents_read_as_ruamel_reads_them(text, expected):
    assert typed(fastyaml.load(text)) == typed(expected)
    assert typed(ruamel_safe(text)) == typed(expected)


DECLINED_TEXTS = [
    "a: &x 1\nb: *x",  # anchors and aliases
    "a: !!str 12",  # tags
    "a: !custom x",
    "a: !!python/object:os.system x",
    "base: &b {x: 1}\nc:\n  <<: *b",  # merge keys
    "<<: {x: 1}",
    "a: 2024-03-01",  # timestamps
    "a: .inf",
    "a: -.inf",
    "a: .nan",
    "a: 1e3",
    "a: 1.5e3",
    "a: 0x1F",
    "a: 0o17",
    "a: 0b101",
    "a: 010",
    "a: 1_000",
    "a: +5",
    "a: 1.",
    "a: .5",
    "a: 1\na: 2",  # duplicate key
    "1: a",  # keys that are not text
    "true: a",
    "~: a",
    "[a]: b",
    "? {a: 1}\n: b",
    "%YAML 1.1\n---\na: yes",  # directives
    "%TAG !e! tag:example.com,2000:\n---\na: 1",
    "a: 1\n---\nb: 2",  # two documents
    "a: [1, 2",  # syntax errors
    "a: 'open",
    "a: b: c",
    "- a\nb: c",
    "a: \x07",  # a control character
    "a: " + "9" * 5000,  # an integer too long to convert
    "a: " + "[" * 100 + "]" * 100,  # nested deeper than 100 levels (the mapping is one)
    "a:\n" + "".join(f"{' ' * i}- \n" for i in range(0, 200, 2)) + " " * 200 + "x",
]


def test_nesting_up_to_the_limit_takes_the_fast_lane():
    text = "a: " + "[" * 99 + "]" * 99
    assert typed(fastyaml.load(text)) == typed(ruamel_safe(text))


@pytest.mark.parametrize("text", DECLINED_TEXTS)
def test_anything_unusual_is_declined_for_the_slow_path(text):
    assert fastyaml.load(text) is DECLINED


@pytest.mark.parametrize(
    "path",
    [MINI, *sorted(DEMO.glob("*.yaml")), *sorted(DATA.rglob("*.yaml"))],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_the_shipped_files_take_the_fast_lane_and_read_the_same(path):
    text = path.read_text(encoding="utf-8")
    fast = fastyaml.load(text)
    assert fast is not DECLINED
    assert typed(fast) == typed(ruamel_safe(text))


def test_mutations_never_read_differently(mini_text):
    """Single-character edits of a strategy (seeded): whatever fastyaml accepts, ruamel's
    safe loader reads identically; whatever ruamel refuses, fastyaml declines."""
    rng = random.Random(11)
    alphabet = [*":-[]{}&*!|>'\"#%@`,?~<=. \t\n0123456789eExXoO_abc漢", "\x00", "\x1b"]
    accepted = 0
    for _ in range(200):
        chunk = mini_text
        at = rng.randrange(len(chunk))
        edit = rng.choice(alphabet)
        mutated = chunk[:at] + edit + chunk[at + rng.choice((0, 1)) :]
        try:
            expected = ruamel_safe(mutated)
        except Exception:
            assert fastyaml.load(mutated) is DECLINED, mutated
            continue
        fast = fastyaml.load(mutated)
        if fast is not DECLINED:
            accepted += 1
            assert typed(fast) == typed(expected), mutated
    assert accepted > 30  # the comparison really ran


@pytest.mark.parametrize(
    "scalar",
    ["0", "7", "-3", "12", "-0", "0.5", "-1.25", "3.0", "10.10", "true", "False", "TRUE",
     "null", "~", "Null", "NULL", "yes", "No", "1e3", "1.5e-3", ".5", "5.", "+1", "0x10",
     "0o7", "010", "1_0", "1:30", "2024-01-01", "2024-1-1", "12:30:00", ".inf", ".NaN",
     "-.Inf", "<<", "=", "!", "1,000", "１２", "12件", "0.5倍", "-", "--", "x1", "1x"],
)  # fmt: skip
def test_every_plain_scalar_is_read_as_ruamel_reads_it_or_declined(scalar):
    same_as_ruamel(f"a: {scalar}\n")
    same_as_ruamel(f"- {scalar}\n")


def test_a_strategy_the_fast_lane_declines_loads_the_same(tmp_path, mini_text):
    """An anchor sends the file down ruamel's path: the same pydantic model comes out."""
    anchored = tmp_path / "s.yaml"
    anchored.write_text(mini_text.replace("unit: 件", "unit: &u 件", 1), encoding="utf-8")
    assert fastyaml.load(anchored.read_text(encoding="utf-8")) is DECLINED
    assert load_strategy(anchored) == load_strategy(MINI)


def test_loading_writes_nothing_and_reads_no_pickle(tmp_path, monkeypatch, mini_text):
    """No cache: the figures always come from the YAML, and nothing is written next to
    it, in the working folder or in a cache folder."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("PDCA_CACHE_DIR", str(tmp_path / "pdca-cache"))
    path = tmp_path / "s.yaml"
    path.write_text(mini_text, encoding="utf-8")
    assert load_strategy(path).kpi("share-pct").name == "割合"
    path.write_text(mini_text.replace("name: 割合", "name: 比率"), encoding="utf-8")
    assert load_strategy(path).kpi("share-pct").name == "比率"
    load_actuals(tmp_path / "none", None, required=False)
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["s.yaml"]


def test_no_module_reads_or_writes_pickles():
    package = Path(__file__).resolve().parent.parent / "kanazawa_pdca"
    pattern = re.compile(r"^\s*(?:import|from)\s+(?:pickle|cPickle|shelve|marshal|dill)\b", re.M)
    offenders = [
        str(p.relative_to(package))
        for p in package.rglob("*.py")
        if pattern.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_the_c_parser_is_there():
    """The fast lane needs libyaml's parser (ruamel.yaml.clib, the `oldlibyaml` extra):
    without it every file would quietly take the slow path."""
    from _ruamel_yaml import CParser

    assert YAML(typ="safe").Parser is CParser


def test_without_the_c_parser_everything_takes_the_slow_path(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_clib(name, *args, **kwargs):
        if name == "_ruamel_yaml":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_clib)
    assert fastyaml.load("a: 1") is DECLINED
