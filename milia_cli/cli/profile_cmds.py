"""`milia init` and `milia profile …`: create, read and change profiles."""

from datetime import date
from pathlib import Path

import typer

from milia_cli.cli.app import State, command_app, state
from milia_cli.completion_values import (
    complete_area,
    complete_pregnancy,
    complete_profile_key,
    complete_profile_name,
    complete_profile_value,
    complete_skin_type,
    complete_zone,
)
from milia_cli.errors import MiliaError
from milia_cli.messages import profile as msg

cli = command_app()  # this module's commands; milia_cli.cli.app.COMMANDS names them

profile_app = typer.Typer(
    help="Show, change, list and delete profiles.", no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
cli.add_typer(profile_app, name="profile")


@cli.command()
def init(
    ctx: typer.Context,
    name: str | None = typer.Option(None, "--name", help="The person's or client's name (default: the profile name)."),
    skin_type: str | None = typer.Option(None, "--skin-type", metavar="TYPE", autocompletion=complete_skin_type, help="normal, dry, oily, combination or sensitive."),
    pregnancy: str | None = typer.Option(None, "--pregnancy", metavar="STATE", autocompletion=complete_pregnancy, help="none, trying, pregnant or breastfeeding."),
    area: list[str] | None = typer.Option(None, "--area", metavar="AREA", autocompletion=complete_area, help="A milia-prone area (repeatable): upper-eyelids, under-eyes, cheeks, nose, forehead, chin, chest, back, arms."),
    start: str | None = typer.Option(None, "--start", metavar="DATE", help="Day 1 of week 1 (YYYY-MM-DD, today, tomorrow, next monday…; default: next Monday)."),
    am: str | None = typer.Option(None, "--am", metavar="HH:MM", help="Morning routine time (default 07:30)."),
    pm: str | None = typer.Option(None, "--pm", metavar="HH:MM", help="Evening routine time (default 21:30)."),
    timezone: str | None = typer.Option(None, "--timezone", metavar="ZONE", autocompletion=complete_zone, help="IANA time zone, e.g. Europe/Berlin."),
    birth_year: int | None = typer.Option(None, "--birth-year", metavar="YEAR", help="Optional; under 18 is out of scope."),
    dark_spots: bool | None = typer.Option(None, "--dark-spots/--no-dark-spots", help="Skin tone prone to dark spots."),
    makeup: bool | None = typer.Option(None, "--makeup/--no-makeup", help="Wears makeup."),
    concealer: bool | None = typer.Option(None, "--concealer/--no-concealer", help="Wears under-eye concealer."),
    smoker: bool | None = typer.Option(None, "--smoker/--no-smoker", help="Smokes."),
    isotretinoin: bool | None = typer.Option(None, "--isotretinoin/--no-isotretinoin", help="Took isotretinoin in the last 6 months."),
    eczema_or_rosacea: bool | None = typer.Option(None, "--eczema-or-rosacea/--no-eczema-or-rosacea", help="Has eczema or rosacea."),
    photosensitizing: bool | None = typer.Option(None, "--photosensitizing-medicine/--no-photosensitizing-medicine", help="Takes a photosensitizing medicine."),
    facial_steroid: bool | None = typer.Option(None, "--facial-steroid/--no-facial-steroid", help="Uses a topical steroid on the face."),
    keloid_prone: bool | None = typer.Option(None, "--keloid-prone/--no-keloid-prone", help="Scars tend to form keloids."),
    cold_sores: bool | None = typer.Option(None, "--cold-sores/--no-cold-sores", help="Gets cold sores where treatment would go."),
    anticoagulants: bool | None = typer.Option(None, "--anticoagulants/--no-anticoagulants", help="Takes anticoagulants."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing profile."),
    wizard: bool | None = typer.Option(None, "--wizard/--no-wizard", help="Ask questions (default: on a terminal when answers are missing)."),
) -> None:
    """Create a profile: a short wizard on a terminal, or fully by flags for scripts."""
    from milia_cli.profiles import InitAnswers, create_profile

    st = state(ctx)
    answers = InitAnswers(
        name=name, skin_type=skin_type, pregnancy=pregnancy, areas=tuple(area) if area else None,
        start=start, am=am, pm=pm, timezone=timezone, birth_year=birth_year,
        flags={
            "skin.tone_prone_to_dark_spots": dark_spots, "habits.makeup": makeup,
            "habits.under_eye_concealer": concealer, "habits.smoker": smoker,
            "cautions.isotretinoin_recent": isotretinoin, "cautions.eczema_or_rosacea": eczema_or_rosacea,
            "cautions.photosensitizing_medicine": photosensitizing, "cautions.facial_steroid": facial_steroid,
            "cautions.keloid_prone": keloid_prone, "cautions.cold_sores": cold_sores,
            "cautions.anticoagulants": anticoagulants,
        },
    )
    path = st.profile_path
    answers = _checked_flags(answers, str(path))
    if path.exists() and not force:
        raise MiliaError(msg.EXISTS.format(name=st.name if st.profile_file is None else str(path), path=path))
    default_name = st.name if st.profile_file is None else path.stem
    use_wizard = wizard if wizard is not None else (st.env.interactive and answers.missing_required())
    if use_wizard:
        if not st.env.interactive:
            raise MiliaError(msg.WIZARD_NEEDS_TERMINAL)
        from milia_cli.render.wizard import run_wizard

        answers = run_wizard(answers, st.env, default_name)
    elif answers.missing_required():
        raise MiliaError(msg.WIZARD_NEEDS_TERMINAL)
    profile = create_profile(answers, default_name=default_name, today=st.env.today(answers.timezone), source=str(path))
    from milia_cli.profile import save_profile
    from milia_cli.profiles import directory_lock

    with directory_lock(path.parent, create=True):  # the lock `profile set` and `delete` hold
        if path.exists() and not force:  # another init got there while the wizard asked
            raise MiliaError(msg.EXISTS.format(name=st.name if st.profile_file is None else str(path), path=path))
        profile = profile._replace(id=_init_id(st, path))
        replaced = _replaced_profile(path)
        if replaced is None:
            save_profile(profile, path)
        else:  # --force re-does the profile, not its past: what differs is dated, as `profile set` dates it
            from milia_cli.cli.profile_dated import changed_keys, save_with_changes

            profile = profile._replace(shelf=replaced.shelf, lang=replaced.lang)  # init asks for neither
            today = st.env.today(profile.schedule.timezone)
            keys = changed_keys(replaced, profile)
            profile, log = save_with_changes(st, path, replaced, profile, today, today, ("init", "--force"))
            for key in keys if log is not None else ():  # each as `profile set` says it (B13: at once)
                _say_what_changes(st, key, today, today, replaced, profile, log)
    opt = f" -f {path}" if st.profile_file is not None else ("" if st.name == "default" else f" -p {st.name}")
    st.err(msg.CREATED.format(profile=st.name if st.profile_file is None else path.stem,
                              name=profile.name, path=path, opt=opt))
    from milia_cli.wall_time import warn_dst

    warn_dst(st.err, profile, st.env.today(profile.schedule.timezone))  # a time in a DST gap or overlap


def _checked_flags(answers, source: str):
    """The flags of `init` read as `profile set` reads values: choices in any case, a near
    miss with "did you mean", a zone only as an IANA Area/Location name (not EST)."""
    from dataclasses import replace

    from milia_cli.profile_schema import FIELDS_BY_KEY, parse_text_value

    def read(key: str, text: str | None):
        return None if text is None else parse_text_value(FIELDS_BY_KEY[key], text, source)

    areas = answers.areas
    if areas:
        areas = tuple(dict.fromkeys(read("milia.areas", ",".join(areas))))
    return replace(answers, skin_type=read("skin.type", answers.skin_type),
                   pregnancy=read("pregnancy", answers.pregnancy), areas=areas,
                   timezone=read("schedule.timezone", answers.timezone))


def _replaced_profile(path: Path):
    """The profile `init --force` replaces, or None (none there, or not readable as a profile:
    then there is nothing to date and the file is simply replaced)."""
    if not path.exists():
        return None
    from milia_cli.profile import load_profile

    try:
        return load_profile(path)
    except MiliaError:
        return None


def _init_id(st: State, path: Path) -> str | None:
    """The id a new profile file gets: the one of the file it replaces (`--force` re-does a
    profile, its log stays), else a new one for a client file (a home profile is known by
    its name), so a new client never takes over a log kept under its name before ids."""
    from milia_cli.identity import file_identity, is_home_file, new_id

    home = is_home_file(path, st.locations.profiles_dir) if st.profile_file is not None else True
    kept = file_identity(path, False) if path.exists() else None
    return kept or (None if home else new_id(path))


@profile_app.command("show")
def show(ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="Print JSON only.")) -> None:
    """Show the current profile."""
    st = state(ctx)
    profile = st.profile()
    if as_json:
        from milia_cli.profiles import profile_json

        st.out(profile_json(profile))
        return
    from milia_cli.render.profile import render_profile

    render_profile(profile, st.profile_path, st.env)


@profile_app.command("set")
def set_(
    ctx: typer.Context,
    key: str = typer.Argument(..., metavar="KEY", autocompletion=complete_profile_key, help="Dotted key, e.g. skin.type or schedule.pm."),
    value: str = typer.Argument(..., metavar="VALUE", autocompletion=complete_profile_value, help="New value; an empty string clears an optional key."),
    since: str | None = typer.Option(
        None, "--since", metavar="DATE",
        help="When a plan-shaping change took effect (YYYY-MM-DD, 'yesterday', 'friday'; default today). Days before it stay as they were."),
) -> None:
    """Change one key; the whole profile is validated before it is written.

    A change of pregnancy, milia.areas, skin.type, birth_year, cautions.* or habits.* is
    also recorded, dated, in the log (rule B13): the plan applies it from that date on and
    never rewrites the days before.
    """
    from milia_cli.profile import with_value
    from milia_cli.profile_changes import is_plan_shaping

    st = state(ctx)
    st.profile()  # a clear error if it is missing or broken, before taking the lock
    source = str(st.profile_path)
    if is_plan_shaping(key):
        _set_dated(st, key, value, since, source)
        return
    if since is not None:
        from milia_cli.messages import log as log_msg

        raise MiliaError(log_msg.SINCE_NOT_PLAN_SHAPING.format(key=key))
    from milia_cli.profile_changes import value_of
    from milia_cli.profile_effects import what_it_does
    from milia_cli.profiles import update_profile

    before: list = []

    def change(current):
        updated = with_value(current, key, value, source)  # refuses an unknown key first
        before.append(value_of(current, key))
        return updated

    updated = update_profile(st.profile_path, change)
    new = value_of(updated, key)
    _say_set(st, key, new, st.profile_path)
    from milia_cli.wall_time import warn_dst

    warn_dst(st.err, updated, st.env.today(updated.schedule.timezone), key)  # schedule.am/pm/timezone in a DST gap
    line = what_it_does(key, before[-1] if before else None, new, updated, st.env.today(updated.schedule.timezone))
    if line:
        st.err(line)


def _say_set(st: State, key: str, new: object, path: Path) -> None:
    """``Set skin.type = dry in …`` with the value as stored (``Combination`` -> combination),
    or ``Cleared birth_year in …`` for an empty value."""
    if new is None or new == ():
        st.err(msg.CLEARED.format(key=key, path=path))
    else:
        shown = new.strftime("%H:%M") if hasattr(new, "strftime") and not isinstance(new, date) else _show(new)
        st.err(msg.UPDATED.format(key=key, value=shown, path=path))


def _set_dated(st: State, key: str, value: str, since: str | None, source: str) -> None:
    """A plan-shaping `profile set` (B13, invariant 12): the TOML and the dated change written
    together (:func:`milia_cli.cli.profile_dated.save_with_changes`)."""
    from milia_cli.checkin import parse_day
    from milia_cli.cli.profile_dated import save_with_changes
    from milia_cli.messages import log as log_msg
    from milia_cli.profile import load_profile, with_value
    from milia_cli.profile_changes import value_of
    from milia_cli.profiles import directory_lock

    today = st.today()
    day = parse_day(since, today, "--since")
    if day > today:
        raise MiliaError(log_msg.BAD_SINCE_FUTURE.format(date=day, today=today))
    path = st.profile_path
    with directory_lock(path.parent):
        current = load_profile(path)
        updated = with_value(current, key, value, source)
        if key == "birth_year" and updated.birth_year is not None and updated.birth_year > today.year:
            raise MiliaError(log_msg.BIRTH_YEAR_FUTURE.format(year=updated.birth_year, today_year=today.year))
        updated, log = save_with_changes(st, path, current, updated, day, today, (key, value))
    _say_set(st, key, value_of(updated, key), path)
    if log is not None:
        _say_what_changes(st, key, day, today, current, updated, log)
    else:
        st.err(msg.EFFECT_UNCHANGED)
    if log is not None and updated.shelf:  # the shelf products to put away now (issue 15)
        from milia_cli.products import put_away_lines

        for line in put_away_lines(current, updated, today):
            st.err(line)


def _say_what_changes(st: State, key: str, day: date, today: date, current, updated, log) -> None:
    """One line when actives leave the plan; after a change to pregnant/trying/breastfeeding,
    the retinol dates to share and what they mean (B13)."""
    from milia_cli import profile_changes as pc
    from milia_cli.messages import log as log_msg
    from milia_cli.planner import Planner

    change = next((c for c in log.changes if c.date == day and c.key == key), None)
    before_log = log._replace(changes=tuple(c for c in log.changes if c is not change))
    if change is not None:  # a key cleared, or set where it was not, reads as that (not "from (not set)")
        template = (log_msg.CHANGE_RECORDED_CLEARED if change.new is None else
                    log_msg.CHANGE_RECORDED_SET if change.old is None else log_msg.CHANGE_RECORDED)
        st.err(template.format(key=key, old=_show(change.old), new=_show(change.new), date=day))
    from milia_cli.profile_effects import what_it_does

    first, last = pc.effect_window(day, today)
    after = Planner(updated, log, today=today).days(first, last)
    before = Planner(current, before_log, today=today)  # the plan as it stood without this change
    reported = key == "pregnancy" and updated.pregnancy in pc.NO_RETINOL_STATUSES  # its report follows
    line = None if reported else what_it_does(key, pc.value_of(current, key), pc.value_of(updated, key), updated,
                                              today, after)
    line = line or pc.plan_effect(before.days(first, last), after, day)
    if line:
        st.err(line)
    if key == "pregnancy" and updated.pregnancy in pc.NO_RETINOL_STATUSES and current.pregnancy != updated.pregnancy:
        from datetime import timedelta

        start = current.schedule.start
        through = today - timedelta(days=1)  # the plan they followed until now; tonight it stops
        planned = before.days(start, through) if through >= start else ()
        used, only_planned = pc.retinol_dates(log, planned, today)
        st.err(pc.pregnancy_report(updated.pregnancy, day, today, used, only_planned))


def _show(value: object) -> str:
    if value is None:
        return "(not set)"
    if isinstance(value, tuple):
        return ", ".join(value) or "(none)"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@profile_app.command("list")
def list_(ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="Print JSON only.")) -> None:
    """List the profiles in the home."""
    from milia_cli.profiles import profile_list

    st = state(ctx)
    names = st.locations.profile_names()
    listing, warnings = profile_list(st.locations, st.name)
    for warning in warnings:
        st.err(f"milia: {warning}")
    if as_json:
        import json

        st.out(json.dumps(listing, ensure_ascii=False, indent=2))
        return
    if not names:
        st.err(msg.NO_PROFILES.format(directory=st.locations.profiles_dir))
        return
    current = st.name
    for n in names:
        st.out(f"{'*' if n == current else ' '} {n}")


