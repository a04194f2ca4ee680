"""action.yml, the repository's GitHub Action, run step by step as a runner runs it.

Each `run:` script is run with bash as a runner runs it (`bash --noprofile --norc -eo
pipefail`), with the variables a runner sets (GITHUB_ACTION_PATH, GITHUB_WORKSPACE,
GITHUB_STEP_SUMMARY, …), the `${{ inputs.* }}` expressions substituted, `if:` conditions
evaluated, and a failed step ending the job. The install step really installs pdca from the
action's checkout (this repository): a `python` shim on PATH adds `--no-deps --target` so the
copy goes to a folder of its own, not into the test's environment, and the later steps run
that installed copy (its packaged data included).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import DATA, DEMO, ROOT

ACTION = ROOT / "action.yml"
EXPRESSION = re.compile(r"\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}")
CONDITION = re.compile(r"inputs\.([A-Za-z0-9_-]+) != ''")  # the one form of `if:` used


def action() -> dict:
    return YAML(typ="safe", pure=True).load(ACTION.read_text(encoding="utf-8"))


def substitute(value: object, inputs: dict[str, str]) -> str:
    return EXPRESSION.sub(lambda m: inputs[m[1]], str(value))


@dataclass
class StepRun:
    name: str
    returncode: int
    stdout: str
    stderr: str


@dataclass
class Job:
    steps: list[StepRun]
    used: list[tuple[str, dict]]  # the `uses:` steps taken: (action, its `with:`)
    summary: str  # what $GITHUB_STEP_SUMMARY holds at the end

    def step(self, word: str) -> StepRun:
        (found,) = [s for s in self.steps if word in s.name]
        return found

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.steps]


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """Where the shim's `pip install` puts pdca: built once per module, reused after."""
    return tmp_path_factory.mktemp("site")


@pytest.fixture
def runner_env(tmp_path, installed) -> dict[str, str]:
    """The environment a runner gives a composite action's steps, and the `python` shim."""
    shims = tmp_path / "shims"
    shims.mkdir()
    log = tmp_path / "pip.log"
    python = shims / "python"
    python.write_text(
        "#!/bin/bash\n"
        "# the runner's python; `pip install` goes to a folder of its own (built once)\n"
        'if [ "$1 $2 $3" = "-m pip install" ]; then\n'
        f'  printf "%s\\n" "$@" > "{log}"\n'
        "  shift 3\n"
        f'  if [ -d "{installed}/kanazawa_pdca" ]; then exit 0; fi\n'
        f'  exec "{sys.executable}" -m pip install --no-deps --target "{installed}" "$@"\n'
        "fi\n"
        f'exec "{sys.executable}" "$@"\n',
        encoding="utf-8",
    )
    python.chmod(0o755)
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    (tmp_path / "runner-temp").mkdir()
    keep = {k: v for k, v in os.environ.items() if k in ("HOME", "LANG", "LC_ALL", "TMPDIR")}
    return {
        **keep,
        "PATH": os.pathsep.join(
            [str(shims), str(installed / "bin"), str(Path(sys.executable).parent), os.defpath]
        ),
        "PYTHONPATH": str(installed),  # the installed copy, before the test's own
        "CI": "true",
        "GITHUB_ACTIONS": "true",
        "GITHUB_ACTION_PATH": str(ROOT),
        "GITHUB_WORKSPACE": str(workspace),
        "GITHUB_STEP_SUMMARY": str(tmp_path / "step_summary.md"),
        "RUNNER_TEMP": str(tmp_path / "runner-temp"),
        "TEST_INSTALL_LOG": str(log),
    }


