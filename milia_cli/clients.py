"""The esthetician's desk (issue 17, item 1): one summary per client file of a folder.

``summarize_clients(folder, store, today)`` reads the client files `milia batch` reads
(:func:`milia_cli.batch.client_files`), finds each one's log by its identity (the ``id``
line, :mod:`milia_cli.identity`; a file without one has no log yet, and nothing here
writes one) and returns :class:`ClientSummary` records, what needs attention first.

Per client, with one connection for the whole folder and only the rows a summary needs:
the (date, irritation) of the plan's check-ins (``read_irritations`` from
``plan_history_first``, what titration reads), the full check-ins of the last 12 weeks
(A7's window: notices, adherence, irritation) and the events and dated changes. The
planner is the one `today` and `stats` use, one :class:`~milia_cli.planner.Planner` per
client: its ``day_view`` for today's day and notices, its ``skeleton`` of the same weeks
for the levels and the last 14 days' planned steps, :func:`~milia_cli.stats.day_status` for what was done.

A file that cannot be read or validated (or a copy of another file's id) becomes a
summary with ``error`` set; it never stops the others.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from milia_cli.errors import MiliaError
from milia_cli.messages import clients as msg
from milia_cli.plan_notices import A6_WEEKS, A7_WEEKS
from milia_cli.records import NamedTuple
from milia_cli.timeline import AFTERCARE_DAYS, BEFORE_PROCEDURE_DAYS

if TYPE_CHECKING:
    from milia_cli.logmodel import Log
    from milia_cli.plan import Notice
    from milia_cli.profile import Profile
    from milia_cli.store import Store

SCHEMA = "milia.clients/1"
ADHERENCE_DAYS = 14
IRRITATION_DAYS = 7  # irritation 2 or more on one of the last 7 days (today included)
IRRITATED = 2
SILENT_DAYS = 7  # no check-in on the last 7 plan days
PROCEDURE_SOON_DAYS = BEFORE_PROCEDURE_DAYS  # E1: actives come off the area 7 days before
RECENT = timedelta(days=7 * A7_WEEKS)  # the longest look back of a notice (A7); see recent_days
ACTIVES = ("retinol", "exfoliate")

# What needs attention first: the tier of each alert kind (lower first).
TIERS = {"stop": 0, "refer": 1, "a7": 1, "irritation": 2, "procedure": 3, "aftercare": 3, "status-change": 3,
         "shelf": 3, "no-checkin": 4}
QUIET_TIER = 5  # no alert
BROKEN_TIER = 6  # a file that could not be read: listed after every client
TIER_NAMES = ("stop", "refer", "irritation", "procedure", "no-checkin", "none", "broken")  # JSON "attention"
ALERT_KINDS = tuple(TIERS)

TodayFor = date | Callable[[str], date]


class Alert(NamedTuple):
    kind: str  # one of ALERT_KINDS
    rules: tuple[str, ...]  # the rule ids behind it
    text: str  # one short phrase (messages/clients.py)
    day: date | None = None  # the date it is about (the irritation, the procedure, the change …)

    @property
    def tier(self) -> int:
        return TIERS[self.kind]

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "rules": list(self.rules), "text": self.text,
                "date": self.day.isoformat() if self.day else None}


class ActiveLevel(NamedTuple):
    per_week: int  # evenings a week in the current plan week (0: paused, stopped or stepped to none)
    tonight: bool  # on today's evening


class ClientSummary(NamedTuple):
    file: Path
    profile: str | None = None  # the identity (the log's key); None: broken, or no log yet
    name: str | None = None
    today: date | None = None  # in the client's time zone
    start: date | None = None
    week: int | None = None  # plan week today (None before the start)
    levels: dict[str, ActiveLevel | None] | None = None  # retinol/exfoliate (None: not in the plan)
    last_checkin: date | None = None
    done: int = 0  # required steps done of those due over the last 14 plan days
    due: int = 0
    alerts: tuple[Alert, ...] = ()
    error: str | None = None  # the one-sentence reason a broken file could not be read

    @property
    def broken(self) -> bool:
        return self.error is not None

    @property
    def started(self) -> bool:
        return self.week is not None

    @property
    def adherence(self) -> float | None:
        return self.done / self.due if self.due else None

    @property
    def tier(self) -> int:
        if self.broken:
            return BROKEN_TIER
        return min((a.tier for a in self.alerts), default=QUIET_TIER)

    @property
    def status(self) -> str:
        return "broken" if self.broken else ("active" if self.started else "not-started")

    def sort_key(self) -> tuple:
        return (self.tier, (self.name or "").casefold(), self.name or "", self.file.name)

    def to_dict(self) -> dict[str, Any]:
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        levels = None if self.levels is None else {
            step: None if lv is None else {"per_week": lv.per_week, "tonight": lv.tonight}
            for step, lv in self.levels.items()}
        return {
            "file": self.file.name, "profile": self.profile, "name": self.name, "status": self.status,
            "error": self.error, "today": iso(self.today), "start": iso(self.start), "week": self.week,
            "levels": levels, "last_checkin": iso(self.last_checkin),
            "adherence": None if self.broken else {
                "days": ADHERENCE_DAYS, "done": self.done, "due": self.due,
                "rate": None if self.adherence is None else round(self.adherence, 4)},
            "attention": TIER_NAMES[self.tier], "alerts": [a.to_dict() for a in self.alerts],
        }


def summarize_clients(directory: Path, store: Store | None, today: TodayFor, *,
                      files: list[Path] | None = None, profiles_dir: Path | None = None) -> list[ClientSummary]:
    """One summary per client file of ``directory``, what needs attention first, then by name.

    ``store`` is the log (None: no database yet, every client without check-ins);
    ``today`` a date, or a function of a time zone name giving the date there (each client's
    zone). Raises only when ``directory`` itself is unusable (not a folder, unreadable, no
    client files); a broken file becomes a summary with ``error`` set. A file of the home's
    ``profiles_dir`` without an ``id`` line is known by its name there, as ``-p NAME`` knows it
    (:func:`milia_cli.identity.is_home_file`), so its check-ins are found."""
    from milia_cli.identity import is_home_file

    today_for = today if callable(today) else (lambda _zone: today)
    files = folder_files(directory) if files is None else files
    out = []
    for source, loaded in zip(files, load_clients(files), strict=False):
        if isinstance(loaded, MiliaError):
            out.append(ClientSummary(file=source, error=loaded.message))
            continue
        if loaded.id is None and profiles_dir is not None and is_home_file(source, profiles_dir):
            loaded = loaded._replace(id=source.stem)
        try:
            out.append(summarize(source, loaded, store, today_for(loaded.schedule.timezone)))
        except MiliaError as err:  # a value the plan cannot use: this client only
            out.append(ClientSummary(file=source, profile=loaded.id, name=loaded.name, error=err.message))
    return sorted(out, key=ClientSummary.sort_key)


def folder_files(directory: Path) -> list[Path]:
    """The client files `milia batch` reads (:func:`milia_cli.batch.client_files`); raises when
    ``directory`` is not a folder, cannot be listed, or holds no ``*.toml``."""
    from milia_cli.batch import client_files
    from milia_cli.messages import export as export_msg

    try:
        return client_files(directory)
    except MiliaError as err:
        if err.message == export_msg.BATCH_EMPTY.format(path=directory):
            raise MiliaError(msg.EMPTY.format(path=directory)) from None
        raise


def load_clients(files: list[Path]) -> list[Profile | MiliaError]:
    """Each file's profile, or the error that makes it unusable: unreadable, invalid, or a
    copy of another file's identity (:func:`milia_cli.identity.judge`, as `batch` decides)."""
    from milia_cli.identity import judge
    from milia_cli.profile import load_profile

    loaded: list[Profile | MiliaError] = []
    for source in files:
        try:
            loaded.append(load_profile(source))  # validated whole, the id's form included
        except MiliaError as err:
            loaded.append(err)
    by_key: dict[str, list[int]] = {}
    for i, item in enumerate(loaded):
        if not isinstance(item, MiliaError) and item.id is not None:
            by_key.setdefault(item.id, []).append(i)
    for key, indexes in by_key.items():
        if len(indexes) > 1:
            for i in indexes:
                try:
                    judge(files[i], key, [files[j] for j in indexes if j != i])
                except MiliaError as err:
                    loaded[i] = err
    return loaded


