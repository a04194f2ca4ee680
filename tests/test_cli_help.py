"""Issue #14: every command's help and every kind of usage error, in Japanese by default and
in English with PDCA_LANG=en (or --lang en before the command); shell completion (bash)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata

import pytest

from conftest import MINI, ROOT
from kanazawa_pdca.cli import COMMANDS

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
# what Typer shows when a parameter has no placeholder of its own
PYTHON_TYPES = re.compile(r"<(int|str|float|file|dir|path|list\[[^]]*\]|int range)>|\{[A-Z]+\}")
# the placeholders a person reads
PLACEHOLDERS = {
    "YEAR", "Y0", "Y1", "KPI", "VALUE", "FILE", "FILE…", "DIR", "N", "STATUS", "RATIO",
    "FORMAT", "LANG", "WHEN", "TEXT", "KIND",
}  # fmt: skip
PAGE = {
    "ja": ("使い方: pdca", "オプション:", "例:", "終了コード:"),
    "en": ("Usage: pdca", "Options:", "Examples:", "Exit codes:"),
}


def cells(text: str) -> int:
    """Display width: a Japanese character takes two columns."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _option_placeholders(page: str) -> set[str]:
    """The placeholder after every option of the page's table (`--strategy FILE` -> FILE)."""
    found = set()
    for line in page.splitlines():
        match = re.match(r"^  (-[^ ].*?)(?:  |$)", line)
        if match:
            for part in match[1].split(" / "):
                words = part.replace(",", "").split()
                found |= {w for w in words if not w.startswith("-")}
    return found


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_every_help_page_in_japanese_and_in_english(run, monkeypatch, command):
    args = ["--help"] if command is None else [command, "--help"]
    pages = {"ja": run(*args)}
    monkeypatch.setenv("PDCA_LANG", "en")
    pages["en"] = run(*args)
    monkeypatch.delenv("PDCA_LANG")
    before = run("--lang", "en", *args)  # --lang before the command: the same page
    assert before.stdout == pages["en"].stdout
    for lang, result in pages.items():
        page = result.stdout
        assert result.exit_code == 0, result.stderr
        usage, options, examples, exits = PAGE[lang]
        assert page.startswith(f"{usage} {command}" if command else usage)
        for heading in (options, examples, exits):
            assert f"\n{heading}\n" in page, (lang, heading)
        first = page.split("\n\n")[1][:40]  # (English may quote Japanese names later)
        assert bool(JAPANESE.search(first)) == (lang == "ja"), first
        assert not PYTHON_TYPES.search(page), PYTHON_TYPES.search(page)[0]
        assert not re.search(r"\b(?:opt|arg|help)-[a-z]", page)  # every code was said
        assert _option_placeholders(page) <= PLACEHOLDERS
        example_lines = page.split(f"\n{examples}\n")[1].split("\n\n")[0].splitlines()
        assert 2 <= sum(1 for line in example_lines if line.startswith("  pdca ")) <= 3
        exit_lines = page.split(f"\n{exits}\n")[1].splitlines()
        assert exit_lines[0].startswith("  0  ") and any(x.startswith("  2  ") for x in exit_lines)
        wide = [x for x in page.splitlines() if cells(x) > 80 and not x.startswith("  pdca ")]
        assert wide == []


