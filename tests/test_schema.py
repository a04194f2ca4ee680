"""The JSON Schema editors see is generated from the models, committed, and current."""

from __future__ import annotations

import json
import re

import pytest
from jsonschema import Draft202012Validator
from ruamel.yaml import YAML

from conftest import DATA, DEMO, ROOT
from kanazawa_pdca.load import load_strategy
from kanazawa_pdca.schema import generate

SCHEMAS = ROOT / "schemas"


def yaml_data(path):
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def strategy():
    return load_strategy(DATA / "strategy.yaml")


@pytest.mark.parametrize("kind", ["strategy", "actuals", "reviews"])
def test_committed_schema_is_current(kind, strategy):
    committed = (SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert committed == generate(kind, strategy), (
        f"schemas/{kind}.schema.json is stale: run `pdca schema {kind} -o "
        f"schemas/{kind}.schema.json`"
    )


@pytest.mark.parametrize("kind", ["strategy", "actuals", "reviews"])
def test_cli_prints_the_schema(run, kind, strategy):
    result = run("schema", kind)
    assert result.exit_code == 0
    assert result.stdout == generate(kind, strategy)
    Draft202012Validator.check_schema(json.loads(result.stdout))


def test_bundled_strategy_validates_against_the_schema():
    schema = json.loads((SCHEMAS / "strategy.schema.json").read_text(encoding="utf-8"))
    errors = list(Draft202012Validator(schema).iter_errors(yaml_data(DATA / "strategy.yaml")))
    assert errors == []


def test_reviews_validate_against_the_schema():
    schema = json.loads((SCHEMAS / "reviews.schema.json").read_text(encoding="utf-8"))
    files = sorted((ROOT / "examples" / "demo-reviews").glob("*.yaml"))
    assert files
    for path in files:
        assert list(Draft202012Validator(schema).iter_errors(yaml_data(path))) == [], path
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../../schemas/reviews.schema.json"
    bad = {"goals": {"G9": {}}, "kpis": {"app": {"override": {"status": "on_track"}}}}
    assert len(list(Draft202012Validator(schema).iter_errors(bad))) == 3  # G9, app, reason


def test_actuals_validate_against_the_schema():
    schema = json.loads((SCHEMAS / "actuals.schema.json").read_text(encoding="utf-8"))
    files = sorted(DEMO.glob("*.yaml")) + sorted((DATA / "actuals").glob("*.yaml"))
    assert files
    for path in files:
        assert list(Draft202012Validator(schema).iter_errors(yaml_data(path))) == [], path


@pytest.mark.parametrize(
    ("document", "bad"),
    [
        ({"share-pct": 1}, "unknown id"),
        ({"child-rearing-environment-satisfaction": 120}, "percentage above 100"),
        ({"childcare-app-downloads": -1}, "negative count"),
        ({"childcare-app-downloads": {"value": 1, "sauce": "x"}}, "unknown field"),
        ({"childcare-app-downloads": "many"}, "text"),
    ],
)
def test_actuals_schema_rejects_what_pdca_rejects(document, bad):
    schema = json.loads((SCHEMAS / "actuals.schema.json").read_text(encoding="utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(document)), bad


def test_strategy_schema_rejects_unknown_fields():
    schema = json.loads((SCHEMAS / "strategy.schema.json").read_text(encoding="utf-8"))
    document = yaml_data(DATA / "strategy.yaml")
    document["kpis"][0]["colour"] = "red"
    assert list(Draft202012Validator(schema).iter_errors(document))


def test_yaml_files_point_editors_at_the_schemas():
    pattern = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")
    files = [DATA / "strategy.yaml", *DEMO.glob("*.yaml"), *(DATA / "actuals").glob("*.yaml")]
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        match = pattern.match(first)
        assert match, f"{path}: first line should be the yaml-language-server schema line"
        target = (path.parent / match[1]).resolve()
        assert target.is_file(), f"{path}: {match[1]} does not exist"
        kind = "strategy" if path.name == "strategy.yaml" else "actuals"
        assert target.name == f"{kind}.schema.json"
