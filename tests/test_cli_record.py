"""`pdca record` and `pdca missing` end to end, and the writer under concurrency and kills."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from conftest import DATA, MINI
from kanazawa_pdca.load import load_actuals, load_strategy

# the first line of a new actuals file, in the command's language (Japanese by default; no
# schemas/ beside a tmp folder: no schema line)
HEAD = "# 2026年度 (R8) の KPI 実績 — id: 値、または id: {value: 値, source: 出典, note: 備考}\n"
HEAD_EN = "# KPI actuals of FY2026 (R8): id: value, or id: {value, source, note}\n"


def test_record_adds_a_figure_and_prints_counts_and_status(run, tmp_path):
    folder = tmp_path / "actuals"
    result = run("record", "2026", "share-pct", "５５％", "--source", "市民意識調査",
                 "--strategy", MINI, "--actuals", folder)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    first = result.stdout.splitlines()[0]
    assert first.endswith("/2026.yaml (2026年度 (R8)): 追加 1・変更 0・変更なし 0・未記入 6")
    assert "+ share-pct  55%  △ やや遅れ  [出典: 市民意識調査]" in result.stdout
    assert (folder / "2026.yaml").read_text(encoding="utf-8") == (
        HEAD + "share-pct:\n  value: 55\n  source: 市民意識調査\n"
    )


def test_record_in_english(run, tmp_path):
    result = run("record", "FY2026", "app-downloads", "2,500件", "--strategy", MINI,
                 "--actuals", tmp_path / "a", "--lang", "en")  # fmt: skip
    assert result.exit_code == 0
    assert "added 1, changed 0, unchanged 0, missing 6" in result.stdout
    assert "+ app-downloads  2,500件  △ behind" in result.stdout


def test_record_conflict_then_overwrite(run, tmp_path):
    folder = tmp_path / "actuals"
    run("record", "2026", "share-pct", "52", "--strategy", MINI, "--actuals", folder)
    result = run("record", "2026", "share-pct", "55", "--strategy", MINI, "--actuals", folder)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        f"{folder}/2026.yaml:2:1: share-pct: 記録済みの値と異なります — 実績値 55（記録済み 52）。"
        "置き換えるには --overwrite を付けてください [conflict]"
    )
    assert (folder / "2026.yaml").read_text(encoding="utf-8") == HEAD + "share-pct: 52\n"
    same = run("record", "2026", "share-pct", "52.0", "--strategy", MINI, "--actuals", folder)
    assert same.exit_code == 0 and "変更なし 1" in same.stdout and "変更はありません" in same.stdout
    result = run("record", "2026", "share-pct", "55", "--overwrite", "--strategy", MINI,
                 "--actuals", folder)  # fmt: skip
    assert result.exit_code == 0
    assert "~ share-pct  52 → 55%" in result.stdout
    assert (folder / "2026.yaml").read_text(encoding="utf-8") == HEAD + "share-pct: 55\n"


def test_record_dry_run_shows_a_diff_and_writes_nothing(run, tmp_path):
    folder = tmp_path / "actuals"
    result = run("record", "2026", "share-pct", "55", "--dry-run", "--strategy", MINI,
                 "--actuals", folder)  # fmt: skip
    assert result.exit_code == 0
    assert "--dry-run" in result.stdout and "+share-pct: 55\n" in result.stdout
    assert not folder.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["share-px", "5"],
            "pdca record: no KPI matches 'share-px'; did you mean: share-pct Share",
        ),
        (["share-pct", "120"], "a percentage must be within 0–100, got 120 [percentage-range]"),
        (["share-pct", "12人"], "the unit '人' does not match (its unit is '%') [wrong-unit]"),
        (["app-downloads", "1,23"], "digits are grouped in threes (174,275) [bad-number]"),
        (
            ["app-downloads", "△5"],
            "this KPI's figures cannot be negative, got -5件 [negative-value]",
        ),
        (["app-downloads", "集計中"], "'集計中' means no figure yet: nothing to record"),
    ],
)
def test_record_refuses_bad_arguments(run, tmp_path, args, message, english):
    result = run("record", "2026", *args, "--strategy", MINI, "--actuals", tmp_path / "a")
    assert result.exit_code == 2
    assert message in " ".join(result.stderr.split()), result.stderr
    assert not (tmp_path / "a").exists()


def test_record_takes_a_name_piece_like_show(run, tmp_path):
    """`pdca record 2027 子育てアプリ 31,300` finds the KPI `pdca show 子育てアプリ` finds: an
    id, or a unique piece of the Japanese or English name; ambiguous and unknown pieces are
    refused alike (exit 2, the candidates or the closest listed, nothing written)."""
    (tmp_path / "a").mkdir()
    mini = ("--strategy", MINI, "--actuals", tmp_path / "a")
    for piece in ("ダウンロード", "ｄｏｗｎｌｏａｄｓ (cumulative)", "app-downloads"):
        shown = run("show", piece, *mini, "--no-chart")
        assert shown.exit_code == 0 and "app-downloads" in shown.stdout
        recorded = run("record", "2026", piece, "2,500", *mini, "--dry-run")
        assert recorded.exit_code == 0, recorded.stderr
        assert "+ app-downloads  2,500件" in recorded.stdout
    recorded = run("record", "2026", "割合", "55", *mini)
    assert recorded.exit_code == 0 and "+ share-pct  55%" in recorded.stdout
    assert (tmp_path / "a" / "2026.yaml").read_text(encoding="utf-8") == HEAD + "share-pct: 55\n"
    for piece, first in (
        ("累計", "pdca {}: '累計' に当てはまる KPI が 2 件あります。id で指定してください:"),
        ("zzzzzz", "pdca {}: 'zzzzzz' に当てはまる KPI はありません"),
    ):
        shown, recorded = run("show", piece, *mini), run("record", "2026", piece, "1", *mini)
        assert shown.exit_code == recorded.exit_code == 2
        assert shown.stdout == recorded.stdout == ""
        assert shown.stderr.splitlines()[0] == first.format("show")
        assert recorded.stderr.splitlines()[0] == first.format("record")
        assert recorded.stderr.splitlines()[1:] == shown.stderr.splitlines()[1:]
    ambiguous = run("record", "2026", "累計", "1", *mini).stderr
    assert "  app-downloads  ダウンロード数（累計）" in ambiguous
    assert "  new-course-participants  講座参加者数（累計）" in ambiguous
    assert (tmp_path / "a" / "2026.yaml").read_text(encoding="utf-8") == HEAD + "share-pct: 55\n"


def test_new_file_header_in_chosen_language(run, tmp_path, monkeypatch):
    """A new actuals file's header comment is in the language of the command that made it
    (record and import; --lang or PDCA_LANG); an existing file's head is never rewritten."""
    mini = ("--strategy", MINI)
    run("record", "2026", "share-pct", "55", *mini, "--actuals", tmp_path / "ja")
    assert (tmp_path / "ja" / "2026.yaml").read_text(encoding="utf-8") == (HEAD + "share-pct: 55\n")
    run("record", "2026", "share-pct", "55", *mini, "--actuals", tmp_path / "en", "--lang", "en")
    assert (tmp_path / "en" / "2026.yaml").read_text(encoding="utf-8") == (
        HEAD_EN + "share-pct: 55\n"
    )
    sheet = tmp_path / "f.csv"
    sheet.write_text("id,value\nshare-pct,55\n", encoding="utf-8")
    monkeypatch.setenv("PDCA_LANG", "en")
    run("import", "2026", sheet, *mini, "--actuals", tmp_path / "imported")
    assert (tmp_path / "imported" / "2026.yaml").read_text(encoding="utf-8") == (
        HEAD_EN + "share-pct: 55\n"
    )
    # a later figure in the other language leaves the head as it is
    run("record", "2026", "app-downloads", "2000", *mini, "--actuals", tmp_path / "imported",
        "--lang", "ja")  # fmt: skip
    text = (tmp_path / "imported" / "2026.yaml").read_text(encoding="utf-8")
    assert text.startswith(HEAD_EN) and "KPI 実績" not in text