USAGE_ERRORS = [  # (arguments, Japanese line, English line); every kind of usage error
    (
        ["chek", "2026"],
        "pdca: コマンド 'chek' はありません（check, schema のことですか？）（pdca -h を参照）",
        "pdca: no such command 'chek' (did you mean check, schema?) (see pdca -h)",
    ),
    (
        ["check", "2026", "--nonsense"],
        "pdca check: オプション --nonsense はありません（pdca check -h を参照）",
        "pdca check: no such option --nonsense (see pdca check -h)",
    ),
    (
        ["check", "2026", "--bommm"],
        "pdca check: オプション --bommm はありません（--bom, --no-bom のことですか？）"
        "（pdca check -h を参照）",
        "pdca check: no such option --bommm (did you mean --bom, --no-bom?) (see pdca check -h)",
    ),
    (
        ["check"],
        "pdca check: 引数 YEAR がありません（pdca check -h を参照）",
        "pdca check: missing argument YEAR (see pdca check -h)",
    ),
    (
        ["report", "2026"],
        "pdca report: オプション --output を指定してください（pdca report -h を参照）",
        "pdca report: missing option --output (see pdca report -h)",
    ),
    (
        ["check", "2026", "--format"],
        "pdca check: --format には値が必要です（pdca check -h を参照）",
        "pdca check: --format needs a value (see pdca check -h)",
    ),
    (
        ["check", "2026", "--summary=yes"],
        "pdca check: --summary は値をとりません（pdca check -h を参照）",
        "pdca check: --summary takes no value (see pdca check -h)",
    ),
    (
        ["check", "2026", "2027"],
        "pdca check: 余分な引数があります: 2027（pdca check -h を参照）",
        "pdca check: unexpected extra argument: 2027 (see pdca check -h)",
    ),
    (
        ["check", "2026", "--lang", "fr"],
        "pdca check: --lang: 'fr' は使えません（ja, en のいずれか）（pdca check -h を参照）",
        None,  # --lang fr: no language asked for, so Japanese either way
    ),
    (
        ["check", "2026", "-f", "pdf"],
        "pdca check: --format: 'pdf' は使えません（table, json, csv, markdown, github, junit, "
        "xlsx のいずれか）（pdca check -h を参照）",
        "pdca check: --format: 'pdf' is not one of table, json, csv, markdown, github, junit, "
        "xlsx (see pdca check -h)",
    ),
    (
        ["check", "twenty"],
        "pdca check: YEAR: 'twenty' は年度ではありません（2026, FY2026, R8, 令和8, 令和8年度, "
        "2026年度 のいずれかで指定）（pdca check -h を参照）",
        "pdca check: YEAR: not a fiscal year: 'twenty' (use one of: 2026, FY2026, R8, 令和8, "
        "令和8年度, 2026年度) (see pdca check -h)",
    ),
    (
        ["diff", "2026", "R0"],
        "pdca diff: Y1: 'R0' は年度ではありません（元号の年は 1 から）（pdca diff -h を参照）",
        "pdca diff: Y1: not a fiscal year: 'R0' (era years start at 1) (see pdca diff -h)",
    ),
    (
        ["check", "2026", "-w", "wide"],
        "pdca check: --width: 'wide' は整数ではありません（pdca check -h を参照）",
        "pdca check: --width: 'wide' is not a whole number (see pdca check -h)",
    ),
    (
        ["check", "2026", "-w", "10"],
        "pdca check: --width: 10 は小さすぎます（60 以上）（pdca check -h を参照）",
        "pdca check: --width: 10 is too small (at least 60) (see pdca check -h)",
    ),
    (
        ["diff", "2026", "2025"],
        "pdca diff: Y0（2026）は 2025 より前の年度にしてください（pdca diff -h を参照）",
        "pdca diff: Y0 (2026) must come before 2025 (see pdca diff -h)",
    ),
    (
        ["check", "2026", "-f", "xlsx"],
        "pdca check: --output: --format xlsx はブックを書きます: -o FILE.xlsx を指定してください"
        "（pdca check -h を参照）",
        "pdca check: --output: --format xlsx writes a workbook: give -o FILE.xlsx "
        "(see pdca check -h)",
    ),
]


@pytest.mark.parametrize(("args", "ja", "en"), USAGE_ERRORS)
def test_every_kind_of_usage_error_is_one_line_in_the_language(run, monkeypatch, args, ja, en):
    if args[0] in COMMANDS:
        args = [args[0], "--strategy", str(MINI), *args[1:]]
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", ja + "\n")
    if en is not None:
        monkeypatch.setenv("PDCA_LANG", "en")
        result = run(*args)
        assert (result.exit_code, result.stdout, result.stderr) == (2, "", en + "\n")


def test_no_command_shows_the_help(run):
    for args in ([], ["--lang", "en"]):
        result = run(*args)
        assert result.exit_code == 2
        assert ("使い方: pdca" if not args else "Usage: pdca") in result.output


# --- completion ---------------------------------------------------------------------------


def complete(words: str, env: dict[str, str] | None = None) -> list[str]:
    """What bash completes for the command line `words` (the cursor on its last word),
    as Typer's bash script asks it: the real entry point in a process of its own."""
    parts = words.split(" ")
    environ = {k: v for k, v in os.environ.items() if not k.startswith("PDCA_")}
    environ |= {
        "_PDCA_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(parts) - 1),
        **(env or {}),
    }
    done = subprocess.run(
        [sys.executable, "-m", "kanazawa_pdca"],
        capture_output=True,
        text=True,
        env=environ,
        cwd=ROOT,
        check=True,
    )
    assert done.stderr == ""
    return done.stdout.split()


