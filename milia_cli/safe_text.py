"""The one escaping of text that came from outside (issue 12, item 9).

File names, typed paths, profile names, notes and values may hold terminal escapes
(``ESC ] 0 ; title BEL``, ``ESC [ 2 J``), newlines that forge a second message, bidi
overrides (U+202E) that reverse what follows, or zero-width characters that hide.
Everything milia prints that it did not write itself goes through :func:`one_line`
(names, paths, values in a sentence) or :func:`visible` (multi-line text such as a
note, which keeps its newlines and tabs). Unprintable characters are shown as Python
escapes (``\\x1b``, ``\\u202e``): visible, inert, and copyable.

The one exception is a zero-width joiner inside an emoji sequence (👩‍🔬, ❤️‍🔥): it is
part of the character a person typed, not a hidden one.
"""

from __future__ import annotations

from typing import Any

ZWJ = "\u200d"
_EMOJI_PRESENTATION = "\ufe0f"


def joins_emoji(text: str, i: int) -> bool:
    """Is ``text[i]`` a zero-width joiner between two emoji (``👩`` ZWJ ``🔬``)?"""
    if text[i] != ZWJ or not 0 < i < len(text) - 1:
        return False
    from unicodedata import category  # only for text that is not printable: not on the start-up path

    before = text[i - 1]
    return (category(before) in ("So", "Sk") or before == _EMOJI_PRESENTATION) and category(text[i + 1]) == "So"


def _escape(text: str, keep: str) -> str:
    if text.isprintable():
        return text
    out = []
    for i, ch in enumerate(text):
        if ch.isprintable() or ch in keep or (ch == ZWJ and joins_emoji(text, i)):
            out.append(ch)
        else:
            out.append(ascii(ch)[1:-1])
    return "".join(out)


def one_line(text: object) -> str:
    """``text`` (``str()`` of it) on one harmless line: control characters, newlines, bidi
    controls and zero-width characters escaped (``\\x1b``, ``\\n``, ``\\u202e``)."""
    return _escape(str(text), "")


def visible(text: object) -> str:
    """Like :func:`one_line` but keeps newlines and tabs: for multi-line text (notes, messages)."""
    return _escape(str(text), "\n\t")


def json_text(value: Any) -> str:
    """A value from a JSON file as JSON writes it (``true``, ``null``, ``{"a": 1}``), at most 60
    characters and escaped: for messages about ``log import``, never a Python repr (``True``)."""
    import json

    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = type(value).__name__
    return one_line(text if len(text) <= 60 else text[:57] + "...")
