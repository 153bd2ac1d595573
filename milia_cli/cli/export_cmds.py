"""`milia export <format>` and `milia batch`: Typer only (parse, call, write).

The export subcommands and `batch --format`'s choices are made from the one table of
formats, :data:`milia_cli.exporters.registry.FORMATS` (Typer's public API: a command
function per row, its signature the row's options). Nothing heavy is imported here at module
level: a format's module, icalendar, rich and the planner load inside the command that runs.
"""

import inspect
from contextlib import ExitStack
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from milia_cli.cli.app import State, command_app, state
from milia_cli.cli.view_opts import from_option, start_option
from milia_cli.errors import ExitCode, MiliaError, UsageError
from milia_cli.exporters import registry
from milia_cli.safe_text import one_line

if TYPE_CHECKING:
    from milia_cli.exporters.registry import Format, Opt
    from milia_cli.plan import Plan

cli = command_app()  # this module's commands; milia_cli.cli.app.COMMANDS names them

MAX_WEEKS = 520
export_app = typer.Typer(help="Export the plan: calendar (ICS), JSON, CSV, Markdown, printable HTML.",
                         no_args_is_help=True)
cli.add_typer(export_app, name="export")


class Paper(str, Enum):
    a4 = "a4"
    letter = "letter"


def _choices(name: str, values: "tuple[str, ...] | list[str]") -> Any:
    """A str Enum of ``values`` (how Typer takes a choice: `<a4|letter>` in the help)."""
    return Enum(name, [(v, v) for v in values], type=str)


BatchFormat: Any = _choices("BatchFormat", [f.name for f in registry.batch_formats()])  # a type only to Typer

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


def _check_clinician(name: str | None) -> None:
    from milia_cli.exporters.handout import check_handout

    check_handout({"clinician": name})


def _plan(st: State, weeks: int, from_: str | None, start: str | None) -> "Plan":
    """The view an export shows: ``weeks`` weeks from ``--from`` (default: this plan week) of the
    program from ``--start`` (default: schedule.start); see :meth:`milia_cli.home.Home.plan`."""
    from milia_cli.cli.view_opts import note_before_start, view_dates

    _check_weeks(weeks)
    first, day1 = view_dates(st, from_, start)
    plan = st.plan(weeks, first, start=day1)
    note_before_start(st, first, plan.start)
    return plan


def _calendar(st: State, weeks: int, from_: str | None, start: str | None, *, feed: bool = False):
    """The calendar window of `export ics`/`export csv` (:func:`calendar_opts.calendar_window`)."""
    from milia_cli.cli.calendar_opts import calendar_window
    from milia_cli.cli.view_opts import note_before_start, view_dates

    first, day1 = view_dates(st, from_, start)
    window = calendar_window(st, weeks, first, feed=feed, start=day1)
    note_before_start(st, first, window.plan.start)
    return window


def _emit(st: State, data: bytes, output: str | None, force: bool = False) -> None:
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
    from milia_cli.guarded_store import interrupts_held
    from milia_cli.outputs import protected_files, write_output

    path = Path(output).expanduser()
    with interrupts_held():  # Ctrl-C now: the file is written whole, and the message says so
        write_output(path, data, locations=st.locations, protected=protected_files(st), force=force)
        st.written.append(path)
    st.err(msg.WROTE.format(path=one_line(path)))


def emit_calendar(st: State, data: bytes, output: str | None, force: bool = False) -> None:
    """:func:`_emit`, but a reader that closes the pipe early (``| head -1``) ends the run quietly."""
    from milia_cli.cli.app import silence_stdout

    try:
        _emit(st, data, output, force)
    except BrokenPipeError:
        silence_stdout(st.env.stdout)
        raise typer.Exit(ExitCode.CLOSED_PIPE) from None


