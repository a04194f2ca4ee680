"""The layers of docs/architecture.md, read from the source: every import of the package
(at a module's top or inside a function, where most of pdca's are) points down the
layers; no view imports another view (what two share lives in present/); nothing but
`__main__` imports the CLI; and no two modules import each other, however indirectly."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "kanazawa_pdca"

# the top-level module or package -> its layer (higher imports lower, never the reverse)
LAYERS = {
    "__main__": 6,
    "cli": 6,
    "options": 6,
    "formats": 5,
    "report": 5,
    "entry": 5,
    "present": 4,
    "assess": 3,
    "compare": 3,
    "history": 3,
    "outlook": 3,
    "load": 2,
    "fastyaml": 2,
    "guard": 2,
    "model": 2,
    "schema": 2,
    "output": 2,
    "i18n": 1,
    "diagnostics": 1,
    "years": 1,
    "trajectory": 1,
}
VIEWS = {"formats", "report", "entry"}


def _modules() -> dict[str, Path]:
    """'cli.check', 'load', 'report' (a package's __init__) … -> its file."""
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if parts:
            found[".".join(parts)] = path
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        targets = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(a.name.removeprefix("kanazawa_pdca.") for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:  # from .x import y, from .. import y
                    base = package[: len(package) - node.level + 1]
                    module = ".".join(base + ([node.module] if node.module else []))
                elif (node.module or "").startswith("kanazawa_pdca."):
                    module = node.module.removeprefix("kanazawa_pdca.")
                else:
                    continue
                for alias in node.names:  # y may be a module of its own
                    below = f"{module}.{alias.name}" if module else alias.name
                    targets.add(below if below in modules else module)
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def _top(name: str) -> str:
    return name.split(".")[0]


def test_every_module_has_a_layer():
    assert {_top(m) for m in _modules()} <= set(LAYERS)


def test_imports_point_down_the_layers():
    up = [
        f"{a} -> {b}"
        for a, targets in _graph().items()
        for b in targets
        if LAYERS[_top(b)] > LAYERS[_top(a)]
    ]
    assert up == []


def test_no_view_imports_another_view():
    sideways = [
        f"{a} -> {b}"
        for a, targets in _graph().items()
        for b in targets
        if _top(a) in VIEWS and _top(b) in VIEWS and _top(a) != _top(b)
    ]
    assert sideways == []


def test_nothing_imports_the_cli():
    importers = {a for a, targets in _graph().items() for b in targets if _top(b) == "cli"}
    assert {a for a in importers if _top(a) != "cli"} == {"__main__"}


def test_no_import_circle():
    graph = _graph()
    circles = []
    for start in sorted(graph):
        seen, stack = set(), [start]
        while stack:  # every module `start` reaches; a circle if it reaches itself
            for b in graph[stack.pop()]:
                if b == start:
                    circles.append(start)
                    stack = []
                    break
                if b not in seen:
                    seen.add(b)
                    stack.append(b)
    assert circles == []


def _texts_by_language(tree: ast.AST) -> list[int]:
    """Lines of dict literals keyed 'ja' and 'en' whose values are words (str or lists of
    str); layout numbers per language (widths) are not words."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Dict):
            continue
        keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
        if not {"ja", "en"} <= keys:
            continue
        words = [
            v
            for v in node.values
            if (isinstance(v, ast.Constant) and isinstance(v.value, str))
            or isinstance(v, (ast.JoinedStr, ast.List, ast.Tuple))
        ]
        if words:
            found.append(node.lineno)
    return found


def test_words_live_in_the_catalogue():
    """Every word pdca writes in Japanese and English is in i18n/ (labels, catalogue, help),
    asked for by key: no {"ja": …, "en": …} table of words anywhere else."""
    outside = {
        f"{path.relative_to(PACKAGE)}:{line}"
        for path in PACKAGE.rglob("*.py")
        if "i18n" not in path.relative_to(PACKAGE).parts
        for line in _texts_by_language(ast.parse(path.read_text(encoding="utf-8")))
    }
    assert not outside
