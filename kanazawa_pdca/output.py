"""Writing files without ever leaving a half-written one behind, nor writing where a
report must not go.

`check_target` refuses a target that is not (or would not be) a regular file — a
directory, a FIFO, a device, a socket, a loop of symbolic links — and any target that,
through symbolic links or `..`, is the strategy file or lies in the actuals or reviews
folder. `write_atomic` writes through a temporary file with an unpredictable name
(`tempfile.mkstemp`, created exclusively in the target's folder), fsyncs it and renames
it over the target; interrupted (Ctrl-C, SIGTERM, SIGHUP), it removes the temporary file.
"""

from __future__ import annotations

import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path


class RefusedTarget(Exception):
    """A target `-o` must not write; `code` is the diagnostic code."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def _resolved(path: Path) -> Path:
    try:
        return Path(os.path.realpath(path, strict=False))
    except (OSError, RuntimeError, ValueError):
        raise RefusedTarget("output-not-a-file", "a loop of symbolic links, not a file") from None


def _within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_target(
    path: Path,
    *,
    protected_files: Sequence[tuple[Path, str]] = (),
    protected_folders: Sequence[tuple[Path, str]] = (),
    folder_must_exist: bool = True,
) -> None:
    """Raise RefusedTarget unless `path` is a place to write an output file.

    `protected_files` / `protected_folders`: (path, what it is) pairs, e.g.
    (strategy.yaml, "the strategy file"), (data/actuals, "the actuals folder").
    `folder_must_exist`: False for a writer that creates the target's folder.
    """
    path = Path(path)
    try:
        info = os.stat(path)  # follows symbolic links: what would really be written
    except FileNotFoundError:
        info = None
    except OSError as exc:
        if exc.errno == 40:  # ELOOP
            raise RefusedTarget(
                "output-not-a-file", "a loop of symbolic links, not a file"
            ) from None
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        kind = (
            "a directory"
            if stat.S_ISDIR(info.st_mode)
            else "a FIFO (named pipe)"
            if stat.S_ISFIFO(info.st_mode)
            else "a device"
            if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode)
            else "a special file"
        )
        raise RefusedTarget("output-not-a-file", f"is {kind}: pdca writes regular files only")
    target = _resolved(path)
    if folder_must_exist and not target.parent.is_dir():
        raise RefusedTarget("output-no-folder", f"cannot write: no such folder {target.parent}")
    for file, what in protected_files:
        if target == _resolved(file):
            raise RefusedTarget("output-protected", f"refusing to overwrite {what}")
    for folder, what in protected_folders:
        if _within(target, _resolved(folder)):
            raise RefusedTarget("output-protected", f"refusing to write into {what}")


@contextmanager
def _terminations_interrupt() -> Iterator[None]:
    """SIGTERM and SIGHUP raise KeyboardInterrupt meanwhile (as Ctrl-C does), so the
    temporary file is removed; restored after. Only the main thread can set handlers."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum, frame):
        raise KeyboardInterrupt(f"signal {signum}")

    saved = {}
    for name in ("SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is not None:
            saved[sig] = signal.signal(sig, interrupt)
    try:
        yield
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` via a temporary file in the same folder and an atomic rename.

    A crash or a full disk leaves the old file as it was; the new file keeps the old
    file's permission bits when it replaces one. The temporary file's name is random
    and created exclusively (no planted symbolic link can redirect it); it is removed
    when the write fails or is interrupted.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    with _terminations_interrupt():
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            try:
                os.chmod(tmp, path.stat().st_mode & 0o7777)
            except FileNotFoundError:
                os.chmod(tmp, 0o644)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
