"""Helpers of the language suites: what a Korean reader sees, and English left in it."""

from __future__ import annotations

import html
import re

# Latin that belongs in a Korean text: names, brands, units, references, what a person types
ALLOWED_LATIN = ("milia", "SPF", "AHA", "BHA", "FDA/CIR", "FDA", "CIR", "LactMed", "NHS SPS", "Europe/Berlin",
                 "Asia/Seoul", "ABCDE", "MILIA_DEBUG", "MILIA_NOW", "MILIA_DB_TIMEOUT", "YYYY-MM-DD", "today",
                 "yesterday", "tomorrow")
_ENGLISH_RUN = re.compile(r"[A-Za-z]{2,}(?:[ ,'’-]+[A-Za-z]{2,}){2,}")
_COMMAND = re.compile(r"`[^`]*`")


def visible_text(page: str) -> str:
    """The text of an HTML page as a reader sees it (no style, script, SVG markup or tags)."""
    page = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.DOTALL)
    page = re.sub(r"<[^>]+>", "\n", page)
    return html.unescape(page)


def english_runs(text: str, *names: str) -> list[str]:
    """Runs of three or more English words in ``text`` (untranslated sentences), leaving out
    commands in backticks, the allowed Latin and the given names."""
    text = _COMMAND.sub(" ", text)
    for word in sorted(ALLOWED_LATIN + names, key=len, reverse=True):
        text = text.replace(word, " ")
    return _ENGLISH_RUN.findall(text)


def hangul(text: str) -> int:
    return sum(1 for c in text if "\uac00" <= c <= "\ud7a3")


def left_in_english(english: str, korean: str, *names: str) -> list[str]:
    """The English sentences (runs of three or more words) of an English run that the same run
    in Korean still shows: what a translation left out. ``names`` (a person's, a product's, the
    ingredients', a source's own words) are allowed in both."""
    return [run for run in english_runs(english, *names) if run in korean]


def without_lines(text: str, *starts: str) -> str:
    """``text`` without the lines that start (after their indent) with one of ``starts``: the
    sources a report cites, which are references kept as written."""
    return "\n".join(line for line in text.splitlines() if not line.strip().startswith(starts))


def without_paths(text: str) -> str:
    """``text`` with the file paths left out (a test's temporary folder has English words in it)."""
    return re.sub(r"/[^\s:()'`]+", " ", text)
