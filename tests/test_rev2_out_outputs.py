"""Issue 12, item 3: ``-o`` never destroys.

An existing file is replaced only with --force, or when it is an export milia wrote of the same
profile in the same format; the log database (and its -wal/-shm), the profiles and anything in
the milia home are never an output, not even with --force. Real files throughout; each refusal
is one sentence on stderr, exit 1, and the file byte-identical with its mode.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import date
from pathlib import Path

import pytest

from milia_cli.outputs import output_identity, remove_stale_temps
from tests.conftest import BASE_PROFILE
from tests.support.cli import snapshot, stderr_lines

FORMATS = ("ics", "json", "csv", "md", "html")
NEXT_DAY = date(2026, 11, 24)


@pytest.fixture
def logged(milia, home):
    milia.write_profile()
    r = milia("checkin", "--date", "2026-11-23", "--all", "--note", "private")
    assert r.exit_code == 0, r.output
    return home


def _file(path: Path, text: str, mode: int = 0o644) -> tuple[bytes, int]:
    path.write_text(text)
    path.chmod(mode)
    return path.read_bytes(), mode


def _untouched(path: Path, before: tuple[bytes, int]) -> None:
    assert path.read_bytes() == before[0]
    assert stat.S_IMODE(path.stat().st_mode) == before[1]


def _refused(r, *words: str) -> None:
    assert r.exit_code == 1, r.output
    lines = stderr_lines(r)
    assert len(lines) == 1 and lines[0].startswith("milia: "), r.stderr
    for word in words:
        assert word in lines[0], lines[0]


def test_log_export_over_the_database_is_refused_even_with_force(milia, logged):
    before = snapshot(logged)
    for extra in ([], ["--force"]):
        for name in ("milia.db", "milia.db-wal", "milia.db-shm"):
            r = milia("log", "export", "-o", str(logged / name), *extra)
            _refused(r, "milia home", "never")
    assert snapshot(logged) == before
    with sqlite3.connect(logged / "milia.db") as conn:
        assert conn.execute("SELECT count(*) FROM checkins").fetchone()[0] == 1


def test_a_symlink_to_the_database_is_refused_like_the_database(milia, logged, tmp_path):
    link = tmp_path / "backup.json"
    link.symlink_to(logged / "milia.db")
    before = snapshot(logged)
    r = milia("log", "export", "-o", str(link), "--force")
    _refused(r, "milia home")
    assert snapshot(logged) == before and link.is_symlink()


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_over_the_profile_is_refused_even_with_force(milia, logged, fmt):
    profile = logged / "profiles" / "default.toml"
    before = snapshot(logged)
    for extra in ([], ["--force"]):
        _refused(milia("export", fmt, "-o", str(profile), *extra), "never")
    assert snapshot(logged) == before


def test_export_over_a_client_profile_elsewhere_is_refused_even_with_force(milia, home, tmp_path):
    clients = tmp_path / "clients"
    clients.mkdir()
    ana = clients / "ana.toml"
    ana.write_text(BASE_PROFILE)
    bob_text = BASE_PROFILE.replace('name = "ana"', 'name = "bob"')
    bob = clients / "bob.txt"  # a profile under another suffix is still a profile
    bob.write_text(bob_text)
    for target in (ana, bob, clients / "carol.toml"):
        r = milia("-f", str(ana), "export", "html", "-o", str(target), "--force")
        _refused(r, "profile")
    assert ana.read_text() == BASE_PROFILE and bob.read_text() == bob_text
    assert not (clients / "carol.toml").exists()


def test_any_sqlite_database_is_never_an_output(milia, logged, tmp_path):
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    before = other.read_bytes()
    _refused(milia("log", "export", "-o", str(other), "--force"), "database")
    assert other.read_bytes() == before


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_unrelated_file_is_kept_unless_forced(milia, logged, tmp_path, fmt):
    notes = tmp_path / "notes.txt"
    before = _file(notes, "my own notes\n")
    r = milia("export", fmt, "-o", str(notes))
    _refused(r, "already exists", "--force")
    _untouched(notes, before)
    r = milia("export", fmt, "-o", str(notes), "--force")
    assert r.exit_code == 0, r.output
    assert notes.read_bytes() != before[0]
    assert stat.S_IMODE(notes.stat().st_mode) == 0o600  # replaced on request: health data, private


@pytest.mark.parametrize("fmt", FORMATS)
def test_re_exporting_over_milias_own_export_just_works(milia, logged, tmp_path, fmt):
    out = tmp_path / f"plan.{fmt}"
    assert milia("export", fmt, "--weeks", "2", "-o", str(out)).exit_code == 0
    first = out.read_bytes()
    r = milia("export", fmt, "--weeks", "4", "-o", str(out))
    assert r.exit_code == 0, r.output
    assert out.read_bytes() != first  # replaced: it was milia's export of this profile


@pytest.mark.parametrize("fmt", ("ics", "json", "md", "html"))
def test_another_profiles_export_is_not_replaced(milia, logged, tmp_path, fmt):
    milia.write_profile(BASE_PROFILE.replace('name = "ana"', 'name = "bob"'), name="bob")
    out = tmp_path / f"plan.{fmt}"
    assert milia("-p", "bob", "export", fmt, "-o", str(out)).exit_code == 0
    before = out.read_bytes()
    _refused(milia("export", fmt, "-o", str(out)), "already exists")
    assert out.read_bytes() == before


def test_another_format_is_not_replaced(milia, logged, tmp_path):
    out = tmp_path / "plan.out"
    assert milia("export", "md", "-o", str(out)).exit_code == 0
    before = out.read_bytes()
    _refused(milia("export", "html", "-o", str(out)), "already exists")
    assert out.read_bytes() == before


def test_log_export_replaces_its_own_backup_but_not_a_plan(milia, logged, tmp_path):
    backup = tmp_path / "backup.json"
    assert milia("log", "export", "-o", str(backup)).exit_code == 0
    assert milia("checkin", "--date", "2026-11-24", "--all", today=NEXT_DAY).exit_code == 0
    assert milia("log", "export", "-o", str(backup), today=NEXT_DAY).exit_code == 0
    assert b"2026-11-24" in backup.read_bytes()
    plan = tmp_path / "plan.json"
    assert milia("export", "json", "-o", str(plan)).exit_code == 0
    before = plan.read_bytes()
    _refused(milia("log", "export", "-o", str(plan)), "already exists")
    assert plan.read_bytes() == before


def test_a_fifo_or_device_is_not_an_output(milia, logged, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    _refused(milia("export", "md", "-o", str(fifo), "--force"), "not a regular file")
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_nothing_inside_the_home_is_an_output(milia, logged):
    _refused(milia("export", "md", "-o", str(logged / "handout.md")), "milia home")
    assert not (logged / "handout.md").exists()


def test_identity_of_each_format(milia, logged, tmp_path):
    for fmt in FORMATS:
        out = tmp_path / f"x.{fmt}"
        assert milia("export", fmt, "-o", str(out)).exit_code == 0
        kind, _who = output_identity(out.read_bytes())
        assert kind == {"json": "milia.plan/1"}.get(fmt, fmt)
    assert output_identity(b"my notes") is None
    assert output_identity(b"") is None


# -- batch -o OUTDIR ---------------------------------------------------------------------------------
def _clients(tmp_path: Path) -> Path:
    clients = tmp_path / "clients"
    clients.mkdir()
    for stem in ("ana", "bob"):
        (clients / f"{stem}.toml").write_text(BASE_PROFILE.replace('name = "ana"', f'name = "{stem}"'))
    return clients


def test_batch_keeps_unrelated_files_in_outdir_unless_forced(milia, home, tmp_path):
    clients, out = _clients(tmp_path), tmp_path / "out"
    out.mkdir()
    before = _file(out / "ana.html", "<p>the clinic's own page</p>\n")
    r = milia("batch", str(clients), "--format", "html", "-o", str(out))
    assert r.exit_code == 1, r.output
    assert "skipped ana.toml" in r.stderr and "already exists" in r.stderr
    _untouched(out / "ana.html", before)
    assert output_identity((out / "bob.html").read_bytes()) == ("html", "bob")  # the others still written
    r = milia("batch", str(clients), "--format", "html", "-o", str(out))  # again: bob.html is milia's
    assert "skipped bob.toml" not in r.stderr
    r = milia("batch", str(clients), "--format", "html", "-o", str(out), "--force")
    assert r.exit_code == 0, r.output
    assert output_identity((out / "ana.html").read_bytes()) == ("html", "ana")


def test_batch_into_the_home_is_refused(milia, home, tmp_path):
    milia.write_profile()
    clients = _clients(tmp_path)
    before = snapshot(home)
    for outdir in (home, home / "profiles", home / "handouts"):
        r = milia("batch", str(clients), "--format", "md", "-o", str(outdir), "--force")
        _refused(r, "milia home")
    assert snapshot(home) == before


def test_stale_temp_pattern_matches_only_milias_temps(tmp_path):
    ours = [".ana.html.k3j9x_2a.tmp", ".bob-2.md.abcdefgh.tmp", ".c.ics.12345678.tmp", ".d.json.a_b_c_d_.tmp"]
    theirs = [".ana.html.tmp", "ana.html.k3j9x_2a.tmp", ".notes.txt.abcdefgh.tmp", ".x.html.ABCDEFGH.tmp",
              ".ana.html.k3j9x_2a.tmp.keep"]
    for name in ours + theirs:
        (tmp_path / name).write_text("x")
    removed = remove_stale_temps(tmp_path)
    assert sorted(p.name for p in removed) == sorted(ours)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(theirs)
