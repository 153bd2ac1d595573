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

import unicodedata

ZWJ = "\u200d"
_EMOJI_PRESENTATION = "\ufe0f"


def _emoji_like(ch: str) -> bool:
    return unicodedata.category(ch) in ("So", "Sk") or ch == _EMOJI_PRESENTATION


def joins_emoji(text: str, i: int) -> bool:
    """Is ``text[i]`` a zero-width joiner between two emoji (``👩`` ZWJ ``🔬``)?"""
    return (text[i] == ZWJ and 0 < i < len(text) - 1 and _emoji_like(text[i - 1])
            and unicodedata.category(text[i + 1]) == "So")


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
