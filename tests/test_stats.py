"""Stats as a pure function: adherence, streak rules (gaps, rest days, skips, backfill), window."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from milia_cli.logmodel import CheckIn, Log
from milia_cli.plan import Day, Level, Plan, Step
from milia_cli.stats import (
    KEPT,
    MISSED,
    OPEN,
    REST,
    DayStatus,
    compute_stats,
    day_status,
    level_history,
    sparkline,
    streaks,
)
from tests.support.examples import examples

START = date(2026, 11, 23)  # a Monday


def step(slot: str, name: str) -> Step:
    return Step(name, slot, name.title(), ("face",), (), "", ())


def make_plan(weeks: int = 4, active_weekdays: tuple[int, ...] = (0, 3), start: date = START) -> Plan:
    """Every day: am cleanse/sunscreen/makeup, pm cleanse/moisturize; retinol on ``active_weekdays``."""
    days = []
    for i in range(weeks * 7):
        d = start + timedelta(days=i)
        pm = [step("pm", "cleanse")]
        if d.weekday() in active_weekdays:
            pm.append(step("pm", "retinol"))
        pm.append(step("pm", "moisturize"))
        days.append(Day(d, i // 7 + 1, (step("am", "cleanse"), step("am", "sunscreen"), step("am", "makeup")),
                        tuple(pm)))
    levels = {"retinol": (Level(1, 2), Level(3, 3, "two calm weeks at 2", ("B4",)))}
    return Plan("ana", start, weeks, levels, tuple(days), ())


def day(n: int) -> date:
    return START + timedelta(days=n)


def everything(n: int, **kw) -> CheckIn:
    return CheckIn(day(n), all_done=True, **kw)


PLAN = make_plan()


def stats(checkins, today_n: int, days=None, plan=PLAN):
    return compute_stats(plan, Log(tuple(sorted(checkins, key=lambda c: c.date))), day(today_n), days)


# -- day states --------------------------------------------------------------
def test_rest_day_without_checkin_is_neutral_active_day_is_missed() -> None:
    s = stats([], today_n=3)  # Mon(active) Tue Wed Thu(active, today)
    assert [d.state for d in s.days] == [MISSED, REST, REST, OPEN]


def test_explicitly_skipped_active_keeps_the_day_but_not_adherence() -> None:
    d = PLAN.day(day(0))
    ci = CheckIn(day(0), frozenset({"am:cleanse", "am:sunscreen", "pm:cleanse", "pm:moisturize"}),
                 frozenset({"pm:retinol"}))
    status = day_status(d, ci, today=day(5))
    assert status.state == KEPT
    assert status.adherence == 4 / 5


def test_skipping_a_base_step_breaks_an_active_day_but_only_neutralises_a_rest_day() -> None:
    base = frozenset({"am:cleanse", "pm:cleanse", "pm:moisturize", "pm:retinol"})  # no sunscreen
    assert day_status(PLAN.day(day(0)), CheckIn(day(0), base, frozenset({"am:sunscreen"})), day(5)).state == MISSED
    rest = CheckIn(day(1), base - {"pm:retinol"}, frozenset({"am:sunscreen"}))
    assert day_status(PLAN.day(day(1)), rest, day(5)).state == REST


def test_optional_makeup_never_counts_against_the_day() -> None:
    ci = CheckIn(day(1), frozenset({"am:cleanse", "am:sunscreen", "pm:cleanse", "pm:moisturize"}),
                 frozenset({"am:makeup"}))
    status = day_status(PLAN.day(day(1)), ci, day(5))
    assert status.state == KEPT and status.adherence == 1.0


def test_all_done_means_planned_minus_skipped_and_ignores_unplanned_steps() -> None:
    status = day_status(PLAN.day(day(1)), CheckIn(day(1), all_done=True, skipped=frozenset({"pm:moisturize"})), day(5))
    assert status.done == {"am:cleanse", "am:sunscreen", "am:makeup", "pm:cleanse"}
    assert status.state == REST  # a rest day with a base step skipped: neutral
    stray = day_status(PLAN.day(day(1)), CheckIn(day(1), frozenset({"pm:retinol", "am:cleanse"})), day(5))
    assert stray.done == {"am:cleanse"}  # retinol was not planned that day


# -- streaks -------------------------------------------------------------------
def test_consecutive_kept_days_make_a_streak() -> None:
    s = stats([everything(i) for i in range(7)], today_n=6)
    assert (s.current_streak, s.best_streak) == (7, 7)


def test_a_missed_active_day_breaks_the_streak() -> None:
    log = [everything(i) for i in range(10) if i != 7]  # day 7 is a Monday: retinol
    s = stats(log, today_n=9)
    assert s.days[7].state == MISSED
    assert (s.current_streak, s.best_streak) == (2, 7)


def test_a_gap_on_a_rest_day_does_not_break_it() -> None:
    log = [everything(i) for i in range(10) if i not in (1, 2)]  # Tue/Wed: rest days
    s = stats(log, today_n=9)
    assert (s.current_streak, s.best_streak) == (8, 8)


def test_today_unchecked_does_not_break_the_current_streak() -> None:
    log = [everything(i) for i in range(3)]
    s = stats(log, today_n=3)  # today (Thursday, active) not logged yet
    assert s.days[-1].state == OPEN
    assert s.current_streak == 3
    assert stats(log + [everything(3)], today_n=3).current_streak == 4


def test_yesterday_missed_ends_the_current_streak() -> None:
    log = [everything(i) for i in range(3)]
    assert stats(log, today_n=4).current_streak == 0  # day 3 (active) missed
    assert stats(log, today_n=4).best_streak == 3


def test_backfilling_a_missed_day_heals_the_streak() -> None:
    log = [everything(i) for i in range(10) if i != 3]
    assert stats(log, today_n=9).current_streak == 6
    assert stats(log + [everything(3)], today_n=9).current_streak == 10


def test_streaks_from_a_list_of_states() -> None:
    def s(state: str):
        return DayStatus(day(0), (), frozenset(), frozenset(), False, False, state)

    seq = [s(KEPT), s(REST), s(KEPT), s(MISSED), s(KEPT), s(OPEN)]
    assert streaks(seq) == (1, 2)


# -- adherence and window ----------------------------------------------------------
def test_adherence_counts_planned_steps_up_to_today() -> None:
    log = [everything(0), CheckIn(day(1), frozenset({"am:cleanse"}))]
    s = stats(log, today_n=2)  # today (day 2) not logged: not counted
    by = {a.step: a for a in s.steps}
    assert by["am:cleanse"].planned == 2 and by["am:cleanse"].done == 2
    assert by["pm:retinol"].planned == 1 and by["pm:retinol"].done == 1
    assert by["am:sunscreen"].rate == 0.5
    # required steps: day 0 has 5 (makeup optional), day 1 has 4 -> 9 planned, 5 + 1 done
    assert (s.overall_planned, s.overall_done) == (9, 6)
    assert s.days_logged == 2
    assert [a.step for a in s.steps][:3] == ["am:cleanse", "am:sunscreen", "am:makeup"]


def test_today_counts_once_logged() -> None:
    s = stats([everything(2)], today_n=2)
    assert s.overall_done == 4 and s.overall_planned == 4 + 5 + 4


def test_window_limits_adherence_but_not_streaks() -> None:
    log = [everything(i) for i in range(21)]
    s = stats(log, today_n=20, days=7)
    assert s.first == day(14) and len(s.days) == 7 and s.days_logged == 7
    assert s.current_streak == 21 and s.best_streak == 21
    assert s.overall == 1.0


def test_window_never_reaches_before_the_plan_start() -> None:
    s = stats([everything(0)], today_n=1, days=30)
    assert s.first == START and len(s.days) == 2


def test_days_beyond_today_are_never_counted() -> None:
    s = stats([everything(i) for i in range(3)] + [everything(10)], today_n=2)
    assert s.days[-1].date == day(2) and s.days_logged == 3


def test_series_and_json_shape() -> None:
    log = [everything(0, irritation=0, bumps=5), everything(1, irritation=2), everything(2, bumps=3)]
    s = stats(log, today_n=2)
    assert s.irritation == ((day(0), 0), (day(1), 2))
    assert s.bumps == ((day(0), 5), (day(2), 3))
    data = s.to_dict()
    assert data["days_logged"] == 3 and data["streak"] == {"current": 3, "best": 3}
    assert data["adherence"]["overall"] == 1.0
    assert data["levels"]["retinol"][1] == {"week": 3, "from": "2026-12-07", "per_week": 3,
                                            "reason": "two calm weeks at 2", "rules": ["B4"]}
    assert [c["state"] for c in data["calendar"]] == ["kept", "kept", "kept"]


def test_level_history_dates() -> None:
    changes = level_history(PLAN)["retinol"]
    assert [(c.week, c.start, c.per_week) for c in changes] == [(1, START, 2), (3, day(14), 3)]


def test_sparkline() -> None:
    assert sparkline([0, 1, 2, 3], top=3) == "▁▃▆█"
    assert sparkline([None, 0, None]) == " ▁ "
    assert sparkline([]) == ""


# -- properties --------------------------------------------------------------
checkin_days = st.sets(st.integers(0, 27), max_size=28)


@settings(max_examples=examples(100), deadline=None)
@given(kept=checkin_days, today_n=st.integers(0, 27))
def test_streak_properties(kept: set[int], today_n: int) -> None:
    s = stats([everything(i) for i in kept], today_n=today_n)
    kept_until_today = {i for i in kept if i <= today_n}
    assert 0 <= s.current_streak <= s.best_streak <= len(kept_until_today)
    # adding the only missing days can never lower a streak
    more = stats([everything(i) for i in kept | set(range(today_n + 1))], today_n=today_n)
    assert more.best_streak == more.current_streak == today_n + 1 >= s.best_streak


@settings(max_examples=examples(100), deadline=None)
@given(kept=checkin_days, today_n=st.integers(0, 27), window=st.integers(1, 40))
def test_adherence_is_a_fraction_and_logged_days_are_in_the_window(kept: set[int], today_n: int, window: int) -> None:
    s = stats([everything(i) for i in kept], today_n=today_n, days=window)
    assert s.overall is None or 0.0 <= s.overall <= 1.0
    assert s.days_logged == len({i for i in kept if s.first <= day(i) <= day(today_n)})
    assert all(0 <= a.done <= a.planned for a in s.steps)
