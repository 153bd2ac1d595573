"""The planner: (profile, log, start, weeks, today) -> Plan. Pure and deterministic.

No I/O and no clock: ``today`` is an argument, and the same inputs give the same
plan (byte-identical JSON). Every clinical choice names its rule id from the
knowledge base (:mod:`milia_cli.rules`); titration lives in
:mod:`milia_cli.titration`, the step catalogue in :mod:`milia_cli.steps`.

Other commands call :func:`plan_days` / :func:`plan_for_day` to get the planned
steps of any day; they build only the weeks up to that day (O(weeks + log)).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Iterable, NamedTuple

from milia_cli.logmodel import EMPTY_LOG, Log
from milia_cli.plan import Day, Level, Notice, Plan, Step
from milia_cli.profile import EYE_AREAS, Profile
from milia_cli.rules import RULES
from milia_cli.steps import (
    ACTIVE_AVOID, BODY_AREAS, active_areas, base_areas, make_step, ordered_areas,
)
from milia_cli.titration import Titration, WeekLevels, evening_pattern, titrate

__all__ = [
    "build_plan", "plan_days", "plan_for_day", "week_of", "eligibility", "Eligibility",
    "AFTERCARE_DAYS", "GENERAL_NOTICES", "plan_window", "day_view", "DayView", "plan_skeleton", "PlanSkeleton",
]

AFTERCARE_DAYS = 14  # E2 (D): no actives on a treated area for 14 days, the procedure day included
ADULT_AGE = 18
ALL = "*"  # an event without areas blocks every area (cautious)
# Always-true background notices; `today` leaves them out to show what matters that day.
GENERAL_NOTICES = frozenset({"N1", "N2", "N4", "N5", "N9", "C1", "C6", "D4", "D6", "B5"})
_LEVEL_ORDER = {"stop": 0, "refer": 1, "caution": 2, "info": 3}


class Eligibility(NamedTuple):
    retinol: bool
    acid: bool
    minor: bool  # A8
    b10: bool  # isotretinoin in the last 6 months, eczema or rosacea

    @property
    def any_active(self) -> bool:
        return self.retinol or self.acid


def eligibility(profile: Profile, on: date) -> Eligibility:
    """Which actives this profile may get (B1, B2, B10, A8); ``on`` is the reference date."""
    c = profile.cautions
    b10 = c.isotretinoin_recent or c.eczema_or_rosacea
    # A8 (D): only a birth year is known, so anyone who may still be 17 that year counts as a minor.
    minor = profile.birth_year is not None and on.year - profile.birth_year <= ADULT_AGE
    blocked = b10 or minor
    retinol = not blocked and profile.pregnancy == "none"  # B1 pregnant/trying, B2 breastfeeding
    return Eligibility(retinol=retinol, acid=not blocked, minor=minor, b10=b10)


def week_of(start: date, day: date) -> int:
    """1-based plan week of ``day`` (0 or less before the start)."""
    return (day - start).days // 7 + 1


class _Planner:
    """Everything one plan needs, computed once; days are built on demand."""

    def __init__(self, profile: Profile, log: Log, start: date, n_weeks: int, today: date,
                 irritations: Iterable[tuple[date, int | None]] | None = None) -> None:
        self.profile, self.log, self.start, self.n_weeks, self.today = profile, log, start, n_weeks, today
        self.elig = eligibility(profile, max(start, today))
        self._cache: dict[tuple, Step] = {}
        self._blocked = self._aftercare_index()
        self._am = self._morning()
        areas = profile.milia.areas
        self._r_areas = active_areas(areas)
        self._a_areas = active_areas(areas, face_only=profile.pregnancy == "pregnant")  # C7
        self.titration: Titration = titrate(
            log, start, n_weeks, today, retinol_ok=self.elig.retinol, acid_ok=self.elig.acid,
            skin=profile.skin.type, exposure=self._exposure, irritations=irritations,
        )

    # -- steps -----------------------------------------------------------------------------
    def _step(self, step: str, slot: str, **kw) -> Step:
        key = (step, slot, tuple(sorted(kw.items())))
        got = self._cache.get(key)
        if got is None:
            got = self._cache[key] = make_step(step, slot, **kw)
        return got

    def _morning(self) -> tuple[Step, ...]:
        p = self.profile
        base = base_areas(p.milia.areas)
        sun_rules = ("D5", "C8") if p.cautions.photosensitizing_medicine else ("D5",)
        am = [self._step("cleanse", "am", areas=base, rules=("D1",))]
        if p.eye_milia:
            am.append(self._step("eye-cream", "am", areas=EYE_AREAS, rules=("D3", "C6")))
        am.append(self._step("moisturize", "am", areas=base, rules=("D2",)))
        am.append(self._step("sunscreen", "am", areas=base, rules=sun_rules))  # D5, invariant 6: daily
        if p.habits.makeup:
            how = "makeup-concealer" if p.habits.under_eye_concealer else "makeup"
            am.append(self._step("makeup", "am", areas=("face",), rules=("D4",), how_key=how))
        return tuple(am)

    def _active(self, step: str, areas: tuple[str, ...], aftercare: tuple[str, ...],
                week_rules: tuple[str, ...]) -> Step:
        """The Step of an evening's active on ``areas``; ``aftercare`` are the areas E2 took off."""
        p = self.profile
        extra_avoid = aftercare
        if step == "exfoliate" and p.pregnancy == "pregnant":
            extra_avoid += tuple(a for a in BODY_AREAS if a in p.milia.areas)
        avoid = ordered_areas(set(ACTIVE_AVOID) | set(extra_avoid))
        if step == "retinol":
            rules = ("B3", "B4", "B8", "B9")
        else:
            rules = ("C1", "C2", "C3") + (("C4",) if self.elig.retinol else ()) + ("C6",)
            rules += ("C7",) if p.pregnancy == "pregnant" else ()
            rules += ("C8",) if p.cautions.photosensitizing_medicine else ()
        rules += tuple(r for r in week_rules if step in RULES[r].steps and r not in rules)
        rules += ("E2",) if aftercare else ()
        how = "exfoliate-pregnant" if step == "exfoliate" and p.pregnancy == "pregnant" else None
        return self._step(step, "pm", areas=areas, avoid=avoid, rules=rules, how_key=how)

    def _aftercare_index(self) -> dict[date, frozenset[str]]:
        out: dict[date, set[str]] = {}
        for ev in self.log.events:
            areas = set(ev.areas) if ev.areas else {ALL}
            for i in range(AFTERCARE_DAYS):
                out.setdefault(ev.date + timedelta(days=i), set()).update(areas)
        return {d: frozenset(a) for d, a in out.items()}

    def _tonight(self, when: date, k: int, lv: WeekLevels,
                 pattern: tuple[tuple[int, ...], tuple[int, ...]]) -> tuple[str, tuple[str, ...], tuple[str, ...]] | None:
        """Which active evening ``k`` of the week gets, if any: (step, areas, areas E2 took off).

        The week's night pattern (``evening_pattern`` of ``lv``), then the B7 stop, then E2
        aftercare, which takes the treated areas off (none left: no active that evening).
        The one place this is decided: steps, exposure and step ids all ask it.
        """
        if lv.stop_from is not None and when >= lv.stop_from:  # B7
            return None
        r_days, a_days = pattern
        if k in r_days:
            step, areas = "retinol", self._r_areas
        elif k in a_days:
            step, areas = "exfoliate", self._a_areas
        else:
            return None
        aftercare: tuple[str, ...] = ()
        blocked = self._blocked.get(when)
        if blocked:  # E2
            if ALL in blocked:
                return None
            aftercare = tuple(a for a in areas if a in blocked)
            if aftercare:
                areas = tuple(a for a in areas if a not in blocked)
        return (step, areas, aftercare) if areas else None

    def _evening_active(self, when: date, k: int, lv: WeekLevels) -> Step | None:
        """The active Step of this evening, if any (see :meth:`_tonight`)."""
        tonight = self._tonight(when, k, lv, evening_pattern(lv.retinol, lv.acid, lv.prev_retinol))
        return None if tonight is None else self._active(*tonight, lv.rules)

    def _exposure(self, week: int, lv: WeekLevels) -> int:
        """How many evenings of ``week`` really had an active (after stops and aftercare)."""
        first = self.start + timedelta(days=7 * (week - 1))
        pattern = evening_pattern(lv.retinol, lv.acid, lv.prev_retinol)
        # only the pattern's nights can have an active (retinol and acid nights never coincide)
        return sum(1 for k in (*pattern[0], *pattern[1])
                   if self._tonight(first + timedelta(days=k), k, lv, pattern) is not None)

    def day(self, when: date) -> Day:
        offset = (when - self.start).days
        w, k = offset // 7 + 1, offset % 7
        lv = self.titration.week(w)
        p = self.profile
        pm: list[Step] = []
        if p.habits.makeup:
            pm.append(self._step("remove-makeup", "pm", areas=("face",), rules=("D1", "D4")))
        pm.append(self._step("cleanse", "pm", areas=base_areas(p.milia.areas), rules=("D1",)))
        active = self._evening_active(when, k, lv)
        if active is not None:
            pm.append(active)
        if p.eye_milia:
            pm.append(self._step("eye-cream", "pm", areas=EYE_AREAS, rules=("D3", "C6")))
        pm.append(self._step("moisturize", "pm", areas=base_areas(p.milia.areas), rules=("D2",)))
        return Day(date=when, week=w, am=self._am, pm=tuple(pm))

    def step_ids(self, first: date, last: date) -> list[tuple[date, tuple[str, ...]]]:
        """Each day's planned step ids, ``first..last``: what :meth:`day` plans, without building steps."""
        p = self.profile
        am = tuple(s.id for s in self._am)
        before = (("pm:remove-makeup",) if p.habits.makeup else ()) + ("pm:cleanse",)
        after = (("pm:eye-cream",) if p.eye_milia else ()) + ("pm:moisturize",)
        by_active = {None: am + before + after}
        for name in ("retinol", "exfoliate"):
            by_active[name] = am + before + (f"pm:{name}",) + after
        out: list[tuple[date, tuple[str, ...]]] = []
        if last < first:
            return out
        offset = (first - self.start).days
        week, k = offset // 7 + 1, offset % 7
        day = first
        one = timedelta(days=1)
        while day <= last:
            lv = self.titration.week(week)
            pattern = evening_pattern(lv.retinol, lv.acid, lv.prev_retinol)
            while k < 7 and day <= last:
                tonight = self._tonight(day, k, lv, pattern)
                out.append((day, by_active[None if tonight is None else tonight[0]]))
                day += one
                k += 1
            week, k = week + 1, 0
        return out

    # -- notices ---------------------------------------------------------------------------
    def notices(self, first: date, last: date) -> tuple[Notice, ...]:
        from milia_cli.messages import plan as msg

        p, e, c = self.profile, self.elig, self.profile.cautions
        out: list[Notice] = []

        def add(rule_id: str, text: str | None = None) -> None:
            out.append(RULES[rule_id].notice(text))

        add("N1")
        for start_day, cleared in self.titration.stops:
            if start_day <= last and (cleared is None or cleared + timedelta(days=21) >= first):
                detail = (msg.STOP_LOGGED.format(day=start_day.isoformat()) if cleared is None else
                          msg.STOP_CLEARED.format(day=start_day.isoformat(), cleared=cleared.isoformat()))
                add("B7", f"{detail} {RULES['B7'].action}")
        if e.b10:
            add("B10")
            add("N8")
        if e.minor:
            add("A8", msg.UNDER_18.format(year=p.birth_year) + RULES["A8"].action)
        if p.pregnancy in ("pregnant", "trying"):
            add("B1")
        elif p.pregnancy == "breastfeeding":
            add("B2")
        if p.pregnancy != "none":
            add("N3")
        if p.pregnancy == "pregnant" and e.acid:
            add("C7")
        for day, week in self.titration.step_downs:
            if first - timedelta(days=7) <= day <= last:
                add("B6", msg.STEP_DOWN_LOGGED.format(what=msg.IRRITATION_2, day=day.isoformat(), week=week)
                    + " " + RULES["B6"].action)
        picked = [ch.date for ch in self.log.checkins
                  if ch.picked and first - timedelta(days=7) <= ch.date <= last]
        if picked:
            add("A1", msg.PICKED_LOGGED.format(day=picked[-1].isoformat()) + RULES["A1"].action)
        for ev in self.log.events:
            until = ev.date + timedelta(days=AFTERCARE_DAYS)
            if ev.date <= last and until > first:
                areas = ", ".join(ev.areas) if ev.areas else msg.ALL_AREAS
                add("E2", msg.AFTERCARE_LOGGED.format(kind=ev.kind, day=ev.date.isoformat(), areas=areas,
                                                      until=until.isoformat()) + RULES["E2"].action)
        if c.photosensitizing_medicine:
            add("C8")
        if c.facial_steroid:
            add("D7")
        if not e.b10 and c.any_of("photosensitizing_medicine", "facial_steroid", "keloid_prone", "cold_sores",
                                  "anticoagulants"):
            add("N8")
        if p.pregnancy in ("pregnant", "breastfeeding") or c.any_of(
                "cold_sores", "keloid_prone", "photosensitizing_medicine", "anticoagulants"):
            add("E1")
        if e.any_active:
            add("N6")
            add("N7")
        held = [w for w in self.titration.held_unlogged if week_of(self.start, first) <= w <= week_of(self.start, last)]
        if held and e.any_active:
            add("B4", msg.HELD_UNLOGGED.format(weeks=", ".join(str(w) for w in held)))
        if e.retinol:
            add("B5")
        if e.acid:
            add("C1")
            if p.eye_milia:
                add("C6")
        if p.habits.makeup and p.habits.under_eye_concealer:
            add("D4")
        if p.habits.smoker:
            add("D6")
        add("N2")
        add("N4")
        add("N5")
        add("N9")
        seen: set[tuple[str, str]] = set()
        unique = []
        for n in out:
            if (n.id, n.text) not in seen:
                seen.add((n.id, n.text))
                unique.append(n)
        return tuple(sorted(unique, key=lambda n: _LEVEL_ORDER[n.level]))  # stable: keeps rule order


