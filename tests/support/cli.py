"""Helpers shared by the CLI error suites: the home's snapshot, the command list, the error contract."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

from milia_cli.cli import app


def snapshot(root: Path) -> dict[str, tuple]:
    """Every path under ``root`` with its mode, and its bytes for files."""
    tree: dict[str, tuple] = {}
    if not root.exists():
        return tree
    tree["."] = ("dir", stat.S_IMODE(root.stat().st_mode))
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            st = path.lstat()
            rel = str(path.relative_to(root))
            if stat.S_ISDIR(st.st_mode):
                tree[rel] = ("dir", stat.S_IMODE(st.st_mode))
            else:
                tree[rel] = ("file", stat.S_IMODE(st.st_mode), path.read_bytes())
    return tree


def commands() -> set[str]:
    """Top-level commands (and 'group sub' pairs), as the group resolves them (lazily)."""
    import typer

    root = typer.main.get_command(app)
    ctx = typer.Context(root)
    names: set[str] = set()
    for name in root.list_commands(ctx):  # type: ignore[attr-defined]
        cmd = root.get_command(ctx, name)  # type: ignore[attr-defined]
        if cmd is None:
            continue
        names.add(name)
        for sub in getattr(cmd, "commands", {}):
            names.add(f"{name} {sub}")
    return names


def needs(*names: str) -> None:
    missing = [n for n in names if n not in commands()]
    assert not missing, f"commands missing from the CLI: {', '.join(missing)}"


def stderr_lines(result: Any) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def error_sentence(line: str) -> str:
    """An error line as a person reads it: ``milia: …``, also when a ``--json`` command printed
    it as milia.error/1 (issue 14, item 4; the object is checked here)."""
    if line.startswith("{"):
        doc = json.loads(line)
        assert doc["schema"] == "milia.error/1" and doc["exit"] in (1, 2) and doc["code"] != "error", doc
        return "milia: " + doc["message"]
    return line


def assert_refused(result: Any, before: dict, home: Path, *, codes: tuple[int, ...] = (1, 2),
                   code: str | None = None) -> None:
    """The error contract: exit 1/2, one stderr line for exit 1, no traceback, nothing changed;
    run in-process, the error is a coded message (``code``, when given, is the one expected)."""
    assert result.exception is None, f"crashed: {result.exception!r}"
    assert result.exit_code in codes, (result.exit_code, result.output)
    if hasattr(result, "code"):  # in-process (tests.conftest.Result); a real process shows no code
        assert result.code not in (None, "error"), f"an error without a message code: {result.stderr!r}"
        assert code is None or result.code == code, (result.code, code)
    assert "Traceback" not in result.output
    if result.exit_code == 1:
        lines = stderr_lines(result)
        assert len(lines) == 1, result.stderr
        line = error_sentence(lines[0])
        assert line.startswith("milia: ") and "internal error" not in line, line
    assert snapshot(home) == before, "the home changed on an error"


FLAG_CASES = [
    ["init", "--force", "--skin-type", "dry", "--pregnancy", "none", "--timezone", "UTC", "--start", "2026-02-30"],
    ["init", "--force", "--skin-type", "dry", "--pregnancy", "none", "--timezone", "UTC", "--birth-year", "3000"],
    ["init", "--force", "--skin-type", "dry", "--pregnancy", "none", "--timezone", "UTC", "--birth-year", "x"],
    ["init", "--force", "--skin-type", "dry", "--pregnancy", "none", "--timezone", "UTC", "--am", "31:00"],
    ["init", "--force", "--skin-type", "dry", "--pregnancy", "none", "--timezone", "UTC", "--area", "soul"],
    ["init", "--force", "--skin-type", "scaly", "--pregnancy", "none", "--timezone", "UTC"],
    ["plan", "--from", "2026-02-30"],
    ["plan", "--weeks", "0"],
    ["plan", "--weeks", "-3"],
    ["plan", "--weeks", "100000"],
    ["plan", "--week", "0"],
    ["plan", "--week", "99999999999999999999"],
    ["today", "--date", "2026-02-30"],
    ["today", "--date", "30/11/2026"],
    ["checkin", "--date", "2026-02-30", "--all"],
    ["checkin", "--date", "2026-11-31", "--all"],
    ["checkin", "--date", "0000-01-01", "--all"],
    ["checkin", "--date", "9999-12-31", "--all"],
    ["plan", "--from", "9999-12-27"],  # issue 12, item 4: the range ends, where plans used to overflow
    ["plan", "--from", "0001-01-01"],
    ["today", "--date", "9999-12-31"],
    ["today", "--date", "0001-01-01"],
    ["event", "add", "--kind", "laser", "--date", "9999-12-31"],
    ["triage", "--size-mm", "nan"],  # item 13: nan passes a range check
    ["checkin", "--irritation", "4"],
    ["checkin", "--irritation", "-1"],
    ["checkin", "--irritation", "mild"],
    ["checkin", "--bumps", "-1"],
    ["checkin", "--bumps", "100000000000000000000000"],
    ["checkin", "--done", "teleport"],
    ["checkin", "--done", "am:nothing"],
    ["checkin", "--done", "noon:cleanse"],
    ["checkin", "--done", "pm:"],
    ["checkin", "--done", ""],
    ["checkin", "--done", "am:cleanse", "--skip", "am:cleanse"],
    ["checkin"],
    ["stats", "--days", "0"],
    ["stats", "--days", "-5"],
    ["stats", "--days", "9999999999"],
    ["event", "add", "--kind", "exorcism", "--date", "2026-11-24"],
    ["event", "add", "--kind", "laser", "--date", "2026-13-01"],
    ["event", "add", "--kind", "laser", "--date", "2300-01-01"],  # outside the supported dates (a planned one is fine)
    ["event", "add", "--kind", "laser", "--date", "2026-11-24", "--area", "soul"],
    ["why", "no-such-rule-or-step"],
    ["export", "ics", "--weeks", "0"],
    ["export", "pdf"],
    ["log", "import", "/nonexistent/file.json"],
    ["--home"],
    ["--no-such-flag"],
    ["profile", "set", "skin.type"],
    ["profile", "delete"],
]
