"""The strategy cache: a hit returns the same model, any change or damage misses."""

from __future__ import annotations

import pytest

from conftest import MINI
from kanazawa_pdca import cache
from kanazawa_pdca.diagnostics import InputError
from kanazawa_pdca.load import load_strategy


def test_second_load_comes_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PDCA_CACHE_DIR", str(tmp_path))
    first = load_strategy(MINI)
    entries = list(tmp_path.glob("strategy-*.pickle"))
    assert len(entries) == 1
    second = load_strategy(MINI)
    assert second == first
    assert second.kpi("share-pct").name == "割合"


def test_a_changed_file_misses(tmp_path, monkeypatch, mini_text):
    monkeypatch.setenv("PDCA_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "s.yaml"
    path.write_text(mini_text, encoding="utf-8")
    load_strategy(path)
    path.write_text(mini_text.replace("name: 割合", "name: 比率"), encoding="utf-8")
    assert load_strategy(path).kpi("share-pct").name == "比率"
    assert len(list((tmp_path / "cache").glob("*.pickle"))) == 2


def test_a_damaged_entry_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("PDCA_CACHE_DIR", str(tmp_path))
    load_strategy(MINI)
    (entry,) = tmp_path.glob("*.pickle")
    entry.write_bytes(b"not a pickle")
    assert load_strategy(MINI).counts()["kpis"] == 7


def test_an_invalid_file_is_never_cached(tmp_path, monkeypatch, broken):
    monkeypatch.setenv("PDCA_CACHE_DIR", str(tmp_path / "cache"))
    path = broken("value: 60, kind: exact", "value: 160, kind: exact")
    with pytest.raises(InputError):
        load_strategy(path)
    assert not list((tmp_path / "cache").glob("*.pickle"))


def test_disabled(tmp_path, monkeypatch):
    monkeypatch.setenv("PDCA_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("PDCA_NO_CACHE", "1")
    assert cache.directory() is None
    load_strategy(MINI)
    assert not list(tmp_path.iterdir())


def test_an_unwritable_cache_is_not_an_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("PDCA_CACHE_DIR", str(blocker / "sub"))
    assert load_strategy(MINI).counts()["kpis"] == 7


def test_old_entries_are_pruned(tmp_path, monkeypatch):
    monkeypatch.setenv("PDCA_CACHE_DIR", str(tmp_path))
    for i in range(cache.MAX_ENTRIES + 5):
        cache.put(f"strategy-{i:04d}", {"n": i})
    assert len(list(tmp_path.glob("*.pickle"))) == cache.MAX_ENTRIES
