"""What the hot commands import, and what it costs (``python -X importtime``).

    .venv/bin/python benchmarks/importtime.py              # --version, today, checkin --all
    .venv/bin/python benchmarks/importtime.py --runs 9 --top 20
    .venv/bin/python benchmarks/run.py --imports           # the same, after the timings

For each command it runs ``python -X importtime <milia> ARGS`` a few times
(medians per module), then reports: the time spent importing, grouped by top
package; the heavy modules the issue forbids on the hot path (rich, icalendar,
sqlite3, the exporters); and the *edges* where milia code pulls in something
costly — "milia module X imported Y, Y cost N ms" — which is what to make lazy.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from workspace import TODAY, Workspace  # noqa: E402

HEAVY = ("rich", "icalendar", "sqlite3", "_sqlite3", "pydantic", "json", "zoneinfo", "tomllib", "tomli_w",
         "platformdirs", "milia_cli.exporters", "milia_cli.batch", "milia_cli.store")
COMMANDS = (
    ("milia --version", ["--version"], "week", False),
    ("milia today", ["today"], "week", False),
    ("milia checkin --all", ["checkin", "--all"], "checkin", True),
)


@dataclass
class Import:
    name: str
    depth: int
    self_us: float
    cum_us: float
    parent: Import | None = None


def source_file(module: str) -> str:
    path = module.replace(".", "/")
    return f"{path}/__init__.py" if (HERE.parent / path).is_dir() else f"{path}.py"


def parse(stderr: str) -> list[Import]:
    """The importtime lines, in order, each linked to the module that imported it."""
    rows = []
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        self_us, cum_us, name = line[len("import time:"):].split("|", 2)
        if not self_us.strip().isdigit():
            continue  # the header line
        depth = (len(name) - len(name.lstrip(" ")) - 1) // 2
        rows.append(Import(name.strip(), depth, float(self_us), float(cum_us)))
    stack: list[Import] = []
    for imp in reversed(rows):  # post-order reversed: a parent comes before its children
        while stack and stack[-1].depth >= imp.depth:
            stack.pop()
        imp.parent = stack[-1] if stack else None
        stack.append(imp)
    return rows


def milia_importer(imp: Import) -> str:
    """The milia module that (directly or through third parties) pulled ``imp`` in."""
    node = imp.parent
    while node is not None and not node.name.startswith("milia_cli"):
        node = node.parent
    return node.name if node is not None else "(interpreter start-up / entry point)"


def profile_command(script: str, python: str, args: list[str], env: dict[str, str], runs: int) -> list[Import]:
    """Median self/cumulative times per module over ``runs`` runs (after one warm-up)."""
    samples: dict[str, list[tuple[float, float]]] = {}
    first: list[Import] = []
    for i in range(runs + 1):
        run_env = {**env, **({"MILIA_NOW": (TODAY + timedelta(days=100 + i)).isoformat()} if "checkin" in args else {})}
        proc = subprocess.run([python, "-X", "importtime", script, *args], env=run_env, stdin=subprocess.DEVNULL,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if proc.returncode != 0:
            raise RuntimeError(f"`{Path(script).name} {' '.join(args)}` failed: "
                               + (proc.stderr.strip().splitlines() or [""])[-1])
        rows = parse(proc.stderr)
        if i == 0:
            first = rows
            continue
        for r in rows:
            samples.setdefault(r.name, []).append((r.self_us, r.cum_us))
    for r in first:
        got = samples.get(r.name)
        if got:
            r.self_us = statistics.median(s for s, _ in got)
            r.cum_us = statistics.median(c for _, c in got)
    return first


def subtree_extra(rows: list[Import], floor_names: set[str]) -> dict[int, float]:
    """For each import, the self time of it and everything it pulled in, minus the floor's modules."""
    extra: dict[int, float] = {}
    for i, row in enumerate(rows):  # post-order: a module's imports are the deeper rows just before it
        total = row.self_us if row.name not in floor_names else 0.0
        j = i - 1
        while j >= 0 and rows[j].depth > row.depth:
            if rows[j].name not in floor_names:
                total += rows[j].self_us
            j -= 1
        extra[id(row)] = total
    return extra


def top_package(name: str) -> str:
    if name.startswith("milia_cli"):
        return ".".join(name.split(".")[:2]) if name.count(".") else name
    return name.split(".")[0]


