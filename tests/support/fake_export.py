"""A format registered only by a test (tests/test_export_registry.py): what a new format's
module holds — its renderer and, optionally, how its files name their profile."""

from __future__ import annotations

import re

_HEAD = re.compile(rb"\Afake plan of ([^:\n]*):")


def render(plan, *, shout: bool = False) -> str:
    text = f"fake plan of {plan.owner().name}: {len(plan.days)} days from {plan.first}, {plan.zone}\n"
    return text.upper() if shout else text


def identify(head: bytes) -> str | None:
    m = _HEAD.match(head)
    return m[1].decode() if m else None
