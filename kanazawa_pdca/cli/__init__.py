"""The `pdca` command line: one command table, imported lazily, and one error boundary.

Each command is a plain function in a module of its own (`cli/check.py`, …) whose
parameters are Typer declarations (the one parser); shared options are in `common.py`.
`PdcaGroup` imports a command's module only when that command runs, completes or shows its
help, so `pdca check` pays for `check` alone. `main` is the one error boundary: an input
error is its FILE:LINE:COL lines and exit 2, a usage error one line and exit 2, --fail-on
exit 1, and never a traceback. Everything it says comes from the message catalogue
(`i18n`), in Japanese unless `--lang en` or PDCA_LANG=en. Nothing imports this package
(tests may).
"""

from __future__ import annotations

import gc
import os
import sys
from typing import Annotated

import typer
from typer.core import TyperGroup

from ..diagnostics import Exit, InputError
from ..i18n import Lang, lang_of_args, set_lang
from ..i18n import text as msg
from ..options import OptionError
from .helptext import PdcaCommand, format_group_help

# command name -> its module in this package (the function has the module's name)
COMMANDS: dict[str, str] = {
    "validate": "validate",
    "kpis": "kpis",
    "check": "check",
    "diff": "diff",
    "show": "show",
    "report": "report",
    "schema": "schema",
    "template": "template",
    "record": "record",
    "import": "import_",
    "missing": "missing",
    "init": "init",
}


def build_command(name: str):
    """The click command of `name`, from its module's Typer declarations."""
    import importlib

    from typer.main import get_command_from_info
    from typer.models import CommandInfo

    module = COMMANDS[name]
    function = getattr(importlib.import_module(f"{__name__}.{module}"), module)
    info = CommandInfo(name=name, callback=function, cls=PdcaCommand, help=f"help-{name}")
    return get_command_from_info(info, pretty_exceptions_short=True, rich_markup_mode=None)


class PdcaGroup(TyperGroup):
    """The `pdca` group: the command table (commands built when first asked for), its
    help page in the run's language, and the one error boundary (`main`)."""

    def get_params(self, ctx):
        params = super().get_params(ctx)
        for param in params:
            if param.name == "install_completion":  # Typer's, said from the catalogue
                from .complete import install

                param.callback = install
        return params

    def list_commands(self, ctx) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx, cmd_name: str):
        if cmd_name not in COMMANDS:
            return None
        if cmd_name not in self.commands:
            self.commands[cmd_name] = build_command(cmd_name)
        return self.commands[cmd_name]

    def resolve_command(self, ctx, args):
        name = args[0]
        if name not in COMMANDS and not ctx.resilient_parsing:
            if name.startswith("-"):
                self.parse_args(ctx, args)  # an unknown option of `pdca` itself
            from difflib import get_close_matches

            from .common import Usage
            from .usage import did_you_mean

            near = get_close_matches(name, list(COMMANDS))
            raise Usage("usage-no-such-command", name=name, suggest=did_you_mean(near))
        return super().resolve_command(ctx, args)

    def parse_args(self, ctx, args):
        from typer._click.exceptions import BadOptionUsage, NoArgsIsHelpError

        from .usage import option_usage

        try:
            rest = super().parse_args(ctx, args)
        except BadOptionUsage as exc:
            raise option_usage(self, exc) from None
        if not ctx._protected_args and not ctx.resilient_parsing:
            raise NoArgsIsHelpError(ctx)  # `pdca --lang en`: no command, the help
        return rest

    def format_help(self, ctx, formatter) -> None:
        format_group_help(self, ctx, formatter)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        argv = list(sys.argv[1:] if args is None else args)
        set_lang(lang_of_args(argv))
        prog_name = prog_name or "pdca"
        if not standalone_mode:
            return super().main(argv, prog_name, complete_var, False, **extra)
        group = super()
        sys.exit(boundary(lambda: group.main(argv, prog_name, complete_var, False, **extra), argv))


def _where(argv: list[str]) -> str:
    """'pdca check' (the command given), or 'pdca'."""
    command = next((a for a in argv if a in COMMANDS), None)
    return f"pdca {command}" if command else "pdca"


def boundary(run, argv: list[str]) -> int:
    """Run the command line; its exit status. The one place where errors become what the
    user reads (one line, or the located diagnostics) and an exit status."""
    from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError

    from .common import err, fail

    where = _where(argv)
    try:
        rv = run()
    except InputError as exc:
        return fail(exc.diagnostics).exit_code
    except OptionError as exc:
        err(f"{where}: {msg(exc.code, **exc.params)} [{exc.code}]\n")
        return Exit.BAD_INPUT
    except NoArgsIsHelpError as exc:
        exc.show()
        return exc.exit_code
    except UsageError as exc:
        from .usage import usage_message

        err(msg("usage", where=where, message=usage_message(exc)) + "\n")
        return Exit.BAD_INPUT
    except ClickException as exc:
        exc.show()
        return exc.exit_code
    return rv if isinstance(rv, int) else 0


app = typer.Typer(
    cls=PdcaGroup,
    name="pdca",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        print(f"pdca {__version__}")
        raise typer.Exit()


@app.callback(help="help-pdca")
def _main(
    version: Annotated[
        bool, typer.Option("--version", help="opt-version", callback=_version, is_eager=True)
    ] = False,
    lang: Annotated[
        Lang | None,
        typer.Option("--lang", help="opt-lang", metavar="LANG", show_default=False),
    ] = None,
) -> None:
    if lang is not None:
        set_lang(lang.value)


def main() -> None:
    """Console-script entry point."""
    # pydantic scans every installed package's entry points for plugins (~15 ms a run);
    # pdca uses none.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # A run is short and keeps what it builds (the command's parameters, the validators,
    # the models, the report): the cyclic collector's passes over them, every 700
    # allocations, were 5-6% of `pdca check`'s CPU time and found next to nothing.
    # It collects every 100,000 (as mypy raises its threshold), so a big run still does.
    gc.set_threshold(100_000, 50, 100)
    try:
        app()
    finally:
        # The run is over: move every object to the permanent generation, so that the
        # interpreter's collections at exit do not walk them all again (60 -> 11 ms).
        gc.freeze()
