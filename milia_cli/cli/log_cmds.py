"""`milia checkin`, `milia stats`, `milia event add/list`, `milia log export/import`.

Typer only: parse, call the library (:mod:`milia_cli.checkin`, :mod:`milia_cli.store`,
:mod:`milia_cli.stats`), render. Nothing heavy is imported at module level: the
flag path of `checkin` imports neither rich nor json.
"""

from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from milia_cli.cli.app import command_app, state
from milia_cli.completion_values import complete_step
from milia_cli.daily import DEFAULT_STATS_DAYS

if TYPE_CHECKING:
    from milia_cli.cli.app import State
    from milia_cli.logmodel import Log

cli = command_app()  # this module's commands; milia_cli.cli.app.COMMANDS names them

event_app = typer.Typer(help="Procedures (extraction, laser, …): the planner pauses actives there (E2).",
                        no_args_is_help=True)
log_app = typer.Typer(help="The whole log as JSON: backup, moving machines, bulk entry.", no_args_is_help=True)
cli.add_typer(event_app, name="event")
cli.add_typer(log_app, name="log")

MAX_IMPORT_BYTES = 64 * 1024 * 1024


# -- checkin -------------------------------------------------------------------
@cli.command()
def checkin(
    ctx: typer.Context,
    on: str | None = typer.Option(None, "--date", metavar="DATE",
                                     help="The day to record: YYYY-MM-DD, 'today', 'yesterday' or a weekday such as 'friday', the latest one (default today)."),
    done: list[str] = typer.Option([], "--done", metavar="STEP", autocompletion=complete_step,
                                   help="A step you did, as `today` shows it or by id (retinol, pm:retinol, "
                                        "'eye cream', spf); repeat."),
    skip: list[str] = typer.Option([], "--skip", metavar="STEP", autocompletion=complete_step,
                                   help="A step you skipped on purpose; repeat."),
    all_done: bool = typer.Option(False, "--all", help="Every step of that day's plan was done (except --skip ones)."),
    irritation: int | None = typer.Option(None, "--irritation", metavar="0-3",
                                             help="0 none · 1 mild · 2 moderate · 3 severe."),
    count: int | None = typer.Option(None, "--count", metavar="N",
                                        help="The bumps you see today, in total (A6/A7 compare these counts)."),
    bumps: int | None = typer.Option(None, "--bumps", metavar="N",
                                        help="How many new bumps you noticed since the last check-in (not the total)."),
    note: str | None = typer.Option(None, "--note", metavar="TEXT", help="Free text (stored as typed)."),
    picked: bool = typer.Option(False, "--picked", help="You picked or squeezed a bump (rule A1)."),
    replace_day: bool = typer.Option(False, "--replace", help="Replace the day instead of adding to it."),
) -> None:
    """Record a day: which steps you did, irritation, the bump count and new bumps.

    On a terminal with no flags it asks on one screen: "All done? [Y/n]" about the steps
    due and not yet stored, then irritation, the count and a note. With flags it is silent
    and scriptable; re-running a day adds to it (--replace to start the day over).
    --count is every bump you see today, in total; --bumps only the new ones.
    Irritation 2 or 3, or picking, is answered at once on stderr (B6, B7, A1).
    """
    from milia_cli import checkin as core
    from milia_cli.daily import CheckinAnswers

    st = state(ctx)
    day = core.parse_day(on, st.today())
    core.check_day(day, st.today(), st.profile().schedule.start)
    answers = CheckinAnswers(done, skip, all_done, irritation, bumps, note, picked, count, replace_day)
    if not answers.given():
        if not st.env.interactive:
            from milia_cli.errors import UsageError
            from milia_cli.messages import log as msg

            raise UsageError(msg.NOTHING_TO_RECORD)
        from milia_cli.cli.checkin_ask import ask_checkin

        ask = lambda plan, stored, today: ask_checkin(st, plan, stored, today)  # noqa: E731
        result = st.checkin(day, ask=ask, notify=st.err)
    else:
        confirm = st.env.stdout_isatty
        result = st.checkin(day, answers, tonight=confirm, notify=st.err)
    if result.answer:
        st.err(result.answer)
    if not answers.given() or st.env.stdout_isatty:  # the last line, as jrnl: what was stored, and what changes tonight
        from milia_cli.checkin_answers import stored_line
        from milia_cli.render.text import wrap

        line = st.env.tr(stored_line(result.stored, result.plan, st.today(), result.tonight))
        st.out("\n".join(wrap(line, "", st.env.width, "  ")))  # to the terminal, between words


