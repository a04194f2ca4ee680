"""YAML files -> validated models, or every problem as FILE:LINE:COL diagnostics.

Two paths through a file:
- fast: libyaml's C parser driven by `fastyaml` (ruamel.yaml's C safe loader for what
  it declines), pydantic, the cross-checks. Good files end here.
- diagnose: only when something is wrong. The file is composed again with the pure
  parser, which keeps every node's mark; duplicate keys are found on the node tree
  (all of them, not just the first), and every pydantic error and cross-check problem
  is placed at the node its path names.
"""

from __future__ import annotations

import gc
import math
import os
import re
from collections.abc import Hashable
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .diagnostics import Diagnostic, InputError, Location, located
from .i18n.messages import Lang, Phrase, plural, table
from .model.actuals import Actual, ActualsSet, check_series, check_year
from .model.checks import Problem, cross_check
from .model.reviews import Review, ReviewSet, check_review
from .model.strategy import Strategy

STRATEGY_ENV = "PDCA_STRATEGY"
ACTUALS_ENV = "PDCA_ACTUALS"
REVIEWS_ENV = "PDCA_REVIEWS"
FICTIONAL = "fictional"  # the top-level key that marks invented (demo) data
YEAR_FILE = re.compile(r"^(\d{4})\.ya?ml$")

KeyPath = tuple[Hashable, ...]


# --- where the data is ------------------------------------------------------------------


def packaged_data_dir() -> Path:
    """The data shipped with the program: inside the wheel, or the checkout's data/."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_data", here.parent / "data"):
        if (candidate / "strategy.yaml").is_file():
            return candidate
    return here / "_data"


def resolve_strategy(option: Path | None = None) -> Path:
    """--strategy, else $PDCA_STRATEGY, else ./data/strategy.yaml, else the packaged copy."""
    if option is not None:
        return option
    if os.environ.get(STRATEGY_ENV):
        return Path(os.environ[STRATEGY_ENV])
    local = Path("data") / "strategy.yaml"
    if local.is_file():
        return local
    return packaged_data_dir() / "strategy.yaml"


def resolve_actuals(option: Path | None = None) -> tuple[Path, bool]:
    """--actuals, else $PDCA_ACTUALS, else ./data/actuals, else the packaged copy.

    Returns the folder and whether the user named it (a named folder must exist).
    """
    return _resolve_folder(option, ACTUALS_ENV, "actuals")


def resolve_reviews(option: Path | None = None) -> tuple[Path, bool]:
    """--reviews, else $PDCA_REVIEWS, else ./data/reviews, else the packaged copy.

    Returns the folder and whether the user named it (a named folder must exist).
    """
    return _resolve_folder(option, REVIEWS_ENV, "reviews")


def _resolve_folder(option: Path | None, env: str, name: str) -> tuple[Path, bool]:
    if option is not None:
        return option, True
    if os.environ.get(env):
        return Path(os.environ[env]), True
    local = Path("data") / name
    if local.is_dir():
        return local, False
    return packaged_data_dir() / name, False


def display_name(path: Path) -> str:
    """A path as shown in messages: relative to the working directory when below it."""
    try:
        cwd = Path.cwd().resolve()
        if cwd.parent == cwd:  # at the file system's root a relative path only confuses
            return str(path.resolve())
        return str(path.resolve().relative_to(cwd))
    except (ValueError, OSError, RuntimeError):  # elsewhere, or a loop of symbolic links
        return str(path)


# --- YAML -------------------------------------------------------------------------------


def _plain_data(text: str, *, figures: bool = False) -> Any:
    """The document as plain data, the fast way: `fastyaml`, and for what it declines
    (anchors, tags, timestamps, syntax errors, …) ruamel.yaml's C safe loader (refusing
    merge keys, and aliases that expand out of bounds), whose errors reach the caller.

    The garbage collector is paused meanwhile: building a large document creates
    objects and no garbage, and the collector's passes over them were half the time.

    `figures`: the text is an actuals file, whose numbers must be decimals as a person
    writes them (DESIGN: `0x10`, `0b11`, `1_000`, `1e3` are errors): the fallback refuses
    any other number form (the diagnosing path, `Located(figures=True)`, then locates it).
    """
    from . import fastyaml

    with gc_paused():
        data = fastyaml.load(text)
        if data is fastyaml.DECLINED:
            _check_aliases(text)
            data = _ruamel_safe(figures=figures).load(text)
    return data


# a number as a person writes it: digits, a sign, a decimal point (no 0x, 0b, 0o, _, e)
DECIMAL_FORM = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")


def number_form_problem(text: str, value: Any):
    """guard.BadScalar `number-form` for a plain int or float not written as a decimal
    (`.inf` and `.nan` are left to the `not-finite` check), else None."""
    from .guard import BadScalar

    if DECIMAL_FORM.fullmatch(text) or (isinstance(value, float) and not math.isfinite(value)):
        return None
    from decimal import Decimal

    decimal = format(Decimal(value) if isinstance(value, int) else Decimal(repr(value)), "f")
    if decimal.endswith(".0"):
        decimal = decimal[:-2]
    variant = "long" if len(decimal) > 24 else None  # 1e308: no 309 digits to copy
    return BadScalar("number-form", variant, value=text, decimal=decimal)


@contextmanager
def gc_paused():
    """No garbage collection inside (parsing and validating allocate, but free nothing)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _ruamel_safe(*, figures: bool = False):
    from ruamel.yaml import YAML
    from ruamel.yaml.resolver import VersionedResolver

    class Resolver(VersionedResolver):
        """ruamel looks the YAML version up again for every scalar, through two caught
        AttributeErrors (a third of the load time); it cannot change within a document."""

        _version = None

        @property
        def processing_version(self):
            if self._version is None:
                self._version = VersionedResolver.processing_version.fget(self)
            return self._version

    yaml = YAML(typ="safe")  # the C parser when ruamel.yaml.clib is installed
    yaml.Resolver = Resolver
    yaml.Constructor = _no_merge_constructor(figures=figures)
    return yaml


