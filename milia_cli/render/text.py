"""Plain-text rendering with optional ANSI colour: `milia today`, `milia why`, `milia triage`.

Never imports rich: `milia today` must start as fast as a bare Typer app.
Colour is used only when the caller says so (``env.color``: a terminal, no NO_COLOR).
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Iterable

from milia_cli.messages import plan as msg
from milia_cli.messages import shelf as shelf_msg

if TYPE_CHECKING:
    from milia_cli.plan import Notice
    from milia_cli.planner import DayView
    from milia_cli.rules import Rule

_CODES = {"bold": "1", "dim": "2", "red": "31", "green": "32", "yellow": "33", "magenta": "35", "cyan": "36"}
LEVEL_STYLE = {"stop": "red", "refer": "magenta", "caution": "yellow", "info": "dim"}
WIDTH = 80


class Painter:
    """Wraps text in ANSI codes when colour is on; a no-op otherwise."""

    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, text: str, *styles: str) -> str:
        if not self.color or not styles:
            return text
        codes = ";".join(_CODES[s] for s in styles)
        return f"\x1b[{codes}m{text}\x1b[0m"


def wrap(text: str, indent: str, width: int = WIDTH) -> list[str]:
    return textwrap.wrap(text, width=width, initial_indent=indent, subsequent_indent=indent) or [indent]


def notice_lines(notices: Iterable["Notice"], paint: Painter, indent: str = "  ") -> list[str]:
    lines = []
    for n in notices:
        head = f"{n.level} {n.id}:"
        body = wrap(f"{head} {n.text}", indent)
        body[0] = body[0].replace(head, paint(head, "bold", LEVEL_STYLE[n.level]), 1)
        lines.extend(body)
    return lines


def render_today(view: "DayView", color: bool) -> str:
    paint = Painter(color)
    day = view.day
    out = [paint(msg.TODAY_TITLE.format(weekday=day.date.strftime("%A"), day=day.date.isoformat(),
                                        week=day.week, dayno=view.day_number, name=view.name or view.profile), "bold")]
    for label, when, steps in ((msg.MORNING, view.am_time, day.am), (msg.EVENING, view.pm_time, day.pm)):
        out.append("")
        out.append(paint(f"{label} ({when})", "bold", "cyan"))
        for step in steps:
            mark = msg.DONE_MARK if step.id in view.done else (
                msg.SKIPPED_MARK if step.id in view.skipped else msg.OPEN_MARK)
            title = paint(step.title, "bold", "magenta") if step.active else step.title
            extra = f"  ({msg.NEW})" if step.id in view.new else ""
            own = shelf_msg.STEP_PRODUCT.format(product=step.product) if step.product else ""  # the shelf
            out.append(f"  {paint(mark, 'green') if mark == msg.DONE_MARK else mark} {title}{own}"
                       f"{paint(extra, 'yellow')}")
            if step.active:
                out.extend(wrap(msg.APPLY_TO.format(areas=", ".join(step.areas)) + "; "
                                + msg.AVOID.format(areas=", ".join(step.avoid)), "      "))
                out.extend(wrap(step.how, "      "))
    if view.level_changes:
        out.append("")
        for lv_step, lv in view.level_changes:
            out.extend(wrap(msg.LEVEL_CHANGE.format(step=lv_step, n=lv.per_week, week=lv.week, reason=lv.reason,
                                                    rules=", ".join(lv.rules)), "  "))
    if view.notices:
        out.append("")
        out.append(paint(msg.NOTICES, "bold"))
        out.extend(notice_lines(view.notices, paint))
    return "\n".join(out)


def render_rule(rule: "Rule", color: bool) -> str:
    paint = Painter(color)
    out = [paint(f"{rule.id} — {rule.title}", "bold")]
    rows = [(msg.WHEN, rule.when), (msg.ACTION, rule.action), (msg.LEVEL, rule.level), (msg.SOURCE, rule.source)]
    if rule.disagreement:
        rows.append((msg.DISAGREEMENT, rule.disagreement))
    if rule.design:
        rows.append((msg.DESIGN, rule.design))
    for label, text in rows:
        lines = wrap(text, " " * 18)
        lines[0] = paint(f"  {label}:".ljust(18), "cyan") + lines[0][18:]
        out.extend(lines)
    return "\n".join(out)


def render_rules(title: str, rules: Iterable["Rule"], color: bool, *, full: bool) -> str:
    """Rules in full (``why STEP``) or as a one-line-per-rule index grouped by section (``why``)."""
    from milia_cli.rules import GROUPS

    paint = Painter(color)
    out = [paint(title, "bold")]
    if full:
        for r in rules:
            out += ["", render_rule(r, color)]
        return "\n".join(out)
    group = None
    for r in rules:
        if r.group != group:
            group = r.group
            out += ["", paint(GROUPS[group], "bold", "cyan")]
        lines = textwrap.wrap(f"{r.id:<4} {r.title} ({r.level})", width=WIDTH, initial_indent="  ",
                              subsequent_indent=" " * 7)
        lines[0] = "  " + paint(r.id, LEVEL_STYLE[r.level]) + lines[0][2 + len(r.id):]
        out.extend(lines)
    return "\n".join(out)
