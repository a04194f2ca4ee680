"""The fast lane's model (`model.plain`) against the pydantic models it stands in for.

It may decline anything; whatever it accepts, pydantic accepts too, with the same values
and types. Its shape table must match the pydantic models field by field."""

from __future__ import annotations

import copy
import dataclasses
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError

from conftest import DATA, MINI, ROOT
from kanazawa_pdca import fastyaml
from kanazawa_pdca.load import load_strategy
from kanazawa_pdca.model import plain
from kanazawa_pdca.model import strategy as models


def dump(obj):
    """Any form of the strategy as nested dicts of (type, value) leaves."""
    if isinstance(obj, BaseModel):
        return {name: dump(getattr(obj, name)) for name in type(obj).model_fields}
    if dataclasses.is_dataclass(obj):
        return {
            f.name: dump(getattr(obj, f.name))
            for f in dataclasses.fields(obj)
            if not f.name.startswith("_")
        }
    if isinstance(obj, list):
        return [dump(v) for v in obj]
    return (type(obj).__name__, obj)


PAIRS = [(getattr(models, cls.__name__), cls) for cls in plain.SHAPES]


@pytest.mark.parametrize(("model", "dataclass"), PAIRS, ids=lambda c: c.__name__)
def test_the_shape_table_matches_the_pydantic_model(model, dataclass):
    shape = plain.SHAPES[dataclass]
    fields = model.model_fields
    assert set(shape) == set(fields), "fields differ: update model/plain.py"
    assert {f.name for f in dataclasses.fields(dataclass) if not f.name.startswith("_")} == set(
        fields
    )
    for name, info in fields.items():
        assert shape[name][1] == info.is_required(), name
        if not info.is_required():
            default = next(f for f in dataclasses.fields(dataclass) if f.name == name)
            ours = (
                default.default_factory()
                if default.default_factory is not dataclasses.MISSING
                else default.default
            )
            assert dump(ours) == dump(info.get_default(call_default_factory=True)), name


def _documents():
    yield "bundled", fastyaml.load((DATA / "strategy.yaml").read_text(encoding="utf-8"))
    yield "mini", fastyaml.load(MINI.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("name", "data"), list(_documents()), ids=lambda x: x if isinstance(x, str) else ""
)
def test_good_documents_take_the_fast_lane_with_the_same_values(name, data):
    ours = plain.strategy(data)
    assert ours is not None
    assert dump(ours) == dump(models.Strategy.model_validate(data))
    assert ours.counts() == models.Strategy.model_validate(data).counts()
    assert ours.printed_in() == models.Strategy.model_validate(data).printed_in()


def _leaves(data, path=()):
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _leaves(v, (*path, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _leaves(v, (*path, i))
    yield path


def _set(data, path, value):
    data = copy.deepcopy(data)
    if not path:
        return value
    node = data
    for part in path[:-1]:
        node = node[part]
    if value is _DELETE:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return data


_DELETE = object()
REPLACEMENTS = [
    _DELETE, None, True, False, 0, 1, -1, 2**60, 1.5, float("nan"), 1e16, 1e-10, -2e15, 1e300, "", "x", "2024-03",
    "2024-03\n", "２０２４-03", [], [1989, 2100], {}, {"extra": 1}, 1989, 2101, "increase",
    "level", "exact", "a-b", "A-b",
]  # fmt: skip


def test_whatever_the_fast_lane_accepts_pydantic_accepts_identically(mini_text):
    """Every leaf and every container of a strategy replaced by each of many values (or
    deleted), plus an unknown field in every mapping: the plain model declines, or
    agrees with pydantic to the last value and type."""
    data = fastyaml.load(mini_text)
    agreed = declined = 0
    paths = list(_leaves(data))
    mappings = [p for p in paths if isinstance(_get(data, p), dict)]
    cases = [(p, v) for p in paths for v in REPLACEMENTS]
    cases += [((*p, "unknown"), "x") for p in mappings]
    for path, value in cases:
        try:
            mutated = _set(data, path, value)
        except (KeyError, IndexError, TypeError):
            continue
        ours = plain.strategy(mutated)
        try:
            theirs = models.Strategy.model_validate(mutated)
        except ValidationError:
            assert ours is None, (path, value)
            declined += 1
            continue
        if ours is not None:
            assert dump(ours) == dump(theirs), (path, value)
            agreed += 1
    assert agreed > 100 and declined > 1000  # both sides were really exercised


def _get(data, path):
    for part in path:
        data = data[part]
    return data


def test_load_strategy_gives_the_plain_model_for_a_good_file_and_pydantic_otherwise(
    tmp_path, mini_text
):
    assert isinstance(load_strategy(MINI), plain.Strategy)
    anchored = tmp_path / "s.yaml"  # fastyaml declines anchors: the pydantic path reads it
    anchored.write_text(mini_text.replace("unit: 件", "unit: &u 件", 1), encoding="utf-8")
    strategy = load_strategy(anchored)
    assert isinstance(strategy, models.Strategy)
    assert dump(strategy) == dump(load_strategy(MINI))


def test_checking_the_bundled_strategy_never_imports_pydantic():
    """The fast lane stays fast: loading, assessing and rendering JSON for the bundled
    data imports no pydantic (a model imported at a module's top would)."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from kanazawa_pdca.load import load_inputs\n"
        "from kanazawa_pdca.assess import assess\n"
        "from kanazawa_pdca.formats import render\n"
        "s, a, r, _ = load_inputs(Path('data/strategy.yaml'), Path('data/actuals'),"
        " Path('data/reviews'), actuals_required=False, reviews_required=False)\n"
        "render('json', assess(s, a, 2026))\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'pydantic'))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]", out.stdout


def test_a_good_file_is_the_same_either_way(tmp_path):
    path = Path(DATA / "strategy.yaml")
    ours = load_strategy(path)
    theirs = models.Strategy.model_validate(fastyaml.load(path.read_text(encoding="utf-8")))
    assert dump(ours) == dump(theirs)


SNAPSHOT = Path(__file__).parent / "snapshots" / "strategy-model-fields.txt"


def _fields_text() -> str:
    lines = []
    for dataclass in plain.SHAPES:
        model = getattr(models, dataclass.__name__)
        config = {k: model.model_config.get(k) for k in ("extra", "strict", "frozen")}
        lines.append(f"{dataclass.__name__} {config}")
        for name, info in model.model_fields.items():
            lines.append(
                f"  {name}: {info.annotation!r} {info.metadata!r} required={info.is_required()}"
            )
    text = "\n".join(lines).replace("kanazawa_pdca.model.strategy.", "") + "\n"
    return re.sub(r" at 0x[0-9a-f]+", "", text)


def test_the_pydantic_models_are_the_ones_the_plain_model_was_written_for():
    """Any change to a field of the strategy models (its type, a constraint, whether it is
    required) must be made in model/plain.py's SHAPES too: then refresh this snapshot
    with UPDATE_SNAPSHOTS=1."""
    import os

    text = _fields_text()
    if os.environ.get("UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text(text, encoding="utf-8")
    assert text == SNAPSHOT.read_text(encoding="utf-8"), (
        "a strategy model changed: update model/plain.py (SHAPES), then UPDATE_SNAPSHOTS=1"
    )


def test_the_bounds_of_a_figure_are_those_of_the_models():
    from kanazawa_pdca.model import figures

    assert (plain.MIN_FIGURE, plain.MAX_FIGURE) == (figures.MIN_FIGURE, figures.MAX_FIGURE)
