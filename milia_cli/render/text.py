"""Plain-text rendering with optional ANSI colour: `milia today`, `milia why`, `milia triage`,
and the width-aware pieces `plan` and `stats` share (wrapping, folding, trailing spaces).

Never imports rich: `milia today` must start as fast as a bare Typer app.
Colour is used only when the caller says so (``env.color``: a terminal, no NO_COLOR).
Text is laid out to a width (``env.width``: the terminal's, ``COLUMNS``, or 80 when piped):
lines break only between words, never inside one (nor at its hyphens), and "10 %" stays whole;
a single word longer than the width is the only thing that may run past it. Widths are
terminal cells: a Hangul syllable takes two (:func:`cells`), so Korean lines fit too.

Every function that writes milia's own text takes ``lang`` (``en`` or ``ko``): the words are
translated where they are written (:func:`milia_cli.i18n.tr`), dates as the language writes them.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from milia_cli.messages import plan as msg
from milia_cli.messages import shelf as shelf_msg

if TYPE_CHECKING:
    from milia_cli.plan import Notice
    from milia_cli.planner import DayView
    from milia_cli.rules import Rule

_CODES = {"bold": "1", "dim": "2", "red": "31", "green": "32", "yellow": "33", "magenta": "35", "cyan": "36"}
LEVEL_STYLE = {"stop": "red", "refer": "magenta", "caution": "yellow", "info": "dim"}
LEVEL_ORDER = ("stop", "refer", "caution", "info")  # most urgent first
FULL_LEVELS = ("stop", "refer")  # never folded
WIDTH = 80  # the default when no width is given (piped without COLUMNS)
NBSP = "\u00a0"  # joins what must stay on one line; turned back into a space once wrapped
ELLIPSIS = "…"
_UNIT = re.compile(r"(?<=\d) (?=[%×])|(?<=SPF) (?=\d)")  # "10 %", "2 ×", "SPF 30+"
_TRAILING = re.compile(r"(?:[ \t]|\x1b\[[0-9;]*m)+$")
_SGR = re.compile(r"\x1b\[[0-9;]*m")


class Painter:
    """Wraps text in ANSI codes when colour is on; a no-op otherwise."""

    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, text: str, *styles: str) -> str:
        if not self.color or not styles:
            return text
        codes = ";".join(_CODES[s] for s in styles)
        if type(text) is not str:  # a Message stays one (painted), so it is still translated where it is printed
            from milia_cli.messages import joined

            return joined(f"\x1b[{codes}m", text, "\x1b[0m")
        return f"\x1b[{codes}m{text}\x1b[0m"


def cells(text: str) -> int:
    """The terminal cells ``text`` takes: wide (East Asian W/F) characters two, others one."""
    if text.isascii():
        return len(text)
    from unicodedata import east_asian_width

    return sum(2 if east_asian_width(c) in "WF" else 1 for c in text)


def _wide(text: str) -> bool:
    return not text.isascii() and cells(text) != len(text)


def _t(text: str, lang: str) -> str:
    """milia's ``text`` in ``lang`` (English: as it is, no catalogue)."""
    if lang == "en":
        return text
    from milia_cli.i18n import tr

    return tr(text, lang)


def keep_together(text: str) -> str:
    """``text`` with the spaces that must not break ("10 %") made non-breaking."""
    return _UNIT.sub(NBSP, text)


def wrap(text: str, indent: str, width: int = WIDTH, subsequent: str | None = None) -> list[str]:
    """``text`` in lines of at most ``width`` cells, broken only between words."""
    rest = indent if subsequent is None else subsequent
    if _wide(text):
        return _wrap_cells(keep_together(text), indent, width, rest)
    lines = textwrap.wrap(keep_together(text), width=width, initial_indent=indent,
                          subsequent_indent=rest, break_long_words=False, break_on_hyphens=False)
    return [line.replace(NBSP, " ") for line in lines] or [indent]


def _wrap_cells(text: str, indent: str, width: int, rest: str) -> list[str]:
    """:func:`wrap` for text with wide characters (Hangul): greedy, between words, by cells."""
    lines: list[str] = []
    line, used = "", 0
    for word in text.split():
        size = cells(word)
        lead = indent if not lines else rest
        if line and cells(lead) + used + 1 + size > width:
            lines.append(lead + line)
            line, used = word, size
            continue
        line, used = (f"{line} {word}", used + 1 + size) if line else (word, size)
    if line or not lines:
        lines.append((indent if not lines else rest) + line)
    return [entry.replace(NBSP, " ") for entry in lines]


