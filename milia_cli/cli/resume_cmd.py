"""`milia resume`: after a B7 stop, record that the skin has healed (RULES.md B7, invariant 10).

Irritation 3 stops every active with no automatic restart. This command records a
``resume`` event (with whether a clinician saw the reaction); the planner then
restarts actives at the bottom level. It refuses, in one sentence, when nothing is
stopped, without ``--healed``, and without ``--seen-clinician`` after hives, swelling
or blisters (an allergy is possible).
"""


import typer

from milia_cli.cli.app import command_app, state

cli = command_app()  # this module's commands; milia_cli.cli.app.COMMANDS names them

LOOKAHEAD_DAYS = 14


@cli.command()
def resume(
    ctx: typer.Context,
    on: str | None = typer.Option(None, "--date", metavar="DATE",
                                     help="The day the skin had healed: YYYY-MM-DD, 'today', 'yesterday' or a weekday such as 'friday' (default today)."),
    healed: bool = typer.Option(False, "--healed", help="The skin has healed (required: B7 has no automatic restart)."),
    seen_clinician: bool = typer.Option(False, "--seen-clinician",
                                        help="A clinician has seen the reaction (required after hives, swelling or blisters)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
) -> None:
    """After a severe reaction (irritation 3, rule B7): record that the skin has healed, so
    actives restart at the lowest level."""
    from datetime import timedelta

    from milia_cli import checkin as core
    from milia_cli.errors import MiliaError
    from milia_cli.logmodel import Event
    from milia_cli.messages import log as msg
    from milia_cli.reaction import current_stop

    st = state(ctx)
    profile = st.profile()
    today = st.today()
    day = core.parse_day(on, today)
    if day > today:
        raise MiliaError(msg.RESUME_FUTURE.format(date=day, today=today))
    with st.open_store() as store:
        log = core.read_log_resolved(store, st.log_key, profile, today, st.err)
        stop = current_stop(log, day)
        if stop is None:
            raise MiliaError(msg.RESUME_NOTHING_STOPPED.format(date=day))
        if day <= stop.last_severe:
            raise MiliaError(msg.RESUME_TOO_EARLY.format(last=stop.last_severe))
        if not healed:
            raise MiliaError(msg.RESUME_NEEDS_HEALED_ALLERGY.format(since=stop.since) if stop.allergy
                             else msg.RESUME_NEEDS_HEALED)
        if stop.allergy and not seen_clinician:
            raise MiliaError(msg.RESUME_NEEDS_CLINICIAN.format(since=stop.since))
        event = Event(day, "resume", (), seen_clinician)
        store.add_event(st.log_key, event)
        log = log._replace(events=tuple(sorted(log.events + (event,), key=lambda e: (e.date, e.kind, e.areas))))
    from milia_cli.planner import Planner

    last = day + timedelta(days=LOOKAHEAD_DAYS - 1)
    upcoming = [(d.date, [s.step for s in d.pm if s.active]) for d in Planner(profile, log, today=today).days(day, last)]
    upcoming = [(d, steps) for d, steps in upcoming if steps]
    if as_json:
        import json

        st.out(json.dumps({
            "schema": "milia.resume/1", "profile": st.log_key, "name": profile.name, "date": day.isoformat(),
            "stopped_since": stop.since.isoformat(), "seen_clinician": seen_clinician,
            "next_active": [{"date": d.isoformat(), "steps": steps} for d, steps in upcoming[:1]],
        }, ensure_ascii=False, indent=2))
        return
    st.out(msg.RESUMED.format(date=day, since=stop.since))
    if upcoming:
        first, steps = upcoming[0]
        st.out(msg.RESUME_NEXT.format(date=first.strftime("%a %d %b %Y"), steps=", ".join(steps)))
    else:
        st.out(msg.RESUME_NO_ACTIVE_SOON.format(days=LOOKAHEAD_DAYS))
    st.out(msg.RESUME_WATCH)
