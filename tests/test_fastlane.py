"""The fast lane past Typer's parsing: it declines, or does exactly what Typer does."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from typing import Annotated

import pytest
import typer as typer_lib
from typer.testing import CliRunner

from conftest import MINI, ROOT
from kanazawa_pdca import cli, fastlane

DECLINED = "declined"
REJECTED = "rejected"


def fast(argv, command="check"):
    try:
        return fastlane.parse(getattr(cli, command), argv)
    except fastlane._Decline:
        return DECLINED


def typer(argv, monkeypatch, command="check"):
    """The keyword arguments Typer calls the command with, or REJECTED (a usage error)."""
    seen = {}
    function = getattr(cli, command)

    @functools.wraps(function)
    def capture(**kwargs):
        seen.update(kwargs)

    (info,) = [c for c in cli.app.registered_commands if c.callback is function]
    monkeypatch.setattr(info, "callback", capture)
    result = CliRunner().invoke(cli.app, [command, *argv])
    monkeypatch.undo()
    return seen if result.exit_code == 0 and seen else REJECTED


def test_every_fast_command_is_a_command_function_of_the_cli():
    for name, function in fastlane.COMMANDS.items():
        (info,) = [c for c in cli.app.registered_commands if c.callback is getattr(cli, function)]
        assert (info.name or function) == name


VALIDATE = [
    ([], True),
    (["-f", "github"], True),
    (["--format", "text", "--strategy", str(MINI)], True),
    (["--actuals", "examples/demo-actuals", "--lang", "en"], True),
    (["--format", "json"], False),
    (["--strategy", "data"], False),
    (["extra"], False),
]


@pytest.mark.parametrize(
    ("argv", "accepted"), VALIDATE, ids=[" ".join(a) or "-" for a, _ in VALIDATE]
)
def test_validate_is_parsed_as_typer_parses_it_or_declined(argv, accepted, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("PDCA_LANG", raising=False)
    ours, theirs = fast(argv, "validate"), typer(argv, monkeypatch, "validate")
    if theirs == REJECTED:
        assert ours == DECLINED
    elif ours != DECLINED:
        assert ours == theirs
    assert (ours != DECLINED) == accepted


ACCEPTED = [
    ["2026"],
    ["R8"],
    ["令和8年度"],
    ["FY2026"],
    ["2026", "--format", "json"],
    ["2026", "-f", "csv"],
    ["2026", "--format=markdown"],
    ["--format", "junit", "2026"],
    ["2026", "-f", "github", "--fail-on", "behind"],
    ["2026", "--strict"],
    ["2026", "--goal", "1", "--goal", "3"],
    ["2026", "-g", "2"],
    ["2026", "--status", "off-track", "-s", "behind"],
    ["2026", "--on-track", "0.9", "--behind", "0.5"],
    ["2026", "--lang", "en"],
    ["2026", "--strategy", str(MINI)],
    ["2026", "--actuals", "examples/demo-actuals"],
    ["2026", "-o", "out.json"],
    ["2026", "--summary", "--color", "never"],
    ["2026", "--compare", "2025"],
    ["2026", "--reviews", "data/reviews"],
]

OTHERS = [
    [],
    ["2026", "2027"],
    ["abc"],
    ["2026", "--format", "xml"],
    ["2026", "--lang", "fr"],
    ["2026", "--goal", "x"],
    ["2026", "--on-track", "abc"],
    ["2026", "--on-track", "inf"],
    ["2026", "--strategy", "data"],  # a folder where a file is expected
    ["2026", "--actuals", str(MINI)],  # a file where a folder is expected
    ["2026", "--width", "10"],
    ["2026", "--width", "100"],
    ["2026", "--unknown"],
    ["2026", "--strict=1"],
    ["2026", "--help"],
    ["2026", "-fjson"],
    ["2026", "--format"],
    ["2026", "--format", "json", "--format", "csv"],
    ["2026", "--", "x"],
]


@pytest.mark.parametrize("argv", ACCEPTED + OTHERS, ids=" ".join)
def test_the_fast_lane_parses_as_typer_does_or_declines(argv, monkeypatch, tmp_path):
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("PDCA_LANG", raising=False)
    ours, theirs = fast(argv), typer(argv, monkeypatch)
    if theirs == REJECTED:
        assert ours == DECLINED
    elif ours != DECLINED:
        assert ours == theirs
    if argv in ACCEPTED:
        assert ours != DECLINED  # the common command lines really take the fast lane


@pytest.mark.parametrize(("value", "expected"), [("en", "en"), ("fr", REJECTED), ("", "ja")])
def test_an_environment_variable_is_read_as_typer_reads_it(value, expected, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("PDCA_LANG", value)
    ours, theirs = fast(["2026"]), typer(["2026"], monkeypatch)
    monkeypatch.setenv("PDCA_LANG", value)
    ours = fast(["2026"])
    if expected == REJECTED:
        assert theirs == REJECTED and ours == DECLINED
    else:
        assert ours == theirs and theirs["lang"].value == expected


def pdca(*args, fast_lane=True, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PDCA_")}
    environment |= {"NO_COLOR": "1", "COLUMNS": "100", **env}
    if not fast_lane:
        environment["PDCA_NO_FASTLANE"] = "1"
    done = subprocess.run(
        [sys.executable, "-m", "kanazawa_pdca", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=environment,
    )
    return done.returncode, done.stdout, done.stderr


RUNS = [
    ["check", "2026", "--format", "json"],
    ["check", "2026", "--lang", "en"],
    ["check", "2026", "--strategy", str(MINI), "-f", "github", "--fail-on", "behind"],
    ["check", "2026", "--goal", "9"],  # a usage error the command finds after loading
    ["check", "2026", "--strategy", "tests/fixtures/mini-strategy.yaml", "--goal", "9"],
    ["check", "2026", "--strategy", "README.md"],  # not a strategy: diagnostics, exit 2
    ["check", "2026", "--format", "xml"],  # declined: Typer's usage error
    ["validate"],
    ["validate", "-f", "github", "--strategy", str(MINI), "--actuals", "examples/demo-actuals"],
    ["validate", "--strategy", "README.md"],
]


@pytest.mark.parametrize("argv", RUNS, ids=" ".join)
def test_a_whole_run_prints_the_same_either_way(argv):
    assert pdca(*argv) == pdca(*argv, fast_lane=False)


def test_the_fast_lane_runs_without_pydantic():
    """`pdca check 2026 --format json` on the bundled data imports neither pydantic nor
    Typer's parameter adapters: what makes it faster than a bare Typer app."""
    code = (
        "import sys, atexit\n"
        "atexit.register(lambda: sys.stderr.write(' '.join(sorted("
        "m for m in sys.modules if m.split('.')[0] == 'pydantic' or m == 'typer._adapters'"
        "))))\n"
        "sys.argv = ['pdca', 'check', '2026', '--format', 'json']\n"
        "from kanazawa_pdca.cli import main\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert '"year": 2026' in done.stdout


def test_a_parameter_with_a_callback_sends_every_command_line_to_typer():
    """Typer runs a callback even for an option not given: the fast lane cannot."""

    def command(
        year: Annotated[int, typer_lib.Argument()],
        loud: Annotated[bool, typer_lib.Option("--loud", callback=lambda v: v)] = False,
        width: Annotated[int | None, typer_lib.Option("--width", min=40)] = None,
    ) -> None: ...

    def plain(
        year: Annotated[int, typer_lib.Argument()],
        width: Annotated[int | None, typer_lib.Option("--width", min=40)] = None,
    ) -> None: ...

    with pytest.raises(fastlane._Decline):
        fastlane.parse(command, ["2026"])
    assert fastlane.parse(plain, ["2026"]) == {"year": 2026, "width": None}
    with pytest.raises(fastlane._Decline):  # bounds: Typer checks them
        fastlane.parse(plain, ["2026", "--width", "30"])
