"""Faults: real child processes killed mid-write, damaged and locked databases, a read-only
home and a full disk. Each leaves the old or the new state and says clearly what happened.
"""

from __future__ import annotations

import errno
import json
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from milia_cli.errors import MiliaError
from milia_cli.profile import load_profile
from milia_cli.store import open_store
from tests.conftest import fake_env
from tests.support.cli import assert_refused, needs, snapshot, stderr_lines
from tests.support.processes import BIN, DAYS, TODAY, child_env, run_milia

pytestmark = pytest.mark.slow  # real processes, servers, a browser or whole courses: not in the quick loop

SKIN = ["dry", "oily", "normal", "sensitive", "combination"]

# Runs milia in a child that SIGKILLs itself at one exact point of a write (MILIA_TEST_KILL).
KILL_HOOK = r"""
import os, signal, sqlite3, sys
point = os.environ["MILIA_TEST_KILL"]
def die():
    os.kill(os.getpid(), signal.SIGKILL)
def target(fd):
    try:
        return os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return ""
if point == "mid-write":
    real_write = os.write
    def write(fd, data):
        if target(fd).endswith(".tmp"):
            real_write(fd, bytes(data[: max(1, len(data) // 2)]))
            die()
        return real_write(fd, data)
    os.write = write
elif point == "before-fsync":
    real_fsync = os.fsync
    def fsync(fd):
        if target(fd).endswith(".tmp"):
            die()
        return real_fsync(fd)
    os.fsync = fsync
elif point in ("before-replace", "after-replace"):
    real_replace = os.replace
    def replace(src, dst):
        if point == "before-replace":
            die()
        real_replace(src, dst)
        die()
    os.replace = replace
elif point in ("before-commit", "after-commit", "mid-transaction"):
    real_connect = sqlite3.connect
    class Conn(sqlite3.Connection):
        def execute(self, sql, *args):
            if sql == "COMMIT" and point == "before-commit":
                die()
            result = super().execute(sql, *args)
            if sql == "COMMIT" and point == "after-commit":
                die()
            return result
        def executemany(self, sql, *args):
            result = super().executemany(sql, *args)
            if point == "mid-transaction":
                die()
            return result
    def connect(*args, **kwargs):
        kwargs["factory"] = Conn
        return real_connect(*args, **kwargs)
    sqlite3.connect = connect
sys.argv = ["milia"] + sys.argv[1:]
from milia_cli.cli import main
main()
"""


def run_killed_at(home: Path, point: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", KILL_HOOK, "--home", str(home), *args],
                          env=child_env(MILIA_TEST_KILL=point), capture_output=True, text=True, timeout=60)


def log_days(home: Path, key: str = "default") -> dict[str, dict]:
    """The stored check-ins by day, through the store (it must open and pass its integrity check)."""
    with open_store(home / "milia.db") as store:
        assert store.integrity_check() == []
        return {c.date.isoformat(): {"done": sorted(c.done), "note": c.note, "all": c.all_done}
                for c in store.read_log(key).checkins}


@pytest.fixture
def home_with_log(milia, home) -> Path:
    needs("checkin")
    milia.write_profile()
    for day in DAYS[:3]:
        r = milia("checkin", "--date", day, "--done", "am:cleanse", "--note", f"first {day}", today=TODAY)
        assert r.exit_code == 0, r.output
    return home


