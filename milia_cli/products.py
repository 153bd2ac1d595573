"""The person's own products in the plan: which shelf product each step of a day uses.

Pure (no I/O, no clock): the shelf travels with the profile (:mod:`milia_cli.shelf`), the
profile of each day comes from the planner's timeline (dated changes, B13: a pregnancy set
mid-plan changes the days from that date, never the days before), ``today`` is passed in.

For each step of a day, the first shelf product for that step (``moisturize`` fits the morning
and the evening, ``pm:moisturize`` only the evening) that no rule stops for *that day's*
profile is named; a product is judged by :func:`milia_cli.ingredients.report.check_label`,
exactly as `milia check --step STEP --percent …` judges it. A product a stop fires for is never
named, and the plan's notices say which product and why (the rule id). One more refusal is the
plan's own: a leave-on acid stronger than the home limit (C1, a 30 % peel) is checked as a
caution but never scheduled, since the plan is a beginner's titration.

One active a night (C4), from the findings' ``plan`` mark: a retinol with an acid in it (or an
acid with a retinoid) is never named; a retinoid, an acid or benzoyl peroxide on an everyday
evening step (a night cream, a BPO wash) is named in the morning and on the calm evenings, never
on an evening the plan gives retinol or an acid; the next product for the step is, if any.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from milia_cli.plan import Day, Notice, Step
from milia_cli.records import NamedTuple

if TYPE_CHECKING:
    from milia_cli.ingredients.evaluate import Finding
    from milia_cli.profile import Profile
    from milia_cli.shelf import ShelfProduct
    from milia_cli.timeline import ProfileTimeline

NOTICE_FINDINGS = ("stop", "refer", "caution")  # an "info" finding is `milia check`'s, not the plan's
_LEVEL_ORDER = {"stop": 0, "refer": 1, "caution": 2, "info": 3}


class Verdict(NamedTuple):
    """One product judged for one profile at its own step."""

    product: ShelfProduct
    refused: Finding | None  # the finding that keeps it out of the plan (None: it may be used)
    cautions: tuple[Finding, ...]  # what to mind when it is used (caution and refer findings)
    off_active_evenings: bool = False  # C4: not named on an evening the plan gives retinol or an acid


def judge(product: ShelfProduct, profile: Profile, today: date | None) -> Verdict:
    """``product`` for ``profile``: what `milia check` says at the product's step, plus C1 for a
    peel; a finding's ``plan`` says what else the plan does with it (C4: one active a night)."""
    from milia_cli.ingredients.evaluate import OFF_ACTIVE_EVENINGS, REFUSE
    from milia_cli.ingredients.report import check_label

    result = check_label(product.inci, profile=profile, step=product.step, percents=product.percent_args(),
                         today=today)
    refused = (next((f for f in result.findings if f.level == "stop"), None) or _peel(result, product)
               or next((f for f in result.findings if f.plan == REFUSE), None))
    cautions = tuple(f for f in result.findings if f.level in ("refer", "caution")
                     and not (refused is not None and refused.id == f.id))
    return Verdict(product, refused, cautions, any(f.plan == OFF_ACTIVE_EVENINGS for f in cautions))


def _peel(result, product: ShelfProduct) -> Finding | None:
    """C1: a leave-on AHA or salicylic acid stronger than the home limit is not scheduled."""
    from milia_cli.ingredients.evaluate import (
        AHA_LIMIT,
        BHA_LIMIT,
        WASH_OFF_STEPS,
        Finding,
        effective,
        rule_source,
        strength,
    )
    from milia_cli.messages import check as check_msg
    from milia_cli.messages import shelf as msg

    if product.bare_step in WASH_OFF_STEPS:
        return None
    eff = effective(list(result.found), result.strengths)
    for cls, what, limit, limit_text in (("aha", "AHA", AHA_LIMIT, check_msg.AHA_LIMIT),
                                         ("bha", "Salicylic acid (BHA)", BHA_LIMIT, check_msg.BHA_LIMIT)):
        items = eff.get(cls, [])
        if not items:
            continue
        s = strength(items, cls, result.strengths)
        if s.total is not None and s.total > limit:
            return Finding("C1", "stop", msg.NOTICE_PEEL.format(what=what, strength=s.total, limit=limit_text),
                           rule_source("C1"), (cls,), tuple(dict.fromkeys(c.item.printed for c in items)))
    return None


