"""Rich rendering of a profile for `milia profile show`."""

from __future__ import annotations

from pathlib import Path

from milia_cli.env import Environment
from milia_cli.profile import Profile

_PREGNANCY = {
    "none": "not pregnant",
    "trying": "trying to conceive — no retinoids (B1)",
    "pregnant": "pregnant — no retinoids (B1)",
    "breastfeeding": "breastfeeding — no retinol by default (B2)",
}
_CAUTIONS = {
    "isotretinoin_recent": "isotretinoin in the last 6 months",
    "eczema_or_rosacea": "eczema or rosacea",
    "photosensitizing_medicine": "photosensitizing medicine",
    "facial_steroid": "topical steroid on the face",
    "keloid_prone": "keloid-prone",
    "cold_sores": "cold sores at the site",
    "anticoagulants": "anticoagulants",
}


def render_profile(profile: Profile, path: Path, env: Environment) -> None:
    from rich.table import Table

    console = env.console(width=None if env.stdout_isatty else 100)
    table = Table(show_header=False, box=None, pad_edge=False, padding=(0, 2, 0, 0))
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column()
    yes_no = lambda b: "yes" if b else "no"  # noqa: E731
    table.add_row("name", profile.name)
    dark_spots = ", prone to dark spots" if profile.skin.tone_prone_to_dark_spots else ""
    table.add_row("skin", profile.skin.type + dark_spots)
    table.add_row("pregnancy", _PREGNANCY[profile.pregnancy])
    if profile.birth_year is not None:
        table.add_row("born", str(profile.birth_year))
    since = f" (since {profile.milia.since.isoformat()})" if profile.milia.since else ""
    table.add_row("milia on", (", ".join(profile.milia.areas) or "not recorded") + since)
    table.add_row(
        "habits",
        f"makeup {yes_no(profile.habits.makeup)} · under-eye concealer "
        f"{yes_no(profile.habits.under_eye_concealer)} · smoker {yes_no(profile.habits.smoker)}",
    )
    cautions = [label for key, label in _CAUTIONS.items() if getattr(profile.cautions, key)]
    table.add_row("cautions", ", ".join(cautions) if cautions else "none")
    s = profile.schedule
    table.add_row(
        "schedule",
        f"starts {s.start.isoformat()} ({s.start.strftime('%A')}) · morning {s.am.strftime('%H:%M')} · "
        f"evening {s.pm.strftime('%H:%M')} · {s.timezone}",
    )
    console.print(f"[bold]Profile[/bold] [dim]{path}[/dim]")
    console.print(table)
