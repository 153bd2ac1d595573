"""`milia plan` with rich: the notices (stop and refer in full, the others one line each, all in
full with ``--notices``), then one table per week, laid out to the width (``env.width``).

Compact: a week whose morning does not change is said once above its table (Day, Evening);
today's row is marked "◀ today" in plain text. Step labels never break inside ("eye cream"),
actives are in CAPITALS and highlighted (so the table reads the same with NO_COLOR), and no
line ends in spaces. Imported only by `plan`. In the run's language (``env.language``): labels
and notices translated, dates as the language writes them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from milia_cli.catalogue import SHORT
from milia_cli.messages import plan as msg
from milia_cli.plan import Day, Plan, Step
from milia_cli.render.text import Painter, _t, pack, packed, plan_notice_lines, strip_trailing, wrap

ACTIVE_STYLE = "bold magenta"
SEP = " · "


class StepList:
    """Step labels joined by " · ", wrapped only between labels: a rich renderable whose
    narrowest width is its longest label, so a table column never splits "eye cream"."""

    def __init__(self, steps: Iterable[Step], lang: str = "en") -> None:
        self.labels = [(_t(SHORT[s.step], lang), ACTIVE_STYLE if s.active else "") for s in steps]

    def __rich_measure__(self, console: Console, options: Any) -> Measurement:
        if not self.labels:
            return Measurement(0, 0)
        widths = [cell_len(label) for label, _ in self.labels]
        end = len(SEP.rstrip())
        narrowest = max(w + (end if i < len(widths) - 1 else 0) for i, w in enumerate(widths))
        widest = sum(widths) + len(SEP) * (len(widths) - 1)
        return Measurement(narrowest, widest).clamp(max_width=options.max_width)

    def __rich_console__(self, console: Console, options: Any) -> Any:
        text = Text(no_wrap=True, overflow="ignore")
        rows = pack([label for label, _ in self.labels], options.max_width, sep=SEP)
        for n, row in enumerate(rows):
            if n:
                text.append("\n")
            for j, i in enumerate(row):
                if j:
                    text.append(SEP, style="dim")
                label, style = self.labels[i]
                text.append(label, style=style)
            if n < len(rows) - 1:
                text.append(SEP.rstrip(), style="dim")
        yield text


def shown(steps: Iterable[Step]) -> tuple[tuple[str, bool], ...]:
    """What a row shows of a slot: the labels and which are actives."""
    return tuple((SHORT[s.step], s.active) for s in steps)


def same_morning(days: tuple[Day, ...]) -> bool:
    return len({shown(d.am) for d in days}) == 1


def level_summary(plan: Plan, week: int, lang: str = "en") -> str:
    """The week's level of each active; a week a pause, stop or aftercare emptied says so."""
    from milia_cli.messages.words import Words

    parts = []
    days = plan.week(week)
    for step, hist in plan.levels.items():
        current = [lv for lv in hist if lv.week <= week]
        if current and current[-1].per_week:
            parts.append(_t(msg.WEEK_LEVELS.format(step=Words((step,)), n=current[-1].per_week), lang))
    if parts and days and len(days) == 7 and not any(s.active for d in days for s in d.pm):
        return _t(msg.WEEK_NO_ACTIVES, lang)
    return ", ".join(parts) or _t(msg.WEEK_NO_ACTIVES, lang)


def day_cell(day: Day, today: date | None, lang: str = "en") -> Text:
    from milia_cli.messages import When

    text = Text(_t(When(day.date.strftime("%a %d %b"), day.date, "month-day-weekday"), lang), style="cyan")
    if day.date == today:
        text.append(" ")
        text.append(_t(msg.TODAY_MARK, lang), style="bold")
    return text


def week_table(days: tuple[Day, ...], today: date | None, *, morning: bool, lang: str = "en") -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, show_lines=False, header_style="bold")
    table.add_column(_t(msg.DAY_COLUMN, lang), no_wrap=True)
    if morning:
        table.add_column(_t(msg.MORNING, lang))
    table.add_column(_t(msg.EVENING, lang))
    for day in days:
        row = [day_cell(day, today, lang)] + ([StepList(day.am, lang)] if morning else []) + [StepList(day.pm, lang)]
        table.add_row(*row)
    return table


def week_lines(plan: Plan, week: int, days: tuple[Day, ...], console: Console, paint: Painter,
               today: date | None, lang: str = "en") -> list[str]:
    """One week: its title and levels, the morning when it does not change, the table, the changes."""
    from milia_cli.messages import When
    from milia_cli.messages.words import Words

    width = console.width
    title = _t(msg.WEEK_TITLE.format(week=week, first=When(days[0].date.isoformat(), days[0].date, "month-day"),
                                     last=When(days[-1].date.isoformat(), days[-1].date, "month-day")), lang)
    out = [paint(line, "bold") for line in wrap(f"{title} · {level_summary(plan, week, lang)}", "", width, "  ")]
    once = same_morning(days)
    if once:
        steps = days[0].am
        every = _t(msg.MORNING_EVERY_DAY, lang)
        labels = [_t(SHORT[s.step], lang) for s in steps]
        painted = [paint(label, "bold", "magenta") if s.active else label
                   for s, label in zip(steps, labels, strict=True)]
        lines = packed(labels, width, every + " ", "  ", SEP, painted)
        lines[0] = paint(every, "bold", "cyan") + lines[0][len(every):]
        out += lines
    with console.capture() as capture:
        console.print(week_table(days, today, morning=not once, lang=lang))
    out += capture.get().rstrip("\n").split("\n")
    for step, hist in plan.levels.items():
        for lv in hist:
            if lv.week == week and lv.reason:
                out += wrap(_t(msg.LEVEL_CHANGE.format(step=Words((step,)), n=lv.per_week, week=lv.week,
                                                       reason=lv.reason, rules=", ".join(lv.rules)), lang),
                            "", width, "  ")
    return out


def render_plan(plan: Plan, env: Any, *, today: date | None = None, all_notices: bool = False) -> None:
    """The plan to ``env.stdout``; ``today`` marks its row, ``all_notices`` (`--notices`) shows
    every notice in full."""
    width = env.width
    lang = getattr(env, "language", "en")
    paint = Painter(env.color)
    console = env.console(width=width)
    out = plan_notice_lines(plan.notices, paint, width, full=all_notices, lang=lang)
    if plan.days and not any(d.am or d.pm for d in plan.days):  # A8: no plan, only the referral
        out.append(paint(_t(msg.NO_STEPS, lang), "bold"))
    else:
        out += [paint(line, "dim") for line in wrap(_t(msg.LEGEND, lang), "", width)]
        from milia_cli.products import use_lines  # the person's own products (the shelf)

        own = use_lines(plan.days)
        if own:
            from milia_cli.messages import shelf as shelf_msg

            out += [_t(shelf_msg.PLAN_PRODUCTS, lang)] + [line for item in own
                                                          for line in wrap(_t(item, lang), "  ", width, "    ")]
        for week in sorted({d.week for d in plan.days}):
            days = tuple(d for d in plan.days if d.week == week)
            out += [""] + week_lines(plan, week, days, console, paint, today, lang)
    env.stdout.write(strip_trailing("\n".join(out)) + "\n")
