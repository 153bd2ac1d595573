"""Triage: questions about the bumps, answered only with notices of rules A1–A8.

Never a diagnosis: the knowledge base words every answer as "have a clinician
look", naming other conditions only as possibilities. Pure: answers in, notices out.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

from milia_cli.catalogue import AREAS
from milia_cli.plan import Notice
from milia_cli.rules import RULES

# "pearly" is pearly white, typical of milia (S2 "tiny pearls"): no flag. "translucent" is a pearly,
# translucent bump with tiny vessels (A4: possible skin cancer), as is one that bleeds or does not heal.
COLOURS = ("white", "yellow", "skin", "red", "brown", "black", "multicoloured", "pearly", "translucent")
DARK_COLOURS = ("brown", "black", "multicoloured")
LOWER_LID_CHEEK = ("under-eyes", "cheeks")
BIG_MM = 6.0  # A2: over 6 mm
LONG_WEEKS = 12  # A5, A7
ADULT = 18


@dataclass(frozen=True)
class Answers:
    """What the person said; None = not asked / not answered."""

    colour: str | None = None
    size_mm: float | None = None
    location: str | None = None
    weeks: int | None = None  # how long they have had the bumps
    changing: bool | None = None
    painful: bool | None = None
    pus: bool | None = None
    bleeding: bool | None = None
    itchy: bool | None = None
    pigmented: bool | None = None
    irregular: bool | None = None
    rough_spreading: bool | None = None
    central_dip: bool | None = None
    flat_plaque: bool | None = None
    non_healing: bool | None = None
    new_crops: bool | None = None
    after_injury: bool | None = None  # after blisters, burns or a rash
    treated_weeks: int | None = None  # weeks of steady use of the routine
    fewer: bool | None = None  # fewer bumps than at the start

    def given(self) -> bool:
        return any(getattr(self, f.name) is not None for f in fields(self))

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}


@dataclass(frozen=True)
class Question:
    field: str
    kind: str  # choice | number | integer | yesno
    prompt: str  # a constant name in messages.plan
    choices: tuple[str, ...] = ()


QUESTIONS = (
    Question("colour", "choice", "Q_COLOUR", COLOURS),
    Question("size_mm", "number", "Q_SIZE"),
    Question("location", "choice", "Q_LOCATION", AREAS),
    Question("weeks", "integer", "Q_WEEKS"),
    Question("changing", "yesno", "Q_CHANGING"),
    Question("painful", "yesno", "Q_PAINFUL"),
    Question("pus", "yesno", "Q_PUS"),
    Question("bleeding", "yesno", "Q_BLEEDING"),
    Question("itchy", "yesno", "Q_ITCHY"),
    Question("pigmented", "yesno", "Q_PIGMENTED"),
    Question("irregular", "yesno", "Q_IRREGULAR"),
    Question("rough_spreading", "yesno", "Q_ROUGH"),
    Question("central_dip", "yesno", "Q_CENTRAL_DIP"),
    Question("flat_plaque", "yesno", "Q_PLAQUE"),
    Question("non_healing", "yesno", "Q_NON_HEALING"),
    Question("new_crops", "yesno", "Q_NEW_CROPS"),
    Question("after_injury", "yesno", "Q_AFTER_INJURY"),
    Question("treated_weeks", "integer", "Q_TREATED"),
    Question("fewer", "yesno", "Q_FEWER"),
)


@dataclass(frozen=True)
class Assessment:
    answers: Answers
    notices: tuple[Notice, ...]  # A-rule notices only, most urgent first

    @property
    def refer(self) -> bool:
        return any(n.level == "refer" for n in self.notices)

    def to_dict(self) -> dict[str, Any]:
        return {"schema": "milia.triage/1", "answers": self.answers.to_dict(), "refer": self.refer,
                "notices": [n.to_dict() for n in self.notices]}


def _yes(value: bool | None) -> bool:
    return value is True


def flagged_rules(a: Answers, age: int | None = None) -> tuple[str, ...]:
    """The A-rules the answers trigger (A1 is always part of the answer)."""
    out = []
    if (_yes(a.pigmented) or a.colour in DARK_COLOURS or _yes(a.changing) or _yes(a.bleeding)
            or _yes(a.itchy) or _yes(a.irregular) or (a.size_mm is not None and a.size_mm > BIG_MM)):
        out.append("A2")
    if a.colour == "red" or _yes(a.painful) or _yes(a.pus) or _yes(a.rough_spreading):
        out.append("A3")
    if _yes(a.central_dip) or _yes(a.flat_plaque) or _yes(a.non_healing) or a.colour == "translucent":
        out.append("A4")
    if (a.colour == "skin" and a.location in LOWER_LID_CHEEK and a.weeks is not None
            and a.weeks >= LONG_WEEKS and not _yes(a.changing)):
        out.append("A5")
    if _yes(a.new_crops) or _yes(a.after_injury):
        out.append("A6")
    if a.treated_weeks is not None and a.treated_weeks >= LONG_WEEKS and a.fewer is False:
        out.append("A7")
    if age is not None and age < ADULT:
        out.append("A8")
    return tuple(out)


def assess(answers: Answers, *, age: int | None = None) -> Assessment:
    """Notices from A1–A8 for these answers: referrals first, then A1 (never pick)."""
    ids = flagged_rules(answers, age) + ("A1",)
    return Assessment(answers=answers, notices=tuple(RULES[i].notice() for i in ids))


def age_from_birth_year(birth_year: int | None, year: int) -> int | None:
    """The youngest age someone born in ``birth_year`` can be during ``year`` (cautious, A8)."""
    return None if birth_year is None else year - birth_year - 1