def summarize(source: Path, profile: Profile, store: Store | None, today: date) -> ClientSummary:
    """The summary of one loaded client file on ``today`` (its own zone's date)."""
    from milia_cli.logmodel import EMPTY_LOG, Log

    start = profile.schedule.start
    key = profile.id
    started = start <= today
    log: Log = EMPTY_LOG
    rows: tuple = ()  # (date, irritation), in date order
    if store is not None and key is not None:
        if started:
            log = store.read_log(key, first=today - recent_days(start, today), last=today)
            rows = store.read_irritations(key, first=store.plan_history_first(key, start), last=today)
        else:  # no plan yet: the compact rows and the events are all a summary needs
            log = Log(events=store.events(key))
            rows = store.read_irritations(key, first=today - RECENT, last=today)
    if started:
        checkins = [(c.date, c.irritation) for c in log.checkins if c.date <= today]
    else:
        checkins = [r for r in rows if r[0] <= today]
    last_day = checkins[-1][0] if checkins else (rows[-1][0] if rows else None)
    base = ClientSummary(file=source, profile=key, name=profile.name, today=today, start=start,
                         last_checkin=last_day)
    alerts: list[Alert] = []
    if not started:
        alerts += _log_alerts(checkins, log, today)
        return base._replace(alerts=_ordered(alerts))
    from milia_cli.planner import Planner, week_of
    from milia_cli.stats import day_status

    week = week_of(start, today)
    planner = Planner(profile, log, today=today, irritations=rows)  # today's view and the skeleton: one course
    view = planner.day_view(today)
    assert view is not None  # the plan has started
    window_first = max(start, today - timedelta(days=ADHERENCE_DAYS - 1))
    skeleton = planner.skeleton(weeks=week, through=today, window_first=window_first)
    tonight = {s.step for s in view.day.pm if s.active}
    levels: dict[str, ActiveLevel | None] = {}
    for step in ACTIVES:
        now = [lv for lv in skeleton.levels.get(step, ()) if lv.week <= week]
        levels[step] = ActiveLevel(now[-1].per_week, step in tonight) if now else None
    done = due = 0
    for day in skeleton.window:
        status = day_status(day, log.on(day.date), today)
        if day.date == today and not status.logged:
            continue  # today counts once it is checked in (as `milia stats`)
        required = status.required
        due += len(required)
        done += sum(1 for s in required if s in status.done)
    alerts += _notice_alerts(view.notices, profile, log, today, rows)
    alerts += _log_alerts(checkins, log, today)
    silent = (today - max(last_day or date.min, start - timedelta(days=1))).days
    if silent >= SILENT_DAYS:
        text = (msg.ALERT_NO_CHECKIN if last_day is not None and last_day >= start else msg.ALERT_NEVER_CHECKED_IN)
        alerts.append(Alert("no-checkin", (), text.format(days=silent), last_day))
    return base._replace(week=week, levels=levels, done=done, due=due, alerts=_ordered(alerts))


