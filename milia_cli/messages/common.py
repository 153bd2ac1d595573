"""Messages shared by every command: files, locations, the top-level handler."""

from typing import Any

from milia_cli.messages import Localized, Message, coded

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
    "today, yesterday, tomorrow or a weekday (friday, last friday, next friday)."
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
BAD_LANG = "--lang {value!r} is not a language milia speaks{hint}; use one of: {allowed}."
BAD_LANG_HINT = " (did you mean {choice!r}?)"
WEEKLY = "{n}×/week"
WEEKLY_OFF = "off"


def plural(n: int, one: str, many: str | None = None) -> str:
    """``1 check-in``, ``2 check-ins``, ``0 entries`` (``many`` when the plural is not ``one + "s"``)."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


WEEKS_ONE = "week {text}"
WEEKS_MANY = "weeks {text}"
WEEKS_RUN = "{first}–{last}"
WEEKS_AND = "{head} and {tail}"


def weeks_text(weeks: "list[int] | tuple[int, ...]") -> str:
    """``[3]`` -> "week 3", ``[1, …, 8]`` -> "weeks 1–8", ``[1, 2, 3, 5, 7]`` -> "weeks 1–3, 5 and 7"
    (another language: its words for the same, :class:`WeekList`)."""
    return WeekList(weeks)


class WeekList(Localized):
    """Plan weeks as :func:`weeks_text` says them, in any language of the catalogue."""

    weeks: tuple[int, ...]

    def __new__(cls, weeks: "list[int] | tuple[int, ...]") -> "WeekList":
        obj = super().__new__(cls, _weeks_said(weeks, "en"))
        obj.weeks = tuple(weeks)
        return obj

    def localized(self, lang: str) -> str:
        return _weeks_said(self.weeks, lang)


def _weeks_said(weeks: "list[int] | tuple[int, ...]", lang: str) -> str:
    def said(text: str) -> str:
        if lang == "en":
            return text
        from milia_cli.i18n import tr

        return tr(text, lang)

    runs: list[list[int]] = []
    for w in sorted(set(weeks)):
        if runs and w == runs[-1][-1] + 1:
            runs[-1].append(w)
        else:
            runs.append([w])
    parts = [said(WEEKS_RUN).format(first=r[0], last=r[-1]) if len(r) > 2 else ", ".join(map(str, r))
             for r in runs]
    text = ", ".join(parts)
    if len(runs) > 1 or (len(runs) == 1 and len(runs[0]) == 2):
        head, _, tail = text.rpartition(", ")
        text = said(WEEKS_AND).format(head=head, tail=tail)
    return said(WEEKS_ONE if len(weeks) == 1 else WEEKS_MANY).format(text=text)


class InWords(Message):
    """A template whose fields are ids shown as words: ``{areas}`` given
    ``upper-eyelids, broken-or-irritated-skin`` reads "upper eyelids, broken or irritated skin"
    (another language: give the field as :class:`milia_cli.messages.words.Words`)."""

    def render(self, text: str, args: tuple[Any, ...], kwargs: dict[str, Any], lang: str) -> str:
        return str.format(text, *args, **{k: v.replace("-", " ") if isinstance(v, str) else v
                                          for k, v in kwargs.items()})


class Counted(Message):
    """A template whose ``{name:noun}`` fields are counts said with their noun:
    ``Counted("{n:check-in} and {e:entry|entries}").format(n=1, e=2)`` is "1 check-in and 2 entries".
    ``{n:weekly}`` is a weekly level: "2×/week", and "off" for 0 (never "0×/week"), in the
    language the template is rendered in. Callers format it as any other template; other
    fields are plain ``str.format`` fields."""

    def render(self, text: str, args: tuple[Any, ...], kwargs: dict[str, Any], lang: str) -> str:
        return str(_counts(lang).vformat(text, args, kwargs))


_FORMATTERS: dict[str, Any] = {}


def _counts(lang: str) -> Any:
    """The formatter of :class:`Counted` for ``lang``, built on first use (``string`` stays off
    the start-up path)."""
    found = _FORMATTERS.get(lang)
    if found is not None:
        return found
    import string

    def said(text: str) -> str:
        if lang == "en":
            return text
        from milia_cli.i18n import tr

        return tr(text, lang)

    class _Counts(string.Formatter):
        def format_field(self, value: object, format_spec: str) -> str:
            if format_spec == "weekly" and isinstance(value, int):
                return said(WEEKLY_OFF) if value == 0 else said(WEEKLY).format(n=value)
            if isinstance(value, int) and not isinstance(value, bool) and format_spec[:1].isalpha():
                one, _, many = format_spec.partition("|")
                return plural(value, one, many or None)
            field: str = super().format_field(value, format_spec)
            return field

    found = _FORMATTERS[lang] = _Counts()
    return found


coded(globals(), "common")
