"""Store schema 2 and Log JSON revision 2: check-in count, resume events, dated profile changes.

A schema-1 database is built by hand (the v1 script, as released) and opened: the migration
keeps every row and the new columns and tables work. Round trips through the JSON and the
store are properties over generated logs.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from milia_cli.errors import MiliaError
from milia_cli.logmodel import PROCEDURE_KINDS, CheckIn, Event, Log, ProfileChange
from milia_cli.profile import AREAS
from milia_cli.store import open_store
from milia_cli.store_json import STEP_IDS, log_from_dict, log_to_dict
from milia_cli.store_schema import SCHEMA_VERSION
from tests.support.examples import examples
from tests.support.store_v1 import make_v1_db

D = date(2026, 11, 23)
DAY0 = date(2024, 1, 1)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "milia.db"


def test_schema_2_stores_count_resume_and_changes(db: Path) -> None:
    assert SCHEMA_VERSION >= 2
    change = ProfileChange(D, "pregnancy", "none", "pregnant")
    areas = ProfileChange(D + timedelta(days=1), "milia.areas", ("cheeks",), ("cheeks", "nose"))
    with open_store(db) as store:
        store.save_checkin("ana", CheckIn(D, frozenset({"am:cleanse"}), irritation=3, count=7, bumps=1))
        assert store.add_event("ana", Event(D + timedelta(days=9), "resume", (), True))
        assert store.add_event("ana", Event(D, "laser", ("cheeks",)))
        assert store.record_change("ana", change) and store.record_change("ana", areas)
        log = store.read_log("ana")
    assert log.checkins == (CheckIn(D, frozenset({"am:cleanse"}), irritation=3, count=7, bumps=1),)
    assert log.events == (Event(D, "laser", ("cheeks",)), Event(D + timedelta(days=9), "resume", (), True))
    assert log.changes == (change, areas)
    assert log.procedures == (Event(D, "laser", ("cheeks",)),)


def test_merge_keeps_and_replaces_the_count(db: Path) -> None:
    with open_store(db) as store:
        store.merge_checkin("ana", CheckIn(D, frozenset({"am:cleanse"}), count=5))
        assert store.merge_checkin("ana", CheckIn(D, frozenset({"pm:cleanse"}))).count == 5
        assert store.merge_checkin("ana", CheckIn(D, count=0)).count == 0


def test_a_resume_given_again_with_seen_clinician_records_it(db: Path) -> None:
    with open_store(db) as store:
        assert store.add_event("ana", Event(D, "resume"))
        assert not store.add_event("ana", Event(D, "resume", (), True))
        assert store.events("ana") == (Event(D, "resume", (), True),)
        assert not store.add_event("ana", Event(D, "resume"))  # never taken back
        assert store.events("ana") == (Event(D, "resume", (), True),)


@pytest.mark.parametrize("event", [Event(D, "resume", ("cheeks",)), Event(D, "laser", ("cheeks",), True),
                                   Event(D, "teleport")])
def test_events_that_make_no_sense_are_refused(db: Path, event: Event) -> None:
    with open_store(db) as store:
        with pytest.raises(MiliaError):
            store.add_event("ana", event)
        assert store.events("ana") == ()


def test_the_store_refuses_to_store_all(db: Path) -> None:
    with open_store(db) as store:
        for write in (store.save_checkin, store.merge_checkin):
            with pytest.raises(MiliaError, match="invariant 12"):
                write("ana", CheckIn(D, all_done=True))
        assert store.counts("ana") == (0, 0)


def test_a_second_change_of_a_key_on_one_day_keeps_the_days_old_value(db: Path) -> None:
    with open_store(db) as store:
        store.record_change("ana", ProfileChange(D, "pregnancy", "none", "trying"))
        store.record_change("ana", ProfileChange(D, "pregnancy", "trying", "pregnant"))
        assert store.changes("ana") == (ProfileChange(D, "pregnancy", "none", "pregnant"),)
        store.record_change("ana", ProfileChange(D, "pregnancy", "pregnant", "none"))
        assert store.changes("ana") == ()  # back where the day began: no change that day


def test_a_v1_database_is_migrated_keeping_every_row(db: Path) -> None:
    make_v1_db(db, [("ana", "2026-11-23", 0, "am:cleanse pm:retinol", "am:sunscreen", 1),
                    ("ana", "2026-11-24", 1, "", "pm:moisturize", 0)],
               [("ana", "2026-11-20", "laser", "cheeks")])
    with open_store(db) as store:
        assert store.schema_version == SCHEMA_VERSION
        log = store.read_log("ana")
        assert log.checkins[0] == CheckIn(D, frozenset({"am:cleanse", "pm:retinol"}), frozenset({"am:sunscreen"}),
                                          irritation=1)
        assert log.checkins[1].all_done and log.checkins[1].count is None
        assert log.events == (Event(date(2026, 11, 20), "laser", ("cheeks",)),)
        assert store.pending_all_days("ana") == (date(2026, 11, 24),)
        assert store.add_event("ana", Event(D, "resume", (), True))  # the rebuilt events table takes it
        assert store.integrity_check() == []
        conn = store._conn
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        plan = " ".join(r[-1] for r in conn.execute(
            "EXPLAIN QUERY PLAN SELECT day FROM checkins INDEXED BY checkins_pending_all "
            "WHERE profile_id = 1 AND all_done = 1"))
        assert "checkins_pending_all" in plan  # the pending lookup every command makes is one index probe


def test_deleting_a_profiles_log_removes_its_changes(db: Path) -> None:
    with open_store(db) as store:
        store.record_change("ana", ProfileChange(D, "pregnancy", "none", "pregnant"))
        store.record_change("bea", ProfileChange(D, "pregnancy", "none", "trying"))
        store.delete_profile_log("ana")
        assert store.changes("ana") == () and len(store.changes("bea")) == 1


# -- Log JSON ------------------------------------------------------------------------------
def test_export_carries_count_resume_and_changes(db: Path) -> None:
    with open_store(db) as store:
        store.save_checkin("ana", CheckIn(D, frozenset({"am:cleanse"}), count=6, bumps=1))
        store.add_event("ana", Event(D + timedelta(days=27), "resume", (), True))
        store.record_change("ana", ProfileChange(D, "milia.areas", ("cheeks",), ("cheeks", "nose")))
        doc = store.export_log("ana")
    assert doc["checkins"][0]["count"] == 6 and doc["checkins"][0]["done"] == ["am:cleanse"]
    assert doc["events"] == [{"date": "2026-12-20", "kind": "resume", "seen_clinician": True}]
    assert doc["changes"] == [{"date": "2026-11-23", "key": "milia.areas", "old": ["cheeks"], "new": ["cheeks", "nose"]}]


def test_the_spec_example_imports() -> None:
    doc = {"schema": "milia.log/1", "profile": "ana",
           "checkins": [{"date": "2026-11-23", "done": ["am:cleanse", "pm:retinol"], "skipped": ["am:sunscreen"],
                         "irritation": 1, "count": 6, "bumps": 1, "note": "tight after retinol"}],
           "events": [{"date": "2026-12-10", "kind": "extraction", "areas": ["cheeks"]},
                      {"date": "2026-12-20", "kind": "resume", "seen_clinician": True}]}
    parsed = log_from_dict(doc, "x")
    assert parsed.checkins[0].count == 6
    assert parsed.events[1] == Event(date(2026, 12, 20), "resume", (), True)


@pytest.mark.parametrize("bad, words", [
    ({"checkins": [{"date": "2026-11-23", "count": -1}]}, "'count'"),
    ({"checkins": [{"date": "2026-11-23", "count": 1.5}]}, "'count'"),
    ({"events": [{"date": "2026-11-23", "kind": "resume", "areas": ["cheeks"]}]}, "no areas"),
    ({"events": [{"date": "2026-11-23", "kind": "laser", "seen_clinician": True}]}, "resume event only"),
    ({"events": [{"date": "2026-11-23", "kind": "resume", "seen_clinician": "yes"}]}, "true or false"),
    ({"changes": [{"date": "2026-11-23", "key": "pregnancy", "old": "none"}]}, "'new' is missing"),
    ({"changes": [{"date": "2026-11-23", "key": "", "old": "none", "new": "x"}]}, "dotted profile key"),
    ({"changes": [{"date": "2026-11-23", "key": "k", "old": {"a": 1}, "new": "x"}]}, "found an object"),
    ({"changes": [{"date": "2026-11-23", "key": "k", "old": 1, "new": 2}] * 2}, "appears twice"),
])
def test_bad_revision_2_fields_are_one_sentence(bad: dict, words: str) -> None:
    with pytest.raises(MiliaError, match="nothing was imported") as err:
        log_from_dict({"schema": "milia.log/1", **bad}, "f.json")
    assert words in str(err.value)


step_sets = st.frozensets(st.sampled_from(sorted(STEP_IDS)), max_size=6)
values = st.one_of(st.none(), st.booleans(), st.integers(1900, 2100), st.sampled_from(("none", "pregnant", "dry")),
                   st.lists(st.sampled_from(AREAS), max_size=3, unique=True).map(tuple))


@st.composite
def logs(draw) -> Log:
    days = sorted(set(draw(st.lists(st.integers(0, 2000), max_size=25))))
    checkins = []
    for n in days:
        done = draw(step_sets)
        checkins.append(CheckIn(DAY0 + timedelta(days=n), done, draw(step_sets) - done, False,
                                draw(st.none() | st.integers(0, 3)), draw(st.none() | st.integers(0, 50)),
                                draw(st.none() | st.text(max_size=10).filter(lambda t: t.isprintable())),
                                draw(st.booleans()), draw(st.none() | st.integers(0, 10_000))))
    events = set()
    for n in draw(st.lists(st.integers(0, 2000), max_size=5)):
        if draw(st.booleans()):
            events.add(Event(DAY0 + timedelta(days=n), "resume", (), draw(st.booleans())))
        else:
            chosen = draw(st.frozensets(st.sampled_from(AREAS), max_size=3))
            events.add(Event(DAY0 + timedelta(days=n), draw(st.sampled_from(PROCEDURE_KINDS)),
                             tuple(a for a in AREAS if a in chosen)))
    by_day_kind: dict = {}
    for e in sorted(events, key=lambda e: (e.date, e.kind, e.areas, e.seen_clinician)):
        by_day_kind[(e.date, e.kind, e.areas)] = e
    changes = {}
    for n in draw(st.lists(st.integers(0, 2000), max_size=5)):
        key = draw(st.sampled_from(("pregnancy", "milia.areas", "cautions.facial_steroid", "birth_year")))
        old, new = draw(values), draw(values)
        if old != new:
            changes[(DAY0 + timedelta(days=n), key)] = ProfileChange(DAY0 + timedelta(days=n), key, old, new)
    return Log(tuple(checkins), tuple(sorted(by_day_kind.values(), key=lambda e: (e.date, e.kind, e.areas))),
               tuple(changes[k] for k in sorted(changes)))


@settings(max_examples=examples(80), deadline=None)
@given(log=logs())
def test_json_round_trip_is_exact(log: Log) -> None:
    doc = json.loads(json.dumps(log_to_dict("ana", log)))
    parsed = log_from_dict(doc, "x")
    assert Log(parsed.checkins, parsed.events, parsed.changes) == log


@settings(max_examples=examples(30), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(log=logs())
def test_store_import_then_export_round_trips(tmp_path_factory, log: Log) -> None:
    db = tmp_path_factory.mktemp("rt") / "milia.db"
    doc = log_to_dict("ana", log)
    with open_store(db) as store:
        report = store.import_log("ana", doc)
        assert report.changes_added == len(log.changes)
        assert store.read_log("ana") == log
        assert store.export_log("ana") == doc
        again = store.import_log("ana", doc)  # idempotent
        assert (again.added, again.events_added, again.changes_added) == (0, 0, 0)
        assert store.read_log("ana") == log
