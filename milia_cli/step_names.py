"""Step names as people type them back: the ids, the labels the screen shows, a few plain words.

`today` shows "eye cream" and "SPF 30+", the handout "Oil-free eye cream"; a person types
back what they saw (``checkin --done "eye cream"``, ``--skip spf``, ``am:spf``, ``Makeup off``),
in any case. :func:`parse_step_name` turns that into ``(slot or None, step id)``; a typo gets
"did you mean" (difflib). Pure and light (no rich, no planner): it is on `checkin`'s path.
"""

from __future__ import annotations

import re

from milia_cli.plan import SLOTS, STEP_IDS
from milia_cli.steps import SHORT, TITLES

# plain words for a step that neither its id, its label nor its title says
EXTRA_NAMES = {
    "spf": "sunscreen", "sun cream": "sunscreen", "suncream": "sunscreen", "sunblock": "sunscreen",
    "sun screen": "sunscreen",
    "cleanser": "cleanse", "wash": "cleanse",
    "moisturizer": "moisturize", "moisturiser": "moisturize", "moisturise": "moisturize",
    "acid": "exfoliate", "aha": "exfoliate", "bha": "exfoliate", "aha bha": "exfoliate", "exfoliant": "exfoliate",
    "makeup remover": "remove-makeup", "remove makeup": "remove-makeup", "take off makeup": "remove-makeup",
    "make up off": "remove-makeup", "make up": "makeup",
    "eyecream": "eye-cream",
}
SLOT_WORDS = {"am": "am", "pm": "pm", "morning": "am", "evening": "pm", "night": "pm"}
_SLOT = re.compile(r"^\s*(am|pm|morning|evening|night)\s*(?::|\s)\s*(.+)$", re.IGNORECASE)


def normal(text: str) -> str:
    """Lower case, ``-``/``_``/``/`` as spaces, other punctuation dropped, spaces collapsed."""
    text = text.lower().replace("-", " ").replace("_", " ").replace("/", " ")
    text = "".join(ch for ch in text if ch.isalnum() or ch.isspace())
    return " ".join(text.split())


def _names() -> dict[str, str]:
    names: dict[str, str] = {}
    for step in STEP_IDS:
        for name in (step, SHORT.get(step, step), TITLES.get(step, step)):
            names.setdefault(normal(name), step)
    for name, step in EXTRA_NAMES.items():
        names.setdefault(normal(name), step)
    names[normal("SPF 30")] = "sunscreen"
    return names


NAMES = _names()  # every accepted name (normalised) -> step id


def label(step: str) -> str:
    """What people see for a step: its short label (``eye cream``, ``SPF 30+``), not its dashed id."""
    short = SHORT.get(step, step)
    return short.lower() if short.isalpha() and short.isupper() else short  # RETINOL is emphasis, not a name


def slot_label(step_id: str) -> str:
    """``pm:eye-cream`` -> ``pm eye cream``."""
    slot, _, step = step_id.partition(":")
    return f"{slot} {label(step)}"


class UnknownStep(ValueError):
    """Not a step name; ``suggestion`` is the closest one (or None)."""

    def __init__(self, text: str, suggestion: str | None) -> None:
        super().__init__(text)
        self.text, self.suggestion = text, suggestion


def parse_step_name(text: str) -> tuple[str | None, str]:
    """``(slot or None, step id)`` for a typed name: ``retinol``, ``pm:retinol``, ``eye cream``,
    ``am:spf``, ``Makeup off``, ``morning sunscreen``. Raises :class:`UnknownStep`."""
    raw = text.strip()
    slot: str | None = None
    if raw.lower() in SLOT_WORDS:  # "am" alone is not a step
        raise UnknownStep(text, None)
    m = _SLOT.match(raw)
    if m and normal(m.group(2)) in NAMES:
        slot, raw = SLOT_WORDS[m.group(1).lower()], m.group(2)
    elif ":" in raw:
        head, _, tail = raw.partition(":")
        if head.strip().lower() not in SLOT_WORDS:
            raise UnknownStep(text, _closest(raw))
        slot, raw = SLOT_WORDS[head.strip().lower()], tail
    step = NAMES.get(normal(raw))
    if step is None:
        guess = _closest(raw)
        raise UnknownStep(text, f"{slot}:{guess}" if slot and guess else guess)
    assert slot is None or slot in SLOTS
    return slot, step


def _closest(text: str) -> str | None:
    """The step id whose name is closest to ``text`` (difflib), or None."""
    import difflib

    word = normal(text)
    if not word:
        return None
    found = difflib.get_close_matches(word, list(NAMES), n=1, cutoff=0.6)
    return NAMES[found[0]] if found else None


def suggestion_for(text: str) -> str | None:
    """The closest step id (slot-qualified if ``text`` had a slot) for "did you mean", or None."""
    try:
        parse_step_name(text)
    except UnknownStep as err:
        return err.suggestion
    return None


def as_step_id(text: str) -> str | None:
    """``eye cream`` -> ``eye-cream``, ``am:spf`` -> ``am:sunscreen``; None when ``text`` is no
    step name (a rule id such as ``B3`` stays the caller's). For `why`: ``as_step_id(x) or x``."""
    try:
        slot, step = parse_step_name(text)
    except UnknownStep:
        return None
    return f"{slot}:{step}" if slot else step
