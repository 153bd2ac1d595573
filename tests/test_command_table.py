"""The command table (issue 14, item 5): one row per command, loaded lazily with Typer's public API."""

from __future__ import annotations

import subprocess
import sys

import pytest

from milia_cli.cli.app import COMMANDS, module_command
from tests.support.imports import imported_modules


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_row_builds_its_command_and_its_summary_is_the_commands_help(name):
    command = module_command(name)
    assert command is not None, f"{name}: its module defines no such command"
    first_paragraph = " ".join((command.help or "").split("\n\n")[0].split())
    assert COMMANDS[name][1] == first_paragraph


def test_every_command_module_is_named_by_the_table():
    from pathlib import Path

    import milia_cli.cli as cli_package

    modules = {p.stem for p in Path(cli_package.__file__).parent.glob("*.py")
               if p.name != "app.py" and "cli = command_app()" in p.read_text(encoding="utf-8")}
    assert modules == {module for module, _summary in COMMANDS.values()}


@pytest.mark.parametrize(("argv", "module"), [
    (["today", "--help"], "plan_cmds"), (["checkin", "--help"], "log_cmds"), (["resume", "--help"], "resume_cmd"),
    (["doctor"], "doctor_cmd"), (["-p", "ana", "export", "ics", "--help"], "export_cmds"),
])
def test_a_run_imports_only_the_module_of_its_command(argv, module):
    loaded = {m.rsplit(".", 1)[1] for m in imported_modules(*argv)
              if m.startswith("milia_cli.cli.") and m.rsplit(".", 1)[1] in {mod for mod, _ in COMMANDS.values()}}
    assert loaded == {module}


def test_no_private_typer_api_is_used():
    from pathlib import Path

    import milia_cli

    for path in Path(milia_cli.__file__).parent.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for private in ("typer._", "from typer.main import get_command_from_info", "get_group_from_info"):
            assert private not in text, f"{path.name} uses {private}"


@pytest.mark.slow
def test_an_unknown_command_is_one_sentence_with_exit_2():
    proc = subprocess.run([sys.executable, "-m", "milia_cli", "--home", "/nonexistent", "tody"],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.startswith("milia: no such command 'tody'") and proc.stderr.count("\n") == 1