def recent_days(start: date, today: date) -> timedelta:
    """How far back the full check-ins are read: A7's 12 weeks once they can lie inside the
    plan (A7 is never computed before), else A6's 8 (new crops, a rising count)."""
    return RECENT if start <= today - RECENT + timedelta(days=1) else timedelta(days=7 * 2 * A6_WEEKS)


def _notice_alerts(notices: tuple[Notice, ...], profile: Profile, log: Log, today: date,
                   rows: tuple) -> list[Alert]:
    """What today's notices (those `milia today` shows) say the esthetician must act on."""
    out: list[Alert] = []
    stops = tuple(dict.fromkeys(n.id for n in notices if n.level == "stop" and n.id == "B7"))
    if stops:
        severe = [d for d, irr in (*rows, *((c.date, c.irritation) for c in log.checkins))
                  if irr is not None and irr >= 3 and d <= today]
        day = max(severe) if severe else None
        text = msg.ALERT_STOP.format(rules=", ".join(stops), day=day) if day else msg.ALERT_STOP_NO_DAY.format(
            rules=", ".join(stops))
        out.append(Alert("stop", stops, text, day))
    refer = tuple(dict.fromkeys(n.id for n in notices if n.level == "refer" and n.id != "A7"))
    if refer:
        out.append(Alert("refer", refer, msg.ALERT_REFER.format(rules=", ".join(refer))))
    if any(n.id == "A7" for n in notices):
        out.append(Alert("a7", ("A7",), msg.ALERT_A7))
    # The plan's only stop is B7; any other stop-level notice is a shelf product a rule keeps out
    # of the plan for today's profile (the shelf branch's milia_cli.products), e.g. after a change.
    shelf = tuple(dict.fromkeys(n.id for n in notices if n.level == "stop" and n.id != "B7"))
    if shelf:
        count = sum(1 for n in notices if n.level == "stop" and n.id != "B7")
        out.append(Alert("shelf", shelf, msg.ALERT_SHELF.format(
            count=count, s="" if count == 1 else "s", rules=", ".join(shelf))))
    if any(n.id == "B13" and n.level == "caution" for n in notices):
        changed = [(c.date, c.new) for c in log.changes if c.key == "pregnancy" and c.new in msg.STATUS_SHORT]
        if profile.pregnancy_since is not None and profile.pregnancy in msg.STATUS_SHORT:
            changed.append((profile.pregnancy_since, profile.pregnancy))
        changed = [c for c in changed if c[0] <= today]
        if changed:
            day, status = max(changed)
            out.append(Alert("status-change", ("B13",), msg.ALERT_STATUS.format(
                status=msg.STATUS_SHORT[status], day=day.isoformat()), day))
    return out