# -- stats -------------------------------------------------------------------------
@cli.command()
def stats(
    ctx: typer.Context,
    days: int = typer.Option(DEFAULT_STATS_DAYS, "--days", metavar="N",
                             help="The window ending today for adherence, the calendar and trends."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
) -> None:
    """Adherence, current and best streak, a calendar heatmap, irritation and bumps, level history."""
    from milia_cli.messages import log as msg

    st = state(ctx)
    result = st.stats(days)
    profile = st.profile()
    if as_json:
        import json

        st.out(json.dumps({"schema": "milia.stats/1", "profile": st.log_key, "name": profile.name, **result.to_dict()},
                          ensure_ascii=False, indent=2))
        return
    if st.today() < profile.schedule.start:
        st.out(msg.STATS_NO_PLAN_YET.format(start=profile.schedule.start))
        return
    from milia_cli.render.stats import render_stats

    render_stats(result, st.env, profile_name=st.log_key)


# -- events --------------------------------------------------------------------
def _complete_event_kind(incomplete: str) -> list[str]:
    from milia_cli.completion_values import complete_event_kind

    return complete_event_kind(incomplete)


def _complete_area(incomplete: str) -> list[str]:
    from milia_cli.completion_values import complete_area

    return complete_area(incomplete)


@event_app.command("add")
def event_add(
    ctx: typer.Context,
    kind: str = typer.Option(..., "--kind", metavar="KIND", autocompletion=_complete_event_kind,
                             help="extraction, laser, electrodesiccation or other."),
    on: str = typer.Option(..., "--date", metavar="DATE",
                           help="When it was done, or is planned (YYYY-MM-DD, 'today', 'tomorrow', 'next friday', 'last friday')."),
    area: list[str] = typer.Option([], "--area", metavar="AREA", autocompletion=_complete_area,
                                   help="A treated area; repeat (default: your milia areas)."),
) -> None:
    """Log a procedure, past or planned: actives pause on those areas the 7 days before a planned
    one (E1) and for 14 days from it (E2)."""
    from datetime import timedelta

    from milia_cli import checkin as core
    from milia_cli.errors import UsageError
    from milia_cli.logmodel import PROCEDURE_KINDS, Event
    from milia_cli.messages import log as msg
    from milia_cli.profile import AREAS
    from milia_cli.store_json import canonical_areas
    from milia_cli.timeline import AFTERCARE_DAYS

    st = state(ctx)
    profile = st.profile()
    today = st.today()
    if kind not in PROCEDURE_KINDS:
        raise UsageError(msg.BAD_KIND.format(value=kind, allowed=", ".join(PROCEDURE_KINDS)))
    day = core.parse_day(on, today)
    for name in area:
        if name not in AREAS:
            raise UsageError(msg.BAD_AREA.format(value=name, allowed=", ".join(AREAS)))
    areas = canonical_areas(area or profile.milia.areas)
    if not areas:
        raise UsageError(msg.EVENT_NO_AREAS.format(allowed=", ".join(AREAS)))
    if not area:
        st.err(msg.EVENT_AREAS_DEFAULTED.format(areas=", ".join(areas)))
    with st.open_store() as store:
        added = store.add_event(st.log_key, Event(day, kind, areas))
    from milia_cli.timeline import BEFORE_PROCEDURE_DAYS

    template = msg.EVENT_ALREADY if not added else msg.EVENT_PLANNED if day > today else msg.EVENT_ADDED
    st.out(template.format(kind=kind, date=day, areas=", ".join(areas),
                           pause=day - timedelta(days=BEFORE_PROCEDURE_DAYS),
                           until=day + timedelta(days=AFTERCARE_DAYS)))
    if added and day > today:  # E1: the checklist, in full, on `event add` for a future date
        from milia_cli.rules import RULES

        st.out(RULES["E1"].action)


@event_app.command("list")
def event_list(ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="Print JSON only.")) -> None:
    """The procedures logged for this profile, oldest first."""
    from milia_cli.dates import in_range
    from milia_cli.messages import common as msg_common
    from milia_cli.messages import log as msg
    from milia_cli.safe_text import one_line

    st = state(ctx)
    events: tuple = ()
    if _has_log(st):
        with st.open_store() as store:  # all of them, those outside the supported dates too
            events = store.all_events(st.log_key)
    if as_json:
        import json

        from milia_cli.store_json import event_to_dict

        st.out(json.dumps({"schema": "milia.events/1", "profile": st.log_key, "name": _person_name(st),
                           "events": [event_to_dict(e) for e in events]}, ensure_ascii=False, indent=2))
        return
    if not events:
        st.out(msg.NO_EVENTS.format(name=st.log_key))
        return
    width = max(len(e.kind) for e in events)
    for e in events:
        mark = "" if in_range(e.date) else "  " + msg_common.EVENT_OUT_OF_RANGE.format(date=e.date)
        st.out(one_line(f"{e.date.isoformat()}  {e.kind:<{width}}  {', '.join(e.areas)}") + mark)


