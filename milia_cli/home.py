"""The home facade (issue 14, item 1): locations, profiles, the log store and its locks, in
one object a notebook can use as the command line does::

    from milia_cli import Home
    home = Home("~/milia-test", profile="ana")
    home.profile().schedule.start, home.load_log().checkins[-1:]

Every command of the CLI works on a :class:`Home` (its ``State`` adds the terminal's
streams); the clinical work is the planner's (:mod:`milia_cli.planner`), the storage the
store's (:mod:`milia_cli.store`). Imported on every run: nothing heavy at module level.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from milia_cli.env import Environment
from milia_cli.errors import MiliaError
from milia_cli.messages import common as common_msg
from milia_cli.messages import profile as profile_msg
from milia_cli.paths import DEFAULT_PROFILE, Locations, resolve_locations, validate_profile_name
from milia_cli.safe_text import one_line

if TYPE_CHECKING:
    from collections.abc import Callable

    from milia_cli.calendar_window import CalendarWindow
    from milia_cli.daily import CheckinAnswers, CheckinResult, NotStarted
    from milia_cli.guarded_store import GuardedStore
    from milia_cli.logmodel import CheckIn, Log
    from milia_cli.plan import Day, Plan
    from milia_cli.planner import DayView
    from milia_cli.profile import Profile
    from milia_cli.stats import Stats

MAX_DB_TIMEOUT = 600.0  # seconds: ten minutes is already far past any real lock


class Home:
    """A milia home: its locations, the chosen profile, the log database and its locks.
    (A plain class: a dataclass would cost ~0.2 ms of import on every run.)

    ``Home()`` is the home of the environment (``MILIA_HOME``, else the platform's
    directories), ``Home(Path("…"))`` another; ``profile=`` picks a profile by name,
    ``profile_file=`` a client's TOML anywhere. Warnings (a widened file mode, rows dated
    outside milia's range) go to :meth:`warn`: kept in :attr:`warnings` here, printed on
    stderr by the command line's subclass."""

    def __init__(self, home: Path | str | None = None, *, env: Environment | None = None,
                 profile: str | None = None, profile_file: Path | str | None = None,
                 locations: Locations | None = None) -> None:
        env = env if env is not None else Environment.from_os()
        if locations is None:
            locations = resolve_locations(Path(home).expanduser() if home is not None else None, env.vars)
        profile_name, profile_file = profile, Path(profile_file) if profile_file is not None else None
        self.warnings: list[str] = []
        self.env, self.locations = env, locations
        self.profile_name, self.profile_file = profile_name, profile_file
        self._profile: Profile | None = None
        self.stored: list[str] = []  # what this run has committed (the interruption message says it)
        self.written: list[Path] = []  # the exports this run has written
        self._skipped_warned: set[str] = set()

    # -- profile ---------------------------------------------------------
    @property
    def name(self) -> str:
        return self.profile_name or self.env.vars.get("MILIA_PROFILE") or DEFAULT_PROFILE

    @property
    def profile_path(self) -> Path:
        if self.profile_file is not None:
            return self.profile_file
        return self.locations.profile_path(validate_profile_name(self.name))

    def profile(self) -> Profile:
        """Load (once) and validate the chosen profile, or raise a clear error."""
        if self._profile is None:
            from milia_cli.profile import load_profile

            path = self.profile_path
            if self.profile_file is None and not path.exists():
                others = self.locations.profile_names()
                hint = profile_msg.NOT_FOUND_HINT.format(names=", ".join(others)) if others else ""
                raise MiliaError(
                    profile_msg.NOT_FOUND.format(name=self.name, directory=self.locations.profiles_dir, hint=hint)
                )
            self._profile = self._identified(load_profile(path))
            self.env.profile_lang = self._profile.lang  # the profile's `lang`, after `--lang`
            if self.profile_file is None:  # a client's file elsewhere is the user's business
                self.warn_if_widened(self.locations.config_dir, 0o700)
                self.warn_if_widened(path.parent, 0o700)
                self.warn_if_widened(path, 0o600)
        return self._profile

    def _identified(self, profile: Profile) -> Profile:
        """``profile`` with its identity in ``.id`` (see :mod:`milia_cli.identity`)."""
        from milia_cli.identity import identify, is_home_file

        path = self.profile_path
        home = self.profile_file is None or is_home_file(path, self.locations.profiles_dir)
        found = identify(path, profile, self.locations, home=home, timeout=self.db_timeout)
        for note in found.notes:
            self.warn(note)
        return found.profile

    @property
    def log_key(self) -> str:
        """The key of the profile's log: its identity (its name in the home, else the `id` in
        the file; a client file without one gets one now, as its log is about to be used).
        A home profile's key is read without validating the file, so a broken or missing
        profile can still export or import its log."""
        if self.profile_file is None:
            from milia_cli.identity import home_log_key

            return home_log_key(self.locations, validate_profile_name(self.name))
        profile = self.profile()
        if profile.id is None:
            from milia_cli.identity import claim

            found = claim(self.profile_path, profile, self.locations, timeout=self.db_timeout)
            for note in found.notes:
                self.warn(note)
            self._profile = profile = found.profile
        return profile.id  # type: ignore[return-value]

    def today(self) -> date:
        return self.env.today(self.profile().schedule.timezone)

    # -- log -------------------------------------------------------------
    @property
    def db_timeout(self) -> float | None:
        """Seconds a write waits for another milia's lock: ``MILIA_DB_TIMEOUT``, or None for
        the store's default (5 s)."""
        text = self.env.vars.get("MILIA_DB_TIMEOUT")
        if text is None or not text.strip():
            return None
        try:
            seconds = float(text)
        except ValueError:
            seconds = -1.0
        if not 0 <= seconds <= MAX_DB_TIMEOUT:  # also refuses nan and inf
            raise MiliaError(common_msg.BAD_DB_TIMEOUT.format(value=text, limit=MAX_DB_TIMEOUT))
        return seconds

    def open_store(self) -> GuardedStore:
        """One connection to the log database (created if needed), with the configured lock wait;
        its reads skip rows dated outside milia's range (warning once), its writes note what
        they stored (see :mod:`milia_cli.guarded_store`)."""
        from milia_cli.guarded_store import GuardedStore, open_read_only
        from milia_cli.store import open_store

        try:
            store = open_store(self.locations.db_path, timeout=self.db_timeout)
        except MiliaError as err:  # a read-only home: the reading commands still read (issue 12, item 13)
            from milia_cli.fsutil import disk_is_full

            if disk_is_full(self.locations.db_path.parent):  # SQLite says "disk I/O error" for a -shm it cannot grow
                from milia_cli.messages.log import DB_FULL

                raise MiliaError(DB_FULL.format(path=one_line(self.locations.db_path))) from None
            store = open_read_only(self.locations.db_path, self.db_timeout, err)
        self.warn_if_widened(self.locations.db_path, 0o600)
        return GuardedStore(store, self._warn_skipped, self.stored.append)

    def _warn_skipped(self, key: str, bad: list[str]) -> None:
        from milia_cli.dates import RANGE_TEXT

        if key in self._skipped_warned:
            return
        self._skipped_warned.add(key)
        examples = ", ".join(bad[:3]) + (", …" if len(bad) > 3 else "")
        many = len(bad) != 1
        self.warn(common_msg.LOG_ROWS_SKIPPED.format(
            name=key, count=len(bad), ies="ies" if many else "y", range=RANGE_TEXT, examples=examples))

    def has_log(self) -> bool:
        """False only when there is no log database yet (a reading command then plans an empty
        log); a database that is there but unusable (a dangling link, 0 bytes, a damaged -wal,
        a FIFO …) raises its one-sentence error instead of being read as empty."""
        from milia_cli.dbfiles import log_exists

        return log_exists(self.locations.db_path)

    def load_plan_log(self, last: date, start: date | None = None, *, since: date | None = None) -> Log:
        """The log a plan from ``start`` (default schedule.start) through ``last`` needs, and no
        more: check-ins from day 1 (or the pause or stop still open then,
        :meth:`Store.plan_history_first`; or ``since`` when earlier) to ``last``, and every event
        and change; empty if there is no database yet."""
        from milia_cli.logmodel import EMPTY_LOG

        if not self.has_log() or self.profile().id is None:
            return EMPTY_LOG
        with self.open_store() as store:
            first = store.plan_history_first(self.log_key, start or self.profile().schedule.start)
            return store.read_log(self.log_key, first=min(first, since or first), last=last)

    # -- views of the plan (issue 13, item 5) ----------------------------
    def plan(self, weeks: int = 12, first: date | None = None, *, start: date | None = None,
             week: int | None = None) -> Plan:
        """The plan as `milia plan` and the exports show it: ``weeks`` weeks of the program from
        ``first`` (or from week ``week``; default: the first day of the current plan week, the
        plan's start before it begins). ``start`` rebases the program (``--start``: day 1 is
        ``start`` instead of schedule.start). A view reads every check-in up to its last day, so
        its days and levels are the full plan's (:meth:`milia_cli.planner.Planner.plan`)."""
        from milia_cli.plan_notices import checkins_read_from
        from milia_cli.planner import Planner
        from milia_cli.views import rebased, view_first, view_last

        profile = rebased(self.profile(), start)
        today = self.today()
        lo = view_first(profile.schedule.start, today, first, week=week)
        last = view_last(lo, weeks)
        log = self.load_plan_log(last, profile.schedule.start, since=checkins_read_from(lo, last, today))
        return Planner(profile, log, today=today).plan(weeks, first=lo)

    def calendar(self, weeks: int = 12, first: date | None = None, *, start: date | None = None,
                 feed: bool = False) -> CalendarWindow:
        """The calendar `export ics`, the calendar CSVs and `sync caldav` write: ``weeks`` weeks
        from ``first`` (default: this plan week; ``feed``: two weeks back), the plan behind it
        and its UIDs' identity (:func:`milia_cli.calendar_window.window_for`)."""
        from milia_cli.calendar_window import window_for
        from milia_cli.views import rebased

        profile = rebased(self.profile(), start)
        return window_for(profile, self.load_log(), self.today(), weeks, first, feed=feed)

    def load_log(self, first: date | None = None, last: date | None = None) -> Log:
        """The profile's log (optionally a date window); empty if there is no database yet."""
        from milia_cli.logmodel import EMPTY_LOG

        if not self.has_log() or self.profile().id is None:
            return EMPTY_LOG  # no log yet (a client file gets its id when it first has one)
        with self.open_store() as store:
            return store.read_log(self.log_key, first=first, last=last)

    # -- the daily use cases (milia_cli.daily) ----------------------------
    def day(self, day: date | None = None) -> DayView | NotStarted:
        """`milia today`: the plan of ``day`` (default today), what is checked, the notices."""
        from milia_cli.daily import day_view

        return day_view(self, day)

    def checkin(self, day: date | None = None, answers: CheckinAnswers | None = None, *,
                ask: Callable[[Day, CheckIn | None, date], CheckIn] | None = None, tonight: bool = True,
                notify: Callable[[str], None] | None = None, **flags: Any) -> CheckinResult:
        """`milia checkin`: record ``day`` (default today) from ``answers`` or the same keywords
        (``all_done=True, irritation=1``, ``done=["retinol"]`` …), or from ``ask``."""
        from milia_cli.daily import CheckinAnswers, record_checkin

        if flags:
            answers = (answers or CheckinAnswers())._replace(**flags)
        return record_checkin(self, day, answers, ask=ask, tonight=tonight, notify=notify)

    def stats(self, days: int | None = None) -> Stats:
        """`milia stats`: adherence, streaks, the calendar and level history of the ``days``
        ending today (default 84)."""
        from milia_cli.daily import DEFAULT_STATS_DAYS, stats

        return stats(self, DEFAULT_STATS_DAYS if days is None else days)

    # -- warnings --------------------------------------------------------
    def warn(self, text: str) -> None:
        """A warning for the person (one sentence); the CLI prints it, a library keeps it."""
        self.warnings.append(text)

    def warn_if_widened(self, path: Path, want: int) -> None:
        from milia_cli.fsutil import widened_mode_warning

        warning = widened_mode_warning(path, want)
        if warning:
            self.warn(warning)


def log_size(locations: Locations, key: str, *, timeout: float | None = None) -> tuple[int, int]:
    """(check-ins, events) stored for ``key``; (0, 0) when there is no database."""
    from milia_cli.dbfiles import log_exists
    from milia_cli.store import open_store

    if not log_exists(locations.db_path):  # a dangling link or a damaged -wal is an error, not "no log"
        return 0, 0

    with open_store(locations.db_path, timeout=timeout) as store:
        return store.counts(key)
