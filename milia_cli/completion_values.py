"""Tab completion for values (issue 13 item 4): step names, rule ids, profile names, areas,
choices, zones and profile keys, as Typer ``autocompletion=`` callbacks.

A tab press runs milia, so each callback imports little (no rich, no planner, no store) and
answers from data: the step ids, the rules table, the profile folder, the tz database.
Step names are offered as ids (``eye-cream``, ``am:sunscreen``), the one spelling a shell
takes without quotes; the labels are accepted too when typed (see :mod:`milia_cli.step_names`).
"""

import os
from typing import Any


def _match(incomplete: str, words: "list[str] | tuple[str, ...]") -> list[str]:
    low = (incomplete or "").lower()
    return [w for w in words if w.lower().startswith(low)]


def step_names() -> list[str]:
    from milia_cli.plan import STEP_IDS

    return list(STEP_IDS) + [f"{slot}:{step}" for slot in ("am", "pm") for step in STEP_IDS]


def complete_step(incomplete: str) -> list[str]:
    """``--done``/``--skip``: every step id, bare or slot-qualified."""
    return _match(incomplete, step_names())


def rule_ids() -> list[str]:
    from milia_cli.rules import RULES

    return sorted(RULES, key=lambda rid: (rid[0], int(rid[1:]) if rid[1:].isdigit() else 0, rid))


def complete_step_or_rule(incomplete: str) -> list[str]:
    """`why [STEP-or-RULE]`: step ids and rule ids (``B3``, ``N4``)."""
    from milia_cli.plan import STEP_IDS

    return _match(incomplete, list(STEP_IDS) + rule_ids())


def complete_profile_name(ctx: Any, incomplete: str) -> list[str]:
    """``-p``/``profile delete``: the profiles in the home (``--home`` or MILIA_HOME if given)."""
    from milia_cli.paths import resolve_locations

    home = None
    root = ctx.find_root() if ctx is not None else None
    if root is not None:
        home = root.params.get("home")
    try:
        names = resolve_locations(home, os.environ).profile_names()
    except Exception:  # a tab press never fails loudly
        return []
    return _match(incomplete, list(names))


def complete_area(incomplete: str) -> list[str]:
    from milia_cli.profile_schema import AREAS

    return _match(incomplete, AREAS)


def complete_skin_type(incomplete: str) -> list[str]:
    from milia_cli.profile_schema import SKIN_TYPES

    return _match(incomplete, SKIN_TYPES)


def complete_pregnancy(incomplete: str) -> list[str]:
    from milia_cli.profile_schema import PREGNANCY

    return _match(incomplete, PREGNANCY)


def complete_event_kind(incomplete: str) -> list[str]:
    from milia_cli.logmodel import PROCEDURE_KINDS

    return _match(incomplete, PROCEDURE_KINDS)


def complete_zone(incomplete: str) -> list[str]:
    """``--timezone``: IANA Area/Location names; before a ``/`` only the areas (``Europe/``),
    so a first tab press is short."""
    from milia_cli.zones import AREAS, PLAIN, area_location_zones

    zones = area_location_zones()
    if "/" not in (incomplete or ""):
        areas = [f"{a}/" for a in AREAS] + list(PLAIN)
        found = _match(incomplete, areas)
        if len(found) != 1 or found[0] in PLAIN:
            return found
        incomplete = found[0]
    return _match(incomplete, list(zones))


def settable_keys() -> list[str]:
    from milia_cli.profile_schema import FIELDS

    return [f.key for f in FIELDS if f.key not in ("schema", "id")]


def complete_profile_key(incomplete: str) -> list[str]:
    return _match(incomplete, settable_keys())


def complete_profile_value(ctx: Any, incomplete: str) -> list[str]:
    """`profile set KEY <TAB>`: the values that key allows (choices, true/false, areas, zones)."""
    from milia_cli.profile_schema import AREAS, FIELDS_BY_KEY

    key = (ctx.params.get("key") if ctx is not None else None) or ""
    field = FIELDS_BY_KEY.get(key)
    if field is None:
        return []
    if field.kind == "enum":
        return _match(incomplete, field.choices)
    if field.kind == "bool":
        return _match(incomplete, ["true", "false"])
    if field.kind == "zone":
        return complete_zone(incomplete)
    if field.kind == "areas":
        head, _, last = (incomplete or "").rpartition(",")
        prefix = head + "," if head else ""
        chosen = {p.strip() for p in head.split(",") if p.strip()}
        return [prefix + a for a in AREAS if a.startswith(last.strip()) and a not in chosen]
    if field.kind == "time":
        return _match(incomplete, ["07:00", "07:30", "08:00", "21:00", "21:30", "22:00"])
    return []
