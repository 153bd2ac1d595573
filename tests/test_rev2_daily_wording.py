"""Issue 13 items 4 (wording, in this helper's files) and 6 (exit codes, the part for
`checkin`, `resume`, `profile set` and `init`): counts said with their noun ("1 check-in"),
no "(s)", the exit-code table of the README equal to errors.ExitCode, and the same code for
the same mistake."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest

from milia_cli.errors import ExitCode
from milia_cli.messages import log as log_msg
from milia_cli.messages import profile as profile_msg
from milia_cli.messages.common import Counted, plural
from tests.conftest import REPO, TODAY, fake_env


@pytest.fixture
def m(milia):
    milia.write_profile()
    return milia


# -- counts ----------------------------------------------------------------------------------
@pytest.mark.parametrize("n, text", [(0, "0 check-ins"), (1, "1 check-in"), (2, "2 check-ins")])
def test_plural(n, text):
    assert plural(n, "check-in") == text


def test_counted_templates_say_the_noun_and_keep_other_fields():
    t = Counted("{n:event} and {e:entry|entries} of {name!r} at {width:>3}")
    assert t.format(n=1, e=2, name="ana", width=7) == "1 event and 2 entries of 'ana' at   7"
    assert t.format(n=0, e=1, name="b", width=10) == "0 events and 1 entry of 'b' at  10"


@pytest.mark.parametrize("module", [log_msg, profile_msg])
def test_no_message_of_these_modules_says_s_in_brackets(module):
    texts = [v for v in vars(module).values() if isinstance(v, str)]
    assert texts and not [t for t in texts if "(s)" in t]


def test_export_says_1_check_in_and_1_event(m, tmp_path):
    assert m("checkin", "--all").exit_code == 0
    assert m("event", "add", "--kind", "extraction", "--date", "2026-11-23", "--area", "cheeks").exit_code == 0
    res = m("log", "export", "-o", str(tmp_path / "log.json"))
    assert res.exit_code == 0, res.output
    assert "Exported 1 check-in and 1 event of 'default'" in res.stdout


def test_import_says_1_day_added(m, tmp_path):
    m("checkin", "--all")
    m("log", "export", "-o", str(tmp_path / "log.json"))
    res = m("log", "import", str(tmp_path / "log.json"))
    assert "0 days added, 1 day replaced, 0 events added, 0 profile changes added" in res.stdout


def test_profile_delete_says_1_check_in(m):
    m("checkin", "--all")
    res = m("profile", "delete", "default")
    assert res.exit_code == 1 and "(1 check-in, 0 events)" in res.stderr
    res = m("profile", "delete", "default", "--yes")
    assert "Deleted the log of 'default': 1 check-in and 0 events." in res.stderr


# -- exit codes ------------------------------------------------------------------------------
def readme_exit_codes() -> dict[int, str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Exit codes\n", 1)[1].split("\n## ", 1)[0]
    return {int(m.group(1)): m.group(2) for m in re.finditer(r"^\| (\d+) \| ([^|]+)\|", section, re.M)}


def test_the_readme_table_lists_exactly_the_exit_codes_milia_uses():
    assert set(readme_exit_codes()) == {int(c) for c in ExitCode}


def test_the_special_codes_are_the_ones_the_commands_raise():
    """Every status a command ends with by name is an ExitCode member: no module keeps its own
    number beside the enum (as STOPPED_EXIT = 3 and two EXIT_PIPE = 141 did)."""
    import ast

    package = REPO / "milia_cli"
    exits = []
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and ast.unparse(node.func) in ("typer.Exit", "sys.exit") and node.args:
                exits.append((path.name, ast.unparse(node.args[0])))
    named = [(f, a) for f, a in exits if not a.startswith("ExitCode.")]
    assert all(not a.isdigit() for _, a in named), named  # no bare number
    assert ("check_cmd.py", "ExitCode.STOPPED") in exits and ("export_cmds.py", "ExitCode.CLOSED_PIPE") in exits
    assert ("app.py", "ExitCode.CLOSED_PIPE") in exits


@pytest.mark.parametrize("argv", [
    ["checkin", "--date", "2026-11-31", "--all"],
    ["checkin", "--date", "7/12/2026", "--all"],
    ["resume", "--date", "2026-02-30", "--healed"],
    ["profile", "set", "pregnancy", "pregnant", "--since", "2026-13-01"],
    ["checkin", "--irritation", "4"],
    ["checkin", "--done", "retinl"],
])
def test_an_unreadable_command_line_is_exit_2_with_one_sentence(m, argv):
    res = m(*argv, today=date(2026, 11, 25))
    assert res.exit_code == ExitCode.USAGE, res.output
    assert res.stderr.startswith("milia: ") and res.stderr.count("\n") == 1 and "Traceback" not in res.output


@pytest.mark.parametrize("argv", [
    ["checkin", "--date", "2026-12-31", "--all"],  # a real date, in the future
    ["checkin", "--date", "2026-11-01", "--all"],  # before the plan starts
    ["checkin", "--done", "exfoliate"],  # a step, but not in that day's plan
    ["profile", "set", "skin.type", "oilyy"],  # a value the profile does not allow, as in the file
])
def test_a_readable_command_line_the_data_refuses_is_exit_1(m, argv):
    res = m(*argv)
    assert res.exit_code == ExitCode.ERROR, res.output
    assert res.stderr.count("\n") == 1


def test_end_of_input_at_a_prompt_is_130_in_checkin_as_in_init(m, milia, home):
    env = fake_env(TODAY, tty=True)
    env.stdin = io.StringIO("")
    res = m("checkin", env=env)
    assert res.exit_code == ExitCode.INTERRUPTED and "Interrupted; nothing was changed." in res.stderr
    env = fake_env(TODAY, tty=True)
    env.stdin = io.StringIO("")
    res = milia("--profile", "other", "init", env=env)
    assert res.exit_code == ExitCode.INTERRUPTED and "Interrupted; nothing was changed." in res.stderr
