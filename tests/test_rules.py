"""The knowledge base holds every rule and notice of RULES.md, with sources and disagreements."""

from __future__ import annotations

import subprocess
import sys

import pytest

from milia_cli.plan import NOTICE_LEVELS
from milia_cli.rules import RULES, SEEDS, find_rule, notice, rule, rules_for_step

EXPECTED = (
    [f"A{i}" for i in range(1, 11)] + [f"B{i}" for i in range(1, 14)] + [f"C{i}" for i in range(1, 10)]
    + [f"D{i}" for i in range(1, 10)] + ["E1", "E2"] + [f"N{i}" for i in range(1, 10)]
)


def test_every_rule_and_notice_is_there_once():
    assert list(RULES) == EXPECTED


@pytest.mark.parametrize("rule_id", EXPECTED)
def test_each_rule_is_complete(rule_id):
    r = rule(rule_id)
    assert r.title and r.when and r.action and r.sources
    assert r.level in NOTICE_LEVELS
    assert r.source  # spelled out
    n = notice(rule_id)
    assert n.id == rule_id and n.level == r.level and n.text.startswith(r.action)


@pytest.mark.parametrize("rule_id", ["B2", "C1", "C6", "D4"])
def test_disagreements_are_shown_not_hidden(rule_id):
    r = rule(rule_id)
    assert r.disagreement
    assert r.disagreement in notice(rule_id).text


def test_seed_sources_name_their_files():
    assert "seeds/002_e3e05ccda6f7924d.txt" in rule("B8").source
    assert all(path.startswith("seeds/") for path in SEEDS.values())
    assert "design default" in rule("B3").source


def test_design_defaults_say_what_was_chosen():
    for rid in ("B3", "B4", "C3", "E2", "A8"):
        assert "D" in rule(rid).sources and rule(rid).design


def test_levels_match_the_meaning():
    assert rule("B7").level == "stop"
    assert rule("B10").level == "refer"
    assert all(rule(f"A{i}").level == "refer" for i in range(2, 9))


def test_retinol_rests_on_b1_to_b9():
    ids = {r.id for r in rules_for_step("retinol")}
    assert {f"B{i}" for i in range(1, 10)} <= ids


def test_exfoliate_and_eye_cream_rules():
    assert {f"C{i}" for i in range(1, 9)} <= {r.id for r in rules_for_step("exfoliate")}
    assert "D3" in {r.id for r in rules_for_step("eye-cream")}


def test_lookup_is_case_insensitive():
    assert find_rule(" b2 ") is rule("B2")
    assert find_rule("retinol") is None


def test_triage_never_states_a_diagnosis_as_fact():
    for rid in ("A2", "A3", "A4", "A5", "A6"):
        text = rule(rid).action.lower()
        assert "you have" not in text and "this is a" not in text and "it is a" not in text


@pytest.mark.slow
def test_importing_the_planner_is_cheap():
    code = ("import sys, milia_cli.planner, milia_cli.triage; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('rich', 'sqlite3', 'icalendar')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
