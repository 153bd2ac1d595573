"""The export formats, one row each (issue 14, item 3): the one table from which the
`milia export <format>` subcommands, `batch --format`'s choices and its dispatch are made.

A row says what a format is called, the extension of its files, the summary its command
shows, what it is made from (``source``), its own options, whether `batch` writes it, and the
function that renders it — named as ``"module:function"`` and imported only when the format
runs, so naming a format costs nothing at start-up (this module imports nothing heavy).

``source`` is what the renderer is given first:

- ``"plan"``: the view of the plan (``--weeks`` weeks from ``--from``, :meth:`Home.plan`);
- ``"calendar"``: the calendar window (:func:`milia_cli.calendar_window.window_for`; a
  calendar format with a ``feed`` option gets the feed window when it is set), its DST
  warnings printed when ``wall_times(options)`` says so;
- ``"report"``: ``(profile, log, today, weeks)``, for the progress report (batch only).

The renderer gets the row's options as keywords and returns ``str`` (written as UTF-8) or
``bytes``; ``check`` (optional, ``"module:function"``) refuses bad option values with a usage
error, and may normalise them, before any file is read; ``identify`` (optional) recognises an
earlier file of the format, so re-running an export over it needs no ``--force``. A new
format: its module (renderer, checks) and one row here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from milia_cli.records import NamedTuple


class Opt(NamedTuple):
    """One option of a format, as plain data (the command line makes a Typer option of it)."""

    name: str  # the keyword its renderer gets
    flags: tuple[str, ...]  # ("--alarm",)
    default: Any
    help: str
    kind: type = str  # str, int or bool; with ``choices``, one of them
    metavar: str | None = None
    choices: tuple[str, ...] = ()


class Format(NamedTuple):
    name: str  # `milia export NAME`, `batch --format NAME`
    extension: str  # of the files `batch` writes
    summary: str  # the command's help
    source: str  # "plan", "calendar" or "report" (see the module's docstring)
    render: str  # "module:function", imported when the format runs
    options: tuple[Opt, ...] = ()
    batch: int = 0  # its place among `batch --format`'s choices (0: batch does not write it)
    command: bool = True  # a `milia export NAME` subcommand (the report has its own command)
    check: str | None = None  # "module:function(options) -> options": usage errors first
    wall_times: Callable[[dict[str, Any]], bool] | None = None  # calendars: warn of DST gaps?
    # "module:function(head: bytes) -> str | None": the profile an earlier file of this format
    # names, so `-o` and `batch` replace it without --force (outputs.output_identity); the
    # formats above are known there already
    identify: str | None = None
    language: bool = False  # its renderer takes ``lang``: a handout or report people read (issue 17, item 3)


# -- shared options -----------------------------------------------------------------------------------
CLINICIAN = Opt("clinician", ("--clinician",), None, "The esthetician's name, printed in the signature box.",
                metavar="NAME")
PAPER = Opt("paper", ("--paper",), "a4", "Page size when printed.", choices=("a4", "letter"))
PER_STEP = Opt("per_step", ("--per-step",), False, "One series per step instead of one event per routine.", bool)

FORMATS: list[Format] = [
    Format("ics", ".ics", "The plan as an iCalendar file: one event per morning/evening routine, weekly series.",
           "calendar", "milia_cli.exporters.ics:render_ics", (
               Opt("alarm", ("--alarm",), None, "Add a reminder MINUTES before each event.", int, "MINUTES"),
               Opt("expand", ("--expand",), False, "One event per occurrence instead of weekly series.", bool),
               PER_STEP,
               Opt("feed", ("--feed",), False, "A subscription feed: two weeks back, --weeks ahead.", bool),
           ), batch=3, check="milia_cli.exporters.ics:check_ics", wall_times=lambda options: True),
    Format("json", ".json", "The plan as milia.plan/1 JSON (schema: milia_cli/schemas/plan.schema.json).",
           "plan", "milia_cli.exporters.json_export:export_json", batch=4),
    Format("csv", ".csv", "The plan as CSV (a CSV import cannot update or remove events: see the README).",
           "calendar", "milia_cli.exporters.csv_export:render_csv", (
               Opt("google", ("--google",), False, "Google Calendar's import columns (= --csv-style google).", bool),
               Opt("style", ("--csv-style",), "plain", "plain: one row per step per day, with an id; google or "
                   "outlook: a calendar import, one row per routine.", choices=("plain", "google", "outlook")),
               PER_STEP._replace(help="google/outlook: one row per step, not per routine."),
               Opt("alarm", ("--alarm",), 15, "outlook: the reminder, MINUTES before.", int, "MINUTES"),
           ), check="milia_cli.exporters.csv_export:check_csv",
           wall_times=lambda options: options["style"] != "plain"),
    Format("md", ".md", "The client handout as Markdown.", "plan", "milia_cli.exporters.markdown:export_markdown",
           (CLINICIAN,), batch=2, check="milia_cli.exporters.handout:check_handout", language=True),
    Format("html", ".html", "A self-contained, printable client handout (one HTML file, no external resources).",
           "plan", "milia_cli.exporters.html:export_html", (CLINICIAN, PAPER), batch=1,
           check="milia_cli.exporters.handout:check_handout", language=True),
    Format("report", ".report.html", "The progress report (issue 17): the last --weeks weeks of the log.",
           "report", "milia_cli.exporters.report_html:report_bytes", (PAPER,), batch=5, command=False,
           language=True),
]


def get(name: str) -> Format | None:
    return next((f for f in FORMATS if f.name == name), None)


def commands() -> list[Format]:
    """The formats of `milia export`, in the table's order."""
    return [f for f in FORMATS if f.command]


def batch_formats() -> list[Format]:
    """The formats `batch --format` takes, in the order its help lists them."""
    return sorted((f for f in FORMATS if f.batch), key=lambda f: f.batch)


def load(target: str) -> Callable[..., Any]:
    """The function ``"module:function"`` names (its module imported now)."""
    import sys

    module, _, attr = target.partition(":")
    __import__(module)  # an import statement, as the command table's: `python -X importtime` sees it
    return getattr(sys.modules[module], attr)


def defaults(fmt: Format, **given: Any) -> dict[str, Any]:
    """``fmt``'s options at their defaults, with those of ``given`` it has (batch's --clinician, --paper)."""
    options = {o.name: o.default for o in fmt.options}
    options.update((k, v) for k, v in given.items() if k in options)
    return options


def checked(fmt: Format, options: dict[str, Any]) -> dict[str, Any]:
    """``options`` after the format's own check (a usage error for a bad value)."""
    return load(fmt.check)(options) if fmt.check else options


def as_bytes(data: str | bytes) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else data
