"""Languages (issue 17, item 3): which one a run speaks, and text in it.

The language is ``--lang`` (:attr:`milia_cli.env.Environment.lang`), else the profile's
``lang`` key, else the locale of the Environment (``LC_ALL``, ``LC_MESSAGES``, ``LANG``: the
first one set decides, as POSIX says), else English. :func:`tr` gives a :class:`Message`
in a language: the catalogue's translation of its template (gettext, from the ``.mo`` files
of ``milia_cli/locale``, compiled by Babel from the ``.po`` sources beside them), then the
fields, themselves translated when they are Messages, dates or :class:`Localized` values.

English is the source language: ``tr(text, "en")`` is ``text``, and an English run loads no
catalogue. The stdlib :mod:`gettext` reads the catalogues (fast); babel is imported only to
write a date or a number for a language other than English (CLDR's patterns and names).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Literal, overload

LANGUAGES = ("en", "ko")
NAMES = {"en": "English", "ko": "한국어"}
DEFAULT = "en"
DOMAIN = "milia"
LOCALE_DIR = Path(__file__).parent / "locale"
LOCALE_VARS = ("LC_ALL", "LC_MESSAGES", "LANG")

_CATALOGS: dict[str, Any] = {}


def normalize(tag: str | None) -> str | None:
    """``ko``, ``ko_KR.UTF-8``, ``ko-KR``, ``KO`` -> ``ko``; a language milia does not speak
    (``fr_FR``, ``C``, ``POSIX``) -> None."""
    if not tag:
        return None
    lang = tag.strip().split(".", 1)[0].split("@", 1)[0].replace("-", "_").split("_", 1)[0].lower()
    return lang if lang in LANGUAGES else None


def from_locale(vars: dict[str, str] | Any) -> str | None:
    """The language of the locale variables: the first of LC_ALL, LC_MESSAGES, LANG that is
    set decides (``LC_ALL=C`` means English even with ``LANG=ko_KR.UTF-8``)."""
    for name in LOCALE_VARS:
        value = vars.get(name)
        if value:
            return normalize(value) or DEFAULT
    return None


def choose(flag: str | None, profile_lang: str | None, vars: dict[str, str] | Any) -> str:
    """``--lang``, else the profile's ``lang``, else the locale, else English."""
    return normalize(flag) or normalize(profile_lang) or from_locale(vars) or DEFAULT


def catalog(lang: str) -> Any:
    """The gettext catalogue of ``lang`` (loaded once; English and a missing file: no-op)."""
    found = _CATALOGS.get(lang)
    if found is None:
        import gettext

        found = _CATALOGS[lang] = gettext.translation(DOMAIN, LOCALE_DIR, [lang], fallback=True)
    return found


@overload
def tr(text: str, lang: str) -> str: ...
@overload
def tr(text: object, lang: str) -> object: ...
def tr(text: Any, lang: str) -> Any:
    """``text`` in ``lang``: a :class:`~milia_cli.messages.Message` rebuilt from its translated
    template and fields, a plain string looked up in the catalogue, anything else as is."""
    if lang == DEFAULT or not isinstance(text, str):
        return text
    return _tr(text, catalog(lang), lang)


def _tr(text: str, cat: Any, lang: str) -> str:
    parts = getattr(text, "_parts", None)
    if parts is not None:
        return "".join(_tr(p, cat, lang) if p.strip() else p for p in parts)
    src = getattr(text, "_src", None)
    if src is not None:
        template, args, kwargs = src
        return template.render(_tr(template, cat, lang), tuple(field(a, lang) for a in args),
                               {k: field(v, lang) for k, v in kwargs.items()}, lang)
    localized = getattr(text, "localized", None)
    if localized is not None:
        return localized(lang)
    if not text.strip():  # gettext("") is the catalogue's header
        return text
    return cat.gettext(str(text))


def field(value: Any, lang: str) -> Any:
    """A template's field in ``lang``: Messages and Localized values translated, a date as the
    locale writes it; a plain string (a name, a path, what someone typed) and numbers as they are."""
    if isinstance(value, str):
        if type(value) is str:
            return value
        return _tr(value, catalog(lang), lang)
    if isinstance(value, date) and lang != DEFAULT and type(value) is date:
        return format_day(value, "long", lang)
    if isinstance(value, (list, tuple)) and value and all(isinstance(v, str) and type(v) is not str for v in value):
        return type(value)(field(v, lang) for v in value)
    return value


# -- CLDR: dates and numbers (babel, only for another language than English) ----------------------
STYLES = {
    "long": ("date", "long"),  # 2026년 12월 2일
    "full": ("date", "full"),  # 2026년 12월 2일 수요일
    "medium": ("date", "medium"),  # 2026. 12. 2.
    "weekday": ("date", "EEEE"),  # 수요일
    "weekday-short": ("date", "EEE"),  # 수
    "month-day": ("skeleton", "MMMd"),  # 12월 2일
    "month-day-weekday": ("skeleton", "MMMEd"),  # 12월 2일 (수)
    "day-weekday": ("skeleton", "MMMMEEEEd"),  # 12월 2일 수요일
    "year-month-day": ("skeleton", "yMMMd"),  # 2026년 12월 2일
    "year-month": ("skeleton", "yMMM"),  # 2026년 12월
    "year-month-day-weekday": ("skeleton", "yMMMEd"),  # 2026년 12월 2일 (수)
}


def format_day(day: date, style: str, lang: str) -> str:
    """``day`` as ``lang``'s CLDR pattern ``style`` (see :data:`STYLES`); English: ISO 8601 for
    ``long``, else the English pattern."""
    kind, pattern = STYLES[style]
    from babel import dates

    if kind == "skeleton":
        return dates.format_skeleton(pattern, day, locale=lang)
    return dates.format_date(day, pattern, locale=lang)


def format_span(first: date, last: date, style: str, lang: str) -> str:
    """``first``–``last`` as ``lang`` writes an interval (CLDR: "11월 23일~29일")."""
    from babel import dates

    return dates.format_interval(first, last, STYLES[style][1] if STYLES[style][0] == "skeleton" else "yMMMd",
                                 locale=lang)


def weekday_names(lang: str,
                  width: Literal["abbreviated", "narrow", "short", "wide"] = "abbreviated") -> tuple[str, ...]:
    """Monday..Sunday in ``lang`` (CLDR, stand-alone)."""
    from babel import dates

    names = dates.get_day_names(width, context="stand-alone", locale=lang)
    return tuple(names[i] for i in range(7))


def format_number(value: float | int, lang: str) -> str:
    """A number as ``lang`` writes it (CLDR grouping and decimal sign)."""
    if lang == DEFAULT:
        return f"{value:g}" if isinstance(value, float) else str(value)
    from babel import numbers

    return numbers.format_decimal(value, locale=lang)


def format_percent(fraction: float, lang: str) -> str:
    """``0.83`` as ``lang`` writes a percentage ("83%"; English: "83 %", as milia always wrote it)."""
    if lang == DEFAULT:
        return f"{round(fraction * 100)} %"
    from babel import numbers

    return numbers.format_percent(fraction, locale=lang)
