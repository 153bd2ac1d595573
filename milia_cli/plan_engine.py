"""The plan engine: one program's weeks computed once, its days built on demand. Pure.

Data flows one way: the course as data first (:mod:`milia_cli.timeline`: the profile of each
day, pauses and stops, procedure areas), then what titration reads of each week
(:mod:`milia_cli.week_inputs`) and the titration engine (:mod:`milia_cli.titration`) over the
catalogue's actives, then the days' steps (:mod:`milia_cli.steps`) and the notices
(:mod:`milia_cli.plan_notices`). The public face is :class:`milia_cli.planner.Planner`, which
makes one engine per horizon; the weeks up to a day never depend on later weeks.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from datetime import date, timedelta

from milia_cli.catalogue import ACTIVE_AVOID, ACTIVES, EYE_AREAS, STEP_KINDS, TEST_SPOT_NIGHTS
from milia_cli.logmodel import Log
from milia_cli.plan import Day, Notice, Step
from milia_cli.profile_model import Profile
from milia_cli.rules import RULES
from milia_cli.steps import TEST_SPOT, base_areas, how_text, make_step, ordered_areas, without
from milia_cli.timeline import (
    ALL,
    PREGNANT_LIKE,
    EpisodeIndex,
    ProcedureBlocks,
    ProfileTimeline,
    age_flags,
    allowed_actives,
    episodes,
)
from milia_cli.titration import Titration, titrate
from milia_cli.week_inputs import week_inputs


def week_of(start: date, day: date) -> int:
    """1-based plan week of ``day`` (0 or less before the start)."""
    return (day - start).days // 7 + 1


class PlanEngine:
    """The first ``n_weeks`` weeks of one program from ``start``, computed once: the course as
    data and its titration; the days, their step ids and notices are built on demand.

    ``irritations`` (every check-in's (date, irritation), in date order) replaces
    ``log.checkins`` for titration and the pauses when given; ``log`` then needs only the
    events, the changes and the check-ins the notices read."""

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
        self.titration: Titration = titrate(week_inputs(self, irr), first_in_plan=first_step in self.allowed(
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
        after, before = self.blocks.aftercare.get, self.blocks.before.get
        week = self.titration.week
        n_actives = range(len(ACTIVES))
        # each week's actives tonight, day by day (weeks with the same nights share them)
        tonights_of: dict[tuple[int, ...], list[tuple[int, ...]]] = {}
        # the profile's segment (ProfileTimeline.on), walked forward with the days
        dates, profiles = self.timeline.dates, self.timeline.profiles
        seg = bisect_right(dates, first) - 1
        next_change = dates[seg + 1] if seg + 1 < len(dates) else None
        day = first
        one = timedelta(days=1)
        offset = (first - self.start).days
        number, tonights = None, []
        append = out.append
        while day <= last:
            if offset // 7 + 1 != number:
                number = offset // 7 + 1
                nights = week(number).nights
                tonights = tonights_of.get(nights) or tonights_of.setdefault(
                    nights, [tuple(i for i in n_actives if nights[i] >> k & 1) for k in range(7)])
            while next_change is not None and next_change <= day:
                seg += 1
                next_change = dates[seg + 1] if seg + 1 < len(dates) else None
            key = (id(profiles[seg]), tonights[offset % 7], after(day), before(day))  # the timeline keeps each profile
            ids = cache.get(key)
            if ids is None:
                ids = cache[key] = self.day(day).step_ids()
            append((day, ids))
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
