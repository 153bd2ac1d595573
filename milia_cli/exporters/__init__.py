"""Exporters: pure functions from a plan to the bytes or text of a file.

The formats are rows of one table, :data:`milia_cli.exporters.registry.FORMATS` (name,
extension, summary, options, batch support, the renderer): `milia export <format>` and
`batch --format` are made from it.

- :func:`milia_cli.exporters.ics.export_ics` — iCalendar (RFC 5545), bytes: one event per routine
  (``per_step=True``: per step), grouped into weekly series by :mod:`milia_cli.exporters.series`
- :func:`milia_cli.exporters.json_export.export_json` — the ``milia.plan/1`` JSON, str
- :func:`milia_cli.exporters.csv_export.export_csv` — one row per step per day with an ``id``
  (``style="google"``/``"outlook"``: a calendar import, one row per routine), str
- :func:`milia_cli.exporters.markdown.export_markdown` — a Markdown handout, str
- :func:`milia_cli.exporters.html.export_html` — a self-contained printable handout, str

A plan made by :func:`milia_cli.planner.build_plan` carries its person's name and schedule
(times, zone), so an exporter takes the plan alone; a plan built by hand passes its profile
too (``export_ics(plan, profile)``). Nothing here writes files, reads the clock or the
environment; the CLI does that. This package imports nothing at start-up: import the module
you need.
"""

from typing import Any


def __getattr__(name: str) -> Any:
    """``FORMATS`` (the `milia export` formats) and ``EXTENSIONS`` (every format's), from the registry."""
    if name == "FORMATS":
        from milia_cli.exporters.registry import commands

        return tuple(f.name for f in commands())
    if name == "EXTENSIONS":
        from milia_cli.exporters.registry import FORMATS

        return {f.name: f.extension for f in FORMATS}
    raise AttributeError(f"module 'milia_cli.exporters' has no attribute {name!r}")
