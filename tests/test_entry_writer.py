"""The one YAML writer (entry/writer.py): merging, conflicts, byte-for-byte preservation,
dry runs, atomic replacement, the lock."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import MINI
from kanazawa_pdca.diagnostics import InputError
from kanazawa_pdca.entry.writer import Figure, write_figures
from kanazawa_pdca.load import load_actuals, load_strategy

COMMENTED = """\
# yaml-language-server: $schema=../../schemas/actuals.schema.json
# FY2026 figures — kept by the planning office

share-pct: 52   # from the survey
co2-emissions:
    value: 2900
    source: '市調べ'     # single-quoted on purpose
    note: "速報値"
# fertility is re-set this year
fertility: 1.30
"""


@pytest.fixture(scope="module")
def strategy():
    return load_strategy(MINI)


@pytest.fixture
def folder(tmp_path) -> Path:
    path = tmp_path / "actuals"
    path.mkdir()
    (path / "2026.yaml").write_text(COMMENTED, encoding="utf-8")
    return path


def fig(kpi_id, value, source=None, note=None):
    return Figure(kpi_id, Decimal(str(value)), source, note)


def test_new_entries_go_in_strategy_order_and_untouched_bytes_stay(folder, strategy):
    out = write_figures(
        folder, 2026, strategy, [fig("new-course-participants", 40), fig("app-downloads", 2500)]
    )
    text = (folder / "2026.yaml").read_text(encoding="utf-8")
    # exactly two lines added; every other line of the file as it was, in order
    assert text == COMMENTED.replace(
        "share-pct: 52   # from the survey\n",
        "share-pct: 52   # from the survey\napp-downloads: 2500\n",
    ).replace("fertility: 1.30\n", "fertility: 1.30\nnew-course-participants: 40\n")
    assert out.counts == {"added": 2, "changed": 0, "unchanged": 0, "missing": 2}
    assert out.written


def test_long_form_for_a_figure_with_source_and_note(folder, strategy):
    write_figures(
        folder, 2026, strategy, [fig("app-downloads", 2500, "子育て支援課", "速報: 暫定")]
    )
    text = (folder / "2026.yaml").read_text(encoding="utf-8")
    assert (
        "app-downloads:\n    value: 2500\n    source: 子育て支援課\n    note: '速報: 暫定'\n"
        in text
    )
    actuals, _ = load_actuals(folder, strategy)
    assert actuals.years[2026]["app-downloads"].note == "速報: 暫定"


def test_same_value_is_a_no_op(folder, strategy):
    before = os.stat(folder / "2026.yaml")
    out = write_figures(folder, 2026, strategy, [fig("share-pct", 52), fig("fertility", "1.3")])
    assert out.counts["unchanged"] == 2 and not out.written
    assert (folder / "2026.yaml").read_text(encoding="utf-8") == COMMENTED
    assert os.stat(folder / "2026.yaml").st_mtime_ns == before.st_mtime_ns


@pytest.mark.parametrize(
    ("figure", "message"),
    [
        (fig("share-pct", 55), "share-pct: value 55 differs from 52 recorded"),
        (fig("co2-emissions", 2900, source="環境政策課"),
         "co2-emissions: source '環境政策課' differs from '市調べ' recorded"),
        (fig("co2-emissions", 2800, note="確定値"),
         "co2-emissions: value 2800 differs from 2900 recorded; note '確定値' differs from '速報値' recorded"),
    ],
)  # fmt: skip
def test_conflicts_are_refused_with_both_values(folder, strategy, figure, message):
    with pytest.raises(InputError) as info:
        write_figures(folder, 2026, strategy, [fig("app-downloads", 1), figure])
    (d,) = info.value.diagnostics
    assert d.code == "conflict" and message in d.message and "--overwrite" in d.message
    line = COMMENTED.splitlines().index(
        next(x for x in COMMENTED.splitlines() if x.startswith(figure.kpi_id))
    )
    assert str(d.location).endswith(f"2026.yaml:{line + 1}:1")
    # nothing written, not even the figure that did not clash
    assert (folder / "2026.yaml").read_text(encoding="utf-8") == COMMENTED


def test_overwrite_replaces_and_keeps_comments(folder, strategy):
    out = write_figures(
        folder,
        2026,
        strategy,
        [fig("share-pct", 55), fig("co2-emissions", 2800, note="確定値")],
        overwrite=True,
    )
    text = (folder / "2026.yaml").read_text(encoding="utf-8")
    assert "share-pct: 55   # from the survey\n" in text
    assert "    value: 2800\n    source: '市調べ'     # single-quoted on purpose\n" in text
    assert "# fertility is re-set this year\nfertility: 1.30\n" in text
    assert [c.action for c in out.changes] == ["changed", "changed"]
    assert out.changes[0].old.value == 52 and out.changes[0].new.value == 55


def test_filling_in_a_source_is_not_a_conflict(folder, strategy):
    out = write_figures(folder, 2026, strategy, [fig("share-pct", 52, source="市民意識調査")])
    assert [c.action for c in out.changes] == ["changed"]
    text = (folder / "2026.yaml").read_text(encoding="utf-8")
    assert (
        "share-pct:   # from the survey\n    value: 52\n    source: 市民意識調査\n"
        in text.replace("share-pct:      #", "share-pct:   #")
    )


def test_dry_run_writes_nothing_and_diffs(tmp_path, strategy):
    folder = tmp_path / "new" / "actuals"
    out = write_figures(folder, 2026, strategy, [fig("share-pct", 55)], dry_run=True)
    assert out.dry_run and not out.written
    assert not (tmp_path / "new").exists()  # no folder, no lock file
    assert out.counts["added"] == 1
    assert "+share-pct: 55\n" in out.diff("2026.yaml")


def test_dry_run_diff_on_an_existing_file(folder, strategy):
    out = write_figures(
        folder, 2026, strategy, [fig("share-pct", 55)], overwrite=True, dry_run=True
    )
    diff = out.diff("2026.yaml")
    assert "-share-pct: 52   # from the survey\n+share-pct: 55   # from the survey\n" in diff
    assert (folder / "2026.yaml").read_text(encoding="utf-8") == COMMENTED


@pytest.mark.parametrize(
    "before",
    ["", "# only a comment\n", "# no newline at the end", "---\n"],
)
def test_empty_or_comment_only_files_keep_their_text(tmp_path, strategy, before):
    folder = tmp_path / "actuals"
    folder.mkdir()
    (folder / "2026.yaml").write_text(before, encoding="utf-8")
    write_figures(folder, 2026, strategy, [fig("share-pct", 55)])
    text = (folder / "2026.yaml").read_text(encoding="utf-8")
    assert text.startswith(before) and text.endswith("share-pct: 55\n")
    actuals, _ = load_actuals(folder, strategy)
    assert actuals.value(2026, "share-pct") == 55


def test_a_new_year_file_and_folder(tmp_path, strategy):
    folder = tmp_path / "fresh" / "actuals"
    write_figures(folder, 2027, strategy, [fig("share-pct", "55.5")])
    assert (folder / "2027.yaml").read_text(encoding="utf-8") == (
        "# KPI actuals of FY2027 (R9): id: value, or id: {value, source, note}\nshare-pct: 55.5\n"
    )
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")) == [
        "fresh",
        "fresh/actuals",
        "fresh/actuals/2027.yaml",
    ]  # no lock file: the lock is the folder's own (flock)
    assert oct((folder / "2027.yaml").stat().st_mode & 0o777) == "0o644"


def test_a_new_file_in_the_repository_layout_names_its_schema(tmp_path, strategy):
    """data/actuals/ beside schemas/: editors get completion of the ids in a new file."""
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "actuals.schema.json").write_text("{}", encoding="utf-8")
    folder = tmp_path / "data" / "actuals"
    write_figures(folder, 2026, strategy, [fig("share-pct", "55")])
    lines = (folder / "2026.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../../schemas/actuals.schema.json"
    assert lines[1].startswith("# KPI actuals of FY2026 (R8)")
    assert lines[2:] == ["share-pct: 55"]
    actuals, _ = load_actuals(folder, strategy)
    assert actuals.value(2026, "share-pct") == 55


def test_a_yml_file_is_written_where_it_is(tmp_path, strategy):
    folder = tmp_path / "actuals"
    folder.mkdir()
    (folder / "2026.yml").write_text("share-pct: 50\n", encoding="utf-8")
    write_figures(folder, 2026, strategy, [fig("app-downloads", 3)])
    assert not (folder / "2026.yaml").exists()
    assert (folder / "2026.yml").read_text(encoding="utf-8") == "share-pct: 50\napp-downloads: 3\n"


def test_flow_style_and_double_indent_are_kept(tmp_path, strategy):
    folder = tmp_path / "actuals"
    folder.mkdir()
    text = 'share-pct: {value: 52, source: "x"}\nco2-emissions:\n  value: 2900 # two spaces\n'
    (folder / "2026.yaml").write_text(text, encoding="utf-8")
    write_figures(folder, 2026, strategy, [fig("fertility", 1.3, note="n")])
    assert (folder / "2026.yaml").read_text(encoding="utf-8") == text + (
        "fertility:\n  value: 1.3\n  note: n\n"
    )


def test_bad_figures_are_refused_before_anything_is_written(folder, strategy):
    with pytest.raises(InputError) as info:
        write_figures(folder, 2026, strategy, [fig("share-pct", 120), fig("no-such-kpi", 1)])
    assert [d.code for d in info.value.diagnostics] == ["percentage-range", "unknown-kpi"] or [
        d.code for d in info.value.diagnostics
    ] == ["unknown-kpi", "percentage-range"]
    assert (folder / "2026.yaml").read_text(encoding="utf-8") == COMMENTED


def test_an_invalid_year_file_is_reported_not_overwritten(folder, strategy):
    (folder / "2026.yaml").write_text("share-pct: [1\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        write_figures(folder, 2026, strategy, [fig("app-downloads", 1)])
    assert info.value.diagnostics[0].code == "yaml-syntax"
    assert (folder / "2026.yaml").read_text(encoding="utf-8") == "share-pct: [1\n"


def test_an_interrupted_write_leaves_the_old_file_and_no_temporary(folder, strategy, monkeypatch):
    def boom(*_):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        write_figures(folder, 2026, strategy, [fig("app-downloads", 1)])
    assert (folder / "2026.yaml").read_text(encoding="utf-8") == COMMENTED
    assert sorted(p.name for p in folder.iterdir()) == ["2026.yaml"]


def test_stale_temporaries_of_a_killed_writer_are_removed(folder, strategy):
    (folder / ".2026.yaml.abc123.tmp").write_text("half", encoding="utf-8")
    write_figures(folder, 2026, strategy, [fig("app-downloads", 1)])
    assert sorted(p.name for p in folder.iterdir()) == ["2026.yaml"]


def test_a_held_lock_times_out_with_a_located_message(folder, strategy):
    import fcntl

    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # another writer holds the folder
        with pytest.raises(InputError) as info:
            write_figures(folder, 2026, strategy, [fig("app-downloads", 1)], timeout=0.1)
    finally:
        os.close(fd)
    (d,) = info.value.diagnostics
    assert d.code == "locked" and "another pdca run" in d.message
    assert str(d.location) == str(folder)


def test_a_fictional_marker_stays_and_is_no_kpi(tmp_path, strategy):
    folder = tmp_path / "actuals"
    folder.mkdir()
    (folder / "2026.yaml").write_text("fictional: true\nshare-pct: 50\n", encoding="utf-8")
    out = write_figures(folder, 2026, strategy, [fig("co2-emissions", 2900)])
    assert (folder / "2026.yaml").read_text(encoding="utf-8") == (
        "fictional: true\nshare-pct: 50\nco2-emissions: 2900\n"
    )
    assert out.counts["added"] == 1


def test_crlf_line_ends_and_a_bom_are_kept(tmp_path, strategy):
    folder = tmp_path / "actuals"
    folder.mkdir()
    before = b'\xef\xbb\xbf# Windows\r\n"share-pct": 52  # quoted key\r\nfertility: 1.30\r\n'
    (folder / "2026.yaml").write_bytes(before)
    write_figures(folder, 2026, strategy, [fig("app-downloads", 5)])
    assert (folder / "2026.yaml").read_bytes() == (
        b'\xef\xbb\xbf# Windows\r\n"share-pct": 52  # quoted key\r\napp-downloads: 5\r\n'
        b"fertility: 1.30\r\n"
    )
