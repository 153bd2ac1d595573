"""How a check-in row of the log database reads back as a :class:`CheckIn`.

Its own module so that :mod:`milia_cli.store` and :mod:`milia_cli.store_changes` (the mixin the
store is built from) share it without importing each other.
"""

from __future__ import annotations

from datetime import date

from milia_cli.logmodel import CheckIn

# What :meth:`Store.read_history` returns per check-in, compact for long logs (streaks,
# titration): (day, all_done, done ids, skipped ids, irritation), the ids space-separated.
HistoryRow = tuple[date, bool, str, str, "int | None"]
IrritationRow = tuple[date, "int | None"]  # :meth:`Store.read_irritations`: what titration reads

CHECKIN_COLUMNS = "day, all_done, done, skipped, irritation, bumps, note, picked, count"


def row_to_checkin(row: tuple) -> CheckIn:
    day, all_done, done, skipped, irritation, bumps, note, picked, count = row
    return CheckIn(
        date=date.fromisoformat(day),
        done=frozenset(done.split()),
        skipped=frozenset(skipped.split()),
        all_done=bool(all_done),
        irritation=irritation,
        bumps=bumps,
        note=note,
        picked=bool(picked),
        count=count,
    )
