"""Start-up cost: plain `milia --version` must not import the heavy modules."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("rich", "icalendar", "sqlite3", "_sqlite3", "pydantic", "milia_cli.exporters", "milia_cli.render")


def imported_modules(*args: str) -> set[str]:
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "milia_cli", *args],
        capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "MILIA_HOME": "/nonexistent-milia-home"},
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    names = set()
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip())
    assert "milia_cli.cli" in names  # the measurement really saw our imports
    return names


@pytest.mark.parametrize("args", [["--version"], ["profile", "path"]])
def test_light_commands_import_no_heavy_module(args):
    names = imported_modules(*args)
    heavy = sorted(n for n in names if n.split(".")[0] in HEAVY or n.startswith(HEAVY))
    assert heavy == [], f"`milia {' '.join(args)}` imported {heavy}"
