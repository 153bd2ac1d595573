"""Issue 12 items 1 and 2: a damaged or mismatched ``-wal`` never loses check-ins silently, and a
database milia judged damaged is never changed — real files, real processes, real SQLite WALs.

The WAL is kept alive the way it happens in life: another process holds a read snapshot while
check-ins commit (so no checkpoint can fold the frames into milia.db), then dies.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from milia_cli.wal import FRAME_HEADER_SIZE, HEADER_SIZE, inspect_wal_bytes
from tests.conftest import BASE_PROFILE
from tests.support.processes import child_env, run_milia

pytestmark = pytest.mark.slow  # real processes, servers, a browser or whole courses: not in the quick loop

START = "2026-11-01"
DAYS = [f"2026-11-{d:02d}" for d in range(1, 31)]  # MILIA_NOW is 2026-11-30 in run_milia
PROFILE = BASE_PROFILE.replace("start = 2026-11-23", f"start = {START}")

HOLD_SNAPSHOT = r"""
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN")
conn.execute("SELECT count(*) FROM checkins").fetchone()
print("holding", flush=True)
sys.stdin.read()  # until killed
"""


def files(home: Path) -> list[Path]:
    db = home / "milia.db"
    return [db, db.with_name("milia.db-wal"), db.with_name("milia.db-shm")]


def state(home: Path) -> dict[str, tuple]:
    """Bytes and mtime of the database's three files (None where one is absent)."""
    out = {}
    for path in files(home):
        try:
            st = path.stat()
        except FileNotFoundError:
            out[path.name] = None
            continue
        out[path.name] = (path.read_bytes(), st.st_mtime_ns, st.st_size)
    return out


def checkin(home: Path, day: str, note: str) -> None:
    r = run_milia(home, "checkin", "--date", day, "--all", "--note", note)
    assert r.returncode == 0, r.stderr


def stored_days(home: Path) -> set[str]:
    r = run_milia(home, "log", "export")
    assert r.returncode == 0, r.stderr
    import json

    return {c["date"] for c in json.loads(r.stdout)["checkins"]}


class Reader:
    """Another process with an open read snapshot: checkpoints cannot fold the WAL in meanwhile."""

    def __init__(self, db: Path) -> None:
        self.proc = subprocess.Popen([sys.executable, "-c", HOLD_SNAPSHOT, str(db)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, env=child_env())
        assert self.proc.stdout.readline().strip() == "holding"

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)


@pytest.fixture
def profile_home(milia, home) -> Path:
    milia.write_profile(PROFILE)
    checkin(home, DAYS[0], "first day")
    checkin(home, DAYS[1], "second day")
    return home


def live_wal_after(home: Path, days: list[str]) -> None:
    """Check in ``days`` (each exit 0) while a reader holds a snapshot, then kill the reader."""
    reader = Reader(home / "milia.db")
    try:
        for day in days:
            checkin(home, day, f"note of {day}")
    finally:
        reader.kill()


def flip_inside_frame(wal: Path, frame: int, count: int = 16) -> None:
    raw = bytearray(wal.read_bytes())
    page_size = int.from_bytes(raw[8:12], "big")
    at = HEADER_SIZE + (frame - 1) * (FRAME_HEADER_SIZE + page_size) + FRAME_HEADER_SIZE + 100
    for i in range(count):
        raw[at + i] ^= 0xFF
    wal.write_bytes(bytes(raw))


# -- item 1: a corrupted -wal --------------------------------------------------------------------
def test_a_live_wal_from_a_killed_reader_is_whole_and_every_checkin_is_kept(profile_home):
    """The baseline the next test damages: the WAL holds the 10 days, and they all survive."""
    live_wal_after(profile_home, DAYS[2:12])
    wal = profile_home / "milia.db-wal"
    report = inspect_wal_bytes(wal.read_bytes())
    assert report.frames >= 10 and report.valid == report.current and not report.damaged
    assert stored_days(profile_home) == set(DAYS[:12])
    checkin(profile_home, DAYS[12], "after the crash")
    assert stored_days(profile_home) == set(DAYS[:13])


