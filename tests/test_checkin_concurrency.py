"""Many real `milia checkin` processes at once lose nothing (same day and different days).

Each child is the installed console script; the clock is pinned with MILIA_NOW.
The database does not exist when they start, so creating and migrating it races too.
"""

from __future__ import annotations

import os
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

from conftest import BASE_PROFILE
from milia_cli.store import open_store

MILIA = Path(__file__).resolve().parent.parent / ".venv" / "bin" / "milia"
START = date(2026, 11, 23)
N = 24
pytestmark = [pytest.mark.slow, pytest.mark.skipif(not MILIA.exists(), reason="needs the venv's milia script")]


def write_profile(home: Path) -> None:
    (home / "profiles").mkdir(mode=0o700)
    path = home / "profiles" / "default.toml"
    path.write_text(BASE_PROFILE)
    path.chmod(0o600)


def run_all(home: Path, argvs: list[list[str]], now: str) -> list[subprocess.CompletedProcess]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MILIA_")}
    env["MILIA_NOW"] = now
    procs = [
        subprocess.Popen([str(MILIA), "--home", str(home), *argv], env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for argv in argvs
    ]
    results = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        results.append(subprocess.CompletedProcess(p.args, p.returncode, out, err))
    return results


def test_checkins_on_different_days_all_land(home: Path) -> None:
    write_profile(home)
    days = [START + timedelta(days=i) for i in range(N)]
    results = run_all(home, [["checkin", "--date", d.isoformat(), "--all", "--bumps", str(i)]
                             for i, d in enumerate(days)], now="2026-12-31")
    assert [r.returncode for r in results] == [0] * N, [r.stderr for r in results if r.returncode]
    with open_store(home / "milia.db") as store:
        log = store.read_log("default")
        assert store.integrity_check() == []
    assert [c.date for c in log.checkins] == days
    assert [c.bumps for c in log.checkins] == list(range(N))


def test_checkins_of_the_same_day_merge_and_lose_nothing(home: Path) -> None:
    write_profile(home)
    steps = ["am:cleanse", "am:eye-cream", "am:moisturize", "am:sunscreen", "am:makeup",
             "pm:remove-makeup", "pm:cleanse", "pm:retinol", "pm:eye-cream", "pm:moisturize"]
    argvs = [["checkin", "--date", START.isoformat(), "--done", steps[i % len(steps)]] for i in range(N)]
    results = run_all(home, argvs, now="2026-11-23T20:00:00+00:00")
    assert [r.returncode for r in results] == [0] * N, [r.stderr for r in results if r.returncode]
    with open_store(home / "milia.db") as store:
        log = store.read_log("default")
    assert len(log.checkins) == 1
    assert log.checkins[0].done == frozenset(steps)