def _log_alerts(irritations: list[tuple[date, int | None]], log: Log, today: date) -> list[Alert]:
    """What the log alone says: recent irritation, a procedure soon, aftercare running."""
    out: list[Alert] = []
    since = today - timedelta(days=IRRITATION_DAYS - 1)
    irritated = [(d, irr) for d, irr in irritations if irr is not None and since <= d <= today and irr >= IRRITATED]
    if irritated:
        worst = max(irr for _, irr in irritated)
        day = max(d for d, irr in irritated if irr == worst)
        out.append(Alert("irritation", ("B7",) if worst >= 3 else ("B6",),
                         msg.ALERT_IRRITATION.format(value=worst, day=day.isoformat()), day))
    soon = [e for e in log.procedures if today < e.date <= today + timedelta(days=PROCEDURE_SOON_DAYS)]
    if soon:
        first = min(soon, key=lambda e: e.date)
        out.append(Alert("procedure", ("E1",), msg.ALERT_PROCEDURE.format(
            kind=msg.PROCEDURE_SHORT.get(first.kind, first.kind), days=(first.date - today).days,
            day=first.date.isoformat()), first.date))
    running = [e for e in log.procedures if e.date <= today < e.date + timedelta(days=AFTERCARE_DAYS)]
    if running:
        until = max(e.date for e in running) + timedelta(days=AFTERCARE_DAYS)  # as E2 says it
        out.append(Alert("aftercare", ("E2",), msg.ALERT_AFTERCARE.format(until=until.isoformat()),
                         max(e.date for e in running)))
    return out


def _ordered(alerts: list[Alert]) -> tuple[Alert, ...]:
    return tuple(sorted(alerts, key=lambda a: a.tier))  # stable: the order found within a tier


def to_document(directory: Path, summaries: list[ClientSummary]) -> dict[str, Any]:
    """The ``milia.clients/1`` document (``milia_cli/schemas/clients.schema.json``)."""
    return {
        "schema": SCHEMA, "directory": str(directory),
        "counts": {"files": len(summaries), "broken": sum(s.broken for s in summaries),
                   "attention": sum(1 for s in summaries if s.tier < QUIET_TIER)},
        "clients": [s.to_dict() for s in summaries],
    }
