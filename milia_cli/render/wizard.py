"""The interactive `milia init` wizard (rich prompts; only on a terminal)."""

from __future__ import annotations

from dataclasses import replace

from milia_cli.env import Environment
from milia_cli.profile_schema import AREAS, PREGNANCY, SKIN_TYPES
from milia_cli.profiles import InitAnswers, next_monday

_BOOL_QUESTIONS = (
    ("habits.makeup", "Do you wear makeup most days?"),
    ("habits.under_eye_concealer", "Do you use concealer under the eyes?"),
    ("habits.smoker", "Do you smoke?"),
    ("skin.tone_prone_to_dark_spots", "Does your skin tend to get dark spots after irritation?"),
    ("cautions.isotretinoin_recent", "Have you taken isotretinoin in the last 6 months?"),
    ("cautions.eczema_or_rosacea", "Do you have eczema or rosacea?"),
    ("cautions.photosensitizing_medicine", "Do you take a medicine that makes you sun-sensitive?"),
    ("cautions.facial_steroid", "Do you use a steroid cream on your face?"),
    ("cautions.keloid_prone", "Do your scars tend to grow thick and raised (keloids)?"),
    ("cautions.cold_sores", "Do you get cold sores where milia are?"),
    ("cautions.anticoagulants", "Do you take blood thinners (anticoagulants)?"),
)


def run_wizard(answers: InitAnswers, env: Environment, default_name: str) -> InitAnswers:
    """Ask for everything not already given by a flag."""
    from rich.console import Console
    from rich.prompt import Confirm, IntPrompt, Prompt

    console = Console(file=env.stdout, force_terminal=env.color, no_color=not env.color, highlight=False)
    ask = dict(console=console, stream=_Lines(env.stdin))
    console.print("[bold]Welcome to milia.[/bold] A few questions to build your plan "
                  "(press Enter to accept the suggestion in brackets).")
    console.print("[dim]milia gives general information, not medical advice or a diagnosis.[/dim]\n")

    name = answers.name
    while not name:
        if default_name != "default":
            name = Prompt.ask("Name (shown on handouts)", default=default_name, **ask)
        else:
            name = Prompt.ask("Your name (shown on handouts)", **ask).strip()
    skin = answers.skin_type or Prompt.ask("Skin type", choices=list(SKIN_TYPES), default="combination", **ask)
    pregnancy = answers.pregnancy or Prompt.ask(
        "Pregnancy", choices=list(PREGNANCY), default="none", **ask)
    areas = answers.areas
    if areas is None:
        console.print("Where do you get milia? " + ", ".join(f"[cyan]{a}[/cyan]" for a in AREAS))
        while True:
            text = Prompt.ask("Areas, separated by commas", default="under-eyes, cheeks", **ask)
            picked = tuple(p.strip() for p in text.replace(" ", ",").split(",") if p.strip())
            unknown = [p for p in picked if p not in AREAS]
            if not unknown:
                areas = picked
                break
            console.print(f"[red]Not an area:[/red] {', '.join(unknown)}")
    timezone = answers.timezone or _ask_zone(Prompt, console, ask, env)
    start = answers.start or Prompt.ask(
        "First day of the plan (YYYY-MM-DD)", default=next_monday(env.today(timezone)).isoformat(), **ask)
    am = answers.am or Prompt.ask("Morning routine at", default="07:30", **ask)
    pm = answers.pm or Prompt.ask("Evening routine at", default="21:30", **ask)
    birth_year = answers.birth_year
    if birth_year is None:
        birth_year = IntPrompt.ask("Year of birth (optional, 0 to skip)", default=0, **ask) or None
    flags = dict(answers.flags)
    for key, question in _BOOL_QUESTIONS:
        if flags.get(key) is None:
            flags[key] = Confirm.ask(question, default=False, **ask)
    return replace(answers, name=name, skin_type=skin, pregnancy=pregnancy, areas=areas, timezone=timezone,
                   start=start, am=am, pm=pm, birth_year=birth_year, flags=flags)


class _Lines:
    """rich reads ``stream.readline()`` and keeps the newline, so Enter never took the
    default; strip it, and turn end of input into EOFError (the CLI says "Interrupted")."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def readline(self) -> str:
        line = self._stream.readline()
        if not line:
            raise EOFError
        return line.rstrip("\r\n")


def _ask_zone(Prompt, console, ask, env: Environment) -> str:  # noqa: N803
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    guess = env.vars.get("TZ") or "Europe/Berlin"
    while True:
        zone = Prompt.ask("Time zone (IANA name)", default=guess, **ask)
        try:
            ZoneInfo(zone)
            return zone
        except (ZoneInfoNotFoundError, ValueError):
            console.print(f"[red]Unknown time zone[/red] {zone!r}; for example Europe/Berlin or America/New_York.")
