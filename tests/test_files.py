"""Atomic, private writes: a crash leaves the old or the new file, never a torn one."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap

import pytest

from milia_cli import fsutil
from milia_cli.errors import MiliaError
from milia_cli.profile import load_profile, parse_profile, save_profile
from tests.conftest import BASE_PROFILE

pytestmark = pytest.mark.slow  # real processes, servers, a browser or whole courses: not in the quick loop


def test_atomic_write_creates_0600_even_with_a_lax_umask(tmp_path):
    old = os.umask(0)
    try:
        target = tmp_path / "d" / "f.toml"
        fsutil.atomic_write_text(target, "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700


def test_crash_between_temp_write_and_rename_keeps_old_file(tmp_path, monkeypatch):
    target = tmp_path / "p.toml"
    target.write_text("old")

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fsutil.os, "replace", boom)
    with pytest.raises(MiliaError, match=r"Could not write .*p.toml: no space left on device\. Nothing was changed\."):
        fsutil.atomic_write_text(target, "new")
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.toml"]  # no temp file left behind


def test_unwritable_location_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(MiliaError, match=r"Could not create the directory .*: not a directory\."):
        fsutil.atomic_write_text(blocker / "sub" / "x", "y")


def test_widened_mode_warning(tmp_path):
    f = tmp_path / "f"
    f.write_text("x")
    f.chmod(0o644)
    assert "chmod 600" in fsutil.widened_mode_warning(f, 0o600)
    f.chmod(0o600)
    assert fsutil.widened_mode_warning(f, 0o600) is None


def test_cli_warns_when_a_home_profile_was_widened(milia):
    path = milia.write_profile()
    path.chmod(0o644)
    r = milia("profile", "show")
    assert r.exit_code == 0 and "readable by other users" in r.stderr


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from milia_cli.profile import parse_profile, save_profile
    path = Path(sys.argv[1])
    base = parse_profile(path.read_bytes(), "x")
    i = 0
    while True:
        i += 1
        save_profile(base._replace(name=f"writer-{i}" + "x" * (i % 70)), path)
        print(i, flush=True)
    """
)


def test_killing_a_writer_at_random_moments_never_tears_the_file(tmp_path):
    """Real child processes, killed mid-write in a loop: the file always parses."""
    path = tmp_path / "p.toml"
    path.write_text(BASE_PROFILE)
    names = set()
    for round_ in range(12):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE)
        # let it finish a varying number of writes, then kill it, mid-way through the next one
        for _ in range(round_ + 1):
            assert proc.stdout.readline().strip()
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        profile = load_profile(path)  # raises if torn
        names.add(profile.name)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    leftovers = [p for p in tmp_path.iterdir() if p.name != "p.toml"]
    # a kill between mkstemp and rename may leave a hidden temp file; never a torn target
    assert all(p.name.startswith(".p.toml.") for p in leftovers)
    assert len(names) >= 2  # the writer really did replace the file during the test


def test_save_then_load_round_trip(tmp_path):
    p = parse_profile(BASE_PROFILE.encode(), "x")
    save_profile(p, tmp_path / "y.toml")
    assert load_profile(tmp_path / "y.toml") == p
