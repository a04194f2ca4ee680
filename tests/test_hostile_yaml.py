"""Hostile YAML (issue #11 items 1 and 3): every problem one located line, exit 2.

Each case is an actuals file (and the same text in a strategy where it matters), run
through `pdca validate` and `pdca check --format github` (the format that composes the
files again to place its annotations): one diagnostic line at the right place with a
stable code, the summary line, exit 2, no traceback and no raw warning.
"""

from __future__ import annotations

import os
import re
import time

import pytest

from conftest import DATA, MINI

# these tests pin pdca's English wording (the Japanese is tested in test_diagnostic_catalogue)
pytestmark = pytest.mark.usefixtures("english")

KPI = "share-pct"  # a KPI of the mini strategy (a percentage)
LINE = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<message>.*) \[(?P<code>[a-z0-9-]+)\]$"
)
SUMMARY = re.compile(r"^pdca: (\d+ errors? in \d+ files?|\d+ ファイルに \d+ 件のエラー)$")

LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)
)

# name -> (file text, expected (line, column) of the diagnostic, expected code)
CASES = {
    "nul": (f"{KPI}: 5\x00\n", (1, 13), "control-character"),
    "bel": (f'{KPI}: {{value: 5, note: "a\x07b"}}\n', (1, 31), "control-character"),
    "esc": (f"{KPI}: {{value: 5, note: a\x1bb}}\n", (1, 30), "control-character"),
    "u+fffe": (f"{KPI}: {{value: 5, note: a\ufffeb}}\n", (1, 30), "control-character"),
    "custom tag": (f"{KPI}: !custom 5\n", (1, 12), "unknown-tag"),
    "python tag": (f"{KPI}: !!python/object/apply:os.system [ls]\n", (1, 12), "unknown-tag"),
    "int abc": (f"{KPI}: !!int abc\n", (1, 12), "bad-scalar"),
    "invalid date": (f"{KPI}: 2026-13-45\n", (1, 12), "bad-scalar"),
    "tagged date": (f"{KPI}: {{value: 5, note: !!timestamp 2026-02-30}}\n", (1, 29), "bad-scalar"),
    "yaml 1.3": (f"%YAML 1.3\n---\n{KPI}: 5\n", (1, 7), "yaml-version"),
    "long integer": (f"{KPI}: {'9' * 5000}\n", (1, 12), "number-too-long"),
    "huge hex": (f"{KPI}: 0x{'f' * 5000}\n", (1, 12), "number-too-long"),
    "merge key": (f"{KPI}:\n  <<: {{value: 5}}\n", (2, 3), "merge-key"),
    "reused anchor": (f"{KPI}: &x 5\nother: &x 6\n", (2, 8), "duplicate-anchor"),
    "unclosed [": (f"{KPI}: [1, 2\nfoo: 3\nbar: 4\n", (1, 12), "yaml-syntax"),
    "unclosed {": (f"{KPI}: {{value: 1\nfoo: 3\n", (1, 12), "yaml-syntax"),
    "unclosed quote": (f'{KPI}: {{value: 1, note: "abc\nfoo: 3\n', (1, 29), "yaml-syntax"),
    "billion laughs": (LAUGHS, (5, 4), "alias-expansion"),
    "recursive alias": (f"{KPI}: &a [*a]\n", (1, 12), "recursive-alias"),
    "deep nesting": (f"{KPI}: " + "[" * 150 + "]" * 150 + "\n", None, "too-deep"),
    "nan": (f"{KPI}: .nan\n", (1, 12), "not-finite"),
    "inf": (f"{KPI}: -.inf\n", (1, 12), "not-finite"),
}


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line]


def check_clean(result, folder, where, code):
    assert result.exit_code == 2, result.output
    err = lines(result.stderr)
    assert "Traceback" not in result.stderr and "Warning" not in result.stderr
    assert SUMMARY.match(err[-1]), err
    found = [LINE.match(line) for line in err[:-1]]
    assert all(found), err
    assert [m["code"] for m in found] == [code], err
    m = found[0]
    assert m["file"] == str(folder / "2026.yaml")
    if where is not None:
        assert (int(m["line"]), int(m["col"])) == where, err


