"""What a fresh interpreter imports: start-up and tab-completion probes."""

from __future__ import annotations

import subprocess
import sys

from milia_cli.cli.app import COMMAND_MODULES

HEAVY = ("rich", "icalendar", "sqlite3", "_sqlite3", "pydantic", "milia_cli.exporters", "milia_cli.render",
         "babel")  # babel: only to write a date or number in a language other than English (issue 17)


def imported_modules(*args: str, home: str = "/nonexistent-milia-home") -> set[str]:
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "milia_cli", *args],
        capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "MILIA_HOME": home, "MILIA_NOW": "2026-11-25"},
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    names = set()
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip())
    assert "milia_cli.cli" in names  # the measurement really saw our imports
    return names


ALL_MODULES = sorted(set(COMMAND_MODULES.values()))


EAGER = "from milia_cli.cli import load_commands, main; load_commands(); main()"


def complete(words: str, *, shell: str = "bash", eager: bool = False, importtime: bool = False,
             home: str = "/nonexistent-milia-home") -> tuple[list[str], set[str]]:
    """(the candidates printed, the milia modules imported) for a tab press after ``words``."""
    env = {"PATH": "/usr/bin:/bin", "MILIA_HOME": home, "_MILIA_COMPLETE": f"complete_{shell}"}
    if shell == "bash":
        typed = words.split()
        env.update(COMP_WORDS=words, COMP_CWORD=str(len(typed) if words.endswith(" ") else len(typed) - 1))
    else:
        env.update(_TYPER_COMPLETE_ARGS=words)
        if shell == "fish":
            env["_TYPER_COMPLETE_FISH_ACTION"] = "get-args"
    cmd = [sys.executable, *(["-X", "importtime"] if importtime else []),
           *(["-c", EAGER] if eager else ["-m", "milia_cli"])]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr[-2000:]
    modules = {line.rsplit("|", 1)[1].strip() for line in proc.stderr.splitlines()
               if line.startswith("import time:") and "|" in line}
    return [line for line in proc.stdout.splitlines() if line], modules


def loaded_command_modules(modules: set[str]) -> list[str]:
    return sorted(m.rsplit(".", 1)[1] for m in modules if m.startswith("milia_cli.cli.") and
                  m.rsplit(".", 1)[1] in ALL_MODULES)
