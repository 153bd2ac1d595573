"""The titration engine: how many evenings a week each active of the catalogue gets.

Generic over :data:`milia_cli.catalogue.ACTIVES` (ladders, caps, the combined cap, one change
a week). It reads only data the planner computed first (:class:`WeekInput`: who may have
which active at the week's start, which nights the course allows, the week's check-ins and
the pauses that begin) and never calls back. One pass over the weeks, O(weeks × actives).

Per week, in order (RULES.md):

1. an active the profile no longer allows drops to 0 (B1, B2, B12, C8, D7, B13);
2. the first week boundary after a pause (B6) puts each active one level lower; after a
   stop (B7) at the bottom level. The nights of a pause or stop are blocked by the masks;
3. one change a week (B11): an active coming back to more nights than last week (after a
   pause, aftercare, a stop) is the week's change; otherwise the first active (in catalogue
   order) that may join, rejoin or step up does: a step up after two tolerated weeks (B4,
   C3), within its cap and the combined cap of the skin type (B11). B5 holds in weeks 1–4;
   a past week without check-ins holds; the current and future weeks are projected as
   tolerated;
4. nights: the first active on the fixed night pattern (never adjacent at 1–3 a week, also
   across the week boundary), the others on free nights (C4, never the same evening).
"""

from __future__ import annotations

from collections.abc import Iterable

from milia_cli.catalogue import ACTIVES, COMBINED_CAP, JOIN_AFTER_FIRST, cap_for
from milia_cli.messages import plan as msg
from milia_cli.plan import Level
from milia_cli.records import NamedTuple

HOLD_IRRITATION_WEEKS = 4  # B5

# Evenings (0 = day 1 of the plan week) for n nights a week. At 1–3 nights no two are
# adjacent, also across the week boundary (see _pattern).
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
FILL_PREFERENCE = (5, 1, 6, 3, 2, 4, 0)  # the other actives: far from the first one's nights first
FULL = 0b1111111


class WeekInput(NamedTuple):
    skin: str  # the skin type at the week's start
    left_out: dict[str, tuple[str, ...]]  # active -> the rule ids that keep it out this week (absent: allowed)
    plan_mask: tuple[int, ...]  # per active (catalogue order): nights allowed, as known at the week's start
    final_mask: tuple[int, ...]  # per active: nights allowed day by day (pauses and changes from their day)
    logged: bool  # the week has check-ins
    max_irritation: int
    touched: bool  # a pause or stop covers a day of the week
    new_pause: str | None  # "B6" / "B7": a pause or stop began in the week before (this is its first boundary)
    pause_day: str = ""  # its day (ISO), for the reason
    past: bool = False  # the week ended before today
    paused_at_start: bool = False  # a pause or stop that began before the week covers some of it
    restart_b7: bool = False  # a stop (B7) ends at this week's start: actives return at the bottom level


class WeekPlan(NamedTuple):
    levels: tuple[int, ...]  # per active, catalogue order
    nights: tuple[int, ...]  # per active: bitmask of the evenings it is used (bit k = day k + 1)
    uses_before: tuple[int, ...]  # per active: evenings used before this week (D8)
    rules: tuple[str, ...]  # rule ids of this week's change


class Titration:
    """The weeks, each active's level history, and the past weeks held for want of check-ins."""

    __slots__ = ("weeks", "levels", "held_unlogged")

    def __init__(self, weeks: list[WeekPlan], levels: dict[str, list[Level]], held_unlogged: list[int]) -> None:
        self.weeks = weeks  # index 0 = week 1
        self.levels = levels
        self.held_unlogged = held_unlogged

    def week(self, number: int) -> WeekPlan:
        return self.weeks[number - 1]


def _bits(days: Iterable[int]) -> int:
    out = 0
    for d in days:
        out |= 1 << d
    return out


def _count(mask: int) -> int:
    return bin(mask).count("1")


def _first_n_of(mask: int, n: int) -> int:
    out = 0
    for k in range(7):
        if n <= 0:
            break
        if mask >> k & 1:
            out |= 1 << k
            n -= 1
    return out


# a week's masks are 7 bits and a level at most 7 nights: every answer looked up, not counted
# again for each active of each of 520 weeks; a mask's row is filled the first time it is met
# (a run meets a few of the 128, so start-up does not pay for all of them)
_FIRST_N: list[list[int] | None] = [None] * 128


def _first_n(mask: int, n: int) -> int:
    """The first ``n`` nights of ``mask`` in calendar order."""
    if 0 <= mask < 128 and n < 8:
        if n <= 0:
            return 0
        row = _FIRST_N[mask]
        if row is None:
            row = _FIRST_N[mask] = [_first_n_of(mask, k) for k in range(8)]
        return row[n]
    return _first_n_of(mask, n)


