"""Issue 12 item 11: a check-in, `today` and an export read only the plan's window of a long log,
and `log export` streams (constant memory) yet writes the same bytes as before. No timings:
rows read are counted, memory is measured with tracemalloc, plans are compared.
"""

from __future__ import annotations

import json
import random
import tracemalloc
from datetime import date, timedelta

import pytest

import milia_cli.store as store_mod
from milia_cli.logmodel import CheckIn, Event, Log
from milia_cli.planner import day_view, plan_for_day
from milia_cli.profile import load_profile
from milia_cli.store import open_store
from milia_cli.store_json import log_to_dict
from tests.conftest import BASE_PROFILE

pytestmark = pytest.mark.slow  # real processes, servers, a browser or whole courses: not in the quick loop

TODAY = date(2026, 11, 30)
# a constant, whatever the log's length: big_log's days before day 1 back to the episode open then
PRE_START = 10
START = date(2026, 11, 23)  # BASE_PROFILE's schedule.start


def big_log(start: date, today: date, days_outside: int, seed: int = 1) -> dict:
    """A milia.log/1 document: the plan's days, plus ``days_outside`` days before the start and
    after today (imported history and a bulk entry), as a log import allows."""
    rng = random.Random(seed)
    checkins = []
    before = start - timedelta(days=days_outside // 2)
    after = today + timedelta(days=60)
    days = [before + timedelta(days=i) for i in range((start - before).days)]
    days += [start + timedelta(days=i) for i in range((today - start).days + 1)]
    days += [after + timedelta(days=i) for i in range(days_outside - days_outside // 2)]
    for day in days:
        item = {"date": day.isoformat(), "done": ["am:cleanse", "pm:cleanse"], "irritation": rng.choice((0, 0, 1, 2, 3))}
        if rng.random() < 0.2:
            item["note"] = rng.choice(("calm", "tight — café ✓", "two new bumps\nleft eye"))
        if rng.random() < 0.1:
            item["bumps"] = rng.randint(0, 9)
        checkins.append(item)
    events = [{"date": (start + timedelta(days=2)).isoformat(), "kind": "extraction", "areas": ["cheeks"]}]
    return {"schema": "milia.log/1", "profile": "default", "checkins": checkins, "events": events}


@pytest.fixture
def long_log(milia, home):
    milia.write_profile()
    with open_store(home / "milia.db") as store:
        store.import_log("default", big_log(START, TODAY, 4000))
    return home


@pytest.fixture
def rows_converted(monkeypatch):
    """How many stored check-ins were turned into CheckIn records (what a read costs)."""
    seen = {"rows": 0}
    real = store_mod._row_to_checkin

    def counting(row):
        seen["rows"] += 1
        return real(row)

    monkeypatch.setattr(store_mod, "_row_to_checkin", counting)
    return seen


def test_checkin_reads_only_the_plans_window_of_a_long_log(milia, long_log, rows_converted):
    r = milia("checkin", "--date", TODAY.isoformat(), "--all", today=TODAY)
    assert r.exit_code == 0, r.output
    window = (TODAY - START).days + 1
    # PRE_START: the few days back to a pause or stop opened before day 1 (plan_history_first)
    assert rows_converted["rows"] <= window + 1 + PRE_START, f"read {rows_converted['rows']} check-ins for an {window}-day plan"


def _count_compact_rows(monkeypatch) -> dict:
    """How many compact rows (read_history, read_irritations) the store returned."""
    counted = {"rows": 0}
    for name in ("read_history", "read_irritations"):
        real = getattr(store_mod.Store, name)

        def counting(self, *args, _real=real, **kwargs):
            rows = _real(self, *args, **kwargs)
            counted["rows"] += len(rows)
            return rows

        monkeypatch.setattr(store_mod.Store, name, counting)
    return counted


def test_today_reads_only_the_plans_window_of_a_long_log(milia, long_log, monkeypatch):
    counted = _count_compact_rows(monkeypatch)
    r = milia("today", today=TODAY)
    assert r.exit_code == 0, r.output
    assert 0 < counted["rows"] <= (TODAY - START).days + 1 + PRE_START


def test_today_on_a_long_plan_makes_check_ins_only_of_the_notices_window(milia, home, rows_converted, monkeypatch):
    """A two-year plan: titration reads compact rows; full CheckIns only for the 12 weeks
    the notices look at (it used to convert the whole plan's check-ins)."""
    start = TODAY - timedelta(days=730)
    milia.write_profile(BASE_PROFILE.replace(f"start = {START.isoformat()}", f"start = {start.isoformat()}"))
    with open_store(home / "milia.db") as store:
        store.import_log("default", big_log(start, TODAY - timedelta(days=1), 0))
    counted = _count_compact_rows(monkeypatch)
    r = milia("today", today=TODAY)
    assert r.exit_code == 0, r.output
    assert rows_converted["rows"] <= 12 * 7 + 1, f"made {rows_converted['rows']} CheckIns"
    assert counted["rows"] >= 700  # the whole plan so far, as compact rows


def test_export_reads_only_the_exported_weeks(milia, long_log, rows_converted):
    r = milia("export", "json", "--weeks", "4", today=TODAY)
    assert r.exit_code == 0, r.output
    assert rows_converted["rows"] <= 14 + 28


def _export_peak(milia, home, days_outside: int, out) -> tuple[int, int]:
    with open_store(home / "milia.db") as store:
        store.import_log("default", big_log(START, TODAY, days_outside))
    assert milia("log", "export", "-o", str(out), today=TODAY).exit_code == 0  # imports done before measuring
    tracemalloc.start()
    try:
        r = milia("log", "export", "-o", str(out), today=TODAY)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert r.exit_code == 0, r.output
    return peak, out.stat().st_size


def test_log_export_streams_in_constant_memory(milia, home, tmp_path):
    """The peak does not grow with the log (it used to hold the whole document, then the text)."""
    milia.write_profile()
    small_peak, small_size = _export_peak(milia, home, 2000, tmp_path / "small.json")
    big_peak, big_size = _export_peak(milia, home, 12000, tmp_path / "big.json")  # the same log, 6x longer
    assert big_size > 5 * small_size
    assert big_peak < 1.5 * small_peak + 100_000, f"peak {small_peak} -> {big_peak} bytes: it is not streamed"
    assert big_peak < big_size / 2


@pytest.mark.parametrize("has_db", [True, False])
def test_log_export_is_byte_identical_to_the_whole_document(milia, home, tmp_path, has_db):
    milia.write_profile()
    key = "default"
    if has_db:
        doc = big_log(START, TODAY, 300, seed=5)
        doc["events"].append({"date": "2026-11-20", "kind": "laser", "areas": ["nose", "cheeks"]})
        with open_store(home / "milia.db") as store:
            store.import_log(key, doc)
            store.import_log("other", big_log(START, TODAY, 30, seed=6), force=True)
            expected = json.dumps(log_to_dict(key, store.read_log(key), "ana"), ensure_ascii=False, indent=2) + "\n"
    else:
        expected = json.dumps(log_to_dict(key, Log(), "ana"), ensure_ascii=False, indent=2) + "\n"
    r = milia("log", "export", today=TODAY)
    assert r.exit_code == 0, r.output
    assert r.stdout == expected
    out = tmp_path / "log.json"
    r = milia("log", "export", "-o", str(out), today=TODAY)
    assert r.exit_code == 0 and out.read_text(encoding="utf-8") == expected
    assert oct(out.stat().st_mode & 0o777) == "0o600"


def test_an_empty_profile_log_in_a_database_exports_like_before(milia, home):
    milia.write_profile()
    with open_store(home / "milia.db") as store:
        store.import_log("other", big_log(START, TODAY, 10), force=True)
    r = milia("log", "export", today=TODAY)
    assert r.stdout == json.dumps(log_to_dict("default", Log(), "ana"), ensure_ascii=False, indent=2) + "\n"


def _random_log(rng: random.Random, start: date, today: date) -> Log:
    checkins = []
    for i in range(-30, (today - start).days + 40):
        day = start + timedelta(days=i)
        if rng.random() < 0.7:
            checkins.append(CheckIn(date=day, done=frozenset(), skipped=frozenset(), all_done=True,
                                    irritation=rng.choice((None, 0, 1, 1, 2, 3)), bumps=None, note=None,
                                    picked=rng.random() < 0.05))
    events = tuple(Event(start + timedelta(days=rng.randint(-20, 60)), "extraction", ("cheeks",))
                   for _ in range(rng.randint(0, 2)))
    return Log(checkins=tuple(checkins), events=events)


def history_first(log: Log, start: date) -> date:
    """What ``Store.plan_history_first`` answers, computed from the log in Python: the first
    trigger (irritation 2-3) of the episode still possibly open on day 1."""
    before = [c for c in log.checkins if c.date < start and c.irritation is not None]

    def episode_start(day: date) -> date:
        while True:
            prev = max((c.date for c in before if c.irritation >= 2 and c.date < day), default=None)
            if prev is None or any(prev < c.date < day and c.irritation <= 1 for c in before):
                return day
            day = prev

    firsts = []
    moderate = max((c.date for c in before if c.irritation >= 2), default=None)
    if moderate is not None:
        firsts.append(episode_start(moderate))
    severe = max((c.date for c in before if c.irritation >= 3), default=None)
    if severe is not None and not any(e.kind == "resume" and e.date >= severe for e in log.events):
        firsts.append(episode_start(severe))
    return min(firsts, default=start)


@pytest.mark.parametrize("seed", range(40))
def test_the_window_gives_the_same_day_as_the_whole_log(tmp_path, seed):
    """What the fast reads rely on: the plan of a day and `today` depend on nothing outside
    [history_first, day] — day 1, or the pause or stop still open then (invariant 10 counts
    irritation logged on any day). A planner change that breaks this must change the reads too."""
    rng = random.Random(seed)
    start = date(2026, 9, 7)
    today = start + timedelta(days=rng.randint(0, 70))
    path = tmp_path / "p.toml"
    path.write_text(BASE_PROFILE.replace("start = 2026-11-23", f"start = {start}"))
    profile = load_profile(path)
    log = _random_log(rng, start, today)
    first = history_first(log, start)
    for _ in range(5):
        day = start + timedelta(days=rng.randint(0, (today - start).days))
        window = Log(checkins=tuple(c for c in log.checkins if first <= c.date <= day), events=log.events)
        assert plan_for_day(profile, window, day, today=today) == plan_for_day(profile, log, day, today=today)
        recent = Log(checkins=tuple(c for c in log.checkins if day - timedelta(days=7) <= c.date <= day),
                     events=log.events)
        rows = [(c.date, c.irritation) for c in log.checkins if first <= c.date <= day]
        short = day_view(profile, recent, day, today=today, irritations=rows)
        whole = day_view(profile, recent, day, today=today,
                         irritations=[(c.date, c.irritation) for c in log.checkins if c.date <= day])
        # the same steps, levels and rules; a notice about an episode closed before day 1 may
        # name a different first day (it is information, not what the evening holds)
        assert (short.day, short.level_changes, {n.id for n in short.notices}) == (
            whole.day, whole.level_changes, {n.id for n in whole.notices})


def test_the_store_finds_the_same_first_day(home, tmp_path):
    """Store.plan_history_first (two indexed look-ups) agrees with the rule above on random logs."""
    from milia_cli.store_json import log_to_dict

    start = date(2026, 9, 7)
    for seed in range(15):
        rng = random.Random(seed)
        log = _random_log(rng, start, start + timedelta(days=30))
        if seed % 3 == 0:  # a resume before day 1 ends a stop opened before it
            resume = Event(start - timedelta(days=rng.randint(1, 25)), "resume")
            log = log._replace(events=tuple(sorted(log.events + (resume,), key=lambda e: (e.date, e.kind))))
        key = f"p{seed}"
        with open_store(home / "milia.db") as store:
            store.import_log(key, log_to_dict(key, log))
            assert store.plan_history_first(key, start) == history_first(log, start), seed


def test_stats_reads_only_the_plan_so_far(milia, long_log, rows_converted, monkeypatch):
    counted = {"rows": 0}
    real = store_mod.Store.read_history

    def counting(self, *args, **kwargs):
        rows = real(self, *args, **kwargs)
        counted["rows"] += len(rows)
        return rows

    monkeypatch.setattr(store_mod.Store, "read_history", counting)
    r = milia("stats", "--json", today=TODAY)
    assert r.exit_code == 0, r.output
    window = (TODAY - START).days + 1
    assert counted["rows"] <= window + PRE_START and rows_converted["rows"] <= 84  # the default --days window
