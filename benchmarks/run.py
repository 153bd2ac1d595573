"""milia's benchmark (issue 7): whole-process medians, side by side, with the ratios that matter.

    .venv/bin/python benchmarks/run.py            # the full run (about 1.5 minutes on 2 cores)
    .venv/bin/python benchmarks/run.py --repeat 31
    .venv/bin/python benchmarks/run.py --quick    # tiny data, 1 run each: a smoke test
    .venv/bin/python benchmarks/run.py --markdown # the tables as Markdown, for the README
    .venv/bin/python benchmarks/run.py --imports  # also: what each hot command imports (-X importtime)

Method: every case is a whole new process (``subprocess`` + ``time.perf_counter``),
timed from spawn to exit, the way a shell runs it. Each case runs once untimed
(to warm the page cache and ``.pyc`` files, and to check it works), then
``--repeat`` times; the repetitions are *interleaved* (every round runs every
case once, in a shuffled order), so both sides of a ratio share the machine's
conditions. The table shows medians. Targets are printed as information: the
exit status is 0 whether they pass or not (and whether a command exists yet).
Standard library only; all data lives in a temp dir; the clock is pinned with
``MILIA_NOW``.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import workspace  # noqa: E402
from workspace import TODAY, Sizes, Workspace  # noqa: E402

JRNL_DEFAULT = Path("/tmp/milia-bench-jrnl/bin/jrnl")  # see the README (Performance) to create it
OTHER_TYPER_DEFAULT = Path("/tmp/milia-bench-typer/bin/python")  # a venv with another Typer, for the pin


@dataclass
class Case:
    key: str
    label: str
    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)
    per_run: Callable[[int], dict[str, str]] | None = None  # extra env for run i (0 = warm-up)
    before: Callable[[], None] | None = None  # untimed, before every run
    needs: str | None = None  # the milia command this case runs (absent until it lands)
    times: list[float] = field(default_factory=list)
    error: str | None = None

    @property
    def median(self) -> float | None:
        return statistics.median(self.times) if self.times else None


@dataclass(frozen=True)
class Ratio:
    label: str
    numerator: str  # case keys
    denominator: str
    target: float | None = None  # at most; None = information only
    why: str = ""


# -- running -------------------------------------------------------------------------------------

def base_env() -> dict[str, str]:
    """The caller's environment without anything that would change what milia or Python does."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("MILIA_", "_MILIA_", "PYTHON", "COMP_", "_TYPER"))}
    env.update(NO_COLOR="1", MILIA_NOW=TODAY.isoformat())
    return env


def last_sentence(stderr: str, width: int = 72) -> str:
    """The last meaningful line of an error (rich's usage boxes stripped), shortened."""
    lines = [line.strip(" │╭╮╰╯─\t") for line in stderr.splitlines()]
    lines = [line for line in lines if line]
    text = lines[-1] if lines else "(no message)"
    return text if len(text) <= width else text[: width - 1] + "…"