def _levels(titration: Titration, n_weeks: int) -> dict[str, tuple[Level, ...]]:
    out = {}
    for step, hist in titration.levels.items():
        kept = tuple(lv for lv in hist if lv.week <= n_weeks)
        if kept:
            out[step] = kept
    return out


def build_plan(profile: Profile, log: Log = EMPTY_LOG, *, start: date | None = None, weeks: int = 12,
               today: date) -> Plan:
    """The whole plan: ``weeks`` weeks from ``start`` (default: the profile's schedule.start)."""
    if weeks < 1:
        raise ValueError("weeks must be at least 1")
    first = start or profile.schedule.start
    planner = _Planner(profile, log, first, weeks, today)
    days = tuple(planner.day(first + timedelta(days=i)) for i in range(7 * weeks))
    last = first + timedelta(days=7 * weeks - 1)
    return Plan(profile=profile.name, start=first, weeks=weeks, levels=_levels(planner.titration, weeks),
                days=days, notices=planner.notices(first, last))


class PlanSkeleton(NamedTuple):
    """What streaks and adherence need of a long plan, built without a Step per day."""

    start: date
    levels: dict[str, tuple[Level, ...]]
    step_ids: tuple[tuple[date, tuple[str, ...]], ...]  # (day, planned step ids), start..through
    window: tuple[Day, ...]  # the full days of window_first..through


