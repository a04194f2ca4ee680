"""A fast lane past Typer's parameter parsing, for the commands run most (`pdca check`,
`pdca validate`).

Typer (≥ 0.2x) converts every parameter through a pydantic TypeAdapter: importing pydantic
and building them costs more than pdca's whole check of the bundled data. For a command
line made only of what this module understands, `run` parses it itself, from the *same*
Typer declarations (`cli.check`'s signature: option names, types, defaults, environment
variables, parsers), and calls the same command function. Anything else — help, an
unknown or repeated option, `--opt=` forms it does not know, a value it cannot convert
exactly as Typer would, a parameter with a callback or bounds, any usage error before
output — returns None, and Typer runs the command line as always. So the fast lane can
decline, but never answer differently: `tests/test_fastlane.py` holds it to Typer's
parse on a table of command lines, and to the whole run's output and exit status.

PDCA_NO_FASTLANE=1 turns it off.
"""

from __future__ import annotations

import enum
import os
import re
import sys
import typing
from pathlib import Path
from typing import Any

# command name -> function in cli.py (a command whose output is only written at its end,
# or whose usage errors come before any output: see `run`)
COMMANDS = {"check": "check", "validate": "validate"}

_INT = re.compile(r"-?[0-9]+")
_FLOAT = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


class _Decline(Exception):
    pass


class _Param:
    """One parameter of a command function, as Typer declares it."""

    def __init__(self, name: str, annotation: Any, default: Any):
        from typer.models import ArgumentInfo, OptionInfo

        if typing.get_origin(annotation) is not typing.Annotated:
            raise _Decline
        base, *extras = typing.get_args(annotation)
        infos = [e for e in extras if isinstance(e, ArgumentInfo | OptionInfo)]
        if len(infos) != 1:
            raise _Decline
        info = infos[0]
        self.name = name
        self.info = info
        self.argument = isinstance(info, ArgumentInfo)
        self.default = default
        args = typing.get_args(base)
        self.optional = type(None) in args
        if self.optional:
            rest = [a for a in args if a is not type(None)]
            base = rest[0] if len(rest) == 1 else None
        self.multiple = typing.get_origin(base) is list
        self.type = typing.get_args(base)[0] if self.multiple else base
        self.flag = self.type is bool and not self.multiple
        # code Typer runs even for a parameter not given: the whole command goes to Typer
        self.runs_always = bool(
            info.callback or info.is_eager or info.default_factory or getattr(info, "prompt", False)
        )
        # what the fast lane does not do itself: a user who gives such a parameter gets
        # Typer (not given, its default is passed as is)
        self.supported = not (
            info.callback
            or info.is_eager
            or info.default_factory
            or getattr(info, "click_type", None)
            or getattr(info, "count", False)
            or getattr(info, "flag_value", None) is not None
            or getattr(info, "prompt", False)
            or info.min is not None
            or info.max is not None
            or info.exists
            or info.writable
            or not info.readable
            or info.resolve_path
            or info.allow_dash
            or info.path_type is not None
            or info.formats
            or info.mode
            or (self.flag and getattr(info, "is_flag", None) is False)
        )
        if self.argument:
            self.names: tuple[str, ...] = ()
        else:
            # Option("--format", "-f") in Annotated: the first name sits in `default`
            decls = tuple(info.param_decls or ())
            if info.default is not ...:
                decls = (info.default, *decls)
            if not decls:
                flag = name.replace("_", "-")
                decls = (f"--{flag}/--no-{flag}" if self.flag else f"--{flag}",)
            if any(not isinstance(d, str) or "/" in d or " " in d for d in decls):
                self.supported = False
            self.names = decls

    def convert(self, text: str) -> Any:
        """One value from the command line (or the environment), as Typer converts it."""
        if self.info.parser is not None:
            try:
                return self.info.parser(text)
            except Exception:  # a usage error: Typer says it
                raise _Decline from None
        t = self.type
        if t is str:
            return text
        if t is int and _INT.fullmatch(text):
            return int(text)
        if t is float and _FLOAT.fullmatch(text):
            return float(text)
        if t is Path:
            path = Path(text)
            if not text or (not self.info.dir_okay and path.is_dir()):
                raise _Decline
            if not self.info.file_okay and path.exists() and not path.is_dir():
                raise _Decline
            return path
        if isinstance(t, type) and issubclass(t, enum.Enum):
            for member in t:
                if member.value == text:
                    return member
        raise _Decline

    def missing(self) -> Any:
        """The value when the command line does not give it."""
        envvar = getattr(self.info, "envvar", None)
        if isinstance(envvar, str) and os.environ.get(envvar):
            if not self.supported or self.multiple or self.flag:
                raise _Decline
            return self.convert(os.environ[envvar])
        if self.argument:
            raise _Decline  # a missing argument: Typer's usage error
        default = self.default
        if (
            isinstance(default, str)
            and isinstance(self.type, type)
            and issubclass(self.type, enum.Enum)
        ):
            return self.type(default)
        return default


