"""Helpers shared by the exporter tests: profiles, hand-built plans, ICS occurrences.

No tests here. ``plan_for`` runs the real planner; ``hand_plan`` builds a plan by hand
(same model, :mod:`milia_cli.plan`) whose frequencies change week by week, so the
exporters are also tested independently of the planner's choices.
"""

from __future__ import annotations

import tomllib
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

from conftest import BASE_PROFILE, TODAY
from milia_cli.logmodel import EMPTY_LOG
from milia_cli.plan import Day, Level, Notice, Plan, Step
from milia_cli.profile import AREAS, PREGNANCY, SKIN_TYPES, Profile, profile_from_dict

DST_ZONES = ("Europe/Berlin", "America/New_York", "Australia/Sydney", "America/Santiago", "Asia/Kolkata",
             "Europe/London", "Pacific/Auckland")

from milia_cli.planner import build_plan  # noqa: E402  (after the zones the strategies use)


def base_dict(**changes) -> dict:
    doc = tomllib.loads(BASE_PROFILE)
    for key, value in changes.items():
        if "." in key:
            section, sub = key.split(".", 1)
            doc[section][sub] = value
        else:
            doc[key] = value
    return doc


def profile(**changes) -> Profile:
    return profile_from_dict(base_dict(**changes), "test.toml")


def plan_for(prof: Profile, weeks: int = 12, *, hand_built: bool = False) -> Plan:
    if hand_built:
        return hand_plan(prof, weeks)
    return build_plan(prof, EMPTY_LOG, weeks=weeks, today=TODAY)


def _step(step: str, slot: str, title: str, how: str = "", *, areas=("face",), avoid=(), rules=("D1",)) -> Step:
    return Step(step=step, slot=slot, title=title, areas=tuple(areas), avoid=tuple(avoid), how=how,
                rules=tuple(rules))


EYES = ("upper-eyelids", "under-eyes", "lips")


def hand_plan(prof: Profile, weeks: int = 12, *, title_suffix: str = "") -> Plan:
    """A plausible titrating plan, built by hand (no planner): frequencies change by week."""
    start = prof.schedule.start
    no_retinol = prof.pregnancy != "none"
    sfx = title_suffix
    days = []
    for n in range(weeks * 7):
        when = start + timedelta(n)
        week, offset = n // 7 + 1, n % 7
        per_week = 0 if no_retinol or week == 6 else (2 if week <= 2 else 3 if week <= 4 else 4)
        retinol_offsets = {0: (), 2: (0, 3), 3: (0, 2, 4), 4: (0, 2, 4, 6)}[per_week]
        acid = week >= 3 and week != 6 and offset == 5
        am = [_step("cleanse", "am", "Gentle cleanser" + sfx, "Lukewarm water, pat dry.")]
        pm = []
        if prof.habits.makeup:
            pm.append(_step("remove-makeup", "pm", "Remove all makeup" + sfx, "Micellar water first."))
        pm.append(_step("cleanse", "pm", "Gentle cleanser" + sfx, "Lukewarm water."))
        if offset in retinol_offsets:
            pm.append(_step("retinol", "pm", "Retinol (lowest strength)" + sfx, "A pea-sized amount on dry skin.",
                            areas=("cheeks", "forehead"), avoid=EYES, rules=("B3", "B8")))
        elif acid:
            pm.append(_step("exfoliate", "pm", "Exfoliating acid" + sfx, "Leave-on AHA up to 10 %.",
                            areas=("cheeks",), avoid=EYES, rules=("C2", "C4")))
        for slot, bucket in (("am", am), ("pm", pm)):
            bucket.append(_step("moisturize", slot, "Light moisturizer" + sfx, "Water-based.", rules=("D2",)))
            if prof.eye_milia:
                bucket.append(_step("eye-cream", slot, "Oil-free eye cream" + sfx, "Tap gently.",
                                    areas=("under-eyes",), rules=("D3",)))
        if not no_retinol or acid:
            am.append(_step("sunscreen", "am", "Sunscreen SPF 30+" + sfx, "Two finger lengths.", rules=("D5",)))
        days.append(Day(date=when, week=week, am=tuple(am), pm=tuple(pm)))
    levels = {} if no_retinol else {"retinol": (Level(1, 2), Level(3, 3, "two calm weeks", ("B4",)),
                                                 Level(5, 4, "two calm weeks", ("B4",)))}
    notices = (
        Notice("N1", "info", "General information, not medical advice or a diagnosis.", "D"),
        Notice("A1", "stop", "Do not squeeze or pick the bumps.", "S0-S3"),
        Notice("N6", "caution", "Retinoids and acids make skin sun-sensitive: SPF 30+ every morning.", "AAD"),
        Notice("N5", "refer", "See a dermatologist for any spot that is new, changing or bleeding.", "S1"),
    )
    return Plan(profile=prof.name, start=start, weeks=weeks, levels=levels, days=tuple(days), notices=notices)


