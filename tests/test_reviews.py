"""The committee's review: loading, every error class with its exact location, overrides.

An override replaces the computed status everywhere: roll-ups, --fail-on and every format,
and it always shows as the committee's (✎ and the reason).
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import DATA, MINI, ROOT, position
from kanazawa_pdca.assess import assess
from kanazawa_pdca.diagnostics import InputError
from kanazawa_pdca.load import load_all, load_reviews, load_strategy, resolve_reviews
from kanazawa_pdca.trajectory import Status

VOCABULARY = """\
evaluation:
  thresholds: {on_track: 1.0, behind: 0.6}
  default_scale: true
  ratings:
    - {code: A, label: 順調, label_en: On course, meaning: 計画どおり}
    - {code: B, label: 概ね順調, label_en: Mostly, meaning: 概ね計画どおり}
  directions:
    - {code: 継続, label: 継続, label_en: Continue, meaning: 継続する}
    - {code: 改善, label: 改善, label_en: Improve, meaning: 見直す}
"""

# FY2026: app-downloads is off_track (0.05), co2-emissions regressing (see test_cli_check.py)
ACTUALS = {
    2025: "visitors-total: 10000\nshare-pct: 53\n",
    2026: "app-downloads: 1100\nco2-emissions: 3500\nsatisfaction-floor: 96\n",
}

GOOD = """\
goals:
  G1: {rating: A, analysis: よく進んだ, direction: 継続, plan: 続ける}
policies:
  1-1: {rating: B}
measures:
  1-1-1: {direction: 改善}
kpis:
  app-downloads:
    explanation: 周知が遅れた
    override: {status: on-track, reason: 年度末に急増した}
  co2-emissions:
    explanation: 寒い冬だった
  share-pct:
    override: {status: off_track, reason: 調査方法が変わった}
