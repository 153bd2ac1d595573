"""Messages of the log database's files (:mod:`milia_cli.dbfiles`): each a finished sentence."""

from milia_cli.messages import coded
from milia_cli.messages.common import Counted  # "{n:event}": 1 event, 2 events

NOTHING_CHANGED = "nothing was changed"
RESCUE = "keep a copy first: `mkdir -p -m 700 ~/milia-rescue && cp -p {files} ~/milia-rescue/` (all of them together)"

CANT_CHECK = "Cannot read {path} to check it ({reason}); check its owner and permissions — " + NOTHING_CHANGED + "."
NOT_REGULAR = (
    "{path} is {kind}, not a regular file, so milia will not open it (it could block or hold anything); "
    "move it aside — " + NOTHING_CHANGED + "."
)
DANGLING_LINK = (
    "The log database {path} is a symbolic link to {target}, which does not exist; milia will not plan from an "
    "empty log or start a new one through the link — restore {target} or remove the link ("
    + NOTHING_CHANGED + ")."
)
FOREIGN_OWNER = (
    "{path} belongs to {owner}, not to you, so milia will not read or write health data through it; "
    "move it aside or point --home somewhere else — " + NOTHING_CHANGED + "."
)
EMPTY_DB = (
    "The log database {path} is empty (0 bytes): milia never leaves an empty database, so it was truncated; "
    "restore it from a backup (or `milia log import FILE` from a `milia log export`), or delete it if you "
    "never checked in — " + NOTHING_CHANGED + "."
)
ORPHAN_WAL = (
    "The log database {path} is missing but its write-ahead log {wal} is there and may hold check-ins; "
    "restore {path} beside it, or move {wal} aside to start a new log — " + NOTHING_CHANGED + "."
)
WAL_DAMAGED = Counted(
    "The write-ahead log {wal} is damaged ({detail}): opening the database would silently drop {dropped:frame} "
    "of recent check-ins, so milia refused to read or write it; {rescue}, then restore from a "
    "backup — " + NOTHING_CHANGED + "."
)
WAL_DROPPED = (
    "SQLite recovered only {got} of the {valid} valid frames of the write-ahead log {wal}, so recent "
    "check-ins would be lost; milia stopped before writing anything — {rescue}, then restore from a "
    "backup; " + NOTHING_CHANGED + "."
)
WAL_MISMATCH = (
    "The log database {path} and its write-ahead log {wal} do not fit together ({detail}) — perhaps an older "
    "milia.db was restored beside a newer -wal, so milia refused to read or write them; {rescue}, then "
    "restore a database and its -wal from the same backup — " + NOTHING_CHANGED + "."
)
MISSING_TABLES = (
    "The log database {path} is missing its {tables} {table}, so its log cannot be read whole; it was left "
    "untouched — move it aside and restore your log with `milia log import FILE` from a `milia log export` "
    "backup."
)


coded(globals(), "store")
