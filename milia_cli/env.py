"""The world a command runs in, as one object that tests can fake.

Following httpie, nothing below the CLI touches ``sys.stdin``, ``os.environ`` or
the clock directly: it gets an :class:`Environment`. Tests build one with
``Environment(...)`` with fake streams and a pinned clock and pass it to
``CliRunner.invoke(app, args, obj=env)``. A plain class rather than a dataclass: it is
built on every run, and a dataclass costs ~0.2 ms to define at import (issue 7).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from rich.console import Console

    from milia_cli.errors import MiliaError


DEFAULT_WIDTH = 80  # when piped without COLUMNS
MAX_WIDTH = 1000  # COLUMNS=99999999 lays out as a very wide terminal, not an endless line


def _system_now() -> datetime:
    return datetime.now(UTC)


class Environment:
    """Streams (default: the process's), whether they are terminals, colour, environment
    variables, the clock, and an optional pinned calendar date (whatever the zone)."""

    def __init__(self, stdin: TextIO | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None,
                 stdin_isatty: bool = False, stdout_isatty: bool = False, color: bool = False,
                 vars: Mapping[str, str] | None = None, now: Callable[[], datetime] = _system_now,
                 fixed_today: date | None = None, width: int | None = None, lang: str | None = None) -> None:
        self.stdin: TextIO = sys.stdin if stdin is None else stdin
        self.stdout: TextIO = sys.stdout if stdout is None else stdout
        self.stderr: TextIO = sys.stderr if stderr is None else stderr
        self.stdin_isatty, self.stdout_isatty, self.color = stdin_isatty, stdout_isatty, color
        self.failure: MiliaError | None = None  # the MiliaError this run ended with, once the exit point said it
        self.vars: Mapping[str, str] = {} if vars is None else vars
        self.now = now
        self.fixed_today = fixed_today
        self._width = width
        self.lang = lang  # `--lang` (or a test's choice): before the profile's `lang` and the locale
        self.profile_lang: str | None = None  # the loaded profile's `lang` key (Home.profile sets it)
        # a command that reads no profile (`why`) still speaks the profile's language: the CLI
        # sets this to read just the `lang` of the chosen profile, once, when the language is asked
        self.profile_lang_reader: Callable[[], str | None] | None = None

    def __repr__(self) -> str:
        return (f"Environment(stdin_isatty={self.stdin_isatty}, stdout_isatty={self.stdout_isatty}, "
                f"color={self.color}, fixed_today={self.fixed_today})")

    @classmethod
    def from_os(cls) -> Environment:
        env = dict(os.environ)
        out_tty = _isatty(sys.stdout)
        color = out_tty and "NO_COLOR" not in env and env.get("TERM") != "dumb"
        now, fixed_today = _system_now, None
        fixed = env.get("MILIA_NOW")  # reproducible runs: an ISO date or datetime
        if fixed:
            now, fixed_today = _fixed_clock(fixed)
        return cls(
            stdin_isatty=_isatty(sys.stdin),
            stdout_isatty=out_tty,
            color=color,
            vars=env,
            now=now,
            fixed_today=fixed_today,
        )

    @property
    def language(self) -> str:
        """The language this run speaks: ``--lang``, else the profile's ``lang`` (once loaded),
        else LC_ALL / LC_MESSAGES / LANG of :attr:`vars`, else English (:mod:`milia_cli.i18n`)."""
        from milia_cli.i18n import choose

        if self.lang is None and self.profile_lang is None and self.profile_lang_reader is not None:
            reader, self.profile_lang_reader = self.profile_lang_reader, None
            self.profile_lang = reader()
        return choose(self.lang, self.profile_lang, self.vars)

    def language_for(self, profile_lang: str | None) -> str:
        """The language of an output for a profile other than the run's (a client file of a batch)."""
        from milia_cli.i18n import choose

        return choose(self.lang, profile_lang, self.vars)

    def tr(self, text: str) -> str:
        """``text`` (a :class:`~milia_cli.messages.Message`) in :attr:`language`."""
        from milia_cli.i18n import tr

        return tr(text, self.language)

    @property
    def interactive(self) -> bool:
        """True when a person can answer prompts (both ends are a terminal)."""
        return self.stdin_isatty and self.stdout_isatty

    @property
    def width(self) -> int:
        """The columns output lays out to: ``width`` when given, else ``COLUMNS`` when set (a
        positive number), else the terminal's size, else 80 (piped). Asked once, when first used."""
        if self._width is None:
            self._width = _columns(self.vars.get("COLUMNS")) or (
                _terminal_columns(self.stdout) if self.stdout_isatty else None) or DEFAULT_WIDTH
        return self._width

    def console(self, file: TextIO | None = None, **options: Any) -> Console:
        """A rich ``Console`` writing to ``file`` (default: standard output), coloured only when
        this environment is: the one place milia makes one (rich is imported on first use, so
        commands that print no table never load it). ``options`` are Console's own (width, …)."""
        from rich.console import Console

        settings: dict[str, Any] = {
            "file": self.stdout if file is None else file, "force_terminal": self.color, "no_color": not self.color,
            "color_system": "auto" if self.color else None, "highlight": False, "emoji": False}
        return Console(**{**settings, **options})

    def today(self, tz_name: str | None = None) -> date:
        """Today's date in ``tz_name`` (the profile's zone), from the injected clock."""
        if self.fixed_today is not None:
            return self.fixed_today
        now = self.now()
        if tz_name:
            from zoneinfo import ZoneInfo

            return now.astimezone(ZoneInfo(tz_name)).date()
        return now.astimezone().date()


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _columns(text: str | None) -> int | None:
    try:
        n = int(text) if text else 0
    except ValueError:
        return None
    return min(n, MAX_WIDTH) if n > 0 else None


def _terminal_columns(stream: TextIO) -> int | None:
    try:
        return os.get_terminal_size(stream.fileno()).columns or None
    except (AttributeError, ValueError, OSError):
        return None


def _fixed_clock(text: str) -> tuple[Callable[[], datetime], date | None]:
    from milia_cli.dates import RANGE_TEXT, in_range
    from milia_cli.errors import MiliaError
    from milia_cli.messages.common import BAD_NOW, NOW_OUT_OF_RANGE

    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            moment = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
            fixed: date | None = day
        else:
            moment = datetime.fromisoformat(text)
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=UTC)
            fixed = None
    except ValueError:
        raise MiliaError(BAD_NOW.format(value=text)) from None
    try:
        moment = moment.astimezone(UTC)  # an offset at either end of Python's dates overflows
    except (ValueError, OverflowError):
        raise MiliaError(NOW_OUT_OF_RANGE.format(value=text, range=RANGE_TEXT)) from None
    if not in_range(moment.date()):  # the profile's zone may shift it a day: the range has years to spare
        raise MiliaError(NOW_OUT_OF_RANGE.format(value=text, range=RANGE_TEXT))
    return (lambda: moment), fixed