def test_record_never_writes_into_the_bundled_copy(run, tmp_path, monkeypatch, english):
    monkeypatch.chdir(tmp_path)  # no ./data here: the default would be the packaged data
    result = run("record", "2026", "total-fertility-rate", "1.3")
    assert result.exit_code == 2 and "never writes into its bundled copy" in result.stderr
    assert not any((DATA / "actuals").glob("*.yaml"))


def test_missing_groups_by_goal_and_policy(run, actuals_dir):
    folder = actuals_dir({2026: "share-pct: 55\napp-downloads: 2000\nfertility: 1.3\n"})
    result = run("missing", "2026", "--strategy", MINI, "--actuals", folder)
    assert result.exit_code == 0
    assert result.stdout == (
        "2026年度 (R8): 実績が未記入の KPI 4 件（全 7 件中）\n"
        "\n"
        "基本目標1  目標一\n"
        "  1-1 施策一\n"
        "    visitors-total           交流人口数 (R6～R10 の合計) [人]\n"
        "\n"
        "基本目標2  目標二\n"
        "  2-1 施策二\n"
        "    co2-emissions            排出量 [千t-CO₂]\n"
        "    satisfaction-floor       満足度 [%]\n"
        "    new-course-participants  講座参加者数（累計） [人]\n"
        "\n"
        "次: pdca template 2026 --missing -o 未提出.xlsx で未提出分だけの記入シートを作成\n"
    )
    assert run("missing", "2026", "--fail", "--strategy", MINI, "--actuals", folder).exit_code == 1


