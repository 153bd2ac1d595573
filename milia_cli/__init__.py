"""milia: a command-line skincare planner for people prone to milia.

The library API (as sqlite-utils': every command is a thin wrapper over it)::

    from milia_cli import Home, Planner, build_plan
    home = Home(profile="ana")                 # MILIA_HOME or the platform's directories
    plan = build_plan(home.profile(), home.load_log(), weeks=4, today=home.today())
    planner = Planner(home.profile(), home.load_log(), today=home.today())   # plan, days, day, day_view

Names are imported on first use, so ``import milia_cli`` (every run of the CLI) stays light.
"""

__version__ = "0.1.0"

__all__ = ["Home", "Planner", "build_plan", "day_view", "load_profile", "open_store"]

_LAZY = {
    "Home": "milia_cli.home",
    "Planner": "milia_cli.planner",
    "build_plan": "milia_cli.planner",
    "day_view": "milia_cli.planner",
    "load_profile": "milia_cli.profile",
    "open_store": "milia_cli.store",
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'milia_cli' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
