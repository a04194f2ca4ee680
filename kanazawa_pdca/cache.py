"""A small on-disk cache of validated strategies, so `pdca check` starts fast.

Parsing and validating the 150 KB strategy costs ~150 ms; unpickling the validated
model costs a few. An entry is keyed by the SHA-256 of the file's bytes, this
package's version, the model module's modification time and the Python version,
so any change to the data or the models misses the cache. Entries are written
atomically; any problem reading or writing the cache is ignored (it is only a
cache). Set PDCA_NO_CACHE=1 to turn it off, PDCA_CACHE_DIR to move it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from pathlib import Path
from typing import Any

from . import __version__

MAX_ENTRIES = 16


def directory() -> Path | None:
    if os.environ.get("PDCA_NO_CACHE"):
        return None
    if os.environ.get("PDCA_CACHE_DIR"):
        return Path(os.environ["PDCA_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kanazawa-pdca"


def key(kind: str, data: bytes) -> str:
    models = Path(__file__).parent / "model"
    stamp = max((p.stat().st_mtime_ns for p in models.glob("*.py")), default=0)
    digest = hashlib.sha256(data)
    digest.update(f"{kind}|{__version__}|{stamp}|{sys.version_info[:2]}".encode())
    return f"{kind}-{digest.hexdigest()[:32]}"


def get(name: str) -> Any:
    folder = directory()
    if folder is None:
        return None
    try:
        with open(folder / f"{name}.pickle", "rb") as handle:
            return pickle.load(handle)
    except Exception:
        return None


def put(name: str, value: Any) -> None:
    folder = directory()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{name}.{os.getpid()}.tmp"
        with open(tmp, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / f"{name}.pickle")
        _prune(folder)
    except Exception:
        return


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[MAX_ENTRIES:]:
        old.unlink(missing_ok=True)
