"""Exporters: pure functions from a plan (and its profile) to the bytes or text of a file.

- :func:`milia_cli.exporters.ics.export_ics` — iCalendar (RFC 5545), bytes: one event per routine
  (``per_step=True``: per step), grouped into weekly series by :mod:`milia_cli.exporters.series`
- :func:`milia_cli.exporters.json_export.export_json` — the ``milia.plan/1`` JSON, str
- :func:`milia_cli.exporters.csv_export.export_csv` — one row per step per day with an ``id``
  (``style="google"``/``"outlook"``: a calendar import, one row per routine), str
- :func:`milia_cli.exporters.markdown.export_markdown` — a Markdown handout, str
- :func:`milia_cli.exporters.html.export_html` — a self-contained printable handout, str

Nothing here writes files, reads the clock or the environment; the CLI does that.
This package imports nothing at start-up: import the module you need.
"""

FORMATS = ("ics", "json", "csv", "md", "html")
EXTENSIONS = {"ics": ".ics", "json": ".json", "csv": ".csv", "md": ".md", "html": ".html",
              "report": ".report.html"}  # `batch --format report` (issue 17): beside the handout