@profile_app.command("path")
def path_(ctx: typer.Context) -> None:
    """Print the path of the current profile file."""
    st = state(ctx)
    st.out(str(st.profile_path))


@profile_app.command("delete")
def delete(
    ctx: typer.Context,
    name: str = typer.Argument(..., metavar="NAME", autocompletion=complete_profile_name,
                               help="The profile to delete."),
    yes: bool = typer.Option(False, "--yes", "-y", help="Also delete its log without asking."),
    keep_log: bool = typer.Option(False, "--keep-log", help="Delete the profile but keep its log."),
) -> None:
    """Delete a profile and, after confirmation, its log."""
    from milia_cli.home import log_size
    from milia_cli.paths import validate_profile_name
    from milia_cli.profiles import delete_profile, log_key_of

    st = state(ctx)
    validate_profile_name(name)
    path = st.locations.profile_path(name)
    checkins, events = log_size(st.locations, log_key_of(st.locations, name), timeout=st.db_timeout)
    with_log = False
    if (checkins or events) and not keep_log:
        if yes:
            with_log = True
        elif st.env.interactive:
            with_log = typer.confirm(msg.CONFIRM_DELETE_LOG.format(name=name, checkins=checkins, events=events))
        else:
            raise MiliaError(msg.DELETE_NEEDS_YES.format(name=name, checkins=checkins, events=events))
    report = delete_profile(st.locations, name, with_log=with_log, timeout=st.db_timeout)
    if report.profile_deleted:
        st.err(msg.DELETED.format(name=name, path=path))
    if report.log_deleted:
        st.err(msg.DELETED_LOG.format(name=name, checkins=report.checkins, events=report.events))
    elif checkins or events:
        st.err(msg.KEPT_LOG.format(name=name, db=st.locations.db_path))
    if report.calendar:
        st.err(report.calendar)
