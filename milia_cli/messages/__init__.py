"""Every user-facing sentence lives in this package, one module per area.

Modules hold plain ``str.format`` templates, so wording can be reviewed (and one
day translated) in one place, and tests can refer to the same constants.

Each module ends with ``coded(globals(), "<area>")``: its templates become
:class:`Message` objects carrying a stable code (``export.bad_weeks``), and a template
formatted with ``.format(...)`` keeps it. An error raised with one
(:class:`milia_cli.errors.MiliaError`) therefore knows which message it is: tests assert on
the code, not on wording, and ``--json`` commands print ``{"code": …, "message": …}`` (as
jrnl's ``MsgText``).
"""

from __future__ import annotations

from typing import Any


class Message(str):
    """A sentence (or template) with its code; ``str`` everywhere else it goes."""

    code: str | None = None

    def __new__(cls, text: str, code: str | None = None) -> Message:
        obj = super().__new__(cls, text)
        if code is not None:
            obj.code = code
        return obj

    def format(self, *args: object, **kwargs: object) -> Message:
        return Message(str.format(self, *args, **kwargs), self.code)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Message, (str(self), self.code))


def code_of(text: object) -> str | None:
    """The code of a message (None for a plain string)."""
    return getattr(text, "code", None)


def coded(namespace: dict[str, Any], area: str) -> None:
    """Give every upper-case template of a messages module its code ``area.name``."""
    for name, value in list(namespace.items()):
        if not name.isupper() or name.startswith("_"):
            continue
        code = f"{area}.{name.lower()}"
        if type(value) is str:
            namespace[name] = Message(value, code)
        elif isinstance(value, Message) and value.code is None:
            value.code = code
