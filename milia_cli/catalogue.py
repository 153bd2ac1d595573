"""The step catalogue: the one vocabulary of steps, actives, areas and notice levels.

Everything else derives from it: the plan JSON schema's enum (``tests/test_rev2_catalogue.py``
holds ``schemas/plan.schema.json`` against it), check-in validation (:data:`STEP_IDS`), the
export labels (:attr:`StepKind.short`), stats' optional steps (:data:`OPTIONAL_STEPS`), the
order of a slot's steps (:attr:`StepKind.order`) and the titration engine's actives
(:data:`ACTIVES`). Clinical how-to text is knowledge-base data like the rules, so it lives
here, one text per area kind (face, eye, body).

This module is on the start-up path of `today` and `checkin`: plain tuples and
NamedTuples only, no imports beyond typing.

Adding an active (say azelaic acid) touches three files: a :class:`StepKind` and an
:class:`ActiveKind` here, its rules in :mod:`milia_cli.rules_data`, and who may use it in
:func:`milia_cli.timeline.allowed_actives` (and ``schemas/plan.schema.json``'s enum, which a
test keeps in step).
"""

from __future__ import annotations

from milia_cli.records import NamedTuple

SLOTS = ("am", "pm")
NOTICE_LEVELS = ("info", "caution", "refer", "stop")

# -- areas ------------------------------------------------------------------------------------
FACE_AREAS = ("forehead", "cheeks", "nose", "chin")
EYE_AREAS = ("upper-eyelids", "under-eyes")
# The milia-prone areas a profile may name, in the canonical order of tables and messages.
AREAS = ("upper-eyelids", "under-eyes", "cheeks", "nose", "forehead", "chin", "chest", "back", "arms")
BODY_AREAS = ("chest", "back", "arms")
AREA_KIND = {**{a: "face" for a in FACE_AREAS + ("face",)}, **{a: "eye" for a in EYE_AREAS},
             **{a: "body" for a in BODY_AREAS}}
# "face" on a base step means the whole face, the eye areas included; E2 splits it into these.
FACE_GROUP = FACE_AREAS + EYE_AREAS
# Invariant 3 / B8, B9, C6: every active lists both eye areas (and the rest of B9) in `avoid`.
ACTIVE_AVOID = ("upper-eyelids", "under-eyes", "nose-corners", "lips", "broken-or-irritated-skin")

BODY_HOW = "On the {areas}: a thin layer on the area only."


class StepKind(NamedTuple):
    id: str
    slots: tuple[str, ...]  # the slots it can appear in
    order: int  # position within a slot (lower first)
    title: str
    short: str  # the label of tables and calendars (actives in capitals)
    how: dict[str, str]  # area kind ("face", "eye", "body") or a variant key -> the how-to text
    active: bool = False
    optional: bool = False  # never counts against adherence or a streak (stats)
    rules: tuple[str, ...] = ()  # the rules behind it (on every instance of the step)


