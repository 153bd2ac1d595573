"""Issue 12 item 8: `profile delete` and `init --force` take the lock `profile set` holds.

Real processes. A child's ``os.fsync`` of the profile's temp file waits on a FIFO the test
controls (a slow disk), and a child that finds the profiles folder locked says so on another
FIFO before it waits: the test never sleeps and never guesses a timing.
"""

from __future__ import annotations

import os
import select
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from milia_cli.profile import load_profile
from tests.conftest import BASE_PROFILE
from tests.support.processes import child_env

pytestmark = pytest.mark.slow  # real processes, servers, a browser or whole courses: not in the quick loop

# fsync of a profile temp file blocks until the test closes MILIA_TEST_FSYNC_GATE (the
# unlink of a profile file, MILIA_TEST_UNLINK_GATE);
# flock that would block first writes a line to MILIA_TEST_LOCK_NOTE.
HOOK = r"""
import fcntl, os, sys
gate, note = os.environ.get("MILIA_TEST_FSYNC_GATE"), os.environ.get("MILIA_TEST_LOCK_NOTE")
def target(fd):
    try:
        return os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return ""
if gate:
    real_fsync = os.fsync
    def fsync(fd):
        if target(fd).endswith(".tmp") and ".toml." in target(fd):  # the profile's temp, not the database's
            with open(gate) as fh:
                fh.read()
        return real_fsync(fd)
    os.fsync = fsync
if os.environ.get("MILIA_TEST_UNLINK_GATE"):
    real_unlink = os.unlink
    def unlink(path, *args, **kwargs):
        if str(path).endswith(".toml"):
            with open(os.environ["MILIA_TEST_UNLINK_GATE"]) as fh:
                fh.read()
        return real_unlink(path, *args, **kwargs)
    os.unlink = unlink
if note:
    real_flock = fcntl.flock
    def flock(fd, op):
        if op & fcntl.LOCK_EX and not op & fcntl.LOCK_NB:
            try:
                return real_flock(fd, op | fcntl.LOCK_NB)
            except BlockingIOError:
                with open(note, "w") as fh:
                    fh.write("waiting\n")
        return real_flock(fd, op)
    fcntl.flock = flock
sys.argv = ["milia"] + sys.argv[1:]
from milia_cli.cli import main
main()
"""


