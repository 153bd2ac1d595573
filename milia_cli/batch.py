"""`milia batch`: one export per client TOML file in a folder.

A broken file is reported (its one-sentence error) and skipped; the others are
still written. Output names come from the client's name (a safe slug), made
unique deterministically in the sorted order of the files. Pure library code:
the CLI passes the clock (``today_for``), the log reader and the callbacks.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

from milia_cli.errors import MiliaError
from milia_cli.exporters import EXTENSIONS
from milia_cli.logmodel import EMPTY_LOG, Log
from milia_cli.messages import common as common_msg
from milia_cli.messages import export as msg
from milia_cli.plan import Plan
from milia_cli.profile import Profile

BATCH_FORMATS = ("html", "md", "ics", "json")
MAX_SLUG = 60
WRITERS = 4  # threads overlapping the fsyncs of the writes
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass
class BatchResult:
    written: list[Path] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)

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


class Namer:
    """Unique output stems: ``ana``, then ``ana-2``, ``ana-3``… in call order."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def __call__(self, profile: Profile, source: Path) -> str:
        base = slugify(profile.name) or slugify(source.stem) or "client"
        stem, n = base, 1
        while stem in self.used:
            n += 1
            stem = f"{base}-{n}"
        self.used.add(stem)
        return stem


def render(fmt: str, plan: Plan, profile: Profile, *, clinician: str | None = None, paper: str = "a4") -> bytes:
    """The bytes of one export (``fmt`` in :data:`BATCH_FORMATS`)."""
    if fmt == "html":
        from milia_cli.exporters.html import export_html

        return export_html(plan, profile, clinician=clinician, paper=paper).encode("utf-8")
    if fmt == "md":
        from milia_cli.exporters.markdown import export_markdown

        return export_markdown(plan, profile, clinician=clinician).encode("utf-8")
    if fmt == "ics":
        from milia_cli.exporters.ics import export_ics

        return export_ics(plan, profile)
    if fmt == "json":
        from milia_cli.exporters.json_export import export_json

        return export_json(plan).encode("utf-8")
    raise ValueError(f"unknown format {fmt!r}")


def run_batch(
    directory: Path,
    fmt: str,
    outdir: Path,
    *,
    weeks: int,
    today_for: Callable[[str], date],
    log_for: Callable[[Profile], Log] | None = None,
    clinician: str | None = None,
    paper: str = "a4",
    on_error: Callable[[Path, str], None] | None = None,
    on_done: Callable[[Path], None] | None = None,
    files: list[Path] | None = None,
    write: Callable[[Path, bytes], object] | None = None,
) -> BatchResult:
    """Export every client file of ``directory`` into ``outdir``; never stops at a bad file.
    ``write(target, data)`` writes one output (default: atomically; the CLI passes
    :func:`milia_cli.outputs.write_output`, which refuses to replace what milia did not write)."""
    from milia_cli.fsutil import atomic_write_bytes, ensure_private_dir
    from milia_cli.planner import build_plan
    from milia_cli.profile import load_profile

    if fmt not in BATCH_FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    files = client_files(directory) if files is None else files
    if outdir.exists() and not outdir.is_dir():
        raise MiliaError(msg.BATCH_OUT_IS_FILE.format(path=outdir))
    ensure_private_dir(outdir)
    result = BatchResult()
    namer = Namer()
    # Rendering is CPU work, done here in order; the writes (each fsync'd twice) overlap
    # on a few threads. Results and errors are still reported in the files' order.
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=WRITERS) as pool:
        pending: list[tuple[Path, object]] = []
        for source in files:
            try:
                profile = load_profile(source)
                log = log_for(profile) if log_for is not None else EMPTY_LOG
                plan = build_plan(profile, log, weeks=weeks, today=today_for(profile.schedule.timezone))
                data = render(fmt, plan, profile, clinician=clinician, paper=paper)
                target = outdir / (namer(profile, source) + EXTENSIONS[fmt])
            except MiliaError as err:
                pending.append((source, err))
            else:
                pending.append((source, (target, pool.submit(write or atomic_write_bytes, target, data))))
            while len(pending) > 2 * WRITERS or (pending and _ready(pending[0][1])):
                _settle(pending.pop(0), result, on_error, on_done)
        while pending:
            _settle(pending.pop(0), result, on_error, on_done)
    return result


def _ready(item: object) -> bool:
    return isinstance(item, MiliaError) or item[1].done()  # type: ignore[index]


def _settle(entry: tuple[Path, object], result: BatchResult, on_error, on_done) -> None:
    source, item = entry
    error: MiliaError | None = item if isinstance(item, MiliaError) else None
    if error is None:
        target, future = item  # type: ignore[misc]
        try:
            future.result()
        except MiliaError as err:
            error = err
        else:
            result.written.append(target)
    if error is not None:
        result.failed.append((source, error.message))
        if on_error is not None:
            on_error(source, error.message)
    if on_done is not None:
        on_done(source)
