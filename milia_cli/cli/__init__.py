"""The ``milia`` command line.

`main()` (the console script) registers only the command module the command line
needs, so `milia today` never pays for building `export` or `stats`. Call
:func:`load_commands` with no argument to register everything, e.g. before
driving :data:`app` with Typer's CliRunner.
"""

import sys

from milia_cli.cli.app import COMMAND_MODULES, app, load_commands, run, state  # noqa: F401


def main() -> None:
    sys.exit(run())