def _no_merge_constructor(*, figures: bool = False):
    """The safe constructor, refusing merge keys (`<<`) as the diagnosing path does, and
    with `figures` numbers not written as decimals (`number_form_problem`)."""
    from ruamel.yaml.constructor import ConstructorError, SafeConstructor

    from .guard import MERGE_TAG
    from .i18n.messages import text as message

    class NoMergeConstructor(SafeConstructor):
        def flatten_mapping(self, node):
            for key_node, _ in node.value:
                if key_node.tag == MERGE_TAG:
                    reason = message("merge-key", Lang.en)
                    raise ConstructorError(None, None, reason, key_node.start_mark)

    if not figures:
        return NoMergeConstructor

    class DecimalsConstructor(NoMergeConstructor):
        def _checked(self, node, value):
            if number_form_problem(node.value, value) is not None:
                reason = f"{node.value} is not written as a decimal"
                raise ConstructorError(None, None, reason, node.start_mark)
            return value

        def construct_yaml_int(self, node):
            return self._checked(node, super().construct_yaml_int(node))

        def construct_yaml_float(self, node):
            return self._checked(node, super().construct_yaml_float(node))

    DecimalsConstructor.add_constructor(
        "tag:yaml.org,2002:int", DecimalsConstructor.construct_yaml_int
    )
    DecimalsConstructor.add_constructor(
        "tag:yaml.org,2002:float", DecimalsConstructor.construct_yaml_float
    )
    return DecimalsConstructor


# an alias (`*name`) after a blank, `[`, `{`, `,` or at a line's start: only a text that
# may hold one pays for the check of alias expansion before it is loaded
_ALIAS = re.compile(r"(?:^|[\s\[{,])\*[^\s,\[\]{}]", re.M)


def _check_aliases(text: str) -> None:
    """Raise ValueError, before ruamel composes a file the fast lane declined, when it
    nests too deep (ruamel's C composer would overflow the C stack: a crash) or when its
    aliases expand out of bounds (billion laughs: ruamel's constructor and pydantic would
    expand them). The diagnosing path then says what and where."""
    from .guard import check_depth, check_graph

    if check_depth("", text):
        raise ValueError("nested too deep")
    if _ALIAS.search(text):
        from ruamel.yaml import YAML

        try:
            root = YAML(typ="safe").compose(text)
        except Exception:
            root = None  # the load below fails too, and the diagnosis says why
        if root is not None and check_graph("", root):
            raise ValueError("aliases out of bounds")


def _read(path: Path) -> str:
    return _decode(path, _read_bytes(path))


