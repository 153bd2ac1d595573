"""`milia doctor`: check a home and say what is wrong and how to fix it.

:func:`check_home` looks at the directories and files of a home — permissions
(directories 0700, files 0600), every profile file (it must load and validate),
leftover temp files of interrupted atomic writes, and the log database (header,
schema version, ``PRAGMA integrity_check``, logs whose profile is gone).

It has no side effects unless ``fix=True``, and then only safe ones: narrowing
permissions and removing leftover temp files. A damaged database or profile is
never touched; the finding says how to restore it. The database is opened
through :mod:`milia_cli.store` only when its header shows a current milia
database, so a check never migrates or rewrites it.
"""

from __future__ import annotations

import os
import re
import shlex
import stat
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from milia_cli.errors import MiliaError
from milia_cli.fsutil import PRIVATE_DIR, PRIVATE_FILE, reason
from milia_cli.messages import Retold
from milia_cli.messages import doctor as msg
from milia_cli.paths import Locations, validate_profile_name

__all__ = ["Finding", "DoctorReport", "check_home", "SEVERITIES", "TEMP_FILE_RE"]

SEVERITIES = (msg.ERROR, msg.WARNING, msg.INFO)
# fsutil.atomic_write_bytes: mkstemp(prefix=".NAME.", suffix=".tmp") -> ".NAME.<8 random>.tmp"
TEMP_FILE_RE = re.compile(r"\.(?P<target>.+)\.[A-Za-z0-9_]{8}\.tmp")
# a new database being built (store_conn.create_database) leaves SQLite's own sidecars of the temp file
TEMP_DB_SIDECAR_RE = re.compile(r"\.(?P<target>.+)\.[A-Za-z0-9_]{8}\.tmp-(?:wal|shm|journal)")
# the scratch copy of a database and its -wal an older milia made to check them (before milia_cli.walfit)
SCRATCH_DIR_RE = re.compile(r"\.milia-check-[A-Za-z0-9_]{8}")
# a copy of a profile an editor or a person left beside it: "ana.toml.bak", "ana.toml~", "ana.toml.orig"
PROFILE_COPY_RE = re.compile(r"\.toml(?:[.~]|$)", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    """One thing wrong with a home: how bad, what, where, and how to fix it."""

    severity: str  # error | warning | info
    check: str  # home | permissions | profile | temp-file | database | orphaned-log
    path: str
    problem: str  # what is wrong (no final period)
    fix: str  # how to fix it (no final period)
    fixable: bool = False  # `--fix` can apply a safe fix
    fixed: bool = False
    action: str | None = None  # what --fix did

    @property
    def is_problem(self) -> bool:
        return not self.fixed and self.severity in (msg.ERROR, msg.WARNING)

    def sentence(self) -> str:
        if self.fixed:
            return msg.FIXED_LINE.format(problem=self.problem, action=self.action)
        return msg.LINE.format(severity=self.severity, problem=self.problem, fix=self.fix)


@dataclass(frozen=True)
class DoctorReport:
    home: str
    db_path: str
    findings: tuple[Finding, ...] = ()
    profiles: int = 0
    db_version: int | None = None  # None: no database (or it could not be read)

    @property
    def problems(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.is_problem)

    @property
    def fixed(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.fixed)

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": "milia.doctor/1",
            "home": self.home,
            "db": self.db_path,
            "ok": self.ok,
            "profiles": self.profiles,
            "db_schema": self.db_version,
            "problems": len(self.problems),
            "findings": [asdict(f) for f in self.findings],
        }


