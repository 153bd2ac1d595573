"""Whose log is it: the identity of a profile file (issue 12, item 12).

The log database keys every profile's check-ins and events by one string, the
profile's *identity*:

- a file of the home's profiles folder (``profiles/ana.toml``, used with ``-p ana``)
  is known by its name, ``ana``, which no other file of that folder can have;
- any other file (a client's, used with ``-f``) is known by the ``id`` written in it.
  A client file without one gets one the first time milia uses it while a log
  database exists: ``id = "ana-3f9c1a2b7e4d"`` (its file name and 12 random hex
  digits), inserted as one line under ``name``, the rest of the file kept byte for
  byte (atomic write, under the folder's lock).
- a file of either kind that already holds an ``id`` is known by it (copy a client's
  file into the home and it keeps its log).

Before ids, a client file's log was kept under its ``name``, so two clients called
"ana" shared one. The first client file that gets an id inherits the log kept under
its name (in the same transaction that writes the id), unless that key is a home
profile's; every later one starts a new log, and milia says which happened.

Two files of one folder with one identity (``cp ana.toml ana-copy.toml``) are never
allowed to share a log: the file whose name the id was made from keeps it, with a
warning naming the copy; the copy is refused until its ``id`` line is deleted (then it
gets its own). When no single file can be told to be the original, both are refused.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from milia_cli.errors import MiliaError
from milia_cli.messages import identity as msg
from milia_cli.records import NamedTuple

if TYPE_CHECKING:
    from milia_cli.paths import Locations
    from milia_cli.profile import Profile
    from milia_cli.store import Store

ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,64}")
TOKEN_HEX = 12  # 48 random bits: no two clients of a clinic draw the same
_TOKEN = re.compile(rf"[0-9a-f]{{{TOKEN_HEX}}}")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_MAX_READ = 256 * 1024  # as profile.MAX_PROFILE_BYTES


class Identified(NamedTuple):
    """A loaded profile with its identity in ``profile.id`` (None: a client file that has
    no log yet), and the sentences to tell the user."""

    profile: Profile
    notes: tuple[str, ...] = ()
    event: str = ""  # "new" | "inherited" | "home-owns" | "unwritable" when an id was just claimed


def slug(text: str) -> str:
    """ASCII letters and digits joined by '-', lower case ('' if none)."""
    if text.isascii():  # the common case, without unicodedata (a folder scan slugs every name)
        folded = text.lower()
        if folded.isalnum():
            return folded
    else:
        import unicodedata

        folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return _NOT_SLUG.sub("-", folded).strip("-")


def is_home_file(path: Path, profiles_dir: Path) -> bool:
    """A file of the home's profiles folder (``-p NAME``, or a symlink there to a client's
    file): known by its name unless it holds an id."""
    try:
        return path.parent.resolve() == profiles_dir.resolve()
    except OSError:
        return False


def new_id(path: Path) -> str:
    import secrets

    return f"{slug(path.stem)[:40].strip('-') or 'client'}-{secrets.token_hex(TOKEN_HEX // 2)}"


def made_for(key: str, path: Path) -> bool:
    """Whether ``key`` is the identity milia would have made for ``path``: its name (in the
    home), or its name's slug plus a token (the original of a copied file)."""
    return _made_for_stem(key, path.stem)


def _made_for_stem(key: str, stem: str) -> bool:
    if key == stem:
        return True
    prefix, _, token = key.rpartition("-")
    return bool(_TOKEN.fullmatch(token)) and prefix == (slug(stem)[:40].strip("-") or "client")


def identify(path: Path, profile: Profile, locations: Locations, *, home: bool,
             timeout: float | None = None) -> Identified:
    """``profile`` (loaded from ``path``) with its identity; claims an id for a client
    file without one when a log database exists. Raises for a copy (see module doc)."""
    if profile.id is not None or home:
        key = profile.id if profile.id is not None else path.stem
        warning = check_unique(path, key, home=home)
        return Identified(profile._replace(id=key), (warning,) if warning else ())
    if not locations.db_path.exists():
        return Identified(profile)  # no log anywhere yet: nothing to claim, nothing written
    return claim(path, profile, locations, timeout=timeout)


# -- two files, one identity ----------------------------------------------------------
def home_log_key(locations: Locations, name: str) -> str:
    """The key of the log of home profile ``name``: the id its file holds, else ``name`` (also
    when the file is gone: a log kept after `delete --keep-log`, or an id `doctor` shows). Read
    without validating the file, so a broken profile can still export or import its log."""
    path = locations.profile_path(name)
    return (file_identity(path, True) or name) if path.exists() else name