def run_action(env: dict[str, str], inputs: dict[str, str] | None = None) -> Job:
    """Every step of action.yml in order, as a runner runs them; stops at a failed step."""
    doc = action()
    values = {name: str(spec.get("default", "")) for name, spec in doc["inputs"].items()}
    unknown = set(inputs or {}) - set(values)
    assert not unknown, f"not inputs of the action: {unknown}"
    values.update(inputs or {})
    workspace = Path(env["GITHUB_WORKSPACE"])
    summary = Path(env["GITHUB_STEP_SUMMARY"])
    summary.write_text("", encoding="utf-8")  # the runner creates it empty for each step
    steps, used = [], []
    for step in doc["runs"]["steps"]:
        if "if" in step:
            condition = CONDITION.fullmatch(step["if"])
            assert condition, f"an `if:` this test cannot evaluate: {step['if']}"
            if values[condition[1]] == "":
                continue
        if "uses" in step:
            used.append((step["uses"], {k: substitute(v, values) for k, v in step["with"].items()}))
            continue
        assert step["shell"] == "bash"
        script = Path(env["RUNNER_TEMP"]) / "step.sh"
        script.write_text(step["run"], encoding="utf-8")
        step_env = {**env, **{k: substitute(v, values) for k, v in step.get("env", {}).items()}}
        cwd = workspace / substitute(step.get("working-directory", "."), values)
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=cwd,
            env=step_env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        steps.append(StepRun(step["name"], done.returncode, done.stdout, done.stderr))
        if done.returncode:
            break  # the later steps run only on success
    return Job(steps, used, summary.read_text(encoding="utf-8"))


def data_repository(root: Path, actuals: Path | None = DEMO) -> Path:
    """A data repository: the bundled strategy and (a copy of) the demo actuals."""
    (root / "data").mkdir(parents=True)
    shutil.copy(DATA / "strategy.yaml", root / "data" / "strategy.yaml")
    if actuals is not None:
        shutil.copytree(actuals, root / "data" / "actuals")
    return root


def in_process(run, monkeypatch, cwd: Path, *args: str):
    """The same command run in-process (the worktree's pdca), for comparison."""
    monkeypatch.chdir(cwd)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return run(*args)


# --- what the action declares ---------------------------------------------------------------


def test_action_declares_its_inputs():
    doc = action()
    assert doc["runs"]["using"] == "composite"
    inputs = doc["inputs"]
    for name in ("year", "fail-on", "strategy", "actuals", "reviews", "lang", "python-version"):
        assert inputs[name]["description"], name
    assert inputs["fail-on"]["default"] == "off-track"  # the usual gate of docs/ci.md
    text = ACTION.read_text(encoding="utf-8")
    assert set(EXPRESSION.findall(text)) <= set(inputs)  # every input used is declared
    for step in doc["runs"]["steps"]:
        if "run" in step:  # inputs reach a script only through its environment
            assert "${{" not in step["run"], step["name"]
            assert step["shell"] == "bash"
    runs = [s["run"] for s in doc["runs"]["steps"] if "run" in s]
    assert any(
        'pip install --disable-pip-version-check --quiet "$GITHUB_ACTION_PATH"' in r for r in runs
    )
    assert any("pdca validate --format github" in r for r in runs)
    assert any('pdca check "$INPUT_YEAR" --format github' in r for r in runs)


# --- the action, run ------------------------------------------------------------------------