def test_a_wal_with_a_damaged_frame_is_refused_by_every_command_and_reported_by_doctor(profile_home):
    live_wal_after(profile_home, DAYS[2:12])
    wal = profile_home / "milia.db-wal"
    flip_inside_frame(wal, 2)
    assert inspect_wal_bytes(wal.read_bytes()).damaged
    before = state(profile_home)

    r = run_milia(profile_home, "doctor")
    assert r.returncode == 1, r.stdout
    assert "integrity ok" not in r.stdout and str(wal) in r.stdout and "damaged" in r.stdout
    for argv in (["stats"], ["today"], ["log", "export"], ["checkin", "--date", DAYS[12], "--all"],
                 ["export", "json"], ["profile", "delete", "default", "--yes"]):
        r = run_milia(profile_home, *argv)
        assert r.returncode == 1, (argv, r.stdout, r.stderr)
        (line,) = [x for x in r.stderr.splitlines() if x.strip()]
        assert str(wal) in line and "damaged" in line and "cp -p" in line, line
        assert "Traceback" not in r.stderr
        assert state(profile_home) == before, f"{argv} changed the database files"
    assert (profile_home / "profiles" / "default.toml").exists()


def test_the_refusal_says_which_files_to_copy_where(profile_home):
    live_wal_after(profile_home, DAYS[2:6])
    flip_inside_frame(profile_home / "milia.db-wal", 2)
    r = run_milia(profile_home, "checkin", "--date", DAYS[7], "--all")
    line = r.stderr.strip()
    for path in files(profile_home):
        assert str(path) in line
    assert "~/milia-rescue/" in line and "nothing was changed" in line


def test_damage_in_the_last_commit_frame_is_also_found(profile_home):
    live_wal_after(profile_home, DAYS[2:5])
    wal = profile_home / "milia.db-wal"
    frames = inspect_wal_bytes(wal.read_bytes()).frames
    flip_inside_frame(wal, frames)
    r = run_milia(profile_home, "today")
    assert r.returncode == 1 and "damaged" in r.stderr


# -- item 2: an old milia.db restored beside a newer -wal ----------------------------------------------
def test_an_old_database_beside_a_newer_wal_is_never_changed(profile_home, tmp_path):
    backup = tmp_path / "backup.db"
    backup.write_bytes((profile_home / "milia.db").read_bytes())
    long_note = "x" * 1500  # the database grows by many pages after the backup
    for day in DAYS[2:14]:
        checkin(profile_home, day, long_note + day)
    live_wal_after(profile_home, DAYS[14:29])
    db = profile_home / "milia.db"
    os.replace(backup, db)  # "restored" the old file; the -wal and -shm are the newer ones
    before = state(profile_home)
    assert before["milia.db-wal"] is not None

    for argv in (["today"], ["stats"], ["checkin", "--date", DAYS[29], "--all"], ["log", "export"]):
        r = run_milia(profile_home, *argv)
        assert r.returncode == 1, (argv, r.stdout, r.stderr)
        (line,) = [x for x in r.stderr.splitlines() if x.strip()]
        assert str(db) in line and "do not fit together" in line and "Traceback" not in r.stderr, line
        assert state(profile_home) == before, f"{argv} changed milia.db, its -wal or its -shm"
    r = run_milia(profile_home, "doctor")
    assert r.returncode == 1 and "integrity ok" not in r.stdout
    assert state(profile_home) == before, "doctor changed the files"


def test_the_check_of_a_stale_wal_leaves_no_scratch_copy(profile_home):
    live_wal_after(profile_home, DAYS[2:5])
    checkin(profile_home, DAYS[6], "after")
    assert not [p for p in profile_home.iterdir() if p.name.startswith(".milia-check-")]


