"""`-o` writes only regular files, never over an input (issue #11 item 6)."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from kanazawa_pdca.output import RefusedTarget, check_target, write_atomic


@pytest.fixture
def data(tmp_path, mini_text):
    strategy = tmp_path / "data" / "strategy.yaml"
    strategy.parent.mkdir()
    strategy.write_text(mini_text, encoding="utf-8")
    actuals = tmp_path / "data" / "actuals"
    actuals.mkdir()
    (actuals / "2026.yaml").write_text("share-pct: 50\n", encoding="utf-8")
    reviews = tmp_path / "data" / "reviews"
    reviews.mkdir()
    return strategy, actuals, reviews


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def targets(tmp_path: Path, strategy: Path, actuals: Path, reviews: Path) -> dict[str, Path]:
    (tmp_path / "link-to-strategy").symlink_to(strategy)
    (tmp_path / "link-to-actuals").symlink_to(actuals, target_is_directory=True)
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    out = {
        "the strategy": strategy,
        "the strategy through ..": actuals / ".." / "strategy.yaml",
        "the strategy through a link": tmp_path / "link-to-strategy",
        "a yaml in the actuals": actuals / "2027.yaml",
        "a json in the actuals": actuals / "report.json",
        "the actuals through a link": tmp_path / "link-to-actuals" / "r.json",
        "a review": reviews / "2026.yaml",
        "a directory": tmp_path,
        "a symlink loop": tmp_path / "loop",
    }
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "fifo")
        out["a FIFO"] = tmp_path / "fifo"
    if os.path.exists("/dev/null"):
        out["a device"] = Path("/dev/null")
    return out


@pytest.mark.parametrize(
    "name",
    [
        "the strategy",
        "the strategy through ..",
        "the strategy through a link",
        "a yaml in the actuals",
        "a json in the actuals",
        "the actuals through a link",
        "a review",
        "a directory",
        "a symlink loop",
        "a FIFO",
        "a device",
    ],
)
def test_refused_targets(run, data, tmp_path, name):
    strategy, actuals, reviews = data
    all_targets = targets(tmp_path, strategy, actuals, reviews)
    if name not in all_targets:
        pytest.skip(f"no {name} here")
    target = all_targets[name]
    before = snapshot(tmp_path / "data")
    result = run(
        "check", "2026", "--strategy", strategy, "--actuals", actuals, "--reviews", reviews,
        "-f", "json", "-o", target,
    )  # fmt: skip
    assert result.exit_code == 2, result.output
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"{target}: ")
    assert line.endswith(("[output-protected]", "[output-not-a-file]"))
    assert snapshot(tmp_path / "data") == before
    assert not list(tmp_path.rglob("*.tmp"))


def test_a_regular_target_is_written(run, data, tmp_path):
    strategy, actuals, reviews = data
    target = tmp_path / "out.json"
    result = run(
        "check", "2026", "--strategy", strategy, "--actuals", actuals, "--reviews", reviews,
        "-f", "json", "-o", target,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith("{")


def test_check_target_directly(tmp_path):
    folder = tmp_path / "actuals"
    folder.mkdir()
    with pytest.raises(RefusedTarget) as info:
        check_target(folder / "x.html", protected_folders=[(folder, "the actuals folder")])
    assert info.value.code == "output-protected"
    check_target(tmp_path / "x.html", protected_folders=[(folder, "the actuals folder")])


def test_an_interrupted_write_leaves_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")

    def interrupted_fsync(fd):
        os.kill(os.getpid(), signal.SIGTERM)  # as `kill` would, in the middle of the write

    monkeypatch.setattr(os, "fsync", interrupted_fsync)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL  # restored


def test_temporary_files_have_unpredictable_names(tmp_path, monkeypatch):
    names = []
    real = os.replace

    def spy(src, dst):
        names.append(Path(src).name)
        real(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    write_atomic(tmp_path / "a.txt", "1")
    write_atomic(tmp_path / "a.txt", "2")
    assert len(set(names)) == 2
    assert all(str(os.getpid()) not in n for n in names)


def test_template_sheets_obey_the_same_rules(run, data, tmp_path, english):
    strategy, actuals, _ = data
    before = snapshot(tmp_path / "data")
    for target in (actuals / "sheet.xlsx", actuals / ".." / "actuals" / "sheet.csv"):
        result = run("template", "2026", "--strategy", strategy, "--actuals", actuals, "-o", target)
        assert result.exit_code == 2
        assert "refusing to write into the actuals folder [output-protected]" in result.stderr
    if os.path.exists("/dev/null"):
        (tmp_path / "null.xlsx").symlink_to("/dev/null")
        result = run(
            "template", "2026", "--strategy", strategy, "--actuals", actuals,
            "-o", tmp_path / "null.xlsx",
        )  # fmt: skip
        assert result.exit_code == 2
        assert "is a device" in result.stderr
        assert Path("/dev/null").is_char_device()
    assert snapshot(tmp_path / "data") == before


def _killed_mid_write(write) -> None:
    """Run `write` in a child process that SIGKILLs itself in the middle of writing."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            write()
        finally:
            os._exit(1)  # not reached when the kill came
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL


def _dies_after_first_piece():
    yield "first half\n"
    os.kill(os.getpid(), signal.SIGKILL)  # kill -9 in the middle of the write
    yield "second half\n"


needs_unnamed = pytest.mark.skipif(
    not hasattr(os, "fork") or not hasattr(os, "O_TMPFILE"),
    reason="unnamed temporary files (O_TMPFILE) and fork: Linux",
)


@needs_unnamed
def test_kill_9_mid_write_leaves_no_stray_temporary_file(tmp_path):
    # A named temporary file (mkstemp) outlived a kill -9 of pdca import, init or -o.
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    _killed_mid_write(lambda: write_atomic(target, _dies_after_first_piece()))
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]
    assert target.read_text(encoding="utf-8") == "old"
    write_atomic(target, "new")  # and the next write is as usual
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]
    assert target.read_text(encoding="utf-8") == "new"
    assert oct(target.stat().st_mode & 0o777) == oct(0o644)


@needs_unnamed
def test_kill_9_mid_init_leaves_no_stray_temporary_file(tmp_path, monkeypatch):
    # pdca init DIR killed while writing left data/reviews/.README.md.XXXX.tmp for good
    # (init, unlike the actuals writer, never clears one).
    from kanazawa_pdca import output
    from kanazawa_pdca.entry.init import init_folder

    def dying(path, data):
        def pieces():
            yield data[: len(data) // 2]
            os.kill(os.getpid(), signal.SIGKILL)  # kill -9 in the middle of the file
            yield data[len(data) // 2 :]

        write_atomic(path, pieces())

    monkeypatch.setattr(output, "write_atomic", dying)
    _killed_mid_write(lambda: init_folder(tmp_path / "X", "X"))
    found = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    assert not [f for f in found if f.endswith(".tmp")], found
    assert "X/data/strategy.yaml" not in found  # no half strategy
    monkeypatch.undo()
    init_folder(tmp_path / "X", "X")  # and init runs again in the same folder
    assert (tmp_path / "X" / "data" / "strategy.yaml").is_file()
