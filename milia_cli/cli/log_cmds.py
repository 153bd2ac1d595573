"""`milia checkin`, `milia stats`, `milia event add/list`, `milia log export/import`.

Typer only: parse, call the library (:mod:`milia_cli.checkin`, :mod:`milia_cli.store`,
:mod:`milia_cli.stats`), render. Nothing heavy is imported at module level: the
flag path of `checkin` imports neither rich nor json.
"""

from pathlib import Path
from typing import TYPE_CHECKING, Any, List, Optional

import typer

from milia_cli.cli.app import app, state

if TYPE_CHECKING:
    from datetime import date

    from milia_cli.cli.app import State
    from milia_cli.logmodel import CheckIn, Log
    from milia_cli.plan import Day, Plan
    from milia_cli.profile import Profile

event_app = typer.Typer(help="Procedures (extraction, laser, …): the planner pauses actives there (E2).",
                        no_args_is_help=True)
log_app = typer.Typer(help="The whole log as JSON: backup, moving machines, bulk entry.", no_args_is_help=True)
app.add_typer(event_app, name="event")
app.add_typer(log_app, name="log")

DEFAULT_STATS_DAYS = 84
MAX_STATS_DAYS = 36_600
MAX_IMPORT_BYTES = 64 * 1024 * 1024


# -- shared helpers ----------------------------------------------------------------
def build_plan_for(profile: "Profile", log: "Log", today: "date", through: "date") -> "Plan":
    """The adaptive plan from the profile's start, long enough to reach ``through``."""
    from milia_cli.planner import build_plan
    from milia_cli.stats import plan_weeks_to_cover

    weeks = plan_weeks_to_cover(profile.schedule.start, through)
    return build_plan(profile, log, start=profile.schedule.start, weeks=weeks, today=today)


def plan_day(profile: "Profile", log: "Log", on: "date", today: "date") -> "Day":
    from milia_cli.errors import MiliaError
    from milia_cli.messages import log as msg

    from milia_cli.planner import plan_for_day

    day = plan_for_day(profile, log, on, today=today)
    if day is None or not day.steps:
        raise MiliaError(msg.NO_PLAN_DAY.format(date=on))
    return day


