"""Read an SQLite write-ahead log (``milia.db-wal``) without SQLite, to see what opening it would drop.

SQLite replays a WAL on open up to its last valid commit frame and silently
ignores everything after the first frame that does not validate; the next
checkpoint then resets the file and those frames are gone. A damaged WAL
therefore loses acknowledged check-ins without any error. :func:`inspect_wal`
checks the format of https://www.sqlite.org/fileformat2.html#walformat itself:

- the 32-byte header: magic ``0x377f0682``/``0x377f0683`` (the byte order of the
  checksums), format version 3007000, a power-of-two page size, the salts and
  the header's own checksum;
- every frame: its salts must equal the header's and its checksum must continue
  the cumulative checksum of the header and all frames before it.

Frames whose salts differ from the header's are leftovers of an earlier cycle of
the file (SQLite rewinds the WAL after a full checkpoint and writes new salts):
they are never replayed and are not damage. A frame *with the current salts*
after the first one that fails means the chain was broken inside this cycle:
committed transactions after it would be dropped (:attr:`WalReport.damaged`).
"""

from __future__ import annotations

import os
import struct
from collections.abc import Callable

from milia_cli.records import NamedTuple

__all__ = ["WalReport", "inspect_wal", "inspect_wal_bytes", "HEADER_SIZE", "FRAME_HEADER_SIZE", "FIRST_COMMIT"]

HEADER_SIZE = 32
FRAME_HEADER_SIZE = 24
_MAGIC_LE, _MAGIC_BE = 0x377F0682, 0x377F0683  # the low bit: checksums over big-endian words
_VERSION = 3007000
FIRST_COMMIT = -1  # inspect_wal(watch=...): every page of the first committed transaction
_MASK = 0xFFFFFFFF


class WalReport(NamedTuple):
    size: int  # bytes in the file
    frames: int  # whole frames the file holds (any salts)
    valid: int  # frames SQLite replays: the valid chain up to its last commit frame
    current: int  # frames written with the header's salts (this cycle of the file)
    problem: str | None  # why frames would be dropped; None: the file is whole
    salts: bytes = b""  # the header's salt-1 and salt-2, as stored (the -shm keeps a copy)
    page_size: int = 0  # from the header (0: not a WAL header)
    watched: tuple = ()  # decode(image) of each frame of the watched page, in committed transactions, in order

    @property
    def damaged(self) -> bool:
        return self.problem is not None

    @property
    def dropped(self) -> int:
        """Frames of this cycle that opening the database would silently drop."""
        return max(0, self.current - self.valid)


def _checksum(data: bytes, big_endian: bool, s0: int, s1: int) -> tuple[int, int]:
    words = struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & _MASK
        s1 = (s1 + words[i + 1] + s0) & _MASK
    return s0, s1


Decode = Callable[[bytes], object]


def inspect_wal_bytes(raw: bytes, watch: int = 0, decode: Decode | None = None) -> WalReport:
    """What SQLite would make of a WAL holding ``raw`` (see the module docstring). With ``watch``
    (a page number) and ``decode``, :attr:`WalReport.watched` holds ``decode`` of every image of
    that page in the frames SQLite replays (those of a transaction left uncommitted are skipped).
    With ``watch=FIRST_COMMIT``: ``decode`` of every page but page 1 in the first committed
    transaction, the results that are not None."""
    return _inspect(len(raw), lambda at, n: raw[at:at + n], watch, decode)


def inspect_wal(fd: int, watch: int = 0, decode: Decode | None = None) -> WalReport:
    """:func:`inspect_wal_bytes` of the file open at ``fd``, read frame by frame (a large -wal
    left by a killed import is never held in memory whole)."""
    def read(at: int, n: int) -> bytes:
        os.lseek(fd, at, os.SEEK_SET)
        parts = []
        while n > 0:
            chunk = os.read(fd, n)
            if not chunk:
                break
            parts.append(chunk)
            n -= len(chunk)
        return b"".join(parts)

    return _inspect(os.fstat(fd).st_size, read, watch, decode)


def _inspect(size: int, read: Callable[[int, int], bytes], watch: int = 0, decode: Decode | None = None) -> WalReport:
    if size < HEADER_SIZE:  # SQLite ignores it; nothing was ever committed through it
        return WalReport(size, 0, 0, 0, None)
    header = read(0, HEADER_SIZE)
    magic, version, page_size, _seq, salt1, salt2, c1, c2 = struct.unpack(">8I", header)
    frame_size = FRAME_HEADER_SIZE + page_size if 512 <= page_size <= 65536 else 0
    frames = (size - HEADER_SIZE) // frame_size if frame_size and not page_size & (page_size - 1) else 0
    if magic not in (_MAGIC_LE, _MAGIC_BE) or version != _VERSION or not frames and size > HEADER_SIZE + 4096:
        bad = "its header is not an SQLite WAL header"
        return WalReport(size, frames, 0, frames, bad if size > HEADER_SIZE else None)
    big = bool(magic & 1)
    s0, s1 = _checksum(header[:24], big, 0, 0)
    if (s0, s1) != (c1, c2):
        return WalReport(size, frames, 0, frames, "its header checksum does not match" if frames else None)
    valid = current = 0
    watched: list = []
    pending: list = []  # images of the watched page in the transaction not committed yet
    broken_at: int | None = None
    dropped_commit = False
    for n in range(frames):
        at = HEADER_SIZE + n * frame_size
        if broken_at is None:
            frame = read(at, frame_size)
            head = frame[:FRAME_HEADER_SIZE]
        else:  # past the break only the salts and the commit mark matter
            head = read(at, FRAME_HEADER_SIZE)
        if len(head) < FRAME_HEADER_SIZE:
            break
        page_no, commit, f_salt1, f_salt2, f_c1, f_c2 = struct.unpack(">6I", head)
        ours = (f_salt1, f_salt2) == (salt1, salt2)
        current += ours
        if broken_at is None:
            if ours and page_no and len(frame) == frame_size:
                s0, s1 = _checksum(frame[:8], big, s0, s1)
                s0, s1 = _checksum(frame[FRAME_HEADER_SIZE:], big, s0, s1)
                if (s0, s1) == (f_c1, f_c2):
                    if decode is not None and (page_no == watch or watch == FIRST_COMMIT and page_no != 1
                                               and not valid):
                        value = decode(frame[FRAME_HEADER_SIZE:])
                        if value is not None or watch != FIRST_COMMIT:
                            pending.append(value)
                    if commit:
                        valid = n + 1
                        watched.extend(pending)
                        pending.clear()
                    continue
            broken_at = n
        if ours and commit:
            dropped_commit = True
    problem = None
    if broken_at is not None and dropped_commit:
        problem = f"frame {broken_at + 1} of {frames} fails its salt or checksum check"
    return WalReport(size, frames, valid, current, problem, header[16:24], page_size, tuple(watched))


def recovered_frames(shm_header: bytes, salts: bytes) -> int | None:
    """The frame count SQLite recovered, from the wal-index header at the start of ``-shm``
    (``mxFrame``, native byte order), if that header is initialised and describes the WAL
    with ``salts``; None otherwise (not recovered yet, or the WAL was restarted since)."""
    if len(shm_header) < 48 or not shm_header[12] or shm_header[32:40] != salts:
        return None
    return int.from_bytes(shm_header[16:20], "little" if struct.pack("=I", 1)[0] else "big")