"""


@pytest.fixture
def strategy_file(tmp_path) -> Path:
    text = MINI.read_text(encoding="utf-8")
    start = text.index("evaluation:")
    end = text.index("goals:")
    path = tmp_path / "strategy.yaml"
    path.write_text(text[:start] + VOCABULARY + text[end:], encoding="utf-8")
    return path


@pytest.fixture
def folders(tmp_path):
    actuals = tmp_path / "actuals"
    actuals.mkdir()
    for year, text in ACTUALS.items():
        (actuals / f"{year}.yaml").write_text(text, encoding="utf-8")
    reviews = tmp_path / "reviews"
    reviews.mkdir()

    def _write(text: str, name: str = "2026.yaml") -> Path:
        (reviews / name).write_text(text, encoding="utf-8")
        return reviews

    return actuals, _write


def _diagnostics(strategy_file, reviews: Path) -> list[str]:
    with pytest.raises(InputError) as info:
        load_reviews(reviews, load_strategy(strategy_file))
    return [str(d) for d in info.value.diagnostics]


# --- loading and errors ------------------------------------------------------------------


def test_a_good_review_loads(strategy_file, folders):
    _, write = folders
    reviews = load_reviews(write(GOOD), load_strategy(strategy_file))
    review = reviews.get(2026)
    assert review is not None and not review.fictional
    assert review.group("G1").rating == "A"
    assert review.group("1-1").rating == "B"
    assert review.group("1-1-1").direction == "改善"
    assert review.override("app-downloads") == (Status.ON_TRACK, "年度末に急増した")
    assert review.override("co2-emissions") is None
    assert review.explanation("co2-emissions") == "寒い冬だった"


ERRORS = [
    # (review text, needle where the error is, occurrence, code, message fragment)
    ("goals:\n  G9: {rating: A}\n", "G9", 1, "unknown-goal", "unknown goal code (G1…) 'G9'"),
    ("policies:\n  1-7: {rating: A}\n", "1-7", 1, "unknown-policy", "'1-7'"),
    ("measures:\n  1-1-9: {rating: A}\n", "1-1-9", 1, "unknown-measure", "'1-1-9'"),
    (
        "kpis:\n  app-downloadz: {explanation: x}\n",
        "app-downloadz",
        1,
        "unknown-kpi",
        "unknown KPI id 'app-downloadz' (did you mean 'app-downloads'?)",
    ),
    (
        "goals:\n  G1: {rating: Z}\n",
        "Z",
        1,
        "unknown-rating",
        "goals.G1.rating: 'Z' is not in the strategy's evaluation.ratings (A, B)",
    ),
    (
        "measures:\n  1-1-1: {direction: 拡大}\n",
        "拡大",
        1,
        "unknown-direction",
        "measures.1-1-1.direction: '拡大' is not in the strategy's evaluation.directions (継続, 改善)",
    ),
    (
        "kpis:\n  app-downloads:\n    override: {status: on_track}\n",
        "override",
        1,
        "override-without-reason",
        "kpis.app-downloads.override: the committee's reason is required",
    ),
    (
        "kpis:\n  app-downloads:\n    override: {status: on_track, reason: '  '}\n",
        "'  '",
        1,
        "override-without-reason",
        "the committee's reason is required",
    ),
    (
        "kpis:\n  app-downloads:\n    override: {status: great, reason: r}\n",
        "great",
        1,
        "unknown-status",
        "kpis.app-downloads.override.status: 'great' is not a status an override can set",
    ),
    (
        "kpis:\n  app-downloads:\n    override: {status: no_data, reason: r}\n",
        "no_data",
        1,
        "unknown-status",
        "'no_data' is not a status an override can set",
    ),
    ("goals:\n  G1: {rating: 3}\n", "3", 1, "wrong-type", "goals.G1.rating"),
    ("goals:\n  G1: {score: A}\n", "score", 1, "unknown-field", "goals.G1.score: unknown field"),
    ("grades: {}\n", "grades", 1, "unknown-field", "grades: unknown field"),
    ("fictional: yes please\n", "yes please", 1, "wrong-type", "fictional"),
    ("goals: [G1]\n", "[G1]", 1, "wrong-type", "goals"),
    (
        "kpis:\n  app-downloads: {explanation: a}\n  app-downloads: {explanation: b}\n",
        "app-downloads",
        2,
        "duplicate-key",
        "duplicate key 'app-downloads' (first defined at line 2)",
    ),
    ("goals:\n  G1: rating: A\n", ": A", 1, "yaml-syntax", "malformed YAML"),
]


@pytest.mark.parametrize(("text", "needle", "nth", "code", "fragment"), ERRORS)
def test_every_error_is_located(strategy_file, folders, text, needle, nth, code, fragment):
    _, write = folders
    reviews = write(text)
    found = _diagnostics(strategy_file, reviews)
    line, column = position(text, needle, nth)
    matching = [d for d in found if d.endswith(f"[{code}]")]
    assert matching, found
    path = reviews / "2026.yaml"
    if code == "yaml-syntax":  # the parser's own position: somewhere on the broken line
        assert matching[0].startswith(f"{path}:{line}:"), found
    else:
        assert matching[0].startswith(f"{path}:{line}:{column}: "), found
    assert fragment in matching[0], found


def test_every_problem_is_reported_at_once(strategy_file, folders):
    _, write = folders
    text = "goals:\n  G9: {rating: A}\n  G1: {rating: Z, direction: 止める}\n"
    found = _diagnostics(strategy_file, write(text))
    assert [d.rsplit("[", 1)[1] for d in found] == [
        "unknown-goal]",
        "unknown-rating]",
        "unknown-direction]",
    ]


def test_file_names_and_folders(strategy_file, folders, tmp_path):
    _, write = folders
    reviews = write("", name="review-2026.yaml")
    found = _diagnostics(strategy_file, reviews)
    assert found == [
        f"{reviews / 'review-2026.yaml'}: a review file is named after its fiscal year, "
        "like 2026.yaml (got 'review-2026.yaml') [file-name]"
    ]
    missing = tmp_path / "nowhere"
    with pytest.raises(InputError) as info:
        load_reviews(missing, None)
    assert str(info.value) == f"{missing}: no such directory [no-reviews-dir]"
    assert load_reviews(missing, None, required=False).years == {}


def test_an_empty_file_is_an_empty_review(strategy_file, folders):
    _, write = folders
    assert load_reviews(write("# nothing yet\n"), load_strategy(strategy_file)).get(2026)


def test_where_reviews_are_read_from(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PDCA_REVIEWS", raising=False)
    assert resolve_reviews(tmp_path / "x") == (tmp_path / "x", True)
    folder, named = resolve_reviews()
    assert not named and folder.name == "reviews" and folder.parent.name in ("data", "_data")
    (tmp_path / "data" / "reviews").mkdir(parents=True)
    assert resolve_reviews() == (Path("data") / "reviews", False)
    monkeypatch.setenv("PDCA_REVIEWS", "elsewhere")
    assert resolve_reviews() == (Path("elsewhere"), True)


def test_bundled_reviews_folder_is_empty_but_documented():
    folder = DATA / "reviews"
    assert sorted(p.name for p in folder.iterdir()) == ["README.md"]
    text = " ".join((folder / "README.md").read_text(encoding="utf-8").split())
    assert "default, not the city's" in text


def test_the_default_scale_says_it_is_a_default():
    text = (DATA / "strategy.yaml").read_text(encoding="utf-8")
    assert "DEFAULT SCALE, NOT THE CITY'S" in text
    strategy = load_strategy(DATA / "strategy.yaml")
    assert strategy.evaluation.default_scale is True
    assert [t.code for t in strategy.evaluation.ratings] == ["A", "B", "C", "D"]
    assert len(strategy.evaluation.directions) >= 3


def test_duplicate_vocabulary_codes_are_refused(strategy_file):
    text = strategy_file.read_text(encoding="utf-8").replace("code: B,", "code: A,")
    strategy_file.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_strategy(strategy_file)
    line, column = position(text, "code: A,", 2)
    assert [str(d) for d in info.value.diagnostics] == [
        f"{strategy_file}:{line}:{column + 6}: evaluation.ratings: code 'A' is defined twice "
        "[duplicate-code]"
    ]


# --- the override, everywhere ------------------------------------------------------------


@pytest.fixture
def reviewed(strategy_file, folders):
    actuals, write = folders
    reviews = write(GOOD)
    return [
        "--strategy",
        str(strategy_file),
        "--actuals",
        str(actuals),
        "--reviews",
        str(reviews),
    ]


def test_override_replaces_the_status_in_the_report_object(strategy_file, folders):
    actuals, write = folders
    s, a, _ = load_all(strategy_file, actuals)
    review = load_reviews(write(GOOD), s).get(2026)
    plain = assess(s, a, 2026)
    report = assess(s, a, 2026, review=review)
    before, after = plain.result("app-downloads"), report.result("app-downloads")
    assert before.status is Status.OFF_TRACK and before.override is None
    assert after.status is Status.ON_TRACK
    assert after.computed_status is Status.OFF_TRACK
    assert after.override.reason == "年度末に急増した"
    assert after.explanation == "周知が遅れた"
    assert report.result("co2-emissions").computed_status is Status.REGRESSING
    assert report.result("share-pct").computed_status is Status.BEHIND
    # the roll-ups count the committee's status: off_track −1 +1, on_track +1, behind −1
    assert plain.summary[Status.OFF_TRACK] == report.summary[Status.OFF_TRACK]
    assert plain.summary[Status.ON_TRACK] + 1 == report.summary[Status.ON_TRACK]
    assert plain.summary[Status.BEHIND] - 1 == report.summary[Status.BEHIND]
    g1 = report.goals[0]
    assert g1.counts[Status.ON_TRACK] == plain.goals[0].counts[Status.ON_TRACK] + 1
    assert [r.kpi.id for r in report.overridden] == ["share-pct", "app-downloads"]


def test_json_has_computed_status_and_override(run, reviewed):
    result = run("check", "2026", *reviewed, "--format", "json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    kpi = next(k for k in doc["kpis"] if k["id"] == "app-downloads")
    assert kpi["status"] == "on_track"
    assert kpi["computed_status"] == "off_track"
    assert kpi["override"] == {"status": "on_track", "reason": "年度末に急増した"}
    assert kpi["explanation"] == "周知が遅れた"
    other = next(k for k in doc["kpis"] if k["id"] == "co2-emissions")
    assert other["override"] is None and other["computed_status"] == other["status"]
    assert doc["summary"]["on_track"] == 1 and doc["summary"]["off_track"] == 1


def test_fail_on_sees_the_committee_status(run, reviewed, strategy_file, folders):
    actuals, _ = folders
    plain = run("check", "2026", "--strategy", strategy_file, "--actuals", actuals,
                "--reviews", actuals.parent / "none-here", "--fail-on", "off-track")  # fmt: skip
    assert plain.exit_code == 2  # a named reviews folder must exist
    result = run("check", "2026", *reviewed, "--fail-on", "off-track", "--lang", "en")
    assert result.exit_code == 1
    assert "app-downloads" not in result.stderr.split("off-track:")[1]
    assert "co2-emissions" in result.stderr


def test_every_format_shows_the_override_as_the_committees(run, reviewed):
    def out(fmt: str) -> str:
        result = run("check", "2026", *reviewed, "--format", fmt)
        assert result.exit_code == 0, result.stderr
        return result.stdout

    table = out("table")
    assert "○ 順調 ✎" in table
    assert "app-downloads): ✎ 委員会判断: 年度末に急増した（計算上: × 遅れ）" in table
    md = out("markdown")
    assert "| ○ 順調 ✎ | 件数" in md or "○ 順調 ✎ |" in md
    assert "✎ 委員会判断: 年度末に急増した（計算上: × 遅れ）" in md
    rows = list(csv.DictReader(io.StringIO(out("csv"))))
    row = next(r for r in rows if r["id"] == "app-downloads")
    assert (row["status"], row["computed_status"], row["override_reason"]) == (
        "on_track",
        "off_track",
        "年度末に急増した",
    )
    github = out("github")
    assert "割合 (share-pct): 遅れ ✎" in github
    assert "✎ 委員会判断: 調査方法が変わった（計算上: △ やや遅れ）" in github
    junit = ET.fromstring(out("junit"))
    cases = {c.get("name").split()[0]: c for c in junit.iter("testcase")}
    assert cases["app-downloads"].find("failure") is None  # on_track now passes
    # … and says it is the committee's doing
    assert "✎ 委員会判断: 年度末に急増した（計算上: × 遅れ）" in cases["app-downloads"].findtext(
        "system-out"
    )
    failure = cases["share-pct"].find("failure").text
    assert failure.count("委員会判断") == 1
    assert "\n✎ 委員会判断: 調査方法が変わった（計算上: △ やや遅れ）\n" in failure
    book = Path(reviewed[-1]).parent / "check.xlsx"
    assert run("check", "2026", *reviewed, "--format", "xlsx", "-o", book).exit_code == 0
    from openpyxl import load_workbook

    cells = [c.value for ws in load_workbook(book) for row in ws.iter_rows() for c in row]
    assert "○ 順調 ✎" in cells
    assert "✎ 委員会判断: 年度末に急増した（計算上: × 遅れ）" in cells
    english = run("check", "2026", *reviewed, "--format", "markdown", "--lang", "en").stdout
    assert "✎ committee's status: 年度末に急増した (computed: × off track)" in english


def test_validate_covers_reviews(run, reviewed, strategy_file, folders):
    result = run("validate", *reviewed, "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[-1].endswith(": ok — 1 review (2026)")
    actuals, write = folders
    reviews = write("goals:\n  G1: {rating: Z}\n")
    bad = run(
        "validate",
        *("--strategy", strategy_file, "--actuals", actuals, "--reviews", reviews, "--lang", "en"),
    )
    assert bad.exit_code == 2
    line, column = position("goals:\n  G1: {rating: Z}\n", "Z")
    assert bad.stderr.startswith(f"{reviews / '2026.yaml'}:{line}:{column}: ")
    assert "Traceback" not in bad.stderr


def test_reviews_are_checked_even_when_the_actuals_are_broken(run, strategy_file, folders):
    actuals, write = folders
    (actuals / "2024.yaml").write_text("nope: 1\n", encoding="utf-8")
    reviews = write("goals:\n  G9: {}\n")
    result = run(
        "validate", "--strategy", strategy_file, "--actuals", actuals, "--reviews", reviews
    )
    assert result.exit_code == 2
    codes = [line.rsplit("[", 1)[-1] for line in result.stderr.splitlines()[:-1]]
    assert codes == ["unknown-kpi]", "unknown-goal]"]


# --- the demo ----------------------------------------------------------------------------


DEMO_REVIEWS = ROOT / "examples" / "demo-reviews"


def test_demo_review_is_valid_and_marked_fictional(run):
    result = run("validate", "--actuals", ROOT / "examples" / "demo-actuals", "--reviews",
                 DEMO_REVIEWS)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    s = load_strategy(DATA / "strategy.yaml")
    review = load_reviews(DEMO_REVIEWS, s).get(2026)
    assert review.fictional is True
    assert "FICTIONAL" in (DEMO_REVIEWS / "2026.yaml").read_text(encoding="utf-8")
    assert any(k.override for k in review.kpis.values())


def test_demo_actuals_are_marked_fictional():
    s, a, _ = load_all(DATA / "strategy.yaml", ROOT / "examples" / "demo-actuals")
    assert a.fictional == {2024, 2025, 2026}
    assert assess(s, a, 2026).fictional is True
    real, _, _ = load_all(DATA / "strategy.yaml", DATA / "actuals")[1], None, None
    assert real.fictional == set()


def test_fictional_must_be_a_boolean_in_actuals(tmp_path):
    folder = tmp_path / "actuals"
    folder.mkdir()
    (folder / "2026.yaml").write_text("fictional: maybe\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_all(MINI, folder)
    assert [str(d) for d in info.value.diagnostics] == [
        f"{folder / '2026.yaml'}:1:12: fictional: expected true or false, got 'maybe' [wrong-type]"
    ]
