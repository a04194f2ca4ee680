"""A usage error in one line, from the catalogue: what click found (no such option, a
missing argument, a bad choice or value…) or what pdca found itself (`common.Usage`).

Click's exceptions carry what went wrong as values (the option, the parameter, the
validation error with the input); the line is made from those, never from click's text.
"""

from __future__ import annotations

from enum import Enum

from ..i18n import text as msg


def usage_message(exc) -> str:
    """'--lang: 'fr' は使えません（ja, en のいずれか）' — without the 'pdca check: ' part."""
    from typer._click.exceptions import (
        BadOptionUsage,
        BadParameter,
        MissingParameter,
        NoSuchOption,
    )

    from .common import Usage

    if isinstance(exc, Usage):
        return _hinted(exc, msg(exc.code, **exc.values))
    if isinstance(exc, NoSuchOption):
        suggest = did_you_mean(sorted(exc.possibilities or []))
        return msg("usage-no-such-option", option=exc.option_name, suggest=suggest)
    if isinstance(exc, MissingParameter):
        param = exc.param
        if param is not None and param.param_type_name == "argument":
            return msg("usage-missing-argument", name=_name(param))
        return msg("usage-missing-option", name=_name(param) if param else "")
    if isinstance(exc, BadOptionUsage):
        return msg("usage-needs-value", option=exc.option_name)
    if isinstance(exc, BadParameter):
        return _hinted(exc, _bad_value(exc))
    return " ".join(exc.format_message().split())  # not raised by pdca's commands


def did_you_mean(names: list[str]) -> str:
    """' (did you mean check, schema?)' — or nothing without a close name."""
    return msg("usage-did-you-mean", names=", ".join(names)) if names else ""


def _name(param) -> str:
    """YEAR for an argument, --format for an option."""
    if param.param_type_name == "argument":
        return param.metavar or param.name.upper()
    return max(param.opts, key=len)


def _hinted(exc, message: str) -> str:
    """'YEAR: …' / '--format: …': the parameter the error is about, when known."""
    hint = exc.param_hint
    if hint is None and exc.param is not None:
        hint = _name(exc.param)
    if isinstance(hint, list | tuple):
        hint = " / ".join(hint)
    return f"{hint}: {message}" if hint else message


def option_usage(command, exc):
    """A `Usage` for click's BadOptionUsage (raised without its context): an option given
    without its value, or a flag given one (--summary=yes)."""
    from .common import Usage

    option = next(
        (p for p in command.params if exc.option_name in (*p.opts, *p.secondary_opts)), None
    )
    flag = option is not None and getattr(option, "is_flag", False)
    code = "usage-takes-no-value" if flag else "usage-needs-value"
    return Usage(code, option=exc.option_name)


def _bad_value(exc) -> str:
    """A value Typer could not convert: a choice, a whole number, a minimum (or a
    BadParameter raised with its message)."""
    error = _validation_error(exc)
    if error is None:  # raised by pdca with its own words (entry.actions.UsageError)
        return " ".join(exc.message.split())
    value = error.get("input")
    choices = getattr(getattr(exc.param, "type_descriptor", None), "choices", None)
    if choices:
        names = ", ".join(str(c.value if isinstance(c, Enum) else c) for c in choices)
        return msg("usage-bad-choice", value=str(value), choices=names)
    kind = error.get("type", "")
    if kind.startswith("int_"):
        return msg("usage-not-a-number", value=str(value))
    if kind == "greater_than_equal":
        return msg("usage-too-small", value=value, min=(error.get("ctx") or {}).get("ge"))
    return msg("usage-bad-value", value=str(value))


def _validation_error(exc) -> dict | None:
    """The first error of the pydantic ValidationError Typer raised this from, if any."""
    from pydantic import ValidationError

    cause = exc.__cause__
    if isinstance(cause, ValidationError) and cause.errors():
        return cause.errors()[0]
    return None