STEPS: tuple[StepKind, ...] = (
    StepKind("cleanse", ("am", "pm"), 1, "Gentle cleanser", "cleanse", {
        "face": "Wash with a gentle, non-foaming cleanser and lukewarm water; pat dry.",
        "body": "Wash the {areas} with a gentle, fragrance-free wash and lukewarm water; pat dry."},
        rules=("D1",)),
    StepKind("remove-makeup", ("pm",), 0, "Remove all makeup", "makeup off", {
        "face": "Take off all makeup, including around the eyes, with a gentle remover before cleansing; "
                "never sleep in makeup."}, rules=("D1", "D4")),
    StepKind("exfoliate", ("pm",), 2, "AHA/BHA exfoliant", "EXFOLIATE", {
        "face": "A leave-on AHA (glycolic or lactic, at most 10 %) or a salicylic acid (0.5–2 %) on dry, "
                "clean skin; no peels. Keep it off the eyelids, under the eyes and the lips.",
        "with-retinol": "On a night without retinol: a leave-on AHA (glycolic or lactic, at most 10 %) or a "
                        "salicylic acid (0.5–2 %) on dry, clean skin; no peels. Keep it off the eyelids, under "
                        "the eyes and the lips.",
        "pregnant": "Face only, on dry clean skin: lactic or glycolic acid at most 10 %, or a wash-off "
                    "salicylic cleanser at most 2 %; no peels; azelaic acid is the alternative. Keep it off "
                    "the eyelids, under the eyes and the lips; check the product with your clinician.",
        "body": "A thin layer of a leave-on AHA (at most 10 %) or salicylic acid (0.5–2 %) on the {areas} "
                "only, on dry clean skin; no peels."}, active=True, rules=("C1", "C2", "C3", "C6")),
    StepKind("retinol", ("pm",), 2, "Retinol (lowest strength)", "RETINOL", {
        "face": "A pea-sized amount of the lowest-strength retinol for the whole face, on dry skin after "
                "cleansing. Keep it off the upper eyelids, under the eyes, the corners of the nose, the "
                "lips and any broken or sunburned skin.",
        "body": "A thin layer of the lowest-strength retinol on the {areas} only, on dry skin after washing; "
                "keep it off broken or sunburned skin."}, active=True, rules=("B3", "B4", "B8", "B9")),
    StepKind("moisturize", ("am", "pm"), 4, "Light water-based moisturizer", "moisturize", {
        "face": "A light, water-based moisturizer; hyaluronic acid and other humectants rather than "
                "heavy oils and butters.",
        "body": "The same light moisturizer as a thin layer on the {areas}."}, rules=("D2",)),
    StepKind("eye-cream", ("am", "pm"), 3, "Oil-free eye cream", "eye cream", {
        "eye": "Optional: a rice-grain amount of an oil-free eye cream (a light gel), patted along the "
               "orbital bone; nothing on the lash line."}, optional=True, rules=("D3", "C6")),
    StepKind("sunscreen", ("am",), 5, "Broad-spectrum sunscreen SPF 30+", "SPF 30+", {
        "face": "Broad-spectrum SPF 30+, oil-free or non-comedogenic, as the last skincare step; reapply "
                "every 2 hours outdoors and after sweating or swimming.",
        "body": "SPF 30+ on the {areas} when they are uncovered."}, rules=("D5",)),
    StepKind("makeup", ("am",), 6, "Non-comedogenic makeup", "makeup", {
        "face": "Non-comedogenic, oil-free makeup; take it all off tonight.",
        "concealer": "Non-comedogenic, oil-free makeup and a light concealer under the eyes (a tip: one "
                     "esthetician blames heavy silicone concealers for milia there); take it all off tonight."},
        optional=True, rules=("D4",)),
)
STEP_KINDS = {s.id: s for s in STEPS}
STEP_IDS = tuple(s.id for s in STEPS)  # the historical order (ICS series order)
ACTIVE_STEPS = tuple(s.id for s in STEPS if s.active)
OPTIONAL_STEPS = frozenset(s.id for s in STEPS if s.optional)
TITLES = {s.id: s.title for s in STEPS}
SHORT = {s.id: s.short for s in STEPS}


class ActiveKind(NamedTuple):
    """What the titration engine needs of an active (RULES.md B3/B4, C2/C3)."""

    step: str
    start: int  # nights a week to start (B3, C2)
    restart: int  # the bottom level after a stop or a pause of eligibility (B7, B13)
    caps: dict[str, int]  # skin type -> most nights a week (B4, C3); "*" for the others
    start_rules: tuple[str, ...]
    up_rules: tuple[str, ...]
    first: bool = False  # placed first in the week (retinol); the others fill the free nights


# In priority order: the first one that may change in a week does (B11).
ACTIVES: tuple[ActiveKind, ...] = (
    ActiveKind("retinol", 2, 1, {"dry": 3, "sensitive": 3, "*": 7}, ("B3",), ("B4",), first=True),
    ActiveKind("exfoliate", 1, 1, {"sensitive": 1, "dry": 2, "*": 3}, ("C2", "C4"), ("C3",)),
)
ACTIVE_KINDS = {a.step: a for a in ACTIVES}
# B11: the active evenings of a week (all actives together) stay within this.
COMBINED_CAP = {"sensitive": 3, "dry": 4, "*": 5}
JOIN_AFTER_FIRST = 3  # C4: the acid joins from week 3 when retinol is in the plan
TEST_SPOT_NIGHTS = 3  # D8: an active's first nights say to try a test spot first


def cap_for(table: dict[str, int], skin: str) -> int:
    return table.get(skin, table["*"])
