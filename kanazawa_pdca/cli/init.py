"""`pdca init DIR [--from FILE]`: a new strategy folder (a skeleton, or the strategy built
from the KPI list a city keeps)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .common import LangOpt, language, run_action


def init(
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="arg-init-dir", show_default=False)],
    source: Annotated[
        Path | None,
        typer.Option("--from", help="opt-init-from", metavar="FILE", show_default=False),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="opt-init-force")] = False,
    lang: LangOpt = None,
) -> None:
    lang = language(lang)

    def action():
        from ..entry.actions import Result
        from ..entry.init import init_folder
        from ..load import display_name

        shown = display_name(folder)
        source_shown = display_name(source) if source is not None else None
        done = init_folder(
            folder, shown, source=source, source_shown=source_shown, force=force, lang=lang
        )
        return Result(done)

    run_action(action)