def plan_skeleton(profile: Profile, log: Log, *, weeks: int, today: date, through: date, window_first: date,
                  irritations: Iterable[tuple[date, int | None]] | None = None) -> PlanSkeleton:
    """The levels of a ``weeks``-week plan from schedule.start, each day's planned step ids up to
    ``through`` and the full days from ``window_first``: the same as :func:`build_plan` gives
    (``tests/test_stats_fast.py`` checks it), in O(weeks + days) small tuples.

    ``log`` needs the events; its check-ins are read only for titration, which takes
    ``irritations`` (every check-in's (date, irritation), in date order) instead when given.
    """
    if weeks < 1:
        raise ValueError("weeks must be at least 1")
    begin = profile.schedule.start
    planner = _Planner(profile, log, begin, weeks, today, irritations)
    last = min(through, begin + timedelta(days=7 * weeks - 1))
    lo = max(window_first, begin)
    window = tuple(planner.day(lo + timedelta(days=i)) for i in range((last - lo).days + 1)) if last >= lo else ()
    return PlanSkeleton(start=begin, levels=_levels(planner.titration, weeks),
                        step_ids=tuple(planner.step_ids(begin, last)), window=window)


def plan_days(profile: Profile, log: Log, first: date, last: date, *, today: date,
              start: date | None = None) -> tuple[Day, ...]:
    """The planned days from ``first`` to ``last`` (days before the plan's start are left out).

    Builds only the weeks up to ``last``: O(weeks + check-ins), whatever the log's length.
    """
    begin = start or profile.schedule.start
    first = max(first, begin)
    if last < first:
        return ()
    planner = _Planner(profile, log, begin, week_of(begin, last), today)
    return tuple(planner.day(first + timedelta(days=i)) for i in range((last - first).days + 1))


