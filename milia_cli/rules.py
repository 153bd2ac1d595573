"""The knowledge base: every rule and notice of RULES.md as data.

Code refers to rules by id (``rule("B3")``); the clinical wording, the level,
the sources and any disagreement between sources live in :mod:`rules_data`,
so ``milia why`` can show exactly what a step rests on. Importing this module
builds a few dozen immutable records (``NamedTuple``) and nothing else.
"""

from __future__ import annotations

from typing import NamedTuple

from milia_cli.plan import NOTICE_LEVELS, Notice

# The four source articles of RULES.md, by their short names.
SEEDS = {
    "S0": "seeds/000_d71da376c862f3ec.txt",
    "S1": "seeds/001_37bfbe2f15c9cd79.txt",
    "S2": "seeds/002_e3e05ccda6f7924d.txt",
    "S3": "seeds/003_f1ffa62963659f75.txt",
}
DESIGN = "D"  # a design default of this project: no source gives the number
GROUPS = {
    "A": "Never diagnose, always refer when it matters",
    "B": "Retinol",
    "C": "AHA/BHA exfoliation",
    "D": "The base routine",
    "E": "Professional procedures and aftercare",
    "N": "Notices",
}


class Rule(NamedTuple):
    id: str  # "B3", or "N1".."N9" for the notices
    title: str
    when: str  # the condition, in words
    action: str  # what the tool does / tells the user
    level: str  # info | caution | refer | stop (when shown as a notice)
    sources: tuple[str, ...]  # "S2", "D", or an external reference
    disagreement: str = ""  # where sources disagree: the note shown to the user
    design: str = ""  # what "D" chose, when the rule carries a design default
    steps: tuple[str, ...] = ()  # step ids this rule shapes (for `milia why STEP`)

    @property
    def group(self) -> str:
        return self.id[0]

    @property
    def source(self) -> str:
        """Sources spelled out: seed files by path, ``D`` as a design default."""
        return "; ".join(describe_source(s) for s in self.sources)

    def notice(self, text: str | None = None, level: str | None = None) -> Notice:
        """This rule as a plan notice (the action text unless ``text`` is given)."""
        body = text if text is not None else self.action
        if text is None and self.disagreement:
            body = f"{body} {self.disagreement}"
        return Notice(id=self.id, level=level or self.level, text=body, source=self.source)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "group": GROUPS[self.group],
            "title": self.title,
            "when": self.when,
            "action": self.action,
            "level": self.level,
            "source": self.source,
            "sources": list(self.sources),
            "disagreement": self.disagreement,
            "design": self.design,
            "steps": list(self.steps),
        }


def describe_source(short: str) -> str:
    if short in SEEDS:
        return f"{short} ({SEEDS[short]})"
    if short == DESIGN:
        return "D (design default of milia: the cautious end, no source gives the number)"
    return short


def _load() -> dict[str, Rule]:
    from milia_cli.rules_data import RULES as table

    out = {r.id: r for r in table}
    assert len(out) == len(table), "duplicate rule id"
    assert all(r.level in NOTICE_LEVELS for r in table)
    return out


RULES: dict[str, Rule] = _load()
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