def test_action_runs_validate_and_check(runner_env, run, monkeypatch):
    """The demo data for FY2026 with the default gate: annotations, a summary, exit 1."""
    repo = data_repository(Path(runner_env["GITHUB_WORKSPACE"]))
    job = run_action(runner_env, {"year": "2026"})
    assert job.used == [("actions/setup-python@v5", {"python-version": "3.12"})]
    assert job.names == [
        "Install pdca",
        "Validate the strategy and the actuals",
        "Check the KPIs against their trajectories",
    ]
    install = job.step("Install")
    assert install.returncode == 0, install.stderr
    pip = Path(runner_env["TEST_INSTALL_LOG"]).read_text(encoding="utf-8").splitlines()
    assert pip == ["-m", "pip", "install", "--disable-pip-version-check", "--quiet", str(ROOT)]

    validate = job.step("Validate")
    assert validate.returncode == 0, validate.stderr
    assert "data/strategy.yaml" in validate.stdout
    assert "2024, 2025, 2026" in validate.stdout

    check = job.step("Check")
    assert check.returncode == 1  # off-track and regressing KPIs fail the job
    assert check.stdout.startswith("::")
    errors = [line for line in check.stdout.splitlines() if line.startswith("::error ")]
    assert errors and all(
        re.match(r"::error file=data/actuals/202[456]\.yaml,line=\d+,col=\d+,title=KPI ", e)
        for e in errors
    )
    # the installed copy prints what the worktree's pdca prints
    same = in_process(
        run, monkeypatch, repo, "check", "2026", "-f", "github", "--fail-on", "off-track"
    )
    assert (same.exit_code, same.stdout) == (1, check.stdout)

    # the job summary: the Markdown report, appended by `pdca check --format github`
    markdown_text = in_process(run, monkeypatch, repo, "check", "2026", "-f", "markdown").stdout
    assert job.summary == markdown_text + "\n"
    assert job.summary.startswith("# 第3次金沢版総合戦略 — KPI 進捗状況 2026年度 (R8)\n")


def test_action_takes_paths_language_and_gate(runner_env, run, monkeypatch):
    """Inputs: a subfolder as working directory, the actuals elsewhere, English, no gate."""
    workspace = Path(runner_env["GITHUB_WORKSPACE"])
    repo = data_repository(workspace / "city", actuals=None)
    shutil.copytree(DEMO, repo / "figures")
    inputs = {
        "year": "R9",
        "fail-on": "",
        "actuals": "figures",
        "strategy": "data/strategy.yaml",
        "lang": "en",
        "python-version": "",
        "working-directory": "city",
    }
    job = run_action(runner_env, inputs)
    assert job.used == []  # no python-version: the runner's own python
    assert [s.returncode for s in job.steps] == [0, 0, 0], job.steps[-1].stderr
    assert "figures" in job.step("Validate").stdout
    check = job.step("Check")
    assert "::notice " in check.stdout  # KPIs without a figure: notices, in English
    assert "no figure up to FY2027" in check.stdout
    assert job.summary.startswith("# ") and "Summary" in job.summary
    english = in_process(
        run,
        monkeypatch,
        repo,
        "check",
        "2027",
        "--actuals",
        "figures",
        "-f",
        "markdown",
        "--lang",
        "en",
    )
    assert job.summary == english.stdout + "\n"


def test_action_without_a_year_only_validates(runner_env, installed):
    """No data folder in the repository: the installed copy's packaged data is validated."""
    job = run_action(runner_env)
    assert job.names == ["Install pdca", "Validate the strategy and the actuals"]
    validate = job.step("Validate")
    assert validate.returncode == 0, validate.stderr
    packaged = installed / "kanazawa_pdca" / "_data"  # the installed copy, data and all
    assert f"{packaged / 'strategy.yaml'}: OK" in validate.stdout
    assert f"{packaged / 'actuals'}: OK" in validate.stdout
    assert job.summary == ""  # validate writes no summary


def test_action_stops_at_invalid_data(runner_env):
    """A broken actuals file: an annotated error, exit 2, and the check never runs."""
    repo = data_repository(Path(runner_env["GITHUB_WORKSPACE"]))
    bad = repo / "data" / "actuals" / "2026.yaml"
    bad.write_text(bad.read_text(encoding="utf-8") + "no-such-kpi: 12\n", encoding="utf-8")
    job = run_action(runner_env, {"year": "2026"})
    assert job.names == ["Install pdca", "Validate the strategy and the actuals"]
    validate = job.step("Validate")
    assert validate.returncode == 2
    assert "::error file=data/actuals/2026.yaml,line=" in validate.stdout
    assert "no-such-kpi" in validate.stdout and "[unknown-kpi]" in validate.stdout
    assert "data/actuals/2026.yaml:" in validate.stderr  # FILE:LINE:COL on stderr too
    assert job.summary == ""