@pytest.mark.parametrize("name", list(CASES))
@pytest.mark.parametrize("command", ["validate", "check"])
def test_hostile_actuals_file(name, command, run, actuals_dir):
    text, where, code = CASES[name]
    folder = actuals_dir({2026: text})
    args = ["--strategy", MINI, "--actuals", folder]
    if command == "check":
        args = ["2026", "--format", "github", *args]
    start = time.perf_counter()
    result = run(command, *args)
    assert time.perf_counter() - start < 2
    check_clean(result, folder, where, code)


def test_billion_laughs_ends_fast(actuals_dir):
    from kanazawa_pdca.diagnostics import InputError
    from kanazawa_pdca.load import load_actuals, load_strategy

    folder = actuals_dir({2026: LAUGHS})
    start = time.perf_counter()
    with pytest.raises(InputError) as info:
        load_actuals(folder, load_strategy(MINI))
    assert time.perf_counter() - start < 0.5
    assert [d.code for d in info.value.diagnostics] == ["alias-expansion"]


def test_a_merge_key_in_a_valid_strategy_is_refused_everywhere(run, tmp_path, mini_text):
    """validate and check agree: a merge key is an error, not accepted by one and a
    crash in the other."""
    first_kpi = mini_text.index("  - id: ")
    text = mini_text.replace("    unit: 件\n", "    <<: {unit: 件}\n", 1)
    assert text != mini_text and first_kpi
    path = tmp_path / "strategy.yaml"
    path.write_text(text, encoding="utf-8")
    empty = tmp_path / "actuals"
    empty.mkdir()
    for args in (["validate"], ["check", "2026", "--format", "github"]):
        result = run(*args, "--strategy", path, "--actuals", empty)
        assert result.exit_code == 2
        assert "[merge-key]" in result.stderr
        assert "Traceback" not in result.stderr


def test_aliases_within_bounds_are_read(run, actuals_dir):
    folder = actuals_dir({2026: f"{KPI}: &v 50\n"})
    assert run("validate", "--strategy", MINI, "--actuals", folder).exit_code == 0


# --- files that are not regular files -------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_blocking(run, tmp_path):
    folder = tmp_path / "actuals"
    folder.mkdir()
    os.mkfifo(folder / "2026.yaml")
    result = run("validate", "--strategy", MINI, "--actuals", folder)
    assert result.exit_code == 2
    assert (
        f"{folder / '2026.yaml'}: is a FIFO (named pipe), not a regular file [not-a-file]"
        in result.stderr
    )


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_a_device_is_refused_without_reading_it(run, tmp_path):
    folder = tmp_path / "actuals"
    folder.mkdir()
    (folder / "2026.yaml").symlink_to("/dev/zero")
    result = run("validate", "--strategy", MINI, "--actuals", folder)
    assert result.exit_code == 2
    assert "is a device, not a regular file [not-a-file]" in result.stderr


def test_a_symlink_loop_is_refused(run, tmp_path):
    folder = tmp_path / "actuals"
    folder.mkdir()
    (folder / "2026.yaml").symlink_to(folder / "2027.yaml")
    (folder / "2027.yaml").symlink_to(folder / "2026.yaml")
    result = run("validate", "--strategy", MINI, "--actuals", folder)
    assert result.exit_code == 2
    assert "a loop of symbolic links, not a file [not-a-file]" in result.stderr


def test_a_device_as_strategy_is_refused(run, tmp_path):
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    result = run("validate", "--strategy", "/dev/zero", "--actuals", tmp_path)
    assert result.exit_code == 2
    assert "/dev/zero: is a device, not a regular file [not-a-file]" in result.stderr