def file_identity(path: Path, home: bool) -> str | None:
    """The identity ``path`` claims, read without trusting it (None if unreadable)."""
    raw = _read_regular(path)
    if raw is None:
        return None
    found = _explicit_id(raw)
    if found is not None:
        return found
    return path.stem if home else None


_EXPLICIT_IDS: dict[bytes, str | None] = {}  # file bytes -> the id they hold: one command reads one file
# several times (the log key, the identity, the copy check), so it is parsed once


def _explicit_id(raw: bytes) -> str | None:
    if b"id" not in raw:
        return None
    if raw in _EXPLICIT_IDS:
        return _EXPLICIT_IDS[raw]
    if len(_EXPLICIT_IDS) >= 64:  # a folder of clients is read file by file: keep only the last few
        _EXPLICIT_IDS.clear()
    found = _EXPLICIT_IDS[raw] = _parse_explicit_id(raw)
    return found


def _parse_explicit_id(raw: bytes) -> str | None:
    import tomllib

    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError, ValueError):
        return None
    value = data.get("id") if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


def _read_regular(path: Path) -> bytes | None:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None  # a FIFO or device: never block on it
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read(_MAX_READ + 1)
    except OSError:
        return None
    finally:
        os.close(fd)


def other_claimants(path: Path, key: str, *, home: bool, like_named: bool = False) -> list[Path]:
    """The other TOML files of ``path``'s folder that claim ``key``, sorted; with
    ``like_named``, only among the files ``key`` could have been made for.

    Raw ``os.read`` of regular files only (never a FIFO), parsed only when the id is in it."""
    needle = key.encode("utf-8")
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return []
    found = []
    for entry in entries:
        name = entry.name
        if not name.endswith(".toml") or name.startswith(".") or name == path.name:
            continue
        if like_named and not _made_for_stem(key, name[:-5]):
            continue
        other = Path(entry.path)
        if home and other.stem == key:
            if file_identity(other, True) == key:
                found.append(other)
            continue
        try:
            if not entry.is_file():
                continue
            fd = os.open(entry.path, os.O_RDONLY | os.O_NONBLOCK)
        except OSError:
            continue
        try:
            raw = os.read(fd, _MAX_READ + 1)
        except OSError:
            continue
        finally:
            os.close(fd)
        if needle not in raw or _explicit_id(raw) != key or _same_file(other, path):
            continue
        found.append(other)
    return sorted(found)


def check_unique(path: Path, key: str, *, home: bool) -> str | None:
    """None when no other file of the folder claims ``key``; a warning when ``path`` is the
    original; raises when ``path`` is a copy, or the original cannot be told.

    A client file whose name its id was made from is the original unless a like-named file
    (``Ana.toml`` beside ``ana.toml``) claims the id too, so only those are read: a folder
    of 1,000 clients costs `today` nothing. Every other file (a copy, a renamed original)
    reads the folder; the home's profiles folder, small, is always read whole."""
    others = other_claimants(path, key, home=home, like_named=not home and made_for(key, path))
    if not others:
        return None
    return judge(path, key, others)


def judge(path: Path, key: str, others: Iterable[Path]) -> str:
    """The warning for ``path`` when it is the original among files claiming ``key``;
    raises when it is a copy, or when no single original can be told."""
    others = list(others)
    originals = [p for p in [path, *others] if made_for(key, p)]
    names = ", ".join(p.name for p in others)
    if originals == [path]:
        return msg.COPIES_WARNING.format(file=path, others=names, key=key)
    if len(originals) == 1:
        raise MiliaError(msg.IS_A_COPY.format(file=path, original=originals[0], key=key))
    raise MiliaError(msg.SHARED_ID.format(file=path, others=names, key=key))


# -- giving a client file its id -------------------------------------------------------
def home_keys(locations: Locations, *, besides: Path | None = None) -> set[str]:
    """The identities of the home's profiles (their names, or the ids they hold), leaving out
    the home files that are ``besides`` itself (a symlink in the home to a client's file)."""
    keys = set()
    for name in locations.profile_names():
        path = locations.profiles_dir / f"{name}.toml"
        if besides is not None and _same_file(path, besides):
            continue
        key = file_identity(path, True)
        keys.add(key if key is not None else name)
    return keys


