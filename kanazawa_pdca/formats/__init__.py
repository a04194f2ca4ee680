"""Output formats: one module per format, each rendering the same Report to text.

`FORMATS` is the one registry: a format name -> the module that renders it. Every
module has `render(report, options) -> str`; none of them computes a status.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType

from ..i18n import Lang

# name -> module (imported only when used, to keep start-up fast)
FORMATS: dict[str, str] = {
    "table": "table",
    "json": "json_format",
    "csv": "csv_format",
    "markdown": "markdown",
    "github": "github",
    "junit": "junit",
    "xlsx": "xlsx_format",  # bytes: written with -o only
}


@dataclass(frozen=True)
class RenderOptions:
    lang: Lang = "ja"
    color: bool = False  # ANSI colour (the table only)
    width: int | None = None  # the width to fit (the table only); None: the table's own
    summary_only: bool = False  # `check --summary`: the heading and the summary alone
    outlook: bool | None = None  # the table's 見込み column: None = when wide enough
    fail_on: str | None = None  # the --fail-on status, for CI formats
    fail_grade: str | None = None  # …or the --fail-on grade (a code of the strategy's grades)


def formatter(name: str) -> ModuleType:
    return importlib.import_module(f"{__name__}.{FORMATS[name]}")


def render(name: str, report, options: RenderOptions | None = None) -> str | bytes:
    return formatter(name).render(report, options or RenderOptions())