def _drop_last(mask: int) -> int:
    for k in range(6, -1, -1):
        if mask >> k & 1:
            return mask & ~(1 << k)
    return mask


_PATTERNS: dict[tuple[int, ...], tuple[int, ...]] = {}


def _pattern(levels: list[int], prev_first_nights: int) -> tuple[int, ...]:
    """Each active's nights at ``levels`` before masks: the first on NIGHTS (shifted a day
    when the week before ended on one of its nights and it has 1–3 nights now), the others
    on free nights in FILL_PREFERENCE order. Only the levels and that last night matter: cached."""
    key = (*levels, prev_first_nights >> 6 & 1)
    got = _PATTERNS.get(key)
    if got is None:
        got = _PATTERNS[key] = tuple(_pattern_of(levels, prev_first_nights))
    return got


def _pattern_of(levels: list[int], prev_first_nights: int) -> list[int]:
    out: list[int] = []
    taken = 0
    for i, n in enumerate(levels):
        if i == 0:
            days = NIGHTS[n]
            if 1 <= n <= 3 and prev_first_nights >> 6 & 1:
                days = tuple(d + 1 for d in days)
            mask = _bits(days)
        else:
            free = [d for d in FILL_PREFERENCE if not taken >> d & 1]
            mask = _bits(free[:n])
        taken |= mask
        out.append(mask)
    return out


