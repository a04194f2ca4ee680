"""The one writer of `data/actuals/<year>.yaml`, used by `pdca import` and `pdca record`.

Guarantees:
- one writer at a time: a lock on the actuals folder itself (`flock` of the folder, so no
  lock file is ever created; on Windows, where a folder cannot be locked, `filelock`'s file
  beside it, which it deletes on release), and the year's file is read again under the lock,
  so concurrent runs never lose each other's figures;
- a run that writes nothing leaves nothing new behind: no lock file, and no folder it
  created; a disk that is full or read-only is a located error (`cannot-write`), never a
  traceback, and the old file stays as it was;
- a killed run leaves the old file or the new one, never a mix: `output.write_atomic`, pdca's
  one writer (a temporary file with an unpredictable name, mode 0600, O_EXCL; fsync, rename,
  fsync of the folder);
- untouched entries keep their bytes: comments, key order and quoting survive (ruamel's
  round-trip mode, no line folding); new entries go where the strategy lists them;
- a figure that differs from one recorded is a conflict, refused with both values unless
  `overwrite`; the same figure again changes nothing;
- the text written is read back and compared with what was meant before it replaces the
  old file.
"""

from __future__ import annotations

import contextlib
import difflib
import io
import os
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic, InputError, Location
from ..i18n.messages import Phrase
from ..model.actuals import Actual, check_year
from ..model.strategy import Strategy
from ..output import write_atomic
from .missing import expects_figure
from .numbers import to_yaml_number

LOCK_TIMEOUT = 60.0  # seconds to wait for another writer


@dataclass(frozen=True)
class Figure:
    """One figure to record, and where it came from (a cell; None for the command line)."""

    kpi_id: str
    value: Decimal
    source: str | None = None
    note: str | None = None
    origin: Location | None = None


@dataclass(frozen=True)
class Change:
    kpi_id: str
    action: str  # "added" | "changed" | "unchanged"
    old: Actual | None
    new: Actual


@dataclass
class Outcome:
    """What a write did (or, with dry_run, would do)."""

    path: Path
    year: int
    changes: list[Change]
    entries: dict[str, Actual]  # the year's figures after the write
    missing: list[str]  # KPI ids of the strategy still without a figure for the year
    before: str
    after: str
    written: bool = False
    dry_run: bool = False
    counts: dict[str, int] = field(default_factory=dict)
    crlf: bool = False  # the file's line ends and BOM are kept as they were
    bom: bool = False

    def __post_init__(self) -> None:
        self.counts = {
            "added": sum(c.action == "added" for c in self.changes),
            "changed": sum(c.action == "changed" for c in self.changes),
            "unchanged": sum(c.action == "unchanged" for c in self.changes),
            "missing": len(self.missing),
        }

    def encoded(self) -> bytes:
        """The new text as the file's bytes: its own line ends, its BOM if it had one."""
        text = self.after.replace("\n", "\r\n") if self.crlf else self.after
        return ("\ufeff" if self.bom else "").encode("utf-8") + text.encode("utf-8")

    @property
    def touched(self) -> list[Change]:
        return [c for c in self.changes if c.action != "unchanged"]

    def diff(self, name: str | None = None) -> str:
        name = name or self.path.name
        lines = difflib.unified_diff(
            self.before.splitlines(keepends=True),
            self.after.splitlines(keepends=True),
            fromfile=f"a/{name}",
            tofile=f"b/{name}",
        )
        text = "".join(line if line.endswith("\n") else line + "\n" for line in lines)
        return text


# --- the public entry point ---------------------------------------------------------------


def year_file(folder: Path, year: int) -> Path:
    """The year's file: an existing `<year>.yml` is kept, else `<year>.yaml`."""
    yml = folder / f"{year}.yml"
    return (
        yml if yml.exists() and not (folder / f"{year}.yaml").exists() else folder / f"{year}.yaml"
    )