def test_missing_json_and_csv(run, actuals_dir, tmp_path):
    """`pdca missing --format json|csv`: the same KPIs as the table, JSON grouped by goal and
    policy (year, counts, titles as data), CSV a row per KPI with a BOM when written with
    -o (as check's CSV); the table ends with the next step."""
    import csv
    import io
    import json

    folder = actuals_dir({2026: "share-pct: 55\napp-downloads: 2000\nfertility: 1.3\n"})
    mini = ("--strategy", MINI, "--actuals", folder)
    table = run("missing", "2026", *mini).stdout
    assert table.endswith(
        "\n\n次: pdca template 2026 --missing -o 未提出.xlsx で未提出分だけの記入シートを作成\n"
    )
    english = run("missing", "2026", *mini, "--lang", "en").stdout
    assert english.splitlines()[-1] == (
        "Next: pdca template 2026 --missing -o missing.xlsx writes a sheet of only these KPIs"
    )
    result = run("missing", "2026", *mini, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == {
        "year": 2026,
        "missing": 4,
        "expected": 7,
        "goals": [
            {
                "number": 1,
                "title": "目標一",
                "title_en": "Goal one",
                "groups": [
                    {
                        "policy": "1-1",
                        "title": "施策一",
                        "title_en": "Policy one",
                        "kpis": [
                            {
                                "id": "visitors-total",
                                "name": "交流人口数 (R6～R10 の合計)",
                                "name_en": "Visitors (total FY2024–FY2028)",
                                "unit": "人",
                                "measures": ["1-1-2"],
                            }
                        ],
                    }
                ],
            },
            {
                "number": 2,
                "title": "目標二",
                "title_en": "Goal two",
                "groups": [
                    {
                        "policy": "2-1",
                        "title": "施策二",
                        "title_en": "Policy two",
                        "kpis": [
                            {"id": k, "name": n, "name_en": e, "unit": u, "measures": m}
                            for k, n, e, u, m in (
                                ("co2-emissions", "排出量", "Emissions", "千t-CO₂", ["2-1-1"]),
                                ("satisfaction-floor", "満足度", "Satisfaction", "%", ["2-1-1"]),
                                (
                                    "new-course-participants",
                                    "講座参加者数（累計）",
                                    "Course participants (cumulative)",
                                    "人",
                                    ["2-1-1"],
                                ),
                            )
                        ],
                    }
                ],
            },
        ],
    }
    piped = run("missing", "2026", *mini, "-f", "csv", "--fail")
    assert piped.exit_code == 1  # --fail holds whatever the format
    assert not piped.stdout.startswith("\ufeff")  # to stdout: no BOM unless --bom
    rows = list(csv.reader(io.StringIO(piped.stdout)))
    assert rows[0] == ["goal", "policy", "id", "name", "name_en", "unit", "measures"]
    assert [r[:3] for r in rows[1:]] == [
        ["1", "1-1", "visitors-total"],
        ["2", "2-1", "co2-emissions"],
        ["2", "2-1", "satisfaction-floor"],
        ["2", "2-1", "new-course-participants"],
    ]
    out = tmp_path / "未提出.csv"
    written = run("missing", "2026", *mini, "-f", "csv", "-o", out)
    assert written.exit_code == 0 and written.stdout == ""
    assert out.read_bytes().decode("utf-8") == "\ufeff" + piped.stdout  # a file: with a BOM
    assert run("missing", "2026", *mini, "-f", "csv", "--bom").stdout.startswith("\ufeff")
    bad = run("missing", "2026", *mini, "-f", "yaml")
    assert bad.exit_code == 2 and "yaml" in bad.stderr


def test_missing_json_escapes_what_a_terminal_would_act_on(run, tmp_path, actuals_dir):
    strategy = tmp_path / "s.yaml"
    strategy.write_text(
        MINI.read_text(encoding="utf-8").replace("name: 排出量", 'name: "排出\\u202e量"'),
        encoding="utf-8",
    )
    folder = actuals_dir({2026: "share-pct: 55\n"})
    text = run("missing", "2026", "-f", "json", "--strategy", strategy, "--actuals", folder).stdout
    assert "\u202e" not in text and "\\u202e" in text


def test_missing_skips_period_totals_outside_their_window(run, actuals_dir):
    folder = actuals_dir({2023: "share-pct: 51\n"})
    result = run("missing", "2023", "--lang", "en", "--strategy", MINI, "--actuals", folder)
    assert "visitors-total" not in result.stdout
    assert result.stdout.startswith("FY2023 (R5): 5 of 6 KPIs have no figure yet\n")
    assert "G1 numerical targets" not in result.stdout  # share-pct is recorded


def test_missing_with_everything_recorded_passes_fail(run, actuals_dir):
    figures = "".join(f"{k}: 1\n" for k in ["share-pct", "app-downloads", "visitors-total",
                                            "co2-emissions", "satisfaction-floor", "fertility",
                                            "new-course-participants"])  # fmt: skip
    folder = actuals_dir({2026: figures})
    result = run("missing", "2026", "--fail", "--strategy", MINI, "--actuals", folder)
    assert result.exit_code == 0 and "KPI 0 件" in result.stdout


# --- processes ---------------------------------------------------------------------------
# Real processes, forked from one parent that has imported (and, for record, run) pdca once:
# each starts at once, so twenty start together, and a kill can come at any moment of a
# write (an interpreter's start-up a process cost ~0.5 s each and left them staggered).

needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="forks processes (POSIX)")

