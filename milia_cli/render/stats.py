"""Rendering of `milia stats` with rich: adherence table, month-grid heatmap, sparklines, levels
(the level in effect when the window starts and the changes after it; `--json` has them all).

The heatmap uses a distinct glyph per kind of day, so it reads the same with
``NO_COLOR`` (colour only adds emphasis). Imported only by the stats command.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from milia_cli.messages import log as msg
from milia_cli.stats import KEPT, MISSED, OPEN, REST, DayStatus, LevelChange, Stats, levels_in_window, sparkline

# kind of day -> (glyph, style)
CELLS = {
    "kept": ("●", "bold green"),
    "partial": ("◐", "yellow"),
    "missed": ("×", "bold red"),
    "rest": ("·", "dim"),
    "open": ("○", "cyan"),
}
MAX_SPARK = 60  # longer series are shown one bar per week


def cell_kind(day: DayStatus) -> str:
    if day.state == KEPT:
        return "kept"
    if day.state == OPEN:
        return "open"
    if day.logged and day.done:
        return "partial"
    if day.state == REST:
        return "rest"
    return "missed" if day.state == MISSED else "rest"


def month_grids(days: tuple[DayStatus, ...]) -> list[tuple[str, list[list[str | None]]]]:
    """Per month: its title and week rows of 7 cell kinds (None outside the window)."""
    by_date = {d.date: d for d in days}
    if not days:
        return []
    out = []
    month = date(days[0].date.year, days[0].date.month, 1)
    last = days[-1].date
    while month <= last:
        nxt = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
        rows: list[list[str | None]] = []
        cursor = month - timedelta(days=month.weekday())
        while cursor < nxt:
            row = []
            for i in range(7):
                d = cursor + timedelta(days=i)
                status = by_date.get(d) if month <= d < nxt else None
                row.append(cell_kind(status) if status else None)
            if any(row):
                rows.append(row)
            cursor += timedelta(days=7)
        out.append((month.strftime("%B %Y"), rows))
        month = nxt
    return out


PANEL_GAP = 3  # spaces between month grids


def _heatmap(days: tuple[DayStatus, ...], width: int) -> Text:
    """The month grids side by side, as many to a band as ``width`` holds.

    Laid out by hand as one Text: the same lines rich's Columns gives for these
    equal-width grids, at a fraction of the cost. A grid's lines are its title, the
    weekdays, its week rows and a blank line; a short band is padded to the full width.
    """
    grids = month_grids(days)
    cell_width = 7 * 2 + 6  # " g" per day, a space between days
    panel_width = max([cell_width, len(msg.STATS_WEEKDAYS)] + [len(title) for title, _ in grids])
    per_band = max(1, min(len(grids), (width + PANEL_GAP) // (panel_width + PANEL_GAP)))
    gap, blank = " " * PANEL_GAP, " " * panel_width
    text = Text(style="bold")
    for band_start in range(0, len(grids), per_band):
        band = grids[band_start:band_start + per_band]
        band += [("", [])] * (per_band - len(band))
        for line in range(3 + max(len(rows) for _, rows in band)):
            if line or band_start:
                text.append("\n")
            for i, (title, rows) in enumerate(band):
                if i:
                    text.append(gap)
                if not title or line - 2 >= len(rows):
                    text.append(blank)
                elif line == 0:
                    text.append(title.ljust(panel_width))
                elif line == 1:
                    text.append(msg.STATS_WEEKDAYS.ljust(panel_width), style="dim")
                else:
                    for k, kind in enumerate(rows[line - 2]):
                        glyph, style = CELLS[kind] if kind else (" ", "")
                        text.append(f" {glyph}", style=style)
                        if k < 6:
                            text.append(" ")
                    text.append(" " * (panel_width - cell_width))
    return text


def _legend() -> str:
    return msg.STATS_LEGEND.format(**{kind: glyph for kind, (glyph, _) in CELLS.items()})


def _series(days: tuple[DayStatus, ...], values: tuple[tuple[date, int], ...]) -> tuple[list[int | None], bool]:
    """One value per window day (None where not logged), or per week for long windows."""
    by_date = dict(values)
    daily = [by_date.get(d.date) for d in days]
    if len(daily) <= MAX_SPARK:
        return daily, False
    weekly = []
    for i in range(0, len(daily), 7):
        chunk = [v for v in daily[i:i + 7] if v is not None]
        weekly.append(max(chunk) if chunk else None)
    return weekly, True


def _adherence(stats: Stats) -> Table:
    table = Table(title=msg.STATS_ADHERENCE_TITLE, title_justify="left", show_edge=False)
    table.add_column(msg.STATS_COL_STEP)
    table.add_column(msg.STATS_COL_DONE, justify="right")
    table.add_column(msg.STATS_COL_PLANNED, justify="right")
    table.add_column(msg.STATS_COL_RATE, justify="right")
    for s in stats.steps:
        table.add_row(s.step, str(s.done), str(s.planned), _pct(s.rate))
    table.add_section()
    table.add_row(msg.STATS_OVERALL, str(stats.overall_done), str(stats.overall_planned), _pct(stats.overall),
                  style="bold")
    return table


def _days(n: int) -> str:
    return (msg.DAYS_ONE if n == 1 else msg.DAYS_MANY).format(n=n)


def _pct(rate: float | None) -> str:
    return "–" if rate is None else f"{rate * 100:.0f}"


def render_stats(stats: Stats, env: Any, *, profile_name: str) -> None:
    console = Console(file=env.stdout, force_terminal=env.color, no_color=not env.color, highlight=False,
                      emoji=False, width=None if env.stdout_isatty else 100)
    console.print(msg.STATS_TITLE.format(name=profile_name, first=stats.first, last=stats.last,
                                         days=stats.days_planned, logged=stats.days_logged), style="bold",
                  markup=False)
    if not stats.days:
        console.print(msg.STATS_NOTHING_YET)
        return
    console.print(msg.STATS_STREAK.format(current=_days(stats.current_streak), best=_days(stats.best_streak)),
                  markup=False)
    console.print(msg.STATS_STREAK_HINT, style="dim", markup=False)
    console.print()
    console.print(_adherence(stats))
    console.print()
    console.print(Text(msg.STATS_CALENDAR_TITLE, style="bold"))
    grid = _heatmap(stats.days, console.width)
    console.print(grid if env.color else grid.plain, soft_wrap=True, markup=False)  # no styles to lay out
    console.print(_legend(), markup=False)
    console.print()
    weekly = False
    for template, what, values, top in (
        (msg.STATS_IRRITATION, "Irritation", stats.irritation, 3),
        (msg.STATS_BUMPS, "New bumps", stats.bumps, None),
    ):
        if not values:
            console.print(msg.STATS_NO_SERIES.format(what=what), markup=False)
            continue
        series, weekly_here = _series(stats.days, values)
        weekly = weekly or weekly_here
        line = sparkline(series, top=top)
        console.print(template.format(line=line, last=values[-1][1], top=max(v for _, v in values)), markup=False)
    if weekly:
        console.print(msg.STATS_SERIES_WEEKLY, style="dim", markup=False)
    console.print()
    console.print(Text(msg.STATS_LEVELS_TITLE, style="bold"))
    if not stats.levels:
        console.print(msg.STATS_NO_LEVELS, markup=False)
    for name, changes in stats.levels.items():
        earlier, shown = levels_in_window(changes, stats.first)
        indent = " " * (len(name) + 2)
        console.print(f"{name}: " + ("\n" + indent).join(_level_line(c) for c in shown), markup=False,
                      soft_wrap=True)
        if earlier:
            hint = (msg.STATS_LEVEL_EARLIER_ONE if earlier == 1 else msg.STATS_LEVEL_EARLIER_MANY).format(
                n=earlier, since=changes[0].start)
            console.print(indent + hint, style="dim", markup=False, soft_wrap=True)


def _level_line(change: LevelChange) -> str:
    line = msg.STATS_LEVEL.format(week=change.week, start=change.start, per_week=change.per_week)
    if change.reason:
        line += msg.STATS_LEVEL_REASON.format(reason=change.reason, rules=", ".join(change.rules))
    return line
