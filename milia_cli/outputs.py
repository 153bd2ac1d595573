"""Where an export may be written, and writing it (issue 12, item 3): ``-o`` never destroys.

``export … -o PATH``, ``log export -o PATH`` and ``batch -o OUTDIR`` write through
:func:`write_output`. The rules, in order:

1. **Never an output, even with --force**: anything inside the milia home (the
   profiles, the log database and its ``-wal``/``-shm``/``-journal``, doctor's
   backups), the profile file in use, any ``.toml`` file or file that reads as a
   milia profile, and any SQLite database. Symlinks are followed first, so a link
   to ``milia.db`` is refused like the file itself.
2. **Not a regular file** (a pipe, a device, a socket): refused; ``-`` writes stdout.
3. **An existing file is replaced only** with ``--force``, or when it is recognisably
   an export milia wrote *of the same profile in the same format* (see
   :func:`output_identity`: the format's own header — ``"schema": "milia.plan/1"`` and
   ``"profile"``, the ICS ``PRODID``/``X-WR-CALNAME``, the handout's title and footer,
   the CSV header row). Re-running an export over its last output just works; a
   ``notes.txt`` or another client's handout is left alone.

Writes are atomic and private (0600): through a symlink the link is kept and its
target replaced. :func:`remove_stale_temps` deletes the hidden temporary files a
killed ``batch`` left in its output folder (``.ana.html.k3j9x_2a.tmp``).
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from milia_cli.errors import MiliaError
from milia_cli.safe_text import one_line

if TYPE_CHECKING:
    from milia_cli.paths import Locations

PROFILE_SNIFF = 256 * 1024  # a profile is at most this big (MAX_PROFILE_BYTES)
SNIFF_BYTES = PROFILE_SNIFF + 4096  # read whole up to this; beyond, the head and the tail
SQLITE_HEADER = b"SQLite format 3\x00"
_JSON_HEAD = re.compile(rb'\A\s*\{\s*"schema":\s*"(milia\.(?:plan|log|report)/1)",\s*"profile":\s*("(?:[^"\\]|\\.)*"|null)'
                        rb'(?:,\s*"name":\s*("(?:[^"\\]|\\.)*"|null))?')
_ICS_NAME = re.compile(rb"\r?\nX-WR-CALNAME:milia: ([^\r\n]*)\r?\n")
_MD_TITLE = re.compile(rb"\A# Skincare plan for ([^\n]*)\n")
_HTML_TITLE = re.compile(rb"\A<!DOCTYPE html>.{0,2000}?<title>Skincare plan for ([^<]*)</title>", re.DOTALL)
_REPORT_TITLE = re.compile(rb"\A<!DOCTYPE html>.{0,2000}?<title>Progress report for ([^<]*)</title>", re.DOTALL)
_FOOTER = b"Made with milia "


def _stale_temp() -> re.Pattern[str]:
    """atomic_write_bytes' temporaries of an export: "." + the file's name (ending in a format's
    extension, :mod:`milia_cli.exporters.registry`) + "." + mkstemp's 8 characters + ".tmp"."""
    from milia_cli.exporters.registry import FORMATS

    ends = sorted({re.escape(f.extension.rsplit(".", 1)[-1]) for f in FORMATS})
    return re.compile(rf"\A\..+\.(?:{'|'.join(ends)})\.[a-z0-9_]{{8}}\.tmp\Z")


def output_identity(data: bytes) -> tuple[str, str] | None:
    """``(format, profile)`` if ``data`` is an export milia wrote, else None."""
    head = data[:4096]
    m = _JSON_HEAD.match(head)
    if m:
        try:
            profile = json.loads(m[2])
            if profile is None:  # a client file with no log yet: its export is known by the person's name
                profile = "name:" + str(json.loads(m[3] or b"null"))
            return m[1].decode(), profile
        except ValueError:
            return None
    if head.startswith(b"BEGIN:VCALENDAR") and b"\nPRODID:-//milia//" in head:
        name = _ICS_NAME.search(head)
        return ("ics", name[1].decode("utf-8", "replace")) if name else None
    if _FOOTER in data[-4096:]:
        for fmt, pattern in (("md", _MD_TITLE), ("html", _HTML_TITLE), ("report", _REPORT_TITLE)):
            m = pattern.match(head)
            if m:
                return fmt, m[1].decode("utf-8", "replace")
    from milia_cli.exporters.csv_export import OUTLOOK_HEADER, PLAN_HEADER
    from milia_cli.messages.export import CSV_HEADER, GOOGLE_HEADER

    first = head.split(b"\n", 1)[0].rstrip(b"\r").decode("utf-8", "replace")
    # older exports too: CSV_HEADER alone (before ids), with ids (before the shelf's product)
    headers = (PLAN_HEADER, ("id",) + CSV_HEADER, CSV_HEADER, GOOGLE_HEADER, OUTLOOK_HEADER)
    if first in {",".join(h) for h in headers}:
        return "csv", first  # a CSV names no profile: any CSV of milia's with the same columns
    from milia_cli.exporters.registry import FORMATS, load

    for row in FORMATS:  # a format of the table that says how its files name their profile
        who = load(row.identify)(head) if row.identify else None
        if who is not None:
            return row.name, who
    return None