def test_a_checkin_while_another_process_reads_is_not_mistaken_for_damage(profile_home):
    """With the reader alive the WAL is live: SQLite coordinates it, no scratch check, no refusal."""
    reader = Reader(profile_home / "milia.db")
    try:
        for day in DAYS[2:6]:
            checkin(profile_home, day, "while read")
    finally:
        reader.kill()
    assert stored_days(profile_home) == set(DAYS[:6])


def test_synchronous_is_full(profile_home):
    from milia_cli.store import open_store

    with open_store(profile_home / "milia.db") as store:
        assert store._conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_a_wal_without_its_database_is_refused_not_replayed_into_a_new_one(profile_home):
    live_wal_after(profile_home, DAYS[2:5])
    db = profile_home / "milia.db"
    db.unlink()
    before = state(profile_home)
    for argv in (["today"], ["checkin", "--date", DAYS[6], "--all"]):
        r = run_milia(profile_home, *argv)
        assert r.returncode == 1 and "is missing but its write-ahead log" in r.stderr, r.stderr
        assert state(profile_home) == before


def test_sqlite_agrees_with_the_parser_on_a_whole_wal(tmp_path):
    """inspect_wal_bytes counts the frames SQLite replays: a copy opened by SQLite sees them all."""
    db = tmp_path / "t.db"
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("CREATE TABLE t (x)")
    reader = sqlite3.connect(db, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM t").fetchone()
    for i in range(20):
        writer.execute("INSERT INTO t VALUES (?)", (str(i) * 200,))
    raw = (tmp_path / "t.db-wal").read_bytes()
    report = inspect_wal_bytes(raw)
    assert report.valid == report.frames == report.current and not report.damaged
    copy = tmp_path / "copy"
    copy.mkdir()
    (copy / "t.db").write_bytes(db.read_bytes())
    (copy / "t.db-wal").write_bytes(raw)
    assert sqlite3.connect(copy / "t.db").execute("SELECT count(*) FROM t").fetchone()[0] == 20
    raw2 = bytearray(raw)
    raw2[HEADER_SIZE + 30] ^= 1  # inside frame 1's page
    assert inspect_wal_bytes(bytes(raw2)).damaged
    reader.close()
    writer.close()


def wal_pages(wal: Path) -> set[int]:
    raw = wal.read_bytes()
    page_size = int.from_bytes(raw[8:12], "big")
    frame = FRAME_HEADER_SIZE + page_size
    return {int.from_bytes(raw[at:at + 4], "big") for at in range(HEADER_SIZE, len(raw) - frame + 1, frame)}


def checkins_leaves(db: Path) -> list[int]:
    """The leaf pages of the checkins b-tree (WITHOUT ROWID: an index b-tree) in the file alone."""
    from urllib.parse import quote

    conn = sqlite3.connect(f"file:{quote(str(db))}?mode=ro&immutable=1", uri=True)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'checkins'").fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    raw = db.read_bytes()
    page = raw[(root - 1) * page_size:root * page_size]
    assert page[0] == 0x02, "the checkins b-tree should have grown an interior root"
    cells = int.from_bytes(page[3:5], "big")
    pointers = [int.from_bytes(page[12 + 2 * i:14 + 2 * i], "big") for i in range(cells)]
    children = [int.from_bytes(page[p:p + 4], "big") for p in pointers] + [int.from_bytes(page[8:12], "big")]
    for child in children:
        assert raw[(child - 1) * page_size] == 0x0A, "expected a two-level b-tree"
    return children


def test_damage_found_by_sqlite_itself_is_never_checkpointed_on_close(profile_home):
    """Damage the file checks cannot see (a bad b-tree page of checkins in milia.db, not one of the
    -wal's pages: the pair itself fits) is found by SQLite while reading; closing that connection
    must not fold the -wal into milia.db nor delete it."""
    from milia_cli.dbfiles import preflight
    from milia_cli.errors import MiliaError
    from milia_cli.store import open_store

    for day in DAYS[2:20]:
        checkin(profile_home, day, "x" * 900 + day)  # rows that fit in a leaf (no overflow pages): many leaves
    live_wal_after(profile_home, DAYS[20:26])
    db, wal = profile_home / "milia.db", profile_home / "milia.db-wal"
    in_wal = wal_pages(wal)
    leaf = next(p for p in checkins_leaves(db) if p not in in_wal)  # the earliest days: read from milia.db
    raw = bytearray(db.read_bytes())
    page_size = int.from_bytes(raw[16:18], "big")
    raw[(leaf - 1) * page_size] = 0x63  # not a b-tree page type
    db.write_bytes(bytes(raw))
    before = state(profile_home)

    assert preflight(db) == "present"  # the files fit together: only SQLite, reading, can see this
    with pytest.raises(MiliaError, match="damaged"), open_store(db) as store:
        store.read_log("default")
        store.integrity_check()
        raise AssertionError("SQLite read the damaged page without an error")
    after = state(profile_home)
    assert after["milia.db"] == before["milia.db"], "the -wal was checkpointed into the damaged database"
    assert after["milia.db-wal"] == before["milia.db-wal"], "the -wal was changed or deleted"
    r = run_milia(profile_home, "today")
    assert r.returncode == 1 and "damaged" in r.stderr and "Traceback" not in r.stderr
    assert state(profile_home)["milia.db-wal"] == before["milia.db-wal"]


def test_a_wal_in_use_by_a_live_process_is_told_from_one_left_by_a_dead_one(profile_home):
    """Only a -wal nobody has open is checked against milia.db (a live one changes under a copy)."""
    from milia_cli.dbfiles import _in_use

    shm = profile_home / "milia.db-shm"
    reader = Reader(profile_home / "milia.db")
    try:
        checkin(profile_home, DAYS[3], "while read")
        assert _in_use(shm)
    finally:
        reader.kill()
    assert shm.exists() and not _in_use(shm)


def test_a_frame_count_that_drops_on_open_is_refused_even_if_the_parser_missed_it(profile_home, monkeypatch):
    """The second line: after SQLite's first read, its recovered frame count (the -shm's mxFrame)
    must reach what the check before opening found valid; here the check is made blind."""
    import milia_cli.wal as wal_mod
    from milia_cli.errors import MiliaError
    from milia_cli.store import open_store

    live_wal_after(profile_home, DAYS[2:12])
    wal = profile_home / "milia.db-wal"
    flip_inside_frame(wal, 2)
    real = wal_mod.inspect_wal
    monkeypatch.setattr(wal_mod, "inspect_wal",
                        lambda fd, **kw: real(fd, **kw)._replace(problem=None, valid=real(fd).current))
    before = state(profile_home)
    with pytest.raises(MiliaError, match="recovered only"):
        open_store(profile_home / "milia.db")
    after = state(profile_home)
    assert after["milia.db"] == before["milia.db"] and after["milia.db-wal"] == before["milia.db-wal"]


def _live_wal_bytes(tmp_path: Path, commits: int = 12) -> bytes:
    db = tmp_path / "w.db"
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("CREATE TABLE t (x)")
    reader = sqlite3.connect(db, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM t").fetchone()
    for i in range(commits):
        writer.execute("INSERT INTO t VALUES (?)", (f"{i}" * 300,))
    raw = (tmp_path / "w.db-wal").read_bytes()
    reader.close()
    writer.close()
    return raw


def test_any_flipped_byte_in_a_committed_frame_is_damage_and_the_fd_reader_agrees(tmp_path):
    from milia_cli.wal import inspect_wal

    raw = _live_wal_bytes(tmp_path)
    whole = inspect_wal_bytes(raw)
    page_size = int.from_bytes(raw[8:12], "big")
    frame_size = FRAME_HEADER_SIZE + page_size
    rng = __import__("random").Random(3)
    for _ in range(60):
        frame = rng.randrange(whole.valid)
        at = HEADER_SIZE + frame * frame_size + rng.choice([rng.randrange(8), 24 + rng.randrange(page_size)])
        bad = bytearray(raw)
        bad[at] ^= 1 << rng.randrange(8)
        report = inspect_wal_bytes(bytes(bad))
        assert report.damaged and report.valid <= frame, (frame, at, report)
        path = tmp_path / "bad-wal"
        path.write_bytes(bytes(bad))
        fd = os.open(path, os.O_RDONLY)
        try:
            assert inspect_wal(fd) == report
        finally:
            os.close(fd)
    truncated_header = bytearray(raw)
    truncated_header[20] ^= 1  # salt-2 of the header: its checksum fails, SQLite would ignore every frame
    assert inspect_wal_bytes(bytes(truncated_header)).damaged


# -- the write counter that ties a -wal to its milia.db (milia_cli.walfit) -----------------------------
CHECKPOINT_THEN_DIE = r"""
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
print(conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone(), flush=True)
os._exit(0)  # killed before closing: the -wal stays, its frames already copied into milia.db
"""


def checkpoint_then_die(db: Path) -> tuple[int, int, int]:
    out = subprocess.run([sys.executable, "-c", CHECKPOINT_THEN_DIE, str(db)], env=child_env(),
                         capture_output=True, text=True, timeout=30).stdout
    return tuple(int(x) for x in out.strip("()\n ").split(","))


def marker_and_values(db: Path) -> tuple[int, tuple]:
    from milia_cli.walfit import counter_in_page, read_marker

    marker = read_marker(db)
    wal = db.with_name("milia.db-wal").read_bytes()
    return marker.count, inspect_wal_bytes(wal, watch=marker.page, decode=counter_in_page).watched


def test_an_older_wal_restored_beside_a_newer_database_is_refused(profile_home, tmp_path):
    live_wal_after(profile_home, DAYS[2:6])
    wal, shm = profile_home / "milia.db-wal", profile_home / "milia.db-shm"
    old_wal, old_shm = wal.read_bytes(), shm.read_bytes()
    checkin(profile_home, DAYS[7], "after")  # folds that -wal in, writes once more, checkpoints it away
    assert not wal.exists()
    wal.write_bytes(old_wal)
    shm.write_bytes(old_shm)
    before = state(profile_home)
    for argv in (["today"], ["checkin", "--date", DAYS[8], "--all"]):
        r = run_milia(profile_home, *argv)
        assert r.returncode == 1 and "do not fit together" in r.stderr and "newer" in r.stderr, r.stderr
        assert state(profile_home) == before


def test_a_database_checkpointed_part_way_still_fits_its_wal(profile_home):
    """A checkpoint that copied a prefix of the frames (a second reader held the rest) copies no
    page written again later — the counter's page is written by every commit, so milia.db keeps
    the -wal's base value: not a mismatch, and every day is kept."""
    db = profile_home / "milia.db"
    first = Reader(db)
    try:
        for day in DAYS[2:5]:
            checkin(profile_home, day, "before the second reader")
        second = Reader(db)
    finally:
        first.kill()
    try:
        for day in DAYS[5:8]:
            checkin(profile_home, day, "after it")
        busy, frames, copied = checkpoint_then_die(db)
        assert 0 < copied < frames
    finally:
        second.kill()
    count, values = marker_and_values(db)
    assert count == values[0] - 1
    assert stored_days(profile_home) == set(DAYS[:8])


def test_a_database_checkpointed_whole_by_a_process_killed_before_closing_fits_its_wal(profile_home):
    """All frames copied, the -wal not restarted yet (its process died): milia.db holds the last value."""
    db = profile_home / "milia.db"
    live_wal_after(profile_home, DAYS[2:7])
    busy, frames, copied = checkpoint_then_die(db)
    assert copied == frames > 0
    count, values = marker_and_values(db)
    assert count == values[-1] and len(values) >= 5
    assert stored_days(profile_home) == set(DAYS[:7])
    checkin(profile_home, DAYS[8], "and after")
    assert stored_days(profile_home) == set(DAYS[:7]) | {DAYS[8]}


@pytest.mark.parametrize("value", [0, 1, 2, 127, 128, 40_000, 9_000_000, 2**31, 2**40, 2**62])
def test_the_counter_is_read_from_a_real_page_of_any_size(tmp_path, value):
    from milia_cli.walfit import counter_in_page

    db = tmp_path / "c.db"
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("CREATE TABLE write_count (n INTEGER NOT NULL CHECK (n >= 0))")
    conn.execute("INSERT INTO write_count (n) VALUES (?)", (value,))
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'write_count'").fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    raw = db.read_bytes()
    page = raw[(root - 1) * page_size:root * page_size]
    assert counter_in_page(page) == value
    assert counter_in_page(raw[:page_size]) is None  # page 1 (the schema) is not it
    assert counter_in_page(bytes(page_size)) is None


def test_every_write_bumps_the_counter_once(profile_home):
    from milia_cli.walfit import read_marker

    db = profile_home / "milia.db"
    before = read_marker(db).count
    checkin(profile_home, DAYS[3], "one")
    r = run_milia(profile_home, "today")
    assert r.returncode == 0
    assert read_marker(db).count > before
    after_checkin = read_marker(db).count
    run_milia(profile_home, "stats")
    assert read_marker(db).count == after_checkin  # reading commands write nothing


def test_the_fit_check_never_opens_a_database_this_process_has_open(profile_home, monkeypatch):
    """read_marker closes a descriptor of milia.db: with a connection of ours open that would drop
    its POSIX locks, and our own -wal is live anyway, so it is not checked."""
    from datetime import date

    import milia_cli.walfit as walfit
    from milia_cli.dbfiles import preflight
    from milia_cli.logmodel import CheckIn
    from milia_cli.store import open_store

    with open_store(profile_home / "milia.db") as store:
        monkeypatch.setattr(walfit, "read_marker", lambda db: pytest.fail("opened our own database"))
        store.save_checkin("default", CheckIn(date=date(2026, 11, 20), done=frozenset({"am:cleanse"})))
        assert (profile_home / "milia.db-wal").stat().st_size > 0  # ours, live: not checkpointed yet
        assert preflight(profile_home / "milia.db") == "present"


def as_schema_2(db: Path) -> None:
    """Make ``db`` what a milia before schema 3 wrote (the same log, without write_count, nor
    schema 4's index)."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("DROP TABLE write_count")
    conn.execute("DROP INDEX IF EXISTS checkins_irritated")
    conn.execute("PRAGMA user_version = 2")
    conn.close()


def test_a_pre_upgrade_database_beside_a_newer_wal_is_refused(profile_home, tmp_path):
    backup = tmp_path / "backup.db"
    backup.write_bytes((profile_home / "milia.db").read_bytes())
    as_schema_2(backup)
    live_wal_after(profile_home, DAYS[2:8])
    db = profile_home / "milia.db"
    os.replace(backup, db)
    before = state(profile_home)
    for argv in (["today"], ["checkin", "--date", DAYS[9], "--all"]):
        r = run_milia(profile_home, *argv)
        assert r.returncode == 1 and "do not fit together" in r.stderr and "no write counter" in r.stderr, r.stderr
        assert state(profile_home) == before


def test_the_upgrade_of_a_schema_2_log_left_in_a_wal_by_a_dead_process_fits(profile_home):
    """The migration to schema 3 is the -wal's first commit (value 1): the pair fits, nothing is lost."""
    db = profile_home / "milia.db"
    as_schema_2(db)
    live_wal_after(profile_home, DAYS[2:6])  # the first of these migrates, in the -wal
    from milia_cli.wal import FIRST_COMMIT
    from milia_cli.walfit import counter_in_page

    raw = (profile_home / "milia.db-wal").read_bytes()
    assert inspect_wal_bytes(raw, watch=FIRST_COMMIT, decode=counter_in_page).watched == (1,)
    assert stored_days(profile_home) == set(DAYS[:6])
