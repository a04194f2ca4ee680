"""model/: one module per file kind, and the imports between them run one way (no
circle, counting imports made only for type checking): figures <- strategy <- checks
<- actuals, reviews. Nothing in model/ imports the loader, a format or the CLI; the checks
import only i18n's Phrase (the words their messages quote), and i18n nothing of model/."""

from __future__ import annotations

import ast
from pathlib import Path

MODEL = Path(__file__).resolve().parent.parent / "kanazawa_pdca" / "model"


def _imports(path: Path) -> set[str]:
    """The package modules a module of model/ imports, as 'model.x' or 'x' (above it)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = "" if node.level == 1 else "../"
            if node.module:
                found.add(base + node.module.split(".")[0])
            else:
                found.update(base + alias.name for alias in node.names)
    return found


def test_the_model_modules_import_one_way():
    graph = {p.stem: _imports(p) for p in MODEL.glob("*.py") if p.stem != "__init__"}
    assert graph == {
        "figures": set(),
        "strategy": {"figures"},
        "checks": {"strategy", "../i18n"},
        "actuals": {"checks", "figures", "strategy", "../i18n"},
        "reviews": {"checks", "strategy", "../trajectory", "../i18n"},
    }


def test_i18n_imports_nothing_of_the_model():
    """The checks' problems carry catalogue Phrases (i18n), so i18n stays below model/."""
    i18n = MODEL.parent / "i18n"
    for path in i18n.glob("*.py"):
        assert not any(m.startswith("../model") for m in _imports(path)), path
