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

from .diagnostics import CodedError, Diagnostic, located
from .i18n.messages import Phrase

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

# What YAML 1.2 allows in a stream (https://yaml.org/spec/1.2.2/#51-character-set). The
# patterns are compiled when a file is first scanned (re's cache), not on import: only the
# diagnosing path scans, and this character class alone takes 3 ms to compile.
FORBIDDEN = "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
VERSION_DIRECTIVE = r"^%YAML[ \t]+(\S*)"


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

    def fail(code: str, variant: str | None = None, **values: Any) -> InputError:
        return InputError([located(name, code, variant=variant, **values)])

    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise fail("file-not-found") from None
    except IsADirectoryError:
        raise fail("not-a-file", "directory") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise fail("not-a-file", "loop") from None
        raise fail("unreadable", detail=exc.strerror) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise fail("not-a-file", "directory")
        if not stat.S_ISREG(info.st_mode):
            raise fail("not-a-file", "special", kind=file_kind(info.st_mode))
        if info.st_size > limit:
            raise _too_large(fail, info.st_size, limit)
        os.set_blocking(fd, True)
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise _too_large(fail, size, limit)
        return b"".join(chunks)
    except OSError as exc:
        raise fail("unreadable", detail=exc.strerror) from None
    finally:
        os.close(fd)


def file_kind(mode: int) -> Phrase:
    """What a file that is not a regular file is (a directory, a FIFO, a device, …)."""
    if stat.S_ISDIR(mode):
        return Phrase("file-kind.directory")
    if stat.S_ISFIFO(mode):
        return Phrase("file-kind.fifo")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return Phrase("file-kind.device")
    if stat.S_ISSOCK(mode):
        return Phrase("file-kind.socket")
    return Phrase("file-kind.special")


def _too_large(fail: Any, size: int, limit: int) -> Exception:
    """'file too large (80 MB; the limit is 64 MB)'; the size is unknown past limit + 1."""

    def amount(n: int) -> Phrase:
        return Phrase("amount.mb", n=n / 2**20) if n >= 2**20 else Phrase("amount.bytes", n=n)

    if size > limit + 1:
        return fail("file-too-large", size=amount(size), limit=amount(limit))
    return fail("file-too-large", "unknown-size", limit=amount(limit))


# --- text --------------------------------------------------------------------------------


def scan_text(file: str, text: str) -> list[Diagnostic]:
    """Characters YAML does not allow, and `%YAML` directives other than 1.1 / 1.2."""
    out: list[Diagnostic] = []
    found = 0
    for match in re.finditer(FORBIDDEN, text):
        found += 1
        if found <= MAX_CHAR_REPORTS:
            line, column = _line_col(text, match.start())
            char = match.group()
            out.append(
                located(
                    file,
                    "control-character",
                    line,
                    column,
                    variant="escape" if char != "\0" else None,
                    u=_u(char),
                    name=_char_name(char),
                )
            )
    if found > MAX_CHAR_REPORTS:
        line, column = out[-1].location.line, out[-1].location.column
        out.append(
            located(
                file,
                "control-character",
                line,
                column,
                variant="more",
                n=found - MAX_CHAR_REPORTS,
            )
        )
    if "%YAML" in text:
        for match in re.finditer(VERSION_DIRECTIVE, text, re.M):
            if match.group(1) not in ("1.1", "1.2"):
                line, column = _line_col(text, match.start(1))
                out.append(located(file, "yaml-version", line, column, version=match.group(1)[:20]))
    return out


def _char_name(char: str) -> Phrase:
    names = {
        "\0": "nul",
        "\x07": "bel",
        "\x08": "backspace",
        "\x1b": "esc",
        "\x7f": "del",
        "\ufeff": "bom",
        "\ufffe": "noncharacter",
        "\uffff": "noncharacter",
    }
    if char in names:
        return Phrase(f"char-name.{names[char]}")
    code = ord(char)
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return Phrase("char-name.control")
    if 0xD800 <= code <= 0xDFFF:
        return Phrase("char-name.surrogate")
    return Phrase("char-name.noncharacter")


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
                    return [located(file, "too-deep", mark.line + 1, mark.column + 1, n=MAX_DEPTH)]
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

    def stop(code: str, node: Any, **values: Any) -> _Stop:
        mark = node.start_mark
        return _Stop(located(file, code, mark.line + 1, mark.column + 1, **values))

    def visit(node: Any, depth: int) -> int:  # recursion bounded by MAX_DEPTH
        nonlocal expansion
        key = id(node)
        if key in active:
            raise stop("recursive-alias", node)
        if key in sizes:  # an alias
            expansion += sizes[key]
            if expansion > MAX_ALIAS_NODES:
                raise stop("alias-expansion", node, n=MAX_ALIAS_NODES)
            return sizes[key]
        if depth > MAX_DEPTH:
            raise stop("too-deep", node, n=MAX_DEPTH)
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


