"""Writing files without ever leaving a half-written one behind, nor writing where a
report must not go.

`check_target` refuses a target that is not (or would not be) a regular file — a
directory, a FIFO, a device, a socket, a loop of symbolic links — and any target that,
through symbolic links or `..`, is the strategy file or lies in the actuals or reviews
folder. `write_atomic` is pdca's one way to write a file, for `-o` and for the actuals
alike: a temporary file in the target's folder (unnamed on Linux, O_TMPFILE, until it is
written and fsynced, so even SIGKILL leaves no temporary file; elsewhere `tempfile.mkstemp`,
created exclusively), given an unpredictable name, renamed over the target, fsync of the
folder; interrupted (Ctrl-C, SIGTERM, SIGHUP) or failing, it removes the temporary file.

A target that is a symbolic link is never replaced by a regular file: the file it points
to is written (`written_path`: the temporary file and the rename happen in the folder of
the link's final target), so a year file shared through a link gets the new figures, and
`-o /dev/stdout` could never replace the system's link (the CLI writes `-o -` and
`-o /dev/stdout` to standard output itself: `is_stdout`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import signal
import stat
import tempfile
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from .diagnostics import CodedError
from .i18n.messages import Phrase


class RefusedTarget(CodedError):
    """A target `-o` must not write: the diagnostic code, the values of its message and its
    variant (`i18n.said` says it in the language)."""


def _resolved(path: Path) -> Path:
    try:
        return Path(os.path.realpath(path, strict=False))
    except (OSError, RuntimeError, ValueError):
        raise RefusedTarget("output-not-a-file", "loop") from None


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

    `protected_files` / `protected_folders`: (path, which input) pairs, the input one of
    strategy, actuals, reviews: (strategy.yaml, "strategy"), (data/actuals, "actuals").
    `folder_must_exist`: False for a writer that creates the target's folder.
    """
    path = Path(path)
    try:
        info = os.stat(path)  # follows symbolic links: what would really be written
    except FileNotFoundError:
        info = None
    except OSError as exc:
        if exc.errno == 40:  # ELOOP
            raise RefusedTarget("output-not-a-file", "loop") from None
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        from .guard import file_kind

        raise RefusedTarget("output-not-a-file", kind=file_kind(info.st_mode))
    target = _resolved(path)
    if folder_must_exist and not target.parent.is_dir():
        raise RefusedTarget("output-no-folder", folder=str(target.parent))
    for file, what in protected_files:
        if target == _resolved(file):
            raise RefusedTarget("output-protected", what=Phrase(f"input.{what}"))
    for folder, what in protected_folders:
        if _within(target, _resolved(folder)):
            raise RefusedTarget("output-protected", "folder", what=Phrase(f"input.{what}"))


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


STDOUT_NAMES = ("-", "/dev/stdout")


def is_stdout(path: Path | str) -> bool:
    """`-o -` and `-o /dev/stdout`: standard output, not a file to replace."""
    return str(path) in STDOUT_NAMES


def written_path(path: Path) -> Path:
    """The regular file a write of `path` replaces: `path`, or the final target of the
    symbolic link(s) it is. OSError (ELOOP) for a loop of links."""
    path = Path(path)
    if not path.is_symlink():
        return path
    target = Path(os.path.realpath(path))
    if target.is_symlink():  # realpath gave up: a loop
        raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(path))
    return target


def write_atomic(path: Path, data: str | bytes | Iterable[str | bytes]) -> None:
    """Replace `path` by `data` (text is written as UTF-8) so that every reader, and a
    crash at any moment, sees the old file or the new one, never a mix.

    A temporary file in the same folder (created unnamed, or exclusively under a random
    name, with mode 0600: no planted symbolic link can redirect it; `_open_temporary`),
    fsynced, named at random if it was unnamed, and renamed over the target, then
    the folder fsynced (the rename itself survives a power cut). The new file keeps the old
    file's permission bits (0644 for a new file). A full disk, an error or an interruption
    leaves the old file as it was and removes the temporary one. `data` may be pieces
    (text or bytes), written one by one as they are made. A symbolic link is written
    through to the file it points to (`written_path`), never replaced.
    """
    path = written_path(Path(path))
    folder = path.parent
    pieces = [data] if isinstance(data, str | bytes) else data  # pieces: written as made
    with _terminations_interrupt():
        fd, tmp = _open_temporary(path)
        try:
            with os.fdopen(fd, "wb") as handle:
                for piece in pieces:
                    handle.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
                handle.flush()
                os.fsync(handle.fileno())
                try:
                    mode = path.stat().st_mode & 0o7777
                except FileNotFoundError:
                    mode = 0o644
                if tmp is None:  # unnamed until now: a kill -9 before this leaves nothing
                    os.fchmod(handle.fileno(), mode)
                    tmp = _link_unnamed(handle.fileno(), path)
                else:
                    os.chmod(tmp, mode)
            os.replace(tmp, path)
        except BaseException:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
            raise
        _fsync_folder(folder)


@cache
def _linkat() -> Any:
    """libc's linkat, to name an unnamed file through /proc/self/fd (os.link calls link(2),
    which does not follow that link on Linux); None where there is no such way."""
    if not getattr(os, "O_TMPFILE", 0) or not os.path.isdir("/proc/self/fd"):
        return None
    try:
        import ctypes

        linkat = ctypes.CDLL(None, use_errno=True).linkat
    except (ImportError, OSError, AttributeError):  # pragma: no cover - no libc linkat
        return None
    linkat.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int)
    return linkat


def _open_temporary(path: Path) -> tuple[int, str | None]:
    """A new file, mode 0600, in `path`'s folder: unnamed (O_TMPFILE, so a process killed
    with SIGKILL while writing leaves no trace) where the system and the file system allow
    it, else a named temporary file (`mkstemp`), which the actuals writer clears on its
    next write (`writer._remove_stale_temporaries`)."""
    if _linkat() is not None:
        with contextlib.suppress(OSError):  # refused (read-only, full, unsupported): mkstemp
            return os.open(path.parent, os.O_TMPFILE | os.O_WRONLY, 0o600), None  # says why
    return tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)


_AT_FDCWD, _AT_SYMLINK_FOLLOW = -100, 0x400


def _link_unnamed(fd: int, path: Path) -> str:
    """Give the unnamed file `fd` an unpredictable temporary name beside `path` (the rename
    over `path` follows at once)."""
    source = os.fsencode(f"/proc/self/fd/{fd}")
    while True:
        tmp = str(path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp")
        if _linkat()(_AT_FDCWD, source, _AT_FDCWD, os.fsencode(tmp), _AT_SYMLINK_FOLLOW) == 0:
            return tmp
        code = _errno()
        if code != errno.EEXIST:  # pragma: no branch - 48 random bits
            raise OSError(code, os.strerror(code), tmp)


def _errno() -> int:
    import ctypes

    return ctypes.get_errno()


def _fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable; a file system that cannot fsync a folder (EINVAL)
    is left as it is (the file itself is already written and renamed)."""
    if os.name != "posix":  # pragma: no cover - Windows cannot open a folder
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno != errno.EINVAL:
            raise
    finally:
        os.close(fd)