def run_once(case: Case, index: int, env: dict[str, str], *, check: bool = False) -> float:
    """Run ``case`` once; returns its wall time in seconds (raises RuntimeError if it fails)."""
    full = {**env, **case.env, **(case.per_run(index) if case.per_run else {})}
    if case.before:
        case.before()
    began = time.perf_counter()
    proc = subprocess.run(case.argv, env=full, stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE if check else subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - began
    if proc.returncode != 0:
        raise RuntimeError(f"exit {proc.returncode}: {last_sentence(proc.stderr.decode(errors='replace'))}")
    if check and case.key == "complete" and not proc.stdout.strip():
        raise RuntimeError("completion printed nothing")
    return elapsed


def measure(cases: list[Case], repeat: int, env: dict[str, str], progress: Callable[[str], None]) -> None:
    """Warm up and check every case, then ``repeat`` interleaved rounds over the working ones."""
    for case in cases:
        try:
            run_once(case, 0, env, check=True)
        except (RuntimeError, OSError) as exc:
            case.error = str(exc)
    working = [c for c in cases if c.error is None]
    rng = random.Random(7)
    for round_no in range(1, repeat + 1):
        order = working[:]
        rng.shuffle(order)
        for case in order:
            if case.error is None:
                try:
                    case.times.append(run_once(case, round_no, env))
                except RuntimeError as exc:
                    case.error = f"failed on run {round_no}: {exc}"
        progress(f"round {round_no}/{repeat}")


# -- the cases -----------------------------------------------------------------------------------

def other_typer_version(python: Path) -> str | None:
    try:
        proc = subprocess.run([str(python), "-c", "import importlib.metadata as m; print(m.version('typer'))"],
                              capture_output=True, text=True, timeout=60)
    except OSError:
        return None
    return proc.stdout.strip() if proc.returncode == 0 else None


def build_cases(ws: Workspace, milia: str, python: str, jrnl: Path | None,
                other_typer: Path | None = None) -> tuple[list[Case], list[Case]]:
    """(the interleaved fast cases, the slow batch case)."""
    home = lambda name: {"MILIA_HOME": str(ws.home(name))}  # noqa: E731
    fresh_day = lambda i: {"MILIA_NOW": (TODAY + timedelta(days=i)).isoformat()}  # noqa: E731
    complete = {"_MILIA_COMPLETE": "complete_bash", "COMP_WORDS": "milia pl", "COMP_CWORD": "1"}
    n_db = ws.sizes.db_clients
    cases = [
        Case("pass", "python -c pass", [python, "-c", "pass"]),
        Case("hello", "typer hello-world (the floor)", [python, str(HERE / "hello_typer.py")]),
        Case("version", "milia --version", [milia, "--version"], home("week")),
        Case("complete", "tab completion (milia pl<TAB>)", [milia], {**home("week"), **complete}, needs="plan"),
        Case("today", "milia today (1-week log)", [milia, "today"], home("week"), needs="today"),
        Case("checkin", "milia checkin --all (a new day each run)", [milia, "checkin", "--all"],
             home("checkin"), per_run=fresh_day, needs="checkin"),
        Case("checkin_million", f"milia checkin --all ({ws.sizes.million_days:,}-day log)",
             [milia, "checkin", "--all"], home("million"), per_run=fresh_day, needs="checkin"),
        Case("today_million", f"milia today ({ws.sizes.million_days:,}-day log)", [milia, "today"],
             home("million"), needs="today"),
        Case("today_year", "milia today (1-year log)", [milia, "today"], home("year"), needs="today"),
        Case("today_decade", "milia today (10-year log)", [milia, "today"], home("decade"), needs="today"),
        Case("stats_week", "milia stats (1-week log)", [milia, "stats"], home("week"), needs="stats"),
        Case("stats_decade", "milia stats (10-year log)", [milia, "stats"], home("decade"), needs="stats"),
        Case("today_emptydb", "milia today (empty database)", [milia, "today"], home("emptydb"), needs="today"),
        Case("today_many", f"milia today ({n_db} clients x 1 year db)", [milia, "today"], home("many"),
             needs="today"),
        Case("ics", "milia export ics --weeks 52", [milia, "export", "ics", "--weeks", "52", "-o", str(ws.ics_out)],
             home("week"), needs="export"),
    ]
    version = other_typer_version(other_typer) if other_typer is not None else None
    if version:
        cases.insert(2, Case("hello_other", f"typer {version} hello-world (other venv)",
                             [str(other_typer), str(HERE / "hello_typer.py")]))
        other_milia = other_typer.parent / "milia"  # milia itself on that Typer, if installed there
        if other_milia.exists():
            cases.insert(3, Case("version_other", f"milia --version on typer {version}",
                                 [str(other_milia), "--version"], home("week")))
            cases.insert(4, Case("today_other", f"milia today on typer {version} (1-week log)",
                                 [str(other_milia), "today"], home("week"), needs="today"))
    if jrnl is not None:
        jrnl_home = ws.root / "jrnl-home"
        jrnl_home.mkdir(exist_ok=True)
        cases.append(Case("jrnl", "jrnl --version (separate venv)", [str(jrnl), "--version"],
                          {"HOME": str(jrnl_home), "XDG_CONFIG_HOME": str(jrnl_home)}))
    batch = Case(
        "batch", f"milia batch ({ws.sizes.batch_clients} clients -> html)",
        [milia, "batch", str(ws.clients), "--format", "html", "-o", str(ws.batch_out)], home("week"),
        before=lambda: shutil.rmtree(ws.batch_out, ignore_errors=True), needs="batch",
    )
    # issue 17: the same client files, each given the id of one of the 1000-client database's logs
    clients = Case(
        "clients", f"milia clients ({ws.sizes.batch_clients} client files)",
        [milia, "clients", str(clients_with_ids(ws))], home("many"), needs="clients",
    )
    return cases, [batch, clients]


def clients_with_ids(ws: Workspace) -> Path:
    """A copy of the batch's client folder whose files name the ``many`` database's logs
    (``id = "client-0007"``: a year of check-ins each), so `milia clients` reads real logs."""
    folder = ws.root / "clients-with-ids"
    folder.mkdir(exist_ok=True)
    for source in sorted(ws.clients.glob("*.toml")):
        text = source.read_text(encoding="utf-8")
        (folder / source.name).write_text(text.replace("\npregnancy", f'\nid = "{source.stem}"\npregnancy', 1),
                                          encoding="utf-8")
    return folder


RATIOS = [
    Ratio("today / floor", "today", "hello", 1.5, "issue 7: within 1.5x the framework floor"),
    Ratio("checkin --all / floor", "checkin", "hello", 1.5, "issue 7: within 1.5x the framework floor"),
    Ratio("--version / floor", "version", "hello"),
    Ratio("floor / python -c pass", "hello", "pass"),
    Ratio("other typer floor / floor", "hello_other", "hello", None, "why typer is pinned"),
    Ratio("milia --version, other typer / this", "version_other", "version", None, "the pin, measured on milia"),
    Ratio("milia today, other typer / this", "today_other", "today", None, "the pin, measured on milia"),
    Ratio("today / python -c pass", "today", "pass"),
    Ratio("tab completion / --version", "complete", "version", 1.10,
          "issue 7: as fast as --version (10% allowed for noise)"),
    Ratio("stats 10y / 1w log", "stats_decade", "stats_week", 1.2, "issue 7: within 1.2x"),
    Ratio("today 10y / 1w log", "today_decade", "today", 1.2, "issue 7: within 1.2x"),
    Ratio("checkin 1e6-day / 1w log", "checkin_million", "checkin", 1.2,
          "issue 12: a check-in costs the same on any log size"),
    Ratio("today 1e6-day / 1w log", "today_million", "today", 1.2, "issue 12: so does today"),
    Ratio("today 1000-client db / empty db", "today_many", "today_emptydb", None, "flat in the client count"),
    Ratio("today 1000-client db / 1y alone", "today_many", "today_year", None, "cost of the other clients"),
    Ratio("export ics 52w / --version", "ics", "version"),
    Ratio("today 1y log / jrnl --version", "today_year", "jrnl", 1.0, "issue 7: no slower than jrnl --version"),
    Ratio("clients / batch -> html (same files)", "clients", "batch", None,
          "issue 17: a summary per client against a handout per client"),
]
BATCH_TARGET_SECONDS = 15.0


# -- reporting -----------------------------------------------------------------------------------

def machine() -> dict[str, str]:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()

    def version(dist: str) -> str:
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            return "not installed"

    try:
        load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        load = "unknown"
    return {
        "load": load, "cpus": str(cpus), "cpu": model, "os": f"{platform.system()} {platform.release()} {platform.machine()}",
        "python": platform.python_version(), "typer": version("typer"), "milia": version("milia-cli"),
    }


def fmt_time(seconds: float | None) -> str:
    if seconds is None:
        return "n/a"
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def paired(a: Case, b: Case) -> str:
    """The median of the per-round ratios a_k / b_k: robust when the machine's load drifts."""
    if len(a.times) != len(b.times) or not a.times:
        return "n/a"
    return f"{statistics.median(x / y for x, y in zip(a.times, b.times, strict=False)):.2f}x"


def ratio_rows(cases: dict[str, Case]) -> list[tuple[str, str, str, str, str]]:
    rows = []
    for r in RATIOS:
        a, b = cases.get(r.numerator), cases.get(r.denominator)
        target = f"<= {r.target:g}x" if r.target is not None else "info"
        if a is None or b is None or a.median is None or b.median is None:
            missing = r.numerator if a is None or a.median is None else r.denominator
            rows.append((r.label, "n/a", "n/a", target, f"SKIP ({missing} not measured)"))
            continue
        value = a.median / b.median
        verdict = "" if r.target is None else ("PASS" if value <= r.target else "FAIL")
        rows.append((r.label, f"{value:.2f}x", paired(a, b), target, verdict))
    return rows


def batch_rows(batch: Case, clients: int) -> list[tuple[str, str, str, str, str]]:
    # the target is for 1,000 clients; scaled when --clients/--quick changes the count
    limit = BATCH_TARGET_SECONDS * clients / 1000
    targets = (f"< {limit:g} s", f"> {1000 / BATCH_TARGET_SECONDS:.0f}/s")
    if batch.median is None:
        values, verdict = ("n/a", "n/a"), "SKIP (not measured)"
    else:
        values = (fmt_time(batch.median), f"{clients / batch.median:.0f}/s")
        verdict = "PASS" if batch.median < limit else "FAIL"
        if clients < 1000:  # start-up dominates a handful of files: the target means nothing there
            verdict = "info (the target is for 1,000 clients)"
    return [
        ("batch -> html, total", values[0], "", targets[0], verdict),
        ("batch -> html, clients per second", values[1], "", targets[1], verdict),
    ]


def clients_rows(case: Case | None, clients: int) -> list[tuple[str, str, str, str, str]]:
    """`milia clients` per client file (start-up included, so an upper bound)."""
    if case is None or case.median is None:
        return [("clients, per client file", "n/a", "", "info", "SKIP (not measured)")]
    return [("clients, per client file", f"{case.median / clients * 1000:.2f} ms", "", "info", "")]


def table(headers: tuple[str, ...], rows: list[tuple[str, ...]], markdown: bool) -> str:
    if markdown:
        out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
        out += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(out)
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    line = lambda row: "  ".join(  # noqa: E731
        (cell.ljust(w) if i == 0 or i == len(row) - 1 else cell.rjust(w)) for i, (cell, w) in enumerate(zip(row, widths, strict=False)))
    return "\n".join([line(headers), line(tuple("-" * w for w in widths)), *(line(r) for r in rows)]).rstrip()


def report(cases: list[Case], slow: list[Case], args: argparse.Namespace, ws: Workspace, markdown: bool) -> str:
    m = machine()
    batch = slow[0]
    by_key = {c.key: c for c in [*cases, *slow]}
    s = ws.sizes
    case_rows = []
    for c in [*cases, *slow]:
        note = c.error or ""
        if c.key == "jrnl" and c.median is not None:
            note = "not a milia dependency"
        case_rows.append((c.label, fmt_time(c.median), fmt_time(min(c.times) if c.times else None),
                          str(len(c.times)), note))
    head = [
        f"milia benchmark: medians of {args.repeat} interleaved whole-process runs (batch: {args.batch_repeat})",
        f"machine: {m['cpus']} CPUs, {m['cpu']}, {m['os']}; Python {m['python']}, typer {m['typer']}, "
        f"milia {m['milia']}; load average at the end {m['load']}",
        f"data: logs of {s.week_days} days / {s.year_days} days / {s.decade_days} days, "
        f"a {s.db_clients}-client x {s.year_days}-day database, a {s.million_days:,}-day log, "
        f"{s.batch_clients} client files "
        f"(built in {ws.setup_seconds:.1f} s); MILIA_NOW={TODAY.isoformat()}",
    ]
    if markdown:
        head = [f"- {h}" for h in head]
    parts = [
        "\n".join(head),
        table(("case", "median", "min", "runs", "note"), case_rows, markdown),
        table(("ratio", "of medians", "paired", "target", "result"), ratio_rows(by_key) + batch_rows(batch, s.batch_clients)
              + clients_rows(by_key.get("clients"), s.batch_clients),
              markdown),
        "PASS/FAIL compares the ratio of medians with the target; 'paired' is the median of the per-round "
        "ratios.\nTargets are information: this program exits 0 whatever they say.",
    ]
    return "\n\n".join(parts)


def write_json(path: Path, cases: list[Case], ws: Workspace) -> None:
    import json

    by_key = {c.key: c for c in cases}
    doc = {
        "machine": machine(), "sizes": ws.sizes.__dict__, "today": TODAY.isoformat(),
        "cases": [{"key": c.key, "label": c.label, "argv": c.argv[1:], "needs": c.needs, "median": c.median,
                   "times": c.times, "error": c.error} for c in cases],
        "ratios": [dict(zip(("label", "value", "paired", "target", "result"), row, strict=False)) for row in ratio_rows(by_key)],
        "batch": [dict(zip(("label", "value", "paired", "target", "result"), row, strict=False))
                  for row in batch_rows(by_key["batch"], ws.sizes.batch_clients)],
    }
    path.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")


# -- main ----------------------------------------------------------------------------------------

def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description="Benchmark milia start-up, log and client scaling (issue 7).")
    p.add_argument("--repeat", type=int, default=15, metavar="N", help="timed runs of each case (default 15)")
    p.add_argument("--batch-repeat", type=int, default=None, metavar="N",
                   help="timed runs of the 1,000-client batch (default min(3, --repeat))")
    p.add_argument("--quick", action="store_true", help="tiny data and 1 run each: check that everything runs")
    p.add_argument("--clients", type=int, default=None, metavar="N", help="client files for batch (default 1000)")
    p.add_argument("--markdown", action="store_true", help="print the tables as Markdown")
    p.add_argument("--imports", action="store_true",
                   help="also list what --version, today and checkin --all import (python -X importtime)")
    p.add_argument("--milia", default=None, help="the milia executable (default: next to this Python)")
    p.add_argument("--jrnl", default=None, help=f"a jrnl executable to compare with (default {JRNL_DEFAULT} if present)")
    p.add_argument("--no-jrnl", action="store_true", help="skip the jrnl comparison")
    p.add_argument("--other-typer", default=None, metavar="PYTHON",
                   help=f"a Python whose venv has another Typer, to time its hello-world too "
                        f"(default {OTHER_TYPER_DEFAULT} if present)")
    p.add_argument("--keep", action="store_true", help="keep the temp dir (its path is printed)")
    p.add_argument("--json", default=None, metavar="FILE", help="also write every case and ratio as JSON to FILE")
    args = p.parse_args(argv)
    if args.quick:
        args.repeat = 1
    if args.repeat < 1:
        p.error("--repeat must be at least 1")
    if args.batch_repeat is None:
        args.batch_repeat = min(3, args.repeat)
    return args


