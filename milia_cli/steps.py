"""Building :class:`~milia_cli.plan.Step` records from the catalogue (:mod:`milia_cli.catalogue`).

The how-to text follows the kinds of area a step covers (face, eye, body: A10 body wording),
and E2 takes treated areas out of every step (:func:`without`).
"""

from __future__ import annotations

from collections.abc import Iterable

from milia_cli.catalogue import (
    ACTIVE_AVOID,
    AREA_KIND,
    AREAS,
    BODY_AREAS,
    BODY_HOW,
    EYE_AREAS,
    FACE_AREAS,
    FACE_GROUP,
    SHORT,
    STEP_KINDS,
    TITLES,
)
from milia_cli.messages import Message, joined
from milia_cli.messages.words import Words
from milia_cli.plan import Step

__all__ = ["ACTIVE_AVOID", "BODY_AREAS", "EYE_AREAS", "FACE_AREAS", "SHORT", "TITLES", "TEST_SPOT",
           "ordered_areas", "base_areas", "without", "how_text", "make_step"]

TEST_SPOT = Message("New: try it on a test spot first (a coin-sized area on the jawline or beside the ear) for "
                    "the first few nights before the whole area; one new product at a time. ")
_ORDER = {a: i for i, a in enumerate(("face",) + AREAS)}


def ordered_areas(areas: Iterable[str]) -> tuple[str, ...]:
    """Areas in the canonical order of AREAS (unknown ones after, sorted)."""
    known = sorted((a for a in areas if a in _ORDER), key=_ORDER.__getitem__)
    return tuple(known) + tuple(sorted(a for a in areas if a not in _ORDER))


def base_areas(milia_areas: tuple[str, ...]) -> tuple[str, ...]:
    """Face plus any body area with milia, for cleansing, moisturizer and sunscreen."""
    return ("face",) + tuple(a for a in BODY_AREAS if a in milia_areas)


def without(areas: tuple[str, ...], treated: frozenset[str], all_marker: str = "*") -> tuple[str, ...]:
    """``areas`` with the treated ones taken out (E2); "face" is split into its parts when
    one of them (an eye area included) is treated."""
    if not treated:
        return areas
    if all_marker in treated:
        return ()
    out: list[str] = []
    for a in areas:
        if a == "face" and any(t in FACE_GROUP for t in treated):
            out.extend(x for x in FACE_GROUP if x not in treated)
        elif a not in treated:
            out.append(a)
    return tuple(dict.fromkeys(out))


def how_text(step: str, areas: tuple[str, ...], variant: str | None = None) -> str:
    """The how-to of ``step`` for the kinds of area in ``areas`` (face, eye, body): a
    :class:`~milia_cli.messages.Message` that translates piece by piece (:mod:`milia_cli.i18n`)."""
    how = STEP_KINDS[step].how
    kinds = {AREA_KIND.get(a, "face") for a in areas}
    body = Words([a for a in areas if AREA_KIND.get(a) == "body"])
    if variant is not None and variant in how:
        main = Message(how[variant])
    elif "face" in kinds or "eye" in kinds or not body:
        main = Message(how.get("face") or how.get("eye") or "")
    else:
        main = Message("")
    if body:
        if main:
            main = joined(main, Message(BODY_HOW).format(areas=body), sep=" ")
        else:
            main = Message(how.get("body", BODY_HOW)).format(areas=body)
    return main


def make_step(step: str, slot: str, *, areas: tuple[str, ...], avoid: tuple[str, ...] = (),
              rules: tuple[str, ...], how: str | None = None, variant: str | None = None) -> Step:
    return Step(step=step, slot=slot, title=Message(TITLES[step]), areas=areas, avoid=avoid,
                how=how if how is not None else how_text(step, areas, variant), rules=rules)
