"""Hostile input, kept out: every check that makes a bad file a located diagnostic.

The loader (`load.py`) calls these on its slow, diagnosing path (and `read_bytes` on
every read); none of them is on the fast path of a good file but the cheap ones.

- `read_bytes`: only regular files, at most `MAX_FILE_BYTES`; a FIFO, a device, a
  symbolic-link loop or `/dev/zero` is refused without blocking or reading it all.
- `scan_text`: characters YAML forbids (NUL, BEL, ESC, U+FFFE, …) and `%YAML` versions
  other than 1.1 and 1.2, each at its line and column.
- `check_graph`: aliases whose expansion would blow up (billion laughs), recursive
  aliases, nesting deeper than `MAX_DEPTH`.
- `construct_scalar`: a scalar with an unknown tag (`!custom`, `!!python/…`), a tagged
  value that is not what its tag says (`!!int abc`), an invalid date, an integer too long
  to convert.
- `syntax_error`: ruamel's syntax errors, placed where the problem starts (an unclosed
  `[`, `{` or quote where it opens) and never on a line past the end of the file.

Stable codes (for the message catalogue): not-a-file, file-too-large, unreadable,
control-character, yaml-version, alias-expansion, recursive-alias, too-deep,
unknown-tag, bad-scalar, number-too-long, merge-key, duplicate-anchor, yaml-syntax.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path
from typing import Any

from .diagnostics import Diagnostic, Location

# A 10,000-KPI strategy is about 5 MB; nothing legitimate comes near this.
MAX_FILE_BYTES = 64 * 1024 * 1024
# Nodes that expanding aliases may add to a document (each alias counts its subtree).
MAX_ALIAS_NODES = 100_000
# Nesting of mappings and lists (the strategy nests 8 deep).
MAX_DEPTH = 100
# Integers beyond this many bits are no figure (1e308, the largest float, has 1024).
MAX_INT_BITS = 1024
# Forbidden characters reported per file before "and N more".
MAX_CHAR_REPORTS = 10

TAG_PREFIX = "tag:yaml.org,2002:"
SCALAR_TAGS = {f"{TAG_PREFIX}{t}" for t in ("null", "bool", "int", "float", "str", "timestamp")}
COLLECTION_TAGS = {f"{TAG_PREFIX}seq", f"{TAG_PREFIX}map"}
MERGE_TAG = f"{TAG_PREFIX}merge"

# What YAML 1.2 allows in a stream (https://yaml.org/spec/1.2.2/#51-character-set)
FORBIDDEN = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
VERSION_DIRECTIVE = re.compile(r"^%YAML[ \t]+(\S*)", re.M)


def _diag(file: str, code: str, message: str, line: int = 1, column: int = 1) -> Diagnostic:
    return Diagnostic(Location(file, line, column), code, message)


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _u(char: str) -> str:
    return f"U+{ord(char):04X}"


# --- files -------------------------------------------------------------------------------


def read_bytes(path: Path, name: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, or InputError.

    Opened without blocking (a FIFO with no writer would hang `open`), checked with
    fstat on the open descriptor (no race between the check and the read), read with a
    bound (a file that grows, or lies about its size, is cut at limit + 1 and refused).
    """
    from .diagnostics import InputError

    def fail(code: str, message: str) -> InputError:
        return InputError([_diag(name, code, message)])

    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise fail("file-not-found", "no such file") from None
    except IsADirectoryError:
        raise fail("not-a-file", "is a directory, not a file") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise fail("not-a-file", "a loop of symbolic links, not a file") from None
        raise fail("unreadable", f"cannot read: {exc.strerror}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise fail("not-a-file", "is a directory, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise fail("not-a-file", f"is {_kind(info.st_mode)}, not a regular file")
        if info.st_size > limit:
            raise fail("file-too-large", _too_large(info.st_size, limit))
        os.set_blocking(fd, True)
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise fail("file-too-large", _too_large(size, limit))
        return b"".join(chunks)
    except OSError as exc:
        raise fail("unreadable", f"cannot read: {exc.strerror}") from None
    finally:
        os.close(fd)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _too_large(size: int, limit: int) -> str:
    """'file too large (80 MB; the limit is 64 MB)'; the size is unknown past limit + 1."""

    def amount(n: int) -> str:
        return f"{n / 2**20:,.0f} MB" if n >= 2**20 else f"{n:,} bytes"

    shown = f"{amount(size)}; " if size > limit + 1 else ""
    return f"file too large ({shown}the limit is {amount(limit)})"


# --- text --------------------------------------------------------------------------------


def scan_text(file: str, text: str) -> list[Diagnostic]:
    """Characters YAML does not allow, and `%YAML` directives other than 1.1 / 1.2."""
    out: list[Diagnostic] = []
    found = 0
    for match in FORBIDDEN.finditer(text):
        found += 1
        if found <= MAX_CHAR_REPORTS:
            line, column = _line_col(text, match.start())
            char = match.group()
            out.append(
                _diag(
                    file,
                    "control-character",
                    f"character {_u(char)} ({_char_name(char)}) is not allowed in YAML"
                    + ("; write it as an escape in a double-quoted string" if char != "\0" else ""),
                    line,
                    column,
                )
            )
    if found > MAX_CHAR_REPORTS:
        line, column = out[-1].location.line, out[-1].location.column
        out.append(
            _diag(
                file,
                "control-character",
                f"… and {found - MAX_CHAR_REPORTS} more characters YAML does not allow "
                "(is this a text file?)",
                line,
                column,
            )
        )
    if "%YAML" in text:
        for match in VERSION_DIRECTIVE.finditer(text):
            if match.group(1) not in ("1.1", "1.2"):
                line, column = _line_col(text, match.start(1))
                out.append(
                    _diag(
                        file,
                        "yaml-version",
                        f"unsupported YAML version {match.group(1)[:20]!r}: "
                        "pdca reads YAML 1.2 (or 1.1); remove the %YAML line",
                        line,
                        column,
                    )
                )
    return out


def _char_name(char: str) -> str:
    names = {
        "\0": "NUL",
        "\x07": "BEL",
        "\x08": "backspace",
        "\x1b": "ESC",
        "\x7f": "DEL",
        "\ufeff": "byte order mark",
        "\ufffe": "not a character",
        "\uffff": "not a character",
    }
    if char in names:
        return names[char]
    code = ord(char)
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return "a control character"
    if 0xD800 <= code <= 0xDFFF:
        return "a lone surrogate"
    return "not a character"


# --- nesting -------------------------------------------------------------------------------


def check_depth(file: str, text: str) -> list[Diagnostic]:
    """Nesting deeper than MAX_DEPTH, found on the parser's events (iteratively), before
    anything composes the document: ruamel's C composer recurses once per level and
    100,000 levels (`[[[…` or `- - - …`, a few hundred KB) overflow the C stack — a
    segmentation fault, not an exception. Syntax errors are left to the composer."""
    from ruamel.yaml.error import YAMLError
    from ruamel.yaml.events import (
        MappingEndEvent,
        MappingStartEvent,
        SequenceEndEvent,
        SequenceStartEvent,
        StreamEndEvent,
    )

    try:
        from _ruamel_yaml import CParser

        parser = CParser(text)
    except ImportError:  # no C parser: the pure one, as iterative
        from ruamel.yaml import YAML

        parser = YAML(typ="safe", pure=True).get_constructor_parser(text)[1]
    depth = 0
    try:
        while True:
            event = parser.get_event()
            kind = type(event)
            if kind is MappingStartEvent or kind is SequenceStartEvent:
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    return [
                        _diag(
                            file,
                            "too-deep",
                            f"nested more than {MAX_DEPTH} levels deep",
                            mark.line + 1,
                            mark.column + 1,
                        )
                    ]
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                depth -= 1
            elif kind is StreamEndEvent or event is None:
                return []
    except YAMLError:
        return []
    finally:
        dispose = getattr(parser, "dispose", None)
        if dispose is not None:
            dispose()


# --- the node graph ------------------------------------------------------------------------


class _Stop(Exception):
    def __init__(self, diagnostic: Diagnostic):
        self.diagnostic = diagnostic


def check_graph(file: str, root: Any) -> list[Diagnostic]:
    """Aliases that expand too far or into themselves; nesting deeper than MAX_DEPTH.

    Linear in the number of distinct nodes: each node's expanded size is computed once.
    An alias is the very node it names, so these are placed at the anchored node.
    """
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    sizes: dict[int, int] = {}
    active: set[int] = set()
    expansion = 0

    def stop(code: str, message: str, node: Any) -> _Stop:
        mark = node.start_mark
        return _Stop(_diag(file, code, message, mark.line + 1, mark.column + 1))

    def visit(node: Any, depth: int) -> int:  # recursion bounded by MAX_DEPTH
        nonlocal expansion
        key = id(node)
        if key in active:
            raise stop(
                "recursive-alias",
                "an alias inside the node anchored here refers to it: a recursive "
                "structure pdca cannot read",
                node,
            )
        if key in sizes:  # an alias
            expansion += sizes[key]
            if expansion > MAX_ALIAS_NODES:
                raise stop(
                    "alias-expansion",
                    f"aliases of the node anchored here expand to more than "
                    f"{MAX_ALIAS_NODES:,} nodes (an alias bomb?); write the data out",
                    node,
                )
            return sizes[key]
        if depth > MAX_DEPTH:
            raise stop("too-deep", f"nested more than {MAX_DEPTH} levels deep", node)
        size = 1
        if isinstance(node, MappingNode | SequenceNode):
            active.add(key)
            if isinstance(node, MappingNode):
                for k, v in node.value:
                    size += visit(k, depth + 1) + visit(v, depth + 1)
            else:
                for item in node.value:
                    size += visit(item, depth + 1)
            active.discard(key)
        sizes[key] = size
        return size

    try:
        visit(root, 1)
    except _Stop as exc:
        return [exc.diagnostic]
    return []


# --- scalars -------------------------------------------------------------------------------


class BadScalar(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def tag_problem(node: Any) -> tuple[str, str] | None:
    """(code, message) when a node's tag is one pdca does not read, else None."""
    from ruamel.yaml.nodes import ScalarNode

    tag = str(node.tag)
    allowed = SCALAR_TAGS if isinstance(node, ScalarNode) else COLLECTION_TAGS
    if tag in allowed:
        return None
    if tag == MERGE_TAG:
        return "merge-key", MERGE_MESSAGE
    shown = "!!" + tag[len(TAG_PREFIX) :] if tag.startswith(TAG_PREFIX) else tag
    if not shown.startswith("!"):
        shown = f"!<{shown}>"
    return (
        "unknown-tag",
        f"unknown tag {shown[:60]!r}: pdca reads plain YAML (text, numbers, true/false, "
        "null, lists and mappings)",
    )


MERGE_MESSAGE = "merge keys (<<) are not supported: write the fields out"


def construct_scalar(constructor: Any, node: Any) -> Any:
    """A scalar node's value, or BadScalar saying what is wrong with it."""
    problem = tag_problem(node)
    if problem:
        raise BadScalar(*problem)
    tag = str(node.tag)
    value = node.value if isinstance(node.value, str) else ""
    if tag == f"{TAG_PREFIX}int" and len(value) > 400:
        raise BadScalar("number-too-long", f"a number of {len(value)} characters is too long")
    try:
        result = constructor.construct_object(node, deep=True)
    except (ValueError, TypeError, OverflowError, ArithmeticError) as exc:
        raise BadScalar("bad-scalar", _scalar_message(tag, value, exc)) from None
    except Exception as exc:  # ruamel's own ConstructorError and anything else
        raise BadScalar("bad-scalar", _scalar_message(tag, value, exc)) from None
    if (
        isinstance(result, int)
        and not isinstance(result, bool)
        and result.bit_length() > MAX_INT_BITS
    ):
        raise BadScalar("number-too-long", "an integer too large to be a figure")
    return result


def _scalar_message(tag: str, value: str, exc: Exception) -> str:
    shown = value if len(value) <= 40 else value[:40] + "…"
    kind = tag[len(TAG_PREFIX) :] if tag.startswith(TAG_PREFIX) else tag
    if kind == "timestamp":
        return f"{shown!r} is not a valid date ({exc})"
    if kind == "int" and "digits" in str(exc):
        return f"a number of {len(value)} digits is too long"
    what = {"int": "an integer", "float": "a number", "bool": "true or false", "null": "null"}
    return f"{shown!r} is not {what.get(kind, kind)}"


# --- syntax errors -------------------------------------------------------------------------

UNCLOSED = {
    "while parsing a flow sequence": "'[' is never closed",
    "while parsing a flow mapping": "'{' is never closed",
    "while scanning a quoted scalar": "a quoted string is never closed",
}


def syntax_error(file: str, text: str, exc: Any) -> Diagnostic:
    """A ruamel MarkedYAMLError as one diagnostic, placed where the problem starts."""
    last_line = text.count("\n") + (0 if text.endswith("\n") or not text else 1)
    last_line = max(last_line, 1)

    def place(mark) -> tuple[int, int]:
        if mark is None:
            return 1, 1
        line, column = mark.line + 1, mark.column + 1
        if line > last_line:  # the end of the stream: after the last line
            lines = text.split("\n")
            line = last_line
            column = len(lines[line - 1]) + 1 if line - 1 < len(lines) else 1
        return line, column

    problem = getattr(exc, "problem", None) or ""
    context = getattr(exc, "context", None) or ""
    if "duplicate anchor" in context and exc.problem_mark is not None:
        first = place(exc.context_mark)
        line, column = place(exc.problem_mark)
        return _diag(
            file,
            "duplicate-anchor",
            f"the same anchor is defined twice (first at line {first[0]}): give each its own name",
            line,
            column,
        )
    if context in UNCLOSED and exc.context_mark is not None:
        opened = place(exc.context_mark)
        found = place(exc.problem_mark)
        if "stream end" in problem or "end of stream" in problem:
            why = "the file ends first"
        else:
            why = f"line {found[0]}: {problem}"
        return _diag(file, "yaml-syntax", f"malformed YAML: {UNCLOSED[context]} ({why})", *opened)
    message = problem or context or "malformed YAML"
    if context and problem:
        message = f"{problem} ({context})"
    message = message.replace("\t", "\\t")
    if "\\t" in message:
        message += "; YAML does not allow tabs for indentation"
    line, column = place(exc.problem_mark or exc.context_mark)
    return _diag(file, "yaml-syntax", f"malformed YAML: {message}", line, column)
