"""What a `profile set` does, in one line (issue 13): ``birth_year 2015`` -> "under 18: the plan
will hold no steps, only a referral (A8)".

Pure: the CLI passes the values before and after, the profile after and, for a change that
shapes the plan, the plan's days after it (so a line about steps says what the plan really
holds). The rule ids are those of RULES.md.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from milia_cli.messages import profile as msg

if TYPE_CHECKING:
    from milia_cli.plan import Day
    from milia_cli.profile import Profile

ADULT_AGE = 18  # A8, read as the planner does: a birth year 18 years back may still be 17
COMBINED_CAP = {"sensitive": 3, "dry": 4}  # B11 / invariant 11: active evenings a week; others 5
DEFAULT_CAP = 5
BLOCKING_CAUTIONS = {"isotretinoin_recent": "isotretinoin in the last 6 months",
                     "eczema_or_rosacea": "eczema or rosacea"}


def what_it_does(key: str, old: Any, new: Any, profile: Profile, today: date,
                 days_after: tuple[Day, ...] | None = None) -> str | None:
    """The line, or None when there is nothing worth saying (or the value did not change)."""
    if old == new:
        return msg.EFFECT_UNCHANGED
    sub = key.split(".", 1)[1] if "." in key else key
    if key == "birth_year":
        return _birth_year(old, new, today, days_after)
    if key == "pregnancy":
        return msg.EFFECT_PREGNANCY.get(new)
    if key == "skin.type":
        return msg.EFFECT_SKIN_TYPE.format(type=new, cap=COMBINED_CAP.get(new, DEFAULT_CAP))
    if key == "milia.areas":
        return _areas(new)
    if key.startswith("cautions."):
        if sub in BLOCKING_CAUTIONS:
            return msg.EFFECT_B10_ON.format(what=BLOCKING_CAUTIONS[sub]) if new else msg.EFFECT_B10_OFF
        text = msg.EFFECT_CAUTIONS.get((sub, bool(new)))
        return text
    if key.startswith("habits."):
        return msg.EFFECT_HABITS.get((sub, bool(new)))
    if key == "schedule.timezone":
        return msg.EFFECT_ZONE.format(zone=new)
    if key in ("schedule.am", "schedule.pm"):
        when = new.strftime("%H:%M") if hasattr(new, "strftime") else new
        return msg.EFFECT_TIME.format(routine="morning" if key.endswith("am") else "evening", time=when)
    if key == "schedule.start":
        return msg.EFFECT_START.format(date=new)
    if key == "name":
        return msg.EFFECT_NAME
    if key == "milia.since":
        return msg.EFFECT_MILIA_SINCE
    if key == "pregnancy_since":
        if new is None:
            return msg.EFFECT_PREGNANCY_SINCE_CLEARED.format(status=profile.pregnancy)
        return msg.EFFECT_PREGNANCY_SINCE.format(status=profile.pregnancy, date=new)
    return None


def is_minor(birth_year: int | None, today: date) -> bool:
    return birth_year is not None and today.year - birth_year <= ADULT_AGE


def _birth_year(old: int | None, new: int | None, today: date, days_after: tuple[Day, ...] | None) -> str | None:
    if new is None:
        return msg.EFFECT_BIRTH_YEAR_CLEARED
    if is_minor(new, today):
        no_steps = days_after is not None and not any(d.steps for d in days_after)
        return msg.EFFECT_MINOR_NO_STEPS if no_steps else msg.EFFECT_MINOR
    if is_minor(old, today):
        return msg.EFFECT_ADULT_AGAIN
    return None


def _areas(areas: tuple[str, ...] | None) -> str | None:
    from milia_cli.profile_schema import EYE_AREAS

    areas = tuple(areas or ())
    if not areas:
        return msg.EFFECT_NO_AREAS
    if all(a in EYE_AREAS for a in areas):
        return msg.EFFECT_EYES_ONLY
    if any(a in EYE_AREAS for a in areas):
        return msg.EFFECT_EYES_TOO
    return msg.EFFECT_AREAS.format(areas=", ".join(areas))