def lock_path(folder: Path) -> Path:
    """Where a system that cannot lock a folder (Windows) keeps the lock file, beside the
    actuals folder: data/actuals -> data/.actuals.lock (filelock deletes it on release)."""
    folder = Path(os.path.abspath(folder))
    return folder.parent / f".{folder.name}.lock"


def write_figures(
    folder: Path,
    year: int,
    strategy: Strategy,
    figures: list[Figure],
    *,
    overwrite: bool = False,
    dry_run: bool = False,
    timeout: float = LOCK_TIMEOUT,
    shown_name: str | None = None,
    lang: str = "en",
) -> Outcome:
    """Merge `figures` into the year's file; raise InputError on conflicts or bad figures.
    A new file's header comment is in `lang` (the command's language).

    Nothing is written when anything is wrong, nor with `dry_run` (which takes no lock and
    creates nothing).
    """
    problems = figure_problems(strategy, year, figures)
    if any(d.is_error for d in problems):
        raise InputError(problems)
    if dry_run:
        outcome = _merge(
            year_file(folder, year), year, strategy, figures, overwrite, shown_name, lang
        )
        outcome.dry_run = True
        return outcome
    created = _new_folders(folder)
    path = year_file(folder, year)
    written = False
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with _locked(folder, timeout):
            path = year_file(folder, year)
            outcome = _merge(path, year, strategy, figures, overwrite, shown_name, lang)
            _remove_stale_temporaries(path)
            if outcome.after != outcome.before:
                write_atomic(path, outcome.encoded())
                outcome.written = written = True
    except OSError as exc:  # a full disk (ENOSPC), a read-only folder (EROFS), …
        from ..load import display_name

        detail = exc.strerror or str(exc)
        where = Location(shown_name or display_name(path))
        raise InputError([Diagnostic(where, "cannot-write", {"detail": detail})]) from None
    finally:
        if not written:
            for made in created:  # innermost first; only if still empty
                with contextlib.suppress(OSError):
                    made.rmdir()
    return outcome


def _new_folders(folder: Path) -> list[Path]:
    """The folders `folder.mkdir(parents=True)` would create, innermost first."""
    out = []
    here = Path(os.path.abspath(folder))
    while not here.exists() and here != here.parent:
        out.append(here)
        here = here.parent
    return out


def figure_problems(strategy: Strategy, year: int, figures: list[Figure]) -> list[Diagnostic]:
    """The checks a recorded file gets (known id, ranges), at each figure's origin."""
    out: list[Diagnostic] = []
    for f in figures:
        entry = {f.kpi_id: Actual(value=float(f.value), source=f.source, note=f.note)}
        for p in check_year(strategy, year, entry):
            where = f.origin or Location("<figures>")
            out.append(Diagnostic(where, p.code, p.values, p.severity, p.variant))
    return out


# --- locking and replacing ---------------------------------------------------------------


