"""`milia plan` with rich: notices at the top, then one table per week (day, morning, evening).

Readable in 80 columns: steps are short labels, actives in CAPITALS and
highlighted (so the table reads the same with NO_COLOR). Imported only by `plan`.
"""

from __future__ import annotations

from typing import Any, Iterable

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from milia_cli.messages import plan as msg
from milia_cli.plan import Day, Plan, Step
from milia_cli.catalogue import SHORT

LEVEL_STYLE = {"stop": "bold red", "refer": "bold magenta", "caution": "bold yellow", "info": "dim"}
ACTIVE_STYLE = "bold magenta"


def console_for(env: Any) -> Console:
    return Console(file=env.stdout, force_terminal=env.color, no_color=not env.color, highlight=False,
                   emoji=False, width=None if env.stdout_isatty else 80)


def steps_text(steps: Iterable[Step]) -> Text:
    text = Text()
    for i, step in enumerate(steps):
        if i:
            text.append(" · ", style="dim")
        text.append(SHORT[step.step], style=ACTIVE_STYLE if step.active else "")
    return text


def level_summary(plan: Plan, week: int) -> str:
    """The week's level of each active; a week a pause, stop or aftercare emptied says so."""
    parts = []
    days = plan.week(week)
    for step, hist in plan.levels.items():
        current = [lv for lv in hist if lv.week <= week]
        if current and current[-1].per_week:
            parts.append(msg.WEEK_LEVELS.format(step=step, n=current[-1].per_week))
    if parts and days and len(days) == 7 and not any(s.active for d in days for s in d.pm):
        return msg.WEEK_NO_ACTIVES
    return ", ".join(parts) or msg.WEEK_NO_ACTIVES


def week_table(plan: Plan, week: int, days: tuple[Day, ...]) -> Table:
    title = msg.WEEK_TITLE.format(week=week, first=days[0].date.isoformat(), last=days[-1].date.isoformat())
    changes = [msg.LEVEL_CHANGE.format(step=step, n=lv.per_week, week=lv.week, reason=lv.reason,
                                       rules=", ".join(lv.rules))
               for step, hist in plan.levels.items() for lv in hist if lv.week == week and lv.reason]
    table = Table(title=f"{title} · {level_summary(plan, week)}", title_justify="left", title_style="bold",
                  caption="\n".join(changes) or None, caption_justify="left", box=box.SIMPLE_HEAD,
                  show_lines=False, pad_edge=False)
    table.add_column("Day", no_wrap=True, style="cyan")
    table.add_column(msg.MORNING, ratio=1)
    table.add_column(msg.EVENING, ratio=1)
    for day in days:
        table.add_row(day.date.strftime("%a %d %b"), steps_text(day.am), steps_text(day.pm))
    return table


def render_plan(plan: Plan, env: Any) -> None:
    console = console_for(env)
    for n in plan.notices:
        line = Text()
        line.append(f"{n.level} {n.id}: ", style=LEVEL_STYLE[n.level])
        line.append(n.text)
        console.print(line)
    if plan.days and not any(d.am or d.pm for d in plan.days):  # A8: no plan, only the referral
        console.print(Text(msg.NO_STEPS, style="bold"))
        return
    console.print(Text(msg.LEGEND, style="dim"))
    from milia_cli.products import use_lines  # the person's own products (the shelf)

    own = use_lines(plan.days)
    if own:
        from milia_cli.messages import shelf as shelf_msg

        console.print(Text("\n".join([shelf_msg.PLAN_PRODUCTS] + ["  " + line for line in own])))
    weeks = sorted({d.week for d in plan.days})
    for week in weeks:
        days = tuple(d for d in plan.days if d.week == week)
        console.print()
        console.print(week_table(plan, week, days))