@dataclass
class _Checker:
    locations: Locations
    fix: bool
    timeout: float | None
    findings: list[Finding] = field(default_factory=list)
    profiles: int = 0
    db_version: int | None = None

    def add(self, finding: Finding) -> None:
        self.findings.append(finding)

    # -- permissions ------------------------------------------------------------
    def mode_of(self, path: Path) -> int | None:
        try:
            return stat.S_IMODE(path.stat().st_mode)
        except OSError:
            return None

    def check_mode(self, path: Path, want: int) -> None:
        mode = self.mode_of(path)
        if mode is None or not mode & 0o077:
            return
        is_dir = want == PRIVATE_DIR
        linked = path.is_symlink()  # --fix never chmods through a link: its target may be anything
        target = os.path.realpath(path)
        finding = Finding(  # the fix is a command to paste: its paths quoted for the shell ("Ana copy.toml")
            msg.WARNING, "permissions", str(path),
            (msg.DIR_WIDENED if is_dir else msg.FILE_WIDENED).format(path=path, mode=mode),
            (msg.LINK_WIDENED_FIX.format(path=path, target=target, target_arg=shlex.quote(target), mode=want)
             if linked else (msg.DIR_WIDENED_FIX if is_dir else msg.FILE_WIDENED_FIX).format(
                 path_arg=shlex.quote(str(path)))),
            fixable=not linked,
        )
        if self.fix and not linked:
            try:
                os.chmod(path, want)
            except OSError as exc:
                finding = replace(finding, fix=msg.FIX_FAILED.format(path=path, reason=reason(exc)))
            else:
                finding = replace(finding, fixed=True, action=msg.ACTION_CHMOD.format(mode=want))
        self.add(finding)

    # -- directories ------------------------------------------------------------
    def directories(self) -> list[Path]:
        loc = self.locations
        dirs = [loc.config_dir, loc.profiles_dir]
        if loc.data_dir != loc.config_dir:
            dirs.append(loc.data_dir)
        return dirs

    def check_directories(self) -> bool:
        """Permissions of the home's directories; False if there is no home at all."""
        loc = self.locations
        if not loc.config_dir.exists() and not loc.data_dir.exists():
            self.add(Finding(msg.INFO, "home", str(loc.config_dir),
                             msg.HOME_MISSING.format(path=loc.config_dir), msg.HOME_MISSING_FIX))
            return False
        for directory in self.directories():
            if not directory.exists():
                continue
            if not directory.is_dir():
                self.add(Finding(msg.ERROR, "home", str(directory),
                                 msg.NOT_A_DIRECTORY.format(path=directory), msg.NOT_A_DIRECTORY_FIX))
                continue
            self.check_mode(directory, PRIVATE_DIR)
        return True

    # -- temp files ---------------------------------------------------------------
    def check_temp_files(self) -> None:
        for directory in self.directories():
            for entry in _entries(directory):
                scratch = SCRATCH_DIR_RE.fullmatch(entry.name) and entry.is_dir(follow_symlinks=False)
                match = TEMP_FILE_RE.fullmatch(entry.name) or TEMP_DB_SIDECAR_RE.fullmatch(entry.name)
                if not scratch and (not match or not entry.is_file(follow_symlinks=False)):
                    continue
                path = Path(entry.path)
                # (not a scratch folder: a temporary file, which `match` names)
                problem = (msg.STALE_SCRATCH.format(path=path) if scratch or match is None else
                           msg.STALE_TEMP.format(path=path, target=(directory / match["target"]).name))
                finding = Finding(msg.WARNING, "temp-file", str(path), problem, msg.STALE_TEMP_FIX, fixable=True)
                if self.fix:
                    try:
                        if scratch:
                            import shutil

                            shutil.rmtree(path)
                        else:
                            path.unlink()
                    except FileNotFoundError:
                        continue  # a write finished meanwhile: nothing left over
                    except OSError as exc:
                        finding = replace(finding, fix=msg.FIX_FAILED.format(path=path, reason=reason(exc)))
                    else:
                        finding = replace(finding, fixed=True, action=msg.ACTION_REMOVED)
                self.add(finding)

    # -- profiles -----------------------------------------------------------------
    def check_profiles(self) -> None:
        from milia_cli.profile import load_profile

        for entry in _entries(self.locations.profiles_dir):
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            if not entry.name.endswith(".toml"):
                if PROFILE_COPY_RE.search(entry.name) and entry.is_file(follow_symlinks=False):
                    self.check_mode(path, PRIVATE_FILE)  # a backup of a profile: the same health data
                continue
            stem = path.stem
            try:
                validate_profile_name(stem)
            except MiliaError:  # not a profile milia uses (`Ana copy.toml`), but it holds one
                self.add(Finding(msg.INFO, "profile", str(path),
                                 msg.PROFILE_BAD_NAME.format(path=path, stem=stem), msg.PROFILE_BAD_NAME_FIX))
                if entry.is_file(follow_symlinks=False):
                    self.check_mode(path, PRIVATE_FILE)
                continue
            if not entry.is_file():  # a FIFO or device would block the read; a directory cannot load
                self.add(Finding(msg.ERROR, "profile", str(path),
                                 msg.PROFILE_NOT_REGULAR.format(path=path), msg.PROFILE_NOT_REGULAR_FIX))
                continue
            self.check_mode(path, PRIVATE_FILE)
            try:
                load_profile(path)
            except MiliaError as err:
                newer = _newer_schema(path)
                if newer is not None:
                    from milia_cli.profile_schema import SCHEMA_VERSION

                    problem = msg.PROFILE_NEWER.format(path=path, found=newer, supported=SCHEMA_VERSION)
                    fix = msg.PROFILE_NEWER_FIX
                else:
                    problem = msg.PROFILE_INVALID.format(detail=_clause(err.message))
                    fix = msg.PROFILE_INVALID_FIX.format(path=path)
                self.add(Finding(msg.ERROR, "profile", str(path), problem, fix))
            else:
                self.profiles += 1

    # -- the database -----------------------------------------------------------------
    def check_database(self) -> None:
        from milia_cli.dbfiles import db_files, preflight

        db = self.locations.db_path
        if os.path.isdir(db):
            self.add(Finding(msg.ERROR, "database", str(db),
                             msg.NOT_A_FILE.format(path=db), msg.NOT_A_DIRECTORY_FIX))
            return
        for path in db_files(db):
            if path.is_file():
                self.check_mode(path, PRIVATE_FILE)
        try:  # the same checks every command makes before SQLite opens the files
            if preflight(db) == "absent":
                return
        except MiliaError as err:
            if not self.header_explains(db):
                detail = _clause(err.message, msg.NOTHING_CHANGED_TAIL)
                self.add(Finding(msg.ERROR, "database", str(db), msg.DB_UNOPENED.format(detail=detail),
                                 msg.DB_FILES_FIX))
            return
        if not self.header_says_current(db):
            return
        from milia_cli.store import open_store

        kwargs = {} if self.timeout is None else {"timeout": self.timeout}
        try:
            with open_store(db, **kwargs) as store:
                self.db_version = store.schema_version
                problems = store.integrity_check()
                if problems:
                    detail = "; ".join(problems[:3]) + (" …" if len(problems) > 3 else "")
                    self.add(Finding(msg.ERROR, "database", str(db),
                                     msg.DB_INTEGRITY.format(path=db, detail=detail), msg.DB_RESTORE_FIX))
                    return
                self.check_orphans(store)
        except MiliaError as err:
            self.add(Finding(msg.ERROR, "database", str(db),
                             msg.DB_UNOPENED.format(detail=_clause(err.message)), msg.DB_UNOPENED_FIX))

    def header_explains(self, db: Path) -> bool:
        """True if the header of a regular, non-empty ``db`` already says what is wrong (reported)."""
        try:
            st = os.lstat(db)
        except OSError:
            return False
        if not stat.S_ISREG(st.st_mode) or st.st_size == 0 or st.st_uid != getattr(os, "geteuid", lambda: st.st_uid)():
            return False
        before = len(self.findings)
        self.header_says_current(db)
        if any(f.severity == msg.ERROR for f in self.findings[before:]):
            return True
        del self.findings[before:]  # an older schema is not the problem here
        return False

    def header_says_current(self, db: Path) -> bool:
        """Check the 100-byte header without SQLite; True if the store may open the file."""
        from milia_cli.store_schema import SCHEMA_VERSION, classify_header

        try:
            kind, version = classify_header(db)
        except OSError as exc:
            self.add(Finding(msg.ERROR, "database", str(db),
                             msg.UNREADABLE.format(path=db, reason=reason(exc)), msg.UNREADABLE_FIX))
            return False
        if kind == "empty":
            self.db_version = 0  # created, never written: the store initialises it on first use
            return False
        if kind in ("short", "not-sqlite"):
            detail = msg.DB_SHORT if kind == "short" else msg.DB_NO_HEADER
            self.add(Finding(msg.ERROR, "database", str(db),
                             msg.DB_NOT_SQLITE.format(path=db, detail=detail), msg.DB_RESTORE_FIX))
            return False
        if kind == "foreign":
            self.add(Finding(msg.ERROR, "database", str(db), msg.DB_FOREIGN.format(path=db), msg.DB_FOREIGN_FIX))
            return False
        if kind == "newer":
            self.add(Finding(msg.ERROR, "database", str(db),
                             msg.DB_NEWER.format(path=db, found=version, supported=SCHEMA_VERSION), msg.DB_NEWER_FIX))
            return False
        if kind == "older":
            self.db_version = version
            self.add(Finding(msg.INFO, "database", str(db),
                             msg.DB_OLDER.format(path=db, found=version, supported=SCHEMA_VERSION), msg.DB_OLDER_FIX))
            return False
        return True

    def check_orphans(self, store: Any) -> None:
        names = set(self.locations.profile_names())
        for key in store.profile_keys():
            if key in names:
                continue
            checkins, events = store.counts(key)
            try:
                validate_profile_name(key)
                fix = msg.DB_ORPHAN_LOG_FIX.format(key=key)
            except MiliaError:
                fix = msg.DB_ORPHAN_LOG_FILE_FIX
            self.add(Finding(
                msg.INFO, "orphaned-log", str(self.locations.db_path),
                msg.DB_ORPHAN_LOG.format(key=key, checkins=checkins, events=events,
                                         directory=self.locations.profiles_dir),
                fix,
            ))


