"""The rule table in the repo (docs/rules.md) is generated from the knowledge base and must not drift."""

from __future__ import annotations

from conftest import REPO
from milia_cli.rules import RULES
from milia_cli.rules_doc import render

DOC = REPO / "docs" / "rules.md"


def test_the_document_in_the_repo_is_what_the_knowledge_base_generates():
    assert DOC.read_text(encoding="utf-8") == render(), (
        "docs/rules.md is stale: run `python -m milia_cli.rules_doc -o docs/rules.md`")


def test_every_rule_has_one_row_with_its_level_and_sources():
    text = render()
    for rule in RULES.values():
        rows = [line for line in text.splitlines() if line.startswith(f"| {rule.id} |")]
        assert len(rows) == 1, rule.id
        assert f"| {rule.level} |" in rows[0]
        for source in rule.sources:
            assert source.replace("|", "\\|") in rows[0] or source == "D", (rule.id, source)


def test_a_changed_rule_makes_the_document_differ(monkeypatch):
    rule = next(iter(RULES.values()))
    monkeypatch.setitem(RULES, rule.id, rule._replace(action=rule.action + " Changed."))
    assert render() != DOC.read_text(encoding="utf-8")