# -- killed at an exact point of the write ----------------------------------------------------------------
@pytest.mark.parametrize("point, lands", [
    ("mid-write", False), ("before-fsync", False), ("before-replace", False), ("after-replace", True),
])
def test_profile_set_killed_at_each_point_leaves_old_or_new_file(milia, home, point, lands):
    path = milia.write_profile()
    old = path.read_bytes()
    r = run_killed_at(home, point, "profile", "set", "skin.type", "oily")
    assert r.returncode == -signal.SIGKILL, r.stderr
    profile = load_profile(path)  # parses: never torn
    assert profile.skin.type == ("oily" if lands else "combination")
    if not lands:
        assert path.read_bytes() == old
    # a temp file may be left over; doctor finds it and --fix removes it, the profile stays
    leftovers = [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")]
    r = milia("doctor", "--fix")
    assert r.exit_code == 0, r.output
    assert len([line for line in r.stdout.splitlines() if "interrupted write" in line]) == len(leftovers)
    assert sorted(p.name for p in path.parent.iterdir()) == ["default.toml"]
    assert load_profile(path).skin.type == profile.skin.type


@pytest.mark.parametrize("point, lands", [
    ("mid-transaction", False), ("before-commit", False), ("after-commit", True),
])
def test_checkin_killed_at_each_point_leaves_old_or_new_day(home_with_log, point, lands):
    before = log_days(home_with_log)
    r = run_killed_at(home_with_log, point, "checkin", "--date", DAYS[1], "--done", "pm:cleanse",
                      "--note", "second")
    assert r.returncode == -signal.SIGKILL, r.stderr
    after = log_days(home_with_log)
    assert set(after) == set(before)
    if lands:
        assert after[DAYS[1]]["note"] == "second" and "pm:cleanse" in after[DAYS[1]]["done"]
        assert "am:cleanse" in after[DAYS[1]]["done"]  # merged, not replaced
    else:
        assert after == before
    r = run_milia(home_with_log, "doctor")
    assert r.returncode == 0, r.stdout + r.stderr


# -- killed at random moments, in a loop --------------------------------------------------------------------------
def _kill_loop(argvs: list[list[str]], home: Path, check) -> tuple[int, int]:
    """Start each command and SIGKILL it after a delay spread over one run's duration."""
    started = time.perf_counter()
    assert run_milia(home, "profile", "path").returncode == 0
    full = time.perf_counter() - started
    killed = finished = 0
    for i, argv in enumerate(argvs):
        proc = subprocess.Popen([str(BIN), "--home", str(home), *argv], env=child_env(),
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        delay = full * 1.6 * i / len(argvs)  # from "before python started" to "after it finished"
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
        proc.wait()
        err = proc.stderr.read().decode() if proc.stderr else ""
        proc.stderr.close() if proc.stderr else None
        assert "Traceback" not in err
        if proc.returncode == -signal.SIGKILL:
            killed += 1
        else:
            assert proc.returncode == 0, err
            finished += 1
        check(i, proc.returncode == 0)
    return killed, finished


def test_profile_set_killed_at_random_moments_never_tears_the_file(milia, home):
    path = milia.write_profile()
    state = {"type": "combination"}
    values = [SKIN[i % len(SKIN)] for i in range(24)]

    def check(i: int, ok: bool) -> None:
        now = load_profile(path).skin.type  # always parses
        assert now in (state["type"], values[i]) and (now == values[i] or not ok)
        state["type"] = now
        assert not [p for p in path.parent.iterdir() if p.suffix == ".toml" and p.name != "default.toml"]

    killed, _ = _kill_loop([["profile", "set", "skin.type", v] for v in values], home, check)
    assert killed >= 1
    r = milia("doctor", "--fix")
    assert r.exit_code == 0, r.output


def test_checkin_killed_at_random_moments_keeps_old_or_new_day(home_with_log):
    state = log_days(home_with_log)
    argvs = [["checkin", "--date", DAYS[i % len(DAYS)], "--done", "am:cleanse", "--note", f"n{i}"]
             for i in range(24)]

    def check(i: int, ok: bool) -> None:
        day = DAYS[i % len(DAYS)]
        now = log_days(home_with_log)
        old_note = state.get(day, {}).get("note")
        assert now.get(day, {}).get("note") in (old_note, f"n{i}")
        if ok:
            assert now[day]["note"] == f"n{i}"
        assert {d: v for d, v in now.items() if d != day} == {d: v for d, v in state.items() if d != day}
        state.clear()
        state.update(now)

    killed, _ = _kill_loop(argvs, home_with_log, check)
    assert killed >= 1
    assert run_milia(home_with_log, "doctor").returncode == 0


# -- a damaged database ------------------------------------------------------------------------------------------
def _garbage(db: Path) -> None:
    db.write_bytes(os.urandom(8192))


def _truncated(db: Path) -> None:
    db.write_bytes(db.read_bytes()[:60])


def _not_sqlite(db: Path) -> None:
    db.write_text('{"this": "is json, not a database"}\n')


def _torn_pages(db: Path) -> None:
    raw = bytearray(db.read_bytes())
    page = int.from_bytes(raw[16:18], "big")
    for at in range(page, len(raw)):
        raw[at] = (at * 131) & 0xFF
    db.write_bytes(bytes(raw))


DB_USERS = [
    ["checkin", "--date", "2026-11-26", "--all"],
    ["today"],
    ["stats"],
    ["log", "export"],
    ["log", "export", "-o", "OUT"],
    ["event", "add", "--kind", "laser", "--date", "2026-11-24", "--area", "cheeks"],
    ["plan"],
    ["profile", "delete", "default", "--yes"],
]


@pytest.mark.parametrize("damage", [_garbage, _truncated, _not_sqlite, _torn_pages])
def test_damaged_database_is_named_with_restore_advice_and_left_byte_identical(milia, home_with_log, tmp_path,
                                                                               damage):
    db = home_with_log / "milia.db"
    damage(db)
    before = snapshot(home_with_log)
    ran = 0
    for argv in DB_USERS:
        if argv[0] not in ("profile",):
            try:
                needs(argv[0] if argv[0] not in ("log", "event") else " ".join(argv[:2]))
            except pytest.skip.Exception:
                continue
        argv = [str(tmp_path / "out.json") if a == "OUT" else a for a in argv]
        r = milia(*argv, today=TODAY)
        assert_refused(r, before, home_with_log, codes=(1,))
        assert str(db) in r.stderr and "milia log export" in r.stderr, r.stderr
        ran += 1
    assert ran >= 5
    assert not (tmp_path / "out.json").exists()


def test_damaged_database_through_a_real_process(home_with_log):
    db = home_with_log / "milia.db"
    _torn_pages(db)
    before = db.read_bytes()
    r = run_milia(home_with_log, "checkin", "--date", DAYS[4], "--all")
    assert r.returncode == 1
    (line,) = [x for x in r.stderr.splitlines() if x.strip()]
    assert str(db) in line and "milia log export" in line
    assert db.read_bytes() == before


# -- a locked database ---------------------------------------------------------------------------------------------
def _hold_exclusive(db: Path) -> sqlite3.Connection:
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")
    return holder


def test_locked_database_waits_then_fails_clearly(milia, home_with_log):
    """MILIA_DB_TIMEOUT sets the wait (default 5 s); a short one keeps the test quick."""
    holder = _hold_exclusive(home_with_log / "milia.db")
    try:
        before = log_days_raw = snapshot(home_with_log)
        started = time.perf_counter()
        r = milia("checkin", "--date", DAYS[5], "--all", env=fake_env(TODAY, vars={"MILIA_DB_TIMEOUT": "0.3"}))
        waited = time.perf_counter() - started
        assert r.exit_code == 1
        (line,) = stderr_lines(r)
        assert "busy" in line and "0.3 s" in line and "nothing was changed" in line
        assert waited >= 0.25, "it waited for the lock before giving up"
        assert snapshot(home_with_log) == log_days_raw == before
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert DAYS[5] not in log_days(home_with_log)
    assert milia("checkin", "--date", DAYS[5], "--all", today=TODAY).exit_code == 0


def test_locked_database_released_in_time_lets_the_write_through(milia, home_with_log):
    holder = _hold_exclusive(home_with_log / "milia.db")
    timer = threading.Timer(0.2, lambda: (holder.execute("ROLLBACK"), holder.close()))
    timer.start()
    try:
        r = milia("checkin", "--date", DAYS[5], "--all", today=TODAY)  # default wait: 5 s
        assert r.exit_code == 0, r.output
    finally:
        timer.join()
    landed = log_days(home_with_log)[DAYS[5]]
    assert landed["done"] and landed["all"] is False  # --all stores the planned ids (invariant 12)


def test_locked_database_through_a_real_process_names_the_file(home_with_log):
    """Real process, real lock, the wait set through the environment as a user would."""
    holder = _hold_exclusive(home_with_log / "milia.db")
    try:
        started = time.perf_counter()
        r = subprocess.run([str(BIN), "--home", str(home_with_log), "checkin", "--date", DAYS[6], "--all"],
                           env=child_env(MILIA_DB_TIMEOUT="0.5"), capture_output=True, text=True, timeout=60)
        waited = time.perf_counter() - started
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert r.returncode == 1
    (line,) = [x for x in r.stderr.splitlines() if x.strip()]
    assert "busy" in line and "milia.db" in line and "0.5 s" in line
    assert 0.45 <= waited < 4.5, "it waited the configured 0.5 s, not the default 5 s"
    assert DAYS[6] not in log_days(home_with_log)


@pytest.mark.parametrize("value", ["soon", "-1", "nan", "inf", "601", "1e9"])
def test_a_bad_lock_wait_is_one_sentence_and_changes_nothing(milia, home_with_log, value):
    before = snapshot(home_with_log)
    r = milia("checkin", "--date", DAYS[5], "--all", env=fake_env(TODAY, vars={"MILIA_DB_TIMEOUT": value}))
    assert r.exit_code == 1 and r.exception is None
    (line,) = stderr_lines(r)
    assert line.startswith(f"milia: MILIA_DB_TIMEOUT={value!r} is not a number of seconds from 0 to 600")
    assert snapshot(home_with_log) == before


def test_a_lock_wait_of_zero_fails_at_once_and_an_empty_one_means_the_default(milia, home_with_log):
    holder = _hold_exclusive(home_with_log / "milia.db")
    try:
        r = milia("checkin", "--date", DAYS[5], "--all", env=fake_env(TODAY, vars={"MILIA_DB_TIMEOUT": "0"}))
        assert r.exit_code == 1 and "stayed locked for 0 s" in r.stderr
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    r = milia("checkin", "--date", DAYS[5], "--all", env=fake_env(TODAY, vars={"MILIA_DB_TIMEOUT": " "}))
    assert r.exit_code == 0, r.output


# -- a read-only home ------------------------------------------------------------------------------------------------
INIT = ["init", "--skin-type", "dry", "--pregnancy", "none", "--timezone", "UTC", "--start", "2026-11-23"]


def test_home_under_a_regular_file_cannot_be_created(milia, tmp_path):
    """As root nothing is read-only; a path through a regular file fails the same way for everyone."""
    blocker = tmp_path / "blocker"
    blocker.write_text("i am a file")
    home = blocker / "home"
    for argv in (INIT, ["profile", "list"], ["doctor"]):
        r = milia("--home", str(home), *argv, home=False, today=TODAY)
        assert r.exception is None and "Traceback" not in r.output
        if argv[0] == "init":
            assert r.exit_code == 1
            (line,) = stderr_lines(r)
            assert str(home) in line and "not a directory" in line
    assert blocker.read_text() == "i am a file"


def test_database_directory_that_is_a_file_is_a_clear_error(milia, home, tmp_path):
    needs("checkin")
    client = tmp_path / "client.toml"
    client.write_text((Path(__file__).parent / "conftest.py").read_text().split('"""\\\n')[1].split('"""')[0])
    blocker = tmp_path / "data"
    blocker.write_text("x")
    r = milia("--home", str(blocker / "home"), "--profile-file", str(client), "checkin", "--date", DAYS[1],
              "--all", home=False, today=TODAY)
    assert r.exit_code == 1 and r.exception is None
    (line,) = stderr_lines(r)
    assert "not a directory" in line and str(blocker) in line


def test_read_only_filesystem_for_profile_writes(milia, home, monkeypatch):
    """EROFS from the kernel, injected where the temp file is created (works as root)."""

    path = milia.write_profile()
    before = snapshot(home)

    def erofs(*args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr("tempfile.mkstemp", erofs)  # fsutil imports tempfile when it writes
    r = milia("profile", "set", "skin.type", "dry", today=TODAY)
    assert_refused(r, before, home, codes=(1,))
    assert f"Could not write {path}: read-only file system. Nothing was changed." in r.stderr
    r = milia("init", "--force", "--skin-type", "dry", "--pregnancy", "none", "--timezone", "UTC", today=TODAY)
    assert_refused(r, before, home, codes=(1,))


def test_read_only_database_is_a_clear_error(milia, home_with_log, monkeypatch):
    """SQLite opened read-only (what a read-only mount gives it) refuses the write clearly."""
    from milia_cli import store as store_mod

    real = sqlite3.connect
    monkeypatch.setattr(store_mod.sqlite3, "connect",
                        lambda p, **kw: real(f"file:{p}?mode=ro", uri=True, **kw))
    before = log_days(home_with_log)
    r = milia("checkin", "--date", DAYS[6], "--all", today=TODAY)
    monkeypatch.undo()
    assert r.exit_code == 1 and r.exception is None
    (line,) = stderr_lines(r)
    assert "milia.db" in line and "nothing was changed" in line and "Traceback" not in r.output
    assert log_days(home_with_log) == before


# -- a full disk ---------------------------------------------------------------------------------------------------------
def test_full_disk_during_profile_write_keeps_the_old_file(milia, home, monkeypatch):
    from milia_cli import fsutil

    milia.write_profile()
    before = snapshot(home)
    real_write = os.write
    calls = {"n": 0}

    def enospc(fd, data):
        calls["n"] += 1
        if calls["n"] > 1:  # the first chunk lands, the next hits a full disk
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, bytes(data[:10]))

    monkeypatch.setattr(fsutil.os, "write", enospc)
    r = milia("profile", "set", "skin.type", "dry", today=TODAY)
    monkeypatch.undo()
    assert_refused(r, before, home, codes=(1,))
    assert "no space left on device" in r.stderr and "Nothing was changed" in r.stderr
    assert calls["n"] == 2


def _limit_file_size(limit: int):
    def apply() -> None:  # the kernel refuses to grow any file past `limit` bytes (EFBIG)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def test_full_disk_in_a_real_process_profile_set(home):
    assert run_milia(home, *INIT).returncode == 0
    path = home / "profiles" / "default.toml"
    before = snapshot(home)
    r = run_milia(home, "profile", "set", "skin.type", "oily", preexec_fn=_limit_file_size(0))
    assert r.returncode == 1
    (line,) = [x for x in r.stderr.splitlines() if x.strip()]
    assert f"Could not write {path}" in line and "Nothing was changed" in line
    assert snapshot(home) == before


def test_full_disk_in_a_real_process_checkin(home_with_log):
    db = home_with_log / "milia.db"
    before_days = log_days(home_with_log)
    before_db = db.read_bytes()
    r = run_milia(home_with_log, "checkin", "--date", DAYS[6], "--all", "--note", "x" * 1500,
                  preexec_fn=_limit_file_size(2048))
    assert r.returncode == 1, r.stdout + r.stderr
    (line,) = [x for x in r.stderr.splitlines() if x.strip()]
    assert str(db) in line and "nothing was changed" in line
    assert db.read_bytes() == before_db
    assert log_days(home_with_log) == before_days
    r = run_milia(home_with_log, "checkin", "--date", DAYS[6], "--all")  # space is back: it works again
    assert r.returncode == 0, r.stderr
    landed = log_days(home_with_log)[DAYS[6]]
    assert landed["done"] and landed["all"] is False  # --all stores the planned ids (invariant 12)


def test_full_disk_for_log_export_to_a_file(milia, home_with_log, tmp_path):
    """A real process whose files may not grow: one clear line, the previous backup intact."""
    needs("log export")
    out = tmp_path / "backup.json"
    out.write_text("previous backup\n")
    r = subprocess.run([str(BIN), "--home", str(home_with_log), "log", "export", "-o", str(out)],
                       env=child_env(), capture_output=True, text=True, timeout=60,
                       preexec_fn=_limit_file_size(64))
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert len([x for x in r.stderr.splitlines() if x.strip()]) == 1
    assert out.read_text() == "previous backup\n"
    assert json.loads(milia("log", "export", today=TODAY).stdout)["checkins"]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_full_disk_while_writing_the_export_names_the_output(milia, home_with_log, tmp_path, monkeypatch):
    needs("log export")
    from milia_cli import fsutil

    out = tmp_path / "backup.json"
    out.write_text("previous backup\n")
    before = snapshot(home_with_log)

    def enospc(fd, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(fsutil.os, "write", enospc)
    r = milia("log", "export", "-o", str(out), "--force", today=TODAY)  # not milia's file: --force (issue 12)
    monkeypatch.undo()
    assert_refused(r, before, home_with_log, codes=(1,))
    assert f"Could not write {out}: no space left on device" in r.stderr
    assert out.read_text() == "previous backup\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_interrupt_is_one_line_exit_130(milia, home, monkeypatch):
    from milia_cli import profile as profile_mod

    milia.write_profile()
    before = snapshot(home)

    def interrupted(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(profile_mod, "save_profile", interrupted)
    r = milia("profile", "set", "skin.type", "dry", today=TODAY)
    assert r.exit_code == 130 and "Traceback" not in r.output
    assert snapshot(home) == before


def test_store_errors_are_milia_errors_not_sqlite(tmp_path):
    db = tmp_path / "milia.db"
    db.write_bytes(b"SQLite format 3\x00" + os.urandom(4096))
    before = db.read_bytes()
    with pytest.raises(MiliaError, match="left untouched"), open_store(db) as store:
        store.read_log("default")
    assert db.read_bytes() == before
