"""``NamedTuple`` for milia's records, made at a fifth of the cost on every run.

milia's data are ``typing.NamedTuple`` records (plan days and steps, profile, log rows…), and
the modules that define them are imported on every run of the CLI. With ``from __future__
import annotations`` (used throughout, so a record can name a type that is only imported for
the type checker) ``typing.NamedTuple`` checks every field's annotation string by compiling
it into a ``ForwardRef``: about 0.4 ms for a six-field record, some 8 ms of the ~30 ms that
``milia today`` spends beyond the Typer floor on its 30-odd records. The tuple itself is
``collections.namedtuple``'s and takes a fifth of that.

So ``from milia_cli.records import NamedTuple`` gives, at run time, the same thing as
``typing.NamedTuple`` — a ``collections.namedtuple`` subclass of ``tuple`` with the class's
defaults, methods, properties and docstring, ``__annotations__`` kept as written — without
the annotation check (mypy does that, on the source). To the type checker it *is*
``typing.NamedTuple``. No ``Generic`` records and no record subclassing another: milia has
neither (typing's own rules; this raises the same TypeError).
"""

from __future__ import annotations

import collections
from typing import TYPE_CHECKING, Any

__all__ = ["NamedTuple"]

_namedtuple: Any = collections.namedtuple  # called with names known only at run time (mypy wants literals)
# what a namedtuple class already has, and the class statement's own bookkeeping
_SPECIAL = frozenset({"__module__", "__name__", "__annotations__", "__qualname__", "__doc__"})
_PROHIBITED = frozenset({"__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults",
                         "_make", "_replace", "_asdict", "_source"})


class _RecordMeta(type):
    def __new__(mcs, typename: str, bases: tuple[type, ...], ns: dict[str, Any]) -> Any:
        if not bases:  # NamedTuple itself, the base every record names
            return super().__new__(mcs, typename, bases, ns)
        if len(bases) != 1 or type(bases[0]) is not _RecordMeta or bases[0].__bases__ != (object,):
            raise TypeError("a record can only inherit from NamedTuple")
        annotations: dict[str, Any] = ns.get("__annotations__", {})
        defaults: list[Any] = []
        for field in annotations:
            if field in ns:
                defaults.append(ns[field])
            elif defaults:
                raise TypeError(f"Non-default namedtuple field {field} cannot follow default field")
        record = _namedtuple(typename, list(annotations), defaults=defaults, module=ns["__module__"])
        record.__annotations__ = dict(annotations)
        record.__qualname__ = ns.get("__qualname__", typename)
        if ns.get("__doc__") is not None:
            record.__doc__ = ns["__doc__"]
        for key, value in ns.items():
            if key in _PROHIBITED:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            if key not in _SPECIAL and key not in annotations:
                setattr(record, key, value)
        return record


if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:
    class NamedTuple(metaclass=_RecordMeta):
        """The base of a record (see the module docstring)."""