# -- checkin -------------------------------------------------------------------
@app.command()
def checkin(
    ctx: typer.Context,
    on: Optional[str] = typer.Option(None, "--date", metavar="DATE",
                                     help="The day to record: YYYY-MM-DD, 'today' or 'yesterday' (default today)."),
    done: List[str] = typer.Option([], "--done", metavar="STEP", help="A step you did (retinol or pm:retinol); repeat."),
    skip: List[str] = typer.Option([], "--skip", metavar="STEP", help="A step you skipped on purpose; repeat."),
    all_done: bool = typer.Option(False, "--all", help="Every step of that day's plan was done (except --skip ones)."),
    irritation: Optional[int] = typer.Option(None, "--irritation", metavar="0-3",
                                             help="0 none · 1 mild · 2 moderate · 3 severe."),
    count: Optional[int] = typer.Option(None, "--count", metavar="N",
                                        help="The bumps you see today, in total (A6/A7 compare these counts)."),
    bumps: Optional[int] = typer.Option(None, "--bumps", metavar="N",
                                        help="How many new bumps you noticed since the last check-in (not the total)."),
    note: Optional[str] = typer.Option(None, "--note", metavar="TEXT", help="Free text (stored as typed)."),
    picked: bool = typer.Option(False, "--picked", help="You picked or squeezed a bump (rule A1)."),
    replace_day: bool = typer.Option(False, "--replace", help="Replace the day instead of adding to it."),
) -> None:
    """Record a day: which steps you did, irritation, the bump count and new bumps.

    On a terminal with no flags it asks, step by step. With flags it is silent and
    scriptable; re-running a day adds to it (--replace to start the day over).
    --count is every bump you see today, in total; --bumps only the new ones.
    Irritation 2 or 3, or picking, is answered at once on stderr (B6, B7, A1).
    """
    from milia_cli import checkin as core

    st = state(ctx)
    profile = st.profile()
    today = st.today()
    day = core.parse_day(on, today)
    core.check_day(day, today, profile.schedule.start)
    flags_given = bool(done or skip or all_done or picked or replace_day) or any(
        v is not None for v in (irritation, bumps, note, count)
    )
    if not flags_given and not st.env.interactive:
        from milia_cli.errors import UsageError
        from milia_cli.messages import log as msg

        raise UsageError(msg.NOTHING_TO_RECORD)
    if flags_given:  # validate what needs no plan before touching the database
        core.check_irritation(irritation)
        core.check_count(count)
        core.check_bumps(bumps)
        core.check_note(note)
    with st.open_store() as store:
        # the plan of `day` reads nothing outside [schedule.start, day] (titration skips what is before
        # the start, nothing later changes the day): a check-in costs the same on a log of any length
        log = core.read_log_resolved(store, st.log_key, profile, today, st.err,
                                     first=profile.schedule.start, last=day)
        plan = plan_day(profile, log, day, today)
        if flags_given:
            record = core.build_checkin(plan, done=done, skip=skip, all_done=all_done, irritation=irritation,
                                        bumps=bumps, note=note, picked=picked, count=count)
            if replace_day:
                store.save_checkin(st.log_key, record)
                stored = record
            else:
                stored = store.merge_checkin(st.log_key, record)
        else:
            record = stored = _ask_checkin(st, plan, log.on(day))
            store.save_checkin(st.log_key, record)
    if st.env.stdout_isatty or not flags_given:
        st.out(core.summary(stored, plan))
    if record.irritation is not None or record.picked or record.note:
        from milia_cli.reaction import checkin_answer

        others = tuple(c for c in log.checkins if c.date != stored.date)
        said = stored._replace(irritation=record.irritation, picked=record.picked, note=record.note)  # this run's
        answer = checkin_answer(said,
                                log._replace(checkins=tuple(sorted(others + (stored,), key=lambda c: c.date))),
                                today=today)
        if answer:
            st.err(answer)