def parse(function, argv: list[str]) -> dict[str, Any]:
    """The keyword arguments Typer would call `function` with, or _Decline."""
    import inspect

    hints = typing.get_type_hints(function, include_extras=True)
    params = [
        _Param(name, hints[name], p.default)
        for name, p in inspect.signature(function).parameters.items()
    ]
    if any(p.runs_always for p in params):
        raise _Decline
    options = {n: p for p in params for n in p.names}
    positional = [p for p in params if p.argument]
    given: dict[str, Any] = {}
    args = list(argv)
    arguments: list[str] = []
    while args:
        token = args.pop(0)
        if not token.startswith("-") or token == "-":
            if token == "-":
                raise _Decline
            arguments.append(token)
            continue
        name, eq, inline = token.partition("=")
        if not eq:
            inline = None
        if (name.startswith("--") and len(name) > 2) or (len(name) == 2 and not eq):
            pass
        else:
            raise _Decline  # "--", "-fjson", "-ab", "-f=x"
        param = options.get(name)
        if param is None or not param.supported:
            raise _Decline
        if param.flag:
            if inline is not None or param.name in given:
                raise _Decline
            given[param.name] = True
            continue
        if inline is None:
            if not args or args[0].startswith("-"):
                raise _Decline
            inline = args.pop(0)
        value = param.convert(inline)
        if param.multiple:
            given.setdefault(param.name, []).append(value)
        elif param.name in given:
            raise _Decline  # repeated: Typer takes the last; keep it simple
        else:
            given[param.name] = value
    if len(arguments) != len(positional):
        raise _Decline
    for param, text in zip(positional, arguments, strict=True):
        if not param.supported or param.multiple:
            raise _Decline
        given[param.name] = param.convert(text)
    return {p.name: given[p.name] if p.name in given else p.missing() for p in params}


class _Held:
    """A stream whose writes are held (in order, with the other stream's) until the
    command has finished; everything else is the real stream's (isatty, fileno, …)."""

    def __init__(self, stream, chunks: list):
        self._stream = stream
        self._chunks = chunks

    def write(self, text):
        self._chunks.append((self._stream, text))
        return len(text)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        pass

    def __getattr__(self, name):
        if name == "buffer":
            raise AttributeError(name)  # bytes written past us would come out of order
        return getattr(self._stream, name)


def _replay(chunks: list) -> None:
    for stream, text in chunks:
        stream.write(text)
    for stream in {id(s): s for s, _ in chunks}.values():
        stream.flush()


def run(argv: list[str]) -> int | None:
    """Run the command line in the fast lane: its exit status, or None (Typer's turn).

    The command's output is held until it has finished: a usage error that only the
    command itself can find (a --goal beyond the strategy's goals) then leaves nothing
    printed, and Typer runs the command line again and reports it in its own words.
    """
    if os.environ.get("PDCA_NO_FASTLANE") or not argv or argv[0] not in COMMANDS:
        return None
    from typer import Exit
    from typer.exceptions import TyperException as ClickException  # usage errors

    from . import cli
    from .i18n import lang_of_args, set_lang
    from .options import OptionError  # a bad option value: a usage error too

    set_lang(lang_of_args(argv))  # pdca's own messages follow --lang, as on Typer's path
    function = getattr(cli, COMMANDS[argv[0]])
    try:
        kwargs = parse(function, argv[1:])
    except (_Decline, ClickException):
        return None
    out, err = sys.stdout, sys.stderr
    chunks: list = []
    sys.stdout, sys.stderr = _Held(out, chunks), _Held(err, chunks)
    try:
        function(**kwargs)
        code = 0
    except Exit as exc:
        code = exc.exit_code
    except (ClickException, OptionError):
        return None  # nothing was printed: Typer's turn
    except BaseException:
        sys.stdout, sys.stderr = out, err
        _replay(chunks)
        raise
    finally:
        sys.stdout, sys.stderr = out, err
    try:
        _replay(chunks)
    except BrokenPipeError:  # `pdca check … | head`: quietly, as click does
        os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())
        return 1
    return code
