"""Issue #16, files and faults: a full or read-only disk (item 3), symbolic links as targets
(item 4), a failed import leaves nothing behind (item 7), and number forms a person does not
write (item 10). Every one ends in located lines and exit 2, never a traceback; the old
file survives."""

from __future__ import annotations

import errno
import json
import os

import pytest

from conftest import MINI

HEAD = "# KPI actuals of FY2026 (R8): id: value, or id: {value, source, note}\n"


def files_under(folder) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


# --- item 3: ENOSPC and EROFS -------------------------------------------------------------


def _full_disk(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("command", ["record", "import"])
def test_full_disk_and_read_only_folder_are_located_errors(run, tmp_path, monkeypatch, command):
    """The issue's reproducer: a full disk while the new file is written (fsync), and a
    read-only actuals folder when pdca creates a file in it: one located line each, exit
    2, no traceback, the old file unchanged and nothing new left behind."""
    folder = tmp_path / "actuals"
    folder.mkdir()
    (folder / "2026.yaml").write_text("share-pct: 50\n", encoding="utf-8")
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("kpi_id,value\napp-downloads,2500\n", encoding="utf-8")
    args = (
        ["record", "2026", "app-downloads", "2500"]
        if command == "record"
        else ["import", "2026", sheet]
    )
    args += ["--strategy", MINI, "--actuals", folder, "--lang", "en"]

    monkeypatch.setattr(os, "fsync", _full_disk)
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        f"{folder}/2026.yaml: cannot write: {os.strerror(errno.ENOSPC)} [cannot-write]"
    )
    assert result.stderr.splitlines()[-1] == (
        f"nothing was written: {folder}/2026.yaml is as it was. Correct what the lines above "
        f"say and run pdca {command} again"
    )
    assert (folder / "2026.yaml").read_text(encoding="utf-8") == "share-pct: 50\n"
    assert files_under(tmp_path) == ["actuals", "actuals/2026.yaml", "sheet.csv"]
    monkeypatch.undo()

    real_open = os.open

    def read_only(path, flags, *rest, **kw):
        unnamed = getattr(os, "O_TMPFILE", 0)  # a new file with no name is created too
        if flags & os.O_CREAT or (unnamed and flags & unnamed == unnamed):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), path)
        return real_open(path, flags, *rest, **kw)

    monkeypatch.setattr(os, "open", read_only)
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        f"{folder}/2026.yaml: cannot write: {os.strerror(errno.EROFS)} [cannot-write]"
    )
    assert "Traceback" not in result.stderr
    assert (folder / "2026.yaml").read_text(encoding="utf-8") == "share-pct: 50\n"
    assert files_under(tmp_path) == ["actuals", "actuals/2026.yaml", "sheet.csv"]


def test_full_disk_in_japanese_by_default(run, tmp_path, monkeypatch):
    folder = tmp_path / "actuals"
    monkeypatch.setattr(os, "fsync", _full_disk)
    result = run("record", "2026", "share-pct", "55", "--strategy", MINI, "--actuals", folder)
    assert result.exit_code == 2
    first, *_, last = result.stderr.splitlines()
    assert (
        first == f"{folder}/2026.yaml: 書き込めません: {os.strerror(errno.ENOSPC)} [cannot-write]"
    )
    assert last.startswith(f"何も書き込んでいません（{folder}/2026.yaml は元のままです）")
    assert not folder.exists()  # the folder the run created is gone again


# --- item 4: symbolic links -----------------------------------------------------------------


