"""Adaptive titration: how many evenings a week each active gets, week by week.

One pass over the check-ins (bucketed by plan week) and one pass over the
weeks: O(weeks + check-ins). Levels change only at week boundaries, from what
the weeks before showed (RULES.md B4–B7, C2–C5):

* a past week counts toward a step up only when it has check-ins and no
  irritation above 1 (B4, C3); irritation 1 in weeks 1–4 holds the level (B5);
  a past week with no check-ins holds the level;
* the current week and future weeks are projected as tolerated, unless the
  check-ins already logged say otherwise;
* irritation 2 (or ≥ 1 on two check-ins in a row after week 4) → next week one
  retinol level down and acids off for two weeks, restarting at 1 (B6, C5);
* irritation 3 → no actives from that day on (B7); actives restart (retinol at
  1, acid two weeks later) only at a week boundary after a later check-in of
  0–1, and never sooner than two weeks after the stop.

At most one active steps up in a week (retinol first). Every change carries a
reason and its rule ids.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Callable, Iterable, NamedTuple

from milia_cli.logmodel import Log
from milia_cli.messages import plan as msg
from milia_cli.plan import Level

RETINOL_START = 2  # B3
ACID_START = 1  # C2
ACID_JOINS_AFTER_RETINOL = 3  # C4: week 3 when retinol is in the plan
RESTART_LEVEL = 1  # after a stop (B7) or an acid pause (C5): the gentlest level there is
HOLD_IRRITATION_WEEKS = 4  # B5

# Evenings (0 = day 1 of the plan week) for n nights a week. At 2–3 nights no two are
# adjacent, also across the week boundary (day 7 -> next day 1).
NIGHTS = {
    0: (),
    1: (0,),
    2: (0, 3),
    3: (0, 2, 4),
    4: (0, 2, 4, 6),
    5: (0, 1, 3, 4, 6),
    6: (0, 1, 2, 3, 4, 5),
    7: (0, 1, 2, 3, 4, 5, 6),
}
ACID_PREFERENCE = (5, 1, 6, 3, 2, 4, 0)  # far from the retinol nights first


def retinol_cap(skin: str) -> int:
    """B4 (ladder to 7; dry/sensitive hold at 3), cut so retinol + acid leave a free evening (D)."""
    return 3 if skin in ("dry", "sensitive") else 4


def acid_cap(skin: str, with_retinol: bool) -> int:
    """C3 caps (sensitive 1, dry 2, others 3); with retinol at most 2 (D)."""
    cap = {"sensitive": 1, "dry": 2}.get(skin, 3)
    return min(cap, 2) if with_retinol else cap


@lru_cache(maxsize=None)  # a handful of small-int inputs, asked for every week of every plan
def evening_pattern(retinol: int, acid: int, prev_retinol: int = 0) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(retinol days, acid days) of a week, never the same evening (C4, invariant 2).

    At 2–3 nights, when the week before ended on a retinol night (day 7), the
    pattern shifts by a day so the nights stay apart across the week boundary.
    """
    r_days = NIGHTS[retinol]
    if retinol in (2, 3) and 6 in NIGHTS[prev_retinol]:
        r_days = tuple(d + 1 for d in r_days)
    if retinol == 0:
        return (), NIGHTS[acid]
    free = [d for d in ACID_PREFERENCE if d not in r_days]
    return r_days, tuple(sorted(free[:acid]))


class WeekLevels(NamedTuple):
    retinol: int = 0
    acid: int = 0
    prev_retinol: int = 0  # the week before's level (for the night pattern)
    stop_from: date | None = None  # B7: no actives from this day of the week on
    rules: tuple[str, ...] = ()  # rule ids behind this week's change (shown on the steps)


class Titration:
    """The levels of every plan week, with the stops, step-downs and unlogged weeks behind them."""

    __slots__ = ("weeks", "levels", "stops", "step_downs", "held_unlogged")

    def __init__(self, weeks: list[WeekLevels], levels: dict[str, list[Level]],
                 stops: list[tuple[date, date | None]], step_downs: list[tuple[date, int]],
                 held_unlogged: list[int]) -> None:
        self.weeks = weeks  # index 0 = week 1
        self.levels = levels
        self.stops = stops  # (irritation-3 day, the later 0–1 check-in or None)
        self.step_downs = step_downs  # (the check-in that triggered it, the week stepped down)
        self.held_unlogged = held_unlogged  # past weeks with no check-ins (levels held)

    def week(self, number: int) -> WeekLevels:
        return self.weeks[number - 1]


