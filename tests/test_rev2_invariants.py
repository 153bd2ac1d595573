"""SPEC.md invariants 10–16 (revision 2) as properties over generated profiles AND courses —
irritation inside pauses, resume events, pregnancy changes mid-plan (ProfileChange and
pregnancy_since), past and planned procedures on the eye areas — on the plan, on `today`
(day_view, which must equal the plan's day) and on the ICS export. Invariants 1–9 are also
checked on every generated course (``test_invariants.check_*``)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from milia_cli.logmodel import Log, ProfileChange
from milia_cli.planner import build_plan, day_view
from milia_cli.profile import Profile
from tests.support.invariants import check_log_free_invariants
from tests.support.strategies import courses, rev2_profiles

pytestmark = pytest.mark.slow  # real processes, servers, a browser or whole courses: not in the quick loop

WEEKS = 14
ACT = ("retinol", "exfoliate")
EYES = {"upper-eyelids", "under-eyes"}
FACE_GROUP = {"forehead", "cheeks", "nose", "chin", "upper-eyelids", "under-eyes"}
COMBINED = {"sensitive": 3, "dry": 4}


def with_course(profile: Profile, log: Log) -> Profile:
    """The profile as it is now, after the course's pregnancy changes."""
    changes = [ch for ch in log.changes if ch.key == "pregnancy"]
    if changes:
        return profile._replace(pregnancy=changes[-1].new, pregnancy_since=None)
    return profile


def status_on(profile: Profile, log: Log, day: date) -> str:
    """Pregnancy status on ``day``, read independently of the planner."""
    changes = [ch for ch in log.changes if ch.key == "pregnancy"]
    if changes:
        status = changes[0].old
        for ch in changes:
            if ch.date <= day:
                status = ch.new
        return status
    if profile.pregnancy_since is not None and day < profile.pregnancy_since and profile.pregnancy != "none":
        return "none"
    return profile.pregnancy


def set_key(profile: Profile, key: str, value) -> Profile:
    section, _, sub = key.partition(".")
    if not sub:
        return profile._replace(**{key: value})
    return profile._replace(**{section: getattr(profile, section)._replace(**{sub: value})})


def get_key(profile: Profile, key: str):
    section, _, sub = key.partition(".")
    return getattr(profile, key) if not sub else getattr(getattr(profile, section), sub)


def profile_on(profile: Profile, log: Log, day: date) -> Profile:
    """The profile on ``day``, undoing (independently of the planner) the changes dated after it."""
    for ch in sorted(log.changes, key=lambda c: c.date, reverse=True):
        if ch.date > day and ch.key != "pregnancy":
            profile = set_key(profile, ch.key, ch.old)
    return profile


OTHER_KEYS = {
    "skin.type": ["normal", "dry", "oily", "combination", "sensitive"],
    "milia.areas": [("upper-eyelids",), ("chest", "cheeks"), ("nose", "under-eyes"), ("chest",), ()],
    "cautions.photosensitizing_medicine": [True, False], "cautions.facial_steroid": [True, False],
    "cautions.prescription_retinoid": [True, False], "cautions.prescriber_agreed": [True, False],
}


def minor(profile: Profile, today: date) -> bool:
    y = profile.birth_year
    return y is not None and (y > today.year or today.year - y <= 18)


def actives(day: dict) -> list[dict]:
    return [s for s in day["pm"] + day["am"] if s["step"] in ACT]