def _read_bytes(path: Path) -> bytes:
    """A regular file's bytes, within the size limit (see guard.read_bytes)."""
    from .guard import read_bytes

    return read_bytes(path, display_name(path))


def _decode(path: Path, data: bytes) -> str:
    name = display_name(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError([located(name, "encoding", line, col)]) from None


def _compose(text: str):
    """The node tree of a document, with marks: (the YAML object, the root node).

    The C parser composes 7x faster; on a syntax error the pure parser composes again,
    for its clearer message (it names the tab, for one), and raises it. A duplicate
    anchor, which only the C parser refuses, is raised as the C parser found it.
    """
    import warnings

    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError

    fast = YAML(typ="safe")
    try:
        return fast, fast.compose(text)
    except MarkedYAMLError as exc:
        if "duplicate anchor" in str(exc.context or ""):
            raise
        pure = YAML(typ="safe", pure=True)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # never a raw ruamel warning on stderr
            return pure, pure.compose(text)


class Located:
    """A YAML document rebuilt from its node tree, with the marks of every node.

    `broken` is set when the document could not be read at all (bad characters, a
    syntax error, aliases out of bounds): `diagnostics` then say why and `data` is None.
    A node that cannot be read (a bad tag, `!!int abc`, a merge key) gets a diagnostic
    and its path is `covered`, so no second error is reported below it.
    """

    def __init__(self, file: str, text: str, *, figures: bool = False):
        from . import guard

        self.file = file
        self.figures = figures  # an actuals file: numbers must be written as decimals
        self.data: Any = None
        self.diagnostics: list[Diagnostic] = []
        self.broken = False
        self.bad: set[KeyPath] = set()  # paths that already have a diagnostic
        # path -> (line, column) of the key, and of the value
        self.marks: dict[KeyPath, tuple[tuple[int, int], tuple[int, int]]] = {}
        self.marks[()] = ((1, 1), (1, 1))
        self.containers: set[KeyPath] = set()  # paths of mappings and sequences
        self.diagnostics = guard.scan_text(file, text) or guard.check_depth(file, text)
        root = self._root(text) if not self.diagnostics else None
        if not self.diagnostics and root is not None:
            self.diagnostics = guard.check_graph(file, root)
        if self.diagnostics:
            self.broken = True
            return
        if root is not None:
            here = (root.start_mark.line + 1, root.start_mark.column + 1)
            self.marks[()] = (here, here)
            self.data = self._build(root, ())

    def _root(self, text: str):
        from ruamel.yaml.error import MarkedYAMLError, YAMLError

        from .guard import syntax_error

        try:
            yaml, root = _compose(text)
        except MarkedYAMLError as exc:
            self.diagnostics.append(syntax_error(self.file, text, exc))
            return None
        except (YAMLError, RecursionError, ValueError, AssertionError) as exc:
            detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            self.diagnostics.append(located(self.file, "yaml-syntax", detail=detail))
            return None
        self._constructor = yaml.constructor
        return root

    def covered(self, path: KeyPath) -> bool:
        """Whether a diagnostic was already given at `path` or above it."""
        return any(path[:n] in self.bad for n in range(len(path) + 1))

    def _flag(self, path: KeyPath, node, problem) -> None:
        """A node that cannot be read (`problem`: a guard.BadScalar) at its mark."""
        mark = node.start_mark
        self.diagnostics.append(
            Diagnostic(
                Location(self.file, mark.line + 1, mark.column + 1),
                problem.code,
                problem.values,
                variant=problem.variant,
            )
        )
        self.bad.add(path)

    def _build(self, node, path: KeyPath) -> Any:
        from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

        from .guard import BadScalar, construct_scalar, tag_problem

        if not isinstance(node, ScalarNode) and (problem := tag_problem(node)):
            self._flag(path, node, problem)
            return None
        if isinstance(node, MappingNode | SequenceNode):
            self.containers.add(path)
        if isinstance(node, MappingNode):
            out: dict = {}
            first: dict = {}
            for key_node, value_node in node.value:
                key_mark = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                if isinstance(key_node, ScalarNode) and (problem := tag_problem(key_node)):
                    self._flag(path, key_node, problem)  # a merge key, a bad tag
                    continue
                if not isinstance(key_node, ScalarNode):
                    self.diagnostics.append(located(self.file, "bad-key", *key_mark))
                    continue
                try:
                    key = construct_scalar(self._constructor, key_node)
                except BadScalar as exc:
                    self._flag(path, key_node, exc)
                    continue
                if key in first:
                    self.diagnostics.append(
                        located(
                            self.file,
                            "duplicate-key",
                            *key_mark,
                            key=_short(key),
                            first=first[key][0],
                        )
                    )
                    continue
                first[key] = key_mark
                value_mark = (value_node.start_mark.line + 1, value_node.start_mark.column + 1)
                if value_node.tag.endswith(":null") and not value_node.value:
                    value_mark = key_mark  # `key:` with nothing after it
                self.marks[(*path, key)] = (key_mark, value_mark)
                out[key] = self._build(value_node, (*path, key))
            return out
        if isinstance(node, SequenceNode):
            items = []
            for i, item in enumerate(node.value):
                mark = (item.start_mark.line + 1, item.start_mark.column + 1)
                self.marks[(*path, i)] = (mark, mark)
                items.append(self._build(item, (*path, i)))
            return items
        try:
            value = construct_scalar(self._constructor, node)
        except BadScalar as exc:
            self._flag(path, node, exc)
            return None
        if (
            self.figures
            and not node.style  # plain (a quoted number is text)
            and isinstance(value, int | float)
            and not isinstance(value, bool)
            and (problem := number_form_problem(node.value, value))
        ):
            self._flag(path, node, problem)
            return None
        return value

    def locate(self, path: KeyPath, *, key: bool = False) -> Location:
        """The location of the node at `path`, or of its nearest existing ancestor.

        A value is located at the value; with `key`, or when the path ends in "<key>", at
        its key. A path that does not exist (a missing field) is located at the key of the
        nearest mapping that does; a path below a scalar (`id: 5` read as `id: {value: 5}`)
        at that scalar.
        """
        path = tuple(path)
        if path and path[-1] == "<key>":
            path, key = path[:-1], True
        exact = True
        while path not in self.marks:
            path, exact = path[:-1], False
        key_mark, value_mark = self.marks[path]
        at_key = key or (not exact and path in self.containers)
        line, column = key_mark if at_key else value_mark
        return Location(self.file, line, column)

    def problem(self, p: Problem) -> Diagnostic:
        return Diagnostic(self.locate(p.path), p.code, p.values, p.severity, p.variant)

    def validation_errors(self, exc: ValidationError, prefix: KeyPath = ()) -> list[Diagnostic]:
        out = []
        for err in exc.errors(include_url=False):
            loc = (*prefix, *err["loc"])
            if self.covered(loc):
                continue
            code, values, variant = pydantic_error(loc, err)
            at = self.locate(loc, key=err["type"] == "extra_forbidden")
            out.append(Diagnostic(at, code, values, variant=variant))
        return out


def _short(value: Any, limit: int = 60) -> str:
    """repr() of a value, cut to `limit` characters (a key can be a whole paragraph)."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def pydantic_error(loc: KeyPath, err: dict) -> tuple[str, dict[str, Any], str | None]:
    """A pydantic error as (code, values, variant): its type (and context) picks the
    catalogue's template; nothing of pydantic's English is kept but for a type the
    catalogue does not know (`pydantic.other`)."""
    where = _dotted(loc)
    kind = err["type"]
    if kind == "missing":
        return "missing-field", {"where": where}, None
    if kind == "extra_forbidden":
        return "unknown-field", {"where": where}, None
    if kind == "figure_range":
        return "figure-range", {"where": where, "got": err["ctx"]["shown"]}, None
    values = {"where": where, "detail": _pydantic_detail(err), "got": _shown(err.get("input"))}
    if kind == "finite_number":
        return "not-finite", values, "field"
    if kind.endswith("_type"):
        return "wrong-type", values, "field"
    return "invalid-value", values, None


def _pydantic_detail(err: dict) -> Phrase:
    key = f"pydantic.{err['type']}"
    if key not in table():
        return Phrase("pydantic.other", msg=err["msg"])
    ctx = dict(err.get("ctx") or {})
    for name, value in list(ctx.items()):
        if isinstance(value, int):
            ctx[f"{name}_s"] = plural(value)
    return Phrase(key, **ctx)


def _shown(value: Any) -> Phrase | str:
    """A value as a message shows it: null, 'text', 12, a mapping, a list."""
    if value is None:
        return Phrase("shown.null")
    if isinstance(value, dict | list):
        return Phrase("shown.mapping" if isinstance(value, dict) else "shown.list")
    return repr(value)


def _dotted(loc: KeyPath) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "document"


# --- the strategy ------------------------------------------------------------------------


def load_strategy(path: Path) -> Strategy:
    """Load and validate the strategy; raise InputError with every problem found.

    Read from the file every time (there is no cache). A good file takes the fast lane
    (`fastyaml`, then the pydantic models and the cross-checks); on anything it declines
    or any problem, the file is read again, slowly, to locate every problem.
    """
    text = _read(path)
    try:
        data = _plain_data(text)
        with gc_paused():
            strategy = Strategy.model_validate(data)
    except Exception as exc:
        name = display_name(path)
        raise InputError(_at_least_one(diagnose_strategy(name, text), name, exc)) from None
    if any(p.severity == "error" for p in cross_check(strategy)):
        raise InputError(diagnose_strategy(display_name(path), text))
    return strategy


def diagnose_strategy(file: str, text: str) -> list[Diagnostic]:
    doc = Located(file, text)
    if doc.broken:
        return doc.diagnostics
    try:
        strategy = Strategy.model_validate(doc.data)
    except ValidationError as exc:
        return doc.diagnostics + doc.validation_errors(exc)
    return doc.diagnostics + [doc.problem(p) for p in cross_check(strategy)]


# --- the actuals -------------------------------------------------------------------------


def load_actuals(
    directory: Path, strategy: Strategy | None, *, required: bool = True
) -> tuple[ActualsSet, list[Diagnostic]]:
    """Load every `<year>.yaml` in `directory`.

    Returns the actuals and the warnings; raises InputError with every error (and
    warning) when any file is invalid. `strategy` may be None when the strategy itself
    failed to load: the files are then checked for syntax and types only.
    """
    actuals = ActualsSet()
    diagnostics: list[Diagnostic] = []
    name = display_name(directory)
    if not directory.is_dir():
        if required:
            what = "not-a-directory" if directory.exists() else None
            raise InputError([located(name, "no-actuals-dir", variant=what)])
        return actuals, []
    texts: dict[int, tuple[Path, str]] = {}
    for path in sorted(directory.iterdir()):
        if path.suffix not in (".yaml", ".yml") or path.name.startswith("."):
            continue
        match = YEAR_FILE.match(path.name)
        if not match or not 1989 <= int(match[1]) <= 2100:
            diagnostics.append(
                located(display_name(path), "file-name", variant="actuals", name=path.name)
            )
            continue
        year = int(match[1])
        if year in texts:
            other = display_name(texts[year][0])
            diagnostics.append(
                located(display_name(path), "duplicate-year", year=year, other=other)
            )
            continue
        try:
            texts[year] = (path, _read(path))
        except InputError as exc:
            diagnostics += exc.diagnostics
    for year, (path, text) in texts.items():
        entries, problems, fictional = _load_year(path, text, year, strategy)
        diagnostics += problems
        actuals.years[year] = entries
        actuals.files[year] = display_name(path)
        if fictional:
            actuals.fictional.add(year)
    if strategy is not None and not any(d.is_error for d in diagnostics):
        composed: dict[int, Located] = {}  # each file with a warning is composed once
        for year, problem in check_series(strategy, actuals):
            path, text = texts[year]
            if year not in composed:
                composed[year] = Located(display_name(path), text)
            diagnostics.append(composed[year].problem(problem))
    if any(d.is_error for d in diagnostics):
        raise InputError(diagnostics)
    return actuals, sorted(diagnostics)


def load_year(path: Path, year: int, strategy: Strategy) -> dict[str, Actual]:
    """One year's file, validated against the strategy (the writer re-reads it under its
    lock); raise InputError with its errors. A missing file is an empty year."""
    if not path.exists():
        return {}
    entries, problems, _ = _load_year(path, _read(path), year, strategy)
    if any(d.is_error for d in problems):
        raise InputError(problems)
    return entries


def _load_year(
    path: Path, text: str, year: int, strategy: Strategy | None
) -> tuple[dict[str, Actual], list[Diagnostic], bool]:
    """One year's entries, its problems, and whether it is marked `fictional: true`."""
    failure: Exception | None = None
    try:
        data = _plain_data(text, figures=True)
        with gc_paused():  # 10,000 Actuals: the collector walked the strategy's models
            entries, shape = _entries(data)
    except Exception as exc:  # malformed YAML or duplicate keys: Located says what and where
        data, entries, shape, failure = None, {}, None, exc
    problems = check_year(strategy, year, entries) if strategy and shape == [] else []
    if shape == [] and not problems:
        return entries, [], _fictional(data)
    name = display_name(path)
    if shape == [] and all(p.path[1:] == ("<key>",) for p in problems):
        # only whole entries are wrong (unknown ids): their keys' marks, without composing
        # the document (linear and quick for 50,000 unknown ids)
        from . import fastyaml

        marks = fastyaml.key_marks(text)
        if marks is not None and all(p.path[0] in marks for p in problems):
            out = [
                Diagnostic(
                    Location(name, *marks[p.path[0]]), p.code, p.values, p.severity, p.variant
                )
                for p in problems
            ]
            return entries, out, _fictional(data)
    # Something is wrong: find where.
    doc = Located(name, text, figures=True)
    if doc.broken:
        return {}, doc.diagnostics, False
    entries, shape = _entries(doc.data)
    out = list(doc.diagnostics)
    for key_path, code, values, variant in shape:
        if doc.covered(key_path):
            continue
        at = doc.locate(key_path, key=code == "unknown-field")
        out.append(Diagnostic(at, code, values, variant=variant))
    if strategy is not None:
        out += [doc.problem(p) for p in check_year(strategy, year, entries)]
    if failure is not None:
        out = _at_least_one(out, name, failure)
    return entries, out, _fictional(doc.data)


