"""A printed ingredient list into names: what a real label looks like, pasted.

Handles case, ``Aqua/Water/Eau``, parentheses, "may contain (+/-)" and ``[+/-: …]``,
``*``/``†`` footnote marks and footnote lines, percentages written inline (``Glycolic Acid 10%``,
``(1,000ppm)``), trailing full stops, line breaks, bullets, "Ingredients:"/"전성분:" headers,
US drug-facts "Active/Inactive ingredients", and Korean names with or without spaces.
Commas inside parentheses or between digits (``1,2-Hexanediol``) do not separate names.
"""

from __future__ import annotations

import re
import unicodedata

from milia_cli.records import NamedTuple

MAX_LABEL_CHARS = 64 * 1024  # a label is a few hundred characters; more is not a label


class LabelItem(NamedTuple):
    printed: str  # as on the label (footnote marks and percentage kept)
    name: str  # cleaned and lower-cased: what is matched
    percent: float | None = None  # a strength printed with the name
    may_contain: bool = False  # after "may contain (+/-)"
    lines: tuple[str, ...] = ()  # the pieces of a name that ran over a line break, to try apart


_HEADER = re.compile(
    r"(?i)(?:^|(?<=[\s,;.]))(?:(?:in)?active\s+ingredients?|other\s+ingredients|ingredients?|inci|"
    r"composition|ingr[ée]dients|zutaten|전\s*성분|성분)\s*(?:\([^)]*\))?\s*[:：]")
_MAY_CONTAIN = re.compile(
    r"(?i)\[?\s*(?:\(\s*)?(?:\+\s*/\s*[-−–]|±)(?:\s*\))?\s*(?:may\s+contain|peut\s+contenir|kann\s+enthalten)?\s*[:：]?"
    r"|(?:may\s+contain|peut\s+contenir|kann\s+enthalten)\s*(?:\(\s*\+\s*/\s*[-−–]\s*\))?\s*[:：]?")
_PERCENT = re.compile(r"\(?\s*(?<![\w.])(\d+(?:[.,]\d+)?)\s*%\s*(?:w/w|w/v)?\s*\)?")
_PPM = re.compile(r"(?i)\(?\s*(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*ppm\s*\)?")
_MARKS = re.compile(r"[*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰°#]+")
_SPACES = re.compile(r"\s+")
_PHARMACOPOEIA = re.compile(r"(?i)\s+(?:usp|nf|bp|ph\.?\s*eur\.?|jp)\b\.?(?=\s*$)")  # "Hydroquinone USP"
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_DASH_SEPARATOR = re.compile(r"(?<=\S)[ \t]+[-–—][ \t]+(?=\S)")
_BLEND = re.compile(r"(?i)\s*\(\s*and\s*\)\s*|\s+&\s+")
_SEPARATORS = ",;•·|"  # a line break is not one by itself: see _wrapped
# A slash inside one substance's name, not between synonyms: Lactic Acid/Glycolic Acid Copolymer,
# Caprylic/Capric Triglyceride, Cetyl PEG/PPG-10/1 Dimethicone, Tasmannia Lanceolata Fruit/Leaf Extract.
_ONE_SUBSTANCE = re.compile(r"(?i)polymer|glyceride|\bpeg\b|\bppg\b|/\d|\b(?:fruit|leaf|flower|seed|root|stem)/|폴리머|글리세라이드|피이지|피피지")


def split_label(text: str) -> list[LabelItem]:
    """Every name on a label, in order, with its printed strength and may-contain mark."""
    text = unicodedata.normalize("NFKC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u200b", "").replace("\ufeff", "")
    text = _HEADER.sub(",", text)
    text = _DASH_SEPARATOR.sub(", ", text)  # "Aqua - Glycerin - Retinol"; PEG-40 keeps its hyphen
    main, extra = _split_may_contain(text)
    items = [_wrapped(raw, False) for raw in _pieces(main)]
    items += [_wrapped(raw, True) for raw in _pieces(extra)]
    return [item for item in items if item is not None]


def _wrapped(raw: str, may_contain: bool) -> LabelItem | None:
    """A line break without a separator before it is either a name wrapped on the pack
    ("Salicylic\nAcid") or a list printed one name a line: the classifier keeps the joined
    name only when it is a listed one, and otherwise takes the lines apart."""
    item = make_item(raw, may_contain)
    lines = tuple(line for line in raw.split("\n") if line.strip())
    if item is None or len(lines) < 2:
        return item
    return item._replace(lines=lines)


def _split_may_contain(text: str) -> tuple[str, str]:
    match = _MAY_CONTAIN.search(text)
    if match is None:
        return text, ""
    rest = text[match.end():]
    return text[:match.start()], rest.replace("[", " ").replace("]", " ")


