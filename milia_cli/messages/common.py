"""Messages shared by every command: files, locations, the top-level handler."""

from typing import TYPE_CHECKING

from milia_cli.messages import Message, coded

if TYPE_CHECKING:
    from string import Formatter

INTERNAL_ERROR = (
    "milia hit an internal error ({kind}: {detail}); nothing was changed — "
    "please report it, and set MILIA_DEBUG=1 to see the details."
)
INTERRUPTED = "Interrupted; nothing was changed."
INTERRUPTED_STORED = "Interrupted; {what} had already been stored, nothing else was changed."
WRITTEN_FILES = "{count} files in {where}"
USAGE_SENTENCE = "{error}; see `{command} --help`."
BAD_PROFILE_NAME = (
    "Profile name {name!r} is not allowed: use only letters, digits, '-' and '_' "
    "(at most 64 characters)."
)
BAD_DATE = (
    "{what} {value!r} is not a real date; use YYYY-MM-DD (for example 2026-11-23), "
    "today, yesterday or tomorrow."
)
DATE_OUT_OF_RANGE = "{what} {value} is outside the dates milia supports ({range})."
IMPORT_DATE_OUT_OF_RANGE = (
    "{file}: {where} is {value}, outside the dates milia supports ({range}); nothing was imported."
)
LOG_ROWS_SKIPPED = (
    "warning: the log of {name!r} holds {count} entr{ies} dated outside {range} ({examples}), "
    "which milia ignores; `milia event remove --date DATE` removes an event."
)
BAD_NOW = "MILIA_NOW={value!r} is not an ISO date or date-time (for example 2026-11-23)."
NOW_OUT_OF_RANGE = "MILIA_NOW={value!r} is outside the dates milia supports ({range})."
BAD_DB_TIMEOUT = (
    "MILIA_DB_TIMEOUT={value!r} is not a number of seconds from 0 to {limit:g} "
    "(how long to wait for another milia's lock on the log; for example 30)."
)
EVENT_OUT_OF_RANGE = "(ignored: outside the supported dates; `milia event remove --date {date}`)"
EVENT_REMOVED = "Removed {count} event{s} of {date} ({kinds}) from the log of {name!r}."
EVENT_NONE_ON = "The log of {name!r} has no event{kind} on {date}; `milia event list` shows them."
NOT_A_NUMBER = "{what} {value} is not a number; give a finite number (for example {example})."
WRITE_FAILED = "Could not write {path}: {reason}. Nothing was changed."
READ_FAILED = "Could not read {path}: {reason}."
MKDIR_FAILED = "Could not create the directory {path}: {reason}."
WIDENED_MODE = (
    "warning: {path} is readable by other users (mode {mode:o}); "
    "it holds health data — run: chmod {want:o} {path}"
)

DID_YOU_MEAN = "did you mean {choice!r}?"
WEEKLY = "{n}×/week"
WEEKLY_OFF = "off"


def plural(n: int, one: str, many: str | None = None) -> str:
    """``1 check-in``, ``2 check-ins``, ``0 entries`` (``many`` when the plural is not ``one + "s"``)."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def weeks_text(weeks: "list[int] | tuple[int, ...]") -> str:
    """``[3]`` -> "week 3", ``[1, …, 8]`` -> "weeks 1–8", ``[1, 2, 3, 5, 7]`` -> "weeks 1–3, 5 and 7"."""
    runs: list[list[int]] = []
    for w in sorted(set(weeks)):
        if runs and w == runs[-1][-1] + 1:
            runs[-1].append(w)
        else:
            runs.append([w])
    parts = [f"{r[0]}–{r[-1]}" if len(r) > 2 else ", ".join(map(str, r)) for r in runs]
    text = ", ".join(parts)
    if len(runs) > 1 or (len(runs) == 1 and len(runs[0]) == 2):
        head, _, tail = text.rpartition(", ")
        text = f"{head} and {tail}"
    return f"week {text}" if len(weeks) == 1 else f"weeks {text}"


class InWords(Message):
    """A template whose fields are ids shown as words: ``{areas}`` given
    ``upper-eyelids, broken-or-irritated-skin`` reads "upper eyelids, broken or irritated skin"."""

    def format(self, *args: object, **kwargs: object) -> Message:
        return Message(str.format(self, *args, **{k: v.replace("-", " ") if isinstance(v, str) else v
                                                  for k, v in kwargs.items()}), self.code)


class Counted(Message):
    """A template whose ``{name:noun}`` fields are counts said with their noun:
    ``Counted("{n:check-in} and {e:entry|entries}").format(n=1, e=2)`` is "1 check-in and 2 entries".
    ``{n:weekly}`` is a weekly level: "2×/week", and "off" for 0 (never "0×/week").
    Callers format it as any other template; other fields are plain ``str.format`` fields."""

    def format(self, *args: object, **kwargs: object) -> Message:
        return Message(_COUNTS.vformat(self, args, kwargs), self.code)


def _make_formatter() -> "Formatter":
    import string

    class _Counts(string.Formatter):
        def format_field(self, value: object, format_spec: str) -> str:
            if format_spec == "weekly" and isinstance(value, int):
                return WEEKLY_OFF if value == 0 else WEEKLY.format(n=value)
            if isinstance(value, int) and not isinstance(value, bool) and format_spec[:1].isalpha():
                one, _, many = format_spec.partition("|")
                return plural(value, one, many or None)
            field: str = super().format_field(value, format_spec)
            return field

    return _Counts()


class _LazyCounts:
    """The formatter, built on first use (``string`` stays off the start-up path)."""

    def __getattr__(self, name: str) -> object:
        global _COUNTS
        _COUNTS = _make_formatter()
        return getattr(_COUNTS, name)


# a stand-in until first use, when the Formatter itself replaces it (typed as what it becomes)
_COUNTS: "Formatter" = _LazyCounts()  # type: ignore[assignment]


coded(globals(), "common")
