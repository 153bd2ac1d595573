"""How a value of a profile file is said in a message, and what a name may be: shared by the
profile's schema (:mod:`milia_cli.profile_schema`) and the shelf's (:mod:`milia_cli.shelf`),
so neither imports the other's checks."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Any

_NAME = re.compile(r"\S(.{0,78}\S)?", re.DOTALL)


def toml_text(value: Any, depth: int = 0) -> str:
    """A short TOML rendering of a parsed value (for messages; deep nesting is elided)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value[:80])  # quoted as the messages always were: 'oilyy'
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, int):
        digits = str(value) if -10**60 < value < 10**60 else None
        return digits if digits is not None else "a number with more than 60 digits"
    if isinstance(value, float):
        return repr(value) if value == value and value not in (float("inf"), float("-inf")) else \
            ("nan" if value != value else ("inf" if value > 0 else "-inf"))
    if depth > 3:
        return "…"
    if isinstance(value, list):
        return "[" + ", ".join(toml_text(v, depth + 1) for v in value[:8]) + (", …" if len(value) > 8 else "") + "]"
    if isinstance(value, dict):
        inner = ", ".join(f"{k} = {toml_text(v, depth + 1)}" for k, v in list(value.items())[:8])
        return "{" + inner + (", …" if len(value) > 8 else "") + "}"
    return type(value).__name__


def name_ok(value: str) -> bool:
    """A name: 1..80 characters, no leading/trailing space, nothing unprintable except a
    zero-width joiner inside an emoji sequence (👩‍🔬, ❤️‍🔥)."""
    from milia_cli.safe_text import joins_emoji

    if not _NAME.fullmatch(value):
        return False
    return all(ch.isprintable() or (ch == "\u200d" and joins_emoji(value, i)) for i, ch in enumerate(value))
