"""Issue 13: a copy of a profile in the profiles folder (`Ana copy.toml`, `ana.toml.bak`) holds
the same health data; `milia doctor` flags it when other users can read it, with the one-line
fix (quoted for the shell), and `--json` carries the finding."""

from __future__ import annotations

import json
import shlex
import stat

import pytest

from tests.conftest import BASE_PROFILE


@pytest.fixture
def m(milia):
    milia.write_profile(name="ana")
    return milia


@pytest.mark.parametrize("copy", ["Ana copy.toml", "ana.toml.bak", "ana (1).toml", "ana.toml~"])
def test_a_readable_copy_of_a_profile_is_flagged_with_its_chmod(m, home, copy):
    path = home / "profiles" / copy
    path.write_text(BASE_PROFILE, encoding="utf-8")
    path.chmod(0o644)
    res = m("doctor")
    assert res.exit_code == 1, res.output
    line = next(line for line in res.stdout.splitlines() if copy in line and "mode 644" in line)
    assert line.startswith("warning: ") and "health data" in line
    assert f"chmod 600 {shlex.quote(str(path))}" in line
    doc = json.loads(m("doctor", "--json").stdout)
    found = [f for f in doc["findings"] if f["path"] == str(path) and f["check"] == "permissions"]
    assert len(found) == 1 and found[0]["severity"] == "warning" and found[0]["fixable"]
    assert not doc["ok"]


def test_fix_narrows_the_copy_and_leaves_its_content(m, home):
    path = home / "profiles" / "Ana copy.toml"
    path.write_text(BASE_PROFILE, encoding="utf-8")
    path.chmod(0o644)
    res = m("doctor", "--fix")
    assert res.exit_code == 0, res.output
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and path.read_text(encoding="utf-8") == BASE_PROFILE


def test_a_private_copy_is_only_the_unused_name_note(m, home):
    path = home / "profiles" / "Ana copy.toml"
    path.write_text(BASE_PROFILE, encoding="utf-8")
    path.chmod(0o600)
    res = m("doctor")
    assert res.exit_code == 0, res.output
    assert "mode" not in res.stdout and "not a valid profile name" in res.stdout


def test_the_fix_of_a_path_with_a_space_can_be_pasted(m, home):
    """`chmod 600 /…/Ana copy.toml` would chmod two files that do not exist."""
    path = home / "profiles" / "ana.toml"
    path.chmod(0o644)
    spaced = home / "profiles" / "Bea Roe.toml"
    spaced.write_text(BASE_PROFILE, encoding="utf-8")
    spaced.chmod(0o640)
    out = m("doctor").stdout
    assert f"`chmod 600 {path}`" in out  # a plain path stays plain
    assert f"`chmod 600 '{spaced}'`" in out


# -- wording: counts said with their noun ------------------------------------------------------
def test_all_good_says_1_profile(m):
    res = m("doctor")
    assert res.exit_code == 0 and ": 1 profile, log database" in res.stdout, res.output


def test_the_summary_says_1_problem(m, home):
    (home / "profiles" / "ana.toml").chmod(0o644)
    res = m("doctor")
    assert res.exit_code == 1 and res.stderr.startswith("1 problem left in "), res.output


def test_an_orphaned_log_says_1_check_in_and_1_event(m, home):
    assert m("-p", "ana", "checkin", "--all").exit_code == 0
    added = m("-p", "ana", "event", "add", "--kind", "extraction", "--date", "2026-11-20", "--area", "cheeks")
    assert added.exit_code == 0
    (home / "profiles" / "ana.toml").unlink()
    assert "(1 check-in, 1 event)" in m("doctor").stdout


def test_no_doctor_message_says_s_in_brackets():
    from milia_cli.messages import doctor as msg

    assert not [v for v in vars(msg).values() if isinstance(v, str) and "(s)" in v]
