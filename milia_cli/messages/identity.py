"""Messages about which log belongs to which profile file (its identity), and about a
profile that disappears under a waiting command."""

GONE_WHILE_WAITING = (
    "The profile file {file} was deleted while this command waited for another milia; nothing was written."
)