def summarize(title: str, rows: list[Import], top: int, floor: list[Import] | None = None) -> list[str]:
    total = sum(r.self_us for r in rows)
    out = [f"{title}: {len(rows)} modules imported, {total / 1000:.1f} ms importing"]
    if floor is not None:
        floor_names = {r.name for r in floor}
        extra = [r for r in rows if r.name not in floor_names]
        floor_total = sum(r.self_us for r in floor)
        out.append(f"  above the Typer hello-world ({len(floor)} modules, {floor_total / 1000:.1f} ms): "
                   f"{len(extra)} more modules, {sum(r.self_us for r in extra) / 1000:.1f} ms")
        groups: dict[str, float] = {}
        for r in extra:
            groups[top_package(r.name)] = groups.get(top_package(r.name), 0) + r.self_us
        ranked = sorted(groups.items(), key=lambda kv: -kv[1])[:10]
        out.append("    of which (self time): " + ", ".join(f"{k} {v / 1000:.1f} ms" for k, v in ranked))
    by_pkg: dict[str, float] = {}
    for r in rows:
        by_pkg[top_package(r.name)] = by_pkg.get(top_package(r.name), 0) + r.self_us
    biggest = sorted(by_pkg.items(), key=lambda kv: -kv[1])[:8]
    out.append("  by package (self time): " + ", ".join(f"{k} {v / 1000:.1f} ms" for k, v in biggest))
    names = {r.name for r in rows}
    heavy = sorted(n for n in names if n.split(".")[0] in HEAVY or n.startswith(HEAVY))
    heavy_tops = sorted({h if h.startswith("milia_cli") else h.split(".")[0] for h in heavy})
    out.append("  heavy modules present: " + (", ".join(heavy_tops) if heavy_tops else "none"))
    # edges: a milia module importing something that is not milia; the cost counted is the
    # self time of the modules in that subtree that the floor does not import anyway
    floor_names = {r.name for r in floor} if floor is not None else set()
    extra = subtree_extra(rows, floor_names)
    edges = [r for r in rows if not r.name.startswith("milia_cli") and r.parent is not None
             and r.parent.name.startswith("milia_cli") and extra[id(r)] >= 300]
    edges += [r for r in rows if r.name.startswith("milia_cli") and r.self_us >= 300]  # work at import time
    edges.sort(key=lambda r: -(r.self_us if r.name.startswith("milia_cli") else extra[id(r)]))
    if edges:
        out.append("  costliest imports made by milia code, beyond the floor (what to make lazy):")
        for r in edges[:top]:
            if r.name.startswith("milia_cli"):
                out.append(f"    {r.self_us / 1000:6.1f} ms  {r.name} itself (its module body)"
                           f"  [{source_file(r.name)}]")
            else:
                by = r.parent.name  # type: ignore[union-attr]
                out.append(f"    {extra[id(r)] / 1000:6.1f} ms  {r.name}  <- {by}  [{source_file(by)}]")
    return out


def report(ws: Workspace, milia: str, python: str, *, runs: int = 5, top: int = 12, markdown: bool = False) -> str:
    from run import base_env

    lines = [f"Import time (python -X importtime, median of {runs} runs per module):"]
    floor = profile_command(str(HERE / "hello_typer.py"), python, [], base_env(), runs)
    lines += ["", *summarize("typer hello-world (the floor)", floor, top)[:3]]
    for title, args, home, _ in COMMANDS:
        env = {**base_env(), "MILIA_HOME": str(ws.home(home))}
        try:
            rows = profile_command(milia, python, args, env, runs)
        except RuntimeError as exc:
            lines += ["", f"{title}: not measured ({exc})"]
            continue
        lines += ["", *summarize(title, rows, top, floor)]
    text = "\n".join(lines)
    return f"```\n{text}\n```" if markdown else text


def main(argv: list[str] | None = None) -> int:
    import workspace
    from run import find_milia

    p = argparse.ArgumentParser(description="What milia's hot commands import, and the cost.")
    p.add_argument("--runs", type=int, default=5, help="runs per command (median per module)")
    p.add_argument("--top", type=int, default=12, help="how many costly imports to list")
    p.add_argument("--milia", default=None)
    args = p.parse_args(argv)
    ws = workspace.build(workspace.Sizes.quick())
    try:
        print(report(ws, find_milia(args.milia), sys.executable, runs=args.runs, top=args.top))
    finally:
        ws.remove()
    return 0


if __name__ == "__main__":
    sys.exit(main())
