"""milia_cli.records.NamedTuple makes what typing.NamedTuple makes, without the annotation check."""

from __future__ import annotations

import pickle
import typing

import pytest

from milia_cli import plan, records


def _pair() -> tuple[type, type]:
    made = []
    for base in (records.NamedTuple, typing.NamedTuple):
        class Step(base):  # type: ignore[misc,valid-type]
            """A step."""

            id: str
            areas: tuple[str, ...] = ()
            night: int | None = None

            @property
            def twice(self) -> str:
                return self.id * 2

            def where(self) -> str:
                return ", ".join(self.areas)

        made.append(Step)
    return made[0], made[1]


def test_a_record_is_the_namedtuple_typing_makes():
    ours, theirs = _pair()
    a, b = ours("rx", ("nose",)), theirs("rx", ("nose",))
    assert a == b and hash(a) == hash(b) and repr(a) == repr(b) and tuple(a) == tuple(b)
    assert ours._fields == theirs._fields and ours._field_defaults == theirs._field_defaults
    assert ours.__doc__ == theirs.__doc__ == "A step." and ours.__module__ == theirs.__module__
    assert ours.__mro__[1:] == theirs.__mro__[1:] == (tuple, object)
    assert a.twice == b.twice and a.where() == b.where() == "nose"
    assert a._replace(night=3) == b._replace(night=3) and a._asdict() == b._asdict()
    notice = plan.Notice("N6", "caution", "SPF 30+ every morning.", "S1")
    assert pickle.loads(pickle.dumps(notice)) == notice and notice.to_dict()["source"] == "S1"
    assert ours.__annotations__ == {"id": "str", "areas": "tuple[str, ...]", "night": "int | None"}
    assert typing.get_type_hints(ours) == typing.get_type_hints(theirs)


def test_the_same_mistakes_are_refused():
    with pytest.raises(TypeError, match="Non-default"):
        class Bad(records.NamedTuple):  # type: ignore[misc]
            a: int = 1
            b: int
    with pytest.raises(AttributeError, match="_replace"):
        class Worse(records.NamedTuple):  # type: ignore[misc]
            a: int

            def _replace(self) -> None:  # type: ignore[override]
                pass