def check_rev2(profile: Profile, log: Log, plan: dict, today: date) -> None:
    days = plan["days"]
    by_date = {date.fromisoformat(d["date"]): d for d in days}
    start = date.fromisoformat(plan["start"])
    # 13. under 18 -> no step on any day, an A8 refer notice
    if minor(profile, today):
        assert all(not d["am"] and not d["pm"] for d in days)
        assert any(n["id"] == "A8" and n["level"] == "refer" for n in plan["notices"])
        return
    # 1 (dated). no retinol on a day the status was pregnant, trying or breastfeeding
    for day, d in by_date.items():
        if status_on(profile, log, day) != "none":
            assert not any(s["step"] == "retinol" for s in actives(d)), day
    # 10. irritation 2 -> no active from d until a later 0-1 check-in; no exfoliate before d + 7
    #     irritation 3 -> no active after d until a resume; then the first active week is at the bottom
    resumes = sorted(e.date for e in log.events if e.kind == "resume")
    for ch in log.checkins:
        if ch.irritation == 2:
            calm = next((x.date for x in log.checkins if x.date > ch.date and x.irritation in (0, 1)), date.max)
            for day, d in by_date.items():
                if ch.date <= day <= calm:
                    assert not actives(d), ("B6", ch.date, day)
                if ch.date <= day < ch.date + timedelta(days=7):
                    assert not any(s["step"] == "exfoliate" for s in actives(d)), ("C5", ch.date, day)
        if ch.irritation == 3:
            resume = next((r for r in resumes if r >= ch.date), date.max)
            for day, d in by_date.items():
                if ch.date <= day <= resume:
                    assert not actives(d), ("B7", ch.date, day)
            later = sorted(day for day, d in by_date.items() if day > resume and actives(d))
            if later:
                w = (later[0] - start).days // 7
                week = [d for d in days if d["week"] == w + 1]
                for step in ACT:
                    assert sum(1 for d in week for s in actives(d) if s["step"] == step) <= 1, ("bottom", step)
            if start <= ch.date < start + timedelta(days=7 * plan["weeks"]):
                assert any(n["id"] == "B7" for n in plan["notices"])
    # 11. at most one active joins or rises a week; the combined cap (of the week's first day)
    per_week = {}
    for d in days:
        for s in actives(d):
            per_week[(s["step"], d["week"])] = per_week.get((s["step"], d["week"]), 0) + 1
    for w in range(1, plan["weeks"] + 1):
        risers = [s for s in ACT if per_week.get((s, w), 0) > per_week.get((s, w - 1), 0)]
        assert len(risers) <= 1, (w, per_week)
        cap = COMBINED.get(profile_on(profile, log, start + timedelta(days=7 * (w - 1))).skin.type, 5)
        assert sum(per_week.get((s, w), 0) for s in ACT) <= cap, (w, per_week)
    # 14. a procedure: 14 days without its areas in any step, in every step's avoid; 7 days before: no active there
    for ev in log.events:
        if ev.kind == "resume":
            continue
        for i in range(14):
            d = by_date.get(ev.date + timedelta(days=i))
            if d is None:
                continue
            for s in d["am"] + d["pm"]:
                assert ev.areas, ("every area treated: no step at all", s)
                assert not set(ev.areas) & set(s["areas"]), (ev, s["step"], s["areas"])
                if set(ev.areas) & FACE_GROUP:
                    assert "face" not in s["areas"], (ev, s["step"])
                assert set(ev.areas) <= set(s["avoid"]), (ev, s["step"], s["avoid"])
        for i in range(1, 8):
            d = by_date.get(ev.date - timedelta(days=i))
            if d is None:
                continue
            for s in actives(d):
                assert ev.areas and not set(ev.areas) & set(s["areas"]), ("E1", ev, s["areas"])
    # 15. C8 / D7 without agreement, B12; 16. A9 eye-only: no actives (each day's profile)
    for day, d in by_date.items():
        c = profile_on(profile, log, day).cautions
        areas = profile_on(profile, log, day).milia.areas
        steps = {s["step"] for s in actives(d)}
        if c.photosensitizing_medicine and not c.prescriber_agreed:
            assert "exfoliate" not in steps, day
        if c.facial_steroid and not c.prescriber_agreed:
            assert not steps, day
        if c.prescription_retinoid:
            assert "retinol" not in steps, day
        if areas and set(areas) <= EYES:
            assert not steps, day
    # 16. breastfeeding: no active on the chest; trying: acids on the face only
    for day, d in by_date.items():
        status = status_on(profile, log, day)
        for s in actives(d):
            if status == "breastfeeding":
                assert "chest" not in s["areas"]
            if status in ("trying", "pregnant") and s["step"] == "exfoliate":
                assert set(s["areas"]) <= {"forehead", "cheeks", "nose", "chin"}, s["areas"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), profile=rev2_profiles(), today_offset=st.integers(-20, 120))
def test_invariants_10_to_16_on_generated_courses(data, profile, today_offset):
    log = data.draw(courses(profile.schedule.start))
    profile = with_course(profile, log)
    for key in data.draw(st.lists(st.sampled_from(sorted(OTHER_KEYS)), unique=True, max_size=2)):
        old = get_key(profile, key)
        new = data.draw(st.sampled_from([v for v in OTHER_KEYS[key] if v != old]))
        when = profile.schedule.start + timedelta(days=data.draw(st.integers(1, 7 * WEEKS)))
        changes = tuple(sorted(log.changes + (ProfileChange(when, key, old, new),), key=lambda c: c.date))
        log, profile = log._replace(changes=changes), set_key(profile, key, new)
    today = profile.schedule.start + timedelta(days=today_offset)
    plan = build_plan(profile, log, weeks=WEEKS, today=today).to_dict()
    check_rev2(profile, log, plan, today)
    if not log.changes and profile.pregnancy_since is None:
        check_log_free_invariants(profile, plan, today, log)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), profile=rev2_profiles(), today_offset=st.integers(-20, 120))
def test_today_equals_the_plan_on_that_day(data, profile, today_offset):
    """`today` (day_view) shows the plan's steps of that day and only notices the plan has."""
    log = data.draw(courses(profile.schedule.start))
    profile = with_course(profile, log)
    start = profile.schedule.start
    today = start + timedelta(days=today_offset)
    plan = build_plan(profile, log, weeks=WEEKS, today=today)
    ids = {n.id for n in plan.notices}
    for offset in data.draw(st.lists(st.integers(0, 7 * WEEKS - 1), min_size=1, max_size=4)):
        day = start + timedelta(days=offset)
        view = day_view(profile, log, day, today=today)
        assert view.day == plan.day(day)
        # A6/A7 (and E1 with A7) are "as of" notices: in `today` as of that day, in the plan as of its end
        assert {n.id for n in view.notices} - {"A6", "A7", "E1"} <= ids, day
        for n in view.notices:
            if n.id in ("B6", "B7", "E2", "B13"):
                assert any(m.id == n.id for m in plan.notices)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), profile=rev2_profiles(), today_offset=st.integers(-20, 120))