@contextlib.contextmanager
def _locked(folder: Path, timeout: float) -> Iterator[None]:
    """Hold the lock of `folder` (which exists) meanwhile; InputError `locked` after
    `timeout` seconds of another writer holding it."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        fcntl = None
    if fcntl is None or not hasattr(os, "O_DIRECTORY"):  # pragma: no cover - Windows
        with _file_locked(folder, timeout):
            yield
        return
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise InputError([_locked_diagnostic(folder, folder, timeout)]) from None
                time.sleep(0.02)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _locked_diagnostic(where: Path, folder: Path, timeout: float) -> Diagnostic:
    return Diagnostic(Location(str(where)), "locked", {"folder": str(folder), "seconds": timeout})


@contextlib.contextmanager
def _file_locked(folder: Path, timeout: float) -> Iterator[None]:  # pragma: no cover
    from filelock import FileLock, Timeout

    path = lock_path(folder)
    lock = FileLock(str(path), timeout=timeout)
    try:
        lock.acquire()
    except Timeout:
        raise InputError([_locked_diagnostic(path, folder, timeout)]) from None
    try:
        yield
    finally:
        lock.release()


def _remove_stale_temporaries(path: Path) -> None:
    """Temporary files a killed writer left (safe: we hold the lock, no one else writes)."""
    for stale in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()


# --- merging ------------------------------------------------------------------------------


def _merge(
    path: Path,
    year: int,
    strategy: Strategy,
    figures: list[Figure],
    overwrite: bool,
    shown_name: str | None,
    lang: str = "en",
) -> Outcome:
    from ..load import display_name, load_year

    name = shown_name or display_name(path)
    current = load_year(path, year, strategy)  # InputError if the file is invalid
    raw = path.read_bytes() if path.exists() else b""
    text = raw.decode("utf-8-sig")
    crlf = "\r\n" in text
    before = text.replace("\r\n", "\n")  # merged with \n; written back with the file's own
    yaml = _round_trip(before)
    doc = yaml.load(before) if before.strip() else None
    changes: list[Change] = []
    conflicts: list[Diagnostic] = []
    for f in figures:
        old = current.get(f.kpi_id)
        action, new, clash = _merge_one(old, f, overwrite)
        if clash:
            conflicts.append(_conflict(f, old, clash, doc, name))
            continue
        changes.append(Change(f.kpi_id, action, old, new))
    if conflicts:
        raise InputError(conflicts)
    touched = {c.kpi_id: c.new for c in changes if c.action != "unchanged"}
    entries = {**current, **touched}
    base = before or _new_file_head(path, year, lang)  # a new file starts with its header
    after = _apply(base, doc, yaml, touched, strategy) if touched else before
    _verify(after, entries, name)
    missing = [k.id for k in strategy.kpis if k.id not in entries and expects_figure(k, year)]
    return Outcome(
        path,
        year,
        changes,
        entries,
        missing,
        before,
        after,
        crlf=crlf,
        bom=raw[:3] == b"\xef\xbb\xbf",
    )


def _merge_one(
    old: Actual | None, f: Figure, overwrite: bool
) -> tuple[str, Actual, list[tuple[str, Any, Any]]]:
    """-> (action, the entry after, the fields that clash without --overwrite)."""
    value = float(f.value)
    if old is None:
        return "added", Actual(value=value, source=f.source, note=f.note), []
    clash: list[tuple[str, Any, Any]] = []
    fields = {"value": old.value, "source": old.source, "note": old.note}
    if value != old.value:
        clash.append(("value", old.value, value))
        fields["value"] = value
    for key, given in (("source", f.source), ("note", f.note)):
        recorded = fields[key]
        if given is None or given == recorded:
            continue
        if recorded is not None:
            clash.append((key, recorded, given))
        fields[key] = given
    new = Actual(**fields)
    if clash and not overwrite:
        return "changed", new, clash
    return ("unchanged" if new == old else "changed"), new, []


def _conflict(f: Figure, old, clash, doc, name: str) -> Diagnostic:
    recorded_at = Location(name)
    with contextlib.suppress(Exception):
        line, column = doc.lc.key(f.kpi_id)
        recorded_at = Location(name, line + 1, column + 1)
    parts = [
        Phrase("conflict-part", field=Phrase(f"field.{key}"), new=_shown(new), was=_shown(was))
        for key, was, new in clash
    ]
    values = {"id": f.kpi_id, "parts": parts}
    if f.origin is not None:
        values["at"] = str(recorded_at)
    variant = "at" if f.origin is not None else None
    return Diagnostic(f.origin or recorded_at, "conflict", values, variant=variant)


def _shown(value: Any) -> str:
    if isinstance(value, float):
        return f"{to_yaml_number(Decimal(repr(value)))}"
    return repr(value)


# --- round-trip YAML --------------------------------------------------------------------


def _indent_of(text: str) -> int:
    """The indentation the file uses for nested mappings (2 when it has none)."""
    for line in text.splitlines():
        stripped = line.lstrip(" ")
        if stripped and not stripped.startswith("#") and len(stripped) < len(line):
            return len(line) - len(stripped)
    return 2


def _round_trip(text: str):
    from ruamel.yaml import YAML

    yaml = YAML()  # round-trip: comments, order, quoting, flow style kept
    yaml.preserve_quotes = True
    yaml.width = 1 << 20  # never fold a long line (it would change untouched entries)
    yaml.indent(mapping=_indent_of(text), sequence=4, offset=2)
    if re.match(r"(?:#.*\n|\s*\n)*---", text):
        yaml.explicit_start = True
    return yaml


def _apply(before: str, doc, yaml, touched: dict[str, Actual], strategy: Strategy) -> str:
    from ruamel.yaml.comments import CommentedMap

    order = {k.id: i for i, k in enumerate(strategy.kpis)}
    if doc is None:  # an empty file, or one with only comments: keep it, add the entries
        fresh = CommentedMap()
        for kpi_id in sorted(touched, key=order.__getitem__):
            fresh[kpi_id] = _node(touched[kpi_id], None)
        head = before if not before or before.endswith("\n") else before + "\n"
        yaml.explicit_start = False  # a `---` of the file is already in `head`
        return head + _dump(yaml, fresh)
    for kpi_id in sorted(touched, key=order.__getitem__):
        entry = touched[kpi_id]
        if kpi_id in doc:
            doc[kpi_id] = _node(entry, doc[kpi_id])
            continue
        rank = order[kpi_id]
        position = sum(1 for key in doc if order.get(key, -1) < rank)
        doc.insert(position, kpi_id, _node(entry, None))
    return _keep_head(before, _dump(yaml, doc))


def _new_file_head(path: Path, year: int, lang: str = "en") -> str:
    """The first lines of a new actuals file: what it is (in `lang`), and (in the
    repository's layout, data/actuals/ beside schemas/) the yaml-language-server line that
    gives editors completion of the KPI ids."""
    from ..i18n import text
    from ..years import label

    lines = []
    if (path.parent.parent.parent / "schemas" / "actuals.schema.json").is_file():
        lines.append("# yaml-language-server: $schema=../../schemas/actuals.schema.json")
    lines.append("# " + text("actuals-file-head", lang, label=label(year, lang)))
    return "\n".join(lines) + "\n"


def _head(text: str) -> str:
    """The lines before the first entry: blank lines, comments, directives, `---`."""
    end = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped and not stripped.startswith(("#", "%", "---")):
            break
        end += len(line)
    return text[:end]


def _keep_head(before: str, after: str) -> str:
    """ruamel drops blank lines at the top of a file: put the file's own head back."""
    return _head(before) + after[len(_head(after)) :]


def _node(entry: Actual, existing):
    """The YAML node for an entry: the short form when it has no source or note; an existing
    mapping is updated in place (its comments and field order stay)."""
    from ruamel.yaml.comments import CommentedMap

    value = to_yaml_number(Decimal(repr(entry.value)))
    if isinstance(existing, CommentedMap):
        if existing.get("value") != entry.value:
            existing["value"] = value
        for key in ("source", "note"):
            given = getattr(entry, key)
            if given is not None and existing.get(key) != given:
                existing[key] = given
        return existing
    if entry.source is None and entry.note is None:
        return value
    node = CommentedMap()
    node["value"] = value
    for key in ("source", "note"):
        if getattr(entry, key) is not None:
            node[key] = getattr(entry, key)
    return node


def _dump(yaml, doc) -> str:
    out = io.StringIO()
    yaml.dump(doc, out)
    return out.getvalue()


def _verify(text: str, entries: dict[str, Actual], name: str) -> None:
    """Read the new text back: it must hold exactly the entries meant (else write nothing)."""
    from ..load import FICTIONAL, _plain_data

    # the loader's own fast path (fastyaml, ruamel's safe loader for what it declines):
    # the text is read back as `pdca check` will read it
    data = _plain_data(text, figures=True) if text.strip() else None
    data = data or {}
    got = {
        k: Actual.model_validate(v if isinstance(v, dict) else {"value": v})
        for k, v in data.items()
        if k != FICTIONAL
    }
    if got != entries:
        raise RuntimeError(f"{name}: the merged text does not hold the figures meant; not written")
