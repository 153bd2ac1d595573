"""Messages about which log belongs to which profile file (its identity), and about a
profile that disappears under a waiting command."""

from milia_cli.messages import coded

GONE_WHILE_WAITING = (
    "The profile file {file} was deleted while this command waited for another milia; nothing was written."
)
GONE = "The profile file {file} disappeared while milia waited to give it an id; nothing was written."
NEW_LOG = (
    "{file} now holds `id = \"{key}\"` (written into the file, nothing else changed): its log is kept under it, "
    "and it starts a new one."
)
NEW_LOG_HOME_OWNS = (
    "{file} now holds `id = \"{key}\"` (written into the file) and starts a new log: the log kept under "
    "the name {name!r} is the home profile {name!r}'s."
)
INHERITED = (
    "{file} now holds `id = \"{key}\"` (written into the file) and takes over the log kept under the name "
    "{name!r} before ids ({counts}); any other file named {name!r} starts a new log "
    "(see README, Profile identity)."
)
CANT_WRITE_ID = (
    "could not give {file} an id of its own ({error}), so its log is still the one kept under the name "
    "{name!r}, which every other file named {name!r} shares; run milia once where it can write the file."
)
CANT_WRITE_ID_HOME = (
    "Could not give {file} an id of its own ({error}), and the log under the name {name!r} belongs to the "
    "home profile {name!r}; run milia once where it can write the file, so it gets a log of its own."
)
CANT_PLACE_ID = "Could not add an `id` line to {file} without changing its meaning; add `id = \"...\"` yourself."
COPIES_WARNING = (
    "{others} in the same folder also claims id {key!r} (a copy of {file}?); the log stays with {file}: "
    "delete the `id` line from the copy and it gets its own."
)
IS_A_COPY = (
    "{file} holds id {key!r}, made for {original}: it looks like a copy, and one client's log is never shown "
    "under another; delete the `id` line from {file} and it gets a log of its own."
)
SHARED_ID = (
    "{file} and {others} in the same folder claim one identity ({key!r}) and milia cannot tell which is the "
    "original; delete the `id` line from the copy and it gets a log of its own."
)
BATCH_OUTPUT = "{source} -> {target}"
BATCH_CLAIMED = (
    "milia: gave {count} client file{s} an id (one `id = ...` line written into each; commit it with the file): "
    "each client's log is kept under it."
)
LIST_SHARED = (
    "{files} claim one identity ({key!r}): only the original may use its log; delete the `id` line "
    "from the copy and it gets its own."
)


coded(globals(), "identity")