def fold(text: str, width: int) -> str:
    """``text`` on one line of at most ``width``: cut between words, with "…" when cut."""
    text = " ".join(text.split())
    if cells(text) <= width:
        return text
    words = keep_together(text).split(" ")
    if NBSP in words[0] and cells(words[0]) + len(ELLIPSIS) > width:  # "0 ×000000" kept whole cannot fit
        words = text.split(" ")
    line = words[0]
    for word in words[1:]:
        if cells(line) + 1 + cells(word) + len(ELLIPSIS) > width:
            break
        line += " " + word
    return (line.rstrip(",;:—–") + ELLIPSIS).replace(NBSP, " ")


def pack(tokens: Sequence[str], width: int, first: int = 0, rest: int = 0, sep: str = " · ") -> list[list[int]]:
    """Greedy lines of token indices joined by ``sep``; a line that goes on ends with ``sep``
    trimmed (" ·"). ``first``/``rest``: the columns taken before the first/other lines.
    A token never breaks: one longer than the line stands alone on it."""
    end = len(sep.rstrip())
    lines: list[list[int]] = []
    length = 0
    for i, token in enumerate(tokens):
        more = end if i < len(tokens) - 1 else 0
        size = cells(token)
        if lines and length + len(sep) + size + more <= width - (first if len(lines) == 1 else rest):
            lines[-1].append(i)
            length += len(sep) + size
            continue
        lines.append([i])
        length = size
    return lines


def packed(tokens: Sequence[str], width: int, lead: str = "", indent: str = "", sep: str = " · ",
           paint: Sequence[str] | None = None) -> list[str]:
    """The tokens as lines (see :func:`pack`) after ``lead``, the next lines after ``indent``;
    ``paint`` gives each token's painted form (same text, with colour)."""
    shown = paint or tokens
    out = []
    rows = pack(tokens, width, cells(lead), cells(indent), sep)
    for n, row in enumerate(rows):
        text = sep.join(shown[i] for i in row) + (sep.rstrip() if n < len(rows) - 1 else "")
        out.append((lead if n == 0 else indent) + text)
    return out or [lead.rstrip()]


def strip_trailing(text: str) -> str:
    """Every line of ``text`` without trailing spaces (colour codes at the end are kept)."""
    return "\n".join(_TRAILING.sub(lambda m: "".join(_SGR.findall(m.group())), line)
                     for line in text.split("\n"))


def level_word(level: str, lang: str) -> str:
    """``caution`` (another language: its word for the level)."""
    return level if lang == "en" else _t(msg.LEVEL_WORDS.get(level, level), lang)


def notice_lines(notices: Iterable[Notice], paint: Painter, indent: str = "  ", width: int = WIDTH,
                 subsequent: str | None = None, lang: str = "en") -> list[str]:
    """Each notice in full: "level ID: text", wrapped to ``width``."""
    lines = []
    for n in notices:
        head = f"{level_word(n.level, lang)} {n.id}:"
        body = wrap(f"{head} {_t(n.text, lang)}", indent, width, subsequent)
        body[0] = body[0].replace(head, paint(head, "bold", LEVEL_STYLE[n.level]), 1)
        lines.extend(body)
    return lines


def by_urgency(notices: Iterable[Notice]) -> list[Notice]:
    """Most urgent first (stop, refer, caution, info); the planner's order within a level."""
    rank = {level: i for i, level in enumerate(LEVEL_ORDER)}
    return sorted(notices, key=lambda n: rank.get(n.level, len(rank)))


def plan_notice_lines(notices: Iterable[Notice], paint: Painter, width: int, *, full: bool,
                      lang: str = "en") -> list[str]:
    """`plan`'s notices, most urgent first: stop and refer always in full, the others folded to
    one line each unless ``full`` (`--notices`), then a line saying how to read them in full."""
    lines: list[str] = []
    folded = 0
    for n in by_urgency(notices):
        if full or n.level in FULL_LEVELS:
            lines.extend(notice_lines([n], paint, "", width, "  ", lang))
            continue
        head = f"{level_word(n.level, lang)} {n.id}:"
        line = fold(f"{head} {_t(n.text, lang)}", width)
        lines.append(line.replace(head, paint(head, "bold", LEVEL_STYLE[n.level]), 1))
        folded += 1
    if folded:
        lines.extend(paint(line, "dim") for line in wrap(_t(msg.NOTICES_FOLDED, lang), "", width))
    return lines


