"""`milia log export` as a stream: the milia.log/1 JSON of a log of any length in constant memory.

The text is byte-identical to ``json.dumps(log_to_dict(key, log, name), ensure_ascii=False,
indent=2) + "\\n"`` (what the export always wrote; ``tests/test_rev2_store_scale.py``
checks it): the document is built by :func:`milia_cli.store_json.log_to_dict` itself
from the log without its check-ins (events and everything else it holds), and its
``checkins`` list is filled lazily from a cursor, one row at a time, while ``json``'s
encoder walks it (``iterencode`` with an indent is the pure-Python encoder, the one
``json.dumps`` used, so the bytes are the same).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from milia_cli.store import Store

__all__ = ["log_json_chunks", "batched"]

_NO_DAY = (date.max, date.min)  # a window that holds no day: the log without its check-ins


class _LazyList(list):
    """Looks like a list to ``json`` (which asks ``bool()`` then iterates), yields from ``items``."""

    def __init__(self, items: Iterable[object], nonempty: bool) -> None:
        super().__init__()
        self._items, self._nonempty = items, nonempty

    def __bool__(self) -> bool:
        return self._nonempty

    def __iter__(self) -> Iterator[object]:
        return iter(self._items)


def log_json_chunks(store: Store | None, key: str, name: str | None = None) -> Iterator[str]:
    """The milia.log/1 text of ``key``'s log, in pieces (``store`` None: no database, an empty
    log); ``name`` is the person's (None: the profile could not be read)."""
    from milia_cli.logmodel import EMPTY_LOG
    from milia_cli.store_json import checkin_to_dict, log_to_dict

    if store is None:
        doc = log_to_dict(key, EMPTY_LOG, name)
    else:
        doc = log_to_dict(key, store.read_log(key, first=_NO_DAY[0], last=_NO_DAY[1]), name)
        checkins = store.counts(key)[0]
        doc["checkins"] = _LazyList((checkin_to_dict(c) for c in store.iter_checkins(key)), checkins > 0)
    yield from json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(doc)
    yield "\n"


def batched(chunks: Iterable[str], size: int = 1 << 14) -> Iterator[bytes]:
    """``chunks`` joined into UTF-8 pieces of about ``size`` characters (few, large writes)."""
    buf: list[str] = []
    held = 0
    for chunk in chunks:
        buf.append(chunk)
        held += len(chunk)
        if held >= size:
            yield "".join(buf).encode("utf-8")
            buf, held = [], 0
    if buf:
        yield "".join(buf).encode("utf-8")