def find_milia(explicit: str | None) -> str:
    if explicit:
        return explicit
    candidate = Path(sys.executable).parent / "milia"
    if candidate.exists():
        return str(candidate)
    found = shutil.which("milia")
    if found:
        return found
    sys.exit("benchmarks/run.py: no `milia` next to this Python; run it as .venv/bin/python benchmarks/run.py")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    progress = lambda text: print(f"  … {text}", file=sys.stderr, flush=True)  # noqa: E731
    milia = find_milia(args.milia)
    jrnl = None
    if not args.no_jrnl:
        jrnl = Path(args.jrnl) if args.jrnl else (JRNL_DEFAULT if JRNL_DEFAULT.exists() else None)
    sizes = Sizes.quick() if args.quick else Sizes()
    if args.clients is not None:
        sizes = Sizes(**{**sizes.__dict__, "batch_clients": args.clients})
    progress("building the data (homes, logs, a many-client database, client files)")
    ws = workspace.build(sizes)
    try:
        other = Path(args.other_typer) if args.other_typer else (
            OTHER_TYPER_DEFAULT if OTHER_TYPER_DEFAULT.exists() and not args.quick else None)
        cases, slow = build_cases(ws, milia, sys.executable, jrnl, other)
        env = base_env()
        measure(cases, args.repeat, env, progress)
        progress("batch and clients")
        measure(slow, args.batch_repeat, env, progress)
        print(report(cases, slow, args, ws, args.markdown))
        if args.json:
            write_json(Path(args.json), cases + slow, ws)
        if args.imports:
            import importtime

            print()
            print(importtime.report(ws, milia, sys.executable, markdown=args.markdown))
    finally:
        if args.keep:
            print(f"\ndata kept in {ws.root}", file=sys.stderr)
        else:
            ws.remove()
    return 0


if __name__ == "__main__":
    sys.exit(main())
