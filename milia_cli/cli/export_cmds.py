"""`milia export ics|json|csv|md|html` and `milia batch`: Typer only (parse, call, write).

Nothing heavy is imported here at module level: exporters, icalendar, rich and
the planner load inside the commands (this module is imported on every run).
"""

from contextlib import ExitStack
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from milia_cli.cli.app import State, command_app, state
from milia_cli.cli.view_opts import from_option, start_option
from milia_cli.errors import MiliaError, UsageError
from milia_cli.safe_text import one_line

if TYPE_CHECKING:
    from milia_cli.plan import Plan

cli = command_app()  # this module's commands; milia_cli.cli.app.COMMANDS names them

MAX_WEEKS = 520
export_app = typer.Typer(help="Export the plan: calendar (ICS), JSON, CSV, Markdown, printable HTML.",
                         no_args_is_help=True)
cli.add_typer(export_app, name="export")


class Paper(str, Enum):
    a4 = "a4"
    letter = "letter"


class BatchFormat(str, Enum):
    html = "html"
    md = "md"
    ics = "ics"
    json = "json"
    report = "report"  # the progress report (issue 17)


_WEEKS = typer.Option(12, "--weeks", "-w", metavar="N", help="How many weeks to export, from --from (default 12).")
_OUTPUT = typer.Option(None, "-o", "--output", metavar="PATH",
                       help="Write to PATH (0600, atomically); '-' or none: standard output.")
_FORCE = typer.Option(False, "--force",
                      help="Replace an existing file that is not this profile's export (never the home or a profile).")
_CLINICIAN = typer.Option(None, "--clinician", metavar="NAME",
                          help="The esthetician's name, printed in the signature box.")
_FROM = from_option()
_START = start_option()


def _check_weeks(weeks: int) -> None:
    from milia_cli.messages import export as msg

    if not 1 <= weeks <= MAX_WEEKS:
        raise UsageError(msg.BAD_WEEKS.format(max=MAX_WEEKS, value=weeks))


def _check_clinician(name: Optional[str]) -> None:
    from milia_cli.messages import export as msg

    if name is not None and (not name.strip() or len(name) > 80 or not name.isprintable()):
        raise UsageError(msg.BAD_CLINICIAN)


def _plan(st: State, weeks: int, from_: Optional[str], start: Optional[str]) -> "Plan":
    """The view an export shows: ``weeks`` weeks from ``--from`` (default: this plan week) of the
    program from ``--start`` (default: schedule.start); see :meth:`milia_cli.home.Home.plan`."""
    from milia_cli.cli.view_opts import note_before_start, view_dates

    _check_weeks(weeks)
    first, day1 = view_dates(st, from_, start)
    plan = st.plan(weeks, first, start=day1)
    note_before_start(st, first, plan.start)
    return plan


def _calendar(st: State, weeks: int, from_: Optional[str], start: Optional[str], *, feed: bool = False):
    """The calendar window of `export ics`/`export csv` (:func:`calendar_opts.calendar_window`)."""
    from milia_cli.cli.calendar_opts import calendar_window
    from milia_cli.cli.view_opts import note_before_start, view_dates

    first, day1 = view_dates(st, from_, start)
    window = calendar_window(st, weeks, first, feed=feed, start=day1)
    note_before_start(st, first, window.plan.start)
    return window


def _emit(st: State, data: bytes, output: Optional[str], force: bool = False) -> None:
    """Write ``data`` to stdout (no -o or '-') or atomically to a private file that
    :func:`milia_cli.outputs.check_output` allows (never the home, a profile, another's file)."""
    from milia_cli.messages import export as msg

    if output in (None, "-"):
        buffer = getattr(st.env.stdout, "buffer", None)
        if buffer is not None:
            st.env.stdout.flush()
            buffer.write(data)
            buffer.flush()
        else:
            st.env.stdout.write(data.decode("utf-8"))
        return
    from milia_cli.outputs import protected_files, write_output

    from milia_cli.guarded_store import interrupts_held

    path = Path(output).expanduser()
    with interrupts_held():  # Ctrl-C now: the file is written whole, and the message says so
        write_output(path, data, locations=st.locations, protected=protected_files(st), force=force)
        st.written.append(path)
    st.err(msg.WROTE.format(path=one_line(path)))


