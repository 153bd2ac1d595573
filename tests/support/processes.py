"""Real milia processes: the venv's script, a child environment with the injected clock, runners."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

NOW = "2026-11-30"


TODAY = date(2026, 11, 30)


BIN = Path(sys.executable).with_name("milia")


DAYS = [f"2026-11-{d}" for d in range(23, 31)]  # the plan starts 2026-11-23 in BASE_PROFILE


def child_env(**extra: str) -> dict[str, str]:
    """This environment without MILIA_* and without PYTHONUNBUFFERED: a user's milia buffers its
    standard output, so a reader that leaves early is met at the flush at exit, and a test run
    from a shell that sets PYTHONUNBUFFERED must not hide that."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MILIA_") and k != "PYTHONUNBUFFERED"}
    env.update(MILIA_NOW=NOW, NO_COLOR="1", **extra)
    return env


def run_milia(home: Path, *args: str, **popen: object) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN), "--home", str(home), *args], env=child_env(), capture_output=True,
                          text=True, timeout=60, **popen)  # type: ignore[arg-type]


def start_all(home: Path, argvs: list[list[str]]) -> list[subprocess.CompletedProcess]:
    """Start every command before waiting for any, so they really overlap."""
    procs = [subprocess.Popen([str(BIN), "--home", str(home), *argv], env=child_env(),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for argv in argvs]
    results = []
    for argv, proc in zip(argvs, procs, strict=False):
        out, err = proc.communicate(timeout=60)
        results.append(subprocess.CompletedProcess(argv, proc.returncode, out, err))
    return results
