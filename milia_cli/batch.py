"""`milia batch`: one export per client TOML file in a folder.

A broken file is reported (its one-sentence error) and skipped; the others are
still written. Each output is named after its client file (``ana.toml`` ->
``ana.html``), so adding a file never renames another's output (see
:func:`output_stems`). Each client's log is the one of its identity
(:mod:`milia_cli.identity`); two files claiming one identity are never given one
log. Pure library code: the CLI passes the clock (``today_for``), the log reader,
the identifier and the callbacks.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, cast

from milia_cli.errors import MiliaError
from milia_cli.exporters import registry
from milia_cli.logmodel import EMPTY_LOG, Log
from milia_cli.messages import common as common_msg
from milia_cli.messages import export as msg
from milia_cli.profile import Profile

if TYPE_CHECKING:
    from concurrent.futures import Future

    from milia_cli.identity import Identified
    from milia_cli.paths import Locations
    from milia_cli.store import Store

MAX_SLUG = 60
WRITERS = 4  # threads overlapping the fsyncs of the writes
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass
class BatchResult:
    written: list[Path] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)
    outputs: list[tuple[Path, Path]] = field(default_factory=list)  # (client file, what it became)
    claimed: int = 0  # client files that were given an id by this run

    @property
    def total(self) -> int:
        return len(self.written) + len(self.failed)


def slugify(text: str) -> str:
    """A file-name-safe slug: ASCII letters, digits and '-', lower case, at most 60 chars ('' if none)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return _NOT_SLUG.sub("-", folded).strip("-")[:MAX_SLUG].strip("-")


def client_files(directory: Path) -> list[Path]:
    """The client TOML files of ``directory``, sorted by name (hidden files skipped)."""
    if not directory.is_dir():
        raise MiliaError(msg.BATCH_NOT_DIR.format(path=directory))
    try:
        files = sorted(p for p in directory.iterdir() if p.suffix == ".toml" and not p.name.startswith("."))
    except OSError as exc:
        from milia_cli.fsutil import reason

        raise MiliaError(common_msg.READ_FAILED.format(path=directory, reason=reason(exc))) from None
    if not files:
        raise MiliaError(msg.BATCH_EMPTY.format(path=directory))
    return files


_SAFE_STEM = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,199}")


def output_stems(files: list[Path]) -> dict[Path, str]:
    """The output name (without extension) of each client file: its stem when that is a
    safe file name, else a slug of it. Only names that collide (also ignoring case, as
    output folders may) change, and only those that are not their file's own stem: they
    get a short hash of the stem. So a file's output name depends on no other file but
    one whose name collides with it."""
    import hashlib
    from collections import Counter

    base = {f: f.stem if _SAFE_STEM.fullmatch(f.stem) else (slugify(f.stem) or "client") for f in files}
    counts = Counter(b.casefold() for b in base.values())
    groups: dict[str, list[Path]] = {}
    for f, b in base.items():
        groups.setdefault(b.casefold(), []).append(f)
    stems = {}
    for f, b in base.items():
        group = groups[b.casefold()]
        verbatim = [g for g in group if base[g] == g.stem]
        keep = counts[b.casefold()] == 1 or verbatim == [f]
        stems[f] = b if keep else f"{b}-{hashlib.sha1(f.stem.encode('utf-8', 'surrogateescape')).hexdigest()[:8]}"
    return stems


def run_batch(
    directory: Path,
    fmt: str,
    outdir: Path,
    *,
    weeks: int,
    today_for: Callable[[str], date],
    log_for: Callable[[Profile], Log] | None = None,
    first: date | Callable[[date], date | None] | None = None,
    start: date | Callable[[date], date | None] | None = None,
    clinician: str | None = None,
    paper: str = "a4",
    on_error: Callable[[Path, str], None] | None = None,
    on_done: Callable[[Path], None] | None = None,
    files: list[Path] | None = None,
    identify: Callable[[Path, Profile], Identified] | None = None,
    on_note: Callable[[str], None] | None = None,
    write: Callable[[Path, bytes], object] | None = None,
    lang_for: Callable[[Profile], str] | None = None,
) -> BatchResult:
    """Export every client file of ``directory`` into ``outdir``; never stops at a bad file.

    Each export is a view (issue 13, item 5): ``weeks`` weeks from ``first`` (default: the
    client's current plan week) of the program from ``start`` (default: the client's
    schedule.start); each may be a date or a function of the client's today (``--from today``).
    ``identify`` gives a profile its identity (a log database exists); ``log_for`` reads
    the log of an identified profile. ``write(target, data)`` writes one output (default:
    atomically; the CLI passes :func:`milia_cli.outputs.write_output`, which refuses to
    replace what milia did not write). ``lang_for`` gives a client's handout or report its language
    (default: the client's ``lang``, else English)."""
    from milia_cli.calendar_window import window_for
    from milia_cli.fsutil import atomic_write_bytes, ensure_private_dir
    from milia_cli.planner import Planner
    from milia_cli.views import rebased, view_first, view_last, view_log

    row = registry.get(fmt)
    if row is None or not row.batch:
        raise ValueError(f"unknown format {fmt!r}")
    renderer = registry.load(row.render)
    options = registry.defaults(row, clinician=clinician, paper=paper)  # the others at the format's defaults
    files = client_files(directory) if files is None else files
    if outdir.exists() and not outdir.is_dir():
        raise MiliaError(msg.BATCH_OUT_IS_FILE.format(path=outdir))
    ensure_private_dir(outdir)
    result = BatchResult()
    stems = output_stems(files)
    loaded = _load_all(directory, files, identify, on_note, result)
    # Rendering is CPU work, done here in order; the writes (each fsync'd twice) overlap
    # on a few threads. Results and errors are still reported in the files' order.
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=WRITERS) as pool:
        pending: list[tuple[Path, object]] = []
        for source, profile in zip(files, loaded, strict=False):
            try:
                if isinstance(profile, MiliaError):
                    raise profile
                log = log_for(profile) if log_for is not None and profile.id is not None else EMPTY_LOG
                today = today_for(profile.schedule.timezone)
                profile = rebased(profile, _on(start, today))
                day = _on(first, today)
                if row.language:  # a handout or report in the client's language (issue 17, item 3)
                    options["lang"] = lang_for(profile) if lang_for is not None else None
                if row.source == "calendar":  # the very file `export` writes for this client (window, UIDs, SEQUENCE)
                    data = renderer(window_for(profile, log, today, weeks, day), **options)
                elif row.source == "report":  # issue 17: the progress report, the last `weeks` weeks of the log
                    data = renderer(profile, log, today, weeks, **options)
                else:
                    lo = view_first(profile.schedule.start, today, day)
                    plan = Planner(profile, view_log(log, view_last(lo, weeks)), today=today).plan(weeks, first=lo)
                    data = renderer(plan, **options)
                data = registry.as_bytes(data)
                target = outdir / (stems[source] + row.extension)
            except MiliaError as err:
                pending.append((source, err))
            else:
                pending.append((source, (target, pool.submit(write or atomic_write_bytes, target, data))))
            while len(pending) > 2 * WRITERS or (pending and _ready(pending[0][1])):
                _settle(pending.pop(0), result, on_error, on_done)
        while pending:
            _settle(pending.pop(0), result, on_error, on_done)
    return result