def plan_for_day(profile: Profile, log: Log, day: date, *, today: date, start: date | None = None) -> Day | None:
    """The planned steps of one day, or None before the plan starts."""
    days = plan_days(profile, log, day, day, today=today, start=start)
    return days[0] if days else None


def plan_window(profile: Profile, log: Log, first: date, last: date, *, today: date,
                start: date | None = None) -> tuple[tuple[Day, ...], tuple[Notice, ...], dict[str, tuple[Level, ...]]]:
    """Days, the notices that matter in the window, and the levels so far (for `today`)."""
    begin = start or profile.schedule.start
    n_weeks = max(1, week_of(begin, max(last, begin)))
    planner = _Planner(profile, log, begin, n_weeks, today)
    lo = max(first, begin)
    days = tuple(planner.day(lo + timedelta(days=i)) for i in range((last - lo).days + 1)) if last >= lo else ()
    return days, planner.notices(first, last), _levels(planner.titration, n_weeks)


class DayView(NamedTuple):
    """What `milia today` shows: one day's steps, what is new this week, what is checked."""

    profile: str
    day: Day
    day_number: int  # 1..7 within the week
    am_time: str
    pm_time: str
    new: frozenset[str]  # slot-qualified step ids not planned the week before
    done: frozenset[str]
    skipped: frozenset[str]
    level_changes: tuple[tuple[str, Level], ...]  # levels that changed this week, with why
    notices: tuple[Notice, ...]  # those that matter today (no background notices)

    def to_dict(self) -> dict:
        def steps(items: tuple[Step, ...]) -> list[dict]:
            return [dict(s.to_dict(), id=s.id, active=s.active, new=s.id in self.new,
                         done=s.id in self.done, skipped=s.id in self.skipped) for s in items]

        return {
            "schema": "milia.today/1", "profile": self.profile, "started": True,
            "date": self.day.date.isoformat(), "week": self.day.week, "day": self.day_number,
            "am_time": self.am_time, "pm_time": self.pm_time,
            "am": steps(self.day.am), "pm": steps(self.day.pm),
            "level_changes": [dict(lv.to_dict(), step=name) for name, lv in self.level_changes],
            "notices": [n.to_dict() for n in self.notices],
        }


