"""`milia clients` with rich: one row per client file, what needs attention first.

On a terminal the table fits the width (the alerts wrap) and is coloured by tier; piped,
it is plain text, one line per client, columns aligned and no trailing spaces, so
``grep``, ``head`` and ``cut`` read it. Imported only by `milia clients`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from rich import box
from rich.table import Table
from rich.text import Text

from milia_cli.clients import ClientSummary
from milia_cli.messages import clients as msg
from milia_cli.safe_text import one_line

MIN_WIDTH = 40
WIDE = 120  # from this width the File column is shown too
TIER_STYLE = {0: "bold red", 1: "bold magenta", 2: "bold yellow", 3: "yellow", 4: "cyan", 5: "", 6: "red"}


def _iso(day: date | None) -> str:
    return day.isoformat() if day is not None else ""


def _tr(lang: str):
    """milia's text in ``lang`` (English: as it is, no catalogue)."""
    if lang == "en":
        return str
    from milia_cli.i18n import tr

    return lambda text: tr(text, lang)


def cells(s: ClientSummary, lang: str = "en") -> list[str]:
    """The row of one summary, as plain strings (name, file, week, retinol, acid, last, 14 days,
    needs), milia's words in ``lang`` (names, files, dates and rule ids as they are)."""
    t = _tr(lang)
    name, file = one_line(s.name or ""), one_line(s.file.name)
    if s.broken:
        reason = t(s.error or "")
        if reason.startswith(str(s.file)):  # the File column names it
            reason = reason[len(str(s.file)):].lstrip(": ") or reason
        return ["", file, "", "", "", "", "", t(msg.BROKEN_CELL.format(reason=one_line(reason)))]
    week = msg.WEEK_CELL.format(week=s.week) if s.started else msg.STARTS_CELL.format(start=_iso(s.start))
    levels = [t(_level(s, step)) for step in ("retinol", "exfoliate")]
    last = s.last_checkin.isoformat() if s.last_checkin else msg.NEVER
    rate = s.adherence
    adherence = msg.ADHERENCE_NONE if rate is None else msg.ADHERENCE_CELL.format(
        pct=round(100 * rate), done=s.done, due=s.due)
    needs = t(msg.ALERT_SEPARATOR).join(t(a.text) for a in s.alerts) or msg.NO_ALERTS
    return [name, file, t(week), *levels, t(last), t(adherence), needs]


def _level(s: ClientSummary, step: str) -> str:
    lv = (s.levels or {}).get(step)
    if lv is None or (lv.per_week == 0 and not lv.tonight):
        return msg.LEVEL_OUT if lv is None else msg.LEVEL_CELL.format(n=0)
    return (msg.LEVEL_TONIGHT if lv.tonight else msg.LEVEL_CELL).format(n=lv.per_week)


HEADERS = (msg.HEAD_CLIENT, msg.HEAD_FILE, msg.HEAD_WEEK, msg.HEAD_RETINOL, msg.HEAD_ACID, msg.HEAD_LAST,
           msg.HEAD_ADHERENCE, msg.HEAD_ALERTS)


def render_clients(summaries: list[ClientSummary], env: Any) -> str:
    """The table as text: fitted to the terminal (``COLUMNS`` or its width) with rich, or plain
    aligned columns when piped (one line per client, no trailing spaces)."""
    if not env.stdout_isatty:
        return plain_table(summaries, env.language)
    import io

    try:
        width = int(env.vars.get("COLUMNS", ""))
    except ValueError:
        import shutil

        width = shutil.get_terminal_size().columns
    width = max(width, MIN_WIDTH)
    with_file = width >= WIDE
    buffer = io.StringIO()
    console = env.console(buffer, width=width, markup=False)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold", padding=(0, 1),
                  collapse_padding=True)
    lang = env.language
    t = _tr(lang)
    table.add_column(t(msg.HEAD_CLIENT), min_width=10, max_width=18, overflow="fold")
    if with_file:
        table.add_column(t(msg.HEAD_FILE), no_wrap=True, max_width=28, overflow="ellipsis")
    for head in (msg.HEAD_WEEK_SHORT, msg.HEAD_RETINOL_SHORT, msg.HEAD_ACID_SHORT, msg.HEAD_LAST_SHORT,
                 msg.HEAD_ADHERENCE_SHORT):
        table.add_column(t(head), no_wrap=True, justify="left" if head == msg.HEAD_LAST_SHORT else "right")
    table.add_column(t(msg.HEAD_ALERTS), ratio=1, min_width=16, overflow="fold")
    for s in summaries:
        style = TIER_STYLE[s.tier] if env.color else ""
        row = terminal_cells(s, with_file, lang)
        table.add_row(*(Text(c, style=style if j in (0, len(row) - 1) else "") for j, c in enumerate(row)))
    console.print(table)
    console.print(Text(t(msg.LEGEND_SHORT), style="dim"))
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines())


def terminal_cells(s: ClientSummary, with_file: bool, lang: str = "en") -> list[str]:
    """A shorter row for a terminal: levels as numbers, adherence as a percentage; a client
    that has not started says when it will in the last column."""
    t = _tr(lang)
    full = cells(s, lang)
    name, file = full[0] or full[1], full[1]
    if s.broken:
        row = [name, "", "", "", "", "", full[-1]]
    else:
        week = str(s.week) if s.started else "-"
        levels = [_short_level(s, step) for step in ("retinol", "exfoliate")]
        rate = s.adherence
        needs = "\n".join(t(a.text) for a in s.alerts) or (
            "" if s.started else t(msg.STARTS_NOTE.format(start=_iso(s.start))))
        row = [name, week, *levels, full[5], "-" if rate is None else f"{round(100 * rate)}%", needs]
    return [row[0], file, *row[1:]] if with_file else row


def _short_level(s: ClientSummary, step: str) -> str:
    lv = (s.levels or {}).get(step)
    if lv is None:
        return msg.LEVEL_OUT
    return f"{lv.per_week}*" if lv.tonight else str(lv.per_week)


def plain_table(summaries: list[ClientSummary], lang: str = "en") -> str:
    """Columns aligned by display width (a Hangul name takes two cells a letter), two spaces
    apart, the last one unpadded: what `grep` and `cut` read."""
    from rich.cells import cell_len

    t = _tr(lang)
    rows = [[t(h) for h in HEADERS], *(cells(s, lang) for s in summaries)]
    widths = [max(cell_len(r[i]) for r in rows) for i in range(len(HEADERS) - 1)]
    lines = []
    for row in rows:
        parts = [c + " " * (w - cell_len(c)) for c, w in zip(row, widths, strict=False)]
        lines.append(("  ".join([*parts, row[-1]])).rstrip())
    return "\n".join(lines)
