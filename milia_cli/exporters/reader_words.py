"""People's words for what a client reads (issue 17, item 4): no command lines, no rule ids, no S2.

The knowledge base and the planner write for the command line ("log with `milia checkin`",
"(B8, C6)", "an esthetician in S2"): right in a terminal, where `milia why` explains an id,
wrong on paper handed to a client. :func:`for_reader` rewrites such a text for a handout or a
report: sources named as a reader would ("an article in Women's Health"), what to do instead
of which command to run, rule ids dropped. The plan itself is never changed.
"""

from __future__ import annotations

import re
from functools import lru_cache

from milia_cli.messages import Localized
from milia_cli.messages import report as msg

_RULE_IDS = re.compile(r"\s*\((?:[A-EN]\d{1,2})(?:\s*[,/]\s*[A-EN]\d{1,2})*\)")
_SOURCE_PAREN = re.compile(r"\s*\((S[0-3])\)")
_SOURCE_BARE = re.compile(r"\b(S[0-3])\b")
_COMMAND_PAREN = re.compile(r"\s*\([^()]*`milia [^`]*`[^()]*\)")
_COMMAND = re.compile(r"`milia [^`]*`")
_QUOTED = re.compile(r"`([^`]*)`")  # a word set as code ("`today`"): just the word


def _held_pattern() -> re.Pattern[str]:
    from milia_cli.messages import plan as plan_msg

    head, _, tail = plan_msg.HELD_UNLOGGED.partition("{weeks}")
    return re.compile(re.escape(head) + r"weeks? ([\d,–\- and]+)" + re.escape(tail))


_HELD = _held_pattern()


def held_weeks(text: str) -> tuple[int, ...] | None:
    """The weeks of a B4 "no check-ins were logged in week(s) …" notice, or None."""
    m = _HELD.fullmatch(text)
    if not m:
        return None
    weeks: list[int] = []  # the inverse of messages.common.weeks_text: "weeks 1–3, 5 and 7"
    for part in re.split(r",| and ", m[1]):
        first, _, last = part.strip().partition("–")
        if first:
            weeks += range(int(first), int(last or first) + 1)
    return tuple(weeks)


def week_runs(weeks: tuple[int, ...], lang: str = "en") -> str:
    """``(1, 2, 3, 6)`` -> ``weeks 1–3, week 6``."""
    from milia_cli.i18n import tr

    runs: list[list[int]] = []
    for w in sorted(set(weeks)):
        if runs and w == runs[-1][-1] + 1:
            runs[-1].append(w)
        else:
            runs.append([w])
    return tr(msg.WEEK_LIST_JOIN, lang).join(
        tr(msg.WEEK_ONE, lang).format(week=r[0]) if len(r) == 1 else
        tr(msg.WEEK_RUN, lang).format(first=r[0], last=r[-1]) for r in runs)


class Reader(Localized):
    """A text in a reader's words: English as this str; another language by translating the
    original (the planner's Message) first, then rewriting it with that language's phrases."""

    source: str

    def __new__(cls, source: str) -> Reader:
        obj = super().__new__(cls, _reader(source, "en"))
        obj.source = source
        return obj

    def localized(self, lang: str) -> str:
        return _reader(self.source, lang)


def for_reader(text: str) -> str:
    """``text`` in a reader's words (idempotent); in any language when rendered through
    :func:`milia_cli.i18n.tr` (a :class:`Reader`)."""
    if isinstance(text, Reader):
        return text
    return Reader(text)


def _reader(text: str, lang: str) -> str:
    if type(text) is str or lang == "en":
        return _reader_of_value(str(text), lang)
    return _rewrite(text, lang)


@lru_cache(maxsize=4096)
def _reader_of_value(text: str, lang: str) -> str:
    """:func:`_rewrite` of a text whose value alone decides (a plain string, or any Message in
    English, where it is its own text): a batch of 1,000 handouts rewrites the same few hundred."""
    return _rewrite(text, lang)


def _rewrite(text: str, lang: str) -> str:
    from milia_cli.i18n import tr

    weeks = held_weeks(text)
    if weeks is not None:
        return tr(msg.HELD_HERE, lang).format(weeks=week_runs(weeks, lang))
    text = tr(text, lang)
    for before, after in msg.COMMAND_PHRASES + msg.SOURCE_PHRASES:
        text = text.replace(tr(before, lang), tr(after, lang))
    text = _COMMAND_PAREN.sub("", text)
    text = _COMMAND.sub("", text)
    text = _QUOTED.sub(r"\1", text)
    text = _RULE_IDS.sub("", text)
    text = _SOURCE_PAREN.sub(lambda m: f" ({tr(msg.SOURCE_NAMES[m[1]], lang)})", text)
    text = _SOURCE_BARE.sub(lambda m: tr(msg.SOURCE_NAMES[m[1]], lang), text)
    return re.sub(r"\s{2,}", " ", text).replace(" .", ".").replace(" ,", ",").strip()
