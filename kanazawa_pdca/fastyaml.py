"""The fast lane for reading YAML: libyaml's C parser, plain Python data, nothing else.

`load(text)` drives the C parser's events itself and builds dicts, lists, str, int,
float, bool and None, resolving plain scalars with ruamel.yaml's own YAML 1.2 rules (its
table of implicit resolvers), as its safe loader does. It is several times faster than
ruamel's Python-side constructor because it builds only what a well-formed pdca file
holds, and it *declines* (returns `DECLINED`) everything else, for the slow path that
locates problems (`load.Located`) to read:

- a syntax error, a directive (`%YAML`, `%TAG`), more than one document;
- an anchor, an alias, a merge key `<<`, any explicit tag (`!!str`, `!custom`);
- a key that is not text, a duplicate key;
- nesting deeper than `guard.MAX_DEPTH` (libyaml's scanner keeps a possible key for every
  open `[` or `{` and looks at all of them for every token: read to the end, 100,000
  levels took 40 s; declined at the limit, the slow path refuses it at once);
- a plain scalar ruamel would read as anything but text, null, a boolean, a decimal
  integer without underscores or leading zeros, or a plain decimal fraction
  (so: timestamps, `.inf`, `.nan`, `0x1F`, `1_000`, `1e3`, `010` all go the slow way).

Declining is always safe: the slow path reads the same file with ruamel and either
returns the same data or says exactly what is wrong and where.
"""

from __future__ import annotations

import re
from typing import Any

DECLINED: Any = object()  # the answer when the slow path must read the file

_INT = re.compile(r"-?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]+")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False}
_BOOL["FALSE"] = False


class _Decline(Exception):
    pass


def _resolvers() -> dict[str, list[tuple[str, re.Pattern]]]:
    """ruamel.yaml's implicit resolvers for YAML 1.2: first character -> (tag, regexp)."""
    from ruamel.yaml.resolver import implicit_resolvers

    table: dict[str, list[tuple[str, re.Pattern]]] = {}
    for versions, tag, regexp, first in implicit_resolvers:
        if (1, 2) in versions:
            for char in first:
                table.setdefault(char, []).append((tag.rsplit(":", 1)[-1], regexp))
    return table


_RESOLVERS: dict[str, list[tuple[str, re.Pattern]]] | None = None


def _plain(value: str) -> Any:
    """A plain scalar as ruamel's safe loader reads it, or _Decline."""
    for tag, regexp in _RESOLVERS.get(value[:1], ()):  # type: ignore[union-attr]
        if regexp.match(value):
            if tag == "null":
                return None
            if tag == "bool" and value in _BOOL:
                return _BOOL[value]
            if tag == "int" and _INT.fullmatch(value):
                return int(value)
            if tag == "float" and _FLOAT.fullmatch(value):
                return float(value)
            raise _Decline
    return value


def load(text: str) -> Any:
    """The single document in `text` as plain data, or DECLINED (see the module's doc)."""
    global _RESOLVERS
    try:  # libyaml's parser, from ruamel.yaml.clib (the `oldlibyaml` extra)
        from _ruamel_yaml import CParser
    except ImportError:
        return DECLINED
    from ruamel.yaml.events import (
        DocumentStartEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceStartEvent,
        StreamEndEvent,
    )

    from .guard import MAX_DEPTH

    if _RESOLVERS is None:
        _RESOLVERS = _resolvers()
    parser = CParser(text)
    try:
        return _build(
            parser.get_event,
            ScalarEvent,
            MappingStartEvent,
            SequenceStartEvent,
            DocumentStartEvent,
            StreamEndEvent,
            MAX_DEPTH,
        )
    except Exception:  # _Decline, a YAML error, an integer too long to convert, …
        return DECLINED
    finally:
        parser.dispose()


def _build(get, Scalar, MappingStart, SequenceStart, DocumentStart, StreamEnd, max_depth) -> Any:
    """One pass over the events with an explicit stack (no recursion, no node objects),
    declining at the first collection nested deeper than `max_depth`."""
    plain_cache: dict[str, Any] = {}  # ids, keys and units repeat: resolve each once

    def scalar(event) -> Any:
        if event.anchor is not None or event.tag is not None:
            raise _Decline
        if not event.implicit[0]:  # quoted or block: text
            return event.value
        value = event.value
        try:
            return plain_cache[value]
        except KeyError:
            resolved = plain_cache[value] = _plain(value)
            return resolved

    get()  # StreamStart
    event = get()
    if type(event) is StreamEnd:
        return None  # an empty file
    if type(event) is not DocumentStart or event.version or event.tags:
        raise _Decline
    root: list = []
    stack: list = [root]  # containers being filled; a dict is followed by its pending key
    pending: list = [None]  # for each open mapping: the key awaiting its value (or None)
    while True:
        event = get()
        kind = type(event)
        if kind is Scalar:
            value = scalar(event)
        elif kind is MappingStart or kind is SequenceStart:
            if event.anchor is not None or event.tag is not None:
                raise _Decline
            value = {} if kind is MappingStart else []
        else:  # the end of a collection, the document, or an alias
            name = kind.__name__
            if name in ("MappingEndEvent", "SequenceEndEvent"):
                if pending[-1] is not None:
                    raise _Decline
                stack.pop()
                pending.pop()
                continue
            if name == "DocumentEndEvent":
                break
            raise _Decline  # AliasEvent
        # place `value` in the innermost open container
        top = stack[-1]
        if type(top) is dict:
            key = pending[-1]
            if key is None:  # `value` is a key
                if type(value) is not str or kind is not Scalar or value in top:
                    raise _Decline
                if value == "<<" and event.implicit[0]:
                    raise _Decline
                pending[-1] = value
                continue
            top[key] = value
            pending[-1] = None
        else:
            top.append(value)
        if kind is not Scalar:
            stack.append(value)
            pending.append(None)
            if len(stack) > max_depth + 1:  # the root's holder is stack[0]
                raise _Decline
    if type(get()) is not StreamEnd:  # a second document
        raise _Decline
    return root[0] if root else None


def key_marks(text: str) -> dict[str, tuple[int, int]] | None:
    """Where each key of the top-level mapping is (1-based line and column), from the C
    parser's events alone: no node tree. For locating problems of whole entries (an
    unknown KPI id) in a file `load` read: 50,000 unknown ids took seconds to compose.
    None when the document is not one plain mapping (the caller then composes it)."""
    try:
        from _ruamel_yaml import CParser
    except ImportError:
        return None
    parser = CParser(text)
    marks: dict[str, tuple[int, int]] = {}
    try:
        get = parser.get_event
        get(), get()  # StreamStart, DocumentStart
        if type(get()).__name__ != "MappingStartEvent":
            return None
        depth, expect_key = 1, True
        while True:
            event = get()
            name = type(event).__name__
            if depth == 1:
                if name == "MappingEndEvent":
                    return marks
                if expect_key:
                    if name != "ScalarEvent":
                        return None
                    mark = event.start_mark
                    marks.setdefault(event.value, (mark.line + 1, mark.column + 1))
                    expect_key = False
                    continue
                expect_key = True
            if name in ("MappingStartEvent", "SequenceStartEvent"):
                depth += 1
            elif name in ("MappingEndEvent", "SequenceEndEvent"):
                depth -= 1
                if depth == 1:
                    continue
    except Exception:
        return None
    finally:
        parser.dispose()