def test_o_through_a_symlink_writes_through_never_replaces_the_link(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    real = tmp_path / "real"
    real.mkdir()
    (real / "out.json").write_text("old\n", encoding="utf-8")
    link = tmp_path / "out.json"
    link.symlink_to(real / "out.json")
    result = run("check", "2026", "--format", "json", "--strategy", MINI, "-o", link)
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == str(real / "out.json")
    assert json.loads((real / "out.json").read_text(encoding="utf-8"))["year"] == 2026
    assert sorted(p.name for p in real.iterdir()) == ["out.json"]  # no temporary left
    # a dangling link: the file it names is created, the link stays
    dangling = tmp_path / "later.json"
    dangling.symlink_to(real / "later.json")
    assert (
        run("check", "2026", "--format", "json", "--strategy", MINI, "-o", dangling).exit_code == 0
    )
    assert dangling.is_symlink() and (real / "later.json").is_file()
    # a loop of links is refused, and stays a loop
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    looped = run("check", "2026", "--format", "json", "--strategy", MINI, "-o", tmp_path / "a")
    assert looped.exit_code == 2 and "[output-not-a-file]" in looped.stderr
    assert (tmp_path / "a").is_symlink() and (tmp_path / "b").is_symlink()


@pytest.mark.parametrize("name", ["-", "/dev/stdout"])
def test_o_dash_and_dev_stdout_write_to_standard_output(run, name):
    """`-o -` and `-o /dev/stdout` are standard output: no file is touched (as root,
    `-o /dev/stdout > f` used to replace the system's /dev/stdout link by a file)."""
    result = run("check", "2026", "--format", "json", "--strategy", MINI, "-o", name)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["year"] == 2026


def test_year_file_symlink_is_written_through(run, tmp_path):
    """A year file that is a link (a shared copy): record and import write the file it
    points to, the link stays a link, and both read the new figure."""
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "2026.yaml").write_text("share-pct: 50\n", encoding="utf-8")
    folder = tmp_path / "actuals"
    folder.mkdir()
    (folder / "2026.yaml").symlink_to(shared / "2026.yaml")
    result = run("record", "2026", "app-downloads", "2500", "--strategy", MINI,
                 "--actuals", folder)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert (folder / "2026.yaml").is_symlink()
    assert (shared / "2026.yaml").read_text(encoding="utf-8") == (
        "share-pct: 50\napp-downloads: 2500\n"
    )
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("kpi_id,value\nfertility,1.3\n", encoding="utf-8")
    result = run("import", "2026", sheet, "--strategy", MINI, "--actuals", folder)
    assert result.exit_code == 0, result.stderr
    assert (folder / "2026.yaml").is_symlink()
    assert "fertility: 1.3" in (shared / "2026.yaml").read_text(encoding="utf-8")
    assert sorted(p.name for p in shared.iterdir()) == ["2026.yaml"]
    assert sorted(p.name for p in folder.iterdir()) == ["2026.yaml"]


# --- item 7: a failed import leaves no new file -------------------------------------------


def test_failed_import_leaves_no_new_file_and_says_what_next(run, tmp_path):
    """A conflict refuses the import under the lock: the data repository holds exactly the
    files it held (the lock is the actuals folder itself, no lock file), and the last line
    says that nothing was written and what to do."""
    repo = tmp_path / "repo"
    folder = repo / "data" / "actuals"
    folder.mkdir(parents=True)
    (folder / "2026.yaml").write_text("share-pct: 50\n", encoding="utf-8")
    before = files_under(repo)
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("kpi_id,value\nshare-pct,55\n", encoding="utf-8")
    result = run("import", "2026", sheet, "--strategy", MINI, "--actuals", folder)
    assert result.exit_code == 2
    assert "[conflict]" in result.stderr
    assert result.stderr.splitlines()[-1] == (
        f"何も書き込んでいません（{folder}/2026.yaml は元のままです）。上の行の内容を直してから、"
        "もう一度 pdca import を実行してください"
    )
    assert files_under(repo) == before
    # a bad cell: refused before anything is opened; the same last line
    sheet.write_text("kpi_id,value\nshare-pct,abc\n", encoding="utf-8")
    result = run("import", "2026", sheet, "--strategy", MINI, "--actuals", folder, "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1].startswith("nothing was written:")
    assert files_under(repo) == before
    # and a successful one leaves only its year file
    sheet.write_text("kpi_id,value\napp-downloads,2500\n", encoding="utf-8")
    assert run("import", "2026", sheet, "--strategy", MINI, "--actuals", folder).exit_code == 0
    assert files_under(repo) == before


# --- item 10: number forms ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "decimal"),
    [("0x10", "16"), ("0b11", "3"), ("1_000", "1000"), ("1e3", "1000"), ("0o17", "15"),
     ("2.5e1", "25")],
)  # fmt: skip
@pytest.mark.parametrize("shape", ["short", "mapping", "flow"])
def test_hand_written_number_forms_are_errors(run, tmp_path, written, decimal, shape):
    """`0x10`, `0b11`, `1_000`, `1e3` in an actuals file are located errors, whichever way
    the file is read (a lone odd form goes the fallback way; in a flow mapping too)."""
    folder = tmp_path / "actuals"
    folder.mkdir()
    entry = {
        "short": f"app-downloads: {written}\n",
        "mapping": f"app-downloads:\n  value: {written}\n  source: x\n",
        "flow": f"app-downloads: {{value: {written}}}\n",
    }[shape]
    text = "share-pct: 50\n" + entry
    (folder / "2026.yaml").write_text(text, encoding="utf-8")
    result = run("validate", "--strategy", MINI, "--actuals", folder, "--lang", "en")
    assert result.exit_code == 2
    line, column = {"short": (2, 16), "mapping": (3, 10), "flow": (2, 24)}[shape]
    assert result.stderr.splitlines()[0] == (
        f"{folder}/2026.yaml:{line}:{column}: {written} is not a figure as a person writes it "
        "(hexadecimal, binary, octal, digit separators and exponents are not read): "
        f"write {decimal} [number-form]"
    )
    assert run("check", "2026", "--strategy", MINI, "--actuals", folder).exit_code == 2