@event_app.command("remove")
def event_remove(
    ctx: typer.Context,
    on: str = typer.Option(..., "--date", metavar="DATE",
                           help="The day of the event(s) to remove (YYYY-MM-DD, even one outside the supported range)."),
    kind: str | None = typer.Option(None, "--kind", metavar="KIND", help="Only events of this kind."),
) -> None:
    """Remove the events logged on DATE (all of them, or those of --kind): a wrong date, a typo."""
    from milia_cli.dates import parse_date_flag, parse_iso_date
    from milia_cli.errors import MiliaError, UsageError
    from milia_cli.logmodel import EVENT_KINDS
    from milia_cli.messages import common as msg
    from milia_cli.messages import log as log_msg

    if kind is not None and kind not in EVENT_KINDS:
        raise UsageError(log_msg.BAD_KIND.format(value=kind, allowed=", ".join(EVENT_KINDS)))
    st = state(ctx)
    # Any real date, in the range or not: removing what an old import stored is the point.
    day = parse_iso_date(on.strip()) or parse_date_flag(on, st.today(), "--date")
    assert day is not None
    if not _has_log(st):
        raise MiliaError(msg.EVENT_NONE_ON.format(date=day, name=st.log_key, kind=_kind_part(kind)))
    with st.open_store() as store:
        removed = store.remove_events(st.log_key, day, kind)
    if not removed:
        raise MiliaError(msg.EVENT_NONE_ON.format(date=day, name=st.log_key, kind=_kind_part(kind)))
    st.out(msg.EVENT_REMOVED.format(count=len(removed), s="" if len(removed) == 1 else "s", date=day,
                                    kinds=", ".join(sorted({e.kind for e in removed})), name=st.log_key))


def _has_log(st: "State") -> bool:
    """``State.has_log()`` where the state has it (it refuses a dangling link or a damaged file
    instead of reading no log), else whether the database file exists."""
    has_log = getattr(st, "has_log", None)
    return has_log() if has_log is not None else st.locations.db_path.exists()


def _kind_part(kind: str | None) -> str:
    return "" if kind is None else f" of kind {kind}"


# -- log export / import ---------------------------------------------------------------
@log_app.command("export")
def log_export(
    ctx: typer.Context,
    output: str | None = typer.Option(None, "-o", "--output", metavar="FILE",
                                         help="Write to FILE (0600, atomically); '-' or none: stdout."),
    force: bool = typer.Option(False, "--force", help="Replace an existing FILE that is not this log's export."),
) -> None:
    """The whole log of this profile as milia.log/1 JSON (step ids, never "all")."""
    from contextlib import ExitStack

    from milia_cli.log_stream import batched, log_json_chunks
    from milia_cli.messages import log as msg

    st = state(ctx)
    key = st.log_key
    _resolve_pending_all(st)  # days still held as "all" get their planned ids first
    with ExitStack() as stack:  # streamed from a cursor: constant memory on a log of any length
        store = stack.enter_context(st.open_store()) if st.has_log() else None
        counts = store.counts(key) if store is not None else (0, 0)
        pieces = batched(log_json_chunks(store, key, _person_name(st)))
        if output in (None, "-"):
            for piece in pieces:
                st.env.stdout.write(piece.decode("utf-8"))
            return
        from milia_cli.fsutil import atomic_write_chunks
        from milia_cli.guarded_store import interrupts_held
        from milia_cli.outputs import check_output, protected_files
        from milia_cli.safe_text import one_line

        path = Path(output).expanduser()  # -o never destroys: only this log's own last export is replaced
        target = check_output(path, identity=("milia.log/1", key), locations=st.locations,
                              protected=protected_files(st), force=force)
        with interrupts_held():
            atomic_write_chunks(target, pieces)
            st.written.append(path)
    st.out(msg.EXPORTED.format(checkins=counts[0], events=counts[1], name=key, path=one_line(path)))


