"""Privacy: private modes whatever the umask, warnings when widened, no health data in errors,
and `profile delete` leaves nothing of the person behind.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
from pathlib import Path

import pytest

from milia_cli.store import open_store
from tests.conftest import BASE_PROFILE
from tests.support.cli import FLAG_CASES, commands, needs, snapshot, stderr_lines
from tests.support.processes import BIN, DAYS, TODAY, child_env

CANARY = "zq-canary-7731"  # a note nobody would type twice


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def all_modes(root: Path) -> dict[str, int]:
    out = {".": mode(root)}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            out[str(path.relative_to(root))] = mode(path)
    return out


def _umask0() -> None:
    os.umask(0)


# -- modes ----------------------------------------------------------------------------------------
@pytest.mark.slow
def test_every_file_and_directory_is_private_even_with_umask_0(tmp_path):
    needs("checkin", "event add", "log export")
    home = tmp_path / "a" / "home"
    out = tmp_path / "exports" / "backup.json"
    steps = [
        ["init", "--skin-type", "dry", "--pregnancy", "none", "--timezone", "UTC", "--start", "2026-11-23"],
        ["profile", "set", "habits.smoker", "true"],
        ["checkin", "--date", DAYS[1], "--all", "--note", "fine"],
        ["event", "add", "--kind", "extraction", "--date", DAYS[2], "--area", "cheeks"],
        ["log", "export", "-o", str(out)],
    ]
    for argv in steps:
        r = subprocess.run([str(BIN), "--home", str(home), *argv], env=child_env(), capture_output=True,
                           text=True, timeout=60, preexec_fn=_umask0)
        assert r.returncode == 0, (argv, r.stderr)
    modes = all_modes(home)
    assert "milia.db" in modes and "profiles/default.toml" in modes
    for rel, m in modes.items():
        want = 0o700 if (home / rel).is_dir() else 0o600
        assert m == want, f"{rel} is {m:o}, want {want:o}"
    assert mode(home.parent) == 0o700  # created by milia, so private too
    assert mode(out) == 0o600 and mode(out.parent) == 0o700


@pytest.fixture
def logged(milia, home) -> Path:
    needs("checkin")
    milia.write_profile()
    r = milia("checkin", "--date", DAYS[1], "--all", "--note", CANARY, today=TODAY)
    assert r.exit_code == 0, r.output
    return home


def _warned(result, path: Path) -> bool:
    return any("readable by other users" in line and str(path) in line and "chmod" in line
               for line in stderr_lines(result))


def test_widened_profile_warns_on_every_open_and_json_stays_clean(milia, logged):
    path = logged / "profiles" / "default.toml"
    path.chmod(0o644)
    for argv in (["profile", "show", "--json"], ["today", "--json"], ["plan", "--json"], ["checkin", "--all"]):
        if argv[0] not in commands():
            continue
        r = milia(*argv, today=TODAY)
        assert r.exit_code == 0, r.output
        assert _warned(r, path), (argv, r.stderr)
        if "--json" in argv:
            json.loads(r.stdout)  # the warning never pollutes stdout
    assert mode(path) == 0o644, "a warning, not a silent chmod"


def test_widened_database_warns_when_written(milia, logged):
    db = logged / "milia.db"
    db.chmod(0o644)
    r = milia("checkin", "--date", DAYS[2], "--all", today=TODAY)
    assert r.exit_code == 0, r.output
    assert _warned(r, db)


def test_widened_database_warns_when_read(milia, logged):
    needs("today", "log export", "stats")
    db = logged / "milia.db"
    db.chmod(0o644)
    for argv in (["today"], ["log", "export"], ["stats"]):
        r = milia(*argv, today=TODAY)
        assert r.exit_code == 0, r.output
        assert _warned(r, db), (argv, r.stderr)


def test_widened_home_directory_warns_on_open(milia, logged):
    logged.chmod(0o755)
    r = milia("profile", "show", today=TODAY)
    assert r.exit_code == 0
    assert any(str(logged) in line and "chmod 700" in line for line in stderr_lines(r)), r.stderr


# -- no health data in errors -----------------------------------------------------------------------------
SENSITIVE_PROFILE = (
    BASE_PROFILE.replace('pregnancy = "none"', 'pregnancy = "pregnant"')
    .replace("isotretinoin_recent = false", "isotretinoin_recent = true")
    .replace("facial_steroid = false", "facial_steroid = true\nanticoagulants = true")
)
SENSITIVE_WORDS = ["pregnan", "isotretinoin", "steroid", "anticoagul", CANARY, "1994"]


@pytest.mark.parametrize("argv", FLAG_CASES, ids=[" ".join(a)[:50] for a in FLAG_CASES])
def test_errors_carry_no_health_data_beyond_what_was_typed(milia, home, argv):
    needs("checkin")
    milia.write_profile(SENSITIVE_PROFILE)
    assert milia("checkin", "--date", DAYS[1], "--done", "am:cleanse", "--note", CANARY, today=TODAY).exit_code == 0
    r = milia(*argv, today=TODAY)
    if r.exit_code == 0:
        return
    typed = " ".join(argv).lower()
    for word in SENSITIVE_WORDS:
        if word.lower() not in typed:
            assert word.lower() not in r.stderr.lower(), f"{word!r} leaked into: {r.stderr}"


def test_damaged_profile_error_quotes_only_the_bad_value(milia, home):
    milia.write_profile(SENSITIVE_PROFILE.replace('type = "combination"', 'type = "scaly"'))
    r = milia("profile", "show", today=TODAY)
    assert r.exit_code == 1
    (line,) = stderr_lines(r)
    assert "'scaly'" in line
    for word in SENSITIVE_WORDS:
        assert word not in line


# -- profile delete ----------------------------------------------------------------------------------------
@pytest.fixture
def two_people(milia, home) -> Path:
    needs("checkin", "event add")
    milia.write_profile()
    milia.write_profile(BASE_PROFILE.replace('name = "ana"', f'name = "{CANARY}-name"'), name="zed")
    for day in DAYS[:4]:
        r = milia("--profile", "zed", "checkin", "--date", day, "--all", "--note", f"{CANARY} {day}", today=TODAY)
        assert r.exit_code == 0, r.output
    r = milia("--profile", "zed", "event", "add", "--kind", "laser", "--date", DAYS[2], "--area", "cheeks",
              today=TODAY)
    assert r.exit_code == 0, r.output
    r = milia("checkin", "--date", DAYS[1], "--all", "--note", "ana's own", today=TODAY)
    assert r.exit_code == 0, r.output
    return home


def test_delete_without_yes_is_refused_and_changes_nothing(milia, two_people):
    before = snapshot(two_people)
    r = milia("profile", "delete", "zed", today=TODAY)
    assert r.exit_code == 1
    (line,) = stderr_lines(r)
    assert "--yes" in line and "4 check-ins, 1 event)" in line
    assert snapshot(two_people) == before


def test_delete_asks_on_a_terminal(milia, two_people):
    r = milia("profile", "delete", "zed", tty=True, input="n\n", today=TODAY)
    assert r.exit_code == 0, r.output
    assert not (two_people / "profiles" / "zed.toml").exists()
    with open_store(two_people / "milia.db") as store:
        assert store.counts("zed") == (4, 1), "answering no keeps the log"


def test_delete_with_keep_log_keeps_it_and_doctor_reports_it(milia, two_people):
    r = milia("profile", "delete", "zed", "--keep-log", today=TODAY)
    assert r.exit_code == 0, r.output
    r = milia("doctor", today=TODAY)
    assert r.exit_code == 0 and "log for 'zed' (4 check-ins, 1 event)" in r.stdout


def test_delete_with_yes_removes_profile_and_log_and_keeps_the_others(milia, two_people):
    r = milia("profile", "delete", "zed", "--yes", today=TODAY)
    assert r.exit_code == 0, r.output
    assert not (two_people / "profiles" / "zed.toml").exists()
    with open_store(two_people / "milia.db") as store:
        assert store.profile_keys() == ["default"]
        assert store.counts("zed") == (0, 0)
        assert store.read_log("default").checkins[0].note == "ana's own"
    assert milia("doctor", today=TODAY).exit_code == 0


def _home_bytes(home: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(home.rglob("*")) if p.is_file())


def test_delete_with_yes_leaves_no_trace_in_the_files(milia, two_people):
    r = milia("profile", "delete", "zed", "--yes", today=TODAY)
    assert r.exit_code == 0, r.output
    raw = _home_bytes(two_people)
    assert CANARY.encode() not in raw, "the deleted notes or name are still in the database bytes"
    assert b"zed" not in raw, "the deleted profile key is still in the database bytes"


def test_delete_leaves_no_trace_even_where_sqlite_defaults_secure_delete_off(milia, two_people, monkeypatch):
    """SQLite's upstream default keeps deleted rows in free pages; the store turns secure_delete on."""
    from milia_cli import store as store_mod

    real = store_mod.sqlite3.connect

    def connect_like_a_default_build(*args, **kwargs):
        conn = real(*args, **kwargs)
        conn.execute("PRAGMA secure_delete = OFF")  # SQLite's upstream default
        return conn

    monkeypatch.setattr(store_mod.sqlite3, "connect", connect_like_a_default_build)
    r = milia("profile", "delete", "zed", "--yes", today=TODAY)
    monkeypatch.undo()
    assert r.exit_code == 0, r.output
    assert CANARY.encode() not in _home_bytes(two_people)


def test_canary_is_in_the_bytes_before_delete(two_people):
    """The trace test above is honest: before the delete the canary is there to find."""
    assert CANARY.encode() in _home_bytes(two_people)
