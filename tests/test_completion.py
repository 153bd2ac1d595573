"""Tab completion: a tab press runs milia, so it must answer right and import little.

Each case runs a fresh interpreter (as a shell does), because in-process every command
module is already loaded and the lazy path would never run. The bash protocol of
Typer 0.27 is ``_MILIA_COMPLETE=complete_bash COMP_WORDS=... COMP_CWORD=...``;
zsh and fish send the words in ``_TYPER_COMPLETE_ARGS``.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from milia_cli.cli.app import COMMAND_MODULES
from tests.support.imports import complete, loaded_command_modules


# Each case is a fresh interpreter (~0.1 s); the quick loop keeps one of each kind (a prefix, one
# after a global option, a subcommand, none), the full run all of them.
@pytest.mark.parametrize(("words", "expected"), [
    ("milia pl", ["plan"]),
    pytest.param("milia e", ["event", "export"], marks=pytest.mark.slow),
    pytest.param("milia t", ["today", "triage"], marks=pytest.mark.slow),
    ("milia --home /tmp ch", ["check", "checkin"]),  # check: issue 15
    pytest.param("milia -p ana st", ["stats"], marks=pytest.mark.slow),
    ("milia event ", ["add", "list", "remove"]),
    pytest.param("milia log e", ["export"], marks=pytest.mark.slow),
    ("milia zz", []),
])
def test_bash_completes_command_words(words, expected):
    assert sorted(complete(words)[0]) == expected


def test_an_empty_command_word_offers_every_command():
    got, _ = complete("milia ")
    assert sorted(got) == sorted(COMMAND_MODULES)


def test_options_of_a_command_complete():
    got, _ = complete("milia today --")
    assert {"--date", "--json", "--help"} <= set(got)
    got, _ = complete("milia checkin --ir")
    assert got == ["--irritation"]


def test_zsh_and_fish_get_the_command_with_its_help():
    got, _ = complete("milia pl", shell="zsh")
    assert len(got) == 1 and '"plan":"The regimen' in got[0]
    got, _ = complete("milia to", shell="fish")
    assert len(got) == 1 and got[0].startswith("today\tToday's morning")


def test_a_tab_press_on_the_command_word_imports_only_the_matching_modules():
    _, modules = complete("milia pl", importtime=True)
    assert "milia_cli.cli.app" in modules  # the measurement saw our imports
    assert loaded_command_modules(modules) == ["plan_cmds"]
    _, modules = complete("milia e", importtime=True)
    assert loaded_command_modules(modules) == ["export_cmds", "log_cmds"]
    _, modules = complete("milia zz", importtime=True)
    assert loaded_command_modules(modules) == []


# Two fresh interpreters a case (~0.2 s); "milia " offers every command, so the quick loop keeps
# it and "milia p", the full run every prefix.
@pytest.mark.parametrize("words", ["milia ", "milia p", *(pytest.param(w, marks=pytest.mark.slow)
                                                         for w in ("milia c", "milia d", "milia l", "milia b", "milia i"))])
def test_lazy_completion_answers_exactly_what_loading_everything_answers(words):
    assert complete(words)[0] == complete(words, eager=True)[0]


def test_a_tab_press_after_a_command_loads_that_commands_module_only():
    _, modules = complete("milia today --", importtime=True)
    assert loaded_command_modules(modules) == ["plan_cmds"]


def test_help_lists_every_command_in_a_fixed_order(milia):
    out = milia("--help").stdout
    listed = [m.group(1) for m in re.finditer(r"^│ ([a-z]+) ", out, re.M)]  # command rows, not wrapped help
    positions = [listed.index(name) for name in COMMAND_MODULES]
    assert positions == sorted(positions)


@pytest.mark.slow
def test_a_command_runs_when_its_module_is_loaded_late(tmp_path):
    """Without the up-front import (as for a tab press), MiliaGroup builds the command itself."""
    script = ("import sys; from milia_cli.cli.app import app; "
              "app(args=['--home', sys.argv[1], 'why', 'B3'], prog_name='milia')")
    proc = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin"})
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "B3" in proc.stdout