def _on(value: date | Callable[[date], date | None] | None, today: date) -> date | None:
    """A batch's ``first``/``start``: a date, or what a function of the client's today gives."""
    return value(today) if callable(value) else value


def _load_all(directory: Path, files: list[Path], identify, on_note, result: BatchResult) -> list:
    """Every file's identified profile, or its error; a copy of another file (same id) is an
    error and its original gets a warning (:func:`milia_cli.identity.judge`)."""
    from milia_cli.identity import judge
    from milia_cli.profile import load_profile

    loaded: list = []
    for source in files:
        try:
            profile = load_profile(source)
            if identify is not None:
                found = identify(source, profile)
                profile = found.profile
                result.claimed += found.event in ("new", "inherited", "home-owns")
                for note in found.notes if found.event != "new" else ():
                    if on_note is not None:
                        on_note(note)
            loaded.append(profile)
        except MiliaError as err:
            loaded.append(err)
    by_key: dict[str, list[int]] = {}
    for i, item in enumerate(loaded):
        if not isinstance(item, MiliaError) and item.id is not None:
            by_key.setdefault(item.id, []).append(i)
    for key, indexes in by_key.items():
        if len(indexes) < 2:
            continue
        for i in indexes:
            others = [files[j] for j in indexes if j != i]
            try:
                warning = judge(files[i], key, others)
            except MiliaError as err:
                loaded[i] = err
            else:
                if on_note is not None:
                    on_note(warning)
    return loaded


def _ready(item: object) -> bool:
    return isinstance(item, MiliaError) or item[1].done()  # type: ignore[index]


def _settle(entry: tuple[Path, object], result: BatchResult, on_error, on_done) -> None:
    source, item = entry
    error: MiliaError | None = item if isinstance(item, MiliaError) else None
    if error is None:
        target, future = cast("tuple[Path, Future[None]]", item)
        try:
            future.result()
        except MiliaError as err:
            error = err
        else:
            result.written.append(target)
            result.outputs.append((source, target))
    if error is not None:
        result.failed.append((source, error.message))
        if on_error is not None:
            on_error(source, error.message)
    if on_done is not None:
        on_done(source)


def identifier(locations: Locations, store: Store) -> Callable[[Path, Profile], Identified]:
    """What gives each client file its identity in a batch: one connection, the home's
    profile keys read once (a client file without an id gets one, as in every command)."""
    from milia_cli.identity import Identified, claim, home_keys, is_home_file

    homes = home_keys(locations)

    def identify(source: Path, profile: Profile) -> Identified:
        if profile.id is not None:
            return Identified(profile)
        if is_home_file(source, locations.profiles_dir):
            return Identified(profile._replace(id=source.stem))
        return claim(source, profile, locations, store=store, homes=homes)

    return identify


def report_outputs(out: Callable[[str], None], err: Callable[[str], None], result: BatchResult) -> None:
    """Which file became which output (stdout, one line each), and how many got an id."""
    from milia_cli.messages import identity as id_msg

    for source, target in result.outputs:
        out(id_msg.BATCH_OUTPUT.format(source=_shown(source.name), target=_shown(target.name)))
    if result.claimed:
        err(id_msg.BATCH_CLAIMED.format(count=result.claimed, s="" if result.claimed == 1 else "s"))


def _shown(name: str) -> str:
    return name if name.isprintable() else "".join(c if c.isprintable() else ascii(c)[1:-1] for c in name)
