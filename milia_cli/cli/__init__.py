"""The ``milia`` command line. Importing this package registers every command."""

from __future__ import annotations

import sys

from milia_cli.cli.app import app, run, state  # noqa: F401

# Each module registers its commands on `app`; none imports anything heavy at module level.
from milia_cli.cli import profile_cmds, plan_cmds, log_cmds, export_cmds, doctor_cmd  # noqa: F401,E402


def main() -> None:
    sys.exit(run())
