"""The ``milia`` command line. Importing this package registers every command."""

from __future__ import annotations

import sys

from milia_cli.cli.app import app, run, state  # noqa: F401
from milia_cli.cli import profile_cmds  # noqa: F401,E402  (registers commands)

for _optional in ("plan_cmds", "log_cmds", "export_cmds", "doctor_cmd"):
    try:  # each area registers its own commands; missing ones are simply absent
        __import__(f"milia_cli.cli.{_optional}")
    except ModuleNotFoundError as exc:
        if exc.name != f"milia_cli.cli.{_optional}":
            raise


def main() -> None:
    sys.exit(run())
