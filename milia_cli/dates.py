"""The one range of dates milia supports, and the one parser of every date flag.

Python's dates end at 0001-01-01 and 9999-12-31; a plan adds weeks and the 14-day
aftercare tail (E2) to the dates it is given, so a date near either end overflowed
inside the planner and bricked every later command (issue 12, item 4). milia
accepts only :data:`FIRST_DAY`..:data:`LAST_DAY`: far inside Python's range (a
520-week plan from the last day still ends before 2210), and far outside any real
skin. Every date a user or a file can give is checked here, with one sentence:

- date flags (``--date``, ``--from``, ``--since``…): :func:`parse_date_flag`
  (``YYYY-MM-DD``, ``today``, ``yesterday``, ``tomorrow``, a weekday name — ``friday``,
  ``fri``: the latest one up to today — or ``last friday`` / ``next friday``; exit 2 when
  unparseable or out of range, the same everywhere);
- profile files and ``MILIA_NOW``: :func:`check_date` (exit 1: the data is wrong);
- ``log import``: :func:`check_log_document` before anything is stored;
- a value already stored: :func:`usable_log` / :func:`usable_rows` drop it with a
  warning, so a later command never fails on it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from milia_cli.errors import MiliaError, UsageError

if TYPE_CHECKING:
    from milia_cli.logmodel import Log

# a stored row whose first column is its date (``Store.read_history``, ``read_irritations``)
_Row = TypeVar("_Row", bound="tuple[date, *tuple[object, ...]]")

FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2199, 12, 31)
RANGE_TEXT = f"{FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}"
_WORDS = {"today": 0, "yesterday": -1, "tomorrow": 1}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DATE_WORDS = (*_WORDS, *WEEKDAYS, *(f"last {d}" for d in WEEKDAYS), *(f"next {d}" for d in WEEKDAYS))


def _weekday(word: str) -> int | None:
    """Monday = 0 for a weekday's name or its first three letters or more (``fri``, ``thurs``)."""
    if len(word) >= 3:
        for i, name in enumerate(WEEKDAYS):
            if name.startswith(word):
                return i
    return None


def day_from_words(text: str, today: date) -> date | None:
    """The day a date word names, counted from ``today``, or None when ``text`` is none:
    ``today``/``yesterday``/``tomorrow``; a weekday alone is the latest such day up to today
    (what a back-filled check-in means: ``friday`` on a Monday is three days ago, on a Friday
    today); ``last friday`` the latest before today, ``next friday`` the first after it."""
    words = text.strip().lower().split()
    if len(words) == 1 and words[0] in _WORDS:
        return today + timedelta(days=_WORDS[words[0]])
    which = words[0] if len(words) == 2 and words[0] in ("last", "next") else None
    if len(words) != (2 if which else 1):
        return None
    wd = _weekday(words[-1])
    if wd is None:
        return None
    if which == "next":
        return today + timedelta(days=(wd - today.weekday() - 1) % 7 + 1)
    if which == "last":
        return today - timedelta(days=(today.weekday() - wd - 1) % 7 + 1)
    return today - timedelta(days=(today.weekday() - wd) % 7)


def is_date_word(text: str) -> bool:
    """``text`` names a day relative to today (resolved once today is known)."""
    return day_from_words(text, date(2000, 1, 3)) is not None


def in_range(day: date) -> bool:
    return FIRST_DAY <= day <= LAST_DAY


def out_of_range_message(what: str, day: date | str) -> str:
    from milia_cli.messages import common as msg

    shown = day.isoformat() if isinstance(day, date) else day
    return msg.DATE_OUT_OF_RANGE.format(what=what, value=shown, range=RANGE_TEXT)


def check_date(day: date, what: str) -> date:
    """``day`` if milia supports it, else a data error (exit 1) naming ``what``."""
    if not in_range(day):
        raise MiliaError(out_of_range_message(what, day))
    return day


def parse_iso_date(text: str) -> date | None:
    """A strict ``YYYY-MM-DD`` date, or None (no week dates, no ``20261123``)."""
    if len(text) != 10 or text[4] != "-" or text[7] != "-":
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def parse_date_flag(text: str | None, today: date | None, what: str = "--date") -> date | None:
    """A date flag as typed: ``YYYY-MM-DD`` or a date word of :func:`day_from_words` (needs
    ``today``); None stays None. Unparseable or out of range: a usage error (exit 2)."""
    from milia_cli.messages import common as msg

    if text is None:
        return None
    named = day_from_words(text, today) if today is not None else None
    if named is not None:
        day = named
    else:
        parsed = parse_iso_date(text.strip())
        if parsed is None:
            raise UsageError(msg.BAD_DATE.format(what=what, value=text))
        day = parsed
    if not in_range(day):
        raise UsageError(out_of_range_message(what, day))
    return day


def check_date_flag(text: str | None, what: str = "--date") -> None:
    """Refuse an unparseable or out-of-range date flag before anything is loaded (exit 2);
    the words (``today``, ``friday``…) pass, :func:`parse_date_flag` resolves them once today is known."""
    if text is not None and not is_date_word(text):
        parse_date_flag(text, None, what)


def check_log_document(data: Any, source: str) -> None:
    """Refuse a ``milia.log/1`` document that holds a date milia does not support,
    before the store sees it (its other checks stay the store's). Looks at every
    ``date`` of every list (check-ins, events, and whatever lists later schemas add)."""
    from milia_cli.messages import common as msg

    if not isinstance(data, dict):
        return
    for key, items in data.items():
        if not isinstance(items, list):
            continue
        for i, item in enumerate(items):
            if not isinstance(item, dict) or not isinstance(item.get("date"), str):
                continue
            day = parse_iso_date(item["date"])
            if day is not None and not in_range(day):
                raise MiliaError(msg.IMPORT_DATE_OUT_OF_RANGE.format(
                    file=source, where=f"{key}[{i}].date", value=item["date"], range=RANGE_TEXT))


def _noted(bad: list[str], what: str) -> bool:
    """Note ``what`` as dropped; False, so ``in_range(day) or _noted(bad, …)`` drops it."""
    bad.append(what)
    return False


def usable_log(log: Log) -> tuple[Log, list[str]]:
    """``log`` without the check-ins, events and changes dated outside the range, and a
    description of each dropped one (for a warning). The same object when nothing is dropped."""
    bad: list[str] = []
    checkins = tuple(c for c in log.checkins if in_range(c.date) or _noted(bad, f"check-in {c.date}"))
    events = tuple(e for e in log.events if in_range(e.date) or _noted(bad, f"{e.kind} {e.date}"))
    changes = tuple(c for c in log.changes if in_range(c.date) or _noted(bad, f"change of {c.key} {c.date}"))
    if not bad:
        return log, bad
    return log._replace(checkins=checkins, events=events, changes=changes), bad


def usable_rows(rows: Iterable[_Row]) -> tuple[tuple[_Row, ...], list[str]]:
    """Compact history rows (``(date, …)``, see ``Store.read_history``) without those
    dated outside the range, and a description of each dropped one."""
    bad: list[str] = []
    kept = tuple(r for r in rows if in_range(r[0]) or _noted(bad, f"check-in {r[0]}"))
    return kept, bad
