"""Check-ins store step ids, never "all" (invariant 12; issue 11 item 4).

`checkin --all`, `log import` of "done": "all" and schema-1 rows stored as "all" all end
as the ids the plan had that day; `log export` writes ids. The expected ids come from the
planner itself (``plan_for_day`` with the same log), never from a hand-written list.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import BASE_PROFILE, TODAY
from milia_cli.checkin import planned_steps
from milia_cli.logmodel import CheckIn, Log
from milia_cli.planner import plan_for_day
from milia_cli.profile import parse_profile
from milia_cli.store import open_store
from tests.support.examples import examples
from tests.support.store_v1 import make_v1_db

PROFILE = parse_profile(BASE_PROFILE.encode(), "p")
START = date(2026, 11, 23)  # BASE_PROFILE's day 1, a Monday
LATER = date(2026, 12, 9)


def raw_rows(m) -> list[tuple]:
    conn = sqlite3.connect(m.home / "milia.db")
    try:
        return conn.execute("SELECT day, all_done, done, skipped FROM checkins ORDER BY day").fetchall()
    finally:
        conn.close()


def read(m, key: str = "default") -> Log:
    with open_store(m.home / "milia.db") as store:
        return store.read_log(key)


def planned(day: date, log: Log, today: date) -> frozenset[str]:
    return frozenset(plan_for_day(PROFILE, log, day, today=today).step_ids())


def test_checkin_all_stores_the_days_ids(milia) -> None:
    milia.write_profile()
    assert milia("checkin", "--all", "--skip", "am:makeup").exit_code == 0
    (day, all_done, done, skipped), = raw_rows(milia)
    assert all_done == 0 and "all" not in done.split()
    assert set(done.split()) == planned(TODAY, Log(), TODAY) - {"am:makeup"} and skipped == "am:makeup"
    assert "pm:retinol" in done.split()  # day 1 is a retinol evening: the exposure is on record


def test_a_v1_database_with_all_rows_is_converted_with_the_plan_of_each_day(milia) -> None:
    """Day 1 "all" (a retinol evening), irritation 3 on day 3, "all" on day 5 (stopped: no actives)."""
    milia.write_profile()
    days = [START + timedelta(days=i) for i in range(6)]
    make_v1_db(milia.home / "milia.db", [
        ("default", days[0].isoformat(), 1, "", "am:makeup", 0),
        ("default", days[1].isoformat(), 0, "am:cleanse", "", None),
        ("default", days[2].isoformat(), 0, "", "", 3),
        ("default", days[4].isoformat(), 1, "", "", None),
        ("other", days[0].isoformat(), 1, "", "", None),
    ])
    res = milia("checkin", "--date", days[5].isoformat(), "--done", "am:cleanse", today=days[5])
    assert res.exit_code == 0, res.output
    assert "2 earlier check-ins stored as \"all\"" in res.stderr
    log = read(milia)
    assert not any(c.all_done for c in log.checkins)
    for i in (0, 4):
        want = planned(days[i], log, days[5]) - log.on(days[i]).skipped
        assert log.on(days[i]).done == want, days[i]
    assert "pm:retinol" in log.on(days[0]).done  # what was used is known
    assert log.on(days[1]).done == {"am:cleanse"}  # rows with ids are untouched
    with open_store(milia.home / "milia.db") as store:
        assert store.pending_all_days("other") == (days[0],)  # another profile waits for its own profile
    again = milia("checkin", "--date", days[5].isoformat(), "--done", "pm:cleanse", today=days[5])
    assert again.exit_code == 0 and "stored as" not in again.stderr  # converted once


def test_stats_are_the_same_before_and_after_the_conversion(milia) -> None:
    milia.write_profile()
    make_v1_db(milia.home / "milia.db", [
        ("default", (START + timedelta(days=i)).isoformat(), 1 if i % 3 else 0, "" if i % 3 else "am:cleanse",
         "pm:moisturize" if i == 4 else "", i % 2) for i in range(14)])
    before = json.loads(milia("stats", "--json", today=LATER).stdout)
    assert milia("log", "export", today=LATER).exit_code == 0  # converts
    assert not any(r[1] for r in raw_rows(milia))
    assert json.loads(milia("stats", "--json", today=LATER).stdout) == before


def test_import_of_all_stores_ids_from_the_log_after_the_import(milia, tmp_path) -> None:
    milia.write_profile()
    doc = {"schema": "milia.log/1", "profile": "default", "checkins": [
        {"date": "2026-11-23", "done": "all", "skipped": ["am:makeup"]},
        {"date": "2026-11-24", "irritation": 3},
        {"date": "2026-11-26", "done": "all"},
    ]}
    path = tmp_path / "log.json"
    path.write_text(json.dumps(doc))
    res = milia("log", "import", str(path), today=LATER)
    assert res.exit_code == 0, res.output
    assert not any(r[1] for r in raw_rows(milia))
    log = read(milia)
    for day in (date(2026, 11, 23), date(2026, 11, 26)):
        assert log.on(day).done == planned(day, log, LATER) - log.on(day).skipped
    exported = json.loads(milia("log", "export", today=LATER).stdout)
    assert all(isinstance(c["done"], list) for c in exported["checkins"])
    assert "pm:retinol" in exported["checkins"][0]["done"]


def test_import_of_all_without_a_profile_fails_whole(milia, tmp_path) -> None:
    path = tmp_path / "log.json"
    path.write_text(json.dumps({"schema": "milia.log/1", "checkins": [{"date": "2026-11-23", "done": "all"},
                                                                      {"date": "2026-11-24", "done": []}]}))
    res = milia("log", "import", str(path))
    assert res.exit_code == 1 and "Traceback" not in res.output and res.stderr.count("\n") == 1
    assert "needs the profile" in res.stderr and "nothing was imported" in res.stderr
    with open_store(milia.home / "milia.db") as store:
        assert store.counts("default") == (0, 0)  # all or nothing


def test_export_with_a_broken_profile_still_backs_up_and_says_so(milia) -> None:
    milia.write_profile("schema = 1\nname = \"ana\"\n")  # broken: missing keys
    make_v1_db(milia.home / "milia.db", [("default", "2026-11-23", 1, "", "", 0)])
    res = milia("log", "export")
    assert res.exit_code == 0
    assert json.loads(res.stdout)["checkins"][0]["done"] == "all"
    assert "still stored as \"all\"" in res.stderr and res.stderr[-1] == "\n" and res.stderr.count("\n") == 1


def test_checkin_merging_into_an_all_day_of_schema_1_keeps_its_steps(milia) -> None:
    milia.write_profile()
    make_v1_db(milia.home / "milia.db", [("default", TODAY.isoformat(), 1, "", "", None)])
    assert milia("checkin", "--skip", "am:makeup").exit_code == 0
    ci = read(milia).on(TODAY)
    assert ci == CheckIn(TODAY, planned(TODAY, Log(), TODAY) - {"am:makeup"}, frozenset({"am:makeup"}))


# -- a property over generated schema-1 logs ---------------------------------------------------
@st.composite
def v1_rows(draw) -> list[tuple]:
    rows = []
    for n in sorted(set(draw(st.lists(st.integers(-3, 60), min_size=1, max_size=20)))):
        day = (START + timedelta(days=n)).isoformat()
        all_done = draw(st.booleans())
        skipped = draw(st.sampled_from(["", "am:makeup", "pm:moisturize"]))
        rows.append(("default", day, int(all_done), "" if all_done else "am:cleanse", skipped,
                     draw(st.none() | st.integers(0, 3))))
    return rows


@settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=v1_rows())
def test_conversion_stores_each_days_planned_ids(tmp_path_factory, rows) -> None:
    db = tmp_path_factory.mktemp("v1") / "milia.db"
    make_v1_db(db, rows)
    today = START + timedelta(days=61)
    with open_store(db) as store:
        pending = store.pending_all_days("default")
        assert len(pending) == sum(r[2] for r in rows)
        assert store.resolve_pending_all("default", planned_steps(PROFILE, today)) == len(pending)
        log = store.read_log("default")
        assert store.pending_all_days("default") == ()
    for day in pending:
        checkin = log.on(day)
        plan = plan_for_day(PROFILE, log, day, today=today)
        want = frozenset(plan.step_ids()) if plan else frozenset()  # a day before the start had no steps
        assert not checkin.all_done and checkin.done == want - checkin.skipped
    for _key, text, all_done, done, skipped, irritation in rows:  # nothing else changed
        checkin = log.on(date.fromisoformat(text))
        assert (checkin.irritation, checkin.skipped) == (irritation, frozenset(skipped.split()))
        if not all_done:
            assert checkin.done == frozenset(done.split())


def test_export_of_a_read_only_database_with_all_rows_still_backs_up(milia, monkeypatch) -> None:
    from milia_cli import store as store_mod

    milia.write_profile()
    make_v1_db(milia.home / "milia.db", [("default", "2026-11-22", 0, "am:cleanse", "", 0)])
    with open_store(milia.home / "milia.db"):
        pass  # migrated to schema 2 while writable
    conn = sqlite3.connect(milia.home / "milia.db")
    conn.execute("UPDATE checkins SET all_done = 1, done = ''")  # a day still held as "all"
    conn.commit()
    conn.close()
    real = sqlite3.connect
    monkeypatch.setattr(store_mod.sqlite3, "connect", lambda p, **kw: real(f"file:{p}?mode=ro", uri=True, **kw))
    res = milia("log", "export")
    monkeypatch.undo()
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["checkins"][0]["done"] == "all"
    assert "still stored as \"all\"" in res.stderr
