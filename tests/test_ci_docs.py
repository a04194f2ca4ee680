"""docs/ci.md and .pre-commit-hooks.yaml: what they show parses, and its commands run."""

from __future__ import annotations

import re
import shlex
import shutil
import tomllib

import pytest
from ruamel.yaml import YAML

from conftest import ROOT

DOC = ROOT / "docs" / "ci.md"
HOOKS = ROOT / ".pre-commit-hooks.yaml"
YAML_BLOCK = re.compile(r"^```yaml\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def load(text: str):
    return YAML(typ="safe", pure=True).load(text)


def yaml_blocks() -> list:
    blocks = YAML_BLOCK.findall(DOC.read_text(encoding="utf-8"))
    assert blocks, "docs/ci.md has no yaml block"
    return [load(text) for text in blocks]


def workflows() -> list[dict]:
    return [b for b in yaml_blocks() if isinstance(b, dict) and "jobs" in b and "on" in b]


def uses_the_action(doc: dict) -> bool:
    steps = [s for job in doc["jobs"].values() for s in job.get("steps", [])]
    return any(s.get("uses", "").startswith("OWNER/kanazawa-pdca@") for s in steps)


def workflow() -> dict:
    """The step-by-step GitHub Actions workflow (pdca installed and run by hand)."""
    found = [w for w in workflows() if not uses_the_action(w)]
    assert len(found) == 1, "one step-by-step GitHub Actions workflow"
    return found[0]


def action_workflow() -> dict:
    found = [w for w in workflows() if uses_the_action(w)]
    assert len(found) == 1, "one workflow with the pdca action"
    return found[0]


def gitlab() -> dict:
    found = [b for b in yaml_blocks() if isinstance(b, dict) and "stages" in b]
    assert len(found) == 1, "one GitLab CI file"
    return found[0]


def run_lines(doc: dict) -> list[str]:
    """Every shell line of a workflow's steps, or of a GitLab file's scripts."""
    lines = []
    for job in doc.get("jobs", {}).values():
        for step in job.get("steps", []):
            lines += str(step.get("run", "")).splitlines()
    for key, job in doc.items():
        if isinstance(job, dict) and key != "default":
            lines += job.get("script", [])
    lines += doc.get("default", {}).get("before_script", [])
    return [line.strip() for line in lines if line.strip()]


def scripts() -> set[str]:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return set(pyproject["project"]["scripts"])


def test_every_yaml_block_parses():
    assert len(yaml_blocks()) == 4  # the action, GitHub Actions, GitLab CI, pre-commit config


def test_the_docs_use_the_action_as_declared():
    """The action's example: a tag of this repository, and only inputs action.yml declares."""
    doc = action_workflow()
    assert "push" in doc["on"] and "pull_request" in doc["on"]
    (job,) = doc["jobs"].values()
    step = next(s for s in job["steps"] if s.get("uses", "").startswith("OWNER/"))
    assert step["uses"] == "OWNER/kanazawa-pdca@v1"
    assert job["steps"][0]["uses"].startswith("actions/checkout@")  # the data first
    inputs = load((ROOT / "action.yml").read_text(encoding="utf-8"))["inputs"]
    assert set(step["with"]) <= set(inputs)
    assert step["with"] == {"year": "2026", "fail-on": "off-track"}
    text = DOC.read_text(encoding="utf-8")
    for name in inputs:  # every input is documented in the table
        assert f"| `{name}` |" in text, name


def test_github_workflow():
    doc = workflow()
    assert "push" in doc["on"]  # validate on every push
    lines = run_lines(doc)
    assert any(re.fullmatch(r"pdca validate( --format github)?", line) for line in lines)
    assert any(re.match(r"pdca check \S+ .*--fail-on off-track", line) for line in lines)
    assert any("--format junit -o pdca-junit.xml" in line for line in lines)
    check = doc["jobs"]["check"]
    assert "refs/heads/" in check["if"]  # on the data branch only
    uses = [step.get("uses", "") for step in check["steps"]]
    assert any(u.startswith("actions/upload-artifact@") for u in uses)
    assert any(u.startswith("mikepenz/action-junit-report@") for u in uses)


def test_gitlab_ci():
    doc = gitlab()
    job = doc["pdca-check"]
    assert job["artifacts"]["reports"]["junit"] == "pdca-junit.xml"
    assert job["artifacts"]["when"] == "always"
    assert any(re.match(r"pdca check \S+ .*--fail-on off-track", line) for line in job["script"])
    assert "pdca validate" in doc["pdca-validate"]["script"]


def test_install_from_the_git_placeholder():
    for doc in (workflow(), gitlab()):
        installs = [line for line in run_lines(doc) if line.startswith("pip install")]
        assert installs == [installs[0]] * len(installs) and installs
        assert "git+https://github.com/OWNER/kanazawa-pdca" in installs[0]
    assert "replace `OWNER`" in DOC.read_text(encoding="utf-8")


def test_exit_codes_are_explained():
    text = DOC.read_text(encoding="utf-8")
    for row in ("| 0 |", "| 1 |", "| 2 |"):
        assert row in text
    assert "--fail-on" in text


def pdca_commands() -> list[list[str]]:
    out = []
    for doc in (workflow(), gitlab()):
        for line in run_lines(doc):
            if line.startswith("pdca "):
                out.append(shlex.split(line.replace('"$PDCA_YEAR"', "2026"))[1:])
    return out


@pytest.mark.parametrize("args", pdca_commands(), ids=" ".join)
def test_the_documented_commands_run(run, args, tmp_path, monkeypatch):
    """Every `pdca` line of the examples runs, in a data repository with no figures yet."""
    (tmp_path / "data" / "actuals").mkdir(parents=True)
    shutil.copy(ROOT / "data" / "strategy.yaml", tmp_path / "data" / "strategy.yaml")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    if "-o" in args:
        assert (
            (tmp_path / args[args.index("-o") + 1]).read_text(encoding="utf-8").startswith("<?xml")
        )


def test_pre_commit_hook():
    hooks = load(HOOKS.read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "pdca-validate")
    assert hook["entry"].split()[0] in scripts()
    assert hook["entry"] == "pdca validate"
    assert (hook["language"], hook["pass_filenames"]) == ("python", False)
    files = re.compile(hook["files"])
    for path in ("data/strategy.yaml", "data/actuals/2026.yaml", "data/actuals/2026.yml"):
        assert files.search(path), path
    for path in ("data/actuals/README.md", "strategy.yaml", "src/data/strategy.yaml"):
        assert not files.search(path), path


def test_the_docs_use_the_published_hook():
    config = next(b for b in yaml_blocks() if isinstance(b, dict) and "repos" in b)
    ids = [h["id"] for repo in config["repos"] for h in repo["hooks"]]
    hooks = load(HOOKS.read_text(encoding="utf-8"))
    assert set(ids) <= {h["id"] for h in hooks}
