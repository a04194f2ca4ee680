"""The help page, in the run's language: usage, what the command does, its arguments and
options with placeholders a person reads (YEAR, FILE, N…), examples and exit codes.

Every text comes from the catalogue (`i18n/help.py`): a parameter's `help` is a code,
filled with its choices; the command's is `help-NAME` with `-examples` and `-exits`.
Lines are folded by display width (a Japanese character takes two columns).
"""

from __future__ import annotations

import unicodedata
from enum import Enum

from typer.core import TyperCommand

from ..i18n import HELP
from ..i18n import text as msg

# what Typer and click add themselves, by parameter name
BUILT_IN = {
    "help": "opt-help",
    "install_completion": "opt-install-completion",
    "show_completion": "opt-show-completion",
}
GAP = 2
MAX_NAME = 28


class PdcaCommand(TyperCommand):
    """A pdca command: its help page from the catalogue, and extra arguments as a usage
    error said by the boundary."""

    allow_extra_args = True  # checked in parse_args, to be said from the catalogue

    def parse_args(self, ctx, args):
        from typer._click.exceptions import BadOptionUsage

        from .common import Usage
        from .usage import option_usage

        try:
            rest = super().parse_args(ctx, args)
        except BadOptionUsage as exc:
            raise option_usage(self, exc) from None
        if rest and not ctx.resilient_parsing:
            raise Usage("usage-extra-arguments", args=" ".join(rest), s="s" * (len(rest) > 1))
        return rest

    def format_help(self, ctx, formatter) -> None:
        format_page(self, ctx, formatter, self.name or "")

    def get_usage(self, ctx) -> str:
        return usage_line(self, ctx)


def format_group_help(group, ctx, formatter) -> None:
    """`pdca --help`: the commands listed from the catalogue (no command is imported)."""
    rows = [(name, msg(f"help-{name}-short")) for name in group.list_commands(ctx)]
    format_page(group, ctx, formatter, "pdca", commands=rows)


def usage_line(command, ctx) -> str:
    pieces = [msg("help-options-placeholder")]
    for param in command.get_params(ctx):
        if param.param_type_name == "argument":
            name = param.metavar or param.name.upper()
            pieces.append(name if param.required else f"[{name}]")
    if hasattr(command, "list_commands"):
        pieces.append(msg("help-command-placeholder"))
    return f"{msg('help-usage')} {ctx.command_path} {' '.join(pieces)}"


def format_page(command, ctx, formatter, name: str, commands=None) -> None:
    width = max(formatter.width or 80, 40)
    out: list[str] = [usage_line(command, ctx), ""]
    out += [f"  {line}" for line in _fold_lines(msg(f"help-{name}"), width - 2)]
    params = [p for p in command.get_params(ctx) if not getattr(p, "hidden", False)]
    arguments = [_record(p, ctx) for p in params if p.param_type_name == "argument"]
    options = [_record(p, ctx) for p in params if p.param_type_name == "option"]
    for heading, rows in (
        ("help-arguments", arguments),
        ("help-options", options),
        ("help-commands", commands or []),
    ):
        if rows:
            out += ["", msg(heading), *_table(rows, width)]
    out += ["", msg("help-examples")]
    for line in msg(f"help-{name}-examples").splitlines():  # a command, then what it does
        out += [f"  {line}"] if line.startswith("pdca") else _hanging(line.strip(), width, 6)
    out += ["", msg("help-exit-codes")]
    for line in msg(f"help-{name}-exits").splitlines():  # '0  ok'
        out += _hanging(line, width, 2, 5)
    formatter.write("\n".join(out) + "\n")


def _hanging(text: str, width: int, indent: int, hang: int | None = None) -> list[str]:
    """`text` folded to `width`, its first line indented by `indent` and the others by
    `hang` (the same by default)."""
    hang = indent if hang is None else hang
    lines = _fold(text, width - hang)
    return [" " * (indent if i == 0 else hang) + line for i, line in enumerate(lines)]


def _record(param, ctx) -> tuple[str, str]:
    """(the parameter as typed, what it means) for the table of the help page."""
    if param.param_type_name == "argument":
        name = param.metavar or param.name.upper()
    else:
        name = ", ".join(sorted(param.opts, key=len))
        if not param.is_flag:
            name += f" {param.metavar or param.name.upper()}"
        if param.secondary_opts:
            name += " / " + ", ".join(param.secondary_opts)
    code = BUILT_IN.get(param.name, param.help or "")
    help_text = msg(code, choices=_choices(param)) if code in HELP else code
    extra = []
    default = None if param.param_type_name == "argument" else param.default
    if param.show_default is not False and default not in (None, False, True, ()):
        value = default.value if isinstance(default, Enum) else default
        extra.append(msg("help-default", value=value))
    if param.envvar:
        extra.append(msg("help-envvar", name=param.envvar))
    if param.required and param.param_type_name == "option":
        extra.append(msg("help-required"))
    if extra:
        help_text += f"  [{'; '.join(extra)}]"
    return name, help_text


def _choices(param) -> str:
    descriptor = getattr(param, "type_descriptor", None)
    choices = descriptor.choices if descriptor is not None else None
    if not choices:
        return ""
    return ", ".join(str(c.value if isinstance(c, Enum) else c) for c in choices)


def _table(rows: list[tuple[str, str]], width: int) -> list[str]:
    column = min(max(_cells(name) for name, _ in rows), MAX_NAME) + GAP
    lines = []
    for name, help_text in rows:
        folded = _fold(help_text, max(width - 2 - column, 20))
        if _cells(name) + GAP > column:
            lines.append(f"  {name}")
        else:
            first = folded.pop(0) if folded else ""
            lines.append(f"  {name}{' ' * (column - _cells(name))}{first}".rstrip())
        lines += [f"  {' ' * column}{line}" for line in folded]
    return lines


def _cells(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _fold_lines(text: str, width: int) -> list[str]:
    return [line for paragraph in text.splitlines() for line in _fold(paragraph, width) or [""]]


def _fold(text: str, width: int) -> list[str]:
    """Lines of at most `width` columns: broken at a space, or between two characters
    when one is wide (Japanese has no spaces); never before closing punctuation."""
    lines: list[str] = []
    line, used, last_break = "", 0, -1
    for char in text:
        cells = _cells(char)
        if used + cells > width and line:
            cut = last_break if last_break > 0 else len(line)
            while cut < len(line) and line[cut] in "、。，．）」』】〕":
                cut += 1  # keep closing punctuation with what it closes
            lines.append(line[:cut].rstrip())
            line = line[cut:].lstrip()
            used = _cells(line)
            last_break = -1
        if char == " ":
            last_break = len(line) + 1
        elif cells == 2 or (line and _cells(line[-1]) == 2):
            last_break = len(line)
        line += char
        used += cells
    if line.strip():
        lines.append(line.rstrip())
    return lines
