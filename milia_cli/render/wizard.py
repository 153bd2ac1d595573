"""The interactive `milia init` wizard (rich prompts; only on a terminal)."""

from __future__ import annotations

from dataclasses import replace

from milia_cli.env import Environment
from milia_cli.messages import profile as msg
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
    """Ask for everything not already given by a flag; each answer is checked as it is typed
    (a date as ``7/12/2026`` or a time as ``7h61`` is refused at once, with the format)."""
    console = env.console()
    ask = _Asker(console, env)
    console.print("[bold]Welcome to milia.[/bold] A few questions to build your plan "
                  "(press Enter to accept the suggestion in brackets).")
    console.print("[dim]milia gives general information, not medical advice or a diagnosis.[/dim]\n")

    name = answers.name
    if not name:
        question = "Name (shown on handouts)" if default_name != "default" else "Your name (shown on handouts)"
        name = ask(question, default_name if default_name != "default" else None, _name)
    skin = answers.skin_type or ask(f"Skin type ({' / '.join(SKIN_TYPES)})", "combination",
                                    lambda t: _choice(t, SKIN_TYPES, msg.WIZARD_NOT_SKIN_TYPE))
    pregnancy = answers.pregnancy or ask(f"Pregnancy ({' / '.join(PREGNANCY)})", "none",
                                         lambda t: _choice(t, PREGNANCY, msg.WIZARD_NOT_PREGNANCY))
    areas = answers.areas
    if areas is None:
        console.print("Where do you get milia? " + ", ".join(f"[cyan]{a}[/cyan]" for a in AREAS))
        areas = ask("Areas, separated by commas", "under-eyes, cheeks", _areas)
    timezone = answers.timezone or ask("Time zone (IANA name, such as Europe/Berlin)", _system_zone(env), _zone)
    start = answers.start or ask("First day of the plan (YYYY-MM-DD)",
                                 next_monday(env.today(timezone)).isoformat(), _date)
    am = answers.am or ask("Morning routine at (HH:MM)", "07:30", _clock)
    pm = answers.pm or ask("Evening routine at (HH:MM)", "21:30", _clock)
    birth_year = answers.birth_year
    if birth_year is None:
        birth_year = ask("Year of birth (optional; Enter to skip)", None, _year, optional=True)
    flags = dict(answers.flags)
    for key, question in _BOOL_QUESTIONS:
        if flags.get(key) is None:
            flags[key] = ask(f"{question} [y/N]", None, _yes_no, optional=True, show_default=False) or False
    return replace(answers, name=name, skin_type=skin, pregnancy=pregnancy, areas=areas, timezone=timezone,
                   start=start, am=am, pm=pm, birth_year=birth_year, flags=flags)


class _Asker:
    """Ask one question until its answer reads; say why when it does not. End of input is
    EOFError (the CLI says "Interrupted" and writes nothing)."""

    def __init__(self, console, env: Environment) -> None:
        self.console, self.env = console, env

    def __call__(self, question: str, default, parse, *, optional: bool = False, show_default: bool = True):
        hint = f" [{default}]" if default and show_default else ""
        while True:
            self.console.print(f"{question}{hint}: ", end="", markup=False, soft_wrap=True)
            line = self.env.stdin.readline()
            if not line:
                raise EOFError
            text = line.strip() or (default or "")
            if not text and optional:
                return None
            if not text:
                self.console.print(f"  {msg.WIZARD_NEEDS_ANSWER}", markup=False, soft_wrap=True)
                continue
            try:
                return parse(text)
            except ValueError as err:
                self.console.print(f"  {err}", markup=False, soft_wrap=True)


def _name(text: str) -> str:
    if len(text) > 80 or not text.isprintable():
        raise ValueError(msg.WIZARD_BAD_NAME)
    return text


def _choice(text: str, choices: tuple[str, ...], template: str) -> str:
    from milia_cli.profile_schema import closest

    low = text.lower()
    if low in choices:
        return low
    guess = closest(low, choices)
    hint = msg.WIZARD_DID_YOU_MEAN.format(choice=guess) if guess else ""
    raise ValueError(template.format(value=text, hint=hint, allowed=", ".join(choices)))


def _areas(text: str) -> tuple[str, ...]:
    from milia_cli.profile_schema import closest

    picked = tuple(p.strip().lower() for p in text.replace(" ", ",").split(",") if p.strip())
    unknown = [p for p in picked if p not in AREAS]
    if unknown:
        guess = closest(unknown[0], AREAS)
        hint = msg.WIZARD_DID_YOU_MEAN.format(choice=guess) if guess else ""
        raise ValueError(msg.WIZARD_NOT_AREA.format(value=", ".join(unknown), hint=hint))
    return tuple(dict.fromkeys(picked))


def _zone(text: str) -> str:
    from milia_cli.errors import MiliaError
    from milia_cli.profile_schema import check_new_zone

    try:
        return check_new_zone(text, "time zone")
    except MiliaError as err:
        raise ValueError(err.message.replace("time zone: key 'schedule.timezone' is ", "")) from None


def _date(text: str) -> str:
    from datetime import date

    try:
        if len(text) == 10 and text[4] == "-" and text[7] == "-":
            return date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    raise ValueError(msg.WIZARD_BAD_DATE.format(value=text))


def _clock(text: str) -> str:
    from milia_cli.profile_schema import parse_clock_time

    parsed = parse_clock_time(text)
    if parsed is None:
        raise ValueError(msg.WIZARD_BAD_TIME.format(value=text))
    return parsed.strftime("%H:%M")


def _year(text: str) -> int | None:
    if text == "0":
        return None
    if text.isdigit() and 1900 <= int(text) <= 2100:
        return int(text)
    raise ValueError(msg.WIZARD_BAD_YEAR.format(value=text))


def _yes_no(text: str) -> bool:
    from milia_cli.checkin_answers import BadAnswer, parse_yes_no

    try:
        return parse_yes_no(text, False)
    except BadAnswer as err:
        raise ValueError(str(err)) from None


def _system_zone(env: Environment) -> str | None:
    """The computer's zone, read through the Environment: its ``TZ``, else its ``localtime``
    link (``env.localtime``, default /etc/localtime) — tests give both."""
    from milia_cli.zones import system_zone

    return system_zone(env.vars, getattr(env, "localtime", "/etc/localtime"))