def _fictional(data: Any) -> bool:
    return isinstance(data, dict) and data.get(FICTIONAL) is True


def _at_least_one(diagnostics: list[Diagnostic], file: str, exc: Exception) -> list[Diagnostic]:
    """The diagnostics of a file the fast path refused, never none: if the diagnosing
    path found nothing wrong (the two disagree), the fast path's reason is the error."""
    if any(d.is_error for d in diagnostics):
        return diagnostics
    reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return [*diagnostics, located(file, "unreadable", variant="refused", detail=reason[:200])]


Shape = list[tuple[KeyPath, str, dict[str, Any], "str | None"]]  # path, code, values, variant


def _entries(data: Any) -> tuple[dict[str, Actual], Shape]:
    """Validate the shape of one year's file: KPI id -> value | {value, source, note}.

    The top-level key `fictional: true` marks invented data (the demo): it is no KPI id.
    """
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        return {}, [((), "wrong-type", {}, "actuals")]
    entries: dict[str, Actual] = {}
    shape: Shape = []
    for key, raw in data.items():
        if key == FICTIONAL:
            if not isinstance(raw, bool):
                values = {"where": FICTIONAL, "got": _shown(raw)}
                shape.append(((key,), "wrong-type", values, "bool"))
            continue
        if not isinstance(key, str):
            shape.append(((key, "<key>"), "wrong-type", {"got": key}, "kpi-id"))
            continue
        record = raw if isinstance(raw, dict) else {"value": raw}
        try:
            entries[key] = Actual.model_validate(record)
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                loc = (key, *err["loc"]) if isinstance(raw, dict) else (key,)
                shape.append((loc, *_actual_error(key, raw, err)))
    return entries, shape


