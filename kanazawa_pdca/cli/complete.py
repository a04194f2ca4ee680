"""Shell completion of values (Typer's `autocompletion=` callbacks): KPI ids and statuses.

Commands, options and the choices of an enum (formats, --lang, --color) Typer completes
from the declarations themselves. A callback never fails: on any problem it offers nothing.
"""

from __future__ import annotations


def kpi_ids(ctx, incomplete: str) -> list[tuple[str, str]]:
    """The strategy's KPI ids starting with what is typed, each with its name.

    Read cheaply: the YAML fast path and the `kpis` list alone, no validation (a file it
    declines is read by the full loader)."""
    from ..i18n import current_lang
    from ..load import resolve_strategy

    try:
        path = resolve_strategy(ctx.params.get("strategy"))
        kpis = _kpis(path)
    except Exception:  # completion must never print a traceback into the shell
        return []
    en = current_lang() == "en"
    return [
        (str(k.get("id")), str(k.get("name_en" if en else "name") or ""))
        for k in kpis
        if isinstance(k, dict) and str(k.get("id", "")).startswith(incomplete)
    ]


def _kpis(path) -> list:
    from .. import fastyaml

    data = fastyaml.load(path.read_text(encoding="utf-8"))
    if data is fastyaml.DECLINED:
        from ..load import load_strategy

        kpis = load_strategy(path).kpis
        return [{"id": k.id, "name": k.name, "name_en": k.name_en} for k in kpis]
    return (data.get("kpis") or []) if isinstance(data, dict) else []


def statuses(ctx, incomplete: str) -> list[tuple[str, str]]:
    """The statuses (off-track …) starting with what is typed, each with its Japanese word."""
    from ..i18n import STATUS_WORDS

    names = [(s.value.replace("_", "-"), words["ja"]) for s, words in STATUS_WORDS.items()]
    return [(name, word) for name, word in names if name.startswith(incomplete)]


def install(ctx, param, value):
    """`pdca --install-completion`: Typer's installation for the shell in use (or the one
    given), said from the catalogue."""
    if not value or ctx.resilient_parsing:
        return value
    import sys

    from typer.completion import Shells, _get_shell_name
    from typer.completion import install as install_for

    from ..i18n import text as msg

    shell = value if isinstance(value, str) else _get_shell_name()
    if shell not in {s.value for s in Shells}:
        print(msg("completion-unsupported", shell=shell or "?"), file=sys.stderr)
        sys.exit(1)
    shell, path = install_for(shell=shell, prog_name=ctx.find_root().info_name)
    print(msg("completion-installed", shell=shell, path=path))
    sys.exit(0)