def protected_files(st: object) -> list[Path]:
    """Files no export may replace besides the home: the profile file in use (a ``State``)."""
    try:
        return [st.profile_path]  # type: ignore[attr-defined]
    except MiliaError:
        return []


def _within(path: Path, directory: Path) -> bool:
    try:
        path.relative_to(directory)
    except ValueError:
        return False
    return True


def _looks_like_profile(head: bytes) -> bool:
    import tomllib

    if b"schema" not in head:
        return False
    try:
        doc = tomllib.loads(head.decode("utf-8-sig"))
    except (ValueError, RecursionError, UnicodeDecodeError):
        return False
    return "schema" in doc and ("name" in doc or "schedule" in doc)


def check_output(path: Path, data: bytes | None = None, *, locations: Locations, protected: Iterable[Path] = (),
                 force: bool = False, identity: tuple[str, str] | None = None) -> Path:
    """The path to write ``data`` to for ``-o path`` (symlinks followed), or a MiliaError
    saying why not; nothing is written here. A streamed output (no ``data`` yet) gives its
    ``identity`` instead, e.g. ``("milia.log/1", key)`` (see :func:`output_identity`)."""
    from milia_cli.messages import export as msg

    shown = one_line(path)
    target = Path(os.path.realpath(path))
    if target.is_dir():
        raise MiliaError(msg.OUTPUT_IS_DIR.format(path=shown))
    homes = {Path(os.path.realpath(d)) for d in (locations.config_dir, locations.data_dir)}
    for home in sorted(homes):
        if _within(target, home):
            raise MiliaError(msg.OUTPUT_IN_HOME.format(path=shown, home=one_line(home)))
    db = Path(os.path.realpath(locations.db_path))
    if target.parent == db.parent and target.name.startswith(db.name):
        raise MiliaError(msg.OUTPUT_PROTECTED.format(path=shown, what=msg.WHAT_DATABASE))
    if target.suffix.lower() == ".toml" or any(target == Path(os.path.realpath(p)) for p in protected):
        raise MiliaError(msg.OUTPUT_PROTECTED.format(path=shown, what=msg.WHAT_PROFILE))
    try:
        st = os.stat(target)
    except FileNotFoundError:
        return target
    except OSError as exc:
        from milia_cli.fsutil import reason

        raise MiliaError(msg.OUTPUT_UNREADABLE.format(path=shown, reason=reason(exc))) from None
    if stat.S_ISDIR(st.st_mode):
        raise MiliaError(msg.OUTPUT_IS_DIR.format(path=shown))
    if not stat.S_ISREG(st.st_mode):
        raise MiliaError(msg.OUTPUT_NOT_REGULAR.format(path=shown))
    existing = _read_head(target, st.st_size)
    if existing.startswith(SQLITE_HEADER):
        raise MiliaError(msg.OUTPUT_PROTECTED.format(path=shown, what=msg.WHAT_SQLITE))
    if st.st_size <= PROFILE_SNIFF and _looks_like_profile(existing):
        raise MiliaError(msg.OUTPUT_PROTECTED.format(path=shown, what=msg.WHAT_PROFILE))
    if force:
        return target
    mine = identity if identity is not None else output_identity(data or b"")
    if mine is not None and output_identity(existing) == mine:
        return target
    raise MiliaError(msg.OUTPUT_EXISTS.format(path=shown))


def _read_head(path: Path, size: int) -> bytes:
    """What identifies the file: all of it up to SNIFF_BYTES, else its first 256 KB and last
    4 KB (constant memory whatever the size: a 10-year log export is replaced as cheaply)."""
    try:
        with open(path, "rb") as fh:
            if size <= SNIFF_BYTES:
                return fh.read(SNIFF_BYTES)
            head = fh.read(PROFILE_SNIFF)
            fh.seek(-4096, os.SEEK_END)
            return head + b"\n" + fh.read(4096)
    except OSError:
        return b""


def write_output(path: Path, data: bytes, *, locations: Locations, protected: Iterable[Path] = (),
                 force: bool = False) -> Path:
    """Check ``path`` (:func:`check_output`), then write ``data`` atomically and privately."""
    from milia_cli.fsutil import atomic_write_bytes

    target = check_output(path, data, locations=locations, protected=protected, force=force)
    atomic_write_bytes(target, data)
    return target


def check_output_dir(outdir: Path, *, locations: Locations) -> None:
    """``batch -o OUTDIR`` must not be (inside) the milia home."""
    from milia_cli.messages import export as msg

    target = Path(os.path.realpath(outdir))
    for home in sorted({Path(os.path.realpath(d)) for d in (locations.config_dir, locations.data_dir)}):
        if _within(target, home):
            raise MiliaError(msg.OUTPUT_IN_HOME.format(path=one_line(outdir), home=one_line(home)))


def remove_stale_temps(outdir: Path) -> list[Path]:
    """Delete the hidden temporary exports a killed run left in ``outdir``; returns them."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(outdir))
    except OSError:
        return removed
    stale = _stale_temp()
    for entry in entries:
        if not stale.match(entry.name):
            continue
        try:
            if entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed
