"""`--from` and `--start`, the same on `plan`, every `export`, `batch` and `sync caldav`
(issue 13, item 5): ``--from DATE`` shows the program from DATE (a view), ``--start DATE``
rebases it (DATE is day 1, as ``schedule.start``). One parser (:mod:`milia_cli.dates`): a bad
date is exit 2 with one sentence naming the flag. Light: imported by those commands only.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from milia_cli.cli.app import State

FROM_HELP = ("Show the plan from DATE: the same program, not restarted (YYYY-MM-DD, today, yesterday, "
             "tomorrow, a weekday such as monday; default: this plan week's first day).")
START_HELP = "Day 1 of week 1 is DATE instead of schedule.start: the program restarts there."


def from_option(help: str = FROM_HELP) -> Any:  # typer.Option() is typed as what the parameter gets
    return typer.Option(None, "--from", metavar="DATE", help=help)


def start_option() -> Any:
    return typer.Option(None, "--start", metavar="DATE", help=START_HELP)


def check_view_flags(from_: str | None, start: str | None) -> None:
    """Refuse an unparseable or out-of-range ``--from``/``--start`` before any file is read."""
    from milia_cli.dates import check_date_flag

    check_date_flag(from_, "--from")
    check_date_flag(start, "--start")


def view_dates(st: State, from_: str | None, start: str | None) -> tuple[date | None, date | None]:
    """(the first day asked, the day 1 asked), the words resolved with the profile's today."""
    from milia_cli.dates import parse_date_flag

    check_view_flags(from_, start)
    if from_ is None and start is None:
        return None, None
    today = st.today()
    return parse_date_flag(from_, today, "--from"), parse_date_flag(start, today, "--start")


def note_before_start(st: State, asked: date | None, start: date) -> None:
    """One line on stderr when ``--from`` asked for a day before the program starts (the view
    shows from the start instead, for as many weeks)."""
    if asked is not None and asked < start:
        from milia_cli.messages import plan as msg

        st.err("milia: " + msg.VIEW_BEFORE_START.format(day=asked.isoformat(), start=start.isoformat()))
