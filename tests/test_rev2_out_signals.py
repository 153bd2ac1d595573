"""Issue 12, item 10: signals at controlled points of real processes.

A child runs the real entry point (``milia_cli.cli.main``, as the console script does) under a
hook that sends the process a signal at one exact point: while Python imports typer (start-up),
right after SQLite's COMMIT, or at the rename of the n-th temporary file of a batch. No sleeps,
no timing: the point is an event in the process, not a moment.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import BASE_PROFILE
from tests.support.processes import child_env

pytestmark = pytest.mark.slow  # real processes, servers, a browser or whole courses: not in the quick loop

HOOK = r"""
import os, signal, sqlite3, sys
point = os.environ["MILIA_TEST_SIGNAL_AT"]
signum = getattr(signal, "SIG" + os.environ.get("MILIA_TEST_SIGNAL", "INT"))
def fire():
    os.kill(os.getpid(), signum)
if point.startswith("import:"):
    wanted = point.split(":", 1)[1]
    class Finder:
        def find_spec(self, name, path=None, target=None):
            if name == wanted:
                sys.meta_path.remove(self)
                fire()
            return None
    sys.meta_path.insert(0, Finder())
elif point in ("after-commit", "before-commit", "mid-transaction"):
    real_connect = sqlite3.connect
    class Conn(sqlite3.Connection):
        def execute(self, sql, *args):
            if sql == "COMMIT" and point == "before-commit":
                fire()
            result = super().execute(sql, *args)
            if sql == "COMMIT" and point == "after-commit":
                fire()
            return result
        def executemany(self, sql, *args):
            result = super().executemany(sql, *args)
            if point == "mid-transaction":
                fire()
            return result
    def connect(*args, **kwargs):
        kwargs["factory"] = Conn
        return real_connect(*args, **kwargs)
    sqlite3.connect = connect
elif point.startswith("replace:"):
    n = int(point.split(":", 1)[1])
    real_replace = os.replace
    seen = []
    def replace(src, dst):
        if str(src).endswith(".tmp"):
            seen.append(src)
            if len(seen) == n:
                fire()
        return real_replace(src, dst)
    os.replace = replace
