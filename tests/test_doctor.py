"""`milia doctor`: finds each kind of problem, says how to fix it, changes nothing without --fix."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from datetime import date
from pathlib import Path

import pytest

from milia_cli.doctor import check_home
from milia_cli.logmodel import CheckIn, Event
from milia_cli.paths import Locations
from milia_cli.store import open_store
from milia_cli.store_schema import SCHEMA_VERSION
from tests.conftest import BASE_PROFILE
from tests.support.cli import snapshot

D = date(2026, 11, 24)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def locations(home: Path) -> Locations:
    return Locations(config_dir=home, data_dir=home)


def add_log(home: Path, key: str = "default", note: str = "fine") -> Path:
    db = home / "milia.db"
    with open_store(db) as store:
        store.save_checkin(key, CheckIn(D, frozenset({"am:cleanse"}), irritation=1, bumps=2, note=note))
        store.add_event(key, Event(D, "extraction", ("cheeks",)))
    return db


@pytest.fixture
def healthy(milia, home) -> Path:
    milia.write_profile()
    add_log(home)
    return home


def lines_of(result) -> list[str]:
    return [line for line in result.stdout.splitlines() if line.strip()]


# -- healthy and empty homes ------------------------------------------------------------------
def test_healthy_home_is_ok_and_untouched(milia, healthy):
    before = snapshot(healthy)
    r = milia("doctor")
    assert r.exit_code == 0, r.output
    assert "No problems found" in r.stdout and f"schema {SCHEMA_VERSION}, integrity ok" in r.stdout
    assert snapshot(healthy) == before


def test_missing_home_is_not_created(milia, tmp_path):
    ghost = tmp_path / "nowhere"
    r = milia("--home", str(ghost), "doctor", home=False)
    assert r.exit_code == 0, r.output
    assert "does not exist yet" in r.stdout and "milia init" in r.stdout
    assert not ghost.exists()


def test_json_is_only_json_and_lists_findings(milia, healthy):
    (healthy / "profiles" / "default.toml").chmod(0o644)
    r = milia("doctor", "--json")
    assert r.exit_code == 1
    doc = json.loads(r.stdout)
    assert doc["schema"] == "milia.doctor/1" and doc["ok"] is False and doc["problems"] == 1
    assert doc["db_schema"] == SCHEMA_VERSION and doc["profiles"] == 1
    (finding,) = doc["findings"]
    assert finding["severity"] == "warning" and finding["check"] == "permissions"
    assert finding["fixable"] is True and finding["fixed"] is False
    assert "chmod 600" in finding["fix"]


# -- permissions ---------------------------------------------------------------------------------
@pytest.mark.parametrize("target, widened, want", [
    (".", 0o755, 0o700),
    ("profiles", 0o777, 0o700),
    ("profiles/default.toml", 0o644, 0o600),
    ("milia.db", 0o640, 0o600),
])
def test_widened_modes_are_reported_then_fixed(milia, healthy, target, widened, want):
    path = healthy / target
    path.chmod(widened)
    before = snapshot(healthy)
    r = milia("doctor")
    assert r.exit_code == 1
    (line,) = lines_of(r)
    assert line.startswith("warning: ") and f"mode {widened:o}" in line and f"chmod {want:o} {path}" in line
    assert "milia doctor --fix" in r.stderr
    assert snapshot(healthy) == before, "doctor without --fix changes nothing"

    r = milia("doctor", "--fix")
    assert r.exit_code == 0, r.output
    assert mode(path) == want
    assert any(line.startswith("fixed: ") and f"now mode {want:o}" in line for line in lines_of(r))
    assert milia("doctor").exit_code == 0


def test_widened_wal_sidecar_is_reported(milia, healthy):
    db = healthy / "milia.db"
    conn = sqlite3.connect(db)  # keep the WAL open so -wal/-shm exist
    try:
        conn.execute("SELECT count(*) FROM checkins").fetchone()
        wal = healthy / "milia.db-wal"
        assert wal.exists()
        wal.chmod(0o644)
        report = check_home(locations(healthy))
        assert [f.path for f in report.problems] == [str(wal)]
        report = check_home(locations(healthy), fix=True)
        assert report.ok and mode(wal) == 0o600
    finally:
        conn.close()


# -- temp files of killed writes ------------------------------------------------------------------
def test_leftover_temp_files_are_reported_and_removed_by_fix_only(milia, healthy):
    profile = healthy / "profiles" / "default.toml"
    original = profile.read_bytes()
    tmp = healthy / "profiles" / ".default.toml.k3j_x9a2.tmp"
    tmp.write_text("half a profi")
    unrelated = healthy / "profiles" / ".keep.tmp"  # not one of ours: left alone
    unrelated.write_text("")
    r = milia("doctor")
    assert r.exit_code == 1
    (line,) = lines_of(r)
    assert str(tmp) in line and "interrupted write to default.toml" in line and "intact" in line
    assert tmp.exists()

    r = milia("doctor", "--fix")
    assert r.exit_code == 0, r.output
    assert not tmp.exists() and unrelated.exists()
    assert profile.read_bytes() == original


# -- profiles -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, expect", [
    ("schema = 1\nname = [", "is not valid TOML"),
    ("", "is empty"),
    (BASE_PROFILE.replace('type = "combination"', 'type = "leathery"'), "key 'skin.type' is 'leathery'"),
])
def test_invalid_profile_is_an_error_naming_the_file_and_never_touched(milia, healthy, text, expect):
    bad = milia.write_profile(text, name="client")
    before = snapshot(healthy)
    for args in (("doctor",), ("doctor", "--fix")):
        r = milia(*args)
        assert r.exit_code == 1
        (line,) = lines_of(r)
        assert line.startswith(f"error: {bad}") and expect in line and f"edit {bad}" in line
        assert snapshot(healthy) == before


def test_newer_schema_profile_says_upgrade(milia, healthy):
    milia.write_profile(BASE_PROFILE.replace("schema = 1", "schema = 7"), name="future")
    r = milia("doctor")
    assert r.exit_code == 1
    (line,) = lines_of(r)
    assert "profile schema 7" in line and "upgrade milia" in line


def test_file_with_an_unusable_name_is_info_only(milia, healthy):
    (healthy / "profiles" / "my client.toml").write_text(BASE_PROFILE)
    (healthy / "profiles" / "my client.toml").chmod(0o600)
    r = milia("doctor")
    assert r.exit_code == 0, r.output
    assert any(line.startswith("info: ") and "not a valid profile name" in line for line in lines_of(r))


# -- the database ------------------------------------------------------------------------------------
def _garbage(db: Path) -> None:
    db.write_bytes(b"\x00\xffnot a database at all" * 300)


def _truncated(db: Path) -> None:
    db.write_bytes(db.read_bytes()[:50])


def _text_file(db: Path) -> None:
    db.write_text("name,date\nana,2026-11-23\n")


def _torn_pages(db: Path) -> None:
    raw = bytearray(db.read_bytes())
    page = int.from_bytes(raw[16:18], "big")
    for at in range(page, len(raw)):  # keep page 1 (header, schema), wreck the rest
        raw[at] = (at * 37) & 0xFF
    db.write_bytes(bytes(raw))


@pytest.mark.parametrize("damage", [_garbage, _truncated, _text_file, _torn_pages])
def test_damaged_database_is_an_error_with_restore_advice_and_left_byte_identical(milia, healthy, damage):
    db = healthy / "milia.db"
    damage(db)
    before = snapshot(healthy)
    for args in (("doctor",), ("doctor", "--fix")):
        r = milia(*args)
        assert r.exit_code == 1, r.output
        errors = [line for line in lines_of(r) if line.startswith("error: ")]
        assert len(errors) == 1, r.output
        assert str(db) in errors[0] and "milia log export" in errors[0] and "milia log import" in errors[0]
        assert "Traceback" not in r.output
        assert snapshot(healthy) == before


def test_foreign_sqlite_database_is_refused_untouched(milia, home):
    milia.write_profile()
    db = home / "milia.db"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA application_id = 1234")
    conn.execute("CREATE TABLE photos(x)")
    conn.commit()
    conn.close()
    db.chmod(0o600)
    before = snapshot(home)
    r = milia("doctor")
    assert r.exit_code == 1
    assert "not a milia log" in r.stdout and snapshot(home) == before


def test_newer_database_schema_says_upgrade_untouched(milia, healthy):
    db = healthy / "milia.db"
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = snapshot(healthy)
    r = milia("doctor")
    assert r.exit_code == 1
    assert f"log schema {SCHEMA_VERSION + 1}" in r.stdout and "upgrade milia" in r.stdout
    assert snapshot(healthy) == before


def test_integrity_check_failure_is_reported(milia, healthy, monkeypatch):
    from milia_cli import store as store_mod

    monkeypatch.setattr(store_mod.Store, "integrity_check", lambda self: ["*** in database main ***", "row 3 missing"])
    r = milia("doctor")
    assert r.exit_code == 1
    (line,) = lines_of(r)
    assert "failed its integrity check: *** in database main ***; row 3 missing" in line
    assert "milia log import" in line


def test_orphaned_logs_are_info_with_the_way_out(milia, healthy):
    add_log(healthy, key="gone")
    add_log(healthy, key="Ana Lía")  # a --profile-file client: its key is not a profile name
    r = milia("doctor")
    assert r.exit_code == 0, r.output
    info = [line for line in lines_of(r) if line.startswith("info: ")]
    assert len(info) == 2
    gone = next(line for line in info if "'gone'" in line)
    assert "1 check-in, 1 event" in gone and "milia profile delete gone --yes" in gone
    client = next(line for line in info if "'Ana Lía'" in line)
    assert "--profile-file FILE log export" in client


def test_locked_database_is_still_checked(milia, healthy):
    """In WAL mode a writer's EXCLUSIVE lock does not stop readers: doctor still reads."""
    holder = sqlite3.connect(healthy / "milia.db", isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("DELETE FROM events")
        report = check_home(locations(healthy), timeout=0.2)
        assert report.ok and report.db_version == SCHEMA_VERSION
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_empty_database_file_is_reported_not_fine(milia, home):
    """Issue 12 item 7: milia never leaves a 0-byte database (it links a whole one into place),
    so a 0-byte milia.db was truncated; it used to be reported as fine and silently started over."""
    milia.write_profile()
    (home / "milia.db").touch(mode=0o600)
    r = milia("doctor")
    assert r.exit_code == 1 and "is empty (0 bytes)" in r.stdout, r.output


def test_home_that_is_a_file_is_an_error(milia, tmp_path):
    f = tmp_path / "not-a-dir"
    f.write_text("")
    report = check_home(locations(f))
    assert not report.ok and "should be a directory" in report.problems[0].problem


def test_database_path_that_is_a_directory_is_an_error(milia, home):
    milia.write_profile()
    (home / "milia.db").mkdir(mode=0o700)
    r = milia("doctor")
    assert r.exit_code == 1 and "should be a file" in r.stdout


def test_everything_at_once_no_side_effects_then_fix(milia, healthy):
    healthy.chmod(0o750)
    (healthy / "profiles" / "default.toml").chmod(0o666)
    (healthy / "profiles" / ".default.toml.abcdefgh.tmp").write_text("x")
    milia.write_profile("garbage = [", name="broken")
    before = snapshot(healthy)
    report = check_home(locations(healthy))
    assert [f.severity for f in report.findings] == ["error", "warning", "warning", "warning"]
    assert snapshot(healthy) == before
    fixed = check_home(locations(healthy), fix=True)
    assert len(fixed.fixed) == 3 and [f.check for f in fixed.problems] == ["profile"]
    assert not fixed.ok
    # the broken profile is untouched by --fix
    assert (healthy / "profiles" / "broken.toml").read_text() == "garbage = ["


# -- odd files in the profiles directory ---------------------------------------------------------------
def test_fifo_or_directory_named_like_a_profile_is_reported_without_blocking(milia, healthy):
    fifo = healthy / "profiles" / "pipe.toml"
    os.mkfifo(fifo, 0o600)  # reading it would block forever
    (healthy / "profiles" / "folder.toml").mkdir(mode=0o700)
    report = check_home(locations(healthy))
    assert sorted(f.path for f in report.problems) == [str(healthy / "profiles" / "folder.toml"), str(fifo)]
    assert all("not a regular file" in f.problem for f in report.problems)


def test_fix_never_chmods_through_a_symlink(milia, healthy, tmp_path):
    outside = tmp_path / "someone-elses.toml"
    outside.write_text(BASE_PROFILE)
    outside.chmod(0o644)
    (healthy / "profiles" / "linked.toml").symlink_to(outside)
    report = check_home(locations(healthy), fix=True)
    (finding,) = report.problems
    assert finding.check == "permissions" and not finding.fixable and not finding.fixed
    assert f"chmod 600 {outside}" in finding.fix
    assert mode(outside) == 0o644