def day_view(profile: Profile, log: Log, day: date, *, today: date,
             irritations: Iterable[tuple[date, int | None]] | None = None) -> DayView | None:
    """`milia today` for ``day``: None before the plan starts. Builds only the weeks up to ``day``.

    With ``irritations`` (every check-in's (date, irritation) in date order, for titration),
    ``log`` needs only the events and the check-ins of the week before ``day`` through ``day``.
    """
    start = profile.schedule.start
    if day < start:
        return None
    w = week_of(start, day)
    week_first = start + timedelta(days=7 * (w - 1))
    planner = _Planner(profile, log, start, w, today, irritations)
    this = planner.day(day)
    new: set[str] = set()
    if w > 1:
        before = {s.id for i in range(7) for s in planner.day(week_first - timedelta(days=7 - i)).steps}
        now = {s.id for i in range(7) for s in planner.day(week_first + timedelta(days=i)).steps}
        new = {sid for sid in now if sid not in before}
    checkin = log.on(day)
    done: frozenset[str] = frozenset()
    skipped: frozenset[str] = frozenset()
    if checkin is not None:
        done = frozenset(this.step_ids()) if checkin.all_done else checkin.done
        skipped = checkin.skipped
    changes = tuple((name, lv) for name, hist in planner.titration.levels.items() for lv in hist
                    if lv.week == w and lv.reason)
    notices = tuple(n for n in planner.notices(day, day) if n.id not in GENERAL_NOTICES)
    return DayView(profile=profile.name, day=this, day_number=(day - week_first).days + 1,
                   am_time=profile.schedule.am.strftime("%H:%M"), pm_time=profile.schedule.pm.strftime("%H:%M"),
                   new=frozenset(new), done=done, skipped=skipped, level_changes=changes, notices=notices)