def expected_occurrences(plan: Plan, prof: Profile) -> set[tuple[str, str, datetime]]:
    """(slot, step, aware local start) for every step of every day of the plan."""
    zone = ZoneInfo(prof.schedule.timezone)
    out = set()
    for day in plan.days:
        for step in day.am + day.pm:
            at = prof.schedule.am if step.slot == "am" else prof.schedule.pm
            out.add((step.slot, step.step, datetime.combine(day.date, at, zone)))
    return out


def read_vobject(data: bytes):
    """Parse with vobject, with times in the calendar's own VTIMEZONE (not vobject's cache or pytz).

    vobject keys zones by TZID in a global registry and otherwise falls back to pytz,
    whose zones dateutil's RRULE expansion gets wrong across DST. So: forget earlier
    zones, parse once to read the VTIMEZONE (dateutil's ``tzical``), register it,
    and parse again.
    """
    import vobject
    import vobject.icalendar

    registry = vobject.icalendar.__dict__["__tzidMap"]
    for tzid in [k for k in registry if k != "UTC"]:
        del registry[tzid]
    text = data.decode("utf-8")
    first = vobject.readOne(text)
    for component in first.contents.get("vtimezone", []):
        vobject.icalendar.registerTzid(component.tzid.value, component.gettzinfo())
    return vobject.readOne(text)


def vobject_occurrences(data: bytes) -> set[tuple[str, str, datetime]]:
    """Occurrences read back with vobject + dateutil (no icalendar involved), as UTC instants."""
    cal = read_vobject(data)
    out = set()
    for event in cal.vevent_list:
        categories = [c for c in event.categories.value]
        slot = "am" if "Morning" in categories else "pm"
        step = categories[2]
        for start in event.getrruleset(addRDate=True) or [event.dtstart.value]:
            out.add((slot, step, start))
    return out


def as_utc(occurrences) -> set[tuple[str, str, datetime]]:

    return {(slot, step, when.astimezone(UTC)) for slot, step, when in occurrences}


def local_times(prof_zone: str, occurrences) -> set[tuple[str, str, date, time]]:
    zone = ZoneInfo(prof_zone)
    return {(s, st_, w.astimezone(zone).date(), w.astimezone(zone).time()) for s, st_, w in occurrences}


@st.composite
def profiles(draw, zones=DST_ZONES) -> Profile:
    """Generated valid profiles with DST-observing zones and daytime step times."""
    areas = draw(st.lists(st.sampled_from(AREAS), unique=True, max_size=4))
    doc = base_dict()
    doc["pregnancy"] = draw(st.sampled_from(PREGNANCY))
    doc["skin"]["type"] = draw(st.sampled_from(SKIN_TYPES))
    doc["milia"]["areas"] = areas
    doc["habits"]["makeup"] = draw(st.booleans())
    doc["schedule"]["timezone"] = draw(st.sampled_from(zones))
    # DST changes happen at night (00:00-03:59 local); steps are morning and evening
    doc["schedule"]["am"] = draw(st.times(min_value=time(5, 0), max_value=time(11, 59))).strftime("%H:%M")
    doc["schedule"]["pm"] = draw(st.times(min_value=time(17, 0), max_value=time(23, 30))).strftime("%H:%M")
    doc["schedule"]["start"] = draw(st.dates(min_value=date(2026, 1, 1), max_value=date(2028, 12, 31)))
    doc["name"] = draw(st.sampled_from(["ana", "Zoë Ñúñez", "O'Brien, Mary; Jr.", "李小龙", "client 42"]))
    return profile_from_dict(doc, "generated.toml")
