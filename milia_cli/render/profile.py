"""Rich rendering of a profile for `milia profile show`, in the run's language (the values one
types, such as the time zone and the dates, as they are written)."""

from __future__ import annotations

from pathlib import Path

from milia_cli.env import Environment
from milia_cli.messages import When
from milia_cli.messages import profile as msg
from milia_cli.messages.words import Words
from milia_cli.profile import Profile


def render_profile(profile: Profile, path: Path, env: Environment) -> None:
    from rich.markup import escape
    from rich.table import Table

    t = env.tr
    console = env.console(width=None if env.stdout_isatty else 100)
    table = Table(show_header=False, box=None, pad_edge=False, padding=(0, 2, 0, 0))
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column()
    rows = msg.SHOW_ROWS

    def yes_no(b: bool) -> str:
        return msg.SHOW_YES if b else msg.SHOW_NO

    table.add_row(t(rows["name"]), profile.name)
    dark_spots = msg.SHOW_DARK_SPOTS if profile.skin.tone_prone_to_dark_spots else ""
    table.add_row(t(rows["skin"]), t(msg.SHOW_SKIN.get(profile.skin.type, profile.skin.type)) + t(dark_spots))
    table.add_row(t(rows["pregnancy"]), t(msg.SHOW_PREGNANCY[profile.pregnancy]))
    if profile.birth_year is not None:
        table.add_row(t(rows["born"]), str(profile.birth_year))
    since = msg.SHOW_SINCE.format(since=profile.milia.since.isoformat()) if profile.milia.since else ""
    areas = t(Words(profile.milia.areas)) if profile.milia.areas else t(msg.SHOW_NOT_RECORDED)
    table.add_row(t(rows["milia"]), areas + t(since))
    table.add_row(t(rows["habits"]), t(msg.SHOW_HABITS.format(
        makeup=yes_no(profile.habits.makeup), concealer=yes_no(profile.habits.under_eye_concealer),
        smoker=yes_no(profile.habits.smoker))))
    cautions = [t(label) for key, label in msg.SHOW_CAUTIONS.items() if getattr(profile.cautions, key)]
    table.add_row(t(rows["cautions"]), ", ".join(cautions) if cautions else t(msg.SHOW_NONE))
    s = profile.schedule
    table.add_row(t(rows["schedule"]), t(msg.SHOW_SCHEDULE.format(
        start=s.start.isoformat(), weekday=When(s.start.strftime("%A"), s.start, "weekday"),
        am=s.am.strftime("%H:%M"), pm=s.pm.strftime("%H:%M"), zone=s.timezone)))
    console.print(f"[bold]{escape(t(msg.SHOW_TITLE))}[/bold] [dim]{path}[/dim]")
    console.print(table)
