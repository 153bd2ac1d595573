"""Issue 11: each finding of the outside clinical review, reproduced (each failed on f988fb1).

Core functions directly, with ``Log`` objects built here (the store does not persist counts,
resume events or profile changes yet). RULES.md revision 2 ids in each test name.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from conftest import BASE_PROFILE
from milia_cli.logmodel import CheckIn, Event, Log, ProfileChange
from milia_cli.planner import build_plan, day_view
from milia_cli.profile import Milia, parse_profile

BASE = parse_profile(BASE_PROFILE.encode(), "test")
START = BASE.schedule.start  # Monday 2026-11-23
ACTIVES = ("retinol", "exfoliate")


def on(offset: int) -> date:
    return START + timedelta(days=offset)


def daily(days: int, **special: int) -> tuple[CheckIn, ...]:
    marks = {int(k[1:]): v for k, v in special.items()}
    return tuple(CheckIn(on(i), irritation=marks.get(i, 0)) for i in range(days) if marks.get(i, 0) is not None)


def active_on(plan, day: date) -> set[str]:
    d = plan.day(day)
    return {s.step for s in d.pm if s.active} if d else set()


def counts(plan, step):
    return [sum(1 for d in plan.week(w) if d.has(step, "pm")) for w in range(1, plan.weeks + 1)]


# -- B6 at once ------------------------------------------------------------------------------------
def test_b6_irritation_2_on_a_tuesday_pauses_from_that_evening_and_today_says_so():
    # calm weeks 1-5; irritation 2 on Tuesday of week 6 (day 36), nothing logged after
    log = Log(daily(36) + (CheckIn(on(36), irritation=2),))
    plan = build_plan(BASE, log, weeks=8, today=on(36))
    for off in range(36, 56):
        assert not active_on(plan, on(off)), on(off)  # Wednesday retinol, Saturday acid: gone
    view = day_view(BASE, log, on(37), today=on(37))
    b6 = [n for n in view.notices if n.id == "B6"]
    assert b6 and "0 or 1" in b6[0].text and "7" not in b6[0].text.split("no acid before")[0][-3:]
    assert view.day == plan.day(on(37))


def test_b6_text_is_consistent_seven_days_not_two_weeks():
    log = Log(daily(36) + (CheckIn(on(36), irritation=2), CheckIn(on(38), irritation=0)))
    plan = build_plan(BASE, log, weeks=8, today=on(40))
    text = " ".join(n.text for n in plan.notices if n.id == "B6")
    assert "two weeks" not in text and "that week" not in text
    assert (on(36) + timedelta(days=7)).strftime("%-d %b") in text
    assert not any(d.has("exfoliate") for d in plan.days if on(36) <= d.date < on(43))


def test_b6_irritation_logged_while_paused_extends_the_pause():
    log = Log(daily(36) + (CheckIn(on(36), irritation=2), CheckIn(on(40), irritation=2), CheckIn(on(45), irritation=0)))
    plan = build_plan(BASE, log, weeks=9, today=on(46))
    for off in range(36, 49):  # restarts only at the boundary after day 45 (day 49)
        assert not active_on(plan, on(off)), on(off)
    assert any(active_on(plan, on(off)) for off in range(49, 56))


# -- B7 ---------------------------------------------------------------------------------------------
def test_b7_irritation_2_during_a_stop_is_not_ignored_and_3_never_restarts_without_resume():
    log = Log(daily(16) + (CheckIn(on(16), irritation=3),) + tuple(CheckIn(on(i), irritation=0) for i in range(17, 60)))
    plan = build_plan(BASE, log, weeks=10, today=on(60))
    assert not any(active_on(plan, d.date) for d in plan.days if d.date >= on(16))
    resumed = log._replace(events=(Event(on(30), "resume"),),
                           checkins=log.checkins[:31] + (CheckIn(on(31), irritation=2),) + log.checkins[32:])
    plan = build_plan(BASE, resumed, weeks=10, today=on(60))
    # irritation 2 logged after the resume but before the restart keeps everything off until a calm day
    assert not any(active_on(plan, on(off)) for off in range(16, 35))
    assert any(active_on(plan, d.date) for d in plan.days)


def test_b7_one_day_one_message_stopped_until_resume():
    log = Log(daily(2) + (CheckIn(on(2), irritation=3),))
    view = day_view(BASE, log, on(4), today=on(4))
    b7 = [n for n in view.notices if n.id == "B7"]
    assert len(b7) == 1 and b7[0].level == "stop"
    assert "Stopped Wed 25 Nov 2026: no actives until you run `milia resume`" in b7[0].text
    assert "once a later check-in" not in b7[0].text


def test_b7_after_resume_no_stop_all_actives_beside_a_new_retinol():
    log = Log(daily(2) + (CheckIn(on(2), irritation=3),) + tuple(CheckIn(on(i), irritation=0) for i in range(3, 30)),
              events=(Event(on(10), "resume"),))
    view = day_view(BASE, log, on(14), today=on(14))  # the restart week
    assert any(s.step == "retinol" for s in view.day.pm)
    assert not any("Stop all actives" in n.text for n in view.notices)
    assert not any(n.level == "stop" for n in view.notices)
    b7 = [n for n in view.notices if n.id == "B7"]
    assert b7 and "restart at the bottom level" in b7[0].text
    assert all(lv.per_week <= 1 for name, lv in view.level_changes)


# -- B11 ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("skin,cap", [("sensitive", 3), ("dry", 4), ("normal", 5), ("oily", 5), ("combination", 5)])
def test_b11_one_change_a_week_and_the_combined_cap(skin, cap):
    p = BASE._replace(skin=BASE.skin._replace(type=skin))
    plan = build_plan(p, weeks=20, today=START)
    r, a = counts(plan, "retinol"), counts(plan, "exfoliate")
    for w in range(1, 20):
        assert (r[w] > r[w - 1]) + (a[w] > a[w - 1]) <= 1, (w, r, a)
    assert max(x + y for x, y in zip(r, a, strict=False)) <= cap
    assert r[2] + a[2] <= 3  # week 3: 2 -> at most 3, never 4


def test_d8_a_new_active_starts_on_a_test_spot():
    plan = build_plan(BASE, weeks=6, today=START)
    first_retinol = [s for d in plan.days for s in d.pm if s.step == "retinol"]
    assert "test spot" in first_retinol[0].how and "D8" in first_retinol[0].rules
    assert "test spot" not in first_retinol[5].how
    first_acid = [s for d in plan.days for s in d.pm if s.step == "exfoliate"][0]
    assert "test spot" in first_acid.how


# -- B12, C8, D7 ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("caution,absent", [
    ("photosensitizing_medicine", {"exfoliate"}), ("facial_steroid", {"retinol", "exfoliate"}),
    ("prescription_retinoid", {"retinol", "exfoliate"})])
def test_c8_d7_b12_enforced_until_the_prescriber_agrees(caution, absent):
    p = BASE._replace(cautions=BASE.cautions._replace(**{caution: True}))
    plan = build_plan(p, weeks=12, today=START)
    got = {s.step for d in plan.days for s in d.pm if s.active}
    assert not got & absent
    agreed = build_plan(p._replace(cautions=p.cautions._replace(prescriber_agreed=True)), weeks=12, today=START)
    got = {s.step for d in agreed.days for s in d.pm if s.active}
    if caution == "prescription_retinoid":
        assert got == {"exfoliate"}  # B12: never OTC retinol on top, acids once agreed
    else:
        assert got == {"retinol", "exfoliate"}


# -- A8 -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("year", [2026, 2030, 2010])
def test_a8_newborn_future_year_and_minor_get_no_steps(year):
    p = BASE._replace(birth_year=year)
    plan = build_plan(p, weeks=4, today=START)
    assert all(not d.am and not d.pm for d in plan.days)
    a8 = [n for n in plan.notices if n.id == "A8"]
    assert a8 and a8[0].level == "refer"
    if year == 2026:
        assert "babies" in a8[0].text and "3 months" in a8[0].text
    if year == 2030:
        assert "future" in a8[0].text
    assert day_view(p, Log(), on(3), today=on(3)).day.steps == ()


# -- E2 on every step, E1 before ----------------------------------------------------------------------
def test_e2_laser_on_the_upper_eyelids_leaves_them_out_of_every_step():
    p = BASE._replace(milia=Milia(areas=("upper-eyelids", "under-eyes", "cheeks")),
                      habits=BASE.habits._replace(makeup=True, under_eye_concealer=True))
    log = Log(events=(Event(on(10), "laser", ("upper-eyelids",)),))
    plan = build_plan(p, log, weeks=4, today=on(10))
    for off in range(10, 24):
        day = plan.day(on(off))
        for s in day.steps:
            assert "upper-eyelids" not in s.areas and "face" not in s.areas, (s.step, s.areas)
            assert "upper-eyelids" in s.avoid, s.step
        assert any(s.step == "eye-cream" and s.areas == ("under-eyes",) for s in day.am)
    assert any(s.step == "makeup" and "face" in s.areas for s in plan.day(on(24)).am)


def test_e1_a_planned_procedure_pauses_actives_on_its_area_and_shows_the_checklist():
    log = Log(events=(Event(on(30), "extraction", ("cheeks", "nose", "forehead", "chin")),))
    plan = build_plan(BASE, log, weeks=6, today=on(5))
    for off in range(23, 30):
        assert not active_on(plan, on(off))
    e1 = [n for n in plan.notices if n.id == "E1"]
    assert e1
    text = " ".join(n.text for n in e1)
    for item in ("pregnant", "cold sores", "keloid", "photosensitizing", "anticoagulants", "mole",
                 "isotretinoin", "dark spots"):
        assert item in text, item
    assert "An extraction" in text and "A extraction" not in text


# -- B13 ----------------------------------------------------------------------------------------------
def test_b13_pregnancy_at_week_9_does_not_rewrite_history_and_says_what_to_tell():
    change = on(56)  # Monday of week 9
    calm = Log(daily(80))
    before = build_plan(BASE, calm, weeks=12, today=change).to_dict()
    pregnant = BASE._replace(pregnancy="pregnant")
    log = calm._replace(changes=(ProfileChange(change, "pregnancy", "none", "pregnant"),))
    after = build_plan(pregnant, log, weeks=12, today=change)
    d = after.to_dict()
    assert [x for x in d["days"] if x["date"] < change.isoformat()] == [
        x for x in before["days"] if x["date"] < change.isoformat()]
    assert not any(x.has("retinol") for x in after.days if x.date >= change)
    b13 = [n for n in after.notices if n.id == "B13"]
    assert b13 and "prenatal provider" in b13[0].text and "low risk" in b13[0].text
    assert "2026-11: 23, 26" in b13[0].text  # every retinol date, grouped by month
    # the acid does not jump when retinol leaves
    a = counts(after, "exfoliate")
    assert max(a[8:]) <= max(a[:8]) + 1
    # pregnancy_since on a hand-edited file says the same
    since = build_plan(pregnant._replace(pregnancy_since=change), calm, weeks=12, today=change).to_dict()
    assert since["days"] == d["days"]


def test_b13_retinol_stops_that_evening_mid_week():
    change = on(59)  # Thursday of week 9
    log = Log(daily(80), changes=(ProfileChange(change, "pregnancy", "none", "breastfeeding"),))
    plan = build_plan(BASE._replace(pregnancy="breastfeeding"), log, weeks=12, today=change)
    assert not any(d.has("retinol") for d in plan.days if d.date >= change)
    assert any(d.has("retinol") for d in plan.days if on(56) <= d.date < change)
    view = day_view(BASE._replace(pregnancy="breastfeeding"), log, change, today=change)
    assert any(n.id == "B13" for n in view.notices)


def test_b13_back_to_none_resumes_no_higher_than_before():
    log = Log(daily(120), changes=(ProfileChange(on(28), "pregnancy", "none", "pregnant"),
                                   ProfileChange(on(63), "pregnancy", "pregnant", "none")))
    plan = build_plan(BASE, log, weeks=14, today=on(63))
    r = counts(plan, "retinol")
    assert r[9] <= max(r[:4]) and r[9] >= 1
    assert all(x == 0 for x in r[5:9])


# -- A9, A10, C9, C7 ---------------------------------------------------------------------------------
def test_a9_eyelid_only_milia_get_no_actives_and_the_professional_route():
    p = BASE._replace(milia=Milia(areas=("upper-eyelids",)))
    plan = build_plan(p, weeks=6, today=START)
    assert not any(s.active for d in plan.days for s in d.steps)
    a9 = [n for n in plan.notices if n.id == "A9"]
    assert a9 and "week 1" in a9[0].text


def test_a10_body_only_refers_and_uses_body_wording():
    p = BASE._replace(milia=Milia(areas=("chest", "back")))
    plan = build_plan(p, weeks=4, today=START)
    assert any(n.id == "A10" and n.level == "refer" for n in plan.notices)
    retinol = [s for d in plan.days for s in d.pm if s.step == "retinol"][0]
    assert "whole face" not in retinol.how and "thin layer" in retinol.how


def test_c9_breastfeeding_keeps_actives_off_the_chest():
    p = BASE._replace(pregnancy="breastfeeding", milia=Milia(areas=("cheeks", "chest")))
    plan = build_plan(p, weeks=6, today=START)
    acts = [s for d in plan.days for s in d.pm if s.active]
    assert acts and all("chest" not in s.areas and "chest" in s.avoid for s in acts)


def test_c7_trying_keeps_acids_on_the_face():
    p = BASE._replace(pregnancy="trying", milia=Milia(areas=("cheeks", "back")))
    plan = build_plan(p, weeks=4, today=START)
    acid = [s for d in plan.days for s in d.pm if s.step == "exfoliate"]
    assert acid and all("back" not in s.areas and "C7" in s.rules for s in acid)


# -- A6, A7 from counts -------------------------------------------------------------------------------
def test_a7_computed_from_counts_and_adherence():
    base = build_plan(BASE, weeks=14, today=on(90))
    checkins = tuple(CheckIn(d.date, done=frozenset(d.step_ids()), irritation=0,
                             count=10 if d.date.day % 7 == 0 or d.date == on(7) or d.date == on(90) else None)
                     for d in base.days if on(7) <= d.date <= on(90))
    plan = build_plan(BASE, Log(checkins), weeks=14, today=on(90))
    a7 = [n for n in plan.notices if n.id == "A7"]
    assert a7 and "professional removal" in a7[0].text
    assert any(n.id == "E1" for n in plan.notices)
    fewer = tuple(c._replace(count=3) if c.date == on(90) else c for c in checkins)
    assert not any(n.id == "A7" for n in build_plan(BASE, Log(fewer), weeks=14, today=on(90)).notices)


def test_a6_count_up_by_half_within_4_weeks():
    log = Log((CheckIn(on(20), count=6), CheckIn(on(34), count=9)))
    plan = build_plan(BASE, log, weeks=6, today=on(35))
    assert any(n.id == "A6" and n.level == "refer" for n in plan.notices)
    crops = Log(tuple(CheckIn(on(i), bumps=1) for i in (3, 12, 20)))
    assert any(n.id == "A6" for n in build_plan(BASE, crops, weeks=4, today=on(21)).notices)


# -- D3, D5, D9 ----------------------------------------------------------------------------------------
def test_d3_eye_cream_is_optional_in_stats():
    from milia_cli.stats import OPTIONAL_STEPS

    assert "eye-cream" in OPTIONAL_STEPS and "makeup" in OPTIONAL_STEPS


def test_d5_reapplication_text_and_the_tail_past_the_window():
    plan = build_plan(BASE, weeks=6, today=START)
    sun = [s for s in plan.days[0].am if s.step == "sunscreen"][0]
    assert "every 2 hours" in sun.how and "swimming" in sun.how
    last_acid = max(d.date for d in plan.days if d.has("exfoliate"))
    d5 = [n for n in plan.notices if n.id == "D5"]
    assert d5 and (last_acid + timedelta(days=7)).isoformat() in d5[0].text


def test_d9_notice_while_titrating():
    assert any(n.id == "D9" for n in build_plan(BASE, weeks=4, today=START).notices)


# -- words ---------------------------------------------------------------------------------------------
def test_words_milia_is_never_the_subject_of_the_tool():
    import re

    from milia_cli.messages import plan as msg
    from milia_cli.rules import RULES

    texts = [r.action + " " + r.disagreement + " " + r.design for r in RULES.values()]
    texts += [v for v in vars(msg).values() if isinstance(v, str)]
    for t in texts:
        assert not re.search(r"(^|[.:;] |, )milia (cannot|keeps|then|follows|recommends|waits|is written)\b", t), t


def test_acid_without_retinol_does_not_say_on_a_night_without_retinol():
    p = BASE._replace(pregnancy="breastfeeding")
    acid = [s for d in build_plan(p, weeks=2, today=START).days for s in d.pm if s.step == "exfoliate"]
    assert acid and all("night without retinol" not in s.how for s in acid)
    with_r = [s for d in build_plan(BASE, weeks=6, today=START).days for s in d.pm if s.step == "exfoliate"]
    assert with_r and "night without retinol" in with_r[-1].how


def test_triage_pearly_white_is_typical_not_a4():
    from milia_cli.triage import Answers, flagged_rules

    assert "A4" not in flagged_rules(Answers(colour="pearly"))
    assert "A4" in flagged_rules(Answers(colour="translucent"))
    assert "A4" in flagged_rules(Answers(non_healing=True))


def test_handout_urgent_is_never_good_to_know_and_asks_the_prescriber():
    from milia_cli.exporters.markdown import export_markdown

    p = BASE._replace(cautions=BASE.cautions._replace(isotretinoin_recent=True))
    plan = build_plan(p, weeks=2, today=START)
    md = export_markdown(plan, p)
    text = md if isinstance(md, str) else md.decode()
    n4 = [line for line in text.splitlines() if "breathing is hard" in line]
    assert n4 and all("Good to know" not in line for line in n4)
    assert "esthetician will tell you" not in text and "your prescriber" in text
    calm = build_plan(BASE, weeks=4, today=START)
    text = export_markdown(calm, BASE)
    text = text if isinstance(text, str) else text.decode()
    assert "stay where you are" not in text


def test_b11_a_change_to_sensitive_skin_brings_the_week_under_its_cap():
    log = Log(daily(80), changes=(ProfileChange(on(49), "skin.type", "combination", "sensitive"),))
    p = BASE._replace(skin=BASE.skin._replace(type="sensitive"))
    plan = build_plan(p, log, weeks=12, today=on(49))
    r, a = counts(plan, "retinol"), counts(plan, "exfoliate")
    assert r[6] + a[6] == 5  # week 7, before the change: combination
    assert all(x + y <= 3 and y <= 1 and x <= 3 for x, y in zip(r[7:], a[7:], strict=False))


def test_checkin_advice_for_irritation_2_3_and_picking():
    from milia_cli.plan_notices import checkin_advice

    assert checkin_advice(on(2), 0) == ()
    (b6,) = checkin_advice(on(2), 2)
    assert b6.id == "B6" and "that evening" in b6.text
    (b7, a1) = checkin_advice(on(2), 3, picked=True)
    assert b7.id == "B7" and b7.level == "stop" and "milia resume" in b7.text and "urgently" in b7.text
    assert a1.id == "A1"