# -- stats -------------------------------------------------------------------------
@app.command()
def stats(
    ctx: typer.Context,
    days: int = typer.Option(DEFAULT_STATS_DAYS, "--days", metavar="N",
                             help="The window ending today for adherence, the calendar and trends."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
) -> None:
    """Adherence, current and best streak, a calendar heatmap, irritation and bumps, level history."""
    from milia_cli.errors import UsageError
    from milia_cli.messages import log as msg
    if not 1 <= days <= MAX_STATS_DAYS:
        raise UsageError(msg.BAD_DAYS.format(value=days, limit=MAX_STATS_DAYS))
    st = state(ctx)
    profile = st.profile()
    today = st.today()
    result = _compute_stats(st, profile, today, days)
    if as_json:
        import json

        st.out(json.dumps({"profile": st.log_key, "name": profile.name, **result.to_dict()},
                          ensure_ascii=False, indent=2))
        return
    if today < profile.schedule.start:
        st.out(msg.STATS_NO_PLAN_YET.format(start=profile.schedule.start))
        return
    from milia_cli.render.stats import render_stats

    render_stats(result, st.env, profile_name=st.log_key)


def _compute_stats(st: "State", profile: "Profile", today: "date", days: int) -> Any:
    """Stats without building the whole plan: the whole history only as compact rows
    (streaks, titration), full check-ins and days only for the ``days`` window; one connection."""
    from datetime import timedelta

    from milia_cli.logmodel import EMPTY_LOG
    from milia_cli.planner import plan_skeleton
    from milia_cli.stats import compute_stats_from_skeleton, plan_weeks_to_cover

    window_first = today - timedelta(days=days - 1)
    log, rows = EMPTY_LOG, ()
    if st.has_log():
        with st.open_store() as store:
            # nothing before schedule.start or after today counts (titration, streaks, the window)
            rows = store.read_history(st.log_key, first=profile.schedule.start, last=today)
            log = store.read_log(st.log_key, first=window_first, last=today)
    skeleton = plan_skeleton(profile, log, weeks=plan_weeks_to_cover(profile.schedule.start, today), today=today,
                             through=today, window_first=window_first,
                             irritations=((r[0], r[4]) for r in rows))
    return compute_stats_from_skeleton(skeleton, log, rows, today, days)


# -- events --------------------------------------------------------------------
@event_app.command("add")
def event_add(
    ctx: typer.Context,
    kind: str = typer.Option(..., "--kind", metavar="KIND", help="extraction, laser, electrodesiccation or other."),
    on: str = typer.Option(..., "--date", metavar="DATE", help="When it was done (YYYY-MM-DD, 'today')."),
    area: List[str] = typer.Option([], "--area", metavar="AREA", help="A treated area; repeat (default: your milia areas)."),
) -> None:
    """Log a procedure; the plan keeps actives off those areas for 14 days (E2)."""
    from datetime import timedelta

    from milia_cli import checkin as core
    from milia_cli.errors import MiliaError, UsageError
    from milia_cli.logmodel import PROCEDURE_KINDS, Event
    from milia_cli.messages import log as msg
    from milia_cli.planner import AFTERCARE_DAYS
    from milia_cli.profile import AREAS
    from milia_cli.store_json import canonical_areas

    st = state(ctx)
    profile = st.profile()
    today = st.today()
    if kind not in PROCEDURE_KINDS:
        raise UsageError(msg.BAD_KIND.format(value=kind, allowed=", ".join(PROCEDURE_KINDS)))
    day = core.parse_day(on, today)
    if day > today:
        raise MiliaError(msg.FUTURE_EVENT.format(date=day, today=today))
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
    template = msg.EVENT_ADDED if added else msg.EVENT_ALREADY
    st.out(template.format(kind=kind, date=day, areas=", ".join(areas),
                           until=day + timedelta(days=AFTERCARE_DAYS)))


@event_app.command("list")
def event_list(ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="Print JSON only.")) -> None:
    """The procedures logged for this profile, oldest first."""
    from milia_cli.messages import log as msg

    st = state(ctx)
    events = st.load_log().events
    if as_json:
        import json

        from milia_cli.store_json import event_to_dict

        st.out(json.dumps({"profile": st.log_key, "name": _person_name(st),
                           "events": [event_to_dict(e) for e in events]}, ensure_ascii=False, indent=2))
        return
    if not events:
        st.out(msg.NO_EVENTS.format(name=st.log_key))
        return
    width = max(len(e.kind) for e in events)
    for e in events:
        st.out(f"{e.date.isoformat()}  {e.kind:<{width}}  {', '.join(e.areas)}")


