"""The SQLite log: permissions, schema versions, refusal of bad files, transactions, indexes."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import date, timedelta
from pathlib import Path

import pytest

from milia_cli.errors import MiliaError
from milia_cli.logmodel import CheckIn, Event
from milia_cli.store import ImportReport, merge_checkins, open_store
from milia_cli.store_schema import APPLICATION_ID, SCHEMA_VERSION

D = date(2026, 11, 23)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "milia.db"


def snapshot(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(path.parent.iterdir())}


# -- creation and permissions ------------------------------------------------------------
def test_creates_private_dir_and_files_whatever_the_umask(db: Path) -> None:
    old = os.umask(0)
    try:
        with open_store(db) as store:
            store.save_checkin("ana", CheckIn(D, frozenset({"am:cleanse"})))
            sidecars = [db.with_name(db.name + s) for s in ("-wal", "-shm")]
            assert all(p.exists() for p in sidecars), "WAL mode keeps -wal and -shm while open"
            assert {p.name: mode(p) for p in sidecars} == {p.name: 0o600 for p in sidecars}
            assert store.schema_version == SCHEMA_VERSION
    finally:
        os.umask(old)
    assert mode(db.parent) == 0o700
    assert mode(db) == 0o600


def test_pragmas_wal_foreign_keys_busy_timeout_and_application_id(db: Path) -> None:
    with open_store(db, timeout=2.5) as store:
        conn = store._conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 2500
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_reopening_does_not_migrate_again_or_lose_data(db: Path) -> None:
    with open_store(db) as store:
        store.save_checkin("ana", CheckIn(D, irritation=1))
    with open_store(db) as store:
        assert store.get_checkin("ana", D) == CheckIn(D, irritation=1)


# -- files it must refuse and never touch --------------------------------------------------
def test_newer_schema_is_refused_and_left_byte_identical(db: Path) -> None:
    with open_store(db) as store:
        store.save_checkin("ana", CheckIn(D))
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.execute("PRAGMA journal_mode = DELETE")  # fold the WAL so the file alone is the state
    conn.close()
    before = snapshot(db)
    with pytest.raises(MiliaError) as err:
        open_store(db)
    text = str(err.value)
    assert "newer milia" in text and str(db) in text and "left untouched" in text
    assert snapshot(db) == before


@pytest.mark.parametrize(
    "content",
    [b"this is not a database at all, just some text" * 10, b"\x00" * 4096, b"SQLite format 3\x00" + b"\xff" * 40],
)
def test_non_sqlite_or_truncated_file_is_refused_and_kept(db: Path, content: bytes) -> None:
    db.parent.mkdir(mode=0o700)
    db.write_bytes(content)
    with pytest.raises(MiliaError) as err:
        open_store(db)
    text = str(err.value)
    assert str(db) in text and "milia log import" in text and "milia log export" in text
    assert db.read_bytes() == content
    assert sorted(p.name for p in db.parent.iterdir()) == ["milia.db"]


def test_damaged_pages_are_reported_with_restore_hint_not_repaired(db: Path) -> None:
    with open_store(db) as store:
        store.import_log("ana", {"schema": "milia.log/1", "profile": "ana", "checkins": [
            {"date": (D + timedelta(days=i)).isoformat(), "note": "x" * 500} for i in range(300)
        ]})
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the main file, still in WAL mode
    conn.close()
    raw = bytearray(db.read_bytes())
    page = 4096
    for offset in range(2 * page, len(raw), page):  # scribble over every page after the first two
        raw[offset:offset + 64] = b"\xa5" * 64
    db.write_bytes(bytes(raw))
    before = db.read_bytes()
    with pytest.raises(MiliaError) as err, open_store(db) as store:
        store.read_log("ana")
        if not store.integrity_check():
            raise AssertionError("corruption went unnoticed")
        raise MiliaError("integrity_check found it: " + str(store.integrity_check()[:1]))
    text = str(err.value)
    assert "damaged" in text and str(db) in text and "milia log import" in text, text
    assert db.read_bytes() == before


def test_a_foreign_sqlite_database_is_refused(db: Path) -> None:
    db.parent.mkdir(mode=0o700)
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE songs(title TEXT)")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    with pytest.raises(MiliaError, match="not a milia log"):
        open_store(db)
    assert db.read_bytes() == before


# -- locks, read-only, full disk -------------------------------------------------------------
def test_a_locked_database_waits_then_fails_clearly(db: Path) -> None:
    with open_store(db) as store:
        store.save_checkin("ana", CheckIn(D))
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with open_store(db, timeout=0.05) as store:
            assert store.get_checkin("ana", D) == CheckIn(D)  # readers are not blocked (WAL)
            with pytest.raises(MiliaError) as err:
                store.save_checkin("ana", CheckIn(D, irritation=2))
        assert "busy" in str(err.value) and "nothing was changed" in str(err.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with open_store(db) as store:
        assert store.get_checkin("ana", D) == CheckIn(D)


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores permissions")
def test_read_only_directory_is_a_clear_error(tmp_path: Path) -> None:
    data = tmp_path / "ro"
    data.mkdir(mode=0o500)
    try:
        with pytest.raises(MiliaError) as err:
            open_store(data / "milia.db")
        assert str(data) in str(err.value)
    finally:
        data.chmod(0o700)


def test_full_disk_is_a_clear_error_and_nothing_is_written(db: Path) -> None:
    with open_store(db) as store:
        store.save_checkin("ana", CheckIn(D))
        pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
        store._conn.execute(f"PRAGMA max_page_count = {pages}")  # the "disk" is now full
        big = {"schema": "milia.log/1", "profile": "ana", "checkins": [
            {"date": (D + timedelta(days=i + 1)).isoformat(), "note": "n" * 1500} for i in range(200)
        ]}
        with pytest.raises(MiliaError, match="full"):
            store.import_log("ana", big)
        assert store.counts("ana") == (1, 0)


# -- check-ins --------------------------------------------------------------------
def test_save_checkin_inserts_then_replaces_never_duplicates(db: Path) -> None:
    with open_store(db) as store:
        assert store.save_checkin("ana", CheckIn(D, frozenset({"am:cleanse"}))) is True
        assert store.save_checkin("ana", CheckIn(D, frozenset({"pm:retinol"}), irritation=2)) is False
        assert store.read_log("ana").checkins == (CheckIn(D, frozenset({"pm:retinol"}), irritation=2),)
        assert store.counts("ana") == (1, 0)


def test_profiles_are_separate(db: Path) -> None:
    with open_store(db) as store:
        store.save_checkin("ana", CheckIn(D, irritation=1))
        store.save_checkin("bea", CheckIn(D, irritation=3))
        assert store.get_checkin("ana", D).irritation == 1
        assert store.get_checkin("bea", D).irritation == 3
        assert store.get_checkin("cid", D) is None
        assert store.profile_keys() == ["ana", "bea"]
        assert store.read_log("cid").checkins == ()


def test_read_log_window_is_inclusive(db: Path) -> None:
    with open_store(db) as store:
        for i in range(10):
            store.save_checkin("ana", CheckIn(D + timedelta(days=i)))
        log = store.read_log("ana", first=D + timedelta(days=2), last=D + timedelta(days=4))
        assert [c.date for c in log.checkins] == [D + timedelta(days=i) for i in (2, 3, 4)]
        assert len(store.read_log("ana", first=D + timedelta(days=8)).checkins) == 2
        assert len(store.read_log("ana", last=D).checkins) == 1


def test_invalid_checkins_are_refused_before_writing(db: Path) -> None:
    with open_store(db) as store:
        for bad in (
            CheckIn(D, frozenset({"am:teleport"})),
            CheckIn(D, frozenset({"am:cleanse"}), frozenset({"am:cleanse"})),
            CheckIn(D, irritation=4),
            CheckIn(D, bumps=-1),
            CheckIn(D, note="bell\x07"),
            CheckIn(D, note="x" * 100_000),
        ):
            with pytest.raises(MiliaError):
                store.save_checkin("ana", bad)
        assert store.counts("ana") == (0, 0)


def test_notes_keep_unicode_and_newlines_exactly(db: Path) -> None:
    note = "tight after retinol\nзатянуто · 乾燥 · 🧴\tok"
    with open_store(db) as store:
        store.save_checkin("ana", CheckIn(D, note=note))
    with open_store(db) as store:
        assert store.get_checkin("ana", D).note == note


def test_merge_accumulates_the_day() -> None:
    am = CheckIn(D, frozenset({"am:cleanse", "am:sunscreen"}))
    pm = CheckIn(D, frozenset({"pm:retinol"}), frozenset({"am:sunscreen"}), irritation=1)
    merged = merge_checkins(am, pm)
    assert merged.done == {"am:cleanse", "pm:retinol"}
    assert merged.skipped == {"am:sunscreen"}
    assert merged.irritation == 1
    again = merge_checkins(merged, CheckIn(D, all_done=True, note="all good"))
    assert again.all_done and again.done == frozenset() and again.skipped == frozenset()
    assert again.irritation == 1 and again.note == "all good"
    assert merge_checkins(again, CheckIn(D, picked=True)).picked


def test_merge_checkin_in_the_store(db: Path) -> None:
    with open_store(db) as store:
        store.merge_checkin("ana", CheckIn(D, frozenset({"am:cleanse"})))
        store.merge_checkin("ana", CheckIn(D, frozenset({"pm:cleanse"}), bumps=3))
        assert store.get_checkin("ana", D) == CheckIn(D, frozenset({"am:cleanse", "pm:cleanse"}), bumps=3)


# -- events and deletion ------------------------------------------------------------
def test_events_are_deduplicated_and_sorted(db: Path) -> None:
    with open_store(db) as store:
        assert store.add_event("ana", Event(D, "laser", ("cheeks",)))
        assert not store.add_event("ana", Event(D, "laser", ("cheeks",)))
        assert store.add_event("ana", Event(D - timedelta(days=3), "extraction", ("nose", "cheeks")))
        assert [e.kind for e in store.events("ana")] == ["extraction", "laser"]
        assert store.events("bea") == ()


def test_delete_profile_log_removes_everything_of_that_profile_only(db: Path) -> None:
    with open_store(db) as store:
        for i in range(5):
            store.save_checkin("ana", CheckIn(D + timedelta(days=i)))
        store.add_event("ana", Event(D, "laser", ("cheeks",)))
        store.save_checkin("bea", CheckIn(D))
        assert store.delete_profile_log("ana") == (5, 1)
        assert store.delete_profile_log("ana") == (0, 0)
        assert store.profile_keys() == ["bea"]
        for table in ("checkins", "events"):
            assert store._conn.execute(f"SELECT count(*) FROM {table} WHERE profile_id NOT IN "
                                       "(SELECT id FROM profiles)").fetchone()[0] == 0
        assert store.integrity_check() == []


# -- import is all or nothing ------------------------------------------------------------
def test_import_reports_added_and_replaced(db: Path) -> None:
    doc = {"schema": "milia.log/1", "profile": "ana",
           "checkins": [{"date": "2026-11-23", "done": "all"}, {"date": "2026-11-24", "done": ["am:cleanse"]}],
           "events": [{"date": "2026-11-20", "kind": "laser", "areas": ["cheeks"]}]}
    with open_store(db) as store:
        store.save_checkin("ana", CheckIn(D, irritation=3))
        assert store.import_log("ana", doc) == ImportReport(added=1, replaced=1, events_added=1)
        assert store.import_log("ana", doc) == ImportReport(added=0, replaced=2, events_added=0)
        assert store.get_checkin("ana", D) == CheckIn(D, all_done=True)


def test_import_with_one_bad_day_writes_nothing(db: Path) -> None:
    good = [{"date": f"2026-12-{d:02d}", "done": "all"} for d in range(1, 20)]
    doc = {"schema": "milia.log/1", "profile": "ana", "checkins": good + [{"date": "2026-02-30"}]}
    with open_store(db) as store:
        with pytest.raises(MiliaError, match="2026-02-30"):
            store.import_log("ana", doc)
        assert store.counts("ana") == (0, 0)


def test_import_of_another_profiles_log_needs_force(db: Path) -> None:
    doc = {"schema": "milia.log/1", "profile": "bea", "checkins": [{"date": "2026-11-23"}]}
    with open_store(db) as store:
        with pytest.raises(MiliaError, match="--force"):
            store.import_log("ana", doc)
        assert store.import_log("ana", doc, force=True).added == 1


# -- the hot queries use an index -------------------------------------------------------------
def test_hot_queries_use_an_index(db: Path) -> None:
    with open_store(db) as store:
        store.save_checkin("ana", CheckIn(D))
        conn = store._conn

        def plan(sql: str, args: tuple) -> str:
            return " | ".join(row[-1] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, args))

        window = plan(
            "SELECT day, all_done, done, skipped, irritation, bumps, note, picked FROM checkins "
            "WHERE profile_id = ? AND day BETWEEN ? AND ? ORDER BY day", (1, "2026-01-01", "2026-12-31"))
        assert "SEARCH checkins USING PRIMARY KEY (profile_id=? AND day>? AND day<?)" in window
        assert "TEMP B-TREE" not in window  # ORDER BY day comes from the index
        one = plan(
            "SELECT day FROM checkins JOIN profiles ON profiles.id = checkins.profile_id "
            "WHERE profiles.key = ? AND checkins.day = ?", ("ana", "2026-11-23"))
        assert "SEARCH profiles USING COVERING INDEX" in one
        assert "SEARCH checkins USING PRIMARY KEY (profile_id=? AND day=?)" in one
        events = plan("SELECT day, kind, areas FROM events WHERE profile_id = ? ORDER BY day, kind, areas", (1,))
        assert "SEARCH events USING COVERING INDEX" in events and "TEMP B-TREE" not in events
