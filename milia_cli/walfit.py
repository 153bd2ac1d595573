"""Does a ``-wal`` left by a dead process continue the ``milia.db`` beside it? (issue 12 item 2)

SQLite trusts that the ``-wal`` next to a database was written on top of that very file: if
an older ``milia.db`` is restored beside a newer ``-wal``, it replays the newer pages over
the older ones and the log is silently wrong, or (sometimes) reported malformed — after the
close has already checkpointed the mix into ``milia.db`` and deleted the ``-wal``. Nothing in
SQLite's own files ties the two together:

- the database header's change counter (offset 24) and version-valid-for (92) are not kept
  in WAL mode (SQLite documents it "might not be incremented"; it is not, in 3.40);
- the ``-shm``'s ``nBackfill`` says which frames were copied into the database, but it is 0
  whenever a reader held the WAL from its start (the very case that leaves a ``-wal`` behind),
  and SQLite's recovery resets it; the ``-shm`` may also be missing;
- a ``quick_check`` of a copy of both (what milia did before) only fails when the mismatched
  pages happen to break the b-tree's structure.

So milia keeps its own marker: the one-row table ``write_count`` (schema 3), which every write
transaction of milia bumps as its last statement (:meth:`milia_cli.store.Store._write`).
Every commit in a ``-wal`` therefore holds an image of that table's page, with the value
after that commit. A ``-wal`` cycle starts on a fully checkpointed database (SQLite restarts
the file only then), so the first image in it holds that database's value + 1. A checkpoint
copies a page only with its newest frame, and skips it while a reader still needs an older
one; the counter's page, written by every commit, therefore reaches the database file only
with a checkpoint of every frame so far (perhaps cut off half-way, after which recovery keeps
the frames and later commits append to them): then it holds one of the values. The database beside the ``-wal``
fits it exactly when its own value (read with SQLite in ``immutable`` mode: the database
file alone, no ``-wal``, no lock, no file created or written) is the first value − 1 or one
of the values. An older ``milia.db`` has a smaller value — any write of milia since bumped
it — and a newer one a larger value, so both are refused; a ``-wal`` whose pages are not the
database's page size is refused too.

A database without the table (schema 1 or 2, before this check) fits a ``-wal`` only if the
``-wal``'s first commit holds no image of such a page (a write of an older milia) or is the
migration that creates it (value 1); a restored pre-upgrade ``milia.db`` beside a newer
``-wal`` is refused too. The page is found there without the schema: no other table of
milia is one row of one integer (decoded with :func:`counter_in_page`). What this cannot tell:
a ``-wal`` without any write of milia since it started (another program wrote it): then
nothing is known and nothing is refused.
It costs one read-only open of the database and reading the frames the damage check reads
anyway, and runs only for a ``-wal`` that no live process holds.
"""

from __future__ import annotations

from pathlib import Path

from milia_cli.records import NamedTuple
from milia_cli.wal import WalReport

__all__ = ["Marker", "read_marker", "counter_in_page", "misfit"]

MARKER_TABLE = "write_count"  # milia_cli.store_schema, version 3
_LEAF_TABLE = 0x0D  # b-tree page type: a leaf of a table (https://www.sqlite.org/fileformat2.html#b_tree_pages)
_INT_SIZES = {1: 1, 2: 2, 3: 3, 4: 4, 5: 6, 6: 8}  # record serial type -> bytes of a big-endian signed int


class Marker(NamedTuple):
    page: int | None  # the root page (and only page) of write_count; None: the database has no such table
    # its value in the database file alone (0 without the table); shadows tuple.count, unused here
    count: int  # type: ignore[assignment]
    page_size: int


def read_marker(db: Path) -> Marker | None:
    """``write_count`` as the database file alone holds it (no ``-wal``): a :class:`Marker` with
    ``page`` None when it has no such table; None when it cannot be read or its row is not one
    integer (a damaged database is SQLite's to report, when it opens it)."""
    import sqlite3
    from urllib.parse import quote

    try:
        conn = sqlite3.connect(f"file:{quote(str(db))}?mode=ro&immutable=1", uri=True, isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
        row = conn.execute("SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?",
                           (MARKER_TABLE,)).fetchone()
        if row is None:
            return Marker(None, 0, page_size)
        if not isinstance(row[0], int):
            return None
        counts = conn.execute(f"SELECT n FROM {MARKER_TABLE} LIMIT 2").fetchall()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    if len(counts) != 1 or not isinstance(counts[0][0], int):
        return None
    return Marker(row[0], counts[0][0], page_size)


def _varint(page: bytes, at: int) -> tuple[int, int]:
    value = 0
    for i in range(9):
        byte = page[at + i]
        if i == 8:
            return (value << 8) | byte, at + 9
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            return value, at + i + 1
    raise IndexError  # unreachable


def counter_in_page(page: bytes) -> int | None:
    """The value of ``write_count``'s one row in an image of its page, or None if the image is not
    a table leaf holding exactly one row with one integer (then it is not that page)."""
    try:
        if page[0] != _LEAF_TABLE or int.from_bytes(page[3:5], "big") != 1:
            return None
        cell = int.from_bytes(page[8:10], "big")
        payload, at = _varint(page, cell)
        _rowid, at = _varint(page, at)
        if at + payload > len(page):
            return None
        header_size, pos = _varint(page, at)
        serial, pos = _varint(page, pos)
        if pos != at + header_size:
            return None  # more than one column
        if serial in (8, 9):
            return serial - 8
        size = _INT_SIZES.get(serial)
        if size is None:
            return None
        return int.from_bytes(page[at + header_size:at + header_size + size], "big", signed=True)
    except IndexError:
        return None


def misfit(marker: Marker, report: WalReport) -> str | None:
    """Why the ``-wal`` of ``report`` (read with ``watch=marker.page``, ``decode=counter_in_page``)
    does not continue the database whose marker is ``marker``; None when it does or nothing is known."""
    if report.page_size and report.page_size != marker.page_size:
        return f"the -wal holds pages of {report.page_size} bytes, the database {marker.page_size}"
    values = report.watched
    if marker.page is None:
        # no counter in milia.db (schema 1 or 2): the -wal fits only if its first commit has none
        # either, or is the migration that creates it (value 1: inserted as 0, bumped by that commit)
        if any(v != 1 for v in values):
            return (f"milia.db has no write counter (a log from before schema 3) but its -wal continues "
                    f"a database of {min(values) - 1} writes: the database is older than its -wal")
        return None
    if not values:
        return None  # no write of milia in this -wal: nothing to compare
    if any(v is None for v in values):
        return f"page {marker.page} of the -wal is not the database's write counter"
    base = values[0] - 1
    if marker.count == base or marker.count in values:
        return None
    age = "older" if marker.count < base else "newer"
    return (f"milia.db holds {marker.count} writes but the -wal continues a database of {base}: "
            f"the database is {age} than its -wal")