RECORDERS = """
import os, sys
from kanazawa_pdca.cli import main

def run(args):
    sys.argv = ["pdca", *args]
    try:
        main()
    except SystemExit as exc:
        return exc.code or 0
    return 0

strategy, folder, ids = sys.argv[1], sys.argv[2], sys.argv[3:]
# once in the parent, writing nothing: every module `pdca record` imports is loaded
run(["record", "2026", ids[0], "1", "--strategy", strategy, "--actuals", folder, "--dry-run"])
gun_r, gun_w = os.pipe()
pids = []
for i, kpi_id in enumerate(ids):
    pid = os.fork()
    if pid == 0:
        os.close(gun_w)
        os.read(gun_r, 1)  # all wait here until the parent closes the pipe
        code = run(["record", "2026", kpi_id, str(i + 1), "--strategy", strategy,
                    "--actuals", folder, "--accept-outliers"])  # any figure will do here
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    pids.append(pid)
os.close(gun_r)
os.close(gun_w)  # the start
codes = [os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in pids]
print("exit codes", *codes, flush=True)
"""


@needs_fork
def test_twenty_concurrent_records_all_land(tmp_path):
    folder = tmp_path / "actuals"
    strategy = load_strategy(DATA / "strategy.yaml")
    ids = [k.id for k in strategy.kpis][:20]
    script = tmp_path / "recorders.py"
    script.write_text(RECORDERS, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script), str(DATA / "strategy.yaml"), str(folder), *ids],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "exit codes" + " 0" * 20, done.stderr
    actuals, _ = load_actuals(folder, strategy)
    assert {k: a.value for k, a in actuals.years[2026].items()} == {
        kpi_id: i + 1 for i, kpi_id in enumerate(ids)
    }
    # in strategy order, whatever order the processes landed in
    text = (folder / "2026.yaml").read_text(encoding="utf-8")
    assert text.startswith(HEAD)
    assert [line.split(":")[0] for line in text.splitlines()[1:]] == ids