@export_app.command("ics")
def export_ics_cmd(
    ctx: typer.Context,
    weeks: int = _WEEKS,
    output: Optional[str] = _OUTPUT,
    alarm: Optional[int] = typer.Option(None, "--alarm", metavar="MINUTES",
                                        help="Add a reminder MINUTES before each event."),
    expand: bool = typer.Option(False, "--expand", help="One event per occurrence instead of weekly series."),
    per_step: bool = typer.Option(False, "--per-step", help="One series per step instead of one event per routine."),
    feed: bool = typer.Option(False, "--feed", help="A subscription feed: two weeks back, --weeks ahead."),
    from_: Optional[str] = _FROM,
    start: Optional[str] = _START,
    force: bool = _FORCE,
) -> None:
    """The plan as an iCalendar file: one event per morning/evening routine, weekly series."""
    from milia_cli.calendar_window import window_ics
    from milia_cli.cli.calendar_opts import FEED_REFRESH, emit_calendar, warn_wall_times
    from milia_cli.cli.view_opts import check_view_flags
    from milia_cli.exporters.ics import MAX_ALARM_MINUTES
    from milia_cli.messages import calendar as cal_msg
    from milia_cli.messages import export as msg

    if alarm is not None and not 0 <= alarm <= MAX_ALARM_MINUTES:
        raise UsageError(msg.BAD_ALARM.format(max=MAX_ALARM_MINUTES, value=alarm))
    if feed and from_ is not None:
        raise UsageError(cal_msg.FEED_AND_FROM)
    _check_weeks(weeks)
    check_view_flags(from_, start)
    st = state(ctx)
    window = _calendar(st, weeks, from_, start, feed=feed)
    profile = st.profile()
    warn_wall_times(st, profile, window.plan, window.first)
    data = window_ics(window, profile, alarm=alarm, expand=expand, per_step=per_step,
                      refresh=FEED_REFRESH if feed else None)
    emit_calendar(st, data, output, force)


@export_app.command("json")
def export_json_cmd(ctx: typer.Context, weeks: int = _WEEKS, output: Optional[str] = _OUTPUT,
                    from_: Optional[str] = _FROM, start: Optional[str] = _START, force: bool = _FORCE) -> None:
    """The plan as milia.plan/1 JSON (schema: milia_cli/schemas/plan.schema.json)."""
    from milia_cli.exporters.json_export import export_json

    st = state(ctx)
    _emit(st, export_json(_plan(st, weeks, from_, start)).encode("utf-8"), output, force)


class CsvStyle(str, Enum):
    plain = "plain"
    google = "google"
    outlook = "outlook"


@export_app.command("csv")
def export_csv_cmd(
    ctx: typer.Context,
    weeks: int = _WEEKS,
    output: Optional[str] = _OUTPUT,
    google: bool = typer.Option(False, "--google", help="Google Calendar's import columns (= --csv-style google)."),
    style: CsvStyle = typer.Option(CsvStyle.plain, "--csv-style",
                                   help="plain: one row per step per day, with an id; google or outlook: "
                                        "a calendar import, one row per routine."),
    per_step: bool = typer.Option(False, "--per-step", help="google/outlook: one row per step, not per routine."),
    alarm: int = typer.Option(15, "--alarm", metavar="MINUTES", help="outlook: the reminder, MINUTES before."),
    from_: Optional[str] = _FROM,
    start: Optional[str] = _START,
    force: bool = _FORCE,
) -> None:
    """The plan as CSV (a CSV import cannot update or remove events: see the README)."""
    from milia_cli.cli.calendar_opts import emit_calendar, shown_days, warn_wall_times
    from milia_cli.cli.view_opts import check_view_flags
    from milia_cli.exporters.csv_export import export_csv
    from milia_cli.exporters.ics import MAX_ALARM_MINUTES
    from milia_cli.messages import calendar as cal_msg
    from milia_cli.messages import export as msg

    if google and style not in (CsvStyle.plain, CsvStyle.google):
        raise UsageError(cal_msg.BAD_CSV_STYLE.format(style=style.value))
    if not 0 <= alarm <= MAX_ALARM_MINUTES:
        raise UsageError(msg.BAD_ALARM.format(max=MAX_ALARM_MINUTES, value=alarm))
    _check_weeks(weeks)
    check_view_flags(from_, start)
    chosen = "google" if google else style.value
    st = state(ctx)
    window = _calendar(st, weeks, from_, start)
    profile = st.profile()
    if chosen != "plain":
        warn_wall_times(st, profile, window.plan, window.first)
    text = export_csv(shown_days(window), profile, style=chosen, per_step=per_step, alarm=alarm,
                      identity=window.identity)
    emit_calendar(st, text.encode("utf-8"), output, force)


@export_app.command("md")
def export_md_cmd(ctx: typer.Context, weeks: int = _WEEKS, output: Optional[str] = _OUTPUT,
                  clinician: Optional[str] = _CLINICIAN, from_: Optional[str] = _FROM,
                  start: Optional[str] = _START, force: bool = _FORCE) -> None:
    """The client handout as Markdown."""
    from milia_cli.exporters.markdown import export_markdown

    _check_clinician(clinician)
    st = state(ctx)
    plan = _plan(st, weeks, from_, start)
    _emit(st, export_markdown(plan, st.profile(), clinician=clinician, lang=st.env.language).encode("utf-8"), output,
          force)


@export_app.command("html")
def export_html_cmd(
    ctx: typer.Context,
    weeks: int = _WEEKS,
    output: Optional[str] = _OUTPUT,
    clinician: Optional[str] = _CLINICIAN,
    paper: Paper = typer.Option(Paper.a4, "--paper", help="Page size when printed."),
    from_: Optional[str] = _FROM,
    start: Optional[str] = _START,
    force: bool = _FORCE,
) -> None:
    """A self-contained, printable client handout (one HTML file, no external resources)."""
    from milia_cli.exporters.html import export_html

    _check_clinician(clinician)
    st = state(ctx)
    plan = _plan(st, weeks, from_, start)
    html = export_html(plan, st.profile(), clinician=clinician, paper=paper.value, lang=st.env.language)
    _emit(st, html.encode("utf-8"), output, force)