@log_app.command("import")
def log_import(
    ctx: typer.Context,
    file: str = typer.Argument(..., metavar="FILE", help="A milia.log/1 JSON file ('-' for stdin)."),
    force: bool = typer.Option(False, "--force", help="Import even if the file is another profile's log."),
) -> None:
    """Merge a log export by date (a day in the file replaces that day); all or nothing."""
    from milia_cli.checkin import planned_steps
    from milia_cli.messages import log as msg

    st = state(ctx)
    key = st.log_key
    source = "stdin" if file == "-" else file
    data = _read_json(st, file, source)
    # "done": "all" is stored as the ids planned that day, in the import's transaction; the
    # profile is loaded only if some day needs it
    def planned(log: "Log", days: tuple) -> Any:
        from milia_cli.errors import MiliaError

        try:
            profile, today = st.profile(), st.today()
        except MiliaError as err:
            raise MiliaError(msg.IMPORT_ALL_NEEDS_PROFILE.format(
                file=source, n=len(days), reason=err.message.rstrip("."))) from None
        return planned_steps(profile, today)(log, days)

    if not force and _from_before_id(st, key, data):
        st.err(msg.IMPORT_FROM_BEFORE_ID.format(file=source, found=data["profile"], want=key))
        force = True
    with st.open_store() as store:
        report = store.import_log(key, data, source=source, force=force, planned=planned)
    st.out(msg.IMPORTED.format(name=key, added=report.added, replaced=report.replaced, events=report.events_added,
                               changes=report.changes_added))


def _person_name(st: "State") -> "str | None":
    """The person's name for a JSON output, None when the profile cannot be read (a log of a
    broken or missing home profile still exports, keyed by the file name)."""
    from milia_cli.errors import MiliaError

    try:
        return st.profile().name
    except MiliaError:
        return None


def _from_before_id(st: "State", key: str, data: Any) -> bool:
    """True for a backup exported while this client's log was kept under its name (before
    ids, issue 12): its ``profile`` is the profile's ``name`` and the file holds the id
    ``key``. A home profile without an id was always keyed by its file name."""
    from milia_cli.errors import MiliaError
    from milia_cli.identity import file_identity

    found = data.get("profile") if isinstance(data, dict) else None
    if not isinstance(found, str) or not found or found == key:
        return False
    try:
        name = st.profile().name
    except MiliaError:
        return False
    return found == name and file_identity(st.profile_path, False) == key


def _resolve_pending_all(st: "State") -> None:
    """Before an export: days still held as "all" get their planned ids (needs the profile);
    if the profile cannot be read, they are exported as "all" with a warning, so a backup
    never fails (import turns them into ids)."""
    from milia_cli.checkin import read_log_resolved
    from milia_cli.errors import MiliaError
    from milia_cli.messages import log as msg

    if not st.has_log():
        return
    with st.open_store() as store:
        pending = store.pending_all_days(st.log_key)
        if not pending:
            return
        try:
            profile = st.profile()
            read_log_resolved(store, st.log_key, profile, st.today(), st.err, first=profile.schedule.start,
                              last=profile.schedule.start)
        except MiliaError as err:  # a broken profile, a read-only or locked database: back up as it is
            st.err(msg.EXPORT_ALL_UNRESOLVED.format(n=len(pending), reason=err.message.rstrip(".")))


def _read_json(st: "State", file: str, source: str) -> Any:
    import json

    from milia_cli.errors import MiliaError
    from milia_cli.fsutil import open_regular, reason
    from milia_cli.messages import log as msg

    raw: str | bytes  # standard input may be a text or a byte stream
    if file == "-":
        raw = st.env.stdin.read(MAX_IMPORT_BYTES + 1)
        raw = raw.encode("utf-8", "surrogateescape") if isinstance(raw, str) else raw
    else:
        try:
            with open_regular(Path(file).expanduser()) as fh:  # a FIFO is refused, never waited on
                raw = fh.read(MAX_IMPORT_BYTES + 1)
        except OSError as exc:
            raise MiliaError(msg.IMPORT_READ_FAILED.format(file=source, reason=reason(exc))) from None
    if len(raw) > MAX_IMPORT_BYTES:
        raise MiliaError(msg.IMPORT_TOO_BIG.format(file=source, size=len(raw), limit=MAX_IMPORT_BYTES))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise MiliaError(msg.IMPORT_NOT_UTF8.format(file=source)) from None
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        detail = f"{exc.msg} at line {exc.lineno}, column {exc.colno}" if isinstance(exc, json.JSONDecodeError) \
            else "nested too deeply"
        raise MiliaError(msg.IMPORT_NOT_JSON.format(file=source, detail=detail)) from None
    from milia_cli.dates import check_log_document

    check_log_document(data, source)  # a date past the supported range would brick every later command
    return data
