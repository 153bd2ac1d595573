"""Every user-facing sentence lives in this package, one module per area.

Modules hold plain ``str.format`` templates, so wording can be reviewed and translated in one
place, and tests can refer to the same constants.

Each module ends with ``coded(globals(), "<area>")``: its templates become
:class:`Message` objects carrying a stable code (``export.bad_weeks``), and a template
formatted with ``.format(...)`` keeps it. An error raised with one
(:class:`milia_cli.errors.MiliaError`) therefore knows which message it is: tests assert on
the code, not on wording, and ``--json`` commands print ``{"code": …, "message": …}`` (as
jrnl's ``MsgText``). The labels of a module's dicts and tuples become Messages too (no code).

A Message is English text, and remembers how it was made: a formatted one its template and
fields, a joined one (``a + b``, :func:`joined`) its parts. :func:`milia_cli.i18n.tr`
rebuilds it in another language at the point of use (the template translated, then formatted;
fields that are Messages, dates or :class:`Localized` values translated too). The English
text is the catalogue's msgid (``milia_cli/locale``); nothing here imports gettext or babel.
"""

from __future__ import annotations

from typing import Any, Self


class Message(str):
    """A sentence (or template) with its code; ``str`` everywhere else it goes."""

    code: str | None = None
    _src: tuple[Message, tuple[Any, ...], dict[str, Any]] | None = None  # formatted: template, args, kwargs
    _parts: tuple[str, ...] | None = None  # joined: the pieces

    def __new__(cls, text: str, code: str | None = None) -> Message:
        obj = super().__new__(cls, text)
        if code is not None:
            obj.code = code
        return obj

    def format(self, *args: object, **kwargs: object) -> Message:
        out = Message(self.render(str(self), args, kwargs, "en"), self.code)
        out._src = (self, args, kwargs)
        return out

    def render(self, text: str, args: tuple[Any, ...], kwargs: dict[str, Any], lang: str) -> str:
        """``text`` (this template, or its translation into ``lang``) with the fields filled in."""
        return str.format(text, *args, **kwargs)

    def __add__(self, other: str) -> Message:
        if not isinstance(other, str):
            return NotImplemented
        return joined(self, other)

    def __radd__(self, other: str) -> Message:
        if not isinstance(other, str):
            return NotImplemented
        return joined(other, self)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Message, (str(self), self.code))


def joined(*parts: str, sep: str = "") -> Message:
    """``parts`` as one Message that translates piece by piece (``sep`` between them)."""
    pieces: list[str] = []
    for i, part in enumerate(parts):
        if i and sep:
            pieces.append(sep)
        pieces.append(part)
    out = Message("".join(pieces))
    out._parts = tuple(pieces)
    return out


class Localized(str):
    """A field value that reads differently per language: English as this str,
    another language from :meth:`localized` (a date by CLDR through babel, area names from the
    catalogue). Formatting a Message with one keeps the English unchanged."""

    def localized(self, lang: str) -> str:
        return str(self)


class When(Localized):
    """A date as a field: the English text the caller wrote (``2026-12-02``, ``Wed 2 Dec 2026``),
    in another language the date in the locale's words (:func:`milia_cli.i18n.format_day`)."""

    day: Any
    style: str

    def __new__(cls, text: str, day: Any, style: str = "long") -> When:
        obj = super().__new__(cls, text)
        obj.day, obj.style = day, style
        return obj

    def localized(self, lang: str) -> str:
        from milia_cli.i18n import format_day

        return format_day(self.day, self.style, lang)


class Span(Localized):
    """Two dates as a span (``23 Nov – 29 Nov``); another language writes the interval as CLDR
    does ("11월 23일~29일")."""

    first: Any
    last: Any
    style: str

    def __new__(cls, text: str, first: Any, last: Any, style: str = "month-day") -> Span:
        obj = super().__new__(cls, text)
        obj.first, obj.last, obj.style = first, last, style
        return obj

    def localized(self, lang: str) -> str:
        from milia_cli.i18n import format_span

        return format_span(self.first, self.last, self.style, lang)


class Retold(Localized):
    """A sentence shown otherwise in English (shortened, cut to a clause) than the ``sentence``
    it was made from; in another language, that sentence's translation (:meth:`retell` may cut
    it the same way)."""

    sentence: str

    def __new__(cls, text: str, sentence: str = "") -> Self:  # the default: copy and pickle
        obj = super().__new__(cls, text)
        obj.sentence = sentence or text
        return obj

    def localized(self, lang: str) -> str:
        from milia_cli.i18n import tr

        return self.retell(tr(self.sentence, lang), lang)

    def retell(self, translated: str, lang: str) -> str:
        return translated


def code_of(text: object) -> str | None:
    """The code of a message (None for a plain string)."""
    return getattr(text, "code", None)


def _labels(value: Any) -> Any:
    """The strings of a dict's values or a tuple's items as Messages (to be translated)."""
    if type(value) is str:
        return Message(value)
    if isinstance(value, dict):
        return {k: _labels(v) for k, v in value.items()}
    if type(value) is tuple:
        return tuple(_labels(v) for v in value)
    return value


def coded(namespace: dict[str, Any], area: str) -> None:
    """Give every upper-case template of a messages module its code ``area.name``; the strings
    in its upper-case dicts and tuples become (uncoded) Messages."""
    for name, value in list(namespace.items()):
        if not name.isupper() or name.startswith("_"):
            continue
        code = f"{area}.{name.lower()}"
        if type(value) is str:
            namespace[name] = Message(value, code)
        elif isinstance(value, Message) and value.code is None:
            value.code = code
        elif isinstance(value, (dict, tuple)):
            namespace[name] = _labels(value)
