"""What titration reads of each week of a plan (:class:`~milia_cli.titration.WeekInput`).

From the course as data (:class:`~milia_cli.plan_engine.PlanEngine`: the profile of each day,
pauses and stops, procedure areas, who may have which active) to each week's nights, as
bitmasks (bit k = day k + 1): the nights planned as known at the week's start and those left
after what the week brought, whether a pause or stop touched it, the pause or stop it starts
with (B6, B7), and why an active is out (its rule ids). Pure; a quiet week costs one lookup.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from milia_cli.catalogue import ACTIVES, EYE_AREAS
from milia_cli.messages import When  # a date in a reason, said in any language
from milia_cli.profile_model import Profile
from milia_cli.timeline import ALL, PREGNANT_LIKE, b10
from milia_cli.titration import FULL, WeekInput

if TYPE_CHECKING:
    from milia_cli.plan_engine import PlanEngine

ACTIVE_STEPS = tuple(a.step for a in ACTIVES)  # the actives' step ids, in the catalogue's (priority) order
_WEEK_DAYS = tuple(timedelta(days=k) for k in range(7))  # a week's days from its start


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


def week_inputs(pl: PlanEngine, irr: list[tuple[date, int | None]]) -> list[WeekInput]:
    """Weeks 1..``pl.n_weeks``, from the check-ins' (date, irritation) ``irr`` in date order.

    One pass over the weeks (a ten-year plan is 520 on every run): the profile's segment walked
    forward with the weeks rather than looked up twice a week, what a profile allows read once per
    segment, and the episodes touching the week before kept from that week's own look-up."""
    n = pl.n_weeks
    logged = [False] * n
    worst = [0] * n
    origin = pl.start.toordinal()
    for day, value in irr:
        w = (day.toordinal() - origin) // 7
        if 0 <= w < n:
            logged[w] = True
            if value is not None and value > worst[w]:
                worst[w] = value
    today_offset = (pl.today - pl.start).days
    out: list[WeekInput] = []
    eps = pl.episodes
    touching_of, acid_in, acid_masks, any_between = eps.touching, eps.acid_paused_in, eps.acid_masks, \
        pl.blocks.any_between
    irritation_of = pl.irritation_of
    b7_restarts = {ep.restart for ep in eps.items if ep.kind == "B7" and ep.restart is not None}
    # per profile: left out, a week with nothing in the way
    left_cache: dict[int, tuple[dict[str, tuple[str, ...]], tuple[int, ...]]] = {}
    busy = busy_weeks(pl, n)
    six, seven = timedelta(days=6), timedelta(days=7)
    zeros = (0,) * len(ACTIVE_STEPS)
    # the profile's segment (ProfileTimeline.on), walked forward with the weeks
    dates, profiles = pl.timeline.dates, pl.timeline.profiles
    seg = bisect_right(dates, pl.start) - 1
    next_change = dates[seg + 1] if seg + 1 < len(dates) else None
    last_p0: Profile | None = None
    allowed0: dict[str, tuple[str, ...]] = {}
    left_out: dict[str, tuple[str, ...]] = {}
    full_mask: tuple[int, ...] = zeros
    skin = ""
    touching: list[Any] = []  # the episodes touching the week (kept for the week after)
    ws = pl.start
    for w in range(1, n + 1):
        if w > 1:
            ws += seven  # (not after the last week: a plan may end on the last day a date can have)
        while next_change is not None and next_change <= ws:
            seg += 1
            next_change = dates[seg + 1] if seg + 1 < len(dates) else None
        p0 = profiles[seg]
        if p0 is not last_p0:
            last_p0, allowed0, skin = p0, pl.allowed(p0), p0.skin.type
            cached = left_cache.get(id(p0))
            if cached is None:
                cached = left_cache[id(p0)] = (
                    {s: why_out(p0, s, pl.minor) for s in ACTIVE_STEPS if s not in allowed0},
                    tuple(FULL if s in allowed0 else 0 for s in ACTIVE_STEPS))
            left_out, full_mask = cached
        plan_mask: list[int] | tuple[int, ...]
        final_mask: list[int] | tuple[int, ...]
        touched = paused_at_start = False
        week_last = ws + six
        touching_before = touching
        if w - 1 not in busy:  # quiet
            plan_mask = final_mask = full_mask
            touching = []
        else:
            touching = touching_of(ws, ws + seven)
            acid_any = acid_in(ws, week_last)
            one_profile = next_change is None or next_change > week_last or \
                profiles[bisect_right(dates, week_last) - 1] is p0
            blocked = any_between(ws, week_last)
            if not touching and not acid_any and one_profile and not blocked:
                # the common week: nothing pauses, changes or blocks anything
                plan_mask = final_mask = full_mask
            elif len(touching) == 1 and touching[0].day < ws and (
                    touching[0].restart is None or touching[0].restart > week_last):
                plan_mask = final_mask = zeros  # a pause or stop known at the start covers the week
                touched = paused_at_start = True
            else:
                plan_mask, final_mask, touched, paused_at_start = week_masks(
                    pl, ws, p0, allowed0, touching, acid_masks(ws) if acid_any else (0, 0),
                    blocked=blocked, one_profile=one_profile)
        new_pause, pause_day = None, ""
        # each pause or stop logged in the week before lowers the levels once more (B6, B7);
        # an episode touching that week made it busy (:func:`busy_weeks`), so a quiet one has none
        # (an irritation 3 of that week, not the episode's latest: a later one must not rewrite this week)
        if w > 1 and w - 2 in busy:
            week_before = ws - seven
            for ep in touching_before:  # touching(week_before, ws), as that week found them
                hits = [t for t in ep.triggers if week_before <= t < ws]
                severe = [t for t in hits if (irritation_of.get(t) or 0) >= 3]
                if severe:
                    new_pause, pause_day = "B7", When(severe[-1].isoformat(), severe[-1])
                elif new_pause is None and hits:
                    new_pause, pause_day = "B6", When(hits[0].isoformat(), hits[0])
        out.append(WeekInput(skin, left_out, tuple(plan_mask), tuple(final_mask), logged[w - 1], worst[w - 1],
                             touched, new_pause, pause_day, 7 * w - 1 < today_offset, paused_at_start,
                             ws in b7_restarts))
    return out