def _home_links(locations: Locations, path: Path) -> list[str]:
    """The home profile names that are links to ``path`` (their logs are this file's)."""
    return [name for name in locations.profile_names()
            if (locations.profiles_dir / f"{name}.toml").is_symlink()
            and _same_file(locations.profiles_dir / f"{name}.toml", path)]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def claim(path: Path, profile: Profile, locations: Locations, *, timeout: float | None = None,
          store: Store | None = None, homes: set[str] | None = None) -> Identified:
    """Write a new id into the client file ``path`` and give it the log kept under its
    ``name`` before ids (when no home profile owns that key), in one transaction.

    If the file cannot be written, its log stays the one under its name, with a warning.
    """
    from milia_cli.fsutil import directory_lock

    links = _home_links(locations, path) if homes is None else []
    legacy = links[0] if links else profile.name  # `-p NAME` through a link logged under NAME
    owned = legacy in (home_keys(locations, besides=path) if homes is None else homes)
    with directory_lock(path.parent):
        raw = _read_regular(path)
        current = None if raw is None else _explicit_id(raw)
        if current is not None:  # another milia gave it one while we waited for the lock
            return Identified(profile._replace(id=current))
        if raw is None:
            raise MiliaError(msg.GONE.format(file=path))
        key = new_id(path)
        data = with_id_line(raw, key, str(path))
        target = path.resolve() if path.is_symlink() else path

        def write() -> None:
            from milia_cli.fsutil import atomic_write_bytes

            try:
                atomic_write_bytes(target, data)
            except MiliaError as err:
                raise _WriteFailed(err.message) from None

        try:
            if store is not None:
                counts = _claim_in(store, None if owned else legacy, key, write)
            elif not locations.db_path.exists():  # no log anywhere: nothing to take over, no database made
                write()
                counts = (0, 0)
            else:
                from milia_cli.store import open_store

                with open_store(locations.db_path, timeout=timeout) as opened:
                    counts = _claim_in(opened, None if owned else legacy, key, write)
        except MiliaError as err:  # the file (read-only, full disk) or the database (read-only, locked)
            if owned:
                raise MiliaError(msg.CANT_WRITE_ID_HOME.format(file=path, error=err.message.rstrip("."),
                                                               name=legacy)) from None
            return Identified(profile._replace(id=legacy),
                              (msg.CANT_WRITE_ID.format(file=path, error=err.message.rstrip("."), name=legacy),),
                              "unwritable")
    checkins, events = counts
    if checkins or events:
        counts_text = f"{_count(checkins, 'check-in')}, {_count(events, 'event')}"
        event, note = "inherited", msg.INHERITED.format(file=path, key=key, name=legacy, counts=counts_text)
    elif owned:
        event, note = "home-owns", msg.NEW_LOG_HOME_OWNS.format(file=path, key=key, name=legacy)
    else:
        event, note = "new", msg.NEW_LOG.format(file=path, key=key)
    return Identified(profile._replace(id=key), (note,), event)


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _claim_in(store: Store, legacy: str | None, key: str, write: Callable[[], None]) -> tuple[int, int]:
    from milia_cli.store import claim_profile_key

    return claim_profile_key(store, legacy, key, write)


class _WriteFailed(MiliaError):
    """The id could not be written into the file (read-only, full disk…)."""


def with_id_line(raw: bytes, key: str, source: str) -> bytes:
    """``raw`` with ``id = "KEY"`` as one more top-level line, under ``name`` when it can go
    there, else first; every other byte kept. Checked by parsing both."""
    import tomllib

    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    before: Any = tomllib.loads(text)
    newline = "\r\n" if "\r\n" in text else "\n"
    line = f'id = "{key}"  # milia keeps this client\'s log under it; delete this line in a copy{newline}'
    lines = text.splitlines(keepends=True)
    candidates = []
    for i, current in enumerate(lines):
        stripped = current.lstrip()
        if stripped.startswith("["):
            break
        if re.match(r"name\s*=", stripped):
            candidates.append(i + 1)
    candidates.append(0)
    for at in candidates:
        body = lines[:at]
        if body and not body[-1].endswith(("\n", "\r")):
            body = [*body[:-1], body[-1] + newline]
        new_text = "".join(body) + line + "".join(lines[at:])
        try:
            after = tomllib.loads(new_text)
        except tomllib.TOMLDecodeError:
            continue
        if after == {**before, "id": key}:
            return (b"\xef\xbb\xbf" if bom else b"") + new_text.encode("utf-8")
    raise MiliaError(msg.CANT_PLACE_ID.format(file=source))