@cli.command("batch")
def batch_cmd(
    ctx: typer.Context,
    directory: Path = typer.Argument(..., metavar="DIR", help="A folder of client TOML files."),
    fmt: BatchFormat = typer.Option(..., "--format", "-F", help="What to write for each client."),
    outdir: Path = typer.Option(..., "-o", "--output", metavar="OUTDIR", help="Where to write (created 0700)."),
    weeks: int = _WEEKS,
    clinician: Optional[str] = _CLINICIAN,
    paper: Paper = typer.Option(Paper.a4, "--paper", help="Page size of HTML handouts."),
    from_: Optional[str] = from_option("Each client's plan from DATE: the same program, not restarted (YYYY-MM-DD, "
                                       "today, yesterday, tomorrow; default: the client's current plan week)."),
    start: Optional[str] = _START,
    force: bool = typer.Option(False, "--force", help="Replace existing files in OUTDIR that milia did not write."),
) -> None:
    """One export per client TOML in DIR; a broken file is reported and skipped."""
    from milia_cli.batch import client_files, run_batch
    from milia_cli.cli.view_opts import check_view_flags
    from milia_cli.messages import common as common_msg
    from milia_cli.messages import export as msg
    from milia_cli.outputs import check_output_dir, remove_stale_temps, write_output

    _check_weeks(weeks)
    _check_clinician(clinician)
    check_view_flags(from_, start)
    if fmt is BatchFormat.report and from_ is not None:
        raise UsageError(msg.BATCH_REPORT_FROM)
    st = state(ctx)
    files = client_files(directory)
    check_output_dir(outdir, locations=st.locations)
    stale = remove_stale_temps(outdir)
    if stale:
        st.err("milia: " + msg.BATCH_STALE_TEMPS.format(count=len(stale), s="" if len(stale) == 1 else "s",
                                                       outdir=outdir))

    import threading

    # On Ctrl-C/SIGTERM no new write starts and the ones in flight finish whole before milia says
    # how many files it wrote (the pool's own shutdown wait is itself interruptible).
    writers, busy, stopping = threading.Condition(), [0], [False]

    def write(target: Path, data: bytes) -> None:  # on the writer threads
        with writers:
            if stopping[0]:
                raise MiliaError(common_msg.INTERRUPTED)
            busy[0] += 1
        try:
            write_output(target, data, locations=st.locations, force=force)
            st.written.append(target)  # an interruption says how many were written
        finally:
            with writers:
                busy[0] -= 1
                writers.notify_all()

    with ExitStack() as stack:
        log_for = identify = None
        if st.has_log():
            from milia_cli.batch import identifier

            store = stack.enter_context(st.open_store())
            log_for, identify = lambda profile: store.read_log(profile.id), identifier(st.locations, store)  # noqa: E731
        on_done, on_error = None, lambda path, error: st.err(msg.BATCH_FAILED_FILE.format(file=one_line(path.name),
                                                                                           error=error))
        if st.env.interactive:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            progress = stack.enter_context(Progress(
                TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
                TimeRemainingColumn(), console=st.env.console(st.env.stderr), transient=True))
            task = progress.add_task(msg.BATCH_PROGRESS, total=len(files))
            on_done = lambda _path: progress.advance(task)  # noqa: E731
            on_error = lambda path, error: progress.console.print(  # noqa: E731
                one_line(msg.BATCH_FAILED_FILE.format(file=path.name, error=error)), markup=False, highlight=False)
        try:
            result = run_batch(directory, fmt.value, outdir, weeks=weeks, today_for=st.env.today, log_for=log_for,
                               first=_on_client_day(from_, "--from"), start=_on_client_day(start, "--start"),
                               clinician=clinician, paper=paper.value, on_error=on_error, on_done=on_done,
                               files=files, identify=identify, on_note=lambda note: st.err(f"milia: {one_line(note)}"),
                               write=write, lang_for=lambda profile: st.env.language_for(profile.lang))
        except KeyboardInterrupt:
            with writers:
                stopping[0] = True
                writers.wait_for(lambda: busy[0] == 0)
            raise
    from milia_cli.batch import report_outputs

    report_outputs(st.out, st.err, result)
    failed = msg.BATCH_SUMMARY_FAILED.format(failed=len(result.failed)) if result.failed else ""
    st.err(msg.BATCH_SUMMARY.format(ok=len(result.written), total=result.total, fmt=fmt.value,
                                    s="" if result.total == 1 else "s", outdir=one_line(outdir), failed=failed))
    if result.failed:
        raise typer.Exit(1)


def _on_client_day(text: Optional[str], flag: str):
    """A batch's ``--from``/``--start`` as a function of each client's today (so ``today`` and
    ``tomorrow`` are the client's, in its zone), or None."""
    if text is None:
        return None
    from milia_cli.dates import parse_date_flag

    return lambda today: parse_date_flag(text, today, flag)
