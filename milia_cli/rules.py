"""The knowledge base: every rule and notice of RULES.md as data.

Code refers to rules by id (``rule("B3")``); the clinical wording, the level,
the sources and any disagreement between sources live in :mod:`rules_data`,
so ``milia why`` can show exactly what a step rests on. Importing this module
builds a few dozen immutable records (``NamedTuple``) and nothing else.
"""

from __future__ import annotations

from milia_cli.plan import NOTICE_LEVELS, Notice
from milia_cli.rule_record import DESIGN, GROUPS, SEEDS, Rule, describe_source
from milia_cli.rules_data import RULES as _TABLE

__all__ = ["DESIGN", "GROUPS", "RULES", "RULE_IDS", "SEEDS", "Rule", "describe_source", "find_rule", "notice", "rule",
           "rules_for_step"]


def _load(table: tuple[Rule, ...]) -> dict[str, Rule]:
    out = {r.id: r for r in table}
    assert len(out) == len(table), "duplicate rule id"
    assert all(r.level in NOTICE_LEVELS for r in table)
    return out


RULES: dict[str, Rule] = _load(_TABLE)
RULE_IDS: tuple[str, ...] = tuple(RULES)


def rule(rule_id: str) -> Rule:
    """The rule with this id (``KeyError`` for an unknown id: a bug in the caller)."""
    return RULES[rule_id]


def find_rule(text: str) -> Rule | None:
    """Case-insensitive lookup for user input (``b2`` -> B2)."""
    return RULES.get(text.strip().upper())


def notice(rule_id: str, text: str | None = None, level: str | None = None) -> Notice:
    return RULES[rule_id].notice(text, level)


def rules_for_step(step: str) -> tuple[Rule, ...]:
    """Every rule that shapes a step id (``retinol`` -> B1..B10, D5, N6, N7)."""
    return tuple(r for r in RULES.values() if step in r.steps)