def test_a_file_over_the_size_limit_is_refused(tmp_path):
    from kanazawa_pdca.diagnostics import InputError
    from kanazawa_pdca.guard import read_bytes

    path = tmp_path / "2026.yaml"
    path.write_bytes(b"# " + b"x" * 2000 + b"\n")
    assert len(read_bytes(path, "f", limit=4096)) == 2003
    with pytest.raises(InputError) as info:
        read_bytes(path, "f", limit=1000)
    assert [str(d) for d in info.value.diagnostics] == [
        "f: file too large (2,003 bytes; the limit is 1,000 bytes) [file-too-large]"
    ]


def test_the_size_limit_is_generous():
    from kanazawa_pdca.guard import MAX_FILE_BYTES

    big = (DATA / "strategy.yaml").stat().st_size * 100  # ~10,000 KPIs
    assert 4 * big < MAX_FILE_BYTES


def test_did_you_mean_stays_fast_with_thousands_of_unknown_ids(actuals_dir):
    from kanazawa_pdca.diagnostics import InputError
    from kanazawa_pdca.load import load_actuals, load_strategy

    text = "".join(f"unknown-kpi-number-{i}: 1\n" for i in range(5000))
    folder = actuals_dir({2026: text})
    strategy = load_strategy(DATA / "strategy.yaml")
    start = time.perf_counter()
    with pytest.raises(InputError) as info:
        load_actuals(folder, strategy)
    assert time.perf_counter() - start < 3
    assert len(info.value.diagnostics) == 5000


DEEP = 100_000
NESTED = {"flow": "[" * DEEP + "]" * DEEP, "block": "\n  " + "- " * DEEP + "x"}


@pytest.mark.parametrize("form", list(NESTED))
@pytest.mark.parametrize("kind", ["actuals", "strategy", "reviews"])
def test_nesting_100000_deep_is_refused_at_once_not_a_crash(kind, form, run, tmp_path):
    """100,000 levels (`[[[…` or `- - - …`): ruamel's C composer recursed once a level and
    crashed the process (SIGSEGV); then the refusal took 40 s of CPU (libyaml's scanner
    looks at every open `[` for every token, and the fast lane read to the end). Now one
    line at the 101st level, at once."""
    folders = {name: tmp_path / name for name in ("actuals", "reviews")}
    for folder in folders.values():
        folder.mkdir()
    head, key = "", KPI
    if kind == "strategy":
        file, head, key = tmp_path / "strategy.yaml", MINI.read_text(encoding="utf-8"), "extra"
    else:
        file = folders[kind] / "2026.yaml"
    file.write_text(f"{head}{key}: {NESTED[form]}\n", encoding="utf-8")
    line = head.count("\n") + 1  # the key's line; the root mapping is the first level
    where = (line, len(f"{key}: ") + 100) if form == "flow" else (line + 1, 3 + 2 * 99)
    strategy = file if kind == "strategy" else MINI
    start = time.process_time()
    result = run(
        "check", "2026", "--strategy", strategy, "--actuals", folders["actuals"],
        "--reviews", folders["reviews"],
    )  # fmt: skip
    assert time.process_time() - start < 5  # it was 40 s
    assert result.exit_code == 2
    assert lines(result.stderr) == [
        f"{file}:{where[0]}:{where[1]}: nested more than 100 levels deep [too-deep]",
        "pdca: 1 error in 1 file",
    ]


def test_deep_nesting_in_a_review_is_an_error_not_a_crash(run, tmp_path):
    """The fast lane declined it (a tag elsewhere) and ruamel's C composer crashed."""
    from conftest import DATA

    reviews = tmp_path / "reviews"
    reviews.mkdir()
    (reviews / "2026.yaml").write_text(
        "goals: !!map {G1: {rating: B}}\nkpis: " + "[" * 100_000 + "]" * 100_000 + "\n",
        encoding="utf-8",
    )
    empty = tmp_path / "actuals"
    empty.mkdir()
    result = run(
        "check", "2026", "--strategy", DATA / "strategy.yaml", "--actuals", empty,
        "--reviews", reviews,
    )  # fmt: skip
    assert result.exit_code == 2
    assert "[too-deep]" in result.stderr
