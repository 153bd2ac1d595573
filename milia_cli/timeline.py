"""A course as data, computed before any titration: who the person was on each day, the
pauses and stops their check-ins call for, and the areas procedures take out.

Everything here is a pure function of (profile, log, start, today); the titration engine
(:mod:`milia_cli.titration`) and the planner read the results, nothing calls back.

* :class:`ProfileTimeline` — the profile as it was on a day (B13, invariant 12): the
  current profile with every :class:`~milia_cli.logmodel.ProfileChange` dated after that
  day undone; ``Profile.pregnancy_since`` counts as a change of ``pregnancy`` on that date.
* :func:`episodes` — the B6 pauses and B7 stops: from the evening of the check-in on; a
  pause ends after a later check-in at 0–1, a stop after a ``resume`` event (and a calm
  check-in if irritation 2 was logged while stopped); actives return at the next week
  boundary. Irritation logged while paused or stopped extends it (B6, B7, invariant 10).
* :func:`allowed_actives` — which actives a profile may have, and on which areas (B1, B2,
  B10, B12, C7, C8, C9, D7, A8, A9).
* :class:`ProcedureBlocks` — the areas E2 takes out of every step (14 days from a
  procedure) and the areas E1 keeps actives off (the 7 days before one).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from datetime import date, timedelta
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from milia_cli.catalogue import BODY_AREAS, EYE_AREAS, FACE_AREAS
from milia_cli.logmodel import Event, ProfileChange
from milia_cli.profile_model import Profile
from milia_cli.records import NamedTuple

if TYPE_CHECKING:
    from typing import TypedDict

    class _OpenEpisode(TypedDict):
        """The episode :func:`episodes` is reading (an :class:`Episode` once closed)."""

        kind: str
        day: date
        severe: date | None
        resumed: date | None
        cleared: date | None
        restart: date | None
        triggers: list[date]
        need_calm: bool
        need_resume: bool
        last: date

AFTERCARE_DAYS = 14  # E2 (D): the procedure day included
BEFORE_PROCEDURE_DAYS = 7  # E1 (D): actives paused on the area the 7 days before a planned procedure
ACID_PAUSE_DAYS = 7  # B6/C5: no acid for 7 days from the day irritation 2+ was logged
RUN_AFTER_WEEK = 4  # B6: irritation >= 1 on two logs in a row counts after week 4
ADULT_AGE = 18
BABY_AGE = 2
ALL = "*"  # an event without areas takes every area (cautious)
PREGNANT_LIKE = ("pregnant", "trying")  # B1, C7 (revision 2: trying as pregnant)


# -- the profile on a day ------------------------------------------------------------------------
def _apply(profile: Profile, key: str, value: Any) -> Profile:  # value: as ProfileChange's, by a dotted key
    if "." not in key:
        if key in ("pregnancy", "birth_year"):
            return profile._replace(**{key: value})
        return profile
    section, sub = key.split(".", 1)
    part = getattr(profile, section, None)
    if part is None or sub not in getattr(part, "_fields", ()):
        return profile  # an unknown key changes nothing the planner reads
    if isinstance(value, list):
        value = tuple(value)
    return profile._replace(**{section: part._replace(**{sub: value})})


def implied_pregnancy_change(profile: Profile, changes: Iterable[ProfileChange]) -> ProfileChange | None:
    """The change a file's ``pregnancy_since`` stands for when the log holds none on that date
    (a client's file read where its log is not): from the cautious reading of the unknown
    earlier status to the file's status. `profile set pregnancy` writes it into the log before
    it records a new change, so the file's date keeps its meaning when the TOML's moves."""
    since = profile.pregnancy_since
    if since is None or any(c.key == "pregnancy" and c.date == since for c in changes):
        return None
    before = "none" if profile.pregnancy != "none" else "pregnant"  # unknown: the cautious reading
    return ProfileChange(since, "pregnancy", before, profile.pregnancy)


class ProfileTimeline:
    """The profile of each day: ``on(day)`` is O(log changes)."""

    __slots__ = ("dates", "profiles", "changes")

    def __init__(self, profile: Profile, changes: Iterable[ProfileChange] = ()) -> None:
        changes = sorted(changes, key=lambda c: c.date)
        implied = implied_pregnancy_change(profile, changes)
        if implied is not None:
            changes.append(implied)
            changes.sort(key=lambda c: c.date)
        self.changes = tuple(changes)
        # segments: profiles[i] holds from dates[i] on (dates[0] = date.min)
        current = profile
        dates = [date.min]
        profiles = [current]
        by_date: dict[date, list[ProfileChange]] = {}
        for ch in changes:
            by_date.setdefault(ch.date, []).append(ch)
        for day in sorted(by_date, reverse=True):
            for ch in reversed(by_date[day]):
                current = _apply(current, ch.key, ch.old)
            dates.insert(1, day)
            profiles.insert(0, current)
        # profiles[0] is the earliest state; profiles[i] holds from dates[i]
        self.dates, self.profiles = tuple(dates), tuple(profiles)

    def on(self, day: date) -> Profile:
        return self.profiles[bisect_right(self.dates, day) - 1]

    def between(self, first: date, last: date) -> tuple[Profile, ...]:
        """The profiles that hold on some day of ``first..last``, latest first."""
        lo = bisect_right(self.dates, first) - 1
        hi = bisect_right(self.dates, last) - 1
        return tuple(reversed(self.profiles[lo:hi + 1]))

    def change_days(self) -> tuple[date, ...]:
        return self.dates[1:]


# -- who may have which active -------------------------------------------------------------------
def age_flags(profile: Profile, today: date) -> tuple[bool, bool, bool]:
    """(minor, baby, future) for A8, from the birth year and the injected ``today``.

    Only a year is known: anyone who may still be 17 this year counts as under 18 (D), and
    anyone who may still be under 2 gets the baby wording."""
    year = profile.birth_year
    if year is None:
        return False, False, False
    future = year > today.year
    minor = future or today.year - year <= ADULT_AGE
    baby = not future and today.year - year <= BABY_AGE
    return minor, baby, future


def b10(profile: Profile) -> bool:
    return profile.cautions.isotretinoin_recent or profile.cautions.eczema_or_rosacea


def eye_only(profile: Profile) -> bool:
    """A9: milia only in the eye areas."""
    areas = profile.milia.areas
    return bool(areas) and all(a in EYE_AREAS for a in areas)


def body_only(profile: Profile) -> bool:
    """A10: milia only on the body."""
    areas = profile.milia.areas
    return bool(areas) and all(a in BODY_AREAS for a in areas)


def active_areas(milia_areas: tuple[str, ...], *, face_only: bool = False) -> tuple[str, ...]:
    """Where an active goes: the whole face (B3) when milia are on the face or around the
    eyes (or no areas are given), plus body areas with milia; never an eye area."""
    face = not milia_areas or any(a in FACE_AREAS or a in EYE_AREAS for a in milia_areas)
    out: tuple[str, ...] = FACE_AREAS if face else ()
    if not face_only:
        out = out + tuple(a for a in BODY_AREAS if a in milia_areas)
    return out


def allowed_actives(profile: Profile, minor: bool) -> dict[str, tuple[str, ...]]:
    """Each active this profile may have, with its areas (before procedures take any out)."""
    c = profile.cautions
    if minor or b10(profile) or eye_only(profile):  # A8, B10, A9
        return {}
    agreed = c.prescriber_agreed
    if c.facial_steroid and not agreed:  # D7: no new active until the prescriber agrees
        return {}
    out: dict[str, tuple[str, ...]] = {}
    areas = profile.milia.areas
    nursing = profile.pregnancy == "breastfeeding"
    if profile.pregnancy == "none" and not c.prescription_retinoid:  # B1, B2, B12
        out["retinol"] = active_areas(areas)
    if not (c.photosensitizing_medicine and not agreed) and not (c.prescription_retinoid and not agreed):  # C8, B12
        acid = active_areas(areas, face_only=profile.pregnancy in PREGNANT_LIKE)  # C7
        if nursing:
            acid = tuple(a for a in acid if a != "chest")  # C9
        out["exfoliate"] = acid
    return {k: v for k, v in out.items() if v}


# -- pauses and stops ----------------------------------------------------------------------------
class Episode(NamedTuple):
    kind: str  # "B6" (pause) or "B7" (stop)
    day: date  # the check-in that started it: no active from that evening
    severe: date | None  # the last irritation-3 day (B7)
    resumed: date | None  # the `resume` event that lifted a stop
    cleared: date | None  # the check-in (or resume) after which actives may return
    restart: date | None  # the first day actives may return (a week boundary); None: not yet
    triggers: tuple[date, ...]  # each day irritation >= 2 (or the B6 run) was logged

    def covers(self, day: date) -> bool:
        return self.day <= day and (self.restart is None or day < self.restart)


def _boundary(start: date, day: date) -> date:
    """The first plan-week start after ``day``."""
    return start + timedelta(days=7 * ((day - start).days // 7 + 1))


def episodes(irritations: Iterable[tuple[date, int | None]], events: Iterable[Event],
             start: date) -> tuple[Episode, ...]:
    """The B6/B7 episodes of a log, in date order (see the module docstring)."""
    resumes = sorted(e.date for e in events if e.kind == "resume")
    items: list[tuple[date, int, int | None]] = [(d, 0, irr) for d, irr in irritations if irr is not None]
    items += [(r, 1, None) for r in resumes]
    items.sort(key=itemgetter(0, 1))
    out: list[Episode] = []
    cur: _OpenEpisode | None = None
    last_irr: int | None = None
    last_day: date | None = None
    try:  # a day of week RUN_AFTER_WEEK + 1 or later: (day - start).days // 7 + 1 > RUN_AFTER_WEEK
        run_from: date | None = start + timedelta(days=7 * RUN_AFTER_WEEK)
    except OverflowError:
        run_from = None  # no day is that late

    def close() -> None:
        nonlocal cur
        assert cur is not None
        out.append(Episode(cur["kind"], cur["day"], cur["severe"], cur["resumed"], cur["cleared"],
                           cur["restart"], tuple(cur["triggers"])))
        cur = None

    for day, is_resume, irr in items:
        if cur is None:  # most days of a long log: no pause or stop open, a quick look at the day
            if is_resume:
                continue
            assert irr is not None  # only a resume has no irritation
            run = (irr >= 1 and last_irr is not None and last_irr >= 1 and run_from is not None
                   and last_day is not None and last_day >= run_from and day >= run_from)
            last_irr, last_day = irr, day
            if irr >= 2 or run:
                cur = {"kind": "B6", "day": day, "severe": None, "resumed": None, "cleared": None, "restart": None,
                       "triggers": [day], "need_calm": True, "need_resume": False, "last": day}
                if irr >= 3:
                    cur["kind"], cur["severe"], cur["need_resume"], cur["need_calm"] = "B7", day, True, False
            continue
        if cur["restart"] is not None and day >= cur["restart"]:
            close()
        if is_resume:
            # (need_resume is set with severe, B7)
            if cur is not None and cur["need_resume"] and cur["severe"] is not None and day >= cur["severe"]:
                cur["need_resume"] = False
                cur["resumed"] = day
                if not cur["need_calm"]:
                    cur["cleared"], cur["restart"] = day, _boundary(start, day)
            continue
        assert irr is not None  # only a resume has no irritation
        run = (irr >= 1 and last_irr is not None and last_irr >= 1 and last_day is not None
               and (last_day - start).days // 7 + 1 > RUN_AFTER_WEEK and (day - start).days // 7 + 1 > RUN_AFTER_WEEK)
        last_irr, last_day = irr, day
        if irr >= 2 or (run and cur is None):
            if cur is None:
                cur = {"kind": "B6", "day": day, "severe": None, "resumed": None, "cleared": None, "restart": None,
                       "triggers": [], "need_calm": False, "need_resume": False, "last": day}
            cur["triggers"].append(day)
            cur["last"] = day
            cur["cleared"] = cur["restart"] = None
            if irr >= 3:
                cur["kind"], cur["severe"], cur["need_resume"], cur["resumed"] = "B7", day, True, None
            else:
                cur["need_calm"] = True
        elif cur is not None and irr <= 1 and cur["need_calm"] and day > cur["last"]:
            cur["need_calm"] = False
            if not cur["need_resume"]:
                cur["cleared"], cur["restart"] = day, _boundary(start, day)
    if cur is not None:
        close()
    return tuple(out)


class EpisodeIndex:
    """Which episode covers a day, and the acid's 7-day pauses (C5), by bisection."""

    __slots__ = ("items", "_starts", "_acid")

    def __init__(self, items: tuple[Episode, ...]) -> None:
        self.items = items
        self._starts = [e.day for e in items]
        self._acid = sorted(d for e in items for d in e.triggers)

    def at(self, day: date) -> Episode | None:
        i = bisect_right(self._starts, day) - 1
        if i >= 0 and self.items[i].covers(day):
            return self.items[i]
        return None

    def touching(self, first: date, end: date) -> list[Episode]:
        """The episodes that cover some day of ``first`` .. ``end`` (exclusive), in date order."""
        i = bisect_left(self._starts, end) - 1  # the last begun before ``end``
        out = []
        while i >= 0:
            ep = self.items[i]
            if ep.restart is not None and ep.restart <= first:
                break
            out.append(ep)
            i -= 1
        return out[::-1]

    def acid_masks(self, ws: date) -> tuple[int, int]:
        """The acid's paused days of the week from ``ws`` as bitmasks: (as known at ``ws`` —
        triggers before it —, with every trigger)."""
        lo = bisect_right(self._acid, ws - timedelta(days=ACID_PAUSE_DAYS))
        hi = bisect_right(self._acid, ws + timedelta(days=6))
        known = now = 0
        for t in self._acid[lo:hi]:
            off = (t - ws).days
            lo_day, hi_day = max(0, off), min(7, off + ACID_PAUSE_DAYS)
            bits = (1 << hi_day) - (1 << lo_day) if hi_day > lo_day else 0  # days lo_day .. hi_day - 1
            now |= bits
            if t < ws:
                known |= bits
        return known, now

    def acid_paused_in(self, first: date, last: date) -> bool:
        """Whether the acid is paused on any day of ``first..last``."""
        i = bisect_right(self._acid, last) - 1
        return i >= 0 and self._acid[i] > first - timedelta(days=ACID_PAUSE_DAYS)

    def acid_paused(self, day: date, before: date | None = None) -> bool:
        """No acid on ``day``: irritation 2+ was logged in the 7 days up to it (only triggers
        before ``before`` when given: what was known at a week's start)."""
        i = bisect_right(self._acid, day if before is None or before > day else before - timedelta(days=1)) - 1
        return i >= 0 and day < self._acid[i] + timedelta(days=ACID_PAUSE_DAYS)


# -- procedures ----------------------------------------------------------------------------------
_EVERY_AREA = frozenset({ALL})
_AFTERCARE_STEPS = tuple(timedelta(days=i) for i in range(AFTERCARE_DAYS))  # the procedure day on
_BEFORE_STEPS = tuple(timedelta(days=i) for i in range(1, BEFORE_PROCEDURE_DAYS + 1))  # the days before it


class ProcedureBlocks:
    """E2: areas out of every step (14 days from each procedure); E1: areas actives keep off
    in the 7 days before one."""

    __slots__ = ("aftercare", "before", "procedures", "_days")

    def __init__(self, procedures: Iterable[Event]) -> None:
        self.procedures = tuple(procedures)
        self._days = sorted(ev.date for ev in self.procedures)  # any_between bisects them
        # each day's areas, one frozenset shared by the days of a procedure (a union where two meet)
        after: dict[date, frozenset[str]] = {}
        before: dict[date, frozenset[str]] = {}
        for ev in self.procedures:
            areas = frozenset(ev.areas) if ev.areas else _EVERY_AREA
            day = ev.date
            for step in _AFTERCARE_STEPS:
                got = after.get(day + step)
                after[day + step] = areas if got is None else got | areas
            for step in _BEFORE_STEPS:
                got = before.get(day - step)
                before[day - step] = areas if got is None else got | areas
        self.aftercare, self.before = after, before

    def any_between(self, first: date, last: date) -> bool:
        """Whether a procedure takes any area on a day of ``first..last`` (E1 or E2)."""
        days = self._days
        if not days:
            return False
        # the first procedure whose aftercare reaches ``first``: does its E1 week start by ``last``?
        i = bisect_left(days, first - timedelta(days=AFTERCARE_DAYS - 1))
        return i < len(days) and days[i] - timedelta(days=BEFORE_PROCEDURE_DAYS) <= last

    def treated(self, day: date) -> frozenset[str]:
        return self.aftercare.get(day, frozenset())

    def off_for_actives(self, day: date) -> frozenset[str]:
        a, b = self.aftercare.get(day), self.before.get(day)
        if a and b:
            return a | b
        return a or b or frozenset()
