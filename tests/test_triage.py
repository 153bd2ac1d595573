"""Triage: answers map to notices of A1–A8 only, never a diagnosis; flags and the questionnaire."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import BASE_PROFILE, TODAY, fake_env
from milia_cli.triage import COLOURS, QUESTIONS, Answers, age_from_birth_year, assess
from tests.support.examples import examples

A_RULES = {f"A{i}" for i in range(1, 9)}


def rule_ids(answers: Answers, age=None) -> list[str]:
    return [n.id for n in assess(answers, age=age).notices]


@pytest.mark.parametrize("answers,rule_id", [
    (Answers(pigmented=True), "A2"),
    (Answers(size_mm=6.5), "A2"),
    (Answers(changing=True), "A2"),
    (Answers(bleeding=True), "A2"),
    (Answers(itchy=True), "A2"),
    (Answers(colour="multicoloured"), "A2"),
    (Answers(colour="red"), "A3"),
    (Answers(painful=True), "A3"),
    (Answers(pus=True), "A3"),
    (Answers(rough_spreading=True), "A3"),
    (Answers(central_dip=True, colour="yellow"), "A4"),
    (Answers(flat_plaque=True), "A4"),
    (Answers(colour="translucent"), "A4"),  # revision 2: pearly white is typical milia (see test_rev2_findings)
    (Answers(colour="skin", location="under-eyes", weeks=12), "A5"),
    (Answers(new_crops=True), "A6"),
    (Answers(after_injury=True), "A6"),
    (Answers(treated_weeks=12, fewer=False), "A7"),
])
def test_each_flag_refers(answers, rule_id):
    result = assess(answers)
    assert rule_id in rule_ids(answers) and result.refer
    assert result.notices[-1].id == "A1"


def test_typical_milia_get_only_the_do_not_pick_notice():
    answers = Answers(colour="white", size_mm=1.5, location="cheeks", weeks=4, changing=False, painful=False)
    assert rule_ids(answers) == ["A1"]
    assert not assess(answers).refer


def test_boundaries():
    assert "A2" not in rule_ids(Answers(size_mm=6.0))
    assert "A5" not in rule_ids(Answers(colour="skin", location="under-eyes", weeks=11))
    assert "A5" not in rule_ids(Answers(colour="skin", location="nose", weeks=20))
    assert "A7" not in rule_ids(Answers(treated_weeks=12, fewer=True))
    assert "A7" not in rule_ids(Answers(treated_weeks=8, fewer=False))


def test_a8_under_18():
    assert "A8" in rule_ids(Answers(colour="white"), age=16)
    assert "A8" not in rule_ids(Answers(colour="white"), age=30)
    assert age_from_birth_year(2008, 2026) == 17  # may not have had the birthday yet
    assert age_from_birth_year(None, 2026) is None


answers_strategy = st.builds(
    Answers,
    colour=st.none() | st.sampled_from(COLOURS),
    size_mm=st.none() | st.floats(0, 30),
    weeks=st.none() | st.integers(0, 200),
    changing=st.none() | st.booleans(), painful=st.none() | st.booleans(), bleeding=st.none() | st.booleans(),
    pigmented=st.none() | st.booleans(), new_crops=st.none() | st.booleans(),
    treated_weeks=st.none() | st.integers(0, 100), fewer=st.none() | st.booleans(),
)


@settings(max_examples=examples(100), deadline=None)
@given(answers=answers_strategy, age=st.none() | st.integers(0, 100))
def test_only_a_rules_and_never_a_diagnosis(answers, age):
    result = assess(answers, age=age)
    assert {n.id for n in result.notices} <= A_RULES
    assert result.notices[-1].id == "A1"
    for n in result.notices:
        assert "you have" not in n.text.lower() and "this is " not in n.text.lower()


def test_questions_cover_the_issue_list():
    fields = {q.field for q in QUESTIONS}
    assert {"colour", "size_mm", "changing", "painful", "bleeding", "pigmented", "location", "weeks"} <= fields


# -- CLI -----------------------------------------------------------------------------------
def test_cli_flags_json(milia):
    res = milia("triage", "--colour", "red", "--size-mm", "7", "--json")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["schema"] == "milia.triage/1" and data["refer"] is True
    assert [n["id"] for n in data["notices"]] == ["A2", "A3", "A1"]


def test_cli_flags_text_without_profile(milia):
    res = milia("triage", "--colour", "white", "--not-changing", "--not-painful")
    assert res.exit_code == 0
    assert "A1" in res.stdout and "not a diagnosis" in res.stdout


def test_cli_uses_profile_birth_year_for_a8(milia):
    milia.write_profile(BASE_PROFILE.replace("birth_year = 1994", "birth_year = 2012"))
    data = json.loads(milia("triage", "--colour", "white", "--json").stdout)
    assert "A8" in [n["id"] for n in data["notices"]]


@pytest.mark.parametrize("args", [["--colour", "purple"], ["--location", "elbow"], ["--size-mm", "-1"],
                                  ["--weeks", "x"]])
def test_cli_bad_answers_are_usage_errors(milia, args):
    res = milia("triage", *args)
    assert res.exit_code == 2 and res.stdout == ""


def test_cli_without_answers_off_a_terminal_asks_for_flags(milia):
    res = milia("triage")
    assert res.exit_code == 2 and "triage --help" in res.stderr


def test_cli_interactive_questionnaire(milia):
    env = fake_env(TODAY, tty=True)
    env.stdin = io.StringIO("purple\nwhite\n1\ncheeks\n3\nn\ny\n")  # bad colour re-asked; stops at EOF
    res = milia("triage", env=env)
    assert res.exit_code == 0, res.stderr
    assert "Please answer with one of" in res.stdout
    assert "A3" in res.stdout and "Please have a doctor" in res.stdout  # painful = yes