def test_today_shows_a_pause_or_stop_on_its_days(data, profile, today_offset):
    log = data.draw(courses(profile.schedule.start))
    profile = with_course(profile, log)
    start = profile.schedule.start
    today = start + timedelta(days=today_offset)
    for ch in log.checkins:
        if ch.irritation in (2, 3) and ch.date >= start and not minor(profile, today):
            view = day_view(profile, log, ch.date, today=today)
            assert any(n.id in ("B6", "B7") for n in view.notices), ch


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), profile=rev2_profiles(),
       key=st.sampled_from(["pregnancy", "milia.areas", "cautions.facial_steroid", "cautions.photosensitizing_medicine",
                            "cautions.prescription_retinoid", "skin.type", "habits.makeup"]),
       offset=st.integers(1, 90), today_offset=st.integers(-20, 120))
def test_invariant_12_a_change_never_rewrites_the_days_before_it(data, profile, key, offset, today_offset):
    start = profile.schedule.start
    log = data.draw(courses(start))._replace(changes=())
    profile = profile._replace(pregnancy_since=None)
    section, _, sub = key.partition(".")
    old = getattr(profile, key) if not sub else getattr(getattr(profile, section), sub)
    choices = {"pregnancy": ["none", "trying", "pregnant", "breastfeeding"],
               "milia.areas": [("upper-eyelids",), ("chest", "cheeks"), (), ("nose", "under-eyes")],
               "skin.type": ["normal", "dry", "oily", "combination", "sensitive"]}.get(key, [True, False])
    new = data.draw(st.sampled_from([c for c in choices if c != old]))
    if sub:
        changed = profile._replace(**{section: getattr(profile, section)._replace(**{sub: new})})
    else:
        changed = profile._replace(**{key: new})
    when = start + timedelta(days=offset)
    today = start + timedelta(days=today_offset)
    before = build_plan(profile, log, weeks=WEEKS, today=today).to_dict()["days"]
    after = build_plan(changed, log._replace(changes=(ProfileChange(when, key, old, new),)), weeks=WEEKS,
                       today=today).to_dict()["days"]
    cut = when.isoformat()
    assert [d for d in after if d["date"] < cut] == [d for d in before if d["date"] < cut]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), profile=rev2_profiles(), today_offset=st.integers(-20, 120), expand=st.booleans())
def test_ics_has_no_active_on_a_day_the_plan_has_none(data, profile, today_offset, expand):
    """Parse what the ICS exporter writes (icalendar) and check every retinol/exfoliate occurrence."""
    import icalendar
    from dateutil.rrule import rrulestr

    from milia_cli.exporters.ics import export_ics

    log = data.draw(courses(profile.schedule.start))
    profile = with_course(profile, log)
    today = profile.schedule.start + timedelta(days=today_offset)
    plan = build_plan(profile, log, weeks=WEEKS, today=today)
    cal = icalendar.Calendar.from_ical(export_ics(plan, profile, expand=expand, per_step=True))
    planned = {(d.date, s.step) for d in plan.days for s in d.pm if s.active}
    seen = set()
    for ev in cal.walk("VEVENT"):
        cats = [str(c) for cat in (ev.get("categories") if isinstance(ev.get("categories"), list)
                                   else [ev.get("categories")]) for c in cat.cats]
        step = next((c for c in cats if c in ACT), None)
        if step is None:
            continue
        first = ev.decoded("dtstart")
        occurrences = [first]
        if ev.get("rrule") is not None:
            rule = ev.get("rrule").to_ical().decode()
            occurrences = list(rrulestr(rule, dtstart=first))
        for when in occurrences:
            day = when.date()
            assert (day, step) in planned, (day, step)
            seen.add((day, step))
    assert seen == planned


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), profile=rev2_profiles(), today_offset=st.integers(-20, 120))
def test_every_view_of_a_course_is_the_plan(data, profile, today_offset):
    """plan_days (checkin) and plan_skeleton's step ids (stats) agree with build_plan on courses."""
    from milia_cli.planner import plan_days, plan_skeleton

    log = data.draw(courses(profile.schedule.start))
    profile = with_course(profile, log)
    start = profile.schedule.start
    today = start + timedelta(days=today_offset)
    full = build_plan(profile, log, weeks=WEEKS, today=today)
    lo = data.draw(st.integers(0, 7 * WEEKS - 1))
    hi = data.draw(st.integers(lo, 7 * WEEKS - 1))
    first, last = start + timedelta(days=lo), start + timedelta(days=hi)
    assert plan_days(profile, log, first, last, today=today) == tuple(d for d in full.days if first <= d.date <= last)
    skeleton = plan_skeleton(profile, log, weeks=WEEKS, today=today, through=last, window_first=first)
    assert skeleton.step_ids == tuple((d.date, d.step_ids()) for d in full.days if d.date <= last)
    assert skeleton.levels == full.levels