KILLER = """
import os, sys
from decimal import Decimal
from pathlib import Path
from kanazawa_pdca.entry.writer import Figure, write_figures
from kanazawa_pdca.load import load_strategy

strategy = load_strategy(Path(sys.argv[1]))
folder = Path(sys.argv[2])
for line in sys.stdin:  # "go": fork a writer, print its pid; "reap": wait for it
    if line.strip() == "go":
        pid = os.fork()
        if pid == 0:  # write, alternating two values, until killed
            i = 0
            while True:
                i += 1
                write_figures(folder, 2026, strategy, [Figure("share-pct", Decimal(50 + i % 2))],
                              overwrite=True)
        print(pid, flush=True)
    else:
        os.waitpid(pid, 0)
        print("reaped", flush=True)
"""


@needs_fork
def test_a_writer_killed_at_any_moment_leaves_the_old_or_the_new_file(tmp_path):
    folder = tmp_path / "actuals"
    folder.mkdir()
    # a long comment makes each write take long enough to be killed in the middle
    padding = "".join(f"# padding line {i:06d} " + "x" * 60 + "\n" for i in range(300))
    versions = {padding + f"share-pct: {v}\n" for v in (50, 51)}
    (folder / "2026.yaml").write_text(padding + "share-pct: 50\n", encoding="utf-8")
    script = tmp_path / "killer.py"
    script.write_text(KILLER, encoding="utf-8")
    rng = random.Random(8)
    interrupted, kills = 0, 20
    with subprocess.Popen(
        [sys.executable, str(script), str(MINI), str(folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as parent:
        try:
            for _ in range(kills):
                parent.stdin.write("go\n")
                parent.stdin.flush()
                writer = int(parent.stdout.readline())
                time.sleep(rng.uniform(0.02, 0.25))
                os.kill(writer, signal.SIGKILL)
                parent.stdin.write("reap\n")
                parent.stdin.flush()
                assert parent.stdout.readline() == "reaped\n"
                text = (folder / "2026.yaml").read_text(encoding="utf-8")
                assert text in versions  # parses, and is either the old or the new content
                interrupted += any(folder.glob(".2026.yaml.*.tmp"))
        finally:
            parent.stdin.close()
    assert parent.returncode == 0
    print(f"killed with a temporary file in place: {interrupted} of {kills}")
    load_actuals(folder, load_strategy(MINI))  # still a valid actuals folder
    # the next write clears what a killed one left behind
    from decimal import Decimal

    from kanazawa_pdca.entry.writer import Figure, write_figures

    write_figures(folder, 2026, load_strategy(MINI), [Figure("app-downloads", Decimal(1))])
    assert sorted(p.name for p in folder.iterdir()) == ["2026.yaml"]


def test_record_outside_a_period_totals_window_is_a_warning(run, tmp_path, english):
    result = run("record", "2029", "visitors-total", "8000", "--strategy", MINI,
                 "--actuals", tmp_path / "a")  # fmt: skip
    assert result.exit_code == 0
    assert result.stderr == (
        "pdca: warning: visitors-total: a yearly figure for a 2024–2028 total, recorded for "
        "2029, outside that window [outside-period]\n"
    )
