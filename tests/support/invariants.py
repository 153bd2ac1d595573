"""The safety invariants of SPEC.md as checkers the property suites share (without a log, and with one)."""

from __future__ import annotations

from datetime import date, timedelta

from milia_cli.logmodel import Log
from milia_cli.profile import Profile

EYES = {"upper-eyelids", "under-eyes"}


START = {"retinol": 2, "exfoliate": 1}


def caps(profile: Profile) -> dict[str, int]:
    skin = profile.skin.type
    return {"retinol": 7 if skin not in ("dry", "sensitive") else 3,
            "exfoliate": {"sensitive": 1, "dry": 2}.get(skin, 3)}


def actives(day: dict) -> list[dict]:
    return [s for s in day["pm"] if s["step"] in ("retinol", "exfoliate")] + \
           [s for s in day["am"] if s["step"] in ("retinol", "exfoliate")]


def week_counts(plan: dict) -> dict[int, int]:
    out: dict[int, int] = {}
    for d in plan["days"]:
        out[d["week"]] = out.get(d["week"], 0) + len(actives(d))
    return out


def minor(profile: Profile, today: date) -> bool:
    return profile.birth_year is not None and (profile.birth_year > today.year or today.year - profile.birth_year <= 18)


def aftercare_days(log: Log | None) -> set[str]:
    if log is None:
        return set()
    return {(e.date + timedelta(days=i)).isoformat() for e in log.events if e.kind != "resume" for i in range(14)}


def check_log_free_invariants(profile: Profile, plan: dict, today: date | None = None, log: Log | None = None) -> None:
    days = plan["days"]
    treated_days = aftercare_days(log)
    if today is not None and minor(profile, today):
        assert not any(d["am"] or d["pm"] for d in days)  # invariant 13
        return
    assert len(days) == 7 * plan["weeks"]
    retinol_days = [d for d in days if any(s["step"] == "retinol" for s in d["pm"] + d["am"])]
    # 1. no retinol when pregnant, trying or breastfeeding
    if profile.pregnancy != "none":
        assert not retinol_days
    for d in days:
        steps_pm = [s["step"] for s in d["pm"]]
        # 2. never retinol and exfoliate on the same evening; actives only in the evening
        assert not ("retinol" in steps_pm and "exfoliate" in steps_pm)
        assert not any(s["step"] in ("retinol", "exfoliate") for s in d["am"])
        # 3. actives never on the eye areas, and avoid both
        for s in actives(d):
            assert not EYES & set(s["areas"])
            assert set(s["avoid"]) >= EYES
            assert s["areas"]
    # 4. levels: start level, +1 at most, only after two weeks at a level, within caps
    cap = caps(profile)
    for step, hist in plan["levels"].items():
        stopped = log is not None and any(c.irritation == 3 for c in log.checkins)
        assert hist[0]["per_week"] == START[step] or (stopped and hist[0]["per_week"] == 1), hist  # B7: bottom
        for prev, cur in zip(hist, hist[1:], strict=False):
            assert cur["week"] > prev["week"]
            assert cur["reason"] and cur["rules"]
            if cur["per_week"] > prev["per_week"]:
                assert cur["per_week"] == prev["per_week"] + 1, hist
                assert cur["week"] - prev["week"] >= 2 or "B13" in cur["rules"], hist
        assert all(0 <= lv["per_week"] <= cap[step] for lv in hist)
    level_of = {}
    for step, hist in plan["levels"].items():
        for w in range(1, plan["weeks"] + 1):
            current = [lv["per_week"] for lv in hist if lv["week"] <= w]
            level_of[(step, w)] = current[-1] if current else 0
    counts: dict[tuple[str, int], int] = {}
    for d in days:
        for s in actives(d):
            counts[(s["step"], d["week"])] = counts.get((s["step"], d["week"]), 0) + 1
    for key, n in counts.items():
        assert n <= level_of[key], (key, n)
    for w in range(1, plan["weeks"] + 1):
        assert level_of.get(("retinol", w), 0) + level_of.get(("exfoliate", w), 0) <= 7
    dates = {date.fromisoformat(d["date"]): d for d in retinol_days}
    for day, d in dates.items():
        nxt = dates.get(day + timedelta(days=1))
        if nxt is not None:  # adjacent retinol nights only at 4+ a week
            assert level_of[("retinol", d["week"])] >= 4 and level_of[("retinol", nxt["week"])] >= 4
    # 6. sunscreen every morning of any week with an active (E2 may take the treated areas out)
    active_weeks = {d["week"] for d in days if actives(d)}
    for d in days:
        if d["week"] in active_weeks and d["date"] not in treated_days:
            assert any(s["step"] == "sunscreen" for s in d["am"])
    # 7. eye milia -> oil-free eye cream morning and evening
    if EYES & set(profile.milia.areas):
        for d in days:
            if d["date"] in treated_days:
                continue
            assert any(s["step"] == "eye-cream" for s in d["am"])
            assert any(s["step"] == "eye-cream" for s in d["pm"])
    # 9. B10 cautions -> no actives at all and a refer notice
    if profile.cautions.isotretinoin_recent or profile.cautions.eczema_or_rosacea:
        assert not active_weeks
        assert any(n["id"] == "B10" and n["level"] == "refer" for n in plan["notices"])


def check_log_invariants(plan: dict, log: Log) -> None:
    days = {date.fromisoformat(d["date"]): d for d in plan["days"]}
    counts = week_counts(plan)
    start = date.fromisoformat(plan["start"])
    # 5a. irritation 2 -> the following week has fewer active evenings than the week before had planned
    level_total = {}
    for w in range(1, plan["weeks"] + 1):
        level_total[w] = sum(([lv["per_week"] for lv in hist if lv["week"] <= w] or [0])[-1]
                             for hist in plan["levels"].values())
    for c in log.checkins:
        if c.irritation == 2 and c.date >= start:
            w = (c.date - start).days // 7 + 1
            if w + 1 <= plan["weeks"] and level_total.get(w, 0) > 0:
                assert counts.get(w + 1, 0) < level_total[w], (c.date, counts)
    # 5b. irritation 3 -> no actives until a later check-in of 0 or 1 (and, revision 2, a resume), and a stop notice
    for c in log.checkins:
        if c.irritation == 3 and start <= c.date < start + timedelta(days=7 * plan["weeks"]):
            later = [x.date for x in log.checkins if x.date > c.date and x.irritation in (0, 1)]
            until = later[0] if later else date.max
            for day, d in days.items():
                if c.date <= day <= until:
                    assert not actives(d), (c.date, day)
            assert any(n["id"] == "B7" for n in plan["notices"])
    # 8. a procedure -> no actives on its areas for 14 days
    for ev in log.events:
        for i in range(14):
            d = days.get(ev.date + timedelta(days=i))
            if d is None:
                continue
            for s in actives(d):
                assert ev.areas and not set(ev.areas) & set(s["areas"]), (ev, s)
    # A1: a logged pick gets the stop-and-why notice
    if any(c.picked and start <= c.date <= start + timedelta(days=7 * plan["weeks"] - 1) for c in log.checkins):
        assert any(n["id"] == "A1" for n in plan["notices"])