def test_decimal_forms_and_quoted_text_still_read(run, tmp_path):
    folder = tmp_path / "actuals"
    folder.mkdir()
    (folder / "2026.yaml").write_text(
        "share-pct: +50.\napp-downloads: 2500\nfertility: .5\nco2-emissions:\n"
        "  value: 2900\n  note: '1e3 was a typo'\n",
        encoding="utf-8",
    )
    result = run("validate", "--strategy", MINI, "--actuals", folder)
    assert result.exit_code == 0, result.stderr


# --- item 19: a whole file has no made-up 1:1 ---------------------------------------------


def test_whole_file_errors_carry_no_fake_line(run, tmp_path):
    """A diagnostic about a whole file is `FILE: message [code]` on stderr, and its github
    annotation names the file with no line; a real first-line error keeps its 1:N."""
    folder = tmp_path / "actuals"
    folder.mkdir()
    (folder / "FY2026.yaml").write_text("share-pct: 50\n", encoding="utf-8")
    (folder / "2025.yaml").write_text("nope: 1\n", encoding="utf-8")
    result = run("check", "2026", "--format", "github", "--strategy", MINI, "--actuals", folder,
                 "--lang", "en")  # fmt: skip
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert f"{folder}/FY2026.yaml: an actuals file is named after its fiscal year, like " in (
        lines[1] if "FY2026" in lines[1] else lines[0]
    )
    assert any(line.startswith(f"{folder}/2025.yaml:1:1: unknown KPI id") for line in lines)
    annotations = [a for a in result.stdout.splitlines() if "FY2026" in a]
    assert len(annotations) == 1 and "line=" not in annotations[0]
    assert annotations[0].startswith(f"::error file={folder}/FY2026.yaml,title=")
    missing = run("validate", "--strategy", MINI, "--actuals", tmp_path / "nope", "--lang", "en")
    assert (
        missing.stderr.splitlines()[0] == f"{tmp_path / 'nope'}: no such directory [no-actuals-dir]"
    )
    refused = run("check", "2026", "--strategy", MINI, "-o", tmp_path, "--lang", "en")
    assert refused.stderr.startswith(f"{tmp_path}: ") and ":1:1:" not in refused.stderr


# --- item 22: check --format json is streamed ----------------------------------------------


def test_check_json_is_streamed_and_the_same_text(run, tmp_path, monkeypatch):
    """`check --format json` writes pieces as they are encoded (to stdout and through the
    atomic writer), byte for byte the text `render` makes."""
    from kanazawa_pdca.assess import assess
    from kanazawa_pdca.formats import RenderOptions
    from kanazawa_pdca.formats.json_format import render, stream
    from kanazawa_pdca.load import load_all

    text = MINI.read_text(encoding="utf-8")
    strategy_path = tmp_path / "s.yaml"
    strategy_path.write_text(text, encoding="utf-8")
    s, a, _ = load_all(strategy_path, tmp_path / "none", actuals_required=False)
    report = assess(s, a, 2026)
    pieces = list(stream(report))
    assert "".join(pieces) == render(report, RenderOptions())
    written = []
    import kanazawa_pdca.formats.json_format as json_format

    real_stream = json_format.stream

    def counted(*args, **kwargs):
        for piece in real_stream(*args, **kwargs):
            written.append(piece)
            yield piece

    monkeypatch.setattr(json_format, "stream", counted)
    out = tmp_path / "out.json"
    result = run("check", "2026", "--format", "json", "--strategy", strategy_path, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert out.read_text(encoding="utf-8") == render(report, RenderOptions()) == "".join(written)
    result = run("check", "2026", "--format", "json", "--strategy", strategy_path)
    assert result.stdout == render(report, RenderOptions())


def test_streamed_json_escapes_in_every_piece():
    """Pieces of 64 KB: an escape never straddles two (each string is encoded whole)."""
    from kanazawa_pdca.formats.json_format import _Each, dumps, pieces

    names = [f"##[x{i}] \u2028 \x7f" * 50 for i in range(2000)]
    streamed = list(pieces({"kpis": _Each(names, lambda n: {"name": n})}))
    assert len(streamed) > 10
    assert "".join(streamed) == dumps({"kpis": [{"name": n} for n in names]})
    assert "##[" not in "".join(streamed) and "\u2028" not in "".join(streamed)