class _WeekLog:
    """One plan week's check-ins, summarised by :func:`_bucket` (filled in place)."""

    __slots__ = ("logged", "max_irritation", "last_severe", "mild_after_severe", "first_mild", "first_severe",
                 "moderate", "running")

    def __init__(self) -> None:
        self.logged = False
        self.max_irritation = 0
        self.last_severe: date | None = None  # last irritation 3
        self.mild_after_severe: date | None = None  # first 0–1 after last_severe
        self.first_mild: date | None = None  # first 0–1 of the week
        self.first_severe: date | None = None
        self.moderate: date | None = None  # first irritation 2
        self.running: date | None = None  # 2nd of two check-ins in a row with irritation >= 1 after week 4


def _bucket(irritations: Iterable[tuple[date, int | None]], start: date, n_weeks: int) -> list[_WeekLog]:
    """One pass over the check-ins' (date, irritation), in date order, summarised per plan week."""
    weeks = [_WeekLog() for _ in range(n_weeks)]
    last_irritation: int | None = None
    last_week = 0
    origin = start.toordinal()  # the hot loop of a long log: integer days, no timedelta per check-in
    for day, irr in irritations:
        offset = day.toordinal() - origin
        if offset < 0:
            continue
        w = offset // 7
        if w >= n_weeks:
            break
        wl = weeks[w]
        wl.logged = True
        if irr is None:
            continue
        if irr > wl.max_irritation:
            wl.max_irritation = irr
        if irr >= 3:
            wl.last_severe = day
            wl.mild_after_severe = None
            if wl.first_severe is None:
                wl.first_severe = day
        elif irr >= 2:
            if wl.moderate is None:
                wl.moderate = day
        else:
            if wl.first_mild is None:
                wl.first_mild = day
            if wl.last_severe is not None and wl.mild_after_severe is None:
                wl.mild_after_severe = day
        if (irr >= 1 and last_irritation is not None and last_irritation >= 1 and wl.running is None
                and min(last_week, w + 1) > HOLD_IRRITATION_WEEKS):
            wl.running = day
        last_irritation, last_week = irr, w + 1
    return weeks


