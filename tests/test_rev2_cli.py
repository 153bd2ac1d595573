"""`today` equals `plan` through the CLI (issue 11, item 3): the same steps and the pause notice,
also for irritation logged before the window `plan` shows."""

from __future__ import annotations

import json
from datetime import date, timedelta

START = date(2026, 11, 23)  # BASE_PROFILE's start


def checkin(milia, day: date, irritation: int) -> None:
    res = milia("checkin", "--date", day.isoformat(), "--all", "--irritation", str(irritation), today=day)
    assert res.exit_code == 0, res.output


def test_today_and_plan_agree_after_irritation_2_on_a_tuesday(milia) -> None:
    milia.write_profile()
    for i in range(36):
        checkin(milia, START + timedelta(days=i), 0)
    tuesday = START + timedelta(days=36)  # week 6
    checkin(milia, tuesday, 2)
    for offset in range(0, 9):
        day = tuesday + timedelta(days=offset)
        today = json.loads(milia("today", "--json", "--date", day.isoformat(), today=tuesday).stdout)
        plan = json.loads(milia("plan", "--json", "--weeks", "8", today=tuesday).stdout)
        want = next(d for d in plan["days"] if d["date"] == day.isoformat())
        strip = lambda steps: [{k: s[k] for k in ("step", "title", "areas", "avoid", "how", "rules", "product")} for s in steps]  # noqa: E731
        assert strip(today["am"]) == want["am"] and strip(today["pm"]) == want["pm"], day
        assert not any(s["active"] for s in today["pm"]), day
        assert any(n["id"] == "B6" for n in today["notices"]), day
        assert any(n["id"] == "B6" for n in plan["notices"])


def test_plan_from_a_later_day_still_sees_an_earlier_stop(milia) -> None:
    milia.write_profile()
    checkin(milia, START + timedelta(days=2), 3)
    later = START + timedelta(days=40)
    plan = json.loads(milia("plan", "--json", "--weeks", "2", "--from", later.isoformat(), today=later).stdout)
    assert plan["days"] and not any(s["step"] in ("retinol", "exfoliate") for d in plan["days"] for s in d["pm"])
    today = json.loads(milia("today", "--json", "--date", later.isoformat(), today=later).stdout)
    assert any(n["id"] == "B7" and "milia resume" in n["text"] for n in today["notices"])
