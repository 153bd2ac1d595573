"""The step catalogue: what each step is, where it goes and how to do it.

Clinical how-to text is knowledge-base data (like the rules), so it lives here
and not in :mod:`milia_cli.messages`. :func:`make_step` builds the frozen
:class:`~milia_cli.plan.Step` objects the planner caches and reuses.
"""

from __future__ import annotations

from milia_cli.plan import Step
from milia_cli.profile import AREAS, EYE_AREAS

FACE_AREAS = ("forehead", "cheeks", "nose", "chin")
BODY_AREAS = ("chest", "back", "arms")
# Invariant 3 / B8, B9, C6: every active lists both eye areas (and the rest of B9) in `avoid`.
ACTIVE_AVOID = ("upper-eyelids", "under-eyes", "nose-corners", "lips", "broken-or-irritated-skin")

TITLES = {
    "cleanse": "Gentle cleanser",
    "remove-makeup": "Remove all makeup",
    "exfoliate": "AHA/BHA exfoliant",
    "retinol": "Retinol (lowest strength)",
    "moisturize": "Light water-based moisturizer",
    "eye-cream": "Oil-free eye cream",
    "sunscreen": "Broad-spectrum sunscreen SPF 30+",
    "makeup": "Non-comedogenic makeup",
}
SHORT = {
    "cleanse": "cleanse",
    "remove-makeup": "makeup off",
    "exfoliate": "EXFOLIATE",
    "retinol": "RETINOL",
    "moisturize": "moisturize",
    "eye-cream": "eye cream",
    "sunscreen": "SPF 30+",
    "makeup": "makeup",
}

HOW = {
    "cleanse": "Wash with a gentle, non-foaming cleanser and lukewarm water; pat dry.",
    "remove-makeup": (
        "Take off all makeup, including around the eyes, with a gentle remover before cleansing; "
        "never sleep in makeup."
    ),
    "exfoliate": (
        "On a night without retinol: a leave-on AHA (glycolic or lactic, at most 10 %) or a "
        "salicylic acid (0.5–2 %) on dry, clean skin; no peels. Keep it off the eyelids, under "
        "the eyes and the lips."
    ),
    "exfoliate-pregnant": (
        "Face only, on dry clean skin: lactic or glycolic acid at most 10 %, or a wash-off "
        "salicylic cleanser at most 2 %; no peels; azelaic acid is the alternative. Keep it off "
        "the eyelids, under the eyes and the lips; check the product with your clinician."
    ),
    "retinol": (
        "A pea-sized amount of the lowest-strength retinol for the whole face, on dry skin after "
        "cleansing. Keep it off the upper eyelids, under the eyes, the corners of the nose, the "
        "lips and any broken or sunburned skin."
    ),
    "moisturize": (
        "A light, water-based moisturizer; hyaluronic acid and other humectants rather than "
        "heavy oils and butters."
    ),
    "eye-cream": (
        "A rice-grain amount of oil-free eye cream, patted along the orbital bone; "
        "nothing on the lash line."
    ),
    "sunscreen": (
        "Broad-spectrum SPF 30+, oil-free or non-comedogenic, as the last skincare step; "
        "reapply when outdoors."
    ),
    "makeup": "Non-comedogenic, oil-free makeup; take it all off tonight.",
    "makeup-concealer": (
        "Non-comedogenic, oil-free makeup and a light concealer under the eyes (a tip: one "
        "esthetician blames heavy silicone concealers for milia there); take it all off tonight."
    ),
}


def ordered_areas(areas) -> tuple[str, ...]:
    """Areas in the canonical order of AREAS (unknown ones after, sorted)."""
    known = [a for a in AREAS if a in areas]
    return tuple(known) + tuple(sorted(a for a in areas if a not in AREAS))


def base_areas(milia_areas: tuple[str, ...]) -> tuple[str, ...]:
    """Face plus any body area with milia, for cleansing, moisturizer and sunscreen."""
    return ("face",) + tuple(a for a in BODY_AREAS if a in milia_areas)


def active_areas(milia_areas: tuple[str, ...], *, face_only: bool = False) -> tuple[str, ...]:
    """Where an active goes: the whole face (B3) when milia are on the face or around the
    eyes (or no areas are given), plus body areas with milia; never an eye area."""
    face = not milia_areas or any(a in FACE_AREAS or a in EYE_AREAS for a in milia_areas)
    out = FACE_AREAS if face else ()
    if not face_only:
        out = out + tuple(a for a in BODY_AREAS if a in milia_areas)
    return out


def make_step(step: str, slot: str, *, areas: tuple[str, ...], avoid: tuple[str, ...] = (),
              rules: tuple[str, ...], how_key: str | None = None) -> Step:
    return Step(step=step, slot=slot, title=TITLES[step], areas=areas, avoid=avoid,
                how=HOW[how_key or step], rules=rules)