def _actual_error(key: str, raw: Any, err: dict) -> tuple[str, dict[str, Any], str | None]:
    got = err.get("input")
    if err["loc"] == ("value",) and err["type"] != "missing":
        if got is None:
            return "missing-value", {"where": key}, None
        if isinstance(got, bool):
            shown = Phrase("shown.boolean", value=str(got).lower())
            return "wrong-type", {"where": key, "got": shown}, None
        if isinstance(got, float) and not math.isfinite(got):
            return "not-finite", {"where": key, "got": got}, None
        if err["type"] == "figure_range":
            return "figure-range", {"where": key, "got": err["ctx"]["shown"]}, None
        return "wrong-type", {"where": key, "got": _shown(got)}, None
    return pydantic_error((key, *err["loc"]), err)


# --- the committee's reviews -------------------------------------------------------------


def load_reviews(directory: Path, strategy: Strategy | None, *, required: bool = True) -> ReviewSet:
    """Load every `<year>.yaml` review in `directory`; raise InputError with every problem.

    `strategy` None (it failed to load): the files are checked for syntax and shape only.
    """
    reviews = ReviewSet()
    name = display_name(directory)
    if not directory.is_dir():
        if required:
            what = "not-a-directory" if directory.exists() else None
            raise InputError([located(name, "no-reviews-dir", variant=what)])
        return reviews
    diagnostics: list[Diagnostic] = []
    for path in sorted(directory.iterdir()):
        if path.suffix not in (".yaml", ".yml") or path.name.startswith("."):
            continue
        match = YEAR_FILE.match(path.name)
        if not match or not 1989 <= int(match[1]) <= 2100:
            diagnostics.append(
                located(display_name(path), "file-name", variant="review", name=path.name)
            )
            continue
        year = int(match[1])
        if year in reviews.years:
            other = reviews.files[year]
            diagnostics.append(
                located(display_name(path), "duplicate-year", year=year, other=other)
            )
            continue
        try:
            review = _load_review(path, _read(path), strategy)
        except InputError as exc:
            diagnostics += exc.diagnostics
            continue
        reviews.years[year] = review
        reviews.files[year] = display_name(path)
    if diagnostics:
        raise InputError(diagnostics)
    return reviews