def week_masks(pl: PlanEngine, ws: date, p0: Profile, allowed0: dict[str, tuple[str, ...]], touching: list[Any],
               acid: tuple[int, int], *, blocked: bool | None = None,
               one_profile: bool | None = None) -> tuple[list[int], list[int], bool, bool]:
    """A busy week's nights, all seven days at once as bitmasks (bit k = day k + 1): per active
    (catalogue order) the nights allowed as known at ``ws`` and day by day, whether a pause or
    stop covers a day, and whether one that began before ``ws`` does. A day belongs to the last
    episode of ``touching`` (date order) begun by it, as :meth:`~milia_cli.timeline.EpisodeIndex.at` finds.
    ``blocked`` (a procedure takes an area on a day of the week) and ``one_profile`` (the
    profile of ``ws`` holds all week) when the caller knows them already."""
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
    if blocked is None:
        blocked = pl.blocks.any_between(ws, week_last)
    if one_profile is None:
        one_profile = pl.timeline.on(week_last) is p0
    if blocked or not one_profile:
        days = [ws + d for d in _WEEK_DAYS]
        profiles = [p0] * 7 if one_profile else [pl.timeline.on(d) for d in days]
        off_for = pl.blocks.off_for_actives
        offs = [off_for(d) for d in days] if blocked else [frozenset()] * 7
    plan_mask, final_mask = [0] * len(ACTIVE_STEPS), [0] * len(ACTIVE_STEPS)
    for j, step in enumerate(ACTIVE_STEPS):
        if step not in allowed0:
            continue
        planned = open_days & ~acid_known if j else open_days
        final = planned & ~covered & (~acid_now if j else FULL)
        if blocked or not one_profile:
            areas0 = allowed0[step]
            if blocked:  # a procedure can take every area of the step off (E1, E2)
                planned &= _kept(areas0, offs)
                final &= planned
            if not one_profile:  # the day's own profile may not allow it (B13)
                final &= _mask(k for k in range(7) if profiles[k] is p0
                               or _left(pl.allowed(profiles[k]).get(step, ()), offs[k]))
        plan_mask[j], final_mask[j] = planned, final
    return plan_mask, final_mask, covered != 0, known != 0


def busy_weeks(pl: PlanEngine, n: int) -> set[int]:
    """Week indexes (0-based) a pause, an acid pause, a procedure or a profile change touches.
    (Day numbers as ordinals: one subtraction and a floor division per span.)"""
    origin = pl.start.toordinal()
    busy: set[int] = set()
    add = busy.update
    last_week = n - 1

    def span(first: int, last: int) -> None:  # ordinals, both days included
        add(range(max(0, (first - origin) // 7), min(last_week, (last - origin) // 7) + 1))

    end = origin + 7 * n  # the day after the plan's last week
    for ep in pl.episodes.items:
        span(ep.day.toordinal(), (ep.restart.toordinal() if ep.restart else end) - 1)
        for t in ep.triggers:
            o = t.toordinal()
            span(o, o + 6)
    for ev in pl.blocks.procedures:
        o = ev.date.toordinal()
        span(o - 7, o + 13)
    for day in pl.timeline.change_days():
        o = day.toordinal()
        span(o - 6, o)
    return busy


def _left(areas: tuple[str, ...], off: frozenset[str]) -> bool:
    """Whether a procedure's areas ``off`` leave any of ``areas`` (:meth:`PlanEngine.active_areas`)."""
    if not off or not areas:
        return bool(areas)
    return ALL not in off and any(a not in off for a in areas)


def _kept(areas: tuple[str, ...], offs: list[frozenset[str]]) -> int:
    """The days (bit k) on which a procedure's areas ``offs[k]`` leave any of ``areas``: where
    :func:`_left` holds, a week at once (``issuperset`` rather than a generator per day)."""
    if not areas:
        return 0
    out = FULL
    for k, off in enumerate(offs):
        if off and (ALL in off or off.issuperset(areas)):
            out &= ~(1 << k)
    return out


def _mask(days: Iterable[int]) -> int:
    out = 0
    for k in days:
        out |= 1 << k
    return out

