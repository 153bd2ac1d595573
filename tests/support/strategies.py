"""Hypothesis strategies for profiles, start dates and logs, shared by the planner tests."""

from __future__ import annotations

from datetime import date, time, timedelta

from hypothesis import strategies as st

from milia_cli.logmodel import PROCEDURE_KINDS, CheckIn, Event, Log
from milia_cli.profile import (
    AREAS,
    PREGNANCY,
    SKIN_TYPES,
    Cautions,
    Habits,
    Milia,
    Profile,
    Schedule,
    Skin,
)

# Leap days, DST change days (EU and US), year ends, plus anything in between.
SPECIAL_DAYS = [
    date(2024, 2, 29), date(2028, 2, 29), date(2026, 3, 29), date(2026, 10, 25), date(2026, 3, 8),
    date(2026, 11, 1), date(2026, 12, 31), date(2027, 1, 1), date(2025, 12, 29), date(2099, 12, 31),
]
ZONES = ["Europe/Berlin", "America/New_York", "Australia/Sydney", "UTC", "Pacific/Chatham"]

start_dates = st.one_of(st.sampled_from(SPECIAL_DAYS), st.dates(date(2000, 1, 1), date(2099, 12, 31)))
areas = st.lists(st.sampled_from(AREAS), unique=True).map(lambda xs: tuple(a for a in AREAS if a in xs))


@st.composite
def profiles(draw, start=None) -> Profile:
    return Profile(
        name=draw(st.sampled_from(["ana", "client-7", "Zoë"])),
        pregnancy=draw(st.sampled_from(PREGNANCY)),
        skin=Skin(type=draw(st.sampled_from(SKIN_TYPES)), tone_prone_to_dark_spots=draw(st.booleans())),
        milia=Milia(areas=draw(areas)),
        habits=Habits(makeup=draw(st.booleans()), under_eye_concealer=draw(st.booleans()),
                      smoker=draw(st.booleans())),
        cautions=Cautions(**{k: draw(st.sampled_from([False, False, False, True]))
                             for k in ("isotretinoin_recent", "eczema_or_rosacea", "photosensitizing_medicine",
                                       "facial_steroid", "keloid_prone", "cold_sores", "anticoagulants")}),
        schedule=Schedule(start=start or draw(start_dates), timezone=draw(st.sampled_from(ZONES)),
                          am=time(7, 30), pm=time(21, 30)),
        birth_year=draw(st.one_of(st.none(), st.integers(1900, 2100))),
    )


@st.composite
def logs(draw, start: date, days: int = 84) -> Log:
    """Check-ins (mostly calm, with some irritation and picking) and a few procedures."""
    offsets = draw(st.lists(st.integers(-10, days + 7), unique=True, max_size=60))
    checkins = []
    for off in sorted(offsets):
        irr = draw(st.sampled_from([None, 0, 0, 0, 1, 1, 2, 3]))
        checkins.append(CheckIn(date=start + timedelta(days=off), irritation=irr,
                                picked=draw(st.sampled_from([False] * 9 + [True]))))
    events = []
    for off in sorted(draw(st.lists(st.integers(-20, days), max_size=3))):
        events.append(Event(date=start + timedelta(days=off), kind=draw(st.sampled_from(PROCEDURE_KINDS)),
                            areas=draw(areas)))
    return Log(checkins=tuple(checkins), events=tuple(events))


# -- revision 2: whole courses ------------------------------------------------------------------
EYE_SIDE = ("upper-eyelids", "under-eyes")
procedure_areas = st.one_of(st.just(()), st.lists(st.sampled_from(AREAS), unique=True, min_size=1, max_size=3)
                            .map(lambda xs: tuple(a for a in AREAS if a in xs)),
                            st.sampled_from([("upper-eyelids",), ("under-eyes",), EYE_SIDE]))


@st.composite
def rev2_profiles(draw, start=None) -> Profile:
    """Profiles with the revision-2 cautions and, sometimes, a dated pregnancy status."""
    p = draw(profiles(start=start))
    cautions = p.cautions._replace(prescription_retinoid=draw(st.sampled_from([False, False, False, True])),
                                   prescriber_agreed=draw(st.booleans()))
    p = p._replace(cautions=cautions, birth_year=draw(st.one_of(st.none(), st.none(), st.integers(1950, 2030))))
    if draw(st.booleans()):
        p = p._replace(milia=Milia(areas=draw(st.sampled_from(
            [("upper-eyelids",), EYE_SIDE, ("chest",), ("chest", "back"), ("cheeks", "chest"), ("under-eyes", "nose")]))))
    if p.pregnancy != "none" and draw(st.booleans()):
        p = p._replace(pregnancy_since=p.schedule.start + timedelta(days=draw(st.integers(-10, 90))))
    return p


@st.composite
def courses(draw, start: date, days: int = 98) -> Log:
    """A course: check-ins with irritation (also inside pauses), counts and new bumps, resume
    events, procedures (past or planned, often on the eye areas) and dated pregnancy changes."""
    from milia_cli.logmodel import ProfileChange

    offsets = draw(st.lists(st.integers(-7, days + 7), unique=True, max_size=70))
    checkins = []
    for off in sorted(offsets):
        checkins.append(CheckIn(date=start + timedelta(days=off),
                                irritation=draw(st.sampled_from([None, 0, 0, 0, 1, 1, 1, 2, 2, 3])),
                                count=draw(st.one_of(st.none(), st.integers(0, 40))),
                                bumps=draw(st.one_of(st.none(), st.integers(0, 3))),
                                picked=draw(st.sampled_from([False] * 9 + [True]))))
    events = []
    for off in draw(st.lists(st.integers(-20, days + 20), max_size=3)):
        events.append(Event(date=start + timedelta(days=off), kind=draw(st.sampled_from(PROCEDURE_KINDS)),
                            areas=draw(procedure_areas)))
    for off in draw(st.lists(st.integers(0, days), max_size=3)):
        events.append(Event(date=start + timedelta(days=off), kind="resume", seen_clinician=draw(st.booleans())))
    events.sort(key=lambda e: (e.date, e.kind))
    changes = []
    status = "none"
    for off in sorted(draw(st.lists(st.integers(1, days), unique=True, max_size=2))):
        new = draw(st.sampled_from([s for s in PREGNANCY if s != status]))
        changes.append(ProfileChange(start + timedelta(days=off), "pregnancy", status, new))
        status = new
    return Log(checkins=tuple(checkins), events=tuple(events), changes=tuple(changes))
