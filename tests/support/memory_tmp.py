"""Where the quick loop keeps its temporary homes: in memory, when the machine has room there.

Nearly every test writes a home: a profile, a SQLite log with `synchronous = FULL`, atomic file
writes, each fsynced. On a disk that other jobs are writing to, those fsyncs wait in the disk's
queue: on this 2-core machine, with two other test suites running, the quick loop took 102 s
with its homes on /tmp (ext4) and 69 s on /dev/shm (tmpfs), for the same CPU time. The tests
make the same calls either way; only the wait goes. The full run keeps the real disk, where the
process-kill and fault tests belong.
"""

from __future__ import annotations

import os

RAM_DISK = "/dev/shm"
ROOM = 1 << 30  # a quick loop leaves about 40 MB, and pytest keeps its last three runs


def memory_tmp() -> str | None:
    """/dev/shm when it is there, writable, and has ROOM free; else None (then the usual temp dir)."""
    try:
        stat = os.statvfs(RAM_DISK)
    except OSError:
        return None
    if not os.access(RAM_DISK, os.W_OK | os.X_OK) or stat.f_bavail * stat.f_frsize < ROOM:
        return None
    return RAM_DISK
