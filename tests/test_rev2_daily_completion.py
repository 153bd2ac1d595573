"""Issue 13 item 4: completion for values — step names, rule ids, profile names, areas, choices,
zones and profile keys. Through the shell protocol as tests/test_completion.py does (a fresh
interpreter per tab press), and the callbacks the lead hooks into files of other helpers
(`why`, `-p`, `event add`) called directly."""

from __future__ import annotations

import pytest

from milia_cli import completion_values as cv
from tests.support.imports import complete, loaded_command_modules

# Each case is a fresh interpreter (~0.1 s); the quick loop keeps one of each kind of value (a
# step, a slot:step, a choice of init, a profile key, a list), the full run all of them.
SLOW = pytest.mark.slow


@pytest.mark.parametrize("words, expected", [
    ("milia checkin --done re", ["remove-makeup", "retinol"]),
    ("milia checkin --skip pm:r", ["pm:remove-makeup", "pm:retinol"]),
    pytest.param("milia checkin --done eye", ["eye-cream"], marks=SLOW),
    ("milia init --area ch", ["cheeks", "chin", "chest"]),
    pytest.param("milia init --skin-type s", ["sensitive"], marks=SLOW),
    pytest.param("milia init --pregnancy b", ["breastfeeding"], marks=SLOW),
    ("milia profile set skin.t", ["skin.type", "skin.tone_prone_to_dark_spots"]),
    pytest.param("milia profile set pregnancy t", ["trying"], marks=SLOW),
    pytest.param("milia profile set habits.makeup ", ["true", "false"], marks=SLOW),
    ("milia profile set milia.areas cheeks,n", ["cheeks,nose"]),
    pytest.param("milia batch clients --format ", ["html", "md", "ics", "json", "report"], marks=SLOW),
])
def test_values_complete(words, expected):
    assert complete(words)[0] == expected


def test_zones_complete_by_area_then_by_place():
    got, _ = complete("milia init --timezone ")
    assert "Europe/" in got and "America/" in got and "UTC" in got and len(got) < 20
    got, _ = complete("milia init --timezone Europe/Be")
    assert got == ["Europe/Belfast", "Europe/Belgrade", "Europe/Berlin"]
    got, _ = complete("milia profile set schedule.timezone America/New")
    assert got == ["America/New_York"]


def test_profile_names_complete_from_the_home(tmp_path):
    (tmp_path / "profiles").mkdir()
    for name in ("ana", "bea", "anton"):
        (tmp_path / "profiles" / f"{name}.toml").write_text("schema = 1\n")
    got, _ = complete(f"milia --home {tmp_path} profile delete an")
    assert got == ["ana", "anton"]
    got, _ = complete("milia profile delete ", home=str(tmp_path))  # MILIA_HOME
    assert got == ["ana", "anton", "bea"]


def test_a_value_tab_press_loads_only_its_command_module():
    _, modules = complete("milia checkin --done re", importtime=True)
    assert loaded_command_modules(modules) == ["log_cmds"]
    assert not any(m.startswith(("rich", "milia_cli.planner", "milia_cli.store")) for m in modules)


# the callbacks for commands in files this helper does not own (hooks the lead adds)
def test_why_completes_steps_and_rule_ids():
    assert cv.complete_step_or_rule("re") == ["remove-makeup", "retinol"]
    got = cv.complete_step_or_rule("B1")
    assert got[0] == "B1" and "B10" in got and all(r.startswith("B1") for r in got)
    assert "N4" in cv.complete_step_or_rule("N")


def test_profile_option_completes_names(tmp_path, monkeypatch):
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "ana.toml").write_text("schema = 1\n")
    monkeypatch.setenv("MILIA_HOME", str(tmp_path))
    assert cv.complete_profile_name(None, "a") == ["ana"]
    assert cv.complete_profile_name(None, "z") == []


def test_event_values_complete():
    assert cv.complete_area("") == list(cv.complete_area(""))  # every area
    assert cv.complete_event_kind("e") == ["extraction", "electrodesiccation"]
