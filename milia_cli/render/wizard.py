"""The interactive `milia init` wizard (rich prompts; only on a terminal)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from milia_cli.env import Environment
from milia_cli.messages import Retold
from milia_cli.messages import profile as msg
from milia_cli.profile_schema import AREAS, PREGNANCY, SKIN_TYPES
from milia_cli.profiles import InitAnswers, next_monday

if TYPE_CHECKING:
    from datetime import date


def run_wizard(answers: InitAnswers, env: Environment, default_name: str) -> InitAnswers:
    """Ask for everything not already given by a flag, in the run's language (what one types,
    the choices and ``y``/``n``, stays as written); each answer is checked as it is typed (a
    date as ``7/12/2026`` or a time as ``7h61`` is refused at once, with the format)."""
    from rich.markup import escape

    t = env.tr
    console = env.console()
    ask = _Asker(console, env)
    console.print(f"[bold]{escape(t(msg.WIZARD_WELCOME))}[/bold] {escape(t(msg.WIZARD_INTRO))}")
    console.print(f"[dim]{escape(t(msg.WIZARD_NOT_ADVICE))}[/dim]\n")

    name = answers.name
    if not name:
        question = msg.WIZARD_ASK_NAME if default_name != "default" else msg.WIZARD_ASK_YOUR_NAME
        name = ask(t(question), default_name if default_name != "default" else None, _name)
    skin = answers.skin_type or ask(t(msg.WIZARD_ASK_SKIN.format(choices=" / ".join(SKIN_TYPES))), "combination",
                                    lambda text: _choice(text, SKIN_TYPES, msg.WIZARD_NOT_SKIN_TYPE))
    pregnancy = answers.pregnancy or ask(t(msg.WIZARD_ASK_PREGNANCY.format(choices=" / ".join(PREGNANCY))), "none",
                                         lambda text: _choice(text, PREGNANCY, msg.WIZARD_NOT_PREGNANCY))
    areas = answers.areas
    if areas is None:
        console.print(escape(t(msg.WIZARD_WHERE)) + " " + ", ".join(f"[cyan]{a}[/cyan]" for a in AREAS))
        areas = ask(t(msg.WIZARD_ASK_AREAS), "under-eyes, cheeks", _areas)
    timezone = answers.timezone or ask(t(msg.WIZARD_ASK_ZONE), _system_zone(env), _zone)
    today = env.today(timezone)
    start = answers.start or ask(t(msg.WIZARD_ASK_START), next_monday(today).isoformat(),
                                 lambda text: _date(text, today))
    am = answers.am or ask(t(msg.WIZARD_ASK_AM), "07:30", _clock)
    pm = answers.pm or ask(t(msg.WIZARD_ASK_PM), "21:30", _clock)
    birth_year = answers.birth_year
    if birth_year is None:
        birth_year = ask(t(msg.WIZARD_ASK_BIRTH_YEAR), None, _year, optional=True)
    flags = dict(answers.flags)
    for key, question in msg.WIZARD_QUESTIONS.items():
        if flags.get(key) is None:
            flags[key] = ask(t(msg.WIZARD_YES_NO.format(question=question)), None, _yes_no, optional=True,
                             show_default=False) or False
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
                self.console.print(f"  {self.env.tr(msg.WIZARD_NEEDS_ANSWER)}", markup=False, soft_wrap=True)
                continue
            try:
                return parse(text)
            except ValueError as err:  # its argument is one of milia's sentences
                said = err.args[0] if err.args and isinstance(err.args[0], str) else str(err)
                self.console.print(f"  {self.env.tr(said)}", markup=False, soft_wrap=True)


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
        return check_new_zone(text, msg.WIZARD_ZONE_SOURCE)
    except MiliaError as err:
        short = err.message.replace("time zone: key 'schedule.timezone' is ", "")
        raise ValueError(Retold(short, err.message)) from None  # Korean: the whole sentence


def _date(text: str, today: date) -> str:
    """YYYY-MM-DD or a date word (``tomorrow``, ``next monday``), read by the one parser of date
    flags (range-checked as every date is); refused with the wizard's own sentence."""
    from milia_cli.dates import parse_date_flag
    from milia_cli.errors import UsageError

    try:
        day = parse_date_flag(text, today, "--start")
    except UsageError:
        raise ValueError(msg.WIZARD_BAD_DATE.format(value=text)) from None
    assert day is not None  # text is a str
    return day.isoformat()


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
        raise ValueError(err.args[0] if err.args else str(err)) from None


def _system_zone(env: Environment) -> str | None:
    """The computer's zone, read through the Environment: its ``TZ``, else its ``localtime``
    link (``env.localtime``, default /etc/localtime) — tests give both."""
    from milia_cli.zones import system_zone

    return system_zone(env.vars, getattr(env, "localtime", "/etc/localtime"))