def _load_review(path: Path, text: str, strategy: Strategy | None) -> Review:
    try:
        review = Review.model_validate(_plain_data(text) or {})
        if strategy is None or not check_review(strategy, review):
            return review
    except Exception:  # malformed YAML, duplicate keys, a wrong shape: Located says where
        pass
    doc = Located(display_name(path), text)
    if doc.broken:
        raise InputError(doc.diagnostics)
    data = {} if doc.data is None else doc.data
    try:
        review = Review.model_validate(data)
    except ValidationError as exc:
        raise InputError(doc.diagnostics + doc.validation_errors(exc)) from None
    problems = [doc.problem(p) for p in check_review(strategy, review)] if strategy else []
    if doc.diagnostics or problems:
        raise InputError(doc.diagnostics + problems)
    return review


# --- both --------------------------------------------------------------------------------


def load_all(
    strategy_path: Path, actuals_dir: Path, *, actuals_required: bool = True
) -> tuple[Strategy, ActualsSet, list[Diagnostic]]:
    """Load the strategy and the actuals; raise InputError with the problems of both.

    The committee's reviews are loaded apart (`load_reviews`), by the commands that use
    them; `load_inputs` loads all three at once.
    """
    diagnostics: list[Diagnostic] = []
    strategy = None
    try:
        strategy = load_strategy(strategy_path)
    except InputError as exc:
        diagnostics += exc.diagnostics
    try:
        actuals, warnings = load_actuals(actuals_dir, strategy, required=actuals_required)
    except InputError as exc:
        diagnostics += exc.diagnostics
        actuals, warnings = ActualsSet(), []
    if diagnostics or strategy is None:
        raise InputError(diagnostics)
    return strategy, actuals, warnings


def load_inputs(
    strategy_path: Path,
    actuals_dir: Path,
    reviews_dir: Path,
    *,
    actuals_required: bool = True,
    reviews_required: bool = True,
) -> tuple[Strategy, ActualsSet, ReviewSet, list[Diagnostic]]:
    """The strategy, the actuals and the reviews; every problem of all three at once."""
    diagnostics: list[Diagnostic] = []
    strategy, actuals, warnings = None, ActualsSet(), []
    try:
        strategy, actuals, warnings = load_all(
            strategy_path, actuals_dir, actuals_required=actuals_required
        )
    except InputError as exc:
        diagnostics += exc.diagnostics
        shown = display_name(strategy_path)  # once, not once per diagnostic (50,000 ids)
        if not any(d.location.file == shown for d in exc.errors):
            try:  # the actuals failed, not the strategy: reviews are checked against it
                strategy = load_strategy(strategy_path)
            except InputError:
                strategy = None
    try:
        reviews = load_reviews(reviews_dir, strategy, required=reviews_required)
    except InputError as exc:
        diagnostics += exc.diagnostics
        reviews = ReviewSet()
    if diagnostics or strategy is None:
        raise InputError(diagnostics)
    return strategy, actuals, reviews, warnings
