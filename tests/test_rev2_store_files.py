"""Issue 12 items 6 and 7: special files never block, and `doctor` and every command see what is
wrong with the log database's files — a dropped table, a -shm directory, a dangling link, a
truncated database, a link to another user's file. Real files and real processes (a FIFO
regression must fail by timeout, never hang the suite).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.conftest import BASE_PROFILE
from tests.support.processes import BIN, DAYS, TODAY, child_env

pytestmark = pytest.mark.slow  # real processes, servers, a browser or whole courses: not in the quick loop

TIMEOUT = 20  # seconds; a blocked open would wait forever


def run(home: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    try:
        return subprocess.run([str(BIN), "--home", str(home), *args], env=child_env(), capture_output=True,
                              text=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL, cwd=cwd)
    except subprocess.TimeoutExpired:
        pytest.fail(f"milia {' '.join(args)} hung (still running after {TIMEOUT} s)")


def one_line(r: subprocess.CompletedProcess) -> str:
    assert "Traceback" not in r.stderr, r.stderr
    lines = [x for x in r.stderr.splitlines() if x.strip()]
    assert len(lines) == 1, r.stderr
    return lines[0]


def tree(home: Path) -> dict[str, tuple]:
    out = {}
    for path in sorted(home.rglob("*")):
        st = path.lstat()
        data = path.read_bytes() if path.is_file() and not path.is_symlink() else None
        out[str(path.relative_to(home))] = (st.st_mode, st.st_size, data)
    return out


@pytest.fixture
def logged(milia, home) -> Path:
    milia.write_profile()
    for day in DAYS[:3]:
        r = milia("checkin", "--date", day, "--all", "--irritation", "3" if day == DAYS[2] else "0", today=TODAY)
        assert r.exit_code == 0, r.output
    return home


def batch_dir(tmp_path: Path) -> Path:
    clients = tmp_path / "clients"
    clients.mkdir()
    (clients / "ana.toml").write_text(BASE_PROFILE)
    return clients


COMMANDS = [
    ["today"], ["checkin", "--date", DAYS[4], "--all"], ["stats"], ["log", "export"],
    ["profile", "delete", "default", "--yes"], ["batch", "CLIENTS", "--format", "json", "-o", "OUT"],
    ["event", "list"], ["plan"],
]


# -- item 6: a FIFO (or another special file) never blocks -------------------------------------------
@pytest.mark.parametrize("which", ["milia.db", "milia.db-wal", "milia.db-shm"])
@pytest.mark.parametrize("argv", COMMANDS, ids=lambda a: a[0] if a[0] != "log" else "log-export")
def test_a_fifo_in_place_of_a_database_file_is_refused_at_once(logged, tmp_path, which, argv):
    target = logged / which
    if target.exists():
        target.unlink()
    os.mkfifo(target, 0o600)
    argv = [str(batch_dir(tmp_path)) if a == "CLIENTS" else str(tmp_path / "out") if a == "OUT" else a
            for a in argv]
    r = run(logged, *argv)
    assert r.returncode == 1, (r.stdout, r.stderr)
    line = one_line(r) if argv[0] != "batch" else [x for x in r.stderr.splitlines() if str(target) in x][0]
    assert str(target) in line and "named pipe (FIFO)" in line, line
    assert (logged / "profiles" / "default.toml").exists()


def test_doctor_reports_a_fifo_database_without_blocking(logged):
    db = logged / "milia.db"
    db.unlink()
    os.mkfifo(db, 0o600)
    r = run(logged, "doctor")
    assert r.returncode == 1 and str(db) in r.stdout


# -- item 7: what doctor (and every command) used to miss --------------------------------------------
def test_a_dropped_events_table_is_reported_and_never_read_as_no_events(logged):
    with sqlite3.connect(logged / "milia.db") as conn:
        conn.execute("DROP TABLE events")
    conn.close()
    r = run(logged, "doctor")
    assert r.returncode == 1 and "missing its events table" in r.stdout, r.stdout
    for argv in (["today"], ["event", "list"], ["checkin", "--date", DAYS[4], "--all"]):
        r = run(logged, *argv)
        assert r.returncode == 1 and "missing its events table" in one_line(r)


def test_a_shm_that_is_a_directory_is_reported_and_refused(logged):
    shm = logged / "milia.db-shm"
    shm.mkdir()
    r = run(logged, "doctor")
    assert r.returncode == 1 and str(shm) in r.stdout and "a directory" in r.stdout, r.stdout
    r = run(logged, "checkin", "--date", DAYS[4], "--all")
    assert r.returncode == 1 and str(shm) in one_line(r)
    assert shm.is_dir()


def test_a_dangling_database_link_is_never_planned_as_an_empty_log(logged, tmp_path):
    """The log had a B7 stop (irritation 3): planning from an empty log would bring actives back."""
    db = logged / "milia.db"
    moved = tmp_path / "elsewhere.db"
    db.rename(moved)
    missing = tmp_path / "unmounted" / "milia.db"
    db.symlink_to(missing)
    before = tree(logged)
    for argv in (["today"], ["plan"], ["stats"], ["log", "export"], ["export", "ics"],
                 ["checkin", "--date", DAYS[4], "--all"], ["event", "list"]):
        r = run(logged, *argv)
        assert r.returncode == 1, (argv, r.stdout)
        line = one_line(r)
        assert "symbolic link" in line and str(missing) in line and "does not exist" in line, line
        assert tree(logged) == before and not missing.exists()
    r = run(logged, "doctor")
    assert r.returncode == 1 and "symbolic link" in r.stdout


def test_a_database_truncated_to_zero_bytes_is_reported_never_started_over(logged):
    db = logged / "milia.db"
    os.truncate(db, 0)
    before = tree(logged)
    for argv in (["today"], ["stats"], ["checkin", "--date", DAYS[4], "--all"], ["log", "export"]):
        r = run(logged, *argv)
        assert r.returncode == 1 and "is empty (0 bytes)" in one_line(r), (argv, r.stderr)
        assert tree(logged) == before
    r = run(logged, "doctor")
    assert r.returncode == 1 and "is empty (0 bytes)" in r.stdout
    assert db.stat().st_size == 0


def test_a_new_database_is_never_zero_bytes_and_leaves_no_temp_file(milia, home):
    milia.write_profile()
    r = run(home, "checkin", "--date", DAYS[0], "--all")
    assert r.returncode == 0, r.stderr
    db = home / "milia.db"
    assert db.stat().st_size > 0 and oct(db.stat().st_mode & 0o777) == "0o600"
    assert not [p.name for p in home.iterdir() if p.name.startswith(".")]
    assert run(home, "doctor").returncode == 0


@pytest.mark.skipif(os.geteuid() != 0, reason="making a file owned by another user needs root")
def test_a_database_linked_to_another_users_file_is_never_written(logged, tmp_path):
    theirs = tmp_path / "theirs.db"
    theirs.write_bytes((logged / "milia.db").read_bytes())
    theirs.chmod(0o644)
    os.chown(theirs, 65534, 65534)
    before = theirs.read_bytes()
    db = logged / "milia.db"
    db.unlink()
    db.symlink_to(theirs)
    for argv in (["checkin", "--date", DAYS[4], "--all", "--note", "private"], ["today"]):
        r = run(logged, *argv)
        assert r.returncode == 1, r.stdout
        line = one_line(r)
        assert "not to you" in line and str(theirs) in line, line
    assert theirs.read_bytes() == before
    assert not (tmp_path / "theirs.db-wal").exists()
    r = run(logged, "doctor")
    assert r.returncode == 1 and "not to you" in r.stdout


@pytest.mark.parametrize("kind", ["fifo", "directory"])
def test_log_import_of_a_fifo_or_directory_is_refused_at_once(logged, tmp_path, kind):
    source = tmp_path / "backup.json"
    os.mkfifo(source, 0o600) if kind == "fifo" else source.mkdir()
    before = tree(logged)
    r = run(logged, "log", "import", str(source))
    assert r.returncode == 1
    line = one_line(r)
    assert str(source) in line and "not a regular file" in line and "nothing was imported" in line, line
    assert tree(logged) == before


def test_doctor_finds_and_fixes_leftovers_of_an_interrupted_check_or_creation(logged):
    """A kill during the -wal check leaves a scratch copy of the log (health data); a kill while a
    new database is built leaves SQLite's sidecars of its temp file. Both are found and removed."""
    scratch = logged / ".milia-check-ab12cd34"
    scratch.mkdir()
    (scratch / "check.db").write_bytes(b"copy of the log")
    sidecar = logged / ".milia.db.k3j_x9a2.tmp-wal"
    sidecar.write_bytes(b"")
    r = run(logged, "doctor")
    assert r.returncode == 1 and str(scratch) in r.stdout and str(sidecar) in r.stdout, r.stdout
    r = run(logged, "doctor", "--fix")
    assert r.returncode == 0, r.stdout
    assert not scratch.exists() and not sidecar.exists()
    assert (logged / "milia.db").exists()


def test_checking_the_files_while_this_process_has_the_database_open_keeps_its_locks(logged):
    """Closing any descriptor of a file drops all of the process's POSIX locks on it, SQLite's
    included. The header check must not do that to an open connection: else another milia,
    finishing, thinks it is the last one and checkpoints and deletes -wal/-shm under it."""
    from milia_cli.dbfiles import preflight
    from milia_cli.store import open_store

    db = logged / "milia.db"
    with open_store(db) as store:
        store.read_log("default")
        assert preflight(db) == "present"
        r = run(logged, "checkin", "--date", DAYS[4], "--all")
        assert r.returncode == 0, r.stderr
        assert (logged / "milia.db-shm").exists(), "the other milia checkpointed under an open connection"
        assert DAYS[4] in {c.date.isoformat() for c in store.read_log("default").checkins}


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a 0000 file anyway")
def test_an_unreadable_database_is_refused_never_planned_as_empty(logged):
    db = logged / "milia.db"
    db.chmod(0)
    try:
        for argv in (["today"], ["stats"], ["checkin", "--date", DAYS[4], "--all"]):
            r = run(logged, *argv)
            assert r.returncode == 1 and str(db) in one_line(r), (argv, r.stdout)
    finally:
        db.chmod(0o600)