def spawn(home: Path, *argv: str, **hooks: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", HOOK, "--home", str(home), *argv],
                            env=child_env(**hooks), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def hold_in_fsync(home: Path, gate: Path, *argv: str, hook: str = "MILIA_TEST_FSYNC_GATE") -> tuple[subprocess.Popen, object]:
    """Start ``argv`` and return once it is inside the fsync of its profile write (or the
    ``hook``'s call), holding whatever lock it holds, with the write end of the gate that
    lets it go on."""
    proc = spawn(home, *argv, **{hook: str(gate)})
    opened: list[object] = []
    opener = threading.Thread(target=lambda: opened.append(open(gate, "w")), daemon=True)  # noqa: SIM115 (held open on purpose)
    opener.start()
    opener.join(60)  # a hang guard only: the open returns as soon as the child reads the gate
    if not opened:
        proc.kill()
        raise AssertionError(f"{argv} never reached its fsync: {proc.communicate()}")
    return proc, opened[0]


def waits_or_ends(proc: subprocess.Popen, note_fd: int) -> str:
    """Block until ``proc`` either reports that it waits for the lock, or ends."""
    ready, _, _ = select.select([note_fd, proc.stdout], [], [], 60)
    assert ready, "the second command neither waited for the lock nor ended"
    return "waiting" if note_fd in ready else "ended"


def fifos(tmp_path: Path) -> tuple[Path, Path, int]:
    gate, note = tmp_path / "gate", tmp_path / "note"
    os.mkfifo(gate)
    os.mkfifo(note)
    return gate, note, os.open(note, os.O_RDONLY | os.O_NONBLOCK)


def finish(proc: subprocess.Popen) -> tuple[int, str]:
    out, err = proc.communicate(timeout=60)
    return proc.returncode, err


def test_delete_during_a_slow_set_waits_and_the_profile_stays_deleted(milia, home, tmp_path):
    path = milia.write_profile(name="ana")
    gate, note, note_fd = fifos(tmp_path)
    setter, release = hold_in_fsync(home, gate, "-p", "ana", "profile", "set", "skin.type", "dry")
    deleter = spawn(home, "profile", "delete", "ana", "--yes", MILIA_TEST_LOCK_NOTE=str(note))
    how = waits_or_ends(deleter, note_fd)
    release.close()
    (set_rc, set_err), (del_rc, del_err) = finish(setter), finish(deleter)
    assert set_rc == 0, set_err
    assert del_rc == 0, del_err
    assert not path.exists(), "the deleted profile came back"
    assert how == "waiting", "delete did not wait for the lock `profile set` holds"


def test_set_waits_for_init_force_and_for_delete_and_then_fails_in_one_sentence(milia, home, tmp_path):
    path = milia.write_profile(name="ana")
    gate, note, note_fd = fifos(tmp_path)
    # `init --force` writes (and fsyncs) under the same lock as delete: hold it there
    initer, release = hold_in_fsync(home, gate, "-p", "ana", "init", "--force", "--skin-type", "oily",
                                    "--pregnancy", "none", "--timezone", "Europe/Berlin")
    setter = spawn(home, "-p", "ana", "profile", "set", "skin.type", "dry", MILIA_TEST_LOCK_NOTE=str(note))
    how = waits_or_ends(setter, note_fd)
    release.close()
    (init_rc, init_err), _ = finish(initer), None
    assert init_rc == 0, init_err
    set_rc, set_err = finish(setter)
    assert how == "waiting", "set did not wait for the lock `init --force` holds"
    assert set_rc == 0, set_err
    assert load_profile(path).skin.type == "dry", "set applies on top of the new profile, not the old one"
    # a delete that holds the lock, then a set that waits for it: the set fails in one
    # sentence and does not bring the file back
    gate2, note2 = tmp_path / "gate2", tmp_path / "note2"
    os.mkfifo(gate2)
    os.mkfifo(note2)
    note2_fd = os.open(note2, os.O_RDONLY | os.O_NONBLOCK)
    deleter, release = hold_in_fsync(home, gate2, "profile", "delete", "ana", hook="MILIA_TEST_UNLINK_GATE")
    setter = spawn(home, "-p", "ana", "profile", "set", "skin.type", "normal", MILIA_TEST_LOCK_NOTE=str(note2))
    how = waits_or_ends(setter, note2_fd)
    release.close()
    (del_rc, del_err), (set_rc, set_err) = finish(deleter), finish(setter)
    assert del_rc == 0, del_err
    assert not path.exists(), "the deleted profile came back"
    assert how == "waiting", "set did not wait for the lock `profile delete` holds"
    assert set_rc == 1 and len(set_err.strip().splitlines()) == 1 and "Traceback" not in set_err, set_err
    # the set that waited reads the file under the lock: it is gone, and it says so (never writes it back)
    assert "was deleted while this command waited" in set_err or "does not exist" in set_err, set_err


def test_init_force_during_a_slow_set_waits_and_its_profile_wins(milia, home, tmp_path):
    path = milia.write_profile(BASE_PROFILE, name="ana")
    gate, note, note_fd = fifos(tmp_path)
    setter, release = hold_in_fsync(home, gate, "-p", "ana", "profile", "set", "habits.smoker", "true")
    initer = spawn(home, "-p", "ana", "init", "--force", "--skin-type", "oily", "--pregnancy", "none",
                   "--timezone", "Europe/Berlin", MILIA_TEST_LOCK_NOTE=str(note))
    how = waits_or_ends(initer, note_fd)
    release.close()
    (set_rc, set_err), (init_rc, init_err) = finish(setter), finish(initer)
    assert set_rc == 0 and init_rc == 0, (set_err, init_err)
    profile = load_profile(path)
    assert profile.skin.type == "oily" and not profile.habits.smoker, "the slow set overwrote init --force"
    assert how == "waiting", "init --force did not wait for the lock `profile set` holds"


def test_concurrent_first_uses_give_one_id_and_one_heir(home, tmp_path):
    """Eight processes use two fresh client files named "ana" at once, with a log kept under
    "ana" before ids: each file gets exactly one id line, and exactly one file takes the log."""
    from datetime import date

    from milia_cli.logmodel import CheckIn
    from milia_cli.store import open_store
    from tests.support.processes import start_all

    with open_store(home / "milia.db") as store:
        store.save_checkin("ana", CheckIn(date=date(2026, 11, 23), irritation=3, note="old"))
    files = [tmp_path / "a" / "ana.toml", tmp_path / "b" / "ana.toml"]
    for f in files:
        f.parent.mkdir()
        f.write_text(BASE_PROFILE)
    results = start_all(home, [["-f", str(files[i % 2]), "log", "export"] for i in range(8)])
    assert all(r.returncode == 0 for r in results), [r.stderr for r in results]
    ids = [load_profile(f).id for f in files]
    assert all(f.read_text().count("\nid = ") == 1 for f in files) and None not in ids
    assert sum("takes over" in r.stderr for r in results) == 1
    import json

    docs = [json.loads(r.stdout) for r in results]
    assert sorted({d["profile"] for d in docs}) == sorted(ids), "every run of one file saw its one id"
    heirs = {d["profile"] for d in docs if d["checkins"]}
    assert len(heirs) == 1
    with open_store(home / "milia.db") as store:
        assert "ana" not in store.profile_keys()
