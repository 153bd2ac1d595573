"""Example tests of the planner, one or more per rule id of RULES.md."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from conftest import BASE_PROFILE
from milia_cli.logmodel import EMPTY_LOG, CheckIn, Event, Log
from milia_cli.planner import build_plan, day_view, plan_days, plan_for_day
from milia_cli.profile import Cautions, Milia, Profile, Skin, parse_profile

BASE = parse_profile(BASE_PROFILE.encode(), "test")
START = BASE.schedule.start  # Monday 2026-11-23


def prof(**kw) -> Profile:
    p = BASE
    for key, value in kw.items():
        if key in ("skin_type",):
            p = p._replace(skin=Skin(type=value))
        elif key == "areas":
            p = p._replace(milia=Milia(areas=value))
        elif key in ("makeup", "under_eye_concealer", "smoker"):
            p = p._replace(habits=p.habits._replace(**{key: value}))
        elif key in Cautions._fields:
            p = p._replace(cautions=p.cautions._replace(**{key: value}))
        else:
            p = p._replace(**{key: value})
    return p


def calm_log(days: int = 120, every: int = 2, **special: int) -> Log:
    """A check-in every other day with irritation 0; special={"d16": 3} overrides day offsets."""
    marks = {int(k[1:]): v for k, v in special.items()}
    offsets = sorted(set(range(0, days, every)) | set(marks))
    return Log(tuple(CheckIn(START + timedelta(days=o), irritation=marks.get(o, 0)) for o in offsets))


def nights(plan, step, week):
    return [d.date for d in plan.week(week) if d.has(step, "pm")]


def counts(plan, step):
    return [len(nights(plan, step, w)) for w in range(1, plan.weeks + 1)]


def ids(plan):
    return [n.id for n in plan.notices]


def projected(p=BASE, log=EMPTY_LOG, weeks=12, today=START):
    return build_plan(p, log, weeks=weeks, today=today)


# -- D: base routine ---------------------------------------------------------------------
def test_d1_d2_d5_base_routine_from_day_one():
    plan = projected()
    for day in plan.days:
        am = [s.step for s in day.am]
        pm = [s.step for s in day.pm]
        assert am[0] == "cleanse" and "moisturize" in am and "sunscreen" in am
        assert "cleanse" in pm and pm[-1] == "moisturize"
        assert "remove-makeup" in pm and pm.index("remove-makeup") < pm.index("cleanse")
    sunscreen = plan.days[0].am[[s.step for s in plan.days[0].am].index("sunscreen")]
    assert "D5" in sunscreen.rules


def test_d1_no_makeup_steps_without_makeup():
    plan = projected(prof(makeup=False))
    assert not any(d.has("makeup") or d.has("remove-makeup") for d in plan.days)


def test_d3_eye_cream_only_for_eye_milia():
    assert all(d.has("eye-cream", "am") and d.has("eye-cream", "pm") for d in projected().days)
    plan = projected(prof(areas=("cheeks", "nose")))
    assert not any(d.has("eye-cream") for d in plan.days)


def test_d4_makeup_step_and_concealer_tip():
    plan = projected()
    makeup = [s for s in plan.days[0].am if s.step == "makeup"][0]
    assert "D4" in makeup.rules and "concealer" in makeup.how
    assert "D4" in ids(plan)
    assert "D4" not in ids(projected(prof(under_eye_concealer=False)))


def test_d6_smoker_and_d7_facial_steroid_notices():
    assert "D6" in ids(projected(prof(smoker=True)))
    assert "D6" not in ids(projected())
    assert "D7" in ids(projected(prof(facial_steroid=True)))


# -- B: retinol ------------------------------------------------------------------------------
def test_b3_two_non_adjacent_nights_in_week_one():
    plan = projected()
    r = nights(plan, "retinol", 1)
    assert len(r) == 2 and (r[1] - r[0]).days > 1
    step = [s for s in plan.days[0].pm if s.step == "retinol"][0]
    assert {"B3", "B8", "B9"} <= set(step.rules)
    assert plan.levels["retinol"][0].per_week == 2


def test_b4_projection_steps_up_every_two_weeks_to_the_cap():
    plan = projected(weeks=12)
    assert counts(plan, "retinol")[:6] == [2, 2, 3, 3, 4, 4]
    assert max(counts(plan, "retinol")) == 4
    assert [lv.week for lv in plan.levels["retinol"]] == [1, 3, 5]
    assert all(lv.rules == ("B4",) and lv.reason for lv in plan.levels["retinol"][1:])


@pytest.mark.parametrize("skin,cap,combined", [("dry", 3, 4), ("sensitive", 2, 3)])
def test_b4_dry_and_sensitive_hold_at_three_within_the_combined_cap(skin, cap, combined):
    """Revision 2 (B11): sensitive skin has 3 active evenings a week in all, so retinol holds at 2
    once the acid has its evening (it held at 3 + 1 acid = 4 before)."""
    plan = projected(prof(skin_type=skin), weeks=20)
    assert max(counts(plan, "retinol")) == cap
    totals = [r + a for r, a in zip(counts(plan, "retinol"), counts(plan, "exfoliate"), strict=False)]
    assert max(totals) == combined


def test_b4_past_weeks_without_check_ins_hold_the_level():
    plan = projected(today=START + timedelta(days=40))
    assert counts(plan, "retinol")[:6] == [2, 2, 2, 2, 2, 2]
    assert "B4" in ids(plan)  # tells the user why
    logged = projected(log=calm_log(), today=START + timedelta(days=40))
    assert counts(logged, "retinol")[:6] == [2, 2, 3, 3, 4, 4]


def test_b5_mild_irritation_early_holds_the_level():
    plan = projected(log=calm_log(d2=1), today=START + timedelta(days=40))
    assert counts(plan, "retinol")[:4] == [2, 2, 2, 3]


def test_b6_irritation_2_pauses_at_once_then_steps_down_and_pauses_acid():
    """Revision 2: from the evening of the check-in (Wed of week 5), not from the next week."""
    log = calm_log(d30=2)  # week 5, day 3; the next check-in (day 32) is calm
    plan = projected(log=log, today=START + timedelta(days=60))
    d = START + timedelta(days=30)
    assert not any(s.active for day in plan.days if d <= day.date <= d + timedelta(days=2) for s in day.steps)
    assert not any(day.has("exfoliate") for day in plan.days if d <= day.date < d + timedelta(days=7))
    r, a = counts(plan, "retinol"), counts(plan, "exfoliate")
    levels = {lv.week: lv.per_week for lv in plan.levels["retinol"]}
    assert levels[5] == 4 and levels[6] == 3 and r[5] == 3
    assert a[5] == 0  # one change a week: retinol comes back first
    change = [lv for lv in plan.levels["retinol"] if lv.week == 6][0]
    assert "B6" in change.rules and "paused at once" in change.reason
    assert "B6" in ids(plan)


def test_b6_two_mild_logs_in_a_row_after_week_4_step_down():
    log = calm_log(d36=1, d38=1)  # week 6, two check-ins in a row
    plan = projected(log=log, today=START + timedelta(days=60))
    level = {w: max(lv.per_week for lv in plan.levels["retinol"] if lv.week <= w) if False else
             [lv.per_week for lv in plan.levels["retinol"] if lv.week <= w][-1] for w in (6, 7)}
    assert level[7] == level[6] - 1  # revision 2: the pause starts at once, so compare levels
    assert not any(d.has("retinol") for d in plan.days if START + timedelta(days=38) <= d.date < START + timedelta(days=42))


def test_b7_irritation_3_stops_everything_until_a_calm_check_in():
    log = calm_log(days=16, d16=3)  # Wednesday of week 3, nothing logged after
    plan = projected(log=log, today=START + timedelta(days=17))
    stop_day = START + timedelta(days=16)
    for day in plan.days:
        if day.date >= stop_day:
            assert not any(s.active for s in day.steps), day.date
    assert plan.notices[0].id == "B7" and plan.notices[0].level == "stop"


def test_b7_no_automatic_restart_after_calm_check_ins():
    """Revision 2: calm check-ins alone never restart actives after irritation 3."""
    log = calm_log(d16=3)  # later check-ins are calm, no resume
    plan = projected(log=log, today=START + timedelta(days=80))
    assert sum(counts(plan, "retinol")[2:]) == 0 or max(counts(plan, "retinol")[3:]) == 0
    assert not any(s.active for d in plan.days if d.date >= START + timedelta(days=16) for s in d.steps)


def test_b7_restart_at_the_bottom_after_resume():
    log = calm_log(d16=3)
    log = log._replace(events=(Event(START + timedelta(days=30), "resume"),))  # week 5
    plan = projected(log=log, today=START + timedelta(days=80))
    r, a = counts(plan, "retinol"), counts(plan, "exfoliate")
    assert r[2:5] == [1, 0, 0] and r[5] == 1 and a[5] == 0  # bottom level, one active at a time
    assert any("B7" in lv.rules for lv in plan.levels["retinol"])


def test_b8_b9_c6_actives_avoid_the_eye_area():
    plan = projected(weeks=6)
    for day in plan.days:
        for s in day.pm:
            if s.active:
                assert {"upper-eyelids", "under-eyes", "lips"} <= set(s.avoid)
                assert not {"upper-eyelids", "under-eyes"} & set(s.areas)


@pytest.mark.parametrize("pregnancy,rule_id", [("pregnant", "B1"), ("trying", "B1"), ("breastfeeding", "B2")])
def test_b1_b2_no_retinol_with_pregnancy(pregnancy, rule_id):
    plan = projected(prof(pregnancy=pregnancy))
    assert not any(d.has("retinol") for d in plan.days)
    assert rule_id in ids(plan) and "N3" in ids(plan)
    assert "retinol" not in plan.levels
    assert nights(plan, "exfoliate", 1)  # acid from week 1 without retinol (C4)


def test_b2_shows_the_disagreement():
    plan = projected(prof(pregnancy="breastfeeding"))
    b2 = [n for n in plan.notices if n.id == "B2"][0]
    assert "LactMed" in b2.text


@pytest.mark.parametrize("caution", ["isotretinoin_recent", "eczema_or_rosacea"])
def test_b10_no_actives_and_a_refer_notice(caution):
    plan = projected(prof(**{caution: True}))
    assert not any(s.active for d in plan.days for s in d.steps)
    assert plan.levels == {}
    assert any(n.id == "B10" and n.level == "refer" for n in plan.notices)


# -- C: acids --------------------------------------------------------------------------------
def test_c2_c4_acid_joins_in_week_three_on_non_retinol_nights():
    plan = projected()
    a = counts(plan, "exfoliate")
    assert a[:4] == [0, 0, 0, 1]  # revision 2 (B11): retinol steps up in week 3, so the acid waits a week
    for day in plan.days:
        assert not (day.has("retinol") and day.has("exfoliate"))
    step = [s for d in plan.days for s in d.pm if s.step == "exfoliate"][0]
    assert {"C1", "C2", "C4", "C6"} <= set(step.rules)


@pytest.mark.parametrize("skin,cap", [("sensitive", 1), ("dry", 2), ("oily", 3), ("normal", 3)])
def test_c3_acid_caps_without_retinol(skin, cap):
    plan = projected(prof(skin_type=skin, pregnancy="breastfeeding"), weeks=20)
    assert max(counts(plan, "exfoliate")) == cap
    assert counts(plan, "exfoliate")[0] == 1


def test_c3_caps_leave_an_evening_free_with_retinol():
    plan = projected(weeks=30)
    for w in range(1, 31):
        assert len(nights(plan, "retinol", w)) + len(nights(plan, "exfoliate", w)) <= 6


def test_c7_pregnant_acid_is_face_only_and_gentle():
    plan = projected(prof(pregnancy="pregnant", areas=("cheeks", "chest")))
    step = [s for d in plan.days for s in d.pm if s.step == "exfoliate"][0]
    assert "chest" not in step.areas and "chest" in step.avoid
    assert "C7" in step.rules and "10 %" in step.how and "azelaic" in step.how
    assert "C7" in ids(plan)


def test_c8_photosensitizing_medicine_is_flagged():
    plan = projected(prof(photosensitizing_medicine=True))
    assert "C8" in ids(plan) and "E1" in ids(plan)
    sunscreen = [s for s in plan.days[0].am if s.step == "sunscreen"][0]
    assert "C8" in sunscreen.rules


# -- A and E ---------------------------------------------------------------------------------
def test_a1_picked_gets_a_stop_and_why_notice():
    log = Log((CheckIn(START + timedelta(days=3), picked=True),))
    plan = projected(log=log)
    a1 = [n for n in plan.notices if n.id == "A1"][0]
    assert START.replace(day=26).isoformat() in a1.text and "pick" in a1.text


def test_a8_under_18_gets_no_actives_and_a_referral():
    plan = projected(prof(birth_year=2010))
    assert not any(s.active for d in plan.days for s in d.steps)
    assert any(n.id == "A8" and n.level == "refer" for n in plan.notices)
    assert not any(n.id == "A8" for n in projected(prof(birth_year=2000)).notices)


def test_e1_checklist_for_relevant_cautions():
    assert "E1" in ids(projected(prof(keloid_prone=True)))
    assert "E1" not in ids(projected())


def test_e2_procedure_pauses_actives_on_its_area_for_14_days():
    event = Event(START + timedelta(days=14), "extraction", ("cheeks",))
    plan = projected(log=Log(events=(event,)))
    for day in plan.days:
        for s in day.pm:
            if s.active and event.date <= day.date < event.date + timedelta(days=14):
                assert "cheeks" not in s.areas and "cheeks" in s.avoid and "E2" in s.rules
    later = [s for d in plan.days if d.date >= event.date + timedelta(days=14) for s in d.pm if s.active]
    assert "cheeks" in later[0].areas
    assert "E2" in ids(plan)


def test_e2_procedure_without_areas_pauses_all_actives():
    event = Event(START, "laser", ())
    plan = projected(log=Log(events=(event,)))
    assert not any(s.active for d in plan.days[:14] for s in d.steps)


# -- helpers other commands use ----------------------------------------------------------------
def test_plan_for_day_before_the_start_is_none():
    assert plan_for_day(BASE, EMPTY_LOG, START - timedelta(days=1), today=START) is None
    assert plan_for_day(BASE, EMPTY_LOG, START, today=START) == projected().days[0]


def test_plan_days_over_ten_years_of_log():
    log = calm_log(days=3650, every=1)
    days = plan_days(BASE, log, START, START + timedelta(days=3649), today=START + timedelta(days=3650))
    assert len(days) == 3650 and days[-1].week == 522
    assert plan_for_day(BASE, log, days[-1].date, today=START + timedelta(days=3650)) == days[-1]


def test_day_view_marks_new_steps_and_checked_ones():
    log = Log((CheckIn(START + timedelta(days=19), done=frozenset({"am:cleanse"}), skipped=frozenset({"am:makeup"})),))
    view = day_view(BASE, log, START + timedelta(days=19), today=START + timedelta(days=19))  # week 3, Sat
    assert view.day.week == 3 and view.day_number == 6
    assert "pm:exfoliate" in view.new and "am:cleanse" not in view.new
    assert view.done == {"am:cleanse"} and view.skipped == {"am:makeup"}
    assert any(name == "exfoliate" for name, _ in view.level_changes)
    assert day_view(BASE, EMPTY_LOG, START - timedelta(days=1), today=START) is None


def test_all_done_marks_every_step():
    day = START + timedelta(days=2)
    view = day_view(BASE, Log((CheckIn(day, all_done=True),)), day, today=day)
    assert view.done == set(view.day.step_ids())


def test_start_override_and_weeks():
    plan = build_plan(BASE, start=date(2028, 2, 29), weeks=2, today=date(2028, 2, 1))
    assert plan.start == date(2028, 2, 29) and len(plan.days) == 14
    assert plan.days[1].date == date(2028, 3, 1)
    with pytest.raises(ValueError):
        build_plan(BASE, weeks=0, today=START)


def test_step_down_from_four_keeps_retinol_nights_apart_across_the_week_boundary():
    log = calm_log(d30=2)  # week 5 at 4 nights (the last on day 7), week 6 down to 3
    plan = projected(log=log, today=START + timedelta(days=60))
    dates = sorted(d.date for d in plan.days if d.has("retinol"))
    week6 = nights(plan, "retinol", 6)
    assert len(week6) == 3 and nights(plan, "retinol", 5)[-1] + timedelta(days=1) not in week6
    for a, b in zip(dates, dates[1:], strict=False):
        if b - a == timedelta(days=1):
            assert len(nights(plan, "retinol", plan.day(a).week)) >= 4 and len(nights(plan, "retinol", plan.day(b).week)) >= 4


def test_retinol_back_from_zero_says_it_restarts_not_one_more_than_zero():
    log = calm_log(d10=2, d24=2)  # two step-downs: 2 -> 1 -> 0 a week, then calm weeks
    plan = projected(log=log, today=START + timedelta(days=70))
    history = [(lv.week, lv.per_week, lv.reason) for lv in plan.levels["retinol"]]
    zero = next(i for i, (_, per_week, _) in enumerate(history) if per_week == 0)
    week, per_week, reason = history[zero + 1]
    assert per_week == 1 and reason == "two tolerated weeks without retinol: it restarts at 1 a week"
    assert not any("at 0 a week" in r for _, _, r in history)


def test_b7_a_second_irritation_3_in_a_stop_keeps_the_first_weeks_step_down():
    """The level a week starts at is decided by what was logged before it: an irritation 3 in the
    week before is a B7 step down, also when the stop later sees another irritation 3 (the past
    is never rewritten; a view of week 2 read before the second one says the same)."""
    stop = START + timedelta(days=2)  # week 1: irritation 3, stopped
    log = Log(checkins=(CheckIn(date=stop, irritation=3), CheckIn(date=stop + timedelta(days=3), irritation=0),
                        CheckIn(date=START + timedelta(days=17), irritation=3)),  # week 3, still stopped
              events=(Event(date=START + timedelta(days=40), kind="resume", seen_clinician=True),))
    full = build_plan(BASE, log, weeks=8, today=START + timedelta(days=45))
    week2 = [lv for lv in full.levels["retinol"] if lv.week == 2]
    assert week2 and week2[0].rules == ("B7",) and stop.isoformat() in week2[0].reason