class _Titrator:
    def __init__(self, start: date, today: date, retinol_ok: bool, acid_ok: bool, skin: str) -> None:
        self.today_offset = (today - start).days  # today, in days from the plan's start
        self.retinol_ok, self.acid_ok = retinol_ok, acid_ok
        self.r_cap, self.a_cap = retinol_cap(skin), acid_cap(skin, retinol_ok)
        self.r = RETINOL_START if retinol_ok else 0
        self.a = 0
        self.acid_join: int | None = (ACID_JOINS_AFTER_RETINOL if retinol_ok else 1) if acid_ok else None
        self.r_good = self.a_good = 0
        self.stopped_since: date | None = None
        self.cleared: date | None = None
        self.stop_week = 0
        self.hist: dict[str, list[Level]] = {"retinol": [], "exfoliate": []}
        self.stops: list[tuple[date, date | None]] = []
        self.step_downs: list[tuple[date, int]] = []
        self.held_unlogged: list[int] = []
        if retinol_ok:
            self.hist["retinol"].append(Level(1, self.r))
        if self.acid_join == 1:
            self.a = ACID_START
            self.hist["exfoliate"].append(Level(1, self.a))

    def _set(self, step: str, week: int, value: int, reason: str, rules: tuple[str, ...]) -> None:
        hist = self.hist[step]
        if step == "retinol":
            self.r = value
        else:
            self.a = value
        if not hist and value == 0:
            return
        if hist and hist[-1].per_week == value:
            return
        hist.append(Level(week, value, reason, rules))

    def _join_acid(self, w: int) -> None:
        if self.a == 0 and self.acid_join is not None and w >= self.acid_join:
            first = not self.hist["exfoliate"]
            if first and self.retinol_ok:
                self._set("exfoliate", w, ACID_START, msg.REASON_ACID_JOINS, ("C2", "C4"))
            else:
                self._set("exfoliate", w, RESTART_LEVEL, msg.REASON_ACID_BACK, ("C5",))
            self.a_good = 0

    def advance(self, w: int, prev: _WeekLog, prev_exposure: Callable[[], int]) -> tuple[str, ...]:
        """Decide week ``w`` from week ``w - 1``; returns the rule ids behind a change."""
        past = 7 * (w - 1) - 1 < self.today_offset  # the week before ended before today
        if prev.last_severe is not None:
            if self.stopped_since is None:  # a new stop episode
                self.stop_week = w - 1
                self.stops.append((prev.first_severe or prev.last_severe, None))
            self.stopped_since, self.cleared = prev.last_severe, prev.mild_after_severe
            self.stops[-1] = (self.stops[-1][0], self.cleared)
        elif self.stopped_since is not None and self.cleared is None and prev.first_mild is not None:
            self.cleared = prev.first_mild
            self.stops[-1] = (self.stops[-1][0], self.cleared)
        if self.stopped_since is not None:
            if self.cleared is not None and w >= self.stop_week + 3:
                reason = msg.REASON_RESTART.format(day=self.cleared.isoformat())
                self.stopped_since = self.cleared = None
                self.r_good = self.a_good = 0
                if self.retinol_ok:
                    self._set("retinol", w, RESTART_LEVEL, reason, ("B7",))
                    self.acid_join = w + 2 if self.acid_ok else None
                else:
                    self.acid_join = w if self.acid_ok else None
                self._join_acid(w)
                return ("B7",)
            reason = msg.REASON_STOPPED.format(day=self.stopped_since.isoformat())
            self._set("retinol", w, 0, reason, ("B7",))
            self._set("exfoliate", w, 0, reason, ("B7",))
            return ("B7",)
        if prev.moderate is not None or prev.running is not None:
            day = prev.moderate or prev.running
            self.step_downs.append((day, w))
            what = msg.IRRITATION_2 if prev.moderate else msg.IRRITATION_RUN
            reason = msg.REASON_STEP_DOWN.format(day=day.isoformat(), what=what)
            # One level down; lower still when aftercare or a stop already thinned the week
            # before, so the week after always has fewer active evenings (invariant 5).
            used = prev_exposure()
            target = self.r - 1 if used <= 0 else min(self.r - 1, used - 1)
            if self.r > 0:
                self._set("retinol", w, max(0, target), reason, ("B6",))
            if self.a > 0:
                self._set("exfoliate", w, 0, reason, ("B6", "C5"))
            if self.acid_join is not None:
                self.acid_join = max(self.acid_join, w + 2)
            self.r_good = self.a_good = 0
            return ("B6", "C5")
        hold_b5 = prev.max_irritation == 1 and (w - 1) <= HOLD_IRRITATION_WEEKS
        good = (prev.logged or not past) and prev.max_irritation <= 1 and not hold_b5
        if past and not prev.logged:
            self.held_unlogged.append(w - 1)
        if good:
            self.r_good += 1 if self.retinol_ok else 0
            self.a_good += 1 if self.a > 0 else 0
        self._join_acid(w)
        if self.retinol_ok and self.r_good >= 2 and self.r < self.r_cap:
            reason = msg.REASON_STEP_UP.format(n=self.r) if self.r else msg.REASON_RETINOL_BACK
            self._set("retinol", w, self.r + 1, reason, ("B4",))
            self.r_good = 0
            return ("B4",)
        if self.a > 0 and self.a_good >= 2 and self.a < self.a_cap:
            self._set("exfoliate", w, self.a + 1, msg.REASON_STEP_UP.format(n=self.a), ("C3",))
            self.a_good = 0
            return ("C3",)
        return ()


def titrate(log: Log, start: date, n_weeks: int, today: date, *, retinol_ok: bool, acid_ok: bool,
            skin: str, exposure: Callable[[int, WeekLevels], int] | None = None,
            irritations: Iterable[tuple[date, int | None]] | None = None) -> Titration:
    """Levels for weeks 1..n_weeks (see the module docstring). O(weeks + check-ins).

    ``exposure(week, levels)`` counts the active evenings a week really had (after
    aftercare and stops); without it, the planned count is used. ``irritations``
    (each check-in's (date, irritation), in date order) replaces ``log.checkins``
    when given: titration reads nothing else, so callers can pass a compact query.
    """
    count = exposure or (lambda week, lv: lv.retinol + lv.acid)
    if irritations is None:
        irritations = ((c.date, c.irritation) for c in log.checkins)
    bucket = _bucket(irritations, start, n_weeks)
    t = _Titrator(start, today, retinol_ok, acid_ok, skin)
    weeks: list[WeekLevels] = []
    for w in range(1, n_weeks + 1):
        rules = t.advance(w, bucket[w - 2], lambda: count(w - 1, weeks[-1])) if w > 1 else ()
        this = bucket[w - 1]
        stop_from = this.first_severe if t.stopped_since is None else None
        prev_r = weeks[-1].retinol if weeks else 0
        weeks.append(WeekLevels(t.r, t.a, prev_r, stop_from, rules))  # retinol, acid, prev_retinol, stop_from, rules
    last = bucket[-1] if bucket else None
    if last is not None and last.first_severe is not None and t.stopped_since is None:
        t.stops.append((last.first_severe, last.mild_after_severe))
    return Titration(weeks=weeks, levels=t.hist, stops=t.stops, step_downs=t.step_downs,
                     held_unlogged=t.held_unlogged)
