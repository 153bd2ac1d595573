"""Rendering of `milia stats` with rich: adherence table, month-grid heatmap, sparklines, levels
(the level in effect when the window starts and the changes after it; `--json` has them all).

Laid out to ``env.width`` (the terminal's, ``COLUMNS``, 80 when piped): every line fits, breaks
only between words, and ends without spaces; a sparkline too long for the width shows the
window's last weeks.

The heatmap uses a distinct glyph per kind of day, so it reads the same with
``NO_COLOR`` (colour only adds emphasis). Imported only by the stats command.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from rich.columns import Columns
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from milia_cli.i18n import format_day, tr
from milia_cli.messages import log as msg
from milia_cli.messages.words import Words
from milia_cli.render.text import packed, strip_trailing, wrap
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


def month_grids(days: tuple[DayStatus, ...], lang: str = "en") -> list[tuple[str, list[list[str | None]]]]:
    """Per month: its title (``lang``'s way: "December 2026", "2026년 12월") and week rows of 7
    cell kinds (None outside the window)."""
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
        out.append((month.strftime("%B %Y") if lang == "en" else format_day(month, "year-month", lang), rows))
        month = nxt
    return out


def _heatmap(days: tuple[DayStatus, ...], width: int, t: Any = str, lang: str = "en") -> Any:
    panels = []
    for title, rows in month_grids(days, lang):
        text = Text(f"{title}\n", style="bold")
        text.append(t(msg.STATS_WEEKDAYS) + "\n", style="dim")
        for row in rows:
            for i, kind in enumerate(row):
                glyph, style = CELLS[kind] if kind else (" ", "")
                text.append(f" {glyph}", style=style)
                text.append(" " if i < 6 else "")
            text.append("\n")
        panels.append(text)
    parts = {k: CELLS[k][0] for k in CELLS}
    items = t(msg.STATS_LEGEND.format(**parts)).split("   ")  # an item ("● kept") never breaks
    legend = Text("\n".join(packed(items, width, sep="   ")), no_wrap=True, overflow="ignore")
    return Group(Columns(panels, padding=(0, 3)), legend)


def _series(days: tuple[DayStatus, ...], values: tuple[tuple[date, int], ...],
            room: int) -> tuple[list[int | None], int | None]:
    """One value per window day (None where not logged), or per week for long windows or when
    the days do not fit in ``room`` columns; then only the last weeks that fit. Returns the
    series and, when it is weekly, how many weeks it shows (None: daily)."""
    by_date = dict(values)
    daily = [by_date.get(d.date) for d in days]
    if len(daily) <= min(MAX_SPARK, room):
        return daily, None
    weekly = []
    for i in range(0, len(daily), 7):
        chunk = [v for v in daily[i:i + 7] if v is not None]
        weekly.append(max(chunk) if chunk else None)
    shown = weekly[-max(1, room):]
    return shown, len(shown) if len(shown) < len(weekly) else 0


def _adherence(stats: Stats, t: Any = str) -> Table:
    table = Table(title=t(msg.STATS_ADHERENCE_TITLE), title_justify="left", show_edge=False)
    table.add_column(t(msg.STATS_COL_STEP))
    table.add_column(t(msg.STATS_COL_DONE), justify="right")
    table.add_column(t(msg.STATS_COL_PLANNED), justify="right")
    table.add_column(t(msg.STATS_COL_RATE), justify="right")
    from milia_cli.step_names import label  # what people see: "pm eye cream", not "pm:eye-cream"

    for s in stats.steps:
        slot, _, step = s.step.partition(":")  # the slot as typed (am, pm), the step in words
        table.add_row(f"{slot} {t(label(step))}", str(s.done), str(s.planned), _pct(s.rate))
    table.add_section()
    table.add_row(t(msg.STATS_OVERALL), str(stats.overall_done), str(stats.overall_planned), _pct(stats.overall),
                  style="bold")
    return table


def _days(n: int) -> str:
    return (msg.DAYS_ONE if n == 1 else msg.DAYS_MANY).format(n=n)


def _pct(rate: float | None) -> str:
    from milia_cli.stats import percent_text

    return "–" if rate is None else percent_text(rate)


def render_stats(stats: Stats, env: Any, *, profile_name: str) -> None:
    """The stats as text, milia's words in the run's language (``env.language``)."""
    width = env.width
    console = env.console(width=width)
    lang = env.language
    with console.capture() as capture:
        _print_stats(console, stats, profile_name, width, lang)
    env.stdout.write(strip_trailing(capture.get()))


def _print_stats(console: Console, stats: Stats, profile_name: str, width: int, lang: str = "en") -> None:
    from milia_cli.render.text import cells

    t: Any = str if lang == "en" else (lambda text: tr(text, lang))
    console.print(t(msg.STATS_TITLE.format(name=profile_name, first=stats.first, last=stats.last,
                                           days=stats.days_planned, logged=stats.days_logged)), style="bold",
                  markup=False)
    if not stats.days:
        console.print(t(msg.STATS_NOTHING_YET))
        return
    console.print(t(msg.STATS_STREAK.format(current=_days(stats.current_streak), best=_days(stats.best_streak))),
                  markup=False)
    console.print(t(msg.STATS_STREAK_HINT), style="dim", markup=False)
    console.print()
    console.print(_adherence(stats, t))
    console.print()
    console.print(Text(t(msg.STATS_CALENDAR_TITLE), style="bold"))
    console.print(_heatmap(stats.days, width, t, lang))
    console.print()
    weekly: int | None = None
    for template, what, values, top in (
        (msg.STATS_IRRITATION, msg.STATS_WHAT_IRRITATION, stats.irritation, 3),
        (msg.STATS_BUMPS, msg.STATS_WHAT_BUMPS, stats.bumps, None),
    ):
        if not values:
            console.print(t(msg.STATS_NO_SERIES.format(what=what)), markup=False)
            continue
        last, highest = values[-1][1], max(v for _, v in values)
        room = width - cells(t(template.format(line="", last=last, top=highest)))
        series, weeks = _series(stats.days, values, room)
        weekly = weeks if weekly is None or (weeks or 0) > weekly else weekly
        line = sparkline(series, top=top)  # one line: its spaces are days without a value
        console.print(t(template.format(line=line, last=last, top=highest)), markup=False, soft_wrap=True)
    if weekly is not None:
        hint = t(msg.STATS_SERIES_LAST.format(n=weekly) if weekly else msg.STATS_SERIES_WEEKLY)
        console.print("\n".join(wrap(hint, "", width)), style="dim", markup=False, soft_wrap=True)
    console.print()
    console.print(Text(t(msg.STATS_LEVELS_TITLE), style="bold"))
    if not stats.levels:
        console.print(t(msg.STATS_NO_LEVELS), markup=False)
    for step, changes in stats.levels.items():
        name = t(Words((step,)))  # "retinol" (Korean: its word)
        earlier, shown = levels_in_window(changes, stats.first)
        indent = " " * (cells(name) + 2)
        lines: list[str] = []
        for i, change in enumerate(shown):  # a change's own lines hang two further in
            lines += wrap(t(_level_line(change)), f"{name}: " if i == 0 else indent, width, indent + "  ")
        console.print("\n".join(lines), markup=False, soft_wrap=True)
        if earlier:
            hint = t((msg.STATS_LEVEL_EARLIER_ONE if earlier == 1 else msg.STATS_LEVEL_EARLIER_MANY).format(
                n=earlier, since=changes[0].start))
            console.print("\n".join(wrap(hint, indent, width, indent + "  ")), style="dim", markup=False,
                          soft_wrap=True)


def _level_line(change: LevelChange) -> str:
    line = msg.STATS_LEVEL.format(week=change.week, start=change.start, per_week=change.per_week)
    if change.reason:
        line += msg.STATS_LEVEL_REASON.format(reason=change.reason, rules=", ".join(change.rules))
    return line