class ShelfPicker:
    """The products of one plan: each (profile, product) judged once, each step named once."""

    def __init__(self, shelf: tuple[ShelfProduct, ...], today: date | None) -> None:
        self.shelf, self.today = shelf, today
        self._verdicts: dict[tuple[int, int], tuple[Profile, Verdict]] = {}
        self._named: dict[tuple[int, str, str, bool], tuple[Profile, str | None]] = {}

    def verdict(self, profile: Profile, index: int) -> Verdict:
        key = (id(profile), index)
        got = self._verdicts.get(key)
        if got is None or got[0] is not profile:
            got = self._verdicts[key] = (profile, judge(self.shelf[index], profile, self.today))
        return got[1]

    def product_for(self, profile: Profile, slot: str, step: str, active_evening: bool = False) -> str | None:
        """The name of the shelf product ``step`` in ``slot`` uses on a day of ``profile``, or None;
        ``active_evening``: the plan gives retinol or an acid that evening (C4: one active a night)."""
        key = (id(profile), slot, step, active_evening)
        got = self._named.get(key)
        if got is None or got[0] is not profile:
            def usable(i: int) -> bool:
                v = self.verdict(profile, i)
                return v.refused is None and not (active_evening and v.off_active_evenings)

            name = next((p.name for i, p in enumerate(self.shelf) if p.fits(slot, step) and usable(i)), None)
            got = self._named[key] = (profile, name)
        return got[1]

    def assign(self, day: Day, profile: Profile) -> Day:
        """``day`` with each step's ``product`` named for ``profile`` (that day's profile)."""
        def named(steps: tuple[Step, ...], active_evening: bool) -> tuple[Step, ...]:
            return tuple(s._replace(product=self.product_for(profile, s.slot, s.step, active_evening and not s.active))
                         for s in steps)

        return day._replace(am=named(day.am, False), pm=named(day.pm, day.active_evening))

    def notices(self, timeline: ProfileTimeline, first: date, last: date) -> list[Notice]:
        """For ``first..last``: each product a rule stops (with the days, when not all of them),
        and what to mind with each product that is used."""
        from milia_cli.messages import shelf as msg
        from milia_cli.step_names import label, slot_label

        out: list[Notice] = []
        segments = profile_segments(timeline, first, last)
        for i, product in enumerate(self.shelf):
            where = slot_label(product.step) if product.slot else label(product.step)
            runs: list[tuple[date, date, Verdict]] = []
            for seg_first, seg_last, profile in segments:
                v = self.verdict(profile, i)
                if runs and _same(runs[-1][2], v) and runs[-1][1] + timedelta(days=1) == seg_first:
                    runs[-1] = (runs[-1][0], seg_last, runs[-1][2])
                else:
                    runs.append((seg_first, seg_last, v))
            for run_first, run_last, v in runs:
                if v.refused is not None:
                    when = _when(run_first, run_last, first, last)
                    out.append(Notice(v.refused.id, "stop", msg.NOTICE_REFUSED.format(
                        name=product.name, step=where, when=when, text=v.refused.text), v.refused.source))
                for f in v.cautions if v.refused is None else ():
                    out.append(Notice(f.id, f.level, msg.NOTICE_CAUTION.format(
                        name=product.name, step=where, when="", text=f.text), f.source))
        return out


def _same(a: Verdict, b: Verdict) -> bool:
    return (a.refused and (a.refused.id, a.refused.text)) == (b.refused and (b.refused.id, b.refused.text)) \
        and a.cautions == b.cautions


def _when(run_first: date, run_last: date, first: date, last: date) -> str:
    from milia_cli.messages import shelf as msg

    starts, ends = run_first > first, run_last < last
    if starts and ends:
        return msg.WHEN_BETWEEN.format(first=run_first.isoformat(), last=run_last.isoformat())
    if starts:
        return msg.WHEN_FROM.format(first=run_first.isoformat())
    if ends:
        return msg.WHEN_UNTIL.format(last=run_last.isoformat())
    return ""


