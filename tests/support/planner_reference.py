"""Reference versions of planner internals that were rewritten for speed: the plain loops they
replaced, kept so a property can hold the fast versions to them."""

from __future__ import annotations

from datetime import date, timedelta

from milia_cli.week_inputs import ACTIVE_STEPS as _STEPS


def week_masks_by_day(planner, ws: date, p0, allowed0: dict, touching: list,
                      acid: tuple[int, int]) -> tuple[list[int], list[int], bool, bool]:
    """A busy week's (plan_mask, final_mask, touched, paused_at_start), one day at a time:
    the loop of :func:`milia_cli.week_inputs.week_inputs` before :func:`~milia_cli.week_inputs.week_masks`."""
    plan_mask, final_mask = [0] * len(_STEPS), [0] * len(_STEPS)
    touched = paused_at_start = False
    week_last = ws + timedelta(days=6)
    one_profile = planner.timeline.on(week_last) is p0
    acid_known_mask, acid_now_mask = acid
    blocked = planner.blocks.any_between(ws, week_last)
    for k in range(7):
        day = ws + timedelta(days=k)
        ep = None
        for cand in touching:
            if cand.day > day:
                break
            ep = cand
        if ep is not None and not ep.covers(day):
            ep = None
        if ep is not None:
            touched = True
            if ep.day < ws:
                paused_at_start = True
                continue
        pd = p0 if one_profile else planner.timeline.on(day)
        acid_known, acid_now = acid_known_mask >> k & 1, acid_now_mask >> k & 1
        for j, step in enumerate(_STEPS):
            if step not in allowed0 or (j and acid_known):
                continue
            if blocked and not planner.active_areas(step, p0, day):
                continue
            plan_mask[j] |= 1 << k
            if ep is None and not (j and acid_now) and (
                    planner.active_areas(step, pd, day) if (blocked or pd is not p0) else True):
                final_mask[j] |= 1 << k
    return plan_mask, final_mask, touched, paused_at_start