def _pieces(text: str) -> list[str]:
    """Split at separators outside parentheses; a comma between digits belongs to the name;
    a full stop ends a name only before a space, a line break or the end. Line breaks stay
    inside the pieces (see :func:`_wrapped`)."""
    out: list[str] = []
    depth, start = 0, 0
    n = len(text)
    unclosed = _unclosed_openers(text)
    for i, ch in enumerate(text):
        if ch in "([{":
            depth += i not in unclosed  # "A{; B": a bracket never closed is text, not a group
        elif ch in ")]}":
            depth = max(0, depth - 1)
        elif ch == "\n":
            depth = 0  # an unclosed parenthesis never swallows the next line
        split = False
        if ch in _SEPARATORS and depth == 0:
            split = not (ch == "," and 0 < i < n - 1 and text[i - 1].isdigit() and text[i + 1].isdigit())
        elif ch == "." and depth == 0 and (i == n - 1 or text[i + 1].isspace()):
            split = True
        if split:
            out.append(text[start:i])
            start = i + 1
    out.append(text[start:])
    pieces: list[str] = []
    for piece in out:
        pieces.extend(_BLEND.split(piece))
    return pieces


def _unclosed_openers(text: str) -> set[int]:
    """The positions of "(", "[" or "{" that no bracket closes on their line."""
    stack: list[int] = []
    unclosed: set[int] = set()
    for i, ch in enumerate(text):
        if ch in "([{":
            stack.append(i)
        elif ch in ")]}":
            if stack:
                stack.pop()
        elif ch == "\n":
            unclosed.update(stack)
            stack.clear()
    unclosed.update(stack)
    return unclosed


def make_item(raw: str, may_contain: bool = False) -> LabelItem | None:
    """One printed name cleaned for matching; None for a footnote line or no name at all."""
    printed = _SPACES.sub(" ", raw).strip(" \t.:-–")
    if not printed or printed.startswith(("*", "†", "‡")):  # a footnote line ("*organic")
        return None
    name, percent = _strength(printed)
    name = _MARKS.sub("", name)
    name = re.sub(r"(?i)\[\s*nano\s*\]|\(\s*nano\s*\)", "", name)
    name = re.sub(r"(?i)^(?:and|&)\s+", "", name)
    name = _PHARMACOPOEIA.sub("", name)
    name = _SPACES.sub(" ", name).strip(" .:;-–[]").casefold()
    name = re.sub(r"\(\s*\)", "", name).strip()
    if not name or not any(ch.isalpha() for ch in name):
        return None
    return LabelItem(printed=printed, name=name, percent=percent, may_contain=may_contain)


def _strength(text: str) -> tuple[str, float | None]:
    percent: float | None = None
    match = _PERCENT.search(text)
    if match is not None:
        percent = float(match.group(1).replace(",", "."))
        text = text[:match.start()] + " " + text[match.end():]
    else:
        match = _PPM.search(text)
        if match is not None:
            percent = float(match.group(1).replace(",", "")) / 10_000
            text = text[:match.start()] + " " + text[match.end():]
    return text, percent


def slash_parts(printed: str) -> list[str]:
    """The ``/``-separated parts of a printed name, outside parentheses: always at a spaced
    `` / ``, and at a tight ``/`` unless it belongs to one substance's name (Caprylic/Capric
    Triglyceride). ``[]`` when there is nothing to split."""
    parts: list[str] = []
    for segment in _split_outside(printed, " / "):
        if "/" in segment and not _ONE_SUBSTANCE.search(segment):
            parts.extend(_split_outside(segment, "/"))
        else:
            parts.append(segment)
    parts = [p for p in parts if p.strip()]
    return parts if len(parts) > 1 else []


def _split_outside(text: str, sep: str) -> list[str]:
    out, depth, start, i = [], 0, 0, 0
    while i < len(text):
        ch = text[i]
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth = max(0, depth - 1)
        elif depth == 0 and text.startswith(sep, i):
            out.append(text[start:i])
            i += len(sep)
            start = i
            continue
        i += 1
    out.append(text[start:])
    return out


def keys(name: str) -> list[str]:
    """The lookup keys of a cleaned name, most specific first: the whole name, the name
    without its parenthesised part, each parenthesised part, then each ``/`` alternative."""
    outer = re.sub(r"\([^)]*\)", " ", name)
    inner = re.findall(r"\(([^)]*)\)", name)
    whole = name.replace("(", " ").replace(")", " ")
    candidates = [whole, outer, *inner]
    for text in (outer, *inner):
        if "/" in text and not _ONE_SUBSTANCE.search(text):  # Aqua/Water/Eau: synonyms
            candidates.extend(text.split("/"))
    out: list[str] = []
    for cand in candidates:
        key = compact(cand)
        if key and key not in out:
            out.append(key)
    return out


def compact(text: str) -> str:
    """A name reduced for lookup: lower case, no spaces, hyphens or apostrophes
    (``Alpha-Isomethyl Ionone`` = ``alpha isomethyl ionone``; ``레티닐 팔미테이트`` = ``레티닐팔미테이트``)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\s\-‐‑–—'’`.()\[\]]+", "", text)


def spaced(text: str) -> str:
    """A name with parentheses dropped and spaces collapsed (for the suffix patterns)."""
    return _SPACES.sub(" ", re.sub(r"[()]", " ", text)).strip()


def is_korean(text: str) -> bool:
    return bool(_HANGUL.search(text))
