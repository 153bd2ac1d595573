"""`milia sync caldav`: Typer only (parse, call, report). See :mod:`milia_cli.sync`."""


import typer

from milia_cli.cli.app import command_app, state
from milia_cli.cli.view_opts import from_option, start_option

cli = command_app()  # this module's commands; milia_cli.cli.app.COMMANDS names them

sync_app = typer.Typer(help="Keep a calendar on a CalDAV server (Nextcloud, Radicale, iCloud…) exactly the plan.",
                       no_args_is_help=True)
cli.add_typer(sync_app, name="sync")


@sync_app.command("caldav")
def sync_caldav_cmd(
    ctx: typer.Context,
    url: str = typer.Option(..., "--url", metavar="URL", help="The CalDAV server (account credentials: "
                            "MILIA_CALDAV_USER and MILIA_CALDAV_PASSWORD, or ~/.netrc)."),
    calendar: str = typer.Option(..., "--calendar", metavar="NAME", help="The calendar's name (created if missing)."),
    weeks: int = typer.Option(12, "--weeks", "-w", metavar="N", help="How many weeks ahead (default 12)."),
    from_: str | None = from_option(),
    start: str | None = start_option(),
    per_step: bool = typer.Option(False, "--per-step", help="One series per step instead of one per routine."),
    alarm: int | None = typer.Option(None, "--alarm", metavar="MINUTES",
                                        help="A reminder MINUTES before each event."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Print what would be created, updated and deleted."),
    as_json: bool = typer.Option(False, "--json", help="The result as JSON (milia.sync/1)."),
) -> None:
    """Push the plan into a CalDAV calendar; update and delete only the events milia wrote there."""
    import json

    from milia_cli.cli.calendar_opts import calendar_window, warn_wall_times
    from milia_cli.cli.view_opts import check_view_flags, note_before_start, view_dates
    from milia_cli.errors import UsageError
    from milia_cli.exporters.ics import MAX_ALARM_MINUTES, plan_events, sequence_for, stamp_for
    from milia_cli.exporters.tzrules import vtimezone
    from milia_cli.messages import export as export_msg
    from milia_cli.messages import sync as msg
    from milia_cli.sync.caldav_client import Target, sync_calendar
    from milia_cli.sync.credentials import check_url, credentials
    from milia_cli.sync.objects import wanted_objects
    from milia_cli.sync.state import SyncLock, SyncState, calendar_key

    if alarm is not None and not 0 <= alarm <= MAX_ALARM_MINUTES:
        raise UsageError(export_msg.BAD_ALARM.format(max=MAX_ALARM_MINUTES, value=alarm))
    if not calendar.strip() or len(calendar) > 80 or not calendar.isprintable():
        raise UsageError(msg.BAD_CALENDAR.format(name=calendar))
    check_view_flags(from_, start)
    base = check_url(url)
    st = state(ctx)
    first, day1 = view_dates(st, from_, start)
    window = calendar_window(st, weeks, first, start=day1)
    note_before_start(st, first, window.plan.start)
    profile = st.profile()
    user, password = credentials(base, st.env.vars)
    warn_wall_times(st, profile, window.plan, window.first)
    events = plan_events(window.plan, alarm=alarm, per_step=per_step, identity=window.identity,
                         first=window.first, cut=False)  # the plan carries its times and zone
    zone = vtimezone(window.plan.owner().schedule.timezone, window.plan.start, window.last)
    with SyncLock(st.locations.data_dir):
        sync_state = SyncState.load(st.locations.data_dir)
        report = sync_calendar(Target(base, calendar, user, password), wanted_objects(events, zone), sync_state,
                               calendar_key(window.identity, base, calendar), first=window.first,
                               sequence=sequence_for(window.revised), stamp=stamp_for(window.revised),
                               dry_run=dry_run)
    if as_json:
        doc = {"schema": "milia.sync/1", "profile": profile.id, "name": profile.name,
               "url": base, "calendar": calendar, "calendar_url": report.calendar_url,
               "dry_run": dry_run, "from": window.first.isoformat(), "through": window.last.isoformat(),
               "unchanged": report.unchanged,
               **{kind: [{"uid": op.uid, "summary": op.summary, "first": op.first, "last": op.last,
                          "sequence": op.sequence} for op in report.operations if op.kind == kind[:-1]]
                  for kind in ("creates", "updates", "deletes")}}
        st.out(json.dumps(doc, ensure_ascii=False, indent=2))
        return
    for op in report.operations if dry_run else ():
        st.out(msg.LINE.format(kind=msg.KIND_LABEL[op.kind], summary=op.summary, first=op.first, last=op.last))
    st.out(msg.SUMMARY.format(verb=msg.VERB_DRY if dry_run else msg.VERB_DONE, calendar=calendar,
                              created=report.count("create"), updated=report.count("update"),
                              deleted=report.count("delete"), unchanged=report.unchanged))
