"""One rule of RULES.md as a record, and how its sources are spelled out.

Apart from :mod:`milia_cli.rules` (the lookups) so that :mod:`milia_cli.rules_data` (the
table) and the lookups both import the record, and neither imports the other's importer:
data -> record <- lookups, no cycle.
"""

from __future__ import annotations

from typing import Any

from milia_cli.plan import Notice
from milia_cli.records import NamedTuple

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
        """Sources spelled out: seed files by path, ``D`` as a design default (which translates)."""
        from milia_cli.messages import joined

        return joined(*(describe_source(s) for s in self.sources), sep="; ")

    def notice(self, text: str | None = None, level: str | None = None) -> Notice:
        """This rule as a plan notice (the action text unless ``text`` is given)."""
        body = text if text is not None else self.action
        if text is None and self.disagreement:
            from milia_cli.messages import joined

            body = joined(body, self.disagreement, sep=" ")  # translated piece by piece (milia_cli.i18n)
        return Notice(id=self.id, level=level or self.level, text=body, source=self.source)

    def to_dict(self) -> dict[str, Any]:
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
        return DESIGN_TEXT
    return short


DESIGN_TEXT = "D (design default of milia: the cautious end, no source gives the number)"
