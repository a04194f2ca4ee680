"""kanazawa-pdca: PDCA progress checker for the KPIs of a comprehensive strategy (地方版総合戦略);
the bundled default is Kanazawa City's third comprehensive strategy.

Python API (the CLI is a thin layer over it):

    from kanazawa_pdca import load_all, assess
    strategy, actuals, warnings = load_all(Path("data/strategy.yaml"), Path("data/actuals"))
    report = assess(strategy, actuals, 2026)
"""

__version__ = "0.1.0"


def __getattr__(name: str):  # lazy, so that `import kanazawa_pdca` stays cheap
    if name == "assess":
        from .assess import assess

        return assess
    if name in ("load_all", "load_strategy", "load_actuals"):
        from . import load

        return getattr(load, name)
    raise AttributeError(name)
