"""The notices of a plan window or of one day: the one place that decides them.

``notices(planner, first, last)`` for a plan is the union of what applies on its days (plus
the background notices); `today` asks for one day (``first == last``) and drops the
background ones, so the notices `today` shows are those of that day in the plan.
Date-bound notices (B6, B7, B13, E1, E2, A1) apply on the days of their episode and the week
after; A6 and A7 are computed from the log as of min(today, the window's last day).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from milia_cli.catalogue import OPTIONAL_STEPS
from milia_cli.messages import Localized, When
from milia_cli.messages import plan as msg
from milia_cli.messages.common import weeks_text
from milia_cli.messages.words import Words
from milia_cli.plan import Notice
from milia_cli.rules import RULES
from milia_cli.timeline import AFTERCARE_DAYS, BEFORE_PROCEDURE_DAYS, PREGNANT_LIKE, b10, body_only, eye_only

if TYPE_CHECKING:
    from typing import Protocol

    from milia_cli.plan_engine import PlanEngine
    from milia_cli.profile import Profile

    class _Add(Protocol):
        """``add(rule_id, text=None, level=None)``: a notice of the rule (see :func:`notices`)."""

        def __call__(self, rule_id: str, text: str | None = None, level: str | None = None, /) -> None: ...

_LEVEL_ORDER = {"stop": 0, "refer": 1, "caution": 2, "info": 3}
A7_WEEKS = 12
A7_ADHERENCE = 0.8
A6_WEEKS = 4
A6_CROP_WEEKS, A6_CROP_OF = 3, 6
WEEK = timedelta(days=7)


def _d(day: date) -> str:
    """``Wed 2 Dec 2026`` (another language: its CLDR full date, "2026년 12월 2일 수요일")."""
    return When(f"{day.strftime('%a')} {day.day} {day.strftime('%b')} {day.year}", day, "full")


def _iso(day: date) -> str:
    """``2026-12-02`` (another language: its CLDR long date, "2026년 12월 2일")."""
    return When(day.isoformat(), day, "long")


def checkins_read_from(first: date, last: date, today: date) -> date:
    """The first day whose check-ins the notices of ``first..last`` read: A6's counts, eight weeks
    before min(today, last), and A1's picking, the week before ``first`` (a view's log must reach
    back that far, also before the plan's start, or a view would lose a referral `today` shows)."""
    return min(min(today, last) - 2 * A6_WEEKS * WEEK, first - WEEK)


def _overlaps(begin: date, end: date | None, first: date, last: date) -> bool:
    """[begin, end) (end None: open) meets [first, last]."""
    return begin <= last and (end is None or end > first)


def notices(pl: PlanEngine, first: date, last: date) -> tuple[Notice, ...]:
    out: list[Notice] = []
    p = pl.timeline.on(last)

    def add(rule_id: str, text: str | None = None, level: str | None = None) -> None:
        out.append(RULES[rule_id].notice(text, level))

    add("N1")
    if pl.minor:  # A8: no plan at all, only the referral
        year = p.birth_year
        if pl.future_birth:
            add("A8", msg.FUTURE_BIRTH.format(year=year) + RULES["A8"].action)
        elif pl.baby:
            add("A8", msg.BABY.format(year=year))
        else:
            add("A8", msg.UNDER_18.format(year=year) + RULES["A8"].action)
        if b10(p):
            add("B10")
        _episode_notices(pl, first, last, add)
        _picked(pl, first, last, add)
        for rid in ("N2", "N4", "N5"):
            add(rid)
        return _sorted(out)
    _episode_notices(pl, first, last, add)
    _change_notices(pl, first, last, add)
    _picked(pl, first, last, add)
    e1 = False
    for ev in pl.blocks.procedures:
        areas = Words(ev.areas) if ev.areas else msg.ALL_AREAS
        until = ev.date + timedelta(days=AFTERCARE_DAYS)
        name = msg.PROCEDURE_NAMES.get(ev.kind, ev.kind)
        if _overlaps(ev.date, until, first, last):
            add("E2", msg.AFTERCARE_LOGGED.format(kind=name, day=_iso(ev.date), areas=areas,
                                                  until=_iso(until)) + RULES["E2"].action)
        if ev.date > pl.today and ev.date >= first and ev.date - timedelta(days=31) <= last:
            lead = ev.date - timedelta(days=BEFORE_PROCEDURE_DAYS)
            add("E1", msg.BEFORE_PROCEDURE.format(kind=name, day=_iso(ev.date), areas=areas,
                                                  first=_iso(lead)) + RULES["E1"].action)
            e1 = True
    _a6_a7(pl, first, last, add)
    actives = _active_days(pl, first, last)
    if actives:
        add("D9")
        if first != last:
            acid = [d for d, step in actives if step == "exfoliate"]
            if acid and acid[-1] + timedelta(days=7) > last:
                add("D5", msg.SPF_TAIL.format(last=_iso(acid[-1]),
                                              until=_iso(acid[-1] + timedelta(days=7))))
    for p in pl.timeline.between(first, last):  # each status the window holds (B13: dated)
        _profile_notices(pl, p, first, last, add, e1)
    for rid in ("N2", "N4", "N5", "N9"):
        add(rid)
    return _sorted(out)