def check_home(locations: Locations, *, fix: bool = False, timeout: float | None = None) -> DoctorReport:
    """Check every file of a home; with ``fix``, apply the safe fixes. Never raises MiliaError.

    ``timeout`` is how long to wait for a locked database (default: the store's).
    """
    checker = _Checker(locations, fix, timeout)
    if checker.check_directories():
        checker.check_temp_files()
        checker.check_profiles()
        checker.check_database()
    order = {s: i for i, s in enumerate(SEVERITIES)}
    findings = tuple(sorted(checker.findings, key=lambda f: (f.fixed, order[f.severity])))
    return DoctorReport(
        home=str(locations.config_dir),
        db_path=str(locations.db_path),
        findings=findings,
        profiles=checker.profiles,
        db_version=checker.db_version,
    )


def _entries(directory: Path) -> Iterable[os.DirEntry[str]]:
    try:
        with os.scandir(directory) as it:
            return sorted(it, key=lambda e: e.name)
    except OSError:
        return []


def _clause(sentence: str, drop: str = "") -> str:
    """A finished sentence as a clause (the report adds its own punctuation), without the ending
    ``drop``; still translated where it is shown when it is one of milia's sentences."""
    return _Clause(sentence.rstrip().rstrip(".").removesuffix(drop), sentence, drop)


class _Clause(Retold):
    """A sentence cut to a clause: in another language, its translation cut the same way."""

    drop: str

    def __new__(cls, text: str, sentence: str = "", drop: str = "") -> _Clause:  # defaults: copy and pickle
        obj = super().__new__(cls, text, sentence)
        obj.drop = drop
        return obj

    def retell(self, translated: str, lang: str) -> str:
        from milia_cli.i18n import tr

        said = translated.rstrip().rstrip(".")
        return said.removesuffix(tr(self.drop, lang)) if self.drop else said


def _newer_schema(path: Path) -> int | None:
    """The schema number of a profile file written by a newer milia, else None."""
    from milia_cli.errors import MiliaError
    from milia_cli.profile import toml_document
    from milia_cli.profile_schema import SCHEMA_VERSION

    try:  # the one TOML parser of profiles: hostile nesting or huge integers are a bad file, not a crash
        data = toml_document(path.read_bytes().decode("utf-8-sig"), str(path))
    except (OSError, UnicodeDecodeError, MiliaError):
        return None
    if not isinstance(data, dict):
        return None
    schema = data.get("schema")
    if isinstance(schema, int) and not isinstance(schema, bool) and schema > SCHEMA_VERSION:
        return schema
    return None