# -- log export / import ---------------------------------------------------------------
@log_app.command("export")
def log_export(
    ctx: typer.Context,
    output: Optional[str] = typer.Option(None, "-o", "--output", metavar="FILE",
                                         help="Write to FILE (0600, atomically); '-' or none: stdout."),
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

        path = Path(output).expanduser()
        atomic_write_chunks(path, pieces)
    st.out(msg.EXPORTED.format(checkins=counts[0], events=counts[1], name=key, path=path))


@log_app.command("import")
def log_import(
    ctx: typer.Context,
    file: str = typer.Argument(..., metavar="FILE", help="A milia.log/1 JSON file ('-' for stdin)."),
    force: bool = typer.Option(False, "--force", help="Import even if the file is another profile's log."),
) -> None:
    """Merge a log export by date (a day in the file replaces that day); all or nothing."""
    from milia_cli.messages import log as msg

    from milia_cli.checkin import planned_steps

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
        return json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        detail = f"{exc.msg} at line {exc.lineno}, column {exc.colno}" if isinstance(exc, json.JSONDecodeError) \
            else "nested too deeply"
        raise MiliaError(msg.IMPORT_NOT_JSON.format(file=source, detail=detail)) from None


# -- the interactive check-in (a terminal, no flags) ------------------------------------------
def _ask_checkin(st: "State", day: "Day", existing: "CheckIn | None") -> "CheckIn":
    """Ask y/n/skip for each step of ``day``, then irritation, bumps, a note; nothing is stored here."""
    from rich.console import Console
    from rich.table import Table

    from milia_cli import checkin as core
    from milia_cli.logmodel import CheckIn
    from milia_cli.messages import log as msg

    console = Console(file=st.env.stdout, force_terminal=st.env.color, no_color=not st.env.color,
                      highlight=False, emoji=False)
    table = Table(title=msg.INTERACTIVE_TITLE.format(date=day.date, week=day.week), show_header=False, box=None)
    for step in day.steps:
        table.add_row(step.slot, step.title, ", ".join(step.areas))
    console.print(table)
    was_done: frozenset[str] = frozenset()
    was_skipped: frozenset[str] = frozenset()
    if existing is not None:
        console.print(msg.ALREADY_LOGGED.format(summary=core.summary(existing, day)), markup=False)
        was_skipped = existing.skipped
        was_done = frozenset(day.step_ids()) - was_skipped if existing.all_done else existing.done
    done: set[str] = set()
    skipped: set[str] = set()
    for step in day.steps:
        default = "y" if step.id in was_done else "s" if step.id in was_skipped else "n"
        answer = _ask(st, console, msg.ASK_STEP.format(slot=step.slot, title=step.title), default,
                      lambda text: text[:1] if text[:1] in ("y", "n", "s") else None)
        if answer == "y":
            done.add(step.id)
        elif answer == "s":
            skipped.add(step.id)
    old = existing or CheckIn(day.date)
    irritation = _ask(st, console, msg.ASK_IRRITATION, _text(old.irritation),
                      lambda t: int(t) if t in ("0", "1", "2", "3") else None, blank=None)
    count = _ask(st, console, msg.ASK_COUNT, _text(old.count), _parse_bumps, blank=None)
    bumps = _ask(st, console, msg.ASK_BUMPS, _text(old.bumps), _parse_bumps, blank=None)
    note = _ask(st, console, msg.ASK_NOTE, old.note or "", _parse_note, blank=None, show_default=False)
    picked = _ask(st, console, msg.ASK_PICKED, "y" if old.picked else "n",
                  lambda t: {"y": True, "n": False}.get(t[:1]))
    return CheckIn(day.date, frozenset(done), frozenset(skipped), False, irritation, bumps, note,
                   picked or core.mentions_picking(note), count)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _parse_bumps(text: str) -> int | None:
    from milia_cli.store_json import MAX_BUMPS

    return int(text) if text.isdigit() and int(text) <= MAX_BUMPS else None


def _parse_note(text: str) -> str | None:
    from milia_cli.store_json import note_problem

    return None if note_problem(text) else text


_BLANK = object()


def _ask(st: "State", console: Any, prompt: str, default: str, parse: Any, blank: Any = _BLANK,
         show_default: bool = True) -> Any:
    """Ask until ``parse`` accepts the answer; Enter takes ``default``; end of input aborts."""
    from milia_cli.errors import MiliaError
    from milia_cli.messages import common as common_msg

    for _ in range(5):
        hint = f" [{default}]" if show_default and default else ""
        console.print(f"{prompt}{hint}: ", end="", markup=False)
        line = st.env.stdin.readline()
        if not line:
            raise MiliaError(common_msg.INTERRUPTED)
        text = line.strip() or default
        if not text and blank is not _BLANK:
            return blank
        value = parse(text.lower() if parse is not _parse_note else text)
        if value is not None:
            return value
    raise MiliaError(common_msg.INTERRUPTED)