def test_bash_completes_commands_options_values_and_kpi_ids():
    assert complete("pdca ch") == ["check"]
    assert complete("pdca m") == ["missing"]
    assert complete("pdca check 2026 --fail") == ["--fail-on", "--fail-on-worse"]
    assert complete("pdca check 2026 -f ") == [
        "table", "json", "csv", "markdown", "github", "junit", "xlsx",
    ]  # fmt: skip
    assert complete("pdca check 2026 --fail-on o") == ["on-track", "off-track"]
    assert complete("pdca check 2026 --status re") == ["regressing"]
    assert complete("pdca diff 2025 2026 --lang ") == ["ja", "en"]
    assert complete("pdca show childcare-u") == [
        "childcare-usage-rate-age1",
        "childcare-usage-rate-age2",
    ]
    mini = f"--strategy {MINI}"
    assert complete(f"pdca record 2026 {mini} app") == ["app-downloads"]
    assert complete("pdca show app", {"PDCA_STRATEGY": str(MINI)}) == ["app-downloads"]
    assert complete("pdca show x", {"PDCA_STRATEGY": "/nonexistent.yaml"}) == []


def test_zsh_and_fish_complete_kpi_ids_with_their_names():
    zsh = complete("pdca show app", {"_PDCA_COMPLETE": "complete_zsh",
                                     "_TYPER_COMPLETE_ARGS": "pdca show app",
                                     "PDCA_STRATEGY": str(MINI)})  # fmt: skip
    assert '"app-downloads":"ダウンロード数（累計）"' in " ".join(zsh)
    fish = complete("pdca show app", {"_PDCA_COMPLETE": "complete_fish",
                                      "_TYPER_COMPLETE_FISH_ACTION": "get-args",
                                      "_TYPER_COMPLETE_ARGS": "pdca show app",
                                      "PDCA_STRATEGY": str(MINI), "PDCA_LANG": "en"})  # fmt: skip
    assert fish[0] == "app-downloads" and "Downloads" in fish[1]


def test_install_and_show_completion_for_each_shell(tmp_path):
    """Typer's own installation (into HOME), said from the catalogue; the scripts of
    --show-completion for bash, zsh and fish."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("PDCA_")},
        "HOME": str(tmp_path),
        "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1",  # the shell is given
    }

    def pdca(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "kanazawa_pdca", *args],
            capture_output=True, text=True, env=env, check=False,
        )  # fmt: skip

    done = pdca("--install-completion", "bash")
    script = tmp_path / ".bash_completions" / "pdca.sh"
    assert (done.returncode, done.stdout) == (
        0,
        f"bash の補完を {script} に設定しました。端末を開き直すと有効になります。\n",
    )
    assert "_PDCA_COMPLETE=complete_bash" in script.read_text()
    assert f"source '{script}'" in (tmp_path / ".bashrc").read_text()
    assert "completion installed in" in pdca("--lang", "en", "--install-completion", "zsh").stdout
    assert (tmp_path / ".zfunc" / "_pdca").is_file()
    assert "compdef _pdca_completion pdca" in pdca("--show-completion", "zsh").stdout
    assert "_PDCA_COMPLETE=complete_fish" in pdca("--show-completion", "fish").stdout
    refused = pdca("--install-completion", "tcsh")
    assert refused.returncode == 2 and refused.stderr.startswith("pdca: --install-completion: ")


def test_every_example_of_the_help_is_a_valid_command_line():
    """Each example parses against the command's declarations (options, choices, years),
    and names a KPI of the bundled strategy when it names one."""
    import shlex

    from typer.main import get_command

    from kanazawa_pdca.cli import app
    from kanazawa_pdca.i18n import HELP
    from kanazawa_pdca.load import load_strategy, resolve_strategy

    ids = {k.id for k in load_strategy(resolve_strategy(None)).kpis}
    group = get_command(app)
    examples = [
        line
        for code, entry in HELP.items()
        if code.endswith("-examples")
        for lang in ("ja", "en")
        for line in entry[lang].splitlines()
        if line.startswith("pdca ")
    ]
    assert len(examples) >= 2 * 2 * (len(COMMANDS) + 1)
    for line in examples:
        args = shlex.split(line)[1:]
        if args[0] == "--lang":  # pdca --lang en COMMAND …
            args = args[2:]
        if args[0].startswith("--"):
            assert args == ["--install-completion"], line  # not run: it writes into HOME
            continue
        name, *rest = args
        command = group.get_command(None, name)
        with command.make_context(name, rest) as ctx:
            kpi = ctx.params.get("kpi")
            assert kpi is None or kpi in ids or name == "show", line