def _step_line(view: DayView, step, paint: Painter, width: int, lang: str = "en") -> list[str]:
    mark = msg.DONE_MARK if step.id in view.done else (
        msg.SKIPPED_MARK if step.id in view.skipped else msg.OPEN_MARK)
    extra = f"  ({_t(msg.NEW, lang)})" if step.id in view.new else ""
    own = _t(shelf_msg.STEP_PRODUCT.format(product=step.product), lang) if step.product else ""  # the shelf
    title = _t(step.title, lang)
    plain = wrap(f"{mark} {title}{own}{extra}", "  ", width, " " * (len(mark) + 3))
    if len(plain) > 1:  # wrapped: plain text, the words matter more than the colour
        return plain
    shown = paint(title, "bold", "magenta") if step.active else title
    return [f"  {paint(mark, 'green') if mark == msg.DONE_MARK else mark} {shown}{own}{paint(extra, 'yellow')}"]


def render_today(view: DayView, color: bool, width: int = WIDTH, lang: str = "en") -> str:
    from milia_cli.messages import When
    from milia_cli.messages.words import Words

    paint = Painter(color)
    day = view.day
    title = msg.TODAY_TITLE.format(weekday=When(day.date.strftime("%A"), day.date, "weekday"),
                                   day=When(day.date.isoformat(), day.date, "long"), week=day.week,
                                   dayno=view.day_number, name=view.name or view.profile)
    out = [paint(line, "bold") for line in wrap(_t(title, lang), "", width, "  ")]
    for label, when, steps in ((msg.MORNING, view.am_time, day.am), (msg.EVENING, view.pm_time, day.pm)):
        out.append("")
        out.append(paint(f"{_t(label, lang)} ({when})", "bold", "cyan"))
        for step in steps:
            out.extend(_step_line(view, step, paint, width, lang))
            if step.active:
                where = msg.APPLY_TO.format(areas=Words(step.areas)) + "; " + msg.AVOID.format(areas=Words(step.avoid))
                out.extend(wrap(_t(where, lang), "      ", width))
                out.extend(wrap(_t(step.how, lang), "      ", width))
    if view.level_changes:
        out.append("")
        for lv_step, lv in view.level_changes:
            out.extend(wrap(_t(msg.LEVEL_CHANGE.format(step=Words((lv_step,)), n=lv.per_week, week=lv.week,
                                                       reason=lv.reason, rules=", ".join(lv.rules)), lang),
                            "  ", width, "    "))
    if view.notices:
        out.append("")
        out.append(paint(_t(msg.NOTICES, lang), "bold"))
        out.extend(notice_lines(view.notices, paint, "  ", width, "    ", lang))
    return "\n".join(out)


def render_rule(rule: Rule, color: bool, lang: str = "en") -> str:
    paint = Painter(color)
    out = [paint(f"{rule.id} — {_t(rule.title, lang)}", "bold")]
    rows = [(msg.WHEN, rule.when), (msg.ACTION, rule.action), (msg.LEVEL, level_word(rule.level, lang)),
            (msg.SOURCE, rule.source)]
    if rule.disagreement:
        rows.append((msg.DISAGREEMENT, rule.disagreement))
    if rule.design:
        rows.append((msg.DESIGN, rule.design))
    column = 18 if lang == "en" else max(18, 4 + max(cells(_t(label, lang)) for label, _ in rows))
    for label, text in rows:
        lines = wrap(_t(text, lang), " " * column)
        head = f"  {_t(label, lang)}:"
        lines[0] = paint(head + " " * max(1, column - cells(head)), "cyan") + lines[0][column:]
        out.extend(lines)
    return "\n".join(out)


def render_rules(title: str, rules: Iterable[Rule], color: bool, *, full: bool, lang: str = "en") -> str:
    """Rules in full (``why STEP``) or as a one-line-per-rule index grouped by section (``why``)."""
    from milia_cli.rules import GROUPS

    paint = Painter(color)
    out = [paint(_t(title, lang), "bold")]
    if full:
        for r in rules:
            out += ["", render_rule(r, color, lang)]
        return "\n".join(out)
    group = None
    for r in rules:
        if r.group != group:
            group = r.group
            out += ["", paint(_t(GROUPS[group], lang), "bold", "cyan")]
        lines = wrap(f"{r.id:<4} {_t(r.title, lang)} ({level_word(r.level, lang)})", "  ", WIDTH, " " * 7)
        lines[0] = "  " + paint(r.id, LEVEL_STYLE[r.level]) + lines[0][2 + len(r.id):]
        out.extend(lines)
    return "\n".join(out)