def profile_segments(timeline: ProfileTimeline, first: date, last: date) -> list[tuple[date, date, Profile]]:
    """(first day, last day, profile) for each profile that holds on some day of ``first..last``."""
    if last < first:
        return []
    dates, profiles = timeline.dates, timeline.profiles
    lo, hi = bisect_right(dates, first) - 1, bisect_right(dates, last) - 1
    out = []
    for i in range(lo, hi + 1):
        seg_first = max(dates[i], first)
        seg_last = min(dates[i + 1] - timedelta(days=1), last) if i + 1 < len(dates) else last
        out.append((seg_first, seg_last, profiles[i]))
    return out


def merged(notices: Iterable[Notice], extra: Iterable[Notice]) -> tuple[Notice, ...]:
    """The plan's notices with the products' added, most serious first (stable), each once."""
    seen: set[tuple[str, str]] = set()
    unique = []
    for n in (*notices, *extra):
        if (n.id, n.text) not in seen:
            seen.add((n.id, n.text))
            unique.append(n)
    return tuple(sorted(unique, key=lambda n: _LEVEL_ORDER[n.level]))


class Change(NamedTuple):
    """A product whose verdict a profile change turns: put away, or back in use."""

    product: ShelfProduct
    refused: Finding | None  # the finding that stops it now (None: back in use)


def put_away(before: Profile, after: Profile, today: date | None) -> list[Change]:
    """The shelf products a change from ``before`` to ``after`` stops (or lets back in)."""
    out: list[Change] = []
    for product in after.shelf:
        was, now = judge(product, before, today), judge(product, after, today)
        if now.refused is not None and was.refused is None:
            out.append(Change(product, now.refused))
        elif now.refused is None and was.refused is not None:
            out.append(Change(product, None))
    return out


def put_away_lines(before: Profile, after: Profile, today: date | None) -> list[str]:
    """One line per product to put away (with the rule id), or back in use: what `profile set` says."""
    from milia_cli.messages import shelf as msg
    from milia_cli.step_names import label, slot_label

    lines = []
    for change in put_away(before, after, today):
        p = change.product
        where = slot_label(p.step) if p.slot else label(p.step)
        if change.refused is not None:
            lines.append(msg.PUT_AWAY.format(name=p.name, step=where, rule=change.refused.id, text=change.refused.text))
        else:
            lines.append(msg.BACK_IN_USE.format(name=p.name, step=where))
    return lines


# -- what the outputs say (terminal plan, handouts) ------------------------------------------------
class Use(NamedTuple):
    """A shelf product named on a step of the plan, from its first to its last day there."""

    step_id: str  # "pm:moisturize"
    name: str
    first: date
    last: date


def uses(days: Iterable[Day]) -> list[Use]:
    """Each (step, product) the days name, in the order they first appear."""
    found: dict[tuple[str, str], list[date]] = {}
    for day in days:
        for s in day.steps:
            if s.product is not None:
                span = found.setdefault((s.id, s.product), [day.date, day.date])
                span[1] = day.date
    return [Use(sid, name, a, b) for (sid, name), (a, b) in found.items()]


def use_lines(days: tuple[Day, ...], step: str | None = None) -> list[str]:
    """``pm moisturize: Night cream (through 2026-12-06)`` for each product used (of ``step`` only,
    if given); the days are said only when it is not used on all of the plan's days."""
    from milia_cli.messages import shelf as msg
    from milia_cli.step_names import slot_label

    if not days:
        return []
    first, last = days[0].date, days[-1].date
    # an evening the plan gives retinol or an acid leaves a one-active-a-night product out (C4):
    # it neither starts nor ends the product's days ("from 2026-12-01" after a retinol Monday)
    calm = [d.date for d in days if not d.active_evening]
    out = []
    for u in uses(days):
        if step is not None and u.step_id.split(":", 1)[1] != step:
            continue
        evening = u.step_id.startswith("pm:") and calm
        when = _when(u.first, u.last, calm[0] if evening else first, calm[-1] if evening else last)
        out.append(msg.USE_LINE.format(step=slot_label(u.step_id), name=u.name, when=when))
    return out
