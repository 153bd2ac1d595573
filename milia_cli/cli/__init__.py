"""The ``milia`` command line.

`main()` (the console script) registers only the command module the command line
needs, so `milia today` never pays for building `export` or `stats`. Call
:func:`load_commands` with no argument to register everything, e.g. before
driving :data:`app` with Typer's CliRunner.

Ctrl-C while Python is still importing the app (typer, click, the command module)
used to print a KeyboardInterrupt traceback (issue 12, item 10). So the very first
thing the console script runs, before any heavy import, is :func:`_quiet_startup`:
until :func:`main` takes over, SIGINT/SIGTERM end the process with the one-sentence
message and exit 130/143 — nothing has been read or written yet.
"""

import os
import signal
import sys


def _startup_signal(signum: int, _frame: object) -> None:
    os.write(2, b"Interrupted; nothing was changed.\n")
    os._exit(128 + signum)


def _quiet_startup() -> None:
    """Install the start-up handlers, but only in the milia process itself (the console
    script or ``python -m milia_cli``), never in a program that imports milia as a library."""
    name = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else ""
    if name not in ("milia", "__main__.py"):
        return
    for signum in (signal.SIGINT, signal.SIGTERM):
        try:
            signal.signal(signum, _startup_signal)
        except (ValueError, OSError):  # not the main thread: leave Python's default
            pass


_quiet_startup()

from milia_cli.cli.app import COMMAND_MODULES, app, load_commands, run, state  # noqa: E402,F401


def _interrupt(signum: int, _frame: object) -> None:
    raise KeyboardInterrupt  # SIGTERM as Ctrl-C: the one exit point cleans up and says what was stored


def main() -> None:
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        code = run()
    except KeyboardInterrupt:  # outside a command (parsing, loading a command module)
        from milia_cli.messages.common import INTERRUPTED

        sys.stderr.write(INTERRUPTED + "\n")
        code = 130
    sys.exit(code)
