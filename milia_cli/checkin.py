"""Check-in logic without I/O: parse dates, resolve step names against a day's plan,
validate values, and build the :class:`~milia_cli.logmodel.CheckIn` to store.

``milia checkin`` (flags or interactive) is a thin layer over these functions.
Kept free of rich, sqlite3 and json so the flag path starts instantly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING

from milia_cli.errors import MiliaError, UsageError
from milia_cli.logmodel import CheckIn
from milia_cli.messages import log as msg
from milia_cli.plan import STEP_IDS, Day
from milia_cli.store_json import MAX_BUMPS, note_problem

if TYPE_CHECKING:
    from typing import Protocol

    from milia_cli.logmodel import Log
    from milia_cli.profile import Profile

    class _LogStore(Protocol):
        """What :func:`read_log_resolved` needs of a store (a ``Store`` or a ``GuardedStore``)."""

        def pending_all_days(self, profile_key: str) -> tuple[date, ...]: ...

        def resolve_pending_all(self, profile_key: str, planned: PlannedSteps) -> int: ...

        def read_log(self, profile_key: str, first: date | None = None, last: date | None = None) -> Log: ...

def parse_day(text: str | None, today: date, what: str = "--date") -> date:
    """``YYYY-MM-DD``, ``today``, ``yesterday`` or ``tomorrow``; None means today. One parser
    and one range for every date flag (:func:`milia_cli.dates.parse_date_flag`): exit 2 if bad."""
    from milia_cli.dates import parse_date_flag

    if text is None:
        return today
    day = parse_date_flag(text, today, what)
    assert day is not None
    return day


def check_day(on: date, today: date, plan_start: date) -> None:
    """Refuse a future day or a day before the plan starts."""
    if on > today:
        raise MiliaError(msg.FUTURE_DATE.format(date=on, today=today))
    if on < plan_start:
        raise MiliaError(msg.BEFORE_START.format(date=on, start=plan_start))


def resolve_steps(tokens: Iterable[str], day: Day) -> frozenset[str]:
    """Step names as typed -> slot ids of ``day``'s plan. A name is what the screen shows or
    the id, in any case (``eye cream``, ``SPF``, ``am:spf``, ``Makeup off``, ``pm:retinol``;
    :mod:`milia_cli.step_names`). A bare name means every slot that day has it in
    (``cleanse`` -> am and pm); a typo gets "did you mean"."""
    tokens = list(tokens)
    if not tokens:  # `checkin --all` names no step: no name parsing to import
        return frozenset()
    from milia_cli.step_names import UnknownStep, label, parse_step_name, slot_label

    planned = day.step_ids()
    out: set[str] = set()
    for token in tokens:
        try:
            slot, step = parse_step_name(token)
        except UnknownStep as err:
            hint = msg.STEP_DID_YOU_MEAN.format(choice=_shown(err.suggestion)) if err.suggestion else ""
            raise UsageError(msg.BAD_STEP_NAME.format(value=token, hint=hint,
                                                 steps=", ".join(label(s) for s in STEP_IDS))) from None
        wanted = f"{slot}:{step}" if slot else None
        matches = [s for s in planned if s == wanted] if slot else [s for s in planned if s.endswith(":" + step)]
        if not matches:
            raise MiliaError(msg.STEP_NOT_PLANNED.format(
                step=token, date=day.date, planned=", ".join(slot_label(s) for s in planned) or "nothing"))
        out.update(matches)
    return frozenset(out)


def _shown(step_id: str) -> str:
    """A suggestion as the person would type it: ``eye cream``, ``am:spf 30+``."""
    from milia_cli.step_names import label

    slot, _, step = step_id.rpartition(":")
    return f"{slot}:{label(step)}" if slot else label(step)


def check_irritation(value: int | None) -> int | None:
    if value is not None and not 0 <= value <= 3:
        raise UsageError(msg.BAD_IRRITATION.format(value=value))
    return value


def check_bumps(value: int | None) -> int | None:
    if value is not None and not 0 <= value <= MAX_BUMPS:
        raise UsageError(msg.BAD_BUMPS.format(value=value, limit=MAX_BUMPS))
    return value


def check_note(note: str | None) -> str | None:
    if note is None:
        return None
    problem = note_problem(note)
    if problem:
        raise UsageError(problem)
    return note


def check_count(value: int | None) -> int | None:
    if value is not None and not 0 <= value <= MAX_BUMPS:
        raise UsageError(msg.BAD_COUNT.format(value=value, limit=MAX_BUMPS))
    return value


def build_checkin(
    day: Day,
    *,
    done: Iterable[str] = (),
    skip: Iterable[str] = (),
    all_done: bool = False,
    irritation: int | None = None,
    bumps: int | None = None,
    note: str | None = None,
    picked: bool = False,
    count: int | None = None,
) -> CheckIn:
    """Validate flag values against ``day``'s plan and build the check-in (nothing stored).

    ``all_done`` ("--all") stores the ids ``day`` plans, minus the skipped ones: check-ins
    hold step ids, never "all" (invariant 12), so what was done stays known when the
    profile or the plan changes later (B13)."""
    check_irritation(irritation)
    check_bumps(bumps)
    check_count(count)
    check_note(note)
    done_ids = resolve_steps(done, day)
    skip_ids = resolve_steps(skip, day)
    both = done_ids & skip_ids
    if both:
        raise UsageError(msg.STEP_DONE_AND_SKIPPED.format(step=min(both)))
    if all_done:
        done_ids = frozenset(day.step_ids()) - skip_ids
    return CheckIn(
        date=day.date,
        done=done_ids,
        skipped=skip_ids,
        irritation=irritation,
        bumps=bumps,
        note=note,
        picked=picked or mentions_picking(note),
        count=count,
    )


PlannedSteps = Callable[["Log", "tuple[date, ...]"], Mapping[date, Iterable[str]]]


def planned_steps(profile: Profile, today: date) -> PlannedSteps:
    """What the store needs to turn days held as "all" into ids (``Store.resolve_pending_all``,
    ``Store.import_log``): the step ids the plan had on each day, from the log as it stands
    (its irritation, events and dated changes), so the plan that applied that day."""

    def planned(log: Log, days: tuple[date, ...]) -> dict[date, tuple[str, ...]]:
        from milia_cli.planner import Planner

        by_date = {d.date: d.step_ids() for d in Planner(profile, log, today=today).days(min(days), max(days))}
        return {d: by_date.get(d, ()) for d in days}  # a day outside the plan had no steps

    return planned


def read_log_resolved(store: _LogStore, key: str, profile: Profile, today: date,
                      warn: Callable[[str], None] | None = None, *,
                      first: date | None = None, last: date | None = None) -> Log:
    """The log of ``key`` (check-ins from ``first`` to ``last``, each optional), after storing
    the planned ids of any day still held as "all" (schema-1 rows; one cheap lookup when there
    are none). ``warn`` hears how many."""
    if store.pending_all_days(key):
        converted = store.resolve_pending_all(key, planned_steps(profile, today))
        if converted and warn is not None:
            warn(msg.CONVERTED_ALL.format(n=converted))
    return store.read_log(key, first=first, last=last)


# What a note says when the person picked or squeezed (rule A1): detection, not wording.
PICKING_WORDS = (
    "picked", "picking", "pick at", "pick them", "squeez", "popped", "popping", "pop them", "dug at", "dig at",
)


def mentions_picking(note: str | None) -> bool:
    """Does a note say the user picked or squeezed (rule A1)?"""
    if not note:
        return False
    text = " " + note.lower() + " "
    return any(word in text for word in PICKING_WORDS)


def picking_message() -> str:
    """Rule A1's stop-and-why text, from the rules knowledge base."""
    try:
        from milia_cli.rules import rule

        return rule("A1").action
    except (ImportError, KeyError):
        return msg.PICKED_FALLBACK


def done_count(checkin: CheckIn, day: Day) -> tuple[int, int, int]:
    """(done, skipped, planned) steps of ``day`` according to ``checkin``."""
    planned = set(day.step_ids())
    skipped = checkin.skipped & planned
    done = (planned - skipped) if checkin.all_done else (checkin.done & planned)
    return len(done), len(skipped), len(planned)
