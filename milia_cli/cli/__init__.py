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

The cyclic garbage collector is off while the app is imported, and :func:`main` then
freezes what the imports made (modules, classes, functions: they live as long as the
process) before turning it back on: the collector no longer walks them again and again
during the imports, nor once more at exit. The command itself runs with the collector on,
its young generation collected after 50,000 new objects instead of 700.
"""

import gc
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
    main = sys.modules.get("__main__")
    ours = name == "milia" or getattr(getattr(main, "__spec__", None), "name", None) == "milia_cli.__main__"
    if ours and gc.isenabled():  # never in another program's __main__.py (python -m pytest)
        gc.disable()
        _GC_PAUSED.append(True)
    for signum in (signal.SIGINT, signal.SIGTERM):
        try:
            signal.signal(signum, _startup_signal)
        except (ValueError, OSError):  # not the main thread: leave Python's default
            pass


_GC_PAUSED: list[bool] = []  # the start-up turned the collector off (see the module docstring)
# a young collection after 50,000 new objects rather than 700: a command's records mostly die
# young by reference counting, and lazily imported libraries (icalendar, rich) make thousands
_YOUNG_THRESHOLD = 50_000
_quiet_startup()

from milia_cli.cli.app import COMMAND_MODULES, app, load_commands, run, state  # noqa: E402,F401


def _interrupt(signum: int, _frame: object) -> None:
    raise KeyboardInterrupt  # SIGTERM as Ctrl-C: the one exit point cleans up and says what was stored


def main() -> None:
    if _GC_PAUSED:
        _GC_PAUSED.clear()
        gc.freeze()  # the imports' objects stay for the whole run: the collector leaves them be
        gc.set_threshold(_YOUNG_THRESHOLD, *gc.get_threshold()[1:])
        gc.enable()
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        code = run()
    except KeyboardInterrupt:  # outside a command (parsing, loading a command module)
        from milia_cli.errors import ExitCode
        from milia_cli.messages.common import INTERRUPTED

        sys.stderr.write(INTERRUPTED + "\n")
        code = ExitCode.INTERRUPTED
    sys.exit(code)