def titrate(inputs: list[WeekInput], *, first_in_plan: bool) -> Titration:
    """Weeks 1..len(inputs) (see the module docstring). ``first_in_plan``: the first active
    (retinol) is allowed at the plan's start, so the others join from week 3 (C4).

    One pass of plain loops over a few lists (a ten-year plan is 520 weeks on every run): a
    week's input is unpacked once and the one before kept in locals; nights are counted with
    ``int.bit_count`` (the first n of a mask hold min(n, its nights)), caps looked up once per
    skin type, the first-nights table read in place."""
    n = len(ACTIVES)
    actives = range(n)
    steps = tuple(a.step for a in ACTIVES)
    level = [0] * n
    good = [0] * n
    used = [False] * n
    out_since = [False] * n  # dropped to 0 because the profile no longer allowed it
    uses = [0] * n
    prev_final = [0] * n
    bottom = [False] * n  # after a stop (B7), the next start is at the bottom level
    hist: dict[str, list[Level]] = {a.step: [] for a in ACTIVES}
    held: list[int] = []
    weeks: list[WeekPlan] = []
    caps_of: dict[str, tuple[int, tuple[int, ...]]] = {}  # skin type -> (combined cap, each active's cap)
    first_n_rows = _FIRST_N

    def set_level(i: int, w: int, value: int, reason: str, rules: tuple[str, ...]) -> None:
        level[i] = value
        h = hist[steps[i]]
        if (not h and value == 0) or (h and h[-1].per_week == value):
            return
        h.append(Level(w, value, reason, rules))

    # the week before (its fields as titration reads them)
    p_skin, p_left_out, p_logged, p_max, p_touched, p_past = "", {}, False, 0, False, False
    first_prev = 0  # the first active's nights the week before
    for w, inp in enumerate(inputs, start=1):
        (skin, left_out, plan_mask, final_mask, logged, max_irritation, touched, new_pause, pause_day, past,
         paused_at_start, restart_b7) = inp
        rules: list[str] = []
        if w > 1:
            hold_b5 = p_max == 1 and (w - 1) <= HOLD_IRRITATION_WEEKS
            if p_past and not p_logged:
                held.append(w - 1)
            if (p_logged or not p_past) and p_max <= 1 and not hold_b5 and not p_touched:  # tolerated
                for i in actives:
                    if steps[i] not in p_left_out and (level[i] == 0 or prev_final[i] > 0):
                        good[i] += 1
        # 1. the profile no longer allows an active (B13 and the cautions)
        if left_out:
            for i in actives:
                why = left_out.get(steps[i])
                if why is not None and level[i] > 0:
                    set_level(i, w, 0, msg.REASON_LEFT_OUT, why)
                    out_since[i] = True
                    good = [0] * n  # the others wait two tolerated weeks before they rise into the room left
                    rules.extend(r for r in why if r not in rules)
        # 2. a pause (B6) or stop (B7) began in the week before
        if new_pause is not None:
            for i, a in enumerate(ACTIVES):
                if level[i] > 0:
                    if new_pause == "B7":
                        target, reason, why = min(level[i], a.restart), msg.REASON_STOPPED, ("B7",)
                    else:
                        target, reason, why = level[i] - 1, msg.REASON_STEP_DOWN, ("B6",) if a.first else ("B6", "C5")
                    set_level(i, w, target, reason.format(day=pause_day), why)
                    rules.extend(r for r in why if r not in rules)
                good[i] = 0
        caps = caps_of.get(skin)
        if caps is None:
            caps = caps_of[skin] = (cap_for(COMBINED_CAP, skin), tuple(cap_for(a.caps, skin) for a in ACTIVES))
        combined, skin_caps = caps
        # a lower cap (the skin type changed, B4, C3, B11): down to it at once
        if w > 1 and p_skin != skin:
            for i in range(n - 1, -1, -1):
                over = max(level[i] - skin_caps[i], sum(level) - combined, 0)
                if over and level[i]:
                    set_level(i, w, max(0, level[i] - over), msg.REASON_CAPPED, ("B11",))
                    rules.extend(r for r in ("B11",) if r not in rules)
        if restart_b7:  # after `milia resume`: the bottom level, whatever came before (B7)
            bottom = [True] * n
            for i, a in enumerate(ACTIVES):
                if level[i] > a.restart:
                    set_level(i, w, a.restart, msg.REASON_RESUMED, ("B7",))
                    rules.extend(r for r in ("B7",) if r not in rules)
        # 3. one change a week (B11)
        pattern = _pattern(level, first_prev)
        limit = list(level)
        returners = [i for i in actives if min((pattern[i] & plan_mask[i]).bit_count(), level[i]) > prev_final[i]] \
            if w > 1 else []
        for i in returners[1:]:
            limit[i] = prev_final[i]
        settled = new_pause is None and not paused_at_start and not (w > 1 and p_touched)
        if not returners and settled:  # nothing joins or rises beside a pause (B6, B7)
            total = sum(level)
            for i, a in enumerate(ACTIVES):
                if a.step in left_out:
                    continue
                cap = skin_caps[i]
                if a.first:
                    reserve = sum(1 for j in actives if j != i and steps[j] not in left_out and level[j] == 0)
                    cap = min(cap, combined - reserve)
                else:
                    cap = min(cap, combined)
                change = None
                if level[i] == 0:
                    join_week = 1 if a.first or not first_in_plan else JOIN_AFTER_FIRST
                    if not used[i] and w >= join_week and total + a.start <= combined:
                        reason = msg.REASON_ACID_JOINS if not a.first and first_in_plan else msg.REASON_STARTS
                        change = (a.restart if bottom[i] else a.start, reason, a.start_rules)
                    elif used[i] and out_since[i] and total + a.restart <= combined:
                        change = (a.restart, msg.REASON_BACK_IN, ("B13",))
                    elif used[i] and good[i] >= 2 and total + a.restart <= combined:
                        change = (a.restart, msg.REASON_RETINOL_BACK if a.first else msg.REASON_ACID_BACK, a.up_rules)
                elif good[i] >= 2 and level[i] < cap and total + 1 <= combined:
                    change = (level[i] + 1, msg.REASON_STEP_UP.format(n=level[i]), a.up_rules)
                if change is None:
                    continue
                if w == 1:
                    set_level(i, 1, change[0], "", ())
                else:
                    set_level(i, w, change[0], change[1], change[2])
                    rules.extend(r for r in change[2] if r not in rules)
                    for j in actives:  # the others do not rise in the same week
                        if j != i:
                            limit[j] = min(limit[j], prev_final[j])
                limit[i] = level[i]
                used[i], out_since[i], good[i], bottom[i] = True, False, 0, False
                pattern = _pattern(level, first_prev)
                break
        final = []
        for i in actives:
            mask, most = pattern[i] & plan_mask[i], limit[i]
            if 0 <= most < 8:
                row = first_n_rows[mask]
                if row is None:
                    row = first_n_rows[mask] = [_first_n_of(mask, k) for k in range(8)]
                nights = row[most] & final_mask[i]
            else:
                nights = _first_n(mask, most) & final_mask[i]
            final.append(nights)
            c = nights.bit_count()
            prev_final[i] = c
            if level[i] > 0:
                used[i] = True
        weeks.append(WeekPlan(tuple(level), tuple(final), tuple(uses), tuple(rules)))
        for i in actives:
            uses[i] += prev_final[i]
        first_prev = final[0]
        p_skin, p_left_out, p_logged, p_max, p_touched, p_past = skin, left_out, logged, max_irritation, touched, past
    return Titration(weeks=weeks, levels=hist, held_unlogged=held)