sys.argv = ["milia"] + sys.argv[1:]
from milia_cli.cli import main
main()
"""


def run_signalled(home: Path, point: str, *args: str, sig: str = "INT") -> subprocess.CompletedProcess:
    env = child_env(MILIA_TEST_SIGNAL_AT=point, MILIA_TEST_SIGNAL=sig)
    return subprocess.run([sys.executable, "-c", HOOK, "--home", str(home), *args], env=env, capture_output=True,
                          text=True, timeout=60)


def _profile(home: Path) -> None:
    (home / "profiles").mkdir(mode=0o700)
    path = home / "profiles" / "default.toml"
    path.write_text(BASE_PROFILE)
    path.chmod(0o600)


def _with_log(home: Path) -> None:
    """A profile and a database that exists (so the only COMMIT of the next run is its write)."""
    _profile(home)
    r = subprocess.run([sys.executable, "-m", "milia_cli", "--home", str(home), "checkin", "--date", "2026-11-24",
                        "--all"], env=child_env(), capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr


def _days(home: Path) -> list[str]:
    if not (home / "milia.db").exists():
        return []
    with sqlite3.connect(home / "milia.db") as conn:
        return [r[0] for r in conn.execute("SELECT day FROM checkins ORDER BY day")]


@pytest.mark.parametrize("module", ["typer", "rich", "milia_cli.cli.app", "milia_cli.cli.plan_cmds",
                                    "milia_cli.planner"])
@pytest.mark.parametrize("sig, code", [("INT", 130), ("TERM", None)])
def test_interrupt_during_start_up_is_one_line_never_a_traceback(home, module, sig, code):
    _profile(home)
    argv = ["plan"] if module != "rich" else ["plan"]  # plan imports rich to render its tables
    r = run_signalled(home, f"import:{module}", *argv, sig=sig)
    assert "Traceback" not in r.stderr and "KeyboardInterrupt" not in r.stderr, r.stderr
    assert r.stderr.splitlines()[-1:] == ["Interrupted; nothing was changed."], r.stderr
    assert r.returncode in ((130,) if code else (130, 143)), r.returncode
    assert not (home / "milia.db").exists() or _days(home) == []


@pytest.mark.parametrize("point", ["mid-transaction", "before-commit", "after-commit"])
def test_interrupt_around_the_commit_says_what_was_stored(home, point):
    _with_log(home)
    r = run_signalled(home, point, "checkin", "--date", "2026-11-25", "--all", "--note", "x")
    assert "Traceback" not in r.stderr, r.stderr
    assert r.returncode == 130, r.stderr
    stored = "2026-11-25" in _days(home)
    lines = r.stderr.splitlines()
    assert len(lines) == 1, r.stderr
    if stored:
        assert lines == ["Interrupted; the check-in of 2026-11-25 had already been stored, nothing else was changed."]
    else:
        assert lines == ["Interrupted; nothing was changed."]
    assert stored  # the signal is held until the write is done: the whole check-in lands, and says so


def test_interrupted_event_add_says_it_was_stored(home):
    _with_log(home)
    r = run_signalled(home, "after-commit", "event", "add", "--kind", "laser", "--date", "2026-11-25",
                      "--area", "nose")
    assert r.returncode == 130
    assert r.stderr.splitlines()[-1] == ("Interrupted; the laser of 2026-11-25 had already been stored, "
                                         "nothing else was changed.")


def _clients(tmp_path: Path, n: int) -> Path:
    clients = tmp_path / "clients"
    clients.mkdir()
    for i in range(n):
        (clients / f"client-{i}.toml").write_text(BASE_PROFILE.replace('name = "ana"', f'name = "client {i}"'))
    return clients


def test_batch_killed_mid_run_leaves_temps_that_the_next_run_removes(home, tmp_path):
    clients, out = _clients(tmp_path, 6), tmp_path / "out"
    r = run_signalled(home, "replace:3", "batch", str(clients), "--format", "html", "-o", str(out), sig="KILL")
    assert r.returncode == -signal.SIGKILL
    left = [p.name for p in out.iterdir() if p.name.startswith(".")]
    assert left, "the kill left the temporary file of the third handout (health data) behind"
    r = subprocess.run([sys.executable, "-m", "milia_cli", "--home", str(home), "batch", str(clients),
                        "--format", "html", "-o", str(out)], env=child_env(), capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 0, r.stderr
    assert f"milia: Removed {len(left)} temporary file{'s' if len(left) > 1 else ''} left in {out}" in r.stderr
    assert sorted(p.name for p in out.iterdir()) == [f"client-{i}.html" for i in range(6)]


@pytest.mark.parametrize("sig", ["INT", "TERM"])
def test_batch_interrupted_mid_run_leaves_no_temp(home, tmp_path, sig):
    clients, out = _clients(tmp_path, 6), tmp_path / "out"
    r = run_signalled(home, "replace:2", "batch", str(clients), "--format", "md", "-o", str(out), sig=sig)
    assert r.returncode == 130, r.stderr
    assert "Traceback" not in r.stderr
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []
    written = sorted(p.name for p in out.iterdir())
    assert 2 <= len(written) <= 6  # the writes in flight finished whole; the message counts them
    assert r.stderr.splitlines()[-1] == (f"Interrupted; {len(written)} files in {out} had already been stored, "
                                         "nothing else was changed.")


def test_export_interrupted_after_the_write_says_it_was_written(home, tmp_path):
    _profile(home)
    out = tmp_path / "plan.html"
    r = run_signalled(home, "replace:1", "export", "html", "-o", str(out))
    assert r.returncode == 130, r.stderr
    assert out.exists()
    assert r.stderr.splitlines()[-1] == f"Interrupted; {out} had already been stored, nothing else was changed."


@pytest.mark.parametrize("argv", [["plan", "--weeks", "60"], ["export", "csv", "--weeks", "60"], ["event", "--help"],
                                  ["today"]])
def test_a_reader_that_leaves_early_is_not_an_internal_error(home, argv):
    """`milia plan | head`: the pipe closes before milia is done writing (more than a pipe's
    buffer, so the write must fail whatever the scheduling)."""
    _profile(home)
    proc = subprocess.Popen([sys.executable, "-m", "milia_cli", "--home", str(home), *argv], env=child_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # before milia has written (start-up alone outlasts this), or mid-way at worst
    err = proc.stderr.read().decode()
    proc.stderr.close()
    proc.wait(timeout=60)
    assert "internal error" not in err and "Traceback" not in err and "Exception ignored" not in err, err
    assert proc.returncode in (0, 1, 141), (proc.returncode, err)  # a quiet stop (0: all written before the close)