class BadScalar(CodedError):
    """A node pdca does not read: a code, the values of its message, and its variant."""


def tag_problem(node: Any) -> BadScalar | None:
    """What is wrong when a node's tag is one pdca does not read, else None."""
    from ruamel.yaml.nodes import ScalarNode

    tag = str(node.tag)
    allowed = SCALAR_TAGS if isinstance(node, ScalarNode) else COLLECTION_TAGS
    if tag in allowed:
        return None
    if tag == MERGE_TAG:
        return BadScalar("merge-key")
    shown = "!!" + tag[len(TAG_PREFIX) :] if tag.startswith(TAG_PREFIX) else tag
    if not shown.startswith("!"):
        shown = f"!<{shown}>"
    return BadScalar("unknown-tag", tag=shown[:60])


def construct_scalar(constructor: Any, node: Any) -> Any:
    """A scalar node's value, or BadScalar saying what is wrong with it."""
    problem = tag_problem(node)
    if problem:
        raise problem
    tag = str(node.tag)
    value = node.value if isinstance(node.value, str) else ""
    if tag == f"{TAG_PREFIX}int" and len(value) > 400:
        raise BadScalar("number-too-long", n=len(value))
    try:
        result = constructor.construct_object(node, deep=True)
    except (ValueError, TypeError, OverflowError, ArithmeticError) as exc:
        raise _bad_scalar(tag, value, exc) from None
    except Exception as exc:  # ruamel's own ConstructorError and anything else
        raise _bad_scalar(tag, value, exc) from None
    if (
        isinstance(result, int)
        and not isinstance(result, bool)
        and result.bit_length() > MAX_INT_BITS
    ):
        raise BadScalar("number-too-long", "integer")
    return result


def _bad_scalar(tag: str, value: str, exc: Exception) -> BadScalar:
    shown = value if len(value) <= 40 else value[:40] + "…"
    kind = tag[len(TAG_PREFIX) :] if tag.startswith(TAG_PREFIX) else tag
    if kind == "timestamp":
        return BadScalar("bad-scalar", "date", value=shown, detail=str(exc))
    if kind == "int" and "digits" in str(exc):
        return BadScalar("bad-scalar", "digits", n=len(value))
    if kind in ("int", "float", "bool", "null"):
        return BadScalar("bad-scalar", kind, value=shown)
    return BadScalar("bad-scalar", value=shown, kind=kind)


# --- syntax errors -------------------------------------------------------------------------

UNCLOSED = {
    "while parsing a flow sequence": Phrase("unclosed.sequence"),
    "while parsing a flow mapping": Phrase("unclosed.mapping"),
    "while scanning a quoted scalar": Phrase("unclosed.quote"),
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
        return located(file, "duplicate-anchor", line, column, first=first[0])
    if context in UNCLOSED and exc.context_mark is not None:
        opened = place(exc.context_mark)
        found = place(exc.problem_mark)
        what = UNCLOSED[context]
        if "stream end" in problem or "end of stream" in problem:
            return located(file, "yaml-syntax", *opened, variant="unclosed", what=what)
        return located(
            file,
            "yaml-syntax",
            *opened,
            variant="unclosed-at",
            what=what,
            found=found[0],
            detail=problem,
        )
    detail = problem or context or "malformed YAML"
    if context and problem:
        detail = f"{problem} ({context})"
    detail = detail.replace("\t", "\\t")
    line, column = place(exc.problem_mark or exc.context_mark)
    tabs = "tabs" if "\\t" in detail else None
    return located(file, "yaml-syntax", line, column, variant=tabs, detail=detail)