def _profile_notices(pl: PlanEngine, p: Profile, first: date, last: date, add: _Add, e1: bool) -> None:
    """What the profile itself calls for (cautions, pregnancy status, areas, habits)."""
    c = p.cautions
    if b10(p):
        add("B10")
        add("N8")
    if c.prescription_retinoid:
        add("B12")
    if eye_only(p):
        add("A9", msg.A9_TEXT)
    if body_only(p):
        add("A10", msg.A10_TEXT)
    if p.pregnancy in PREGNANT_LIKE:
        add("B1")
    elif p.pregnancy == "breastfeeding":
        add("B2")
        if "chest" in p.milia.areas:
            add("C9", msg.C9_TEXT)
    if p.pregnancy != "none":
        add("N3")
    allowed = pl.allowed(p)
    if p.pregnancy in PREGNANT_LIKE and "exfoliate" in allowed:
        add("C7")
    if c.photosensitizing_medicine:
        add("C8")
    if c.facial_steroid:
        add("D7")
    if not b10(p) and c.any_of("photosensitizing_medicine", "facial_steroid", "keloid_prone", "cold_sores",
                               "anticoagulants", "prescription_retinoid"):
        add("N8")
    if not e1 and (p.pregnancy in ("pregnant", "breastfeeding") or c.any_of(
            "cold_sores", "keloid_prone", "photosensitizing_medicine", "anticoagulants")):
        add("E1")
    if allowed:
        add("N6")
        add("N7")
    w_first, w_last = max(1, (first - pl.start).days // 7 + 1), (last - pl.start).days // 7 + 1
    held = [w for w in pl.titration.held_unlogged if w_first <= w <= w_last]
    if held and allowed:
        add("B4", msg.HELD_UNLOGGED.format(weeks=weeks_text(held)))  # "weeks 1–8"
    if "retinol" in allowed:
        add("B5")
    if "exfoliate" in allowed:
        add("C1")
        if p.eye_milia:
            add("C6")
    if p.habits.makeup and p.habits.under_eye_concealer:
        add("D4")
    if p.habits.smoker:
        add("D6")


def _picked(pl: PlanEngine, first: date, last: date, add: _Add) -> None:
    picked = [ch.date for ch in pl.log.checkins if ch.picked and first - WEEK <= ch.date <= last]
    if picked:
        add("A1", msg.PICKED_LOGGED.format(day=_iso(picked[-1])) + RULES["A1"].action)


def _sorted(out: list[Notice]) -> tuple[Notice, ...]:
    seen: set[tuple[str, str]] = set()
    unique = []
    for n in out:
        if (n.id, n.text) not in seen:
            seen.add((n.id, n.text))
            unique.append(n)
    return tuple(sorted(unique, key=lambda n: _LEVEL_ORDER[n.level]))  # stable: keeps rule order


def _active_days(pl: PlanEngine, first: date, last: date) -> list[tuple[date, str]]:
    """(day, active) of the window's weeks, from the titration (no steps built)."""
    from milia_cli.catalogue import ACTIVES

    out = []
    lo, hi = max(first, pl.start), min(last, pl.start + timedelta(days=7 * pl.n_weeks - 1))
    day = lo
    while day <= hi:
        off = (day - pl.start).days
        wp = pl.titration.week(off // 7 + 1)
        for i, a in enumerate(ACTIVES):
            if wp.nights[i] >> (off % 7) & 1:
                out.append((day, a.step))
        day += timedelta(days=1)
    return out


def _episode_notices(pl: PlanEngine, first: date, last: date, add: _Add) -> None:
    ref = last
    for ep in pl.episodes.items:
        end = None if ep.restart is None else ep.restart + WEEK
        if not _overlaps(ep.day, end, first, last):
            continue
        if ep.kind == "B7":
            severe = ep.severe or ep.day
            if ep.resumed is not None and ep.resumed <= ref and ep.restart is not None:
                add("B7", msg.B7_RESUMED.format(day=_d(severe), resumed=_d(ep.resumed), restart=_d(ep.restart)),
                    "caution")
            elif ep.resumed is not None and ep.resumed <= ref:
                add("B7", msg.B7_RESUMED_WAIT.format(day=_d(severe), resumed=_d(ep.resumed)), "caution")
            else:
                add("B7", msg.B7_STOPPED.format(day=_d(severe)) + msg.SEEK_CARE)
            continue
        what = msg.IRRITATION_2 if (pl.irritation_of.get(ep.day) or 0) >= 2 else msg.IRRITATION_RUN
        acid = ep.triggers[-1] + timedelta(days=7)
        if ep.restart is not None and ep.cleared is not None and ep.cleared <= ref:
            text = msg.B6_CLEARED.format(what=what, day=_d(ep.day), cleared=_d(ep.cleared), restart=_d(ep.restart),
                                         acid=_d(acid))
        else:
            text = msg.B6_PAUSED.format(what=what, day=_d(ep.day), acid=_d(acid))
        again = [d for d in ep.triggers[1:] if d <= ref]
        if again:
            text += msg.B6_EXTENDED.format(days=", ".join(_d(d) for d in again))
        add("B6", text)


def _change_notices(pl: PlanEngine, first: date, last: date, add: _Add) -> None:
    """B13: a pregnancy change applies from its date, with the retinol dates before it."""
    for ch in pl.timeline.changes:
        if ch.key != "pregnancy" or ch.old == ch.new:
            continue
        if not _overlaps(ch.date, ch.date + 2 * WEEK, first, last):
            continue
        if ch.new in ("pregnant", "trying", "breastfeeding"):
            if ch.old not in (None, "none"):
                continue
            add("B13", msg.PREGNANCY_CHANGE.format(day=_d(ch.date), status=msg.STATUS_NAMES[ch.new],
                                                   exposure=_exposure(pl, ch.date)), "caution")
        elif ch.new == "none":
            add("B13", msg.PREGNANCY_BACK.format(day=_d(ch.date)), "info")


def _exposure(pl: PlanEngine, until: date) -> str:
    """The retinol evenings the plan had before ``until`` (the same in `plan` and `today`, which
    reads only recent check-ins; `milia stats` shows what was checked in)."""
    planned = [d for d, step in _active_days(pl, pl.start, until - timedelta(days=1)) if step == "retinol"]
    if planned:
        return msg.EXPOSURE_PLANNED.format(dates=_dates(planned))
    return msg.EXPOSURE_NONE


def _dates(days: list[date]) -> str:
    """Every date, grouped by month: ``2026-11: 23, 26; 2026-12: 1 (3 evenings)``."""
    return _Evenings(days)


class _Evenings(Localized):
    """The retinol evenings of B13 by month; another language names the months as CLDR does."""

    days: tuple[date, ...]

    def __new__(cls, days: list[date]) -> _Evenings:
        obj = super().__new__(cls, _evenings_text(days, lambda d: f"{d.year}-{d.month:02d}", "en"))
        obj.days = tuple(days)
        return obj

    def localized(self, lang: str) -> str:
        from milia_cli.i18n import format_day

        return _evenings_text(list(self.days), lambda d: format_day(d, "year-month", lang), lang)


def _evenings_text(days: list[date], month: Callable[[date], str], lang: str) -> str:
    from milia_cli.i18n import tr

    months: dict[str, list[str]] = {}
    for d in days:
        months.setdefault(month(d), []).append(str(d.day))
    listed = "; ".join(f"{m}: {', '.join(v)}" for m, v in months.items())
    return tr(msg.EVENINGS, lang).format(listed=listed, n=len(days))


def _a6_a7(pl: PlanEngine, first: date, last: date, add: _Add) -> None:
    """A6 and A7 from the log's bump counts, as of min(today, last)."""
    ref = min(pl.today, last)
    counts = [(c.date, c.count) for c in pl.log.checkins if c.count is not None and c.date <= ref]
    recent = [(d, n) for d, n in counts if d > ref - A6_WEEKS * WEEK * 2]
    fired = None
    for i, (d1, n1) in enumerate(recent):
        for d2, n2 in recent[i + 1:]:
            if d2 - d1 <= A6_WEEKS * WEEK and n1 > 0 and n2 >= n1 * 1.5 and d2 > ref - A6_WEEKS * WEEK:
                fired = (d1, n1, d2, n2)
                break
        if fired:
            break
    weeks_with_new = {(ref - c.date).days // 7 for c in pl.log.checkins
                      if c.bumps and ref - A6_CROP_OF * WEEK < c.date <= ref}
    if fired:
        add("A6", msg.A6_RISE.format(low=fired[1], low_day=_iso(fired[0]), high=fired[3],
                                     high_day=_iso(fired[2])) + RULES["A6"].action)
    elif len(weeks_with_new) >= A6_CROP_WEEKS:
        add("A6", msg.A6_CROPS.format(n=len(weeks_with_new)) + RULES["A6"].action)
    lo = ref - timedelta(days=7 * A7_WEEKS - 1)
    if lo < pl.start or ref > pl.start + timedelta(days=7 * pl.n_weeks - 1):
        return
    window = [(d, n) for d, n in counts if lo <= d <= ref]
    if len(window) < 2 or window[-1][1] < window[0][1]:
        return
    planned = done = 0
    for day, ids in pl.step_ids(lo, ref):
        required = [s for s in ids if s.split(":", 1)[1] not in OPTIONAL_STEPS]
        ch = pl.log.on(day)
        planned += len(required)
        if ch is not None:
            got = (set(ids) - ch.skipped) if ch.all_done else ch.done
            done += sum(1 for s in required if s in got)
    if planned and done / planned >= A7_ADHERENCE:
        text = msg.A7_COMPUTED.format(day=_iso(ref), pct=round(100 * done / planned), first=window[0][1],
                                      latest=window[-1][1])
        add("A7", text + RULES["A7"].action)
        add("E1")


def checkin_advice(day: date, irritation: int | None, picked: bool = False) -> tuple[Notice, ...]:
    """What `checkin` should answer at once (B6, B7, A1), for the logside's one stderr block:
    irritation 2 pauses from that evening, irritation 3 stops until `milia resume`, picking
    gets the stop-and-why. Empty when nothing needs saying."""
    out: list[Notice] = []
    if irritation is not None and irritation >= 3:
        out.append(RULES["B7"].notice(msg.B7_STOPPED.format(day=_d(day)) + msg.SEEK_CARE))
    elif irritation == 2:
        out.append(RULES["B6"].notice(msg.B6_PAUSED.format(what=msg.IRRITATION_2, day=_d(day),
                                                           acid=_d(day + timedelta(days=7)))))
    if picked:
        out.append(RULES["A1"].notice(msg.PICKED_LOGGED.format(day=_iso(day)) + RULES["A1"].action))
    return tuple(out)
