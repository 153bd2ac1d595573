"""The planner: (profile, log, start, weeks, today) -> Plan. Pure and deterministic.

No I/O and no clock: ``today`` is an argument, and the same inputs give the same plan
(byte-identical JSON). Data flows one way: the course as data first
(:mod:`milia_cli.timeline`: the profile of each day, pauses and stops, procedure areas),
then the titration engine (:mod:`milia_cli.titration`) over the catalogue's actives, then
the days' steps (:mod:`milia_cli.steps`) and the notices (:mod:`milia_cli.plan_notices`).

Every view of a day — `plan`, `today` (:func:`day_view`), `checkin`, `stats`, exports — is
built by the one :class:`_Planner`; the weeks up to a day never depend on later weeks, so a
planner built up to that day gives the same day as a longer plan (invariant 12 and "today
equals the plan").
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from milia_cli.catalogue import ACTIVE_AVOID, ACTIVES, EYE_AREAS, STEP_KINDS, TEST_SPOT_NIGHTS
from milia_cli.logmodel import EMPTY_LOG, Log
from milia_cli.messages import When  # a date in a reason, said in any language
from milia_cli.plan import Day, Level, Notice, Plan, Step
from milia_cli.profile_model import Profile
from milia_cli.records import NamedTuple
from milia_cli.rules import RULES
from milia_cli.steps import TEST_SPOT, base_areas, how_text, make_step, ordered_areas, without
from milia_cli.timeline import (
    AFTERCARE_DAYS,
    ALL,
    PREGNANT_LIKE,
    EpisodeIndex,
    ProcedureBlocks,
    ProfileTimeline,
    age_flags,
    allowed_actives,
    b10,
    episodes,
)
from milia_cli.titration import FULL, Titration, WeekInput, titrate

__all__ = [
    "build_plan", "plan_days", "plan_for_day", "week_of", "AFTERCARE_DAYS", "GENERAL_NOTICES",
    "day_view", "DayView", "plan_skeleton", "PlanSkeleton",
]

# Always-true background notices; `today` leaves them out to show what matters that day.
GENERAL_NOTICES = frozenset({"N1", "N2", "N4", "N5", "N9", "C1", "C6", "D4", "D6", "B5"})
_STEPS = tuple(a.step for a in ACTIVES)


def week_of(start: date, day: date) -> int:
    """1-based plan week of ``day`` (0 or less before the start)."""
    return (day - start).days // 7 + 1


def why_out(profile: Profile, step: str, minor: bool) -> tuple[str, ...]:
    """The rule ids that keep ``step`` out for this profile (for the level's reason)."""
    c, agreed = profile.cautions, profile.cautions.prescriber_agreed
    out: list[str] = []
    if minor:
        out.append("A8")
    if b10(profile):
        out.append("B10")
    if profile.milia.areas and all(a in EYE_AREAS for a in profile.milia.areas):
        out.append("A9")
    if c.facial_steroid and not agreed:
        out.append("D7")
    if step == "retinol":
        if profile.pregnancy in PREGNANT_LIKE:
            out += ["B1", "B13"]
        elif profile.pregnancy == "breastfeeding":
            out += ["B2", "B13"]
        if c.prescription_retinoid:
            out.append("B12")
    else:
        if c.photosensitizing_medicine and not agreed:
            out.append("C8")
        if c.prescription_retinoid and not agreed:
            out.append("B12")
    return tuple(out) or ("B13",)


class _Planner:
    """Everything one plan needs, computed once; days are built on demand."""

    def __init__(self, profile: Profile, log: Log, start: date, n_weeks: int, today: date,
                 irritations: Iterable[tuple[date, int | None]] | None = None) -> None:
        self.profile, self.log, self.start, self.n_weeks, self.today = profile, log, start, n_weeks, today
        self.timeline = ProfileTimeline(profile, log.changes)
        self.minor, self.baby, self.future_birth = age_flags(profile, today)
        irr = list(irritations) if irritations is not None else [(c.date, c.irritation) for c in log.checkins]
        self.irritation_of = dict(irr)
        self.episodes = EpisodeIndex(episodes(irr, log.events, start))
        self.blocks = ProcedureBlocks(log.procedures)
        self.products = None  # the shelf's products, named on each day's steps (milia_cli.products)
        if profile.shelf:
            from milia_cli.products import ShelfPicker

            self.products = ShelfPicker(profile.shelf, today)
        self._allowed: dict[int, tuple[Profile, dict[str, tuple[str, ...]]]] = {}
        self._cache: dict[tuple[object, ...], Step] = {}
        first_step = ACTIVES[0].step
        self.titration: Titration = titrate(self._inputs(irr), first_in_plan=first_step in self.allowed(
            self.timeline.on(start)))

    # -- the course as data --------------------------------------------------------------------
    def allowed(self, p: Profile) -> dict[str, tuple[str, ...]]:
        got = self._allowed.get(id(p))
        if got is None or got[0] is not p:
            got = self._allowed[id(p)] = (p, allowed_actives(p, self.minor))
        return got[1]

    def active_areas(self, step: str, p: Profile, when: date) -> tuple[str, ...]:
        areas = self.allowed(p).get(step, ())
        off = self.blocks.off_for_actives(when)
        if off and areas:
            areas = () if ALL in off else tuple(a for a in areas if a not in off)
        return areas

    def _inputs(self, irr: list[tuple[date, int | None]]) -> list[WeekInput]:
        n = self.n_weeks
        logged = [False] * n
        worst = [0] * n
        origin = self.start.toordinal()
        for day, value in irr:
            w = (day.toordinal() - origin) // 7
            if 0 <= w < n:
                logged[w] = True
                if value is not None and value > worst[w]:
                    worst[w] = value
        today_offset = (self.today - self.start).days
        out: list[WeekInput] = []
        eps = self.episodes
        b7_restarts = {ep.restart for ep in eps.items if ep.kind == "B7" and ep.restart is not None}
        # per profile: left out, a week with nothing in the way
        left_cache: dict[int, tuple[dict[str, tuple[str, ...]], tuple[int, ...]]] = {}
        busy = self._busy_weeks(n)
        six, seven = timedelta(days=6), timedelta(days=7)
        zeros = [0] * len(_STEPS)
        for w in range(1, n + 1):
            ws = self.start + timedelta(days=7 * (w - 1))
            p0 = self.timeline.on(ws)
            allowed0 = self.allowed(p0)
            key = id(p0)
            cached = left_cache.get(key)
            if cached is None:
                cached = left_cache[key] = ({s: why_out(p0, s, self.minor) for s in _STEPS if s not in allowed0},
                                            tuple(FULL if s in allowed0 else 0 for s in _STEPS))
            left_out, full_mask = cached
            plan_mask: list[int] | tuple[int, ...]
            final_mask: list[int] | tuple[int, ...]
            plan_mask, final_mask = [], []
            touched = paused_at_start = False
            week_last = ws + six
            quiet = w - 1 not in busy
            touching = [] if quiet else eps.touching(ws, ws + seven)
            acid_any = False if quiet else eps.acid_paused_in(ws, week_last)
            if quiet:
                plan_mask = final_mask = full_mask
            elif (not touching and not acid_any
                    and self.timeline.on(week_last) is p0 and not self.blocks.any_between(ws, week_last)):
                # the common week: nothing pauses, changes or blocks anything
                plan_mask = final_mask = full_mask
            elif len(touching) == 1 and touching[0].day < ws and (
                    touching[0].restart is None or touching[0].restart > week_last):
                plan_mask = final_mask = zeros  # a pause or stop known at the start covers the week
                touched = paused_at_start = True
            else:
                plan_mask, final_mask, touched, paused_at_start = self._week_masks(
                    ws, p0, allowed0, touching, eps.acid_masks(ws) if acid_any else (0, 0))
            new_pause, pause_day = None, ""
            # each pause or stop logged in the week before lowers the levels once more (B6, B7);
            # an episode touching that week made it busy (_busy_weeks), so a quiet one has none
            # (an irritation 3 of that week, not the episode's latest: a later one must not rewrite this week)
            if w > 1 and w - 2 in busy:
                week_before = ws - timedelta(days=7)
                for ep in eps.touching(week_before, ws):
                    hits = [t for t in ep.triggers if week_before <= t < ws]
                    severe = [t for t in hits if (self.irritation_of.get(t) or 0) >= 3]
                    if severe:
                        new_pause, pause_day = "B7", When(severe[-1].isoformat(), severe[-1])
                    elif new_pause is None and hits:
                        new_pause, pause_day = "B6", When(hits[0].isoformat(), hits[0])
            out.append(WeekInput(skin=p0.skin.type, left_out=left_out, plan_mask=tuple(plan_mask),
                                 final_mask=tuple(final_mask), logged=logged[w - 1], max_irritation=worst[w - 1],
                                 touched=touched, new_pause=new_pause, pause_day=pause_day,
                                 past=7 * w - 1 < today_offset, paused_at_start=paused_at_start,
                                 restart_b7=ws in b7_restarts))
        return out

    def _week_masks(self, ws: date, p0: Profile, allowed0: dict[str, tuple[str, ...]], touching: list[Any],
                    acid: tuple[int, int]) -> tuple[list[int], list[int], bool, bool]:
        """A busy week's nights, all seven days at once as bitmasks (bit k = day k + 1): per active
        (catalogue order) the nights allowed as known at ``ws`` and day by day, whether a pause or
        stop covers a day, and whether one that began before ``ws`` does. A day belongs to the last
        episode of ``touching`` (date order) begun by it, as :meth:`EpisodeIndex.at` finds."""
        covered = known = 0  # days an episode covers; those of an episode begun before ws
        for ep in touching:
            lo = (ep.day - ws).days
            owned = FULL >> lo << lo & FULL if lo > 0 else FULL  # days from ep.day: its own now
            hi = 7 if ep.restart is None else min(7, max(0, (ep.restart - ws).days))
            cover = owned & ((1 << hi) - 1)
            covered = covered & ~owned | cover
            known = known & ~owned | (cover if lo < 0 else 0)
        acid_known, acid_now = acid
        open_days = FULL & ~known  # a pause or stop known at the week's start: no night at all
        week_last = ws + timedelta(days=6)
        blocked = self.blocks.any_between(ws, week_last)
        one_profile = self.timeline.on(week_last) is p0
        if blocked or not one_profile:
            days = [ws + timedelta(days=k) for k in range(7)]
            profiles = [p0] * 7 if one_profile else [self.timeline.on(d) for d in days]
            offs = [self.blocks.off_for_actives(d) for d in days] if blocked else [frozenset()] * 7
        plan_mask, final_mask = [0] * len(_STEPS), [0] * len(_STEPS)
        for j, step in enumerate(_STEPS):
            if step not in allowed0:
                continue
            planned = open_days & ~acid_known if j else open_days
            final = planned & ~covered & (~acid_now if j else FULL)
            if blocked or not one_profile:
                areas0 = allowed0[step]
                if blocked:  # a procedure can take every area of the step off (E1, E2)
                    planned &= _mask(k for k in range(7) if _left(areas0, offs[k]))
                    final &= planned
                if not one_profile:  # the day's own profile may not allow it (B13)
                    final &= _mask(k for k in range(7) if profiles[k] is p0
                                   or _left(self.allowed(profiles[k]).get(step, ()), offs[k]))
            plan_mask[j], final_mask[j] = planned, final
        return plan_mask, final_mask, covered != 0, known != 0

    def _busy_weeks(self, n: int) -> set[int]:
        """Week indexes (0-based) a pause, an acid pause, a procedure or a profile change touches."""
        origin = self.start.toordinal()
        busy: set[int] = set()

        def span(first: date, last: date) -> None:
            lo, hi = max(0, (first.toordinal() - origin) // 7), min(n - 1, (last.toordinal() - origin) // 7)
            busy.update(range(lo, hi + 1))

        end = self.start + timedelta(days=7 * n)
        for ep in self.episodes.items:
            span(ep.day, (ep.restart or end) - timedelta(days=1))
            for t in ep.triggers:
                span(t, t + timedelta(days=6))
        for ev in self.blocks.procedures:
            span(ev.date - timedelta(days=7), ev.date + timedelta(days=13))
        for day in self.timeline.change_days():
            span(day - timedelta(days=6), day)
        return busy

    # -- steps -------------------------------------------------------------------------------
    def _step(self, step: str, slot: str, areas: tuple[str, ...], avoid: tuple[str, ...], rules: tuple[str, ...],
              variant: str | None = None, how: str | None = None) -> Step:
        key = (step, slot, areas, avoid, rules, variant, how)
        got = self._cache.get(key)
        if got is None:
            got = self._cache[key] = make_step(step, slot, areas=areas, avoid=avoid, rules=rules, variant=variant,
                                               how=how)
        return got

    def _base(self, step: str, slot: str, areas: tuple[str, ...], treated: frozenset[str],
              rules: tuple[str, ...] | None = None, variant: str | None = None) -> Step | None:
        """A base step with E2's treated areas taken out (none left: no step)."""
        rules = rules or STEP_KINDS[step].rules
        if treated:
            areas = without(areas, treated, ALL)
            if not areas:
                return None
            return self._step(step, slot, areas, ordered_areas(treated), rules + ("E2",), variant)
        return self._step(step, slot, areas, (), rules, variant)

    def _active(self, i: int, p: Profile, when: date, k: int, week_rules: tuple[str, ...]) -> Step | None:
        step = ACTIVES[i].step
        areas = self.active_areas(step, p, when)
        if not areas:
            return None
        c = p.cautions
        treated = self.blocks.treated(when)
        before = self.blocks.before.get(when, frozenset())
        left = {a for a in p.milia.areas if a not in areas and a not in EYE_AREAS}  # C7 face only, C9 chest
        avoid = ordered_areas(set(ACTIVE_AVOID) | left | (treated - {ALL}) | (before - {ALL}))
        rules = STEP_KINDS[step].rules
        variant = None
        wp = self.titration.week(week_of(self.start, when))
        if step == "exfoliate":
            if "retinol" in self.allowed(p):
                rules += ("C4",)
                if wp.levels[0] > 0:  # "on a night without retinol" only while retinol is in the plan
                    variant = "with-retinol"
            if p.pregnancy in PREGNANT_LIKE:
                rules += ("C7",)
                variant = "pregnant"
            if c.photosensitizing_medicine:
                rules += ("C8",)
            if p.pregnancy == "breastfeeding" and "chest" in p.milia.areas:
                rules += ("C9",)
        if c.prescription_retinoid or c.facial_steroid:
            rules += tuple(r for r in (("B12",) if c.prescription_retinoid else ()) + (
                ("D7",) if c.facial_steroid else ()) if r not in rules)
        rules += tuple(r for r in week_rules if step in RULES[r].steps and r not in rules)
        nights = wp.nights[i]
        index = wp.uses_before[i] + bin(nights & ((1 << k) - 1)).count("1")
        how = None
        if index < TEST_SPOT_NIGHTS:  # D8
            rules += ("D8",)
            how = TEST_SPOT + how_text(step, areas, variant)
        if treated and "E2" not in rules:
            rules += ("E2",)
        if before:
            rules += ("E1",)
        return self._step(step, "pm", areas, avoid, rules, variant, how)

    def day(self, when: date) -> Day:
        offset = (when - self.start).days
        w, k = offset // 7 + 1, offset % 7
        if self.minor:  # A8: no steps at all, only the referral
            return Day(date=when, week=w, am=(), pm=())
        p = self.timeline.on(when)
        treated = self.blocks.treated(when)
        base = base_areas(p.milia.areas)
        sun_rules = ("D5", "C8") if p.cautions.photosensitizing_medicine else ("D5",)
        am = [self._base("cleanse", "am", base, treated)]
        if p.eye_milia:
            am.append(self._base("eye-cream", "am", EYE_AREAS, treated))
        am.append(self._base("moisturize", "am", base, treated))
        am.append(self._base("sunscreen", "am", base, treated, sun_rules))  # D5, invariant 6: daily
        if p.habits.makeup:
            am.append(self._base("makeup", "am", ("face",), treated,
                                 variant="concealer" if p.habits.under_eye_concealer else None))
        pm: list[Step | None] = []
        if p.habits.makeup:
            pm.append(self._base("remove-makeup", "pm", ("face",), treated))
        pm.append(self._base("cleanse", "pm", base, treated))
        wp = self.titration.week(w)
        for i in range(len(ACTIVES)):
            if wp.nights[i] >> k & 1:
                pm.append(self._active(i, p, when, k, wp.rules))
        if p.eye_milia:
            pm.append(self._base("eye-cream", "pm", EYE_AREAS, treated))
        pm.append(self._base("moisturize", "pm", base, treated))
        planned = Day(date=when, week=w, am=tuple(s for s in am if s is not None),
                      pm=tuple(s for s in pm if s is not None))
        return planned if self.products is None else self.products.assign(planned, p)

    def days(self, first: date, last: date) -> tuple[Day, ...]:
        return tuple(self.day(first + timedelta(days=i)) for i in range((last - first).days + 1))

    def step_ids(self, first: date, last: date) -> list[tuple[date, tuple[str, ...]]]:
        """Each day's planned step ids, ``first..last``: what :meth:`day` plans, built once per
        (profile, actives tonight, E2 areas, E1 areas) and reused on every day alike (stats over
        ten years). Which steps a day has depends on nothing else: a procedure's areas only take
        a step out when none of its areas is left (:meth:`_base`, :meth:`active_areas`)."""
        out: list[tuple[date, tuple[str, ...]]] = []
        if self.minor:  # A8: no steps on any day
            return [(first + timedelta(days=i), ()) for i in range((last - first).days + 1)]
        cache: dict[tuple[object, ...], tuple[str, ...]] = {}
        after, before = self.blocks.aftercare, self.blocks.before
        timeline_on, week = self.timeline.on, self.titration.week
        n_actives = range(len(ACTIVES))
        day = first
        one = timedelta(days=1)
        offset = (first - self.start).days
        while day <= last:
            wp = week(offset // 7 + 1)
            k = offset % 7
            nights = wp.nights
            tonight = tuple(i for i in n_actives if nights[i] >> k & 1)
            key = (id(timeline_on(day)), tonight, after.get(day), before.get(day))  # the timeline keeps each profile
            ids = cache.get(key)
            if ids is None:
                ids = cache[key] = self.day(day).step_ids()
            out.append((day, ids))
            day += one
            offset += 1
        return out

    def notices(self, first: date, last: date) -> tuple[Notice, ...]:
        from milia_cli.plan_notices import notices

        found = notices(self, first, last)
        if self.products is None:
            return found
        from milia_cli.products import merged

        return merged(found, self.products.notices(self.timeline, max(first, self.start), last))


def _left(areas: tuple[str, ...], off: frozenset[str]) -> bool:
    """Whether a procedure's areas ``off`` leave any of ``areas`` (:meth:`_Planner.active_areas`)."""
    if not off or not areas:
        return bool(areas)
    return ALL not in off and any(a not in off for a in areas)


def _mask(days: Iterable[int]) -> int:
    out = 0
    for k in days:
        out |= 1 << k
    return out


def _levels(titration: Titration, n_weeks: int) -> dict[str, tuple[Level, ...]]:
    out = {}
    for step, hist in titration.levels.items():
        kept = tuple(lv for lv in hist if lv.week <= n_weeks)
        if kept:
            out[step] = kept
    return out


def build_plan(profile: Profile, log: Log = EMPTY_LOG, *, start: date | None = None, weeks: int = 12,
               today: date, first: date | None = None) -> Plan:
    """``weeks`` weeks of the program that starts on ``start`` (default: the profile's
    schedule.start), shown from ``first`` (default: the start; a day before the start shows from
    the start). A view from a later day is the same program (issue 13, item 5): its days, levels
    and pauses are the full plan's, built on every week from the start."""
    if weeks < 1:
        raise ValueError("weeks must be at least 1")
    begin = start or profile.schedule.start
    lo = max(first or begin, begin)
    last = lo + timedelta(days=7 * weeks - 1)
    span = week_of(begin, last)
    planner = _Planner(profile, log, begin, span, today)
    return Plan(profile=profile.id, name=profile.name, start=begin, weeks=weeks,
                levels=_levels(planner.titration, span), days=planner.days(lo, last),
                notices=planner.notices(lo, last), first=lo, schedule=profile.schedule)


class PlanSkeleton(NamedTuple):
    """What streaks and adherence need of a long plan."""

    start: date
    levels: dict[str, tuple[Level, ...]]
    step_ids: tuple[tuple[date, tuple[str, ...]], ...]  # (day, planned step ids), start..through
    window: tuple[Day, ...]  # the full days of window_first..through


def plan_skeleton(profile: Profile, log: Log, *, weeks: int, today: date, through: date, window_first: date,
                  irritations: Iterable[tuple[date, int | None]] | None = None) -> PlanSkeleton:
    """The levels of a ``weeks``-week plan from schedule.start, each day's planned step ids up to
    ``through`` and the full days from ``window_first``: the same as :func:`build_plan` gives.
    ``irritations`` (every check-in's (date, irritation), in date order) replaces ``log.checkins``
    for titration when given."""
    if weeks < 1:
        raise ValueError("weeks must be at least 1")
    begin = profile.schedule.start
    planner = _Planner(profile, log, begin, weeks, today, irritations)
    last = min(through, begin + timedelta(days=7 * weeks - 1))
    lo = max(window_first, begin)
    window = planner.days(lo, last) if last >= lo else ()
    return PlanSkeleton(start=begin, levels=_levels(planner.titration, weeks),
                        step_ids=tuple(planner.step_ids(begin, last)), window=window)


def plan_days(profile: Profile, log: Log, first: date, last: date, *, today: date,
              start: date | None = None) -> tuple[Day, ...]:
    """The planned days from ``first`` to ``last`` (days before the plan's start are left out).
    Builds only the weeks up to ``last``."""
    begin = start or profile.schedule.start
    first = max(first, begin)
    if last < first:
        return ()
    planner = _Planner(profile, log, begin, week_of(begin, last), today)
    return planner.days(first, last)


def plan_for_day(profile: Profile, log: Log, day: date, *, today: date, start: date | None = None) -> Day | None:
    """The planned steps of one day, or None before the plan starts."""
    days = plan_days(profile, log, day, day, today=today, start=start)
    return days[0] if days else None


class DayView(NamedTuple):
    """What `milia today` shows: one day's steps, what is new this week, what is checked."""

    profile: str | None  # the identity (the log's key); None: a client file with no log yet
    day: Day
    day_number: int  # 1..7 within the week
    am_time: str
    pm_time: str
    new: frozenset[str]  # slot-qualified step ids not planned the week before
    done: frozenset[str]
    skipped: frozenset[str]
    level_changes: tuple[tuple[str, Level], ...]  # levels that changed this week, with why
    notices: tuple[Notice, ...]  # those that matter today (no background notices)
    name: str = ""  # the person's name (``profile`` is the identity)

    def to_dict(self) -> dict[str, Any]:
        def steps(items: tuple[Step, ...]) -> list[dict[str, Any]]:
            return [dict(s.to_dict(), id=s.id, active=s.active, new=s.id in self.new,
                         done=s.id in self.done, skipped=s.id in self.skipped) for s in items]

        return {
            "schema": "milia.today/1", "profile": self.profile, "name": self.name, "started": True,
            "date": self.day.date.isoformat(), "week": self.day.week, "day": self.day_number,
            "am_time": self.am_time, "pm_time": self.pm_time,
            "am": steps(self.day.am), "pm": steps(self.day.pm),
            "level_changes": [dict(lv.to_dict(), step=name) for name, lv in self.level_changes],
            "notices": [n.to_dict() for n in self.notices],
        }


def day_notices(planner: _Planner, day: date) -> tuple[Notice, ...]:
    """The notices that apply on ``day`` (no background notices): what `today` shows."""
    return tuple(n for n in planner.notices(day, day) if n.id not in GENERAL_NOTICES)


def day_view(profile: Profile, log: Log, day: date, *, today: date,
             irritations: Iterable[tuple[date, int | None]] | None = None) -> DayView | None:
    """`milia today` for ``day``: None before the plan starts. Builds only the weeks up to ``day``.

    With ``irritations`` (every check-in's (date, irritation) in date order, for titration),
    ``log`` needs only the events and the recent check-ins (the A6/A7 window of 12 weeks).
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
        before = {sid for d in planner.days(week_first - timedelta(days=7), week_first - timedelta(days=1))
                  for sid in d.step_ids()}
        now = {sid for d in planner.days(week_first, week_first + timedelta(days=6)) for sid in d.step_ids()}
        new = {sid for sid in now if sid not in before}
    checkin = log.on(day)
    done: frozenset[str] = frozenset()
    skipped: frozenset[str] = frozenset()
    if checkin is not None:
        done = frozenset(this.step_ids()) - checkin.skipped if checkin.all_done else checkin.done
        skipped = checkin.skipped
    changes = tuple((name, lv) for name, hist in planner.titration.levels.items() for lv in hist
                    if lv.week == w and lv.reason)
    return DayView(profile=profile.id, name=profile.name, day=this, day_number=(day - week_first).days + 1,
                   am_time=profile.schedule.am.strftime("%H:%M"), pm_time=profile.schedule.pm.strftime("%H:%M"),
                   new=frozenset(new), done=done, skipped=skipped, level_changes=changes,
                   notices=day_notices(planner, day))
