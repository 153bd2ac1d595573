"""Issue 12, items 5, 9 and 13: hostile TOML, terminal escapes, and the wording of errors.

- item 5: a 4 KB TOML nested 2000 deep, or a 4,300+-digit integer, is a bad profile (one
  sentence naming the file) for batch, plan and profile show — never an internal error.
- item 9: everything printed that came from outside goes through milia_cli.safe_text.
- item 13: Typer's usage boxes are one sentence; no Python repr reaches a user; nan refused;
  an emoji joined by U+200D is a valid name character.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from milia_cli.profile import load_profile
from milia_cli.safe_text import one_line, visible
from tests.conftest import BASE_PROFILE
from tests.support.cli import snapshot, stderr_lines

DEEP_ARRAY = "schema = 1\nname = \"x\"\nx = " + "[" * 2000 + "]" * 2000 + "\n"
DEEP_TABLE = "schema = 1\nname = \"x\"\nx = " + "{a = " * 1200 + "1" + "}" * 1200 + "\n"
HUGE_INT = "schema = 1\nname = \"x\"\nbirth_year = " + "9" * 4301 + "\n"
HUGE_INT_VALID = BASE_PROFILE.replace("birth_year = 1994", "birth_year = " + "1" * 4300)
HOSTILE = {"deep-array": DEEP_ARRAY, "deep-table": DEEP_TABLE, "huge-int": HUGE_INT,
           "huge-but-parsable-int": HUGE_INT_VALID}
ESCAPES = "\x1b]0;pwned\x07\x1b[2J"


def _one_sentence(r, code: int = 1) -> str:
    assert r.exit_code == code, r.output
    assert "internal error" not in r.output and "Traceback" not in r.output
    lines = stderr_lines(r)
    assert len(lines) == 1 and lines[0].startswith("milia: "), r.stderr
    return lines[0]


@pytest.mark.parametrize("kind", HOSTILE)
def test_hostile_toml_is_a_bad_profile_for_every_command(milia, home, kind):
    path = milia.write_profile(HOSTILE[kind])
    assert len(path.read_bytes()) < 8 * 1024 or kind.startswith("huge")
    before = snapshot(home)
    for argv in (["plan"], ["today"], ["profile", "show"], ["stats"], ["export", "html"], ["checkin", "--all"]):
        line = _one_sentence(milia(*argv))
        assert "default.toml" in line, line
        assert len(line) < 400
    assert snapshot(home) == before


@pytest.mark.parametrize("kind", HOSTILE)
def test_batch_writes_the_good_clients_and_skips_the_hostile_one(milia, home, tmp_path, kind):
    clients = tmp_path / "clients"
    clients.mkdir()
    (clients / "ana.toml").write_text(BASE_PROFILE)
    (clients / "bob.toml").write_text(BASE_PROFILE.replace('name = "ana"', 'name = "bob"'))
    (clients / "evil.toml").write_text(HOSTILE[kind])
    out = tmp_path / "out"
    r = milia("batch", str(clients), "--format", "html", "-o", str(out))
    assert r.exit_code == 1, r.output
    assert "internal error" not in r.output
    assert sorted(p.name for p in out.iterdir()) == ["ana.html", "bob.html"]
    assert any(line.startswith("milia: skipped evil.toml") for line in stderr_lines(r)), r.stderr


def test_load_profile_names_the_problem(tmp_path):
    from milia_cli.errors import MiliaError

    for kind, words in (("deep-array", "nested too deeply"), ("huge-int", "too many digits")):
        path = tmp_path / f"{kind}.toml"
        path.write_text(HOSTILE[kind])
        with pytest.raises(MiliaError, match=words):
            load_profile(path)


# -- item 9: terminal escapes ------------------------------------------------------------------------
def test_batch_skipped_line_escapes_the_file_name(milia, home, tmp_path):
    clients = tmp_path / "clients"
    clients.mkdir()
    (clients / "ana.toml").write_text(BASE_PROFILE)
    (clients / f"{ESCAPES}.toml").write_text("schema = 1\n")
    out = tmp_path / f"out{ESCAPES}"
    r = milia("batch", str(clients), "--format", "md", "-o", str(out))
    assert r.exit_code == 1
    assert "\x1b" not in r.output and "\x07" not in r.output
    assert "\\x1b]0;pwned\\x07\\x1b[2J.toml" in r.stderr


@pytest.mark.parametrize("argv", [["export", "md", "-o", "{out}"], ["log", "export", "-o", "{out}"]])
def test_wrote_and_exported_lines_escape_the_typed_path(milia, home, tmp_path, argv):
    milia.write_profile()
    out = tmp_path / f"plan{ESCAPES}\u202efdp.md"
    r = milia(*[a.format(out=out) for a in argv])
    assert r.exit_code == 0, r.output
    assert out.exists()
    assert "\x1b" not in r.output and "\x07" not in r.output and "\u202e" not in r.output
    assert "\\u202e" in r.output


def test_doctor_escapes_file_names(milia, home):
    milia.write_profile()
    (home / "profiles" / f"{ESCAPES}.toml").write_text(BASE_PROFILE)
    (home / "profiles" / f".{ESCAPES}.toml.abcdefgh.tmp").write_text("x")
    r = milia("doctor")
    assert "\x1b" not in r.output and "\x07" not in r.output
    assert "\\x1b[2J" in r.stdout


def test_one_line_and_visible():
    assert one_line("a\nb\x1b[2J") == "a\\nb\\x1b[2J"
    assert visible("line 1\nline\t2\x07") == "line 1\nline\t2\\x07"
    assert one_line("abc\u202edcba\u200b") == "abc\\u202edcba\\u200b"  # bidi override, zero width: visible
    assert one_line("a\u200db") == "a\\u200db"  # a joiner between letters hides nothing honest
    for emoji in ("👩\u200d🔬", "❤\ufe0f\u200d🔥", "🏳\ufe0f\u200d🌈"):
        assert one_line(emoji) == emoji
    assert one_line("plain") == "plain" and one_line(Path("/x")) == "/x"


# -- item 13: wording -----------------------------------------------------------------------------------
@pytest.mark.parametrize("argv, expect", [
    (["checkin", "--foo"], "milia: no such option: --foo; see `milia checkin --help`."),
    (["plan", "--weeks", "x"], "see `milia plan --help`."),
    (["batch"], "milia: missing argument 'DIR'; see `milia batch --help`."),
    (["nosuchcommand"], "see `milia --help`."),
    (["export", "ics", "--alarm"], "see `milia export ics --help`."),
])
def test_usage_errors_are_one_sentence(milia, home, argv, expect):
    milia.write_profile()
    r = milia(*argv)
    assert r.exit_code == 2, r.output
    lines = stderr_lines(r)
    assert len(lines) == 1, r.stderr
    assert expect in lines[0]
    assert not re.search("[╭│╰]", r.output) and "Usage:" not in r.output


@pytest.mark.slow
def test_usage_error_in_a_real_process_is_one_line(home):
    import subprocess

    from tests.support.processes import BIN, child_env

    r = subprocess.run([str(BIN), "--home", str(home), "checkin", "--foo"], env=child_env(), capture_output=True,
                       text=True, timeout=60)
    assert r.returncode == 2
    assert r.stderr == "milia: no such option: --foo; see `milia checkin --help`.\n"


@pytest.mark.parametrize("old, new, shown", [
    ("start = 2026-11-23", "start = 2020-01-06T10:00:00", "2020-01-06T10:00:00"),
    ('name = "ana"', "name = true", "is true;"),
    ('type = "combination"', "type = false", "is false;"),
    ("since = 2026-09-01", "since = 07:30:00", "07:30:00"),
    ('areas = ["upper-eyelids", "under-eyes", "cheeks"]', "areas = [true]", "is true;"),
    ("birth_year = 1994", "birth_year = 1994.5", "1994.5"),
    ("schema = 1", "schema = true", "'schema' is true;"),
])
def test_no_python_repr_in_profile_errors(milia, home, old, new, shown):
    milia.write_profile(BASE_PROFILE.replace(old, new, 1))
    line = _one_sentence(milia("plan"))
    assert shown in line, line
    assert "datetime." not in line and "True" not in line and "False" not in line


@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "-inf", "+inf"])
def test_triage_size_mm_must_be_a_finite_number(milia, home, value):
    milia.write_profile()
    r = milia("triage", "--size-mm", value)
    assert r.exit_code == 2, r.output
    assert len(stderr_lines(r)) == 1 and "nan" not in r.stdout.lower()


@pytest.mark.parametrize("name", ["👩\u200d🔬 Ana", "Ana ❤\ufe0f\u200d🔥", "🏳\ufe0f\u200d🌈"])
def test_an_emoji_joined_by_zwj_is_a_valid_name(milia, home, name):
    milia.write_profile(BASE_PROFILE.replace('name = "ana"', f'name = "{name}"'))
    r = milia("profile", "show", "--json")
    assert r.exit_code == 0, r.output
    assert name in r.stdout
    r = milia("today")
    assert r.exit_code == 0 and name in r.stdout


@pytest.mark.parametrize("name", ["ana\u200d", "\u200dana", "a\u200db", "ana\u202e"])
def test_a_lone_or_hiding_joiner_is_still_refused(milia, home, name):
    milia.write_profile(BASE_PROFILE.replace('name = "ana"', f'name = "{name}"'))
    line = _one_sentence(milia("plan"))
    assert "'name'" in line and "\\u20" in line  # shown escaped, not raw


# -- item 13: a read-only home still reads --------------------------------------------------------------
@pytest.fixture
def ro_home():
    """A home in a fresh directory of the system's temp dir that nobody can reach (not pytest's
    0700 basetemp, which another pytest on the machine may chmod back while the child runs)."""
    import shutil
    import tempfile

    top = Path(tempfile.mkdtemp(prefix="milia-ro-"))
    top.chmod(0o755)
    home = top / "home"
    home.mkdir(mode=0o700)
    yield home
    for path in [top, *top.rglob("*")]:
        path.chmod(0o700)
    shutil.rmtree(top)


def _as_reader(home: Path) -> list[str]:
    """Make ``home`` read-only for a child process; returns the prefix that runs the child.

    As a normal user: chmod (0500 directories, 0400 files). As root (CI containers) chmod does
    not stop root, and remounting read-only or mounting a tmpfs is not available; so the home is
    handed to the unprivileged user ``nobody`` and the child runs as nobody (``setpriv``): for
    that process the home is exactly a read-only tree, the same as a read-only filesystem."""
    import os
    import shutil

    for path in [home, *home.rglob("*")]:
        path.chmod(0o500 if path.is_dir() else 0o400)
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: no way to drop to an unprivileged user here")
    nobody = 65534
    for path in [home, *home.rglob("*")]:
        os.chown(path, nobody, nobody)
    return ["setpriv", f"--reuid={nobody}", f"--regid={nobody}", "--clear-groups"]


@pytest.mark.slow
@pytest.mark.parametrize("argv", [["today"], ["today", "--json"], ["plan", "--json"], ["stats"], ["log", "export"],
                                  ["export", "ics"], ["event", "list"]])
def test_reading_commands_work_on_a_read_only_home(ro_home, argv):
    import subprocess

    from tests.support.processes import BIN, child_env

    home = ro_home
    (home / "profiles").mkdir(mode=0o700)
    (home / "profiles" / "default.toml").write_text(BASE_PROFILE)
    for day in ("2026-11-24", "2026-11-25"):
        r = subprocess.run([str(BIN), "--home", str(home), "checkin", "--date", day, "--all", "--note", "kept"],
                           env=child_env(), capture_output=True, text=True, timeout=60)
        assert r.returncode == 0, r.stderr
    assert not (home / "milia.db-wal").exists() or (home / "milia.db-wal").stat().st_size == 0
    before = snapshot(home)
    prefix = _as_reader(home)
    run = lambda *a: subprocess.run([*prefix, str(BIN), "--home", str(home), *a], env=child_env(),  # noqa: E731
                                    capture_output=True, text=True, timeout=60, cwd=home.parent)
    r = run(*argv)
    assert r.returncode == 0, r.stderr
    assert "internal error" not in r.stderr
    if argv == ["log", "export"]:
        assert r.stdout.count('"note": "kept"') == 2
    if argv == ["today", "--json"]:
        assert '"date": "2026-11-30"' in r.stdout
    w = run("checkin", "--date", "2026-11-26", "--all")
    assert w.returncode == 1 and len(w.stderr.splitlines()) == 1, w.stderr
    after = snapshot(home)
    assert {k: v[2] for k, v in after.items() if v[0] == "file"} == {k: v[2] for k, v in before.items() if v[0] == "file"}


def test_a_full_disk_while_opening_the_log_to_read_says_the_disk_is_full(milia, home, monkeypatch):
    """A full disk cannot be made here (root in CI: no tmpfs, no loop device), so the two facts
    of one are injected at the OS boundary: SQLite's answer when it cannot grow the -shm it needs
    to read a WAL database ("disk I/O error", as the store translates it) and statvfs reporting no
    free blocks. The sentence must say the disk is full, not a vague I/O error."""
    import os
    import sqlite3

    from milia_cli import store

    milia.write_profile()
    assert milia("checkin", "--all").exit_code == 0
    before = snapshot(home)
    real_statvfs = os.statvfs

    class Full:
        def __init__(self, real):
            self.real = real

        def __getattr__(self, name):
            return 0 if name in ("f_bavail", "f_bfree") else getattr(self.real, name)

    def full_disk_open(path, **kwargs):
        raise store._translate(sqlite3.OperationalError("disk I/O error"), Path(path), 5.0)

    monkeypatch.setattr(store, "open_store", full_disk_open)
    monkeypatch.setattr(os, "statvfs", lambda p: Full(real_statvfs(p)))
    for argv in (["today"], ["plan"], ["stats"], ["log", "export"]):
        line = _one_sentence(milia(*argv))
        assert "is full" in line and "milia.db" in line, line
    monkeypatch.setattr(os, "statvfs", real_statvfs)
    line = _one_sentence(milia("today"))  # the same I/O error with room on the disk: not "full"
    assert "is full" not in line
    assert snapshot(home) == before


@pytest.mark.parametrize("kind", ["deep-array", "huge-int"])
def test_doctor_reports_a_hostile_profile_instead_of_crashing(milia, home, kind):
    milia.write_profile()
    (home / "profiles" / "evil.toml").write_text(HOSTILE[kind])
    (home / "profiles" / "evil.toml").chmod(0o600)
    r = milia("doctor")
    assert "internal error" not in r.output, r.output
    assert "evil.toml" in r.stdout