# -- `milia export <format>`, one command per row of the table ---------------------------------------
def _option(opt: "Opt") -> inspect.Parameter:
    """A keyword parameter whose default is the Typer option ``opt`` describes."""
    kind: Any = _choices(opt.name.title().replace("_", ""), opt.choices) if opt.choices else opt.kind
    default = kind(opt.default) if opt.choices else opt.default
    annotation = kind | None if default is None else kind
    info = typer.Option(default, *opt.flags, metavar=opt.metavar, help=opt.help)
    return inspect.Parameter(opt.name, inspect.Parameter.KEYWORD_ONLY, default=info, annotation=annotation)


def _export_command(fmt: "Format") -> None:
    """`milia export NAME`: --weeks, -o, the format's own options, --from, --start, --force."""
    own = [_option(o) for o in fmt.options]
    keyword = inspect.Parameter.KEYWORD_ONLY

    def command(ctx: typer.Context, **values: Any) -> None:
        _run_export(ctx, fmt, values)

    common = {"weeks": (int, _WEEKS), "output": (str | None, _OUTPUT), "from_": (str | None, _FROM),
              "start": (str | None, _START), "force": (bool, _FORCE)}
    params = [inspect.Parameter(name, keyword, default=info, annotation=kind) for name, (kind, info) in common.items()]
    command.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context),
         *params[:2], *own, *params[2:]])
    command.__name__ = f"export_{fmt.name}_cmd"
    command.__doc__ = fmt.summary
    export_app.command(fmt.name)(command)


def _run_export(ctx: typer.Context, fmt: "Format", values: dict[str, Any]) -> None:
    """Check, build the view (or the calendar), render with the format's function, write."""
    from milia_cli.cli.view_opts import check_view_flags

    weeks, output, from_, start, force = (values.pop(k) for k in ("weeks", "output", "from_", "start", "force"))
    options = registry.checked(fmt, {k: v.value if isinstance(v, Enum) else v for k, v in values.items()})
    if options.get("feed") and from_ is not None:
        from milia_cli.messages import calendar as cal_msg

        raise UsageError(cal_msg.FEED_AND_FROM)
    _check_weeks(weeks)
    check_view_flags(from_, start)
    st = state(ctx)
    if fmt.language:  # --lang, the profile's lang, the locale (Environment.language)
        options["lang"] = st.env.language
    render = registry.load(fmt.render)
    if fmt.source == "calendar":
        from milia_cli.cli.calendar_opts import warn_wall_times

        window = _calendar(st, weeks, from_, start, feed=bool(options.get("feed")))
        if fmt.wall_times is not None and fmt.wall_times(options):
            warn_wall_times(st, st.profile(), window.plan, window.first)
        emit_calendar(st, registry.as_bytes(render(window, **options)), output, force)
    else:
        _emit(st, registry.as_bytes(render(_plan(st, weeks, from_, start), **options)), output, force)


for _fmt in registry.commands():
    _export_command(_fmt)


@cli.command("batch")
def batch_cmd(
    ctx: typer.Context,
    directory: Path = typer.Argument(..., metavar="DIR", help="A folder of client TOML files."),
    fmt: BatchFormat = typer.Option(..., "--format", "-F", help="What to write for each client."),
    outdir: Path = typer.Option(..., "-o", "--output", metavar="OUTDIR", help="Where to write (created 0700)."),
    weeks: int = _WEEKS,
    clinician: str | None = _CLINICIAN,
    paper: Paper = typer.Option(Paper.a4, "--paper", help="Page size of HTML handouts."),
    from_: str | None = from_option("Each client's plan from DATE: the same program, not restarted (YYYY-MM-DD, "
                                       "today, yesterday, tomorrow, a weekday; default: the client's current plan week)."),
    start: str | None = _START,
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
    if registry.get(fmt.value).source == "report" and from_ is not None:  # type: ignore[union-attr]
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
        raise typer.Exit(ExitCode.ERROR)  # some clients failed; the rest were written


def _on_client_day(text: str | None, flag: str):
    """A batch's ``--from``/``--start`` as a function of each client's today (so ``today`` and
    ``tomorrow`` are the client's, in its zone), or None."""
    if text is None:
        return None
    from milia_cli.dates import parse_date_flag

    return lambda today: parse_date_flag(text, today, flag)
